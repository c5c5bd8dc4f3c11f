"""``carenote check`` on hand-written phenopackets and on free text (real engine)."""

from __future__ import annotations

import json
from pathlib import Path

from cli_support import Run


def _ranked_lines(text: str) -> list[str]:
    """The numbered lines under "Possible causes" in the text output."""
    block = text.split("Possible causes", 1)[1].split("Next steps", 1)[0]
    return [line.strip() for line in block.splitlines() if line[:3].strip().rstrip(".").isdigit()]


def test_text_names_adult_hypophosphatasia_first(run: Run, fixtures: Path) -> None:
    done = run("check", fixtures / "cases" / "hpp_adult.json")
    assert done.status == 0, done.err
    ranked = _ranked_lines(done.out)
    assert ranked[0].startswith("1. Hypophosphatasia, adult —")
    assert "Triage: consultation" in done.out
    assert "18 U/L → L" in done.out
    assert "Next steps:" in done.out


def test_json_is_one_object_with_ranking_triage_and_next_steps(run: Run, fixtures: Path) -> None:
    done = run("check", fixtures / "cases" / "hpp_adult.json", "--format", "json")
    assert done.status == 0, done.err
    result = json.loads(done.out)
    assert isinstance(result, dict)
    assert result["case_id"] == "hpp-adult-1"
    assert result["source"].endswith("hpp_adult.json")
    assert result["conditions"][0]["id"] == "hypophosphatasia_adult"
    assert result["conditions"][0]["name"] == "Hypophosphatasia, adult"
    assert 0.0 <= result["conditions"][-1]["probability"] <= 1.0
    assert len(result["conditions"]) <= 20
    assert result["triage"]["level"] == "consultation"
    assert result["triage"]["reasons"]
    assert result["next_steps"]
    assert all(step["kind"] and step["text"] for step in result["next_steps"])
    (alp,) = result["labs"]
    assert (alp["code"], alp["interpretation"]) == ("LOINC:6768-6", "L")
    assert result["disclaimer"]


def test_a_directory_gives_json_lines_in_sorted_order(run: Run, fixtures: Path) -> None:
    done = run("check", fixtures / "cases")
    assert done.status == 0, done.err
    rows = [json.loads(line) for line in done.out.splitlines()]
    assert [r["case_id"] for r in rows] == ["fever-cough-1", "hpp-adult-1"]
    assert [Path(r["source"]).name for r in rows] == ["fever_cough.json", "hpp_adult.json"]
    assert rows[1]["conditions"][0]["id"] == "hypophosphatasia_adult"


def test_several_files_give_json_lines_in_the_order_given(run: Run, fixtures: Path) -> None:
    cases = fixtures / "cases"
    done = run("check", cases / "hpp_adult.json", cases / "fever_cough.json")
    assert done.status == 0, done.err
    rows = [json.loads(line) for line in done.out.splitlines()]
    assert [r["case_id"] for r in rows] == ["hpp-adult-1", "fever-cough-1"]
    assert all(r["source"] and r["conditions"] for r in rows)


def test_a_jsonl_file_holds_one_phenopacket_per_line(run: Run, fixtures: Path) -> None:
    done = run("check", fixtures / "two_cases.jsonl")
    assert done.status == 0, done.err
    rows = [json.loads(line) for line in done.out.splitlines()]
    assert [r["case_id"] for r in rows] == ["hpp-adult-1", "fever-cough-1"]
    # the blank second line of the file is skipped; sources name file and line
    assert [r["source"].rsplit(":", 1)[1] for r in rows] == ["1", "3"]


def test_excluded_features_count_against(run: Run, fixtures: Path) -> None:
    done = run("check", fixtures / "cases" / "fever_cough.json", "--format", "json")
    assert done.status == 0, done.err
    result = json.loads(done.out)
    assert result["case_id"] == "fever-cough-1"
    assert result["conditions"]
    assert not result["labs"]


def test_free_text_with_age_and_sex(run: Run) -> None:
    text = (
        "She lost her baby teeth early and has had several fractures after minor falls. ALP 18 U/L."
    )
    done = run("check", "--text", text, "--age", "38", "--sex", "female", "--format", "json")
    assert done.status == 0, done.err
    result = json.loads(done.out)
    assert result["conditions"][0]["id"] == "hypophosphatasia_adult"
    (alp,) = result["labs"]
    assert alp["interpretation"] == "L"
    assert alp["reference_range"]["low"] == 35


def test_free_text_as_text(run: Run) -> None:
    done = run("check", "--text", "ALP 18 U/L, lost teeth early", "--age", "P38Y", "--sex", "f")
    assert done.status == 0, done.err
    assert "Possible causes" in done.out
    assert "Alkaline phosphatase" in done.out


def test_age_and_sex_options_override_the_phenopacket(run: Run, fixtures: Path) -> None:
    case = fixtures / "cases" / "hpp_adult.json"
    done = run("check", case, "--age", "10", "--format", "json")
    assert done.status == 0, done.err
    result = json.loads(done.out)
    # a 10-year-old's ALP range (CALIPER) replaces the adult woman's 35–104 U/L
    assert result["labs"][0]["reference_range"]["applies_to"] != "female, 17 years and over"
    # the adult form of the disease is not possible at 10 (age factor 0 below 18)
    assert "hypophosphatasia_adult" not in [c["id"] for c in result["conditions"]]
