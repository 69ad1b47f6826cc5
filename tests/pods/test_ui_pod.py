"""The UI in proxy mode, for real: the synthesized registry pod and UI pod run under runc, each in a network namespace
of its own with every synthesized NetworkPolicy in force. The UI's init container seeds its emptyDirs from the image,
the image's entrypoint (a stand-in of ours, tests/pods/_images.py) writes the settings and the ``location /v2`` proxy,
and Debian's nginx serves the page and proxies the registry's API by the registry Service's DNS name. A client pod
labelled as Traefik in kube-system gets both; a stranger of another namespace gets neither (dropped); and a registry
policy that names the wrong UI peer cuts the UI's proxy off while the page still loads."""

from __future__ import annotations

import contextlib
import copy
import json
import pathlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import cdk8s
import pytest
from e2e._kube import ObjectStore

from constructs_lib import HtpasswdAuth, RegistryChart

from . import _procfs
from ._network import ClusterNetwork, PodNet, unique_prefix
from .conftest import PodsHost
from .runner import PodRunner, RunningPod

USER = ("alice", "alice password")
TRAEFIK_LABELS = {"app.kubernetes.io/name": "traefik"}
UI_UID = 10101

# One plain HTTP request from inside a pod's network namespace: {"status", "body"}, or "timeout", or the error.
CLIENT = r"""
import base64, http.client, json, sys
address, port, path, creds, timeout = json.loads(sys.argv[1])
headers = {"Host": "ui.example.com"}
if creds:
    headers["Authorization"] = "Basic " + base64.b64encode(creds.encode()).decode()
try:
    conn = http.client.HTTPConnection(address, port, timeout=timeout)
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    print(json.dumps({"status": response.status, "body": response.read().decode(errors="replace")}))
except TimeoutError:
    print(json.dumps("timeout"))
except OSError as error:
    print(json.dumps(f"error {error}"))
"""


def _get(pod: PodNet, address: str, port: int, path: str = "/", *, creds: tuple[str, str] | None = None,
         timeout: float = 10.0) -> Any:
    arguments = [address, port, path, f"{creds[0]}:{creds[1]}" if creds else "", timeout]
    result = pod.exec([sys.executable, "-c", CLIENT, json.dumps(arguments)], capture_output=True, text=True,
                      timeout=30, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _status(pod: PodNet, address: str, port: int, path: str = "/", **kwargs: Any) -> Any:
    answer = _get(pod, address, port, path, **kwargs)
    return answer["status"] if isinstance(answer, dict) else answer


def _synth() -> list[dict[str, Any]]:
    app = cdk8s.Testing.app()
    chart = RegistryChart(app, "registry", host="registry.example.com", metrics=False,
                          auth=HtpasswdAuth.from_users(dict([USER]), cost=4),
                          ui_host="ui.example.com", ui_proxy_registry=True)
    return list(cdk8s.Testing.synth(chart))


def _named(manifests: list[dict[str, Any]], kind: str, name: str) -> dict[str, Any]:
    (found,) = [m for m in manifests if m["kind"] == kind and m["metadata"]["name"] == name]
    return found


@dataclass
class Cluster:
    net: ClusterNetwork
    registry: RunningPod
    ui: RunningPod
    registry_net: PodNet
    ui_net: PodNet
    traefik: PodNet
    stranger: PodNet
    registry_ip: str
    ui_ip: str
    policies: list[dict[str, Any]]


@pytest.fixture(scope="module")
def cluster(pods_host: PodsHost, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    workdir = tmp_path_factory.mktemp("ui-pod")
    manifests = _synth()
    registry_deployment = _named(manifests, "Deployment", "registry")
    ui_deployment = _named(manifests, "Deployment", "registry-ui")
    policies = [m for m in manifests if m["kind"] == "NetworkPolicy"]
    with contextlib.ExitStack() as cleanup:
        net = cleanup.enter_context(ClusterNetwork(unique_prefix("tu")))
        for namespace in ("kube-system", "registry", "default"):
            net.add_namespace(namespace)
        registry_net = net.add_pod("registry", "registry-0",
                                   registry_deployment["spec"]["template"]["metadata"]["labels"], ready=False)
        ui_net = net.add_pod("registry", "registry-ui-0", ui_deployment["spec"]["template"]["metadata"]["labels"],
                             ready=False)
        traefik = net.add_pod("kube-system", "traefik-0", TRAEFIK_LABELS)
        stranger = net.add_pod("default", "stranger", {"app.kubernetes.io/name": "stranger"})
        registry_ip = net.add_service_manifest(_named(manifests, "Service", "registry"))
        ui_ip = net.add_service_manifest(_named(manifests, "Service", "registry-ui"))
        net.apply_network_policies(policies)
        # Not the pod's setting but the test network's: the UI pod's namespace retries a SYN once, so a connection
        # that a policy drops fails in about 3 s (nginx then answers 502) instead of at nginx's 60 s
        # proxy_connect_timeout (504), which the image does not change.
        tuned = ui_net.exec(["/bin/sh", "-c", "echo 1 > /proc/sys/net/ipv4/tcp_syn_retries"], capture_output=True,
                            text=True, check=False)
        assert tuned.returncode == 0, tuned.stderr
        runner = PodRunner(workdir / "runner", ObjectStore(manifests, default_namespace="registry"),
                           state_dir=pods_host.state_dir, cgroup_parent=f"{pods_host.cgroup_prefix}/ui")
        cleanup.callback(runner.close)
        registry = runner.run(registry_deployment, **net.pod_run_options(registry_net), pvc_root=workdir / "pvc")
        registry.wait_ready(60)  # returns once on_ready has published the endpoint
        # nginx resolves the proxy's host (the registry Service) when it starts: the registry is up first.
        ui = runner.run(ui_deployment, **net.pod_run_options(ui_net))
        ui.wait_ready(60)
        yield Cluster(net, registry, ui, registry_net, ui_net, traefik, stranger, registry_ip, ui_ip, policies)


def test_the_ui_pod_ran_as_synthesized(cluster: Cluster) -> None:
    ui = cluster.ui
    # GIVEN the UI pod, Ready: its init container seeded the emptyDirs and exited 0 before the UI started
    assert ui.init_exit_codes == {"copy-writable-files": 0}
    assert ui.ready and ui.restart_count("ui") == 0
    conf = (ui.volume_path("nginx-config") / "nginx.conf").read_text()
    # THEN the seeded nginx.conf has the init container's one worker, then the entrypoint's unprivileged edits
    assert "worker_processes 1;" in conf and "worker_processes  auto;" not in conf
    assert "pid        /tmp/nginx.pid;" in conf and "user  nginx;" not in conf
    assert "running /docker-entrypoint.d/90-docker-registry-ui.sh" in ui.log("ui")
    # AND the entrypoint switched the proxy on, to the registry Service, on NGINX_LISTEN_PORT
    site = (ui.volume_path("nginx-config") / "conf.d" / "default.conf").read_text()
    assert "    location /v2 {" in site and "proxy_pass http://registry:5000;" in site, site
    assert 'proxy_set_header Host "$http_host";' in site and "listen       8080;" in site and "#proxy" not in site
    # AND the UI container runs as the synthesized user, without capabilities or new privileges, on a read-only root
    pid = ui.pid("ui")
    status = _procfs.status(pid)
    assert status["Uid"].split() == [str(UI_UID)] * 4 and status["Gid"].split() == [str(UI_UID)] * 4
    assert status["CapEff"] == "0000000000000000" and status["NoNewPrivs"] == "1"
    assert "ro" in _procfs.root_mount_options(pid)
    assert pathlib.Path(f"/proc/{pid}/cmdline").read_bytes().startswith(b"nginx: master process")
    # AND its probes pass: startup (which may fail while nginx starts), then liveness and readiness, never failing
    messages = [message for _, name, message in ui.events if name == "ui"]
    assert "startup probe succeeded" in messages, messages
    assert not [m for m in messages if m.startswith(("livenessProbe failed", "readinessProbe failed"))], messages
    assert [message for _, name, message in ui.events if name == ""][-1] == "pod Ready"


def test_traefik_gets_the_page_and_the_registry_through_the_ui(cluster: Cluster) -> None:
    # GIVEN a pod labelled as Traefik in kube-system
    # WHEN it gets the UI's page by the UI Service
    page = _get(cluster.traefik, cluster.ui_ip, 8080, "/")
    # THEN it is the image's page with the init container's title and the entrypoint's settings: no registry URL in
    # proxy mode (the browser stays on the UI's origin), a secured registry
    assert isinstance(page, dict) and page["status"] == 200, page
    assert "<title>Docker Registry</title>" in page["body"]
    assert 'registry-url=""' in page["body"] and 'registry-secured="true"' in page["body"]
    assert 'pull-url="registry.example.com"' in page["body"] and "${" not in page["body"]
    # AND the registry's API answers through the UI's nginx, with its own basic auth
    assert _status(cluster.traefik, cluster.ui_ip, 8080, "/v2/", creds=USER) == 200
    assert _status(cluster.traefik, cluster.ui_ip, 8080, "/v2/", creds=("alice", "wrong")) == 401
    assert _status(cluster.traefik, cluster.ui_ip, 8080, "/v2/") == 401


def test_the_registry_policy_admits_the_ui_and_the_ui_egress_reaches_only_allowed_ports(cluster: Cluster) -> None:
    # GIVEN the synthesized registry policy: a rule for the UI's pods on the registry port
    registry_policy = next(p for p in cluster.policies if p["metadata"]["name"] == "registry")
    ui_rule = {"from": [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": "registry-ui",
                                                         "app.kubernetes.io/part-of": "registry"}}}],
               "ports": [{"port": 5000, "protocol": "TCP"}]}
    assert ui_rule in registry_policy["spec"]["ingress"]
    # THEN from the UI pod's namespace the registry answers (by Service and pod IP); the node's port 22 is dropped
    assert _status(cluster.ui_net, cluster.registry_ip, 5000, "/v2/", creds=USER) == 200
    assert _status(cluster.ui_net, cluster.registry_net.ip, 5000, "/v2/", creds=USER) == 200
    assert _status(cluster.ui_net, cluster.net.node_ip, 22, timeout=2) == "timeout"


def test_a_stranger_is_dropped_by_the_ui_and_the_registry(cluster: Cluster) -> None:
    # GIVEN a pod of another namespace
    # WHEN it calls the UI (Service and pod IP) or the registry (Service and pod IP)
    for address, port in ((cluster.ui_ip, 8080), (cluster.ui_net.ip, 8080), (cluster.registry_ip, 5000),
                          (cluster.registry_net.ip, 5000)):
        # THEN its connection is dropped
        assert _status(cluster.stranger, address, port, "/v2/", creds=USER, timeout=2) == "timeout", address


def test_a_registry_policy_naming_the_wrong_ui_peer_cuts_the_proxy_off(cluster: Cluster) -> None:
    # GIVEN the registry's policy with the UI's pod label misnamed
    broken = copy.deepcopy([p for p in cluster.policies if p["metadata"]["name"] == "registry"])
    (ui_peer,) = [rule["from"][0] for rule in broken[0]["spec"]["ingress"]
                  if "namespaceSelector" not in rule["from"][0]]
    ui_peer["podSelector"]["matchLabels"]["app.kubernetes.io/name"] = "registry-web"
    cluster.net.apply_network_policies(broken)
    try:
        # THEN the UI's nginx no longer reaches the registry (502: its connection fails), the page still loads
        assert _status(cluster.traefik, cluster.ui_ip, 8080, "/v2/", creds=USER, timeout=20) in (502, 504)
        assert _status(cluster.traefik, cluster.ui_ip, 8080, "/") == 200
    finally:
        cluster.net.apply_network_policies(cluster.policies)
    assert _status(cluster.traefik, cluster.ui_ip, 8080, "/v2/", creds=USER) == 200
