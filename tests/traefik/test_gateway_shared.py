"""Our SYNTHESIZED HTTPRoutes attached to a cluster's shared Gateway in another namespace
(`GatewayAttachment.existing("shared", namespace="gateways", ...)`), read by the real Traefik 3.7's kubernetesgateway
provider from the stand-in API, in front of the real registry and a stand-in for the UI."""

from __future__ import annotations

import base64
import contextlib
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import cdk8s
import pytest
import trustme
from pods._host import PodsHost
from pods._network import ClusterNetwork

from constructs_lib import GatewayAttachment, HtpasswdAuth, PodPeer, RegistryChart

from ._gateway_api import conditions_true
from ._gateway_stack import GatewayStack, gateway_class, gateway_stack
from ._stack import UiStandIn, start_registry_pod, tls_secret

NAMESPACE = "tools"
GATEWAYS = "gateways"
HOST = "registry.example.com"
USER, PASSWORD = "bob", "another long passphrase"


def shared_gateway() -> dict[str, Any]:
    """The cluster's Gateway, as its operator wrote it: a wildcard certificate, routes from every namespace."""
    every_namespace = {"namespaces": {"from": "All"}}
    return {"apiVersion": "gateway.networking.k8s.io/v1", "kind": "Gateway",
            "metadata": {"name": "shared", "namespace": GATEWAYS},
            "spec": {"gatewayClassName": "traefik", "listeners": [
                {"name": "websecure", "port": 8444, "protocol": "HTTPS", "hostname": "*.example.com",
                 "tls": {"mode": "Terminate", "certificateRefs": [{"name": "wildcard-tls"}]},
                 "allowedRoutes": every_namespace},
                {"name": "web", "port": 8001, "protocol": "HTTP", "allowedRoutes": every_namespace},
            ]}}


@dataclass
class Shared:
    manifests: list[dict[str, Any]]
    ui: UiStandIn
    stack: GatewayStack


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory, pods_host: PodsHost,
        cluster_net: ClusterNetwork) -> Iterator[Shared]:
    workdir = tmp_path_factory.mktemp("gateway-shared")
    app = cdk8s.Testing.app()
    chart = RegistryChart(
        app, "registry", host=HOST, namespace=NAMESPACE, auth=HtpasswdAuth.from_users({USER: PASSWORD}, cost=4),
        gateway=GatewayAttachment.existing("shared", namespace=GATEWAYS, https_listener="websecure",
                                           http_listener="web"),
        redirect_http_to_https=True,
        ingress_controller=PodPeer.of(namespace=GATEWAYS, pod_labels={"app.kubernetes.io/name": "traefik"}))
    manifests = list(cdk8s.Testing.synth(chart))
    ca = trustme.CA()
    cert = ca.issue_cert("*.example.com")
    context = ssl.create_default_context()
    context.load_verify_locations(cadata=ca.cert_pem.bytes().decode())
    with contextlib.ExitStack() as cleanup:
        registry = start_registry_pod(cleanup, manifests, net=cluster_net, pods_host=pods_host,
                                      workdir=pods_host.base / f"{workdir.name}-registry",
                                      namespace=NAMESPACE)
        ui = UiStandIn().start()
        cleanup.callback(ui.stop)
        served = [*manifests, gateway_class("traefik"), shared_gateway(),
                  tls_secret("wildcard-tls", GATEWAYS, b"".join(b.bytes() for b in cert.cert_chain_pems),
                             cert.private_key_pem.bytes())]
        stack = cleanup.enter_context(gateway_stack(
            workdir, served,
            backends={(NAMESPACE, "registry"): (registry.ip, registry.port), (NAMESPACE, "registry-ui"): ui.port},
            hosts=(HOST,), trust={HOST: context},
            wait_for_status=[("Gateway", "shared", GATEWAYS),
                             *(("HTTPRoute", name, NAMESPACE) for name in ("registry", "registry-http",
                                                                             "registry-ui"))]))
        yield Shared(manifests, ui, stack)


def test_our_routes_attach_to_the_shared_gateway_of_another_namespace(shared: Shared) -> None:
    stack = shared.stack
    with stack.explained():
        # GIVEN / WHEN Traefik read the shared Gateway and our routes
        # THEN no Gateway of ours exists, and each route is Accepted by the listener it names, in namespace gateways
        assert not [m for m in shared.manifests if m["kind"] == "Gateway"]
        assert stack.api.unexpected == [] and stack.traefik.problems() == []
        for name, section in (("registry", "websecure"), ("registry-ui", "websecure"), ("registry-http", "web")):
            (parent,) = stack.writes("HTTPRoute", name)[-1].body["status"]["parents"]
            assert (parent["parentRef"]["namespace"], parent["parentRef"]["sectionName"]) == (GATEWAYS, section)
            assert conditions_true(parent, "Accepted", "ResolvedRefs") == [], name


def test_the_shared_gateway_serves_the_registry_the_ui_and_the_redirect(shared: Shared) -> None:
    clients = shared.stack.clients
    auth = {"Authorization": "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()}
    with shared.stack.explained():
        # GIVEN / WHEN the registry's host through the shared Gateway, its wildcard certificate verified
        # THEN the registry asks for credentials and takes the right ones
        assert clients.https("GET", HOST, "/v2/")[0] == 401
        assert clients.https("GET", HOST, "/v2/", headers=auth)[0] == 200
        # AND the UI is under /ui, its prefix replaced by /
        before = len(shared.ui.seen)
        assert clients.https("GET", HOST, "/ui/x")[0] == 200
        assert [seen.path for seen in shared.ui.seen[before:]] == ["/x"]
        # AND plain HTTP on the shared web listener is redirected to HTTPS
        status, headers, _ = clients.http("GET", HOST, "/v2/")
        assert (status, headers["location"]) == (301, f"https://{HOST}/v2/")
