"""Runs an nginx sidecar of the registry's pod (the metrics proxy) as Debian's nginx, from its own container spec.

The pod's containers share one network namespace: a listener on 127.0.0.1 is reachable by every container of the
pod and by nothing outside it; a listener on all interfaces is reachable from outside (subject to NetworkPolicies).
Locally every container port becomes a free port on the host's loopback, so the harness keeps the pod's view in a
:class:`PodNetwork`: which container ports exist, on which local port, and whether the pod exposes them.

The nginx config is read from the container's own mounts (the ConfigMap file the kubelet writes) and parsed; only
directives listed here are accepted, and each is honoured: `listen` and `proxy_pass` are mapped to the local ports,
file paths to the mounts' host folders. The unprivileged image's compiled-in paths are not Debian's, so every path
nginx writes (pid, the five temp folders) must be in the config and on a writable mount: with the image's read-only
root anything else would fail in the cluster. Debian's nginx is 1.22, not the image's version; it runs as the test's
user (the container's non-root uid is checked by the unit tests).
"""

from __future__ import annotations

import dataclasses
import functools
import pathlib
import re
import socket
from collections.abc import Mapping, Sequence
from typing import Protocol

from . import _kube, _proc
from ._kube import PodTemplate, UnsupportedSpec
from ._proc import HarnessError

NGINX_BINARY = "/usr/sbin/nginx"
NGINX_IMAGE_PATTERN = (r"^(?:docker\.io/)?nginxinc/nginx-unprivileged:\d+\.\d+\.\d+(?:-[a-z0-9.-]+)?"
                       r"(?:@sha256:[0-9a-f]{64})?$")
TEMP_PATHS = ("client_body_temp_path", "proxy_temp_path", "fastcgi_temp_path", "uwsgi_temp_path", "scgi_temp_path")
# Directives by context; anything else is refused.
DIRECTIVES: dict[str, set[str]] = {
    "main": {"daemon", "worker_processes", "pid", "error_log", "events", "http"},
    "events": {"worker_connections"},
    "http": {"access_log", "server_tokens", "client_max_body_size", *TEMP_PATHS, "server"},
    "server": {"listen", "location"},
    "location": {"limit_except", "proxy_pass", "proxy_max_temp_file_size", "proxy_connect_timeout",
                 "proxy_read_timeout", "return"},
    "limit_except": {"deny", "allow"},
}
BLOCKS = {"events", "http", "server", "location", "limit_except"}
LOOPBACK_NAMES = {"127.0.0.1", "localhost"}


@dataclasses.dataclass
class PodNetwork:
    """The pod's listeners: container port -> local port, and the container ports reachable from outside the pod."""

    local: dict[int, int] = dataclasses.field(default_factory=dict)
    exposed: set[int] = dataclasses.field(default_factory=set)
    owner: dict[int, str] = dataclasses.field(default_factory=dict)

    def listen(self, container_port: int, *, container: str, loopback_only: bool, local_port: int | None = None) -> int:
        """Register a listener of `container` on `container_port` (all interfaces unless `loopback_only`)."""
        if container_port in self.owner and self.owner[container_port] != container:
            raise HarnessError(f"port {container_port} is taken in the pod by {self.owner[container_port]!r}; "
                               f"{container!r} could not bind it")
        self.owner[container_port] = container
        self.local[container_port] = local_port or self.local.get(container_port) or _proc.free_port()
        (self.exposed.discard if loopback_only else self.exposed.add)(container_port)
        return self.local[container_port]

    def exposed_ports(self) -> dict[int, int]:
        """Container port -> local port of every listener reachable from outside the pod."""
        return {port: self.local[port] for port in sorted(self.exposed)}

    def loopback_ports(self) -> dict[int, int]:
        """Container port -> local port of the listeners only the pod's own containers reach (kubectl exec)."""
        return {port: local for port, local in sorted(self.local.items()) if port not in self.exposed}


def bind_address(addr: str, what: str) -> tuple[bool, int]:
    """(loopback only, port) of an `[host]:port` listen address."""
    host, _, port = str(addr).rpartition(":")
    if not port.isdigit():
        raise UnsupportedSpec(f"{what} {addr!r} has no numeric port")
    host = host.strip("[]")
    if host in ("", "*", "0.0.0.0", "::"):
        return False, int(port)
    if host in LOOPBACK_NAMES or host == "::1":
        return True, int(port)
    raise UnsupportedSpec(f"{what} {addr!r}: the harness knows all interfaces or loopback, not host {host!r}")


@dataclasses.dataclass
class _Directive:
    name: str
    args: list[str]
    block: list[_Directive] | None


def _parse(text: str, where: str) -> list[_Directive]:
    tokens = re.findall(r"#[^\n]*|[{};]|[^\s{};#]+", text)
    tokens = [token for token in tokens if not token.startswith("#")]
    if any(quote in token for token in tokens for quote in "\"'$\\"):
        raise UnsupportedSpec(f"{where}: quotes, variables and escapes are not implemented by the harness's parser")
    position = 0

    def block(depth: int) -> list[_Directive]:
        nonlocal position
        result: list[_Directive] = []
        words: list[str] = []
        while position < len(tokens):
            token = tokens[position]
            position += 1
            if token == ";":
                if not words:
                    raise HarnessError(f"{where}: empty directive")
                result.append(_Directive(words[0], words[1:], None))
                words = []
            elif token == "{":
                if not words:
                    raise HarnessError(f"{where}: block without a name")
                result.append(_Directive(words[0], words[1:], block(depth + 1)))
                words = []
            elif token == "}":
                if depth == 0 or words:
                    raise HarnessError(f"{where}: unbalanced '}}' or a directive without ';'")
                return result
            else:
                words.append(token)
        if depth != 0 or words:
            raise HarnessError(f"{where}: unterminated block or directive")
        return result

    return block(0)


def _render(directives: Sequence[_Directive], indent: str = "") -> str:
    lines = []
    for directive in directives:
        head = " ".join([directive.name, *directive.args])
        if directive.block is None:
            lines.append(f"{indent}{head};")
        else:
            lines += [f"{indent}{head} {{", _render(directive.block, indent + "    "), f"{indent}}}"]
    return "\n".join(line for line in lines if line)


class NginxSidecar:
    """One nginx container of the pod: `nginx -c FILE [-e stderr]` with the image's nginx-unprivileged build."""

    def __init__(self, template: PodTemplate, store: _kube.ObjectStore, *, image_pattern: str = NGINX_IMAGE_PATTERN,
                 start_timeout: float = 10.0) -> None:
        self.template = template
        where = template.where
        _kube.check_fields(template.container, where, _kube.CONTAINER_HONOURED, _kube.CONTAINER_IGNORED,
                           _kube.CONTAINER_NOOP_VALUES)
        image = str(template.container.get("image", ""))
        if not re.match(image_pattern, image):
            raise UnsupportedSpec(f"{where}: image {image!r} does not match {image_pattern!r}")
        if template.container.get("env"):
            raise UnsupportedSpec(f"{where}: env is not used by nginx and not implemented for it by the harness")
        argv = [str(part) for part in [*(template.container.get("command") or []),
                                       *(template.container.get("args") or [])]]
        if len(argv) not in (3, 5) or argv[:2] != ["nginx", "-c"] or (len(argv) == 5 and argv[3:] != ["-e", "stderr"]):
            raise UnsupportedSpec(f"{where}: command {argv!r}: the harness runs `nginx -c FILE [-e stderr]` only "
                                  "(the image's entrypoint would edit /etc/nginx)")
        self.config_path = argv[2]
        self.security = template.container.get("securityContext") or {}
        if self.security.get("readOnlyRootFilesystem") is not True:
            raise UnsupportedSpec(f"{where}: the harness models a read-only root only")
        self.mount_specs = _kube.mounts(template)
        self.declared_ports = [int(port["containerPort"]) for port in template.container.get("ports") or []]
        self.probes = {kind: template.container[kind] for kind in ("startupProbe", "livenessProbe", "readinessProbe")
                       if kind in template.container}
        for kind, probe in self.probes.items():
            _kube.check_fields(probe, f"{where} {kind}", {"tcpSocket"}, _kube.PROBE_IGNORED)
        self.start_timeout = start_timeout
        self.config_text = ""  # the effective config nginx got
        self._server: _proc.LoggedProcess | None = None
        self.log_path: pathlib.Path | None = None

    @property
    def name(self) -> str:
        return str(self.template.container["name"])

    @property
    def running(self) -> bool:
        return self._server is not None and not self._server.has_exited()

    def start(self, *, mounts: Mapping[str, tuple[pathlib.Path, bool]], network: PodNetwork,
              workdir: pathlib.Path) -> None:
        """Start nginx with the config from its mounts (container path -> (host folder, read only)), its listeners
        registered in `network` and its upstreams mapped through it; wait until every declared port accepts."""
        where = self.template.where
        fs = sorted(mounts.items(), key=lambda item: len(item[0]), reverse=True)

        def host_path(container_path: str, *, writable: bool) -> pathlib.Path:
            for mount_path, (host, read_only) in fs:
                if container_path == mount_path or container_path.startswith(mount_path + "/"):
                    if writable and read_only:
                        raise UnsupportedSpec(f"{where}: {container_path} is on a read-only mount")
                    return host / container_path[len(mount_path):].lstrip("/")
            raise UnsupportedSpec(f"{where}: {container_path} is on the container's read-only root filesystem "
                                  "(or, read, in the image, whose files the harness does not have)")

        source = host_path(self.config_path, writable=False)
        if not source.is_file():
            raise HarnessError(f"{where}: config file {self.config_path} does not exist in the container")
        directives = _parse(source.read_text(), f"{where} {self.config_path}")
        seen: set[str] = set()
        self._honour(directives, "main", seen, host_path, network)
        missing = sorted({"pid", "daemon", *TEMP_PATHS} - seen)
        if missing:
            raise UnsupportedSpec(f"{where}: {missing} not set: the image's compiled-in defaults point into its "
                                  "read-only root (pid, temp folders), or nginx would daemonize")
        workdir.mkdir(parents=True, exist_ok=True)
        effective = workdir / f"{self.name}-nginx.conf"
        self.config_text = _render(directives) + "\n"
        effective.write_text(self.config_text)
        self.log_path = workdir / f"{self.name}.log"
        argv = [NGINX_BINARY, "-p", str(workdir), "-c", str(effective), "-e", "stderr"]
        self._server = _proc.LoggedProcess(argv, env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}, cwd=workdir,
                                           log_path=self.log_path, preamble=f"### harness: {' '.join(argv)}\n")
        for port in self.declared_ports:
            if port not in network.owner or network.owner[port] != self.name:
                self.stop()
                raise HarnessError(f"{where}: containerPort {port} declared, but nginx does not listen on it")
            _proc.wait_ready(f"{self.name} port {port}", functools.partial(_accepts, network.local[port]),
                             timeout=self.start_timeout, alive=self._dead, stop=self.stop)

    def check_probes(self, network: PodNetwork) -> dict[str, int]:
        """Every tcpSocket probe of the container against the running nginx, as the kubelet would."""
        results = {}
        for kind, probe in self.probes.items():
            port = _kube.port_by_name(self.template, probe["tcpSocket"]["port"])
            if network.owner.get(port) != self.name or not _accepts(network.local[port]):
                raise HarnessError(f"{self.template.where}: {kind} on port {port} is not accepted")
            results[kind] = 200
        return results

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop(grace=5)
            self._server = None

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path and self.log_path.exists() else ""

    def _dead(self) -> str | None:
        if self._server is not None and self._server.has_exited():
            code = self._server.stop(grace=0)
            self._server = None
            return f"nginx exited with {code}; log:\n{self.log_text()[-3000:]}"
        return None

    def _honour(self, directives: list[_Directive], context: str, seen: set[str], host_path: _HostPath,
                network: PodNetwork) -> None:
        where = f"{self.template.where} {self.config_path}"
        for directive in directives:
            name, args = directive.name, directive.args
            if name not in DIRECTIVES[context]:
                raise UnsupportedSpec(f"{where}: directive {name!r} in {context} is not known to the harness")
            if (directive.block is not None) != (name in BLOCKS):
                raise HarnessError(f"{where}: {name!r} {'needs' if name in BLOCKS else 'takes no'} a block")
            seen.add(name)
            if name == "daemon" and args != ["off"]:
                raise UnsupportedSpec(f"{where}: a container's nginx must stay in the foreground (daemon off)")
            elif name == "error_log" and args[:1] != ["stderr"]:
                raise UnsupportedSpec(f"{where}: error_log {args}: only stderr is implemented")
            elif name == "access_log" and args != ["off"]:
                raise UnsupportedSpec(f"{where}: access_log {args}: only off is implemented")
            elif name == "pid" or name in TEMP_PATHS:
                if len(args) != 1 or not args[0].startswith("/"):
                    raise UnsupportedSpec(f"{where}: {name} {args}: one absolute path expected")
                path = host_path(args[0], writable=True)
                (path.parent if name == "pid" else path).mkdir(parents=True, exist_ok=True)
                directive.args = [str(path)]
            elif name == "listen":
                if len(args) != 1:
                    raise UnsupportedSpec(f"{where}: listen {args}: parameters are not implemented")
                loopback, port = bind_address(args[0] if ":" in args[0] else f":{args[0]}", f"{where} listen")
                local = network.listen(port, container=self.name, loopback_only=loopback)
                directive.args = [f"{_proc.LOOPBACK}:{local}"]
            elif name == "proxy_pass":
                match = re.fullmatch(r"http://([^/:]+):(\d+)(/.*)?", args[0]) if len(args) == 1 else None
                if match is None or match.group(1) not in LOOPBACK_NAMES:
                    raise UnsupportedSpec(f"{where}: proxy_pass {args}: only http://127.0.0.1:PORT[/path] (a "
                                          "container of the same pod) is implemented")
                port = int(match.group(2))
                if port not in network.owner:
                    raise HarnessError(f"{where}: proxy_pass to port {port}, where no container of the pod listens")
                directive.args = [f"http://{_proc.LOOPBACK}:{network.local[port]}{match.group(3) or ''}"]
            if directive.block is not None:
                self._honour(directive.block, name, seen, host_path, network)


class _HostPath(Protocol):  # the signature of NginxSidecar.start's host_path
    def __call__(self, container_path: str, *, writable: bool) -> pathlib.Path: ...


def _accepts(port: int) -> bool | None:
    try:
        with socket.create_connection((_proc.LOOPBACK, port), timeout=2):
            return True
    except OSError:
        return None
