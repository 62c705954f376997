"""The CLI as a person sees it: stdout and stderr on one pseudo-terminal, as in a shell.

The served fake's time moves only when a test moves it; every wait is for
output to appear (bounded), never a fixed sleep.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli.screen import screen_lines
from tests.cli.support import CREATED, LATER, SLOW_STORY, SLOW_STORY_TIME, Served

#: The fake's time that lets the slow story stream its first two words (and not the third).
TWO_WORDS = 2.5 * SLOW_STORY_TIME / len(SLOW_STORY)


def test_ctrl_c_mid_stream_puts_the_cancel_message_on_its_own_line(served: Served) -> None:
    with served.start("run", "acme/slow-story", screen=True) as child:
        assert child.stdout.wait_for(CREATED)
        served.clock.advance(TWO_WORDS)
        assert child.stdout.wait_for("word1 ")
        child.interrupt()
        assert child.wait() == 3
        lines = screen_lines(child.stdout.text())

    [prediction] = served.predictions()
    assert "word0 word1 " in lines
    assert lines[-1] == f"canceled prediction {prediction['id']}"
    assert not [line for line in lines if "word1" in line and "canceled" in line]


def test_the_live_status_line_shows_progress_then_the_output(
    served: Served, tmp_path: Path
) -> None:
    steps = served.steps("acme/upscaler")
    half = steps // 2
    with served.start("run", "acme/upscaler", cwd=tmp_path, screen=True) as child:
        assert child.stdout.wait_for(CREATED)
        served.clock.advance(served.when_at_step("acme/upscaler", half))
        assert child.stdout.wait_for(f"({half}/{steps})")
        served.clock.advance(LATER)
        assert child.wait() == 0
        screen = child.stdout.text()

    assert "\x1b[" in screen  # drawn in place
    assert re.search(rf"processing {100 * half // steps}% \({half}/{steps}\) \d+\.\ds", screen)
    lines = screen_lines(screen)
    [prediction] = served.predictions()
    assert lines[0] == f"{CREATED}{prediction['id']}"  # no link to a page the emulator lacks
    assert re.fullmatch(r"succeeded in \d+\.\ds", lines[-2].strip())
    assert lines[-1] == "upscaled.png"  # the saved file's path
    assert (tmp_path / "upscaled.png").is_file()


def test_a_mistyped_model_on_a_terminal_is_one_line(served: Served) -> None:
    with served.start("run", "acme/upscalr", screen=True) as child:
        assert child.wait() == 4
        lines = screen_lines(child.stdout.text())

    assert lines == [
        "replicate-typed: error: no model named 'acme/upscalr'; did you mean acme/upscaler?"
    ]


def test_an_empty_list_on_a_terminal_says_so(served: Served) -> None:
    with served.start("predictions", "list", screen=True) as child:
        assert child.wait() == 0
        lines = screen_lines(child.stdout.text())

    assert lines == ["no predictions yet"]
