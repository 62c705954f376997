"""A real Ctrl-C where httpcore would take it badly, and the 1 ms "come again" recorded instead.

See replicate_typed._safe_interrupts: ``signal.raise_signal`` runs the handler
at once, in the frame that raised it, so where it lands is up to the test.
"""

from __future__ import annotations

import signal
import threading
from types import TracebackType

import pytest
from replicate_typed import _safe_interrupts


class CtrlCLock:
    """A lock wrapper, as httpcore's: Ctrl-C arrives just after its ``__enter__`` acquires."""

    def __init__(self) -> None:
        self.lock = threading.Lock()

    def __enter__(self) -> None:
        self.lock.acquire()
        signal.raise_signal(signal.SIGINT)  # handled here, before the with block protects it

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.lock.release()


def put_off_signals(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The signals ``_interrupt`` puts off, recorded instead of sent again 1 ms later."""
    asked: list[int] = []
    monkeypatch.setattr(_safe_interrupts, "_signal_again", asked.append)
    return asked
