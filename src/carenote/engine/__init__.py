"""The engine: posterior, explanation, triage, next steps and questions on frozen arrays.

Use :func:`load_engine` once and call methods on the returned :class:`Engine`.
"""

from carenote.engine.case import Case, EvidenceInput
from carenote.engine.core import Engine, load_engine
from carenote.engine.explain import Explanation
from carenote.engine.interview import InterviewStep, Question
from carenote.engine.result import DISCLAIMER, CheckResult
from carenote.engine.scoring import ModelParams

__all__ = [
    "DISCLAIMER",
    "Case",
    "CheckResult",
    "Engine",
    "EvidenceInput",
    "Explanation",
    "InterviewStep",
    "ModelParams",
    "Question",
    "load_engine",
]
