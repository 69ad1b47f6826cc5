"""Our SYNTHESIZED Gateway and HTTPRoutes (RegistryChart(gateway=GatewayAttachment.create(...))), read by the real
Traefik 3.7's kubernetesgateway provider (Gateway API v1.5.1) from the stand-in API (`_gateway_api`, which applies the
CRDs' schemas and defaults and takes the provider's status writes), in front of the real registry (distribution
2.8.2, htpasswd auth) and a stand-in for the UI."""

from __future__ import annotations

import base64
import contextlib
import pathlib
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import cdk8s
import pytest
import trustme
from e2e.harness import RegistryPod, Skopeo, SkopeoError, assert_same_image, write_oci_image
from pods._host import PodsHost
from pods._network import ClusterNetwork

from constructs_lib import GatewayAttachment, HtpasswdAuth, RegistryChart

from ._gateway_api import conditions_true
from ._gateway_stack import GatewayStack, gateway_class, gateway_stack
from ._stack import UiStandIn, start_registry_pod, tls_secret

NAMESPACE = "registry"
HOST = "registry.example.com"
OTHER_HOST = "other.example.com"  # no route: the proxy tunnels it to Traefik all the same
USER, PASSWORD = "alice", "correct horse battery staple"
CREDS = (USER, PASSWORD)


@dataclass
class Routed:
    manifests: list[dict[str, Any]]
    registry: RegistryPod
    ui: UiStandIn
    stack: GatewayStack
    workdir: pathlib.Path

    def skopeo(self, name: str) -> Skopeo:
        """skopeo through the proxy. Verification is off for skopeo only: the certificate is checked (against the
        test CA, hostname included) by `test_https_serves_the_secrets_certificate` with the same Secret."""
        skopeo = Skopeo(self.workdir / f"skopeo-{name}", tls=None)
        skopeo.env.update({"HTTPS_PROXY": self.stack.proxy.url, "NO_PROXY": ""})
        return skopeo


def _basic(user: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


@pytest.fixture(scope="module")
def routed(tmp_path_factory: pytest.TempPathFactory, pods_host: PodsHost,
        cluster_net: ClusterNetwork) -> Iterator[Routed]:
    workdir = tmp_path_factory.mktemp("gateway")
    app = cdk8s.Testing.app()
    chart = RegistryChart(app, "registry", host=HOST, namespace=NAMESPACE,
                          auth=HtpasswdAuth.from_users({USER: PASSWORD}, cost=4),
                          gateway=GatewayAttachment.create(tls_secret="registry-tls"), redirect_http_to_https=True)
    manifests = list(cdk8s.Testing.synth(chart))
    ca = trustme.CA()
    cert = ca.issue_cert(HOST)
    context = ssl.create_default_context()  # trusts only the test CA; hostname checks on
    context.load_verify_locations(cadata=ca.cert_pem.bytes().decode())
    with contextlib.ExitStack() as cleanup:
        registry = start_registry_pod(cleanup, manifests, net=cluster_net, pods_host=pods_host,
                                      workdir=pods_host.base / f"{workdir.name}-registry",
                                      namespace=NAMESPACE)
        ui = UiStandIn().start()
        cleanup.callback(ui.stop)
        served = [*manifests, gateway_class("traefik"),
                  tls_secret("registry-tls", NAMESPACE, b"".join(b.bytes() for b in cert.cert_chain_pems),
                             cert.private_key_pem.bytes())]
        stack = cleanup.enter_context(gateway_stack(
            workdir, served,
            backends={(NAMESPACE, "registry"): (registry.ip, registry.port), (NAMESPACE, "registry-ui"): ui.port},
            hosts=(HOST, OTHER_HOST), trust={HOST: context, OTHER_HOST: _unverified()},
            wait_for_status=[("Gateway", "registry-gateway", NAMESPACE),
                             *(("HTTPRoute", name, NAMESPACE) for name in ("registry", "registry-http",
                                                                             "registry-ui"))]))
        yield Routed(manifests, registry, ui, stack, workdir)


def _unverified() -> ssl.SSLContext:
    # Only for the host with no route: what it is answered matters, not who answers.
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def test_traefik_accepts_our_gateway_and_every_route(routed: Routed) -> None:
    stack = routed.stack
    with stack.explained():
        # GIVEN / WHEN Traefik's Gateway provider read our objects
        # THEN it asked for nothing the stand-in does not serve, logged no problem, and every status write was taken
        assert stack.api.unexpected == []
        assert stack.traefik.problems() == []
        assert {(w.method, w.code) for w in stack.api.status_writes} == {("PUT", 200)}
        # AND our Gateway is Accepted and Programmed, each listener with its routes attached and its refs resolved
        gateway = stack.writes("Gateway", "registry-gateway")[-1].body["status"]
        assert conditions_true(gateway, "Accepted", "Programmed") == []
        listeners = {listener["name"]: listener for listener in gateway["listeners"]}
        assert {name: listener["attachedRoutes"] for name, listener in listeners.items()} == {"https": 2, "http": 1}
        for listener in listeners.values():
            assert conditions_true(listener, "Accepted", "Programmed", "ResolvedRefs") == [], listener["name"]
        # AND each of our HTTPRoutes is Accepted by its parent listener, with its backends resolved
        for name, section in (("registry", "https"), ("registry-ui", "https"), ("registry-http", "http")):
            (parent,) = stack.writes("HTTPRoute", name)[-1].body["status"]["parents"]
            assert parent["parentRef"]["sectionName"] == section
            assert conditions_true(parent, "Accepted", "ResolvedRefs") == [], name


def test_https_serves_the_secrets_certificate_and_the_registry_with_auth(routed: Routed) -> None:
    clients = routed.stack.clients
    with routed.stack.explained():
        # GIVEN / WHEN GET /v2/ on the host, the certificate verified against the test CA (the Secret's)
        status, headers, _ = clients.https("GET", HOST, "/v2/")
        # THEN the registry asks for credentials, takes the right ones and refuses a wrong password
        assert status == 401
        assert headers["www-authenticate"].startswith("Basic realm=")
        assert clients.https("GET", HOST, "/v2/", headers=_basic(USER, PASSWORD))[0] == 200
        assert clients.https("GET", HOST, "/v2/", headers=_basic(USER, "wrong"))[0] == 401


def test_skopeo_pushes_and_pulls_through_the_gateway(routed: Routed, tmp_path: pathlib.Path) -> None:
    with routed.stack.explained():
        # GIVEN an image
        image = write_oci_image(tmp_path / "image", layer_sizes=(256 * 1024, 4 * 1024))
        # WHEN skopeo pushes it to registry.example.com through the Gateway and pulls it back
        skopeo = routed.skopeo("push")
        skopeo.push(image, f"{HOST}/team/app:v1", creds=CREDS)
        pulled = skopeo.pull(f"{HOST}/team/app:v1", tmp_path / "pulled", creds=CREDS)
        # THEN the same image comes back, and without credentials skopeo is refused
        assert_same_image(image, pulled)
        with pytest.raises(SkopeoError):
            routed.skopeo("anonymous").pull(f"{HOST}/team/app:v1", tmp_path / "anonymous", creds=None)


def test_the_ui_is_served_under_ui_with_its_headers(routed: Routed) -> None:
    clients = routed.stack.clients
    with routed.stack.explained():
        # GIVEN / WHEN the bare prefix is asked for
        status, headers, _ = clients.https("GET", HOST, "/ui")
        # THEN it is redirected permanently to itself with a slash (the UI's assets are relative)
        assert (status, headers["location"]) == (301, f"https://{HOST}/ui/")
        # AND /ui/ and /ui/x?y reach the UI as / and /x?y, with the security headers on the answer
        before = len(routed.ui.seen)
        status, headers, _ = clients.https("GET", HOST, "/ui/config.json?v=2")
        assert status == 200
        assert headers["strict-transport-security"].startswith("max-age=31536000")
        assert (headers["x-content-type-options"], headers["x-frame-options"]) == ("nosniff", "DENY")
        assert clients.https("GET", HOST, "/ui/")[0] == 200
        assert [seen.path for seen in routed.ui.seen[before:]] == ["/config.json?v=2", "/"]
        # AND a path that only starts like the prefix is the registry's, not the UI's
        assert clients.https("GET", HOST, "/uix")[0] == 404
        assert len(routed.ui.seen) == before + 2


def test_plain_http_is_redirected_and_another_host_is_not_served(routed: Routed) -> None:
    clients = routed.stack.clients
    with routed.stack.explained():
        # GIVEN / WHEN plain HTTP on the host
        status, headers, _ = clients.http("GET", HOST, "/v2/_catalog?n=1")
        # THEN it is redirected permanently to HTTPS, path and query kept
        assert (status, headers["location"]) == (301, f"https://{HOST}/v2/_catalog?n=1")
        # AND another host reaches nothing: 404 on HTTPS and HTTP, and neither backend saw it
        seen = len(routed.ui.seen)
        assert clients.https("GET", OTHER_HOST, "/v2/")[0] == 404
        assert clients.http("GET", OTHER_HOST, "/")[0] == 404
        assert len(routed.ui.seen) == seen
