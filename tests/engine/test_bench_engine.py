"""pytest-benchmark measurements of the engine (numbers, not pass/fail thresholds)."""

from __future__ import annotations

from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture

from carenote.engine import Case, Engine, EvidenceInput
from carenote.inputs.phenopacket import load_json, parse_phenopacket
from carenote.labs.model import LabInput

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _adult_case() -> Case:
    return parse_phenopacket(load_json(EXAMPLES / "adult-low-alp.json"), source="example").case


def test_bench_check(benchmark: BenchmarkFixture, engine: Engine) -> None:
    result = benchmark(engine.check, _adult_case())
    assert result.conditions[0].id == "hypophosphatasia_adult"


def test_bench_rank_all_conditions(benchmark: BenchmarkFixture, engine: Engine) -> None:
    case = _adult_case()
    _, scored = benchmark(engine.score, case)
    assert scored.probability.shape == (engine.kb.n_conditions,)


def test_bench_next_question(benchmark: BenchmarkFixture, engine: Engine) -> None:
    case = Case(
        age_years=38,
        sex="female",
        evidence=[EvidenceInput(id="HP:0002653", source="interview")],
        labs=[LabInput(code="LOINC:6768-6", value=30, unit="U/L")],
    )
    step = benchmark(engine.interview, case)
    assert step.question is not None
