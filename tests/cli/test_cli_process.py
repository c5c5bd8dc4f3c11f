"""The installed entry point in a fresh process: ``python3 -m carenote``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from carenote.engine import Engine


def _carenote(*args: str | Path) -> subprocess.CompletedProcess[str]:
    # The environment (CARENOTE_CACHE_DIR from tests/conftest.py) is inherited.
    return subprocess.run(
        [sys.executable, "-m", "carenote", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_lab_in_a_fresh_process() -> None:
    done = _carenote(
        "lab",
        "--code",
        "LOINC:6768-6",
        "--value",
        "18",
        "--unit",
        "U/L",
        "--age",
        "38",
        "--sex",
        "female",
        "--format",
        "json",
    )
    assert done.returncode == 0, done.stderr
    lab = json.loads(done.stdout)
    assert lab["interpretation"] == "L"


def test_a_usage_error_in_a_fresh_process_is_one_line() -> None:
    done = _carenote("lab", "--value", "eighteen")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("carenote: error: Invalid value for '--value'")


def test_no_command_shows_the_commands() -> None:
    done = _carenote()
    assert done.returncode == 2
    for command in ("check", "lab", "serve", "kb", "bench"):
        assert command in done.stdout + done.stderr


@pytest.mark.slow
def test_check_in_a_fresh_process(engine: Engine, fixtures: Path) -> None:
    # ``engine`` first compiles the knowledge base into the session's cache directory,
    # so the child process loads it from there.
    assert engine.kb.n_conditions > 0
    done = _carenote("check", fixtures / "cases" / "hpp_adult.json", "--format", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["conditions"][0]["id"] == "hypophosphatasia_adult"
