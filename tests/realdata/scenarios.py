"""What each recording is, as a sequence of SDK calls: one entry per recording file.

A ``Call`` names a client method by its dotted path (``models.versions.get``),
its arguments, how many recorded interactions it consumes, and what its typed
result must hold (``expect``: dotted attribute paths, list indexes, ``len``).
Beyond ``expect``, test_replay compares every result with the response it
came from (``recordings.mismatches``), so ``expect`` states what the call is
about, including fields the API left out (which must read as None).

Recording clients sometimes made calls our client does not need (the
official Python client looked up the model and version before creating, or
fetched the version between create and the first poll of ``run``). Those are
replayed as the separate SDK calls they are, in the recorded order, so that
every recorded interaction is used; a ``run`` interrupted by such a call is
replayed as ``create`` + the call + ``wait``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from replicate_typed import AuthenticationError, DoneEvent, NotFoundError

from tests.realdata.replayer import Difference


@dataclass(frozen=True)
class Result:
    """An argument: the value call ``index`` of the same scenario returned."""

    index: int


@dataclass(frozen=True)
class Echoed:
    """An argument: the ``input`` the API echoed in recorded response ``index``.

    For reconstructed requests, whose bodies were not recorded: the echo is the
    only record of the input that was sent.
    """

    index: int


@dataclass(frozen=True)
class Call:
    """One SDK call: ``client.<method>(*args, **kwargs)``, awaited on the async client.

    ``uses``: the recorded interactions it must consume (0: refused before sending).
    ``expect``: paths into the result and the values they must hold: attribute
    names, mapping keys, list indexes (``-1`` too) and ``len``, joined by dots;
    ``""`` is the result itself. An expected None must be None.
    ``pages``: for a list, "all" iterates every item, "first" reads ``page()``.
    ``raises``: the error it must raise; ``expect`` then applies to the error.
    """

    method: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict[str, Any])
    uses: int = 1
    expect: Mapping[str, Any] = field(default_factory=dict[str, Any])
    raises: type[Exception] | None = None
    pages: Literal["all", "first"] = "all"


@dataclass(frozen=True)
class Scenario:
    """A recording as SDK calls, and how the SDK's requests differ from the recorded ones."""

    calls: tuple[Call, ...]
    differences: Mapping[int, Difference] = field(default_factory=dict[int, Difference])


SDXL = "stability-ai/sdxl"
SDXL_VERSION = "39ed52f2a78e934b3ba6e2a89f5b1c712de7dfea535525255b1aa35c5565e08b"
SDXL_NEWER_VERSION = "7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc"
CORGI = {
    "prompt": "a studio photo of a rainbow colored corgi",
    "width": 512,
    "height": 512,
    "seed": 42069,
}
LLAMA_3 = "meta/meta-llama-3-8b-instruct"
HAIKU = {"prompt": "Please write a haiku about llamas"}
LLAMA_2 = "meta/llama-2-70b-chat"
LLAMA_2_HAIKU = {"prompt": "Please write a haiku about llamas."}
TRAINING_IMAGES = (
    "https://replicate.delivery/pbxt/JMV5OrEWpBAC5gO8rre0tPOyJIOkaXvG0TWfVJ9b4zhLeEUY/data.zip"
)
DEPLOYMENT = "acme/my-app-image-generator"
FILE_ID = "NGZiNmY2YzQtMThhZi00ZjcyLWFhZjktODg4NTY0NWNlMDEy"
LISTED_FILES = [
    "M2Q1N2Q1ZjQtYWY0Mi00NzhiLTk5YTktNzMzMTc2MzcyMTcy",
    "MDU5MTI1ZDItOGRjYi00ZThlLWIwYWMtNmU1MTIyZmJlYjM1",
    "MDUwMjlkYzAtM2IzMS00ZTBiLTg1ZjQtZjFmYmMwZWIxNDhk",
]
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


def _created(
    prediction_id: str, status: str = "starting", more: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """A just-created prediction: its id and status, and no ``urls.web``.

    The API sent no ``data_removed`` (nor ``output``) in a create response
    before 2024-10; ``more`` adds or overrides expectations.
    """
    return {
        "id": prediction_id,
        "status": status,
        "urls.web": None,
        "data_removed": None,
        **(more or {}),
    }


SCENARIOS: dict[str, Scenario] = {
    # -- hand-written mocks of replicate-javascript (requests reconstructed) ----------------
    "js-mock-account-get": Scenario(
        (
            Call(
                "account.get",
                expect={
                    "type_": "organization",
                    "username": "replicate",
                    "name": "Replicate",
                    "avatar_url": None,
                },
            ),
        )
    ),
    "js-mock-deployments-create": Scenario(
        (
            Call(
                "deployments.create",
                ("my-app-image-generator",),
                {
                    "model": SDXL,
                    "version": "da77bc59ee60423279fd632efb4795ab731d9e3ca9705ef3341091fb989b7eaf",
                    "hardware": "gpu-t4",
                    "min_instances": 1,
                    "max_instances": 5,
                },
                expect={
                    "owner": "acme",
                    "name": "my-app-image-generator",
                    "current_release.number": 1,
                    "current_release.configuration.hardware": "gpu-t4",
                    "current_release.created_by.avatar_url": None,
                },
            ),
        )
    ),
    "js-mock-deployments-get": Scenario(
        (
            Call(
                "deployments.get",
                (DEPLOYMENT,),
                expect={
                    "owner": "acme",
                    "current_release.model": SDXL,
                    "current_release.version": (
                        "da77bc59ee60423279fd632efb4795ab731d9e3ca9705ef3341091fb989b7eaf"
                    ),
                    "current_release.configuration.max_instances": 5,
                },
            ),
        )
    ),
    "js-mock-deployments-update": Scenario(
        (
            Call(
                "deployments.update",
                (DEPLOYMENT,),
                {
                    "version": "632231d0d49d34d5c4633bd838aee3d81d936e59a886fbf28524702003b4c532",
                    "hardware": "gpu-a40-large",
                    "min_instances": 3,
                    "max_instances": 10,
                },
                expect={
                    "current_release.number": 2,
                    "current_release.configuration.hardware": "gpu-a40-large",
                    "current_release.configuration.min_instances": 3,
                    "current_release.configuration.max_instances": 10,
                },
            ),
        )
    ),
    "js-mock-webhooks-default-secret": Scenario(
        (Call("webhooks.default_secret", expect={"": "whsec_5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH"}),)
    ),
    # -- openllmetry cassettes ------------------------------------------------------------
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
    "otel-predictions-create-clipdraw": Scenario(
        (
            Call(
                "models.get",
                ("kvfrans/clipdraw",),
                expect={"owner": "kvfrans", "is_official": None},
            ),
            Call(
                "models.versions.get",
                (
                    "kvfrans/clipdraw",
                    "5797a99edc939ea0e9242d5e8c9cb3bc7d125b1eac21bda852e5cb79ede2cd9b",
                ),
                expect={"id": "5797a99edc939ea0e9242d5e8c9cb3bc7d125b1eac21bda852e5cb79ede2cd9b"},
            ),
            Call(
                "create",
                (Result(1), {"prompt": "robots"}),
                expect=_created(
                    "to5tvnrbh43inejuzpcz27oqse", more={"model": "kvfrans/clipdraw", "output": None}
                ),
            ),
        )
    ),
    "otel-run-stable-diffusion": Scenario(
        (
            Call(
                "create",
                (
                    "stability-ai/stable-diffusion:"
                    "ac732df83cea7fff18b8472768c88ad041fa750ff7682a21affe81863cbe77e4",
                    {"prompt": "robots"},
                ),
                expect=_created("vdcbnszbj37qhlzgoergjj5dsa"),
            ),
            Call(
                "models.versions.get",
                (
                    "stability-ai/stable-diffusion",
                    "ac732df83cea7fff18b8472768c88ad041fa750ff7682a21affe81863cbe77e4",
                ),
            ),
            Call(
                "wait",
                (Result(0),),
                uses=4,
                expect={
                    "status": "succeeded",
                    "output": [
                        "https://replicate.delivery/pbxt/"
                        "SrnptW7NluJeCSmbguPjyLfP8gDYjsfutgZe6C3YTS2GQfvSC/out-0.png"
                    ],
                    "data_removed": None,
                    "source": None,
                },
            ),
        )
    ),
    # -- prism-php: live response bodies, requests reconstructed ----------------------------
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
    # -- replicate-python cassettes -------------------------------------------------------
    "rpy-collections-get": Scenario(
        (
            Call(
                "collections.get",
                ("text-to-image",),
                expect={
                    "slug": "text-to-image",
                    "name": "Text to image",
                    "models.len": 3,
                    "models.0.owner": "huiyegit",
                    "full_description": None,
                },
            ),
        )
    ),
    "rpy-collections-list": Scenario(
        (Call("collections.list", expect={"len": 19, "0.slug": "vision-models"}),)
    ),
    "rpy-files": Scenario(
        (
            Call(
                "files.create",
                (b"",),
                {"filename": "test_fileo20o3wth.txt", "content_type": "text/plain"},
                expect={
                    "id": FILE_ID,
                    "size": 0,
                    "content_type": "text/plain",
                    "urls.get": f"https://api.replicate.com/v1/files/{FILE_ID}",
                },
            ),
            Call("files.get", (FILE_ID,), expect={"id": FILE_ID, "size": 0}),
            Call("files.list", expect={"len": 3, "0.id": LISTED_FILES[0], "2.id": LISTED_FILES[2]}),
            Call("files.delete", (FILE_ID,), expect={"": None}),
            Call("files.list", expect={"len": 3, "1.id": LISTED_FILES[1]}),
        )
    ),
    "rpy-hardware-list": Scenario(
        (
            Call(
                "hardware.list",
                expect={"len": 4, "0.sku": "cpu", "3.name": "Nvidia A40 (Large) GPU"},
            ),
        )
    ),
    "rpy-models-create": Scenario(
        (
            Call(
                "models.create",
                ("test/python-example",),
                {"visibility": "private", "hardware": "cpu", "description": "An example model"},
                expect={
                    "owner": "test",
                    "name": "python-example",
                    "visibility": "private",
                    "run_count": 0,
                    "latest_version": None,
                    "is_official": None,
                },
            ),
        )
    ),
    "rpy-models-get": Scenario(
        (
            Call(
                "models.get",
                (SDXL,),
                expect={"owner": "stability-ai", "name": "sdxl", "latest_version.id": SDXL_VERSION},
            ),
            Call(
                "models.get",
                ("mattt/empty",),
                expect={"owner": "mattt", "name": "empty", "latest_version": None, "run_count": 0},
            ),
        )
    ),
    "rpy-models-list": Scenario(
        (
            Call(
                "models.list",
                pages="first",
                expect={
                    "results.len": 3,
                    "results.0.owner": "catio-apps",
                    "next": "https://api.replicate.com/v1/models?cursor="
                    "cD0yMDIzLTExLTE1KzA1JTNBMDMlM0E0Ny4yMDM5MDMlMkIwMCUzQTAw",
                    "previous": None,
                },
            ),
        )
    ),
    "rpy-models-predictions-create-blocking-False-10": Scenario(
        (
            Call(
                "create",
                (LLAMA_3, HAIKU),
                {"wait": 10},
                expect=_created(
                    "pw050dtb51rj40cjb2vrcw97b8",
                    "processing",
                    {"data_removed": False, "output.len": 17},
                ),
            ),
        )
    ),
    "rpy-models-predictions-create-blocking-False-True": Scenario(
        (
            Call(
                "create",
                (LLAMA_3, HAIKU),
                {"wait": True},
                expect=_created(
                    "7vr9my1z3nrj40cjb2vv9pshw0",
                    "processing",
                    {"data_removed": False, "output.len": 14},
                ),
            ),
        )
    ),
    "rpy-models-predictions-create-blocking-True-10": Scenario(
        (
            Call(
                "create",
                (LLAMA_3, HAIKU),
                {"wait": 10},
                expect=_created(
                    "kr2d2jhqbsrj60cjb2vtmekgh4",
                    "processing",
                    {"data_removed": False, "output.len": 17},
                ),
            ),
        )
    ),
    "rpy-models-predictions-create-blocking-True-True": Scenario(
        (
            Call(
                "create",
                (LLAMA_3, HAIKU),
                {"wait": True},
                expect=_created(
                    "jp9nrd1g2hrj20cjb2vrb55mkr",
                    "processing",
                    {"data_removed": False, "output.len": 12},
                ),
            ),
        )
    ),
    "rpy-models-predictions-create": Scenario(
        (
            Call(
                "create",
                (LLAMA_2, LLAMA_2_HAIKU),
                expect=_created(
                    "heat2o3bzn3ahtr6bjfftvbaci",
                    more={"model": "replicate/lifeboat-70b", "output": None},
                ),
            ),
        )
    ),
    "rpy-models-search": Scenario(
        (
            Call(
                "models.search",
                ("llama",),
                expect={
                    "len": 3,
                    "0.name": "meta-llama-3-8b",
                    "2.name": "meta-llama-3-8b-instruct",
                },
            ),
        )
    ),
    "rpy-predictions-cancel": Scenario(
        (
            Call("create", (LLAMA_2, LLAMA_2_HAIKU), expect=_created("heat2o3bzn3ahtr6bjfftvbaci")),
            Call("models.get", (SDXL,), expect={"latest_version.id": SDXL_VERSION}),
            Call("models.versions.get", (SDXL, SDXL_VERSION), expect={"id": SDXL_VERSION}),
            Call("create", (Result(2), CORGI), expect=_created("vrsafsk7mnrgj0cf0p2ax766s4")),
            Call(
                "cancel",
                (Result(3),),
                expect={"status": "canceled", "logs": None, "output": None, "data_removed": None},
            ),
        )
    ),
    "rpy-predictions-create-blocking-wait": Scenario(
        (
            Call("models.get", (SDXL,)),
            Call("models.versions.get", (SDXL, SDXL_VERSION)),
            Call(
                "create",
                (Result(1), CORGI),
                {"wait": True},
                expect={
                    "id": "avyjww80xnrgj0cjb2z8taq7nw",
                    "status": "processing",
                    "output.len": 1,
                },
            ),
            Call("models.get", (SDXL,), expect={"latest_version.id": SDXL_NEWER_VERSION}),
            Call("models.versions.get", (SDXL, SDXL_NEWER_VERSION)),
            Call(
                "create",
                (Result(4), CORGI),
                {"wait": True},
                expect={"id": "y4pvp6q7ehrgj0cjb2zrwx9zq8", "urls.web": None},
            ),
        )
    ),
    "rpy-predictions-create-blocking-wait10": Scenario(
        (
            Call("models.get", (SDXL,)),
            Call("models.versions.get", (SDXL, SDXL_VERSION)),
            Call(
                "create",
                (Result(1), CORGI),
                {"wait": 10},
                expect={
                    "id": "0fqzzq8p2srgm0cjb2zaj681jr",
                    "status": "processing",
                    "output.len": 1,
                },
            ),
            Call("models.get", (SDXL,)),
            Call("models.versions.get", (SDXL, SDXL_NEWER_VERSION)),
            Call(
                "create",
                (Result(4), CORGI),
                {"wait": 10},
                expect={"id": "37mkg0qrxnrgj0cjb2zsyaxzjm", "urls.web": None},
            ),
        )
    ),
    "rpy-predictions-create-by-model": Scenario(
        (
            Call(
                "create",
                (LLAMA_3, {"prompt": "write a haiku about llamas"}),
                expect=_created("vpx8dks2pnrgg0cf0p2b7p13hc"),
            ),
            Call(
                "create",
                (LLAMA_3, {"prompt": "write a haiku about llamas"}),
                expect=_created("vcp9g11jexrgp0cf0p2bweyqyg"),
            ),
        )
    ),
    "rpy-predictions-create": Scenario(
        (
            # The model's latest version is what the recording created: run the Model itself.
            Call("models.get", (SDXL,), expect={"latest_version.id": SDXL_VERSION}),
            Call("create", (Result(0), CORGI), expect=_created("vgcm4plb7tgzlyznry5d5jkgvu")),
            Call("models.versions.get", (SDXL, SDXL_VERSION)),
            Call("create", (Result(2), CORGI), expect=_created("vme6tftbgoggoxnjiwkzr6zrpa")),
        )
    ),
    "rpy-predictions-get": Scenario(
        (
            Call(
                "predictions.get",
                ("vgcm4plb7tgzlyznry5d5jkgvu",),
                expect={"status": "succeeded", "model": SDXL, "output.len": 1},
            ),
            Call(
                "predictions.get",
                ("vgcm4plb7tgzlyznry5d5jkgvu",),
                expect={"status": "succeeded", "model": None, "data_removed": None},
            ),
        )
    ),
    "rpy-predictions-stream": Scenario(
        (
            Call("models.get", (LLAMA_2,)),
            Call(
                "models.versions.get",
                (LLAMA_2, "02e509c789964a7ea8736978a43525956ef40397be9033abf9fd2badfe68c9e3"),
            ),
            # Recorded with "stream": true (deprecated, never sent by the SDK); no stream was
            # opened, so this is a create whose prediction offers a stream URL.
            Call(
                "create",
                (Result(1), {"prompt": "write a sonnet about camelids"}),
                expect=_created(
                    "4awn473bsrztjzlx2b6ufoxkkm",
                    more={
                        "urls.stream": "https://streaming-api.svc.us.c.replicate.net"
                        "/v1/predictions/4awn473bsrztjzlx2b6ufoxkkm"
                    },
                ),
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
    "rpy-run": Scenario(
        (
            # run() as the recording client did it: create, a version lookup, then 11 polls.
            Call(
                "create",
                (f"{SDXL}:{SDXL_VERSION}", CORGI),
                expect=_created("azaq55dbukgxg6kubr4k6g3pby"),
            ),
            Call("models.versions.get", (SDXL, SDXL_VERSION), expect={"id": SDXL_VERSION}),
            Call(
                "wait",
                (Result(0),),
                uses=11,
                expect={
                    "status": "succeeded",
                    "output": [
                        "https://replicate.delivery/pbxt/"
                        "gDoc64M9pRaQNdZb0evCRgm57WZJ5BKi0T5kzV6qm2tGmd8IA/out-0.png"
                    ],
                },
            ),
        )
    ),
    "rpy-trainings-cancel": Scenario(
        (
            Call(
                "trainings.create",
                (
                    f"{SDXL}:{SDXL_VERSION}",
                    {"input_images": TRAINING_IMAGES, "use_face_detection_instead": True},
                ),
                {"destination": "replicate/dreambooth-sdxl"},
                expect={"id": "xxi2kydbnla3ocjp64sclkewku", "status": "starting", "output": None},
            ),
            Call(
                "trainings.cancel",
                (Result(0),),
                expect={
                    "status": "canceled",
                    "logs": None,
                    "output": None,
                    "metrics.total_time": None,
                },
            ),
        )
    ),
    "rpy-trainings-create-invalid-destination": Scenario(
        (
            # The recording sent destination "<invalid>"; the SDK refuses it before sending...
            Call(
                "trainings.create",
                (f"{SDXL}:{SDXL_VERSION}", {"input_images": TRAINING_IMAGES}),
                {"destination": "<invalid>"},
                uses=0,
                raises=ValueError,
            ),
            # ...so the API's 404 for a destination that does not exist is replayed to a
            # well-formed one.
            Call(
                "trainings.create",
                (f"{SDXL}:{SDXL_VERSION}", {"input_images": TRAINING_IMAGES}),
                {"destination": "replicate/no-such-model"},
                raises=NotFoundError,
                expect={
                    "status": 404,
                    "title": None,
                    "detail": "The specified training destination does not exist",
                    "prediction_may_exist": False,
                },
            ),
        ),
        {
            0: Difference(
                "the SDK refuses destination '<invalid>' before sending (ValueError); the "
                "replay sends a well-formed destination that does not exist",
                body={"destination": "replicate/no-such-model"},
            )
        },
    ),
    "rpy-trainings-create": Scenario(
        (
            Call(
                "trainings.create",
                (
                    f"{SDXL}:{SDXL_VERSION}",
                    {"input_images": TRAINING_IMAGES, "use_face_detection_instead": True},
                ),
                {"destination": "replicate/dreambooth-sdxl"},
                expect={
                    "id": "wj4is6lbdqqkdepnwpr6v2kuva",
                    "status": "starting",
                    "started_at": None,
                },
            ),
        )
    ),
    "rpy-trainings-get": Scenario(
        (
            Call(
                "trainings.get",
                ("medrnz3bm5dd6ultvad2tejrte",),
                expect={
                    "status": "processing",
                    "completed_at": None,
                    "logs": None,
                    "metrics.total_time": None,
                },
            ),
        )
    ),
    # -- two list pages built around live prediction objects ---------------------------------
    "synthetic-predictions-list": Scenario(
        (
            Call(
                "predictions.list",
                uses=2,
                expect={
                    "len": 6,
                    "0.id": "5f4g1h9e3nrj00ct9fjbxs9wz8",
                    "5.id": "w57accczhhrme0ct9fsvy71m5w",
                },
            ),
        )
    ),
}
