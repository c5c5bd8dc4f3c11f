"""A trie over normalised words: longest-phrase look-up in a few dict hits per token.

Nodes are plain dicts (word → child node) so that building 50,000 phrases stays well
under a second; the values that end at a node sit under the key :data:`END`, which
no token can equal (tokens are words or punctuation, never a NUL character).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: Key under which a node stores the values of the phrases that end there.
END = "\x00"
#: A trie node: word → child node, plus ``END`` → tuple of values. (``Any`` because
#: the recursive shape is not expressible without a class, which is slower to build.)
TrieNode = dict[str, Any]


def insert(root: TrieNode, key: Sequence[str], value: int) -> None:
    """Add ``value`` at the end of the word sequence ``key`` (kept unique per node)."""
    node = root
    for word in key:
        node = node.setdefault(word, {})
    ids: tuple[int, ...] = node.get(END, ())
    if value not in ids:
        node[END] = (*ids, value)


def longest(root: TrieNode, norms: Sequence[str], start: int) -> tuple[int, tuple[int, ...]]:
    """Length and values of the longest phrase in ``root`` starting at ``norms[start]``."""
    node = root.get(norms[start])
    if node is None:
        return 0, ()
    best_len = 0
    best: tuple[int, ...] = ()
    i = start
    while True:
        ids = node.get(END)
        if ids:
            best_len = i - start + 1
            best = ids
        i += 1
        if i == len(norms):
            break
        node = node.get(norms[i])
        if node is None:
            break
    return best_len, best
