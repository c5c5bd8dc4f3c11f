"""Everyday and clinical ways of describing the most-linked findings reach those findings.

The free-text parser only knows a finding by its name and ``synonyms``, so a classic
description that is not written in the knowledge base is silently lost ("tightness in
the chest", "flashes of light", "blood mixed with the stool"). Each sentence below is a
general phrasing of the finding (not a benchmark case), parsed with the real knowledge
base; the second table guards phrases that were removed or kept out because they name
the finding in stories about something else.
"""

from __future__ import annotations

import pytest
from kb_support import named_ids, present_ids

from carenote.engine import Engine

#: (sentence, finding id the sentence must give as present)
PHRASINGS = [
    ("He has had loose stools for two days.", "HP:0002014"),
    ("Her bowels have become looser than usual.", "HP:0002014"),
    ("He describes tightness in the chest.", "HP:0100749"),
    ("He describes tightness in the chest.", "HP:0031352"),
    ("A heavy feeling in the chest when walking.", "HP:0100749"),
    ("Pressure in the chest for an hour.", "HP:0100749"),
    ("A band around the head most afternoons.", "HP:0002315"),
    ("She noticed blood mixed with the stool.", "HP:0002573"),
    ("Bright red blood from the back passage.", "HP:0002573"),
    ("He has lost weight without trying.", "HP:0001824"),
    ("The rash is very itchy.", "HP:0000989"),
    ("She sees flashes of light in one eye.", "HP:0030786"),
    ("A grey curtain came across the vision.", "HP:0001123"),
    ("There is a shadow across the vision of her left eye.", "HP:0001123"),
    ("She lost baby teeth early.", "HP:0006323"),
    ("His face dropped on one side.", "HP:0012799"),
    ("Drooping of one side of the face.", "HP:0012799"),
    ("He complains of daytime sleepiness.", "HP:0001262"),
    ("The pain is out of proportion to the findings.", "carenote:pain_out_of_proportion"),
    ("Kernig's sign is positive.", "HP:0031179"),
    ("She feels a bit unwell.", "HP:0033834"),
    ("He threw up twice.", "HP:0002013"),
    ("Both ankles are swollen.", "HP:0010741"),
    ("He has pitting oedema to the knees.", "HP:0010741"),
    ("The leg is swollen and red.", "carenote:one_leg_swollen"),
    ("He has been unable to pass urine since this morning.", "HP:0000016"),
    ("She has not opened her bowels for five days.", "HP:0002019"),
    ("He is seeing double.", "HP:0000651"),
    ("A sudden tearing pain in the chest.", "HP:6000049"),
    ("He was drenched in sweat.", "HP:0000975"),
    ("She wakes up drenched in sweat at night.", "HP:0030166"),
    ("He is coughing up green phlegm.", "HP:0031245"),
    ("She has right-sided weakness.", "HP:0001269"),
    ("Food gets stuck in his throat.", "HP:0002015"),
]

#: (sentence, finding id the sentence must NOT name) and why.
NOT_THIS_FINDING = [
    ("Excruciating pain in the big toe.", "carenote:pain_out_of_proportion"),
    ("The itching is worse at night.", "carenote:acute_fluctuating_confusion"),
    ("The ankle is swollen after a fall.", "HP:0010741"),
    ("The leg is swollen and red.", "HP:0010741"),
    ("A red lump on the edge of the eyelid.", "HP:0000739"),
    ("He is very short-sighted.", "HP:0004322"),
    ("The elbow hurts when shaking hands.", "HP:0001337"),
    ("Chest X-ray shows a collapsed lung.", "HP:0001279"),
    ("She has hot flashes at night.", "HP:0030786"),
    ("The joint is hot to touch.", "HP:0001945"),
    ("A scratch near the ankle.", "HP:0000989"),
]


@pytest.mark.parametrize(("text", "finding_id"), PHRASINGS)
def test_phrasing_names_the_finding(engine: Engine, text: str, finding_id: str) -> None:
    assert finding_id in present_ids(engine, text), f"{text!r} does not name {finding_id}"


@pytest.mark.parametrize(("text", "finding_id"), NOT_THIS_FINDING)
def test_phrase_does_not_name_an_unrelated_finding(
    engine: Engine, text: str, finding_id: str
) -> None:
    assert finding_id not in named_ids(engine, text), f"{text!r} wrongly names {finding_id}"
