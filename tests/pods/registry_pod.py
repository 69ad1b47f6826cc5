"""The registry of synthesized manifests as a pod: the e2e and Traefik tests' registry (issue "Pods for real").

``RegistryPod`` runs the workload that has the registry container under :class:`~pods.runner.PodRunner` (runc, the
image laid out from Debian's docker-registry, init containers first, every sidecar of the pod too) on its own network
namespace and IP of a :class:`~pods._network.ClusterNetwork`, with the manifests' NetworkPolicies enforced. Clients
talk to ``address`` (the pod IP and the container's port) from the node, as ``kubectl port-forward`` or an ingress on
the node would.

What the harness changes in the workload, all of it as a patch of the pod spec that the runner then honours like any
other field (``patch`` shows it), never by rewriting paths:

- ``overrides``: environment entries of the registry container, replacing same-named ones (a ``valueFrom`` too) or
  appended, e.g. an upload purger switched off for SeaweedFS.
- ``files``: files the test's stand-ins need in the container (container path -> content), from a Secret volume
  mounted with ``subPath`` at each path, e.g. a token server's signing certificate.
- ``tls`` (a trustme CA): in a cluster the ingress terminates TLS; here the registry serves a certificate of the test
  CA for its pod IP from a Secret volume at ``TLS_MOUNT`` (``REGISTRY_HTTP_TLS_CERTIFICATE``/``_KEY``), and the
  probes of its HTTP port use ``scheme: HTTPS`` (the kubelet does not verify certificates). A configuration that
  sets ``http.host`` gets this pod's URL instead, so that redirects and upload locations come back here.

A replaced pod (``restart(pod_replaced=True)``, or ``start()`` after ``stop()``) keeps the pod IP, as the Service
address would stay; emptyDir volumes start empty and init containers run again, claims keep their data.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import itertools
import os
import pathlib
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from typing import Any

import trustme
import yaml
from e2e import _kube, _proc
from e2e._kube import Manifest, ObjectStore, PodTemplate, UnsupportedSpec
from e2e._proc import HarnessError
from e2e._registry import http_request
from e2e._tls import write_tls_files
from typing_extensions import Self

from . import _procfs
from ._network import ClusterNetwork, PodNet
from .runner import PodRunner, RunningPod

__all__ = ["TLS_MOUNT", "RegistryPod"]

TLS_MOUNT = "/run/harness-tls"
_TLS_VOLUME = "harness-tls"
_numbers = itertools.count(1)


def _with_env(container: dict[str, Any], overrides: Mapping[str, str]) -> None:
    env = list(container.get("env") or [])
    for name, value in overrides.items():
        entry = {"name": name, "value": value}
        index = next((i for i, item in enumerate(env) if item.get("name") == name), None)
        if index is None:
            env.append(entry)
        else:
            env[index] = entry
    container["env"] = env


class RegistryPod:
    """One pod of the workload (of `kinds`, named `workload` if given) that has the container `container`.

    Everything is checked at construction (the runner parses the patched pod when it starts it; a field it cannot
    honour fails there, naming it). `network_policies`: apply the manifests' NetworkPolicies to the cluster while
    this pod exists (removed again by :meth:`close`); False for a registry that stands for something outside the
    cluster (an upstream on the internet).
    """

    def __init__(self, manifests: Sequence[Manifest], *, net: ClusterNetwork, workdir: pathlib.Path,
                 state_dir: pathlib.Path, cgroup_parent: str, extra_objects: Sequence[Manifest] = (),
                 container: str = "registry", workload: str | None = None,
                 kinds: Sequence[str] = ("Deployment", "StatefulSet"), tls: trustme.CA | None = None,
                 overrides: Mapping[str, str] | None = None, files: Mapping[str, bytes] | None = None,
                 pvc_root: pathlib.Path | None = None,
                 default_namespace: str = "default", start_timeout: float = 60.0,
                 network_policies: bool = True) -> None:
        objects = [*manifests, *extra_objects]
        store = ObjectStore(objects, default_namespace=default_namespace)
        found = [obj for kind in kinds for obj in store.of_kind(kind)
                 if workload in (None, obj["metadata"]["name"])
                 and any(c.get("name") == container for c in _kube._raw_pod_spec(obj).get("containers") or [])]
        if len(found) != 1:
            raise HarnessError(f"expected exactly one {'/'.join(kinds)} with a container {container!r}, found "
                               f"{[(obj['kind'], obj['metadata']['name']) for obj in found]}")
        self.workload = found[0]
        self.namespace = _kube.namespace_of(self.workload, default_namespace)
        self.container = container
        self.net = net
        self.workdir = workdir
        self.pvc_root = pvc_root or workdir / "pvc"
        self.start_timeout = start_timeout
        self.test_overrides = dict(overrides or {})
        self.files = dict(files or {})
        self.policies = [obj for obj in objects if obj.get("kind") == "NetworkPolicy"] if network_policies else []
        number = next(_numbers)
        labels = dict(self.workload["spec"]["template"]["metadata"].get("labels") or {})
        self.podnet: PodNet = net.add_pod(self.namespace, f"{self.workload['metadata']['name']}-p{number}", labels,
                                          ready=False)
        try:
            self.tls = (write_tls_files(tls, workdir / "tls", (self.podnet.ip, "127.0.0.1", "localhost"))
                        if tls is not None else None)
            self.patch, harness_objects = self._patch(store)
            self.overrides = dict(self._env_changes)  # every environment change, the harness's and the test's
            self.store = ObjectStore([*objects, *harness_objects], default_namespace=default_namespace)
            self.runner = PodRunner(workdir / "runner", self.store, state_dir=state_dir, cgroup_parent=cgroup_parent)
            if self.policies:
                net.apply_network_policies(self.policies)
        except BaseException:
            net.remove_pod(self.podnet)
            raise
        self.pod: RunningPod | None = None
        self._restarts_seen = 0  # restarts the test caused (restart(pod_replaced=False)): not a crash
        self.pods: list[RunningPod] = []
        self._closed = False

    # -- the patch ----------------------------------------------------------------------------------------------------

    def _patch(self, store: ObjectStore) -> tuple[Manifest, list[Manifest]]:
        patched = copy.deepcopy(dict(self.workload))
        spec = patched["spec"]
        pod_spec = (spec["jobTemplate"]["spec"]["template"]["spec"] if patched["kind"] == "CronJob"
                    else spec["template"]["spec"])
        main = next(c for c in pod_spec["containers"] if c.get("name") == self.container)
        template = PodTemplate(patched["kind"], patched["metadata"]["name"], self.namespace, pod_spec, main)
        self.template = template
        env = _kube.resolve_env(template, store).values
        config = self._config(template, store, env)
        http_config = config.get("http") or {}
        self.container_port = _port_of(env.get("REGISTRY_HTTP_ADDR", http_config.get("addr", ":5000")))
        changes: dict[str, str] = {}
        objects: list[Manifest] = []
        serves = patched["kind"] in ("Deployment", "StatefulSet")
        if self.tls is not None and serves:
            own = [name for name in env if name.startswith("REGISTRY_HTTP_TLS")] or http_config.get("tls")
            if own:
                raise UnsupportedSpec(f"{template.where}: the container configures TLS itself ({own}); start it "
                                      "with tls=None and trust its own certificate")
            secret_name = f"{_TLS_VOLUME}-{self.podnet.name}"[:63].rstrip("-")
            objects.append({"apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/tls",
                            "metadata": {"name": secret_name, "namespace": self.namespace},
                            "stringData": {"tls.crt": self.tls.cert_path.read_text(),
                                           "tls.key": self.tls.key_path.read_text()}})
            pod_spec.setdefault("volumes", []).append({"name": _TLS_VOLUME, "secret": {"secretName": secret_name}})
            main.setdefault("volumeMounts", []).append({"name": _TLS_VOLUME, "mountPath": TLS_MOUNT,
                                                        "readOnly": True})
            changes["REGISTRY_HTTP_TLS_CERTIFICATE"] = f"{TLS_MOUNT}/tls.crt"
            changes["REGISTRY_HTTP_TLS_KEY"] = f"{TLS_MOUNT}/tls.key"
            for kind in ("startupProbe", "livenessProbe", "readinessProbe"):
                get = (main.get(kind) or {}).get("httpGet")
                if get is not None and _kube.port_by_name(template, get["port"]) == self.container_port:
                    get["scheme"] = "HTTPS"
        if self.files:
            secret_name = f"harness-files-{self.podnet.name}"[:63].rstrip("-")
            keys = {path: f"file{index}" for index, path in enumerate(sorted(self.files))}
            objects.append({"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
                            "metadata": {"name": secret_name, "namespace": self.namespace},
                            "data": {keys[path]: base64.b64encode(content).decode()
                                     for path, content in self.files.items()}})
            pod_spec.setdefault("volumes", []).append({"name": "harness-files",
                                                       "secret": {"secretName": secret_name}})
            for path, key in keys.items():
                main.setdefault("volumeMounts", []).append({"name": "harness-files", "mountPath": path,
                                                            "subPath": key, "readOnly": True})
        if "REGISTRY_HTTP_HOST" in env or http_config.get("host"):
            changes["REGISTRY_HTTP_HOST"] = self.url
        changes.update(self.test_overrides)
        _with_env(main, changes)
        self._env_changes = changes
        return patched, objects

    @staticmethod
    def _config(template: PodTemplate, store: ObjectStore, env: Mapping[str, str]) -> dict[str, Any]:
        """The registry's configuration file as far as the manifests hold it: the ConfigMap key mounted at the path
        REGISTRY_CONFIGURATION_PATH or the command names ({} when an init container writes it)."""
        argv = [str(a) for a in (template.container.get("command") or []) + (template.container.get("args") or [])]
        paths = [env.get("REGISTRY_CONFIGURATION_PATH", "")] + [a for a in argv if a.endswith((".yml", ".yaml"))]
        volumes = _kube.volume_sources(template)
        for mount in _kube.mounts(template):
            volume = volumes.get(mount.volume.name)
            if volume is None or volume.type != "configMap":
                continue
            data = store.configmap_data(template.namespace, str(volume.spec["name"])) or {}
            for key, content in data.items():
                path = mount.mount_path if mount.sub_path == key else f"{mount.mount_path}/{key}"
                if path in paths:
                    loaded = yaml.safe_load(content) or {}
                    return loaded if isinstance(loaded, dict) else {}
        return {}

    # -- public API ---------------------------------------------------------------------------------------------------

    @property
    def ip(self) -> str:
        return self.podnet.ip

    @property
    def address(self) -> str:
        return f"{self.podnet.ip}:{self.container_port}"

    @property
    def port(self) -> int:
        return self.container_port

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://{self.address}"

    @property
    def running(self) -> bool:
        return self.pod is not None and self.pod.status[self.container].state == "running"

    def start(self) -> Self:
        """Run a new pod and wait until the registry answers GET / (not for readiness: :meth:`wait_ready`)."""
        if self._closed:
            raise HarnessError("closed")
        if self.pod is not None:
            raise HarnessError("already running")
        self.pod = self.runner.run(self.patch, pvc_root=self.pvc_root, **self.net.pod_run_options(self.podnet))
        self.pods.append(self.pod)
        self._restarts_seen = 0
        if self.patch["kind"] in ("Deployment", "StatefulSet"):
            _proc.wait_ready(f"registry {self.address} GET /", self._root_answers, timeout=self.start_timeout,
                             alive=self._dead, stop=self.stop)
        return self

    def wait_ready(self, timeout: float = 60.0) -> Self:
        assert self.pod is not None, "not started"
        self.pod.wait_ready(timeout)
        return self

    def stop(self, *, grace: float | None = None) -> None:
        """Delete the pod as the kubelet does: not Ready at once, the preStop hooks, SIGTERM, SIGKILL after the grace
        period (`grace` seconds instead: 0 kills at once, without the hooks)."""
        if self.pod is not None:
            pod, self.pod = self.pod, None
            pod.stop(grace=grace)

    def restart(self, *, pod_replaced: bool = True) -> RegistryPod:
        """pod_replaced=True: a new pod (same IP). False: the registry container is killed (SIGKILL) and the kubelet
        restarts it in the same pod (emptyDir kept, no init containers)."""
        if pod_replaced:
            self.stop()
            return self.start()
        assert self.pod is not None, "not started"
        count = self.pod.restart_count(self.container)
        os.kill(self.pod.pid(self.container), signal.SIGKILL)
        self.pod.wait_restarted(self.container, count + 1, self.start_timeout)
        self._restarts_seen = count + 1
        _proc.wait_for(f"registry {self.address} GET /", self._root_answers, timeout=self.start_timeout,
                       alive=self._dead)
        return self

    def roll_to(self, workload: Manifest, *, ready_timeout: float = 60.0) -> Self:
        """The pod replaced by one of `workload` (this Deployment as patched, e.g. by ``kubectl set env``), as the
        Deployment controller's rollout replaces each pod, then Ready. The harness's changes apply as before."""
        kind, name = workload["kind"], workload["metadata"]["name"]
        if (kind, name) != (self.workload["kind"], self.workload["metadata"]["name"]):
            raise HarnessError(f"{self.template.where}: cannot roll to {kind} {name}")
        self.workload = copy.deepcopy(dict(workload))
        self.patch, _ = self._patch(self.store)  # the harness's objects (Secrets) are in the store already
        self.overrides = dict(self._env_changes)
        self.stop()
        return self.start().wait_ready(ready_timeout)

    def run(self, *, timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
        """A Job's or CronJob's pod to completion: the registry container's exit code and output."""
        if self.patch["kind"] not in ("Job", "CronJob"):
            raise HarnessError(f"{self.template.where} is not a Job: use start()")
        self.start()
        assert self.pod is not None
        codes = self.pod.wait(timeout)
        output = self.pod.log(self.container)
        self.stop()
        return subprocess.CompletedProcess(["pod", self.template.where], codes[self.container], output, "")

    def check_probes(self, container: str | None = None) -> dict[str, int]:
        """Every probe of the registry container (or `container`) once, as the kubelet sends it, from the node to
        the pod IP: each must answer 200 (tcpSocket: accept). Returns {probe: status}."""
        if not self.running:
            raise HarnessError("check_probes() needs a running registry")
        main = next(c for c in self.template.pod_spec["containers"] if c.get("name") == (container or self.container))
        template = PodTemplate(self.template.kind, self.template.name, self.namespace, self.template.pod_spec, main)
        results: dict[str, int] = {}
        for kind in ("readinessProbe", "livenessProbe", "startupProbe"):
            probe = main.get(kind)
            if probe is None:
                continue
            if "tcpSocket" in probe:
                port = _kube.port_by_name(template, probe["tcpSocket"]["port"])
                with socket.create_connection((self.ip, port), timeout=5):
                    pass
                results[kind] = 200
                continue
            get = probe["httpGet"]
            port = _kube.port_by_name(template, get["port"])
            context = None
            if str(get.get("scheme", "HTTP")).upper() == "HTTPS":
                context = ssl.create_default_context()
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
            headers = {h["name"]: h["value"] for h in get.get("httpHeaders") or []}
            status, _, _ = http_request("GET", self.ip, port, get.get("path", "/"), headers=headers, context=context)
            if status != 200:
                raise HarnessError(f"{self.template.where}: {kind} GET {get.get('path', '/')} on port {port} "
                                   f"answered {status}")
            results[kind] = status
        return results

    def log_text(self, container: str | None = None) -> str:
        """The container's output over every pod and restart so far, in order."""
        name = container or self.container
        return "".join(path.read_text(errors="replace") for path in self._pod_files(f"logs/{name}-*.log"))

    def init_log_text(self, name: str) -> str:
        """The init container's output over every pod so far, also while it still runs."""
        return "".join(path.read_text(errors="replace") for path in self._pod_files(f"logs/init-{name}.log"))

    def host_path(self, container_path: str) -> pathlib.Path:
        """Where a path of the registry container lives on the host: in one of its volumes (the longest mount wins),
        else in its current root filesystem."""
        if self.pod is None:
            raise HarnessError("no pod: start() first")
        spec = self.pod.specs[self.container]
        for mount in sorted(spec.mounts, key=lambda m: len(m.mount_path), reverse=True):
            if container_path == mount.mount_path or container_path.startswith(mount.mount_path.rstrip("/") + "/"):
                root = self.pod.volume_path(mount.volume.name)
                root = root / mount.sub_path if mount.sub_path else root
                rest = container_path[len(mount.mount_path):].lstrip("/")
                return root / rest if rest else root
        instance = self.pod.status[self.container].instance
        return self.pod.pod_dir / "containers" / f"{self.container}-{instance}" / "rootfs" / container_path.lstrip("/")

    def argv(self, container: str | None = None) -> list[str]:
        """What the container's first process runs (its /proc cmdline)."""
        assert self.pod is not None, "not started"
        return _procfs.cmdline(self.pod.pid(container or self.container))

    def environ(self, container: str | None = None) -> dict[str, str]:
        """The environment the container's first process got (its /proc environ)."""
        assert self.pod is not None, "not started"
        return _procfs.environ(self.pod.pid(container or self.container))

    def containers(self) -> list[str]:
        """The pod's (regular) containers that run now."""
        assert self.pod is not None, "not started"
        return [name for name, status in self.pod.status.items() if status.state == "running"]

    def listeners(self) -> dict[int, str]:
        """Every listening TCP socket of the pod's network namespace, any container's: port -> local address
        ("0.0.0.0", "::", "127.0.0.1", ...), from /proc/PID/net/tcp and tcp6."""
        assert self.pod is not None, "not started"
        return _procfs.tcp_listeners(self.pod.pid(self.container))

    def exposed_ports(self) -> dict[int, int]:
        """Container port -> port on the pod IP of every listener reachable from outside the pod (not bound to its
        loopback): the same number, since clients connect to the pod IP."""
        return {port: port for port, address in self.listeners().items() if not _is_loopback(address)}

    def loopback_ports(self) -> list[int]:
        """Listeners only the pod's own containers reach (bound to its loopback)."""
        return sorted(port for port, address in self.listeners().items() if _is_loopback(address))

    def request_in_pod(self, method: str, port: int, path: str) -> tuple[int, bytes]:
        """An HTTP request from inside the pod's network namespace to 127.0.0.1:`port`, as another container of the
        pod (or `kubectl exec`) would send it: (status, body)."""
        result = self.podnet.exec([sys.executable, "-c", _IN_POD_REQUEST, method, str(port), path],
                                  capture_output=True, timeout=30, check=False)
        if result.returncode != 0:
            raise HarnessError(f"request in pod {self.podnet.name} failed: {result.stderr.decode()[-2000:]}")
        status, _, body = bytes(result.stdout).partition(b"\n")
        return int(status), body

    def declared_ports(self) -> dict[str, list[int]]:
        """The containerPorts of every container of the pod, by container name."""
        return {str(c.get("name")): [int(p["containerPort"]) for p in c.get("ports") or []]
                for c in self.template.pod_spec.get("containers") or []}

    def close(self) -> None:
        """Delete the pod, its network and the policies this pod applied."""
        if self._closed:
            return
        self._closed = True
        try:
            self.stop(grace=0)  # the test is over: no preStop pause (5 s per pod), the pod killed at once
            self.runner.close()
        finally:
            for policy in self.policies:
                meta = policy["metadata"]
                with contextlib.suppress(HarnessError):  # another pod of the same manifests removed it already
                    self.net.delete_network_policy(str(meta.get("namespace") or self.namespace), str(meta["name"]))
            self.net.remove_pod(self.podnet)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- helpers ------------------------------------------------------------------------------------------------------

    def _pod_files(self, pattern: str) -> list[pathlib.Path]:
        """Files of every pod of this runner (oldest pod first; a container's runs in order)."""
        pods = sorted((d for d in self.runner.workdir.iterdir() if (d / "logs").is_dir()),
                      key=lambda d: d.stat().st_ctime_ns)
        return [path for pod_dir in pods
                for path in sorted(pod_dir.glob(pattern), key=lambda f: int(f.stem.rsplit("-", 1)[-1])
                                   if f.stem.rsplit("-", 1)[-1].isdigit() else 0)]

    def _dead(self) -> str | None:
        if self.pod is None:
            return "the pod was deleted"
        status = self.pod.status[self.container]
        if status.state == "terminated" or status.restart_count > self._restarts_seen:
            time.sleep(0.2)
            log = self.log_text()
            panic = log.rfind("\npanic: ")
            return (f"the registry container exited with {status.exit_codes[-1] if status.exit_codes else '?'}; "
                    "log:\n"
                    f"{log[panic:panic + 3000] if panic >= 0 else log[-4000:]}")
        return None

    def _root_answers(self) -> int | None:
        try:
            status, _, _ = http_request("GET", self.ip, self.container_port, "/",
                                        context=self.tls.client_context() if self.tls else None, timeout=3)
        except OSError:
            return None
        return status if status == 200 else None


_IN_POD_REQUEST = r"""
import http.client, sys
conn = http.client.HTTPConnection("127.0.0.1", int(sys.argv[2]), timeout=10)
conn.request(sys.argv[1], sys.argv[3])
response = conn.getresponse()
sys.stdout.buffer.write(str(response.status).encode() + b"\n" + response.read())
"""


def _is_loopback(address: str) -> bool:
    return address.startswith("127.") or address == "::1"


def _port_of(addr: str) -> int:
    port = str(addr).rsplit(":", 1)[-1]
    if not port.isdigit():
        raise UnsupportedSpec(f"http.addr {addr!r} has no numeric port")
    return int(port)
