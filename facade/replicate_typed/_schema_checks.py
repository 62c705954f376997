"""``check_inputs=True``: check an untyped call's input against the model's schema first.

A typed call carries its schema (``TypedModel.openapi_schema``); an untyped
``run("owner/name", {...})`` does not, so under ``check_inputs`` the client
fetches it, once per model name or version id, and checks the input with
``bindings.check_input`` before any upload or create. The cache lives as long
as the client; a dict under a lock, so threads of a sync client and tasks of
an async one share it safely (two first calls at once may both fetch; the
schema is the same).

Where the schema comes from, by reference:
  - a ``Version``: its own ``openapi_schema``, no request;
  - a ``Model``: its ``latest_version.openapi_schema``, no request;
  - "owner/name:<version id>": ``models.versions.get``;
  - "owner/name": ``models.get``, its latest version (what runs by name);
  - a bare version id: refused (ValueError); the API gets a version only
    under its model's name, so pass "owner/name:<version id>";
  - a deployment: not checked. Its version changes with each release, so a
    schema cached by its name would go stale, and looking it up on every call
    would add two requests to each run.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

from replicate_api.api.models import models_get, models_versions_get
from replicate_api.models.model import Model
from replicate_api.models.version import Version

from replicate_typed import _refs
from replicate_typed._core import Core
from replicate_typed._effects import Flow, Send
from replicate_typed.bindings._checks import check_input

Schema = Mapping[str, Any]


class InputSchemas:
    """One client's cache of version schemas, and the check that reads it."""

    def __init__(self) -> None:
        self._schemas: dict[str, Schema] = {}
        self._lock = threading.Lock()

    def check(
        self, core: Core, ref: _refs.ModelReference | None, input: Mapping[str, object] | None
    ) -> Flow[None]:
        """Raise InputError if ``input`` does not fit the schema of what ``ref`` runs.

        A deployment (``ref`` None) is not checked (see the module docstring).
        """
        if ref is None:
            return
        schema = yield from self.schema_of(core, ref)
        check_input(schema, input)

    def schema_of(self, core: Core, ref: _refs.ModelReference) -> Flow[Schema]:
        """The ``openapi_schema`` of the version ``ref`` runs, fetched at most once per key."""
        if isinstance(ref, Version):
            return _own_schema(ref.openapi_schema, f"version {ref.id}")
        if isinstance(ref, Model):
            latest = ref.latest_version
            return _own_schema(
                None if latest is None else latest.openapi_schema, f"model {ref.owner}/{ref.name}"
            )
        key, request = _request_for(ref)
        with self._lock:
            cached = self._schemas.get(key)
        if cached is not None:
            return cached
        if request.operation == "models.get":
            model = yield from core.fetch(request, core.parser(Model, request.operation))
            latest = model.latest_version
            schema = _own_schema(None if latest is None else latest.openapi_schema, key)
        else:
            version = yield from core.fetch(request, core.parser(Version, request.operation))
            schema = _own_schema(version.openapi_schema, key)
        with self._lock:
            return self._schemas.setdefault(key, schema)


def _request_for(ref: str) -> tuple[str, Send]:
    """The cache key and the request that gets the schema of a string reference."""
    target = _refs.resolve(ref, None)  # a TypeError there for what is no reference
    if isinstance(target, _refs.OfficialModel):
        key = f"{target.owner}/{target.name}"
        return key, Send("models.get", models_get.request_args(target.owner, target.name))
    if ":" not in ref:
        raise ValueError(
            f"check_inputs cannot find the schema of the bare version id {ref!r}: the API "
            "gets a version only under its model, so pass 'owner/name:<version id>'"
        )
    owner, name, version_id = _refs.versioned(ref)
    kwargs = models_versions_get.request_args(owner, name, version_id)
    return f"{owner}/{name}:{version_id}", Send("models.versions.get", kwargs)


def _own_schema(schema: Mapping[str, Any] | None, what: str) -> Schema:
    if not schema:
        raise ValueError(f"check_inputs: {what} has no openapi_schema to check the input against")
    return schema
