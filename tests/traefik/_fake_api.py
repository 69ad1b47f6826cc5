"""A read-only stand-in for the Kubernetes API server: just enough for Traefik's kubernetescrd provider.

At start Traefik (client-go 0.36) opens one informer per resource it reads: core services, secrets, configmaps,
discovery endpointslices and the ten traefik.io kinds. Each informer first tries a "watch list" (a watch with
sendInitialEvents=true, answered by one ADDED event per object and a BOOKMARK that ends the initial events) and falls
back to a plain LIST followed by a WATCH. Both are served here, from a fixed set of objects; a watch stream is held
open, with nothing more sent, until the server stops. Anything else asked for is answered 404 and recorded in
`unexpected`, which the tests assert to be empty: a request this server does not understand is a failure, never a
silent empty answer.
"""

from __future__ import annotations

import base64
import copy
import http.server
import threading
import uuid
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

from e2e import _proc
from e2e._api_responses import ApiResponses, initial_events

LOOPBACK = "127.0.0.1"
RESOURCE_VERSION = "1"  # one fixed state: nothing ever changes while Traefik watches

# (group, version, plural) -> kind: every resource Traefik 3.7's kubernetescrd provider lists and watches. Nodes
# (cluster-scoped, for NodePort load balancing) are asked for once the other caches have synced; we serve none.
TRAEFIK_IO = "traefik.io"
RESOURCES: dict[tuple[str, str, str], str] = {
    ("", "v1", "nodes"): "Node",
    ("", "v1", "services"): "Service",
    ("", "v1", "secrets"): "Secret",
    ("", "v1", "configmaps"): "ConfigMap",
    ("discovery.k8s.io", "v1", "endpointslices"): "EndpointSlice",
    **{(TRAEFIK_IO, "v1alpha1", plural): kind for plural, kind in {
        "ingressroutes": "IngressRoute", "ingressroutetcps": "IngressRouteTCP", "ingressrouteudps": "IngressRouteUDP",
        "middlewares": "Middleware", "middlewaretcps": "MiddlewareTCP", "serverstransports": "ServersTransport",
        "serverstransporttcps": "ServersTransportTCP", "tlsoptions": "TLSOption", "tlsstores": "TLSStore",
        "traefikservices": "TraefikService",
    }.items()},
}
SERVED_API_VERSIONS = {f"{group}/{version}" if group else version for group, version, _ in RESOURCES}


def _api_version(group: str, version: str) -> str:
    return f"{group}/{version}" if group else version


def _selector_matches(selector: str, labels: Mapping[str, str]) -> bool:
    """The equality-based label selectors (`k=v`, `k==v`, `k!=v`, comma-separated); anything else raises."""
    for term in filter(None, selector.split(",")):
        if "!=" in term:
            key, value = term.split("!=", 1)
            if labels.get(key) == value:
                return False
        elif "=" in term:
            key, value = term.replace("==", "=", 1).split("=", 1)
            if labels.get(key) != value:
                return False
        else:
            raise ValueError(f"label selector term {term!r} is not supported by the fake API")
    return True


class FakeKubeApi:
    """Serves `objects` (synthesized manifests plus test-made ones) over plain HTTP on the loopback address.

    Objects of kinds Traefik does not read (Deployments, NetworkPolicies, ...) are ignored. An object whose apiVersion
    is one this server serves but whose kind is unknown raises at construction, so a new Traefik kind in our output is
    never dropped unnoticed. Every served object gets a uid and resourceVersion as the API server would add them, and
    a Secret's `stringData` becomes base64 `data`, as the API server stores it.
    """

    def __init__(self, objects: Iterable[Mapping[str, Any]], *, host: str = LOOPBACK) -> None:
        """`host`: the address to listen on (a pod network's node address, for a Traefik in a pod)."""
        kinds = {(_api_version(group, version), kind): (group, version, plural)
                 for (group, version, plural), kind in RESOURCES.items()}
        self._by_resource: dict[tuple[str, str, str], list[dict[str, Any]]] = {key: [] for key in RESOURCES}
        for manifest in objects:
            api_version, kind = manifest["apiVersion"], manifest["kind"]
            if (api_version, kind) not in kinds:
                if api_version in SERVED_API_VERSIONS and api_version != "v1":
                    raise ValueError(f"{kind} {api_version} is not a resource the fake API serves: add it")
                continue
            if not manifest.get("metadata", {}).get("namespace"):
                raise ValueError(f"{kind} {manifest['metadata'].get('name')} has no namespace")
            self._by_resource[kinds[(api_version, kind)]].append(self._stored(manifest))
        self.requests: list[str] = []
        self.unexpected: list[str] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = http.server.ThreadingHTTPServer((host, 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @staticmethod
    def _stored(manifest: Mapping[str, Any]) -> dict[str, Any]:
        stored = copy.deepcopy(dict(manifest))
        metadata = stored["metadata"]
        metadata.setdefault("uid", str(uuid.uuid5(uuid.NAMESPACE_URL, f"{stored['kind']}/{metadata['namespace']}/"
                                                                      f"{metadata['name']}")))
        metadata.setdefault("resourceVersion", RESOURCE_VERSION)
        if stored["kind"] == "Secret" and "stringData" in stored:
            data = dict(stored.get("data") or {})
            data.update({key: base64.b64encode(value.encode()).decode()
                         for key, value in stored.pop("stringData").items()})
            stored["data"] = data
        return stored

    # -- lifecycle ----------------------------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeKubeApi:
        self._thread = _proc.serve_in_thread(self._server, "fake-kube-api")
        return self

    def stop(self) -> None:
        """End every held watch stream, stop serving and close the socket."""
        self._stopping.set()
        _proc.stop_serving(self._server, self._thread, timeout=10)
        self._thread = None

    # -- what is served -----------------------------------------------------------------------------------------------

    def objects(self, group: str, version: str, plural: str, namespace: str | None,
                selector: str) -> list[dict[str, Any]]:
        return [item for item in self._by_resource[(group, version, plural)]
                if (namespace is None or item["metadata"]["namespace"] == namespace)
                and _selector_matches(selector, item["metadata"].get("labels") or {})]

    def _record(self, line: str, *, unexpected: bool) -> None:
        with self._lock:
            self.requests.append(line)
            if unexpected:
                self.unexpected.append(line)

    def _handler_class(self) -> type[http.server.BaseHTTPRequestHandler]:
        api = self

        class Handler(ApiResponses):
            protocol_version = "HTTP/1.1"
            timeout = 60  # an idle keep-alive connection never holds a thread for long

            def log_message(self, format: str, *args: Any) -> None:
                pass  # every request is recorded in api.requests instead of being printed

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
                resource = self._resource(parts.path)
                if resource is None:
                    api._record(f"GET {self.path}", unexpected=True)
                    self._status(404, "NotFound", f"the fake API does not serve {parts.path}")
                    return
                group, version, plural, namespace = resource
                try:
                    items = api.objects(group, version, plural, namespace, query.get("labelSelector", ""))
                except ValueError as error:
                    api._record(f"GET {self.path} ({error})", unexpected=True)
                    self._status(400, "BadRequest", str(error))
                    return
                api._record(f"GET {self.path}", unexpected=False)
                if query.get("watch") in ("true", "1"):
                    self._watch(group, version, plural, items, initial=query.get("sendInitialEvents") == "true")
                else:
                    self._json(200, {"kind": RESOURCES[(group, version, plural)] + "List",
                                     "apiVersion": _api_version(group, version),
                                     "metadata": {"resourceVersion": RESOURCE_VERSION}, "items": items})

            def do_POST(self) -> None:
                self._refuse()

            def do_PUT(self) -> None:
                self._refuse()

            def do_PATCH(self) -> None:
                self._refuse()

            def do_DELETE(self) -> None:
                self._refuse()

            def _refuse(self) -> None:
                # Traefik's CRD provider only reads (it writes status only for Ingress and Gateway objects).
                api._record(f"{self.command} {self.path}", unexpected=True)
                self._status(405, "MethodNotAllowed", "the fake API is read-only")

            @staticmethod
            def _resource(path: str) -> tuple[str, str, str, str | None] | None:
                segments = path.strip("/").split("/")
                if segments[:2] == ["api", "v1"]:
                    group, version, rest = "", "v1", segments[2:]
                elif segments[:1] == ["apis"] and len(segments) >= 3:
                    group, version, rest = segments[1], segments[2], segments[3:]
                else:
                    return None
                namespace = None
                if len(rest) == 3 and rest[0] == "namespaces":
                    namespace, rest = rest[1], rest[2:]
                if len(rest) != 1 or (group, version, rest[0]) not in RESOURCES:
                    return None
                return group, version, rest[0], namespace

            def _watch(self, group: str, version: str, plural: str, items: list[dict[str, Any]], *,
                       initial: bool) -> None:
                # Nothing ever changes: the stream is held until the server stops (client-go ends it itself after its
                # timeoutSeconds, minutes away).
                events = initial_events(items, kind=RESOURCES[(group, version, plural)],
                                        api_version=_api_version(group, version),
                                        resource_version=RESOURCE_VERSION) if initial else []
                self._hold_watch(events, api._stopping)

        return Handler
