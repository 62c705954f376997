"""Render a check result as the short table scripts/corpus prints."""

from __future__ import annotations

from corpus.check import CheckResult, Kind

LABELS: dict[Kind, str] = {
    "model": "models",
    "latest_version": "latest versions",
    "default_example": "default examples",
}
GROUPS_SHOWN = 20


def summary(result: CheckResult, source: str) -> str:
    """The tallies, one row per kind, then every failure group (largest first)."""
    lines = [f"corpus: {source}"]
    for kind, tally in result.tallies.items():
        row = f"{LABELS[kind]:<17} {tally.parsed:>5}/{tally.present:<5} parsed"
        if kind != "model":  # a model is its own payload, never absent
            models = "model has" if tally.absent == 1 else "models have"
            row += f" ({tally.absent} {models} none)"
        lines.append(row)
    failed = sum(group.count for group in result.groups)
    lines.append(f"failure groups: {len(result.groups)} ({failed} failures)")
    for group in result.groups[:GROUPS_SHOWN]:
        lines.append(f"  {group.count:>5}  {LABELS[group.kind]}: {group.message}")
        lines.append(f"         e.g. {', '.join(group.examples)}")
    if len(result.groups) > GROUPS_SHOWN:
        lines.append(f"  ... and {len(result.groups) - GROUPS_SHOWN} smaller groups")
    return "\n".join(lines)
