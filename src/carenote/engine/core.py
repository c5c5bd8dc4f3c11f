"""The engine facade: one object holding the compiled knowledge, answering every question.

Create it once (``load_engine``) and pass it around (``app.state.engine`` in the service);
it holds no mutable state besides lazily built, read-only indexes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from carenote.compiler.compiled import CompiledKB
from carenote.compiler.schema import TRIAGE_ORDER, Sex
from carenote.engine.case import Case
from carenote.engine.explain import Explanation, explain_condition, ranked
from carenote.engine.interview import InterviewStep
from carenote.engine.questions import choose_question
from carenote.engine.result import CheckResult, EvidenceItem
from carenote.engine.scoring import (
    ABSENT,
    PRESENT,
    RECORDED_ABSENT,
    ModelParams,
    Scored,
    score,
)
from carenote.engine.steps import next_steps
from carenote.engine.triage import triage
from carenote.labs.model import LabInput, LabResult

if TYPE_CHECKING:
    from carenote.labs.catalogue import LabCatalogue
    from carenote.labs.patterns import PanelResult
    from carenote.text.lexicon import Lexicon
    from carenote.text.model import ParseResult

MAX_CONDITIONS = 20
#: The interview may stop once the leading condition is this likely (expert estimate).
STOP_PROBABILITY = 0.85
#: Evidence sources that are answers to interview questions (count against the budget).
INTERVIEW_SOURCES = frozenset({"interview", "suggest", None})
#: Evidence read from a clinical record: absences there were ascertained by a clinician.
RECORD_SOURCES = frozenset({"phenopacket", "record"})


@dataclass(frozen=True)
class Resolved:
    """A case's evidence mapped onto finding columns, with its lab results and warnings."""

    columns: np.ndarray
    choice: np.ndarray
    sources: tuple[str, ...]
    asked: frozenset[int]
    labs: tuple[LabResult, ...]
    warnings: tuple[str, ...]
    n_answered: int


class Engine:
    """Ranks conditions, explains them, triages, plans next steps and asks questions."""

    def __init__(
        self, kb: CompiledKB, labs: LabCatalogue, params: ModelParams | None = None
    ) -> None:
        self.kb = kb
        self.labs = labs
        self.params = params or ModelParams()
        self.finding_index = kb.finding_index()
        self.condition_index = kb.condition_index()

    # --- evidence --------------------------------------------------------------------
    def _lab_findings(
        self, case: Case, warnings: list[str]
    ) -> tuple[list[LabResult], list[tuple[str, int]]]:
        from carenote.labs import interpret_panel

        if not case.labs:
            return [], []
        if case.age_years is None:
            warnings.append(
                "Lab values were not interpreted: reference ranges need the person's age and sex."
            )
            return [], []
        if case.sex is None:
            panel = self._panel_whatever_the_sex(case.labs, case.age_years, warnings)
        else:
            panel = interpret_panel(
                self.labs, case.labs, case.age_years, case.sex, case.pregnancy_trimester
            )
        warnings.extend(panel.warnings)
        found = [(fid, PRESENT) for fid in panel.present_findings]
        found += [(fid, ABSENT) for fid in panel.absent_findings]
        return list(panel.labs), found

    def _panel_whatever_the_sex(
        self, labs: list[LabInput], age_years: float, warnings: list[str]
    ) -> PanelResult:
        """With the sex unknown, the labs that read the same for a woman and a man of this
        age (a platelet count: one adult range); the others are left out, with a warning."""
        from carenote.labs import interpret_panel

        def read(subset: list[LabInput], sex: str) -> PanelResult:
            return interpret_panel(self.labs, subset, age_years, sex)

        same = [lab for lab in labs if read([lab], "female") == read([lab], "male")]
        panel = read(same, "female")
        if panel != read(same, "male"):
            same, panel = [], read([], "female")
        left_out = [lab.code for lab in labs if lab not in same]
        if left_out:
            warnings.append(
                f"Lab values not interpreted ({', '.join(left_out)}): their reference ranges "
                "depend on sex, which was not given."
            )
        return panel

    def resolve(self, case: Case) -> Resolved:
        """Map evidence and labs to finding columns; unknown ids become warnings."""
        warnings: list[str] = []
        labs, lab_found = self._lab_findings(case, warnings)
        cols: dict[int, tuple[int, str]] = {}
        asked: set[int] = set()
        n_answered = 0
        for item in case.evidence:
            col = self.finding_index.get(item.id)
            if col is None:
                warnings.append(f"Unknown finding id '{item.id}' was ignored.")
                continue
            asked.add(col)
            n_answered += item.source in INTERVIEW_SOURCES
            if item.choice_id == "unknown":
                continue
            if item.choice_id == "present":
                code = PRESENT
            else:
                code = RECORDED_ABSENT if item.source in RECORD_SOURCES else ABSENT
            cols[col] = (code, item.source or "user")
        for fid, code in lab_found:
            col = self.finding_index.get(fid)
            if col is not None and col not in cols:
                cols[col] = (code, "lab")
                asked.add(col)
        keys = list(cols)
        return Resolved(
            columns=np.array(keys, dtype=np.int32),
            choice=np.array([cols[k][0] for k in keys], dtype=np.int32),
            sources=tuple(cols[k][1] for k in keys),
            asked=frozenset(asked),
            labs=tuple(labs),
            warnings=tuple(warnings),
            n_answered=n_answered,
        )

    def score(self, case: Case, resolved: Resolved | None = None) -> tuple[Resolved, Scored]:
        """Resolve the evidence and compute the posterior."""
        res = resolved or self.resolve(case)
        scored = score(
            self.kb,
            age_years=case.age_years,
            sex=case.sex,
            columns=res.columns,
            choice=res.choice,
            params=self.params,
        )
        return res, scored

    # --- answers ---------------------------------------------------------------------
    def check(self, case: Case, *, max_conditions: int = MAX_CONDITIONS) -> CheckResult:
        """Rank conditions, triage and plan next steps for one case."""
        res, scored = self.score(case)
        present = {int(c) for c, k in zip(res.columns, res.choice, strict=True) if k == PRESENT}
        level, _ = triage(self.kb, scored.probability, present, case.age_years)
        evidence = [
            EvidenceItem(
                id=self.kb.finding_ids[c],
                name=self.kb.finding_names[c],
                weight=0.0,
                choice="present" if k == PRESENT else "absent",
                source=src,
            )
            for c, k, src in zip(res.columns, res.choice, res.sources, strict=True)
        ]
        return CheckResult(
            case_id=case.case_id,
            source=case.source,
            conditions=ranked(self.kb, scored, max_conditions, self.params),
            triage=level,
            labs=list(res.labs),
            next_steps=next_steps(self.kb, scored.probability),
            evidence=evidence,
            warnings=list(res.warnings),
        )

    def interview(self, case: Case, *, max_questions: int = 20) -> InterviewStep:
        """The next question (or None), the ranking so far and whether to stop."""
        res, scored = self.score(case)
        present = {int(c) for c, k in zip(res.columns, res.choice, strict=True) if k == PRESENT}
        _, fired = triage(self.kb, scored.probability, present, case.age_years)
        emergency = any(TRIAGE_ORDER.index(r.level) <= 1 for r in fired)
        pick = None
        if res.n_answered < max_questions:
            # A present finding implies its HPO ancestors (low back pain is back pain):
            # never ask about those again.
            implied = {int(a) for c in present for a in self.kb.ancestors[c]}
            pick = choose_question(
                self.kb,
                scored.probability,
                set(res.asked) | implied,
                n_answered=res.n_answered,
                red_flag_columns=self.red_flag_columns,
                params=self.params,
            )
        top = float(scored.probability.max()) if scored.probability.size else 0.0
        stop = pick is None or top >= STOP_PROBABILITY or res.n_answered >= max_questions
        return InterviewStep(
            question=None if stop else (pick.question if pick else None),
            conditions=ranked(self.kb, scored, MAX_CONDITIONS, self.params),
            should_stop=stop,
            has_emergency_evidence=emergency,
        )

    def explain(self, case: Case, target: str) -> Explanation:
        """Supporting, conflicting and unconfirmed evidence for one condition."""
        idx = self.condition_index.get(target)
        if idx is None:
            raise KeyError(target)
        _, scored = self.score(case)
        return explain_condition(self.kb, scored, idx, self.params)

    def interpret_lab(
        self, lab: LabInput, *, age_years: float, sex: str, pregnancy_trimester: int | None = None
    ) -> LabResult:
        """Interpret one lab value (raises LabInputError on bad input)."""
        from carenote.labs import interpret

        return interpret(
            self.labs, lab, age_years=age_years, sex=sex, pregnancy_trimester=pregnancy_trimester
        )

    # --- lookup ----------------------------------------------------------------------
    @cached_property
    def red_flag_columns(self) -> set[int]:
        """Finding columns named by any red-flag rule."""
        return {c for rule in self.kb.rules for c in (*rule.all, *rule.any)}

    @cached_property
    def _search_index(self) -> list[tuple[str, str, str]]:
        rows: list[tuple[str, str, str]] = []
        curated_first = sorted(
            range(self.kb.n_findings), key=lambda i: not self.kb.curated_finding[i]
        )
        for i in curated_first:
            fid, name = self.kb.finding_ids[i], self.kb.finding_names[i]
            for label in (name, *self.kb.finding_synonyms[i]):
                rows.append((label.lower(), fid, name))
        return rows

    def search(self, phrase: str, max_results: int = 8) -> list[tuple[str, str]]:
        """Findings whose name or synonym contains ``phrase`` (curated ones first)."""
        needle = phrase.strip().lower()
        if not needle:
            return []
        seen: dict[str, str] = {}
        for label, fid, name in self._search_index:
            if needle in label and fid not in seen:
                seen[fid] = name
                if len(seen) >= max_results:
                    break
        return list(seen.items())

    @cached_property
    def lexicon(self) -> Lexicon:
        """The free-text lexicon: curated findings, HPO labels and lab names."""
        from carenote.engine.lexicon import build_lexicon

        return build_lexicon(self.kb, self.labs)

    def parse_text(
        self, text: str, age: float | None = None, sex: Sex | None = None
    ) -> ParseResult:
        """Understand a case told in words (findings, negation, labs, vitals, age, sex)."""
        from carenote.engine.lexicon import resolve_denials
        from carenote.engine.reading import (
            curated_first,
            implied_mentions,
            lasting_mentions,
            units_from_scale,
        )
        from carenote.text import parse

        parsed = parse(text, self.lexicon, age_years=age, sex=sex)
        mentions = resolve_denials(parsed.mentions, self.finding_names)
        lasting = lasting_mentions(
            self.kb, self.finding_index, self.finding_names, text, mentions, parsed.durations
        )
        implied = implied_mentions(self.kb, self.finding_index, self.finding_names, mentions)
        mentions = sorted(
            [*mentions, *lasting, *implied], key=lambda m: (m.span, m.source, m.id)
        )
        labs, warnings = units_from_scale(self.labs, parsed)
        return parsed.model_copy(
            update={
                "mentions": curated_first(self.kb, self.finding_index, mentions),
                "labs": labs,
                "warnings": warnings,
            }
        )

    @cached_property
    def finding_names(self) -> dict[str, str]:
        """Finding id → display name."""
        return dict(zip(self.kb.finding_ids, self.kb.finding_names, strict=True))


def load_engine(cache_dir: Path | None = None, *, params: ModelParams | None = None) -> Engine:
    """Load the compiled knowledge base (from cache when current) and the lab catalogue."""
    from carenote.compiler.cache import default_cache_dir, load_compiled
    from carenote.labs import default_directory
    from carenote.labs.cache import load_catalogue_cached

    directory = cache_dir or default_cache_dir()
    labs = load_catalogue_cached(default_directory(), directory)
    return Engine(load_compiled(directory), labs, params)
