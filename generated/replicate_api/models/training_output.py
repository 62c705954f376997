"""TrainingOutput: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(("version", "weights"))


@_attrs_define
class TrainingOutput:
    """Results of a finished training.

    Attributes:
        version: Version the run pushed.
        weights: Location of the resulting trained weights.
        additional_properties: Fields the API sent that this release does not declare.
    """

    version: str | None = None
    """ Version the run pushed. """
    weights: str | None = None
    """ Location of the resulting trained weights. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        if self.version is not None:
            field_dict["version"] = self.version
        if self.weights is not None:
            field_dict["weights"] = self.weights
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        version: str | None
        _value = _get("version")
        if _value is None:
            version = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("version", "a string", _value)
            version = _value
        weights: str | None
        _value = _get("weights")
        if _value is None:
            weights = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("weights", "a string", _value)
            weights = _value
        _result = cls(version, weights)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result
