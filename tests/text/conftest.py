"""Fixtures of the text parser's tests: the toy lexicon drawn in text_toy_lexicon.py."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_toy_lexicon import ENTRIES, LAB_NAMES

from carenote.text import Lexicon, ParseResult, parse

#: name → (choice_id, hedged) for every patient mention in a text (last one wins).
States = dict[str, tuple[str, bool]]


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    """The toy lexicon drawn above."""
    return Lexicon.from_entries(ENTRIES, LAB_NAMES)


@pytest.fixture(scope="session")
def run(lexicon: Lexicon) -> Callable[[str], ParseResult]:
    """Parse a text with the toy lexicon."""
    return lambda text: parse(text, lexicon)


@pytest.fixture(scope="session")
def states(run: Callable[[str], ParseResult]) -> Callable[[str], States]:
    """Parse a text and return name → (choice_id, hedged) of the patient's text mentions."""

    def collect(text: str) -> States:
        result = run(text)
        return {
            m.name: (m.choice_id, m.hedged)
            for m in result.mentions
            if m.subject == "patient" and m.source == "text"
        }

    return collect
