"""Re-read a few ways of telling a finding as the lexicon phrase they stand for.

Some findings are told with a quantity or a construction that no phrase list can hold:
"has lost 6 kg" is weight loss, "3+ protein on dipstick" is proteinuria, "swallowed 24
tablets of paracetamol 500 mg" is a paracetamol overdose, "a tight, heavy feeling in his
chest" is chest tightness. Each rule here finds such an expression in the text and
rewrites the normalised words of its tokens into the lexicon phrase it means (the
phrase's first word on the first token, its other words on the last tokens, articles
in between, which matching steps over). The character spans do not change, so the
mention covers the expression as written, and negation, hedging and family history
apply to it like to any phrase ("he has not lost 6 kg").

A rule only ever names a phrase; whether the lexicon has that phrase (and for which
finding) is the knowledge base's business, so a rule whose phrase is missing does
nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from carenote.text.demographics import gestations
from carenote.text.normalise import Tokens, normalise_token, phrase_key
from carenote.text.numbers import to_number

_FILLER = normalise_token("the")

_AMOUNT_WORDS = (
    r"(?:about|around|approximately|approx\.?|roughly|nearly|almost|over|more\s+than|"
    r"at\s+least|some|up\s+to|~)"
)
_NUMBER = r"\d+(?:[.,]\d+)?"

#: "has lost 6 kg", "lost about 8 kg in 2 months", "losing 10 lb", "lost a stone".
_WEIGHT_LOST = re.compile(
    rf"\b(?:lost|losing|loses|lose)\s+(?:{_AMOUNT_WORDS}\s+)?(?:{_NUMBER}|a|half\s+a)\s*"
    r"(?:kg|kgs|kilos?|kilograms?|lbs?|pounds?|st|stones?)\b",
    re.IGNORECASE,
)
#: "gained 5 kg", "put on 3 kg".
_WEIGHT_GAINED = re.compile(
    rf"\b(?:gained|gaining|gains|gain|put\s+on|putting\s+on)\s+(?:{_AMOUNT_WORDS}\s+)?"
    rf"(?:{_NUMBER}|a|half\s+a)\s*(?:kg|kgs|kilos?|kilograms?|lbs?|pounds?|st|stones?)\b",
    re.IGNORECASE,
)

#: A urine dipstick grade of 1+ or more ("3+", "++"): a positive result. "Trace" is not
#: read as positive (NICE NG133 quantifies proteinuria after a dipstick of 1+ or more).
_GRADE = r"(?:[1-4]\s*\+|\+{1,4})"
_ANALYTES = {
    "protein": "proteinuria",
    "blood": "hematuria",
    "glucose": "glycosuria",
    "ketones": "ketonuria",
    "leucocytes": "leukocyturia",
    "leukocytes": "leukocyturia",
}
_ANALYTE = "|".join(_ANALYTES)
_GRADED = re.compile(
    rf"(?:{_GRADE}\s*(?:of\s+)?(?P<after>{_ANALYTE})\b"
    rf"|\b(?P<before>{_ANALYTE})\s*(?:[:=]|\bis\b|\bwas\b)?\s*{_GRADE}(?![\w+]))",
    re.IGNORECASE,
)

#: "a tight, heavy feeling in the centre of his chest": the sensation word the
#: adjectives make of "feeling"/"sensation".
_PRESSING_ADJECTIVES = {
    normalise_token("tight"): "tightness",
    normalise_token("heavy"): "heaviness",
    normalise_token("squeezing"): "pressure",
    normalise_token("crushing"): "pressure",
    normalise_token("pressing"): "pressure",
    normalise_token("constricting"): "tightness",
}
_FEELINGS = frozenset(phrase_key("feeling sensation"))
_BETWEEN_ADJECTIVES = frozenset({",", normalise_token("and"), *phrase_key("dull very")})

#: Paracetamol by its names (BNF; acetaminophen in the US; brand names sold in the UK and
#: the US), and what it is taken as.
_PARACETAMOL = r"(?:paracetamol|acetaminophen|panadol|tylenol|calpol)"
_DOSE_UNITS = r"(?:tablets?|tabs?|pills?|caplets?|capsules?)"
_STRENGTH = r"(?P<{name}>\d+(?:\.\d+)?)\s*(?P<{name}_unit>mg|g|grams?)\b"
_OVERDOSE = re.compile(
    r"\b(?:took|taken|taking|takes|swallowed|swallowing|swallows|ingested|ingesting|"
    r"consumed|had|overdosed\s+on)\s+"
    rf"(?:{_AMOUNT_WORDS}\s+)?(?P<count>\d+)\s*(?:x\s*|×\s*)?"
    rf"(?:{_STRENGTH.format(name='s1')}\s+)?(?:(?P<drug1>{_PARACETAMOL})\s+)?"
    rf"{_DOSE_UNITS}\b"
    rf"(?:\s+of\s+(?:{_STRENGTH.format(name='s2')}\s+)?(?P<drug2>{_PARACETAMOL})"
    rf"(?:\s+{_STRENGTH.format(name='s3')})?)?",
    re.IGNORECASE,
)
#: The most paracetamol an adult may take in 24 hours: 4 g (BNF, "Paracetamol": adult
#: dose 0.5-1 g every 4-6 hours, maximum 4 g per day). More than that is an overdose.
MAX_DAILY_PARACETAMOL_MG = 4000.0
#: With no strength stated, the smallest usual adult tablet is assumed: 325 mg (the US
#: "regular strength"; UK tablets are 500 mg), so only 13 or more tablets are read as
#: more than 4 g. An assumption of ours, conservative on purpose.
SMALLEST_ADULT_TABLET_MG = 325.0
#: Words that spread the tablets over time: then the count is not one intake.
_SPREAD = re.compile(
    r"\b(?:a|per|each|every)\s+day\b|\bdaily\b|\bweek|\bover\s+(?:the\s+)?"
    r"(?:last|past)?\s*\d*\s*days",
    re.IGNORECASE,
)


#: Chest pain with how long it has lasted, in one sentence: "crushing chest pain for 40
#: minutes", "pain in his chest that started an hour ago". NICE CG95 suspects an acute
#: coronary syndrome in pain lasting longer than 15 minutes and refers as an emergency
#: when it is still there or was in the last 12 hours; so 15 minutes to 12 hours is
#: read as ongoing chest pain. Longer stretches ("for 3 days") are not.
#: The words between may not turn to something else ("no chest pain, but a cough for an
#: hour").
_CHEST = r"\bchest\b(?:(?!\b(?:but|however|although|cough\w*|breath\w*)\b)[^.;!?\n]){0,80}?"
_MINUTES_OR_HOURS = (
    rf"(?:{_AMOUNT_WORDS}\s+)?(?P<count>\d+(?:[.,]\d+)?|an?|one|half\s+an)\s*"
    r"(?P<unit>minutes?|mins?|hours?|hrs?)\b"
)
_LASTING = r"(?:for|lasting|over\s+the\s+(?:last|past)|started|began|begun|came\s+on)"
_CHEST_PAIN_LASTING = re.compile(
    rf"{_CHEST}(?P<duration>\b{_LASTING}\s+{_MINUTES_OR_HOURS}(?:\s+ago)?)", re.IGNORECASE
)
ACS_MIN_MINUTES = 15.0
ACS_MAX_MINUTES = 12 * 60.0
#: Chest pain with the effort that brings it on, told as a habit in the present tense
#: ("a tight chest when he walks uphill", "whenever I climb stairs"): the angina pattern
#: of NICE CG95 (pain brought on by physical exertion). A past tense ("when he was
#: walking") tells of one event and is not read.
_EFFORTS = (
    r"(?:walks?|climbs?|hurr(?:y|ies)|runs?|exercises?|jogs?|goes\s+up|go\s+up|carries|"
    r"carry|exerts?|cycles?|digs?)"
)
_CHEST_ON_EFFORT = re.compile(
    rf"{_CHEST}(?P<effort>\b(?:when|whenever|if)\s+(?:he|she|i|they|you)\s+{_EFFORTS}\b)",
    re.IGNORECASE,
)


#: Stridor heard only with crying or upset ("a harsh noise on breathing in only when he
#: cries, not at rest"): the mild croup of the Westley score (Nelson), not stridor at rest.
_WHO = r"(?:(?:he|she|they|the\s+child|the\s+baby)\s+)?(?:is\s+|gets\s+|becomes\s+)?"
_UPSET = r"(?:cries|crying|cry|upset|agitated|distressed|screams|screaming)\b"
_NOISE = r"\b(?:stridor|noise|noisy|crowing|whoop\w*)\b"
_STRIDOR_WHEN_UPSET = re.compile(
    rf"{_NOISE}[^.;!?\n]{{0,60}}?(?P<upset>\bonly\s+(?:when|if|while)\s+{_WHO}{_UPSET})",
    re.IGNORECASE,
)
#: ... and told the other way round: "when he cries he makes a harsh noise breathing in,
#: but when he's calm his breathing is quiet".
_UPSET_THEN_CALM = re.compile(
    rf"(?P<upset>\bwhen\s+{_WHO}{_UPSET})[^.;!?\n]{{0,50}}?{_NOISE}[^.;!?\n]{{0,40}}?"
    r"\bbut\s+(?:when|while|at)\s+[^.;!?\n]{0,20}?\b(?:calm|settled|rest|resting|asleep)\b",
    re.IGNORECASE,
)


#: A trip to a country where travellers' diarrhoea and malaria are common (CDC Yellow
#: Book: most of Asia, Africa, Mexico, Central and South America): "a backpacker in
#: Mexico", "back from a trip to Thailand" is recent travel abroad to such a region.
_TROPICAL_COUNTRIES = (
    "Mexico", "Guatemala", "Belize", "Honduras", "Nicaragua", "Costa Rica", "Panama",
    "Cuba", "Haiti", "Jamaica", "Dominican Republic", "Colombia", "Venezuela", "Ecuador",
    "Peru", "Bolivia", "Brazil", "Paraguay", "Guyana", "Egypt", "Morocco", "Nigeria",
    "Ghana", "Kenya", "Tanzania", "Uganda", "Ethiopia", "Zambia", "Malawi", "Mozambique",
    "Senegal", "Gambia", "Sierra Leone", "Cameroon", "Congo", "Zimbabwe", "Madagascar",
    "Rwanda", "India", "Pakistan", "Bangladesh", "Nepal", "Sri Lanka", "Thailand",
    "Vietnam", "Cambodia", "Laos", "Myanmar", "Indonesia", "Bali", "Philippines", "Malaysia",
)  # fmt: skip
_COUNTRY = "|".join(c.replace(" ", r"\s+") for c in _TROPICAL_COUNTRIES)
_TRAVEL = re.compile(
    r"\b(?:travel\w*|trip|holiday\w*|vacation\w*|backpack\w*|visit\w*|return\w*|back|"
    r"flew|been|stay\w*|tour\w*)\s+(?:\w+\s+){0,3}?(?:in|to|from|around|through)\s+(?:the\s+)?"
    rf"(?:{_COUNTRY})\b",
    re.IGNORECASE,
)


#: A current pregnancy's gestation ("34 weeks pregnant", "at 32+4 weeks' gestation"):
#: after 20 weeks it is late pregnancy (the KB's "pregnant more than 20 weeks"), before it
#: simply a pregnancy. "Born at 34 weeks' gestation" is a baby's history and is skipped.
LATE_PREGNANCY_AFTER_WEEKS = 20


def reread(text: str, tokens: Tokens) -> Tokens:
    """``tokens`` with the expressions above rewritten as the phrases they stand for."""
    norms: list[str] | None = None
    for start, end, phrase in _expressions(text, tokens):
        first = bisect_left(tokens.ends, start + 1)
        last = bisect_right(tokens.starts, end - 1)
        if last - first < len(phrase):
            continue
        if norms is None:
            norms = list(tokens.norms)
        norms[first] = phrase[0]
        for k in range(first + 1, last):
            norms[k] = _FILLER
        for offset, word in enumerate(reversed(phrase[1:]), start=1):
            norms[last - offset] = word
    if norms is None:
        return tokens
    return Tokens(tuple(norms), tokens.starts, tokens.ends)


def _expressions(text: str, tokens: Tokens) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """(start, end, phrase key) of every expression a rule re-reads."""
    for match in _WEIGHT_LOST.finditer(text):
        yield match.start(), match.end(), _WEIGHT_LOSS
    for match in _WEIGHT_GAINED.finditer(text):
        yield match.start(), match.end(), _WEIGHT_GAIN
    for match in _GRADED.finditer(text):
        group = "after" if match.group("after") else "before"
        # A one-word phrase can only cover one token: the analyte's.
        yield match.start(group), match.end(group), phrase_key(_ANALYTES[match[group].lower()])
    for match in _OVERDOSE.finditer(text):
        if _paracetamol_overdose(match, text):
            yield match.start(), match.end(), _PARACETAMOL_OVERDOSE
    for match in _CHEST_PAIN_LASTING.finditer(text):
        if ACS_MIN_MINUTES <= _minutes(match) <= ACS_MAX_MINUTES:
            yield match.start("duration"), match.end("duration"), _ONGOING_CHEST_PAIN
    for match in gestations(text):
        if int(match.group("weeks")) > LATE_PREGNANCY_AFTER_WEEKS:
            yield match.start(), match.end(), _LATE_PREGNANCY
        else:  # "gestation" says pregnant too
            yield match.start("word"), match.end("word"), _PREGNANT
    for match in _TRAVEL.finditer(text):
        yield match.start(), match.end(), _TRAVEL_ABROAD
    for pattern in (_STRIDOR_WHEN_UPSET, _UPSET_THEN_CALM):
        for match in pattern.finditer(text):
            yield match.start("upset"), match.end("upset"), _STRIDOR_ONLY_WHEN_UPSET
    for match in _CHEST_ON_EFFORT.finditer(text):
        yield match.start("effort"), match.end("effort"), _EXERTIONAL_CHEST_PAIN
    yield from _feelings(tokens)


def _minutes(match: re.Match[str]) -> float:
    """The minutes told by a match of :data:`_MINUTES_OR_HOURS`."""
    count = match.group("count")
    number = to_number(count.replace(",", "."))
    amount = 0.5 if count.lower().startswith("half") or number is None else number[0]
    return amount * (60.0 if match.group("unit").lower().startswith("h") else 1.0)


_WEIGHT_LOSS = phrase_key("weight loss")
_WEIGHT_GAIN = phrase_key("weight gain")
_PARACETAMOL_OVERDOSE = phrase_key("paracetamol overdose")
_ONGOING_CHEST_PAIN = phrase_key("ongoing chest pain")
_EXERTIONAL_CHEST_PAIN = phrase_key("exertional chest pain")
_STRIDOR_ONLY_WHEN_UPSET = phrase_key("stridor when upset")
_TRAVEL_ABROAD = phrase_key("recent travel abroad")
_LATE_PREGNANCY = phrase_key("late pregnancy")
_PREGNANT = phrase_key("pregnant")


def _paracetamol_overdose(match: re.Match[str], text: str) -> bool:
    """Whether the tablets counted in ``match`` hold more paracetamol than an adult may
    take in a day (:data:`MAX_DAILY_PARACETAMOL_MG`), taken at one time."""
    if not (match.group("drug1") or match.group("drug2")):
        return False
    sentence_end = text.find(".", match.end())
    rest = text[match.end() : len(text) if sentence_end < 0 else sentence_end]
    if _SPREAD.search(rest):
        return False
    count = int(match.group("count"))
    strength = SMALLEST_ADULT_TABLET_MG
    for name in ("s1", "s2", "s3"):
        value = match.group(name)
        if value:
            unit = match.group(f"{name}_unit").lower()
            strength = float(value) * (1.0 if unit == "mg" else 1000.0)
            break
    return count * strength > MAX_DAILY_PARACETAMOL_MG


def _feelings(tokens: Tokens) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """ "a tight, heavy feeling" → "tightness": the first pressing adjective before
    "feeling"/"sensation" (over commas, "and" and other adjectives) names it."""
    norms = tokens.norms
    for i, word in enumerate(norms):
        if word not in _FEELINGS:
            continue
        found = ""
        for j in range(i - 1, max(-1, i - 6), -1):
            before = norms[j]
            if before in _PRESSING_ADJECTIVES:
                found = _PRESSING_ADJECTIVES[before]
            elif before not in _BETWEEN_ADJECTIVES and j != i - 1:
                break  # only one other adjective may stand next to it ("heavy dull feeling")
        if found:
            yield tokens.starts[i], tokens.ends[i], phrase_key(found)
