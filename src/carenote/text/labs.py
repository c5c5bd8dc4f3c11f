"""Lab values written in a case: "ALT of 6498 units/L", "INR of 6.8", "WBC 15,000"."""

from __future__ import annotations

import re
from types import MappingProxyType

from carenote.text.lexicon import Lexicon
from carenote.text.model import LabMention
from carenote.text.normalise import Tokens
from carenote.text.numbers import DIGITS_PATTERN

#: Between a lab name and its value: "ALT of", "potassium was elevated at",
#: "total bilirubin level of", "haemoglobin (", "INR:".
_BRIDGE = (
    r"(?:\s*(?:(?:level|levels|count|concentration|value|of|was|were|is|are|at|to|by|"
    r"measured|elevated|increased|raised|high|low|decreased|reduced|markedly|only|"
    r"approximately|about|around|greater\s+than|less\s+than|up|down|from|serum|plasma|"
    r"blood)\b|[:=(~><])){0,6}\s*"
)
# (Each repetition must consume a word or a sign, never bare space: a pattern where
# spaces could be split between two quantifiers backtracks exponentially.)
#: Units, most specific first. Matched case-insensitively and rewritten by _UNIT_FORMS.
_UNIT = (
    r"(?P<unit>(?:x|×|\*)?\s*10\s*(?:\^|\*|e)?\s*(?:9|⁹)\s*/\s*l|(?:x|×|\*)?\s*10\s*"
    r"(?:\^|\*|e)?\s*(?:3|³)\s*/\s*(?:u|µ|μ|m)l|(?:x|×|\*)?\s*10\s*(?:\^|\*|e)?\s*(?:12|¹²)"
    r"\s*/\s*l|k\s*/\s*(?:u|µ|μ)l|cells\s*/\s*(?:mm3|mm\^3|mm³|(?:u|µ|μ)l)|/\s*(?:mm3|mm\^3|"
    r"mm³|(?:u|µ|μ)l|hpf)|(?:international\s+)?units?\s*/\s*l|m?iu\s*/\s*m?l|m?u\s*/\s*l|"
    r"(?:m|µ|μ|u|n|p)?mol\s*/\s*(?:l|dl|ml)|m?eq\s*/\s*l|(?:m|µ|μ|u|n|p)?g\s*/\s*(?:dl|l|ml)|"
    r"g\s*/\s*24\s*h|ml\s*/\s*min(?:\s*/\s*1\.73\s*m2)?|mm\s*/\s*h(?:r|our)?|"
    r"(?:seconds|secs?|s)\b|fl\b|pg\b|%)"
)
_VALUE = re.compile(rf"{_BRIDGE}(?P<value>{DIGITS_PATTERN})(?!\d|[.,]\d)(?:\s*{_UNIT})?", re.I)

#: Light normalisation towards UCUM spellings; anything else is kept as written.
_UNIT_FORMS = MappingProxyType(
    {
        "units/l": "U/L",
        "unit/l": "U/L",
        "internationalunits/l": "U/L",
        "iu/l": "U/L",
        "u/l": "U/L",
        "miu/l": "m[IU]/L",
        "miu/ml": "m[IU]/mL",
        "mu/l": "mU/L",
        "k/ul": "10*3/uL",
        "%": "%",
        "s": "s",
        "sec": "s",
        "secs": "s",
        "seconds": "s",
        "fl": "fL",
        "pg": "pg",
        "meq/l": "meq/L",
        "eq/l": "eq/L",
        "iu/ml": "[IU]/mL",
        "u/ml": "U/mL",
        "mm/h": "mm/h",
        "mm/hr": "mm/h",
        "mm/hour": "mm/h",
        "ml/min": "mL/min",
        "ml/min/1.73m2": "mL/min/{1.73_m2}",
    }
)
_MICRO = str.maketrans({"µ": "u", "μ": "u", "×": "x", "⁹": "9", "³": "3", "¹": "1", "²": "2"})


def normalise_unit(raw: str) -> str:
    """Rewrite a written unit lightly: 'units/L' → 'U/L', 'x10^9/L' → '10*9/L'."""
    compact = "".join(raw.split()).translate(_MICRO)
    lowered = compact.lower()
    if lowered in _UNIT_FORMS:
        return _UNIT_FORMS[lowered]
    power = re.fullmatch(r"[x*]?10(?:\^|\*|e)?(\d+)/(.+)", lowered)
    if power:
        return f"10*{power.group(1)}/{_volume(power.group(2))}"
    if lowered.startswith(("cells/", "/")):
        return "/" + _volume(lowered.split("/", 1)[1])
    if "/" in lowered:
        top, bottom = lowered.split("/", 1)
        return f"{top}/{_volume(bottom)}"
    return compact


def _volume(text: str) -> str:
    """'dl' → 'dL', 'ul' → 'uL', 'mm^3' → 'mm3': litres upper-case, as UCUM writes them."""
    text = text.replace("^", "")
    if text.endswith("l") and len(text) <= 2:
        return text[:-1] + "L"
    return text


def find_labs(text: str, tokens: Tokens, lexicon: Lexicon) -> list[LabMention]:
    """Lab names from the lexicon followed by a value (and usually a unit)."""
    labs: list[LabMention] = []
    norms = tokens.norms
    i = 0
    table = lexicon.lab_table
    while i < len(norms):
        if norms[i] not in table.firsts:
            i += 1
            continue
        length, codes = table.longest(norms, i)
        if not length:
            i += 1
            continue
        name_end = tokens.ends[i + length - 1]
        match = _VALUE.match(text, name_end)
        if match is not None and match.end("value") - name_end <= 40:
            unit = normalise_unit(match.group("unit")) if match.group("unit") else ""
            span = (tokens.starts[i], match.end())
            for index in codes:
                code = lexicon.lab_codes[index]
                labs.append(
                    LabMention(
                        code=code,
                        value=float(match.group("value").replace(",", "")),
                        unit=unit,
                        span=span,
                        text=text[span[0] : span[1]],
                    )
                )
        i += length
    return labs
