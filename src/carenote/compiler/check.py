"""Validate and link the knowledge sources (what ``carenote kb check`` reports).

Errors stop compilation; warnings are shown to reviewers but do not.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from carenote.compiler.loader import KnowledgeSources, Located
from carenote.compiler.ontology import Ontology


@dataclass
class KBReport:
    """The outcome of checking the sources."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _duplicates(kind: str, items: list[Located[object]], report: KBReport) -> None:
    ids = Counter(getattr(loc.item, "id") for loc in items)  # noqa: B009
    for item_id, n in sorted(ids.items()):
        if n > 1:
            files = sorted({loc.path for loc in items if getattr(loc.item, "id") == item_id})  # noqa: B009
            report.errors.append(f"{kind} '{item_id}' is defined {n} times ({', '.join(files)})")


def _check_hpo(fid: str, where: str, onto: Ontology, report: KBReport) -> None:
    if not fid.startswith("HP:"):
        return
    if fid in onto.terms:
        return
    if fid in onto.aliases:
        report.warnings.append(f"{where}: {fid} is obsolete or an alt id; use {onto.aliases[fid]}")
    else:
        report.errors.append(f"{where}: {fid} is not a term of the HPO release shipped")


def check_sources(
    sources: KnowledgeSources, onto: Ontology, extra_findings: set[str] | None = None
) -> KBReport:
    """Check ids, references, HPO terms, sources and discriminating findings.

    ``extra_findings`` are finding ids used elsewhere (e.g. by the lab catalogue), so
    that a finding only labs imply is not reported as an orphan.
    """
    report = KBReport(errors=list(sources.problems))
    _duplicates("source", list(sources.sources), report)  # type: ignore[arg-type]
    _duplicates("finding", list(sources.findings), report)  # type: ignore[arg-type]
    _duplicates("condition", list(sources.conditions), report)  # type: ignore[arg-type]
    _duplicates("red-flag rule", list(sources.red_flags), report)  # type: ignore[arg-type]
    source_ids = {loc.item.id for loc in sources.sources}
    findings = {loc.item.id: loc.item for loc in sources.findings}
    used: set[str] = set(extra_findings or ())

    for loc in sources.findings:
        f = loc.item
        _check_hpo(f.id, f"{loc.path}: finding {f.id}", onto, report)
        if f.background_source and f.background_source not in source_ids:
            report.errors.append(
                f"{loc.path}: finding {f.id}: unknown source {f.background_source}"
            )
        for by in f.implied_by:
            # An HPO term need not be curated to imply something; a project id must be.
            _check_hpo(by, f"{loc.path}: finding {f.id}: implied_by", onto, report)
            if by not in findings and not by.startswith("HP:"):
                report.errors.append(
                    f"{loc.path}: finding {f.id}: implied_by {by} is not defined in findings/"
                )
        if f.lasting is not None and f.lasting.of not in findings:
            report.errors.append(
                f"{loc.path}: finding {f.id}: lasting.of {f.lasting.of} is not defined in findings/"
            )

    for cloc in sources.conditions:
        c = cloc.item
        where = f"{cloc.path}: condition {c.id}"
        refs = {c.prior.source, *c.sources}
        refs.update(link.source for link in c.findings)
        refs.update(step.source for step in c.next_steps)
        for ref in sorted(refs - source_ids):
            report.errors.append(f"{where}: unknown source '{ref}'")
        discriminating = False
        for link in c.findings:
            used.add(link.id)
            _check_hpo(link.id, where, onto, report)
            finding = findings.get(link.id)
            if finding is None:
                report.errors.append(f"{where}: finding {link.id} is not defined in findings/")
            elif link.frequency > finding.background:
                discriminating = True
        if not discriminating:
            report.errors.append(f"{where}: no finding is more frequent than its background")

    for xloc in sources.excluded_synonyms:
        ex = xloc.item
        where = f"{xloc.path}: excluded synonyms of {ex.id}"
        _check_hpo(ex.id, where, onto, report)
        if ex.id not in findings and not ex.id.startswith("HP:"):
            report.errors.append(f"{where}: finding {ex.id} is not defined")

    for rloc in sources.red_flags:
        rule = rloc.item
        where = f"{rloc.path}: red flag {rule.id}"
        if rule.source not in source_ids:
            report.errors.append(f"{where}: unknown source '{rule.source}'")
        if not rule.all and not rule.any:
            report.errors.append(f"{where}: names no finding")
        for fid in [*rule.all, *rule.any, *rule.not_via, *rule.unless]:
            used.add(fid)
            _check_hpo(fid, where, onto, report)
            if fid not in findings:
                report.errors.append(f"{where}: finding {fid} is not defined in findings/")

    for fid in sorted(set(findings) - used):
        report.warnings.append(f"finding {fid} is defined but no condition, rule or lab uses it")
    report.counts = {
        "sources": len(source_ids),
        "findings": len(findings),
        "conditions": len(sources.conditions),
        "red_flags": len(sources.red_flags),
        "hpo_findings": sum(1 for f in findings if f.startswith("HP:")),
    }
    return report
