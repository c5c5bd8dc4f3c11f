"""Everyday senses of words that are also finding phrases ("a fit, healthy man").

A lexicon phrase of one common word can name a finding in one sense and mean something
else in another: "fit" is a seizure in "had a fit" but not in "a fit, healthy man";
"faint" is syncope in "felt faint" but not in "a faint rash"; "cutting" is self-harm
only with a reflexive object ("cutting herself"); "burning" describes pain ("burning
pain") far more often than it names a burn. Each rule here looks at the words right
around a mention and drops the mention when the context shows the everyday sense.
Rules are about the word, not about any one case, and err towards keeping a mention.

One rule is about the finding's name rather than a word (:func:`fragment_out_of_context`):
a one-word phrase that is the head of a name going on with a preposition ("halos" for
"Coloured halos around lights") names that finding only when the rest of the name is
near ("haloes around the street lights"); alone it is an everyday word ("ulcers with
inflammatory haloes"). A place after the preposition is implied by the word itself
("blisters" for "Abnormal blistering of the skin"), so it is not required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from carenote.text.lexicon import STOPWORDS
from carenote.text.locations import PLACES
from carenote.text.normalise import normalise_token, phrase_key


@dataclass(frozen=True)
class Sense:
    """A word (the whole mention text) whose context can show a non-finding sense."""

    #: The mention's text, matched whole and case-insensitively.
    word: re.Pattern[str]
    #: Findings (by name) the rule is about; any finding when None.
    names: re.Pattern[str] | None
    #: Text right after the mention that shows the everyday sense (drop when it matches).
    drop_after: re.Pattern[str] | None = None
    #: Text right after the mention that keeps the finding sense (drop when it does not).
    keep_after: re.Pattern[str] | None = None
    #: Text right before the mention that shows the everyday sense.
    drop_before: re.Pattern[str] | None = None
    #: Text near the mention (either side) that keeps the finding sense.
    keep_near: re.Pattern[str] | None = None
    #: Text near the mention (either side) that shows the everyday sense.
    drop_near: re.Pattern[str] | None = None
    #: Text right before the mention that keeps the finding sense.
    keep_before: re.Pattern[str] | None = None
    #: Before and after patterns that show the everyday sense only together (a
    #: determiner before "faint" and a noun after it: "a faint early murmur").
    drop_around: tuple[re.Pattern[str], re.Pattern[str]] | None = None
    #: What the everyday sense does: "drop" the mention, or only "hedge" it (the words
    #: may mean the finding but do not say it: "feels hot" is not a measured fever).
    action: Literal["drop", "hedge"] = "drop"


_REFLEXIVE = re.compile(r"\s+(?:her|him|them|my|your|one)sel(?:f|ves)\b", re.IGNORECASE)

SENSES: tuple[Sense, ...] = (
    # "fit" as an adjective: "a fit, apparently healthy man", "fit and well", "keep fit".
    Sense(
        word=re.compile(r"fit", re.IGNORECASE),
        names=None,
        drop_after=re.compile(
            r"\s*,?\s*(?:and\s+(?:well|healthy|active)|apparently|healthy|young|active|"
            r"looking|for\b|to\s+(?:work|travel|fly|drive)|of\s+(?:coughing|laughter|"
            r"laughing|sneezing|crying|giggles|rage|temper|pique))",
            re.IGNORECASE,
        ),
        # "a coughing fit", "a fit of laughter": a bout of something else.
        drop_before=re.compile(
            r"\b(?:keep|keeps|keeping|physically|very|otherwise|"
            r"cough(?:ing)?|sneez(?:e|ing)|laugh(?:ing|ter)?|cry(?:ing)?|giggl(?:e|ing)|"
            r"choking|temper|jealous|panic)\s+$",
            re.I,
        ),
    ),
    # "faint" as an adjective before any noun: "a faint early diastolic murmur", "the
    # faint outline". "had a faint last week", "a faint feeling", "a faint and a fall"
    # keep the finding.
    Sense(
        word=re.compile(r"faint", re.IGNORECASE),
        names=None,
        drop_around=(
            re.compile(r"\b(?:a|an|the|very|only|barely|slight(?:ly)?|some|this|that)\s+$", re.I),
            re.compile(
                r"\s+(?!(?:and|or|but|when|while|after|before|during|on|in|at|with|from|"
                r"since|because|feeling|sensation|spell|episode|attack|last|yesterday|"
                r"today|this|that|earlier|again|twice|once|then|so|as|like)\b)[a-z]",
                re.IGNORECASE,
            ),
        ),
    ),
    # "faint" as an adjective: "a faint erythematous rash", "faint murmur", "faint smell".
    Sense(
        word=re.compile(r"faint", re.IGNORECASE),
        names=None,
        drop_after=re.compile(
            r"\s+(?:erythematous|macular|maculopapular|papular|pink|red|rash|erythema|"
            r"blush|murmur|systolic|diastolic|wheez|crackle|trace|smell|odou?r|line|"
            r"outline|streak|mark|blue|white|brown|purple|scar|pulse|heart\s+sound)",
            re.IGNORECASE,
        ),
    ),
    # "cut"/"cutting" is self-harm only with a reflexive object; a cut is usually a wound.
    Sense(
        word=re.compile(r"cut(?:s|ting)?", re.IGNORECASE),
        names=re.compile(r"self", re.IGNORECASE),
        keep_after=_REFLEXIVE,
    ),
    # "burning" describes a pain or sensation ("burning and aching pain", "burning on
    # passing urine"); it names a burn injury only with a reflexive ("burning herself").
    Sense(
        word=re.compile(r"burning", re.IGNORECASE),
        names=re.compile(r"\bburn\b|scald", re.IGNORECASE),
        keep_after=_REFLEXIVE,
    ),
    # "smokes", "smoking", "a smoker" are about tobacco; breathing in smoke from a fire is
    # told with the fire ("smoke from a house fire", "inhaled smoke").
    Sense(
        word=re.compile(r"smok(?:e|es|ed|ing|er|ers)", re.IGNORECASE),
        names=re.compile(r"inhal", re.IGNORECASE),
        keep_near=re.compile(r"\b(?:fire|flames?|blaze|inhal\w*|breath\w* in|fumes)\b", re.I),
    ),
    # "tearing" is a quality of pain ("a sudden tearing pain in the chest") as often as
    # watering of the eye; it is epiphora only with the eye or tears near.
    Sense(
        word=re.compile(r"tearing", re.IGNORECASE),
        names=re.compile(r"epiphora|lacrimation|tear", re.IGNORECASE),
        keep_near=re.compile(
            r"\b(?:eyes?|tears|watery|watering|lacrimal|conjunctiv\w*|ocular|eyelids?|lids?)\b",
            re.IGNORECASE,
        ),
    ),
    # "lactate" is a lab value far more often than "to lactate" (breastfeeding).
    Sense(
        word=re.compile(r"lactat\w*", re.IGNORECASE),
        names=re.compile(r"breast", re.IGNORECASE),
        keep_near=re.compile(
            r"\b(?:breast\w*|milk|feed\w*|baby|infant|nursing|postpartum|post-partum)\b", re.I
        ),
    ),
    # "pills" are any tablets ("paracetamol pills"); "the pill" is the contraceptive pill.
    Sense(
        word=re.compile(r"pills?", re.IGNORECASE),
        names=re.compile(r"oestrogen|estrogen|contracept|HRT", re.IGNORECASE),
        keep_before=re.compile(r"\b(?:the|contraceptive|combined|birth\s+control)\s+$", re.I),
    ),
    # Dribbling of urine ("dribbling at the end", "terminal dribbling") is not drooling.
    Sense(
        word=re.compile(r"dribbl\w*", re.IGNORECASE),
        names=re.compile(r"drool", re.IGNORECASE),
        drop_near=re.compile(
            r"\b(?:urin\w*|stream|bladder|void\w*|micturition|pee\w*|wee|prostat\w*|"
            r"terminal|incontinen\w*|flow|at\s+the\s+end)\b",
            re.IGNORECASE,
        ),
    ),
    # Wasting "of" a muscle group ("wasting of the thenar eminence") is local; cachexia is
    # wasting of the body.
    Sense(
        word=re.compile(r"wasting", re.IGNORECASE),
        names=re.compile(r"cachexia", re.IGNORECASE),
        drop_after=re.compile(r"\s+of\s+(?:the\s+|his\s+|her\s+)?(?!body\b)\w", re.I),
    ),
    # Twisting as a movement that makes pain worse ("worse on bending and twisting") is
    # not an injury.
    Sense(
        word=re.compile(r"twisting", re.IGNORECASE),
        names=re.compile(r"injur", re.IGNORECASE),
        drop_before=re.compile(r"\b(?:on|when|with|and|or|by|while)\s+$", re.IGNORECASE),
    ),
    # "on the edge of" is a place ("a lump on the edge of the eyelid"), not being edgy.
    Sense(
        word=re.compile(r"on\s+the\s+edge", re.IGNORECASE),
        names=None,
        drop_after=re.compile(r"\s+of\b", re.IGNORECASE),
    ),
    # "shaking hands" after "when", "or", a comma…: the greeting, an everyday movement.
    Sense(
        word=re.compile(r"shak(?:e|es|ing)", re.IGNORECASE),
        names=None,
        drop_around=(
            re.compile(r"(?:\b(?:when|while|on|by|after|from|or|and)|,)\s*$", re.I),
            re.compile(r"\s+hands\b", re.IGNORECASE),
        ),
    ),
    # "gas" is flatulence only with the gut near; otherwise it is a fuel ("an old gas
    # heater") or a blood gas.
    Sense(
        word=re.compile(r"gas(?:sy|es)?", re.IGNORECASE),
        names=re.compile(r"flatul|wind", re.IGNORECASE),
        keep_near=re.compile(
            r"\b(?:pass\w*|wind|bloat\w*|belch\w*|burp\w*|fart\w*|stomach|tummy|abdom\w*|"
            r"bowels?|trapped|flatul\w*|excess\w*|bottom)\b",
            re.IGNORECASE,
        ),
    ),
    # Only a pregnancy test is a positive pregnancy test: "a stool antigen test is
    # positive" is not, whatever phrase the lexicon gives "test is positive".
    Sense(
        word=re.compile(r"(?!.*(?:pregnan|hcg)).*", re.IGNORECASE | re.DOTALL),
        names=re.compile(r"pregnancy test", re.IGNORECASE),
        keep_near=re.compile(r"pregnan\w*|\bhcg\b", re.IGNORECASE),
    ),
    # Feeling hot is what a person feels, not a measured fever (it may be heat
    # intolerance): kept as said with doubt. Hot to the touch is what another person
    # feels, and NICE NG143 takes a parent's perception of fever seriously.
    Sense(
        word=re.compile(r"(?:feel|feels|felt|feeling)\s+(?:very\s+|quite\s+|a\s+bit\s+)?hot", re.I),
        names=re.compile(r"^fever$", re.IGNORECASE),
        keep_after=re.compile(r"\s+(?:to\s+(?:the\s+)?touch|when\s+touched)", re.IGNORECASE),
        action="hedge",
    ),
    # "guard" as a noun is a thing (a rash guard, a mouth guard, a fire guard); the sign
    # is "guarding" of the abdomen, said with the abdomen near.
    Sense(
        word=re.compile(r"guards?", re.IGNORECASE),
        names=re.compile(r"guarding", re.IGNORECASE),
        keep_near=re.compile(
            r"\b(?:abdom\w*|belly|tummy|stomach|rigid\w*|tender\w*|rebound)\b", re.I
        ),
    ),
    # "eye drops" are a medicine; HPO lists "Eye drop" as a synonym of ptosis (a drooping
    # eyelid), which is meant only when the lid is talked about.
    Sense(
        word=re.compile(r"eye[\s-]*drops?", re.IGNORECASE),
        names=re.compile(r"ptosis", re.IGNORECASE),
        keep_near=re.compile(r"\b(?:eyelids?|lids?|droop\w*|ptosis)\b", re.IGNORECASE),
    ),
    # "pale" names pallor when said of a person or the skin; before a colour or a
    # stool, urine or motion it is that thing's colour ("pale stools", "a pale yellow
    # colour", "loose pale stools"), and after a colour noun likewise ("urine is pale").
    Sense(
        word=re.compile(r"pale", re.IGNORECASE),
        names=re.compile(r"pallor", re.IGNORECASE),
        drop_after=re.compile(
            r"\s*,?\s*(?:and\s+)?(?:yellow|straw|brown|grey|gray|green|pink|blue|white|"
            r"cream|clay|colou?red|colou?r|stools?|poos?|poops?|faeces|feces|motions?|"
            r"urine|wee|pee|bowel)\b",
            re.IGNORECASE,
        ),
        drop_before=re.compile(
            r"\b(?:urine|wee|pee|stools?|poos?|faeces|feces|motions?)\s+(?:is|are|was|were|"
            r"looks?|looked|seems?)?\s*(?:a\s+)?(?:normal\s+|very\s+|quite\s+)?$",
            re.IGNORECASE,
        ),
    ),
)

#: How far around a mention the rules look (characters).
WINDOW = 40


#: Prepositions after which a name's words are a complement the head word needs.
_COMPLEMENT_PREPOSITIONS = frozenset(
    phrase_key("around about in on of over at across along inside within from to with by")
)
#: How far around a one-word mention the rest of its finding's name is looked for.
FRAGMENT_WINDOW = 60
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def _complement(name: str, word: str) -> frozenset[str]:
    """Content words (not places) of the prepositional phrase right after ``word`` in
    ``name``: what a one-word mention of the name must have nearby; empty if none."""
    key = phrase_key(name)
    if word not in key[:-1]:
        return frozenset()
    after = key[key.index(word) + 1 :]
    if after[0] not in _COMPLEMENT_PREPOSITIONS:
        return frozenset()
    content = [w for w in after[1:] if w not in STOPWORDS]
    if not content or all((w,) in PLACES for w in content):
        return frozenset()
    return frozenset(content)


def fragment_out_of_context(text: str, span: tuple[int, int], name: str) -> bool:
    """True for a one-word mention that is only the head of its finding's name ("halos"
    of "Coloured halos around lights") with none of the name's complement near."""
    start, end = span
    said = text[start:end]
    if not said.isalpha():
        return False
    needed = _complement(name, normalise_token(said))
    if not needed:
        return False
    window = text[max(0, start - FRAGMENT_WINDOW) : end + FRAGMENT_WINDOW]
    return not any(normalise_token(w) in needed for w in _WORD.findall(window))


def everyday_sense(text: str, span: tuple[int, int], name: str) -> Literal["drop", "hedge"] | None:
    """What to do with the mention at ``span`` (of a finding called ``name``) used in an
    everyday sense according to :data:`SENSES` ("drop" it, or "hedge" it), or for a
    fragment of the name out of context ("drop", :func:`fragment_out_of_context`);
    None when the finding sense stands."""
    if fragment_out_of_context(text, span, name):
        return "drop"
    start, end = span
    said = text[start:end]
    after = text[end : end + WINDOW]
    before = text[max(0, start - WINDOW) : start]
    for sense in SENSES:
        if not sense.word.fullmatch(said):
            continue
        if sense.names is not None and not sense.names.search(name):
            continue
        if _everyday(sense, before, after):
            return sense.action
    return None


def _everyday(sense: Sense, before: str, after: str) -> bool:
    """Whether the context shows the everyday sense of ``sense.word``."""
    if sense.drop_after is not None and sense.drop_after.match(after):
        return True
    if sense.drop_before is not None and sense.drop_before.search(before):
        return True
    if sense.drop_around is not None:
        pre, post = sense.drop_around
        if pre.search(before) and post.match(after):
            return True
    if sense.drop_near is not None and sense.drop_near.search(before + " " + after):
        return True
    if sense.keep_after is not None and not sense.keep_after.match(after):
        return True
    if sense.keep_before is not None and not sense.keep_before.search(before):
        return True
    return sense.keep_near is not None and not sense.keep_near.search(before + " " + after)
