"""Drive the real ``carenote`` entry point in this process, sharing one real engine.

``run`` calls :func:`carenote.service.cli.main` with the given arguments, exactly as the
console script does, and returns the exit status and what was printed. The engine the
commands load is the session's real engine (``tests/conftest.py``): loading it from the
compiled cache for every invocation would cost seconds per test for no extra coverage.
One test in ``test_cli_process.py`` runs the command in a fresh process instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from cli_support import Outcome, Run

from carenote.engine import Engine
from carenote.service import bench_cli, cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def run(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Run:
    """A function that runs ``carenote ARGS…`` and returns its :class:`Outcome`."""

    def shared_engine() -> Engine:
        # Only commands that need the engine pay for it (``lab`` does not).
        engine: Engine = request.getfixturevalue("engine")
        return engine

    monkeypatch.setattr(cli, "_engine", shared_engine)
    monkeypatch.setattr(bench_cli, "_engine", shared_engine)

    def invoke(*args: str | Path) -> Outcome:
        capsys.readouterr()
        monkeypatch.setattr(sys, "argv", ["carenote", *map(str, args)])
        with pytest.raises(SystemExit) as stop:
            cli.main()
        code = stop.value.code
        captured = capsys.readouterr()
        status = code if isinstance(code, int) else (0 if code is None else 1)
        return Outcome(status=status, out=captured.out, err=captured.err)

    return invoke


@pytest.fixture
def fixtures() -> Path:
    """tests/fixtures: hand-written phenopackets, FHIR Observations and vignettes."""
    return FIXTURES
