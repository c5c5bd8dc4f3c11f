"""docs/text.md keeps up with the code: rules, triggers and names it promises exist."""

from __future__ import annotations

from pathlib import Path

import carenote.text as text_module
from carenote.text import VITAL_RULES

DOC = Path(__file__).resolve().parents[2] / "docs" / "text.md"


def test_the_doc_names_every_vital_rule_and_public_name() -> None:
    doc = DOC.read_text(encoding="utf-8")
    for rule in VITAL_RULES:
        assert rule.finding in doc, rule.finding
    for name in text_module.__all__:
        if name not in ("Duration", "VitalRule"):
            assert name in doc, name
    for field in ("mentions", "labs", "vitals", "age_years", "sex", "durations", "warnings"):
        assert f"`{field}`" in doc, field


def test_the_doc_examples_of_triggers_are_real_triggers() -> None:
    from carenote.text.normalise import tokenise
    from carenote.text.triggers import build_triggers

    table = build_triggers()
    for phrase in ("negative for", "cannot rule out", "no change", "family history of"):
        assert tokenise(phrase).norms in table.table.phrases, phrase
