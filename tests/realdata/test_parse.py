"""Every recorded response reads into what the SDK returns for its operation.

A 2xx JSON body is parsed with the model the SDK uses for the operation the
request matches in the spec, and must read back field for field (absent
fields as None). An error body must become the right typed error, with the
problem's title and detail.
"""

from __future__ import annotations

import os
from typing import cast

import httpx
import pytest
from replicate_typed import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from replicate_typed._event_stream import EventDecoder
from replicate_typed._responses import error_from_response
from replicate_typed.testing import _spec

from tests.realdata.recordings import (
    FIXTURES,
    SDK_PARSERS,
    Interaction,
    interactions,
    mismatches,
    parse_success,
    recordings,
)

#: The error each status must raise (see the tree in replicate_typed/_errors.py).
ERROR_CLASSES: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    500: InternalServerError,
}

SUCCESSES = [
    item
    for item in interactions()
    if item.response.is_success and item.response.body_kind == "json"
]
ERRORS = [item for item in interactions() if not item.response.is_success]
OTHERS = [
    item
    for item in interactions()
    if item.response.is_success and item.response.body_kind != "json"
]


def _keys(items: list[Interaction]) -> list[str]:
    return [item.key for item in items]


def test_every_file_in_the_directory_is_a_loaded_recording() -> None:
    on_disk = sorted(os.listdir(FIXTURES))
    assert [found.path.name for found in recordings()] == on_disk
    assert all(found.interactions for found in recordings())


def test_every_interaction_is_checked_once() -> None:
    checked = _keys(SUCCESSES) + _keys(ERRORS) + _keys(OTHERS)
    assert sorted(checked) == sorted(_keys(interactions()))
    assert len(set(checked)) == len(checked)


def test_every_api_request_matches_an_operation_the_sdk_parses() -> None:
    unmatched = [item.key for item in SUCCESSES + ERRORS if item.operation is None]
    assert unmatched == []
    unparsed = sorted({str(item.operation) for item in SUCCESSES} - set(SDK_PARSERS))
    assert unparsed == []


def test_the_parser_table_names_real_operations() -> None:
    operations = {route.operation_id for route in _spec.routes()}
    assert set(SDK_PARSERS) <= operations


@pytest.mark.parametrize("interaction", SUCCESSES, ids=_keys(SUCCESSES))
def test_success_body_reads_back_through_the_sdk_model(interaction: Interaction) -> None:
    result = parse_success(interaction)

    assert mismatches(result, interaction.response.body) == []


@pytest.mark.parametrize("interaction", ERRORS, ids=_keys(ERRORS))
def test_error_body_becomes_the_typed_error(interaction: Interaction) -> None:
    operation = interaction.operation
    assert operation is not None
    sent = interaction.response.body
    assert isinstance(sent, dict)
    body = cast(dict[str, object], sent)

    error = error_from_response(interaction.response.to_httpx(), operation)

    assert type(error) is ERROR_CLASSES[interaction.response.status]
    assert error.status == interaction.response.status
    assert error.operation == operation
    assert error.title == body.get("title")
    assert error.detail == body.get("detail")
    assert str(body["detail"]) in str(error)


@pytest.mark.parametrize("interaction", OTHERS, ids=_keys(OTHERS))
def test_non_json_success_is_an_empty_reply_or_an_event_stream(interaction: Interaction) -> None:
    response = interaction.response
    if response.status == 204:
        assert response.body_kind == "none"
        assert interaction.operation is not None
        return
    assert response.headers["content-type"].startswith("text/event-stream")
    body = response.to_httpx(httpx.Request("GET", interaction.request.url)).read()
    events = EventDecoder("predictions.stream").feed(body)
    assert [event.event for event in events if event.event in ("done", "error")] == ["done"]
