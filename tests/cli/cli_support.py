"""Types shared by the CLI tests (a module of its own: ``conftest`` names collide)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    """What one invocation of ``carenote`` did."""

    status: int
    out: str
    err: str


Run = Callable[..., Outcome]
