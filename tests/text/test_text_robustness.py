"""Odd input never raises, and every span points at the text it claims."""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import pytest

from carenote.text import ParseResult
from carenote.text.spans import SpanSet

PIECES = (
    "no fever ? cough , . for 3 three a few several days old -year-old y/o yo M F woman man "
    "in his 60s temp T 104 °F °C 38.5 HR BP 85/50 / SpO2 88% on room air RR ALT of 6498 "
    "units/L INR 15,000 x10^9/L K mmol/L ago history since yesterday sudden onset mother "
    "has had unlikely possible not denies denied absent her his she he pregnant aged age: "
    "( ) ; 12 7-month-old newborn µmol/L mg/dL 0 999 .. 's n't é İ ß"
).split() + ["\n", "a few", "on room air", "in his"]


def test_random_word_salad(run: Callable[[str], ParseResult]) -> None:
    rng = random.Random(20261126)
    for _ in range(400):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))
        if rng.random() < 0.3:
            text = text.replace(" ", "")
        result = run(text)
        spans = [(m.span, m.text) for m in result.mentions]
        spans += [(lab.span, lab.text) for lab in result.labs]
        spans += [(v.span, v.text) for v in result.vitals]
        spans += [(d.span, d.text) for d in result.durations]
        for (start, end), said in spans:
            assert 0 <= start < end <= len(text)
            assert text[start:end] == said
        if result.age_years is not None:
            assert 0 <= result.age_years <= 130


def test_span_set() -> None:
    spans = SpanSet()
    assert spans.add((10, 20))
    assert spans.add((30, 40))
    assert spans.add((20, 30))  # touching is not overlapping
    assert not spans.add((15, 16))
    assert not spans.add((39, 50))
    assert not spans.add((0, 11))
    assert spans.add((0, 10))
    assert spans.overlaps((5, 6))
    assert not spans.overlaps((40, 41))
    assert not SpanSet().overlaps((0, 1))


def test_long_texts_take_linear_time(run: Callable[[str], ParseResult]) -> None:
    case = (
        "A 48-year-old woman has fever and cough for 3 days; no rash. Temp 39.2 C, HR 118, "
        "BP 92/60, SpO2 91% on room air. ALT of 45 U/L, WBC 15,000. "
    )
    short, long = case * 20, case * 200
    run(short)

    def cpu(text: str) -> float:
        start = time.process_time()
        run(text)
        return time.process_time() - start

    ratio = min(cpu(long) for _ in range(3)) / min(cpu(short) for _ in range(3))
    assert ratio < 20  # 10x the text; quadratic work would show as ~100x


@pytest.mark.parametrize(
    "text",
    [
        "ALT" + " " * 60 + "x",
        "ALT" + " :" * 60 + "x",
        "HR" + " of" * 60 + " x",
        "for the" * 60 + " x",
        "temp" + " " * 60 + "x",
        "1," * 500 + "x",
        "in his " * 100,
        "-year-old " * 100,
    ],
)
def test_no_pathological_backtracking(run: Callable[[str], ParseResult], text: str) -> None:
    start = time.process_time()
    run(text)
    assert time.process_time() - start < 0.5
