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


COMPOUND_ENTRIES = (
    LexiconEntry("t:fever", "Fever", ("fever",)),
    LexiconEntry("t:cough", "Cough", ("cough",)),
    LexiconEntry("t:stroke", "Stroke", ("stroke",)),
    LexiconEntry("t:mi", "Heart attack", ("heart attack",)),
    LexiconEntry("t:sweat", "Sweating", ("sweat", "sweating")),
    LexiconEntry("t:rash", "Rash", ("rash",)),
    LexiconEntry("t:guarding", "Abdominal guarding", ("guarding", "guard")),
    LexiconEntry("t:flu", "Influenza", ("flu",)),
    LexiconEntry("t:preg", "Positive pregnancy test", ("positive pregnancy test",)),
    LexiconEntry("t:heat", "Heat illness", ("heat stroke",)),
)


@pytest.fixture(scope="module")
def compound_lexicon() -> Lexicon:
    return Lexicon.from_entries(COMPOUND_ENTRIES)


def states(lexicon: Lexicon, text: str) -> dict[str, tuple[str, bool]]:
    return {m.name: (m.choice_id, m.hedged) for m in parse(text, lexicon).mentions}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He was referred to the fever clinic.", "Fever"),
        ("She has been taking cough syrup.", "Cough"),
        ("His heart attack risk is high.", "Heart attack"),
        ("She had the flu vaccine in October.", "Influenza"),
        ("A flu test was sent.", "Influenza"),
    ],
)
def test_a_finding_naming_a_place_test_or_product_is_only_hedged(
    compound_lexicon: Lexicon, text: str, name: str
) -> None:
    assert states(compound_lexicon, text) == {name: ("present", True)}


@pytest.mark.parametrize(
    "text",
    [
        "Stroke volume was low on the echo.",
        "He wears a rash guard when he surfs.",
        "A sweat test was arranged.",
        "He swims breast stroke every morning.",
    ],
)
def test_a_finding_word_inside_a_compound_of_something_else_is_dropped(
    compound_lexicon: Lexicon, text: str
) -> None:
    assert states(compound_lexicon, text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He has a fever, clinic staff were told.", {"Fever": ("present", False)}),
        ("She had a stroke. Volume of speech is low.", {"Stroke": ("present", False)}),
        ("Her cough keeps her awake.", {"Cough": ("present", False)}),
        ("A positive pregnancy test.", {"Positive pregnancy test": ("present", False)}),
        ("He had heat stroke.", {"Heat illness": ("present", False)}),
        ("Tender abdomen with guarding.", {"Abdominal guarding": ("present", False)}),
    ],
)
def test_findings_outside_a_compound_stand(
    compound_lexicon: Lexicon, text: str, expected: dict[str, tuple[str, bool]]
) -> None:
    assert states(compound_lexicon, text) == expected
