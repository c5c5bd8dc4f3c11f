"""Numbers written in digits or words ("15,000", "2.5", "three", "twenty-one")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _word_numbers() -> dict[str, int]:
    numbers = {word: value for value, word in enumerate(_UNITS)}
    numbers.update({"a": 1, "an": 1, "one hundred": 100, "a hundred": 100})
    for k, tens in enumerate(_TENS):
        numbers[tens] = 20 + 10 * k
        for unit in range(1, 10):
            numbers[f"{tens}-{_UNITS[unit]}"] = 20 + 10 * k + unit
            numbers[f"{tens} {_UNITS[unit]}"] = 20 + 10 * k + unit
    return numbers


WORD_NUMBERS: Mapping[str, int] = MappingProxyType(_word_numbers())
#: Vague quantities, as a reader would picture them; durations built from them are
#: flagged ``approximate``.
VAGUE_NUMBERS: Mapping[str, int] = MappingProxyType(
    {"a few": 3, "few": 3, "several": 3, "a couple of": 2, "a couple": 2, "couple of": 2}
)

#: The same words as one compact pattern (a long alternation is slow to try at every
#: position); longest alternatives first, so "twenty-one" wins over "twenty".
WORD_NUMBER_PATTERN = (
    rf"(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS[9:0:-1])}))?"
    rf"|(?:a|one)\s+hundred|{'|'.join(sorted(_UNITS, key=len, reverse=True))}|an|a"
)
VAGUE_PATTERN = "|".join(
    sorted((w.replace(" ", r"\s+") for w in VAGUE_NUMBERS), key=len, reverse=True)
)
#: A number in digits: thousands groups ("15,000") or a decimal ("2.5").
DIGITS_PATTERN = r"\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?"


def to_number(raw: str) -> tuple[float, bool] | None:
    """The value of a number in digits or words, and whether it is vague ("several")."""
    text = " ".join(raw.lower().split())
    if text and text[0].isdigit():
        try:
            return float(text.replace(",", "")), False
        except ValueError:
            return None
    if text in WORD_NUMBERS:
        return float(WORD_NUMBERS[text]), False
    if text in VAGUE_NUMBERS:
        return float(VAGUE_NUMBERS[text]), True
    return None


def matches_ending_at(
    pattern: re.Pattern[str],
    keyword: re.Pattern[str],
    text: str,
    reach: int = 60,
    after: int = 0,
) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` that end where ``keyword`` ends ("three weeks *ago*").

    ``reach`` characters before the keyword are searched, and ``after`` beyond it (for
    a pattern with an optional tail, like the "F" of "48-year-old F").
    A pattern that starts with a number in words is slow to try at every word; trying
    it only in a short window before each (rare) keyword is much faster.
    """
    last_end = 0
    for hit in keyword.finditer(text):
        match = pattern.search(text, max(hit.start() - reach, last_end), hit.end() + after)
        if match is not None:
            last_end = match.end()
            yield match
