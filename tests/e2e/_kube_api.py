"""A stand-in for the Kubernetes API server, for the real kubectl of the garbage collection's read-only window.

No API server runs here, so this one serves what `kubectl set env deployment/NAME` and `kubectl rollout status
deployment/NAME` ask for, over HTTPS with the test CA, exactly as a cluster's would answer them:

- discovery (`/api`, `/apis`, `/api/v1`, `/apis/apps/v1`, in the legacy form every kubectl falls back to);
- get, list and watch of Deployments (field selector `metadata.name=`; a watch list with its initial events),
  and strategic-merge PATCH of a Deployment;
- authentication by bearer token (a token the test issued for a ServiceAccount), and authorization by the RBAC objects
  among the served manifests (Roles and RoleBindings), with Kubernetes' rules: verbs get/list/watch/patch, resourceNames
  restrict list and watch only through a `metadata.name` field selector, discovery is open to every authenticated user.

A PATCH that changes the pod template bumps `metadata.generation` and calls `on_rollout(deployment)` (the test acting
as the Deployment controller: it restarts the registry from the patched object) before the rollout is reported
complete in `status`. Anything this server does not understand is answered with an error and recorded in
`unexpected`, which the tests assert to be empty; refusals (401, 403) are recorded in `denied`.
"""

from __future__ import annotations

import copy
import http.server
import json
import secrets
import ssl
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

from . import _proc
from ._api_responses import ApiResponses, initial_events
from ._tls import TlsFiles

Manifest = Mapping[str, Any]
RolloutHook = Callable[[dict[str, Any]], None]

# Lists merged by a key under strategic merge patch (the Deployment fields a `kubectl set env` patch touches).
MERGE_KEYS = {"containers": "name", "initContainers": "name", "env": "name", "volumes": "name",
              "volumeMounts": "mountPath"}
DEPLOYMENTS = ("apps", "v1", "deployments")
DISCOVERY: dict[str, dict[str, Any]] = {
    "/api": {"kind": "APIVersions", "versions": ["v1"],
             "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1:443"}]},
    "/apis": {"kind": "APIGroupList", "apiVersion": "v1", "groups": [
        {"name": "apps", "versions": [{"groupVersion": "apps/v1", "version": "v1"}],
         "preferredVersion": {"groupVersion": "apps/v1", "version": "v1"}}]},
    "/api/v1": {"kind": "APIResourceList", "groupVersion": "v1", "resources": []},
    "/apis/apps/v1": {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": "apps/v1", "resources": [
        {"name": "deployments", "singularName": "deployment", "namespaced": True, "kind": "Deployment",
         "verbs": ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
         "shortNames": ["deploy"], "categories": ["all"]}]},
}


class PatchError(ValueError):
    """A patch this server does not apply (a directive it does not know)."""


def strategic_merge(target: Any, patch: Any, key: str = "") -> Any:
    """Apply a strategic merge patch: maps merge, `null` deletes, lists of MERGE_KEYS merge by their key (with
    `$patch: delete` items and `$setElementOrder/` lists), other lists are replaced."""
    if not isinstance(patch, dict) or not isinstance(target, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target)
    orders = {name.split("/", 1)[1]: value for name, value in patch.items() if name.startswith("$setElementOrder/")}
    for name, value in patch.items():
        if name.startswith("$setElementOrder/"):
            continue
        if name.startswith("$"):
            raise PatchError(f"directive {name!r} at {key or '/'} is not supported by the fake API")
        if value is None:
            result.pop(name, None)
        elif name in MERGE_KEYS and isinstance(value, list):
            result[name] = _merge_list(result.get(name) or [], value, MERGE_KEYS[name], orders.get(name),
                                       f"{key}/{name}")
        else:
            result[name] = strategic_merge(result.get(name), value, f"{key}/{name}")
    return result


def _merge_list(current: list[Any], patch: list[Any], merge_key: str, order: list[Any] | None,
                where: str) -> list[Any]:
    items = {item[merge_key]: item for item in current}
    names = [item[merge_key] for item in current]
    for entry in patch:
        if not isinstance(entry, dict) or merge_key not in entry:
            raise PatchError(f"{where}: list item without {merge_key!r}: {entry!r}")
        name = entry[merge_key]
        directive = entry.get("$patch")
        if directive == "delete":
            items.pop(name, None)
            names = [n for n in names if n != name]
            continue
        if directive is not None:
            raise PatchError(f"{where}: $patch {directive!r} is not supported by the fake API")
        items[name] = strategic_merge(items.get(name, {}), entry, f"{where}[{name}]")
        if name not in names:
            names.append(name)
    if order is not None:
        ordered = [item[merge_key] for item in order if item[merge_key] in items]
        names = ordered + [name for name in names if name not in ordered]
    return [items[name] for name in names]


class _TlsServer(http.server.ThreadingHTTPServer):
    """HTTPS with the TLS handshake in each connection's own thread (never in the accepting loop, which a slow or
    broken client would otherwise hold up)."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[http.server.BaseHTTPRequestHandler],
                 context: ssl.SSLContext) -> None:
        super().__init__(address, handler)
        self.context = context

    def get_request(self) -> tuple[Any, Any]:
        connection, address = super().get_request()
        return self.context.wrap_socket(connection, server_side=True, do_handshake_on_connect=False), address


class FakeDeploymentApi:
    """Serves the Deployments of `objects` and authorizes by their Roles and RoleBindings; see the module docstring."""

    def __init__(self, objects: Iterable[Manifest], *, tls: TlsFiles, on_rollout: RolloutHook,
                 host: str = _proc.LOOPBACK, port: int = 0) -> None:
        """`host`, `port`: where to listen (a pod network's node address and 6443, as k3s serves the API)."""
        self._lock = threading.RLock()
        self._resource_version = 1
        self._deployments: dict[tuple[str, str], dict[str, Any]] = {}
        self._roles: dict[tuple[str, str], Manifest] = {}
        self._bindings: list[Manifest] = []
        for obj in objects:
            kind, metadata = obj["kind"], obj["metadata"]
            if kind == "Deployment":
                stored = copy.deepcopy(dict(obj))
                stored["metadata"].update(uid=str(uuid.uuid4()), generation=1)
                self._set_rolled_out(stored)
                self._deployments[(metadata["namespace"], metadata["name"])] = stored
            elif kind == "Role":
                self._roles[(metadata["namespace"], metadata["name"])] = obj
            elif kind == "RoleBinding":
                self._bindings.append(obj)
            elif kind == "ClusterRoleBinding" or kind == "ClusterRole":
                raise ValueError(f"{kind} {metadata['name']}: cluster-wide RBAC is not modelled by the fake API")
        self._tokens: dict[str, tuple[str, str]] = {}
        self.on_rollout = on_rollout
        self.requests: list[str] = []
        self.unexpected: list[str] = []
        self.denied: list[str] = []
        self._stopping = threading.Event()
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(tls.cert_path), str(tls.key_path))
        self._server = _TlsServer((host, port), self._handler_class(), context)
        self._thread: threading.Thread | None = None

    # -- what the test uses -------------------------------------------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def issue_token(self, namespace: str, service_account: str) -> str:
        """A bearer token for the ServiceAccount, as the kubelet would project it into the pod."""
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._tokens[token] = (namespace, service_account)
        return token

    def deployment(self, namespace: str, name: str) -> dict[str, Any]:
        with self._lock:
            return copy.deepcopy(self._deployments[(namespace, name)])

    def start(self) -> FakeDeploymentApi:
        self._thread = _proc.serve_in_thread(self._server, "fake-deployment-api")
        return self

    def stop(self) -> None:
        self._stopping.set()
        _proc.stop_serving(self._server, self._thread, timeout=10)
        self._thread = None

    # -- API semantics ------------------------------------------------------------------------------------------------

    def _next_version(self) -> str:
        self._resource_version += 1
        return str(self._resource_version)

    def _set_rolled_out(self, deployment: dict[str, Any]) -> None:
        replicas = int(deployment["spec"].get("replicas", 1))
        deployment["metadata"]["resourceVersion"] = self._next_version()
        deployment["status"] = {
            "observedGeneration": deployment["metadata"]["generation"], "replicas": replicas,
            "updatedReplicas": replicas, "readyReplicas": replicas, "availableReplicas": replicas,
            "conditions": [{"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable"},
                           {"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable"}]}

    def allowed(self, token: str | None, verb: str, namespace: str, name: str | None) -> bool:
        """RBAC: a rule of a Role bound to the token's ServiceAccount in `namespace` allows verb on apps/deployments
        (and on that name, if the rule lists resourceNames)."""
        subject = self._tokens.get(token or "")
        if subject is None:
            return False
        for binding in self._bindings:
            if binding["metadata"]["namespace"] != namespace:
                continue
            bound = any(s.get("kind") == "ServiceAccount" and s.get("name") == subject[1]
                        and s.get("namespace") == subject[0] for s in binding.get("subjects") or [])
            ref = binding["roleRef"]
            role = self._roles.get((namespace, ref["name"])) if ref.get("kind") == "Role" else None
            if not bound or role is None:
                continue
            for rule in role.get("rules") or []:
                names = rule.get("resourceNames") or []
                if (set(rule.get("apiGroups") or []) & {"apps", "*"}
                        and set(rule.get("resources") or []) & {"deployments", "*"}
                        and set(rule.get("verbs") or []) & {verb, "*"}
                        and (not names or name in names)):
                    return True
        return False

    def patch(self, namespace: str, name: str, body: dict[str, Any]) -> dict[str, Any]:
        """A strategic merge patch by someone else than the pod (a user's `kubectl apply`), rolled out the same way."""
        return self._patch(namespace, name, body)

    def _patch(self, namespace: str, name: str, body: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            current = self._deployments[(namespace, name)]
            patched = strategic_merge(current, body)
            if patched["spec"] != current["spec"]:
                patched["metadata"]["generation"] = current["metadata"]["generation"] + 1
                patched["metadata"]["resourceVersion"] = self._next_version()
                patched["status"] = {**current["status"], "observedGeneration": current["metadata"]["generation"]}
                self._deployments[(namespace, name)] = patched
                self.on_rollout(copy.deepcopy(patched))
                self._set_rolled_out(patched)
            return copy.deepcopy(self._deployments[(namespace, name)])

    # -- HTTP ---------------------------------------------------------------------------------------------------------

    def _record(self, line: str, *, unexpected: bool = False, denied: bool = False) -> None:
        with self._lock:
            self.requests.append(line)
            if unexpected:
                self.unexpected.append(line)
            if denied:
                self.denied.append(line)

    def _handler_class(self) -> type[http.server.BaseHTTPRequestHandler]:
        api = self

        class Handler(ApiResponses):
            protocol_version = "HTTP/1.1"
            timeout = 30

            def log_message(self, format: str, *args: Any) -> None:
                pass  # every request is recorded in api.requests

            def do_GET(self) -> None:
                self._serve("GET")

            def do_PATCH(self) -> None:
                self._serve("PATCH")

            def do_POST(self) -> None:
                self._serve("POST")

            def do_PUT(self) -> None:
                self._serve("PUT")

            def do_DELETE(self) -> None:
                self._serve("DELETE")

            def _serve(self, method: str) -> None:
                parts = urlsplit(self.path)
                query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
                line = f"{method} {self.path}"
                authorization = self.headers.get("Authorization", "")
                token = authorization[len("Bearer "):] if authorization.startswith("Bearer ") else None
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if token not in api._tokens:
                    api._record(line, denied=True)
                    self._status(401, "Unauthorized", "Unauthorized")
                    return
                if method == "GET" and parts.path in DISCOVERY:
                    api._record(line)
                    self._json(200, DISCOVERY[parts.path])
                    return
                target = self._deployment_path(parts.path)
                if target is None:
                    api._record(line, unexpected=True)
                    self._status(404, "NotFound", f"the fake API does not serve {parts.path}")
                    return
                namespace, name = target
                if name is None:
                    selector = query.get("fieldSelector", "")
                    if selector and not selector.startswith("metadata.name="):
                        api._record(line, unexpected=True)
                        self._status(400, "BadRequest", f"field selector {selector!r} is not supported")
                        return
                    name = selector.removeprefix("metadata.name=") or None
                    verb = "watch" if query.get("watch") in ("true", "1") else "list"
                else:
                    verb = {"GET": "get", "PATCH": "patch"}.get(method, "")
                if method not in ("GET", "PATCH") or (method == "PATCH" and target[1] is None):
                    api._record(line, unexpected=True)
                    self._status(405, "MethodNotAllowed", f"{method} is not served by the fake API")
                    return
                if not api.allowed(token, verb, namespace, name):
                    api._record(f"{line} ({verb} denied)", denied=True)
                    self._status(403, "Forbidden", f'deployments.apps "{name or ""}" is forbidden: cannot {verb}')
                    return
                with api._lock:
                    found = api._deployments.get((namespace, name)) if name else None
                    items = [copy.deepcopy(found)] if found else [
                        copy.deepcopy(d) for (ns, _), d in api._deployments.items() if ns == namespace and not name]
                    version = str(api._resource_version)
                if verb == "patch":
                    self._patch_request(line, namespace, str(name), found, body)
                    return
                api._record(line)
                if verb == "get":
                    if found is None:
                        self._status(404, "NotFound", f'deployments.apps "{name}" not found')
                    else:
                        self._json(200, items[0])
                elif verb == "list":
                    self._json(200, {"kind": "DeploymentList", "apiVersion": "apps/v1",
                                     "metadata": {"resourceVersion": version}, "items": items})
                else:
                    self._watch(items if query.get("sendInitialEvents") == "true" else None, version)

            def _patch_request(self, line: str, namespace: str, name: str, found: Any, body: bytes) -> None:
                content_type = self.headers.get("Content-Type", "")
                if found is None:
                    api._record(line)
                    self._status(404, "NotFound", f'deployments.apps "{name}" not found')
                    return
                if content_type != "application/strategic-merge-patch+json":
                    api._record(f"{line} ({content_type})", unexpected=True)
                    self._status(415, "UnsupportedMediaType", f"{content_type} is not served by the fake API")
                    return
                try:
                    result = api._patch(namespace, name, json.loads(body))
                except PatchError as error:
                    api._record(f"{line} ({error})", unexpected=True)
                    self._status(422, "Invalid", str(error))
                    return
                api._record(line)
                self._json(200, result)

            @staticmethod
            def _deployment_path(path: str) -> tuple[str, str | None] | None:
                segments = path.strip("/").split("/")
                if segments[:3] != ["apis", *DEPLOYMENTS[:2]] or len(segments) not in (6, 7):
                    return None
                if segments[3] != "namespaces" or segments[5] != DEPLOYMENTS[2]:
                    return None
                return segments[4], segments[6] if len(segments) == 7 else None

            def _watch(self, initial: list[dict[str, Any]] | None, version: str) -> None:
                # A "watch list" (sendInitialEvents=true, what kubectl's informers ask first) gets the current objects
                # and the bookmark that ends them. Then nothing changes while a client watches (a rollout completes
                # before its PATCH is answered).
                events = [] if initial is None else initial_events(initial, kind="Deployment", api_version="apps/v1",
                                                                    resource_version=version)
                self._hold_watch(events, api._stopping)

        return Handler


def strip_status(deployment: Mapping[str, Any]) -> dict[str, Any]:
    """The Deployment as a manifest again (what the API server adds removed), to start a registry from."""
    manifest = {key: value for key, value in deployment.items() if key != "status"}
    manifest["metadata"] = {key: value for key, value in deployment["metadata"].items()
                            if key not in ("uid", "generation", "resourceVersion")}
    return manifest
