"""The popover says when the computer's clock is more than a minute off awork's, and the timer
card counts on awork's clock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from helpers.factories import entry_for, signed_in


@pytest.mark.parametrize("offset, text", [
    (3 * 3600 + 120, "Your computer's clock is 3 h 2 min behind awork's; times shown follow awork."),
    (-5 * 60, "Your computer's clock is 5 min ahead of awork's; times shown follow awork."),
    (2 * 3600, "Your computer's clock is 2 h behind awork's; times shown follow awork."),
    (-9 * 86400, "Your computer's clock is 9 days ahead of awork's; times shown follow awork."),
])
def test_a_clock_off_by_more_than_a_minute_is_told(popover, workload, offset, text):
    popover.render(signed_in(workload, clock_offset=offset))
    assert popover.clock_note.isVisible() and popover.clock_note.text() == text


@pytest.mark.parametrize("offset", [0, 59, -60])
def test_a_clock_within_a_minute_is_not_mentioned(popover, workload, offset):
    popover.render(signed_in(workload, clock_offset=offset))
    assert not popover.clock_note.isVisible()


def test_the_timer_card_counts_on_awork_s_clock(popover, workload):
    # awork's clock is 2 h ahead; its entry started 13 min ago by awork's clock, i.e. "in the future" here.
    entry = entry_for(workload, started=timedelta(minutes=13, seconds=7) - timedelta(hours=2))
    popover.render(signed_in(workload, entry=entry, clock_offset=2 * 3600))
    assert popover.card.clock.text() in {"0:13:07", "0:13:08"}
