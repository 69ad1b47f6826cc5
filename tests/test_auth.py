"""HtpasswdAuth (constructs_lib/auth.py) and what the Registry renders from it."""

from __future__ import annotations

import json
import pathlib
import re
from collections.abc import Callable
from typing import Any

import bcrypt
import cdk8s
import pytest
from _manifests import assert_nothing_built, env_entries, find, invalid, of_kind, pod_spec, registry_container
from syrupy.assertion import SnapshotAssertion

from constructs_lib import DEFAULT_BCRYPT_COST, HtpasswdAuth, Registry

# Real bcrypt hashes (cost 4) in the three spellings the registry accepts. `$2y$` is what Apache `htpasswd -B` writes.
APACHE_LINE = "apache:$2y$04$BQPHV01Cl1iuvqmavrdck.KP5uyCV3up405vXj9JiMRYpoCOXI6W6"  # password: apache-pass
OPENBSD_LINE = "openbsd:$2a$04$3GrqAOZjSHiwkVu4sholHeRLWQlOMcWHFmzgc0fp1dZ6hp4NbnQZa"  # password: openbsd-pass
PYTHON_LINE = "python:$2b$04$lpzB8zbDirv95U8JthNZkOHkmYmQsRMgCNtY9w2dJ1fgK9PJsLlEy"  # password: python-pass

ALICE_PASSWORD = "correct-horse-battery-staple"
BOB_PASSWORD = "Tr0ub4dor&3-bob"


# --- helpers -------------------------------------------------------------------------------------------------------


def _synth_registry(app: cdk8s.App, auth: HtpasswdAuth | None) -> list[dict[str, Any]]:
    chart = cdk8s.Chart(app, "test", namespace="registry")
    Registry(chart, "Registry", name="registry", auth=auth)
    return cdk8s.Testing.synth(chart)


def _hashes(auth: HtpasswdAuth) -> dict[str, str]:
    assert auth.htpasswd is not None
    return dict(line.split(":", 1) for line in auth.htpasswd.splitlines())


# --- from_users ----------------------------------------------------------------------------------------------------


def test_from_users_renders_secret_volume_and_env(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN two users hashed at cost 4 with a custom realm
    auth = HtpasswdAuth.from_users({"alice": ALICE_PASSWORD, "bob": BOB_PASSWORD}, realm="Acme Registry", cost=4)

    # WHEN a registry uses it
    manifests = _synth_registry(app, auth)

    # THEN the output is pinned by the snapshot
    assert manifests == snapshot
    # AND a Secret holds the htpasswd file, one bcrypt line per user in the given order
    secret = find(manifests, "Secret", "registry-htpasswd")
    assert secret["metadata"]["namespace"] == "registry"
    assert secret["stringData"] == {"htpasswd": auth.htpasswd}
    assert auth.htpasswd is not None
    assert [line.split(":")[0] for line in auth.htpasswd.splitlines()] == ["alice", "bob"]
    assert auth.htpasswd.endswith("\n")
    # AND the registry reads it from /auth/htpasswd with the realm given
    env = env_entries(registry_container(manifests))
    assert env["REGISTRY_AUTH"] == {"name": "REGISTRY_AUTH", "value": "htpasswd"}
    assert env["REGISTRY_AUTH_HTPASSWD_REALM"] == {"name": "REGISTRY_AUTH_HTPASSWD_REALM", "value": "Acme Registry"}
    assert env["REGISTRY_AUTH_HTPASSWD_PATH"] == {"name": "REGISTRY_AUTH_HTPASSWD_PATH", "value": "/auth/htpasswd"}
    # AND the Secret is mounted read-only at /auth, its key mapped to the file name the registry reads
    (volume,) = [v for v in pod_spec(manifests)["volumes"] if v["name"] == "htpasswd"]
    assert volume["secret"]["secretName"] == "registry-htpasswd"
    assert volume["secret"]["items"] == [{"key": "htpasswd", "path": "htpasswd"}]
    assert volume["secret"]["defaultMode"] == 0o440
    mounts = registry_container(manifests)["volumeMounts"]
    assert {"mountPath": "/auth", "name": "htpasswd", "readOnly": True} in mounts


def test_from_users_hashes_verify_with_bcrypt_and_carry_the_cost(app: cdk8s.App) -> None:
    # GIVEN two users hashed at cost 4
    auth = HtpasswdAuth.from_users({"alice": ALICE_PASSWORD, "bob": BOB_PASSWORD}, cost=4)

    # WHEN the hashes are read back
    hashes = _hashes(auth)

    # THEN each is a $2b$ hash at cost 4 that verifies its own password and not the other user's
    assert all(h.startswith("$2b$04$") for h in hashes.values())
    assert bcrypt.checkpw(ALICE_PASSWORD.encode(), hashes["alice"].encode())
    assert bcrypt.checkpw(BOB_PASSWORD.encode(), hashes["bob"].encode())
    assert not bcrypt.checkpw(BOB_PASSWORD.encode(), hashes["alice"].encode())


def test_from_users_default_cost_is_10() -> None:
    # GIVEN a user without an explicit cost
    # WHEN it is hashed
    auth = HtpasswdAuth.from_users({"alice": ALICE_PASSWORD})

    # THEN the default cost 10 is in the hash prefix and the hash verifies
    assert DEFAULT_BCRYPT_COST == 10
    assert _hashes(auth)["alice"].startswith("$2b$10$")
    assert bcrypt.checkpw(ALICE_PASSWORD.encode(), _hashes(auth)["alice"].encode())


def test_from_users_is_byte_identical_across_separately_built_apps(app: cdk8s.App, tmp_path: pathlib.Path) -> None:
    # GIVEN the same users hashed twice, each for its own app
    users = {"alice": ALICE_PASSWORD, "bob": BOB_PASSWORD}
    first = _synth_registry(app, HtpasswdAuth.from_users(users, cost=4))
    second_app = cdk8s.Testing.app(outdir=str(tmp_path / "dist2"))

    # WHEN the second app is synthesized
    second = _synth_registry(second_app, HtpasswdAuth.from_users(dict(users), cost=4))

    # THEN both outputs are byte-identical, hashes and checksum annotation included
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert (find(first, "Secret", "registry-htpasswd")["stringData"]
            == find(second, "Secret", "registry-htpasswd")["stringData"])


def test_from_users_changed_password_gives_a_new_hash_and_rolls_the_pods(app: cdk8s.App,
                                                                        tmp_path: pathlib.Path) -> None:
    # GIVEN alice with her password, then with a changed one
    before_auth = HtpasswdAuth.from_users({"alice": ALICE_PASSWORD}, cost=4)
    after_auth = HtpasswdAuth.from_users({"alice": ALICE_PASSWORD + "!"}, cost=4)

    # WHEN a registry is synthesized with each
    before = _synth_registry(app, before_auth)
    after = _synth_registry(cdk8s.Testing.app(outdir=str(tmp_path / "dist2")), after_auth)

    # THEN the hash changes, and so does the pod checksum annotation (the pods restart and read the new file)
    assert _hashes(before_auth)["alice"] != _hashes(after_auth)["alice"]
    assert bcrypt.checkpw((ALICE_PASSWORD + "!").encode(), _hashes(after_auth)["alice"].encode())

    def checksum(manifests: list[dict[str, Any]]) -> str:
        deployment = find(manifests, "Deployment")
        value: str = deployment["spec"]["template"]["metadata"]["annotations"]["checksum/config"]
        return value

    assert checksum(before) != checksum(after)


def test_from_users_same_password_for_different_users_gives_different_hashes() -> None:
    # GIVEN two users sharing one password
    # WHEN they are hashed
    hashes = _hashes(HtpasswdAuth.from_users({"alice": "same-password", "bob": "same-password"}, cost=4))

    # THEN their hashes (salts included) differ, and both verify
    assert hashes["alice"] != hashes["bob"]
    assert hashes["alice"][:29] != hashes["bob"][:29]  # "$2b$04$" + 22 salt characters
    assert all(bcrypt.checkpw(b"same-password", h.encode()) for h in hashes.values())


def test_from_users_realm_changes_the_salt() -> None:
    # GIVEN the same user and password in two realms
    # WHEN they are hashed
    one = _hashes(HtpasswdAuth.from_users({"alice": ALICE_PASSWORD}, realm="One", cost=4))["alice"]
    two = _hashes(HtpasswdAuth.from_users({"alice": ALICE_PASSWORD}, realm="Two", cost=4))["alice"]

    # THEN the hashes differ
    assert one != two


def test_from_users_puts_no_plain_text_password_in_the_output(app: cdk8s.App) -> None:
    # GIVEN users with distinctive passwords
    auth = HtpasswdAuth.from_users({"alice": ALICE_PASSWORD, "bob": BOB_PASSWORD}, cost=4)

    # WHEN a registry using them is synthesized and serialized
    text = json.dumps(_synth_registry(app, auth))

    # THEN neither password appears anywhere, while the usernames do
    assert ALICE_PASSWORD not in text
    assert BOB_PASSWORD not in text
    assert "alice:$2b$04$" in text


def test_from_users_repr_hides_hashes_and_passwords() -> None:
    # GIVEN an auth object with hashed users
    auth = HtpasswdAuth.from_users({"alice": ALICE_PASSWORD}, realm="Acme", cost=4)

    # WHEN it is printed
    text = repr(auth)

    # THEN only the realm shows, no password and no hash
    assert text == "HtpasswdAuth(realm='Acme', htpasswd=<hashes>)"
    assert ALICE_PASSWORD not in text
    assert "$2b$" not in text
    assert str(auth) == text


def test_from_users_default_realm() -> None:
    # GIVEN no realm
    # WHEN a user is hashed
    auth = HtpasswdAuth.from_users({"alice": ALICE_PASSWORD}, cost=4)

    # THEN the realm is the default and a new Secret is made with key "htpasswd"
    assert auth.realm == "Registry Realm"
    assert auth.key == "htpasswd"
    assert auth.existing_secret is None


# --- from_htpasswd -------------------------------------------------------------------------------------------------


def test_from_htpasswd_accepts_2y_2a_and_2b_lines_as_is(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN an htpasswd file with Apache ($2y$), $2a$ and Python ($2b$) lines and blank lines between them
    text = f"\n{APACHE_LINE}\n\n   \n{OPENBSD_LINE}\r\n{PYTHON_LINE}\n\n"

    # WHEN a registry uses it
    auth = HtpasswdAuth.from_htpasswd(text, realm="Imported")
    manifests = _synth_registry(app, auth)

    # THEN the output is pinned by the snapshot
    assert manifests == snapshot
    # AND the Secret holds exactly the three lines, unchanged, without the blank ones
    assert find(manifests, "Secret", "registry-htpasswd")["stringData"] == {
        "htpasswd": f"{APACHE_LINE}\n{OPENBSD_LINE}\n{PYTHON_LINE}\n"
    }
    # AND the hashes still verify (they were not re-hashed)
    hashes = _hashes(auth)
    assert bcrypt.checkpw(b"apache-pass", hashes["apache"].encode())
    assert bcrypt.checkpw(b"openbsd-pass", hashes["openbsd"].encode())
    assert bcrypt.checkpw(b"python-pass", hashes["python"].encode())
    assert env_entries(registry_container(manifests))["REGISTRY_AUTH_HTPASSWD_REALM"]["value"] == "Imported"
    assert repr(auth) == "HtpasswdAuth(realm='Imported', htpasswd=<hashes>)"


# --- from_secret ---------------------------------------------------------------------------------------------------


def test_from_secret_mounts_the_existing_secret_and_creates_none(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN an existing Secret "registry-users" whose key "users.htpasswd" holds the file
    auth = HtpasswdAuth.from_secret("registry-users", key="users.htpasswd", realm="Team")

    # WHEN a registry uses it
    manifests = _synth_registry(app, auth)

    # THEN the output is pinned by the snapshot
    assert manifests == snapshot
    # AND no Secret is created
    assert of_kind(manifests, "Secret") == []
    # AND the existing Secret's key is mounted as /auth/htpasswd, read-only
    (volume,) = [v for v in pod_spec(manifests)["volumes"] if v["name"] == "htpasswd"]
    assert volume["secret"]["secretName"] == "registry-users"
    assert volume["secret"]["items"] == [{"key": "users.htpasswd", "path": "htpasswd"}]
    mounts = registry_container(manifests)["volumeMounts"]
    assert {"mountPath": "/auth", "name": "htpasswd", "readOnly": True} in mounts
    env = env_entries(registry_container(manifests))
    assert env["REGISTRY_AUTH_HTPASSWD_PATH"]["value"] == "/auth/htpasswd"
    assert env["REGISTRY_AUTH_HTPASSWD_REALM"]["value"] == "Team"
    # AND its repr names the Secret
    assert repr(auth) == "HtpasswdAuth(realm='Team', secret='registry-users')"


def test_from_secret_default_key() -> None:
    # GIVEN a Secret name only
    # WHEN the auth is made
    auth = HtpasswdAuth.from_secret("registry-users")

    # THEN it reads the key "htpasswd" and holds no file of its own
    assert auth.key == "htpasswd"
    assert auth.htpasswd is None
    assert auth.existing_secret is not None
    assert (auth.existing_secret.name, auth.existing_secret.key) == ("registry-users", "htpasswd")


def test_registry_without_auth_has_no_auth_env_or_volume(app: cdk8s.App) -> None:
    # GIVEN no authentication
    # WHEN a registry is synthesized
    manifests = _synth_registry(app, None)

    # THEN no REGISTRY_AUTH* variable, no htpasswd volume or mount and no Secret exist
    assert not [name for name in env_entries(registry_container(manifests)) if name.startswith("REGISTRY_AUTH")]
    assert not [v for v in pod_spec(manifests).get("volumes", []) if v["name"] == "htpasswd"]
    assert not [m for m in registry_container(manifests).get("volumeMounts", []) if m["mountPath"] == "/auth"]
    assert of_kind(manifests, "Secret") == []


# --- validation: from_users ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("username", "why"),
    [
        ("", "it must not be empty"),
        ("al:ice", "must not contain ':'"),
        ("al\nice", "must not contain '\\n'"),
        ("al\tice", "must not contain '\\t'"),
        ("al\x7fice", "must not contain '\\x7f'"),
    ],
    ids=["empty", "colon", "newline", "tab", "del"],
)
def test_fails_bad_username(chart: cdk8s.Chart, tmp_path: pathlib.Path, username: str, why: str) -> None:
    # GIVEN a username htpasswd cannot hold
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter, the value and the rule, and nothing is built
    with pytest.raises(ValueError, match=invalid("username", username) + ".*" + re.escape(why)):
        Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_users({username: "pw"}, cost=4))
    assert_nothing_built(chart, tmp_path)


def test_fails_empty_users(chart: cdk8s.Chart, tmp_path: pathlib.Path) -> None:
    # GIVEN no users
    # WHEN a registry is built with them
    # THEN a ValueError names the parameter and the empty mapping
    with pytest.raises(ValueError, match=invalid("users", {}) + ".*at least one user"):
        Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_users({}, cost=4))
    assert_nothing_built(chart, tmp_path)


def test_fails_empty_password(chart: cdk8s.Chart, tmp_path: pathlib.Path) -> None:
    # GIVEN a user with an empty password
    # WHEN a registry is built with it
    # THEN a ValueError names the user's entry
    with pytest.raises(ValueError, match=re.escape("users['alice']='<password>' is invalid") + ".*must not be empty"):
        Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_users({"alice": ""}, cost=4))
    assert_nothing_built(chart, tmp_path)


@pytest.mark.parametrize(
    ("password", "size"),
    [("x" * 73, 73), ("\u00e9" * 37, 74)],  # 37 characters, 74 bytes in UTF-8
    ids=["73-ascii-bytes", "37-chars-74-utf8-bytes"],
)
def test_fails_password_over_72_bytes(chart: cdk8s.Chart, tmp_path: pathlib.Path, password: str, size: int) -> None:
    # GIVEN a password longer than the 72 bytes bcrypt reads (the multibyte one is under 72 characters)
    assert len(password.encode()) == size > 72
    # WHEN a registry is built with it
    # THEN a ValueError names the user's entry and the byte count, never the password
    with pytest.raises(
        ValueError, match=re.escape(f"users['alice']='<password of {size} bytes>' is invalid") + ".*72 bytes"
    ) as error:
        Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_users({"alice": password}, cost=4))
    assert password not in str(error.value)
    assert password[:8] not in str(error.value)
    assert_nothing_built(chart, tmp_path)


def test_password_of_exactly_72_bytes_is_accepted() -> None:
    # GIVEN a password of exactly 72 bytes (36 two-byte characters)
    password = "\u00e9" * 36
    # WHEN it is hashed
    auth = HtpasswdAuth.from_users({"alice": password}, cost=4)
    # THEN the hash verifies
    assert bcrypt.checkpw(password.encode(), _hashes(auth)["alice"].encode())


def test_fails_cost_of_another_type() -> None:
    # GIVEN / WHEN a bool as the bcrypt cost (a bool is not a count)
    # THEN a TypeError names the parameter, the value's type and the expected type
    with pytest.raises(TypeError, match=r"^cost: expected int, got bool"):
        HtpasswdAuth.from_users({"alice": "pw"}, cost=True)


@pytest.mark.parametrize("cost", [3, 15], ids=["3", "15"])
def test_fails_bad_cost(chart: cdk8s.Chart, tmp_path: pathlib.Path, cost: int) -> None:
    # GIVEN a bcrypt cost outside 4..14
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter, the value and the range
    with pytest.raises(ValueError, match=invalid("cost", cost) + ".*from 4 to 14"):
        Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_users({"alice": "pw"}, cost=cost))
    assert_nothing_built(chart, tmp_path)


@pytest.mark.parametrize(
    "factory",
    [
        lambda realm: HtpasswdAuth.from_users({"alice": "pw"}, realm=realm, cost=4),
        lambda realm: HtpasswdAuth.from_htpasswd(PYTHON_LINE, realm=realm),
        lambda realm: HtpasswdAuth.from_secret("registry-users", realm=realm),
    ],
    ids=["from_users", "from_htpasswd", "from_secret"],
)
@pytest.mark.parametrize(
    ("realm", "why"),
    [('say "hi"', "must not contain '\"'"), ("two\nlines", "must not contain '\\n'"), ("", "must not be empty")],
    ids=["quote", "newline", "empty"],
)
def test_fails_bad_realm(chart: cdk8s.Chart, tmp_path: pathlib.Path, factory: Callable[[str], HtpasswdAuth],
                         realm: str, why: str) -> None:
    # GIVEN a realm that cannot be quoted in the WWW-Authenticate header
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter, the value and the rule, whichever factory is used
    with pytest.raises(ValueError, match=invalid("realm", realm) + ".*" + re.escape(why)):
        Registry(chart, "Registry", name="registry", auth=factory(realm))
    assert_nothing_built(chart, tmp_path)


# --- validation: from_htpasswd -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("alice:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", "<line 2: alice>"),
        ("alice:$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/", "<line 2: alice>"),
    ],
    ids=["sha1", "apr1-md5"],
)
def test_fails_htpasswd_non_bcrypt_hash(chart: cdk8s.Chart, tmp_path: pathlib.Path, line: str, shown: str) -> None:
    # GIVEN an htpasswd line with a hash the registry does not accept
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter, the line and the user (never the rest of the line) and the rule
    with pytest.raises(ValueError, match=re.escape(f"htpasswd='{shown}'") + ".*bcrypt hashes only"):
        Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_htpasswd(f"{PYTHON_LINE}\n{line}\n"))
    assert_nothing_built(chart, tmp_path)


def test_fails_htpasswd_line_without_colon(chart: cdk8s.Chart, tmp_path: pathlib.Path) -> None:
    # GIVEN a line with no ':' separator
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter and the line number (the line itself may be a password)
    with pytest.raises(ValueError, match=invalid("htpasswd", "<line 2>") + ".*'user:hash'"):
        Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_htpasswd(f"{PYTHON_LINE}\nalice\n"))
    assert_nothing_built(chart, tmp_path)


def test_fails_htpasswd_duplicate_username(chart: cdk8s.Chart, tmp_path: pathlib.Path) -> None:
    # GIVEN the same username on two lines
    duplicate = APACHE_LINE.replace("apache:", "python:")
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter and the username
    with pytest.raises(ValueError, match=invalid("htpasswd", "<line 2: python>") + ".*only once"):
        Registry(chart, "Registry", name="registry",
                 auth=HtpasswdAuth.from_htpasswd(f"{PYTHON_LINE}\n{duplicate}\n"))
    assert_nothing_built(chart, tmp_path)


@pytest.mark.parametrize("text", ["", "\n  \n\n"], ids=["empty", "blank-lines"])
def test_fails_htpasswd_without_lines(chart: cdk8s.Chart, tmp_path: pathlib.Path, text: str) -> None:
    # GIVEN an htpasswd file with no user line
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter and says there are no lines
    with pytest.raises(ValueError, match=invalid("htpasswd", "<no lines>") + ".*at least one"):
        Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_htpasswd(text))
    assert_nothing_built(chart, tmp_path)


def test_fails_htpasswd_bad_username(chart: cdk8s.Chart, tmp_path: pathlib.Path) -> None:
    # GIVEN a line whose username holds a control character
    line = "al\tice" + PYTHON_LINE[len("python"):]
    # WHEN a registry is built with it
    # THEN a ValueError names the username
    with pytest.raises(ValueError, match=invalid("username", "al\tice")):
        Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_htpasswd(line))
    assert_nothing_built(chart, tmp_path)


# --- validation: from_secret ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "parameter", "value"),
    [({"name": "Bad_Name"}, "name", "Bad_Name"), ({"name": "registry-users", "key": "a/b"}, "key", "a/b")],
    ids=["name", "key"],
)
def test_fails_from_secret_bad_reference(chart: cdk8s.Chart, tmp_path: pathlib.Path, kwargs: dict[str, Any],
                                         parameter: str, value: str) -> None:
    # GIVEN a Secret name or key Kubernetes would reject
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter and the value
    with pytest.raises(ValueError, match=invalid(parameter, value)):
        Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_secret(**kwargs))
    assert_nothing_built(chart, tmp_path)


# --- what the registry's htpasswd parser would rewrite, import limits, and password-safe messages -----------------


@pytest.mark.parametrize("username", ["#admin", " alice"], ids=["hash-comment", "leading-space"])
def test_fails_username_the_registry_would_rewrite(chart: cdk8s.Chart, tmp_path: pathlib.Path, username: str) -> None:
    # GIVEN a username the registry's htpasswd parser would skip or change
    # WHEN a registry is built with it
    # THEN a ValueError names the username
    with pytest.raises(ValueError, match=invalid("username", username)):
        Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_users({username: "pw"}, cost=4))
    assert_nothing_built(chart, tmp_path)


def test_fails_htpasswd_cost_above_14(chart: cdk8s.Chart, tmp_path: pathlib.Path) -> None:
    # GIVEN an imported line at cost 20 (about a minute of CPU per request)
    line = "slow:$2y$20$" + APACHE_LINE.split("$", 3)[3]
    # WHEN a registry is built with it
    # THEN a ValueError names the parameter and the cost
    with pytest.raises(ValueError, match=re.escape("htpasswd='<line 1: slow, cost 20>' is invalid") + ".*4 to 14"):
        Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_htpasswd(line))
    assert_nothing_built(chart, tmp_path)


@pytest.mark.parametrize("line", ["alice:hunter2", "alice hunter2"], ids=["plain-text-entry", "space-separated"])
def test_htpasswd_error_does_not_show_a_plain_text_password(chart: cdk8s.Chart, tmp_path: pathlib.Path,
                                                            line: str) -> None:
    # GIVEN an htpasswd line holding a plain-text password
    # WHEN a registry is built with it
    with pytest.raises(ValueError, match=re.escape("htpasswd=")) as error:
        Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_htpasswd(line))

    # THEN the message does not repeat the password
    assert "hunter2" not in str(error.value)
    assert_nothing_built(chart, tmp_path)
