"""`python -m benchmarks [--quick] [--only NAME ...]`: run the benchmarks and print their tables (Markdown).

Tables: synth latency (benchmarks.synth), scaling of users and registries (benchmarks.scaling), bcrypt cost against
request latency through the real registry (benchmarks.auth_cost), who checks the password (Traefik's basicAuth or the
registry's htpasswd, through real Traefik: benchmarks.access_cost), the 200 MB data path through the real registry
on a real S3 server (benchmarks.data_path), and load and faults on 1 to 3 replicas behind Traefik (benchmarks.load).
Progress goes to stderr, tables to stdout.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from . import ROOT, access_cost, auth_cost, data_path, load, scaling, synth
from ._common import Table, children, machine_facts

BENCHMARKS: dict[str, Callable[..., list[Table]]] = {
    "synth": synth.run,
    "scaling": scaling.run,
    "auth": auth_cost.run,
    "access": access_cost.run,
    "data": data_path.run,
    "load": load.run,
}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="a fast smoke run: fewer repetitions, fewer bcrypt costs, 32 MB instead of 200 MB, "
                             "5 s of load instead of 15")
    parser.add_argument("--only", nargs="+", choices=list(BENCHMARKS), default=list(BENCHMARKS),
                        help="run only these benchmarks")
    args = parser.parse_args()
    if not (ROOT / "node_modules" / ".bin" / "node").exists():
        parser.error("the pinned Node.js is missing (node_modules/.bin/node): run `make setup` first")

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    facts = machine_facts()
    print("## Benchmarks" + (" (--quick: smoke run, not for the README)" if args.quick else ""))
    print()
    print("Machine: " + "; ".join(f"{key} {value}" for key, value in facts.items() if key != "load average"))
    print(f"Load average at start: {facts['load average']}")
    print()
    sys.stdout.flush()
    timings = {}
    for name in args.only:
        begin = time.perf_counter()
        for table in BENCHMARKS[name](quick=args.quick, log=log):
            print(table.render(), flush=True)
        timings[name] = time.perf_counter() - begin

    leaked = [f"{pid} {name}" for pid, name in children() if name in ("docker-registry", "weed", "skopeo", "traefik")]
    print(f"Load average at end: {machine_facts()['load average']}")
    print("Wall time: " + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in timings.items())
          + f"; total {time.perf_counter() - started:.0f} s")
    if leaked:
        print(f"LEAKED PROCESSES: {leaked}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
