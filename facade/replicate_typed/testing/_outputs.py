"""The hosts beside the API: output file downloads and prediction streams.

They are not operations of the spec. A request to them is logged as
"output.download" or "predictions.stream", the names faults are injected
under. Downloads honor "Range: bytes=N-"; streams are server-sent events that
resume after ``Last-Event-ID``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from replicate_typed.testing._faults import after_work, before_work
from replicate_typed.testing._http import FakeRequest, FakeResponse, problem, sse_event
from replicate_typed.testing._jobs import TERMINAL, Job

if TYPE_CHECKING:
    from replicate_typed.testing._emulator import Emulator

#: Bytes per chunk when the fake streams a download.
DOWNLOAD_CHUNK = 64 * 1024


def download(emulator: Emulator, request: FakeRequest, path: str) -> FakeResponse:
    """A file from a prediction's output: /delivery/{job id}/{index}/{name}."""
    parts = path.split("/")  # "", "delivery", job id, index, name
    job = emulator.ledger.get(parts[2]) if len(parts) == 5 else None
    files = job.files() if job is not None else []
    index = int(parts[3]) if len(parts) == 5 and parts[3].isdigit() else -1
    if not 0 <= index < len(files):
        return problem(404, "Not found", "File not found")
    content = files[index].content
    status, start = _range(request.header("range"), len(content))
    chunks = (content[i : i + DOWNLOAD_CHUNK] for i in range(start, len(content), DOWNLOAD_CHUNK))
    headers = {"Content-Type": files[index].content_type, "Accept-Ranges": "bytes"}
    if status == 206:
        headers["Content-Range"] = f"bytes {start}-{len(content) - 1}/{len(content)}"
    fault = emulator.faults.take("output.download")
    if fault is not None and (early := before_work(fault)) is not None:
        return early
    response = FakeResponse(status, headers, chunks=chunks)
    return after_work(fault, response, str(request.url)) if fault is not None else response


def stream(emulator: Emulator, request: FakeRequest, path: str) -> FakeResponse:
    """A streaming prediction's output as server-sent events: /stream/{prediction id}."""
    job = emulator.ledger.get(path.removeprefix("/stream/"))
    if job is None or not job.behavior.stream:
        return problem(404, "Not found", "stream not found")
    last = request.header("last-event-id")
    start = int(last) + 1 if last is not None and last.isdigit() else 0
    fault = emulator.faults.take("predictions.stream")
    if fault is not None and (early := before_work(fault)) is not None:
        return early
    headers = {"Content-Type": "text/event-stream", "Cache-Control": "no-store"}
    response = FakeResponse(200, headers, chunks=_events(emulator, job, start))
    return after_work(fault, response, str(request.url)) if fault is not None else response


def _events(emulator: Emulator, job: Job, start: int) -> Iterator[bytes | float]:
    """Output chunks as they are produced, then "done" (or "error", then "done").

    Between chunks it yields the seconds until the next is due (or the job is
    stopped); whoever sends the body waits them out, then it looks again.
    """
    index = start
    while True:
        now = emulator.fake.clock.now()
        due = job.chunks_due(min(now, job.stopped[0] if job.stopped else now))
        chunks = job.outcome().chunks
        while index < due and index < len(chunks):
            yield sse_event("output", str(chunks[index]), str(index))
            index += 1
        status = job.status(now)
        if status in TERMINAL:
            if status == "failed":
                yield sse_event("error", json.dumps({"detail": job.outcome().error}), "error")
            reason = {"canceled": "canceled", "aborted": "canceled", "failed": "error"}.get(status)
            yield sse_event("done", json.dumps({"reason": reason} if reason else {}), "done")
            return
        upcoming = job.chunk_time(index) if index < len(chunks) else job.end
        stopped = job.stopped
        yield min(upcoming, stopped[0] if stopped else upcoming) - now


def _range(header: str | None, size: int) -> tuple[int, int]:
    """(status, first byte) for a "Range: bytes=N-" request; anything else gets it all."""
    if header and header.startswith("bytes=") and header.endswith("-"):
        first = header.removeprefix("bytes=").removesuffix("-")
        if first.isdigit() and int(first) < size:
            return 206, int(first)
    return 200, 0
