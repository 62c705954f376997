from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.webhook_event import WebhookEvent
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.prediction_request_input import PredictionRequestInput


T = TypeVar("T", bound="PredictionRequest")


@_attrs_define
class PredictionRequest:
    """The body that starts a prediction on a model or deployment named in the URL.

    Attributes:
        input_: Model inputs as JSON, per the version's openapi_schema; files go in as URLs or data URIs.
        stream: Deprecated and ignored: urls.stream is returned anyway when the model can stream.
        webhook: HTTPS URL that gets the prediction POSTed on updates; no redirects, calls may repeat.
        webhook_events_filter: Events that fire the webhook; if omitted, new output and completion are sent.
    """

    input_: PredictionRequestInput
    """ Model inputs as JSON, per the version's openapi_schema; files go in as URLs or data URIs. """
    stream: bool | Unset = UNSET
    """ Deprecated and ignored: urls.stream is returned anyway when the model can stream. """
    webhook: str | Unset = UNSET
    """ HTTPS URL that gets the prediction POSTed on updates; no redirects, calls may repeat. """
    webhook_events_filter: list[WebhookEvent] | Unset = UNSET
    """ Events that fire the webhook; if omitted, new output and completion are sent. """

    def to_dict(self) -> dict[str, Any]:
        input_ = self.input_.to_dict()

        stream = self.stream

        webhook = self.webhook

        webhook_events_filter: list[str] | Unset = UNSET
        if not isinstance(self.webhook_events_filter, Unset):
            webhook_events_filter = []
            for webhook_events_filter_item_data in self.webhook_events_filter:
                webhook_events_filter_item = webhook_events_filter_item_data.value
                webhook_events_filter.append(webhook_events_filter_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "input": input_,
            }
        )
        if stream is not UNSET:
            field_dict["stream"] = stream
        if webhook is not UNSET:
            field_dict["webhook"] = webhook
        if webhook_events_filter is not UNSET:
            field_dict["webhook_events_filter"] = webhook_events_filter

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        input_ = PredictionRequestInput.from_dict(d.pop("input"))

        stream = d.pop("stream", UNSET)

        webhook = d.pop("webhook", UNSET)

        _webhook_events_filter = d.pop("webhook_events_filter", UNSET)
        webhook_events_filter: list[WebhookEvent] | Unset = UNSET
        if _webhook_events_filter is not UNSET:
            webhook_events_filter = []
            for webhook_events_filter_item_data in _webhook_events_filter:
                webhook_events_filter_item = WebhookEvent(
                    webhook_events_filter_item_data
                )

                webhook_events_filter.append(webhook_events_filter_item)

        prediction_request = cls(
            input_=input_,
            stream=stream,
            webhook=webhook,
            webhook_events_filter=webhook_events_filter,
        )

        return prediction_request


# After the class, not inside its methods: modules that import each other find it defined.
from ..models.prediction_request_input import PredictionRequestInput  # noqa: E402
