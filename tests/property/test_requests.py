"""Every request body the facade builds validates against the spec's request schema."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from replicate_typed import Replicate
from replicate_typed._options import MAX_DEADLINE, MIN_DEADLINE, WEBHOOK_EVENTS, parse_duration

from tests.property.schemas import from_schema
from tests.support import payloads, spec


def _owner_name(owner: str, name: str) -> str:
    return f"{owner}/{name}"


def _webhook(path: str) -> str:
    return f"https://hooks.example.com/{path}"


NAME = st.text(string.ascii_lowercase + string.digits + "-_.", min_size=1, max_size=20).filter(
    lambda name: name[0].isalnum()
)
OWNER_NAME = st.builds(_owner_name, NAME, NAME)
VERSION = st.text("0123456789abcdef", min_size=64, max_size=64)
INPUT = from_schema({"type": "object", "maxProperties": 5})
WAIT = st.one_of(st.booleans(), st.integers(1, 60))
DEADLINE = st.one_of(
    st.none(),
    st.floats(MIN_DEADLINE, MAX_DEADLINE, allow_nan=False),
    st.timedeltas(timedelta(seconds=MIN_DEADLINE), timedelta(seconds=MAX_DEADLINE)),
    st.sampled_from(["30s", "5m", "1h30m", "90", "2h"]),
)
WEBHOOK = st.one_of(st.none(), st.builds(_webhook, NAME))
EVENTS = st.one_of(st.none(), st.lists(st.sampled_from(WEBHOOK_EVENTS), min_size=1, unique=True))
PREFER = re.compile(
    spec.spec()["components"]["parameters"]["parameters_prefer_header"]["schema"]["pattern"]
)
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _capture(
    call: Callable[[Replicate], object], response: dict[str, Any], status: int = 201
) -> httpx.Request:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json=response)

    with Replicate(payloads.TOKEN, transport=httpx.MockTransport(handler)) as client:
        call(client)
    (request,) = seen
    return request


@SETTINGS
@given(
    kind=st.sampled_from(["version", "official", "deployment"]),
    name=OWNER_NAME,
    version=VERSION,
    input=INPUT,
    wait=WAIT,
    deadline=DEADLINE,
    webhook=WEBHOOK,
    events=EVENTS,
)
def test_prediction_creates(
    *,
    kind: str,
    name: str,
    version: str,
    input: dict[str, Any],
    wait: bool | int,
    deadline: Any,
    webhook: str | None,
    events: list[str] | None,
) -> None:
    options: dict[str, Any] = {
        "wait": wait,
        "deadline": deadline,
        "webhook": webhook,
        "webhook_events_filter": events,
    }
    creates: dict[str, tuple[str, Callable[[Replicate], object]]] = {
        "version": (
            "predictions.create",
            lambda c: c.create(f"{name}:{version}", input, **options),
        ),
        "official": ("models.predictions.create", lambda c: c.create(name, input, **options)),
        "deployment": (
            "deployments.predictions.create",
            lambda c: c.create(None, input, deployment=name, **options),
        ),
    }
    operation, call = creates[kind]

    request = _capture(call, payloads.prediction())

    spec.validate_request(operation, json.loads(request.content))
    prefer = request.headers.get("Prefer")
    assert (prefer is None) is (wait is False)
    assert prefer is None or PREFER.match(prefer)
    cancel_after = request.headers.get("Cancel-After")
    assert (cancel_after is None) is (deadline is None)
    assert cancel_after is None or parse_duration(cancel_after) >= 5


@SETTINGS
@given(base=OWNER_NAME, version=VERSION, destination=OWNER_NAME, input=INPUT, events=EVENTS)
def test_training_creates(
    base: str, version: str, destination: str, input: dict[str, Any], events: list[str] | None
) -> None:
    request = _capture(
        lambda c: c.trainings.create(
            f"{base}:{version}", input, destination=destination, webhook_events_filter=events
        ),
        payloads.training("starting"),
    )

    spec.validate_request("trainings.create", json.loads(request.content))


@SETTINGS
@given(
    name=OWNER_NAME,
    version=VERSION,
    hardware=NAME,
    scale=st.tuples(st.integers(0, 5), st.integers(5, 20)),
    description=st.one_of(st.none(), st.text(max_size=50)),
    visibility=st.sampled_from(["public", "private"]),
)
def test_model_and_deployment_bodies(
    *,
    name: str,
    version: str,
    hardware: str,
    scale: tuple[int, int],
    description: str | None,
    visibility: Any,
) -> None:
    low, high = scale
    cases: list[tuple[str, Callable[[Replicate], object], dict[str, Any], int]] = [
        (
            "models.create",
            lambda c: c.models.create(
                name, visibility=visibility, hardware=hardware, description=description
            ),
            payloads.model(),
            201,
        ),
        (
            "models.update",
            lambda c: c.models.update(name, description=description),
            payloads.model(),
            200,
        ),
        (
            "deployments.create",
            lambda c: c.deployments.create(
                "app",
                model=name,
                version=version,
                hardware=hardware,
                min_instances=low,
                max_instances=high,
            ),
            payloads.deployment(),
            200,
        ),
        (
            "deployments.update",
            lambda c: c.deployments.update(name, min_instances=low, max_instances=high),
            payloads.deployment(),
            200,
        ),
    ]
    for operation, call, response, status in cases:
        request = _capture(call, response, status)
        spec.validate_request(operation, json.loads(request.content))
