"""Triage: how urgently to seek care, with the reasons.

Two sources set the level, and the more urgent wins:

1. **Red-flag rules** from the knowledge base (``knowledge/rules``): findings that alone
   or together demand at least a given level, whatever the ranking says.
2. **Likely conditions**: a curated condition's own urgency counts once its share of the
   probability held by curated conditions reaches the threshold for that urgency; the
   most probable condition always counts. Emergency thresholds are deliberately low: missing an
   emergency costs far more than an unneeded visit (Semigran 2015 found symptom checkers
   under-triaged; NHS Pathways asks about life-threatening features first).

The thresholds are expert estimates, chosen for safety.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from carenote.compiler.compiled import CompiledKB, CompiledRule
from carenote.compiler.schema import TRIAGE_ORDER
from carenote.engine.result import Triage

#: Probability at which a condition's urgency counts, by urgency index (TRIAGE_ORDER).
#: Expert estimates: emergencies count from 10 %, urgent care from 20 %, the rest from 30 %.
URGENCY_THRESHOLD = np.array([0.10, 0.10, 0.20, 0.30, 0.30])

_LEVEL_WORDS = {
    "emergency_ambulance": "call an ambulance now",
    "emergency": "go to an emergency department now",
    "consultation_24": "see a doctor within 24 hours",
    "consultation": "book an appointment with a doctor",
    "self_care": "self-care is usually enough; see a doctor if it gets worse or does not improve",
}

_REASON_WORDS = {
    "emergency_ambulance": "usually needs an ambulance",
    "emergency": "usually needs emergency care",
    "consultation_24": "usually needs a doctor within 24 hours",
    "consultation": "usually needs a doctor's appointment",
    "self_care": "can usually be looked after at home",
}

#: A rule's predicate over (present finding columns, age); the registry lets extensions add
#: rule kinds beside the built-in "all/any findings in an age band".
RuleCheck = Callable[[CompiledRule, set[int], float | None], bool]


def findings_rule(rule: CompiledRule, present: set[int], age: float | None) -> bool:
    """True when all of ``rule.all``, one of ``rule.any`` and none of ``rule.unless`` are
    present in the age band."""
    if age is not None and not rule.min_years <= age < rule.max_years:
        return False
    if age is None and (rule.min_years > 0 or rule.max_years < 200):
        return False  # an age-specific rule needs the age
    if not all(f in present for f in rule.all):
        return False
    if any(f in present for f in rule.unless):
        return False
    return not rule.any or any(f in present for f in rule.any)


RULE_CHECKS: dict[str, RuleCheck] = {"findings": findings_rule}


def _with_ancestors(kb: CompiledKB, present: set[int]) -> set[int]:
    """The present findings and every ancestor of them: what a rule may fire on."""
    return present | {int(a) for col in present for a in kb.ancestors[col]}


def _not_via(kb: CompiledKB, rule: CompiledRule, present: set[int]) -> set[int]:
    """What the rule may fire on: present findings, except those it excludes (``not_via``
    and their descendants), with their ancestors. An excluded finding still counts when
    the rule names it itself, but only as itself: HPO files hematochezia under bloody
    diarrhoea, so fresh blood on a hard stool must not also count as diarrhoea."""
    named = set(rule.all) | set(rule.any)
    excluded = set(rule.not_via)
    kept = {
        col
        for col in present
        if not (col in excluded or excluded.intersection(kb.ancestors[col].tolist()))
    }
    return _with_ancestors(kb, kept) | (present & named)


def level_words(level: str) -> str:
    """What a triage level asks the person to do, in plain words."""
    return _LEVEL_WORDS[level]


def triage(
    kb: CompiledKB,
    probability: np.ndarray,
    present: set[int],
    age_years: float | None,
) -> tuple[Triage, list[CompiledRule]]:
    """The triage level and reasons, and the red-flag rules that fired.

    A rule naming a finding also fires for its more specific HPO descendants: a rule on
    seizure (HP:0001250) fires for a reported focal seizure.
    """
    expanded = _with_ancestors(kb, present)
    fired = []
    for rule in kb.rules:
        seen = _not_via(kb, rule, present) if rule.not_via else expanded
        if any(check(rule, seen, age_years) for check in RULE_CHECKS.values()):
            fired.append(rule)
    level = len(TRIAGE_ORDER) - 1
    reasons: list[str] = []
    for rule in sorted(fired, key=lambda r: TRIAGE_ORDER.index(r.level)):
        level = min(level, TRIAGE_ORDER.index(rule.level))
        reasons.append(f"Warning sign: {rule.reason}")
    # Urgency is known only for curated conditions (HPO gives none for the imported rare
    # diseases), so thresholds apply to the probability shared among curated conditions:
    # an imported look-alike must not dilute an emergency below its threshold.
    curated_mass = float(probability[kb.curated].sum())
    share = np.where(kb.curated, probability / max(curated_mass, 1e-12), 0.0)
    counts = share >= URGENCY_THRESHOLD[kb.urgency]
    top = int(np.argmax(probability)) if probability.size else -1
    if top >= 0:
        counts[top] = True
    likely = np.flatnonzero(counts)
    for idx in likely[np.argsort(kb.urgency[likely])][:3]:
        urg = int(kb.urgency[idx])
        if urg <= level or not reasons:
            reasons.append(
                f"{kb.condition_names[idx]} is possible; it {_REASON_WORDS[TRIAGE_ORDER[urg]]}."
            )
        level = min(level, urg)
    return Triage(level=TRIAGE_ORDER[level], reasons=reasons), fired
