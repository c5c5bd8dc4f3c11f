"""Initial schema: articles (+ full-text index), feedback, rate events, saved checks.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

#: The PostgreSQL search document; repositories.search_articles uses the same expression.
PG_DOCUMENT = "to_tsvector('english', title || ' ' || summary || ' ' || body_text)"


def upgrade() -> None:
    """Create the tables and the dialect's full-text index."""
    op.create_table(
        "articles",
        sa.Column("slug", sa.String(200), primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("last_reviewed", sa.Date(), nullable=True),
        sa.Column("indexed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "article_feedback",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "slug",
            sa.String(200),
            sa.ForeignKey("articles.slug", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_article_feedback_slug", "article_feedback", ["slug"])
    op.create_table(
        "rate_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("bucket", sa.String(50), nullable=False),
        sa.Column("client_hash", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_rate_events_bucket_client", "rate_events", ["bucket", "client_hash", "at"])
    op.create_table(
        "saved_checks",
        sa.Column("token", sa.String(64), primary_key=True),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5("
            "slug UNINDEXED, title, summary, body_text, tokenize='porter unicode61')"
        )
    elif dialect == "postgresql":
        op.execute(f"CREATE INDEX ix_articles_search ON articles USING gin ({PG_DOCUMENT})")


def downgrade() -> None:
    """Drop everything this revision created."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
    op.drop_table("saved_checks")
    op.drop_index("ix_rate_events_bucket_client", table_name="rate_events")
    op.drop_table("rate_events")
    op.drop_index("ix_article_feedback_slug", table_name="article_feedback")
    op.drop_table("article_feedback")
    op.drop_table("articles")
