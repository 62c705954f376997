"""Scenarios for predictions followed to their end: ``run``, ``wait`` and ``stream``.

Most are Prism's runs (a sync-mode create, then one poll), whose requests
were reconstructed; a ``run`` the recording client interrupted with a version
look-up is replayed as ``create``, the look-up, then ``wait``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from replicate_typed import AuthenticationError, DoneEvent

from tests.realdata.calls import Call, Echoed, Result, Scenario
from tests.realdata.replayer import Difference
from tests.realdata.scenarios.shared import CORGI, LLAMA_2, SDXL, SDXL_VERSION, created

JOKE = (
    "Sure, here's a joke about OpenTelemetry:\n\nWhy did the OpenTelemetry agent go to "
    'therapy?\n\nBecause it was feeling a little "disconnected" from its trace!\n\nI hope '
    "that brought a smile to your face! Is there anything else I can assist you with?"
)

#: Prism's requests were reconstructed from its handler, which posts every model
#: to /v1/predictions; for an official model ("version": "hidden") the SDK posts
#: to the model's own endpoint instead, which creates the same kind of prediction.
_OFFICIAL = (
    "reconstructed request: Prism posts official models to /v1/predictions; the SDK "
    "creates them through /v1/models/{owner}/{name}/predictions"
)


def _official(model: str) -> Mapping[int, Difference]:
    return {0: Difference(_OFFICIAL, path=f"/v1/models/{model}/predictions")}


def _prism_run(ref: str, expect: Mapping[str, Any]) -> Call:
    """Prism's pattern: a sync-mode create with a 10 s window, then one poll."""
    return Call("run", (ref, Echoed(0)), {"wait": 10}, uses=2, expect=expect)


def _run_with_a_version_lookup(
    model: str,
    version: str,
    inputs: Mapping[str, Any],
    prediction_id: str,
    *,
    polls: int,
    output: str,
    **more: Any,
) -> Scenario:
    """A ``run`` the recording client interrupted with a version look-up, for one file.

    Replayed as ``create``, the look-up, then ``wait`` through ``polls`` polls to
    the output; ``more``: what else the finished prediction must hold.
    """
    return Scenario(
        (
            Call("create", (f"{model}:{version}", inputs), expect=created(prediction_id)),
            Call("models.versions.get", (model, version), expect={"id": version}),
            Call(
                "wait",
                (Result(0),),
                uses=polls,
                expect={"status": "succeeded", "output": [output], **more},
            ),
        )
    )


SCENARIOS: dict[str, Scenario] = {
    "otel-llama-stream": Scenario(
        (
            Call(
                "stream",
                (LLAMA_2, {"prompt": "tell me a joke about opentelemetry"}),
                uses=2,
                expect={
                    "prediction.id": "2knutntbosoct6233zaqaieafa",
                    "prediction.status": "starting",
                    "prediction.output": None,
                    "text": JOKE,
                    "events.len": 25,
                    "events.-1": DoneEvent(None, "1707756343:7"),
                },
            ),
        )
    ),
    "otel-run-stable-diffusion": _run_with_a_version_lookup(
        "stability-ai/stable-diffusion",
        "ac732df83cea7fff18b8472768c88ad041fa750ff7682a21affe81863cbe77e4",
        {"prompt": "robots"},
        "vdcbnszbj37qhlzgoergjj5dsa",
        polls=4,
        output="https://replicate.delivery/pbxt/"
        "SrnptW7NluJeCSmbguPjyLfP8gDYjsfutgZe6C3YTS2GQfvSC/out-0.png",
        data_removed=None,
        source=None,
    ),
    "prism-embeddings-multiple-inputs": Scenario(
        (
            _prism_run(
                "mark3labs/embeddings-gte-base:"
                "d619cff29338b9a37c3d06605042e1ff0594a8c3eff0175fd6967f5643fc4d47",
                {"text": "The food was delicious."},
            ),
            Call(
                "run",
                (
                    "mark3labs/embeddings-gte-base:"
                    "d619cff29338b9a37c3d06605042e1ff0594a8c3eff0175fd6967f5643fc4d47",
                    Echoed(2),
                ),
                {"wait": 10},
                uses=2,
                expect={"text": "The drinks were not so good"},
            ),
        )
    ),
    "prism-embeddings-single-input": Scenario(
        (
            _prism_run(
                "mark3labs/embeddings-gte-base:"
                "d619cff29338b9a37c3d06605042e1ff0594a8c3eff0175fd6967f5643fc4d47",
                {"text": "The food was delicious and the waiter..."},
            ),
        )
    ),
    "prism-generate-image-basic": Scenario(
        (_prism_run("black-forest-labs/flux-schnell", {"len": 1, "0.filename": "out-0.webp"}),),
        _official("black-forest-labs/flux-schnell"),
    ),
    "prism-generate-image-with-options": Scenario(
        (_prism_run("black-forest-labs/flux-schnell", {"len": 1, "0.filename": "out-0.png"}),),
        _official("black-forest-labs/flux-schnell"),
    ),
    "prism-generate-text-with-a-prompt": Scenario(
        (_prism_run("meta/meta-llama-3-70b-instruct", {"len": 43, "1": "Hello", "-1": ")!"}),),
        _official("meta/meta-llama-3-70b-instruct"),
    ),
    "prism-speech-to-text-mp3": Scenario(
        (
            _prism_run(
                "vaibhavs10/incredibly-fast-whisper:"
                "3ab86df6c8f54c11309d4d1f930ac292bad43ace52d10c80d87eb258b3c9f79c",
                {"chunks.0.timestamp": [0, 8.38]},
            ),
        )
    ),
    "prism-speech-to-text-wav": Scenario(
        (
            _prism_run(
                "vaibhavs10/incredibly-fast-whisper:"
                "3ab86df6c8f54c11309d4d1f930ac292bad43ace52d10c80d87eb258b3c9f79c",
                {"text": " Kids are talking by the door.", "chunks.len": 1},
            ),
        )
    ),
    "prism-structured-json-mode": Scenario(
        (_prism_run("meta/meta-llama-3.1-405b-instruct", {"0": "Unfortunately"}),),
        _official("meta/meta-llama-3.1-405b-instruct"),
    ),
    "prism-structured-simple": Scenario(
        (_prism_run("meta/meta-llama-3.1-405b-instruct", {"len": 17, "4": "Albert"}),),
        _official("meta/meta-llama-3.1-405b-instruct"),
    ),
    "prism-text-to-speech-basic": Scenario(
        (
            _prism_run(
                "jaaari/kokoro-82m:f559560eb822dc509045f3921a1921234918b91739db4bf3daab2169b71c7a13",
                {
                    "": "https://replicate.delivery/czjl/"
                    "BBTn3jvZMhIoJRGFDEVFH5NeuVnwPSJ6yCFNqB3y6wwla3yKA/output.wav",
                    "filename": "output.wav",
                },
            ),
        )
    ),
    "prism-text-to-speech-different-voice": Scenario(
        (
            _prism_run(
                "jaaari/kokoro-82m:f559560eb822dc509045f3921a1921234918b91739db4bf3daab2169b71c7a13",
                {"filename": "output.wav"},
            ),
        )
    ),
    "prism-text-to-speech-long-text": Scenario(
        (
            _prism_run(
                "jaaari/kokoro-82m:f559560eb822dc509045f3921a1921234918b91739db4bf3daab2169b71c7a13",
                {"filename": "output.wav"},
            ),
        )
    ),
    "rpy-run-invalid-token": Scenario(
        (
            Call(
                "run",
                ("73001d654114dad81ec65da3b834e2f691af1e1526453189b7bf36fb3f32d0f9", {}),
                {"wait": False},
                raises=AuthenticationError,
                expect={
                    "status": 401,
                    "title": "Unauthenticated",
                    "detail": "You did not pass a valid authentication token",
                    "prediction_may_exist": False,
                },
            ),
        )
    ),
    "rpy-run": _run_with_a_version_lookup(
        SDXL,
        SDXL_VERSION,
        CORGI,
        "azaq55dbukgxg6kubr4k6g3pby",
        polls=11,
        output="https://replicate.delivery/pbxt/"
        "gDoc64M9pRaQNdZb0evCRgm57WZJ5BKi0T5kzV6qm2tGmd8IA/out-0.png",
    ),
}
