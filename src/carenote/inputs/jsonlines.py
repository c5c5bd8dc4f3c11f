"""Read JSON Lines input: one JSON object per line, blank lines skipped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from carenote.inputs.errors import InputError


def iter_json_lines(path: Path, *, expected: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object); InputError names the bad line and what was expected."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
        if not isinstance(data, dict):
            raise InputError(f"{path}:{n}: expected {expected}")
        yield n, data
