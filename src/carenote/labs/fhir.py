"""Read a FHIR Observation (R5, or R4/R4B-style) into a :class:`LabInput`.

Validated with fhir.resources (R5 by default; R4B as a fallback, and an R4-style
Observation validates under both: research notes §4). The LOINC coding, valueQuantity
and the first referenceRange are used; the subject's age and sex come from a contained
Patient when one is present.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from fhir.resources.observation import Observation as ObservationR5
from fhir.resources.R4B.observation import Observation as ObservationR4B
from pydantic import ValidationError

from carenote.labs.errors import LabInputError
from carenote.labs.model import LabInput, ReferenceRange

LOINC_SYSTEM = "http://loinc.org"
UCUM_SYSTEM = "http://unitsofmeasure.org"
LAB_SOURCE = "reported by the laboratory"
_DAYS_PER_YEAR = 365.25
_AGE_UNITS = {"a": "years", "mo": "months", "wk": "weeks", "d": "days"}


@dataclass(frozen=True, slots=True)
class Subject:
    """Age (years, at the time of the observation) and sex from a contained Patient."""

    age_years: float | None = None
    sex: str | None = None


def _validate(data: Mapping[str, Any]) -> Any:
    if not isinstance(data, Mapping):
        raise LabInputError("a FHIR Observation must be a JSON object")
    if data.get("resourceType") != "Observation":
        raise LabInputError(f"resourceType is {data.get('resourceType')!r}; expected 'Observation'")
    errors: list[str] = []
    for model in (ObservationR5, ObservationR4B):
        try:
            return model.model_validate(dict(data))
        except ValidationError as err:
            if not errors:
                errors = [
                    f"{'.'.join(str(p) for p in e['loc']) or 'Observation'}: {e['msg']}"
                    for e in err.errors()[:3]
                ]
    raise LabInputError("not a valid FHIR Observation (R5 or R4B): " + "; ".join(errors))


def _quantity_unit(quantity: Any) -> str | None:
    if quantity is None:
        return None
    if quantity.code and (quantity.system in (None, UCUM_SYSTEM)):
        return str(quantity.code)
    if quantity.unit:
        return str(quantity.unit)
    return None


def _reference_range(observation: Any, value_unit: str) -> ReferenceRange | None:
    ranges = observation.referenceRange or []
    if not ranges:
        return None
    first = ranges[0]
    low = first.low.value if first.low is not None else None
    high = first.high.value if first.high is not None else None
    if low is None and high is None:
        return None
    units = {u for u in (_quantity_unit(first.low), _quantity_unit(first.high)) if u}
    if len(units) > 1:
        raise LabInputError(
            f"referenceRange low and high have different units ({', '.join(sorted(units))}); "
            "give both in one unit"
        )
    unit = units.pop() if units else value_unit
    return ReferenceRange(
        low=float(low) if low is not None else None,
        high=float(high) if high is not None else None,
        unit=unit,
        applies_to=_applies_to(first),
        source=LAB_SOURCE,
    )


def _applies_to(reference: Any) -> str:
    parts: list[str] = []
    if reference.text:
        parts.append(str(reference.text))
    for concept in reference.appliesTo or []:
        label = concept.text or next((c.display for c in concept.coding or [] if c.display), None)
        if label:
            parts.append(str(label))
    age = reference.age
    if age is not None and (age.low is not None or age.high is not None):
        bound = age.low or age.high
        unit = _AGE_UNITS.get(str(bound.code or bound.unit or "a"), str(bound.unit or "years"))
        if age.high is None:
            parts.append(f"age {age.low.value:g} {unit} and over")
        elif age.low is None:
            parts.append(f"age below {age.high.value:g} {unit}")
        else:
            parts.append(f"age {age.low.value:g} to {age.high.value:g} {unit}")
    return "; ".join(parts) or "as reported by the laboratory"


def observation_to_lab_input(data: Mapping[str, Any]) -> LabInput:
    """A LabInput from a FHIR Observation JSON object; :class:`LabInputError` if unusable."""
    observation = _validate(data)
    codings = observation.code.coding or []
    loinc = next((c for c in codings if c.system == LOINC_SYSTEM and c.code), None)
    if loinc is None:
        found = ", ".join(f"{c.system}|{c.code}" for c in codings) or "none"
        raise LabInputError(
            f"Observation.code has no LOINC coding (system {LOINC_SYSTEM}); found: {found}"
        )
    quantity = observation.valueQuantity
    if quantity is None or quantity.value is None:
        raise LabInputError("the Observation has no valueQuantity.value; a numeric value is needed")
    if quantity.comparator:
        raise LabInputError(
            f"valueQuantity.comparator {quantity.comparator!r} is not supported; "
            "an exact value is needed"
        )
    unit = _quantity_unit(quantity)
    if unit is None:
        raise LabInputError("valueQuantity has neither code nor unit; give a UCUM unit")
    label = observation.code.text or loinc.display
    return LabInput(
        code=f"LOINC:{loinc.code}",
        value=float(quantity.value),
        unit=unit,
        reference_range=_reference_range(observation, unit),
        label=str(label) if label else None,
    )


def observation_subject(data: Mapping[str, Any]) -> Subject:
    """Age at ``effectiveDateTime`` and sex from a contained Patient, when both are there."""
    observation = _validate(data)
    patients = [r for r in observation.contained or [] if r.get_resource_type() == "Patient"]
    if not patients:
        return Subject()
    patient = patients[0]
    sex = patient.gender if patient.gender in ("female", "male") else None
    effective = observation.effectiveDateTime
    birth = patient.birthDate
    if effective is None or birth is None:
        return Subject(sex=sex)
    when = effective.date() if isinstance(effective, datetime) else effective
    born = birth if isinstance(birth, date) else None
    if born is None or not isinstance(when, date) or when < born:
        return Subject(sex=sex)
    return Subject(age_years=(when - born).days / _DAYS_PER_YEAR, sex=sex)
