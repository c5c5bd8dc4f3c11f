"""Phrases written as lists: commas between a phrase's words, a side after listed
adjectives, two listed predicate adjectives, and "pale" said of a colour or a stool."""

from __future__ import annotations

import pytest

from carenote.text import Lexicon, LexiconEntry, parse

LEXICON = Lexicon.from_entries(
    [
        LexiconEntry(
            "carenote:inflamed_area",
            "Warm, swollen, tender area of skin",
            ("red, warm and tender area", "warm swollen area", "swollen and tender area"),
        ),
        LexiconEntry("HP:0010783", "Erythema", ("red area", "redness")),
        LexiconEntry("HP:0025337", "Red eye", ("pink eye",)),
        LexiconEntry("HP:0034804", "Corneal foreign body sensation", ("gritty eye",)),
        LexiconEntry("HP:0025258", "Stiff neck", ("stiff neck",)),
        LexiconEntry("HP:0000980", "Pallor", ("pale",)),
        LexiconEntry("HP:0002014", "Diarrhea", ("loose stools",)),
    ]
)


def names(text: str) -> set[tuple[str, str]]:
    return {(m.name, m.choice_id) for m in parse(text, LEXICON).mentions}


def test_a_phrase_written_as_a_list_is_read_over_the_texts_commas() -> None:
    found = names("a red, warm and tender area on the shin")
    assert ("Warm, swollen, tender area of skin", "present") in found


def test_a_comma_before_the_last_word_of_a_phrase_is_not_stepped_over() -> None:
    """ "stiff, neck" lists two words; only a listed adjective with its noun after it
    is one phrase."""
    assert names("stiff, neck") == set()


def test_a_side_after_listed_adjectives_is_stepped_over() -> None:
    found = names("a pink, gritty, watery right eye")
    assert ("Red eye", "present") in found
    assert ("Corneal foreign body sensation", "present") in found


@pytest.mark.parametrize(
    "text",
    ["The area is warm, swollen and tender.", "The area is now swollen and tender."],
)
def test_two_predicate_adjectives_name_a_two_quality_phrase(text: str) -> None:
    assert ("Warm, swollen, tender area of skin", "present") in names(text)


def test_a_denied_predicate_list_is_absent() -> None:
    found = names("The area is not warm, swollen or tender.")
    assert ("Warm, swollen, tender area of skin", "present") not in found


@pytest.mark.parametrize(
    "text",
    [
        "His urine is a normal pale yellow colour.",
        "She has pale stools.",
        "The urine is pale.",
    ],
)
def test_pale_as_a_colour_is_not_pallor(text: str) -> None:
    assert ("Pallor", "present") not in names(text)


@pytest.mark.parametrize(
    "text", ["She looks pale.", "A pale, sweaty child.", "He is pale and clammy."]
)
def test_pale_said_of_a_person_is_pallor(text: str) -> None:
    assert ("Pallor", "present") in names(text)
