"""Service functions of the symptom check, shared by the JSON API and the HTML pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import ValidationError

from carenote.compiler.schema import Sex
from carenote.engine.case import Case
from carenote.engine.interview import InterviewStep
from carenote.engine.result import DISCLAIMER, CheckResult, EvidenceItem
from carenote.labs.model import LabInput, LabResult

if TYPE_CHECKING:
    from carenote.labs.fhir import Subject
from carenote.service.api.errors import ApiError
from carenote.service.api.schemas import (
    CaseIn,
    ExplainOut,
    LabInterpretIn,
    SearchHit,
    TriageOut,
    TriageSerious,
)

#: Urgencies that make a ranked condition "serious" in POST /triage.
SERIOUS_URGENCIES = ("emergency_ambulance", "emergency")


class ExplanationLike(Protocol):
    """What ``Engine.explain`` answers (carenote.engine.explain.Explanation)."""

    @property
    def supporting_evidence(self) -> Sequence[EvidenceItem]:
        """Evidence that raises the condition."""

    @property
    def conflicting_evidence(self) -> Sequence[EvidenceItem]:
        """Evidence that lowers it."""

    @property
    def unconfirmed_evidence(self) -> Sequence[EvidenceItem]:
        """Findings that would matter but are not known yet."""


class CheckEngine(Protocol):
    """What the service needs from ``carenote.engine.Engine``."""

    def check(self, case: Case) -> CheckResult:
        """Rank possible causes for ``case``."""

    def interview(self, case: Case, *, max_questions: int = 20) -> InterviewStep:
        """Return the next question and the current ranking."""

    def explain(self, case: Case, target: str) -> ExplanationLike:
        """Return the supporting, conflicting and unconfirmed evidence for ``target``."""

    def search(self, phrase: str, max_results: int) -> list[tuple[str, str]]:
        """Return (id, label) of findings matching ``phrase``."""

    def interpret_lab(
        self, lab: LabInput, *, age_years: float, sex: Sex, pregnancy_trimester: int | None
    ) -> LabResult:
        """Interpret one lab value against its age/sex-specific reference range."""

    def parse_text(self, text: str, age: float | None, sex: Sex | None) -> Any:
        """Find findings, labs, age and sex in free text."""


def build_case(body: CaseIn) -> Case:
    """Turn an API request body into the engine's :class:`Case`."""
    labs = [LabInput(code=lab.code, value=lab.value, unit=lab.unit) for lab in body.labs]
    try:
        return Case(
            age_years=body.age.years(), sex=body.sex,
            pregnancy_trimester=body.pregnancy_trimester, evidence=body.evidence, labs=labs,
        )
    except ValidationError as error:
        raise ApiError(422, "The case is not valid; see errors.", [
            (["body", *map(str, e["loc"])], e["msg"]) for e in error.errors()]) from error


def _engine_call_error(error: ValueError) -> ApiError:
    # The engine raises ValueError subclasses with a message naming the bad input.
    return ApiError(422, str(error), [(["body"], str(error))])


def run_check(*, engine: CheckEngine, case: Case) -> CheckResult:
    """Run a full check (ranking, triage, labs, next steps)."""
    try:
        return engine.check(case)
    except ValueError as error:
        raise _engine_call_error(error) from error


def run_interview(*, engine: CheckEngine, case: Case, max_questions: int) -> InterviewStep:
    """Return the next interview question (or None) and the current ranking."""
    try:
        return engine.interview(case, max_questions=max_questions)
    except ValueError as error:
        raise _engine_call_error(error) from error


def run_triage(*, engine: CheckEngine, case: Case) -> TriageOut:
    """Return the triage level, its reasons and the conditions that need emergency care."""
    result = run_check(engine=engine, case=case)
    serious = [
        TriageSerious(id=c.id, name=c.name, urgency=c.urgency,
                      is_emergency=c.urgency == "emergency_ambulance")
        for c in result.conditions
        if c.urgency in SERIOUS_URGENCIES
    ]
    return TriageOut(triage_level=result.triage.level, reasons=result.triage.reasons,
                     serious=serious, disclaimer=result.disclaimer)


def run_explain(*, engine: CheckEngine, case: Case, target: str) -> ExplainOut:
    """Return the evidence for and against ``target`` and what is still unconfirmed."""
    try:
        explained = engine.explain(case, target)
    except KeyError as error:
        message = f"unknown condition {target!r}; use an id from the ranked conditions"
        raise ApiError(422, message, [(["body", "target"], message)]) from error
    except ValueError as error:
        raise _engine_call_error(error) from error
    return ExplainOut(
        target=target,
        supporting_evidence=list(explained.supporting_evidence),
        conflicting_evidence=list(explained.conflicting_evidence),
        unconfirmed_evidence=list(explained.unconfirmed_evidence),
        disclaimer=DISCLAIMER,
    )


def interpret_lab(
    *, engine: CheckEngine, lab: LabInput, age_years: float, sex: Sex,
    pregnancy_trimester: int | None,
) -> LabResult:
    """Interpret one lab value; bad codes or units become a 422 that says what is wrong."""
    try:
        return engine.interpret_lab(lab, age_years=age_years, sex=sex,
                                    pregnancy_trimester=pregnancy_trimester)
    except ValueError as error:
        raise ApiError(422, str(error), [(["body"], str(error))]) from error


def read_observation(observation: dict[str, Any]) -> tuple[LabInput, Subject]:
    """Read a FHIR Observation into a lab value and (if contained) the person's age and sex."""
    # Imported here: fhir.resources is heavy, and only this route needs it.
    from carenote.labs.fhir import observation_subject, observation_to_lab_input

    try:
        return observation_to_lab_input(observation), observation_subject(observation)
    except ValueError as error:
        raise ApiError(422, str(error), [(["body"], str(error))]) from error


@dataclass(frozen=True)
class LabRequest:
    """A lab value and the person it belongs to, read from either request form."""

    lab: LabInput
    age_years: float
    sex: Sex
    trimester: int | None


def read_lab_request(
    *, body: dict[str, Any], age: float | None, sex: Sex | None, pregnancy_trimester: int | None
) -> LabRequest:
    """Read POST /labs/interpret: plain JSON, or a FHIR Observation plus ?age=&sex=."""
    if body.get("resourceType") != "Observation":
        try:
            plain = LabInterpretIn.model_validate(body)
        except ValidationError as error:
            raise ApiError(422, "The request is not valid; see errors.", [
                (["body", *map(str, e["loc"])], e["msg"]) for e in error.errors()]) from error
        lab = LabInput(code=plain.code, value=plain.value, unit=plain.unit)
        return LabRequest(lab=lab, age_years=plain.age_years(), sex=plain.sex,
                          trimester=plain.pregnancy_trimester)
    lab, subject = read_observation(body)
    age_years = subject.age_years if subject.age_years is not None else age
    person_sex: Sex | None = sex
    if person_sex is None and subject.sex in ("female", "male"):
        person_sex = "female" if subject.sex == "female" else "male"
    if age_years is None or person_sex is None:
        raise ApiError(422, "Give the age and sex as ?age=&sex= (or in a contained Patient).",
                       [(["query", "age"], "required"), (["query", "sex"], "required")])
    return LabRequest(lab=lab, age_years=age_years, sex=person_sex, trimester=pregnancy_trimester)


def parse_text(
    *, engine: CheckEngine, text: str, age_years: float | None, sex: Sex | None
) -> dict[str, Any]:
    """Parse free text; ``age`` is added in the request's ``{value, unit}`` shape."""
    parsed = engine.parse_text(text, age_years, sex)
    data: dict[str, Any] = (
        parsed.model_dump(mode="json") if hasattr(parsed, "model_dump") else dict(parsed))
    found_age = data.get("age_years", data.get("age"))
    if isinstance(found_age, int | float):
        data["age"] = {"value": found_age, "unit": "year"}
    return data


def search_findings(*, engine: CheckEngine, phrase: str, max_results: int) -> list[SearchHit]:
    """Return findings whose names match ``phrase``."""
    return [SearchHit(id=i, label=label) for i, label in engine.search(phrase, max_results)]
