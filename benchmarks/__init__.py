"""Benchmarks of the constructs: synth cost, auth cost and the data path. They print tables; nothing here asserts.

Run them with `make bench` (or `python -m benchmarks [--quick]`). Importing this package prepares the environment every
benchmark module needs, so it happens before anything imports cdk8s (importing cdk8s starts jsii's Node.js process):

- the pinned Node.js (node_modules/.bin) first on PATH, as tests/conftest.py does, so jsii never prints the end-of-life
  banner of an older system Node; this interpreter's folder next, so child `python` processes are this environment's;
- the repository root on sys.path, for `main` (the default app);
- the repository's `tests` folder on sys.path, so the e2e harness imports as `e2e.harness` (tests/ is no package, and
  the harness is test code that the benchmarks reuse rather than copy: the real registry run from synthesized
  manifests, the SeaweedFS S3 server and skopeo).
"""

from __future__ import annotations

import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"

_PREFIX = [str(ROOT / "node_modules" / ".bin"), str(pathlib.Path(sys.executable).parent)]
if os.environ.get("PATH", "").split(os.pathsep)[:2] != _PREFIX:
    os.environ["PATH"] = os.pathsep.join([*_PREFIX, os.environ.get("PATH", "")])
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
# Appended, not prepended: nothing in tests/ may shadow an installed module; only the `e2e` package is used from it.
if str(TESTS) not in sys.path:
    sys.path.append(str(TESTS))
