"""interpret(): range choice, interpretation codes, findings, deviation, notes."""

from __future__ import annotations

import time

import pytest

from carenote.labs import LabCatalogue, LabInput, LabResult, ReferenceRange, interpret

ALP = "LOINC:6768-6"


def _alp(catalogue: LabCatalogue, value: float, age: float = 38, sex: str = "female") -> LabResult:
    return interpret(catalogue, LabInput(code=ALP, value=value, unit="U/L"), age_years=age, sex=sex)


def test_contract_example_low_alp(catalogue: LabCatalogue) -> None:
    result = _alp(catalogue, 18)
    assert result.interpretation == "L"
    assert (result.reference_range.low, result.reference_range.high) == (35, 104)
    assert result.reference_range.applies_to == "female, 17 years and over"
    assert result.deviation == "49% below the lower limit"
    assert result.fraction_of_limit == pytest.approx(18 / 35, abs=1e-3)
    assert result.finding == "HP:0003282"
    assert result.present_findings == ["HP:0003282", "carenote:alp_very_low"]
    assert result.absent_findings == ["HP:0003155"]


def test_low_but_not_very_low_marks_very_low_absent(catalogue: LabCatalogue) -> None:
    result = _alp(catalogue, 30)
    assert result.present_findings == ["HP:0003282"]
    assert "carenote:alp_very_low" in result.absent_findings


def test_exactly_25_is_not_very_low(catalogue: LabCatalogue) -> None:
    assert "carenote:alp_very_low" in _alp(catalogue, 25).absent_findings
    assert "carenote:alp_very_low" in _alp(catalogue, 24.9).present_findings


def test_very_low_grade_is_for_adults_only(catalogue: LabCatalogue) -> None:
    child = _alp(catalogue, 20, age=8)
    assert child.interpretation == "L"
    assert "carenote:alp_very_low" not in child.present_findings + child.absent_findings


def test_normal_result_lists_abnormal_findings_as_absent(catalogue: LabCatalogue) -> None:
    result = _alp(catalogue, 70)
    assert result.interpretation == "N"
    assert result.finding is None
    assert result.deviation == "within the reference range"
    assert result.fraction_of_limit is None
    assert set(result.absent_findings) == {"HP:0003282", "HP:0003155", "carenote:alp_very_low"}


def test_high_alp_notes_asfotase(catalogue: LabCatalogue) -> None:
    result = _alp(catalogue, 208)
    assert result.interpretation == "H"
    assert result.deviation == "100% above the upper limit"
    assert result.finding == "HP:0003155"
    assert any("Asfotase alfa" in note for note in result.notes)


def test_limits_are_inclusive(catalogue: LabCatalogue) -> None:
    assert _alp(catalogue, 35).interpretation == "N"
    assert _alp(catalogue, 104).interpretation == "N"
    assert _alp(catalogue, 34.9).deviation == "just below the lower limit"


def test_alp_never_critical(catalogue: LabCatalogue) -> None:
    assert _alp(catalogue, 0).interpretation == "L"
    assert _alp(catalogue, 5000).interpretation == "H"


def test_laboratory_range_wins(catalogue: LabCatalogue) -> None:
    lab_range = ReferenceRange(
        low=20, high=100, unit="U/L", applies_to="adults", source="reported by the laboratory"
    )
    result = interpret(
        catalogue,
        LabInput(code=ALP, value=30, unit="U/L", reference_range=lab_range),
        age_years=38,
        sex="female",
    )
    assert result.interpretation == "N"
    assert result.reference_range.source == "reported by the laboratory"
    assert (result.reference_range.low, result.reference_range.high) == (20, 100)


def test_laboratory_range_without_limits_falls_back_to_catalogue(
    catalogue: LabCatalogue,
) -> None:
    empty = ReferenceRange(unit="U/L", applies_to="x", source="reported by the laboratory")
    result = interpret(
        catalogue,
        LabInput(code=ALP, value=30, unit="U/L", reference_range=empty),
        age_years=38,
        sex="female",
    )
    assert result.reference_range.low == 35


@pytest.mark.parametrize(
    ("value", "code"), [(2.5, "LL"), (3.0, "L"), (4.2, "N"), (5.6, "H"), (6.8, "HH")]
)
def test_potassium_critical_limits(catalogue: LabCatalogue, value: float, code: str) -> None:
    result = interpret(
        catalogue,
        LabInput(code="LOINC:2823-3", value=value, unit="mmol/L"),
        age_years=50,
        sex="male",
    )
    assert result.interpretation == code
    assert (code in ("LL", "HH")) == any("critical limit" in note for note in result.notes)
    if code in ("H", "HH"):
        assert result.finding == "HP:0002153"
        assert any("EDTA" in note for note in result.notes)


def test_estimated_interval_is_flagged(catalogue: LabCatalogue) -> None:
    result = interpret(
        catalogue, LabInput(code="LOINC:2823-3", value=4, unit="mmol/L"), age_years=50, sex="male"
    )
    assert any("expert estimate" in note for note in result.notes)


def test_sex_specific_adult_interval(catalogue: LabCatalogue) -> None:
    def crea(sex: str) -> str:
        return interpret(
            catalogue,
            LabInput(code="LOINC:2160-0", value=1.2, unit="mg/dL"),
            age_years=50,
            sex=sex,
        ).interpretation

    assert (crea("male"), crea("female")) == ("N", "H")


def test_assay_specific_lab_uses_the_laboratory_cut_off(catalogue: LabCatalogue) -> None:
    lab_range = ReferenceRange(
        high=7, unit="U/mL", applies_to="negative below 7", source="reported by the laboratory"
    )
    result = interpret(
        catalogue,
        LabInput(code="LOINC:31017-7", value=120, unit="U/mL", reference_range=lab_range),
        age_years=30,
        sex="female",
    )
    assert result.interpretation == "H"
    assert result.finding == "HP:0033563"


def test_interpret_is_fast_after_loading(catalogue: LabCatalogue) -> None:
    lab = LabInput(code=ALP, value=18, unit="U/L")
    start = time.perf_counter()
    for _ in range(1000):
        interpret(catalogue, lab, age_years=38, sex="female")
    per_call = (time.perf_counter() - start) / 1000
    assert per_call < 0.002  # measured ~40 µs on the build machine


@pytest.mark.parametrize(("code", "label"), [("", "Alkaline phosphatase"), ("alk phos", None)])
def test_lab_found_by_label_when_code_is_missing(
    catalogue: LabCatalogue, code: str, label: str | None
) -> None:
    result = interpret(
        catalogue,
        LabInput(code=code, value=18, unit="U/L", label=label),
        age_years=38,
        sex="female",
    )
    assert result.code == ALP
    assert result.interpretation == "L"
