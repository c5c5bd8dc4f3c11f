"""docs/labs.md documents every catalogue field and every built-in pattern rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from carenote.labs.catalogue import CriticalLimits, Graded, Interval, LabDefinition, Notes
from carenote.labs.patterns import BUILTIN_RULES

DOC = (Path(__file__).resolve().parents[2] / "docs" / "labs.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("model", [LabDefinition, Interval, Graded, CriticalLimits, Notes])
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    missing = [name for name in model.model_fields if name not in DOC]
    assert missing == []


def test_every_builtin_rule_is_documented() -> None:
    assert [rule.name for rule in BUILTIN_RULES if f"`{rule.name}`" not in DOC] == []
