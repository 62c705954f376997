"""Hypothesis profiles: deterministic by default (CI must not flake), "explore" to hunt."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("default", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
