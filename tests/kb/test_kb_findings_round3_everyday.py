"""Third findings pass, everyday words for findings the dev stories showed unread: a facial
palsy told as the movements that fail (eye closure, sounds too loud, ache behind the ear),
inconsolable crying and legs drawn up in a baby, recurrence, lip blisters and sun exposure.

General phrasings (not copied from any case), parsed with the real knowledge base.
"""

from __future__ import annotations

import pytest
from kb_support import present_ids

from carenote.engine import Engine

LAGOPHTHALMOS = "HP:0030001"


PRESENT = [
    ("She is unable to close her right eye.", LAGOPHTHALMOS),
    ("His left eye will not close.", LAGOPHTHALMOS),
    ("Since yesterday sounds seem louder in one ear.", "HP:0010780"),
    ("An ache behind the ear the day before.", "carenote:pain_behind_ear"),
    ("The baby cries inconsolably every evening.", "carenote:excessive_crying_infant"),
    (
        "He keeps pulling his legs up when he cries.",
        "carenote:episodic_screaming_with_legs_drawn_up",
    ),
    ("She has had this before, twice last year.", "carenote:recurrent_similar_episodes"),
    ("Painful blisters on the lip since this morning.", "carenote:lip_blisters"),
    ("He spent the afternoon at the beach without sunscreen.", "carenote:recent_sun_exposure"),
]


@pytest.mark.parametrize(("text", "finding_id"), PRESENT)
def test_phrasing_names_the_finding(engine: Engine, text: str, finding_id: str) -> None:
    assert finding_id in present_ids(engine, text), f"{text!r} does not name {finding_id}"


def test_closed_eyes_are_not_a_palsy(engine: Engine) -> None:
    """Eyes that are closed say nothing about eye closure failing."""
    assert LAGOPHTHALMOS not in present_ids(engine, "She lies with her eyes closed.")


def test_eye_closure_separates_bell_palsy_from_stroke(engine: Engine) -> None:
    """A lower motor neurone palsy cannot close the eye; an upper one usually can."""
    kb = engine.kb
    column = kb.finding_ids.index(LAGOPHTHALMOS)
    bell = kb.direct[kb.condition_ids.index("bell_palsy"), column]
    stroke = kb.direct[kb.condition_ids.index("stroke"), column]
    assert bell > 5 * stroke


def test_colic_lists_prolonged_crying(engine: Engine) -> None:
    kb = engine.kb
    column = kb.finding_ids.index("carenote:excessive_crying_infant")
    assert kb.direct[kb.condition_ids.index("infantile_colic"), column] >= 0.5
