"""Age and sex of the person a case is about ("A 48-year-old woman", "68 yo M")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from carenote.text.numbers import (
    DIGITS_PATTERN,
    WORD_NUMBER_PATTERN,
    matches_ending_at,
    to_number,
)

SexValue = Literal["female", "male"]
#: The engine's upper bound for an age (``engine.case.Case.age_years``).
MAX_AGE_YEARS = 130.0

#: Days per unit; a year is 365.25 days, a month a twelfth of it.
_YEARS_PER = MappingProxyType({"y": 1.0, "m": 1 / 12, "w": 7 / 365.25, "d": 1 / 365.25})

#: After "I'm 14": not a measure ("I'm 5 weeks pregnant", "I am 70 kg", "I'm 5'10"",
#: "I'm 2.5 stone over") and not a time ("I'm 10:30").
_NOT_A_MEASURE = (
    r"(?![.,:]\d)(?!\s*(?:weeks?|wks?|days?|months?|mos?|hours?|hrs?|minutes?|mins?|kg|kgs|"
    r"kilos?|lbs?|pounds?|st|stones?|%|percent|cm|ft|feet|foot|inch(?:es)?|times?|mg|ml|"
    r"miles?|km|pregnant|['’\"]))(?!\w)"
)
#: An age said alone is a numeral or a number word, never "a"/"an" ("I'm a 29-year-old").
_AGE_NUM = rf"(?P<num>{DIGITS_PATTERN}|(?!an?\b)(?:{WORD_NUMBER_PATTERN}))"
#: Relatives whose word tells their sex, as the age they are given is theirs.
_RELATIVE_SEX = MappingProxyType({
    "son": "M", "boy": "M", "husband": "M", "dad": "M", "father": "M", "brother": "M",
    "daughter": "F", "girl": "F", "wife": "F", "mum": "F", "mom": "F", "mother": "F",
    "sister": "F",
})  # fmt: skip
_NUM = rf"(?P<num>{DIGITS_PATTERN}|{WORD_NUMBER_PATTERN})"
_UNIT = r"(?P<unit>years?|yrs?|y|months?|mos?|weeks?|wks?|days?|d)"
_SEX_LETTER = r"(?:\s*,?\s*(?-i:(?P<letter>[MF]))\b)?"
#: "48-year-old", "3 day old", "7-month-old", "two-year-old", "48 years old": tried
#: only just before each "old" (see ``numbers.matches_ending_at``).
_AGED_OLD = re.compile(rf"\b{_NUM}\s*-?\s*{_UNIT}\s*-?\s*old\b{_SEX_LETTER}", re.IGNORECASE)
_OLD = re.compile(r"\bold\b", re.IGNORECASE)
_AGE_PATTERNS = (
    # "68 yo M", "68yo", "68 y/o", "68 y.o. F"
    re.compile(
        rf"(?=\d)\b(?P<num>\d{{1,3}})\s*-?\s*(?:yo|y/o|y\.o\.?)(?!\w){_SEX_LETTER}",
        re.IGNORECASE,
    ),
    # "aged 48", "age: 48", "age 7 months" (but not "at the age of 30", said of the past)
    re.compile(
        rf"(?=[aA])(?<!the )\b(?:aged?|age:)\s*(?:of\s+)?(?P<num>{DIGITS_PATTERN})"
        rf"(?:\s*{_UNIT}\b)?",
        re.IGNORECASE,
    ),
    # "45 years of age", "7 months of age"
    re.compile(rf"(?=\d)\b(?P<num>{DIGITS_PATTERN})\s*{_UNIT}\s+of\s+age\b", re.IGNORECASE),
    # "68M", "68 F" opening a note
    re.compile(r"^\W*(?:an?\s+)?(?P<num>\d{1,3})\s*(?P<letter>[MF])\b"),
    # "I'm 14 and woke up with …", "I am 42,": a person giving their own age.
    re.compile(
        rf"(?=[iI])\b(?:i['’]m|i\s+am|im)\s+{_AGE_NUM}"
        rf"{_NOT_A_MEASURE}",
        re.IGNORECASE,
    ),
    # "my son is 3", "my daughter, 6,": a parent or partner telling the age.
    re.compile(
        rf"(?=[mMoO])\b(?:my|our)\s+(?P<noun>{'|'.join(_RELATIVE_SEX)}|child|kid|baby|toddler)"
        rf"(?:\s+is|\s*,)\s+(?:only\s+|just\s+)?{_AGE_NUM}"
        rf"{_NOT_A_MEASURE}",
        re.IGNORECASE,
    ),
)
_DECADE_WORDS = MappingProxyType({
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
})  # fmt: skip
_DECADE = re.compile(
    r"(?=[iI])\bin\s+(?P<pronoun>his|her|their)\s+(?P<part>early|mid|late)?[\s-]*"
    rf"(?:(?P<num>[1-9]0)'?s|(?P<word>{'|'.join(_DECADE_WORDS)}))\b",
    re.IGNORECASE,
)
#: Where in a decade "early/mid/late" puts a person (our reading, not a source).
_DECADE_PART = MappingProxyType({"early": 2.0, "mid": 5.0, "late": 8.0, None: 5.0})
_NEWBORN = re.compile(r"\b(?:newborn|neonate)\b", re.IGNORECASE)
#: A story about "my baby" or "the toddler" with no age: a typical age for the word, as a
#: last resort (our reading: a baby or infant is under one year, a toddler one to three).
_CHILD_WORD = re.compile(
    r"(?:^|[.!?]\s+|\n)\s*(?:my|our|the|a|an|this|her|his)\s+(?:little\s+|young\s+|new\s+)?"
    r"(?P<word>baby|infant|toddler)\b",
    re.IGNORECASE,
)
_CHILD_WORD_YEARS = MappingProxyType({"baby": 0.5, "infant": 0.5, "toddler": 2.0})

_FEMALE_NOUNS = frozenset({"woman", "female", "girl", "lady", "daughter", "mrs", "ms", "miss"})
_MALE_NOUNS = frozenset({"man", "male", "boy", "gentleman", "gent", "son", "mr"})
_ADJACENT_NOUN = re.compile(
    r"[\s,]*(?:(?!(?:with|and|has|her|his|their|brings|brought)\b)\w+[\s,]+){0,3}?(?P<noun>woman|female|girl|lady|daughter|man|male|boy|"
    r"gentleman|gent|son)\b",
    re.IGNORECASE,
)
_STRONG_NOUN = re.compile(
    r"(?=[wWfFgGlLmMbB])\b(?:(?P<noun>woman|female|girl|lady|man|male|boy|gentleman)|"
    r"(?P<title>(?-i:Mrs|Ms|Miss|Mr)))\b",
    re.IGNORECASE,
)
_PREGNANT = re.compile(
    r"(?=[pPgGaA])\b(?:pregnant|pregnancy|gravida|postpartum|post-partum|antenatal|G\d+\s*P\d+)\b",
    re.IGNORECASE,
)
#: "at 34 weeks' gestation", "28+3 weeks gestation", "30 weeks pregnant" (not "born at
#: 34 weeks' gestation", which is a baby's history).
_GESTATION = re.compile(
    r"\b(?P<weeks>\d{1,2})(?:\s*\+\s*\d)?\s*(?:weeks?|wks?)['’]?\s+(?:of\s+)?"
    r"(?P<word>pregnant|pregnancy|gestation|gestational)\b",
    re.IGNORECASE,
)
_BORN = re.compile(r"\b(?:born|delivered|birth)\b[^.;]*$", re.IGNORECASE)
_SHE = re.compile(r"(?=[sShH])\b(?:she|her|hers|herself)\b", re.IGNORECASE)
_HE = re.compile(r"(?=[hH])\b(?:he|him|his|himself)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Demographics:
    """Age in years and sex found in a text, with how they were found."""

    age_years: float | None
    age_end: int  # end of the age phrase, or -1
    sex: SexValue | None
    pregnant: bool
    warnings: tuple[str, ...]


def find_demographics(text: str) -> Demographics:
    """Age (first age phrase) and sex (near the age, else nouns, pregnancy, pronouns)."""
    warnings: list[str] = []
    age, age_end, letter, pronoun = _find_age(text, warnings)
    sex = _sex_near_age(text, age_end, letter, pronoun)
    if sex is None:
        sex = _sex_elsewhere(text, warnings)
    pregnant = _PREGNANT.search(text) is not None or gestation(text)
    return Demographics(age, age_end, sex, pregnant, tuple(warnings))


#: The age of a baby the writer is feeding or has given birth to is not the writer's:
#: "I'm breastfeeding my 3-week-old" is the mother's story.
_BABY_OF_WRITER = re.compile(
    r"\b(?:breast-?feeding|nursing|feeding|gave\s+birth\s+to|delivered|had)\s+"
    r"(?:my|our|a|her)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _find_age(text: str, warnings: list[str]) -> tuple[float | None, int, str | None, str | None]:
    best: tuple[int, float, int, str | None, str | None] | None = None
    old = next(
        (
            m
            for m in matches_ending_at(_AGED_OLD, _OLD, text, after=20)
            if not _BABY_OF_WRITER.search(text[max(0, m.start() - 40) : m.start()])
        ),
        None,
    )
    for match in (old, *(pattern.search(text) for pattern in _AGE_PATTERNS)):
        if match is None or (best is not None and match.start() >= best[0]):
            continue
        number = to_number(match.group("num"))
        if number is None:
            continue
        unit = (match.groupdict().get("unit") or "y").lower()
        per = _YEARS_PER["m" if unit.startswith("mo") else unit[0]]
        letter = match.groupdict().get("letter") or _RELATIVE_SEX.get(
            (match.groupdict().get("noun") or "").lower()
        )
        if number[0] * per > MAX_AGE_YEARS:
            continue
        best = (match.start(), number[0] * per, match.end(), letter, None)
    decade = _DECADE.search(text)
    if decade is not None and (best is None or decade.start() < best[0]):
        base = float(decade.group("num") or _DECADE_WORDS[decade.group("word").lower()])
        years = base + _DECADE_PART[(decade.group("part") or "").lower() or None]
        warnings.append(f"age estimated as {years:g} years from '{decade.group(0)}'")
        best = (decade.start(), years, decade.end(), None, decade.group("pronoun").lower())
    newborn = _NEWBORN.search(text)
    if newborn is not None and (best is None or newborn.start() < best[0]):
        warnings.append(f"age taken as 0 years from '{newborn.group(0)}'")
        best = (newborn.start(), 0.0, newborn.end(), None, None)
    if best is None:
        child = _CHILD_WORD.search(text)
        if child is None or _PREGNANT.search(text):  # "my baby is moving less" is a fetus
            return None, -1, None, None
        years = _CHILD_WORD_YEARS[child.group("word").lower()]
        warnings.append(f"age guessed as {years:g} years from '{child.group('word')}'")
        return years, child.end(), None, None
    return round(best[1], 4), best[2], best[3], best[4]


def _sex_near_age(
    text: str, age_end: int, letter: str | None, pronoun: str | None
) -> SexValue | None:
    if letter:
        return "female" if letter == "F" else "male"
    if pronoun in ("his", "her"):
        return "female" if pronoun == "her" else "male"
    if age_end < 0:
        return None
    near = _ADJACENT_NOUN.match(text, age_end, age_end + 60)
    if near is None:
        return None
    return _noun_sex(near.group("noun"))


def _sex_elsewhere(text: str, warnings: list[str]) -> SexValue | None:
    noun = _STRONG_NOUN.search(text)
    if noun is not None:
        return _noun_sex(noun.group("noun") or noun.group("title"))
    if _PREGNANT.search(text):
        return "female"
    she = len(_SHE.findall(text))
    he = len(_HE.findall(text))
    if she > 2 * he:
        warnings.append("sex taken as female from pronouns only")
        return "female"
    if he > 2 * she:
        warnings.append("sex taken as male from pronouns only")
        return "male"
    return None


def _noun_sex(noun: str) -> SexValue:
    return "female" if noun.lower() in _FEMALE_NOUNS else "male"


def gestations(text: str) -> Iterator[re.Match[str]]:
    """A current pregnancy's gestations ("at 34 weeks' gestation", "34 weeks pregnant"),
    with groups ``weeks`` and ``word``; not a baby's "born at 34 weeks' gestation"."""
    for match in _GESTATION.finditer(text):
        if not _BORN.search(text[max(0, match.start() - 40) : match.start()]):
            yield match


def gestation(text: str) -> bool:
    """Whether the text gives a current pregnancy's gestation."""
    return next(gestations(text), None) is not None
