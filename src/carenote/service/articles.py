"""Articles: Markdown files with YAML front matter, parsed, rendered and sanitised once."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import nh3
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from pydantic import BaseModel, ConfigDict, Field, ValidationError

#: libyaml's safe loader when present (ten times faster), else the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.DOTALL)

#: What sanitised article HTML may contain; everything else is stripped by nh3.
_ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li", "ol", "p",
    "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "h2": {"id"}, "h3": {"id"}, "td": {"align"},
                       "th": {"align"}}


class ArticleError(ValueError):
    """An article file that cannot be read; the message names the file and the problem."""


class Person(BaseModel):
    """An author or reviewer and their credentials."""

    model_config = ConfigDict(frozen=True)

    name: str
    credentials: str | None = None


class Reference(BaseModel):
    """A cited source; pmid/doi only where the author is certain of them."""

    model_config = ConfigDict(frozen=True)

    citation: str
    pmid: str | None = None
    doi: str | None = None
    url: str | None = None


class CheckPrefill(BaseModel):
    """How the article's "start a symptom check" link pre-fills the check."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lab: str | None = None
    finding: str | None = None

    def query(self) -> str:
        """Return the query string of the /check link (``lab=…`` or ``finding=…``)."""
        return urlencode({k: v for k, v in (("lab", self.lab), ("finding", self.finding)) if v})


class ArticleMeta(BaseModel):
    """The front matter of an article (docs/articles.md)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str
    summary: str
    authors: list[Person] = []
    medical_reviewer: Person | None = None
    review_status: str = "draft"
    published: date | None = None
    last_reviewed: date | None = None
    next_review_due: date | None = None
    topics: list[str] = []
    findings: list[str] = []
    conditions: list[str] = []
    labs: list[str] = []
    references: list[Reference] = []
    check_prefill: CheckPrefill | None = None


class Article(BaseModel):
    """A parsed article: front matter, sanitised HTML body and plain text for search."""

    model_config = ConfigDict(frozen=True)

    meta: ArticleMeta
    html: str = Field(description="Sanitised HTML of the body")
    text: str = Field(description="Plain text of the body, for the search index")
    sections: list[tuple[str, str]] = Field(description="(id, title) of each h2")

    def overdue(self, today: date) -> bool:
        """Say whether the article is past its next review date."""
        due = self.meta.next_review_due
        return due is not None and due < today

    def public(self, today: date) -> dict[str, Any]:
        """Return the JSON form of the article (GET /api/v1/articles/{slug})."""
        data = self.meta.model_dump(mode="json")
        data.update(html=self.html, sections=[{"id": i, "title": t} for i, t in self.sections],
                    review_overdue=self.overdue(today))
        return data


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


def _markdown() -> MarkdownIt:
    # Raw HTML in articles is off: authors write Markdown, and nh3 cleans what remains.
    return MarkdownIt("commonmark", {"html": False, "typographer": True}).enable("table")


def _sections(tokens: list[Token]) -> list[tuple[str, str]]:
    """Give every h2/h3 a unique id attribute and return the h2s in order."""
    seen: set[str] = set()
    found: list[tuple[str, str]] = []
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or token.tag not in {"h2", "h3"}:
            continue
        title = tokens[index + 1].content
        anchor = base = _slugify(title)
        counter = 2
        while anchor in seen:
            anchor, counter = f"{base}-{counter}", counter + 1
        seen.add(anchor)
        token.attrSet("id", anchor)
        if token.tag == "h2":
            found.append((anchor, title))
    return found


def _plain_text(tokens: list[Token]) -> str:
    parts = [
        child.content
        for token in tokens
        if token.type == "inline" and token.children
        for child in token.children
        if child.type in {"text", "code_inline"}
    ]
    return " ".join(parts)


def render_markdown(source: str) -> tuple[str, str, list[tuple[str, str]]]:
    """Render Markdown to sanitised HTML; return (html, plain text, h2 sections)."""
    md = _markdown()
    tokens = md.parse(source)
    sections = _sections(tokens)
    raw = md.renderer.render(tokens, md.options, {})
    html = nh3.clean(
        raw,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return html, _plain_text(tokens), sections


def parse_article(path: Path) -> Article:
    """Parse one Markdown file with YAML front matter into an :class:`Article`."""
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if match is None:
        raise ArticleError(f"{path}: no YAML front matter between '---' lines")
    try:
        raw = yaml.load(match.group(1), Loader=_YAML_LOADER)  # a safe loader
        meta = ArticleMeta.model_validate(raw)
    except (yaml.YAMLError, ValidationError) as error:
        raise ArticleError(f"{path}: {error}") from error
    html, text, sections = render_markdown(match.group(2))
    return Article(meta=meta, html=html, text=text, sections=sections)


def load_articles(directory: Path) -> dict[str, Article]:
    """Load every ``*.md`` under ``directory`` (sorted), keyed by slug."""
    articles: dict[str, Article] = {}
    for path in sorted(directory.rglob("*.md")) if directory.is_dir() else []:
        if path.name.lower() == "readme.md":
            continue
        article = parse_article(path)
        if article.meta.slug in articles:
            raise ArticleError(f"{path}: slug {article.meta.slug!r} is used twice")
        articles[article.meta.slug] = article
    return articles

