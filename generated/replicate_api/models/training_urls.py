from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TrainingUrls")


@_attrs_define
class TrainingUrls:
    """API links related to this training."""

    cancel: str | Unset = UNSET
    """ POST here to stop the training. """
    get: str | Unset = UNSET
    """ API link to poll this training. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cancel = self.cancel

        get = self.get

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cancel is not UNSET:
            field_dict["cancel"] = cancel
        if get is not UNSET:
            field_dict["get"] = get

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cancel = d.pop("cancel", UNSET)

        get = d.pop("get", UNSET)

        training_urls = cls(
            cancel=cancel,
            get=get,
        )

        training_urls.additional_properties = d
        return training_urls

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
