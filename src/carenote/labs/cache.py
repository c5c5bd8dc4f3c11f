"""Load the lab catalogue from an on-disk pickle when its sources have not changed.

Building the catalogue parses every unit with ucumvert (~1 s or more); the result is
small and pickles in milliseconds, so start-up reads the pickle written by an earlier
run. Only Carenote writes the file, so unpickling it is safe.
"""

from __future__ import annotations

from pathlib import Path

from carenote.compiler.loader import fingerprint
from carenote.compiler.pickles import read_cache, write_cache
from carenote.labs.catalogue import LabCatalogue, load_catalogue


def load_catalogue_cached(directory: Path, cache_dir: Path) -> LabCatalogue:
    """The catalogue in ``directory``, from ``cache_dir`` when current, else built now."""
    code = sorted(Path(__file__).parent.glob("*.py"))
    key = fingerprint(sorted(directory.glob("**/*.yaml")), code)
    path = cache_dir / f"labs-{key}.pickle"
    cached = read_cache(path, LabCatalogue)
    if cached is not None:
        return cached
    catalogue = load_catalogue(directory)
    write_cache(catalogue, path)
    return catalogue
