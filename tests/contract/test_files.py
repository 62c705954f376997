"""Contract tests for the Files API."""

from __future__ import annotations

import io
from typing import Any

import pytest
from replicate_api.models import (
    FileCreateRequest,
    FileCreateRequestMetadata,
    FileDeleteNotFoundProblem,
    FileDownloadNotFoundProblem,
    FileNotFoundProblem,
    FilePage,
    FileResource,
    FileTooLargeProblem,
)
from replicate_api.types import File

from tests.support import payloads
from tests.support.contract import Exchange
from tests.support.payloads import FILE_ID

FILE = f"/files/{FILE_ID}"


@pytest.mark.operation("files.create", 201)
def test_create_uploads_multipart_with_a_random_boundary(exchange: Exchange) -> None:
    exchange.respond(201, payloads.file_resource())
    content = b"\x89PNG\r\n\x1a\n" + b"\r\n--+++\r\n" + bytes(range(256))

    uploaded = exchange.parsed(
        FileResource,
        body=FileCreateRequest(
            content=File(payload=io.BytesIO(content), file_name="photo.png", mime_type="image/png"),
            filename="photo.png",
            type_="image/png",
            metadata=FileCreateRequestMetadata.from_dict({"customer_reference_id": 123}),
        ),
    )

    request = exchange.assert_request("/files")
    content_type = request.headers["Content-Type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = content_type.split("boundary=", 1)[1]
    assert boundary != "+++"
    body = request.content
    assert body.count(f"--{boundary}".encode()) == 5  # four parts and the closing delimiter
    assert (
        b'name="content"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n' + content in body
    )
    assert b'name="filename"\r\nContent-Type: text/plain\r\n\r\nphoto.png\r\n' in body
    assert b'name="type"\r\nContent-Type: text/plain\r\n\r\nimage/png\r\n' in body
    metadata = b'{"customer_reference_id": 123}'
    assert b'name="metadata"\r\nContent-Type: application/json\r\n\r\n' + metadata in body
    assert uploaded.id == FILE_ID
    assert uploaded.checksums.sha256 is not None
    assert uploaded.etag == '"f047f8e745f9996c6e386064e06cb200"'


@pytest.mark.operation("files.create", 413)
def test_create_too_large(exchange: Exchange) -> None:
    exchange.respond_problem(413, "Content Too Large", "Files must be less than 100MB in size")

    problem = exchange.parsed(
        FileTooLargeProblem,
        body=FileCreateRequest(content=File(payload=io.BytesIO(b"x"), file_name="x")),
    )

    exchange.assert_request("/files")
    assert problem.detail == "Files must be less than 100MB in size"
    assert problem.additional_properties["status"] == 413


@pytest.mark.operation("files.list", 200)
def test_list(exchange: Exchange) -> None:
    exchange.respond(200, payloads.page([payloads.file_resource()]))

    page = exchange.parsed(FilePage)

    exchange.assert_request("/files")
    assert isinstance(page.results, list)
    assert page.results[0].content_type == "image/png"


@pytest.mark.operation("files.get", 200)
def test_get(exchange: Exchange) -> None:
    exchange.respond(200, payloads.file_resource())

    file = exchange.parsed(FileResource, FILE_ID)

    exchange.assert_request(FILE)
    assert file.size == 69420


@pytest.mark.operation("files.delete", 204)
def test_delete(exchange: Exchange) -> None:
    exchange.respond(204)

    assert exchange.call_for_status(FILE_ID) == 204

    exchange.assert_request(FILE)


@pytest.mark.operation("files.download", 200)
def test_download_with_a_signed_url(exchange: Exchange) -> None:
    exchange.respond(200, media_type="application/octet-stream", content=b"\x00\x01binary\xff")

    downloaded = exchange.parsed(
        File,
        FILE_ID,
        owner="acme",
        expiry=1795000000,
        signature="c2lnbmF0dXJl+/=",
    )

    exchange.assert_request(
        f"{FILE}/download?owner=acme&expiry=1795000000&signature=c2lnbmF0dXJl%2B%2F%3D"
    )
    assert downloaded.payload.read() == b"\x00\x01binary\xff"


@pytest.mark.parametrize(
    ("kwargs", "path", "kind"),
    [
        pytest.param({}, "", FileNotFoundProblem, marks=pytest.mark.operation("files.get", 404)),
        pytest.param(
            {}, "", FileDeleteNotFoundProblem, marks=pytest.mark.operation("files.delete", 404)
        ),
        pytest.param(
            {"owner": "acme", "expiry": 1, "signature": "x"},
            "/download?owner=acme&expiry=1&signature=x",
            FileDownloadNotFoundProblem,
            marks=pytest.mark.operation("files.download", 404),
        ),
    ],
    ids=["get", "delete", "download"],
)
def test_missing_file(
    exchange: Exchange, kwargs: dict[str, Any], path: str, kind: type[Any]
) -> None:
    exchange.respond_problem(404, "Not found", "File not found")

    problem = exchange.parsed(kind, "missing", **kwargs)

    exchange.assert_request(f"/files/missing{path}")
    assert problem.detail == "File not found"
