"""The replay harness itself: what it accepts, what it refuses, and how it compares results."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import httpx
import pytest
from replicate_api.types import UNSET, Unset

from tests.realdata.recordings import mismatches, recording
from tests.realdata.replayer import (
    TOKEN,
    Difference,
    Replayer,
    prefer_window,
    request_mismatches,
)

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _request(recording_id: str, index: int, **kwargs: Any) -> tuple[httpx.Request, Any]:
    interaction = recording(recording_id).interactions[index]
    headers = {**AUTH, **kwargs.pop("headers", {})}
    url = kwargs.pop("url", interaction.request.url)
    request = httpx.Request(interaction.request.method, url, headers=headers, **kwargs)
    request.read()
    return request, interaction


@pytest.mark.parametrize(
    ("header", "window"),
    [
        (None, None),
        ("wait", 60),
        ("wait=60", 60),
        ("wait=10", 10),
        ("respond-async", "respond-async"),
    ],
)
def test_prefer_is_read_as_its_window(header: str | None, window: int | str | None) -> None:
    assert prefer_window(header) == window


def test_the_recorded_request_itself_passes() -> None:
    interaction = recording("rpy-run").interactions[0]
    request, _ = _request("rpy-run", 0, json=interaction.request.body)

    assert request_mismatches(request, interaction, None) == []


@pytest.mark.parametrize(
    "body",
    [
        {
            "input": {},
            "version": "39ed52f2a78e934b3ba6e2a89f5b1c712de7dfea535525255b1aa35c5565e08b",
        },
        {"input": {"prompt": "x"}},
        {"input": {"prompt": "x"}, "version": "v", "webhook": "https://example.com/hook"},
    ],
    ids=["different-input", "missing-version", "extra-field"],
)
def test_a_json_body_that_differs_is_refused(body: dict[str, Any]) -> None:
    request, interaction = _request("rpy-run", 0, json=body)

    assert request_mismatches(request, interaction, None) != []


def test_the_deprecated_stream_flag_may_be_left_out_but_not_changed() -> None:
    interaction = recording("rpy-predictions-stream").interactions[2]
    without = {key: value for key, value in interaction.request.body.items() if key != "stream"}
    left_out, _ = _request("rpy-predictions-stream", 2, json=without)
    changed, _ = _request("rpy-predictions-stream", 2, json={**without, "stream": False})

    assert request_mismatches(left_out, interaction, None) == []
    assert request_mismatches(changed, interaction, None) != []


def test_a_declared_body_difference_is_accepted() -> None:
    interaction = recording("rpy-trainings-create-invalid-destination").interactions[0]
    body = {**interaction.request.body, "destination": "replicate/no-such-model"}
    request, _ = _request("rpy-trainings-create-invalid-destination", 0, json=body)

    assert request_mismatches(request, interaction, None) != []
    difference = Difference("test", body={"destination": "replicate/no-such-model"})
    assert request_mismatches(request, interaction, difference) == []


def test_a_query_parameter_at_its_documented_default_is_accepted() -> None:
    url = (
        "https://api.replicate.com/v1/models?sort_by=latest_version_created_at&sort_direction=desc"
    )
    defaults, interaction = _request("rpy-models-list", 0, url=url)
    other, _ = _request("rpy-models-list", 0, url=url.replace("latest_version", "model"))

    assert request_mismatches(defaults, interaction, None) == []
    assert request_mismatches(other, interaction, None) != []


def test_prefer_must_ask_for_the_recorded_window() -> None:
    interaction = recording("rpy-models-predictions-create-blocking-False-10").interactions[0]
    body = interaction.request.body
    same, _ = _request(
        "rpy-models-predictions-create-blocking-False-10",
        0,
        json=body,
        headers={"Prefer": "wait=10"},
    )
    longer, _ = _request(
        "rpy-models-predictions-create-blocking-False-10", 0, json=body, headers={"Prefer": "wait"}
    )
    none, _ = _request("rpy-models-predictions-create-blocking-False-10", 0, json=body)

    assert request_mismatches(same, interaction, None) == []
    assert request_mismatches(longer, interaction, None) != []
    assert request_mismatches(none, interaction, None) != []


def test_the_token_goes_to_the_api_only_and_a_stream_is_asked_for_as_one() -> None:
    interaction = recording("otel-llama-stream").interactions[1]
    accept = {"Accept": "text/event-stream"}
    with_token, _ = _request("otel-llama-stream", 1, headers=accept)
    without = httpx.Request("GET", interaction.request.url, headers=accept)
    not_asked = httpx.Request("GET", interaction.request.url)

    assert request_mismatches(with_token, interaction, None) != []
    assert request_mismatches(without, interaction, None) == []
    assert request_mismatches(not_asked, interaction, None) != []


def _upload(filename: str, content_type: str, data: dict[str, str]) -> tuple[httpx.Request, Any]:
    return _request("rpy-files", 0, files={"content": (filename, b"", content_type)}, data=data)


def test_an_upload_must_send_the_recorded_file_part() -> None:
    name = "test_fileo20o3wth.txt"
    same, interaction = _upload(name, "text/plain", {"filename": name, "type": "text/plain"})
    renamed, _ = _upload("other.txt", "text/plain", {})
    undocumented, _ = _upload(name, "text/plain", {"colour": "blue"})
    disagreeing, _ = _upload(name, "text/plain", {"type": "image/png"})

    assert request_mismatches(same, interaction, None) == []
    assert request_mismatches(renamed, interaction, None) != []
    assert request_mismatches(undocumented, interaction, None) != []
    assert request_mismatches(disagreeing, interaction, None) != []


def test_a_request_past_the_end_of_the_recording_fails_and_is_kept() -> None:
    replayer = Replayer(recording("rpy-hardware-list"))
    request, _ = _request("rpy-hardware-list", 0)

    assert replayer.handle(request).status_code == 200
    with pytest.raises(AssertionError, match="were used"):
        replayer.handle(request)
    assert len(replayer.problems) == 1
    assert "the same request again" in replayer.problems[0]


def test_a_different_path_is_only_accepted_for_a_reconstructed_request() -> None:
    with pytest.raises(ValueError, match="reconstructed"):
        Replayer(recording("rpy-run"), {0: Difference("test", path="/v1/elsewhere")})


@attrs.define
class Thing:
    """A generated-style model, to test the comparison without depending on generated/."""

    id: str
    when: datetime.datetime | None = None
    note: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = attrs.field(init=False, factory=dict[str, Any])


def test_a_result_that_reads_back_its_body_has_no_mismatches() -> None:
    thing = Thing("a", datetime.datetime(2024, 2, 12, 16, 45, 41, tzinfo=datetime.UTC), None)
    thing.additional_properties["extra"] = [1]

    body = {"id": "a", "when": "2024-02-12T16:45:41.730471035Z", "extra": [1]}
    assert mismatches(thing, body) == []


@pytest.mark.parametrize(
    ("thing", "body", "problem"),
    [
        (
            Thing("a", None),
            {"id": "a", "when": None},
            "$.note: absent from the body but reads Unset",
        ),
        (Thing("a", None, "hi"), {"id": "a", "when": None}, "$.note: absent from the body"),
        (Thing("b", None, None), {"id": "a", "when": None}, "$.id: reads 'b'"),
        (
            Thing("a", None, None),
            {"id": "a", "when": None, "gone": 1},
            "$.gone: in the body but dropped",
        ),
        (Thing("a", None, None), {"id": "a", "when": "2024-01-01T00:00:00Z"}, "$.when: reads None"),
    ],
)
def test_a_result_that_does_not_read_back_its_body_is_reported(
    thing: Thing, body: dict[str, Any], problem: str
) -> None:
    assert any(found.startswith(problem) for found in mismatches(thing, body))
