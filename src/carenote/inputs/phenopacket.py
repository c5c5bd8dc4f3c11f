"""Read GA4GH Phenopacket v2 (JSON form) into a :class:`Case`.

Recognised: ``subject`` (sex, ``timeAtLastEncounter`` age), ``phenotypicFeatures``
(with ``excluded``), ``measurements`` (LOINC assay with a quantity), ``medicalActions``
(treatment agents, matched to medicine findings by id or by generic name), and the
diagnosed disease (``interpretations[].diagnosis.disease`` or ``diseases[].term``), which
only benchmarks read. Unknown top-level keys are ignored (CONTRACTS.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carenote.engine.case import Case, EvidenceInput
from carenote.inputs.age import parse_age
from carenote.inputs.errors import InputError
from carenote.labs.model import LabInput, ReferenceRange

_SEX = {"FEMALE": "female", "MALE": "male"}
_UNKNOWN_SEX = {"UNKNOWN_SEX", "OTHER_SEX", ""}

#: Resolves a medicine label (e.g. "Alendronate 70 mg weekly") to finding ids.
MedicineMatcher = Callable[[str], list[str]]


@dataclass(frozen=True)
class PhenopacketCase:
    """A case and the disease ids the phenopacket says were diagnosed."""

    case: Case
    diagnoses: tuple[str, ...]


def load_json(path: Path, *, expected: str = "a GA4GH Phenopacket v2") -> dict[str, Any]:
    """Read one JSON object from ``path`` or raise InputError naming the problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON ({exc}); expected {expected}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a JSON object ({expected})")
    return data


def _age(subject: Mapping[str, Any], where: str) -> float | None:
    age = ((subject.get("timeAtLastEncounter") or {}).get("age") or {}).get("iso8601duration")
    if not age:
        return None
    return parse_age(str(age), where=f"{where}: subject.timeAtLastEncounter")


def _sex(subject: Mapping[str, Any], where: str) -> str | None:
    raw = str(subject.get("sex", "")).upper()
    if raw in _SEX:
        return _SEX[raw]
    if raw in _UNKNOWN_SEX:
        return None
    raise InputError(
        f"{where}: subject.sex '{subject.get('sex')}' is not a Phenopacket sex; "
        "accepted: FEMALE, MALE, OTHER_SEX, UNKNOWN_SEX"
    )


def _features(data: Mapping[str, Any]) -> list[EvidenceInput]:
    out: list[EvidenceInput] = []
    for feat in data.get("phenotypicFeatures") or []:
        term = (feat.get("type") or {}).get("id")
        if not term:
            continue
        choice = "absent" if feat.get("excluded") else "present"
        out.append(EvidenceInput(id=str(term), choice_id=choice, source="phenopacket"))
    return out


def _measurements(data: Mapping[str, Any], where: str) -> list[LabInput]:
    labs: list[LabInput] = []
    for i, meas in enumerate(data.get("measurements") or []):
        assay = meas.get("assay") or {}
        quantity = (meas.get("value") or {}).get("quantity")
        if not quantity or "value" not in quantity:
            continue
        unit = quantity.get("unit") or {}
        unit_text = str(unit.get("id") or unit.get("label") or "")
        unit_text = re.sub(r"^UCUM:", "", unit_text)
        ref = quantity.get("referenceRange")
        own = None
        if ref and ("low" in ref or "high" in ref):
            own = ReferenceRange(
                low=ref.get("low"),
                high=ref.get("high"),
                unit=unit_text,
                applies_to="as reported with the measurement",
                source="reported by the laboratory",
            )
        try:
            value = float(quantity["value"])
        except (TypeError, ValueError):
            raise InputError(f"{where}: measurements[{i}].value is not a number") from None
        labs.append(
            LabInput(
                code=str(assay.get("id") or ""),
                value=value,
                unit=unit_text,
                reference_range=own,
                label=assay.get("label"),
            )
        )
    return labs


def _medicines(data: Mapping[str, Any], match: MedicineMatcher | None) -> list[EvidenceInput]:
    out: list[EvidenceInput] = []
    for action in data.get("medicalActions") or []:
        agent = (action.get("treatment") or {}).get("agent") or {}
        for text in (agent.get("id"), agent.get("label")):
            ids = match(str(text)) if (text and match) else []
            out.extend(EvidenceInput(id=fid, source="phenopacket") for fid in ids)
            if ids:
                break
    return out


def _diagnoses(data: Mapping[str, Any]) -> tuple[str, ...]:
    found: list[str] = []
    for interp in data.get("interpretations") or []:
        disease = ((interp.get("diagnosis") or {}).get("disease") or {}).get("id")
        if disease:
            found.append(str(disease))
    for dis in data.get("diseases") or []:
        term = (dis.get("term") or {}).get("id")
        if term and not dis.get("excluded"):
            found.append(str(term))
    return tuple(dict.fromkeys(found))


def parse_phenopacket(
    data: Mapping[str, Any], *, source: str, medicines: MedicineMatcher | None = None
) -> PhenopacketCase:
    """Turn a phenopacket dict into a Case (raises InputError on bad content)."""
    subject = data.get("subject") or {}
    if not isinstance(subject, dict):
        raise InputError(f"{source}: subject must be an object")
    evidence = _features(data) + _medicines(data, medicines)
    case = Case(
        age_years=_age(subject, source),
        sex=_sex(subject, source),
        evidence=evidence,
        labs=_measurements(data, source),
        case_id=str(data.get("id") or Path(source).stem),
        source=source,
    )
    return PhenopacketCase(case=case, diagnoses=_diagnoses(data))
