"""Unit handling: map what people write to UCUM, and precompute conversion factors.

Conversions are computed once, when the catalogue is loaded, with ucumvert (UCUM
grammar on top of pint); interpreting a value is then a dictionary look-up and one
multiply-add. Research notes (low-alp-and-labs.md §4): ``U/L`` → ``ukat/L`` is
0.016667; ``IU/L`` is not valid UCUM and ``u/L`` parses as atomic mass units per litre,
so written labels are matched case-insensitively against each lab's own accepted units
and mapped to UCUM before anything is parsed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pint and ucumvert take ~1 s to import: only the loader needs them
    from ucumvert import PintUcumRegistry

#: Common written forms → UCUM. Only forms whose meaning does not depend on the analyte
#: belong here; analyte-specific forms (``IU/L`` for enzymes, ``mEq/L`` for monovalent
#: ions) are declared per lab in the catalogue (``unit_aliases``).
COMMON_ALIASES: dict[str, str] = {
    "mg/dl": "mg/dL",
    "g/dl": "g/dL",
    "ug/dl": "ug/dL",
    "ng/dl": "ng/dL",
    "x10^9/l": "10*9/L",
    "x 10^9/l": "10*9/L",
    "10^9/l": "10*9/L",
    "x10e9/l": "10*9/L",
    "10e9/l": "10*9/L",
    "giga/l": "10*9/L",
    "g/l (cells)": "10*9/L",
    "x10^3/ul": "10*3/uL",
    "10^3/ul": "10*3/uL",
    "x10e3/ul": "10*3/uL",
    "10e3/ul": "10*3/uL",
    "k/ul": "10*3/uL",
    "thou/ul": "10*3/uL",
    "/nl": "/nL",
    "fl": "fL",
    "percent": "%",
}


@dataclass(frozen=True, slots=True)
class Conversion:
    """``canonical = value * factor + offset`` for one accepted UCUM unit."""

    ucum: str
    factor: float
    offset: float = 0.0

    def apply(self, value: float) -> float:
        """Convert a value in this unit to the lab's canonical unit."""
        return value * self.factor + self.offset

    def invert(self, canonical: float) -> float:
        """Convert a value in the lab's canonical unit to this unit."""
        return (canonical - self.offset) / self.factor


def normalise_label(text: str) -> str:
    """Lower-case a written unit and spell micro as ``u`` (µ, μ and mc all occur)."""
    cleaned = text.strip().replace("µ", "u").replace("μ", "u").replace(" ", "")
    lowered = cleaned.lower()
    if lowered.startswith("mc"):
        lowered = "u" + lowered[2:]
    return lowered


@cache
def new_registry() -> PintUcumRegistry:
    """The UCUM-aware unit registry, built once per process (about a second).

    Cached because building it dominates catalogue loading; it is only read from.
    """
    from ucumvert import PintUcumRegistry

    return PintUcumRegistry()


def linear_factor(
    registry: PintUcumRegistry, source: str, target: str, molar_mass: float | None
) -> float:
    """Factor converting ``source`` to ``target`` (UCUM), via molar mass (g/mol) if needed.

    Raises ``ValueError`` when the units cannot be converted.
    """
    if source == target:
        return 1.0
    quantity = registry.from_ucum(source)
    target_units = registry.from_ucum(target).units
    if quantity.dimensionality == registry.from_ucum(target).dimensionality:
        return float(quantity.to(target_units).magnitude)
    if molar_mass is None:
        raise ValueError(f"cannot convert {source} to {target} without a molar mass")
    per_mole = registry.from_ucum("g/mol") * molar_mass
    for candidate in (quantity / per_mole, quantity * per_mole):
        if candidate.dimensionality == registry.from_ucum(target).dimensionality:
            return float(candidate.to(target_units).magnitude)
    raise ValueError(f"cannot convert {source} to {target}")
