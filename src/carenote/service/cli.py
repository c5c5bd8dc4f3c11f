"""The ``carenote`` command line (CONTRACTS.md, "CLI").

Bad arguments or bad input exit with status 2 and one line on stderr naming the problem
and what is accepted; a failure inside exits with status 1.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from carenote.compiler.schema import Sex
from carenote.inputs.errors import InputError

if TYPE_CHECKING:
    from carenote.engine import Engine

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Carenote: sourced medical information, lab interpretation and symptom checks.",
    pretty_exceptions_enable=False,
)
kb_app = typer.Typer(no_args_is_help=True, help="Inspect and validate the knowledge base.")
bench_app = typer.Typer(no_args_is_help=True, help="Measure accuracy and speed.")
app.add_typer(kb_app, name="kb")
app.add_typer(bench_app, name="bench")


class Format(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class LabFormat(StrEnum):
    text = "text"
    json = "json"


def fail(message: str, status: int = 2) -> NoReturn:
    """Print one line to stderr and exit (2 = bad input, 1 = failure inside)."""
    typer.echo(f"carenote: error: {message}", err=True)
    raise typer.Exit(status)


def _engine() -> Engine:
    from carenote.compiler.build import CompileError
    from carenote.engine import load_engine

    try:
        return load_engine()
    except CompileError as exc:  # a failure inside: status 1, one line, no traceback
        fail(f"the knowledge base does not compile ({exc}); run 'carenote kb check'", 1)


def _sex(value: str | None) -> Sex | None:
    if value is None:
        return None
    low = value.strip().lower()
    aliases: dict[str, Sex] = {
        "f": "female",
        "female": "female",
        "woman": "female",
        "m": "male",
        "male": "male",
        "man": "male",
    }
    if low not in aliases:
        fail(f"--sex '{value}' is not recognised; accepted: female, male")
    return aliases[low]


def _age(value: str | None) -> float | None:
    from carenote.inputs.age import parse_age

    return None if value is None else parse_age(value, where="--age")


@app.command()
def check(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Phenopacket JSON files, folders or .jsonl")
    ] = None,
    text: Annotated[str | None, typer.Option("--text", help="A case told in words")] = None,
    age: Annotated[
        str | None, typer.Option(help="Years (38, 0.5) or ISO 8601 (P7M); overrides the case's")
    ] = None,
    sex: Annotated[str | None, typer.Option(help="female or male; overrides the case's")] = None,
    format: Annotated[Format | None, typer.Option("--format", help="text, json or jsonl")] = None,
) -> None:
    """Rank possible causes, triage and next steps for one case or many."""
    from carenote.engine import Case
    from carenote.inputs.cases import expand_paths, iter_cases, medicine_matcher
    from carenote.inputs.text_case import case_from_text
    from carenote.service.textout import render_check

    if not paths and text is None:
        fail('give phenopacket files (or folders), or --text "…"')
    if paths and text is not None:
        fail("give either phenopacket files or --text, not both")
    try:
        # Age and sex first: a typing error should not wait for the engine to load.
        age_years, sex_value = _age(age), _sex(sex)
        engine = _engine()
        if text is not None:
            cases: list[Case] = [case_from_text(engine, text, age=age_years, sex=sex_value)]
            many = False
        else:
            files = expand_paths(paths or [])
            if not files:
                fail("no .json or .jsonl files found; give phenopacket files or folders")
            many = (
                len(files) > 1
                or any(p.is_dir() for p in paths or [])
                or files[0].suffix == ".jsonl"
            )
            cases = [pc.case for pc in iter_cases(files, medicine_matcher(engine.kb))]
            # --age/--sex, when given, override what each phenopacket's subject says.
            given = {"age_years": age_years, "sex": sex_value}
            given = {k: v for k, v in given.items() if v is not None}
            cases = [case.model_copy(update=given) for case in cases]
        chosen = format or (Format.jsonl if many else Format.text)
        for case in cases:
            result = engine.check(case)
            if chosen is Format.text:
                typer.echo(render_check(result))
                typer.echo("")
            elif chosen is Format.json and not many:
                typer.echo(result.model_dump_json(indent=2))
            else:
                typer.echo(result.model_dump_json())
    except InputError as exc:
        fail(str(exc))
    except ValueError as exc:  # LabInputError and pydantic validation of case content
        fail(str(exc).splitlines()[0])


@app.command()
def lab(
    code: Annotated[str | None, typer.Option(help="LOINC code, e.g. LOINC:6768-6")] = None,
    value: Annotated[float | None, typer.Option(help="The measured value")] = None,
    unit: Annotated[str | None, typer.Option(help="UCUM unit, e.g. U/L")] = None,
    age: Annotated[str | None, typer.Option(help="Years (38, 0.5) or ISO 8601 (P7M)")] = None,
    sex: Annotated[str | None, typer.Option(help="female or male")] = None,
    pregnancy_trimester: Annotated[int | None, typer.Option(help="1, 2 or 3")] = None,
    fhir: Annotated[Path | None, typer.Option(help="A FHIR R4/R5 Observation JSON file")] = None,
    format: Annotated[LabFormat, typer.Option("--format", help="text or json")] = LabFormat.text,
) -> None:
    """Interpret one lab value against its age-, sex- and pregnancy-specific range."""
    from carenote.labs import LabInputError, default_directory, interpret, load_catalogue
    from carenote.labs.model import LabInput
    from carenote.service.textout import render_lab

    try:
        if fhir is not None:
            from carenote.inputs.phenopacket import load_json
            from carenote.labs import observation_subject, observation_to_lab_input

            data = load_json(fhir, expected="a FHIR Observation")
            reading = observation_to_lab_input(data)
            subject = observation_subject(data)
            age_years = _age(age) if age is not None else getattr(subject, "age_years", None)
            sex_value = _sex(sex) if sex is not None else getattr(subject, "sex", None)
        else:
            missing = [
                n for n, v in (("--code", code), ("--value", value), ("--unit", unit)) if v is None
            ]
            if missing:
                fail(f"missing {', '.join(missing)}; or give --fhir OBSERVATION.json")
            reading = LabInput(code=str(code), value=float(value or 0), unit=str(unit))
            age_years, sex_value = _age(age), _sex(sex)
        if age_years is None or sex_value is None:
            fail("--age and --sex are needed to choose the reference range")
        result = interpret(
            load_catalogue(default_directory()),
            reading,
            age_years=age_years,
            sex=sex_value,
            pregnancy_trimester=pregnancy_trimester,
        )
    except (InputError, LabInputError) as exc:
        fail(str(exc))
    typer.echo(result.model_dump_json(indent=2) if format is LabFormat.json else render_lab(result))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes")] = 1,
) -> None:
    """Run the web service (CARENOTE_DATABASE_URL selects the database; SQLite by default)."""
    from carenote.service.app import run

    run(host=host, port=port, workers=workers)


@kb_app.command("check")
def kb_check(
    format: Annotated[LabFormat, typer.Option("--format", help="text or json")] = LabFormat.text,
) -> None:
    """Validate the knowledge-base sources and the lab catalogue."""
    from carenote.service.kbcheck import run_kb_check

    report = run_kb_check()
    if format is LabFormat.json:
        typer.echo(
            json.dumps(
                {"errors": report.errors, "warnings": report.warnings, "counts": report.counts},
                indent=2,
            )
        )
    else:
        for line in report.errors:
            typer.echo(f"error: {line}")
        for line in report.warnings:
            typer.echo(f"warning: {line}")
        counts = ", ".join(f"{k} {v}" for k, v in report.counts.items())
        typer.echo(f"{len(report.errors)} errors, {len(report.warnings)} warnings; {counts}")
    if report.errors:
        raise typer.Exit(1)


@kb_app.command("build")
def kb_build() -> None:
    """Compile the knowledge base now and report its size and timing."""
    import time

    from carenote.compiler.cache import default_cache_dir, load_compiled

    start = time.perf_counter()
    kb = load_compiled(rebuild=True)
    elapsed = time.perf_counter() - start
    typer.echo(
        f"compiled {kb.n_conditions} conditions ({int(kb.curated.sum())} curated) × "
        f"{kb.n_findings} findings, {kb.freq.nnz} links in {elapsed:.1f} s → {default_cache_dir()}"
    )


def main() -> None:
    """Console-script entry point: usage errors become one line on stderr (status 2)."""
    # typer vendors click; its exceptions are only importable from the private package.
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

    from carenote.service import bench_cli  # noqa: F401  (registers the bench commands)

    try:
        status = app(standalone_mode=False)
    except NoArgsIsHelpError as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except UsageError as exc:
        where = f"; see '{exc.ctx.command_path} --help'" if exc.ctx else ""
        typer.echo(f"carenote: error: {exc.format_message()}{where}", err=True)
        sys.exit(2)
    except ClickException as exc:
        typer.echo(f"carenote: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("carenote: aborted", err=True)
        sys.exit(1)
    except InputError as exc:
        typer.echo(f"carenote: error: {exc}", err=True)
        sys.exit(2)
    sys.exit(status if isinstance(status, int) else 0)


if __name__ == "__main__":
    main()
