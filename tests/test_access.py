"""AccessControl (constructs_lib/access.py): the model, what the Registry and the TraefikIngress render from it, and
every refusal. The rules themselves are proven with the real Traefik in tests/traefik/test_access.py."""

from __future__ import annotations

import base64
import pathlib
from typing import Any

import cdk8s
import pytest
from _manifests import assert_nothing_built, env, find, invalid, of_kind, registry_container
from syrupy.assertion import SnapshotAssertion

from constructs_lib import (
    AccessControl,
    AnonymousAccess,
    GatewayAttachment,
    HtpasswdAuth,
    Registry,
    RegistryChart,
    RegistryUi,
    Storage,
    TraefikApiGroup,
    TraefikIngress,
)

READERS = HtpasswdAuth.from_users({"ci": "ci-password"}, cost=4)
WRITERS = HtpasswdAuth.from_users({"alice": "alice-password", "bob": "bob-password"}, cost=4)
ADMINS = HtpasswdAuth.from_users({"root": "root-password"}, cost=4)


def _lines(auth: HtpasswdAuth) -> str:
    assert auth.htpasswd is not None
    return auth.htpasswd


def _users(manifests: list[dict[str, Any]], name: str) -> list[str]:
    secret = find(manifests, "Secret", name)
    assert list(secret["stringData"]) == ["users"]
    return [line.partition(":")[0] for line in secret["stringData"]["users"].splitlines()]


def _synth(app: cdk8s.App, access: AccessControl, **options: Any) -> list[dict[str, Any]]:
    chart = RegistryChart(app, "registry", host="registry.example.com", auth=access, **options)
    return list(cdk8s.Testing.synth(chart))


# --- the model (plain Python) -----------------------------------------------------------------------------------------

def test_by_role_gives_each_action_everyone_allowed_it() -> None:
    # GIVEN readers, writers and admins as values
    access = AccessControl.by_role(readers=READERS, writers=WRITERS, admins=ADMINS)
    # THEN pulling is everyone's, pushing the writers' and admins', deleting the admins'
    assert access.pull is not None and access.push is not None and access.delete is not None
    assert access.pull.value == _lines(READERS) + _lines(WRITERS) + _lines(ADMINS)
    assert access.push.value == _lines(WRITERS) + _lines(ADMINS)
    assert access.delete.value == _lines(ADMINS)
    assert (access.anonymous, access.realm, access.auth_required) == (AnonymousAccess.NONE, "Registry Realm", True)


def test_one_role_from_a_secret_is_used_as_it_is() -> None:
    # GIVEN only writers, from an existing Secret
    access = AccessControl.by_role(writers=HtpasswdAuth.from_secret("pushers"), anonymous=AnonymousAccess.PULL)
    # THEN that Secret is the list of both pulls with credentials and pushes; nobody deletes
    assert access.pull is not None and access.pull.ref is not None and access.pull.ref.name == "pushers"
    assert access.push == access.pull and access.delete is None


def test_from_secrets_names_one_secret_per_action() -> None:
    access = AccessControl.from_secrets(pull="all-users", push="pushers", anonymous=AnonymousAccess.BROWSE)
    assert [s.ref.name if s and s.ref else None for s in (access.pull, access.push, access.delete)] == [
        "all-users", "pushers", None]
    assert access.auth_required is False  # browsing is anonymous


def test_anonymous_pulls_without_any_user() -> None:
    access = AccessControl.by_role(anonymous=AnonymousAccess.PULL)
    assert (access.pull, access.push, access.delete) == (None, None, None)


def test_repr_shows_no_hash() -> None:
    text = repr(AccessControl.by_role(readers=READERS, writers=WRITERS))
    assert "$2b$" not in text and "<hashes>" in text
    assert repr(AccessControl.from_secrets(pull="all")) == (
        "AccessControl(anonymous=NONE, pull='all', push=None, delete=None)")


def test_fails_a_user_in_two_roles() -> None:
    with pytest.raises(ValueError, match=invalid("writers", "<ci>") + r".*'ci' is also in readers"):
        AccessControl.by_role(readers=READERS, writers=HtpasswdAuth.from_users({"ci": "other-password"}, cost=4))


def test_fails_merging_a_role_from_a_secret() -> None:
    with pytest.raises(ValueError, match=invalid("writers", "secret='pushers'") +
                       r".*users who may pull are readers and writers.*AccessControl.from_secrets"):
        AccessControl.by_role(readers=READERS, writers=HtpasswdAuth.from_secret("pushers"))


def test_fails_roles_of_different_realms() -> None:
    with pytest.raises(ValueError, match=invalid("realm", ["Other", "Registry Realm"]) + ".*one basic-auth realm"):
        AccessControl.by_role(readers=READERS, writers=HtpasswdAuth.from_users({"x": "x-password"}, cost=4,
                                                                               realm="Other"))


def test_fails_nobody_at_all() -> None:
    with pytest.raises(ValueError, match=invalid("anonymous", "NONE") + ".*nobody could use the registry"):
        AccessControl.by_role()


def test_fails_pushers_without_the_pull_list() -> None:
    with pytest.raises(ValueError, match=invalid("pull", None) + ".*checked against the users who may pull"):
        AccessControl.from_secrets(push="pushers")


@pytest.mark.parametrize(("arguments", "message"), [
    ({"pull": "Not_A_Name"}, invalid("pull", "Not_A_Name")),
    ({"pull": "all", "realm": 'say "hi"'}, invalid("realm", 'say "hi"')),
    ({"pull": "all", "anonymous": "pull"}, r"^anonymous: expected AnonymousAccess, got str"),
])
def test_fails_from_secrets_arguments(arguments: dict[str, Any], message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        AccessControl.from_secrets(**arguments)


def test_fails_by_role_of_another_type() -> None:
    with pytest.raises(TypeError, match=r"^readers: expected HtpasswdAuth \| None, got str"):
        AccessControl.by_role(readers="ci:$2b$04$...")  # type: ignore[arg-type]


# --- what the constructs render ---------------------------------------------------------------------------------------

def test_snapshot_by_role(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    manifests = _synth(app, AccessControl.by_role(readers=READERS, writers=WRITERS, admins=ADMINS,
                                                  anonymous=AnonymousAccess.PULL), delete_enabled=True)
    assert manifests == snapshot


def test_snapshot_from_secrets(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    manifests = _synth(app, AccessControl.from_secrets(pull="all-users", push="pushers"), ui=False)
    assert manifests == snapshot


def test_the_registry_has_no_auth_and_only_traefik_may_reach_it(app: cdk8s.App) -> None:
    manifests = _synth(app, AccessControl.by_role(readers=READERS, writers=WRITERS), ui=False)
    # THEN the registry checks nothing itself and keeps no htpasswd
    variables = env(registry_container(manifests))
    assert not [name for name in variables if name.startswith("REGISTRY_AUTH")]
    assert [s["metadata"]["name"] for s in of_kind(manifests, "Secret")] == ["registry-pull-users",
                                                                             "registry-push-users"]
    # AND its NetworkPolicy lets in Traefik only on its port (not the UI's pods), and the metrics scraper
    policy = find(manifests, "NetworkPolicy", "registry")
    assert [(rule["from"], [p["port"] for p in rule["ports"]]) for rule in policy["spec"]["ingress"]] == [
        ([{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "kube-system"}},
           "podSelector": {"matchLabels": {"app.kubernetes.io/name": "traefik"}}}], [5000]),
        ([{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}},
           "podSelector": {"matchLabels": {"app.kubernetes.io/name": "prometheus"}}}], [5001])]
    # AND the users' lists are Traefik's only: each Secret is read by its basicAuth Middleware
    assert _users(manifests, "registry-pull-users") == ["ci", "alice", "bob"]
    assert _users(manifests, "registry-push-users") == ["alice", "bob"]
    checks = {m["metadata"]["name"]: m["spec"]["basicAuth"] for m in of_kind(manifests, "Middleware")
              if "basicAuth" in m["spec"]}
    assert checks == {f"registry-{a}-auth": {"secret": f"registry-{a}-users", "realm": "Registry Realm",
                                             "removeHeader": True} for a in ("pull", "push")}


def test_existing_secrets_are_referenced_not_created(app: cdk8s.App) -> None:
    manifests = _synth(app, AccessControl.from_secrets(pull="all-users", push="pushers"))
    assert of_kind(manifests, "Secret") == []
    assert sorted(m["spec"]["basicAuth"]["secret"] for m in of_kind(manifests, "Middleware")
                  if "basicAuth" in m["spec"]) == ["all-users", "pushers"]


def test_the_ui_calls_the_registry_through_traefik(app: cdk8s.App) -> None:
    manifests = _synth(app, AccessControl.by_role(writers=WRITERS, anonymous=AnonymousAccess.BROWSE))
    ui = env(find(manifests, "Deployment", "registry-ui")["spec"]["template"]["spec"]["containers"][0])
    # Browsing is anonymous: the page need not send credentials first.
    assert (ui["REGISTRY_URL"], ui["REGISTRY_SECURED"], ui["DELETE_IMAGES"]) == (
        "https://registry.example.com", "false", "false")


def test_synth_fails_without_an_ingress_enforcing_it(app: cdk8s.App) -> None:
    # GIVEN a registry with access control and no TraefikIngress for it
    chart = cdk8s.Chart(app, "alone", namespace="registry")
    Registry(chart, "Registry", auth=AccessControl.by_role(writers=WRITERS), storage=Storage.filesystem())
    # THEN synth refuses: the registry would be open to whoever reaches its Service
    with pytest.raises(Exception, match=r"alone/Registry: its AccessControl is enforced by Traefik"):
        app.synth()
    # AND a TraefikIngress for it makes it whole
    registry = chart.node.find_child("Registry")
    assert isinstance(registry, Registry)
    TraefikIngress(chart, "Ingress", registry=registry, host="r.example.com")
    app.synth()


@pytest.mark.parametrize(("options", "message"), [
    ({"network_policy": False}, invalid("network_policy", False) + ".*only the NetworkPolicy keeps other pods"),
    ({"delete_enabled": True}, invalid("delete_enabled", True) + ".*names nobody who may delete"),
    ({"ui_proxy_registry": True}, invalid("ui_proxy_registry", True) + ".*around it"),
    ({"api_group": TraefikApiGroup.TRAEFIK_CONTAINO_US}, invalid("api_group", "TRAEFIK_CONTAINO_US") +
     ".*Traefik 3's matchers"),
    ({"gateway": GatewayAttachment.create(tls_secret="tls")}, invalid("registry", "registry") +
     ".*Gateway API routes cannot carry"),
])
def test_fails_chart_options_that_cannot_enforce_it(app: cdk8s.App, tmp_path: pathlib.Path,
                                                    options: dict[str, Any], message: str) -> None:
    chart = cdk8s.Chart(app, "outer")
    with pytest.raises(ValueError, match=message):
        RegistryChart(chart, "registry", host="registry.example.com",
                      auth=AccessControl.by_role(readers=READERS, writers=WRITERS), **options)
    assert_nothing_built(chart, tmp_path)


def test_fails_admins_without_deletes(app: cdk8s.App, tmp_path: pathlib.Path) -> None:
    chart = cdk8s.Chart(app, "outer")
    with pytest.raises(ValueError, match=invalid("delete_enabled", False) + ".*set delete_enabled=True"):
        RegistryChart(chart, "registry", host="registry.example.com", auth=AccessControl.by_role(admins=ADMINS))
    assert_nothing_built(chart, tmp_path)


def test_fails_the_ui_proxy_on_its_own(app: cdk8s.App) -> None:
    chart = cdk8s.Chart(app, "own", namespace="registry")
    registry = Registry(chart, "Registry", auth=AccessControl.by_role(writers=WRITERS))
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host="r.example.com")
    with pytest.raises(ValueError, match=invalid("proxy_registry", True)):
        RegistryUi(chart, "Ui", ingress=ingress, proxy_registry=True)
    assert chart.node.try_find_child("Ui") is None


def test_the_users_secrets_hide_nothing_in_plain_text(app: cdk8s.App) -> None:
    manifests = _synth(app, AccessControl.by_role(readers=READERS, writers=WRITERS))
    text = str(manifests)
    for password in ("ci-password", "alice-password", "bob-password",
                     base64.b64encode(b"alice-password").decode()):
        assert password not in text
