"""Phrases told with their words apart (loose.py) and "when she is" inside a phrase."""

from __future__ import annotations

import pytest

from carenote.text import Lexicon, LexiconEntry, parse

ENTRIES = (
    LexiconEntry("t:itch", "Itching", ("itching", "itch")),
    LexiconEntry("t:itch_night", "Itch worse at night", ("itch worse at night",)),
    LexiconEntry("t:scale", "Silvery scale", ("silvery scale",)),
    LexiconEntry("t:sticky_lids", "Sticky eyelids", ("eyelids stuck together",)),
    LexiconEntry("t:cloudy", "Cloudy urine", ("cloudy urine",)),
    LexiconEntry("t:flushes", "Hot flushes", ("hot flushes",)),
    LexiconEntry("t:chest_pain", "Chest pain", ("chest pain",)),
    LexiconEntry("t:chest_tight", "Chest tightness", ("chest tightness",)),
    LexiconEntry("t:rest_pain", "Chest pain at rest", ("chest pain at rest",)),
    LexiconEntry("t:period_pain", "Period pain", ("period pain",)),
    LexiconEntry("t:puffy_face", "Puffy face", ("puffy face",)),
    LexiconEntry("t:puffy_ankles", "Puffy ankles", ("puffy ankles",)),
    LexiconEntry("t:hernia", "Stuck hernia", ("hernia that cannot be pushed back",)),
    LexiconEntry("t:calf", "Warm swollen calf", ("warm swollen calf",)),
    LexiconEntry("t:lying", "Worse lying down", ("worse lying down",)),
    LexiconEntry("t:home", "Better away from home", ("better when out of the house",)),
    LexiconEntry("t:fever", "Fever", ("fever",)),
)


@pytest.fixture(scope="module")
def loose_lexicon() -> Lexicon:
    return Lexicon.from_entries(ENTRIES)


def read(lexicon: Lexicon, text: str) -> dict[str, tuple[str, bool]]:
    """name → (choice, hedged) of the mentions in ``text``."""
    return {m.name: (m.choice_id, m.hedged) for m in parse(text, lexicon).mentions}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The itching is much worse at night.", "Itch worse at night"),
        ("Itching that gets worse at night.", "Itch worse at night"),
        ("Raised red plaques with thick silvery-white scale.", "Silvery scale"),
        ("Her eyelids are slightly stuck together on waking.", "Sticky eyelids"),
        ("My urine looks cloudy.", "Cloudy urine"),  # another order, as a predicate
        ("He has a warm, red, swollen calf.", "Warm swollen calf"),  # a list of words
        ("Her face looks very puffy.", "Puffy face"),
        ("Her face went puffy.", "Puffy face"),  # "went" links like "looks"
        ("My urine is incredibly cloudy.", "Cloudy urine"),  # a degree word between
    ],
)
def test_words_apart_name_the_phrase(loose_lexicon: Lexicon, text: str, name: str) -> None:
    found = read(loose_lexicon, text)
    assert found.get(name) == ("present", False), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Itching since Monday. Worse at night.", "Itch worse at night"),  # two sentences
        ("The itching is bad, but worse at night.", "Itch worse at night"),  # "but"
        ("Itching that is not worse at night.", "Itch worse at night"),  # a negation inside
        ("An itch, mostly on the legs, worse at night.", "Itch worse at night"),  # a comma
        ("She has chest tightness and pain.", "Chest pain"),  # splits "chest tightness"
        ("He feels hot and flushed.", "Hot flushes"),  # coordinated, not the compound
        ("Pain between periods.", "Period pain"),  # another order with no linking verb
        ("Her face looks puffy and her ankle reflexes are slow.", "Puffy ankles"),
        ("The hernia was pushed back easily.", "Stuck hernia"),  # negation phrases never
        ("Chest pain that settles with rest.", "Chest pain at rest"),  # a changing word
        ("Itching better at night.", "Itch worse at night"),
        ("Silvery hair and a scale on the scalp with pain in the chest.", "Silvery scale"),
    ],
)
def test_words_apart_are_not_read_across_boundaries(
    loose_lexicon: Lexicon, text: str, name: str
) -> None:
    assert name not in read(loose_lexicon, text)


def test_a_loose_phrase_takes_the_scope_it_stands_in(loose_lexicon: Lexicon) -> None:
    assert read(loose_lexicon, "No itching that is worse at night.")["Itch worse at night"] == (
        "absent",
        False,
    )
    assert read(loose_lexicon, "Possibly thick silvery scale on the elbows.")["Silvery scale"] == (
        "present",
        True,
    )


def test_a_phrase_written_out_is_read_once(loose_lexicon: Lexicon) -> None:
    mentions = parse("Itch worse at night.", loose_lexicon).mentions
    assert [m.name for m in mentions] == ["Itch worse at night"]


def test_a_loose_phrase_spans_its_words(loose_lexicon: Lexicon) -> None:
    text = "Her eyelids are slightly stuck together on waking."
    (mention,) = [m for m in parse(text, loose_lexicon).mentions if m.name == "Sticky eyelids"]
    assert mention.text == "eyelids are slightly stuck together"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The pain is worse when she is lying down.", "Worse lying down"),
        ("Worse when I am lying down.", "Worse lying down"),
        ("Headaches are better when they are out of the house.", "Better away from home"),
        ("Better when I'm out of the house.", "Better away from home"),
    ],
)
def test_pronoun_and_copula_inside_a_phrase(loose_lexicon: Lexicon, text: str, name: str) -> None:
    found = read(loose_lexicon, text)
    assert found.get(name) == ("present", False), found


@pytest.mark.parametrize(
    "text",
    [
        "Worse, and she is lying down.",  # not inside the phrase
        "Worse when she said she was lying down.",  # a verb that is not a copula
        "Better when the children are out of the house.",  # a noun subject is not stepped
    ],
)
def test_pronoun_and_copula_only_as_written(loose_lexicon: Lexicon, text: str) -> None:
    found = read(loose_lexicon, text)
    assert "Worse lying down" not in found
    assert "Better away from home" not in found
