"""Plain-text rendering of results for the terminal (the JSON form is the model itself)."""

from __future__ import annotations

from carenote.engine.result import CheckResult
from carenote.engine.triage import level_words
from carenote.labs.model import LabResult


def render_lab(lab: LabResult) -> str:
    """A lab result as a few readable lines."""
    rng = lab.reference_range
    bounds = f"{_num(rng.low)}–{_num(rng.high)} {rng.unit}"
    lines = [
        f"{lab.name} ({lab.code}): {_num(lab.value)} {lab.unit} → {lab.interpretation}",
        f"  reference range {bounds} ({rng.applies_to}); {lab.deviation}",
        f"  source: {rng.source}",
    ]
    if lab.finding:
        lines.append(f"  implies: {lab.finding}")
    lines.extend(f"  note: {note}" for note in lab.notes)
    return "\n".join(lines)


def render_check(result: CheckResult, *, limit: int = 10) -> str:
    """A check result for a person reading a terminal."""
    out: list[str] = []
    if result.case_id:
        out.append(
            f"Case {result.case_id or ''} {f'({result.source})' if result.source else ''}".strip()
        )
    level = result.triage.level
    out.append(f"Triage: {level} — {level_words(level)}")
    out.extend(f"  - {reason}" for reason in result.triage.reasons)
    if result.labs:
        out.append("")
        out.append("Labs:")
        out.extend(render_lab(lab) for lab in result.labs)
    out.append("")
    out.append("Possible causes (most likely first):")
    for rank, cond in enumerate(result.conditions[:limit], start=1):
        rare = ", rare" if cond.rare else ""
        out.append(f"{rank:>2}. {cond.name} — {_percent(cond.probability)} ({cond.urgency}{rare})")
        for item in cond.evidence.supporting[:4]:
            out.append(f"      + {item.name} ({item.choice}, {item.weight:+.2f})")
        for item in cond.evidence.conflicting[:2]:
            out.append(f"      − {item.name} ({item.choice}, {item.weight:+.2f})")
    if result.next_steps:
        out.append("")
        out.append("Next steps:")
        for i, step in enumerate(result.next_steps, start=1):
            code = f" [{step.code}]" if step.code else ""
            out.append(f"{i:>2}. ({step.kind}) {step.text}{code}")
    if result.warnings:
        out.append("")
        out.extend(f"Warning: {w}" for w in result.warnings)
    out.append("")
    out.append(result.disclaimer)
    return "\n".join(out)


def _percent(p: float) -> str:
    """A probability for people: never "100%" or "0%", which would overstate certainty."""
    if p > 0.999:
        return ">99.9%"
    if p < 0.001:
        return "<0.1%"
    return f"{p:.1%}"


def _num(value: float | None) -> str:
    if value is None:
        return "…"
    return f"{value:g}"
