"""Contract tests for trainings."""

from __future__ import annotations

import pytest
from replicate_api.api.trainings import (
    trainings_cancel,
    trainings_create,
    trainings_get,
    trainings_list,
)
from replicate_api.models import (
    Training,
    TrainingOutput,
    TrainingPage,
    TrainingRequest,
    TrainingRequestInput,
    TrainingStatus,
    WebhookEvent,
)

from tests.support import payloads
from tests.support.contract import Contract
from tests.support.payloads import TRAINING_ID, VERSION_ID


@pytest.mark.operation("trainings.create", 201)
def test_create(contract: Contract) -> None:
    exchange = contract("trainings.create")
    exchange.respond(201, payloads.training("starting"))

    response = exchange.call(
        trainings_create,
        "stability-ai",
        "sdxl",
        VERSION_ID,
        body=TrainingRequest(
            destination="acme/sdxl-tuned",
            input_=TrainingRequestInput.from_dict(
                {"input_images": "https://example.com/images.zip", "max_train_steps": 1000}
            ),
            webhook="https://example.com/hooks/training",
            webhook_events_filter=[WebhookEvent.COMPLETED],
        ),
    )

    exchange.assert_request(
        f"/models/stability-ai/sdxl/versions/{VERSION_ID}/trainings",
        json_body={
            "destination": "acme/sdxl-tuned",
            "input": {"input_images": "https://example.com/images.zip", "max_train_steps": 1000},
            "webhook": "https://example.com/hooks/training",
            "webhook_events_filter": ["completed"],
        },
    )
    training = response.parsed
    assert isinstance(training, Training)
    assert training.status is TrainingStatus.STARTING
    assert training.output is None
    assert training.started_at is None


@pytest.mark.operation("trainings.get", 200)
def test_get_a_finished_training(contract: Contract) -> None:
    exchange = contract("trainings.get")
    exchange.respond(200, payloads.training("succeeded"))

    response = exchange.call(trainings_get, TRAINING_ID)

    exchange.assert_request(f"/trainings/{TRAINING_ID}")
    training = response.parsed
    assert isinstance(training, Training)
    assert isinstance(training.output, TrainingOutput)
    assert training.output.version == f"acme/sdxl-tuned:{'a' * 64}"


@pytest.mark.operation("trainings.list", 200)
def test_list(contract: Contract) -> None:
    exchange = contract("trainings.list")
    exchange.respond(
        200,
        payloads.page(
            [payloads.training("processing")], next_url=f"{payloads.API}/trainings?cursor=xyz"
        ),
    )

    response = exchange.call(trainings_list)

    exchange.assert_request("/trainings")
    page = response.parsed
    assert isinstance(page, TrainingPage)
    assert isinstance(page.results, list)
    assert page.results[0].status is TrainingStatus.PROCESSING
    assert page.results[0].completed_at is None


@pytest.mark.operation("trainings.cancel", 200)
def test_cancel(contract: Contract) -> None:
    exchange = contract("trainings.cancel")
    exchange.respond(200, payloads.training("canceled"))

    response = exchange.call(trainings_cancel, TRAINING_ID)

    exchange.assert_request(f"/trainings/{TRAINING_ID}/cancel")
    assert isinstance(response.parsed, Training)
    assert response.parsed.status is TrainingStatus.CANCELED
