"""What Replicate's live API really sends, where openapi.json says otherwise: the evidence.

Three tables drive the api-reality patches in ``patches.py``. Each entry names
the recordings in ``../shared/realdata/fixtures/`` (or the public-models corpus,
see ``scripts/corpus``) that show it; ``tests/realdata/`` replays those
recordings and ``tests/regen/test_patches.py`` checks every entry against them.

Places are written ``component`` or ``component.property`` for an inline
object inside a component (``schemas_prediction_response.urls``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Omitted:
    """A field the spec requires that real payloads leave out: it reads as None."""

    place: str
    field: str
    evidence: str


@dataclass(frozen=True)
class AlwaysSent:
    """Fields the spec leaves optional that every real payload carries: plain types."""

    place: str
    fields: tuple[str, ...]
    evidence: str


@dataclass(frozen=True)
class Undeclared:
    """A field real payloads carry that the spec does not declare."""

    place: str
    field: str
    schema: dict[str, Any]
    evidence: str


OMITTED: tuple[Omitted, ...] = (
    Omitted(
        "schemas_prediction_response.urls",
        "web",
        "creates and gets recorded 2023-08..2024-10 (rpy-run, rpy-predictions-get, "
        "otel-run-stable-diffusion, rpy-models-predictions-create-blocking-*) and 2025-11 "
        "(prism-*) carry only get, cancel (and stream)",
    ),
    Omitted(
        "schemas_prediction_response",
        "urls",
        "a model's default_example is a prediction without urls (public-models corpus)",
    ),
    Omitted(
        "schemas_prediction_response",
        "data_removed",
        "predictions recorded before 2024-10 have no data_removed (rpy-run, rpy-predictions-get, "
        "otel-run-stable-diffusion, rpy-predictions-cancel)",
    ),
    Omitted(
        "schemas_prediction_response",
        "output",
        "unfinished predictions recorded before 2024-10 have no output key (rpy-run, "
        "otel-run-stable-diffusion, rpy-predictions-create)",
    ),
    Omitted(
        "schemas_prediction_response",
        "model",
        "a get recorded 2023-08-28 has no model (rpy-predictions-get, second interaction)",
    ),
)

ALWAYS_SENT: tuple[AlwaysSent, ...] = (
    AlwaysSent(
        "schemas_training_response",
        ("id", "status", "created_at", "version", "input"),
        "every training recorded (rpy-trainings-create, -get, -cancel, 2023-08) carries them",
    ),
    AlwaysSent(
        "schemas_model_response",
        ("url", "owner", "name", "visibility", "run_count"),
        "every model recorded (rpy-models-*, rpy-collections-get, otel-*, 2023-11..2024-10) "
        "and all 3,808 public models of the corpus carry them, never null",
    ),
    AlwaysSent(
        "schemas_version_response",
        ("id", "created_at"),
        "every version recorded (otel-*, rpy-predictions-create*, 2023-08..2024-10) and all "
        "3,808 latest_version objects of the corpus carry both",
    ),
    AlwaysSent(
        "schemas_deployment_response",
        ("owner", "name"),
        "every deployment in the API's examples and the recorded mocks carries both",
    ),
)

_NUMBER = {"type": "number"}
_INTEGER = {"type": "integer"}
_TEXT = {"type": "string"}

UNDECLARED: tuple[Undeclared, ...] = (
    Undeclared(
        "schemas_prediction_response.metrics",
        "predict_time",
        {**_NUMBER, "description": "Seconds the model spent running."},
        "every finished prediction recorded (rpy-predictions-get, prism-*, otel-*)",
    ),
    Undeclared(
        "schemas_prediction_response.metrics",
        "input_token_count",
        {**_INTEGER, "description": "Tokens in the prompt, for language models."},
        "prism-generate-text-with-a-prompt, prism-structured-*",
    ),
    Undeclared(
        "schemas_prediction_response.metrics",
        "output_token_count",
        {**_INTEGER, "description": "Tokens generated, for language models."},
        "prism-generate-text-with-a-prompt, prism-structured-*",
    ),
    Undeclared(
        "schemas_prediction_response.metrics",
        "tokens_per_second",
        {**_NUMBER, "description": "Generation speed, for language models."},
        "prism-generate-text-with-a-prompt, prism-structured-*",
    ),
    Undeclared(
        "schemas_prediction_response.metrics",
        "time_to_first_token",
        {**_NUMBER, "description": "Seconds until the first token was streamed."},
        "prism-generate-text-with-a-prompt, prism-structured-*",
    ),
    Undeclared(
        "schemas_prediction_response.metrics",
        "image_count",
        {**_INTEGER, "description": "Images produced, for image models."},
        "prism-generate-image-basic, prism-generate-image-with-options",
    ),
    Undeclared(
        "schemas_prediction_response.metrics",
        "batch_size",
        {**_NUMBER, "description": "Predictions run together in one batch."},
        "prism-embeddings-*",
    ),
    Undeclared(
        "schemas_prediction_response.metrics",
        "predict_time_share",
        {**_NUMBER, "description": "This prediction's part of a batch's run time, in seconds."},
        "prism-embeddings-*",
    ),
    Undeclared(
        "schemas_file_response",
        "name",
        {**_TEXT, "description": "The file name given at upload."},
        "rpy-files (create, get and list, 2024-08)",
    ),
    Undeclared(
        "schemas_file_response",
        "etag",
        {**_TEXT, "description": "Entity tag of the stored content."},
        "rpy-files (create, get and list, 2024-08)",
    ),
    Undeclared(
        "schemas_file_response.checksums",
        "md5",
        {**_TEXT, "description": "Hex MD5 digest of the content."},
        "rpy-files (create, get and list, 2024-08)",
    ),
    Undeclared(
        "schemas_model_response",
        "created_at",
        {**_TEXT, "format": "date-time", "description": "When the model was created."},
        "otel-predictions-create-clipdraw, rpy-predictions-cancel, rpy-predictions-create-"
        "blocking-* (models.get, 2024-02..2024-10)",
    ),
    Undeclared(
        "schemas_model_response",
        "weights_url",
        {**_TEXT, "nullable": True, "description": "Where the model's weights can be fetched."},
        "rpy-predictions-create-blocking-wait, -wait10 (models.get, 2024-10)",
    ),
)

#: Fields the spec types as plain strings that the API sends as null.
NULL_SENT: tuple[Omitted, ...] = (
    Omitted(
        "schemas_training_response",
        "logs",
        "rpy-trainings-get and rpy-trainings-cancel (2023-08) send logs: null",
    ),
    Omitted(
        "schemas_prediction_response",
        "logs",
        "rpy-predictions-cancel (2024-04) sends logs: null",
    ),
)
