"""Everyday senses of words that are also finding phrases ("a fit, healthy man").

A lexicon phrase of one common word can name a finding in one sense and mean something
else in another: "fit" is a seizure in "had a fit" but not in "a fit, healthy man";
"faint" is syncope in "felt faint" but not in "a faint rash"; "cutting" is self-harm
only with a reflexive object ("cutting herself"); "burning" describes pain ("burning
pain") far more often than it names a burn. Each rule here looks at the words right
around a mention and drops the mention when the context shows the everyday sense.
Rules are about the word, not about any one case, and err towards keeping a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sense:
    """A word (the whole mention text) whose context can show a non-finding sense."""

    #: The mention's text, matched whole and case-insensitively.
    word: re.Pattern[str]
    #: Findings (by name) the rule is about; any finding when None.
    names: re.Pattern[str] | None
    #: Text right after the mention that shows the everyday sense (drop when it matches).
    drop_after: re.Pattern[str] | None = None
    #: Text right after the mention that keeps the finding sense (drop when it does not).
    keep_after: re.Pattern[str] | None = None
    #: Text right before the mention that shows the everyday sense.
    drop_before: re.Pattern[str] | None = None
    #: Text near the mention (either side) that keeps the finding sense.
    keep_near: re.Pattern[str] | None = None


_REFLEXIVE = re.compile(r"\s+(?:her|him|them|my|your|one)sel(?:f|ves)\b", re.IGNORECASE)

SENSES: tuple[Sense, ...] = (
    # "fit" as an adjective: "a fit, apparently healthy man", "fit and well", "keep fit".
    Sense(
        word=re.compile(r"fit", re.IGNORECASE),
        names=None,
        drop_after=re.compile(
            r"\s*,?\s*(?:and\s+(?:well|healthy|active)|apparently|healthy|young|active|"
            r"looking|for\b|to\s+(?:work|travel|fly|drive))",
            re.IGNORECASE,
        ),
        drop_before=re.compile(r"\b(?:keep|keeps|keeping|physically|very|otherwise)\s+$", re.I),
    ),
    # "faint" as an adjective: "a faint erythematous rash", "faint murmur", "faint smell".
    Sense(
        word=re.compile(r"faint", re.IGNORECASE),
        names=None,
        drop_after=re.compile(
            r"\s+(?:erythematous|macular|maculopapular|papular|pink|red|rash|erythema|"
            r"blush|murmur|systolic|diastolic|wheez|crackle|trace|smell|odou?r|line|"
            r"outline|streak|mark|blue|white|brown|purple|scar|pulse|heart\s+sound)",
            re.IGNORECASE,
        ),
    ),
    # "cut"/"cutting" is self-harm only with a reflexive object; a cut is usually a wound.
    Sense(
        word=re.compile(r"cut(?:s|ting)?", re.IGNORECASE),
        names=re.compile(r"self", re.IGNORECASE),
        keep_after=_REFLEXIVE,
    ),
    # "burning" describes a pain or sensation ("burning and aching pain", "burning on
    # passing urine"); it names a burn injury only with a reflexive ("burning herself").
    Sense(
        word=re.compile(r"burning", re.IGNORECASE),
        names=re.compile(r"\bburn\b|scald", re.IGNORECASE),
        keep_after=_REFLEXIVE,
    ),
    # "smokes", "smoking", "a smoker" are about tobacco; breathing in smoke from a fire is
    # told with the fire ("smoke from a house fire", "inhaled smoke").
    Sense(
        word=re.compile(r"smok(?:e|es|ed|ing|er|ers)", re.IGNORECASE),
        names=re.compile(r"inhal", re.IGNORECASE),
        keep_near=re.compile(r"\b(?:fire|flames?|blaze|inhal\w*|breath\w* in|fumes)\b", re.I),
    ),
)

#: How far around a mention the rules look (characters).
WINDOW = 40


def everyday_sense(text: str, span: tuple[int, int], name: str) -> bool:
    """True when the mention at ``span`` (of a finding called ``name``) is used in an
    everyday, non-finding sense according to :data:`SENSES`."""
    start, end = span
    said = text[start:end]
    after = text[end : end + WINDOW]
    before = text[max(0, start - WINDOW) : start]
    for sense in SENSES:
        if not sense.word.fullmatch(said):
            continue
        if sense.names is not None and not sense.names.search(name):
            continue
        if sense.drop_after is not None and sense.drop_after.match(after):
            return True
        if sense.drop_before is not None and sense.drop_before.search(before):
            return True
        if sense.keep_after is not None and not sense.keep_after.match(after):
            return True
        if sense.keep_near is not None and not sense.keep_near.search(before + " " + after):
            return True
    return False
