"""The generated CRD bindings (Traefik, k3s's helm-controller): reproducible from ../shared/crds and isolated from an
application's own imports/."""

import filecmp
import pathlib
import subprocess
import sys
import textwrap

import cdk8s
from conftest import ROOT, require_crds

# The Traefik kinds the constructs emit (tests/test_schemas.py lists what they emit): `make imports` binds only these
# (TRAEFIK_KINDS in the Makefile), since every kind a binding holds adds to its import time, paid by every synth.
TRAEFIK_KINDS = {"IngressRoute", "Middleware", "TLSOption"}


def _tree(folder: pathlib.Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if "__pycache__" not in p.parts)


def test_make_imports_reproduces_committed_bindings_byte_for_byte(tmp_path: pathlib.Path) -> None:
    # GIVEN the CRDs in ../shared/crds
    crds = require_crds()
    regenerated = tmp_path / "imports"

    # WHEN make imports writes them into a fresh folder
    subprocess.run(
        ["make", "-s", "imports", f"IMPORTS_DIR={regenerated}", f"SHARED={crds.parent}"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )

    # THEN the same files exist with the same bytes as the committed imports/
    committed = ROOT / "imports"
    assert _tree(regenerated) == _tree(committed)
    files = [p for p in _tree(committed) if (committed / p).is_file()]
    assert any(p.endswith(".jsii.tgz") for p in files)
    _, mismatch, errors = filecmp.cmpfiles(committed, regenerated, files, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_bindings_live_inside_the_package_with_unique_jsii_assemblies() -> None:
    # GIVEN / WHEN the bindings are imported through the package
    from constructs_lib import _gateway, _helm, _traefik

    # THEN they are submodules of constructs_lib, backed by assemblies that no plain `cdk8s import` produces
    assert _traefik.traefik_io.__name__ == "constructs_lib._traefik_io"
    assert _traefik.traefik_containo_us.__name__ == "constructs_lib._traefik_containo_us"
    assert _helm.helm_cattle_io.__name__ == "constructs_lib._helm_cattle_io"
    assert _traefik.traefik_io.IngressRoute.GVK.api_version == "traefik.io/v1alpha1"
    assert _traefik.traefik_containo_us.IngressRoute.GVK.api_version == "traefik.containo.us/v1alpha1"
    assert _helm.helm_cattle_io.HelmChartConfig.GVK.api_version == "helm.cattle.io/v1"
    assert _helm.helm_cattle_io.HelmChart.GVK.kind == "HelmChart"
    assert _gateway.gateway_networking_k8s_io.__name__ == "constructs_lib._gateway_networking_k8s_io"
    assert _gateway.gateway_networking_k8s_io.HttpRoute.GVK.api_version == "gateway.networking.k8s.io/v1"
    jsii_files = [p.name for p in (ROOT / "imports").rglob("*.jsii.tgz")]
    assert sorted(jsii_files) == [
        "constructs_lib_gateway_networking_k8s_io_iok8snetworkinggateway@0.0.0.jsii.tgz",
        "constructs_lib_helm_cattle_io_iocattlehelm@0.0.0.jsii.tgz",
        "constructs_lib_traefik_containo_us_uscontainotraefik@0.0.0.jsii.tgz",
        "constructs_lib_traefik_io_iotraefik@0.0.0.jsii.tgz",
    ]


def test_traefik_bindings_hold_only_the_kinds_the_constructs_emit() -> None:
    # GIVEN the bindings of both Traefik API groups
    from constructs_lib import _traefik

    for module in (_traefik.traefik_io, _traefik.traefik_containo_us):
        # WHEN the kinds of their resource classes (the ApiObjects, each with a GVK) are listed
        kinds = {gvk.kind for value in vars(module).values()
                 if isinstance(gvk := getattr(value, "GVK", None), cdk8s.GroupVersionKind)}

        # THEN they are exactly the kinds the constructs emit: none of TraefikService, IngressRouteTCP, TLSStore, ...
        assert kinds == TRAEFIK_KINDS, module.__name__
        assert not hasattr(module, "TraefikService")
        assert not hasattr(module, "IngressRouteTcp")


def test_gateway_bindings_hold_only_the_kinds_the_gateway_routes_emit() -> None:
    # GIVEN the Gateway API bindings
    from constructs_lib import _gateway

    module = _gateway.gateway_networking_k8s_io
    # WHEN the kinds of their resource classes are listed (each served version has a class of its own)
    kinds = {gvk.kind for value in vars(module).values()
             if isinstance(gvk := getattr(value, "GVK", None), cdk8s.GroupVersionKind)}

    # THEN they are the kinds of GATEWAY_KINDS in the Makefile: no GRPCRoute, TLSRoute, GatewayClass...
    assert kinds == {"Gateway", "HTTPRoute", "ReferenceGrant"}


def test_an_app_with_its_own_traefik_import_keeps_our_fields(tmp_path: pathlib.Path) -> None:
    # GIVEN an application folder with its own imports/ holding a smaller Traefik binding of the same API group
    # (only the Middleware CRD, under the default module name io/traefik and jsii assembly iotraefik)
    crds = require_crds()
    subprocess.run(
        ["cdk8s", "import", str(crds / "traefik-v3.7.11" / "traefik.io_middlewares.yaml"),
         "--language", "python", "--output", "imports", "--no-check-upgrade"],
        cwd=tmp_path, check=True, capture_output=True, text=True,
    )
    script = textwrap.dedent(
        """
        import cdk8s
        from imports.io import traefik as app_traefik  # the application's own binding, loaded first
        from constructs_lib._traefik import traefik_io as ours

        app = cdk8s.App()
        chart = cdk8s.Chart(app, "c")
        app_traefik.Middleware(chart, "m", metadata={"name": "m"}, spec=app_traefik.MiddlewareSpec())
        ours.IngressRoute(
            chart, "r", metadata={"name": "r"},
            spec=ours.IngressRouteSpec(
                routes=[ours.IngressRouteSpecRoutes(kind=ours.IngressRouteSpecRoutesKind.RULE, match="Host(`x`)")],
                tls=ours.IngressRouteSpecTls(cert_resolver="le"),
            ),
        )
        print(app.synth_yaml())
        """
    )

    # WHEN the application loads its binding first, then ours, from its own folder
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, check=True, capture_output=True, text=True)

    # THEN both resolve to their own modules and our IngressRoute keeps its tls block
    assert "kind: Middleware" in result.stdout
    assert "certResolver: le" in result.stdout
    assert result.stderr == ""
