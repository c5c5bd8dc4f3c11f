"""A bounded fallback for phrases told with their words apart: "itching that is much worse
at night" = "itch worse at night", "red plaques with thick silvery-white scale" = "silvery
scale", "her eyelids are slightly stuck together" = "eyelids stuck together".

Stories describe; lexicon phrases name. When the content words of a multi-word phrase
(at least two, stopwords and place prepositions aside) all stand close together in one
clause, the phrase is read there, as long as nothing more exact is already read over
those words. This is the "bag of words within a window" idea of concept-recognition
systems that allow gaps (MetaMap's gapped variants: Aronson and Lang, JAMIA 2010,
"An overview of MetaMap"; the word-window matching of NCBO Annotator / ConceptMapper,
Tanenblatt et al., LREC 2010), kept deliberately narrow:

* the phrase's words must all be found within :data:`MAX_SPAN` tokens, in the phrase's
  order with at most :data:`MAX_EXTRA_ORDERED` other words among them, or in another
  order with at most :data:`MAX_EXTRA_UNORDERED`;
* the words may not be separated by clause punctuation, a trigger (negation, hedging,
  "but", "she", …), "and" or "or" ("hot and flushed" is not "hot flushes"), or
  another finding, nor by a word that changes what the phrase says ("chest pain that
  settles with rest" is not "chest pain at rest"); a comma is crossed only in a list of
  single words ("a red, warm, swollen leg");
* the rarest word of the phrase (by how many phrases of the lexicon use it) is the
  anchor the search starts from, and phrases whose every word is common are not read
  this way (:data:`MAX_ANCHOR_SHARE`);
* phrases with a negation or an "or" are not read this way ("hernia that cannot be
  pushed back" must not match "pushed the hernia back");
* it never splits a phrase already read: every finding read over one of its words must
  lie wholly among its words ("chest tightness and pain" is not chest pain), and a
  finding already read there with the same entry is not read twice.

The phrase takes the negation, hedging and family of the clause where it starts and of
any finding read inside it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from carenote.text.normalise import BOUNDARIES, PUNCTUATION, phrase_key
from carenote.text.phrasetable import PLACE_PREPOSITIONS, SKIPPED, PhraseTable

#: Most tokens from the first to the last word of a loose match.
MAX_SPAN = 8
#: Other words allowed among a phrase's words, in its order or not.
MAX_EXTRA_ORDERED = 4
#: A phrase is read loosely only if its rarest word is used by at most this share of
#: the lexicon's multi-word phrases (and by no more than :data:`MAX_ANCHOR_COUNT`).
MAX_ANCHOR_SHARE = 0.002
MAX_ANCHOR_COUNT = 120
#: Longest phrase (in content words) read loosely: longer ones say too much to be
#: guessed from scattered words.
MAX_WORDS = 4

#: Words that carry no content of their own in a phrase (besides the lexicon's
#: stopwords, which the caller passes): place prepositions and the verbs of the
#: generated place variants ("affecting", "involving").
_FUNCTION = frozenset(phrase_key("inside within like onto off about"))
#: A phrase with one of these says that something is not there, or is one of two things.
_EXCLUDING = frozenset(
    phrase_key(
        "no not without non never nor neither nil free absent absence negative lack "
        "lacking unable or cannot"
    )
)
_COMMA = ","
#: Prepositions that make one idiom with a quantifier before them ("all over").
_IDIOMS = PLACE_PREPOSITIONS | frozenset(phrase_key("over around"))
#: Numbers and quantifiers say how many or how much: a phrase that has one needs it in
#: the text ("tired all the time" is not "tired by the time she gets home", "moving all
#: four limbs" not "moving two limbs"), and no other may stand among its words ("took
#: all her tablets" is not "took too many tablets"). A phrase without one may have one
#: among its words ("refused her last three feeds" = "refused feeds").
QUANTIFIERS = frozenset(
    phrase_key(
        "all every each both few several many some none any half once twice "
        "one two three four five six seven eight nine ten dozen"
    )
)
#: Words that change what a phrase says when they stand among its words: "chest pain
#: that settles with rest" is not "chest pain at rest", "itching better at night" is not
#: "itching at night", "rash before the fever" not "rash with fever".
_REVERSING = frozenset(
    phrase_key(
        "settles settled settling eases eased easing relieves relieved relief improves "
        "improved improving better resolves resolved resolving stops stopped subsides "
        "subsided disappears disappeared gone until before after since instead unlike "
        "except only than rather apart"
    )
)
_LIST_GOES_ON = frozenset({",", *phrase_key("and or")})
#: "and"/"or" before an article or a possessive starts a new noun phrase: "her face looks
#: puffy and her ankle reflexes are slow" says nothing of puffy ankles.
_CONJUNCTIONS = frozenset(phrase_key("and or"))
_DETERMINERS = SKIPPED | frozenset(phrase_key("a this that these those some"))
#: Words that may stand between the words of a phrase read in another order: a noun, a
#: linking verb, a degree word and the adjective ("the urine looks cloudy" = "cloudy
#: urine", "the tonsils are very swollen"). Anything else, or no linking verb at all,
#: and the order is the phrase's ("pain between periods" is not "period pain", "fevers
#: as high as 101 °F" not "high fever", "lock jaw" not "jaw lock").
_LINKS = frozenset(
    phrase_key(
        "is are was were be been being looks look looked seems seem seemed appears appear "
        "appeared feels feel felt became become becomes becoming turned turns remains "
        "remained got gets getting gone went goes"
    )
)
_BETWEEN_LINKS = _LINKS | frozenset(
    phrase_key(
        "that which very slightly mildly quite now more much rather also a bit little "
        "bright markedly increasingly visibly clearly noticeably extremely really so "
        "unbearably incredibly terribly awfully hugely suddenly"
    )
)


@dataclass(frozen=True, slots=True)
class Bag:
    """The content words of a phrase (in its order) and the entries it names."""

    words: tuple[str, ...]
    entries: tuple[int, ...]
    members: frozenset[str]
    #: Every word of the phrases (stopwords too): a changing word the phrase itself
    #: has ("pain worse than the appearance") may stand among its words.
    written: frozenset[str]


@dataclass(frozen=True, slots=True)
class LooseMatch:
    """A phrase found with its words apart: tokens [first, last) and its entries."""

    first: int
    last: int
    entries: tuple[int, ...]
    tokens: tuple[int, ...]  # where each of the phrase's words was found


class BagIndex:
    """Multi-word phrases by their rarest content word (the anchor)."""

    __slots__ = ("by_anchor", "ignored")

    def __init__(self, table: PhraseTable, stopwords: Iterable[str]) -> None:
        ignored = (frozenset(stopwords) - QUANTIFIERS) | PLACE_PREPOSITIONS | SKIPPED | _FUNCTION
        #: Words that are not content words of a phrase.
        self.ignored = ignored
        merged: dict[frozenset[str], tuple[tuple[str, ...], set[int], set[str]]] = {}
        for key, values in table.phrases.items():
            if len(key) < 2 or any(word in _EXCLUDING for word in key):
                continue
            # A quantifier with its preposition is one idiom ("pain all over" is pain
            # everywhere; "the pain came on all of a sudden" is not it).
            words = tuple(
                dict.fromkeys(
                    w
                    for k, w in enumerate(key)
                    if w not in ignored or (k and key[k - 1] in QUANTIFIERS and w in _IDIOMS)
                )
            )
            if not 2 <= len(words) <= MAX_WORDS:
                continue
            bag = frozenset(words)
            if bag in merged:
                merged[bag][1].update(values)
                merged[bag][2].update(key)
            else:
                merged[bag] = (words, set(values), set(key))
        counts = Counter(word for bag in merged for word in bag)
        limit = min(MAX_ANCHOR_COUNT, max(2, int(MAX_ANCHOR_SHARE * len(merged))))
        by_anchor: dict[str, list[Bag]] = {}
        for content, ids, written in merged.values():
            anchor = min(content, key=lambda w: (counts[w], -len(w), w))
            if counts[anchor] > limit:
                continue
            by_anchor.setdefault(anchor, []).append(
                Bag(content, tuple(sorted(ids)), frozenset(content), frozenset(written))
            )
        self.by_anchor: dict[str, tuple[Bag, ...]] = {k: tuple(v) for k, v in by_anchor.items()}


def clauses(norms: Sequence[str], breaks: Callable[[int], bool]) -> list[int]:
    """A clause number for each token: clause punctuation, triggers (``breaks``) and
    commas outside a list of single words start a new clause; punctuation gets -1."""
    out: list[int] = []
    clause = 0
    for i, word in enumerate(norms):
        if word == _COMMA and _in_word_list(norms, i):
            out.append(-1)
            continue
        if word in PUNCTUATION or word in BOUNDARIES or breaks(i) or _new_phrase(norms, i):
            clause += 1
            out.append(-1)
            continue
        out.append(clause)
    return out


def _new_phrase(norms: Sequence[str], i: int) -> bool:
    """Whether "and"/"or" stands before an article or possessive ("... and her ankle")."""
    return norms[i] in _CONJUNCTIONS and i + 1 < len(norms) and norms[i + 1] in _DETERMINERS


def _in_word_list(norms: Sequence[str], i: int) -> bool:
    """A comma inside a list of single words: "a red, warm, swollen and tender leg" (a
    word stands on each side, after an article or a comma on the left, and before a
    comma, "and" or "or" on the right unless a comma came before): "a rash, mostly on
    his hands" is not a list."""
    if i < 2 or i + 2 >= len(norms):
        return False
    before, after = norms[i - 1], norms[i + 1]
    if before in PUNCTUATION or after in PUNCTUATION:
        return False
    if norms[i - 2] == _COMMA:
        return True
    return norms[i - 2] in _DETERMINERS and norms[i + 2] in _LIST_GOES_ON


def loose_matches(
    norms: Sequence[str], clause_of: Sequence[int], index: BagIndex
) -> list[LooseMatch]:
    """Every loose match of an indexed phrase around its anchor (not yet filtered
    against what is already read)."""
    found: list[LooseMatch] = []
    by_anchor = index.by_anchor
    # Where each word stands, clause by clause (the words of a phrase share a clause).
    where: dict[int, dict[str, list[int]]] = {}
    for j, (word, clause) in enumerate(zip(norms, clause_of, strict=True)):
        if clause >= 0:
            where.setdefault(clause, {}).setdefault(word, []).append(j)
    for i, word in enumerate(norms):
        bags = by_anchor.get(word)
        if not bags or clause_of[i] < 0:
            continue
        near = where[clause_of[i]]
        for bag in bags:
            if bag.members <= near.keys():
                match = _place(bag, i, near, norms)
                if match is not None:
                    found.append(match)
    return found


def _place(
    bag: Bag, anchor: int, near: dict[str, list[int]], norms: Sequence[str]
) -> LooseMatch | None:
    """The bag's words at their nearest places to the anchor, if they fit the limits."""
    spots = [min(near[word], key=lambda j: abs(j - anchor)) for word in bag.words]
    first, last = min(spots), max(spots)
    if last - first + 1 > MAX_SPAN or len(set(spots)) < len(spots):
        return None
    taken = set(spots)
    gap = [
        norms[j]
        for j in range(first, last + 1)
        if j not in taken and norms[j] not in PUNCTUATION and norms[j] not in SKIPPED
    ]
    counted = bool(bag.written & QUANTIFIERS) or any(w[0].isdigit() for w in bag.written)
    if any(_changes(w, counted) and w not in bag.written for w in gap):
        return None  # "hot and flushed" is not "hot flushes"
    if spots != sorted(spots):
        # Another order only as a predicate: "NOUN [that] LINK [very] ADJ".
        if not (gap and any(w in _LINKS for w in gap) and all(w in _BETWEEN_LINKS for w in gap)):
            return None
    elif len(gap) > MAX_EXTRA_ORDERED:
        return None
    return LooseMatch(first, last + 1, bag.entries, tuple(spots))


def _changes(word: str, counted: bool) -> bool:
    """A word that changes what a phrase says when it stands among the phrase's words
    and the phrase does not have it: "and"/"or", a reversing word, or a number or a
    quantifier when the phrase is ``counted`` (has one of its own)."""
    if word in _CONJUNCTIONS or word in _REVERSING:
        return True
    return counted and (word in QUANTIFIERS or word[0].isdigit())
