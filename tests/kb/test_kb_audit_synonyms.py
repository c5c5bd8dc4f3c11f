"""Curated finding phrases must not be everyday words that name a finding wherever they occur.

The free-text parser matches finding names and synonyms as whole normalised words, so a
one-word synonym such as "temperature" turns "temperature 36.8 °C" into a fever, and
"spotting" (normalised to "spot") turns "a rash of red spots" into vaginal bleeding. Each
word below was removed from (or qualified in) the findings YAML after an audit with
``scripts/kb_synonym_audit.py``; the test keeps them from coming back as bare one-word
phrases. The words are compared after the parser's own normalisation, so a plural or
verb form of a listed word is caught too.
"""

from __future__ import annotations

import pytest

from carenote.compiler.loader import load_sources
from carenote.text.normalise import phrase_key

#: Everyday word → the ordinary sense that made it a false finding.
EVERYDAY_WORDS = {
    "halos": "inflammatory haloes around ulcers or skin lesions",
    "temperature": "a measured, normal temperature",
    "drip": "an intravenous drip",
    "boil": "boiling water (scalds)",
    "shakes": "shakes his head; alcohol-withdrawal tremor",
    "agony": "any severe pain, e.g. renal colic",
    "gradual": "gradual onset over hours or days",
    "teacher": "the child's teacher noticed",
    "injecting": "injecting insulin",
    "spotting": "spots of a rash",
    "cut": "cut down on alcohol",
    "gas": "blood gas, gas heater",
    "twitching": "eyelid twitching, fasciculations",
    "hernia": "hiatus hernia",
    "nervous": "nervous system",
    "stressed": "stress fracture, stress incontinence",
    "depressed": "depressed skull fracture, depressed conscious level",
    "bitten": "bitten by a dog, bitten tongue",
    "friction": "pericardial or pleural friction rub",
    "colic": "renal or biliary colic",
    "slipped": "slipped disc, slipped capital femoral epiphysis",
    "accident": "cerebrovascular accident, toilet accidents",
    "contractions": "muscle or cardiac contractions",
    "pacing": "cardiac pacing, a steady pace",
    "flooding": "floods (leptospirosis exposure)",
    "swollen": "swollen glands, tonsils or abdomen",
    "cramps": "abdominal or period cramps",
    "septic": "septic arthritis, septic joint",
    "congested": "congested lungs or pharynx",
}

#: Short phrases whose words are ordinary in another sense.
EVERYDAY_PAIRS = {
    "no point": "no point tenderness",
    "deep breathing": "pain on deep breathing (pleuritic)",
    "positive test": "any positive test, not only a pregnancy test",
    "test was positive": "any positive test, not only a pregnancy test",
    "white patches": "white patches in the mouth or on the tonsils",
}


#: (phrase, finding id) → why the phrase may name other findings but not this one.
WRONG_FOR_FINDING = {
    ("flushes", "HP:0031217"): "facial flushing is not a menopausal hot flush",
    ("bruising", "HP:0000978"): "a bruise after an injury is not easy bruising",
    ("reduced movement", "HP:0001376"): "reduced fetal movements normalise to the same words",
    ("pale skin", "carenote:fair_skin_burns_easily"): "pale skin is pallor in an ill person",
}


@pytest.fixture(scope="module")
def curated_phrases() -> dict[tuple[str, ...], list[str]]:
    """Normalised phrase → 'finding id: phrase' for every curated name and synonym."""
    phrases: dict[tuple[str, ...], list[str]] = {}
    for located in load_sources().findings:
        finding = located.item
        for phrase in (finding.name, *finding.synonyms):
            phrases.setdefault(phrase_key(phrase), []).append(f"{finding.id}: {phrase}")
    return phrases


@pytest.mark.parametrize("word", sorted(EVERYDAY_WORDS))
def test_everyday_word_is_not_a_one_word_phrase(
    word: str, curated_phrases: dict[tuple[str, ...], list[str]]
) -> None:
    assert phrase_key(word) not in curated_phrases, (
        f"{word!r} names {curated_phrases.get(phrase_key(word))} but also means "
        f"{EVERYDAY_WORDS[word]}; qualify it (e.g. 'has a temperature')"
    )


@pytest.mark.parametrize("pair", sorted(EVERYDAY_PAIRS))
def test_everyday_pair_is_not_a_phrase(
    pair: str, curated_phrases: dict[tuple[str, ...], list[str]]
) -> None:
    assert phrase_key(pair) not in curated_phrases, (
        f"{pair!r} names {curated_phrases.get(phrase_key(pair))} but also means "
        f"{EVERYDAY_PAIRS[pair]}"
    )


@pytest.mark.parametrize(("phrase", "finding_id"), sorted(WRONG_FOR_FINDING))
def test_phrase_does_not_name_this_finding(
    phrase: str, finding_id: str, curated_phrases: dict[tuple[str, ...], list[str]]
) -> None:
    owners = [entry.split(": ", 1)[0] for entry in curated_phrases.get(phrase_key(phrase), [])]
    assert finding_id not in owners, WRONG_FOR_FINDING[(phrase, finding_id)]


def test_normalisation_still_merges_the_forms_this_audit_relies_on() -> None:
    """The deny-list is only as good as the normaliser: 'spots' and 'spotting' must meet."""
    assert phrase_key("spots") == phrase_key("spotting")
    assert phrase_key("flushing") == phrase_key("flushes")
