"""``carenote kb check`` and ``carenote bench vignettes`` on hand-written vignettes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from cli_support import Run


def test_kb_check_passes_and_prints_counts(run: Run) -> None:
    done = run("kb", "check")
    assert done.status == 0, done.out
    last = done.out.splitlines()[-1]
    assert re.match(r"^0 errors, \d+ warnings; ", last), last
    counts = dict(re.findall(r"(\w+) (\d+)", last.split(";", 1)[1]))
    assert int(counts["conditions"]) > 0
    assert int(counts["findings"]) > 0


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
    assert re.search(r"^\s+cases\s+2$", done.out, re.MULTILINE), done.out


def test_bench_vignettes_jsonl_ends_with_the_summary(run: Run, fixtures: Path) -> None:
    done = run("bench", "vignettes", fixtures / "vignettes.jsonl", "--format", "jsonl")
    assert done.status == 0, done.err
    rows = [json.loads(line) for line in done.out.splitlines()]
    assert len(rows) == 3
    assert [r["index"] for r in rows[:2]] == [0, 1]
    assert all(r["conditions"] and r["triage"]["level"] for r in rows[:2])
    assert list(rows[-1]) == ["summary"]
    assert rows[-1]["summary"]["cases"] == 2


def test_bench_vignettes_json(run: Run, fixtures: Path) -> None:
    done = run("bench", "vignettes", fixtures / "vignettes.jsonl", "--format", "json")
    assert done.status == 0, done.err
    report = json.loads(done.out)
    assert report["summary"]["cases"] == 2
    assert len(report["cases"]) == 2
