"""The in-process rate budget: slots by token bucket, a 429 holds its class once, then paced."""

from __future__ import annotations

import pytest
from replicate_typed import InProcessBudget, Limit, RateBudget, RateLimits
from replicate_typed._budget import budget_for


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


LIMITS = RateLimits(creates=Limit(60, burst=3), other=Limit(600, burst=10))


def _budget(limits: RateLimits = LIMITS, margin: float = 0.0) -> tuple[InProcessBudget, Clock]:
    clock = Clock()
    return InProcessBudget(limits, clock=clock, margin=margin), clock


def test_a_burst_goes_at_once_then_one_slot_an_interval() -> None:
    budget, _ = _budget()

    assert [budget.reserve("create") for _ in range(6)] == [0, 0, 0, 1, 2, 3]


def test_the_bucket_refills_at_the_rate_up_to_the_burst() -> None:
    budget, clock = _budget()
    for _ in range(3):
        budget.reserve("create")
    clock.now += 2  # two tokens back

    assert [budget.reserve("create") for _ in range(3)] == [0, 0, 1]
    clock.now += 1000
    assert [budget.reserve("create") for _ in range(4)] == [0, 0, 0, pytest.approx(1)]


def test_the_classes_have_their_own_buckets() -> None:
    budget, _ = _budget()
    for _ in range(3):
        budget.reserve("create")

    assert budget.reserve("create") == 1
    assert budget.reserve("other") == 0


def test_a_time_scale_shortens_the_limits_seconds_as_the_fake_does() -> None:
    budget, _ = _budget(RateLimits(Limit(60, burst=1), Limit(60, burst=1), time_scale=0.1))

    assert [budget.reserve("create") for _ in range(3)] == [
        0,
        pytest.approx(0.1),
        pytest.approx(0.2),
    ]


def test_explicit_limits_are_paced_a_margin_below() -> None:
    budget, _ = _budget(RateLimits.documented(), margin=0.03)

    waits = [budget.reserve("create") for _ in range(60)]

    # 60 * 0.97 = 58.2: a burst of 58, then 9.7 a second.
    assert waits[:58] == [0] * 58
    assert waits[58] == pytest.approx(1 / 9.7)
    assert waits[59] == pytest.approx(2 / 9.7)


def test_the_default_lets_a_minutes_worth_go_at_once_then_paces_to_the_documented_rate() -> None:
    clock = Clock()
    budget = InProcessBudget.default(clock=clock)

    assert [budget.reserve("create") for _ in range(600)] == [0] * 600
    assert budget.reserve("create") == pytest.approx(0.1)
    assert [budget.reserve("other") for _ in range(3000)] == [0] * 3000
    assert budget.reserve("other") == pytest.approx(0.02)


def test_many_429s_at_once_hold_the_class_once_then_pace_it_at_half_the_rate() -> None:
    budget, clock = _budget(RateLimits(Limit(600, burst=20), Limit(600, burst=20)))
    for _ in range(20):
        budget.reserve("create")
    for _ in range(20):
        budget.throttled("create", 5.0)

    clock.now += 5
    waits = [budget.reserve("create") for _ in range(20)]

    # One hold of 5 s, not twenty; after it one at once, then 5 a second (half of 10).
    assert waits[0] == 0
    assert waits[1:] == [pytest.approx(n / 5) for n in range(1, 20)]


def test_a_429_holds_callers_that_reserve_during_the_hold_until_it_ends() -> None:
    budget, clock = _budget()
    budget.throttled("create", 5.0)
    clock.now += 1
    budget.throttled("create", 2.0)  # ends before the hold in force: changes nothing

    assert budget.reserve("create") == pytest.approx(4.0)
    assert budget.reserve("create") == pytest.approx(4.0 + 2.0)  # 30 a minute, halved once


def test_a_create_429_does_not_hold_other_requests() -> None:
    budget, _ = _budget()
    budget.throttled("create", 5.0)

    assert budget.reserve("other") == 0


def test_the_pace_recovers_over_a_limit_minute_and_never_passes_the_configured_rate() -> None:
    budget, clock = _budget(RateLimits(Limit(60, burst=1), Limit(60, burst=1)))
    budget.throttled("create", 1.0)
    clock.now += 1
    assert budget.reserve("create") == 0
    assert budget.reserve("create") == pytest.approx(2.0)  # half the pace

    clock.now += 120  # more than a minute after the hold
    budget.reserve("create")
    assert budget.reserve("create") == pytest.approx(1.0)  # the configured pace, no faster


def test_a_429_without_a_hint_drains_the_burst_without_a_hold() -> None:
    budget, _ = _budget()
    budget.throttled("create", None)

    assert [budget.reserve("create") for _ in range(3)] == [0, 2.0, 4.0]


def test_the_option_chooses_the_budget() -> None:
    clock = Clock()
    default = budget_for(None, clock)
    assert isinstance(default, InProcessBudget)
    assert default.limits.creates == Limit(600, 600)
    explicit = budget_for(LIMITS, clock)
    assert isinstance(explicit, InProcessBudget)
    assert explicit.limits == LIMITS
    assert budget_for(False, clock) is None
    assert budget_for(default, clock) is default
    assert isinstance(default, RateBudget)


def test_invalid_limits_are_refused() -> None:
    with pytest.raises(ValueError, match="invalid limit"):
        Limit(0, burst=1)
    with pytest.raises(ValueError, match="invalid limit"):
        Limit(60, burst=0)
    with pytest.raises(ValueError, match="time_scale"):
        RateLimits.documented(time_scale=0)
    with pytest.raises(ValueError, match="margin"):
        InProcessBudget(LIMITS, margin=1.0)


def test_slots_given_out_before_a_429_and_after_it_together_stay_inside_the_limit() -> None:
    budget, clock = _budget(RateLimits(Limit(600, burst=10), Limit(600, burst=10)))
    start = clock.now
    ahead = [budget.reserve("create") for _ in range(100)]  # slots out to about 9 s
    clock.now += 0.5
    budget.throttled("create", 1.0)  # a jitter 429: held to 1.5 s, half the pace after

    after = [clock.now - start + budget.reserve("create") for _ in range(50)]

    # The old slots keep their times; the new ones go after the hold and,
    # merged with the old, never more than burst + rate * t in any window t.
    assert min(after) >= 1.5
    sends = sorted(ahead + after)
    for i, start in enumerate(sends):
        for j in range(i, len(sends)):
            assert j - i + 1 <= 10 + 10 * (sends[j] - start) + 1e-9
    # And a retried request is not pushed behind a re-priced queue: it goes
    # within a burst's worth of the last slot given out before the 429.
    assert after[0] <= max(ahead) + 1.0 + 1e-9
