from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event import WebhookEvent
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.training_request_input import TrainingRequestInput


T = TypeVar("T", bound="TrainingRequest")


@_attrs_define
class TrainingRequest:
    """The body that starts a training of the version named in the URL.

    Attributes:
        destination: Existing model you own, as owner/name, that receives the trained version.
        input_: Keyword args for Cog's train().
        webhook: HTTPS URL that gets the training POSTed when done; no redirects, calls may repeat.
        webhook_events_filter: Events that fire the webhook; if omitted, new output and completion are sent.
        additional_properties: Fields sent as given, besides the declared ones.
    """

    destination: str
    """ Existing model you own, as owner/name, that receives the trained version. """
    input_: TrainingRequestInput
    """ Keyword args for Cog's train(). """
    webhook: str | Unset = UNSET
    """ HTTPS URL that gets the training POSTed when done; no redirects, calls may repeat. """
    webhook_events_filter: list[WebhookEvent] | Unset = UNSET
    """ Events that fire the webhook; if omitted, new output and completion are sent. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """ Fields sent as given, besides the declared ones. """

    def to_dict(self) -> dict[str, Any]:
        destination = self.destination

        input_ = self.input_.to_dict()

        webhook = self.webhook

        webhook_events_filter: list[str] | Unset = UNSET
        if not isinstance(self.webhook_events_filter, Unset):
            webhook_events_filter = []
            for webhook_events_filter_item_data in self.webhook_events_filter:
                webhook_events_filter_item = webhook_events_filter_item_data.value
                webhook_events_filter.append(webhook_events_filter_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "destination": destination,
                "input": input_,
            }
        )
        if webhook is not UNSET:
            field_dict["webhook"] = webhook
        if webhook_events_filter is not UNSET:
            field_dict["webhook_events_filter"] = webhook_events_filter

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        destination = d.pop("destination")

        input_ = TrainingRequestInput.from_dict(d.pop("input"))

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

        training_request = cls(
            destination=destination,
            input_=input_,
            webhook=webhook,
            webhook_events_filter=webhook_events_filter,
        )

        training_request.additional_properties = d
        return training_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# After the class, not inside its methods: modules that import each other find it defined.
from ..models.training_request_input import TrainingRequestInput  # noqa: E402
