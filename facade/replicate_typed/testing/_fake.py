"""FakeReplicate: a stateful, spec-checked stand-in for Replicate's HTTP API.

This module is what a user configures and inspects. Answering requests is
``_emulator``'s job (with one handler per operation in ``_handlers``); the
predictions and trainings live in its ``_ledger``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from replicate_typed import AsyncReplicate, Replicate
from replicate_typed.testing import _shapes
from replicate_typed.testing._behavior import Behavior, Duration
from replicate_typed.testing._clock import Clock, VirtualClock
from replicate_typed.testing._conforming import conforming_behavior
from replicate_typed.testing._emulator import Emulator
from replicate_typed.testing._examples import EXAMPLE_COLLECTIONS, example_models
from replicate_typed.testing._faults import Fault
from replicate_typed.testing._http import IN_PROCESS
from replicate_typed.testing._log import FakeRequestLog
from replicate_typed.testing._rate_limits import RateLimiter, RateLimits
from replicate_typed.testing._records import DeploymentEntry, ModelEntry, StoredFile
from replicate_typed.testing._transport import FakeTransport

if TYPE_CHECKING:
    from replicate_typed.testing._server import ServedFake


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
        account: The username of the fake's account (owner of new deployments).
        rate_limits: Limits to enforce with 429s (see ``enforce_rate_limits``); none by default.

    Raises:
        FakeSpecViolation: The spec has an operation the fake has no handler for.
    """

    clock: Clock
    """The fake's time; ``serve`` replaces a virtual clock with a real one."""
    page_size: int
    """Items per page of every list."""
    account: str
    """The username ``account.get`` returns; new deployments belong to it."""
    max_upload: int
    """The largest file ``files.create`` accepts, in bytes (413 above)."""
    models: dict[str, ModelEntry]
    """Every model by "owner/name", the example models included."""
    deployments: dict[str, DeploymentEntry]
    """Every deployment by "owner/name"."""
    files: dict[str, StoredFile]
    """Every file uploaded through the Files API, by id."""
    collections: dict[str, tuple[str, str, list[str]]]
    """Collections by slug: (name, description, member models' "owner/name")."""
    webhook_secret: str
    """The secret webhooks are signed with ("whsec_" and base64)."""
    on_webhook: Callable[[dict[str, str], bytes], None] | None
    """Called with (headers, body) for each webhook; if unset they are kept in ``webhooks``."""
    webhooks: list[tuple[dict[str, str], bytes]]
    """The webhooks sent while ``on_webhook`` was unset: (headers, body), in order."""
    requests: FakeRequestLog
    """Every request the fake received, in order."""

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        examples: bool = True,
        page_size: int = 100,
        token: str | None = None,
        account: str = "fake-account",
        rate_limits: RateLimits | None = None,
    ) -> None:
        self.clock = clock or VirtualClock()
        self.page_size = page_size
        self.account = account
        self.max_upload = 100 * 1024 * 1024
        self.models = {}
        self.deployments = {}
        self.files = {}
        self.collections = {}
        self.webhook_secret = "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
        self.on_webhook = None
        self.webhooks = []
        self.requests = FakeRequestLog()
        self._token = token
        self._emulator = Emulator(self, token)
        self.enforce_rate_limits(rate_limits)
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
        openapi_schema: dict[str, Any] | None = None,
    ) -> ModelEntry:
        """Register a model "owner/name" whose predictions call ``run(input)``.

        ``run`` returns the output (``FakeFile`` or bytes for files), the chunks
        to stream (with ``stream=True``), or raises ``FakeModelError``. An
        official model runs by name; any model also runs by its ``version_id``.
        ``openapi_schema`` is what its versions show (a Cog schema, as
        ``models check`` compares; by default a minimal one); when given,
        inputs are checked against it as in ``add_model_from_schema``.
        """
        owner, _, model = name.partition("/")
        entry = ModelEntry(
            owner=owner,
            name=model,
            behavior=Behavior(run, queue_time, run_time, stream, steps),
            official=official,
            description=description,
            openapi_schema=openapi_schema,
        )
        self.models[name] = entry
        return entry

    def add_model_from_schema(
        self,
        name: str,
        openapi_schema: dict[str, Any],
        behavior: Behavior | None = None,
        *,
        official: bool = True,
        description: str = "",
    ) -> ModelEntry:
        """Register a model "owner/name" with a version's Cog ``openapi_schema``.

        Its versions show that schema, and a prediction whose input does not
        fit it is refused with a 422 naming each bad field, as the API does
        (the checks are ``bindings.check_input``'s). Without a ``behavior`` its
        predictions return an output that fits the schema's ``Output``: small
        fixed values, a file on the fake's delivery host for each file URL, a
        stream for a string iterator (see ``_conforming``).

        Raises:
            ValueError: no ``behavior``, and the schema has no ``components.schemas.Output``.
        """
        owner, _, model = name.partition("/")
        entry = ModelEntry(
            owner=owner,
            name=model,
            behavior=behavior or conforming_behavior(openapi_schema),
            official=official,
            description=description,
            openapi_schema=openapi_schema,
        )
        self.models[name] = entry
        return entry

    def add_deployment(self, name: str, model: str, *, hardware: str = "gpu-t4") -> DeploymentEntry:
        """Register a deployment "owner/name" of a model's current version.

        Raises:
            KeyError: The fake has no model ``model``.
        """
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
        self._emulator.faults.inject(fault, operation, times)

    def inject_randomly(
        self,
        faults: list[Fault],
        *,
        rate: float,
        seed: int = 0,
        operations: frozenset[str] | None = None,
    ) -> None:
        """From now on, fail each request (to ``operations``, or any) with probability ``rate``."""
        self._emulator.faults.inject_randomly(faults, rate, seed, operations)

    def enforce_rate_limits(self, limits: RateLimits | None) -> None:
        """From now on, throttle requests as Replicate does: 429 once a class's burst is spent.

        ``RateLimits.documented()``, ``RateLimits.low_credit()`` or custom
        ``RateLimits(creates=Limit(...), other=Limit(...))``; None turns them
        off. Each call starts with full buckets. Off by default, so tests that
        do not ask for limits never meet one.
        """
        self._emulator.rate_limiter = None if limits is None else RateLimiter(limits)

    # -- inspecting ------------------------------------------------------------------------------

    def predictions(self) -> list[dict[str, Any]]:
        """Every prediction as the API would show it now, oldest first (the server's ledger)."""
        ledger = self._emulator.ledger
        with ledger.lock:
            now = self.clock.now()
            return [
                _shapes.prediction(job, now, self.clock, self._emulator.bases)
                for job in ledger.oldest_first("prediction")
            ]

    def download_signature(self, file_id: str, owner: str, expiry: str) -> str:
        """The signature ``files.download`` accepts for this file, owner and expiry."""
        key = self.webhook_secret.encode()
        digest = hmac.new(key, f"{owner} {file_id} {expiry}".encode(), hashlib.sha256).digest()
        return base64.b64encode(digest).decode()

    # -- wiring ----------------------------------------------------------------------------------

    def transport(self) -> FakeTransport:
        """An httpx transport, sync and async, that serves this fake in process, no sockets."""
        return FakeTransport(self)

    def client(self, **options: Any) -> Replicate:
        """A Replicate client wired to this fake (in process, on its clock)."""
        options.setdefault("api_token", self._token or "r8_fake_token")
        options.setdefault("base_url", IN_PROCESS.api)
        if isinstance(self.clock, VirtualClock):
            options.setdefault("sleep", self.clock.sleep)
            options.setdefault("clock", self.clock.now)
        return Replicate(transport=self.transport(), **options)

    def async_client(self, **options: Any) -> AsyncReplicate:
        """An AsyncReplicate client wired to this fake (in process, on its clock).

        Its requests and waits let the event loop's other tasks run; on a
        virtual clock, concurrent tasks share virtual time (see ``VirtualClock``).
        """
        options.setdefault("api_token", self._token or "r8_fake_token")
        options.setdefault("base_url", IN_PROCESS.api)
        if isinstance(self.clock, VirtualClock):
            options.setdefault("sleep", self.clock.async_sleep)
            options.setdefault("clock", self.clock.now)
        return AsyncReplicate(transport=self.transport(), **options)

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> ServedFake:
        """Serve on a loopback port (real time); a context manager with ``.url``."""
        from replicate_typed.testing._server import ServedFake

        return ServedFake(self, host, port)
