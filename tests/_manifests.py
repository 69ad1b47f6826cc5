"""Small lookups and checks over synthesized manifests (the list of dicts that cdk8s.Testing.synth returns)."""

from __future__ import annotations

import pathlib
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import cdk8s

Manifest = dict[str, Any]
Objects = dict[tuple[str, str], Manifest]

# (kind, name) of what RegistryUi adds for a registry named "registry", in output order.
REGISTRY_UI_OBJECTS = (
    ("Deployment", "registry-ui"),
    ("Service", "registry-ui"),
    ("Middleware", "registry-ui-security-headers"),
    ("Middleware", "registry-ui-slash-redirect"),
    ("Middleware", "registry-ui-strip-prefix"),
    ("IngressRoute", "registry-ui"),
    ("NetworkPolicy", "registry-ui"),
)


def find(manifests: list[Manifest], kind: str, name: str | None = None) -> Manifest:
    """The one object of `kind` (and `name`); fails when there is not exactly one."""
    found = [m for m in manifests if m["kind"] == kind and (name is None or m["metadata"]["name"] == name)]
    assert len(found) == 1, f"expected one {kind} {name or ''}, found {[m['metadata']['name'] for m in found]}"
    return found[0]


def of_kind(manifests: list[Manifest], kind: str) -> list[Manifest]:
    """Every object of `kind`, in output order (an empty list when there is none)."""
    return [m for m in manifests if m["kind"] == kind]


def by_kind_and_name(manifests: list[Manifest]) -> Objects:
    """The manifests by (kind, name); fails on a duplicate, which kubectl apply would silently merge."""
    objects: Objects = {}
    for manifest in manifests:
        key = (manifest["kind"], manifest["metadata"]["name"])
        assert key not in objects, f"two objects named {key}"
        objects[key] = manifest
    return objects


def container(deployment: Manifest, name: str) -> Manifest:
    """The container `name` of a Deployment."""
    containers: list[Manifest] = [c for c in deployment["spec"]["template"]["spec"]["containers"] if c["name"] == name]
    assert len(containers) == 1, f"no container {name!r}"
    return containers[0]


def pod_spec(manifests: list[Manifest]) -> Manifest:
    """The pod spec of the one Deployment; fails when there is not exactly one."""
    spec: Manifest = find(manifests, "Deployment")["spec"]["template"]["spec"]
    return spec


def registry_container(manifests: list[Manifest]) -> Manifest:
    """The `registry` container of the one Deployment."""
    return container(find(manifests, "Deployment"), "registry")


def env(container_spec: Manifest) -> dict[str, Any]:
    """A container's env as name -> literal value, or the `valueFrom` dict for references."""
    return {e["name"]: e.get("value", e.get("valueFrom")) for e in container_spec.get("env", [])}


def env_entries(container_spec: Manifest) -> dict[str, Manifest]:
    """A container's env as name -> the whole entry ({"name", "value"} or {"name", "valueFrom"}); the container must
    have an env list."""
    return {entry["name"]: entry for entry in container_spec["env"]}


def kinds(manifests: list[Manifest]) -> list[tuple[str, str]]:
    """(kind, name) of every object, in output order."""
    return [(m["kind"], m["metadata"]["name"]) for m in manifests]


def assert_middlewares_exist(objects: Objects) -> None:
    """Every Middleware an IngressRoute references is in the output, in the same API group and namespace, and the
    reference names no namespace of its own (so it resolves in the route's namespace)."""
    for (kind, _), manifest in objects.items():
        if kind != "IngressRoute":
            continue
        for route in manifest["spec"]["routes"]:
            for reference in route.get("middlewares", []):
                middleware = objects.get(("Middleware", reference["name"]))
                assert middleware is not None, f"{manifest['metadata']['name']} references {reference['name']}"
                assert middleware["apiVersion"] == manifest["apiVersion"]
                assert middleware["metadata"].get("namespace") == manifest["metadata"].get("namespace")
                assert "namespace" not in reference


def invalid(parameter: str, value: object) -> str:
    """The start of the message `_validation.fail` writes, escaped for pytest.raises(match=...)."""
    return re.escape(f"{parameter}={value!r} is invalid")


def assert_nothing_built(chart: cdk8s.Chart, tmp_path: pathlib.Path) -> None:
    """A construct that failed left no child in `chart`, and the app (the `app` fixture's, in tmp_path/dist) wrote
    nothing."""
    assert chart.node.children == []
    outdir = tmp_path / "dist"
    assert not outdir.exists() or not any(outdir.iterdir())
