"""bcrypt cost against request latency through the real registry (distribution 2.8, Debian's docker-registry).

The registry checks the basic-auth password with bcrypt on EVERY request (there is no session or cache), so the cost
chosen at synth time is paid by every pull and push. For each cost, the Registry construct is synthesized with a user
from a password at that cost (`HtpasswdAuth.from_users(..., cost=c)`), run as its pod (tests/pods: runc, the
container's cgroup limit of 1 CPU, its NetworkPolicy) on plain HTTP (in the cluster the ingress terminates TLS) on a
volume (so storage plays no part), and measured from the node:

- p50/p95 of authenticated `GET /v2/` and blob `HEAD` on one keep-alive connection, as a client that reuses its
  connection sees them;
- the registry's own CPU time per request (from /proc: robust against the noise of other processes);
- the wall time of `skopeo copy` pushing an image of 20 small layers, the number of HTTP requests that push made (from
  the registry's log) and the registry's CPU time during it.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import pathlib
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from ._common import Table, cpu_seconds, fmt_ms, fmt_s, median, percentile, temp_dir
from ._pods import Cluster, cluster, registry_pid

USER, PASSWORD = "bench", "a long enough password for the benchmark"
LAYERS, LAYER_SIZE = 20, 16 * 1024


def _manifests(cost: int | None, outdir: pathlib.Path) -> list[dict[str, Any]]:
    import cdk8s

    from constructs_lib import HtpasswdAuth, Registry, Storage

    app = cdk8s.Testing.app(outdir=str(outdir))
    chart = cdk8s.Chart(app, "bench", namespace="registry")
    auth = None if cost is None else HtpasswdAuth.from_users({USER: PASSWORD}, cost=cost)
    Registry(chart, "Registry", name="registry", auth=auth, storage=Storage.filesystem())
    return list(cdk8s.Testing.synth(chart))


class Client:
    """One keep-alive HTTP connection to the registry, with basic auth on every request (as docker and skopeo do)."""

    def __init__(self, port: int, auth: bool, *, host: str = "127.0.0.1") -> None:
        self.conn = http.client.HTTPConnection(host, port, timeout=60)
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        self.headers = {"Authorization": f"Basic {token}"} if auth else {}

    def request(self, method: str, path: str, *, body: bytes | None = None, expect: int = 200,
                headers: dict[str, str] | None = None) -> tuple[float, http.client.HTTPResponse]:
        start = time.perf_counter()
        self.conn.request(method, path, body=body, headers={**self.headers, **(headers or {})})
        response = self.conn.getresponse()
        response.read()
        elapsed = time.perf_counter() - start
        if response.status != expect:
            raise RuntimeError(f"{method} {path}: {response.status}, expected {expect}")
        return elapsed, response

    def close(self) -> None:
        self.conn.close()


def _seed_blob(client: Client, repository: str) -> str:
    """Upload one small blob (POST, then a monolithic PUT) and return its digest."""
    data = os.urandom(1024)
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    _, response = client.request("POST", f"/v2/{repository}/blobs/uploads/", expect=202)
    location = urlsplit(response.getheader("Location") or "")
    query = f"{location.query}&digest={digest}" if location.query else f"digest={digest}"
    target = f"{location.path}?{query}"
    client.request("PUT", target, body=data, expect=201, headers={"Content-Type": "application/octet-stream"})
    return digest


def _measure(cost: int | None, tmp: pathlib.Path, pods: Cluster, *, min_samples: int, max_samples: int,
             budget: float) -> dict[str, Any]:
    from e2e.harness import Skopeo, write_oci_image

    workdir = tmp / f"cost-{cost}"
    manifests = _manifests(cost, workdir / "dist")
    with pods.registry(manifests, pvc_root=workdir / "pvc") as registry:
        pid = registry_pid(registry)
        client = Client(registry.port, auth=cost is not None, host=registry.ip)
        try:
            digest = _seed_blob(client, "bench/seed")
            get: list[float] = []
            head: list[float] = []
            cpu_before, start = cpu_seconds(pid), time.perf_counter()
            while len(get) < max_samples and (len(get) < min_samples or time.perf_counter() - start < budget):
                get.append(client.request("GET", "/v2/")[0])
                head.append(client.request("HEAD", f"/v2/bench/seed/blobs/{digest}")[0])
            cpu_per_request = (cpu_seconds(pid) - cpu_before) / (len(get) + len(head))
        finally:
            client.close()

        image = write_oci_image(workdir / "image", layer_sizes=[LAYER_SIZE] * LAYERS, seed=1000 + (cost or 0))
        skopeo = Skopeo(workdir / "skopeo", tls=None)
        lines_before = registry.log_text().count("response completed")
        cpu_before, start = cpu_seconds(pid), time.perf_counter()
        skopeo.push(image, f"{registry.address}/bench/app:v1", creds=(USER, PASSWORD) if cost is not None else None)
        push = time.perf_counter() - start
        push_cpu = cpu_seconds(pid) - cpu_before
        requests = registry.log_text().count("response completed") - lines_before
    return {"get": get, "head": head, "cpu": cpu_per_request, "push": push, "push_cpu": push_cpu,
            "push_requests": requests}


def run(*, quick: bool, log: Callable[[str], None]) -> list[Table]:
    import cdk8s  # noqa: F401  (jsii's Node.js starts here, not inside a timed section)

    from constructs_lib import DEFAULT_BCRYPT_COST

    costs: list[int | None] = [None, 4, 10] if quick else [None, *range(4, 13)]
    results: dict[int | None, dict[str, Any]] = {}
    with temp_dir("auth") as tmp, cluster(tmp) as pods:
        for cost in costs:
            log(f"auth: bcrypt cost {cost if cost is not None else '- (no auth)'}")
            results[cost] = _measure(cost, tmp, pods, min_samples=5 if quick else 10, max_samples=15 if quick else 40,
                                     budget=1.0 if quick else 2.0)

    table = Table("bcrypt cost against request latency through the real registry (plain HTTP, volume storage)",
                  ["bcrypt cost", "samples", "GET /v2/ p50 ms", "GET p95 ms", "blob HEAD p50 ms", "HEAD p95 ms",
                   "registry CPU ms/request", "max requests/s per CPU", f"push {LAYERS} layers s",
                   "requests in push", "registry CPU s in push"])
    for cost in costs:
        r = results[cost]
        table.add("no auth" if cost is None else cost, len(r["get"]), fmt_ms(median(r["get"])),
                  fmt_ms(percentile(r["get"], 95)), fmt_ms(median(r["head"])), fmt_ms(percentile(r["head"], 95)),
                  fmt_ms(r["cpu"]), f"{1 / r['cpu']:.0f}" if r["cpu"] > 0 else "-", fmt_s(r["push"]),
                  r["push_requests"], fmt_s(r["push_cpu"]))
    default = DEFAULT_BCRYPT_COST
    if default in results and None in results:
        extra = results[default]["cpu"] - results[None]["cpu"]
        table.notes.append(
            f"At the default cost ({default}) every request costs the registry ~{extra * 1000:.0f} ms of CPU more "
            f"than without auth: one pod (limit 1 CPU) answers at most ~{1 / results[default]['cpu']:.0f} "
            f"authenticated requests a second, and a push of {LAYERS} layers ({results[default]['push_requests']} "
            f"requests) takes {results[default]['push'] / results[None]['push']:.1f}x as long as without auth.")
    slowest = max(c for c in costs if c is not None)
    table.notes += [
        (f"samples = GET and HEAD requests each, on one keep-alive connection; {LAYER_SIZE // 1024} KiB layers; p95 "
         "is the nearest-rank percentile (with 10 samples, the largest but one)."),
        (f"At cost {slowest} the push took {results[slowest]['push']:.0f} s of wall time and "
         f"{results[slowest]['push_cpu']:.0f} s of registry CPU ({results[slowest]['push_requests']} requests x "
         f"{results[slowest]['cpu'] * 1000:.0f} ms): bcrypt is the push."),
        ("max requests/s per CPU = 1 / registry CPU per request: what one pod with the chart's limit of 1 CPU can "
         "answer at most."),
        "Each cost step doubles the bcrypt work, for the registry on every request and for an attacker per guess.",
    ]
    return [table]
