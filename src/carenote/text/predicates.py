"""Findings told with a predicate adjective: "diarrhoea that became bloody", "the rash is itchy".

Lexicon phrases are written attributively ("bloody diarrhoea", "itchy rash"), but stories
often put the adjective after the noun, behind a linking verb. For ``NOUN [that|which]
LINK [ADVERB] ADJECTIVE`` this looks up the phrase ``ADJECTIVE NOUN`` (or ``NOUN
ADJECTIVE``: "her face has drooped" = "face drooping") and, when the lexicon
has it, adds a mention spanning the whole expression. "not" between them makes it absent
("the rash is not itchy"); the noun's own negation and family flags carry over.
"""

from __future__ import annotations

from collections.abc import Sequence

from carenote.text.context import Hit
from carenote.text.lexicon import Lexicon
from carenote.text.model import Mention
from carenote.text.normalise import PUNCTUATION, Tokens, normalise_token

_LINKS = frozenset(
    normalise_token(word)
    for word in (
        "is", "was", "are", "were", "became", "become", "becomes", "becoming", "turned",
        "turns", "got", "gets", "looks", "looked", "appears", "appeared", "seems", "seemed",
        "remains", "remained", "grew", "has", "had", "have", "been", "feels", "felt",
    )
)  # fmt: skip
#: A predicate word read as the finding word it means there: a face or an eyelid that
#: "has dropped" droops (only after a noun and a linking verb, so "eye drops" is not
#: touched).
_PREDICATE_SENSES = {normalise_token("dropped"): normalise_token("drooping")}
_RELATIVES = frozenset({"that", "which"})
#: Degree words stepped over between the verb and the adjective.
_DEGREES = frozenset(
    normalise_token(word)
    for word in (
        "very", "slightly", "mildly", "quite", "now", "more", "increasingly", "also", "really",
        "so", "extremely", "still",
    )
)  # fmt: skip
_NOT = frozenset({"not", "cannot"})
_AUXILIARIES = frozenset(
    normalise_token(word) for word in ("has", "have", "had", "is", "are", "was", "were", "been")
)
#: A time said between the noun and its verb: "a pregnancy test last week was positive".
_TIMES = frozenset(
    normalise_token(word)
    for word in (
        "last", "this", "yesterday", "today", "tonight", "week", "month", "morning", "night",
        "evening", "afternoon", "ago", "earlier", "recently", "previously", "initially",
        "also", "now", "then",
    )
)  # fmt: skip
_MAX_TIME_WORDS = 3


def _before_time(norms: tuple[str, ...], j: int) -> int:
    """The token before a short time phrase ending at ``j`` ("last week"), or ``j``."""
    k = j
    while k > 0 and j - k < _MAX_TIME_WORDS and norms[k] in _TIMES:
        k -= 1
    return k


#: "have" links a noun to an adjective only at the end of a phrase ("her face has
#: dropped", "has dropped to one side"); followed by a noun the adjective is that noun's
#: ("fingernails have small pits" says nothing about small fingernails).
_HAVE = frozenset(normalise_token(word) for word in ("has", "have", "had"))
_AFTER_PREDICATE = frozenset(
    normalise_token(word)
    for word in (
        "and", "or", "but", "to", "on", "in", "at", "with", "since", "over", "from", "when",
        "while", "after", "before", "down", "again", "now", "today", "yesterday",
        "overnight", "suddenly", "slightly", "completely", "for",
    )
)  # fmt: skip


#: What joins coordinated adjectives, and how many are read.
_LIST_JOINS = frozenset({",", "and", "or"})
_MAX_LIST = 4


def predicate_mentions(
    text: str, tokens: Tokens, hits: Sequence[Hit], lexicon: Lexicon
) -> list[Mention]:
    """Mentions for ``NOUN [that] LINK [not] [very] ADJ`` where "ADJ NOUN" is a phrase."""
    norms = tokens.norms
    hit_at = {i: hit for hit in hits if not hit.loose for i in range(hit.first, hit.last)}
    found: list[Mention] = []
    for i, word in enumerate(norms):
        if word not in _LINKS or i == 0:
            continue
        noun = i - 1
        while noun > 0 and norms[noun] in _AUXILIARIES and noun > i - 3:
            noun -= 1  # "her nails have become brittle"
        noun = _before_time(norms, noun)
        if norms[noun] in _RELATIVES and noun > 0:
            noun -= 1
        j = i + 1
        negated = False
        while j < len(norms) and (norms[j] in _DEGREES or norms[j] in _NOT):
            negated = negated or norms[j] in _NOT
            j += 1
        if word in _HAVE and not _ends_phrase(norms, _adjectives(norms, j)):
            continue
        source_hit = hit_at.get(noun)
        negated = negated != bool(source_hit and source_hit.negated)
        for key, first, adjective in _candidates(norms, noun, j, lexicon):
            _, entries = lexicon.match_finding(key, 0)
            start, end = tokens.starts[first], tokens.ends[adjective]
            for index in entries:
                entry = lexicon.entries[index]
                found.append(
                    Mention.read(
                        entry.id,
                        entry.name,
                        text,
                        (start, end),
                        negated=negated,
                        hedged=bool(source_hit and source_hit.hedged),
                        family=bool(source_hit and source_hit.family),
                    )
                )
    return found


def _candidates(
    norms: tuple[str, ...], noun: int, first_adjective: int, lexicon: Lexicon
) -> list[tuple[tuple[str, ...], int, int]]:
    """(phrase key, first noun token, adjective token) for each "ADJ NOUN" (or "NOUN ADJ",
    as in "face drooping") that is a whole lexicon phrase; the noun may be one word
    ("rash") or two ("tympanic membrane")."""
    out: list[tuple[tuple[str, ...], int, int]] = []
    adjectives = _adjectives(norms, first_adjective)
    for adjective in adjectives:
        word = _PREDICATE_SENSES.get(norms[adjective], norms[adjective])
        for first in (noun - 1, noun):
            if first < 0 or norms[first] in PUNCTUATION:
                continue
            nouns = norms[first : noun + 1]
            found = [
                key
                for key in ((word, *nouns), (*nouns, word))
                if lexicon.match_finding(key, 0)[0] == len(key)
            ]
            if found:
                out.append((found[0], first, adjective))
                break
    out.extend(_pairs(norms, noun, adjectives, lexicon))
    return out


def _pairs(
    norms: tuple[str, ...], noun: int, adjectives: list[int], lexicon: Lexicon
) -> list[tuple[tuple[str, ...], int, int]]:
    """Two listed adjectives with the noun, in the text's order: "the area is warm, swollen
    and tender" names "warm swollen area" and "swollen and tender area" (findings named by
    two qualities together, as an inflamed area of skin is)."""
    out: list[tuple[tuple[str, ...], int, int]] = []
    for n, one in enumerate(adjectives):
        for two in adjectives[n + 1 :]:
            pair = (norms[one], norms[two])
            for key in ((*pair, norms[noun]), (pair[0], "and", pair[1], norms[noun])):
                if lexicon.match_finding(key, 0)[0] == len(key):
                    return [(key, noun, two)]  # one reading of the list is enough
    return out


def _adjectives(norms: tuple[str, ...], first: int) -> list[int]:
    """Token indices of a coordinated adjective list: "painful, tender, and swollen"."""
    out: list[int] = []
    j = first
    while j < len(norms) and len(out) < _MAX_LIST:
        out.append(j)
        k = j + 1
        while k < len(norms) and norms[k] in _LIST_JOINS:
            k += 1
        if k == j + 1 or k >= len(norms) or norms[k] in PUNCTUATION:
            break
        j = k
    return out


def _ends_phrase(norms: tuple[str, ...], adjectives: list[int]) -> bool:
    """Whether the last adjective of a list ends its phrase (no noun follows it)."""
    if not adjectives:
        return False
    after = adjectives[-1] + 1
    return after >= len(norms) or norms[after] in PUNCTUATION or norms[after] in _AFTER_PREDICATE
