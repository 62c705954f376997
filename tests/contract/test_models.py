"""Contract tests for /models, its versions, README, examples and official-model predictions."""

from __future__ import annotations

import pytest
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

from tests.support import payloads
from tests.support.contract import Exchange
from tests.support.payloads import VERSION_ID

HELLO_WORLD = "/models/replicate/hello-world"


@pytest.mark.operation("models.list", 200)
def test_list_sends_the_sort_defaults(exchange: Exchange) -> None:
    exchange.respond(
        200, payloads.page([payloads.model()], next_url=f"{payloads.API}/models?cursor=abc")
    )

    page = exchange.parsed(ModelPage)

    exchange.assert_request("/models?sort_by=latest_version_created_at&sort_direction=desc")
    assert page.next_ == f"{payloads.API}/models?cursor=abc"
    assert isinstance(page.results, list)
    assert page.results[0].visibility is ModelVisibility.PUBLIC


@pytest.mark.operation("models.list", 200)
def test_list_sorted_oldest_first(exchange: Exchange) -> None:
    exchange.respond(200, payloads.page([]))

    exchange.call(sort_by=ModelSortBy.MODEL_CREATED_AT, sort_direction=SortDirection.ASC)

    exchange.assert_request("/models?sort_by=model_created_at&sort_direction=asc")


@pytest.mark.operation("models.create", 201)
def test_create(exchange: Exchange) -> None:
    exchange.respond(201, payloads.model("acme", "hot-dog-detector", visibility="private"))

    model = exchange.parsed(
        Model,
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
    assert (model.owner, model.name, model.visibility) == (
        "acme",
        "hot-dog-detector",
        ModelVisibility.PRIVATE,
    )


@pytest.mark.operation("models.search", 200)
def test_search_sends_the_query_as_plain_text(exchange: Exchange) -> None:
    exchange.respond(200, payloads.page([payloads.model("black-forest-labs", "flux-schnell")]))

    page = exchange.parsed(ModelPage, body="fast image generation")

    exchange.assert_request("/models", text_body="fast image generation")
    assert isinstance(page.results, list)
    assert page.results[0].name == "flux-schnell"


@pytest.mark.operation("models.get", 200)
def test_get(exchange: Exchange) -> None:
    exchange.respond(200, payloads.model())

    model = exchange.parsed(Model, "replicate", "hello-world")

    exchange.assert_request(HELLO_WORLD)
    assert isinstance(model.latest_version, Version)
    assert model.latest_version.id == VERSION_ID
    assert model.paper_url is None
    assert model.run_count == 5681081


@pytest.mark.operation("models.get", 200)
def test_path_parameters_are_percent_encoded(exchange: Exchange) -> None:
    exchange.respond(200, payloads.model())

    exchange.call("acme labs", "a/b?c")

    exchange.assert_request("/models/acme%20labs/a%2Fb%3Fc")


@pytest.mark.operation("models.update", 200)
def test_update(exchange: Exchange) -> None:
    exchange.respond(200, payloads.model(description="Says hello, politely"))

    model = exchange.parsed(
        Model,
        "replicate",
        "hello-world",
        body=ModelUpdateRequest(description="Says hello, politely", readme="# Hello\n"),
    )

    exchange.assert_request(
        HELLO_WORLD,
        json_body={"description": "Says hello, politely", "readme": "# Hello\n"},
    )
    assert model.description == "Says hello, politely"


@pytest.mark.operation("models.examples.list", 200)
def test_examples_list(exchange: Exchange) -> None:
    exchange.respond(200, payloads.page([payloads.prediction("succeeded")]))

    page = exchange.parsed(PredictionExamplePage, "replicate", "hello-world")

    exchange.assert_request(f"{HELLO_WORLD}/examples")
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
    exchange: Exchange, status: int, payload_status: str, expected: PredictionStatus
) -> None:
    exchange.respond(
        status,
        payloads.prediction(
            payload_status, model="black-forest-labs/flux-schnell", version="hidden"
        ),
    )

    prediction = exchange.parsed(
        Prediction,
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
    assert prediction.status is expected
    assert prediction.version == "hidden"


@pytest.mark.operation("models.readme.get", 200)
def test_readme_is_plain_text(exchange: Exchange) -> None:
    exchange.respond(200, media_type="text/plain", content=b"# Hello World\n\nSays hello.\n")

    response = exchange.call("replicate", "hello-world")

    exchange.assert_request(f"{HELLO_WORLD}/readme")
    assert response.parsed == "# Hello World\n\nSays hello.\n"


@pytest.mark.operation("models.readme.get", 404)
def test_readme_missing(exchange: Exchange) -> None:
    exchange.respond(404)

    assert exchange.call_for_status("acme", "no-readme") == 404

    exchange.assert_request("/models/acme/no-readme/readme")


@pytest.mark.operation("models.versions.list", 200)
def test_versions_list(exchange: Exchange) -> None:
    exchange.respond(200, payloads.page([payloads.version(), payloads.version(cog_version=None)]))

    page = exchange.parsed(VersionPage, "replicate", "hello-world")

    exchange.assert_request(f"{HELLO_WORLD}/versions")
    assert isinstance(page.results, list)
    assert [v.cog_version for v in page.results] == ["0.3.0", None]


@pytest.mark.operation("models.versions.get", 200)
def test_versions_get(exchange: Exchange) -> None:
    exchange.respond(200, payloads.version())

    version = exchange.parsed(Version, "replicate", "hello-world", VERSION_ID)

    exchange.assert_request(f"{HELLO_WORLD}/versions/{VERSION_ID}")
    assert version.id == VERSION_ID


@pytest.mark.parametrize(
    ("status", "args", "path"),
    [
        pytest.param(
            204,
            ("acme", "hot-dog-detector"),
            "/models/acme/hot-dog-detector",
            marks=pytest.mark.operation("models.delete", 204),
        ),
        pytest.param(
            202,
            ("acme", "hot-dog-detector", VERSION_ID),
            f"/models/acme/hot-dog-detector/versions/{VERSION_ID}",
            marks=pytest.mark.operation("models.versions.delete", 202),
        ),
    ],
    ids=["model", "version-is-accepted"],
)
def test_delete(exchange: Exchange, status: int, args: tuple[str, ...], path: str) -> None:
    exchange.respond(status)

    assert exchange.call_for_status(*args) == status

    exchange.assert_request(path)
