"""create, get and list for predictions."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import InvalidResponseError, Model, Prediction, Replicate, Version
from replicate_typed._refs import ModelReference

from tests.support import payloads
from tests.support.payloads import API, PREDICTION_ID, VERSION_ID


@pytest.mark.parametrize(
    ("ref", "url", "body"),
    [
        ("acme/flux", f"{API}/models/acme/flux/predictions", {"input": {"p": 1}}),
        (
            f"acme/flux:{VERSION_ID}",
            f"{API}/predictions",
            {"version": VERSION_ID, "input": {"p": 1}},
        ),
        (VERSION_ID, f"{API}/predictions", {"version": VERSION_ID, "input": {"p": 1}}),
        (
            Version.from_dict(payloads.version()),
            f"{API}/predictions",
            {"version": VERSION_ID, "input": {"p": 1}},
        ),
        (
            Model.from_dict(payloads.model("acme", "flux", is_official=True)),
            f"{API}/models/acme/flux/predictions",
            {"input": {"p": 1}},
        ),
        (
            Model.from_dict(payloads.model("acme", "tuned")),
            f"{API}/predictions",
            {"version": VERSION_ID, "input": {"p": 1}},
        ),
    ],
    ids=["official", "owner-name-version", "bare-version", "Version", "official-Model", "Model"],
)
def test_each_reference_form_reaches_its_endpoint(
    replicate: Replicate,
    httpx_mock: HTTPXMock,
    ref: ModelReference,
    url: str,
    body: dict[str, Any],
) -> None:
    httpx_mock.add_response(method="POST", url=url, status_code=201, json=payloads.prediction())

    prediction = replicate.create(ref, {"p": 1})

    assert isinstance(prediction, Prediction)
    assert json.loads(httpx_mock.get_request().content) == body  # type: ignore[union-attr]


def test_deployment_keyword_runs_through_the_deployment(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    url = f"{API}/deployments/acme/image-app/predictions"
    httpx_mock.add_response(method="POST", url=url, status_code=201, json=payloads.prediction())

    assert replicate.run(deployment="acme/image-app", input={"prompt": "x"}) == "hello Alice"


def test_create_sends_wait_deadline_and_webhook(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction())

    replicate.create(
        "acme/flux",
        {"prompt": "x"},
        wait=True,
        deadline=datetime.timedelta(minutes=90),
        webhook="https://example.com/hook",
        webhook_events_filter=["start", "completed"],
    )

    request = httpx_mock.get_request()
    assert request is not None
    assert request.headers["Prefer"] == "wait"
    assert request.headers["Cancel-After"] == "1h30m"
    assert json.loads(request.content) == {
        "input": {"prompt": "x"},
        "webhook": "https://example.com/hook",
        "webhook_events_filter": ["start", "completed"],
    }
    # "Prefer: wait" may hold the request 60 s: the read timeout outlasts it.
    assert request.extensions["timeout"]["read"] == 70.0


@pytest.mark.parametrize(
    ("options", "webhook", "sent"),
    [
        ({}, "HTTPS://example.com/hook", "https://example.com/hook"),
        ({}, "Https://example.com/hook?x=1", "https://example.com/hook?x=1"),
        ({}, "http://127.0.0.1:8080/hook", "http://127.0.0.1:8080/hook"),
        ({}, "http://[::1]:8080/hook", "http://[::1]:8080/hook"),
        ({"allow_insecure_http": True}, "http://example.com/hook", "http://example.com/hook"),
    ],
    ids=["upper-case https", "mixed-case https", "loopback", "ipv6 loopback", "opted in"],
)
def test_webhook_schemes_are_case_insensitive_and_plain_http_needs_loopback_or_opt_in(
    make_client: Callable[..., Replicate],
    httpx_mock: HTTPXMock,
    options: dict[str, Any],
    webhook: str,
    sent: str,
) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction())
    replicate = make_client(**options)

    replicate.create("acme/flux", {}, webhook=webhook)

    request = httpx_mock.get_request()
    assert request is not None
    assert json.loads(request.content)["webhook"] == sent


def test_the_longest_deadline_is_a_day(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction())

    replicate.create("acme/flux", {}, deadline=datetime.timedelta(hours=24))

    request = httpx_mock.get_request()
    assert request is not None
    assert request.headers["Cancel-After"] == "24h"


def test_create_without_wait_sends_no_prefer_and_keeps_the_default_timeout(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction("starting"))

    prediction = replicate.create("acme/flux", {"prompt": "x"})

    request = httpx_mock.get_request()
    assert request is not None
    assert "Prefer" not in request.headers
    assert "Cancel-After" not in request.headers
    assert request.extensions["timeout"]["read"] == 30.0
    assert prediction.status == "starting"


BAD_ARGUMENTS: list[tuple[Callable[[Replicate], object], str]] = [
    (lambda r: r.create("not a ref", {}), "invalid model reference 'not a ref'"),
    (lambda r: r.create("acme/flux:abc", {}), "invalid model reference 'acme/flux:abc'"),
    (lambda r: r.create(deployment="nope", input={}), "invalid deployment 'nope'"),
    (lambda r: r.create("acme/a", {}, deployment="acme/b"), "not both"),
    (lambda r: r.create(None, {}), "name what to run"),
    (lambda r: r.create("acme/flux", {}, wait=61), "got 61"),
    (lambda r: r.create("acme/flux", {}, wait=0), "got 0"),
    (lambda r: r.create("acme/flux", {}, deadline="4s"), "at least 5 seconds, got '4s'"),
    (lambda r: r.create("acme/flux", {}, deadline="soon"), "cannot read duration 'soon'"),
    (lambda r: r.create("acme/flux", {"when": object()}), "input['when'] is a object"),
    (lambda r: r.create("acme/flux", {"x": [1, float("nan")]}), "input['x'][1] is nan"),
    (
        lambda r: r.create("acme/flux", {}, webhook_events_filter=["done"]),
        "unknown events ['done']",
    ),
    (lambda r: r.create("acme/flux", {}, webhook="ftp://x"), "webhook must be an http"),
    (lambda r: r.create("acme/flux", {}, webhook="https://[::1/h"), "webhook must be an http"),
    (
        lambda r: r.create("acme/flux", {}, webhook="http://example.com/hook"),
        "refusing plain http for 'http://example.com/hook'",
    ),
    (
        lambda r: r.run("acme/flux", {}, webhook="HTTP://203.0.113.7/hook"),
        "refusing plain http for 'HTTP://203.0.113.7/hook'",
    ),
    (
        lambda r: r.create("acme/flux", {}, deadline=1e308),
        "at most 24h (86400 seconds), got 1e+308",
    ),
    (
        lambda r: r.create("acme/flux", {}, deadline=1e305),
        "at most 24h (86400 seconds), got 1e+305",
    ),
    (
        lambda r: r.create("acme/flux", {}, deadline=10**400),
        "at most 24h (86400 seconds), got 1000",
    ),
    (lambda r: r.create("acme/flux", {}, deadline=float("nan")), "a number of seconds, got nan"),
    (lambda r: r.run("acme/flux", {}, deadline="25h"), "at most 24h (86400 seconds), got '25h'"),
    (lambda r: r.run("acme/flux", {}, timeout=0), "timeout must be a positive"),
]


@pytest.mark.parametrize(
    ("call", "message"),
    BAD_ARGUMENTS,
)
def test_bad_arguments_raise_before_any_request(
    replicate: Replicate, call: Callable[[Replicate], object], message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        call(replicate)
    # pytest-httpx fails the test on any request that was sent


def test_get(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(url=f"{API}/predictions/{PREDICTION_ID}", json=payloads.prediction())

    assert replicate.predictions.get(PREDICTION_ID).output == "hello Alice"


def test_list_follows_absolute_next_urls_across_pages(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    first, second = f"{API}/predictions?source=web", f"{API}/predictions?cursor=p2"
    third = f"{API}/predictions?cursor=p3"
    httpx_mock.add_response(
        url=first, json=payloads.page([payloads.prediction(id="a")], next_url=second)
    )
    httpx_mock.add_response(
        url=second,
        json=payloads.page(
            [payloads.prediction(id="b"), payloads.prediction(id="c")], next_url=third
        ),
    )
    httpx_mock.add_response(url=third, json=payloads.page([payloads.prediction(id="d")]))

    ids = [p.id for p in replicate.predictions.list(source="web")]

    assert ids == ["a", "b", "c", "d"]


def test_list_is_lazy(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(
        url=f"{API}/predictions",
        json=payloads.page([payloads.prediction(id="a")], next_url=f"{API}/predictions?cursor=2"),
    )

    with Replicate(payloads.TOKEN, base_url=API) as client:
        predictions = iter(client.predictions.list())
        assert httpx_mock.get_requests() == []
        assert next(predictions).id == "a"
        assert len(httpx_mock.get_requests()) == 1


def test_list_refuses_a_next_url_on_another_host(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(
        url=f"{API}/predictions",
        json=payloads.page([], next_url="https://evil.example/v1/predictions?cursor=2"),
    )

    with pytest.raises(InvalidResponseError, match=r"evil\.example.*not followed"):
        list(replicate.predictions.list())
