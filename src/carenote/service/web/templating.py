"""Jinja2 environment (autoescaping on) and the helper that renders a page."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from carenote.engine.result import DISCLAIMER
from carenote.service.settings import Settings
from carenote.service.web import csrf
from carenote.service.web.charts import lab_chart
from carenote.service.web.wording import TRIAGE, step_groups

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"


def _percent(probability: float) -> str:
    if probability < 0.01:
        return "under 1%"
    return f"{probability * 100:.0f}%"


def _long_date(value: date | str | None) -> str:
    if value is None:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day:%B} {day.day}, {day.year}"


def make_templates() -> Jinja2Templates:
    """Create the page templates; Jinja2Templates autoescapes .html files."""
    templates = Jinja2Templates(directory=str(TEMPLATES))
    env = templates.env
    env.autoescape = True
    env.filters.update(percent=_percent, long_date=_long_date)
    env.globals.update(DISCLAIMER=DISCLAIMER, TRIAGE=TRIAGE, lab_chart=lab_chart,
                       step_groups=step_groups)
    return templates


def render(
    request: Request, name: str, context: dict[str, Any], *, status_code: int = 200
) -> HTMLResponse:
    """Render template ``name`` with a CSRF token for its forms."""
    settings: Settings = request.app.state.settings
    templates: Jinja2Templates = request.app.state.templates
    token = csrf.issue_token(request, settings.secret_key.get_secret_value())
    response = templates.TemplateResponse(
        request, name, {"csrf_token": token, "lab_choices": request.app.state.lab_choices,
                        **context},
        status_code=status_code,
    )
    csrf.set_cookie(request, response, secure=settings.secure_cookies)
    return response
