"""Scenarios for predictions one request at a time: ``create``, ``cancel``, ``predictions``.

Creates by model and by version, in sync mode or not, with the model and
version look-ups the recording clients made first; a cancel; then
``predictions.get`` and ``predictions.list``. Following a prediction to its
end (``run``, ``wait``, ``stream``) is in ``runs``.
"""

from __future__ import annotations

from tests.realdata.calls import Call, Result, Scenario
from tests.realdata.scenarios.shared import CORGI, LLAMA_2, SDXL, SDXL_VERSION, created

SDXL_NEWER_VERSION = "7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc"
LLAMA_3 = "meta/meta-llama-3-8b-instruct"
HAIKU = {"prompt": "Please write a haiku about llamas"}
LLAMA_2_HAIKU = {"prompt": "Please write a haiku about llamas."}
#: replicate-python's models.predictions.create recordings, by its test's ``blocking`` and
#: ``wait`` parameters: one Llama 3 request each, which returned still processing, as
#: (prediction id, output chunks so far).
BLOCKING: dict[tuple[bool, bool | int], tuple[str, int]] = {
    (False, 10): ("pw050dtb51rj40cjb2vrcw97b8", 17),
    (False, True): ("7vr9my1z3nrj40cjb2vv9pshw0", 14),
    (True, 10): ("kr2d2jhqbsrj60cjb2vtmekgh4", 17),
    (True, True): ("jp9nrd1g2hrj20cjb2vrb55mkr", 12),
}


def _by_version_twice(wait: bool | int, first_id: str, second_id: str) -> Scenario:
    """replicate-python's sync-mode creates by SDXL version, the second after a newer release.

    Each create looked the model and its latest version up first; SDXL had a
    newer version by the second, and the first had output already.
    """
    return Scenario(
        (
            Call("models.get", (SDXL,)),
            Call("models.versions.get", (SDXL, SDXL_VERSION)),
            Call(
                "create",
                (Result(1), CORGI),
                {"wait": wait},
                expect={"id": first_id, "status": "processing", "output.len": 1},
            ),
            Call("models.get", (SDXL,), expect={"latest_version.id": SDXL_NEWER_VERSION}),
            Call("models.versions.get", (SDXL, SDXL_NEWER_VERSION)),
            Call(
                "create",
                (Result(4), CORGI),
                {"wait": wait},
                expect={"id": second_id, "urls.web": None},
            ),
        )
    )


SCENARIOS: dict[str, Scenario] = {
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
                expect=created(
                    "to5tvnrbh43inejuzpcz27oqse", more={"model": "kvfrans/clipdraw", "output": None}
                ),
            ),
        )
    ),
    **{
        f"rpy-models-predictions-create-blocking-{blocking}-{wait}": Scenario(
            (
                Call(
                    "create",
                    (LLAMA_3, HAIKU),
                    {"wait": wait},
                    expect=created(
                        prediction_id, "processing", {"data_removed": False, "output.len": chunks}
                    ),
                ),
            )
        )
        for (blocking, wait), (prediction_id, chunks) in BLOCKING.items()
    },
    "rpy-models-predictions-create": Scenario(
        (
            Call(
                "create",
                (LLAMA_2, LLAMA_2_HAIKU),
                expect=created(
                    "heat2o3bzn3ahtr6bjfftvbaci",
                    more={"model": "replicate/lifeboat-70b", "output": None},
                ),
            ),
        )
    ),
    "rpy-predictions-cancel": Scenario(
        (
            Call("create", (LLAMA_2, LLAMA_2_HAIKU), expect=created("heat2o3bzn3ahtr6bjfftvbaci")),
            Call("models.get", (SDXL,), expect={"latest_version.id": SDXL_VERSION}),
            Call("models.versions.get", (SDXL, SDXL_VERSION), expect={"id": SDXL_VERSION}),
            Call("create", (Result(2), CORGI), expect=created("vrsafsk7mnrgj0cf0p2ax766s4")),
            Call(
                "cancel",
                (Result(3),),
                expect={"status": "canceled", "logs": None, "output": None, "data_removed": None},
            ),
        )
    ),
    "rpy-predictions-create-blocking-wait": _by_version_twice(
        True, "avyjww80xnrgj0cjb2z8taq7nw", "y4pvp6q7ehrgj0cjb2zrwx9zq8"
    ),
    "rpy-predictions-create-blocking-wait10": _by_version_twice(
        10, "0fqzzq8p2srgm0cjb2zaj681jr", "37mkg0qrxnrgj0cjb2zsyaxzjm"
    ),
    "rpy-predictions-create-by-model": Scenario(
        (
            Call(
                "create",
                (LLAMA_3, {"prompt": "write a haiku about llamas"}),
                expect=created("vpx8dks2pnrgg0cf0p2b7p13hc"),
            ),
            Call(
                "create",
                (LLAMA_3, {"prompt": "write a haiku about llamas"}),
                expect=created("vcp9g11jexrgp0cf0p2bweyqyg"),
            ),
        )
    ),
    "rpy-predictions-create": Scenario(
        (
            # The model's latest version is what the recording created: run the Model itself.
            Call("models.get", (SDXL,), expect={"latest_version.id": SDXL_VERSION}),
            Call("create", (Result(0), CORGI), expect=created("vgcm4plb7tgzlyznry5d5jkgvu")),
            Call("models.versions.get", (SDXL, SDXL_VERSION)),
            Call("create", (Result(2), CORGI), expect=created("vme6tftbgoggoxnjiwkzr6zrpa")),
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
                expect=created(
                    "4awn473bsrztjzlx2b6ufoxkkm",
                    more={
                        "urls.stream": "https://streaming-api.svc.us.c.replicate.net"
                        "/v1/predictions/4awn473bsrztjzlx2b6ufoxkkm"
                    },
                ),
            ),
        )
    ),
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
