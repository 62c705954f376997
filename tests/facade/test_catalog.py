"""Trainings, models, versions, deployments, collections, hardware, account, search, webhooks."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import (
    Account,
    Collection,
    Deployment,
    Hardware,
    Model,
    Replicate,
    SearchResults,
    Training,
    TrainingStatus,
    TrainingTimeoutError,
    Version,
)

from tests.support import payloads
from tests.support.clock import FakeTime
from tests.support.payloads import API, TRAINING_ID, VERSION_ID

TRAINING = f"{API}/trainings/{TRAINING_ID}"


def test_trainings_lifecycle(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    create = f"{API}/models/stability-ai/sdxl/versions/{VERSION_ID}/trainings"
    httpx_mock.add_response(
        method="POST", url=create, status_code=201, json=payloads.training("starting")
    )
    httpx_mock.add_response(url=TRAINING, json=payloads.training("processing"))
    httpx_mock.add_response(url=TRAINING, json=payloads.training("succeeded"))
    httpx_mock.add_response(url=f"{API}/trainings", json=payloads.page([payloads.training()]))
    httpx_mock.add_response(
        method="POST", url=f"{TRAINING}/cancel", json=payloads.training("canceled")
    )

    training = replicate.trainings.create(
        f"stability-ai/sdxl:{VERSION_ID}",
        {"max_train_steps": 1000},
        destination="acme/sdxl-tuned",
        webhook="https://example.com/hook",
        webhook_events_filter=["completed"],
    )
    done = replicate.trainings.wait(training)
    listed = list(replicate.trainings.list())
    canceled = replicate.trainings.cancel(TRAINING_ID)

    assert isinstance(done, Training)
    assert done.status is TrainingStatus.SUCCEEDED
    assert [t.id for t in listed] == [TRAINING_ID]
    assert canceled.status is TrainingStatus.CANCELED
    assert json.loads(httpx_mock.get_requests()[0].content) == {
        "destination": "acme/sdxl-tuned",
        "input": {"max_train_steps": 1000},
        "webhook": "https://example.com/hook",
        "webhook_events_filter": ["completed"],
    }


def test_a_training_refuses_a_plain_http_webhook_before_any_request(replicate: Replicate) -> None:
    with pytest.raises(
        ValueError, match=re.escape("refusing plain http for 'http://example.com/hook'")
    ):
        replicate.trainings.create(
            f"stability-ai/sdxl:{VERSION_ID}",
            {},
            destination="acme/sdxl-tuned",
            webhook="http://example.com/hook",
        )


def test_training_wait_times_out(
    replicate: Replicate, httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    httpx_mock.add_response(url=TRAINING, json=payloads.training("processing"), is_reusable=True)

    with pytest.raises(TrainingTimeoutError) as caught:
        replicate.trainings.wait(TRAINING_ID, timeout=1)

    assert caught.value.training.status is TrainingStatus.PROCESSING
    assert sum(fake_time.sleeps) == pytest.approx(1)


BAD_ARGUMENTS: list[tuple[Callable[[Replicate], object], str]] = [
    (
        lambda r: r.trainings.create("acme/flux", {}, destination="a/b"),
        "expected 'owner/name:<64",
    ),
    (lambda r: r.trainings.create(f"a/b:{VERSION_ID}", {}, destination="nope"), "destination"),
    (lambda r: r.models.get("flux"), "invalid model 'flux'"),
    (
        lambda r: r.models.create("acme/x", visibility="secret", hardware="cpu"),  # type: ignore[arg-type]
        "visibility",
    ),
    (lambda r: r.deployments.update("acme/app", min_instances=6), "min_instances must be"),
    (
        lambda r: r.deployments.update("acme/app", min_instances=3, max_instances=2),
        "must not exceed",
    ),
    (lambda r: r.search(""), "query must be non-empty"),
    (lambda r: r.search("x", limit=51), "limit must be from 1 to 50"),
    (lambda r: r.models.search("  "), "query must be non-empty"),
]


@pytest.mark.parametrize(
    ("call", "message"),
    BAD_ARGUMENTS,
)
def test_bad_arguments_are_refused_before_any_request(
    replicate: Replicate, call: Callable[[Replicate], object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        call(replicate)


def test_models_and_versions(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    model_url = f"{API}/models/acme/hello"
    httpx_mock.add_response(method="GET", url=model_url, json=payloads.model("acme", "hello"))
    httpx_mock.add_response(
        url=f"{API}/models?sort_by=model_created_at&sort_direction=asc",
        json=payloads.page([payloads.model()]),
    )
    httpx_mock.add_response(
        method="QUERY", url=f"{API}/models", json=payloads.page([payloads.model()])
    )
    httpx_mock.add_response(
        method="POST", url=f"{API}/models", status_code=201, json=payloads.model("acme", "new")
    )
    httpx_mock.add_response(method="PATCH", url=model_url, json=payloads.model("acme", "hello"))
    httpx_mock.add_response(method="DELETE", url=f"{API}/models/acme/new", status_code=204)
    httpx_mock.add_response(url=f"{model_url}/readme", text="# Hello\n")
    httpx_mock.add_response(
        url=f"{model_url}/examples", json=payloads.page([payloads.prediction()])
    )
    httpx_mock.add_response(url=f"{model_url}/versions/{VERSION_ID}", json=payloads.version())
    httpx_mock.add_response(url=f"{model_url}/versions", json=payloads.page([payloads.version()]))
    httpx_mock.add_response(
        method="DELETE", url=f"{model_url}/versions/{VERSION_ID}", status_code=202
    )

    assert isinstance(replicate.models.get("acme/hello"), Model)
    assert len(list(replicate.models.list(sort_by="model_created_at", sort_direction="asc"))) == 1
    assert [m.name for m in replicate.models.search("hello models")] == ["hello-world"]
    new = replicate.models.create("acme/new", visibility="private", hardware="cpu", description="d")
    replicate.models.update("acme/hello", readme="# Hello\n")
    replicate.models.delete("acme/new")
    readme = replicate.models.readme("acme/hello")
    examples = list(replicate.models.examples("acme/hello"))
    version = replicate.models.versions.get("acme/hello", VERSION_ID)
    versions = list(replicate.models.versions.list("acme/hello"))
    replicate.models.versions.delete("acme/hello", VERSION_ID)

    assert new.name == "new"
    assert readme == "# Hello\n"
    assert examples[0].output == "hello Alice"
    assert isinstance(version, Version)
    assert [v.id for v in versions] == [VERSION_ID]
    requests = httpx_mock.get_requests()
    assert requests[2].content == b"hello models"
    assert json.loads(requests[3].content) == {
        "owner": "acme",
        "name": "new",
        "visibility": "private",
        "hardware": "cpu",
        "description": "d",
    }
    assert json.loads(requests[4].content) == {"readme": "# Hello\n"}


def test_deployments(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    url = f"{API}/deployments/acme/app"
    httpx_mock.add_response(method="POST", url=f"{API}/deployments", json=payloads.deployment())
    httpx_mock.add_response(method="GET", url=url, json=payloads.deployment())
    httpx_mock.add_response(
        method="GET", url=f"{API}/deployments", json=payloads.page([payloads.deployment()])
    )
    httpx_mock.add_response(method="PATCH", url=url, json=payloads.deployment())
    httpx_mock.add_response(method="DELETE", url=url, status_code=204)

    created = replicate.deployments.create(
        "app",
        model="acme/flux",
        version=VERSION_ID,
        hardware="gpu-t4",
        min_instances=0,
        max_instances=2,
    )
    fetched = replicate.deployments.get("acme/app")
    listed = list(replicate.deployments.list())
    replicate.deployments.update("acme/app", max_instances=5)
    replicate.deployments.delete("acme/app")

    assert isinstance(created, Deployment)
    assert isinstance(fetched, Deployment)
    assert len(listed) == 1
    requests = httpx_mock.get_requests()
    assert json.loads(requests[0].content)["max_instances"] == 2
    assert json.loads(requests[3].content) == {"max_instances": 5}


def test_collections_hardware_account_search_and_webhook_secret(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    summary = {"name": "Upscalers", "slug": "super-resolution", "description": "Make it bigger."}
    httpx_mock.add_response(url=f"{API}/collections", json=payloads.page([summary]))
    httpx_mock.add_response(url=f"{API}/collections/super-resolution", json=payloads.collection())
    httpx_mock.add_response(url=f"{API}/hardware", json=[{"name": "CPU", "sku": "cpu"}])
    httpx_mock.add_response(url=f"{API}/account", json={"type": "user", "username": "alice"})
    httpx_mock.add_response(
        url=f"{API}/search?query=upscale&limit=5",
        json={"query": "upscale", "models": [], "collections": [], "pages": []},
    )
    httpx_mock.add_response(url=f"{API}/webhooks/default/secret", json={"key": "whsec_abc="})

    assert [c.slug for c in replicate.collections.list()] == ["super-resolution"]
    assert isinstance(replicate.collections.get("super-resolution"), Collection)
    hardware = replicate.hardware.list()
    assert all(isinstance(h, Hardware) for h in hardware)
    assert hardware[0].sku == "cpu"
    account = replicate.account.get()
    assert isinstance(account, Account)
    assert account.username == "alice"
    assert isinstance(replicate.search("upscale", limit=5), SearchResults)
    assert replicate.webhooks.default_secret() == "whsec_abc="


def test_pages_one_at_a_time_and_all_three(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    first, second, third = (
        f"{API}/deployments",
        f"{API}/deployments?cursor=2",
        f"{API}/deployments?cursor=3",
    )
    one = payloads.page([payloads.deployment(name="a")], next_url=second)
    two = payloads.page([payloads.deployment(name="b")], next_url=third, previous=first)
    three = payloads.page([payloads.deployment(name="c")], previous=second)
    for url, body in ((first, one), (second, two), (third, three)):
        httpx_mock.add_response(url=url, json=body, is_reusable=True)

    pager = replicate.deployments.list()
    page = pager.page()
    following = pager.page(page.next)
    every = [p.results[0].name for p in pager.pages()]
    items = [d.name for d in pager]

    assert [d.name for d in page.results] == ["a"]
    assert (following.previous, following.next) == (first, third)
    assert every == ["a", "b", "c"]
    assert items == ["a", "b", "c"]
