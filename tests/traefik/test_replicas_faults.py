"""Faults under load, nothing lost (issue "Under load and faults", item 3): three replicas with Redis behind the real
Traefik (tests/traefik/_replicas.py), their readiness and liveness computed from the synthesized probes by the pod
runner, the EndpointSlice following readiness.

- a replica's registry container killed (SIGKILL) while sixteen clients push: the clients retry (skopeo
  --retry-times, as docker and containerd retry a layer), no blob is ever served with a wrong digest, and every image
  reported pushed pulls back intact once the replica is back;
- S3 stopped for 40 s: the registry's storage health check fails, readiness takes every pod out of the slice
  (Traefik then has no route: its own 404), liveness restarts none, and once S3 is back the pods return and
  everything pushed before pulls;
- Redis stopped: pulls go on from S3.
"""

from __future__ import annotations

import pathlib
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from e2e import _proc
from e2e.harness import OciImage
from pods._host import PodsHost
from pods._network import ClusterNetwork, leftovers, unique_prefix

from ._load import push_some, run_load, verify
from ._replicas import HOST, NAMESPACE, SERVICE, USER, ReplicaStack

S3_CUT_SECONDS = 40.0


@pytest.fixture(scope="module")
def three(pods_host: PodsHost, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReplicaStack]:
    prefix = unique_prefix("rf")
    with ClusterNetwork(prefix) as net, ReplicaStack(pods_host, net, tmp_path_factory.mktemp("faults"), replicas=3,
                                                     redis=True) as stack:
        yield stack
    assert leftovers(prefix) == []


def _ready(stack: ReplicaStack) -> tuple[str, ...]:
    return stack.endpoints.ready_addresses(NAMESPACE, SERVICE)


def _when(stack: ReplicaStack, since: float, condition: str,
          predicate: Callable[[tuple[str, ...]], bool]) -> float:
    """The first time (monotonic) at or after `since` that the slice's ready set satisfied `predicate`."""
    for at, key, ready in stack.endpoints.timeline:
        if key == f"{NAMESPACE}/{SERVICE}" and at >= since and predicate(ready):
            return at
    raise AssertionError(f"the slice never {condition} after {since}: {stack.endpoints.timeline}")


def _restarts(stack: ReplicaStack) -> list[int]:
    return [pod.pod.restart_count("registry") if pod.pod else -1 for pod in stack.pods]


def _push_some(stack: ReplicaStack, workdir: pathlib.Path, name: str, count: int = 3) -> dict[str, OciImage]:
    return push_some(stack.skopeo(f"before-{name}"), workdir, name, host=HOST, creds=USER, count=count)


def test_a_replica_killed_during_pushes_loses_nothing(three: ReplicaStack, tmp_path: pathlib.Path) -> None:
    victim = three.pods[1]
    assert victim.pod is not None
    restarts = victim.pod.restart_count("registry")
    killed_at: list[float] = []

    def kill_later() -> None:
        time.sleep(6)
        killed_at.append(time.monotonic())
        victim.restart(pod_replaced=False)  # SIGKILL; the runner restarts the container as the kubelet does

    killer = threading.Thread(target=kill_later, name="killer")
    killer.start()
    try:
        report = run_load(lambda name: three.skopeo(name, retry_times=3), tmp_path, host=HOST, creds=USER,
                          clients=16, duration=20, attempts=3)
    finally:
        killer.join(timeout=120)
    # THEN the killed replica left the slice and came back after its restart
    (killed,) = killed_at
    left = _when(three, killed, "lost the killed replica", lambda ready: victim.ip not in ready)
    back = _when(three, left, "got the replica back", lambda ready: victim.ip in ready)
    print(f"SIGKILL: out of the slice after {left - killed:.1f} s, back after {back - killed:.1f} s")
    assert victim.pod is not None and victim.pod.restart_count("registry") == restarts + 1
    # no pull during the load got a blob with a wrong digest; what failed (the killed replica's requests: 502 from
    # Traefik, a reset) succeeded when tried again
    print(f"{report.count('push')} pushes, {report.count('pull')} pulls; failed attempts: {len(report.errors())}")
    assert report.mismatches() == []
    assert report.given_up() == []
    assert report.count("push") >= 16
    assert verify(three.skopeo, tmp_path / "verify", report.pushed, host=HOST, creds=USER) == []


def test_s3_cut_off_for_40_s_takes_the_pods_out_and_back(three: ReplicaStack, tmp_path: pathlib.Path) -> None:
    # GIVEN images pushed before, every replica ready
    before = _push_some(three, tmp_path, "s3")
    assert set(_ready(three)) == {pod.ip for pod in three.pods}
    restarts = _restarts(three)
    # WHEN S3 is stopped for 40 s
    cut = time.monotonic()
    three.s3.interrupt()
    try:
        # (within the check's and the probe's 5 s x 2 each, 20 s, and some slack for a loaded machine)
        drained = _proc.wait_for("every replica out of the slice", lambda: True if not _ready(three) else None,
                                 timeout=30, interval=0.2)
        drained_at = time.monotonic()
        # (Traefik has no server left: it drops the route, and answers its own 404 - 503 only with the provider's
        # allowEmptyServices, which k3s's Traefik does not set)
        assert drained and three.wait_servers(0, timeout=10) == set()
        status, _, body = three.clients().https("GET", HOST, "/v2/")
        assert (status, body) == (404, b"404 page not found\n"), (status, body)
        time.sleep(max(0.0, cut + S3_CUT_SECONDS - time.monotonic()))
    finally:
        three.s3.resume()
    resumed = time.monotonic()
    three.wait_servers(3, timeout=60)
    recovered = _when(three, resumed, "got every replica back", lambda ready: len(ready) == 3)
    print(f"S3 cut: every pod out after {drained_at - cut:.1f} s; S3 back after {resumed - cut:.1f} s; every pod "
          f"back {recovered - resumed:.1f} s later")
    # THEN liveness restarted none of them
    assert _restarts(three) == restarts
    # AND everything pushed before pulls back, and pushes work again
    assert verify(three.skopeo, tmp_path / "verify", before, host=HOST, creds=USER) == []
    _push_some(three, tmp_path, "after-s3", count=1)


def test_redis_down_pulls_keep_working_from_s3(three: ReplicaStack, tmp_path: pathlib.Path) -> None:
    before = _push_some(three, tmp_path, "redis")
    assert three.redis_server is not None
    logged = [len(pod.log_text()) for pod in three.pods]
    three.redis_server.stop()
    try:
        # THEN pulls (each replica in turn, through Traefik) still return the pushed images
        assert verify(three.skopeo, tmp_path / "verify", before, host=HOST, creds=USER, parallel=3) == []
        assert set(_ready(three)) == {pod.ip for pod in three.pods}
        # (the replicas did ask Redis, and fell back to S3)
        since_stop = "".join(pod.log_text()[start:] for pod, start in zip(three.pods, logged, strict=True))
        assert "redis: error connecting" in since_stop
    finally:
        three.redis_server.start()

