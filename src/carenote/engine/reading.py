"""What the knowledge base adds to a parse of free text.

The text parser (``carenote.text``) reads words against a lexicon and knows nothing of
the knowledge base. Some readings need it: a finding told with how long it has lasted
answers the KB's lasting forms of it (``Finding.lasting``); a lab value written without
a unit can be read on its lab's one scale; and a curated finding read from some words
wins over an unused HPO term on the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from carenote.compiler.compiled import CompiledKB
from carenote.text.model import Duration, LabMention, Mention, ParseResult, Span

if TYPE_CHECKING:
    from carenote.labs.catalogue import LabCatalogue

_SENTENCE_END = re.compile(r"[.!?\n]")


def lasting_mentions(
    kb: CompiledKB,
    index: Mapping[str, int],
    names: Mapping[str, str],
    text: str,
    mentions: Sequence[Mention],
    durations: Sequence[Duration],
) -> list[Mention]:
    """A finding told with how long it has lasted answers the knowledge base's lasting
    forms of it: "a cough for 12 days" is a cough, and not a cough lasting more than 3
    weeks; "a cough for 2 months" is both. The duration is the nearest one in the same
    sentence; a finding of someone else, denied or doubted, answers nothing."""
    if not kb.lasting or not durations:
        return []
    out = []
    for mention, lineage in _said_of_patient(kb, index, mentions):
        forms = [(q, days) for q, base, days in kb.lasting if base in lineage]
        told = nearest_in_sentence(text, mention.span, durations) if forms else None
        if told is None or told.days is None:
            continue
        for q, min_days in forms:
            fid = kb.finding_ids[q]
            out.append(
                Mention(
                    id=fid,
                    name=names[fid],
                    choice_id="present" if told.days >= min_days else "absent",
                    span=told.span,
                    text=told.text,
                )
            )
    return out


def implied_mentions(
    kb: CompiledKB, index: Mapping[str, int], names: Mapping[str, str], mentions: Sequence[Mention]
) -> list[Mention]:
    """Findings the knowledge base says a present one implies (``Finding.implied_by``,
    through the ontology): "prostate cancer" is also a history of cancer. Only the
    patient's own, plainly said findings imply anything."""
    if not kb.implied_by:
        return []
    out: dict[tuple[str, Span], Mention] = {}
    for mention, lineage in _said_of_patient(kb, index, mentions):
        for implied, by in kb.implied_by:
            if by in lineage and kb.finding_ids[implied] != mention.id:
                fid = kb.finding_ids[implied]
                out[(fid, mention.span)] = mention.model_copy(
                    update={"id": fid, "name": names[fid], "source": "text"}
                )
    return list(out.values())


def _said_of_patient(
    kb: CompiledKB, index: Mapping[str, int], mentions: Sequence[Mention]
) -> Iterator[tuple[Mention, set[int]]]:
    """The patient's own, plainly present findings, each with its column and the columns
    of its ancestors (what it says, through the ontology)."""
    for mention in mentions:
        col = index.get(mention.id)
        if col is None or mention.choice_id != "present" or mention.hedged:
            continue
        if mention.subject == "patient":
            yield mention, {col, *kb.ancestors[col].tolist()}


def nearest_in_sentence(text: str, span: Span, durations: Sequence[Duration]) -> Duration | None:
    """The duration nearest to ``span`` with no sentence end between them."""
    best: tuple[int, Duration] | None = None
    for duration in durations:
        left, right = sorted((span, duration.span))
        if _SENTENCE_END.search(text, left[1], right[0]) is not None:
            continue
        gap = max(0, right[0] - left[1])
        if best is None or gap < best[0]:
            best = (gap, duration)
    return None if best is None else best[1]


def units_from_scale(
    catalogue: LabCatalogue, parsed: ParseResult
) -> tuple[list[LabMention], list[str]]:
    """Labs written without a unit get the lab's unit when all its units share one scale
    ("platelets are 38": 38 x10^9/L and 38 x10^3/uL are the same count); the warning says
    so. Others stay without a unit (and are left out of the case)."""
    labs, warnings = [], list(parsed.warnings)
    for lab in parsed.labs:
        known = catalogue.get(lab.code)
        unit = known.single_scale_unit() if known is not None and not lab.unit else None
        if unit is not None and known is not None:
            said = f"no unit given for {lab.code} in '{lab.text}'"
            warnings = [w for w in warnings if not w.startswith(said)]
            name = known.definition.name
            warnings.append(f"{said}; read in {unit}, the one scale {name} is reported in")
            lab = lab.model_copy(update={"unit": unit})
        labs.append(lab)
    return labs, warnings


def curated_first(
    kb: CompiledKB, index: Mapping[str, int], mentions: Sequence[Mention]
) -> list[Mention]:
    """Drop an HPO term that no curated condition uses when a curated finding was read
    from the very same words: "COPD" is the KB's known-COPD finding, not also HPO's
    "Chronic pulmonary obstruction", which would count the words twice."""
    curated = kb.curated_finding
    spans = {m.span for m in mentions if m.id in index and curated[index[m.id]]}
    return [m for m in mentions if m.span not in spans or m.id not in index or curated[index[m.id]]]
