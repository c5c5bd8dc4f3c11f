"""A trie over normalised words: longest-phrase look-up in a few dict hits per token."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(slots=True)
class TrieNode:
    """One word of one or more phrases; ``ids`` is set where a phrase ends."""

    children: dict[str, TrieNode] = field(default_factory=dict)
    ids: tuple[int, ...] = ()


def insert(root: TrieNode, key: Sequence[str], value: int) -> None:
    """Add ``value`` at the end of the word sequence ``key`` (kept unique per node)."""
    node = root
    for word in key:
        child = node.children.get(word)
        if child is None:
            child = node.children[word] = TrieNode()
        node = child
    if value not in node.ids:
        node.ids = (*node.ids, value)


def longest(root: TrieNode, norms: Sequence[str], start: int) -> tuple[int, tuple[int, ...]]:
    """Length and values of the longest phrase in ``root`` starting at ``norms[start]``."""
    node = root
    best_len = 0
    best: tuple[int, ...] = ()
    for i in range(start, len(norms)):
        child = node.children.get(norms[i])
        if child is None:
            break
        node = child
        if node.ids:
            best_len = i - start + 1
            best = node.ids
    return best_len, best
