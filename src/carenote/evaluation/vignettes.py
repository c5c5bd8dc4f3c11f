"""``carenote bench vignettes``: free-text clinical vignettes scored for diagnosis and triage.

Known shapes (CONTRACTS.md): ``{case_description, correct_diagnosis, urgency_level}`` and
``{demographics, chief_complaints, presentation, absent_findings, physical_history,
family_history, social_history, correct_diagnosis}``. A diagnosis matches when one of its
acceptable names (the text split on "or", commas and parentheses) equals, contains or is
contained in (as whole words) a ranked condition's name or synonym, after normalisation.

Triage follows Semigran et al. (BMJ 2015;351:h3480): ``em`` emergent, ``ne`` non-emergent
care, ``sc`` self-care. Exact = same class; safe = same class or more urgent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from carenote.engine.core import Engine
from carenote.engine.result import CheckResult
from carenote.inputs.errors import InputError
from carenote.inputs.jsonlines import iter_json_lines
from carenote.inputs.text_case import case_from_parse
from carenote.text.normalise import phrase_key

#: Our five levels → Semigran's three classes (0 = most urgent).
LEVEL_CLASS = {
    "emergency_ambulance": 0,
    "emergency": 0,
    "consultation_24": 1,
    "consultation": 1,
    "self_care": 2,
}
GOLD_CLASS = {
    "em": 0,
    "emergent": 0,
    "emergency": 0,
    "ne": 1,
    "non-emergent": 1,
    "sc": 2,
    "self-care": 2,
}
TEXT_FIELDS = (
    "case_description",
    "demographics",
    "chief_complaints",
    "presentation",
    "absent_findings",
    "physical_history",
    "family_history",
    "social_history",
)
_STOP = frozenset(
    phrase_key("the a an of acute or and with due to disease syndrome")
)


class VignetteOutcome(BaseModel):
    index: int
    correct_diagnosis: str
    rank: int | None
    predicted: list[str]
    gold_triage: str | None
    triage: str
    triage_exact: bool | None
    triage_safe: bool | None


class VignetteSummary(BaseModel):
    cases: int
    top1: float
    top3: float
    top10: float
    triage_cases: int
    triage_exact: float | None
    triage_safe: float | None
    over_triage: int
    under_triage: int
    emergencies_under_triaged: int


def read_vignettes(path: Path) -> list[dict[str, Any]]:
    """Read JSON Lines of vignettes; InputError names the bad line."""
    if not path.exists():
        raise InputError(f"{path}: no such file; expected JSON Lines of vignettes")
    rows: list[dict[str, Any]] = []
    expected = "an object with correct_diagnosis and a case text"
    for n, row in iter_json_lines(path, expected=expected):
        if "correct_diagnosis" not in row:
            raise InputError(f"{path}:{n}: expected {expected}")
        rows.append(row)
    return rows


def vignette_text(row: dict[str, Any]) -> str:
    """The case told in words, from whichever known fields are present."""
    parts = []
    for key in TEXT_FIELDS:
        value = row.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if value:
            prefix = "No " if key == "absent_findings" else ""
            parts.append(f"{prefix}{value}".strip())
    return ". ".join(parts)


def _norm(text: str) -> str:
    # The text parser's normalisation: case, British/American spelling and plurals
    # ("Canker sores" = "canker sore", "haemorrhage" = "hemorrhage").
    return " ".join(w for w in phrase_key(text) if w not in _STOP)


def acceptable_names(diagnosis: str) -> list[str]:
    """The acceptable names in a gold diagnosis ("Asthma (or acute asthma, …)")."""
    pieces = re.split(r"\(|\)|,|;|/|\bor\b|\bacceptable\b", diagnosis, flags=re.IGNORECASE)
    names = [_norm(p) for p in pieces]
    return [n for n in names if len(n) >= 3]


def _contains(text: str, phrase: str) -> bool:
    """``phrase`` occurs in ``text`` as whole words (both already normalised)."""
    return f" {phrase} " in f" {text} "


def diagnosis_rank(result: CheckResult, diagnosis: str) -> int | None:
    """1-based rank of the first condition matching the gold diagnosis, else None."""
    gold = acceptable_names(diagnosis)
    for rank, cond in enumerate(result.conditions, start=1):
        if names_match((cond.name, cond.lay_name or "", *cond.synonyms), gold):
            return rank
    return None


def names_match(labels: Sequence[str], gold: Sequence[str]) -> bool:
    """True when a condition label and an acceptable gold name contain one another as
    whole words, after normalising case, spelling and plurals."""
    for raw in labels:
        label = _norm(raw)
        if label and any(_contains(label, g) or _contains(g, label) for g in gold):
            return True
    return False


def score_vignette(
    engine: Engine, index: int, row: dict[str, Any]
) -> tuple[VignetteOutcome, CheckResult]:
    """Parse, check and score one vignette."""
    parsed = engine.parse_text(vignette_text(row))
    case, _ = case_from_parse(parsed, source="vignette")
    result = engine.check(case).model_copy(update={"case_id": str(index), "source": "vignette"})
    gold = str(row.get("urgency_level", "")).lower() or None
    gold_class = GOLD_CLASS.get(gold or "")
    got = LEVEL_CLASS[result.triage.level]
    outcome = VignetteOutcome(
        index=index,
        correct_diagnosis=str(row["correct_diagnosis"]),
        rank=diagnosis_rank(result, str(row["correct_diagnosis"])),
        predicted=[c.name for c in result.conditions[:3]],
        gold_triage=gold,
        triage=result.triage.level,
        triage_exact=None if gold_class is None else got == gold_class,
        triage_safe=None if gold_class is None else got <= gold_class,
    )
    return outcome, result


def summarise(outcomes: list[VignetteOutcome]) -> VignetteSummary:
    """Top-k diagnosis rates and triage accuracy, with over- and under-triage counts."""
    n = max(len(outcomes), 1)
    judged = [o for o in outcomes if o.triage_exact is not None]
    m = len(judged)

    def rate(k: int) -> float:
        return round(sum(1 for o in outcomes if o.rank is not None and o.rank <= k) / n, 4)

    under = [o for o in judged if not o.triage_safe]
    over = [o for o in judged if o.triage_safe and not o.triage_exact]
    return VignetteSummary(
        cases=len(outcomes),
        top1=rate(1),
        top3=rate(3),
        top10=rate(10),
        triage_cases=m,
        triage_exact=round(sum(bool(o.triage_exact) for o in judged) / m, 4) if m else None,
        triage_safe=round(sum(bool(o.triage_safe) for o in judged) / m, 4) if m else None,
        over_triage=len(over),
        under_triage=len(under),
        emergencies_under_triaged=sum(1 for o in under if GOLD_CLASS.get(o.gold_triage or "") == 0),
    )
