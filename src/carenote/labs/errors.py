"""The one error type of lab interpretation: bad input, explained in words."""

from __future__ import annotations


class LabInputError(ValueError):
    """A lab value, unit, code, age or sex that cannot be interpreted.

    The message names what is wrong and what is accepted, so the CLI and the API can
    show it to a person unchanged.
    """


class CatalogueError(ValueError):
    """A lab catalogue file that does not validate; the message names file and field."""
