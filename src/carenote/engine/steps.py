"""Next steps: the work-up for the likely conditions, ordered as a clinician would.

Each condition lists its next steps with a priority (1 = do first: e.g. repeat the
abnormal test). The engine gathers the steps of conditions that are reasonably likely,
merges duplicates (same test code, or same text), and orders them by priority, then by
the total probability of the conditions they serve. Cautions always come first.
"""

from __future__ import annotations

import numpy as np

from carenote.compiler.compiled import CompiledKB
from carenote.engine.explain import top_rows
from carenote.engine.result import NextStepOut

#: A condition's steps are listed once it reaches 5 % or is among the top three
#: (expert estimate: enough to be worth ruling out).
MIN_PROBABILITY = 0.05
TOP_N = 3
MAX_STEPS = 12


def next_steps(kb: CompiledKB, probability: np.ndarray) -> list[NextStepOut]:
    """Merged, ordered next steps for the likely conditions."""
    order = top_rows(probability, 50)
    chosen = [int(i) for i in order[:TOP_N]]
    chosen += [int(i) for i in order[TOP_N:50] if probability[i] >= MIN_PROBABILITY]
    merged: dict[str, tuple[int, float, NextStepOut]] = {}
    for idx in chosen:
        for step in kb.next_steps[idx]:
            key = step.code or step.text.lower()
            weight = float(probability[idx])
            priority = 0 if step.kind == "caution" else step.priority
            if key in merged:
                prio, total, out = merged[key]
                because = [*out.because, kb.condition_ids[idx]]
                merged[key] = (
                    min(prio, priority),
                    total + weight,
                    out.model_copy(update={"because": because}),
                )
            else:
                out = NextStepOut(
                    kind=step.kind, text=step.text, code=step.code, because=[kb.condition_ids[idx]]
                )
                merged[key] = (priority, weight, out)
    ranked = sorted(merged.values(), key=lambda item: (item[0], -item[1]))
    return [out for _, _, out in ranked[:MAX_STEPS]]
