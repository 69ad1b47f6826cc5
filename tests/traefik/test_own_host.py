"""The UI on its own host, through the real Traefik (see conftest.py for the parts), in its two modes:

- CORS (`ui_host` alone): the browser on https://registry-ui.example.com calls registry.example.com cross-origin; the
  registry allows exactly that origin and Traefik's `Cors` Middleware answers the preflights, which carry no
  credentials and would get 401 from the registry;
- proxy (`ui_host` with `ui_proxy_registry=True`): the UI's nginx forwards the API, so no CORS at all.

Both charts are served side by side by one Traefik, each in its own namespace with its own real registry. A third
chart (proxy mode, namespace `secrets`) has cert-manager style TLS Secrets: one for the registry's host, one for the
UI's (`ui_tls`); its routes go to the first chart's registry, as only the certificates are checked there.
"""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import Iterator
from dataclasses import dataclass

import cdk8s
import pytest
import trustme
from e2e.harness import RegistryPod
from pods._host import PodsHost
from pods._network import ClusterNetwork

from constructs_lib import HtpasswdAuth, IngressTls, RegistryChart

from ._fake_api import FakeKubeApi
from ._stack import Clients, TraefikProcess, UiStandIn, endpoint_slices, plain_request, start_registry_pod, tls_secret
from ._tunnel import TunnelProxy
from .conftest import PASSWORD, USER, Manifest
from .test_routes import basic, security_header_problems

HOST = "registry.example.com"
UI_HOST = "registry-ui.example.com"
ORIGIN = f"https://{UI_HOST}"
PROXIED_HOST = "proxied.example.com"
PROXIED_UI_HOST = "proxied-ui.example.com"
SECRET_HOST = "secret.example.com"
SECRET_UI_HOST = "secret-ui.example.com"
HOSTS = (HOST, UI_HOST, PROXIED_HOST, PROXIED_UI_HOST)
SECRET_HOSTS = (SECRET_HOST, SECRET_UI_HOST)
MANIFEST_PATH = "/v2/app/manifests/sha256:" + "0" * 64


def preflight(origin: str) -> dict[str, str]:
    """What a browser sends before a DELETE with credentials from `origin`: no credentials of its own."""
    return {"Origin": origin, "Access-Control-Request-Method": "DELETE",
            "Access-Control-Request-Headers": "authorization"}


def synth(*, namespace: str, host: str, ui_host: str, proxy_registry: bool,
          tls: IngressTls | None = None, ui_tls: IngressTls | None = None) -> list[Manifest]:
    app = cdk8s.Testing.app()
    chart = RegistryChart(app, namespace, host=host, namespace=namespace, ui_host=ui_host,
                          ui_proxy_registry=proxy_registry, delete_enabled=True,
                          auth=HtpasswdAuth.from_users({USER: PASSWORD}, cost=4),
                          tls=tls or IngressTls.default_certificate(), ui_tls=ui_tls)
    return list(cdk8s.Testing.synth(chart))


@dataclass
class OwnHostStack:
    cors_chart: list[Manifest]
    proxied_chart: list[Manifest]
    secrets_chart: list[Manifest]  # a TLS Secret for each of its two hosts
    registry: RegistryPod  # behind registry.example.com (CORS mode)
    ui: UiStandIn  # behind both UIs
    api: FakeKubeApi
    traefik: TraefikProcess
    proxy: TunnelProxy
    clients: Clients


@pytest.fixture(scope="module")
def own_host(tmp_path_factory: pytest.TempPathFactory, pods_host: PodsHost,
        cluster_net: ClusterNetwork) -> Iterator[OwnHostStack]:
    workdir = tmp_path_factory.mktemp("traefik-own-host")
    cors_chart = synth(namespace="registry", host=HOST, ui_host=UI_HOST, proxy_registry=False)
    proxied_chart = synth(namespace="proxied", host=PROXIED_HOST, ui_host=PROXIED_UI_HOST, proxy_registry=True)
    secrets_chart = synth(namespace="secrets", host=SECRET_HOST, ui_host=SECRET_UI_HOST, proxy_registry=True,
                          tls=IngressTls.secret("secret-tls"), ui_tls=IngressTls.secret("secret-ui-tls"))
    manifests = [*cors_chart, *proxied_chart, *secrets_chart]
    ca = trustme.CA()
    secrets = [tls_secret(name, "secrets", b"".join(b.bytes() for b in cert.cert_chain_pems),
                          cert.private_key_pem.bytes())
               for name, cert in (("secret-tls", ca.issue_cert(SECRET_HOST)),
                                  ("secret-ui-tls", ca.issue_cert(SECRET_UI_HOST)))]
    verified = ssl.create_default_context()  # trusts only the test CA; hostname checks on
    verified.load_verify_locations(cadata=ca.cert_pem.bytes().decode())
    with contextlib.ExitStack() as cleanup:
        registries = {}
        for namespace, chart in (("registry", cors_chart), ("proxied", proxied_chart)):
            registry = start_registry_pod(cleanup, chart, net=cluster_net, pods_host=pods_host,
                                          workdir=pods_host.base / f"{workdir.name}-registry-{namespace}",
                                          namespace=namespace)
            registries[namespace] = registry
        ui = UiStandIn().start()
        cleanup.callback(ui.stop)
        backends = {(namespace, name): port for namespace, registry in registries.items()
                    for name, port in (("registry", (registry.ip, registry.port)), ("registry-ui", ui.port))}
        shared = registries["registry"]
        backends |= {("secrets", "registry"): (shared.ip, shared.port), ("secrets", "registry-ui"): ui.port}
        api = FakeKubeApi([*manifests, *endpoint_slices(manifests, backends), *secrets]).start()
        cleanup.callback(api.stop)
        traefik = TraefikProcess(workdir / "traefik", api_url=api.url)
        cleanup.callback(traefik.stop)  # runs before api.stop: Traefik closes its watches first
        traefik.start()
        proxy = TunnelProxy({(host, port): (traefik.websecure_port if port == 443 else traefik.web_port)
                             for host in (*HOSTS, *SECRET_HOSTS) for port in (443, 80)}).start()
        cleanup.callback(proxy.stop)
        yield OwnHostStack(cors_chart, proxied_chart, secrets_chart, registries["registry"], ui, api, traefik, proxy,
                           Clients(proxy.port, default_cert_hosts=HOSTS,
                                   contexts=dict.fromkeys(SECRET_HOSTS, verified)))


def assert_clean(stack: OwnHostStack) -> None:
    assert stack.traefik.problems() == []
    assert stack.api.unexpected == []
    assert stack.proxy.refused == []


def routers_by_rule(stack: OwnHostStack) -> dict[str, dict[str, object]]:
    return {router["rule"]: router for router in stack.traefik.crd_objects("routers").values()}


def test_cors_preflight_from_the_ui_origin_is_answered_by_traefik(own_host: OwnHostStack) -> None:
    # GIVEN the registry alone answers the browser's preflight 401: it carries no credentials
    status, _, _ = plain_request("OPTIONS", own_host.registry.ip, own_host.registry.port, MANIFEST_PATH,
                                 headers={**preflight(ORIGIN), "Host": HOST})
    assert status == 401

    # WHEN the browser on the UI's host sends it to the registry's host through Traefik
    status, headers, _ = own_host.clients.https("OPTIONS", HOST, MANIFEST_PATH, headers=preflight(ORIGIN))

    # THEN Traefik answers it, for that origin, with credentials allowed and the method and header asked for
    assert 200 <= status < 300, (status, headers)
    assert headers.get("access-control-allow-origin") == ORIGIN, headers
    assert headers.get("access-control-allow-credentials") == "true", headers
    assert "DELETE" in headers.get("access-control-allow-methods", "").upper().split(","), headers
    assert "authorization" in headers.get("access-control-allow-headers", "").lower().split(","), headers
    assert_clean(own_host)


def test_authenticated_request_from_the_ui_origin_gets_one_allow_origin(own_host: OwnHostStack) -> None:
    # WHEN the browser sends the real request, with credentials, from the UI's origin
    status, header_list, _ = own_host.clients.https_raw("GET", HOST, "/v2/",
                                                        headers={"Origin": ORIGIN, **basic(USER, PASSWORD)})
    # THEN the registry answers it, and the response names the origin exactly once (the registry's own header and
    # Traefik's are not both sent: a browser refuses a repeated or comma-joined value)
    assert status == 200, header_list
    allow_origin = [value for name, value in header_list if name.lower() == "access-control-allow-origin"]
    assert allow_origin == [ORIGIN], header_list
    headers = {name.lower(): value for name, value in header_list}
    assert headers.get("access-control-allow-credentials") == "true", header_list
    assert_clean(own_host)


def test_preflight_from_another_origin_is_not_allowed(own_host: OwnHostStack) -> None:
    other = "https://evil.example.com"
    for origin in (other, f"https://{HOST}", "http://registry-ui.example.com"):
        status, headers, _ = own_host.clients.https("OPTIONS", HOST, MANIFEST_PATH, headers=preflight(origin))
        assert headers.get("access-control-allow-origin") not in (origin, "*"), (origin, status, headers)
    assert_clean(own_host)


def test_ui_host_serves_the_ui_at_its_root_unchanged(own_host: OwnHostStack) -> None:
    seen = own_host.ui.seen
    seen.clear()
    # WHEN the UI's own host is asked for / and a deeper path
    for path in ("/", "/x?y=1", "/ui/z"):
        status, headers, body = own_host.clients.https("GET", UI_HOST, path)
        # THEN the UI answers, with the security headers Traefik adds
        assert status == 200 and b"ui stand-in" in body, (path, status)
        assert security_header_problems(headers) == [], f"GET {path}: {headers}"
    # AND it got the paths as they were (no prefix stripped, no redirect), with the original host and scheme
    assert [request.path for request in seen] == ["/", "/x?y=1", "/ui/z"]
    assert {request.headers["host"] for request in seen} == {UI_HOST}
    assert {request.headers["x-forwarded-proto"] for request in seen} == {"https"}
    assert all("x-forwarded-prefix" not in request.headers for request in seen)
    # AND the registry's host has no UI under /ui any more: that path goes to the registry (401 without credentials)
    assert own_host.clients.https("GET", HOST, "/ui/")[0] in (401, 404)
    assert len(seen) == 3
    # AND Traefik built the UI's route on its host alone, enabled
    router = routers_by_rule(own_host).get(f"Host(`{UI_HOST}`)")
    assert router is not None and router["status"] == "enabled", routers_by_rule(own_host)
    assert_clean(own_host)


def test_proxy_mode_has_a_ui_route_and_no_cors(own_host: OwnHostStack) -> None:
    # GIVEN the chart built with ui_proxy_registry=True
    middlewares = {m["metadata"]["name"] for m in own_host.proxied_chart if m["kind"] == "Middleware"}
    assert not any("cors" in name for name in middlewares), middlewares
    registry_routes = [m for m in own_host.proxied_chart if m["kind"] == "IngressRoute"
                       and m["metadata"]["name"] == "registry"]
    assert [route.get("middlewares") for m in registry_routes for route in m["spec"]["routes"]] == [None]
    # THEN Traefik built the UI's route on its own host, and no CORS middleware in that namespace
    router = routers_by_rule(own_host).get(f"Host(`{PROXIED_UI_HOST}`)")
    assert router is not None and router["status"] == "enabled", routers_by_rule(own_host)
    assert not [name for name in own_host.traefik.crd_objects("middlewares")
                if name.startswith("proxied-") and "cors" in name]
    # AND the UI answers at the root of its host
    status, headers, _ = own_host.clients.https("GET", PROXIED_UI_HOST, "/")
    assert status == 200 and security_header_problems(headers) == [], headers
    # AND nobody answers a preflight for the registry's host: the registry refuses it, with no CORS header
    status, headers, _ = own_host.clients.https("OPTIONS", PROXIED_HOST, MANIFEST_PATH,
                                                headers=preflight(f"https://{PROXIED_UI_HOST}"))
    assert status == 401 and "access-control-allow-origin" not in headers, (status, headers)
    assert_clean(own_host)


def test_ui_host_is_served_with_its_own_secret_and_the_registry_with_its_own(own_host: OwnHostStack) -> None:
    # GIVEN the chart whose registry certificate is a Secret for its host, and ui_tls a Secret for the UI's
    # WHEN a client that trusts only the test CA, checking host names, opens each host through Traefik
    ui_status, ui_headers, ui_body = own_host.clients.https("GET", SECRET_UI_HOST, "/")
    registry_status, _, _ = own_host.clients.https("GET", SECRET_HOST, "/v2/")

    # THEN each handshake verifies (a certificate for that very name), the UI answers with its headers and the
    # registry asks for credentials
    assert ui_status == 200 and b"ui stand-in" in ui_body, (ui_status, ui_body)
    assert security_header_problems(ui_headers) == [], ui_headers
    assert registry_status == 401
    # AND that is because each route names its own Secret
    routes = {m["metadata"]["name"]: m["spec"]["tls"] for m in own_host.secrets_chart if m["kind"] == "IngressRoute"}
    assert routes == {"registry": {"secretName": "secret-tls", "options": {"name": "registry-tls"}},
                      "registry-ui": {"secretName": "secret-ui-tls", "options": {"name": "registry-tls"}}}
    # AND Traefik built both routes, enabled
    routers = routers_by_rule(own_host)
    for host in SECRET_HOSTS:
        router = routers.get(f"Host(`{host}`)")
        assert router is not None and router["status"] == "enabled", routers
    assert_clean(own_host)
