"""The generated Traefik CRD bindings, reached through this package only.

The bindings are generated into the top-level ``imports/`` folder by ``make imports`` and ship inside this package as
``constructs_lib._traefik_io`` and ``constructs_lib._traefik_containo_us`` (see ``pyproject.toml``), so an
application's own ``imports/`` folder can neither shadow them nor be shadowed by them.

They hold only the kinds the constructs emit (``TRAEFIK_KINDS`` in the ``Makefile``): IngressRoute, Middleware and
TLSOption. Each group is imported when first used: loading one costs up to about 0.1 s of every synth (compiling the
generated module, where no bytecode is cached), and an app uses one group.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for type checkers; at run time __getattr__ imports them
    import constructs_lib._traefik_containo_us as traefik_containo_us
    import constructs_lib._traefik_io as traefik_io

__all__ = ["traefik_containo_us", "traefik_io"]

_MODULES = {"traefik_io": "constructs_lib._traefik_io", "traefik_containo_us": "constructs_lib._traefik_containo_us"}


def __getattr__(name: str) -> ModuleType:
    if name in _MODULES:
        return importlib.import_module(_MODULES[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
