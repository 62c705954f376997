"""OpenTelemetry spans for API calls and prediction lifecycles (the ``otel`` extra).

``Replicate(on_event=OpenTelemetryHook())``: see ``_hook`` for the spans and
their attributes. Needs ``opentelemetry-api``: ``pip install 'replicate-typed[otel]'``.
Importing ``replicate_typed`` alone never imports OpenTelemetry.
"""

from __future__ import annotations

try:
    from opentelemetry import trace as _trace
except ImportError as _missing:  # the extra is not installed
    raise ImportError(
        "replicate_typed.otel needs the OpenTelemetry API: pip install 'replicate-typed[otel]'"
    ) from _missing

from replicate_typed.otel._attributes import IO_ATTRIBUTE_LIMIT
from replicate_typed.otel._hook import OpenTelemetryHook

del _trace

__all__ = ["IO_ATTRIBUTE_LIMIT", "OpenTelemetryHook"]
