"""Synth latency: the default app (main.build) against a bare cdk8s app with one cdk8s-plus Deployment.

Two views, both measured in the same run with the cases interleaved (so machine noise hits both alike):

- cold: a new Python process per synth, as `cdk8s synth` runs `python main.py`: interpreter and Node.js start, imports
  (which load the jsii assemblies), build, synth into files, exit. This is what a user waits for.
- warm: build and synth again inside one process whose imports are done and whose jsii kernel runs. This is the cost of
  the constructs themselves; it runs once normally and once under `python -O` (no typeguard checks).

`python -m benchmarks.synth --child CASE OUTDIR` is one cold synth (it prints its phase timings as JSON);
`python -m benchmarks.synth --warm RUNS OUTDIR` the warm runs.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import os
import pathlib
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

from . import ROOT
from ._common import Table, fmt_ms, median, ratio, temp_dir

#: The most the default app's synth may cost, against the bare app's (ratio of medians of alternating runs).
TARGET = 1.3
CASES = ("bare", "ours")  # a bare cdk8s app with one cdk8s-plus Deployment; the default app (main.build)
# Warm runs also time the default app with the app-wide collision check (constructs_lib._collisions) answering at once,
# to show what the check costs.
UNCHECKED = "ours-unchecked"


def _build(case: str, app: Any) -> None:
    if case in ("ours", UNCHECKED):
        import main

        main.build(app)
    else:
        import cdk8s
        import cdk8s_plus_27 as kplus

        chart = cdk8s.Chart(app, "bare")
        kplus.Deployment(chart, "Deployment", containers=[kplus.ContainerProps(image="registry:2.8.3",
                                                                               port_number=5000)])


def _child(case: str, outdir: str) -> None:
    """One cold synth; prints the phases (seconds) as JSON. Imports are timed, so nothing is imported before."""
    t0 = time.perf_counter()
    import cdk8s

    if case != "ours":
        # The bare app's dependency. The default app does not load it: constructs_lib emits plain ApiObjects (and
        # names cdk8s-plus-27's structs for type checkers only), as `python main.py` under `cdk8s synth` shows.
        import cdk8s_plus_27  # noqa: F401
    t1 = time.perf_counter()
    if case == "ours":
        import constructs_lib  # noqa: F401
        import main  # noqa: F401
    t2 = time.perf_counter()
    app = cdk8s.App(outdir=outdir)
    _build(case, app)
    t3 = time.perf_counter()
    app.synth()
    t4 = time.perf_counter()
    print(json.dumps({"import_cdk8s": t1 - t0, "import_lib": t2 - t1, "build": t3 - t2, "synth": t4 - t3}))


@contextlib.contextmanager
def _count_round_trips() -> Iterator[collections.Counter[str]]:
    """Count jsii kernel requests (each is one JSON line to Node.js and one back) and the seconds spent in them."""
    from jsii._kernel.providers import process

    counter: collections.Counter[str] = collections.Counter()
    original = process._NodeProcess.send

    def send(self: Any, request: Any, response_type: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(self, request, response_type)
        finally:
            counter["requests"] += 1
            counter["seconds_us"] += int((time.perf_counter() - start) * 1e6)
            counter["kind:" + type(request).__name__.removesuffix("Request")] += 1
            if type(request).__name__ == "StaticInvokeRequest":
                counter[f"static:{request.fqn.rsplit('.', 1)[-1]}.{request.method}"] += 1
            if type(request).__name__ == "InvokeRequest" and request.method in ("synth", "synthYaml"):
                counter["synth_us"] += int((time.perf_counter() - start) * 1e6)

    process._NodeProcess.send = send  # type: ignore[method-assign]
    try:
        yield counter
    finally:
        process._NodeProcess.send = original  # type: ignore[method-assign]


def _warm_once(case: str, outdir: pathlib.Path) -> tuple[float, int]:
    import cdk8s

    from constructs_lib import _collisions

    check = _collisions._UniqueObjects.validate
    if case == UNCHECKED:
        _collisions._UniqueObjects.validate = lambda self: []  # type: ignore[method-assign]
    try:
        start = time.perf_counter()
        app = cdk8s.App(outdir=str(outdir))
        _build(case, app)
        app.synth()
        elapsed = time.perf_counter() - start
    finally:
        _collisions._UniqueObjects.validate = check  # type: ignore[method-assign]
    return elapsed, _count_objects(outdir)


def _count_objects(outdir: pathlib.Path) -> int:
    import yaml

    return sum(1 for path in outdir.glob("*.yaml") for doc in yaml.safe_load_all(path.read_text()) if doc)


def _warm_child(runs: int, outdir: str) -> None:
    """Warm runs of both cases (ABBA order) after one warm-up each; prints times, objects and jsii requests as JSON."""
    import cdk8s  # noqa: F401  (starts jsii)

    import main  # noqa: F401  (imports done before anything is timed)

    root = pathlib.Path(outdir)
    cases = (*CASES, UNCHECKED)
    for case in cases:  # warm-up: lazy jsii loads and Python caches
        _warm_once(case, root / f"warmup-{case}")
    times: dict[str, list[float]] = {case: [] for case in cases}
    objects: dict[str, int] = {}
    for index in range(runs):
        for case in cases if index % 2 == 0 else cases[::-1]:
            elapsed, objects[case] = _warm_once(case, root / f"run-{index}-{case}")
            times[case].append(elapsed)
    trips = {}
    for case in cases:
        with _count_round_trips() as counter:
            _warm_once(case, root / f"counted-{case}")
        trips[case] = dict(counter)
    print(json.dumps({"times": times, "objects": objects, "trips": trips}))


# The cold variants: (key, label, bytecode cache).
# "first": no bytecode for this repository's modules yet (a fresh clone's first `make synth`): they, among them
# 1.7 MB of generated Traefik bindings, are compiled from source.
# "make": every later `make synth` and an installed wheel: the bytecode cache is complete (here in a temporary
# PYTHONPYCACHEPREFIX, filled by one untimed run).
COLD_VARIANTS = (
    ("first", "first run after a clone (no bytecode yet)", False),
    ("make", "as `make synth` runs it (bytecode cached)", True),
)


def _env(cached: bool, prefix: pathlib.Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPYCACHEPREFIX", None)
    if cached:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(prefix)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _python(args: list[str], env: dict[str, str], *, flags: tuple[str, ...] = (), timeout: float = 120) -> Any:
    """Run `python [flags] -m benchmarks.synth ARGS`; returns (wall seconds, the JSON it printed last)."""
    argv = [sys.executable, *flags, "-m", "benchmarks.synth", *args]
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False,
                            stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return wall, json.loads(result.stdout.strip().splitlines()[-1])


def run(*, quick: bool, log: Callable[[str], None]) -> list[Table]:
    cold_runs, warm_runs = (1, 5) if quick else (9, 15)
    cold: dict[tuple[str, str], list[dict[str, float]]] = {
        (variant, case): [] for variant, *_ in COLD_VARIANTS for case in CASES}
    warm: dict[str, dict[str, Any]] = {}
    with temp_dir("synth") as tmp:
        prefix = tmp / "pycache"
        for case in CASES:  # fill the bytecode cache of the "cached" variant (untimed)
            _python(["--child", case, str(tmp / "fill")], _env(True, prefix))
        # Round-robin over every variant and case, so that noise spreads over all of them.
        for index in range(cold_runs):
            for variant, _, cached in COLD_VARIANTS:
                for case in CASES if index % 2 == 0 else CASES[::-1]:
                    log(f"synth: cold {case}, {variant} ({index + 1}/{cold_runs})")
                    wall, phases = _python(["--child", case, str(tmp / f"cold-{index}-{case}")], _env(cached, prefix))
                    phases["total"] = wall
                    cold[variant, case].append(phases)
        for label, flags in (("normal", ()), ("-O", ("-O",))):
            log(f"synth: warm, python {' '.join(flags) or '(no flags)'}")
            _, warm[label] = _python(["--warm", str(warm_runs), str(tmp / f"warm{''.join(flags)}")],
                                     _env(True, prefix), flags=flags, timeout=300)

    table = Table("Synth latency: default app against a bare cdk8s app",
                  ["case", "runs", "median ms", "min ms", "ratio of medians", "ratio of mins", "objects",
                   "jsii round trips"])
    objects = warm["normal"]["objects"]
    trips = warm["normal"]["trips"]
    total = {key: [phases["total"] for phases in runs] for key, runs in cold.items()}
    verdicts = []
    for variant, label, _ in COLD_VARIANTS:
        for case in CASES:
            values, base = total[variant, case], total[variant, "bare"]
            table.add(f"cold, {label}: {'bare' if case == 'bare' else 'default app'}", len(values),
                      fmt_ms(median(values)), fmt_ms(min(values)), ratio(median(values), median(base)),
                      ratio(min(values), min(base)), objects[case], "-")
        if variant == "make":  # the target is for `make synth`; the other rows are for reference
            verdicts.append(f"cold {label}: {_verdict(total[variant, 'ours'], total[variant, 'bare'])}")
    for label in ("normal", "-O"):
        times = warm[label]["times"]
        for case in CASES:
            table.add(f"warm (in-process build + synth){', `python -O`' if label == '-O' else ''}: "
                      f"{'bare' if case == 'bare' else 'default app'}", len(times[case]), fmt_ms(median(times[case])),
                      fmt_ms(min(times[case])), ratio(median(times[case]), median(times["bare"])),
                      ratio(min(times[case]), min(times["bare"])), objects[case],
                      warm[label]["trips"][case]["requests"])
        unchecked = times[UNCHECKED]
        table.add(f"warm{', `python -O`' if label == '-O' else ''}: default app, collision check answering at once",
                  len(unchecked), fmt_ms(median(unchecked)), fmt_ms(min(unchecked)),
                  ratio(median(unchecked), median(times["bare"])), ratio(min(unchecked), min(times["bare"])),
                  objects[UNCHECKED], warm[label]["trips"][UNCHECKED]["requests"])
    table.notes += [
        ("Target: `make synth` of the default app costs at most 1.3x the bare one (wall time, median of "
         "alternating runs). " + "; ".join(verdicts) + "."),
        ("cold = a new Python process per synth (interpreter, Node.js, imports, build, synth into files, exit), as "
         "`cdk8s synth` runs `python main.py`; warm = build + synth again in a process that has imported everything "
         "(a child process of its own, run once normally and once with `python -O`, which skips the typeguard "
         "checks that jsii's generated Python makes on every call)."),
        ("The ratio of mins is the steadier figure on a noisy machine (other processes only ever add time); "
         "objects = Kubernetes objects written; jsii round trips = requests from Python to the jsii Node.js process "
         "in one warm build + synth."),
    ]

    columns = [(variant, case) for variant, *_ in COLD_VARIANTS for case in CASES]
    phases = Table("Where the cold synth time goes (medians, ms)",
                   ["phase", *(f"{'bare' if case == 'bare' else 'default app'}, {variant}"
                               for variant, case in columns)])
    steps = ("import_cdk8s", "import_lib", "build", "synth")
    for step, label in (("import_cdk8s", "interpreter + Node.js start, import cdk8s (the bare app: and cdk8s-plus-27)"),
                        ("import_lib", "import constructs_lib + main (Traefik bindings load when used: in build)"),
                        ("build", "build the constructs"), ("synth", "app.synth() into YAML files")):
        phases.add(label, *(fmt_ms(median([run[step] for run in cold[key]])) for key in columns))
    phases.add("process start before the first import, and exit (jsii stops Node.js)",
               *(fmt_ms(median([run["total"] - sum(run[s] for s in steps) for run in cold[key]])) for key in columns))
    phases.add("total", *(fmt_ms(median(total[key])) for key in columns))
    counted = collections.Counter(trips["ours"])
    warm_ours = median(warm["normal"]["times"]["ours"])
    warm_bare = median(warm["normal"]["times"]["bare"])
    warm_ours_o = median(warm["-O"]["times"]["ours"])
    per_ours, per_bare = warm_ours / objects["ours"], warm_bare / objects["bare"]
    generated = sum(path.stat().st_size for path in (ROOT / "imports").rglob("__init__.py"))
    phases.notes += [
        (f"Warm default app: {counted['requests']} jsii round trips took {counted['seconds_us'] / 1000:.0f} ms of its "
         f"{warm_ours * 1000:.0f} ms (the Node.js side of synth() alone {counted['synth_us'] / 1000:.0f} ms); "
         f"`python -O` (no typeguard checks) takes it to {warm_ours_o * 1000:.0f} ms. Per object written: "
         f"{per_ours * 1000:.1f} ms against {per_bare * 1000:.1f} ms for the bare app ({per_ours / per_bare:.1f}x): "
         "most of the gap is the number of objects (and the jsii calls that make each one)."),
        ("jsii requests of the warm default app by kind: "
         + ", ".join(f"{key[5:]} {n}" for key, n in counted.most_common() if key.startswith("kind:"))
         + "; the most frequent static calls (value helpers): "
         + ", ".join([f"{key[7:]} {n}" for key, n in counted.most_common() if key.startswith("static:")][:8])
         + "."),
        (f"The generated Traefik bindings are {generated / 1e6:.1f} MB of Python source (both API groups, only the "
         "kinds the library uses); an app imports the one group it uses, when first used."),
        "bcrypt plays no part here: the default app reads its htpasswd from an existing Secret (no hashing at synth).",
    ]
    return [table, phases]


def _verdict(ours: list[float], bare: list[float]) -> str:
    by_median, by_min = median(ours) / median(bare), min(ours) / min(bare)
    met = "met" if by_median <= TARGET else "NOT met"
    return f"{by_median:.2f}x by medians, {by_min:.2f}x by mins ({met})"


def main() -> None:
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--child", choices=CASES, help="one cold synth of CASE")
    group.add_argument("--warm", type=int, metavar="RUNS", help="RUNS warm synths of each case")
    parser.add_argument("outdir")
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.outdir)
    else:
        _warm_child(args.warm, args.outdir)


if __name__ == "__main__":
    main()
