"""The soak in small: 300 predictions against a server that fails ~10% of requests.

scripts/soak runs the full 5,000.
"""

from __future__ import annotations

from soak.soak import soak


def test_nothing_is_lost_doubled_or_left_pending() -> None:
    report = soak(count=300, concurrency=30, seed=7)

    assert report.problems == []
    assert report.succeeded + sum(report.failed.values()) == 300
    assert report.failed, "the server should have made some calls fail"
    assert report.server_predictions <= 300
    assert report.rss_end_mb - report.rss_start_mb < 25
