"""Where Ctrl-C may land while the sync client is in httpx (see replicate_typed._safe_interrupts).

The signals here are real (``signal.raise_signal``), raised in this thread,
so Python runs the handler at once, in the frame that raised it; only the
"come again" timer is replaced, by a list of what it was asked.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from types import FrameType, SimpleNamespace
from typing import Any, cast

import httpx
import pytest
from replicate_typed import _safe_interrupts
from replicate_typed._effects import Send
from replicate_typed._io import SyncIO
from replicate_typed._safe_interrupts import interrupts_outside_locks

from tests.support.interrupts import CtrlCLock, put_off_signals

HTTPCORE, H11 = _safe_interrupts._STATEFUL


@pytest.fixture
def again(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The signals ``_interrupt`` put off, instead of sending them again 1 ms later."""
    return put_off_signals(monkeypatch)


def _frame(name: str, path: str) -> object:
    return SimpleNamespace(f_code=SimpleNamespace(co_name=name, co_filename=path))


@pytest.mark.parametrize(
    ("name", "path", "unsafe"),
    [
        ("handle_request", os.path.join(HTTPCORE, "_sync", "connection_pool.py"), True),
        ("_response_closed", os.path.join(HTTPCORE, "_sync", "http11.py"), True),
        ("next_event", os.path.join(H11, "_connection.py"), True),
        ("read", os.path.join(HTTPCORE, "_backends", "sync.py"), False),
        ("perform", os.path.join(os.path.dirname(_safe_interrupts.__file__), "_io.py"), False),
        ("interrupts_outside_locks", _safe_interrupts.__file__, True),
        ("__enter__", "/anywhere/a_lock.py", True),
        ("__exit__", "/anywhere/a_lock.py", True),
    ],
)
def test_which_frames_an_interrupt_waits_out(name: str, path: str, unsafe: bool) -> None:
    assert _safe_interrupts._unsafe(cast("Any", _frame(name, path))) is unsafe


def test_a_ctrl_c_inside_a_lock_enter_comes_again_later(again: list[int]) -> None:
    lock = CtrlCLock()
    with interrupts_outside_locks(), lock:
        pass

    assert again == [signal.SIGINT]
    assert not lock.lock.locked()  # left by its with block, as Python's own handler would not


def test_a_ctrl_c_elsewhere_interrupts_at_once(again: list[int]) -> None:
    with pytest.raises(KeyboardInterrupt), interrupts_outside_locks():
        signal.raise_signal(signal.SIGINT)

    assert again == []


def test_the_default_handler_is_back_after_the_block() -> None:
    during: list[object] = []

    def fail() -> None:
        during.append(signal.getsignal(signal.SIGINT))
        raise RuntimeError

    with pytest.raises(RuntimeError), interrupts_outside_locks():
        fail()

    assert during == [_safe_interrupts._interrupt]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_programs_own_handler_is_left_alone() -> None:
    def own(signum: int, frame: FrameType | None) -> None:
        """The program's."""

    previous = signal.signal(signal.SIGINT, own)
    try:
        with interrupts_outside_locks():
            during = signal.getsignal(signal.SIGINT)
        after = signal.getsignal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGINT, previous)

    assert (during, after) == (own, own)


def test_off_the_main_thread_nothing_is_installed() -> None:
    seen: list[object] = []

    def in_a_thread() -> None:
        with interrupts_outside_locks():
            seen.append(signal.getsignal(signal.SIGINT))

    thread = threading.Thread(target=in_a_thread)
    thread.start()
    thread.join()

    assert seen == [signal.default_int_handler]


def _handlers_while(stream: bool) -> tuple[list[object], list[object]]:
    """The SIGINT handler while httpx sends, reads and closes; and while the caller reads."""
    in_httpx: list[object] = []

    def body() -> Iterator[bytes]:
        for piece in (b"one", b"two"):
            in_httpx.append(signal.getsignal(signal.SIGINT))
            yield piece

    def handler(request: httpx.Request) -> httpx.Response:
        in_httpx.append(signal.getsignal(signal.SIGINT))
        return httpx.Response(200, content=body())

    io = SyncIO(httpx.Client(transport=httpx.MockTransport(handler)), sleep=None)
    request = Send("files.download", {"method": "GET", "url": "https://x.test/f"}, stream=stream)
    response: httpx.Response = io.perform(request)
    in_caller: list[object] = []
    for _ in response.iter_bytes():
        in_caller.append(signal.getsignal(signal.SIGINT))
    response.close()
    io.close()
    return in_httpx, in_caller


@pytest.mark.parametrize("stream", [False, True], ids=["read here", "streamed"])
def test_httpx_runs_with_the_handler_and_the_caller_without(stream: bool) -> None:
    in_httpx, in_caller = _handlers_while(stream)

    assert in_httpx == [_safe_interrupts._interrupt] * 3
    assert in_caller == [signal.default_int_handler] * (2 if stream else 1)
