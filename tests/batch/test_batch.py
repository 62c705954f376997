"""``batch`` on both clients, against FakeReplicate on its virtual clock."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import pytest
from replicate_typed import BatchProgress, BatchResult, BatchRetry, Price, Replicate
from replicate_typed._batch.journal import Journal, Phase
from replicate_typed._batch.keys import item_key
from replicate_typed.testing import FakeFile, FakeReplicate, Fault

from tests.facade.conftest import unwrap
from tests.support.bindings import HELLO_WORLD, HelloWorldInput

TEXTS = ["a", "b", "c"]


def _inputs(texts: list[str] = TEXTS) -> list[dict[str, Any]]:
    return [{"text": text} for text in texts]


def test_every_input_runs_once_and_each_result_is_reported(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    results: list[BatchResult[Any]] = []
    progress: list[BatchProgress] = []

    summary = client.batch(
        "acme/echo",
        _inputs(),
        journal=tmp_path / "j.sqlite",
        concurrency=2,
        on_result=results.append,
        on_progress=progress.append,
    )

    assert sorted(p["input"]["text"] for p in fake.predictions()) == TEXTS
    assert sorted((r.index, r.output, r.status) for r in results) == [
        (0, "a", "succeeded"),
        (1, "b", "succeeded"),
        (2, "c", "succeeded"),
    ]
    assert {r.prediction_id for r in results} == {p["id"] for p in fake.predictions()}
    assert (summary.total, summary.succeeded, summary.failed, summary.skipped) == (3, 3, 0, 0)
    assert summary.total_predict_time == pytest.approx(6.0)
    assert summary.mean_predict_time == pytest.approx(2.0)
    assert summary.cost_estimate is None
    assert summary.journal == tmp_path / "j.sqlite"
    assert max(p.running for p in progress) <= 2
    assert progress[-1].done == 3
    assert progress[-1].queued == 0


def test_the_same_call_again_skips_what_is_done(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    journal = tmp_path / "j.sqlite"
    client.batch("acme/echo", _inputs(), journal=journal)
    results: list[BatchResult[Any]] = []

    summary = client.batch("acme/echo", _inputs(), journal=journal, on_result=results.append)

    assert len(fake.predictions()) == 3
    assert (summary.succeeded, summary.skipped, summary.adopted, summary.recreated) == (3, 3, 0, 0)
    assert results == []


def test_a_journal_of_another_model_is_a_value_error(client: Replicate, tmp_path: Path) -> None:
    client.batch("acme/echo", _inputs(), journal=tmp_path / "j")

    with pytest.raises(ValueError, match="'acme/echo', not 'acme/picture'"):
        client.batch("acme/picture", _inputs(), journal=tmp_path / "j")


def test_an_input_listed_twice_runs_once_unless_duplicates_are_allowed(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    results: list[BatchResult[Any]] = []
    summary = client.batch(
        "acme/echo", _inputs(["a", "b", "a"]), journal=tmp_path / "1", on_result=results.append
    )

    assert len(fake.predictions()) == 2
    assert summary.total == 2
    assert sorted(r.indexes for r in results) == [(0, 2), (1,)]

    again = client.batch(
        "acme/echo", _inputs(["a", "b", "a"]), journal=tmp_path / "2", allow_duplicates=True
    )

    assert len(fake.predictions()) == 5
    assert again.total == 3


def test_a_typed_reference_gives_typed_results(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    results: list[BatchResult[str]] = []

    client.batch(
        HELLO_WORLD,
        [HelloWorldInput(text="fox"), HelloWorldInput(text="owl")],
        journal=tmp_path / "j",
        on_result=results.append,
    )

    assert sorted(r.output or "" for r in results) == ["hello fox", "hello owl"]
    assert all(p["model"] == "replicate/hello-world" for p in fake.predictions())


def test_outputs_are_saved_per_key_with_a_name_per_file(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    fake.add_model(
        "acme/pair",
        lambda input: [
            FakeFile(b"one", "out.png", "image/png"),
            FakeFile(b"two", "out.png", "image/png"),
        ],
    )
    out = tmp_path / "out"
    folder = out / item_key("acme/pair", {"text": "a"})[:12]
    results: list[BatchResult[Any]] = []

    client.batch(
        "acme/pair",
        _inputs(["a"]),
        journal=tmp_path / "j",
        output_dir=out,
        on_result=results.append,
    )

    (result,) = results
    assert result.saved == (folder / "out.png", folder / "out-1.png")
    assert [path.read_bytes() for path in result.saved] == [b"one", b"two"]
    journal = Journal(tmp_path / "j")
    assert journal.rows()[0].saved == [str(folder / "out.png"), str(folder / "out-1.png")]
    journal.close()


def test_a_file_already_at_its_path_is_kept_not_overwritten_nor_downloaded_again(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    # What a run killed between a save's rename and its journal write leaves behind.
    out = tmp_path / "out"
    folder = out / item_key("acme/picture", {"text": "a"})[:12]
    folder.mkdir(parents=True)
    (folder / "out.png").write_bytes(b"saved before")

    summary = client.batch("acme/picture", _inputs(["a"]), journal=tmp_path / "j", output_dir=out)

    assert summary.succeeded == 1
    assert sorted(path.name for path in folder.iterdir()) == ["out.png"]
    assert (folder / "out.png").read_bytes() == b"saved before"
    assert fake.requests.to("output.download") == []


def test_a_deadline_aborts_items_that_never_start(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    fake.add_model("acme/queued", lambda input: "late", queue_time=600)

    summary = client.batch("acme/queued", _inputs(["a"]), journal=tmp_path / "j", deadline=10)

    assert summary.aborted == 1
    assert summary.succeeded == 0
    (prediction,) = fake.predictions()
    assert prediction["status"] == "aborted"


def test_a_failed_item_is_an_answer_unless_retry_is_asked_for(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    flaky = [{"text": "x", "fail": 1}]

    summary = client.batch("acme/flaky", flaky, journal=tmp_path / "j")
    assert (summary.failed, len(fake.predictions())) == (1, 1)
    assert client.batch("acme/flaky", flaky, journal=tmp_path / "j").skipped == 1
    assert len(fake.predictions()) == 1

    retried = client.batch(
        "acme/flaky", flaky, journal=tmp_path / "j", retry=BatchRetry(attempts=2)
    )

    assert (retried.succeeded, retried.failed) == (1, 0)
    assert [p["status"] for p in fake.predictions()] == ["failed", "succeeded"]


def test_retry_reruns_within_one_call_up_to_its_attempts(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    summary = client.batch(
        "acme/flaky",
        [{"text": "y", "fail": 5}],
        journal=tmp_path / "j",
        retry=BatchRetry(attempts=3),
    )

    assert summary.failed == 1
    assert [p["status"] for p in fake.predictions()] == ["failed"] * 3


def test_the_summary_estimates_cost_from_the_prices_given(
    client: Replicate, tmp_path: Path
) -> None:
    summary = client.batch(
        "acme/echo",
        _inputs(),
        journal=tmp_path / "j",
        prices={"acme/echo": Price(per_second=0.25, per_prediction=0.5)},
    )

    assert summary.cost_estimate == pytest.approx(3 * (0.5 + 0.25 * 2))


def _now(client: Replicate) -> datetime:
    """The client's wall clock, which the journal's intent times are read from."""
    return cast(Replicate, unwrap(client))._runner.core.now()  # pyright: ignore[reportPrivateUsage]


def _journal_with(path: Path, model: str, input: dict[str, Any]) -> tuple[Journal, str]:
    """A journal holding ``input`` as its only item, pending, as a run would have left it."""
    journal = Journal(path)
    journal.claim(model)
    key = item_key(model, input)
    journal.add([(key, 0, json.dumps(input))])
    return journal, key


def test_resume_waits_for_a_known_prediction_instead_of_creating_it(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    created = client.create("acme/echo", {"text": "a"})
    journal, key = _journal_with(tmp_path / "j", "acme/echo", {"text": "a"})
    journal.intent(key, _now(client))
    journal.created(key, created.id, "starting")
    journal.close()

    summary = client.batch("acme/echo", _inputs(["a"]), journal=tmp_path / "j")

    assert [p["id"] for p in fake.predictions()] == [created.id]
    assert (summary.succeeded, summary.adopted, summary.recreated) == (1, 0, 0)


def test_resume_adopts_the_prediction_an_unrecorded_create_made(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    journal, key = _journal_with(tmp_path / "j", "acme/echo", {"text": "a"})
    journal.intent(key, _now(client))
    journal.close()
    lost = client.create("acme/echo", {"text": "a"})  # the create whose id was never recorded
    client.create("acme/echo", {"text": "other"})

    summary = client.batch("acme/echo", _inputs(["a"]), journal=tmp_path / "j")

    assert len(fake.predictions()) == 2
    assert (summary.succeeded, summary.adopted, summary.recreated) == (1, 1, 0)
    reopened = Journal(tmp_path / "j")
    assert reopened.row(key).prediction_id == lost.id
    reopened.close()


def test_resume_creates_again_only_an_intent_certainly_absent(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    journal, key = _journal_with(tmp_path / "j", "acme/echo", {"text": "a"})
    journal.intent(key, _now(client))
    journal.close()

    summary = client.batch("acme/echo", _inputs(["a"]), journal=tmp_path / "j")

    assert len(fake.predictions()) == 1
    assert (summary.succeeded, summary.adopted, summary.recreated) == (1, 0, 1)
    assert fake.requests.to("predictions.list")


def test_two_intents_of_one_input_adopt_two_predictions_oldest_first(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    journal = Journal(tmp_path / "j")
    journal.claim("acme/echo")
    keys = [item_key("acme/echo", {"text": "a"}, occurrence) for occurrence in (0, 1)]
    journal.add([(key, index, '{"text":"a"}') for index, key in enumerate(keys)])
    for key in keys:
        journal.intent(key, _now(client))
    journal.close()
    first = client.create("acme/echo", {"text": "a"})
    second = client.create("acme/echo", {"text": "a"})

    summary = client.batch(
        "acme/echo",
        _inputs(["a", "a"]),
        journal=tmp_path / "j",
        allow_duplicates=True,
        concurrency=1,
    )

    assert len(fake.predictions()) == 2
    assert summary.adopted == 2
    reopened = Journal(tmp_path / "j")
    assert [row.prediction_id for row in reopened.rows()] == [first.id, second.id]
    reopened.close()


def test_resume_saves_the_outputs_of_a_success_not_saved_yet(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    client.batch("acme/picture", _inputs(["a"]), journal=tmp_path / "j")
    results: list[BatchResult[Any]] = []

    summary = client.batch(
        "acme/picture",
        _inputs(["a"]),
        journal=tmp_path / "j",
        output_dir=tmp_path / "out",
        on_result=results.append,
    )

    assert len(fake.predictions()) == 1
    assert summary.succeeded == 1
    (result,) = results
    (saved,) = result.saved
    assert saved.read_bytes() == b"\x89PNGa"


def test_a_create_whose_reply_was_lost_is_adopted_by_the_next_run(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    fake.inject(Fault.cut_body(), operation="models.predictions.create")

    first = client.batch("acme/echo", _inputs(["a", "b"]), journal=tmp_path / "j")

    assert (first.succeeded, first.unfinished) == (1, 1)
    assert len(fake.predictions()) == 2
    second = client.batch("acme/echo", _inputs(["a", "b"]), journal=tmp_path / "j")

    assert (second.succeeded, second.skipped, second.adopted, second.unfinished) == (2, 1, 1, 0)
    assert len(fake.predictions()) == 2


def test_an_intent_is_not_created_again_while_the_list_cannot_be_read_to_its_end(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    journal, key = _journal_with(tmp_path / "j", "acme/echo", {"text": "a"})
    journal.intent(key, _now(client))
    journal.close()
    fake.inject(Fault.self_link(), operation="predictions.list", times=1000)

    summary = client.batch("acme/echo", _inputs(["a"]), journal=tmp_path / "j")

    assert (summary.unfinished, summary.recreated) == (1, 0)
    assert fake.predictions() == []
    reopened = Journal(tmp_path / "j")
    assert reopened.row(key).phase is Phase.INTENT
    reopened.close()


def test_outputs_gone_before_saving_are_recorded_as_the_items_error(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    client.batch("acme/picture", _inputs(["a"]), journal=tmp_path / "j")
    fake.inject(Fault.server_error(404), operation="output.download", times=10)
    results: list[BatchResult[Any]] = []

    client.batch(
        "acme/picture",
        _inputs(["a"]),
        journal=tmp_path / "j",
        output_dir=tmp_path / "out",
        on_result=results.append,
    )

    (result,) = results
    assert result.saved == ()
    assert result.error is not None
    assert result.error.startswith("outputs not saved: output.download failed with 404")
    assert list((tmp_path / "out").rglob("*.png")) == []


def test_a_failed_save_is_counted_and_tried_again_by_the_next_run(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    fake.inject(Fault.server_error(404), operation="output.download", times=2)
    journal, out = tmp_path / "j", tmp_path / "out"

    first = client.batch("acme/picture", _inputs(["a", "b"]), journal=journal, output_dir=out)
    second = client.batch("acme/picture", _inputs(["a", "b"]), journal=journal, output_dir=out)

    assert (first.succeeded, first.unsaved) == (2, 2)
    assert (second.succeeded, second.unsaved, second.skipped) == (2, 0, 0)
    assert len(fake.predictions()) == 2
    assert sorted(path.read_bytes() for path in out.rglob("*.png")) == [b"\x89PNGa", b"\x89PNGb"]
    reopened = Journal(journal)
    assert [row.error for row in reopened.rows()] == [None, None]
    reopened.close()


def test_a_journaled_prediction_the_server_does_not_know_fails_and_is_not_created_again(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    journal, key = _journal_with(tmp_path / "j", "acme/echo", {"text": "a"})
    journal.intent(key, _now(client))
    journal.created(key, "gone-elsewhere", "starting")
    journal.close()
    results: list[BatchResult[Any]] = []

    summary = client.batch(
        "acme/echo", _inputs(["a"]), journal=tmp_path / "j", on_result=results.append
    )

    assert (summary.failed, summary.unfinished) == (1, 0)
    assert fake.predictions() == []
    (result,) = results
    assert result.status == "failed"
    assert result.error is not None
    assert "prediction gone-elsewhere, recorded in the journal, was not found" in result.error


def test_a_callback_that_raises_is_logged_and_the_batch_goes_on(
    client: Replicate, fake: FakeReplicate, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_: object) -> None:
        raise RuntimeError("my bug")

    summary = client.batch(
        "acme/echo", _inputs(), journal=tmp_path / "j", on_result=broken, on_progress=broken
    )

    assert summary.succeeded == 3
    assert "on_result of batch item" in caplog.text
    assert "on_progress raised" in caplog.text


def test_resume_after_a_crash_between_the_outcome_and_the_save_saves_without_creating(
    client: Replicate, fake: FakeReplicate, tmp_path: Path
) -> None:
    done = client.wait(client.create("acme/picture", {"text": "a"}))
    journal, key = _journal_with(tmp_path / "j", "acme/picture", {"text": "a"})
    journal.intent(key, _now(client))
    journal.created(key, done.id, "starting")
    journal.finished(key, "succeeded", done.output, 1.0, None)
    journal.close()
    results: list[BatchResult[Any]] = []

    summary = client.batch(
        "acme/picture",
        _inputs(["a"]),
        journal=tmp_path / "j",
        output_dir=tmp_path / "out",
        on_result=results.append,
    )

    assert [p["id"] for p in fake.predictions()] == [done.id]
    assert (summary.succeeded, summary.adopted, summary.recreated) == (1, 0, 0)
    (result,) = results
    assert [path.read_bytes() for path in result.saved] == [b"\x89PNGa"]
