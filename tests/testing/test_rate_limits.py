"""FakeReplicate's rate limits: bursts, 429s as the API sends them, refill on the fake's clock."""

from __future__ import annotations

import httpx
import pytest
from replicate_typed import RateLimitError, RetryPolicy
from replicate_typed._rate_limits import PROFILES
from replicate_typed.testing import FakeReplicate, Limit, RateLimits, VirtualClock

API = "https://api.replicate.com/v1"
AUTH = {"Authorization": "Bearer r8_test"}


def _limited(limits: RateLimits) -> tuple[FakeReplicate, VirtualClock]:
    clock = VirtualClock()
    return FakeReplicate(clock=clock, rate_limits=limits), clock


def _create(http: httpx.Client) -> httpx.Response:
    return http.post(
        f"{API}/models/replicate/hello-world/predictions",
        json={"input": {"text": "hi"}},
        headers=AUTH,
    )


def test_a_burst_passes_then_the_next_request_gets_the_apis_429() -> None:
    fake, _ = _limited(RateLimits(creates=Limit(6, burst=3), other=Limit(600, burst=100)))
    with httpx.Client(transport=fake.transport()) as http:
        passed = [_create(http).status_code for _ in range(3)]
        refused = _create(http)

    assert passed == [202, 202, 202]
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "10"  # 6 a minute: a token every 10 s
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json() == {
        "type": "about:blank",
        "title": "Too Many Requests",
        "status": 429,
        "detail": "Request was throttled. Expected available in 10 seconds.",
        "retry_after": 10,
    }
    assert len(fake.predictions()) == 3  # the refused create made nothing


def test_the_bucket_refills_as_the_fakes_clock_moves() -> None:
    fake, clock = _limited(RateLimits(creates=Limit(6, burst=1), other=Limit(600, burst=100)))
    with httpx.Client(transport=fake.transport()) as http:
        assert _create(http).status_code == 202
        clock.advance(4)
        assert _create(http).headers["retry-after"] == "6"  # the wait left, not the whole 10
        clock.advance(6)
        assert _create(http).status_code == 202
        clock.advance(0.5)
        refused = _create(http)

    assert refused.json()["detail"] == "Request was throttled. Expected available in 10 seconds."


def test_creates_and_other_requests_are_limited_apart() -> None:
    fake, _ = _limited(RateLimits(creates=Limit(6, burst=1), other=Limit(60, burst=2)))
    with httpx.Client(transport=fake.transport()) as http:
        assert _create(http).status_code == 202
        assert _create(http).status_code == 429
        others = [http.get(f"{API}/account", headers=AUTH).status_code for _ in range(3)]

    assert others == [200, 200, 429]


def test_a_time_scale_shrinks_the_waits() -> None:
    fake, clock = _limited(RateLimits.low_credit(time_scale=0.1))  # a minute lasts 6 s
    with httpx.Client(transport=fake.transport()) as http:
        assert _create(http).status_code == 202
        refused = _create(http)
        clock.advance(1)
        assert _create(http).status_code == 202

    assert refused.headers["retry-after"] == "1"
    assert refused.json()["detail"] == "Request was throttled. Expected available in 1 second."


def test_the_low_credit_profile_allows_one_request_then_one_every_ten_seconds() -> None:
    fake, clock = _limited(RateLimits.low_credit())
    with httpx.Client(transport=fake.transport()) as http:
        statuses = [http.get(f"{API}/account", headers=AUTH).status_code for _ in range(2)]
        clock.advance(10)
        statuses.append(http.get(f"{API}/account", headers=AUTH).status_code)

    assert statuses == [200, 429, 200]


def test_the_documented_profile_allows_its_bursts() -> None:
    limits = RateLimits.documented()
    fake, _ = _limited(limits)
    with httpx.Client(transport=fake.transport()) as http:
        others = [http.get(f"{API}/account", headers=AUTH).status_code for _ in range(301)]

    assert (limits.creates.per_minute, limits.other.per_minute) == (600, 3000)
    assert others == [200] * 300 + [429]


def test_limits_are_off_by_default_and_can_be_turned_off() -> None:
    fake = FakeReplicate()
    with httpx.Client(transport=fake.transport()) as http:
        assert {_create(http).status_code for _ in range(20)} == {202}
        fake.enforce_rate_limits(RateLimits.low_credit())
        assert [_create(http).status_code for _ in range(2)] == [202, 429]
        fake.enforce_rate_limits(None)
        assert _create(http).status_code == 202


def test_a_client_sees_a_rate_limit_error_with_the_wait() -> None:
    fake, _ = _limited(RateLimits.low_credit())
    with fake.client(retry=RetryPolicy(max_retries=0)) as replicate:
        replicate.create("replicate/hello-world", {"text": "once"})
        with pytest.raises(RateLimitError) as caught:
            replicate.create("replicate/hello-world", {"text": "twice"})

    assert caught.value.retry_after == 10
    assert "Expected available in 10 seconds" in str(caught.value)
    assert len(fake.predictions()) == 1


def test_a_client_that_retries_waits_out_the_limit_on_the_virtual_clock() -> None:
    fake, clock = _limited(RateLimits.low_credit())
    with fake.client() as replicate:
        replicate.create("replicate/hello-world", {"text": "once"})
        replicate.create("replicate/hello-world", {"text": "twice"})

    assert clock.now() >= 10
    assert len(fake.predictions()) == 2


def test_the_served_fake_names_the_profiles() -> None:
    assert PROFILES["documented"](time_scale=0.5) == RateLimits.documented(time_scale=0.5)
    assert PROFILES["low-credit"]() == RateLimits.low_credit()


def test_a_scaled_429_gives_the_exact_seconds_in_the_body_and_whole_ones_in_the_header() -> None:
    fake, _ = _limited(RateLimits.documented(time_scale=0.01))  # a create every 1 ms
    with httpx.Client(transport=fake.transport()) as http:
        for _ in range(60):
            assert _create(http).status_code == 202
        refused = _create(http)

    assert refused.headers["retry-after"] == "1"
    assert refused.json()["retry_after"] == 0.001
    assert refused.json()["detail"] == "Request was throttled. Expected available in 0.001 seconds."


def test_the_request_counts_tell_the_429s_apart_by_status() -> None:
    fake, _ = _limited(RateLimits(creates=Limit(6, burst=2), other=Limit(600, burst=100)))
    with httpx.Client(transport=fake.transport()) as http:
        statuses = [_create(http).status_code for _ in range(3)]
        http.get(f"{API}/predictions/nope", headers=AUTH)
        counts = http.get("https://api.replicate.com/_fake/requests").json()

    assert statuses == [202, 202, 429]
    assert counts["total"] == 4  # the count query itself is not counted
    assert counts["by_operation"] == {"models.predictions.create": 3, "predictions.get": 1}
    assert counts["by_status"] == {"202": 2, "404": 1, "429": 1}
