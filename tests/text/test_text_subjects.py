"""Clauses whose subject is another person (subjects.py): their findings are not the
patient's, unless the finding is itself about other people."""

from __future__ import annotations

import pytest

from carenote.text import Lexicon, LexiconEntry, parse

ENTRIES = (
    LexiconEntry("t:smoker", "Smoker", ("smoker", "smokes", "smoke")),
    LexiconEntry("t:rash", "Rash", ("rash", "skin problem")),
    LexiconEntry("t:cough", "Cough", ("cough", "coughing")),
    LexiconEntry("t:itch", "Itching", ("itchy", "itching")),
    LexiconEntry("t:asthma", "Asthma", ("asthma",)),
    LexiconEntry("t:fever", "Fever", ("fever",)),
    LexiconEntry("t:headache", "Headache", ("headache",)),
    LexiconEntry("t:nursery", "Attends nursery", ("nursery",)),
    LexiconEntry("t:others_itchy", "Others at home also itchy", ("partner itchy",)),
    LexiconEntry("t:contacts", "Sick contacts at home", ("same symptoms",)),
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_entries(ENTRIES)


def subjects(lexicon: Lexicon, text: str) -> dict[str, str]:
    """name → subject of the (last) mention of each finding."""
    return {m.name: m.subject for m in parse(text, lexicon).mentions}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Both parents smoke.", "Smoker"),
        ("Her mother smokes heavily.", "Smoker"),
        ("His father has a similar skin problem.", "Rash"),
        ("Her husband is also coughing.", "Cough"),
        ("His wife was itchy last month.", "Itching"),
        ("Several children in her class have a rash.", "Rash"),
        ("Two boys at school had a fever.", "Fever"),
        ("Her classmates have been coughing.", "Cough"),
        ("His mother's asthma is poorly controlled.", "Asthma"),
        ("Her sister and brother both have asthma.", "Asthma"),
    ],
)
def test_a_clause_about_someone_else_is_not_the_patients(
    lexicon: Lexicon, text: str, name: str
) -> None:
    assert subjects(lexicon, text) == {name: "family"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The child has a rash.", "Rash"),  # the child is the patient
        ("The boy has been coughing.", "Cough"),
        ("My husband has had a headache since noon.", "Headache"),  # told by his wife
        ("Her husband has noticed that she is coughing.", "Cough"),  # he tells the story
        ("His mother has been giving him paracetamol for the fever.", "Fever"),
        ("His mother says he has a fever.", "Fever"),
        ("Her partner is worried about her headache.", "Headache"),
        ("Brought in by his mother with a rash.", "Rash"),
        ("She, her husband and their two children all have a headache.", "Headache"),
    ],
)
def test_the_patient_stays_the_patient(lexicon: Lexicon, text: str, name: str) -> None:
    assert subjects(lexicon, text).get(name) == "patient"


def test_the_clause_ends_where_the_patient_comes_back(lexicon: Lexicon) -> None:
    found = subjects(lexicon, "Both parents smoke, and he has a cough.")
    assert found == {"Smoker": "family", "Cough": "patient"}
    found = subjects(lexicon, "Her mother has asthma; she has a fever.")
    assert found == {"Asthma": "family", "Fever": "patient"}


def test_a_group_that_is_a_finding_is_read_for_the_patient(lexicon: Lexicon) -> None:
    assert subjects(lexicon, "Several children at his nursery have a rash.")["Attends nursery"] == (
        "patient"
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Her partner is itchy too.", "Others at home also itchy"),
        ("His brother has the same symptoms.", "Sick contacts at home"),
    ],
)
def test_findings_about_other_people_are_the_patients(
    lexicon: Lexicon, text: str, name: str
) -> None:
    assert subjects(lexicon, text).get(name) == "patient"
