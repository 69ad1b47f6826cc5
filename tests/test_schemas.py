"""Every synthesized object against the real schemas: Kubernetes (strict, 1.27 and the newest shipped) for core
objects, and the Traefik CRDs from ../shared/crds with unknown fields rejected for Traefik objects; k3s's Traefik
configuration (K3sTraefik) against the helm-controller CRD and the Traefik Helm chart's values schemas from
../shared/traefik-chart, with unknown keys rejected too."""

from __future__ import annotations

import copy
import functools
import json
from typing import Any

import cdk8s

# No stubs for jsonschema in requirements-dev.txt (types-jsonschema is not pinned): treat it as untyped.
import jsonschema  # type: ignore[import-untyped]
import kubernetes_validate
import pytest
import yaml
from _variants import VARIANTS, Variants, synth_variant
from conftest import SHARED, require_crds
from kubernetes_validate.utils import latest_version

from constructs_lib import AcmeChallenge, AcmeServer, K3sTraefik

KUBERNETES_VERSIONS = ["1.27.0", latest_version()]
CRD_FOLDERS = {"traefik.io/v1alpha1": "traefik-v3.7.11", "traefik.containo.us/v1alpha1": "traefik-v2.11.2",
               "helm.cattle.io/v1": "helm-controller-v0.17.7", "gateway.networking.k8s.io/v1": "gateway-api-v1.5.1"}
# The Traefik Helm charts k3s bundled or may bundle: 34.5.0 (Traefik 3.3, k3s 1.32), 37.4.0 (3.6), 41.3.0 (3.7).
TRAEFIK_CHART_VERSIONS = ["34.5.0", "37.4.0", "41.3.0"]


def _strict(schema: Any, *, close_open_objects: bool = False) -> Any:
    """The CRD schema with `additionalProperties: false` on every object that lists its properties, unless it
    preserves unknown fields: the CRDs themselves accept any field, so a typo like `certresolver` would pass.

    `close_open_objects` also closes objects that say `additionalProperties: true` (the Traefik chart's values schemas
    34.5.0 and 37.4.0 do at the top level)."""
    if isinstance(schema, dict):
        strict = {key: _strict(value, close_open_objects=close_open_objects) for key, value in schema.items()}
        if "properties" in schema and not schema.get("x-kubernetes-preserve-unknown-fields") \
                and (schema.get("additionalProperties", True) is True if close_open_objects
                     else "additionalProperties" not in schema):
            strict["additionalProperties"] = False
        return strict
    if isinstance(schema, list):
        return [_strict(item, close_open_objects=close_open_objects) for item in schema]
    return schema


@functools.cache
def _crd_schema(api_version: str, kind: str) -> dict[str, Any]:
    group, version = api_version.split("/")
    folder = require_crds() / CRD_FOLDERS[api_version]
    for path in sorted(folder.glob("*.yaml")):
        for crd in yaml.safe_load_all(path.read_text()):
            if crd and crd["spec"]["group"] == group and crd["spec"]["names"]["kind"] == kind:
                served = {v["name"]: v for v in crd["spec"]["versions"]}
                schema: dict[str, Any] = _strict(served[version]["schema"]["openAPIV3Schema"])
                return schema
    raise AssertionError(f"no CRD for {kind} in {api_version} under {folder}")


def _validate_crd_object(manifest: dict[str, Any]) -> None:
    jsonschema.validate(manifest, _crd_schema(manifest["apiVersion"], manifest["kind"]),
                        cls=jsonschema.Draft7Validator)


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> Variants:
    return {name: synth_variant(name, str(tmp_path_factory.mktemp(name))) for name in VARIANTS}


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_core_objects_pass_the_kubernetes_schema_in_strict_mode(variants: Variants, variant: str, version: str) -> None:
    # GIVEN the core objects of a variant
    core = [m for m in variants[variant] if m["apiVersion"] not in CRD_FOLDERS]
    assert core

    # WHEN / THEN each passes kubernetes-validate's strict schema (unknown fields rejected)
    for manifest in core:
        kubernetes_validate.validate(manifest, version, strict=True)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_custom_objects_pass_their_crd_schema_with_unknown_fields_rejected(variants: Variants, variant: str) -> None:
    # GIVEN the Traefik or Gateway API (and k3s helm-controller) objects of a variant
    custom = [m for m in variants[variant] if m["apiVersion"] in CRD_FOLDERS]
    assert {m["kind"] for m in custom} & {"IngressRoute", "HTTPRoute"}

    # WHEN / THEN each passes its CRD's schema, made strict
    for manifest in custom:
        _validate_crd_object(manifest)


def test_every_kind_the_constructs_emit_is_covered(variants: Variants) -> None:
    # GIVEN all variants together
    seen = {(m["apiVersion"], m["kind"]) for objects in variants.values() for m in objects}

    # THEN the checks above saw every kind of object, in both Traefik groups and k3s's helm-controller group
    assert seen == {
        ("v1", "Namespace"), ("v1", "Secret"), ("v1", "Service"), ("v1", "PersistentVolumeClaim"), ("v1", "ConfigMap"),
        ("apps/v1", "Deployment"), ("networking.k8s.io/v1", "NetworkPolicy"), ("policy/v1", "PodDisruptionBudget"),
        ("batch/v1", "CronJob"), ("v1", "ServiceAccount"), ("rbac.authorization.k8s.io/v1", "Role"),
        ("rbac.authorization.k8s.io/v1", "RoleBinding"),
        ("traefik.io/v1alpha1", "IngressRoute"), ("traefik.io/v1alpha1", "Middleware"),
        ("traefik.io/v1alpha1", "TLSOption"),
        ("traefik.containo.us/v1alpha1", "IngressRoute"), ("traefik.containo.us/v1alpha1", "Middleware"),
        ("traefik.containo.us/v1alpha1", "TLSOption"),
        ("helm.cattle.io/v1", "HelmChartConfig"),
        ("gateway.networking.k8s.io/v1", "Gateway"), ("gateway.networking.k8s.io/v1", "HTTPRoute"),
    }


def test_strict_crd_check_rejects_a_misspelt_field(variants: Variants) -> None:
    # GIVEN a valid IngressRoute with a typo in the tls block, as a user might patch in
    route = next(m for m in variants["default-app"] if m["kind"] == "IngressRoute")
    broken = copy.deepcopy(route)
    broken["spec"]["tls"] = {"certresolver": "letsencrypt"}

    # WHEN / THEN the strict schema refuses it (so the check above can fail)
    with pytest.raises(jsonschema.ValidationError, match="certresolver"):
        _validate_crd_object(broken)


def test_strict_kubernetes_check_rejects_an_unknown_field(variants: Variants) -> None:
    # GIVEN a valid Deployment with an unknown pod field
    deployment = next(m for m in variants["default-app"] if m["kind"] == "Deployment")
    broken = copy.deepcopy(deployment)
    broken["spec"]["template"]["spec"]["enableServiceLink"] = False

    # WHEN / THEN strict validation refuses it
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSIONS[0], strict=True)



# --- k3s's Traefik configuration: the HelmChartConfig and the chart values in it ------------------------------------

K3S_VARIANTS: dict[str, dict[str, Any]] = {
    "default": {},
    "http-01-staging-class-timeouts": {
        "resolver_name": "le-staging", "acme_challenge": AcmeChallenge.HTTP_01,
        "acme_server": AcmeServer.lets_encrypt_staging(), "storage_size_mib": 1024, "storage_class": "longhorn",
        "read_timeout_seconds": 900, "write_timeout_seconds": 7200, "idle_timeout_seconds": 60,
    },
    "private-ca": {"acme_server": AcmeServer.of("https://127.0.0.1:14000/dir")},
}


@pytest.fixture(scope="module")
def k3s_configs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The HelmChartConfig of each K3sTraefik variant."""
    configs = {}
    for name, options in K3S_VARIANTS.items():
        app = cdk8s.Testing.app(outdir=str(tmp_path_factory.mktemp(name)))
        chart = cdk8s.Chart(app, name)
        K3sTraefik(chart, "Traefik", acme_email="admin@registry.example.org", **options)
        (config,) = cdk8s.Testing.synth(chart)
        configs[name] = config
    return configs


def _chart_values(config: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = json.loads(config["spec"]["valuesContent"])
    return values


@functools.cache
def _chart_schema(version: str) -> dict[str, Any]:
    """The Traefik chart's values.schema.json as published; fails clearly when ../shared/traefik-chart is missing."""
    path = SHARED / "traefik-chart" / version / "values.schema.json"
    if not path.is_file():
        pytest.fail(f"Traefik chart values schema not found at {path}: "
                    "these tests read it from ../shared/traefik-chart beside the repository")
    schema: dict[str, Any] = json.loads(path.read_text())
    return schema


@functools.cache
def _strict_chart_schema(version: str) -> dict[str, Any]:
    """The chart's schema with unknown keys rejected everywhere, except inside podSecurityContext: the chart lists a
    few of its fields and renders the whole object into the pod spec as is (`toYaml`), so its fields are checked
    against Kubernetes' own PodSecurityContext below."""
    schema: dict[str, Any] = _strict(_chart_schema(version), close_open_objects=True)
    schema["properties"]["podSecurityContext"] = {"type": "object"}
    return schema


def _validate_values(values: dict[str, Any], schema: dict[str, Any]) -> None:
    validator = jsonschema.validators.validator_for(schema)  # the schemas say draft 2020-12
    validator.check_schema(schema)
    validator(schema).validate(values)


@pytest.mark.parametrize("variant", sorted(K3S_VARIANTS))
def test_helm_chart_config_passes_its_crd_schema_with_unknown_fields_rejected(
        k3s_configs: dict[str, dict[str, Any]], variant: str) -> None:
    # GIVEN / WHEN / THEN the whole object passes the helm.cattle.io/v1 CRD's schema, made strict
    _validate_crd_object(k3s_configs[variant])


@pytest.mark.parametrize("version", TRAEFIK_CHART_VERSIONS)
@pytest.mark.parametrize("variant", sorted(K3S_VARIANTS))
def test_k3s_traefik_values_pass_every_traefik_chart_schema_with_unknown_keys_rejected(
        k3s_configs: dict[str, dict[str, Any]], variant: str, version: str) -> None:
    # GIVEN the chart values in valuesContent
    values = _chart_values(k3s_configs[variant])

    # WHEN / THEN they pass the chart's schema as helm checks it, and with unknown keys rejected
    _validate_values(values, _chart_schema(version))
    _validate_values(values, _strict_chart_schema(version))


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_k3s_traefik_pod_security_context_passes_the_kubernetes_schema(k3s_configs: dict[str, dict[str, Any]],
                                                                       version: str) -> None:
    # GIVEN the podSecurityContext values, as the chart renders them into Traefik's pod spec
    security_context = _chart_values(k3s_configs["default"])["podSecurityContext"]
    pod = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "traefik"},
           "spec": {"containers": [{"name": "traefik", "image": "traefik:v3.7.11"}],
                    "securityContext": security_context}}

    # WHEN / THEN they are PodSecurityContext fields with valid values (strict: unknown fields rejected)
    kubernetes_validate.validate(pod, version, strict=True)


@pytest.mark.parametrize("version", TRAEFIK_CHART_VERSIONS)
def test_strict_chart_schema_check_rejects_a_misspelt_key(k3s_configs: dict[str, dict[str, Any]],
                                                          version: str) -> None:
    # GIVEN valid values with a typo in the persistence block
    broken = copy.deepcopy(_chart_values(k3s_configs["default"]))
    broken["persistence"]["storageclass"] = "longhorn"

    # WHEN / THEN the chart's schema as published lets it through (so helm would silently ignore it), the strict one
    # refuses it (so the check above can fail)
    _validate_values(broken, _chart_schema(version))
    with pytest.raises(jsonschema.ValidationError, match="storageclass"):
        _validate_values(broken, _strict_chart_schema(version))


def test_strict_crd_check_rejects_a_misspelt_helm_chart_config_field(k3s_configs: dict[str, dict[str, Any]]) -> None:
    # GIVEN a valid HelmChartConfig whose valuesContent is misspelt
    broken = copy.deepcopy(k3s_configs["default"])
    broken["spec"]["valuescontent"] = broken["spec"].pop("valuesContent")

    # WHEN / THEN the strict schema refuses it
    with pytest.raises(jsonschema.ValidationError, match="valuescontent"):
        _validate_crd_object(broken)
