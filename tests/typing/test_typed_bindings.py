"""Typed bindings, pinned: a TypedModel's call returns its output type to mypy and pyright.

Every test also runs against FakeReplicate, so each pinned type is what the
call returns. The ``type: ignore[...]`` lines are the static errors a wrong
input makes: mypy's ``warn_unused_ignores`` (and pyright's
``reportUnnecessaryTypeIgnoreComment``) fail scripts/lint if one stops being an error.
"""

from __future__ import annotations

import asyncio
from typing import assert_type

import pytest
from replicate_typed import (
    AsyncFileOutput,
    AsyncPredictionStream,
    FileOutput,
    Prediction,
    PredictionStream,
    Training,
    TypedPrediction,
    TypedTrainingJob,
)
from replicate_typed.testing import FakeReplicate

from tests.support.bindings import (
    HELLO_WORLD,
    STORYTELLER,
    AsyncHelloWorldTrainingOutput,
    HelloWorldInput,
    HelloWorldTrainingInput,
    HelloWorldTrainingOutput,
    StorytellerInput,
    UpscalerInput,
    hello_world_training,
    upscaler,
)


def test_sync_calls_return_the_models_types() -> None:
    fake = FakeReplicate()
    upscale = upscaler(fake.models["acme/upscaler"].version_id)
    with fake.client() as replicate:
        files = replicate.run(upscale, UpscalerInput(scale=2))
        assert_type(files, list[FileOutput])
        assert files[0].read().startswith(b"\x89PNG")
        assert_type(replicate.run(HELLO_WORLD, HelloWorldInput(text="fox")), str)

        created = replicate.create(HELLO_WORLD, HelloWorldInput(text="fox"))
        assert_type(created, TypedPrediction[str])
        assert_type(created.prediction, Prediction)
        waited = replicate.wait(created)
        assert_type(waited, TypedPrediction[str])
        assert_type(waited.output, str)
        assert waited.output == "hello fox"
        assert_type(
            replicate.predictions.create(upscale, UpscalerInput()),
            TypedPrediction[list[FileOutput]],
        )

        stream = replicate.stream(STORYTELLER, StorytellerInput(prompt="once"))
        assert_type(stream, PredictionStream)
        for chunk in stream.iter_text():
            assert_type(chunk, str)

        # Untyped calls are as they were.
        assert_type(replicate.create("replicate/hello-world", {"text": "x"}), Prediction)


def test_async_calls_return_the_async_types() -> None:
    async def main() -> None:
        fake = FakeReplicate()
        upscale = upscaler(fake.models["acme/upscaler"].version_id)
        async with fake.async_client() as replicate:
            files = await replicate.run(upscale, UpscalerInput(scale=2))
            assert_type(files, list[AsyncFileOutput])
            assert (await files[0].read()).startswith(b"\x89PNG")

            created = await replicate.create(upscale, UpscalerInput())
            assert_type(created, TypedPrediction[list[AsyncFileOutput]])
            waited = await replicate.predictions.wait(created)
            assert_type(waited.output, list[AsyncFileOutput])

            stream = replicate.stream(STORYTELLER, StorytellerInput(prompt="once"))
            assert_type(stream, AsyncPredictionStream)
            async for chunk in stream.iter_text():
                assert_type(chunk, str)

    asyncio.run(main())


def test_trainings_return_their_typed_training() -> None:
    fake = FakeReplicate()
    training = hello_world_training(fake.models["replicate/hello-world"].version_id)
    with fake.client() as replicate:
        replicate.models.create("fake-account/mine", visibility="private", hardware="cpu")
        job = replicate.trainings.create(
            training, HelloWorldTrainingInput(steps=1), destination="fake-account/mine"
        )
        assert_type(job, TypedTrainingJob[HelloWorldTrainingOutput])
        assert_type(job.training, Training)
        done = replicate.trainings.wait(job)
        assert_type(done.output.weights, FileOutput)

    async def main() -> None:
        async with fake.async_client() as replicate:
            job = await replicate.trainings.create(
                training, HelloWorldTrainingInput(steps=1), destination="fake-account/mine"
            )
            assert_type(job, TypedTrainingJob[AsyncHelloWorldTrainingOutput])
            done = await replicate.trainings.wait(job)
            assert_type(done.output.weights, AsyncFileOutput)

    asyncio.run(main())


def test_a_wrong_input_is_a_static_error() -> None:
    with pytest.raises(TypeError, match="txt"):
        HelloWorldInput(txt="fox")  # type: ignore[call-arg]
    with FakeReplicate().client() as replicate:
        # Another model's input class, or a plain dict, with a TypedModel: no overload fits.
        with pytest.raises(ValueError, match="must be a HelloWorldInput"):
            replicate.run(HELLO_WORLD, UpscalerInput())  # type: ignore[misc]
        with pytest.raises(ValueError, match="must be a HelloWorldInput"):
            replicate.run(HELLO_WORLD, {"text": "fox"})  # type: ignore[call-overload]


def test_a_wrong_value_type_is_a_static_error() -> None:
    # attrs does not check types at run time; the static checkers do.
    HelloWorldInput(text=3)  # type: ignore[arg-type]
