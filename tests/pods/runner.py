"""Runs the pod of a synthesized workload for real: every container under runc, as the kubelet and containerd would.

``PodRunner(workdir, store).run(workload)`` takes a Deployment, StatefulSet, Job or CronJob and starts ONE pod of it:

1. everything is read and checked first (pod and container fields, images, env, volumes, probes): a field the runner
   cannot honour raises :class:`~e2e._kube.UnsupportedSpec` naming it, before anything runs;
2. the pod's volumes are laid out as the kubelet does (emptyDir: a folder, ``medium: Memory`` a tmpfs with
   ``size=sizeLimit``; secret / configMap / projected: the kubelet's ``..data`` symlink layout with ``defaultMode`` /
   item modes; persistentVolumeClaim: ``pvc_root/NAMESPACE/CLAIM``), then ``fsGroup`` ownership (group, setgid, group
   read/write; ``fsGroupChangePolicy: OnRootMismatch`` skips a root that already matches), and the pod's
   /etc/hosts, /etc/hostname, /etc/resolv.conf; a projected volume may hold what the kubelet projects for a service
   account (see "Service accounts" below);
3. init containers run one after the other to completion; a non-zero exit fails ``run()`` with that container's log;
4. the main containers start, each in a bundle of its own (a fresh root filesystem "shaped like the image", see
   _images.py) sharing the pod's network namespace and volume folders (bind mounts at the mountPath as written), with
   the container's own cgroup (``linux.resources`` from resources.limits) under ``/CGROUP_PARENT/POD/``;
5. probes run from the node side as the kubelet's prober does, restarts follow the pod's restartPolicy with the
   kubelet's back-off, and readiness is exposed (``RunningPod.ready``, ``on_ready`` callback) for Service endpoints;
6. the pod's ``activeDeadlineSeconds`` counts from its start (before the init containers), as the kubelet's: past it
   the pod fails (``RunningPod.reason`` ``DeadlineExceeded``), every container is killed with the pod's grace period
   and nothing restarts (a Job's own activeDeadlineSeconds is the Job controller's, which is not run: ignored).

Per container, honoured: command/args (image ENTRYPOINT/CMD when absent, with $(VAR) expansion), env (image ENV,
then the kubelet's service links and the container's env; HOSTNAME; HOME from the image's /etc/passwd), workingDir,
securityContext (runAsUser, runAsGroup, runAsNonRoot - root is refused as the kubelet refuses it -,
readOnlyRootFilesystem, allowPrivilegeEscalation=false -> noNewPrivileges, capabilities add/drop from containerd's
default set, seccompProfile RuntimeDefault/Unconfined, privileged=false, procMount=Default), pod securityContext (the
same plus fsGroup, fsGroupChangePolicy, supplementalGroups, supplementalGroupsPolicy, sysctls), resources (limits.cpu
-> CFS quota over a 100 ms period, requests.cpu -> shares, limits.memory -> memory and memory+swap limit;
requests.memory is scheduling only), ports (TCP/UDP containerPort: documentation for the network; hostPort is
refused), lifecycle.preStop.exec (other handlers are refused). Deleting a pod (``RunningPod.stop``) is the kubelet's
order: the pod is not Ready at once (its endpoints go), every preStop hook runs (``runc exec`` with the container's
own process settings), then SIGTERM with what is left of the grace period (at least 2 s), then SIGKILL.

Where it differs from a cluster, on purpose (each documented where it is done):

- a pod without ``seccompProfile`` runs Unconfined, as a kubelet without ``--seccomp-default`` does;
- secret and configMap volumes are folders on disk, not tmpfs; emptyDir on disk ignores sizeLimit (the kubelet evicts
  the pod later; nothing here watches usage);
- each container has its own IPC namespace and /dev/shm (a pod shares them through its sandbox);
- probes keep the kubelet's timing exactly (initialDelaySeconds, periodSeconds, timeoutSeconds, successThreshold,
  failureThreshold); httpGet success is 200-399 without following redirects;
- restart back-off: the first restart is immediate, then 10 s doubling to 300 s (never reset);
- service links of the pod's namespace carry placeholder IPs (tests/e2e/_kube.py), except the ``kubernetes``
  Service's when the caller gives its IP (``PodRunner(kubernetes_service_ip=...)``).

Service accounts, as the kubelet serves them (the caller being the token issuer):

- a ``projected`` volume's ``serviceAccountToken`` source (``path``, ``expirationSeconds``) is written with the token
  that ``PodRunner(tokens=...)`` gives for (namespace, serviceAccountName or ``default``): a callable
  ``tokens(namespace, service_account) -> str`` or a mapping of those pairs. Without ``tokens`` the source is refused,
  and so is an ``audience`` (the issuer's tokens are for the API server). The ServiceAccount must be in the store
  (``default`` always exists), as the API server admits no pod without it. The token is never refreshed (the kubelet
  renews it at 80 % of expirationSeconds, at least 10 minutes: longer than any test);
- the token file's mode and owner are the kubelet's: 0600 when the pod has an fsGroup or an "fsUser" (every init and
  main container has the same effective runAsUser, set in the pod's or its own securityContext), owned by that
  fsUser; else the volume's defaultMode; then the volume's fsGroup ownership (read-only: 0600 becomes 0640);
- ``configMap`` sources of ``kube-root-ca.crt``: the ConfigMap that kube-controller-manager publishes in every
  namespace, from ``PodRunner(root_ca=PEM)`` when the store has none;
- ``downwardAPI`` sources with ``fieldRef`` metadata.name, metadata.namespace or spec.serviceAccountName (others, and
  resourceFieldRef, are refused by name);
- ``KUBERNETES_SERVICE_HOST`` / ``_PORT`` (and the other ``KUBERNETES_*`` links the kubelet injects into every pod,
  ``enableServiceLinks`` or not) point at ``kubernetes_service_ip`` port 443;
- ``automountServiceAccountToken`` must be false: it is the ServiceAccount admission plugin (not the kubelet) that adds
  the token volume to every container, which the runner does not do; mount a projected token volume where it is
  used.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import hashlib
import http.client
import itertools
import json
import os
import pathlib
import random
import re
import shutil
import signal
import socket
import ssl
import string
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_CEILING, Decimal
from typing import IO, Any

from e2e import _kube
from e2e._kube import Manifest, MountSpec, ObjectStore, PodTemplate, UnsupportedSpec
from e2e._proc import HarnessError
from typing_extensions import Self

from . import _images, _runc

# ---------------------------------------------------------------------------------------------------------------------
# Field lists (honoured, ignored, no-op values). Anything else raises UnsupportedSpec naming the field.

POD_HONOURED = {"containers", "initContainers", "volumes", "enableServiceLinks", "securityContext", "restartPolicy",
                "terminationGracePeriodSeconds", "automountServiceAccountToken", "dnsPolicy", "hostname",
                "subdomain", "hostAliases", "serviceAccountName", "serviceAccount", "activeDeadlineSeconds"}
# Scheduling fields that change nothing for one pod on one node.
POD_IGNORED = {"nodeSelector", "affinity", "tolerations",
               "topologySpreadConstraints", "priorityClassName", "priority", "preemptionPolicy", "schedulerName",
               "imagePullSecrets"}
POD_NOOP_VALUES = dict(_kube.POD_NOOP_VALUES)
POD_SECURITY_HONOURED = {"runAsUser", "runAsGroup", "runAsNonRoot", "fsGroup", "fsGroupChangePolicy",
                         "supplementalGroups", "supplementalGroupsPolicy", "seccompProfile", "sysctls",
                         "appArmorProfile"}
CONTAINER_HONOURED = {"name", "image", "command", "args", "env", "volumeMounts", "ports", "livenessProbe",
                      "readinessProbe", "startupProbe", "securityContext", "resources", "workingDir", "lifecycle"}
INIT_CONTAINER_HONOURED = {"name", "image", "command", "args", "env", "volumeMounts", "securityContext", "resources",
                           "workingDir"}
# imagePullPolicy: images are laid out locally; termination messages are not collected.
CONTAINER_IGNORED = {"imagePullPolicy", "terminationMessagePath", "terminationMessagePolicy", "resizePolicy"}
CONTAINER_SECURITY_HONOURED = {"runAsUser", "runAsGroup", "runAsNonRoot", "readOnlyRootFilesystem",
                               "allowPrivilegeEscalation", "capabilities", "seccompProfile", "appArmorProfile"}
CONTAINER_SECURITY_NOOP = {"privileged": False, "procMount": "Default"}
PROBE_TIMING = {"initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold", "successThreshold",
                "terminationGracePeriodSeconds"}
RESOURCE_NAMES = {"cpu", "memory"}
REASONS = {
    **_kube.REASONS,
    "workingDir": "workingDir is honoured",
    "exec": "exec probes are not run by the pod runner (it would need `runc exec` timing of its own)",
    "privileged": "privileged containers are not run",
    "seLinuxOptions": "there is no SELinux on this machine",
    "windowsOptions": "Windows options do not apply to Linux pods",
    "hostPort": "hostPort needs the node's port mapping, which the runner does not do",
    "hostIP": "hostIP needs the node's port mapping, which the runner does not do",
    "ephemeral-storage": "ephemeral-storage is enforced by kubelet eviction, which the runner does not do",
    "envFrom": "envFrom is not implemented: use env with valueFrom",
    "dnsConfig": "dnsConfig is not implemented (resolv.conf is the caller's or ClusterFirst's)",
    "readinessGates": "readiness gates need a controller that sets the condition",
    "volumeDevices": "block devices are not provided",
    "os": "pod OS selection is not implemented",
    "overhead": "pod overhead is not implemented",
    "runtimeClassName": "there is only runc here",
}

# What the kubelet projects for a service account (see the module's docstring).
ROOT_CA_CONFIG_MAP = "kube-root-ca.crt"
TOKEN_SOURCE_FIELDS = {"path", "expirationSeconds", "audience"}
DOWNWARD_ITEM_FIELDS = {"path", "fieldRef", "mode"}
TokenSource = Callable[[str, str], str] | Mapping[tuple[str, str], str]

DEFAULT_PROBE = {"initialDelaySeconds": 0, "periodSeconds": 10, "timeoutSeconds": 1, "successThreshold": 1,
                 "failureThreshold": 3}
KUBE_PROBE_USER_AGENT = "kube-probe/1.36"
DEFAULT_NAMESERVER = "10.43.0.10"  # k3s's cluster DNS Service IP
CLUSTER_DOMAIN = "cluster.local"
PRIVATE_POD_IP = "198.18.0.2"  # the pod IP of a network namespace the runner makes (benchmarking range, RFC 2544)
KUBELET_HOSTS_HEADER = ("# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost "
                        "ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\n"
                        "fe00::2\tip6-allrouters\n")
BACKOFF_INITIAL, BACKOFF_MAX = 10.0, 300.0
_NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789"  # what Kubernetes uses for generated name suffixes

ReadyCallback = Callable[["RunningPod", bool], None]
# Called after each init container ended (its name and exit code), before the next container starts: where a test
# looks at the cluster between two steps of a pod, as an observer, never as part of the pod.
InitCallback = Callable[[str, int], None]


# ---------------------------------------------------------------------------------------------------------------------
# Quantities.

_QUANTITY = re.compile(r"^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$")
_SUFFIXES = {"Ki": Decimal(2) ** 10, "Mi": Decimal(2) ** 20, "Gi": Decimal(2) ** 30, "Ti": Decimal(2) ** 40,
             "Pi": Decimal(2) ** 50, "Ei": Decimal(2) ** 60, "n": Decimal("1e-9"), "u": Decimal("1e-6"),
             "m": Decimal("1e-3"), "": Decimal(1), "k": Decimal(1000), "M": Decimal(10) ** 6,
             "G": Decimal(10) ** 9, "T": Decimal(10) ** 12, "P": Decimal(10) ** 15, "E": Decimal(10) ** 18}


def parse_quantity(value: object, where: str) -> Decimal:
    match = _QUANTITY.match(str(value).strip())
    if match is None:
        raise UnsupportedSpec(f"{where}: {value!r} is not a Kubernetes quantity")
    return Decimal(match.group(1)) * _SUFFIXES[match.group(2) or ""]


# ---------------------------------------------------------------------------------------------------------------------
# What run() reads before anything starts.

@dataclasses.dataclass(frozen=True)
class Probe:
    kind: str  # startupProbe, livenessProbe, readinessProbe
    handler: str  # "http" or "tcp"
    port: int
    host: str | None
    path: str
    scheme: str
    headers: tuple[tuple[str, str], ...]
    initial_delay: float
    period: float
    timeout: float
    success_threshold: int
    failure_threshold: int
    termination_grace: float | None


@dataclasses.dataclass(frozen=True)
class ContainerSpec:
    template: PodTemplate
    layout: _images.ImageLayout
    argv: tuple[str, ...]
    env: tuple[tuple[str, str], ...]
    cwd: str
    uid: int
    gid: int
    additional_gids: tuple[int, ...]
    capabilities: tuple[str, ...]
    no_new_privileges: bool
    readonly_root: bool
    seccomp: Mapping[str, Any] | None
    resources: Mapping[str, Any]
    mounts: tuple[MountSpec, ...]
    probes: tuple[Probe, ...]
    ports: tuple[int, ...]
    pre_stop: tuple[str, ...] = ()  # lifecycle.preStop.exec.command: run in the container before its SIGTERM

    @property
    def name(self) -> str:
        return str(self.template.container["name"])


def _pre_stop(template: PodTemplate) -> tuple[str, ...]:
    """lifecycle.preStop.exec.command; every other lifecycle handler is refused by name."""
    where = f"{template.where} lifecycle"
    lifecycle = template.container.get("lifecycle") or {}
    _kube.check_fields(lifecycle, where, {"preStop"}, set())
    pre_stop = lifecycle.get("preStop") or {}
    _kube.check_fields(pre_stop, f"{where}.preStop", {"exec"}, set())
    exec_ = pre_stop.get("exec") or {}
    _kube.check_fields(exec_, f"{where}.preStop.exec", {"command"}, set())
    command = exec_.get("command") or []
    if pre_stop and (not isinstance(command, list) or not command or not all(isinstance(a, str) for a in command)):
        raise UnsupportedSpec(f"{where}.preStop.exec.command: {command!r} is not a list of strings")
    return tuple(command)


def _security(template: PodTemplate) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    pod = template.pod_spec.get("securityContext") or {}
    container = template.container.get("securityContext") or {}
    where = template.where
    _kube.check_fields(pod, f"{where} pod securityContext", POD_SECURITY_HONOURED, set())
    _kube.check_fields(container, f"{where} securityContext", CONTAINER_SECURITY_HONOURED, set(),
                       CONTAINER_SECURITY_NOOP)
    for name, ctx in (("pod securityContext", pod), ("securityContext", container)):
        armor = ctx.get("appArmorProfile")
        if armor and armor.get("type") != "Unconfined":
            raise UnsupportedSpec(f"{where} {name}.appArmorProfile: there is no AppArmor on this machine "
                                  "(only Unconfined can be honoured)")
    return pod, container


def _capabilities(container_ctx: Mapping[str, Any], where: str) -> list[str]:
    """containerd's rule: start from the default set; add ALL, drop ALL, then the individual adds and drops."""
    caps_spec = container_ctx.get("capabilities") or {}
    _kube.check_fields(caps_spec, f"{where} securityContext.capabilities", {"add", "drop"}, set())

    def norm(cap: str) -> str:
        cap = str(cap).upper()
        full = cap if cap.startswith("CAP_") else f"CAP_{cap}"
        if cap != "ALL" and full not in _runc.ALL_CAPABILITIES:
            raise UnsupportedSpec(f"{where} securityContext.capabilities: unknown capability {cap!r}")
        return full

    add = [str(c).upper() for c in caps_spec.get("add") or []]
    drop = [str(c).upper() for c in caps_spec.get("drop") or []]
    caps = list(_runc.DEFAULT_CAPABILITIES)
    if "ALL" in add:
        caps = list(_runc.ALL_CAPABILITIES)
    if "ALL" in drop:
        caps = []
    for cap in add:
        if cap != "ALL" and norm(cap) not in caps:
            caps.append(norm(cap))
    for cap in drop:
        if cap != "ALL":
            full = norm(cap)
            caps = [c for c in caps if c != full]
    return caps


def _resources(template: PodTemplate) -> dict[str, Any]:
    where = f"{template.where} resources"
    spec = template.container.get("resources") or {}
    _kube.check_fields(spec, where, {"limits", "requests"}, set())
    limits, requests = spec.get("limits") or {}, spec.get("requests") or {}
    for kind, values in (("limits", limits), ("requests", requests)):
        _kube.check_fields(values, f"{where}.{kind}", RESOURCE_NAMES, set())
    result: dict[str, Any] = {"devices": [{"allow": False, "access": "rwm"}]}
    cpu: dict[str, Any] = {}
    if "cpu" in limits:
        millis = parse_quantity(limits["cpu"], f"{where}.limits.cpu") * 1000
        period = 100_000
        cpu.update(period=period, quota=max(1000, int((millis * period / 1000).to_integral_value(ROUND_CEILING))))
    # The kubelet: requests default to limits; shares = milliCPU * 1024 / 1000, at least 2.
    cpu_request = requests.get("cpu", limits.get("cpu"))
    if cpu_request is not None:
        millis = parse_quantity(cpu_request, f"{where}.requests.cpu") * 1000
        cpu["shares"] = max(2, int(millis * 1024 / 1000))
    if cpu:
        result["cpu"] = cpu
    if "memory" in limits:
        memory = int(parse_quantity(limits["memory"], f"{where}.limits.memory"))
        result["memory"] = {"limit": memory, "swap": memory}  # no swap, as the kubelet sets it
    return result


def _probes(template: PodTemplate) -> tuple[Probe, ...]:
    result = []
    for kind in ("startupProbe", "livenessProbe", "readinessProbe"):
        probe = template.container.get(kind)
        if probe is None:
            continue
        where = f"{template.where} {kind}"
        _kube.check_fields(probe, where, {"httpGet", "tcpSocket"} | PROBE_TIMING, set())
        handlers = sorted(set(probe) - PROBE_TIMING)
        if len(handlers) != 1:
            raise UnsupportedSpec(f"{where}: needs exactly one handler, got {handlers}")
        timing = {**DEFAULT_PROBE, **{k: probe[k] for k in DEFAULT_PROBE if k in probe}}
        if kind in ("startupProbe", "livenessProbe") and int(timing["successThreshold"]) != 1:
            raise UnsupportedSpec(f"{where}.successThreshold must be 1 (the API server refuses anything else)")
        if "httpGet" in probe:
            get = probe["httpGet"]
            _kube.check_fields(get, f"{where}.httpGet", {"path", "port", "scheme", "httpHeaders", "host"}, set())
            scheme = str(get.get("scheme", "HTTP")).upper()
            if scheme not in ("HTTP", "HTTPS"):
                raise UnsupportedSpec(f"{where}.httpGet.scheme {scheme!r}")
            headers = tuple((str(h["name"]), str(h["value"])) for h in get.get("httpHeaders") or [])
            handler, port_spec, host, path = "http", get["port"], get.get("host"), str(get.get("path", "/"))
        else:
            tcp = probe["tcpSocket"]
            _kube.check_fields(tcp, f"{where}.tcpSocket", {"port", "host"}, set())
            scheme, headers, handler, port_spec, host, path = "", (), "tcp", tcp["port"], tcp.get("host"), ""
        grace = probe.get("terminationGracePeriodSeconds")
        result.append(Probe(kind, handler, _kube.port_by_name(template, port_spec), host, path, scheme, headers,
                            float(timing["initialDelaySeconds"]), float(timing["periodSeconds"]),
                            float(timing["timeoutSeconds"]), int(timing["successThreshold"]),
                            int(timing["failureThreshold"]), None if grace is None else float(grace)))
    return tuple(result)


def _argv(template: PodTemplate, layout: _images.ImageLayout, env: Mapping[str, str]) -> list[str]:
    """Kubernetes: command replaces ENTRYPOINT (and drops CMD); args alone replace CMD; $(VAR) from the container's
    env."""
    command = [_kube.expand(str(part), env) for part in template.container.get("command") or []]
    args = [_kube.expand(str(part), env) for part in template.container.get("args") or []]
    argv = command + args if command else list(layout.entrypoint) + (args or list(layout.cmd))
    if not argv:
        raise UnsupportedSpec(f"{template.where}: no command, and the image has neither ENTRYPOINT nor CMD")
    return argv


def _resolve_env(template: PodTemplate, store: ObjectStore, kubernetes_ip: str | None) -> dict[str, str]:
    """The kubelet's environment: service links, then the container's env in order with $(VAR) expansion; the
    `kubernetes` Service's links with its real IP when given."""
    resolved = _kube.resolve_env(template, store)  # every entry checked, every valueFrom read
    if kubernetes_ip is None:
        return resolved.values
    enabled = bool(template.pod_spec.get("enableServiceLinks", True))
    # The links of the `kubernetes` Service alone (always first, whatever enableServiceLinks says), and its stand-in IP.
    kube_links = _kube.service_link_env(ObjectStore([]), template.namespace, False)
    stand_in = kube_links["KUBERNETES_SERVICE_HOST"]
    values = _kube.service_link_env(store, template.namespace, enabled)
    values.update({name: kubernetes_ip if value == stand_in else value.replace(f"//{stand_in}:", f"//{kubernetes_ip}:")
                   for name, value in kube_links.items()})
    for entry in template.container.get("env") or []:
        name = str(entry["name"])
        if "valueFrom" in entry:
            value = _kube._value_from(entry["valueFrom"], f"{template.where} env {name}", template.namespace, store)
            if value is None:  # optional and missing: the kubelet leaves the variable out
                continue
        else:
            value = _kube.expand(str(entry.get("value", "")), values)
        values[name] = value
    return values


def _parse_container(template: PodTemplate, store: ObjectStore, *, init: bool,
                     kubernetes_ip: str | None = None) -> ContainerSpec:
    where = template.where
    honoured = INIT_CONTAINER_HONOURED if init else CONTAINER_HONOURED
    _kube.check_fields(template.container, where, honoured, CONTAINER_IGNORED, _kube.CONTAINER_NOOP_VALUES)
    layout = _images.layout_for(str(template.container.get("image", "")), where)
    pod_ctx, ctx = _security(template)

    def pick(key: str) -> Any:
        return ctx.get(key, pod_ctx.get(key))

    uid = int(pick("runAsUser") if pick("runAsUser") is not None else layout.user)
    entry = layout.passwd_entry(uid)
    # No runAsGroup: the primary group of the uid's /etc/passwd entry in the image, else 0 (containerd).
    gid = int(pick("runAsGroup")) if pick("runAsGroup") is not None else (int(entry[3]) if entry else 0)
    if pick("runAsNonRoot") and uid == 0:
        # The kubelet's own check: CreateContainerConfigError, the container never starts.
        raise UnsupportedSpec(f"{where}: securityContext.runAsNonRoot: container has runAsNonRoot and image will run "
                              "as root; the kubelet refuses to start it")
    gids = [gid]
    if entry and pod_ctx.get("supplementalGroupsPolicy", "Merge") == "Merge":
        gids += layout.groups_of(entry[0])
    gids += [int(g) for g in pod_ctx.get("supplementalGroups") or []]
    if pod_ctx.get("fsGroup") is not None:
        gids.append(int(pod_ctx["fsGroup"]))
    if pod_ctx.get("supplementalGroupsPolicy", "Merge") not in ("Merge", "Strict"):
        raise UnsupportedSpec(f"{where}: supplementalGroupsPolicy {pod_ctx['supplementalGroupsPolicy']!r}")
    additional = tuple(dict.fromkeys(gids))

    caps = _capabilities(ctx, where)
    seccomp_spec = pick("seccompProfile") or {"type": "Unconfined"}
    _kube.check_fields(seccomp_spec, f"{where} seccompProfile", {"type", "localhostProfile"}, set())
    seccomp: Mapping[str, Any] | None
    if seccomp_spec["type"] == "RuntimeDefault":
        seccomp = _runc.runtime_default_seccomp(caps)
    elif seccomp_spec["type"] == "Unconfined":
        seccomp = None
    else:
        raise UnsupportedSpec(f"{where} seccompProfile.type {seccomp_spec['type']!r}: only RuntimeDefault and "
                              "Unconfined are honoured (no Localhost profiles here)")

    resolved = _resolve_env(template, store, kubernetes_ip)
    env = dict(layout.env)
    env.update(resolved)
    home = entry[5] if entry else "/"
    env.setdefault("HOME", home)
    argv = _argv(template, layout, resolved)
    cwd = str(template.container.get("workingDir") or layout.working_dir)
    if not cwd.startswith("/"):
        raise UnsupportedSpec(f"{where}: workingDir {cwd!r} must be absolute")
    ports = []
    for port in template.container.get("ports") or []:
        _kube.check_fields(port, f"{where} port", {"containerPort", "name", "protocol"}, set())
        if str(port.get("protocol", "TCP")) not in ("TCP", "UDP"):
            raise UnsupportedSpec(f"{where} port {port}: protocol {port.get('protocol')!r}")
        ports.append(int(port["containerPort"]))
    return ContainerSpec(
        template=template, layout=layout, argv=tuple(argv), env=tuple(env.items()), cwd=cwd, uid=uid, gid=gid,
        additional_gids=additional, capabilities=tuple(caps),
        no_new_privileges=ctx.get("allowPrivilegeEscalation") is False,
        readonly_root=bool(ctx.get("readOnlyRootFilesystem", False)), seccomp=seccomp,
        resources=_resources(template), mounts=tuple(_kube.mounts(template, service_account_volumes=True)),
        probes=() if init else _probes(template), ports=tuple(ports), pre_stop=() if init else _pre_stop(template))


def _workload_pod(workload: Manifest, default_namespace: str) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    """(pod template metadata, pod spec) of a workload, its workload-level fields checked."""
    kind = str(workload.get("kind"))
    if kind not in _kube.WORKLOAD_SPEC_FIELDS:
        raise UnsupportedSpec(f"{kind} {workload.get('metadata', {}).get('name')}: the pod runner runs the pod of a "
                              f"{'/'.join(_kube.WORKLOAD_SPEC_FIELDS)}")
    spec = workload.get("spec") or {}
    where = f"{kind} {_kube.namespace_of(workload, default_namespace)}/{workload['metadata']['name']}"
    _kube.check_fields(spec, f"{where} spec", *_kube.WORKLOAD_SPEC_FIELDS[kind])
    if kind == "CronJob":
        job_spec = (spec.get("jobTemplate") or {}).get("spec") or {}
        _kube.check_fields(job_spec, f"{where} jobTemplate.spec", *_kube.WORKLOAD_SPEC_FIELDS["Job"])
        template = job_spec.get("template") or {}
    else:
        template = spec.get("template") or {}
    _kube.check_fields(template, f"{where} template", {"metadata", "spec"}, set())
    pod_spec = template.get("spec") or {}
    _kube.check_fields(pod_spec, f"{where} pod spec", POD_HONOURED, POD_IGNORED, POD_NOOP_VALUES)
    return template.get("metadata") or {}, pod_spec


# ---------------------------------------------------------------------------------------------------------------------
# Volumes, as the kubelet lays them out.

_RW_MASK, _RO_MASK, _EXEC_MASK = 0o660, 0o440, 0o110


def _change_permission(path: str, fs_group: int, readonly: bool) -> None:
    """The kubelet's SetVolumeOwnership for one file: group fsGroup, group rw (ro: r), directories setgid and x."""
    info = os.lstat(path)
    os.lchown(path, -1, fs_group)
    if os.path.islink(path):
        return
    mask = _RO_MASK if readonly else _RW_MASK
    if os.path.isdir(path):
        mask |= 0o2000 | _EXEC_MASK
    os.chmod(path, (info.st_mode & 0o7777) | mask)


def apply_fs_group(root: pathlib.Path, fs_group: int, *, readonly: bool, policy: str) -> bool:
    """Recursive ownership change; with OnRootMismatch only if the root's group or permissions differ. Returns whether
    it changed anything."""
    if policy == "OnRootMismatch":
        info = root.stat()
        want = _RO_MASK if readonly else _RW_MASK
        if info.st_gid == fs_group and info.st_mode & want == want and info.st_mode & 0o2000:
            return False
    for dirpath, dirnames, filenames in os.walk(root):
        _change_permission(dirpath, fs_group, readonly)
        for name in [*dirnames, *filenames]:
            full = os.path.join(dirpath, name)
            if os.path.islink(full) or not os.path.isdir(full):
                _change_permission(full, fs_group, readonly)
    return True


def write_atomic_volume(root: pathlib.Path, files: Mapping[str, _kube.VolumeFile],
                        owners: Mapping[str, int] | None = None) -> None:
    """The kubelet's AtomicWriter layout: files in a timestamped folder, `..data` pointing at it, and a symlink per
    top-level entry through `..data`. `owners`: the uid of a file that has one (a token's fsUser); others are
    root's."""
    stamp = time.strftime("..%Y_%m_%d_%H_%M_%S.", time.gmtime()) + "".join(random.choices(string.digits, k=9))
    data_dir = root / stamp
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    for relative, file in files.items():
        target = data_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
        target.chmod(file.mode & 0o7777)
        if owners and relative in owners:
            os.chown(target, owners[relative], -1)
    (root / "..data").symlink_to(stamp)
    for top in sorted({relative.split("/")[0] for relative in files}):
        (root / top).symlink_to(f"..data/{top}")


class ClusterObjects(ObjectStore):
    """The caller's objects, plus what every namespace of a cluster has: the ``kube-root-ca.crt`` ConfigMap (from
    `root_ca`, when given and the store has none)."""

    def __init__(self, store: ObjectStore, root_ca: str | None) -> None:
        super().__init__([], default_namespace=store.default_namespace)
        self.store = store
        self.root_ca = root_ca

    def get(self, kind: str, namespace: str, name: str) -> Manifest | None:
        found = self.store.get(kind, namespace, name)
        if found is None and self.root_ca is not None and (kind, name) == ("ConfigMap", ROOT_CA_CONFIG_MAP):
            return {"apiVersion": "v1", "kind": "ConfigMap",
                    "metadata": {"name": ROOT_CA_CONFIG_MAP, "namespace": namespace}, "data": {"ca.crt": self.root_ca}}
        return found

    def of_kind(self, kind: str, namespace: str | None = None) -> list[Manifest]:
        return self.store.of_kind(kind, namespace)


def fs_user(pod_spec: Mapping[str, Any]) -> int | None:
    """The kubelet's FsUserFrom: the effective runAsUser (the container's, else the pod's securityContext) when
    every init and main container has one and it is the same; else None."""
    pod_user = (pod_spec.get("securityContext") or {}).get("runAsUser")
    users = {(c.get("securityContext") or {}).get("runAsUser", pod_user)
             for c in [*(pod_spec.get("initContainers") or []), *(pod_spec.get("containers") or [])]}
    (user,) = users if len(users) == 1 else (None,)
    return None if user is None else int(user)


@dataclasses.dataclass(frozen=True)
class PodIdentity:
    """What the kubelet knows of a pod when it projects its volumes."""

    name: str
    namespace: str
    service_account: str
    fs_user: int | None
    fs_group: int | None


def projected_files(volume: _kube.VolumeSource, pod: PodIdentity, objects: ObjectStore, tokens: TokenSource | None,
                    where: str) -> tuple[dict[str, _kube.VolumeFile], dict[str, int]]:
    """The files of a projected volume (relative path -> file) and the owners of those that have one, as the kubelet's
    projected plugin collects them: Secret and ConfigMap sources, the service account's token, the downward API."""
    default_mode = int(volume.spec.get("defaultMode", _kube.DEFAULT_FILE_MODE))
    files: dict[str, _kube.VolumeFile] = {}
    owners: dict[str, int] = {}
    for projection in volume.spec.get("sources") or []:
        (kind, spec), = projection.items()
        spec = spec or {}
        found: dict[str, _kube.VolumeFile]
        if kind == "serviceAccountToken":
            source_where = f"{where}: volume {volume.name!r} projected serviceAccountToken"
            _kube.check_fields(spec, source_where, TOKEN_SOURCE_FIELDS, set())
            if tokens is None:
                raise UnsupportedSpec(f"{source_where}: serviceAccountToken: the runner has no token issuer "
                                      "(PodRunner(tokens=...))")
            if spec.get("audience"):
                raise UnsupportedSpec(f"{source_where}.audience {spec['audience']!r}: the token issuer's tokens are "
                                      "for the API server only")
            key = (pod.namespace, pod.service_account)
            if callable(tokens):
                token = tokens(*key)
            elif key in tokens:
                token = tokens[key]
            else:
                raise HarnessError(f"{source_where}: no token for ServiceAccount {key[0]}/{key[1]} in the tokens given")
            # When FsGroup is set, the kubelet counts on the volume's ownership change to make 0600 into 0640.
            mode = 0o600 if pod.fs_user is not None or pod.fs_group is not None else default_mode
            found = {str(spec["path"]): _kube.VolumeFile(token.encode(), mode)}
            if pod.fs_user is not None:
                owners[str(spec["path"])] = pod.fs_user
        elif kind == "downwardAPI":
            found = {}
            values = {"metadata.name": pod.name, "metadata.namespace": pod.namespace,
                      "spec.serviceAccountName": pod.service_account}
            for item in spec.get("items") or []:
                item_where = f"{where}: volume {volume.name!r} downwardAPI item {item.get('path')!r}"
                _kube.check_fields(item, item_where, DOWNWARD_ITEM_FIELDS, set())
                ref = item.get("fieldRef") or {}
                _kube.check_fields(ref, f"{item_where} fieldRef", {"apiVersion", "fieldPath"}, set())
                field = str(ref.get("fieldPath"))
                if field not in values:
                    raise UnsupportedSpec(f"{item_where}: fieldRef.fieldPath {field!r} has no value here (the runner "
                                          f"knows {sorted(values)})")
                found[str(item["path"])] = _kube.VolumeFile(values[field].encode(),
                                                            int(item.get("mode", default_mode)))
        else:
            found = _kube._object_files(kind, spec["name"], spec, default_mode, volume.name, pod.namespace, objects,
                                        where) or {}
        clash = sorted(set(files) & set(found))
        if clash:
            raise HarnessError(f"{where}: projected volume {volume.name!r} writes {clash} twice")
        files.update(found)
    return files, owners


# ---------------------------------------------------------------------------------------------------------------------
# The running pod.

@dataclasses.dataclass
class ContainerStatus:
    """One container of a running pod, as `kubectl get pod -o yaml` would show it."""

    name: str
    restart_count: int = -1  # -1 until the first start
    state: str = "waiting"  # waiting, running, terminated
    started: bool = False  # the startup probe passed (or there is none)
    ready: bool = False
    pid: int | None = None  # host pid of the container's first process
    container_id: str | None = None
    exit_codes: list[int] = dataclasses.field(default_factory=list)
    instance: int = -1  # the current run's number: 0 for the first, +1 per restart


class _Instance:
    """One run of a container (a restart is a new instance, with a fresh root filesystem)."""

    def __init__(self, number: int, container_id: str, bundle: pathlib.Path, log_path: pathlib.Path) -> None:
        self.number = number
        self.container_id = container_id
        self.bundle = bundle
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None
        self.log: IO[bytes] | None = None
        self.pid: int | None = None
        self.started_at = 0.0
        self.done = threading.Event()  # the instance ended (or is being ended)
        self.kill_reason: str | None = None


_LIVE_PODS: dict[str, RunningPod] = {}
_LIVE_LOCK = threading.Lock()


def stop_all_live() -> list[str]:
    """Stop every pod still running (the session check's last resort); returns their names."""
    with _LIVE_LOCK:
        pods = list(_LIVE_PODS.values())
    for pod in pods:
        pod.stop(grace=0)
    return [pod.name for pod in pods]


# Last line of defence when the interpreter ends without the fixtures' finalizers: runc containers would outlive it.
atexit.register(stop_all_live)


class RunningPod:
    """One pod started by :meth:`PodRunner.run`. `ready` is the pod's Ready condition; `on_ready(pod, ready)` is
    called on every change of it (from a prober thread: keep it short)."""

    def __init__(self, *, runner: PodRunner, kind: str, workload: str, name: str, namespace: str,
                 labels: Mapping[str, str], pod_spec: Mapping[str, Any], init_specs: Sequence[ContainerSpec],
                 specs: Sequence[ContainerSpec], pod_dir: pathlib.Path, pod_ip: str, netns_path: str,
                 probe_netns: str | None, private_netns: str | None, pvc_root: pathlib.Path,
                 on_ready: ReadyCallback | None, after_init: InitCallback | None = None) -> None:
        self.runner = runner
        self.kind = kind
        self.workload = workload
        self.name = name
        self.namespace = namespace
        self.labels = dict(labels)
        self.pod_spec = pod_spec
        self.init_specs = list(init_specs)
        self.specs = {spec.name: spec for spec in specs}
        self.pod_dir = pod_dir
        self.pod_ip = pod_ip
        self.netns_path = netns_path
        self.probe_netns = probe_netns  # probes run inside this netns (None: from the host, to pod_ip)
        self.private_netns = private_netns
        self.pvc_root = pvc_root
        self.on_ready = on_ready
        self.after_init = after_init
        self.restart_policy = str(pod_spec.get("restartPolicy", "Always"))
        self.grace_period = float(pod_spec.get("terminationGracePeriodSeconds", 30))
        self.status = {spec.name: ContainerStatus(spec.name) for spec in specs}
        self.init_exit_codes: dict[str, int] = {}
        deadline = pod_spec.get("activeDeadlineSeconds")
        self.active_deadline = None if deadline is None else float(deadline)
        self.reason: str | None = None  # the pod's status.reason once it failed (DeadlineExceeded)
        self.events: list[tuple[float, str, str]] = []
        self.cgroup_parent = f"{runner.cgroup_parent}/{name}"
        self.tmpfs_mounts: list[pathlib.Path] = []
        self._lock = threading.RLock()
        self._start_lock = threading.Lock()
        self._stopping = threading.Event()
        self._instances: dict[str, _Instance] = {}
        self._threads: list[threading.Thread] = []
        self._ready = False
        self._published_ready = False  # what `ready` and wait_ready() see: only after on_ready has run
        self._stopped = False

    # -- public API ---------------------------------------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        return self._published_ready

    @property
    def hostname(self) -> str:
        return str(self.pod_spec.get("hostname") or self.name)

    def pid(self, container: str) -> int:
        """Host pid of the container's first process (its pid 1), while it runs."""
        pid = self.status[container].pid
        if pid is None or self.status[container].state != "running":
            raise HarnessError(f"pod {self.name}: container {container!r} is not running")
        return pid

    def restart_count(self, container: str) -> int:
        return max(0, self.status[container].restart_count)

    def cgroup(self, container: str) -> str:
        """The container's current cgroupsPath, without the leading /."""
        return f"{self.cgroup_parent}/{container}-{self.status[container].instance}"

    def cgroup_file(self, container: str, controller: str, name: str) -> pathlib.Path:
        return _runc.controller_file(self.cgroup(container), controller, name)

    def log(self, container: str, *, previous: bool = False) -> str:
        """The container's output (current instance; previous=True: the one before, as `kubectl logs -p`)."""
        number = self.status[container].instance - (1 if previous else 0)
        path = self.pod_dir / "logs" / f"{container}-{number}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def init_log(self, container: str) -> str:
        path = self.pod_dir / "logs" / f"init-{container}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def volume_path(self, volume: str) -> pathlib.Path:
        """The host folder of one of the pod's volumes."""
        for spec in self.specs.values():
            for mount in spec.mounts:
                if mount.volume.name == volume:
                    return self._volume_root(mount.volume)
        return self.pod_dir / "volumes" / volume

    def wait_ready(self, timeout: float) -> RunningPod:
        self._wait(lambda: self._published_ready, timeout, "Ready")
        return self

    def wait_restarted(self, container: str, count: int, timeout: float) -> RunningPod:
        self._wait(lambda: self.status[container].restart_count >= count
                   and self.status[container].state == "running", timeout, f"{container} restarted {count}x")
        return self

    def wait(self, timeout: float) -> dict[str, int]:
        """A Job's pod: wait until every container ended for good; their exit codes."""
        def finished() -> bool:
            return all(s.state == "terminated" and not self._will_restart(s) for s in self.status.values())
        self._wait(finished, timeout, "all containers terminated")
        return {name: s.exit_codes[-1] for name, s in self.status.items()}

    def stop(self, *, grace: float | None = None) -> None:
        """Delete the pod: SIGTERM every container, SIGKILL after `grace` (terminationGracePeriodSeconds), then remove
        its containers, cgroups, tmpfs mounts and its private network namespace."""
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self._stopping.set()
        grace = self.grace_period if grace is None else grace
        # A deleted pod's endpoints are not ready at once (the endpointslice controller sees the deletion), while the
        # kubelet runs the preStop hooks and then sends SIGTERM: both start together.
        self._set_ready(False)
        deadline = time.monotonic() + grace
        with self._start_lock:
            names = list(self._instances)
        self._run_pre_stop_hooks(names, grace)
        # The kubelet gives the containers what is left of the grace period after the hooks, at least 2 s.
        remaining = max(deadline - time.monotonic(), 2.0) if grace > 0 else 0.0
        for name in names:
            self._kill_instance(name, remaining)
        for thread in self._threads:
            thread.join(timeout=grace + 15)
        self._teardown()

    def _run_pre_stop_hooks(self, names: Sequence[str], grace: float) -> None:
        """Every running container's preStop exec at once (`runc exec` with the container's own process settings,
        the hook's command instead of its own), each cut off at the grace period; the output goes to the event
        log. A failing hook does not stop the deletion (as the kubelet)."""
        if grace <= 0:
            return
        hooks = []
        for name in names:
            spec, instance = self.specs.get(name), self._instances.get(name)
            if spec is None or not spec.pre_stop or instance is None or instance.process is None \
                    or instance.process.poll() is not None:
                continue
            config = json.loads((instance.bundle / "config.json").read_text())
            process = {**config["process"], "args": list(spec.pre_stop), "terminal": False}
            process_file = instance.bundle / "pre-stop.json"
            process_file.write_text(json.dumps(process))
            hooks.append((name, self.runner.runc.exec(instance.container_id, process_file)))
        deadline = time.monotonic() + grace
        for name, hook in hooks:
            try:
                output, _ = hook.communicate(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                hook.kill()
                output, _ = hook.communicate()
                self.event(name, "preStop hook cut off at the grace period")
                continue
            self.event(name, f"preStop hook exited {hook.returncode}"
                             + (f": {output.decode(errors='replace')[-500:]}" if hook.returncode else ""))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    # -- starting -----------------------------------------------------------------------------------------------------

    def start(self) -> None:
        with _LIVE_LOCK:
            _LIVE_PODS[self.name] = self
        try:
            if self.active_deadline is not None:
                watch = threading.Thread(target=self._enforce_deadline, args=(self.active_deadline,),
                                         name=f"deadline-{self.name}", daemon=True)
                self._threads.append(watch)
                watch.start()
            for spec in self.init_specs:
                if self.reason:
                    raise HarnessError(f"pod {self.name} failed before {spec.template.where} ran: {self.reason}")
                self._run_init(spec)
            for spec in self.specs.values():
                with self._start_lock:
                    if self._stopping.is_set():
                        break
                instance = self._start_instance(spec)
                thread = threading.Thread(target=self._supervise, args=(spec, instance),
                                          name=f"pod-{self.name}-{spec.name}", daemon=True)
                self._threads.append(thread)
                thread.start()
        except BaseException:
            self.stop(grace=0)
            raise

    def _run_init(self, spec: ContainerSpec) -> None:
        log_path = self.pod_dir / "logs" / f"init-{spec.name}.log"
        instance = self._new_instance(spec, log_path=log_path)
        self._launch(spec, instance)
        assert instance.process is not None
        try:
            code = instance.process.wait(timeout=self.runner.init_timeout)
        except subprocess.TimeoutExpired:
            self._kill_instance(spec.name, 0)
            raise HarnessError(f"{spec.template.where} did not finish within {self.runner.init_timeout:.0f} s; "
                               f"its output:\n{self.init_log(spec.name)[-4000:]}") from None
        self._reap(spec.name, instance)
        self.init_exit_codes[spec.name] = code
        self.event(spec.name, f"init container exited with {code}")
        if self.after_init is not None:
            self.after_init(spec.name, code)
        failed = f" and the pod failed: {self.reason}" if self.reason else ""
        if code != 0 or self.reason:
            raise HarnessError(f"{spec.template.where} exited with {code}{failed}; its output:\n"
                               f"{self.init_log(spec.name)[-4000:]}")

    def _new_instance(self, spec: ContainerSpec, *, log_path: pathlib.Path | None = None) -> _Instance:
        status = self.status.get(spec.name)
        number = (status.instance + 1) if status is not None else 0
        bundle = self.pod_dir / "containers" / f"{spec.name}-{number}"
        bundle.mkdir(parents=True)
        container_id = f"{self.runner.id_prefix}-{self.name}-{spec.name}-{number}"
        return _Instance(number, container_id, bundle,
                         log_path or self.pod_dir / "logs" / f"{spec.name}-{number}.log")

    def _start_instance(self, spec: ContainerSpec) -> _Instance:
        instance = self._new_instance(spec)
        status = self.status[spec.name]
        self._launch(spec, instance)
        with self._lock:
            status.instance = instance.number
            status.restart_count += 1
            status.state = "running"
            status.pid = instance.pid
            status.container_id = instance.container_id
            status.started = not any(p.kind == "startupProbe" for p in spec.probes)
            status.ready = status.started and not any(p.kind == "readinessProbe" for p in spec.probes)
        self._update_ready()
        self.event(spec.name, f"started (restart {status.restart_count}, pid {instance.pid})")
        for probe in spec.probes:
            thread = threading.Thread(target=self._probe_loop, args=(spec, instance, probe),
                                      name=f"probe-{self.name}-{spec.name}-{probe.kind}", daemon=True)
            self._threads.append(thread)
            thread.start()
        return instance

    def _launch(self, spec: ContainerSpec, instance: _Instance) -> None:
        rootfs = instance.bundle / "rootfs"
        rootfs.mkdir()
        image_mounts = _images.build_rootfs(spec.layout, rootfs)
        config = self._oci_config(spec, instance, image_mounts)
        (instance.bundle / "config.json").write_text(json.dumps(config, indent=1))
        instance.log_path.parent.mkdir(parents=True, exist_ok=True)
        instance.log = instance.log_path.open("ab")
        self._instances[spec.name] = instance
        instance.process = self.runner.runc.run(instance.container_id, instance.bundle, instance.log)
        pid_file = instance.bundle / "container.pid"
        deadline = time.monotonic() + 20
        while True:
            if pid_file.exists() and pid_file.read_text().strip():
                instance.pid = int(pid_file.read_text().strip())
                instance.started_at = time.monotonic()
                return
            if instance.process.poll() is not None:
                if pid_file.exists() and pid_file.read_text().strip():
                    continue  # it ran and ended already: a quick init container
                output = instance.log_path.read_text(errors="replace")[-3000:]
                self._reap(spec.name, instance)
                raise HarnessError(f"{spec.template.where}: runc could not start the container "
                                   f"(exit {instance.process.returncode}):\n{output}")
            if time.monotonic() > deadline:
                self._kill_instance(spec.name, 0)
                raise HarnessError(f"{spec.template.where}: runc did not start the container within 20 s")
            time.sleep(0.01)

    def _oci_config(self, spec: ContainerSpec, instance: _Instance,
                    image_mounts: list[dict[str, Any]]) -> dict[str, Any]:
        config = _runc.base_config(
            args=spec.argv, env=[f"HOSTNAME={self.hostname}", *(f"{k}={v}" for k, v in spec.env if k != "HOSTNAME")],
            cwd=spec.cwd, uid=spec.uid, gid=spec.gid, additional_gids=spec.additional_gids,
            capabilities=spec.capabilities, no_new_privileges=spec.no_new_privileges,
            readonly_root=spec.readonly_root, hostname=self.hostname, netns_path=self.netns_path)
        mounts: list[dict[str, Any]] = config["mounts"]
        mounts += image_mounts
        etc_ro = ["rbind", "ro"] if spec.readonly_root else ["rbind", "rw"]
        mounts += [
            {"destination": "/etc/hosts", "type": "bind", "source": str(self.pod_dir / "etc-hosts"),
             "options": ["rbind", "rw"]},
            {"destination": "/etc/hostname", "type": "bind", "source": str(self.pod_dir / "hostname"),
             "options": etc_ro},
            {"destination": "/etc/resolv.conf", "type": "bind", "source": str(self.pod_dir / "resolv.conf"),
             "options": etc_ro},
        ]
        # Parents before children, as the kubelet/containerd order them; mountPath exactly as written.
        for mount in sorted(spec.mounts, key=lambda m: m.mount_path.count("/")):
            source = self._mount_source(spec, mount)
            read_only = mount.read_only or mount.volume.type in ("secret", "configMap", "projected") or bool(
                mount.volume.spec.get("readOnly"))
            mounts.append({"destination": mount.mount_path, "type": "bind", "source": str(source),
                           "options": ["rbind", "rprivate", "ro" if read_only else "rw"]})  # containerd's
        linux = config["linux"]
        linux["cgroupsPath"] = f"/{self.cgroup_parent}/{spec.name}-{instance.number}"
        linux["resources"] = dict(spec.resources)
        sysctls = (self.pod_spec.get("securityContext") or {}).get("sysctls") or []
        if sysctls:
            linux["sysctl"] = {str(s["name"]): str(s["value"]) for s in sysctls}
        if spec.seccomp is not None:
            linux["seccomp"] = dict(spec.seccomp)
        return config

    def _volume_root(self, volume: _kube.VolumeSource) -> pathlib.Path:
        if volume.type == "persistentVolumeClaim":
            return self.pvc_root / self.namespace / str(volume.spec["claimName"])
        return self.pod_dir / "volumes" / volume.name

    def _mount_source(self, spec: ContainerSpec, mount: MountSpec) -> pathlib.Path:
        root = self._volume_root(mount.volume)
        if not mount.sub_path:
            return root
        source = root / mount.sub_path
        if os.path.islink(source) or source.exists():
            resolved = pathlib.Path(os.path.realpath(source))
            if resolved != root.resolve() and root.resolve() not in resolved.parents:
                raise HarnessError(f"{spec.template.where}: subPath {mount.sub_path!r} leaves its volume")
            return resolved
        if mount.volume.type in ("secret", "configMap", "projected"):
            raise HarnessError(f"{spec.template.where}: subPath {mount.sub_path!r} does not exist in volume "
                               f"{mount.volume.name!r}")
        source.mkdir(parents=True, mode=0o755)  # the kubelet creates a missing subPath as a folder
        return source

    # -- supervision --------------------------------------------------------------------------------------------------

    def _will_restart(self, status: ContainerStatus) -> bool:
        if self._stopping.is_set() or not status.exit_codes:
            return False
        if self.restart_policy == "Always":
            return True
        return self.restart_policy == "OnFailure" and status.exit_codes[-1] != 0

    def _supervise(self, spec: ContainerSpec, instance: _Instance) -> None:
        status = self.status[spec.name]
        while True:
            assert instance.process is not None
            code = instance.process.wait()
            self._reap(spec.name, instance)
            with self._lock:
                status.exit_codes.append(code)
                status.state = "terminated"
                status.ready = False
                status.pid = None
            self._update_ready()
            reason = f" ({instance.kill_reason})" if instance.kill_reason else ""
            self.event(spec.name, f"exited with {code}{reason}")
            if not self._will_restart(status):
                return
            restarts = status.restart_count + 1
            delay = 0.0 if restarts <= 1 else min(BACKOFF_MAX, BACKOFF_INITIAL * 2 ** (restarts - 2))
            if delay:
                self.event(spec.name, f"back-off {delay:.0f} s restarting failed container")
            if self._stopping.wait(delay):
                return
            with self._start_lock:  # stop() takes it too: a container is never started behind its back
                if self._stopping.is_set():
                    return
                try:
                    instance = self._start_instance(spec)
                except HarnessError as error:
                    self.event(spec.name, f"restart failed: {error}")
                    return

    def _enforce_deadline(self, seconds: float) -> None:
        """The kubelet's activeDeadlineSeconds: the pod fails, every container is killed with the grace period, in
        parallel, and none is restarted or started."""
        if self._stopping.wait(seconds):
            return
        with self._start_lock:
            self.reason = "DeadlineExceeded"
            self._stopping.set()
            names = list(self._instances)
        self.event("", f"DeadlineExceeded: the pod was active longer than activeDeadlineSeconds ({seconds:g} s)")
        self._set_ready(False)
        killers = [threading.Thread(target=self._kill_instance, args=(name, self.grace_period, "DeadlineExceeded"),
                                    name=f"kill-{self.name}-{name}", daemon=True) for name in names]
        for killer in killers:
            killer.start()
        for killer in killers:
            killer.join()

    def _kill_instance(self, name: str, grace: float, reason: str | None = None,
                       instance: _Instance | None = None) -> None:
        """SIGTERM, SIGKILL after `grace` seconds: `instance`, or the container's current one."""
        instance = instance or self._instances.get(name)
        if instance is None or instance.process is None:
            return
        if reason and instance.kill_reason is None:
            instance.kill_reason = reason
        instance.done.set()
        runc = self.runner.runc
        if instance.process.poll() is None:
            runc.kill(instance.container_id, signal.SIGTERM)
            try:
                instance.process.wait(timeout=max(grace, 0.0))
            except subprocess.TimeoutExpired:
                runc.kill(instance.container_id, signal.SIGKILL)
                try:
                    instance.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(instance.process.pid, signal.SIGKILL)
                    instance.process.wait(timeout=10)

    def _reap(self, name: str, instance: _Instance) -> None:
        instance.done.set()
        if instance.process is not None and instance.process.poll() is None:
            self._kill_instance(name, 0, instance=instance)
        self.runner.runc.delete(instance.container_id)
        if instance.log is not None:
            instance.log.close()
            instance.log = None
        _runc.remove_cgroup_tree(f"{self.cgroup_parent}/{name}-{instance.number}")
        # The container's own layer is gone with it (a new instance gets a fresh one); only its log stays.
        shutil.rmtree(instance.bundle / "rootfs", ignore_errors=True)

    # -- probes -------------------------------------------------------------------------------------------------------

    def _probe_loop(self, spec: ContainerSpec, instance: _Instance, probe: Probe) -> None:
        status = self.status[spec.name]
        try:
            if self.probe_netns is not None:
                _runc.enter_netns(self.probe_netns)
        except OSError as error:
            self.event(spec.name, f"{probe.kind}: cannot enter the pod's network namespace: {error}")
            return
        successes = failures = 0
        while not instance.done.is_set():
            if probe.kind != "startupProbe" and not status.started:
                pass  # the kubelet runs neither liveness nor readiness before the startup probe succeeded
            elif probe.kind == "startupProbe" and status.started:
                return
            elif time.monotonic() - instance.started_at >= probe.initial_delay:
                ok, detail = self._probe_once(probe)
                if instance.done.is_set():
                    return
                if ok:
                    successes, failures = successes + 1, 0
                else:
                    successes, failures = 0, failures + 1
                    self.event(spec.name, f"{probe.kind} failed: {detail}")
                self._probe_result(spec, instance, probe, successes, failures)
            if instance.done.wait(probe.period):
                return

    def _probe_result(self, spec: ContainerSpec, instance: _Instance, probe: Probe, successes: int,
                      failures: int) -> None:
        status = self.status[spec.name]
        if probe.kind == "readinessProbe":
            changed = False
            with self._lock:
                if successes >= probe.success_threshold and not status.ready and status.state == "running":
                    status.ready, changed = True, True
                elif failures >= probe.failure_threshold and status.ready:
                    status.ready, changed = False, True
            if changed:
                self._update_ready()
            return
        if successes >= 1 and probe.kind == "startupProbe":
            with self._lock:
                status.started = True
                status.ready = not any(p.kind == "readinessProbe" for p in spec.probes)
            self.event(spec.name, "startup probe succeeded")
            self._update_ready()
        elif failures >= probe.failure_threshold:
            grace = self.grace_period if probe.termination_grace is None else probe.termination_grace
            what = "liveness" if probe.kind == "livenessProbe" else "startup"
            self.event(spec.name, f"killing: {what} probe failed {failures}x, will be restarted")
            killer = threading.Thread(target=self._kill_instance,
                                      args=(spec.name, grace, f"{what} probe failed", instance),
                                      name=f"kill-{self.name}-{spec.name}", daemon=True)
            self._threads.append(killer)
            killer.start()
            instance.done.set()

    def _probe_once(self, probe: Probe) -> tuple[bool, str]:
        host = probe.host or self.pod_ip
        try:
            if probe.handler == "tcp":
                with socket.create_connection((host, probe.port), timeout=probe.timeout):
                    return True, ""
            conn: http.client.HTTPConnection
            if probe.scheme == "HTTPS":
                context = ssl.create_default_context()
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
                conn = http.client.HTTPSConnection(host, probe.port, timeout=probe.timeout, context=context)
            else:
                conn = http.client.HTTPConnection(host, probe.port, timeout=probe.timeout)
            try:
                headers = {"User-Agent": KUBE_PROBE_USER_AGENT, "Accept": "*/*", **dict(probe.headers)}
                conn.request("GET", probe.path, headers=headers)
                response = conn.getresponse()
                response.read(10 * 1024)
                code = response.status
            finally:
                conn.close()
            return 200 <= code < 400, f"HTTP {code}"
        except (OSError, http.client.HTTPException) as error:
            return False, f"{type(error).__name__}: {error}"

    # -- readiness ----------------------------------------------------------------------------------------------------

    def _update_ready(self) -> None:
        with self._lock:
            ready = not self._stopping.is_set() and all(
                s.state == "running" and s.ready for s in self.status.values())
        self._set_ready(ready)

    def _set_ready(self, ready: bool) -> None:
        with self._lock:
            if ready == self._ready:
                return
            self._ready = ready
        self.event("", f"pod {'Ready' if ready else 'not Ready'}")
        if not ready:
            self._published_ready = False
        if self.on_ready is not None:
            # Before Ready shows: a caller of wait_ready() may rely on what the callback does (the Service's
            # endpoints), as the endpointslice controller acts before clients see a ready endpoint.
            self.on_ready(self, ready)
        if ready:
            self._published_ready = True

    def event(self, container: str, message: str) -> None:
        with self._lock:
            self.events.append((time.monotonic(), container, message))

    def _wait(self, condition: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                recent = "\n".join(f"  {c or 'pod'}: {m}" for _, c, m in self.events[-15:])
                raise HarnessError(f"pod {self.name}: not {what} after {timeout:.0f} s; events:\n{recent}")
            time.sleep(0.05)

    # -- teardown -----------------------------------------------------------------------------------------------------

    def _teardown(self) -> None:
        for name, instance in list(self._instances.items()):
            self._reap(name, instance)
        left = _runc.remove_cgroup_tree(self.cgroup_parent)
        for target in reversed(self.tmpfs_mounts):
            _runc.unmount(target)
        self.tmpfs_mounts.clear()
        if self.private_netns:
            _runc.netns_delete(self.private_netns)
        with _LIVE_LOCK:
            _LIVE_PODS.pop(self.name, None)
        if left:
            raise HarnessError(f"pod {self.name}: cgroups left behind: {left}")


# ---------------------------------------------------------------------------------------------------------------------
# The runner.

class PodRunner:
    """Runs pods of the workloads in `store` under runc. `state_dir` is runc's --root; every container's cgroup is
    under /`cgroup_parent`/POD/ (one parent per runner; :meth:`close` removes it).

    The cluster around the pods (see "Service accounts" in the module's docstring): `tokens` issues service-account
    tokens (``tokens(namespace, service_account)``, or a mapping of those pairs); `root_ca` is the API server's CA
    (PEM), the ``kube-root-ca.crt`` ConfigMap of every namespace; `kubernetes_service_ip` is the ClusterIP of the
    ``kubernetes`` Service (namespace default, port 443) for the ``KUBERNETES_*`` variables."""

    _counter = itertools.count(1)

    def __init__(self, workdir: pathlib.Path, store: ObjectStore, *, state_dir: pathlib.Path | None = None,
                 cgroup_parent: str | None = None, init_timeout: float = 120.0, tokens: TokenSource | None = None,
                 root_ca: str | None = None, kubernetes_service_ip: str | None = None) -> None:
        self.workdir = workdir
        self.store = store
        self.objects = ClusterObjects(store, root_ca)
        self.tokens = tokens
        self.kubernetes_service_ip = kubernetes_service_ip
        self.number = next(self._counter)
        self.id_prefix = f"pr{os.getpid()}x{self.number}"
        self.cgroup_parent = cgroup_parent or f"pods-runner-{os.getpid()}/{self.id_prefix}"
        self.runc = _runc.Runc(state_dir or workdir / "runc-state")
        self.init_timeout = init_timeout
        self.pods: list[RunningPod] = []
        workdir.mkdir(parents=True, exist_ok=True)

    def workload(self, kind: str, name: str, namespace: str | None = None) -> Manifest:
        found = self.store.get(kind, namespace or self.store.default_namespace, name)
        if found is None:
            raise HarnessError(f"no {kind} {namespace or self.store.default_namespace}/{name} in the store")
        return found

    def run(self, workload_manifest: Manifest, *, netns_path: str | None = None, pod_ip: str | None = None,
            resolv_conf: str | None = None, hosts: str | Mapping[str, Sequence[str]] | None = None,
            pvc_root: pathlib.Path | None = None, on_ready: ReadyCallback | None = None,
            pod_name: str | None = None, after_init: InitCallback | None = None) -> RunningPod:
        """Start one pod of `workload_manifest`; returns once its init containers succeeded and its containers run.

        netns_path: the pod's network namespace (made by the network); `pod_ip` its address there (probes then
        connect from the host to it, as the kubelet does). Without pod_ip the namespace's first global IPv4 address is
        used and probes run inside the namespace. Without netns_path the runner makes a private namespace (lo up,
        PRIVATE_POD_IP on lo) and deletes it with the pod. resolv_conf: the file's content (default: ClusterFirst with
        DEFAULT_NAMESERVER). hosts: extra /etc/hosts entries (IP -> names) after the kubelet's, or the whole file's
        content (a str, e.g. the network's). pvc_root: where claims live (default WORKDIR/pvc), NAMESPACE/CLAIM below
        it. pod_name: the pod's name (default: generated as the workload's controller names it), for a network that
        registers the pod before it runs. after_init(name, exit_code): called after each init container ended.
        """
        namespace = _kube.namespace_of(workload_manifest, self.store.default_namespace)
        kind, workload = str(workload_manifest["kind"]), str(workload_manifest["metadata"]["name"])
        metadata, pod_spec = _workload_pod(workload_manifest, self.store.default_namespace)
        name = pod_name or self._pod_name(kind, workload, pod_spec)
        if not re.fullmatch(r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?", name):
            raise HarnessError(f"pod name {name!r} is not a DNS label")
        containers = list(pod_spec.get("containers") or [])
        if not containers:
            raise UnsupportedSpec(f"{kind} {namespace}/{workload}: the pod has no containers")
        where = f"{kind} {namespace}/{workload} pod"
        restart_policy = str(pod_spec.get("restartPolicy", "Always"))
        allowed = ("Never", "OnFailure") if kind in ("Job", "CronJob") else ("Always",)
        if restart_policy not in allowed:
            raise UnsupportedSpec(f"{where}: restartPolicy {restart_policy!r} (a {kind} needs {allowed})")
        if pod_spec.get("automountServiceAccountToken") is not False:
            raise UnsupportedSpec(f"{where}: automountServiceAccountToken is not false: the ServiceAccount admission "
                                  "would add a token volume to every container, which the runner does not do (mount a "
                                  "projected serviceAccountToken volume where it is used)")
        service_account = str(pod_spec.get("serviceAccountName") or pod_spec.get("serviceAccount") or "default")
        if service_account != "default" and self.store.get("ServiceAccount", namespace, service_account) is None:
            raise HarnessError(f"{where}: ServiceAccount {namespace}/{service_account} does not exist; the API server "
                               "would not admit the pod")
        if str(pod_spec.get("dnsPolicy", "ClusterFirst")) != "ClusterFirst":
            raise UnsupportedSpec(f"{where}: dnsPolicy {pod_spec.get('dnsPolicy')!r}: only ClusterFirst is honoured")
        templates = [PodTemplate(kind, workload, namespace, pod_spec, c, "init container")
                     for c in pod_spec.get("initContainers") or []]
        main = [PodTemplate(kind, workload, namespace, pod_spec, c, "container") for c in containers]
        kube_ip = self.kubernetes_service_ip
        init_specs = [_parse_container(t, self.objects, init=True, kubernetes_ip=kube_ip) for t in templates]
        specs = [_parse_container(t, self.objects, init=False, kubernetes_ip=kube_ip) for t in main]
        # Every volume of the pod is set up, used or not: a missing object keeps the pod from starting.
        volumes = _kube.volume_sources(main[0], service_account_volumes=True)
        fs_group = (pod_spec.get("securityContext") or {}).get("fsGroup")
        identity = PodIdentity(name, namespace, service_account, fs_user(pod_spec),
                               None if fs_group is None else int(fs_group))
        volume_files: dict[str, Mapping[str, _kube.VolumeFile] | None] = {}
        volume_owners: dict[str, dict[str, int]] = {}
        for vol_name, volume in volumes.items():
            if volume.type == "projected":
                volume_files[vol_name], volume_owners[vol_name] = projected_files(volume, identity, self.objects,
                                                                                  self.tokens, where)
            elif volume.type in ("secret", "configMap"):
                volume_files[vol_name] = _kube.volume_files(volume, namespace, self.objects, where)
        for volume in volumes.values():
            if volume.type == "persistentVolumeClaim" and self.store.get(
                    "PersistentVolumeClaim", namespace, str(volume.spec["claimName"])) is None:
                raise HarnessError(f"{where}: PersistentVolumeClaim {namespace}/{volume.spec['claimName']} does not "
                                   "exist; the pod would stay Pending")
            if volume.type == "emptyDir" and volume.spec.get("medium") not in (None, "", "Memory"):
                raise UnsupportedSpec(f"{where}: emptyDir medium {volume.spec['medium']!r}")
        for alias in pod_spec.get("hostAliases") or []:
            _kube.check_fields(alias, f"{where} hostAliases", {"ip", "hostnames"}, set())

        pod_dir = self.workdir / name
        pod_dir.mkdir(parents=True)
        (pod_dir / "logs").mkdir()
        private = None
        probe_netns: str | None = None
        if netns_path is None:
            private = f"{self.id_prefix}-{name}"[:60]
            netns_path = _runc.netns_add(private, PRIVATE_POD_IP)
            pod_ip, probe_netns = PRIVATE_POD_IP, netns_path
        elif pod_ip is None:
            pod_ip = _runc.first_ipv4(netns_path)
            if pod_ip is None:
                raise HarnessError(f"{where}: network namespace {netns_path} has no IPv4 address and no pod_ip was "
                                   "given: the kubelet's probes could not reach the pod")
            probe_netns = netns_path
        labels = dict(metadata.get("labels") or {})
        pod = RunningPod(runner=self, kind=kind, workload=workload, name=name, namespace=namespace, labels=labels,
                         pod_spec=pod_spec, init_specs=init_specs, specs=specs, pod_dir=pod_dir, pod_ip=pod_ip,
                         netns_path=netns_path, probe_netns=probe_netns, private_netns=private,
                         pvc_root=pvc_root or self.workdir / "pvc", on_ready=on_ready, after_init=after_init)
        self.pods.append(pod)
        try:
            self._write_etc(pod, resolv_conf, hosts)
            self._lay_out_volumes(pod, volumes, volume_files, volume_owners)
        except BaseException:
            pod.stop(grace=0)
            raise
        pod.start()
        return pod

    def close(self) -> None:
        """Stop every pod of this runner (SIGKILL at once) and remove the runner's cgroup parent."""
        for pod in self.pods:
            pod.stop(grace=0)
        _runc.remove_cgroup_tree(self.cgroup_parent)
        top = self.cgroup_parent.split("/")[0]
        for directory in _runc.cgroup_dirs(top):
            with contextlib.suppress(OSError):
                directory.rmdir()  # empty once no other runner of this process uses it

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- helpers ------------------------------------------------------------------------------------------------------

    def _pod_name(self, kind: str, workload: str, pod_spec: Mapping[str, Any]) -> str:
        suffix = "".join(random.choices(_NAME_CHARS, k=5))
        if kind == "StatefulSet":
            taken = {pod.name for pod in self.pods}
            return next(f"{workload}-{i}" for i in itertools.count() if f"{workload}-{i}" not in taken)
        if kind == "Deployment":
            digest = hashlib.sha256(json.dumps(pod_spec, sort_keys=True, default=str).encode()).hexdigest()
            template_hash = "".join(_NAME_CHARS[int(c, 16) % len(_NAME_CHARS)] for c in digest[:10])
            return f"{workload}-{template_hash}-{suffix}"
        if kind == "CronJob":
            return f"{workload}-{int(time.time() // 60)}-{suffix}"
        return f"{workload}-{suffix}"

    def _write_etc(self, pod: RunningPod, resolv_conf: str | None,
                   hosts: str | Mapping[str, Sequence[str]] | None) -> None:
        spec = pod.pod_spec
        hostname = pod.hostname
        if spec.get("subdomain"):
            fqdn = f"{hostname}.{spec['subdomain']}.{pod.namespace}.svc.{CLUSTER_DOMAIN}"
            own = f"{pod.pod_ip}\t{fqdn}\t{hostname}\n"
        else:
            own = f"{pod.pod_ip}\t{hostname}\n"
        text = KUBELET_HOSTS_HEADER + own
        aliases = [(str(a["ip"]), [str(h) for h in a.get("hostnames") or []]) for a in spec.get("hostAliases") or []]
        if not isinstance(hosts, str):
            aliases += [(ip, list(names)) for ip, names in (hosts or {}).items()]
        if aliases:
            text += "\n# Entries added by HostAliases.\n" + "".join(f"{ip}\t{chr(9).join(names)}\n"
                                                                   for ip, names in aliases)
        if isinstance(hosts, str):
            text = hosts
        (pod.pod_dir / "etc-hosts").write_text(text)
        (pod.pod_dir / "hostname").write_text(hostname + "\n")
        if resolv_conf is None:
            ns = pod.namespace
            resolv_conf = (f"search {ns}.svc.{CLUSTER_DOMAIN} svc.{CLUSTER_DOMAIN} {CLUSTER_DOMAIN}\n"
                           f"nameserver {DEFAULT_NAMESERVER}\noptions ndots:5\n")
        (pod.pod_dir / "resolv.conf").write_text(resolv_conf)
        for name in ("etc-hosts", "hostname", "resolv.conf"):
            (pod.pod_dir / name).chmod(0o644)

    def _lay_out_volumes(self, pod: RunningPod, volumes: Mapping[str, _kube.VolumeSource],
                         volume_files: Mapping[str, Mapping[str, _kube.VolumeFile] | None],
                         volume_owners: Mapping[str, Mapping[str, int]]) -> None:
        security = pod.pod_spec.get("securityContext") or {}
        fs_group = security.get("fsGroup")
        policy = str(security.get("fsGroupChangePolicy", "Always"))
        if policy not in ("Always", "OnRootMismatch"):
            raise UnsupportedSpec(f"pod {pod.name}: fsGroupChangePolicy {policy!r}")
        for volume in volumes.values():
            root = pod._volume_root(volume)
            readonly = False
            if volume.type == "emptyDir":
                root.mkdir(parents=True)
                root.chmod(0o777)  # the kubelet's emptyDir folder
                if volume.spec.get("medium") == "Memory":
                    size = volume.spec.get("sizeLimit")
                    limit = None if size is None else int(parse_quantity(size, f"volume {volume.name} sizeLimit"))
                    _runc.mount_tmpfs(root, size=limit, mode=0o1777)  # a tmpfs root is 1777, as on a node
                    pod.tmpfs_mounts.append(root)
            elif volume.type == "persistentVolumeClaim":
                root.mkdir(parents=True, exist_ok=True, mode=0o755)  # a fresh filesystem's root: root 0755
                readonly = bool(volume.spec.get("readOnly"))
            else:
                root.mkdir(parents=True)
                root.chmod(0o1777)  # the kubelet writes these into a tmpfs (here: a folder, same mode)
                write_atomic_volume(root, volume_files.get(volume.name) or {}, volume_owners.get(volume.name))
                readonly = True
            if fs_group is not None:
                changed = apply_fs_group(root, int(fs_group), readonly=readonly, policy=policy)
                if changed:
                    pod.event("", f"volume {volume.name}: ownership set to group {fs_group}")
