"""Content checks from the knowledge-base quality pass (YAML only, no engine).

They pin textbook-discriminating features so that a later edit cannot quietly drop them:
meningism is not a feature of primary headaches; peptic ulcer carries its classic
features (nocturnal pain, relief by food, NSAIDs, H. pylori) more often than the other
causes of dyspepsia; recurrent aphthous stomatitis has its recurrence, family history
and lay names. Sources are named in the YAML next to each number.
"""

from __future__ import annotations

import pytest
from kb_support import link_frequency

from carenote.compiler.loader import load_sources
from carenote.compiler.schema import Condition, Finding

NUCHAL_RIGIDITY = "HP:0031179"
STIFF_NECK = "HP:0025258"
NECK_PAIN = "HP:0030833"


@pytest.fixture(scope="module")
def conditions() -> dict[str, Condition]:
    return {located.item.id: located.item for located in load_sources().conditions}


@pytest.fixture(scope="module")
def findings() -> dict[str, Finding]:
    return {located.item.id: located.item for located in load_sources().findings}


@pytest.mark.parametrize(
    "headache",
    ["migraine", "tension_type_headache", "cluster_headache", "medication_overuse_headache"],
)
def test_primary_headaches_do_not_list_meningism(
    headache: str, conditions: dict[str, Condition]
) -> None:
    listed = {link.id for link in conditions[headache].findings}
    assert NUCHAL_RIGIDITY not in listed


def test_migraine_lists_neck_pain_and_stiffness(conditions: dict[str, Condition]) -> None:
    listed = {link.id for link in conditions["migraine"].findings}
    assert {STIFF_NECK, NECK_PAIN} <= listed


#: Features that should favour peptic ulcer over the other common causes of dyspepsia.
ULCER_FEATURES = [
    "carenote:epigastric_pain_waking_at_night",
    "carenote:pain_eased_by_eating",
    "carenote:takes_nsaid_or_aspirin",
    "carenote:h_pylori_positive",
]
DYSPEPSIA_MIMICS = ["functional_dyspepsia", "gord", "gastritis"]


@pytest.mark.parametrize("feature", ULCER_FEATURES)
def test_peptic_ulcer_lists_its_discriminating_features(
    feature: str, conditions: dict[str, Condition]
) -> None:
    listed = {link.id for link in conditions["peptic_ulcer_disease"].findings}
    assert feature in listed


@pytest.mark.parametrize("mimic", DYSPEPSIA_MIMICS)
@pytest.mark.parametrize("feature", ULCER_FEATURES)
def test_ulcer_features_are_commoner_in_ulcer_than_in_mimics(
    feature: str,
    mimic: str,
    conditions: dict[str, Condition],
    findings: dict[str, Finding],
) -> None:
    finding = findings[feature]
    ulcer = link_frequency(conditions["peptic_ulcer_disease"], finding)
    other = link_frequency(conditions[mimic], finding)
    # NSAIDs are a main cause of both ulcers and acute gastritis, so a tie is allowed there.
    assert ulcer >= other if feature == "carenote:takes_nsaid_or_aspirin" else ulcer > other


def test_aphthous_ulcers_have_recurrence_family_history_and_lay_names(
    conditions: dict[str, Condition],
) -> None:
    aphthous = conditions["aphthous_ulcer"]
    listed = {link.id for link in aphthous.findings}
    assert {"HP:0011107", "carenote:family_history_mouth_ulcers", "HP:0032154"} <= listed
    names = {name.lower() for name in aphthous.synonyms}
    assert {"canker sore", "canker sores", "aphthous stomatitis"} <= names


def test_aphthous_family_history_is_more_likely_than_background(
    conditions: dict[str, Condition], findings: dict[str, Finding]
) -> None:
    family = findings["carenote:family_history_mouth_ulcers"]
    assert link_frequency(conditions["aphthous_ulcer"], family) > family.background
