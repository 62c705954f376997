"""Contract tests for the Files API."""

from __future__ import annotations

import io

import pytest
from replicate_api.api.files import (
    files_create,
    files_delete,
    files_download,
    files_get,
    files_list,
)
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
from tests.support.contract import Contract
from tests.support.payloads import FILE_ID

PROBLEM = "application/problem+json"


@pytest.mark.operation("files.create", 201)
def test_create_uploads_multipart_with_a_random_boundary(contract: Contract) -> None:
    exchange = contract("files.create")
    exchange.respond(201, payloads.file_resource())
    content = b"\x89PNG\r\n\x1a\n" + b"\r\n--+++\r\n" + bytes(range(256))

    response = exchange.call(
        files_create,
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
    uploaded = response.parsed
    assert isinstance(uploaded, FileResource)
    assert uploaded.id == FILE_ID
    assert uploaded.checksums.sha256 is not None
    assert uploaded.etag == '"f047f8e745f9996c6e386064e06cb200"'


@pytest.mark.operation("files.create", 413)
def test_create_too_large(contract: Contract) -> None:
    exchange = contract("files.create")
    exchange.respond(
        413,
        payloads.problem(413, "Content Too Large", "Files must be less than 100MB in size"),
        media_type=PROBLEM,
    )

    response = exchange.call(
        files_create, body=FileCreateRequest(content=File(payload=io.BytesIO(b"x"), file_name="x"))
    )

    exchange.assert_request("/files")
    problem = response.parsed
    assert isinstance(problem, FileTooLargeProblem)
    assert problem.detail == "Files must be less than 100MB in size"
    assert problem.additional_properties["status"] == 413


@pytest.mark.operation("files.list", 200)
def test_list(contract: Contract) -> None:
    exchange = contract("files.list")
    exchange.respond(200, payloads.page([payloads.file_resource()]))

    response = exchange.call(files_list)

    exchange.assert_request("/files")
    page = response.parsed
    assert isinstance(page, FilePage)
    assert isinstance(page.results, list)
    assert page.results[0].content_type == "image/png"


@pytest.mark.operation("files.get", 200)
def test_get(contract: Contract) -> None:
    exchange = contract("files.get")
    exchange.respond(200, payloads.file_resource())

    response = exchange.call(files_get, FILE_ID)

    exchange.assert_request(f"/files/{FILE_ID}")
    assert isinstance(response.parsed, FileResource)
    assert response.parsed.size == 69420


@pytest.mark.operation("files.get", 404)
def test_get_missing(contract: Contract) -> None:
    exchange = contract("files.get")
    exchange.respond(404, payloads.problem(404, "Not found", "File not found"), media_type=PROBLEM)

    response = exchange.call(files_get, "missing")

    exchange.assert_request("/files/missing")
    assert isinstance(response.parsed, FileNotFoundProblem)
    assert response.parsed.detail == "File not found"


@pytest.mark.operation("files.delete", 204)
def test_delete(contract: Contract) -> None:
    exchange = contract("files.delete")
    exchange.respond(204)

    response = exchange.call(files_delete, FILE_ID)

    exchange.assert_request(f"/files/{FILE_ID}")
    assert response.status_code == 204
    assert response.parsed is None


@pytest.mark.operation("files.delete", 404)
def test_delete_missing(contract: Contract) -> None:
    exchange = contract("files.delete")
    exchange.respond(404, payloads.problem(404, "Not found", "File not found"), media_type=PROBLEM)

    response = exchange.call(files_delete, "missing")

    exchange.assert_request("/files/missing")
    assert isinstance(response.parsed, FileDeleteNotFoundProblem)


@pytest.mark.operation("files.download", 200)
def test_download_with_a_signed_url(contract: Contract) -> None:
    exchange = contract("files.download")
    exchange.respond(200, media_type="application/octet-stream", content=b"\x00\x01binary\xff")

    response = exchange.call(
        files_download, FILE_ID, owner="acme", expiry=1795000000, signature="c2lnbmF0dXJl+/="
    )

    exchange.assert_request(
        f"/files/{FILE_ID}/download?owner=acme&expiry=1795000000&signature=c2lnbmF0dXJl%2B%2F%3D"
    )
    downloaded = response.parsed
    assert isinstance(downloaded, File)
    assert downloaded.payload.read() == b"\x00\x01binary\xff"


@pytest.mark.operation("files.download", 404)
def test_download_missing(contract: Contract) -> None:
    exchange = contract("files.download")
    exchange.respond(404, payloads.problem(404, "Not found", "File not found"), media_type=PROBLEM)

    response = exchange.call(files_download, "missing", owner="acme", expiry=1, signature="x")

    exchange.assert_request("/files/missing/download?owner=acme&expiry=1&signature=x")
    assert isinstance(response.parsed, FileDownloadNotFoundProblem)
