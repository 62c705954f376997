from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deployment_release_configuration import DeploymentReleaseConfiguration
    from ..models.deployment_release_creator import DeploymentReleaseCreator


T = TypeVar("T", bound="DeploymentRelease")


@_attrs_define
class DeploymentRelease:
    """The release that is live for this deployment right now."""

    configuration: DeploymentReleaseConfiguration | Unset = UNSET
    """ Hardware and autoscaling settings for this release. """
    created_at: datetime.datetime | Unset = UNSET
    """ Release time. """
    created_by: DeploymentReleaseCreator | Unset = UNSET
    """ Account that made this release. """
    model: str | Unset = UNSET
    """ Deployed model, given as owner/name. """
    number: int | Unset = UNSET
    """ Sequence number of this release; it grows with every change. """
    version: str | Unset = UNSET
    """ Version ID this release runs. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        configuration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.configuration, Unset):
            configuration = self.configuration.to_dict()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        created_by: dict[str, Any] | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = self.created_by.to_dict()

        model = self.model

        number = self.number

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if configuration is not UNSET:
            field_dict["configuration"] = configuration
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if model is not UNSET:
            field_dict["model"] = model
        if number is not UNSET:
            field_dict["number"] = number
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _configuration = d.pop("configuration", UNSET)
        configuration: DeploymentReleaseConfiguration | Unset
        if isinstance(_configuration, Unset):
            configuration = UNSET
        else:
            configuration = DeploymentReleaseConfiguration.from_dict(_configuration)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _created_by = d.pop("created_by", UNSET)
        created_by: DeploymentReleaseCreator | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = DeploymentReleaseCreator.from_dict(_created_by)

        model = d.pop("model", UNSET)

        number = d.pop("number", UNSET)

        version = d.pop("version", UNSET)

        deployment_release = cls(
            configuration=configuration,
            created_at=created_at,
            created_by=created_by,
            model=model,
            number=number,
            version=version,
        )

        deployment_release.additional_properties = d
        return deployment_release

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
from ..models.deployment_release_configuration import DeploymentReleaseConfiguration  # noqa: E402
from ..models.deployment_release_creator import DeploymentReleaseCreator  # noqa: E402
