"""Everyday senses of finding words, soft line wraps, and words whose final "e" counts."""

from __future__ import annotations

import pytest

from carenote.text import Lexicon, LexiconEntry, parse
from carenote.text.normalise import normalise_token

ENTRIES = [
    LexiconEntry("HP:0001250", "Seizure", ("seizure", "fit", "fits")),
    LexiconEntry("HP:0001279", "Syncope", ("syncope", "faint", "fainting")),
    LexiconEntry("HP:5200339", "Self-cutting", ("self-cutting", "cutting")),
    LexiconEntry("carenote:wound", "Wound", ("cut", "laceration")),
    LexiconEntry("carenote:burn_injury", "Burn", ("burn", "scald")),
    LexiconEntry("HP:0000988", "Skin rash", ("rash",)),
    LexiconEntry("HP:0012735", "Cough", ("cough",)),
    LexiconEntry("HP:0031417", "Rhinorrhea", ("rhinorrhea", "runny nose")),
    LexiconEntry("HP:0002105", "Hemoptysis", ("hemoptysis",)),
    LexiconEntry("HP:0025143", "Chills", ("chills",)),
    LexiconEntry("carenote:rat_exposure", "Rat exposure", ("rats",)),
    LexiconEntry("carenote:mining", "Mining", ("mining",)),
    LexiconEntry("carenote:bite", "Insect bite", ("bite",)),
]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    """A small lexicon with everyday-word phrases."""
    return Lexicon.from_entries(ENTRIES, {})


def found(text: str, lexicon: Lexicon) -> dict[str, str]:
    """name → choice_id of the patient's mentions."""
    return {m.name: m.choice_id for m in parse(text, lexicon).mentions}


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("A fit, apparently healthy man.", set(), {"Seizure"}),
        ("He is fit and well.", set(), {"Seizure"}),
        ("She keeps fit by running.", set(), {"Seizure"}),
        ("He had a fit at school.", {"Seizure"}, set()),
        ("Two fits this morning.", {"Seizure"}, set()),
        ("She woke after a bad coughing fit.", set(), {"Seizure"}),
        ("He had a fit of laughter.", set(), {"Seizure"}),
        ("A faint erythematous macular rash on the trunk.", {"Skin rash"}, {"Syncope"}),
        ("She felt faint and sweaty.", {"Syncope"}, set()),
        ("He had a fainting episode.", {"Syncope"}, set()),
        ("He sustained a cut on his hand.", {"Wound"}, {"Self-cutting"}),
        ("She has been cutting herself.", {"Self-cutting"}, set()),
        ("Burning and aching pain on the chest.", set(), {"Burn"}),
        ("A burn on the forearm.", {"Burn"}, set()),
    ],
)
def test_everyday_senses(
    text: str, expected: set[str], not_expected: set[str], lexicon: Lexicon
) -> None:
    names = set(found(text, lexicon))
    assert expected <= names
    assert not (not_expected & names)


def test_a_soft_line_wrap_keeps_the_negation_going(lexicon: Lexicon) -> None:
    text = "The child denies cough,\nrhinorrhea, or chills. She denies\nhemoptysis."
    assert found(text, lexicon) == {
        "Cough": "absent",
        "Rhinorrhea": "absent",
        "Chills": "absent",
        "Hemoptysis": "absent",
    }


def test_a_blank_line_after_a_wrapped_word_is_still_soft(lexicon: Lexicon) -> None:
    assert found("There is no history of\n\nhemoptysis.", lexicon) == {"Hemoptysis": "absent"}


@pytest.mark.parametrize(
    "text",
    [
        "No cough.\nRhinorrhea for two days.",  # a sentence ended
        "No cough\nRhinorrhea since Monday",  # a new line starting with a capital
        "Symptoms: no cough\n- rhinorrhea",  # a list item
    ],
)
def test_a_hard_line_break_ends_the_negation(text: str, lexicon: Lexicon) -> None:
    assert found(text, lexicon) == {"Cough": "absent", "Rhinorrhea": "present"}


def test_words_whose_final_e_is_not_silent_stay_apart() -> None:
    assert normalise_token("rate") != normalise_token("rats")
    assert normalise_token("note") != "not"
    assert normalise_token("bite") != normalise_token("bit")
    assert normalise_token("mine") != "min"
    assert normalise_token("headache") == normalise_token("headaches")


def test_a_respiratory_rate_is_not_about_rats(lexicon: Lexicon) -> None:
    names = found("Respiratory rate 19 breaths/min. I feel a bit tired.", lexicon)
    assert "Rat exposure" not in names and "Insect bite" not in names


def test_a_side_word_inside_a_phrase_is_stepped_over() -> None:
    lexicon = Lexicon.from_entries(
        [
            LexiconEntry("HP:0100540", "Palpebral edema", ("swollen eye",)),
            LexiconEntry("HP:0011712", "Right bundle branch block", ("right bundle branch block",)),
            LexiconEntry("HP:0011713", "Bundle branch block", ("bundle branch block",)),
        ],
        {},
    )
    assert {m.name for m in parse("A painful, swollen right eye.", lexicon).mentions} == {
        "Palpebral edema"
    }
    names = {m.name for m in parse("ECG: right bundle branch block.", lexicon).mentions}
    assert names == {"Right bundle branch block"}


def test_british_and_american_doubled_l_meet() -> None:
    assert normalise_token("travelling") == normalise_token("traveling") == "travel"
    assert normalise_token("cancelled") == normalise_token("canceled")


@pytest.mark.parametrize(
    ("text", "inhalation"),
    [
        ("She smokes 20 a day.", False),
        ("A 40 pack-year history of smoking.", False),
        ("Both parents smoke.", False),
        ("Breathed in smoke in a house fire.", True),
        ("Smoke inhalation from a fire.", True),
    ],
)
def test_tobacco_smoking_is_not_smoke_inhalation(text: str, inhalation: bool) -> None:
    lexicon = Lexicon.from_entries(
        [LexiconEntry("carenote:smoke_inhalation", "Smoke inhalation", ("smoke", "smoking"))],
        {},
    )
    names = {m.name for m in parse(text, lexicon).mentions}
    assert ("Smoke inhalation" in names) is inhalation


def test_non_prefix_negates_the_phrase_it_touches() -> None:
    lexicon = Lexicon.from_entries(
        [
            LexiconEntry("HP:0031245", "Productive cough", ("productive cough",)),
            LexiconEntry("HP:0100749", "Chest pain", ("chest pain",)),
            LexiconEntry(
                "carenote:non_blanching_rash", "Non-blanching rash", ("non-blanching rash",)
            ),
        ],
        {},
    )
    assert found("Six days of non-productive cough.", lexicon) == {"Productive cough": "absent"}
    assert found("Non-specific chest pain.", lexicon) == {"Chest pain": "present"}
    assert found("A non-blanching rash.", lexicon) == {"Non-blanching rash": "present"}


@pytest.mark.parametrize(
    "text",
    [
        "She has a brother with asthma.",
        "An uncle and several cousins who have been diagnosed with asthma.",
        "Her sister has been diagnosed with asthma.",
    ],
)
def test_relatives_with_a_condition_are_family_history(text: str) -> None:
    lexicon = Lexicon.from_entries([LexiconEntry("HP:0002099", "Asthma", ("asthma",))], {})
    [mention] = parse(text, lexicon).mentions
    assert mention.subject == "family"


def test_a_child_brought_by_a_parent_is_the_patient() -> None:
    lexicon = Lexicon.from_entries([LexiconEntry("HP:0001945", "Fever", ("fever",))], {})
    [mention] = parse("Brought in by his mother with fever.", lexicon).mentions
    assert mention.subject == "patient"


def test_a_classmates_illness_is_not_the_patients() -> None:
    lexicon = Lexicon.from_entries([LexiconEntry("HP:0002090", "Pneumonia", ("pneumonia",))], {})
    [mention] = parse("He has a classmate sick with pneumonia.", lexicon).mentions
    assert mention.subject == "family"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Watery diarrhoea that became bloody after a day.", {"Bloody diarrhea": "present"}),
        ("The rash is itchy.", {"Itchy rash": "present"}),
        ("The rash is not itchy.", {"Itchy rash": "absent"}),
        ("The rash was very itchy.", {"Itchy rash": "present"}),
        ("The rash is red.", {}),
    ],
)
def test_a_predicate_adjective_names_the_attributive_phrase(
    text: str, expected: dict[str, str]
) -> None:
    lexicon = Lexicon.from_entries(
        [
            LexiconEntry("HP:0025085", "Bloody diarrhea", ("bloody diarrhoea",)),
            LexiconEntry("carenote:itchy_rash", "Itchy rash", ("itchy rash",)),
        ],
        {},
    )
    assert found(text, lexicon) == expected


def test_coordinated_predicate_adjectives_are_each_read() -> None:
    lexicon = Lexicon.from_entries(
        [
            LexiconEntry("carenote:swollen_leg", "Swollen leg", ("swollen leg",)),
            LexiconEntry("carenote:tender_leg", "Tender leg", ("tender leg",)),
        ],
        {},
    )
    text = "The right leg became painful, tender, and swollen."
    assert found(text, lexicon) == {"Swollen leg": "present", "Tender leg": "present"}


@pytest.mark.parametrize(
    "text",
    [
        "His mother worries about dehydration.",
        "She is afraid of dehydration.",
        "The parents are concerned about dehydration.",
    ],
)
def test_a_worry_is_not_a_finding(text: str) -> None:
    lexicon = Lexicon.from_entries(
        [LexiconEntry("HP:0001944", "Dehydration", ("dehydration",))], {}
    )
    [mention] = parse(text, lexicon).mentions
    assert mention.hedged


def test_a_body_part_alone_is_never_a_finding() -> None:
    lexicon = Lexicon.from_entries([LexiconEntry("HP:0000710", "Hyperorality", ("mouthing",))], {})
    assert parse("White patches in her mouth.", lexicon).mentions == []
    assert "mouthing" in lexicon.skipped


def test_a_side_word_is_stepped_over_even_when_a_longer_phrase_names_the_side() -> None:
    lexicon = Lexicon.from_entries(
        [
            LexiconEntry("HP:0030157", "Flank pain", ("pain in the loin",)),
            LexiconEntry("HP:0033767", "RUQ pain", ("pain in the right upper quadrant",)),
        ],
        {},
    )
    assert found("Pain in the right loin.", lexicon) == {"Flank pain": "present"}
    assert found("Pain in the right upper quadrant.", lexicon) == {"RUQ pain": "present"}


def test_hives_is_not_hiv() -> None:
    assert normalise_token("hives") != normalise_token("HIV".lower())
    assert normalise_token("hives") == normalise_token("hive")


def test_a_two_word_noun_takes_its_predicate_adjective() -> None:
    lexicon = Lexicon.from_entries(
        [LexiconEntry("HP:6000172", "Tympanic membrane bulging", ("bulging tympanic membrane",))],
        {},
    )
    text = "The tympanic membrane is red and bulging."
    assert found(text, lexicon) == {"Tympanic membrane bulging": "present"}
