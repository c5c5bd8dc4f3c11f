"""FHIR Observation input (R4-style and R5)."""

from __future__ import annotations

from typing import Any

import pytest

from carenote.labs import (
    LabCatalogue,
    LabInputError,
    interpret,
    observation_subject,
    observation_to_lab_input,
)


def _r4_style() -> dict[str, Any]:
    # Shape of an R4 Observation (status, category, code, subject, effectiveDateTime,
    # valueQuantity, interpretation, referenceRange with appliesTo and age).
    return {
        "resourceType": "Observation",
        "id": "alp-1",
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "laboratory",
                    }
                ]
            }
        ],
        "code": {
            "coding": [
                {"system": "http://snomed.info/sct", "code": "88810008"},
                {"system": "http://loinc.org", "code": "6768-6", "display": "ALP"},
            ],
            "text": "Alkaline phosphatase",
        },
        "contained": [
            {"resourceType": "Patient", "id": "p1", "gender": "female", "birthDate": "1986-03-02"}
        ],
        "subject": {"reference": "#p1"},
        "effectiveDateTime": "2024-05-01T08:30:00Z",
        "valueQuantity": {
            "value": 18,
            "unit": "U/L",
            "system": "http://unitsofmeasure.org",
            "code": "U/L",
        },
        "referenceRange": [
            {
                "low": {"value": 30, "unit": "U/L", "system": "http://unitsofmeasure.org"},
                "high": {"value": 120, "unit": "U/L", "system": "http://unitsofmeasure.org"},
                "appliesTo": [{"text": "female"}],
                "age": {
                    "low": {
                        "value": 18,
                        "unit": "a",
                        "system": "http://unitsofmeasure.org",
                        "code": "a",
                    }
                },
            }
        ],
    }


def _r5() -> dict[str, Any]:
    observation = _r4_style()
    observation["valueQuantity"] = {
        "value": 0.3,
        "unit": "µkat/L",
        "system": "http://unitsofmeasure.org",
        "code": "ukat/L",
    }
    # normalValue exists in R5 only.
    observation["referenceRange"] = [
        {
            "low": {"value": 0.5, "code": "ukat/L", "system": "http://unitsofmeasure.org"},
            "high": {"value": 2.0, "code": "ukat/L", "system": "http://unitsofmeasure.org"},
            "normalValue": {"text": "normal"},
            "text": "adult women",
        }
    ]
    return observation


def test_r4_style_observation(catalogue: LabCatalogue) -> None:
    lab = observation_to_lab_input(_r4_style())
    assert (lab.code, lab.value, lab.unit, lab.label) == (
        "LOINC:6768-6",
        18.0,
        "U/L",
        "Alkaline phosphatase",
    )
    assert lab.reference_range is not None
    assert (lab.reference_range.low, lab.reference_range.high) == (30, 120)
    assert lab.reference_range.applies_to == "female; age 18 years and over"
    result = interpret(catalogue, lab, age_years=38, sex="female")
    assert result.reference_range.source == "reported by the laboratory"
    assert result.deviation == "40% below the lower limit"


def test_r5_observation_with_ucum_code_and_normal_value(catalogue: LabCatalogue) -> None:
    lab = observation_to_lab_input(_r5())
    assert (lab.unit, lab.value) == ("ukat/L", 0.3)
    assert lab.reference_range is not None
    assert lab.reference_range.applies_to == "adult women"
    result = interpret(catalogue, lab, age_years=38, sex="female")
    assert result.interpretation == "L"
    assert result.value_in_range_unit == pytest.approx(0.3)


def test_subject_age_and_sex_from_contained_patient() -> None:
    subject = observation_subject(_r4_style())
    assert subject.sex == "female"
    assert subject.age_years == pytest.approx(38.16, abs=0.01)


def test_no_contained_patient_gives_no_age() -> None:
    observation = _r4_style()
    del observation["contained"]
    observation["subject"] = {"reference": "Patient/p1"}
    assert observation_subject(observation).age_years is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"resourceType": "Patient"}, "expected 'Observation'"),
        (
            {"code": {"coding": [{"system": "http://snomed.info/sct", "code": "1"}]}},
            "no LOINC coding",
        ),
        ({"valueQuantity": None}, "no valueQuantity.value"),
        ({"valueQuantity": {"value": 5, "comparator": "<", "code": "U/L"}}, "comparator '<'"),
        ({"valueQuantity": {"value": 5}}, "neither code nor unit"),
        ({"status": None}, "not a valid FHIR Observation"),
        ({"valueQuantity": {"value": "abc", "code": "U/L"}}, "not a valid FHIR Observation"),
    ],
)
def test_bad_observations(change: dict[str, Any], message: str) -> None:
    observation = {**_r4_style(), **change}
    observation = {k: v for k, v in observation.items() if v is not None}
    with pytest.raises(LabInputError, match=message):
        observation_to_lab_input(observation)


def test_not_a_mapping() -> None:
    with pytest.raises(LabInputError, match="JSON object"):
        observation_to_lab_input([])  # type: ignore[arg-type]
