from __future__ import annotations

import json
from collections.abc import Mapping
from io import BytesIO
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, File, Unset

if TYPE_CHECKING:
    from ..models.file_create_request_metadata import FileCreateRequestMetadata


T = TypeVar("T", bound="FileCreateRequest")


@_attrs_define
class FileCreateRequest:
    """The multipart form that uploads a file: its bytes, and optionally a name, a type and metadata.

    Attributes:
        content: Raw bytes to upload.
        filename: Name to store the file under (UTF-8, max 255 bytes).
        metadata: Optional JSON object kept alongside the file.
        type_: MIME type; application/octet-stream when left out.
        additional_properties: Fields sent as given, besides the declared ones.
    """

    content: File
    """ Raw bytes to upload. """
    filename: str | Unset = UNSET
    """ Name to store the file under (UTF-8, max 255 bytes). """
    metadata: FileCreateRequestMetadata | Unset = UNSET
    """ Optional JSON object kept alongside the file. """
    type_: str | Unset = "application/octet-stream"
    """ MIME type; application/octet-stream when left out. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    """ Fields sent as given, besides the declared ones. """

    def to_dict(self) -> dict[str, Any]:
        content = self.content.to_tuple()

        filename = self.filename

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
            }
        )
        if filename is not UNSET:
            field_dict["filename"] = filename
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("content", self.content.to_tuple()))

        if not isinstance(self.filename, Unset):
            files.append(
                ("filename", (None, str(self.filename).encode(), "text/plain"))
            )

        if not isinstance(self.metadata, Unset):
            files.append(
                (
                    "metadata",
                    (
                        None,
                        json.dumps(self.metadata.to_dict()).encode(),
                        "application/json",
                    ),
                )
            )

        if not isinstance(self.type_, Unset):
            files.append(("type", (None, str(self.type_).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content = File(payload=BytesIO(d.pop("content")))

        filename = d.pop("filename", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: FileCreateRequestMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = FileCreateRequestMetadata.from_dict(_metadata)

        type_ = d.pop("type", UNSET)

        file_create_request = cls(
            content=content,
            filename=filename,
            metadata=metadata,
            type_=type_,
        )

        file_create_request.additional_properties = d
        return file_create_request

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
from ..models.file_create_request_metadata import FileCreateRequestMetadata  # noqa: E402
