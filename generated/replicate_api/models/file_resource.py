from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.file_resource_checksums import FileResourceChecksums
    from ..models.file_resource_metadata import FileResourceMetadata
    from ..models.file_resource_urls import FileResourceUrls


T = TypeVar("T", bound="FileResource")


@_attrs_define
class FileResource:
    """An uploaded file stored with Replicate."""

    checksums: FileResourceChecksums
    """ Hashes of the content, per algorithm. """
    content_type: str
    """ MIME type recorded for the file. """
    created_at: datetime.datetime
    """ Upload timestamp. """
    expires_at: datetime.datetime
    """ Timestamp after which the file is no longer kept. """
    id: str
    """ Opaque random identifier of the file. """
    metadata: FileResourceMetadata
    """ Arbitrary JSON the uploader attached to the file. """
    size: int
    """ Size of the content in bytes. """
    urls: FileResourceUrls
    """ Links for accessing the file. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checksums = self.checksums.to_dict()

        content_type = self.content_type

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        id = self.id

        metadata = self.metadata.to_dict()

        size = self.size

        urls = self.urls.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checksums": checksums,
                "content_type": content_type,
                "created_at": created_at,
                "expires_at": expires_at,
                "id": id,
                "metadata": metadata,
                "size": size,
                "urls": urls,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checksums = FileResourceChecksums.from_dict(d.pop("checksums"))

        content_type = d.pop("content_type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        id = d.pop("id")

        metadata = FileResourceMetadata.from_dict(d.pop("metadata"))

        size = d.pop("size")

        urls = FileResourceUrls.from_dict(d.pop("urls"))

        file_resource = cls(
            checksums=checksums,
            content_type=content_type,
            created_at=created_at,
            expires_at=expires_at,
            id=id,
            metadata=metadata,
            size=size,
            urls=urls,
        )

        file_resource.additional_properties = d
        return file_resource

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
from ..models.file_resource_checksums import FileResourceChecksums  # noqa: E402
from ..models.file_resource_metadata import FileResourceMetadata  # noqa: E402
from ..models.file_resource_urls import FileResourceUrls  # noqa: E402
