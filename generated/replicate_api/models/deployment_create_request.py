from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeploymentCreateRequest")


@_attrs_define
class DeploymentCreateRequest:
    """The body that creates a deployment of a model version.

    Attributes:
        hardware: Hardware SKU to run on; see the hardware listing for choices.
        max_instances: Most instances autoscaling is allowed to run.
        min_instances: Fewest instances autoscaling keeps running.
        model: Model to serve, written owner/name.
        name: Name for the new deployment.
        version: Version ID (64 hex chars) to serve.
        additional_properties: Fields sent as given, besides the declared ones.
    """

    hardware: str
    """ Hardware SKU to run on; see the hardware listing for choices. """
    max_instances: int
    """ Most instances autoscaling is allowed to run. """
    min_instances: int
    """ Fewest instances autoscaling keeps running. """
    model: str
    """ Model to serve, written owner/name. """
    name: str
    """ Name for the new deployment. """
    version: str
    """ Version ID (64 hex chars) to serve. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """ Fields sent as given, besides the declared ones. """

    def to_dict(self) -> dict[str, Any]:
        hardware = self.hardware

        max_instances = self.max_instances

        min_instances = self.min_instances

        model = self.model

        name = self.name

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hardware": hardware,
                "max_instances": max_instances,
                "min_instances": min_instances,
                "model": model,
                "name": name,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hardware = d.pop("hardware")

        max_instances = d.pop("max_instances")

        min_instances = d.pop("min_instances")

        model = d.pop("model")

        name = d.pop("name")

        version = d.pop("version")

        deployment_create_request = cls(
            hardware=hardware,
            max_instances=max_instances,
            min_instances=min_instances,
            model=model,
            name=name,
            version=version,
        )

        deployment_create_request.additional_properties = d
        return deployment_create_request

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
