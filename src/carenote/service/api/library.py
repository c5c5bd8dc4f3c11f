"""Service functions for articles, feedback and saved checks (JSON and HTML share them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date, timedelta

from sqlalchemy.orm import Session

from carenote.engine.result import CheckResult
from carenote.service.api.errors import ApiError
from carenote.service.api.schemas import (
    ArticleList,
    ArticleSummary,
    FeedbackCountsOut,
    FeedbackIn,
)
from carenote.service.articles import Article
from carenote.service.storage import repositories

Library = Mapping[str, Article]
FEEDBACK_BUCKET = "feedback"
SAVE_BUCKET = "save"


def index_articles(*, session: Session, articles: Library) -> None:
    """Upsert every article into the search index (feedback rows are never touched)."""
    repositories.upsert_articles(session, [
        repositories.ArticleIndexEntry(
            slug=a.meta.slug, title=a.meta.title, summary=a.meta.summary, body_text=a.text,
            topics=a.meta.topics, published=a.meta.published, last_reviewed=a.meta.last_reviewed,
        )
        for a in articles.values()
    ])


def summarise(article: Article, *, today: date) -> ArticleSummary:
    """Return the library-card form of an article."""
    meta = article.meta
    return ArticleSummary(
        slug=meta.slug, title=meta.title, summary=meta.summary, topics=meta.topics,
        review_status=meta.review_status, published=meta.published,
        last_reviewed=meta.last_reviewed, review_overdue=article.overdue(today),
        url=f"/articles/{meta.slug}",
    )


def list_articles(
    *, session: Session, articles: Library, q: str | None, topic: str | None, today: date
) -> ArticleList:
    """List articles, filtered by full-text query and topic; by title when no query."""
    if q and q.strip():
        slugs = [s for s in repositories.search_articles(session, q.strip()) if s in articles]
    else:
        slugs = sorted(articles, key=lambda s: articles[s].meta.title.lower())
    chosen = [articles[s] for s in slugs if topic is None or topic in articles[s].meta.topics]
    data = [summarise(a, today=today) for a in chosen]
    return ArticleList(data=data, count=len(data))


def topic_counts(articles: Library) -> list[tuple[str, int]]:
    """Return (topic, number of articles) pairs, alphabetically."""
    counts = Counter(t for a in articles.values() for t in a.meta.topics)
    return sorted(counts.items())


def get_article(*, articles: Library, slug: str) -> Article:
    """Return the article with ``slug`` or raise a 404."""
    article = articles.get(slug)
    if article is None:
        raise ApiError(404, f"No article with slug {slug!r}.", [(["path", "slug"], "not found")])
    return article


def feedback_counts(*, session: Session, articles: Library, slug: str) -> FeedbackCountsOut:
    """Count helpful and not-helpful answers for an article."""
    get_article(articles=articles, slug=slug)
    counts = repositories.feedback_counts(session, slug=slug)
    return FeedbackCountsOut(helpful=counts.helpful, not_helpful=counts.not_helpful)


def submit_feedback(
    *, session: Session, articles: Library, slug: str, feedback: FeedbackIn, client_hash: str,
    limit: int, window_seconds: int,
) -> FeedbackCountsOut:
    """Store one feedback answer unless the client is over its rate limit (429)."""
    get_article(articles=articles, slug=slug)
    allowed = repositories.take_rate_slot(
        session, bucket=FEEDBACK_BUCKET, client_hash=client_hash, limit=limit,
        window=timedelta(seconds=window_seconds),
    )
    if not allowed:
        raise ApiError(429, "Too much feedback from this address; please try again later.")
    comment = feedback.comment.strip() if feedback.comment else None
    repositories.add_feedback(session, slug=slug, helpful=feedback.helpful, comment=comment)
    session.flush()
    return feedback_counts(session=session, articles=articles, slug=slug)


def save_result(
    *, session: Session, result: CheckResult, client_hash: str, limit: int
) -> str:
    """Store a result the person chose to save (``limit`` an hour); return its token."""
    allowed = repositories.take_rate_slot(
        session, bucket=SAVE_BUCKET, client_hash=client_hash, limit=limit,
        window=timedelta(hours=1),
    )
    if not allowed:
        raise ApiError(429, "Too many saved results from this address; please try again later.")
    return repositories.save_check(session, result=result.model_dump(mode="json"))


def load_result(*, session: Session, token: str) -> CheckResult:
    """Return a saved check result or raise a 404."""
    stored = repositories.load_check(session, token=token) if len(token) <= 64 else None
    if stored is None:
        raise ApiError(404, "No saved check with this link.", [(["path", "token"], "not found")])
    return CheckResult.model_validate(stored)
