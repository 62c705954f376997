"""The fake's answer to each operation of the spec, one module per API resource.

An operationId names its module: ``models.versions.get`` is answered by
``models_versions_get`` in ``models.py``, listed in that module's ``HANDLERS``.
``registry`` gathers every module's ``HANDLERS``, and ``FakeReplicate()``
refuses to start if the spec has an operation without a handler (or the other
way round), naming it. To add an operation: write the handler in the module
its operationId names (a new module for a new resource; the registry finds
it), then list it in ``HANDLERS``.

Handlers get a ``_common.Call`` and return a ``FakeResponse``. The request
body arrives already checked against the spec, and the response is checked
after; tokens, faults, webhooks and the request log are the emulator's job.
"""
