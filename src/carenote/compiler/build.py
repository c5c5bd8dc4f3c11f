"""Compile the knowledge sources and the HPO annotations into a :class:`CompiledKB`.

Stages: parse (``loader``) → validate and link (``check``) → import HPO diseases →
merge through cross-references → propagate frequencies up the ontology → freeze.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy import sparse

from carenote.compiler.check import KBReport, check_sources
from carenote.compiler.compiled import CompiledKB, CompiledRule, Ragged
from carenote.compiler.hpo import Annotation, hpoa_version, iter_annotations
from carenote.compiler.loader import KnowledgeSources
from carenote.compiler.ontology import Ontology
from carenote.compiler.schema import TRIAGE_ORDER, Condition, Finding, NextStep
from carenote.compiler.supplement import Supplement

#: Collective point prevalence of rare diseases, 3.5–5.9 % (Nguengang Wakap S, Lambert
#: DM, Olry A, et al. Estimating cumulative point prevalence of rare diseases: analysis
#: of the Orphanet database. Eur J Hum Genet. 2020;28:165-173). We take 4 % and spread it
#: evenly over the imported diseases, whose individual prevalences HPO does not give.
RARE_DISEASE_TOTAL_PREVALENCE = 0.04
#: Expert estimate: the least background rate assumed for an uncurated HPO term.
HPO_ONLY_BACKGROUND_FLOOR = 0.005
#: Expert estimate: urgency of an imported rare disease is a specialist consultation.
IMPORTED_URGENCY = "consultation"


@dataclass(frozen=True)
class CompileOptions:
    """Knobs of the import; defaults measured with ``carenote bench phenopackets``."""

    #: P(term | disease) for an annotation without a frequency (HPO gives none for
    #: ~21 % of rows; LIRICAL likewise assumes such a feature is usually present).
    default_frequency: float = 0.5
    #: P(term | disease) for a ``NOT`` annotation: the disease is known to lack it.
    negated_frequency: float = 0.01
    include_orpha: bool = True
    #: Import the HPO rare-disease annotations (off only for small unit-test knowledge bases).
    import_hpo_diseases: bool = True
    #: Add the diseases of the newer HPO release in hpo3 that phenotype.hpoa lacks
    #: (``compiler/supplement.py``; a no-op when hpo3 is not installed).
    import_supplement: bool = True
    #: P(term | disease) for a term only the hpo3 release has (it has no frequencies).
    #: On the 2,117 development phenopackets whose disease the January release already
    #: had, 0.15–0.3 cost nothing and 0.5 cost 0.4 points of top-1 (more competitors).
    supplement_frequency: float = 0.3
    #: Also add hpo3 terms that phenotype.hpoa lacks to the diseases it has: +1.9 points
    #: of top-1 on those cases, but the new terms partly come from the same case reports
    #: (phenopacket-store): 65 of the 87 cases it improved came from three cohorts, so the
    #: gain is mostly leakage. Off: we add newer diseases, not newer answers.
    supplement_extend: bool = False


class CompileError(Exception):
    """The knowledge sources have errors; ``kb check`` lists them."""


@dataclass
class _Row:
    """A condition under construction: direct term frequencies, provenance, metadata."""

    direct: dict[str, float]
    sources: dict[str, str]
    negated: set[str]


def _imported_diseases(
    annotations: list[Annotation], onto: Ontology, options: CompileOptions
) -> tuple[dict[str, str], dict[str, _Row]]:
    """Group phenotype annotations by disease: names and rows of direct frequencies."""
    names: dict[str, str] = {}
    rows: dict[str, _Row] = {}
    for ann in annotations:
        if ann.aspect != "P" or ann.sex is not None:
            continue
        if ann.disease_id.startswith("ORPHA:") and not options.include_orpha:
            continue
        if not ann.disease_id.startswith(("OMIM:", "ORPHA:")):
            continue
        term = onto.resolve(ann.hpo_id)
        if term is None:
            continue
        names.setdefault(ann.disease_id, ann.disease_name)
        row = rows.setdefault(ann.disease_id, _Row({}, {}, set()))
        if ann.negated:
            row.negated.add(term)
            continue
        freq = options.default_frequency if ann.frequency is None else ann.frequency
        if freq <= 0:
            row.negated.add(term)
            continue
        row.direct[term] = max(row.direct.get(term, 0.0), min(freq, 1.0))
        row.sources.setdefault(term, f"HPO annotation of {ann.disease_id}")
    return names, rows


def _add_supplement(
    names: dict[str, str],
    rows: dict[str, _Row],
    supplement: Supplement,
    onto: Ontology,
    options: CompileOptions,
) -> None:
    """Add the supplement's diseases absent from phenotype.hpoa, at a default frequency."""
    for disease_id, disease in supplement.diseases.items():
        if disease_id.startswith("ORPHA:") and not options.include_orpha:
            continue
        row = rows.get(disease_id)
        if row is not None and not options.supplement_extend:
            continue
        if row is None:
            row = rows[disease_id] = _Row({}, {}, set())
            names[disease_id] = disease.name
        # Terms already implied by a frequency-bearing annotation keep that frequency.
        implied = set(_propagate(row, onto)) | row.negated
        for term in sorted(supplement.phenotype_terms(disease, onto) - implied):
            row.direct[term] = options.supplement_frequency
            row.sources[term] = f"HPO {supplement.version} annotation of {disease_id}"
        if not row.direct and not row.negated:
            del rows[disease_id]
            names.pop(disease_id, None)


def _finding_axis(
    onto: Ontology, curated: list[Finding]
) -> tuple[list[str], dict[str, int], dict[str, Finding]]:
    """HPO terms in file order, then project findings in source order."""
    ids = list(onto.terms)
    by_id = {f.id: f for f in curated}
    ids.extend(f.id for f in curated if not f.id.startswith("HP:"))
    return ids, {fid: i for i, fid in enumerate(ids)}, by_id


def _propagate(row: _Row, onto: Ontology) -> dict[str, float]:
    """Each term's frequency also holds for all its ancestors (max over descendants)."""
    out = dict(row.direct)
    for term, freq in row.direct.items():
        for anc in onto.ancestors.get(term, ()):
            if out.get(anc, 0.0) < freq:
                out[anc] = freq
    return out


def _curated_row(cond: Condition, onto: Ontology) -> _Row:
    row = _Row({}, {}, set())
    for link in cond.findings:
        fid = onto.resolve(link.id) if link.id.startswith("HP:") else link.id
        if fid is None:
            continue
        row.direct[fid] = link.frequency
        row.sources[fid] = link.source
    return row


def compile_kb(
    sources: KnowledgeSources,
    onto: Ontology,
    hpoa_path: Path,
    fingerprint: str,
    options: CompileOptions | None = None,
    supplement: Supplement | None = None,
) -> tuple[CompiledKB, KBReport]:
    """Build the arrays. Raises CompileError when the sources have errors."""
    opts = options or CompileOptions()
    report = check_sources(sources, onto)
    if report.errors:
        raise CompileError("; ".join(report.errors[:5]))
    findings = [loc.item for loc in sources.findings]
    conditions = [loc.item for loc in sources.conditions]
    finding_ids, fidx, curated_by_id = _finding_axis(onto, findings)

    annotations = list(iter_annotations(hpoa_path)) if opts.import_hpo_diseases else []
    names, imported = _imported_diseases(annotations, onto, opts)
    if supplement is not None and opts.import_hpo_diseases and opts.import_supplement:
        _add_supplement(names, imported, supplement, onto, opts)
    xref_owners: dict[str, list[int]] = defaultdict(list)
    for i, cond in enumerate(conditions):
        for ref in cond.xrefs:
            xref_owners[ref].append(i)

    rows: list[_Row] = [_curated_row(c, onto) for c in conditions]
    for disease_id, owners in xref_owners.items():
        if disease_id in imported and len(owners) == 1:
            merged, extra = rows[owners[0]], imported[disease_id]
            for term, freq in extra.direct.items():
                if term not in merged.direct:
                    merged.direct[term] = freq
                    merged.sources[term] = extra.sources[term]
            merged.negated |= extra.negated - set(merged.direct)
    same_name = _same_name(conditions, names)
    imported_ids = [d for d in imported if d not in xref_owners and d not in same_name]
    rows.extend(imported[d] for d in imported_ids)
    n_cur, n_all = len(conditions), len(conditions) + len(imported_ids)

    data: list[float] = []
    ri: list[int] = []
    ci: list[int] = []
    d_data: list[float] = []
    d_r: list[int] = []
    d_c: list[int] = []
    neg_r: list[int] = []
    neg_c: list[int] = []
    link_sources: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows):
        for term, freq in _propagate(row, onto).items():
            data.append(freq)
            ri.append(r)
            ci.append(fidx[term])
        for term, src in row.sources.items():
            link_sources[(r, fidx[term])] = src
        for term, value in row.direct.items():
            d_data.append(value)
            d_r.append(r)
            d_c.append(fidx[term])
        for term in row.negated:
            neg_r.append(r)
            neg_c.append(fidx[term])
    shape = (n_all, len(finding_ids))
    freq = sparse.csc_matrix((np.array(data), (np.array(ri), np.array(ci))), shape=shape)
    direct = sparse.csc_matrix((np.array(d_data), (np.array(d_r), np.array(d_c))), shape=shape)
    negated = sparse.csc_matrix(
        (np.full(len(neg_r), opts.negated_frequency), (np.array(neg_r), np.array(neg_c))),
        shape=shape,
    )

    # A NOT annotation overrides whatever propagation implied for that term.
    freq = (freq - freq.multiply(negated.astype(bool)) + negated).tocsc()
    freq.eliminate_zeros()
    n_imp = max(n_all - n_cur, 1)
    dis_bg = np.asarray(freq[n_cur:].sum(axis=0)).ravel() / n_imp
    dis_bg = np.maximum(dis_bg, 0.5 / n_imp)
    # The share of diseases annotated with a term is no population rate: for a term no
    # curated source describes, assume at least 1 in 200 people would report it (expert
    # estimate), so one uncurated phenotype cannot give a rare disease an LR in the
    # hundreds over common conditions. Within imported diseases the ranking is unchanged
    # (the background cancels between them).
    background = np.maximum(dis_bg, HPO_ONLY_BACKGROUND_FLOOR)
    for fid, finding in curated_by_id.items():
        if fid in fidx:
            background[fidx[fid]] = max(finding.background, 1e-6)
    _consistent_backgrounds(background, finding_ids, curated_by_id, onto, fidx)

    kb = _freeze(
        sources,
        onto,
        opts,
        hpoa_path,
        fingerprint,
        finding_ids,
        fidx,
        curated_by_id,
        conditions,
        imported_ids,
        names,
        freq,
        direct,
        background,
        dis_bg,
        link_sources,
    )
    if supplement is not None and opts.import_hpo_diseases and opts.import_supplement:
        kb = replace(kb, hpo_supplement_version=supplement.version)
    if same_name:  # keep absorbed ids findable (benchmarks match by cross-reference)
        absorbed: dict[int, list[str]] = defaultdict(list)
        for disease_id, owner in same_name.items():
            absorbed[owner].append(disease_id)
        xrefs = tuple((*refs, *absorbed.get(i, ())) for i, refs in enumerate(kb.xrefs))
        kb = replace(kb, xrefs=xrefs)
    return kb, report


def _freeze(
    sources: KnowledgeSources,
    onto: Ontology,
    opts: CompileOptions,
    hpoa_path: Path,
    fingerprint: str,
    finding_ids: list[str],
    fidx: dict[str, int],
    curated_by_id: dict[str, Finding],
    conditions: list[Condition],
    imported_ids: list[str],
    names: dict[str, str],
    freq: sparse.csc_matrix,
    direct: sparse.csc_matrix,
    background: np.ndarray,
    dis_bg: np.ndarray,
    link_sources: dict[tuple[int, int], str],
) -> CompiledKB:
    """Assemble the frozen dataclass from the computed pieces."""
    del opts
    n_imp = len(imported_ids)
    imp_prior = RARE_DISEASE_TOTAL_PREVALENCE / max(n_imp, 1)
    age_rows = [
        (i, band.min_years, band.max_years, band.factor)
        for i, c in enumerate(conditions)
        for band in c.prior.age
    ]

    def fname(fid: str) -> str:
        if fid in curated_by_id:
            return curated_by_id[fid].name
        return onto.terms[fid].name if fid in onto.terms else fid

    excluded: dict[str, tuple[str, ...]] = {}
    for ex in (loc.item for loc in sources.excluded_synonyms):
        fid = _res(onto, ex.id)
        excluded[fid] = (*excluded.get(fid, ()), *(p.lower() for p in ex.phrases))

    def fsyn(fid: str) -> tuple[str, ...]:
        syns: list[str] = []
        if fid in curated_by_id:
            syns.extend(curated_by_id[fid].synonyms)
        if fid in onto.terms:
            term = onto.terms[fid]
            syns.extend([term.name, *term.synonyms] if fid in curated_by_id else term.synonyms)
        drop = excluded.get(fid, ())
        return tuple(dict.fromkeys(s for s in syns if s and s.lower() not in drop))

    urg: dict[str, int] = {level: i for i, level in enumerate(TRIAGE_ORDER)}
    return CompiledKB(
        fingerprint=fingerprint,
        hpo_version=hpoa_version(hpoa_path),
        finding_ids=tuple(finding_ids),
        finding_names=tuple(fname(f) for f in finding_ids),
        finding_synonyms=tuple(fsyn(f) for f in finding_ids),
        excluded_phrases=excluded,
        finding_negated_synonyms=tuple(
            tuple(curated_by_id[f].negated_synonyms) if f in curated_by_id else ()
            for f in finding_ids
        ),
        lasting=tuple(
            (fidx[f], fidx[_res(onto, spec.of)], spec.min_days)
            for f in finding_ids
            if f in curated_by_id and (spec := curated_by_id[f].lasting) is not None
        ),
        implied_by=tuple(
            (fidx[f], fidx[_res(onto, by)])
            for f in finding_ids
            if f in curated_by_id
            for by in curated_by_id[f].implied_by
        ),
        finding_questions=tuple(
            curated_by_id[f].question if f in curated_by_id and curated_by_id[f].askable else None
            for f in finding_ids
        ),
        finding_kinds=tuple(
            curated_by_id[f].kind if f in curated_by_id else "phenotype" for f in finding_ids
        ),
        finding_groups=tuple(
            curated_by_id[f].group if f in curated_by_id else None for f in finding_ids
        ),
        curated_finding=np.array([f in curated_by_id for f in finding_ids], dtype=bool),
        background=np.asarray(background, dtype=np.float64),
        disease_background=np.asarray(dis_bg, dtype=np.float64),
        ancestors=Ragged.from_rows(
            [sorted(fidx[a] for a in onto.ancestors.get(f, ())) for f in finding_ids]
        ),
        aliases=dict(onto.aliases),
        condition_ids=tuple([c.id for c in conditions] + imported_ids),
        condition_names=tuple([c.name for c in conditions] + [names[d] for d in imported_ids]),
        lay_names=tuple([c.lay_name for c in conditions] + [None] * n_imp),
        condition_synonyms=tuple([tuple(c.synonyms) for c in conditions] + [()] * n_imp),
        xrefs=tuple([tuple(c.xrefs) for c in conditions] + [(d,) for d in imported_ids]),
        categories=tuple([c.category for c in conditions] + ["rare disease"] * n_imp),
        summaries=tuple([c.summary for c in conditions] + [None] * n_imp),
        evidence_grades=tuple([c.evidence_grade for c in conditions] + [None] * n_imp),
        urgency=np.array(
            [urg[c.urgency] for c in conditions] + [urg[IMPORTED_URGENCY]] * n_imp,
            dtype=np.int32,
        ),
        rare=np.array([c.rare for c in conditions] + [True] * n_imp, dtype=bool),
        curated=np.array([True] * len(conditions) + [False] * n_imp, dtype=bool),
        prior_base=np.array([c.prior.base for c in conditions] + [imp_prior] * n_imp),
        prior_female=np.array([c.prior.sex.get("female", 1.0) for c in conditions] + [1.0] * n_imp),
        prior_male=np.array([c.prior.sex.get("male", 1.0) for c in conditions] + [1.0] * n_imp),
        age_cond=np.array([r[0] for r in age_rows], dtype=np.int32),
        age_min=np.array([r[1] for r in age_rows], dtype=np.float64),
        age_max=np.array([r[2] for r in age_rows], dtype=np.float64),
        age_factor=np.array([r[3] for r in age_rows], dtype=np.float64),
        freq=freq,
        direct=direct,
        link_sources=link_sources,
        next_steps=tuple(
            [tuple(sorted(c.next_steps, key=_step_order)) for c in conditions] + [()] * n_imp
        ),
        rules=tuple(
            CompiledRule(
                id=r.id,
                level=r.level,
                reason=r.reason,
                all=tuple(fidx[_res(onto, f)] for f in r.all),
                any=tuple(fidx[_res(onto, f)] for f in r.any),
                not_via=tuple(fidx[_res(onto, f)] for f in r.not_via),
                unless=tuple(fidx[_res(onto, f)] for f in r.unless),
                min_years=r.min_years,
                max_years=r.max_years,
                source=r.source,
            )
            for r in (loc.item for loc in sources.red_flags)
        ),
        sources={loc.item.id: loc.item.citation for loc in sources.sources},
        domains=tuple([tuple(c.domains) for c in conditions] + [()] * n_imp),
    )


def _consistent_backgrounds(
    background: np.ndarray,
    finding_ids: list[str],
    curated_by_id: dict[str, Finding],
    onto: Ontology,
    fidx: dict[str, int],
) -> None:
    """A term is never more common than a curated ancestor (a focal seizure is a seizure).

    Curated findings carry population rates; other HPO terms only the share of diseases
    annotated with them, which for a specific term can exceed its curated parent's rate.
    """
    curated_hpo = {f for f in curated_by_id if f.startswith("HP:")}
    for fid in finding_ids:
        if fid in curated_by_id or not fid.startswith("HP:"):
            continue
        limits = [background[fidx[a]] for a in onto.ancestors.get(fid, ()) if a in curated_hpo]
        if limits:
            i = fidx[fid]
            background[i] = min(background[i], min(limits))


def _norm_name(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _same_name(conditions: list[Condition], names: dict[str, str]) -> dict[str, int]:
    """Imported diseases whose name is exactly one curated condition's name or synonym.

    Orphanet lists some common diseases (e.g. meningococcal meningitis) that the curated
    layer also holds; without a shared cross-reference they would appear twice, once
    without an urgency. An exact name match to a single curated condition absorbs them.
    """
    owners: dict[str, set[int]] = defaultdict(set)
    for i, cond in enumerate(conditions):
        for label in (cond.name, *cond.synonyms):
            owners[_norm_name(label)].add(i)
    found: dict[str, int] = {}
    for disease_id, name in names.items():
        hits = owners.get(_norm_name(name), set())
        if len(hits) == 1:
            found[disease_id] = next(iter(hits))
    return found


def _res(onto: Ontology, fid: str) -> str:
    return (onto.resolve(fid) or fid) if fid.startswith("HP:") else fid


def _step_order(step: NextStep) -> tuple[int, str]:
    return (step.priority, step.kind)
