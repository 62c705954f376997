"""Contract tests for /models, its versions, README, examples and official-model predictions."""

from __future__ import annotations

import pytest
from replicate_api.api.models import (
    models_create,
    models_delete,
    models_examples_list,
    models_get,
    models_list,
    models_predictions_create,
    models_readme_get,
    models_update,
    models_versions_delete,
    models_versions_get,
    models_versions_list,
)
from replicate_api.models import (
    Model,
    ModelCreateRequest,
    ModelCreateRequestVisibility,
    ModelPage,
    ModelSortBy,
    ModelUpdateRequest,
    ModelVisibility,
    Prediction,
    PredictionExamplePage,
    PredictionRequest,
    PredictionRequestInput,
    PredictionStatus,
    SortDirection,
    Version,
    VersionPage,
)
from replicate_typed.lowlevel import models_search

from tests.support import payloads
from tests.support.contract import Contract
from tests.support.payloads import VERSION_ID


@pytest.mark.operation("models.list", 200)
def test_list_sends_the_sort_defaults(contract: Contract) -> None:
    exchange = contract("models.list")
    exchange.respond(
        200, payloads.page([payloads.model()], next_url=f"{payloads.API}/models?cursor=abc")
    )

    response = exchange.call(models_list)

    exchange.assert_request("/models?sort_by=latest_version_created_at&sort_direction=desc")
    page = response.parsed
    assert isinstance(page, ModelPage)
    assert page.next_ == f"{payloads.API}/models?cursor=abc"
    assert isinstance(page.results, list)
    assert page.results[0].visibility is ModelVisibility.PUBLIC


@pytest.mark.operation("models.list", 200)
def test_list_sorted_oldest_first(contract: Contract) -> None:
    exchange = contract("models.list")
    exchange.respond(200, payloads.page([]))

    exchange.call(
        models_list, sort_by=ModelSortBy.MODEL_CREATED_AT, sort_direction=SortDirection.ASC
    )

    exchange.assert_request("/models?sort_by=model_created_at&sort_direction=asc")


@pytest.mark.operation("models.create", 201)
def test_create(contract: Contract) -> None:
    exchange = contract("models.create")
    exchange.respond(201, payloads.model("acme", "hot-dog-detector", visibility="private"))

    response = exchange.call(
        models_create,
        body=ModelCreateRequest(
            owner="acme",
            name="hot-dog-detector",
            visibility=ModelCreateRequestVisibility.PRIVATE,
            hardware="cpu",
            description="Detect hot dogs in images",
        ),
    )

    exchange.assert_request(
        "/models",
        json_body={
            "owner": "acme",
            "name": "hot-dog-detector",
            "visibility": "private",
            "hardware": "cpu",
            "description": "Detect hot dogs in images",
        },
    )
    model = response.parsed
    assert isinstance(model, Model)
    assert (model.owner, model.name, model.visibility) == (
        "acme",
        "hot-dog-detector",
        ModelVisibility.PRIVATE,
    )


@pytest.mark.operation("models.search", 200)
def test_search_sends_the_query_as_plain_text(contract: Contract) -> None:
    exchange = contract("models.search")
    exchange.respond(200, payloads.page([payloads.model("black-forest-labs", "flux-schnell")]))

    response = exchange.call(models_search, body="fast image generation")

    exchange.assert_request("/models", text_body="fast image generation")
    page = response.parsed
    assert isinstance(page, ModelPage)
    assert isinstance(page.results, list)
    assert page.results[0].name == "flux-schnell"


@pytest.mark.operation("models.get", 200)
def test_get(contract: Contract) -> None:
    exchange = contract("models.get")
    exchange.respond(200, payloads.model())

    response = exchange.call(models_get, "replicate", "hello-world")

    exchange.assert_request("/models/replicate/hello-world")
    model = response.parsed
    assert isinstance(model, Model)
    assert isinstance(model.latest_version, Version)
    assert model.latest_version.id == VERSION_ID
    assert model.paper_url is None
    assert model.run_count == 5681081


@pytest.mark.operation("models.get", 200)
def test_path_parameters_are_percent_encoded(contract: Contract) -> None:
    exchange = contract("models.get")
    exchange.respond(200, payloads.model())

    exchange.call(models_get, "acme labs", "a/b?c")

    exchange.assert_request("/models/acme%20labs/a%2Fb%3Fc")


@pytest.mark.operation("models.update", 200)
def test_update(contract: Contract) -> None:
    exchange = contract("models.update")
    exchange.respond(200, payloads.model(description="Says hello, politely"))

    response = exchange.call(
        models_update,
        "replicate",
        "hello-world",
        body=ModelUpdateRequest(description="Says hello, politely", readme="# Hello\n"),
    )

    exchange.assert_request(
        "/models/replicate/hello-world",
        json_body={"description": "Says hello, politely", "readme": "# Hello\n"},
    )
    assert isinstance(response.parsed, Model)
    assert response.parsed.description == "Says hello, politely"


@pytest.mark.operation("models.delete", 204)
def test_delete(contract: Contract) -> None:
    exchange = contract("models.delete")
    exchange.respond(204)

    response = exchange.call(models_delete, "acme", "hot-dog-detector")

    exchange.assert_request("/models/acme/hot-dog-detector")
    assert response.status_code == 204
    assert response.parsed is None


@pytest.mark.operation("models.examples.list", 200)
def test_examples_list(contract: Contract) -> None:
    exchange = contract("models.examples.list")
    exchange.respond(200, payloads.page([payloads.prediction("succeeded")]))

    response = exchange.call(models_examples_list, "replicate", "hello-world")

    exchange.assert_request("/models/replicate/hello-world/examples")
    page = response.parsed
    assert isinstance(page, PredictionExamplePage)
    assert isinstance(page.results, list)
    assert page.results[0].output == "hello Alice"


@pytest.mark.operation("models.predictions.create", 201, 202)
@pytest.mark.parametrize(
    ("status", "payload_status", "expected"),
    [
        (201, "succeeded", PredictionStatus.SUCCEEDED),
        (202, "processing", PredictionStatus.PROCESSING),
    ],
)
def test_official_model_prediction(
    contract: Contract, status: int, payload_status: str, expected: PredictionStatus
) -> None:
    exchange = contract("models.predictions.create")
    exchange.respond(
        status,
        payloads.prediction(
            payload_status, model="black-forest-labs/flux-schnell", version="hidden"
        ),
    )

    response = exchange.call(
        models_predictions_create,
        "black-forest-labs",
        "flux-schnell",
        body=PredictionRequest(input_=PredictionRequestInput.from_dict({"prompt": "a fox"})),
        prefer="wait",
        cancel_after="1h30m",
    )

    exchange.assert_request(
        "/models/black-forest-labs/flux-schnell/predictions",
        json_body={"input": {"prompt": "a fox"}},
        headers={"Prefer": "wait", "Cancel-After": "1h30m"},
    )
    prediction = response.parsed
    assert isinstance(prediction, Prediction)
    assert prediction.status is expected
    assert prediction.version == "hidden"


@pytest.mark.operation("models.readme.get", 200)
def test_readme_is_plain_text(contract: Contract) -> None:
    exchange = contract("models.readme.get")
    exchange.respond(200, media_type="text/plain", content=b"# Hello World\n\nSays hello.\n")

    response = exchange.call(models_readme_get, "replicate", "hello-world")

    exchange.assert_request("/models/replicate/hello-world/readme")
    assert response.parsed == "# Hello World\n\nSays hello.\n"


@pytest.mark.operation("models.readme.get", 404)
def test_readme_missing(contract: Contract) -> None:
    exchange = contract("models.readme.get")
    exchange.respond(404)

    response = exchange.call(models_readme_get, "acme", "no-readme")

    exchange.assert_request("/models/acme/no-readme/readme")
    assert response.status_code == 404
    assert response.parsed is None


@pytest.mark.operation("models.versions.list", 200)
def test_versions_list(contract: Contract) -> None:
    exchange = contract("models.versions.list")
    exchange.respond(200, payloads.page([payloads.version(), payloads.version(cog_version=None)]))

    response = exchange.call(models_versions_list, "replicate", "hello-world")

    exchange.assert_request("/models/replicate/hello-world/versions")
    page = response.parsed
    assert isinstance(page, VersionPage)
    assert isinstance(page.results, list)
    assert [v.cog_version for v in page.results] == ["0.3.0", None]


@pytest.mark.operation("models.versions.get", 200)
def test_versions_get(contract: Contract) -> None:
    exchange = contract("models.versions.get")
    exchange.respond(200, payloads.version())

    response = exchange.call(models_versions_get, "replicate", "hello-world", VERSION_ID)

    exchange.assert_request(f"/models/replicate/hello-world/versions/{VERSION_ID}")
    version = response.parsed
    assert isinstance(version, Version)
    assert version.id == VERSION_ID


@pytest.mark.operation("models.versions.delete", 202)
def test_versions_delete_is_accepted(contract: Contract) -> None:
    exchange = contract("models.versions.delete")
    exchange.respond(202)

    response = exchange.call(models_versions_delete, "acme", "hot-dog-detector", VERSION_ID)

    exchange.assert_request(f"/models/acme/hot-dog-detector/versions/{VERSION_ID}")
    assert response.status_code == 202
    assert response.parsed is None
