"""A response whose values have the wrong JSON type is an InvalidResponseError naming the field.

The readers check each value (tests/regen/test_readers.py); these pin that
every path of the client maps what they raise, including the ones that do
not go through a single model (a bare list, a body that is not an object).
"""

from __future__ import annotations

from typing import Any

import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import InvalidResponseError, Replicate

from tests.support import payloads
from tests.support.payloads import API, PREDICTION_ID

GET = f"{API}/predictions/{PREDICTION_ID}"


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (payloads.prediction() | {"status": 123}, "status: expected a string, got int 123"),
        (payloads.prediction() | {"status": ["succeeded"]}, "status: expected a string, got list"),
        (payloads.prediction(id=42), "id: expected a string, got int 42"),
        (payloads.prediction(id=None), "id: expected a string, got NoneType None"),
        (payloads.prediction(created_at=0), "created_at: expected a timestamp string"),
        (["not", "a", "prediction"], "expected an object, got list"),
    ],
    ids=["status-int", "status-list", "id-int", "id-null", "timestamp-int", "array"],
)
def test_a_get_of_the_wrong_shape_names_what_is_wrong(
    replicate: Replicate, httpx_mock: HTTPXMock, body: Any, named: str
) -> None:
    httpx_mock.add_response(url=GET, json=body)

    with pytest.raises(InvalidResponseError, match=named) as caught:
        replicate.predictions.get(PREDICTION_ID)

    assert not caught.value.unreadable  # the same body would come again: not retried
    assert len(httpx_mock.get_requests()) == 1


@pytest.mark.parametrize(
    ("items", "named"),
    [
        (["cpu"], r"at \[0\] \(expected an object, got str\)"),
        ([{"name": "CPU", "sku": "cpu"}, {"name": 7}], r"at \[1\] .*name: expected a string"),
    ],
    ids=["item-not-an-object", "name-not-a-string"],
)
def test_the_hardware_list_checks_every_item(
    replicate: Replicate, httpx_mock: HTTPXMock, items: list[Any], named: str
) -> None:
    httpx_mock.add_response(url=f"{API}/hardware", json=items)

    with pytest.raises(InvalidResponseError, match=rf"^hardware\.list .*{named}"):
        replicate.hardware.list()
