"""Explanations: which evidence raised or lowered each condition, and by how much."""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel, ConfigDict

from carenote.compiler.compiled import CompiledKB
from carenote.compiler.schema import TRIAGE_ORDER
from carenote.engine.result import ConditionEvidence, EvidenceItem, RankedCondition
from carenote.engine.scoring import PRESENT, ModelParams, Scored, contributions

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


def _items(kb: CompiledKB, scored: Scored, idx: int, weights: np.ndarray) -> ConditionEvidence:
    supporting: list[EvidenceItem] = []
    conflicting: list[EvidenceItem] = []
    strongest = np.argsort(-np.abs(weights))[: 2 * MAX_ITEMS]
    for j in strongest:
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


def top_rows(probability: np.ndarray, limit: int) -> np.ndarray:
    """Indices of the ``limit`` largest probabilities, largest first (no full sort)."""
    limit = min(limit, probability.size)
    if limit <= 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-probability, limit - 1)[:limit]
    return part[np.argsort(-probability[part], kind="stable")]


def ranked(
    kb: CompiledKB, scored: Scored, limit: int, params: ModelParams
) -> list[RankedCondition]:
    """The ``limit`` most probable conditions, best first, each with its evidence."""
    order = top_rows(scored.probability, limit)
    order = order[np.isfinite(scored.log_score[order])]  # ruled out: explains nothing
    weights = contributions(kb, scored, order, params)
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
            evidence=_items(kb, scored, int(i), weights[:, n]),
        )
        for n, i in enumerate(order)
    ]


def explain_condition(kb: CompiledKB, scored: Scored, idx: int, params: ModelParams) -> Explanation:
    """Evidence for and against one condition, and its typical findings not yet reported."""
    weights = contributions(kb, scored, np.array([idx]), params)[:, 0]
    ev = _items(kb, scored, idx, weights)
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
