"""Bad input → LabInputError naming what is wrong and what is accepted."""

from __future__ import annotations

import math

import pytest

from carenote.labs import LabCatalogue, LabInput, LabInputError, interpret

ALP = "LOINC:6768-6"


def _run(
    catalogue: LabCatalogue,
    *,
    code: str = ALP,
    value: float = 18,
    unit: str = "U/L",
    age: float = 38,
    sex: str = "female",
    trimester: int | None = None,
) -> None:
    interpret(
        catalogue,
        LabInput(code=code, value=value, unit=unit),
        age_years=age,
        sex=sex,
        pregnancy_trimester=trimester,
    )


def test_unknown_code_lists_accepted_codes(catalogue: LabCatalogue) -> None:
    with pytest.raises(
        LabInputError, match=r"unknown lab code 'LOINC:9999-9'.*LOINC:6768-6 \(ALP\)"
    ):
        _run(catalogue, code="LOINC:9999-9")


def test_incompatible_unit_lists_accepted_units(catalogue: LabCatalogue) -> None:
    with pytest.raises(LabInputError, match=r"unit 'mg/dL' is not accepted.*accepted: U/L, ukat/L"):
        _run(catalogue, unit="mg/dL")


def test_mass_unit_for_divalent_ion_in_meq_is_refused(catalogue: LabCatalogue) -> None:
    with pytest.raises(LabInputError, match="accepted: mg/dL, mmol/L"):
        _run(catalogue, code="LOINC:17861-6", value=4.5, unit="mEq/L")


@pytest.mark.parametrize("value", [-1.0, math.nan, math.inf])
def test_negative_or_non_finite_value(catalogue: LabCatalogue, value: float) -> None:
    with pytest.raises(LabInputError, match="not possible; give a number of 0 or more"):
        _run(catalogue, value=value)


@pytest.mark.parametrize(
    ("code", "value", "unit"),
    [
        (ALP, 50000, "U/L"),
        (ALP, 1000, "ukat/L"),
        ("LOINC:2823-3", 40, "mmol/L"),
        ("LOINC:718-7", 140, "g/dL"),
    ],
)
def test_absurd_value_rejected(catalogue: LabCatalogue, code: str, value: float, unit: str) -> None:
    with pytest.raises(LabInputError, match="outside the plausible range"):
        _run(catalogue, code=code, value=value, unit=unit, age=40)


@pytest.mark.parametrize("age", [-0.1, 130.5, math.nan])
def test_impossible_age(catalogue: LabCatalogue, age: float) -> None:
    with pytest.raises(LabInputError, match="impossible; give an age from 0 to 130 years"):
        _run(catalogue, age=age)


def test_unknown_sex(catalogue: LabCatalogue) -> None:
    with pytest.raises(LabInputError, match="unknown sex 'other'; accepted: female, male"):
        _run(catalogue, sex="other")


def test_bad_trimester(catalogue: LabCatalogue) -> None:
    with pytest.raises(LabInputError, match="give 1, 2 or 3"):
        _run(catalogue, trimester=4)


def test_trimester_for_male(catalogue: LabCatalogue) -> None:
    with pytest.raises(LabInputError, match="pregnancy trimester was given for sex male"):
        _run(catalogue, sex="male", trimester=2)


def test_no_catalogue_interval_for_a_child_asks_for_the_lab_range(
    catalogue: LabCatalogue,
) -> None:
    with pytest.raises(LabInputError, match="no interval for a male aged 5 years.*own reference"):
        _run(catalogue, code="LOINC:2777-1", value=5, unit="mg/dL", age=5, sex="male")


def test_assay_specific_lab_without_range(catalogue: LabCatalogue) -> None:
    with pytest.raises(LabInputError, match="assay-specific"):
        _run(catalogue, code="LOINC:31017-7", value=3, unit="U/mL")


def test_laboratory_range_in_an_unaccepted_unit(catalogue: LabCatalogue) -> None:
    from carenote.labs import ReferenceRange

    bad = ReferenceRange(low=1, high=2, unit="mg/dL", applies_to="x", source="lab")
    with pytest.raises(LabInputError, match="reference-range unit 'mg/dL' is not accepted"):
        interpret(
            catalogue,
            LabInput(code=ALP, value=18, unit="U/L", reference_range=bad),
            age_years=38,
            sex="female",
        )
