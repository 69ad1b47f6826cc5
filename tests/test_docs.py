"""Every Python block of the README and of docs/ runs as written, with its own imports, in a folder of its own, and
synthesizes YAML (`app.synth()`: the collision check included). The block that composes the library with an
application's own `imports/` runs in tests/test_package.py, against the installed wheel."""

from __future__ import annotations

import dataclasses
import os
import pathlib
import re
import runpy
from typing import Any

import bcrypt
import cdk8s
import pytest
from conftest import ROOT

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
# What the blocks read from the environment and the folder, as a user's shell and checkout would give them.
ENVIRONMENT = {
    "ALICE_PASSWORD": "alice-password-for-the-docs",
    "CI_PASSWORD": "ci-password-for-the-docs",
    "AWS_ACCESS_KEY_ID": "AKIADOCSEXAMPLE",
    "AWS_SECRET_ACCESS_KEY": "docs-secret-access-key",
}
# A ready htpasswd line, as `htpasswd -nbB alice ...` prints one (cost 5).
HTPASSWD = "alice:" + bcrypt.hashpw(b"alice-password-for-the-docs", bcrypt.gensalt(5)).decode() + "\n"


@dataclasses.dataclass(frozen=True)
class Block:
    document: str
    line: int
    code: str

    def __str__(self) -> str:
        return f"{self.document}:{self.line}"

    @property
    def uses_own_imports(self) -> bool:
        return bool(re.search(r"^from imports[. ]", self.code, re.MULTILINE))


def blocks() -> list[Block]:
    found = []
    for path in DOCUMENTS:
        text = path.read_text()
        for match in _BLOCK.finditer(text):
            line = text.count("\n", 0, match.start()) + 2
            found.append(Block(str(path.relative_to(ROOT)), line, match.group(1)))
    return found


RUNNABLE = [b for b in blocks() if not b.uses_own_imports]


def test_the_documents_have_python_blocks() -> None:
    # GIVEN / WHEN / THEN the collection finds blocks in the README and in docs/ (an empty list would pass anything)
    assert {b.document for b in RUNNABLE} >= {"README.md", "docs/examples.md"}
    assert len(RUNNABLE) >= 15


def test_one_block_composes_with_the_application_s_own_imports() -> None:
    # GIVEN / WHEN / THEN exactly one block uses an application's own imports/: tests/test_package.py runs it
    assert [b.document for b in blocks() if b.uses_own_imports] == ["docs/examples.md"]


@pytest.mark.parametrize("block", RUNNABLE, ids=str)
def test_block_runs_as_written(block: Block, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a folder of its own with what the block reads
    monkeypatch.chdir(tmp_path)
    for name, value in ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    (tmp_path / "htpasswd").write_text(HTPASSWD)
    script = tmp_path / "block.py"
    script.write_text(block.code)
    # The jsii Node.js process keeps the cwd it started in: an App with no outdir writes where the block runs.
    outdir = str(tmp_path / "dist")

    class AppInTheBlocksFolder(cdk8s.App):
        def __init__(self, **options: Any) -> None:
            super().__init__(**{"outdir": outdir, **options})

    monkeypatch.setattr(cdk8s, "App", AppInTheBlocksFolder)

    # WHEN it runs as a script
    runpy.run_path(str(script), run_name="__main__")

    # THEN it wrote manifests into dist/
    written = sorted(p.name for p in (tmp_path / "dist").glob("*.k8s.yaml"))
    assert written, f"{block} synthesized nothing: end it with app.synth()"
    assert all(os.path.getsize(tmp_path / "dist" / name) > 0 for name in written)


def test_the_readme_quick_start_is_the_example_file() -> None:
    # GIVEN / WHEN the README's first Python block
    (first, *_) = [b for b in blocks() if b.document == "README.md"]

    # THEN it is examples/quick_start.py exactly, which `make synth EXAMPLE=quick_start` runs and the tests pin
    assert first.code == (ROOT / "examples" / "quick_start.py").read_text()
