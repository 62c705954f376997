"""FakeReplicate: a stateful, spec-checked stand-in for Replicate's HTTP API."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from replicate_typed._async.client import AsyncReplicate
from replicate_typed._sync.client import Replicate
from replicate_typed._webhooks import sign_webhook
from replicate_typed.testing import _shapes, _spec
from replicate_typed.testing._clock import Clock, VirtualClock
from replicate_typed.testing._examples import EXAMPLE_COLLECTIONS, example_models
from replicate_typed.testing._faults import Fault
from replicate_typed.testing._http import (
    IN_PROCESS,
    Bases,
    FakeRequest,
    FakeResponse,
    json_response,
    problem,
    sse_event,
)
from replicate_typed.testing._jobs import TERMINAL, Job
from replicate_typed.testing._models import Behavior, Duration, ModelEntry
from replicate_typed.testing._operations import HANDLERS, Call, next_url
from replicate_typed.testing._shapes import DeploymentEntry, StoredFile

#: Bytes per chunk when the fake streams a download.
DOWNLOAD_CHUNK = 64 * 1024


class FakeSpecViolation(AssertionError):
    """The fake was about to send a response its own spec does not allow: a bug in the fake."""


@dataclass(frozen=True)
class RecordedRequest:
    """What the fake saw of one request (never the token itself).

    ``operation`` is the operationId, or "output.download" / "predictions.stream"
    for the file and stream hosts; ``authorized`` says whether a token came.
    """

    method: str
    url: str
    operation: str | None
    authorized: bool


@dataclass
class _Injected:
    fault: Fault
    operation: str
    remaining: int


class FakeRequestLog(list[RecordedRequest]):
    """The requests the fake received, in order."""

    def to(self, operation: str) -> list[RecordedRequest]:
        """Only those for one operationId."""
        return [r for r in self if r.operation == operation]


class FakeReplicate:
    """An in-memory Replicate: models, predictions, trainings, files, deployments.

    Every request body is validated against the spec's request schema (400 or
    422 problem JSON otherwise) and every response against its response
    schema. Predictions move starting -> processing -> a final status on
    ``clock``: a ``VirtualClock`` by default, which moves only when a client
    sleeps on it, so tests take no real time.

        fake = FakeReplicate()
        fake.add_model("acme/echo", lambda input: input["text"], run_time=2)
        with fake.client() as replicate:
            assert replicate.run("acme/echo", {"text": "hi"}) == "hi"

    Args:
        clock: VirtualClock() or RealClock() (``serve`` uses real time).
        examples: Register the built-in example models (see ``_examples``).
        page_size: Items per page of every list.
        token: If set, the only token accepted; by default any non-empty one.
    """

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        examples: bool = True,
        page_size: int = 100,
        token: str | None = None,
        account: str = "fake-account",
    ) -> None:
        self.clock: Clock = clock or VirtualClock()
        self.page_size = page_size
        self.account = account
        self.max_upload = 100 * 1024 * 1024
        self.models: dict[str, ModelEntry] = {}
        self.deployments: dict[str, DeploymentEntry] = {}
        self.files: dict[str, StoredFile] = {}
        self.collections: dict[str, tuple[str, str, list[str]]] = {}
        self.webhook_secret: str = "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
        #: Called with (headers, body) for each webhook; unset: kept in ``webhooks``.
        self.on_webhook: Callable[[dict[str, str], bytes], None] | None = None
        self.webhooks: list[tuple[dict[str, str], bytes]] = []
        self.requests: FakeRequestLog = FakeRequestLog()
        self._token = token
        self._jobs: dict[str, Job] = {}
        #: Where clients reach this fake (updated by each request), for ``predictions()``.
        self._bases = IN_PROCESS
        self._faults: list[_Injected] = []
        self._random_faults: (
            tuple[list[Fault], float, random.Random, frozenset[str] | None] | None
        ) = None
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        if examples:
            for entry in example_models():
                self.models[entry.full_name] = entry
            self.collections.update(EXAMPLE_COLLECTIONS)

    # -- configuring ---------------------------------------------------------------------------

    def add_model(
        self,
        name: str,
        run: Callable[[dict[str, Any]], Any],
        *,
        queue_time: Duration = 0.0,
        run_time: Duration = 0.0,
        stream: bool = False,
        steps: int | None = None,
        official: bool = True,
        description: str = "",
    ) -> ModelEntry:
        """Register a model "owner/name" whose predictions call ``run(input)``.

        ``run`` returns the output (``FakeFile`` or bytes for files), the chunks
        to stream (with ``stream=True``), or raises ``FakeModelError``. An official
        model runs by name; any model also runs by its ``version_id``.
        """
        owner, _, model = name.partition("/")
        entry = ModelEntry(
            owner=owner,
            name=model,
            behavior=Behavior(run, queue_time, run_time, stream, steps),
            official=official,
            description=description,
        )
        self.models[name] = entry
        return entry

    def add_deployment(self, name: str, model: str, *, hardware: str = "gpu-t4") -> DeploymentEntry:
        """Register a deployment "owner/name" of a model's current version."""
        owner, _, deployment = name.partition("/")
        entry = DeploymentEntry(
            owner,
            deployment,
            model,
            self.models[model].version_id,
            hardware,
            0,
            1,
            self.clock.now(),
        )
        self.deployments[name] = entry
        return entry

    def inject(self, fault: Fault, *, operation: str = "*", times: int = 1) -> None:
        """Make the next ``times`` requests to ``operation`` (an operationId, or "*") fail."""
        with self._lock:
            self._faults.append(_Injected(fault, operation, times))

    def inject_randomly(
        self,
        faults: list[Fault],
        *,
        rate: float,
        seed: int = 0,
        operations: frozenset[str] | None = None,
    ) -> None:
        """From now on, fail each request (to ``operations``, or any) with probability ``rate``."""
        with self._lock:
            self._random_faults = (faults, rate, random.Random(seed), operations)

    # -- inspecting ------------------------------------------------------------------------------

    def predictions(self) -> list[dict[str, Any]]:
        """Every prediction as the API would show it now, oldest first (the server's ledger)."""
        with self._lock:
            now = self.clock.now()
            return [
                _shapes.prediction(job, now, self.clock, self._bases)
                for job in self._jobs.values()
                if job.kind == "prediction"
            ]

    # -- wiring ----------------------------------------------------------------------------------

    def transport(self) -> httpx.BaseTransport:
        """An httpx transport that serves this fake in process, no sockets."""
        from replicate_typed.testing._transport import FakeTransport

        return FakeTransport(self)

    def async_transport(self) -> httpx.AsyncBaseTransport:
        """The async twin of ``transport``."""
        from replicate_typed.testing._transport import AsyncFakeTransport

        return AsyncFakeTransport(self)

    def client(self, **options: Any) -> Replicate:
        """A Replicate client wired to this fake (in process, on its clock)."""
        options.setdefault("api_token", self._token or "r8_fake_token")
        options.setdefault("base_url", IN_PROCESS.api)
        if isinstance(self.clock, VirtualClock):
            options.setdefault("sleep", self.clock.sleep)
            options.setdefault("clock", self.clock.now)
        return Replicate(transport=self.transport(), **options)

    def async_client(self, **options: Any) -> AsyncReplicate:
        """An AsyncReplicate client wired to this fake (in process, on its clock)."""
        options.setdefault("api_token", self._token or "r8_fake_token")
        options.setdefault("base_url", IN_PROCESS.api)
        if isinstance(self.clock, VirtualClock):
            options.setdefault("sleep", self.clock.async_sleep)
            options.setdefault("clock", self.clock.now)
        return AsyncReplicate(transport=self.async_transport(), **options)

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> Any:
        """Serve on a loopback port (real time); a context manager with ``.url``."""
        from replicate_typed.testing._server import ServedFake

        return ServedFake(self, host, port)

    # -- the state the handlers share ------------------------------------------------------------

    def model_with_version(self, version_id: str) -> ModelEntry | None:
        """The model that has this version."""
        return next((m for m in self.models.values() if version_id in m.versions), None)

    def add_job(self, job: Job) -> None:
        """Record a new prediction or training."""
        self._jobs[job.id] = job

    def job(self, job_id: str, kind: str) -> Job | None:
        """A prediction or training by id."""
        job = self._jobs.get(job_id)
        return job if job is not None and job.kind == kind else None

    def all_jobs(self, kind: str) -> list[Job]:
        """Every prediction or training, newest first."""
        return [job for job in reversed(self._jobs.values()) if job.kind == kind]

    def cancel(self, job: Job) -> None:
        """Cancel a job that has not finished (a finished one stays as it is)."""
        if job.status(self.clock.now()) not in TERMINAL:
            job.canceled_at = self.clock.now()
            self._changed.notify_all()

    def hold(self, job: Job, until: float) -> None:
        """Keep a sync-mode create open until the job finishes or ``until``."""
        while True:
            now = self.clock.now()
            if now >= until or job.status(now) in TERMINAL:
                return
            stopped = job.stopped
            target = min(until, stopped[0] if stopped else job.end)
            self.wait(target - now)

    def wait(self, seconds: float) -> None:
        """Let time pass; on real time a cancel ends the wait early."""
        if seconds <= 0:
            return
        if isinstance(self.clock, VirtualClock):
            self.clock.advance(seconds)
        else:
            with self._changed:
                self._changed.wait(timeout=seconds)

    def page(
        self, call: Call, items: list[Any], render: Callable[[Any], Any] | None = None
    ) -> FakeResponse:
        """One page of ``items`` at the request's cursor, with absolute links.

        ``render`` turns an item into its JSON shape, for the page's items only:
        a fake holding thousands of predictions still lists one page quickly.
        """
        start = int(call.query("cursor") or 0)
        end = start + self.page_size
        results = items[start:end]
        body = {
            "next": next_url(call, end) if end < len(items) else None,
            "previous": next_url(call, max(0, start - self.page_size)) if start > 0 else None,
            "results": results if render is None else [render(item) for item in results],
        }
        return json_response(200, body)

    def download_signature(self, file_id: str, owner: str, expiry: str) -> str:
        """The signature a files.download link needs."""
        key = self.webhook_secret.encode()
        digest = hmac.new(key, f"{owner} {file_id} {expiry}".encode(), hashlib.sha256).digest()
        return base64.b64encode(digest).decode()

    # -- handling requests -----------------------------------------------------------------------

    def handle(self, request: FakeRequest, bases: Bases) -> FakeResponse:
        """Answer one request (the transports and the server call this)."""
        self._bases = bases
        path = request.url.path
        if path.startswith("/delivery/"):
            return self._download(request, path)
        if path.startswith("/stream/"):
            return self._stream(request, path)
        if path == "/_fake/requests":
            return self._request_counts()
        if not path.startswith("/v1/"):
            return problem(404, "Not found", f"no route for {path}")
        return self._api(request, path.removeprefix("/v1"), bases)

    def _api(self, request: FakeRequest, path: str, bases: Bases) -> FakeResponse:
        routed = _spec.match(request.method, path)
        operation = routed[0].operation_id if routed else None
        authorized = self._authorized(request)
        self.requests.append(
            RecordedRequest(request.method, str(request.url), operation, authorized)
        )
        if routed is None:
            allowed = _spec.allowed_methods(path)
            if allowed:
                return problem(405, "Method not allowed", f"use {', '.join(allowed)} on {path}")
            return problem(404, "Not found", f"no route for {path}")
        route, params = routed
        if not authorized and route.operation_id != "search":
            return problem(401, "Unauthenticated", "You did not pass a valid authentication token")
        fault = self._take_fault(route.operation_id)
        if fault is not None:
            if fault.kind == "slow":
                self.wait(fault.seconds)
            elif (early := fault.before()) is not None:
                return early
        body, invalid = _request_body(route.operation_id, request)
        if invalid is not None:
            return invalid
        with self._lock:
            now = self.clock.now()
            response = HANDLERS[route.operation_id](Call(self, request, params, body, bases, now))
            self._deliver_webhooks(bases)
        if fault is not None and fault.kind != "slow":
            return fault.after(response)
        _check_response(route.operation_id, response)
        return response

    def _request_counts(self) -> FakeResponse:
        """How many requests the fake has seen, by operation: for tools measuring a client."""
        counts: dict[str, int] = {}
        for seen in list(self.requests):
            counts[seen.operation or "unrouted"] = counts.get(seen.operation or "unrouted", 0) + 1
        return json_response(200, {"total": sum(counts.values()), "by_operation": counts})

    def _record(self, request: FakeRequest, operation: str) -> None:
        """Log a request to the file or stream hosts; ``authorized`` says a token came along."""
        carried = request.header("authorization") is not None
        self.requests.append(RecordedRequest(request.method, str(request.url), operation, carried))

    def _authorized(self, request: FakeRequest) -> bool:
        header = request.header("authorization") or ""
        scheme, _, token = header.partition(" ")
        if scheme != "Bearer" or not token.strip():
            return False
        return self._token is None or hmac.compare_digest(token, self._token)

    def _take_fault(self, operation: str) -> Fault | None:
        with self._lock:
            for injected in self._faults:
                if injected.remaining > 0 and injected.operation in ("*", operation):
                    injected.remaining -= 1
                    return injected.fault
            if self._random_faults is not None:
                faults, rate, chance, only = self._random_faults
                if (only is None or operation in only) and chance.random() < rate:
                    return chance.choice(faults)
        return None

    def _download(self, request: FakeRequest, path: str) -> FakeResponse:
        self._record(request, "output.download")
        parts = path.split("/")  # "", "delivery", job id, index, name
        job = self._jobs.get(parts[2]) if len(parts) == 5 else None
        files = job.files() if job is not None else []
        index = int(parts[3]) if len(parts) == 5 and parts[3].isdigit() else -1
        if not 0 <= index < len(files):
            return problem(404, "Not found", "File not found")
        content = files[index].content
        status, start = _range(request.header("range"), len(content))
        chunks = (
            content[i : i + DOWNLOAD_CHUNK] for i in range(start, len(content), DOWNLOAD_CHUNK)
        )
        headers = {"Content-Type": files[index].content_type, "Accept-Ranges": "bytes"}
        if status == 206:
            headers["Content-Range"] = f"bytes {start}-{len(content) - 1}/{len(content)}"
        fault = self._take_fault("output.download")
        if fault is not None and (early := fault.before()) is not None:
            return early
        response = FakeResponse(status, headers, chunks=chunks)
        return fault.after(response) if fault is not None else response

    def _stream(self, request: FakeRequest, path: str) -> FakeResponse:
        self._record(request, "predictions.stream")
        job = self._jobs.get(path.removeprefix("/stream/"))
        if job is None or not job.behavior.stream:
            return problem(404, "Not found", "stream not found")
        last = request.header("last-event-id")
        start = int(last) + 1 if last is not None and last.isdigit() else 0
        fault = self._take_fault("predictions.stream")
        if fault is not None and (early := fault.before()) is not None:
            return early
        headers = {"Content-Type": "text/event-stream", "Cache-Control": "no-store"}
        response = FakeResponse(200, headers, chunks=self._events(job, start))
        return fault.after(response) if fault is not None else response

    def _events(self, job: Job, start: int) -> Iterator[bytes]:
        """Output chunks as they are produced, then "done" (or "error", then "done")."""
        index = start
        while True:
            now = self.clock.now()
            due = job.chunks_due(min(now, job.stopped[0] if job.stopped else now))
            chunks = job.outcome().chunks
            while index < due and index < len(chunks):
                yield sse_event("output", str(chunks[index]), str(index))
                index += 1
            status = job.status(now)
            if status in TERMINAL:
                if status == "failed":
                    yield sse_event("error", json.dumps({"detail": job.outcome().error}), "error")
                reason = {"canceled": "canceled", "aborted": "canceled", "failed": "error"}.get(
                    status
                )
                yield sse_event("done", json.dumps({"reason": reason} if reason else {}), "done")
                return
            upcoming = job.chunk_time(index) if index < len(chunks) else job.end
            stopped = job.stopped
            self.wait(min(upcoming, stopped[0] if stopped else upcoming) - now)

    def _deliver_webhooks(self, bases: Bases) -> None:
        now = self.clock.now()
        for job in self._jobs.values():
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
                    self._send_webhook(job, min(now, moment or now), bases)

    def _send_webhook(self, job: Job, now: float, bases: Bases) -> None:
        shape = _shapes.prediction if job.kind == "prediction" else _shapes.training
        body = json.dumps(shape(job, now, self.clock, bases)).encode()
        webhook_id = f"msg_{job.id}_{len(job.delivered)}"
        timestamp = int(time.time())
        headers = {
            "webhook-id": webhook_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": sign_webhook(webhook_id, timestamp, body, self.webhook_secret),
            "content-type": "application/json",
        }
        if self.on_webhook is not None:
            self.on_webhook(headers, body)
        else:
            self.webhooks.append((headers, body))


def _range(header: str | None, size: int) -> tuple[int, int]:
    """(status, first byte) for a "Range: bytes=N-" request; anything else gets it all."""
    if header and header.startswith("bytes=") and header.endswith("-"):
        first = header.removeprefix("bytes=").removesuffix("-")
        if first.isdigit() and int(first) < size:
            return 206, int(first)
    return 200, 0


def _request_body(operation: str, request: FakeRequest) -> tuple[Any, FakeResponse | None]:
    """The parsed body, or the 400/422 problem response that rejects it."""
    media = (request.header("content-type") or "").partition(";")[0].strip()
    if operation == "files.create":
        return None, None  # multipart: the handler parses and checks it
    if operation == "models.search":
        text = request.body.decode("utf-8", "replace")
        if not text.strip():
            return None, problem(400, "Invalid query", "send the search text as a text/plain body")
        return text, None
    validator = _spec.request_validator(operation, "application/json")
    if validator is None:
        return None, None
    if not request.body:
        required = _spec.operation(operation).get("requestBody", {}).get("required", False)
        if required:
            return None, problem(400, "Missing body", f"{operation} needs a JSON body")
        return {}, None
    if media and media != "application/json":
        return None, problem(415, "Unsupported media type", f"send application/json, not {media}")
    try:
        body = json.loads(request.body)
    except ValueError:
        return None, problem(400, "Invalid JSON", "the request body is not valid JSON")
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
    if errors:
        detail = "; ".join(f"{'.'.join(map(str, e.path)) or 'body'}: {e.message}" for e in errors)
        return None, problem(422, "Invalid request", detail)
    return body, None


def _check_response(operation: str, response: FakeResponse) -> None:
    """Raise FakeSpecViolation if a documented JSON response breaks the spec."""
    media = response.headers.get("Content-Type", "")
    if response.chunks is not None or not media.endswith("json") or not response.body:
        return
    validator = _spec.response_validator(operation, response.status, media)
    if validator is None:
        return
    errors = list(validator.iter_errors(json.loads(response.body)))
    if errors:
        raise FakeSpecViolation(
            f"{operation} {response.status} breaks the spec: {errors[0].message} "
            f"at {list(errors[0].path)}"
        )
