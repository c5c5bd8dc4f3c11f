"""Durations and onset: how long, how long ago, how suddenly."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from carenote.text import ParseResult


@pytest.mark.parametrize(
    ("text", "days", "approximate"),
    [
        ("cough for 3 days", 3.0, False),
        ("cough for three days", 3.0, False),
        ("fever for the past 2 weeks", 14.0, False),
        ("pain over the last several hours", 3 / 24, True),
        ("headache over the past few days", 3.0, True),
        ("rash since yesterday", 1.0, True),
        ("vomiting since last night", 0.5, True),
        ("it started 2 weeks ago", 14.0, False),
        ("a 3-day history of cough", 3.0, False),
        ("symptoms for 48 hours", 2.0, False),
        ("for 30 minutes", 30 / 1440, False),
        ("for 6 months", 6 * 365.25 / 12, False),
        ("for 2 years", 730.5, False),
        ("for 2-3 days", 2.5, True),
        ("over the past two to three weeks", 17.5, True),
        ("3 or 4 days ago", 3.5, True),
        ("3 days of fever", 3.0, False),
        ("a week of cough", 7.0, False),
        ("cough for 3/7", 3.0, False),
        ("2/52 history of cough", 14.0, False),
    ],
)
def test_durations(
    run: Callable[[str], ParseResult], text: str, days: float, approximate: bool
) -> None:
    durations = run(text).durations
    assert len(durations) == 1
    assert durations[0].days == pytest.approx(days, rel=1e-3)
    assert durations[0].approximate is approximate
    start, end = durations[0].span
    assert text[start:end] == durations[0].text


@pytest.mark.parametrize(
    ("text", "onset"),
    [
        ("sudden onset of headache", "sudden"),
        ("a headache that began suddenly", "sudden"),
        ("gradual onset of breathlessness", "gradual"),
    ],
)
def test_onset(run: Callable[[str], ParseResult], text: str, onset: str) -> None:
    durations = run(text).durations
    assert [(d.onset, d.days) for d in durations] == [(onset, None)]


def test_an_age_is_not_a_duration(run: Callable[[str], ParseResult]) -> None:
    assert run("A 3-day-old boy").durations == []
    assert run("He is 3 years of age").durations == []
    assert run("BP 120/72, score 3/7, seen 12/12").durations == []
    assert run("in a 7 month old").durations == []


def test_several_durations_in_order(run: Callable[[str], ParseResult]) -> None:
    text = "Cough for 3 days and fever since yesterday; the rash began 2 weeks ago."
    assert [d.days for d in run(text).durations] == [3.0, 1.0, 14.0]
