"""Inability ("can't", "cannot", "could not") is told apart from "doesn't"; a negation of a
phrase that is itself negative ("has not given up smoking") is a double negation."""

from __future__ import annotations

import pytest

from carenote.text import Lexicon, LexiconEntry, parse
from carenote.text.normalise import phrase_key, tokenise

ENTRIES = (
    LexiconEntry("t:anosmia", "Loss of smell", ("can't smell", "unable to smell")),
    LexiconEntry("t:no_odour", "Odourless discharge", ("discharge does not smell",)),
    LexiconEntry("t:weight", "Unable to bear weight", ("cannot bear weight",)),
    LexiconEntry("t:insomnia", "Insomnia", ("can't sleep",)),
    LexiconEntry("t:cough", "Cough", ("cough", "coughing")),
    LexiconEntry("t:scratch", "Scratching", ("scratching",)),
    LexiconEntry("t:meningitis", "Meningitis", ("meningitis",)),
    # A phrase that names a finding when it is denied, as the knowledge base's
    # negated synonyms do: read "present" here means the finding is gone.
    LexiconEntry("t:quit~", "Gave up smoking", ("given up smoking", "stopped smoking")),
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_entries(ENTRIES)


def read(lexicon: Lexicon, text: str) -> dict[str, tuple[str, bool]]:
    return {m.name: (m.choice_id, m.hedged) for m in parse(text, lexicon).mentions}


@pytest.mark.parametrize(
    "written", ["can't", "cannot", "can not", "Can't", "cant", "couldn't", "could not", "can’t"]
)
def test_every_way_of_writing_cannot_is_one_word(written: str) -> None:
    assert tokenise(f"she {written} smell").norms == ("she", "cannot", "smell")
    assert phrase_key(f"{written} smell") == ("cannot", "smell")


def test_doesnt_is_does_not_and_not_cannot() -> None:
    assert tokenise("it doesn't smell").norms == tokenise("it does not smell").norms
    assert tokenise("it did not fade").norms == tokenise("it didn't fade").norms
    assert tokenise("it doesn't smell").norms != tokenise("it can't smell").norms
    assert phrase_key("does not fade") == phrase_key("doesn't fade")


@pytest.mark.parametrize(
    "text",
    ["She cannot smell anything.", "She can not smell.", "He couldn't smell the smoke."],
)
def test_inability_is_read_as_written_any_way(lexicon: Lexicon, text: str) -> None:
    assert read(lexicon, text).get("Loss of smell") == ("present", False)


def test_a_discharge_that_does_not_smell_is_not_anosmia(lexicon: Lexicon) -> None:
    found = read(lexicon, "The discharge doesn't smell.")
    assert "Loss of smell" not in found
    assert found.get("Odourless discharge") == ("present", False)


def test_couldnt_bear_weight_is_cannot_bear_weight(lexicon: Lexicon) -> None:
    assert read(lexicon, "He couldn't bear weight on it.") == {
        "Unable to bear weight": ("present", False)
    }


@pytest.mark.parametrize("text", ["He is not sleeping.", "She won't sleep.", "He can't sleep."])
def test_an_inability_is_also_read_with_not(lexicon: Lexicon, text: str) -> None:
    assert read(lexicon, text) == {"Insomnia": ("present", False)}


def test_but_not_with_a_verb_of_the_senses(lexicon: Lexicon) -> None:
    assert "Loss of smell" not in read(lexicon, "It does not smell of anything.")


def test_cannot_still_negates_what_follows(lexicon: Lexicon) -> None:
    assert read(lexicon, "I cannot say there is any cough.").get("Cough") == ("absent", False)


def test_cannot_stop_is_not_a_negation(lexicon: Lexicon) -> None:
    assert read(lexicon, "He can't stop coughing.") == {"Cough": ("present", False)}
    assert read(lexicon, "She cannot stop scratching.") == {"Scratching": ("present", False)}


def test_cannot_be_excluded_hedges(lexicon: Lexicon) -> None:
    assert read(lexicon, "Meningitis cannot be excluded.") == {"Meningitis": ("present", True)}
    assert read(lexicon, "Meningitis could not be ruled out.") == {"Meningitis": ("present", True)}


@pytest.mark.parametrize(
    ("text", "choice"),
    [
        ("He has not stopped smoking.", "absent"),  # he still smokes
        ("He hasn't given up smoking.", "absent"),
        ("He has stopped smoking.", "present"),
    ],
)
def test_a_negated_negative_phrase_is_one_reading(lexicon: Lexicon, text: str, choice: str) -> None:
    mentions = parse(text, lexicon).mentions
    assert [(m.name, m.choice_id) for m in mentions] == [("Gave up smoking", choice)]
