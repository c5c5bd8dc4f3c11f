"""Offline free-text understanding: a case told in words → findings, labs, vitals, age, sex.

Build a :class:`Lexicon` once (finding names and synonyms, lab names) and call
:func:`parse` for each text; see ``docs/text.md``.
"""

from carenote.text.lexicon import Lexicon, LexiconEntry
from carenote.text.model import Duration, LabMention, Mention, ParseResult, Vital
from carenote.text.parse import parse
from carenote.text.vital_rules import VITAL_RULES, VitalRule

__all__ = [
    "VITAL_RULES",
    "Duration",
    "LabMention",
    "Lexicon",
    "LexiconEntry",
    "Mention",
    "ParseResult",
    "Vital",
    "VitalRule",
    "parse",
]
