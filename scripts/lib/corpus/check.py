"""Parse each model, its latest version and its default example with the generated models.

Only the three ``from_dict`` class methods are called, and any exception
counts as a failure: that is exactly what the SDK does with a response body
(``Model.from_dict`` reads the nested version and example too; they are
tallied apart so a failure says which part broke). Failures are grouped by
exception message, because one missing field tends to break thousands of
payloads the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, cast

from replicate_api.models.model import Model
from replicate_api.models.prediction import Prediction
from replicate_api.models.version import Version

from corpus.load import JSONObject, model_name

Kind = Literal["model", "latest_version", "default_example"]
KINDS: tuple[Kind, ...] = ("model", "latest_version", "default_example")
EXAMPLES_PER_GROUP = 3
MESSAGE_LIMIT = 200

PARSERS: Mapping[Kind, Callable[[Mapping[str, object]], object]] = {
    "model": Model.from_dict,
    "latest_version": Version.from_dict,
    "default_example": Prediction.from_dict,
}


@dataclass
class FailureGroup:
    """Every failure of one kind with one exception message."""

    kind: Kind
    message: str
    count: int = 0
    examples: list[str] = field(default_factory=list[str])


@dataclass
class Tally:
    """How one kind of object fared across the corpus."""

    kind: Kind
    parsed: int = 0
    failed: int = 0
    absent: int = 0

    @property
    def present(self) -> int:
        """Objects of this kind that were there to parse."""
        return self.parsed + self.failed


@dataclass(frozen=True)
class Outcome:
    """What the parses made of one model: a failure message per kind that failed."""

    name: str
    errors: Mapping[Kind, str]
    absent: frozenset[Kind]


@dataclass
class CheckResult:
    """The tallies, the failure groups (largest first) and each model's outcome."""

    tallies: dict[Kind, Tally]
    groups: list[FailureGroup]
    outcomes: list[Outcome]

    @property
    def ok(self) -> bool:
        """True when nothing failed to parse."""
        return not self.groups


def check(models: Iterable[JSONObject]) -> CheckResult:
    """Parse every model and its two nested objects; never raises for a bad payload."""
    tallies: dict[Kind, Tally] = {kind: Tally(kind) for kind in KINDS}
    groups: dict[tuple[Kind, str], FailureGroup] = {}
    outcomes: list[Outcome] = []
    for model in models:
        name = model_name(model)
        errors: dict[Kind, str] = {}
        absent: set[Kind] = set()
        for kind in KINDS:
            payload = model if kind == "model" else model.get(kind)
            tally = tallies[kind]
            if payload is None:
                # A model without versions has latest_version null; one without
                # a chosen example has default_example null. Neither is a failure.
                tally.absent += 1
                absent.add(kind)
                continue
            message = _parse(kind, payload)
            if message is None:
                tally.parsed += 1
                continue
            tally.failed += 1
            errors[kind] = message
            group = groups.setdefault((kind, message), FailureGroup(kind, message))
            group.count += 1
            if len(group.examples) < EXAMPLES_PER_GROUP:
                group.examples.append(name)
        outcomes.append(Outcome(name, errors, frozenset(absent)))
    ranked = sorted(groups.values(), key=lambda g: (-g.count, KINDS.index(g.kind), g.message))
    return CheckResult(tallies, ranked, outcomes)


def _parse(kind: Kind, payload: object) -> str | None:
    """Return None if ``payload`` parses as ``kind``, else the failure message."""
    if not isinstance(payload, dict):
        return f"not a JSON object: {type(payload).__name__}"
    try:
        PARSERS[kind](cast(JSONObject, payload))
    except Exception as error:  # any exception is a finding, not a crash of the check
        message = f"{type(error).__name__}: {error}"
        return message if len(message) <= MESSAGE_LIMIT else message[: MESSAGE_LIMIT - 3] + "..."
    return None
