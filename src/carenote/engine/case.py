"""The typed input of the engine: who the person is and what is known about them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from carenote.compiler.schema import Sex
from carenote.engine.result import Choice
from carenote.labs.model import LabInput


class EvidenceInput(BaseModel):
    """One finding reported present, absent or unknown."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="HPO CURIE or carenote: id")
    choice_id: Choice = "present"
    source: str | None = Field(
        default=None, description="initial | suggest | interview | text | lab (informational)"
    )


class Case(BaseModel):
    """Everything the engine reasons on for one person."""

    model_config = ConfigDict(frozen=True)

    age_years: float | None = Field(default=None, ge=0, le=130, description="None if unknown")
    sex: Sex | None = Field(default=None, description="None if unknown")
    pregnancy_trimester: int | None = Field(default=None, ge=1, le=3)
    evidence: list[EvidenceInput] = []
    labs: list[LabInput] = []
    case_id: str | None = None
    source: str | None = None
