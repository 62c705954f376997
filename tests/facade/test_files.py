"""Local files in inputs (uploaded or inlined), FileOutput downloads, the Files API."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import FileResource, Replicate

from tests.support import payloads
from tests.support.outputs import files, one_file
from tests.support.payloads import API, FILE_ID, TOKEN, VERSION_ID

FILES = f"{API}/files"
FILE_URL = f"{API}/files/{FILE_ID}"
OUTPUT = "https://replicate.delivery/xezq/abc123/out-0.png"


def _uploaded(n: int) -> dict[str, Any]:
    return payloads.file_resource(id=f"file{n}", urls={"get": f"{API}/files/file{n}"})


def _serve_uploads(httpx_mock: HTTPXMock, count: int) -> None:
    for n in range(count):
        httpx_mock.add_response(method="POST", url=FILES, status_code=201, json=_uploaded(n))


def _parts(request: httpx.Request) -> dict[str, bytes]:
    """The multipart parts of an upload, by field name (file parts keyed 'content')."""
    boundary = request.headers["Content-Type"].split("boundary=")[1].encode()
    parts: dict[str, bytes] = {}
    for chunk in request.content.split(b"--" + boundary)[1:-1]:
        head, _, body = chunk.strip(b"\r\n").partition(b"\r\n\r\n")
        name = head.split(b'name="')[1].split(b'"')[0].decode()
        parts[name] = body
        if name == "content":
            parts["content-disposition"] = head
    return parts


CREATES: list[tuple[Callable[[Replicate, dict[str, Any]], object], str]] = [
    (lambda r, i: r.create(VERSION_ID, i), f"{API}/predictions"),
    (lambda r, i: r.create("acme/flux", i), f"{API}/models/acme/flux/predictions"),
    (
        lambda r, i: r.create(deployment="acme/app", input=i),
        f"{API}/deployments/acme/app/predictions",
    ),
    (
        lambda r, i: r.trainings.create(
            f"acme/flux:{VERSION_ID}", i, destination="acme/flux-tuned"
        ),
        f"{API}/models/acme/flux/versions/{VERSION_ID}/trainings",
    ),
]


@pytest.mark.parametrize(
    ("call", "create_url"),
    CREATES,
    ids=["version", "official-model", "deployment", "training"],
)
def test_nested_files_are_uploaded_with_their_names_for_every_create(
    replicate: Replicate,
    httpx_mock: HTTPXMock,
    tmp_path: Path,
    call: Callable[[Replicate, dict[str, Any]], object],
    create_url: str,
) -> None:
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG fake image")
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"some notes")
    _serve_uploads(httpx_mock, 4)
    created = payloads.training("starting") if "trainings" in create_url else payloads.prediction()
    httpx_mock.add_response(method="POST", url=create_url, status_code=201, json=created)

    with notes.open("rb") as opened:
        call(
            replicate,
            {
                "image": photo,
                "prompt": "a fox",
                "extra": {"masks": [b"\x00\x01", io.BytesIO(b"mask two")], "doc": opened},
            },
        )

    *uploads, create = httpx_mock.get_requests()
    names = [_parts(u)["filename"] for u in uploads]
    types = [_parts(u)["type"] for u in uploads]
    assert names == [b"photo.png", b"file", b"file", b"notes.txt"]
    assert types == [
        b"image/png",
        b"application/octet-stream",
        b"application/octet-stream",
        b"text/plain",
    ]
    assert [_parts(u)["content"] for u in uploads] == [
        b"\x89PNG fake image",
        b"\x00\x01",
        b"mask two",
        b"some notes",
    ]
    assert b'filename="photo.png"' in _parts(uploads[0])["content-disposition"]
    body = json.loads(create.content)
    assert body["input"] == {
        "image": f"{API}/files/file0",
        "prompt": "a fox",
        "extra": {
            "masks": [f"{API}/files/file1", f"{API}/files/file2"],
            "doc": f"{API}/files/file3",
        },
    }


def test_data_uri_strategy_inlines_small_files_and_uploads_large_ones(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    small = tmp_path / "small.png"
    small.write_bytes(b"tiny")
    large = tmp_path / "large.bin"
    large.write_bytes(b"x" * (256 * 1024 + 1))
    _serve_uploads(httpx_mock, 1)
    httpx_mock.add_response(
        method="POST", url=f"{API}/predictions", status_code=201, json=payloads.prediction()
    )

    replicate.create(VERSION_ID, {"a": small, "b": large}, file_strategy="data-uri")

    upload, create = httpx_mock.get_requests()
    assert _parts(upload)["filename"] == b"large.bin"
    assert json.loads(create.content)["input"] == {
        "a": "data:image/png;base64," + base64.b64encode(b"tiny").decode(),
        "b": f"{API}/files/file0",
    }


def test_bad_files_and_strategies_are_refused_before_any_request(
    replicate: Replicate, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="file_strategy must be one of"):
        replicate.create(VERSION_ID, {}, file_strategy="inline")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="is a path to no file"):
        replicate.create(VERSION_ID, {"image": tmp_path / "missing.png"})
    with (
        (tmp_path / "t.txt").open("w") as text_mode,
        pytest.raises(ValueError, match="binary mode"),
    ):
        replicate.create(VERSION_ID, {"doc": text_mode})


def test_run_returns_file_outputs_that_read_and_save(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    output = [OUTPUT, "https://replicate.delivery/xezq/abc123/out-1.png"]
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction(output=output))
    httpx_mock.add_response(url=OUTPUT, content=b"PNG-0")
    httpx_mock.add_response(url=output[1], content=b"PNG-1")

    first, second = files(replicate.run(VERSION_ID, {}))

    assert str(first) == OUTPUT
    assert first.read() == b"PNG-0"
    saved = second.save(tmp_path)
    assert saved == tmp_path / "out-1.png"
    assert saved.read_bytes() == b"PNG-1"
    downloads = httpx_mock.get_requests()[1:]
    assert all("Authorization" not in d.headers for d in downloads)


def test_file_output_can_be_turned_off(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction(output=OUTPUT))

    assert type(replicate.run(VERSION_ID, {}, file_output=False)) is str


def test_data_uri_outputs_decode_without_a_request(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    uri = "data:text/plain;base64," + base64.b64encode(b"hello").decode()
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction(output=uri))

    assert one_file(replicate.run(VERSION_ID, {})).read() == b"hello"


class Chunked(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A large body served in fixed-size chunks; ``before_each`` runs before each is handed out."""

    def __init__(self, chunks: int, size: int, before_each: Callable[[], None]) -> None:
        self.chunks, self.size, self.before_each = chunks, size, before_each

    def __iter__(self) -> Iterator[bytes]:
        for n in range(self.chunks):
            self.before_each()
            yield bytes([n % 256]) * self.size

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


def test_save_streams_a_large_output_to_disk_chunk_by_chunk(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    partial = tmp_path / ".big.bin.part"
    on_disk: list[int] = []  # the bytes written when each chunk is served
    body = Chunked(320, 64 * 1024, lambda: on_disk.append(partial.stat().st_size))  # 20 MiB
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction(output=OUTPUT))
    httpx_mock.add_response(url=OUTPUT, stream=body)

    saved = one_file(replicate.run(VERSION_ID, {})).save(tmp_path / "big.bin")

    assert saved.stat().st_size == 320 * 64 * 1024
    # Each chunk is on disk before the next is served: never more than one chunk held.
    assert on_disk == [n * 64 * 1024 for n in range(320)]
    assert not partial.exists()


def test_a_failed_download_leaves_no_partial_file(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction(output=OUTPUT))
    httpx_mock.add_response(url=OUTPUT, status_code=404, is_reusable=True)

    with pytest.raises(Exception, match="404"):
        one_file(replicate.run(VERSION_ID, {})).save(tmp_path / "x.png")
    assert list(tmp_path.iterdir()) == []


def test_token_never_follows_an_output_redirect_to_another_host(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    api_hosted = f"{API}/files/{FILE_ID}/download?owner=acme&expiry=1&signature=s"
    httpx_mock.add_response(
        method="POST", status_code=201, json=payloads.prediction(output=api_hosted)
    )
    httpx_mock.add_response(
        url=api_hosted, status_code=302, headers={"Location": "https://cdn.example/f"}
    )
    httpx_mock.add_response(url="https://cdn.example/f", content=b"bytes")

    assert one_file(replicate.run(VERSION_ID, {})).read() == b"bytes"

    _, on_api, on_cdn = httpx_mock.get_requests()
    assert on_api.headers["Authorization"] == f"Bearer {TOKEN}"
    assert "Authorization" not in on_cdn.headers


def test_files_api(replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path) -> None:
    doc = tmp_path / "weights.tar"
    doc.write_bytes(b"tar bytes")
    httpx_mock.add_response(
        method="POST", url=FILES, status_code=201, json=payloads.file_resource()
    )
    httpx_mock.add_response(method="GET", url=FILE_URL, json=payloads.file_resource())
    httpx_mock.add_response(
        method="GET",
        url=FILES,
        json=payloads.page([_uploaded(1)], next_url=f"{FILES}?cursor=2"),
    )
    httpx_mock.add_response(
        method="GET", url=f"{FILES}?cursor=2", json=payloads.page([_uploaded(2)])
    )
    httpx_mock.add_response(method="DELETE", url=FILE_URL, status_code=204)
    download = f"{FILE_URL}/download?owner=acme&expiry=1795000000&signature=c2ln%2B"
    httpx_mock.add_response(method="GET", url=download, content=b"tar bytes")

    created = replicate.files.create(doc, metadata={"run": 7})
    fetched = replicate.files.get(FILE_ID)
    listed = [f.id for f in replicate.files.list()]
    replicate.files.delete(FILE_ID)
    content = replicate.files.download(
        FILE_ID, owner="acme", expiry=1795000000, signature="c2ln+"
    ).read()

    assert isinstance(created, FileResource)
    assert created.id == FILE_ID
    assert fetched.size == 69420
    assert listed == ["file1", "file2"]
    assert content == b"tar bytes"
    upload = _parts(httpx_mock.get_requests()[0])
    assert (upload["filename"], upload["type"], upload["metadata"]) == (
        b"weights.tar",
        b"application/x-tar",
        b'{"run": 7}',
    )
