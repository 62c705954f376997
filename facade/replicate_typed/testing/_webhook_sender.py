"""Webhooks the fake sends: "start" and "completed", signed with ``webhook_secret``.

Nothing runs in the background, so after each request the fake sends the
events that came due since the last one. Each goes to ``on_webhook`` if set,
else it is kept in ``FakeReplicate.webhooks``.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

from replicate_typed import sign_webhook
from replicate_typed.testing import _shapes
from replicate_typed.testing._http import Bases
from replicate_typed.testing._jobs import TERMINAL, Job
from replicate_typed.testing._ledger import Ledger

if TYPE_CHECKING:
    from replicate_typed.testing._fake import FakeReplicate


def deliver_due(fake: FakeReplicate, ledger: Ledger, bases: Bases) -> None:
    """Send each job's webhook events that are due and not yet sent."""
    now = fake.clock.now()
    for job in ledger.oldest_first():
        if job.webhook is None:
            continue
        status = job.status(now)
        due: list[str] = []
        if status != "starting" and "start" not in job.delivered:
            due.append("start")
        if status in TERMINAL and "completed" not in job.delivered:
            due.append("completed")
        for event in due:
            job.delivered.add(event)
            if event in job.webhook_events:
                # Each event shows the job as it was when the event happened.
                moment = job.start if event == "start" else job.completed_at(now)
                _send(fake, job, min(now, moment or now), bases)


def _send(fake: FakeReplicate, job: Job, now: float, bases: Bases) -> None:
    shape = _shapes.prediction if job.kind == "prediction" else _shapes.training
    body = json.dumps(shape(job, now, fake.clock, bases)).encode()
    webhook_id = f"msg_{job.id}_{len(job.delivered)}"
    timestamp = int(time.time())
    headers = {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign_webhook(webhook_id, timestamp, body, fake.webhook_secret),
        "content-type": "application/json",
    }
    if fake.on_webhook is not None:
        fake.on_webhook(headers, body)
    else:
        fake.webhooks.append((headers, body))
