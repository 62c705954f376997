from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.version_openapi_schema import VersionOpenapiSchema


T = TypeVar("T", bound="Version")


@_attrs_define
class Version:
    cog_version: None | str | Unset = UNSET
    """ Cog release that built this version. """
    created_at: datetime.datetime | Unset = UNSET
    """ When this version was pushed. """
    id: str | Unset = UNSET
    """ Identifier of this version. """
    openapi_schema: None | Unset | VersionOpenapiSchema = UNSET
    """ OpenAPI doc with Input/Output schemas. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cog_version: None | str | Unset
        if isinstance(self.cog_version, Unset):
            cog_version = UNSET
        else:
            cog_version = self.cog_version

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        id = self.id

        openapi_schema: dict[str, Any] | None | Unset
        if isinstance(self.openapi_schema, Unset):
            openapi_schema = UNSET
        elif isinstance(self.openapi_schema, VersionOpenapiSchema):
            openapi_schema = self.openapi_schema.to_dict()
        else:
            openapi_schema = self.openapi_schema

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cog_version is not UNSET:
            field_dict["cog_version"] = cog_version
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if id is not UNSET:
            field_dict["id"] = id
        if openapi_schema is not UNSET:
            field_dict["openapi_schema"] = openapi_schema

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_cog_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast("None | str | Unset", data)

        cog_version = _parse_cog_version(d.pop("cog_version", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        id = d.pop("id", UNSET)

        def _parse_openapi_schema(data: object) -> None | Unset | VersionOpenapiSchema:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                openapi_schema_type_0 = VersionOpenapiSchema.from_dict(data)

                return openapi_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast("None | Unset | VersionOpenapiSchema", data)

        openapi_schema = _parse_openapi_schema(d.pop("openapi_schema", UNSET))

        version = cls(
            cog_version=cog_version,
            created_at=created_at,
            id=id,
            openapi_schema=openapi_schema,
        )

        version.additional_properties = d
        return version

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
from ..models.version_openapi_schema import VersionOpenapiSchema  # noqa: E402
