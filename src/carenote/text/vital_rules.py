"""Findings implied by measured vital signs (fever from a temperature, and so on).

Cut-offs are the points where the National Early Warning Score 2 starts to score a
vital sign as abnormal, unless noted. NEWS2 is for adults: its report says it is not
for use in children under 16 or in pregnancy, so the adult-only rules below are only
applied when the age is 16 or over, or unknown, and a warning is given in pregnancy.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from carenote.text.model import Mention, Vital, VitalKind

NEWS2 = (
    "Royal College of Physicians. National Early Warning Score (NEWS) 2: Standardising "
    "the assessment of acute-illness severity in the NHS. Updated report of a working "
    "party. London: RCP, 2017."
)
SIRS = (
    "Bone RC, Balk RA, Cerra FB, Dellinger RP, Fein AM, Knaus WA, Schein RM, Sibbald WJ. "
    "Definitions for sepsis and organ failure and guidelines for the use of innovative "
    "therapies in sepsis. The ACCP/SCCM Consensus Conference Committee. Chest. 1992."
)
#: NEWS2 is for people aged 16 and over (RCP 2017).
ADULT_FROM_YEARS = 16.0

_OPERATORS: Mapping[str, Callable[[float, float], bool]] = MappingProxyType(
    {
        ">": operator.gt,
        ">=": operator.ge,
        "<": operator.lt,
        "<=": operator.le,
    }
)


@dataclass(frozen=True, slots=True)
class VitalRule:
    """``kind op threshold`` implies ``finding`` present."""

    finding: str
    name: str
    kind: VitalKind
    op: str
    threshold: float
    adult_only: bool
    source: str
    estimate: bool = False
    note: str = ""

    def fires(self, vital: Vital) -> bool:
        """Whether this reading meets the rule's cut-off."""
        return vital.kind == self.kind and _OPERATORS[self.op](vital.value, self.threshold)


VITAL_RULES: tuple[VitalRule, ...] = (
    VitalRule(
        "HP:0001945",
        "Fever",
        "temperature",
        ">",
        38.0,
        adult_only=False,
        source=NEWS2,
        note="NEWS2 scores 38.1-39.0 °C as 1 and >= 39.1 °C as 2; SIRS (Bone 1992) also "
        "uses > 38 °C. Applied at every age: using the adult cut-off in children is our "
        "estimate, not NEWS2's.",
    ),
    VitalRule(
        "HP:0001649",
        "Tachycardia",
        "heart_rate",
        ">",
        100.0,
        adult_only=True,
        source=NEWS2,
        estimate=True,
        note="> 100/min is the conventional adult definition (estimate); NEWS2 already "
        "scores 91-110/min as 1 and SIRS (Bone 1992) counts > 90/min.",
    ),
    VitalRule(
        "HP:0002789",
        "Tachypnea",
        "respiratory_rate",
        ">",
        20.0,
        adult_only=True,
        source=NEWS2,
        note="NEWS2 scores 21-24/min as 2 and >= 25/min as 3.",
    ),
    VitalRule(
        "HP:0002615",
        "Hypotension",
        "systolic_blood_pressure",
        "<=",
        90.0,
        adult_only=True,
        source=NEWS2,
        note="NEWS2 scores a systolic <= 90 mmHg as 3.",
    ),
    VitalRule(
        "HP:0012418",
        "Hypoxemia",
        "oxygen_saturation",
        "<",
        94.0,
        adult_only=True,
        source=NEWS2,
        note="NEWS2 SpO2 scale 1 scores 92-93% as 2 and <= 91% as 3. Scale 2 (target "
        "88-92% in hypercapnic respiratory failure) is not modelled.",
    ),
)


def findings_from_vitals(
    vitals: Sequence[Vital],
    age_years: float | None,
    rules: Sequence[VitalRule] = VITAL_RULES,
) -> tuple[list[Mention], list[str]]:
    """Present findings implied by the vitals, and warnings about skipped adult rules."""
    adult = age_years is None or age_years >= ADULT_FROM_YEARS
    mentions: list[Mention] = []
    warnings: list[str] = []
    for vital in vitals:
        for rule in rules:
            if not rule.fires(vital):
                continue
            if rule.adult_only and not adult:
                warnings.append(
                    f"'{vital.text}' was not read as {rule.name.lower()}: the adult cut-off "
                    f"(NEWS2) does not apply at age {age_years:g}"
                )
                continue
            mentions.append(
                Mention(
                    id=rule.finding,
                    name=rule.name,
                    choice_id="present",
                    span=vital.span,
                    text=vital.text,
                    source="vital",
                )
            )
    return mentions, warnings
