"""TrainingMetrics: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(("predict_time", "total_time"))


@_attrs_define
class TrainingMetrics:
    """Run timings.

    Attributes:
        predict_time: Seconds of compute (CPU or GPU) spent actually training.
        total_time: Seconds from creation to completion.
        additional_properties: Fields the API sent that this release does not declare.
    """

    predict_time: float | None = None
    """ Seconds of compute (CPU or GPU) spent actually training. """
    total_time: float | None = None
    """ Seconds from creation to completion. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        if self.predict_time is not None:
            field_dict["predict_time"] = self.predict_time
        if self.total_time is not None:
            field_dict["total_time"] = self.total_time
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        predict_time: float | None
        _value = _get("predict_time")
        if _value is None:
            predict_time = None
        else:
            if not (type(_value) is float or type(_value) is int):
                raise _mismatch("predict_time", "a number", _value)
            predict_time = _value
        total_time: float | None
        _value = _get("total_time")
        if _value is None:
            total_time = None
        else:
            if not (type(_value) is float or type(_value) is int):
                raise _mismatch("total_time", "a number", _value)
            total_time = _value
        _result = cls(predict_time, total_time)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result
