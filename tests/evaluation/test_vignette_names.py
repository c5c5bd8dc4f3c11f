"""How the vignette scorer decides that a ranked condition is the gold diagnosis."""

from __future__ import annotations

import pytest

from carenote.evaluation.vignettes import acceptable_names, names_match


def test_alternatives_in_a_gold_diagnosis_are_split() -> None:
    names = acceptable_names("Asthma (or acute asthma, status asthmaticus)")
    # "acute" and other qualifiers are dropped before matching
    assert names == ["asthma", "asthma", "status asthmaticus"]


@pytest.mark.parametrize(
    ("labels", "gold"),
    [
        (("Aphthous ulcers", "canker sores"), "Canker sore"),  # plural vs singular
        (("Acute otitis media",), "Otitis media"),  # gold inside the name
        (("Anaemia",), "anemia"),  # British vs American spelling
        (("Sepsis",), "Sepsis"),  # a final s that is not a plural stays
    ],
)
def test_names_that_match(labels: tuple[str, ...], gold: str) -> None:
    assert names_match(labels, acceptable_names(gold))


@pytest.mark.parametrize(
    ("labels", "gold"),
    [
        (("Gastritis",), "Gastroenteritis"),  # a substring is not a whole word
        (("Cold sores",), "Canker sore"),  # sharing "sore" is not enough
        (("Sepsi",), "Sepsis"),  # "sepsis" is not read as a plural
    ],
)
def test_names_that_do_not_match(labels: tuple[str, ...], gold: str) -> None:
    assert not names_match(labels, acceptable_names(gold))
