"""Guards for the realdata tests: they replay recordings, so nothing may sleep or connect."""

from __future__ import annotations

import socket
import time
from typing import NoReturn

import pytest


def _refuse(*args: object, **kwargs: object) -> NoReturn:
    raise AssertionError("realdata tests must not sleep or touch the network")


@pytest.fixture(autouse=True)
def no_sleep_or_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail a test that really sleeps or opens a connection (clients get a fake clock)."""
    monkeypatch.setattr(time, "sleep", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
