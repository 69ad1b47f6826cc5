"""k3s's bundled Traefik configured by our K3sTraefikChart, with the real parts: the real Traefik 3.7 binary runs
exactly the static configuration the chart's pod would get from our synthesized HelmChartConfig (see _acme.py),
non-root on its persistent volume, in front of the real registry; a real ACME CA (Debian's pebble) issues its
certificate; skopeo pushes and pulls verifying that certificate.

What each test proves:
- test_traefik_orders_a_trusted_certificate_and_skopeo_verifies_it: Traefik orders (TLS-ALPN-01) and serves a
  certificate from the ACME CA for the registry's host of our IngressRoutes, writing acme.json as uid 65532 to the
  0777 volume at the chart's path; skopeo pushes and pulls through it verifying that certificate (and fails against
  another CA).
- test_podman_logs_in_pushes_and_pulls_verifying_the_acme_certificate: the README's quick start with podman in
  place of skopeo: `podman login` (refused with a wrong password), `podman push` and `podman pull` by the registry's
  name through the same Traefik, verifying its ACME certificate against pebble's root (and refusing it against
  another CA), with podman's storage, credentials and caches in a folder of their own.
- test_certificate_survives_a_traefik_restart: a new Traefik on the same volume serves the same certificate without a
  new order.
- test_route_gets_traefiks_default_certificate_while_its_resolver_is_missing: with k3s's Traefik as shipped (no
  resolver), our route still completes TLS handshakes, with Traefik's default certificate, and Traefik's log names the
  missing resolver; with our resolver, the ACME certificate.
- test_route_gets_traefiks_default_certificate_while_its_certificate_is_not_issued: with our resolver but no
  certificate yet (the order pending, then failed), the same: Traefik's default certificate, no TLS refusal.
- test_http_01_certificate_is_validated_on_the_web_entry_point: with `acme_challenge=AcmeChallenge.HTTP_01`, a
  Traefik started with that chart's flags gets its certificate from an ACME CA that can validate only over HTTP-01,
  on the `web` entry point, where our HTTP-to-HTTPS redirect does not get in the way.
- test_slow_upload_succeeds_with_our_timeouts_and_is_cut_without_them: one layer uploaded for over 60 s (a throttled
  client) passes with our timeout flags and is cut at 60 s with Traefik's defaults (the same Traefik without them);
  both pushes run at once, about 75 s.
"""

from __future__ import annotations

import base64
import concurrent.futures
import contextlib
import gzip
import hashlib
import json
import pathlib
import re
import shutil
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import cdk8s
import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from e2e import _proc
from e2e.harness import (
    RegistryPod,
    SkopeoError,
    assert_same_image,
    free_port,
    http_request,
    read_oci_image,
    write_oci_image,
)
from pods._host import PodsHost
from pods._network import ClusterNetwork

from constructs_lib import AcmeChallenge, AcmeServer, HtpasswdAuth, IngressTls, K3sTraefikChart, RegistryChart

from ._acme import (
    TOOLS,
    EntryPointPorts,
    Pebble,
    PodmanError,
    PodTraefik,
    VerifyingPodman,
    VerifyingSkopeo,
    additional_arguments,
    chart_values,
    copy_volume,
    inspecting_context,
    make_volume,
    served_certificate,
)
from ._fake_api import FakeKubeApi
from ._stack import TRAEFIK_DEFAULT_CERT_CN, Clients, UiStandIn, endpoint_slices, start_registry_pod
from ._tunnel import TunnelProxy
from .conftest import CREDS, HOST, PASSWORD, USER, Manifest
from .test_routes import basic

ACME_EMAIL = "registry-admin@example.com"
RESOLVER = "letsencrypt"
ISSUE_TIMEOUT = 90.0  # seen: about 3 s; two shared cores give it headroom
# The slow upload: one layer at UPLOAD_RATE bytes per second takes about UPLOAD_SECONDS, well past Traefik's 60 s
# default readTimeout and well inside our construct's (3600 s).
TRAEFIK_DEFAULT_READ_TIMEOUT = 60.0
UPLOAD_RATE = 100 * 1024
UPLOAD_SECONDS = 72


def synth_registry_chart() -> list[Manifest]:
    """The homelab setup with the default TLS, IngressTls.cert_resolver("letsencrypt")."""
    app = cdk8s.Testing.app()
    chart = RegistryChart(app, "registry", host=HOST, auth=HtpasswdAuth.from_users({USER: PASSWORD}, cost=4),
                          redirect_http_to_https=True)
    return list(cdk8s.Testing.synth(chart))


def synth_traefik_chart(acme_directory: str, *, acme_challenge: AcmeChallenge | None = None,
                        ) -> tuple[K3sTraefikChart, list[Manifest]]:
    """Our K3sTraefikChart with its defaults (resolver "letsencrypt", TLS-ALPN-01, timeouts), but pebble's directory
    in place of Let's Encrypt's (and `acme_challenge` when given)."""
    app = cdk8s.Testing.app()
    server = AcmeServer.of(acme_directory)
    if acme_challenge is None:
        chart = K3sTraefikChart(app, "traefik", acme_email=ACME_EMAIL, acme_server=server)
    else:
        chart = K3sTraefikChart(app, "traefik", acme_email=ACME_EMAIL, acme_server=server,
                                acme_challenge=acme_challenge)
    return chart, list(cdk8s.Testing.synth(chart))


def is_timeout_flag(argument: str) -> bool:
    return re.match(r"--entrypoints\.[^.=]+\.transport\.respondingtimeouts\.", argument, re.IGNORECASE) is not None


@dataclass
class AcmeStack:
    registry_manifests: list[Manifest]
    traefik_chart: K3sTraefikChart
    traefik_manifests: list[Manifest]
    values: dict[str, Any]  # parsed from the synthesized HelmChartConfig's valuesContent
    registry: RegistryPod
    api: FakeKubeApi
    pebble: Pebble
    volume: pathlib.Path
    ports: EntryPointPorts
    traefik: PodTraefik  # the Traefik of our HelmChartConfig (replaced by the restart test)
    proxy: TunnelProxy  # registry.example.com:443 -> traefik's websecure entry point
    ca_dir: pathlib.Path  # pebble's root, for skopeo's --*-cert-dir
    workdir: pathlib.Path
    cleanup: contextlib.ExitStack

    def skopeo(self, name: str, *, ca_dir: pathlib.Path | None = None, proxy: TunnelProxy | None = None,
               timeout: float = 120.0) -> VerifyingSkopeo:
        return VerifyingSkopeo(self.workdir / f"skopeo-{name}", ca_dir=ca_dir or self.ca_dir,
                               proxy_url=(proxy or self.proxy).url, timeout=timeout)

    def podman(self, name: str, *, ca_dir: pathlib.Path | None = None) -> VerifyingPodman:
        """podman through the proxy, trusting `ca_dir` (by default pebble's root); its folders go at the module's
        end."""
        podman = VerifyingPodman(self.workdir / f"podman-{name}", ca_dir=ca_dir or self.ca_dir,
                                 proxy_url=self.proxy.url)
        self.cleanup.callback(podman.close)
        return podman

    def pod_traefik(self, name: str, *, values: dict[str, Any], volume: pathlib.Path,
                    ports: EntryPointPorts | None = None, trust_pebble: bool = True,
                    pebble: Pebble | None = None) -> PodTraefik:
        """Another Traefik of the same kind (stopped at the module's end), not started yet. It trusts the HTTPS
        certificate of `pebble` (by default the module's)."""
        traefik = PodTraefik(self.workdir / name, api_url=self.api.url, values=values, volume=volume,
                             ports=ports or EntryPointPorts.free(),
                             pebble=(pebble or self.pebble) if trust_pebble else None)
        self.cleanup.callback(traefik.stop)
        return traefik

    def issued_certificate(self, traefik: PodTraefik, *, timeout: float = ISSUE_TIMEOUT,
                           pebble: Pebble | None = None) -> x509.Certificate:
        """Wait until `traefik` serves, for the registry's host, a certificate that verifies against the root of
        `pebble` (by default the module's) alone (hostname checked): until then it serves its default one."""
        context = (pebble or self.pebble).client_context()

        def verified() -> x509.Certificate | None:
            with contextlib.suppress(ssl.SSLCertVerificationError):
                return served_certificate(traefik.ports.websecure, HOST, context)
            return None

        def failed() -> str | None:  # Traefik died, or logged an error (a resolver it dropped, a failed order)
            problems = traefik.problems()
            return traefik._dead() or (f"Traefik logged problems: {problems}" if problems else None)

        return _proc.wait_for(f"a verified certificate for {HOST}", verified, timeout=timeout, interval=0.5,
                              alive=failed)


def acme_json(volume: pathlib.Path) -> dict[str, Any]:
    return dict(json.loads((volume / "acme.json").read_text()))


def stored_certificates(volume: pathlib.Path) -> list[dict[str, Any]]:
    return list(acme_json(volume)[RESOLVER]["Certificates"] or [])


@pytest.fixture(scope="module")
def acme(tmp_path_factory: pytest.TempPathFactory, pods_host: PodsHost,
        cluster_net: ClusterNetwork) -> Iterator[AcmeStack]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:  # a failure, never a skip: the Makefile installs pebble and podman (Debian), the rest is
        # util-linux/coreutils
        pytest.fail(f"tools missing: {missing} (Debian packages pebble, podman, util-linux, coreutils)")
    workdir = tmp_path_factory.mktemp("acme")
    registry_manifests = synth_registry_chart()
    ports = EntryPointPorts.free()
    with contextlib.ExitStack() as cleanup:
        # pebble validates TLS-ALPN-01 on Traefik's websecure port and HTTP-01 on its web port.
        pebble = Pebble(workdir / "pebble", tls_port=ports.websecure, http_port=ports.web)
        cleanup.callback(pebble.stop)
        pebble.start()
        traefik_chart, traefik_manifests = synth_traefik_chart(pebble.directory_url)
        values = chart_values(traefik_manifests)  # from the synthesized manifest, not from the Python object
        registry = start_registry_pod(cleanup, registry_manifests, net=cluster_net, pods_host=pods_host,
                                      workdir=pods_host.base / f"{workdir.name}-registry", namespace="registry")
        ui = UiStandIn().start()
        cleanup.callback(ui.stop)
        backends: dict[tuple[str, str], int | tuple[str, int]] = {
            ("registry", "registry"): (registry.ip, registry.port), ("registry", "registry-ui"): ui.port}
        api = FakeKubeApi([*registry_manifests, *endpoint_slices(registry_manifests, backends)]).start()
        cleanup.callback(api.stop)
        proxy = TunnelProxy({(HOST, 443): ports.websecure, (HOST, 80): ports.web}).start()
        cleanup.callback(proxy.stop)
        volume = make_volume(workdir / "traefik-data")
        traefik = PodTraefik(workdir / "traefik", api_url=api.url, values=values, volume=volume, ports=ports,
                             pebble=pebble)
        cleanup.callback(traefik.stop)
        traefik.start()
        yield AcmeStack(registry_manifests, traefik_chart, traefik_manifests, values, registry, api, pebble, volume,
                        ports, traefik, proxy, pebble.write_root_ca_dir(workdir / "pebble-root"), workdir, cleanup)


def test_traefik_orders_a_trusted_certificate_and_skopeo_verifies_it(acme: AcmeStack, tmp_path: pathlib.Path) -> None:
    traefik = acme.traefik
    # GIVEN Traefik runs with the synthesized valuesContent's additionalArguments verbatim, in order, after the
    # arguments the chart renders itself (entry points on loopback ports), and the harness's own after them
    synthesized = additional_arguments(acme.values)
    start = traefik.argv.index(synthesized[0])
    assert traefik.argv[start:start + len(synthesized)] == synthesized
    assert synthesized == list(acme.traefik_chart.traefik.additional_arguments)  # the property says the same
    assert f"--certificatesresolvers.{RESOLVER}.acme.tlschallenge=true" in synthesized
    assert f"--certificatesresolvers.{RESOLVER}.acme.caserver={acme.pebble.directory_url}" in synthesized
    storage = f"--certificatesresolvers.{RESOLVER}.acme.storage="
    (storage_path,) = [a.removeprefix(storage) for a in synthesized if a.startswith(storage)]
    assert storage_path.startswith(traefik.persistence_path + "/")  # on the chart's volume, used verbatim
    # AND our HTTPS routes ask for that resolver (the HTTP one only redirects)
    routes = [m for m in acme.registry_manifests
              if m["kind"] == "IngressRoute" and "websecure" in m["spec"]["entryPoints"]]
    assert len(routes) == 2 and {r["spec"]["tls"].get("certResolver") for r in routes} == {RESOLVER}, routes
    assert acme.traefik_chart.traefik.ingress_tls == IngressTls.cert_resolver(RESOLVER)
    # AND Traefik runs as the pod would: uid and gid 65532 plus the fsGroup, no capabilities, no new privileges, in a
    # mount namespace of its own (where the volume is at the chart's path)
    status = traefik.process_status()
    assert status["Uid"].split() == ["65532"] * 4 and status["Gid"].split() == ["65532"] * 4, status
    assert status["Groups"].split() == ["65532"]
    assert int(status["CapEff"], 16) == int(status["CapPrm"], 16) == int(status["CapBnd"], 16) == 0, status
    assert status["NoNewPrivs"] == "1"
    assert traefik.mount_namespace() != pathlib.Path("/proc/self/ns/mnt").readlink().as_posix()

    # WHEN Traefik orders the certificate for the registry's host
    began = time.monotonic()
    certificate = acme.issued_certificate(traefik)
    print(f"certificate issued and served after {time.monotonic() - began:.1f} s")

    # THEN it is pebble's, for that host, for servers, verified (above) against pebble's root alone
    assert certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == HOST
    names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert names.get_values_for_type(x509.DNSName) == [HOST]
    usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.SERVER_AUTH in usage
    intermediate = x509.load_pem_x509_certificate(acme.pebble.intermediate_pem.encode())
    assert certificate.issuer == intermediate.subject
    # AND pebble placed one order, validated it and issued exactly the certificate served
    pebble_log = acme.pebble.log_path.read_text()
    assert acme.pebble.new_orders() == 1
    assert "set VALID by completed challenge" in pebble_log
    issued_serials = [int(serial, 16) for serial in re.findall(r"Issued certificate serial ([0-9a-f]+) ", pebble_log)]
    assert issued_serials == [certificate.serial_number], issued_serials
    # AND the challenge was TLS-ALPN-01, answered by Traefik itself
    assert any(entry.get("type") == "tls-alpn-01" and entry.get("message") == "Use solver."
               for entry in traefik.log_entries())
    # AND acme.json was written by the non-root Traefik to the local-path style volume (root's, 0777), 0600
    assert (acme.volume.stat().st_uid, acme.volume.stat().st_mode & 0o777) == (0, 0o777)
    stored = acme.volume / pathlib.Path(storage_path).relative_to(traefik.persistence_path)
    assert (stored.stat().st_uid, stored.stat().st_gid, stored.stat().st_mode & 0o777) == (65532, 65532, 0o600)
    assert [c["domain"]["main"] for c in stored_certificates(acme.volume)] == [HOST]
    assert traefik.problems() == []

    # WHEN skopeo pushes and pulls through Traefik by the registry's name, trusting pebble's root (no
    # --tls-verify=false anywhere: VerifyingSkopeo refuses it)
    image = write_oci_image(tmp_path / "image", layer_sizes=(256 * 1024,))
    digest = acme.skopeo("push").push(image, f"{HOST}/team/app:v1", creds=CREDS)
    pulled = acme.skopeo("pull").pull(f"{HOST}/team/app:v1", tmp_path / "pulled", creds=CREDS)
    # THEN the image round-trips
    assert digest == image.manifest_digest
    assert_same_image(image, pulled)
    # AND the same skopeo trusting another CA (pebble's own HTTPS test CA) refuses the registry: verification is
    # really on in this path
    other_ca = acme.workdir / "other-ca"
    other_ca.mkdir(exist_ok=True)
    (other_ca / "ca.crt").write_bytes(pathlib.Path(acme.pebble.https_ca_path).read_bytes())
    with pytest.raises(SkopeoError, match=r"x509: certificate signed by unknown authority"):
        acme.skopeo("other-ca", ca_dir=other_ca).pull(f"{HOST}/team/app:v1", tmp_path / "refused", creds=CREDS)
    assert acme.api.unexpected == [] and acme.proxy.refused == []
    assert traefik.problems() == []


IMAGE_MANIFESTS = "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json"
# What podman as root writes outside its own folders unless told otherwise: its blob-info cache and short-name lock,
# the default credentials file (root's and a user's), its default storage and state.
HOST_CONTAINER_PATHS = tuple(pathlib.Path(path) for path in (
    "/var/lib/containers", "/var/cache/containers", "/run/containers", "/run/libpod", "/etc/containers/networks",
    str(pathlib.Path.home() / ".config" / "containers"), str(pathlib.Path.home() / ".local" / "share" / "containers")))


def _tree_state(path: pathlib.Path) -> list[tuple[str, int, int]]:
    """Every file and folder under `path` (itself included) with its mtime and size; [] if it does not exist."""
    if not path.exists():
        return []
    return sorted((str(entry), entry.lstat().st_mtime_ns, entry.lstat().st_size)
                  for entry in (path, *path.rglob("*")))


def test_podman_logs_in_pushes_and_pulls_verifying_the_acme_certificate(acme: AcmeStack,
                                                                         tmp_path: pathlib.Path) -> None:
    host_before = {path: _tree_state(path) for path in HOST_CONTAINER_PATHS}
    # GIVEN Traefik serves the ACME certificate for the registry's host
    acme.issued_certificate(acme.traefik)
    # AND podman reaching registry.example.com:443 through the proxy, trusting pebble's root (--cert-dir) and
    # nothing else (VerifyingPodman refuses --tls-verify=false), with an image imported from an OCI layout
    podman = acme.podman("quick-start")
    image = write_oci_image(tmp_path / "image", layer_sizes=(64 * 1024,))
    name = f"{HOST}/team/podman:v1"
    image_id = podman.load_oci(image, name)
    assert f"sha256:{image_id}" == image.config_digest
    diff_ids = json.loads(image.blob(image.config_digest))["rootfs"]["diff_ids"]

    # WHEN it logs in with a wrong password THEN the registry refuses it and nothing is stored
    with pytest.raises(PodmanError, match=r"invalid username/password"):
        podman.login(HOST, (USER, "not the password"))
    assert json.loads(podman.authfile.read_text()) == {"auths": {}}
    # WHEN it logs in with the user's password (--password-stdin) THEN its own auth file holds them, for that host
    podman.login(HOST, CREDS)
    auths = json.loads(podman.authfile.read_text())["auths"]
    assert list(auths) == [HOST]
    assert base64.b64decode(auths[HOST]["auth"]).decode() == f"{USER}:{PASSWORD}"

    # WHEN it pushes the image, with the stored credentials
    digest = podman.push(name)
    # THEN the registry holds that manifest: our image's config, and a layer whose uncompressed bytes are our tar
    # (podman compresses the layer again from its storage, so the layer's and the manifest's digests are new)
    status, headers, body = http_request("GET", acme.registry.ip, acme.registry.port, "/v2/team/podman/manifests/v1",
                                         headers={**basic(USER, PASSWORD), "Accept": IMAGE_MANIFESTS})
    assert status == 200 and headers["docker-content-digest"] == digest
    manifest = json.loads(body)
    assert manifest["config"]["digest"] == image.config_digest
    layers = [layer["digest"] for layer in manifest["layers"]]
    assert len(layers) == len(diff_ids) == 1
    status, _, layer = http_request("GET", acme.registry.ip, acme.registry.port, f"/v2/team/podman/blobs/{layers[0]}",
                                    headers=basic(USER, PASSWORD))
    assert status == 200
    assert "sha256:" + hashlib.sha256(gzip.decompress(layer)).hexdigest() == diff_ids[0]

    # WHEN the image is removed from podman's storage and pulled back
    podman.remove_images()
    assert podman.image_names() == []
    pulled_id = podman.pull(name)
    # THEN it is the same image (its config and layers: podman checks each layer against the config's diff_ids),
    # from the manifest pushed
    assert pulled_id == image_id
    inspected = podman.inspect(name)
    assert inspected["Digest"] == digest and inspected["RootFS"]["Layers"] == diff_ids
    assert podman.image_names() == [name]

    # AND podman trusting another CA (pebble's own HTTPS test CA) refuses the registry: verification is on
    other_ca = tmp_path / "other-ca"
    other_ca.mkdir()
    (other_ca / "ca.crt").write_bytes(acme.pebble.https_ca_path.read_bytes())
    with pytest.raises(PodmanError, match=r"x509: certificate signed by unknown authority"):
        acme.podman("other-ca", ca_dir=other_ca).login(HOST, CREDS)
    # AND podman wrote nothing of the host's: its caches went to its own folder
    assert (podman.workdir / "var-lib" / "containers" / "cache" / "blob-info-cache-v1.boltdb").is_file()
    assert {path: _tree_state(path) for path in HOST_CONTAINER_PATHS} == host_before
    assert acme.api.unexpected == [] and acme.proxy.refused == []
    assert acme.traefik.problems() == []


def test_certificate_survives_a_traefik_restart(acme: AcmeStack) -> None:
    # GIVEN the issued certificate, stored in acme.json on the volume
    before = acme.issued_certificate(acme.traefik)
    stored_before = stored_certificates(acme.volume)
    orders_before = acme.pebble.new_orders()
    # WHEN Traefik stops (SIGTERM, as the kubelet stops it) and a new one starts on the same volume and ports
    acme.traefik.stop(grace=20)
    acme.traefik = acme.pod_traefik("traefik-restarted", values=acme.values, volume=acme.volume, ports=acme.ports)
    acme.traefik.start()
    # THEN it serves the same certificate (same serial, verified against pebble's root) ...
    after = acme.issued_certificate(acme.traefik, timeout=30)
    assert after.serial_number == before.serial_number
    assert after.public_bytes(Encoding.DER) == before.public_bytes(Encoding.DER)
    # ... as Traefik's ACME provider decided on seeing our routes, without asking pebble for a new one, and acme.json
    # holds the same
    _proc.wait_for("Traefik's ACME provider to judge our routes' domain",
                   lambda: _acme_decisions(acme.traefik) or None, timeout=30, alive=acme.traefik._dead)
    assert set(_acme_decisions(acme.traefik)) == {"No ACME certificate generation required for domains"}
    time.sleep(2)  # had it wanted a certificate, the order would have reached pebble by now
    assert acme.pebble.new_orders() == orders_before
    assert stored_certificates(acme.volume) == stored_before
    assert acme.traefik.problems() == []


def _acme_decisions(traefik: PodTraefik) -> list[str]:
    """What the ACME provider decided for the registry's host each time it saw the routers: "Domains need ACME
    certificates generation for domains ..." (an order follows) or "No ACME certificate generation required ..."."""
    return [str(entry["message"]).split('"', 1)[0].strip() for entry in traefik.log_entries()
            if entry.get("providerName") == f"{RESOLVER}.acme" and entry.get("domains") == [HOST]]


def test_route_gets_traefiks_default_certificate_while_its_resolver_is_missing(acme: AcmeStack) -> None:
    # GIVEN k3s's Traefik as it ships (no HelmChartConfig: the chart's values only, no resolver, an emptyDir at
    # /data) reading our IngressRoutes, which ask for the "letsencrypt" resolver
    bare = acme.pod_traefik("traefik-as-shipped", values={}, volume=make_volume(acme.workdir / "empty-dir"),
                            trust_pebble=False)
    assert not any("certificatesresolvers" in argument.lower() for argument in bare.argv)
    bare.start()
    _proc.wait_for("Traefik's complaint about the missing resolver", lambda: _missing_resolver_errors(bare) or None,
                   timeout=30, alive=bare._dead)
    # THEN a handshake for the registry's host succeeds, with Traefik's default certificate (no TLS refusal) ...
    served = served_certificate(bare.ports.websecure, HOST, inspecting_context())
    assert served.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == TRAEFIK_DEFAULT_CERT_CN
    # ... which a client that verifies refuses, naming the problem
    with pytest.raises(ssl.SSLCertVerificationError, match=r"self-signed certificate|unable to get local issuer"):
        served_certificate(bare.ports.websecure, HOST, acme.pebble.client_context())
    # AND Traefik's log names the missing resolver, for each of our HTTPS routers, which it built all the same
    routers = {name for name, router in bare.crd_objects("routers").items() if "tls" in router}
    assert {bare.crd_objects("routers")[name]["status"] for name in routers} == {"enabled"}
    complaints = _missing_resolver_errors(bare)
    assert {entry["routerName"] for entry in complaints} == routers and len(routers) == 2, complaints
    assert {entry["certificateResolver"] for entry in complaints} == {RESOLVER}
    # AND the route still works over that certificate (the client checks it is Traefik's default one before sending)
    proxy = TunnelProxy({(HOST, 443): bare.ports.websecure}).start()
    try:
        status, headers, _ = Clients(proxy.port, default_cert_hosts=(HOST,)).https("GET", HOST, "/v2/",
                                                                                    headers=basic(USER, PASSWORD))
    finally:
        proxy.stop()
    assert status == 200 and headers["docker-distribution-api-version"] == "registry/2.0"
    bare.stop()

    # AND WITH our resolver, once issued: the ACME certificate, verified against pebble's root
    issued = acme.issued_certificate(acme.traefik)
    assert issued.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == HOST


def test_route_gets_traefiks_default_certificate_while_its_certificate_is_not_issued(acme: AcmeStack) -> None:
    # GIVEN our Traefik on a new, empty volume whose order can never be validated: pebble checks TLS-ALPN-01 on one
    # port only, the first Traefik's, which knows nothing of this one's challenge
    orders = acme.pebble.new_orders()
    pending = acme.pod_traefik("traefik-not-issued", values=acme.values, volume=make_volume(acme.workdir / "fresh"))
    pending.start()
    _proc.wait_for("its order", lambda: acme.pebble.new_orders() > orders or None, timeout=30, alive=pending._dead)
    # THEN while the order is pending, and after it failed, the route's handshakes succeed with Traefik's default
    # certificate: no TLS refusal (the TLSOption has no strict SNI)
    for moment in ("pending", "failed"):
        if moment == "failed":
            _proc.wait_for("the failed order", lambda: _failed_orders(pending) or None, timeout=60,
                           alive=pending._dead)
        served = served_certificate(pending.ports.websecure, HOST, inspecting_context())
        assert served.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == TRAEFIK_DEFAULT_CERT_CN, moment
    assert [c for c in stored_certificates(pending.volume) if c["domain"]["main"] == HOST] == []
    pending.stop()


def _failed_orders(traefik: PodTraefik) -> list[dict[str, Any]]:
    return [entry for entry in traefik.log_entries()
            if entry.get("level") == "error" and entry.get("providerName") == f"{RESOLVER}.acme"]


def _missing_resolver_errors(traefik: PodTraefik) -> list[dict[str, Any]]:
    return [entry for entry in traefik.log_entries()
            if entry.get("message") == "Router uses a nonexistent certificate resolver"]


def test_http_01_certificate_is_validated_on_the_web_entry_point(acme: AcmeStack, tmp_path: pathlib.Path) -> None:
    with contextlib.ExitStack() as stop:
        # GIVEN an ACME CA of its own that can only validate over HTTP-01: pebble fetches HTTP-01 challenges from
        # the new Traefik's web entry point and tries TLS-ALPN-01 on a port where nothing listens
        ports = EntryPointPorts.free()
        pebble = Pebble(tmp_path / "pebble", tls_port=free_port(), http_port=ports.web)
        stop.callback(pebble.stop)
        pebble.start()
        # AND our chart with acme_challenge=AcmeChallenge.HTTP_01, whose flags name the HTTP challenge on `web`
        _, manifests = synth_traefik_chart(pebble.directory_url, acme_challenge=AcmeChallenge.HTTP_01)
        values = chart_values(manifests)
        synthesized = additional_arguments(values)
        resolver = f"--certificatesresolvers.{RESOLVER}.acme"
        assert [argument for argument in synthesized if "challenge" in argument] == [
            f"{resolver}.httpchallenge=true", f"{resolver}.httpchallenge.entrypoint=web"]
        # WHEN Traefik starts with them verbatim (after the chart's own arguments) on a fresh volume
        traefik = acme.pod_traefik("traefik-http-01", values=values, volume=make_volume(tmp_path / "volume"),
                                   ports=ports, pebble=pebble)
        stop.callback(traefik.stop)
        start = traefik.argv.index(synthesized[0])
        assert traefik.argv[start:start + len(synthesized)] == synthesized
        traefik.start()
        began = time.monotonic()
        # THEN it serves a certificate for the registry's host that verifies against this pebble's root alone
        certificate = acme.issued_certificate(traefik, pebble=pebble)
        print(f"HTTP-01 certificate issued and served after {time.monotonic() - began:.1f} s")
        assert certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == HOST
        assert certificate.issuer == x509.load_pem_x509_certificate(pebble.intermediate_pem.encode()).subject
        # AND Traefik answered an HTTP-01 challenge, which pebble fetched from the web entry point and accepted, in
        # one order, for exactly the certificate served
        assert any(entry.get("type") == "http-01" and entry.get("message") == "Use solver."
                   for entry in traefik.log_entries())
        pebble_log = pebble.log_path.read_text()
        assert pebble.new_orders() == 1
        assert re.search(rf"Attempting to validate w/ HTTP: http://{re.escape(HOST)}:{ports.web}/"
                         r"\.well-known/acme-challenge/", pebble_log), pebble_log[-3000:]
        assert "set VALID by completed challenge" in pebble_log
        issued = [int(serial, 16) for serial in re.findall(r"Issued certificate serial ([0-9a-f]+) ", pebble_log)]
        assert issued == [certificate.serial_number], issued
        assert [c["domain"]["main"] for c in stored_certificates(traefik.volume)] == [HOST]
        # AND on `web` our HTTP-to-HTTPS redirect is still in place (the challenge is answered before any route),
        # and HTTPS works with the new certificate, verified
        proxy = TunnelProxy({(HOST, 443): ports.websecure, (HOST, 80): ports.web}).start()
        stop.callback(proxy.stop)
        clients = Clients(proxy.port, contexts={HOST: pebble.client_context()})
        status, headers, _ = clients.http("GET", HOST, "/v2/")
        assert status in (301, 308) and headers["location"] == f"https://{HOST}/v2/", (status, headers)
        status, headers, _ = clients.https("GET", HOST, "/v2/", headers=basic(USER, PASSWORD))
        assert status == 200 and headers["docker-distribution-api-version"] == "registry/2.0"
        assert proxy.refused == [] and traefik.problems() == []


@dataclass(frozen=True)
class PushOutcome:
    name: str
    succeeded: bool
    seconds: float
    client_saw: str  # the manifest digest, or skopeo's error

    def line(self) -> str:
        saw = re.sub(r"\?_state=[^\\\"]+", "?_state=...", self.client_saw.strip())  # the upload's long state token
        return f"{self.name}: {'succeeded' if self.succeeded else 'FAILED'} after {self.seconds:.1f} s: {saw[-600:]}"


def test_slow_upload_succeeds_with_our_timeouts_and_is_cut_without_them(
        acme: AcmeStack, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    ours = acme.traefik
    issued = acme.issued_certificate(ours)
    orders = acme.pebble.new_orders()
    # GIVEN a second Traefik, the same but for our timeout flags (so with Traefik's defaults), on a copy of the
    # volume (so it serves the same certificate, without an order of its own)
    synthesized = additional_arguments(acme.values)
    timeout_flags = [argument for argument in synthesized if is_timeout_flag(argument)]
    assert any(flag.lower().startswith("--entrypoints.websecure.transport.respondingtimeouts.readtimeout=")
               for flag in timeout_flags), synthesized
    default_values = {**acme.values, "additionalArguments": [a for a in synthesized if not is_timeout_flag(a)]}
    defaults = acme.pod_traefik("traefik-default-timeouts", values=default_values,
                                volume=copy_volume(acme.volume, tmp_path / "volume-copy"))
    defaults.start()
    assert acme.issued_certificate(defaults, timeout=30).serial_number == issued.serial_number
    # AND what each Traefik made of its arguments: our read timeout on websecure, Traefik's 60 s default on the other
    read_timeouts = {name: traefik.static_configuration()["entryPoints"]["websecure"]["transport"]
                     ["respondingTimeouts"].get("readTimeout") for name, traefik in (("ours", ours),
                                                                                     ("defaults", defaults))}
    assert read_timeouts == {"ours": "1h0m0s", "defaults": "1m0s"}, read_timeouts
    # AND a slow client for each: skopeo's bytes pass a throttling CONNECT proxy (TLS still end to end, verified)
    slow = {name: TunnelProxy({(HOST, 443): traefik.ports.websecure}, upload_rate=UPLOAD_RATE).start()
            for name, traefik in (("ours", ours), ("defaults", defaults))}
    try:
        # WHEN each pushes one layer that takes about UPLOAD_SECONDS to upload, both at once
        def push(name: str) -> PushOutcome:
            image = write_oci_image(tmp_path / f"image-{name}", layer_sizes=(UPLOAD_SECONDS * UPLOAD_RATE,))
            skopeo = acme.skopeo(f"slow-{name}", proxy=slow[name], timeout=UPLOAD_SECONDS * 3)
            began = time.monotonic()
            try:
                digest = skopeo.push(image, f"{HOST}/slow/{name}:v1", creds=CREDS)
            except SkopeoError as error:
                return PushOutcome(name, False, time.monotonic() - began, error.stderr)
            assert digest == image.manifest_digest
            return PushOutcome(name, True, time.monotonic() - began, digest)

        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            outcome_ours, outcome_defaults = pool.map(push, ("ours", "defaults"))
    finally:
        for proxy in slow.values():
            proxy.stop()
    with capsys.disabled():
        print(f"\n[slow upload, {UPLOAD_SECONDS * UPLOAD_RATE / 1e6:.1f} MB at {UPLOAD_RATE / 1024:.0f} KiB/s]\n  "
              f"{outcome_ours.line()}\n  {outcome_defaults.line()}")

    # THEN with our timeouts the push succeeded, after longer than Traefik's default read timeout ...
    assert outcome_ours.succeeded, outcome_ours.line()
    assert outcome_ours.seconds > TRAEFIK_DEFAULT_READ_TIMEOUT + 5, outcome_ours.line()
    pulled = acme.skopeo("pull-slow").pull(f"{HOST}/slow/ours:v1", tmp_path / "pulled", creds=CREDS)
    assert_same_image(read_oci_image(tmp_path / "image-ours"), pulled)
    # ... and with Traefik's defaults it was cut during the layer's upload, at the 60 s read timeout
    assert not outcome_defaults.succeeded, outcome_defaults.line()
    assert TRAEFIK_DEFAULT_READ_TIMEOUT - 1 <= outcome_defaults.seconds < outcome_ours.seconds, outcome_defaults.line()
    assert re.search(r'writing blob: Patch \\?"https://registry\.example\.com/v2/slow/defaults/blobs/uploads/',
                     outcome_defaults.client_saw), outcome_defaults.line()
    # Traefik logs the request it gave up on as a 504 ("i/o timeout" reading the body) or, when the connection's
    # context is cancelled first (both come from the read deadline), as a 499 ("context canceled"): seen both ways.
    cut = [(entry["message"], entry.get("error")) for entry in defaults.log_entries()
           if entry.get("message") in ("504 Gateway Timeout", "499 Client Closed Request")]
    assert len(cut) == 1, cut
    assert (cut[0][0] == "504 Gateway Timeout" and "i/o timeout" in str(cut[0][1])) \
        or cut[0] == ("499 Client Closed Request", "context canceled"), cut
    assert not any(entry.get("message", "").startswith(("499", "504")) for entry in ours.log_entries())
    # AND the registry never got that image, and neither Traefik asked for a certificate
    status, _, _ = http_request("HEAD", acme.registry.ip, acme.registry.port, "/v2/slow/defaults/manifests/v1",
                                headers=basic(USER, PASSWORD))
    assert status == 404
    assert acme.pebble.new_orders() == orders
    assert ours.problems() == [] and defaults.problems() == []

