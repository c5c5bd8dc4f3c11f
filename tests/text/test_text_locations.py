"""Places after the finding ("ulcers in his mouth"), gaps before them, name fragments."""

from __future__ import annotations

import pytest

from carenote.text import Lexicon, LexiconEntry, parse
from carenote.text.locations import location_variants
from carenote.text.normalise import phrase_key

ENTRIES = [
    LexiconEntry("HP:0000155", "Oral ulcer", ("mouth ulcer",)),
    LexiconEntry("HP:0100749", "Chest pain", ("chest pain",)),
    LexiconEntry("HP:0012531", "Pain", ("pain",)),
    LexiconEntry("HP:0000988", "Skin rash", ("rash",)),
    LexiconEntry("carenote:acral_rash", "Rash on hands and feet", ("rash on the hands and feet",)),
    LexiconEntry("carenote:rlq_pain", "Right lower abdominal pain", ("right lower quadrant pain",)),
    LexiconEntry("HP:0002027", "Abdominal pain", ("abdominal pain",)),
    LexiconEntry("HP:0001945", "Fever", ("fever",)),
    LexiconEntry("HP:0001785", "Ankle swelling", ("ankle swelling",)),
    LexiconEntry("carenote:headache_morning", "Morning headache", ("headache in the morning",)),
    LexiconEntry("HP:0002315", "Headache", ("headache",)),
    LexiconEntry("carenote:halos", "Coloured halos around lights", ("halos",)),
    LexiconEntry("HP:0008066", "Abnormal blistering of the skin", ("blisters",)),
    LexiconEntry("HP:0003002", "Breast carcinoma", ("breast cancer",)),
]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_entries(ENTRIES, {})


def found(text: str, lexicon: Lexicon) -> dict[str, str]:
    """name → choice_id of every mention."""
    return {m.name: m.choice_id for m in parse(text, lexicon).mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Several ulcers in his mouth.", "Oral ulcer"),
        ("an ulcer on the buccal mucosa", "Oral ulcer"),
        ("a small ulcer on the inside of her left cheek", "Oral ulcer"),
        ("tight pain across her chest", "Chest pain"),
        ("swelling to the right ankle", "Ankle swelling"),
        ("pain in the right lower quadrant", "Right lower abdominal pain"),
        ("pain in his tummy", "Abdominal pain"),  # adjective "abdominal" → abdomen, tummy
        # Gaps of filler words before the place:
        ("a rash that is most obvious on his hands and feet", "Rash on hands and feet"),
        ("a headache that is always worse in the morning", "Morning headache"),
        ("pain that later moved to the right lower quadrant", "Right lower abdominal pain"),
    ],
)
def test_a_place_after_the_finding_names_the_placed_finding(
    text: str, expected: str, lexicon: Lexicon
) -> None:
    assert found(text, lexicon).get(expected) == "present"


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("a rash that is not on his hands and feet", "Rash on hands and feet"),  # negation
        ("a rash, mostly on his hands and feet", "Rash on hands and feet"),  # a comma
        ("a rash and fever on his hands and feet", "Rash on hands and feet"),  # a finding
        ("pain that she had felt many years ago in her chest", "Chest pain"),  # too far
        ("pain that radiates to the right lower quadrant", "Right lower abdominal pain"),
        ("a rash that is possibly on his hands and feet", "Rash on hands and feet"),  # hedge
        ("the ulcer was in a place near his mouth", "Oral ulcer"),
    ],
)
def test_gaps_do_not_cross_clauses_negations_or_other_findings(
    text: str, not_expected: str, lexicon: Lexicon
) -> None:
    assert not_expected not in found(text, lexicon)


def test_negation_still_reaches_a_placed_finding(lexicon: Lexicon) -> None:
    assert found("No ulcers in her mouth.", lexicon)["Oral ulcer"] == "absent"


def test_variants_only_for_phrases_that_start_with_a_place() -> None:
    assert ("ulcer", "in", "mouth") in set(location_variants(phrase_key("mouth ulcer")))
    assert ("pain", "in", "right", "lower", "quadrant") in set(
        location_variants(phrase_key("right lower quadrant pain"))
    )
    assert ("cancer", "in", "breast") in set(location_variants(phrase_key("breast cancer")))
    assert not list(location_variants(phrase_key("high temperature")))
    assert not list(location_variants(phrase_key("mouth")))


def test_a_written_phrase_wins_over_a_variant() -> None:
    lexicon = Lexicon.from_entries(
        [
            LexiconEntry("carenote:a", "Ankle swelling", ("ankle swelling",)),
            LexiconEntry("carenote:b", "Swelling of ankle", ("swelling of ankle",)),
        ],
        {},
    )
    assert found("swelling of the ankle", lexicon) == {"Swelling of ankle": "present"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("five round ulcers with inflammatory haloes", False),
        ("she sees halos around the street lights", True),
        ("halos appear around lights at night", True),
    ],
)
def test_a_fragment_of_a_name_needs_the_rest_of_the_name_near(
    text: str, expected: bool, lexicon: Lexicon
) -> None:
    assert ("Coloured halos around lights" in found(text, lexicon)) is expected


def test_a_place_in_the_name_is_implied_by_the_fragment(lexicon: Lexicon) -> None:
    assert found("blisters on her feet", lexicon)["Abnormal blistering of the skin"] == "present"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("mouth ulceration", "mouth ulcer"),
        ("an ulcerated area", "ulcer"),
        ("she felt nauseated", "nausea"),
        ("looks dehydrated", "dehydration"),
        ("abdominal distension", "abdominal distended"),
    ],
)
def test_derivations_of_one_finding_word_meet(text: str, phrase: str) -> None:
    lexicon = Lexicon.from_entries([LexiconEntry("carenote:x", "X", (phrase,))], {})
    assert found(text, lexicon) == {"X": "present"}


@pytest.mark.parametrize(("text", "phrase"), [("the station", "stated"), ("related", "relation")])
def test_unrelated_derivations_stay_apart(text: str, phrase: str) -> None:
    lexicon = Lexicon.from_entries([LexiconEntry("carenote:x", "X", (phrase,))], {})
    assert found(text, lexicon) == {}


def test_a_body_part_that_has_dropped_droops() -> None:
    lexicon = Lexicon.from_entries(
        [
            LexiconEntry("HP:0012799", "Unilateral facial palsy", ("face drooping",)),
            LexiconEntry("HP:0000508", "Ptosis", ("drooping eyelid", "eye drop")),
        ],
        {},
    )
    assert found("her face has dropped on one side", lexicon) == {
        "Unilateral facial palsy": "present"
    }
    assert found("his eyelid has dropped", lexicon) == {"Ptosis": "present"}
    assert found("she uses eye drops twice a day", lexicon) == {}
    assert found("the eyelid droops: eye drop", lexicon) == {"Ptosis": "present"}
