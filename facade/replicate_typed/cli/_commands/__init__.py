"""The commands, a module each; each adds its subparser, with its handler, to the command line.

A handler (``_args.Handler``) gets the parsed arguments, checks what argparse
cannot, and returns the command's work, which ``main`` runs with a client. A
new command is a module with a ``register`` function, listed in COMMANDS, and
its test in tests/cli/.
"""

from __future__ import annotations

from replicate_typed.cli._args import Register
from replicate_typed.cli._commands import jobs, models, run

#: How each command adds itself, in the order --help lists them.
COMMANDS: tuple[Register, ...] = (
    run.register,
    jobs.register_predictions,
    models.register,
    jobs.register_trainings,
)
