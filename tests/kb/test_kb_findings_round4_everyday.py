"""Fourth findings pass: everyday words for an inflamed area of skin, a cold-sore prodrome,
nickel contact, coeliac serology and iron deficiency, mechanical back pain, a node in
front of the ear, a band-like zoster rash, a nappy rash sparing the folds and muscle
soreness after exercise (with the new condition delayed-onset muscle soreness).

General phrasings (not copied from any case), parsed with the real knowledge base.
"""

from __future__ import annotations

import pytest
from kb_support import present_ids

from carenote.engine import Case, Engine, EvidenceInput

PRESENT = [
    ("The affected area is hot and swollen.", "carenote:warm_swollen_tender_skin"),
    ("The redness is spreading towards the knee.", "carenote:spreading_redness"),
    ("She had tingling on the edge of the lip first.", "carenote:lip_tingling"),
    ("The rash started after she bought new earrings.", "carenote:new_skin_contact"),
    ("An itchy patch where the belt buckle touches.", "carenote:new_skin_contact"),
    ("tTG raised at 120 U/mL.", "HP:0033563"),
    ("He was found to be iron deficient.", "HP:0012343"),
    ("Pale bulky stools that are hard to flush.", "HP:0002570"),
    ("The ache is worse on bending and twisting.", "carenote:pain_worse_with_movement"),
    ("It is better lying down.", "carenote:pain_eased_by_rest"),
    ("He hurt it moving furniture.", "carenote:recent_strain_or_lifting"),
    ("A tender gland in front of the ear.", "carenote:preauricular_lymph_node"),
    ("Blisters in a band that stops at the midline.", "carenote:dermatomal_rash"),
    ("Redness in the nappy area, sparing the skin folds.", "carenote:skin_folds_spared"),
    ("Redness in the nappy area, sparing the skin folds.", "carenote:rash_in_nappy_area"),
    ("My legs were stiff and sore after the gym.", "carenote:muscle_soreness_after_exercise"),
    ("The baby keeps drawing his knees up.", "carenote:episodic_screaming_with_legs_drawn_up"),
]


@pytest.mark.parametrize(("text", "finding_id"), PRESENT)
def test_phrasing_names_the_finding(engine: Engine, text: str, finding_id: str) -> None:
    assert finding_id in present_ids(engine, text), f"{text!r} does not name {finding_id}"


def test_a_sore_throat_is_not_a_node_in_front_of_the_ear(engine: Engine) -> None:
    assert "carenote:preauricular_lymph_node" not in present_ids(
        engine, "A sore throat and a cold."
    )


def _link(engine: Engine, condition: str, finding: str) -> float:
    kb = engine.kb
    return float(kb.direct[kb.condition_ids.index(condition), kb.finding_ids.index(finding)])


def test_rest_separates_mechanical_from_inflammatory_back_pain(engine: Engine) -> None:
    """Mechanical pain eases with rest; inflammatory back pain does not (NICE NG65)."""
    rest = "carenote:pain_eased_by_rest"
    assert _link(engine, "nonspecific_low_back_pain", rest) > 3 * _link(
        engine, "axial_spondyloarthritis", rest
    )


def test_preauricular_node_separates_viral_from_bacterial_conjunctivitis(engine: Engine) -> None:
    node = "carenote:preauricular_lymph_node"
    assert _link(engine, "viral_conjunctivitis", node) > 5 * _link(
        engine, "bacterial_conjunctivitis", node
    )


def test_folds_spared_separates_irritant_from_candidal_rash(engine: Engine) -> None:
    folds = "carenote:skin_folds_spared"
    assert _link(engine, "nappy_rash", folds) > 5 * _link(engine, "cutaneous_candidiasis", folds)


def test_muscle_soreness_after_exercise_ranks_doms_first(engine: Engine) -> None:
    """Soreness a day or two after unaccustomed exercise, no dark urine: DOMS ranks
    above rhabdomyolysis."""
    present = [
        "HP:0003326",
        "carenote:muscle_soreness_after_exercise",
        "carenote:recent_strain_or_lifting",
    ]
    evidence = [EvidenceInput(id=i) for i in present]
    evidence.append(EvidenceInput(id="HP:0040319", choice_id="absent"))
    case = Case(age_years=25, sex="male", evidence=evidence)
    ranked = [c.id for c in engine.check(case).conditions]
    assert ranked[0] == "delayed_onset_muscle_soreness"
