"""A local Replicate for tests, demos and offline work: FakeReplicate.

    from replicate_typed.testing import FakeReplicate

    fake = FakeReplicate()
    fake.add_model("acme/echo", lambda input: input["text"], run_time=2)
    with fake.client() as replicate:          # in process: no sockets, no real time
        assert replicate.run("acme/echo", {"text": "hi"}) == "hi"

    with fake.serve() as served:              # a loopback port, real time
        print(served.url)                     # REPLICATE_BASE_URL for other tools

Also: ``python -m replicate_typed.testing --port 0`` serves one and prints its
URL, and the pytest plugin provides a ``fake_replicate`` fixture. It needs the
``testing`` extra (``pip install replicate-typed[testing]``) for validation.

Where things live: ``_fake`` is the public FakeReplicate; ``_emulator`` answers
a request (routing, tokens, rate limits, faults, validation); ``_handlers/`` holds one
module per API resource; ``_records``, ``_jobs`` and ``_ledger`` hold the
state; ``_shapes`` writes its JSON; ``_transport`` and ``_server`` carry
requests in process or over a socket.
"""

from replicate_typed.testing._behavior import Behavior, FakeFile, FakeModelError
from replicate_typed.testing._clock import Clock, RealClock, VirtualClock
from replicate_typed.testing._fake import FakeReplicate
from replicate_typed.testing._faults import Fault
from replicate_typed.testing._log import FakeRequestLog, RecordedRequest
from replicate_typed.testing._rate_limits import Limit, RateLimits
from replicate_typed.testing._records import DeploymentEntry, ModelEntry, StoredFile
from replicate_typed.testing._server import ServedFake
from replicate_typed.testing._transport import FakeTransport
from replicate_typed.testing._validation import FakeSpecViolation

__all__ = [
    "Behavior",
    "Clock",
    "DeploymentEntry",
    "FakeFile",
    "FakeModelError",
    "FakeReplicate",
    "FakeRequestLog",
    "FakeSpecViolation",
    "FakeTransport",
    "Fault",
    "Limit",
    "ModelEntry",
    "RateLimits",
    "RealClock",
    "RecordedRequest",
    "ServedFake",
    "StoredFile",
    "VirtualClock",
]
