"""Vital signs written in a case: temperature, pulse, breathing rate, BP, SpO2.

Values are converted to one unit per kind (UCUM: ``Cel``, ``/min``, ``mm[Hg]``, ``%``)
and kept only inside physiologically possible ranges, so "rotated 90 degrees" or a
page number is not read as a temperature.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from carenote.text.model import Vital, VitalKind
from carenote.text.spans import SpanSet

_FILL = (
    r"(?:\s*(?:(?:of|to|at|was|were|is|are|had|has|up\s+to|as\s+high\s+as|as\s+low\s+as|"
    r"down\s+to|reaching|peaked\s+at|measured|reading|recorded|noted|approximately|about|"
    r"around|in\s+the|over|under|rate|a\s+rate\s+of|low|high|elevated|only)\b|[:=~]))"
    r"{0,4}\s*"
)
_NUMBER = r"(?P<value>\d{1,3}(?:\.\d+)?)(?!\d|[.,]\d)"
_TEMP_UNIT = (
    r"(?P<unit>[°º]\s*(?:[CF]\b|celsius|fahrenheit)?|deg(?:rees?)?\s*(?:[CF]\b|celsius|"
    r"fahrenheit)?|(?-i:[CF])\b|celsius\b|fahrenheit\b)"
)
_I = re.IGNORECASE
# Each pattern starts with a look-ahead for its possible first characters: it lets the
# regex engine skip most positions at once, which makes these patterns 2-3x faster.

_TEMPERATURE = (
    re.compile(
        r"(?=[tTfFpPsS])(?:\b(?:temp(?:erature)?|t\s*max|febrile|fever|pyrexia[l]?|pyrexic|spiking)\b"
        rf"|\b(?-i:T)\b){_FILL}{_NUMBER}(?:\s*{_TEMP_UNIT})?",
        _I,
    ),
    # "104°F", "40 °C", "38.5C", "39 degrees C" (a bare "degrees" or "°" needs C or F:
    # "straight leg raise positive at 40°" is an angle)
    re.compile(
        rf"(?=\d)\b{_NUMBER}\s*(?P<unit>[°º]\s*(?:[CF]\b|celsius|fahrenheit)|"
        r"deg(?:rees?)?\s*(?:[CF]\b|celsius|fahrenheit)|(?-i:[CF])\b)",
        _I,
    ),
)
_HR_UNIT = r"(?:\s*(?:bpm|beats?\s*(?:per|/|a)\s*min(?:ute)?|/\s*min|per\s+min(?:ute)?))"
_HEART_RATE = (
    re.compile(
        r"(?=[hHpPtTbB])\b(?:HR|heart\s+rate|pulse(?!\s*ox)(?:\s+rate)?|tachycardic|bradycardic|"
        rf"tachycardia|bradycardia)\b{_FILL}{_NUMBER}{_HR_UNIT}?",
        _I,
    ),
    re.compile(rf"(?=\d)\b{_NUMBER}\s*(?:bpm|beats?\s*(?:per|/|a)\s*min(?:ute)?)\b", _I),
)
_RR_UNIT = r"(?:\s*(?:breaths?\s*(?:per|/|a)\s*min(?:ute)?|/\s*min|per\s+min(?:ute)?|bpm))"
_RESPIRATORY_RATE = (
    re.compile(
        r"(?=[rRbBtT])\b(?:RR|resp(?:iratory)?\s*rate|respirations?|resps?|breathing\s+rate|"
        rf"tachypn(?:o)?eic|tachypn(?:o)?ea|breathing\s+at){_FILL}{_NUMBER}{_RR_UNIT}?",
        _I,
    ),
    re.compile(rf"(?=\d)\b{_NUMBER}\s*breaths?\s*(?:per|/|a)\s*min(?:ute)?\b", _I),
)
_MMHG = r"(?:\s*mm\s*Hg)"
_BLOOD_PRESSURE = (
    re.compile(
        rf"(?=[bBhH])\b(?:BP|B/P|blood\s+pressure|hypotensive|hypertensive){_FILL}"
        rf"(?P<sys>\d{{2,3}})\s*/\s*(?P<dia>\d{{2,3}}){_MMHG}?",
        _I,
    ),
    re.compile(rf"(?=\d)\b(?P<sys>\d{{2,3}})\s*/\s*(?P<dia>\d{{2,3}}){_MMHG}", _I),
    re.compile(
        rf"(?=[sS])\b(?:systolic(?:\s+(?:blood\s+)?pressure|\s+BP)?|SBP){_FILL}(?P<sys>\d{{2,3}})"
        rf"{_MMHG}?",
        _I,
    ),
)


def _o2_context(required: bool) -> str:
    """Where the SpO2 was measured: "on room air", "on 2 L", "on oxygen"."""
    context = (
        r"\s*,?\s*(?:on|while\s+on|breathing|with)\s+(?P<ctx>room\s+air|RA\b|air\b|"
        r"\d+(?:\.\d+)?\s*(?:L|litres?|liters?)(?:\s*/\s*min)?(?:\s+(?:of\s+)?(?:O2|oxygen))?|"
        r"(?:supplemental\s+)?oxygen|O2\b|\d+\s*%\s*(?:FiO2|O2|oxygen)|high[- ]flow\s+\w+|"
        r"a\s+non-?rebreather\s*\w*|NRB\b|nasal\s+cannula)"
    )
    return f"(?:{context})" if required else f"(?:{context})?"


_OXYGEN_SATURATION = (
    re.compile(
        # A bare "saturation" is oxygen's unless another thing saturates ("transferrin
        # saturation 72%", "iron saturation" are iron studies).
        r"(?=[sSoOdDpPhH])\b(?:SpO2|SaO2|O2\s*sat(?:uration)?s?|sats?|oxygen\s+sat(?:uration)?s?|saturating|"
        r"(?<!transferrin\s)(?<!iron\s)(?<!TSAT\s)saturations?|desaturat(?:ing|ed|ion|es)|"
        r"pulse\s+ox(?:imetry)?|pulse\s+oximeter|"
        rf"hypox(?:a)?emic){_FILL}{_NUMBER}(?:\s*(?:%|percent\b|per\s+cent\b))?{_o2_context(required=False)}",
        _I,
    ),
    re.compile(rf"(?=\d)\b{_NUMBER}\s*%{_o2_context(required=True)}", _I),
)

#: Plausible values; outside them a number is not read as that vital sign.
_RANGES: Mapping[VitalKind, tuple[float, float]] = MappingProxyType(
    {
        "heart_rate": (20, 300),
        "respiratory_rate": (3, 90),
        "systolic_blood_pressure": (40, 300),
        "diastolic_blood_pressure": (10, 200),
        "oxygen_saturation": (40, 100),
    }
)


def find_vitals(text: str) -> list[Vital]:
    """All vital signs in ``text``, in order; one reading per stretch of text."""
    found: list[Vital] = []
    taken = SpanSet()
    for vital in _candidates(text):
        if vital.kind == "diastolic_blood_pressure":
            # Shares its span with the systolic reading just before it.
            if found and found[-1].span == vital.span:
                found.append(vital)
            continue
        if taken.add(vital.span):
            found.append(vital)
    return sorted(found, key=lambda v: v.span)


def _candidates(text: str) -> Iterator[Vital]:
    for pattern in _TEMPERATURE:
        for match in pattern.finditer(text):
            celsius = _celsius(float(match.group("value")), match.group("unit"))
            if celsius is not None:
                yield _vital("temperature", round(celsius, 2), "Cel", match)
    for kind, patterns, unit in (
        ("heart_rate", _HEART_RATE, "/min"),
        ("respiratory_rate", _RESPIRATORY_RATE, "/min"),
        ("oxygen_saturation", _OXYGEN_SATURATION, "%"),
    ):
        for pattern in patterns:
            for match in pattern.finditer(text):
                value = float(match.group("value"))
                if _plausible(kind, value):  # type: ignore[arg-type]
                    yield _vital(kind, value, unit, match)  # type: ignore[arg-type]
    for pattern in _BLOOD_PRESSURE:
        for match in pattern.finditer(text):
            yield from _blood_pressure(match)


def _blood_pressure(match: re.Match[str]) -> Iterator[Vital]:
    systolic = float(match.group("sys"))
    diastolic_raw = match.groupdict().get("dia")
    if not _plausible("systolic_blood_pressure", systolic):
        return
    if diastolic_raw is not None:
        diastolic = float(diastolic_raw)
        if not _plausible("diastolic_blood_pressure", diastolic) or diastolic >= systolic:
            return
        yield _vital("systolic_blood_pressure", systolic, "mm[Hg]", match)
        yield _vital("diastolic_blood_pressure", diastolic, "mm[Hg]", match)
        return
    yield _vital("systolic_blood_pressure", systolic, "mm[Hg]", match)


def _vital(kind: VitalKind, value: float, unit: str, match: re.Match[str]) -> Vital:
    context = (match.groupdict().get("ctx") or "").lower()
    note = ""
    if context:
        note = "on room air" if context in ("room air", "ra", "air") else "on oxygen"
    return Vital(
        kind=kind, value=value, unit=unit, span=match.span(), text=match.group(0), note=note
    )


def _plausible(kind: VitalKind, value: float) -> bool:
    low, high = _RANGES[kind]
    return low <= value <= high


def _celsius(value: float, unit: str | None) -> float | None:
    """Read a temperature as °C; an unlabelled one is Celsius in 25–46, Fahrenheit in 77–115."""
    label = (unit or "").lower().replace(" ", "")
    if label.endswith(("f", "fahrenheit")):
        fahrenheit: bool | None = True
    elif label.endswith(("c", "celsius")):
        fahrenheit = False
    else:
        fahrenheit = None
    if fahrenheit is not False and 77 <= value <= 115:
        return (value - 32) * 5 / 9
    if fahrenheit is not True and 25 <= value <= 46:
        return value
    return None
