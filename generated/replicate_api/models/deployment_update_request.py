from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeploymentUpdateRequest")


@_attrs_define
class DeploymentUpdateRequest:
    """The body that changes a deployment; fields left out keep their values.

    Attributes:
        hardware: New hardware SKU; see the hardware listing for choices.
        max_instances: New upper limit on instances.
        min_instances: New lower limit on instances.
        version: Model version the deployment should switch to.
        additional_properties: Fields sent as given, besides the declared ones.
    """

    hardware: str | Unset = UNSET
    """ New hardware SKU; see the hardware listing for choices. """
    max_instances: int | Unset = UNSET
    """ New upper limit on instances. """
    min_instances: int | Unset = UNSET
    """ New lower limit on instances. """
    version: str | Unset = UNSET
    """ Model version the deployment should switch to. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """ Fields sent as given, besides the declared ones. """

    def to_dict(self) -> dict[str, Any]:
        hardware = self.hardware

        max_instances = self.max_instances

        min_instances = self.min_instances

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if hardware is not UNSET:
            field_dict["hardware"] = hardware
        if max_instances is not UNSET:
            field_dict["max_instances"] = max_instances
        if min_instances is not UNSET:
            field_dict["min_instances"] = min_instances
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hardware = d.pop("hardware", UNSET)

        max_instances = d.pop("max_instances", UNSET)

        min_instances = d.pop("min_instances", UNSET)

        version = d.pop("version", UNSET)

        deployment_update_request = cls(
            hardware=hardware,
            max_instances=max_instances,
            min_instances=min_instances,
            version=version,
        )

        deployment_update_request.additional_properties = d
        return deployment_update_request

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
