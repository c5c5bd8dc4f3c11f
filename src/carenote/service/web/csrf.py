"""CSRF protection for the HTML forms: a random cookie plus a signed copy in each form."""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from carenote.service.api.errors import ApiError

COOKIE = "carenote_csrf"
FIELD = "csrf_token"
#: A form older than this is refused; two days covers a tab left open overnight.
MAX_AGE_SECONDS = 2 * 24 * 3600


def _serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt="carenote-csrf")


def cookie_value(request: Request) -> str:
    """Return the browser's CSRF cookie, or a fresh value to be set with the response."""
    existing = request.cookies.get(COOKIE)
    if existing and 20 <= len(existing) <= 100:
        return existing
    fresh: str | None = getattr(request.state, "csrf_cookie", None)
    if fresh is None:
        fresh = secrets.token_urlsafe(32)
        request.state.csrf_cookie = fresh
    return fresh


def issue_token(request: Request, secret: str) -> str:
    """Return a signed token for the forms on the page being rendered."""
    token: str = _serializer(secret).dumps(cookie_value(request))
    return token


def set_cookie(request: Request, response: Response, *, secure: bool) -> None:
    """Set the CSRF cookie on ``response`` if this request created one."""
    fresh = getattr(request.state, "csrf_cookie", None)
    if fresh is not None:
        response.set_cookie(COOKIE, fresh, httponly=True, samesite="strict", secure=secure,
                            path="/")


def verify(request: Request, token: str | None, secret: str) -> None:
    """Refuse the request (403) unless ``token`` was signed for this browser's cookie."""
    cookie = request.cookies.get(COOKIE)
    try:
        signed = _serializer(secret).loads(token or "", max_age=MAX_AGE_SECONDS)
    except BadSignature:
        signed = None
    if not cookie or not isinstance(signed, str) or not hmac.compare_digest(signed, cookie):
        raise ApiError(403, "This form has expired or was not sent from this site. "
                       "Please go back, reload the page and try again.")
