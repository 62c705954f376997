"""The tour's steps: each prints one line with what it did and what came of it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from replicate_typed import (
    FileOutput,
    ModelError,
    PredictionCanceledError,
    Replicate,
    ReplicateError,
)


@dataclass(frozen=True)
class Models:
    """Which model each step runs."""

    hello: str
    upscaler: str
    queued: str
    slow: str
    storyteller: str


#: Which model each step runs: on the emulator (FakeReplicate's models, and
#: acme/busy-queue that __main__ adds), and on Replicate, side by side.
_MODELS: dict[str, tuple[str, str]] = {
    "hello": (
        "replicate/hello-world",
        "replicate/hello-world:5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa",
    ),
    "upscaler": ("acme/upscaler", "black-forest-labs/flux-schnell"),
    "queued": ("acme/busy-queue", "black-forest-labs/flux-dev"),
    "slow": ("acme/slow-model", "black-forest-labs/flux-dev"),
    "storyteller": ("acme/storyteller", "meta/meta-llama-3-8b-instruct"),
}
EMULATOR_MODELS = Models(**{step: emulator for step, (emulator, _) in _MODELS.items()})
REAL_MODELS = Models(**{step: real for step, (_, real) in _MODELS.items()})


class Tour:
    """Run each step against ``replicate``; with ``strict``, check the outcome too."""

    def __init__(
        self, replicate: Replicate, models: Models, output_dir: Path, *, strict: bool
    ) -> None:
        self.replicate = replicate
        self.models = models
        self.output_dir = output_dir
        self.strict = strict
        self.failures = 0

    def run(self) -> bool:
        """Every step in order; True if each behaved as expected (always, when not strict)."""
        steps: list[tuple[str, Callable[[], tuple[str, bool]]]] = [
            ("sync-mode run", self.sync_run),
            ("run that outlives a 1 s sync window", self.outlive_window),
            ("deadline of 5s on a queued prediction", self.deadline_aborts),
            ("cancel of an unfinished prediction", self.cancel),
            ("streamed language-model output", self.stream),
            ("file output saved to disk", self.save_file),
        ]
        for number, (title, step) in enumerate(steps, start=1):
            started = time.monotonic()
            try:
                outcome, expected = step()
            except ReplicateError as error:
                outcome, expected = f"error: {error}", False
            elapsed = time.monotonic() - started
            mark = "ok" if expected or not self.strict else "UNEXPECTED"
            self.failures += 0 if expected or not self.strict else 1
            print(f"[{number}] {title:<40} {mark:>10}  {elapsed:5.2f} s  {outcome}", flush=True)
        return self.failures == 0

    def sync_run(self) -> tuple[str, bool]:
        output = self.replicate.run(self.models.hello, {"text": "tour"})
        return f"{self.models.hello.split(':')[0]} -> {output!r}", output == "hello tour"

    def outlive_window(self) -> tuple[str, bool]:
        statuses: list[str] = []
        output = self.replicate.run(
            self.models.upscaler,
            {"prompt": "a lighthouse at dusk", "scale": 2},
            wait=1,
            on_update=lambda p: statuses.append(str(p.status)),
        )
        # A model's output is untyped JSON (or files): a list of anything.
        files = cast("list[object]", output) if isinstance(output, list) else [output]
        seen = " -> ".join(dict.fromkeys(statuses))
        return (
            f"{seen}; output {len(files)} file(s)",
            "processing" in statuses or "starting" in statuses,
        )

    def deadline_aborts(self) -> tuple[str, bool]:
        try:
            self.replicate.run(self.models.queued, {"prompt": "x"}, deadline="5s", wait=False)
        except PredictionCanceledError as stopped:
            how = (
                "aborted (never started, not billed)"
                if stopped.aborted
                else "canceled while running"
            )
            return how, stopped.aborted
        return "finished before its deadline", False

    def cancel(self) -> tuple[str, bool]:
        prediction = self.replicate.create(self.models.slow, {"prompt": "a slow one"})
        canceled = self.replicate.cancel(prediction)
        return (
            f"{prediction.id}: {prediction.status} -> {canceled.status}",
            canceled.status == "canceled",
        )

    def stream(self) -> tuple[str, bool]:
        chunks: list[str] = []
        stream = self.replicate.stream(self.models.storyteller, {"prompt": "Tell me a story"})
        for chunk in stream.iter_text():
            chunks.append(chunk)
        text = "".join(chunks)
        shown = text if len(text) <= 48 else text[:45] + "..."
        return f"{len(chunks)} chunks: {shown!r}", len(chunks) > 1

    def save_file(self) -> tuple[str, bool]:
        try:
            output = self.replicate.run(self.models.upscaler, {"prompt": "a fox", "scale": 4})
        except ModelError as failure:
            return f"failed: {failure.error}", False
        first: object = cast("list[object]", output)[0] if isinstance(output, list) else output
        if not isinstance(first, FileOutput):
            return f"not a file: {first!r}", False
        self.output_dir.mkdir(exist_ok=True)
        saved = first.save(self.output_dir, overwrite=True)  # each tour replaces its own file
        header = saved.read_bytes()[:8]
        kind = "PNG" if header.startswith(b"\x89PNG") else "file"
        return f"{saved} ({saved.stat().st_size} bytes, {kind})", saved.stat().st_size > 0
