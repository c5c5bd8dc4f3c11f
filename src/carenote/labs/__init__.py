"""Lab interpretation: catalogue, unit conversion, reference ranges, findings, patterns."""

from carenote.labs.catalogue import LabCatalogue, default_directory, load_catalogue
from carenote.labs.check import check_catalogue
from carenote.labs.errors import CatalogueError, LabInputError
from carenote.labs.fhir import observation_subject, observation_to_lab_input
from carenote.labs.interpret import interpret
from carenote.labs.model import LabInput, LabResult, ReferenceRange
from carenote.labs.patterns import (
    BUILTIN_RULES,
    PanelResult,
    PatternRule,
    interpret_panel,
    pattern_rule,
)

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
