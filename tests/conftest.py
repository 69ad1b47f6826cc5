"""Shared fixtures. The pinned Node.js (node_modules/.bin) goes first on PATH so jsii never runs on an EOL Node, and
this interpreter's folder next, so the `python` that `cdk8s synth` runs is the test environment's."""

from __future__ import annotations

import os
import pathlib
import sys
from typing import TYPE_CHECKING

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CRDS = SHARED / "crds"
_NODE_BIN = ROOT / "node_modules" / ".bin"
_PREFIX = [str(_NODE_BIN), str(pathlib.Path(sys.executable).parent)]
if os.environ.get("PATH", "").split(os.pathsep)[:2] != _PREFIX:
    os.environ["PATH"] = os.pathsep.join([*_PREFIX, os.environ.get("PATH", "")])

# cdk8s (which starts the jsii Node.js process, on the PATH set above) is imported by the tests that build
# constructs, not here: the model's and the plans' tests run without Node.js.
if TYPE_CHECKING:
    from collections.abc import Iterator

    import cdk8s
    from pods._host import PodsHost
    from pods._network import ClusterNetwork


@pytest.fixture
def app(tmp_path: pathlib.Path) -> cdk8s.App:
    """A test app that writes into the test's own temporary folder."""
    import cdk8s

    return cdk8s.Testing.app(outdir=str(tmp_path / "dist"))


@pytest.fixture
def chart(app: cdk8s.App) -> cdk8s.Chart:
    """An empty chart in the test app."""
    import cdk8s

    return cdk8s.Chart(app, "test")


def require_crds() -> pathlib.Path:
    """The Traefik CRDs from ../shared/crds; fail with a clear message when the folder is missing."""
    if not CRDS.is_dir():
        pytest.fail(f"Traefik CRDs not found at {CRDS}: "
                    "these tests read them from ../shared/crds beside the repository")
    return CRDS


@pytest.fixture(scope="session")
def pods_host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PodsHost]:
    """The host's pod runner (tests/pods, and the e2e and Traefik tests' pods): fails (never skips) on a host that
    cannot run pods; at the end, fails if anything was left behind. One per session, whichever folder asks first."""
    from pods._host import PodsHostError, open_pods_host

    try:
        with open_pods_host(tmp_path_factory.mktemp("pods")) as host:
            yield host
    except PodsHostError as error:  # a host that cannot run pods, or something left behind: a failure, never a skip
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def cluster_net(pods_host: PodsHost) -> Iterator[ClusterNetwork]:
    """One cluster network per test module (pod network namespaces on a bridge, Services, a cluster DNS,
    NetworkPolicies enforced); nothing of it is left after the module, and a check says so."""
    from pods._network import ClusterNetwork, leftovers, unique_prefix

    prefix = unique_prefix("cn")
    with ClusterNetwork(prefix) as net:
        yield net
    left = leftovers(prefix)
    if left:
        pytest.fail(f"the cluster network left {left}")
