"""The example models every FakeReplicate starts with, so the CLI and demo have work to do."""

from __future__ import annotations

import struct
import zlib
from typing import Any

from replicate_typed.testing._behavior import Behavior, FakeFile, FakeModelError
from replicate_typed.testing._records import ModelEntry

STORY = (
    "Once upon a time, a small fox found a lantern in the snow. "
    "It glowed whenever someone nearby told the truth, so the fox kept it."
)

#: slug -> (name, description, member models)
EXAMPLE_COLLECTIONS: dict[str, tuple[str, str, list[str]]] = {
    "text-generation": (
        "Text generation",
        "Language models that stream text.",
        ["acme/storyteller"],
    ),
    "image-restoration": (
        "Image restoration",
        "Make images bigger and sharper.",
        ["acme/upscaler"],
    ),
}


def example_models() -> list[ModelEntry]:
    """Fresh entries for the example models."""
    return [
        ModelEntry(
            "replicate",
            "hello-world",
            Behavior(_hello, queue_time=0.1, run_time=0.2),
            description="Says hello: the smallest model there is.",
        ),
        ModelEntry(
            "acme",
            "upscaler",
            Behavior(_upscale, queue_time=0.5, run_time=1.5, steps=10),
            description="Upscales an image; outputs a PNG file.",
        ),
        ModelEntry(
            "acme",
            "storyteller",
            Behavior(_tell, queue_time=0.2, run_time=1.5, stream=True),
            description="A streaming language model that tells a short story.",
        ),
        ModelEntry(
            "acme",
            "slow-model",
            Behavior(lambda _: "finally done", queue_time=3.0, run_time=6.0, steps=20),
            description="Takes its time: queues 3 s, runs 6 s.",
        ),
        ModelEntry(
            "acme",
            "failing-model",
            Behavior(_fail, queue_time=0.1, run_time=0.3),
            description="Always fails, for testing error handling.",
        ),
    ]


def _hello(input: dict[str, Any]) -> str:
    return f"hello {input.get('text', 'world')}"


def _tell(input: dict[str, Any]) -> list[str]:
    words = STORY.split(" ")
    return [word if i == 0 else f" {word}" for i, word in enumerate(words)]


def _fail(input: dict[str, Any]) -> None:
    raise FakeModelError("CUDA out of memory (the fake failing model always fails)")


def _upscale(input: dict[str, Any]) -> list[FakeFile]:
    scale = input.get("scale", 2)
    size = 16 * int(scale) if isinstance(scale, int) and 1 <= scale <= 8 else 32
    return [FakeFile(png(size, size), "upscaled.png", "image/png")]


def png(width: int, height: int) -> bytes:
    """A valid PNG: a diagonal gradient, made without any imaging library."""
    rows = b"".join(
        b"\x00"
        + b"".join(bytes(((x + y) * 4 % 256, x * 8 % 256, y * 8 % 256)) for x in range(width))
        for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
