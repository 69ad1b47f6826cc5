"""The default app in main.py."""

import cdk8s

import main


def test_default_app_synthesizes_the_registry_namespace(app: cdk8s.App, snapshot) -> None:
    # GIVEN the default app
    # WHEN it is built and synthesized
    chart = main.build(app)
    manifests = cdk8s.Testing.synth(chart)

    # THEN it is pinned by the snapshot and holds the registry namespace
    assert manifests == snapshot
    assert {(m["kind"], m["metadata"]["name"]) for m in manifests} == {("Namespace", "registry")}
