"""Posterior over conditions from priors and evidence, on the compiled arrays.

The model (written down here because every number the engine prints follows from it):

* **Conditions are mutually exclusive** and exhaustive over the knowledge base, so the
  posterior is a softmax over log scores. A person may of course have none of them;
  probabilities are *relative to the conditions we know*.
* **Naive Bayes against a background.** Each reported finding f contributes its log
  likelihood ratio log P(f | c) / P(f), with P(f) the finding's background rate. Findings
  are assumed independent given the condition (the usual simplification of QMR-style
  and LIRICAL-style rankers; it over-counts correlated findings).
* **Absent findings** contribute log (1 − P(f | c)) / (1 − P(f)), scaled by a weight <= 1
  and with P(f | c) capped, because a report of absence is less reliable than a report of
  presence (case reports list as "excluded" the typical features that were checked).
* **Unlisted findings.** For a curated condition a curated finding it does not list has
  P(f | c) = κ·P(f) with κ < 1 (``unlisted_curated``): curated conditions list their
  typical findings, so one they do not explain counts mildly against them. Any other
  unlisted finding has a small floor, P(f | c) = φ·P(f) (``imported_floor``). A LIRICAL-
  style partial credit for an annotated ancestor of the finding (Robinson et al., Am J
  Hum Genet 2020) was measured and did not help on the bench, so it is not used.
* **NOT annotations** (HPO: the disease is known to lack a feature) set P(f | c) low.
* **Support.** A condition that explains none of the present symptoms, signs or results
  (no such finding with P(f | c) > P(f); history and risk factors do not count) is
  dropped from the posterior when some condition does explain one
  (``require_support``): the question is which condition may cause what was reported.

Everything is vectorised over conditions, and sparse: each finding adds one default
log-LR per class of condition (curated or imported) plus a correction on the rows that
annotate it, so a case costs O(conditions + annotations of its findings). The only Python
loop runs over the handful of findings in a case.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from carenote.compiler.compiled import CompiledKB, FloatArray, Indices, IntArray


@dataclass(frozen=True)
class ModelParams:
    """Global hyper-parameters, measured with ``carenote bench phenopackets``.

    Measured on a 600-case random sample of the development phenopackets (seed 0): the
    ascertainment model for recorded absences raised top-1 from 40.5 % (absences ignored)
    and 36.0 % (absences as plain negative evidence) to 49.3 %.
    """

    #: Weight of a plain absent finding (a person's "no") relative to a present one.
    absent_weight: float = 0.5
    #: Cap on P(f | c) when scoring an absent finding (so one "no" cannot veto).
    absent_cap: float = 0.9
    #: Recorded absences (``excluded`` in a clinical record or case report) follow an
    #: ascertainment model: a clinician records a feature as absent when a disease that
    #: has it was suspected, so P(recorded absent | c) ∝ (ε + p)(1 − p), with p the
    #: directly annotated frequency. ε is the chance a feature is checked regardless.
    ascertainment_epsilon: float = 0.01
    #: P(f | c) floor for an unlisted finding, as a multiple of P(f).
    imported_floor: float = 0.05
    #: P(f | c) for a curated condition that does not list a curated finding, as a
    #: multiple of P(f). Below 1 because curated conditions list their typical findings:
    #: a finding the condition does not explain counts somewhat against it (expert
    #: estimate; without it, common conditions with high priors fill the ranking).
    unlisted_curated: float = 0.3
    #: Rank only conditions that explain at least one reported present symptom, sign or
    #: result (one with P(f | c) > P(f)), when any condition does; a person's history
    #: and risk factors are context, not something to explain. The ranking answers "what may be
    #: causing this?": a common state that explains none of the findings (obesity,
    #: raised cholesterol, refractive error for "a painful elbow") is no answer, however
    #: high its prevalence.
    require_support: bool = True
    #: A curated condition that lists an ancestor a of a reported finding f is credited
    #: with a's likelihood ratio only when f makes up at least this share of a
    #: (P(f) / P(a)): visible haematuria is most haematuria, but a facial palsy is a tiny
    #: part of "muscle weakness", and a condition with weak shoulders does not explain a
    #: drooping face. Expert estimate; measured (0.05 vs none): +1 top-1 on the 45
    #: Semigran vignettes, 55.75 vs 55.5 % top-1 on 400 development phenopackets.
    ancestor_credit_min_share: float = 0.05


@dataclass(frozen=True)
class Scored:
    """Log scores and posterior of every condition for one case's evidence."""

    log_prior: FloatArray
    log_score: FloatArray
    probability: FloatArray
    columns: IntArray
    choice: IntArray


PRESENT, ABSENT, RECORDED_ABSENT = 0, 1, 2


def log_prior(kb: CompiledKB, age_years: float | None, sex: str | None) -> FloatArray:
    """log P(condition | age, sex): base prevalence times sex and age-band factors."""
    if sex == "female":
        prior = kb.prior_base * kb.prior_female
    elif sex == "male":
        prior = kb.prior_base * kb.prior_male
    else:  # unknown sex: the average of the two
        prior = kb.prior_base * (kb.prior_female + kb.prior_male) / 2.0
    factors = np.ones(kb.n_conditions)
    if age_years is not None:
        in_band = (kb.age_min <= age_years) & (age_years < kb.age_max)
        np.multiply.at(factors, kb.age_cond[in_band], kb.age_factor[in_band])
    with np.errstate(divide="ignore"):
        return np.log(prior * factors)


def log_lr(p: FloatArray, bg: float, choice: int, params: ModelParams) -> FloatArray:
    """Log likelihood ratio of one piece of evidence for P(f | c) = ``p``, P(f) = ``bg``."""
    p = np.clip(p, 1e-9, 1.0)
    if choice == PRESENT:
        return np.asarray(np.log(p / max(bg, 1e-9)))
    if choice == ABSENT:
        cap = params.absent_cap
        ratio = (1.0 - np.minimum(p, cap)) / (1.0 - min(bg, cap))
        return np.asarray(params.absent_weight * np.log(ratio))
    eps, q, b = params.ascertainment_epsilon, np.minimum(p, 0.95), min(bg, 0.95)
    return np.asarray(np.log(((eps + q) * (1.0 - q)) / ((eps + b) * (1.0 - b))))


def _defaults(kb: CompiledKB, col: int, choice: int, params: ModelParams) -> tuple[float, float]:
    """P(f | c) for conditions that do not list finding ``col``: (curated, imported)."""
    if choice == RECORDED_ABSENT:
        return 0.0, 0.0
    bg = float(kb.background[col])
    floor = params.imported_floor * bg
    # A curated condition is silent (κ) on curated findings and on their more specific
    # HPO descendants; it would have listed any other finding it typically shows.
    anc = kb.ancestors[col]
    silent = bool(kb.curated_finding[col]) or bool(kb.curated_finding[anc].any())
    return (params.unlisted_curated * bg if silent else floor), floor


def _matrix(kb: CompiledKB, choice: int) -> sparse.csc_matrix:
    # Recorded absences use the direct annotations; everything else the propagated ones.
    return kb.direct if choice == RECORDED_ABSENT else kb.freq


def _column(kb: CompiledKB, col: int, choice: int, min_share: float) -> tuple[IntArray, FloatArray]:
    """Rows with their own P(f | c) for finding ``col`` (all others take the default).

    For a present finding, a curated condition that lists a less specific ancestor a
    of the finding (haematuria for visible haematuria) is credited as if the finding
    were a random case of a: P(f | c) = P(a | c) · P(f) / P(a), capped at P(a | c), so
    the specific finding carries the ancestor's likelihood ratio — when f makes up at
    least ``min_share`` of a (``ModelParams.ancestor_credit_min_share``).
    """
    m = _matrix(kb, choice)
    span = slice(m.indptr[col], m.indptr[col + 1])
    rows, vals = m.indices[span], m.data[span]
    anc = kb.ancestors[col]
    anc = anc[kb.curated_finding[anc]] if choice == PRESENT and anc.size else anc[:0]
    if not anc.size:
        return rows, vals
    d = kb.direct
    parts_r, parts_v = [], []
    for a in anc.tolist():
        scale = min(float(kb.background[col]) / max(float(kb.background[a]), 1e-9), 1.0)
        if scale < min_share:
            continue
        r = d.indices[d.indptr[a] : d.indptr[a + 1]]
        v = d.data[d.indptr[a] : d.indptr[a + 1]]
        keep = kb.curated[r]
        parts_r.append(r[keep])
        parts_v.append(v[keep] * scale)
    if not parts_r:
        return rows, vals
    est_r, est_v = np.concatenate(parts_r), np.concatenate(parts_v)
    own = np.zeros(kb.n_conditions, dtype=bool)
    own[rows] = True
    mask = ~own[est_r]
    est_r, est_v = est_r[mask], est_v[mask]
    if not est_r.size:
        return rows, vals
    order = np.lexsort((-est_v, est_r))
    est_r, est_v = est_r[order], est_v[order]
    first = np.r_[True, est_r[1:] != est_r[:-1]]
    return np.concatenate([rows, est_r[first]]), np.concatenate([vals, est_v[first]])


def score(
    kb: CompiledKB,
    *,
    age_years: float | None,
    sex: str | None,
    columns: IntArray,
    choice: IntArray,
    params: ModelParams,
) -> Scored:
    """Posterior over all conditions for findings ``columns``.

    Parameters
    ----------
    kb: the compiled knowledge base.
    age_years, sex: the person (None when unknown: no age or sex adjustment).
    columns: finding column indices, one per piece of evidence.
    choice: per evidence item, PRESENT, ABSENT (a person's "no") or RECORDED_ABSENT
        (absent in a clinical record; see ModelParams.ascertainment_epsilon).
    params: model hyper-parameters.

    Returns
    -------
    Scored: log prior, log score and posterior of every condition.
    """
    prior = log_prior(kb, age_years, sex)
    total = prior.copy()
    base = np.zeros(2)  # summed default log-LR for (curated, imported) rows
    support = np.zeros(kb.n_conditions, dtype=bool)
    for col, ch in zip(columns.tolist(), choice.tolist(), strict=True):
        bg = float(kb.background[col])
        d_cur, d_imp = _defaults(kb, col, ch, params)
        l_def = log_lr(np.array([d_cur, d_imp]), bg, ch, params)
        base += l_def
        rows, vals = _column(kb, col, ch, params.ancestor_credit_min_share)
        total[rows] += log_lr(vals, bg, ch, params) - np.where(kb.curated[rows], l_def[0], l_def[1])
        if ch == PRESENT and kb.manifestation[col]:
            support[rows[vals > bg]] = True
    total += np.where(kb.curated, base[0], base[1])
    if params.require_support and support.any():
        total = np.where(support, total, -np.inf)
    finite = np.isfinite(total)
    shifted = np.where(finite, total - total[finite].max(initial=0.0), -np.inf)
    weights = np.exp(shifted)
    post = weights / weights.sum() if weights.sum() > 0 else weights
    return Scored(prior, total, post, columns, choice)


def contributions(kb: CompiledKB, scored: Scored, rows: Indices, params: ModelParams) -> FloatArray:
    """Per-evidence log-LR for the given condition rows: shape (len(columns), len(rows))."""
    out = np.zeros((len(scored.columns), len(rows)))
    curated = kb.curated[rows]
    pairs = zip(scored.columns.tolist(), scored.choice.tolist(), strict=True)
    for j, (col, ch) in enumerate(pairs):
        d_cur, d_imp = _defaults(kb, col, ch, params)
        col_rows, col_vals = _column(kb, col, ch, params.ancestor_credit_min_share)
        dense = np.zeros(kb.n_conditions)
        dense[col_rows] = col_vals
        p = dense[rows]
        p = np.where(p > 0, p, np.where(curated, d_cur, d_imp))
        out[j] = log_lr(p, float(kb.background[col]), ch, params)
    return out
