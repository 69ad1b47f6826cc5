"""The generated Gateway API bindings (``gateway.networking.k8s.io``: Gateway, HTTPRoute, ReferenceGrant, v1.5.1),
reached through this package only.

Generated into the top-level ``imports/`` folder by ``make imports`` and shipped inside this package as
``constructs_lib._gateway_networking_k8s_io`` (see ``pyproject.toml``), like the Traefik bindings
(:mod:`constructs_lib._traefik`), so an application's own ``imports/`` can neither shadow them nor be shadowed by
them. Imported when first used: only :class:`~constructs_lib.gateway.GatewayIngress` needs them.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for type checkers; at run time __getattr__ imports it
    import constructs_lib._gateway_networking_k8s_io as gateway_networking_k8s_io

__all__ = ["gateway_networking_k8s_io"]

_MODULES = {"gateway_networking_k8s_io": "constructs_lib._gateway_networking_k8s_io"}


def __getattr__(name: str) -> ModuleType:
    if name in _MODULES:
        return importlib.import_module(_MODULES[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
