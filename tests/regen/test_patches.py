"""Each spec patch, proven with a realistic payload the unpatched spec gets wrong."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import jsonschema
import pytest
from regenerate import evidence, patches
from replicate_api.models import (
    Model,
    ModelVisibility,
    Prediction,
    PredictionStatus,
    Training,
    TrainingStatus,
)

from tests.realdata import by_schema
from tests.support import payloads, spec

_TESTED: set[str] = set()
F = TypeVar("F", bound=Callable[..., Any])


def proves(patch_name: str) -> Callable[[F], F]:
    """Mark a test as the realistic-payload proof of one patch."""

    def register(test: F) -> F:
        _TESTED.add(patch_name)
        return test

    return register


def _rejected_by_openapi_json(operation_id: str, status: int, body: Any) -> None:
    with pytest.raises(jsonschema.ValidationError):
        spec.validate_response(operation_id, status, body, document=spec.spec())


@proves("nullable-run-timestamps")
def test_running_prediction_has_null_timestamps() -> None:
    body = payloads.prediction("starting")
    assert body["started_at"] is None
    assert body["completed_at"] is None

    _rejected_by_openapi_json("predictions.get", 200, body)
    spec.validate_response("predictions.get", 200, body)
    prediction = Prediction.from_dict(body)
    assert prediction.started_at is None
    assert prediction.completed_at is None


@proves("nullable-run-timestamps")
def test_queued_training_has_null_timestamps() -> None:
    body = payloads.training("starting")

    _rejected_by_openapi_json("trainings.get", 200, body)
    training = Training.from_dict(body)
    assert (training.started_at, training.completed_at) == (None, None)


@proves("nullable-training-output")
def test_running_training_has_null_output() -> None:
    body = payloads.training("processing")
    assert body["output"] is None

    _rejected_by_openapi_json("trainings.get", 200, body)
    spec.validate_response("trainings.get", 200, body)
    assert Training.from_dict(body).output is None


@proves("version-is-a-string")
def test_official_model_prediction_has_hidden_version() -> None:
    body = payloads.prediction(
        "succeeded", model="black-forest-labs/flux-schnell", version="hidden"
    )

    _rejected_by_openapi_json("models.predictions.create", 201, body)
    spec.validate_response("models.predictions.create", 201, body)
    assert Prediction.from_dict(body).version == "hidden"
    assert Prediction.from_dict(payloads.prediction()).version == payloads.VERSION_ID


@proves("open-response-enums")
def test_unknown_prediction_status_and_fields_parse_and_round_trip() -> None:
    body = payloads.prediction("processing") | {"status": "queued", "queue_position": 3}

    prediction = Prediction.from_dict(body)

    assert prediction.status == "queued"
    assert not isinstance(prediction.status, PredictionStatus)
    assert prediction.additional_properties == {"queue_position": 3}
    assert prediction.to_dict()["status"] == "queued"
    assert prediction.to_dict()["queue_position"] == 3
    assert Prediction.from_dict(prediction.to_dict()) == prediction


@proves("open-response-enums")
def test_unknown_training_status_parses() -> None:
    body = payloads.training("starting") | {"status": "queued", "region": "eu"}
    training = Training.from_dict(body)

    assert training.status == "queued"
    assert training.additional_properties == {"region": "eu"}
    known = Training.from_dict(payloads.training("failed"))
    assert known.status is TrainingStatus.FAILED


@proves("open-response-enums")
def test_unknown_model_visibility_parses() -> None:
    assert Model.from_dict(payloads.model(visibility="unlisted")).visibility == "unlisted"
    assert Model.from_dict(payloads.model()).visibility is ModelVisibility.PUBLIC


@proves("tags-from-operation-ids")
def test_endpoint_modules_are_grouped_by_resource() -> None:
    api = Path(spec.ROOT, "generated", "replicate_api", "api")
    modules = {
        path.stem: path.parent.name for path in api.glob("*/*.py") if path.stem != "__init__"
    }
    assert modules["predictions_create"] == "predictions"
    assert modules["models_versions_get"] == "models"
    assert modules["trainings_create"] == "trainings"
    assert "default" not in {path.name for path in api.iterdir()}
    assert all(module.startswith(folder) for module, folder in modules.items())


@proves("omitted-fields-optional")
@pytest.mark.parametrize("item", evidence.OMITTED, ids=lambda item: f"{item.place}.{item.field}")
def test_each_omitted_field_is_missing_from_a_real_payload(item: evidence.Omitted) -> None:
    missing = [source for source, body in by_schema.objects(item.place) if item.field not in body]
    assert missing, f"no recorded {item.place} lacks {item.field}: the evidence is gone"


@proves("always-sent-fields-required")
@pytest.mark.parametrize("item", evidence.ALWAYS_SENT, ids=lambda item: item.place)
def test_each_always_sent_field_is_in_every_real_payload(item: evidence.AlwaysSent) -> None:
    seen = list(by_schema.objects(item.place))
    assert seen, f"nothing recorded at {item.place}"
    for source, body in seen:
        for name in item.fields:
            assert body.get(name) is not None, f"{source} has no {name}"


@proves("undeclared-fields")
@pytest.mark.parametrize("item", evidence.UNDECLARED, ids=lambda item: f"{item.place}.{item.field}")
def test_each_undeclared_field_is_in_a_real_payload(item: evidence.Undeclared) -> None:
    carried = [source for source, body in by_schema.objects(item.place) if item.field in body]
    assert carried, f"no recorded {item.place} carries {item.field}"
    declared = spec.effective_spec()["components"]["schemas"]
    component, _, inner = item.place.partition(".")
    node = declared[component]["properties"][inner] if inner else declared[component]
    assert item.field in node["properties"]


@proves("null-logs")
@pytest.mark.parametrize("item", evidence.NULL_SENT, ids=lambda item: f"{item.place}.{item.field}")
def test_each_null_sent_field_is_null_in_a_real_payload(item: evidence.Omitted) -> None:
    nulls = [
        source
        for source, body in by_schema.objects(item.place)
        if item.field in body and body[item.field] is None
    ]
    assert nulls, f"no recorded {item.place} has {item.field}: null"


@proves("typed-model-examples")
def test_a_model_reads_its_latest_version_and_default_example_typed() -> None:
    for model in by_schema.public_models():
        parsed = Model.from_dict(model)
        assert parsed.latest_version is not None
        assert parsed.latest_version.id == model["latest_version"]["id"]
        assert isinstance(parsed.default_example, Prediction)
        assert parsed.default_example.urls is None  # the corpus strips them
    created = Model.from_dict(payloads.model(latest_version=None, default_example=None))
    assert (created.latest_version, created.default_example) == (None, None)


@proves("search-results-are-models")
def test_search_results_parse_as_models() -> None:
    searched = [r for r in by_schema.responses() if r.operation_id == "models.search"]
    assert searched
    for recorded in searched:
        for result in recorded.body["results"]:
            assert isinstance(Model.from_dict(result), Model)
            spec.validate_response("models.list", 200, {"results": [result]})


def test_every_patch_has_a_reason_and_a_proof() -> None:
    names = [patch.name for patch in patches.PATCHES]
    assert sorted(names) == sorted(_TESTED)
    assert all(len(patch.reason) > 40 for patch in patches.PATCHES)


def test_every_patch_still_changes_openapi_json() -> None:
    _, applied = patches.apply(spec.spec())
    assert {name: bool(places) for name, places in applied.items()} == {
        patch.name: True for patch in patches.PATCHES
    }


def test_patches_leave_openapi_json_itself_alone() -> None:
    before = spec.SPEC_PATH.read_bytes()
    patches.apply(spec.spec())
    assert spec.SPEC_PATH.read_bytes() == before
    schemas = spec.spec()["components"]["schemas"]
    assert "nullable" not in schemas["schemas_prediction_response"]["properties"]["started_at"]
