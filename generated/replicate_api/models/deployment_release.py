"""DeploymentRelease: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import bad_timestamp as _bad_timestamp
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(
    ("configuration", "created_at", "created_by", "model", "number", "version")
)


@_attrs_define
class DeploymentRelease:
    """The release that is live for this deployment right now.

    Attributes:
        configuration: Hardware and autoscaling settings for this release.
        created_at: Release time.
        created_by: Account that made this release.
        model: Deployed model, given as owner/name.
        number: Sequence number of this release; it grows with every change.
        version: Version ID this release runs.
        additional_properties: Fields the API sent that this release does not declare.
    """

    configuration: DeploymentReleaseConfiguration | None = None
    """ Hardware and autoscaling settings for this release. """
    created_at: datetime.datetime | None = None
    """ Release time. """
    created_by: DeploymentReleaseCreator | None = None
    """ Account that made this release. """
    model: str | None = None
    """ Deployed model, given as owner/name. """
    number: int | None = None
    """ Sequence number of this release; it grows with every change. """
    version: str | None = None
    """ Version ID this release runs. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        if self.configuration is not None:
            field_dict["configuration"] = self.configuration.to_dict()
        if self.created_at is not None:
            field_dict["created_at"] = self.created_at.isoformat()
        if self.created_by is not None:
            field_dict["created_by"] = self.created_by.to_dict()
        if self.model is not None:
            field_dict["model"] = self.model
        if self.number is not None:
            field_dict["number"] = self.number
        if self.version is not None:
            field_dict["version"] = self.version
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        configuration: DeploymentReleaseConfiguration | None
        _value = _get("configuration")
        if _value is None:
            configuration = None
        else:
            if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
                raise _mismatch("configuration", "an object", _value)
            configuration = DeploymentReleaseConfiguration.from_dict(_value)
        created_at: datetime.datetime | None
        _value = _get("created_at")
        if _value is None:
            created_at = None
        else:
            try:
                created_at = datetime.datetime.fromisoformat(_value)
            except (TypeError, ValueError):
                raise _bad_timestamp("created_at", _value) from None
        created_by: DeploymentReleaseCreator | None
        _value = _get("created_by")
        if _value is None:
            created_by = None
        else:
            if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
                raise _mismatch("created_by", "an object", _value)
            created_by = DeploymentReleaseCreator.from_dict(_value)
        model: str | None
        _value = _get("model")
        if _value is None:
            model = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("model", "a string", _value)
            model = _value
        number: int | None
        _value = _get("number")
        if _value is None:
            number = None
        else:
            if not (type(_value) is int):
                raise _mismatch("number", "an integer", _value)
            number = _value
        version: str | None
        _value = _get("version")
        if _value is None:
            version = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("version", "a string", _value)
            version = _value
        _result = cls(configuration, created_at, created_by, model, number, version)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result


# After the class: models that refer to each other find it defined.
from ..models.deployment_release_configuration import DeploymentReleaseConfiguration  # noqa: E402
from ..models.deployment_release_creator import DeploymentReleaseCreator  # noqa: E402
