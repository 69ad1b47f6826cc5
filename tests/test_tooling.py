"""The README's two commands set up a fresh Debian machine: the Debian packages the tests use are installed by
`make test` itself (tools/debian-packages), and `.ci/run` only calls it."""

from __future__ import annotations

import os
import pathlib
import re
import subprocess

import pytest
from conftest import ROOT

TOOL = ROOT / "tools" / "debian-packages"
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
ABSENT = "constructs-lib-no-such-package"


def _make_variable(name: str) -> list[str]:
    result = subprocess.run(["make", "--no-print-directory", "-s", "-f", "Makefile", "-f", "-", "print"],
                            input=f"print:\n\t@echo $({name})\n", cwd=ROOT, capture_output=True, text=True,
                            timeout=60, check=True)
    return result.stdout.split()


def _run(argv: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # Without the variables of a make that runs these tests (`make test`): a nested make would announce its directory.
    outer = {"MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES"}
    environment = env if env is not None else {k: v for k, v in os.environ.items() if k not in outer}
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False, env=environment)


def test_installed_packages_are_silent() -> None:
    # GIVEN / WHEN the tool is asked for packages that are installed (as root, where it could install)
    result = _run([str(TOOL), "dpkg", "bash"])

    # THEN it says nothing and succeeds
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_without_root_it_stops_and_prints_the_one_command() -> None:
    # GIVEN / WHEN a user who is not root (nobody, when the tests run as root) asks for a missing package
    result = _run([*(NOBODY if os.geteuid() == 0 else []), str(TOOL), "bash", ABSENT])

    # THEN it stops, naming only the missing package, with the one command that installs it
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"Missing Debian packages: {ABSENT}. Install them, then run make again:",
        f"  sudo apt-get update && sudo apt-get install -y --no-install-recommends {ABSENT}",
    ]
    assert result.stdout == ""


def test_without_apt_it_stops_and_says_so(tmp_path: pathlib.Path) -> None:
    # GIVEN a PATH with what the tool needs, but no apt-get
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "dpkg-query", "grep", "id"):
        (bin_dir / tool).symlink_to(f"/usr/bin/{tool}")

    # WHEN a package is missing
    result = _run(["/usr/bin/bash", str(TOOL), ABSENT], env={"PATH": str(bin_dir)})

    # THEN it stops before installing anything and says what to install
    assert result.returncode == 1
    assert "no apt-get here" in result.stderr and ABSENT in result.stderr


def test_make_test_installs_the_packages_before_anything_else() -> None:
    # GIVEN / WHEN make shows what `make test` would run
    result = _run(["make", "--no-print-directory", "-n", "test"])
    commands = [line for line in result.stdout.splitlines() if line.strip()]

    # THEN the first thing it does is the Debian packages of the tests, and pytest comes after
    assert result.returncode == 0, result.stderr
    assert commands[0].split() == ["tools/debian-packages", *_make_variable("TEST_DEBIAN_PACKAGES")]
    assert any("pytest" in line for line in commands[1:])


@pytest.mark.parametrize("program", [
    "/usr/bin/docker-registry", "/usr/bin/skopeo", "/usr/bin/redis-server", "/usr/bin/redis-cli", "/usr/bin/pebble",
    "/usr/bin/pebble-challtestsrv", "/usr/bin/htpasswd", "/usr/bin/podman", "/usr/bin/containerd", "/usr/bin/ctr",
    "/usr/sbin/runc", "/usr/share/containers/seccomp.json", "/sbin/ip", "/usr/sbin/xtables-nft-multi",
    "/usr/bin/unshare", "/usr/bin/nsenter", "/bin/mount",
])
def test_every_debian_program_the_tests_run_comes_from_the_list(program: str) -> None:
    # GIVEN a program the tests start (tests/e2e, tests/traefik)
    # WHEN / THEN the Debian package that ships it is one `make test` installs
    owner = _run(["dpkg", "-S", program])
    assert owner.returncode == 0, f"{program} is not installed by any Debian package: {owner.stderr}"
    package = owner.stdout.split(":")[0]
    assert package in _make_variable("TEST_DEBIAN_PACKAGES")


def test_ci_keeps_no_second_list() -> None:
    # GIVEN / WHEN / THEN .ci/run calls the README's test command and installs nothing itself
    script = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^exec make test$", script, re.MULTILINE)
    assert "apt" not in script and "dpkg" not in script


def test_make_synth_asks_only_for_what_is_missing(tmp_path: pathlib.Path) -> None:
    # GIVEN this machine (venv support and npm present), and one with neither: no npm on PATH, a Python without venv
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "sh", "make", "dpkg-query", "grep", "id"):
        (bin_dir / tool).symlink_to(f"/usr/bin/{tool}")
    bare = {"PATH": str(bin_dir)}
    variable = ["/usr/bin/make", "--no-print-directory", "-s", "-f", "Makefile", "-f", "-", "print"]
    recipe = "print:\n\t@echo $(SYNTH_DEBIAN_PACKAGES)\n"

    # WHEN make works out the packages of `make synth`
    here = subprocess.run(variable, input=recipe, cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    there = subprocess.run([*variable, "PYTHON=/nonexistent/python3"], input=recipe, cwd=ROOT, env=bare,
                           capture_output=True, text=True, timeout=60, check=True)

    # THEN nothing here, and both packages there; `make setup` runs the step first
    assert here.stdout.split() == []
    assert there.stdout.split() == ["python3-venv", "npm"]
    setup = _run(["make", "--no-print-directory", "-n", "setup"]).stdout.splitlines()
    assert setup[0].split() == ["tools/debian-packages"]
