"""The constructs' SYNTHESIZED manifests run as the real registry (Debian's distribution 2.8.2) on a real S3 server
(SeaweedFS) or a volume, driven by a real client (skopeo) over TLS that the client verifies."""

from __future__ import annotations

import pathlib

import bcrypt
import cdk8s
import pytest

import main
from constructs_lib import HtpasswdAuth, HttpSecret, Registry, RegistryChart, S3Credentials, Storage

from ._constructs import CREDS, PASSWORD, PROBES_OK, USER, synth, user_secret
from .conftest import MakeImage, StartRegistry
from .harness import RegistryApi, RegistryPod, SeaweedS3, Skopeo, SkopeoError, assert_same_image


def htpasswd_made_by_a_user() -> str:
    # What `htpasswd -nbB` writes: a $2y$ hash, random salt, low cost to keep the test fast.
    hashed = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=5)).decode().replace("$2b$", "$2y$", 1)
    return f"{USER}:{hashed}\n"


def round_trip(registry: RegistryPod, skopeo: Skopeo, make_image: MakeImage, tmp_path: pathlib.Path,
               repository: str) -> str:
    """Push an image with random layers, pull it back, compare digests and bytes; return the manifest digest."""
    image = make_image(layer_sizes=(64 * 1024, 8 * 1024))
    digest = skopeo.push(image, f"{registry.address}/{repository}:v1", creds=CREDS)
    destination = tmp_path / f"pulled-{repository.replace('/', '-')}"
    pulled = skopeo.pull(f"{registry.address}/{repository}:v1", destination, creds=CREDS)
    assert_same_image(image, pulled)
    assert digest == image.manifest_digest
    return digest


def test_s3_keys_from_values_and_users_from_passwords(
        start_registry: StartRegistry, s3_server: SeaweedS3, skopeo: Skopeo, make_image: MakeImage,
        tmp_path: pathlib.Path) -> None:
    # GIVEN a registry with users hashed at synth time, S3 keys given as values, deletes on
    manifests = synth(lambda chart: Registry(
        chart, "Registry", name="registry", delete_enabled=True,
        auth=HtpasswdAuth.from_users({USER: PASSWORD, "bob": "another password"}, cost=4),
        http_secret=HttpSecret.from_value("0123456789abcdef0123456789abcdef"),
        storage=Storage.s3(bucket=s3_server.bucket, region=s3_server.region, endpoint=s3_server.endpoint_url,
                           root_directory="/values", credentials=S3Credentials.from_values(
                               access_key_id=s3_server.access_key, secret_access_key=s3_server.secret_key)),
    ))

    # WHEN the real registry runs from them (only the upload purger is switched off for SeaweedFS)
    registry = start_registry(manifests, overrides={"REGISTRY_STORAGE_MAINTENANCE_UPLOADPURGING": "{enabled: false}"})
    api = RegistryApi(registry.address, tls=registry.tls, creds=CREDS)

    # THEN probes answer, anonymous and wrong passwords get 401, and an image round-trips byte for byte
    assert registry.check_probes() == PROBES_OK
    api.assert_auth_required()
    digest = round_trip(registry, skopeo, make_image, tmp_path, "team/app")
    assert api.catalog() == ["team/app"]
    assert api.tags("team/app") == ["v1"]
    # AND the blobs are in the bucket under the root directory, and nowhere else
    keys = s3_server.list_keys("values/")
    assert any(key.endswith(digest.split(":")[1] + "/data") for key in keys), keys[:10]
    assert all(key.startswith("values/docker/registry/v2/") for key in keys)
    assert s3_server.list_keys("docker/") == []  # nothing at the bucket's root
    # AND the second user works too, and deleting works because it is enabled
    assert RegistryApi(registry.address, tls=registry.tls, creds=("bob", "another password")).request(
        "GET", "/v2/")[0] == 200
    skopeo.delete(f"{registry.address}/team/app@{digest}", creds=CREDS)
    assert api.manifest_digest("team/app", digest) is None


def test_s3_keys_and_htpasswd_from_existing_secrets_survive_a_restart(
        start_registry: StartRegistry, s3_server: SeaweedS3, skopeo: Skopeo, make_image: MakeImage,
        tmp_path: pathlib.Path) -> None:
    # GIVEN a registry that reads everything from Secrets the user created, with custom keys
    manifests = synth(lambda chart: Registry(
        chart, "Registry", name="registry",
        auth=HtpasswdAuth.from_secret("users", key="users.htpasswd", realm="Team registry"),
        storage=Storage.s3(bucket=s3_server.bucket, region=s3_server.region, endpoint=s3_server.endpoint_url,
                           root_directory="/secret", credentials=S3Credentials.from_secret(
                               "minio-keys", access_key_key="id", secret_key_key="key")),
    ))
    assert "Secret" not in {m["kind"] for m in manifests}
    secrets = [user_secret("users", {"users.htpasswd": htpasswd_made_by_a_user()}),
               user_secret("minio-keys", {"id": s3_server.access_key, "key": s3_server.secret_key})]

    # WHEN it runs, gets an image, and its pod is replaced
    registry = start_registry(manifests, secrets,
                              overrides={"REGISTRY_STORAGE_MAINTENANCE_UPLOADPURGING": "{enabled: false}"})
    api = RegistryApi(registry.address, tls=registry.tls, creds=CREDS)
    api.assert_auth_required()
    _status, headers, _ = api.request("GET", "/v2/", creds=None)
    assert headers["www-authenticate"] == 'Basic realm="Team registry"'
    digest = round_trip(registry, skopeo, make_image, tmp_path, "app")
    registry.restart(pod_replaced=True)

    # THEN nothing pushed is lost, and deleting is refused because it is off by default
    assert api.manifest_digest("app", "v1") == digest
    pulled = skopeo.pull(f"{registry.address}/app:v1", tmp_path / "after-restart", creds=CREDS)
    assert pulled.manifest_digest == digest
    assert api.request("DELETE", f"/v2/app/manifests/{digest}")[0] == 405
    assert any(key.startswith("secret/docker/registry/v2/blobs/") for key in s3_server.list_keys("secret/"))


def test_s3_with_a_wrong_secret_key_cannot_store_anything(
        start_registry: StartRegistry, s3_server: SeaweedS3, skopeo: Skopeo, make_image: MakeImage) -> None:
    # GIVEN the S3 secret key is wrong (the real server checks it)
    manifests = synth(lambda chart: Registry(
        chart, "Registry", name="registry", auth=None,
        storage=Storage.s3(bucket=s3_server.bucket, region=s3_server.region, endpoint=s3_server.endpoint_url,
                           root_directory="/wrong", credentials=S3Credentials.from_values(
                               access_key_id=s3_server.access_key, secret_access_key="not-the-key")),
    ))
    registry = start_registry(manifests, overrides={"REGISTRY_STORAGE_MAINTENANCE_UPLOADPURGING": "{enabled: false}"})

    # WHEN / THEN a push fails and nothing reaches the bucket: the keys really are what the registry uses
    with pytest.raises(SkopeoError):
        skopeo.push(make_image(), f"{registry.address}/app:v1", creds=None)
    assert s3_server.list_keys("wrong/") == []


def test_filesystem_volume_keeps_images_across_restarts(
        start_registry: StartRegistry, skopeo: Skopeo, make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN the default storage (a claim) and users from passwords
    manifests = synth(lambda chart: Registry(chart, "Registry", name="registry",
                                             auth=HtpasswdAuth.from_users({USER: PASSWORD}, cost=4)))

    # WHEN an image is pushed and the pod is replaced
    registry = start_registry(manifests)
    api = RegistryApi(registry.address, tls=registry.tls, creds=CREDS)
    assert registry.check_probes() == PROBES_OK
    digest = round_trip(registry, skopeo, make_image, tmp_path, "base/alpine")
    blobs = registry.host_path("/var/lib/registry") / "docker" / "registry" / "v2" / "blobs" / "sha256"
    registry.restart(pod_replaced=True)

    # THEN the blobs are on the volume and the image is still served
    assert (blobs / digest.split(":")[1][:2] / digest.split(":")[1] / "data").is_file()
    assert api.manifest_digest("base/alpine", "v1") == digest
    api.assert_auth_required()
    with pytest.raises(SkopeoError):
        skopeo.push(make_image(), f"{registry.address}/base/alpine:v2", creds=(USER, "wrong password"))


def test_default_app_as_synthesized(
        start_registry: StartRegistry, s3_server: SeaweedS3, skopeo: Skopeo, make_image: MakeImage,
        tmp_path: pathlib.Path) -> None:
    # GIVEN the default app from main.py, and the Secrets its docstring tells the user to create
    app = cdk8s.Testing.app()
    manifests = cdk8s.Testing.synth(main.build(app))
    secrets = [
        user_secret("registry-htpasswd", {"htpasswd": htpasswd_made_by_a_user()}),
        user_secret("registry-s3", {"accesskey": s3_server.access_key, "secretkey": s3_server.secret_key}),
        user_secret("registry-http-secret", {"http-secret": "a-stable-random-value-0123456789"}),
    ]

    # WHEN it runs, reaching MinIO by its cluster name (minio.minio.svc.cluster.local: the S3 server's Service)
    registry = start_registry(manifests, secrets, overrides={
        "REGISTRY_STORAGE_MAINTENANCE_UPLOADPURGING": "{enabled: false}",
        # The bucket the app names: this server holds one bucket, so the test maps the app's to it.
        "REGISTRY_STORAGE_S3_BUCKET": s3_server.bucket,
        "REGISTRY_STORAGE_S3_ROOTDIRECTORY": "/default-app",
    })
    api = RegistryApi(registry.address, tls=registry.tls, creds=CREDS)

    # THEN it serves pushes and pulls with auth, and deletes (the app enables them)
    assert registry.check_probes() == PROBES_OK
    api.assert_auth_required()
    digest = round_trip(registry, skopeo, make_image, tmp_path, "homelab/app")
    assert api.catalog() == ["homelab/app"]
    api.delete_manifest("homelab/app", digest)
    assert api.manifest_digest("homelab/app", digest) is None


def test_chart_with_several_replicas_shares_uploads_between_pods(
        start_registry: StartRegistry, s3_server: SeaweedS3, skopeo: Skopeo, make_image: MakeImage,
        tmp_path: pathlib.Path) -> None:
    # GIVEN the chart with two replicas on S3 and a shared http secret
    app = cdk8s.Testing.app()
    chart = RegistryChart(
        app, "registry", host="registry.example.com", replicas=2, ui=False,
        auth=HtpasswdAuth.from_users({USER: PASSWORD}, cost=4),
        http_secret=HttpSecret.from_value("shared-by-every-replica-0123456789"),
        storage=Storage.s3(bucket=s3_server.bucket, region=s3_server.region, endpoint=s3_server.endpoint_url,
                           root_directory="/replicas", credentials=S3Credentials.from_values(
                               access_key_id=s3_server.access_key, secret_access_key=s3_server.secret_key)),
    )
    manifests = cdk8s.Testing.synth(chart)
    overrides = {"REGISTRY_STORAGE_MAINTENANCE_UPLOADPURGING": "{enabled: false}"}

    # WHEN two registry processes run from the same objects and one pushes
    first = start_registry(manifests, overrides=overrides)
    second = start_registry(manifests, overrides=overrides)
    digest = round_trip(first, skopeo, make_image, tmp_path, "shared/app")

    # THEN the other serves it
    pulled = skopeo.pull(f"{second.address}/shared/app:v1", tmp_path / "from-second", creds=CREDS)
    assert pulled.manifest_digest == digest
