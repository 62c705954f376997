"""Every operation x every fault, against FakeReplicate on a real loopback socket.

Each cell asserts the documented outcome (see matrix.py), that the server saw
no duplicate prediction, and that nothing hung past its timeout.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from replicate_typed import (
    APIConnectionError,
    APIError,
    Replicate,
    ReplicateError,
    RetryPolicy,
)
from replicate_typed.testing import FakeReplicate, RealClock, ServedFake

from tests.reliability import matrix
from tests.support.spec import ROOT

CELLS = [(op, fault) for op in matrix.OPERATIONS for fault in matrix.FAULTS]
#: No cell may take longer: the slowest waits out one sync-mode read timeout (11 s).
WATCHDOG = 60.0


@pytest.fixture(scope="module")
def served() -> Iterator[ServedFake]:
    fake = FakeReplicate(page_size=matrix.PAGE_SIZE)
    matrix.register_models(fake)
    with fake.serve() as served:
        yield served


@pytest.fixture(scope="module")
def skewed() -> Iterator[ServedFake]:
    """The same server, but its clock (every timestamp, and Date) runs SKEW seconds off."""
    fake = FakeReplicate(clock=RealClock(offset=matrix.SKEW))
    matrix.register_models(fake)
    with fake.serve() as served:
        yield served


def _attempts(fake: FakeReplicate, target: str, since: int) -> int:
    return len([r for r in fake.requests[since:] if r.operation == target])


@pytest.mark.parametrize(
    ("operation", "fault"), CELLS, ids=[f"{op.name} / {fault}" for op, fault in CELLS]
)
def test_cell(
    served: ServedFake, skewed: ServedFake, operation: matrix.Operation, fault: str
) -> None:
    injected = matrix.FAULTS[fault](operation)
    if injected is None:
        served = skewed
    fake = served.fake
    key = f"{operation.name}/{fault}"
    slept: list[float] = []
    client = Replicate(
        "r8_matrix_token",
        base_url=served.url,
        timeout=httpx.Timeout(2.0),
        retry=RetryPolicy(jitter=0),
        sleep=slept.append,  # delays are recorded, not waited out
    )
    outcome: dict[str, Any] = {}

    def call() -> None:
        try:
            outcome["value"] = operation.call(client, fake, key)
        except ReplicateError as error:
            outcome["error"] = error

    # Faults hit the operation's next request; setup requests of other operations pass.
    if injected is not None:
        fake.inject(injected, operation=operation.target)
    since = len(fake.requests)
    worker = threading.Thread(target=call, daemon=True)
    worker.start()
    worker.join(WATCHDOG)
    client.close()

    assert not worker.is_alive(), f"{key} hung past {WATCHDOG} s"
    want = matrix.expected(operation, fault)
    error = outcome.get("error")
    if want.error is None:
        assert error is None, f"{key}: {error!r}"
        _check_value(operation, outcome["value"])
    else:
        assert isinstance(error, want.error), f"{key}: {error!r}"
        assert isinstance(error, APIError | APIConnectionError)
        assert error.may_exist is (operation.creates is not None)
        if operation.creates is not None:
            assert f"a {operation.creates} may exist" in str(error)
    assert _attempts(fake, operation.target, since) == want.attempts
    if operation.creates == "prediction":
        ledger = [p for p in fake.predictions() if p["input"].get("cell") == key]
        assert len(ledger) == want.created
    elif operation.creates == "file":
        stored = [f for f in fake.files.values() if f.name == matrix.upload_name(key)]
        assert len(stored) == want.created
    if fault.startswith("429"):
        assert 0 < slept[0] <= 3  # the Retry-After, in either form


def _check_value(operation: matrix.Operation, value: Any) -> None:
    if operation.name == "file download":
        assert value == matrix.FILE_BYTES
    elif operation.name == "stream":
        assert value == "".join(matrix.STREAM_CHUNKS)
    elif hasattr(value, "id"):
        assert value.id


def test_the_readme_shows_this_matrix() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert matrix.table() in readme
