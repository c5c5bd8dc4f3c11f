"""Storage on a real SQLite file and the real PostgreSQL: migrations, search, feedback."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import inspect
from sqlalchemy.orm import Session, sessionmaker

from carenote.service.storage import db, repositories
from carenote.service.storage.repositories import ArticleIndexEntry

Sessions = sessionmaker[Session]

ALP = ArticleIndexEntry(
    slug="low-alp", title="Low alkaline phosphatase", summary="Why ALP can be low.",
    body_text="Zinc deficiency and hypophosphatasia can lower the enzyme; fractures may follow.",
    topics=["labs"],
)
THYROID = ArticleIndexEntry(
    slug="thyroid", title="An underactive thyroid", summary="Tiredness and weight gain.",
    body_text="Hypothyroidism slows the body down.", topics=["hormones"],
)


@pytest.fixture
def sessions(db_url: str) -> Iterator[Sessions]:
    engine = db.make_engine(db_url)
    db.migrate(engine)
    yield db.session_factory(engine)
    engine.dispose()


def test_migrations_create_the_tables_and_are_idempotent(db_url: str) -> None:
    engine = db.make_engine(db_url)
    db.migrate(engine)
    db.migrate(engine)  # a second start-up must be a no-op
    tables = set(inspect(engine).get_table_names())
    assert {"articles", "article_feedback", "rate_events", "saved_checks",
            "alembic_version"} <= tables
    engine.dispose()


def test_search_finds_words_in_body_title_and_stems(sessions: Sessions) -> None:
    with db.transaction(sessions) as session:
        repositories.upsert_articles(session, [ALP, THYROID])
    with db.transaction(sessions) as session:
        assert repositories.search_articles(session, "zinc") == ["low-alp"]
        assert repositories.search_articles(session, "fracture") == ["low-alp"]
        assert repositories.search_articles(session, "thyroid") == ["thyroid"]
        assert repositories.search_articles(session, "no-such-word-anywhere") == []


@pytest.mark.parametrize("query", ['"', "zinc AND (", "NEAR(", "*", "') OR 1=1 --", "-zinc"])
def test_search_never_fails_on_user_syntax(
    sessions: Sessions, query: str
) -> None:
    with db.transaction(sessions) as session:
        repositories.upsert_articles(session, [ALP])
        found = repositories.search_articles(session, query)
    assert set(found) <= {"low-alp"}


def test_reindexing_updates_text_and_keeps_feedback(sessions: Sessions) -> None:
    with db.transaction(sessions) as session:
        repositories.upsert_articles(session, [ALP])
        repositories.add_feedback(session, slug="low-alp", helpful=True, comment="clear")
        repositories.add_feedback(session, slug="low-alp", helpful=False, comment=None)
    changed = ArticleIndexEntry(**{**ALP.__dict__, "body_text": "Magnesium matters too."})
    with db.transaction(sessions) as session:
        repositories.upsert_articles(session, [changed])
    with db.transaction(sessions) as session:
        assert repositories.search_articles(session, "magnesium") == ["low-alp"]
        assert repositories.search_articles(session, "zinc") == []
        counts = repositories.feedback_counts(session, slug="low-alp")
    assert (counts.helpful, counts.not_helpful) == (1, 1)


def test_rate_slots_are_counted_per_client(sessions: Sessions) -> None:
    window = timedelta(hours=1)
    with db.transaction(sessions) as session:
        taken = [repositories.take_rate_slot(session, bucket="b", client_hash="a", limit=2,
                                             window=window) for _ in range(3)]
        other = repositories.take_rate_slot(session, bucket="b", client_hash="z", limit=2,
                                            window=window)
    assert taken == [True, True, False]
    assert other is True


def test_expired_rate_events_are_forgotten(sessions: Sessions) -> None:
    with db.transaction(sessions) as session:
        assert repositories.take_rate_slot(session, bucket="b", client_hash="a", limit=1,
                                           window=timedelta(hours=1))
    with db.transaction(sessions) as session:
        # A zero-length window: the earlier event is outside it, and deleted.
        assert repositories.take_rate_slot(session, bucket="b", client_hash="a", limit=1,
                                           window=timedelta(0))


def test_saved_checks_round_trip_by_random_token(sessions: Sessions) -> None:
    with db.transaction(sessions) as session:
        first = repositories.save_check(session, result={"triage": {"level": "consultation"}})
        second = repositories.save_check(session, result={"x": 1})
    assert first != second and len(first) >= 30
    with db.transaction(sessions) as session:
        assert repositories.load_check(session, token=first) == {
            "triage": {"level": "consultation"}}
        assert repositories.load_check(session, token="guess") is None
