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
  typical findings, so one they do not explain counts mildly against them. For an
  imported HPO disease it falls back, in the spirit of LIRICAL (Robinson et al., Am J
  Hum Genet 2020), to the best annotated ancestor a of f, P(f | c) ≈ P(a | c) ·
  P_dis(f) / P_dis(a) with P_dis the share of diseases annotated with the term (off by
  default: it did not help on the bench), and at worst to a small floor.
* **NOT annotations** (HPO: the disease is known to lack a feature) set P(f | c) low.

Everything is vectorised over conditions: the only Python loop runs over the handful of
findings in a case.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from carenote.compiler.compiled import CompiledKB, FloatArray, IntArray


@dataclass(frozen=True)
class ModelParams:
    """Global hyper-parameters, measured with ``carenote bench phenopackets``.

    Measured on a 600-case random sample of the development phenopackets (seed 0): the
    ascertainment model for recorded absences raised top-1 from 40.5 % (absences ignored)
    and 36.0 % (absences as plain negative evidence) to 49.3 %; the ancestor fallback did
    not help, so it is off by default (``max_ancestor_background = 0``).
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
    #: Ancestors annotated to more than this share of diseases are too general to count.
    max_ancestor_background: float = 0.0
    #: P(f | c) floor for an imported disease, as a multiple of P(f).
    imported_floor: float = 0.05
    #: P(f | c) for a curated condition that does not list a curated finding, as a
    #: multiple of P(f). Below 1 because curated conditions list their typical findings:
    #: a finding the condition does not explain counts somewhat against it (expert
    #: estimate; without it, common conditions with high priors fill the ranking).
    unlisted_curated: float = 0.3
    #: Multiplier on the ancestor-match estimate (partial credit for a less specific match).
    ancestor_discount: float = 1.0


@dataclass(frozen=True)
class Scored:
    """Log scores, posterior and the per-finding log-LR matrix used to explain them."""

    log_prior: FloatArray
    log_score: FloatArray
    probability: FloatArray
    columns: IntArray
    choice: IntArray
    contributions: FloatArray  # shape (len(columns), n_conditions)


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


def finding_probabilities(kb: CompiledKB, columns: IntArray, params: ModelParams) -> FloatArray:
    """Effective P(f | c) for each requested finding column: shape (k, n_conditions)."""
    k = len(columns)
    out = np.zeros((k, kb.n_conditions))
    indptr, indices, data = kb.freq.indptr, kb.freq.indices, kb.freq.data
    dbg = kb.disease_background
    imported = ~kb.curated
    for j, col in enumerate(columns):
        # Ancestor fallback first, so the direct annotations below overwrite it.
        anc = kb.ancestors[col]
        anc = anc[dbg[anc] <= params.max_ancestor_background]
        est = out[j]
        for a in anc:
            rows = indices[indptr[a] : indptr[a + 1]]
            vals = data[indptr[a] : indptr[a + 1]] * (params.ancestor_discount * dbg[col] / dbg[a])
            est[rows] = np.maximum(est[rows], vals)
        est[kb.curated] = 0.0
        bg = kb.background[col]
        # A curated condition is silent on a finding it does not list only when the finding
        # is a curated one with a population background; an HPO term that no curated
        # source defines would have been listed had the condition typically shown it.
        floor = params.imported_floor * bg
        if kb.curated_finding[col]:
            np.maximum(est, np.where(imported, floor, params.unlisted_curated * bg), out=est)
        else:
            np.maximum(est, floor, out=est)
        rows = indices[indptr[col] : indptr[col + 1]]
        est[rows] = data[indptr[col] : indptr[col + 1]]
    if k:
        negated = kb.negated[:, columns].toarray().T
        out = np.where(negated > 0, negated, out)
    return np.clip(out, 1e-9, 1.0)


def _recorded_absent(kb: CompiledKB, columns: IntArray, params: ModelParams) -> FloatArray:
    """log LR of features recorded absent, under the ascertainment model."""
    eps = params.ascertainment_epsilon
    p = np.minimum(kb.direct[:, columns].toarray().T, 0.95)
    bg = np.clip(kb.background[columns], 1e-9, 0.95)[:, np.newaxis]
    return np.asarray(np.log(((eps + p) * (1.0 - p)) / ((eps + bg) * (1.0 - bg))))


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
    Scored, with per-evidence log-likelihood ratios for explanation.
    """
    prior = log_prior(kb, age_years, sex)
    contrib = np.zeros((len(columns), kb.n_conditions))
    present = choice == PRESENT
    if present.any():
        probs = finding_probabilities(kb, columns[present], params)
        bg = np.clip(kb.background[columns[present]], 1e-9, 0.999)[:, np.newaxis]
        contrib[present] = np.log(probs / bg)
    absent = choice == ABSENT
    if absent.any():
        probs = np.minimum(finding_probabilities(kb, columns[absent], params), params.absent_cap)
        bg = np.clip(kb.background[columns[absent]], 1e-9, params.absent_cap)[:, np.newaxis]
        contrib[absent] = params.absent_weight * np.log((1.0 - probs) / (1.0 - bg))
    recorded = choice == RECORDED_ABSENT
    if recorded.any():
        contrib[recorded] = _recorded_absent(kb, columns[recorded], params)
    total = prior + contrib.sum(axis=0)
    finite = np.isfinite(total)
    shifted = np.where(finite, total - total[finite].max(initial=0.0), -np.inf)
    weights = np.exp(shifted)
    post = weights / weights.sum() if weights.sum() > 0 else weights
    return Scored(prior, total, post, columns, choice, contrib)
