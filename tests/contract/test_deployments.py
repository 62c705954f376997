"""Contract tests for /deployments and predictions through a deployment."""

from __future__ import annotations

import pytest
from replicate_api.models import (
    AccountType,
    Deployment,
    DeploymentCreateRequest,
    DeploymentPage,
    DeploymentRelease,
    DeploymentReleaseCreator,
    DeploymentUpdateRequest,
    Prediction,
    PredictionRequest,
    PredictionRequestInput,
    PredictionStatus,
    WebhookEvent,
)

from tests.support import payloads
from tests.support.contract import Exchange
from tests.support.payloads import VERSION_ID

DEPLOYMENT = "/deployments/acme/my-app-image-generator"


@pytest.mark.operation("deployments.list", 200)
def test_list(exchange: Exchange) -> None:
    exchange.respond(200, payloads.page([payloads.deployment()]))

    page = exchange.parsed(DeploymentPage)

    exchange.assert_request("/deployments")
    assert isinstance(page.results, list)
    assert page.results[0].name == "my-app-image-generator"


@pytest.mark.operation("deployments.create", 200)
def test_create(exchange: Exchange) -> None:
    exchange.respond(200, payloads.deployment())

    deployment = exchange.parsed(
        Deployment,
        body=DeploymentCreateRequest(
            name="my-app-image-generator",
            model="stability-ai/sdxl",
            version=VERSION_ID,
            hardware="gpu-t4",
            min_instances=1,
            max_instances=5,
        ),
    )

    exchange.assert_request(
        "/deployments",
        json_body={
            "name": "my-app-image-generator",
            "model": "stability-ai/sdxl",
            "version": VERSION_ID,
            "hardware": "gpu-t4",
            "min_instances": 1,
            "max_instances": 5,
        },
    )
    assert isinstance(deployment.current_release, DeploymentRelease)
    assert deployment.current_release.number == 1


@pytest.mark.operation("deployments.get", 200)
def test_get(exchange: Exchange) -> None:
    exchange.respond(200, payloads.deployment())

    deployment = exchange.parsed(Deployment, "acme", "my-app-image-generator")

    exchange.assert_request(DEPLOYMENT)
    assert isinstance(deployment.current_release, DeploymentRelease)
    creator = deployment.current_release.created_by
    assert isinstance(creator, DeploymentReleaseCreator)
    assert creator.type_ is AccountType.ORGANIZATION


@pytest.mark.operation("deployments.update", 200)
def test_update(exchange: Exchange) -> None:
    exchange.respond(200, payloads.deployment())

    exchange.parsed(
        Deployment,
        "acme",
        "my-app-image-generator",
        body=DeploymentUpdateRequest(min_instances=0, max_instances=3),
    )

    exchange.assert_request(
        DEPLOYMENT,
        json_body={"min_instances": 0, "max_instances": 3},
    )


@pytest.mark.operation("deployments.delete", 204)
def test_delete(exchange: Exchange) -> None:
    exchange.respond(204)

    assert exchange.call_for_status("acme", "my-app-image-generator") == 204

    exchange.assert_request(DEPLOYMENT)


@pytest.mark.operation("deployments.predictions.create", 201, 202)
@pytest.mark.parametrize(
    ("status", "payload_status", "expected"),
    [(201, "succeeded", PredictionStatus.SUCCEEDED), (202, "starting", PredictionStatus.STARTING)],
)
def test_prediction_through_a_deployment(
    exchange: Exchange, status: int, payload_status: str, expected: PredictionStatus
) -> None:
    exchange.respond(
        status, payloads.prediction(payload_status, deployment="acme/my-app-image-generator")
    )

    prediction = exchange.parsed(
        Prediction,
        "acme",
        "my-app-image-generator",
        body=PredictionRequest(
            input_=PredictionRequestInput.from_dict({"prompt": "an astronaut", "seed": 7}),
            webhook_events_filter=[WebhookEvent.COMPLETED],
            webhook="https://example.com/hooks",
        ),
        prefer="wait=60",
        cancel_after="30s",
    )

    exchange.assert_request(
        f"{DEPLOYMENT}/predictions",
        json_body={
            "input": {"prompt": "an astronaut", "seed": 7},
            "webhook": "https://example.com/hooks",
            "webhook_events_filter": ["completed"],
        },
        headers={"Prefer": "wait=60", "Cancel-After": "30s"},
    )
    assert prediction.status is expected
    assert prediction.deployment == "acme/my-app-image-generator"
