"""The published package: built as a wheel, installed into a fresh virtual environment, and used from another folder
by a cdk8s app that has its own imports/ with a Traefik binding of its own, next to its own objects."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import zipfile

import pytest
import yaml
from conftest import ROOT, require_crds
from test_docs import blocks

# The docs' block that composes the library with an application's own imports/ (docs/examples.md), run as written.
(APP_BLOCK,) = [block for block in blocks() if block.uses_own_imports]


def test_installed_wheel_composes_into_an_app_with_its_own_imports(tmp_path: pathlib.Path) -> None:
    # GIVEN the wheel, built from this checkout
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(wheels), str(ROOT)],
                   check=True, capture_output=True, text=True, cwd=tmp_path)
    (wheel,) = wheels.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "constructs_lib/py.typed" in names
    assert sorted(n for n in names if n.endswith(".jsii.tgz")) == [
        ("constructs_lib/_gateway_networking_k8s_io/_jsii/"
         "constructs_lib_gateway_networking_k8s_io_iok8snetworkinggateway@0.0.0.jsii.tgz"),
        "constructs_lib/_helm_cattle_io/_jsii/constructs_lib_helm_cattle_io_iocattlehelm@0.0.0.jsii.tgz",
        "constructs_lib/_traefik_containo_us/_jsii/constructs_lib_traefik_containo_us_uscontainotraefik@0.0.0.jsii.tgz",
        "constructs_lib/_traefik_io/_jsii/constructs_lib_traefik_io_iotraefik@0.0.0.jsii.tgz",
    ]
    assert not [n for n in names if n.startswith(("imports/", "tests/", "examples/"))]

    # AND a fresh virtual environment with the wheel and its pinned dependencies
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", str(ROOT / "requirements.txt"), str(wheel)], check=True, capture_output=True, text=True)

    # AND an application folder of its own, with its own imports/ holding a Traefik binding of the same group
    app_dir = tmp_path / "app"
    app_dir.mkdir()
    subprocess.run(["cdk8s", "import", str(require_crds() / "traefik-v3.7.11" / "traefik.io_middlewares.yaml"),
                    "--language", "python", "--output", "imports", "--no-check-upgrade"],
                   cwd=app_dir, check=True, capture_output=True, text=True)
    (app_dir / "main.py").write_text(APP_BLOCK.code)

    # WHEN the app runs from its folder with the installed package (never this checkout)
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run([str(python), "main.py"], cwd=app_dir, check=True, capture_output=True, text=True,
                            env=environment)

    # THEN synth succeeds with the app's objects and ours side by side, ours complete (tls, middlewares)
    manifests = [m for m in yaml.safe_load_all((app_dir / "dist" / "platform.k8s.yaml").read_text()) if m]
    names_by_kind = {(m["kind"], m["metadata"]["name"]) for m in manifests}
    assert {("Middleware", "own-middleware"), ("Deployment", "registry"),
            ("IngressRoute", "registry"), ("IngressRoute", "registry-ui")} <= names_by_kind
    route = next(m for m in manifests if m["kind"] == "IngressRoute" and m["metadata"]["name"] == "registry-ui")
    assert route["spec"]["tls"] == {"certResolver": "letsencrypt", "options": {"name": "registry-tls"}}
    assert [m["name"] for m in route["spec"]["routes"][0]["middlewares"]] == [
        "registry-ui-security-headers", "registry-ui-slash-redirect", "registry-ui-strip-prefix"]
    assert (result.stdout, result.stderr) == ("", "")
    # AND the package came from the fresh environment
    location = subprocess.run([str(python), "-c", "import constructs_lib; print(constructs_lib.__file__)"],
                              cwd=app_dir, check=True, capture_output=True, text=True, env=environment).stdout
    assert location.startswith(str(venv))
    # AND the helm.cattle.io bindings work from the wheel too: k3s's Traefik configuration synthesizes
    k3s = ("import cdk8s, constructs_lib; app = cdk8s.App(); print(cdk8s.Testing.synth("
           "constructs_lib.K3sTraefikChart(app, 'k3s', acme_email='a@registry.example.org')))")
    synthesized = subprocess.run([str(python), "-c", k3s], cwd=app_dir, check=True, capture_output=True, text=True,
                                 env=environment).stdout
    assert "'kind': 'HelmChartConfig'" in synthesized and "tlschallenge=true" in synthesized


def test_every_public_name_resolves_lazily() -> None:
    # GIVEN the package's lazy exports
    import constructs_lib

    # WHEN each public name is looked up
    # THEN each resolves to an object of the same name, and the table and __all__ agree
    assert sorted(constructs_lib._EXPORTS) == sorted(constructs_lib.__all__)
    for name in constructs_lib.__all__:
        value = getattr(constructs_lib, name)
        assert getattr(value, "__name__", name) in (name, "PodPeer")
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        constructs_lib.Nope  # noqa: B018


def test_the_model_tests_run_without_nodejs() -> None:
    # GIVEN the model's and the plans' tests
    # WHEN they run on their own in a fresh interpreter
    code = ("import sys, pytest; code = pytest.main(['-q', '-p', 'no:cacheprovider', 'tests/test_model.py']); "
            "print(int(code), 'cdk8s' in sys.modules, 'jsii' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)

    # THEN they pass without ever loading cdk8s or jsii (so no Node.js process starts)
    assert result.stdout.split()[-3:] == ["0", "False", "False"], result.stdout[-2000:]
