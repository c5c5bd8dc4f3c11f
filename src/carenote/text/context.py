"""Find lexicon phrases in a tokenised text and decide, for each, negated/hedged/family.

One left-to-right pass: at each token the longest finding phrase and the longest
trigger phrase are looked up; a finding wins ties, so a lexicon phrase that contains a
trigger word ("absent speech") is a finding, not a negation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from carenote.text.lexicon import Lexicon
from carenote.text.locations import gapped_match
from carenote.text.normalise import BOUNDARIES, PUNCTUATION, Tokens
from carenote.text.phrasetable import PLACE_PREPOSITIONS, PhraseTable
from carenote.text.triggers import (
    CLAUSE_VERB_NORMS,
    POST_WINDOW,
    WINDOW,
    Trigger,
    TriggerTable,
)


@dataclass(slots=True)
class Hit:
    """A lexicon phrase found at tokens [first, last) with its context flags."""

    first: int
    last: int
    entries: tuple[int, ...]
    lead_gap: int  # words between the previous hit of the clause and this one
    negated: bool = False
    hedged: bool = False
    family: bool = False

    def apply(self, trigger: Trigger) -> None:
        """Mark the hit with what the trigger says (flags only ever get set)."""
        self.negated = self.negated or trigger.negate
        self.hedged = self.hedged or trigger.hedge
        self.family = self.family or trigger.family


_QUERY = Trigger("pre", hedge=True)


@dataclass(slots=True)
class _State:
    """The open forward scope and the findings of the current clause."""

    scope: Trigger | None = None
    gap: int = 0  # words since the trigger or the last finding in its scope
    since_hit: int = 0  # words since the last finding of the clause
    adjacent: bool = False  # the previous token was the end of a finding
    clause: list[Hit] = field(default_factory=list)  # findings since the clause began
    #: The scope is one verb phrase ("without eating more"): a comma or "and" ends it.
    phrase_only: bool = False

    def reset(self) -> None:
        """A sentence or clause ends: nothing carries over."""
        self.scope = None
        self.phrase_only = False
        self.clause = []
        self.since_hit = 0
        self.adjacent = False


#: Negations whose scope is only their own verb phrase when a gerund follows: "a 5 kg
#: weight gain without eating more, constipation, …" does not deny the constipation.
_GERUND_SCOPED = frozenset({("without",), ("w", "o")})
_PHRASE_ENDS = frozenset({",", "and", "or"})
_AND = "and"


def find_hits(
    tokens: Tokens, lexicon: Lexicon, table: TriggerTable, *, text: str = ""
) -> list[Hit]:
    """All lexicon phrases in ``tokens`` with negation, hedging and family resolved.

    ``text`` (the text the tokens come from) lets a negation see that a gerund follows
    it ("without trying"); without it every scope runs over lists."""
    norms = tokens.norms
    findings = lexicon.finding_table
    triggers = table.table
    hits: list[Hit] = []
    state = _State()
    query_next = False
    i = 0
    while i < len(norms):
        tok = norms[i]
        if tok == "?":
            after = i > 0 and tokens.ends[i - 1] == tokens.starts[i]
            before = i + 1 < len(norms) and tokens.ends[i] == tokens.starts[i + 1]
            if before and not after:
                query_next = True  # "?meningitis": a query about what follows
                i += 1
                continue
            if after and state.adjacent and state.clause:
                state.clause[-1].apply(_QUERY)  # "meningitis?"
        if tok in BOUNDARIES:
            state.reset()
            query_next = False
            i += 1
            continue
        # The set tests skip the look-ups for the many words that start no phrase.
        f_len, entries = findings.longest(norms, i) if tok in findings.firsts else (0, ())
        t_len, found = triggers.longest(norms, i) if tok in triggers.firsts else (0, ())
        # A gapped match only when nothing nearer is known: "pain in his testicle that
        # spreads to the lower abdomen" is testicular pain, not pain in the lower abdomen.
        if tok in lexicon.gap_heads and t_len <= 1 and f_len <= 1:
            g_len, g_entries = _gapped(norms, i, lexicon, table)
            if g_len > f_len:
                f_len, entries = g_len, g_entries
        if f_len and f_len >= t_len:
            hit = Hit(i, i + f_len, entries, lead_gap=state.since_hit)
            if query_next:
                hit.apply(_QUERY)
                query_next = False
            _enter_scope(state, hit)
            hits.append(hit)
            i += f_len
            continue
        query_next = False
        if t_len:
            _on_trigger(state, table.triggers[found[0]])
            state.phrase_only = norms[i : i + t_len] in _GERUND_SCOPED and _gerund(
                text, tokens, i + t_len, lexicon
            )
            i += t_len
            continue
        if tok == _AND and i + 1 < len(norms) and norms[i + 1] in CLAUSE_VERB_NORMS:
            state.reset()  # "… and feels tired": a new clause with its own verb
            i += 1
            continue
        if state.phrase_only and tok in _PHRASE_ENDS:
            state.scope = None
            state.phrase_only = False
        if tok not in PUNCTUATION:
            state.gap += 1
            state.since_hit += 1
        state.adjacent = False
        i += 1
    _share_places(norms, hits, lexicon)
    return hits


#: What joins two findings that share one place ("pain and stiffness in his back").
_COORDINATORS = frozenset({",", "and", "or"})
_MAX_PLACE_WORDS = 8


def _share_places(norms: tuple[str, ...], hits: list[Hit], lexicon: Lexicon) -> None:
    """Findings coordinated with a place share it. A one-word finding next to another
    takes the place said after both ("pain and stiffness in the lower back" is back pain
    when the lexicon has "pain in the lower back"), and a second place joined to a
    placed finding gets the finding too ("pain in his lower back and abdomen")."""
    findings = lexicon.finding_table
    added: list[Hit] = []
    for k, hit in enumerate(hits):
        if hit.last - hit.first == 1 and k + 1 < len(hits):
            _take_place(norms, hit, hits[k + 1], lexicon)
        second = _second_place(norms, hit, findings)
        if second is not None and not (k + 1 < len(hits) and hits[k + 1].first < second.last):
            added.append(second)
    if added:
        hits.extend(added)
        hits.sort(key=lambda h: h.first)


def _take_place(norms: tuple[str, ...], hit: Hit, nxt: Hit, lexicon: Lexicon) -> None:
    """Give the one-word ``hit`` the place after the coordinated ``nxt``, when ``nxt``
    is a finding that can have a place ("stiffness", not "fever": "a rash and fever on
    his hands" does not put the rash on the hands)."""
    if not hit.last < nxt.first <= hit.last + 2:
        return
    if nxt.last - nxt.first == 1 and norms[nxt.first] not in lexicon.gap_heads:
        return
    if any(norms[k] not in _COORDINATORS for k in range(hit.last, nxt.first)):
        return
    # The place is inside a placed ``nxt`` ("stiffness in the back") or right after a
    # one-word one ("pain and stiffness in the back").
    rest = norms[nxt.first + 1 : nxt.last] if nxt.last - nxt.first > 1 else norms[nxt.last :]
    words = (norms[hit.first], *rest[:_MAX_PLACE_WORDS])
    length, entries = lexicon.finding_table.longest(words, 0)
    if length > 1 and entries:
        hit.entries = entries


def _second_place(norms: tuple[str, ...], hit: Hit, findings: PhraseTable) -> Hit | None:
    """The same finding at a second place joined by "and"/"or" ("pain in his lower
    back and abdomen"), as a new hit on the second place's words."""
    if hit.last >= len(norms) or norms[hit.last] not in {"and", "or"}:
        return None
    prepositions = [k for k in range(hit.first + 1, hit.last) if norms[k] in PLACE_PREPOSITIONS]
    if not prepositions:
        return None
    head = norms[hit.first : prepositions[0] + 1]
    start = hit.last + 1
    words = (*head, *norms[start : start + _MAX_PLACE_WORDS])
    length, entries = findings.longest(words, 0)
    if length <= len(head) or not entries:
        return None
    second = Hit(start, start + length - len(head), entries, lead_gap=0)
    second.negated, second.hedged, second.family = hit.negated, hit.hedged, hit.family
    return second


def _gerund(text: str, tokens: Tokens, i: int, lexicon: Lexicon) -> bool:
    """Whether token ``i`` is a verb in -ing that starts no finding ("trying", "eating")."""
    if not text or i >= len(tokens.norms):
        return False
    word = text[tokens.starts[i] : tokens.ends[i]].lower()
    return word.endswith("ing") and lexicon.finding_table.longest(tokens.norms, i)[0] == 0


def _gapped(
    norms: tuple[str, ...], i: int, lexicon: Lexicon, table: TriggerTable
) -> tuple[int, tuple[int, ...]]:
    """A finding head and its place with filler words between (locations.py)."""
    findings = lexicon.finding_table
    triggers = table.table

    def blocked(j: int) -> bool:
        word = norms[j]
        return (word in triggers.firsts and triggers.longest(norms, j)[0] > 0) or (
            word in findings.firsts and findings.longest(norms, j)[0] > 0
        )

    return gapped_match(norms, i, findings, lexicon.gap_heads[norms[i]], blocked)


def _enter_scope(state: _State, hit: Hit) -> None:
    if state.scope is not None and state.gap <= WINDOW:
        hit.apply(state.scope)
        state.gap = 0
    else:
        state.scope = None
    state.clause.append(hit)
    state.since_hit = 0
    state.adjacent = True


def _on_trigger(state: _State, trigger: Trigger) -> None:
    clause = state.clause
    direction = trigger.direction
    if direction == "both":
        # "meningitis unlikely" looks back; "unlikely meningitis" looks forward.
        direction = "post" if state.adjacent and clause else "pre"
    if direction == "stop":
        state.reset()
        return
    if direction == "pseudo":
        state.scope = None
    elif direction == "post":
        _apply_backwards(clause, trigger, state.since_hit)
        state.scope = None
    else:
        state.scope = trigger
        state.gap = 0
        state.clause = []  # a post trigger must not reach back over a new pre trigger
    state.since_hit += 1
    state.adjacent = False


def _apply_backwards(clause: list[Hit], trigger: Trigger, words_after_last: int) -> None:
    gap = words_after_last
    for hit in reversed(clause):
        if gap > POST_WINDOW:
            return
        hit.apply(trigger)
        gap = hit.lead_gap
