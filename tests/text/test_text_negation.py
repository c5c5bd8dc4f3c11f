"""Negation, hedging and family scope: what is present, absent, doubted, or not the patient's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from carenote.text import ParseResult

States = dict[str, tuple[str, bool]]
PRESENT = ("present", False)
ABSENT = ("absent", False)
HEDGED_PRESENT = ("present", True)
HEDGED_ABSENT = ("absent", True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No fever.", {"Fever": ABSENT}),
        ("Fever.", {"Fever": PRESENT}),
        ("She denies chest pain.", {"Chest pain": ABSENT}),
        ("He denied vomiting.", {"Vomiting": ABSENT}),
        ("Headache without vomiting.", {"Headache": PRESENT, "Vomiting": ABSENT}),
        ("Negative for rash.", {"Skin rash": ABSENT}),
        ("No history of seizures.", {"Seizure": ABSENT}),
        ("Absence of neck stiffness.", {"Neck stiffness": ABSENT}),
        ("She does not have a cough.", {"Cough": ABSENT}),
        ("She doesn't have a cough.", {"Cough": ABSENT}),
        ("She didnt have a cough.", {"Cough": ABSENT}),
        ("Free of pain.", {"Pain": ABSENT}),
        ("Has never had a seizure.", {"Seizure": ABSENT}),
        ("Neither fever nor rash.", {"Fever": ABSENT, "Skin rash": ABSENT}),
        ("Fever was denied.", {"Fever": ABSENT}),
        ("Rash absent.", {"Skin rash": ABSENT}),
        ("Meningitis was ruled out.", {"Meningitis": ABSENT}),
        # Results read as lab reports write them.
        ("Fever and rash are negative.", {"Fever": ABSENT, "Skin rash": ABSENT}),
        ("Meningitis: negative.", {"Meningitis": ABSENT}),
        ("Pneumonia: absent. Cough: present.", {"Pneumonia": ABSENT, "Cough": PRESENT}),
        ("Test for meningitis came back negative.", {"Meningitis": ABSENT}),
        ("The swab is negative for meningitis.", {"Meningitis": ABSENT}),
        # "can't explain" says unexplained, not absent.
        ("Headaches I can't explain, and vomiting.", {"Headache": PRESENT, "Vomiting": PRESENT}),
        ("I haven't had a fever, I have a cough.", {"Fever": ABSENT, "Cough": PRESENT}),
        # ", with" turns to what is there.
        (
            "No vomiting, with fever and headache.",
            {"Vomiting": ABSENT, "Fever": PRESENT, "Headache": PRESENT},
        ),
        ("No fever with rash.", {"Fever": ABSENT, "Skin rash": ABSENT}),
        ("None of them had a fever.", {"Fever": ABSENT}),
        # Each item of a denied list starts the window again.
        (
            "Denies pain around the small of the lower back on the left, fever or cough.",
            {"Pain": ABSENT, "Fever": ABSENT, "Cough": ABSENT},
        ),
        ("Ruled out meningitis.", {"Meningitis": ABSENT}),
    ],
)
def test_single_negations(states: Callable[[str], States], text: str, expected: States) -> None:
    assert states(text) == expected


def test_a_list_is_negated_as_a_whole(states: Callable[[str], States]) -> None:
    assert states("No fever, cough or rash.") == {
        "Fever": ABSENT,
        "Cough": ABSENT,
        "Skin rash": ABSENT,
    }
    assert states("Denies fever, cough, vomiting, headache, and neck stiffness.") == {
        "Fever": ABSENT,
        "Cough": ABSENT,
        "Vomiting": ABSENT,
        "Headache": ABSENT,
        "Neck stiffness": ABSENT,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No fever but a cough.", {"Fever": ABSENT, "Cough": PRESENT}),
        ("No fever; cough for two days.", {"Fever": ABSENT, "Cough": PRESENT}),
        ("No fever. Cough.", {"Fever": ABSENT, "Cough": PRESENT}),
        ("Denies fever, reports cough.", {"Fever": ABSENT, "Cough": PRESENT}),
        ("No fever, however she has a rash.", {"Fever": ABSENT, "Skin rash": PRESENT}),
        ("No fever, she has a rash.", {"Fever": ABSENT, "Skin rash": PRESENT}),
        ("Denies fever and has a headache.", {"Fever": ABSENT, "Headache": PRESENT}),
        ("No chest pain\nCough", {"Chest pain": ABSENT, "Cough": PRESENT}),
        ("No symptoms other than cough.", {"Cough": PRESENT}),
        # The scope lapses after too many words with no finding in them.
        (
            "No fever was recorded by the nurse on the ward yesterday and cough started.",
            {"Fever": ABSENT, "Cough": PRESENT},
        ),
        (
            "Fever and cough were absent, rash present.",
            {"Fever": ABSENT, "Cough": ABSENT, "Skin rash": PRESENT},
        ),
    ],
)
def test_scope_ends(states: Callable[[str], States], text: str, expected: States) -> None:
    assert states(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No change in the rash.", {"Skin rash": PRESENT}),
        ("No improvement in cough.", {"Cough": PRESENT}),
        ("Not only fever but also vomiting.", {"Fever": PRESENT, "Vomiting": PRESENT}),
        ("Headache not relieved by paracetamol.", {"Headache": PRESENT}),
        ("No increase in pain.", {"Pain": PRESENT}),
    ],
)
def test_pseudo_negations(states: Callable[[str], States], text: str, expected: States) -> None:
    assert states(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Possible meningitis.", {"Meningitis": HEDGED_PRESENT}),
        ("Pneumonia is possible.", {"Pneumonia": HEDGED_PRESENT}),
        ("Suspected pneumonia.", {"Pneumonia": HEDGED_PRESENT}),
        ("?meningitis", {"Meningitis": HEDGED_PRESENT}),
        ("Meningitis?", {"Meningitis": HEDGED_PRESENT}),
        ("Cannot rule out meningitis.", {"Meningitis": HEDGED_PRESENT}),
        ("Can't rule out meningitis.", {"Meningitis": HEDGED_PRESENT}),
        ("Meningitis cannot be excluded.", {"Meningitis": HEDGED_PRESENT}),
        ("Meningitis not ruled out.", {"Meningitis": HEDGED_PRESENT}),
        (
            "Concern for meningitis or pneumonia.",
            {"Meningitis": HEDGED_PRESENT, "Pneumonia": HEDGED_PRESENT},
        ),
        ("Meningitis unlikely.", {"Meningitis": HEDGED_ABSENT}),
        ("Meningitis is unlikely.", {"Meningitis": HEDGED_ABSENT}),
        ("Pneumonia is less likely.", {"Pneumonia": HEDGED_ABSENT}),
        ("Unlikely to be meningitis.", {"Meningitis": HEDGED_ABSENT}),
        (
            "Meningitis unlikely, pneumonia likely.",
            {"Meningitis": HEDGED_ABSENT, "Pneumonia": HEDGED_PRESENT},
        ),
    ],
)
def test_hedging(states: Callable[[str], States], text: str, expected: States) -> None:
    assert states(text) == expected


def test_family_history_is_not_the_patient(run: Callable[[str], ParseResult]) -> None:
    result = run(
        "Her mother had breast cancer. Family history of hypertension. "
        "No family history of seizures. She has a headache."
    )
    by_name = {m.name: m for m in result.mentions}
    assert by_name["Breast carcinoma"].subject == "family"
    assert by_name["Hypertension"].subject == "family"
    assert by_name["Seizure"].subject == "family"
    assert by_name["Seizure"].choice_id == "absent"
    assert by_name["Headache"].subject == "patient"
    assert [m.name for m in result.evidence()] == ["Headache"]


def test_a_relative_named_after_the_finding(run: Callable[[str], ParseResult]) -> None:
    result = run("Hypertension and breast cancer in her mother. Pain in the chest.")
    assert [(m.name, m.subject) for m in result.mentions] == [
        ("Hypertension", "family"),
        ("Breast carcinoma", "family"),
        ("Chest pain", "patient"),  # "pain in the chest" = "chest pain" (locations.py)
    ]


def test_a_lexicon_phrase_containing_a_trigger_word_wins(states: Callable[[str], States]) -> None:
    # "high temperature" is a fever phrase; "high" must not make it anything else, and a
    # phrase is matched as a whole even after "no".
    assert states("No high temperature.") == {"Fever": ABSENT}
    assert states("High temperature.") == {"Fever": PRESENT}


def test_negation_does_not_cross_into_the_next_sentence_after_a_question(
    states: Callable[[str], States],
) -> None:
    assert states("Any fever? No. Cough.") == {"Fever": HEDGED_PRESENT, "Cough": PRESENT}


@pytest.mark.parametrize(
    "text",
    [
        "Brought in by his mother with a two-day history of fever.",
        "His mother has noticed a rash on his legs.",
        "Her mother says she has had a headache.",
        "His father had noticed that he was vomiting.",
    ],
)
def test_a_parent_telling_the_story_is_not_family_history(
    run: Callable[[str], ParseResult], text: str
) -> None:
    mentions = run(text).mentions
    assert mentions
    assert all(m.subject == "patient" and m.choice_id == "present" for m in mentions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fever, no cough.", {"Fever": PRESENT, "Cough": ABSENT}),
        ("She has a fever but no cough.", {"Fever": PRESENT, "Cough": ABSENT}),
        ("She is not febrile.", {"Fever": ABSENT}),
        (
            "No fever or rash; has had a cough.",
            {"Fever": ABSENT, "Skin rash": ABSENT, "Cough": PRESENT},
        ),
        ("Any fever?", {"Fever": HEDGED_PRESENT}),
        (
            "She has had no vomiting since Tuesday but the headache continues.",
            {"Vomiting": ABSENT, "Headache": PRESENT},
        ),
        ("Likely pneumonia.", {"Pneumonia": HEDGED_PRESENT}),
        ("Fever, likely viral.", {"Fever": PRESENT}),
    ],
)
def test_everyday_phrasings(states: Callable[[str], States], text: str, expected: States) -> None:
    assert states(text) == expected


def test_denied_looks_back_after_a_finding_and_forward_before_one(
    states: Callable[[str], States],
) -> None:
    assert states("Fever denied, rash on the legs.") == {"Fever": ABSENT, "Skin rash": PRESENT}
    assert states("She denied fever and cough.") == {"Fever": ABSENT, "Cough": ABSENT}


def test_evidence_keeps_one_mention_per_finding(run: Callable[[str], ParseResult]) -> None:
    result = run("No rash at first. Possible rash later. A rash on the legs today.")
    assert [(m.choice_id, m.hedged) for m in result.mentions] == [
        ("absent", False),
        ("present", True),
        ("present", False),
    ]
    [rash] = result.evidence()
    assert (rash.choice_id, rash.hedged, rash.text) == ("present", False, "rash")
    assert rash.span == (result.mentions[2].span)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Viral vs. bacterial meningitis.", {"Meningitis": HEDGED_PRESENT}),
        ("No fever, e.g. no rash.", {"Fever": ABSENT, "Skin rash": ABSENT}),
        ("No fever or hepatitis B. Cough.", {"Fever": ABSENT, "Cough": PRESENT}),
        ("Seen by Dr. Jones: no fever.", {"Fever": ABSENT}),
    ],
)
def test_abbreviation_full_stops_do_not_end_a_sentence(
    states: Callable[[str], States], text: str, expected: States
) -> None:
    assert states(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Return if a rash appears.", {"Skin rash": HEDGED_PRESENT}),
        (
            "Told to watch for neck stiffness or vomiting.",
            {"Neck stiffness": HEDGED_PRESENT, "Vomiting": HEDGED_PRESENT},
        ),
        ("Unsure whether she had a fever.", {"Fever": HEDGED_PRESENT}),
        ("Negative for fever, positive for cough.", {"Fever": ABSENT, "Cough": PRESENT}),
        ("r/o meningitis", {"Meningitis": HEDGED_PRESENT}),
        ("Mother has no concerns about a rash.", {"Skin rash": ABSENT}),
        ("Worried about meningitis.", {"Meningitis": HEDGED_PRESENT}),
    ],
)
def test_hypotheticals_and_more(
    states: Callable[[str], States], text: str, expected: States
) -> None:
    assert states(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ", and" with a new subject and its verb ends the scope (NegEx/ConText end a
        # scope at a conjunction that starts a new clause).
        (
            "There is no rash, and the pain matches what is seen.",
            {"Skin rash": ABSENT, "Pain": PRESENT},
        ),
        ("No fever, and the headache is worse today.", {"Fever": ABSENT, "Headache": PRESENT}),
        ("No cough and I have a headache.", {"Cough": ABSENT, "Headache": PRESENT}),
        ("No cough, and yesterday I had a fever.", {"Cough": ABSENT, "Fever": PRESENT}),
        (
            "No rash, and the chest pain settles with rest.",
            {"Skin rash": ABSENT, "Chest pain": PRESENT},
        ),
        # ... but a list goes on.
        (
            "No fever, cough, and chest pain.",
            {"Fever": ABSENT, "Cough": ABSENT, "Chest pain": ABSENT},
        ),
        ("No fever, and the neck stiffness.", {"Fever": ABSENT, "Neck stiffness": ABSENT}),
        ("No fever and it is not a headache.", {"Fever": ABSENT, "Headache": ABSENT}),
        # A cause ends the scope (NegEx termination terms).
        ("No pneumonia as the cause of her fever.", {"Pneumonia": ABSENT, "Fever": PRESENT}),
        (
            "No evidence of meningitis as the source of the headache.",
            {"Meningitis": ABSENT, "Headache": PRESENT},
        ),
    ],
)
def test_new_clause_ends_the_scope(
    states: Callable[[str], States], text: str, expected: States
) -> None:
    assert states(text) == expected
