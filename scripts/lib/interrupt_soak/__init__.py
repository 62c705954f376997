"""Ctrl-C at random moments of a sync ``wait`` on a real socket: does every cancel get through?

``python -m interrupt_soak`` (``scripts/interrupt-soak``) runs ``child`` in a
subprocess and sends it SIGINT at a random moment of each ``wait``, as a
terminal would; see ``replicate_typed._safe_interrupts`` for what can go wrong.
"""
