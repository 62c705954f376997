"""deployments.*: create, get, update, delete and list deployments, and run predictions on them.

A deployment is created in the fake's ``account``; each update adds a release.
"""

from __future__ import annotations

from replicate_typed.testing import _shapes
from replicate_typed.testing._handlers._common import Call, Handler, Held, delete, not_found, page
from replicate_typed.testing._handlers.predictions import create_prediction
from replicate_typed.testing._http import FakeResponse, json_response, problem
from replicate_typed.testing._records import DeploymentEntry


def _name(call: Call) -> str:
    return f"{call.params['deployment_owner']}/{call.params['deployment_name']}"


def deployments_list(call: Call) -> FakeResponse:
    shaped = [_shapes.deployment(d, call.fake.clock) for d in call.fake.deployments.values()]
    return page(call, shaped)


def deployments_create(call: Call) -> FakeResponse:
    model = call.fake.models.get(call.body["model"])
    if model is None or call.body["version"] not in model.versions:
        return problem(422, "Invalid deployment", "the model or version does not exist")
    entry = DeploymentEntry(
        owner=call.fake.account,
        name=call.body["name"],
        model=call.body["model"],
        version=call.body["version"],
        hardware=call.body["hardware"],
        min_instances=call.body["min_instances"],
        max_instances=call.body["max_instances"],
        created=call.now,
    )
    if entry.full_name in call.fake.deployments:
        return problem(409, "Conflict", f"deployment {entry.full_name} already exists")
    call.fake.deployments[entry.full_name] = entry
    return json_response(200, _shapes.deployment(entry, call.fake.clock))


def deployments_get(call: Call) -> FakeResponse:
    entry = call.fake.deployments.get(_name(call))
    return (
        not_found("deployment")
        if entry is None
        else json_response(200, _shapes.deployment(entry, call.fake.clock))
    )


def deployments_update(call: Call) -> FakeResponse:
    entry = call.fake.deployments.get(_name(call))
    if entry is None:
        return not_found("deployment")
    for key in ("version", "hardware", "min_instances", "max_instances"):
        if key in call.body:
            setattr(entry, key, call.body[key])
    entry.release += 1
    return json_response(200, _shapes.deployment(entry, call.fake.clock))


def deployments_delete(call: Call) -> FakeResponse:
    return delete(call.fake.deployments, _name(call), "deployment")


def deployments_predictions_create(call: Call) -> FakeResponse | Held:
    """Run the deployment's model at the deployment's version."""
    name = _name(call)
    deployment = call.fake.deployments.get(name)
    if deployment is None:
        return not_found("deployment")
    model = call.fake.models.get(deployment.model)
    if model is None:
        return not_found("model")
    return create_prediction(call, model, deployment.version, deployment=name)


HANDLERS: dict[str, Handler] = {
    "deployments.list": deployments_list,
    "deployments.create": deployments_create,
    "deployments.get": deployments_get,
    "deployments.update": deployments_update,
    "deployments.delete": deployments_delete,
    "deployments.predictions.create": deployments_predictions_create,
}
