"""The synthesized variants that whole-output checks (schemas, scanners) run over: the default app and one chart per
group of options, so that every kind of object the constructs can emit is checked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import cdk8s

import main
from constructs_lib import (
    HtpasswdAuth,
    HttpSecret,
    IngressTls,
    LogLevel,
    Registry,
    RegistryChart,
    RegistryUi,
    S3Credentials,
    Storage,
    TraefikApiGroup,
    TraefikIngress,
    VolumeAccessMode,
)


def _default_app(app: cdk8s.App) -> None:
    main.build(app)


def _values_and_replicas(app: cdk8s.App) -> None:
    # Secrets created from values, several replicas on S3, HTTP redirect, delete in the UI.
    RegistryChart(
        app, "values", host="registry.example.com", replicas=3, delete_enabled=True, redirect_http_to_https=True,
        auth=HtpasswdAuth.from_users({"alice": "alice-password", "ci": "ci-password"}, cost=4, realm="Values"),
        http_secret=HttpSecret.from_value("0123456789abcdef0123456789abcdef"),
        storage=Storage.s3(bucket="registry", region="eu-west-1", root_directory="/registry", chunk_size_mib=16,
                           credentials=S3Credentials.from_values(access_key_id="AKIAEXAMPLE",
                                                                 secret_access_key="example-secret-key")),
        log_level=LogLevel.WARN,
    )


def _filesystem_legacy_traefik(app: cdk8s.App) -> None:
    # A volume of a given class, an existing namespace, the legacy Traefik group, a TLS Secret, a custom UI path.
    RegistryChart(
        app, "legacy", host="hub.example.org", namespace="hub", create_namespace=False, name="hub",
        auth=HtpasswdAuth.from_htpasswd("alice:$2y$05$" + "a" * 53 + "\n"),
        storage=Storage.filesystem(size_gib=50, storage_class="local-path",
                                   access_mode=VolumeAccessMode.READ_WRITE_ONCE_POD),
        tls=IngressTls.secret("hub-tls"), api_group=TraefikApiGroup.TRAEFIK_CONTAINO_US,
        redirect_http_to_https=True, ui_path_prefix="/browse", ui_title="Hub",
    )


def _constructs_on_their_own(app: cdk8s.App) -> None:
    # The constructs inside a user's chart: RWX volume with replicas, default certificate, no auth.
    chart = cdk8s.Chart(app, "platform", namespace="platform")
    registry = Registry(chart, "Registry", auth=None, replicas=2,
                        storage=Storage.filesystem(access_mode=VolumeAccessMode.READ_WRITE_MANY),
                        http_secret=HttpSecret.from_secret("platform-http-secret"), port=5001)
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host="registry.platform.example.com",
                             tls=IngressTls.default_certificate(), entry_points=["websecure", "internal"])
    RegistryUi(chart, "Ui", ingress=ingress, single_registry=False, show_content_digest=False,
               catalog_elements_limit=500)


VARIANTS: dict[str, Callable[[cdk8s.App], None]] = {
    "default-app": _default_app,
    "values-and-replicas": _values_and_replicas,
    "filesystem-legacy-traefik": _filesystem_legacy_traefik,
    "constructs-on-their-own": _constructs_on_their_own,
}


# Each variant's objects by variant name, as the `variants` fixtures of test_schemas and test_security hold them.
Variants = dict[str, list[dict[str, Any]]]


def synth_variant(name: str, outdir: str) -> list[dict[str, Any]]:
    """Every object of the variant, in output order."""
    app = cdk8s.Testing.app(outdir=outdir)
    VARIANTS[name](app)
    return [manifest for chart in app.charts for manifest in cdk8s.Testing.synth(chart)]
