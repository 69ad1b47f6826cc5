"""The README's quick start, step 2, for real: its own `htpasswd` command (Apache's, Debian apache2-utils), typed at
a terminal as a user would, makes the Secret the README's kubectl line makes from it, and the registry synthesized
from examples/quick_start.py lets that user push and pull, and nobody else."""

from __future__ import annotations

import base64
import fcntl
import os
import pathlib
import pty
import re
import select
import shlex
import subprocess
import termios
import time

import cdk8s

from examples import quick_start

from ._constructs import PASSWORD, USER
from .conftest import MakeImage, StartRegistry
from .harness import RegistryApi, Skopeo, SkopeoError, assert_same_image

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"
# `htpasswd ... | kubectl -n NAMESPACE create secret generic NAME --from-file=KEY=/dev/stdin`
_SECRET_LINE = re.compile(r"^(htpasswd [^|\n]+)\| kubectl -n (\S+) create secret generic (\S+) "
                          r"--from-file=(\S+)=/dev/stdin$", re.MULTILINE)


def _readme_secret_command() -> tuple[list[str], str, str, str]:
    (match,) = _SECRET_LINE.findall(README.read_text())
    command, namespace, name, key = match
    return shlex.split(command), namespace, name, key


def _typed_at_a_terminal(argv: list[str], password: str) -> bytes:
    """Run argv with a terminal as its controlling tty (where htpasswd asks for the password, twice) and its standard
    output into a pipe (kubectl's stdin in the README); answer each prompt; return what it wrote to stdout."""
    controller, terminal = pty.openpty()

    def take_terminal() -> None:
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(argv, stdin=terminal, stdout=subprocess.PIPE, stderr=terminal,
                               start_new_session=True, preexec_fn=take_terminal)
    os.close(terminal)
    prompts, seen, deadline = 0, b"", time.monotonic() + 30
    try:
        while prompts < 2 and time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 1)
            if ready:
                seen += os.read(controller, 1024)
                if seen.count(b"assword:") > prompts:
                    prompts += 1
                    os.write(controller, password.encode() + b"\n")
        out, _ = process.communicate(timeout=30)
    finally:
        os.close(controller)
        if process.poll() is None:
            process.kill()
            process.wait()
    assert prompts == 2, f"htpasswd did not ask twice: {seen!r}"
    assert process.returncode == 0, seen
    return out


def test_the_quick_starts_htpasswd_secret_lets_its_user_in(start_registry: StartRegistry, skopeo: Skopeo,
                                                           make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN the README's htpasswd command, answered at a terminal, and the Secret its kubectl line makes of the output
    argv, namespace, name, key = _readme_secret_command()
    assert argv == ["htpasswd", "-nB", USER]
    htpasswd = _typed_at_a_terminal(argv, PASSWORD)
    assert re.fullmatch(rb"alice:\$2y\$05\$[./A-Za-z0-9]{53}\n\n", htpasswd), htpasswd  # what Apache's tool prints
    secret = {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
              "metadata": {"name": name, "namespace": namespace}, "data": {key: base64.b64encode(htpasswd).decode()}}

    # AND the registry of examples/quick_start.py
    app = cdk8s.Testing.app(outdir=str(tmp_path / "dist"))
    quick_start.build(app)
    (chart,) = [c for c in app.charts if c.namespace == namespace]
    manifests = cdk8s.Testing.synth(chart)

    # WHEN it runs with that Secret
    registry = start_registry(manifests, [secret])

    # THEN the user pushes and pulls, a wrong password and no password get 401
    image = make_image(layer_sizes=(64 * 1024,))
    digest = skopeo.push(image, f"{registry.address}/alpine:3.20", creds=(USER, PASSWORD))
    pulled = skopeo.pull(f"{registry.address}/alpine:3.20", tmp_path / "pulled", creds=(USER, PASSWORD))
    assert_same_image(image, pulled)
    assert digest == image.manifest_digest
    RegistryApi(registry.address, tls=registry.tls, creds=(USER, PASSWORD)).assert_auth_required()
    try:
        skopeo.push(make_image(), f"{registry.address}/other:1", creds=("mallory", PASSWORD))
    except SkopeoError as error:
        assert "401" in str(error) or "unauthorized" in str(error).lower(), error
    else:
        raise AssertionError("a user the Secret does not name could push")
