"""A stand-in for the Kubernetes API server, for Traefik's kubernetesgateway provider: what `_fake_api.FakeKubeApi`
serves, plus the Gateway API (gateway.networking.k8s.io) resources and their `status` subresource, which accepts the
provider's status writes and records them.

What Traefik 3.7's provider asks for (seen by running it, and in its source, pkg/provider/kubernetes/gateway/client.go):
one informer per resource, all namespaces unless `--providers.kubernetesgateway.namespaces` is given, each a "watch
list" (watch=true&sendInitialEvents=true; where that is refused, a LIST limit=500&resourceVersion=0 then a WATCH):
- cluster-scoped: core `namespaces` (for listeners' allowedRoutes.namespaces) and `gatewayclasses`;
- every namespace: core `services`, `configmaps`, `secrets` (labelSelector `owner!=helm`), discovery `endpointslices`,
  gateway.networking.k8s.io/v1 `gateways`, `httproutes`, `grpcroutes`, `tlsroutes`, `backendtlspolicies` and
  v1beta1 `referencegrants` (`tcproutes` and `listenersets` only with
  `--providers.kubernetesgateway.experimentalchannel`).
After every configuration build it writes, with `UpdateStatus` (a PUT of the whole object to `.../NAME/status`,
retried on 409 Conflict), the status of each GatewayClass naming its controller, each Gateway of such a class and each
route attached to one, only where the status differs from what its informer holds.

Like the API server, this one:
- knows the Gateway API kinds from the CRDs in ../shared/crds/gateway-api-v1.5.1 (scope, served versions, schema,
  status subresource) and serves an object at every served version of its kind (the versions share one schema);
- validates every Gateway API object against its CRD's schema, with unknown fields rejected (as `kubectl apply`
  does), and applies the schema's defaults (a listener's `allowedRoutes`, a parentRef's `group` and `kind`, a rule's
  path match...; Traefik relies on them: a listener without `allowedRoutes` attaches no route);
- applies the built-in defaults the provider depends on (a Service port's `protocol: TCP`: see `core_defaults`);
- sets `uid`, `generation` 1, `creationTimestamp`; turns a Secret's `stringData` into `data`; makes the Namespace of
  every namespaced object (labelled `kubernetes.io/metadata.name`) unless one is given;
- on a status write: checks the resourceVersion (409 on a stale one) and the new status against the schema (422),
  keeps the stored spec, bumps the resourceVersion, and sends a MODIFIED event to every watch of that resource.

Anything else (a write to anything but a status, a resource it does not serve, a field selector) is refused and
recorded in `unexpected`, which tests assert to be empty.
"""

from __future__ import annotations

import base64
import copy
import functools
import json
import pathlib
import threading
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jsonschema  # type: ignore[import-untyped]  # no stubs pinned (as in tests/test_schemas.py)
import yaml
from e2e._api_responses import INITIAL_EVENTS_END

from ._fake_api import FakeKubeApi, _selector_matches

GATEWAY_GROUP = "gateway.networking.k8s.io"
GATEWAY_API_VERSION = "v1.5.1"
GATEWAY_CRDS = pathlib.Path(__file__).resolve().parents[3] / "shared" / "crds" / f"gateway-api-{GATEWAY_API_VERSION}"
CREATED = "2024-01-01T00:00:00Z"
Manifest = Mapping[str, Any]


@dataclass(frozen=True)
class Resource:
    group: str
    plural: str
    kind: str
    namespaced: bool
    versions: tuple[str, ...]  # served versions; the first is the one a List is answered in when asked without one
    schemas: Mapping[str, Mapping[str, Any]]  # version -> openAPIV3Schema (CRDs only)
    status_subresource: bool = False

    def api_version(self, version: str) -> str:
        return f"{self.group}/{version}" if self.group else version


# The non-CRD resources the provider reads (no schema: they are the e2e's own or synthesized objects).
CORE_RESOURCES = (
    Resource("", "namespaces", "Namespace", False, ("v1",), {}),
    Resource("", "services", "Service", True, ("v1",), {}),
    Resource("", "secrets", "Secret", True, ("v1",), {}),
    Resource("", "configmaps", "ConfigMap", True, ("v1",), {}),
    Resource("discovery.k8s.io", "endpointslices", "EndpointSlice", True, ("v1",), {}),
)


def _closed(schema: Any) -> Any:
    """The schema with unknown fields rejected: `additionalProperties: false` on every object that lists its
    properties and says nothing of other fields (kubectl's server-side field validation, `Strict`)."""
    if isinstance(schema, dict):
        closed = {key: _closed(value) for key, value in schema.items()}
        if "properties" in schema and "additionalProperties" not in schema \
                and not schema.get("x-kubernetes-preserve-unknown-fields"):
            closed["additionalProperties"] = False
        return closed
    if isinstance(schema, list):
        return [_closed(item) for item in schema]
    return schema


@functools.cache
def gateway_resources(crds: pathlib.Path = GATEWAY_CRDS) -> tuple[Resource, ...]:
    """The Gateway API kinds, as the standard-channel CRDs define them."""
    if not crds.is_dir():
        raise FileNotFoundError(f"Gateway API CRDs not found at {crds} (../shared/crds beside the repository)")
    resources = []
    for path in sorted(crds.glob("*.yaml")):
        for crd in yaml.load_all(path.read_text(), Loader=yaml.CSafeLoader):
            if not crd or crd.get("kind") != "CustomResourceDefinition":
                continue
            spec = crd["spec"]
            served = [v for v in spec["versions"] if v.get("served")]
            served.sort(key=lambda v: not v.get("storage"))  # the storage version first
            resources.append(Resource(
                spec["group"], spec["names"]["plural"], spec["names"]["kind"], spec["scope"] == "Namespaced",
                tuple(v["name"] for v in served),
                {v["name"]: _closed(v["schema"]["openAPIV3Schema"]) for v in served},
                status_subresource=all("status" in (v.get("subresources") or {}) for v in served)))
    return tuple(resources)


def apply_defaults(value: Any, schema: Mapping[str, Any]) -> Any:
    """Structural-schema defaulting as the API server does it: a missing property with a `default` gets it, then
    every present property and array item is defaulted by its own schema (a default never creates a parent)."""
    if isinstance(value, dict):
        properties = schema.get("properties") or {}
        for name, sub in properties.items():
            if name not in value and "default" in sub:
                value[name] = copy.deepcopy(sub["default"])
        for name, sub in properties.items():
            if name in value:
                value[name] = apply_defaults(value[name], sub)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            for name in value.keys() - properties.keys():
                value[name] = apply_defaults(value[name], extra)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [apply_defaults(item, schema["items"]) for item in value]
    return value


def core_defaults(obj: dict[str, Any]) -> dict[str, Any]:
    """The API server's built-in defaults that the provider reads: a Service port's `protocol` (TCP; Traefik refuses a
    port without it: "only TCP protocol is supported"), `targetPort` (the port) and the Service `type` (ClusterIP);
    an EndpointSlice port's `protocol`."""
    if obj["kind"] == "Service":
        spec = obj.setdefault("spec", {})
        spec.setdefault("type", "ClusterIP")
        for port in spec.get("ports") or ():
            port.setdefault("protocol", "TCP")
            port.setdefault("targetPort", port["port"])
    elif obj["kind"] == "EndpointSlice":
        for port in obj.get("ports") or ():
            port.setdefault("protocol", "TCP")
    return obj


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON merge patch (application/merge-patch+json)."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


class Invalid(ValueError):
    """An object the API server would refuse (422)."""


@dataclass(frozen=True)
class StatusWrite:
    """One write to a status subresource, as it arrived, and what the server answered."""

    method: str  # PUT (UpdateStatus) or PATCH
    path: str
    kind: str
    namespace: str | None
    name: str
    body: dict[str, Any]  # the request body (the whole object for a PUT, the patch for a PATCH)
    code: int  # 200, or the error answered (404, 409, 415, 422)

    @property
    def status(self) -> dict[str, Any]:
        return dict(self.body.get("status") or {})


def condition(status: Mapping[str, Any], type_: str) -> dict[str, Any] | None:
    """The condition of that type in a status (or a listener's or parent's status), if any."""
    return next((dict(c) for c in status.get("conditions") or () if c.get("type") == type_), None)


def conditions_true(status: Mapping[str, Any], *types: str) -> list[str]:
    """Which of `types` are not True in `status`, each with its reason and message: [] when all are True."""
    problems = []
    for type_ in types:
        found = condition(status, type_)
        if found is None:
            problems.append(f"{type_}: missing")
        elif found.get("status") != "True":
            problems.append(f"{type_}: {found.get('status')} ({found.get('reason')}: {found.get('message')})")
    return problems


class GatewayKubeApi(FakeKubeApi):
    """Serves `objects` (hand-written or synthesized manifests, a list of dicts) to Traefik's kubernetesgateway
    provider, and accepts its status writes (`status_writes`, and the stored objects through `get`)."""

    def __init__(self, objects: Iterable[Manifest], *, crds: pathlib.Path = GATEWAY_CRDS,
                 default_namespace: str | None = None) -> None:
        """`default_namespace`: where a namespaced object without one goes (`kubectl apply -n`); without it such an
        object is refused."""
        # The objects first: one the API server would refuse raises before any socket is opened.
        self.resources: dict[tuple[str, str], Resource] = {
            (r.group, r.plural): r for r in (*CORE_RESOURCES, *gateway_resources(crds))}
        self._by_kind = {(r.group, r.kind): r for r in self.resources.values()}
        self._served_groups = {r.group for r in self.resources.values()}
        self._revision = 1
        self._default_namespace = default_namespace
        self._store: dict[tuple[str, str], dict[tuple[str, str], dict[str, Any]]] = {
            key: {} for key in self.resources}
        for manifest in objects:
            self._add(manifest)
        namespaces = self._store[("", "namespaces")]
        for namespace in sorted({ns for store in self._store.values() for ns, _ in store if ns}):
            if ("", namespace) not in namespaces:
                self._add({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace}})
        self._events: list[tuple[int, tuple[str, str], dict[str, Any]]] = []  # (resourceVersion, resource, event)
        self.status_writes: list[StatusWrite] = []
        super().__init__([])  # the server, `requests`, `unexpected`, start() and stop(); the objects are kept here
        self._changed = threading.Condition(self._lock)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> GatewayKubeApi:
        super().start()
        return self

    # -- objects ------------------------------------------------------------------------------------------------------

    def _add(self, manifest: Manifest) -> None:
        group, _, version = manifest["apiVersion"].rpartition("/")
        resource = self._by_kind.get((group, manifest["kind"]))
        if resource is None:
            if group in self._served_groups and group:
                raise ValueError(f"{manifest['kind']} {manifest['apiVersion']} is not a resource this API serves")
            return  # a kind the provider never reads (Deployment, NetworkPolicy, ...)
        if version not in resource.versions:
            raise Invalid(f"{resource.kind} is not served at {manifest['apiVersion']} (served: {resource.versions})")
        stored = copy.deepcopy(dict(manifest))
        metadata = stored.setdefault("metadata", {})
        if resource.namespaced and not metadata.get("namespace") and self._default_namespace:
            metadata["namespace"] = self._default_namespace
        namespace = metadata.get("namespace") or ""
        if resource.namespaced != bool(namespace):
            raise Invalid(f"{resource.kind} {metadata.get('name')}: "
                          + ("a namespace is required" if resource.namespaced else "cluster-scoped, has a namespace"))
        metadata.setdefault("uid", str(uuid.uuid5(uuid.NAMESPACE_URL,
                                                  f"{resource.kind}/{namespace}/{metadata['name']}")))
        metadata["resourceVersion"] = str(self._revision)
        metadata.setdefault("generation", 1)
        metadata.setdefault("creationTimestamp", CREATED)
        if resource.kind == "Namespace":  # the API server labels every Namespace with its name
            metadata.setdefault("labels", {})["kubernetes.io/metadata.name"] = metadata["name"]
        if resource.kind == "Secret" and "stringData" in stored:
            data = dict(stored.get("data") or {})
            data.update({key: base64.b64encode(value.encode()).decode()
                         for key, value in stored.pop("stringData").items()})
            stored["data"] = data
        stored = self._validated(resource, version, stored) if version in resource.schemas else core_defaults(stored)
        key = (resource.group, resource.plural)
        if (namespace, metadata["name"]) in self._store[key]:
            raise Invalid(f"{resource.kind} {namespace}/{metadata['name']} given twice")
        self._store[key][(namespace, metadata["name"])] = stored

    @staticmethod
    def _validated(resource: Resource, version: str, obj: dict[str, Any]) -> dict[str, Any]:
        schema = resource.schemas[version]
        obj = apply_defaults(obj, schema)
        # metadata is the API server's own (ObjectMeta): the CRD schema says only `type: object` for it
        try:
            jsonschema.validate({**obj, "metadata": {}}, schema, cls=jsonschema.Draft7Validator)
        except jsonschema.ValidationError as error:
            path = ".".join(map(str, error.absolute_path))
            raise Invalid(f"{resource.kind} {obj['metadata'].get('name')}: {path}: {error.message}") from None
        return obj

    def get(self, kind: str, name: str, namespace: str | None = None, *,
            group: str = GATEWAY_GROUP) -> dict[str, Any]:
        """The object as stored now (status writes included)."""
        resource = self._by_kind[(group, kind)]
        with self._lock:
            return copy.deepcopy(self._store[(resource.group, resource.plural)][(namespace or "", name)])

    def stored(self, kind: str, *, group: str = GATEWAY_GROUP) -> list[dict[str, Any]]:
        resource = self._by_kind[(group, kind)]
        with self._lock:
            return copy.deepcopy(list(self._store[(resource.group, resource.plural)].values()))

    def writes(self, kind: str, name: str | None = None) -> list[StatusWrite]:
        with self._lock:
            return [w for w in self.status_writes if w.kind == kind and (name is None or w.name == name)]

    def objects(self, group: str, version: str, plural: str, namespace: str | None,
                selector: str) -> list[dict[str, Any]]:
        resource = self.resources[(group, plural)]
        return [self._as_version(resource, version, item)
                for (ns, _), item in sorted(self._store[(group, plural)].items())
                if (namespace is None or ns == namespace)
                and _selector_matches(selector, item["metadata"].get("labels") or {})]

    @staticmethod
    def _as_version(resource: Resource, version: str, item: dict[str, Any]) -> dict[str, Any]:
        # The Gateway API versions of a kind share one schema (conversion strategy None): only apiVersion changes.
        return {**copy.deepcopy(item), "apiVersion": resource.api_version(version)}

    # -- status writes ------------------------------------------------------------------------------------------------

    def write_status(self, method: str, path: str, resource: Resource, version: str, namespace: str | None,
                     name: str, content_type: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Apply one status write; returns (HTTP code, object or Status body)."""
        with self._lock:
            code, answer = self._write_status(method, resource, version, namespace or "", name, content_type, body)
            self.status_writes.append(StatusWrite(method, path, resource.kind, namespace, name, body, code))
            if code == 200:
                self._changed.notify_all()
            return code, answer

    def _write_status(self, method: str, resource: Resource, version: str, namespace: str, name: str,
                      content_type: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        def failure(code: int, reason: str, message: str) -> tuple[int, dict[str, Any]]:
            return code, {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                          "message": message, "reason": reason, "code": code}

        key = (resource.group, resource.plural)
        current = self._store[key].get((namespace, name))
        if current is None:
            return failure(404, "NotFound", f"{resource.plural} {name!r} not found")
        if method == "PUT":
            metadata = body.get("metadata") or {}
            if metadata.get("name") != name or (metadata.get("namespace") or "") != namespace:
                return failure(400, "BadRequest", "the name or namespace of the body does not match the URL")
            if metadata.get("resourceVersion") not in (None, "", current["metadata"]["resourceVersion"]):
                return failure(409, "Conflict", f"Operation cannot be fulfilled on {resource.plural} {name!r}: the "
                                                "object has been modified; please apply your changes to the latest "
                                                "version and try again")
            new_status = body.get("status") or {}
        elif content_type.startswith("application/merge-patch+json"):
            new_status = merge_patch(current.get("status") or {}, body.get("status") or {})
        else:
            return failure(415, "UnsupportedMediaType", f"the stand-in applies merge patches only, not {content_type}")
        updated = copy.deepcopy(current)
        updated["status"] = copy.deepcopy(new_status)
        try:
            updated = self._validated(resource, version, updated) if version in resource.schemas else updated
        except Invalid as error:
            return failure(422, "Invalid", str(error))
        self._revision += 1
        updated["metadata"]["resourceVersion"] = str(self._revision)
        self._store[key][(namespace, name)] = updated
        self._events.append((self._revision, key, {"type": "MODIFIED", "object": updated}))
        return 200, self._as_version(resource, version, updated)

    # -- the HTTP side ------------------------------------------------------------------------------------------------

    def _handler_class(self) -> type[Any]:
        api = self
        base = super()._handler_class()

        class Handler(base):  # type: ignore[misc,valid-type]
            def _parse(self) -> tuple[Resource, str, str | None, str | None, str | None] | None:
                """(resource, version, namespace, name, subresource) of the URL, None if not one this API serves."""
                segments = urlsplit(self.path).path.strip("/").split("/")
                if segments[:2] == ["api", "v1"]:
                    group, version, rest = "", "v1", segments[2:]
                elif segments[:1] == ["apis"] and len(segments) >= 3:
                    group, version, rest = segments[1], segments[2], segments[3:]
                else:
                    return None
                namespace = None
                if len(rest) >= 3 and rest[0] == "namespaces":
                    namespace, rest = rest[1], rest[2:]
                if not 1 <= len(rest) <= 3:
                    return None
                resource = api.resources.get((group, rest[0]))
                if resource is None or version not in resource.versions \
                        or (namespace is not None and not resource.namespaced):
                    return None
                name = rest[1] if len(rest) >= 2 else None
                subresource = rest[2] if len(rest) == 3 else None
                if subresource not in (None, "status") or (name is not None and resource.namespaced != bool(namespace)):
                    return None
                return resource, version, namespace, name, subresource

            def do_GET(self) -> None:
                parsed = self._parse()
                query = {key: values[-1] for key, values in parse_qs(urlsplit(self.path).query).items()}
                if parsed is None or parsed[4] is not None or query.get("fieldSelector"):
                    api._record(f"GET {self.path}", unexpected=True)
                    self._status(404, "NotFound", f"the stand-in does not serve {self.path}")
                    return
                resource, version, namespace, name, _ = parsed
                api._record(f"GET {self.path}", unexpected=False)
                if name is not None:
                    with api._lock:
                        item = api._store[(resource.group, resource.plural)].get((namespace or "", name))
                        answer = api._as_version(resource, version, item) if item is not None else None
                    if answer is None:
                        self._status(404, "NotFound", f"{resource.plural} {name!r} not found")
                    else:
                        self._json(200, answer)
                    return
                selector = query.get("labelSelector", "")
                try:
                    with api._lock:
                        items = api.objects(resource.group, version, resource.plural, namespace, selector)
                        revision = api._revision
                except ValueError as error:
                    api._record(f"GET {self.path} ({error})", unexpected=True)
                    self._status(400, "BadRequest", str(error))
                    return
                if query.get("watch") in ("true", "1"):
                    initial = query.get("sendInitialEvents") == "true"
                    since = int(query.get("resourceVersion") or "0")
                    if initial or since == 0:  # a watch list, or a watch from "any" version: every object first
                        self._live_watch(resource, version, namespace, selector, items, revision, initial=initial)
                    else:
                        self._live_watch(resource, version, namespace, selector, [], since, initial=False)
                else:
                    self._json(200, {"kind": f"{resource.kind}List", "apiVersion": resource.api_version(version),
                                     "metadata": {"resourceVersion": str(revision)}, "items": items})

            def _live_watch(self, resource: Resource, version: str, namespace: str | None, selector: str,
                            items: Sequence[dict[str, Any]], since: int, *, initial: bool) -> None:
                """A watch stream: the initial events of a watch list (then its bookmark), then every change after
                resourceVersion `since` as it happens, until the server stops or the client leaves."""
                key = (resource.group, resource.plural)
                first: list[dict[str, Any]] = [{"type": "ADDED", "object": item} for item in items]
                if initial:
                    first.append({"type": "BOOKMARK", "object": {
                        "kind": resource.kind, "apiVersion": resource.api_version(version),
                        "metadata": {"resourceVersion": str(since), "annotations": {INITIAL_EVENTS_END: "true"}}}})
                sent = since

                def changes() -> list[dict[str, Any]]:
                    nonlocal sent
                    with api._changed:
                        api._changed.wait(0.2)
                        new = [(rv, event) for rv, k, event in api._events if k == key and rv > sent]
                        out = []
                        for rv, event in new:
                            sent = rv
                            obj = event["object"]
                            if (namespace is None or obj["metadata"].get("namespace") == namespace) \
                                    and _selector_matches(selector, obj["metadata"].get("labels") or {}):
                                out.append({"type": event["type"],
                                            "object": api._as_version(resource, version, obj)})
                        return out

                self._follow_watch(first, changes, api._stopping)

            def do_PUT(self) -> None:
                self._status_write()

            def do_PATCH(self) -> None:
                self._status_write()

            def _status_write(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                parsed = self._parse()
                if parsed is None or parsed[4] != "status" or not parsed[0].status_subresource:
                    api._record(f"{self.command} {self.path}", unexpected=True)
                    self._status(405, "MethodNotAllowed", "the stand-in accepts writes to a status subresource only")
                    return
                resource, version, namespace, name, _ = parsed
                assert name is not None
                try:
                    body = json.loads(raw)
                except ValueError:
                    api._record(f"{self.command} {self.path} (not JSON: {self.headers.get('Content-Type')})",
                                unexpected=True)
                    self._status(415, "UnsupportedMediaType", "the stand-in reads JSON bodies only")
                    return
                code, answer = api.write_status(self.command, urlsplit(self.path).path, resource, version,
                                                namespace, name, self.headers.get("Content-Type") or "", body)
                api._record(f"{self.command} {self.path} -> {code}", unexpected=code not in (200, 409))
                self._json(code, answer)

        return Handler

    # -- waiting ------------------------------------------------------------------------------------------------------

    def wait_for_write(self, kind: str, name: str, namespace: str | None = None, *,
                       timeout: float) -> StatusWrite | None:
        """The first accepted status write to that object, waiting up to `timeout` seconds; None if none came."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = next((w for w in self.status_writes if w.kind == kind and w.name == name
                              and w.namespace == namespace and w.code == 200), None)
                remaining = deadline - time.monotonic()
                if found is not None or remaining <= 0:
                    return found
                self._changed.wait(min(remaining, 0.2))
