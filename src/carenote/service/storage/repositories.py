"""Repository functions: every query the service makes, behind plain typed functions."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from carenote.service.storage.models import (
    ArticleRow,
    FeedbackRow,
    RateEventRow,
    SavedCheckRow,
    utcnow,
)


@dataclass(frozen=True)
class ArticleIndexEntry:
    """What the search index needs to know about one article."""

    slug: str
    title: str
    summary: str
    body_text: str
    topics: list[str]
    published: Any = None
    last_reviewed: Any = None


@dataclass(frozen=True)
class FeedbackCounts:
    """How many readers found an article helpful, and how many did not."""

    helpful: int
    not_helpful: int


def upsert_articles(session: Session, entries: Iterable[ArticleIndexEntry]) -> None:
    """Insert or update the index rows of ``entries``; never deletes rows (feedback stays)."""
    rows = [
        {"slug": e.slug, "title": e.title, "summary": e.summary, "body_text": e.body_text,
         "topics": e.topics, "published": e.published, "last_reviewed": e.last_reviewed,
         "indexed_at": utcnow()}
        for e in entries
    ]
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(ArticleRow).values(rows)
    updated = {name: statement.excluded[name] for name in rows[0] if name != "slug"}
    session.execute(statement.on_conflict_do_update(index_elements=["slug"], set_=updated))
    if dialect == "sqlite":
        _reindex_fts(session, rows)


def _reindex_fts(session: Session, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        session.execute(text("DELETE FROM articles_fts WHERE slug = :slug"), {"slug": row["slug"]})
        session.execute(
            text("INSERT INTO articles_fts (slug, title, summary, body_text) "
                 "VALUES (:slug, :title, :summary, :body_text)"),
            row,
        )


def _fts5_query(query: str) -> str:
    # Each word becomes a quoted prefix term, so user input can never be FTS5 syntax.
    words = re.findall(r"\w+", query)
    return " ".join(f'"{word}"*' for word in words)


def search_articles(session: Session, query: str, limit: int = 50) -> list[str]:
    """Return the slugs of articles matching ``query``, best match first."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = _fts5_query(query)
        if not match:
            return []
        found = session.execute(
            text("SELECT slug FROM articles_fts WHERE articles_fts MATCH :q "
                 "ORDER BY bm25(articles_fts, 0.0, 10.0, 5.0, 1.0) LIMIT :limit"),
            {"q": match, "limit": limit},
        )
        return [row[0] for row in found]
    if dialect == "postgresql":
        # Same expression as the GIN index created by migration 0001.
        found = session.execute(
            text("SELECT slug FROM articles, websearch_to_tsquery('english', :q) AS query "
                 "WHERE to_tsvector('english', title || ' ' || summary || ' ' || body_text) "
                 "@@ query ORDER BY ts_rank(to_tsvector('english', title || ' ' || summary "
                 "|| ' ' || body_text), query) DESC, slug LIMIT :limit"),
            {"q": query, "limit": limit},
        )
        return [row[0] for row in found]
    pattern = f"%{query}%"
    return list(session.scalars(
        select(ArticleRow.slug).where(
            ArticleRow.title.ilike(pattern) | ArticleRow.body_text.ilike(pattern)
        ).limit(limit)
    ))


def add_feedback(session: Session, *, slug: str, helpful: bool, comment: str | None) -> None:
    """Store one "Was this page helpful?" answer."""
    session.add(FeedbackRow(slug=slug, helpful=helpful, comment=comment or None))


def feedback_counts(session: Session, *, slug: str) -> FeedbackCounts:
    """Count the helpful and not-helpful answers for ``slug``."""
    rows = session.execute(
        select(FeedbackRow.helpful, func.count()).where(FeedbackRow.slug == slug)
        .group_by(FeedbackRow.helpful)
    ).all()
    counts = {bool(helpful): int(count) for helpful, count in rows}
    return FeedbackCounts(helpful=counts.get(True, 0), not_helpful=counts.get(False, 0))


def take_rate_slot(
    session: Session, *, bucket: str, client_hash: str, limit: int, window: timedelta
) -> bool:
    """Record one action if ``client_hash`` is under ``limit`` in ``window``; else False."""
    now = utcnow()
    since: datetime = now - window
    # Old events are useless; dropping them keeps the table small and forgets clients.
    session.execute(delete(RateEventRow).where(RateEventRow.at < since))
    used = session.scalar(
        select(func.count()).select_from(RateEventRow).where(
            RateEventRow.bucket == bucket, RateEventRow.client_hash == client_hash,
            RateEventRow.at >= since,
        )
    ) or 0
    if used >= limit:
        return False
    session.add(RateEventRow(bucket=bucket, client_hash=client_hash, at=now))
    return True


def save_check(session: Session, *, result: dict[str, Any]) -> str:
    """Store a check result a person chose to save; return its random token."""
    token = secrets.token_urlsafe(24)
    session.add(SavedCheckRow(token=token, result=result))
    return token


def load_check(session: Session, *, token: str) -> dict[str, Any] | None:
    """Return the saved check result for ``token``, or None."""
    row = session.get(SavedCheckRow, token)
    return None if row is None else row.result
