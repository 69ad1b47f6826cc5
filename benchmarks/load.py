"""Load through Traefik against straight to one replica, for 1, 2 and 3 replicas, and the timelines of two faults.

The high-availability setup of tests/traefik/_replicas.py (the chart's registry pods under runc, 1 CPU limit each,
S3 on SeaweedFS in a pod, Redis in a pod, the real Traefik on the node balancing over the EndpointSlice that
follows the pods' readiness). Sixteen client threads, each with one keep-alive connection, send for a fixed time a
mix of what pulls and pushes send: three of four rounds a blob GET (1 MiB) and a HEAD, every fourth an upload of a
fresh 256 KiB blob (POST, monolithic PUT). Every request carries basic auth, checked by the registry against a
bcrypt cost-5 line (what `htpasswd -nB` writes). Through Traefik: HTTPS to its websecure entry point by the
registry's name; straight: plain HTTP to one replica's pod IP, as a client inside the cluster would. Requests/s,
MB/s (bodies both ways), p50/p95 latency and errors (any answer but the expected one, or a failed connection; the
client then backs off 0.2 s) come from the clients.

Faults, on the 3 replicas under the same load through Traefik: one replica's container killed (SIGKILL), S3
stopped (40 s; 25 s with --quick), Redis stopped (10 s): the time until the EndpointSlice drops the pods (drain) and
lists them again (recover), and what the clients saw meanwhile. Then a garbage-collection window on 2 replicas
without Redis (the chart refuses the collection with Redis): the chart's CronJob pod, its read-only and read-write
rollouts.
"""

from __future__ import annotations

import base64
import collections
import dataclasses
import hashlib
import http.client
import json
import os
import socket
import ssl
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit

from ._common import Table, fmt_ms, percentile, ratio, temp_dir
from ._pods import cluster

CLIENTS = 16
BLOB_SIZE = 1024 * 1024
UPLOAD_SIZE = 256 * 1024
SEEDED_BLOBS = 4
REPOSITORY = "bench/load"
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
BCRYPT_COST = 5


@dataclasses.dataclass(frozen=True)
class Target:
    """Where the clients connect: Traefik's websecure port by the registry's name, or a pod's IP and port."""

    label: str
    address: tuple[str, int]
    tls: ssl.SSLContext | None = None
    host: str = ""

    def connect(self) -> http.client.HTTPConnection:
        if self.tls is None:
            return http.client.HTTPConnection(*self.address, timeout=30)
        conn = http.client.HTTPSConnection(self.host, self.address[1], context=self.tls, timeout=30)
        # SNI and Host are the registry's name; the TCP connection goes to the loopback entry point.
        conn._create_connection = (  # type: ignore[attr-defined]
            lambda _address, *args, **kwargs: socket.create_connection(self.address, *args, **kwargs))
        return conn


@dataclasses.dataclass(frozen=True)
class Sample:
    at: float  # time.monotonic() when the request started
    seconds: float
    status: int  # 0: the connection failed
    sent: int
    received: int
    ok: bool


# name, drain s, recover s (None: the pods stay), the clients' figures meanwhile
Fault = tuple[str, float | None, float | None, dict[str, Any]]


class Clients:
    """`CLIENTS` threads sending the mix to `target` until stopped; every request is a Sample."""

    def __init__(self, target: Target, digests: Sequence[str], user: tuple[str, str]) -> None:
        self.target = target
        self.digests = list(digests)
        self.headers = {"Authorization": "Basic " + base64.b64encode(f"{user[0]}:{user[1]}".encode()).decode()}
        self.samples: list[Sample] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def run_for(self, seconds: float) -> list[Sample]:
        self.start()
        time.sleep(seconds)
        return self.stop()

    def start(self) -> Clients:
        self._threads = [threading.Thread(target=self._loop, args=(number,), name=f"load-{number}", daemon=True)
                         for number in range(CLIENTS)]
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> list[Sample]:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)
        return self.samples

    def _request(self, conn: http.client.HTTPConnection, method: str, path: str, expect: int,
                 body: bytes | None = None) -> http.client.HTTPResponse | None:
        began = time.monotonic()
        answer: http.client.HTTPResponse | None = None
        try:
            conn.request(method, path, body=body,
                         headers={**self.headers, **({"Content-Type": "application/octet-stream"} if body else {})})
            answer = conn.getresponse()
            data = answer.read()
        except (OSError, http.client.HTTPException):
            conn.close()
            sample = Sample(began, time.monotonic() - began, 0, len(body or b""), 0, False)
        else:
            sample = Sample(began, time.monotonic() - began, answer.status, len(body or b""), len(data),
                            answer.status == expect)
        with self._lock:
            self.samples.append(sample)
        if not sample.ok:
            time.sleep(0.2)  # a client backs off before it tries again
        return answer if sample.ok else None

    def _loop(self, number: int) -> None:
        conn = self.target.connect()
        turn = number
        while not self._stop.is_set():
            turn += 1
            if turn % 4:
                digest = self.digests[turn % len(self.digests)]
                self._request(conn, "GET", f"/v2/{REPOSITORY}/blobs/{digest}", 200)
                self._request(conn, "HEAD", f"/v2/{REPOSITORY}/blobs/{digest}", 200)
            else:
                upload(lambda *args, **kwargs: self._request(conn, *args, **kwargs), os.urandom(UPLOAD_SIZE))
        conn.close()


def upload(request: Callable[..., http.client.HTTPResponse | None], data: bytes) -> str | None:
    """POST, then a monolithic PUT of `data`: its digest, or None when a step failed."""
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    started = request("POST", f"/v2/{REPOSITORY}/blobs/uploads/", 202)
    if started is None:
        return None
    location = urlsplit(started.getheader("Location") or "")
    query = f"{location.query}&digest={digest}" if location.query else f"digest={digest}"
    return digest if request("PUT", f"{location.path}?{query}", 201, data) is not None else None


def _figures(samples: Sequence[Sample], seconds: float) -> dict[str, Any]:
    latencies = [s.seconds for s in samples if s.ok] or [0.0]
    return {"requests": len(samples), "rps": len(samples) / seconds,
            "mbps": sum(s.sent + s.received for s in samples) / seconds / 1e6,
            "p50": percentile(latencies, 50), "p95": percentile(latencies, 95),
            "errors": sum(1 for s in samples if not s.ok), "5xx": sum(1 for s in samples if s.status >= 500),
            "405": sum(1 for s in samples if s.status == 405),
            "statuses": " ".join(f"{code}x{count}" for code, count in sorted(collections.Counter(
                s.status for s in samples if not s.ok).items()))}


def _seed(target: Target, user: tuple[str, str]) -> list[str]:
    """The blobs the clients read, as the layers of an image tagged bench/load:seed (so that a garbage collection
    keeps them)."""
    conn = target.connect()
    clients = Clients(target, [], user)

    def request(*args: Any, **kwargs: Any) -> http.client.HTTPResponse | None:
        return clients._request(conn, *args, **kwargs)

    layers = [os.urandom(BLOB_SIZE) for _ in range(SEEDED_BLOBS)]
    config = json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": []}})
    digests = [upload(request, data) for data in layers]
    config_digest = upload(request, config.encode())
    if None in digests or config_digest is None:
        raise RuntimeError(f"seeding the blobs failed: {clients.samples}")
    manifest = json.dumps({
        "schemaVersion": 2, "mediaType": OCI_MANIFEST,
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest,
                   "size": len(config)},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": digest, "size": BLOB_SIZE}
                   for digest in digests]}).encode()
    conn.request("PUT", f"/v2/{REPOSITORY}/manifests/seed", body=manifest,
                 headers={**clients.headers, "Content-Type": OCI_MANIFEST})
    answer = conn.getresponse()
    answer.read()
    conn.close()
    if answer.status != 201:
        raise RuntimeError(f"seeding the manifest: {answer.status}")
    return [digest for digest in digests if digest is not None]


def _timeline(stack: Any, since: float, *, drained: Callable[[tuple[str, ...]], bool]) -> tuple[float, float]:
    """Seconds from `since` until the slice's ready set was `drained`, and until it listed every pod again."""
    from traefik._replicas import NAMESPACE, SERVICE

    events = [(at, ready) for at, key, ready in stack.endpoints.timeline
              if key == f"{NAMESPACE}/{SERVICE}" and at >= since]
    out = next((at for at, ready in events if drained(ready)), None)
    back = next((at for at, ready in events if out is not None and at > out and len(ready) == len(stack.pods)),
                None)
    if out is None or back is None:
        raise RuntimeError(f"no drain and recovery after {since}: {stack.endpoints.timeline}")
    return out - since, back - since


def run(*, quick: bool, log: Callable[[str], None]) -> list[Table]:
    import cdk8s  # noqa: F401  (jsii's Node.js starts here, not inside a timed section)
    from traefik._replicas import HOST, USER, ReplicaStack

    seconds = 5.0 if quick else 15.0
    s3_cut = 25.0 if quick else 40.0
    results: dict[tuple[int, str], dict[str, Any]] = {}
    faults: list[Fault] = []
    with temp_dir("load") as tmp, cluster(tmp) as pods:
        for replicas in (1, 2, 3):
            log(f"load: starting {replicas} replica(s)")
            with ReplicaStack(pods.host, pods.net, tmp / f"stack-{replicas}", replicas=replicas, redis=True,
                              bcrypt_cost=BCRYPT_COST) as stack:
                via = Target("through Traefik", ("127.0.0.1", stack.traefik.websecure_port),
                             stack.tls.client_context(), HOST)
                straight = Target("straight to one replica", (stack.pods[0].ip, stack.pods[0].port))
                digests = _seed(straight, USER)
                for target in (straight, via):
                    log(f"load: {replicas} replica(s), {target.label}, {seconds:.0f} s")
                    samples = Clients(target, digests, USER).run_for(seconds)
                    results[(replicas, target.label)] = _figures(samples, seconds)
                if replicas == 3:
                    log("load: SIGKILL of one replica under load")
                    victim = stack.pods[1]
                    load = Clients(via, digests, USER).start()
                    time.sleep(2)
                    killed = time.monotonic()
                    victim.restart(pod_replaced=False)
                    time.sleep(max(0.0, 8 - (time.monotonic() - killed)))
                    samples = load.stop()
                    def without_victim(ready: tuple[str, ...], ip: str = victim.ip) -> bool:
                        return ip not in ready

                    out, back = _timeline(stack, killed, drained=without_victim)
                    window = [s for s in samples if s.at >= killed - 0.5]
                    faults.append(("one replica SIGKILLed", out, back,
                                   _figures(window, time.monotonic() - killed)))
                    log(f"load: S3 stopped for {s3_cut:.0f} s under load")
                    load = Clients(via, digests, USER).start()
                    time.sleep(2)
                    cut = time.monotonic()
                    stack.s3.interrupt()
                    try:
                        time.sleep(s3_cut)
                    finally:
                        stack.s3.resume()
                    stack.wait_servers(3, timeout=60)
                    samples = load.stop()
                    out, back = _timeline(stack, cut, drained=lambda ready: not ready)
                    faults.append((f"S3 stopped for {s3_cut:.0f} s", out, back,
                                   _figures([s for s in samples if s.at >= cut], time.monotonic() - cut)))
                    log("load: Redis stopped for 10 s under load")
                    assert stack.redis_server is not None
                    load = Clients(via, digests, USER).start()
                    time.sleep(2)
                    cut = time.monotonic()
                    stack.redis_server.stop()
                    try:
                        time.sleep(10)
                    finally:
                        stack.redis_server.start()
                    samples = load.stop()
                    faults.append(("Redis stopped for 10 s", None, None,
                                   _figures([s for s in samples if s.at >= cut], time.monotonic() - cut)))
        log("load: a garbage-collection window under load (2 replicas, no Redis)")
        with ReplicaStack(pods.host, pods.net, tmp / "stack-gc", replicas=2, redis=False, bcrypt_cost=BCRYPT_COST,
                          garbage_collection=True) as stack:
            via = Target("through Traefik", ("127.0.0.1", stack.traefik.websecure_port),
                         stack.tls.client_context(), HOST)
            digests = _seed(Target("straight", (stack.pods[0].ip, stack.pods[0].port)), USER)
            load = Clients(via, digests, USER).start()
            began = time.monotonic()
            codes, logs = stack.run_garbage_collection()
            samples = load.stop()
            if set(codes.values()) != {0}:
                raise RuntimeError(f"the garbage collection failed: {codes} {logs}")
            (read_only, _), (read_write, _) = stack.rollouts
            faults.append(("garbage-collection window", read_only - began, read_write - began,
                           _figures(samples, time.monotonic() - began)))
    return _tables(results, faults, seconds=seconds)


def _tables(results: dict[tuple[int, str], dict[str, Any]], faults: Sequence[Fault], *,
            seconds: float) -> list[Table]:
    table = Table(f"Load: {CLIENTS} clients for {seconds:.0f} s, through Traefik against straight to one replica",
                  ["replicas", "path", "requests/s", "MB/s", "p50 ms", "p95 ms", "errors", "5xx",
                   "requests/s vs straight"])
    for (replicas, label), figures in results.items():
        base = results[(replicas, "straight to one replica")]
        table.add(replicas, label, f"{figures['rps']:.0f}", f"{figures['mbps']:.1f}", fmt_ms(figures["p50"]),
                  fmt_ms(figures["p95"]), int(figures["errors"]), int(figures["5xx"]),
                  ratio(figures["rps"], base["rps"]))
    table.notes += [
        ("Each replica is limited to 1 CPU (the chart's limit) on a 2-CPU machine that also runs Traefik, S3, Redis "
        "and the clients: more replicas add CPU limits, not CPUs, so the figures show what balancing costs and "
        "keeps, not a cluster's scaling."),
        (f"The mix: 3 of 4 rounds GET and HEAD of a 1 MiB blob, every 4th an upload of {UPLOAD_SIZE // 1024} KiB "
        f"(POST, PUT); basic auth on every request, bcrypt cost {BCRYPT_COST}."),
    ]
    fault_table = Table("Faults under the same load through Traefik (3 replicas; garbage collection: 2)",
                        ["fault", "drain s", "recover s", "requests", "errors", "405", "5xx", "failed answers"])
    for name, out, back, figures in faults:
        fault_table.add(name, "-" if out is None else f"{out:.1f}", "-" if back is None else f"{back:.1f}",
                        int(figures["requests"]), int(figures["errors"]), int(figures["405"]), int(figures["5xx"]),
                        figures["statuses"] or "-")
    fault_table.notes += [
        ("drain: from the fault until the EndpointSlice no longer lists the pod (SIGKILL) or any pod (S3); recover: "
        "from the fault until it lists all three again. Errors and 5xx: what the clients saw from the fault on; "
        "failed answers: each status and how often (0: the connection failed)."),
        "During the S3 outage Traefik has no server for the route and answers 404 itself, counted as errors.",
        ("Redis stopped: no pod leaves (the registry falls back to S3). Garbage collection (2 replicas without Redis, "
        "the chart's CronJob pod with the real kubectl): drain is when both pods are read-only, recover when both "
        "are read-write again; the 405s are the uploads refused in between, as meant."),
    ]
    return [table, fault_table]
