"""How long ago things began: "for 3 days", "2 weeks ago", "since yesterday", "sudden onset"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from types import MappingProxyType

from carenote.text.model import Duration
from carenote.text.numbers import (
    DIGITS_PATTERN,
    VAGUE_PATTERN,
    WORD_NUMBER_PATTERN,
    matches_ending_at,
    to_number,
)

#: Days per unit; a month is a twelfth of 365.25 days.
_DAYS = MappingProxyType({
    "min": 1 / 1440, "minute": 1 / 1440, "hour": 1 / 24, "hr": 1 / 24, "h": 1 / 24,
    "day": 1.0, "d": 1.0, "night": 1.0, "week": 7.0, "wk": 7.0, "month": 365.25 / 12,
    "mo": 365.25 / 12, "year": 365.25, "yr": 365.25, "y": 365.25,
})  # fmt: skip
_UNIT = (
    r"(?P<unit>minutes?|mins?|hours?|hrs?|h|days?|d|nights?|weeks?|wks?|months?|mos?|"
    r"years?|yrs?|y)"
)
_ONE_AMOUNT = rf"(?:{DIGITS_PATTERN}|{VAGUE_PATTERN}|{WORD_NUMBER_PATTERN})"
#: An amount or a range of two ("2-3", "two to three", "2 or 3"; read as the middle).
_AMOUNT = rf"(?P<num>{_ONE_AMOUNT})(?:\s*(?:-|–|to|or)\s*(?P<upto>{_ONE_AMOUNT}))?"
_NOT_AGE = r"(?!\s*-?\s*old\b)"  # "3-day-old" is an age, not a duration
_I = re.IGNORECASE

#: "for 3 days", "over the last several hours", "in the past 2 weeks", "x 3 days"
_FOR = re.compile(
    r"(?=[fFoOdDiIwWxX])\b(?:for|over|during|in|within|x)\s+(?:(?:the|last|past|"
    r"previous|preceding|about|around|approximately|nearly|almost|more\s+than|over|under|"
    rf"some)\s+)*{_AMOUNT}\s*-?\s*{_UNIT}\b{_NOT_AGE}",
    _I,
)
_THEN = r"\s*-?\s*"
#: Patterns that end in a keyword, tried only just before each keyword (fast).
_ENDING_IN = (
    # "2 weeks ago", "three days prior", "5 days before admission"
    (
        re.compile(rf"\b{_AMOUNT}{_THEN}{_UNIT}\s+(?:ago|prior|previously|earlier|before)\b", _I),
        re.compile(r"\b(?:ago|prior|previously|earlier|before)\b", _I),
    ),
    # "a 3-day history of", "2-week history", "a 3 day course"
    (
        re.compile(rf"\b{_AMOUNT}{_THEN}{_UNIT}{_THEN}(?:history|course|duration)\b", _I),
        re.compile(r"\b(?:history|course|duration)\b", _I),
    ),
    # "3 days of fever", "a week of cough" (but "3 years of age" is an age)
    (
        re.compile(rf"\b{_AMOUNT}{_THEN}{_UNIT}\s+of\b(?!\s+age\b)", _I),
        re.compile(r"\bof\b(?!\s+age\b)", _I),
    ),
)
#: British clinical shorthand: 3/7 = 3 days, 2/52 = 2 weeks, 3/12 = 3 months, when
#: "for", "x", "history", "hx" or "ago" shows it is a duration (not a date or a score).
_FRACTION = re.compile(
    r"(?=[fFxX\d])(?:\b(?:for|x)\s+)?\b(?P<num>\d{1,2})/(?P<per>7|52|12)\b"
    r"(?P<tail>\s+(?:history|hx|ago)\b)?",
    _I,
)
_FRACTION_DAYS = MappingProxyType({"7": 1.0, "52": 7.0, "12": 365.25 / 12})
#: Named times, as a reader would count them in days (approximate by nature).
_SINCE = MappingProxyType({
    "yesterday": 1.0, "last night": 0.5, "this morning": 0.25, "earlier today": 0.25,
    "today": 0.25, "the day before": 1.0, "last week": 7.0, "last month": 365.25 / 12,
    "last year": 365.25, "tonight": 0.1, "this evening": 0.1, "this afternoon": 0.1,
})  # fmt: skip
_NAMED = re.compile(
    r"(?=[sSfFbB])\b(?:since|from|starting|started|began|beginning)\s+(?P<when>"
    + "|".join(sorted((k.replace(" ", r"\s+") for k in _SINCE), key=len, reverse=True))
    + r")\b",
    _I,
)
_ONSET = re.compile(
    r"(?=[sSaArRtTgGiIpP])\b(?:(?P<sudden>sudden|abrupt|acute|rapid|thunderclap)|"
    r"(?P<gradual>gradual|insidious|slow|progressive))(?:ly)?[\s-]+(?:onset|started|began|"
    r"starting|beginning|developed)\b|\b(?P<sudden2>suddenly|abruptly)\b",
    _I,
)


def find_durations(text: str) -> list[Duration]:
    """Durations and onsets in ``text``, in order, without overlaps."""
    found: list[Duration] = []
    for duration in sorted(_candidates(text), key=lambda d: d.span):
        if found and duration.span[0] < found[-1].span[1]:
            continue
        found.append(duration)
    return found


def _candidates(text: str) -> Iterator[Duration]:
    matches = chain(
        _FOR.finditer(text),
        *(matches_ending_at(pattern, keyword, text) for pattern, keyword in _ENDING_IN),
    )
    for match in matches:
        amount = _amount(match.group("num"), match.group("upto"))
        if amount is None:
            continue
        unit = match.group("unit").lower()
        per = _DAYS[unit.rstrip("s")]
        yield Duration(
            text=match.group(0),
            days=round(amount[0] * per, 6),
            span=match.span(),
            approximate=amount[1],
        )
    for match in _FRACTION.finditer(text):
        if match.group("tail") or match.group(0)[0].isalpha():
            days = int(match.group("num")) * _FRACTION_DAYS[match.group("per")]
            yield Duration(text=match.group(0), days=round(days, 6), span=match.span())
    for match in _NAMED.finditer(text):
        when = " ".join(match.group("when").lower().split())
        yield Duration(text=match.group(0), days=_SINCE[when], span=match.span(), approximate=True)
    for match in _ONSET.finditer(text):
        onset = "gradual" if match.group("gradual") else "sudden"
        yield Duration(text=match.group(0), days=None, span=match.span(), onset=onset)


def _amount(first: str, upto: str | None) -> tuple[float, bool] | None:
    """The number of units, and whether it is approximate (vague words, ranges)."""
    low = to_number(first)
    if low is None or upto is None:
        return low
    high = to_number(upto)
    if high is None or high[0] < low[0]:
        return None
    return (low[0] + high[0]) / 2, True
