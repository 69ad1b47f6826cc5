"""The harness for the Gateway API: the real Traefik 3.7 runs its kubernetesgateway provider (Gateway API v1.5.1)
against the stand-in API (`_gateway_api`), fed HAND-WRITTEN manifests (a GatewayClass, a Gateway with an HTTPS and an
HTTP listener, three HTTPRoutes), in front of two local HTTP servers standing in for the registry and its UI.

What this proves is the harness itself: that Traefik's Gateway provider reads what the stand-in serves, routes real
requests by it, and writes status the stand-in accepts and records. The constructs' own Gateway and HTTPRoutes are
tested on this harness elsewhere.
"""

from __future__ import annotations

import base64
import copy
import http.client
import json
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import trustme
from e2e.harness import free_port

from ._gateway_api import GATEWAY_GROUP, GatewayKubeApi, Invalid, conditions_true
from ._gateway_stack import CONTROLLER_NAME, GatewayStack, gateway_class, gateway_stack
from ._stack import LOOPBACK, UiStandIn, tls_secret

NAMESPACE = "registry"
HOST = "registry.example.com"
OTHER_HOST = "other.example.com"  # no route: the proxy tunnels it to Traefik all the same
GATEWAY = "registry"
ROUTES = ("registry", "registry-ui", "redirect-to-https")
V1 = f"{GATEWAY_GROUP}/v1"

# The resources the provider lists and watches (seen by running it: see _gateway_api's docstring).
WATCHED = {
    "/api/v1/namespaces", "/api/v1/services", "/api/v1/secrets", "/api/v1/configmaps",
    "/apis/discovery.k8s.io/v1/endpointslices",
    *(f"/apis/{GATEWAY_GROUP}/v1/{plural}" for plural in ("gatewayclasses", "gateways", "httproutes", "grpcroutes",
                                                           "tlsroutes", "backendtlspolicies")),
    f"/apis/{GATEWAY_GROUP}/v1beta1/referencegrants",
}


def service(name: str, port: int) -> dict[str, Any]:
    return {"apiVersion": "v1", "kind": "Service", "metadata": {"name": name, "namespace": NAMESPACE},
            "spec": {"selector": {"app": name}, "ports": [{"name": "http", "port": port, "targetPort": "http"}]}}


def route(name: str, section: str, rules: list[dict[str, Any]]) -> dict[str, Any]:
    return {"apiVersion": V1, "kind": "HTTPRoute", "metadata": {"name": name, "namespace": NAMESPACE},
            "spec": {"parentRefs": [{"name": GATEWAY, "sectionName": section}], "hostnames": [HOST], "rules": rules}}


def manifests(web_port: int, websecure_port: int, cert: trustme.LeafCert) -> list[dict[str, Any]]:
    """Written by hand, as a user would (defaults such as allowedRoutes left to the API server)."""
    return [
        gateway_class("traefik"),
        tls_secret("registry-tls", NAMESPACE, b"".join(blob.bytes() for blob in cert.cert_chain_pems),
                   cert.private_key_pem.bytes()),
        service("registry", 5000),
        service("registry-ui", 80),
        {"apiVersion": V1, "kind": "Gateway", "metadata": {"name": GATEWAY, "namespace": NAMESPACE},
         "spec": {"gatewayClassName": "traefik", "listeners": [
             {"name": "https", "protocol": "HTTPS", "port": websecure_port, "hostname": HOST,
              "tls": {"mode": "Terminate", "certificateRefs": [{"kind": "Secret", "name": "registry-tls"}]}},
             {"name": "http", "protocol": "HTTP", "port": web_port, "hostname": HOST},
         ]}},
        route("registry", "https", [{"matches": [{"path": {"type": "PathPrefix", "value": "/v2"}}],
                                     "backendRefs": [{"name": "registry", "port": 5000}]}]),
        route("registry-ui", "https", [{
            "matches": [{"path": {"type": "PathPrefix", "value": "/ui"}}],
            "filters": [{"type": "URLRewrite",
                         "urlRewrite": {"path": {"type": "ReplacePrefixMatch", "replacePrefixMatch": "/"}}}],
            "backendRefs": [{"name": "registry-ui", "port": 80}]}]),
        route("redirect-to-https", "http", [{
            "filters": [{"type": "RequestRedirect", "requestRedirect": {"scheme": "https", "statusCode": 301}}]}]),
    ]


@dataclass
class Harness:
    stack: GatewayStack
    registry: UiStandIn  # stands in for the registry: records what reaches it
    ui: UiStandIn


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    workdir = tmp_path_factory.mktemp("gateway")
    ca = trustme.CA()
    context = ssl.create_default_context()  # trusts only the test CA; hostname checks on
    context.load_verify_locations(cadata=ca.cert_pem.bytes().decode())
    web_port, websecure_port = free_port(), free_port()
    registry, ui = UiStandIn().start(), UiStandIn().start()
    try:
        with gateway_stack(workdir, manifests(web_port, websecure_port, ca.issue_cert(HOST)),
                           backends={(NAMESPACE, "registry"): registry.port, (NAMESPACE, "registry-ui"): ui.port},
                           hosts=(HOST, OTHER_HOST), trust={HOST: context}, default_cert_hosts=(OTHER_HOST,),
                           wait_for_status=[("Gateway", GATEWAY, NAMESPACE),
                                            *(("HTTPRoute", name, NAMESPACE) for name in ROUTES)]) as stack:
            yield Harness(stack, registry, ui)
    finally:
        registry.stop()
        ui.stop()


def test_https_listener_routes_its_host_to_the_backend_and_no_other_host(harness: Harness) -> None:
    stack = harness.stack
    with stack.explained():
        # WHEN a client asks for registry.example.com over HTTPS, verifying the certificate against the test CA only
        before = len(harness.registry.seen)
        status, _, _ = stack.clients.https("GET", HOST, "/v2/")

        # THEN the Gateway's certificate (from the Secret its HTTPS listener names) was served and the request
        # reached the registry's backend as sent
        assert status == 200
        assert [seen.path for seen in harness.registry.seen[before:]] == ["/v2/"]
        assert harness.registry.seen[-1].headers["host"] == HOST

        # AND another host gets Traefik's default certificate (checked by the client) and a 404: no route, no backend
        before_registry, before_ui = len(harness.registry.seen), len(harness.ui.seen)
        status, _, _ = stack.clients.https("GET", OTHER_HOST, "/v2/")
        assert status == 404
        assert (len(harness.registry.seen), len(harness.ui.seen)) == (before_registry, before_ui)
        assert stack.proxy.refused == []


def test_url_rewrite_strips_the_ui_prefix_and_http_is_redirected_to_https(harness: Harness) -> None:
    stack = harness.stack
    with stack.explained():
        # WHEN the UI is asked for under /ui
        before = len(harness.ui.seen)
        assert stack.clients.https("GET", HOST, "/ui/x?tag=1")[0] == 200
        assert stack.clients.https("GET", HOST, "/ui")[0] == 200

        # THEN the URLRewrite filter (ReplacePrefixMatch /ui -> /) sent them to the UI's backend without the prefix
        assert [seen.path for seen in harness.ui.seen[before:]] == ["/x?tag=1", "/"]

        # AND plain HTTP on the HTTP listener is redirected to HTTPS, permanently, same host and path, default port
        status, headers, _ = stack.clients.http("GET", HOST, "/v2/_catalog?n=1")
        assert (status, headers.get("location")) == (301, f"https://{HOST}/v2/_catalog?n=1")


def test_provider_wrote_accepted_and_programmed_status_to_the_stand_in(harness: Harness) -> None:
    stack = harness.stack
    with stack.explained():
        # GIVEN Traefik listed and watched every resource it reads, asked for nothing else and logged no problem
        asked = {request.split("?")[0].removeprefix("GET ") for request in stack.api.requests
                 if request.startswith("GET ")}
        assert sorted(WATCHED - asked) == []
        assert stack.api.unexpected == []
        assert stack.traefik.problems() == []

        # THEN its writes were PUTs of the whole object to the status subresource, all accepted
        writes = stack.api.status_writes
        assert {(w.method, w.code) for w in writes} == {("PUT", 200)}
        assert {w.path for w in writes} == {
            f"/apis/{GATEWAY_GROUP}/v1/gatewayclasses/traefik/status",
            f"/apis/{GATEWAY_GROUP}/v1/namespaces/{NAMESPACE}/gateways/{GATEWAY}/status",
            *(f"/apis/{GATEWAY_GROUP}/v1/namespaces/{NAMESPACE}/httproutes/{name}/status" for name in ROUTES)}

        # AND the GatewayClass is Accepted
        (class_write,) = stack.writes("GatewayClass", "traefik")
        problems = conditions_true(class_write.status, "Accepted")
        assert problems == [], f"GatewayClass: {problems}"

        # AND the Gateway is Accepted and Programmed, at the status address, each listener with its routes attached
        gateway = stack.writes("Gateway", GATEWAY)[-1].status
        problems = conditions_true(gateway, "Accepted", "Programmed")
        assert problems == [], f"Gateway: {problems}"
        assert gateway["addresses"] == [{"type": "IPAddress", "value": "127.0.0.1"}]
        listeners = {listener["name"]: listener for listener in gateway["listeners"]}
        assert {name: listener["attachedRoutes"] for name, listener in listeners.items()} == {"https": 2, "http": 1}
        for name, listener in listeners.items():
            problems = conditions_true(listener, "Accepted", "Programmed", "ResolvedRefs")
            assert problems == [], f"listener {name}: {problems}"

        # AND each HTTPRoute's parent status, written by Traefik's controller for the listener it names, is Accepted
        # with its references resolved
        for name, section in (("registry", "https"), ("registry-ui", "https"), ("redirect-to-https", "http")):
            (parent,) = stack.writes("HTTPRoute", name)[-1].status["parents"]
            assert parent["controllerName"] == CONTROLLER_NAME
            assert (parent["parentRef"]["name"], parent["parentRef"]["sectionName"]) == (GATEWAY, section)
            problems = conditions_true(parent, "Accepted", "ResolvedRefs")
            assert problems == [], f"HTTPRoute {name}: {problems}"

        # AND the stand-in kept them as the API server would: the status stored, the spec untouched, a new version
        stored = stack.api.get("Gateway", GATEWAY, NAMESPACE)
        assert conditions_true(stored["status"], "Programmed") == []
        assert int(stored["metadata"]["resourceVersion"]) > 1
        assert base64.b64decode(stack.api.get("Secret", "registry-tls", NAMESPACE, group="")["data"]["tls.crt"])


def _call(api: GatewayKubeApi, method: str, path: str, body: dict[str, Any] | None = None,
          ) -> tuple[int, dict[str, Any]]:
    conn = http.client.HTTPConnection(LOOPBACK, api.port, timeout=10)
    try:
        conn.request(method, path, body=json.dumps(body) if body is not None else None,
                     headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        return response.status, json.loads(response.read())
    finally:
        conn.close()


def test_stand_in_defaults_validates_and_versions_status_writes_as_the_api_server_does() -> None:
    # GIVEN the stand-in serving the hand-written objects (no Traefik here)
    objects = manifests(8000, 8443, trustme.CA().issue_cert(HOST))
    api = GatewayKubeApi(objects).start()
    try:
        # THEN the schema's defaults are applied (a listener's allowedRoutes, a parentRef's group and kind), the
        # built-in ones too (a Service port's protocol), and the Namespace is made
        gateway = api.get("Gateway", GATEWAY, NAMESPACE)
        assert {listener["allowedRoutes"]["namespaces"]["from"] for listener in gateway["spec"]["listeners"]} == {
            "Same"}
        (parent,) = api.get("HTTPRoute", "registry", NAMESPACE)["spec"]["parentRefs"]
        assert (parent["group"], parent["kind"]) == (GATEWAY_GROUP, "Gateway")
        assert api.get("Service", "registry", NAMESPACE, group="")["spec"]["ports"][0]["protocol"] == "TCP"
        assert api.get("Namespace", NAMESPACE, group="")["metadata"]["labels"] == {
            "kubernetes.io/metadata.name": NAMESPACE}

        # AND an unknown field or a version the CRD does not serve is refused, as kubectl apply would be
        typo = copy.deepcopy(objects[-1])
        typo["spec"]["rules"][0]["filter"] = typo["spec"]["rules"][0].pop("filters")
        with pytest.raises(Invalid, match="filter"):
            GatewayKubeApi([typo])
        with pytest.raises(Invalid, match="not served"):
            GatewayKubeApi([{**objects[-1], "apiVersion": f"{GATEWAY_GROUP}/v1alpha2"}])

        # AND a kind is served at each of its versions; a List carries the resourceVersion a watch starts from
        status, listed = _call(api, "GET", f"/apis/{GATEWAY_GROUP}/v1beta1/namespaces/{NAMESPACE}/httproutes")
        assert status == 200 and {item["apiVersion"] for item in listed["items"]} == {f"{GATEWAY_GROUP}/v1beta1"}
        watch = http.client.HTTPConnection(LOOPBACK, api.port, timeout=10)
        watch.request("GET", f"/apis/{GATEWAY_GROUP}/v1/gateways?watch=true&resourceVersion="
                             f"{listed['metadata']['resourceVersion']}")
        stream = watch.getresponse()

        # WHEN a status is written with a stale resourceVersion, then with the current one
        path = f"/apis/{GATEWAY_GROUP}/v1/namespaces/{NAMESPACE}/gateways/{GATEWAY}/status"
        written = {**gateway, "status": {"conditions": [{
            "type": "Accepted", "status": "True", "reason": "Accepted", "message": "", "observedGeneration": 1,
            "lastTransitionTime": "2024-01-01T00:00:00Z"}]}}
        stale = copy.deepcopy(written)
        stale["metadata"]["resourceVersion"] = "0"
        assert _call(api, "PUT", path, stale)[0] == 409
        status, answer = _call(api, "PUT", path, {**written, "spec": {"gatewayClassName": "changed"}})

        # THEN the second is stored (status only: a status write never changes the spec) at a new resourceVersion,
        # and an open watch gets it as a MODIFIED event
        assert status == 200, answer
        assert answer["spec"]["gatewayClassName"] == "traefik"
        assert int(answer["metadata"]["resourceVersion"]) > int(gateway["metadata"]["resourceVersion"])
        event = json.loads(stream.readline())
        assert (event["type"], event["object"]["status"]) == ("MODIFIED", written["status"])
        watch.close()

        # AND a status the schema refuses gets 422, a write to anything but a status 405, both recorded
        assert _call(api, "PUT", path, {**answer, "status": {"conditions": [{"type": "Accepted"}]}})[0] == 422
        assert _call(api, "PUT", path.removesuffix("/status"), answer)[0] == 405
        assert [w.code for w in api.writes("Gateway", GATEWAY)] == [409, 200, 422]
        assert len(api.unexpected) == 2
    finally:
        api.stop()
