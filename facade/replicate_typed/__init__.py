"""replicate-typed: a fully typed client for Replicate's HTTP API.

    from replicate_typed import Replicate

    with Replicate() as replicate:          # token from REPLICATE_API_TOKEN
        output = replicate.run("black-forest-labs/flux-schnell", {"prompt": "a fox"})

``Replicate`` and ``AsyncReplicate`` share one implementation of the logic;
results are the generated models (``Prediction`` and friends), re-exported here.
"""

from replicate_api.models.account import Account
from replicate_api.models.collection import Collection
from replicate_api.models.collection_summary import CollectionSummary
from replicate_api.models.deployment import Deployment
from replicate_api.models.file_resource import FileResource
from replicate_api.models.hardware import Hardware
from replicate_api.models.hidden_version import HiddenVersion
from replicate_api.models.model import Model
from replicate_api.models.prediction import Prediction
from replicate_api.models.prediction_status import PredictionStatus
from replicate_api.models.search_results import SearchResults
from replicate_api.models.training import Training
from replicate_api.models.training_status import TrainingStatus
from replicate_api.models.version import Version

from replicate_typed._async_catalog import (
    AsyncAccountInfo,
    AsyncCollections,
    AsyncDeployments,
    AsyncHardwareOptions,
    AsyncModels,
    AsyncModelVersions,
    AsyncWebhooks,
)
from replicate_typed._async_client import AsyncReplicate
from replicate_typed._async_files import AsyncFileOutput, AsyncFiles
from replicate_typed._async_pager import AsyncPager
from replicate_typed._async_predictions import AsyncPredictions, AsyncTrainings
from replicate_typed._async_streams import AsyncPredictionStream
from replicate_typed._catalog import (
    AccountInfo,
    Collections,
    Deployments,
    HardwareOptions,
    Models,
    ModelVersions,
    Webhooks,
)
from replicate_typed._client import Replicate
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
    StreamUnavailableError,
    TrainingTimeoutError,
    UnknownStatusError,
    UnprocessableEntityError,
    WebhookVerificationError,
)
from replicate_typed._files import FileOutput, Files
from replicate_typed._pager import Pager
from replicate_typed._pages import Page
from replicate_typed._polling import TERMINAL_STATUSES, PollSchedule, is_terminal
from replicate_typed._predictions import Predictions, Trainings
from replicate_typed._progress import Progress
from replicate_typed._retry import RetryPolicy
from replicate_typed._stream import DoneEvent, LogsEvent, OutputEvent, StreamEvent
from replicate_typed._streams import PredictionStream
from replicate_typed._version import __version__
from replicate_typed._webhooks import sign_webhook, verify_webhook

__all__ = [
    "TERMINAL_STATUSES",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "Account",
    "AccountInfo",
    "AsyncAccountInfo",
    "AsyncCollections",
    "AsyncDeployments",
    "AsyncFileOutput",
    "AsyncFiles",
    "AsyncHardwareOptions",
    "AsyncModelVersions",
    "AsyncModels",
    "AsyncPager",
    "AsyncPredictionStream",
    "AsyncPredictions",
    "AsyncReplicate",
    "AsyncTrainings",
    "AsyncWebhooks",
    "AuthenticationError",
    "BadRequestError",
    "Collection",
    "CollectionSummary",
    "Collections",
    "ConflictError",
    "Deployment",
    "Deployments",
    "DoneEvent",
    "FileOutput",
    "FileResource",
    "Files",
    "Hardware",
    "HardwareOptions",
    "HiddenVersion",
    "InternalServerError",
    "InvalidResponseError",
    "LogsEvent",
    "MissingTokenError",
    "Model",
    "ModelError",
    "ModelVersions",
    "Models",
    "NotFoundError",
    "OutputEvent",
    "Page",
    "Pager",
    "PermissionDeniedError",
    "PollSchedule",
    "Prediction",
    "PredictionCanceledError",
    "PredictionError",
    "PredictionStatus",
    "PredictionStream",
    "PredictionTimeoutError",
    "Predictions",
    "Progress",
    "RateLimitError",
    "Replicate",
    "ReplicateError",
    "RetryPolicy",
    "SearchResults",
    "StreamEvent",
    "StreamUnavailableError",
    "Training",
    "TrainingStatus",
    "TrainingTimeoutError",
    "Trainings",
    "UnknownStatusError",
    "UnprocessableEntityError",
    "Version",
    "WebhookVerificationError",
    "Webhooks",
    "__version__",
    "is_terminal",
    "sign_webhook",
    "verify_webhook",
]
