"""Selectors come from the stable app.kubernetes.io name and instance labels, never from construct paths: a
Deployment's selector is immutable, so a renamed construct id must not change it."""

from __future__ import annotations

import json
from typing import Any

import cdk8s
import pytest
from _variants import VARIANTS, synth_variant

from constructs_lib import HtpasswdAuth, RegistryChart


def _selectors(chart_id: str) -> dict[tuple[str, str], Any]:
    app = cdk8s.Testing.app()
    chart = RegistryChart(app, chart_id, host="registry.example.com", namespace="registry",
                          auth=HtpasswdAuth.from_secret("registry-htpasswd"))
    return {(m["kind"], m["metadata"]["name"]): m["spec"]["selector"]
            for m in cdk8s.Testing.synth(chart) if m["kind"] in ("Deployment", "Service")}


def test_a_renamed_chart_keeps_every_selector() -> None:
    # GIVEN / WHEN the same chart under two ids
    # THEN the Deployments and Services select exactly the same pods, by name and instance
    before, after = _selectors("registry"), _selectors("renamed")
    assert before == after
    assert before[("Deployment", "registry")] == {"matchLabels": {"app.kubernetes.io/name": "registry",
                                                                  "app.kubernetes.io/instance": "registry"}}
    assert before[("Service", "registry-ui")] == {"app.kubernetes.io/name": "registry-ui",
                                                  "app.kubernetes.io/instance": "registry-ui"}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_services_select_their_deployments_pods_and_no_path_label_is_left(variant: str, tmp_path: Any) -> None:
    # GIVEN a variant's objects
    manifests = synth_variant(variant, str(tmp_path))

    # THEN no object carries cdk8s-plus's construct-path label
    assert "cdk8s.io/metadata.addr" not in json.dumps(manifests)
    # AND every Service selects the pods of exactly one Deployment of its namespace
    deployments = [m for m in manifests if m["kind"] == "Deployment"]
    for service in (m for m in manifests if m["kind"] == "Service"):
        selected = [d["metadata"]["name"] for d in deployments
                    if d["metadata"]["namespace"] == service["metadata"]["namespace"]
                    and service["spec"]["selector"].items() <= d["spec"]["template"]["metadata"]["labels"].items()]
        assert selected == [service["metadata"]["name"]], service["metadata"]["name"]


def _all_selectors(value: Any, path: str = "") -> dict[str, Any]:
    """Every selector in an object, by its path: Deployment, Service, PDB, NetworkPolicy, spread and affinity."""
    found: dict[str, Any] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("selector", "podSelector", "labelSelector"):
                found[f"{path}/{key}"] = item
            found.update(_all_selectors(item, f"{path}/{key}"))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.update(_all_selectors(item, f"{path}/{index}"))
    return found


def _registry_objects(chart_id: str, *, nested: bool) -> dict[tuple[str, str], Any]:
    from constructs import Construct

    from constructs_lib import GarbageCollection, HttpSecret, Registry, S3Credentials, Storage

    app = cdk8s.Testing.app()
    chart = cdk8s.Chart(app, chart_id, namespace="registry")
    parent: Construct = Construct(Construct(chart, "Platform"), "Team") if nested else chart
    Registry(parent, "Registry", name="registry", auth=HtpasswdAuth.from_secret("registry-htpasswd"), replicas=2,
             storage=Storage.s3(bucket="registry", credentials=S3Credentials.from_secret("registry-s3")),
             http_secret=HttpSecret.from_secret("registry-http-secret"),
             garbage_collection=GarbageCollection.on_schedule())
    return {(m["kind"], m["metadata"]["name"]): m for m in cdk8s.Testing.synth(chart)}


def test_a_registry_moved_under_another_parent_of_a_renamed_chart_keeps_every_selector() -> None:
    # GIVEN the same registry (several replicas, garbage collection) in a chart "registry", and in a chart "other"
    # two constructs further down
    before = _registry_objects("registry", nested=False)
    after = _registry_objects("other", nested=True)

    # THEN every selector of every object is the same, and made of app.kubernetes.io labels only
    selectors = {key: _all_selectors(obj) for key, obj in before.items()}
    assert selectors == {key: _all_selectors(obj) for key, obj in after.items()}
    kinds = {key[0] for key, found in selectors.items() if found}
    assert kinds >= {"Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy"}
    for found in selectors.values():
        for selector in found.values():
            labels = selector.get("matchLabels", selector)
            assert labels and all(key.startswith("app.kubernetes.io/") for key in labels), selector
    # AND so is everything else
    assert before == after
