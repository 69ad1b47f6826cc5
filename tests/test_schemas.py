"""Every synthesized object against the real schemas: Kubernetes (strict, 1.27 and the newest shipped) for core
objects, and the Traefik CRDs from ../shared/crds with unknown fields rejected for Traefik objects."""

from __future__ import annotations

import copy
import functools
from typing import Any

# No stubs for jsonschema in requirements-dev.txt (types-jsonschema is not pinned): treat it as untyped.
import jsonschema  # type: ignore[import-untyped]
import kubernetes_validate
import pytest
import yaml
from _variants import VARIANTS, Variants, synth_variant
from conftest import require_crds
from kubernetes_validate.utils import latest_version

KUBERNETES_VERSIONS = ["1.27.0", latest_version()]
CRD_FOLDERS = {"traefik.io/v1alpha1": "traefik-v3.7.11", "traefik.containo.us/v1alpha1": "traefik-v2.11.2"}


def _strict(schema: Any) -> Any:
    """The CRD schema with `additionalProperties: false` on every object that lists its properties, unless it
    preserves unknown fields: the CRDs themselves accept any field, so a typo like `certresolver` would pass."""
    if isinstance(schema, dict):
        strict = {key: _strict(value) for key, value in schema.items()}
        if "properties" in schema and not schema.get("x-kubernetes-preserve-unknown-fields") \
                and "additionalProperties" not in schema:
            strict["additionalProperties"] = False
        return strict
    if isinstance(schema, list):
        return [_strict(item) for item in schema]
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


def _validate_traefik(manifest: dict[str, Any]) -> None:
    jsonschema.validate(manifest, _crd_schema(manifest["apiVersion"], manifest["kind"]),
                        cls=jsonschema.Draft7Validator)


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> Variants:
    return {name: synth_variant(name, str(tmp_path_factory.mktemp(name))) for name in VARIANTS}


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_core_objects_pass_the_kubernetes_schema_in_strict_mode(variants: Variants, variant: str, version: str) -> None:
    # GIVEN the core objects of a variant
    core = [m for m in variants[variant] if not m["apiVersion"].startswith("traefik.")]
    assert core

    # WHEN / THEN each passes kubernetes-validate's strict schema (unknown fields rejected)
    for manifest in core:
        kubernetes_validate.validate(manifest, version, strict=True)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_traefik_objects_pass_their_crd_schema_with_unknown_fields_rejected(variants: Variants, variant: str) -> None:
    # GIVEN the Traefik objects of a variant
    traefik = [m for m in variants[variant] if m["apiVersion"].startswith("traefik.")]
    assert {m["kind"] for m in traefik} >= {"IngressRoute"}

    # WHEN / THEN each passes its CRD's schema, made strict
    for manifest in traefik:
        _validate_traefik(manifest)


def test_every_kind_the_constructs_emit_is_covered(variants: Variants) -> None:
    # GIVEN all variants together
    seen = {(m["apiVersion"], m["kind"]) for objects in variants.values() for m in objects}

    # THEN the checks above saw every kind of object, in both Traefik groups
    assert seen == {
        ("v1", "Namespace"), ("v1", "Secret"), ("v1", "Service"), ("v1", "PersistentVolumeClaim"),
        ("apps/v1", "Deployment"), ("networking.k8s.io/v1", "NetworkPolicy"), ("policy/v1", "PodDisruptionBudget"),
        ("batch/v1", "CronJob"), ("v1", "ServiceAccount"), ("rbac.authorization.k8s.io/v1", "Role"),
        ("rbac.authorization.k8s.io/v1", "RoleBinding"),
        ("traefik.io/v1alpha1", "IngressRoute"), ("traefik.io/v1alpha1", "Middleware"),
        ("traefik.io/v1alpha1", "TLSOption"),
        ("traefik.containo.us/v1alpha1", "IngressRoute"), ("traefik.containo.us/v1alpha1", "Middleware"),
        ("traefik.containo.us/v1alpha1", "TLSOption"),
    }


def test_strict_crd_check_rejects_a_misspelt_field(variants: Variants) -> None:
    # GIVEN a valid IngressRoute with a typo in the tls block, as a user might patch in
    route = next(m for m in variants["default-app"] if m["kind"] == "IngressRoute")
    broken = copy.deepcopy(route)
    broken["spec"]["tls"] = {"certresolver": "letsencrypt"}

    # WHEN / THEN the strict schema refuses it (so the check above can fail)
    with pytest.raises(jsonschema.ValidationError, match="certresolver"):
        _validate_traefik(broken)


def test_strict_kubernetes_check_rejects_an_unknown_field(variants: Variants) -> None:
    # GIVEN a valid Deployment with an unknown pod field
    deployment = next(m for m in variants["default-app"] if m["kind"] == "Deployment")
    broken = copy.deepcopy(deployment)
    broken["spec"]["template"]["spec"]["enableServiceLink"] = False

    # WHEN / THEN strict validation refuses it
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSIONS[0], strict=True)

