"""Usage errors (2), API and network errors (4), one error line, and a token kept secret."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from replicate_typed.testing import FakeReplicate, Fault

from tests.cli.support import TOKEN, Served, cli, environment, error_line

PREFIX = "replicate-typed: error: "


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "required: COMMAND"),
        (["predictions", "list", "--no-such-flag"], "unrecognized arguments"),
        (["run"], "needs a MODEL or --deployment"),
        (["run", "acme/echo", "--deployment", "acme/d"], "needs a MODEL or --deployment"),
        (["run", "acme/echo", "-i", "prompt"], "key=value"),
        (["run", "acme/echo", "-i", "a=1", "-i", "a=2"], "more than once"),
        (["run", "acme/echo", "-i", "image=@no-such-file.png"], "does not exist"),
        (["run", "acme/echo", "--timeout", "0"], "above 0"),
        (["run", "acme/echo", "--timeout", "soon"], "above 0"),
        (["run", "acme/echo", "--wait", "99"], "--wait: expected whole seconds from 1 to 60"),
        (["run", "acme/echo", "--deadline", "tomorrow"], "--deadline: cannot read duration"),
        (["run", "acme/echo", "--deadline", "2s"], "--deadline: deadline must be at least 5"),
        (["run", "not a model"], "not a model"),
        (["predictions"], "required: ACTION"),
        (["predictions", "list", "--limit", "0"], "at least 1"),
        (["models", "get"], "required: OWNER/NAME"),
        (["models", "get", "no-slash"], "no-slash"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    served: Served, tmp_path: Path, args: list[str], message: str
) -> None:
    result = served.cli(*args, cwd=tmp_path)

    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(PREFIX)
    assert message in line
    assert served.predictions() == []


def test_missing_token_names_the_variable(served: Served) -> None:
    result = cli("run", "replicate/hello-world", env=served.env(token=None))

    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(PREFIX)
    assert "REPLICATE_API_TOKEN" in line
    assert served.predictions() == []


def test_help_exits_0() -> None:
    result = cli("run", "--help", env=environment(base_url=None, token=None))

    assert result.returncode == 0
    assert "--output-dir" in result.stdout


def test_an_unknown_model_exits_4(served: Served) -> None:
    result = served.cli("run", "acme/no-such-model")

    assert result.returncode == 4
    [line] = result.stderr.splitlines()
    assert line == f"{PREFIX}no model named 'acme/no-such-model'"  # the name typed, no endpoint


def test_an_unknown_prediction_exits_4(served: Served) -> None:
    result = served.cli("predictions", "get", "nosuchprediction")

    assert result.returncode == 4
    assert error_line(result).startswith(PREFIX)


def test_an_unreadable_retry_after_is_retried_not_a_usage_error(served: Served) -> None:
    with served.fake.client() as replicate:
        done = replicate.create("replicate/hello-world", {"text": "x"})
    # "\u00b2" passes str.isdigit(), and float() refused it: a ValueError, exit 2.
    served.fake.inject(Fault.rate_limit("\u00b2"), operation="predictions.get")

    result = served.cli("predictions", "get", done.id)

    assert result.returncode == 0, result.stderr
    assert f"id:           {done.id}" in result.stdout.splitlines()
    gets = [r for r in served.fake.requests if r.operation == "predictions.get"]
    assert len(gets) == 2  # the 429, then the retry after the policy's backoff


def test_an_unreachable_api_exits_4() -> None:
    with socket.socket() as probe:  # a port nothing listens on once this closes
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = environment(base_url=f"http://127.0.0.1:{port}/v1")
    result = cli("predictions", "list", env=env)

    assert result.returncode == 4
    [line] = result.stderr.splitlines()
    assert line.startswith(PREFIX)
    assert "Connect" in line


def test_debug_adds_the_traceback_and_a_request_log(served: Served) -> None:
    result = served.cli("--debug", "run", "acme/failing-model")

    assert result.returncode == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "ModelError" in result.stderr
    assert "debug: " in result.stderr
    assert error_line(result).startswith(PREFIX)


def test_the_token_is_never_printed(served: Served, tmp_path: Path) -> None:
    wrong = FakeReplicate(token="r8_the_only_token_it_accepts")
    with wrong.serve() as refusing:
        refused = cli("--debug", "predictions", "list", env=environment(base_url=refusing.url))
    assert refused.returncode == 4
    assert "401" in error_line(refused) or "authentication" in error_line(refused).lower()

    runs = [
        refused,
        served.cli("--debug", "run", "replicate/hello-world", "--json"),
        served.cli("--debug", "run", "acme/failing-model"),
        served.cli("--debug", "run", "acme/twin-files", "--output-dir", str(tmp_path)),
        served.cli("--debug", "run", "acme/storyteller"),
        served.cli("--debug", "predictions", "list", "--json"),
        served.cli("--debug", "run", "acme/no-such-model"),
    ]
    for result in runs:
        assert "debug: " in result.stderr
        assert TOKEN not in result.stdout
        assert TOKEN not in result.stderr
