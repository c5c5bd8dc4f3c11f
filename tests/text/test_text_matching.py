"""Phrase matching: case, punctuation, plurals, spelling, longest match, exact spans."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from carenote.text import Lexicon, LexiconEntry, ParseResult, parse
from carenote.text.normalise import normalise_token, tokenise


def names(result: ParseResult) -> list[str]:
    """Names of the text mentions, in order."""
    return [m.name for m in result.mentions if m.source == "text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FEVER", ["Fever"]),
        ("Chest Pain", ["Chest pain"]),
        ("chest-pain", ["Chest pain"]),
        ("neck-stiffness", ["Neck stiffness"]),
        ("Stiff neck.", ["Neck stiffness"]),
        ("headaches", ["Headache"]),
        ("rashes", ["Skin rash"]),
        ("seizures", ["Seizure"]),
        ("convulsions", ["Seizure"]),
        ("anaemia", ["Anemia"]),
        ("oedema", ["Edema"]),
        ("diarrhoea", ["Diarrhea"]),
        ("oesophagitis", ["Esophagitis"]),
        ("paediatric ward", ["Pediatric ward"]),
        ("coughing", ["Cough"]),
        ("She coughed and vomited twice.", ["Cough", "Vomiting"]),
        ("vomits", ["Vomiting"]),
        ("loose stool", ["Diarrhea"]),
        ("swelling of the ankles", ["Edema"]),
        ("swelling of her ankles", ["Edema"]),
        ("swelling of ankles", ["Edema"]),
        ("swelling of, the ankles", []),
        ("throwing up", ["Vomiting"]),
        ("(fever)", ["Fever"]),
        ("fever,cough", ["Fever", "Cough"]),
    ],
)
def test_matching(run: Callable[[str], ParseResult], text: str, expected: list[str]) -> None:
    assert names(run(text)) == expected


def test_longest_match_wins(run: Callable[[str], ParseResult]) -> None:
    result = run("Bacterial meningitis with chest pain and abdominal pain.")
    assert names(result) == ["Meningitis", "Chest pain", "Abdominal pain"]
    assert [m.text for m in result.mentions] == [
        "Bacterial meningitis",
        "chest pain",
        "abdominal pain",
    ]


@pytest.mark.parametrize("text", ["feverish-looking thrashing", "painful", "fitness", "rasher"])
def test_whole_words_only(run: Callable[[str], ParseResult], text: str) -> None:
    assert names(run(text)) == []


def test_phrases_do_not_match_across_punctuation(run: Callable[[str], ParseResult]) -> None:
    assert names(run("chest. pain")) == ["Pain"]
    assert names(run("stiff, neck")) == []


def test_spans_match_the_text_exactly(run: Callable[[str], ParseResult]) -> None:
    text = (
        "A 48-year-old woman with Fever, a non-productive cough and CHEST-PAIN; "
        "no vomiting.\nAnaemia noted. ?Meningitis. Takes metformin."
    )
    result = run(text)
    assert names(result) == [
        "Fever", "Cough", "Chest pain", "Vomiting", "Anemia", "Meningitis", "Metformin",
    ]  # fmt: skip
    for mention in result.mentions:
        start, end = mention.span
        assert text[start:end] == mention.text
    assert [m.text for m in result.mentions] == [
        "Fever", "cough", "CHEST-PAIN", "vomiting", "Anaemia", "Meningitis", "metformin",
    ]  # fmt: skip


def test_the_root_term_and_stopword_phrases_never_match(
    run: Callable[[str], ParseResult], lexicon: Lexicon
) -> None:
    assert names(run("All of them had a fever.")) == ["Fever"]
    assert "All" in lexicon.skipped


def test_a_phrase_shared_by_two_entries_reports_both() -> None:
    lexicon = Lexicon.from_entries(
        [
            LexiconEntry("HP:0001250", "Seizure", ("fit",)),
            LexiconEntry("carenote:fit", "Fit test", ("fit",)),
        ]
    )
    result = parse("A fit.", lexicon)
    assert [m.id for m in result.mentions] == ["HP:0001250", "carenote:fit"]


def test_british_and_american_spellings_meet() -> None:
    pairs = [
        ("anaemia", "anemia"),
        ("haemoglobin", "hemoglobin"),
        ("oedema", "edema"),
        ("diarrhoea", "diarrhea"),
        ("oesophageal", "esophageal"),
        ("paediatric", "pediatric"),
        ("haemorrhage", "hemorrhage"),
        ("dyspnoea", "dyspnea"),
        ("leukaemia", "leukemia"),
        ("hypokalaemia", "hypokalemia"),
        ("tumour", "tumor"),
        ("generalised", "generalized"),
        ("foetal", "fetal"),
        ("coeliac", "celiac"),
    ]
    for british, american in pairs:
        assert normalise_token(british) == normalise_token(american), british


def test_plural_and_singular_meet() -> None:
    for plural, singular in [
        ("headaches", "headache"),
        ("rashes", "rash"),
        ("allergies", "allergy"),
        ("diseases", "disease"),
        ("patches", "patch"),
    ]:
        assert normalise_token(plural) == normalise_token(singular), plural
    for verb, noun in [
        ("vomited", "vomiting"),
        ("coughing", "cough"),
        ("wheezing", "wheeze"),
        ("breathing", "breath"),
        ("sitting", "sit"),
    ]:
        assert normalise_token(verb) == normalise_token(noun), verb
    assert normalise_token("swelling") == "swell"  # a double "l" belongs to the stem
    assert normalise_token("bring") == "bring"  # too short to carry an ending
    # Words ending in -ss, -us and -is are not plurals.
    assert normalise_token("abscess") != normalise_token("absces")
    assert normalise_token("sepsis") == "sepsis"


def test_tokens_keep_their_spans() -> None:
    text = "Temp 38.5 °C; WBC 15,000."
    tokens = tokenise(text)
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == [
        "Temp", "38.5", "C", ";", "WBC", "15,000", ".",
    ]  # fmt: skip


def test_medicines_are_lexicon_entries(run: Callable[[str], ParseResult]) -> None:
    result = run("She takes metformin; no longer takes it? Stopped metformin.")
    assert [m.id for m in result.mentions] == ["carenote:metformin", "carenote:metformin"]


def test_empty_and_odd_text(run: Callable[[str], ParseResult]) -> None:
    assert run("").mentions == []
    assert run("   \n\n ").mentions == []
    assert run("??? ... ,,, 123 °C").mentions == []
    assert names(run("no")) == []


def test_articles_are_skipped_but_a_letter_a_is_not() -> None:
    lexicon = Lexicon.from_entries(
        [
            LexiconEntry("carenote:hepatitis", "Hepatitis", ("hepatitis",)),
            LexiconEntry("carenote:hepatitis_a", "Hepatitis A", ("hepatitis A",)),
            LexiconEntry("carenote:the_only", "The", ("the",)),
        ]
    )
    assert [m.name for m in parse("Hepatitis A.", lexicon).mentions] == ["Hepatitis A"]
    assert [m.name for m in parse("A hepatitis.", lexicon).mentions] == ["Hepatitis"]
    assert "the" in lexicon.skipped


def test_capitalised_abbreviations_name_their_expansion(
    run: Callable[[str], ParseResult],
) -> None:
    result = run("PMH: HTN. Denies SOB.")
    assert [(m.name, m.choice_id, m.text) for m in result.mentions] == [
        ("Hypertension", "present", "HTN"),
        ("Dyspnea", "absent", "SOB"),
    ]
    # Only as written in capitals: "sob" is a word, and "htn" is not the abbreviation.
    assert run("She began to sob; htn").mentions == []
    # Ambiguous abbreviations are not expanded ("RA" is also room air).
    assert run("SpO2 97% RA").mentions == []


def test_an_abbreviation_needs_its_expansion_in_the_lexicon() -> None:
    lexicon = Lexicon.from_entries([LexiconEntry("HP:0001945", "Fever", ())])
    assert parse("HTN", lexicon).mentions == []
