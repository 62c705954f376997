"""Run the CLI as a subprocess against a FakeReplicate served on a loopback port.

The served fake runs on a ManualClock: its time moves only when a test moves
it, so where a prediction stands never depends on how fast this machine runs
the CLI (a loaded machine once let "starting" predictions finish before the
CLI listed them). A test that needs a prediction to finish says so: either
``Served.cli`` moves the clock LATER once the CLI has created its prediction,
or the test moves it step by step while the CLI runs (``Served.start``).
"""

from __future__ import annotations

import codecs
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Generator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from replicate_typed.testing import FakeReplicate

#: Distinctive, so a test can tell it never reached the output.
TOKEN = "r8_cliSecretToken_7Qx93Kd2ZzV"
#: Every subprocess, and every wait for what it writes, is bounded by this many seconds.
TIMEOUT = 60.0
#: Seconds of the fake's time that finish any prediction the CLI tests let finish.
LATER = 3600.0
#: What the CLI writes on stderr once the API has answered its create (see cli._status).
CREATED = "created prediction "
#: The chunks acme/slow-story streams, over SLOW_STORY_TIME seconds of the fake's time.
SLOW_STORY = [f"word{index} " for index in range(300)]
SLOW_STORY_TIME = 30.0

Result = subprocess.CompletedProcess[str]


class ManualClock:
    """The fake's clock (``testing._clock.Clock``), moved only by ``advance``.

    Not a VirtualClock, which ``FakeReplicate.serve`` swaps for real time
    because other processes cannot sleep on it; this one the test moves.
    """

    def __init__(self) -> None:
        self._now = 0.0
        self._lock = threading.Lock()
        self._start = datetime(2026, 1, 1, tzinfo=UTC)

    def now(self) -> float:
        """Seconds of the fake's time so far."""
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` of the fake's time pass; the CLI sees it at its next request."""
        with self._lock:
            self._now += seconds

    def sleep(self, seconds: float) -> None:
        """Sleeping on this clock is moving it (as for a VirtualClock)."""
        self.advance(seconds)

    def wall(self, moment: float) -> datetime:
        """The UTC date and time of a moment."""
        return self._start + timedelta(seconds=moment)


@dataclass
class Served:
    """A fake served on a loopback port: its state, its clock, and the URL the CLI is given."""

    fake: FakeReplicate
    url: str
    clock: ManualClock

    def env(self, token: str | None = TOKEN) -> dict[str, str]:
        """The environment that points the CLI at this fake."""
        return environment(base_url=self.url, token=token)

    def predictions(self) -> list[dict[str, Any]]:
        """The fake's predictions, oldest first."""
        return self.fake.predictions()

    def steps(self, model: str) -> int:
        """How many progress steps a prediction of ``model`` shows."""
        steps = self.fake.models[model].behavior.steps
        assert steps is not None, f"{model} shows no progress bar"
        return steps

    def when_at_step(self, model: str, step: int) -> float:
        """How long after its creation a prediction of ``model`` shows ``step`` steps done.

        Half a step later than the moment it gets there, so no rounding decides.
        """
        behavior = self.fake.models[model].behavior
        assert isinstance(behavior.queue_time, float)
        assert isinstance(behavior.run_time, float)
        return behavior.queue_time + behavior.run_time * (step + 0.5) / self.steps(model)

    def cli(self, *args: str, cwd: Path | None = None, finish: bool = True) -> Result:
        """Run the CLI against this fake to completion (bounded) and capture its output.

        With ``finish``, once the CLI has created its prediction the fake's
        time moves LATER, so the prediction is done at the CLI's next request;
        without it, the fake's time stands still and the prediction stays as
        it was created (for --timeout).
        """
        with self.start(*args, cwd=cwd) as child:
            if finish and child.stderr.wait_for(CREATED):
                self.clock.advance(LATER)
            return child.result()

    @contextmanager
    def start(
        self, *args: str, cwd: Path | None = None, terminal: bool = False, screen: bool = False
    ) -> Generator[Child]:
        """The CLI running against this fake in a child process; killed if left running.

        With ``terminal``, its stderr is a pseudo-terminal (so it draws the live
        display); with ``screen``, stdout and stderr both are, as in a shell,
        and ``Child.stdout`` and ``Child.stderr`` are that one screen.
        """
        env = self.env()
        if terminal or screen:
            env.update(TERM="xterm-256color", COLUMNS="100", LINES="30")
            env.pop("NO_COLOR", None)
        with started(*args, env=env, cwd=cwd, terminal=terminal, screen=screen) as child:
            yield child


class Output:
    """What a child writes to one file descriptor, collected by a thread.

    A test can wait for a marker to appear, then act (move the clock,
    interrupt the child) knowing what the child has done so far.
    """

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._chunks: list[str] = []
        self._ended = False
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def wait_for(self, marker: str) -> bool:
        """Whether ``marker`` arrived: False once the child closed it without, or after TIMEOUT."""
        with self._changed:
            self._changed.wait_for(lambda: self._ended or marker in "".join(self._chunks), TIMEOUT)
            return marker in "".join(self._chunks)

    def text(self) -> str:
        """Everything written, once the child has closed it (exited)."""
        self._thread.join(TIMEOUT)
        with self._changed:
            return "".join(self._chunks)

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self._fd, 4096)
            except OSError:  # EIO: the child closed its end of a pseudo-terminal
                data = b""
            with self._changed:
                self._chunks.append(self._decoder.decode(data, final=not data))
                self._ended = not data
                self._changed.notify_all()
            if not data:
                return


@dataclass
class Child:
    """The CLI running in a child process, and what it writes to stdout and stderr."""

    args: list[str]
    process: subprocess.Popen[bytes]
    stdout: Output
    stderr: Output

    def interrupt(self) -> None:
        """Press Ctrl-C."""
        self.process.send_signal(signal.SIGINT)

    def wait(self) -> int:
        """The exit code, once it has exited; if it has not within TIMEOUT, where it is stuck.

        The child runs with PYTHONFAULTHANDLER (see ``environment``), so SIGABRT
        makes it print every thread's stack on stderr before it dies.
        """
        try:
            return self.process.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGABRT)
            self.process.wait(TIMEOUT)
            raise AssertionError(
                f"{self.args} did not exit within {TIMEOUT} s; its stderr, stacks last:\n"
                + self.stderr.text()
            ) from None

    def result(self) -> Result:
        """Its exit code and output once it has exited, read as ``subprocess.run`` would."""
        code = self.wait()
        return Result(self.args, code, _newlines(self.stdout.text()), _newlines(self.stderr.text()))


@contextmanager
def started(
    *args: str,
    env: Mapping[str, str],
    cwd: Path | None = None,
    terminal: bool = False,
    screen: bool = False,
) -> Generator[Child]:
    """The CLI running in a child process, with its stdout and stderr; killed if left running.

    With ``terminal``, its stderr is a pseudo-terminal; with ``screen``, its
    stdout too (the same one), read as both ``Child.stdout`` and ``Child.stderr``.
    """
    leader, follower = os.openpty() if terminal or screen else (None, None)
    # A child inherits an ignored SIGINT (as in a shell's background job) but a handled
    # one is reset to the default on exec, and then Python turns it into KeyboardInterrupt.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        process = subprocess.Popen(
            command(*args),
            env=dict(env),
            cwd=cwd,
            stdout=follower if screen else subprocess.PIPE,
            stderr=subprocess.PIPE if follower is None else follower,
        )
    except BaseException:
        if leader is not None:
            os.close(leader)
        raise
    finally:
        signal.signal(signal.SIGINT, previous)
        if follower is not None:
            os.close(follower)  # the child has its own copy
    errors = Output(leader if leader is not None else _fileno(process.stderr))
    output = errors if screen else Output(_fileno(process.stdout))
    child = Child(command(*args), process, output, errors)
    try:
        yield child
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(TIMEOUT)
        child.stdout.text()
        child.stderr.text()
        if process.stdout is not None:
            process.stdout.close()
        if process.stderr is not None:
            process.stderr.close()
        if leader is not None:
            os.close(leader)


def environment(*, base_url: str | None, token: str | None = TOKEN) -> dict[str, str]:
    """This process's environment without Replicate settings or proxies, plus ours."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("REPLICATE_") and "proxy" not in name.lower()
    }
    if base_url is not None:
        env["REPLICATE_BASE_URL"] = base_url
    if token is not None:
        env["REPLICATE_API_TOKEN"] = token
    env["PYTHONFAULTHANDLER"] = "1"  # a child stuck and aborted shows where (Child.wait)
    return env


def command(*args: str) -> list[str]:
    """The command line that runs the CLI with this interpreter."""
    return [sys.executable, "-m", "replicate_typed.cli", *args]


def cli(*args: str, env: Mapping[str, str], cwd: Path | None = None) -> Result:
    """Run the CLI to completion (bounded) and capture its output; for runs with no served fake."""
    return subprocess.run(
        command(*args),
        env=dict(env),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def error_line(result: Result) -> str:
    """The one line an error leaves on stderr (after any status lines)."""
    lines = result.stderr.splitlines()
    assert lines, "expected an error line on stderr"
    return lines[-1]


def _fileno(stream: IO[bytes] | None) -> int:
    assert stream is not None
    return stream.fileno()


def _newlines(text: str) -> str:
    # What text=True (universal newlines) would have read.
    return text.replace("\r\n", "\n").replace("\r", "\n")
