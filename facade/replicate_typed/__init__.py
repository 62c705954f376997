"""replicate-typed: a fully typed client for Replicate's HTTP API.

    from replicate_typed import Replicate

    with Replicate() as replicate:          # token from REPLICATE_API_TOKEN
        output = replicate.run("black-forest-labs/flux-schnell", {"prompt": "a fox"})

``Replicate`` and ``AsyncReplicate`` share one implementation of the logic;
results are the generated models (``Prediction`` and friends), re-exported here.

Public names are imported on first use (PEP 562): ``import replicate_typed``
loads almost nothing, and ``from replicate_typed import Prediction`` loads the
model without the HTTP stack. Type checkers see every name as usual.
"""

import importlib
from typing import TYPE_CHECKING

from replicate_typed._version import __version__

if TYPE_CHECKING:
    from replicate_api.models.account import Account
    from replicate_api.models.collection import Collection
    from replicate_api.models.collection_summary import CollectionSummary
    from replicate_api.models.deployment import Deployment
    from replicate_api.models.file_resource import FileResource
    from replicate_api.models.hardware import Hardware
    from replicate_api.models.model import Model
    from replicate_api.models.prediction import Prediction
    from replicate_api.models.prediction_metrics import PredictionMetrics
    from replicate_api.models.prediction_status import PredictionStatus
    from replicate_api.models.prediction_urls import PredictionUrls
    from replicate_api.models.search_results import SearchResults
    from replicate_api.models.training import Training
    from replicate_api.models.training_status import TrainingStatus
    from replicate_api.models.version import Version
    from replicate_api.types import JSON, UnknownValue

    from replicate_typed._async.account import AsyncAccountInfo
    from replicate_typed._async.client import AsyncReplicate
    from replicate_typed._async.collections import AsyncCollections
    from replicate_typed._async.deployments import AsyncDeployments
    from replicate_typed._async.files import AsyncFileOutput, AsyncFiles
    from replicate_typed._async.hardware import AsyncHardwareOptions
    from replicate_typed._async.models import AsyncModels, AsyncModelVersions
    from replicate_typed._async.pager import AsyncPager
    from replicate_typed._async.predictions import AsyncPredictions
    from replicate_typed._async.streams import AsyncPredictionStream
    from replicate_typed._async.trainings import AsyncTrainings
    from replicate_typed._async.webhooks import AsyncWebhooks
    from replicate_typed._batch.summary import (
        BatchProgress,
        BatchResult,
        BatchRetry,
        BatchSummary,
        Price,
    )
    from replicate_typed._budget import InProcessBudget, RateBudget
    from replicate_typed._errors import (
        APIConnectionError,
        APIError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ClientClosedError,
        ConflictError,
        DuplicateWebhookError,
        EventLoopError,
        InternalServerError,
        InvalidResponseError,
        MissingTokenError,
        ModelError,
        NotFoundError,
        OutputMismatchError,
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
    from replicate_typed._events import (
        Event,
        EventHook,
        RequestFailed,
        RequestSent,
        ResponseReceived,
        RetryScheduled,
        StatusChanged,
        Throttled,
    )
    from replicate_typed._hooks import combine_hooks
    from replicate_typed._pagination import Page
    from replicate_typed._polling import (
        TERMINAL_STATUSES,
        PollSchedule,
        is_terminal,
    )
    from replicate_typed._progress import Progress
    from replicate_typed._rate_limits import Limit, RateLimits
    from replicate_typed._retry import RetryPolicy
    from replicate_typed._sse import (
        DoneEvent,
        LogsEvent,
        OutputEvent,
        StreamEvent,
    )
    from replicate_typed._sync.account import AccountInfo
    from replicate_typed._sync.client import Replicate
    from replicate_typed._sync.collections import Collections
    from replicate_typed._sync.deployments import Deployments
    from replicate_typed._sync.files import FileOutput, Files
    from replicate_typed._sync.hardware import HardwareOptions
    from replicate_typed._sync.models import Models, ModelVersions
    from replicate_typed._sync.pager import Pager
    from replicate_typed._sync.predictions import Predictions
    from replicate_typed._sync.streams import PredictionStream
    from replicate_typed._sync.trainings import Trainings
    from replicate_typed._sync.webhooks import Webhooks
    from replicate_typed._typed import TypedPrediction, TypedTrainingJob
    from replicate_typed._webhook_ids import InMemoryWebhookIds, WebhookIdStore
    from replicate_typed._webhooks import (
        sign_webhook,
        verify_webhook,
    )

#: Where each public name lives.
_LOCATIONS = {
    "APIConnectionError": "replicate_typed._errors",
    "APIError": "replicate_typed._errors",
    "APITimeoutError": "replicate_typed._errors",
    "Account": "replicate_api.models.account",
    "AccountInfo": "replicate_typed._sync.account",
    "AsyncAccountInfo": "replicate_typed._async.account",
    "AsyncCollections": "replicate_typed._async.collections",
    "AsyncDeployments": "replicate_typed._async.deployments",
    "AsyncFileOutput": "replicate_typed._async.files",
    "AsyncFiles": "replicate_typed._async.files",
    "AsyncHardwareOptions": "replicate_typed._async.hardware",
    "AsyncModelVersions": "replicate_typed._async.models",
    "AsyncModels": "replicate_typed._async.models",
    "AsyncPager": "replicate_typed._async.pager",
    "AsyncPredictionStream": "replicate_typed._async.streams",
    "AsyncPredictions": "replicate_typed._async.predictions",
    "AsyncReplicate": "replicate_typed._async.client",
    "AsyncTrainings": "replicate_typed._async.trainings",
    "AsyncWebhooks": "replicate_typed._async.webhooks",
    "AuthenticationError": "replicate_typed._errors",
    "BadRequestError": "replicate_typed._errors",
    "ClientClosedError": "replicate_typed._errors",
    "Collection": "replicate_api.models.collection",
    "CollectionSummary": "replicate_api.models.collection_summary",
    "Collections": "replicate_typed._sync.collections",
    "ConflictError": "replicate_typed._errors",
    "EventLoopError": "replicate_typed._errors",
    "Event": "replicate_typed._events",
    "EventHook": "replicate_typed._events",
    "RequestFailed": "replicate_typed._events",
    "InProcessBudget": "replicate_typed._budget",
    "Limit": "replicate_typed._rate_limits",
    "RequestSent": "replicate_typed._events",
    "ResponseReceived": "replicate_typed._events",
    "RetryScheduled": "replicate_typed._events",
    "StatusChanged": "replicate_typed._events",
    "Throttled": "replicate_typed._events",
    "Deployment": "replicate_api.models.deployment",
    "Deployments": "replicate_typed._sync.deployments",
    "DoneEvent": "replicate_typed._sse",
    "DuplicateWebhookError": "replicate_typed._errors",
    "FileOutput": "replicate_typed._sync.files",
    "FileResource": "replicate_api.models.file_resource",
    "Files": "replicate_typed._sync.files",
    "Hardware": "replicate_api.models.hardware",
    "HardwareOptions": "replicate_typed._sync.hardware",
    "InMemoryWebhookIds": "replicate_typed._webhook_ids",
    "InternalServerError": "replicate_typed._errors",
    "InvalidResponseError": "replicate_typed._errors",
    "JSON": "replicate_api.types",
    "LogsEvent": "replicate_typed._sse",
    "MissingTokenError": "replicate_typed._errors",
    "Model": "replicate_api.models.model",
    "ModelError": "replicate_typed._errors",
    "ModelVersions": "replicate_typed._sync.models",
    "Models": "replicate_typed._sync.models",
    "NotFoundError": "replicate_typed._errors",
    "OutputEvent": "replicate_typed._sse",
    "OutputMismatchError": "replicate_typed._errors",
    "Page": "replicate_typed._pagination",
    "Pager": "replicate_typed._sync.pager",
    "PermissionDeniedError": "replicate_typed._errors",
    "PollSchedule": "replicate_typed._polling",
    "BatchProgress": "replicate_typed._batch.summary",
    "BatchResult": "replicate_typed._batch.summary",
    "BatchRetry": "replicate_typed._batch.summary",
    "BatchSummary": "replicate_typed._batch.summary",
    "Price": "replicate_typed._batch.summary",
    "Prediction": "replicate_api.models.prediction",
    "PredictionCanceledError": "replicate_typed._errors",
    "PredictionError": "replicate_typed._errors",
    "PredictionMetrics": "replicate_api.models.prediction_metrics",
    "PredictionStatus": "replicate_api.models.prediction_status",
    "PredictionStream": "replicate_typed._sync.streams",
    "PredictionTimeoutError": "replicate_typed._errors",
    "PredictionUrls": "replicate_api.models.prediction_urls",
    "Predictions": "replicate_typed._sync.predictions",
    "Progress": "replicate_typed._progress",
    "RateBudget": "replicate_typed._budget",
    "RateLimitError": "replicate_typed._errors",
    "RateLimits": "replicate_typed._rate_limits",
    "Replicate": "replicate_typed._sync.client",
    "ReplicateError": "replicate_typed._errors",
    "RetryPolicy": "replicate_typed._retry",
    "SearchResults": "replicate_api.models.search_results",
    "StreamEvent": "replicate_typed._sse",
    "StreamUnavailableError": "replicate_typed._errors",
    "TERMINAL_STATUSES": "replicate_typed._polling",
    "Training": "replicate_api.models.training",
    "TrainingStatus": "replicate_api.models.training_status",
    "TrainingTimeoutError": "replicate_typed._errors",
    "Trainings": "replicate_typed._sync.trainings",
    "TypedPrediction": "replicate_typed._typed",
    "TypedTrainingJob": "replicate_typed._typed",
    "UnknownStatusError": "replicate_typed._errors",
    "UnknownValue": "replicate_api.types",
    "UnprocessableEntityError": "replicate_typed._errors",
    "Version": "replicate_api.models.version",
    "WebhookIdStore": "replicate_typed._webhook_ids",
    "WebhookVerificationError": "replicate_typed._errors",
    "Webhooks": "replicate_typed._sync.webhooks",
    "combine_hooks": "replicate_typed._hooks",
    "is_terminal": "replicate_typed._polling",
    "sign_webhook": "replicate_typed._webhooks",
    "verify_webhook": "replicate_typed._webhooks",
}


if not TYPE_CHECKING:  # hidden from type checkers, so a misspelt import is still an error

    def __getattr__(name: str) -> object:
        module = _LOCATIONS.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "JSON",
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
    "BatchProgress",
    "BatchResult",
    "BatchRetry",
    "BatchSummary",
    "ClientClosedError",
    "Collection",
    "CollectionSummary",
    "Collections",
    "ConflictError",
    "Deployment",
    "Deployments",
    "DoneEvent",
    "DuplicateWebhookError",
    "Event",
    "EventHook",
    "EventLoopError",
    "FileOutput",
    "FileResource",
    "Files",
    "Hardware",
    "HardwareOptions",
    "InMemoryWebhookIds",
    "InProcessBudget",
    "InternalServerError",
    "InvalidResponseError",
    "Limit",
    "LogsEvent",
    "MissingTokenError",
    "Model",
    "ModelError",
    "ModelVersions",
    "Models",
    "NotFoundError",
    "OutputEvent",
    "OutputMismatchError",
    "Page",
    "Pager",
    "PermissionDeniedError",
    "PollSchedule",
    "Prediction",
    "PredictionCanceledError",
    "PredictionError",
    "PredictionMetrics",
    "PredictionStatus",
    "PredictionStream",
    "PredictionTimeoutError",
    "PredictionUrls",
    "Predictions",
    "Price",
    "Progress",
    "RateBudget",
    "RateLimitError",
    "RateLimits",
    "Replicate",
    "ReplicateError",
    "RequestFailed",
    "RequestSent",
    "ResponseReceived",
    "RetryPolicy",
    "RetryScheduled",
    "SearchResults",
    "StatusChanged",
    "StreamEvent",
    "StreamUnavailableError",
    "Throttled",
    "Training",
    "TrainingStatus",
    "TrainingTimeoutError",
    "Trainings",
    "TypedPrediction",
    "TypedTrainingJob",
    "UnknownStatusError",
    "UnknownValue",
    "UnprocessableEntityError",
    "Version",
    "WebhookIdStore",
    "WebhookVerificationError",
    "Webhooks",
    "__version__",
    "combine_hooks",
    "is_terminal",
    "sign_webhook",
    "verify_webhook",
]
