"""``carenote kb check``: validate the YAML sources, their links, and the lab catalogue."""

from __future__ import annotations

from carenote.compiler.check import KBReport, check_sources
from carenote.compiler.hpo import hpo_data_dir
from carenote.compiler.loader import knowledge_dir, load_sources
from carenote.compiler.ontology import load_ontology


def run_kb_check() -> KBReport:
    """Check the knowledge sources and the lab catalogue; return every problem found."""
    from carenote.labs import CatalogueError, check_catalogue, default_directory, load_catalogue

    sources = load_sources(knowledge_dir())
    onto = load_ontology(hpo_data_dir() / "hp.obo")
    lab_findings: set[str] = set()
    lab_problems: list[str] = []
    try:
        catalogue = load_catalogue(default_directory())
    except CatalogueError as exc:
        lab_problems.append(f"lab catalogue: {exc}")
    else:
        for lab in catalogue.unique_labs():
            d = lab.definition
            lab_findings.update(f for f in (d.low_finding, d.high_finding) if f)
            lab_findings.update(g.finding for g in d.graded)
        lab_findings.update(rule.finding for rule in _pattern_rules())
        defined = {loc.item.id for loc in sources.findings}
        lab_problems.extend(
            f"lab catalogue: {p}"
            for p in check_catalogue(catalogue, finding_ids=defined, hpo_ids=set(onto.terms))
        )
    report = check_sources(sources, onto, extra_findings=lab_findings)
    report.errors.extend(lab_problems)
    return report


def _pattern_rules() -> list:  # type: ignore[type-arg]
    from carenote.labs import BUILTIN_RULES

    return list(BUILTIN_RULES)
