"""Contract tests for /predictions."""

from __future__ import annotations

import datetime

import pytest
from replicate_api.models import (
    Prediction,
    PredictionPage,
    PredictionSourceFilter,
    PredictionStatus,
    VersionPredictionRequest,
    VersionPredictionRequestInput,
    WebhookEvent,
)

from tests.support import payloads
from tests.support.contract import Exchange
from tests.support.payloads import PREDICTION_ID, VERSION_ID

PREDICTION = f"/predictions/{PREDICTION_ID}"


def _request_body() -> VersionPredictionRequest:
    return VersionPredictionRequest(
        version=VERSION_ID,
        input_=VersionPredictionRequestInput.from_dict({"text": "Alice"}),
        webhook="https://example.com/hooks/replicate",
        webhook_events_filter=[WebhookEvent.START, WebhookEvent.COMPLETED],
    )


@pytest.mark.operation("predictions.create", 201)
def test_create_in_sync_mode_returns_the_finished_prediction(exchange: Exchange) -> None:
    exchange.respond(201, payloads.prediction("succeeded"))

    prediction = exchange.parsed(
        Prediction, body=_request_body(), prefer="wait=5", cancel_after="5m"
    )

    exchange.assert_request(
        "/predictions",
        json_body={
            "version": VERSION_ID,
            "input": {"text": "Alice"},
            "webhook": "https://example.com/hooks/replicate",
            "webhook_events_filter": ["start", "completed"],
        },
        headers={"Prefer": "wait=5", "Cancel-After": "5m"},
    )
    assert prediction.status is PredictionStatus.SUCCEEDED
    assert prediction.output == "hello Alice"
    assert prediction.completed_at == datetime.datetime(
        2026, 11, 22, 10, 15, 4, 981145, tzinfo=datetime.UTC
    )


@pytest.mark.operation("predictions.create", 202)
def test_create_without_waiting_returns_a_starting_prediction(exchange: Exchange) -> None:
    exchange.respond(202, payloads.prediction("starting"))

    prediction = exchange.parsed(
        Prediction,
        body=VersionPredictionRequest(
            version=VERSION_ID, input_=VersionPredictionRequestInput.from_dict({"text": "Bob"})
        ),
    )

    exchange.assert_request(
        "/predictions",
        json_body={"version": VERSION_ID, "input": {"text": "Bob"}},
        absent=("Prefer", "Cancel-After"),
    )
    assert prediction.status is PredictionStatus.STARTING
    assert prediction.started_at is None
    assert prediction.completed_at is None
    assert prediction.logs == ""
    assert prediction.output is None


@pytest.mark.operation("predictions.get", 200)
def test_get_a_running_prediction(exchange: Exchange) -> None:
    exchange.respond(200, payloads.prediction("processing", streams=True))

    prediction = exchange.parsed(Prediction, PREDICTION_ID)

    exchange.assert_request(PREDICTION)
    assert prediction.status is PredictionStatus.PROCESSING
    assert prediction.started_at == datetime.datetime(
        2026, 11, 22, 10, 15, 3, 501709, tzinfo=datetime.UTC
    )
    assert prediction.completed_at is None
    assert prediction.urls is not None
    assert prediction.urls.stream == f"https://stream.replicate.com/v1/files/{PREDICTION_ID}"


@pytest.mark.operation("predictions.list", 200)
def test_list_with_filters(exchange: Exchange) -> None:
    next_url = f"{payloads.API}/predictions?cursor=cD0yMDI2LTExLTIy"
    exchange.respond(
        200,
        payloads.page(
            [payloads.prediction("succeeded"), payloads.prediction("failed", id="x2")],
            next_url=next_url,
        ),
    )

    page = exchange.parsed(
        PredictionPage,
        created_after=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC),
        created_before=datetime.datetime(2026, 11, 22, 12, 30, tzinfo=datetime.UTC),
        source=PredictionSourceFilter.WEB,
    )

    exchange.assert_request(
        "/predictions?created_after=2026-11-01T00%3A00%3A00%2B00%3A00"
        "&created_before=2026-11-22T12%3A30%3A00%2B00%3A00&source=web"
    )
    assert page.next_ == next_url
    assert page.previous is None
    assert isinstance(page.results, list)
    assert [p.status for p in page.results] == [PredictionStatus.SUCCEEDED, PredictionStatus.FAILED]
    assert page.results[1].error == "CUDA out of memory"


@pytest.mark.operation("predictions.cancel", 200)
def test_cancel(exchange: Exchange) -> None:
    exchange.respond(200, payloads.prediction("canceled"))

    prediction = exchange.parsed(Prediction, PREDICTION_ID)

    exchange.assert_request(f"{PREDICTION}/cancel")
    assert prediction.status is PredictionStatus.CANCELED
    assert prediction.output is None
