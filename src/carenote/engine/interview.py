"""Typed shapes of the adaptive interview (CONTRACTS.md, POST /diagnosis)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from carenote.engine.result import RankedCondition


class QuestionChoice(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: Literal["present", "absent", "unknown"]
    label: str


class QuestionItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    choices: list[QuestionChoice]


class Question(BaseModel):
    model_config = ConfigDict(frozen=True)

    type: Literal["single", "group_single", "group_multiple"]
    text: str
    items: list[QuestionItem]


class InterviewStep(BaseModel):
    """The answer to one interview call: the next question (or none) and the ranking."""

    model_config = ConfigDict(frozen=True)

    question: Question | None
    conditions: list[RankedCondition]
    should_stop: bool
    has_emergency_evidence: bool
