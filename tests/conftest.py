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
    import cdk8s


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
