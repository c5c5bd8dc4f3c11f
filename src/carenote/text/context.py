"""Find lexicon phrases in a tokenised text and decide, for each, negated/hedged/family.

One left-to-right pass: at each token the longest finding phrase and the longest
trigger phrase are looked up; a finding wins ties, so a lexicon phrase that contains a
trigger word ("absent speech") is a finding, not a negation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from carenote.text.lexicon import Lexicon
from carenote.text.locations import gapped_match
from carenote.text.loose import clauses, loose_matches
from carenote.text.normalise import BOUNDARIES, PUNCTUATION, Tokens, normalise_token
from carenote.text.phrasetable import LISTING, PLACE_PREPOSITIONS, PhraseTable
from carenote.text.subjects import PERSONS, other_subject
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
    #: Read from words apart (loose.py), not as written.
    loose: bool = False

    def apply(self, trigger: Trigger) -> None:
        """Mark the hit with what the trigger says (flags only ever get set)."""
        self.negated = self.negated or trigger.negate
        self.hedged = self.hedged or trigger.hedge
        self.family = self.family or trigger.family


_QUERY = Trigger("pre", hedge=True)
#: A clause whose subject is someone else ("her mother smokes"; subjects.py).
_OTHER_SUBJECT = Trigger("pre", family=True)


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
_WITH = normalise_token("with")


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
    #: The forward scope open at each token, for phrases read loosely afterwards.
    scopes: list[Trigger | None] = [None] * len(norms)
    i = 0
    while i < len(norms):
        tok = norms[i]
        if state.scope is not None and state.gap <= WINDOW:
            scopes[i] = state.scope
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
            # A phrase read across listed adjectives ("a bulging, red eardrum") leaves
            # the listed words to be read too ("red").
            i += 1 if f_len > 2 and norms[i + 1] in LISTING else f_len
            continue
        query_next = False
        if tok == _WITH and i > 0 and norms[i - 1] == "," and not t_len:
            # "without chemoprophylaxis, with fever and rigors": ", with" turns to what
            # is there, so a negation before it stops.
            state.scope = None
        if t_len > 1:
            t_len, found = _cut_before_finding(norms, i, t_len, found, lexicon, table)
        if t_len:
            _on_trigger(state, table.triggers[found[0]])
            state.phrase_only = norms[i : i + t_len] in _GERUND_SCOPED and _gerund(
                text, tokens, i + t_len, lexicon
            )
            i += t_len
            continue
        if tok in PERSONS:
            n = other_subject(text, tokens, i, findings)
            if n:
                _on_trigger(state, _OTHER_SUBJECT)
                i += n
                continue
        if tok == _AND and _new_clause(text, tokens, i, findings):
            state.reset()  # "… and feels tired", ", and the pain matches": a new clause
            i += 1
            continue
        if state.phrase_only and tok in _PHRASE_ENDS:
            state.scope = None
            state.phrase_only = False
        if tok not in PUNCTUATION:
            state.gap += 1
            state.since_hit += 1
        elif tok == "," and state.scope is not None and state.scope.negate:
            # Each item of a denied list starts the window again: "denies numbness
            # around the buttocks or genitals, bladder or bowel problems, fever, ..."
            state.gap = 0
        # "Ketones: negative" is as adjacent as "ketones negative".
        state.adjacent = state.adjacent and tok == ":"
        i += 1
    _share_places(norms, hits, lexicon)
    _add_loose(norms, hits, lexicon, table, scopes)
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


#: Subjects that start a clause after "and": "no fever and I feel fine".
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "it"})
#: Words that may stand between "and" and a new subject ("and yesterday I ...").
_CLAUSE_OPENERS = frozenset(
    normalise_token(word) for word in ("yesterday", "today", "now", "then", "later", "since")
)
#: Determiners of a new subject: ", and the pain matches what is seen".
_SUBJECT_DETERMINERS = frozenset(
    normalise_token(word) for word in "the his her their my your its this that these those".split()
)
#: Finite verbs that follow a subject ("the pain is", "the skin looks").
_FINITE = frozenset(
    (
        "is are was were has have had does did do can could will would may might should "
        "must seems seem looks look appears feels feel remains became becomes"
    ).split()
)
_NOT_VERB_ENDINGS = ("ss", "us", "is", "ous")


def _new_clause(text: str, tokens: Tokens, i: int, findings: PhraseTable) -> bool:
    """Whether "and" at token ``i`` starts a clause with its own subject or verb, which
    ends a negation scope (NegEx and ConText end a scope at a conjunction that starts a
    new clause; Chapman et al. 2001, Harkema et al. 2009): "and feels tired", "and I
    feel fine", ", and yesterday I came down with …", ", and the pain matches what is
    seen", ", and the chest pain settles" (after a comma: determiner, a word or a
    finding, and a finite verb; "and the muscle aches" goes on with a list)."""
    norms = tokens.norms
    k = i + 1
    if k >= len(norms):
        return False
    if norms[k] in CLAUSE_VERB_NORMS:
        return True
    comma = i > 0 and norms[i - 1] == ","
    while comma and k < len(norms) and norms[k] in _CLAUSE_OPENERS:
        k += 1
    if k < len(norms) and norms[k] in _SUBJECT_PRONOUNS and (comma or norms[k] != "it"):
        return True
    if not (comma and text and k + 1 < len(norms) and norms[k] in _SUBJECT_DETERMINERS):
        return False
    if norms[k + 1] in PUNCTUATION:
        return False
    # The subject is one word or a finding's phrase ("the chest pain settles"); a
    # phrase with nothing after it is a finding of the list ("and the muscle aches").
    verb_at = k + 1 + max(1, findings.longest(norms, k + 1)[0])
    if verb_at >= len(norms) or norms[verb_at] in PUNCTUATION:
        return False
    verb = text[tokens.starts[verb_at] : tokens.ends[verb_at]].lower()
    if verb in _FINITE:
        return True
    return verb.endswith(("s", "ed")) and not verb.endswith(_NOT_VERB_ENDINGS) and len(verb) > 3


def _add_loose(
    norms: tuple[str, ...],
    hits: list[Hit],
    lexicon: Lexicon,
    table: TriggerTable,
    scopes: list[Trigger | None],
) -> None:
    """Phrases told with their words apart (loose.py), where nothing read already
    covers or is split by them; each takes the scope open where it starts."""
    findings = lexicon.finding_table
    triggers = table.table

    def breaks(j: int) -> bool:
        word = norms[j]
        if word == _AND:
            return j + 1 < len(norms) and norms[j + 1] in CLAUSE_VERB_NORMS
        if word not in triggers.firsts:
            return False
        t_len = triggers.longest(norms, j)[0]
        return t_len > 0 and (word not in findings.firsts or findings.longest(norms, j)[0] < t_len)

    matches = loose_matches(norms, clauses(norms, breaks), lexicon.bags)
    if not matches:
        return
    hit_at: dict[int, Hit] = {}
    for hit in hits:
        for k in range(hit.first, hit.last):
            hit_at[k] = hit
    ignored = lexicon.bags.ignored
    taken: list[frozenset[int]] = []
    added: list[Hit] = []
    for match in sorted(matches, key=lambda m: (-len(m.tokens), m.last - m.first, m.first)):
        spots = frozenset(match.tokens)
        if any(spots <= other for other in taken):
            continue
        touched = {id(h): h for k in spots if (h := hit_at.get(k)) is not None}
        inside = [h for k in range(match.first, match.last) if (h := hit_at.get(k)) is not None]
        if any(set(h.entries) & set(match.entries) for h in inside):
            continue  # already read there
        if any(
            not {k for k in range(h.first, h.last) if norms[k] not in ignored} <= spots
            for h in touched.values()
        ):
            continue  # it would split a phrase read already
        if any(spots <= set(range(h.first, h.last)) for h in touched.values()):
            continue
        if any(h.first not in spots and id(h) not in touched for h in inside):
            continue  # another finding stands between its words
        if any(
            set(h.entries) & set(match.entries)
            for h in added
            if h.first < match.last and match.first < h.last
        ):
            continue
        hit = Hit(match.first, match.last, match.entries, lead_gap=0, loose=True)
        scope = scopes[match.first]
        if scope is not None:
            hit.apply(scope)
        for other in touched.values():
            hit.negated = hit.negated or other.negated
            hit.hedged = hit.hedged or other.hedged
            hit.family = hit.family or other.family
        taken.append(spots)
        added.append(hit)
    if added:
        hits.extend(added)
        hits.sort(key=lambda h: h.first)


def _cut_before_finding(
    norms: tuple[str, ...],
    i: int,
    t_len: int,
    found: tuple[int, ...],
    lexicon: Lexicon,
    table: TriggerTable,
) -> tuple[int, tuple[int, ...]]:
    """The trigger at ``i`` cut short where a finding starts inside it and goes on past
    its end, when what is left is a trigger too: in "has not stopped breastfeeding" the
    pseudo-trigger "not stopped" would swallow the first word of the negative phrase
    "stopped breastfeeding", which "not" negates (a double negation: she breastfeeds)."""
    findings = lexicon.finding_table
    for k in range(i + 1, i + t_len):
        if norms[k] in findings.firsts and k + findings.longest(norms, k)[0] > i + t_len:
            shorter = table.table.longest(norms[:k], i)
            return shorter if shorter[0] else (t_len, found)
    return t_len, found


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
