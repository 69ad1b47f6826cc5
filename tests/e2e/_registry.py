"""Runs the registry container of synthesized manifests as Debian's docker-registry (distribution 2.8.2) process."""

from __future__ import annotations

import configparser
import http.client
import pathlib
import re
import socket
import ssl
import subprocess
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

import yaml
from typing_extensions import Self

from . import _init, _kube, _nginx, _proc
from ._kube import Manifest, PodTemplate, UnsupportedSpec
from ._proc import HarnessError
from ._tls import TlsFiles

REGISTRY_BINARY = "/usr/bin/docker-registry"
IMAGE_CONFIG_PATH = "/etc/docker/registry/config.yml"
# The registry:2 image's own /etc/docker/registry/config.yml (Debian's /etc file differs and must not be used).
IMAGE_DEFAULT_CONFIG = """\
version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
"""
IMAGE_PATH_ENV = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
# The local binary is 2.8.2: only 2.x images behave the same (3.x reads /etc/distribution/config.yml, among others).
DEFAULT_IMAGE_PATTERN = r"^(?:docker\.io/)?(?:library/)?registry:2(?:\.\d+){0,2}(?:@sha256:[0-9a-f]{64})?$"

# Configuration keys whose values are filesystem paths inside the container (distribution 2.8). Their values are
# mapped to the local folders standing in for the container's filesystem; any OTHER key whose value points into a
# volume mount is refused, because the harness cannot know whether to map it.
PATH_KEYS: set[tuple[str, ...]] = {
    ("storage", "filesystem", "rootdirectory"),
    ("auth", "htpasswd", "path"),
    ("auth", "token", "rootcertbundle"),
    ("http", "tls", "certificate"),
    ("http", "tls", "key"),
    ("http", "tls", "clientcas"),
    ("http", "tls", "letsencrypt", "cachefile"),
}
PATH_ENV = {"REGISTRY_" + "_".join(part.upper() for part in key): key for key in PATH_KEYS}
# URLs the registry only shows to clients (CORS origins, auth realms), never dials: exempt from the network guard.
NOT_DIALED = ("REGISTRY_HTTP_HEADERS_", "http.headers.", "REGISTRY_AUTH_HTPASSWD_REALM", "auth.htpasswd.realm",
              "REGISTRY_AUTH_TOKEN_REALM", "auth.token.realm")
# Environment variables read by libraries inside the registry as (colon-separated) file paths in the container: Go's
# crypto/x509 (extra CAs, e.g. for an S3 endpoint with a private CA) and the AWS SDK of the S3 driver (which reads the
# shared credentials file when no accesskey/secretkey are configured). Mapped wherever they point (mount or layer).
# Any other non-REGISTRY_ variable whose value starts with a volume mount path is mapped too; one that points into the
# container's own filesystem outside the mounts is refused (on this machine it would be the host's own file).
FILE_ENV = {"SSL_CERT_FILE", "SSL_CERT_DIR", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE"}
# Storage keys that are options, not drivers.
STORAGE_NON_DRIVERS = {"cache", "delete", "maintenance", "redirect"}
LOCAL_DRIVERS = {"filesystem", "inmemory", "s3"}
LOOPBACK_HOSTS = {"localhost", "::1"}

Mode = Literal["serve", "garbage-collect"]


@dataclass(frozen=True)
class Command:
    mode: Mode
    config_path: str | None  # container path; None: REGISTRY_CONFIGURATION_PATH decides
    gc_flags: tuple[str, ...] = ()


def image_argv(template: PodTemplate, env: Mapping[str, str]) -> list[str]:
    """What the registry:2 image executes for this container's command/args (ENTRYPOINT /entrypoint.sh, CMD
    config.yml), after Kubernetes $(VAR) expansion."""
    command = [_kube.expand(str(part), env) for part in template.container.get("command") or []]
    args = [_kube.expand(str(part), env) for part in template.container.get("args") or []]
    # Kubernetes: command replaces ENTRYPOINT and drops CMD; args alone replace CMD only.
    argv = (command or ["/entrypoint.sh"]) + (args if (args or command) else [IMAGE_CONFIG_PATH])
    if argv[0] in ("/entrypoint.sh", "entrypoint.sh"):
        # The image's entrypoint.sh: a *.yml/*.yaml first argument means `registry serve`, a sub-command gets
        # `registry` put in front, anything else is executed as given.
        rest = argv[1:]
        if rest and rest[0].endswith((".yml", ".yaml")):
            argv = ["registry", "serve", *rest]
        elif rest and (rest[0] in ("serve", "garbage-collect", "help") or rest[0].startswith("-")):
            argv = ["registry", *rest]
        else:
            argv = rest
    return argv


def parse_command(template: PodTemplate, env: Mapping[str, str]) -> Command:
    """What the registry:2 image runs for this container's command/args: `registry serve|garbage-collect`."""
    argv = image_argv(template, env)
    if not argv or argv[0] not in ("registry", "/bin/registry"):
        raise UnsupportedSpec(f"{template.where}: command {argv!r} is not the registry binary; the harness only runs "
                              "`registry serve CONFIG` and `registry garbage-collect [flags] CONFIG`")
    sub, rest = (argv[1], argv[2:]) if len(argv) > 1 else ("", [])
    mode: Mode
    if sub == "serve":
        mode = "serve"
        flags: list[str] = []
        allowed: set[str] = set()
    elif sub == "garbage-collect":
        mode = "garbage-collect"
        flags = [arg for arg in rest if arg.startswith("-")]
        allowed = {"-d", "--dry-run", "-m", "--delete-untagged"}
    else:
        raise UnsupportedSpec(f"{template.where}: registry sub-command {sub!r} in {argv!r} is not supported "
                              "(serve, garbage-collect)")
    bad = [flag for flag in flags if flag.split("=", 1)[0] not in allowed]
    positional = [arg for arg in rest if not arg.startswith("-")]
    if bad or len(positional) > 1 or (sub == "serve" and len(positional) != len(rest)):
        raise UnsupportedSpec(f"{template.where}: cannot honour arguments {rest!r} of `registry {sub}`")
    return Command(mode, positional[0] if positional else None, tuple(flags))


@dataclass(frozen=True)
class Mount:
    container_path: str
    host_path: pathlib.Path
    volume: str
    read_only: bool


class ContainerFilesystem:
    """Container paths mapped to local folders: the longest volume mount wins; the rest is the container's own layer
    (image files plus whatever the process writes there, gone when the container is recreated)."""

    def __init__(self, mounts: Sequence[Mount], layer: pathlib.Path) -> None:
        self.mounts = sorted(mounts, key=lambda m: len(m.container_path), reverse=True)
        self.layer = layer

    def mount_for(self, container_path: str) -> Mount | None:
        for mount in self.mounts:
            if container_path == mount.container_path or container_path.startswith(mount.container_path + "/") \
                    or mount.container_path == "/":
                return mount
        return None

    def host_path(self, container_path: str) -> pathlib.Path:
        if not container_path.startswith("/"):
            raise HarnessError(f"container path {container_path!r} is not absolute")
        mount = self.mount_for(container_path)
        if mount is None:
            return self.layer / container_path.lstrip("/")
        rest = container_path[len(mount.container_path):].lstrip("/")
        return mount.host_path / rest if rest else mount.host_path


class RegistryProcess:
    """One registry container of the given manifests, run locally as `docker-registry serve|garbage-collect`.

    Everything is read at construction (secrets, config maps, projected and other volumes of the pod, init containers,
    command, probes), so an unsupported or broken spec fails before anything starts. Init containers run in order on
    every new pod (first start, restart(pod_replaced=True)); their mounts share the registry's host folders per
    volume. `overrides` are the test's own environment changes, applied last and kept in `self.overrides` together
    with the harness's (listen address, TLS).
    """

    def __init__(self, manifests: Sequence[Manifest], *, workdir: pathlib.Path,
                 extra_objects: Sequence[Manifest] = (), container: str = "registry", workload: str | None = None,
                 kinds: Sequence[str] = ("Deployment", "StatefulSet"), tls: TlsFiles | None = None,
                 overrides: Mapping[str, str] | None = None, pvc_root: pathlib.Path | None = None,
                 ignore_containers: Sequence[str] = (), image_pattern: str = DEFAULT_IMAGE_PATTERN,
                 default_namespace: str = "default", start_timeout: float = 30.0) -> None:
        self.store = _kube.ObjectStore([*manifests, *extra_objects], default_namespace=default_namespace)
        # nginx sidecars (the metrics proxy) run next to the registry, as Debian's nginx (tests/e2e/_nginx.py).
        nginx = sorted({str(c.get("name")) for kind in kinds for obj in self.store.of_kind(kind)
                        for c in _kube._raw_pod_spec(obj).get("containers") or []
                        if re.match(_nginx.NGINX_IMAGE_PATTERN, str(c.get("image", "")))} - set(ignore_containers)
                       - {container})
        self.template = _kube.find_container(self.store, container=container, workload=workload, kinds=kinds,
                                             ignore_containers=ignore_containers, run_alongside=nginx)
        self.sidecars = [_nginx.NginxSidecar(sidecar, self.store) for sidecar in self.template.sidecars(nginx)]
        # The pod's listeners, container port -> local port, and which of them the pod exposes (all interfaces).
        self.network = _nginx.PodNetwork()
        where = self.template.where
        _kube.check_fields(self.template.container, where, _kube.CONTAINER_HONOURED, _kube.CONTAINER_IGNORED,
                          _kube.CONTAINER_NOOP_VALUES)
        _check_image(self.template, image_pattern)
        self.container_env = _kube.resolve_env(self.template, self.store)
        self.command = parse_command(self.template, self.container_env.values)
        self.mount_specs = _kube.mounts(self.template)
        # Init containers: the registry image running `sh -c SCRIPT`, in order, on every new pod (not on a container
        # restart in the same pod, as with Kubernetes).
        self.init_containers: list[_init.InitContainer] = []
        for init in self.template.init_containers():
            _kube.check_fields(init.container, init.where, _kube.INIT_CONTAINER_HONOURED, _kube.CONTAINER_IGNORED,
                               _kube.CONTAINER_NOOP_VALUES)
            _check_image(init, image_pattern)
            init_env = _kube.resolve_env(init, self.store)
            self.init_containers.append(_init.parse(init, image_argv(init, init_env.values), init_env))
        # Every volume of the pod is set up by the kubelet, used or not: a missing Secret, ConfigMap, key or claim
        # keeps the pod from starting, so it fails here, before anything starts.
        self._volumes = _kube.volume_sources(self.template)
        self._volume_files = {
            name: _kube.volume_files(volume, self.template.namespace, self.store, where)
            for name, volume in self._volumes.items() if volume.type in ("secret", "configMap", "projected")
        }
        for volume in self._volumes.values():
            if volume.type == "persistentVolumeClaim":
                claim = volume.spec["claimName"]
                if self.store.get("PersistentVolumeClaim", self.template.namespace, claim) is None:
                    raise HarnessError(f"{where}: PersistentVolumeClaim {self.template.namespace}/{claim} does not "
                                       "exist; the pod would stay Pending")
        self.probes = self._probes()

        self.workdir = workdir
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.pvc_root = pvc_root or workdir / "pvc"
        self.tls = tls
        self.start_timeout = start_timeout
        self.port = _proc.free_port()
        self.debug_port: int | None = None
        self.test_overrides = dict(overrides or {})
        self.overrides: dict[str, str] = {}  # every environment change made locally, filled in by _prepare()
        self.env: dict[str, str] = {}  # the environment the process got
        # The configuration file the registry reads: the container's own file when it has no paths to map (so the
        # registry parses exactly the bytes an init container or ConfigMap wrote), else a path-mapped copy.
        self.config_file: pathlib.Path | None = None
        self.fs: ContainerFilesystem | None = None
        self.container_port: int | None = None  # where the container listens in the cluster (http.addr)
        self.debug_container_port: int | None = None  # http.debug.addr, if configured
        self.debug_loopback_only = False  # http.debug.addr binds the pod's loopback only
        self._own_tls = False  # the container serves TLS itself (its own certificate)
        self._pod_number = 0
        self._container_number = 0
        self._pod_dir: pathlib.Path | None = None
        self._server: _proc.LoggedProcess | None = None
        self.log_path = workdir / "registry.log"

    # -- public API ---------------------------------------------------------------------------------------------------

    @property
    def address(self) -> str:
        return f"{_proc.LOOPBACK}:{self.port}"

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://{self.address}"

    @property
    def running(self) -> bool:
        return self._server is not None and not self._server.has_exited()

    def host_path(self, container_path: str) -> pathlib.Path:
        """Where a container path lives locally (for the current container)."""
        if self.fs is None:
            raise HarnessError("the container has not been prepared yet: call start() or run() first")
        return self.fs.host_path(container_path)

    def start(self) -> Self:
        """Start `registry serve` and wait until GET / answers 200."""
        if self.command.mode != "serve":
            raise HarnessError(f"{self.template.where} runs `registry {self.command.mode}`: use run()")
        if self.running:
            raise HarnessError("already running")
        argv = [REGISTRY_BINARY, "serve", str(self._prepare())]
        self._server = self._spawn(argv)
        _proc.wait_ready(f"registry {self.address} GET /", self._root_answers, timeout=self.start_timeout,
                         alive=self._dead, stop=self.stop)
        assert self._pod_dir is not None
        for sidecar in self.sidecars:
            mounts = {mount.container_path: (mount.host_path, mount.read_only)
                      for mount in self._mounts(self._pod_dir, sidecar.mount_specs)}
            try:
                sidecar.start(mounts=mounts, network=self.network, workdir=self.workdir / f"container-{sidecar.name}")
            except BaseException:
                self.stop()
                raise
        return self

    def exposed_ports(self) -> dict[int, int]:
        """Container port -> local port of every listener of the pod that is reachable from outside it (bound to
        all interfaces, by any container), while running."""
        return self.network.exposed_ports()

    def declared_ports(self) -> dict[str, list[int]]:
        """The containerPorts of every container of the pod, by container name."""
        return {str(c.get("name")): [int(p["containerPort"]) for p in c.get("ports") or []]
                for c in self.template.pod_spec.get("containers") or []}

    def stop(self) -> None:
        """SIGTERM (SIGKILL after 10 s). A later start() is a container restart in the same pod (emptyDir kept).
        Sidecars stop and start with the registry (in a cluster they would keep running)."""
        for sidecar in self.sidecars:
            sidecar.stop()
        if self._server is not None:
            self._server.stop(grace=10)
            self._server = None

    def restart(self, *, pod_replaced: bool = True) -> RegistryProcess:
        """Stop and start again on the same port. pod_replaced=True models a new pod (emptyDir volumes start empty,
        init containers run again); False a container restart in the same pod (no init containers). PVCs always keep
        their data, the container layer never does."""
        self.stop()
        if pod_replaced:
            self._pod_dir = None
        return self.start()

    def run(self, *, timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
        """Run a run-to-completion container (`registry garbage-collect`): returns exit code and output."""
        if self.command.mode != "garbage-collect":
            raise HarnessError(f"{self.template.where} runs `registry {self.command.mode}`: use start()")
        argv = [REGISTRY_BINARY, "garbage-collect", *self.command.gc_flags, str(self._prepare())]
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        child = self._spawn(argv)
        try:
            code = _proc.wait_exit(child.process, timeout=timeout)
        finally:
            child.stop(grace=0)  # wait_exit() has ended it already: this closes the log
        return subprocess.CompletedProcess(argv, code, self.log_text()[offset:], "")

    def check_probes(self) -> dict[str, int]:
        """Call every httpGet/tcpSocket probe of the container against the running process; each must answer 200
        (tcpSocket: accept). Returns {probe: status}. A probe port the registry does not listen on fails."""
        if not self.running:
            raise HarnessError("check_probes() needs a running registry")
        results: dict[str, int] = {}
        for kind, probe in self.probes.items():
            if "tcpSocket" in probe:
                port = self._local_port(_kube.port_by_name(self.template, probe["tcpSocket"]["port"]), kind)
                with socket.create_connection((_proc.LOOPBACK, port), timeout=5):
                    pass  # the kubelet only checks that the connection is accepted
                results[kind] = 200
                continue
            get = probe["httpGet"]
            container_port = _kube.port_by_name(self.template, get["port"])
            port = self._local_port(container_port, kind)
            expected_scheme = self._container_scheme(container_port)
            scheme = str(get.get("scheme", "HTTP")).lower()
            if scheme != expected_scheme:
                raise HarnessError(f"{self.template.where}: {kind} uses {scheme.upper()} but port {container_port} "
                                   f"serves {expected_scheme.upper()} in the cluster")
            local_tls = container_port == self.container_port and (self.tls is not None or expected_scheme == "https")
            headers = {h["name"]: h["value"] for h in get.get("httpHeaders") or []}
            # Like the kubelet: no certificate verification for HTTPS probes.
            status, _, _ = http_request("GET", _proc.LOOPBACK, port, get.get("path", "/"), headers=headers,
                                        context=_unverified_context() if local_tls else None)
            if status != 200:
                raise HarnessError(f"{self.template.where}: {kind} GET {get.get('path', '/')} on port "
                                   f"{container_port} answered {status}")
            results[kind] = status
        return results

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def init_log_text(self, name: str) -> str:
        """Output of the named init container's runs (all pods so far)."""
        path = self._init_log_path(name)
        return path.read_text(errors="replace") if path.exists() else ""

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    # -- preparing the container --------------------------------------------------------------------------------------

    def _prepare(self) -> pathlib.Path:
        """Lay out the pod's volumes and a fresh container layer, then build the effective config and environment."""
        if self._pod_dir is None:
            self._pod_number += 1
            pod_dir = self.workdir / f"pod-{self._pod_number}"
            self._materialize_volumes(pod_dir)
            self._run_init_containers(pod_dir)  # a failure leaves no pod: the next start() makes a new one
            self._pod_dir = pod_dir
        self._container_number += 1
        layer = self._pod_dir / f"layer-{self._container_number}"
        image_config = layer / IMAGE_CONFIG_PATH.lstrip("/")
        image_config.parent.mkdir(parents=True)
        image_config.write_text(IMAGE_DEFAULT_CONFIG)
        self.fs = ContainerFilesystem(self._mounts(self._pod_dir, self.mount_specs), layer)

        env = dict(self.container_env.values)
        config_container_path = self.command.config_path or env.get("REGISTRY_CONFIGURATION_PATH")
        if not config_container_path:
            raise UnsupportedSpec(f"{self.template.where}: no configuration file in the command and no "
                                  "REGISTRY_CONFIGURATION_PATH")
        source = self.fs.host_path(config_container_path)
        if not source.is_file():
            raise HarnessError(f"{self.template.where}: configuration file {config_container_path} does not exist in "
                               "the container")
        text = source.read_text()
        if str(self.workdir) in text or str(self.pvc_root) in text:
            # An init container wrote a path under one of ITS mounts into the file, and the harness rewrote it: the
            # path mapping below would map that host path again (into the container layer).
            raise HarnessError(f"{self.template.where}: configuration file {config_container_path} contains host "
                               "paths of this harness (an init container wrote a path of its own mounts into it); "
                               "the harness cannot map them back")
        try:
            original = yaml.safe_load(text) or {}
        except yaml.YAMLError as error:
            raise HarnessError(f"{self.template.where}: configuration file {config_container_path} is not YAML: "
                               f"{error}") from error
        if not isinstance(original, dict):
            raise HarnessError(f"{self.template.where}: configuration file {config_container_path} is not a map")
        config = self._map_config_paths(original, ())
        if config == original:
            self.config_file = source
        else:
            self.config_file = self._pod_dir / f"effective-config-{self._container_number}.yml"
            self.config_file.write_text(yaml.safe_dump(config, sort_keys=False))

        for name, value in list(env.items()):
            if name in self.container_env.service_links or name == "REGISTRY_CONFIGURATION_PATH":
                continue
            if name in PATH_ENV:
                env[name] = self._map_env_path(name, value)
            elif name in FILE_ENV:
                env[name] = ":".join(str(self.fs.host_path(part)) for part in value.split(":") if part)
            elif name.startswith("REGISTRY_"):
                if value.startswith("/") and self.fs.mount_for(value) is not None:
                    raise UnsupportedSpec(f"{self.template.where}: env {name}={value} points into a volume mount but "
                                          "is not a known path key; add it to PATH_KEYS if it is one")
            elif value.startswith("/") and self.fs.mount_for(value) is not None:
                env[name] = str(self.fs.host_path(value))  # a file the process or a library reads
            elif _init.is_container_path(value):
                raise UnsupportedSpec(f"{self.template.where}: env {name}={value} points into the container's own "
                                      "filesystem; the harness does not know that it is a path (add it to FILE_ENV "
                                      "if it is one)")
        env.pop("REGISTRY_CONFIGURATION_PATH", None)  # the effective file is passed on the command line
        htpasswd = env.get("REGISTRY_AUTH_HTPASSWD_PATH") or ((config.get("auth") or {}).get("htpasswd") or {}).get(
            "path")
        uses_htpasswd = env.get("REGISTRY_AUTH", "htpasswd") == "htpasswd" and (
            "REGISTRY_AUTH_HTPASSWD_PATH" in env or "htpasswd" in (config.get("auth") or {}))
        if uses_htpasswd and htpasswd and not pathlib.Path(htpasswd).is_file():
            # Not an error for the registry: it writes a new file with a random user, so nobody could log in.
            raise HarnessError(f"{self.template.where}: htpasswd file {htpasswd} does not exist in the container")

        self.overrides = self._harness_overrides(config, env)
        self.overrides.update(self.test_overrides)
        env.update(self.overrides)
        self._guard_network(config, env)
        self._guard_s3_credentials(config, env)
        self.env = {"PATH": IMAGE_PATH_ENV, "HOSTNAME": f"{self.template.name}-local", **env}
        return self.config_file

    def _materialize_volumes(self, pod_dir: pathlib.Path) -> None:
        for name, files in self._volume_files.items():
            root = pod_dir / "volumes" / name
            root.mkdir(parents=True)
            for relative, file in (files or {}).items():
                target = root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(file.content)
                # The file's mode as the kubelet sets it, but always readable by the harness's user (the owner here;
                # in the cluster root owns it and the pod reads it through fsGroup).
                target.chmod((file.mode & 0o777) | 0o400)
        for volume in self._volumes.values():
            if volume.type == "emptyDir":
                # A plain folder: `medium: Memory` (tmpfs) and `sizeLimit` (eviction) are not enforced locally.
                (pod_dir / "volumes" / volume.name).mkdir(parents=True, exist_ok=True)
            elif volume.type == "persistentVolumeClaim":
                self._pvc_dir(volume).mkdir(parents=True, exist_ok=True)

    def _init_log_path(self, name: str) -> pathlib.Path:
        return self.workdir / f"init-{name}.log"

    def _run_init_containers(self, pod_dir: pathlib.Path) -> None:
        """Each init container to completion, in order; a non-zero exit fails the start with its output."""
        for index, init in enumerate(self.init_containers, start=1):
            # The init container's "/" (its working directory and HOME for a user without a passwd entry); anything
            # it writes there is lost, as with its layer.
            layer = pod_dir / f"init-{index}-{init.name}"
            layer.mkdir(parents=True)
            mounts = {mount.container_path: mount.host_path for mount in self._mounts(pod_dir, init.mount_specs)}
            argv, container_env = init.host_command(mounts)
            env = {"PATH": IMAGE_PATH_ENV, "HOSTNAME": f"{self.template.name}-local", "HOME": str(layer),
                   **container_env}
            log_path = self._init_log_path(init.name)
            with log_path.open("ab") as log:
                log.write(f"### harness: pod {pod_dir.name}, init container {init.name!r}\n".encode())
                log.flush()
                offset = log.tell()
                process = _proc.spawn(argv, env=env, cwd=layer, log=log)
                try:
                    code: int | str = _proc.wait_exit(process, timeout=self.start_timeout)
                except HarnessError as error:  # over time: killed
                    code = str(error)
            if code != 0:
                output = log_path.read_bytes()[offset:].decode(errors="replace")
                raise HarnessError(f"{init.template.where} exited with {code}; its output:\n{output[-4000:]}")

    def _pvc_dir(self, volume: _kube.VolumeSource) -> pathlib.Path:
        return self.pvc_root / self.template.namespace / str(volume.spec["claimName"])

    def _mounts(self, pod_dir: pathlib.Path, specs: Sequence[_kube.MountSpec]) -> list[Mount]:
        """Host folders of a container's mounts: the same folder for the same volume in every container of the pod."""
        result = []
        for spec in specs:
            if spec.volume.type == "persistentVolumeClaim":
                root = self._pvc_dir(spec.volume)
            else:
                root = pod_dir / "volumes" / spec.volume.name
            host = root / spec.sub_path if spec.sub_path else root
            if spec.sub_path and not host.exists():
                host.mkdir(parents=True)  # the kubelet creates a missing subPath as a directory
            result.append(Mount(spec.mount_path, host, spec.volume.name, spec.read_only))
        return result

    def _map_env_path(self, name: str, value: str) -> str:
        assert self.fs is not None
        if PATH_ENV[name][-1] == "clientcas":
            cas = yaml.safe_load(value)
            return str(yaml.safe_dump([str(self.fs.host_path(str(ca))) for ca in cas], default_flow_style=True)).strip()
        return str(self.fs.host_path(value))

    def _map_config_paths(self, node: Any, path: tuple[str, ...]) -> Any:
        assert self.fs is not None
        if isinstance(node, dict):
            return {key: self._map_config_paths(value, (*path, str(key).lower())) for key, value in node.items()}
        if isinstance(node, list):
            return [self._map_config_paths(item, path) for item in node]
        if path in PATH_KEYS and isinstance(node, str):
            return str(self.fs.host_path(node))
        if isinstance(node, str) and node.startswith("/") and self.fs.mount_for(node) is not None:
            raise UnsupportedSpec(f"{self.template.where}: config key {'.'.join(path)}={node} points into a volume "
                                  "mount but is not a known path key; add it to PATH_KEYS if it is one")
        return node

    def _harness_overrides(self, config: Mapping[str, Any], env: Mapping[str, str]) -> dict[str, str]:
        """Where the cluster differs from a test: the listen address, TLS (the ingress's job) and the public host."""
        if self.command.mode == "garbage-collect":
            return {}  # it serves nothing: no listen address, no TLS
        http_config = config.get("http") or {}
        addr = env.get("REGISTRY_HTTP_ADDR", http_config.get("addr", ":5000"))
        self.container_port = _port_of(addr, "http.addr")
        overrides = {"REGISTRY_HTTP_ADDR": self.address}
        loopback, _ = _nginx.bind_address(addr, f"{self.template.where}: http.addr")
        self.network.listen(self.container_port, container=str(self.template.container["name"]),
                            loopback_only=loopback, local_port=self.port)
        debug_addr = env.get("REGISTRY_HTTP_DEBUG_ADDR", (http_config.get("debug") or {}).get("addr"))
        if debug_addr:
            self.debug_container_port = _port_of(debug_addr, "http.debug.addr")
            # 127.0.0.1:PORT in the pod: only its own containers reach it (kubectl exec, the metrics sidecar).
            self.debug_loopback_only, _ = _nginx.bind_address(debug_addr, f"{self.template.where}: http.debug.addr")
            self.debug_port = self.network.listen(self.debug_container_port, container=str(
                self.template.container["name"]), loopback_only=self.debug_loopback_only, local_port=self.debug_port)
            overrides["REGISTRY_HTTP_DEBUG_ADDR"] = f"{_proc.LOOPBACK}:{self.debug_port}"
        if "REGISTRY_HTTP_HOST" in env or http_config.get("host"):
            overrides["REGISTRY_HTTP_HOST"] = self.url  # redirects and upload URLs must come back here
        own_tls = [name for name in env if name.startswith("REGISTRY_HTTP_TLS")] or http_config.get("tls")
        self._own_tls = bool(env.get("REGISTRY_HTTP_TLS_CERTIFICATE") or (http_config.get("tls") or {}).get(
            "certificate"))
        if self.tls is not None:
            if own_tls:
                raise UnsupportedSpec(f"{self.template.where}: the container configures TLS itself ({own_tls}); "
                                      "start it with tls=None and trust its own certificate")
            overrides["REGISTRY_HTTP_TLS_CERTIFICATE"] = str(self.tls.cert_path)
            overrides["REGISTRY_HTTP_TLS_KEY"] = str(self.tls.key_path)
        return overrides

    def _guard_network(self, config: Mapping[str, Any], env: Mapping[str, str]) -> None:
        """Only loopback may be reached: a URL or storage driver that would leave the machine is refused."""
        values = [(name, value) for name, value in env.items()
                  if name.startswith("REGISTRY_") and name not in self.container_env.service_links]
        values += list(_walk_strings(config, ()))
        for name, value in values:
            if name.startswith(NOT_DIALED):
                continue
            host = None
            if "://" in value:
                host = urlsplit(value).hostname
            elif name in ("REGISTRY_REDIS_ADDR", "redis.addr"):
                host = value.rsplit(":", 1)[0]
            if host and not (host in LOOPBACK_HOSTS or host.startswith("127.")):
                raise UnsupportedSpec(f"{self.template.where}: {name}={value} would reach {host}; pass a loopback "
                                      "value in overrides= (e.g. the local S3 endpoint)")
        storage = config.get("storage") or {}
        driver = env.get("REGISTRY_STORAGE") or next(
            (key for key in storage if key not in STORAGE_NON_DRIVERS), None)
        if driver not in LOCAL_DRIVERS:
            raise UnsupportedSpec(f"{self.template.where}: storage driver {driver!r} cannot run locally "
                                  f"(supported: {sorted(LOCAL_DRIVERS)})")
        if driver == "s3" and not (env.get("REGISTRY_STORAGE_S3_REGIONENDPOINT")
                                   or (storage.get("s3") or {}).get("regionendpoint")):
            raise UnsupportedSpec(f"{self.template.where}: S3 storage without regionendpoint would call AWS")

    def _guard_s3_credentials(self, config: Mapping[str, Any], env: Mapping[str, str]) -> None:
        """The S3 driver of 2.8 tries, in order: accesskey+secretkey, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, the
        shared credentials file (AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials; profile AWS_PROFILE or
        default), then the EC2 instance metadata service at 169.254.169.254. That last one would leave the machine."""
        storage = config.get("storage") or {}
        driver = env.get("REGISTRY_STORAGE") or next((key for key in storage if key not in STORAGE_NON_DRIVERS), None)
        if driver != "s3":
            return
        # REGISTRY_STORAGE replaces the file's whole storage block.
        s3 = {} if env.get("REGISTRY_STORAGE") else (storage.get("s3") or {})
        if env.get("REGISTRY_STORAGE_S3_ACCESSKEY", s3.get("accesskey")) and env.get(
                "REGISTRY_STORAGE_S3_SECRETKEY", s3.get("secretkey")):
            return
        if (env.get("AWS_ACCESS_KEY_ID") or env.get("AWS_ACCESS_KEY")) and (
                env.get("AWS_SECRET_ACCESS_KEY") or env.get("AWS_SECRET_KEY")):
            return
        problem = "no AWS_SHARED_CREDENTIALS_FILE (and no HOME)"
        if env.get("AWS_SHARED_CREDENTIALS_FILE"):
            path = pathlib.Path(env["AWS_SHARED_CREDENTIALS_FILE"])
            profile = env.get("AWS_PROFILE") or "default"
            parser = configparser.ConfigParser(interpolation=None)
            try:
                parser.read_string(path.read_text())
                section = parser[profile]
                if section.get("aws_access_key_id") and section.get("aws_secret_access_key"):
                    return
                problem = f"{path} has no aws_access_key_id and aws_secret_access_key in [{profile}]"
            except FileNotFoundError:
                problem = f"the shared credentials file {path} does not exist"
            except KeyError:
                problem = f"{path} has no [{profile}] profile"
            except configparser.Error as error:
                problem = f"{path} cannot be read as an INI file: {error}"
        raise UnsupportedSpec(f"{self.template.where}: S3 storage without usable keys: {problem}; the driver would "
                              "ask the EC2 instance metadata service (169.254.169.254) for credentials")

    # -- running ------------------------------------------------------------------------------------------------------

    def _spawn(self, argv: list[str]) -> _proc.LoggedProcess:
        shown = ", ".join(f"{key}={value}" for key, value in self.overrides.items())
        assert self._pod_dir is not None
        return _proc.LoggedProcess(argv, env=self.env, cwd=self._pod_dir, log_path=self.log_path,
                                   preamble=f"### harness: {' '.join(argv)}\n### harness overrides: {shown}\n")

    def _dead(self) -> str | None:
        if self._server is not None and self._server.has_exited():
            code = self._server.stop(grace=0)
            self._server = None
            log = self.log_text()
            panic = log.rfind("\npanic: ")  # a Go panic: its message matters more than the end of the stack
            return f"exited with {code}; log:\n{log[panic:panic + 3000] if panic >= 0 else log[-4000:]}"
        return None

    def _root_answers(self) -> int | None:
        status, _, _ = http_request("GET", _proc.LOOPBACK, self.port, "/",
                                    context=self.tls.client_context() if self.tls else None)
        return status if status == 200 else None

    def _probes(self) -> dict[str, Mapping[str, Any]]:
        probes = {}
        for kind in ("startupProbe", "livenessProbe", "readinessProbe"):
            probe = self.template.container.get(kind)
            if probe is None:
                continue
            handlers = set(probe) - _kube.PROBE_IGNORED
            _kube.check_fields(probe, f"{self.template.where} {kind}", {"httpGet", "tcpSocket"}, _kube.PROBE_IGNORED)
            if len(handlers) != 1:
                raise UnsupportedSpec(f"{self.template.where}: {kind} needs exactly one handler, got {handlers}")
            if "httpGet" in probe:
                _kube.check_fields(probe["httpGet"], f"{self.template.where} {kind}.httpGet",
                                   {"path", "port", "scheme", "httpHeaders"}, set())
            else:
                _kube.check_fields(probe["tcpSocket"], f"{self.template.where} {kind}.tcpSocket", {"port"}, set())
            probes[kind] = probe
        return probes

    def _local_port(self, container_port: int, kind: str) -> int:
        if container_port == self.container_port:
            return self.port
        if self.debug_port is not None and container_port == self.debug_container_port:
            return self.debug_port
        raise HarnessError(f"{self.template.where}: {kind} checks port {container_port}, where the registry does not "
                           f"listen (http {self.container_port}, debug {self.debug_container_port})")

    def _container_scheme(self, container_port: int) -> str:
        if container_port != self.container_port:
            return "http"  # the debug server never serves TLS
        return "https" if self._own_tls else "http"


def _check_image(template: PodTemplate, image_pattern: str) -> None:
    image = str(template.container.get("image", ""))
    if not re.match(image_pattern, image):
        raise UnsupportedSpec(f"{template.where}: image {image!r} does not match {image_pattern!r}; the local binary "
                              "is distribution 2.8.2 and behaves like registry:2 only")


def _port_of(addr: str, what: str) -> int:
    port = str(addr).rsplit(":", 1)[-1]
    if not port.isdigit():
        raise UnsupportedSpec(f"{what} {addr!r} has no numeric port")
    return int(port)


def _walk_strings(node: Any, path: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk_strings(value, (*path, str(key).lower()))
    elif isinstance(node, list):
        for item in node:
            yield from _walk_strings(item, path)
    elif isinstance(node, str):
        yield ".".join(path), node


def _unverified_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def http_request(method: str, host: str, port: int, path: str, *, headers: Mapping[str, str] | None = None,
                 body: bytes | None = None, context: ssl.SSLContext | None = None,
                 timeout: float = 10.0) -> tuple[int, dict[str, str], bytes]:
    """One HTTP(S) request on a fresh connection that is always closed (no ResourceWarning under -W error)."""
    conn: http.client.HTTPConnection
    if context is not None:
        conn = http.client.HTTPSConnection(host, port, context=context, timeout=timeout)
    else:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=dict(headers or {}))
        response = conn.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data
    finally:
        conn.close()
