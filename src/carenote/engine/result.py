"""The typed result of a check: built once by the engine, rendered as JSON and as HTML."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from carenote.compiler.schema import TriageLevel
from carenote.labs.model import LabResult

DISCLAIMER = (
    "Carenote provides general medical information, not a diagnosis or treatment. "
    "The possible causes listed are based only on the information entered and may be "
    "incomplete or wrong. Talk to a doctor or other qualified health professional about "
    "your health; if you think you may have a medical emergency, call your local "
    "emergency number now."
)

Choice = Literal["present", "absent", "unknown"]


class EvidenceItem(BaseModel):
    """One piece of evidence and how much it moved a condition (natural-log units)."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    weight: float = Field(description="log likelihood ratio; positive raises the condition")
    choice: Choice = "present"
    source: str | None = Field(default=None, description="where the link comes from")


class ConditionEvidence(BaseModel):
    model_config = ConfigDict(frozen=True)

    supporting: list[EvidenceItem] = []
    conflicting: list[EvidenceItem] = []


class RankedCondition(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    lay_name: str | None = None
    synonyms: list[str] = []
    xrefs: list[str] = []
    probability: float = Field(ge=0.0, le=1.0)
    urgency: TriageLevel
    rare: bool = False
    category: str | None = None
    evidence_grade: str | None = None
    summary: str | None = None
    evidence: ConditionEvidence = ConditionEvidence()


class Triage(BaseModel):
    model_config = ConfigDict(frozen=True)

    level: TriageLevel
    reasons: list[str]


class NextStepOut(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str
    text: str
    code: str | None = None
    because: list[str] = Field(default_factory=list, description="condition ids it serves")


class CheckResult(BaseModel):
    """CONTRACTS.md, "The result of a check"."""

    model_config = ConfigDict(frozen=True)

    case_id: str | None = None
    source: str | None = None
    conditions: list[RankedCondition]
    triage: Triage
    labs: list[LabResult] = []
    next_steps: list[NextStepOut] = []
    evidence: list[EvidenceItem] = Field(
        default_factory=list, description="The evidence the engine used, after lab mapping"
    )
    warnings: list[str] = []
    disclaimer: str = DISCLAIMER
