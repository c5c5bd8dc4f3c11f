"""The state of an HTML symptom check, carried in hidden form fields (a stateless server)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, get_args

from pydantic import ValidationError

from carenote.engine.case import Case, EvidenceInput
from carenote.engine.interview import Question
from carenote.engine.result import Choice
from carenote.labs.model import LabInput

#: How many lab rows the details form shows (a page without JavaScript cannot add rows).
LAB_ROWS = 3
#: Most findings a form may carry; protects the engine from oversized posts.
MAX_ANSWERS = 200
_LOINC = re.compile(r"^(?:LOINC:)?(\d{1,7}-\d)$", re.IGNORECASE)
_CHOICES: tuple[str, ...] = get_args(Choice)


@dataclass(frozen=True)
class Answer:
    """One finding and its answer; ``step`` 0 is what the person started with."""

    id: str
    choice: Choice
    step: int

    def encode(self) -> str:
        """Return the hidden-field form ``id|choice|step``."""
        return f"{self.id}|{self.choice}|{self.step}"


@dataclass(frozen=True)
class LabRow:
    """A lab row as typed (strings, so a bad value can be shown back to the person)."""

    code: str = ""
    value: str = ""
    unit: str = ""
    name: str = ""


@dataclass(frozen=True)
class LabChoice:
    """A lab the details form offers by name, with the units it accepts."""

    code: str
    label: str
    units: tuple[str, ...]


def lab_choices(engine: object) -> list[LabChoice]:
    """Return the engine's lab catalogue as form choices, by name (empty without one)."""
    catalogue = getattr(engine, "labs", None)
    if catalogue is None or not hasattr(catalogue, "unique_labs"):
        return []
    choices = []
    for lab in catalogue.unique_labs():
        definition = lab.definition
        short = f" ({definition.short})" if definition.short else ""
        choices.append(LabChoice(code=definition.code, label=f"{definition.name}{short}",
                                 units=tuple(lab.accepted_ucum())))
    return sorted(choices, key=lambda choice: choice.label.casefold())


def finding_names(engine: object, ids: Sequence[str]) -> dict[str, str]:
    """Return display names of finding ids the engine knows (others are left out)."""
    kb = getattr(engine, "kb", None)
    index = getattr(engine, "finding_index", None)
    names = getattr(kb, "finding_names", None)
    if not isinstance(index, dict) or names is None:
        return {}
    return {i: str(names[index[i]]) for i in ids if i in index}


class FormErrors(ValueError):
    """Problems with the details form, keyed by field name."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class CheckState:
    """Everything the check knows so far."""

    age_value: str = ""
    age_unit: Literal["year", "month"] = "year"
    sex: str = ""
    trimester: str = ""
    labs: tuple[LabRow, ...] = ()
    answers: tuple[Answer, ...] = field(default_factory=tuple)

    @property
    def last_step(self) -> int:
        """Return the number of the last answered question (0 before the first)."""
        return max((a.step for a in self.answers), default=0)

    def hidden_fields(self) -> list[tuple[str, str]]:
        """Return (name, value) pairs that carry this state to the next request."""
        fields = [("age_value", self.age_value), ("age_unit", self.age_unit),
                  ("sex", self.sex), ("pregnancy_trimester", self.trimester)]
        for lab in self.labs:
            fields += [("lab_code", lab.code), ("lab_value", lab.value), ("lab_unit", lab.unit)]
        fields += [("ev", answer.encode()) for answer in self.answers]
        return fields

    def padded_labs(self) -> list[LabRow]:
        """Return the lab rows plus empty ones, for the details form."""
        return list(self.labs) + [LabRow()] * max(0, LAB_ROWS - len(self.labs))

    def back(self) -> CheckState:
        """Forget the answers to the last question."""
        last = self.last_step
        return replace(self, answers=tuple(a for a in self.answers if a.step != last or
                                           last == 0))

    def answered(self, answers: Sequence[Answer]) -> CheckState:
        """Return the state with ``answers`` added (replacing earlier answers to the same ids)."""
        ids = {a.id for a in answers}
        kept = tuple(a for a in self.answers if a.id not in ids)
        return replace(self, answers=(kept + tuple(answers))[:MAX_ANSWERS])

    def to_case(self) -> Case:
        """Validate the details and return the engine's :class:`Case` (or FormErrors)."""
        errors: dict[str, str] = {}
        age_years = _age_years(self.age_value, self.age_unit, errors)
        if self.sex not in {"female", "male"}:
            errors["sex"] = "Choose the sex to use for reference ranges."
        trimester = int(self.trimester) if self.trimester in {"1", "2", "3"} else None
        if trimester is not None and self.sex != "female":
            errors["pregnancy_trimester"] = "Pregnancy applies only when the sex is female."
        labs = _labs(self.labs, errors)
        if errors:
            raise FormErrors(errors)
        evidence = [EvidenceInput(id=a.id, choice_id=a.choice,
                                  source="initial" if a.step == 0 else "interview")
                    for a in self.answers]
        try:
            return Case(age_years=age_years, sex=self.sex,
                        pregnancy_trimester=trimester, evidence=evidence, labs=labs)
        except ValidationError as error:
            raise FormErrors({"form": str(error.errors()[0]["msg"])}) from error


def _age_years(raw: str, unit: str, errors: dict[str, str]) -> float:
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        errors["age_value"] = "Enter the age as a number, for example 38."
        return 0.0
    years = value / 12 if unit == "month" else value
    if not math.isfinite(years) or not 0 <= years <= 130:
        errors["age_value"] = "Enter an age between 0 and 130 years."
    return years


def normalise_loinc(code: str) -> str | None:
    """Return ``LOINC:nnnn-n`` for a typed code (with or without prefix), else None."""
    match = _LOINC.match(code.strip())
    return f"LOINC:{match.group(1)}" if match else None


def _labs(rows: Sequence[LabRow], errors: dict[str, str]) -> list[LabInput]:
    labs: list[LabInput] = []
    for index, row in enumerate(rows):
        if not (row.code or row.value):
            continue
        code = normalise_loinc(row.code)
        try:
            value = float(row.value.replace(",", "."))
        except ValueError:
            value = math.nan
        if code is None:
            errors[f"lab_code_{index}"] = "Enter a LOINC code such as LOINC:6768-6."
        elif not math.isfinite(value):
            errors[f"lab_value_{index}"] = "Enter the result as a number, for example 18."
        elif not row.unit.strip():
            errors[f"lab_unit_{index}"] = "Enter the unit printed on the report, e.g. U/L."
        else:
            labs.append(LabInput(code=code, value=value, unit=row.unit.strip()))
    return labs


def _choice(raw: str) -> Choice:
    """Return ``raw`` as a Choice, treating anything unexpected as "unknown"."""
    if raw == "present":
        return "present"
    return "absent" if raw == "absent" else "unknown"


def _decode_answer(raw: str) -> Answer | None:
    parts = raw.rsplit("|", 2)
    if len(parts) != 3 or parts[1] not in _CHOICES or not parts[2].isdigit() or not parts[0]:
        return None
    return Answer(id=parts[0][:100], choice=_choice(parts[1]), step=int(parts[2]))


def state_from_form(form: Mapping[str, Sequence[str]]) -> CheckState:
    """Read the state from posted fields (``form`` maps a name to all its values)."""
    def one(name: str) -> str:
        values = form.get(name) or [""]
        return values[0].strip()[:100]

    codes, values, units = (form.get(n) or [] for n in ("lab_code", "lab_value", "lab_unit"))
    labs = tuple(LabRow(code=c.strip()[:30], value=v.strip()[:30], unit=u.strip()[:30])
                 for c, v, u in zip(codes, values, units, strict=False) if c.strip() or v.strip())
    answers = tuple(a for raw in (form.get("ev") or [])[:MAX_ANSWERS]
                    if (a := _decode_answer(raw)) is not None)
    unit: Literal["year", "month"] = "month" if one("age_unit") == "month" else "year"
    return CheckState(age_value=one("age_value"), age_unit=unit, sex=one("sex"),
                      trimester=one("pregnancy_trimester"), labs=labs[:10], answers=answers)


def answers_from_form(
    form: Mapping[str, Sequence[str]], question: Question, step: int
) -> list[Answer]:
    """Read the answers to ``question`` (unanswered items count as "unknown")."""
    if question.type == "group_single":
        chosen = (form.get("answer") or [""])[0]
        return [Answer(id=item.id, choice="present" if item.id == chosen else "absent", step=step)
                if chosen and chosen != "unknown" else Answer(id=item.id, choice="unknown",
                                                              step=step)
                for item in question.items]
    answers = []
    for item in question.items:
        choice = _choice((form.get(f"answer-{item.id}") or ["unknown"])[0])
        answers.append(Answer(id=item.id, choice=choice, step=step))
    return answers
