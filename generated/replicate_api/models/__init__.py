"""Contains all the data models used in inputs/outputs.

Each model is imported on first use, so importing one does not import them all.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .account import Account
    from .account_type import AccountType
    from .collection import Collection
    from .collection_page import CollectionPage
    from .collection_summary import CollectionSummary
    from .deployment import Deployment
    from .deployment_create_request import DeploymentCreateRequest
    from .deployment_page import DeploymentPage
    from .deployment_release import DeploymentRelease
    from .deployment_release_configuration import DeploymentReleaseConfiguration
    from .deployment_release_creator import DeploymentReleaseCreator
    from .deployment_update_request import DeploymentUpdateRequest
    from .documentation_page import DocumentationPage
    from .file_create_request import FileCreateRequest
    from .file_create_request_metadata import FileCreateRequestMetadata
    from .file_delete_not_found_problem import FileDeleteNotFoundProblem
    from .file_download_not_found_problem import FileDownloadNotFoundProblem
    from .file_not_found_problem import FileNotFoundProblem
    from .file_page import FilePage
    from .file_resource import FileResource
    from .file_resource_checksums import FileResourceChecksums
    from .file_resource_metadata import FileResourceMetadata
    from .file_resource_urls import FileResourceUrls
    from .file_too_large_problem import FileTooLargeProblem
    from .hardware import Hardware
    from .model import Model
    from .model_create_request import ModelCreateRequest
    from .model_create_request_visibility import ModelCreateRequestVisibility
    from .model_page import ModelPage
    from .model_sort_by import ModelSortBy
    from .model_update_request import ModelUpdateRequest
    from .model_visibility import ModelVisibility
    from .prediction import Prediction
    from .prediction_example_page import PredictionExamplePage
    from .prediction_input import PredictionInput
    from .prediction_metrics import PredictionMetrics
    from .prediction_page import PredictionPage
    from .prediction_request import PredictionRequest
    from .prediction_request_input import PredictionRequestInput
    from .prediction_source import PredictionSource
    from .prediction_source_filter import PredictionSourceFilter
    from .prediction_status import PredictionStatus
    from .prediction_urls import PredictionUrls
    from .search_bad_request_problem import SearchBadRequestProblem
    from .search_collection import SearchCollection
    from .search_model_metadata import SearchModelMetadata
    from .search_model_result import SearchModelResult
    from .search_results import SearchResults
    from .search_server_error_problem import SearchServerErrorProblem
    from .sort_direction import SortDirection
    from .training import Training
    from .training_input import TrainingInput
    from .training_metrics import TrainingMetrics
    from .training_output import TrainingOutput
    from .training_page import TrainingPage
    from .training_request import TrainingRequest
    from .training_request_input import TrainingRequestInput
    from .training_source import TrainingSource
    from .training_status import TrainingStatus
    from .training_urls import TrainingUrls
    from .version import Version
    from .version_openapi_schema import VersionOpenapiSchema
    from .version_page import VersionPage
    from .version_prediction_request import VersionPredictionRequest
    from .version_prediction_request_input import VersionPredictionRequestInput
    from .webhook_event import WebhookEvent
    from .webhook_secret import WebhookSecret

_MODULES = {
    "Account": ".account",
    "AccountType": ".account_type",
    "Collection": ".collection",
    "CollectionPage": ".collection_page",
    "CollectionSummary": ".collection_summary",
    "Deployment": ".deployment",
    "DeploymentCreateRequest": ".deployment_create_request",
    "DeploymentPage": ".deployment_page",
    "DeploymentRelease": ".deployment_release",
    "DeploymentReleaseConfiguration": ".deployment_release_configuration",
    "DeploymentReleaseCreator": ".deployment_release_creator",
    "DeploymentUpdateRequest": ".deployment_update_request",
    "DocumentationPage": ".documentation_page",
    "FileCreateRequest": ".file_create_request",
    "FileCreateRequestMetadata": ".file_create_request_metadata",
    "FileDeleteNotFoundProblem": ".file_delete_not_found_problem",
    "FileDownloadNotFoundProblem": ".file_download_not_found_problem",
    "FileNotFoundProblem": ".file_not_found_problem",
    "FilePage": ".file_page",
    "FileResource": ".file_resource",
    "FileResourceChecksums": ".file_resource_checksums",
    "FileResourceMetadata": ".file_resource_metadata",
    "FileResourceUrls": ".file_resource_urls",
    "FileTooLargeProblem": ".file_too_large_problem",
    "Hardware": ".hardware",
    "Model": ".model",
    "ModelCreateRequest": ".model_create_request",
    "ModelCreateRequestVisibility": ".model_create_request_visibility",
    "ModelPage": ".model_page",
    "ModelSortBy": ".model_sort_by",
    "ModelUpdateRequest": ".model_update_request",
    "ModelVisibility": ".model_visibility",
    "Prediction": ".prediction",
    "PredictionExamplePage": ".prediction_example_page",
    "PredictionInput": ".prediction_input",
    "PredictionMetrics": ".prediction_metrics",
    "PredictionPage": ".prediction_page",
    "PredictionRequest": ".prediction_request",
    "PredictionRequestInput": ".prediction_request_input",
    "PredictionSource": ".prediction_source",
    "PredictionSourceFilter": ".prediction_source_filter",
    "PredictionStatus": ".prediction_status",
    "PredictionUrls": ".prediction_urls",
    "SearchBadRequestProblem": ".search_bad_request_problem",
    "SearchCollection": ".search_collection",
    "SearchModelMetadata": ".search_model_metadata",
    "SearchModelResult": ".search_model_result",
    "SearchResults": ".search_results",
    "SearchServerErrorProblem": ".search_server_error_problem",
    "SortDirection": ".sort_direction",
    "Training": ".training",
    "TrainingInput": ".training_input",
    "TrainingMetrics": ".training_metrics",
    "TrainingOutput": ".training_output",
    "TrainingPage": ".training_page",
    "TrainingRequest": ".training_request",
    "TrainingRequestInput": ".training_request_input",
    "TrainingSource": ".training_source",
    "TrainingStatus": ".training_status",
    "TrainingUrls": ".training_urls",
    "Version": ".version",
    "VersionOpenapiSchema": ".version_openapi_schema",
    "VersionPage": ".version_page",
    "VersionPredictionRequest": ".version_prediction_request",
    "VersionPredictionRequestInput": ".version_prediction_request_input",
    "WebhookEvent": ".webhook_event",
    "WebhookSecret": ".webhook_secret",
}


if (
    not TYPE_CHECKING
):  # hidden from type checkers, so a misspelt import is still an error

    def __getattr__(name: str) -> object:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value


__all__ = (
    "Account",
    "AccountType",
    "Collection",
    "CollectionPage",
    "CollectionSummary",
    "Deployment",
    "DeploymentCreateRequest",
    "DeploymentPage",
    "DeploymentRelease",
    "DeploymentReleaseConfiguration",
    "DeploymentReleaseCreator",
    "DeploymentUpdateRequest",
    "DocumentationPage",
    "FileCreateRequest",
    "FileCreateRequestMetadata",
    "FileDeleteNotFoundProblem",
    "FileDownloadNotFoundProblem",
    "FileNotFoundProblem",
    "FilePage",
    "FileResource",
    "FileResourceChecksums",
    "FileResourceMetadata",
    "FileResourceUrls",
    "FileTooLargeProblem",
    "Hardware",
    "Model",
    "ModelCreateRequest",
    "ModelCreateRequestVisibility",
    "ModelPage",
    "ModelSortBy",
    "ModelUpdateRequest",
    "ModelVisibility",
    "Prediction",
    "PredictionExamplePage",
    "PredictionInput",
    "PredictionMetrics",
    "PredictionPage",
    "PredictionRequest",
    "PredictionRequestInput",
    "PredictionSource",
    "PredictionSourceFilter",
    "PredictionStatus",
    "PredictionUrls",
    "SearchBadRequestProblem",
    "SearchCollection",
    "SearchModelMetadata",
    "SearchModelResult",
    "SearchResults",
    "SearchServerErrorProblem",
    "SortDirection",
    "Training",
    "TrainingInput",
    "TrainingMetrics",
    "TrainingOutput",
    "TrainingPage",
    "TrainingRequest",
    "TrainingRequestInput",
    "TrainingSource",
    "TrainingStatus",
    "TrainingUrls",
    "Version",
    "VersionOpenapiSchema",
    "VersionPage",
    "VersionPredictionRequest",
    "VersionPredictionRequestInput",
    "WebhookEvent",
    "WebhookSecret",
)
