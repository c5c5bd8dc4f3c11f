"""Export the HPO release compiled into hpo3 as a small tab-separated file.

Run only as a subprocess with ``PYTHONPATH`` set to the side directory that
``scripts/install-hpo3.sh`` fills: hpo3 installs a package named ``pyhpo`` that would
shadow the real pyhpo, so this module imports nothing from Carenote (``-m`` is not used
either, because importing the ``carenote`` package could pull in the real pyhpo) and
nothing but the standard library and hpo3's ``pyhpo``. Usage::

    PYTHONPATH=$HPO3_DIR python3 path/to/hpo3_export.py [--known hp.obo] [--output FILE]

Output, one record per line, fields separated by tabs (the format ``supplement.py`` reads):

* ``V <release>``: the HPO release, e.g. ``2025-11-24``; always the first line.
* ``D <disease id> <name> <HP:…,HP:…>``: every OMIM and ORPHA disease with its terms.
* ``T <HP id> <name> <parent HP ids, comma-separated>``: every term of the release
  whose id is not a term, alt_id or obsolete id in ``--known`` (all terms without it),
  so that the reader can place new terms under an ancestor it knows.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

_OBO_ID = re.compile(r"^(?:id|alt_id): (HP:\d{7})\s*$")


def hp_id(term_id: int) -> str:
    """``7`` → ``HP:0000007`` (hpo3 gives annotation terms as integers)."""
    return f"HP:{term_id:07d}"


def known_ids(obo_path: Path) -> set[str]:
    """Every HP id (term, alt_id, obsolete term) that appears in an OBO file."""
    with obo_path.open(encoding="utf-8") as handle:
        return {m.group(1) for line in handle if (m := _OBO_ID.match(line))}


def _clean(text: str) -> str:
    """A name safe inside one tab-separated field."""
    return " ".join(text.split())


def export_lines(
    version: str, diseases: Iterable[Any], terms: Iterable[Any], known: set[str] | None
) -> Iterator[str]:
    """The records of the export format, from hpo3 disease and term objects."""
    yield f"V\t{_clean(version)}"
    for disease in diseases:
        ids = ",".join(hp_id(t) for t in sorted(disease.hpo))
        yield f"D\t{disease.id}\t{_clean(disease.name)}\t{ids}"
    for term in terms:
        if known is not None and term.id in known:
            continue
        parents = ",".join(sorted(p.id for p in term.parents))
        yield f"T\t{term.id}\t{_clean(term.name)}\t{parents}"


def _diseases(ontology: Any) -> Iterator[Any]:
    """OMIM then ORPHA diseases, with prefixed ids (hpo3 gives ``id`` as a bare int)."""
    for prefix, group in (("OMIM", ontology.omim_diseases), ("ORPHA", ontology.orpha_diseases)):
        for disease in sorted(group, key=lambda d: int(d.id)):
            yield _Prefixed(f"{prefix}:{disease.id}", disease.name, disease.hpo)


class _Prefixed:
    """A disease record with a prefixed id."""

    def __init__(self, disease_id: str, name: str, hpo: Iterable[int]) -> None:
        self.id = disease_id
        self.name = name
        self.hpo = set(hpo)


def main(argv: list[str] | None = None) -> int:
    """Load hpo3's ontology and write the export."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--known", type=Path, help="hp.obo whose terms are not exported")
    parser.add_argument("--output", type=Path, help="write here instead of stdout")
    args = parser.parse_args(argv)
    from pyhpo import Ontology  # hpo3's pyhpo, found through PYTHONPATH

    Ontology()
    known = known_ids(args.known) if args.known else None
    lines = export_lines(Ontology.version(), _diseases(Ontology), Ontology, known)
    if args.output is None:
        _write(lines, sys.stdout)
    else:
        with args.output.open("w", encoding="utf-8") as handle:
            _write(lines, handle)
    return 0


def _write(lines: Iterable[str], out: TextIO) -> None:
    for line in lines:
        out.write(line + "\n")


if __name__ == "__main__":
    sys.exit(main())
