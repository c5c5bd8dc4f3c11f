"""Where a finding is: "ulcers in his mouth" = "mouth ulcer", "a rash mostly on his wrists".

Lexicon phrases name a place before the finding ("mouth ulcer", "chest pain", "oral
ulcer"); people usually put it after, behind a preposition ("ulcers in his mouth", "pain
across the chest"), sometimes with words in between ("a rash that is most prominent on
his wrists"). Two bounded mechanisms cover this:

* :func:`location_variants` (at lexicon build time): for a phrase "PLACE HEAD" whose
  words before the last one are a place (a body part, or its adjective: "oral" → mouth,
  with optional "upper"/"lower"/"left"/"right"… in front), the phrases "HEAD PREP PLACE"
  for the prepositions in :data:`PREPOSITIONS` name the same finding. Only phrases the
  lexicon does not have already are added, so a written phrase always wins.
* :func:`gapped_match` (at parse time): after a one-word finding head, up to
  :data:`MAX_GAP` filler words may stand before a spatial preposition that goes on into
  a lexicon phrase ("a rash that is most prominent on his wrists and ankles" = "rash on
  the wrists and ankles"). The gap may not cross clause punctuation, hold a negation or
  any other trigger ("rash that is not on his wrists"), or hold a finding of its own
  ("rash and pain on his legs" is two findings). After a verb of moving ("moved",
  "spread", "shifted", "migrated", "settled") "to" reads as "in": "pain that moved to the
  right lower quadrant" is pain in the right lower quadrant now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from carenote.text.normalise import PUNCTUATION, phrase_key
from carenote.text.phrasetable import SIDES, SKIPPED, PhraseTable

#: Prepositions that put a finding in a place ("ulcer in the mouth", "rash on the legs",
#: "pain across the chest", "discharge from the ear", "swelling of the face", and the
#: British clinical "swelling to the left ankle").
PREPOSITIONS = tuple(
    phrase_key("in on of over around at across along inside within from to affecting involving")
)
#: Prepositions a gapped match may resume with ("of" and "from" attach to the head
#: directly and are left out: "worse because of the heat").
GAP_PREPOSITIONS = frozenset(phrase_key("in on over around at across along inside within"))
#: Filler words a gapped match may step over (articles and possessives are free).
MAX_GAP = 5
_TO = phrase_key("to")[0]
_IN = phrase_key("in")[0]
#: Verbs of moving: "pain that moved to the right iliac fossa" is pain there now.
_MOVING = frozenset(
    phrase_key(
        "moved move moves moving migrated migrates migrating shifted shifts shifting "
        "spread spreads spreading settled settles localised localized went travelled"
    )
)
#: Words that make a place more precise and stay in front of it.
_QUALIFIERS = frozenset(
    phrase_key(
        "upper lower left right inner outer front middle both central lateral medial "
        "anterior posterior top bottom side"
    )
)

#: A body part and the noun phrases that name it after a preposition. Adjectives and
#: plain-English names point to the same places ("oral" → mouth, "tummy" → abdomen).
_PLACES: dict[str, tuple[str, ...]] = {
    "mouth": ("mouth", "oral mucosa", "buccal mucosa", "inside of cheek", "oral cavity"),
    "oral": ("mouth", "oral mucosa", "buccal mucosa", "inside of cheek", "oral cavity"),
    "buccal": ("cheek", "buccal mucosa", "inside of cheek"),
    "eye": ("eye",),
    "ocular": ("eye",),
    "ear": ("ear",),
    "nose": ("nose",),
    "nasal": ("nose",),
    "face": ("face",),
    "facial": ("face",),
    # Pain in the forehead or the temples is a headache (ICHD-3 names frontal and
    # temporal headache by where it is felt).
    "head": ("head", "forehead", "temple"),
    "eyelid": ("eyelid", "lid"),
    "scalp": ("scalp",),
    "neck": ("neck",),
    "throat": ("throat",),
    "tongue": ("tongue",),
    "lingual": ("tongue",),
    "lip": ("lip",),
    "gum": ("gum",),
    "tooth": ("tooth",),
    "jaw": ("jaw",),
    "cheek": ("cheek",),
    "chest": ("chest",),
    "breast": ("breast",),
    "nipple": ("nipple",),
    "back": ("back",),
    "abdomen": ("abdomen", "tummy", "belly", "stomach"),
    "abdominal": ("abdomen", "tummy", "belly", "stomach"),
    "tummy": ("abdomen", "tummy", "belly", "stomach"),
    "belly": ("abdomen", "tummy", "belly", "stomach"),
    "stomach": ("abdomen", "tummy", "belly", "stomach"),
    "groin": ("groin",),
    "inguinal": ("groin",),
    "flank": ("flank",),
    "loin": ("loin",),
    "pelvis": ("pelvis",),
    "pelvic": ("pelvis",),
    "hip": ("hip",),
    "buttock": ("buttock",),
    "genital": ("genitals", "genital area"),
    "penis": ("penis",),
    "penile": ("penis",),
    "scrotum": ("scrotum",),
    "scrotal": ("scrotum",),
    "testicle": ("testicle",),
    "testicular": ("testicle",),
    "vulva": ("vulva",),
    "vulval": ("vulva",),
    "vagina": ("vagina",),
    "vaginal": ("vagina",),
    "anus": ("anus", "bottom"),
    "anal": ("anus", "bottom"),
    "rectum": ("rectum",),
    "rectal": ("rectum",),
    "skin": ("skin",),
    "cutaneous": ("skin",),
    "arm": ("arm",),
    "forearm": ("forearm",),
    "elbow": ("elbow",),
    "wrist": ("wrist",),
    "hand": ("hand",),
    "palm": ("palm",),
    "finger": ("finger",),
    "thumb": ("thumb",),
    "nail": ("nail",),
    "shoulder": ("shoulder",),
    "armpit": ("armpit", "axilla"),
    "axillary": ("armpit", "axilla"),
    "leg": ("leg",),
    "thigh": ("thigh",),
    "knee": ("knee",),
    "calf": ("calf",),
    "shin": ("shin",),
    "ankle": ("ankle",),
    "foot": ("foot",),
    "sole": ("sole",),
    "heel": ("heel",),
    "toe": ("toe",),
    "joint": ("joint",),
    "muscle": ("muscle",),
    "muscular": ("muscle",),
    "bone": ("bone",),
    "spine": ("spine",),
    "spinal": ("spine",),
    "quadrant": ("quadrant",),
    "iliac fossa": ("iliac fossa",),
    "umbilicus": ("umbilicus", "belly button", "navel"),
    "umbilical": ("umbilicus", "belly button", "navel"),
    "periumbilical": ("umbilicus", "belly button", "navel"),
}
PLACES: Mapping[tuple[str, ...], tuple[tuple[str, ...], ...]] = {
    phrase_key(place): tuple(phrase_key(noun) for noun in nouns) for place, nouns in _PLACES.items()
}
_AROUND = phrase_key("around")
_PAIN = phrase_key("pain")[0]
#: Words for pain at a place ("a dull ache around the navel", "discomfort in the chest").
_ACHES = tuple(phrase_key("ache discomfort soreness"))
#: Pain told as pressure, tightness or heaviness: how angina is usually described (NICE
#: CG95, chest pain of recent onset: "constricting discomfort in the front of the chest")
#: and how tension-type headache is (ICHD-3 2.x: "pressing or tightening (non-pulsating)
#: quality"). Elsewhere these words mean other things (heavy legs, pressure sores).
_PRESSING = tuple(phrase_key("pressure tightness heaviness"))
_PRESSING_PLACES = frozenset(
    {phrase_key("chest"), phrase_key("head"), phrase_key("forehead"), phrase_key("temple")}
)
#: Adjectives of place that already say the preposition: periumbilical pain is pain
#: around the umbilicus, not in it.
_OWN_PREPOSITION = {phrase_key("periumbilical"): _AROUND}


def _place_nouns(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The noun phrases a place written as ``words`` can be named with, qualifiers kept
    in front ("lower abdominal" → "lower abdomen", "lower tummy", …); () if not a place."""
    for cut in range(len(words)):
        if all(word in _QUALIFIERS for word in words[:cut]):
            nouns = PLACES.get(words[cut:])
            if nouns:
                return tuple((*words[:cut], *noun) for noun in nouns)
    return ()


def location_variants(
    key: tuple[str, ...], *, sensations: bool = False
) -> Iterable[tuple[str, ...]]:
    """ "HEAD PREP PLACE" phrases for a "PLACE HEAD" key ("mouth ulcer" → "ulcer in mouth");
    with ``sensations``, the same with the other words people use for the sensation
    ("tummy ache", "ache in the tummy") instead."""
    if not 2 <= len(key) <= 4:
        return
    head = key[-1]
    if not head.isalpha() or head in SIDES or (head,) in PLACES or head in _QUALIFIERS:
        return
    place = key[:-1]
    nouns = _place_nouns(place)
    if not nouns:
        return
    heads = _sensations(head, nouns) if sensations else (head,)
    if sensations:
        for other in heads:
            yield (*place, other)
    prepositions = _OWN_PREPOSITION.get(place[-1:], PREPOSITIONS)
    for noun in nouns:
        for word in heads:
            for preposition in prepositions:
                yield (word, preposition, *noun)


def _sensations(head: str, nouns: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """Other words for the sensation ``head`` names at a place: "ache", "discomfort" and
    "soreness" for pain anywhere; "pressure", "tightness", "heaviness" for pain in the
    chest or the head, where they are how the pain is usually told."""
    if head != _PAIN:
        return ()
    if any(noun[-1:] in _PRESSING_PLACES for noun in nouns):
        return (*_ACHES, *_PRESSING)
    return _ACHES


def add_location_variants(table: PhraseTable) -> int:
    """Add the variants of every phrase the table does not have yet; how many added."""
    added = 0
    written = list(table.phrases.items())
    # Variants with the phrase's own head first, so that "tightness in the chest" is
    # chest tightness when the lexicon has it, and chest pain only when it does not.
    for sensations in (False, True):
        for key, values in written:
            for variant in location_variants(key, sensations=sensations):
                if variant not in table.phrases:
                    for value in values:
                        table.add(variant, value)
                    added += 1
    return added


def gap_heads(table: PhraseTable) -> dict[str, frozenset[str]]:
    """First word → the gap prepositions some phrase goes on with right after it."""
    heads: dict[str, set[str]] = {}
    for key in table.phrases:
        if len(key) >= 3 and key[1] in GAP_PREPOSITIONS:
            heads.setdefault(key[0], set()).add(key[1])
    return {head: frozenset(preps) for head, preps in heads.items()}


def gapped_match(
    norms: tuple[str, ...],
    start: int,
    table: PhraseTable,
    prepositions: frozenset[str],
    blocked: Callable[[int], bool],
) -> tuple[int, tuple[int, ...]]:
    """Longest "HEAD filler… PREP PLACE" phrase starting at ``start`` (token count
    including the gap, entry indices), or (0, ()). ``blocked(j)`` says that token ``j``
    may not be stepped over (it starts a trigger or a finding)."""
    head = norms[start]
    moving = False
    gap = 0
    j = start + 1
    while j < len(norms) and gap <= MAX_GAP:
        word = norms[j]
        if word in PUNCTUATION:
            return 0, ()
        if word not in SKIPPED:
            preposition = _IN if word == _TO and moving else word
            if gap and preposition in prepositions:
                found = table.resume(norms, start, j, (head, preposition))
                if found[0]:
                    return found
            if blocked(j):
                return 0, ()
            moving = moving or word in _MOVING
            gap += 1
        j += 1
    return 0, ()
