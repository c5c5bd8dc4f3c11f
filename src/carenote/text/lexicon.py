"""The phrase lexicon: finding and lab names compiled once into phrase tables.

Phrases are keyed by normalised words (not characters), which gives word boundaries
for free and finds the longest phrase starting at a token in a handful of dict
look-ups: that is what keeps parsing a case around a millisecond per hundred words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from carenote.text.abbreviations import ABBREVIATIONS, PREFIX
from carenote.text.locations import add_location_variants, gap_heads
from carenote.text.loose import BagIndex
from carenote.text.normalise import CANNOT, normalise_token, phrase_key
from carenote.text.phrasetable import PhraseTable
from carenote.text.spelling import Speller
from carenote.text.triggers import TriggerTable, build_triggers

#: Phrases made only of these words are never matched: HPO's root term is "All", and
#: one-word function words would otherwise match everywhere.
STOPWORDS = frozenset(
    phrase_key(
        "a all an and any are as at be been but by can do for from had has have he her "
        "his i if in into is it its me my no none not of on or other our she so some "
        "than that the their them then there these they this those to too up very was "
        "we were what when which who will with without yes you your"
    )
)


@dataclass(frozen=True)
class LexiconEntry:
    """A finding (or medicine, exposure) and every phrase that names it."""

    id: str
    name: str
    phrases: tuple[str, ...]
    #: False when the name is shown but must not be matched in text (the knowledge base
    #: excludes it: HPO's "Depression" would match "ST depression").
    match_name: bool = True


class Lexicon:
    """Finding phrases and lab names, normalised and compiled into phrase tables once.

    Read-only once built (the token cache only memoises a pure function), so one
    lexicon can be shared by every request and thread.
    """

    __slots__ = (
        "entries",
        "lab_codes",
        "phrase_count",
        "skipped",
        "triggers",
        "token_cache",
        "finding_table",
        "lab_table",
        "_speller",
        "_bags",
        "gap_heads",
    )

    def __init__(
        self,
        entries: Sequence[LexiconEntry],
        findings: PhraseTable,
        lab_codes: Sequence[str],
        labs: PhraseTable,
        phrase_count: int,
        skipped: Sequence[str],
        token_cache: Mapping[str, str] | None = None,
    ) -> None:
        self.entries = tuple(entries)
        self.lab_codes = tuple(lab_codes)
        self.phrase_count = phrase_count
        #: Phrases dropped because they are empty or made only of stopwords.
        self.skipped = tuple(skipped)
        #: Negation/hedging/family trigger phrases, compiled with the lexicon.
        self.triggers: TriggerTable = build_triggers()
        #: Raw word → normalised word, seeded while building and reused by ``parse``
        #: (bounded by ``normalise.CACHE_LIMIT``; only ever grows by pure results).
        self.token_cache: dict[str, str] = dict(token_cache or {})
        self.finding_table = findings
        self.lab_table = labs
        self._speller: Speller | None = None
        self._bags: BagIndex | None = None
        #: First word → prepositions after which a gapped phrase may go on (locations.py).
        self.gap_heads = gap_heads(findings)

    @property
    def speller(self) -> Speller:
        """The spelling corrector towards this lexicon's words, built on the first parse
        (about 0.1 s for the knowledge base's lexicon), so building stays fast."""
        if self._speller is None:
            tables = (self.finding_table, self.lab_table, self.triggers.table)
            words = {word for table in tables for key in table.phrases for word in key}
            self._speller = Speller(words)
        return self._speller

    @property
    def bags(self) -> BagIndex:
        """Multi-word phrases by their rarest word, for phrases told with their words
        apart (loose.py); built on the first parse (about 0.1 s), like the speller."""
        if self._bags is None:
            self._bags = BagIndex(self.finding_table, STOPWORDS)
        return self._bags

    @classmethod
    def from_entries(
        cls,
        entries: Iterable[LexiconEntry],
        lab_names: Mapping[str, Sequence[str]] | None = None,
    ) -> Lexicon:
        """Compile finding entries and lab names (LOINC CURIE → names) into a lexicon.

        Each entry's ``name`` (unless ``match_name`` is false) is matched as well as its
        ``phrases``. Two entries may
        share a phrase; both are then reported for it. Phrases that are empty or made
        only of stopwords or numbers are skipped and listed in ``skipped``.
        """
        cache: dict[str, str] = {}
        skipped: list[str] = []
        kept = list(entries)
        findings = PhraseTable()
        count = 0
        for index, entry in enumerate(kept):
            names = (entry.name,) if entry.match_name else ()
            for phrase in (*names, *entry.phrases):
                if _add(findings, phrase, index, cache):
                    count += 1
                else:
                    skipped.append(phrase)
        _add_abbreviations(findings, cache)
        add_location_variants(findings)
        labs = PhraseTable()
        codes = list((lab_names or {}).keys())
        for index, code in enumerate(codes):
            for name in (lab_names or {})[code]:
                if _add(labs, name, index, cache):
                    count += 1
                else:
                    skipped.append(name)
        return cls(kept, findings, codes, labs, count, skipped, cache)

    def match_finding(self, norms: tuple[str, ...], start: int) -> tuple[int, tuple[int, ...]]:
        """Longest finding phrase at ``start``: (token count, entry indices)."""
        return self.finding_table.longest(norms, start)

    def match_lab(self, norms: tuple[str, ...], start: int) -> tuple[int, tuple[int, ...]]:
        """Longest lab name at ``start``: (token count, indices into ``lab_codes``)."""
        return self.lab_table.longest(norms, start)


#: A body part named alone is never a finding, however a phrase normalises onto it: HPO's
#: "Mouthing" (hyperorality) becomes "mouth" once "-ing" is stripped, and would then match
#: every "mouth" in a story.
BODY_PARTS = frozenset(
    normalise_token(word)
    for word in (
        "mouth", "eye", "ear", "nose", "hand", "foot", "feet", "leg", "arm", "head", "chest",
        "back", "skin", "face", "neck", "throat", "tongue", "lip", "tooth", "teeth", "finger",
        "toe", "knee", "hip", "shoulder", "elbow", "wrist", "ankle", "body", "hair", "nail",
    )
)  # fmt: skip


#: Verbs of the senses whose subject may be what is sensed: "she can't smell" is anosmia,
#: "the discharge doesn't smell" is not; likewise "it doesn't taste of anything", "it
#: doesn't feel right", "it doesn't look infected", "it doesn't sound like asthma".
_SENSED = frozenset(phrase_key("smell taste feel look sound"))


def _add(root: PhraseTable, phrase: str, value: int, cache: dict[str, str]) -> bool:
    key = phrase_key(phrase, cache)
    if not key or all(word in STOPWORDS or word[0].isdigit() for word in key):
        return False
    if len(key) == 1 and key[0] in BODY_PARTS:
        return False
    if CANNOT in key[:-1]:
        # "can't sleep" also reads "not sleeping", "won't swallow" and "doesn't hear"
        # (an inability is said both ways), except with a verb of the senses.
        at = key.index(CANNOT)
        if key[at + 1] not in _SENSED:
            root.add((*key[:at], "not", *key[at + 1 :]), value)
    return root.add(key, value)


def _add_abbreviations(table: PhraseTable, cache: dict[str, str]) -> None:
    """Let "HTN" name what "hypertension" names, when the lexicon has that phrase."""
    for abbreviation, expansions in ABBREVIATIONS.items():
        for expansion in expansions:
            values = table.get(phrase_key(expansion, cache))
            if values:
                for value in values:
                    table.add((PREFIX + abbreviation,), value)
                break
