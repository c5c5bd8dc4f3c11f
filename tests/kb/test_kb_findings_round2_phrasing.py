"""Second content pass on the findings: dizziness apart from vertigo, phrases that named
the wrong finding, new abdominal-pain findings, findings written as their denial
(``negated_synonyms``) and HPO names kept out of free text (``excluded_synonyms``).

Each sentence is a general phrasing (not a benchmark case), parsed with the real
knowledge base, so a change to the YAML or to the parser that breaks it fails here.
"""

from __future__ import annotations

import pytest
from kb_support import answers_by_id, named_ids, present_ids

from carenote.engine import Engine

DIZZINESS = "carenote:dizziness"
BRIEF_VERTIGO = "carenote:vertigo_lasting_under_a_minute"
MIGRATION = "carenote:pain_moved_from_navel_to_right_lower_abdomen"
HOT_JOINT = "carenote:hot_red_joint_unable_to_bear_weight"
VERTIGO = "HP:0002321"


#: (sentence, finding id it must give as present)
PRESENT = [
    # Dizziness is its own finding; spinning still names vertigo.
    ("She has felt dizzy for a week.", DIZZINESS),
    ("Episodes of dizziness when she is stressed.", DIZZINESS),
    ("He describes giddiness on and off.", DIZZINESS),
    ("The room is spinning when he moves his head.", VERTIGO),
    ("He gets dizzy for a few seconds when he rolls over in bed.", DIZZINESS),
    ("He gets dizzy for a few seconds when he rolls over in bed.", BRIEF_VERTIGO),
    ("Constant vertigo for two days with vomiting.", VERTIGO),
    # Overdose phrasings.
    ("She swallowed a bottle of pills an hour ago.", "carenote:overdose_taken"),
    ("He took a handful of tablets after an argument.", "carenote:overdose_taken"),
    ("She took her whole supply of antidepressants.", "carenote:overdose_taken"),
    # Contraceptive pill, only named as such.
    ("She is on the pill.", "carenote:medicine_oral_contraceptive_or_hrt"),
    ("She takes the combined pill.", "carenote:medicine_oral_contraceptive_or_hrt"),
    # Anosmia from phrases about the sense itself.
    ("She has lost her sense of smell.", "HP:0000458"),
    ("He can't smell anything since the virus.", "HP:0000458"),
    # Abdominal pain places.
    ("Pain around the belly button since the morning.", "carenote:periumbilical_pain"),
    (
        "The pain started around the belly button and moved to the right lower abdomen.",
        MIGRATION,
    ),
    ("Periumbilical pain migrating to the right iliac fossa.", MIGRATION),
    ("She has pain low down in her tummy.", "HP:0034267"),
    # Injury phrasings.
    ("She twisted her knee playing netball.", "carenote:recent_injury"),
    ("She is non-weight-bearing on the left leg.", "carenote:unable_to_bear_weight"),
    ("She fell down the stairs this morning.", "carenote:recent_fall"),
    ("He cannot bear weight after the fall.", "carenote:recent_fall"),
    # Phrases starting with "all" are read (only HPO's root term "All" is not).
    ("The pain came on all of a sudden.", "carenote:sudden_onset"),
    ("She has an allergy to nuts.", "HP:0012393"),
    # Torsion and cauda equina told by a patient.
    (
        "It's swollen and sitting higher than the other one.",
        "carenote:testis_lying_high_or_horizontal",
    ),
    ("I've been sick once this morning.", "HP:0002013"),
    (
        "I have numbness around my bottom and it feels strange when I wipe.",
        "carenote:saddle_anaesthesia",
    ),
    ("Both my legs feel weaker too.", "HP:0007340"),
    # Self-harm by cutting, without HPO's bare "Cutting".
    ("She has been cutting herself.", "HP:0100716"),
    # ECG finding, not the mood disorder.
    ("The ECG shows ST depression in the lateral leads.", "HP:0012250"),
    ("She has a history of depression.", "HP:0000716"),
]

#: (sentence, finding id it must NOT name) — phrases removed or kept out, and why.
NOT_NAMED = [
    ("The discharge doesn't smell.", "HP:0000458"),  # 'doesn't smell' is not anosmia
    ("He feels hot and sweaty after the run.", "HP:0001945"),  # feeling hot is not a fever
    ("She was feeling faint in the heat.", "HP:0002615"),  # presyncope, not measured hypotension
    ("Lactate 4.2 mmol/L on the blood gas.", "carenote:breastfeeding"),
    ("A twisting pain in the tummy.", "carenote:recent_injury"),
    ("The pain came on all of a sudden.", "carenote:widespread_body_pain"),  # not "pain all over"
    ("Small red bumps on her arms that itch.", "carenote:local_itchy_red_swelling"),
    ("He took a pill for the pain.", "carenote:medicine_oral_contraceptive_or_hrt"),
    ("She took two pills of paracetamol for the headache.", "carenote:overdose_taken"),
    ("She feels dizzy when she stands up.", VERTIGO),  # dizziness is not vertigo
    ("Dizzy spells for a month.", VERTIGO),  # HPO's 'Dizzy spell' is excluded from vertigo
    ("After twisting his ankle he can't bear weight.", HOT_JOINT),
    # excluded_synonyms: HPO names that mostly mean something else in prose.
    ("She came in order to get a repeat prescription.", "HP:5200049"),
    ("The GP arranged an X-ray.", "HP:5200049"),
    ("Please collect a urine sample.", "HP:0030212"),
    ("He cut his finger on a kitchen knife.", "HP:5200339"),
    ("A fall in blood pressure on standing.", "HP:0002527"),
    ("She finds it hard to fall asleep.", "HP:0002527"),
    ("The GP arranged a joint aspiration.", "HP:0002835"),
    ("The ECG shows ST depression.", "HP:0000716"),
    ("My nose bled from one nostril.", "HP:0009932"),  # not a single naris
    ("I pinched the soft part of my nose.", "HP:0000418"),  # first aid, not a facial feature
    ("I can barely open my mouth.", "HP:0000194"),  # trismus, not an open mouth at rest
    ("Cramping pain in his calf when he walks.", "HP:0011848"),  # not abdominal colic
]

#: (sentence, finding id, the answer it must get) for negated synonyms.
DENIALS = [
    ("He was able to bear weight after the fall.", "carenote:unable_to_bear_weight", "absent"),
    ("He is fully weight bearing.", "carenote:unable_to_bear_weight", "absent"),
    ("He is not able to bear weight.", "carenote:unable_to_bear_weight", "present"),
    ("I haven't been able to pass urine for 8 hours.", "HP:0000016", "present"),
    ("He has been able to pass urine.", "HP:0000016", "absent"),
    ("I walked off the court and can take four steps.", "carenote:unable_to_bear_weight", "absent"),
    ("The ankle bones are not tender.", "carenote:bony_tenderness", "absent"),
    ("No bony tenderness.", "carenote:bony_tenderness", "absent"),
    ("She is keeping fluids down.", "carenote:cannot_keep_food_or_fluids_down", "absent"),
    ("She is not keeping fluids down.", "carenote:cannot_keep_food_or_fluids_down", "present"),
    ("The baby is feeding normally.", "HP:0011968", "absent"),
    ("The baby has plenty of wet nappies.", "HP:0100520", "absent"),
    ("He is passing urine normally.", "HP:0100520", "absent"),
    ("She is speaking in full sentences.", "HP:0033710", "absent"),
    ("His neck is supple.", "HP:0031179", "absent"),
    ("The rash blanches on pressure.", "carenote:non_blanching_rash", "absent"),
    ("Moving all four limbs.", "HP:0001269", "absent"),
    ("She is swallowing normally.", "HP:0002015", "absent"),
    ("He has recently been weaned from breastfeeding.", "carenote:breastfeeding", "absent"),
]


@pytest.mark.parametrize(("text", "finding_id"), PRESENT)
def test_phrasing_names_the_finding(engine: Engine, text: str, finding_id: str) -> None:
    assert finding_id in present_ids(engine, text), f"{text!r} does not name {finding_id}"


@pytest.mark.parametrize(("text", "finding_id"), NOT_NAMED)
def test_phrase_does_not_name_the_finding(engine: Engine, text: str, finding_id: str) -> None:
    assert finding_id not in named_ids(engine, text), f"{text!r} wrongly names {finding_id}"


@pytest.mark.parametrize(("text", "finding_id", "answer"), DENIALS)
def test_negated_synonym_gives_the_answer(
    engine: Engine, text: str, finding_id: str, answer: str
) -> None:
    assert answers_by_id(engine, text).get(finding_id) == {answer}, text


def test_rash_is_still_read_when_it_blanches(engine: Engine) -> None:
    # The denial phrases hold no "rash", so the rash itself is not swallowed by them.
    assert "HP:0000988" in present_ids(engine, "The rash blanches on pressure.")


def test_causes_of_dizziness_list_it(engine: Engine) -> None:
    """The non-vestibular causes that listed vertigo or presyncope also list dizziness."""
    kb = engine.kb
    column = kb.finding_ids.index(DIZZINESS)
    causes = (
        "orthostatic_hypotension",
        "iron_deficiency_anaemia",
        "hypoglycaemia",
        "carbon_monoxide_poisoning",
        "atrial_fibrillation",
        "panic_disorder",
    )
    for condition in causes:
        row = kb.condition_ids.index(condition)
        assert kb.direct[row, column] >= 0.2, condition


def test_twitching_is_not_an_emg_finding(engine: Engine) -> None:
    named = named_ids(engine, "Her eyelid keeps twitching.")
    assert "HP:0010546" not in named
    assert "HP:0031166" in named
