"""Who checks the password: Traefik's basicAuth middleware against the registry's own htpasswd auth, per request and
with parallel layer pulls from one client.

Real parts only: Traefik (.venv/bin/traefik, configured by its file provider) on the node in front of the real
registry (distribution 2.8.2, Debian's docker-registry, run as the pod of synthesized manifests: tests/pods, runc, the
container's limit of 1 CPU), on plain HTTP (TLS is the same in every set-up and is not what is measured here). One
Traefik process has one entry point per set-up; the set-ups are measured one after another:

- (a) "registry checks": Traefik passes requests through to a registry with htpasswd auth (REGISTRY_AUTH=htpasswd,
  as the library configures it today);
- (b) "Traefik checks": a Traefik basicAuth middleware (usersFile) with the same htpasswd line, in front of a
  registry without auth;
- (c) "anonymous": no check anywhere, the floor.

The htpasswd line comes from `HtpasswdAuth.from_users` (the library's own hashing) at the library's default cost
(DEFAULT_BCRYPT_COST) and at cost 4 for contrast: the bytes of the registry's Secret are the file Traefik reads, so (a)
and (b) check the same hash. The three registries share one storage folder (like replicas on one volume): the image
and the blob are pushed once, anonymously, and every set-up reads the same bytes.

Measured:

- per request: p50/p95 of `GET /v2/` and blob `HEAD` on one keep-alive connection through Traefik, and the CPU time
  per request of the Traefik process and of the registry process (from /proc);
- a burst: 6 threads, each on its own keep-alive connection, send a blob `HEAD` with the same Authorization header
  at the same moment (a barrier), round after round;
- layer pulls from one client: `skopeo copy docker://... oci:...` of an image of many small layers (skopeo 1.9
  fetches up to 6 layers at once into an OCI layout) and, for contrast, the same into `dir:` (which skopeo 1.9 fills
  one layer after the other): wall time, CPU of both processes, the requests from Traefik's access log.

Traefik 3.3+ merges identical concurrent basicAuth checks (a singleflight keyed by the credentials, no cache: only
checks in flight at the same moment are shared); the registry runs bcrypt for every request. The number of bcrypt
checks actually run is inferred from CPU time: the extra CPU of the checking process over (c), divided by the CPU of
one check (the per-request table's difference to (c)).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import pathlib
import re
import shutil
import sys
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from ._common import Table, cpu_seconds, fmt_ms, fmt_s, median, percentile, ratio, temp_dir
from ._pods import cluster, registry_pid
from .auth_cost import PASSWORD, USER, Client, _manifests, _seed_blob

TRAEFIK = pathlib.Path(sys.executable).parent / "traefik"  # the venv's real Traefik binary (.venv/bin/traefik)
LAYERS, LAYER_SIZE = 16, 16 * 1024
BURST_THREADS = 6
# skopeo 1.9's `oci:` destination takes layers in parallel (up to 6 at once); its `dir:` destination one at a time.
PULL_DESTINATIONS = ("oci", "dir")
REPOSITORY, IMAGE = "bench/seed", "bench/app:v1"


@dataclasses.dataclass(frozen=True)
class Setup:
    key: str  # the Traefik entry point and router name
    kind: str  # "a" (registry checks), "b" (Traefik checks), "c" (anonymous)
    cost: int | None
    registry: str  # which registry process: "auth10", "auth4" or "open"

    @property
    def label(self) -> str:
        return {"a": "(a) registry checks", "b": "(b) Traefik checks", "c": "(c) anonymous"}[self.kind]

    @property
    def authenticated(self) -> bool:
        return self.kind != "c"


# -- Traefik -----------------------------------------------------------------------------------------------------------

class Traefik:
    """The real Traefik binary, static configuration on its command line, routers and middlewares from its file
    provider, a JSON access log; one loopback entry point per set-up. Started through the e2e harness's process
    helpers (its own process group, registered for the harness's atexit kill)."""

    def __init__(self, workdir: pathlib.Path, setups: Sequence[Setup], backends: dict[str, tuple[str, int]],
                 htpasswd: dict[int, pathlib.Path]) -> None:
        from e2e.harness import free_port

        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self.setups = list(setups)
        self.ports = {setup.key: free_port() for setup in setups}
        self.access_log = workdir / "access.log"
        self.dynamic = workdir / "dynamic.yaml"
        routers: dict[str, Any] = {}
        middlewares: dict[str, Any] = {}
        for setup in setups:
            router: dict[str, Any] = {"entryPoints": [setup.key], "rule": "PathPrefix(`/`)",
                                      "service": f"registry-{setup.registry}"}
            if setup.kind == "b":
                assert setup.cost is not None
                middlewares[f"basic{setup.cost}"] = {"basicAuth": {"usersFile": str(htpasswd[setup.cost]),
                                                                   "realm": "Registry Realm"}}
                router["middlewares"] = [f"basic{setup.cost}"]
            routers[setup.key] = router
        services = {f"registry-{name}": {"loadBalancer": {"servers": [{"url": f"http://{ip}:{port}"}]}}
                    for name, (ip, port) in backends.items()}
        config = {"http": {"routers": routers, "middlewares": middlewares, "services": services}}
        self.dynamic.write_text(json.dumps(config, indent=2) + "\n")  # JSON is YAML
        self.argv = [
            str(TRAEFIK), "--global.checknewversion=false", "--global.sendanonymoususage=false",
            f"--providers.file.filename={self.dynamic}", "--providers.file.watch=false", "--log.level=ERROR",
            "--accesslog=true", f"--accesslog.filepath={self.access_log}", "--accesslog.format=json",
            *(f"--entryPoints.{key}.address=127.0.0.1:{port}" for key, port in self.ports.items()),
        ]  # no --api: the API and dashboard stay off
        self._server: Any = None

    @property
    def pid(self) -> int:
        assert self._server is not None
        return int(self._server.process.pid)

    def start(self) -> Traefik:
        from e2e._proc import LoggedProcess, wait_ready

        self._server = LoggedProcess(self.argv, env={"PATH": "/usr/bin:/bin", "HOME": str(self.workdir)},
                                     cwd=self.workdir, log_path=self.workdir / "traefik.log")
        wait_ready("traefik routers", self._routed, timeout=30, alive=self._dead, stop=self.stop)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop(grace=10)
            self._server = None

    def _routed(self) -> bool | None:
        from e2e.harness import http_request

        # Before the file provider's routers are in, every entry point answers 404.
        return all(http_request("GET", "127.0.0.1", port, "/v2/")[0] != 404 for port in self.ports.values()) or None

    def _dead(self) -> str | None:
        if self._server is not None and self._server.has_exited():
            code = self._server.stop(grace=0)
            self._server = None
            return f"exited with {code}; log:\n{(self.workdir / 'traefik.log').read_text(errors='replace')[-3000:]}"
        return None

    def entries(self, key: str) -> list[dict[str, Any]]:
        """The access log's entries of one entry point so far."""
        if not self.access_log.exists():
            return []
        found = []
        for line in self.access_log.read_text(errors="replace").splitlines():
            with contextlib.suppress(ValueError):
                entry = json.loads(line)
                if entry.get("entryPointName") == key:
                    found.append(entry)
        return found

    def settled_entries(self, key: str, at_least: int) -> list[dict[str, Any]]:
        """entries(), once the log has stopped growing (Traefik writes an entry after the response went out)."""
        deadline = time.monotonic() + 5
        previous = -1
        while True:
            found = self.entries(key)
            if (len(found) == previous and len(found) >= at_least) or time.monotonic() > deadline:
                return found
            previous = len(found)
            time.sleep(0.1)


def _htpasswd_of(manifests: list[dict[str, Any]]) -> str:
    """The htpasswd file in the synthesized Secret: what the registry of set-up (a) reads."""
    for obj in manifests:
        if obj.get("kind") == "Secret" and "htpasswd" in (obj.get("stringData") or {}):
            return str(obj["stringData"]["htpasswd"])
    raise RuntimeError("no htpasswd Secret in the synthesized manifests")


def _status(host: str, port: int, path: str, authorization: str | None) -> int:
    from e2e.harness import http_request

    headers = {"Authorization": authorization} if authorization else {}
    status: int = http_request("GET", host, port, path, headers=headers)[0]
    return status


def _check_setups(traefik: Traefik, setups: Sequence[Setup], backends: dict[str, tuple[str, int]]) -> None:
    """Each set-up is what it claims: (a) and (b) refuse no and wrong credentials and accept the right ones; (c) and
    the registry behind (b) answer anonymously (that registry runs without auth)."""
    import base64

    def basic(password: str) -> str:
        return "Basic " + base64.b64encode(f"{USER}:{password}".encode()).decode()

    expected_401 = {"a", "b"}
    for setup in setups:
        port = traefik.ports[setup.key]
        got = tuple(_status("127.0.0.1", port, "/v2/", header) for header in (None, basic("wrong"), basic(PASSWORD)))
        want = (401, 401, 200) if setup.kind in expected_401 else (200, 200, 200)
        if got != want:
            raise RuntimeError(f"{setup.label} (cost {setup.cost}): GET /v2/ none/wrong/right answered {got}, "
                               f"expected {want}")
    if _status(*backends["open"], "/v2/", None) != 200:
        raise RuntimeError("the registry behind (b) and (c) requires auth")


# -- measurements ------------------------------------------------------------------------------------------------------

@dataclasses.dataclass
class Cpu:
    traefik: int
    registry: int

    def snapshot(self) -> tuple[float, float]:
        return cpu_seconds(self.traefik), cpu_seconds(self.registry)

    def since(self, before: tuple[float, float]) -> tuple[float, float]:
        now = self.snapshot()
        return now[0] - before[0], now[1] - before[1]


def _per_request(port: int, cpu: Cpu, digest: str, authenticated: bool, *, min_samples: int, max_samples: int,
                 budget: float) -> dict[str, Any]:
    client = Client(port, auth=authenticated)
    try:
        for _ in range(2):  # warm up the connection and both processes' paths
            client.request("HEAD", f"/v2/{REPOSITORY}/blobs/{digest}")
        get: list[float] = []
        head: list[float] = []
        before, start = cpu.snapshot(), time.perf_counter()
        while len(get) < max_samples and (len(get) < min_samples or time.perf_counter() - start < budget):
            get.append(client.request("GET", "/v2/")[0])
            head.append(client.request("HEAD", f"/v2/{REPOSITORY}/blobs/{digest}")[0])
        traefik, registry = cpu.since(before)
    finally:
        client.close()
    count = len(get) + len(head)
    return {"get": get, "head": head, "traefik": traefik / count, "registry": registry / count}


def _burst(port: int, cpu: Cpu, digest: str, authenticated: bool, *, rounds: int) -> dict[str, Any]:
    """BURST_THREADS threads on a keep-alive connection each; per round all of them send one blob HEAD with the same
    Authorization header at once (a barrier releases them together)."""
    clients = [Client(port, auth=authenticated) for _ in range(BURST_THREADS)]
    latencies: list[float] = []
    round_walls: list[float] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(BURST_THREADS)
    released: list[float] = [0.0] * rounds
    finished: list[list[float]] = [[] for _ in range(rounds)]
    lock = threading.Lock()

    def worker(client: Client) -> None:
        try:
            for index in range(rounds):
                if barrier.wait() == 0:
                    released[index] = time.perf_counter()
                elapsed, _ = client.request("HEAD", f"/v2/{REPOSITORY}/blobs/{digest}")
                with lock:
                    latencies.append(elapsed)
                    finished[index].append(time.perf_counter())
        except BaseException as error:  # noqa: BLE001  (re-raised in the main thread)
            errors.append(error)
            barrier.abort()

    try:
        for client in clients:  # warm up each connection, one after the other (not part of the measurement)
            client.request("HEAD", f"/v2/{REPOSITORY}/blobs/{digest}")
        threads = [threading.Thread(target=worker, args=(client,), name=f"burst-{i}")
                   for i, client in enumerate(clients)]
        before, start = cpu.snapshot(), time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        wall = time.perf_counter() - start
        traefik, registry = cpu.since(before)
    finally:
        for client in clients:
            client.close()
    if errors:
        raise RuntimeError(f"burst: {errors[0]!r}") from errors[0]
    for index in range(rounds):
        round_walls.append(max(finished[index]) - released[index])
    count = len(latencies)
    return {"latencies": latencies, "rounds": round_walls, "wall": wall, "requests": count,
            "traefik": traefik / count, "registry": registry / count}


_STAMP = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$")


def _start_of(entry: dict[str, Any]) -> datetime:
    match = _STAMP.match(str(entry.get("StartUTC", "")))
    if match is None:
        raise RuntimeError(f"unexpected StartUTC in Traefik's access log: {entry.get('StartUTC')!r}")
    base = datetime.strptime(match.group(1), "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)
    fraction = (match.group(2) or "0").ljust(9, "0")[:9]
    return base + timedelta(microseconds=int(fraction) / 1000)


def _max_in_flight(entries: Sequence[dict[str, Any]]) -> int:
    """The most requests that were in Traefik at the same moment (from start time and duration of each)."""
    events = []
    for entry in entries:
        start = _start_of(entry)
        events += [(start, 1), (start + timedelta(microseconds=int(entry.get("Duration", 0)) / 1000), -1)]
    most = current = 0
    for _, step in sorted(events, key=lambda event: (event[0], event[1])):
        current += step
        most = max(most, current)
    return most


def _pull(setup: Setup, traefik: Traefik, cpu: Cpu, skopeo: Any, dest: str, target: pathlib.Path,
          layers: Sequence[str]) -> dict[str, Any]:
    """One `skopeo copy` of the image through the set-up's entry point into a new local `dest` ("oci" or "dir")."""
    port = traefik.ports[setup.key]
    creds = [f"--src-creds={USER}:{PASSWORD}"] if setup.authenticated else ["--src-no-creds"]
    destination = f"oci:{target}:latest" if dest == "oci" else f"dir:{target}"
    seen = len(traefik.entries(setup.key))
    before, start = cpu.snapshot(), time.perf_counter()
    skopeo.run("copy", "--quiet", *creds, "--src-tls-verify=false", f"docker://127.0.0.1:{port}/{IMAGE}",
               destination)
    wall = time.perf_counter() - start
    traefik_cpu, registry_cpu = cpu.since(before)
    missing = {digest.split(":", 1)[1] for digest in layers} - {path.name for path in target.rglob("*")}
    shutil.rmtree(target, ignore_errors=True)
    if missing:
        raise RuntimeError(f"{setup.label}: skopeo did not write {len(missing)} of the {len(layers)} layers")
    entries = traefik.settled_entries(setup.key, seen + LAYERS)[seen:]
    blobs = [e for e in entries if e.get("RequestMethod") == "GET" and "/blobs/" in str(e.get("RequestPath"))]
    return {"wall": wall, "traefik": traefik_cpu, "registry": registry_cpu, "requests": len(entries),
            "refused": sum(1 for e in entries if e.get("DownstreamStatus") == 401),
            "in_flight": _max_in_flight(blobs)}


# -- the run -----------------------------------------------------------------------------------------------------------

def run(*, quick: bool, log: Callable[[str], None]) -> list[Table]:
    import cdk8s  # noqa: F401  (jsii's Node.js starts here, not inside a timed section)
    from e2e.harness import Skopeo, write_oci_image

    from constructs_lib import DEFAULT_BCRYPT_COST

    if not TRAEFIK.exists():
        raise RuntimeError(f"no Traefik binary at {TRAEFIK}")
    default = DEFAULT_BCRYPT_COST
    costs = [default] if quick else [default, 4]
    setups = [Setup(f"{kind}{cost}", kind, cost, f"auth{cost}" if kind == "a" else "open")
              for cost in costs for kind in ("a", "b")]
    setups.append(Setup("c", "c", None, "open"))
    by_key = {setup.key: setup for setup in setups}
    pulls = 2 if quick else 5
    rounds = 3 if quick else 6

    with temp_dir("access") as tmp, cluster(tmp) as pods, contextlib.ExitStack() as stack:
        pvc = tmp / "pvc"  # one storage folder for all registries
        manifests = {f"auth{cost}": _manifests(cost, tmp / f"dist-auth{cost}") for cost in costs}
        manifests["open"] = _manifests(None, tmp / "dist-open")
        htpasswd: dict[int, pathlib.Path] = {}
        for cost in costs:
            path = tmp / f"htpasswd-{cost}"
            path.write_text(_htpasswd_of(manifests[f"auth{cost}"]))
            path.chmod(0o600)
            htpasswd[cost] = path
        log("access: starting the registries")
        registries = {name: stack.enter_context(pods.registry(m, pvc_root=pvc)) for name, m in manifests.items()}
        pids = {name: registry_pid(registry) for name, registry in registries.items()}
        backends = {name: (registry.ip, registry.port) for name, registry in registries.items()}
        log("access: starting Traefik")
        traefik = Traefik(tmp / "traefik", setups, backends, htpasswd).start()
        stack.callback(traefik.stop)
        _check_setups(traefik, setups, backends)
        cpus = {setup.key: Cpu(traefik.pid, pids[setup.registry]) for setup in setups}

        log(f"access: pushing an image of {LAYERS} layers and a blob (anonymously, through (c))")
        seeder = Client(traefik.ports["c"], auth=False)
        try:
            digest = _seed_blob(seeder, REPOSITORY)
        finally:
            seeder.close()
        skopeo = Skopeo(tmp / "skopeo", tls=None)
        image = write_oci_image(tmp / "image", layer_sizes=[LAYER_SIZE] * LAYERS, seed=4242)
        skopeo.push(image, f"127.0.0.1:{traefik.ports['c']}/{IMAGE}", creds=None)

        per_request: dict[str, dict[str, Any]] = {}
        for setup in setups:
            log(f"access: per request, {setup.label}, cost {setup.cost}")
            per_request[setup.key] = _per_request(
                traefik.ports[setup.key], cpus[setup.key], digest, setup.authenticated,
                min_samples=6 if quick else 10, max_samples=15 if quick else 40, budget=0.5 if quick else 1.5)

        bursts: dict[str, dict[str, Any]] = {}
        for setup in setups:
            log(f"access: burst of {BURST_THREADS}, {setup.label}, cost {setup.cost}")
            bursts[setup.key] = _burst(traefik.ports[setup.key], cpus[setup.key], digest, setup.authenticated,
                                       rounds=rounds)

        cases = [(dest, setup) for dest in PULL_DESTINATIONS for setup in setups]
        pull_runs: dict[tuple[str, str], list[dict[str, Any]]] = {(dest, s.key): [] for dest, s in cases}
        for index in range(pulls + 1):  # the first round warms up and is not counted
            order = cases if index % 2 == 0 else cases[::-1]
            log(f"access: pulls, round {index}/{pulls}" + (" (warm-up)" if index == 0 else ""))
            for dest, setup in order:
                result = _pull(setup, traefik, cpus[setup.key], skopeo, dest,
                               tmp / f"pull-{dest}-{setup.key}-{index}", image.layer_digests)
                if index > 0:
                    pull_runs[dest, setup.key].append(result)

    return _tables(setups, by_key, per_request, bursts, pull_runs, default=default)


def _check_cpu(setup: Setup, per_request: dict[str, dict[str, Any]]) -> float:
    """CPU of one bcrypt check by the checking process of `setup`: its CPU per request over (c)'s, same requests."""
    floor = per_request["c"]
    r = per_request[setup.key]
    process = "registry" if setup.kind == "a" else "traefik"
    return float(r[process] - floor[process])


def _tables(setups: Sequence[Setup], by_key: dict[str, Setup], per_request: dict[str, dict[str, Any]],
            bursts: dict[str, dict[str, Any]], pull_runs: dict[tuple[str, str], list[dict[str, Any]]], *,
            default: int) -> list[Table]:
    def pair(setup: Setup) -> Setup | None:
        return by_key.get(f"a{setup.cost}") if setup.kind == "b" else None

    def vs_a(setup: Setup, value: Callable[[Setup], float]) -> str:
        other = pair(setup)
        return ratio(value(setup), value(other)) if other is not None else "-"

    def vs_c(setup: Setup, value: Callable[[Setup], float]) -> str:
        return ratio(value(setup), value(by_key["c"])) if setup.kind != "c" else "-"

    def cost_of(setup: Setup) -> str:
        return str(setup.cost) if setup.cost is not None else "none"

    # -- per request
    def head_p50(s: Setup) -> float:
        return median(per_request[s.key]["head"])

    def cpu_total(s: Setup) -> float:
        return float(per_request[s.key]["traefik"] + per_request[s.key]["registry"])

    first = Table("Who checks the password, per request: one keep-alive connection through Traefik (plain HTTP)",
                  ["set-up", "bcrypt cost", "samples", "GET /v2/ p50 ms", "GET p95 ms", "blob HEAD p50 ms",
                   "HEAD p95 ms", "Traefik CPU ms/req", "registry CPU ms/req", "both CPU ms/req",
                   "HEAD p50 (b)/(a)", "CPU (b)/(a)", "HEAD p50 /(c)", "CPU /(c)"])
    for s in setups:
        r = per_request[s.key]
        first.add(s.label, cost_of(s), len(r["get"]), fmt_ms(median(r["get"])), fmt_ms(percentile(r["get"], 95)),
                  fmt_ms(head_p50(s)), fmt_ms(percentile(r["head"], 95)), fmt_ms(r["traefik"]),
                  fmt_ms(r["registry"]), fmt_ms(cpu_total(s)), vs_a(s, head_p50), vs_a(s, cpu_total),
                  vs_c(s, head_p50), vs_c(s, cpu_total))
    checks = {s.key: _check_cpu(s, per_request) for s in setups if s.kind != "c"}
    first.notes += [
        ("samples = GET and HEAD requests each, one after the other on one connection; p95 is the nearest-rank "
         "percentile. CPU from /proc (utime + stime, 10 ms ticks) over all of a set-up's requests."),
        "One bcrypt check (the checking process's CPU per request over (c)'s): " + ", ".join(
            f"{'registry' if s.kind == 'a' else 'Traefik'} at cost {s.cost} {fmt_ms(checks[s.key])} ms"
            for s in setups if s.kind != "c") + " (at cost 4 within the 10 ms ticks: rough). Both are Go's "
        "golang.org/x/crypto/bcrypt.",
        ("(b) forwards the Authorization header to the registry, which has no auth and ignores it. TLS is not part of "
         "any set-up (plain HTTP from the node to the pods); it would cost the same in all three."),
    ]

    # -- burst
    def burst_cpu(s: Setup) -> float:
        return float(bursts[s.key]["traefik"] + bursts[s.key]["registry"])

    def burst_round(s: Setup) -> float:
        return median(bursts[s.key]["rounds"])

    def inferred(s: Setup, traefik_cpu: float, registry_cpu: float, floor_traefik: float,
                 floor_registry: float) -> float:
        extra = (registry_cpu - floor_registry) if s.kind == "a" else (traefik_cpu - floor_traefik)
        return extra / checks[s.key] if checks[s.key] > 0 else float("nan")

    rounds = len(bursts["c"]["rounds"])
    second = Table(f"{BURST_THREADS} identical requests at once: blob HEADs with the same Authorization header, "
                   f"{BURST_THREADS} threads on a connection each, {rounds} rounds",
                   ["set-up", "bcrypt cost", "requests", "round p50 ms", "HEAD p50 ms", "HEAD p95 ms",
                    "Traefik CPU ms/req", "registry CPU ms/req", "both CPU ms/req", "bcrypt checks (inferred)",
                    "round (b)/(a)", "CPU (b)/(a)", "round /(c)", "CPU /(c)"])
    floor = bursts["c"]
    for s in setups:
        b = bursts[s.key]
        count = b["requests"]
        checks_run = "-"
        if s.cost == default:
            estimate = inferred(s, b["traefik"] * count, b["registry"] * count, floor["traefik"] * count,
                                floor["registry"] * count)
            checks_run = f"~{estimate:.0f} of {count}"
        second.add(s.label, cost_of(s), count, fmt_ms(burst_round(s)), fmt_ms(median(b["latencies"])),
                   fmt_ms(percentile(b["latencies"], 95)), fmt_ms(b["traefik"]), fmt_ms(b["registry"]),
                   fmt_ms(burst_cpu(s)), checks_run, vs_a(s, burst_round), vs_a(s, burst_cpu), vs_c(s, burst_round),
                   vs_c(s, burst_cpu))
    second.notes += [
        ("round = from the barrier's release until the last of the round's responses is in; each thread's connection "
         "was used once before (not measured), so no request opens a connection."),
        ("bcrypt checks (inferred) = the checking process's CPU over (c)'s for the same requests, divided by one "
         "check's CPU from the table above, at the default cost only (at cost 4 a check takes about 1 ms, which "
         "the 10 ms ticks of the CPU readings do not resolve); the registry checks every request, Traefik merges "
         "the checks that are in flight at the same moment (same user and password)."),
    ]

    # -- pulls
    def pull_median(dest: str, s: Setup, field: str) -> float:
        return median([float(r[field]) for r in pull_runs[dest, s.key]])

    def pull_ratio(dest: str, s: Setup, base: Setup | None, field: str) -> str:
        if base is None or base is s:
            return "-"
        fields = ("traefik", "registry") if field == "cpu" else (field,)
        return ratio(sum(pull_median(dest, s, f) for f in fields), sum(pull_median(dest, base, f) for f in fields))

    runs = len(pull_runs[PULL_DESTINATIONS[0], "c"])
    third = Table(f"Layer pulls from one client: skopeo copy of an image of {LAYERS} layers "
                  f"({LAYER_SIZE // 1024} KiB each before gzip) through Traefik (medians of {runs} runs)",
                  ["skopeo copy to", "set-up", "bcrypt cost", "wall s", "min s", "requests (401)",
                   "layer GETs in flight (max)", "Traefik CPU s", "registry CPU s", "bcrypt checks (inferred)",
                   "wall (b)/(a)", "CPU (b)/(a)", "wall /(c)", "CPU /(c)"])
    for dest in PULL_DESTINATIONS:
        for s in setups:
            rs = pull_runs[dest, s.key]
            requests = int(median([r["requests"] for r in rs]))
            refused = int(median([r["refused"] for r in rs]))
            checks_run = "-"
            if s.cost == default:
                estimate = inferred(s, pull_median(dest, s, "traefik"), pull_median(dest, s, "registry"),
                                    pull_median(dest, by_key["c"], "traefik"),
                                    pull_median(dest, by_key["c"], "registry"))
                checks_run = f"~{estimate:.0f} of {requests - refused}"
            third.add(f"{dest}:", s.label, cost_of(s), fmt_s(pull_median(dest, s, "wall")),
                      fmt_s(min(r["wall"] for r in rs)), f"{requests} ({refused})", max(r["in_flight"] for r in rs),
                      fmt_s(pull_median(dest, s, "traefik")), fmt_s(pull_median(dest, s, "registry")), checks_run,
                      pull_ratio(dest, s, pair(s), "wall"), pull_ratio(dest, s, pair(s), "cpu"),
                      pull_ratio(dest, s, by_key["c"], "wall"), pull_ratio(dest, s, by_key["c"], "cpu"))
    third.notes += [
        ("requests = Traefik's access log for the set-up's entry point during one pull (median); (401) = the "
         "challenge the client gets first, without credentials (no bcrypt); bcrypt checks = inferred as above, of "
         "the requests with credentials. Layer GETs in flight = the most blob GETs that overlapped in Traefik "
         "(start and duration from the access log)."),
        ("skopeo 1.9 fetches the layers in parallel (up to 6 at once) into an `oci:` layout, but one after the "
         "other into `dir:`: the two destinations are the same requests with and without concurrency."),
        (f"Round 0 of {runs + 1} warms up; the cases alternate in order from round to round. The three registries "
         "share one storage folder (like replicas on one volume): the image was pushed once, anonymously."),
        (f"bcrypt checks are inferred at the default cost ({default}) only, as in the table above; at cost 4 the "
         "checks are lost in the 10 ms ticks and in what skopeo's requests cost anyway."),
    ]
    return [first, second, third]
