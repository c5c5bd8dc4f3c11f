"""Patterns across labs: the rule registry and interpret_panel()."""

from __future__ import annotations

from carenote.labs import (
    LabCatalogue,
    LabInput,
    PanelResult,
    interpret_panel,
    pattern_rule,
)
from carenote.labs.patterns import BUILTIN_RULES, Outcome, Results

CONTAMINATION = "carenote:lab_pattern_sample_contamination"


def _panel(catalogue: LabCatalogue, *labs: tuple[str, float, str]) -> PanelResult:
    inputs = [LabInput(code=code, value=value, unit=unit) for code, value, unit in labs]
    return interpret_panel(catalogue, inputs, 52, "female")


ALP_LOW = ("LOINC:6768-6", 9, "U/L")
K_HIGH = ("LOINC:2823-3", 7.4, "mmol/L")
CA_LOW = ("LOINC:17861-6", 1.2, "mmol/L")
MG_LOW = ("LOINC:19123-9", 0.4, "mmol/L")
K_NORMAL = ("LOINC:2823-3", 4.1, "mmol/L")
CA_NORMAL = ("LOINC:17861-6", 9.4, "mg/dL")


def test_contamination_fires_on_the_pattern(catalogue: LabCatalogue) -> None:
    panel = _panel(catalogue, ALP_LOW, K_HIGH, CA_LOW)
    assert [hit.name for hit in panel.patterns] == ["sample_contamination"]
    assert CONTAMINATION in panel.present_findings
    assert CONTAMINATION not in panel.absent_findings
    assert "EDTA contamination" in panel.notes[0]
    assert "Repeat the blood draw" in panel.notes[0]
    assert "Cornes" in panel.patterns[0].source


def test_contamination_fires_with_magnesium_instead_of_calcium(catalogue: LabCatalogue) -> None:
    panel = _panel(catalogue, ALP_LOW, K_HIGH, MG_LOW)
    assert CONTAMINATION in panel.present_findings
    assert "low magnesium" in panel.notes[0]


def test_isolated_low_alp_does_not_fire(catalogue: LabCatalogue) -> None:
    panel = _panel(catalogue, ALP_LOW)
    assert panel.patterns == []
    assert CONTAMINATION not in panel.present_findings
    assert CONTAMINATION not in panel.absent_findings  # not evaluable without K and Ca/Mg/Zn
    assert "HP:0003282" in panel.present_findings


def test_low_alp_with_normal_potassium_and_calcium_is_evidence_against(
    catalogue: LabCatalogue,
) -> None:
    panel = _panel(catalogue, ALP_LOW, K_NORMAL, CA_NORMAL)
    assert panel.patterns == []
    assert CONTAMINATION in panel.absent_findings


def test_high_potassium_with_normal_calcium_does_not_fire(catalogue: LabCatalogue) -> None:
    panel = _panel(catalogue, ALP_LOW, K_HIGH, CA_NORMAL)
    assert CONTAMINATION not in panel.present_findings


def test_wilson_acute_liver_failure_ratios(catalogue: LabCatalogue) -> None:
    panel = _panel(
        catalogue,
        ("LOINC:6768-6", 30, "U/L"),
        ("LOINC:1975-2", 250, "umol/L"),  # 14.6 mg/dL → ALP/bilirubin ≈ 2
        ("LOINC:1920-8", 600, "U/L"),
        ("LOINC:1742-6", 200, "U/L"),
    )
    assert "carenote:lab_pattern_wilson_alf" in panel.present_findings
    assert "Korman 2008" in panel.notes[-1]


def test_bad_lab_becomes_a_warning(catalogue: LabCatalogue) -> None:
    panel = _panel(catalogue, ALP_LOW, ("LOINC:2823-3", 4, "mg/dL"))
    assert len(panel.labs) == 1
    assert "not accepted for Potassium" in panel.warnings[0]


def test_custom_rule_uses_the_same_hook(catalogue: LabCatalogue) -> None:
    @pattern_rule(name="always", finding="carenote:test_finding", source="cornes2008_edta")
    def always(results: Results) -> Outcome:
        return Outcome(True, f"{len(results)} labs")

    panel = interpret_panel(
        catalogue,
        [LabInput(code="LOINC:6768-6", value=9, unit="U/L")],
        52,
        "female",
        rules=(*BUILTIN_RULES, always),
    )
    assert panel.patterns[-1].finding == "carenote:test_finding"
    assert panel.notes[-1] == "1 labs"
