"""Requests that change something, sent at most as often as is safe, with errors that say so.

A delete is safe to repeat, but a retry may find its work already done by an
attempt whose response was lost: that 404 is success. A create (a
deployment, a model, an uploaded file, like a prediction) is never sent
again once it may have arrived, and its error says what may exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    InternalServerError,
    InvalidResponseError,
    NotFoundError,
    Replicate,
)

from tests.support import payloads
from tests.support.payloads import API, FILE_ID, VERSION_ID

#: Adds one reply to the mock for a URL.
Reply = Callable[[HTTPXMock, str], None]


def _status(code: int, text: str = "", **headers: str) -> Reply:
    return lambda mock, url: mock.add_response(
        url=url, status_code=code, text=text, headers=headers
    )


def _raise(error: httpx.TransportError) -> Reply:
    return lambda mock, url: mock.add_exception(error, url=url)


def _not_found(mock: HTTPXMock, url: str) -> None:
    mock.add_response(url=url, status_code=404, json=payloads.problem(404, "Not found", "gone"))


@dataclass(frozen=True)
class Call:
    """One client call and the URL it sends to."""

    name: str
    url: str
    call: Callable[[Replicate], object]


DELETES = [
    Call("files.delete", f"{API}/files/{FILE_ID}", lambda c: c.files.delete(FILE_ID)),
    Call("models.delete", f"{API}/models/acme/hello", lambda c: c.models.delete("acme/hello")),
    Call(
        "models.versions.delete",
        f"{API}/models/acme/hello/versions/{VERSION_ID}",
        lambda c: c.models.versions.delete("acme/hello", VERSION_ID),
    ),
    Call(
        "deployments.delete",
        f"{API}/deployments/acme/app",
        lambda c: c.deployments.delete("acme/app"),
    ),
]


@pytest.mark.parametrize(
    "lost", [_status(503), _raise(httpx.ReadTimeout("timed out"))], ids=["503", "read-timeout"]
)
@pytest.mark.parametrize("delete", DELETES, ids=lambda call: call.name)
def test_a_404_on_the_retry_of_a_delete_that_may_have_arrived_is_success(
    replicate: Replicate, httpx_mock: HTTPXMock, delete: Call, lost: Reply
) -> None:
    lost(httpx_mock, delete.url)
    _not_found(httpx_mock, delete.url)  # the first attempt deleted it

    assert delete.call(replicate) is None
    assert [r.method for r in httpx_mock.get_requests()] == ["DELETE", "DELETE"]


@pytest.mark.parametrize("delete", DELETES, ids=lambda call: call.name)
def test_a_404_on_a_delete_that_never_arrived_before_is_not_found(
    replicate: Replicate, httpx_mock: HTTPXMock, delete: Call
) -> None:
    _not_found(httpx_mock, delete.url)
    with pytest.raises(NotFoundError):
        delete.call(replicate)

    # A refused connection or a 429 never reached it: a 404 after them means there was none.
    _raise(httpx.ConnectError("connection refused"))(httpx_mock, delete.url)
    _status(429, **{"Retry-After": "1"})(httpx_mock, delete.url)
    _not_found(httpx_mock, delete.url)
    with pytest.raises(NotFoundError):
        delete.call(replicate)


def _upload(client: Replicate) -> object:
    return client.files.create(b"payload", filename="a.bin")


def _upload_path(tmp: Path) -> Callable[[Replicate], object]:
    path = tmp / "a.bin"
    path.write_bytes(b"payload")
    return lambda client: client.files.create(path)


CREATES = [
    Call(
        "deployments.create",
        f"{API}/deployments",
        lambda c: c.deployments.create(
            "app",
            model="acme/hello",
            version=VERSION_ID,
            hardware="gpu-t4",
            min_instances=1,
            max_instances=2,
        ),
    ),
    Call(
        "models.create",
        f"{API}/models",
        lambda c: c.models.create("acme/hello", visibility="private", hardware="cpu"),
    ),
    Call("files.create", f"{API}/files", _upload),
]
CREATED = {
    "deployments.create": payloads.deployment(),
    "models.create": payloads.model("acme", "hello"),
    "files.create": payloads.file_resource(),
}
WHAT = {"deployments.create": "deployment", "models.create": "model", "files.create": "file"}


@pytest.mark.parametrize(
    ("failure", "raised"),
    [
        (_status(500, "upstream trouble"), InternalServerError),
        (_raise(httpx.ReadTimeout("timed out")), APITimeoutError),
        (_raise(httpx.RemoteProtocolError("Server disconnected")), APIConnectionError),
        (_status(201, '{"id": "half'), InvalidResponseError),
    ],
    ids=["500", "read-timeout", "dropped-response", "unreadable-201"],
)
@pytest.mark.parametrize("create", CREATES, ids=lambda call: call.name)
def test_a_create_that_may_have_arrived_is_not_sent_again_and_says_what_may_exist(
    replicate: Replicate,
    httpx_mock: HTTPXMock,
    create: Call,
    failure: Reply,
    raised: type[APIError | APIConnectionError],
) -> None:
    failure(httpx_mock, create.url)

    with pytest.raises(raised) as caught:
        create.call(replicate)

    error = caught.value
    assert isinstance(error, APIError | APIConnectionError)
    assert error.may_exist is True
    assert error.prediction_may_exist is False  # the older name is for predictions and trainings
    assert f"so a {WHAT[create.name]} may exist" in str(error)
    assert len(httpx_mock.get_requests()) == 1


@pytest.mark.parametrize(
    "not_arrived",
    [_raise(httpx.ConnectError("connection refused")), _status(429, **{"Retry-After": "1"})],
    ids=["connect-error", "429"],
)
@pytest.mark.parametrize("create", CREATES, ids=lambda call: call.name)
def test_a_create_that_certainly_did_not_arrive_is_sent_again(
    replicate: Replicate, httpx_mock: HTTPXMock, create: Call, not_arrived: Reply
) -> None:
    not_arrived(httpx_mock, create.url)
    httpx_mock.add_response(url=create.url, status_code=201, json=CREATED[create.name])

    create.call(replicate)

    assert len(httpx_mock.get_requests()) == 2


def test_an_upload_of_a_file_on_disk_is_not_sent_again_either(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    httpx_mock.add_response(url=f"{API}/files", status_code=503)

    with pytest.raises(InternalServerError, match="so a file may exist") as caught:
        _upload_path(tmp_path)(replicate)

    assert caught.value.may_exist is True
    assert len(httpx_mock.get_requests()) == 1


def test_a_prediction_create_sets_both_names(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(url=f"{API}/predictions", status_code=502)

    with pytest.raises(InternalServerError, match="so a prediction may exist") as caught:
        replicate.create(VERSION_ID, {"text": "Alice"})

    assert (caught.value.may_exist, caught.value.prediction_may_exist) == (True, True)
