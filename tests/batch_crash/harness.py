"""Kill a batch again and again, resume it each time, then audit the server's ledger.

``crash_and_resume`` serves a fresh fake on a loopback port, writes the
inputs, and runs the driver in child processes: once per planned kill (each
child SIGKILLs itself at its kill point), then without kills until a child
exits 0. ``audit`` then counts, from the fake's own ledger and the output
directory, what went wrong: predictions beyond one per input (duplicates),
inputs without a succeeded prediction (lost), and outputs missing or not
byte for byte what the model made.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from replicate_typed.testing import FakeFile, FakeReplicate, Fault, RateLimits

from tests.batch_crash.kill_points import Kill, KillPoint

#: The model every crash test runs: instant, one file per input.
MODEL = "acme/filer"
#: Every child process is bounded by this many seconds.
CHILD_TIMEOUT = 120.0
#: How many runs without a kill may be needed to finish. Under faults each run leaves
#: some items unfinished (a create whose answer a fault took is looked for by a list,
#: which a fault can fail too), and the next finishes most of them: 500 items at fault
#: rate 0.1 (scripts/batch-soak) took 5 final runs once (40, 12, 7, 2, 0 left), and
#: more than 5 in 3 of 4 other tries.
MAX_RESUMES = 20
#: The limits the fake enforces and every child's client paces itself to: the documented
#: ones with a minute of 3 s, so a run throttled by a 429 recovers within the test.
LIMITS = RateLimits.documented(time_scale=0.05)
#: The faults of the faulty runs, drawn at random: 429s (held for a second), server errors
#: (some after the work), lost connections, cut bodies (a create's answer, or an output file).
FAULTS = [
    Fault.rate_limit("1"),
    Fault.server_error(503),
    Fault.server_error(503, commit=True),
    Fault.drop(),
    Fault.drop(commit=True),
    Fault.cut_body(),
]


def content(index: int) -> bytes:
    """What the model outputs for input ``index``: distinct, and long enough to be cut."""
    return f"output of item {index}\n".encode() * 200


def _make_file(input: dict[str, Any]) -> FakeFile:
    return FakeFile(content(int(input["item"])), f"item-{input['item']}.txt", "text/plain")


@dataclass
class Report:
    """What happened to one batch: its kills and resumes (runs from an existing journal), and
    the audit's findings."""

    count: int
    planned: int = 0
    kills: int = 0
    #: Runs that ended (exit 1, items left unfinished) before reaching their kill point.
    ended_early: int = 0
    resumes: int = 0
    predictions: int = 0
    duplicates: int = 0
    lost: int = 0
    bad_files: list[str] = field(default_factory=list[str])
    kill_points: list[str] = field(default_factory=list[str])
    #: The fake's responses by HTTP status ("429": how many), over every run.
    statuses: dict[str, int] = field(default_factory=dict[str, int])

    def summary(self) -> str:
        """The figures on one line."""
        return (
            f"{self.count} items: {self.kills} of {self.planned} planned kills "
            f"({', '.join(self.kill_points)}), {self.ended_early} runs ended before their kill, "
            f"{self.resumes} resumes, {self.predictions} predictions on the server, "
            f"{self.duplicates} duplicates, {self.lost} lost, "
            f"{len(self.bad_files)} missing or wrong output files; the fake answered "
            + ", ".join(f"{n} x {status}" for status, n in self.statuses.items())
        )


def plan(count: int, kills: int, seed: int) -> list[Kill]:
    """``kills`` kill points drawn with ``seed``; each is reached before the batch can finish.

    Every run makes at most ``count // (kills + 1)`` creates before it dies,
    so there are always that many left for the next one to reach.
    """
    chance = random.Random(seed)
    spacing = max(1, count // (kills + 1))
    return [Kill(chance.choice(list(KillPoint)), chance.randint(1, spacing)) for _ in range(kills)]


def crash_and_resume(
    workdir: Path, count: int, kills: list[Kill], *, faults: float = 0.0, seed: int = 0
) -> Report:
    """Run a ``count``-item batch killed at ``kills`` and resumed until done; audit it."""
    fake = FakeReplicate(rate_limits=LIMITS)
    fake.add_model(MODEL, _make_file)
    if faults:
        fake.inject_randomly(FAULTS, rate=faults, seed=seed)
    inputs = workdir / "inputs.jsonl"
    inputs.write_text("".join(json.dumps({"item": i}) + "\n" for i in range(count)))
    journal, output_dir = workdir / "run.db", workdir / "out"
    report = Report(count, planned=len(kills))
    with fake.serve() as served:
        runs, code = 0, None
        for kill in kills:
            # Under faults a run can end with items left unfinished (exit 1) before it
            # reaches its kill point; the next run resumes them, with the same kill. Such
            # a run may then finish the batch (exit 0) with creates the faults' lookups
            # spared, before any kill point is reached: the kills made are reported.
            for _ in range(MAX_RESUMES):
                runs += 1
                code = _child(served.url, inputs, journal, output_dir, kill)
                if code != 1:
                    break
                report.ended_early += 1
            if code == 0:
                break
            assert code == -signal.SIGKILL, f"the child was to die at {kill} but exited {code}"
            report.kills += 1
            report.kill_points.append(str(kill))
        for _ in range(0 if code == 0 else MAX_RESUMES):
            runs += 1
            if _child(served.url, inputs, journal, output_dir, None) == 0:
                break
        else:
            assert code == 0, "the batch did not finish"
        # Every run but the first starts from the journal the one before left.
        report.resumes = runs - 1
        fake.inject_randomly([], rate=0.0)  # the audit reads the ledger, not through faults
        counts = httpx.get(served.url.removesuffix("/v1") + "/_fake/requests", timeout=10).json()
        report.statuses = counts["by_status"]
        _audit(fake, count, output_dir, report)
    return report


def _child(url: str, inputs: Path, journal: Path, output_dir: Path, kill: Kill | None) -> int:
    command = [sys.executable, "-m", "tests.batch_crash.driver", url, MODEL]
    command += [str(inputs), str(journal), str(output_dir)]
    command += ["--rate-limit-time-scale", str(LIMITS.time_scale)]
    if kill is not None:
        command += ["--kill", str(kill)]
    done = subprocess.run(command, capture_output=True, timeout=CHILD_TIMEOUT, check=False)
    if done.returncode not in (0, 1, -signal.SIGKILL):  # the driver itself failed: say how
        sys.stderr.write(done.stderr.decode(errors="replace")[-3000:])
    return done.returncode


def _audit(fake: FakeReplicate, count: int, output_dir: Path, report: Report) -> None:
    predictions = fake.predictions()
    report.predictions = len(predictions)
    made = Counter(int(p["input"]["item"]) for p in predictions)
    report.duplicates = sum(n - 1 for n in made.values() if n > 1)
    succeeded = {int(p["input"]["item"]) for p in predictions if p["status"] == "succeeded"}
    report.lost = len(set(range(count)) - succeeded)
    files = [path for path in output_dir.rglob("*") if path.is_file()]
    expected = {content(i): i for i in range(count)}
    found = {path.read_bytes() for path in files if not path.name.startswith(".")}
    report.bad_files += [f"item {i}: no file" for c, i in expected.items() if c not in found]
    report.bad_files += [
        f"{path}: not any item's output"
        for path in files
        if not path.name.startswith(".") and path.read_bytes() not in expected
    ]
