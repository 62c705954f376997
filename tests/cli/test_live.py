"""The live status display, on a real pseudo-terminal as stderr."""

from __future__ import annotations

from replicate_typed.testing._examples import STORY

from tests.cli.support import CREATED, LATER, Served


def test_live_status_shows_progress(served: Served) -> None:
    steps = served.steps("acme/upscaler")
    half = steps // 2
    with served.start("run", "acme/upscaler", "--json", terminal=True) as child:
        assert child.stderr.wait_for(CREATED)
        served.clock.advance(served.when_at_step("acme/upscaler", half))
        assert child.stderr.wait_for(f"({half}/{steps})")
        served.clock.advance(LATER)
        result = child.result()

    assert result.returncode == 0, result.stderr
    assert "\x1b[" in result.stderr  # redrawn in place
    assert "processing" in result.stderr
    assert "succeeded in " in result.stderr
    assert '"status": "succeeded"' in result.stdout


def test_live_status_then_streamed_text(served: Served) -> None:
    with served.start("run", "acme/storyteller", terminal=True) as child:
        assert child.stderr.wait_for(CREATED)
        served.clock.advance(LATER)
        result = child.result()

    assert result.returncode == 0, result.stderr
    assert "\x1b[" in result.stderr
    assert "succeeded in " in result.stderr
    assert result.stdout == STORY + "\n"
