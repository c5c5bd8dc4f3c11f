"""Compound nouns whose first part is a finding word but which name something else.

English puts a noun in front of another to say what the second one is for or about:
a "fever clinic" is a clinic, a "sweat test" a test, "cough syrup" a medicine, "stroke
volume" a measurement, a "rash guard" a shirt. The finding word is then a modifier, and
the text does not say the person has it. Two small tables decide, by the noun that
follows the finding (the head of the compound), or by the word before it:

* a place, service, test, product or risk named after a finding (clinic, test, syrup,
  vaccine, risk…) says it is looked for, treated or feared, not that it is there: the
  finding is kept as said with doubt (``hedge``), so an "asthma clinic" or an "allergy
  test" is visible but is not evidence;
* a thing that has nothing to do with the finding (stroke *volume*, rash *guard*; *heat*
  stroke, a *back*stroke in swimming) drops the mention.

A phrase of the lexicon written with the head ("positive pregnancy test", "heat
stroke") is matched whole before this is asked, so it is never touched.
"""

from __future__ import annotations

from typing import Literal

from carenote.text.normalise import PUNCTUATION, Tokens, normalise_token, normalised_words

#: Heads after which the finding is what the thing is for or about (kept, hedged).
_ABOUT = normalised_words(
    # places and services
    "clinic clinics service services team specialist specialists helpline hotline "
    "charity leaflet leaflets awareness campaign prevention programme program "
    # tests and screening
    "test tests testing screen screening kit "
    # products for a symptom, and vaccines against a disease
    "syrup mixture suppressant lozenge lozenges killer killers vaccine vaccines "
    "vaccination vaccinations jab jabs shot immunisation immunization booster "
    # risk
    "risk risks"
)
#: A test named after what is sampled ("a sweat test", "a urine test") is about the
#: sample: the finding named by the sample's word is dropped, not hedged.
_TESTS = normalised_words("test tests testing")
_SPECIMENS = normalised_words("sweat urine stool blood breath saliva sputum swab")
#: Heads after which the finding word means nothing of the finding (dropped).
_OTHER_THING = normalised_words("volume guard guards")
#: Words before a finding word that make it something else: "heat stroke" and "sun
#: stroke" are heat illness (the lexicon has them as phrases when it knows them), a
#: "back stroke" or "breast stroke" is a way of swimming.
_MODIFIED_AWAY = {
    normalise_token("stroke"): normalised_words("heat sun back breast brush key swimming"),
}

Effect = Literal["drop", "hedge"]


def compound_effect(tokens: Tokens, first: int, last: int) -> Effect | None:
    """What a compound noun does to the finding read at tokens [first, last): "drop"
    it, "hedge" it, or None when the words are not part of a compound."""
    norms = tokens.norms
    if last < len(norms) and _joined(tokens, last - 1, last):
        head = norms[last]
        if head in _OTHER_THING or (head in _TESTS and norms[last - 1] in _SPECIMENS):
            return "drop"
        if head in _ABOUT:
            return "hedge"
    if first > 0 and last - first == 1 and _joined(tokens, first - 1, first):
        before = _MODIFIED_AWAY.get(norms[first])
        if before is not None and norms[first - 1] in before:
            return "drop"
    return None


def _joined(tokens: Tokens, left: int, right: int) -> bool:
    """Two neighbouring word tokens written as one compound: a space or a hyphen between
    them, no punctuation or line break."""
    gap = tokens.starts[right] - tokens.ends[left]
    norms = tokens.norms
    return 0 <= gap <= 1 and norms[left] not in PUNCTUATION and norms[right] not in PUNCTUATION
