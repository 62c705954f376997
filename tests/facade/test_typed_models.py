"""Typed bindings on both clients: run, create, wait, stream, deployments and trainings.

The bindings are written by hand as a generated module would be
(tests/support/bindings.py); FakeReplicate runs the models.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import pytest
from replicate_typed import ModelError, OutputMismatchError, Replicate
from replicate_typed.bindings import InputError, TypedModel, schema_sha256
from replicate_typed.testing import FakeReplicate
from replicate_typed.testing._examples import STORY

from tests.facade.conftest import Kind, file_class, unwrap
from tests.support.bindings import (
    HELLO_SCHEMA,
    HELLO_WORLD,
    STORYTELLER,
    HelloWorldInput,
    HelloWorldTrainingInput,
    StorytellerInput,
    UpscalerInput,
    hello_world_training,
    upscaler,
)


def test_run_by_name_returns_the_typed_output(client: Replicate, fake: FakeReplicate) -> None:
    assert client.run(HELLO_WORLD, HelloWorldInput(text="fox")) == "hello fox"

    (create,) = fake.requests.to("models.predictions.create")
    assert create.url.endswith("/models/replicate/hello-world/predictions")


def test_run_of_a_pinned_version_reads_files_as_the_clients_file_objects(
    client: Replicate, fake: FakeReplicate, kind: Kind
) -> None:
    version = fake.models["acme/upscaler"].version_id

    files = client.run(upscaler(version), UpscalerInput(scale=2))

    assert isinstance(unwrap(files[0]), file_class(kind))
    assert files[0].read().startswith(b"\x89PNG")
    (prediction,) = fake.predictions()
    assert prediction["version"] == version
    assert prediction["input"] == {"scale": 2}


def test_create_and_wait_keep_the_type_and_read_the_output_once_succeeded(
    client: Replicate, fake: FakeReplicate, kind: Kind
) -> None:
    created = client.create(upscaler(fake.models["acme/upscaler"].version_id), UpscalerInput())
    with pytest.raises(RuntimeError, match="not finished: wait for it"):
        _ = created.output

    done = client.wait(created)

    assert done.id == created.id
    assert str(done.prediction.status) == "succeeded"
    (file,) = done.output
    assert isinstance(unwrap(file), file_class(kind))
    assert client.predictions.wait(created).output == done.output


def test_a_failed_typed_prediction_raises_model_error(client: Replicate) -> None:
    failing = _bindings_of("acme/failing-model", _read_str)

    with pytest.raises(ModelError, match="CUDA out of memory"):
        client.run(failing, HelloWorldInput(text="x"))
    done = client.wait(client.create(failing, HelloWorldInput(text="x")))
    with pytest.raises(ModelError):
        _ = done.output


def test_an_output_that_does_not_fit_raises_output_mismatch_with_the_prediction(
    client: Replicate, fake: FakeReplicate
) -> None:
    # hello-world answers a string; these bindings declare a list.
    wrong = _bindings_of("replicate/hello-world", _read_list)

    with pytest.raises(OutputMismatchError, match="output: expected a list, got str") as caught:
        client.run(wrong, HelloWorldInput(text="fox"))

    (prediction,) = fake.predictions()
    assert caught.value.prediction.id == prediction["id"]
    assert str(caught.value.prediction.status) == "succeeded"
    assert caught.value.reason == "output: expected a list, got str 'hello fox'"
    done = client.wait(client.create(wrong, HelloWorldInput(text="fox")))
    with pytest.raises(OutputMismatchError):
        _ = done.output


def _run(client: Any, bad: object) -> object:
    return client.run(HELLO_WORLD, bad)


def _create(client: Any, bad: object) -> object:
    return client.create(HELLO_WORLD, bad)


def _create_on_deployment(client: Any, bad: object) -> object:
    return client.predictions.create(HELLO_WORLD, bad, deployment="a/b")


def _stream(client: Any, bad: object) -> object:
    return client.stream(HELLO_WORLD, bad)


@pytest.mark.parametrize("call", [_run, _create, _create_on_deployment, _stream])
@pytest.mark.parametrize("bad", [UpscalerInput(), {"text": "fox"}, None], ids=str)
def test_a_wrong_input_is_refused_before_any_request(
    client: Replicate, fake: FakeReplicate, call: Callable[[Any, object], object], bad: object
) -> None:
    with pytest.raises(
        ValueError, match="input for replicate/hello-world must be a HelloWorldInput"
    ):
        call(client, bad)
    assert fake.requests == []


def test_a_bindings_input_without_its_model_is_refused(
    client: Replicate, fake: FakeReplicate
) -> None:
    untyped: Any = client
    with pytest.raises(ValueError, match="HelloWorldInput is the input of typed bindings"):
        untyped.run("replicate/hello-world", HelloWorldInput(text="fox"))
    assert fake.requests == []


def test_file_output_false_is_not_offered_for_typed_bindings(
    client: Replicate, fake: FakeReplicate
) -> None:
    untyped: Any = client
    with pytest.raises(ValueError, match="file_output=False is not offered"):
        untyped.run(HELLO_WORLD, HelloWorldInput(text="fox"), file_output=False)
    assert fake.requests == []


def test_a_typed_input_outside_its_schema_is_refused_before_any_request(
    client: Replicate, fake: FakeReplicate
) -> None:
    with pytest.raises(
        InputError, match=r"input\.repeat: must be at most 10 \(maximum\) \(got 99\)"
    ):
        client.run(HELLO_WORLD, HelloWorldInput(text="fox", repeat=99))
    assert fake.requests == []


def test_stream_of_typed_bindings_yields_text_chunks(
    client: Replicate, fake: FakeReplicate
) -> None:
    stream = client.stream(STORYTELLER, StorytellerInput(prompt="once"))

    assert "".join(stream.iter_text()) == STORY
    (prediction,) = fake.predictions()
    assert prediction["input"] == {"prompt": "once"}


def test_a_deployment_runs_typed_bindings_of_its_model(
    client: Replicate, fake: FakeReplicate
) -> None:
    fake.add_deployment("fake-account/greeter", "replicate/hello-world")

    output = client.run(HELLO_WORLD, HelloWorldInput(text="fox"), deployment="fake-account/greeter")
    created = client.predictions.create(
        HELLO_WORLD, HelloWorldInput(text="owl"), deployment="fake-account/greeter"
    )

    assert output == "hello fox"
    assert client.wait(created).output == "hello owl"
    assert len(fake.requests.to("deployments.predictions.create")) == 2


def test_a_typed_training_reads_its_output(
    client: Replicate, fake: FakeReplicate, kind: Kind
) -> None:
    training = hello_world_training(fake.models["replicate/hello-world"].version_id)
    client.models.create("fake-account/mine", visibility="private", hardware="cpu")

    job = client.trainings.create(
        training, HelloWorldTrainingInput(steps=3), destination="fake-account/mine"
    )
    with pytest.raises(RuntimeError, match="not succeeded: it has no output"):
        _ = job.output
    done = client.trainings.wait(job)

    assert done.id == job.id
    assert done.training.input_ == {"steps": 3}
    weights = done.output.weights
    assert isinstance(unwrap(weights), file_class(kind))
    assert str(weights).endswith(".tar")


def test_a_training_needs_bindings_of_a_version(client: Replicate, fake: FakeReplicate) -> None:
    with pytest.raises(ValueError, match="have no version: a training needs one"):
        client.trainings.create(
            hello_world_training(None), HelloWorldTrainingInput(steps=1), destination="a/b"
        )
    with pytest.raises(ValueError, match="must be a HelloWorldTrainingInput"):
        client.trainings.create(
            hello_world_training(fake.models["replicate/hello-world"].version_id),
            cast(Any, HelloWorldInput(text="x")),
            destination="a/b",
        )
    assert fake.requests == []


def _read_str(raw: object, file: object) -> str:
    if not isinstance(raw, str):
        raise ValueError(f"output: expected a string, got {type(raw).__name__}")
    return raw


def _read_list(raw: object, file: object) -> list[object]:
    if not isinstance(raw, list):
        raise ValueError(f"output: expected a list, got {type(raw).__name__} {raw!r}")
    return cast(list[object], raw)


def _bindings_of(
    model: str, read: Callable[[object, object], Any]
) -> TypedModel[HelloWorldInput, Any, Any]:
    return TypedModel(
        model=model,
        version=None,
        schema_sha256=schema_sha256(HELLO_SCHEMA),
        openapi_schema=HELLO_SCHEMA,
        input_type=HelloWorldInput,
        read_output=read,
        read_async_output=read,
    )


def test_a_typed_training_input_is_checked_against_training_input(
    client: Replicate, fake: FakeReplicate
) -> None:
    training = hello_world_training(fake.models["replicate/hello-world"].version_id)

    with pytest.raises(InputError, match=r"input\.steps: must be at least 1 \(minimum\) \(got 0\)"):
        client.trainings.create(
            training, HelloWorldTrainingInput(steps=0), destination="fake-account/mine"
        )
    assert fake.requests == []
