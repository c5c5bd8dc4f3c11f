"""Read a FHIR R4 Observation (valueQuantity + LOINC code) into a :class:`LabInput`."""

from __future__ import annotations

from typing import Any

from carenote.labs.model import LabInput, ReferenceRange
from carenote.service.api.errors import ApiError

LOINC_SYSTEM = "http://loinc.org"
UCUM_SYSTEM = "http://unitsofmeasure.org"


def _loinc_code(observation: dict[str, Any]) -> str:
    codings = (observation.get("code") or {}).get("coding") or []
    for coding in codings:
        if isinstance(coding, dict) and coding.get("system") == LOINC_SYSTEM and coding.get(
            "code"
        ):
            return f"LOINC:{coding['code']}"
    raise ApiError(422, "The Observation has no LOINC code (code.coding with system "
                   f"{LOINC_SYSTEM}).", [(["body", "code", "coding"], "no LOINC coding")])


def _lab_range(observation: dict[str, Any], unit: str) -> ReferenceRange | None:
    ranges = observation.get("referenceRange") or []
    if not ranges or not isinstance(ranges[0], dict):
        return None
    first = ranges[0]
    low = (first.get("low") or {}).get("value")
    high = (first.get("high") or {}).get("value")
    if low is None and high is None:
        return None
    return ReferenceRange(low=low, high=high, unit=unit,
                          applies_to=str(first.get("text") or "as reported"),
                          source="reported by the laboratory")


def lab_from_observation(observation: dict[str, Any]) -> LabInput:
    """Return the lab value of a FHIR Observation, or raise a 422 naming what is missing."""
    quantity = observation.get("valueQuantity")
    if not isinstance(quantity, dict) or not isinstance(quantity.get("value"), int | float):
        raise ApiError(422, "The Observation needs valueQuantity.value (a number).",
                       [(["body", "valueQuantity"], "a number is required")])
    unit = quantity.get("code") if quantity.get("system") == UCUM_SYSTEM else None
    unit = unit or quantity.get("unit")
    if not isinstance(unit, str) or not unit:
        raise ApiError(422, "The Observation needs valueQuantity.code (UCUM) or .unit.",
                       [(["body", "valueQuantity", "unit"], "a unit is required")])
    return LabInput(code=_loinc_code(observation), value=float(quantity["value"]), unit=unit,
                    reference_range=_lab_range(observation, unit))
