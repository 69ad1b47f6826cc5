"""Self-tests of the pod harness (RegistryPod on the pod runner: runc, a pod network, the paths as written) with
hand-written manifests shaped like cdk8s output (apps/v1 Deployment, Secrets, a PVC, a ConfigMap, a Job): volumes and
their lifetimes, probes, the image's entrypoint, service links, init containers rendering Secrets into files, and what
the runner refuses. The S3 server is the e2e modules' (a pod behind minio.minio.svc.cluster.local:9000)."""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import pathlib
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import bcrypt
import pytest
import yaml
from pods._host import PodsHost

from ._s3 import S3_PORT, S3_SERVICE
from .conftest import MakeImage, StartRegistry
from .harness import (
    HarnessError,
    RegistryApi,
    RegistryPod,
    SeaweedS3,
    Skopeo,
    SkopeoError,
    assert_same_image,
)

USER, PASSWORD = "pusher", "correct horse battery"
NAMESPACE = "registry"
S3_ENDPOINT = f"http://{S3_SERVICE}:{S3_PORT}"
Manifest = dict[str, Any]


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def htpasswd_line(user: str, password: str) -> str:
    # Low cost on purpose: the registry checks bcrypt on every request, and a push makes dozens of them.
    return f"{user}:{bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=5)).decode()}\n"


def secret_ref(name: str, key: str) -> dict[str, Any]:
    return {"secretKeyRef": {"name": name, "key": key}}


def registry_manifests(*, storage_env: list[Manifest], pvc: bool = False) -> list[Manifest]:
    """Deployment + Secrets (+ PVC, Service) as cdk8s would synthesize them for the registry chart."""
    env: list[Manifest] = [
        {"name": "REGISTRY_AUTH", "value": "htpasswd"},
        {"name": "REGISTRY_AUTH_HTPASSWD_REALM", "value": "Private registry"},
        {"name": "REGISTRY_AUTH_HTPASSWD_PATH", "value": "/auth/htpasswd"},
        {"name": "REGISTRY_HTTP_SECRET", "valueFrom": secret_ref("registry-http", "secret")},
        {"name": "REGISTRY_STORAGE_DELETE_ENABLED", "value": "true"},
        *storage_env,
    ]
    mounts: list[Manifest] = [{"name": "htpasswd", "mountPath": "/auth", "readOnly": True}]
    volumes: list[Manifest] = [{"name": "htpasswd", "secret": {
        "secretName": "registry-htpasswd", "defaultMode": 0o440, "items": [{"key": "htpasswd", "path": "htpasswd"}]}}]
    objects: list[Manifest] = [
        {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
         "metadata": {"name": "registry-htpasswd", "namespace": NAMESPACE},
         "data": {"htpasswd": b64(htpasswd_line(USER, PASSWORD))}},
        {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
         "metadata": {"name": "registry-http", "namespace": NAMESPACE},
         "stringData": {"secret": "a-stable-random-http-secret"}},
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "registry", "namespace": NAMESPACE},
         "spec": {"selector": {"app": "registry"}, "ports": [{"name": "http", "port": 5000, "targetPort": 5000}]}},
    ]
    if pvc:
        mounts.append({"name": "data", "mountPath": "/var/lib/registry"})
        volumes.append({"name": "data", "persistentVolumeClaim": {"claimName": "registry-data"}})
        objects.append({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                        "metadata": {"name": "registry-data", "namespace": NAMESPACE},
                        "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}})
    probe = {"httpGet": {"path": "/", "port": "http", "scheme": "HTTP"}, "periodSeconds": 10}
    deployment: Manifest = {
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "registry", "namespace": NAMESPACE},
        "spec": {
            "replicas": 1, "selector": {"matchLabels": {"app": "registry"}}, "strategy": {"type": "Recreate"},
            "template": {
                "metadata": {"labels": {"app": "registry"}},
                "spec": {
                    "automountServiceAccountToken": False, "enableServiceLinks": False,
                    "securityContext": {"fsGroup": 1000, "runAsNonRoot": True, "runAsUser": 1000},
                    "containers": [{
                        "name": "registry", "image": "registry:2.8.3", "imagePullPolicy": "IfNotPresent",
                        "ports": [{"name": "http", "containerPort": 5000, "protocol": "TCP"}],
                        "env": env, "volumeMounts": mounts,
                        "readinessProbe": probe, "livenessProbe": {**copy.deepcopy(probe), "failureThreshold": 6},
                        "startupProbe": {"tcpSocket": {"port": 5000}, "periodSeconds": 2, "failureThreshold": 30},
                        "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"memory": "512Mi"}},
                        "securityContext": {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True},
                    }],
                    "volumes": volumes,
                },
            },
        },
    }
    return [deployment, *objects]


def existing_s3_secret(s3: SeaweedS3) -> Manifest:
    """What `kubectl create secret generic registry-s3 --from-literal=...` creates (data is base64)."""
    return {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
            "metadata": {"name": "registry-s3", "namespace": NAMESPACE},
            "data": {"accessKey": b64(s3.access_key), "secretKey": b64(s3.secret_key)}}


def s3_storage_env(s3: SeaweedS3, root: str) -> list[Manifest]:
    return [
        {"name": "REGISTRY_STORAGE", "value": "s3"},
        {"name": "REGISTRY_STORAGE_S3_REGION", "value": s3.region},
        {"name": "REGISTRY_STORAGE_S3_REGIONENDPOINT", "value": S3_ENDPOINT},
        {"name": "REGISTRY_STORAGE_S3_BUCKET", "value": s3.bucket},
        {"name": "REGISTRY_STORAGE_S3_ROOTDIRECTORY", "value": root},
        {"name": "REGISTRY_STORAGE_S3_ACCESSKEY", "valueFrom": secret_ref("registry-s3", "accessKey")},
        {"name": "REGISTRY_STORAGE_S3_SECRETKEY", "valueFrom": secret_ref("registry-s3", "secretKey")},
        {"name": "REGISTRY_STORAGE_REDIRECT_DISABLE", "value": "true"},
        {"name": "REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR", "value": "inmemory"},
    ]


def cluster_s3_env(s3: SeaweedS3, root: str) -> dict[str, str]:
    """The server's REGISTRY_STORAGE_S3_* settings, with the endpoint by its cluster name as a manifest holds it."""
    return {**s3.registry_env(root), "REGISTRY_STORAGE_S3_REGIONENDPOINT": S3_ENDPOINT}


def s3_overrides(s3: SeaweedS3) -> dict[str, str]:
    """What the harness changes for SeaweedFS: upload purging off (see SeaweedS3.registry_overrides); the endpoint
    stays the manifests' cluster name."""
    return {name: value for name, value in s3.registry_overrides().items()
            if name != "REGISTRY_STORAGE_S3_REGIONENDPOINT"}


def container_of(manifests: list[Manifest]) -> Manifest:
    container: Manifest = _pod(manifests)["containers"][0]
    return container


@pytest.fixture
def s3_root(request: pytest.FixtureRequest) -> str:
    """Each test's own root directory in the module's bucket."""
    return f"/harness/{request.node.name.replace('[', '-').replace(']', '')}"


@pytest.fixture
def s3_registry(start_registry: StartRegistry, s3_server: SeaweedS3, s3_root: str) -> RegistryPod:
    manifests = registry_manifests(storage_env=s3_storage_env(s3_server, s3_root))
    return start_registry(manifests, [existing_s3_secret(s3_server)], overrides=s3_overrides(s3_server))


@pytest.fixture
def pvc_registry(start_registry: StartRegistry) -> RegistryPod:
    return start_registry(registry_manifests(storage_env=[], pvc=True))


def api(registry: RegistryPod) -> RegistryApi:
    return RegistryApi(registry.address, tls=registry.tls, creds=(USER, PASSWORD))


# ---------------------------------------------------------------------------------------------------------------------
# Real round trips

def test_s3_push_pull_round_trip_with_catalog_tags_and_blobs_in_the_bucket(
        s3_registry: RegistryPod, s3_server: SeaweedS3, s3_root: str, skopeo: Skopeo, make_image: MakeImage,
        tmp_path: pathlib.Path) -> None:
    # GIVEN a registry on S3 (by its cluster name) built from the manifests, and an image of two random layers
    image = make_image([48 * 1024, 160 * 1024])

    # WHEN it is pushed and pulled back with skopeo over TLS with basic auth
    digest = skopeo.push(image, f"{s3_registry.address}/team/app:v1", creds=(USER, PASSWORD))
    pulled = skopeo.pull(f"{s3_registry.address}/team/app:v1", tmp_path / "pulled", creds=(USER, PASSWORD))

    # THEN digests and bytes match, the API lists it, and every blob is in the bucket under the root directory
    assert digest == image.manifest_digest
    assert_same_image(image, pulled)
    assert api(s3_registry).catalog() == ["team/app"]
    assert api(s3_registry).tags("team/app") == ["v1"]
    keys = s3_server.list_keys()
    for blob in (image.config_digest, *image.layer_digests):
        hexdigest = blob.split(":", 1)[1]
        expected = f"{s3_root.lstrip('/')}/docker/registry/v2/blobs/sha256/{hexdigest[:2]}/{hexdigest}/data"
        assert [key for key in keys if hexdigest in key and key.endswith("/data")] == [expected]
    # AND the harness changed only the TLS files and the purger; the endpoint is the manifests' own
    assert s3_registry.overrides.keys() == {"REGISTRY_HTTP_TLS_CERTIFICATE", "REGISTRY_HTTP_TLS_KEY",
                                            *s3_overrides(s3_server)}
    assert s3_registry.environ()["REGISTRY_STORAGE_S3_REGIONENDPOINT"] == S3_ENDPOINT


def test_s3_data_survives_a_new_pod(s3_registry: RegistryPod, skopeo: Skopeo, make_image: MakeImage,
                                    tmp_path: pathlib.Path) -> None:
    # GIVEN an image pushed to the S3-backed registry
    image = make_image()
    skopeo.push(image, f"{s3_registry.address}/app:v1", creds=(USER, PASSWORD))

    # WHEN the pod is replaced
    s3_registry.restart(pod_replaced=True)

    # THEN the image is still there, byte for byte
    assert_same_image(image, skopeo.pull(f"{s3_registry.address}/app:v1", tmp_path / "pulled", creds=(USER, PASSWORD)))


def test_wrong_password_and_anonymous_get_401(s3_registry: RegistryPod, skopeo: Skopeo,
                                              make_image: MakeImage) -> None:
    # GIVEN a registry with htpasswd auth from the mounted Secret
    registry_api = api(s3_registry)

    # WHEN anonymous and wrong-password clients call the API or push
    # THEN the API answers 401 with a Basic challenge (GET / stays open for health checks)
    registry_api.assert_auth_required("/v2/")
    registry_api.assert_auth_required("/v2/_catalog")
    assert registry_api.request("GET", "/", creds=None)[0] == 200
    # AND skopeo's pushes are refused
    for creds in ((USER, "wrong"), None):
        with pytest.raises(SkopeoError, match=r"(?i)unauthorized|authentication required"):
            skopeo.push(make_image(), f"{s3_registry.address}/app:v1", creds=creds)
    assert registry_api.catalog() == []


def test_delete_by_digest_with_skopeo_and_the_api(pvc_registry: RegistryPod, skopeo: Skopeo,
                                                  make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN two images in the registry
    first, second = make_image(), make_image()
    for tag, image in (("one", first), ("two", second)):
        skopeo.push(image, f"{pvc_registry.address}/app:{tag}", creds=(USER, PASSWORD))
    registry_api = api(pvc_registry)
    assert registry_api.manifest_digest("app", "one") == first.manifest_digest

    # WHEN one is deleted with skopeo and the other through the API, both by digest
    skopeo.delete(f"{pvc_registry.address}/app@{first.manifest_digest}", creds=(USER, PASSWORD))
    registry_api.delete_manifest("app", second.manifest_digest)

    # THEN neither manifest can be fetched or pulled any more
    assert registry_api.manifest_digest("app", first.manifest_digest) is None
    assert registry_api.manifest_digest("app", second.manifest_digest) is None
    with pytest.raises(SkopeoError, match=r"(?i)manifest unknown|not found"):
        skopeo.pull(f"{pvc_registry.address}/app:one", tmp_path / "gone", creds=(USER, PASSWORD))


def test_pvc_data_survives_a_new_pod_and_lands_in_the_claim(pvc_registry: RegistryPod, skopeo: Skopeo,
                                                            make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN an image pushed to the registry whose /var/lib/registry is a PVC
    image = make_image([8 * 1024, 8 * 1024])
    skopeo.push(image, f"{pvc_registry.address}/app:v1", creds=(USER, PASSWORD))
    blobs = pvc_registry.host_path("/var/lib/registry") / "docker/registry/v2/blobs/sha256"

    # WHEN the pod is replaced
    pvc_registry.restart(pod_replaced=True)

    # THEN the blobs are in the claim's folder, owned by the pod's fsGroup, and the image pulls back unchanged
    assert blobs == tmp_path / "pvc" / NAMESPACE / "registry-data" / "docker/registry/v2/blobs/sha256"
    for digest in image.layer_digests:
        hexdigest = digest.split(":", 1)[1]
        data = blobs / hexdigest[:2] / hexdigest / "data"
        assert data.read_bytes() == image.blob(digest)
        assert (data.stat().st_uid, data.stat().st_gid) == (1000, 1000)
    assert_same_image(image, skopeo.pull(f"{pvc_registry.address}/app:v1", tmp_path / "pulled",
                                         creds=(USER, PASSWORD)))


def test_without_a_volume_the_read_only_root_refuses_and_a_writable_one_forgets(
        start_registry: StartRegistry, skopeo: Skopeo, make_image: MakeImage) -> None:
    # GIVEN the registry storing into the image's /var/lib/registry, with no volume there and a read-only root
    registry = start_registry(registry_manifests(storage_env=[]))

    # WHEN an image is pushed THEN the container's root filesystem refuses the write, as in a cluster
    with pytest.raises(SkopeoError):
        skopeo.push(make_image(), f"{registry.address}/app:v1", creds=(USER, PASSWORD))
    assert "read-only file system" in registry.log_text()

    # GIVEN the same pod with a writable root, as root (the image's /var/lib/registry is root's, mode 0755)
    manifests = registry_manifests(storage_env=[])
    _pod(manifests)["securityContext"] = {"runAsNonRoot": False, "runAsUser": 0}
    container_of(manifests)["securityContext"]["readOnlyRootFilesystem"] = False
    writable = start_registry(manifests)
    skopeo.push(make_image(), f"{writable.address}/app:v1", creds=(USER, PASSWORD))
    assert api(writable).manifest_digest("app", "v1") is not None

    # WHEN only the container restarts THEN the image is gone with the container's own layer
    writable.restart(pod_replaced=False)
    assert api(writable).manifest_digest("app", "v1") is None


def test_probes_are_called_against_the_running_registry(s3_registry: RegistryPod,
                                                        start_registry: StartRegistry) -> None:
    # GIVEN the running registry whose probes GET / on the named port
    # WHEN the harness calls them THEN all answer 200, and the kubelet-like prober made the pod ready
    assert s3_registry.check_probes() == {"startupProbe": 200, "livenessProbe": 200, "readinessProbe": 200}
    pod = s3_registry.wait_ready(timeout=30).pod
    assert pod is not None and pod.ready

    # GIVEN a readiness probe on /v2/, which needs credentials
    manifests = registry_manifests(storage_env=[], pvc=True)
    container_of(manifests)["readinessProbe"]["httpGet"]["path"] = "/v2/"
    container_of(manifests)["readinessProbe"]["periodSeconds"] = 1
    registry = start_registry(manifests)
    # WHEN it is called THEN it fails loudly with the 401, and the pod never becomes ready
    with pytest.raises(HarnessError, match="readinessProbe GET /v2/ on port 5000 answered 401"):
        registry.check_probes()
    with pytest.raises(HarnessError, match=r"(?s)not Ready after 4 s.*readinessProbe failed: HTTP 401"):
        registry.wait_ready(timeout=4)


def test_garbage_collect_job_shares_the_claim(start_registry: StartRegistry, skopeo: Skopeo,
                                              make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN a registry on a PVC holding a kept and a deleted image, and a Job running garbage-collect on the same claim
    manifests = registry_manifests(storage_env=[], pvc=True)
    job_pod = copy.deepcopy(manifests[0]["spec"]["template"])
    job_pod["spec"]["restartPolicy"] = "Never"
    container = job_pod["spec"]["containers"][0]
    container["args"] = ["garbage-collect", "--delete-untagged", "/etc/docker/registry/config.yml"]
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        del container[probe]
    manifests.append({"apiVersion": "batch/v1", "kind": "Job",
                      "metadata": {"name": "registry-gc", "namespace": NAMESPACE},
                      "spec": {"backoffLimit": 0, "template": job_pod}})
    registry = start_registry(manifests)
    kept, deleted = make_image(), make_image()
    skopeo.push(kept, f"{registry.address}/app:kept", creds=(USER, PASSWORD))
    skopeo.push(deleted, f"{registry.address}/app:deleted", creds=(USER, PASSWORD))
    api(registry).delete_manifest("app", deleted.manifest_digest)
    registry.stop()  # garbage collection is only safe while the registry is stopped or read-only

    # WHEN the Job's pod runs to completion
    result = start_registry(manifests, start=False, kinds=("Job",)).run(timeout=60)

    # THEN it succeeded, removed the deleted image's layer from the claim, and the kept image still pulls
    assert result.returncode == 0, result.stdout
    blobs = tmp_path / "pvc" / NAMESPACE / "registry-data" / "docker/registry/v2/blobs/sha256"
    assert not (blobs / deleted.layer_digests[0][7:9] / deleted.layer_digests[0][7:]).exists()
    assert (blobs / kept.layer_digests[0][7:9] / kept.layer_digests[0][7:]).exists()
    registry.start()
    assert_same_image(kept, skopeo.pull(f"{registry.address}/app:kept", tmp_path / "pulled", creds=(USER, PASSWORD)))


# ---------------------------------------------------------------------------------------------------------------------
# What the container gets: the image's entrypoint and config, the paths as written, service links

def test_the_image_default_config_and_the_paths_as_written(start_registry: StartRegistry) -> None:
    # GIVEN the PVC variant WHEN it starts
    registry = start_registry(registry_manifests(storage_env=[], pvc=True))

    # THEN the image's entrypoint ran its own config file, unchanged, with the environment as the manifests wrote it
    assert registry.argv() == ["registry", "serve", "/etc/docker/registry/config.yml"]
    assert "rootdirectory: /var/lib/registry" in registry.host_path("/etc/docker/registry/config.yml").read_text()
    env = registry.environ()
    assert env["REGISTRY_AUTH_HTPASSWD_PATH"] == "/auth/htpasswd"
    assert env["REGISTRY_HTTP_SECRET"] == "a-stable-random-http-secret"
    assert not any(name.endswith("_SERVICE_HOST") and name != "KUBERNETES_SERVICE_HOST" for name in env)
    # AND the Secret's file has the volume's mode and the pod's fsGroup
    htpasswd = registry.host_path("/auth/htpasswd")
    assert htpasswd.read_text().startswith(f"{USER}:$2b$05$")
    assert (htpasswd.stat().st_mode & 0o777, htpasswd.stat().st_gid) == (0o440, 1000)


def test_service_links_are_injected_unless_disabled(start_registry: StartRegistry) -> None:
    # GIVEN the manifests with enableServiceLinks removed (the Kubernetes default is true) and a Service "registry"
    manifests = registry_manifests(storage_env=[], pvc=True)
    del manifests[0]["spec"]["template"]["spec"]["enableServiceLinks"]

    # WHEN it starts
    registry = start_registry(manifests)

    # THEN the Service shows up as REGISTRY_* variables, as the kubelet injects them, and the registry reads them as
    # configuration it does not know (which is why the library turns service links off)
    env = registry.environ()
    assert env["REGISTRY_SERVICE_PORT_HTTP"] == "5000"
    assert env["REGISTRY_PORT"].startswith("tcp://")
    assert "Ignoring unrecognized environment variable REGISTRY_PORT" in registry.log_text()


@pytest.mark.parametrize(("fields", "argv"), [
    ({"args": ["/etc/docker/registry/config.yml"]}, ["registry", "serve", "/etc/docker/registry/config.yml"]),
    ({"args": ["serve", "$(CONF)"]}, ["registry", "serve", "/etc/docker/registry/config.yml"]),
    ({"command": ["/bin/registry", "serve", "$(CONF)"]}, ["/bin/registry", "serve", "/etc/docker/registry/config.yml"]),
])
def test_command_and_args_go_through_the_image_entrypoint(fields: Manifest, argv: list[str],
                                                          start_registry: StartRegistry) -> None:
    # GIVEN args only (the image's /entrypoint.sh prepends `registry serve` to a config path, `registry` to a command),
    # or an explicit command, with $(VAR) expanded from the container's env
    manifests = registry_manifests(storage_env=[], pvc=True)
    container_of(manifests).update(fields)
    container_of(manifests)["env"].append({"name": "CONF", "value": "/etc/docker/registry/config.yml"})

    # WHEN it starts THEN the container's first process runs what the entrypoint made of it
    assert start_registry(manifests).argv() == argv


def test_a_registry_that_exits_at_start_fails_with_its_log(start_registry: StartRegistry) -> None:
    # GIVEN S3 settings without REGISTRY_STORAGE=s3: the image's filesystem block stays, so two drivers are configured
    manifests = registry_manifests(storage_env=[{"name": "REGISTRY_STORAGE_S3_BUCKET", "value": "registry"}], pvc=True)

    # WHEN it starts THEN the start fails at once with the registry's own panic in the message
    with pytest.raises(HarnessError, match="multiple storage drivers"):
        start_registry(manifests)


def test_config_map_config_file_with_sub_path_and_empty_dir(start_registry: StartRegistry, skopeo: Skopeo,
                                                             make_image: MakeImage) -> None:
    # GIVEN a registry whose whole config.yml comes from a ConfigMap (subPath mount) and whose storage is an emptyDir
    config = "version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: /data/registry\nhttp:\n  addr: :5000\n"
    manifests = registry_manifests(storage_env=[])
    pod = _pod(manifests)
    container = container_of(manifests)
    container["env"], container["volumeMounts"] = [], [
        {"name": "config", "mountPath": "/etc/docker/registry/config.yml", "subPath": "config.yml", "readOnly": True},
        {"name": "data", "mountPath": "/data"}]
    pod["volumes"] = [{"name": "config", "configMap": {"name": "registry-config"}}, {"name": "data", "emptyDir": {}}]
    manifests.append({"apiVersion": "v1", "kind": "ConfigMap",
                      "metadata": {"name": "registry-config", "namespace": NAMESPACE}, "data": {"config.yml": config}})
    registry = start_registry(manifests)
    image = make_image()

    # WHEN an image is pushed anonymously (no auth in that config), then the container and then the pod restart
    skopeo.push(image, f"{registry.address}/app:v1", creds=None)
    blob = registry.host_path("/data/registry/docker/registry/v2/blobs")
    registry.restart(pod_replaced=False)
    kept_by_container_restart = api(registry).manifest_digest("app", "v1")
    registry.restart(pod_replaced=True)

    # THEN the ConfigMap's file is the config, as written; the emptyDir outlives a container restart but not a new pod
    assert registry.host_path("/etc/docker/registry/config.yml").read_text() == config
    assert blob.is_relative_to(registry.runner.workdir)
    assert kept_by_container_restart == image.manifest_digest
    assert api(registry).manifest_digest("app", "v1") is None


def test_missing_htpasswd_file_fails_instead_of_a_random_user(start_registry: StartRegistry) -> None:
    # GIVEN the htpasswd path pointing at a file the Secret volume does not provide
    manifests = registry_manifests(storage_env=[], pvc=True)
    _env(manifests, "REGISTRY_AUTH_HTPASSWD_PATH")["value"] = "/auth/users"

    # WHEN it starts THEN the registry cannot provision its default user into the read-only Secret volume and exits,
    # so no random password is printed to its log
    with pytest.raises(HarnessError, match=r"read-only file system"):
        start_registry(manifests)


Mutation = Callable[[list[Manifest]], None]


def _pod(manifests: list[Manifest]) -> Manifest:
    pod: Manifest = manifests[0]["spec"]["template"]["spec"]
    return pod


def _env(manifests: list[Manifest], name: str) -> Manifest:
    return next(e for e in container_of(manifests)["env"] if e["name"] == name)


def _add_init(manifests: list[Manifest], **fields: Any) -> None:
    """An init container (a valid `sh -c` one unless `fields` change it; a None value removes the field)."""
    init: Manifest = {"name": "init", "image": "registry:2.8.3", "command": ["/bin/sh", "-c", "true"],
                      "volumeMounts": [{"name": "htpasswd", "mountPath": "/auth", "readOnly": True}]}
    init.update(fields)
    _pod(manifests)["initContainers"] = [{key: value for key, value in init.items() if value is not None}]


def _project_htpasswd(manifests: list[Manifest], source: Manifest) -> None:
    """The htpasswd Secret volume as a projected volume, with one more source."""
    volume = _pod(manifests)["volumes"][0]
    secret = volume.pop("secret")
    volume["projected"] = {"defaultMode": 0o440, "sources": [
        {"secret": {"name": secret["secretName"], "items": secret["items"]}}, source]}


# What the API server or the kubelet would refuse, or the runner cannot honour, in the objects a pod refers to (the
# pod and container fields themselves: tests/pods/test_runner.py).
LOUD_FAILURES: dict[str, tuple[Mutation, str]] = {
    "unknown pod field": (lambda m: _pod(m).update(hostPID=True), r"hostPID"),
    "unknown container field": (lambda m: container_of(m).update(stdin=True), r"stdin"),
    "init container without an image": (lambda m: _add_init(m, image=None), r"init container 'init'.*image"),
    "init container missing secret": (
        lambda m: _add_init(m, env=[{"name": "X", "valueFrom": secret_ref("nope", "x")}]),
        r"init container 'init' env X: Secret registry/nope"),
    "init container mount of a missing volume": (
        lambda m: _add_init(m, volumeMounts=[{"name": "nope", "mountPath": "/x"}]), "no volume named 'nope'"),
    "projected clusterTrustBundle": (
        lambda m: _project_htpasswd(m, {"clusterTrustBundle": {"name": "x", "path": "ca.crt"}}),
        "clusterTrustBundle"),
    "projected missing secret": (
        lambda m: _project_htpasswd(m, {"secret": {"name": "nope"}}), "needs Secret registry/nope, which does not"),
    "projected conflicting paths": (
        lambda m: _project_htpasswd(m, {"secret": {"name": "registry-http", "items": [
            {"key": "secret", "path": "htpasswd"}]}}), r"writes \['htpasswd'\] twice"),
    "unused volume with a missing secret": (
        lambda m: _pod(m)["volumes"].append({"name": "unused", "secret": {"secretName": "nope"}}),
        "needs Secret registry/nope"),
    "envFrom": (lambda m: container_of(m).update(envFrom=[{"secretRef": {"name": "x"}}]), "envFrom"),
    "missing secret key": (lambda m: _env(m, "REGISTRY_HTTP_SECRET")["valueFrom"]["secretKeyRef"].update(key="nope"),
                           "has no key 'nope'"),
    "missing secret": (lambda m: _env(m, "REGISTRY_HTTP_SECRET")["valueFrom"]["secretKeyRef"].update(name="nope"),
                       "Secret registry/nope"),
    "missing volume item key": (lambda m: _pod(m)["volumes"][0]["secret"]["items"][0].update(key="nope"),
                                "maps key 'nope'"),
    "unknown volume type": (lambda m: _pod(m)["volumes"].__setitem__(0, {"name": "htpasswd", "hostPath": {}}),
                            "hostPath"),
    "missing PVC": (lambda m: m.__delitem__(-1), "PersistentVolumeClaim registry/registry-data does not exist"),
    "unknown image": (lambda m: _pod(m)["containers"].append({"name": "ui", "image": "ui"}), "'ui'"),
}


@pytest.mark.parametrize("case", sorted(LOUD_FAILURES))
def test_what_a_pod_refers_to_and_cannot_be_honoured_fails_loudly(case: str, start_registry: StartRegistry,
                                                                  pods_host: PodsHost) -> None:
    # GIVEN valid manifests with one thing the runner cannot honour (or the cluster would refuse)
    mutate, message = LOUD_FAILURES[case]
    manifests = registry_manifests(storage_env=[], pvc=True)
    mutate(manifests)

    # WHEN the pod is made and started THEN it is refused with a clear message, and nothing was left running: no
    # container, cgroup, mount or network namespace of the runner
    with pytest.raises(HarnessError, match=message):
        start_registry(manifests)
    assert pods_host.leftovers() == []


# ---------------------------------------------------------------------------------------------------------------------
# Secrets as files: an init container renders the config and the AWS credentials from a projected Secret volume

RENDER_SCRIPT = r"""set -eu
umask 077
secrets=/run/secrets/registry
read_secret() {
  value=$(cat "$secrets/$1")
  if [ -z "$value" ]; then echo "$1: the secret is empty" >&2; exit 1; fi
  printf '%s' "$value"
}
http_secret=$(read_secret http-secret)
# A YAML single-quoted scalar: only ' needs escaping, as ''.
http_secret=$(printf '%s' "$http_secret" | sed "s/'/''/g")
cat > /run/registry/config.yml <<EOF
version: 0.1
log:
  fields:
    service: $LOG_SERVICE
http:
  secret: '$http_secret'
  headers:
    X-Content-Type-Options: [nosniff]
EOF
access_key=$(read_secret s3-access-key)
secret_key=$(read_secret s3-secret-key)
printf '[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n' "$access_key" "$secret_key" \
  > /run/registry/aws-credentials
echo "rendered $(wc -l < /run/registry/config.yml) config lines"
"""
HTTP_SECRET = "it's a 'quoted' secret: #1"
RESTRICTED = {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True, "privileged": False,
              "runAsNonRoot": True, "runAsUser": 10001, "runAsGroup": 10001, "capabilities": {"drop": ["ALL"]}}


def rendered_secret_manifests(s3: SeaweedS3, root: str, *, secret_key: str | None = None,
                              script: str = RENDER_SCRIPT) -> list[Manifest]:
    """The registry pod with no secret in its environment: an init container renders config.yml (http.secret) and the
    AWS shared credentials file from a projected Secret volume into an in-memory emptyDir (checkov CKV_K8S_35)."""
    manifests = registry_manifests(storage_env=[])
    pod = _pod(manifests)
    pod["securityContext"] = {"runAsNonRoot": True, "runAsUser": 10001, "runAsGroup": 10001, "fsGroup": 10001,
                              "seccompProfile": {"type": "RuntimeDefault"}}
    resources = {"requests": {"cpu": "10m", "memory": "8Mi"}, "limits": {"cpu": "100m", "memory": "32Mi"}}
    pod["initContainers"] = [{
        "name": "render-config", "image": "registry:2.8.3", "imagePullPolicy": "Always",
        "command": ["/bin/sh", "-c", script],
        "env": [{"name": "LOG_SERVICE", "value": "registry"}],
        "volumeMounts": [{"name": "secrets", "mountPath": "/run/secrets/registry", "readOnly": True},
                         {"name": "rendered", "mountPath": "/run/registry"}],
        "securityContext": RESTRICTED, "resources": resources,
    }]
    container = container_of(manifests)
    container.update(image="registry:2.8.3", imagePullPolicy="Always", args=["/run/registry/config.yml"],
                     securityContext=RESTRICTED)
    container["env"] = [
        {"name": "AWS_SHARED_CREDENTIALS_FILE", "value": "/run/registry/aws-credentials"},
        {"name": "REGISTRY_HTTP_ADDR", "value": ":5000"},  # the rendered file replaces the image's, which has it
        {"name": "REGISTRY_AUTH", "value": "htpasswd"},
        {"name": "REGISTRY_AUTH_HTPASSWD_REALM", "value": "Private registry"},
        {"name": "REGISTRY_AUTH_HTPASSWD_PATH", "value": "/auth/htpasswd"},
        *({"name": name, "value": value} for name, value in s3.registry_env(root).items()),
        {"name": "REGISTRY_STORAGE_REDIRECT_DISABLE", "value": "true"},
        {"name": "REGISTRY_STORAGE_DELETE_ENABLED", "value": "true"},
        {"name": "REGISTRY_HEALTH_STORAGEDRIVER_ENABLED", "value": "true"},
    ]
    container["volumeMounts"] = [{"name": "rendered", "mountPath": "/run/registry", "readOnly": True},
                                 {"name": "htpasswd", "mountPath": "/auth", "readOnly": True}]
    pod["volumes"] = [
        {"name": "secrets", "projected": {"defaultMode": 0o440, "sources": [
            {"secret": {"name": "registry-http-secret", "items": [{"key": "http-secret", "path": "http-secret"}]}},
            {"secret": {"name": "registry-s3", "items": [{"key": "accesskey", "path": "s3-access-key"},
                                                         {"key": "secretkey", "path": "s3-secret-key"}]}},
        ]}},
        {"name": "rendered", "emptyDir": {"medium": "Memory", "sizeLimit": "1Mi"}},
        *(volume for volume in pod["volumes"] if volume["name"] == "htpasswd"),
    ]
    manifests = [obj for obj in manifests if obj["metadata"]["name"] != "registry-http"]
    manifests += [
        {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
         "metadata": {"name": "registry-http-secret", "namespace": NAMESPACE},
         "stringData": {"http-secret": HTTP_SECRET}},
        {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
         "metadata": {"name": "registry-s3", "namespace": NAMESPACE},
         "data": {"accesskey": b64(s3.access_key), "secretkey": b64(secret_key or s3.secret_key)}},
    ]
    return manifests


def upload_state_secret_matches(registry: RegistryPod, secret: str) -> bool:
    """Whether the registry signs upload state with `secret`: `_state` in an upload URL is
    base64url(HMAC-SHA256(http.secret, json) + json) in distribution 2.8."""
    status, headers, body = api(registry).request("POST", "/v2/probe/blobs/uploads/")
    assert status == 202, (status, body[:300])
    state = parse_qs(urlsplit(headers["location"]).query)["_state"][0]
    raw = base64.urlsafe_b64decode(state + "=" * (-len(state) % 4))
    mac, payload = raw[:32], raw[32:]
    return hmac.compare_digest(mac, hmac.new(secret.encode(), payload, hashlib.sha256).digest())


def test_init_container_renders_secrets_from_a_projected_volume_for_s3(
        start_registry: StartRegistry, s3_server: SeaweedS3, s3_root: str, skopeo: Skopeo, make_image: MakeImage,
        tmp_path: pathlib.Path) -> None:
    # GIVEN the pod with no secret in env: the S3 keys and the http secret only in Secrets projected into an init
    # container, which renders config.yml and the AWS credentials file into a memory emptyDir
    manifests = rendered_secret_manifests(s3_server, s3_root)

    # WHEN it starts, and an image is pushed and pulled back
    registry = start_registry(manifests, overrides=s3_overrides(s3_server))
    image = make_image([24 * 1024, 40 * 1024])
    digest = skopeo.push(image, f"{registry.address}/team/app:v1", creds=(USER, PASSWORD))
    pulled = skopeo.pull(f"{registry.address}/team/app:v1", tmp_path / "pulled", creds=(USER, PASSWORD))

    # THEN the round trip works and the blobs are in the bucket: the S3 driver used the rendered credentials file
    assert digest == image.manifest_digest
    assert_same_image(image, pulled)
    keys = s3_server.list_keys(s3_root.lstrip("/"))
    for blob in image.layer_digests:
        assert any(key.endswith(f"/blobs/sha256/{blob[7:9]}/{blob[7:]}/data") for key in keys), keys
    env = registry.environ()
    assert not {"REGISTRY_HTTP_SECRET", "REGISTRY_STORAGE_S3_ACCESSKEY", "REGISTRY_STORAGE_S3_SECRETKEY"} & set(env)
    assert env["AWS_SHARED_CREDENTIALS_FILE"] == "/run/registry/aws-credentials"
    credentials = registry.host_path("/run/registry/aws-credentials")
    assert credentials.read_text() == (f"[default]\naws_access_key_id = {s3_server.access_key}\n"
                                       f"aws_secret_access_key = {s3_server.secret_key}\n")
    # AND the init container wrote them as its user, 0600 (umask 077), into the pod's memory-backed emptyDir
    assert (credentials.stat().st_mode & 0o777, credentials.stat().st_uid) == (0o600, 10001)
    # AND the registry reads the init container's file itself, whose quoted secret it signs with
    assert registry.argv() == ["registry", "serve", "/run/registry/config.yml"]
    config = registry.host_path("/run/registry/config.yml")
    assert config.stat().st_mode & 0o777 == 0o600
    assert yaml.safe_load(config.read_text())["http"]["secret"] == HTTP_SECRET
    assert upload_state_secret_matches(registry, HTTP_SECRET)
    assert not upload_state_secret_matches(registry, "a-stable-random-http-secret")
    assert "No HTTP secret provided" not in registry.log_text()
    # AND the projected files have the volume's defaultMode and the pod's fsGroup, and the init output was kept
    assert registry.pod is not None
    projected = registry.pod.volume_path("secrets")
    assert {name: ((projected / name).stat().st_mode & 0o777, (projected / name).stat().st_gid)
            for name in ("http-secret", "s3-access-key", "s3-secret-key")} == {
        "http-secret": (0o440, 10001), "s3-access-key": (0o440, 10001), "s3-secret-key": (0o440, 10001)}
    assert "rendered 8 config lines" in registry.init_log_text("render-config")


def test_init_containers_rerun_for_a_new_pod_only(start_registry: StartRegistry, s3_server: SeaweedS3, s3_root: str,
                                                  skopeo: Skopeo, make_image: MakeImage,
                                                  tmp_path: pathlib.Path) -> None:
    # GIVEN the rendered-secrets registry holding an image
    registry = start_registry(rendered_secret_manifests(s3_server, s3_root), overrides=s3_overrides(s3_server))
    image = make_image()
    skopeo.push(image, f"{registry.address}/app:v1", creds=(USER, PASSWORD))
    first_config = registry.host_path("/run/registry/config.yml")

    # WHEN the container restarts in the same pod, and then the pod is replaced
    registry.restart(pod_replaced=False)
    runs_after_container_restart = registry.init_log_text("render-config").count("rendered 8 config lines")
    kept_by_container_restart = first_config.is_file()
    registry.restart(pod_replaced=True)

    # THEN the init container ran once per pod (its emptyDir output survives a container restart), and the new pod's
    # registry reads its own freshly rendered files
    assert (runs_after_container_restart, kept_by_container_restart) == (1, True)
    assert registry.init_log_text("render-config").count("rendered 8 config lines") == 2
    assert registry.host_path("/run/registry/config.yml") != first_config
    assert upload_state_secret_matches(registry, HTTP_SECRET)
    assert_same_image(image, skopeo.pull(f"{registry.address}/app:v1", tmp_path / "pulled", creds=(USER, PASSWORD)))


def test_a_wrong_secret_key_in_the_projected_secret_fails_the_push(
        start_registry: StartRegistry, s3_server: SeaweedS3, s3_root: str, skopeo: Skopeo,
        make_image: MakeImage) -> None:
    # GIVEN the S3 Secret holding the right access key but a wrong secret key
    manifests = rendered_secret_manifests(s3_server, s3_root, secret_key="not-the-secret-key")
    registry = start_registry(manifests, overrides=s3_overrides(s3_server))

    # WHEN an image is pushed THEN S3 refuses the signature: the registry really signs with the rendered file's keys
    with pytest.raises(SkopeoError):
        skopeo.push(make_image(), f"{registry.address}/app:v1", creds=(USER, PASSWORD))
    assert "SignatureDoesNotMatch" in registry.log_text()
    assert s3_server.list_keys(s3_root.lstrip("/")) == []


def test_a_failing_init_container_fails_the_start_with_its_output(start_registry: StartRegistry,
                                                                   s3_server: SeaweedS3, s3_root: str) -> None:
    # GIVEN an init script that reports a problem and exits 3
    script = 'echo "cannot render: $(ls /run/secrets/registry | tr \'\\n\' \' \')" >&2\nexit 3\n'
    registry = start_registry(rendered_secret_manifests(s3_server, s3_root, script=script), start=False,
                              overrides=s3_overrides(s3_server))

    # WHEN the registry starts THEN the start fails with the exit code and the script's output; no registry ran
    with pytest.raises(HarnessError, match=r"(?s)init container 'render-config'.* exited with 3; its output:\n"
                                           r"cannot render: http-secret s3-access-key s3-secret-key"):
        registry.start()
    assert not registry.running
    assert registry.log_text() == ""
