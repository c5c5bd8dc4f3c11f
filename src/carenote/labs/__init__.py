"""Lab interpretation: catalogue, unit conversion, reference ranges, findings, patterns.

Names are imported lazily, so ``from carenote.labs.model import LabResult`` (used all
over the engine and service) does not pay for importing pint, ucumvert and fhir.resources.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from carenote.labs.catalogue import LabCatalogue, default_directory, load_catalogue
    from carenote.labs.check import check_catalogue
    from carenote.labs.errors import CatalogueError, LabInputError
    from carenote.labs.fhir import observation_subject, observation_to_lab_input
    from carenote.labs.interpretation import interpret
    from carenote.labs.model import LabInput, LabResult, ReferenceRange
    from carenote.labs.patterns import (
        BUILTIN_RULES,
        PanelResult,
        PatternRule,
        interpret_panel,
        pattern_rule,
    )

_WHERE = {
    "LabCatalogue": "catalogue",
    "default_directory": "catalogue",
    "load_catalogue": "catalogue",
    "check_catalogue": "check",
    "CatalogueError": "errors",
    "LabInputError": "errors",
    "observation_subject": "fhir",
    "observation_to_lab_input": "fhir",
    "interpret": "interpretation",
    "LabInput": "model",
    "LabResult": "model",
    "ReferenceRange": "model",
    "BUILTIN_RULES": "patterns",
    "PanelResult": "patterns",
    "PatternRule": "patterns",
    "interpret_panel": "patterns",
    "pattern_rule": "patterns",
}

__all__ = [
    "BUILTIN_RULES",
    "CatalogueError",
    "LabCatalogue",
    "LabInput",
    "LabInputError",
    "LabResult",
    "PanelResult",
    "PatternRule",
    "ReferenceRange",
    "check_catalogue",
    "default_directory",
    "interpret",
    "interpret_panel",
    "load_catalogue",
    "observation_subject",
    "observation_to_lab_input",
    "pattern_rule",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its submodule on first use."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'carenote.labs' has no attribute {name!r}")
    return getattr(import_module(f"carenote.labs.{module}"), name)
