"""The registry's way out, enforced: its synthesized pod under runc with its synthesized NetworkPolicy in force,
reaching a real S3 server (SeaweedFS, in a pod of namespace `storage`, as a MinIO would be) and a real Redis (namespace
`cache`) by their cluster DNS names through Service IPs. A push and a pull through it prove that the policy lets
through what the registry needs (DNS, S3, Redis); from the registry pod's network namespace, every other way out is
dropped, and a policy without the storage's port cuts S3 off."""

from __future__ import annotations

import base64
import contextlib
import copy
import json
import pathlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import cdk8s
import pytest
from e2e._kube import ObjectStore
from e2e.harness import RedisServer, SeaweedS3, Skopeo, assert_same_image, write_oci_image

from constructs_lib import HtpasswdAuth, RedisCache, RegistryChart, S3Credentials, Storage

from ._network import ClusterNetwork, PodNet, unique_prefix
from .conftest import PodsHost
from .runner import PodRunner, RunningPod

USER = ("alice", "alice password")
REDIS_PASSWORD = "redis password for the test"
S3_NAME, REDIS_NAME = "minio.storage.svc.cluster.local", "redis.cache.svc.cluster.local"

@dataclass
class Cluster:
    net: ClusterNetwork
    registry: RunningPod
    registry_net: PodNet
    s3: SeaweedS3
    redis: RedisServer
    s3_ip: str
    redis_ip: str
    policies: list[dict[str, Any]]


@pytest.fixture(scope="module")
def cluster(pods_host: PodsHost, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    workdir = tmp_path_factory.mktemp("egress-policy")
    with contextlib.ExitStack() as cleanup:
        net = cleanup.enter_context(ClusterNetwork(unique_prefix("te")))
        for namespace in ("registry", "storage", "cache", "default"):
            net.add_namespace(namespace)
        s3_pod = net.add_pod("storage", "minio-0", {"app.kubernetes.io/name": "minio"})
        redis_pod = net.add_pod("cache", "redis-0", {"app.kubernetes.io/name": "redis"})
        s3_ip = net.add_service("storage", "minio", {9000: 9000}, {"app.kubernetes.io/name": "minio"})
        redis_ip = net.add_service("cache", "redis", {6379: 6379}, {"app.kubernetes.io/name": "redis"})
        s3 = SeaweedS3(host=s3_pod.ip, s3_port=9000, wrap=s3_pod.argv)
        cleanup.callback(s3.stop)
        s3.start()
        redis = RedisServer(workdir / "redis", password=REDIS_PASSWORD, host=redis_pod.ip, port=6379,
                            wrap=redis_pod.argv)
        cleanup.callback(redis.stop)
        redis.start()

        app = cdk8s.Testing.app()
        chart = RegistryChart(
            app, "registry", host="registry.example.com", ui=False,
            auth=HtpasswdAuth.from_users(dict([USER]), cost=4),
            storage=Storage.s3(bucket=s3.bucket, endpoint=f"http://{S3_NAME}:9000", root_directory="/registry",
                               credentials=S3Credentials.from_values(access_key_id=s3.access_key,
                                                                     secret_access_key=s3.secret_key)),
            redis=RedisCache.of(f"{REDIS_NAME}:6379", password_secret="registry-redis"))
        manifests = list(cdk8s.Testing.synth(chart))
        redis_secret = {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "registry-redis",
                                                                           "namespace": "registry"},
                        "data": {"password": base64.b64encode(REDIS_PASSWORD.encode()).decode()}}
        deployment = next(m for m in manifests if m["kind"] == "Deployment")
        policies = [m for m in manifests if m["kind"] == "NetworkPolicy"]
        registry_net = net.add_pod("registry", "registry-0", deployment["spec"]["template"]["metadata"]["labels"],
                                   ready=False)
        net.add_service_manifest(next(m for m in manifests if m["kind"] == "Service"))
        net.apply_network_policies(policies)
        runner = PodRunner(workdir / "runner", ObjectStore([*manifests, redis_secret], default_namespace="registry"),
                           state_dir=pods_host.state_dir, cgroup_parent=f"{pods_host.cgroup_prefix}/egress")
        cleanup.callback(runner.close)
        pod = runner.run(deployment, **net.pod_run_options(registry_net))
        pod.wait_ready(90)  # the readiness probe passes only once the registry reaches S3 (its storage health check)
        yield Cluster(net, pod, registry_net, s3, redis, s3_ip, redis_ip, policies)


def test_the_registry_reaches_s3_and_redis_by_name_through_its_policy(cluster: Cluster,
                                                                    tmp_path: pathlib.Path) -> None:
    # GIVEN the registry pod behind its policy; WHEN an image is pushed and pulled (from the node, as a client)
    skopeo = Skopeo(tmp_path / "skopeo", tls=None)
    image = write_oci_image(tmp_path / "layout", layer_sizes=(96 * 1024,))
    address = f"{cluster.registry_net.ip}:5000"
    skopeo.push(image, f"{address}/team/app:v1", creds=USER)
    assert_same_image(image, skopeo.pull(f"{address}/team/app:v1", tmp_path / "pulled", creds=USER))
    # THEN the blobs are in the bucket and their descriptors in Redis: both were reached by name, past DNS
    keys = cluster.s3.list_keys("registry/")
    for layer in image.layer_digests:
        assert f"registry/docker/registry/v2/blobs/sha256/{layer[7:9]}/{layer[7:]}/data" in keys
    cached = cluster.redis.keys("blobs::*")
    for layer in image.layer_digests:
        assert f"blobs::{layer}" in cached


def test_every_other_way_out_is_dropped(cluster: Cluster) -> None:
    pod = cluster.registry_net
    # GIVEN the registry pod's namespace: what its policy allows connects
    assert pod.connect(cluster.s3_ip, 9000) == "ok"
    assert pod.connect(cluster.redis_ip, 6379) == "ok"
    # THEN other ports are dropped, not refused (nothing listens there: an allowed connection would be refused)
    for host, port in ((cluster.s3.host, 9001), (cluster.redis.host, 6380), (cluster.net.node_ip, 22)):
        assert pod.connect(host, port, 1.0) == "timeout", (host, port)
    # AND from a pod without a policy the same ports are refused: the drop is the registry's policy
    other = cluster.net.add_pod("default", "client", {"app.kubernetes.io/name": "client"})
    try:
        assert other.connect(cluster.s3.host, 9001) == "error [Errno 111] Connection refused"
    finally:
        cluster.net.remove_pod(other)


def test_a_policy_without_the_storage_port_cuts_s3_off(cluster: Cluster) -> None:
    # GIVEN the registry's policy without the S3 port in its egress
    broken = copy.deepcopy([p for p in cluster.policies if p["metadata"]["name"] == "registry"])
    broken[0]["spec"]["egress"] = [rule for rule in broken[0]["spec"]["egress"]
                                   if all(port["port"] != 9000 for port in rule.get("ports", []))
                                   ] + [{"ports": [{"port": 6379, "protocol": "TCP"}]}]
    assert json.dumps(broken[0]["spec"]["egress"]).count("9000") == 0
    cluster.net.apply_network_policies(broken)
    try:
        # THEN the registry pod no longer reaches S3, and still reaches Redis
        assert cluster.registry_net.connect(cluster.s3_ip, 9000) == "timeout"
        assert cluster.registry_net.connect(cluster.redis_ip, 6379) == "ok"
    finally:
        cluster.net.apply_network_policies(cluster.policies)
    assert cluster.registry_net.connect(cluster.s3_ip, 9000) == "ok"
