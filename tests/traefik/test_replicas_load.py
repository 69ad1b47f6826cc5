"""Several replicas behind the real Traefik under load (issue "Under load and faults", items 1 and 2).

The high-availability setup's registry pods (tests/traefik/_replicas.py: 3 replicas with Redis, 2 without) run
under runc behind Traefik, which balances over the registry Service's EndpointSlice as the endpointslice controller
keeps it from the pods' readiness. Sixteen skopeo clients push and pull at once for a bounded time; Traefik's access
log shows which replica served each request. Without the shared http secret the same load fails: an upload started
on one replica is refused by another.
"""

from __future__ import annotations

import pathlib
import time
from collections.abc import Iterator
from typing import Any

import pytest
from pods._host import PodsHost
from pods._network import ClusterNetwork, leftovers, unique_prefix

from ._load import LoadReport, run_load, verify
from ._replicas import HOST, NAMESPACE, SERVICE, USER, ReplicaStack, upload_backends

CLIENTS = 16
LOAD_SECONDS = 20.0


@pytest.fixture(scope="module")
def three(pods_host: PodsHost, cluster_net: ClusterNetwork,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReplicaStack]:
    with ReplicaStack(pods_host, cluster_net, tmp_path_factory.mktemp("three"), replicas=3, redis=True) as stack:
        yield stack


@pytest.fixture
def own_net(pods_host: PodsHost) -> Iterator[ClusterNetwork]:
    """A cluster network of the test's own (the module's holds the three replicas' stack)."""
    prefix = unique_prefix("rl")
    with ClusterNetwork(prefix) as net:
        yield net
    assert leftovers(prefix) == []


def _server_errors(entries: list[dict[str, Any]]) -> list[str]:
    return [f"{e['RequestMethod']} {e['RequestPath']} -> {e['DownstreamStatus']} ({e.get('ServiceAddr')})"
            for e in entries if int(e["DownstreamStatus"]) >= 500]


def _digest_of(entry: dict[str, Any]) -> str | None:
    _, _, query = str(entry["RequestPath"]).partition("?")
    return next((part.split("=", 1)[1].replace("%3A", ":") for part in query.split("&")
                 if part.startswith("digest=")), None)


def _assert_clean_load(stack: ReplicaStack, report: LoadReport, since: float, workdir: pathlib.Path) -> None:
    # every push completed and every pull returned the pushed digests, byte for byte
    assert report.errors() == []
    assert report.count("push") >= 2 * CLIENTS and report.count("pull") >= CLIENTS, report.operations
    assert verify(stack.skopeo, workdir / "verify", report.pushed, host=HOST, creds=USER) == []
    entries = stack.access_entries(since)
    # zero 5xx, and every replica served its share
    assert _server_errors(entries) == []
    assert {entry["ServiceAddr"] for entry in entries} == set(stack.addresses())
    # one upload's requests (POST, PATCH, PUT) were served by different replicas
    uploads = upload_backends(entries)
    spread = [requests for requests in uploads.values() if len({backend for _, backend in requests}) > 1]
    assert len(spread) >= len(uploads) // 4, (len(spread), len(uploads))


def test_the_endpoint_slice_lists_each_replica_once_its_readiness_probe_passed(three: ReplicaStack) -> None:
    # GIVEN the replicas started unready: the slice was empty until each passed its readiness probe (GET /), one by
    # one, and Traefik balances over exactly the ready ones
    ready_sets = [ready for _, key, ready in three.endpoints.timeline if key == f"{NAMESPACE}/{SERVICE}"]
    assert ready_sets[0] == ()
    assert [len(ready) for ready in ready_sets if ready] == [1, 2, 3]
    assert set(ready_sets[-1]) == {pod.ip for pod in three.pods}
    assert three.servers() == set(three.addresses())
    # WHEN one pod is taken out of the endpoints, THEN Traefik's watch sees the new slice and stops sending to it
    three.net.set_ready(three.pods[0].podnet, False)
    try:
        assert three.wait_servers(2) == set(three.addresses()[1:])
    finally:
        three.net.set_ready(three.pods[0].podnet, True)
    assert three.wait_servers(3) == set(three.addresses())


def test_sixteen_clients_push_and_pull_through_three_replicas(three: ReplicaStack, tmp_path: pathlib.Path) -> None:
    since = time.time()
    report = run_load(three.skopeo, tmp_path, host=HOST, creds=USER, clients=CLIENTS, duration=LOAD_SECONDS)
    print(f"{report.count('push')} pushes, {report.count('pull')} pulls in {report.elapsed:.1f} s")
    _assert_clean_load(three, report, since, tmp_path)
    # the same layer was uploaded by several clients at once (the shared image's, pushed by all sixteen together)
    shared_layer = report.pushed["load/shared:v1"].layer_digests[0]
    puts = [(float(entry["Duration"]) / 1e9, entry) for entry in three.access_entries(since)
            if entry["RequestMethod"] == "PUT" and _digest_of(entry) == shared_layer]
    assert len(puts) >= 2, puts
    # and the blobs went to S3, their descriptors to Redis
    assert three.redis_server is not None
    assert f"blobs::{shared_layer}" in three.redis_server.keys("blobs::*")
    assert any(key.endswith(f"/{shared_layer[7:]}/data") for key in three.s3.list_keys("docker/registry/v2/blobs/"))


def test_two_replicas_without_redis_carry_the_same_load(pods_host: PodsHost, own_net: ClusterNetwork,
                                                       tmp_path: pathlib.Path) -> None:
    with ReplicaStack(pods_host, own_net, tmp_path / "stack", replicas=2, redis=False) as two:
        since = time.time()
        report = run_load(two.skopeo, tmp_path / "load", host=HOST, creds=USER, clients=CLIENTS,
                          duration=LOAD_SECONDS / 2)
        _assert_clean_load(two, report, since, tmp_path)


def test_without_the_shared_http_secret_the_same_load_fails(pods_host: PodsHost, own_net: ClusterNetwork,
                                                           tmp_path: pathlib.Path) -> None:
    # GIVEN two replicas with a secret of their own each (what replicas without the shared Secret would have)
    with ReplicaStack(pods_host, own_net, tmp_path / "stack", replicas=2, redis=False,
                      shared_http_secret=False) as two:
        since = time.time()
        report = run_load(two.skopeo, tmp_path / "load", host=HOST, creds=USER, clients=CLIENTS, duration=5)
        # THEN pushes fail: an upload started on one replica is unknown to the other (its state token's signature)
        failed = [op for op in report.operations if op.kind == "push" and op.error is not None]
        assert len(failed) > 2 * report.count("push"), report.operations  # most of them (a few get lucky)
        # (or, when the refusal came before the PATCH's body was sent, that upload's connection reset)
        assert [op.error for op in failed if "blob upload invalid" not in str(op.error)
                and not ("/blobs/uploads/" in str(op.error) and "connection reset by peer" in str(op.error))] == []
        # (Traefik's log: the PATCH or PUT of an upload answered 404 BLOB_UPLOAD_INVALID by the other replica)
        refused = {(entry["RequestMethod"], entry["DownstreamStatus"]) for entry in two.access_entries(since)
                   if "/blobs/uploads/" in entry["RequestPath"] and int(entry["DownstreamStatus"]) >= 400}
        assert refused and refused <= {("PATCH", 404), ("PUT", 404)}, refused
