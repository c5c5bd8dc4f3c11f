"""Ages as people and phenopackets write them: years (``38``, ``0.5``) or ISO 8601 (``P7M``)."""

from __future__ import annotations

import re

from carenote.inputs.errors import InputError

_ISO = re.compile(
    r"^P(?:(?P<y>\d+(?:\.\d+)?)Y)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<w>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T.*)?$"
)
#: Oldest documented human ~122 years; anything above 130 is a typing error.
MAX_AGE_YEARS = 130.0
ACCEPTED = "accepted: years such as 38 or 0.5, or an ISO 8601 duration such as P38Y, P7M, P10D"


def parse_age(text: str, *, where: str = "age") -> float:
    """Age in years from ``38``, ``0.5`` or an ISO 8601 duration; InputError otherwise."""
    raw = text.strip()
    try:
        years = float(raw)
    except ValueError:
        match = _ISO.match(raw.upper())
        if not match or raw.upper() in ("P", "PT"):
            raise InputError(f"{where}: '{text}' is not an age; {ACCEPTED}") from None
        parts = {k: float(v) if v else 0.0 for k, v in match.groupdict().items()}
        years = parts["y"] + parts["m"] / 12.0 + parts["w"] * 7 / 365.25 + parts["d"] / 365.25
    if not 0.0 <= years <= MAX_AGE_YEARS or years != years:
        raise InputError(f"{where}: {text} is not a possible age (0 to 130 years); {ACCEPTED}")
    return years
