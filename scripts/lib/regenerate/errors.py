"""The error every part of scripts/regenerate raises when generation cannot go on."""

from __future__ import annotations


class GenerationError(Exception):
    """The generator failed, warned about something unexpected, or no longer fits this project."""
