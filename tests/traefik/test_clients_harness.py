"""The clients of tests/traefik/_clients.py against a real registry: Debian's docker-registry (distribution 2.8.2)
serving TLS itself for registry.example.com (a trustme certificate) with htpasswd auth, reached through the CONNECT
proxy by that name on port 443. Each client verifies the certificate against the test CA; credentials are checked by
the registry (anonymous and wrong ones get 401)."""

from __future__ import annotations

import base64
import contextlib
import http.client
import json
import os
import pathlib
import socket
import ssl
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass

import bcrypt
import pytest
import trustme
from e2e import _proc
from e2e._client import MANIFEST_ACCEPT, write_oci_index
from e2e.harness import HarnessError, OciImage, free_port, write_oci_image

from ._acme import VerifyingSkopeo
from ._clients import (
    TOOLS,
    Containerd,
    ContainerdError,
    DumpedExchange,
    Oras,
    OrasError,
    dumped_exchanges,
    installed_oras_version,
)
from ._tunnel import TunnelProxy

HOST = "registry.example.com"
USER, PASSWORD = "alice", "correct horse battery staple"
CREDS = (USER, PASSWORD)
WRONG = (USER, "not-the-password")
REALM = "Registry Realm"
ORAS_VERSION = "0.2.43"

REGISTRY_CONFIG = """\
version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: {root}
http:
  addr: 127.0.0.1:{port}
  headers:
    X-Content-Type-Options: [nosniff]
auth:
  htpasswd:
    realm: {realm}
    path: {htpasswd}
"""


class CountingProxy(TunnelProxy):
    """The tunnel proxy, counting the connections it accepted (so a test can tell that a client sent nothing)."""

    connections = 0

    def _serve(self, client: socket.socket) -> None:
        with self._lock:
            self.connections += 1
        super()._serve(client)


@dataclass
class Target:
    proxy: CountingProxy
    ca_file: pathlib.Path
    ca_dir: pathlib.Path  # holding only ca.crt (skopeo's --*-cert-dir)
    context: ssl.SSLContext  # trusts only the test CA, hostname checked
    log_path: pathlib.Path
    seeded: OciImage  # pushed by skopeo as HOST/seeded/app:v1

    def request(self, method: str, path: str, *, creds: tuple[str, str] | None = CREDS,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        """https://registry.example.com/PATH through the proxy, verified against the test CA."""
        all_headers = dict(headers or {})
        if creds is not None:
            all_headers["Authorization"] = "Basic " + base64.b64encode(f"{creds[0]}:{creds[1]}".encode()).decode()
        conn = http.client.HTTPSConnection(_proc.LOOPBACK, self.proxy.port, context=self.context, timeout=10)
        try:
            conn.set_tunnel(HOST, 443)
            conn.request(method, path, headers=all_headers)
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()

    def manifest_digest(self, repository: str, reference: str) -> str | None:
        status, headers, _ = self.request("HEAD", f"/v2/{repository}/manifests/{reference}",
                                          headers={"Accept": MANIFEST_ACCEPT})
        if status == 404:
            return None
        assert status == 200, f"HEAD {repository}:{reference} answered {status}"
        return headers["docker-content-digest"]


@pytest.fixture(scope="module", autouse=True)
def _client_tools() -> None:
    missing = [tool for tool in TOOLS if not os.access(tool, os.X_OK)]
    if missing:
        pytest.fail(f"tools missing: {missing} (Debian package containerd)")
    version = installed_oras_version()
    if version != ORAS_VERSION:
        pytest.fail(f"oras {version} installed, the harness was proven with {ORAS_VERSION}")


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    workdir = tmp_path_factory.mktemp("clients")
    ca = trustme.CA()
    server = ca.issue_cert(HOST)
    server.private_key_pem.write_to_path(str(workdir / "server.key"))
    (workdir / "server.crt").write_bytes(b"".join(blob.bytes() for blob in server.cert_chain_pems))
    ca_dir = workdir / "ca"
    ca_dir.mkdir()
    ca.cert_pem.write_to_path(str(ca_dir / "ca.crt"))
    htpasswd = workdir / "htpasswd"
    htpasswd.write_text(f"{USER}:{bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(4)).decode()}\n")
    port = free_port()
    config = workdir / "config.yml"
    config.write_text(REGISTRY_CONFIG.format(root=workdir / "data", port=port, realm=json.dumps(REALM),
                                             htpasswd=htpasswd))
    context = ssl.create_default_context(cafile=str(ca_dir / "ca.crt"))
    with contextlib.ExitStack() as cleanup:
        registry = _proc.LoggedProcess(
            ["/usr/bin/docker-registry", "serve", str(config)],
            env={"PATH": "/usr/bin:/bin", "REGISTRY_HTTP_TLS_CERTIFICATE": str(workdir / "server.crt"),
                 "REGISTRY_HTTP_TLS_KEY": str(workdir / "server.key")},
            cwd=workdir, log_path=workdir / "registry.log")
        cleanup.callback(registry.stop, grace=5)
        proxy = CountingProxy({(HOST, 443): port})
        proxy.start()
        cleanup.callback(proxy.stop)
        target = Target(proxy, ca_dir / "ca.crt", ca_dir, context, workdir / "registry.log",
                        write_oci_image(workdir / "seeded", tag="v1"))

        def dead() -> str | None:
            return f"registry exited:\n{registry.log_path.read_text()[-3000:]}" if registry.has_exited() else None

        # straight to its port first (the proxy's tunnel thread would fail on a port not yet listening)
        _proc.wait_for("the registry's TLS port", lambda: _handshake(port, context), timeout=30, alive=dead)
        assert target.request("GET", "/v2/", creds=None)[0] == 401
        skopeo = VerifyingSkopeo(workdir / "skopeo", ca_dir=ca_dir, proxy_url=proxy.url)
        assert skopeo.push(target.seeded, f"{HOST}/seeded/app:v1", creds=CREDS) == target.seeded.manifest_digest
        yield target
        assert proxy.refused == [], f"the proxy was asked for other hosts: {proxy.refused}"


@pytest.fixture(scope="module")
def containerd(target: Target, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Containerd]:
    with Containerd(tmp_path_factory.mktemp("containerd"), ca_file=target.ca_file,
                    proxy_url=target.proxy.url) as daemon:
        yield daemon


@pytest.fixture
def oras(target: Target, tmp_path: pathlib.Path) -> Oras:
    return Oras(tmp_path / "oras", ca_file=target.ca_file, proxy_url=target.proxy.url)


def _handshake(port: int, context: ssl.SSLContext) -> bool:
    with socket.create_connection((_proc.LOOPBACK, port), timeout=2) as raw, \
            context.wrap_socket(raw, server_hostname=HOST):
        return True


def another_ca_file(directory: pathlib.Path) -> pathlib.Path:
    path = directory / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(path))
    return path


# ---------------------------------------------------------------------------------------------------------------------
# containerd

SEEDED = f"{HOST}/seeded/app:v1"


def test_containerd_pull_without_credentials_is_refused(containerd: Containerd, target: Target) -> None:
    for creds in (None, WRONG):
        with pytest.raises(ContainerdError) as refused:
            containerd.pull(SEEDED, creds=creds)
        assert "401 Unauthorized" in refused.value.stderr, refused.value.stderr
        assert SEEDED not in containerd.images()


def test_containerd_pull_with_credentials_answers_a_basic_challenge(containerd: Containerd, target: Target) -> None:
    digest = containerd.pull(SEEDED, creds=CREDS, dump=True)
    assert digest == target.seeded.manifest_digest  # what skopeo pushed
    assert containerd.images()[SEEDED] == digest
    # ctr sends nothing secret before it is asked: the first request goes without credentials, the registry's 401
    # Basic challenge is answered by the same request with them.
    first, second, *_ = dumped_exchanges(containerd.last_stderr)
    assert first == DumpedExchange("HEAD /v2/seeded/app/manifests/v1", None, 401, f'Basic realm="{REALM}"')
    assert second == DumpedExchange("HEAD /v2/seeded/app/manifests/v1", "Basic", 200, None)
    containerd.remove(SEEDED)
    assert SEEDED not in containerd.images()


def test_containerd_pushes_an_imported_layout_with_credentials(containerd: Containerd, target: Target,
                                                                tmp_path: pathlib.Path) -> None:
    image = write_oci_image(tmp_path / "layout", tag="v2")
    ref = f"{HOST}/containerd/pushed:v2"
    assert containerd.import_oci(image, ref) == image.manifest_digest
    for creds in (None, WRONG):
        with pytest.raises(ContainerdError) as refused:
            containerd.push(ref, creds=creds)
        assert "401 Unauthorized" in refused.value.stderr, refused.value.stderr
    assert target.manifest_digest("containerd/pushed", "v2") is None
    assert containerd.push(ref, creds=CREDS) == image.manifest_digest
    assert target.manifest_digest("containerd/pushed", "v2") == image.manifest_digest
    # and back: a pull of what was pushed, into a store that no longer has it
    containerd.remove(ref)
    assert containerd.pull(ref, creds=CREDS) == image.manifest_digest
    containerd.remove(ref)


def test_containerd_imports_a_tarred_index_and_pushes_every_platform(containerd: Containerd, target: Target,
                                                                     tmp_path: pathlib.Path) -> None:
    index = write_oci_index(tmp_path / "index", tag="multi")
    archive = tmp_path / "index.tar"
    with tarfile.open(archive, "w") as tar:
        tar.add(index.path, arcname=".")
    ref = f"{HOST}/containerd/multi:v1"
    assert containerd.import_oci(archive, ref, tag="multi") == index.digest
    assert containerd.push(ref, creds=CREDS) == index.digest
    assert target.manifest_digest("containerd/multi", "v1") == index.digest
    for child in index.manifest_digests:
        assert target.manifest_digest("containerd/multi", child) == child
    containerd.remove(ref)


def test_containerd_verifies_the_registry_certificate(target: Target, tmp_path: pathlib.Path) -> None:
    with Containerd(tmp_path / "containerd", ca_file=another_ca_file(tmp_path),
                    proxy_url=target.proxy.url) as other:
        with pytest.raises(ContainerdError) as refused:
            other.pull(SEEDED, creds=CREDS)
        assert "x509: certificate signed by unknown authority" in refused.value.stderr
        with pytest.raises(HarnessError, match="never turns TLS verification off"):
            other.run("images", "pull", "--skip-verify", SEEDED)


# ---------------------------------------------------------------------------------------------------------------------
# oras

def _files(directory: pathlib.Path) -> list[pathlib.Path]:
    directory.mkdir()
    text, blob = directory / "notes.txt", directory / "data.bin"
    text.write_text("an artifact pushed by oras\n")
    blob.write_bytes(os.urandom(4096))
    return [text, blob]


def test_oras_push_and_pull_with_credentials(oras: Oras, target: Target, tmp_path: pathlib.Path) -> None:
    files = _files(tmp_path / "in")
    digest = oras.push(f"{HOST}/oras/artifact:v1", files, creds=CREDS)
    assert digest is not None and digest == target.manifest_digest("oras/artifact", "v1")
    # oras-py's basic backend sends each request without credentials first and repeats it after the 401
    assert oras.last_trace[0]["authorization"] is None and oras.last_trace[0]["status"] == 401
    assert oras.last_trace[0]["challenge"] == f'Basic realm="{REALM}"'
    assert all(e["status"] != 401 for e in oras.last_trace if e["authorization"] == "Basic"), oras.last_trace
    assert oras.last_retries == 0
    pulled = oras.pull(f"{HOST}/oras/artifact:v1", tmp_path / "out", creds=CREDS)
    assert sorted(path.name for path in pulled) == sorted(path.name for path in files)
    for path in files:
        assert (tmp_path / "out" / path.name).read_bytes() == path.read_bytes()


def test_oras_wrong_password_fails(oras: Oras, target: Target, tmp_path: pathlib.Path) -> None:
    files = _files(tmp_path / "in")
    with pytest.raises(OrasError) as refused:
        oras.push(f"{HOST}/oras/refused:v1", files, creds=WRONG)
    assert refused.value.status == 401
    assert target.manifest_digest("oras/refused", "v1") is None
    assert oras.push(f"{HOST}/oras/refused:v1", files, creds=CREDS) is not None
    with pytest.raises(OrasError) as refused:
        oras.pull(f"{HOST}/oras/refused:v1", tmp_path / "out", creds=WRONG)
    assert refused.value.status == 401
    # no credentials at all (nothing stored): oras's basic backend cannot answer the 401 and retries, in vain
    with pytest.raises(OrasError) as refused:
        oras.pull(f"{HOST}/oras/refused:v1", tmp_path / "out")
    assert refused.value.status == 401 and refused.value.error.startswith("AttributeError"), refused.value.error
    assert all(e["authorization"] is None for e in refused.value.trace)
    assert not (tmp_path / "out" / "notes.txt").exists()


def test_oras_login_accepts_a_wrong_password_without_asking_the_registry(oras: Oras, target: Target,
                                                                         tmp_path: pathlib.Path) -> None:
    files = _files(tmp_path / "in")
    oras.push(f"{HOST}/oras/login:v1", files, creds=CREDS)
    connections = target.proxy.connections
    assert oras.login(HOST, WRONG) == {"Status": "Login Succeeded"}
    assert target.proxy.connections == connections, "oras login connected to the registry"
    assert oras.last_trace == []
    stored = base64.b64encode(f"{WRONG[0]}:{WRONG[1]}".encode()).decode()
    assert oras.stored_auths() == {HOST: {"auth": stored}}
    with pytest.raises(OrasError) as refused:  # the stored (wrong) password only fails now
        oras.pull(f"{HOST}/oras/login:v1", tmp_path / "out")
    assert refused.value.status == 401
    oras.login(HOST, CREDS)
    assert len(oras.pull(f"{HOST}/oras/login:v1", tmp_path / "out")) == len(files)


def test_oras_verifies_the_registry_certificate(target: Target, tmp_path: pathlib.Path) -> None:
    other = Oras(tmp_path / "oras", ca_file=another_ca_file(tmp_path), proxy_url=target.proxy.url)
    with pytest.raises(OrasError) as refused:
        other.pull(f"{HOST}/oras/artifact:v1", tmp_path / "out", creds=CREDS)
    assert refused.value.error.startswith("SSLError"), refused.value.error
    assert "CERTIFICATE_VERIFY_FAILED" in refused.value.error
    assert refused.value.status is None  # no HTTP exchange happened
