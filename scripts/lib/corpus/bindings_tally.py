"""Count how the corpus's models fared in each bindings step, and print it.

A model passes when every step that applies to it passed: generation,
import, mypy, pyright, its example's input (when it has an example) and its
example's output (when that example succeeded). A step that could not run
because an earlier one failed is "not reached" rather than failed, so each
failure is counted once, where it happened. Failures are grouped by the kind
of reason (field names, values and lines taken out), then every one is
listed with its full reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

Step = Literal["generate", "import", "mypy", "pyright", "example input", "example output"]
STEPS: tuple[Step, ...] = (
    "generate",
    "import",
    "mypy",
    "pyright",
    "example input",
    "example output",
)
PASS_MARK = 99.0
#: How ``bindings_check`` marks an example's failure: made with the latest version or not.
LATEST = "[example made with the latest version]"
OLDER = "[example made with an older version]"
REASON_LIMIT = 400
EXAMPLES_PER_GROUP = 3


@dataclass(frozen=True)
class ModelResult:
    """One model's failures by step, the steps that do not apply, and those never reached.

    ``not_reached``: steps that could not run because an earlier one failed
    (nothing to import after a refusal, no class to build after an import error).
    """

    name: str
    failures: Mapping[Step, str]
    not_applicable: frozenset[Step] = frozenset()
    not_reached: frozenset[Step] = frozenset()
    #: Whether its default example was made with the version the bindings are for.
    example_from_latest: bool = True

    @property
    def passed(self) -> bool:
        """True when no step that applied failed."""
        return not self.failures

    @property
    def drift_only(self) -> bool:
        """True when it failed only in examples made with an older version than the latest."""
        return bool(self.failures) and all(
            step in _EXAMPLE_STEPS and reason.endswith(OLDER)
            for step, reason in self.failures.items()
        )


@dataclass
class StepTally:
    """One step across the corpus."""

    passed: int = 0
    failed: int = 0
    not_applicable: int = 0
    not_reached: int = 0


@dataclass
class Group:
    """Failures of one step with one kind of reason."""

    step: Step
    kind: str
    count: int = 0
    examples: list[str] = field(default_factory=list[str])


@dataclass(frozen=True)
class Tally:
    """The per-step tallies, the failure groups (largest first) and the pass rate."""

    total: int
    passed: int
    drift_only: int
    #: Models whose example was made with the latest version, and how many of those passed.
    latest_total: int
    latest_passed: int
    steps: Mapping[Step, StepTally]
    groups: Sequence[Group]

    @property
    def percent(self) -> float:
        """Models passing every step that applies, as a percentage of all models."""
        return 100.0 * self.passed / self.total if self.total else 0.0

    @property
    def ok(self) -> bool:
        """Whether the pass rate reaches PASS_MARK."""
        return self.total > 0 and self.percent >= PASS_MARK


def tally(results: Sequence[ModelResult]) -> Tally:
    """Count ``results`` step by step and group their failures."""
    steps: dict[Step, StepTally] = {step: StepTally() for step in STEPS}
    groups: dict[tuple[Step, str], Group] = {}
    for result in results:
        for step in STEPS:
            counts = steps[step]
            if step in result.not_applicable:
                counts.not_applicable += 1
            elif step in result.not_reached:
                counts.not_reached += 1
            elif step in result.failures:
                counts.failed += 1
                kind = reason_kind(step, result.failures[step])
                group = groups.setdefault((step, kind), Group(step, kind))
                group.count += 1
                if len(group.examples) < EXAMPLES_PER_GROUP:
                    group.examples.append(result.name)
            else:
                counts.passed += 1
    ranked = sorted(groups.values(), key=lambda g: (-g.count, STEPS.index(g.step), g.kind))
    passed = sum(1 for result in results if result.passed)
    drift = sum(1 for result in results if result.drift_only)
    latest = [result for result in results if result.example_from_latest]
    latest_passed = sum(1 for result in latest if result.passed)
    return Tally(len(results), passed, drift, len(latest), latest_passed, steps, ranked)


_MADE_WITH = re.compile(r"\[example made with [\w ]+ version\]$")
_EXAMPLE_STEPS: frozenset[Step] = frozenset({"example input", "example output"})
_MISSING_ARGUMENT = re.compile(r"^TypeError: .*missing \d+ required keyword-only argument")
_GOT = re.compile(r" \(got .*\)$")
_KEYWORD = re.compile(r"\((\w+)\)$")
_LINE = re.compile(r"^line \d+: ")
_PATH = re.compile(r"^output[^:]*: ")


def reason_kind(step: Step, reason: str) -> str:
    """The reason with its particulars (fields, values, lines) taken out, for grouping."""
    made = _MADE_WITH.search(reason)
    if made is not None:
        return f"{reason_kind(step, reason[: made.start()].rstrip())} {made[0]}"
    if step == "example input":
        if reason.startswith("not a field of the input class"):
            return "a field the input class does not have"
        if _MISSING_ARGUMENT.search(reason):
            return "a required field is missing (the input class cannot be built)"
        keywords = sorted({_keyword(problem) for problem in reason.split("; ")})
        return "refused by the schema: " + ", ".join(keywords)
    if step == "example output":
        text = _PATH.sub("", reason)
        text = re.sub(r", got (\S+) .*$", r", got \1", text)
        return re.sub(r"'[^']*'", "'...'", text)
    first = reason.split("\n", 1)[0]
    return _LINE.sub("", first)[:REASON_LIMIT]


def _keyword(problem: str) -> str:
    found = _KEYWORD.search(_GOT.sub("", problem))
    return found[1] if found else problem[:80]


def summary(
    result: Tally, results: Sequence[ModelResult], source: str, times: Mapping[str, float]
) -> str:
    """Counts per step, the pass rate, the failure groups, every failure, and the times."""
    lines = [f"corpus: {source}", f"models: {result.total}"]
    for step in STEPS:
        counts = result.steps[step]
        tried = counts.passed + counts.failed
        row = f"  {step:<15} {counts.passed:>5}/{tried:<5} passed"
        extra = [f"{counts.not_applicable} not applicable"] if counts.not_applicable else []
        if counts.not_reached:
            extra.append(f"{counts.not_reached} not reached")
        lines.append(row + (f" ({', '.join(extra)})" if extra else ""))
    lines.append(
        f"passed every step that applies: {result.passed}/{result.total}"
        f" ({result.percent:.2f}%; needed {PASS_MARK:g}%)"
    )
    if result.latest_total:
        share = 100.0 * result.latest_passed / result.latest_total
        lines.append(
            f"failing only in examples made with an older version: {result.drift_only};"
            f" of the models whose example was made with the latest version:"
            f" {result.latest_passed}/{result.latest_total} ({share:.2f}%)"
        )
    lines.append(f"failure groups: {len(result.groups)}")
    for group in result.groups:
        lines.append(f"  {group.count:>5}  {group.step}: {group.kind}")
        lines.append(f"         e.g. {', '.join(group.examples)}")
    lines.append("failures:")
    for model in results:
        for step in STEPS:
            if step in model.failures:
                lines.append(f"  {model.name}  [{step}]  {_cut(model.failures[step])}")
    lines.append("wall time: " + ", ".join(f"{phase} {sec:.1f}s" for phase, sec in times.items()))
    return "\n".join(lines)


def _cut(reason: str) -> str:
    flat = " ".join(reason.split())
    return flat if len(flat) <= REASON_LIMIT else flat[: REASON_LIMIT - 3] + "..."
