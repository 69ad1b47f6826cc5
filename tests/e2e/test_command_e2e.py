"""The registry container runs `registry serve <our config>` itself, so the Docker library image (whose entrypoint
turns a lone *.yml argument into that) and distribution's own image (ENTRYPOINT ["registry"]) both start, and the
config file is always the one the init container renders, never the image's default."""

from __future__ import annotations

import pathlib
import subprocess

import pytest

from constructs_lib import Registry, Storage
from constructs_lib._render import CONFIG_PATH

from ._constructs import synth
from ._registry import REGISTRY_BINARY
from .conftest import StartRegistry
from .harness import RegistryApi

# What each image runs when the pod gives neither command nor args: (ENTRYPOINT, CMD).
IMAGES = {
    "registry:2.8.3": (["/entrypoint.sh"], ["/etc/docker/registry/config.yml"]),
    "registry:3.1.1": (["/entrypoint.sh"], ["/etc/distribution/config.yml"]),
    "distribution/distribution:3.1.1": (["registry"], ["serve", "/etc/distribution/config.yml"]),
}


def _container(image: str) -> dict[str, object]:
    manifests = synth(lambda chart: Registry(chart, "Registry", name="registry", auth=None, image=image,
                                             storage=Storage.filesystem()))
    (deployment,) = [m for m in manifests if m["kind"] == "Deployment"]
    (container,) = [c for c in deployment["spec"]["template"]["spec"]["containers"] if c["name"] == "registry"]
    return dict(container)


def _kubernetes_argv(entrypoint: list[str], cmd: list[str], container: dict[str, object]) -> list[str]:
    # Kubernetes: `command` replaces ENTRYPOINT (and drops CMD); `args` alone replace CMD.
    command = list(container.get("command") or [])  # type: ignore[call-overload]
    args = list(container.get("args") or [])  # type: ignore[call-overload]
    return (command or entrypoint) + (args if (args or command) else cmd)


@pytest.mark.parametrize("image", sorted(IMAGES))
def test_every_image_runs_registry_serve_with_the_rendered_config(image: str) -> None:
    # GIVEN / WHEN a registry without any secret setting, on each image
    container = _container(image)
    entrypoint, cmd = IMAGES[image]

    # THEN the container names the program and the rendered config itself, whatever the image's ENTRYPOINT
    assert _kubernetes_argv(entrypoint, cmd, container) == ["registry", "serve", CONFIG_PATH]


def test_the_real_binary_takes_a_lone_config_argument_for_an_unknown_command(tmp_path: pathlib.Path) -> None:
    # GIVEN what distribution's own image would run with only `args: [FILE]`: `registry FILE`
    config = tmp_path / "config.yml"
    config.write_text("version: 0.1\n")
    argv = _kubernetes_argv(["registry"], [], {"args": [str(config)]})
    assert argv == ["registry", str(config)]

    # WHEN the real binary runs it
    result = subprocess.run([REGISTRY_BINARY, *argv[1:]], capture_output=True, text=True, timeout=30, check=False)

    # THEN it serves nothing and exits 0 ("unknown command"): Kubernetes would restart it for ever
    assert result.returncode == 0
    assert f'unknown command "{config}"' in result.stdout + result.stderr


def test_a_registry_without_secrets_serves_from_the_rendered_config(start_registry: StartRegistry) -> None:
    # GIVEN a registry with nothing secret to render (no auth, no http secret, a volume)
    manifests = synth(lambda chart: Registry(chart, "Registry", name="registry", auth=None,
                                             storage=Storage.filesystem()))

    # WHEN its init container and the registry run
    registry = start_registry(manifests)

    # THEN the registry reads the file the init container wrote (not the image's), which sets the nosniff header
    assert registry.argv()[-2:] == ["serve", CONFIG_PATH]
    rendered = registry.host_path(CONFIG_PATH).read_text()
    assert "debug" not in rendered and "X-Content-Type-Options: [nosniff]" in rendered
    status, headers, _ = RegistryApi(registry.address, tls=registry.tls, creds=None).request("GET", "/v2/")
    assert (status, headers["x-content-type-options"]) == (200, "nosniff")
