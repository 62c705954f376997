"""Stopping a run: Ctrl-C and --timeout cancel the prediction on the server and exit 3."""

from __future__ import annotations

import signal
import subprocess
import threading
from collections.abc import Generator
from contextlib import contextmanager
from typing import IO

from tests.cli.support import TIMEOUT, Served, cli, command, error_line


class Pipe:
    """What a child's pipe carries, collected by a thread, so a test can wait for a marker."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._chunks: list[str] = []
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def wait_for(self, marker: str) -> bool:
        """Whether ``marker`` arrived within TIMEOUT seconds."""
        with self._changed:
            return self._changed.wait_for(lambda: marker in "".join(self._chunks), TIMEOUT)

    def text(self) -> str:
        """Everything the pipe carried, once the child has exited."""
        self._thread.join(TIMEOUT)
        return "".join(self._chunks)

    def close(self) -> None:
        """Collect the rest and close the pipe."""
        self.text()
        self._stream.close()

    def _read(self) -> None:
        while chunk := self._stream.read(1):
            with self._changed:
                self._chunks.append(chunk)
                self._changed.notify_all()


@contextmanager
def started(*args: str, env: dict[str, str]) -> Generator[tuple[subprocess.Popen[str], Pipe, Pipe]]:
    """The CLI running in a child process, with its stdout and stderr; killed if left running."""
    # A child inherits an ignored SIGINT (as in a shell's background job) but a handled
    # one is reset to the default on exec, and then Python turns it into KeyboardInterrupt.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        child = subprocess.Popen(
            command(*args), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    assert child.stdout is not None
    assert child.stderr is not None
    stdout, stderr = Pipe(child.stdout), Pipe(child.stderr)
    try:
        yield child, stdout, stderr
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(TIMEOUT)
        stdout.close()
        stderr.close()


def test_ctrl_c_while_waiting_cancels_the_prediction(served: Served) -> None:
    with started("run", "acme/slow-model", env=served.env()) as (child, _, stderr):
        assert stderr.wait_for("status: starting")
        child.send_signal(signal.SIGINT)
        code = child.wait(TIMEOUT)
        errors = stderr.text()

    [prediction] = served.predictions()
    assert code == 3
    assert prediction["status"] == "canceled"
    assert errors.splitlines()[-1] == f"canceled prediction {prediction['id']}"
    assert "Traceback" not in errors


def test_ctrl_c_while_streaming_cancels_the_prediction(served: Served) -> None:
    with started("run", "acme/slow-story", env=served.env()) as (child, stdout, stderr):
        assert stdout.wait_for("word1 ")
        child.send_signal(signal.SIGINT)
        code = child.wait(TIMEOUT)
        errors = stderr.text()

    [prediction] = served.predictions()
    assert code == 3
    assert prediction["status"] == "canceled"
    assert errors.splitlines()[-1] == f"canceled prediction {prediction['id']}"
    assert stdout.text().startswith("word0 word1 ")


def test_timeout_cancels_and_exits_3(served: Served) -> None:
    result = cli("run", "acme/slow-model", "--timeout", "1", env=served.env())

    [prediction] = served.predictions()
    assert result.returncode == 3
    assert prediction["status"] == "canceled"
    assert error_line(result) == (
        f"replicate-typed: error: prediction {prediction['id']} did not finish "
        "within 1 s (--timeout); canceled it"
    )


def test_timeout_while_streaming_cancels_and_exits_3(served: Served) -> None:
    result = cli("run", "acme/slow-story", "--timeout", "1.5", "--json", env=served.env())

    [prediction] = served.predictions()
    assert result.returncode == 3
    assert prediction["status"] == "canceled"
    assert "within 1.5 s (--timeout)" in error_line(result)


def test_timeout_while_streaming_text(served: Served) -> None:
    result = cli("run", "acme/slow-story", "--timeout", "1.5", env=served.env())

    [prediction] = served.predictions()
    assert result.returncode == 3
    assert prediction["status"] == "canceled"
    assert result.stdout.startswith("word0 ")
    assert "within 1.5 s (--timeout)" in error_line(result)
