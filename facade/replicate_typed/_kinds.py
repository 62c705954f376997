"""Predictions and trainings as one kind of job: what differs between them, and their ids.

A training lives the same life as a prediction (starting, processing, then a
final status), so the flows that wait on and cancel one serve both through a
``JobKind``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from replicate_api.api.predictions import predictions_cancel, predictions_get
from replicate_api.api.trainings import trainings_cancel, trainings_get
from replicate_api.models.prediction import Prediction
from replicate_api.models.training import Training
from replicate_api.types import RequestArgs

from replicate_typed._errors import PredictionTimeoutError, ReplicateError, TrainingTimeoutError

J = TypeVar("J", Prediction, Training)


@dataclass(frozen=True)
class JobKind(Generic[J]):
    """What differs between waiting on a prediction and on a training."""

    noun: str
    model: type[J]
    get_request: Callable[[str], RequestArgs]
    cancel_request: Callable[[str], RequestArgs]
    #: Builds the error for a wait that gave up: (job, limit, past its deadline?).
    timeout_error: Callable[[J, float, bool], ReplicateError]


PREDICTION = JobKind(
    "predictions",
    Prediction,
    predictions_get.request_args,
    predictions_cancel.request_args,
    lambda p, limit, past: PredictionTimeoutError(p, limit, canceled=False, past_deadline=past),
)
TRAINING = JobKind(
    "trainings",
    Training,
    trainings_get.request_args,
    trainings_cancel.request_args,
    lambda t, limit, past: TrainingTimeoutError(t, limit),
)


def job_id(job: Prediction | Training | str) -> str:
    """The id of a prediction or training, or the id given."""
    if isinstance(job, str):
        return check_id(job)
    return job.id


def check_id(value: str) -> str:
    """Refuse an empty or non-string id before any request."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"id must be a non-empty string, got {value!r}")
    return value
