"""HTML pages for the home page and the article library (server-rendered, no JavaScript)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from carenote.service.api import library
from carenote.service.api.schemas import FeedbackIn
from carenote.service.deps import (
    ClientHashDep,
    LibraryDep,
    SessionDep,
    SettingsDep,
    TodayDep,
)
from carenote.service.web import csrf
from carenote.service.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep, lib: LibraryDep, today: TodayDep) -> Response:
    """The home page: what Carenote is, the library and the symptom check."""
    listing = library.list_articles(session=session, articles=lib, q=None, topic=None,
                                    today=today)
    return render(request, "home.html", {"articles": listing.data})


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request, session: SessionDep, lib: LibraryDep, today: TodayDep,
    q: Annotated[str, Query(max_length=200)] = "",
    topic: Annotated[str, Query(max_length=100)] = "",
) -> Response:
    """The library: full-text search and topics."""
    listing = library.list_articles(session=session, articles=lib, q=q or None,
                                    topic=topic or None, today=today)
    return render(request, "library.html", {
        "listing": listing, "q": q, "topic": topic, "topics": library.topic_counts(lib)})


@router.get("/articles/{slug}", response_class=HTMLResponse)
def article(
    request: Request, slug: str, session: SessionDep, lib: LibraryDep, today: TodayDep
) -> Response:
    """One article, shaped like the seed page, with "Was this page helpful?"."""
    found = library.get_article(articles=lib, slug=slug)
    counts = library.feedback_counts(session=session, articles=lib, slug=slug)
    return render(request, "article.html", {
        "article": found, "meta": found.meta, "overdue": found.overdue(today), "counts": counts})


@router.post("/articles/{slug}/feedback", response_class=HTMLResponse)
def feedback(
    request: Request, slug: str, session: SessionDep, lib: LibraryDep, settings: SettingsDep,
    client: ClientHashDep, helpful: Annotated[str, Form(pattern="^(yes|no)$")],
    comment: Annotated[str, Form(max_length=2000)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """Record the answer to "Was this page helpful?" and thank the reader."""
    csrf.verify(request, csrf_token, settings.secret_key.get_secret_value())
    found = library.get_article(articles=lib, slug=slug)
    counts = library.submit_feedback(
        session=session, articles=lib, slug=slug,
        feedback=FeedbackIn(helpful=helpful == "yes", comment=comment or None),
        client_hash=client, limit=settings.feedback_rate_limit,
        window_seconds=settings.feedback_rate_window_seconds,
    )
    return render(request, "feedback_thanks.html", {"meta": found.meta, "counts": counts,
                                                    "helpful": helpful == "yes"})


def render_error(request: Request, status: int, message: str) -> Response:
    """Render the HTML error page (used by the error handlers for browsers)."""
    return render(request, "error.html", {"status": status, "message": message},
                  status_code=status)

