"""replicate-typed: a fully typed client for Replicate's HTTP API.

    from replicate_typed import Replicate

    with Replicate() as replicate:          # token from REPLICATE_API_TOKEN
        output = replicate.run("black-forest-labs/flux-schnell", {"prompt": "a fox"})

``Replicate`` and ``AsyncReplicate`` share one implementation of the logic;
results are the generated models (``Prediction`` and friends), re-exported here.
"""

from replicate_api.models.hidden_version import HiddenVersion
from replicate_api.models.model import Model
from replicate_api.models.prediction import Prediction
from replicate_api.models.prediction_status import PredictionStatus
from replicate_api.models.version import Version

from replicate_typed._async_client import AsyncPredictions, AsyncReplicate
from replicate_typed._client import Predictions, Replicate
from replicate_typed._errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    InvalidResponseError,
    MissingTokenError,
    ModelError,
    NotFoundError,
    PermissionDeniedError,
    PredictionCanceledError,
    PredictionError,
    PredictionTimeoutError,
    RateLimitError,
    ReplicateError,
    UnknownStatusError,
    UnprocessableEntityError,
)
from replicate_typed._polling import TERMINAL_STATUSES, PollSchedule, is_terminal
from replicate_typed._retry import RetryPolicy
from replicate_typed._version import __version__

__all__ = [
    "TERMINAL_STATUSES",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncPredictions",
    "AsyncReplicate",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "HiddenVersion",
    "InternalServerError",
    "InvalidResponseError",
    "MissingTokenError",
    "Model",
    "ModelError",
    "NotFoundError",
    "PermissionDeniedError",
    "PollSchedule",
    "Prediction",
    "PredictionCanceledError",
    "PredictionError",
    "PredictionStatus",
    "PredictionTimeoutError",
    "Predictions",
    "RateLimitError",
    "Replicate",
    "ReplicateError",
    "RetryPolicy",
    "UnknownStatusError",
    "UnprocessableEntityError",
    "Version",
    "__version__",
    "is_terminal",
]
