"""SIGKILL a batch at chosen points, resume it, and find nothing duplicated or lost.

Each child process runs the batch against a fake served on a real socket and
kills itself before a create is sent, after the server answered one (before
the journal could record it), or in the middle of an output download; the
next child resumes from the same journal. The fake's ledger is the judge.
scripts/batch-soak runs the same with 500 items.
"""

from __future__ import annotations

from pathlib import Path

from tests.batch_crash.harness import crash_and_resume, plan
from tests.batch_crash.kill_points import Kill, KillPoint


def _assert_clean(report_text: str, duplicates: int, lost: int, bad: list[str]) -> None:
    assert (duplicates, lost, bad) == (0, 0, []), report_text


def test_every_kill_point_once_then_resume(tmp_path: Path) -> None:
    kills = [Kill(point, 3) for point in KillPoint]
    report = crash_and_resume(tmp_path, 30, kills)

    assert report.kills == 3
    _assert_clean(report.summary(), report.duplicates, report.lost, report.bad_files)
    assert report.predictions == 30, report.summary()


def test_random_kills_resumed_leave_one_prediction_per_input(tmp_path: Path) -> None:
    report = crash_and_resume(tmp_path, 60, plan(60, kills=4, seed=16))

    assert report.kills == 4
    _assert_clean(report.summary(), report.duplicates, report.lost, report.bad_files)
    assert report.predictions == 60, report.summary()


def test_random_kills_under_injected_faults(tmp_path: Path) -> None:
    """429s, 503s (some after the work), dropped connections, cut bodies and downloads."""
    # Kill points planned as for 20 items: runs that faults end early (exit 1) spend
    # creates too, and each kill must still find its Nth create.
    report = crash_and_resume(tmp_path, 60, plan(20, kills=4, seed=17), faults=0.1, seed=17)

    assert report.kills == 4, report.summary()
    assert report.statuses.get("429", 0) >= 1, report.summary()  # the faults reached it
    _assert_clean(report.summary(), report.duplicates, report.lost, report.bad_files)
