"""Every bad input exits 2 with one line on stderr naming the problem and what is accepted."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import Outcome, Run

LAB = ("lab", "--code", "LOINC:6768-6", "--value", "18", "--unit", "U/L")


def _one_clear_line(done: Outcome, *expected: str) -> None:
    assert done.status == 2, (done.status, done.out, done.err)
    assert done.out == ""
    assert "Traceback" not in done.err
    lines = done.err.splitlines()
    assert len(lines) == 1, done.err
    assert lines[0].startswith("carenote: error: ")
    for part in expected:
        assert part in lines[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            (
                "lab",
                "--code",
                "LOINC:9999-9",
                "--value",
                "18",
                "--unit",
                "U/L",
                "--age",
                "38",
                "--sex",
                "female",
            ),
            ("'LOINC:9999-9'", "LOINC:6768-6"),
        ),
        (
            (
                "lab",
                "--code",
                "LOINC:6768-6",
                "--value",
                "18",
                "--unit",
                "mg/dL",
                "--age",
                "38",
                "--sex",
                "female",
            ),
            ("'mg/dL'", "accepted: U/L"),
        ),
        (
            (
                "lab",
                "--code",
                "LOINC:6768-6",
                "--value",
                "-5",
                "--unit",
                "U/L",
                "--age",
                "38",
                "--sex",
                "female",
            ),
            ("-5", "0 or more"),
        ),
        (
            (
                "lab",
                "--code",
                "LOINC:6768-6",
                "--value",
                "1e9",
                "--unit",
                "U/L",
                "--age",
                "38",
                "--sex",
                "female",
            ),
            ("plausible range", "check the value and the unit"),
        ),
        (
            (
                "lab",
                "--code",
                "LOINC:6768-6",
                "--value",
                "nan",
                "--unit",
                "U/L",
                "--age",
                "38",
                "--sex",
                "female",
            ),
            ("nan", "0 or more"),
        ),
        (
            (
                "lab",
                "--code",
                "LOINC:6768-6",
                "--value",
                "lots",
                "--unit",
                "U/L",
                "--age",
                "38",
                "--sex",
                "female",
            ),
            ("--value", "valid number"),
        ),
        (
            ("lab", "--code", "LOINC:6768-6", "--unit", "U/L", "--age", "38", "--sex", "female"),
            ("missing --value", "--fhir"),
        ),
        (
            (*LAB, "--age", "38", "--sex", "female", "--pregnancy-trimester", "4"),
            ("trimester 4", "1, 2 or 3"),
        ),
        ((*LAB, "--age", "38", "--sex", "female", "--format", "xml"), ("'xml'", "'json'")),
        ((*LAB, "--age", "38", "--sex", "female", "--colour"), ("--colour", "--help")),
    ],
    ids=[
        "unknown-loinc",
        "incompatible-unit",
        "negative",
        "absurd",
        "nan",
        "not-a-number",
        "missing-value",
        "trimester",
        "format",
        "unknown-option",
    ],
)
def test_bad_lab_input(run: Run, args: tuple[str, ...], expected: tuple[str, ...]) -> None:
    _one_clear_line(run(*args), *expected)


@pytest.mark.parametrize("age", ["-1", "200", "P", "old", "P200Y"])
@pytest.mark.parametrize("command", ["lab", "check"])
def test_impossible_age(run: Run, fixtures: Path, command: str, age: str) -> None:
    if command == "lab":
        done = run(*LAB, "--sex", "female", "--age", age)
    else:
        done = run("check", fixtures / "cases" / "hpp_adult.json", "--age", age)
    _one_clear_line(done, "--age", age, "accepted: years")


@pytest.mark.parametrize("command", ["lab", "check"])
def test_unknown_sex(run: Run, command: str) -> None:
    if command == "lab":
        done = run(*LAB, "--age", "38", "--sex", "x")
    else:
        done = run("check", "--text", "fever and cough", "--sex", "x")
    _one_clear_line(done, "--sex 'x'", "accepted: female, male")


def test_malformed_json_file(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x", "subject": ', encoding="utf-8")
    _one_clear_line(run("check", bad), str(bad), "not valid JSON", "GA4GH Phenopacket v2")


def test_json_that_is_not_an_object(run: Run, tmp_path: Path) -> None:
    listed = tmp_path / "list.json"
    listed.write_text('[{"id": "x"}]', encoding="utf-8")
    _one_clear_line(run("check", listed), str(listed), "expected a JSON object", "Phenopacket")


def test_a_jsonl_line_that_is_not_an_object(run: Run, tmp_path: Path) -> None:
    lines = tmp_path / "cases.jsonl"
    lines.write_text('{"id": "a"}\n42\n', encoding="utf-8")
    _one_clear_line(run("check", lines), f"{lines}:2", "expected a JSON object")


def test_a_phenopacket_with_an_unknown_sex(run: Run, tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text('{"id": "x", "subject": {"sex": "F"}}', encoding="utf-8")
    _one_clear_line(run("check", case), "subject.sex 'F'", "accepted: FEMALE, MALE")


def test_missing_file(run: Run, tmp_path: Path) -> None:
    gone = tmp_path / "gone.json"
    _one_clear_line(run("check", gone), str(gone), "no such file", "phenopacket JSON files")


def test_folder_without_cases(run: Run, tmp_path: Path) -> None:
    _one_clear_line(run("check", tmp_path), "no .json or .jsonl files", "folders")


def test_no_arguments_to_check(run: Run) -> None:
    _one_clear_line(run("check"), "phenopacket files", "--text")


def test_both_files_and_text(run: Run, fixtures: Path) -> None:
    done = run("check", fixtures / "cases" / "hpp_adult.json", "--text", "fever")
    _one_clear_line(done, "either phenopacket files or --text")


def test_empty_text(run: Run) -> None:
    _one_clear_line(run("check", "--text", "  "), "--text is empty", "in words")


def test_bad_fhir_files(run: Run, fixtures: Path, tmp_path: Path) -> None:
    listed = tmp_path / "obs.json"
    listed.write_text("[]", encoding="utf-8")
    _one_clear_line(run("lab", "--fhir", listed), "expected a JSON object", "FHIR Observation")
    not_obs = fixtures / "cases" / "hpp_adult.json"
    _one_clear_line(run("lab", "--fhir", not_obs), "resourceType", "'Observation'")
    _one_clear_line(run("lab", "--fhir", tmp_path / "none.json"), "no such file")


def test_bad_vignette_files(run: Run, tmp_path: Path) -> None:
    _one_clear_line(run("bench", "vignettes", tmp_path / "none.jsonl"), "no such file")
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"case_description": "fever"}\n', encoding="utf-8")
    _one_clear_line(run("bench", "vignettes", rows), f"{rows}:1", "correct_diagnosis")
