"""Every ALP reference band at its edges (CALIPER/Roche, adult Roche, pregnancy)."""

from __future__ import annotations

import pytest

from carenote.labs import LabCatalogue, LabInput, interpret

DAY = 1 / 365.25
EPS = 1e-6


def _range(
    catalogue: LabCatalogue, age: float, sex: str, trimester: int | None = None
) -> tuple[float | None, float | None, str]:
    result = interpret(
        catalogue,
        LabInput(code="LOINC:6768-6", value=100, unit="U/L"),
        age_years=age,
        sex=sex,
        pregnancy_trimester=trimester,
    )
    rng = result.reference_range
    return rng.low, rng.high, rng.applies_to


BOTH_SEXES = [
    (0.0, 83, 248),
    (15 * DAY - EPS, 83, 248),
    (15 * DAY, 122, 469),
    (1 - EPS, 122, 469),
    (1.0, 142, 335),
    (10 - EPS, 142, 335),
    (10.0, 129, 417),
    (13 - EPS, 129, 417),
]


@pytest.mark.parametrize("sex", ["female", "male"])
@pytest.mark.parametrize(("age", "low", "high"), BOTH_SEXES)
def test_shared_paediatric_bands(
    catalogue: LabCatalogue, sex: str, age: float, low: float, high: float
) -> None:
    assert _range(catalogue, age, sex)[:2] == (low, high)


@pytest.mark.parametrize(
    ("age", "sex", "low", "high", "applies"),
    [
        (13.0, "male", 116, 468, "male, 13 to <15 years (CALIPER)"),
        (13.0, "female", 57, 254, "female, 13 to <15 years (CALIPER)"),
        (15 - EPS, "male", 116, 468, "male, 13 to <15 years (CALIPER)"),
        (15 - EPS, "female", 57, 254, "female, 13 to <15 years (CALIPER)"),
        (15.0, "male", 82, 331, "male, 15 to <17 years (CALIPER)"),
        (15.0, "female", 50, 117, "female, 15 to <17 years (CALIPER)"),
        (17 - EPS, "male", 82, 331, "male, 15 to <17 years (CALIPER)"),
        (17 - EPS, "female", 50, 117, "female, 15 to <17 years (CALIPER)"),
        (17.0, "male", 55, 149, "male, 17 to <19 years (CALIPER)"),
        (17.0, "female", 35, 104, "female, 17 years and over"),
        (19 - EPS, "male", 55, 149, "male, 17 to <19 years (CALIPER)"),
        (19.0, "male", 40, 129, "male, 19 years and over"),
        (38.0, "female", 35, 104, "female, 17 years and over"),
        (130.0, "male", 40, 129, "male, 19 years and over"),
    ],
)
def test_sex_specific_bands(
    catalogue: LabCatalogue, age: float, sex: str, low: float, high: float, applies: str
) -> None:
    assert _range(catalogue, age, sex) == (low, high, applies)


def test_age_15_days_band_label(catalogue: LabCatalogue) -> None:
    assert _range(catalogue, 15 * DAY, "female")[2] == "15 days to <1 year (CALIPER)"


@pytest.mark.parametrize(("trimester", "low", "high"), [(1, 17, 88), (2, 25, 126), (3, 38, 229)])
def test_pregnancy_trimesters(
    catalogue: LabCatalogue, trimester: int, low: float, high: float
) -> None:
    lo, hi, applies = _range(catalogue, 30, "female", trimester)
    assert (lo, hi) == (low, high)
    assert "Abbassi-Ghanavati 2009" in applies


def test_third_trimester_low_value_is_abnormal_with_placental_note(
    catalogue: LabCatalogue,
) -> None:
    result = interpret(
        catalogue,
        LabInput(code="LOINC:6768-6", value=30, unit="U/L"),
        age_years=30,
        sex="female",
        pregnancy_trimester=3,
    )
    assert result.interpretation == "L"
    assert any("third trimester is abnormal" in note for note in result.notes)


def test_same_value_normal_in_first_trimester(catalogue: LabCatalogue) -> None:
    result = interpret(
        catalogue,
        LabInput(code="LOINC:6768-6", value=30, unit="U/L"),
        age_years=30,
        sex="female",
        pregnancy_trimester=1,
    )
    assert result.interpretation == "N"


def test_pregnant_adolescent_falls_back_to_paediatric_band_with_note(
    catalogue: LabCatalogue,
) -> None:
    result = interpret(
        catalogue,
        LabInput(code="LOINC:6768-6", value=60, unit="U/L"),
        age_years=16,
        sex="female",
        pregnancy_trimester=2,
    )
    assert result.reference_range.applies_to == "female, 15 to <17 years (CALIPER)"
    assert any("No pregnancy-specific interval" in note for note in result.notes)


def test_every_band_cites_its_source(catalogue: LabCatalogue) -> None:
    assert "Estey" in _range_source(catalogue, 5)
    assert "Mayo" in _range_source(catalogue, 40)


def _range_source(catalogue: LabCatalogue, age: float) -> str:
    result = interpret(
        catalogue,
        LabInput(code="LOINC:6768-6", value=100, unit="U/L"),
        age_years=age,
        sex="male",
    )
    return result.reference_range.source
