"""Parse the knowledge-base YAML files into typed records (stage 1 of the compiler)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Generic, TypeVar

import yaml
from pydantic import ValidationError

from carenote.compiler.schema import (
    Condition,
    Finding,
    RedFlagRule,
    Source,
    SourceFile,
    SynonymExclusion,
)

T = TypeVar("T")

#: Folders of the knowledge base that hold SourceFile YAML, in load order.
SOURCE_FOLDERS = ("findings", "conditions", "rules")


def knowledge_dir() -> Path:
    """The knowledge sources shipped with the package."""
    return Path(str(resources.files("carenote") / "knowledge"))


@dataclass
class Located(Generic[T]):
    """A record and the file it came from (for error messages and review)."""

    item: T
    path: str


@dataclass
class KnowledgeSources:
    """Everything read from the YAML sources, before linking."""

    sources: list[Located[Source]] = field(default_factory=list)
    findings: list[Located[Finding]] = field(default_factory=list)
    conditions: list[Located[Condition]] = field(default_factory=list)
    red_flags: list[Located[RedFlagRule]] = field(default_factory=list)
    excluded_synonyms: list[Located[SynonymExclusion]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def source_paths(root: Path) -> list[Path]:
    """All SourceFile YAML files under ``root``, sorted for a stable order."""
    paths: list[Path] = []
    for folder in SOURCE_FOLDERS:
        paths.extend(sorted((root / folder).glob("**/*.yaml")))
    return paths


def fingerprint(paths: list[Path], extra: list[Path] | None = None) -> str:
    """A hash of file names and contents; the compiled cache is keyed on it."""
    digest = hashlib.sha256()
    for path in [*paths, *(extra or [])]:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _format_validation(path: Path, error: ValidationError) -> list[str]:
    lines = []
    for err in error.errors():
        loc = ".".join(str(part) for part in err["loc"])
        lines.append(f"{path.name}: {loc}: {err['msg']}")
    return lines


def load_file(path: Path, into: KnowledgeSources) -> None:
    """Parse one YAML file and append its records (or its problems) to ``into``."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        into.problems.append(f"{path.name}: not valid YAML: {exc}".replace("\n", " "))
        return
    try:
        parsed = SourceFile.model_validate(raw)
    except ValidationError as exc:
        into.problems.extend(_format_validation(path, exc))
        return
    name = path.name
    into.sources.extend(Located(item, name) for item in parsed.sources)
    into.findings.extend(Located(item, name) for item in parsed.findings)
    into.conditions.extend(Located(item, name) for item in parsed.conditions)
    into.red_flags.extend(Located(item, name) for item in parsed.red_flags)
    into.excluded_synonyms.extend(Located(item, name) for item in parsed.excluded_synonyms)


def load_sources(root: Path | None = None) -> KnowledgeSources:
    """Read every SourceFile under the knowledge directory."""
    loaded = KnowledgeSources()
    for path in source_paths(root or knowledge_dir()):
        load_file(path, loaded)
    return loaded
