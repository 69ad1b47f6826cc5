"""Why the library refuses two garbage-collection setups: these tests pin the behaviour of distribution itself (the real
`registry` binary, Debian's docker-registry 2.8.2) that the two ValueErrors of `Registry(garbage_collection=...)` in
constructs_lib/registry.py rest on. They use no CronJob (the library would refuse to synthesize one for either setup):
the registry comes from our constructs, and `registry garbage-collect` runs as a Job built from its pod template, on
the same claim, while the registry is stopped.

- `GarbageCollection.on_schedule(delete_untagged=True)` with a registry 2.x image is refused because 2.x's
  `garbage-collect --delete-untagged` deletes the per-platform manifests of a multi-architecture image (an image
  index whose children have no tag of their own), leaving a tag that no longer pulls (distribution issue #3178, fixed
  in 3.0). Without --delete-untagged the same image survives.
- `garbage_collection` together with `redis=RedisCache.of(...)` is refused because garbage-collect does not clear
  the Redis blob-descriptor cache: after a layer is collected, the registry still answers HEAD with 200, so a client
  pushing an image that reuses the layer skips uploading it, and pulling that image fails (distribution issues #2945,
  #4269). With the in-memory cache (emptied by the restart) HEAD answers 404 and the push uploads the layer again.
"""

from __future__ import annotations

import base64
import copy
import http.client
import pathlib
import random
from collections.abc import Sequence

import pytest

from constructs_lib import HtpasswdAuth, RedisCache, Registry, Storage

from ._client import MANIFEST_ACCEPT, OciIndex, write_oci_index
from ._constructs import CREDS, PASSWORD, USER, Manifest, synth, user_secret
from .conftest import MakeImage, MakeRedis, StartRegistry
from .harness import (
    OciImage,
    RedisServer,
    RegistryApi,
    RegistryPod,
    Skopeo,
    SkopeoError,
    assert_same_image,
)

NAMESPACE = "registry"
REDIS_PASSWORD = "redis-pass-0123456789"


def _with_collection_job(manifests: list[Manifest], *flags: str) -> list[Manifest]:
    """The manifests plus a Job running `registry garbage-collect FLAGS CONFIG` in the registry's pod template (same
    claim, same rendered configuration), as an operator would run it by hand."""
    deployment = next(m for m in manifests if m["kind"] == "Deployment")
    pod = copy.deepcopy(deployment["spec"]["template"])
    pod["spec"]["restartPolicy"] = "Never"
    container = next(c for c in pod["spec"]["containers"] if c["name"] == "registry")
    # The registry container runs `registry serve CONFIG` (command and args): the same program and config file,
    # the other sub-command.
    assert container["command"] == ["registry", "serve"], container["command"]
    container["command"] = ["registry", "garbage-collect", *flags]
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        container.pop(probe, None)
    # The registry container alone: a sidecar (the metrics proxy) never ends, and the Job would never complete.
    pod["spec"]["containers"] = [container]
    return [*manifests, {"apiVersion": "batch/v1", "kind": "Job",
                         "metadata": {"name": "registry-gc", "namespace": NAMESPACE},
                         "spec": {"backoffLimit": 0, "template": pod}}]


def _collect(start_registry: StartRegistry, manifests: Sequence[Manifest], registry: RegistryPod,
             extra_objects: Sequence[Manifest] = ()) -> str:
    """Stop the registry, run the collection Job to completion on its claim, start the registry again (a new pod, as
    the read-only window's rollout makes one); returns the Job's output."""
    registry.stop()
    result = start_registry(manifests, extra_objects, start=False, kinds=("Job",)).run(timeout=60)
    assert result.returncode == 0, result.stdout
    registry.restart()
    return result.stdout


def _blob_data(claim: pathlib.Path, digest: str) -> pathlib.Path:
    hex_digest = digest.removeprefix("sha256:")
    return claim / "docker/registry/v2/blobs/sha256" / hex_digest[:2] / hex_digest / "data"


def _status(api: RegistryApi, method: str, path: str) -> int:
    return api.request(method, path, headers={"Accept": MANIFEST_ACCEPT})[0]


# ---------------------------------------------------------------------------------------------------------------------
# Refusal (a): delete_untagged with registry 2.x

def _multi_arch_registry(start_registry: StartRegistry, skopeo: Skopeo, tmp_path: pathlib.Path,
                         *gc_flags: str) -> tuple[list[Manifest], RegistryPod, OciIndex]:
    manifests = _with_collection_job(synth(lambda chart: Registry(
        chart, "Registry", name="registry", auth=HtpasswdAuth.from_users({USER: PASSWORD}, cost=4),
        storage=Storage.filesystem(), delete_enabled=True)), *gc_flags)
    registry = start_registry(manifests)
    index = write_oci_index(tmp_path / "multi-arch", tag="v1", architectures=("amd64", "arm64"))
    assert skopeo.push(index, f"{registry.address}/app:v1", creds=CREDS) == index.digest
    return manifests, registry, index


def test_delete_untagged_on_2x_deletes_the_platform_manifests_of_a_tagged_index(
        start_registry: StartRegistry, skopeo: Skopeo, tmp_path: pathlib.Path) -> None:
    # GIVEN a registry from our constructs holding a multi-architecture image: an image index tagged v1, whose two
    # per-platform manifests (amd64, arm64) have no tag of their own, all of it pulling
    manifests, registry, index = _multi_arch_registry(start_registry, skopeo, tmp_path, "--delete-untagged")
    api = RegistryApi(registry.address, tls=registry.tls, creds=CREDS)
    for digest in index.manifest_digests:
        assert _status(api, "GET", f"/v2/app/manifests/{digest}") == 200

    # WHEN 2.8.2's `registry garbage-collect --delete-untagged` runs on its claim
    output = _collect(start_registry, manifests, registry)

    # THEN it took the untagged children for garbage, though the tagged index references them
    for digest in index.manifest_digests:
        assert f"manifest eligible for deletion: {digest}" in output, output
    # AND the tag still names the index, but neither platform's manifest can be fetched any more, and the platforms'
    # layers are gone from the claim: the image is broken
    assert api.tags("app") == ["v1"]
    assert api.manifest_digest("app", "v1") == index.digest
    assert [_status(api, "GET", f"/v2/app/manifests/{d}") for d in index.manifest_digests] == [404, 404]
    claim = tmp_path / "pvc" / NAMESPACE / "registry-data"
    assert [_blob_data(claim, d).exists() for d in index.layer_digests] == [False, False]
    assert [_status(api, "HEAD", f"/v2/app/blobs/{d}") for d in index.layer_digests] == [404, 404]
    # AND pulling the tag fails
    with pytest.raises(SkopeoError) as pull:
        skopeo.pull_index(f"{registry.address}/app:v1", tmp_path / "pulled", creds=CREDS)
    assert "manifest unknown" in pull.value.stderr, pull.value.stderr


def test_collection_without_delete_untagged_keeps_a_multi_arch_image(
        start_registry: StartRegistry, skopeo: Skopeo, tmp_path: pathlib.Path) -> None:
    # GIVEN the same multi-architecture image in a registry from our constructs
    manifests, registry, index = _multi_arch_registry(start_registry, skopeo, tmp_path)
    api = RegistryApi(registry.address, tls=registry.tls, creds=CREDS)

    # WHEN `registry garbage-collect` runs without --delete-untagged (what the library allows on 2.x)
    output = _collect(start_registry, manifests, registry)

    # THEN nothing was deleted: the children are marked through the index, and the whole image pulls unchanged
    assert "7 blobs marked, 0 blobs and 0 manifests eligible for deletion" in output, output
    assert [_status(api, "GET", f"/v2/app/manifests/{d}") for d in index.manifest_digests] == [200, 200]
    pulled = skopeo.pull_index(f"{registry.address}/app:v1", tmp_path / "pulled", creds=CREDS, tag="v1")
    assert pulled.digest == index.digest
    assert pulled.manifest_digests == index.manifest_digests
    for digest in (*index.manifest_digests, *index.layer_digests):
        assert pulled.blob(digest) == index.blob(digest)


# ---------------------------------------------------------------------------------------------------------------------
# Refusal (b): garbage collection with the Redis blob-descriptor cache

@pytest.fixture
def redis_server(make_redis: MakeRedis) -> RedisServer:
    return make_redis(REDIS_PASSWORD)


def _collected_layer(start_registry: StartRegistry, skopeo: Skopeo, make_image: MakeImage, tmp_path: pathlib.Path,
                     seed: int, redis: RedisCache | None) -> tuple[RegistryPod, RegistryApi, OciImage]:
    """A registry from our constructs (with `redis`, or its in-memory cache) where image A (one layer from `seed`) was
    pushed, its manifest deleted and its blobs collected while the registry was stopped; the registry is running
    again on the same claim (and the same Redis). Returns the registry, its API and A."""
    manifests = _with_collection_job(synth(lambda chart: Registry(
        chart, "Registry", name="registry", auth=HtpasswdAuth.from_users({USER: PASSWORD}, cost=4),
        storage=Storage.filesystem(), delete_enabled=True, redis=redis)))
    secrets = [user_secret("registry-redis", {"password": REDIS_PASSWORD})] if redis is not None else []
    registry = start_registry(manifests, secrets)
    api = RegistryApi(registry.address, tls=registry.tls, creds=CREDS)
    image_a = make_image(layer_sizes=(32 * 1024,), seed=seed)
    skopeo.push(image_a, f"{registry.address}/app:a", creds=CREDS)
    layer = image_a.layer_digests[0]
    assert _status(api, "HEAD", f"/v2/app/blobs/{layer}") == 200
    api.delete_manifest("app", image_a.manifest_digest)
    output = _collect(start_registry, manifests, registry, secrets)
    assert f"blob eligible for deletion: {layer}" in output, output
    assert not _blob_data(tmp_path / "pvc" / NAMESPACE / "registry-data", layer).exists()
    return registry, api, image_a


def _get_blob(api: RegistryApi, digest: str) -> tuple[int, int | None, int]:
    """GET /v2/app/blobs/DIGEST: (status, the Content-Length announced, the body bytes received before the registry
    closed the response)."""
    assert api.tls is not None and api.creds is not None
    token = base64.b64encode(f"{api.creds[0]}:{api.creds[1]}".encode()).decode()
    conn = http.client.HTTPSConnection(api.host, api.port, context=api.tls.client_context(), timeout=10)
    try:
        conn.request("GET", f"/v2/app/blobs/{digest}", headers={"Authorization": f"Basic {token}"})
        response = conn.getresponse()
        length = response.getheader("Content-Length")
        try:
            received = len(response.read())
        except http.client.IncompleteRead as error:
            received = len(error.partial)
        return response.status, int(length) if length is not None else None, received
    finally:
        conn.close()


def test_collection_leaves_deleted_blobs_in_the_redis_cache(
        start_registry: StartRegistry, redis_server: RedisServer, skopeo: Skopeo, make_image: MakeImage,
        tmp_path: pathlib.Path) -> None:
    # GIVEN a registry from our constructs with a Redis blob-descriptor cache, where image A was pushed and its
    # manifest deleted; garbage-collect then deleted A's layer from the claim while the registry was stopped, and
    # the registry started again on the same claim and the same Redis
    seed = random.SystemRandom().randrange(2**32)
    registry, api, image_a = _collected_layer(start_registry, skopeo, make_image, tmp_path, seed,
                                              RedisCache.of(redis_server.address, password_secret="registry-redis"))
    layer = image_a.layer_digests[0]
    assert "using redis blob descriptor cache" in registry.log_text()

    # THEN Redis still describes the layer, and the registry answers HEAD with 200 for a blob it no longer has; a GET
    # promises its bytes (200, its Content-Length) and sends none
    cached = redis_server.keys()
    assert f"blobs::{layer}" in cached and f"repository::app::blobs::{layer}" in cached, cached
    assert _status(api, "HEAD", f"/v2/app/blobs/{layer}") == 200
    assert _get_blob(api, layer) == (200, len(image_a.blob(layer)), 0)

    # WHEN image B, which reuses A's layer, is pushed
    image_b = make_image(layer_sizes=(32 * 1024, 8 * 1024), seed=seed)
    assert image_b.layer_digests[0] == layer
    skopeo.push(image_b, f"{registry.address}/app:b", creds=CREDS)

    # THEN the push "succeeds": the client skipped the layer the registry said it had, and the registry accepted a
    # manifest whose layer it does not hold
    assert api.manifest_digest("app", "b") == image_b.manifest_digest
    assert not _blob_data(tmp_path / "pvc" / NAMESPACE / "registry-data", layer).exists()
    # AND pulling B fails on that layer
    with pytest.raises(SkopeoError) as pull:
        skopeo.pull(f"{registry.address}/app:b", tmp_path / "pulled", creds=CREDS)
    assert "unexpected EOF" in pull.value.stderr, pull.value.stderr


def test_collection_with_the_in_memory_cache_forgets_deleted_blobs(
        start_registry: StartRegistry, skopeo: Skopeo, make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN the same registry without Redis (each pod's in-memory cache), after the same push, delete, collection and
    # restart
    seed = random.SystemRandom().randrange(2**32)
    registry, api, image_a = _collected_layer(start_registry, skopeo, make_image, tmp_path, seed, None)
    layer = image_a.layer_digests[0]
    assert "using inmemory blob descriptor cache" in registry.log_text()

    # THEN the registry answers HEAD and GET for the collected layer with 404
    assert _status(api, "HEAD", f"/v2/app/blobs/{layer}") == 404
    assert _get_blob(api, layer)[0] == 404

    # WHEN image B, which reuses A's layer, is pushed
    image_b = make_image(layer_sizes=(32 * 1024, 8 * 1024), seed=seed)
    assert image_b.layer_digests[0] == layer
    skopeo.push(image_b, f"{registry.address}/app:b", creds=CREDS)

    # THEN the layer was uploaded again, and B pulls unchanged
    assert _blob_data(tmp_path / "pvc" / NAMESPACE / "registry-data", layer).exists()
    assert_same_image(image_b, skopeo.pull(f"{registry.address}/app:b", tmp_path / "pulled", creds=CREDS))
