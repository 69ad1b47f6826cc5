"""A real ACME CA and the real Traefik run the way k3s's bundled Traefik chart runs it, for tests/traefik/test_acme.py.

- `Pebble`: Debian's pebble (Let's Encrypt's test CA) with pebble-challtestsrv as its DNS, which answers 127.0.0.1 for
  every name, so pebble validates TLS-ALPN-01 / HTTP-01 challenges against the local Traefik's entry points.
- `chart_values`/`chart_arguments`: the Traefik Helm chart values of our synthesized k3s `HelmChartConfig`, and the
  Traefik command line the chart (traefik/traefik-helm-chart, templates/_podtemplate.tpl) renders from them on top of
  k3s's own values, with loopback ports for the entry points. `additionalArguments` are passed verbatim.
- `PodTraefik`: that command line run as the chart's pod runs it: as the pod's user and groups (65532, and the
  fsGroup as a supplementary group), without capabilities or new privileges, in a private mount namespace whose root
  is read-only but for /tmp (the chart's emptyDir) and the persistence volume at its path (a 0777 folder owned by
  root, as k3s's local-path provisioner makes one and leaves it: it ignores fsGroup).
- `VerifyingSkopeo`: skopeo that always verifies the registry's certificate against a given CA (never
  `--*-tls-verify=false`).
- `VerifyingPodman`: Debian's podman the same way (`--cert-dir`, never `--tls-verify=false`), with its storage,
  configuration, credentials and caches all in a folder of its own.
"""

from __future__ import annotations

import http.client
import json
import os
import pathlib
import shutil
import socket
import ssl
import struct
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import trustme
import yaml
from cryptography import x509
from e2e import _proc
from e2e.harness import Credentials, HarnessError, OciImage, Skopeo, free_port

from ._stack import LOOPBACK, TRAEFIK, Manifest, TraefikProcess

PEBBLE = "/usr/bin/pebble"
CHALLTESTSRV = "/usr/bin/pebble-challtestsrv"
PODMAN = "/usr/bin/podman"
TOOLS = (PEBBLE, CHALLTESTSRV, PODMAN, "/usr/bin/unshare", "/usr/bin/setpriv", "/usr/sbin/chroot", "/usr/bin/mount")
# The chart's default podSecurityContext, which k3s keeps and Helm merges the HelmChartConfig's values into.
CHART_POD_SECURITY_CONTEXT: dict[str, Any] = {"runAsGroup": 65532, "runAsNonRoot": True, "runAsUser": 65532}


# ---------------------------------------------------------------------------------------------------------------------
# pebble

class Pebble:
    """pebble and pebble-challtestsrv on loopback ports. `tls_port` / `http_port` are where pebble connects to
    validate TLS-ALPN-01 / HTTP-01 challenges: Traefik's websecure / web entry points. The CA's root (which signs
    the issued certificates' intermediate) is new at every start; pebble keeps no state across restarts."""

    def __init__(self, workdir: pathlib.Path, *, tls_port: int, http_port: int) -> None:
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self.port, self.management_port, self.dns_port = free_port(), free_port(), free_port()
        self.challtestsrv_management_port = free_port()
        self.tls_port, self.http_port = tls_port, http_port
        self.log_path = workdir / "pebble.log"
        # pebble's own HTTPS certificate (its ACME and management APIs), from a test CA: Traefik trusts it through
        # LEGO_CA_CERTIFICATES (test-only: Let's Encrypt's API has a publicly trusted certificate).
        https_ca = trustme.CA()
        https_cert = https_ca.issue_cert(LOOPBACK, "localhost")
        https_cert.private_key_pem.write_to_path(str(workdir / "https.key"))
        (workdir / "https.crt").write_bytes(b"".join(blob.bytes() for blob in https_cert.cert_chain_pems))
        self.https_ca_path = workdir / "https-ca.pem"
        https_ca.cert_pem.write_to_path(str(self.https_ca_path))
        self._https_context = ssl.create_default_context(cafile=str(self.https_ca_path))
        self.config_path = workdir / "pebble.json"
        self.config_path.write_text(json.dumps({"pebble": {
            "listenAddress": f"{LOOPBACK}:{self.port}",
            "managementListenAddress": f"{LOOPBACK}:{self.management_port}",
            "certificate": str(workdir / "https.crt"), "privateKey": str(workdir / "https.key"),
            "httpPort": http_port, "tlsPort": tls_port,
            "ocspResponderURL": "", "externalAccountBindingRequired": False,
        }}))
        self.root_pem = ""
        self.intermediate_pem = ""
        self._dns: _proc.LoggedProcess | None = None
        self._server: _proc.LoggedProcess | None = None

    @property
    def directory_url(self) -> str:
        return f"https://{LOOPBACK}:{self.port}/dir"

    def start(self, *, timeout: float = 30.0) -> Pebble:
        env = {"PATH": "/usr/bin:/bin", "HOME": str(self.workdir)}
        self._dns = _proc.LoggedProcess(
            [CHALLTESTSRV, f"-dns01={LOOPBACK}:{self.dns_port}", "-http01=", "-https01=", "-tlsalpn01=",
             f"-management={LOOPBACK}:{self.challtestsrv_management_port}", f"-defaultIPv4={LOOPBACK}",
             "-defaultIPv6="],
            env=env, cwd=self.workdir, log_path=self.workdir / "challtestsrv.log")
        _proc.wait_ready("pebble-challtestsrv's DNS", lambda: dns_a_record(self.dns_port, "probe.example.com"),
                         timeout=timeout, alive=self._dead, stop=self.stop)
        self._server = _proc.LoggedProcess(
            [PEBBLE, "-config", str(self.config_path), "-dnsserver", f"{LOOPBACK}:{self.dns_port}"],
            env={**env, "PEBBLE_VA_NOSLEEP": "1", "PEBBLE_WFE_NONCEREJECT": "0"}, cwd=self.workdir,
            log_path=self.log_path)
        _proc.wait_ready("pebble's ACME directory", lambda: self._get(self.port, "/dir") or None,
                         timeout=timeout, alive=self._dead, stop=self.stop)
        self.root_pem = self._get(self.management_port, "/roots/0")
        self.intermediate_pem = self._get(self.management_port, "/intermediates/0")
        return self

    def stop(self) -> None:
        for process in (self._server, self._dns):
            if process is not None:
                process.stop(grace=5)
        self._server = self._dns = None

    def _dead(self) -> str | None:
        for name, process in (("pebble", self._server), ("pebble-challtestsrv", self._dns)):
            if process is not None and process.has_exited():
                return f"{name} exited; log:\n{process.log_path.read_text(errors='replace')[-3000:]}"
        return None

    def _get(self, port: int, path: str) -> str:
        conn = http.client.HTTPSConnection(LOOPBACK, port, context=self._https_context, timeout=10)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read().decode()
            if response.status != 200:
                raise HarnessError(f"pebble GET {path} answered {response.status}: {body[:200]}")
            return body
        finally:
            conn.close()

    def new_orders(self) -> int:
        """How many orders were placed (pebble logs every request it handles)."""
        return sum("POST /order-plz" in line for line in self.log_path.read_text(errors="replace").splitlines())

    def write_root_ca_dir(self, directory: pathlib.Path) -> pathlib.Path:
        """A folder holding only ca.crt, pebble's root: what skopeo's --*-cert-dir reads."""
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "ca.crt").write_text(self.root_pem)
        return directory

    def client_context(self) -> ssl.SSLContext:
        """Trusts pebble's root and nothing else; hostname checks on."""
        return ssl.create_default_context(cadata=self.root_pem)


def dns_a_record(port: int, name: str) -> str | None:
    """The first A record a DNS server on the loopback `port` answers for `name`, or None."""
    header = struct.pack(">HHHHHH", 0x2A2A, 0x0100, 1, 0, 0, 0)
    question = b"".join(bytes([len(label)]) + label.encode() for label in name.split(".")) + b"\0"
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(1)
        sock.sendto(header + question + struct.pack(">HH", 1, 1), (LOOPBACK, port))
        answer = sock.recv(512)
    if struct.unpack(">H", answer[6:8])[0] == 0:
        return None
    return socket.inet_ntoa(answer[-4:])  # one A answer: its 4 bytes of data end the message


# ---------------------------------------------------------------------------------------------------------------------
# The chart's values and the command line it renders

def chart_values(manifests: Sequence[Manifest]) -> dict[str, Any]:
    """The values of the one `helm.cattle.io/v1` HelmChartConfig `kube-system/traefik` in `manifests`: its
    `spec.valuesContent` (YAML or JSON text) parsed as k3s's helm-controller hands it to Helm."""
    configs = [m for m in manifests
               if m.get("apiVersion") == "helm.cattle.io/v1" and m.get("kind") == "HelmChartConfig"]
    if len(configs) != 1:
        raise HarnessError(f"expected one helm.cattle.io/v1 HelmChartConfig, found {len(configs)}")
    (config,) = configs
    metadata = config["metadata"]
    if (metadata.get("namespace"), metadata.get("name")) != ("kube-system", "traefik"):
        raise HarnessError(f"k3s merges only kube-system/traefik into its Traefik chart, not {metadata}")
    values = yaml.safe_load(config["spec"]["valuesContent"])
    if not isinstance(values, dict):
        raise HarnessError(f"valuesContent is not a map of values: {values!r}")
    return values


# What the harness reads of the values; anything else in them is a value it does not model: a loud failure.
# `updateStrategy` shapes only how the Deployment replaces its pod (the tests stop one Traefik before starting the
# next on the same volume, as maxSurge 0 does); the claim's size, access mode and class only how it is provisioned.
_MODELLED_VALUES = {"additionalArguments", "persistence", "podSecurityContext", "updateStrategy"}
_PERSISTENCE_KEYS = {"enabled", "name", "path", "size", "accessMode", "storageClass", "existingClaim", "subPath",
                     "annotations", "volumeName"}
# fsGroupChangePolicy: k3s's local-path volumes are never chown-ed by the kubelet (see make_volume), so it is moot.
_POD_SECURITY_KEYS = {"runAsUser", "runAsGroup", "runAsNonRoot", "fsGroup", "fsGroupChangePolicy"}
_UPDATE_STRATEGY_KEYS = {"type", "rollingUpdate"}


@dataclass(frozen=True)
class PodIdentity:
    """Who the pod's process is: the pod's runAsUser, runAsGroup and (a supplementary group) its fsGroup."""

    uid: int
    gid: int
    groups: tuple[int, ...]


def pod_identity(values: Mapping[str, Any]) -> PodIdentity:
    """The chart's podSecurityContext with the values' merged over it, as Helm merges maps."""
    context = {**CHART_POD_SECURITY_CONTEXT, **(values.get("podSecurityContext") or {})}
    unknown = set(context) - _POD_SECURITY_KEYS
    if unknown:
        raise HarnessError(f"podSecurityContext values the harness does not model: {sorted(unknown)}")
    uid, gid = int(context["runAsUser"]), int(context["runAsGroup"])
    if context.get("runAsNonRoot") and uid == 0:
        raise HarnessError("runAsNonRoot with runAsUser 0: the kubelet refuses to start such a container")
    return PodIdentity(uid, gid, (int(context["fsGroup"]),) if "fsGroup" in context else ())


@dataclass(frozen=True)
class EntryPointPorts:
    """Loopback ports in place of the chart's container ports (traefik 8080, web 8000, websecure 8443, metrics 9100)."""

    web: int
    websecure: int
    traefik: int
    metrics: int

    @classmethod
    def free(cls) -> EntryPointPorts:
        return cls(free_port(), free_port(), free_port(), free_port())


def additional_arguments(values: Mapping[str, Any]) -> list[str]:
    arguments = values.get("additionalArguments") or []
    if not isinstance(arguments, list) or not all(isinstance(argument, str) for argument in arguments):
        raise HarnessError(f"additionalArguments is not a list of strings: {arguments!r}")
    return list(arguments)


def persistence_path(values: Mapping[str, Any]) -> str:
    """Where the chart mounts its `data` volume: `persistence.path` (default /data), a PersistentVolumeClaim when
    `persistence.enabled`, an emptyDir otherwise. Both are a folder of their own here."""
    persistence = values.get("persistence") or {}
    unknown = set(persistence) - _PERSISTENCE_KEYS
    if unknown:
        raise HarnessError(f"persistence values the harness does not model: {sorted(unknown)}")
    if persistence.get("subPath"):
        raise HarnessError("persistence.subPath is not modelled by the harness")
    path = str(persistence.get("path", "/data"))
    if not path.startswith("/") or ".." in path.split("/"):
        raise HarnessError(f"persistence.path {path!r} is not an absolute path")
    return path


def chart_arguments(values: Mapping[str, Any], ports: EntryPointPorts) -> list[str]:
    """The Traefik arguments the chart renders for k3s's values (manifests/traefik.yaml in k3s: the chart's defaults
    with `ports.websecure.tls.enabled: true`) merged with `values`, in the chart's order, as far as they configure
    Traefik's static configuration here. Left out, on purpose: the kubernetesingress provider (`--providers.
    kubernetesingress` and its published service; the fake API serves only what the CRD provider reads) and the
    `--global.*` flags (the harness passes its own; see PodTraefik). `additionalArguments` come last, verbatim."""
    unknown = set(values) - _MODELLED_VALUES
    if unknown:
        raise HarnessError(f"chart values the harness does not model (map them in chart_arguments): {sorted(unknown)}")
    unknown = set(values.get("updateStrategy") or {}) - _UPDATE_STRATEGY_KEYS
    if unknown:
        raise HarnessError(f"updateStrategy values the harness does not model: {sorted(unknown)}")
    # checked here too: a value the harness cannot honour fails before anything starts
    persistence_path(values)
    pod_identity(values)
    # templates/_podtemplate.tpl renders, for each of `ports` (sorted by name, as Go templates range over a map),
    #   --entryPoints.{{$name}}.address={{ $config.hostIP }}:{{ $config.port }}/{{ default "tcp" $config.protocol
    #   | lower }}
    # with hostIP unset; here the loopback address and a free port instead of :8080, :8000, :8443, :9100.
    arguments = [f"--entryPoints.{name}.address={LOOPBACK}:{port}/tcp" for name, port in (
        ("metrics", ports.metrics), ("traefik", ports.traefik), ("web", ports.web), ("websecure", ports.websecure))]
    arguments += [
        "--api.dashboard=true",  # api.dashboard: true (chart default)
        "--ping=true",
        "--metrics.prometheus=true",  # metrics.prometheus.entryPoint: metrics (chart default)
        "--metrics.prometheus.entrypoint=metrics",
        "--providers.kubernetescrd",  # providers.kubernetesCRD.enabled: true (chart default)
        "--providers.kubernetescrd.allowEmptyServices=true",  # providers.kubernetesCRD.allowEmptyServices: true
        "--entryPoints.websecure.http.tls=true",  # ports.websecure.tls.enabled: true (chart default; k3s sets it too)
    ]
    return arguments + additional_arguments(values)


# ---------------------------------------------------------------------------------------------------------------------
# Traefik as the chart's pod runs it

# Test-only arguments, none of which is about TLS, certificates or timeouts: the CRD provider reads the fake API (in
# the pod: client-go's in-cluster configuration), Traefik calls nobody home, its API is served on the `traefik` entry
# point so the test can read the routers it built (the chart serves only the dashboard there), and it logs JSON at
# debug level for the test to read (the chart's default is the INFO level, text format).
def _harness_arguments(api_url: str) -> list[str]:
    return [f"--providers.kubernetescrd.endpoint={api_url}", "--providers.kubernetescrd.token=not-a-real-token",
            "--global.checknewversion=false", "--global.sendanonymoususage=false", "--api.insecure=true",
            "--log.level=DEBUG", "--log.format=json"]


def _flag_name(argument: str) -> str:
    return argument.split("=", 1)[0].lower()


# $1 the new root (an empty folder), $2 the volume's host folder, $3 the persistence path, $4 the folder holding the
# traefik binary, $5 the test-only folder (pebble's HTTPS CA), $6 uid, $7 gid, $8 supplementary groups (comma-separated,
# maybe none), then the command. Everything is mounted in the private mount namespace only: nothing is seen outside
# it, and it all goes when Traefik exits.
_POD_SCRIPT = r"""set -eu
root=$1 volume=$2 data=$3 bin=$4 test_only=$5 uid=$6 gid=$7 groups=$8
shift 8
if [ -n "$groups" ]; then groups_flag="--groups=$groups"; else groups_flag=--clear-groups; fi
mount -t tmpfs -o mode=0755,size=1m rootfs "$root"
for dir in usr etc dev proc; do
  mkdir "$root/$dir"
  mount --rbind "/$dir" "$root/$dir"
done
mount -o remount,bind,ro "$root/usr"
mount -o remount,bind,ro "$root/etc"
for link in bin sbin lib lib64; do
  if [ -L "/$link" ]; then ln -s "$(readlink "/$link")" "$root/$link"; fi
done
mkdir "$root/tmp"
mount -t tmpfs -o mode=1777,size=16m tmp "$root/tmp"
mkdir -p "$root$data"
mount --bind "$volume" "$root$data"
mkdir "$root/traefik-bin" "$root/test-only"
mount --bind "$bin" "$root/traefik-bin"
mount -o remount,bind,ro "$root/traefik-bin"
mount --bind "$test_only" "$root/test-only"
mount -o remount,bind,ro "$root/test-only"
mount -o remount,ro "$root"
exec chroot "$root" /usr/bin/setpriv --reuid="$uid" --regid="$gid" "$groups_flag" --inh-caps=-all \
  --bounding-set=-all --no-new-privs -- "$@"
"""
_RESERVED_TOP = {"usr", "etc", "dev", "proc", "tmp", "traefik-bin", "test-only", "bin", "sbin", "lib", "lib64"}


class PodTraefik(TraefikProcess):
    """The real Traefik with exactly `chart_arguments(values, ports)` plus the test-only `_harness_arguments`, run as
    the chart's pod: uid/gid 65532 without capabilities, in a private mount namespace whose root is read-only apart
    from a tmpfs at /tmp and `volume` (a host folder) at the chart's persistence path.

    Test-only: LEGO_CA_CERTIFICATES makes Traefik's ACME client trust pebble's own HTTPS certificate.
    """

    def __init__(self, workdir: pathlib.Path, *, api_url: str, values: Mapping[str, Any], volume: pathlib.Path,
                 ports: EntryPointPorts, pebble: Pebble | None) -> None:
        super().__init__(workdir, api_url=api_url, ports=(ports.web, ports.websecure, ports.traefik))
        self.ports = ports
        self.volume = volume
        self.persistence_path = persistence_path(values)
        self.identity = pod_identity(values)
        if self.persistence_path.strip("/").split("/")[0] in _RESERVED_TOP:
            raise HarnessError(f"persistence.path {self.persistence_path} lies in a folder the harness binds")
        self.static_arguments = chart_arguments(values, ports)
        harness = _harness_arguments(api_url)
        clash = {_flag_name(a) for a in harness} & {_flag_name(a) for a in self.static_arguments}
        if clash:
            raise HarnessError(f"the chart's arguments set what the harness sets itself: {sorted(clash)}")
        self.argv = ["/traefik-bin/" + TRAEFIK.name, *self.static_arguments, *harness]
        self._root = workdir / "root"
        self._root.mkdir(exist_ok=True)
        self._test_only = workdir / "test-only"
        self._test_only.mkdir(exist_ok=True)
        self._test_only.chmod(0o755)
        # The chart's env (USER, POD_NAME, POD_NAMESPACE); the image sets PATH.
        self.env = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "USER": "traefik",
                    "POD_NAME": "traefik-local", "POD_NAMESPACE": "kube-system"}
        if pebble is not None:
            shutil.copyfile(pebble.https_ca_path, self._test_only / "pebble-https-ca.pem")
            (self._test_only / "pebble-https-ca.pem").chmod(0o644)
            self.env["LEGO_CA_CERTIFICATES"] = "/test-only/pebble-https-ca.pem"

    def command(self) -> list[str]:
        return ["/usr/bin/unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-c", _POD_SCRIPT, "sh",
                str(self._root), str(self.volume), self.persistence_path, str(TRAEFIK.parent), str(self._test_only),
                str(self.identity.uid), str(self.identity.gid), ",".join(map(str, self.identity.groups)), *self.argv]

    def process_status(self) -> dict[str, str]:
        """/proc/PID/status of the running Traefik (the pid the harness started: every step exec()s the next)."""
        if self._server is None:
            raise HarnessError("Traefik is not running")
        status = pathlib.Path(f"/proc/{self._server.process.pid}/status").read_text()
        return dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)

    def mount_namespace(self) -> str:
        if self._server is None:
            raise HarnessError("Traefik is not running")
        return os.readlink(f"/proc/{self._server.process.pid}/ns/mnt")

    def static_configuration(self) -> dict[str, Any]:
        """The static configuration Traefik parsed from its arguments, as it logs it at start (debug level)."""
        for entry in self.log_entries():
            if "staticConfiguration" in entry:
                return dict(entry["staticConfiguration"])
        raise HarnessError("Traefik logged no static configuration")


def make_volume(path: pathlib.Path) -> pathlib.Path:
    """A claim's folder as k3s's local-path provisioner makes it: owned by root, mode 0777."""
    path.mkdir(parents=True)
    path.chmod(0o777)
    return path


def copy_volume(source: pathlib.Path, destination: pathlib.Path) -> pathlib.Path:
    """A new volume with copies of `source`'s files, owners and modes kept (a restored backup, say)."""
    make_volume(destination)
    for file in source.iterdir():
        target = destination / file.name
        shutil.copy2(file, target)
        stat = file.stat()
        os.chown(target, stat.st_uid, stat.st_gid)
    return destination


# ---------------------------------------------------------------------------------------------------------------------
# Clients

def inspecting_context() -> ssl.SSLContext:
    """Verification OFF: only to look at a certificate the test then judges itself (never to send anything)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def served_certificate(port: int, host: str, context: ssl.SSLContext, *, timeout: float = 10.0) -> x509.Certificate:
    """The certificate Traefik's entry point on `port` serves for SNI `host` (a handshake only: nothing is sent)."""
    with socket.create_connection((LOOPBACK, port), timeout=timeout) as raw, \
            context.wrap_socket(raw, server_hostname=host) as tls:
        der = tls.getpeercert(binary_form=True)
    if der is None:
        raise HarnessError(f"no certificate served for {host}")
    return x509.load_der_x509_certificate(der)


class VerifyingSkopeo(Skopeo):
    """skopeo through a CONNECT proxy (so it dials the registry's real hostname on port 443), always verifying the
    server's certificate against the CAs in `ca_dir` (containers/image adds them to the system's pool) and checking
    the hostname; any argument turning verification off is refused."""

    def __init__(self, workdir: pathlib.Path, *, ca_dir: pathlib.Path, proxy_url: str, timeout: float = 120.0) -> None:
        super().__init__(workdir, tls=None, timeout=timeout)
        self.ca_dir = ca_dir
        self.env.update({"HTTPS_PROXY": proxy_url, "NO_PROXY": ""})

    def _remote(self, side: str, creds: Credentials | None) -> list[str]:
        flags = [f"--{side}-creds={creds[0]}:{creds[1]}"] if creds else [f"--{side}-no-creds"]
        return [*flags, f"--{side}-cert-dir={self.ca_dir}"]

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        if any("tls-verify" in arg for arg in args):
            raise HarnessError(f"VerifyingSkopeo never turns TLS verification off: {args}")
        return super().run(*args)


class PodmanError(HarnessError):
    def __init__(self, args: Sequence[str], result: subprocess.CompletedProcess[str]) -> None:
        self.stderr = result.stderr
        self.returncode = result.returncode
        super().__init__(f"podman {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}")


# $1 and $2: the folders that stand in for /var/lib and /var/cache, then the command. As root, podman 4.3 writes its
# blob-info cache to /var/lib/containers/cache (no flag or setting moves it) and a lock to /var/cache/containers: in a
# private mount namespace both land in the test's folder instead, and the binds go when podman exits.
_PODMAN_SCRIPT = r"""set -eu
mount --bind "$1" /var/lib
mount --bind "$2" /var/cache
shift 2
exec "$@"
"""


class VerifyingPodman:
    """Debian's podman (4.3) as root, with everything of its own under `workdir`: image storage (the vfs driver, no
    mounts), run and tmp state, containers.conf / storage.conf / registries.conf / policy, the credentials
    `podman login` stores (REGISTRY_AUTH_FILE), HOME and the XDG folders, and its caches (see _PODMAN_SCRIPT). It
    reaches registries through a CONNECT proxy (Go's HTTPS_PROXY, so it dials the registry's real hostname on port
    443) and always verifies their certificates against the CAs in `ca_dir` (containers/image adds them to the
    system's pool), hostname checked; any argument turning verification off is refused.

    podman refuses a runroot path longer than 50 characters: that one is a short folder of its own under /tmp, which
    `close()` removes."""

    def __init__(self, workdir: pathlib.Path, *, ca_dir: pathlib.Path, proxy_url: str, timeout: float = 60.0) -> None:
        self.workdir = workdir
        self.ca_dir = ca_dir
        self.timeout = timeout
        self.runroot = pathlib.Path(tempfile.mkdtemp(prefix="podman-run-", dir="/tmp"))
        for folder in ("root", "libpod-tmp", "tmp", "home", "config", "data", "run", "networks",
                       "var-lib", "var-cache"):
            (workdir / folder).mkdir(parents=True, exist_ok=True)
        self.authfile = workdir / "auth.json"
        self.authfile.write_text('{"auths": {}}')  # podman refuses a REGISTRY_AUTH_FILE that does not exist
        self.policy = workdir / "policy.json"
        self.policy.write_text(json.dumps({"default": [{"type": "insecureAcceptAnything"}]}))
        (workdir / "registries.conf").write_text("unqualified-search-registries = []\n")
        (workdir / "storage.conf").write_text(
            f'[storage]\ndriver = "vfs"\ngraphroot = "{workdir / "root"}"\nrunroot = "{self.runroot}"\n')
        (workdir / "containers.conf").write_text(
            f'[engine]\nevents_logger = "file"\nevents_logfile_path = "{workdir / "events.log"}"\n'
            f'tmp_dir = "{workdir / "libpod-tmp"}"\ncgroup_manager = "cgroupfs"\n'
            f'[network]\nnetwork_config_dir = "{workdir / "networks"}"\n')
        self.env = {
            "PATH": "/usr/bin:/bin", "HOME": str(workdir / "home"), "XDG_CONFIG_HOME": str(workdir / "config"),
            "XDG_DATA_HOME": str(workdir / "data"), "XDG_RUNTIME_DIR": str(workdir / "run"),
            "TMPDIR": str(workdir / "tmp"), "REGISTRY_AUTH_FILE": str(self.authfile),
            "CONTAINERS_CONF": str(workdir / "containers.conf"),
            "CONTAINERS_STORAGE_CONF": str(workdir / "storage.conf"),
            "CONTAINERS_REGISTRIES_CONF": str(workdir / "registries.conf"),
            "HTTPS_PROXY": proxy_url, "NO_PROXY": "",
        }

    def run(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        if any("tls-verify" in arg for arg in args):
            raise HarnessError(f"VerifyingPodman never turns TLS verification off: {args}")
        argv = ["/usr/bin/unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-c", _PODMAN_SCRIPT,
                "sh", str(self.workdir / "var-lib"), str(self.workdir / "var-cache"),
                PODMAN, f"--root={self.workdir / 'root'}", f"--runroot={self.runroot}",
                "--storage-driver=vfs", f"--tmpdir={self.workdir / 'libpod-tmp'}", *args]
        result = subprocess.run(argv, env=self.env, input=stdin, capture_output=True, text=True,
                                timeout=self.timeout, check=False)
        if result.returncode != 0:
            raise PodmanError(args, result)
        return result

    def close(self) -> None:
        shutil.rmtree(self.runroot, ignore_errors=True)

    def _remote(self) -> list[str]:
        return [f"--cert-dir={self.ca_dir}"]

    def login(self, host: str, creds: Credentials) -> None:
        """`podman login HOST --username U --password-stdin`: checks the credentials against the registry
        (GET /v2/), then stores them in REGISTRY_AUTH_FILE."""
        self.run("login", *self._remote(), f"--username={creds[0]}", "--password-stdin", host, stdin=creds[1])

    def load_oci(self, image: OciImage, name: str) -> str:
        """Import an OCI layout's image into podman's storage (`podman pull oci:DIR:TAG`, nothing remote), tagged
        `name`; returns the image's ID (its config's digest, without "sha256:")."""
        image_id = self.run("pull", "--quiet", f"--signature-policy={self.policy}", image.reference).stdout.strip()
        self.run("tag", image_id, name)
        return image_id

    def push(self, name: str) -> str:
        """`podman push NAME` with the stored credentials; returns the pushed manifest's digest."""
        digest_file = self.workdir / "tmp" / "digest"
        self.run("push", "--quiet", *self._remote(), f"--digestfile={digest_file}", name)
        return digest_file.read_text().strip()

    def pull(self, name: str) -> str:
        """`podman pull NAME` with the stored credentials; returns the image's ID."""
        return self.run("pull", "--quiet", *self._remote(), f"--signature-policy={self.policy}", name).stdout.strip()

    def remove_images(self) -> None:
        self.run("rmi", "--all", "--force")

    def inspect(self, name: str) -> dict[str, Any]:
        (image,) = json.loads(self.run("image", "inspect", name).stdout)
        return dict(image)

    def image_names(self) -> list[str]:
        return sorted(self.run("images", "--format={{.Repository}}:{{.Tag}}").stdout.split())
