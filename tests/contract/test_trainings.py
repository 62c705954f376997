"""Contract tests for trainings."""

from __future__ import annotations

import pytest
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
from tests.support.contract import Exchange
from tests.support.payloads import TRAINING_ID, VERSION_ID

TRAINING = f"/trainings/{TRAINING_ID}"


@pytest.mark.operation("trainings.create", 201)
def test_create(exchange: Exchange) -> None:
    exchange.respond(201, payloads.training("starting"))

    training = exchange.parsed(
        Training,
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
    assert training.status is TrainingStatus.STARTING
    assert training.output is None
    assert training.started_at is None


@pytest.mark.operation("trainings.get", 200)
def test_get_a_finished_training(exchange: Exchange) -> None:
    exchange.respond(200, payloads.training("succeeded"))

    training = exchange.parsed(Training, TRAINING_ID)

    exchange.assert_request(TRAINING)
    assert isinstance(training.output, TrainingOutput)
    assert training.output.version == f"acme/sdxl-tuned:{'a' * 64}"


@pytest.mark.operation("trainings.list", 200)
def test_list(exchange: Exchange) -> None:
    exchange.respond(
        200,
        payloads.page(
            [payloads.training("processing")], next_url=f"{payloads.API}/trainings?cursor=xyz"
        ),
    )

    page = exchange.parsed(TrainingPage)

    exchange.assert_request("/trainings")
    assert isinstance(page.results, list)
    assert page.results[0].status is TrainingStatus.PROCESSING
    assert page.results[0].completed_at is None


@pytest.mark.operation("trainings.cancel", 200)
def test_cancel(exchange: Exchange) -> None:
    exchange.respond(200, payloads.training("canceled"))

    training = exchange.parsed(Training, TRAINING_ID)

    exchange.assert_request(f"{TRAINING}/cancel")
    assert training.status is TrainingStatus.CANCELED
