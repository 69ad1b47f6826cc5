"""Small lookups over synthesized manifests (the list of dicts that cdk8s.Testing.synth returns)."""

from __future__ import annotations

from typing import Any

Manifest = dict[str, Any]


def find(manifests: list[Manifest], kind: str, name: str | None = None) -> Manifest:
    """The one object of `kind` (and `name`); fails when there is not exactly one."""
    found = [m for m in manifests if m["kind"] == kind and (name is None or m["metadata"]["name"] == name)]
    assert len(found) == 1, f"expected one {kind} {name or ''}, found {[m['metadata']['name'] for m in found]}"
    return found[0]


def container(deployment: Manifest, name: str) -> Manifest:
    """The container `name` of a Deployment."""
    containers: list[Manifest] = [c for c in deployment["spec"]["template"]["spec"]["containers"] if c["name"] == name]
    assert len(containers) == 1, f"no container {name!r}"
    return containers[0]


def env(container_spec: Manifest) -> dict[str, Any]:
    """A container's env as name -> literal value, or the `valueFrom` dict for references."""
    return {e["name"]: e.get("value", e.get("valueFrom")) for e in container_spec.get("env", [])}


def kinds(manifests: list[Manifest]) -> list[tuple[str, str]]:
    """(kind, name) of every object, in output order."""
    return [(m["kind"], m["metadata"]["name"]) for m in manifests]
