"""A set of non-overlapping character spans with fast overlap tests (bisect, not scans)."""

from __future__ import annotations

from bisect import bisect_right


class SpanSet:
    """Non-overlapping ``[start, end)`` spans, kept sorted by start."""

    __slots__ = ("_starts", "_ends")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, span: tuple[int, int]) -> bool:
        """Whether ``span`` shares a character with a span in the set."""
        start, end = span
        # Only the last span starting before ``end`` can reach into ``span``: the spans
        # are disjoint and sorted, so their ends are sorted too.
        k = bisect_right(self._starts, end - 1)
        return k > 0 and self._ends[k - 1] > start

    def add(self, span: tuple[int, int]) -> bool:
        """Add ``span`` unless it overlaps one already there; True if it was added."""
        if self.overlaps(span):
            return False
        k = bisect_right(self._starts, span[0])
        self._starts.insert(k, span[0])
        self._ends.insert(k, span[1])
        return True
