"""DeploymentReleaseConfiguration: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(("hardware", "max_instances", "min_instances"))


@_attrs_define
class DeploymentReleaseConfiguration:
    """Hardware and autoscaling settings for this release.

    Attributes:
        hardware: Hardware SKU the deployment's instances run on.
        max_instances: Upper bound on instances autoscaling may start.
        min_instances: Lower bound on instances kept running by autoscaling.
        additional_properties: Fields the API sent that this release does not declare.
    """

    hardware: str | None = None
    """ Hardware SKU the deployment's instances run on. """
    max_instances: int | None = None
    """ Upper bound on instances autoscaling may start. """
    min_instances: int | None = None
    """ Lower bound on instances kept running by autoscaling. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        if self.hardware is not None:
            field_dict["hardware"] = self.hardware
        if self.max_instances is not None:
            field_dict["max_instances"] = self.max_instances
        if self.min_instances is not None:
            field_dict["min_instances"] = self.min_instances
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        hardware: str | None
        _value = _get("hardware")
        if _value is None:
            hardware = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("hardware", "a string", _value)
            hardware = _value
        max_instances: int | None
        _value = _get("max_instances")
        if _value is None:
            max_instances = None
        else:
            if not (type(_value) is int):
                raise _mismatch("max_instances", "an integer", _value)
            max_instances = _value
        min_instances: int | None
        _value = _get("min_instances")
        if _value is None:
            min_instances = None
        else:
            if not (type(_value) is int):
                raise _mismatch("min_instances", "an integer", _value)
            min_instances = _value
        _result = cls(hardware, max_instances, min_instances)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result
