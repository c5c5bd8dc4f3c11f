"""Typed schema of the knowledge-base source files (``src/carenote/knowledge/**.yaml``).

Every YAML file under ``knowledge/conditions``, ``knowledge/findings`` and
``knowledge/rules`` is one :class:`SourceFile`: any of the top-level lists may be
present. Ids are global: a source, finding or condition id defined twice anywhere is
an error reported by ``carenote kb check``. The format is documented for authors in
``docs/knowledge-base.md``.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

TriageLevel = Literal[
    "emergency_ambulance", "emergency", "consultation_24", "consultation", "self_care"
]
#: Most to least urgent; index 0 is the most urgent (CONTRACTS.md, "Triage levels").
TRIAGE_ORDER: tuple[TriageLevel, ...] = (
    "emergency_ambulance",
    "emergency",
    "consultation_24",
    "consultation",
    "self_care",
)

FindingKind = Literal[
    "symptom", "sign", "lab", "medicine", "exposure", "history", "risk_factor", "context"
]
EvidenceGrade = Literal["strong", "moderate", "weak"]
Sex = Literal["female", "male"]

_FINDING_ID = r"^(HP:\d{7}|carenote:[a-z0-9_]+)$"
_CONDITION_ID = r"^[a-z0-9_]+$"
_XREF = r"^(OMIM|ORPHA|MONDO|ICD10|ICD11|SNOMEDCT|MESH|UMLS|DOID):[A-Za-z0-9.\-]+$"
_SOURCE_ID = r"^[a-z0-9_]+$"
_LOINC = r"^LOINC:\d{1,7}-\d$"

FindingId = Annotated[str, StringConstraints(pattern=_FINDING_ID)]
ConditionId = Annotated[str, StringConstraints(pattern=_CONDITION_ID)]
SourceId = Annotated[str, StringConstraints(pattern=_SOURCE_ID)]
Probability = Annotated[float, Field(ge=0.0, le=1.0)]


class Strict(BaseModel):
    """Base for source records: unknown keys are errors, so typos surface in review."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """A citable source: guideline, review, textbook chapter, study or expert consensus."""

    id: SourceId
    kind: Literal["guideline", "review", "textbook", "study", "database", "expert_opinion"]
    citation: str = Field(min_length=10, description="Authors, year, title, journal/publisher")
    year: int = Field(ge=1900, le=2100)
    pmid: str | None = Field(default=None, pattern=r"^\d{5,9}$")
    doi: str | None = Field(default=None, pattern=r"^10\.\d{4,9}/\S+$")
    url: str | None = None


class Lasting(Strict):
    """A finding that is another one having lasted a while: "cough lasting more than 3
    weeks" is a cough (``of``) that has lasted 21 days or more (``min_days``)."""

    of: FindingId
    min_days: float = Field(gt=0)


class Finding(Strict):
    """Something a person can have or not: symptom, sign, lab result, medicine, exposure."""

    id: FindingId
    name: str = Field(min_length=2)
    kind: FindingKind
    question: str = Field(min_length=5, description="Patient-facing yes/no question")
    synonyms: list[str] = []
    #: Phrases that name this finding when they are denied: "relief from the inhaler"
    #: for "reliever inhaler not helping" ("no relief from her inhaler"), "able to bear
    #: weight" for "unable to bear weight". Said without a denial, they name its absence.
    negated_synonyms: list[str] = []
    #: Probability that a person in the general population reports this finding when
    #: asked. Used as the leak for conditions that do not list the finding.
    background: Probability = 0.01
    background_source: SourceId | None = None
    #: Questions asked together share a group (``group_multiple`` in the API).
    group: str | None = None
    #: Absent for findings a person cannot answer (e.g. a lab pattern).
    askable: bool = True
    #: Set when this finding is another one having lasted a while: free text that gives
    #: the other finding with how long it has lasted then answers this one too.
    lasting: Lasting | None = None
    #: Findings whose presence (or that of a more specific HPO term under them) in free
    #: text also says this one: a named cancer ("prostate cancer", an HPO neoplasm) is a
    #: history of cancer.
    implied_by: list[FindingId] = []


class FindingLink(Strict):
    """P(finding | condition), with its source; ``estimate`` marks an expert estimate."""

    id: FindingId
    frequency: Probability
    source: SourceId
    estimate: bool = False
    note: str | None = None


class AgeFactor(Strict):
    """Multiplier on the base prior for ages in [min_years, max_years)."""

    min_years: float = Field(ge=0)
    max_years: float = Field(gt=0)
    factor: float = Field(ge=0)


class Prior(Strict):
    """Prior probability of the condition in a person seeking information.

    ``base`` is the point prevalence in the general population; age and sex factors
    multiply it. A factor of 0 makes the condition impossible in that band.
    """

    base: Probability
    source: SourceId
    estimate: bool = False
    age: list[AgeFactor] = []
    sex: dict[Sex, float] = {}


class NextStep(Strict):
    """A recommended action. Lower ``priority`` comes first (1 = do this first)."""

    kind: Literal["repeat", "test", "review", "referral", "treatment", "caution", "self_care"]
    text: str = Field(min_length=5)
    code: str | None = Field(default=None, description="LOINC CURIE for a test")
    priority: int = Field(default=5, ge=1, le=9)
    source: SourceId


class Condition(Strict):
    """A condition (disease, state or cause) the engine can rank."""

    id: ConditionId
    name: str = Field(min_length=2)
    lay_name: str | None = None
    synonyms: list[str] = []
    xrefs: list[Annotated[str, StringConstraints(pattern=_XREF)]] = []
    family: str | None = Field(default=None, description="Groups forms of one disease")
    category: str = Field(min_length=2)
    summary: str = Field(min_length=10, description="One or two plain-language sentences")
    urgency: TriageLevel
    evidence_grade: EvidenceGrade
    rare: bool = False
    prior: Prior
    findings: list[FindingLink] = Field(min_length=1)
    next_steps: list[NextStep] = []
    sources: list[SourceId] = Field(min_length=1)
    domains: list[str] = []

    @field_validator("findings")
    @classmethod
    def _unique_findings(cls, links: list[FindingLink]) -> list[FindingLink]:
        seen = [link.id for link in links]
        dupes = sorted({fid for fid in seen if seen.count(fid) > 1})
        if dupes:
            raise ValueError(f"finding listed twice: {', '.join(dupes)}")
        return links


class RedFlagRule(Strict):
    """Findings that together set a minimum triage level, whatever the ranking says.

    The rule fires when every finding in ``all`` is present, at least one in ``any``
    is present (if ``any`` is given), none in ``unless`` is present and the age lies in
    [min_years, max_years).
    """

    id: SourceId
    level: TriageLevel
    reason: str = Field(min_length=10)
    all: list[FindingId] = []
    any: list[FindingId] = []
    #: Findings that do not set the rule off through the ontology. A rule on a general
    #: HPO term also fires for its descendants; a descendant that means something
    #: milder (HPO files "Excessive daytime somnolence" under "Reduced consciousness")
    #: is listed here, and so are its own descendants.
    not_via: list[FindingId] = []
    #: Findings that, when present, mean the rule does not apply: they describe a known
    #: milder pattern that a rule of its own covers (chest tightness that comes only on
    #: exertion and eases with rest is stable angina, not a suspected heart attack).
    unless: list[FindingId] = []
    min_years: float = 0.0
    max_years: float = 200.0
    source: SourceId


class SynonymExclusion(Strict):
    """Names of a finding (HPO's own labels and synonyms included) that free text must
    not match, because in ordinary clinical prose they mean something else: HPO's
    "Tearing" for epiphora reads "a tearing chest pain" as watery eyes."""

    id: FindingId
    phrases: list[str] = Field(min_length=1)
    reason: str = Field(min_length=10)


class SourceFile(Strict):
    """One YAML file of the knowledge base."""

    sources: list[Source] = []
    findings: list[Finding] = []
    conditions: list[Condition] = []
    red_flags: list[RedFlagRule] = []
    excluded_synonyms: list[SynonymExclusion] = []


LOINC_PATTERN = re.compile(_LOINC)
