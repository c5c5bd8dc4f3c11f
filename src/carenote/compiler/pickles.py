"""Read and write the on-disk caches (compiled knowledge base, lab catalogue).

Only Carenote writes these files, so unpickling them is safe. Writes are atomic (a
temporary file renamed into place) so a crash never leaves a half-written cache, and
older caches of the same kind are removed.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def read_cache(path: Path, kind: type[T]) -> T | None:
    """The cached object at ``path`` if it exists and has the expected type."""
    if not path.exists():
        return None
    with path.open("rb") as handle:
        loaded = pickle.load(handle)
    return loaded if isinstance(loaded, kind) else None


def write_cache(obj: object, path: Path) -> None:
    """Write ``obj`` to ``path`` atomically and delete older caches with the same prefix."""
    directory = path.parent
    prefix = path.name.split("-", 1)[0]
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{prefix}-", suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        pickle.dump(obj, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    for stale in directory.glob(f"{prefix}-*{path.suffix}"):
        if stale != path:
            stale.unlink(missing_ok=True)
