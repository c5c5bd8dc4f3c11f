"""Build the free-text lexicon from the compiled knowledge base and the lab catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from carenote.compiler.compiled import CompiledKB
from carenote.compiler.hpo import PHENOTYPIC_ABNORMALITY
from carenote.text.lexicon import Lexicon, LexiconEntry
from carenote.text.model import Mention

if TYPE_CHECKING:
    from carenote.labs.catalogue import LabCatalogue

#: HPO labels this short or this general match too much ordinary prose to be useful.
MIN_PHRASE_LENGTH = 4
MIN_CURATED_PHRASE_LENGTH = 3
_TOO_GENERAL = ("abnormality of", "abnormal ", "phenotypic abnormality")
#: HPO's root term, "All", matched as a whole name only (a prefix would also drop
#: "allergy", "allergic rhinitis" and "all of a sudden").
_ROOT_NAMES = frozenset({"all"})
#: Marks the lexicon entry of a finding's negated synonyms; :func:`resolve_denials`
#: turns its mentions back into the finding with the opposite answer.
DENIED = "~denied"


def _usable(phrase: str, *, curated: bool = False) -> bool:
    low = phrase.lower()
    # Curated synonyms were written for people ("flu", "cut"); HPO's short labels are
    # mostly abbreviations that collide with ordinary words.
    shortest = MIN_CURATED_PHRASE_LENGTH if curated else MIN_PHRASE_LENGTH
    return len(low) >= shortest and not low.startswith(_TOO_GENERAL) and low not in _ROOT_NAMES


def build_lexicon(kb: CompiledKB, labs: LabCatalogue) -> Lexicon:
    """Curated findings with their synonyms, every HPO label and synonym, and lab names."""
    entries = []
    root = kb.finding_ids.index(PHENOTYPIC_ABNORMALITY)
    for i, fid in enumerate(kb.finding_ids):
        curated = bool(kb.curated_finding[i])
        phrases = tuple(p for p in kb.finding_synonyms[i] if _usable(p, curated=curated))
        name = kb.finding_names[i]
        # Outside "Phenotypic abnormality" HPO holds modifiers and onsets ("Severe",
        # "Left", "Onset") that match ordinary words, so only its phenotypes are used.
        phenotype = root in kb.ancestors[i]
        excluded = kb.excluded_phrases.get(fid, ())
        if kb.curated_finding[i] or (phenotype and _usable(name)):
            entries.append(
                LexiconEntry(
                    id=fid, name=name, phrases=phrases, match_name=name.lower() not in excluded
                )
            )
        negated = kb.finding_negated_synonyms[i] if kb.finding_negated_synonyms else ()
        if negated:
            # Matched as their own entry (the name must not match as a denial too): the
            # first phrase stands in for the name.
            entries.append(LexiconEntry(id=fid + DENIED, name=negated[0], phrases=negated[1:]))
    lab_names = {
        lab.definition.code: [
            n for n in (lab.definition.name, lab.definition.short, *lab.definition.labels) if n
        ]
        for lab in labs.unique_labs()
    }
    return Lexicon.from_entries(entries, lab_names)


def resolve_denials(mentions: list[Mention], names: Mapping[str, str]) -> list[Mention]:
    """Mentions of negated synonyms as their finding with the opposite answer: "no relief
    from her inhaler" is the finding "Reliever inhaler not helping", present."""
    out = []
    for mention in mentions:
        if mention.id.endswith(DENIED):
            fid = mention.id[: -len(DENIED)]
            flipped = "present" if mention.choice_id == "absent" else "absent"
            mention = mention.model_copy(
                update={"id": fid, "name": names.get(fid, mention.name), "choice_id": flipped}
            )
        out.append(mention)
    return out
