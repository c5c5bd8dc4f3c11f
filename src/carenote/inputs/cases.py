"""Collect cases from the command line: phenopacket files, directories and JSON Lines."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from carenote.compiler.compiled import CompiledKB
from carenote.inputs.errors import InputError
from carenote.inputs.jsonlines import iter_json_lines
from carenote.inputs.phenopacket import (
    MedicineMatcher,
    PhenopacketCase,
    load_json,
    parse_phenopacket,
)

MEDICINE_KINDS = ("medicine", "exposure")


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given; directories recursively (``*.json``, ``*.jsonl``), sorted."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl")))
        elif path.exists():
            out.append(path)
        else:
            raise InputError(
                f"{path}: no such file or directory; give phenopacket JSON files or folders"
            )
    return out


def medicine_matcher(kb: CompiledKB) -> MedicineMatcher:
    """Match a medicine label or id to medicine/exposure findings by name or synonym."""
    names: list[tuple[re.Pattern[str], str]] = []
    for i, fid in enumerate(kb.finding_ids):
        if kb.finding_kinds[i] not in MEDICINE_KINDS:
            continue
        for label in (kb.finding_names[i], *kb.finding_synonyms[i]):
            if len(label) >= 4:
                names.append((re.compile(rf"\b{re.escape(label.lower())}\b"), fid))
    ids = {fid for _, fid in names}

    def match(text: str) -> list[str]:
        if text in ids:
            return [text]
        low = text.lower()
        return list(dict.fromkeys(fid for pattern, fid in names if pattern.search(low)))

    return match


def iter_cases(paths: list[Path], medicines: MedicineMatcher | None) -> Iterator[PhenopacketCase]:
    """Every case in the given files, in order (a .jsonl file holds one per line)."""
    for path in paths:
        if path.suffix == ".jsonl":
            expected = "a JSON object (a GA4GH Phenopacket v2)"
            for n, data in iter_json_lines(path, expected=expected):
                yield parse_phenopacket(data, source=f"{path}:{n}", medicines=medicines)
        else:
            yield parse_phenopacket(load_json(path), source=str(path), medicines=medicines)
