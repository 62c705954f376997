"""The live status display, on a real pseudo-terminal as stderr."""

from __future__ import annotations

import os
import subprocess
import threading

import pytest
from replicate_typed.testing._examples import STORY

from tests.cli.support import TIMEOUT, Served, command


class Terminal:
    """A pseudo-terminal; a thread keeps reading what the child draws on it."""

    def __init__(self) -> None:
        self.leader, self.follower = os.openpty()
        self._drawn: list[bytes] = []
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def screen(self) -> str:
        """Everything drawn, once the child has exited."""
        self._thread.join(TIMEOUT)
        os.close(self.leader)
        return b"".join(self._drawn).decode(errors="replace")

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.leader, 4096)
            except OSError:  # EIO: the child closed the terminal
                return
            if not data:
                return
            self._drawn.append(data)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["run", "acme/upscaler", "--json"], None),
        (["run", "acme/storyteller"], STORY + "\n"),
    ],
)
def test_live_status_on_a_terminal(served: Served, args: list[str], expected: str | None) -> None:
    terminal = Terminal()
    env = {**served.env(), "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    env.pop("NO_COLOR", None)
    try:
        child = subprocess.Popen(
            command(*args), env=env, stdout=subprocess.PIPE, stderr=terminal.follower, text=True
        )
    finally:
        os.close(terminal.follower)  # the child has its own copy
    with child:
        stdout, _ = child.communicate(timeout=TIMEOUT)
    screen = terminal.screen()

    assert child.returncode == 0, screen
    assert "\x1b[" in screen  # redrawn in place
    assert "created prediction" in screen
    assert "succeeded in " in screen
    if expected is None:
        assert '"status": "succeeded"' in stdout
        assert "processing" in screen
        assert "(5/10)" in screen or "(6/10)" in screen
    else:
        assert stdout == expected
