"""Unit conversion through UCUM: enzymes, mass↔molar via molar mass, counts, HbA1c."""

from __future__ import annotations

import pytest

from carenote.labs import LabCatalogue, LabInput, ReferenceRange, interpret


def _in_range_unit(catalogue: LabCatalogue, code: str, value: float, unit: str) -> float:
    result = interpret(
        catalogue, LabInput(code=code, value=value, unit=unit), age_years=40, sex="female"
    )
    return result.value_in_range_unit


@pytest.mark.parametrize(
    ("code", "value", "unit", "expected"),
    [
        # 1 U/L = 1 µmol/min/L = 0.016667 µkat/L (research notes §1)
        ("LOINC:6768-6", 1.0, "ukat/L", 60.0),
        ("LOINC:6768-6", 0.5, "µkat/L", 30.0),
        ("LOINC:6768-6", 0.5, "μkat/L", 30.0),
        ("LOINC:6768-6", 40, "IU/L", 40.0),
        ("LOINC:6768-6", 40, "iu/L", 40.0),
        # "u/L" must mean enzyme units, never atomic mass units per litre
        ("LOINC:6768-6", 40, "u/L", 40.0),
        # calcium 40.078 g/mol: 2.5 mmol/L = 10.02 mg/dL
        ("LOINC:17861-6", 2.5, "mmol/L", 10.0195),
        ("LOINC:2000-8", 2.5, "mmol/L", 10.0195),
        # PLP 247.14 g/mol: 10 µg/L = 40.46 nmol/L (≈ 4.05 per µg/L, research notes §2)
        ("LOINC:62236-5", 10, "ug/L", 40.4629),
        ("LOINC:62236-5", 10, "mcg/L", 40.4629),
        # creatinine 113.12 g/mol: 88.4 µmol/L ≈ 1.0 mg/dL
        ("LOINC:2160-0", 88.4, "umol/L", 1.0),
        ("LOINC:2345-7", 5.5, "mmol/L", 99.0858),
        ("LOINC:1751-7", 40, "g/L", 4.0),
        ("LOINC:718-7", 130, "g/L", 13.0),
        ("LOINC:777-3", 250, "x10^3/uL", 250.0),
        ("LOINC:777-3", 250, "/nL", 250.0),
        ("LOINC:3016-3", 2.0, "mIU/L", 2.0),
        ("LOINC:3016-3", 2.0, "uIU/mL", 2.0),
        ("LOINC:2823-3", 4.0, "mEq/L", 4.0),
        ("LOINC:62292-8", 50, "nmol/L", 20.032),
        ("LOINC:1975-2", 17.1, "umol/L", 0.99977),
        # HbA1c master equation (Hoelzel 2004): 48 mmol/mol = 6.54 %
        ("LOINC:4548-4", 48, "mmol/mol", 6.54304),
        ("LOINC:4548-4", 6.5, "%", 6.5),
        ("LOINC:6301-6", 1.0, "{INR}", 1.0),
        ("LOINC:6301-6", 1.0, "ratio", 1.0),
    ],
)
def test_conversion_to_canonical_unit(
    catalogue: LabCatalogue, code: str, value: float, unit: str, expected: float
) -> None:
    assert _in_range_unit(catalogue, code, value, unit) == pytest.approx(expected, rel=1e-4)


def test_unit_is_reported_in_ucum(catalogue: LabCatalogue) -> None:
    result = interpret(
        catalogue,
        LabInput(code="LOINC:6768-6", value=40, unit="IU/L"),
        age_years=40,
        sex="female",
    )
    assert result.unit == "U/L"


def test_value_converted_into_the_laboratory_range_unit(catalogue: LabCatalogue) -> None:
    lab_range = ReferenceRange(
        low=0.58, high=1.74, unit="ukat/L", applies_to="adults", source="reported by the lab"
    )
    result = interpret(
        catalogue,
        LabInput(code="LOINC:6768-6", value=18, unit="U/L", reference_range=lab_range),
        age_years=40,
        sex="female",
    )
    assert result.value_in_range_unit == pytest.approx(0.3, rel=1e-4)
    assert result.reference_range.unit == "ukat/L"
    assert result.interpretation == "L"


def test_calcium_low_in_mmol_matches_low_in_mg(catalogue: LabCatalogue) -> None:
    mmol = interpret(
        catalogue,
        LabInput(code="LOINC:2000-8", value=1.9, unit="mmol/L"),
        age_years=40,
        sex="male",
    )
    assert mmol.interpretation == "L"
    assert mmol.code == "LOINC:2000-8"
    assert mmol.finding == "HP:0002901"



def test_a_glucose_of_unknown_timing_is_read_as_random_and_a_fasting_one_as_fasting(
    catalogue: LabCatalogue,
) -> None:
    # 5.8 mmol/L is normal for a random sample, impaired for a fasting one (ADA).
    for code, expected in (("LOINC:2345-7", "N"), ("LOINC:1558-6", "H")):
        lab = LabInput(code=code, value=5.8, unit="mmol/L")
        assert interpret(catalogue, lab, age_years=40, sex="male").interpretation == expected
