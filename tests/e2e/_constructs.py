"""What the e2e test modules share to build their input: the user and password they push with, the probes' expected
answers, and the manifests synthesized from the constructs, plus Secrets as a user would create them beside those."""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from typing import Any

import cdk8s

USER, PASSWORD = "alice", "correct horse battery staple"
CREDS = (USER, PASSWORD)
# What RegistryPod.check_probes() returns when every probe of the registry container answers.
PROBES_OK = {"readinessProbe": 200, "livenessProbe": 200, "startupProbe": 200}
Manifest = dict[str, Any]


def synth(build: Callable[[cdk8s.Chart], object]) -> list[Manifest]:
    """The manifests of what `build` adds to a fresh chart in the namespace "registry" (of an app of its own)."""
    app = cdk8s.Testing.app()
    chart = cdk8s.Chart(app, "test", namespace="registry")
    build(chart)
    return cdk8s.Testing.synth(chart)


def user_secret(name: str, data: Mapping[str, str]) -> Manifest:
    """A Secret as `kubectl create secret generic NAME --from-literal=...` makes it (base64 data)."""
    return {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
            "metadata": {"name": name, "namespace": "registry"},
            "data": {key: base64.b64encode(value.encode()).decode() for key, value in data.items()}}
