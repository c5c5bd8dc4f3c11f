"""Clauses about another person: "both parents smoke", "her husband has a cough too",
"several children in her class have a rash".

ConText (Harkema et al., J Biomed Inform 2009) marks a finding's experiencer as "other"
when a trigger names someone else; its triggers are mostly fixed phrases ("mother has",
"family history of", in ``triggers.py``). Stories also name the other person as the
subject of a clause with any verb ("her mother smokes"), so a clause is read as about
someone else when it starts with such a subject and goes on with a verb:

* a relative, partner or friend with a third-person possessive or article before it
  ("his father", "her partner", "both parents", "the mother"), at a sentence start, or
  (friends, classmates) any determiner ("a classmate");
* "child", "boy", "people"… only with a quantifier ("several children", "two boys") or a
  group they belong to ("a boy in his class"): "the child has a rash" is the patient;
* "my"/"our" are left alone: "my husband has chest pain" is how a wife tells of her
  husband, the patient;
* the verb is a finding ("her mother smokes"), a form of be/have, or one of a few
  verbs of having an illness ("suffers", "caught"). After be/have a verb in -ing/-ed
  that is no finding shows the other person telling or doing something ("her husband
  has been giving her paracetamol", "his partner is worried"): not a clause about them.

The findings in the clause get ``subject="family"``; knowledge-base findings that are
about other people ("Others at home also itchy", "Close contact with …") stay the
patient's (:func:`about_others`).
"""

from __future__ import annotations

import re

from carenote.text.normalise import BOUNDARIES, Tokens, normalised_words
from carenote.text.phrasetable import PhraseTable

#: Relatives and partners: another person whenever a third-person possessive is used.
_RELATIVES = normalised_words(
    "mother father mum mom dad parent parents sister brother sibling siblings "
    "grandmother grandfather grandparent grandparents aunt uncle cousin twin husband "
    "wife partner boyfriend girlfriend spouse fiance fiancee stepmother stepfather"
)
#: People around the patient: another person with any determiner ("a friend").
_OTHERS = normalised_words(
    "friend friends classmate classmates schoolmate schoolmates colleague colleagues "
    "coworker coworkers roommate roommates flatmate flatmates housemate housemates "
    "neighbour neighbours neighbor neighbors"
)
#: People who may be the patient ("the child has a rash"): another person only when
#: counted or placed in a group.
_GROUP = normalised_words(
    "child children kid kids boy boys girl girls pupil pupils student students people"
)
PERSONS = _RELATIVES | _OTHERS | _GROUP

_THIRD_PERSON = frozenset({"his", "her", "their", "both", "the", "whose"})
_ANY_DETERMINER = _THIRD_PERSON | frozenset({"a", "another", "other", "several", "some", "all"})
_COUNTS = frozenset(
    "several many some other few two three four five six seven eight nine ten all both".split()
)
_JOINS = frozenset({",", "and"})
_PATIENT = normalised_words("she he i we you patient")
_GROUP_PREPOSITIONS = normalised_words("in at from")
_GROUP_PLACES = normalised_words(
    "class school nursery daycare playgroup kindergarten work office team year ward "
    "house home family"
)
_ADVERBS = normalised_words("also too both all each recently just currently now already")
_AUXILIARIES = normalised_words("is are was were has have had been")
#: Verbs of having or catching an illness that are not findings themselves.
_ILLNESS_VERBS = normalised_words("suffers suffer suffered gets get got caught developed tested")
_MAX_GROUP_WORDS = 3


def other_subject(text: str, tokens: Tokens, i: int, findings: PhraseTable) -> int:
    """How many tokens from ``i`` make the subject (and auxiliaries) of a clause about
    another person, or 0 when token ``i`` does not start one."""
    norms = tokens.norms
    word = norms[i]
    before = _raw(text, tokens, i - 1).lower() if i > 0 else ""
    start = i == 0 or norms[i - 1] in BOUNDARIES
    if _listed_with_patient(text, tokens, i):
        return 0  # "she, her husband and their children have all had headaches"
    j = _after_people(norms, i, text, tokens)
    j, grouped = _after_group(norms, j, findings)
    if word in _GROUP:
        if before not in _COUNTS and not grouped:
            return 0
    elif word in _OTHERS:
        if not (start or before in _ANY_DETERMINER):
            return 0
    elif not (start or before in _THIRD_PERSON):
        return 0
    while j < len(norms) and norms[j] in _ADVERBS:
        j += 1
    return _verb(text, tokens, i, j, findings)


def _after_people(norms: tuple[str, ...], i: int, text: str, tokens: Tokens) -> int:
    """The token after a list of people starting at ``i`` ("her mother and father",
    "her sister, brother and mother"); a possessive goes on ("her mother's sister")."""
    j = i + 1
    while j < len(norms):
        if norms[j] in PERSONS:
            j += 1
        elif norms[j] in _JOINS and j + 1 < len(norms):
            k = j + 1
            if _raw(text, tokens, k).lower() in _ANY_DETERMINER and k + 1 < len(norms):
                k += 1
            if norms[k] not in PERSONS:
                break
            j = k + 1
        else:
            break
    return j


def _listed_with_patient(text: str, tokens: Tokens, i: int) -> bool:
    """Whether the person at token ``i`` is listed after the patient or another person
    ("she, her husband and their two children have …"): they share what follows."""
    norms = tokens.norms
    k = i
    while k > 0 and _raw(text, tokens, k - 1).lower() in _ANY_DETERMINER | _COUNTS:
        k -= 1
    if k < 2 or norms[k - 1] not in _JOINS:
        return False
    return norms[k - 2] in _PATIENT or norms[k - 2] in PERSONS


def _after_group(norms: tuple[str, ...], j: int, findings: PhraseTable) -> tuple[int, bool]:
    """After "in her class", "at work": (the token after it, True). A group that is a
    finding of its own ("at his nursery": attends nursery) is left to be read."""
    if j >= len(norms) or norms[j] not in _GROUP_PREPOSITIONS:
        return j, False
    for k in range(j + 1, min(j + 1 + _MAX_GROUP_WORDS, len(norms))):
        if findings.longest(norms, k)[0]:
            return j, False
        if norms[k] in _GROUP_PLACES:
            return k + 1, True
    return j, False


def _verb(text: str, tokens: Tokens, i: int, j: int, findings: PhraseTable) -> int:
    """Tokens to consume when token ``j`` is the verb of a clause about someone else
    (see the module's docstring), else 0."""
    norms = tokens.norms
    if j >= len(norms):
        return 0
    if norms[j] in _AUXILIARIES:
        k = j + 1
        while k < len(norms) and (norms[k] in _AUXILIARIES or norms[k] in _ADVERBS):
            k += 1
        if k < len(norms) and findings.longest(norms, k)[0] == 0:
            raw = _raw(text, tokens, k).lower()
            if raw.endswith(("ing", "ed")):
                return 0  # "her husband has been giving her ...", "is worried"
        return k - i
    if findings.longest(norms, j)[0] > 0:
        return j - i
    if norms[j] in _ILLNESS_VERBS:
        return j + 1 - i
    return 0


def _raw(text: str, tokens: Tokens, k: int) -> str:
    return text[tokens.starts[k] : tokens.ends[k]]


#: Names of findings that are about other people, read for the patient even in a clause
#: about someone else ("her partner is itchy too" is "Others at home also itchy").
_ABOUT_OTHERS = re.compile(
    r"\b(?:others?|household|contacts?|someone|anyone|family|outbreak|classmates?|partner)\b",
    re.IGNORECASE,
)


def about_others(name: str) -> bool:
    """Whether a finding's name says it is about other people than the patient."""
    return _ABOUT_OTHERS.search(name) is not None
