"""Typed SQLAlchemy 2 models. The schema itself is created by the Alembic migrations."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    """Return the current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base of every stored table."""


class ArticleRow(Base):
    """An article as indexed from its Markdown file (upserted at start-up)."""

    __tablename__ = "articles"

    slug: Mapped[str] = mapped_column(String(200), primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text)
    body_text: Mapped[str] = mapped_column(Text, doc="Plain text of the body, for search")
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    published: Mapped[date | None] = mapped_column(Date, nullable=True)
    last_reviewed: Mapped[date | None] = mapped_column(Date, nullable=True)
    indexed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class FeedbackRow(Base):
    """One "Was this page helpful?" answer. No IP address or client id is kept here."""

    __tablename__ = "article_feedback"
    __table_args__ = (Index("ix_article_feedback_slug", "slug"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    slug: Mapped[str] = mapped_column(ForeignKey("articles.slug", ondelete="RESTRICT"))
    helpful: Mapped[bool] = mapped_column(Boolean)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RateEventRow(Base):
    """One rate-limited action by a client, identified only by a keyed hash."""

    __tablename__ = "rate_events"
    __table_args__ = (Index("ix_rate_events_bucket_client", "bucket", "client_hash", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bucket: Mapped[str] = mapped_column(String(50))
    client_hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SavedCheckRow(Base):
    """A finished check that a person chose to save, reachable only by its random token."""

    __tablename__ = "saved_checks"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
