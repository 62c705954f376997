"""PredictionUrls: a response model, written by scripts/lib/regenerate/readers.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import JSON
from ..types import mismatch as _mismatch

_FIELDS: frozenset[str] = frozenset(("cancel", "get", "stream", "web"))


@_attrs_define
class PredictionUrls:
    """API and web links related to this prediction.

    Attributes:
        cancel: POST here to stop the prediction.
        get: API link to poll this prediction.
        stream: Server-sent events endpoint for live output, when supported.
        web: Browser link on replicate.com.
        additional_properties: Fields the API sent that this release does not declare.
    """

    cancel: str
    """ POST here to stop the prediction. """
    get: str
    """ API link to poll this prediction. """
    stream: str | None = None
    """ Server-sent events endpoint for live output, when supported. """
    web: str | None = None
    """ Browser link on replicate.com. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        field_dict["cancel"] = self.cancel
        field_dict["get"] = self.get
        if self.stream is not None:
            field_dict["stream"] = self.stream
        if self.web is not None:
            field_dict["web"] = self.web
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        cancel: str
        _value = src_dict["cancel"]
        if not (isinstance(_value, str)):
            raise _mismatch("cancel", "a string", _value)
        cancel = _value
        get: str
        _value = src_dict["get"]
        if not (isinstance(_value, str)):
            raise _mismatch("get", "a string", _value)
        get = _value
        stream: str | None
        _value = _get("stream")
        if _value is None:
            stream = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("stream", "a string", _value)
            stream = _value
        web: str | None
        _value = _get("web")
        if _value is None:
            web = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("web", "a string", _value)
            web = _value
        _result = cls(cancel, get, stream, web)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result
