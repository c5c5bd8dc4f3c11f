"""Interpret one lab value: pick the reference range, classify, derive findings and notes."""

from __future__ import annotations

import math
from dataclasses import dataclass

from carenote.labs.catalogue import Interval, Lab, LabCatalogue
from carenote.labs.errors import LabInputError
from carenote.labs.model import Interpretation, LabInput, LabResult, ReferenceRange
from carenote.labs.units import Conversion, normalise_label

SEXES = ("female", "male")
MAX_AGE_YEARS = 130.0
LAB_SOURCE = "reported by the laboratory"

ESTIMATE_NOTE = (
    "The catalogue interval used here is an expert estimate, not read from its source; "
    "the laboratory's own reference range is more reliable."
)
CRITICAL_NOTE = (
    "This value is beyond a critical limit: it needs prompt medical attention. The limit "
    "used is a conventional call-back limit (an expert estimate); laboratories set their own."
)
NO_PREGNANCY_NOTE = (
    "No pregnancy-specific interval is in the catalogue for this test; the non-pregnant "
    "interval was used."
)


@dataclass(frozen=True, slots=True)
class _Range:
    """The chosen range, with the conversion from canonical units to the range's unit."""

    public: ReferenceRange
    conversion: Conversion
    interval: Interval | None


def check_person(age_years: float, sex: str, pregnancy_trimester: int | None) -> None:
    """Raise :class:`LabInputError` for an impossible age, unknown sex or bad trimester."""
    if isinstance(age_years, bool) or not isinstance(age_years, int | float):
        raise LabInputError(f"age must be a number of years, got {age_years!r}")
    if not math.isfinite(age_years) or not 0 <= age_years <= MAX_AGE_YEARS:
        raise LabInputError(
            f"age {age_years} years is impossible; give an age from 0 to {MAX_AGE_YEARS:g} years"
        )
    if sex not in SEXES:
        raise LabInputError(f"unknown sex {sex!r}; accepted: female, male")
    if pregnancy_trimester is not None:
        if pregnancy_trimester not in (1, 2, 3):
            raise LabInputError(
                f"pregnancy trimester {pregnancy_trimester!r} is not accepted; give 1, 2 or 3"
            )
        if sex != "female":
            raise LabInputError("a pregnancy trimester was given for sex male; omit it")


def lookup_lab(catalogue: LabCatalogue, code: str, label: str | None = None) -> Lab:
    """The lab for a LOINC code, else for the label (phenopackets may carry only a label).

    Raises :class:`LabInputError` listing a few accepted codes when neither is known.
    """
    lab = catalogue.get(code) if code.strip() else None
    lab = lab or (catalogue.find(label) if label else None) or catalogue.find(code)
    if lab is None:
        examples = ", ".join(
            f"{entry.definition.code} ({entry.definition.short or entry.definition.name})"
            for entry in catalogue.unique_labs()[:5]
        )
        given = repr(code) if code.strip() or not label else f"with label {label!r}"
        raise LabInputError(
            f"unknown lab code {given}; give a LOINC code in the catalogue, e.g. {examples}"
        )
    return lab


def unit_conversion(lab: Lab, unit: str, what: str = "unit") -> Conversion:
    """The conversion for a written unit, or a :class:`LabInputError` listing the accepted."""
    conversion = lab.units.get(normalise_label(unit))
    if conversion is None:
        accepted = ", ".join(lab.accepted_ucum())
        raise LabInputError(
            f"{what} {unit!r} is not accepted for {lab.definition.name} "
            f"({lab.definition.code}); accepted: {accepted}"
        )
    return conversion


def select_interval(
    lab: Lab, age_years: float, sex: str, trimester: int | None
) -> tuple[Interval | None, bool]:
    """The catalogue interval for this person; the flag says a pregnancy fallback happened.

    A pregnancy interval is preferred when a trimester is given; when none applies (the
    lab has none, or none for this age) the non-pregnant interval is used.
    """
    wanted = (trimester, None) if trimester is not None else (None,)
    for pregnancy in wanted:
        for interval in lab.definition.intervals:
            if (
                interval.trimester == pregnancy
                and interval.sex in (sex, "any")
                and interval.min_years <= age_years < interval.max_years
            ):
                return interval, trimester is not None and pregnancy is None
    return None, False


def _choose_range(
    catalogue: LabCatalogue,
    lab: Lab,
    given: ReferenceRange | None,
    age_years: float,
    sex: str,
    trimester: int | None,
    notes: list[str],
) -> _Range:
    definition = lab.definition
    if given is not None and (given.low is not None or given.high is not None):
        conversion = unit_conversion(lab, given.unit, "reference-range unit")
        public = given.model_copy(update={"unit": conversion.ucum})
        return _Range(public, conversion, None)
    interval, fell_back = select_interval(lab, age_years, sex, trimester)
    if interval is None or definition.requires_lab_range:
        why = (
            "its cut-offs are assay-specific"
            if definition.requires_lab_range
            else f"the catalogue has no interval for a {sex} aged {age_years:g} years"
        )
        raise LabInputError(
            f"cannot interpret {definition.name} ({definition.code}): {why}; "
            "give the laboratory's own reference range"
        )
    if fell_back:
        notes.append(NO_PREGNANCY_NOTE)
    if interval.estimate:
        notes.append(ESTIMATE_NOTE)
    if interval.note:
        notes.append(interval.note)
    if interval.trimester is not None:
        notes.extend(definition.notes.pregnancy)
    public = ReferenceRange(
        low=interval.low,
        high=interval.high,
        unit=definition.unit,
        applies_to=interval.applies_to,
        source=catalogue.cite(interval.source),
    )
    return _Range(public, lab.units[normalise_label(definition.unit)], interval)


def _classify(lab: Lab, canonical: float, shown: float, rng: ReferenceRange) -> Interpretation:
    critical = lab.definition.critical
    if rng.low is not None and shown < rng.low:
        if critical is not None and critical.low is not None and canonical < critical.low:
            return "LL"
        return "L"
    if rng.high is not None and shown > rng.high:
        if critical is not None and critical.high is not None and canonical > critical.high:
            return "HH"
        return "H"
    return "N"


def _deviation(code: Interpretation, value: float, rng: ReferenceRange) -> tuple[str, float | None]:
    if code in ("L", "LL") and rng.low:
        percent = round((rng.low - value) / rng.low * 100)
        words = f"{percent}% below the lower limit" if percent else "just below the lower limit"
        return words, round(value / rng.low, 3)
    if code in ("H", "HH") and rng.high:
        percent = round((value - rng.high) / rng.high * 100)
        words = f"{percent}% above the upper limit" if percent else "just above the upper limit"
        return words, round(value / rng.high, 3)
    return "within the reference range", None


def _findings(
    lab: Lab, code: Interpretation, canonical: float, age_years: float
) -> tuple[str | None, list[str], list[str]]:
    definition = lab.definition
    low, high = definition.low_finding, definition.high_finding
    present: list[str] = []
    absent: list[str] = []
    main = low if code in ("L", "LL") else high if code in ("H", "HH") else None
    if main is not None:
        present.append(main)
    for other in (low, high):
        if other is not None and other != main:
            absent.append(other)
    for grade in definition.graded:
        if age_years < grade.min_years:
            continue
        met = (grade.below is not None and canonical < grade.below) or (
            grade.above is not None and canonical > grade.above
        )
        (present if met else absent).append(grade.finding)
    return main, present, absent


def _result_code(entry: Lab, code: str) -> str:
    """The input's LOINC CURIE when it names this lab (e.g. an also_code), else the lab's."""
    curie = "LOINC:" + code.strip().split(":", 1)[-1]
    definition = entry.definition
    return curie if curie in (definition.code, *definition.also_codes) else definition.code


def interpret(
    catalogue: LabCatalogue,
    lab: LabInput,
    *,
    age_years: float,
    sex: str,
    pregnancy_trimester: int | None = None,
) -> LabResult:
    """Interpret one lab value for a person; the laboratory's own range wins.

    Parameters
    ----------
    catalogue: the loaded catalogue (:func:`load_catalogue`).
    lab: code (LOINC CURIE), value, unit, and optionally the laboratory's range.
    age_years, sex, pregnancy_trimester: the person the value belongs to.

    Returns
    -------
    LabResult with the range used and why it applies, LL/L/N/H/HH, the deviation in
    words, the main finding, present and absent findings, and notes.

    Raises
    ------
    LabInputError: unknown code, unit not accepted for the lab, negative or absurd
    value, impossible age, unknown sex, or no applicable interval.
    """
    check_person(age_years, sex, pregnancy_trimester)
    entry = lookup_lab(catalogue, lab.code, lab.label)
    definition = entry.definition
    conversion = unit_conversion(entry, lab.unit)
    if not math.isfinite(lab.value) or lab.value < 0:
        raise LabInputError(
            f"{definition.name} value {lab.value} is not possible; give a number of 0 or more"
        )
    canonical = conversion.apply(lab.value)
    floor, ceiling = definition.plausible
    if not floor <= canonical <= ceiling:
        raise LabInputError(
            f"{definition.name} {lab.value} {conversion.ucum} is outside the plausible range "
            f"{floor:g} to {ceiling:g} {definition.unit}; check the value and the unit"
        )
    notes: list[str] = list(definition.notes.always)
    chosen = _choose_range(
        catalogue, entry, lab.reference_range, age_years, sex, pregnancy_trimester, notes
    )
    shown = chosen.conversion.invert(canonical)
    code = _classify(entry, canonical, shown, chosen.public)
    deviation, fraction = _deviation(code, shown, chosen.public)
    main, present, absent = _findings(entry, code, canonical, age_years)
    if code in ("LL", "HH"):
        notes.insert(0, CRITICAL_NOTE)
    if code in ("L", "LL"):
        notes.extend(definition.notes.low)
    elif code in ("H", "HH"):
        notes.extend(definition.notes.high)
    return LabResult(
        code=_result_code(entry, lab.code),
        name=definition.name,
        value=lab.value,
        unit=conversion.ucum,
        value_in_range_unit=round(shown, 6),
        interpretation=code,
        reference_range=chosen.public,
        deviation=deviation,
        fraction_of_limit=fraction,
        finding=main,
        present_findings=present,
        absent_findings=absent,
        notes=notes,
    )
