"""The cluster network of the pod runner (pods/_network.py), proved with plain processes in pod network namespaces:
pod to pod, the node, Services, the cluster DNS through glibc's resolver, and the registry's own NetworkPolicy (as
the plan emits it) enforced in both directions. Needs root, iproute2 and iptables: never skipped."""

from __future__ import annotations

import copy
import ipaddress
import json
import os
import pathlib
import re
import shutil
import socket
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from e2e._kube import UnsupportedSpec
from e2e._proc import HarnessError, wait_for

from constructs_lib import _plan
from constructs_lib.config import RegistryConfig
from constructs_lib.storage import Storage
from pods import _network
from pods._network import ClusterNetwork, PodNet, leftovers, unique_prefix

# A TCP server on every port given: each connection gets "TAG PEER_IP" and is closed.
SERVER = """
import socket, sys, threading
tag = sys.argv[1]
def serve(sock):
    while True:
        conn, peer = sock.accept()
        with conn:
            conn.sendall(f"{tag} {peer[0]}\\n".encode())
socks = []
for port in sys.argv[2:]:
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("0.0.0.0", int(port)))
    sock.listen(64)
    socks.append(sock)
for sock in socks[1:]:
    threading.Thread(target=serve, args=(sock,), daemon=True).start()
serve(socks[0])
"""

# Connects to every (host, port, timeout) of argv[1] at once; prints one result per target: "ok REPLY", "timeout",
# "refused", "eperm" or "error ...". Host names go through getaddrinfo, i.e. glibc and the pod's resolv.conf.
CLIENT = """
import json, socket, sys, threading
targets = json.loads(sys.argv[1])
results = [None] * len(targets)
def probe(index, host, port, timeout):
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            data = b""
            while chunk := sock.recv(256):
                data += chunk
            results[index] = "ok " + data.decode().strip()
    except TimeoutError:
        results[index] = "timeout"
    except ConnectionRefusedError:
        results[index] = "refused"
    except PermissionError:
        results[index] = "eperm"
    except OSError as error:
        results[index] = f"error {error}"
threads = [threading.Thread(target=probe, args=(i, *target)) for i, target in enumerate(targets)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps(results))
"""

DENIED_TIMEOUT = 0.6  # a dropped SYN: the connection times out (no answer at all)
ALLOWED_TIMEOUT = 3.0

TRAEFIK = {"app.kubernetes.io/name": "traefik"}
UI = {"app.kubernetes.io/name": "registry-ui", "app.kubernetes.io/part-of": "registry"}
PROMETHEUS = {"app.kubernetes.io/name": "prometheus"}
OTHER = {"app.kubernetes.io/name": "other"}

# Which ports each pod's server listens on.
SERVER_PORTS = {"registry-0": (5000, 5001, 9999), "registry-1": (5000, 5001, 9999), "s3": (9000, 9001),
                "other": (5000, 8080), "traefik": (8000,)}


def _registry_plan() -> _plan.RegistryPlan:
    config = RegistryConfig(name="registry", namespace="registry", auth=None,
                            storage=Storage.s3(bucket="registry", endpoint="http://s3.storage.svc:9000",
                                               credentials=None))
    return _plan.plan_registry(config)


PLAN = _registry_plan()
REGISTRY_POLICY = PLAN.manifest("NetworkPolicy").to_dict("registry")
REGISTRY_SERVICE = PLAN.manifest("Service").to_dict("registry")
REGISTRY_LABELS = PLAN.manifest("Resource").to_dict("registry")["spec"]["template"]["metadata"]["labels"]


class Cluster:
    """The module's network and its pods by name."""

    def __init__(self, net: ClusterNetwork) -> None:
        self.net = net
        self.pods: dict[str, PodNet] = {}
        self.registry_ip = ""

    def __getitem__(self, name: str) -> PodNet:
        return self.pods[name]


def connect(pod: PodNet, *targets: tuple[str, int, float]) -> list[str]:
    """Connect from inside `pod` to every target at once."""
    result = pod.exec([sys.executable, "-c", CLIENT, json.dumps(targets)], capture_output=True, text=True,
                      timeout=30, check=False)
    if result.returncode != 0:
        raise HarnessError(f"client in {pod.name} failed: {result.stderr}")
    answer: list[str] = json.loads(result.stdout)
    return answer


def allowed(host: str, port: int) -> tuple[str, int, float]:
    return (host, port, ALLOWED_TIMEOUT)


def denied(host: str, port: int) -> tuple[str, int, float]:
    return (host, port, DENIED_TIMEOUT)


def from_node(host: str, port: int, timeout: float = ALLOWED_TIMEOUT) -> str:
    """Connect from the test process itself (the node)."""
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            data = b""
            while chunk := sock.recv(256):
                data += chunk
            return "ok " + data.decode().strip()
    except TimeoutError:
        return "timeout"
    except ConnectionRefusedError:
        return "refused"


def _start_server(pod: PodNet, log: pathlib.Path) -> None:
    ports = SERVER_PORTS[pod.name]
    with log.open("ab") as out:
        process = pod.popen([sys.executable, "-c", SERVER, pod.name, *map(str, ports)], stdout=out,
                            stderr=subprocess.STDOUT)
    def alive() -> str | None:
        return f"exited with {process.returncode}" if process.poll() is not None else None

    for port in ports:
        def up(port: int = port) -> bool | None:
            return from_node(pod.ip, port, 0.5).startswith("ok") or None

        wait_for(f"server of {pod.name} on {port}", up, timeout=10, alive=alive)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    prefix = unique_prefix("tn")
    log = tmp_path_factory.mktemp("network") / "servers.log"
    with ClusterNetwork(prefix) as net:
        found = Cluster(net)
        for namespace, name, labels in [
            ("registry", "registry-0", REGISTRY_LABELS), ("registry", "registry-1", REGISTRY_LABELS),
            ("registry", "ui", UI), ("kube-system", "traefik", TRAEFIK), ("monitoring", "prometheus", PROMETHEUS),
            ("storage", "s3", {"app": "s3"}), ("apps", "other", OTHER), ("apps", "impostor", {**UI, **TRAEFIK}),
        ]:
            found.pods[name] = net.add_pod(namespace, name, labels)
        for name in SERVER_PORTS:
            _start_server(found[name], log)
        found.registry_ip = net.add_service_manifest(REGISTRY_SERVICE)
        net.add_service("storage", "s3", {9000: 9000, 9001: 9001}, {"app": "s3"})
        yield found
    assert leftovers(prefix) == []


@pytest.fixture(autouse=True)
def _reset(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "cluster" in request.fixturenames:
        found: Cluster = request.getfixturevalue("cluster")
        found.net.delete_network_policies()
        for pod in found.pods.values():
            if not pod.ready:
                found.net.set_ready(pod, True)


def _tags(results: list[str]) -> list[str]:
    return [result.split()[1] if result.startswith("ok ") else result for result in results]


# --- pods, the node and Services ------------------------------------------------------------------------------------


def test_pods_reach_each_other_by_pod_ip_and_see_the_real_source(cluster: Cluster) -> None:
    # GIVEN pods in two namespaces and no NetworkPolicy
    other, registry = cluster["other"], cluster["registry-0"]
    # WHEN a pod of one namespace connects to a pod of another by its IP
    result = connect(other, allowed(registry.ip, 5000), allowed(cluster["s3"].ip, 9001))
    # THEN it gets through, and the server sees the client's own pod IP (no NAT between pods)
    assert result == [f"ok registry-0 {other.ip}", f"ok s3 {other.ip}"]
    assert registry.netns_path == f"/run/netns/{registry.netns}" and os.path.exists(registry.netns_path)
    # AND a pod has IPv4 only (no IPv6 path around the policies), eth0 with its IP, a default route via the node
    addresses = registry.exec(["ip", "-o", "addr", "show"], capture_output=True, text=True, check=True).stdout
    assert f"eth0    inet {registry.ip}/" in addresses and "inet6" not in addresses.split("eth0", 1)[1]
    route = registry.exec(["ip", "route", "show", "default"], capture_output=True, text=True, check=True).stdout
    assert route.split()[:3] == ["default", "via", cluster.net.node_ip]


def test_the_node_reaches_pods_from_the_node_ip(cluster: Cluster) -> None:
    # GIVEN a pod
    # WHEN the test process (the node, where the kubelet probes from) connects to it
    # THEN the pod sees the node IP, the bridge's address
    assert from_node(cluster["registry-0"].ip, 5000) == f"ok registry-0 {cluster.net.node_ip}"
    assert cluster.net.node_ip == str(next(cluster.net.pod_cidr.hosts()))


def test_a_service_ip_balances_over_its_ready_endpoints_from_pods_and_from_the_node(cluster: Cluster) -> None:
    # GIVEN the registry's Service (the plan's manifest) over two ready pods
    net, ip = cluster.net, cluster.registry_ip
    service = net.service("registry", "registry")
    assert ipaddress.IPv4Address(ip) in net.service_cidr and service.ip == ip
    assert net.endpoints(service, 5000) == [(cluster["registry-0"].ip, 5000), (cluster["registry-1"].ip, 5000)]
    # WHEN a pod and the node connect to the Service IP many times
    from_pod = _tags(connect(cluster["other"], *[allowed(ip, 5000)] * 24))
    from_host = [from_node(ip, 5000).split()[1] for _ in range(24)]
    # THEN both endpoints answer (random balancing: all 24 on one side has a chance of 2 in 2**24)
    assert set(from_pod) == {"registry-0", "registry-1"}
    assert set(from_host) == {"registry-0", "registry-1"}

    # WHEN one pod turns unready
    net.set_ready(cluster["registry-1"], False)
    # THEN it leaves the endpoints: every connection goes to the other
    assert set(_tags(connect(cluster["other"], *[allowed(ip, 5000)] * 8))) == {"registry-0"}
    assert net.endpoint(service, 5000) == (cluster["registry-0"].ip, 5000)

    # WHEN no pod is ready
    net.set_ready(cluster["registry-0"], False)
    # THEN the Service port refuses connections at once (kube-proxy's REJECT), from pods and from the node
    assert connect(cluster["other"], allowed(ip, 5000)) == ["refused"]
    assert from_node(ip, 5000) == "refused"
    with pytest.raises(HarnessError, match="no ready endpoint"):
        net.endpoint(service, 5000)

    # WHEN the pods are ready again
    net.set_ready(cluster["registry-0"], True)
    net.set_ready(cluster["registry-1"], True)
    # THEN the Service answers again
    assert connect(cluster["other"], allowed(ip, 5000))[0].startswith("ok registry-")


def _dns_query(name: str, *, tcp: bool, server: str, qtype: int = 1) -> tuple[int, list[str]]:
    """A raw query (A unless `qtype` says otherwise): the response code and the IPv4 addresses answered."""
    question = b"".join(bytes([len(label)]) + label.encode() for label in name.split(".")) + b"\0"
    query = struct.pack("!HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0) + question + struct.pack("!HH", qtype, 1)
    if tcp:
        with socket.create_connection((server, 53), timeout=3) as sock:
            sock.sendall(struct.pack("!H", len(query)) + query)
            size = struct.unpack("!H", sock.recv(2))[0]
            answer = b""
            while len(answer) < size:
                answer += sock.recv(size - len(answer))
    else:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.settimeout(3)
            sock.sendto(query, (server, 53))
            answer = sock.recv(512)
    ident, flags, _, ancount = struct.unpack("!HHHH", answer[:8])
    assert ident == 0x1234 and flags & 0x8000
    records = answer[12 + len(question) + 4:]
    addresses = []
    for _ in range(ancount):
        _, rtype, _, _, length = struct.unpack("!HHHIH", records[:12])
        if rtype == 1:
            addresses.append(socket.inet_ntoa(records[12:12 + length]))
        records = records[12 + length:]
    return flags & 0xF, addresses


def test_the_cluster_dns_answers_service_names_through_glibc_in_a_pod(cluster: Cluster) -> None:
    net = cluster.net
    # GIVEN the resolv.conf the kubelet writes, which pods see as /etc/resolv.conf
    conf = net.resolv_conf("registry")
    assert conf == (f"search registry.svc.cluster.local svc.cluster.local cluster.local\n"
                    f"nameserver {net.dns_ip}\noptions ndots:5\n")
    assert cluster["ui"].exec(["cat", "/etc/resolv.conf"], capture_output=True, text=True).stdout == conf

    def getent(pod: str, name: str) -> tuple[int, str]:
        result = cluster[pod].exec(["getent", "hosts", name], capture_output=True, text=True)
        return result.returncode, result.stdout.split()[0] if result.stdout else ""

    # WHEN glibc's resolver looks up Service names inside pods
    # THEN short names resolve through the search list, other namespaces' by NAME.NAMESPACE, and the FQDN
    assert getent("ui", "registry") == (0, cluster.registry_ip)
    assert getent("other", "registry.registry") == (0, cluster.registry_ip)
    assert getent("other", "s3.storage.svc.cluster.local") == (0, net.service("storage", "s3").ip)
    assert getent("other", "kube-dns.kube-system") == (0, net.dns_ip)
    # AND a name that is no Service does not resolve (getent: 2, not found)
    assert getent("other", "registry")[0] == 2
    assert getent("other", "example.com")[0] == 2
    # AND a client connects by name
    assert connect(cluster["other"], allowed("registry.registry", 5000))[0].startswith("ok registry-")

    # WHEN the node asks the DNS Service IP directly over UDP and TCP
    # THEN it answers A records and NXDOMAIN (3) for unknown names
    for tcp in (False, True):
        assert _dns_query("registry.registry.svc.cluster.local", tcp=tcp, server=net.dns_ip) == (
            0, [cluster.registry_ip])
        assert _dns_query("nothing.registry.svc.cluster.local", tcp=tcp, server=net.dns_ip) == (3, [])
    # AND a Service name has no AAAA record (NOERROR, no answer: a single-stack cluster)
    assert _dns_query("registry.registry.svc.cluster.local", tcp=False, server=net.dns_ip, qtype=28) == (0, [])
    # AND the node's clients can ask the same records in Python, with a pod's search list
    assert net.resolve("registry", "registry") == net.resolve("registry.registry.svc") == cluster.registry_ip
    assert net.resolve("registry") is None


# --- NetworkPolicies ------------------------------------------------------------------------------------------------


def test_the_registry_policy_admits_only_its_peers_and_the_node(cluster: Cluster) -> None:
    # GIVEN the registry's NetworkPolicy exactly as the plan emits it
    cluster.net.apply_network_policies([REGISTRY_POLICY])
    registry = cluster["registry-0"]
    # WHEN its peers and other pods connect to the registry pod
    traefik = connect(cluster["traefik"], allowed(registry.ip, 5000), allowed(cluster.registry_ip, 5000),
                      denied(registry.ip, 5001), denied(registry.ip, 9999))
    ui = connect(cluster["ui"], allowed(registry.ip, 5000), denied(registry.ip, 5001))
    prometheus = connect(cluster["prometheus"], allowed(registry.ip, 5001), denied(registry.ip, 5000))
    other = connect(cluster["other"], denied(registry.ip, 5000), denied(cluster.registry_ip, 5000),
                    denied(registry.ip, 9999))
    impostor = connect(cluster["impostor"], denied(registry.ip, 5000))  # Traefik's and the UI's labels, wrong namespace
    # THEN Traefik of kube-system gets to port 5000 (by pod IP and through the Service) and nowhere else
    assert traefik[0] == f"ok registry-0 {cluster['traefik'].ip}"
    assert traefik[1].startswith("ok registry-")
    assert traefik[2:] == ["timeout", "timeout"]
    # AND the UI of the registry's namespace gets to 5000, Prometheus of monitoring to the metrics port only
    assert ui == [f"ok registry-0 {cluster['ui'].ip}", "timeout"]
    assert prometheus == [f"ok registry-0 {cluster['prometheus'].ip}", "timeout"]
    # AND every other pod is dropped: its connections time out (no refusal, no answer)
    assert other == ["timeout"] * 3
    assert impostor == ["timeout"]
    # AND the node (the kubelet's probes) still reaches every port
    assert from_node(registry.ip, 5000) == f"ok registry-0 {cluster.net.node_ip}"
    assert from_node(registry.ip, 9999).startswith("ok registry-0")


def test_the_registry_policy_limits_its_egress_to_dns_and_the_storage_port(cluster: Cluster) -> None:
    # GIVEN the registry's NetworkPolicy
    cluster.net.apply_network_policies([REGISTRY_POLICY])
    registry, s3 = cluster["registry-0"], cluster["s3"]
    # WHEN the registry pod resolves a name and connects out
    lookup = registry.exec(["getent", "hosts", "s3.storage"], capture_output=True, text=True)
    out = connect(registry, allowed("s3.storage", 9000), allowed(s3.ip, 9000), denied(s3.ip, 9001),
                  denied(cluster["other"].ip, 8080), denied(cluster["traefik"].ip, 8000))
    # THEN DNS (port 53 to anywhere: the cluster DNS) works, and so does the storage port, by name and by IP
    assert lookup.returncode == 0 and lookup.stdout.split()[0] == cluster.net.service("storage", "s3").ip
    assert out[:2] == [f"ok s3 {registry.ip}", f"ok s3 {registry.ip}"]
    # AND every other destination is dropped
    assert out[2:] == ["timeout"] * 3
    # AND pods the policy does not select are not limited
    assert connect(cluster["other"], allowed(s3.ip, 9001)) == [f"ok s3 {cluster['other'].ip}"]


def test_a_policy_peer_with_a_wrong_label_cuts_the_traffic(cluster: Cluster) -> None:
    # GIVEN the registry's policy admits Traefik
    net, registry = cluster.net, cluster["registry-0"]
    net.apply_network_policies([REGISTRY_POLICY])
    assert connect(cluster["traefik"], allowed(registry.ip, 5000))[0].startswith("ok")
    # WHEN the peer's pod label is broken, then (separately) its namespace label
    broken_pod = copy.deepcopy(REGISTRY_POLICY)
    broken_pod["spec"]["ingress"][0]["from"][0]["podSelector"]["matchLabels"]["app.kubernetes.io/name"] = "traefik2"
    net.apply_network_policies([broken_pod])
    by_pod_label = connect(cluster["traefik"], denied(registry.ip, 5000))
    broken_namespace = copy.deepcopy(REGISTRY_POLICY)
    broken_namespace["spec"]["ingress"][0]["from"][0]["namespaceSelector"]["matchLabels"] = {
        "kubernetes.io/metadata.name": "kube-public"}
    net.apply_network_policies([broken_namespace])
    by_namespace_label = connect(cluster["traefik"], denied(registry.ip, 5000))
    # THEN Traefik is cut off each time
    assert by_pod_label == ["timeout"]
    assert by_namespace_label == ["timeout"]
    # WHEN a namespace gains the label the broken policy names, or the right policy is applied again
    net.add_namespace("kube-system", {"kubernetes.io/metadata.name": "kube-public"})
    # THEN the name label stays the namespace's own (as the API server keeps it)
    assert net.namespace_labels["kube-system"]["kubernetes.io/metadata.name"] == "kube-system"
    net.apply_network_policies([REGISTRY_POLICY])
    assert connect(cluster["traefik"], allowed(registry.ip, 5000))[0].startswith("ok")


def test_policies_add_up_and_rules_follow_new_pods(cluster: Cluster) -> None:
    # GIVEN the registry's policy and a second one admitting the `apps` namespace (namespaceSelector alone) to 9999
    net, registry = cluster.net, cluster["registry-0"]
    net.add_namespace("apps", {"team": "apps"})
    extra = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
             "metadata": {"name": "apps-debug", "namespace": "registry"},
             "spec": {"podSelector": {"matchLabels": {"app.kubernetes.io/name": "registry"}},
                      "policyTypes": ["Ingress"],
                      "ingress": [{"from": [{"namespaceSelector": {"matchLabels": {"team": "apps"}}}],
                                   "ports": [{"port": 9999, "protocol": "TCP"}]}]}}
    # AND one letting the registry out to the storage namespace's pods on 9001 (a `to` peer)
    out = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
           "metadata": {"name": "storage-admin", "namespace": "registry"},
           "spec": {"podSelector": {"matchLabels": {"app.kubernetes.io/instance": "registry"}},
                    "policyTypes": ["Egress"],
                    "egress": [{"to": [{"namespaceSelector": {"matchLabels": {
                        "kubernetes.io/metadata.name": "storage"}}, "podSelector": {"matchLabels": {"app": "s3"}}}],
                        "ports": [{"port": 9001, "protocol": "TCP"}]}]}}
    net.apply_network_policies([REGISTRY_POLICY, extra, out])
    # WHEN pods of `apps` connect, and a pod is added to `apps` afterwards; and the registry connects out
    late = net.add_pod("apps", "late", {})
    try:
        result = connect(cluster["other"], allowed(registry.ip, 9999), denied(registry.ip, 5000))
        late_result = connect(late, allowed(registry.ip, 9999))
    finally:
        net.remove_pod(late)
    egress = connect(registry, allowed(cluster["s3"].ip, 9001), denied(cluster["other"].ip, 5000))
    # THEN the union of the policies applies, to the new pod too
    assert result == [f"ok registry-0 {cluster['other'].ip}", "timeout"]
    assert late_result == [f"ok registry-0 {late.ip}"]
    assert egress == [f"ok s3 {registry.ip}", "timeout"]
    # AND a removed pod leaves nothing behind
    assert not os.path.exists(late.netns_path)


@pytest.mark.parametrize(("change", "field"), [
    (lambda spec: spec["podSelector"].update(matchExpressions=[]), "podSelector.matchExpressions"),
    (lambda spec: spec["egress"][1]["ports"][0].update(endPort=9010), "egress[1].ports[0].endPort"),
    (lambda spec: spec["ingress"][0]["ports"][0].update(port="http"), "ingress[0].ports[0].port"),
    (lambda spec: spec["ingress"][0]["ports"][0].update(protocol="SCTP"), "ingress[0].ports[0].protocol"),
    (lambda spec: spec["ingress"][0]["from"][0]["namespaceSelector"].update(matchExpressions=[]),
     "ingress[0].from[0].namespaceSelector.matchExpressions"),
    (lambda spec: spec["egress"][0].update(to=[{"ipBlock": {"cidr": "10.0.0.0/8"}, "podSelector": {}}]),
     "egress[0].to[0]"),
    (lambda spec: spec.update(somethingNew=True), "spec.somethingNew"),
], ids=["matchExpressions", "endPort", "named-port", "sctp", "namespace-matchExpressions", "ipBlock-and-pods",
        "unknown-field"])
def test_an_unimplemented_policy_field_raises_and_changes_nothing(cluster: Cluster, change: Any, field: str) -> None:
    # GIVEN the registry's policy with a field the network does not implement
    policy = copy.deepcopy(REGISTRY_POLICY)
    change(policy["spec"])
    before = cluster.net.pod_rules(cluster["registry-0"])
    # WHEN it is applied
    # THEN it raises, naming the field, and no rule changed
    with pytest.raises(UnsupportedSpec, match=field.replace(".", r"\.").replace("[", r"\[").replace("]", r"\]")):
        cluster.net.apply_network_policies([policy])
    assert cluster.net.pod_rules(cluster["registry-0"]) == before


def test_an_ip_block_with_exceptions(cluster: Cluster) -> None:
    # GIVEN a policy admitting the pod range except the Traefik pod's address
    net, registry, traefik = cluster.net, cluster["registry-0"], cluster["traefik"]
    policy = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
              "metadata": {"name": "block", "namespace": "registry"},
              "spec": {"podSelector": {"matchLabels": {"app.kubernetes.io/name": "registry"}},
                       "ingress": [{"from": [{"ipBlock": {"cidr": str(net.pod_cidr),
                                                          "except": [f"{traefik.ip}/32"]}}]}]}}
    net.apply_network_policies([policy])
    # WHEN Traefik and another pod connect
    # THEN the other pod gets through to any port, Traefik does not
    assert connect(cluster["other"], allowed(registry.ip, 9999)) == [f"ok registry-0 {cluster['other'].ip}"]
    assert connect(traefik, denied(registry.ip, 5000)) == ["timeout"]


# --- cleanup --------------------------------------------------------------------------------------------------------


# The host chains of any cluster network (another run's may come and go meanwhile).
_NETWORK_CHAIN = re.compile(r"\b([a-z][a-z0-9]{1,7})-(SVC|SVCR|FWD|IN)\b")


def _host_state(prefix: str) -> tuple[str, dict[str, str]]:
    """The host's iptables rules (without other networks' chains and jumps) and its forwarding sysctls."""
    rules = subprocess.run(["iptables-save"], capture_output=True, text=True, check=True).stdout
    kept = "\n".join(line for line in rules.splitlines() if not line.startswith("#")
                     and all(match.group(1) == prefix for match in _NETWORK_CHAIN.finditer(line)))
    sysctls = {}
    for path in ("/proc/sys/net/ipv4/ip_forward", "/proc/sys/net/bridge/bridge-nf-call-iptables"):
        if os.path.exists(path):
            sysctls[path] = pathlib.Path(path).read_text()
    return kept, sysctls


def test_close_leaves_nothing_behind() -> None:
    # GIVEN the host's iptables rules and network sysctls
    prefix = unique_prefix("tc")
    before = _host_state(prefix)
    # WHEN a network with pods, a process, a Service and a policy is closed
    with ClusterNetwork(prefix) as net:
        pod = net.add_pod("one", "a", {"app": "a"})
        net.add_pod("two", "b", {"app": "b"})
        process = pod.popen(["sleep", "60"])
        net.add_service("one", "a", {80: 8080}, {"app": "a"})
        net.apply_network_policies([{"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                                     "metadata": {"name": "deny", "namespace": "one"},
                                     "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}}])
        during = leftovers(prefix)
        assert any(item.startswith("netns ") for item in during) and any("-SVC" in item for item in during)
    # THEN nothing of it is left: no namespace, link, chain, folder or process; the host's rules and sysctls are
    # as they were
    assert leftovers(prefix) == []
    assert process.poll() is not None
    assert _host_state(prefix) == before


def test_a_process_left_in_a_pod_is_killed_and_reported_on_close() -> None:
    # GIVEN a process in a pod's namespace that the network did not start (as a runc container would be)
    prefix = unique_prefix("tk")
    net = ClusterNetwork(prefix).start()
    pod = net.add_pod("one", "a", {})
    stray = subprocess.Popen(pod.argv(["sleep", "60"]))
    try:
        wait_for("the stray process", lambda: pod.exec(["ip", "netns", "identify", str(stray.pid)],
                                                       capture_output=True, text=True).stdout.strip() or None,
                 timeout=5)
        # WHEN the network closes
        # THEN the process is killed, and the close fails naming it, after cleaning up everything else
        with pytest.raises(HarnessError, match=rf"processes still running in pod one/a were killed: {stray.pid}"):
            net.close()
        assert stray.wait(timeout=5) == -9
    finally:
        if stray.poll() is None:
            stray.kill()
            stray.wait()
    assert leftovers(prefix) == []


def test_a_prefix_in_use_is_refused() -> None:
    # GIVEN a running network
    prefix = unique_prefix("tu")
    with ClusterNetwork(prefix):
        # WHEN another one starts with its prefix
        # THEN it refuses, and the first one's objects are untouched
        with pytest.raises(HarnessError, match=f"prefix {prefix} is in use"):
            ClusterNetwork(prefix).start()
        assert f"link {prefix}br" in leftovers(prefix)
    assert leftovers(prefix) == []


def test_missing_tools_fail_naming_the_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a machine without iproute2's `ip` (nowhere on PATH or in the sbin folders)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(_network, "_SBIN", ())
    # WHEN a network starts
    # THEN it fails at once, naming the package to install (never a skip)
    with pytest.raises(HarnessError, match="Debian package iproute2"):
        ClusterNetwork(unique_prefix("tm")).start()


def test_a_bad_prefix_is_refused() -> None:
    with pytest.raises(HarnessError, match="2 to 8 characters"):
        ClusterNetwork("far-too-long-a-prefix")


def test_a_network_is_quick_to_build() -> None:
    # GIVEN / WHEN a network with three pods is built and closed
    started = time.monotonic()
    prefix = unique_prefix("tq")
    with ClusterNetwork(prefix) as net:
        for index in range(3):
            net.add_pod("quick", f"p{index}", {})
    # THEN it took little time (each test module builds its own)
    assert time.monotonic() - started < 5
    assert leftovers(prefix) == []
