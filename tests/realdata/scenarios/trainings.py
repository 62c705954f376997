"""Scenarios for ``trainings``: created (or refused), read and canceled."""

from __future__ import annotations

from replicate_typed import NotFoundError

from tests.realdata.calls import Call, Result, Scenario
from tests.realdata.replayer import Difference
from tests.realdata.scenarios.shared import SDXL, SDXL_VERSION

TRAINING_IMAGES = (
    "https://replicate.delivery/pbxt/JMV5OrEWpBAC5gO8rre0tPOyJIOkaXvG0TWfVJ9b4zhLeEUY/data.zip"
)

SCENARIOS: dict[str, Scenario] = {
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
}
