"""``carenote bench …`` commands: accuracy on vignettes and phenopackets, and throughput."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

from carenote.inputs.errors import InputError
from carenote.service.cli import Format, _engine, bench_app, fail

_err = Console(stderr=True)


def _progress() -> Progress:
    return Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=_err,
        transient=True,
    )


def _print_summary(title: str, summary: dict[str, object]) -> None:
    typer.echo(title)
    for key, value in summary.items():
        typer.echo(f"  {key:<26} {value}")


@bench_app.command("phenopackets")
def bench_phenopackets(
    directory: Annotated[Path, typer.Argument(help="Folder of GA4GH phenopackets (recursive)")],
    limit: Annotated[
        int | None, typer.Option(help="Score N cases (a seeded random sample)")
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed of the --limit sample")] = 0,
    baseline: Annotated[
        str | None, typer.Option(help="Also score with 'pyhpo' set similarity")
    ] = None,
    format: Annotated[Format, typer.Option("--format", help="text, json or jsonl")] = Format.text,
) -> None:
    """Top-1/3/10, median rank, coverage, ms per case and peak memory on phenopackets."""
    from carenote.evaluation.phenopackets import covered, engine_scorer, run_bench
    from carenote.inputs.cases import expand_paths, iter_cases, medicine_matcher

    if baseline not in (None, "pyhpo"):
        fail(f"--baseline '{baseline}' is not known; accepted: pyhpo")
    if not directory.is_dir():
        fail(f"{directory}: not a directory of phenopackets")
    try:
        engine = _engine()
        files = expand_paths([directory])
        if limit is not None:
            if limit < 1:
                fail("--limit must be a positive whole number")
            random.Random(seed).shuffle(files)
            files = sorted(files[:limit])
        cases = list(iter_cases(files, medicine_matcher(engine.kb)))
    except InputError as exc:
        fail(str(exc))
    summaries = []
    with _progress() as bar:
        task = bar.add_task("carenote", total=len(cases))
        summary, outcomes = run_bench(
            cases,
            engine_scorer(engine),
            name="carenote",
            is_covered=lambda pc: covered(engine, pc),
            progress=lambda: bar.advance(task),
        )
        summaries.append(summary)
        if baseline == "pyhpo":
            from carenote.evaluation.pyhpo_baseline import pyhpo_scorer

            base_task = bar.add_task("pyhpo", total=len(cases))
            scorer, has = pyhpo_scorer()
            base, _ = run_bench(
                cases, scorer, name="pyhpo", is_covered=has, progress=lambda: bar.advance(base_task)
            )
            summaries.append(base)
    if format is Format.jsonl:
        for outcome in outcomes:
            typer.echo(outcome.model_dump_json())
        for s in summaries:
            typer.echo(json.dumps({"summary": s.model_dump()}))
    elif format is Format.json:
        typer.echo(json.dumps({"summaries": [s.model_dump() for s in summaries]}, indent=2))
    else:
        for s in summaries:
            _print_summary(
                f"{s.scorer} on {directory} ({s.cases} cases)", s.model_dump(exclude={"scorer"})
            )


@bench_app.command("vignettes")
def bench_vignettes(
    file: Annotated[Path, typer.Argument(help="JSON Lines of free-text vignettes")],
    format: Annotated[Format, typer.Option("--format", help="text, json or jsonl")] = Format.text,
) -> None:
    """Diagnosis top-1/3/10 and triage (exact, safe, over/under) on free-text vignettes."""
    from carenote.evaluation.vignettes import read_vignettes, score_vignette, summarise

    try:
        rows = read_vignettes(file)
    except InputError as exc:
        fail(str(exc))
    engine = _engine()
    outcomes = []
    results = []
    with _progress() as bar:
        task = bar.add_task("vignettes", total=len(rows))
        for index, row in enumerate(rows):
            outcome, result = score_vignette(engine, index, row)
            outcomes.append(outcome)
            results.append(result)
            bar.advance(task)
    summary = summarise(outcomes)
    if format is Format.jsonl:
        for outcome, result in zip(outcomes, results, strict=True):
            payload = json.loads(result.model_dump_json())
            payload.update({"index": outcome.index, "score": outcome.model_dump()})
            typer.echo(json.dumps(payload))
        typer.echo(json.dumps({"summary": summary.model_dump()}))
    elif format is Format.json:
        typer.echo(
            json.dumps(
                {"summary": summary.model_dump(), "cases": [o.model_dump() for o in outcomes]},
                indent=2,
            )
        )
    else:
        _print_summary(f"vignettes in {file}", summary.model_dump())
        misses = [o for o in outcomes if o.rank is None or o.rank > 3 or not o.triage_exact]
        if misses:
            typer.echo("misses (diagnosis outside top 3, or triage not exact):")
        for o in misses:
            typer.echo(
                f"  #{o.index}: {o.correct_diagnosis!r} rank={o.rank} predicted={o.predicted} "
                f"triage={o.triage} gold={o.gold_triage}"
            )


@bench_app.command("check")
def bench_check(
    directory: Annotated[Path, typer.Argument(help="Folder of phenopackets to check")],
    limit: Annotated[int, typer.Option(help="How many cases")] = 500,
) -> None:
    """Throughput of the full ``check`` (ranking, explanation, triage, next steps)."""
    from carenote.inputs.cases import expand_paths, iter_cases, medicine_matcher

    start = time.perf_counter()
    engine = _engine()
    loaded = time.perf_counter() - start
    files = expand_paths([directory])[:limit]
    cases = [pc.case for pc in iter_cases(files, medicine_matcher(engine.kb))]
    start = time.perf_counter()
    for case in cases:
        engine.check(case)
    elapsed = time.perf_counter() - start
    typer.echo(f"engine start-up (cached)   {loaded:.2f} s")
    typer.echo(f"cases checked             {len(cases)}")
    typer.echo(f"cases per second          {len(cases) / elapsed:.1f}")
    typer.echo(f"ms per case               {elapsed / max(len(cases), 1) * 1000:.2f}")
