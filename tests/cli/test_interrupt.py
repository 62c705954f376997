"""Stopping a run: Ctrl-C and --timeout cancel the prediction on the server and exit 3.

The fake's time stands still unless a test moves it, so a prediction is still
running whenever the CLI gives up on it, however long that takes here.
"""

from __future__ import annotations

import threading
from typing import Any

from tests.cli.support import (
    CREATED,
    SLOW_STORY,
    SLOW_STORY_TIME,
    TIMEOUT,
    Result,
    Served,
    error_line,
)

#: The fake's time that lets the slow story stream its first two words (and not the third).
TWO_WORDS = 2.5 * SLOW_STORY_TIME / len(SLOW_STORY)


def _canceled(served: Served, result: Result) -> dict[str, Any]:
    """The run's one prediction, which the CLI canceled on the server before exiting 3."""
    [prediction] = served.predictions()
    assert result.returncode == 3
    assert prediction["status"] == "canceled"
    return prediction


def test_ctrl_c_while_waiting_cancels_the_prediction(served: Served) -> None:
    with served.start("run", "acme/slow-model") as child:
        assert child.stderr.wait_for("status: starting")
        child.interrupt()
        result = child.result()

    prediction = _canceled(served, result)
    assert error_line(result) == f"canceled prediction {prediction['id']}"
    assert "Traceback" not in result.stderr


def test_ctrl_c_during_a_sync_mode_create_finds_and_cancels_the_prediction(
    served: Served,
) -> None:
    arrived = threading.Event()

    def queue_time(input: dict[str, Any]) -> float:
        arrived.set()  # the fake is making the prediction: the create reached it
        return 3.0

    served.fake.add_model("acme/held", lambda _: "done", queue_time=queue_time, run_time=6.0)
    # "Prefer: wait=60" holds the create open while the fake's time stands still.
    with served.start("run", "acme/held", "--wait", "60") as child:
        assert arrived.wait(TIMEOUT)
        child.interrupt()
        result = child.result()

    # The CLI never got the response; the SDK found the prediction by its
    # creation time (on the fake's clock, from its Date header) and input.
    prediction = _canceled(served, result)
    assert error_line(result) == (
        f"interrupted during the create: canceled prediction {prediction['id']}"
    )


def test_ctrl_c_while_streaming_cancels_the_prediction(served: Served) -> None:
    with served.start("run", "acme/slow-story") as child:
        assert child.stderr.wait_for(CREATED)
        served.clock.advance(TWO_WORDS)
        assert child.stdout.wait_for("word1 ")
        child.interrupt()
        result = child.result()

    prediction = _canceled(served, result)
    assert error_line(result) == f"canceled prediction {prediction['id']}"
    assert result.stdout == "word0 word1 \n"  # ended, so the cancel message gets its own line


def test_timeout_cancels_and_exits_3(served: Served) -> None:
    result = served.cli("run", "acme/slow-model", "--timeout", "1", finish=False)

    prediction = _canceled(served, result)
    assert error_line(result) == (
        f"replicate-typed: error: prediction {prediction['id']} did not finish "
        "within 1 s (--timeout); canceled it"
    )


def test_timeout_while_streaming_cancels_and_exits_3(served: Served) -> None:
    result = served.cli("run", "acme/slow-story", "--timeout", "1.5", "--json", finish=False)

    _canceled(served, result)
    assert "within 1.5 s (--timeout)" in error_line(result)


def test_timeout_while_streaming_text(served: Served) -> None:
    with served.start("run", "acme/slow-story", "--timeout", "1.5") as child:
        assert child.stderr.wait_for(CREATED)
        served.clock.advance(TWO_WORDS)
        result = child.result()

    prediction = _canceled(served, result)
    # The two words if they were streamed before the CLI's own (real) --timeout
    # ran out, as they are unless this machine is very slow; none otherwise.
    streamed = "".join(prediction["output"] or [])
    assert result.stdout == (streamed + "\n" if streamed else "")
    assert "within 1.5 s (--timeout)" in error_line(result)
