"""Build the FastAPI application (``create_app``) and serve it with Uvicorn (``run``)."""

from __future__ import annotations

import inspect
import logging
import re
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from carenote import __version__
from carenote.service.api import library
from carenote.service.api.checks import CheckEngine
from carenote.service.api.errors import install_error_handlers
from carenote.service.api.routes import router as api_router
from carenote.service.articles import load_articles
from carenote.service.settings import Settings
from carenote.service.storage.db import make_engine, migrate, session_factory, transaction
from carenote.service.web import check_pages, pages
from carenote.service.web.check_form import lab_choices
from carenote.service.web.security import SecurityHeadersMiddleware
from carenote.service.web.templating import STATIC, make_templates

logger = logging.getLogger(__name__)


def load_check_engine(settings: Settings) -> CheckEngine | None:
    """Load the compiled engine; None (and a log line) if the engine package is missing."""
    try:
        from carenote.engine import load_engine  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        logger.warning("carenote.engine.load_engine is not available; check routes answer 503")
        return None
    engine: CheckEngine = load_engine(settings.engine_cache_dir)
    # Build the free-text lexicon (about a second) before the first request, not during it.
    engine.parse_text("warm-up", None, None)
    return engine


def create_app(settings: Settings | None = None, *, engine: CheckEngine | None = None) -> FastAPI:
    """Create the application; ``engine`` lets tests share one compiled engine."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = make_engine(settings.database_url)
        migrate(db)
        app.state.sessions = session_factory(db)
        app.state.articles = load_articles(settings.articles_dir)
        with transaction(app.state.sessions) as session:
            library.index_articles(session=session, articles=app.state.articles)
        app.state.engine = engine if engine is not None else load_check_engine(settings)
        app.state.lab_choices = lab_choices(app.state.engine)
        yield
        db.dispose()

    app = FastAPI(
        title="Carenote", version=__version__, lifespan=lifespan,
        description="Sourced medical information, lab interpretation and a symptom check. "
        "Not a diagnosis: see the disclaimer in every result.",
        # The interactive docs load scripts from a CDN, which an offline service and a
        # strict Content-Security-Policy both rule out; /openapi.json is served.
        docs_url=None, redoc_url=None,
    )
    app.state.settings = settings
    app.state.templates = make_templates()
    app.state.engine = engine
    app.state.lab_choices = []
    app.add_middleware(SecurityHeadersMiddleware)
    install_error_handlers(app, pages.render_error)
    app.include_router(api_router)
    app.include_router(pages.router)
    app.include_router(check_pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/healthz", tags=["meta"])
    def healthz(request: Request) -> dict[str, Any]:
        """Say whether the service is up, with its engine and how many articles it serves."""
        return {"ok": True, "version": __version__,
                "engine": request.app.state.engine is not None,
                "articles": len(request.app.state.articles)}

    @app.head("/healthz", include_in_schema=False)
    def healthz_head() -> Response:
        """Answer load balancers that probe with HEAD."""
        return Response(status_code=200)

    return app


class RedactAccessLog(logging.Filter):
    """Drop query strings and saved-check tokens from access-log lines.

    Query strings carry lab values (``/check?lab=…&value=18``) and tokens open saved
    results: both are health data, and nothing health-related may reach the logs.
    """

    _TOKEN = re.compile(r"(/check/saved/|/api/v1/checks/)[^/?\s]+")

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the path argument of uvicorn's access record in place."""
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            path = self._TOKEN.sub(r"\1…", args[2].split("?", 1)[0])
            record.args = (*args[:2], path, *args[3:])
        return True


def log_config() -> dict[str, Any]:
    """Return uvicorn's logging config with the redacting filter on the access log."""
    config: dict[str, Any] = {**uvicorn.config.LOGGING_CONFIG}
    config["filters"] = {"redact": {"()": f"{__name__}.RedactAccessLog"}}
    config["handlers"] = {**config["handlers"]}
    config["handlers"]["access"] = {**config["handlers"]["access"], "filters": ["redact"]}
    return config


def run(host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Serve the app with Uvicorn; migrations run once here before workers start."""
    settings = Settings()
    migrate(make_engine(settings.database_url))
    if workers > 1:
        # Each worker loads the engine (a few seconds); give it time before the
        # supervisor's health check counts it as dead.
        config = uvicorn.Config("carenote.service.app:create_app", factory=True, host=host,
                                port=port, workers=workers, log_config=log_config(),
                                proxy_headers=True, timeout_worker_healthcheck=120)
        _serve_workers(config)
    else:
        uvicorn.run(create_app(settings), host=host, port=port, log_config=log_config(),
                    proxy_headers=True)


def _serve_workers(config: uvicorn.Config) -> None:
    """Run ``config.workers`` worker processes on one listening socket.

    What ``uvicorn.run`` does for several workers, plus TCP_NODELAY on the listening
    socket (accepted connections inherit it on Linux): the workers serve a socket bound
    by the supervisor, whose connections otherwise wait about 40 ms for a delayed ACK
    between the two writes of a response (measured: 22 requests/s on one keep-alive
    connection with 2 workers, against 420 with 1).
    """
    from uvicorn.supervisors import Multiprocess

    sock = listening_socket(config)
    # uvicorn 0.37-0.4x take the server's run as ``target``; later versions build it.
    if "target" in inspect.signature(Multiprocess).parameters:
        supervisor = Multiprocess(config, target=uvicorn.Server(config).run, sockets=[sock])  # type: ignore[call-arg,unused-ignore]
    else:
        supervisor = Multiprocess(config, sockets=[sock])  # type: ignore[call-arg,unused-ignore]
    supervisor.run()


def listening_socket(config: uvicorn.Config) -> socket.socket:
    """The socket the workers share, bound by uvicorn, with TCP_NODELAY for TCP."""
    sock = config.bind_socket()
    if sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock
