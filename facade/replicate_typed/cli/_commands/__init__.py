"""The commands, a module each; each adds its subparser, with its handler, to the command line.

A handler (``_args.Handler``) gets the parsed arguments, checks what argparse
cannot, and returns the command's work, which ``main`` runs with a client. A
new command is a module here whose ``COMMANDS`` lists how it registers, and
its test in tests/cli/; this package finds the module, and --help lists the
modules' commands in module-name order.
"""

from __future__ import annotations

import importlib
import pkgutil

from replicate_typed.cli._args import Register


def _commands() -> tuple[Register, ...]:
    found: list[Register] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        registers: tuple[Register, ...] = module.COMMANDS
        found.extend(registers)
    return tuple(found)


#: How each command adds itself, in the order --help lists them.
COMMANDS: tuple[Register, ...] = _commands()
