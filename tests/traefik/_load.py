"""Concurrent registry clients for a bounded time: real skopeo processes pushing and pulling through Traefik.

``run_load`` starts `clients` threads, each driving skopeo in turns:

1. all at once (a barrier): the SAME image to ``load/shared:v1``, so that the same layers are uploaded by every
   client at the same moment;
2. until `duration` has passed: an image of its own (the shared base layer plus a layer of its own bytes) to
   ``load/cN:rK``, then a pull of the image its neighbour pushed last, compared blob for blob.

Whatever fails is collected, never raised in a thread. ``verify`` pulls every image reported pushed afterwards
(`clients` at a time) and compares it with what was pushed: manifest digest and bytes, config, each layer matching
its digest and the pushed bytes.
"""

from __future__ import annotations

import pathlib
import shutil
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from e2e.harness import Credentials, HarnessError, OciImage, Skopeo, assert_same_image, write_oci_image

SHARED_LAYER_SEED = 1800  # the base layer every image of the load shares


@dataclass(frozen=True)
class Operation:
    client: int
    kind: str  # "push" or "pull"
    ref: str
    started: float  # time.monotonic()
    seconds: float
    error: str | None = None
    mismatch: bool = False  # a pull that came back different from what was pushed (never a mere failure)


@dataclass
class LoadReport:
    operations: list[Operation] = field(default_factory=list)
    pushed: dict[str, OciImage] = field(default_factory=dict)  # ref -> what was pushed there, for each push that ended
    elapsed: float = 0.0

    def errors(self) -> list[str]:
        return [f"{op.kind} {op.ref}: {op.error}" for op in self.operations if op.error is not None]

    def mismatches(self) -> list[Operation]:
        return [op for op in self.operations if op.mismatch]

    def given_up(self) -> list[tuple[str, str]]:
        """(kind, ref) of each push or pull whose every attempt failed."""
        done = {(op.kind, op.ref, op.client) for op in self.operations if op.error is None}
        return sorted({(op.kind, op.ref) for op in self.operations
                       if op.error is not None and (op.kind, op.ref, op.client) not in done})

    def count(self, kind: str, *, failed: bool = False) -> int:
        return sum(1 for op in self.operations if op.kind == kind and (op.error is not None) == failed)


def _short(error: BaseException, creds: Credentials) -> str:
    """The end of a failure's text, the password replaced (skopeo's message repeats its command line)."""
    return " ".join(str(error).replace(creds[1], "***").split())[-1200:]


def run_load(skopeo: Callable[[str], Skopeo], workdir: pathlib.Path, *, host: str, creds: Credentials,
             clients: int = 16, duration: float = 20.0, layer_sizes: tuple[int, int] = (512 * 1024, 128 * 1024),
             attempts: int = 1, until: Callable[[], bool] | None = None) -> LoadReport:
    """`skopeo(name)`: a client of its own per thread. `layer_sizes`: the shared layer's and each own layer's.
    `attempts`: how often a failed push or pull is run again (a second later, as a user or a CI job would);
    each failed attempt is recorded. `until`: ends the load early once it returns True (checked between turns)."""
    if clients < 2:
        raise HarnessError("the load needs at least 2 clients")
    workdir.mkdir(parents=True, exist_ok=True)
    report = LoadReport()
    lock = threading.Lock()
    shared = write_oci_image(workdir / "shared", layer_sizes=layer_sizes[:1], layer_seeds=(SHARED_LAYER_SEED,))
    barrier = threading.Barrier(clients)
    latest: dict[int, str] = {}  # client -> the ref it pushed last
    start = time.monotonic()
    deadline = start + duration

    def record(op: Operation, ref: str | None = None, image: OciImage | None = None) -> None:
        with lock:
            report.operations.append(op)
            if ref is not None and image is not None:
                report.pushed[ref] = image
                latest[op.client] = ref

    def push(number: int, client: Skopeo, image: OciImage, ref: str) -> bool:
        for attempt in range(attempts):
            began = time.monotonic()
            try:
                client.push(image, f"{host}/{ref}", creds=creds)
            except HarnessError as error:
                record(Operation(number, "push", ref, began, time.monotonic() - began, _short(error, creds)))
                if attempt + 1 < attempts:
                    time.sleep(1)
                continue
            record(Operation(number, "push", ref, began, time.monotonic() - began), ref, image)
            return True
        return False

    def pull(number: int, client: Skopeo, ref: str, expected: OciImage, into: pathlib.Path) -> None:
        for attempt in range(attempts):
            began = time.monotonic()
            error, mismatch = None, False
            try:
                assert_same_image(expected, client.pull(f"{host}/{ref}", into, creds=creds))
            except HarnessError as failure:
                error = _short(failure, creds)
                mismatch = "did not match" in error  # skopeo's own digest check of a blob or manifest
            except AssertionError as failure:
                error, mismatch = _short(failure, creds) or type(failure).__name__, True
            finally:
                shutil.rmtree(into, ignore_errors=True)
            record(Operation(number, "pull", ref, began, time.monotonic() - began, error, mismatch))
            if error is None:
                return
            if attempt + 1 < attempts:
                time.sleep(1)

    def client_loop(number: int) -> None:
        client = skopeo(f"load-{number}")
        mine = workdir / f"client-{number}"
        barrier.wait(timeout=60)
        push(number, client, shared, "load/shared:v1")
        turn = 0
        while time.monotonic() < deadline and not (until is not None and until()):
            turn += 1
            image = write_oci_image(mine / f"image-{turn}", layer_sizes=layer_sizes,
                                    layer_seeds=(SHARED_LAYER_SEED, None))
            push(number, client, image, f"load/c{number}:r{turn}")
            with lock:
                neighbour = latest.get((number + 1) % clients)
                expected = report.pushed.get(neighbour) if neighbour else None
            if neighbour and expected is not None:
                pull(number, client, neighbour, expected, mine / f"pulled-{turn}")

    with ThreadPoolExecutor(clients, thread_name_prefix="load") as pool:
        for future in [pool.submit(client_loop, number) for number in range(clients)]:
            future.result()
    report.elapsed = time.monotonic() - start
    return report


def verify(skopeo: Callable[[str], Skopeo], workdir: pathlib.Path, pushed: dict[str, OciImage], *, host: str,
           creds: Credentials, parallel: int = 16) -> list[str]:
    """Pull every image of `pushed` and compare: the problems found (empty when every image came back intact)."""
    refs: Sequence[str] = sorted(pushed)
    workdir.mkdir(parents=True, exist_ok=True)
    numbers = iter(range(parallel))
    own = threading.local()  # a client per thread

    def check(index: int) -> str | None:
        if not hasattr(own, "client"):
            own.client = skopeo(f"verify-{next(numbers)}")
        ref = refs[index]
        into = workdir / f"verify-{index}"
        try:
            assert_same_image(pushed[ref], own.client.pull(f"{host}/{ref}", into, creds=creds))
        except (HarnessError, AssertionError) as failure:
            return f"{ref}: {_short(failure, creds) or type(failure).__name__}"
        finally:
            shutil.rmtree(into, ignore_errors=True)
        return None

    with ThreadPoolExecutor(parallel, thread_name_prefix="verify") as pool:
        return [problem for problem in pool.map(check, range(len(refs))) if problem is not None]


def push_some(client: Skopeo, workdir: pathlib.Path, name: str, *, host: str, creds: Credentials,
              count: int = 3) -> dict[str, OciImage]:
    """`count` small images pushed one after the other to before/NAME:vN: ref -> image."""
    pushed = {}
    for number in range(count):
        image = write_oci_image(workdir / f"{name}-{number}", layer_sizes=(96 * 1024,))
        client.push(image, f"{host}/before/{name}:v{number}", creds=creds)
        pushed[f"before/{name}:v{number}"] = image
    return pushed
