"""Typed FastAPI dependencies, as ``Annotated`` aliases; everything comes from app.state."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from carenote.service.api.checks import CheckEngine
from carenote.service.api.errors import ApiError
from carenote.service.api.library import Library
from carenote.service.settings import Settings
from carenote.service.storage.db import transaction


def get_settings(request: Request) -> Settings:
    """Return the settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def get_engine(request: Request) -> CheckEngine:
    """Return the compiled engine, or answer 503 if it could not be loaded."""
    engine: CheckEngine | None = request.app.state.engine
    if engine is None:
        raise ApiError(503, "The check engine is not available on this server.")
    return engine


def get_library(request: Request) -> Library:
    """Return the articles loaded at start-up, keyed by slug."""
    library: Library = request.app.state.articles
    return library


def get_session(request: Request) -> Iterator[Session]:
    """Yield a database session that commits when the request succeeds."""
    with transaction(request.app.state.sessions) as session:
        yield session


def get_client_hash(request: Request, settings: SettingsDep) -> str:
    """Return a keyed hash of the client address: enough to rate-limit, not to identify."""
    address = request.client.host if request.client else "unknown"
    key = settings.secret_key.get_secret_value().encode()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()


def get_today() -> date:
    """Return today's date (for review-due flags)."""
    return date.today()


SettingsDep = Annotated[Settings, Depends(get_settings)]
EngineDep = Annotated[CheckEngine, Depends(get_engine)]
LibraryDep = Annotated[Library, Depends(get_library)]
# scope="function": commit before the answer is sent, so a client that follows a redirect
# (or reads right after a 201) always sees what was just written.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
ClientHashDep = Annotated[str, Depends(get_client_hash)]
TodayDep = Annotated[date, Depends(get_today)]
