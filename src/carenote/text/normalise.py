"""Tokenising and normalising words so that text and lexicon phrases meet half way.

The same :func:`normalise_token` is applied to the words of lexicon phrases and to the
words of the text, so any over-normalisation (``"does"`` → ``"doe"``) is harmless: it
only matters that equal words map to equal keys and that variants of one word
(British/American spelling, plural, contraction) map to one key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from carenote.text.abbreviations import ABBREVIATIONS, PREFIX

#: A decimal or thousands-grouped number, a word (letters/digits, inner apostrophes),
#: clause punctuation, or a line break. Hyphens, slashes and other symbols separate
#: words and are dropped, so "neck-stiffness" and "neck stiffness" tokenise alike.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’][^\W_]+)*|[.;!?,:()\[\]]|\n")

#: Clause punctuation that ends a negation scope (a sentence or line ends).
BOUNDARIES = frozenset({".", ";", "!", "?", "\n"})
#: The token of a full stop that closes an abbreviation ("Dr.", "vs.", "e.g."): not
#: the end of a sentence.
ABBREVIATION_DOT = "<abbr.>"
#: Punctuation kept as tokens so that lexicon phrases never match across it.
PUNCTUATION = frozenset({".", ";", "!", "?", ",", ":", "(", ")", "[", "]", "\n", ABBREVIATION_DOT})
#: Words after which a full stop is part of the word (as written, case matters).
_ABBREVIATIONS = frozenset(
    {"Dr", "dr", "Mr", "Mrs", "Ms", "Prof", "St", "vs", "approx", "Approx", "resp", "temp"}
)

#: British → American spelling, applied inside words. "aem" only occurs in Greek-derived
#: medical words in English (anaemia, haem-, leukaemia, -glycaemia, -kalaemia, ischaemia).
_SPELLING = (
    ("aem", "em"),
    ("oedem", "edem"),
    ("oesophag", "esophag"),
    ("oestr", "estr"),
    ("oea", "ea"),  # diarrhoea, dyspnoea, apnoea, amenorrhoea, gonorrhoea
    ("paed", "ped"),
    ("aetiol", "etiol"),
    ("anaes", "anes"),
    ("gynaec", "gynec"),
    ("faec", "fec"),
    ("caec", "cec"),
    ("coeli", "celi"),
    ("foet", "fet"),
    ("tumour", "tumor"),
    ("colour", "color"),
    ("behaviour", "behavior"),
    ("odour", "odor"),
    ("humour", "humor"),
    ("sulph", "sulf"),
    ("litre", "liter"),
    ("metre", "meter"),
    ("centre", "center"),
    ("fibre", "fiber"),
    ("isation", "ization"),
    ("ised", "ized"),  # generalised, localised
    ("ising", "izing"),
    ("lyse", "lyze"),  # paralysed, analyse
    ("lysing", "lyzing"),
    ("ageing", "aging"),
    ("travell", "travel"),  # travelled, travelling, traveller
    ("cancell", "cancel"),
    ("labell", "label"),
    ("modell", "model"),
    ("signall", "signal"),
)
_SPELLING_RE = re.compile("|".join(re.escape(old) for old, _ in _SPELLING))
_SPELLING_MAP = MappingProxyType(dict(_SPELLING))

#: Contractions and run-together negations become "not", so one trigger list covers
#: "doesn't", "does not" and "didnt" ...
_NOT_WORDS = frozenset(
    {
        "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent",
        "hasnt", "havent", "hadnt", "wont", "shouldnt", "wouldnt",
    }
)  # fmt: skip
#: ... except an inability, which is a finding of its own: "can't smell" (anosmia) is not
#: "doesn't smell" (said of a discharge). "can't", "cannot", "can not", "couldn't" and
#: "could not" all become :data:`CANNOT` (a negation trigger as well).
CANNOT = "cannot"
_CANNOT_WORDS = frozenset({"cannot", "cant", "couldnt"})
_CANNOT_CONTRACTED = ("can't", "couldn't")
#: The first word of a two-word inability ("can not", "could not"), lower case.
_CAN = frozenset({"can", "could"})
#: "do", "does", "did" before "not" are dropped, as in "doesn't": "does not fade" =
#: "doesn't fade" (normalised; "does" becomes "doe").
_DO = frozenset({"do", "does", "did"})
_DO_NORMS = frozenset({"do", "doe", "did"})
#: Plural endings that are not plurals (status, sepsis, abscess).
_NOT_PLURAL = ("ss", "us", "is")
_ES_PLURAL = ("shes", "ches", "xes", "sses", "zes")
#: Double letters that are part of the stem ("swelling", "stiffed", "passing", "buzzing",
#: "seeing"), unlike the doubled consonant of "sitting" or "stopped".
_KEEP_DOUBLE = frozenset("lsfzeo")
#: Words whose final "e" is not silent in the sense that matters here: without it they
#: become a different, common word ("rate" → "rat", "note" → "not", a negation; "bite"
#: → "bit" as in "a bit tired"; "scare" → "scar"; "mine" → "min" as in "breaths/min";
#: "hives" → "hiv", which is how "HIV" is read).
_KEEP_FINAL_E = frozenset(
    {
        "rate", "note", "bite", "site", "hate", "mate", "hope", "fine", "tape", "tube",
        "cure", "spine", "pine", "plane", "cane", "wine", "cope", "ride", "made", "tone",
        "cute", "scare", "bare", "care", "fare", "stare", "spare", "pale", "sole", "mine",
        "dine", "robe", "ripe", "wade", "kite", "slime", "shine", "twine", "hide", "hive",
        "mole",  # "mol" is the unit of "mmol/mol", not a naevus
    }
)  # fmt: skip


#: Derivations that name the same finding, mapped to one key after the endings are
#: stripped ("mouth ulceration" = "mouth ulcer", "felt nauseated" = nausea, "dehydrated"
#: = dehydration). A short explicit table: a general -ation/-ated rule would also merge
#: words that differ in meaning ("station"/"stated", "relation"/"related").
_DERIVATIONS = MappingProxyType(
    {
        "ulceration": "ulcer",
        "ulcerat": "ulcer",  # ulcerated, ulcerating, ulcerate
        "nauseat": "nausea",  # nauseated, nauseating
        "nauseous": "nausea",
        "dehydration": "dehydrat",
        "perforation": "perforat",
        "distension": "distend",
        "distention": "distend",
        "confusion": "confus",
        "agitation": "agitat",
        "obstruction": "obstruct",
        "dilatation": "dilat",
        "dilation": "dilat",
    }
)

#: Most distinct words a shared normalisation cache keeps (bounded, so arbitrary
#: input cannot grow it without limit).
CACHE_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class Tokens:
    """Normalised tokens of a text with their character spans in the original."""

    norms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def _respell(match: re.Match[str]) -> str:
    return _SPELLING_MAP[match.group(0)]


def normalise_token(raw: str) -> str:
    """Lower-case one word; unify spelling, contractions, plural and verb endings."""
    if raw in ABBREVIATIONS:
        return PREFIX + raw  # "HTN" as written; "htn" stays an ordinary word
    word = raw.lower().replace("’", "'")
    if "'" in word:
        if word in _CANNOT_CONTRACTED:
            return CANNOT
        if word.endswith("n't"):
            return "not"
        if word.endswith("'s"):
            word = word[:-2]
        word = word.replace("'", "")
    if word in _NOT_WORDS:
        return "not"
    if word in _CANNOT_WORDS:
        return CANNOT
    if len(word) > 3 and word[-1] == "s" and not word[0].isdigit():
        if word.endswith("ies"):
            word = word[:-3] + "y"
        elif word.endswith(_ES_PLURAL):
            word = word[:-2]
        elif not word.endswith(_NOT_PLURAL):
            word = word[:-1]
    word = _SPELLING_RE.sub(_respell, word)
    # Verb forms meet their noun: "vomited"/"vomiting"/"vomits", "coughing"/"cough",
    # "sitting"/"sit"; short words ("bring", "bleed") are left alone.
    if len(word) > 5 and word.endswith(("ing", "ed")) and not word[0].isdigit():
        word = word[:-3] if word[-1] == "g" else word[:-2]
        if word[-1] == word[-2] and word[-1] not in _KEEP_DOUBLE:
            word = word[:-1]
    # A final silent "e" is dropped so that "headache"/"headaches" (whose plural is
    # stripped as "-es", like "patches") and "disease"/"diseases" meet.
    if len(word) > 3 and word[-1] == "e" and word not in _KEEP_FINAL_E:
        word = word[:-1]
    return _DERIVATIONS.get(word, word)


def normalised_words(words: str) -> frozenset[str]:
    """The normalised forms of the space-separated ``words`` (for word lists)."""
    return frozenset(normalise_token(word) for word in words.split())


def tokenise(text: str, cache: dict[str, str] | None = None) -> Tokens:
    """Split a text into normalised tokens, keeping each token's span in ``text``.

    ``cache`` (raw word → normalised word) may be shared between calls to save work.
    """
    norms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    previous = ""
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        if raw == "\n" and _soft_wrap(text, match.start()):
            continue
        if raw == "." and _closes_abbreviation(previous, starts, ends, match.start()):
            norms.append(ABBREVIATION_DOT)
            starts.append(match.start())
            ends.append(match.end())
            previous = raw
            continue
        if norms and raw.lower() == "not" and previous.lower() in _CAN | _DO:
            # "can not" is one word, as "cannot" is; "does not" is "doesn't".
            norms[-1] = CANNOT if previous.lower() in _CAN else "not"
            ends[-1] = match.end()
            previous = raw
            continue
        previous = raw
        if cache is None:
            norms.append(normalise_token(raw))
        else:
            norm = cache.get(raw)
            if norm is None:
                norm = normalise_token(raw)
                if len(cache) < CACHE_LIMIT:
                    cache[raw] = norm
            norms.append(norm)
        starts.append(match.start())
        ends.append(match.end())
    return Tokens(tuple(norms), tuple(starts), tuple(ends))


#: Characters after which a line break ends a sentence or a list item.
_HARD_BEFORE = frozenset(".;!?:)]")
#: Characters that start a list item or a heading on the next line.
_HARD_AFTER = frozenset("-*•#>0123456789")


def _soft_wrap(text: str, at: int) -> bool:
    """True for a line break inside a sentence (text wrapped at a fixed width or pasted
    from a PDF: "she denies" / "haemoptysis"): the line ends without punctuation and the
    next goes on in lower case (or after a comma), so the break is read as a space."""
    before = text[max(0, at - 80) : at].rstrip()
    after = text[at + 1 : at + 81].lstrip()
    if not before or not after or before[-1] in _HARD_BEFORE or after[0] in _HARD_AFTER:
        return False
    return after[0].islower() or (before[-1] == "," and after[0].isalpha())


def _closes_abbreviation(previous: str, starts: list[int], ends: list[int], at: int) -> bool:
    """A full stop right after "Dr", "vs" or a lower-case letter ("e.g.", "y.o.")."""
    if not ends or ends[-1] != at:
        return False
    return previous in _ABBREVIATIONS or (len(previous) == 1 and previous.islower())


def phrase_key(phrase: str, cache: dict[str, str] | None = None) -> tuple[str, ...]:
    """The normalised word sequence of a lexicon phrase (punctuation dropped)."""
    simple = phrase.replace("-", " ")
    if simple.isascii() and simple.replace(" ", "").isalpha():
        words = simple.split()  # the common case, several times faster than the regex
    else:
        words = [raw for raw in _TOKEN.findall(phrase) if raw not in PUNCTUATION]
    key: list[str] = []
    for raw in words:
        if key and key[-1] in _CAN | _DO_NORMS and raw.lower() == "not":
            # "can not smell" = "cannot smell", "does not fade" = "doesn't fade"
            # (see :func:`tokenise`).
            key[-1] = CANNOT if key[-1] in _CAN else "not"
            continue
        if cache is None:
            key.append(normalise_token(raw))
            continue
        norm = cache.get(raw)
        if norm is None:
            norm = cache[raw] = normalise_token(raw)
        key.append(norm)
    return tuple(key)
