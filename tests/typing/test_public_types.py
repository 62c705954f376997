"""The public types, pinned: mypy --strict and pyright strict check every ``assert_type`` here.

Each test also runs, against the in-process FakeReplicate, so a pinned type
is one the call really returns. A change that widens a result (an ``Unset``
or ``Any`` creeping back) or narrows what an input accepts fails scripts/lint.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Literal, NotRequired, TypedDict, assert_never, assert_type

from replicate_typed import (
    JSON,
    FileResource,
    Model,
    Page,
    Pager,
    Prediction,
    PredictionMetrics,
    PredictionStatus,
    PredictionUrls,
    Training,
    TrainingStatus,
    UnknownValue,
    Version,
)
from replicate_typed.testing import FakeReplicate


class HelloInput(TypedDict):
    """What a strict codebase writes for a model's input."""

    text: str
    repeat: NotRequired[int]


def test_predictions_and_their_fields() -> None:
    with FakeReplicate().client() as replicate:
        hello: HelloInput = {"text": "typed"}
        created = replicate.create("replicate/hello-world", hello)
        assert_type(created, Prediction)
        waited = replicate.wait(created, timeout=60)
        assert_type(waited, Prediction)
        got = replicate.predictions.get(waited.id)
        assert_type(got, Prediction)
        assert_type(replicate.cancel(got), Prediction)
        assert_type(replicate.predictions.list(), Pager[Prediction])
        assert_type(replicate.predictions.list().page(), Page[Prediction])

        assert_type(got.id, str)
        assert_type(got.status, PredictionStatus | UnknownValue)
        assert_type(got.created_at, datetime.datetime)
        assert_type(got.completed_at, datetime.datetime | None)
        assert_type(got.logs, str | None)
        assert_type(got.error, str | None)
        assert_type(got.model, str | None)
        assert_type(got.input_, dict[str, JSON])
        assert_type(got.output, JSON)
        assert_type(got.metrics, PredictionMetrics | None)
        assert_type(got.urls, PredictionUrls | None)
        assert_type(got.additional_properties, dict[str, JSON])
        assert got.metrics is not None
        assert_type(got.metrics.predict_time, float | None)
        assert_type(got.metrics.input_token_count, int | None)
        assert got.output == "hello typed"


def test_run_returns_json_and_takes_a_typed_dict() -> None:
    with FakeReplicate().client() as replicate:
        hello: HelloInput = {"text": "run", "repeat": 1}
        output = replicate.run("replicate/hello-world", hello)
        assert_type(output, JSON)
        assert isinstance(output, str)
        assert output.startswith("hello")
        # Any Mapping[str, object] will do, not only a dict literal.
        assert replicate.run("replicate/hello-world", dict(hello)) == output


class StoryInput(TypedDict):
    prompt: str


def test_a_typed_dict_passes_every_call_that_takes_an_input(tmp_path: Path) -> None:
    fake = FakeReplicate()
    fake.add_deployment("acme/hello", "replicate/hello-world")
    with fake.client() as replicate:
        hello: HelloInput = {"text": "deployed"}
        assert replicate.run(deployment="acme/hello", input=hello) == "hello deployed"
        created = replicate.create(deployment="acme/hello", input=hello)
        assert_type(created, Prediction)
        story: StoryInput = {"prompt": "a fox"}
        text = replicate.stream("acme/storyteller", story).text()
        assert_type(text, str)
        assert text

        class TrainingInput(TypedDict):
            data: Path

        upload = tmp_path / "data.txt"
        upload.write_text("rows")
        training_input: TrainingInput = {"data": upload}
        model = replicate.models.get("replicate/hello-world")
        assert model.latest_version is not None
        replicate.models.create("fake-account/mine", visibility="private", hardware="cpu")
        training = replicate.trainings.create(
            f"replicate/hello-world:{model.latest_version.id}",
            training_input,
            destination="fake-account/mine",
        )
        assert_type(training, Training)


def _describe(status: PredictionStatus | UnknownValue) -> str:
    """An exhaustive match: leaving a member out is an error for both checkers."""
    match status:
        case PredictionStatus.STARTING | PredictionStatus.PROCESSING:
            return "running"
        case PredictionStatus.SUCCEEDED:
            return "done"
        case PredictionStatus.FAILED:
            return "failed"
        case PredictionStatus.CANCELED | PredictionStatus.ABORTED:
            return "stopped"
        case UnknownValue():
            return f"new status {status}"
        case _:
            assert_never(status)


def test_statuses_match_exhaustively() -> None:
    assert _describe(PredictionStatus.ABORTED) == "stopped"
    assert _describe(UnknownValue("queued")) == "new status queued"
    assert UnknownValue("queued") == "queued"
    assert repr(UnknownValue("queued")) == "UnknownValue('queued')"


def test_models_versions_files_and_trainings(tmp_path: Path) -> None:
    with FakeReplicate().client() as replicate:
        model = replicate.models.get("replicate/hello-world")
        assert_type(model, Model)
        assert_type(model.owner, str)
        assert_type(model.name, str)
        assert_type(model.run_count, int)
        assert_type(model.latest_version, Version | None)
        assert_type(model.default_example, Prediction | None)
        assert model.latest_version is not None
        version = replicate.models.versions.get("replicate/hello-world", model.latest_version.id)
        assert_type(version, Version)
        assert_type(version.id, str)
        assert_type(version.openapi_schema, dict[str, JSON] | None)
        assert_type(replicate.models.versions.list("replicate/hello-world"), Pager[Version])
        assert_type(replicate.models.list(), Pager[Model])

        upload = tmp_path / "data.txt"
        upload.write_text("some data")
        stored = replicate.files.create(upload)
        assert_type(stored, FileResource)
        assert_type(stored.id, str)
        assert_type(stored.name, str | None)
        assert_type(replicate.files.list(), Pager[FileResource])

        replicate.models.create("fake-account/mine", visibility="private", hardware="cpu")
        training = replicate.trainings.create(
            f"replicate/hello-world:{version.id}", {"data": upload}, destination="fake-account/mine"
        )
        assert_type(training, Training)
        assert_type(training.id, str)
        assert_type(training.status, TrainingStatus | UnknownValue)
        assert_type(training.logs, str | None)
        assert_type(replicate.trainings.get(training.id), Training)
        assert_type(replicate.trainings.list(), Pager[Training])


def test_response_models_offer_no_mapping_surface() -> None:
    """``prediction["status"]`` would only ever have looked in additional_properties."""
    body: dict[str, JSON] = {"id": "p1", "version": "v", "input": {}, "error": None}
    body |= {"status": "starting", "created_at": "2026-12-01T00:00:00Z", "queue": 3}
    prediction = Prediction.from_dict(body)
    assert not hasattr(prediction, "__getitem__")
    assert not hasattr(prediction, "keys")
    assert prediction.additional_properties == {"queue": 3}
    assert prediction.to_dict()["queue"] == 3


def _kind(value: JSON) -> Literal["file", "other"]:
    return "file" if isinstance(value, str) and value.startswith("https://") else "other"


def test_json_narrows_like_any_union() -> None:
    assert _kind("https://replicate.delivery/x.png") == "file"
    assert _kind({"nested": [1, 2.5, None, True]}) == "other"
