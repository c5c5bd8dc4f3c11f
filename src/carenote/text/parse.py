"""Turn a case told in words into structured evidence (CONTRACTS.md, ``POST /parse``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from carenote.text.compounds import compound_effect
from carenote.text.context import Hit, find_hits
from carenote.text.demographics import SexValue, find_demographics, gestation
from carenote.text.durations import find_durations
from carenote.text.labs import find_labs
from carenote.text.lexicon import Lexicon
from carenote.text.model import Mention, ParseResult, Vital
from carenote.text.normalise import Tokens, tokenise
from carenote.text.predicates import predicate_mentions
from carenote.text.readings import reread
from carenote.text.senses import everyday_sense
from carenote.text.spans import SpanSet
from carenote.text.subjects import about_others
from carenote.text.vital_rules import VITAL_RULES, findings_from_vitals
from carenote.text.vitals import find_vitals

_FEVER = "HP:0001945"
_FEVER_RULES = tuple(rule for rule in VITAL_RULES if rule.finding == _FEVER)

#: Words that say by their own meaning that a finding is absent ("afebrile": no fever).
_ABSENT_WORDS = ((re.compile(r"\b(?:afebrile|apyrexial)\b", re.IGNORECASE), _FEVER, "Fever"),)


def parse(
    text: str,
    lexicon: Lexicon,
    *,
    age_years: float | None = None,
    sex: SexValue | None = None,
) -> ParseResult:
    """Findings (present/absent, hedged), labs, vitals, age, sex and durations in ``text``.

    Parameters
    ----------
    text:
        A case told in words, in English.
    lexicon:
        Finding phrases and lab names, built once with :meth:`Lexicon.from_entries`.
    age_years, sex:
        Given by the caller (``--age``, the API's ``age``), they win over what the text
        says (with a warning when it differs); the age decides which vital-sign
        cut-offs apply.

    Returns
    -------
    ParseResult
        Every span indexes ``text``; nothing is raised for odd or empty input.
    """
    tokens = lexicon.speller.correct_tokens(text, tokenise(text, lexicon.token_cache))
    tokens = reread(text, tokens)
    demographics = find_demographics(text)
    warnings = list(demographics.warnings)
    age = _given_or_found("age", age_years, demographics.age_years, warnings)
    sex = _given_or_found("sex", sex, demographics.sex, warnings)
    hits = find_hits(tokens, lexicon, lexicon.triggers, text=text)
    mentions = _mentions(text, tokens, hits, lexicon)
    mentions.extend(predicate_mentions(text, tokens, hits, lexicon))
    vitals = find_vitals(text)
    derived, vital_warnings = findings_from_vitals(
        vitals, age, pregnant=_pregnant_now(text, mentions)
    )
    warnings.extend(vital_warnings)
    if derived and demographics.pregnant:
        warnings.append("vital-sign cut-offs are NEWS2's, which is not meant for pregnancy")
    mentions = _without_normal_temperatures(mentions, vitals)
    said = _present_in_words(mentions)
    mentions.extend(m for m in derived if not said.get(m.id, SpanSet()).overlaps(m.span))
    vital_spans = SpanSet()
    for vital in vitals:
        vital_spans.add(vital.span)
    labs = [lab for lab in find_labs(text, tokens, lexicon) if not vital_spans.overlaps(lab.span)]
    warnings.extend(
        f"no unit given for {lab.code} in '{lab.text}'; the value was kept as written"
        for lab in labs
        if not lab.unit
    )
    return ParseResult(
        mentions=sorted(mentions, key=lambda m: (m.span, m.source, m.id)),
        labs=labs,
        vitals=vitals,
        age_years=age,
        sex=sex,
        durations=find_durations(text),
        warnings=warnings,
    )


_T = TypeVar("_T")


_PREGNANCY_NAME = re.compile(r"pregnan", re.IGNORECASE)


def _pregnant_now(text: str, mentions: Sequence[Mention]) -> bool:
    """Pregnant by a plain statement: a finding of pregnancy said present ("she is 30 weeks
    pregnant"; not "I'm not pregnant", not "possibly pregnant") or a gestation given."""
    return gestation(text) or any(
        m.choice_id == "present"
        and not m.hedged
        and m.subject == "patient"
        and _PREGNANCY_NAME.search(m.name) is not None
        for m in mentions
    )


def _given_or_found(
    what: str, given: _T | None, found: _T | None, warnings: list[str]
) -> _T | None:
    """The value given by the caller wins; say so when the text disagrees."""
    if given is None:
        return found
    if found is not None and found != given:
        warnings.append(f"the {what} given ({given}) was used, not the one in the text ({found})")
    return given


def _mentions(text: str, tokens: Tokens, hits: Sequence[Hit], lexicon: Lexicon) -> list[Mention]:
    mentions: list[Mention] = []
    for hit in hits:
        start, end = tokens.starts[hit.first], tokens.ends[hit.last - 1]
        if _inside_compound(text, end):
            continue
        compound = compound_effect(tokens, hit.first, hit.last)
        if compound == "drop":
            continue  # "stroke volume", "a rash guard"
        negated = hit.negated or _non_prefixed(tokens, hit.first)
        for index in hit.entries:
            entry = lexicon.entries[index]
            sense = everyday_sense(text, (start, end), entry.name)
            if sense == "drop":
                continue
            mentions.append(
                Mention.read(
                    entry.id,
                    entry.name,
                    text,
                    (start, end),
                    negated=negated,
                    hedged=hit.hedged or sense == "hedge" or compound == "hedge",
                    family=hit.family and not about_others(entry.name),
                )
            )
    taken = SpanSet()
    for mention in mentions:
        taken.add(mention.span)
    for pattern, finding, name in _ABSENT_WORDS:
        for match in pattern.finditer(text):
            if not taken.overlaps(match.span()):
                mentions.append(
                    Mention(
                        id=finding,
                        name=name,
                        choice_id="absent",
                        span=match.span(),
                        text=match.group(0),
                    )
                )
    return mentions


#: How far before a measured temperature the word that introduces it may stand ("has a
#: temperature of 37.4 °C").
_TEMPERATURE_REACH = 25
_TEMPERATURE_WORD = re.compile(r"\btemp", re.IGNORECASE)


def _without_normal_temperatures(mentions: list[Mention], vitals: Sequence[Vital]) -> list[Mention]:
    """Drop a fever named by the word "temperature" when the temperature it introduces is
    not a fever ("has a temperature of 37.4 °C"): the value decides, as for any vital
    (``vital_rules``)."""
    normal = [
        v.span
        for v in vitals
        if v.kind == "temperature" and not any(rule.fires(v) for rule in _FEVER_RULES)
    ]
    if not normal:
        return mentions

    def introduces_normal(mention: Mention) -> bool:
        start, end = mention.span
        return bool(_TEMPERATURE_WORD.search(mention.text)) and any(
            v_start - _TEMPERATURE_REACH <= end and start < v_end for v_start, v_end in normal
        )

    return [m for m in mentions if not (m.id == _FEVER and introduces_normal(m))]


#: Second halves of compound adjectives whose first half describes something else:
#: "short-sighted" is not short, "pain-free" is not pain, "spoon-shaped" nails are
#: not spoons, "flu-like" is not flu.
_COMPOUND_END = re.compile(
    r"-(?:sighted|skinned|headed|haired|eyed|handed|legged|minded|hearted|tempered|"
    r"looking|like|free|shaped|colou?red|sized|faced|proof)\b",
    re.IGNORECASE,
)


def _inside_compound(text: str, end: int) -> bool:
    """True when a phrase ends inside a compound adjective ("very short-sighted")."""
    return bool(_COMPOUND_END.match(text, end))


def _non_prefixed(tokens: Tokens, first: int) -> bool:
    """True for a phrase written right after "non-" ("non-productive cough", "non-tender",
    "non-smoker"): the prefix negates it. A phrase that starts later ("non-specific chest
    pain") is not touched."""
    if first == 0 or tokens.norms[first - 1] != "non":
        return False
    return tokens.starts[first] - tokens.ends[first - 1] <= 1


def _present_in_words(mentions: Sequence[Mention]) -> dict[str, SpanSet]:
    """Where each finding is said to be present: 'febrile to 39' already names fever."""
    spans: dict[str, SpanSet] = {}
    for mention in mentions:
        if mention.choice_id == "present":
            spans.setdefault(mention.id, SpanSet()).add(mention.span)
    return spans
