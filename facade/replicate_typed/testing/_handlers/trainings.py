"""trainings.*: create (from a model version into a destination), get, cancel and list.

A training takes 1 s queued and 4 s processing, with a progress bar; when it
succeeds, its destination model gains a new version.
"""

from __future__ import annotations

import hashlib
from typing import Any

from replicate_typed.testing import _shapes
from replicate_typed.testing._behavior import Behavior
from replicate_typed.testing._handlers._common import Call, Handler, job_handlers, not_found
from replicate_typed.testing._http import FakeResponse, json_response, problem
from replicate_typed.testing._jobs import Job, new_id

_TRAINING = Behavior(run=lambda _: {"weights": None}, queue_time=1.0, run_time=4.0, steps=10)


def trainings_create(call: Call) -> FakeResponse:
    """trainings.create: train a version of a model into ``destination``."""
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
    call.ledger.add(job)
    return json_response(201, _shapes.training(job, call.now, call.fake.clock, call.bases))


HANDLERS: dict[str, Handler] = {
    "trainings.create": trainings_create,
    **job_handlers("training"),
}
