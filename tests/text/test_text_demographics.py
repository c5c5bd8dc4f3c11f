"""Age and sex from the way cases are usually opened."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from carenote.text import ParseResult


@pytest.mark.parametrize(
    ("text", "age", "sex"),
    [
        ("A 48-year-old woman presents with fever.", 48.0, "female"),
        # First person and parents, as people type into a symptom check.
        ("I'm 14 and woke up with pain in my left testicle.", 14.0, None),
        ("I am 42, and my back hurts.", 42.0, None),
        ("Im 23 and have a rash.", 23.0, None),
        ("I'm fourteen and feel sick.", 14.0, None),
        ("My son is 3 and has a fever.", 3.0, "male"),
        ("My daughter, 6, has a rash.", 6.0, "female"),
        ("My husband is 58 and has chest pain.", 58.0, "male"),
        ("I'm 5 weeks pregnant and bleeding.", None, "female"),  # a gestation, not an age
        ("I'm a 29-year-old woman with burning when I pee.", 29.0, "female"),
        # The baby a mother feeds is not the one the story is about.
        ("I'm breastfeeding my 3-week-old and my breast is red.", None, None),
        ("My 3-week-old has a fever.", 3 * 7 / 365.25, None),
        ("I am an anxious person.", None, None),
        ("My son is a bit hot.", None, None),  # "a" is no age
        ("I'm 70 kg and 1.8 m tall.", None, None),
        ("I'm 100% sure it is a sprain.", None, None),
        ("A 12-year-old girl with a rash.", 12.0, "female"),
        ("A 7-month-old boy is brought in.", 7 / 12, "male"),
        ("a 3 day old with jaundice", 3 / 365.25, None),
        ("A man in his 60s has chest pain.", 65.0, "male"),
        ("A woman in her early 30s.", 32.0, "female"),
        ("A man in his late sixties.", 68.0, "male"),
        ("68 yo M with cough", 68.0, "male"),
        ("68M, chest pain", 68.0, "male"),
        ("45 y/o F", 45.0, "female"),
        ("A two-year-old boy", 2.0, "male"),
        ("A 6-week-old girl", 6 * 7 / 365.25, "female"),
        ("Age: 45. Mr. Smith has a cough.", 45.0, "male"),
        ("Aged 70, she reports breathlessness.", 70.0, "female"),
        ("A 30 year old pregnant patient", 30.0, "female"),
        ("A father brings his 5-year-old daughter.", 5.0, "female"),
        ("A newborn girl", 0.0, "female"),
        ("A 25-year-old previously healthy man", 25.0, "male"),
        ("The patient is 45 years of age, female.", 45.0, "female"),
        ("A 45-yo man", 45.0, "male"),
        ("An 80 yr old lady", 80.0, "female"),
    ],
)
def test_age_and_sex(
    run: Callable[[str], ParseResult], text: str, age: float, sex: str | None
) -> None:
    result = run(text)
    assert result.age_years == pytest.approx(age, abs=1e-3)
    assert result.sex == sex


def test_pronouns_are_a_weak_fallback_with_a_warning(run: Callable[[str], ParseResult]) -> None:
    result = run("She has had a cough for a week and her chest hurts.")
    assert result.sex == "female"
    assert any("pronouns" in w for w in result.warnings)
    assert run("He has a cough and his chest hurts.").sex == "male"
    assert run("The patient has a cough.").sex is None


def test_a_stated_sex_beats_pronouns(run: Callable[[str], ParseResult]) -> None:
    result = run("A 40-year-old man. His wife says she noticed he was confused; she called us.")
    assert result.sex == "male"
    assert not any("pronouns" in w for w in result.warnings)


def test_pregnant_means_female(run: Callable[[str], ParseResult]) -> None:
    assert run("A 28-year-old, 30 weeks pregnant, with headache.").sex == "female"


def test_the_age_of_a_past_event_is_not_the_age(run: Callable[[str], ParseResult]) -> None:
    result = run("Diagnosed with hypertension at the age of 30.")
    assert result.age_years is None


def test_an_approximate_age_says_so(run: Callable[[str], ParseResult]) -> None:
    result = run("A man in his 60s.")
    assert any("estimated" in w for w in result.warnings)


def test_no_age_no_sex(run: Callable[[str], ParseResult]) -> None:
    result = run("Cough and fever.")
    assert result.age_years is None
    assert result.sex is None


def test_a_baby_or_toddler_without_an_age_gets_a_typical_age() -> None:
    from carenote.text.demographics import find_demographics

    baby = find_demographics("My baby is breathing fast and grunting.")
    assert baby.age_years == 0.5 and any("guessed" in w for w in baby.warnings)
    assert find_demographics("The toddler has a fever.").age_years == 2.0
    assert find_demographics("My 3-year-old has a fever. My baby is fine.").age_years == 3.0
    assert find_demographics("I am 30 weeks pregnant and my baby is moving less.").age_years != 0.5
