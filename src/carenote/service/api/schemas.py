"""Request and answer models of the JSON API (CONTRACTS.md, "HTTP")."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from carenote.compiler.schema import Sex, TriageLevel
from carenote.engine.case import EvidenceInput
from carenote.engine.result import EvidenceItem

# Months per year for converting {value, unit: month} ages.
_MONTHS_PER_YEAR = 12.0
#: The engine's Case accepts ages up to 130 years.
_MAX_AGE_YEARS = 130.0


def _check_pregnancy(sex: Sex, trimester: int | None) -> None:
    if trimester is not None and sex != "female":
        raise ValueError("pregnancy_trimester applies only when sex is female")


class Age(BaseModel):
    """An age as a number and its unit."""

    model_config = ConfigDict(extra="forbid")

    value: float = Field(ge=0, le=130 * 12, description="The age in `unit`s")
    unit: Literal["year", "month"] = "year"

    def years(self) -> float:
        """Return the age in years."""
        return self.value if self.unit == "year" else self.value / _MONTHS_PER_YEAR

    @model_validator(mode="after")
    def _at_most_130_years(self) -> Age:
        if self.years() > _MAX_AGE_YEARS:
            raise ValueError(f"age must be at most {_MAX_AGE_YEARS:g} years")
        return self


class LabIn(BaseModel):
    """One measured value."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=r"^LOINC:\d{1,7}-\d$", description="LOINC CURIE", examples=[
        "LOINC:6768-6"])
    value: float = Field(allow_inf_nan=False)
    unit: str = Field(min_length=1, max_length=40, description="UCUM unit, e.g. U/L")


class CaseIn(BaseModel):
    """Who the person is and what is known (body of /diagnosis, /triage, /explain)."""

    model_config = ConfigDict(extra="forbid")

    sex: Sex
    age: Age
    pregnancy_trimester: int | None = Field(default=None, ge=1, le=3)
    evidence: list[EvidenceInput] = Field(default_factory=list, max_length=200)
    labs: list[LabIn] = Field(default_factory=list, max_length=50)

    @model_validator(mode="after")
    def _pregnancy_needs_female(self) -> CaseIn:
        _check_pregnancy(self.sex, self.pregnancy_trimester)
        return self


class ExplainIn(CaseIn):
    """A case and the condition whose evidence should be explained."""

    target: str = Field(min_length=1, max_length=200, description="Condition id")


class TriageSerious(BaseModel):
    """A ranked condition that needs emergency care."""

    id: str
    name: str
    urgency: TriageLevel
    is_emergency: bool = Field(description="True when it calls for an ambulance now")


class TriageOut(BaseModel):
    """Answer of POST /triage."""

    triage_level: TriageLevel
    reasons: list[str]
    serious: list[TriageSerious]
    disclaimer: str


class ExplainOut(BaseModel):
    """Answer of POST /explain."""

    target: str
    supporting_evidence: list[EvidenceItem]
    conflicting_evidence: list[EvidenceItem]
    unconfirmed_evidence: list[EvidenceItem]
    disclaimer: str


class LabInterpretIn(BaseModel):
    """Body of POST /labs/interpret (the non-FHIR form)."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=r"^LOINC:\d{1,7}-\d$")
    value: float = Field(allow_inf_nan=False)
    unit: str = Field(min_length=1, max_length=40)
    age: float | Age = Field(description="Years, or {value, unit}")
    sex: Sex
    pregnancy_trimester: int | None = Field(default=None, ge=1, le=3)

    def age_years(self) -> float:
        """Return the age in years."""
        return self.age if isinstance(self.age, float | int) else self.age.years()

    @model_validator(mode="after")
    def _pregnancy_needs_female(self) -> LabInterpretIn:
        _check_pregnancy(self.sex, self.pregnancy_trimester)
        return self


class ParseIn(BaseModel):
    """Body of POST /parse."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=10_000)
    age: float | Age | None = None
    sex: Sex | None = None


class SearchHit(BaseModel):
    """A finding that matches a search phrase."""

    id: str
    label: str


class ArticleSummary(BaseModel):
    """An article as listed in the library."""

    slug: str
    title: str
    summary: str
    topics: list[str]
    review_status: str
    published: date | None
    last_reviewed: date | None
    review_overdue: bool
    url: str


class ArticleList(BaseModel):
    """Answer of GET /articles."""

    data: list[ArticleSummary]
    count: int


class FeedbackIn(BaseModel):
    """Body of POST /articles/{slug}/feedback."""

    model_config = ConfigDict(extra="forbid")

    helpful: bool
    comment: str | None = Field(default=None, max_length=2000)


class FeedbackCountsOut(BaseModel):
    """How many readers found an article helpful."""

    helpful: int
    not_helpful: int


class SavedCheckOut(BaseModel):
    """Answer of POST /checks: where the saved result can be read again."""

    token: str
    url: str
