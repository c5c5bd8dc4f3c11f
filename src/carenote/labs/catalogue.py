"""Typed schema of the lab catalogue (``knowledge/labs/*.yaml``) and its loader.

Each file holds ``sources`` and ``labs``. A lab is keyed by a LOINC CURIE; its reference
intervals, critical limits and thresholds are in its canonical UCUM ``unit``. Ages are
written as ``15d``, ``6w``, ``3m`` or ``17y`` and compared in years (a day is 1/365.25
year). The format is documented for authors in ``docs/labs.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property
from math import isclose
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from carenote.compiler.schema import FindingId, Source, SourceId
from carenote.labs.errors import CatalogueError
from carenote.labs.units import (
    COMMON_ALIASES,
    Conversion,
    linear_factor,
    new_registry,
    normalise_label,
)

if TYPE_CHECKING:
    from ucumvert import PintUcumRegistry


def loinc_check_digit(number: str) -> int:
    """The LOINC mod-10 (Luhn) check digit of the numeric part of a code."""
    total = 0
    for position, char in enumerate(reversed(number)):
        digit = int(char) * (2 if position % 2 == 0 else 1)
        total += digit - 9 if digit > 9 else digit
    return (10 - total % 10) % 10


def _valid_loinc(code: str) -> str:
    number, check = code.split(":", 1)[1].split("-")
    if loinc_check_digit(number) != int(check):
        raise ValueError(f"{code}: wrong LOINC check digit (expected {loinc_check_digit(number)})")
    return code


LoincId = Annotated[
    str, StringConstraints(pattern=r"^LOINC:\d{1,7}-\d$"), AfterValidator(_valid_loinc)
]
AgeText = Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+)?[dwmy]$")]
SexOrAny = Literal["any", "female", "male"]

_DAYS_PER_YEAR = 365.25
_AGE_UNIT_YEARS = {"d": 1 / _DAYS_PER_YEAR, "w": 7 / _DAYS_PER_YEAR, "m": 1 / 12, "y": 1.0}


def age_in_years(text: str) -> float:
    """``'15d'`` → 15/365.25; ``'17y'`` → 17.0 (the catalogue's age notation)."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([dwmy])", text)
    if match is None:
        raise ValueError(f"age {text!r} is not like 15d, 6w, 3m or 17y")
    return float(match.group(1)) * _AGE_UNIT_YEARS[match.group(2)]


class Strict(BaseModel):
    """Unknown keys are errors, so typos surface in review."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Interval(Strict):
    """A reference interval for ages in [min_age, max_age), one sex, optionally pregnant."""

    sex: SexOrAny = "any"
    min_age: AgeText = "0d"
    max_age: AgeText | None = Field(default=None, description="Exclusive; none = no limit")
    trimester: Literal[1, 2, 3] | None = None
    low: float | None = None
    high: float | None = None
    applies_to: str = Field(min_length=3, description="e.g. 'female, 17 years and over'")
    source: SourceId
    estimate: bool = False
    note: str | None = None

    @cached_property
    def min_years(self) -> float:
        """Lower age limit (inclusive) in years."""
        return age_in_years(self.min_age)

    @cached_property
    def max_years(self) -> float:
        """Upper age limit (exclusive) in years; infinity when open."""
        return float("inf") if self.max_age is None else age_in_years(self.max_age)

    @model_validator(mode="after")
    def _sane(self) -> Interval:
        if self.low is None and self.high is None:
            raise ValueError("an interval needs low, high or both")
        if self.low is not None and self.high is not None and self.low >= self.high:
            raise ValueError(f"low {self.low} is not below high {self.high}")
        if self.min_years >= self.max_years:
            raise ValueError(f"min_age {self.min_age} is not below max_age {self.max_age}")
        if self.trimester is not None and self.sex != "female":
            raise ValueError("a pregnancy interval must have sex: female")
        return self


class CriticalLimits(Strict):
    """Values beyond which a result is critical (LL/HH): a sourced call-back limit."""

    low: float | None = None
    high: float | None = None
    source: SourceId
    estimate: bool = False
    note: str | None = None


class Graded(Strict):
    """An extra finding when the value (canonical unit) is below/above a threshold."""

    finding: FindingId
    below: float | None = None
    above: float | None = None
    min_age: AgeText = "0d"
    source: SourceId
    estimate: bool = False
    note: str | None = None

    @cached_property
    def min_years(self) -> float:
        """Age from which the grade applies, in years."""
        return age_in_years(self.min_age)

    @model_validator(mode="after")
    def _one_side(self) -> Graded:
        if (self.below is None) == (self.above is None):
            raise ValueError("give exactly one of below or above")
        return self


class AffineConversion(Strict):
    """A conversion pint cannot do (e.g. HbA1c mmol/mol → %): canonical = a*x + b."""

    unit: str
    factor: float
    offset: float = 0.0
    source: SourceId


class Notes(Strict):
    """Sentences added to a result: always, when low, when high, or when pregnant."""

    always: list[str] = []
    low: list[str] = []
    high: list[str] = []
    pregnancy: list[str] = Field(default=[], description="When a pregnancy interval is used")


class LabDefinition(Strict):
    """One lab test of the catalogue."""

    code: LoincId
    also_codes: list[LoincId] = Field(
        default=[], description="Other LOINC codes reported for the same analyte"
    )
    name: str = Field(min_length=2)
    short: str | None = None
    labels: list[str] = Field(default=[], description="Labels and free-text names")
    specimen: str = "serum or plasma"
    unit: str = Field(description="Canonical UCUM unit of intervals and limits")
    accepted_units: list[str] = Field(default=[], description="Other UCUM units accepted")
    unit_aliases: dict[str, str] = Field(
        default={}, description="Written form → UCUM unit, for this analyte only"
    )
    molar_mass: float | None = Field(default=None, gt=0, description="g/mol")
    conversions: list[AffineConversion] = []
    plausible: tuple[float, float] = Field(description="Absurd outside [min, max]")
    low_finding: FindingId | None = None
    high_finding: FindingId | None = None
    graded: list[Graded] = []
    critical: CriticalLimits | None = None
    intervals: list[Interval] = []
    requires_lab_range: bool = Field(
        default=False, description="Cut-offs are assay-specific: use the lab's own range"
    )
    notes: Notes = Notes()
    note: str | None = Field(default=None, description="Caveats for authors (LOINC, units)")

    @field_validator("plausible")
    @classmethod
    def _ordered(cls, bounds: tuple[float, float]) -> tuple[float, float]:
        if not 0 <= bounds[0] < bounds[1]:
            raise ValueError("plausible must be [min, max] with 0 <= min < max")
        return bounds


class CatalogueFile(Strict):
    """One YAML file of the lab catalogue."""

    sources: list[Source] = []
    labs: list[LabDefinition] = []


class Lab:
    """A catalogue lab with its unit look-up table precomputed (built by the loader)."""

    __slots__ = ("definition", "units", "file")

    def __init__(self, definition: LabDefinition, units: dict[str, Conversion], file: Path) -> None:
        self.definition = definition
        #: normalised written label → conversion to the canonical unit
        self.units = units
        self.file = file

    def single_scale_unit(self) -> str | None:
        """The canonical unit when every accepted unit gives the same number (platelets
        in 10*9/L, 10*3/uL or /nL; sodium in mmol/L or mEq/L): then a value written
        without a unit can only mean that. None when the units differ in scale."""
        if all(isclose(c.factor, 1.0) and c.offset == 0.0 for c in self.units.values()):
            return self.definition.unit
        return None

    def accepted_ucum(self) -> list[str]:
        """The UCUM units this lab accepts, canonical first."""
        seen: dict[str, None] = {}
        for conversion in self.units.values():
            seen.setdefault(conversion.ucum, None)
        canonical = self.definition.unit
        return [canonical, *sorted(u for u in seen if u != canonical)]


class LabCatalogue:
    """The loaded catalogue: labs by LOINC code and by label, and the sources."""

    def __init__(self, labs: Iterable[Lab], sources: dict[str, Source]) -> None:
        self.labs: dict[str, Lab] = {}
        self.by_label: dict[str, Lab] = {}
        self.sources = sources
        for lab in labs:
            for code in (lab.definition.code, *lab.definition.also_codes):
                self.labs[code] = lab
            names = [lab.definition.name, lab.definition.short or "", *lab.definition.labels]
            for name in names:
                if name:
                    self.by_label.setdefault(name.casefold(), lab)

    def get(self, code: str) -> Lab | None:
        """The lab for a LOINC CURIE (``LOINC:6768-6``) or bare code (``6768-6``)."""
        key = code.strip()
        if not key.upper().startswith("LOINC:"):
            key = f"LOINC:{key}"
        return self.labs.get("LOINC:" + key.split(":", 1)[1])

    def find(self, code_or_label: str) -> Lab | None:
        """The lab for a LOINC code or, failing that, a label such as ``alk phos``."""
        return self.get(code_or_label) or self.by_label.get(code_or_label.strip().casefold())

    def cite(self, source_id: str) -> str:
        """The citation text of a source id (the id itself if unknown)."""
        source = self.sources.get(source_id)
        return source.citation if source is not None else source_id

    def unique_labs(self) -> list[Lab]:
        """Each lab once, in catalogue order."""
        return list({id(lab): lab for lab in self.labs.values()}.values())


def _read(path: Path) -> CatalogueFile:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return CatalogueFile.model_validate(raw)
    except yaml.YAMLError as err:
        raise CatalogueError(f"{path}: not valid YAML: {err}") from err
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in err.errors()
        )
        raise CatalogueError(f"{path}: {problems}") from err


def _unit_table(
    definition: LabDefinition, registry: PintUcumRegistry, path: Path
) -> dict[str, Conversion]:
    table: dict[str, Conversion] = {}
    affine = {c.unit: c for c in definition.conversions}
    for ucum in (definition.unit, *definition.accepted_units, *affine):
        if ucum in affine:
            conversion = Conversion(ucum, affine[ucum].factor, affine[ucum].offset)
        else:
            try:
                factor = linear_factor(registry, ucum, definition.unit, definition.molar_mass)
            except Exception as err:  # ucumvert raises several unrelated types
                raise CatalogueError(f"{path}: {definition.code}: unit {ucum!r}: {err}") from err
            conversion = Conversion(ucum, factor)
        table[normalise_label(ucum)] = conversion
    by_ucum = {c.ucum: c for c in table.values()}
    aliases = {**COMMON_ALIASES, **definition.unit_aliases}
    for written, ucum in aliases.items():
        if ucum in by_ucum:
            table.setdefault(normalise_label(written), by_ucum[ucum])
    for written, ucum in definition.unit_aliases.items():
        if ucum not in by_ucum:
            raise CatalogueError(
                f"{path}: {definition.code}: unit_aliases maps {written!r} to {ucum!r}, "
                "which is not an accepted unit"
            )
    return table


def load_catalogue(directory: Path) -> LabCatalogue:
    """Load and validate every ``*.yaml`` in ``directory`` (once; then interpret fast).

    Raises :class:`CatalogueError` naming the file and field that is wrong.
    """
    registry = new_registry()
    labs: list[Lab] = []
    sources: dict[str, Source] = {}
    codes: dict[str, Path] = {}
    for path in sorted(Path(directory).glob("*.yaml")):
        content = _read(path)
        for source in content.sources:
            if source.id in sources:
                raise CatalogueError(f"{path}: sources: id {source.id!r} is defined twice")
            sources[source.id] = source
        for definition in content.labs:
            for code in (definition.code, *definition.also_codes):
                if code in codes:
                    raise CatalogueError(f"{path}: labs: {code} is also defined in {codes[code]}")
                codes[code] = path
            labs.append(Lab(definition, _unit_table(definition, registry, path), path))
    if not labs:
        raise CatalogueError(f"{directory}: no lab definitions found (*.yaml)")
    return LabCatalogue(labs, sources)


def default_directory() -> Path:
    """The catalogue shipped with the package: ``carenote/knowledge/labs``."""
    return Path(__file__).resolve().parent.parent / "knowledge" / "labs"
