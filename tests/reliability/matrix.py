"""The fault matrix as data: operations x faults, and the outcome documented for each cell.

A new fault or operation is one entry here; the test and the README table
both come from this module.
"""

from __future__ import annotations

import email.utils
import io
import time
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
    creates: bool
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


OPERATIONS = (
    Operation(
        "create", "models.predictions.create", True, lambda c, f, k: c.create(INSTANT, {"cell": k})
    ),
    Operation(
        "create (sync mode)",
        "models.predictions.create",
        True,
        lambda c, f, k: c.create(INSTANT, {"cell": k}, wait=1),
        stall=13.0,  # a sync-mode create waits 1 s + 10 s margin before timing out
    ),
    Operation(
        "get",
        "predictions.get",
        False,
        lambda c, f, k: c.predictions.get(c.create(INSTANT, {"cell": k}).id),
    ),
    Operation(
        "cancel", "predictions.cancel", False, lambda c, f, k: c.cancel(c.create(SLOW, {}).id)
    ),
    Operation("list", "predictions.list", False, lambda c, f, k: c.predictions.list().page()),
    Operation(
        "file upload",
        "files.create",
        False,
        lambda c, f, k: c.files.create(io.BytesIO(b"payload"), filename=f"{k}.bin"),
    ),
    Operation("file download", "output.download", False, _download),
    Operation("stream", "predictions.stream", False, _stream),
)


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
    SKEWED_CLOCK: lambda op: None,
}

#: Faults that leave the response usable as it is: nothing to retry.
HARMLESS = {"unknown status value", "unknown fields", SKEWED_CLOCK}
#: Faults that do nothing to a body that is not JSON (a file, an event stream).
JSON_ONLY = {"malformed JSON", TRICKLED, *HARMLESS}


@dataclass(frozen=True)
class Expected:
    """The documented outcome of a cell."""

    error: type[Exception] | None
    #: Requests the client sends for the faulted call: 1 (no retry) or 2 (one retry).
    attempts: int
    #: For creates, how many predictions the server ends up with.
    created: int | None = None

    def describe(self) -> str:
        """The README's words for this outcome."""
        if self.error is None:
            text = "retried, succeeded" if self.attempts > 1 else "succeeded"
        else:
            text = f"{self.error.__name__}, prediction_may_exist (not retried)"
        if self.created is not None and self.error is not None:
            text += "; 1 created" if self.created else "; none created"
        return text


def expected(operation: Operation, fault: str) -> Expected:
    """What the client is documented to do when ``fault`` hits ``operation``."""
    if not operation.creates:
        unaffected = fault in HARMLESS or (
            fault in JSON_ONLY and operation.target in ("output.download", "predictions.stream")
        )
        return Expected(None, 1 if unaffected else 2)
    if fault.startswith("429"):
        return Expected(None, 2, created=1)
    if fault in HARMLESS:
        return Expected(None, 1, created=1)
    errors: dict[str, tuple[type[Exception], int]] = {
        "connection reset before the response": (APIConnectionError, 0),
        "response cut mid-body after the work": (APIConnectionError, 1),
        "read timeout": (APITimeoutError, 1),
        TRICKLED: (APITimeoutError, 1),
        "malformed JSON": (InvalidResponseError, 1),
    }
    error, created = errors.get(fault, (InternalServerError, 0))
    return Expected(error, 1, created=created)


def table() -> str:
    """The README's fault table: one row per fault, creates apart from everything else."""
    create = next(op for op in OPERATIONS if op.creates)
    other = next(op for op in OPERATIONS if op.name == "get")
    lines = [
        "| fault | create (with or without sync mode) | get, cancel, list, file upload, "
        "file download, stream |",
        "| --- | --- | --- |",
    ]
    for fault in FAULTS:
        others = {expected(op, fault).describe() for op in OPERATIONS if not op.creates}
        shown = (
            expected(other, fault).describe()
            if len(others) == 1
            else ("retried, succeeded (a file or stream: unaffected)")
        )
        lines.append(f"| {fault} | {expected(create, fault).describe()} | {shown} |")
    return "\n".join(lines)
