"""``run`` against a served fake: output, files, streams, JSON and exit codes 0 and 1."""

from __future__ import annotations

import json
import re
from pathlib import Path

from replicate_typed.testing._examples import STORY

from tests.cli.support import LATER, Served, cli, environment, error_line


def test_prints_a_text_output(served: Served) -> None:
    result = served.cli("run", "replicate/hello-world", "-i", "text=Alice")

    assert result.returncode == 0, result.stderr
    assert result.stdout == "hello Alice\n"
    [prediction] = served.predictions()
    assert prediction["status"] == "succeeded"
    assert f"created prediction {prediction['id']}" in result.stderr


def test_status_goes_to_stderr_as_plain_lines_off_a_terminal(served: Served) -> None:
    steps = served.steps("acme/upscaler")
    half = steps // 2
    with served.start("run", "acme/upscaler", "--json") as child:
        assert child.stderr.wait_for("status: starting ")
        served.clock.advance(served.when_at_step("acme/upscaler", half))
        assert child.stderr.wait_for(f"({half}/{steps}) ")
        served.clock.advance(LATER)
        result = child.result()

    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr
    statuses = [line for line in result.stderr.splitlines() if line.startswith("status: ")]
    assert all(re.fullmatch(r"status: .* \d+\.\ds", line) for line in statuses)
    assert [line.rsplit(" ", 1)[0] for line in statuses] == [
        "status: starting",
        f"status: processing {100 * half // steps}% ({half}/{steps})",
        f"status: succeeded 100% ({steps}/{steps})",
    ]


def test_json_values_are_sent_and_printed_as_json(served: Served) -> None:
    args = ["-i", "steps=3", "-i", "tags=[1, 2]", "-i", "prompt=a fox", "-i", 'id="7"']
    result = served.cli("run", "acme/echo", *args)

    assert result.returncode == 0, result.stderr
    expected = {"steps": 3, "tags": [1, 2], "prompt": "a fox", "id": "7"}
    assert json.loads(result.stdout) == expected
    assert served.predictions()[0]["input"] == expected


def test_json_prints_the_final_prediction(served: Served) -> None:
    result = served.cli("run", "replicate/hello-world", "-i", "text=Bo", "--json")

    assert result.returncode == 0, result.stderr
    prediction = json.loads(result.stdout)
    assert prediction["status"] == "succeeded"
    assert prediction["output"] == "hello Bo"
    assert prediction["id"] == served.predictions()[0]["id"]


def test_a_failed_model_exits_1_with_one_error_line(served: Served) -> None:
    result = served.cli("run", "acme/failing-model")

    assert result.returncode == 1
    assert result.stdout == ""
    line = error_line(result)
    assert line.startswith("replicate-typed: error: prediction ")
    assert "CUDA out of memory" in line
    assert "Traceback" not in result.stderr


def test_a_failed_model_with_json_prints_the_failed_prediction(served: Served) -> None:
    result = served.cli("run", "acme/failing-model", "--json")

    assert result.returncode == 1
    prediction = json.loads(result.stdout)
    assert prediction["status"] == "failed"
    assert "CUDA out of memory" in prediction["error"]


def test_uploads_a_local_file_and_saves_the_output_file(served: Served, tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    out = tmp_path / "out"
    args = ["-i", f"image=@{photo}", "-i", "scale=3", "--output-dir", str(out)]
    result = served.cli("run", "acme/upscaler", *args)

    assert result.returncode == 0, result.stderr
    saved = Path(result.stdout.strip())
    assert saved == out / "upscaled.png"
    assert saved.read_bytes().startswith(b"\x89PNG")
    [uploaded] = served.fake.files.values()
    assert uploaded.content == photo.read_bytes()
    assert uploaded.name == "photo.png"
    [prediction] = served.predictions()
    assert prediction["input"]["scale"] == 3
    assert prediction["input"]["image"].startswith("http")


def test_output_files_go_to_the_current_directory_by_default(
    served: Served, tmp_path: Path
) -> None:
    (tmp_path / "result.txt").write_text("mine")
    result = served.cli("run", "acme/twin-files", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["result-1.txt", "result-2.txt"]
    assert (tmp_path / "result.txt").read_text() == "mine"  # never overwritten
    assert (tmp_path / "result-1.txt").read_bytes() == b"first"
    assert (tmp_path / "result-2.txt").read_bytes() == b"second"


def test_streams_text_to_stdout(served: Served) -> None:
    result = served.cli("run", "acme/storyteller")

    assert result.returncode == 0, result.stderr
    assert result.stdout == STORY + "\n"
    assert served.predictions()[0]["status"] == "succeeded"


def test_runs_a_deployment(served: Served) -> None:
    served.fake.add_deployment("acme/greeter", "replicate/hello-world")
    result = served.cli("run", "--deployment", "acme/greeter", "-i", "text=Dee")

    assert result.returncode == 0, result.stderr
    assert result.stdout == "hello Dee\n"
    assert served.predictions()[0]["deployment"] == "acme/greeter"


def test_fake_flag_needs_no_token_or_server(tmp_path: Path) -> None:
    env = environment(base_url=None, token=None)
    result = cli("--fake", "run", "replicate/hello-world", "-i", "text=Bob", env=env, cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout == "hello Bob\n"
