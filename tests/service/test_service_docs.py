"""The docs keep up with the code: every route and every setting is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from carenote.service.api.routes import router as api_router
from carenote.service.settings import Settings
from carenote.service.web import check_pages, pages

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _routes() -> list[tuple[str, str]]:
    found = []
    for router in (api_router, pages.router, check_pages.router):
        for route in router.routes:
            for method in sorted(getattr(route, "methods", set()) - {"HEAD"}):
                found.append((method, getattr(route, "path", "")))
    return [*found, ("GET", "/healthz"), ("GET", "/openapi.json")]


@pytest.mark.parametrize(("method", "path"), _routes())
def test_every_route_is_in_api_md(method: str, path: str) -> None:
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    assert f"{method} {path}" in text.replace("`", ""), f"{method} {path} missing in docs/api.md"


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_setting_is_in_deployment_md(name: str) -> None:
    text = (DOCS / "deployment.md").read_text(encoding="utf-8")
    assert f"CARENOTE_{name.upper()}" in text


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_setting_has_help_text(name: str) -> None:
    assert Settings.model_fields[name].description
