"""Textbook discriminating signs of common conditions (findings/classic_signs.yaml).

Two kinds of check. Content: each classic sign is listed by the condition a textbook
names it for, more often than by its look-alikes (so a later edit cannot quietly drop
or invert it). Ranking: a case made only of a condition's classic features, given as
structured evidence (no free text), puts that condition in the top 3 and above its
named look-alike. The sources are named in the YAML next to each number.
"""

from __future__ import annotations

import pytest
from kb_support import link_frequency

from carenote.compiler.loader import load_sources
from carenote.compiler.schema import Condition, Finding
from carenote.engine import Case, Engine, EvidenceInput


@pytest.fixture(scope="module")
def conditions() -> dict[str, Condition]:
    return {located.item.id: located.item for located in load_sources().conditions}


@pytest.fixture(scope="module")
def findings() -> dict[str, Finding]:
    return {located.item.id: located.item for located in load_sources().findings}


# (sign, the condition it points to, a look-alike that lacks it or has it less often)
SIGNS = [
    ("carenote:lateral_elbow_pain_tenderness", "lateral_epicondylitis", "olecranon_bursitis"),
    (
        "carenote:pain_on_resisted_wrist_extension",
        "lateral_epicondylitis",
        "carpal_tunnel_syndrome",
    ),
    ("carenote:positive_finkelstein_test", "de_quervain_tenosynovitis", "scaphoid_fracture"),
    ("HP:0012276", "trigger_finger", "dupuytren_contracture"),
    ("HP:0005679", "dupuytren_contracture", "trigger_finger"),
    (
        "carenote:outer_hip_pain_tenderness",
        "greater_trochanteric_pain_syndrome",
        "knee_osteoarthritis",
    ),
    ("carenote:positive_calf_squeeze_test", "achilles_tendon_rupture", "ankle_sprain"),
    ("carenote:tender_bump_below_kneecap", "osgood_schlatter_disease", "patellofemoral_pain"),
    ("HP:0002149", "gout", "pseudogout"),
    ("carenote:joint_too_tender_to_touch", "gout", "knee_osteoarthritis"),
    ("carenote:rash_on_extensor_surfaces", "psoriasis", "atopic_eczema"),
    ("carenote:redness_on_sun_exposed_skin", "sunburn", "allergic_contact_dermatitis"),
    ("carenote:central_punctum_bite", "insect_bite_reaction", "acute_urticaria"),
    ("carenote:painless_rubbery_lymph_node", "hodgkin_lymphoma", "infectious_mononucleosis"),
    ("carenote:lymph_node_pain_after_alcohol", "hodgkin_lymphoma", "non_hodgkin_lymphoma"),
    ("HP:6000221", "colorectal_cancer", "irritable_bowel_syndrome"),
    ("HP:0012343", "iron_deficiency_anaemia", "thalassaemia_trait"),
    ("carenote:chest_pain_relieved_by_gtn", "stable_angina", "gord"),
    ("carenote:symptoms_better_away_from_home", "carbon_monoxide_poisoning", "migraine"),
    ("HP:0031829", "testicular_torsion", "torsion_testicular_appendage"),
    ("carenote:forehead_weak_on_palsy_side", "bell_palsy", "stroke"),
    ("carenote:palpable_pyloric_olive", "pyloric_stenosis", "infant_reflux"),
]


@pytest.mark.parametrize(("sign", "condition", "look_alike"), SIGNS)
def test_classic_sign_favours_its_condition(
    sign: str,
    condition: str,
    look_alike: str,
    conditions: dict[str, Condition],
    findings: dict[str, Finding],
) -> None:
    finding = findings[sign]
    listed = {link.id: link for link in conditions[condition].findings}
    assert sign in listed, f"{condition} does not list {sign}"
    assert listed[sign].source, f"{condition} → {sign} names no source"
    assert link_frequency(conditions[condition], finding) > 2 * link_frequency(
        conditions[look_alike], finding
    )
    # A classic sign is something few people without the condition would report.
    assert finding.background < listed[sign].frequency / 5


def test_new_findings_are_described_for_people(findings: dict[str, Finding]) -> None:
    """Every finding of classic_signs.yaml has a question, synonyms, a sourced background."""
    ours = [
        located.item
        for located in load_sources().findings
        if located.path.endswith("classic_signs.yaml")
    ]
    assert len(ours) >= 20
    for finding in ours:
        assert finding.question.endswith("?"), finding.id
        assert finding.group, finding.id
        assert finding.background_source == "classic_expert_estimates", finding.id
        # Synonyms are specific phrases, never a single everyday word: a one-word
        # synonym must be a long technical term ("Koebnerisation").
        assert finding.synonyms, finding.id
        assert all(" " in s or len(s) >= 10 for s in finding.synonyms), finding.id


def _top(engine: Engine, age: float, sex: str, present: list[str], n: int = 3) -> list[str]:
    case = Case(age_years=age, sex=sex, evidence=[EvidenceInput(id=i) for i in present])
    return [c.id for c in engine.check(case).conditions[:n]]


# Typical presentations built from the textbook's classic features only.
PRESENTATIONS = [
    (
        "lateral_epicondylitis",
        45,
        "male",
        ["HP:0030835", "carenote:lateral_elbow_pain_tenderness", "carenote:pain_on_gripping"],
    ),
    ("gout", 60, "male", ["HP:0001854", "carenote:red_hot_joint", "HP:0002149"]),
    (
        "hodgkin_lymphoma",
        23,
        "male",
        ["carenote:painless_rubbery_lymph_node", "HP:0030166", "HP:0000989", "HP:0034501"],
    ),
    (
        "colorectal_cancer",
        67,
        "male",
        ["carenote:change_in_bowel_habit", "HP:0002573", "HP:0012343", "HP:6000221"],
    ),
    (
        "stable_angina",
        62,
        "male",
        ["carenote:chest_pain_on_exertion", "HP:0031352", "carenote:chest_pain_relieved_by_gtn"],
    ),
    (
        "carbon_monoxide_poisoning",
        40,
        "female",
        [
            "HP:0002315",
            "HP:0002018",
            "carenote:household_members_similar_symptoms",
            "carenote:symptoms_better_away_from_home",
        ],
    ),
    ("bell_palsy", 36, "male", ["HP:0012799", "carenote:forehead_weak_on_palsy_side"]),
    ("sunburn", 24, "male", ["carenote:redness_on_sun_exposed_skin", "carenote:painful_skin"]),
]


@pytest.mark.parametrize(("condition", "age", "sex", "present"), PRESENTATIONS)
def test_classic_presentation_ranks_in_top_three(
    engine: Engine, condition: str, age: float, sex: str, present: list[str]
) -> None:
    assert condition in _top(engine, age, sex, present)


def test_forehead_weakness_puts_bell_palsy_above_stroke(engine: Engine) -> None:
    """A lower motor neurone palsy involves the forehead; a stroke spares it (OHCM)."""
    ranked = _top(engine, 60, "female", ["HP:0012799", "carenote:forehead_weak_on_palsy_side"], 20)
    assert "bell_palsy" in ranked
    assert "stroke" not in ranked or ranked.index("bell_palsy") < ranked.index("stroke")
