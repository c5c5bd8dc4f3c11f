"""Typed inputs and results of lab interpretation (shared by engine, CLI and API)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Interpretation = Literal["LL", "L", "N", "H", "HH"]


class ReferenceRange(BaseModel):
    """The interval a value was judged against, and why it applies."""

    model_config = ConfigDict(frozen=True)

    low: float | None = None
    high: float | None = None
    unit: str
    applies_to: str = Field(description="e.g. 'female, 17 years and over'")
    source: str = Field(description="Citation, or 'reported by the laboratory'")


class LabInput(BaseModel):
    """One measured value as given by a person, a phenopacket or a FHIR Observation."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(description="LOINC CURIE, e.g. LOINC:6768-6")
    value: float
    unit: str
    reference_range: ReferenceRange | None = Field(
        default=None, description="The laboratory's own range; it wins over the catalogue"
    )
    label: str | None = None


class LabResult(BaseModel):
    """An interpreted lab value (CONTRACTS.md, ``labs[]`` of a check result)."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    value: float
    unit: str
    value_in_range_unit: float = Field(description="The value converted to the range's unit")
    interpretation: Interpretation
    reference_range: ReferenceRange
    deviation: str = Field(description="How far outside the range, in words")
    fraction_of_limit: float | None = Field(
        default=None, description="value / low limit when low, value / high limit when high"
    )
    finding: str | None = Field(default=None, description="HPO id implied by the result")
    present_findings: list[str] = Field(
        default_factory=list, description="All finding ids the result implies (incl. graded)"
    )
    absent_findings: list[str] = Field(
        default_factory=list, description="Abnormal findings a normal result argues against"
    )
    notes: list[str] = Field(default_factory=list)
