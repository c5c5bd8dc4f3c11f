"""Quantities read as findings, places told around a part, sensation words, precedence
of near matches, everyday senses in context, and negation that stops at a new clause."""

from __future__ import annotations

import pytest

from carenote.text import Lexicon, LexiconEntry, parse
from carenote.text.readings import MAX_DAILY_PARACETAMOL_MG

ENTRIES = [
    LexiconEntry("HP:0012531", "Pain", ("pain", "ache")),
    LexiconEntry("HP:0033839", "Testicular pain", ("testicular pain",)),
    LexiconEntry("HP:0034267", "Pelvic pain", ("lower abdominal pain",)),
    LexiconEntry("HP:0002027", "Abdominal pain", ("abdominal pain",)),
    LexiconEntry("HP:0100749", "Chest pain", ("chest pain",)),
    LexiconEntry("HP:0031352", "Chest tightness", ("chest tightness",)),
    LexiconEntry("HP:0002315", "Headache", ("headache", "head pain")),
    LexiconEntry("HP:0030835", "Knee pain", ("knee pain",)),
    LexiconEntry("carenote:eyelid_swelling", "Eyelid swelling", ("eyelid swelling",)),
    LexiconEntry(
        "carenote:shoulder_tip_pain", "Shoulder-tip pain", ("pain at the tip of the shoulder",)
    ),
    LexiconEntry("HP:0003418", "Shoulder pain", ("shoulder pain",)),
    LexiconEntry("HP:0001824", "Weight loss", ("weight loss",)),
    LexiconEntry("HP:0004324", "Increased body weight", ("weight gain",)),
    LexiconEntry("HP:0000093", "Proteinuria", ("proteinuria",)),
    LexiconEntry("HP:0000790", "Hematuria", ("hematuria",)),
    LexiconEntry(
        "carenote:paracetamol_overdose", "Paracetamol overdose", ("paracetamol overdose",)
    ),
    LexiconEntry("HP:0012378", "Fatigue", ("tired", "fatigue")),
    LexiconEntry("HP:0002019", "Constipation", ("constipation",)),
    LexiconEntry("HP:0001945", "Fever", ("fever", "has a temperature", "feels hot")),
    LexiconEntry("HP:0001279", "Syncope", ("faint",)),
    LexiconEntry("HP:0030148", "Heart murmur", ("murmur",)),
    LexiconEntry("HP:0009926", "Epiphora", ("tearing", "watery eyes")),
    LexiconEntry("HP:0033589", "Flatulence", ("gas", "wind")),
    LexiconEntry(
        "carenote:positive_pregnancy_test", "Positive pregnancy test", ("test is positive",)
    ),
    LexiconEntry("HP:0000739", "Anxiety", ("on the edge", "anxious")),
    LexiconEntry("HP:0002307", "Drooling", ("dribbling",)),
    LexiconEntry("HP:0004322", "Short stature", ("short",)),
    LexiconEntry("HP:0003764", "Nevus", ("mole",)),
    LexiconEntry("carenote:breastfeeding", "Currently breastfeeding", ("lactating", "lactate")),
    LexiconEntry("HP:0031972", "Presyncope", ("feels lightheaded",)),
    LexiconEntry("carenote:positive_test", "Positive pregnancy test", ("positive pregnancy test",)),
    LexiconEntry("HP:0001804", "Hypoplastic fingernail", ("small fingernails",)),
    LexiconEntry("HP:0002574", "Episodic abdominal pain", ("intermittent abdominal pain",)),
    LexiconEntry("HP:0410019", "Epigastric pain", ("upper abdominal pain",)),
    LexiconEntry(
        "carenote:lateral_elbow", "Lateral elbow pain", ("pain on the outer side of the elbow",)
    ),
    LexiconEntry("HP:0030836", "Elbow pain", ("elbow pain",)),
    LexiconEntry("t:ongoing", "Ongoing chest pain", ("ongoing chest pain",)),
    LexiconEntry("t:exertional", "Exertional chest pain", ("exertional chest pain",)),
    LexiconEntry("t:upset", "Stridor when upset", ("stridor when upset",)),
    LexiconEntry("t:travel", "Recent travel abroad", ("recent travel abroad",)),
    LexiconEntry("t:late", "Late pregnancy", ("late pregnancy",)),
    LexiconEntry("t:pregnant", "Pregnant", ("pregnant",)),
]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_entries(ENTRIES, {})


def found(text: str, lexicon: Lexicon) -> dict[str, str]:
    """name → choice_id ("?" appended when hedged) of the text mentions."""
    return {
        m.name: m.choice_id + ("?" if m.hedged else "")
        for m in parse(text, lexicon).mentions
        if m.source == "text"
    }


def test_an_adjacent_place_beats_a_gapped_one(lexicon: Lexicon) -> None:
    names = found("Sudden pain in his left testicle that spreads to the lower abdomen.", lexicon)
    assert names == {"Testicular pain": "present"}


def test_a_gap_is_still_used_when_nothing_nearer_matches(lexicon: Lexicon) -> None:
    assert "Pelvic pain" in found("Pain that later moved to the lower abdomen.", lexicon)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pain on the outer side of her right knee", "Knee pain"),
        ("pain in the middle of the chest", "Chest pain"),
        ("swelling on the edge of the upper eyelid", "Eyelid swelling"),
        ("an ache at the back of the head", "Headache"),
        # The phrase as written beats the part stepped over.
        ("pain at the tip of her shoulder", "Shoulder-tip pain"),
    ],
)
def test_a_part_of_a_place_is_the_place(text: str, expected: str, lexicon: Lexicon) -> None:
    assert set(found(text, lexicon)) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a dull ache in his tummy", "Abdominal pain"),
        ("discomfort across the chest", "Chest pain"),
        ("a band-like pressure around her forehead", "Headache"),
        ("a tight, heavy feeling in the centre of his chest", "Chest tightness"),
        ("a squeezing sensation in the chest", "Chest pain"),
    ],
)
def test_sensation_words_at_a_place(text: str, expected: str, lexicon: Lexicon) -> None:
    assert expected in found(text, lexicon)


def test_pressure_is_pain_only_where_it_is_told_so(lexicon: Lexicon) -> None:
    # "pressure" is how chest pain and headache are told; in the knee it is not pain.
    assert found("pressure on the knee", lexicon) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He has lost 6 kg over two months.", {"Weight loss": "present"}),
        ("She has lost about 10 lb.", {"Weight loss": "present"}),
        ("He has not lost 2 kg.", {"Weight loss": "absent"}),
        ("She has gained 5 kg since stopping smoking.", {"Increased body weight": "present"}),
        ("Urine dipstick: 3+ protein.", {"Proteinuria": "present"}),
        (
            "Dipstick shows protein ++ and blood 1+.",
            {"Proteinuria": "present", "Hematuria": "present"},
        ),
        ("Dipstick: protein trace.", {}),
        ("He lost his keys.", {}),
    ],
)
def test_quantities_that_name_a_finding(
    text: str, expected: dict[str, str], lexicon: Lexicon
) -> None:
    assert found(text, lexicon) == expected


@pytest.mark.parametrize(
    ("text", "overdose"),
    [
        ("She swallowed 20 tablets of paracetamol 500 mg an hour ago.", True),
        ("He took 12 x 500 mg paracetamol tablets last night.", True),
        ("took 16 paracetamol tablets", True),  # no strength: 16 x 325 mg > 4 g
        ("She took 8 tablets of paracetamol 500 mg.", False),  # exactly 4 g
        ("took 12 paracetamol tablets", False),  # 12 x 325 mg is under 4 g
        ("He took 2 tablets of paracetamol 500 mg four times a day for a week.", False),
        ("She swallowed 30 tablets of her sleeping pills.", False),  # not paracetamol
    ],
)
def test_paracetamol_over_the_daily_maximum(text: str, overdose: bool, lexicon: Lexicon) -> None:
    assert ("Paracetamol overdose" in found(text, lexicon)) is overdose


@pytest.mark.parametrize(
    ("text", "ongoing"),
    [
        ("Crushing chest pain for 40 minutes.", True),
        ("Chest tightness that started half an hour ago.", True),
        ("He has had chest pain for an hour.", True),
        ("Pain in the centre of his chest over the last 3 hours.", True),
        ("Chest pain for 10 minutes, now gone.", False),  # under 15 minutes
        ("Chest pain for 3 days.", False),  # days are not minutes or hours
        ("Chest pain for 20 hours.", False),  # beyond NICE CG95's 12 hours
        ("A cough for 40 minutes.", False),  # not the chest
        ("No chest pain, but a coughing fit for 40 minutes.", False),  # not the chest pain
    ],
)
def test_chest_pain_lasting_15_minutes_to_12_hours_is_ongoing(
    text: str, ongoing: bool, lexicon: Lexicon
) -> None:
    assert ("Ongoing chest pain" in found(text, lexicon)) is ongoing


def test_no_chest_pain_for_an_hour_is_denied(lexicon: Lexicon) -> None:
    assert found("No chest pain for an hour.", lexicon).get("Ongoing chest pain") == "absent"


@pytest.mark.parametrize(
    ("text", "exertional"),
    [
        ("She gets a tight chest when she walks uphill.", True),
        ("Chest pain whenever I climb stairs.", True),
        ("His chest hurts when he hurries for the bus.", True),
        ("The chest pain began when he was walking the dog.", False),  # one event
        ("She gets breathless when she walks uphill.", False),  # not the chest
    ],
)
def test_chest_pain_with_a_habitual_effort_is_exertional(
    text: str, exertional: bool, lexicon: Lexicon
) -> None:
    assert ("Exertional chest pain" in found(text, lexicon)) is exertional


@pytest.mark.parametrize(
    ("text", "when_upset"),
    [
        ("He makes a harsh noise on breathing in only when he cries.", True),
        ("Stridor only when crying, not at rest.", True),
        ("Noisy breathing only when she is upset.", True),
        ("When he cries he makes a harsh noise breathing in, but when calm it is quiet.", True),
        ("Stridor at rest.", False),
        ("When she cries she makes a harsh noise breathing in, and at rest too.", False),
        ("He cries only when he is hungry.", False),  # no noisy breathing
    ],
)
def test_stridor_heard_only_when_upset(text: str, when_upset: bool, lexicon: Lexicon) -> None:
    assert ("Stridor when upset" in found(text, lexicon)) is when_upset


@pytest.mark.parametrize(
    ("text", "travelled"),
    [
        ("A 26-year-old backpacker in Mexico has diarrhoea.", True),
        ("She is back from a trip to Thailand.", True),
        ("He returned from Costa Rica last week.", True),
        ("She has not travelled to India.", False),  # denied ...
        ("A trip to the shops.", False),  # ... or not abroad
    ],
)
def test_a_trip_to_a_tropical_country_is_recent_travel(
    text: str, travelled: bool, lexicon: Lexicon
) -> None:
    assert (found(text, lexicon).get("Recent travel abroad") == "present") is travelled


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm 34 weeks pregnant with a headache.", "Late pregnancy"),
        ("She is at 32+4 weeks' gestation.", "Late pregnancy"),
        ("I'm 12 weeks pregnant and bleeding.", "Pregnant"),
        ("He was born at 34 weeks gestation.", None),  # the baby's history
    ],
)
def test_a_gestation_is_read_as_early_or_late_pregnancy(
    text: str, expected: str | None, lexicon: Lexicon
) -> None:
    names = found(text, lexicon)
    assert ("Late pregnancy" in names) is (expected == "Late pregnancy")
    if expected is None:
        assert "Pregnant" not in names and "Late pregnancy" not in names


def test_the_daily_maximum_is_four_grams() -> None:
    assert MAX_DAILY_PARACETAMOL_MG == 4000.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He has lost weight without trying and feels tired.",
            {"Fatigue": "present"},
        ),
        (
            "A weight gain without eating more, constipation and fatigue.",
            {"Increased body weight": "present", "Constipation": "present", "Fatigue": "present"},
        ),
        (
            "He came in without fever, constipation or fatigue.",
            {"Fever": "absent", "Constipation": "absent", "Fatigue": "absent"},
        ),
        ("No fever and feels tired.", {"Fever": "absent", "Fatigue": "present"}),
        ("Denies fever and fatigue.", {"Fever": "absent", "Fatigue": "absent"}),
    ],
)
def test_negation_stops_at_a_new_clause(
    text: str, expected: dict[str, str], lexicon: Lexicon
) -> None:
    assert found(text, lexicon) == expected


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("A faint early diastolic murmur at the sternal edge.", {"Heart murmur"}, {"Syncope"}),
        ("She had a faint last week.", {"Syncope"}, set()),
        ("She feels faint when standing.", {"Syncope"}, set()),
        ('A sudden "tearing" pain in the chest.', {"Chest pain"}, {"Epiphora"}),
        ("Tearing of the left eye.", {"Epiphora"}, set()),
        ("They use an old gas heater.", set(), {"Flatulence"}),
        ("Bloating and passing a lot of gas.", {"Flatulence"}, set()),
        ("A stool antigen test is positive.", set(), {"Positive pregnancy test"}),
        ("Her pregnancy test is positive.", {"Positive pregnancy test"}, set()),
        ("A lump on the edge of her eyelid.", set(), {"Anxiety"}),
        ("He has been on the edge all week.", {"Anxiety"}, set()),
        ("A weak stream and dribbling at the end.", set(), {"Drooling"}),
        ("He is very short-sighted.", set(), {"Short stature"}),
        ("HbA1c 72 mmol/mol.", set(), {"Nevus"}),
        ("A new mole on her back.", {"Nevus"}, set()),
        ("Lactate 4.1 mmol/L.", set(), {"Currently breastfeeding"}),
        ("She is lactating and her breast is sore.", {"Currently breastfeeding"}, set()),
    ],
)
def test_everyday_senses_in_context(
    text: str, expected: set[str], not_expected: set[str], lexicon: Lexicon
) -> None:
    names = set(found(text, lexicon))
    assert expected <= names
    assert not names & not_expected


def test_feeling_hot_is_not_a_measured_fever(lexicon: Lexicon) -> None:
    assert found("She feels hot and sweaty.", lexicon) == {"Fever": "present?"}
    assert found("He feels hot to the touch.", lexicon) == {"Fever": "present"}


@pytest.mark.parametrize(
    ("text", "fever"),
    [
        ("She has a temperature of 37.4 °C.", False),
        ("He has a temperature of 38.6 °C.", True),
        ("He has a temperature.", True),
    ],
)
def test_the_value_decides_a_temperature(text: str, fever: bool, lexicon: Lexicon) -> None:
    result = parse(text, lexicon)
    assert any(m.name == "Fever" and m.choice_id == "present" for m in result.mentions) is fever


@pytest.mark.parametrize(
    ("text", "hypertension"),
    [
        ("A 24-year-old woman at 34 weeks' gestation. BP 164/112.", True),
        ("She is 30 weeks pregnant. BP 150/110 mmHg.", True),  # diastolic 110 (NICE NG133)
        ("She is 30 weeks pregnant. BP 150/100.", False),
        ("I'm not pregnant. BP 164/112.", False),  # outside pregnancy 180/120 applies
        ("A 50-year-old man. BP 186/100.", True),  # NICE NG136 severe hypertension
        ("A 50-year-old man. BP 150/95.", False),  # one raised reading is not a diagnosis
        ("A 3-month-old baby born at 34 weeks' gestation. BP 100/60.", False),
    ],
)
def test_blood_pressure_levels_that_are_hypertension(
    text: str, hypertension: bool, lexicon: Lexicon
) -> None:
    result = parse(text, lexicon)
    derived = {m.name for m in result.mentions if m.source == "vital"}
    assert ("Hypertension" in derived) is hypertension


def test_a_verb_after_and_starts_a_clause_and_keeps_its_phrase(lexicon: Lexicon) -> None:
    names = found("No fever and feels lightheaded.", lexicon)
    assert names == {"Fever": "absent", "Presyncope": "present"}


def test_a_time_between_noun_and_verb(lexicon: Lexicon) -> None:
    names = found("A home pregnancy test last week was positive.", lexicon)
    assert names == {"Positive pregnancy test": "present"}


def test_have_with_an_adjective_before_a_noun_is_not_a_predicate(lexicon: Lexicon) -> None:
    assert found("Several fingernails have small pits.", lexicon) == {}
    assert found("Her fingernails have become small.", lexicon) == {
        "Hypoplastic fingernail": "present"
    }


def test_upper_and_lower_are_kept_before_the_head(lexicon: Lexicon) -> None:
    names = found("Intermittent upper abdominal pain.", lexicon)
    assert "Epigastric pain" in names
    assert "Episodic abdominal pain" not in names


def test_a_phrase_written_with_its_part_beats_the_part_stepped_over(lexicon: Lexicon) -> None:
    names = found("Pain on the outer side of his right elbow.", lexicon)
    assert names == {"Lateral elbow pain": "present"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pain and soreness in the middle of his chest.", {"Chest pain"}),
        ("Sudden pain in his chest and abdomen.", {"Chest pain", "Abdominal pain"}),
        ("Pain in the chest and a fever.", {"Chest pain", "Fever"}),
    ],
)
def test_coordinated_findings_and_places_share_them(
    text: str, expected: set[str], lexicon: Lexicon
) -> None:
    assert set(found(text, lexicon)) == expected


def test_a_shared_place_keeps_the_negation(lexicon: Lexicon) -> None:
    assert found("No pain in the chest or abdomen.", lexicon) == {
        "Chest pain": "absent",
        "Abdominal pain": "absent",
    }


def test_hardly_is_a_negation(lexicon: Lexicon) -> None:
    assert found("He is hardly tired.", lexicon) == {"Fatigue": "absent"}
