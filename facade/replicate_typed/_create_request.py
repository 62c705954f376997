"""The request that creates a prediction, for each kind of target.

A version id, an official model and a deployment are three operations with
three bodies; ``Prefer`` and ``Cancel-After`` go on each, and a sync-mode
create gets a read timeout that outlasts its window.
"""

from __future__ import annotations

from typing import Any

from replicate_api.api.deployments import deployments_predictions_create
from replicate_api.api.models import models_predictions_create
from replicate_api.api.predictions import predictions_create
from replicate_api.models.prediction_request import PredictionRequest
from replicate_api.models.prediction_request_input import PredictionRequestInput
from replicate_api.models.version_prediction_request import VersionPredictionRequest
from replicate_api.models.version_prediction_request_input import VersionPredictionRequestInput
from replicate_api.models.webhook_event import WebhookEvent
from replicate_api.types import UNSET, Unset

from replicate_typed import _refs
from replicate_typed._core import Core
from replicate_typed._effects import Send
from replicate_typed._options import CreateOptions, unset_if_none


def create_request(
    target: _refs.Target, input: dict[str, Any], options: CreateOptions, core: Core
) -> Send:
    """The ``Send`` for a create of ``target`` with ``input`` and the caller's options."""
    headers: dict[str, Any] = {
        "prefer": unset_if_none(options.prefer),
        "cancel_after": unset_if_none(options.cancel_after),
    }
    timeout = core.settings.read_timeout_for_window(options.window)
    if isinstance(target, _refs.ModelVersion):
        version_body = VersionPredictionRequest(
            version=target.version_id,
            input_=VersionPredictionRequestInput.from_dict(input),
            webhook=unset_if_none(options.webhook),
            webhook_events_filter=events_of(options),
        )
        kwargs = predictions_create.request_args(body=version_body, **headers)
        return Send("predictions.create", kwargs, timeout)
    body = PredictionRequest(
        input_=PredictionRequestInput.from_dict(input),
        webhook=unset_if_none(options.webhook),
        webhook_events_filter=events_of(options),
    )
    if isinstance(target, _refs.OfficialModel):
        kwargs = models_predictions_create.request_args(
            target.owner, target.name, body=body, **headers
        )
        return Send("models.predictions.create", kwargs, timeout)
    kwargs = deployments_predictions_create.request_args(
        target.owner, target.name, body=body, **headers
    )
    return Send("deployments.predictions.create", kwargs, timeout)


def events_of(options: CreateOptions) -> list[WebhookEvent] | Unset:
    """The webhook events to send for, as the generated request models take them."""
    if options.webhook_events_filter is None:
        return UNSET
    return [WebhookEvent(event) for event in options.webhook_events_filter]
