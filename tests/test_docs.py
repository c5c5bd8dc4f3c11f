"""The docs keep up with the code (after datasette's ``test_docs.py``).

Each test fails when something users can type or write is missing from its page:
a CLI command or option from docs/cli.md, a setting from docs/deployment.md, a JSON
route from docs/api.md, a knowledge-base field from docs/knowledge-base.md.
"""

from __future__ import annotations

import re
import tempfile
from functools import cache
from pathlib import Path

import pytest
import typer
from pydantic import BaseModel, SecretStr
from typer._click.core import Command
from typer.core import TyperGroup

from carenote.compiler import schema
from carenote.service import bench_cli  # noqa: F401  (registers the bench commands)
from carenote.service.cli import app as cli_app

DOCS = Path(__file__).resolve().parents[1] / "docs"
KB_MODELS: tuple[type[BaseModel], ...] = (
    schema.Source,
    schema.Finding,
    schema.FindingLink,
    schema.Prior,
    schema.AgeFactor,
    schema.NextStep,
    schema.Condition,
    schema.RedFlagRule,
    schema.SynonymExclusion,
)


@cache
def _doc(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, str]:
    """Headings (without ``#`` and backticks) mapped to the text up to the next heading."""
    parts = re.split(r"^(#{1,6} .+)$", text, flags=re.MULTILINE)
    return {
        parts[i].lstrip("#").strip().replace("`", ""): parts[i + 1]
        for i in range(1, len(parts) - 1, 2)
    }


def _commands(command: Command, path: str) -> list[tuple[str, Command]]:
    """Every runnable command under ``command``, with its full path (``carenote kb check``)."""
    if isinstance(command, TyperGroup):
        found: list[tuple[str, Command]] = []
        for name, sub in sorted(command.commands.items()):
            found.extend(_commands(sub, f"{path} {name}"))
        return found
    return [(path, command)]


CLI_COMMANDS = _commands(typer.main.get_command(cli_app), "carenote")


def _options(command: Command) -> list[str]:
    return sorted(
        opt
        for param in command.params
        for opt in param.opts
        if opt.startswith("--") and opt != "--help"
    )


def test_the_cli_has_the_contract_commands() -> None:
    paths = {path for path, _ in CLI_COMMANDS}
    assert {
        "carenote check",
        "carenote lab",
        "carenote serve",
        "carenote kb check",
        "carenote bench vignettes",
        "carenote bench phenopackets",
    } <= paths


@pytest.mark.parametrize(("path", "command"), CLI_COMMANDS, ids=[p for p, _ in CLI_COMMANDS])
def test_every_cli_command_has_a_section_in_cli_md(path: str, command: Command) -> None:
    sections = _sections(_doc("cli.md"))
    assert path in sections, f"docs/cli.md has no heading `{path}`"
    body = sections[path]
    missing = [opt for opt in _options(command) if f"`{opt}" not in body]
    assert missing == [], f"options of `{path}` missing from its section in docs/cli.md"
    # an example run: "$ carenote …", possibly after environment settings (VAR=value)
    example = re.compile(rf"^\$ (\S+=\S+ )*{re.escape(path)}\b", re.MULTILINE)
    assert example.search(body), f"the section of `{path}` shows no example run"


def _settings_fields() -> list[str]:
    try:
        from carenote.service.settings import Settings
    except ImportError:  # the service layer is optional for these checks
        return []
    prefix = str(Settings.model_config.get("env_prefix", ""))
    return [f"{prefix}{name}".upper() for name in sorted(Settings.model_fields)]


@pytest.mark.parametrize("variable", _settings_fields())
def test_every_setting_is_in_deployment_md(variable: str) -> None:
    assert f"`{variable}`" in _doc("deployment.md")


def _api_routes() -> list[str]:
    try:
        from carenote.service.app import create_app
        from carenote.service.settings import Settings
    except ImportError:
        return []
    # Explicit settings: nothing is created in the user's data directory at collection.
    settings = Settings(
        data_dir=Path(tempfile.gettempdir()),
        database_url="sqlite+pysqlite:///:memory:",
        secret_key=SecretStr("only-for-listing-routes"),
    )
    # The OpenAPI schema lists every route, however the routers are included.
    paths: dict[str, dict[str, object]] = create_app(settings).openapi()["paths"]
    return sorted(
        f"{method.upper()} {path}"
        for path, operations in paths.items()
        if path.startswith("/api/v1")
        for method in operations
    )


@pytest.mark.parametrize("route", _api_routes())
def test_every_api_route_is_in_api_md(route: str) -> None:
    assert route in _doc("api.md").replace("`", ""), f"{route} missing from docs/api.md"


def test_the_api_has_routes_to_document() -> None:
    routes = _api_routes()
    assert "POST /api/v1/diagnosis" in routes
    assert "POST /api/v1/labs/interpret" in routes


@pytest.mark.parametrize("model", KB_MODELS, ids=[m.__name__ for m in KB_MODELS])
def test_every_kb_field_is_in_knowledge_base_md(model: type[BaseModel]) -> None:
    sections = _sections(_doc("knowledge-base.md"))
    body = next(
        (text for head, text in sections.items() if head.split()[-1] == model.__name__), None
    )
    assert body is not None, f"docs/knowledge-base.md has no heading for {model.__name__}"
    missing = [name for name in model.model_fields if f"`{name}`" not in body]
    assert missing == [], f"{model.__name__} fields missing from docs/knowledge-base.md"
