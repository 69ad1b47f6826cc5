"""The high-availability example (examples/high_availability.py) as synthesized, its registry pods under runc with
its NetworkPolicies enforced. Three replicas reach "AWS S3" by its real name and port (the bucket's virtual-hosted
name under s3.eu-west-1.amazonaws.com, HTTPS on 443: here SeaweedFS in a pod of its own that the cluster DNS answers
that name with, its certificate from the test CA, which the harness adds to the registry's trust through
SSL_CERT_FILE) and Redis at redis-master.redis.svc.cluster.local through their policy. An image pushed through one
replica pulls from each other one; from a replica every other way out is dropped, and a policy without 443 cuts S3
off."""

from __future__ import annotations

import base64
import contextlib
import copy
import pathlib
from collections.abc import Iterator
from dataclasses import dataclass

import bcrypt
import cdk8s
import pytest
import trustme
from e2e.harness import RedisServer, RegistryApi, SeaweedS3, Skopeo, assert_same_image, write_oci_image

from examples import high_availability

from ._host import PodsHost
from ._network import ClusterNetwork, PodNet
from .registry_pod import RegistryPod

USER = ("alice", "alice password")
REDIS_PASSWORD = "redis password of the example"
S3_DOMAIN = "s3.eu-west-1.amazonaws.com"
BUCKET = "acme-registry"  # the example's
CA_PATH = "/run/harness-ca/ca.crt"

def _secret(name: str, data: dict[str, str]) -> dict[str, object]:
    return {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": name, "namespace": "registry"},
            "data": {key: base64.b64encode(value.encode()).decode() for key, value in data.items()}}


@dataclass
class Ha:
    net: ClusterNetwork
    replicas: list[RegistryPod]
    s3: SeaweedS3
    s3_pod: PodNet
    redis: RedisServer
    redis_ip: str
    manifests: list[dict[str, object]]
    resolv_conf: pathlib.Path  # the cluster DNS as a resolver for a client on the node
    ca_file: pathlib.Path


@pytest.fixture(scope="module")
def ha(pods_host: PodsHost, cluster_net: ClusterNetwork, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ha]:
    workdir = tmp_path_factory.mktemp("ha-example")
    manifests = list(cdk8s.Testing.synth(high_availability.build(cdk8s.Testing.app())))
    ca = trustme.CA()
    cert = ca.issue_cert(S3_DOMAIN, f"*.{S3_DOMAIN}")
    (workdir / "s3.crt").write_bytes(b"".join(blob.bytes() for blob in cert.cert_chain_pems))
    cert.private_key_pem.write_to_path(str(workdir / "s3.key"))
    with contextlib.ExitStack() as cleanup:
        s3_pod = cluster_net.add_pod("aws", "s3-0", {"app.kubernetes.io/name": "s3"})
        cleanup.callback(cluster_net.remove_pod, s3_pod)
        for name in (S3_DOMAIN, f"{BUCKET}.{S3_DOMAIN}"):
            cluster_net.add_external_name(name, s3_pod.ip)
            cleanup.callback(cluster_net.remove_external_name, name)
        s3 = SeaweedS3(bucket=BUCKET, host=s3_pod.ip, s3_port=9000, wrap=s3_pod.argv,
                       https=(workdir / "s3.crt", workdir / "s3.key", 443), domain_name=S3_DOMAIN)
        cleanup.callback(s3.stop)
        s3.start()
        redis_pod = cluster_net.add_pod("redis", "redis-master-0", {"app.kubernetes.io/name": "redis"})
        cleanup.callback(cluster_net.remove_pod, redis_pod)
        redis_ip = cluster_net.add_service("redis", "redis-master", {6379: 6379}, {"app.kubernetes.io/name": "redis"})
        cleanup.callback(cluster_net.remove_service, "redis", "redis-master")
        redis = RedisServer(workdir / "redis", password=REDIS_PASSWORD, host=redis_pod.ip, port=6379,
                            wrap=redis_pod.argv)
        cleanup.callback(redis.stop)
        redis.start()
        # The Secrets the example's docstring names, as the user creates them.
        hashed = bcrypt.hashpw(USER[1].encode(), bcrypt.gensalt(rounds=4)).decode()
        secrets = [_secret("registry-htpasswd", {"htpasswd": f"{USER[0]}:{hashed}\n"}),
                   _secret("registry-http-secret", {"http-secret": "shared-by-every-replica-0123456789"}),
                   _secret("registry-s3", {"accesskey": s3.access_key, "secretkey": s3.secret_key}),
                   _secret("registry-redis", {"password": REDIS_PASSWORD})]
        ca_file = workdir / "ca.crt"
        ca.cert_pem.write_to_path(str(ca_file))
        resolv_conf = workdir / "resolv.conf"
        resolv_conf.write_text(f"nameserver {cluster_net.node_ip}\n")  # where the cluster DNS listens
        replicas = []
        for number in range(3):
            replica = RegistryPod(
                manifests, extra_objects=secrets, net=cluster_net, workdir=pods_host.base / f"{workdir.name}-{number}",
                state_dir=pods_host.state_dir, cgroup_parent=f"{pods_host.cgroup_prefix}/ha{number}",
                default_namespace="registry", files={CA_PATH: ca.cert_pem.bytes()},
                # The test CA for "AWS"; SeaweedFS lists finished uploads' empty folders, which 2.8's purger trips on.
                overrides={"SSL_CERT_FILE": CA_PATH, "REGISTRY_STORAGE_MAINTENANCE_UPLOADPURGING": "{enabled: false}"})
            cleanup.callback(replica.close)
            replicas.append(replica.start().wait_ready(90))  # Ready only once S3 answers its health check
        yield Ha(cluster_net, replicas, s3, s3_pod, redis, redis_ip, manifests, resolv_conf, ca_file)


def test_three_replicas_share_aws_s3_and_redis_through_their_policy(ha: Ha, tmp_path: pathlib.Path) -> None:
    # GIVEN the example's three replicas behind their policy; WHEN an image is pushed through the first
    skopeo = Skopeo(tmp_path / "skopeo", tls=None)
    image = write_oci_image(tmp_path / "layout", layer_sizes=(80 * 1024, 8 * 1024))
    first, *others = ha.replicas
    skopeo.push(image, f"{first.address}/team/app:v1", creds=USER)
    # THEN every other replica serves it, byte for byte, to a client that follows the registry's redirect of each
    # blob to "AWS" (a pre-signed URL of the bucket's name: the client resolves it and trusts the CA, as on the
    # internet)
    def on_the_internet(argv: list[str]) -> list[str]:
        # A client on the node (the registry's policy admits only Traefik and the node) whose resolver knows the
        # AWS names: the cluster DNS's file over /etc/resolv.conf in a mount namespace of its own.
        return ["unshare", "--mount", "--propagation", "private", "sh", "-c",
                'mount --bind "$0" /etc/resolv.conf && exec "$@"', str(ha.resolv_conf), *argv]

    puller = Skopeo(tmp_path / "skopeo-puller", tls=None, wrap=on_the_internet)
    puller.env["SSL_CERT_FILE"] = str(ha.ca_file)
    for number, replica in enumerate(others):
        pulled = puller.pull(f"{replica.address}/team/app:v1", tmp_path / f"pulled-{number}", creds=USER)
        assert_same_image(image, pulled)
    # (the registry did redirect: a blob GET answers 307 to the bucket's AWS name, over HTTPS)
    status, headers, _ = RegistryApi(others[0].address, tls=None, creds=USER).request(
        "GET", f"/v2/team/app/blobs/{image.layer_digests[0]}")
    assert status == 307 and headers["location"].startswith(f"https://{BUCKET}.{S3_DOMAIN}/registry/"), headers
    # AND the blobs are in the example's bucket under its root directory, reached by the AWS name over TLS
    keys = ha.s3.list_keys("registry/")
    for layer in image.layer_digests:
        assert f"registry/docker/registry/v2/blobs/sha256/{layer[7:9]}/{layer[7:]}/data" in keys
    # AND their descriptors are in the shared Redis
    cached = ha.redis.keys("blobs::*")
    assert all(f"blobs::{layer}" in cached for layer in image.layer_digests), cached


def test_every_other_way_out_of_a_replica_is_dropped(ha: Ha) -> None:
    pod = ha.replicas[1].podnet
    # GIVEN a replica: what its policy allows connects (S3 on 443, Redis through its Service)
    assert pod.connect(ha.s3_pod.ip, 443) == "ok"
    assert pod.connect(ha.redis_ip, 6379) == "ok"
    # THEN S3's plain port (listening: a pod without a policy connects) and the node are dropped
    assert pod.connect(ha.s3_pod.ip, 9000, 1.0) == "timeout"
    assert pod.connect(ha.net.node_ip, 22, 1.0) == "timeout"
    other = ha.net.add_pod("default", "client", {"app.kubernetes.io/name": "client"})
    try:
        assert other.connect(ha.s3_pod.ip, 9000) == "ok"
    finally:
        ha.net.remove_pod(other)


def test_a_policy_without_443_cuts_aws_s3_off(ha: Ha) -> None:
    # GIVEN the registry's policy without 443 in its egress
    policies = [m for m in ha.manifests if m["kind"] == "NetworkPolicy"]
    broken = copy.deepcopy([p for p in policies if p["metadata"]["name"] == "registry"])  # type: ignore[index]
    for rule in broken[0]["spec"]["egress"]:  # type: ignore[index]
        rule["ports"] = [port for port in rule.get("ports", []) if port["port"] != 443]
    ha.net.apply_network_policies(broken)
    try:
        # THEN a replica no longer reaches S3, and still reaches Redis
        assert ha.replicas[0].podnet.connect(ha.s3_pod.ip, 443) == "timeout"
        assert ha.replicas[0].podnet.connect(ha.redis_ip, 6379) == "ok"
    finally:
        ha.net.apply_network_policies(policies)
    assert ha.replicas[0].podnet.connect(ha.s3_pod.ip, 443) == "ok"
