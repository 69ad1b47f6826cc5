"""A small cluster network on this machine (issue "Pods for real"): pods in network namespaces of their own on one
Linux bridge, Service IPs, a cluster DNS and NetworkPolicies enforced by iptables inside each pod's namespace.

How it is laid out (all of it made by ``ClusterNetwork`` and removed by ``close()``):

- The bridge ``PREFIXbr`` in the host namespace plays the node. Its address (``node_ip``, the first address of the
  pod range) is where the kubelet's probes and the test's own clients come from, as on a real node. Every pod gets a
  veth pair: ``eth0`` inside its namespace (``/run/netns/PREFIX-NS.NAME``) with the pod IP and a default route via
  the node IP, the host side ``PREFIXvN`` on the bridge. Pod to pod is plain layer 2 on the bridge (no forwarding,
  no NAT: a peer sees the client's pod IP, which the NetworkPolicies match on).
- Services (kube-proxy in iptables mode): each pod namespace's ``nat OUTPUT`` DNATs ``ServiceIP:port`` to a ready
  endpoint (several endpoints are balanced with ``-m statistic --mode random``); a Service port without ready
  endpoints is REJECTed (connection refused), as kube-proxy does. The node reaches Service IPs too: a route for the
  Service range on the bridge (source = node IP) and the same DNAT in a chain of our own, ``PREFIX-SVC``, that the
  host's ``nat OUTPUT`` jumps to for the Service range only (``PREFIX-SVCR`` in ``filter OUTPUT`` for the rejects).
- DNS: a tiny server in this process (UDP and TCP, port 53 on the node IP) answers A queries for
  ``SVC.NS.svc.cluster.local`` with the Service IP and NXDOMAIN for every other name (no upstream). Pods use it
  through the Service ``kube-dns.kube-system`` (``dns_ip``, DNATed to the node IP's port 53), and ``resolv_conf()``
  is the file the kubelet writes. Processes run through ``PodNet.exec``/``popen`` see that file as /etc/resolv.conf
  (and a kubelet-like /etc/hosts): ``ip netns exec`` binds ``/etc/netns/NETNS/*`` over /etc.
- NetworkPolicies (networking.k8s.io/v1): the whole iptables ruleset of each pod namespace is recomputed and
  replaced atomically (iptables-restore) whenever pods, readiness, Services or policies change. A pod selected by a
  policy of a type is isolated for that direction: loopback and established/related traffic pass, then what some
  selecting policy allows (the union), then DROP, so a refused connection TIMES OUT (Calico's and Cilium's default).
  Ingress from the node IP is always allowed (kubelet probes), as Calico and kube-router (k3s) allow host-to-pod
  traffic; egress to the node IP is not: it needs a rule like any other destination (the DNS rule on port 53 "to
  anywhere" covers the cluster DNS). Rules match pod IPs after the Service DNAT, as in a cluster. Any field this
  module does not implement (matchExpressions, endPort, named ports, SCTP, ...) raises ``UnsupportedSpec``.
- The host: only the jumps into our own chains (nat OUTPUT, filter OUTPUT, FORWARD for bridge-to-bridge traffic,
  INPUT for pod-to-node traffic, so a host with a DROP policy still works) and those chains; all removed by
  ``close()``. ip_forward and the bridge-nf sysctls are neither needed nor touched.

Limits (each one raises where a manifest asks for it, rather than being ignored): IPv4 single stack (IPv6 is
switched off in pod namespaces); ClusterIP Services with a selector and numeric target ports only (no NodePort,
headless, ExternalName, session affinity, named ports); no masquerading and no forwarding, so pods reach the node
and each other but nothing beyond the host; the DNS has Service A records only (no pod records, SRV or upstream
forwarding); a policy change does not cut connections already established (conntrack), as with most CNIs; a pod
reaching itself (also through its Service) goes over loopback and is never filtered. The DNS needs port 53 of the
node IP (a specific address, so only a wildcard listener on 53 without SO_REUSEADDR gets in the way).

Needs root, ``ip`` (Debian package iproute2), ``iptables``/``iptables-restore``/``iptables-save`` (Debian package
iptables; its nf_tables backend 1.8.9 is what this was written on) and kernel bridge/veth support.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import fcntl
import ipaddress
import os
import pathlib
import re
import secrets
import shutil
import signal
import socket
import socketserver
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import TracebackType
from typing import Any, final

from e2e._kube import UnsupportedSpec
from e2e._proc import HarnessError, serve_in_thread, stop_serving, terminate

__all__ = ["CLUSTER_DOMAIN", "ClusterNetwork", "NetworkPolicy", "PodNet", "Service", "ServicePort", "leftovers",
           "unique_prefix"]

CLUSTER_DOMAIN = "cluster.local"
#: Where the default ranges come from: each network takes a free /24 of each (one per concurrent run).
DEFAULT_POD_RANGE = ipaddress.IPv4Network("10.244.0.0/16")
DEFAULT_SERVICE_RANGE = ipaddress.IPv4Network("10.96.0.0/16")
DNS_PORT = 53
DNS_TTL = 5
NETNS_DIR = pathlib.Path("/run/netns")
ETC_NETNS_DIR = pathlib.Path("/etc/netns")
#: Bounds every command this module runs.
COMMAND_TIMEOUT = 30.0

_CONNECT = r"""
import socket, sys
try:
    socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=float(sys.argv[3])).close()
    print("ok")
except TimeoutError:
    print("timeout")
except OSError as error:
    print(f"error {error}")
"""
_PREFIX_RE = re.compile(r"[a-z][a-z0-9]{1,7}")
_DNS_LABEL_RE = re.compile(r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")
_DNS_SUBDOMAIN_RE = re.compile(r"[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")
_TOOLS = {"ip": "iproute2", "iptables": "iptables", "iptables-restore": "iptables", "iptables-save": "iptables"}
_SBIN = ("/usr/sbin", "/sbin", "/usr/local/sbin")

# Networks not closed yet: closed at exit if a test run dies before its finalizers.
_OPEN: set[ClusterNetwork] = set()


def unique_prefix(tag: str = "kn") -> str:
    """A short name prefix that no other run on this machine uses right now: `tag` (one letter or two) + 5 hex."""
    return f"{tag}{secrets.token_hex(3)[:5]}"


# ---------------------------------------------------------------------------------------------------------------------
# Commands


def _tool(name: str) -> str:
    found = shutil.which(name) or next((f"{d}/{name}" for d in _SBIN if os.access(f"{d}/{name}", os.X_OK)), None)
    if found is None:
        raise HarnessError(f"`{name}` not found: install the Debian package {_TOOLS[name]}")
    return found


def _run(argv: Sequence[str], *, input: str | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    try:
        result = subprocess.run(list(argv), input=input, capture_output=True, text=True, timeout=COMMAND_TIMEOUT,
                                check=False)
    except subprocess.TimeoutExpired as error:
        raise HarnessError(f"{' '.join(argv)}: no answer within {COMMAND_TIMEOUT:.0f} s") from error
    if check and result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise HarnessError(f"{' '.join(argv)} failed ({result.returncode}): {detail}"
                           + (f"\n--- input ---\n{input}" if input else ""))
    return result


def _check_environment() -> None:
    if os.geteuid() != 0:
        raise HarnessError("the cluster network needs root (network namespaces, veth pairs, a bridge, iptables)")
    for name in _TOOLS:
        _tool(name)


# ---------------------------------------------------------------------------------------------------------------------
# Selectors and NetworkPolicies, parsed strictly


def _fields(obj: Any, where: str, allowed: Iterable[str]) -> Mapping[str, Any]:
    if not isinstance(obj, Mapping):
        raise UnsupportedSpec(f"{where}: expected an object, got {obj!r}")
    unknown = sorted(set(obj) - set(allowed))
    if unknown:
        raise UnsupportedSpec(f"{where}.{unknown[0]}: not implemented by the cluster network (fields it honours: "
                              f"{', '.join(sorted(allowed))})")
    return obj


@dataclasses.dataclass(frozen=True)
class Selector:
    """A label selector with matchLabels only (empty: everything)."""

    labels: tuple[tuple[str, str], ...]

    @classmethod
    def parse(cls, obj: Any, where: str) -> Selector:
        fields = _fields(obj, where, {"matchLabels"})
        labels = fields.get("matchLabels") or {}
        if not isinstance(labels, Mapping) or not all(isinstance(key, str) and isinstance(value, str)
                                                      for key, value in labels.items()):
            raise UnsupportedSpec(f"{where}.matchLabels: keys and values must be strings: {labels!r}")
        return cls(tuple(sorted(labels.items())))

    def matches(self, labels: Mapping[str, str]) -> bool:
        return all(labels.get(key) == value for key, value in self.labels)


@dataclasses.dataclass(frozen=True)
class Peer:
    """One entry of ``from``/``to``: pods (namespaceSelector and/or podSelector, ANDed) or an ipBlock."""

    pod_selector: Selector | None
    namespace_selector: Selector | None
    cidr: ipaddress.IPv4Network | None = None
    excepted: tuple[ipaddress.IPv4Network, ...] = ()

    @classmethod
    def parse(cls, obj: Any, where: str) -> Peer:
        fields = _fields(obj, where, {"podSelector", "namespaceSelector", "ipBlock"})
        if "ipBlock" in fields:
            if len(fields) != 1:
                raise UnsupportedSpec(f"{where}: ipBlock cannot be combined with another selector in one peer")
            block = _fields(fields["ipBlock"], f"{where}.ipBlock", {"cidr", "except"})
            try:
                cidr = ipaddress.IPv4Network(block["cidr"])
                excepted = tuple(ipaddress.IPv4Network(item) for item in block.get("except") or [])
            except (KeyError, ValueError) as error:
                raise UnsupportedSpec(f"{where}.ipBlock: an IPv4 cidr (and except list) is needed: {error}") from error
            if not all(item.subnet_of(cidr) for item in excepted):
                raise UnsupportedSpec(f"{where}.ipBlock.except: every entry must lie within {cidr}")
            return cls(None, None, cidr, excepted)
        if not fields:
            raise UnsupportedSpec(f"{where}: a peer needs podSelector, namespaceSelector or ipBlock")
        return cls(Selector.parse(fields["podSelector"], f"{where}.podSelector") if "podSelector" in fields else None,
                   Selector.parse(fields["namespaceSelector"], f"{where}.namespaceSelector")
                   if "namespaceSelector" in fields else None)


@dataclasses.dataclass(frozen=True)
class PolicyPort:
    protocol: str
    #: None: every port of the protocol.
    port: int | None

    @classmethod
    def parse(cls, obj: Any, where: str) -> PolicyPort:
        fields = _fields(obj, where, {"protocol", "port"})
        protocol = fields.get("protocol", "TCP")
        if protocol not in ("TCP", "UDP"):
            raise UnsupportedSpec(f"{where}.protocol: {protocol!r} is not implemented (TCP and UDP are)")
        port = fields.get("port")
        if port is not None and (not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536):
            raise UnsupportedSpec(f"{where}.port: {port!r}: only port numbers are implemented (no named ports)")
        return cls(protocol, port)

    def match(self) -> str:
        return f"-p {self.protocol.lower()}" + (f" --dport {self.port}" if self.port is not None else "")


@dataclasses.dataclass(frozen=True)
class PolicyRule:
    #: None: every source (ingress) or destination (egress).
    peers: tuple[Peer, ...] | None
    #: None: every port and protocol.
    ports: tuple[PolicyPort, ...] | None


@dataclasses.dataclass(frozen=True)
class NetworkPolicy:
    namespace: str
    name: str
    pod_selector: Selector
    #: None: the policy does not name the type; an empty tuple isolates without allowing anything.
    ingress: tuple[PolicyRule, ...] | None
    egress: tuple[PolicyRule, ...] | None

    @classmethod
    def parse(cls, manifest: Mapping[str, Any]) -> NetworkPolicy:
        top = _fields(manifest, "NetworkPolicy", {"apiVersion", "kind", "metadata", "spec"})
        if top.get("apiVersion") != "networking.k8s.io/v1" or top.get("kind") != "NetworkPolicy":
            raise UnsupportedSpec(f"not a networking.k8s.io/v1 NetworkPolicy: {top.get('apiVersion')} "
                                  f"{top.get('kind')}")
        metadata = top.get("metadata")
        if not isinstance(metadata, Mapping) or not metadata.get("name") or not metadata.get("namespace"):
            raise UnsupportedSpec("NetworkPolicy.metadata: name and namespace are needed")
        where = f"NetworkPolicy {metadata['namespace']}/{metadata['name']}: spec"
        spec = _fields(top.get("spec"), where, {"podSelector", "policyTypes", "ingress", "egress"})
        if "podSelector" not in spec:
            raise UnsupportedSpec(f"{where}.podSelector: required")
        types = spec.get("policyTypes")
        if types is None:
            types = ["Ingress", *(["Egress"] if "egress" in spec else [])]
        if not isinstance(types, list) or not set(types) <= {"Ingress", "Egress"}:
            raise UnsupportedSpec(f"{where}.policyTypes: {types!r} (Ingress and/or Egress)")
        for direction in ("ingress", "egress"):
            if direction in spec and direction.capitalize() not in types:
                raise UnsupportedSpec(f"{where}.{direction}: given but policyTypes {types!r} leaves it out")

        def rules(direction: str, peer_field: str) -> tuple[PolicyRule, ...] | None:
            if direction.capitalize() not in types:
                return None
            parsed = []
            for index, rule in enumerate(spec.get(direction) or []):
                at = f"{where}.{direction}[{index}]"
                fields = _fields(rule, at, {peer_field, "ports"})
                peers = fields.get(peer_field) or None
                ports = fields.get("ports") or None
                parsed.append(PolicyRule(
                    None if peers is None else tuple(Peer.parse(peer, f"{at}.{peer_field}[{number}]")
                                                     for number, peer in enumerate(peers)),
                    None if ports is None else tuple(PolicyPort.parse(port, f"{at}.ports[{number}]")
                                                     for number, port in enumerate(ports))))
            return tuple(parsed)

        return cls(str(metadata["namespace"]), str(metadata["name"]),
                   Selector.parse(spec["podSelector"], f"{where}.podSelector"),
                   rules("ingress", "from"), rules("egress", "to"))


# ---------------------------------------------------------------------------------------------------------------------
# Pods and Services


@dataclasses.dataclass(eq=False)
class PodNet:
    """One pod's network: its namespace (``netns``, ``netns_path`` for runc's spec) and its IP."""

    namespace: str
    name: str
    labels: Mapping[str, str]
    ip: str
    netns: str
    host_link: str
    ready: bool
    _network: ClusterNetwork = dataclasses.field(repr=False)

    @property
    def netns_path(self) -> str:
        return str(NETNS_DIR / self.netns)

    def argv(self, argv: Sequence[str]) -> list[str]:
        """`argv` run inside the pod's network namespace (and with its resolv.conf and hosts as /etc's)."""
        return [_tool("ip"), "netns", "exec", self.netns, *argv]

    def exec(self, argv: Sequence[str], **kwargs: Any) -> subprocess.CompletedProcess[Any]:
        """subprocess.run() of `argv` inside the pod's network namespace (timeout 30 s unless given)."""
        kwargs.setdefault("timeout", COMMAND_TIMEOUT)
        return subprocess.run(self.argv(argv), **kwargs)

    def connect(self, host: str, port: int, timeout: float = 2.0) -> str:
        """A TCP connection from inside the pod's network namespace: "ok", "timeout" (dropped) or the error (e.g.
        "error [Errno 111] Connection refused")."""
        result = self.exec([sys.executable, "-c", _CONNECT, host, str(port), str(timeout)], capture_output=True,
                           text=True, check=False)
        if result.returncode != 0:
            raise HarnessError(f"connect from pod {self.namespace}/{self.name} failed: {result.stderr[-2000:]}")
        return str(result.stdout).strip()

    def popen(self, argv: Sequence[str], **kwargs: Any) -> subprocess.Popen[Any]:
        """A process inside the pod's network namespace, in a process group of its own; the network terminates it
        on close() if it still runs (stop it earlier with e2e._proc.terminate)."""
        kwargs.setdefault("start_new_session", True)
        kwargs.setdefault("stdin", subprocess.DEVNULL)
        process: subprocess.Popen[Any] = subprocess.Popen(self.argv(argv), **kwargs)
        self._network._processes.append(process)
        return process


@dataclasses.dataclass(frozen=True)
class ServicePort:
    port: int
    target_port: int
    protocol: str = "TCP"


@dataclasses.dataclass(frozen=True)
class Service:
    namespace: str
    name: str
    ip: str
    ports: tuple[ServicePort, ...]
    #: The pods of the namespace it selects; None for a Service with fixed endpoints (the cluster DNS).
    selector: Selector | None
    fixed_endpoints: tuple[str, ...] = ()

    @property
    def dns_name(self) -> str:
        return f"{self.name}.{self.namespace}.svc.{CLUSTER_DOMAIN}"


def _check_name(value: str, what: str, pattern: re.Pattern[str]) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise HarnessError(f"{what} {value!r} is not a valid Kubernetes name")
    return value


# ---------------------------------------------------------------------------------------------------------------------
# The cluster DNS


def _dns_answer(query: bytes, lookup: Mapping[str, str]) -> bytes | None:
    """The answer to one DNS message, or None for something that is not a query (dropped)."""
    if len(query) < 12:
        return None
    ident, flags, qdcount = struct.unpack("!HHH", query[:6])
    if flags & 0x8000:  # a response
        return None
    opcode = (flags >> 11) & 0xF
    recursion = flags & 0x0100

    def reply(rcode: int, question: bytes = b"", answers: bytes = b"", count: int = 0) -> bytes:
        header_flags = 0x8000 | (opcode << 11) | 0x0400 | recursion | 0x0080 | rcode  # QR AA RD RA
        return struct.pack("!HHHHHH", ident, header_flags, 1 if question else 0, count, 0, 0) + question + answers

    if opcode != 0:
        return reply(4)  # NOTIMP
    if qdcount != 1:
        return reply(1)  # FORMERR
    labels, offset = [], 12
    try:
        while (length := query[offset]) != 0:
            if length & 0xC0:
                return reply(1)
            labels.append(query[offset + 1:offset + 1 + length].decode("ascii"))
            offset += 1 + length
        qtype, qclass = struct.unpack("!HH", query[offset + 1:offset + 5])
    except (IndexError, UnicodeDecodeError, struct.error):
        return reply(1)
    question = query[12:offset + 5]
    address = lookup.get(".".join(labels).lower())
    if address is None:
        return reply(3, question)  # NXDOMAIN
    if qtype in (1, 255) and qclass == 1:  # A (or ANY), IN
        record = struct.pack("!HHHIH", 0xC00C, 1, 1, DNS_TTL, 4) + socket.inet_aton(address)
        return reply(0, question, record, 1)
    return reply(0, question)  # the name exists, with no record of that type


class _UdpDns(socketserver.ThreadingUDPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], network: ClusterNetwork) -> None:
        self.network = network
        super().__init__(address, _UdpHandler)


class _UdpHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        data, sock = self.request
        assert isinstance(self.server, _UdpDns)
        answer = _dns_answer(data, self.server.network._dns_records)
        if answer is not None:
            sock.sendto(answer, self.client_address)


class _TcpDns(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], network: ClusterNetwork) -> None:
        self.network = network
        super().__init__(address, _TcpHandler)


class _TcpHandler(socketserver.StreamRequestHandler):
    timeout = 5

    def handle(self) -> None:
        assert isinstance(self.server, _TcpDns)
        with contextlib.suppress(OSError):
            while len(size := self.rfile.read(2)) == 2:
                query = self.rfile.read(struct.unpack("!H", size)[0])
                answer = _dns_answer(query, self.server.network._dns_records)
                if answer is None:
                    return
                self.wfile.write(struct.pack("!H", len(answer)) + answer)
                self.wfile.flush()


# ---------------------------------------------------------------------------------------------------------------------
# The network


def _used_networks() -> list[ipaddress.IPv4Network]:
    """Every IPv4 route destination and interface network of the host (the default route left out)."""
    used = []
    for line in _run([_tool("ip"), "-4", "route", "show", "table", "all"]).stdout.splitlines():
        first = line.split()[0] if line.split() else ""
        if first in ("broadcast", "local", "unreachable", "prohibit", "blackhole", "multicast"):
            first = line.split()[1]
        if first != "default":
            with contextlib.suppress(ValueError):
                used.append(ipaddress.IPv4Network(first, strict=False))
    for line in _run([_tool("ip"), "-4", "-o", "addr", "show"]).stdout.splitlines():
        parts = line.split()
        if "inet" in parts:
            used.append(ipaddress.IPv4Interface(parts[parts.index("inet") + 1]).network)
    return used


@final
class ClusterNetwork:
    """The node, its pods' networks, Services, a cluster DNS and NetworkPolicies: see the module's docstring.

    ``prefix`` (2 to 8 of [a-z0-9], starting with a letter: see ``unique_prefix()``) starts every name this network
    creates. ``pod_cidr`` / ``service_cidr``: the ranges to use exactly; by default a free /24 of 10.244.0.0/16 and
    of 10.96.0.0/16 (found free under a lock, so concurrent runs on one machine get different ones).
    """

    def __init__(self, prefix: str, *, pod_cidr: str | None = None, service_cidr: str | None = None) -> None:
        if not isinstance(prefix, str) or not _PREFIX_RE.fullmatch(prefix):
            raise HarnessError(f"prefix {prefix!r}: 2 to 8 characters of [a-z0-9], starting with a letter")
        self.prefix = prefix
        self.bridge = f"{prefix}br"
        self._wanted = (pod_cidr, service_cidr)
        self.pod_cidr = ipaddress.IPv4Network("0.0.0.0/32")
        self.service_cidr = ipaddress.IPv4Network("0.0.0.0/32")
        self.node_ip = ""
        self.dns_ip = ""
        self._pods: dict[tuple[str, str], PodNet] = {}
        self._namespaces: dict[str, dict[str, str]] = {}
        self._services: dict[tuple[str, str], Service] = {}
        self._listeners: list[Callable[[], None]] = []
        self._policies: dict[tuple[str, str], NetworkPolicy] = {}
        self._processes: list[subprocess.Popen[Any]] = []
        self._free_pod_ips: list[str] = []
        self._free_service_ips: list[str] = []
        self._link_counter = 0
        self._applied: dict[str, str] = {}  # netns (or "" for the host) -> ruleset last applied
        self._host_jumps: list[tuple[str, str, list[str]]] = []  # (table, chain, rule) inserted into built-in chains
        self._host_chains: list[tuple[str, str]] = []
        self._dns_servers: list[tuple[socketserver.BaseServer, threading.Thread]] = []
        self._dns_records: dict[str, str] = {}
        self._external_names: dict[str, str] = {}  # names outside the cluster (add_external_name)
        self._lock = threading.RLock()
        self._started = False
        self._closed = False
        self._bridge_created = False

    # --- lifecycle ---------------------------------------------------------------------------------------------------

    def __enter__(self) -> ClusterNetwork:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def start(self) -> ClusterNetwork:
        if self._started:
            raise HarnessError(f"cluster network {self.prefix} started twice")
        _check_environment()
        if left := leftovers(self.prefix):
            raise HarnessError(f"prefix {self.prefix} is in use (another network, or one not cleaned up): "
                               f"{', '.join(left)}")
        self._started = True
        _OPEN.add(self)
        try:
            self._create_node()
            self._create_host_chains()
            self._start_dns()
            dns = self._add_service(Service("kube-system", "kube-dns", self._take_service_ip(10), (
                ServicePort(DNS_PORT, DNS_PORT, "UDP"), ServicePort(DNS_PORT, DNS_PORT, "TCP")),
                None, (self.node_ip,)))
            self.dns_ip = dns.ip
        except BaseException:
            self.close()
            raise
        return self

    def _create_node(self) -> None:
        NETNS_DIR.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(NETNS_DIR, os.O_RDONLY)  # the lock that keeps concurrent runs from taking one range
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            used = _used_networks()
            pod_cidr, service_cidr = self._wanted
            if pod_cidr is None or service_cidr is None:
                start = zlib.crc32(self.prefix.encode()) % 250
                for step in range(254):
                    third = (start + step) % 254 + 1
                    pods = ipaddress.IPv4Network(f"{DEFAULT_POD_RANGE.network_address + third * 256}/24")
                    services = ipaddress.IPv4Network(f"{DEFAULT_SERVICE_RANGE.network_address + third * 256}/24")
                    if not any(pods.overlaps(net) or services.overlaps(net) for net in used):
                        pod_cidr, service_cidr = pod_cidr or str(pods), service_cidr or str(services)
                        break
                else:
                    raise HarnessError("no free /24 left in 10.244.0.0/16 and 10.96.0.0/16 for a cluster network")
            self.pod_cidr = ipaddress.IPv4Network(pod_cidr)
            self.service_cidr = ipaddress.IPv4Network(service_cidr)
            for net in (self.pod_cidr, self.service_cidr):
                clash = [str(other) for other in used if other.overlaps(net)]
                if clash:
                    raise HarnessError(f"{net} overlaps networks of this host: {', '.join(clash)}")
            if self.pod_cidr.overlaps(self.service_cidr):
                raise HarnessError(f"pod range {self.pod_cidr} overlaps the Service range {self.service_cidr}")
            hosts = [str(address) for address in self.pod_cidr.hosts()]
            self.node_ip, self._free_pod_ips = hosts[0], hosts[1:]
            self._free_service_ips = [str(address) for address in self.service_cidr.hosts()]
            ip = _tool("ip")
            try:
                _run([ip, "link", "add", self.bridge, "type", "bridge"])
            except HarnessError as error:
                raise HarnessError(f"cannot create the bridge {self.bridge} (kernel bridge support, "
                                   f"CONFIG_BRIDGE, is needed): {error}") from error
            self._bridge_created = True
            _run([ip, "addr", "add", f"{self.node_ip}/{self.pod_cidr.prefixlen}", "dev", self.bridge])
            _run([ip, "link", "set", self.bridge, "up"])
            _run([ip, "route", "add", str(self.service_cidr), "dev", self.bridge, "src", self.node_ip])
        finally:
            os.close(descriptor)

    def _create_host_chains(self) -> None:
        ipt = _tool("iptables")
        pods, services = str(self.pod_cidr), str(self.service_cidr)
        chains = [
            ("nat", "OUTPUT", "SVC", ["-d", services]),
            ("filter", "OUTPUT", "SVCR", ["-d", services]),
            ("filter", "FORWARD", "FWD", ["-i", self.bridge, "-o", self.bridge]),
            ("filter", "INPUT", "IN", ["-i", self.bridge, "-d", self.node_ip]),
        ]
        for table, builtin, suffix, match in chains:
            chain = f"{self.prefix}-{suffix}"
            _run([ipt, "-w", "-t", table, "-N", chain])
            self._host_chains.append((table, chain))
            rule = [*match, "-m", "comment", "--comment", f"cluster network {self.prefix}", "-j", chain]
            _run([ipt, "-w", "-t", table, "-I", builtin, "1", *rule])
            self._host_jumps.append((table, builtin, rule))
        _run([ipt, "-w", "-t", "filter", "-A", f"{self.prefix}-FWD", "-s", pods, "-d", pods, "-j", "ACCEPT"])
        _run([ipt, "-w", "-t", "filter", "-A", f"{self.prefix}-IN", "-s", pods, "-j", "ACCEPT"])

    def _start_dns(self) -> None:
        for server_class in (_UdpDns, _TcpDns):
            try:
                server: socketserver.BaseServer = server_class((self.node_ip, DNS_PORT), self)
            except OSError as error:
                raise HarnessError(f"the cluster DNS cannot listen on {self.node_ip}:{DNS_PORT}: {error}") from error
            self._dns_servers.append((server, serve_in_thread(server, f"{self.prefix}-dns")))

    def close(self) -> None:
        """Remove everything this network made: processes, namespaces, links, chains, files. Raises HarnessError
        after the whole cleanup if something could not be removed or processes were still running in a pod."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        problems: list[str] = []

        def attempt(what: str, action: Any, *args: Any) -> None:
            try:
                action(*args)
            except Exception as error:  # noqa: BLE001  (cleanup goes on; every failure is reported at the end)
                problems.append(f"{what}: {error}")

        for process in self._processes:
            attempt(f"stopping {process.args!r}", lambda process=process: terminate(process, grace=2.0))
        for pod in list(self._pods.values()):
            attempt(f"removing pod {pod.namespace}/{pod.name}", self._remove_pod_network, pod, problems)
        self._pods.clear()
        for server, thread in self._dns_servers:
            attempt("stopping the cluster DNS", lambda server=server, thread=thread: stop_serving(
                server, thread, timeout=5.0))
        ipt = _tool("iptables")
        for table, builtin, rule in reversed(self._host_jumps):
            attempt(f"removing the jump from {table} {builtin}", _run, [ipt, "-w", "-t", table, "-D", builtin, *rule])
        for table, chain in reversed(self._host_chains):
            attempt(f"flushing {table} {chain}", _run, [ipt, "-w", "-t", table, "-F", chain])
            attempt(f"deleting {table} {chain}", _run, [ipt, "-w", "-t", table, "-X", chain])
        if self._bridge_created:
            attempt(f"deleting the bridge {self.bridge}", self._delete_link, self.bridge)
        _OPEN.discard(self)
        left = leftovers(self.prefix)
        if left:
            problems.append(f"left behind: {', '.join(left)}")
        if problems:
            raise HarnessError(f"cluster network {self.prefix}: cleanup problems:\n" + "\n".join(problems))

    @staticmethod
    def _delete_link(name: str) -> None:
        """Delete a link if it exists (a veth's host side also goes away on its own once its namespace is gone)."""
        result = _run([_tool("ip"), "link", "del", name], check=False)
        if result.returncode != 0 and "Cannot find device" not in result.stderr:
            raise HarnessError(f"ip link del {name} failed: {result.stderr.strip()}")

    def _remove_pod_network(self, pod: PodNet, problems: list[str]) -> None:
        ip = _tool("ip")
        shutil.rmtree(ETC_NETNS_DIR / pod.netns, ignore_errors=True)
        self._delete_link(pod.host_link)  # both ends of the pair at once
        if (NETNS_DIR / pod.netns).exists():
            pids = _run([ip, "netns", "pids", pod.netns], check=False).stdout.split()
            for pid in pids:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(pid), signal.SIGKILL)
            if pids:
                problems.append(f"processes still running in pod {pod.namespace}/{pod.name} were killed: "
                                f"{', '.join(pids)}")
            _run([ip, "netns", "del", pod.netns])
        self._applied.pop(pod.netns, None)

    # --- namespaces and pods -----------------------------------------------------------------------------------------

    def _require_running(self) -> None:
        if not self._started or self._closed:
            raise HarnessError(f"cluster network {self.prefix} is not running (use it as a context manager)")

    def add_namespace(self, name: str, labels: Mapping[str, str] | None = None) -> None:
        """A Kubernetes namespace (made implicitly by pods and Services) with labels besides
        ``kubernetes.io/metadata.name``; labels merge into those it has."""
        with self._lock:
            self._ensure_namespace(name).update(labels or {})
            self._namespaces[name]["kubernetes.io/metadata.name"] = name
            self.refresh()

    def _ensure_namespace(self, name: str) -> dict[str, str]:
        _check_name(name, "namespace", _DNS_LABEL_RE)
        return self._namespaces.setdefault(name, {"kubernetes.io/metadata.name": name})

    @property
    def namespace_labels(self) -> dict[str, dict[str, str]]:
        return {name: dict(labels) for name, labels in self._namespaces.items()}

    @property
    def pods(self) -> list[PodNet]:
        return list(self._pods.values())

    def add_pod(self, namespace: str, name: str, labels: Mapping[str, str], *, ready: bool = True) -> PodNet:
        """A pod's network namespace on the bridge, with its resolv.conf and hosts in /etc/netns/NETNS."""
        with self._lock:
            self._require_running()
            _check_name(name, "pod name", _DNS_SUBDOMAIN_RE)
            self._ensure_namespace(namespace)
            if (namespace, name) in self._pods:
                raise HarnessError(f"pod {namespace}/{name} exists already")
            if not self._free_pod_ips:
                raise HarnessError(f"no pod IP left in {self.pod_cidr}")
            self._link_counter += 1
            pod = PodNet(namespace, name, dict(labels), self._free_pod_ips.pop(0), f"{self.prefix}-{namespace}.{name}",
                         f"{self.prefix}v{self._link_counter}", ready, self)
            self._pods[(namespace, name)] = pod
            ip = _tool("ip")
            try:
                _run([ip, "netns", "add", pod.netns])
                _run([ip, "link", "add", pod.host_link, "type", "veth", "peer", "name", "eth0", "netns", pod.netns])
                _run([ip, "link", "set", pod.host_link, "master", self.bridge, "up"])
                _run([ip, "-n", pod.netns, "link", "set", "lo", "up"])
                # IPv4 only, as a single-stack cluster: no IPv6 (link-local) path around the policies.
                _run(pod.argv(["/bin/sh", "-c", "echo 1 > /proc/sys/net/ipv6/conf/eth0/disable_ipv6"]))
                _run([ip, "-n", pod.netns, "addr", "add", f"{pod.ip}/{self.pod_cidr.prefixlen}", "dev", "eth0"])
                _run([ip, "-n", pod.netns, "link", "set", "eth0", "up"])
                _run([ip, "-n", pod.netns, "route", "add", "default", "via", self.node_ip])
                etc = ETC_NETNS_DIR / pod.netns
                etc.mkdir(parents=True, exist_ok=True)
                (etc / "resolv.conf").write_text(self.resolv_conf(namespace))
                (etc / "hosts").write_text(self.hosts_file(pod))
                self.refresh()
            except BaseException:
                problems: list[str] = []
                with contextlib.suppress(Exception):
                    self._remove_pod_network(pod, problems)
                del self._pods[(namespace, name)]
                raise
            return pod

    def remove_pod(self, pod: PodNet) -> None:
        """Delete a pod's network (its processes must have ended: any left is killed and reported)."""
        with self._lock:
            problems: list[str] = []
            self._pods.pop((pod.namespace, pod.name), None)
            self._remove_pod_network(pod, problems)
            self.refresh()
            if problems:
                raise HarnessError("; ".join(problems))

    def set_ready(self, pod: PodNet, ready: bool) -> None:
        """The pod's readiness: only ready pods are Service endpoints."""
        with self._lock:
            pod.ready = ready
            self.refresh()

    def add_listener(self, listener: Callable[[], None]) -> None:
        """`listener()` after every change of the network (a pod added, removed, Ready or not; a Service; a policy),
        called with the network's lock held: it reads the network (``pods``) and must not wait for other threads."""
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[], None]) -> None:
        with self._lock:
            self._listeners.remove(listener)

    def pod_run_options(self, pod: PodNet, *, publish_readiness: bool = True) -> dict[str, Any]:
        """What PodRunner.run needs to run a pod on `pod`'s network: its namespace and IP, the resolv.conf the
        kubelet would write, and (unless not asked) a readiness callback that adds the pod to its Services'
        endpoints when Ready and takes it out when not, as the endpointslice controller does."""
        options: dict[str, Any] = {"netns_path": pod.netns_path, "pod_ip": pod.ip,
                                   "resolv_conf": self.resolv_conf(pod.namespace)}
        if publish_readiness:
            options["on_ready"] = lambda _running, ready: self.set_ready(pod, ready)
        return options

    def resolv_conf(self, namespace: str) -> str:
        """The /etc/resolv.conf the kubelet writes for a pod of `namespace` (dnsPolicy ClusterFirst)."""
        return (f"search {namespace}.svc.{CLUSTER_DOMAIN} svc.{CLUSTER_DOMAIN} {CLUSTER_DOMAIN}\n"
                f"nameserver {self.dns_ip}\noptions ndots:5\n")

    @staticmethod
    def hosts_file(pod: PodNet) -> str:
        """The /etc/hosts the kubelet writes for a pod."""
        return ("# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
                "fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n"
                f"{pod.ip}\t{pod.name}\n")

    # --- Services ----------------------------------------------------------------------------------------------------

    def _take_service_ip(self, index: int | None = None) -> str:
        if index is not None:
            wanted = str(self.service_cidr.network_address + index)
            self._free_service_ips.remove(wanted)
            return wanted
        reserved = str(self.service_cidr.network_address + 10)  # kube-dns' address, as in kubeadm and k3s
        candidates = [address for address in self._free_service_ips if address != reserved]
        if not candidates:
            raise HarnessError(f"no Service IP left in {self.service_cidr}")
        self._free_service_ips.remove(candidates[0])
        return candidates[0]

    def _add_service(self, service: Service) -> Service:
        self._ensure_namespace(service.namespace)
        self._services[(service.namespace, service.name)] = service
        self.refresh()
        return service

    def add_node_service(self, namespace: str, name: str, port_map: Mapping[int, int], *,
                         index: int | None = None) -> str:
        """A Service without a selector whose one endpoint is the node (the API server, as k3s serves it on each
        server node), at the `index`-th address of the Service range if given (1: `kubernetes`, as 10.43.0.1 in
        k3s); returns its cluster IP."""
        with self._lock:
            self._require_running()
            if (namespace, name) in self._services:
                raise HarnessError(f"Service {namespace}/{name} exists already")
            ports = tuple(ServicePort(port, target, "TCP") for port, target in port_map.items())
            return self._add_service(Service(namespace, name, self._take_service_ip(index), ports, None,
                                             (self.node_ip,))).ip

    def add_service(self, namespace: str, name: str, port_map: Mapping[int, int], selector: Mapping[str, str], *,
                    protocol: str = "TCP") -> str:
        """A ClusterIP Service: `port_map` maps its ports to the pods' target ports; returns its cluster IP."""
        return self._new_service(namespace, name, tuple(ServicePort(port, target, protocol)
                                                        for port, target in port_map.items()),
                                 Selector(tuple(sorted(selector.items()))))

    def _new_service(self, namespace: str, name: str, ports: tuple[ServicePort, ...], selector: Selector) -> str:
        with self._lock:
            self._require_running()
            _check_name(name, "Service name", _DNS_LABEL_RE)
            if (namespace, name) in self._services:
                raise HarnessError(f"Service {namespace}/{name} exists already")
            if not ports:
                raise HarnessError(f"Service {namespace}/{name}: no ports")
            for port in ports:
                if port.protocol not in ("TCP", "UDP"):
                    raise UnsupportedSpec(f"Service {namespace}/{name}: protocol {port.protocol!r} (TCP and UDP are "
                                          "implemented)")
            return self._add_service(Service(namespace, name, self._take_service_ip(), ports, selector)).ip

    def add_service_manifest(self, manifest: Mapping[str, Any], namespace: str | None = None) -> str:
        """A v1 Service manifest as synthesized (type ClusterIP, selector, ports with numeric targetPort); unknown
        fields raise UnsupportedSpec. `namespace` stands in for a missing metadata.namespace."""
        top = _fields(manifest, "Service", {"apiVersion", "kind", "metadata", "spec"})
        if top.get("apiVersion") != "v1" or top.get("kind") != "Service":
            raise UnsupportedSpec(f"not a v1 Service: {top.get('apiVersion')} {top.get('kind')}")
        metadata = top.get("metadata") or {}
        name, namespace = metadata.get("name"), metadata.get("namespace") or namespace
        if not name or not namespace:
            raise UnsupportedSpec("Service.metadata: name and namespace are needed")
        where = f"Service {namespace}/{name}: spec"
        spec = _fields(top.get("spec"), where, {"type", "selector", "ports", "externalIPs", "sessionAffinity",
                                                "clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy"})
        for key, fine in (("type", "ClusterIP"), ("sessionAffinity", "None"), ("ipFamilyPolicy", "SingleStack")):
            if key in spec and spec[key] != fine:
                raise UnsupportedSpec(f"{where}.{key}: {spec[key]!r} is not implemented (only {fine!r})")
        for key, empty in (("externalIPs", []), ("clusterIP", ""), ("clusterIPs", [])):
            if key in spec and spec[key] != empty:
                raise UnsupportedSpec(f"{where}.{key}: {spec[key]!r} is not implemented (the network assigns IPs)")
        if spec.get("ipFamilies", ["IPv4"]) != ["IPv4"]:
            raise UnsupportedSpec(f"{where}.ipFamilies: only IPv4")
        if not spec.get("selector"):
            raise UnsupportedSpec(f"{where}.selector: a Service without a selector is not implemented")
        selector = _fields(spec["selector"], f"{where}.selector", spec["selector"].keys())
        ports = []
        for index, port in enumerate(spec.get("ports") or []):
            fields = _fields(port, f"{where}.ports[{index}]", {"name", "port", "targetPort", "protocol"})
            target = fields.get("targetPort", fields.get("port"))
            if not isinstance(target, int) or isinstance(target, bool):
                raise UnsupportedSpec(f"{where}.ports[{index}].targetPort: {target!r}: named target ports are not "
                                      "implemented")
            ports.append(ServicePort(int(fields["port"]), target, str(fields.get("protocol", "TCP"))))
        return self._new_service(str(namespace), str(name), tuple(ports),
                                 Selector(tuple(sorted((str(k), str(v)) for k, v in selector.items()))))

    def add_external_name(self, name: str, ip: str) -> None:
        """An A record for a name outside the cluster (what the cluster DNS would forward upstream for, e.g. an AWS S3
        endpoint), answered with `ip`: a pod standing in for that service."""
        _check_name(name, "DNS name", _DNS_SUBDOMAIN_RE)
        if name.endswith(f".{CLUSTER_DOMAIN}"):
            raise HarnessError(f"{name} is a cluster name: add a Service instead")
        with self._lock:
            self._external_names[name.lower()] = ip
            self.refresh()

    def remove_external_name(self, name: str) -> None:
        with self._lock:
            self._external_names.pop(name.lower(), None)
            self.refresh()

    def resolve(self, name: str, namespace: str | None = None) -> str | None:
        """What the cluster DNS answers for `name` from a pod of `namespace` (the resolv.conf search list), for
        clients on the node, whose own resolver does not ask the cluster DNS."""
        records, name = self._dns_records, name.rstrip(".").lower()
        search = [f"{namespace}.svc.{CLUSTER_DOMAIN}"] if namespace else []
        search += [f"svc.{CLUSTER_DOMAIN}", CLUSTER_DOMAIN]
        for candidate in [f"{name}.{suffix}" for suffix in search] + [name]:
            if candidate in records:
                return records[candidate]
        return None

    def service(self, namespace: str, name: str) -> Service:
        try:
            return self._services[(namespace, name)]
        except KeyError:
            raise HarnessError(f"no Service {namespace}/{name}") from None

    def remove_service(self, namespace: str, name: str) -> None:
        with self._lock:
            service = self.service(namespace, name)
            del self._services[(namespace, name)]
            self._free_service_ips.append(service.ip)
            self.refresh()

    def endpoints(self, service: Service, port: int, protocol: str = "TCP") -> list[tuple[str, int]]:
        """The ready endpoints (pod IP, target port) behind `service`'s `port`, as the EndpointSlice lists them."""
        target = next((p.target_port for p in service.ports if p.port == port and p.protocol == protocol), None)
        if target is None:
            raise HarnessError(f"Service {service.namespace}/{service.name} has no {protocol} port {port}")
        if service.selector is None:
            return [(address, target) for address in service.fixed_endpoints]
        selector = service.selector
        return [(pod.ip, target) for pod in self._pods.values()
                if pod.namespace == service.namespace and pod.ready and selector.matches(pod.labels)]

    def endpoint(self, service: Service, port: int, protocol: str = "TCP") -> tuple[str, int]:
        """The first ready endpoint of `service`'s `port` (for clients that must not go through the Service IP)."""
        found = self.endpoints(service, port, protocol)
        if not found:
            raise HarnessError(f"Service {service.namespace}/{service.name} port {port}: no ready endpoint")
        return found[0]

    # --- NetworkPolicies ---------------------------------------------------------------------------------------------

    def apply_network_policies(self, policies: Iterable[Mapping[str, Any]]) -> list[NetworkPolicy]:
        """Create or replace (by namespace and name) NetworkPolicy manifests; all are checked before any applies."""
        parsed = [NetworkPolicy.parse(policy) for policy in policies]
        with self._lock:
            for policy in parsed:
                self._ensure_namespace(policy.namespace)
                self._policies[(policy.namespace, policy.name)] = policy
            self.refresh()
        return parsed

    def delete_network_policy(self, namespace: str, name: str) -> None:
        with self._lock:
            if self._policies.pop((namespace, name), None) is None:
                raise HarnessError(f"no NetworkPolicy {namespace}/{name}")
            self.refresh()

    def delete_network_policies(self) -> None:
        with self._lock:
            self._policies.clear()
            self.refresh()

    # --- rules -------------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute the DNS records and every ruleset (host chains, each pod's namespace); apply what changed."""
        with self._lock:
            if not self._started or self._closed:
                return
            self._dns_records = {**self._external_names,
                                 **{service.dns_name: service.ip for service in self._services.values()}}
            host = self.host_rules()
            if self._applied.get("") != host:
                _run([_tool("iptables-restore"), "-w", "--noflush"], input=host)
                self._applied[""] = host
            for pod in self._pods.values():
                rules = self.pod_rules(pod)
                if self._applied.get(pod.netns) != rules:
                    _run(pod.argv([_tool("iptables-restore"), "-w"]), input=rules)
                    self._applied[pod.netns] = rules
            for listener in list(self._listeners):
                listener()

    def _service_rules(self, nat_chain: str, filter_chain: str) -> tuple[list[str], list[str]]:
        nat, rejects = [], []
        for service in self._services.values():
            for port in service.ports:
                match = f"-d {service.ip}/32 -p {port.protocol.lower()} --dport {port.port}"
                comment = f'-m comment --comment "{service.namespace}/{service.name}:{port.port}/{port.protocol}"'
                endpoints = self.endpoints(service, port.port, port.protocol)
                if not endpoints:
                    rejects.append(f"-A {filter_chain} {match} {comment} -j REJECT --reject-with icmp-port-unreachable")
                for index, (address, target) in enumerate(endpoints):
                    left = len(endpoints) - index
                    balance = f" -m statistic --mode random --probability {1 / left:.5f}" if left > 1 else ""
                    nat.append(f"-A {nat_chain} {match} {comment}{balance} -j DNAT --to-destination {address}:{target}")
        return nat, rejects

    def host_rules(self) -> str:
        """The host's own Service chains, as given to ``iptables-restore --noflush`` (which flushes them)."""
        nat_chain, filter_chain = f"{self.prefix}-SVC", f"{self.prefix}-SVCR"
        nat, rejects = self._service_rules(nat_chain, filter_chain)
        return "\n".join(["*nat", f":{nat_chain} - [0:0]", *nat, "COMMIT",
                          "*filter", f":{filter_chain} - [0:0]", *rejects, "COMMIT", ""])

    def _peer_ips(self, policy: NetworkPolicy, peer: Peer) -> list[str]:
        return [pod.ip for pod in self._pods.values()
                if (peer.namespace_selector.matches(self._namespaces[pod.namespace])
                    if peer.namespace_selector is not None else pod.namespace == policy.namespace)
                and (peer.pod_selector is None or peer.pod_selector.matches(pod.labels))]

    def _direction_rules(self, pod: PodNet, chain: str, policies: list[NetworkPolicy]) -> tuple[list[str], list[str]]:
        """The rules of `chain` (INPUT: ingress, OUTPUT: egress) and the helper chains they jump to."""
        ingress = chain == "INPUT"
        peer_flag, lo = ("-s", "-i lo") if ingress else ("-d", "-o lo")
        chain_field = "ingress" if ingress else "egress"
        rules = [f"-A {chain} {lo} -j ACCEPT", f"-A {chain} -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT"]
        helpers: list[str] = []
        if ingress:
            rules.append(f'-A {chain} -s {self.node_ip}/32 -m comment --comment "the node: kubelet probes" -j ACCEPT')
        for policy in policies:
            for number, rule in enumerate((policy.ingress if ingress else policy.egress) or ()):
                comment = f'-m comment --comment "{policy.namespace}/{policy.name} {chain_field}[{number}]"'
                ports = [port.match() for port in rule.ports] if rule.ports is not None else [""]
                sources: list[tuple[str, str]] = []  # (match, target)
                if rule.peers is None:
                    sources.append(("", "ACCEPT"))
                for peer in rule.peers or ():
                    if peer.cidr is not None:
                        target = "ACCEPT"
                        if peer.excepted:
                            target = f"{'ING' if ingress else 'EGR'}-BLOCK{len(helpers)}"
                            helpers.append(f":{target} - [0:0]")
                            helpers += [f"-A {target} {peer_flag} {item} -j RETURN" for item in peer.excepted]
                            helpers.append(f"-A {target} -j ACCEPT")
                        sources.append((f"{peer_flag} {peer.cidr}", target))
                    else:
                        sources += [(f"{peer_flag} {address}/32", "ACCEPT") for address in self._peer_ips(policy, peer)]
                for match, target in sources:
                    for port in ports:
                        rules.append(" ".join(part for part in (f"-A {chain}", match, port, comment, f"-j {target}")
                                              if part))
        rules.append(f"-A {chain} -j DROP")
        return rules, helpers

    def pod_rules(self, pod: PodNet) -> str:
        """The whole iptables ruleset of the pod's network namespace (for iptables-restore, which replaces it)."""
        selecting = [policy for policy in self._policies.values()
                     if policy.namespace == pod.namespace and policy.pod_selector.matches(pod.labels)]
        nat, rejects = self._service_rules("OUTPUT", "OUTPUT")
        filter_rules, helpers = list(rejects), []
        for chain, kind in (("INPUT", "ingress"), ("OUTPUT", "egress")):
            isolating = [policy for policy in selecting if getattr(policy, kind) is not None]
            if isolating:
                rules, extra = self._direction_rules(pod, chain, isolating)
                filter_rules += rules
                helpers += extra
        return "\n".join(["*nat", ":PREROUTING ACCEPT [0:0]", ":INPUT ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]",
                          ":POSTROUTING ACCEPT [0:0]", *nat, "COMMIT",
                          "*filter", ":INPUT ACCEPT [0:0]", ":FORWARD ACCEPT [0:0]", ":OUTPUT ACCEPT [0:0]",
                          *[line for line in helpers if line.startswith(":")], *filter_rules,
                          *[line for line in helpers if not line.startswith(":")], "COMMIT", ""])


# ---------------------------------------------------------------------------------------------------------------------
# Leftovers


def leftovers(prefix: str) -> list[str]:
    """Whatever of a network with `prefix` is still on this machine: network namespaces, links, host iptables chains
    and rules, /etc/netns folders. Empty after a clean close()."""
    found: list[str] = []
    netns_re = re.compile(re.escape(prefix) + r"-.+")
    link_re = re.compile(re.escape(prefix) + r"(br|v\d+)")
    if NETNS_DIR.is_dir():
        found += [f"netns {entry.name}" for entry in sorted(NETNS_DIR.iterdir()) if netns_re.fullmatch(entry.name)]
    if ETC_NETNS_DIR.is_dir():
        found += [f"folder {entry}" for entry in sorted(ETC_NETNS_DIR.iterdir()) if netns_re.fullmatch(entry.name)]
    for line in _run([_tool("ip"), "-o", "link", "show"]).stdout.splitlines():
        name = line.split(":")[1].strip().split("@")[0]
        if link_re.fullmatch(name):
            found.append(f"link {name}")
    table = ""
    for line in _run([_tool("iptables-save")]).stdout.splitlines():
        if line.startswith("*"):
            table = line[1:]
        elif line.startswith(f":{prefix}-") or (line.startswith("-A") and f"-j {prefix}-" in line):
            found.append(f"iptables {table}: {line}")
    for network in list(_OPEN):
        if network.prefix == prefix:
            found.append(f"network {prefix} not closed")
            found += [f"process {process.pid} {process.args!r}" for process in network._processes
                      if process.poll() is None]
    return found


@atexit.register
def _close_all() -> None:
    for network in list(_OPEN):
        with contextlib.suppress(Exception):
            network.close()
