"""One handler per API operation, keyed by operationId."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import httpx

from replicate_typed._options import MIN_DEADLINE, parse_duration
from replicate_typed.testing import _shapes
from replicate_typed.testing._http import (
    Bases,
    FakeRequest,
    FakeResponse,
    json_response,
    parse_multipart,
    problem,
)
from replicate_typed.testing._jobs import TERMINAL, Job, new_id
from replicate_typed.testing._models import Behavior, ModelEntry
from replicate_typed.testing._shapes import DeploymentEntry, StoredFile

if TYPE_CHECKING:
    from replicate_typed.testing._fake import FakeReplicate

_PREFER = re.compile(r"^wait(=([1-9]|[1-9][0-9]|60))?$")
_TRAINING = Behavior(run=lambda _: {"weights": None}, queue_time=1.0, run_time=4.0, steps=10)

HARDWARE = [
    {"name": "CPU", "sku": "cpu"},
    {"name": "Nvidia T4 GPU", "sku": "gpu-t4"},
    {"name": "Nvidia L40S GPU", "sku": "gpu-l40s"},
    {"name": "Nvidia A100 (80GB) GPU", "sku": "gpu-a100-large"},
]


@dataclass
class Call:
    """A routed request: the fake, path parameters, query, JSON body, URLs and time."""

    fake: FakeReplicate
    request: FakeRequest
    params: dict[str, str]
    body: Any
    bases: Bases
    now: float

    def query(self, name: str) -> str | None:
        """A query parameter."""
        value = self.request.url.params.get(name)
        return value if isinstance(value, str) else None


Handler = Callable[[Call], FakeResponse]
HANDLERS: dict[str, Handler] = {}


def handles(operation_id: str) -> Callable[[Handler], Handler]:
    """Register a handler for an operation."""

    def register(handler: Handler) -> Handler:
        HANDLERS[operation_id] = handler
        return handler

    return register


def not_found(what: str) -> FakeResponse:
    """A 404 problem."""
    return problem(404, "Not found", f"{what} not found")


# -- predictions -----------------------------------------------------------------------------


@handles("predictions.create")
def predictions_create(call: Call) -> FakeResponse:
    reference = call.body["version"]
    version_id = reference.rsplit(":", 1)[-1]
    model = call.fake.model_with_version(version_id)
    if model is None:
        return problem(422, "Invalid version", f"version {reference!r} does not exist")
    return _create_prediction(call, model, version_id)


@handles("models.predictions.create")
def models_predictions_create(call: Call) -> FakeResponse:
    model = call.fake.models.get(f"{call.params['model_owner']}/{call.params['model_name']}")
    if model is None:
        return not_found("model")
    if not model.official:
        return problem(
            404, "Not found", "this model is not official: run it with a version id instead"
        )
    return _create_prediction(call, model, "hidden")


@handles("deployments.predictions.create")
def deployments_predictions_create(call: Call) -> FakeResponse:
    name = f"{call.params['deployment_owner']}/{call.params['deployment_name']}"
    deployment = call.fake.deployments.get(name)
    if deployment is None:
        return not_found("deployment")
    model = call.fake.models.get(deployment.model)
    if model is None:
        return not_found("model")
    return _create_prediction(call, model, deployment.version, deployment=name)


def _create_prediction(
    call: Call, model: ModelEntry, version: str, deployment: str | None = None
) -> FakeResponse:
    prefer = call.request.header("prefer")
    if prefer is not None and not _PREFER.match(prefer):
        return problem(400, "Invalid Prefer header", f"expected wait or wait=1..60, got {prefer!r}")
    deadline, error = _deadline(call)
    if error is not None:
        return error
    job = Job(
        kind="prediction",
        model=model.full_name,
        version=version,
        input=call.body.get("input", {}),
        behavior=model.behavior,
        created=call.now,
        deployment=deployment,
        webhook=call.body.get("webhook"),
        webhook_events=tuple(call.body.get("webhook_events_filter") or ("start", "completed")),
        deadline=None if deadline is None else call.now + deadline,
    )
    call.fake.add_job(job)
    model.run_count += 1
    if prefer is not None:
        window = 60.0 if prefer == "wait" else float(prefer.split("=")[1])
        call.fake.hold(job, until=call.now + window)
    now = call.fake.clock.now()
    status = 201 if job.status(now) in TERMINAL else 202
    return json_response(status, _shapes.prediction(job, now, call.fake.clock, call.bases))


def _deadline(call: Call) -> tuple[float | None, FakeResponse | None]:
    header = call.request.header("cancel-after")
    if header is None:
        return None, None
    try:
        seconds = parse_duration(header)
    except ValueError:
        return None, problem(400, "Invalid Cancel-After header", f"cannot read {header!r}")
    if seconds < MIN_DEADLINE:
        return None, problem(
            400, "Invalid Cancel-After header", f"{header!r} is under {MIN_DEADLINE:g} seconds"
        )
    return seconds, None


def _job_handlers(kind: Literal["prediction", "training"]) -> None:
    """get, cancel and list for predictions or trainings, which differ only in their shape."""
    shape = _shapes.prediction if kind == "prediction" else _shapes.training
    plural = f"{kind}s"

    def get(call: Call) -> FakeResponse:
        job = call.fake.job(call.params[f"{kind}_id"], kind)
        if job is None:
            return not_found(kind)
        return json_response(200, shape(job, call.now, call.fake.clock, call.bases))

    def cancel(call: Call) -> FakeResponse:
        job = call.fake.job(call.params[f"{kind}_id"], kind)
        if job is None:
            return not_found(kind)
        call.fake.cancel(job)
        return json_response(200, shape(job, call.fake.clock.now(), call.fake.clock, call.bases))

    def list_(call: Call) -> FakeResponse:
        # Every fake job came through the API, so a source=web filter finds none.
        jobs = [] if call.query("source") == "web" else call.fake.all_jobs(kind)
        return call.fake.page(
            call, jobs, lambda job: shape(job, call.now, call.fake.clock, call.bases)
        )

    HANDLERS[f"{plural}.get"] = get
    HANDLERS[f"{plural}.cancel"] = cancel
    HANDLERS[f"{plural}.list"] = list_


_job_handlers("prediction")
_job_handlers("training")


# -- trainings -------------------------------------------------------------------------------


@handles("trainings.create")
def trainings_create(call: Call) -> FakeResponse:
    base = call.fake.models.get(f"{call.params['model_owner']}/{call.params['model_name']}")
    if base is None or call.params["version_id"] not in base.versions:
        return not_found("model version")
    destination = call.fake.models.get(call.body["destination"])
    if destination is None:
        return problem(
            422, "Invalid destination", f"model {call.body['destination']!r} does not exist"
        )
    new_version = hashlib.sha256(f"{destination.full_name}/{new_id()}".encode()).hexdigest()

    def train(_: dict[str, Any]) -> dict[str, Any]:
        if new_version not in destination.extra_versions:
            destination.extra_versions.append(new_version)
        return {
            "version": f"{destination.full_name}:{new_version}",
            "weights": f"{call.bases.delivery}/delivery/weights/{new_version}.tar",
        }

    job = Job(
        kind="training",
        model=base.full_name,
        version=call.params["version_id"],
        input=call.body.get("input", {}),
        behavior=Behavior(train, _TRAINING.queue_time, _TRAINING.run_time, steps=_TRAINING.steps),
        created=call.now,
        webhook=call.body.get("webhook"),
        webhook_events=tuple(call.body.get("webhook_events_filter") or ("start", "completed")),
    )
    call.fake.add_job(job)
    return json_response(201, _shapes.training(job, call.now, call.fake.clock, call.bases))


# -- models and versions ---------------------------------------------------------------------


def _model(call: Call) -> ModelEntry | None:
    return call.fake.models.get(f"{call.params['model_owner']}/{call.params['model_name']}")


@handles("models.list")
def models_list(call: Call) -> FakeResponse:
    models = list(call.fake.models.values())
    if call.query("sort_direction") == "asc":
        models.reverse()
    shaped = [_shapes.model(m, call.fake.clock) for m in models if m.visibility == "public"]
    return call.fake.page(call, shaped)


@handles("models.search")
def models_search(call: Call) -> FakeResponse:
    text = call.body.lower()
    found = [
        _shapes.model(m, call.fake.clock)
        for m in call.fake.models.values()
        if m.visibility == "public"
        and (text in m.full_name.lower() or text in m.description.lower())
    ]
    return call.fake.page(call, found)


@handles("models.create")
def models_create(call: Call) -> FakeResponse:
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


@handles("models.get")
def models_get(call: Call) -> FakeResponse:
    entry = _model(call)
    return (
        not_found("model")
        if entry is None
        else json_response(200, _shapes.model(entry, call.fake.clock))
    )


@handles("models.update")
def models_update(call: Call) -> FakeResponse:
    entry = _model(call)
    if entry is None:
        return not_found("model")
    entry.description = call.body.get("description", entry.description)
    entry.readme = call.body.get("readme", entry.readme)
    return json_response(200, _shapes.model(entry, call.fake.clock))


@handles("models.delete")
def models_delete(call: Call) -> FakeResponse:
    entry = _model(call)
    if entry is None:
        return not_found("model")
    del call.fake.models[entry.full_name]
    return FakeResponse(204)


@handles("models.readme.get")
def models_readme_get(call: Call) -> FakeResponse:
    entry = _model(call)
    if entry is None:
        return FakeResponse(404)
    return FakeResponse(200, {"Content-Type": "text/plain"}, entry.readme.encode())


@handles("models.examples.list")
def models_examples_list(call: Call) -> FakeResponse:
    entry = _model(call)
    if entry is None:
        return not_found("model")
    examples = [
        _shapes.prediction(job, call.now, call.fake.clock, call.bases)
        for job in call.fake.all_jobs("prediction")
        if job.model == entry.full_name and job.status(call.now) == "succeeded"
    ][:3]
    return call.fake.page(call, examples)


@handles("models.versions.list")
def models_versions_list(call: Call) -> FakeResponse:
    entry = _model(call)
    if entry is None:
        return not_found("model")
    return call.fake.page(call, [_shapes.version(v, call.fake.clock) for v in entry.versions])


@handles("models.versions.get")
def models_versions_get(call: Call) -> FakeResponse:
    entry = _model(call)
    if entry is None or call.params["version_id"] not in entry.versions:
        return not_found("version")
    return json_response(200, _shapes.version(call.params["version_id"], call.fake.clock))


@handles("models.versions.delete")
def models_versions_delete(call: Call) -> FakeResponse:
    entry = _model(call)
    if entry is None or call.params["version_id"] not in entry.extra_versions:
        return not_found("version")
    entry.extra_versions.remove(call.params["version_id"])
    return FakeResponse(202)


# -- deployments -----------------------------------------------------------------------------


def _deployment(call: Call) -> DeploymentEntry | None:
    name = f"{call.params['deployment_owner']}/{call.params['deployment_name']}"
    return call.fake.deployments.get(name)


@handles("deployments.list")
def deployments_list(call: Call) -> FakeResponse:
    shaped = [_shapes.deployment(d, call.fake.clock) for d in call.fake.deployments.values()]
    return call.fake.page(call, shaped)


@handles("deployments.create")
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


@handles("deployments.get")
def deployments_get(call: Call) -> FakeResponse:
    entry = _deployment(call)
    return (
        not_found("deployment")
        if entry is None
        else json_response(200, _shapes.deployment(entry, call.fake.clock))
    )


@handles("deployments.update")
def deployments_update(call: Call) -> FakeResponse:
    entry = _deployment(call)
    if entry is None:
        return not_found("deployment")
    for key in ("version", "hardware", "min_instances", "max_instances"):
        if key in call.body:
            setattr(entry, key, call.body[key])
    entry.release += 1
    return json_response(200, _shapes.deployment(entry, call.fake.clock))


@handles("deployments.delete")
def deployments_delete(call: Call) -> FakeResponse:
    entry = _deployment(call)
    if entry is None:
        return not_found("deployment")
    del call.fake.deployments[entry.full_name]
    return FakeResponse(204)


# -- files -----------------------------------------------------------------------------------


@handles("files.create")
def files_create(call: Call) -> FakeResponse:
    try:
        parts = parse_multipart(call.request.header("content-type") or "", call.request.body)
    except ValueError as exc:
        return problem(400, "Invalid upload", str(exc))
    if "content" not in parts:
        return problem(422, "Invalid upload", "the multipart body has no 'content' part")
    if len(parts["content"].content) > call.fake.max_upload:
        return problem(413, "Content Too Large", "Files must be less than 100MB in size")
    metadata: dict[str, Any] = {}
    if "metadata" in parts:
        try:
            metadata = json.loads(parts["metadata"].content)
        except ValueError:
            return problem(422, "Invalid upload", "metadata is not JSON")
    content = parts["content"]
    name_part = parts.get("filename")
    stored = StoredFile(
        id=new_id(),
        name=name_part.content.decode() if name_part else (content.filename or "file"),
        content_type=parts["type"].content.decode()
        if "type" in parts
        else "application/octet-stream",
        content=content.content,
        metadata=metadata,
        created=call.now,
    )
    call.fake.files[stored.id] = stored
    return json_response(201, _shapes.stored_file(stored, call.fake.clock, call.bases))


@handles("files.get")
def files_get(call: Call) -> FakeResponse:
    stored = call.fake.files.get(call.params["file_id"])
    if stored is None:
        return problem(404, "Not found", "File not found")
    return json_response(200, _shapes.stored_file(stored, call.fake.clock, call.bases))


@handles("files.list")
def files_list(call: Call) -> FakeResponse:
    shaped = [
        _shapes.stored_file(f, call.fake.clock, call.bases)
        for f in reversed(list(call.fake.files.values()))
    ]
    return call.fake.page(call, shaped)


@handles("files.delete")
def files_delete(call: Call) -> FakeResponse:
    if call.fake.files.pop(call.params["file_id"], None) is None:
        return problem(404, "Not found", "File not found")
    return FakeResponse(204)


@handles("files.download")
def files_download(call: Call) -> FakeResponse:
    stored = call.fake.files.get(call.params["file_id"])
    owner, expiry, signature = call.query("owner"), call.query("expiry"), call.query("signature")
    expected = call.fake.download_signature(call.params["file_id"], owner or "", expiry or "")
    if stored is None or not hmac.compare_digest(signature or "", expected):
        return problem(404, "Not found", "File not found")
    return FakeResponse(200, {"Content-Type": "application/octet-stream"}, stored.content)


# -- the rest --------------------------------------------------------------------------------


@handles("account.get")
def account_get(call: Call) -> FakeResponse:
    return json_response(
        200,
        {
            "type": "organization",
            "username": call.fake.account,
            "name": "Fake Replicate",
            "github_url": "https://github.com/replicate",
            "avatar_url": "https://replicate.com/favicon.png",
        },
    )


@handles("hardware.list")
def hardware_list(call: Call) -> FakeResponse:
    return json_response(200, HARDWARE)


@handles("collections.list")
def collections_list(call: Call) -> FakeResponse:
    summaries = [
        {"name": name, "slug": slug, "description": description}
        for slug, (name, description, _) in call.fake.collections.items()
    ]
    return call.fake.page(call, summaries)


@handles("collections.get")
def collections_get(call: Call) -> FakeResponse:
    found = call.fake.collections.get(call.params["collection_slug"])
    if found is None:
        return not_found("collection")
    name, description, members = found
    models = [
        _shapes.model(call.fake.models[m], call.fake.clock)
        for m in members
        if m in call.fake.models
    ]
    return json_response(
        200,
        {
            "name": name,
            "slug": call.params["collection_slug"],
            "description": description,
            "full_description": None,
            "models": models,
        },
    )


@handles("search")
def search(call: Call) -> FakeResponse:
    query = (call.query("query") or "").strip()
    if not query:
        return json_response(400, {"detail": 'Query parameter "query" is required'})
    limit = int(call.query("limit") or 20)
    if not 1 <= limit <= 50:
        return json_response(400, {"detail": "limit must be between 1 and 50"})
    text = query.lower()
    matches: list[dict[str, object]] = [
        {
            "model": _shapes.model(m, call.fake.clock),
            "metadata": {"generated_description": m.description, "score": 1.0, "tags": []},
        }
        for m in call.fake.models.values()
        if text in m.full_name.lower() or text in m.description.lower()
    ]
    models = matches[:limit]
    collections = [
        {"name": name, "slug": slug, "description": description, "models": members}
        for slug, (name, description, members) in call.fake.collections.items()
        if text in name.lower() or text in description.lower()
    ]
    return json_response(
        200, {"query": query, "models": models, "collections": collections, "pages": []}
    )


@handles("webhooks.default.secret.get")
def webhooks_default_secret_get(call: Call) -> FakeResponse:
    return json_response(200, {"key": call.fake.webhook_secret})


def next_url(call: Call, cursor: int) -> str:
    """The absolute URL of the page starting at ``cursor``, keeping the other query params."""
    params = dict(call.request.url.params)
    params["cursor"] = str(cursor)
    return str(
        httpx.URL(f"{call.bases.api}{call.request.url.path.removeprefix('/v1')}", params=params)
    )
