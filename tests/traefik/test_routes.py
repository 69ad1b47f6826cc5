"""Our SYNTHESIZED IngressRoutes, Middlewares and Services, loaded by the real Traefik 3.7 (kubernetescrd provider)
from a fake API server, routing real requests to the real registry and a stand-in for the UI (see conftest.py)."""

from __future__ import annotations

import base64
import pathlib
import re
from typing import Any

import pytest
from e2e.harness import SkopeoError, assert_same_image, write_oci_image

from constructs_lib import TraefikApiGroup

from ._fake_api import RESOURCES
from .conftest import CREDS, HOST, OTHER_HOST, PASSWORD, PLAIN_HOST, USER, Stack, synth_registry_chart

TRAEFIK_IO = "traefik.io/v1alpha1"
TRAEFIK_CONTAINO_US = "traefik.containo.us/v1alpha1"


def security_header_problems(headers: dict[str, str]) -> list[str]:
    """What a browser-facing response lacks: nosniff, framing refused, HSTS, a referrer policy."""
    problems = []
    if headers.get("x-content-type-options", "").lower() != "nosniff":
        problems.append("X-Content-Type-Options: nosniff")
    if headers.get("x-frame-options", "").upper() not in ("DENY", "SAMEORIGIN") \
            and "frame-ancestors" not in headers.get("content-security-policy", ""):
        problems.append("X-Frame-Options DENY/SAMEORIGIN or a CSP frame-ancestors")
    max_age = re.search(r"max-age=(\d+)", headers.get("strict-transport-security", ""))
    if max_age is None or int(max_age.group(1)) <= 0:
        problems.append("Strict-Transport-Security with a max-age")
    if not headers.get("referrer-policy"):
        problems.append("Referrer-Policy")
    return problems


def basic(user: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def assert_clean(stack: Stack) -> None:
    """Traefik logged no error (and no warning about a router, middleware, service or TLS option); the fake API was
    asked for nothing it does not serve; the proxy was asked for no other host."""
    assert stack.traefik.problems() == []
    assert stack.api.unexpected == []
    assert stack.proxy.refused == []


def ingress_routes(stack: Stack) -> list[dict[str, Any]]:
    return [m for m in stack.manifests if m["kind"] == "IngressRoute"]


def test_traefik_builds_every_route_of_our_objects_without_errors(stack: Stack) -> None:
    # GIVEN Traefik read the 14 resources it watches from the start from the fake API (nodes come later, and we
    # have none)
    asked = {request.split("?")[0].removeprefix("GET ") for request in stack.api.requests}
    expected_paths = {f"/api/{version}/{plural}" if not group else f"/apis/{group}/{version}/{plural}"
                      for group, version, plural in RESOURCES if plural != "nodes"}
    assert len(expected_paths) == 14
    assert expected_paths <= asked, sorted(expected_paths - asked)

    # THEN it built one enabled router per route of each of our IngressRoutes, with the entry points, rule, TLS and
    # middlewares the object asks for, and no error
    routers = stack.traefik.crd_objects("routers")
    tls_options = {(m["metadata"]["namespace"], m["metadata"]["name"]) for m in stack.manifests
                   if m["kind"] == "TLSOption"}
    built = {(r["observability"]["metadata"]["ingress"]["namespace"],
              r["observability"]["metadata"]["ingress"]["name"]): r for r in routers.values()}
    ours = {(m["metadata"]["namespace"], m["metadata"]["name"]) for m in ingress_routes(stack)}
    assert sorted(ours - set(built)) == [], f"IngressRoutes without a router; Traefik's log: {stack.traefik.problems()}"
    assert len(built) == len(routers) == len(ours)
    for route_object in ingress_routes(stack):
        namespace, name = route_object["metadata"]["namespace"], route_object["metadata"]["name"]
        router = built[(namespace, name)]
        (route,) = route_object["spec"]["routes"]
        assert router["status"] == "enabled" and "error" not in router, (
            f"IngressRoute {namespace}/{name}: {router['status']}, {router.get('error')}; Traefik's log: "
            f"{stack.traefik.problems()}")
        assert router["entryPoints"] == route_object["spec"]["entryPoints"]
        assert router["rule"] == route["match"]
        assert ("tls" in router) == ("tls" in route_object["spec"])
        # a TLSOption the route names is one of ours, in its namespace (Traefik names it <namespace>-<name>)
        option = (route_object["spec"].get("tls") or {}).get("options")
        if option is not None:
            assert router["tls"]["options"] == f"{option.get('namespace', namespace)}-{option['name']}"
            assert (option.get("namespace", namespace), option["name"]) in tls_options
        assert router.get("middlewares", []) == [f"{namespace}-{m['name']}@kubernetescrd"
                                                 for m in route.get("middlewares", [])]
    # AND every middleware and service is enabled and in use, each service on its local backend and UP
    for middleware in stack.traefik.crd_objects("middlewares").values():
        assert middleware["status"] == "enabled" and middleware.get("usedBy"), middleware
    services = stack.traefik.crd_objects("services")
    assert len(services) == len(routers)
    backends = {f"http://{stack.registry.address}", f"http://127.0.0.1:{stack.ui.port}"}
    for service in services.values():
        assert service["status"] == "enabled", service
        assert set(service["serverStatus"]) <= backends and set(service["serverStatus"].values()) == {"UP"}, service
    assert_clean(stack)


def test_docker_api_reaches_the_real_registry_with_auth(stack: Stack, tmp_path: pathlib.Path) -> None:
    clients = stack.clients
    # GIVEN the registry's host over HTTPS (Traefik's default certificate: the client checks it is that one)
    # THEN /v2/ asks for credentials, refuses a wrong password and accepts the right one: the registry's auth
    status, headers, _ = clients.https("GET", HOST, "/v2/")
    assert status == 401 and headers["www-authenticate"].startswith("Basic realm="), headers
    assert clients.https("GET", HOST, "/v2/", headers=basic(USER, "not-the-password"))[0] == 401
    status, headers, _ = clients.https("GET", HOST, "/v2/", headers=basic(USER, PASSWORD))
    assert status == 200 and headers["docker-distribution-api-version"] == "registry/2.0"

    # WHEN skopeo pushes an image to registry.example.com and pulls it back, through Traefik
    image = write_oci_image(tmp_path / "image", layer_sizes=(256 * 1024, 4 * 1024))
    skopeo = stack.skopeo("push")
    digest = skopeo.push(image, f"{HOST}/team/app:v1", creds=CREDS)
    pulled = skopeo.pull(f"{HOST}/team/app:v1", tmp_path / "pulled", creds=CREDS)

    # THEN the image came back byte for byte, and the registry has it
    assert digest == image.manifest_digest
    assert_same_image(image, pulled)
    status, _, body = clients.https("GET", HOST, "/v2/_catalog", headers=basic(USER, PASSWORD))
    assert status == 200 and b'"team/app"' in body
    # AND without credentials skopeo is refused
    with pytest.raises(SkopeoError, match=r"401|unauthorized|authentication required"):
        stack.skopeo("anonymous").pull(f"{HOST}/team/app:v1", tmp_path / "anonymous", creds=None)
    assert_clean(stack)


def test_ui_path_redirects_and_strips_the_prefix(stack: Stack) -> None:
    clients, seen = stack.clients, stack.ui.seen
    seen.clear()
    # WHEN /ui is asked for without its slash
    status, headers, _ = clients.https("GET", HOST, "/ui")
    # THEN it is redirected, permanently, to /ui/ (the UI's assets are relative), without reaching the UI
    assert status in (301, 308) and headers["location"] == f"https://{HOST}/ui/", (status, headers)
    assert seen == []

    # WHEN /ui/ and /ui/x are asked for
    assert clients.https("GET", HOST, "/ui/")[0] == 200
    status, _, body = clients.https("GET", HOST, "/ui/x?y=1")
    # THEN the UI gets them without the prefix, with the original host and scheme
    assert status == 200 and b"ui stand-in" in body
    assert [request.path for request in seen] == ["/", "/x?y=1"]
    assert {request.headers["host"] for request in seen} == {HOST}
    assert {request.headers["x-forwarded-proto"] for request in seen} == {"https"}
    assert {request.headers["x-forwarded-prefix"] for request in seen} == {"/ui"}
    # AND the registry's API is not captured by the UI's route
    assert clients.https("GET", HOST, "/v2/")[0] == 401
    assert len(seen) == 2
    assert_clean(stack)


def test_http_redirects_to_https_when_the_option_is_on(stack: Stack) -> None:
    clients = stack.clients
    # GIVEN registry.example.com was built with redirect_http_to_https=True
    # THEN plain HTTP is permanently redirected to the same path on HTTPS, for the API and the UI alike
    for path in ("/v2/", "/v2/team/app/manifests/v1", "/ui/x"):
        status, headers, _ = clients.http("GET", HOST, path)
        assert status in (301, 308) and headers["location"] == f"https://{HOST}{path}", (path, status, headers)
    status, headers, _ = clients.http("PUT", HOST, "/v2/team/app/manifests/v2")
    assert status in (301, 308) and headers["location"] == f"https://{HOST}/v2/team/app/manifests/v2"
    # AND plain.example.com, built without it, has no route on HTTP at all
    assert clients.http("GET", PLAIN_HOST, "/v2/")[0] == 404
    assert_clean(stack)


def test_tls_secret_is_served_and_verified(stack: Stack) -> None:
    # GIVEN plain.example.com was built with IngressTls.secret("plain-tls") and the Secret exists
    # THEN the client, trusting only the test CA and checking the hostname, reaches the registry and the UI
    status, headers, _ = stack.clients.https("GET", PLAIN_HOST, "/v2/")
    assert status == 401 and headers["www-authenticate"].startswith("Basic realm="), headers
    assert stack.clients.https("GET", PLAIN_HOST, "/ui/")[0] == 200
    assert_clean(stack)


def test_another_host_gets_404(stack: Stack) -> None:
    clients = stack.clients
    for path in ("/", "/v2/", "/ui/"):
        assert clients.https("GET", OTHER_HOST, path, headers=basic(USER, PASSWORD))[0] == 404, path
        assert clients.http("GET", OTHER_HOST, path)[0] == 404, path
    # also with the right SNI but another Host header
    assert clients.https("GET", HOST, "/v2/", headers={"Host": OTHER_HOST})[0] == 404
    assert_clean(stack)


def test_ui_responses_carry_security_headers(stack: Stack) -> None:
    # The UI stand-in sends none of these itself: whatever is there, Traefik added from our Middlewares.
    for path in ("/ui/", "/ui/x"):
        status, headers, _ = stack.clients.https("GET", HOST, path)
        assert status == 200
        assert security_header_problems(headers) == [], f"GET {path}: {headers}"


def test_legacy_group_objects_are_identical_apart_from_api_version() -> None:
    # Traefik 3 ignores traefik.containo.us, so only traefik.io runs above; the legacy group must be the same objects.
    current = synth_registry_chart(TraefikApiGroup.TRAEFIK_IO)
    legacy = synth_registry_chart(TraefikApiGroup.TRAEFIK_CONTAINO_US)
    assert {m["apiVersion"] for m in current if m["apiVersion"].startswith("traefik.")} == {TRAEFIK_IO}
    assert {m["apiVersion"] for m in legacy if m["apiVersion"].startswith("traefik.")} == {TRAEFIK_CONTAINO_US}
    as_current = [{**m, "apiVersion": TRAEFIK_IO} if m["apiVersion"] == TRAEFIK_CONTAINO_US else m for m in legacy]
    assert as_current == current
