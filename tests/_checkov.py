"""Runs the checkov scanner over a folder of manifests and reads its JSON report.

checkov lives in its own virtualenv: it pins packaging<24 and an old boto3, which clash with pytest's and the
end-to-end harness's pins, so it cannot share .venv. The binary is looked up, in this order:

1. ``$CHECKOV``: the path of a checkov executable;
2. ``.venv-checkov/bin/checkov`` beside this repository's ``.venv`` (the tool virtualenv, installed from
   ``requirements-checkov.txt``).

A missing binary fails the test with instructions; it never skips. When ``requirements-checkov.txt`` exists, the
version checkov reports must be the one pinned there, so every machine runs the same checks.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pathlib
import re
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHECKOV_ENV = "CHECKOV"
TOOL_VENV_BINARY = ROOT / ".venv-checkov" / "bin" / "checkov"
REQUIREMENTS = ROOT / "requirements-checkov.txt"
SKIP_ANNOTATION_PREFIX = "checkov.io/skip"
_TIMEOUT_SECONDS = 600


def binary() -> pathlib.Path:
    """The checkov executable; fails with a clear message when there is none."""
    explicit = os.environ.get(CHECKOV_ENV)
    if explicit:
        path = pathlib.Path(explicit)
        if not (path.is_file() and os.access(path, os.X_OK)):
            pytest.fail(f"${CHECKOV_ENV} is {explicit!r}, which is not an executable file")
        return path
    if TOOL_VENV_BINARY.is_file() and os.access(TOOL_VENV_BINARY, os.X_OK):
        return TOOL_VENV_BINARY
    pytest.fail(
        f"checkov not found at {TOOL_VENV_BINARY}: install the pinned scanner into its own virtualenv "
        f"(python3 -m venv .venv-checkov && .venv-checkov/bin/pip install --no-deps -r {REQUIREMENTS.name}), "
        f"or set ${CHECKOV_ENV} to a checkov executable"
    )


def pinned_version() -> str | None:
    """The checkov version pinned in requirements-checkov.txt, or None without that file."""
    if not REQUIREMENTS.is_file():
        return None
    match = re.search(r"^checkov==(\S+)", REQUIREMENTS.read_text(), flags=re.MULTILINE)
    assert match, f"{REQUIREMENTS.name} has no checkov==VERSION line"
    return match.group(1)


@dataclasses.dataclass(frozen=True)
class Result:
    """One check on one object: checkov reports a Deployment once per check, failing on its first bad container."""

    folder: str  # the first folder under the scanned directory
    file: str  # the path under the scanned directory
    resource: str  # "Kind.namespace.name" (namespace "default" when none is set)
    check_id: str
    check_name: str
    evaluated_keys: tuple[str, ...]

    def __str__(self) -> str:
        keys = ", ".join(self.evaluated_keys) or "-"
        return f"{self.folder}: {self.resource}: {self.check_id} {self.check_name!r} [{keys}]"


@dataclasses.dataclass(frozen=True)
class Report:
    version: str
    passed: tuple[Result, ...]
    failed: tuple[Result, ...]
    skipped: tuple[Result, ...]
    parsing_errors: tuple[str, ...]

    def in_folder(self, folder: str, results: tuple[Result, ...]) -> list[Result]:
        return [r for r in results if r.folder == folder]


def scan(directory: pathlib.Path, home: pathlib.Path) -> Report:
    """One checkov process over every YAML file under `directory`, Kubernetes checks only, nothing downloaded.

    It runs in a clean environment with `home` as HOME and working directory, so no .checkov.yaml or CKV_* variable
    of the machine can switch checks off.
    """
    checkov = binary()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LC_ALL": "C.UTF-8",
        "CKV_SKIP_PACKAGE_UPDATE_CHECK": "true",  # no look-up of a newer release at start-up
    }
    command = [str(checkov), "--directory", str(directory), "--framework", "kubernetes", "--skip-download",
               "--output", "json", "--compact"]
    proc = subprocess.run(command, cwd=home, env=env, capture_output=True, text=True, timeout=_TIMEOUT_SECONDS,
                          check=False)
    # 0: nothing failed, 1: something failed; anything else is checkov itself going wrong.
    if proc.returncode not in (0, 1):
        pytest.fail(f"checkov exited with {proc.returncode}:\n{proc.stderr[-4000:]}\n{proc.stdout[-4000:]}")
    try:
        document = json.loads(proc.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"checkov printed no JSON:\n{proc.stderr[-4000:]}\n{proc.stdout[-4000:]}")
    reports = document if isinstance(document, list) else [document]
    kubernetes = [r for r in reports if r.get("check_type") == "kubernetes"]
    assert len(kubernetes) == 1, f"expected one kubernetes report from checkov, got: {proc.stdout[:2000]}"
    report = kubernetes[0]
    results = report["results"]
    version = report["summary"]["checkov_version"]
    parsed = Report(
        version=version,
        passed=tuple(_results(results.get("passed_checks", []), directory)),
        failed=tuple(_results(results.get("failed_checks", []), directory)),
        skipped=tuple(_results(results.get("skipped_checks", []), directory)),
        parsing_errors=tuple(str(p) for p in results.get("parsing_errors", [])),
    )
    assert (proc.returncode == 1) == bool(parsed.failed), "checkov's exit code disagrees with its report"
    pinned = pinned_version()
    assert pinned is None or version == pinned, f"checkov {version} ran, {REQUIREMENTS.name} pins {pinned}"
    return parsed


def _results(entries: list[dict[str, Any]], directory: pathlib.Path) -> Iterator[Result]:
    base = directory.resolve()
    for entry in entries:
        path = pathlib.Path(entry["file_abs_path"]).resolve().relative_to(base)
        yield Result(
            folder=path.parts[0],
            file=path.as_posix(),
            resource=entry["resource"],
            check_id=entry["check_id"],
            check_name=entry["check_name"],
            evaluated_keys=tuple((entry.get("check_result") or {}).get("evaluated_keys") or ()),
        )


def resource_id(manifest: dict[str, Any]) -> str:
    """The id checkov gives an object: Kind.namespace.name."""
    metadata = manifest["metadata"]
    return f"{manifest['kind']}.{metadata.get('namespace', 'default')}.{metadata['name']}"


def value_at(manifest: dict[str, Any], key: str) -> Any:
    """The value at one of checkov's evaluated keys, like ``spec/template/spec/containers/[0]/image``."""
    value: Any = manifest
    for part in key.split("/"):
        index = re.fullmatch(r"\[(\d+)\]", part)
        value = value[int(index.group(1))] if index else value[part]
    return value


def skip_annotations(manifest: dict[str, Any]) -> list[str]:
    """Every checkov skip annotation anywhere in the object (its own metadata, a pod template's, ...)."""
    found: list[str] = []

    def visit(node: Any, path: str) -> None:
        if isinstance(node, dict):
            annotations = node.get("annotations")
            if isinstance(annotations, dict):
                found.extend(f"{path}/annotations/{key}" for key in annotations
                             if str(key).startswith(SKIP_ANNOTATION_PREFIX))
            for key, child in node.items():
                visit(child, f"{path}/{key}")
        elif isinstance(node, list):
            for i, child in enumerate(node):
                visit(child, f"{path}/[{i}]")

    visit(manifest, resource_id(manifest) if "metadata" in manifest else "")
    return found
