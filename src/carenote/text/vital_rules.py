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
NICE_NG133 = (
    "National Institute for Health and Care Excellence. Hypertension in pregnancy: "
    "diagnosis and management (NG133). London: NICE, 2019."
)
NICE_NG136 = (
    "National Institute for Health and Care Excellence. Hypertension in adults: diagnosis "
    "and management (NG136). London: NICE, 2019."
)
BTS_SIGN_158 = (
    "British Thoracic Society, Scottish Intercollegiate Guidelines Network. SIGN 158: "
    "British guideline on the management of asthma. Edinburgh: SIGN, 2019."
)
_SEVERE_IN_PREGNANCY: tuple[tuple[VitalKind, float], ...] = (
    ("systolic_blood_pressure", 160.0),
    ("diastolic_blood_pressure", 110.0),
)
_SEVERE_IN_ADULTS: tuple[tuple[VitalKind, float], ...] = (
    ("systolic_blood_pressure", 180.0),
    ("diastolic_blood_pressure", 120.0),
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
    #: True: only in pregnancy; False: only outside it; None: either way.
    pregnancy: bool | None = None

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
        "HP:0002045",
        "Hypothermia",
        "temperature",
        "<",
        35.0,
        adult_only=False,
        source=NEWS2,
        note="NEWS2 scores 35.0 °C or less as 3; a core temperature below 35 °C is the "
        "usual definition of hypothermia at any age.",
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
        "HP:0001662",
        "Bradycardia",
        "heart_rate",
        "<",
        50.0,
        adult_only=True,
        source=NEWS2,
        estimate=True,
        note="NEWS2 scores 41-50/min as 1 and <= 40/min as 3; < 60/min is the textbook "
        "definition, but fit adults often rest at 50-60, so < 50 is used (estimate).",
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
    VitalRule(
        "HP:0012418",
        "Hypoxemia",
        "oxygen_saturation",
        "<",
        92.0,
        adult_only=False,
        source=BTS_SIGN_158,
        note="At any age, children included: BTS/SIGN 158 counts SpO2 < 92% as a feature of "
        "life-threatening asthma in adults and children. NEWS2's < 94% stays the adult cut-off.",
    ),
    # Blood pressure: a single reading is not a diagnosis of hypertension, so only the
    # levels that guidelines act on at once are read as hypertension.
    *(
        VitalRule(
            "HP:0000822",
            "Hypertension",
            kind,
            ">=",
            threshold,
            adult_only=False,
            source=NICE_NG133,
            note="NICE NG133 defines severe hypertension in pregnancy as 160/110 mmHg or "
            "more (systolic 160 or diastolic 110), which needs treatment and admission.",
            pregnancy=True,
        )
        for kind, threshold in _SEVERE_IN_PREGNANCY
    ),
    *(
        VitalRule(
            "HP:0000822",
            "Hypertension",
            kind,
            ">=",
            threshold,
            adult_only=True,
            source=NICE_NG136,
            note="NICE NG136 calls a clinic blood pressure of 180/120 mmHg or more "
            "(systolic 180 or diastolic 120) severe hypertension, assessed the same day.",
            pregnancy=False,
        )
        for kind, threshold in _SEVERE_IN_ADULTS
    ),
)


def findings_from_vitals(
    vitals: Sequence[Vital],
    age_years: float | None,
    rules: Sequence[VitalRule] = VITAL_RULES,
    *,
    pregnant: bool = False,
) -> tuple[list[Mention], list[str]]:
    """Present findings implied by the vitals, and warnings about skipped adult rules."""
    adult = age_years is None or age_years >= ADULT_FROM_YEARS
    mentions: list[Mention] = []
    warnings: list[str] = []
    seen: set[tuple[str, tuple[int, int]]] = set()
    for vital in vitals:
        for rule in rules:
            if not rule.fires(vital):
                continue
            if rule.pregnancy is not None and rule.pregnancy != pregnant:
                continue
            if (rule.finding, vital.span) in seen:
                continue  # one blood pressure reading, systolic and diastolic both high
            seen.add((rule.finding, vital.span))
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
