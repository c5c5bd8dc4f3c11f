"""Article files: front matter, Markdown rendering and sanitising, review flags."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from carenote.service.articles import ArticleError, load_articles, parse_article, render_markdown
from conftest import FIXTURE_ARTICLES


def test_fixture_articles_load_with_sections() -> None:
    articles = load_articles(FIXTURE_ARTICLES)
    assert sorted(articles) == ["toy-low-enzyme", "toy-overdue"]
    toy = articles["toy-low-enzyme"]
    assert [title for _, title in toy.sections] == ["In short", "Causes", "When to seek care"]
    assert '<h2 id="when-to-seek-care">' in toy.html
    assert toy.meta.check_prefill is not None
    assert toy.meta.check_prefill.query() == "lab=LOINC%3A6768-6"


def test_markdown_is_sanitised() -> None:
    html, text, _ = render_markdown(
        '<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n'
        '[bad](javascript:alert(1)) [good](https://example.org) **bold**'
    )
    # Raw HTML is shown as text (escaped), never as markup.
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript' not in html
    assert '<a href="https://example.org" rel="noopener noreferrer">good</a>' in html
    assert "<strong>bold</strong>" in html
    assert "bold" in text


def test_review_due_flag() -> None:
    articles = load_articles(FIXTURE_ARTICLES)
    assert articles["toy-overdue"].overdue(date(2026, 11, 26))
    assert not articles["toy-low-enzyme"].overdue(date(2026, 11, 26))


def test_duplicate_headings_get_unique_ids() -> None:
    html, _, sections = render_markdown("## Causes\n\ntext\n\n## Causes\n")
    assert [s[0] for s in sections] == ["causes", "causes-2"]
    assert 'id="causes-2"' in html


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("no front matter here\n", "no YAML front matter"),
        ("---\nslug: Bad Slug\ntitle: t\nsummary: s\n---\nbody\n", "slug"),
        ("---\nslug: ok\ntitle: t\nsummary: s\ntypo_field: 1\n---\nbody\n", "typo_field"),
        ("---\nslug: [unclosed\n---\nbody\n", "ok.md"),
    ],
)
def test_bad_article_files_are_reported_with_their_path(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "ok.md"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ArticleError, match=problem) as caught:
        parse_article(path)
    assert str(path) in str(caught.value)


def test_a_slug_used_twice_is_an_error(tmp_path: Path) -> None:
    source = (FIXTURE_ARTICLES / "toy-overdue.md").read_text(encoding="utf-8")
    (tmp_path / "a.md").write_text(source, encoding="utf-8")
    (tmp_path / "b.md").write_text(source, encoding="utf-8")
    with pytest.raises(ArticleError, match="used twice"):
        load_articles(tmp_path)


def test_the_packaged_articles_load() -> None:
    from carenote.service.settings import PACKAGED_ARTICLES

    articles = load_articles(PACKAGED_ARTICLES)
    assert "low-alkaline-phosphatase" in articles
    seed = articles["low-alkaline-phosphatase"]
    assert "When to seek care" in [title for _, title in seed.sections]
