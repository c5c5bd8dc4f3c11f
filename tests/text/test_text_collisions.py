"""Words that look like a finding but say something else: quantities the phrase does not
have (loose.py), demonstratives inside a phrase, and compound nouns ("sweat test")."""

from __future__ import annotations

import pytest

from carenote.text import Lexicon, LexiconEntry, parse

ENTRIES = (
    LexiconEntry("t:tired", "Tired all the time", ("tired all the time",)),
    LexiconEntry("t:limbs", "Moves all four limbs", ("moving all four limbs",)),
    LexiconEntry("t:overdose", "Overdose", ("took too many tablets",)),
    LexiconEntry("t:knee", "Knee pain", ("knee pain",)),
    LexiconEntry("t:ear", "Pain behind the ear", ("pain behind the ear",)),
    LexiconEntry("t:spots", "Itchy spots", ("itchy spots",)),
    LexiconEntry("t:pain", "Pain", ("pain", "ache")),
    LexiconEntry("t:night", "Pain at night", ("pain that wakes him",)),
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_entries(ENTRIES)


def names(lexicon: Lexicon, text: str) -> set[str]:
    return {m.name for m in parse(text, lexicon).mentions}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("She feels tired nearly all of the time.", "Tired all the time"),
        ("He is moving all his four limbs.", "Moves all four limbs"),
        ("She took far too many of her tablets.", "Overdose"),
    ],
)
def test_a_quantifier_the_phrase_has_is_found_apart(lexicon: Lexicon, text: str, name: str) -> None:
    assert name in names(lexicon, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("She is tired by the time she gets home.", "Tired all the time"),
        ("He is moving two of his limbs.", "Moves all four limbs"),
        ("She took two of her tablets.", "Overdose"),
        ("She took all her many tablets.", "Overdose"),  # too many? not said
    ],
)
def test_a_quantifier_is_not_stepped_over(lexicon: Lexicon, text: str, name: str) -> None:
    assert name not in names(lexicon, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pain behind that ear.", "Pain behind the ear"),
        ("There is pain behind this ear.", "Pain behind the ear"),
        ("Those spots are not itchy, these itchy spots are new.", "Itchy spots"),
        ("Pain that wakes him at night.", "Pain at night"),  # a phrase with "that" stands
    ],
)
def test_demonstratives_are_stepped_over_like_articles(
    lexicon: Lexicon, text: str, name: str
) -> None:
    assert name in names(lexicon, text)


def test_a_relative_that_is_not_a_demonstrative(lexicon: Lexicon) -> None:
    # "that" after a noun starts a clause; only after a preposition is it stepped over.
    assert names(lexicon, "The knee that hurts.") == set()
