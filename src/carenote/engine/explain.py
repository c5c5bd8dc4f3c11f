"""Explanations: which evidence raised or lowered each condition, and by how much."""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel, ConfigDict

from carenote.compiler.compiled import CompiledKB
from carenote.compiler.schema import TRIAGE_ORDER
from carenote.engine.result import ConditionEvidence, EvidenceItem, RankedCondition
from carenote.engine.scoring import PRESENT, Scored

#: Contributions smaller than this (natural-log units, ≈ ×1.05) are not worth listing.
MIN_WEIGHT = 0.05
MAX_ITEMS = 12
UNCONFIRMED_MAX = 8


class Explanation(BaseModel):
    """CONTRACTS.md, POST /explain."""

    model_config = ConfigDict(frozen=True)

    supporting_evidence: list[EvidenceItem]
    conflicting_evidence: list[EvidenceItem]
    unconfirmed_evidence: list[EvidenceItem]


def _items(kb: CompiledKB, scored: Scored, idx: int) -> ConditionEvidence:
    weights = scored.contributions[:, idx] if scored.contributions.size else np.zeros(0)
    supporting: list[EvidenceItem] = []
    conflicting: list[EvidenceItem] = []
    for j in np.argsort(-np.abs(weights)):
        w = float(weights[j])
        if abs(w) < MIN_WEIGHT:
            break
        col = int(scored.columns[j])
        item = EvidenceItem(
            id=kb.finding_ids[col],
            name=kb.finding_names[col],
            weight=round(w, 2),
            choice="present" if scored.choice[j] == PRESENT else "absent",
            source=kb.sources.get(
                kb.link_sources.get((idx, col), ""), kb.link_sources.get((idx, col))
            ),
        )
        (supporting if w > 0 else conflicting).append(item)
    return ConditionEvidence(supporting=supporting[:MAX_ITEMS], conflicting=conflicting[:MAX_ITEMS])


def ranked(kb: CompiledKB, scored: Scored, limit: int) -> list[RankedCondition]:
    """The ``limit`` most probable conditions, best first, each with its evidence."""
    order = np.argsort(-scored.probability)[:limit]
    return [
        RankedCondition(
            id=kb.condition_ids[i],
            name=kb.condition_names[i],
            lay_name=kb.lay_names[i],
            synonyms=list(kb.condition_synonyms[i]),
            xrefs=list(kb.xrefs[i]),
            probability=float(min(max(scored.probability[i], 0.0), 1.0)),
            urgency=TRIAGE_ORDER[int(kb.urgency[i])],
            rare=bool(kb.rare[i]),
            category=kb.categories[i],
            evidence_grade=kb.evidence_grades[i],
            summary=kb.summaries[i]
            or (
                "A rare disease from the Human Phenotype Ontology annotations; "
                "only a specialist can confirm or exclude it."
                if not kb.curated[i]
                else None
            ),
            evidence=_items(kb, scored, int(i)),
        )
        for i in order
    ]


def explain_condition(kb: CompiledKB, scored: Scored, idx: int) -> Explanation:
    """Evidence for and against one condition, and its typical findings not yet reported."""
    ev = _items(kb, scored, idx)
    reported = {int(c) for c in scored.columns}
    row = kb.direct_rows[idx].toarray().ravel()
    unconfirmed = [
        EvidenceItem(
            id=kb.finding_ids[c],
            name=kb.finding_names[c],
            weight=round(float(row[c]), 2),
            choice="unknown",
        )
        for c in np.argsort(-row)[: UNCONFIRMED_MAX * 3]
        if row[c] > 0 and int(c) not in reported
    ][:UNCONFIRMED_MAX]
    return Explanation(
        supporting_evidence=ev.supporting,
        conflicting_evidence=ev.conflicting,
        unconfirmed_evidence=unconfirmed,
    )
