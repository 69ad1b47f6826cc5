"""RegistryUi (constructs_lib/ui.py)."""

from __future__ import annotations

import pathlib
import re
from typing import Any

import cdk8s
import pytest
from _manifests import Objects, assert_middlewares_exist, by_kind_and_name
from syrupy.assertion import SnapshotAssertion

from constructs_lib import (
    DEFAULT_UI_IMAGE,
    HtpasswdAuth,
    IngressTls,
    Registry,
    RegistryUi,
    TraefikApiGroup,
    TraefikIngress,
)

HOST = "registry.example.com"
# The snapshots of Traefik objects hold these kinds; the ingress's TLSOption is a Traefik object too.
TRAEFIK_KINDS = {"IngressRoute", "Middleware"}
ALL_TRAEFIK_KINDS = TRAEFIK_KINDS | {"TLSOption"}
UI_OBJECTS = {"Deployment", "Service", "IngressRoute", "Middleware"}
DEFAULT_ENV = {
    "PULL_URL": "registry.example.com",
    "REGISTRY_TITLE": "Docker Registry",
    "SINGLE_REGISTRY": "true",
    "DELETE_IMAGES": "false",
    "SHOW_CONTENT_DIGEST": "true",
    "CATALOG_ELEMENTS_LIMIT": "1000",
    "REGISTRY_SECURED": "false",
    "NGINX_LISTEN_PORT": "8080",
    # Under a path the browser calls the registry on the same origin.
    "REGISTRY_URL": "https://registry.example.com",
}
SECURITY_HEADERS = {"headers": {"stsSeconds": 31_536_000, "stsIncludeSubdomains": True, "contentTypeNosniff": True,
                                "frameDeny": True, "referrerPolicy": "same-origin"}}


def _ingress(chart: cdk8s.Chart, *, registry_options: dict[str, Any] | None = None,
             **options: Any) -> TraefikIngress:
    registry_options = {"name": "registry", "auth": None, **(registry_options or {})}
    registry = Registry(chart, "Registry", **registry_options)
    return TraefikIngress(chart, "Ingress", registry=registry, host=HOST, **options)


def _pod(objects: Objects, name: str = "registry-ui") -> dict[str, Any]:
    pod_spec: dict[str, Any] = objects[("Deployment", name)]["spec"]["template"]["spec"]
    return pod_spec


def _env(objects: Objects, name: str = "registry-ui") -> dict[str, str]:
    (container,) = _pod(objects, name)["containers"]
    assert all(set(variable) == {"name", "value"} for variable in container["env"])
    return {variable["name"]: variable["value"] for variable in container["env"]}


def _go_regex(pattern: str) -> re.Pattern[str]:
    """A Traefik (Go RE2) regex as a Python one. The patterns here use only syntax both read alike, except '$':
    without the m flag Go's '$' matches at the very end only, Python's also before a final newline (Python: \\Z)."""
    assert pattern.endswith("$") and not pattern.endswith("\\$")
    return re.compile(pattern[:-1] + r"\Z")


def _go_replacement(replacement: str) -> str:
    """A Go Regexp.Expand template (${1}) as a Python re.sub one (\\g<1>)."""
    return re.sub(r"\$\{(\d+)\}", r"\\g<\1>", replacement)


def _invalid(parameter: str, value: object) -> str:
    """The start of the error for parameter=value, as a regex: it names the parameter and repeats the value."""
    return "^" + re.escape(f"{parameter}={value!r} is invalid: ")


# --- the default UI ------------------------------------------------------------------------------------------------


def test_default_ui_is_served_under_ui_on_the_registry_host(chart: cdk8s.Chart, snapshot: SnapshotAssertion) -> None:
    # GIVEN a registry without auth and its default ingress
    ingress = _ingress(chart)

    # WHEN the UI is added with its defaults
    ui = RegistryUi(chart, "Ui", ingress=ingress)
    manifests = cdk8s.Testing.synth(chart)

    # THEN the output is pinned by the snapshot
    assert manifests == snapshot
    objects = by_kind_and_name(manifests)
    ui_keys = {("Deployment", "registry-ui"), ("Service", "registry-ui"), ("IngressRoute", "registry-ui"),
               ("Middleware", "registry-ui-security-headers"), ("Middleware", "registry-ui-slash-redirect"),
               ("Middleware", "registry-ui-strip-prefix")}
    assert ui_keys <= set(objects)
    # AND the UI talks to the registry on the same origin, with each documented setting
    assert _env(objects) == DEFAULT_ENV
    pod = _pod(objects)
    assert [c["image"] for c in pod["initContainers"] + pod["containers"]] == [DEFAULT_UI_IMAGE] * 2
    assert pod["containers"][0]["ports"] == [{"containerPort": 8080, "name": "http"}]
    # AND a ClusterIP Service on 8080 selects the UI's pods
    service = objects[("Service", "registry-ui")]
    assert service["spec"]["type"] == "ClusterIP"
    assert service["spec"]["ports"] == [{"name": "http", "port": 8080, "targetPort": 8080}]
    pod_labels = objects[("Deployment", "registry-ui")]["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= pod_labels.items()
    assert objects[("Service", "registry")]["spec"]["selector"] != service["spec"]["selector"]
    # AND the route takes the /ui path segment of the registry's host on the ingress's entry points, TLS and
    # TLS option
    route = objects[("IngressRoute", "registry-ui")]
    assert route["apiVersion"] == "traefik.io/v1alpha1"
    assert route["spec"]["entryPoints"] == ["websecure"]
    assert route["spec"]["tls"] == {"certResolver": "letsencrypt", "options": {"name": "registry-tls"}}
    assert ("TLSOption", "registry-tls") in objects
    (rule,) = route["spec"]["routes"]
    assert rule["kind"] == "Rule"
    assert rule["match"] == "Host(`registry.example.com`) && (Path(`/ui`) || PathPrefix(`/ui/`))"
    assert rule["services"] == [{"kind": "Service", "name": "registry-ui", "port": 8080}]
    # AND it goes through the security headers, the slash redirect, then the prefix strip, all of which exist
    assert rule["middlewares"] == [{"name": "registry-ui-security-headers"}, {"name": "registry-ui-slash-redirect"},
                                   {"name": "registry-ui-strip-prefix"}]
    assert_middlewares_exist(objects)
    assert objects[("Middleware", "registry-ui-security-headers")]["spec"] == SECURITY_HEADERS
    assert objects[("Middleware", "registry-ui-slash-redirect")]["spec"] == {"redirectRegex": {
        "regex": r"^(https?://[^/]+/ui)(\?.*)?$", "replacement": "${1}/${2}", "permanent": True}}
    assert objects[("Middleware", "registry-ui-strip-prefix")]["spec"] == {"stripPrefix": {"prefixes": ["/ui"]}}
    # AND the registry's own route is untouched: whole host, no middleware
    registry_rule = objects[("IngressRoute", "registry")]["spec"]["routes"][0]
    assert registry_rule["match"] == "Host(`registry.example.com`)"
    assert "middlewares" not in registry_rule
    # AND the properties report what was built
    assert ui.path_prefix == "/ui"
    assert ui.deployment.name == "registry-ui"
    assert ui.service.name == "registry-ui"
    assert ui.ingress_route.name == "registry-ui"


def test_ui_runs_non_root_on_a_read_only_root_filesystem(chart: cdk8s.Chart) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)

    # WHEN the UI is added
    RegistryUi(chart, "Ui", ingress=ingress)
    pod = _pod(by_kind_and_name(cdk8s.Testing.synth(chart)))

    # THEN the pod runs as a uid of no node user (10101) with seccomp, no service account token and no service links
    assert pod["securityContext"] == {"runAsNonRoot": True, "runAsUser": 10101, "runAsGroup": 10101,
                                      "fsGroup": 10101,
                                      "fsGroupChangePolicy": "Always", "seccompProfile": {"type": "RuntimeDefault"}}
    assert pod["automountServiceAccountToken"] is False
    assert pod["enableServiceLinks"] is False
    # AND both containers have a read-only root, no privilege and no capabilities
    (init,), (ui,) = pod["initContainers"], pod["containers"]
    for container in (init, ui):
        assert container["securityContext"] == {
            "runAsNonRoot": True, "runAsUser": 10101, "runAsGroup": 10101, "readOnlyRootFilesystem": True,
            "allowPrivilegeEscalation": False, "privileged": False, "capabilities": {"drop": ["ALL"]}}
        assert container["resources"] == {"requests": {"cpu": "10m", "memory": "16Mi"},
                                          "limits": {"cpu": "200m", "memory": "64Mi"}}
    # AND every path nginx and the entrypoint write to is an emptyDir
    volumes = {volume["name"]: volume for volume in pod["volumes"]}
    assert all(volume == {"name": name, "emptyDir": {}} for name, volume in volumes.items())
    mounts = {mount["mountPath"]: mount["name"] for mount in ui["volumeMounts"]}
    assert mounts == {"/etc/nginx": "nginx-config", "/usr/share/nginx/html": "html",
                      "/var/cache/nginx": "nginx-cache", "/tmp": "tmp"}
    assert set(mounts.values()) == set(volumes)
    assert not any(mount.get("readOnly") for mount in ui["volumeMounts"])
    # AND the init container seeds the two rewritten folders from the image into the same volumes
    assert init["name"] == "copy-writable-files"
    assert init["command"] == ["sh", "-c",
                               "cp -R /etc/nginx/. /seed/etc-nginx/ && cp -R /usr/share/nginx/html/. /seed/html/"]
    assert {m["mountPath"]: m["name"] for m in init["volumeMounts"]} == {"/seed/etc-nginx": "nginx-config",
                                                                        "/seed/html": "html"}
    # AND nginx is probed on its unprivileged port
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        assert ui[probe]["httpGet"] == {"path": "/", "port": 8080, "scheme": "HTTP"}


# --- options -------------------------------------------------------------------------------------------------------


def test_ui_with_every_option_in_a_namespace(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN a namespaced chart, a registry with auth from a Secret and deletes on, behind a redirecting ingress
    chart = cdk8s.Chart(app, "test", namespace="registry")
    ingress = _ingress(chart, registry_options={"auth": HtpasswdAuth.from_secret("registry-htpasswd"),
                                                "delete_enabled": True},
                       tls=IngressTls.secret("registry-tls"), redirect_http_to_https=True)

    # WHEN the UI is added with every option changed
    image = "mirror.example.com/joxit/docker-registry-ui:2.6.0"
    ui = RegistryUi(chart, "Ui", ingress=ingress, path_prefix="/registry-ui", title="ACME Registry (prod)",
                    delete_images=True, single_registry=False, catalog_elements_limit=250,
                    show_content_digest=False, image=image, name="browser")
    manifests = cdk8s.Testing.synth(chart)

    # THEN the output is pinned by the snapshot
    assert manifests == snapshot
    objects = by_kind_and_name(manifests)
    # AND the objects take the given name, in the chart's namespace
    assert {key for key in objects if key[1].startswith("browser")} == {
        ("Deployment", "browser"), ("Service", "browser"), ("IngressRoute", "browser"),
        ("Middleware", "browser-security-headers"), ("Middleware", "browser-slash-redirect"),
        ("Middleware", "browser-strip-prefix"), ("NetworkPolicy", "browser")}
    assert {m["metadata"].get("namespace") for m in manifests} == {"registry"}
    # AND the environment carries each option
    assert _env(objects, "browser") == {**DEFAULT_ENV, "REGISTRY_TITLE": "ACME Registry (prod)",
                                        "SINGLE_REGISTRY": "false", "DELETE_IMAGES": "true",
                                        "SHOW_CONTENT_DIGEST": "false", "CATALOG_ELEMENTS_LIMIT": "250",
                                        "REGISTRY_SECURED": "true"}
    pod = _pod(objects, "browser")
    assert [c["image"] for c in pod["initContainers"] + pod["containers"]] == [image] * 2
    # AND the route serves the custom prefix with the ingress's TLS Secret and TLS option (named after the
    # registry), through the security headers and middlewares for that prefix
    route = objects[("IngressRoute", "browser")]
    assert route["spec"]["tls"] == {"secretName": "registry-tls", "options": {"name": "registry-tls"}}
    (rule,) = route["spec"]["routes"]
    assert rule["match"] == "Host(`registry.example.com`) && (Path(`/registry-ui`) || PathPrefix(`/registry-ui/`))"
    assert rule["middlewares"] == [{"name": "browser-security-headers"}, {"name": "browser-slash-redirect"},
                                   {"name": "browser-strip-prefix"}]
    assert rule["services"] == [{"kind": "Service", "name": "browser", "port": 8080}]
    assert_middlewares_exist(objects)
    assert objects[("Middleware", "browser-strip-prefix")]["spec"] == {"stripPrefix": {"prefixes": ["/registry-ui"]}}
    assert objects[("Middleware", "browser-security-headers")]["spec"] == SECURITY_HEADERS
    assert objects[("Middleware", "browser-slash-redirect")]["spec"]["redirectRegex"]["regex"] == \
        r"^(https?://[^/]+/registry\-ui)(\?.*)?$"
    # AND plain HTTP for the whole host, the UI included, is redirected to HTTPS
    http_rule = objects[("IngressRoute", "registry-http")]["spec"]["routes"][0]
    assert http_rule["match"] == "Host(`registry.example.com`)"
    assert http_rule["middlewares"] == [{"name": "registry-https-redirect"}]
    assert "tls" not in objects[("IngressRoute", "registry-http")]["spec"]
    assert ui.path_prefix == "/registry-ui"


@pytest.mark.parametrize(("options", "variable", "expected"), [
    pytest.param({"title": "Régistre Käse"}, "REGISTRY_TITLE", "Régistre Käse", id="title-unicode"),
    # '/' and '$' are safe: the entrypoint's sed uses '~' as delimiter and expands the variable only once.
    pytest.param({"title": "R+D (prod) 50% $HOME /a/b #1"}, "REGISTRY_TITLE", "R+D (prod) 50% $HOME /a/b #1",
                 id="title-punctuation"),
    pytest.param({"single_registry": False}, "SINGLE_REGISTRY", "false", id="single_registry"),
    pytest.param({"show_content_digest": False}, "SHOW_CONTENT_DIGEST", "false", id="show_content_digest"),
    pytest.param({"catalog_elements_limit": 1}, "CATALOG_ELEMENTS_LIMIT", "1", id="catalog-min"),
    pytest.param({"catalog_elements_limit": 100_000}, "CATALOG_ELEMENTS_LIMIT", "100000", id="catalog-max"),
    pytest.param({"delete_images": False}, "DELETE_IMAGES", "false", id="delete_images-off-with-deletes-on"),
])
def test_ui_option_sets_its_environment_variable(chart: cdk8s.Chart, options: dict[str, Any], variable: str,
                                                 expected: str) -> None:
    # GIVEN a registry that allows deletes, and its ingress
    ingress = _ingress(chart, registry_options={"delete_enabled": True})

    # WHEN the UI gets one option
    RegistryUi(chart, "Ui", ingress=ingress, **options)

    # THEN that variable, and only it, differs from the defaults
    assert _env(by_kind_and_name(cdk8s.Testing.synth(chart))) == {**DEFAULT_ENV, variable: expected}


def test_registry_secured_follows_the_registry_auth(chart: cdk8s.Chart) -> None:
    # GIVEN a registry whose users are given as values (low cost: a test), and its ingress
    ingress = _ingress(chart, registry_options={"auth": HtpasswdAuth.from_users({"ci": "not-a-real-password"}, cost=4)})

    # WHEN the UI is added
    RegistryUi(chart, "Ui", ingress=ingress)

    # THEN it knows the registry asks for basic auth
    assert _env(by_kind_and_name(cdk8s.Testing.synth(chart)))["REGISTRY_SECURED"] == "true"


@pytest.mark.parametrize("image", [
    "joxit/docker-registry-ui:2.6.0",
    "registry.example.com:5000/mirror/docker-registry-ui:2.6.0",
    "joxit/docker-registry-ui@sha256:" + "0" * 64,
    "joxit/docker-registry-ui:2.6.0_patched",
])
def test_image_is_used_by_both_containers(chart: cdk8s.Chart, image: str) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)

    # WHEN the UI gets an image reference (tag, registry with port, digest)
    RegistryUi(chart, "Ui", ingress=ingress, image=image)
    pod = _pod(by_kind_and_name(cdk8s.Testing.synth(chart)))

    # THEN the seeding init container and the UI both run it
    # (a digest never changes, so the node's copy is exact; a tag is asked for at every start)
    policy = "IfNotPresent" if "@sha256:" in image else "Always"
    assert [(c["image"], c["imagePullPolicy"]) for c in pod["initContainers"] + pod["containers"]] == \
        [(image, policy)] * 2


def test_ui_follows_the_ingress_entry_points_tls_and_registry_name(chart: cdk8s.Chart) -> None:
    # GIVEN a registry with its own name, behind an ingress on two entry points with the default certificate
    ingress = _ingress(chart, registry_options={"name": "hub"}, entry_points=["websecure", "internal"],
                       tls=IngressTls.default_certificate())

    # WHEN the UI is added without a name
    RegistryUi(chart, "Ui", ingress=ingress)
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN its objects are named after the registry and its route copies the entry points, TLS and TLS option
    route = objects[("IngressRoute", "hub-ui")]
    assert route["spec"]["entryPoints"] == ["websecure", "internal"]
    assert route["spec"]["tls"] == {"options": {"name": "hub-tls"}}
    assert objects[("TLSOption", "hub-tls")]["spec"] == {"minVersion": "VersionTLS12"}
    assert route["spec"]["routes"][0]["middlewares"] == [{"name": "hub-ui-security-headers"},
                                                         {"name": "hub-ui-slash-redirect"},
                                                         {"name": "hub-ui-strip-prefix"}]
    assert_middlewares_exist(objects)
    assert _env(objects, "hub-ui")["REGISTRY_URL"] == "https://registry.example.com"


def test_two_uis_on_one_ingress_do_not_collide(chart: cdk8s.Chart) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)

    # WHEN two UIs are added under different prefixes and names
    RegistryUi(chart, "Ui", ingress=ingress)
    RegistryUi(chart, "Admin", ingress=ingress, path_prefix="/admin", name="admin-ui")
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))  # fails on duplicate names

    # THEN each route goes to its own Service
    assert objects[("IngressRoute", "admin-ui")]["spec"]["routes"][0]["services"][0]["name"] == "admin-ui"
    assert objects[("IngressRoute", "registry-ui")]["spec"]["routes"][0]["services"][0]["name"] == "registry-ui"


def test_security_headers_can_be_left_out(chart: cdk8s.Chart) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)

    # WHEN the UI is added without the security headers
    RegistryUi(chart, "Ui", ingress=ingress, security_headers=False)
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN there is no headers Middleware and the route goes through the slash redirect and the strip only
    assert sorted(name for kind, name in objects if kind == "Middleware") == ["registry-ui-slash-redirect",
                                                                             "registry-ui-strip-prefix"]
    assert objects[("IngressRoute", "registry-ui")]["spec"]["routes"][0]["middlewares"] == [
        {"name": "registry-ui-slash-redirect"}, {"name": "registry-ui-strip-prefix"}]
    assert_middlewares_exist(objects)


# --- the slash redirect regex --------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["/ui", "/registry-ui", "/tools/ui", "/a.b~c_d"])
def test_slash_redirect_matches_only_the_bare_prefix(chart: cdk8s.Chart, prefix: str) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)

    # WHEN the UI is served under a prefix
    RegistryUi(chart, "Ui", ingress=ingress, path_prefix=prefix)
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))
    redirect = objects[("Middleware", "registry-ui-slash-redirect")]["spec"]["redirectRegex"]
    strip = objects[("Middleware", "registry-ui-strip-prefix")]["spec"]["stripPrefix"]

    # THEN the redirect is permanent and its regex, read as Traefik (Go) reads it, matches the bare prefix only,
    # with or without a query, which the redirect keeps after the slash
    assert redirect["permanent"] is True
    assert redirect["replacement"] == "${1}/${2}"
    regex = _go_regex(redirect["regex"])
    replacement = _go_replacement(redirect["replacement"])
    for url in (f"https://{HOST}{prefix}", f"http://{HOST}{prefix}", f"https://{HOST}:8443{prefix}"):
        assert regex.search(url), url
        assert regex.sub(replacement, url) == url + "/"
        for query in ("?x=1", "?", "?a=1&b=/c"):
            assert regex.search(url + query), url + query
            assert regex.sub(replacement, url + query) == f"{url}/{query}"
    for url in (f"https://{HOST}{prefix}/", f"https://{HOST}{prefix}/x", f"https://{HOST}{prefix}x",
                f"https://{HOST}{prefix}/?x=1", f"https://{HOST}{prefix}x?x=1",
                f"https://{HOST}/other{prefix}", f"https://{HOST}{prefix}\n", f"https://{HOST}{prefix}?x=1\n",
                f"ftp://{HOST}{prefix}", f"https://{HOST}/v2/"):
        assert not regex.search(url), url
    # AND a '.' in the prefix is literal
    if "." in prefix:
        assert not regex.search(f"https://{HOST}{prefix.replace('.', 'X')}")
    # AND the route (the prefix as a whole path segment) and the strip use the same prefix
    assert strip == {"prefixes": [prefix]}
    assert objects[("IngressRoute", "registry-ui")]["spec"]["routes"][0]["match"] == \
        f"Host(`{HOST}`) && (Path(`{prefix}`) || PathPrefix(`{prefix}/`))"


def test_default_redirect_regex_against_the_example_urls(chart: cdk8s.Chart) -> None:
    # GIVEN the default UI
    ingress = _ingress(chart)
    RegistryUi(chart, "Ui", ingress=ingress)

    # WHEN its redirect regex is read as Python
    redirect = by_kind_and_name(cdk8s.Testing.synth(chart))[("Middleware", "registry-ui-slash-redirect")]
    regex = _go_regex(redirect["spec"]["redirectRegex"]["regex"])
    replacement = _go_replacement(redirect["spec"]["redirectRegex"]["replacement"])

    # THEN /ui is redirected to /ui/, /ui?x=1 to /ui/?x=1, and /ui/, /ui/x and /uix are left alone
    assert regex.search("https://registry.example.com/ui")
    assert regex.sub(replacement, "https://registry.example.com/ui") == "https://registry.example.com/ui/"
    assert regex.search("https://registry.example.com/ui?x=1")
    assert regex.sub(replacement, "https://registry.example.com/ui?x=1") == "https://registry.example.com/ui/?x=1"
    assert not regex.search("https://registry.example.com/ui/")
    assert not regex.search("https://registry.example.com/ui/x")
    assert not regex.search("https://registry.example.com/uix")


# --- API groups ----------------------------------------------------------------------------------------------------


def _synth_with_group(tmp_path: pathlib.Path, api_group: TraefikApiGroup) -> list[dict[str, Any]]:
    app = cdk8s.Testing.app(outdir=str(tmp_path / api_group.name))
    chart = cdk8s.Chart(app, "test", namespace="registry")
    ingress = _ingress(chart, registry_options={"auth": HtpasswdAuth.from_secret("registry-htpasswd")},
                       api_group=api_group, redirect_http_to_https=True)
    RegistryUi(chart, "Ui", ingress=ingress, path_prefix="/registry-ui")
    return cdk8s.Testing.synth(chart)


def test_legacy_group_ui_objects_equal_traefik_io_ones_apart_from_api_version(tmp_path: pathlib.Path,
                                                                             snapshot: SnapshotAssertion) -> None:
    # GIVEN the same registry, ingress and UI built once per API group, in two apps with the same chart id
    current = _synth_with_group(tmp_path, TraefikApiGroup.TRAEFIK_IO)
    legacy = _synth_with_group(tmp_path, TraefikApiGroup.TRAEFIK_CONTAINO_US)

    # WHEN they are compared object by object
    # THEN the legacy Traefik objects are pinned by the snapshot
    assert [m for m in legacy if m["kind"] in TRAEFIK_KINDS] == snapshot
    # AND only the Traefik objects' apiVersion differs, the TLSOption and the UI's three Middlewares and route
    # included
    assert len(current) == len(legacy)
    compared = []
    for new, old in zip(current, legacy, strict=True):
        if new["kind"] in ALL_TRAEFIK_KINDS:
            assert (new["apiVersion"], old["apiVersion"]) == ("traefik.io/v1alpha1", "traefik.containo.us/v1alpha1")
            assert {**new, "apiVersion": None} == {**old, "apiVersion": None}
            compared.append(new["metadata"]["name"])
        else:
            assert new == old
    assert sorted(compared) == ["registry", "registry-http", "registry-https-redirect", "registry-tls", "registry-ui",
                                "registry-ui-security-headers", "registry-ui-slash-redirect",
                                "registry-ui-strip-prefix"]
    assert_middlewares_exist(by_kind_and_name(legacy))


# --- escape hatch --------------------------------------------------------------------------------------------------


def test_escape_hatch_patches_the_deployment_and_the_route(chart: cdk8s.Chart) -> None:
    # GIVEN the UI
    ingress = _ingress(chart)
    ui = RegistryUi(chart, "Ui", ingress=ingress)

    # WHEN its Deployment is patched through ApiObject.of (of the construct and of the property) and its route too
    cdk8s.ApiObject.of(ui.deployment).add_json_patch(
        cdk8s.JsonPatch.add("/spec/template/spec/priorityClassName", "tools"))
    cdk8s.ApiObject.of(ui).add_json_patch(cdk8s.JsonPatch.add("/spec/revisionHistoryLimit", 2))
    ui.ingress_route.add_json_patch(cdk8s.JsonPatch.add("/spec/routes/0/priority", 50))
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN every patch shows up in the output, next to the construct's own patches
    deployment = objects[("Deployment", "registry-ui")]
    assert deployment["spec"]["template"]["spec"]["priorityClassName"] == "tools"
    assert deployment["spec"]["template"]["spec"]["enableServiceLinks"] is False
    assert deployment["spec"]["revisionHistoryLimit"] == 2
    assert objects[("IngressRoute", "registry-ui")]["spec"]["routes"][0]["priority"] == 50


# --- validation ----------------------------------------------------------------------------------------------------


def _assert_failed_cleanly(app: cdk8s.App, chart: cdk8s.Chart) -> None:
    """Nothing reached the output folder, and no UI object was left half-built in the chart."""
    outdir = pathlib.Path(app.outdir)
    assert not outdir.exists() or not any(outdir.iterdir())
    names = {(m["kind"], m["metadata"]["name"]) for m in cdk8s.Testing.synth(chart)}
    assert not {name for kind, name in names if kind in UI_OBJECTS} - {"registry"}


def _fails(app: cdk8s.App, chart: cdk8s.Chart, parameter: str, value: object, *, rule: str = "",
           **options: Any) -> None:
    """RegistryUi(**options) fails naming parameter=value (then `rule`, a regex, if given) and leaves no trace."""
    ingress = _ingress(chart)
    with pytest.raises(ValueError, match=_invalid(parameter, value) + rule):
        RegistryUi(chart, "Ui", ingress=ingress, **options)
    _assert_failed_cleanly(app, chart)


@pytest.mark.parametrize("path_prefix", [
    pytest.param("ui", id="no-leading-slash"),
    pytest.param("/ui/", id="trailing-slash"),
    pytest.param("/", id="root"),
    pytest.param("", id="empty"),
    pytest.param("//ui", id="empty-segment"),
    pytest.param("/tools//ui", id="inner-empty-segment"),
    pytest.param("/my ui", id="space"),
    pytest.param("/ui`", id="backtick"),
    pytest.param("/ui`) || Host(`evil.example.com", id="rule-injection"),
    pytest.param("/ui?x=1", id="query"),
    pytest.param("/ui%20", id="percent"),
    pytest.param("/ui*", id="wildcard"),
])
def test_fails_on_a_bad_path_prefix(app: cdk8s.App, chart: cdk8s.Chart, path_prefix: str) -> None:
    # GIVEN a registry and its ingress
    # WHEN the UI gets a path prefix that is not '/segment[/segment...]'
    # THEN it fails naming path_prefix and the value
    _fails(app, chart, "path_prefix", path_prefix, path_prefix=path_prefix)


@pytest.mark.parametrize(("title", "forbidden"), [
    pytest.param("Registry ~ prod", "'~'", id="tilde"),
    pytest.param("R&D", "'&'", id="ampersand"),
    pytest.param("back\\slash", "'\\\\'", id="backslash"),
    pytest.param("two\nlines", "'\\n'", id="newline"),
    pytest.param("Registry\n", "'\\n'", id="trailing-newline"),
    pytest.param("tab\there", "'\\t'", id="tab"),
    pytest.param("del\x7f", "'\\x7f'", id="delete"),
    pytest.param("a~b&c", "'&', '~'", id="several"),
])
def test_fails_on_a_title_the_entrypoint_sed_breaks_on(app: cdk8s.App, chart: cdk8s.Chart, title: str,
                                                       forbidden: str) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)

    # WHEN the UI's title holds a character the entrypoint's `sed s~...~...~` mangles
    # THEN it fails naming title, the value and the characters
    with pytest.raises(ValueError, match=_invalid("title", title) + re.escape(f"it must not contain {forbidden}:")):
        RegistryUi(chart, "Ui", ingress=ingress, title=title)
    _assert_failed_cleanly(app, chart)


def test_fails_on_an_empty_title(app: cdk8s.App, chart: cdk8s.Chart) -> None:
    # GIVEN a registry and its ingress
    # WHEN the UI's title is empty
    # THEN it fails naming title and the value
    _fails(app, chart, "title", "", title="")


@pytest.mark.parametrize("limit", [0, -1, 100_001, True, 10.0])
def test_fails_on_a_bad_catalog_elements_limit(app: cdk8s.App, chart: cdk8s.Chart, limit: object) -> None:
    # GIVEN a registry and its ingress
    # WHEN the catalog limit is not a whole number from 1 to 100000
    # THEN it fails naming catalog_elements_limit and the value
    _fails(app, chart, "catalog_elements_limit", limit, catalog_elements_limit=limit)


def test_fails_on_delete_images_when_the_registry_refuses_deletes(app: cdk8s.App, chart: cdk8s.Chart) -> None:
    # GIVEN a registry with the default delete_enabled=False, and its ingress
    # WHEN the UI offers deleting images
    # THEN it fails naming delete_images and the value, and says how to fix it
    _fails(app, chart, "delete_images", True, delete_images=True,
           rule=re.escape("the registry refuses deletes: create it with delete_enabled=True"))


@pytest.mark.parametrize("image", [
    pytest.param("Joxit/docker-registry-ui:2.6.0", id="upper-case"),
    pytest.param("joxit/docker-registry-ui 2.6.0", id="space"),
    pytest.param("", id="empty"),
    pytest.param(":2.6.0", id="no-repository"),
    pytest.param("-joxit/docker-registry-ui", id="leading-dash"),
    pytest.param("joxit/docker-registry-ui:2.6.0;rm", id="semicolon"),
])
def test_fails_on_a_bad_image(app: cdk8s.App, chart: cdk8s.Chart, image: str) -> None:
    # GIVEN a registry and its ingress
    # WHEN the UI's image is not an image reference
    # THEN it fails naming image and the value
    _fails(app, chart, "image", image, image=image)


@pytest.mark.parametrize("name", [
    pytest.param("Registry-UI", id="upper-case"),
    pytest.param("1ui", id="leading-digit"),
    pytest.param("registry_ui", id="underscore"),
    pytest.param("registry.ui", id="dot"),
    pytest.param("registry-ui-", id="trailing-dash"),
    pytest.param("", id="empty"),
    # Too long for any limit.
    pytest.param("u" * 64, id="too-long"),
])
def test_fails_on_a_bad_name(app: cdk8s.App, chart: cdk8s.Chart, name: str) -> None:
    # GIVEN a registry and its ingress
    # WHEN the UI's name is not a short DNS-1035 label
    # THEN it fails naming name and the value
    _fails(app, chart, "name", name, name=name)


def test_name_of_forty_characters_is_accepted(chart: cdk8s.Chart) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)

    # WHEN the UI's name has the maximum length
    RegistryUi(chart, "Ui", ingress=ingress, name="u" * 40)

    # THEN its longest derived name is still a valid object name
    assert ("Middleware", "u" * 40 + "-slash-redirect") in by_kind_and_name(cdk8s.Testing.synth(chart))


# --- bugs and missing validations (expected to fail until fixed) ---------------------------------------------------


def test_default_name_works_for_every_valid_registry_name(chart: cdk8s.Chart) -> None:
    # GIVEN a registry with a 40-character name, which Registry accepts, and its ingress
    ingress = _ingress(chart, registry_options={"name": "r" * 40})

    # WHEN the UI is added with its defaults
    RegistryUi(chart, "Ui", ingress=ingress)

    # THEN it builds, named after the registry
    assert ("Deployment", "r" * 40 + "-ui") in by_kind_and_name(cdk8s.Testing.synth(chart))


def test_fails_on_a_name_that_collides_with_the_registry(app: cdk8s.App, chart: cdk8s.Chart) -> None:
    # GIVEN a registry named 'registry' and its ingress
    # WHEN the UI is given the same name
    # THEN it fails naming name and the value
    _fails(app, chart, "name", "registry", name="registry")


@pytest.mark.parametrize("path_prefix", ["/v2", "/v", "/v2/ui"])
def test_fails_on_a_path_prefix_that_captures_the_registry_api(app: cdk8s.App, chart: cdk8s.Chart,
                                                               path_prefix: str) -> None:
    # GIVEN a registry and its ingress
    # WHEN the UI's prefix would route /v2/... requests to the UI
    # THEN it fails naming path_prefix and the value
    _fails(app, chart, "path_prefix", path_prefix, path_prefix=path_prefix)


@pytest.mark.parametrize(("parameter", "value"), [
    ("path_prefix", "/ui\n"),
    ("name", "registry-ui\n"),
    ("image", DEFAULT_UI_IMAGE + "\n"),
])
def test_fails_on_a_trailing_newline(app: cdk8s.App, chart: cdk8s.Chart, parameter: str, value: str) -> None:
    # GIVEN a registry and its ingress
    # WHEN a UI option ends with a newline (it would land in the route rule, the object names or the image)
    # THEN it fails naming the parameter and the value
    _fails(app, chart, parameter, value, **{parameter: value})


@pytest.mark.parametrize("image", ["joxit/docker-registry-ui:", "joxit//docker-registry-ui:2.6.0",
                                   "joxit/docker-registry-ui@"])
def test_fails_on_a_malformed_image_reference(app: cdk8s.App, chart: cdk8s.Chart, image: str) -> None:
    # GIVEN a registry and its ingress
    # WHEN the UI's image is shaped like a reference but is not one
    # THEN it fails naming image and the value
    _fails(app, chart, "image", image, image=image)
