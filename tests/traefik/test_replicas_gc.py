"""A garbage-collection window under load (issue "Under load and faults", item 3): two replicas of the
high-availability setup (without Redis, which the chart refuses with garbage collection) behind the real Traefik,
and the chart's CronJob pod run for real while sixteen skopeo clients push and pull: its kubectl containers patch
the Deployment through a stand-in API (tests/e2e/_kube_api.py), each patch rolls both replicas, one pod after the
other, and the real ``registry garbage-collect`` runs against S3 in between."""

from __future__ import annotations

import collections
import pathlib
import re
import threading
import time

from e2e.harness import RegistryApi, write_oci_image
from pods._host import PodsHost
from pods._network import ClusterNetwork, leftovers, unique_prefix

from ._load import push_some, run_load, verify
from ._replicas import HOST, USER, ReplicaStack


def test_a_garbage_collection_window_under_load_refuses_pushes_serves_pulls_and_loses_nothing(
        pods_host: PodsHost, tmp_path: pathlib.Path) -> None:
    prefix = unique_prefix("rg")
    # (without Redis: the chart refuses garbage collection with it, whose cache would keep describing deleted blobs)
    with ClusterNetwork(prefix) as net, ReplicaStack(pods_host, net, tmp_path / "stack", replicas=2, redis=False,
                                                     garbage_collection=True) as stack:
        # GIVEN images pushed, and one deleted: its blobs are garbage
        before = push_some(stack.skopeo("before"), tmp_path, "gc", host=HOST, creds=USER)
        garbage = write_oci_image(tmp_path / "garbage", layer_sizes=(72 * 1024,))
        stack.skopeo("garbage").push(garbage, f"{HOST}/gc/garbage:v1", creds=USER)
        RegistryApi(stack.pods[0].address, tls=None, creds=USER).delete_manifest("gc/garbage", garbage.manifest_digest)
        layer = garbage.layer_digests[0].removeprefix("sha256:")
        garbage_key = f"docker/registry/v2/blobs/sha256/{layer[:2]}/{layer}/data"
        assert garbage_key in stack.s3.list_keys("docker/registry/v2/blobs/")
        # WHEN the chart's CronJob pod runs (read-only rollout, the real garbage-collect, read-write rollout) while
        # sixteen clients push and pull
        outcome: dict[str, object] = {}
        began = time.monotonic()

        def collect() -> None:
            outcome["codes"], outcome["logs"] = stack.run_garbage_collection()

        collector = threading.Thread(target=collect, name="gc")
        collector.start()
        try:
            report = run_load(stack.skopeo, tmp_path / "load", host=HOST, creds=USER, clients=16, duration=300,
                              attempts=2, until=lambda: not collector.is_alive())
        finally:
            collector.join(timeout=330)
        print(f"GC window: {[(round(at - began, 1), value) for at, value in stack.rollouts]}; "
              f"{report.count('push')} pushes, {report.count('push', failed=True)} refused, {report.count('pull')} "
              f"pulls")
        print(collections.Counter(re.sub(r"[0-9a-f]{64}|c\d+|r\d+", "#", str(op.error)[-140:])
                                  for op in report.operations if op.error).most_common(8))
        # THEN the collection succeeded between a read-only and a read-write rollout
        codes, logs = outcome["codes"], outcome["logs"]
        assert codes == {"render-config": 0, "enter-read-only": 0, "leave-read-only": 0, "garbage-collect": 0}, logs
        assert [value for _, value in stack.rollouts] == ["{enabled: true}", "{enabled: false}"]
        assert garbage_key not in stack.s3.list_keys("docker/registry/v2/blobs/")
        # AND every push refused was refused cleanly, by the read-only registry (405), never by a pod going away
        assert [op.error for op in report.operations if op.kind == "push" and op.error
                and "StatusCode: 405, Method not allowed" not in op.error] == []
        assert report.count("push", failed=True) > 0 and report.count("push") > 0
        # AND Traefik passed no 5xx on: no request reached a pod that was going away (the preStop pause, the drain)
        entries = stack.access_entries(0.0)
        assert [(e["RequestMethod"], e["RequestPath"][:60], e["DownstreamStatus"]) for e in entries
                if int(e["DownstreamStatus"]) >= 500] == []
        # AND no pull got a wrong blob or gave up; every image reported pushed (before and during) is intact
        assert report.mismatches() == []
        assert [ref for kind, ref in report.given_up() if kind == "pull"] == []
        assert verify(stack.skopeo, tmp_path / "verify", {**before, **report.pushed}, host=HOST, creds=USER) == []
        # AND the deleted image pushed again after the collection pulls back whole (no blob descriptor left in a
        # cache makes the registry skip its upload: the window's rollouts emptied each pod's)
        stack.skopeo("again").push(garbage, f"{HOST}/gc/garbage:v2", creds=USER)
        assert verify(stack.skopeo, tmp_path / "verify-again", {"gc/garbage:v2": garbage}, host=HOST,
                      creds=USER) == []
    assert leftovers(prefix) == []
