"""Benchmark replicate-typed against raw httpx and the official clients, side by side.

    scripts/bench/run            # everything; prints a markdown table, saves JSON

The server (FakeReplicate) runs in its own process, and so does every client
for every scenario, so no one's costs are charged to another. The official
clients (replicate 1.0.7 and 2.0.0b4, both imported as ``replicate``) are
installed into their own virtual environments under scripts/bench/.venvs/.
Everything stays on 127.0.0.1, and every loop is bounded.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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
}
IMPORT_REPEATS = 9


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
    server = subprocess.Popen(
        [sys.executable, str(HERE / "server.py")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        info = json.loads(server.stdout.readline())
        raw: dict[str, dict[str, list[dict[str, Any]]]] = {c.name: {} for c in everyone}
        for scenario, repeats in chosen.items():
            print(
                f"==> {scenario} ({repeats} round{'s' if repeats > 1 else ''})", end="", flush=True
            )
            began = time.monotonic()
            for _ in range(repeats):
                for contender in everyone:
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
    table = render(summary)
    print()
    print(table)
    elapsed = time.monotonic() - started
    print(f"\n(whole run: {elapsed:.0f} s on {os.cpu_count()} CPUs)")
    _save(raw, summary, table, elapsed, complete=not args.only)
    return 0


def _drive(contender: Contender, scenario: str, info: dict[str, str]) -> dict[str, Any]:
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
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(DRIVERS)},
        check=False,
    )
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


def summarize(raw: dict[str, dict[str, list[dict[str, Any]]]]) -> dict[str, dict[str, float]]:
    """Median figures per contender, e.g. summary["replicate-typed"]["B1 cpu µs"]."""
    summary: dict[str, dict[str, float]] = {}
    for name, found in raw.items():
        scenarios = {key: found.get(key, [{}]) for key in [*REPEATS, "B1-instructions", "B4"]}
        figures: dict[str, float] = {}
        b1 = [run for proc in scenarios["B1"] for run in proc.get("runs", [])]
        figures["B1 cpu µs"] = _median([r["cpu_us"] for r in b1])
        figures["B1 wall µs"] = _median([r["wall_us"] for r in b1])
        figures["B1 instructions"] = scenarios["B1-instructions"][0].get(
            "instructions_per_call", float("nan")
        )
        for case in ("quick", "outlive", "mid"):
            procs = scenarios[f"B2-{case}"]
            figures[f"B2 {case} overhead ms"] = _median(
                [x for p in procs for x in p.get("overhead_ms", [])]
            )
            figures[f"B2 {case} requests"] = _median(
                [x for p in procs for x in p.get("requests", [])]
            )
            figures[f"B2 {case} correct"] = sum(p.get("correct", 0) for p in procs)
            figures[f"B2 {case} runs"] = sum(p.get("runs", 0) for p in procs)
        for key in ("wall_s", "cpu_s", "rss_growth_mb"):
            figures[f"B3 {key}"] = _median([p[key] for p in scenarios["B3"] if key in p])
        figures["B3 correct"] = _median([p["correct"] for p in scenarios["B3"] if "correct" in p])
        figures["B4 import ms"] = scenarios["B4"][0].get("import_ms", float("nan"))
        figures["B4 first get ms"] = scenarios["B4"][0].get("first_get_ms", float("nan"))
        b5 = [run for proc in scenarios["B5"] for run in proc.get("runs", [])]
        figures["B5 cpu µs"] = _median([r["cpu_us"] for r in b5])
        for case in ("save", "read"):
            procs = [p for p in scenarios[f"B6-{case}"] if "wall_s" in p]
            figures[f"B6 {case} wall s"] = _median([p["wall_s"] for p in procs])
            figures[f"B6 {case} rss growth MB"] = _median([p["rss_growth_mb"] for p in procs])
        summary[name] = figures
    for name, ratios in paired_ratios(raw).items():
        for key, ratio in ratios.items():
            summary[name][f"{key} ratio"] = ratio
    return summary


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _run_median(key: str) -> Callable[[dict[str, Any]], float]:
    return lambda proc: _median([run[key] for run in proc["runs"]])


def _field(key: str) -> Callable[[dict[str, Any]], float]:
    return lambda proc: float(proc[key])


#: Figures measured once per round. Each round runs every contender back to
#: back, so the machine's drifts (other tenants, clock speed) touch a round's
#: contenders alike: their ratios to raw httpx are taken round by round, then
#: the median.
PER_ROUND: dict[str, tuple[str, Callable[[dict[str, Any]], float]]] = {
    "B1 cpu µs": ("B1", _run_median("cpu_us")),
    "B1 wall µs": ("B1", _run_median("wall_us")),
    "B3 wall_s": ("B3", _field("wall_s")),
    "B3 cpu_s": ("B3", _field("cpu_s")),
    "B3 rss_growth_mb": ("B3", _field("rss_growth_mb")),
    "B5 cpu µs": ("B5", _run_median("cpu_us")),
    "B6 save wall s": ("B6-save", _field("wall_s")),
    "B6 read wall s": ("B6-read", _field("wall_s")),
}


def paired_ratios(raw: dict[str, dict[str, list[dict[str, Any]]]]) -> dict[str, dict[str, float]]:
    """Each contender's ratio to raw httpx per figure: the median of its per-round ratios."""
    floor = raw["raw httpx"]
    return {
        name: {
            key: _median(
                [
                    figure(ours) / figure(base)
                    for ours, base in zip(
                        found.get(scenario, []), floor.get(scenario, []), strict=False
                    )
                    if "error" not in ours and "error" not in base
                ]
            )
            for key, (scenario, figure) in PER_ROUND.items()
        }
        for name, found in raw.items()
    }


#: (row label, figure, kind of target for replicate-typed: ratio to raw, or absolute limit)
ROWS: list[tuple[str, str, str, float | None]] = [
    # CPU time swings by about 10% between runs on a shared machine; the
    # B1 target is judged on callgrind's instruction count, which does not.
    ("B1 get: client CPU per call (µs)", "B1 cpu µs", "ratio", None),
    ("B1 get: client instructions per call (callgrind)", "B1 instructions", "ratio", 1.10),
    ("B1 get: wall per call (µs)", "B1 wall µs", "ratio", None),
    ("B2 300 ms model in the sync window: overhead (ms)", "B2 quick overhead ms", "abs", None),
    ("B2 300 ms model: requests per run", "B2 quick requests", "abs", None),
    ("B2 outlives a 1 s window: overhead (ms)", "B2 outlive overhead ms", "abs", 60.0),
    ("B2 outlives a 1 s window: requests per run", "B2 outlive requests", "abs", 12.0),
    ("B2 window closes mid-processing: correct outputs", "B2 mid correct", "correct", None),
    ("B3 200 concurrent async runs: wall (s)", "B3 wall_s", "ratio", 1.05),
    ("B3 200 concurrent async runs: client CPU (s)", "B3 cpu_s", "ratio", 1.05),
    ("B3 200 concurrent async runs: RSS growth (MB)", "B3 rss_growth_mb", "ratio", 1.2),
    ("B4 cold import (ms)", "B4 import ms", "ratio", 1.3),
    ("B4 import + client + first get (ms)", "B4 first get ms", "ratio", None),
    ("B5 list a page of 100: client CPU per page (µs)", "B5 cpu µs", "ratio", 1.5),
    ("B6 save() a 50 MB output: wall (s)", "B6 save wall s", "ratio", 1.2),
    ("B6 save() a 50 MB output: RSS growth (MB)", "B6 save rss growth MB", "abs", 5.0),
    ("B6 read() a 50 MB output: wall (s)", "B6 read wall s", "ratio", None),
    ("B6 read() a 50 MB output: RSS growth (MB)", "B6 read rss growth MB", "abs", None),
]


def render(summary: dict[str, dict[str, float]]) -> str:
    """One markdown table: a value per contender, its ratio to raw httpx, the target."""
    names = list(summary)
    header = "| scenario | " + " | ".join(names) + " | target (replicate-typed) |"
    lines = [header, "|" + " --- |" * (len(names) + 2)]
    floor = summary["raw httpx"]
    for label, key, kind, limit in ROWS:
        if _unmeasured(summary, key, kind):
            continue  # not measured in this run (--only)
        cells: list[str] = []
        for name in names:
            value = summary[name].get(key, float("nan"))
            text = _number(value)
            if kind == "ratio" and name != "raw httpx" and not math.isnan(floor.get(key, math.nan)):
                text += f" ({_ratio(summary, name, key):.2f}x)"
            if kind == "correct":
                text = f"{int(value)}/{int(summary[name].get('B2 mid runs', 0))}"
            cells.append(text)
        lines.append(
            f"| {label} | " + " | ".join(cells) + f" | {_target(summary, key, kind, limit)} |"
        )
    return "\n".join(lines)


def _unmeasured(summary: dict[str, dict[str, float]], key: str, kind: str) -> bool:
    if kind == "correct":
        return not any(figures.get("B2 mid runs") for figures in summary.values())
    return all(math.isnan(figures.get(key, math.nan)) for figures in summary.values())


def _target(summary: dict[str, dict[str, float]], key: str, kind: str, limit: float | None) -> str:
    ours = summary["replicate-typed"].get(key, float("nan"))
    if kind == "correct":
        runs = summary["replicate-typed"].get("B2 mid runs", 0)
        return "all correct: " + ("met" if ours == runs and runs else "MISSED")
    if limit is None:
        return ""
    if kind == "ratio":
        ratio = _ratio(summary, "replicate-typed", key)
        verdict = "met" if ratio <= limit else f"MISSED ({ratio:.2f}x)"
        if key.startswith("B1"):  # B1 also asks to beat both official clients
            others = [
                _ratio(summary, name, key) for name in summary if name.startswith("replicate ")
            ]
            verdict += ", below both official clients: " + (
                "met" if all(ratio < other for other in others) else "MISSED"
            )
        return f"≤ {limit:g}x: {verdict}"
    return f"≤ {limit:g}: " + ("met" if ours <= limit else f"MISSED ({ours:.1f})")


def _ratio(summary: dict[str, dict[str, float]], name: str, key: str) -> float:
    """Paired by round where the figure has rounds, else the ratio of the two figures."""
    paired = summary[name].get(f"{key} ratio", math.nan)
    if not math.isnan(paired):
        return paired
    return summary[name].get(key, math.nan) / summary["raw httpx"][key]


def _number(value: float) -> str:
    if math.isnan(value):
        return "n/a"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


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
