"""Load the lab catalogue from an on-disk pickle when its sources have not changed.

Building the catalogue parses every unit with ucumvert (~1 s or more); the result is
small and pickles in milliseconds, so start-up reads the pickle written by an earlier
run. Only Carenote writes the file, so unpickling it is safe.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

from carenote.compiler.loader import fingerprint
from carenote.labs.catalogue import LabCatalogue, load_catalogue


def load_catalogue_cached(directory: Path, cache_dir: Path) -> LabCatalogue:
    """The catalogue in ``directory``, from ``cache_dir`` when current, else built now."""
    code = sorted(Path(__file__).parent.glob("*.py"))
    key = fingerprint(sorted(directory.glob("**/*.yaml")), code)
    path = cache_dir / f"labs-{key}.pickle"
    if path.exists():
        with path.open("rb") as handle:
            loaded = pickle.load(handle)
        if isinstance(loaded, LabCatalogue):
            return loaded
    catalogue = load_catalogue(directory)
    cache_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".labs-", suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        pickle.dump(catalogue, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    for stale in cache_dir.glob("labs-*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return catalogue
