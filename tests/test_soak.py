"""The soak (max247/soak.py) in short: every kind of random action on a real lesson without an
exception, and memory that levels off. The long run is `scripts/soak MINUTES`."""

from __future__ import annotations

import pytest

from max247.soak import Soak, rss_mib, slope


def test_every_kind_of_action_plays_on():
    s = Soak(seed=1)
    s.round()  # one story, from the board to its ending
    assert s.report.rounds == 1 and s.report.played
    story, _ = next(iter(s.report.played))
    s.pilot.lesson(story)
    for do in (s.switch_language, s.resize, s.reload):
        do()
        for _ in range(5):
            s.act(story)
    assert s.pilot.app.scenes  # the game is still on a screen


def test_slope_is_a_least_squares_line():
    assert slope([(0, 1), (1, 3), (2, 5)]) == pytest.approx(2.0)
    assert slope([(0, 7)]) == 0.0


@pytest.mark.slow
def test_a_short_soak_levels_off():
    s = Soak(seed=2)
    seen = []
    for _ in range(12):
        s.round()
        seen.append(rss_mib())
    # after warming up (caches of rendered text at four window sizes and three text sizes),
    # memory grows slowly if at all: a loose bound; the long soak gives the real slope
    assert seen[-1] - seen[5] < 100, seen
