"""Routes of the JSON API under /api/v1: thin wrappers around the service functions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, status

from carenote.compiler.schema import Sex
from carenote.engine.interview import InterviewStep
from carenote.engine.result import CheckResult
from carenote.labs.model import LabResult
from carenote.service.api import checks, library
from carenote.service.api.schemas import (
    Age,
    ArticleList,
    CaseIn,
    ExplainIn,
    ExplainOut,
    FeedbackCountsOut,
    FeedbackIn,
    ParseIn,
    SavedCheckOut,
    SearchHit,
    TriageOut,
)
from carenote.service.deps import (
    ClientHashDep,
    EngineDep,
    LibraryDep,
    SessionDep,
    SettingsDep,
    TodayDep,
)

router = APIRouter(prefix="/api/v1")


@router.post("/diagnosis", tags=["check"])
def diagnosis(body: CaseIn, engine: EngineDep, settings: SettingsDep) -> InterviewStep:
    """Rank possible causes and ask the next question (null when the interview is done)."""
    case = checks.build_case(body)
    return checks.run_interview(engine=engine, case=case, max_questions=settings.max_questions)


@router.post("/check", tags=["check"])
def check(body: CaseIn, engine: EngineDep) -> CheckResult:
    """Return the full result of a check: causes, triage, labs, next steps, disclaimer."""
    return checks.run_check(engine=engine, case=checks.build_case(body))


@router.post("/triage", tags=["check"])
def triage(body: CaseIn, engine: EngineDep) -> TriageOut:
    """Say how urgently and where to seek care, and which causes would be emergencies."""
    return checks.run_triage(engine=engine, case=checks.build_case(body))


@router.post("/explain", tags=["check"])
def explain(body: ExplainIn, engine: EngineDep) -> ExplainOut:
    """Explain which evidence supports or conflicts with one condition."""
    case = checks.build_case(body)
    return checks.run_explain(engine=engine, case=case, target=body.target)


@router.post("/labs/interpret", tags=["labs"])
def interpret_lab(
    engine: EngineDep,
    body: Annotated[dict[str, Any], Body(description="LabInterpretIn, or a FHIR Observation")],
    age: Annotated[float | None, Query(ge=0, le=130, description="Years (FHIR only)")] = None,
    sex: Annotated[Sex | None, Query(description="female or male (FHIR only)")] = None,
    pregnancy_trimester: Annotated[int | None, Query(ge=1, le=3)] = None,
) -> LabResult:
    """Interpret one lab value against its age/sex-specific reference range."""
    request = checks.read_lab_request(body=body, age=age, sex=sex,
                                      pregnancy_trimester=pregnancy_trimester)
    return checks.interpret_lab(engine=engine, lab=request.lab, age_years=request.age_years,
                                sex=request.sex, pregnancy_trimester=request.trimester)


@router.post("/parse", tags=["check"])
def parse(body: ParseIn, engine: EngineDep) -> dict[str, Any]:
    """Find findings, lab values, age and sex mentioned in free text."""
    age = body.age.years() if isinstance(body.age, Age) else body.age
    return checks.parse_text(engine=engine, text=body.text, age_years=age, sex=body.sex)


@router.get("/search", tags=["check"])
def search(
    engine: EngineDep,
    phrase: Annotated[str, Query(min_length=1, max_length=200)],
    max_results: Annotated[int, Query(ge=1, le=100)] = 8,
) -> list[SearchHit]:
    """Find symptoms and other findings by name (for autocomplete)."""
    return checks.search_findings(engine=engine, phrase=phrase, max_results=max_results)


@router.post("/checks", status_code=status.HTTP_201_CREATED, tags=["check"])
def save_check(
    body: CaseIn, engine: EngineDep, session: SessionDep, settings: SettingsDep,
    client: ClientHashDep,
) -> SavedCheckOut:
    """Run a check and save its result (only ever on request); answer its private link."""
    result = checks.run_check(engine=engine, case=checks.build_case(body))
    token = library.save_result(session=session, result=result, client_hash=client,
                                limit=settings.save_rate_limit)
    return SavedCheckOut(token=token, url=f"/check/saved/{token}")


@router.get("/checks/{token}", tags=["check"])
def saved_check(token: str, session: SessionDep) -> CheckResult:
    """Return a saved check result."""
    return library.load_result(session=session, token=token)


@router.get("/articles", tags=["articles"])
def articles(
    session: SessionDep, lib: LibraryDep, today: TodayDep,
    q: Annotated[str | None, Query(max_length=200, description="Full-text query")] = None,
    topic: Annotated[str | None, Query(max_length=100)] = None,
) -> ArticleList:
    """List the articles, optionally filtered by a search query and a topic."""
    return library.list_articles(session=session, articles=lib, q=q, topic=topic, today=today)


@router.get("/articles/{slug}", tags=["articles"])
def article(slug: str, lib: LibraryDep, today: TodayDep) -> dict[str, Any]:
    """Return one article: front matter, sanitised HTML body, sections, review flag."""
    return library.get_article(articles=lib, slug=slug).public(today)


@router.post("/articles/{slug}/feedback", status_code=status.HTTP_201_CREATED,
             tags=["articles"])
def post_feedback(
    slug: str, body: FeedbackIn, session: SessionDep, lib: LibraryDep,
    settings: SettingsDep, client: ClientHashDep,
) -> FeedbackCountsOut:
    """Record whether the article was helpful (rate-limited per client)."""
    return library.submit_feedback(
        session=session, articles=lib, slug=slug, feedback=body, client_hash=client,
        limit=settings.feedback_rate_limit, window_seconds=settings.feedback_rate_window_seconds,
    )


@router.get("/articles/{slug}/feedback", tags=["articles"])
def get_feedback(slug: str, session: SessionDep, lib: LibraryDep) -> FeedbackCountsOut:
    """Return how many readers found the article helpful and not helpful."""
    return library.feedback_counts(session=session, articles=lib, slug=slug)

