"""Fixtures of the pod runner's tests: the host must be able to run containers (root, runc, the seccomp profile), and
nothing the runner made may outlive the session: no runc container in its state directory, no cgroup under its
prefix, no mount under its folders, no network namespace of its own."""

from __future__ import annotations

import dataclasses
import itertools
import os
import pathlib
import shutil
from collections.abc import Callable, Iterator

import pytest
from e2e import _proc
from e2e._kube import ObjectStore

from pods import _runc, runner
from pods.runner import PodRunner

MakeRunner = Callable[[ObjectStore], PodRunner]


@dataclasses.dataclass(frozen=True)
class PodsHost:
    state_dir: pathlib.Path  # runc --root of every runner of the session
    base: pathlib.Path  # every runner's workdir is below it
    cgroup_prefix: str  # every container's cgroup is below /cgroup_prefix
    netns_prefix: str  # the runner's private network namespaces start with it

    def leftovers(self) -> list[str]:
        found = [f"runc container {cid}" for cid in _runc.Runc(self.state_dir).list()]
        found += [f"cgroup {path}" for path in _runc.cgroup_dirs(self.cgroup_prefix)]
        found += [f"mount {point}" for point in _runc.mounts_under(self.base)]
        found += [f"netns {name}" for name in _runc.netns_names(self.netns_prefix)]
        return found

    def clean(self) -> None:
        runc = _runc.Runc(self.state_dir)
        for cid in runc.list():
            runc.delete(cid)
        for point in sorted(_runc.mounts_under(self.base), key=len, reverse=True):
            _runc.unmount(pathlib.Path(point))
        _runc.remove_cgroup_tree(self.cgroup_prefix)
        for name in _runc.netns_names(self.netns_prefix):
            _runc.netns_delete(name)


def missing_requirements() -> list[str]:
    """What this host lacks to run pods, each with the Debian package that provides it."""
    problems = []
    if os.geteuid() != 0:
        problems.append("the pod runner needs root (runc, cgroups, mounts, network namespaces)")
    tools = {"runc": _runc.RUNC, "ip": "ip", "nsenter": "nsenter", "busybox": "busybox", "nginx": "nginx",
             "docker-registry": "docker-registry"}
    for tool, binary in tools.items():
        if shutil.which(binary) is None and not os.access(binary, os.X_OK):
            problems.append(f"{tool} is missing (Debian package {_runc.DEBIAN_PACKAGES[tool]})")
    if not _runc.SECCOMP_PROFILE.is_file():
        problems.append(f"the RuntimeDefault seccomp profile {_runc.SECCOMP_PROFILE} is missing (Debian package "
                        f"{_runc.DEBIAN_PACKAGES['seccomp']})")
    return problems


@pytest.fixture(scope="session")
def pods_host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PodsHost]:
    """Fails (never skips) on a host that cannot run pods; at the end, fails if anything was left behind."""
    problems = missing_requirements()
    if problems:
        pytest.fail("cannot run pods here: " + "; ".join(problems))
    base = tmp_path_factory.mktemp("pods")
    host = PodsHost(state_dir=base / "runc-state", base=base, cgroup_prefix=f"pods-runner-{os.getpid()}",
                    netns_prefix=f"pr{os.getpid()}x")
    yield host
    stopped = runner.stop_all_live()
    leaked = _proc.kill_all_live()
    left = host.leftovers()
    host.clean()
    if stopped or leaked or left:
        pytest.fail(f"left behind by the pod runner: pods {stopped}, processes {leaked}, {left}")


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
