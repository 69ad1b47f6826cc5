"""Gateway API routing: HTTPRoutes (and a Gateway of the registry's own) instead of Traefik IngressRoutes."""

from __future__ import annotations

from typing import Any

import cdk8s
import pytest
from _manifests import by_kind_and_name
from syrupy.assertion import SnapshotAssertion

from constructs_lib import (
    GatewayAttachment,
    GatewayIngress,
    HtpasswdAuth,
    IngressTls,
    PodPeer,
    Registry,
    RegistryChart,
    RegistryUi,
    TlsVersion,
)

HOST = "registry.example.com"


def _chart(app: cdk8s.App, **options: Any) -> dict[tuple[str, str], Any]:
    arguments: dict[str, Any] = {"host": HOST, "namespace": "registry",
                                 "auth": HtpasswdAuth.from_secret("registry-htpasswd"), **options}
    return by_kind_and_name(cdk8s.Testing.synth(RegistryChart(app, "registry", **arguments)))


def test_a_gateway_of_its_own_serves_the_registry_and_the_ui(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN / WHEN a chart routed through a Gateway it creates, with HTTP redirected
    objects = _chart(app, gateway=GatewayAttachment.create(tls_secret="registry-tls"), redirect_http_to_https=True)

    # THEN the output is pinned, and there is no Traefik object
    assert objects == snapshot
    assert not [key for key, obj in objects.items() if obj["apiVersion"].startswith("traefik")]
    # AND the Gateway terminates TLS for the host with the Secret, on Traefik's websecure port, and takes routes of
    # the registry's namespace only
    https, http = objects[("Gateway", "registry-gateway")]["spec"]["listeners"]
    assert (https["name"], https["port"], https["protocol"], https["hostname"]) == ("https", 8443, "HTTPS", HOST)
    assert https["tls"] == {"mode": "Terminate", "certificateRefs": [{"name": "registry-tls"}]}
    assert https["allowedRoutes"] == {"namespaces": {"from": "Same"}}
    assert (http["name"], http["port"], http["protocol"]) == ("http", 8000, "HTTP")
    # AND the registry's route takes the whole host on the HTTPS listener to its Service
    route = objects[("HTTPRoute", "registry")]["spec"]
    assert route["parentRefs"] == [{"name": "registry-gateway", "sectionName": "https"}]
    assert route["rules"] == [{"matches": [{"path": {"type": "PathPrefix", "value": "/"}}],
                               "backendRefs": [{"name": "registry", "port": 5000}]}]
    # AND plain HTTP is redirected permanently to HTTPS, without a backend
    (redirect,) = objects[("HTTPRoute", "registry-http")]["spec"]["rules"]
    assert redirect == {"matches": [{"path": {"type": "PathPrefix", "value": "/"}}], "filters": [
        {"type": "RequestRedirect", "requestRedirect": {"scheme": "https", "statusCode": 301}}]}
    # AND the UI: /ui redirected to /ui/, /ui/x sent to the UI as /x with the security headers
    bare, prefixed = objects[("HTTPRoute", "registry-ui")]["spec"]["rules"]
    assert bare["matches"] == [{"path": {"type": "Exact", "value": "/ui"}}]
    assert bare["filters"][0]["requestRedirect"] == {"path": {"type": "ReplaceFullPath", "replaceFullPath": "/ui/"},
                                                     "statusCode": 301}
    assert prefixed["matches"] == [{"path": {"type": "PathPrefix", "value": "/ui"}}]
    assert [f["type"] for f in prefixed["filters"]] == ["ResponseHeaderModifier", "URLRewrite"]
    assert prefixed["filters"][1]["urlRewrite"] == {"path": {"type": "ReplacePrefixMatch", "replacePrefixMatch": "/"}}
    assert prefixed["backendRefs"] == [{"name": "registry-ui", "port": 8080}]


def test_routes_attach_to_a_shared_gateway_whose_pods_the_policies_let_in(app: cdk8s.App) -> None:
    # GIVEN a cluster's shared Gateway in namespace "gateways" (Envoy Gateway's pods)
    envoy = PodPeer.of(namespace="gateways", pod_labels={"app.kubernetes.io/name": "envoy"})

    # WHEN the chart attaches to it
    objects = _chart(app, gateway=GatewayAttachment.existing("shared", namespace="gateways",
                                                             https_listener="websecure"), ingress_controller=envoy)

    # THEN no Gateway is created, every route names it and its listener, and the registry and UI let its pods in
    assert not [key for key in objects if key[0] == "Gateway"]
    for name in ("registry", "registry-ui"):
        assert objects[("HTTPRoute", name)]["spec"]["parentRefs"] == [
            {"name": "shared", "namespace": "gateways", "sectionName": "websecure"}]
    for name in ("registry", "registry-ui"):
        peers = objects[("NetworkPolicy", name)]["spec"]["ingress"][0]["from"]
        assert peers == [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "gateways"}},
                          "podSelector": {"matchLabels": {"app.kubernetes.io/name": "envoy"}}}]


def test_the_construct_alone_serves_a_registry_and_publishes_a_ui(chart: cdk8s.Chart) -> None:
    # GIVEN a registry, its Gateway routes and a UI published through them
    registry = Registry(chart, "Registry", name="registry", auth=None)
    routes = GatewayIngress(chart, "Ingress", registry=registry, host=HOST,
                            gateway=GatewayAttachment.existing("shared", https_listener="https"))
    ui = RegistryUi(chart, "Ui", ingress=routes)

    # THEN the children have their documented ids and the UI calls the registry on the route's URL
    assert routes.http_route.node.id == "Resource" and routes.gateway is None
    assert ui.ingress_route.node.path == "test/Ui/Route"
    assert (routes.url, ui.url) == (f"https://{HOST}", f"https://{HOST}/ui/")


@pytest.mark.parametrize(("options", "match"), [
    ({"gateway": GatewayAttachment.create(tls_secret="t"), "tls": IngressTls.secret("x")},
     r"^tls=.* is invalid: it is an option of Traefik's IngressRoutes and has no effect with gateway"),
    ({"gateway": GatewayAttachment.create(tls_secret="t"), "min_tls_version": TlsVersion.TLS13},
     r"^min_tls_version=.* is invalid: it is an option of Traefik's IngressRoutes"),
    ({"gateway": GatewayAttachment.create(tls_secret="t"), "entry_points": ["web"]},
     r"^entry_points=.* is invalid: it is an option of Traefik's IngressRoutes"),
    ({"gateway": GatewayAttachment.create(tls_secret="t"), "ui_host": "ui.example.com", "ui_proxy_registry": True},
     r"^ui_host='ui.example.com' is invalid: through a Gateway the UI is served under ui_path_prefix"),
    ({"gateway": GatewayAttachment.existing("shared", http_listener="web")},
     r"^http_listener='web' is invalid: it has no effect without redirect_http_to_https=True"),
    ({"gateway": "shared"}, r"^gateway: expected GatewayAttachment \| None, got str"),
])
def test_fails_options_that_do_not_fit_a_gateway(app: cdk8s.App, options: dict[str, Any], match: str) -> None:
    with pytest.raises((ValueError, TypeError), match=match):
        _chart(app, **options)
    assert app.node.try_find_child("registry") is None


@pytest.mark.parametrize(("make", "match"), [
    (lambda: GatewayAttachment.existing("Shared"), r"name='Shared' is invalid"),
    (lambda: GatewayAttachment.create(tls_secret="tls", https_port=0), r"https_port=0 is invalid"),
    (lambda: GatewayAttachment.create(tls_secret=None),  # type: ignore[arg-type]
     r"^tls_secret: expected str, got NoneType"),
    (lambda: GatewayAttachment(name=None, namespace=None, https_listener=None, http_listener=None,
                               gateway_class=None, tls_secret=None, https_port=None, http_port=None),
     r"name=None is invalid: name the existing Gateway, or create one with a tls_secret"),
])
def test_fails_bad_gateway_attachment(make: Any, match: str) -> None:
    with pytest.raises((ValueError, TypeError), match=match):
        make()
