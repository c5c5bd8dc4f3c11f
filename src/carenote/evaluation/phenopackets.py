"""``carenote bench phenopackets``: rank every disease for published cases, count hits.

Every case counts: a case whose disease the knowledge base lacks is a miss (its rank is
recorded as None). A prediction matches when the ranked condition's id or any of its
cross-references equals one of the case's diagnosed disease ids.
"""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel

from carenote.engine.core import Engine
from carenote.inputs.phenopacket import PhenopacketCase


class CaseOutcome(BaseModel):
    """One case's outcome: the rank of the right disease (None when not found)."""

    index: int
    case_id: str | None
    source: str | None
    diagnoses: list[str]
    rank: int | None
    top: list[str]
    ms: float


class Summary(BaseModel):
    """Aggregate accuracy and speed."""

    scorer: str
    cases: int
    top1: float
    top3: float
    top10: float
    median_rank: float | None
    coverage: float
    ms_per_case: float
    peak_memory_mb: float


@dataclass(frozen=True)
class Ranking:
    """A scorer's answer for one case: the rank of the first correct disease, and the top ids."""

    rank: int | None
    top: list[str]


Scorer = Callable[[PhenopacketCase], Ranking]


def engine_scorer(engine: Engine) -> Scorer:
    """Rank with Carenote's engine over all conditions."""
    kb = engine.kb
    ref_to_rows: dict[str, list[int]] = {}
    for i, refs in enumerate(kb.xrefs):
        for ref in (kb.condition_ids[i], *refs):
            ref_to_rows.setdefault(ref, []).append(i)

    def run(pc: PhenopacketCase) -> Ranking:
        _, scored = engine.score(pc.case)
        rows = [r for d in pc.diagnoses for r in ref_to_rows.get(d, [])]
        top = [kb.condition_ids[i] for i in np.argsort(-scored.log_score)[:10]]
        if not rows:
            return Ranking(None, top)
        target = scored.log_score[rows].max()
        # Rank = 1 + number of conditions scoring strictly better than the best match.
        return Ranking(int((scored.log_score > target).sum()) + 1, top)

    return run


def covered(engine: Engine, pc: PhenopacketCase) -> bool:
    """True when the knowledge base holds one of the case's diseases."""
    return any(d in engine.condition_index for d in pc.diagnoses)


def run_bench(
    cases: Iterable[PhenopacketCase],
    scorer: Scorer,
    *,
    name: str,
    is_covered: Callable[[PhenopacketCase], bool],
    progress: Callable[[], None] | None = None,
) -> tuple[Summary, list[CaseOutcome]]:
    """Score every case, timing each, and summarise."""
    outcomes: list[CaseOutcome] = []
    n_covered = 0
    for index, pc in enumerate(cases):
        start = time.perf_counter()
        ranking = scorer(pc)
        elapsed = (time.perf_counter() - start) * 1000.0
        n_covered += is_covered(pc)
        outcomes.append(
            CaseOutcome(
                index=index,
                case_id=pc.case.case_id,
                source=pc.case.source,
                diagnoses=list(pc.diagnoses),
                rank=ranking.rank,
                top=ranking.top[:3],
                ms=round(elapsed, 3),
            )
        )
        if progress:
            progress()
    return summarise(outcomes, name=name, n_covered=n_covered), outcomes


def summarise(outcomes: list[CaseOutcome], *, name: str, n_covered: int) -> Summary:
    """Top-k rates, median rank (misses count as ranked last) and speed."""
    n = max(len(outcomes), 1)
    ranks = [o.rank for o in outcomes]

    def rate(k: int) -> float:
        return round(sum(1 for r in ranks if r is not None and r <= k) / n, 4)

    # A miss ranks below every hit; the median is an actual case's rank (median_low), and
    # None when that case is a miss.
    ordered = sorted(float("inf") if r is None else float(r) for r in ranks)
    low = statistics.median_low(ordered) if ordered else float("inf")
    median = None if low == float("inf") else low
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return Summary(
        scorer=name,
        cases=len(outcomes),
        top1=rate(1),
        top3=rate(3),
        top10=rate(10),
        median_rank=median,
        coverage=round(n_covered / n, 4),
        ms_per_case=round(sum(o.ms for o in outcomes) / n, 3),
        peak_memory_mb=round(peak_kb / 1024.0, 1),
    )
