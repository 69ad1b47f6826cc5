"""TraefikIngress, IngressTls and TraefikApiGroup (constructs_lib/ingress.py)."""

from __future__ import annotations

import pathlib
import re
from collections.abc import Callable
from typing import Any

import cdk8s
import pytest
from _manifests import assert_middlewares_exist, by_kind_and_name
from syrupy.assertion import SnapshotAssertion

from constructs_lib import HtpasswdAuth, IngressTls, Registry, TlsVersion, TraefikApiGroup, TraefikIngress

HOST = "registry.example.com"
# The snapshots of Traefik objects hold these kinds; the TLSOption is a Traefik object too.
TRAEFIK_KINDS = {"IngressRoute", "Middleware"}
ALL_TRAEFIK_KINDS = TRAEFIK_KINDS | {"TLSOption"}


def _registry(chart: cdk8s.Chart, **options: Any) -> Registry:
    options.setdefault("auth", None)
    options.setdefault("name", "registry")
    return Registry(chart, "Registry", **options)


def _assert_nothing_written(app: cdk8s.App) -> None:
    outdir = pathlib.Path(app.outdir)
    assert not outdir.exists() or not any(outdir.iterdir())


def _invalid(parameter: str, value: object) -> str:
    """The start of the error for parameter=value, as a regex: it names the parameter and repeats the value."""
    return "^" + re.escape(f"{parameter}={value!r} is invalid: ")


# --- the default route ---------------------------------------------------------------------------------------------


def test_default_ingress_routes_the_host_to_the_registry_service(chart: cdk8s.Chart,
                                                                 snapshot: SnapshotAssertion) -> None:
    # GIVEN a registry without auth
    registry = _registry(chart)

    # WHEN it gets an ingress with only the host set
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host=HOST)
    manifests = cdk8s.Testing.synth(chart)

    # THEN the output is pinned by the snapshot
    assert manifests == snapshot
    objects = by_kind_and_name(manifests)
    # AND one traefik.io IngressRoute named like the registry serves the host on websecure with the letsencrypt resolver
    # and a TLSOption of its own, which comes right after the registry's NetworkPolicy and before the route
    assert list(objects) == [("PersistentVolumeClaim", "registry-data"), ("Deployment", "registry"),
                             ("ConfigMap", "registry-metrics-proxy"), ("Service", "registry"),
                             ("NetworkPolicy", "registry"), ("TLSOption", "registry-tls"), ("IngressRoute", "registry")]
    route = objects[("IngressRoute", "registry")]
    assert route["apiVersion"] == "traefik.io/v1alpha1"
    assert route["spec"]["entryPoints"] == ["websecure"]
    assert route["spec"]["tls"] == {"certResolver": "letsencrypt", "options": {"name": "registry-tls"}}
    # AND that TLSOption asks for TLS 1.2 or later, without strict SNI (a route whose certificate is not issued yet
    # gets Traefik's default certificate rather than a refused handshake)
    tls_option = objects[("TLSOption", "registry-tls")]
    assert tls_option["apiVersion"] == "traefik.io/v1alpha1"
    assert tls_option["spec"] == {"minVersion": "VersionTLS12"}
    (rule,) = route["spec"]["routes"]
    assert rule["kind"] == "Rule"
    assert rule["match"] == "Host(`registry.example.com`)"
    assert "middlewares" not in rule
    # AND it sends traffic to the registry's Service, on the port that Service exposes
    assert rule["services"] == [{"kind": "Service", "name": "registry", "port": 5000}]
    service = objects[("Service", "registry")]
    assert [port["port"] for port in service["spec"]["ports"]] == [5000]
    # AND the properties report what was built
    assert ingress.host == HOST
    assert ingress.url == "https://registry.example.com"
    assert ingress.api_group is TraefikApiGroup.TRAEFIK_IO
    assert ingress.tls == IngressTls.cert_resolver("letsencrypt")
    assert ingress.entry_points == ("websecure",)
    assert ingress.registry is registry
    assert ingress.ingress_route.name == "registry"
    assert ingress.ingress_route.kind == "IngressRoute"
    assert ingress.tls_option is not None
    assert (ingress.tls_option.name, ingress.tls_option.kind) == ("registry-tls", "TLSOption")
    assert ingress.tls_option.node.id == "TlsOption"


def test_route_follows_the_registry_name_and_port(chart: cdk8s.Chart) -> None:
    # GIVEN a registry with its own name and port
    registry = _registry(chart, name="hub", port=5443)

    # WHEN it gets an ingress with the HTTP redirect
    TraefikIngress(chart, "Ingress", registry=registry, host="hub.example.org", redirect_http_to_https=True)
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN the objects are named after the registry and both routes reach its Service on its port
    assert {key for key in objects if key[0] in TRAEFIK_KINDS} == {
        ("IngressRoute", "hub"), ("IngressRoute", "hub-http"), ("Middleware", "hub-https-redirect")}
    for name in ("hub", "hub-http"):
        (rule,) = objects[("IngressRoute", name)]["spec"]["routes"]
        assert rule["match"] == "Host(`hub.example.org`)"
        assert rule["services"] == [{"kind": "Service", "name": "hub", "port": 5443}]
    assert [port["port"] for port in objects[("Service", "hub")]["spec"]["ports"]] == [5443]


# --- HTTP to HTTPS redirect ----------------------------------------------------------------------------------------


def test_redirect_http_to_https_adds_a_redirect_route_on_web(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN a namespaced chart and a registry with auth from an existing Secret
    chart = cdk8s.Chart(app, "test", namespace="registry")
    registry = _registry(chart, auth=HtpasswdAuth.from_secret("registry-htpasswd"))

    # WHEN its ingress redirects HTTP to HTTPS
    TraefikIngress(chart, "Ingress", registry=registry, host=HOST, redirect_http_to_https=True)
    manifests = cdk8s.Testing.synth(chart)

    # THEN the output is pinned by the snapshot
    assert manifests == snapshot
    objects = by_kind_and_name(manifests)
    # AND a permanent redirectScheme Middleware to https exists
    middleware = objects[("Middleware", "registry-https-redirect")]
    assert middleware["apiVersion"] == "traefik.io/v1alpha1"
    assert middleware["spec"] == {"redirectScheme": {"scheme": "https", "permanent": True}}
    # AND a route on the web entry point, without TLS, sends the whole host through it
    http = objects[("IngressRoute", "registry-http")]
    assert http["spec"]["entryPoints"] == ["web"]
    assert "tls" not in http["spec"]
    (rule,) = http["spec"]["routes"]
    assert rule["match"] == "Host(`registry.example.com`)"
    assert rule["middlewares"] == [{"name": "registry-https-redirect"}]
    assert rule["services"] == [{"kind": "Service", "name": "registry", "port": 5000}]
    # AND the HTTPS route is unchanged: websecure, TLS with the TLS option, no middleware
    https = objects[("IngressRoute", "registry")]
    assert https["spec"]["entryPoints"] == ["websecure"]
    assert https["spec"]["tls"] == {"certResolver": "letsencrypt", "options": {"name": "registry-tls"}}
    assert "middlewares" not in https["spec"]["routes"][0]
    # AND every referenced Middleware exists, and everything is in the chart's namespace
    assert_middlewares_exist(objects)
    assert {m["metadata"].get("namespace") for m in manifests} == {"registry"}


def test_custom_entry_points_and_http_entry_point(chart: cdk8s.Chart) -> None:
    # GIVEN a registry
    registry = _registry(chart)

    # WHEN the ingress serves two entry points (given as a tuple) and redirects from a custom HTTP entry point
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host=HOST, entry_points=("https", "internal_tls"),
                             redirect_http_to_https=True, http_entry_point="http")
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN the HTTPS route lists the entry points in order and the redirect route uses the custom HTTP one
    assert objects[("IngressRoute", "registry")]["spec"]["entryPoints"] == ["https", "internal_tls"]
    assert objects[("IngressRoute", "registry-http")]["spec"]["entryPoints"] == ["http"]
    assert ingress.entry_points == ("https", "internal_tls")


def test_fails_http_entry_point_without_the_redirect(chart: cdk8s.Chart) -> None:
    # GIVEN a registry
    registry = _registry(chart)

    # WHEN the ingress names an HTTP entry point but does not redirect
    # THEN it is refused as an option without effect, and nothing is left
    with pytest.raises(ValueError, match=r"http_entry_point='web' is invalid: it has no effect without "
                                         r"redirect_http_to_https=True"):
        TraefikIngress(chart, "Ingress", registry=registry, host=HOST, entry_points=["web", "websecure"],
                       http_entry_point="web")
    assert chart.node.try_find_child("Ingress") is None


# --- TLS -----------------------------------------------------------------------------------------------------------


_OPTIONS = {"options": {"name": "registry-tls"}}
_TLS12 = {"minVersion": "VersionTLS12"}


@pytest.mark.parametrize(("tls", "expected", "tls_option"), [
    pytest.param(None, {"certResolver": "letsencrypt", **_OPTIONS}, _TLS12, id="default"),
    pytest.param(IngressTls.cert_resolver(), {"certResolver": "letsencrypt", **_OPTIONS}, _TLS12,
                 id="cert_resolver-default-name"),
    pytest.param(IngressTls.cert_resolver("le_staging-2"), {"certResolver": "le_staging-2", **_OPTIONS}, _TLS12,
                 id="cert_resolver"),
    pytest.param(IngressTls.secret("registry-tls.example"), {"secretName": "registry-tls.example", **_OPTIONS},
                 _TLS12, id="secret"),
    # Only the TLS option: TLS on, with Traefik's default certificate (no tls key at all would mean plain HTTP).
    pytest.param(IngressTls.default_certificate(), _OPTIONS, _TLS12,
                 id="default_certificate"),
])
def test_tls_source(chart: cdk8s.Chart, tls: IngressTls | None, expected: dict[str, Any],
                    tls_option: dict[str, Any]) -> None:
    # GIVEN a registry
    registry = _registry(chart)

    # WHEN its ingress gets a TLS source
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host=HOST, tls=tls)
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN the route's tls section names exactly that source and the TLS option
    assert objects[("IngressRoute", "registry")]["spec"]["tls"] == expected
    assert ingress.tls == (tls if tls is not None else IngressTls.cert_resolver())
    # AND the TLS option never asks for strict SNI, whatever the source
    assert objects[("TLSOption", "registry-tls")]["spec"] == tls_option


@pytest.mark.parametrize(("min_tls_version", "expected"), [
    pytest.param(TlsVersion.TLS12, {"minVersion": "VersionTLS12"}, id="tls12"),
    pytest.param(TlsVersion.TLS13, {"minVersion": "VersionTLS13"}, id="tls13"),
])
def test_min_tls_version_sets_the_tls_option_of_every_https_route(
        chart: cdk8s.Chart, min_tls_version: TlsVersion, expected: dict[str, Any]) -> None:
    # GIVEN a registry
    registry = _registry(chart)

    # WHEN its ingress, with the redirect and an extra route, gets a minimum TLS version
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host=HOST, redirect_http_to_https=True,
                             min_tls_version=min_tls_version)
    ingress.add_route(chart, "Extra", name="extra", path_prefix="/extra", service_name="other", service_port=8081,
                      middlewares=[])
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN one TLSOption holds that version, and both HTTPS routes use it; the plain-HTTP redirect route has no TLS
    assert [key for key in objects if key[0] == "TLSOption"] == [("TLSOption", "registry-tls")]
    assert objects[("TLSOption", "registry-tls")]["spec"] == expected
    for name in ("registry", "extra"):
        assert objects[("IngressRoute", name)]["spec"]["tls"] == {"certResolver": "letsencrypt",
                                                                 "options": {"name": "registry-tls"}}
    assert "tls" not in objects[("IngressRoute", "registry-http")]["spec"]


def test_no_min_tls_version_leaves_traefik_s_default(chart: cdk8s.Chart) -> None:
    # GIVEN a registry
    registry = _registry(chart)

    # WHEN its ingress gets no minimum TLS version
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host=HOST, min_tls_version=None)
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN there is no TLSOption, and the route names only its certificate source
    assert ingress.tls_option is None
    assert "TLSOption" not in {kind for kind, _ in objects}
    assert objects[("IngressRoute", "registry")]["spec"]["tls"] == {"certResolver": "letsencrypt"}


def test_ingress_tls_factories_fill_one_field_each() -> None:
    # GIVEN / WHEN the three factories
    # THEN each sets at most one source
    assert IngressTls.cert_resolver() == IngressTls(cert_resolver_name="letsencrypt", secret_name=None)
    assert IngressTls.cert_resolver("acme") == IngressTls(cert_resolver_name="acme", secret_name=None)
    assert IngressTls.secret("tls") == IngressTls(cert_resolver_name=None, secret_name="tls")
    assert IngressTls.default_certificate() == IngressTls(cert_resolver_name=None, secret_name=None)


def test_tls_secret_in_a_namespace(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN a namespaced chart and a registry
    chart = cdk8s.Chart(app, "test", namespace="registry")
    registry = _registry(chart, auth=HtpasswdAuth.from_secret("registry-htpasswd"))

    # WHEN the ingress uses a cert-manager Secret on a custom entry point
    TraefikIngress(chart, "Ingress", registry=registry, host=HOST, tls=IngressTls.secret("registry-tls"),
                   entry_points=["websecure", "internal"])
    manifests = cdk8s.Testing.synth(chart)

    # THEN the output is pinned by the snapshot, and the route reads the Secret in its own namespace
    assert manifests == snapshot
    route = by_kind_and_name(manifests)[("IngressRoute", "registry")]
    assert route["metadata"]["namespace"] == "registry"
    assert route["spec"]["tls"] == {"secretName": "registry-tls", "options": {"name": "registry-tls"}}
    # (the TLSOption, named after the registry, is in the same namespace as the route that names it)
    assert by_kind_and_name(manifests)[("TLSOption", "registry-tls")]["metadata"]["namespace"] == "registry"
    assert route["spec"]["entryPoints"] == ["websecure", "internal"]


# --- API group -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("api_group", "api_version"), [
    (TraefikApiGroup.TRAEFIK_IO, "traefik.io/v1alpha1"),
    (TraefikApiGroup.TRAEFIK_CONTAINO_US, "traefik.containo.us/v1alpha1"),
])
def test_api_group_sets_the_api_version_of_every_traefik_object(
        chart: cdk8s.Chart, api_group: TraefikApiGroup, api_version: str) -> None:
    # GIVEN a registry
    registry = _registry(chart)

    # WHEN the ingress, with the redirect, targets an API group
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host=HOST, api_group=api_group,
                             redirect_http_to_https=True)
    manifests = cdk8s.Testing.synth(chart)

    # THEN its four objects (the TLSOption, the two routes and the Middleware), and only they, use that group's
    # apiVersion
    traefik = [m for m in manifests if m["kind"] in ALL_TRAEFIK_KINDS]
    assert [(m["kind"], m["metadata"]["name"]) for m in traefik] == [
        ("TLSOption", "registry-tls"), ("IngressRoute", "registry"), ("Middleware", "registry-https-redirect"),
        ("IngressRoute", "registry-http")]
    assert {m["apiVersion"] for m in traefik} == {api_version}
    assert api_group.value == api_version
    assert ingress.api_group is api_group
    assert not any(m["apiVersion"].startswith("traefik.") for m in manifests if m["kind"] not in ALL_TRAEFIK_KINDS)
    assert_middlewares_exist(by_kind_and_name(manifests))


def test_legacy_api_group_snapshot(chart: cdk8s.Chart, snapshot: SnapshotAssertion) -> None:
    # GIVEN a registry
    registry = _registry(chart)

    # WHEN the ingress targets traefik.containo.us with a Secret and the redirect
    TraefikIngress(chart, "Ingress", registry=registry, host=HOST, api_group=TraefikApiGroup.TRAEFIK_CONTAINO_US,
                   tls=IngressTls.secret("registry-tls"), redirect_http_to_https=True)

    # THEN the Traefik objects are pinned by the snapshot
    assert [m for m in cdk8s.Testing.synth(chart) if m["kind"] in TRAEFIK_KINDS] == snapshot


def test_api_group_bindings_are_distinct_modules_with_the_same_classes() -> None:
    # GIVEN / WHEN both groups' bindings
    io, legacy = TraefikApiGroup.TRAEFIK_IO.bindings, TraefikApiGroup.TRAEFIK_CONTAINO_US.bindings

    # THEN they are different modules that both offer the classes the constructs use
    assert io is not legacy
    for name in ("IngressRoute", "IngressRouteSpec", "IngressRouteSpecTls", "Middleware", "MiddlewareSpec",
                 "MiddlewareSpecRedirectScheme", "MiddlewareSpecRedirectRegex", "MiddlewareSpecStripPrefix"):
        assert getattr(io, name) is not getattr(legacy, name)


def _synth_with_group(tmp_path: pathlib.Path, api_group: TraefikApiGroup) -> list[dict[str, Any]]:
    app = cdk8s.Testing.app(outdir=str(tmp_path / api_group.name))
    chart = cdk8s.Chart(app, "test", namespace="registry")
    registry = _registry(chart, auth=HtpasswdAuth.from_secret("registry-htpasswd"))
    TraefikIngress(chart, "Ingress", registry=registry, host=HOST, api_group=api_group,
                   tls=IngressTls.secret("registry-tls"), entry_points=["websecure", "internal"],
                   redirect_http_to_https=True, http_entry_point="http")
    return cdk8s.Testing.synth(chart)


def test_legacy_group_objects_equal_traefik_io_ones_apart_from_api_version(tmp_path: pathlib.Path) -> None:
    # GIVEN the same ingress built once per API group, in two apps with the same chart id
    current = _synth_with_group(tmp_path, TraefikApiGroup.TRAEFIK_IO)
    legacy = _synth_with_group(tmp_path, TraefikApiGroup.TRAEFIK_CONTAINO_US)

    # WHEN they are compared object by object
    # THEN only the Traefik objects' apiVersion differs (the TLSOption, two routes and the Middleware)
    assert len(current) == len(legacy)
    compared = 0
    for new, old in zip(current, legacy, strict=True):
        if new["kind"] in ALL_TRAEFIK_KINDS:
            assert (new["apiVersion"], old["apiVersion"]) == ("traefik.io/v1alpha1", "traefik.containo.us/v1alpha1")
            assert {**new, "apiVersion": None} == {**old, "apiVersion": None}
            compared += 1
        else:
            assert new == old
    assert compared == 4


# --- add_route and escape hatch ------------------------------------------------------------------------------------


def test_add_route_reuses_host_entry_points_and_tls(chart: cdk8s.Chart) -> None:
    # GIVEN an ingress on two entry points with a Secret
    registry = _registry(chart)
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host=HOST, entry_points=["websecure", "internal"],
                             tls=IngressTls.secret("registry-tls"))

    # WHEN another route is added under a path with two middlewares
    route = ingress.add_route(chart, "Extra", name="extra", path_prefix="/extra", service_name="other",
                              service_port=8081, middlewares=["first", "second"])
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN it is returned and shares the host, entry points, TLS and TLS option, with the path rule (the prefix as
    # a whole path segment) and the middlewares in order
    assert route.name == "extra"
    spec = objects[("IngressRoute", "extra")]["spec"]
    assert spec["entryPoints"] == ["websecure", "internal"]
    assert spec["tls"] == {"secretName": "registry-tls", "options": {"name": "registry-tls"}}
    (rule,) = spec["routes"]
    assert rule["match"] == "Host(`registry.example.com`) && (Path(`/extra`) || PathPrefix(`/extra/`))"
    assert rule["middlewares"] == [{"name": "first"}, {"name": "second"}]
    assert rule["services"] == [{"kind": "Service", "name": "other", "port": 8081}]


@pytest.mark.parametrize(("tls", "expected"), [
    pytest.param(IngressTls.secret("other-tls"), {"secretName": "other-tls"}, id="secret"),
    pytest.param(IngressTls.cert_resolver("acme"), {"certResolver": "acme"}, id="resolver"),
    pytest.param(IngressTls.default_certificate(), {}, id="default-certificate"),
])
def test_add_route_takes_its_own_tls_for_another_host(chart: cdk8s.Chart, tls: IngressTls,
                                                      expected: dict[str, str]) -> None:
    # GIVEN an ingress whose certificate is a Secret for the registry's host
    registry = _registry(chart)
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host=HOST, tls=IngressTls.secret("registry-tls"))

    # WHEN a route for another host is added with its own certificate
    ingress.add_route(chart, "Other", name="other", path_prefix=None, host="other.example.com",
                      service_name="other", service_port=8080, middlewares=[], tls=tls)
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN that route uses it, still with the ingress's TLS option, and the registry's route keeps its Secret
    other = objects[("IngressRoute", "other")]["spec"]
    assert other["tls"] == {**expected, "options": {"name": "registry-tls"}}
    assert other["routes"][0]["match"] == "Host(`other.example.com`)"
    assert objects[("IngressRoute", "registry")]["spec"]["tls"] == {"secretName": "registry-tls",
                                                                    "options": {"name": "registry-tls"}}


def test_escape_hatch_patches_the_ingress_route(chart: cdk8s.Chart) -> None:
    # GIVEN an ingress
    registry = _registry(chart)
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host=HOST)

    # WHEN its IngressRoute is patched through the property and through ApiObject.of (child id "Resource")
    ingress.ingress_route.add_json_patch(cdk8s.JsonPatch.add("/spec/routes/0/priority", 100))
    cdk8s.ApiObject.of(ingress).add_json_patch(
        cdk8s.JsonPatch.add("/metadata/annotations", {"example.com/owner": "platform"}))
    route = by_kind_and_name(cdk8s.Testing.synth(chart))[("IngressRoute", "registry")]

    # THEN both patches show up in the output
    assert route["spec"]["routes"][0]["priority"] == 100
    assert route["metadata"]["annotations"] == {"example.com/owner": "platform"}


# --- validation ----------------------------------------------------------------------------------------------------


def _assert_failed_cleanly(app: cdk8s.App, chart: cdk8s.Chart) -> None:
    """Nothing reached the output folder, and the chart holds only the registry's objects."""
    _assert_nothing_written(app)
    assert not [m for m in cdk8s.Testing.synth(chart) if m["kind"] in ALL_TRAEFIK_KINDS]


@pytest.mark.parametrize("host", [
    pytest.param("https://registry.example.com", id="scheme"),
    pytest.param("registry.example.com:443", id="port"),
    pytest.param("registry.example.com/v2", id="path"),
    pytest.param("registry`.example.com", id="backtick"),
    pytest.param("registry.example.com`) || Host(`evil.example.com", id="rule-injection"),
    pytest.param("registry example.com", id="space"),
    pytest.param("Registry.Example.com", id="upper-case"),
    pytest.param("", id="empty"),
    pytest.param("registry..example.com", id="empty-label"),
    pytest.param("-registry.example.com", id="leading-dash"),
    pytest.param("registry.example.com.", id="trailing-dot"),
    pytest.param("*.example.com", id="wildcard"),
    pytest.param("a" * 64 + ".example.com", id="label-too-long"),
    pytest.param(".".join(["a" * 63] * 4) + ".com", id="too-long"),
])
def test_fails_on_a_bad_host(app: cdk8s.App, chart: cdk8s.Chart, host: str) -> None:
    # GIVEN a registry
    registry = _registry(chart)

    # WHEN the ingress gets a host that is not a bare lower-case hostname
    # THEN it fails naming the parameter and the value
    with pytest.raises(ValueError, match=_invalid("host", host)):
        TraefikIngress(chart, "Ingress", registry=registry, host=host)
    _assert_failed_cleanly(app, chart)


@pytest.mark.parametrize(("entry_points", "reported"), [
    pytest.param([], [], id="empty-list"),
    pytest.param((), (), id="empty-tuple"),
    pytest.param("websecure", "websecure", id="plain-string"),
    pytest.param(["web secure"], "web secure", id="space"),
    pytest.param(["websecure", "-internal"], "-internal", id="leading-dash"),
    pytest.param(["websecure", ""], "", id="empty-name"),
    pytest.param(["web.secure"], "web.secure", id="dot"),
])
def test_fails_on_bad_entry_points(app: cdk8s.App, chart: cdk8s.Chart, entry_points: object, reported: object) -> None:
    # GIVEN a registry
    registry = _registry(chart)

    # WHEN the ingress gets no entry point, a bare string or a bad name
    # THEN it fails naming entry_points and the offending value
    with pytest.raises(ValueError, match=_invalid("entry_points", reported)):
        # A wrong type on purpose (a bare string, a tuple): the construct must refuse it at run time.
        TraefikIngress(chart, "Ingress", registry=registry, host=HOST,
                       entry_points=entry_points)  # type: ignore[arg-type]
    _assert_failed_cleanly(app, chart)


def test_fails_when_the_redirect_entry_point_also_serves_the_registry(app: cdk8s.App, chart: cdk8s.Chart) -> None:
    # GIVEN a registry
    registry = _registry(chart)

    # WHEN the redirect is on and its HTTP entry point is among the served entry points
    # THEN it fails naming http_entry_point and the value
    with pytest.raises(ValueError, match=_invalid("http_entry_point", "web")):
        TraefikIngress(chart, "Ingress", registry=registry, host=HOST, entry_points=["websecure", "web"],
                       redirect_http_to_https=True)
    _assert_failed_cleanly(app, chart)


def test_fails_on_a_bad_http_entry_point_naming_http_entry_point(app: cdk8s.App, chart: cdk8s.Chart) -> None:
    # GIVEN a registry
    registry = _registry(chart)

    # WHEN the redirect's HTTP entry point has a space
    # THEN the error names http_entry_point (the parameter given), not entry_points
    with pytest.raises(ValueError, match=_invalid("http_entry_point", "web secure")):
        TraefikIngress(chart, "Ingress", registry=registry, host=HOST, redirect_http_to_https=True,
                       http_entry_point="web secure")
    _assert_failed_cleanly(app, chart)


@pytest.mark.parametrize("name", [
    pytest.param("lets encrypt", id="space"),
    pytest.param("", id="empty"),
    pytest.param("-le", id="leading-dash"),
    pytest.param("le/prod", id="slash"),
    pytest.param("le@file", id="provider-suffix"),
])
def test_fails_on_a_bad_cert_resolver_name(app: cdk8s.App, chart: cdk8s.Chart, name: str) -> None:
    # GIVEN a registry
    registry = _registry(chart)

    # WHEN the ingress's TLS comes from a resolver with a bad name
    # THEN the factory fails naming its parameter and the value
    with pytest.raises(ValueError, match=_invalid("name", name)):
        TraefikIngress(chart, "Ingress", registry=registry, host=HOST, tls=IngressTls.cert_resolver(name))
    _assert_failed_cleanly(app, chart)


@pytest.mark.parametrize("name", [
    pytest.param("Registry-TLS", id="upper-case"),
    pytest.param("registry_tls", id="underscore"),
    pytest.param("", id="empty"),
    pytest.param("registry-tls-", id="trailing-dash"),
    pytest.param("registry..tls", id="empty-part"),
    pytest.param("a" * 254, id="too-long"),
])
def test_fails_on_a_bad_tls_secret_name(app: cdk8s.App, chart: cdk8s.Chart, name: str) -> None:
    # GIVEN a registry
    registry = _registry(chart)

    # WHEN the ingress's TLS comes from a Secret with a name Kubernetes refuses
    # THEN the factory fails naming its parameter and the value
    with pytest.raises(ValueError, match=_invalid("name", name)):
        TraefikIngress(chart, "Ingress", registry=registry, host=HOST, tls=IngressTls.secret(name))
    _assert_failed_cleanly(app, chart)


_TRAILING_NEWLINE = ("_validation.py and ingress.py match names with re.match and a '$' anchor, which also matches "
                     "before a trailing newline, so 'value\\n' passes; use re.fullmatch or '\\Z'")


@pytest.mark.parametrize(("parameter", "value", "options"), [
    pytest.param("host", "registry.example.com\n", {"host": "registry.example.com\n"}, id="host"),
    pytest.param("entry_points", "websecure\n", {"entry_points": ["websecure\n"]}, id="entry_points"),
    # Named http_entry_point once the error names the right parameter (see the test above).
    pytest.param("http_entry_point", "web\n", {"http_entry_point": "web\n", "redirect_http_to_https": True},
                 id="http_entry_point"),
])
def test_fails_on_a_trailing_newline_in_ingress_options(
        app: cdk8s.App, chart: cdk8s.Chart, parameter: str, value: str, options: dict[str, Any]) -> None:
    # GIVEN a registry
    registry = _registry(chart)
    options = {"host": HOST, **options}

    # WHEN an option ends with a newline (it would end up inside the Host(`...`) rule or the entry point list)
    # THEN it fails naming the parameter and the value
    with pytest.raises(ValueError, match=_invalid(parameter, value)):
        TraefikIngress(chart, "Ingress", registry=registry, **options)
    _assert_failed_cleanly(app, chart)


@pytest.mark.parametrize("factory", [IngressTls.cert_resolver, IngressTls.secret], ids=["cert_resolver", "secret"])
def test_fails_on_a_trailing_newline_in_a_tls_name(factory: Callable[[str], IngressTls]) -> None:
    # GIVEN / WHEN a TLS factory gets a name that ends with a newline
    # THEN it fails naming the parameter and the value
    with pytest.raises(ValueError, match=_invalid("name", "registry-tls\n")):
        factory("registry-tls\n")
