"""A bindings module written by hand the way ``models generate`` writes one, for ``models check``.

acme/painter takes a prompt, an aspect ratio (a cog enum by ``allOf`` ``$ref``)
and a seed, and returns an object holding the image URLs; it is trainable
(``steps`` in, a weights URL out). The tests serve acme/painter with this
schema, or a changed copy, as its latest version.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, cast

import attrs
from replicate_typed._async.files import AsyncFileOutput
from replicate_typed._sync.files import FileOutput
from replicate_typed.bindings import ModelInput, TypedModel, TypedTraining, schema_sha256

OPENAPI_SCHEMA: dict[str, Any] = {
    "openapi": "3.0.2",
    "info": {"title": "Cog", "version": "0.1.0"},
    "paths": {},
    "components": {
        "schemas": {
            "Input": {
                "type": "object",
                "title": "Input",
                "required": ["prompt"],
                "properties": {
                    "prompt": {"type": "string", "title": "Prompt", "x-order": 0},
                    "aspect_ratio": {
                        "allOf": [{"$ref": "#/components/schemas/aspect_ratio"}],
                        "default": "1:1",
                        "x-order": 1,
                    },
                    "seed": {"type": "integer", "title": "Seed", "x-order": 2},
                },
            },
            "aspect_ratio": {
                "type": "string",
                "title": "aspect_ratio",
                "enum": ["1:1", "16:9", "9:16"],
            },
            "Output": {
                "type": "object",
                "title": "Output",
                "required": ["images"],
                "properties": {
                    "images": {"type": "array", "items": {"type": "string", "format": "uri"}},
                },
            },
            "TrainingInput": {
                "type": "object",
                "title": "TrainingInput",
                "properties": {"steps": {"type": "integer", "default": 1000}},
            },
            "TrainingOutput": {
                "type": "object",
                "title": "TrainingOutput",
                "required": ["weights"],
                "properties": {"weights": {"type": "string", "format": "uri"}},
            },
        }
    },
}

#: The pinned version; the fake's latest differs, so the report shows both.
VERSION = "5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa"


@attrs.frozen(kw_only=True)
class PainterInput(ModelInput):
    """acme/painter's input."""

    prompt: str
    aspect_ratio: Literal["1:1", "16:9", "9:16"] | None = None
    seed: int | None = None

    def to_input(self) -> dict[str, Any]:
        """The fields that are set."""
        return {key: value for key, value in attrs.asdict(self).items() if value is not None}


@attrs.frozen(kw_only=True)
class PainterTrainingInput(ModelInput):
    """acme/painter's training input."""

    steps: int | None = None

    def to_input(self) -> dict[str, Any]:
        """The fields that are set."""
        return {key: value for key, value in attrs.asdict(self).items() if value is not None}


def _urls(output: object) -> list[str]:
    images: object = (
        cast("dict[str, object]", output).get("images") if isinstance(output, dict) else None
    )
    urls: list[object] = cast("list[object]", images) if isinstance(images, list) else []
    if not isinstance(images, list) or not all(isinstance(url, str) for url in urls):
        raise ValueError(f"output.images: expected a list of URLs, got {output!r}")
    return [str(url) for url in urls]


def read_output(output: object, file: Callable[[str], FileOutput]) -> list[FileOutput]:
    """The images, as the sync client's files."""
    return [file(url) for url in _urls(output)]


def read_async_output(
    output: object, file: Callable[[str], AsyncFileOutput]
) -> list[AsyncFileOutput]:
    """The images, as the async client's files."""
    return [file(url) for url in _urls(output)]


PAINTER: TypedModel[PainterInput, list[FileOutput], list[AsyncFileOutput]] = TypedModel(
    model="acme/painter",
    version=VERSION,
    schema_sha256=schema_sha256(OPENAPI_SCHEMA),
    openapi_schema=OPENAPI_SCHEMA,
    input_type=PainterInput,
    read_output=read_output,
    read_async_output=read_async_output,
)


def _weights(output: object) -> str:
    weights = cast("dict[str, object]", output).get("weights") if isinstance(output, dict) else None
    if not isinstance(weights, str):
        raise ValueError(f"output.weights: expected a URL, got {output!r}")
    return weights


def read_training_output(output: object, file: Callable[[str], FileOutput]) -> FileOutput:
    """The trained weights, as the sync client's file."""
    return file(_weights(output))


def read_async_training_output(
    output: object, file: Callable[[str], AsyncFileOutput]
) -> AsyncFileOutput:
    """The trained weights, as the async client's file."""
    return file(_weights(output))


PAINTER_TRAINING: TypedTraining[PainterTrainingInput, FileOutput, AsyncFileOutput] = TypedTraining(
    model="acme/painter",
    version=VERSION,
    schema_sha256=schema_sha256(OPENAPI_SCHEMA),
    openapi_schema=OPENAPI_SCHEMA,
    input_type=PainterTrainingInput,
    read_output=read_training_output,
    read_async_output=read_async_training_output,
)
