"""Bindings GENERATED from real schemas, and a FakeReplicate serving those models.

Where ``tests/support/bindings.py`` is written by hand, this module is what
``generate_module`` writes for three committed schemas: flux-schnell (an image
model, a list of files, official: pinned by schema hash), meta-llama-3-8b (a
language model, a concatenated string iterator, pinned by version) and
flux-dev-lora-trainer (trainable, pinned by version). The fake serves each with
``add_model_from_schema`` and no behaviour (outputs that fit the schema), at
the version the bindings pin.
"""

from __future__ import annotations

from pathlib import Path

from replicate_typed.bindings import ModelSource, generate_module
from replicate_typed.testing import FakeReplicate

from tests.bindings.samples import sample

FLUX = "black-forest-labs/flux-schnell"
LLAMA = "meta/meta-llama-3-8b"
TRAINER = "ostris/flux-dev-lora-trainer"


def sources() -> list[ModelSource]:
    """The three sampled versions, flux-schnell pinned as an official model."""
    flux = sample(FLUX).source
    return [
        ModelSource(FLUX, flux.version_id, flux.openapi_schema, official=True),
        sample(LLAMA).source,
        sample(TRAINER).source,
    ]


def write(path: Path) -> None:
    """Write the bindings module for the three models to ``path``."""
    path.write_text(generate_module(sources()), encoding="utf-8")


def serve(fake: FakeReplicate) -> None:
    """Add the three models to ``fake``, each at the version the bindings pin."""
    for source in sources():
        entry = fake.add_model_from_schema(
            source.model, dict(source.openapi_schema), official=source.official
        )
        entry.version_id = source.version_id
