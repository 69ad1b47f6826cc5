"""Plans become objects here, and only here: each :class:`~constructs_lib._manifests.Manifest` is one
``cdk8s.ApiObject``, created in one step (its body set by one JSON patch), so synth costs a few jsii calls per
object."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import cdk8s
from constructs import Construct

from . import _collisions
from ._manifests import Manifest

__all__ = ["emit", "emit_all"]


def _sorted(value: Any) -> Any:
    # cdk8s sorts the keys of what it renders itself but applies patches afterwards: sort ours the same way, so every
    # object in dist/ reads alike.
    if isinstance(value, dict):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list | tuple):
        return [_sorted(item) for item in value]
    return value


def emit(scope: Construct, manifest: Manifest, *, namespace: str | None = None) -> cdk8s.ApiObject:
    """The object, as a child ``manifest.id`` of ``scope`` (the chart stamps its namespace, ``namespace`` if the
    caller knows it: the app-wide check then reads it here)."""
    api_object = cdk8s.ApiObject(
        scope, manifest.id, api_version=manifest.api_version, kind=manifest.kind,
        metadata=cdk8s.ApiObjectMetadata(name=manifest.name, labels=dict(manifest.labels) if manifest.labels else None),
    )
    patches = [cdk8s.JsonPatch.add(f"/{key}", _sorted(manifest.body[key])) for key in sorted(manifest.body)]
    patches += [cdk8s.JsonPatch.add(path, _sorted(value)) for path, value in manifest.patches]
    if manifest.cluster_scoped and cdk8s.Chart.of(scope).namespace:
        # The chart stamps its namespace on every object; a cluster-scoped one has none.
        patches.append(cdk8s.JsonPatch.remove("/metadata/namespace"))
    if patches:
        api_object.add_json_patch(*patches)
    _collisions.known(api_object, api_version=manifest.api_version, kind=manifest.kind, name=manifest.name,
                      namespace="" if manifest.cluster_scoped else namespace)
    return api_object


def emit_all(scope: Construct, manifests: Iterable[Manifest], *,
             namespace: str | None = None) -> dict[str, cdk8s.ApiObject]:
    """Every object in order, by construct id."""
    return {manifest.id: emit(scope, manifest, namespace=namespace) for manifest in manifests}
