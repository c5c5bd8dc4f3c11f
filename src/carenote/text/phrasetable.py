"""A phrase table over normalised words: longest-phrase look-up in a few dict hits.

It does what a word trie does, with two flat hash tables instead of nested nodes,
which makes building 50,000 phrases about three times faster: ``phrases`` maps a
word tuple to its values and ``prefixes`` holds every proper prefix of a phrase, so a
look-up can stop at the first word sequence that no phrase starts with.

Possessives and articles (:data:`SKIPPED`) are left out of stored phrases and stepped
over inside a match, so "swelling of the ankles", "swelling of her ankles" and
"swelling of ankles" are one phrase. ("a" is kept: "hepatitis A" is not "hepatitis".)
"""

from __future__ import annotations

from carenote.text.normalise import normalise_token

#: Words that never change which finding a phrase names (normalised).
SKIPPED = frozenset(
    normalise_token(word) for word in ("the", "an", "his", "her", "their", "my", "your", "its")
)
#: Demonstratives, stepped over like articles inside a match when no phrase goes on with
#: them: "pain in this knee", "an ache behind that ear". "that" only after a preposition,
#: where it cannot start a relative clause ("pain that wakes him").
DEMONSTRATIVES = frozenset(normalise_token(word) for word in ("this", "these", "those"))
_THAT = normalise_token("that")
#: Side words stepped over inside a match when no phrase goes on with them, so "swollen
#: right eye" = "swollen eye" and "pain in the left calf" = "pain in the calf", while
#: phrases that name a side ("right bundle branch block") still match as written.
SIDES = frozenset(normalise_token(word) for word in ("left", "right"))
#: Separators of a list of adjectives before their noun ("bulging, red eardrum").
LISTING = frozenset({",", "and"})
_COMMA = ","
#: Tokens that cannot be a listed adjective (punctuation, negation, conjunctions).
_NOT_LISTED = frozenset(
    {",", ".", ";", ":", "(", ")", "and", "or", "but", "no", "not", "cannot", "without"}
)
#: Words stepped over like a side: "swelling of the upper eyelid" is a swelling of the
#: eyelid when the lexicon has no phrase for the upper one.
STEPPED = SIDES | frozenset(normalise_token(word) for word in ("upper", "lower", "inner", "outer"))
#: Prepositions of place after which "[the] [outer] side of", "the edge of", "the centre
#: of" may stand before the place itself: "pain on the outer side of his elbow" names
#: elbow pain, "a lump on the edge of the eyelid" a lump on the eyelid.
PART_PREPOSITIONS = frozenset(
    normalise_token(word)
    for word in "in on over around at across along inside within to behind under".split()
)
#: Parts of a place ("the centre of the chest") and words that make them more precise.
PARTS = frozenset(
    normalise_token(word)
    for word in (
        "side edge centre center middle front back top base tip corner part area region "
        "rim margin border underside surface half"
    ).split()
)
PART_QUALIFIERS = frozenset(
    normalise_token(word)
    for word in "outer inner upper lower left right front back very far".split()
)
_OF = normalise_token("of")
#: "when"/"while" and a subject with its copula, stepped over inside a phrase: "better
#: when they are out of the house" = "better when out of the house", "worse when she is
#: lying down" = "worse lying down" (or "worse when lying down").
_WHEN = frozenset(normalise_token(word) for word in ("when", "while", "whenever"))
_PRONOUNS = frozenset(
    normalise_token(word) for word in ("i", "we", "you", "she", "he", "they", "it")
)
_COPULAS = frozenset(normalise_token(word) for word in ("am", "is", "are", "was", "were"))
#: Pronoun and copula written as one word ("I'm", "they're"; "you're" becomes "your").
_CONTRACTED = frozenset(normalise_token(word) for word in ("i'm", "they're", "we're"))
#: Prepositions before a place: "swelling of the upper eyelid", "pain in the lower back".
PLACE_PREPOSITIONS = PART_PREPOSITIONS | {_OF, normalise_token("from")}


class PhraseTable:
    """Word-tuple phrases → values, with longest-match look-up."""

    __slots__ = ("firsts", "phrases", "prefixes")

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], tuple[int, ...]] = {}
        self.prefixes: set[tuple[str, ...]] = set()
        #: First words of all phrases: callers test a token against it before a look-up.
        self.firsts: set[str] = set()

    def add(self, words: tuple[str, ...], value: int) -> bool:
        """Add ``value`` under the word sequence (kept unique per phrase); False if empty."""
        key = tuple(word for word in words if word not in SKIPPED)
        if not key:
            return False
        ids = self.phrases.get(key)
        if ids is None:
            self.phrases[key] = (value,)
        elif value not in ids:
            self.phrases[key] = (*ids, value)
        self.firsts.add(key[0])
        for k in range(1, len(key)):
            self.prefixes.add(key[:k])
        return True

    def get(self, words: tuple[str, ...]) -> tuple[int, ...]:
        """Values stored for exactly this word sequence (empty if none)."""
        return self.phrases.get(tuple(word for word in words if word not in SKIPPED), ())

    def longest(self, norms: tuple[str, ...], start: int) -> tuple[int, tuple[int, ...]]:
        """Length and values of the longest phrase starting at ``norms[start]``."""
        if norms[start] not in self.firsts:
            return 0, ()
        return self._extend(norms, start, start, (norms[start],))

    def resume(
        self, norms: tuple[str, ...], start: int, i: int, key: tuple[str, ...]
    ) -> tuple[int, tuple[int, ...]]:
        """Longest phrase going on from ``key``, whose last word is token ``i`` (tokens
        between ``start`` and ``i`` were stepped over): (tokens from ``start``, values)."""
        if key not in self.prefixes and key not in self.phrases:
            return 0, ()
        return self._extend(norms, start, i, key)

    def _extend(
        self, norms: tuple[str, ...], start: int, i: int, key: tuple[str, ...]
    ) -> tuple[int, tuple[int, ...]]:
        """Longest match going on from ``key`` (ending at token ``i``).

        Articles and possessives are always stepped over; a side word ("left", "right")
        is tried both as part of the phrase and stepped over, so "pain in the right loin"
        finds "pain in the loin" even though "pain in the right upper quadrant" exists.
        """
        phrases = self.phrases
        prefixes = self.prefixes
        best_len = 0
        best: tuple[int, ...] = ()
        # A match found by stepping over a part ("the outer side of") is kept apart: it
        # wins only when longer than every match without it, so a phrase written with
        # its part ("pain on the outer side of the elbow") beats it.
        part: tuple[int, tuple[int, ...]] = (0, ())
        while True:
            ids = phrases.get(key)
            if ids and i - start + 1 >= best_len:
                best_len = i - start + 1
                best = ids
            if key not in prefixes:
                return part if part[0] > best_len else (best_len, best)
            i += 1
            while i < len(norms) and (norms[i] in SKIPPED or self._demonstrative(key, norms[i])):
                i += 1
            if i == len(norms):
                return part if part[0] > best_len else (best_len, best)
            if norms[i] in _WHEN:
                found = self._past_subject(norms, start, i, key)
                if found[0] > best_len:
                    best_len, best = found
            if len(key) == 1 and norms[i] in LISTING:
                found = self._past_listed(norms, start, i, key)
                if found[0] > best_len:
                    best_len, best = found
            if norms[i] == _COMMA and i + 1 < len(norms):
                # A phrase written as a list keeps no commas ("red, warm and tender
                # area" is stored as "red warm and tender area"): a comma between its
                # words is stepped over when a listed word follows it, i.e. the phrase
                # goes on past that word ("stiff, neck" is not "stiff neck"). It beats
                # a listed adjective's match over the same words.
                n, ids = self.resume(norms, start, i + 1, (*key, norms[i + 1]))
                if n > i + 2 - start and n >= best_len:
                    best_len, best = n, ids
            if key[-1] in PART_PREPOSITIONS:
                found = self._past_part(norms, start, i, key)
                if found[0] > part[0]:
                    part = found
            # Upper/lower/inner/outer are stepped over only in a place after a
            # preposition: "intermittent upper abdominal pain" keeps its "upper".
            if norms[i] in SIDES or (norms[i] in STEPPED and key[-1] in PLACE_PREPOSITIONS):
                j = i + 1
                while j < len(norms) and norms[j] in SKIPPED:
                    j += 1
                if j < len(norms):
                    n, ids = self._extend(norms, start, j, (*key, norms[j]))
                    if n > best_len:
                        best_len, best = n, ids
            key = (*key, norms[i])

    def _demonstrative(self, key: tuple[str, ...], word: str) -> bool:
        """Whether ``word`` is a demonstrative to step over after ``key``."""
        if word not in DEMONSTRATIVES and not (word == _THAT and key[-1] in PLACE_PREPOSITIONS):
            return False
        longer = (*key, word)
        return longer not in self.prefixes and longer not in self.phrases

    def _past_listed(
        self, norms: tuple[str, ...], start: int, i: int, key: tuple[str, ...]
    ) -> tuple[int, tuple[int, ...]]:
        """The longest match going on after one or two listed words (", W" or "and W") at
        token ``i``: coordinated adjectives share their noun, so "a bulging, red eardrum"
        names "bulging eardrum" and "a red, hot, swollen joint" names "red joint"."""
        found: tuple[int, tuple[int, ...]] = (0, ())
        j = i
        for _ in range(2):
            if j + 2 >= len(norms) or norms[j] not in LISTING:
                break
            listed = norms[j + 1]
            # An adjective: not an article or possessive, not an adverb ("a rash,
            # mostly on his hands"), not punctuation or a negation.
            if listed in _NOT_LISTED or listed in SKIPPED or listed.endswith("ly"):
                break
            j += 2
            # The noun follows the adjectives at once: "a rash and fever on his hands"
            # and "puffy and her ankle" are not listed adjectives.
            if norms[j] in SKIPPED or norms[j] in PLACE_PREPOSITIONS:
                break
            if norms[j] not in LISTING:
                candidate = self._extend(norms, start, j, (*key, norms[j]))
                if norms[j] in SIDES and j + 1 < len(norms):
                    # "a pink, gritty, watery right eye": the side is stepped over too.
                    stepped = self._extend(norms, start, j + 1, (*key, norms[j + 1]))
                    if stepped[0] > candidate[0]:
                        candidate = stepped
                if candidate[0] > found[0]:
                    found = candidate
        return found

    def _past_subject(
        self, norms: tuple[str, ...], start: int, i: int, key: tuple[str, ...]
    ) -> tuple[int, tuple[int, ...]]:
        """The longest match going on after "when PRONOUN COPULA" at token ``i``, with
        or without "when" ("worse when she is lying down"), or (0, ()) when none is."""
        j = i + 1
        if j < len(norms) and norms[j] in _CONTRACTED:
            j += 1
        elif j + 1 < len(norms) and norms[j] in _PRONOUNS and norms[j + 1] in _COPULAS:
            j += 2
        else:
            return 0, ()
        while j < len(norms) and norms[j] in SKIPPED:
            j += 1
        if j == len(norms):
            return 0, ()
        without = self._extend(norms, start, j, (*key, norms[j]))
        kept = self._extend(norms, start, j, (*key, norms[i], norms[j]))
        return kept if kept[0] > without[0] else without

    def _past_part(
        self, norms: tuple[str, ...], start: int, i: int, key: tuple[str, ...]
    ) -> tuple[int, tuple[int, ...]]:
        """The longest match going on after "[qualifiers] PART of" at token ``i`` ("the
        outer side of his right elbow" → "elbow"), or (0, ()) when none is there."""
        j = i
        while j < len(norms) and norms[j] in PART_QUALIFIERS:
            j += 1
        if j == len(norms) or norms[j] not in PARTS:
            # "the back of the knee": "back" is a part word and a qualifier.
            if j == i or norms[j - 1] not in PARTS:
                return 0, ()
            j -= 1
        j += 1
        if j == len(norms) or norms[j] != _OF:
            return 0, ()
        j += 1
        while j < len(norms) and (norms[j] in SKIPPED or norms[j] in SIDES):
            j += 1
        if j == len(norms):
            return 0, ()
        found = self._extend(norms, start, j, (*key, norms[j]))
        if norms[j] in STEPPED and j + 1 < len(norms):
            # "the edge of the upper eyelid": try the place without "upper" as well.
            other = self._extend(norms, start, j + 1, (*key, norms[j + 1]))
            if other[0] > found[0]:
                return other
        return found
