"""Fixtures of the pod runner's tests. The session fixture `pods_host` (tests/conftest.py) fails on a host that cannot
run containers (root, runc, the seccomp profile) and checks at the end that nothing the runner made outlived the
session: no runc container in its state directory, no cgroup under its prefix, no mount under its folders, no network
namespace of its own."""

from __future__ import annotations

import itertools
import pathlib
from collections.abc import Callable, Iterator

import pytest
from e2e._kube import ObjectStore

from pods._host import PodsHost, missing_requirements
from pods.runner import PodRunner

__all__ = ["MakeRunner", "PodsHost", "missing_requirements"]

MakeRunner = Callable[[ObjectStore], PodRunner]


_numbers = itertools.count(1)


@pytest.fixture
def make_runner(pods_host: PodsHost, tmp_path: pathlib.Path) -> Iterator[MakeRunner]:
    """make_runner(store) -> PodRunner under the session's state dir and cgroup prefix; closed when the test ends,
    which must leave nothing of its pods."""
    made: list[PodRunner] = []

    def make(store: ObjectStore) -> PodRunner:
        number = next(_numbers)
        workdir = pods_host.base / f"{tmp_path.name}-{number}"
        made.append(PodRunner(workdir, store, state_dir=pods_host.state_dir,
                              cgroup_parent=f"{pods_host.cgroup_prefix}/r{number}"))
        return made[-1]

    yield make
    for made_runner in made:
        made_runner.close()
    left = pods_host.leftovers()
    if left:
        pods_host.clean()
        pytest.fail(f"the runner left {left}")
