"""Kubernetes objects as plain data: what a plan emits.

Each :class:`Manifest` is one object with the construct id it gets. The builders below give the workloads the
shape cdk8s-plus 27 gave them (its defaults spelled out), so the output stays what it was while the plan is tested
without Node.js, and each object is emitted in one step (see ``_emit``).
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from ._labels import WorkloadLabels

__all__ = ["Manifest", "config_map", "container", "deployment", "disruption_budget", "network_policy", "probe",
           "resources", "secret", "secret_volume", "service", "volume_claim"]

Json = dict[str, Any]


@dataclasses.dataclass(frozen=True, repr=False)
class Manifest:
    """One object: its construct id, apiVersion, kind, name, labels and its other top-level fields. Its repr names
    the object only: a Secret's body holds secret values."""

    id: str
    api_version: str
    kind: str
    name: str
    labels: Mapping[str, str] | None
    body: Mapping[str, Any]
    #: JSON-patch "add" operations (path, value) applied after the body, where a value must merge into a cdk8s
    #: struct the user gave (an affinity).
    patches: tuple[tuple[str, Any], ...] = ()
    #: A cluster-scoped object: no namespace, whatever the chart's.
    cluster_scoped: bool = False

    def __repr__(self) -> str:
        return f"Manifest({self.id!r}: {self.api_version} {self.kind} {self.name!r})"

    def to_dict(self, namespace: str | None = None) -> Json:
        """The object as ``kubectl`` reads it (the chart stamps the namespace), for tests without Node.js; the
        patches apply to plain data only."""
        metadata: Json = {"name": self.name}
        if self.labels:
            metadata["labels"] = dict(self.labels)
        if namespace and not self.cluster_scoped:
            metadata["namespace"] = namespace
        result = copy.deepcopy({"apiVersion": self.api_version, "kind": self.kind, "metadata": metadata,
                                **self.body})
        for path, value in self.patches:
            *parents, last = path.strip("/").split("/")
            target = result
            for part in parents:
                target = target[part]
            target[last] = copy.deepcopy(value)
        return result


def resources(cpu_request: str, cpu_limit: str, memory_request: str, memory_limit: str) -> Json:
    return {"limits": {"cpu": cpu_limit, "memory": memory_limit}, "requests": {"cpu": cpu_request,
                                                                               "memory": memory_request}}


def probe(*, port: int, period: int, failure_threshold: int = 3, timeout: int | None = None,
          http_path: str | None = None) -> Json:
    """A TCP probe, or an HTTP GET of ``http_path``."""
    result: Json = {"failureThreshold": failure_threshold, "periodSeconds": period}
    if http_path is not None:
        result["httpGet"] = {"path": http_path, "port": port, "scheme": "HTTP"}
    else:
        result["tcpSocket"] = {"port": port}
    if timeout is not None:
        result["timeoutSeconds"] = timeout
    return result


def container(
    *,
    name: str,
    image: str,
    pull_policy: str,
    security_context: Json,
    resources: Json,
    command: Sequence[str] | None = None,
    args: Sequence[str] | None = None,
    env: Sequence[tuple[str, str]] = (),
    ports: Sequence[tuple[int, str]] = (),
    mounts: Sequence[Json] = (),
    readiness: Json | None = None,
    liveness: Json | None = None,
    startup: Json | None = None,
    pre_stop: Sequence[str] | None = None,
) -> Json:
    result: Json = {"name": name, "image": image, "imagePullPolicy": pull_policy}
    if command is not None:
        result["command"] = list(command)
    if args is not None:
        result["args"] = list(args)
    if env:
        result["env"] = [{"name": key, "value": value} for key, value in env]
    if ports:
        result["ports"] = [{"containerPort": number, "name": port_name} for number, port_name in ports]
    result["resources"] = resources
    result["securityContext"] = security_context
    for field, value in (("readinessProbe", readiness), ("livenessProbe", liveness), ("startupProbe", startup)):
        if value is not None:
            result[field] = value
    if pre_stop is not None:
        result["lifecycle"] = {"preStop": {"exec": {"command": list(pre_stop)}}}
    if mounts:
        result["volumeMounts"] = list(mounts)
    return result


def deployment(
    *,
    id: str,
    name: str,
    labels: WorkloadLabels,
    replicas: int,
    strategy: Json,
    pod_labels: Mapping[str, str],
    pod_annotations: Mapping[str, str],
    pod_spec: Json,
) -> Manifest:
    template_metadata: Json = {"labels": dict(pod_labels)}
    if pod_annotations:
        template_metadata["annotations"] = dict(pod_annotations)
    return Manifest(id, "apps/v1", "Deployment", name, labels.all, {"spec": {
        "minReadySeconds": 0,
        "progressDeadlineSeconds": 600,
        "replicas": replicas,
        "selector": {"matchLabels": labels.selector},
        "strategy": strategy,
        "template": {"metadata": template_metadata, "spec": pod_spec},
    }})


def service(*, id: str, name: str, labels: WorkloadLabels, port: int) -> Manifest:
    return Manifest(id, "v1", "Service", name, labels.all, {"spec": {
        "externalIPs": [],
        "ports": [{"name": "http", "port": port, "targetPort": port}],
        "selector": labels.selector,
        "type": "ClusterIP",
    }})


def secret(*, id: str, name: str, labels: WorkloadLabels, data: Mapping[str, str]) -> Manifest:
    return Manifest(id, "v1", "Secret", name, labels.all, {"immutable": False, "stringData": dict(data)})


def config_map(*, id: str, name: str, labels: WorkloadLabels, data: Mapping[str, str]) -> Manifest:
    return Manifest(id, "v1", "ConfigMap", name, labels.all, {"data": dict(data), "immutable": False})


def volume_claim(*, id: str, name: str, labels: WorkloadLabels, size_gib: int, access_mode: str,
                 storage_class: str | None) -> Manifest:
    spec: Json = {"accessModes": [access_mode], "resources": {"requests": {"storage": f"{size_gib}Gi"}},
                  "volumeMode": "Filesystem"}
    if storage_class is not None:
        spec["storageClassName"] = storage_class
    return Manifest(id, "v1", "PersistentVolumeClaim", name, labels.all, {"spec": spec})


def secret_volume(volume_name: str, secret_name: str, items: Mapping[str, str]) -> Json:
    """A Secret as files, readable by the pod's group only (0440); the items in the order of their keys."""
    return {"name": volume_name, "secret": {"defaultMode": 0o440, "items": [
        {"key": key, "path": items[key]} for key in sorted(items)], "secretName": secret_name}}


def _ports(ports: Sequence[int], protocol: str = "TCP") -> list[Json]:
    return [{"port": port, "protocol": protocol} for port in ports]


def network_policy(
    *,
    id: str,
    name: str,
    labels: WorkloadLabels,
    ingress: Sequence[tuple[Sequence[Json], Sequence[int]]],
    egress_ports: Sequence[int],
) -> Manifest:
    """Traffic in only from the given peers on their ports; out only to DNS and the given TCP ports."""
    egress: list[Json] = [{"ports": [*_ports([53], "UDP"), *_ports([53], "TCP")]}]
    if egress_ports:
        egress.append({"ports": _ports(sorted(set(egress_ports)))})
    spec: Json = {"egress": egress}
    if ingress:
        spec["ingress"] = [{"from": list(peers), "ports": _ports(ports)} for peers, ports in ingress]
    spec["podSelector"] = {"matchLabels": labels.selector}
    spec["policyTypes"] = ["Ingress", "Egress"]
    return Manifest(id, "networking.k8s.io/v1", "NetworkPolicy", name, labels.all, {"spec": spec})


def disruption_budget(*, id: str, name: str, labels: WorkloadLabels) -> Manifest:
    """At most one pod of several down at a time during node drains."""
    return Manifest(id, "policy/v1", "PodDisruptionBudget", name, labels.all, {"spec": {
        "maxUnavailable": 1, "selector": {"matchLabels": labels.selector}}})
