"""Sub-commands: each module exports NAME, HELP, add_arguments(parser) and run(args) -> exit status.

cli.py only builds the parser from this list and dispatches; the glue between the command line
and the pipeline lives here, one module per sub-command.
"""

from __future__ import annotations

from types import ModuleType

from attrcheck.commands import (
    check,
    compare,
    credit,
    explain,
    inspect,
    licences,
    report,
    rules,
)

COMMANDS: tuple[ModuleType, ...] = (
    check,
    credit,
    licences,
    inspect,
    compare,
    explain,
    rules,
    report,
)
