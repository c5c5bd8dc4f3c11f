"""The steps of the HTML symptom check: details → one question at a time → result."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from carenote.engine.interview import InterviewStep
from carenote.engine.result import CheckResult
from carenote.service.api import checks
from carenote.service.api.checks import CheckEngine
from carenote.service.api.errors import ApiError
from carenote.service.web.check_form import CheckState, FormErrors, answers_from_form

ACTIONS = ("start", "answer", "back", "finish", "save")


@dataclass(frozen=True)
class DetailsPage:
    """Show the details form (age, sex, pregnancy, labs), with any errors."""

    state: CheckState
    errors: dict[str, str]


@dataclass(frozen=True)
class QuestionPage:
    """Ask the next question."""

    state: CheckState
    step: InterviewStep
    number: int


@dataclass(frozen=True)
class ResultPage:
    """Show the result; built from the same CheckResult the JSON API answers."""

    state: CheckState
    result: CheckResult


Outcome = DetailsPage | QuestionPage | ResultPage


def advance(
    *, engine: CheckEngine, state: CheckState, action: str,
    form: Mapping[str, Sequence[str]], max_questions: int,
) -> Outcome:
    """Apply ``action`` to ``state`` and return the page to show next."""
    if action == "back" and state.last_step == 0:
        return DetailsPage(state=state, errors={})
    try:
        state.to_case()
    except FormErrors as error:
        return DetailsPage(state=state, errors=error.errors)
    try:
        return _next(engine=engine, state=state, action=action, form=form,
                     max_questions=max_questions)
    except ApiError as error:
        if error.status != 422:
            raise
        # The engine refused an input the form cannot check (an unknown lab code or unit).
        return DetailsPage(state=state, errors={"form": error.message})


def _next(
    *, engine: CheckEngine, state: CheckState, action: str,
    form: Mapping[str, Sequence[str]], max_questions: int,
) -> Outcome:
    if action in {"finish", "save"}:
        return _result(engine, state)
    if action == "back":
        state = state.back()
    elif action == "answer":
        asked = _interview(engine, state, max_questions)
        if asked is not None and asked.question is not None:
            answers = answers_from_form(form, asked.question, state.last_step + 1)
            state = state.answered(answers)
    step = _interview(engine, state, max_questions)
    if step is None or step.question is None or step.should_stop:
        return _result(engine, state)
    return QuestionPage(state=state, step=step, number=state.last_step + 1)


def _interview(engine: CheckEngine, state: CheckState, max_questions: int) -> InterviewStep | None:
    remaining = max_questions - state.last_step
    if remaining <= 0:
        return None
    return checks.run_interview(engine=engine, case=state.to_case(), max_questions=remaining)


def _result(engine: CheckEngine, state: CheckState) -> Outcome:
    result = checks.run_check(engine=engine, case=state.to_case())
    return ResultPage(state=state, result=result)
