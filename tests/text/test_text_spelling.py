"""Spelling correction: typos of lexicon words are read as the word, real words never."""

from __future__ import annotations

import time

import pytest

from carenote.text import Lexicon, LexiconEntry, parse
from carenote.text.normalise import normalise_token
from carenote.text.spelling import Speller, within_one

ENTRIES = [
    LexiconEntry("HP:0002829", "Arthralgia", ("arthralgia", "joint pain")),
    LexiconEntry("HP:0002013", "Vomiting", ("vomiting",)),
    LexiconEntry("HP:0002014", "Diarrhea", ("diarrhea",)),
    LexiconEntry("HP:0000969", "Edema", ("swelling",)),
    LexiconEntry("HP:0001945", "Fever", ("fever",)),
    LexiconEntry("HP:0002027", "Abdominal pain", ("abdominal pain",)),
    LexiconEntry("HP:0001944", "Dehydration", ("dehydration",)),
    LexiconEntry("carenote:pigment", "Pigment change", ("pigment",)),
    LexiconEntry("carenote:tightness", "Tightness", ("tightness",)),
    LexiconEntry("carenote:brightness", "Brightness", ("brightness",)),
]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_entries(ENTRIES, {})


def names(text: str, lexicon: Lexicon) -> set[str]:
    return {m.name for m in parse(text, lexicon).mentions if m.choice_id == "present"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She complains of athralgias in both knees.", "Arthralgia"),  # letter left out
        ("Arthralgai since Monday.", "Arthralgia"),  # two letters swapped
        ("Athralgia. Otherwise well.", "Arthralgia"),  # capitalised at a sentence start
        ("persistent vomitting overnight", "Vomiting"),  # letter doubled
        ("watery diarrohea for two days", "Diarrhea"),  # swapped, British spelling
        ("severe abdomnial pain", "Abdominal pain"),  # inside a two-word phrase
    ],
)
def test_typos_of_long_lexicon_words_are_read_as_the_word(
    text: str, expected: str, lexicon: Lexicon
) -> None:
    assert expected in names(text, lexicon)


def test_the_mention_keeps_the_text_as_written(lexicon: Lexicon) -> None:
    [mention] = parse("no athralgias", lexicon).mentions
    assert (mention.text, mention.choice_id) == ("athralgias", "absent")


@pytest.mark.parametrize(
    ("text", "not_read_as"),
    [
        ("She lives in a dwelling with her son.", "Edema"),  # English, one letter away
        ("He was given oral rehydration salts.", "Dehydration"),  # another prefix
        ("a feve", "Fever"),  # too short to guess
        ("some sweling", "Edema"),  # "swell" once normalised: too short to guess
        ("a sense of rightness", "Tightness"),  # tightness or brightness: ambiguous
        ("a sense of rightness", "Brightness"),
        ("Marla Athralgi came in.", "Arthralgia"),  # capitalised mid-sentence: a name
        ("ATHRALGIA", "Arthralgia"),  # capitals: an abbreviation, not corrected
        ("wetness of the skin", "Fever"),
        ("the pigments in the paint", "Tightness"),
    ],
)
def test_words_spelt_right_and_unclear_typos_are_left_alone(
    text: str, not_read_as: str, lexicon: Lexicon
) -> None:
    assert not_read_as not in names(text, lexicon)


def test_no_known_word_is_ever_corrected() -> None:
    """Every word the speller is told is spelt right stays itself (the whole list)."""
    from carenote.text.known_words import KNOWN_WORDS

    words = [normalise_token(w) for w in KNOWN_WORDS.split()]
    speller = Speller(set(words[::2]))  # half of them as lexicon words
    assert all(speller.correct(w) is None for w in words)


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("arthralgia", "athralgia", True),
        ("arthralgia", "arthralgiaa", True),
        ("arthralgia", "arhtralgia", True),
        ("arthralgia", "arthrolgia", True),
        ("arthralgia", "athrolgia", False),
        ("arthralgia", "arthralgia", True),
        ("abc", "acbd", False),
        ("abcd", "badc", False),
    ],
)
def test_distance_one(a: str, b: str, near: bool) -> None:
    assert within_one(a, b) is near
    assert within_one(b, a) is near


def test_correction_is_fast_for_unknown_words(lexicon: Lexicon) -> None:
    parse("athralgia", lexicon)  # builds the speller once
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = [f"zqx{letters[i % 26]}{letters[i // 26 % 26]}ly" for i in range(400)]
    start = time.process_time()
    parse(" ".join(words), lexicon)
    assert time.process_time() - start < 0.05  # 400 new unknown words; ~0.1 ms each at most
