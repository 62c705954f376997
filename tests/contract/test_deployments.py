"""Contract tests for /deployments and predictions through a deployment."""

from __future__ import annotations

import pytest
from replicate_api.api.deployments import (
    deployments_create,
    deployments_delete,
    deployments_get,
    deployments_list,
    deployments_predictions_create,
    deployments_update,
)
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
from tests.support.contract import Contract
from tests.support.payloads import VERSION_ID


@pytest.mark.operation("deployments.list", 200)
def test_list(contract: Contract) -> None:
    exchange = contract("deployments.list")
    exchange.respond(200, payloads.page([payloads.deployment()]))

    response = exchange.call(deployments_list)

    exchange.assert_request("/deployments")
    page = response.parsed
    assert isinstance(page, DeploymentPage)
    assert isinstance(page.results, list)
    assert page.results[0].name == "my-app-image-generator"


@pytest.mark.operation("deployments.create", 200)
def test_create(contract: Contract) -> None:
    exchange = contract("deployments.create")
    exchange.respond(200, payloads.deployment())

    response = exchange.call(
        deployments_create,
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
    deployment = response.parsed
    assert isinstance(deployment, Deployment)
    assert isinstance(deployment.current_release, DeploymentRelease)
    assert deployment.current_release.number == 1


@pytest.mark.operation("deployments.get", 200)
def test_get(contract: Contract) -> None:
    exchange = contract("deployments.get")
    exchange.respond(200, payloads.deployment())

    response = exchange.call(deployments_get, "acme", "my-app-image-generator")

    exchange.assert_request("/deployments/acme/my-app-image-generator")
    deployment = response.parsed
    assert isinstance(deployment, Deployment)
    assert isinstance(deployment.current_release, DeploymentRelease)
    creator = deployment.current_release.created_by
    assert isinstance(creator, DeploymentReleaseCreator)
    assert creator.type_ is AccountType.ORGANIZATION


@pytest.mark.operation("deployments.update", 200)
def test_update(contract: Contract) -> None:
    exchange = contract("deployments.update")
    exchange.respond(200, payloads.deployment())

    response = exchange.call(
        deployments_update,
        "acme",
        "my-app-image-generator",
        body=DeploymentUpdateRequest(min_instances=0, max_instances=3),
    )

    exchange.assert_request(
        "/deployments/acme/my-app-image-generator",
        json_body={"min_instances": 0, "max_instances": 3},
    )
    assert isinstance(response.parsed, Deployment)


@pytest.mark.operation("deployments.delete", 204)
def test_delete(contract: Contract) -> None:
    exchange = contract("deployments.delete")
    exchange.respond(204)

    response = exchange.call(deployments_delete, "acme", "my-app-image-generator")

    exchange.assert_request("/deployments/acme/my-app-image-generator")
    assert response.status_code == 204
    assert response.parsed is None


@pytest.mark.operation("deployments.predictions.create", 201, 202)
@pytest.mark.parametrize(
    ("status", "payload_status", "expected"),
    [(201, "succeeded", PredictionStatus.SUCCEEDED), (202, "starting", PredictionStatus.STARTING)],
)
def test_prediction_through_a_deployment(
    contract: Contract, status: int, payload_status: str, expected: PredictionStatus
) -> None:
    exchange = contract("deployments.predictions.create")
    exchange.respond(
        status, payloads.prediction(payload_status, deployment="acme/my-app-image-generator")
    )

    response = exchange.call(
        deployments_predictions_create,
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
        "/deployments/acme/my-app-image-generator/predictions",
        json_body={
            "input": {"prompt": "an astronaut", "seed": 7},
            "webhook": "https://example.com/hooks",
            "webhook_events_filter": ["completed"],
        },
        headers={"Prefer": "wait=60", "Cancel-After": "30s"},
    )
    prediction = response.parsed
    assert isinstance(prediction, Prediction)
    assert prediction.status is expected
    assert prediction.deployment == "acme/my-app-image-generator"
