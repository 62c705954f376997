"""The cancel sent when a caller gives up on a job: once, shielded, its outcome noted.

``Jobs`` calls these when it stops waiting for something that may still run,
billed: ``run`` giving up, an interrupted ``wait``, ``stream`` on a model that
does not stream, and a create interrupted while it was out (found again
through ``_lost_create``). A failure to cancel is never raised over the
caller's own error; it is logged and returned as a note for that error.
"""

from __future__ import annotations

import logging

import httpx
from replicate_api.models.prediction import Prediction

from replicate_typed._core import Core, logger
from replicate_typed._effects import Flow, Send
from replicate_typed._errors import ReplicateError, describe_transport_error
from replicate_typed._kinds import J, JobKind
from replicate_typed._lost_create import SentCreate, find_unfinished
from replicate_typed._polling import is_terminal
from replicate_typed._responses import parse_model


def cancel_once(
    core: Core, kind: JobKind[J], job_id: str, context: str
) -> Flow[tuple[J | None, str]]:
    """Ask the server to stop what the caller stopped waiting for: one attempt, no retry.

    Shielded from an interrupt that led to it; a failure is not raised.
    Returns the job as the cancel left it (None if that is unknown) and
    what happened, as a note for the error (also logged).
    """
    noun = kind.noun.removesuffix("s")
    request = Send(f"{kind.noun}.cancel", kind.cancel_request(job_id), cleanup=True)
    try:
        response = yield from core.send_once(request, core.attempts(repeatable=True))
    except Exception as exc:
        return None, _noted(
            f"{context}: could not cancel {noun} {job_id} ({_why(exc)}); it may still be running",
            warn=True,
        )
    if not response.is_success:
        return None, _noted(
            f"{context}: could not cancel {noun} {job_id}: HTTP {response.status_code}; "
            "it may still be running",
            warn=True,
        )
    try:
        job: J | None = parse_model(response, kind.model, request.operation)
    except ReplicateError:
        job = None
    status = None if job is None else str(job.status)
    if job is not None and is_terminal(job) and status not in ("canceled", "aborted"):
        return job, _noted(f"{context}: {noun} {job_id} had already {status}", warn=False)
    return job, _noted(f"{context}: canceled {noun} {job_id}", warn=False)


def cancel_lost_create(core: Core, sent: SentCreate, kind: JobKind[Prediction]) -> Flow[str]:
    """Find and cancel what an interrupted create made; what happened, as a note."""
    context = "interrupted during the create"
    may_exist = f"{context}, which may have made a prediction (billed if so)"
    try:
        found = yield from find_unfinished(core, sent)
    except Exception as exc:
        return _noted(f"{may_exist}: could not look for it ({_why(exc)})", warn=True)
    if len(found) == 1:
        _, note = yield from cancel_once(core, kind, found[0].id, context)
        return note
    if not found:
        return _noted(f"{may_exist}: no unfinished prediction matching it was found", warn=True)
    ids = ", ".join(p.id for p in found)
    return _noted(
        f"{may_exist}: {len(found)} unfinished predictions match it ({ids}), so none was canceled",
        warn=True,
    )


def _why(exc: Exception) -> str:
    """What went wrong, in a few words (a raw httpx error says without its request)."""
    return describe_transport_error(exc) if isinstance(exc, httpx.HTTPError) else str(exc)


def _noted(note: str, *, warn: bool) -> str:
    """Log ``note`` (a warning if something may be left running) and return it."""
    logger.log(logging.WARNING if warn else logging.INFO, "%s", note)
    return note
