"""The compiled knowledge base: frozen NumPy/SciPy arrays the engine reasons on.

Axes: ``conditions`` (curated conditions first, then imported HPO diseases) and
``findings`` (every HPO term, then project ``carenote:`` findings). The matrix
``freq`` holds P(finding | condition) after propagation up the ontology: a condition
with a term has every ancestor of that term with at least the same frequency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse

from carenote.compiler.schema import NextStep

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int32]
BoolArray = npt.NDArray[np.bool_]
#: Any integer index array (argsort and friends return intp).
Indices = npt.NDArray[np.integer[Any]]


@dataclass(frozen=True)
class Ragged:
    """Rows of different lengths in one flat array (loads in one piece, not 19,000)."""

    indptr: IntArray
    data: IntArray

    @classmethod
    def from_rows(cls, rows: list[list[int]]) -> Ragged:
        """Pack lists of indices."""
        indptr = np.zeros(len(rows) + 1, dtype=np.int32)
        indptr[1:] = np.cumsum([len(r) for r in rows])
        flat = [i for row in rows for i in row]
        return cls(indptr=indptr, data=np.array(flat, dtype=np.int32))

    def __getitem__(self, i: int) -> IntArray:
        return self.data[self.indptr[i] : self.indptr[i + 1]]

    def __len__(self) -> int:
        return len(self.indptr) - 1


@dataclass(frozen=True)
class CompiledRule:
    """A red-flag rule with its findings resolved to column indices."""

    id: str
    level: str
    reason: str
    all: tuple[int, ...]
    any: tuple[int, ...]
    min_years: float
    max_years: float
    source: str
    #: Findings (with their descendants) that do not set the rule off via an ancestor.
    not_via: tuple[int, ...] = ()
    #: Findings (with their descendants) whose presence stops the rule.
    unless: tuple[int, ...] = ()


@dataclass(frozen=True)
class CompiledKB:  # noqa: B903
    """Everything the engine needs, as arrays indexed by condition and finding."""

    fingerprint: str
    hpo_version: str
    # --- findings axis -------------------------------------------------------------
    finding_ids: tuple[str, ...]
    finding_names: tuple[str, ...]
    finding_synonyms: tuple[tuple[str, ...], ...]
    finding_questions: tuple[str | None, ...]
    finding_kinds: tuple[str, ...]
    finding_groups: tuple[str | None, ...]
    curated_finding: BoolArray
    #: P(finding) in the population the denominator of every likelihood ratio uses.
    background: FloatArray
    #: Share of imported diseases annotated with the term (ontology specificity).
    disease_background: FloatArray
    #: Proper ancestors of each finding (empty for project findings).
    ancestors: Ragged
    #: Alternative and obsolete HPO ids → the id in ``finding_ids``.
    aliases: dict[str, str]
    # --- conditions axis -----------------------------------------------------------
    condition_ids: tuple[str, ...]
    condition_names: tuple[str, ...]
    lay_names: tuple[str | None, ...]
    condition_synonyms: tuple[tuple[str, ...], ...]
    xrefs: tuple[tuple[str, ...], ...]
    categories: tuple[str | None, ...]
    summaries: tuple[str | None, ...]
    evidence_grades: tuple[str | None, ...]
    urgency: IntArray  # index into TRIAGE_ORDER (0 = most urgent)
    rare: BoolArray
    curated: BoolArray
    prior_base: FloatArray
    prior_female: FloatArray
    prior_male: FloatArray
    #: Flattened age factors: condition index, [min, max) in years, multiplier.
    age_cond: IntArray
    age_min: FloatArray
    age_max: FloatArray
    age_factor: FloatArray
    # --- links ---------------------------------------------------------------------
    freq: sparse.csc_matrix
    #: The same before propagation: only the links written in a source or annotation.
    direct: sparse.csc_matrix
    #: Where each curated link comes from: (condition index, finding index) → source id.
    link_sources: dict[tuple[int, int], str]
    next_steps: tuple[tuple[NextStep, ...], ...]
    rules: tuple[CompiledRule, ...]
    sources: dict[str, str]
    domains: tuple[tuple[str, ...], ...] = field(default_factory=tuple)
    #: Finding id → lower-cased names free text must not match (``excluded_synonyms``).
    excluded_phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Per finding, phrases that name it when denied (curated ``negated_synonyms``).
    finding_negated_synonyms: tuple[tuple[str, ...], ...] = field(default_factory=tuple)
    #: (finding, the finding it is a lasting form of, minimum days): ``Finding.lasting``.
    lasting: tuple[tuple[int, int, float], ...] = ()
    #: (finding, a finding that implies it): ``Finding.implied_by``.
    implied_by: tuple[tuple[int, int], ...] = ()
    #: The newer HPO release (from hpo3) whose diseases supplement ``hpo_version``'s.
    hpo_supplement_version: str | None = None

    @property
    def n_conditions(self) -> int:
        """Number of conditions on the condition axis."""
        return len(self.condition_ids)

    @property
    def n_findings(self) -> int:
        """Number of findings on the finding axis."""
        return len(self.finding_ids)

    @cached_property
    def direct_rows(self) -> sparse.csr_matrix:
        """``direct`` in row-major form, for fast access to one condition's findings."""
        return self.direct.tocsr()

    @cached_property
    def manifestation(self) -> npt.NDArray[np.bool_]:
        """Per finding: True for what a condition shows or is caused by (symptom, sign,
        lab result, imported HPO phenotype, an exposure or medicine such as a sting or an
        overdose), False for the background it arises in (history, risk factor)."""
        context = {"history", "risk_factor", "context"}
        return np.array([kind not in context for kind in self.finding_kinds], dtype=bool)

    def finding_index(self) -> dict[str, int]:
        """Map finding id (and aliases) → column index."""
        index = {fid: i for i, fid in enumerate(self.finding_ids)}
        for alias, target in self.aliases.items():
            if target in index:
                index.setdefault(alias, index[target])
        return index

    def condition_index(self) -> dict[str, int]:
        """Map condition id and each cross-reference → row index (ids win over xrefs)."""
        index: dict[str, int] = {}
        for i, refs in enumerate(self.xrefs):
            for ref in refs:
                index.setdefault(ref, i)
        index.update({cid: i for i, cid in enumerate(self.condition_ids)})
        return index
