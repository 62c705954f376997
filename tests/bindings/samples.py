"""Real model versions to generate bindings for: the 30-model sample and a few more.

``extra_models.json`` adds real schemas the sample lacks: an image model with
``allOf`` enums (flux-schnell), a secret input (musubi-tuner), objects through
``$ref`` (whisper, jina embeddings, speaker diarization), an iterator of files
(flux-dev-inpainting), a ``nullable`` input (stable-diffusion-rs), old cog
(wav2clip, cog 0.0.17) and a string enum on an integer field (laionide-v2).
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, TypeGuard

from replicate_typed.bindings import ModelSource, TypedModel

HERE = Path(__file__).parent
SAMPLE = HERE.parent / "realdata" / "public_models_sample.json"
EXTRA = HERE / "extra_models.json"


@dataclass(frozen=True)
class Sample:
    """One real model: its source and its default example."""

    source: ModelSource
    example: dict[str, Any]


def samples() -> list[Sample]:
    """Every sample model, in file order."""
    models: list[dict[str, Any]] = [
        *json.loads(SAMPLE.read_text()),
        *json.loads(EXTRA.read_text()),
    ]
    return [
        Sample(
            source=ModelSource(
                model=f"{model['owner']}/{model['name']}",
                version_id=model["latest_version"]["id"],
                openapi_schema=model["latest_version"]["openapi_schema"],
            ),
            example=model["default_example"],
        )
        for model in models
    ]


def sample(model: str) -> Sample:
    """The sample for ``owner/name``."""
    return next(found for found in samples() if found.source.model == model)


def references(module: ModuleType) -> list[TypedModel[Any, Any, Any]]:
    """The module's ``TypedModel`` constants, in the order it defines them."""
    return [value for value in vars(module).values() if _is_reference(value)]


def _is_reference(value: object) -> TypeGuard[TypedModel[Any, Any, Any]]:
    return isinstance(value, TypedModel)


def load(path: Path, name: str) -> ModuleType:
    """Import the module at ``path`` as ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
