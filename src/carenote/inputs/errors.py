"""The one exception type for bad input (exit status 2, HTTP 422)."""


class InputError(ValueError):
    """Input that cannot be used; the message names what is wrong and what is accepted."""
