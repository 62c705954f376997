"""The fault matrix as data: operations x faults, and the outcome documented for each cell.

A new fault or operation is one entry here; the test and the README table
both come from this module.
"""

from __future__ import annotations

import email.utils
import io
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from replicate_typed import (
    APIConnectionError,
    APITimeoutError,
    InternalServerError,
    InvalidResponseError,
    Replicate,
)
from replicate_typed.testing import FakeReplicate, Fault

from tests.support.outputs import one_file

INSTANT = "acme/instant"
FILES = "acme/file-maker"
STREAMER = "acme/streamer"
SLOW = "acme/slow-model"
FILE_BYTES = bytes(range(256)) * 800  # 200 KiB: several chunks, so a cut loses some
STREAM_CHUNKS = [f"w{n} " for n in range(12)]
#: The file maker's run outlives the download's 1 s sync window, so its run waits.
FILES_RUN_TIME = 1.3
#: The skewed-clock row's server runs this far behind the client's clock.
SKEW = -60.0
SKEWED_CLOCK = f"server clock {-SKEW:g} s behind the client's"
TRICKLED = "response trickled, a byte every 50 ms"


def register_models(fake: FakeReplicate) -> None:
    """The models the matrix runs: instant ones but one, so mostly the faults take time."""
    fake.add_model(INSTANT, lambda input: "ok")
    fake.add_model(FILES, lambda input: FILE_BYTES, run_time=FILES_RUN_TIME)
    fake.add_model(STREAMER, lambda input: STREAM_CHUNKS, stream=True)


@dataclass(frozen=True)
class Operation:
    """One client call under test."""

    name: str
    #: What the fake's fault injection calls it (an operationId, or the file/stream host).
    target: str
    #: What the call creates ("prediction", "file"), as its may-exist error names it; None
    #: for a call that is safe to repeat.
    creates: str | None
    call: Callable[[Replicate, FakeReplicate, str], Any]
    #: The request the create holds open for its sync window: a stall must outlast it.
    stall: float = 3.0


def _stream(client: Replicate, fake: FakeReplicate, key: str) -> str:
    prediction = client.create(STREAMER, {"cell": key})
    return client.stream(prediction).text()


def _download(client: Replicate, fake: FakeReplicate, key: str) -> bytes:
    # Past its window and with a deadline, so the run judges one while it waits.
    output = one_file(client.run(FILES, {"cell": key}, wait=1, deadline="10s"))
    return bytes(output.read())


def upload_name(key: str) -> str:
    """The name the file upload of a cell gives its file, to find it in the fake's store."""
    return f"{key}.bin"


OPERATIONS = (
    Operation(
        "create",
        "models.predictions.create",
        "prediction",
        lambda c, f, k: c.create(INSTANT, {"cell": k}),
    ),
    Operation(
        "create (sync mode)",
        "models.predictions.create",
        "prediction",
        lambda c, f, k: c.create(INSTANT, {"cell": k}, wait=1),
        stall=13.0,  # a sync-mode create waits 1 s + 10 s margin before timing out
    ),
    Operation(
        "file upload",
        "files.create",
        "file",
        lambda c, f, k: c.files.create(io.BytesIO(b"payload"), filename=upload_name(k)),
    ),
    Operation(
        "get",
        "predictions.get",
        None,
        lambda c, f, k: c.predictions.get(c.create(INSTANT, {"cell": k}).id),
    ),
    Operation(
        "cancel", "predictions.cancel", None, lambda c, f, k: c.cancel(c.create(SLOW, {}).id)
    ),
    # Every page: the fake serves one (see PAGE_SIZE), so a fault meets the one request.
    Operation("list", "predictions.list", None, lambda c, f, k: list(c.predictions.list())),
    Operation("file download", "output.download", None, _download),
    Operation("stream", "predictions.stream", None, _stream),
)
#: Items per page of the fake's lists: more than every cell together creates.
PAGE_SIZE = 1000


def _http_date(seconds_ahead: float) -> str:
    return email.utils.formatdate(time.time() + seconds_ahead, usegmt=True)


#: Each fault, built for the operation (a stall must outlast that operation's timeout).
#: None: no fault is injected; the cell runs against a server whose clock is SKEW off.
FAULTS: dict[str, Callable[[Operation], Fault | None]] = {
    "429, Retry-After: seconds": lambda op: Fault.rate_limit("1"),
    "429, Retry-After: HTTP date": lambda op: Fault.rate_limit(_http_date(2)),
    "500": lambda op: Fault.server_error(500),
    "502": lambda op: Fault.server_error(502),
    "503": lambda op: Fault.server_error(503),
    "504": lambda op: Fault.server_error(504),
    "connection reset before the response": lambda op: Fault.drop(),
    "response cut mid-body after the work": lambda op: Fault.cut_body(),
    "read timeout": lambda op: Fault.timeout(op.stall),
    TRICKLED: lambda op: Fault.trickle(0.05),
    "malformed JSON": lambda op: Fault.malformed_json(),
    "HTML error page": lambda op: Fault.html_error(),
    "unknown status value": lambda op: Fault.unknown_status("queued"),
    "unknown fields": lambda op: Fault.unknown_fields(),
    "JSON nested 100,000 deep": lambda op: Fault.deep_json(),
    "next link back to its own page": lambda op: Fault.self_link(),
    "stream events without id: lines": lambda op: Fault.no_event_ids(),
    SKEWED_CLOCK: lambda op: None,
}

#: Faults that leave the response usable as it is: nothing to retry.
HARMLESS = {
    "unknown status value",
    "unknown fields",
    "stream events without id: lines",
    SKEWED_CLOCK,
}
#: Bodies that cannot be read: a create says it may exist; anything else is fetched again.
UNREADABLE = {"malformed JSON", "JSON nested 100,000 deep"}
#: Faults that do nothing to a body that is not JSON (a file, an event stream).
JSON_ONLY = {*UNREADABLE, *HARMLESS, TRICKLED, "next link back to its own page"}


@dataclass(frozen=True)
class Expected:
    """The documented outcome of a cell."""

    error: type[Exception] | None
    #: Requests the client sends for the faulted call: 1 (no retry) or 2 (one retry).
    attempts: int
    #: For creates, how many the server ends up with (predictions, or files stored).
    created: int | None = None

    def describe(self) -> str:
        """The README's words for this outcome."""
        if self.error is None:
            text = "retried, succeeded" if self.attempts > 1 else "succeeded"
        elif self.created is None:
            text = f"{self.error.__name__} naming the link (not retried)"
        else:
            text = f"{self.error.__name__}, may_exist (not retried)"
        if self.created is not None and self.error is not None:
            text += "; 1 created" if self.created else "; none created"
        return text


def expected(operation: Operation, fault: str) -> Expected:
    """What the client is documented to do when ``fault`` hits ``operation``."""
    if operation.creates is None:
        if fault == "next link back to its own page" and operation.name == "list":
            return Expected(InvalidResponseError, 1)
        unaffected = (
            fault in HARMLESS
            or fault == "next link back to its own page"
            or (
                fault in JSON_ONLY and operation.target in ("output.download", "predictions.stream")
            )
        )
        return Expected(None, 1 if unaffected else 2)
    if fault.startswith("429"):
        return Expected(None, 2, created=1)
    if fault in HARMLESS or fault == "next link back to its own page":
        return Expected(None, 1, created=1)
    errors: dict[str, tuple[type[Exception], int]] = {
        "connection reset before the response": (APIConnectionError, 0),
        "response cut mid-body after the work": (APIConnectionError, 1),
        "read timeout": (APITimeoutError, 1),
        TRICKLED: (APITimeoutError, 1),
        **dict.fromkeys(UNREADABLE, (InvalidResponseError, 1)),
    }
    error, created = errors.get(fault, (InternalServerError, 0))
    return Expected(error, 1, created=created)


def _others(fault: str) -> str:
    """The cell of the calls safe to repeat: what most do, then any that differ."""
    outcomes = {op.name: expected(op, fault).describe() for op in OPERATIONS if not op.creates}
    usual = Counter(outcomes.values()).most_common(1)[0][0]
    differing = [name for name, outcome in outcomes.items() if outcome != usual]
    if not differing:
        return usual
    if fault in UNREADABLE:
        return f"{usual} (a file or stream: unaffected)"
    return f"{usual}; {', '.join(differing)}: {outcomes[differing[0]]}"


def table() -> str:
    """The README's fault table: one row per fault, creates apart from everything else."""
    creates = [op for op in OPERATIONS if op.creates]
    lines = [
        "| fault | create (with or without sync mode), file upload "
        "| get, cancel, list, file download, stream |",
        "| --- | --- | --- |",
    ]
    for fault in FAULTS:
        (create,) = {expected(op, fault).describe() for op in creates}  # one column: one outcome
        lines.append(f"| {fault} | {create} | {_others(fault)} |")
    return "\n".join(lines)
