"""Choose the next question: the one with the highest expected information gain.

Over the top ``TOP_K`` conditions (renormalised), for each candidate finding f with
q = P(f present) = Σ_c π_c P(f | c), the gain is H(π) − [q H(π | f) + (1 − q) H(π | ¬f)]:
the expected drop in the entropy of the ranking. All candidates are scored at once on a
(TOP_K × candidates) array. Red-flag findings that apply at the person's age are asked
first while they remain unanswered (NHS 111 asks about life-threatening features first).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from carenote.compiler.compiled import CompiledKB, FloatArray, Indices
from carenote.engine.explain import top_rows
from carenote.engine.interview import Question, QuestionChoice, QuestionItem
from carenote.engine.scoring import ModelParams

TOP_K = 40
#: Red-flag questions take precedence during the first few questions only.
RED_FLAG_WINDOW = 4
GROUP_MAX = 5
CHOICES = [
    QuestionChoice(id="present", label="Yes"),
    QuestionChoice(id="absent", label="No"),
    QuestionChoice(id="unknown", label="Don't know"),
]


@dataclass(frozen=True)
class Pick:
    """The chosen question and the information it is expected to give."""

    question: Question
    gain: float
    columns: tuple[int, ...]


def _entropy(p: FloatArray, axis: int = 0) -> FloatArray:
    safe = np.where(p > 0, p, 1.0)
    return np.asarray(-(p * np.log(safe)).sum(axis=axis))


def information_gain(prior: FloatArray, likelihood: FloatArray) -> FloatArray:
    """Expected entropy reduction per candidate; ``likelihood`` is (conditions, candidates)."""
    joint_yes = prior[:, np.newaxis] * likelihood
    joint_no = prior[:, np.newaxis] * (1.0 - likelihood)
    q_yes = joint_yes.sum(axis=0)
    q_no = joint_no.sum(axis=0)
    h_yes = _entropy(joint_yes / np.maximum(q_yes, 1e-12))
    h_no = _entropy(joint_no / np.maximum(q_no, 1e-12))
    return np.asarray(_entropy(prior) - (q_yes * h_yes + q_no * h_no))


def _candidates(kb: CompiledKB, top: Indices, asked: set[int]) -> Indices:
    """Findings linked to the top conditions and not yet answered.

    Curated findings that have a patient-facing question; and, for imported rare
    diseases among the top conditions, their annotated HPO features (asked by name), so
    the check can discriminate between rare diseases too.
    """
    sub = kb.direct_rows[top]
    cols = np.unique(sub.indices) if sub.nnz else np.array([], dtype=np.int32)
    rare_rows = top[~kb.curated[top]]
    rare_cols = set(kb.direct_rows[rare_rows].indices.tolist()) if rare_rows.size else set()
    keep = [
        int(c)
        for c in cols
        if int(c) not in asked
        and (
            kb.finding_questions[c] is not None
            or (int(c) in rare_cols and kb.finding_ids[c].startswith("HP:"))
        )
    ]
    return np.array(keep, dtype=np.int32)


def _likelihood(kb: CompiledKB, top: Indices, cols: Indices, params: ModelParams) -> FloatArray:
    sub = kb.freq[:, cols][top].toarray()
    bg = kb.background[cols][np.newaxis, :]
    fallback = np.where(
        kb.curated[top][:, np.newaxis], params.unlisted_curated * bg, params.imported_floor * bg
    )
    return np.clip(np.where(sub > 0, sub, fallback), 1e-6, 1 - 1e-6)


def choose_question(
    kb: CompiledKB,
    probability: FloatArray,
    asked: set[int],
    *,
    n_answered: int,
    red_flag_columns: set[int],
    params: ModelParams,
) -> Pick | None:
    """The most informative next question, or None when nothing useful is left to ask."""
    top = top_rows(probability, TOP_K)
    prior = probability[top] / max(float(probability[top].sum()), 1e-12)
    cols = _candidates(kb, top, asked)
    if cols.size == 0:
        return None
    gain = information_gain(prior, _likelihood(kb, top, cols, params))
    order = np.argsort(-gain)
    best = int(order[0])
    if n_answered < RED_FLAG_WINDOW:
        flagged = [int(i) for i in order if int(cols[i]) in red_flag_columns and gain[i] > 0]
        if flagged:
            best = flagged[0]
    if gain[best] <= 1e-4:
        return None
    chosen = [best]
    group = kb.finding_groups[int(cols[best])]
    if group:
        chosen += [
            int(i)
            for i in order
            if int(i) != best
            and kb.finding_groups[int(cols[i])] == group
            and gain[i] >= 0.25 * gain[best]
        ][: GROUP_MAX - 1]
    items = [
        QuestionItem(
            id=kb.finding_ids[int(cols[i])], name=kb.finding_names[int(cols[i])], choices=CHOICES
        )
        for i in chosen
    ]
    if len(items) == 1:
        text = kb.finding_questions[int(cols[best])] or (
            f"Has a doctor found this: {items[0].name.lower()}?"
        )
        question = Question(type="single", text=text, items=items)
    else:
        question = Question(
            type="group_multiple", text="Do any of these apply to you?", items=items
        )
    return Pick(
        question=question, gain=float(gain[best]), columns=tuple(int(cols[i]) for i in chosen)
    )
