"""Tests over the real knowledge base: the low-ALP domain end to end."""

from __future__ import annotations

import pytest

from carenote.compiler.loader import knowledge_dir, load_sources
from carenote.compiler.schema import TRIAGE_ORDER, Condition
from carenote.engine import Case, Engine, EvidenceInput
from carenote.inputs.text_case import case_from_parse
from carenote.labs.model import LabInput

ALP = "LOINC:6768-6"


def _ev(*ids: str, source: str = "interview") -> list[EvidenceInput]:
    return [EvidenceInput(id=i, source=source) for i in ids]


def test_adult_hypophosphatasia_case_from_the_issue(engine: Engine) -> None:
    case = Case(
        age_years=38,
        sex="female",
        evidence=_ev("HP:0006480", "HP:0002757"),  # early loss of baby teeth; recurrent fractures
        labs=[LabInput(code=ALP, value=18, unit="U/L")],
    )
    result = engine.check(case)
    top = result.conditions[0]
    assert top.id == "hypophosphatasia_adult"
    assert {"HP:0006480", "HP:0002757", "HP:0003282"} <= {e.id for e in top.evidence.supporting}
    assert result.triage.level == "consultation"
    steps = " ".join(s.text.lower() for s in result.next_steps)
    codes = {s.code for s in result.next_steps}
    assert "LOINC:6768-6" in codes  # repeat ALP
    assert "pyridoxal" in steps and "phosphoethanolamine" in steps and "alpl" in steps
    caution = [s for s in result.next_steps if s.kind == "caution"]
    assert any(
        "bisphosphonate" in s.text.lower() or "antiresorptive" in s.text.lower() for s in caution
    )
    assert result.labs[0].interpretation == "L"
    assert result.disclaimer


def test_infant_with_low_alp_and_seizures_goes_to_emergency_care(engine: Engine) -> None:
    case = Case(
        age_years=7 / 12,
        sex="male",
        evidence=_ev("HP:0001250"),
        labs=[LabInput(code=ALP, value=90, unit="U/L")],  # CALIPER 15 d–<1 y: 122–469 U/L
    )
    result = engine.check(case)
    assert result.labs[0].interpretation == "L"
    assert TRIAGE_ORDER.index(result.triage.level) <= TRIAGE_ORDER.index("emergency")
    top5 = [c.id for c in result.conditions[:5]]
    assert any(cid.startswith("hypophosphatasia") for cid in top5), top5


def test_the_same_adult_without_labs_is_not_an_emergency(engine: Engine) -> None:
    result = engine.check(Case(age_years=38, sex="female", evidence=_ev("HP:0006480")))
    assert result.triage.level not in ("emergency", "emergency_ambulance")


def test_contamination_pattern_points_to_a_repeat_draw(engine: Engine) -> None:
    labs = [
        LabInput(code=ALP, value=12, unit="U/L"),
        LabInput(code="LOINC:2823-3", value=7.9, unit="mmol/L"),  # potassium
        LabInput(code="LOINC:17861-6", value=1.2, unit="mg/dL"),  # calcium
    ]
    result = engine.check(Case(age_years=45, sex="male", labs=labs))
    assert result.conditions[0].id == "sample_contamination"
    assert any("carenote:lab_pattern_sample_contamination" == e.id for e in result.evidence)


def _low_alp_conditions() -> list[Condition]:
    return [
        loc.item for loc in load_sources(knowledge_dir()).conditions if loc.path == "low_alp.yaml"
    ]


def _clear_cut(condition: Condition) -> Case:
    """A clear-cut case: a low ALP plus the condition's own characteristic findings."""
    bands = [b for b in condition.prior.age if b.factor > 0] or None
    age = 40.0
    if any(b.factor == 0 and b.min_years <= 40 < b.max_years for b in condition.prior.age):
        best = max(bands or [], key=lambda b: b.factor, default=None)
        age = (best.min_years + min(best.max_years, 90)) / 2 if best else 40.0
    sex = "male" if condition.prior.sex.get("female", 1.0) == 0 else "female"
    links = sorted(condition.findings, key=lambda link: -link.frequency)
    present = [link.id for link in links if link.frequency >= 0.5][:8]
    # These are causes of a low ALP: the clear-cut case always has one.
    present = list(dict.fromkeys(["HP:0003282", *present]))
    return Case(age_years=age, sex=sex, evidence=_ev(*present))  # type: ignore[arg-type]


@pytest.mark.parametrize("condition", _low_alp_conditions(), ids=lambda c: c.id)
def test_every_low_alp_cause_is_reachable(engine: Engine, condition: Condition) -> None:
    result = engine.check(_clear_cut(condition), max_conditions=20)
    ids = [c.id for c in result.conditions]
    rank = ids.index(condition.id) + 1 if condition.id in ids else None
    assert rank == 1, f"{condition.id} ranked {rank or '>20'}; top three {ids[:3]}"


def test_rare_disease_interview_asks_about_discriminating_features(engine: Engine) -> None:
    # Seizures, developmental delay, hypotonia and microcephaly in a one-year-old: the
    # ranking is full of rare diseases, and the interview should ask about their features.
    case = Case(
        age_years=1.0,
        sex="male",
        evidence=_ev("HP:0001250", "HP:0001263", "HP:0001252", "HP:0000252", source="record"),
    )
    step = engine.interview(case)
    assert any(c.rare and c.xrefs for c in step.conditions[:5])
    assert step.question is not None
    assert all(item.id.startswith(("HP:", "carenote:")) for item in step.question.items)


def test_curated_finding_wins_over_an_unused_hpo_term_on_the_same_words(engine: Engine) -> None:
    # "COPD" names both the KB's known-COPD finding and HPO's "Chronic pulmonary
    # obstruction" (HP:0006510), which no curated condition lists; only the first counts.
    parsed = engine.parse_text("A 70-year-old man with COPD is more breathless.")
    ids = {m.id for m in parsed.mentions}
    assert "carenote:history_of_copd" in ids
    assert "HP:0006510" not in ids
    # An HPO term read from words no curated finding claims is kept.
    rare = engine.parse_text("She has arachnodactyly.")
    assert any(m.id.startswith("HP:") for m in rare.mentions)


@pytest.mark.parametrize(
    ("text", "choice"),
    [
        ("A 25-year-old with asthma is wheezing and gets no relief from her inhaler.", "present"),
        ("A 25-year-old with asthma, wheezing; no real relief from salbutamol.", "present"),
        ("A 30-year-old with asthma is wheezing and gets good relief from salbutamol.", "absent"),
    ],
)
def test_a_denied_negated_synonym_names_its_finding(engine: Engine, text: str, choice: str) -> None:
    # "relief from the inhaler" is a negated synonym of "Reliever inhaler not helping".
    found = {m.id: m.choice_id for m in engine.parse_text(text).evidence()}
    assert found.get("carenote:reliever_not_helping") == choice
    assert not any(fid.endswith("~denied") for fid in found)


def test_no_relief_from_the_reliever_in_asthma_is_an_emergency(engine: Engine) -> None:
    text = "A 25-year-old with asthma is wheezing and gets no relief from her inhaler."
    case, _ = case_from_parse(engine.parse_text(text))
    assert engine.check(case).triage.level == "emergency"


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        ("A 63-year-old man with a sudden tearing chest pain.", "HP:0009926"),  # epiphora
        ("She uses eye drops for glaucoma.", "HP:0000508"),  # ptosis
        ("He spilled boiling water on his hand.", "HP:0020083"),  # furuncle
    ],
)
def test_excluded_synonyms_are_not_matched(engine: Engine, text: str, not_read: str) -> None:
    assert not_read not in {m.id for m in engine.parse_text(text).mentions}


def test_an_excluded_synonym_leaves_the_other_names(engine: Engine) -> None:
    found = {m.id for m in engine.parse_text("Her eyes are watering all day.").mentions}
    assert "HP:0009926" in found


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # FAST in the words people use: a drooping face, a weak arm, garbled speech.
        (
            "A 70-year-old with a drooping right side of her face and garbled speech.",
            "emergency_ambulance",
        ),
        ("A 60-year-old man has a weak right arm and slurred speech.", "emergency_ambulance"),
        # Weakness with lost reflexes: suspected Guillain-Barré syndrome.
        (
            "A 40-year-old has weakness of both legs and absent knee and ankle reflexes.",
            "emergency",
        ),
        # A swollen joint with fever: septic arthritis until proven otherwise.
        ("A 65-year-old has a hot, swollen right knee and a temperature of 38.9 C.", "emergency"),
        # In the first person, with the age given as "I'm 14".
        (
            "I'm 14 and woke up with bad pain in my left testicle that came on all of a"
            " sudden. I've been sick once.",
            "emergency",
        ),
        (
            "I'm 42 and have back pain with pain down both legs. I have numbness around my"
            " bottom and I haven't been able to pass urine for 8 hours.",
            "emergency",
        ),
    ],
)
def test_emergencies_told_in_plain_words_are_emergencies(
    engine: Engine, text: str, level: str
) -> None:
    case, _ = case_from_parse(engine.parse_text(text))
    got = engine.check(case).triage.level
    assert TRIAGE_ORDER.index(got) <= TRIAGE_ORDER.index(level), got


@pytest.mark.parametrize(
    "text",
    [
        "A 72-year-old man with COPD is more breathless despite using his inhaler.",
        "A 70-year-old with COPD is more breathless with green sputum and is now confused.",
        "A 70-year-old with COPD is breathless at rest with green sputum.",
        "A 70-year-old with COPD is more breathless with green sputum, SpO2 86% on room air.",
    ],
)
def test_a_copd_flare_with_a_hospital_criterion_is_an_emergency(engine: Engine, text: str) -> None:
    # NICE NG115 / GOLD 2024: failure of initial treatment, confusion, breathlessness at
    # rest and low saturation are reasons to treat an exacerbation in hospital.
    case, _ = case_from_parse(engine.parse_text(text))
    level = engine.check(case).triage.level
    assert TRIAGE_ORDER.index(level) <= TRIAGE_ORDER.index("emergency"), level


def test_a_copd_flare_without_one_is_seen_within_a_day(engine: Engine) -> None:
    text = "A 67-year-old with COPD has 3 days of more cough and green sputum."
    case, _ = case_from_parse(engine.parse_text(text))
    assert engine.check(case).triage.level == "consultation_24"


def _level(engine: Engine, text: str) -> str:
    case, _ = case_from_parse(engine.parse_text(text))
    return engine.check(case).triage.level


@pytest.mark.parametrize(
    "text",
    [
        "I'm 22 and rolled my ankle playing football; it's swollen but I walked off the pitch.",
        "Inversion injury of the ankle in a 25-year-old. Able to weight bear. No bony tenderness.",
    ],
)
def test_an_ankle_sprain_that_passes_the_ottawa_rules_is_self_care(
    engine: Engine, text: str
) -> None:
    # Ottawa ankle rules (Stiell 1992): no X-ray when the person can take four steps
    # and the bones are not tender, so no emergency department.
    assert _level(engine, text) == "self_care"


def test_an_ankle_injury_that_fails_the_ottawa_rules_goes_for_an_x_ray(engine: Engine) -> None:
    text = (
        "A 25-year-old twisted his ankle, is tender over the lateral malleolus"
        " and cannot bear weight."
    )
    assert _level(engine, text) == "emergency"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # NICE CG95: pain over 15 minutes, or with pain spreading to the arm or jaw.
        ("A 58-year-old man has had crushing central chest pain for 40 minutes.", "ambulance"),
        ("A 55-year-old has central chest pain radiating to his jaw.", "ambulance"),
        ("A 62-year-old woman has chest pain spreading to her left arm.", "ambulance"),
        # Typical angina that now comes at rest: unstable angina.
        (
            "A 58-year-old man has had a tight chest on exertion for a month, and since"
            " yesterday it also comes at rest.",
            "emergency",
        ),
        # Stable angina: brought on by effort, gone within minutes of rest.
        (
            "A 61-year-old man has had a tight, heavy chest when he walks uphill for two"
            " months; it spreads to his left arm and goes within 3 minutes of resting."
            " No pain at rest.",
            "consultation_24",
        ),
    ],
)
def test_chest_pain_is_triaged_by_its_pattern(engine: Engine, text: str, level: str) -> None:
    expected = "emergency_ambulance" if level == "ambulance" else level
    assert _level(engine, text) == expected


def test_a_count_without_a_unit_is_read_on_its_one_scale(engine: Engine) -> None:
    # Platelets are 10*9/L or 10*3/uL: the same number either way, so "38" can only mean it.
    parsed = engine.parse_text("My platelets are 38 (normal 150-400).")
    assert [(lab.code, lab.value, lab.unit) for lab in parsed.labs] == [
        ("LOINC:777-3", 38.0, "10*9/L")
    ]
    assert any("read in 10*9/L" in w for w in parsed.warnings)


def test_a_value_whose_units_differ_in_scale_keeps_no_unit(engine: Engine) -> None:
    # ALT in U/L or ukat/L: 300 means different things, so it is not guessed.
    parsed = engine.parse_text("ALT 300.")
    assert [lab.unit for lab in parsed.labs] == [""]
    assert any("kept as written" in w for w in parsed.warnings)


def test_labs_are_read_without_the_sex_when_their_range_does_not_depend_on_it(
    engine: Engine,
) -> None:
    case = Case(
        age_years=40,
        labs=[
            LabInput(code="LOINC:777-3", value=38, unit="10*9/L"),  # one adult range
            LabInput(code="LOINC:718-7", value=90, unit="g/L"),  # ranges differ by sex
        ],
    )
    result = engine.check(case)
    assert [(lab.code, lab.interpretation) for lab in result.labs] == [("LOINC:777-3", "L")]
    assert any("LOINC:718-7" in w and "depend on sex" in w for w in result.warnings)


def test_a_changed_irregular_mole_is_seen_by_a_doctor(engine: Engine) -> None:
    # NICE NG12 weighted 7-point checklist: a change (2) and an irregular shape (2) reach 3.
    case = Case(
        age_years=51,
        evidence=_ev("carenote:changing_mole", "carenote:mole_irregular_shape_or_colour"),
    )
    level = engine.check(case).triage.level
    assert TRIAGE_ORDER.index(level) <= TRIAGE_ORDER.index("consultation"), level


def test_a_new_mole_alone_is_not_urgent(engine: Engine) -> None:
    case = Case(age_years=30, evidence=_ev("carenote:changing_mole"))
    assert not any("melanoma" in r for r in engine.check(case).triage.reasons)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # Westley score (Nelson): stridor only with agitation is mild croup.
        (
            "A 2-year-old has a barking cough and makes a harsh noise on breathing in only"
            " when he cries, not at rest.",
            "consultation_24",
        ),
        ("A 2-year-old has a barking cough and stridor at rest.", "emergency"),
        ("A 2-year-old has a barking cough and noisy breathing.", "emergency"),
    ],
)
def test_stridor_is_triaged_by_when_it_is_heard(engine: Engine, text: str, level: str) -> None:
    assert _level(engine, text) == level


@pytest.mark.parametrize(
    ("extra", "level"),
    [
        # Kanski: a small pupil is iritis (same-day eye review) ...
        (("HP:0000622", "HP:0000616"), "consultation_24"),
        # ... a blurred eye with haloes may be angle closure, a corneal spot keratitis.
        (("HP:0000622", "carenote:halos_around_lights"), "emergency"),
        (("HP:0000616", "HP:0007957"), "emergency"),
    ],
)
def test_a_painful_red_eye_is_triaged_by_its_signs(
    engine: Engine, extra: tuple[str, ...], level: str
) -> None:
    case = Case(age_years=35, sex="male", evidence=_ev("HP:0025337", "HP:0200026", *extra))
    got = engine.check(case).triage.level
    if level == "emergency":
        assert TRIAGE_ORDER.index(got) <= TRIAGE_ORDER.index("emergency"), got
    else:
        assert got == level


@pytest.mark.parametrize(
    "text",
    [
        # Quinsy: trismus, a muffled voice and drooling with a sore throat.
        "I'm 25 with a sore throat; I can barely open my mouth, my voice sounds muffled and"
        " I'm spitting my saliva into a cup.",
        # A swallowed coin battery in a well toddler.
        "My 2-year-old swallowed a small round flat battery 30 minutes ago; she seems fine.",
        # The six Ps of acute limb ischaemia.
        "A 71-year-old has sudden pain in his left leg; the leg is pale and cold and the foot"
        " pulses cannot be felt.",
        # ACE-inhibitor angioedema with a swallowing problem.
        "I'm 58 and take ramipril; my lips and tongue are very swollen and it's getting"
        " harder to swallow.",
        # Spinal cord compression with the cancer named.
        "A 69-year-old man with prostate cancer has back pain and his legs have become weak.",
        # Sudden painless loss of vision.
        "I'm 68 and 40 minutes ago the vision in my right eye went dark within a few seconds.",
        # A core temperature below 35 °C.
        "An 80-year-old found on the floor is confused; rectal temperature 30.5 °C.",
        # Spinal infection: back pain, fever and weak legs.
        "I'm 58 and diabetic with worsening back pain, a temperature of 38.6 and my legs"
        " feel weak.",
    ],
)
def test_less_common_emergencies_told_in_words_are_emergencies(engine: Engine, text: str) -> None:
    level = _level(engine, text)
    assert TRIAGE_ORDER.index(level) <= TRIAGE_ORDER.index("emergency"), level


def test_fresh_blood_on_a_hard_stool_is_not_bloody_diarrhoea(engine: Engine) -> None:
    # HPO files hematochezia under bloody diarrhoea (and so under diarrhoea); the HUS
    # warning (Nelson) is for blood with diarrhoea.
    hus = "haemolytic uraemic syndrome"
    fissure = engine.check(
        _case(engine, "A 5-month-old passes hard stools with spots of fresh blood on the stool.")
    )
    diarrhoea = engine.check(
        _case(engine, "My 3-year-old has diarrhoea and there is fresh blood on the stool.")
    )
    assert not any(hus in r for r in fissure.triage.reasons)
    assert any(hus in r for r in diarrhoea.triage.reasons)


def _case(engine: Engine, text: str) -> Case:
    return case_from_parse(engine.parse_text(text))[0]


@pytest.mark.parametrize(
    ("text", "history"),
    [
        ("A 69-year-old man with prostate cancer has back pain.", True),
        ("She had breast cancer five years ago.", True),
        ("He has a lipoma on his back.", False),  # a benign neoplasm is not cancer
        ("His mother had breast cancer.", False),  # not the patient's
    ],
)
def test_a_named_cancer_is_a_history_of_cancer(engine: Engine, text: str, history: bool) -> None:
    answers = {m.id: (m.choice_id, m.subject) for m in engine.parse_text(text).mentions}
    assert (answers.get("carenote:history_of_cancer") == ("present", "patient")) is history
