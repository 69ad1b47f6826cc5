"""Self-tests of the host-process harness (RegistryProcess: Debian's docker-registry as a plain process, container
paths mapped to folders) with hand-written manifests shaped like cdk8s output (apps/v1 Deployment, Secrets, a PVC).
The constructs' own e2e tests run the registry as a pod (tests/pods/registry_pod.py); this module keeps the fixtures
of the host-process harness to itself."""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import itertools
import pathlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qs, urlsplit

import bcrypt
import pytest
import yaml

from .conftest import MakeImage
from .harness import (
    HarnessError,
    RegistryApi,
    RegistryProcess,
    SeaweedS3,
    Skopeo,
    SkopeoError,
    TlsFiles,
    UnsupportedSpec,
    assert_same_image,
    parse_command,
)

USER, PASSWORD = "pusher", "correct horse battery"
NAMESPACE = "registry"
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
        {"name": "REGISTRY_STORAGE_S3_REGIONENDPOINT", "value": s3.endpoint_url},
        {"name": "REGISTRY_STORAGE_S3_BUCKET", "value": s3.bucket},
        {"name": "REGISTRY_STORAGE_S3_ROOTDIRECTORY", "value": root},
        {"name": "REGISTRY_STORAGE_S3_ACCESSKEY", "valueFrom": secret_ref("registry-s3", "accessKey")},
        {"name": "REGISTRY_STORAGE_S3_SECRETKEY", "valueFrom": secret_ref("registry-s3", "secretKey")},
        {"name": "REGISTRY_STORAGE_REDIRECT_DISABLE", "value": "true"},
        {"name": "REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR", "value": "inmemory"},
    ]


def container_of(manifests: list[Manifest]) -> Manifest:
    container: Manifest = _pod(manifests)["containers"][0]
    return container


StartRegistry = Callable[..., RegistryProcess]


@pytest.fixture(scope="module")
def s3_server() -> Iterator[SeaweedS3]:
    """This module's own S3 server on 127.0.0.1: RegistryProcess runs on the host and only reaches loopback."""
    server = SeaweedS3(bucket="registry-e2e").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def start_registry(tmp_path: pathlib.Path, tls_files: TlsFiles) -> Iterator[StartRegistry]:
    """start_registry(manifests, extra_objects=(), *, start=True, tls=True, **RegistryProcess kwargs): the host-process
    harness this module tests (the other e2e modules run the registry as a pod). Every process of one test shares its
    PVC folders (tmp_path/pvc); all are stopped when the test ends."""
    started: list[RegistryProcess] = []
    counter = itertools.count(1)

    def start(manifests: Sequence[Mapping[str, Any]], extra_objects: Sequence[Mapping[str, Any]] = (), *,
              start: bool = True, tls: bool = True, **kwargs: Any) -> RegistryProcess:
        workdir = tmp_path / f"registry-{next(counter)}"
        process = RegistryProcess(manifests, extra_objects=extra_objects, workdir=workdir,
                                  tls=tls_files if tls else None, pvc_root=tmp_path / "pvc", **kwargs)
        started.append(process)
        return process.start() if start else process

    try:
        yield start
    finally:
        for process in started:
            process.stop()


@pytest.fixture
def s3_root(request: pytest.FixtureRequest) -> str:
    """Each test's own root directory in the shared bucket."""
    return f"/e2e/{request.node.name.replace('[', '-').replace(']', '')}"


@pytest.fixture
def s3_registry(start_registry: StartRegistry, s3_server: SeaweedS3, s3_root: str) -> RegistryProcess:
    manifests = registry_manifests(storage_env=s3_storage_env(s3_server, s3_root))
    return start_registry(manifests, [existing_s3_secret(s3_server)], overrides=s3_server.registry_overrides())


@pytest.fixture
def pvc_registry(start_registry: StartRegistry) -> RegistryProcess:
    return start_registry(registry_manifests(storage_env=[], pvc=True))


def api(registry: RegistryProcess) -> RegistryApi:
    return RegistryApi(registry.address, tls=registry.tls, creds=(USER, PASSWORD))


# ---------------------------------------------------------------------------------------------------------------------
# Real round trips

def test_s3_push_pull_round_trip_with_catalog_tags_and_blobs_in_the_bucket(
        s3_registry: RegistryProcess, s3_server: SeaweedS3, s3_root: str, skopeo: Skopeo, make_image: MakeImage,
        tmp_path: pathlib.Path) -> None:
    # GIVEN a registry on S3 built from the manifests, and an image of two random layers
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
    assert s3_registry.overrides.keys() == {"REGISTRY_HTTP_ADDR", "REGISTRY_HTTP_TLS_CERTIFICATE",
                                            "REGISTRY_HTTP_TLS_KEY", *s3_server.registry_overrides()}


def test_s3_data_survives_a_new_pod(s3_registry: RegistryProcess, skopeo: Skopeo, make_image: MakeImage,
                                    tmp_path: pathlib.Path) -> None:
    # GIVEN an image pushed to the S3-backed registry
    image = make_image()
    skopeo.push(image, f"{s3_registry.address}/app:v1", creds=(USER, PASSWORD))

    # WHEN the pod is replaced
    s3_registry.restart(pod_replaced=True)

    # THEN the image is still there, byte for byte
    assert_same_image(image, skopeo.pull(f"{s3_registry.address}/app:v1", tmp_path / "pulled", creds=(USER, PASSWORD)))


def test_wrong_password_and_anonymous_get_401(s3_registry: RegistryProcess, skopeo: Skopeo,
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


def test_delete_by_digest_with_skopeo_and_the_api(pvc_registry: RegistryProcess, skopeo: Skopeo,
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


def test_pvc_data_survives_a_new_pod_and_lands_in_the_claim(pvc_registry: RegistryProcess, skopeo: Skopeo,
                                                            make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN an image pushed to the registry whose /var/lib/registry is a PVC
    image = make_image([8 * 1024, 8 * 1024])
    skopeo.push(image, f"{pvc_registry.address}/app:v1", creds=(USER, PASSWORD))
    blobs = pvc_registry.host_path("/var/lib/registry") / "docker/registry/v2/blobs/sha256"

    # WHEN the pod is replaced
    pvc_registry.restart(pod_replaced=True)

    # THEN the blobs are in the claim's folder and the image pulls back unchanged
    assert blobs.is_relative_to(tmp_path / "pvc" / NAMESPACE / "registry-data")
    for digest in image.layer_digests:
        hexdigest = digest.split(":", 1)[1]
        assert (blobs / hexdigest[:2] / hexdigest / "data").read_bytes() == image.blob(digest)
    assert_same_image(image, skopeo.pull(f"{pvc_registry.address}/app:v1", tmp_path / "pulled",
                                         creds=(USER, PASSWORD)))


def test_without_a_volume_the_data_is_lost_with_the_container(start_registry: StartRegistry, skopeo: Skopeo,
                                                               make_image: MakeImage) -> None:
    # GIVEN the registry storing into the image's /var/lib/registry, with no volume there
    registry = start_registry(registry_manifests(storage_env=[]))
    skopeo.push(make_image(), f"{registry.address}/app:v1", creds=(USER, PASSWORD))

    # WHEN only the container restarts
    registry.restart(pod_replaced=False)

    # THEN the image is gone: the harness models the container layer, so a missing volume shows
    assert api(registry).manifest_digest("app", "v1") is None


def test_probes_are_called_against_the_running_registry(s3_registry: RegistryProcess,
                                                        start_registry: StartRegistry) -> None:
    # GIVEN the running registry whose probes GET / on the named port
    # WHEN the harness calls them THEN both answer 200
    assert s3_registry.check_probes() == {"startupProbe": 200, "livenessProbe": 200, "readinessProbe": 200}

    # GIVEN a readiness probe on /v2/, which needs credentials
    manifests = registry_manifests(storage_env=[], pvc=True)
    container_of(manifests)["readinessProbe"]["httpGet"]["path"] = "/v2/"
    registry = start_registry(manifests)
    # WHEN it is called THEN it fails loudly with the 401
    with pytest.raises(HarnessError, match="readinessProbe GET /v2/ on port 5000 answered 401"):
        registry.check_probes()


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
    registry = start_registry(manifests, workload="registry")
    kept, deleted = make_image(), make_image()
    skopeo.push(kept, f"{registry.address}/app:kept", creds=(USER, PASSWORD))
    skopeo.push(deleted, f"{registry.address}/app:deleted", creds=(USER, PASSWORD))
    api(registry).delete_manifest("app", deleted.manifest_digest)
    registry.stop()  # garbage collection is only safe while the registry is stopped or read-only

    # WHEN the Job runs to completion
    result = start_registry(manifests, start=False, kinds=("Job",)).run(timeout=60)

    # THEN it succeeded, removed the deleted image's layer from the claim, and the kept image still pulls
    assert result.returncode == 0, result.stdout
    blobs = tmp_path / "pvc" / NAMESPACE / "registry-data" / "docker/registry/v2/blobs/sha256"
    assert not (blobs / deleted.layer_digests[0][7:9] / deleted.layer_digests[0][7:]).exists()
    assert (blobs / kept.layer_digests[0][7:9] / kept.layer_digests[0][7:]).exists()
    registry.start()
    assert_same_image(kept, skopeo.pull(f"{registry.address}/app:kept", tmp_path / "pulled", creds=(USER, PASSWORD)))


# ---------------------------------------------------------------------------------------------------------------------
# What the harness reads from the manifests (no process needed)

def test_image_default_config_and_mapped_paths(start_registry: StartRegistry) -> None:
    # GIVEN the PVC variant WHEN it starts
    registry = start_registry(registry_manifests(storage_env=[], pvc=True))

    # THEN the image's own config file was used, with its paths mapped into the container's local folders
    config = registry.config_file.read_text() if registry.config_file else ""
    assert f"rootdirectory: {registry.host_path('/var/lib/registry')}" in config
    assert registry.env["REGISTRY_AUTH_HTPASSWD_PATH"] == str(registry.host_path("/auth/htpasswd"))
    assert registry.host_path("/auth/htpasswd").read_text().startswith(f"{USER}:$2b$05$")
    assert registry.env["REGISTRY_HTTP_SECRET"] == "a-stable-random-http-secret"
    assert not any(name.endswith("_SERVICE_HOST") and name != "KUBERNETES_SERVICE_HOST" for name in registry.env)


def test_service_links_are_injected_unless_disabled(tmp_path: pathlib.Path) -> None:
    # GIVEN the manifests with enableServiceLinks removed (the Kubernetes default is true)
    manifests = registry_manifests(storage_env=[], pvc=True)
    del manifests[0]["spec"]["template"]["spec"]["enableServiceLinks"]

    # WHEN the harness reads the container's environment
    env = RegistryProcess(manifests, workdir=tmp_path, default_namespace=NAMESPACE).container_env.values

    # THEN the Service named registry shows up as REGISTRY_* variables, as the kubelet would inject them
    assert env["REGISTRY_SERVICE_PORT_HTTP"] == "5000"
    assert env["REGISTRY_PORT"].startswith("tcp://")


def test_command_and_args_are_read_like_the_image_entrypoint(tmp_path: pathlib.Path) -> None:
    def command(**fields: Any) -> tuple[str, str | None, tuple[str, ...]]:
        manifests = registry_manifests(storage_env=[], pvc=True)
        container_of(manifests).update(fields)
        parsed = parse_command(RegistryProcess(manifests, workdir=tmp_path).template, {"CONF": "/c/r.yml"})
        return parsed.mode, parsed.config_path, parsed.gc_flags

    # GIVEN/WHEN/THEN the image default, args-only, an explicit command and $(VAR) expansion
    assert command() == ("serve", "/etc/docker/registry/config.yml", ())
    assert command(args=["/etc/registry/config.yaml"]) == ("serve", "/etc/registry/config.yaml", ())
    assert command(command=["/bin/registry", "serve", "$(CONF)"]) == ("serve", "/c/r.yml", ())
    assert command(args=["garbage-collect", "-m", "--dry-run", "/c.yml"]) == ("garbage-collect", "/c.yml",
                                                                                ("-m", "--dry-run"))


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


LOUD_FAILURES: dict[str, tuple[Mutation, str]] = {
    "unknown pod field": (lambda m: _pod(m).update(hostPID=True), r"cannot honour \['hostPID'\]"),
    "init container without an image": (lambda m: _add_init(m, image=None),
                                        r"init container 'init': image '' does not match"),
    "init container of another image": (lambda m: _add_init(m, image="busybox:1.36"), "does not match"),
    "init container running the registry": (
        lambda m: _add_init(m, command=["registry", "garbage-collect", "/etc/docker/registry/config.yml"]),
        r"cannot run without the image; the harness runs only `/bin/sh -c SCRIPT"),
    "init container args through the entrypoint": (
        lambda m: _add_init(m, command=None, args=["garbage-collect", "/etc/docker/registry/config.yml"]),
        r"\['registry', 'garbage-collect'"),
    "init container not a shell": (lambda m: _add_init(m, command=["/bin/cp", "/a", "/b"]), "cannot run without"),
    "init container sh without -c": (lambda m: _add_init(m, command=["/bin/sh", "/script.sh"]), "cannot run without"),
    "init container sidecar": (lambda m: _add_init(m, restartPolicy="Always"), "is a sidecar"),
    "init container probe": (lambda m: _add_init(m, readinessProbe={"tcpSocket": {"port": 5000}}),
                             r"cannot honour \['readinessProbe'\]"),
    "init container writes its own layer": (
        lambda m: _add_init(m, command=["/bin/sh", "-c", "echo x > /etc/registry.yml"]),
        r"the script uses \['/etc/registry.yml'\], which are in the container's own filesystem"),
    "init container env path outside its mounts": (
        lambda m: _add_init(m, env=[{"name": "OUT", "value": "/var/lib/registry/x"}]), r"env OUT uses"),
    "init container envFrom": (lambda m: _add_init(m, envFrom=[{"secretRef": {"name": "x"}}]), "envFrom"),
    "init container missing secret": (
        lambda m: _add_init(m, env=[{"name": "X", "valueFrom": secret_ref("nope", "x")}]),
        r"init container 'init' env X: Secret registry/nope"),
    "init container mount of a missing volume": (
        lambda m: _add_init(m, volumeMounts=[{"name": "nope", "mountPath": "/x"}]), "no volume named 'nope'"),
    "projected serviceAccountToken": (
        lambda m: _project_htpasswd(m, {"serviceAccountToken": {"path": "token", "expirationSeconds": 3600}}),
        r"serviceAccountToken: service account tokens have no local issuer"),
    "projected downwardAPI": (
        lambda m: _project_htpasswd(m, {"downwardAPI": {"items": [{"path": "name", "fieldRef": {
            "fieldPath": "metadata.name"}}]}}), "downwardAPI: the downward API has no local values"),
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
    "unknown container field": (lambda m: container_of(m).update(stdin=True), r"\['stdin'\]"),
    "envFrom": (lambda m: container_of(m).update(envFrom=[{"secretRef": {"name": "x"}}]), "envFrom"),
    "fieldRef": (lambda m: container_of(m)["env"].append(
        {"name": "POD", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}}), "fieldRef"),
    "missing secret key": (lambda m: _env(m, "REGISTRY_HTTP_SECRET")["valueFrom"]["secretKeyRef"].update(key="nope"),
                           "has no key 'nope'"),
    "missing secret": (lambda m: _env(m, "REGISTRY_HTTP_SECRET")["valueFrom"]["secretKeyRef"].update(name="nope"),
                       "Secret registry/nope"),
    "missing volume item key": (lambda m: _pod(m)["volumes"][0]["secret"]["items"][0].update(key="nope"),
                                "maps key 'nope'"),
    "unknown volume type": (lambda m: _pod(m)["volumes"].__setitem__(0, {"name": "htpasswd", "hostPath": {}}),
                            "hostPath"),
    "missing PVC": (lambda m: m.__delitem__(-1), "PersistentVolumeClaim registry/registry-data does not exist"),
    "shell command": (lambda m: container_of(m).update(command=["sh", "-c", "registry serve"]), "not the registry"),
    "registry 3": (lambda m: container_of(m).update(image="registry:3.0.0"), "does not match"),
    "sidecar": (lambda m: _pod(m)["containers"].append({"name": "ui", "image": "ui"}), "ignore_containers"),
    "exec probe": (lambda m: container_of(m).update(startupProbe={"exec": {"command": ["true"]}}), "exec probes"),
}


@pytest.mark.parametrize("case", sorted(LOUD_FAILURES))
def test_what_the_harness_cannot_honour_fails_loudly(case: str, tmp_path: pathlib.Path) -> None:
    # GIVEN valid manifests with one thing the harness cannot honour (or the cluster would refuse)
    mutate, message = LOUD_FAILURES[case]
    manifests = registry_manifests(storage_env=[], pvc=True)
    mutate(manifests)

    # WHEN the harness reads them THEN it refuses with a clear message before anything starts
    with pytest.raises(HarnessError, match=message):
        RegistryProcess(manifests, workdir=tmp_path, default_namespace=NAMESPACE)


@pytest.mark.parametrize(("endpoint", "message"), [
    (None, "without regionendpoint would call AWS"),
    ("http://minio.minio.svc:9000", "would reach minio.minio.svc"),
])
def test_s3_that_would_leave_the_machine_is_refused(endpoint: str | None, message: str,
                                                    start_registry: StartRegistry, s3_server: SeaweedS3) -> None:
    # GIVEN S3 storage with no endpoint (AWS) or a cluster-internal one
    env = [e for e in s3_storage_env(s3_server, "/x") if e["name"] != "REGISTRY_STORAGE_S3_REGIONENDPOINT"]
    if endpoint:
        env.append({"name": "REGISTRY_STORAGE_S3_REGIONENDPOINT", "value": endpoint})
    manifests = registry_manifests(storage_env=env)

    # WHEN it starts without an override THEN it is refused; with the local endpoint as a visible override it runs
    with pytest.raises(UnsupportedSpec, match=message):
        start_registry(manifests, [existing_s3_secret(s3_server)])
    registry = start_registry(manifests, [existing_s3_secret(s3_server)], overrides=s3_server.registry_overrides())
    assert registry.overrides["REGISTRY_STORAGE_S3_REGIONENDPOINT"] == s3_server.endpoint_url


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
    registry.restart(pod_replaced=False)
    kept_by_container_restart = api(registry).manifest_digest("app", "v1")
    registry.restart(pod_replaced=True)

    # THEN the config's paths were mapped into the emptyDir, which outlives a container restart but not a new pod
    assert registry.config_file is not None
    assert f"rootdirectory: {registry.host_path('/data/registry')}" in registry.config_file.read_text()
    assert kept_by_container_restart == image.manifest_digest
    assert api(registry).manifest_digest("app", "v1") is None


def test_missing_htpasswd_file_fails_instead_of_a_random_user(start_registry: StartRegistry) -> None:
    # GIVEN the htpasswd path pointing at a file the Secret volume does not provide
    manifests = registry_manifests(storage_env=[], pvc=True)
    _env(manifests, "REGISTRY_AUTH_HTPASSWD_PATH")["value"] = "/auth/users"

    # WHEN it starts THEN the harness refuses (the registry itself would invent a random user)
    with pytest.raises(HarnessError, match=r"htpasswd file .* does not exist"):
        start_registry(manifests)


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


def upload_state_secret_matches(registry: RegistryProcess, secret: str) -> bool:
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
    registry = start_registry(manifests, overrides=s3_server.registry_overrides())
    image = make_image([24 * 1024, 40 * 1024])
    digest = skopeo.push(image, f"{registry.address}/team/app:v1", creds=(USER, PASSWORD))
    pulled = skopeo.pull(f"{registry.address}/team/app:v1", tmp_path / "pulled", creds=(USER, PASSWORD))

    # THEN the round trip works and the blobs are in the bucket: the S3 driver used the rendered credentials file
    assert digest == image.manifest_digest
    assert_same_image(image, pulled)
    keys = s3_server.list_keys(s3_root.lstrip("/"))
    for blob in image.layer_digests:
        assert any(key.endswith(f"/blobs/sha256/{blob[7:9]}/{blob[7:]}/data") for key in keys), keys
    assert not {"REGISTRY_HTTP_SECRET", "REGISTRY_STORAGE_S3_ACCESSKEY", "REGISTRY_STORAGE_S3_SECRETKEY"} & set(
        registry.env)
    credentials = registry.host_path("/run/registry/aws-credentials")
    assert registry.env["AWS_SHARED_CREDENTIALS_FILE"] == str(credentials)
    assert credentials.read_text() == (f"[default]\naws_access_key_id = {s3_server.access_key}\n"
                                       f"aws_secret_access_key = {s3_server.secret_key}\n")
    assert credentials.stat().st_mode & 0o777 == 0o600  # umask 077
    # AND the registry reads the init container's file itself (no paths to map), whose quoted secret it signs with
    assert registry.config_file == registry.host_path("/run/registry/config.yml")
    assert registry.config_file.stat().st_mode & 0o777 == 0o600
    assert yaml.safe_load(registry.config_file.read_text())["http"]["secret"] == HTTP_SECRET
    assert upload_state_secret_matches(registry, HTTP_SECRET)
    assert not upload_state_secret_matches(registry, "a-stable-random-http-secret")
    assert "No HTTP secret provided" not in registry.log_text()
    # AND the projected files have the volume's defaultMode, and the init container's output was kept
    projected = tmp_path / "registry-1" / "pod-1" / "volumes" / "secrets"
    assert {path.name: path.stat().st_mode & 0o777 for path in projected.iterdir()} == {
        "http-secret": 0o440, "s3-access-key": 0o440, "s3-secret-key": 0o440}
    assert "rendered 8 config lines" in registry.init_log_text("render-config")


def test_init_containers_rerun_for_a_new_pod_only(start_registry: StartRegistry, s3_server: SeaweedS3, s3_root: str,
                                                  skopeo: Skopeo, make_image: MakeImage,
                                                  tmp_path: pathlib.Path) -> None:
    # GIVEN the rendered-secrets registry holding an image
    registry = start_registry(rendered_secret_manifests(s3_server, s3_root), overrides=s3_server.registry_overrides())
    image = make_image()
    skopeo.push(image, f"{registry.address}/app:v1", creds=(USER, PASSWORD))

    # WHEN the container restarts in the same pod, and then the pod is replaced
    registry.restart(pod_replaced=False)
    runs_after_container_restart = registry.init_log_text("render-config").count("### harness: pod")
    registry.restart(pod_replaced=True)

    # THEN the init container ran once per pod (its emptyDir output survives a container restart), and the new pod's
    # registry reads its own freshly rendered files
    assert runs_after_container_restart == 1
    assert registry.init_log_text("render-config").count("### harness: pod") == 2
    assert registry.config_file is not None and "pod-2" in registry.config_file.parts
    assert upload_state_secret_matches(registry, HTTP_SECRET)
    assert_same_image(image, skopeo.pull(f"{registry.address}/app:v1", tmp_path / "pulled", creds=(USER, PASSWORD)))


def test_a_wrong_secret_key_in_the_projected_secret_fails_the_push(
        start_registry: StartRegistry, s3_server: SeaweedS3, s3_root: str, skopeo: Skopeo,
        make_image: MakeImage) -> None:
    # GIVEN the S3 Secret holding the right access key but a wrong secret key
    manifests = rendered_secret_manifests(s3_server, s3_root, secret_key="not-the-secret-key")
    registry = start_registry(manifests, overrides=s3_server.registry_overrides())

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
                              overrides=s3_server.registry_overrides())

    # WHEN the registry starts THEN the start fails with the exit code and the script's output; no registry ran
    with pytest.raises(HarnessError, match=r"init container 'render-config' exited with 3; its output:\n"
                                           r"cannot render: http-secret s3-access-key s3-secret-key"):
        registry.start()
    assert not registry.running
    assert registry.log_text() == ""


def test_init_paths_are_rewritten_longest_mount_first_at_path_boundaries(tmp_path: pathlib.Path) -> None:
    # GIVEN an init container with nested mounts (/cfg, /cfg/data) and a script, an argument and env values naming
    # paths (top-level names that exist neither in the image nor on this machine, so no word is refused)
    manifests = registry_manifests(storage_env=[], pvc=True)
    script = ('cp /cfg/in "/cfg/data/out" && ls /cfg-old /cfgx $d/cfg \'/cfg\' >/dev/null; '
              'sed "s/\'/\'\'/g" /usr/bin/env; echo http://h/cfg /cfg/')
    _pod(manifests)["volumes"].append({"name": "rendered", "emptyDir": {}})
    mounts = [{"name": "rendered", "mountPath": "/cfg"}, {"name": "data", "mountPath": "/cfg/data", "subPath": "i"}]
    _add_init(manifests, command=["/bin/sh", "-c", script, "/cfg/data"], volumeMounts=mounts, env=[
        {"name": "CONFIG", "value": "/cfg/config.yml"}, {"name": "URL_PATH", "value": "/v2/"}])

    # WHEN the harness maps it onto host folders
    init, = RegistryProcess(manifests, workdir=tmp_path, default_namespace=NAMESPACE).init_containers
    argv, env = init.host_command({"/cfg": pathlib.Path("/h/rendered"), "/cfg/data": pathlib.Path("/h/pvc/i")})

    # THEN only whole mount paths are rewritten, the longest first; other words are left alone
    assert argv == ["/bin/sh", "-c",
                    ('cp /h/rendered/in "/h/pvc/i/out" && ls /cfg-old /cfgx $d/cfg \'/h/rendered\' >/dev/null; '
                     'sed "s/\'/\'\'/g" /usr/bin/env; echo http://h/cfg /h/rendered/'), "/h/pvc/i"]
    assert env["CONFIG"] == "/h/rendered/config.yml"
    assert env["URL_PATH"] == "/v2/"
    # AND a sibling of a mount under a real top-level folder is refused, not mistaken for the mount
    _add_init(manifests, command=["/bin/sh", "-c", "ls /cfg/x /run/registry-old"], volumeMounts=[
        {"name": "rendered", "mountPath": "/cfg"}, {"name": "rendered", "mountPath": "/run/registry"}])
    with pytest.raises(UnsupportedSpec, match=r"the script uses \['/run/registry-old'\]"):
        RegistryProcess(manifests, workdir=tmp_path, default_namespace=NAMESPACE)
    # AND Kubernetes $(VAR) expansion applies to the command first ($$ becomes $)
    _add_init(manifests, command=["/bin/sh", "-c", "echo $(NAME) $$ $(cat /cfg/x)"], volumeMounts=mounts,
              env=[{"name": "NAME", "value": "v"}])
    init, = RegistryProcess(manifests, workdir=tmp_path, default_namespace=NAMESPACE).init_containers
    assert init.script == "echo v $ $(cat /cfg/x)"


def test_env_paths_into_mounts_are_mapped_and_unknown_container_paths_refused(start_registry: StartRegistry) -> None:
    # GIVEN env values that are files under a mount, and one into the container's own filesystem
    manifests = registry_manifests(storage_env=[], pvc=True)
    container_of(manifests)["env"] += [{"name": "SSL_CERT_FILE", "value": "/auth/ca.crt"},
                                       {"name": "SOME_FILE", "value": "/var/lib/registry/x"},
                                       {"name": "URL_PATH", "value": "/v2/"}]

    # WHEN it starts THEN they point at the host folders (other values unchanged)
    registry = start_registry(manifests)
    assert registry.env["SSL_CERT_FILE"] == str(registry.host_path("/auth/ca.crt"))
    assert registry.env["SOME_FILE"] == str(registry.host_path("/var/lib/registry/x"))
    assert registry.env["URL_PATH"] == "/v2/"

    # GIVEN a path outside every mount WHEN it starts THEN the harness refuses to guess
    container_of(manifests)["env"].append({"name": "OTHER_FILE", "value": "/etc/other.conf"})
    with pytest.raises(UnsupportedSpec, match=r"env OTHER_FILE=/etc/other.conf points into the container's own"):
        start_registry(manifests)


def test_s3_without_any_credentials_is_refused(start_registry: StartRegistry, s3_server: SeaweedS3,
                                               s3_root: str) -> None:
    # GIVEN the rendered-secrets pod whose init container writes no credentials file
    script = RENDER_SCRIPT.split("access_key=")[0]
    manifests = rendered_secret_manifests(s3_server, s3_root, script=script)

    # WHEN it starts THEN the harness refuses: the S3 driver would ask the EC2 metadata service
    with pytest.raises(UnsupportedSpec, match=r"aws-credentials does not exist; the driver would ask the EC2"):
        start_registry(manifests, overrides=s3_server.registry_overrides())
