"""``carenote lab``: one value against its range, from options or a FHIR Observation."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import Run

ALP_38_F = ("--code", "LOINC:6768-6", "--value", "18", "--unit", "U/L", "--age", "38")


def test_text_shows_interpretation_and_range(run: Run) -> None:
    done = run("lab", *ALP_38_F, "--sex", "female")
    assert done.status == 0, done.err
    assert done.err == ""
    first = done.out.splitlines()[0]
    assert first == "Alkaline phosphatase (LOINC:6768-6): 18 U/L → L"
    assert "reference range 35–104 U/L" in done.out


def test_json_gives_interpretation_and_range(run: Run) -> None:
    done = run("lab", *ALP_38_F, "--sex", "female", "--format", "json")
    assert done.status == 0, done.err
    lab = json.loads(done.out)
    assert lab["code"] == "LOINC:6768-6"
    assert (lab["value"], lab["unit"]) == (18, "U/L")
    assert lab["interpretation"] == "L"
    assert (lab["reference_range"]["low"], lab["reference_range"]["high"]) == (35, 104)
    assert lab["reference_range"]["unit"] == "U/L"
    assert lab["reference_range"]["source"]
    assert lab["finding"] == "HP:0003282"


def test_a_normal_value_is_n(run: Run) -> None:
    done = run(
        "lab",
        "--code",
        "LOINC:6768-6",
        "--value",
        "70",
        "--unit",
        "U/L",
        "--age",
        "38",
        "--sex",
        "female",
        "--format",
        "json",
    )
    assert done.status == 0, done.err
    assert json.loads(done.out)["interpretation"] == "N"


def test_fhir_observation_with_age_and_sex_given(run: Run, fixtures: Path) -> None:
    done = run(
        "lab",
        "--fhir",
        fixtures / "alp_observation.json",
        "--age",
        "38",
        "--sex",
        "female",
        "--format",
        "json",
    )
    assert done.status == 0, done.err
    lab = json.loads(done.out)
    assert (lab["code"], lab["value"], lab["interpretation"]) == ("LOINC:6768-6", 18, "L")
    assert lab["reference_range"]["low"] == 35


def test_fhir_observation_with_a_contained_patient(run: Run, fixtures: Path) -> None:
    # The contained Patient (female, born 1988-03-01; observed 2026-09-01) gives age and sex.
    done = run("lab", "--fhir", fixtures / "alp_observation_patient.json")
    assert done.status == 0, done.err
    assert done.out.splitlines()[0].endswith("18 U/L → L")
    assert "female, 17 years and over" in done.out


def test_fhir_observation_without_age_or_sex_asks_for_them(run: Run, fixtures: Path) -> None:
    done = run("lab", "--fhir", fixtures / "alp_observation.json")
    assert done.status == 2
    assert done.err.strip() == (
        "carenote: error: --age and --sex are needed to choose the reference range"
    )
