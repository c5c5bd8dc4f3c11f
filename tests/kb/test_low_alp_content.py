"""Content checks for the low-ALP domain of the knowledge base (YAML only, no engine).

They pin the safety-relevant choices the medicine depends on: the agreed condition ids,
age and sex exclusions, the antiresorptive caution in adult hypophosphatasia, the infant
red flags, and that every number and reference points at a defined source or finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from carenote.compiler.schema import Condition, Sex, SourceFile

KNOWLEDGE = Path(__file__).resolve().parents[2] / "src" / "carenote" / "knowledge"

#: Agreed ids (helpers/low_alp_ids.md): every one must exist, no more, no fewer.
AGREED_IDS = {
    "hypophosphatasia_perinatal", "hypophosphatasia_infantile", "hypophosphatasia_childhood",
    "hypophosphatasia_adult", "odontohypophosphatasia", "zinc_deficiency",
    "magnesium_deficiency", "protein_energy_malnutrition", "hypothyroidism",
    "diabetes_poorly_controlled", "vitamin_b12_deficiency", "aplastic_anaemia",
    "severe_anaemia", "coeliac_disease", "inflammatory_bowel_disease", "wilson_disease",
    "wilson_disease_fulminant", "severe_fatty_liver_disease", "critical_illness", "cachexia",
    "chemotherapy_effect", "glucocorticoid_effect", "immunosuppressant_effect",
    "heavy_metal_exposure", "cardiac_surgery_bypass", "massive_transfusion",
    "antiresorptive_therapy", "oestrogen_therapy", "milk_alkali_syndrome",
    "hypoparathyroidism", "scurvy", "hypervitaminosis_d", "sample_contamination",
    "laboratory_assay_error", "low_alp_normal_variant",
}

#: PMIDs the research notes mark as unverified ([M]); they must never be encoded.
UNVERIFIED_PMIDS = {"7720239", "18798336", "19935037"}


def _load(relative: str) -> SourceFile:
    with (KNOWLEDGE / relative).open(encoding="utf-8") as handle:
        return SourceFile.model_validate(yaml.safe_load(handle))


@pytest.fixture(scope="module")
def conditions_file() -> SourceFile:
    return _load("conditions/low_alp.yaml")


@pytest.fixture(scope="module")
def conditions(conditions_file: SourceFile) -> dict[str, Condition]:
    return {c.id: c for c in conditions_file.conditions}


@pytest.fixture(scope="module")
def findings_file() -> SourceFile:
    return _load("findings/low_alp.yaml")


@pytest.fixture(scope="module")
def rules_file() -> SourceFile:
    return _load("rules/red_flags_low_alp.yaml")


def _prior_factor(cond: Condition, age: float, sex: Sex) -> float:
    factor = cond.prior.sex.get(sex, 1.0)
    for band in cond.prior.age:
        if band.min_years <= age < band.max_years:
            factor *= band.factor
    return factor


def test_every_agreed_condition_is_defined_once(conditions_file: SourceFile) -> None:
    ids = [c.id for c in conditions_file.conditions]
    assert len(ids) == len(set(ids))
    assert set(ids) == AGREED_IDS


def test_every_reference_resolves_to_a_defined_source(
    conditions_file: SourceFile, rules_file: SourceFile
) -> None:
    defined = {s.id for s in conditions_file.sources}
    used: set[str] = set()
    for c in conditions_file.conditions:
        used |= {c.prior.source, *c.sources}
        used |= {link.source for link in c.findings}
        used |= {step.source for step in c.next_steps}
    used |= {rule.source for rule in rules_file.red_flags}
    assert used - defined == set()


def test_no_unverified_pmid_is_encoded(conditions_file: SourceFile) -> None:
    assert {s.pmid for s in conditions_file.sources if s.pmid} & UNVERIFIED_PMIDS == set()


def test_every_finding_used_is_defined(
    conditions_file: SourceFile, findings_file: SourceFile, rules_file: SourceFile
) -> None:
    # Lab-derived findings live in findings/labs.yaml; a few shared ones (blood counts)
    # may be defined by another domain's findings file.
    defined = {f.id for f in findings_file.findings}
    for path in sorted((KNOWLEDGE / "findings").glob("*.yaml")):
        defined |= {f.id for f in _load(f"findings/{path.name}").findings}
    used = {link.id for c in conditions_file.conditions for link in c.findings}
    used |= {fid for r in rules_file.red_flags for fid in (*r.all, *r.any)}
    assert used - defined == set()


def test_no_lab_result_finding_is_defined_here(findings_file: SourceFile) -> None:
    # Lab-derived findings belong to findings/labs.yaml (one definition per id).
    assert [f.id for f in findings_file.findings if f.kind == "lab"] == []


def test_every_condition_has_a_discriminating_finding_and_next_steps(
    conditions: dict[str, Condition],
) -> None:
    background = {
        f.id: f.background
        for path in sorted((KNOWLEDGE / "findings").glob("*.yaml"))
        for f in _load(f"findings/{path.name}").findings
    }
    for cond in conditions.values():
        own = [link for link in cond.findings if link.id in background]
        assert any(link.frequency > background[link.id] * 3 for link in own), cond.id
        assert cond.next_steps, cond.id


@pytest.mark.parametrize(
    ("cond_id", "age", "sex"),
    [
        ("hypophosphatasia_perinatal", 1.0, "female"),
        ("hypophosphatasia_infantile", 3.0, "male"),
        ("hypophosphatasia_childhood", 30.0, "female"),
        ("hypophosphatasia_adult", 17.9, "female"),
        ("oestrogen_therapy", 40.0, "male"),
        ("oestrogen_therapy", 8.0, "female"),
        ("wilson_disease", 1.0, "male"),
    ],
)
def test_impossible_age_or_sex_has_zero_prior(
    conditions: dict[str, Condition], cond_id: str, age: float, sex: Sex
) -> None:
    assert _prior_factor(conditions[cond_id], age, sex) == 0.0


@pytest.mark.parametrize(
    ("cond_id", "age", "sex"),
    [
        ("hypophosphatasia_perinatal", 0.01, "female"),
        ("hypophosphatasia_infantile", 0.5, "male"),
        ("hypophosphatasia_childhood", 4.0, "female"),
        ("hypophosphatasia_adult", 38.0, "female"),
        ("oestrogen_therapy", 30.0, "female"),
    ],
)
def test_typical_age_and_sex_has_a_prior(
    conditions: dict[str, Condition], cond_id: str, age: float, sex: Sex
) -> None:
    assert _prior_factor(conditions[cond_id], age, sex) > 0.0


def test_adult_hpp_warns_against_antiresorptives_first(conditions: dict[str, Condition]) -> None:
    steps = conditions["hypophosphatasia_adult"].next_steps
    cautions = [s for s in steps if s.kind == "caution"]
    assert cautions and cautions[0].priority == 1
    text = cautions[0].text.lower()
    assert "bisphosphonate" in text and "denosumab" in text
    assert min(s.priority for s in steps) == 1


def test_hpp_next_steps_order_repeat_before_genetics(conditions: dict[str, Condition]) -> None:
    steps = conditions["hypophosphatasia_adult"].next_steps
    first = {s.kind: s.priority for s in reversed(steps)}
    plp = [s for s in steps if s.code == "LOINC:62236-5"]
    gene = [s for s in steps if s.text.startswith("ALPL gene")]
    assert first["repeat"] < plp[0].priority < gene[0].priority < first["referral"]


def test_infant_seizure_with_low_alp_is_an_emergency(rules_file: SourceFile) -> None:
    def fires(findings: set[str], age: float) -> list[str]:
        return [
            r.level
            for r in rules_file.red_flags
            if set(r.all) <= findings
            and (not r.any or set(r.any) & findings)
            and r.min_years <= age < r.max_years
        ]

    assert "emergency" in fires({"HP:0003282", "HP:0001250"}, 7 / 12)
    assert "emergency" not in fires({"HP:0003282"}, 7 / 12)
    assert "consultation_24" in fires({"HP:0003282", "HP:0011968"}, 0.3)
    assert "emergency" in fires({"HP:0000952", "HP:0001289"}, 17.0)
    assert "consultation_24" in fires({"HP:0000952"}, 40.0)
