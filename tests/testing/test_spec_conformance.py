"""FakeReplicate serves every operation, and everything it sends validates against openapi.json."""

from __future__ import annotations

import io
import json
from pathlib import Path

import httpx
import pytest
from regenerate.spec import operations
from replicate_typed import Replicate
from replicate_typed.testing import FakeReplicate, FakeTransport
from replicate_typed.testing._spec import match

from tests.support import spec


class CheckingTransport(httpx.BaseTransport):
    """Validate every JSON response of the fake against openapi.json, independently of it."""

    def __init__(self, fake: FakeReplicate) -> None:
        self._inner = FakeTransport(fake)
        self.checked: set[tuple[str, int]] = set()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        routed = match(request.method, request.url.path.removeprefix("/v1"))
        media = response.headers.get("content-type", "").partition(";")[0]
        if routed and media.endswith("json"):
            operation = routed[0].operation_id
            spec.validate_response(
                operation, response.status_code, json.loads(response.read()), media
            )
            self.checked.add((operation, response.status_code))
        return response


def test_every_operation_is_served_and_valid(tmp_path: Path) -> None:
    fake = FakeReplicate(page_size=2)
    transport = CheckingTransport(fake)
    with Replicate(
        "r8_test", transport=transport, sleep=fake.clock.sleep, clock=fake.clock.now
    ) as r:
        _predictions_and_deployments(r, fake)
        _models_versions_and_trainings(r, tmp_path)
        _files(r, fake)
        list(r.collections.list())
        r.collections.get("text-generation")
        r.hardware.list()
        r.account.get()
        r.search("story")
        r.webhooks.default_secret()

    served = {request.operation for request in fake.requests if request.operation}
    assert served == {operation.operation_id for operation in operations(spec.spec())}
    assert len(transport.checked) >= 30


def _predictions_and_deployments(r: Replicate, fake: FakeReplicate) -> None:
    hello = fake.models["replicate/hello-world"].version_id
    assert r.run("replicate/hello-world", {"text": "x"}) == "hello x"
    prediction = r.create(f"replicate/hello-world:{hello}", {"text": "y"})
    r.predictions.get(prediction.id)
    r.cancel(prediction.id)
    list(r.predictions.list())
    fake.add_deployment("fake-account/app", "replicate/hello-world")
    r.run(deployment="fake-account/app", input={"text": "z"})
    r.deployments.create(
        "other",
        model="replicate/hello-world",
        version=hello,
        hardware="cpu",
        min_instances=0,
        max_instances=1,
    )
    r.deployments.get("fake-account/other")
    list(r.deployments.list())
    r.deployments.update("fake-account/other", max_instances=2)
    r.deployments.delete("fake-account/other")


def _models_versions_and_trainings(r: Replicate, tmp_path: Path) -> None:
    upload = tmp_path / "photo.png"
    upload.write_bytes(b"\x89PNG")
    r.models.create("fake-account/mine", visibility="private", hardware="cpu")
    model = r.models.get("replicate/hello-world")
    list(r.models.list())
    list(r.models.search("hello"))
    r.models.update("fake-account/mine", description="mine")
    r.models.readme("replicate/hello-world")
    list(r.models.examples("replicate/hello-world"))
    assert model.latest_version is not None
    version = model.latest_version.id
    r.models.versions.get("replicate/hello-world", version)
    list(r.models.versions.list("replicate/hello-world"))
    training = r.trainings.create(
        f"replicate/hello-world:{version}", {"data": upload}, destination="fake-account/mine"
    )
    r.trainings.get(str(training.id))
    list(r.trainings.list())
    trained = r.trainings.wait(training)
    new_version = str(trained.output.version).rsplit(":", 1)[1]  # type: ignore[union-attr]
    r.models.versions.delete("fake-account/mine", new_version)
    r.trainings.cancel(str(training.id))
    r.models.delete("fake-account/mine")


def _files(r: Replicate, fake: FakeReplicate) -> None:
    file = r.files.create(io.BytesIO(b"abc"), filename="a.txt")
    r.files.get(str(file.id))
    list(r.files.list())
    signature = fake.download_signature(str(file.id), "fake-account", "1795000000")
    content = r.files.download(
        str(file.id), owner="fake-account", expiry=1795000000, signature=signature
    ).read()
    assert content == b"abc"
    r.files.delete(str(file.id))


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        (b"{not json", 400, "not valid JSON"),
        (b'{"input": {}}', 422, "'version' is a required property"),
        (b'{"version": "x", "input": {}, "extra": 1}', 422, "Additional properties"),
        (b'{"version": "x", "input": "text"}', 422, "is not of type 'object'"),
    ],
)
def test_bad_request_bodies_get_problem_json(body: bytes, status: int, detail: str) -> None:
    with httpx.Client(transport=FakeReplicate().transport()) as http:
        response = http.post(
            "https://api.replicate.com/v1/predictions",
            content=body,
            headers={"Authorization": "Bearer t", "Content-Type": "application/json"},
        )

    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert detail in response.json()["detail"]


def test_requests_without_a_token_are_refused() -> None:
    with httpx.Client(transport=FakeReplicate().transport()) as http:
        response = http.get("https://api.replicate.com/v1/account")

    assert response.status_code == 401
    assert response.json()["title"] == "Unauthenticated"
