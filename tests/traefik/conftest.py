"""One real Traefik per test module, fed our SYNTHESIZED objects by a read-only fake API server, in front of the real
registry (its synthesized pod under runc on a cluster network, plain HTTP: Traefik terminates TLS) and a stand-in
for the UI.

Two charts are served side by side, each in its own namespace:
- `registry` on registry.example.com: Traefik's default certificate, HTTP redirected to HTTPS (the homelab setup);
- `plain` on plain.example.com: a cert-manager style TLS Secret (verified by the client), no redirect.
Clients reach Traefik by hostname through a CONNECT proxy (tests/traefik/_tunnel.py). Nothing started here outlives the
module; a process still alive at the end of the session fails it.
"""

from __future__ import annotations

import contextlib
import pathlib
import shutil
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import cdk8s
import pytest
import trustme
from e2e import _proc
from e2e.harness import RegistryPod, Skopeo
from pods._host import PodsHost
from pods._network import ClusterNetwork

from constructs_lib import HtpasswdAuth, IngressTls, RegistryChart, TraefikApiGroup

from ._fake_api import FakeKubeApi
from ._stack import Clients, TraefikProcess, UiStandIn, endpoint_slices, start_registry_pod, tls_secret
from ._tunnel import TunnelProxy

HOST = "registry.example.com"
PLAIN_HOST = "plain.example.com"
OTHER_HOST = "other.example.com"  # no route anywhere: the proxy tunnels it to Traefik all the same
USER, PASSWORD = "alice", "correct horse battery staple"
CREDS = (USER, PASSWORD)
Manifest = dict[str, Any]


def synth_registry_chart(api_group: TraefikApiGroup = TraefikApiGroup.TRAEFIK_IO) -> list[Manifest]:
    """The homelab setup of the README, with Traefik's default certificate instead of the Let's Encrypt resolver
    (which Traefik here does not have: it would log "Router uses a nonexistent certificate resolver")."""
    app = cdk8s.Testing.app()
    chart = RegistryChart(app, "registry", host=HOST, auth=HtpasswdAuth.from_users({USER: PASSWORD}, cost=4),
                          tls=IngressTls.default_certificate(), redirect_http_to_https=True, api_group=api_group)
    return list(cdk8s.Testing.synth(chart))


def synth_plain_chart() -> list[Manifest]:
    app = cdk8s.Testing.app()
    chart = RegistryChart(app, "plain", host=PLAIN_HOST, namespace="plain",
                          auth=HtpasswdAuth.from_users({USER: PASSWORD}, cost=4), tls=IngressTls.secret("plain-tls"))
    return list(cdk8s.Testing.synth(chart))


@dataclass
class Stack:
    manifests: list[Manifest]  # both charts
    registry: RegistryPod
    ui: UiStandIn
    api: FakeKubeApi
    traefik: TraefikProcess
    proxy: TunnelProxy
    clients: Clients
    workdir: pathlib.Path

    def skopeo(self, name: str) -> Skopeo:
        """skopeo reaching registry.example.com through the proxy. Verification is off (--*-tls-verify=false) for
        Traefik's self-signed default certificate only: tests check that certificate before they push or pull."""
        skopeo = Skopeo(self.workdir / f"skopeo-{name}", tls=None)
        skopeo.env.update({"HTTPS_PROXY": self.proxy.url, "NO_PROXY": ""})
        return skopeo


@pytest.fixture(scope="session", autouse=True)
def _traefik_tools_and_no_leaks() -> Iterator[None]:
    # make test installs these (TEST_DEBIAN_PACKAGES in the Makefile, requirements-dev.txt): a missing one is a
    # failure, never a skip.
    missing = [tool for tool in ("/usr/bin/docker-registry", "/usr/bin/skopeo") if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"tools missing: {missing} (Debian packages docker-registry, skopeo: make test installs them)")
    yield
    leaked = _proc.kill_all_live()
    if leaked:
        pytest.fail(f"processes outlived their fixtures (killed now): {leaked}")


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, pods_host: PodsHost,
          cluster_net: ClusterNetwork) -> Iterator[Stack]:
    workdir = tmp_path_factory.mktemp("traefik")
    registry_chart, plain_chart = synth_registry_chart(), synth_plain_chart()
    manifests = [*registry_chart, *plain_chart]
    ca = trustme.CA()
    plain_cert = ca.issue_cert(PLAIN_HOST)
    plain_context = ssl.create_default_context()  # trusts only the test CA; hostname checks on
    plain_context.load_verify_locations(cadata=ca.cert_pem.bytes().decode())

    with contextlib.ExitStack() as cleanup:
        registry = start_registry_pod(cleanup, registry_chart, net=cluster_net, pods_host=pods_host,
                                      workdir=pods_host.base / f"{workdir.name}-registry", namespace="registry")
        ui = UiStandIn().start()
        cleanup.callback(ui.stop)
        backends: dict[tuple[str, str], int | tuple[str, int]] = {
            (namespace, name): backend for namespace in ("registry", "plain")
            for name, backend in (("registry", (registry.ip, registry.port)), ("registry-ui", ui.port))}
        api = FakeKubeApi([
            *manifests, *endpoint_slices(manifests, backends),
            tls_secret("plain-tls", "plain", b"".join(b.bytes() for b in plain_cert.cert_chain_pems),
                       plain_cert.private_key_pem.bytes()),
        ]).start()
        cleanup.callback(api.stop)
        traefik = TraefikProcess(workdir / "traefik", api_url=api.url)
        cleanup.callback(traefik.stop)  # runs before api.stop: Traefik closes its watches first
        traefik.start()
        proxy = TunnelProxy({(host, port): (traefik.websecure_port if port == 443 else traefik.web_port)
                             for host in (HOST, PLAIN_HOST, OTHER_HOST) for port in (443, 80)}).start()
        cleanup.callback(proxy.stop)
        clients = Clients(proxy.port, default_cert_hosts=(HOST, OTHER_HOST), contexts={PLAIN_HOST: plain_context})
        yield Stack(manifests, registry, ui, api, traefik, proxy, clients, workdir)
