from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PredictionUrls")


@_attrs_define
class PredictionUrls:
    """API and web links related to this prediction."""

    cancel: str
    """ POST here to stop the prediction. """
    get: str
    """ API link to poll this prediction. """
    web: str
    """ Browser link on replicate.com. """
    stream: str | Unset = UNSET
    """ Server-sent events endpoint for live output, when supported. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cancel = self.cancel

        get = self.get

        web = self.web

        stream = self.stream

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cancel": cancel,
                "get": get,
                "web": web,
            }
        )
        if stream is not UNSET:
            field_dict["stream"] = stream

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cancel = d.pop("cancel")

        get = d.pop("get")

        web = d.pop("web")

        stream = d.pop("stream", UNSET)

        prediction_urls = cls(
            cancel=cancel,
            get=get,
            web=web,
            stream=stream,
        )

        prediction_urls.additional_properties = d
        return prediction_urls

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
