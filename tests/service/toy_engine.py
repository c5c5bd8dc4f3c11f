"""A hand-drawn toy engine with the shape of ``carenote.engine.Engine``.

It lets the service tests drive every route and page without the compiled knowledge base:

    findings   HP:0002653 bone pain          HP:0001250 seizure
               HP:0000952 jaundice           HP:0002659 fractures   HP:0012378 fatigue
    conditions toy_bone   (consultation)         ← bone pain, fractures, low ALP
               toy_fit    (emergency_ambulance)  ← seizure
               toy_liver  (consultation_24)      ← jaundice, fatigue
    interview  1. single         "Do you have bone pain?"
               2. group_multiple  seizure, jaundice
               3. group_single    fractures | fatigue
    labs       LOINC:6768-6 only, U/L only, reference 35-104 U/L (a made-up toy band)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from carenote.compiler.schema import Sex, TriageLevel
from carenote.engine.case import Case
from carenote.engine.interview import InterviewStep, Question, QuestionChoice, QuestionItem
from carenote.engine.result import (
    CheckResult,
    ConditionEvidence,
    EvidenceItem,
    NextStepOut,
    RankedCondition,
    Triage,
)
from carenote.labs.model import LabInput, LabResult, ReferenceRange

NAMES = {
    "HP:0002653": "Bone pain", "HP:0001250": "Seizure", "HP:0000952": "Jaundice",
    "HP:0002659": "Fractures after small falls", "HP:0012378": "Fatigue",
    "HP:0003282": "Low alkaline phosphatase",
}
SUPPORT = {
    "toy_bone": ("Toy bone disease", "consultation", {"HP:0002653", "HP:0002659", "HP:0003282"}),
    "toy_fit": ("Toy seizure disorder", "emergency_ambulance", {"HP:0001250"}),
    "toy_liver": ("Toy liver disease", "consultation_24", {"HP:0000952", "HP:0012378"}),
}
CHOICES = [QuestionChoice(id="present", label="Yes"), QuestionChoice(id="absent", label="No"),
           QuestionChoice(id="unknown", label="Don't know")]
QUESTIONS = [
    Question(type="single", text="Do you have bone pain?",
             items=[QuestionItem(id="HP:0002653", name="Bone pain", choices=CHOICES)]),
    Question(type="group_multiple", text="Do you have any of these?", items=[
        QuestionItem(id="HP:0001250", name="Seizure", choices=CHOICES),
        QuestionItem(id="HP:0000952", name="Jaundice", choices=CHOICES)]),
    Question(type="group_single", text="Which describes you best?", items=[
        QuestionItem(id="HP:0002659", name="Fractures after small falls", choices=CHOICES),
        QuestionItem(id="HP:0012378", name="Fatigue", choices=CHOICES)]),
]
URGENCY_ORDER: list[TriageLevel] = [
    "emergency_ambulance", "emergency", "consultation_24", "consultation", "self_care"]


class ToyLabError(ValueError):
    """The toy knows one lab in one unit."""


@dataclass
class Explanation:
    """Evidence for one condition, plus findings that would matter but are unknown."""

    supporting_evidence: list[EvidenceItem]
    conflicting_evidence: list[EvidenceItem]
    unconfirmed_evidence: list[EvidenceItem] = field(default_factory=list)


class ToyEngine:
    """The toy; every method mirrors the facade's signature."""

    def interpret_lab(
        self, lab: LabInput, *, age_years: float, sex: Sex, pregnancy_trimester: int | None
    ) -> LabResult:
        """Interpret ALP in U/L against the toy band 35-104."""
        if lab.code != "LOINC:6768-6":
            raise ToyLabError(f"unknown lab code {lab.code!r}; known: LOINC:6768-6")
        if lab.unit != "U/L":
            raise ToyLabError(f"unit {lab.unit!r} is not accepted for LOINC:6768-6; use U/L")
        low = lab.value < 35
        high = lab.value > 104
        return LabResult(
            code=lab.code, name="Alkaline phosphatase", value=lab.value, unit=lab.unit,
            value_in_range_unit=lab.value, interpretation="L" if low else "H" if high else "N",
            reference_range=ReferenceRange(low=35, high=104, unit="U/L",
                                           applies_to=f"{sex}, toy band", source="toy"),
            deviation="below the range" if low else "above the range" if high else "in range",
            finding="HP:0003282" if low else None,
            present_findings=["HP:0003282"] if low else [],
        )

    def _present(self, case: Case) -> set[str]:
        present = {e.id for e in case.evidence if e.choice_id == "present"}
        for lab in case.labs:
            result = self.interpret_lab(
                lab, age_years=case.age_years or 40.0, sex=case.sex or "female",
                pregnancy_trimester=case.pregnancy_trimester)
            present.update(result.present_findings)
        return present

    def _ranked(self, case: Case) -> list[RankedCondition]:
        present = self._present(case)
        scores = {cid: 1 + 3 * len(present & ids) for cid, (_, _, ids) in SUPPORT.items()}
        total = sum(scores.values())
        ranked = [
            RankedCondition(
                id=cid, name=name, probability=scores[cid] / total, urgency=urgency,
                evidence=ConditionEvidence(supporting=[
                    EvidenceItem(id=f, name=NAMES[f], weight=1.0) for f in sorted(present & ids)]),
            )
            for cid, (name, urgency, ids) in SUPPORT.items()
        ]
        return sorted(ranked, key=lambda c: (-c.probability, c.id))

    def check(self, case: Case) -> CheckResult:
        """Rank the three toy conditions; triage follows the most urgent supported one."""
        ranked = self._ranked(case)
        labs = [self.interpret_lab(lab, age_years=case.age_years or 40.0, sex=case.sex or "female",
                                   pregnancy_trimester=case.pregnancy_trimester)
                for lab in case.labs]
        supported = [c for c in ranked if c.evidence.supporting] or ranked[-1:]
        level = min((c.urgency for c in supported), key=URGENCY_ORDER.index)
        evidence = [EvidenceItem(id=e.id, name=NAMES.get(e.id, e.id), weight=0.0,
                                 choice=e.choice_id) for e in case.evidence]
        return CheckResult(
            conditions=ranked, labs=labs, evidence=evidence,
            triage=Triage(level=level, reasons=[f"toy rule for {supported[0].name}"]),
            next_steps=[NextStepOut(kind="test", text="Repeat the toy test.", code="LOINC:6768-6")],
        )

    def interview(self, case: Case, *, max_questions: int = 20) -> InterviewStep:
        """Ask the first toy question with an unanswered item."""
        answered = {e.id for e in case.evidence}
        pending = [q for q in QUESTIONS if not {i.id for i in q.items} <= answered]
        question = pending[0] if pending and max_questions > 0 else None
        return InterviewStep(
            question=question, conditions=self._ranked(case), should_stop=question is None,
            has_emergency_evidence="HP:0001250" in self._present(case),
        )

    def explain(self, case: Case, target: str) -> Explanation:
        """Explain one toy condition."""
        if target not in SUPPORT:
            raise KeyError(target)
        present = self._present(case)
        ids = SUPPORT[target][2]
        known = {e.id for e in case.evidence}
        return Explanation(
            supporting_evidence=[EvidenceItem(id=f, name=NAMES[f], weight=1.0)
                                 for f in sorted(present & ids)],
            conflicting_evidence=[],
            unconfirmed_evidence=[EvidenceItem(id=f, name=NAMES[f], weight=1.0)
                         for f in sorted(ids - known - present)],
        )

    def search(self, phrase: str, max_results: int) -> list[tuple[str, str]]:
        """Substring search over the toy finding names."""
        hits = [(i, n) for i, n in NAMES.items() if phrase.lower() in n.lower()]
        return hits[:max_results]

    def parse_text(self, text: str, age: float | None, sex: Sex | None) -> dict[str, object]:
        """Find toy finding names in ``text``."""
        lowered = text.lower()
        mentions = [{"id": i, "name": n, "choice_id": "present",
                     "span": [lowered.index(n.lower()), lowered.index(n.lower()) + len(n)]}
                    for i, n in NAMES.items() if n.lower() in lowered]
        return {"mentions": mentions, "labs": [], "age_years": age, "sex": sex}
