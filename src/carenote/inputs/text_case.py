"""Turn a case told in words into a :class:`Case` through the engine's text parser."""

from __future__ import annotations

from typing import TYPE_CHECKING

from carenote.compiler.schema import Sex
from carenote.engine.case import Case, EvidenceInput
from carenote.inputs.errors import InputError
from carenote.labs.model import LabInput

if TYPE_CHECKING:
    from carenote.engine.core import Engine
    from carenote.text.model import ParseResult


def case_from_parse(parsed: ParseResult, *, source: str = "text") -> tuple[Case, list[str]]:
    """Build a Case from a parse result; labs without a unit are left out with a warning."""
    evidence: dict[str, EvidenceInput] = {}
    for mention in parsed.evidence():
        if mention.hedged and mention.choice_id == "present":
            continue  # "possible pneumonia" is not evidence either way
        evidence[mention.id] = EvidenceInput(
            id=mention.id, choice_id=mention.choice_id, source=source
        )
    warnings = list(parsed.warnings)
    labs = [
        LabInput(code=lab.code, value=lab.value, unit=lab.unit) for lab in parsed.labs if lab.unit
    ]
    case = Case(
        age_years=parsed.age_years,
        sex=parsed.sex,
        evidence=list(evidence.values()),
        labs=labs,
        source=source,
    )
    return case, warnings


def case_from_text(engine: Engine, text: str, *, age: float | None, sex: Sex | None) -> Case:
    """Parse ``text`` and build a Case; explicit age/sex override what the text says."""
    if not text.strip():
        raise InputError("--text is empty; describe the case in words")
    parsed = engine.parse_text(text, age, sex)
    case, _ = case_from_parse(parsed)
    return case
