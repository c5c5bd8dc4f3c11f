"""Coordinated adjectives share their noun: "a bulging, red eardrum" is a bulging eardrum."""

from __future__ import annotations

import pytest

from carenote.text import Lexicon, LexiconEntry, parse

LEXICON = Lexicon.from_entries(
    [
        LexiconEntry("HP:6000172", "Tympanic membrane bulging", ("bulging eardrum",)),
        LexiconEntry("HP:0010783", "Erythema", ("red", "redness")),
        LexiconEntry("HP:0001386", "Joint swelling", ("swollen knee", "swelling of the knee")),
        LexiconEntry("HP:0030839", "Knee pain", ("knee pain", "pain of the knee")),
        LexiconEntry("HP:0002829", "Paresthesia", ("pins and needles",)),
        LexiconEntry("HP:0001945", "Fever", ("fever",)),
        LexiconEntry("HP:0012735", "Cough", ("cough",)),
    ]
)


def found(text: str) -> set[tuple[str, str]]:
    return {(m.name, m.choice_id) for m in parse(text, LEXICON).mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A bulging, red eardrum.",
            {("Tympanic membrane bulging", "present"), ("Erythema", "present")},
        ),
        (
            "A bulging and red eardrum.",
            {("Tympanic membrane bulging", "present"), ("Erythema", "present")},
        ),
        ("A red, swollen knee.", {("Erythema", "present"), ("Joint swelling", "present")}),
        (
            "No bulging, red eardrum was seen.",
            {("Tympanic membrane bulging", "absent"), ("Erythema", "absent")},
        ),
    ],
)
def test_listed_adjectives_share_the_noun(text: str, expected: set[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        ("Fever, cough.", "Tympanic membrane bulging"),
        ("Bulging. Red eardrum.", "Tympanic membrane bulging"),  # a sentence ends between
        ("Bulging, no red eardrum.", "Tympanic membrane bulging"),  # a negation is not listed
        ("Swollen and her knee hurts.", "Joint swelling"),  # a possessive starts a new phrase
        ("Pain, redness and swelling of the knee.", "Knee pain"),  # nouns, not adjectives
    ],
)
def test_no_sharing_across_sentences_or_negations(text: str, unexpected: str) -> None:
    assert unexpected not in {name for name, _ in found(text)}


def test_a_phrase_with_and_in_it_still_matches() -> None:
    assert found("Pins and needles in both feet.") == {("Paresthesia", "present")}
