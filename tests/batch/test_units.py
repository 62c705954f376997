"""The batch's sans-IO parts: keys, the journal's schema and steps, the resume plan, the tally."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from replicate_typed import BatchRetry, Price
from replicate_typed._batch.journal import Journal, Phase, Row
from replicate_typed._batch.keys import canonical_json, item_key
from replicate_typed._batch.plan import Action, plan
from replicate_typed._batch.summary import Tally, price_of

MOMENT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_the_key_is_stable_and_ignores_key_order_but_not_values() -> None:
    first = item_key("acme/echo", {"a": 1, "b": "x"})

    assert first == item_key("acme/echo", {"b": "x", "a": 1})
    assert first != item_key("acme/echo", {"a": 2, "b": "x"})
    assert first != item_key("acme/other", {"a": 1, "b": "x"})
    assert first != item_key("acme/echo", {"a": 1, "b": "x"}, occurrence=0)
    assert len(first) == 64
    assert canonical_json({"b": [1, 2], "a": "é"}) == '{"a":"é","b":[1,2]}'


def test_an_input_json_cannot_carry_is_refused() -> None:
    with pytest.raises(ValueError, match="plain JSON"):
        item_key("acme/echo", {"file": Path("x.png")})


def test_the_journal_is_wal_and_round_trips_every_step(tmp_path: Path) -> None:
    path = tmp_path / "batch.sqlite"
    journal = Journal(path)
    journal.claim("acme/echo")
    journal.add([("k1", 0, '{"text":"a"}'), ("k2", 1, '{"text":"b"}')])
    journal.intent("k1", MOMENT)
    assert journal.row("k1").phase is Phase.INTENT
    journal.created("k1", "p1", "starting")
    journal.status("k1", "processing")
    assert journal.in_flight() == ["p1"]
    journal.finished("k1", "succeeded", ["https://x/out.png"], 2.5, None)
    journal.saved("k1", ["/out/k1/out.png"], None)
    journal.close()

    again = Journal(path)
    again.claim("acme/echo")
    first, second = again.rows()
    assert first == Row(
        key="k1",
        position=0,
        input={"text": "a"},
        phase=Phase.DONE,
        attempts=1,
        intent_at=MOMENT,
        prediction_id="p1",
        status="succeeded",
        output=["https://x/out.png"],
        saved=["/out/k1/out.png"],
        error=None,
        predict_time=2.5,
    )
    assert (second.phase, second.attempts, second.prediction_id) == (Phase.PENDING, 0, None)
    assert again.in_flight() == []
    assert again.known_ids() == {"p1"}
    again.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("SELECT value FROM meta WHERE name = 'schema_version'").fetchone() == (
            "1",
        )


def test_adding_an_item_twice_keeps_its_progress(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j")
    journal.add([("k", 0, "{}")])
    journal.intent("k", MOMENT)
    journal.add([("k", 5, "{}")])

    assert (journal.row("k").phase, journal.row("k").position) == (Phase.INTENT, 0)
    journal.close()


def test_a_journal_of_another_model_is_refused_naming_both(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j")
    journal.claim("acme/echo")

    with pytest.raises(ValueError, match=r"'acme/echo', not 'acme/other'"):
        journal.claim("acme/other")
    journal.close()


def test_a_journal_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "j"
    Journal(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE name = 'schema_version'")

    with pytest.raises(ValueError, match="schema version 99"):
        Journal(path)


def _row(phase: Phase, status: str | None = None, **changes: object) -> Row:
    values: dict[str, object] = {
        "key": "k",
        "position": 0,
        "input": {},
        "phase": phase,
        "attempts": 1,
        "intent_at": MOMENT,
        "prediction_id": "p",
        "status": status,
        "output": None,
        "saved": None,
        "error": None,
        "predict_time": None,
    }
    values.update(changes)
    return Row(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("row", "saving", "action"),
    [
        (_row(Phase.PENDING), False, Action.CREATE),
        (_row(Phase.INTERRUPTED, "canceled"), False, Action.CREATE),
        (_row(Phase.INTENT), False, Action.RECONCILE),
        (_row(Phase.CREATED, "processing"), False, Action.WAIT),
        (_row(Phase.CREATED, "succeeded"), True, Action.WAIT),
        (_row(Phase.DONE, "succeeded", saved=["a"]), True, Action.SKIP),
        (_row(Phase.DONE, "succeeded"), False, Action.SKIP),
        (_row(Phase.DONE, "succeeded"), True, Action.SAVE),
        (_row(Phase.DONE, "succeeded", saved=[], error="gone"), True, Action.SAVE),
        (_row(Phase.DONE, "succeeded", saved=[], error="gone"), False, Action.SKIP),
        (_row(Phase.DONE, "failed"), False, Action.SKIP),
        (_row(Phase.DONE, "aborted"), False, Action.SKIP),
    ],
)
def test_the_plan_without_retry(row: Row, saving: bool, action: Action) -> None:
    assert plan(row, retry=None, saving=saving) is action


def test_the_plan_retries_the_statuses_asked_for_while_attempts_last() -> None:
    retry = BatchRetry(attempts=2, on=("failed", "aborted"))

    assert plan(_row(Phase.DONE, "failed"), retry=retry, saving=False) is Action.CREATE
    assert plan(_row(Phase.DONE, "aborted"), retry=retry, saving=False) is Action.CREATE
    assert plan(_row(Phase.DONE, "canceled"), retry=retry, saving=False) is Action.SKIP
    assert plan(_row(Phase.DONE, "failed", attempts=2), retry=retry, saving=False) is Action.SKIP


def test_a_retry_of_successes_or_of_no_attempt_is_refused() -> None:
    with pytest.raises(ValueError, match="on must name"):
        BatchRetry(on=("succeeded",))
    with pytest.raises(ValueError, match="at least 1"):
        BatchRetry(attempts=0)


def test_the_summary_counts_outcomes_and_costs_what_ran() -> None:
    ticks = iter([0.0, 10.0])
    tally = Tally(4, lambda: next(ticks))
    tally.note("skipped")
    price = price_of({"acme/echo": Price(per_second=0.5, per_prediction=0.1)}, "acme/echo:abc")

    summary = tally.summary(
        Path("j"),
        [("succeeded", 2.0), ("failed", 1.0), ("aborted", None), (None, None)],
        price,
        0,
    )

    assert (summary.total, summary.succeeded, summary.failed, summary.aborted) == (4, 1, 1, 1)
    assert summary.unfinished == 1
    assert (summary.skipped, summary.total_predict_time, summary.mean_predict_time) == (1, 3.0, 1.5)
    assert summary.cost_estimate == pytest.approx(0.1 + 1.0 + 0.1 + 0.5)
    assert summary.wall_time == 10.0
    assert price_of(None, "acme/echo") is None
