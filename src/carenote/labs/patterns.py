"""Patterns across several labs, as a registry of named rules.

A rule is a function from the panel's interpreted results (keyed by the catalogue's
LOINC code) to an outcome: fired, not fired, or not evaluable (a needed lab is missing).
Rules are built with :func:`pattern_rule`; :data:`BUILTIN_RULES` uses the same hook an
extension would, and :func:`interpret_panel` takes any tuple of rules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from carenote.labs.catalogue import LabCatalogue
from carenote.labs.errors import LabInputError
from carenote.labs.interpretation import check_person, interpret, lookup_lab
from carenote.labs.model import LabInput, LabResult
from carenote.labs.units import normalise_label


@dataclass(frozen=True, slots=True)
class Measured:
    """One interpreted lab of the panel, with its value in the catalogue's canonical unit."""

    result: LabResult
    canonical: float

    @property
    def interpretation(self) -> str:
        """LL, L, N, H or HH."""
        return self.result.interpretation


Results = Mapping[str, Measured]

ALP = "LOINC:6768-6"
POTASSIUM = "LOINC:2823-3"
CALCIUM = "LOINC:17861-6"
MAGNESIUM = "LOINC:19123-9"
ZINC = "LOINC:5763-8"
BILIRUBIN = "LOINC:1975-2"
AST = "LOINC:1920-8"
ALT = "LOINC:1742-6"

LOW = ("L", "LL")
HIGH = ("H", "HH")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a rule found: ``fired`` is None when the rule could not be evaluated."""

    fired: bool | None
    note: str = ""


NOT_EVALUABLE = Outcome(None)


@dataclass(frozen=True, slots=True)
class PatternRule:
    """A named rule: the finding it implies, its source id, and its check."""

    name: str
    finding: str
    source: str
    check: Callable[[Results], Outcome]


def pattern_rule(
    *, name: str, finding: str, source: str
) -> Callable[[Callable[[Results], Outcome]], PatternRule]:
    """Decorator turning a check function into a :class:`PatternRule`."""

    def wrap(check: Callable[[Results], Outcome]) -> PatternRule:
        return PatternRule(name=name, finding=finding, source=source, check=check)

    return wrap


class PatternHit(BaseModel):
    """A rule that fired on the panel."""

    model_config = ConfigDict(frozen=True)

    name: str
    finding: str
    note: str
    source: str = Field(description="Citation of the rule's source")


class PanelResult(BaseModel):
    """Per-lab results plus the findings and notes of patterns across labs."""

    model_config = ConfigDict(frozen=True)

    labs: list[LabResult]
    patterns: list[PatternHit] = []
    present_findings: list[str] = Field(default=[], description="From labs and patterns")
    absent_findings: list[str] = Field(default=[], description="Never also present")
    notes: list[str] = []
    warnings: list[str] = Field(default=[], description="Labs that could not be interpreted")


@pattern_rule(
    name="sample_contamination",
    finding="carenote:lab_pattern_sample_contamination",
    source="cornes2008_edta",
)
def _sample_contamination(results: Results) -> Outcome:
    # Cornes 2008: EDTA (K2/K3-EDTA tubes) adds potassium and chelates calcium,
    # magnesium and zinc; ALP, a zinc and magnesium enzyme, falls.
    alp, potassium = results.get(ALP), results.get(POTASSIUM)
    cations = [results[code] for code in (CALCIUM, MAGNESIUM, ZINC) if code in results]
    if alp is None or potassium is None or not cations:
        return NOT_EVALUABLE
    low_cations = [m.result.name.lower() for m in cations if m.interpretation in LOW]
    fired = alp.interpretation in LOW and potassium.interpretation in HIGH and bool(low_cations)
    if not fired:
        return Outcome(False)
    return Outcome(
        True,
        "Low ALP with high potassium and low " + " and ".join(low_cations) + " is the pattern "
        "of EDTA contamination of the blood sample (EDTA adds potassium and binds calcium, "
        "magnesium and zinc, which ALP needs). Repeat the blood draw before acting on these "
        "results (Cornes 2008).",
    )


@pattern_rule(
    name="wilson_acute_liver_failure",
    finding="carenote:lab_pattern_wilson_alf",
    source="korman2008_wilson_alf",
)
def _wilson_acute_liver_failure(results: Results) -> Outcome:
    # Korman 2008: in acute liver failure, ALP (U/L) / total bilirubin (mg/dL) < 4 together
    # with AST/ALT > 2.2 points to Wilson disease (Berman 1991: ALP/bilirubin < 2).
    alp, bili = results.get(ALP), results.get(BILIRUBIN)
    ast, alt = results.get(AST), results.get(ALT)
    if alp is None or bili is None or ast is None or alt is None:
        return NOT_EVALUABLE
    if bili.interpretation not in HIGH or ast.interpretation not in HIGH:
        return Outcome(False)  # the ratios are defined for acute liver failure only
    # Canonical units: ALP, AST, ALT in U/L; bilirubin in mg/dL (as in Korman 2008).
    if bili.canonical <= 0 or alt.canonical <= 0:
        return NOT_EVALUABLE
    alp_ratio = alp.canonical / bili.canonical
    transaminase_ratio = ast.canonical / alt.canonical
    if alp_ratio < 4 and transaminase_ratio > 2.2:
        return Outcome(
            True,
            f"ALP/bilirubin ratio {alp_ratio:.1f} (below 4) with AST/ALT ratio "
            f"{transaminase_ratio:.1f} (above 2.2) is the pattern reported for Wilson disease "
            "presenting as acute liver failure (Korman 2008); it applies only to acute liver "
            "failure and needs urgent specialist assessment.",
        )
    return Outcome(False)


BUILTIN_RULES: tuple[PatternRule, ...] = (_sample_contamination, _wilson_acute_liver_failure)


def interpret_panel(
    catalogue: LabCatalogue,
    labs: Sequence[LabInput],
    age_years: float,
    sex: str,
    pregnancy_trimester: int | None = None,
    *,
    rules: Sequence[PatternRule] = BUILTIN_RULES,
) -> PanelResult:
    """Interpret several labs of one person, then apply the pattern rules.

    Parameters
    ----------
    catalogue, age_years, sex, pregnancy_trimester: as for :func:`interpret`.
    labs: the values; a later value of the same test replaces an earlier one in patterns.
    rules: pattern rules to apply (default :data:`BUILTIN_RULES`).

    Returns
    -------
    PanelResult. A lab that cannot be interpreted becomes a warning, not an error.

    Raises
    ------
    LabInputError: impossible age, unknown sex or bad trimester.
    """
    check_person(age_years, sex, pregnancy_trimester)
    results: list[LabResult] = []
    by_code: dict[str, Measured] = {}
    warnings: list[str] = []
    for lab in labs:
        try:
            result = interpret(
                catalogue,
                lab,
                age_years=age_years,
                sex=sex,
                pregnancy_trimester=pregnancy_trimester,
            )
        except LabInputError as err:
            warnings.append(str(err))
            continue
        results.append(result)
        entry = lookup_lab(catalogue, result.code)
        canonical = entry.units[normalise_label(result.unit)].apply(result.value)
        by_code[entry.definition.code] = Measured(result, canonical)
    present = [f for r in results for f in r.present_findings]
    absent = [f for r in results for f in r.absent_findings]
    hits: list[PatternHit] = []
    for rule in rules:
        outcome = rule.check(by_code)
        if outcome.fired:
            hits.append(
                PatternHit(
                    name=rule.name,
                    finding=rule.finding,
                    note=outcome.note,
                    source=catalogue.cite(rule.source),
                )
            )
            present.append(rule.finding)
        elif outcome.fired is False:
            absent.append(rule.finding)
    present_unique = list(dict.fromkeys(present))
    absent_unique = [f for f in dict.fromkeys(absent) if f not in set(present_unique)]
    return PanelResult(
        labs=results,
        patterns=hits,
        present_findings=present_unique,
        absent_findings=absent_unique,
        notes=[hit.note for hit in hits],
        warnings=warnings,
    )
