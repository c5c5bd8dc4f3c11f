"""Plain-language wording for triage levels and next-step kinds, shown on result pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from carenote.compiler.schema import TriageLevel
from carenote.engine.result import NextStepOut


@dataclass(frozen=True)
class TriageWording:
    """How a triage level is explained to a person: headline, when, where, and a CSS tone."""

    headline: str
    when: str
    where: str
    tone: str


#: The meaning of each level (CONTRACTS.md, "Triage levels"), said plainly.
TRIAGE: dict[TriageLevel, TriageWording] = {
    "emergency_ambulance": TriageWording(
        headline="Call an ambulance now",
        when="Now. Do not wait and do not drive yourself.",
        where="Call your local emergency number (for example 911, 112 or 999).",
        tone="danger",
    ),
    "emergency": TriageWording(
        headline="Go to an emergency department now",
        when="Now, without waiting for an appointment.",
        where="The nearest emergency department (A&E / ER). If you cannot get there safely, "
        "call your local emergency number.",
        tone="danger",
    ),
    "consultation_24": TriageWording(
        headline="See a doctor within 24 hours",
        when="Today or tomorrow.",
        where="Your doctor's practice, an urgent care clinic or an out-of-hours service.",
        tone="warning",
    ),
    "consultation": TriageWording(
        headline="Make an appointment with a doctor",
        when="In the coming days or weeks; sooner if you get worse.",
        where="Your usual doctor (GP / primary care), who can repeat or extend the tests.",
        tone="info",
    ),
    "self_care": TriageWording(
        headline="Self-care may be enough for now",
        when="See a doctor if anything gets worse, new symptoms appear, or you are worried.",
        where="At home; mention the result at your next routine appointment.",
        tone="ok",
    ),
}

#: Headings for next-step kinds (compiler/schema.py, NextStep.kind), in display order.
STEP_KINDS: dict[str, str] = {
    "caution": "Important cautions",
    "repeat": "Tests to repeat",
    "test": "Tests that may help",
    "review": "Things your doctor may review",
    "referral": "Who may need to see you",
    "treatment": "Treatment your doctor may consider",
    "self_care": "What you can do yourself",
}


def step_heading(kind: str) -> str:
    """Return the heading under which a next step of ``kind`` is listed."""
    return STEP_KINDS.get(kind, "Other steps")


def step_groups(steps: Sequence[NextStepOut]) -> list[tuple[str, list[NextStepOut]]]:
    """Group next steps under their headings, cautions first, keeping the engine's order."""
    order = list(STEP_KINDS)
    groups: dict[str, list[NextStepOut]] = {}
    for step in steps:
        groups.setdefault(step.kind, []).append(step)
    kinds = sorted(groups, key=lambda k: order.index(k) if k in order else len(order))
    return [(step_heading(kind), groups[kind]) for kind in kinds]
