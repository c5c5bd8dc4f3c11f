"""Loader errors name file and field; check_catalogue finds gaps, overlaps, bad ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from carenote.labs import CatalogueError, LabCatalogue, check_catalogue, load_catalogue
from carenote.labs.check import hpo_obo_path, read_finding_ids, read_hpo_ids

KNOWLEDGE = Path(__file__).resolve().parents[2] / "src" / "carenote" / "knowledge"

SOURCE = """
sources:
  - id: test_source
    kind: expert_opinion
    citation: "Test source for the unit tests of the lab catalogue."
    year: 2026
"""


def _lab(intervals: str, extra: str = "") -> str:
    return f"""
labs:
  - code: LOINC:6768-6
    name: Alkaline phosphatase
    unit: U/L
    plausible: [0, 20000]
    low_finding: HP:0003282
{extra}
    intervals:
{intervals}
"""


def _write(tmp_path: Path, text: str, name: str = "a.yaml") -> Path:
    (tmp_path / name).write_text(SOURCE + text if name == "a.yaml" else text, encoding="utf-8")
    return tmp_path


BAND = (
    "      - {{min_age: {lo}, {hi} low: 1, high: 2, applies_to: band {lo}, "
    "source: test_source, estimate: true}}"
)


def _band(lo: str, hi: str | None) -> str:
    return BAND.format(lo=lo, hi=f"max_age: {hi}," if hi else "")


def test_shipped_catalogue_is_sound(catalogue: LabCatalogue) -> None:
    findings = read_finding_ids(KNOWLEDGE / "findings")
    assert check_catalogue(catalogue, finding_ids=findings) == []


def test_shipped_lab_findings_are_current_hpo_terms() -> None:
    hpo = read_hpo_ids(hpo_obo_path())
    defined = read_finding_ids(KNOWLEDGE / "findings" / "labs.yaml")
    assert {f for f in defined if f.startswith("HP:")} <= hpo


def test_validation_error_names_file_and_field(tmp_path: Path) -> None:
    _write(tmp_path, _lab(_band("0d", None)).replace("plausible: [0, 20000]", "plausible: [5, 1]"))
    with pytest.raises(CatalogueError, match=r"a\.yaml: labs\.0\.plausible"):
        load_catalogue(tmp_path)


def test_unknown_key_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path, _lab(_band("0d", None), extra="    colour: blue"))
    with pytest.raises(CatalogueError, match=r"labs\.0\.colour: Extra inputs"):
        load_catalogue(tmp_path)


def test_unconvertible_unit_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path, _lab(_band("0d", None), extra="    accepted_units: [mg/dL]"))
    with pytest.raises(CatalogueError, match=r"LOINC:6768-6: unit 'mg/dL'"):
        load_catalogue(tmp_path)


def test_duplicate_code_across_files(tmp_path: Path) -> None:
    _write(tmp_path, _lab(_band("0d", None)))
    _write(tmp_path, _lab(_band("0d", None)), name="b.yaml")
    with pytest.raises(CatalogueError, match="also defined in"):
        load_catalogue(tmp_path)


def test_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="no lab definitions"):
        load_catalogue(tmp_path)


def test_gap_between_bands(tmp_path: Path) -> None:
    bands = "\n".join([_band("0d", "1y"), _band("2y", None)])
    problems = check_catalogue(
        load_catalogue(_write(tmp_path, _lab(bands))), hpo_ids={"HP:0003282"}
    )
    assert any("gap: 1y to 2y" in p for p in problems)


def test_overlapping_bands(tmp_path: Path) -> None:
    bands = "\n".join([_band("0d", "3y"), _band("2y", None)])
    problems = check_catalogue(
        load_catalogue(_write(tmp_path, _lab(bands))), hpo_ids={"HP:0003282"}
    )
    assert any("overlap" in p for p in problems)


def test_closed_last_band(tmp_path: Path) -> None:
    problems = check_catalogue(
        load_catalogue(_write(tmp_path, _lab(_band("0d", "3y")))), hpo_ids={"HP:0003282"}
    )
    assert any("not open-ended" in p for p in problems)


def test_unknown_hpo_id_and_undefined_finding(tmp_path: Path) -> None:
    catalogue = load_catalogue(_write(tmp_path, _lab(_band("0d", None))))
    problems = check_catalogue(catalogue, hpo_ids=set(), finding_ids=set())
    assert "HP:0003282: not a current term of hp.obo" in problems
    assert any("HP:0003282: used by the lab catalogue but not defined" in p for p in problems)


def test_expert_opinion_without_estimate_flag(tmp_path: Path) -> None:
    band = _band("0d", None).replace(", estimate: true", "")
    problems = check_catalogue(load_catalogue(_write(tmp_path, _lab(band))), hpo_ids={"HP:0003282"})
    assert any("estimate: true" in p for p in problems)


def test_find_by_label(catalogue: LabCatalogue) -> None:
    for label in ("alk phos", "ALP", "Alkaline Phosphatase", "6768-6"):
        lab = catalogue.find(label)
        assert lab is not None and lab.definition.code == "LOINC:6768-6"
    assert catalogue.find("no such test") is None


def test_wrong_loinc_check_digit_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path, _lab(_band("0d", None)).replace("LOINC:6768-6", "LOINC:6768-5"))
    with pytest.raises(CatalogueError, match="wrong LOINC check digit"):
        load_catalogue(tmp_path)


def test_label_naming_two_labs(tmp_path: Path) -> None:
    second = (
        _lab(_band("0d", None))
        .replace("labs:\n", "")
        .replace("LOINC:6768-6", "LOINC:1777-2")
        .replace("name: Alkaline phosphatase", "name: Bone ALP\n    labels: [alkaline phosphatase]")
    )
    _write(tmp_path, _lab(_band("0d", None)) + second)
    problems = check_catalogue(load_catalogue(tmp_path), hpo_ids={"HP:0003282"})
    assert "label 'alkaline phosphatase' names both LOINC:6768-6 and LOINC:1777-2" in problems
