"""Typed bindings written by hand, as ``replicate-typed models generate`` writes them.

For the FakeReplicate example models: ``replicate/hello-world`` (a string
output, by name), ``acme/upscaler`` (a list of files), ``acme/storyteller``
(streamed text), and a training of ``replicate/hello-world``. Each reader
raises ValueError naming the path and the expected type, as a generated one does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from replicate_typed import AsyncFileOutput, FileOutput
from replicate_typed.bindings import ModelInput, TypedModel, TypedTraining, schema_sha256

HELLO_SCHEMA: dict[str, Any] = {
    "components": {
        "schemas": {
            "Input": {
                "type": "object",
                "properties": {
                    "text": {"type": "string"},
                    "repeat": {"type": "integer", "minimum": 1, "maximum": 10},
                },
            },
            "Output": {"type": "string"},
        }
    }
}
UPSCALER_SCHEMA: dict[str, Any] = {
    "components": {
        "schemas": {
            "Input": {"type": "object", "properties": {"scale": {"type": "integer"}}},
            "Output": {"type": "array", "items": {"type": "string", "format": "uri"}},
        }
    }
}
STORY_SCHEMA: dict[str, Any] = {
    "components": {
        "schemas": {
            "Input": {"type": "object", "properties": {"prompt": {"type": "string"}}},
            "Output": {
                "type": "array",
                "items": {"type": "string"},
                "x-cog-array-type": "iterator",
                "x-cog-array-display": "concatenate",
            },
        }
    }
}
TRAINING_SCHEMA: dict[str, Any] = {
    "components": {
        "schemas": {
            "TrainingInput": {
                "type": "object",
                "properties": {"steps": {"type": "integer", "minimum": 1}},
            },
            "TrainingOutput": {"type": "object", "properties": {"weights": {"type": "string"}}},
        }
    }
}


def _str(raw: object, path: str) -> str:
    if not isinstance(raw, str):
        raise ValueError(f"{path}: expected a string, got {type(raw).__name__} {raw!r:.80}")
    return raw


def _list(raw: object, path: str) -> list[object]:
    if not isinstance(raw, list):
        raise ValueError(f"{path}: expected a list, got {type(raw).__name__} {raw!r:.80}")
    return list(raw)  # pyright: ignore[reportUnknownArgumentType] - JSON, items read below


@attrs.frozen(kw_only=True)
class HelloWorldInput(ModelInput):
    """replicate/hello-world's input."""

    text: str
    repeat: int | None = None

    def to_input(self) -> dict[str, Any]:
        body: dict[str, Any] = {"text": self.text}
        if self.repeat is not None:
            body["repeat"] = self.repeat
        return body


HelloWorldOutput = str
AsyncHelloWorldOutput = str


def _read_hello(raw: object, file: Callable[[str], FileOutput]) -> HelloWorldOutput:
    return _str(raw, "output")


def _read_async_hello(raw: object, file: Callable[[str], AsyncFileOutput]) -> str:
    return _str(raw, "output")


HELLO_WORLD: TypedModel[HelloWorldInput, HelloWorldOutput, AsyncHelloWorldOutput] = TypedModel(
    model="replicate/hello-world",
    version=None,
    schema_sha256=schema_sha256(HELLO_SCHEMA),
    openapi_schema=HELLO_SCHEMA,
    input_type=HelloWorldInput,
    read_output=_read_hello,
    read_async_output=_read_async_hello,
)


@attrs.frozen(kw_only=True)
class UpscalerInput(ModelInput):
    """acme/upscaler's input."""

    scale: int | None = None

    def to_input(self) -> dict[str, Any]:
        return {} if self.scale is None else {"scale": self.scale}


UpscalerOutput = list[FileOutput]
AsyncUpscalerOutput = list[AsyncFileOutput]


def _read_upscaler(raw: object, file: Callable[[str], FileOutput]) -> UpscalerOutput:
    return [file(_str(item, f"output[{i}]")) for i, item in enumerate(_list(raw, "output"))]


def _read_async_upscaler(
    raw: object, file: Callable[[str], AsyncFileOutput]
) -> AsyncUpscalerOutput:
    return [file(_str(item, f"output[{i}]")) for i, item in enumerate(_list(raw, "output"))]


def upscaler(version: str) -> TypedModel[UpscalerInput, UpscalerOutput, AsyncUpscalerOutput]:
    """acme/upscaler pinned to ``version`` (a fake's version ids differ from run to run)."""
    return TypedModel(
        model="acme/upscaler",
        version=version,
        schema_sha256=schema_sha256(UPSCALER_SCHEMA),
        openapi_schema=UPSCALER_SCHEMA,
        input_type=UpscalerInput,
        read_output=_read_upscaler,
        read_async_output=_read_async_upscaler,
    )


@attrs.frozen(kw_only=True)
class StorytellerInput(ModelInput):
    """acme/storyteller's input."""

    prompt: str

    def to_input(self) -> dict[str, Any]:
        return {"prompt": self.prompt}


def _read_story(raw: object, file: object) -> list[str]:
    return [_str(item, f"output[{i}]") for i, item in enumerate(_list(raw, "output"))]


STORYTELLER: TypedModel[StorytellerInput, list[str], list[str]] = TypedModel(
    model="acme/storyteller",
    version=None,
    schema_sha256=schema_sha256(STORY_SCHEMA),
    openapi_schema=STORY_SCHEMA,
    input_type=StorytellerInput,
    read_output=_read_story,
    read_async_output=_read_story,
)


@attrs.frozen(kw_only=True)
class HelloWorldTrainingInput(ModelInput):
    """replicate/hello-world's training input."""

    steps: int

    def to_input(self) -> dict[str, Any]:
        return {"steps": self.steps}


@attrs.frozen(kw_only=True)
class HelloWorldTrainingOutput:
    """What a training of replicate/hello-world returns."""

    weights: FileOutput


@attrs.frozen(kw_only=True)
class AsyncHelloWorldTrainingOutput:
    """The same, with the async client's file objects."""

    weights: AsyncFileOutput


def _weights(raw: object) -> str:
    if not isinstance(raw, dict):
        raise ValueError(f"output: expected an object, got {type(raw).__name__}")
    return _str(raw.get("weights"), "output.weights")  # pyright: ignore[reportUnknownMemberType, reportUnknownArgumentType]


def _read_training(raw: object, file: Callable[[str], FileOutput]) -> HelloWorldTrainingOutput:
    return HelloWorldTrainingOutput(weights=file(_weights(raw)))


def _read_async_training(
    raw: object, file: Callable[[str], AsyncFileOutput]
) -> AsyncHelloWorldTrainingOutput:
    return AsyncHelloWorldTrainingOutput(weights=file(_weights(raw)))


def hello_world_training(
    version: str | None,
) -> TypedTraining[
    HelloWorldTrainingInput, HelloWorldTrainingOutput, AsyncHelloWorldTrainingOutput
]:
    """The training interface of replicate/hello-world at ``version``."""
    return TypedTraining(
        model="replicate/hello-world",
        version=version,
        schema_sha256=schema_sha256(TRAINING_SCHEMA),
        openapi_schema=TRAINING_SCHEMA,
        input_type=HelloWorldTrainingInput,
        read_output=_read_training,
        read_async_output=_read_async_training,
    )
