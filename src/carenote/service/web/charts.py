"""Geometry of the small inline SVG that shows a lab value on its reference band."""

from __future__ import annotations

from dataclasses import dataclass

from carenote.labs.model import LabResult

WIDTH = 320.0
PAD = 12.0
#: Head-room beyond the larger of the upper limit and the value, so neither sits on the edge.
HEADROOM = 1.25


@dataclass(frozen=True)
class LabChart:
    """Coordinates (in a 320-wide viewBox) and the words a screen reader hears."""

    band_x: float
    band_width: float
    marker_x: float
    low_label: str
    high_label: str
    low_x: float
    high_x: float
    summary: str
    status: str


def _fmt(number: float) -> str:
    return f"{number:.3g}" if abs(number) < 1000 else f"{number:,.0f}"


def lab_chart(lab: LabResult) -> LabChart | None:
    """Return the chart of ``lab`` on its reference band, or None without any limit."""
    reference = lab.reference_range
    low, high = reference.low, reference.high
    if low is None and high is None:
        return None
    value = lab.value_in_range_unit
    band_low = low if low is not None else 0.0
    band_high = high if high is not None else band_low * 2 or 1.0
    axis_min = min(0.0, value, band_low)
    axis_max = max(band_high, value, band_low) * HEADROOM or 1.0
    span = axis_max - axis_min or 1.0

    def x(v: float) -> float:
        return round(PAD + (v - axis_min) / span * (WIDTH - 2 * PAD), 1)

    if lab.interpretation in {"L", "LL"}:
        status = "below the reference range"
    elif lab.interpretation in {"H", "HH"}:
        status = "above the reference range"
    else:
        status = "within the reference range"
    unit = reference.unit
    if low is not None and high is not None:
        band = f"reference {_fmt(low)} to {_fmt(high)}"
    else:
        limit = high if high is not None else low
        band = f"reference {'up to ' if high is not None else ''}{_fmt(limit or 0.0)}"
        band += "" if high is not None else " or more"
    summary = (f"{lab.name}: your value {_fmt(value)} {unit} is {status} "
               f"({band} {unit}, {reference.applies_to}).")
    return LabChart(
        band_x=x(band_low), band_width=round(x(band_high) - x(band_low), 1), marker_x=x(value),
        low_label=_fmt(low) if low is not None else "", low_x=x(band_low),
        high_label=_fmt(high) if high is not None else "", high_x=x(band_high),
        summary=summary, status=status,
    )
