"""Deployment: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(("name", "owner", "current_release"))


@_attrs_define
class Deployment:
    """A named endpoint that serves one model version, on hardware and with autoscaling you choose.

    Attributes:
        name: Deployment name, unique within its owner.
        owner: Owning account.
        current_release: The release that is live for this deployment right now.
        additional_properties: Fields the API sent that this release does not declare.
    """

    name: str
    """ Deployment name, unique within its owner. """
    owner: str
    """ Owning account. """
    current_release: DeploymentRelease | None = None
    """ The release that is live for this deployment right now. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        field_dict["name"] = self.name
        field_dict["owner"] = self.owner
        if self.current_release is not None:
            field_dict["current_release"] = self.current_release.to_dict()
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        name: str
        _value = src_dict["name"]
        if not (isinstance(_value, str)):
            raise _mismatch("name", "a string", _value)
        name = _value
        owner: str
        _value = src_dict["owner"]
        if not (isinstance(_value, str)):
            raise _mismatch("owner", "a string", _value)
        owner = _value
        current_release: DeploymentRelease | None
        _value = _get("current_release")
        if _value is None:
            current_release = None
        else:
            if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
                raise _mismatch("current_release", "an object", _value)
            current_release = DeploymentRelease.from_dict(_value)
        _result = cls(name, owner, current_release)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result


# After the class: models that refer to each other find it defined.
from ..models.deployment_release import DeploymentRelease  # noqa: E402
