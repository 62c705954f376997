"""One ``on_event`` hook made of several, so a tracer and a user's own logger can both listen.

A client takes a single hook (``on_event=``); ``combine_hooks`` fans each event
out to several, in order. A hook that raises is logged on the
"replicate_typed" logger, as the client does for its own hook, and the hooks
after it still see the event: one broken listener does not silence the others.
"""

from __future__ import annotations

import logging

from replicate_typed._events import Event, EventHook

logger = logging.getLogger("replicate_typed")


def combine_hooks(*hooks: EventHook) -> EventHook:
    """A hook that passes each event to every one of ``hooks``, in order."""
    chosen = tuple(hooks)

    def each(event: Event) -> None:
        for hook in chosen:
            try:
                hook(event)
            except Exception:
                logger.warning("the on_event hook %r raised on %r", hook, event, exc_info=True)

    return each
