"""Scaling: 1, 10 and 100 htpasswd users (from passwords at the default bcrypt cost, and from ready hashes), and 1 and
10 registries in one app. Time and peak memory.

Each scenario runs in a new Python process (`python -m benchmarks.scaling --child KIND N REPS`), so its memory figures
are its own: Python's peak allocations (tracemalloc, during one traced run of the scenario) and the resident memory of
that process's jsii Node.js child (VmRSS after a warm-up synth, VmRSS after the scenario, and its peak VmHWM, from
/proc). Every run builds the default app's chart (S3 storage, http secret, UI, ingress) with the given auth, and writes
the YAML files.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from . import ROOT
from ._common import Table, children, fmt_bytes, fmt_ms, median, proc_memory

KINDS = {
    "passwords": "users from passwords (from_users, default cost)",
    "hashes": "users from ready hashes (from_htpasswd)",
    "registries": "registries in one app (a RegistryChart each)",
}


def _chart(app: Any, index: int | None, auth: Any) -> None:
    """The default app's chart (main.build's settings) with the given auth; `index` tells several apart."""
    from constructs_lib import HttpSecret, IngressTls, RegistryChart, S3Credentials, Storage

    suffix = "" if index is None else f"-{index}"
    RegistryChart(
        app, f"registry{suffix}",
        host=f"registry{suffix}.example.com",
        namespace=f"registry{suffix}",
        auth=auth,
        storage=Storage.s3(bucket="registry", endpoint="http://minio.minio.svc.cluster.local:9000",
                           credentials=S3Credentials.from_secret("registry-s3")),
        http_secret=HttpSecret.from_secret("registry-http-secret"),
        tls=IngressTls.cert_resolver("letsencrypt"),
        delete_enabled=True,
        redirect_http_to_https=True,
    )


def _child(kind: str, count: int, reps: int) -> None:
    import bcrypt
    import cdk8s

    from constructs_lib import HtpasswdAuth

    users = {f"user{i:03d}": f"password-{i:03d}-correct-horse" for i in range(count)}
    # Ready hashes at cost 4 to keep the setup short: from_htpasswd only checks each line's shape, never runs bcrypt,
    # so the cost inside the hash makes no difference to what is measured.
    htpasswd = "".join(f"{user}:{bcrypt.hashpw(password.encode(), bcrypt.gensalt(4)).decode()}\n"
                       for user, password in users.items())

    def auth() -> Any:
        if kind == "passwords":
            return HtpasswdAuth.from_users(users)
        if kind == "hashes":
            return HtpasswdAuth.from_htpasswd(htpasswd)
        return HtpasswdAuth.from_secret("registry-htpasswd")

    def scenario(outdir: str) -> tuple[float, float]:
        start = time.perf_counter()
        made = auth()
        made_at = time.perf_counter()
        app = cdk8s.App(outdir=outdir)
        for index in range(count if kind == "registries" else 1):
            _chart(app, index if kind == "registries" else None, made)
        app.synth()
        return made_at - start, time.perf_counter() - start

    with tempfile.TemporaryDirectory(prefix="bench-scaling-") as tmp:
        warmup = cdk8s.App(outdir=f"{tmp}/warmup")
        _chart(warmup, None, HtpasswdAuth.from_secret("registry-htpasswd"))
        warmup.synth()
        node = [pid for pid, name in children() if name in ("node", "MainThread")]
        node_before = proc_memory(node[0]) if node else {}
        timed = [scenario(f"{tmp}/run-{rep}") for rep in range(reps)]
        tracemalloc.start()
        scenario(f"{tmp}/traced")
        _, python_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        node_after = proc_memory(node[0]) if node else {}
    print(json.dumps({
        "auth": median([t[0] for t in timed]), "total": median([t[1] for t in timed]), "reps": reps,
        "python_peak": python_peak,
        "python_maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "node_rss_before": node_before.get("VmRSS"), "node_rss_after": node_after.get("VmRSS"),
        "node_hwm": node_after.get("VmHWM"),
    }))


def run(*, quick: bool, log: Callable[[str], None]) -> list[Table]:
    from constructs_lib import DEFAULT_BCRYPT_COST

    plan = [("passwords", n) for n in ((1, 10) if quick else (1, 10, 100))]
    plan += [("hashes", n) for n in ((1, 10) if quick else (1, 10, 100))]
    plan += [("registries", n) for n in ((1, 2) if quick else (1, 10))]
    results: dict[tuple[str, int], dict[str, Any]] = {}
    for kind, count in plan:
        # bcrypt at the default cost takes ~80 ms a user here: 100 users once (plus the traced run) is enough.
        reps = 1 if quick or (kind == "passwords" and count == 100) else 3
        log(f"scaling: {count} {kind} ({reps} runs + 1 traced)")
        result = subprocess.run([sys.executable, "-m", "benchmarks.scaling", "--child", kind, str(count), str(reps)],
                                cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
                                stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            raise RuntimeError(f"scaling child {kind} {count} failed ({result.returncode}):\n{result.stderr[-3000:]}")
        results[kind, count] = json.loads(result.stdout.strip().splitlines()[-1])

    table = Table("Scaling: users and registries (a new process each; build + synth of the default chart)",
                  ["scenario", "n", "runs", "auth ms", "total ms", "ms per extra one", "Python peak",
                   "Node.js RSS growth", "Node.js peak RSS"])
    for kind, count in plan:
        r = results[kind, count]
        smaller = [c for k, c in plan if k == kind and c < count]
        step = "-"
        if smaller:
            base = results[kind, max(smaller)]
            step = fmt_ms((r["total"] - base["total"]) / (count - max(smaller)))
        growth = (r["node_rss_after"] - r["node_rss_before"]) if r["node_rss_before"] else None
        table.add(KINDS[kind], count, r["reps"], fmt_ms(r["auth"]), fmt_ms(r["total"]), step,
                  fmt_bytes(r["python_peak"]), fmt_bytes(growth) if growth is not None else "n/a",
                  fmt_bytes(r["node_hwm"]) if r["node_hwm"] else "n/a")
    table.notes += [
        ("auth = constructing the HtpasswdAuth (bcrypt hashing for passwords); total = auth + build + synth into "
         "files; ms per extra one = the total's growth from the next smaller n, divided by the added users or "
         "registries."),
        ("Python peak = peak of Python allocations during one more run of the scenario under tracemalloc (not timed: "
         "tracing slows it). Node.js = the jsii kernel process of that child, from /proc: its RSS growth over the "
         "timed and traced runs, and its peak RSS since it started (a warm-up synth of one chart came first)."),
    ]
    for kind in ("passwords", "hashes", "registries"):
        counts = sorted(c for k, c in plan if k == kind)
        if len(counts) < 2:
            continue
        first, last = results[kind, counts[0]], results[kind, counts[-1]]
        line = f"{KINDS[kind]}: {counts[-1]}x the {counts[0]} costs {last['total'] / first['total']:.1f}x the time"
        if kind == "passwords":
            line += (f"; bcrypt (cost {DEFAULT_BCRYPT_COST}) per user: {first['auth'] / counts[0] * 1000:.0f} ms at "
                     f"n={counts[0]}, {last['auth'] / counts[-1] * 1000:.0f} ms at n={counts[-1]}")
        elif kind == "hashes":
            line += f"; parsing all {counts[-1]} ready hashes took {last['auth'] * 1000:.2f} ms"
        table.notes.append(line + ".")
    return [table]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=3, metavar=("KIND", "COUNT", "REPS"), required=True)
    args = parser.parse_args()
    kind, count, reps = args.child
    if kind not in KINDS:
        raise SystemExit(f"unknown kind {kind!r}")
    _child(kind, int(count), int(reps))


if __name__ == "__main__":
    main()
