"""Helpers shared by the service tests (a uniquely named module, not a second conftest)."""

from __future__ import annotations

import re
import warnings

with warnings.catch_warnings():
    # starlette warns at import time that it prefers httpx2; the client works the same.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')

__all__ = ["TestClient", "csrf_token"]


def csrf_token(html: str) -> str:
    """Return the CSRF token of the first form on a page."""
    match = _CSRF.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)
