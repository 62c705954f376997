"""What every response model ("reader", scripts/lib/regenerate/readers.py) promises.

Every model a response can contain is found from the endpoints' parse
functions down through the models' fields, so a new one is covered without
editing this file.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from types import ModuleType
from typing import Any

import attrs
import pytest
import replicate_api.api
from replicate_api.models import Prediction, PredictionPage, PredictionStatus, Training
from replicate_api.types import UnknownValue

from tests.support import payloads

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _endpoint_modules() -> list[ModuleType]:
    found: list[ModuleType] = []
    for info in pkgutil.walk_packages(replicate_api.api.__path__, "replicate_api.api."):
        module = importlib.import_module(info.name)
        if hasattr(module, "_parse_response"):
            found.append(module)
    return found


def _classes_named(annotation: str, module: ModuleType) -> list[type[Any]]:
    named = (getattr(module, name, None) for name in _NAME.findall(annotation))
    # replicate_api.types.File (a download's bytes) is a payload, not a model.
    return [
        value
        for value in named
        if isinstance(value, type)
        and attrs.has(value)
        and value.__module__.startswith("replicate_api.models.")
    ]


def _response_models() -> list[type[Any]]:
    """Every attrs model reachable from an endpoint's parsed response."""
    seen: dict[str, type[Any]] = {}
    todo: list[type[Any]] = []
    for module in _endpoint_modules():
        returns = module._parse_response.__annotations__["return"]
        todo += _classes_named(str(returns), module)
    while todo:
        model = todo.pop()
        if model.__name__ in seen:
            continue
        seen[model.__name__] = model
        module = sys.modules[model.__module__]
        for field in attrs.fields(model):
            todo += _classes_named(str(field.type), module)
    return sorted(seen.values(), key=lambda model: model.__name__)


MODELS = _response_models()


def test_the_responses_reach_the_models_users_read() -> None:
    names = {model.__name__ for model in MODELS}
    assert {"Prediction", "Training", "Model", "Version", "FileResource", "Hardware"} <= names
    assert {"PredictionUrls", "PredictionMetrics", "DeploymentRelease", "Account"} <= names


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_a_response_model_is_a_reader_with_no_unset_and_no_any(model: type[Any]) -> None:
    module = sys.modules[model.__module__]
    assert "written by scripts/lib/regenerate/readers.py" in (module.__doc__ or "")
    for field in attrs.fields(model):
        names = set(_NAME.findall(str(field.type)))
        assert not names & {"Unset", "Any"}, f"{model.__name__}.{field.name}: {field.type}"
    assert model.__doc__
    assert not hasattr(model, "__getitem__")


def test_a_mapping_view_is_not_offered() -> None:
    prediction = Prediction.from_dict(payloads.prediction())
    with pytest.raises(TypeError):
        dict(prediction)  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    with pytest.raises(TypeError):
        prediction["status"]  # type: ignore[index]  # pyright: ignore[reportIndexIssue]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": 7}, "id: expected a string, got int 7"),
        ({"input": ["a"]}, "input: expected an object, got list"),
        ({"status": 3}, "status: expected a string, got int 3"),
        ({"logs": {"a": 1}}, "logs: expected a string, got dict"),
        ({"data_removed": "no"}, "data_removed: expected a boolean, got str 'no'"),
        ({"metrics": {"predict_time": "fast"}}, "predict_time: expected a number"),
        ({"metrics": {"input_token_count": True}}, "input_token_count: expected an integer"),
        ({"urls": "https://x"}, "urls: expected an object, got str"),
        # An enum's value is checked before it is looked up (a list cannot be).
        ({"status": ["succeeded"]}, "status: expected a string, got list"),
        ({"status": {}}, "status: expected a string, got dict"),
        ({"source": None, "status": None}, "status: expected a string, got NoneType"),
        ({"source": [1]}, "source: expected a string, got list"),
        ({"created_at": 1700000000}, "created_at: expected a timestamp string, got int"),
        ({"completed_at": ["2026"]}, "completed_at: expected a timestamp string, got list"),
    ],
)
def test_json_of_the_wrong_type_is_a_type_error_naming_the_field(
    change: dict[str, Any], message: str
) -> None:
    with pytest.raises(TypeError, match=re.escape(message)):
        Prediction.from_dict(payloads.prediction() | change)


def test_a_timestamp_that_does_not_parse_is_a_value_error_naming_the_field() -> None:
    with pytest.raises(ValueError, match=re.escape("started_at: expected an ISO 8601 timestamp")):
        Prediction.from_dict(payloads.prediction(started_at="yesterday"))


def test_each_model_in_a_list_is_checked_to_be_an_object() -> None:
    page = payloads.page([payloads.prediction(), "gm3qorzdhgbfurvjtvhg6dckhu"])
    with pytest.raises(TypeError, match=re.escape("results[]: expected an object, got str")):
        PredictionPage.from_dict(page)


def test_a_missing_identifying_field_is_a_key_error() -> None:
    body = payloads.prediction()
    del body["id"]
    with pytest.raises(KeyError, match="'id'"):
        Prediction.from_dict(body)


def test_absent_and_null_both_read_as_none() -> None:
    body = payloads.prediction("starting")
    for name in ("logs", "metrics", "urls", "model", "data_removed", "output"):
        body.pop(name, None)
    absent = Prediction.from_dict(body)
    nulled = Prediction.from_dict(body | {"logs": None, "metrics": None, "urls": None})
    for parsed in (absent, nulled):
        assert (parsed.logs, parsed.metrics, parsed.urls, parsed.model) == (None,) * 4
        assert parsed.output is None


def test_enums_read_open_and_write_back_as_sent() -> None:
    known = Prediction.from_dict(payloads.prediction("succeeded"))
    assert known.status is PredictionStatus.SUCCEEDED
    queued = Training.from_dict(payloads.training("starting") | {"status": "queued"})
    assert isinstance(queued.status, UnknownValue)
    assert queued.status == "queued"
    assert queued.to_dict()["status"] == "queued"


def _requires_nothing(model: type[Any]) -> bool:
    return all(f.default is not attrs.NOTHING or not f.init for f in attrs.fields(model))


@pytest.mark.parametrize(
    "model", [m for m in MODELS if _requires_nothing(m)], ids=lambda model: model.__name__
)
def test_an_empty_or_extended_object_keeps_what_it_does_not_declare(model: type[Any]) -> None:
    parsed = model.from_dict({"added_later": [1, {"x": None}]})
    assert parsed.additional_properties == {"added_later": [1, {"x": None}]}
    assert parsed.to_dict() == {"added_later": [1, {"x": None}]}
