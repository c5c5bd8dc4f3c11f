"""Unit tests of the engine's arithmetic on the hand-drawn toy knowledge base (toykb/)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from carenote.compiler.build import CompileOptions, compile_kb
from carenote.compiler.compiled import CompiledKB
from carenote.compiler.hpo import hpo_data_dir
from carenote.compiler.loader import load_sources
from carenote.compiler.ontology import Ontology
from carenote.engine import Case, Engine, EvidenceInput, ModelParams
from carenote.labs import default_directory, load_catalogue

TOY = Path(__file__).parent / "toykb"
NO_IMPORT = CompileOptions(import_hpo_diseases=False)


@pytest.fixture(scope="module")
def toy_kb(ontology: Ontology) -> CompiledKB:
    kb, report = compile_kb(
        load_sources(TOY), ontology, hpo_data_dir() / "phenotype.hpoa", "toy", NO_IMPORT
    )
    assert report.errors == []
    return kb


@pytest.fixture(scope="module")
def toy(toy_kb: CompiledKB) -> Engine:
    return Engine(
        toy_kb,
        load_catalogue(default_directory()),
        ModelParams(absent_weight=1.0, unlisted_curated=1.0),
    )


def case(*evidence: tuple[str, str], age: float = 30.0) -> Case:
    return Case(
        age_years=age,
        sex="female",
        evidence=[EvidenceInput(id=i, choice_id=c, source="interview") for i, c in evidence],  # type: ignore[arg-type]
    )


def probabilities(engine: Engine, c: Case) -> dict[str, float]:
    return {r.id: r.probability for r in engine.check(c).conditions}


def test_posterior_is_naive_bayes_by_hand(toy: Engine) -> None:
    # Fever and rash present; the febrile-seizure prior is 0 at age 30.
    got = probabilities(toy, case(("HP:0001945", "present"), ("carenote:toy_rash", "present")))
    flu = 0.02 * (0.9 / 0.05) * (0.05 / 0.05)
    measles = 0.001 * (0.95 / 0.05) * (0.9 / 0.05)
    assert got["toy_measles"] == pytest.approx(measles / (flu + measles), rel=1e-6)
    assert got["toy_flu"] == pytest.approx(flu / (flu + measles), rel=1e-6)
    assert "toy_febrile_seizure" not in got  # ruled out (prior 0): not listed


def test_absent_finding_uses_one_minus_frequency(toy: Engine) -> None:
    got = probabilities(toy, case(("HP:0001945", "present"), ("HP:0012735", "absent")))
    flu = 0.02 * (0.9 / 0.05) * ((1 - 0.8) / (1 - 0.1))
    measles = 0.001 * (0.95 / 0.05) * ((1 - 0.5) / (1 - 0.1))
    assert got["toy_flu"] == pytest.approx(flu / (flu + measles), rel=1e-6)


def test_age_band_factor_zero_rules_a_condition_out_and_in(toy: Engine) -> None:
    adult = probabilities(toy, case(("HP:0001250", "present"), ("HP:0001945", "present")))
    child = probabilities(toy, case(("HP:0001250", "present"), ("HP:0001945", "present"), age=2))
    febrile = 0.001 * (0.99 / 0.05) * (0.9 / 0.01)
    flu = 0.02 * (0.9 / 0.05)  # silent on seizure: P = background, LR 1
    measles = 0.001 * (0.95 / 0.05)
    assert "toy_febrile_seizure" not in adult  # ruled out (prior 0): not listed
    assert child["toy_febrile_seizure"] == pytest.approx(febrile / (febrile + flu + measles))


def test_explanation_weights_are_log_likelihood_ratios(toy: Engine) -> None:
    result = toy.check(case(("HP:0001945", "present"), ("carenote:toy_rash", "present")))
    measles = next(c for c in result.conditions if c.id == "toy_measles")
    weights = {e.id: e.weight for e in measles.evidence.supporting}
    assert weights["carenote:toy_rash"] == pytest.approx(math.log(0.9 / 0.05), abs=0.01)
    assert weights["HP:0001945"] == pytest.approx(math.log(0.95 / 0.05), abs=0.01)


def test_unknown_finding_is_a_warning_not_a_failure(toy: Engine) -> None:
    result = toy.check(case(("HP:0001945", "present"), ("HP:9999999", "present")))
    assert any("HP:9999999" in w for w in result.warnings)
    assert result.conditions[0].id == "toy_flu"


def test_red_flag_rule_respects_age(toy: Engine) -> None:
    infant = toy.check(case(("HP:0001250", "present"), age=0.6))
    adult = toy.check(case(("HP:0001250", "present"), age=30))
    assert infant.triage.level == "emergency"
    assert any("baby under one year" in r for r in infant.triage.reasons)
    assert not any("baby under one year" in r for r in adult.triage.reasons)


def test_likely_emergency_condition_raises_triage(toy: Engine) -> None:
    result = toy.check(case(("HP:0001945", "present"), ("HP:0001250", "present"), age=2))
    assert result.triage.level == "emergency"


def test_next_question_is_the_discriminating_one(toy: Engine) -> None:
    # Fever and rash leave flu and measles near 50:50; only cough still separates them.
    step = toy.interview(case(("HP:0001945", "present"), ("carenote:toy_rash", "present")))
    assert step.question is not None
    asked = {item.id for item in step.question.items}
    assert "HP:0012735" in asked
    assert not step.should_stop


def test_interview_stops_when_budget_is_spent(toy: Engine) -> None:
    step = toy.interview(case(("HP:0001945", "present")), max_questions=1)
    assert step.should_stop and step.question is None


def test_next_steps_follow_probability_and_priority(toy: Engine) -> None:
    result = toy.check(case(("HP:0001945", "present"), ("carenote:toy_rash", "present")))
    texts = [s.text for s in result.next_steps]
    assert texts.index("Measles serology") < texts.index("Rest and fluids")


def test_scores_are_vectorised_over_conditions(toy_kb: CompiledKB) -> None:
    assert toy_kb.freq.shape == (3, toy_kb.n_findings)
    assert isinstance(toy_kb.prior_base, np.ndarray)


def test_red_flag_fires_for_a_more_specific_term(toy: Engine) -> None:
    # HP:0002069 (bilateral tonic-clonic seizure) is a descendant of HP:0001250 (seizure).
    result = toy.check(case(("HP:0002069", "present"), age=0.6))
    assert result.triage.level == "emergency"


def test_not_via_stops_a_rule_firing_through_the_ontology(toy: Engine) -> None:
    # Both toy rules name seizure (HP:0001250); the second lists focal-onset seizure
    # (HP:0007359, a child of seizure) under not_via, so only the first fires for it.
    focal = toy.check(case(("HP:0007359", "present"), age=0.6))
    tonic_clonic = toy.check(case(("HP:0002069", "present"), age=0.6))
    named = toy.check(case(("HP:0001250", "present"), ("HP:0007359", "present"), age=0.6))
    same_day = "Any seizure in a baby"
    assert not any(same_day in r for r in focal.triage.reasons)
    assert any("baby under one year" in r for r in focal.triage.reasons)
    assert any(same_day in r for r in tonic_clonic.triage.reasons)
    assert any(same_day in r for r in named.triage.reasons)


def test_only_conditions_that_explain_a_finding_are_ranked(toy: Engine) -> None:
    # Rash is listed by measles (0.9) and flu (0.05, below its 0.05 background: no
    # support); febrile seizure does not list it, so only measles explains it.
    result = toy.check(case(("carenote:toy_rash", "present"), age=2))
    ranked = {c.id: c.probability for c in result.conditions}
    assert ranked.get("toy_measles", 0.0) == pytest.approx(1.0)
    # With support not required, the others keep some probability.
    loose = Engine(toy.kb, toy.labs, ModelParams(require_support=False))
    top = loose.check(case(("carenote:toy_rash", "present"), age=2)).conditions[0]
    assert top.probability < 1.0


def test_without_a_present_finding_nothing_is_dropped(toy: Engine) -> None:
    # With no present symptom, sign or result, every condition stays ranked (at age 2
    # the febrile-seizure prior is not zero).
    result = toy.check(case(("HP:0012735", "absent"), age=2))
    assert len(result.conditions) == 3


def test_no_ancestor_credit_when_the_finding_is_a_tiny_part_of_it(toy: Engine) -> None:
    # Bilateral tonic-clonic seizure makes up a share P(f)/P(seizure) of seizures; with
    # a minimum share above that, febrile seizure loses the credit it had from "seizure".
    strict = Engine(
        toy.kb,
        toy.labs,
        ModelParams(absent_weight=1.0, unlisted_curated=1.0, ancestor_credit_min_share=1.01),
    )
    specific = probabilities(
        strict, case(("HP:0001945", "present"), ("HP:0002069", "present"), age=2)
    )
    general = probabilities(toy, case(("HP:0001945", "present"), ("HP:0002069", "present"), age=2))
    assert specific["toy_febrile_seizure"] < general["toy_febrile_seizure"]


def test_a_specific_finding_carries_its_listed_ancestors_likelihood_ratio(toy: Engine) -> None:
    # HP:0002069 (bilateral tonic-clonic seizure) is a kind of seizure, which the toy
    # febrile seizure lists at 0.9 against a background of 0.01.
    specific = probabilities(toy, case(("HP:0001945", "present"), ("HP:0002069", "present"), age=2))
    general = probabilities(toy, case(("HP:0001945", "present"), ("HP:0001250", "present"), age=2))
    febrile = "toy_febrile_seizure"
    assert specific[febrile] == pytest.approx(general[febrile], rel=1e-6)


def test_interview_does_not_ask_about_an_implied_ancestor(toy: Engine) -> None:
    # A bilateral tonic-clonic seizure is a seizure: never ask "Has there been a seizure?".
    # (The rash keeps measles in play, so the interview goes on.)
    step = toy.interview(case(("HP:0002069", "present"), ("carenote:toy_rash", "present"), age=2))
    assert step.question is not None
    assert "HP:0001250" not in {item.id for item in step.question.items}


def test_unless_stops_a_rule(toy: Engine) -> None:
    # toy_fever_no_cough: a fever over 60 needs a doctor within a day, unless with a cough.
    reason = "fever without a cough"
    fever = toy.check(case(("HP:0001945", "present"), age=70))
    both = toy.check(case(("HP:0001945", "present"), ("HP:0012735", "present"), age=70))
    assert any(reason in r for r in fever.triage.reasons)
    assert not any(reason in r for r in both.triage.reasons)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("She has had a cough for 4 weeks.", "present"),
        ("A cough for 5 days.", "absent"),
        ("A cough that started 2 months ago.", "present"),
        ("A cough. The holiday was 4 weeks ago.", None),  # another sentence
        ("Her brother has had a cough for 4 weeks.", None),  # not the patient's
    ],
)
def test_a_finding_told_with_its_duration_answers_its_lasting_form(
    toy: Engine, text: str, answer: str | None
) -> None:
    answers = {m.id: m.choice_id for m in toy.parse_text(text).mentions}
    assert answers.get("carenote:toy_long_cough") == answer
