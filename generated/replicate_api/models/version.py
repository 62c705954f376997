"""Version: a response model, written by scripts/lib/regenerate/readers.py."""

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
    ("created_at", "id", "cog_version", "openapi_schema")
)


@_attrs_define
class Version:
    """One immutable build of a model, with the schema of its inputs and output.

    Attributes:
        created_at: When this version was pushed.
        id: Identifier of this version.
        cog_version: Cog release that built this version.
        openapi_schema: OpenAPI doc with Input/Output schemas.
        additional_properties: Fields the API sent that this release does not declare.
    """

    created_at: datetime.datetime
    """ When this version was pushed. """
    id: str
    """ Identifier of this version. """
    cog_version: str | None = None
    """ Cog release that built this version. """
    openapi_schema: dict[str, JSON] | None = None
    """ OpenAPI doc with Input/Output schemas. """
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)
    """ Fields the API sent that this release does not declare. """

    def to_dict(self) -> dict[str, JSON]:
        """This model as the JSON object the API sends (absent fields left out)."""
        field_dict: dict[str, JSON] = dict(self.additional_properties)
        field_dict["created_at"] = self.created_at.isoformat()
        field_dict["id"] = self.id
        if self.cog_version is not None:
            field_dict["cog_version"] = self.cog_version
        if self.openapi_schema is not None:
            field_dict["openapi_schema"] = dict(self.openapi_schema)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Read the JSON object; TypeError, ValueError or KeyError if it does not fit."""
        _get = src_dict.get
        created_at: datetime.datetime
        _value = src_dict["created_at"]
        try:
            created_at = datetime.datetime.fromisoformat(_value)
        except (TypeError, ValueError):
            raise _bad_timestamp("created_at", _value) from None
        id: str
        _value = src_dict["id"]
        if not (isinstance(_value, str)):
            raise _mismatch("id", "a string", _value)
        id = _value
        cog_version: str | None
        _value = _get("cog_version")
        if _value is None:
            cog_version = None
        else:
            if not (isinstance(_value, str)):
                raise _mismatch("cog_version", "a string", _value)
            cog_version = _value
        openapi_schema: dict[str, JSON] | None
        _value = _get("openapi_schema")
        if _value is None:
            openapi_schema = None
        else:
            if not (isinstance(_value, dict) or isinstance(_value, Mapping)):
                raise _mismatch("openapi_schema", "an object", _value)
            openapi_schema = dict(_value)
        _result = cls(created_at, id, cog_version, openapi_schema)
        if not _FIELDS.issuperset(src_dict):
            _result.additional_properties = {
                _key: _extra for _key, _extra in src_dict.items() if _key not in _FIELDS
            }
        return _result
