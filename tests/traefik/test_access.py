"""Access control (AccessControl) through the real Traefik 3.7 to the real registry (distribution 2.8.2, which runs
without auth of its own here, as the constructs configure it), with real clients: skopeo, podman, containerd's ctr
(the puller of k3s nodes) and oras (PyPI). Every client verifies the certificate (a test CA's, from a TLS Secret).

Two charts, each with its own registry process:
- `registry.example.com` (namespace `registry`): roles from values (a reader, a writer, an admin), anonymous pulls,
  deletes for admins;
- `closed.example.com` (namespace `closed`): lists from existing Secrets (AccessControl.from_secrets, the Secrets
  made by the test as a user would), no anonymous access, nobody may delete;
- `public.example.com` (namespace `public`, routed to the first registry): anonymous pulls and no user at all.
"""

from __future__ import annotations

import base64
import contextlib
import json
import pathlib
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import bcrypt
import cdk8s
import pytest
import trustme
from e2e.harness import (
    OciImage,
    RegistryPod,
    SkopeoError,
    assert_same_image,
    write_oci_image,
)
from pods._host import PodsHost
from pods._network import ClusterNetwork

from constructs_lib import AccessControl, AnonymousAccess, HtpasswdAuth, IngressTls, RegistryChart

from ._acme import PodmanError, VerifyingPodman, VerifyingSkopeo
from ._clients import Containerd, ContainerdError, Oras, OrasError
from ._fake_api import FakeKubeApi
from ._stack import Clients, TraefikProcess, UiStandIn, endpoint_slices, start_registry_pod, tls_secret
from ._tunnel import TunnelProxy

OPEN, CLOSED, PUBLIC = "registry.example.com", "closed.example.com", "public.example.com"
READER, WRITER, ADMIN = ("ci", "reader password"), ("alice", "writer password"), ("root", "admin password")
WRONG = ("ci", "not the password")
REALM = "Registry Realm"
MANIFEST_ACCEPT = "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json"


def _open_chart() -> list[dict[str, Any]]:
    app = cdk8s.Testing.app()
    chart = RegistryChart(
        app, "registry", host=OPEN, tls=IngressTls.secret("registry-tls"), delete_enabled=True,
        auth=AccessControl.by_role(readers=HtpasswdAuth.from_users(dict([READER]), cost=4),
                                   writers=HtpasswdAuth.from_users(dict([WRITER]), cost=4),
                                   admins=HtpasswdAuth.from_users(dict([ADMIN]), cost=4),
                                   anonymous=AnonymousAccess.PULL))
    return list(cdk8s.Testing.synth(chart))


def _closed_chart() -> list[dict[str, Any]]:
    app = cdk8s.Testing.app()
    chart = RegistryChart(app, "closed", host=CLOSED, tls=IngressTls.secret("closed-tls"),
                          auth=AccessControl.from_secrets(pull="closed-pull", push="closed-push"))
    return list(cdk8s.Testing.synth(chart))


def _public_chart() -> list[dict[str, Any]]:
    app = cdk8s.Testing.app()
    chart = RegistryChart(app, "public", host=PUBLIC, tls=IngressTls.secret("public-tls"), ui=False,
                          auth=AccessControl.by_role(anonymous=AnonymousAccess.PULL))
    return [m for m in cdk8s.Testing.synth(chart) if m["kind"] in ("IngressRoute", "Middleware", "TLSOption",
                                                                   "Service", "Secret")]


def _users_secret(name: str, namespace: str, *users: tuple[str, str]) -> dict[str, Any]:
    """A Secret as `kubectl create secret generic NAME --from-file=users=FILE` makes it from `htpasswd -B` lines."""
    lines = "".join(f"{user}:{bcrypt.hashpw(password.encode(), bcrypt.gensalt(4)).decode()}\n"
                    for user, password in users)
    return {"apiVersion": "v1", "kind": "Secret", "type": "Opaque", "metadata": {"name": name, "namespace": namespace},
            "data": {"users": base64.b64encode(lines.encode()).decode()}}


@dataclass
class AccessStack:
    manifests: list[dict[str, Any]]
    open_registry: RegistryPod
    closed_registry: RegistryPod
    ui: UiStandIn
    traefik: TraefikProcess
    proxy: TunnelProxy
    api: FakeKubeApi
    clients: Clients
    ca_dir: pathlib.Path
    ca_file: pathlib.Path
    workdir: pathlib.Path
    cleanup: contextlib.ExitStack

    def skopeo(self, name: str) -> VerifyingSkopeo:
        return VerifyingSkopeo(self.workdir / f"skopeo-{name}", ca_dir=self.ca_dir, proxy_url=self.proxy.url)

    def podman(self, name: str) -> VerifyingPodman:
        podman = VerifyingPodman(self.workdir / f"podman-{name}", ca_dir=self.ca_dir, proxy_url=self.proxy.url)
        self.cleanup.callback(podman.close)
        return podman

    def containerd(self, name: str) -> Containerd:
        containerd = Containerd(self.workdir / f"containerd-{name}", ca_file=self.ca_file, proxy_url=self.proxy.url)
        self.cleanup.callback(containerd.stop)
        return containerd.start()

    def oras(self, name: str) -> Oras:
        return Oras(self.workdir / f"oras-{name}", ca_file=self.ca_file, proxy_url=self.proxy.url)

    def request(self, method: str, host: str, path: str, creds: tuple[str, str] | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        all_headers = dict(headers or {})
        if creds is not None:
            all_headers["Authorization"] = _basic(*creds)
        return self.clients.https(method, host, path, headers=all_headers)


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


@pytest.fixture(scope="module")
def access(tmp_path_factory: pytest.TempPathFactory, pods_host: PodsHost,
        cluster_net: ClusterNetwork) -> Iterator[AccessStack]:
    workdir = tmp_path_factory.mktemp("access")
    open_manifests, closed_manifests = _open_chart(), _closed_chart()
    manifests = [*open_manifests, *closed_manifests, *_public_chart()]
    ca = trustme.CA()
    cert = ca.issue_cert(OPEN, CLOSED, PUBLIC)
    chain, key = b"".join(b.bytes() for b in cert.cert_chain_pems), cert.private_key_pem.bytes()
    ca_dir = workdir / "ca"
    ca_dir.mkdir()
    ca_file = ca_dir / "ca.crt"
    ca.cert_pem.write_to_path(str(ca_file))
    context = ssl.create_default_context(cafile=str(ca_file))  # the test CA only; hostname checks on
    with contextlib.ExitStack() as cleanup:
        registries = []
        for name, chart, namespace in (("open", open_manifests, "registry"), ("closed", closed_manifests, "closed")):
            registry = start_registry_pod(cleanup, chart, net=cluster_net, pods_host=pods_host,
                                          workdir=pods_host.base / f"{workdir.name}-registry-{name}",
                                          namespace=namespace)
            registries.append(registry)
        ui = UiStandIn().start()
        cleanup.callback(ui.stop)
        open_backend, closed_backend = ((r.ip, r.port) for r in registries)
        backends: dict[tuple[str, str], int | tuple[str, int]] = {
            ("registry", "registry"): open_backend, ("closed", "registry"): closed_backend,
            ("registry", "registry-ui"): ui.port, ("closed", "registry-ui"): ui.port,
            ("public", "registry"): open_backend}
        api = FakeKubeApi([
            *manifests, *endpoint_slices(manifests, backends),
            tls_secret("registry-tls", "registry", chain, key), tls_secret("closed-tls", "closed", chain, key),
            tls_secret("public-tls", "public", chain, key),
            _users_secret("closed-pull", "closed", READER, WRITER), _users_secret("closed-push", "closed", WRITER),
        ]).start()
        cleanup.callback(api.stop)
        traefik = TraefikProcess(workdir / "traefik", api_url=api.url)
        cleanup.callback(traefik.stop)
        traefik.start()
        proxy = TunnelProxy({(host, 443): traefik.websecure_port for host in (OPEN, CLOSED, PUBLIC)}).start()
        cleanup.callback(proxy.stop)
        clients = Clients(proxy.port, contexts={OPEN: context, CLOSED: context, PUBLIC: context})
        yield AccessStack(manifests, registries[0], registries[1], ui, traefik, proxy, api, clients, ca_dir, ca_file,
                          workdir, cleanup)


@pytest.fixture(scope="module")
def pushed(access: AccessStack, tmp_path_factory: pytest.TempPathFactory) -> OciImage:
    """team/app:v1 on both hosts, pushed by the writer with skopeo."""
    image = write_oci_image(tmp_path_factory.mktemp("image") / "layout", layer_sizes=(64 * 1024, 8 * 1024))
    skopeo = access.skopeo("writer")
    for host in (OPEN, CLOSED):
        skopeo.push(image, f"{host}/team/app:v1", creds=WRITER)
    return image


# --- Traefik took every object ----------------------------------------------------------------------------------------

def test_traefik_builds_every_route_and_check_without_a_problem(access: AccessStack) -> None:
    # GIVEN both charts' objects and the user's Secrets served to the real Traefik
    # WHEN it built its configuration
    routers = access.traefik.crd_objects("routers")
    middlewares = access.traefik.crd_objects("middlewares")
    # THEN it logged no problem and enabled every route: 4 on the open host (delete, write, anonymous read, read),
    # 2 on the closed one (write, read), with the UI's
    assert access.traefik.problems() == []
    assert access.api.unexpected == []
    # AND every route of our two registry IngressRoutes is enabled with its own checks, as synthesized (4 on the open
    # host: delete, write, anonymous read, read; 2 on the closed one: write, read)
    synthesized = sorted(
        (m["metadata"]["namespace"], route["match"], tuple(f"{m['metadata']['namespace']}-{mw['name']}@kubernetescrd"
                                                           for mw in route.get("middlewares", [])))
        for m in access.manifests if m["kind"] == "IngressRoute" and m["metadata"]["name"] == "registry"
        for route in m["spec"]["routes"])
    built = sorted((r["observability"]["metadata"]["ingress"]["namespace"], r["rule"], tuple(r.get("middlewares", [])))
                   for r in routers.values()
                   if r["observability"]["metadata"]["ingress"]["name"] == "registry" and r["status"] == "enabled")
    assert built == synthesized
    assert [len([r for r in synthesized if r[0] == ns]) for ns in ("registry", "closed", "public")] == [4, 2, 1]
    # AND each list of users became a basicAuth check reading its Secret, the header removed before the registry
    checks = {name.split("@")[0]: middleware for name, middleware in middlewares.items() if "basicAuth" in middleware}
    assert sorted(checks) == ["closed-registry-pull-auth", "closed-registry-push-auth", "registry-registry-delete-auth",
                              "registry-registry-pull-auth", "registry-registry-push-auth"]
    for middleware in checks.values():
        assert middleware["status"] == "enabled"
        assert middleware["basicAuth"]["removeHeader"] is True
        assert middleware["basicAuth"]["realm"] == REALM


# --- The rules, request by request ------------------------------------------------------------------------------------

def _challenged(status: int, headers: dict[str, str]) -> bool:
    return status == 401 and headers.get("www-authenticate") == f'Basic realm="{REALM}"'


def test_every_login_is_checked_even_with_anonymous_pulls(access: AccessStack) -> None:
    for host in (OPEN, CLOSED):
        # GIVEN GET /v2/, what `docker login` / `podman login` send (first without, then with credentials)
        # THEN without credentials (or with the empty pair containers/image sends) it is challenged, even where
        # anonymous pulls are allowed, so that clients send their credentials and logins are checked
        assert _challenged(*access.request("GET", host, "/v2/")[:2]), host
        assert _challenged(*access.request("GET", host, "/v2/", headers={"Authorization": "Basic Og=="})[:2]), host
        # AND a wrong password is refused, every user who may pull is let in
        assert _challenged(*access.request("GET", host, "/v2/", WRONG)[:2]), host
        for creds in (READER, WRITER):
            status, headers, _ = access.request("GET", host, "/v2/", creds)
            assert (status, headers.get("docker-distribution-api-version")) == (200, "registry/2.0"), (host, creds)
    assert access.request("GET", OPEN, "/v2/", ADMIN)[0] == 200


def test_anonymous_pulls_where_allowed_and_nothing_else(access: AccessStack, pushed: OciImage) -> None:
    del pushed
    manifest = "/v2/team/app/manifests/v1"
    accept = {"Accept": MANIFEST_ACCEPT}
    # GIVEN no credentials on the open host
    # THEN manifests (GET and HEAD) and the tag list are served
    status, _, body = access.request("GET", OPEN, manifest, headers=accept)
    assert status == 200 and json.loads(body)["layers"], status
    assert access.request("HEAD", OPEN, manifest, headers=accept)[0] == 200
    assert json.loads(access.request("GET", OPEN, "/v2/team/app/tags/list")[2]) == {"name": "team/app",
                                                                                      "tags": ["v1"]}
    # AND the empty pair containers/image clients send after a challenge counts as no credentials
    assert access.request("GET", OPEN, manifest, headers={**accept, "Authorization": "Basic Og=="})[0] == 200
    # AND the catalog (every repository's name) is not: it needs a user
    assert _challenged(*access.request("GET", OPEN, "/v2/_catalog")[:2])
    # AND no write, upload or delete is anonymous
    for method, path in (("POST", "/v2/team/app/blobs/uploads/"), ("PUT", "/v2/team/app/manifests/v2"),
                         ("PATCH", "/v2/team/app/blobs/uploads/x"), ("DELETE", "/v2/team/app/manifests/v1"),
                         ("DELETE", "/v2/team/app/blobs/uploads/x")):
        assert _challenged(*access.request(method, OPEN, path)[:2]), (method, path)
    # AND a wrong password is refused, not taken as anonymous
    assert _challenged(*access.request("GET", OPEN, manifest, WRONG, accept)[:2])
    # AND on the closed host nothing is anonymous
    for path in (manifest, "/v2/team/app/tags/list", "/v2/_catalog"):
        assert _challenged(*access.request("GET", CLOSED, path, headers=accept)[:2]), path


def test_catalog_and_tag_lists_for_users(access: AccessStack, pushed: OciImage) -> None:
    del pushed
    # GIVEN a reader: the catalog lists every repository, and the tag lists every tag
    for host in (OPEN, CLOSED):
        status, _, body = access.request("GET", host, "/v2/_catalog", READER)
        assert (status, json.loads(body)) == (200, {"repositories": ["team/app"]}), host
        status, _, body = access.request("GET", host, "/v2/team/app/tags/list", READER)
        assert (status, json.loads(body)["tags"]) == (200, ["v1"]), host


def test_anonymous_only_serves_pulls_and_nothing_else(access: AccessStack, pushed: OciImage,
                                                     tmp_path: pathlib.Path) -> None:
    # GIVEN a registry with anonymous pulls and no user (a public mirror): nothing is challenged, since nobody could
    # answer; /v2/ answers anonymously, so clients pull
    status, headers, _ = access.request("GET", PUBLIC, "/v2/")
    assert (status, headers.get("docker-distribution-api-version")) == (200, "registry/2.0")
    assert_same_image(pushed, access.skopeo("public").pull(f"{PUBLIC}/team/app:v1", tmp_path / "pulled", creds=None))
    # AND writes, the catalog and requests with credentials find no route
    for method, path, creds in (("POST", "/v2/team/app/blobs/uploads/", None), ("GET", "/v2/_catalog", None),
                                ("DELETE", "/v2/team/app/manifests/v1", None), ("GET", "/v2/", WRITER)):
        assert access.request(method, PUBLIC, path, creds)[0] == 404, (method, path)


# --- skopeo -----------------------------------------------------------------------------------------------------------

def test_skopeo_matrix(access: AccessStack, pushed: OciImage, tmp_path: pathlib.Path) -> None:
    skopeo = access.skopeo("matrix")
    ref = f"{OPEN}/team/app:v1"
    # GIVEN the open host: anonymous, the reader and the writer pull the writer's image
    for name, creds in (("anonymous", None), ("reader", READER), ("writer", WRITER)):
        assert_same_image(pushed, skopeo.pull(ref, tmp_path / name, creds=creds))
    # AND a wrong password gets 401, which skopeo reports
    with pytest.raises(SkopeoError, match=r"authentication required|unauthorized"):
        skopeo.pull(ref, tmp_path / "wrong", creds=WRONG)
    # AND anonymous and the reader cannot push; skopeo reports the registry's refusal
    for creds in (None, READER):
        with pytest.raises(SkopeoError, match=r"authentication required"):
            skopeo.push(pushed, f"{OPEN}/team/app:refused", creds=creds)
    # AND the closed host pulls for its users only
    with pytest.raises(SkopeoError, match=r"authentication required"):
        skopeo.pull(f"{CLOSED}/team/app:v1", tmp_path / "closed-anonymous", creds=None)
    assert_same_image(pushed, skopeo.pull(f"{CLOSED}/team/app:v1", tmp_path / "closed-reader", creds=READER))
    with pytest.raises(SkopeoError, match=r"authentication required"):
        skopeo.push(pushed, f"{CLOSED}/team/app:refused", creds=READER)
    # AND no refused push left a tag behind
    for host in (OPEN, CLOSED):
        assert json.loads(access.request("GET", host, "/v2/team/app/tags/list", WRITER)[2])["tags"] == ["v1"]


def test_skopeo_deletes_only_as_admin(access: AccessStack, tmp_path: pathlib.Path) -> None:
    skopeo = access.skopeo("delete")
    image = write_oci_image(tmp_path / "layout", layer_sizes=(4096,))
    digest = skopeo.push(image, f"{OPEN}/team/doomed:v1", creds=WRITER)
    # GIVEN an image the writer pushed; WHEN the reader, the writer and anonymous delete it THEN each is refused
    for creds in (None, READER, WRITER):
        with pytest.raises(SkopeoError, match=r"401 Unauthorized"):
            skopeo.delete(f"{OPEN}/team/doomed@{digest}", creds=creds)
    assert access.request("HEAD", OPEN, "/v2/team/doomed/manifests/v1", headers={"Accept": MANIFEST_ACCEPT})[0] == 200
    # AND the admin deletes it
    skopeo.delete(f"{OPEN}/team/doomed@{digest}", creds=ADMIN)
    assert access.request("HEAD", OPEN, "/v2/team/doomed/manifests/v1", headers={"Accept": MANIFEST_ACCEPT})[0] == 404
    # AND on the closed host nobody may delete: the registry refuses deletes (405), for the writer too
    closed_digest = skopeo.push(image, f"{CLOSED}/team/doomed:v1", creds=WRITER)
    status, _, body = access.request("DELETE", CLOSED, f"/v2/team/doomed/manifests/{closed_digest}", WRITER)
    assert status == 405, body
    assert _challenged(*access.request("DELETE", CLOSED, f"/v2/team/doomed/manifests/{closed_digest}", READER)[:2])


def test_skopeo_login(access: AccessStack) -> None:
    skopeo = access.skopeo("login")
    authfile = skopeo.workdir / "login.json"
    for host in (OPEN, CLOSED):
        # GIVEN a wrong password THEN `skopeo login` fails and stores nothing
        with pytest.raises(SkopeoError, match=r"invalid username/password"):
            skopeo.run("login", f"--authfile={authfile}", f"--cert-dir={access.ca_dir}", "-u", WRONG[0], "-p",
                       WRONG[1], host)
        assert not authfile.exists() or host not in json.loads(authfile.read_text()).get("auths", {})
        # AND the reader's login succeeds
        skopeo.run("login", f"--authfile={authfile}", f"--cert-dir={access.ca_dir}", "-u", READER[0], "-p",
                   READER[1], host)
        assert host in json.loads(authfile.read_text())["auths"]


# --- podman -----------------------------------------------------------------------------------------------------------

def test_podman_matrix(access: AccessStack, pushed: OciImage) -> None:
    # GIVEN podman without a login THEN it pulls from the open host, and not from the closed one
    anonymous = access.podman("anonymous")
    assert anonymous.pull(f"{OPEN}/team/app:v1")
    with pytest.raises(PodmanError, match=r"authentication required|unauthorized"):
        anonymous.pull(f"{CLOSED}/team/app:v1")
    # AND `podman login` refuses a wrong password and stores nothing
    reader = access.podman("reader")
    for host in (OPEN, CLOSED):
        with pytest.raises(PodmanError, match=r"invalid username/password"):
            reader.login(host, WRONG)
    assert json.loads(reader.authfile.read_text()) == {"auths": {}}
    # AND the reader logs in to both, pulls from both, and cannot push
    for host in (OPEN, CLOSED):
        reader.login(host, READER)
        assert reader.pull(f"{host}/team/app:v1")
        reader.run("tag", f"{host}/team/app:v1", f"{host}/team/app:by-reader")
        with pytest.raises(PodmanError, match=r"authentication required|unauthorized"):
            reader.push(f"{host}/team/app:by-reader")
    # AND the writer logs in and pushes to both
    writer = access.podman("writer")
    image_id = writer.load_oci(pushed, f"{OPEN}/team/podman:v1")
    writer.run("tag", image_id, f"{CLOSED}/team/podman:v1")
    for host in (OPEN, CLOSED):
        writer.login(host, WRITER)
        digest = writer.push(f"{host}/team/podman:v1")
        assert access.request("HEAD", host, "/v2/team/podman/manifests/v1", READER,
                              {"Accept": MANIFEST_ACCEPT})[1]["docker-content-digest"] == digest


# --- containerd's ctr: the puller of k3s nodes ------------------------------------------------------------------------

def test_ctr_matrix(access: AccessStack, pushed: OciImage) -> None:
    containerd = access.containerd("matrix")
    expected = access.request("HEAD", OPEN, "/v2/team/app/manifests/v1", READER,
                              {"Accept": MANIFEST_ACCEPT})[1]["docker-content-digest"]
    # GIVEN a k3s node's containerd with no credentials for the registry THEN it pulls from the open host
    assert containerd.pull(f"{OPEN}/team/app:v1") == expected
    # AND not from the closed one, nor with a wrong password
    for creds in (None, WRONG):
        with pytest.raises(ContainerdError, match=r"401 Unauthorized"):
            containerd.pull(f"{CLOSED}/team/app:v1", creds=creds)
    # AND a wrong password goes unnoticed where pulls are anonymous: ctr sends credentials only after a challenge,
    # and anonymous reads are never challenged
    assert containerd.pull(f"{OPEN}/team/app:v1", creds=WRONG) == expected
    # AND with the reader's credentials (registries.yaml's `auth`) it pulls from the closed host
    assert containerd.pull(f"{CLOSED}/team/app:v1", creds=READER) == expected
    # AND pushes are refused anonymously and for the reader, done for the writer (ctr retries after the challenge)
    containerd.import_oci(pushed, f"{OPEN}/team/ctr:v1")
    for creds in (None, READER):
        with pytest.raises(ContainerdError, match=r"401 Unauthorized"):
            containerd.push(f"{OPEN}/team/ctr:v1", creds=creds)
    digest = containerd.push(f"{OPEN}/team/ctr:v1", creds=WRITER)
    assert access.request("HEAD", OPEN, "/v2/team/ctr/manifests/v1", READER,
                          {"Accept": MANIFEST_ACCEPT})[1]["docker-content-digest"] == digest


# --- oras -------------------------------------------------------------------------------------------------------------

def test_oras_matrix(access: AccessStack, tmp_path: pathlib.Path) -> None:
    oras = access.oras("matrix")
    artifact = tmp_path / "notes.txt"
    artifact.write_text("an artifact next to the images\n")
    # GIVEN the writer's push of an artifact to both hosts
    for host in (OPEN, CLOSED):
        assert oras.push(f"{host}/team/notes:v1", [artifact], creds=WRITER)
    # THEN it is pulled anonymously from the open host, byte for byte
    (pulled,) = oras.pull(f"{OPEN}/team/notes:v1", tmp_path / "anonymous")
    assert pulled.read_bytes() == artifact.read_bytes()
    # AND from the closed one only with credentials
    with pytest.raises(OrasError):
        oras.pull(f"{CLOSED}/team/notes:v1", tmp_path / "closed-anonymous")
    (pulled,) = oras.pull(f"{CLOSED}/team/notes:v1", tmp_path / "closed-reader", creds=READER)
    assert pulled.read_bytes() == artifact.read_bytes()
    # AND the reader and a wrong password cannot push: 401
    for creds in (READER, WRONG):
        with pytest.raises(OrasError) as refused:
            oras.push(f"{OPEN}/team/notes:v2", [artifact], creds=creds)
        assert refused.value.status == 401, refused.value
    assert json.loads(access.request("GET", OPEN, "/v2/team/notes/tags/list")[2])["tags"] == ["v1"]


# --- the web UI -------------------------------------------------------------------------------------------------------

def test_the_ui_for_a_reader_a_writer_and_an_admin(access: AccessStack, tmp_path: pathlib.Path) -> None:
    # GIVEN the UI's page: served without credentials (static files; the registry API calls carry the user's)
    status, _, _ = access.request("GET", OPEN, "/ui/")
    assert status == 200 and access.ui.seen[-1].path == "/"
    assert "authorization" not in access.ui.seen[-1].headers
    # WHEN the page calls the registry API as the browser does after the user answered the challenge
    digest = access.skopeo("ui").push(write_oci_image(tmp_path / "layout", layer_sizes=(2048,)),
                                      f"{OPEN}/team/ui:v1", creds=WRITER)
    for creds in (READER, WRITER, ADMIN):
        # THEN the reader, the writer and the admin list repositories, tags and manifests
        assert "team/ui" in json.loads(access.request("GET", OPEN, "/v2/_catalog?n=100", creds)[2])["repositories"]
        assert json.loads(access.request("GET", OPEN, "/v2/team/ui/tags/list", creds)[2])["tags"] == ["v1"]
        status, headers, _ = access.request("GET", OPEN, "/v2/team/ui/manifests/v1", creds,
                                            {"Accept": MANIFEST_ACCEPT})
        assert (status, headers["docker-content-digest"]) == (200, digest)
    # AND the reader's and the writer's deletes are refused (the browser asks again), the admin's is done
    for creds in (READER, WRITER):
        assert _challenged(*access.request("DELETE", OPEN, f"/v2/team/ui/manifests/{digest}", creds)[:2])
    assert access.request("DELETE", OPEN, f"/v2/team/ui/manifests/{digest}", ADMIN)[0] == 202
