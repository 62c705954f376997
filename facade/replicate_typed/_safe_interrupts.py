"""Ctrl-C during a blocking request lands where httpx can recover from it.

httpcore's sync connection pool and connections guard their state with
locks taken and released in Python-level ``__enter__`` and ``__exit__``
methods, and keep the HTTP/1.1 state of each connection in h11. A
KeyboardInterrupt raised just after an acquire or just before a release
leaves that lock held for good, and the next request on the pool waits
forever, often at once, in httpcore's own handler for the interrupt
(encode/httpcore#1003 and the discussion it links, open); one raised in the
middle of a state change leaves a connection that fails its next request
("can't handle event type Request when role=CLIENT and state=DONE"). The
first request after Ctrl-C is the cancel of the prediction the user gave up
on, so that cancel would hang or fail, and the prediction run on, billed.

So while the sync client calls httpx in the main thread, Ctrl-C goes to
``_interrupt``: it raises KeyboardInterrupt as Python's default handler does,
except while httpcore or h11 is changing state (running their code, other
than httpcore's network I/O, where an interrupt is expected) or a lock is
being entered or left; then it has the signal come again a moment later.
Blocked on the network, the call is interrupted at once, as before. Only the
default handler is stood in for: a program with its own SIGINT handler keeps
it. The async client needs none of this: a task is cancelled only where it
awaits, and httpcore's async pool takes no thread locks.

``scripts/interrupt-soak`` sends SIGINT from another process at a random
moment of each of 3,000 waits on a loopback socket (the fake, polled every
0.5 ms). With Python's own handling (``--baseline``) 4 runs hung at tries 16,
775, 997 and 1,246, and 3 tries before those left their prediction running (2
with a cancel failing on a connection h11 had left in state DONE); with this,
3,000 of 3,000 tries canceled their prediction.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import threading
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from types import FrameType

import httpx

#: How long a Ctrl-C that came at an unsafe moment waits to come again.
AGAIN_AFTER = 0.001


def _package_dir(name: str) -> str | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(next(iter(spec.submodule_search_locations)), "")


_HTTPCORE = _package_dir("httpcore")
#: Where code that changes a connection's state lives (httpx's transport, its parser).
_STATEFUL = tuple(path for path in (_HTTPCORE, _package_dir("h11")) if path)
#: httpcore's network I/O: a blocking read, write or connect, interrupted as expected.
_NETWORK = (os.path.join(_HTTPCORE, "_backends", ""),) if _HTTPCORE else ()
_LOCK_EDGES = frozenset({"__enter__", "__exit__"})


@contextmanager
def interrupts_outside_locks() -> Generator[None]:
    """Within the block, Ctrl-C lands only where httpcore can recover from it."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield  # no Ctrl-C comes here, or the program handles it its own way
        return
    try:  # set inside: a Ctrl-C just after it must still find the default restored
        signal.signal(signal.SIGINT, _interrupt)
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    if frame is not None and _unsafe(frame):
        _signal_again(signum)
        return
    signal.default_int_handler(signum, frame)


def _signal_again(signum: int) -> None:
    """Send ``signum`` to the main thread again in AGAIN_AFTER seconds (from a timer thread)."""
    main = threading.main_thread().ident
    assert main is not None
    again = threading.Timer(AGAIN_AFTER, signal.pthread_kill, (main, signum))
    again.daemon = True
    again.start()


def _unsafe(frame: FrameType) -> bool:
    """Whether an exception raised in ``frame`` could leave a state half changed.

    httpcore's or h11's, or a lock's, or this module's own: ``signal.signal``
    runs a pending handler before it installs the next one, and a Ctrl-C
    raised there would leave ``_interrupt`` installed for good.
    """
    name, path = frame.f_code.co_name, frame.f_code.co_filename
    if name in _LOCK_EDGES or path == __file__:
        return True
    return path.startswith(_STATEFUL) and not path.startswith(_NETWORK)


class GuardedBody(httpx.SyncByteStream):
    """A streamed body read and closed with interrupts kept outside httpcore's locks.

    The caller reads a streamed response (an event stream, a download) and
    closes it itself: each piece it waits for, and the close, go through here.
    """

    def __init__(self, inner: httpx.SyncByteStream | httpx.AsyncByteStream) -> None:
        assert isinstance(inner, httpx.SyncByteStream)
        self._inner = inner

    def __iter__(self) -> Iterator[bytes]:
        pieces = iter(self._inner)
        while True:
            with interrupts_outside_locks():
                piece = next(pieces, None)
            if piece is None:
                return
            yield piece

    def close(self) -> None:
        with interrupts_outside_locks():
            self._inner.close()
