"""Typed result of parsing a case told in words (CONTRACTS.md, ``POST /parse``)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]
VitalKind = Literal[
    "temperature",
    "heart_rate",
    "respiratory_rate",
    "systolic_blood_pressure",
    "diastolic_blood_pressure",
    "oxygen_saturation",
]


class Mention(BaseModel):
    """A finding named in the text (or implied by a measured vital sign)."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Finding id: HPO CURIE or carenote: id")
    name: str
    choice_id: Literal["present", "absent"]
    span: Span = Field(description="Character offsets [start, end) in the text")
    text: str = Field(description="The text at span")
    hedged: bool = Field(default=False, description="Said with doubt: possible, ?, unlikely")
    subject: Literal["patient", "family"] = Field(
        default="patient", description="'family' for 'family history of …', 'mother had …'"
    )
    source: Literal["text", "vital"] = Field(
        default="text", description="'vital' when implied by a measured vital sign"
    )

    @classmethod
    def read(
        cls,
        finding_id: str,
        name: str,
        text: str,
        span: Span,
        *,
        negated: bool,
        hedged: bool,
        family: bool,
    ) -> Mention:
        """A finding read from the words at ``span`` of ``text``."""
        start, end = span
        return cls(
            id=finding_id,
            name=name,
            choice_id="absent" if negated else "present",
            span=span,
            text=text[start:end],
            hedged=hedged,
            subject="family" if family else "patient",
        )


class LabMention(BaseModel):
    """A lab value named in the text, e.g. 'ALT of 6498 units/L'."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(description="LOINC CURIE")
    value: float
    unit: str = Field(description="Lightly normalised unit; '' when the text gives none")
    span: Span
    text: str = ""


class Vital(BaseModel):
    """A measured vital sign, converted to one unit per kind (UCUM codes)."""

    model_config = ConfigDict(frozen=True)

    kind: VitalKind
    value: float
    unit: str = Field(description="Cel, /min, mm[Hg] or %")
    span: Span
    text: str = ""
    note: str = Field(default="", description="e.g. 'on room air', 'on oxygen'")


class Duration(BaseModel):
    """How long something has lasted or how long ago it began."""

    model_config = ConfigDict(frozen=True)

    text: str
    days: float | None = Field(description="None when only the tempo is known")
    span: Span
    approximate: bool = Field(default=False, description="From 'several', 'yesterday', …")
    onset: Literal["sudden", "gradual"] | None = None


class ParseResult(BaseModel):
    """Everything :func:`carenote.text.parse` understood in one text."""

    model_config = ConfigDict(frozen=True)

    mentions: list[Mention] = []
    labs: list[LabMention] = []
    vitals: list[Vital] = []
    age_years: float | None = None
    sex: Literal["female", "male"] | None = None
    durations: list[Duration] = []
    warnings: list[str] = []

    def evidence(self) -> list[Mention]:
        """One mention per finding id about the patient, the most trustworthy first.

        A measured vital beats words, a plain statement beats a hedged one, and a
        present statement beats an absent one (a history can deny what is now seen).
        """
        rank: dict[str, Mention] = {}
        for mention in self.mentions:
            if mention.subject != "patient":
                continue
            best = rank.get(mention.id)
            if best is None or _trust(mention) > _trust(best):
                rank[mention.id] = mention
        return list(rank.values())


def _trust(mention: Mention) -> tuple[bool, bool, bool]:
    return (mention.source == "vital", not mention.hedged, mention.choice_id == "present")
