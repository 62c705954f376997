"""Benchmark replicate-typed against raw httpx and the official clients, side by side.

    scripts/bench/run            # everything; prints a markdown table, saves JSON

The server (FakeReplicate) runs in its own process, and so does every client
for every scenario, so no one's costs are charged to another. B7 gets a fresh
server for each client, enforcing the documented rate limits (scaled); the others
share one, unlimited. The official
clients (replicate 1.0.7 and 2.0.0b4, both imported as ``replicate``) are
installed into their own virtual environments under scripts/bench/.venvs/.
Everything stays on 127.0.0.1, and every loop is bounded.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from report import notes, render, summarize

HERE = Path(__file__).resolve().parent
DRIVERS = HERE / "drivers"
RESULTS = HERE / "results"
VENVS = HERE / ".venvs"
OFFICIAL = {"replicate 1.0.7": "replicate==1.0.7", "replicate 2.0.0b4": "replicate==2.0.0b4"}


@dataclass(frozen=True)
class Contender:
    """A client under test: how to start Python for it, and its driver."""

    name: str
    python: str
    driver: str
    import_statement: str
    first_get: str


def contenders() -> list[Contender]:
    """raw httpx (the floor), replicate-typed, and the two official clients."""
    ours = sys.executable
    v1, v2 = (str(_venv(name, requirement)) for name, requirement in OFFICIAL.items())
    return [
        Contender(
            "raw httpx",
            ours,
            "raw.py",
            "import httpx",
            "import httpx; httpx.Client(base_url=U, headers={'Authorization': 'Bearer t'})"
            ".get('/predictions/' + P).json()",
        ),
        Contender(
            "replicate-typed",
            ours,
            "typed.py",
            "import replicate_typed",
            "from replicate_typed import Replicate; Replicate('t', base_url=U).predictions.get(P)",
        ),
        Contender(
            "replicate 1.0.7",
            v1,
            "v1.py",
            "import replicate",
            "import replicate; replicate.Client(api_token='t', base_url=U.removesuffix('/v1'))"
            ".predictions.get(P)",
        ),
        Contender(
            "replicate 2.0.0b4",
            v2,
            "v2.py",
            "import replicate",
            "import replicate; replicate.Replicate(bearer_token='t', base_url=U)"
            ".predictions.get(prediction_id=P)",
        ),
    ]


def _venv(name: str, requirement: str) -> Path:
    """A virtual environment holding one official client (made on first use)."""
    folder = VENVS / requirement.replace("==", "-")
    python = folder / "bin" / "python"
    installed = folder / ".installed"  # written last: a failed install is retried
    if not installed.exists():
        print(
            f"==> installing {requirement} into {folder.relative_to(HERE.parents[1])}", flush=True
        )
        subprocess.run([_base_python(), "-m", "venv", str(folder)], check=True)
        pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", requirement]
        done = subprocess.run(pip, capture_output=True, text=True, check=False)
        if done.returncode != 0:  # pip's own output only when it failed
            sys.exit(f"installing {requirement} failed:\n{done.stdout}{done.stderr}")
        installed.touch()
    return python


def _base_python() -> str:
    base = getattr(sys, "_base_executable", None)
    return str(base) if base else sys.executable


#: Scenario -> how many driver processes per contender (run in turns, so that
#: drifts in machine speed touch every contender alike).
REPEATS = {
    "B1": 3,
    "B2-quick": 1,
    "B2-outlive": 1,
    "B2-mid": 1,
    "B3": 5,
    "B5": 5,
    "B6-save": 2,
    "B6-read": 2,
    "B7": 1,
}
IMPORT_REPEATS = 9
#: Scenarios served by a rate-limited server (server.py --rate-limited), one per client.
RATE_LIMITED = {"B7"}
#: How long a driver may take before it is stopped and its scenario reported failed.
TIMEOUTS = {"B7": 600}
DEFAULT_TIMEOUT = 300


def main(argv: list[str] | None = None) -> int:
    """Run every scenario for every contender; print the table and save the raw results."""
    parser = argparse.ArgumentParser(
        prog="scripts/bench/run", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--only", nargs="*", metavar="SCENARIO", help="e.g. B1 B4 (default: all)")
    args = parser.parse_args(argv)
    chosen = {s: n for s, n in REPEATS.items() if not args.only or s.split("-")[0] in args.only}
    started = time.monotonic()
    everyone = contenders()
    server = _start_server()
    try:
        info = _ready(server)
        raw: dict[str, dict[str, list[dict[str, Any]]]] = {c.name: {} for c in everyone}
        for scenario, repeats in chosen.items():
            print(
                f"==> {scenario} ({repeats} round{'s' if repeats > 1 else ''})", end="", flush=True
            )
            began = time.monotonic()
            for _ in range(repeats):
                for contender in everyone:
                    if scenario in RATE_LIMITED:
                        result = _drive_on_a_fresh_limited_server(contender, scenario)
                    else:
                        result = _drive(contender, scenario, info)
                    raw[contender.name].setdefault(scenario, []).append(result)
            print(f": {time.monotonic() - began:.0f} s", flush=True)
        if not args.only or "B1" in args.only:
            print("==> B1 instructions (callgrind)", flush=True)
            for contender in everyone:
                raw[contender.name]["B1-instructions"] = [_instructions(contender, info)]
        if not args.only or "B4" in args.only:
            print("==> B4", flush=True)
            for contender in everyone:
                raw[contender.name]["B4"] = [_imports(contender, info)]
    finally:
        server.terminate()
        server.wait(timeout=30)
    summary = summarize(raw)
    table = render(summary) + notes(raw)
    print()
    print(table)
    elapsed = time.monotonic() - started
    print(f"\n(whole run: {elapsed:.0f} s on {os.cpu_count()} CPUs)")
    _save(raw, summary, table, elapsed, complete=not args.only)
    return 0


def _start_server(*flags: str) -> subprocess.Popen[str]:
    """A benchmark server (server.py) in its own process; it imports the drivers' constants."""
    return subprocess.Popen(
        [sys.executable, str(HERE / "server.py"), *flags],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(DRIVERS)},
    )


def _drive_on_a_fresh_limited_server(contender: Contender, scenario: str) -> dict[str, Any]:
    """Drive a rate-limited scenario on a server of its own (server.py --rate-limited).

    Fresh for each client: each starts with full buckets, and none meets the
    backlog (drained buckets, predictions still running) of the one before.
    """
    server = _start_server("--rate-limited")
    try:
        return _drive(contender, scenario, _ready(server))
    finally:
        server.terminate()
        server.wait(timeout=30)


def _ready(server: subprocess.Popen[str]) -> dict[str, str]:
    """The server's {"url", "finished"}, printed once it is ready."""
    assert server.stdout is not None
    info: dict[str, str] = json.loads(server.stdout.readline())
    return info


def _drive(contender: Contender, scenario: str, info: dict[str, str]) -> dict[str, Any]:
    timeout = TIMEOUTS.get(scenario, DEFAULT_TIMEOUT)
    try:
        done = subprocess.run(
            [
                contender.python,
                str(DRIVERS / contender.driver),
                scenario,
                "--url",
                info["url"],
                "--finished",
                info["finished"],
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "PYTHONPATH": str(DRIVERS)},
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout} s"}
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


INSTRUCTION_CALLS = 100


def _instructions(contender: Contender, info: dict[str, str]) -> dict[str, Any]:
    """User-space instructions per get, counted by callgrind: repeatable where CPU time is not.

    CPU time per call is noisy on a shared machine (and includes the kernel's
    socket work, the same for everyone); the difference of two runs, with and
    without the calls, counts exactly what the client library executes. The
    two runs go side by side: counts do not depend on what else is running.
    """
    if shutil.which("valgrind") is None:
        return {"error": "valgrind not installed"}
    runs = [
        subprocess.Popen(
            [
                "valgrind",
                "--tool=callgrind",
                "--callgrind-out-file=/dev/null",
                contender.python,
                str(DRIVERS / contender.driver),
                "B1-calls",
                "--url",
                info["url"],
                "--finished",
                info["finished"],
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(DRIVERS), "BENCH_CALLS": str(calls)},
        )
        for calls in (0, INSTRUCTION_CALLS)
    ]
    counts: list[int] = []
    for run in runs:
        _, stderr = run.communicate(timeout=300)
        found = re.search(r"Collected : (\d+)", stderr)
        if run.returncode != 0 or found is None:
            return {"error": stderr.strip().splitlines()[-1] if stderr else "failed"}
        counts.append(int(found.group(1)))
    return {"instructions_per_call": (counts[1] - counts[0]) / INSTRUCTION_CALLS}


def _imports(contender: Contender, info: dict[str, str]) -> dict[str, Any]:
    """Cold import, and import + client + first get, each in fresh processes (median ms)."""
    setup = f"U = {info['url']!r}; P = {info['finished']!r}; "

    def time_it(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([contender.python, "-c", code], check=True, capture_output=True)
        return (time.perf_counter() - started) * 1000

    nothing = [time_it("pass") for _ in range(IMPORT_REPEATS)]
    imports = [time_it(contender.import_statement) for _ in range(IMPORT_REPEATS)]
    first = [time_it(setup + contender.first_get) for _ in range(IMPORT_REPEATS)]
    baseline = statistics.median(nothing)
    return {
        "import_ms": statistics.median(imports) - baseline,
        "first_get_ms": statistics.median(first) - baseline,
    }


def _save(raw: Any, summary: Any, table: str, elapsed: float, *, complete: bool) -> None:
    """Keep every run's raw results; latest.json (quoted in the README) only from a full run."""
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    document = {
        "when": stamp,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "system": platform.platform(),
        },
        "seconds": elapsed,
        "summary": summary,
        "raw": raw,
        "table": table,
    }
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    (RESULTS / f"{stamp}.json").write_text(text, encoding="utf-8")
    if complete:
        (RESULTS / "latest.json").write_text(text, encoding="utf-8")
    print(f"saved {RESULTS.relative_to(HERE.parents[1])}/{stamp}.json")


if __name__ == "__main__":
    sys.exit(main())
