"""``carenote kb check`` and ``carenote bench vignettes`` on hand-written vignettes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_support import Run


@pytest.mark.slow
def test_kb_check_passes_and_prints_counts(run: Run) -> None:
    done = run("kb", "check")
    assert done.status == 0, done.out
    last = done.out.splitlines()[-1]
    assert re.match(r"^0 errors, \d+ warnings; ", last), last
    counts = dict(re.findall(r"(\w+) (\d+)", last.split(";", 1)[1]))
    assert int(counts["conditions"]) > 0
    assert int(counts["findings"]) > 0


@pytest.mark.slow
def test_kb_check_json(run: Run) -> None:
    done = run("kb", "check", "--format", "json")
    assert done.status == 0, done.out
    report = json.loads(done.out)
    assert report["errors"] == []
    assert report["counts"]["conditions"] > 0


def test_bench_vignettes_prints_the_summary(run: Run, fixtures: Path) -> None:
    done = run("bench", "vignettes", fixtures / "vignettes.jsonl")
    assert done.status == 0, done.err
    lines = done.out.splitlines()
    assert lines[0] == f"vignettes in {fixtures / 'vignettes.jsonl'}"
    assert re.search(r"^\s+cases\s+3$", done.out, re.MULTILINE), done.out
    # every fixture vignette has a gold urgency (em, ne, sc), so all three are judged
    assert re.search(r"^\s+triage_cases\s+3$", done.out, re.MULTILINE), done.out


def test_bench_vignettes_jsonl_ends_with_the_summary(run: Run, fixtures: Path) -> None:
    done = run("bench", "vignettes", fixtures / "vignettes.jsonl", "--format", "jsonl")
    assert done.status == 0, done.err
    rows = [json.loads(line) for line in done.out.splitlines()]
    assert len(rows) == 4
    assert [r["index"] for r in rows[:3]] == [0, 1, 2]
    assert all(r["conditions"] and r["triage"]["level"] for r in rows[:3])
    assert list(rows[-1]) == ["summary"]
    assert rows[-1]["summary"]["cases"] == 3
    assert rows[-1]["summary"]["triage_cases"] == 3


def test_bench_vignettes_json(run: Run, fixtures: Path) -> None:
    done = run("bench", "vignettes", fixtures / "vignettes.jsonl", "--format", "json")
    assert done.status == 0, done.err
    report = json.loads(done.out)
    assert report["summary"]["cases"] == 3
    assert [case["gold_triage"] for case in report["cases"]] == ["ne", "sc", "em"]


def test_bench_phenopackets_scores_the_diagnosed_case(run: Run, fixtures: Path) -> None:
    # hpp_adult.json names its diagnosis (OMIM:146300); fever_cough.json names none.
    done = run("bench", "phenopackets", fixtures / "cases", "--format", "jsonl")
    assert done.status == 0, done.err
    *cases, last = [json.loads(line) for line in done.out.splitlines()]
    by_id = {case["case_id"]: case for case in cases}
    assert by_id["hpp-adult-1"]["diagnoses"] == ["OMIM:146300"]
    assert by_id["hpp-adult-1"]["rank"] == 1
    assert by_id["fever-cough-1"]["rank"] is None
    assert last["summary"]["cases"] == 2
    assert last["summary"]["top1"] == 0.5
