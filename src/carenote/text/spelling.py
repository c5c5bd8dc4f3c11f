"""Conservative spelling correction towards lexicon words ("athralgia" → "arthralgia").

A word of the text is read as a lexicon word only when all of these hold:

* it is not a known word: not a word of the lexicon or of the trigger lists, nor one of
  the words of the Human Phenotype Ontology (labels, synonyms, definitions) or of
  ordinary English that look like a lexicon word (:mod:`carenote.text.known_words`);
* it is at Damerau-Levenshtein distance 1 (one letter inserted, deleted, replaced, or
  two neighbouring letters swapped) from exactly one lexicon word, and that word has at
  least :data:`MIN_TARGET` letters: a typo that could be two words is left alone, and
  short words are too close to each other to guess;
* it starts with the same letter as that word (a different first letter is more often a
  different prefix, "rehydration"/"dehydration", than a typo);
* it is written in lower case, or capitalised at the start of a sentence: "Athralgia."
  is corrected, "Marla" or "ACEI" mid-sentence is a name or an abbreviation.

Candidates are found with the symmetric-deletion method (Garbe W, SymSpell, 2012): every
long lexicon word is indexed under itself and each of its one-letter deletions, so the
words within distance 1 of a text word are among those indexed under the word and its
own deletions: about ten dictionary look-ups per unknown word, memoised per word. Both
sides are normalised words (:func:`carenote.text.normalise.normalise_token`), so a
misspelt plural or verb form is corrected like its stem.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from carenote.text.known_words import KNOWN_WORDS
from carenote.text.normalise import (
    BOUNDARIES,
    PUNCTUATION,
    Tokens,
    normalised_words,
)

#: Shortest lexicon word (normalised) a typo is corrected to, and shortest typo read.
MIN_TARGET = 7
MIN_TYPO = MIN_TARGET - 1
#: Most distinct unknown words a speller remembers (bounded like the token cache).
MEMO_LIMIT = 50_000

DeletionIndex = dict[str, list[str]]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def build_index(words: Iterable[str]) -> DeletionIndex:
    """Each word under itself and under its one-letter deletions."""
    index: DeletionIndex = {}
    for word in words:
        for key in (word, *_deletions(word)):
            index.setdefault(key, []).append(word)
    return index


def within_one(a: str, b: str) -> bool:
    """Damerau-Levenshtein (optimal string alignment) distance of ``a`` and ``b`` ≤ 1."""
    if a == b:
        return True
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


def candidates(word: str, index: DeletionIndex) -> set[str]:
    found: set[str] = set()
    for key in (word, *_deletions(word)):
        found.update(index.get(key, ()))
    return {other for other in found if within_one(word, other)}


@cache
def common_words() -> frozenset[str]:
    """Normalised :data:`KNOWN_WORDS` (built once per process)."""
    return normalised_words(KNOWN_WORDS)


class Speller:
    """Corrects unknown words to the one lexicon word they are a typo of."""

    __slots__ = ("known", "index", "memo")

    def __init__(self, lexicon_words: Iterable[str]) -> None:
        targets = {w for w in lexicon_words if len(w) >= MIN_TARGET and w.isalpha()}
        self.known = frozenset(lexicon_words)
        self.index = build_index(targets)
        self.memo: dict[str, str | None] = {}

    def correct(self, word: str) -> str | None:
        """The lexicon word ``word`` (normalised) is a typo of, or None."""
        if word in self.memo:
            return self.memo[word]
        result = self._correct(word)
        if len(self.memo) < MEMO_LIMIT:
            self.memo[word] = result
        return result

    def _correct(self, word: str) -> str | None:
        if len(word) < MIN_TYPO or not word.isalpha() or word in self.known:
            return None
        if word in common_words():
            return None
        targets = candidates(word, self.index)
        if len(targets) != 1:
            return None
        target = targets.pop()
        # Most misspellings keep the first letter (Pollock JJ, Zamora A. Automatic
        # spelling correction in scientific and scholarly text. Commun ACM 1984), and
        # a different first letter is often a different prefix: "rehydration" is not
        # "dehydration", "undirected" is not "indirect".
        return target if target[0] == word[0] else None

    def correct_tokens(self, text: str, tokens: Tokens) -> Tokens:
        """``tokens`` with typos replaced by the lexicon words they stand for."""
        norms = list(tokens.norms)
        changed = False
        for i, norm in enumerate(norms):
            if norm in self.known or norm in PUNCTUATION or len(norm) < MIN_TYPO:
                continue
            raw = text[tokens.starts[i] : tokens.ends[i]]
            if not _plain_case(raw, sentence_start=i == 0 or norms[i - 1] in BOUNDARIES):
                continue
            fixed = self.correct(norm)
            if fixed is not None:
                norms[i] = fixed
                changed = True
        if not changed:
            return tokens
        return Tokens(tuple(norms), tokens.starts, tokens.ends)


def _plain_case(raw: str, *, sentence_start: bool) -> bool:
    """Lower case, or capitalised at a sentence start: not a name or an abbreviation."""
    if raw.islower():
        return True
    return sentence_start and raw[0].isupper() and raw[1:].islower()
