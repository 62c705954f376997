"""predictions.*: create (by version), get, cancel and list; the create the others share.

``create_prediction`` is the one way a prediction starts: by version here, by
official model name in ``models``, on a deployment in ``deployments``. It
honors "Prefer: wait" (holding the request open on the fake's clock) and
"Cancel-After" (a deadline).
"""

from __future__ import annotations

import re

from replicate_typed._options import MIN_DEADLINE, parse_duration
from replicate_typed.testing import _shapes
from replicate_typed.testing._handlers._common import Call, Handler, Held, job_handlers
from replicate_typed.testing._http import FakeResponse, json_response, problem
from replicate_typed.testing._input_checks import refuse_input
from replicate_typed.testing._jobs import TERMINAL, Job
from replicate_typed.testing._records import ModelEntry

_PREFER = re.compile(r"^wait(=([1-9]|[1-9][0-9]|60))?$")


def predictions_create(call: Call) -> FakeResponse | Held:
    """predictions.create: run a version, "owner/name:version" or the bare id."""
    reference = call.body["version"]
    version_id = reference.rsplit(":", 1)[-1]
    model = next((m for m in call.fake.models.values() if version_id in m.versions), None)
    if model is None:
        return problem(422, "Invalid version", f"version {reference!r} does not exist")
    return create_prediction(call, model, version_id)


def create_prediction(
    call: Call, model: ModelEntry, version: str, deployment: str | None = None
) -> FakeResponse | Held:
    """Start a prediction of ``model`` (201 if it finished within "Prefer: wait", else 202)."""
    prefer = call.request.header("prefer")
    if prefer is not None and not _PREFER.match(prefer):
        return problem(400, "Invalid Prefer header", f"expected wait or wait=1..60, got {prefer!r}")
    deadline, error = _deadline(call)
    if error is not None:
        return error
    if (refused := refuse_input(model, call.body)) is not None:
        return refused
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
    call.ledger.add(job)
    model.run_count += 1

    def respond() -> FakeResponse:
        now = call.fake.clock.now()
        status = 201 if job.status(now) in TERMINAL else 202
        return json_response(status, _shapes.prediction(job, now, call.fake.clock, call.bases))

    if prefer is None:
        return respond()
    window = 60.0 if prefer == "wait" else float(prefer.split("=")[1])
    return Held(job, call.now + window, respond)


def _deadline(call: Call) -> tuple[float | None, FakeResponse | None]:
    """The Cancel-After header in seconds, or the 400 that rejects it."""
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


HANDLERS: dict[str, Handler] = {
    "predictions.create": predictions_create,
    **job_handlers("prediction"),
}
