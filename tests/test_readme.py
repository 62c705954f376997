"""The README's examples run as written (against pytest-httpx, never the network)."""

from __future__ import annotations

import base64
import json
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import mypy.api
import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import sign_webhook
from replicate_typed.testing import FakeReplicate

from tests.readme import README, examples
from tests.support import generated_bindings, payloads

FLUX = f"{payloads.API}/models/black-forest-labs/flux-schnell/predictions"
GET = f"{payloads.API}/predictions/{payloads.PREDICTION_ID}"


@pytest.fixture(autouse=True)
def no_real_sleeping(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []

    async def async_sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr("time.sleep", slept.append)
    monkeypatch.setattr("asyncio.sleep", async_sleep)
    monkeypatch.setenv("REPLICATE_API_TOKEN", payloads.TOKEN)
    return slept


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder the example runs in, for the files it reads and writes."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(name: str) -> dict[str, object]:
    """Run a README example as a module; what it defined."""
    namespace: dict[str, object] = {"__name__": "readme"}
    exec(compile(examples()[name], "README.md", "exec"), namespace)
    return namespace


def test_lowlevel_example(httpx_mock: HTTPXMock, capsys: pytest.CaptureFixture[str]) -> None:
    httpx_mock.add_response(
        method="POST",
        url=f"{payloads.API}/predictions",
        match_headers={"Prefer": "wait=10", "Authorization": f"Bearer {payloads.TOKEN}"},
        status_code=201,
        json=payloads.prediction("succeeded"),
    )

    _run("lowlevel")

    assert capsys.readouterr().out == "hello Alice\n"


def test_first_run_example(
    httpx_mock: HTTPXMock, capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    image = "https://replicate.delivery/xezq/out-0.webp"
    httpx_mock.add_response(
        method="POST",
        url=FLUX,
        match_headers={"Authorization": f"Bearer {payloads.TOKEN}"},
        status_code=201,
        json=payloads.prediction(output=[image]),
    )
    httpx_mock.add_response(method="GET", url=image, content=b"RIFF webp")

    _run("first-run")

    assert capsys.readouterr().out == "out-0.webp\n"
    assert (workdir / "out-0.webp").read_bytes() == b"RIFF webp"


def test_run_example(httpx_mock: HTTPXMock, capsys: pytest.CaptureFixture[str]) -> None:
    httpx_mock.add_response(method="POST", url=FLUX, status_code=201, json=payloads.prediction())
    httpx_mock.add_response(
        method="POST", url=FLUX, status_code=201, json=payloads.prediction("starting")
    )
    httpx_mock.add_response(method="GET", url=GET, json=payloads.prediction("processing"))
    httpx_mock.add_response(method="GET", url=GET, json=payloads.prediction("succeeded"))
    httpx_mock.add_response(
        method="POST",
        url=f"{payloads.API}/models/acme/flaky-model/predictions",
        status_code=201,
        json=payloads.prediction("failed"),
    )

    _run("run")

    assert capsys.readouterr().out.splitlines() == [
        "hello Alice",
        "starting",
        "processing",
        "succeeded",
        "failed: CUDA out of memory",
    ]


def test_run_async_example(httpx_mock: HTTPXMock, capsys: pytest.CaptureFixture[str]) -> None:
    httpx_mock.add_response(
        method="POST", url=FLUX, status_code=201, json=payloads.prediction(), is_reusable=True
    )

    _run("run-async")

    assert capsys.readouterr().out == "['hello Alice', 'hello Alice']\n"
    assert len(httpx_mock.get_requests()) == 3


def test_examples_pass_mypy_strict(tmp_path: Path) -> None:
    generated_bindings.write(tmp_path / "my_bindings.py")  # what the typed-bindings one imports
    files: list[str] = []
    for name, code in examples().items():
        path = tmp_path / f"readme_{name.replace('-', '_')}.py"
        path.write_text(code, encoding="utf-8")
        files.append(str(path))

    stdout, stderr, status = mypy.api.run(["--strict", "--no-error-summary", *files])

    assert status == 0, stdout + stderr


STREAM = f"https://stream.replicate.com/v1/files/{payloads.PREDICTION_ID}"


def _sse(*chunks: str) -> bytes:
    events = [f"event: output\nid: {n}\ndata: {c}\n\n" for n, c in enumerate(chunks)]
    return ("".join(events) + "event: done\nid: end\ndata: {}\n\n").encode()


def test_stream_example(httpx_mock: HTTPXMock, capsys: pytest.CaptureFixture[str]) -> None:
    llama = f"{payloads.API}/models/meta/meta-llama-3-8b-instruct/predictions"
    starting = payloads.prediction("starting", streams=True)
    httpx_mock.add_response(
        method="POST", url=llama, status_code=201, json=starting, is_reusable=True
    )
    httpx_mock.add_response(
        url=STREAM, headers={"Content-Type": "text/event-stream"}, content=_sse("Why", "?")
    )
    httpx_mock.add_response(
        url=STREAM, headers={"Content-Type": "text/event-stream"}, content=_sse("Be", "cause")
    )

    _run("stream")

    assert capsys.readouterr().out == "Why?Because\n"


def test_files_example(
    httpx_mock: HTTPXMock, capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    (workdir / "photo.png").write_bytes(b"\x89PNG photo")
    outputs = [f"https://replicate.delivery/x/out-{n}.png" for n in range(2)]
    uploaded = payloads.file_resource()
    httpx_mock.add_response(
        method="POST", url=f"{payloads.API}/files", status_code=201, json=uploaded, is_reusable=True
    )
    httpx_mock.add_response(
        method="POST",
        url=f"{payloads.API}/models/acme/upscaler/predictions",
        status_code=201,
        json=payloads.prediction(output=outputs),
    )
    for n, url in enumerate(outputs):
        httpx_mock.add_response(url=url, content=f"upscaled {n}".encode())
    httpx_mock.add_response(
        method="GET", url=f"{payloads.API}/files", json=payloads.page([uploaded])
    )

    _run("files")

    assert (workdir / "out-1.png").read_bytes() == b"upscaled 1"
    assert capsys.readouterr().out.splitlines() == [
        "out-0.png",
        "out-1.png",
        f"{payloads.FILE_ID} ['{payloads.FILE_ID}']",
    ]


def test_catalog_example(
    httpx_mock: HTTPXMock, capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    (workdir / "faces.zip").write_bytes(b"PK zip")
    api, training_id = payloads.API, payloads.TRAINING_ID
    version = "7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc"
    httpx_mock.add_response(
        method="POST", url=f"{api}/files", status_code=201, json=payloads.file_resource()
    )
    httpx_mock.add_response(
        method="POST",
        url=f"{api}/models/stability-ai/sdxl/versions/{version}/trainings",
        status_code=201,
        json=payloads.training("starting"),
    )
    running = payloads.training("processing", logs=" 50%|█████     | 1/2 [00:01<00:01, 1.00it/s]")
    httpx_mock.add_response(url=f"{api}/trainings/{training_id}", json=running)
    httpx_mock.add_response(
        url=f"{api}/trainings/{training_id}", json=payloads.training("succeeded")
    )
    httpx_mock.add_response(
        method="QUERY",
        url=f"{api}/models",
        json=payloads.page([payloads.model("nightmareai", "real-esrgan")]),
    )
    httpx_mock.add_response(
        url=f"{api}/predictions",
        json=payloads.page([payloads.prediction()], next_url=f"{api}/predictions?cursor=2"),
    )
    httpx_mock.add_response(
        method="POST",
        url=f"{api}/deployments/acme/faces/predictions",
        status_code=201,
        json=payloads.prediction(),
    )

    httpx_mock.add_response(url=f"{api}/deployments", json=payloads.page([payloads.deployment()]))
    httpx_mock.add_response(url=f"{api}/account", json={"type": "organization", "username": "acme"})
    httpx_mock.add_response(url=f"{api}/hardware", json=[{"name": "T4", "sku": "gpu-t4"}])
    results: dict[str, object] = {"query": "upscale", "models": [], "collections": [], "pages": []}
    httpx_mock.add_response(url=f"{api}/search?query=upscale", json=results)

    _run("catalog")

    assert capsys.readouterr().out.splitlines() == [
        "None",
        "Progress(percentage=50.0, current=1, total=2)",
        "None",
        "succeeded",
        "nightmareai real-esrgan",
        f"['{payloads.PREDICTION_ID}'] {api}/predictions?cursor=2",
        "hello Alice",
        "['my-app-image-generator'] acme",
        "['gpu-t4'] upscale",
    ]


def test_typed_bindings_example(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The example's ``my_bindings`` is generated from real schemas; the fake serves them."""
    generated_bindings.write(workdir / "my_bindings.py")
    monkeypatch.setattr(sys, "path", [str(workdir), *sys.path])
    fake = FakeReplicate()
    generated_bindings.serve(fake)
    fake.add_deployment("acme/flux", generated_bindings.FLUX)
    fake.add_model("acme/me", lambda _: None)
    monkeypatch.setattr("replicate_typed.Replicate", fake.client)
    monkeypatch.setattr("replicate_typed.AsyncReplicate", fake.async_client)

    try:
        _run("typed-bindings")
    finally:
        sys.modules.pop("my_bindings", None)

    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == ["succeeded 1", "fake output", "fake output"]
    assert re.fullmatch(r"https://\S+/weights/[0-9a-f]{64}\.tar", lines[3]), lines[3]
    assert lines[4:] == ["1 True"]
    assert (workdir / "fox.webp").read_bytes()
    assert len(fake.requests.to("deployments.predictions.create")) == 1
    (training,) = fake.requests.to("trainings.create")
    assert training.url.endswith(
        f"/models/{generated_bindings.TRAINER}/versions/"
        f"{fake.models[generated_bindings.TRAINER].version_id}/trainings"
    )


def test_webhooks_example() -> None:
    handle = _run("webhooks")["handle_webhook"]
    secret = "whsec_" + base64.b64encode(b"0123456789abcdef0123").decode()
    body = json.dumps(payloads.prediction()).encode()
    now = int(time.time())
    headers = {"webhook-id": "msg_1", "webhook-timestamp": str(now)}
    headers["webhook-signature"] = sign_webhook("msg_1", now, body, secret)

    assert handle(headers, body, secret) == f"{payloads.PREDICTION_ID} is succeeded"  # type: ignore[operator]
    assert handle(headers, body + b" ", secret).startswith("refused: ")  # type: ignore[operator]
    assert handle(headers, body, secret) == "already handled"  # type: ignore[operator]


def test_fake_example(fake_replicate: FakeReplicate) -> None:
    namespace = _run("fake")

    namespace["test_my_captioner"](fake_replicate)  # type: ignore[operator]
    namespace["test_my_error_handling"](FakeReplicate())  # type: ignore[operator]
    assert len(fake_replicate.requests.to("predictions.get")) >= 2


def test_batch_example(
    fake_replicate: FakeReplicate, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_replicate.add_model("acme/captioner", lambda input: f"a {input['animal']}", run_time=4)
    caption_all = _run("batch")["caption_all"]

    with fake_replicate.client() as replicate:
        caption_all(replicate, ["fox", "owl", "fox"], tmp_path)  # type: ignore[operator]
        first = sorted(capsys.readouterr().out.splitlines())
        caption_all(replicate, ["fox", "owl", "fox"], tmp_path)  # type: ignore[operator]

    assert first == [
        "0 succeeded a fox 0",
        "1 succeeded a owl 0",
        "2 succeeded, 0 skipped, $0.0018",
    ]
    assert capsys.readouterr().out == "2 succeeded, 2 skipped, $0.0018\n"
    assert len(fake_replicate.predictions()) == 2


def test_cli_examples(workdir: Path) -> None:
    """Each command in the README's CLI block runs, with the exit code its model calls for."""
    block = README.read_text(encoding="utf-8").split("<!-- readme-cli -->\n```console\n", 1)[1]
    commands = block.split("```", 1)[0].strip().splitlines()
    (workdir / "README.md").write_text("an input file")
    codes: list[int] = []
    for command in commands:
        argv = shlex.split(command)
        assert argv[0] == "replicate-typed"
        done = subprocess.run(
            [sys.executable, "-m", "replicate_typed.cli", *argv[1:]],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        codes.append(done.returncode)
    assert codes == [0, 0, 0, 1, 0]
    assert list((workdir / "demo-output").iterdir())
