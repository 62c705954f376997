"""models.*: the catalog of models, their versions, README and examples, and runs by name.

Only official models run by name (``models.predictions.create``); any model
runs by version id through ``predictions.create``.
"""

from __future__ import annotations

from replicate_typed.testing import _shapes
from replicate_typed.testing._behavior import Behavior
from replicate_typed.testing._handlers._common import Call, Handler, Held, delete, not_found, page
from replicate_typed.testing._handlers.predictions import create_prediction
from replicate_typed.testing._http import FakeResponse, json_response, problem
from replicate_typed.testing._records import ModelEntry


def _full_name(call: Call) -> str:
    return f"{call.params['model_owner']}/{call.params['model_name']}"


def _model(call: Call) -> ModelEntry | None:
    return call.fake.models.get(_full_name(call))


def models_list(call: Call) -> FakeResponse:
    models = list(call.fake.models.values())
    if call.query("sort_direction") == "asc":
        models.reverse()
    shaped = [_shapes.model(m, call.fake.clock) for m in models if m.visibility == "public"]
    return page(call, shaped)


def models_search(call: Call) -> FakeResponse:
    """Public models whose name or description contains the text/plain body."""
    text = call.body.lower()
    found = [
        _shapes.model(m, call.fake.clock)
        for m in call.fake.models.values()
        if m.visibility == "public"
        and (text in m.full_name.lower() or text in m.description.lower())
    ]
    return page(call, found)


def models_create(call: Call) -> FakeResponse:
    """A new, unofficial model; its predictions return None."""
    name = f"{call.body['owner']}/{call.body['name']}"
    if name in call.fake.models:
        return problem(409, "Conflict", f"a model named {name} already exists")
    entry = ModelEntry(
        owner=call.body["owner"],
        name=call.body["name"],
        behavior=Behavior(run=lambda _: None),
        official=False,
        description=call.body.get("description", ""),
        visibility=call.body["visibility"],
    )
    call.fake.models[name] = entry
    return json_response(201, _shapes.model(entry, call.fake.clock))


def models_get(call: Call) -> FakeResponse:
    entry = _model(call)
    return (
        not_found("model")
        if entry is None
        else json_response(200, _shapes.model(entry, call.fake.clock))
    )


def models_update(call: Call) -> FakeResponse:
    entry = _model(call)
    if entry is None:
        return not_found("model")
    entry.description = call.body.get("description", entry.description)
    entry.readme = call.body.get("readme", entry.readme)
    return json_response(200, _shapes.model(entry, call.fake.clock))


def models_delete(call: Call) -> FakeResponse:
    return delete(call.fake.models, _full_name(call), "model")


def models_readme_get(call: Call) -> FakeResponse:
    entry = _model(call)
    if entry is None:
        return FakeResponse(404)
    return FakeResponse(200, {"Content-Type": "text/plain"}, entry.readme.encode())


def models_examples_list(call: Call) -> FakeResponse:
    """Up to three of the model's succeeded predictions, newest first."""
    entry = _model(call)
    if entry is None:
        return not_found("model")
    examples = [
        _shapes.prediction(job, call.now, call.fake.clock, call.bases)
        for job in call.ledger.newest_first("prediction")
        if job.model == entry.full_name and job.status(call.now) == "succeeded"
    ][:3]
    return page(call, examples)


def models_versions_list(call: Call) -> FakeResponse:
    entry = _model(call)
    if entry is None:
        return not_found("model")
    shaped = [_shapes.version(v, call.fake.clock, entry.openapi_schema) for v in entry.versions]
    return page(call, shaped)


def models_versions_get(call: Call) -> FakeResponse:
    entry = _model(call)
    if entry is None or call.params["version_id"] not in entry.versions:
        return not_found("version")
    shaped = _shapes.version(call.params["version_id"], call.fake.clock, entry.openapi_schema)
    return json_response(200, shaped)


def models_versions_delete(call: Call) -> FakeResponse:
    """Delete a version a training added (a model's first version stays)."""
    entry = _model(call)
    if entry is None or call.params["version_id"] not in entry.extra_versions:
        return not_found("version")
    entry.extra_versions.remove(call.params["version_id"])
    return FakeResponse(202)


def models_predictions_create(call: Call) -> FakeResponse | Held:
    """Run an official model by name."""
    model = _model(call)
    if model is None:
        return not_found("model")
    if not model.official:
        return problem(
            404, "Not found", "this model is not official: run it with a version id instead"
        )
    return create_prediction(call, model, "hidden")


HANDLERS: dict[str, Handler] = {
    "models.list": models_list,
    "models.search": models_search,
    "models.create": models_create,
    "models.get": models_get,
    "models.update": models_update,
    "models.delete": models_delete,
    "models.readme.get": models_readme_get,
    "models.examples.list": models_examples_list,
    "models.versions.list": models_versions_list,
    "models.versions.get": models_versions_get,
    "models.versions.delete": models_versions_delete,
    "models.predictions.create": models_predictions_create,
}
