"""Lab values named through the lab catalogue's names, with lightly normalised units."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from carenote.text import ParseResult
from carenote.text.labs import normalise_unit


@pytest.mark.parametrize(
    ("text", "code", "value", "unit"),
    [
        ("ALT of 6498 units/L", "LOINC:1742-6", 6498, "U/L"),
        ("ALP 18 U/L", "LOINC:6768-6", 18, "U/L"),
        ("alkaline phosphatase was low at 18 IU/L", "LOINC:6768-6", 18, "U/L"),
        ("potassium 6.1 mmol/L", "LOINC:2823-3", 6.1, "mmol/L"),
        ("a serum potassium level of 2.9 mmol/l", "LOINC:2823-3", 2.9, "mmol/L"),
        ("K 6.1 mmol/L", "LOINC:2823-3", 6.1, "mmol/L"),
        ("total bilirubin of 5.6 mg/dL", "LOINC:1975-2", 5.6, "mg/dL"),
        ("bilirubin 96 µmol/L", "LOINC:1975-2", 96, "umol/L"),
        ("haemoglobin 7.2 g/dL", "LOINC:718-7", 7.2, "g/dL"),
        ("hemoglobin of 72 g/L", "LOINC:718-7", 72, "g/L"),
        ("Hb: 7.2 g/dl", "LOINC:718-7", 7.2, "g/dL"),
        ("WBC 15 x 10^9/L", "LOINC:6690-2", 15, "10*9/L"),
        ("white cell count 15.2 ×10⁹/L", "LOINC:6690-2", 15.2, "10*9/L"),
        ("WBC 15.2 K/uL", "LOINC:6690-2", 15.2, "10*3/uL"),
        ("sodium 128 mEq/L", "LOINC:2951-2", 128, "meq/L"),
    ],
)
def test_labs_with_units(
    run: Callable[[str], ParseResult], text: str, code: str, value: float, unit: str
) -> None:
    result = run(text)
    assert [(lab.code, lab.value, lab.unit) for lab in result.labs] == [(code, value, unit)]
    lab = result.labs[0]
    assert text[lab.span[0] : lab.span[1]] == lab.text
    assert text.endswith(lab.text)  # the unit belongs to the mention
    assert not result.warnings


@pytest.mark.parametrize(
    ("text", "code", "value"),
    [("INR of 6.8", "LOINC:6301-6", 6.8), ("WBC 15,000.", "LOINC:6690-2", 15000)],
)
def test_labs_without_units_warn(
    run: Callable[[str], ParseResult], text: str, code: str, value: float
) -> None:
    result = run(text)
    assert [(lab.code, lab.value, lab.unit) for lab in result.labs] == [(code, value, "")]
    assert len(result.warnings) == 1
    assert code in result.warnings[0]


def test_several_labs_in_one_sentence(run: Callable[[str], ParseResult]) -> None:
    text = "Labs: ALT of 6498 units/L, ALP 18 U/L, potassium 6.1 mmol/L and INR of 6.8."
    result = run(text)
    assert [(lab.code, lab.value) for lab in result.labs] == [
        ("LOINC:1742-6", 6498),
        ("LOINC:6768-6", 18),
        ("LOINC:2823-3", 6.1),
        ("LOINC:6301-6", 6.8),
    ]
    assert [lab.text for lab in result.labs] == [
        "ALT of 6498 units/L",
        "ALP 18 U/L",
        "potassium 6.1 mmol/L",
        "INR of 6.8",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ALT was checked.",
        "potassium supplements",
        "ALT, 3 days later",
        "K is normal",
    ],
)
def test_a_lab_name_without_a_value_is_not_a_lab(
    run: Callable[[str], ParseResult], text: str
) -> None:
    assert run(text).labs == []


@pytest.mark.parametrize(
    ("raw", "unit"),
    [
        ("units/L", "U/L"),
        ("IU/L", "U/L"),
        ("u/l", "U/L"),
        ("mmol/l", "mmol/L"),
        ("mg/dl", "mg/dL"),
        ("µmol/L", "umol/L"),
        ("x10^9/L", "10*9/L"),
        ("cells/mm3", "/mm3"),
        ("ng/ml", "ng/mL"),
        ("%", "%"),
        ("mm/hr", "mm/h"),
        ("mL/min/1.73 m2", "mL/min/{1.73_m2}"),
        ("IU/mL", "[IU]/mL"),
        ("mIU/L", "m[IU]/L"),
        ("g/l", "g/L"),
    ],
)
def test_unit_normalisation(raw: str, unit: str) -> None:
    assert normalise_unit(raw) == unit
