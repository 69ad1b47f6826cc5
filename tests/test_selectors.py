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
