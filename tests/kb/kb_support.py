"""What the real knowledge base reads in a sentence, for the phrasing tests."""

from __future__ import annotations

from carenote.compiler.schema import Condition, Finding
from carenote.engine import Engine


def answers_by_id(engine: Engine, text: str) -> dict[str, set[str]]:
    """Finding id → the answers the text gives it (about the patient, from words)."""
    out: dict[str, set[str]] = {}
    for m in engine.parse_text(text).mentions:
        if m.subject == "patient" and m.source == "text":
            out.setdefault(m.id, set()).add(m.choice_id)
    return out


def present_ids(engine: Engine, text: str) -> set[str]:
    """Findings the text says the patient has."""
    return {fid for fid, answers in answers_by_id(engine, text).items() if "present" in answers}


def named_ids(engine: Engine, text: str) -> set[str]:
    """Every finding the text names, whatever it says of it and of whom."""
    return {m.id for m in engine.parse_text(text).mentions}


def link_frequency(condition: Condition, finding: Finding) -> float:
    """P(finding | condition); an unlisted finding is seen at its background rate."""
    for link in condition.findings:
        if link.id == finding.id:
            return link.frequency
    return finding.background
