"""One error shape for every JSON error, pinned by tests/service/test_error_shape.py."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

HtmlErrorRenderer = Callable[[Request, int, str], Response]


class ApiError(Exception):
    """An error answered with the standard shape; ``errors`` are (loc, msg) pairs."""

    def __init__(
        self, status: int, message: str, errors: Sequence[tuple[Sequence[str | int], str]] = ()
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = [{"loc": list(loc), "msg": msg} for loc, msg in errors]


def error_body(status: int, message: str, errors: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the error shape: ``{ok, status, error, errors: [{loc, msg}]}``."""
    return {"ok": False, "status": status, "error": message, "errors": errors}


def _wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api/") or request.url.path == "/healthz":
        return False
    return "text/html" in request.headers.get("accept", "")


def install_error_handlers(app: FastAPI, render_html: HtmlErrorRenderer) -> None:
    """Answer every error as JSON (API, scripts) or as an HTML page (browsers)."""

    def respond(
        request: Request, status: int, message: str, errors: list[dict[str, Any]],
        headers: dict[str, str] | None = None,
    ) -> Response:
        if _wants_html(request):
            response = render_html(request, status, message)
        else:
            response = JSONResponse(error_body(status, message, errors), status_code=status)
        response.headers.update(headers or {})
        return response

    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return respond(request, exc.status, exc.message, exc.errors)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        return respond(request, exc.status_code, message, [], dict(exc.headers or {}))

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        # Only loc and msg: pydantic's "input" echoes what was sent, which may be health data.
        errors = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in exc.errors()]
        return respond(request, 422, "The request is not valid; see errors.", errors)

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
