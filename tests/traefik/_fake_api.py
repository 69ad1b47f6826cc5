"""A stand-in for the Kubernetes API server that Traefik only reads: just enough for its kubernetescrd provider.

At start Traefik (client-go 0.36) opens one informer per resource it reads: core services, secrets, configmaps,
discovery endpointslices and the ten traefik.io kinds. Each informer first tries a "watch list" (a watch with
sendInitialEvents=true, answered by one ADDED event per object and a BOOKMARK that ends the initial events) and falls
back to a plain LIST followed by a WATCH. Both are served here. The objects change only when the test changes them
(:meth:`FakeKubeApi.put`, :meth:`FakeKubeApi.delete`, as the endpointslice controller replaces a Service's slice when
a pod's readiness changes): each change gets the next resourceVersion and is sent to every open watch of its resource
(ADDED, MODIFIED, DELETED) that it matches; a watch from a resourceVersion gets the changes after it. Anything else
asked for is answered 404 and recorded in `unexpected`, which the tests assert to be empty: a request this server does
not understand is a failure, never a silent empty answer.
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
RESOURCE_VERSION = "1"  # of the objects given at construction; every change takes the next one

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
        self._kinds = kinds
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._revision = int(RESOURCE_VERSION)
        # (resourceVersion, resource, event); a subclass may key its resources otherwise
        self._events: list[tuple[int, Any, dict[str, Any]]] = []
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

    # -- changes ------------------------------------------------------------------------------------------------------

    def _resource_of(self, manifest: Mapping[str, Any]) -> tuple[str, str, str]:
        key = self._kinds.get((manifest["apiVersion"], manifest["kind"]))
        if key is None:
            raise ValueError(f"{manifest['kind']} {manifest['apiVersion']} is not a resource the fake API serves")
        return key

    def put(self, manifest: Mapping[str, Any]) -> str:
        """Create or replace (by kind, namespace and name) an object, as an apply would: it gets the next
        resourceVersion, which is returned, and every watch of its resource that it matches gets an ADDED or
        MODIFIED event."""
        key = self._resource_of(manifest)
        with self._changed:
            self._revision += 1
            stored = self._stored(manifest)
            stored["metadata"]["resourceVersion"] = str(self._revision)
            items = self._by_resource[key]
            index = self._index(items, stored["metadata"]["namespace"], stored["metadata"]["name"])
            if index is None:
                items.append(stored)
            else:
                items[index] = stored
            self._events.append((self._revision, key, {"type": "ADDED" if index is None else "MODIFIED",
                                                       "object": copy.deepcopy(stored)}))
            self._changed.notify_all()
            return str(self._revision)

    def delete(self, api_version: str, kind: str, namespace: str, name: str) -> None:
        """Delete an object: every watch of its resource that it matched gets a DELETED event."""
        key = self._resource_of({"apiVersion": api_version, "kind": kind})
        with self._changed:
            items = self._by_resource[key]
            index = self._index(items, namespace, name)
            if index is None:
                raise ValueError(f"no {kind} {namespace}/{name} to delete")
            self._revision += 1
            gone = items.pop(index)
            gone["metadata"]["resourceVersion"] = str(self._revision)
            self._events.append((self._revision, key, {"type": "DELETED", "object": gone}))
            self._changed.notify_all()

    @staticmethod
    def _index(items: list[dict[str, Any]], namespace: str, name: str) -> int | None:
        return next((i for i, item in enumerate(items)
                     if item["metadata"]["namespace"] == namespace and item["metadata"]["name"] == name), None)

    # -- what is served -----------------------------------------------------------------------------------------------

    def objects(self, group: str, version: str, plural: str, namespace: str | None,
                selector: str) -> list[dict[str, Any]]:
        return [item for item in self._by_resource[(group, version, plural)]
                if (namespace is None or item["metadata"]["namespace"] == namespace)
                and _selector_matches(selector, item["metadata"].get("labels") or {})]

    def _changes_after(self, key: tuple[str, str, str], since: int, namespace: str | None,
                       selector: str) -> tuple[int, list[dict[str, Any]]]:
        """The events of `key` after resourceVersion `since` that match (waiting up to 0.2 s for one), and the last
        resourceVersion looked at."""
        with self._changed:
            if not any(rv > since for rv, k, _ in self._events if k == key):
                self._changed.wait(0.2)
            events = [(rv, event) for rv, k, event in self._events if k == key and rv > since]
        matching = [event for _, event in events
                    if (namespace is None or event["object"]["metadata"]["namespace"] == namespace)
                    and _selector_matches(selector, event["object"]["metadata"].get("labels") or {})]
        return (events[-1][0] if events else since), matching

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
                    with api._lock:
                        items = copy.deepcopy(api.objects(group, version, plural, namespace,
                                                          query.get("labelSelector", "")))
                        revision = api._revision
                except ValueError as error:
                    api._record(f"GET {self.path} ({error})", unexpected=True)
                    self._status(400, "BadRequest", str(error))
                    return
                api._record(f"GET {self.path}", unexpected=False)
                if query.get("watch") in ("true", "1"):
                    initial = query.get("sendInitialEvents") == "true"
                    since = int(query.get("resourceVersion") or "0")
                    if initial or since == 0:  # a watch list, or a watch from "any" version: every object first
                        self._watch((group, version, plural), namespace, query.get("labelSelector", ""), items,
                                    revision, initial=initial)
                    else:
                        self._watch((group, version, plural), namespace, query.get("labelSelector", ""), [], since,
                                    initial=False)
                else:
                    self._json(200, {"kind": RESOURCES[(group, version, plural)] + "List",
                                     "apiVersion": _api_version(group, version),
                                     "metadata": {"resourceVersion": str(revision)}, "items": items})

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

            def _watch(self, key: tuple[str, str, str], namespace: str | None, selector: str,
                       items: list[dict[str, Any]], since: int, *, initial: bool) -> None:
                # The initial events (a watch list's end with its bookmark), then every change after `since` until
                # the server stops (client-go ends a watch itself after its timeoutSeconds, minutes away).
                group, version, _ = key
                first = initial_events(items, kind=RESOURCES[key], api_version=_api_version(group, version),
                                       resource_version=str(since)) if initial else [
                    {"type": "ADDED", "object": item} for item in items]
                sent = since

                def changes() -> list[dict[str, Any]]:
                    nonlocal sent
                    sent, events = api._changes_after(key, sent, namespace, selector)
                    return events

                self._follow_watch(first, changes, api._stopping)

        return Handler
