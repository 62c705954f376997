"""Deeply nested JSON, in responses and inputs: typed errors, never a RecursionError.

Python's json module gives up on a body nested deeper than about a thousand
levels; a hostile server (or proxy) can send one anywhere. A valid output
nested hundreds of levels deep is still an output, and ``run`` returns it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import (
    BadRequestError,
    InternalServerError,
    InvalidResponseError,
    Replicate,
    RetryPolicy,
)

from tests.support import payloads
from tests.support.deep import innermost, nested
from tests.support.payloads import API, PREDICTION_ID, VERSION_ID

#: Far deeper than any JSON parser's recursion allows.
TOO_DEEP = 100_000
#: Deeper than a recursive walk of the output survives, well inside what json parses.
DEEP_OUTPUT = 600
GET = f"{API}/predictions/{PREDICTION_ID}"


def _deep_body(depth: int = TOO_DEEP) -> bytes:
    """A JSON object whose one field holds arrays nested ``depth`` deep."""
    return b'{"id": ' + b"[" * depth + b"]" * depth + b"}"


def test_a_get_too_deep_to_parse_is_an_invalid_response(
    make_client: Callable[..., Replicate], httpx_mock: HTTPXMock
) -> None:
    client = make_client(retry=RetryPolicy(max_retries=1, jitter=0))
    httpx_mock.add_response(url=GET, content=_deep_body(), is_reusable=True)

    with pytest.raises(InvalidResponseError, match="is not valid JSON") as caught:
        client.predictions.get(PREDICTION_ID)

    assert caught.value.unreadable  # read again, like a body cut short
    assert len(httpx_mock.get_requests()) == 2


def test_a_list_page_too_deep_to_parse_is_an_invalid_response(
    make_client: Callable[..., Replicate], httpx_mock: HTTPXMock
) -> None:
    client = make_client(retry=RetryPolicy(max_retries=0))
    httpx_mock.add_response(url=f"{API}/predictions", content=_deep_body())

    with pytest.raises(InvalidResponseError, match=r"^predictions\.list returned 200"):
        list(client.predictions.list())


def test_a_create_too_deep_to_parse_says_the_prediction_may_exist(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(
        method="POST", url=f"{API}/predictions", status_code=201, content=_deep_body()
    )

    with pytest.raises(InvalidResponseError, match="a prediction may exist") as caught:
        replicate.create(VERSION_ID, {"text": "Alice"})

    assert caught.value.prediction_may_exist
    assert len(httpx_mock.get_requests()) == 1  # a create is not sent again


@pytest.mark.parametrize(("status", "error"), [(400, BadRequestError), (500, InternalServerError)])
def test_a_problem_body_too_deep_to_parse_still_gives_the_typed_error(
    make_client: Callable[..., Replicate],
    httpx_mock: HTTPXMock,
    status: int,
    error: type[Exception],
) -> None:
    client = make_client(retry=RetryPolicy(max_retries=0))
    httpx_mock.add_response(url=GET, status_code=status, content=_deep_body())

    with pytest.raises(error, match=rf"^predictions\.get failed with {status} "):
        client.predictions.get(PREDICTION_ID)


def test_run_returns_an_output_nested_600_deep_with_its_files_wrapped(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    url = "https://replicate.delivery/xezq/deep.png"
    succeeded = payloads.prediction(output=nested(url, DEEP_OUTPUT))
    body = json.dumps(succeeded).encode()  # pytest-httpx would deep-copy a json= recursively
    httpx_mock.add_response(method="POST", url=f"{API}/predictions", status_code=201, content=body)

    output = replicate.run(VERSION_ID, {"text": "Alice"})

    leaf = innermost(output, DEEP_OUTPUT)
    assert str(leaf) == url
    assert hasattr(leaf, "save")  # a FileOutput, however deep it sits


def test_an_input_that_contains_itself_is_refused_before_any_request(
    replicate: Replicate,
) -> None:
    looped: dict[str, object] = {"text": "Alice"}
    looped["again"] = [looped]

    refused = re.escape("input['loop']['again'][0] is input['loop'] again")
    with pytest.raises(ValueError, match=refused):
        replicate.create(VERSION_ID, {"loop": looped})


def test_an_input_too_deep_to_encode_is_refused_before_any_request(
    replicate: Replicate,
) -> None:
    refused = re.escape("input['deep'] is nested deeper than 500 levels")
    with pytest.raises(ValueError, match=refused):
        replicate.create(VERSION_ID, {"deep": nested("x", TOO_DEEP)})
