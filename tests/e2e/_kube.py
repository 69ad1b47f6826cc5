"""Reads synthesized Kubernetes objects the way the kubelet would, for one container, without a cluster.

Everything here is strict on purpose: a field the harness does not honour raises `UnsupportedSpec` instead of being
dropped, so a test can only pass if what ran locally is what the cluster would run.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ._proc import HarnessError

Manifest = Mapping[str, Any]


class UnsupportedSpec(HarnessError):
    """The manifests ask for something the harness cannot honour (or the cluster would refuse)."""


# ---------------------------------------------------------------------------------------------------------------------
# Field lists shared with the pod runner (tests/pods/runner.py has the pod and container lists). HONOURED fields change
# what runs and are implemented; IGNORED fields make no difference to one pod. Anything else raises, with a reason.

WORKLOAD_SPEC_FIELDS: dict[str, tuple[set[str], set[str]]] = {
    # kind: (honoured, ignored). `replicas`: a test starts one RegistryPod per replica it wants.
    "Deployment": ({"template"}, {"replicas", "selector", "strategy", "revisionHistoryLimit", "minReadySeconds",
                                  "progressDeadlineSeconds"}),
    "StatefulSet": ({"template"}, {"replicas", "selector", "serviceName", "podManagementPolicy", "updateStrategy",
                                   "revisionHistoryLimit", "minReadySeconds", "persistentVolumeClaimRetentionPolicy"}),
    "Job": ({"template"}, {"backoffLimit", "activeDeadlineSeconds", "ttlSecondsAfterFinished", "completions",
                           "parallelism", "selector", "manualSelector", "podFailurePolicy"}),
    "CronJob": ({"jobTemplate"}, {"schedule", "timeZone", "concurrencyPolicy", "suspend", "startingDeadlineSeconds",
                                  "successfulJobsHistoryLimit", "failedJobsHistoryLimit"}),
}

# Fields that are fine only with the value that changes nothing (cdk8s-plus writes `hostNetwork: false` and such).
POD_NOOP_VALUES = {"hostNetwork": False, "hostPID": False, "hostIPC": False, "shareProcessNamespace": False,
                   "setHostnameAsFQDN": False}
CONTAINER_NOOP_VALUES = {"stdin": False, "stdinOnce": False, "tty": False}
REASONS = {
    "restartPolicy": "an init container with restartPolicy is a sidecar, which the harness does not run",
    "envFrom": "envFrom is not implemented by the harness: use env with valueFrom, or extend the harness",
    "fieldRef": "fieldRef (downward API) has no local value",
    "resourceFieldRef": "resourceFieldRef has no local value",
    "workingDir": "workingDir is not implemented by the harness",
    "lifecycle": "lifecycle hooks are not run by the harness",
    "hostNetwork": "host networking cannot be reproduced",
    "hostAliases": "hostAliases cannot be reproduced",
    "subPathExpr": "subPathExpr needs the downward API",
    "serviceAccountToken": "service account tokens have no local issuer",
    "downwardAPI": "the downward API has no local values",
    "clusterTrustBundle": "cluster trust bundles have no local source",
    "podCertificate": "pod certificates have no local signer",
    "exec": "exec probes cannot be checked without the image",
    "grpc": "the registry serves no gRPC health",
}


def check_fields(obj: Mapping[str, Any], where: str, honoured: set[str], ignored: set[str],
                 noop_values: Mapping[str, Any] | None = None) -> None:
    noop = {key for key, value in (noop_values or {}).items() if key in obj and obj[key] == value}
    unknown = sorted(set(obj) - honoured - ignored - noop)
    if unknown:
        details = "; ".join(f"{key}: {REASONS.get(key, 'not known to the harness')}" for key in unknown)
        raise UnsupportedSpec(f"{where}: cannot honour {unknown} ({details})")


# ---------------------------------------------------------------------------------------------------------------------
# The objects a cluster would hold: synthesized manifests plus what the user created by hand (existing secrets).

def namespace_of(obj: Manifest, default_namespace: str) -> str:
    return str(obj.get("metadata", {}).get("namespace") or default_namespace)


class ObjectStore:
    """Objects by (kind, namespace, name); a duplicate is an error, as `kubectl create` would report."""

    def __init__(self, objects: Iterable[Manifest], *, default_namespace: str = "default") -> None:
        self.default_namespace = default_namespace
        self._objects: dict[tuple[str, str, str], Manifest] = {}
        for obj in objects:
            if not isinstance(obj, Mapping) or "kind" not in obj or "name" not in obj.get("metadata", {}):
                raise HarnessError(f"not a Kubernetes object with kind and metadata.name: {obj!r:.200}")
            key = (str(obj["kind"]), namespace_of(obj, default_namespace), str(obj["metadata"]["name"]))
            if key in self._objects:
                raise HarnessError(f"{key} given twice: a cluster would refuse the second one")
            self._objects[key] = obj

    def get(self, kind: str, namespace: str, name: str) -> Manifest | None:
        return self._objects.get((kind, namespace, name))

    def of_kind(self, kind: str, namespace: str | None = None) -> list[Manifest]:
        return [obj for (k, ns, _), obj in self._objects.items() if k == kind and namespace in (None, ns)]

    def secret_data(self, namespace: str, name: str) -> dict[str, bytes] | None:
        """Keys of a Secret as the kubelet sees them: `data` is base64, `stringData` wins on the same key."""
        secret = self.get("Secret", namespace, name)
        if secret is None:
            return None
        data = {key: base64.b64decode(value, validate=True) for key, value in (secret.get("data") or {}).items()}
        data.update({key: str(value).encode() for key, value in (secret.get("stringData") or {}).items()})
        return data

    def configmap_data(self, namespace: str, name: str) -> dict[str, bytes] | None:
        config_map = self.get("ConfigMap", namespace, name)
        if config_map is None:
            return None
        data = {key: str(value).encode() for key, value in (config_map.get("data") or {}).items()}
        data.update({key: base64.b64decode(value, validate=True)
                     for key, value in (config_map.get("binaryData") or {}).items()})
        return data


@dataclass(frozen=True)
class PodTemplate:
    """One container of one workload's pod template, with where it came from (for error messages)."""

    kind: str
    name: str
    namespace: str
    pod_spec: Mapping[str, Any]
    container: Mapping[str, Any]
    role: str = "container"  # or "init container"

    @property
    def where(self) -> str:
        return f"{self.kind} {self.namespace}/{self.name} {self.role} {self.container.get('name')!r}"


def _raw_pod_spec(workload: Manifest) -> Mapping[str, Any]:
    spec = workload.get("spec") or {}
    if workload["kind"] == "CronJob":
        spec = ((spec.get("jobTemplate") or {}).get("spec")) or {}
    return (spec.get("template") or {}).get("spec") or {}


# ---------------------------------------------------------------------------------------------------------------------
# Environment, as the kubelet builds it: service links first, then the container's env in order, with $(VAR) expansion.

# Cluster IPs only ever appear as text in the environment (the registry never dials them): a documentation range.
_PLACEHOLDER_IP = "192.0.2.{}"


@dataclass
class ResolvedEnv:
    values: dict[str, str] = field(default_factory=dict)
    # Names that the kubelet injected for Services (not written by the container spec).
    service_links: set[str] = field(default_factory=set)


def service_link_env(store: ObjectStore, namespace: str, enable_service_links: bool) -> dict[str, str]:
    """`<SERVICE>_SERVICE_HOST`, `<SERVICE>_PORT_...`: what the kubelet injects (the kubernetes Service always)."""
    services: list[Manifest] = [{"metadata": {"name": "kubernetes"},
                                 "spec": {"ports": [{"name": "https", "port": 443, "protocol": "TCP"}]}}]
    if enable_service_links:
        services += [svc for svc in store.of_kind("Service", namespace) if svc["metadata"]["name"] != "kubernetes"]
    env: dict[str, str] = {}
    for index, service in enumerate(services, start=1):
        spec = service.get("spec") or {}
        if spec.get("clusterIP") == "None" or spec.get("type") == "ExternalName" or not spec.get("ports"):
            continue
        ip = _PLACEHOLDER_IP.format(index)
        prefix = service["metadata"]["name"].upper().replace("-", "_")
        ports = spec["ports"]
        env[f"{prefix}_SERVICE_HOST"] = ip
        env[f"{prefix}_SERVICE_PORT"] = str(ports[0]["port"])
        for port in ports:
            if port.get("name"):
                env[f"{prefix}_SERVICE_PORT_{port['name'].upper().replace('-', '_')}"] = str(port["port"])
        first_proto = str(ports[0].get("protocol", "TCP")).lower()
        env[f"{prefix}_PORT"] = f"{first_proto}://{ip}:{ports[0]['port']}"
        for port in ports:
            proto = str(port.get("protocol", "TCP"))
            base = f"{prefix}_PORT_{port['port']}_{proto.upper()}"
            env[base] = f"{proto.lower()}://{ip}:{port['port']}"
            env[f"{base}_PROTO"] = proto.lower()
            env[f"{base}_PORT"] = str(port["port"])
            env[f"{base}_ADDR"] = ip
    return env


_EXPANSION = re.compile(r"\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")


def expand(value: str, env: Mapping[str, str]) -> str:
    """Kubernetes `$(VAR)` expansion: defined names are replaced, `$$` escapes, undefined references stay as written."""

    def replace(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name = match.group(1)
        return env.get(name, match.group(0))

    return _EXPANSION.sub(replace, value)


def resolve_env(template: PodTemplate, store: ObjectStore) -> ResolvedEnv:
    links = service_link_env(store, template.namespace, bool(template.pod_spec.get("enableServiceLinks", True)))
    resolved = ResolvedEnv(values=dict(links), service_links=set(links))
    for entry in template.container.get("env") or []:
        name = entry["name"]
        where = f"{template.where} env {name}"
        check_fields(entry, where, {"name", "value", "valueFrom"}, set())
        if "valueFrom" in entry:
            value = _value_from(entry["valueFrom"], where, template.namespace, store)
            if value is None:  # optional and missing: the kubelet leaves the variable out
                continue
        else:
            value = expand(str(entry.get("value", "")), resolved.values)
        resolved.values[name] = value
        resolved.service_links.discard(name)
    return resolved


def _value_from(source: Mapping[str, Any], where: str, namespace: str, store: ObjectStore) -> str | None:
    check_fields(source, f"{where} valueFrom", {"secretKeyRef", "configMapKeyRef"}, set())
    if len(source) != 1:
        raise UnsupportedSpec(f"{where}: valueFrom needs exactly one source, got {sorted(source)}")
    (kind_field, ref), = source.items()
    check_fields(ref, f"{where} {kind_field}", {"name", "key", "optional"}, set())
    kind = "Secret" if kind_field == "secretKeyRef" else "ConfigMap"
    data = (store.secret_data if kind == "Secret" else store.configmap_data)(namespace, ref["name"])
    if data is None or ref["key"] not in data:
        if ref.get("optional"):
            return None
        missing = f"{kind} {namespace}/{ref['name']}" + ("" if data is None else f" has no key {ref['key']!r}")
        raise HarnessError(f"{where}: {missing}; the pod would not start (CreateContainerConfigError)")
    try:
        return data[ref["key"]].decode()
    except UnicodeDecodeError as error:
        raise HarnessError(f"{where}: {kind} key {ref['key']!r} is not UTF-8 text") from error


# ---------------------------------------------------------------------------------------------------------------------
# Volumes and mounts.

VOLUME_FIELDS: dict[str, set[str]] = {
    "secret": {"secretName", "items", "defaultMode", "optional"},
    "configMap": {"name", "items", "defaultMode", "optional"},
    # A local folder either way: `medium: Memory` (tmpfs) and `sizeLimit` (eviction when exceeded) are not enforced.
    "emptyDir": {"medium", "sizeLimit"},
    "persistentVolumeClaim": {"claimName", "readOnly"},
    "projected": {"sources", "defaultMode"},
}
# Sources of a projected volume that the harness can write (the same as Secret and ConfigMap volumes); the other
# kinds (serviceAccountToken, downwardAPI, clusterTrustBundle, podCertificate) are refused with their REASONS.
PROJECTED_SOURCE_FIELDS: dict[str, set[str]] = {
    "secret": {"name", "items", "optional"},
    "configMap": {"name", "items", "optional"},
}
# With service_account_volumes=True (a pod runner that writes them itself: tests/pods/runner.py), also these.
SERVICE_ACCOUNT_SOURCE_FIELDS: dict[str, set[str]] = {
    "serviceAccountToken": {"path", "expirationSeconds", "audience"},
    "downwardAPI": {"items"},
}
DEFAULT_FILE_MODE = 0o644  # defaultMode when none is given (secret, configMap, projected)


@dataclass(frozen=True)
class VolumeSource:
    name: str
    type: str  # one of VOLUME_FIELDS
    spec: Mapping[str, Any]


@dataclass(frozen=True)
class MountSpec:
    volume: VolumeSource
    mount_path: str
    sub_path: str | None
    read_only: bool


def volume_sources(template: PodTemplate, *, service_account_volumes: bool = False) -> dict[str, VolumeSource]:
    projected_fields = {**PROJECTED_SOURCE_FIELDS, **(SERVICE_ACCOUNT_SOURCE_FIELDS if service_account_volumes else {})}
    sources: dict[str, VolumeSource] = {}
    for volume in template.pod_spec.get("volumes") or []:
        name = volume["name"]
        types = sorted(set(volume) - {"name"})
        if len(types) != 1 or types[0] not in VOLUME_FIELDS:
            raise UnsupportedSpec(f"{template.where}: volume {name!r} of type {types}: "
                                  f"{REASONS.get(types[0], 'not known') if len(types) == 1 else 'ambiguous'} "
                                  f"(the harness knows {sorted(VOLUME_FIELDS)})")
        kind = types[0]
        where = f"{template.where} volume {name!r}"
        check_fields(volume[kind] or {}, where, VOLUME_FIELDS[kind], set())
        if kind == "projected":
            for index, projection in enumerate((volume[kind] or {}).get("sources") or []):
                kinds = sorted(projection)
                if len(kinds) != 1:
                    raise UnsupportedSpec(f"{where}: projected source {index} needs exactly one kind, got {kinds}")
                check_fields(projection, f"{where} projected source {index}", set(projected_fields), set())
                check_fields(projection[kinds[0]] or {}, f"{where} projected {kinds[0]} source {index}",
                             projected_fields[kinds[0]], set())
        sources[name] = VolumeSource(name, kind, volume[kind] or {})
    return sources


def mounts(template: PodTemplate, *, service_account_volumes: bool = False) -> list[MountSpec]:
    sources = volume_sources(template, service_account_volumes=service_account_volumes)
    result = []
    for mount in template.container.get("volumeMounts") or []:
        where = f"{template.where} volumeMount {mount.get('mountPath')!r}"
        check_fields(mount, where, {"name", "mountPath", "subPath", "readOnly"}, set())
        if mount["name"] not in sources:
            raise HarnessError(f"{where}: no volume named {mount['name']!r} in the pod")
        if not str(mount["mountPath"]).startswith("/"):
            raise HarnessError(f"{where}: mountPath must be absolute")
        sub_path = mount.get("subPath") or None
        if sub_path and (sub_path.startswith("/") or ".." in sub_path.split("/")):
            raise HarnessError(f"{where}: subPath must be relative without '..'")
        result.append(MountSpec(sources[mount["name"]], str(mount["mountPath"]).rstrip("/") or "/", sub_path,
                                bool(mount.get("readOnly", False))))
    paths = [m.mount_path for m in result]
    if len(paths) != len(set(paths)):
        raise HarnessError(f"{template.where}: two volumeMounts at the same path: {paths}")
    return result


@dataclass(frozen=True)
class VolumeFile:
    content: bytes
    mode: int  # permission bits (defaultMode, or the item's mode)


def volume_files(source: VolumeSource, namespace: str, store: ObjectStore,
                 where: str) -> dict[str, VolumeFile] | None:
    """Files of a Secret, ConfigMap or projected volume (relative path -> file); None for an optional, missing object
    (the kubelet then mounts an empty folder)."""
    default_mode = int(source.spec.get("defaultMode", DEFAULT_FILE_MODE))
    if source.type in ("secret", "configMap"):
        name = source.spec["secretName" if source.type == "secret" else "name"]
        return _object_files(source.type, name, source.spec, default_mode, source.name, namespace, store, where)
    if source.type != "projected":
        raise HarnessError(f"{where}: volume {source.name!r} of type {source.type} has no files")
    files: dict[str, VolumeFile] = {}
    for projection in source.spec.get("sources") or []:
        (kind, spec), = projection.items()
        found = _object_files(kind, spec["name"], spec, default_mode, source.name, namespace, store, where) or {}
        clash = sorted(set(files) & set(found))
        if clash:
            raise HarnessError(f"{where}: projected volume {source.name!r} writes {clash} twice (conflicting paths: "
                               "the API server refuses duplicate item paths, and the harness does not guess a winner)")
        files.update(found)
    return files


def _object_files(kind_field: str, object_name: str, spec: Mapping[str, Any], default_mode: int, volume: str,
                  namespace: str, store: ObjectStore, where: str) -> dict[str, VolumeFile] | None:
    if kind_field == "secret":
        kind, data = "Secret", store.secret_data(namespace, object_name)
    else:
        kind, data = "ConfigMap", store.configmap_data(namespace, object_name)
    if data is None:
        if spec.get("optional"):
            return None
        raise HarnessError(f"{where}: volume {volume!r} needs {kind} {namespace}/{object_name}, which does not "
                           "exist; the pod would stay in ContainerCreating")
    items = spec.get("items")
    if not items:
        return {key: VolumeFile(value, default_mode) for key, value in data.items()}
    files = {}
    for item in items:
        check_fields(item, f"{where} volume {volume!r} item", {"key", "path", "mode"}, set())
        if item["key"] not in data:
            if spec.get("optional"):
                continue
            raise HarnessError(f"{where}: volume {volume!r} maps key {item['key']!r}, which {kind} "
                               f"{namespace}/{object_name} does not have; the pod would not start")
        path = str(item["path"])
        if path.startswith("/") or ".." in path.split("/"):
            raise HarnessError(f"{where}: item path {path!r} must be relative without '..'")
        files[path] = VolumeFile(data[item["key"]], int(item.get("mode", default_mode)))
    return files


def port_by_name(template: PodTemplate, port: int | str) -> int:
    if isinstance(port, int):
        return port
    if str(port).isdigit():
        return int(port)
    for declared in template.container.get("ports") or []:
        if declared.get("name") == port:
            return int(declared["containerPort"])
    raise HarnessError(f"{template.where}: probe names port {port!r}, which the container does not declare")
