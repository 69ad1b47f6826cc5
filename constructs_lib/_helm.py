"""The generated ``helm.cattle.io/v1`` CRD bindings (k3s's helm-controller: HelmChart, HelmChartConfig), reached
through this package only.

Generated into the top-level ``imports/`` folder by ``make imports`` and shipped inside this package as
``constructs_lib._helm_cattle_io`` (see ``pyproject.toml``), like the Traefik bindings (:mod:`constructs_lib._traefik`).
Imported when first used: loading the bindings costs a few hundred milliseconds of every synth, and only
:class:`~constructs_lib.k3s.K3sTraefik` needs them.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for type checkers; at run time __getattr__ imports it
    import constructs_lib._helm_cattle_io as helm_cattle_io

__all__ = ["helm_cattle_io"]

_MODULES = {"helm_cattle_io": "constructs_lib._helm_cattle_io"}


def __getattr__(name: str) -> ModuleType:
    if name in _MODULES:
        return importlib.import_module(_MODULES[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
