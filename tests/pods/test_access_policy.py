"""Access control's one line of defence around Traefik, enforced: the synthesized registry pod runs under runc in a
network namespace of its own with its synthesized NetworkPolicy in force, the real Traefik 3.7 runs in a pod of
`kube-system` labelled as k3s labels it, and a stranger pod of another namespace tries both ways in. Through Traefik
it gets what AccessControl allows; straight to the registry (its Service IP or its pod IP), which has no auth of its
own, it gets nothing: the connection is dropped. A NetworkPolicy that names the wrong peer cuts Traefik off too, which
shows the check can fail."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import pathlib
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import cdk8s
import pytest
import trustme
from e2e._kube import ObjectStore
from traefik._fake_api import FakeKubeApi
from traefik._stack import TraefikProcess, tls_secret

from constructs_lib import AccessControl, AnonymousAccess, HtpasswdAuth, IngressTls, RegistryChart

from . import _procfs
from ._network import ClusterNetwork, PodNet, unique_prefix
from .conftest import PodsHost
from .runner import PodRunner, RunningPod

HOST = "registry.example.com"
READER, WRITER = ("ci", "reader password"), ("alice", "writer password")
TRAEFIK_LABELS = {"app.kubernetes.io/name": "traefik"}
WEB, WEBSECURE, API = 8000, 8443, 9000

# One request from wherever it runs (the node, or inside a pod's network namespace): HTTPS to an address with the
# registry's name in SNI and Host, or plain HTTP; prints the status, or what went wrong.
CLIENT = r"""
import base64, http.client, json, socket, ssl, sys
scheme, address, port, path, method, creds, cafile, host = json.loads(sys.argv[1])
headers = {"Host": host}
if creds:
    headers["Authorization"] = "Basic " + base64.b64encode(creds.encode()).decode()
try:
    sock = socket.create_connection((address, port), timeout=4)
    if scheme == "https":
        context = ssl.create_default_context(cafile=cafile)
        sock = context.wrap_socket(sock, server_hostname=host)
    conn = http.client.HTTPConnection(host, port, timeout=10)
    conn.sock = sock
    conn.request(method, path, headers=headers)
    print(conn.getresponse().status)
except TimeoutError:
    print("timeout")
except OSError as error:
    print(f"error {error}")
"""


def _synth() -> list[dict[str, Any]]:
    app = cdk8s.Testing.app()
    chart = RegistryChart(app, "registry", host=HOST, tls=IngressTls.secret("registry-tls"), ui=False,
                          auth=AccessControl.by_role(readers=HtpasswdAuth.from_users(dict([READER]), cost=4),
                                                     writers=HtpasswdAuth.from_users(dict([WRITER]), cost=4),
                                                     anonymous=AnonymousAccess.PULL))
    return list(cdk8s.Testing.synth(chart))


class PodTraefik(TraefikProcess):
    """The real Traefik in a pod's network namespace, its entry points on the pod's IP, a short dial timeout to the
    backends (a dropped connection then fails in 2 s instead of 30) and no idle backend connections."""

    def __init__(self, workdir: pathlib.Path, *, api_url: str, pod: PodNet) -> None:
        super().__init__(workdir, api_url=api_url, ports=(WEB, WEBSECURE, API))
        self.pod = pod
        self.argv = [argument.replace("127.0.0.1:", f"{pod.ip}:") for argument in self.argv]
        # No idle connections to the backends either: a NetworkPolicy applies to new connections (conntrack keeps
        # established ones, as on a cluster), and every request here must open one.
        self.argv += ["--serverstransport.forwardingtimeouts.dialtimeout=2s",
                      "--serverstransport.maxidleconnsperhost=-1"]

    def command(self) -> list[str]:
        return self.pod.argv(self.argv)

    def rawdata(self) -> dict[str, Any]:
        result = _request_from(None, "http", self.pod.ip, API, "/api/rawdata", raw=True)
        return dict(json.loads(result))


def _request_from(pod: PodNet | None, scheme: str, address: str, port: int, path: str, *, method: str = "GET",
                  creds: tuple[str, str] | None = None, cafile: str = "", raw: bool = False) -> str:
    if raw:  # the Traefik API, from the node
        script = ("import sys, urllib.request; "
                  "sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())")
        argv = [sys.executable, "-c", script, f"http://{address}:{port}{path}"]
    else:
        arguments = [scheme, address, port, path, method, f"{creds[0]}:{creds[1]}" if creds else "", cafile, HOST]
        argv = [sys.executable, "-c", CLIENT, json.dumps(arguments)]
    runner = pod.exec if pod is not None else subprocess.run
    result = runner(argv, capture_output=True, text=True, timeout=30, check=False)
    if result.returncode != 0:
        raise AssertionError(f"client failed: {result.stderr}")
    return str(result.stdout).strip()


@dataclass
class Cluster:
    net: ClusterNetwork
    registry: RunningPod
    registry_net: PodNet
    traefik: PodTraefik
    stranger: PodNet
    registry_ip: str
    policies: list[dict[str, Any]]
    cafile: str

    def via_traefik(self, pod: PodNet | None, path: str, *, method: str = "GET",
                    creds: tuple[str, str] | None = None) -> str:
        return _request_from(pod, "https", self.traefik.pod.ip, WEBSECURE, path, method=method, creds=creds,
                             cafile=self.cafile)


@pytest.fixture(scope="module")
def cluster(pods_host: PodsHost, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    workdir = tmp_path_factory.mktemp("access-policy")
    manifests = _synth()
    ca = trustme.CA()
    cert = ca.issue_cert(HOST)
    cafile = workdir / "ca.pem"
    ca.cert_pem.write_to_path(str(cafile))
    deployment = next(m for m in manifests if m["kind"] == "Deployment")
    policies = [m for m in manifests if m["kind"] == "NetworkPolicy"]
    with contextlib.ExitStack() as cleanup:
        net = cleanup.enter_context(ClusterNetwork(unique_prefix("ta")))
        for namespace in ("kube-system", "registry", "default"):
            net.add_namespace(namespace)
        registry_net = net.add_pod("registry", "registry-0", deployment["spec"]["template"]["metadata"]["labels"],
                                   ready=False)
        traefik_net = net.add_pod("kube-system", "traefik-0", TRAEFIK_LABELS)
        stranger = net.add_pod("default", "stranger", {"app.kubernetes.io/name": "stranger"})
        service = next(m for m in manifests if m["kind"] == "Service")
        registry_ip = net.add_service_manifest(service)
        net.apply_network_policies(policies)
        runner = PodRunner(workdir / "runner", ObjectStore(manifests, default_namespace="registry"),
                           state_dir=pods_host.state_dir, cgroup_parent=f"{pods_host.cgroup_prefix}/access")
        cleanup.callback(runner.close)
        pod = runner.run(deployment, **net.pod_run_options(registry_net), pvc_root=workdir / "pvc")
        pod.wait_ready(60)
        # What the endpointslice controller would publish for the ready pod, to Traefik through the stand-in API.
        endpoint_slice = {
            "apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
            "metadata": {"name": "registry-pod", "namespace": "registry",
                         "labels": {"kubernetes.io/service-name": "registry",
                                    "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io"}},
            "addressType": "IPv4",
            "endpoints": [{"addresses": [registry_net.ip],
                           "conditions": {"ready": True, "serving": True, "terminating": False}}],
            "ports": [{"name": port.get("name", ""), "port": port["targetPort"], "protocol": "TCP"}
                      for port in service["spec"]["ports"]]}
        api = FakeKubeApi([*manifests, endpoint_slice,
                           tls_secret("registry-tls", "registry", b"".join(b.bytes() for b in cert.cert_chain_pems),
                                      cert.private_key_pem.bytes())], host=net.node_ip).start()
        cleanup.callback(api.stop)
        traefik = PodTraefik(workdir / "traefik", api_url=api.url, pod=traefik_net)
        cleanup.callback(traefik.stop)
        traefik.start()
        assert traefik.problems() == []
        yield Cluster(net, pod, registry_net, traefik, stranger, registry_ip, policies, str(cafile))


def test_through_traefik_access_control_applies(cluster: Cluster) -> None:
    # GIVEN the registry behind its NetworkPolicy, Traefik in kube-system
    for client in (None, cluster.stranger):  # the node, and a pod of another namespace
        # THEN a reader is let in and a wrong password is not; anonymous reads reach the registry (404: no image)
        assert cluster.via_traefik(client, "/v2/", creds=READER) == "200"
        assert cluster.via_traefik(client, "/v2/", creds=("ci", "wrong")) == "401"
        assert cluster.via_traefik(client, "/v2/team/app/manifests/v1") == "404"
        # AND an anonymous or a reader's upload is refused by Traefik, a writer's reaches the registry
        assert cluster.via_traefik(client, "/v2/team/app/blobs/uploads/", method="POST") == "401"
        assert cluster.via_traefik(client, "/v2/team/app/blobs/uploads/", method="POST", creds=READER) == "401"
        assert cluster.via_traefik(client, "/v2/team/app/blobs/uploads/", method="POST", creds=WRITER) == "202"


def test_around_traefik_nothing_gets_in(cluster: Cluster) -> None:
    # GIVEN the registry, which checks nothing itself
    # WHEN a pod of another namespace calls it directly, by its Service IP or its pod IP, even for an upload
    for address in (cluster.registry_ip, cluster.registry_net.ip):
        for method, path in (("GET", "/v2/"), ("POST", "/v2/team/app/blobs/uploads/")):
            # THEN its connection is dropped by the registry pod's NetworkPolicy
            assert _request_from(cluster.stranger, "http", address, 5000, path, method=method) == "timeout"
    # AND Traefik's pod, the one peer the policy names, does reach it directly (the policy is not a blanket deny)
    traefik_pod = cluster.traefik.pod
    assert _request_from(traefik_pod, "http", cluster.registry_ip, 5000, "/v2/") == "200"


def test_a_policy_naming_the_wrong_peer_cuts_traefik_off(cluster: Cluster) -> None:
    # GIVEN the registry's policy with Traefik's namespace misnamed
    broken = copy.deepcopy([p for p in cluster.policies if p["metadata"]["name"] == "registry"])
    peer = broken[0]["spec"]["ingress"][0]["from"][0]
    peer["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"] = "traefik"
    cluster.net.apply_network_policies(broken)
    try:
        # THEN even Traefik's requests no longer reach the registry (Traefik answers 504 at its dial timeout),
        # nor its pod's own connections
        assert cluster.via_traefik(None, "/v2/", creds=READER) == "504"
        assert _request_from(cluster.traefik.pod, "http", cluster.registry_ip, 5000, "/v2/") == "timeout"
    finally:
        cluster.net.apply_network_policies(cluster.policies)
    assert cluster.via_traefik(None, "/v2/", creds=READER) == "200"


def test_the_pod_ran_as_synthesized(cluster: Cluster) -> None:
    # The registry here is the synthesized pod under runc, not a host process: its user and its empty capabilities.
    status = _procfs.status(cluster.registry.pid("registry"))
    assert status["Uid"].split()[0] == "10001" and status["CapEff"] == "0000000000000000"
    assert os.path.exists(cluster.registry.netns_path or "")
