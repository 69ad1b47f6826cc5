"""The configuration model and the plan: plain Python, no cdk8s or jsii (checked in a fresh interpreter), fast."""

import json
import subprocess
import sys
from typing import Any

import pytest
from conftest import ROOT

from constructs_lib import _plan, _ui_plan
from constructs_lib.auth import HtpasswdAuth
from constructs_lib.cache import ProxyCache, RedisCache
from constructs_lib.config import HttpSecret, RegistryConfig, RegistryVersion
from constructs_lib.endpoints import RegistryEndpoint, ServiceEndpoint
from constructs_lib.maintenance import GarbageCollection
from constructs_lib.pod import PodOptions
from constructs_lib.storage import S3Credentials, Storage, VolumeAccessMode

S3 = Storage.s3(bucket="registry", endpoint="http://minio.minio.svc:9000",
                credentials=S3Credentials.from_secret("registry-s3"))


def _config(**options: Any) -> RegistryConfig:
    arguments: dict[str, Any] = {"name": "registry", "namespace": "registry", "auth": None,
                                 "storage": Storage.filesystem()}
    arguments.update(options)
    return RegistryConfig(**arguments)


def _env(plan: _plan.RegistryPlan) -> dict[str, str]:
    return dict(plan.env)


# --- no cdk8s, no jsii ----------------------------------------------------------------------------------------------


def test_the_model_and_the_plans_import_neither_cdk8s_nor_jsii() -> None:
    # GIVEN a fresh interpreter
    # WHEN it imports the model and both plans and plans the high-availability registry and a UI
    code = """
import sys
import constructs_lib
from constructs_lib import _ingress_config, _plan, _ui_plan, auth, cache, config, endpoints, maintenance, network
from constructs_lib import pod, storage
registry = config.RegistryConfig(
    name="registry", namespace="registry", auth=auth.HtpasswdAuth.from_htpasswd("a:$2y$04$" + "x" * 53),
    storage=storage.Storage.s3(bucket="registry", credentials=storage.S3Credentials.from_values(
        access_key_id="id", secret_access_key="secret")), replicas=2,
    http_secret=config.HttpSecret.from_value("s" * 32), redis=cache.RedisCache.of("redis:6379"))
plan = _plan.plan_registry(registry)
endpoint = endpoints.ServiceEndpoint.of("registry", 5000)
_ui_plan.plan_ui(_ui_plan.UiConfig(name="registry-ui", registry=endpoint, registry_host="r.example.com",
                                   registry_url="https://r.example.com"))
_ingress_config.IngressConfig(registry=endpoint, host="r.example.com", redirect_http_to_https=True,
                              tls=_ingress_config.IngressTls.secret("r-tls"))
constructs_lib.IngressTls, constructs_lib.RegistryConfig, constructs_lib.UiConfig, constructs_lib.PodOptions
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("cdk8s", "cdk8s_plus_27", "constructs", "jsii"))
print(len(plan.manifests), loaded)
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)

    # THEN none of cdk8s, cdk8s-plus, constructs or jsii was loaded (so no Node.js process started)
    count, loaded = result.stdout.split(" ", 1)
    assert int(count) > 5
    assert loaded.strip() == "[]"


# --- the registry's plan --------------------------------------------------------------------------------------------


def test_default_plan_lists_objects_in_emission_order_with_their_ids() -> None:
    # GIVEN the defaults
    # WHEN the registry is planned
    plan = _plan.plan_registry(_config())

    # THEN the objects come in a fixed order, each with its construct id
    assert [(m.id, m.kind, m.name) for m in plan.manifests] == [
        ("Data", "PersistentVolumeClaim", "registry-data"),
        ("Resource", "Deployment", "registry"),
        ("MetricsProxyConfig", "ConfigMap", "registry-metrics-proxy"),
        ("Service", "Service", "registry"),
        ("NetworkPolicy", "NetworkPolicy", "registry"),
    ]
    # AND the selector uses the two stable labels only
    deployment = plan.manifest("Resource").to_dict("registry")
    assert deployment["spec"]["selector"] == {"matchLabels": {"app.kubernetes.io/name": "registry",
                                                              "app.kubernetes.io/instance": "registry"}}
    assert plan.manifest("Service").body["spec"]["selector"] == deployment["spec"]["selector"]["matchLabels"]


def test_plan_reads_every_secret_input_one_way() -> None:
    # GIVEN values for the http secret, the htpasswd file and the S3 keys
    config = _config(
        auth=HtpasswdAuth.from_htpasswd("alice:$2y$04$" + "a" * 53),
        storage=Storage.s3(bucket="registry", credentials=S3Credentials.from_values(
            access_key_id="AKID", secret_access_key="SECRET")),
        http_secret=HttpSecret.from_value("h" * 32), replicas=2)

    # WHEN planned
    plan = _plan.plan_registry(config)

    # THEN each becomes a new Secret, named after the registry, read through a volume of its keys
    assert [(m.id, m.name, sorted(m.body["stringData"])) for m in plan.created_secrets] == [
        ("HttpSecret", "registry-http-secret", ["http-secret"]),
        ("HtpasswdSecret", "registry-htpasswd", ["htpasswd"]),
        ("S3Secret", "registry-s3", ["accesskey", "secretkey"]),
    ]
    assert [(m.volume, m.secret_name, m.items, m.render_only) for m in plan.secret_mounts] == [
        ("http-secret", "registry-http-secret", {"http-secret": "http-secret"}, True),
        ("htpasswd", "registry-htpasswd", {"htpasswd": "htpasswd"}, False),
        ("s3-credentials", "registry-s3", {"accesskey": "access-key", "secretkey": "secret-key"}, True),
    ]
    # AND no secret value is in a variable
    assert not {"h" * 32, "SECRET"} & set(_env(plan).values())


def test_existing_secrets_are_read_where_they_are() -> None:
    # GIVEN existing Secrets, the proxy's username and password in two of them
    config = _config(auth=HtpasswdAuth.from_secret("users", key="file"), http_secret=HttpSecret.from_secret("hs"),
                     proxy=ProxyCache.of(credentials_secret="upstream"))

    # WHEN planned
    plan = _plan.plan_registry(config)

    # THEN no Secret is created and each is mounted from its own Secret and key
    assert plan.created_secrets == ()
    assert [(m.secret_name, m.items) for m in plan.secret_mounts] == [
        ("hs", {"http-secret": "http-secret"}), ("users", {"file": "htpasswd"}),
        ("upstream", {"username": "username", "password": "password"})]
    assert [(s.section, s.key) for s in plan.config_secrets] == [("http", "secret"), ("proxy", "username"),
                                                                 ("proxy", "password")]


def test_redis_replaces_the_in_memory_cache_in_place() -> None:
    # GIVEN Redis
    env = _env(_plan.plan_registry(_config(storage=S3, replicas=2, http_secret=HttpSecret.from_secret("hs"),
                                           redis=RedisCache.of("redis.registry.svc:6379", db=2))))

    # THEN the blob-descriptor cache is Redis's and the in-memory one is gone
    assert env["REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR"] == "redis"
    assert (env["REGISTRY_REDIS_ADDR"], env["REGISTRY_REDIS_DB"]) == ("redis.registry.svc:6379", "2")


def test_checksum_rolls_pods_on_a_secret_value_and_not_on_nothing() -> None:
    # GIVEN two configurations that differ only in the http secret's value
    first = _plan.plan_registry(_config(http_secret=HttpSecret.from_value("a" * 32)))
    again = _plan.plan_registry(_config(http_secret=HttpSecret.from_value("a" * 32)))
    other = _plan.plan_registry(_config(http_secret=HttpSecret.from_value("b" * 32)))

    # THEN the same input gives the same checksum and another value another one, without the value in it
    assert first.checksum == again.checksum
    assert first.checksum != other.checksum
    assert "a" * 32 not in json.dumps(first.manifest("Resource").to_dict())


def test_garbage_collection_pieces_come_last_in_a_fixed_order() -> None:
    # GIVEN garbage collection on S3
    plan = _plan.plan_registry(_config(storage=S3, garbage_collection=GarbageCollection.on_schedule()))

    # THEN its ServiceAccount, Role, RoleBinding, CronJob and NetworkPolicy follow the registry's objects
    assert [m.id for m in plan.manifests][-5:] == [
        "GarbageCollectionServiceAccount", "GarbageCollectionRole", "GarbageCollectionRoleBinding",
        "GarbageCollection", "GarbageCollectionNetworkPolicy"]
    cron = plan.manifest("GarbageCollection").to_dict("registry")
    pod = cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    # AND the collection's pod has the registry's profile and reads the S3 keys the registry reads
    assert pod["securityContext"] == _plan.REGISTRY_PROFILE.pod_security_context()
    assert [v["name"] for v in pod["volumes"]][-1] == "s3-credentials"


def test_same_node_affinity_is_a_patch_applied_in_order() -> None:
    # GIVEN garbage collection on a ReadWriteOnce claim
    plan = _plan.plan_registry(_config(garbage_collection=GarbageCollection.on_schedule()))

    # WHEN the CronJob is read as data
    pod = plan.manifest("GarbageCollection").to_dict()["spec"]["jobTemplate"]["spec"]["template"]["spec"]

    # THEN it runs beside the registry's pod, selected by the stable labels
    (term,) = pod["affinity"]["podAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]
    assert term["labelSelector"]["matchLabels"] == {"app.kubernetes.io/name": "registry",
                                                    "app.kubernetes.io/instance": "registry"}


def test_registry_version_is_read_once_from_the_tag() -> None:
    assert RegistryVersion.of_image("registry:2.8.3") == RegistryVersion(2, 8)
    assert RegistryVersion.of_image("mirror:5000/library/registry:3.1.1@sha256:" + "0" * 64) == RegistryVersion(3, 1)
    assert RegistryVersion.of_image("registry:3") == RegistryVersion(3, None)


def test_a_registry_and_a_service_endpoint_are_registry_endpoints() -> None:
    endpoint = ServiceEndpoint.of("external-registry", 5000, namespace="tools")
    assert isinstance(endpoint, RegistryEndpoint)
    assert (endpoint.auth_required, endpoint.delete_enabled, endpoint.cors_origin) == (True, False, None)


def test_ui_plan_proxies_to_the_endpoints_service() -> None:
    # GIVEN a registry made elsewhere
    endpoint = ServiceEndpoint.of("external-registry", 5443, auth_required=False)

    # WHEN a UI in proxy mode is planned for it
    plan = _ui_plan.plan_ui(_ui_plan.UiConfig(name="ui", registry=endpoint, registry_host="r.example.com",
                                              registry_url="https://r.example.com", proxy_registry=True))

    # THEN the UI's nginx forwards to that Service, and its NetworkPolicy lets it out to that port only
    container = plan.workload[0].body["spec"]["template"]["spec"]["containers"][0]
    env = {e["name"]: e["value"] for e in container["env"]}
    assert env["NGINX_PROXY_PASS_URL"] == "http://external-registry:5443"
    assert env["REGISTRY_SECURED"] == "false"
    assert plan.network_policy is not None
    assert plan.network_policy.body["spec"]["egress"][1] == {"ports": [{"port": 5443, "protocol": "TCP"}]}


# --- refusals: field and cross-field rules ----------------------------------------------------------------------------


@pytest.mark.parametrize(("options", "match"), [
    ({"metrics": False, "metrics_port": 9000}, r"metrics_port=9000 is invalid: it has no effect with metrics=False"),
    ({"metrics": False, "debug_port": 6000}, r"debug_port=6000 is invalid: it has no effect with metrics=False"),
    ({"metrics": False, "metrics_proxy_image": "nginx:1.29"},
     r"metrics_proxy_image='nginx:1.29' is invalid: it has no effect with metrics=False"),
    ({"network_policy": False, "metrics_scraper": None, "ingress_controller": object()},
     r"ingress_controller: expected PodPeer \| None, got object"),
    ({"opentelemetry": True}, r"opentelemetry=True is invalid: registry 2.x .* has no OpenTelemetry"),
    ({"replicas": 2}, r"replicas=2 is invalid: several replicas need shared storage"),
    ({"replicas": 2, "storage": S3}, r"replicas=2 is invalid: several replicas must share an http_secret"),
    ({"replicas": True}, r"replicas: expected int, got bool"),
    ({"delete_enabled": "false"}, r"delete_enabled: expected bool, got str"),
    ({"port": "5000"}, r"port: expected int, got str"),
    ({"image": "registry:latest"}, r"image='registry:latest' is invalid: the tag must name the version"),
    ({"redis": RedisCache.of("redis:6379"), "image": "registry:3.0.0"}, r"registry 3.0.x .* ignores"),
    ({"proxy": ProxyCache.of(ttl_hours=1)}, r"registry 2.x has no proxy TTL"),
    ({"cors_origin": "*"}, r"cors_origin='\*' is invalid"),
    ({"pod": PodOptions(env={"REGISTRY_HTTP_ADDR": ":1"})}, r"pod.env=\['REGISTRY_HTTP_ADDR'\] is invalid"),
    ({"namespace": None, "garbage_collection": GarbageCollection.on_schedule()}, r"it needs the chart's namespace"),
    ({"storage": Storage.filesystem(access_mode=VolumeAccessMode.READ_WRITE_ONCE_POD),
      "garbage_collection": GarbageCollection.on_schedule()}, r"a ReadWriteOncePod claim cannot be mounted"),
    ({"name": "Registry"}, r"name='Registry' is invalid: a Kubernetes Service name"),
    ({"name": "r" * 41}, r"name='r{41}' is invalid"),
])
def test_fails_registry_config(options: dict[str, Any], match: str) -> None:
    with pytest.raises((ValueError, TypeError), match=match):
        _config(**options)


def test_fails_network_policy_peers_without_a_network_policy() -> None:
    from constructs_lib.network import PodPeer

    with pytest.raises(ValueError, match=r"ingress_controller=.* it only names a NetworkPolicy peer"):
        _config(network_policy=False, ingress_controller=PodPeer.k3s_traefik())
    with pytest.raises(ValueError, match=r"metrics_scraper=.* it only names a NetworkPolicy peer"):
        _config(network_policy=False, metrics_scraper=PodPeer.prometheus())


@pytest.mark.parametrize(("options", "match"), [
    ({"path_prefix": "/ui", "host": "ui.example.com", "proxy_registry": True},
     r"path_prefix='/ui' is invalid: it has no effect with host"),
    ({"delete_images": True}, r"delete_images=True is invalid: the registry refuses deletes"),
    ({"host": "r.example.com"}, r"host='r.example.com' is invalid: that is the registry's host"),
    ({"host": "ui.example.com"}, r"the browser calls the registry from https://ui.example.com"),
    ({"name": "registry"}, r"name='registry' is invalid: it would replace the registry's own objects"),
    ({"network_policy": False, "ingress_controller": ServiceEndpoint}, r"ingress_controller: expected PodPeer"),
    ({"title": 7}, r"title: expected str, got int"),
    ({"proxy_registry": "yes"}, r"proxy_registry: expected bool, got str"),
])
def test_fails_ui_config(options: dict[str, Any], match: str) -> None:
    arguments: dict[str, Any] = {"name": "registry-ui", "registry": ServiceEndpoint.of("registry", 5000),
                                 "registry_host": "r.example.com", "registry_url": "https://r.example.com"}
    with pytest.raises((ValueError, TypeError), match=match):
        _ui_plan.UiConfig(**{**arguments, **options})


@pytest.mark.parametrize(("password", "shown"), [(" leading", "'<password>'"), ("trailing\n", "'<password>'"),
                                                  ("two\nlines", "'<password>'"), ("tab\t", "'<password>'")])
def test_fails_password_with_outer_whitespace_or_line_breaks(password: str, shown: str) -> None:
    with pytest.raises(ValueError, match=rf"users\['alice'\]={shown} is invalid: the password must not start or "
                                         "end with whitespace or contain a line break") as error:
        HtpasswdAuth.from_users({"alice": password}, cost=4)
    assert password not in str(error.value)


@pytest.mark.parametrize("value", ["h" * 32 + "\n", " " + "h" * 32, "h" * 16 + "\n" + "h" * 16])
def test_fails_http_secret_value_with_outer_whitespace_or_line_breaks(value: str) -> None:
    with pytest.raises(ValueError, match=r"value='<hidden>' is invalid: the http secret must not start or end"):
        HttpSecret.from_value(value)


def test_fails_proxy_credentials_in_one_key() -> None:
    with pytest.raises(ValueError, match=r"password_key='token' is invalid: it must differ from username_key"):
        ProxyCache.of(credentials_secret="upstream", username_key="token", password_key="token")


@pytest.mark.parametrize(("options", "match"), [
    ({"host": "https://r.example.com"}, r"host='https://r.example.com' is invalid: give a bare hostname"),
    ({"entry_points": ()}, r"entry_points=\(\) is invalid: give a list of one or more"),
    ({"entry_points": "websecure"}, r"entry_points='websecure' is invalid: give a list"),
    ({"entry_points": ("web secure",)}, r"entry_points='web secure' is invalid: an entry point name"),
    ({"http_entry_point": "web"}, r"http_entry_point='web' is invalid: it has no effect without"),
    ({"redirect_http_to_https": True, "entry_points": ("web",)},
     r"http_entry_point='web' is invalid: the HTTP entry point of the redirect cannot also serve"),
    ({"namespace": "edge"}, r"registry='registry' is invalid: its Service is in the namespace 'tools'"),
    ({"tls": "letsencrypt"}, r"^tls: expected IngressTls \| None, got str"),
    ({"min_tls_version": "VersionTLS13"}, r"^min_tls_version: expected TlsVersion \| None, got str"),
    ({"redirect_http_to_https": 1}, r"^redirect_http_to_https: expected bool, got int"),
])
def test_fails_ingress_config(options: dict[str, Any], match: str) -> None:
    from constructs_lib import IngressConfig

    arguments: dict[str, Any] = {"registry": ServiceEndpoint.of("registry", 5000, namespace="tools"),
                                 "host": "r.example.com", "namespace": "tools"}
    with pytest.raises((ValueError, TypeError), match=match):
        IngressConfig(**{**arguments, **options})


def test_ingress_plan_lists_the_registry_route_and_the_redirect_in_order() -> None:
    # GIVEN a registry endpoint that allows a browser origin, and the redirect to HTTPS
    from constructs_lib._ingress_config import IngressConfig, MiddlewarePlan, RoutePlan, plan_ingress, plan_ui_route

    config = IngressConfig(registry=ServiceEndpoint.of("registry", 5000, cors_origin="https://ui.example.com"),
                           host="r.example.com", redirect_http_to_https=True)

    # WHEN planned
    plan = plan_ingress(config)

    # THEN the TLSOption, the CORS Middleware, the route through it, the redirect and the HTTP route come in order
    assert plan.tls_option == ("registry-tls", "VersionTLS12")
    assert [(type(o).__name__, o.id, o.name) for o in plan.objects] == [
        ("MiddlewarePlan", "Cors", "registry-cors"), ("RoutePlan", "Resource", "registry"),
        ("MiddlewarePlan", "HttpsRedirect", "registry-https-redirect"), ("RoutePlan", "HttpRoute", "registry-http")]
    registry_route, http_route = (o for o in plan.objects if isinstance(o, RoutePlan))
    assert (registry_route.match, registry_route.middlewares, registry_route.entry_points) == (
        "Host(`r.example.com`)", ("registry-cors",), ("websecure",))
    assert (http_route.entry_points, http_route.tls, http_route.middlewares) == (
        ("web",), None, ("registry-https-redirect",))
    # AND the UI's route under /ui strips the prefix after the slash redirect, on the registry's certificate
    ui = plan_ui_route(config, name="registry-ui", service_name="registry-ui", service_port=8080, path_prefix="/ui",
                       host=None, tls=None, security_headers=True)
    assert [o.name for o in ui if isinstance(o, MiddlewarePlan)] == [
        "registry-ui-security-headers", "registry-ui-slash-redirect", "registry-ui-strip-prefix"]
    (ui_route,) = (o for o in ui if isinstance(o, RoutePlan))
    assert ui_route.match == "Host(`r.example.com`) && (Path(`/ui`) || PathPrefix(`/ui/`))"
    assert ui_route.tls == config.effective_tls


def test_a_plan_names_its_secrets_without_their_values() -> None:
    # GIVEN values for the http secret and the S3 keys
    plan = _plan.plan_registry(_config(storage=Storage.s3(bucket="registry", credentials=S3Credentials.from_values(
        access_key_id="AKIDVALUE", secret_access_key="SECRETVALUE")), http_secret=HttpSecret.from_value("h" * 32)))

    # WHEN the plan and its configuration are printed (a log line, a debugger, an error)
    text = repr(plan) + repr(plan.created_secrets) + repr(_config(http_secret=HttpSecret.from_value("h" * 32)))

    # THEN the objects are named, and no value is in the text
    assert "Manifest('S3Secret': v1 Secret 'registry-s3')" in text
    assert not [value for value in ("h" * 32, "SECRETVALUE") if value in text]


@pytest.mark.parametrize(("make", "shown"), [
    (lambda: ProxyCache.of("https://bob:hunter2@mirror.example.com/v2"), "https://<credentials>@mirror.example.com"),
    (lambda: RedisCache.of("bob:hunter2@redis:6379"), "<credentials>@redis:6379"),
    (lambda: ServiceEndpoint.of("registry", 5000, cors_origin="https://bob:hunter2@ui.example.com"),
     "https://<credentials>@ui.example.com"),
])
def test_fails_urls_with_credentials_without_showing_them(make: Any, shown: str) -> None:
    with pytest.raises(ValueError) as error:
        make()
    assert shown in str(error.value)
    assert "hunter2" not in str(error.value)


def test_fails_service_endpoint_with_any_origin() -> None:
    with pytest.raises(ValueError, match=r"cors_origin='\*' is invalid: an origin is exactly scheme://host"):
        ServiceEndpoint.of("registry", 5000, cors_origin="*")


@pytest.mark.parametrize(("make", "match"), [
    (lambda: Storage.filesystem(size_gib=1).__class__(size_gib=0, storage_class=None,
                                                       access_mode=VolumeAccessMode.READ_WRITE_ONCE),
     r"size_gib=0 is invalid"),
    (lambda: RedisCache(address="r:6379", host="r", port=99999, db=0, password=None), r"port=99999 is invalid"),
    (lambda: RedisCache(address="r:6379", host="r", port=6379, db=99, password=None), r"db=99 is invalid"),
    (lambda: HttpSecret.from_value("h" * 32).__class__(_secret_source("short")), r"at least 16 characters"),
    (lambda: __import__("constructs_lib").UploadPurging(enabled=True, age_hours=-1, interval_hours=24,
                                                        dry_run=False), r"age_hours=-1 is invalid"),
    (lambda: __import__("constructs_lib").UploadPurging(enabled=True, age_hours=1, interval_hours=24,
                                                        dry_run="x"), r"^dry_run: expected bool, got str"),
    (lambda: __import__("constructs_lib").IngressTls(cert_resolver_name="le", secret_name="tls"),
     r"secret_name='tls' is invalid: a certificate comes from a resolver or from a Secret, not both"),
    (lambda: __import__("constructs_lib").GarbageCollection.on_schedule("@every 12h", time_zone="Europe/Paris"),
     r"time_zone='Europe/Paris' is invalid: it has no effect on an '@every' interval"),
    (lambda: __import__("constructs_lib").PodPeer(namespace_labels={"a..b/x": "y"}, pod_labels={"app": "t"}),
     r"namespace_labels='a..b/x' is invalid"),
])
def test_fails_value_objects_made_directly(make: Any, match: str) -> None:
    # GIVEN / WHEN a value object made without its factory
    # THEN it checks itself all the same
    with pytest.raises((ValueError, TypeError), match=match):
        make()


def _secret_source(value: str) -> Any:
    from constructs_lib._secrets import SecretSource

    return SecretSource.of_value(value)


@pytest.mark.parametrize("password", ["line\u2028separator", "next\x85line", "nul\x00", "tab\vvertical"])
def test_fails_passwords_with_any_line_break_or_control_character(password: str) -> None:
    with pytest.raises(ValueError, match=r"users\['alice'\]='<password>' is invalid"):
        HtpasswdAuth.from_users({"alice": password}, cost=4)


def test_pod_options_keep_their_own_copies() -> None:
    # GIVEN labels checked when the options were made
    labels = {"team": "infra"}
    pod = PodOptions(labels=labels)

    # WHEN the caller's dict changes afterwards
    labels["app.kubernetes.io/name"] = "sneaky"

    # THEN the options still hold what was checked, and cannot be changed through them
    assert dict(pod.labels) == {"team": "infra"}
    with pytest.raises(TypeError):
        pod.labels["x"] = "y"  # type: ignore[index]


@pytest.mark.parametrize(("make", "match"), [
    (lambda: RedisCache.of("redis:6379", password_key="token"),
     r"password_key='token' is invalid: it has no effect without password_secret"),
    (lambda: ProxyCache.of(username_key="user"),
     r"username_key='user' is invalid: it has no effect without credentials_secret"),
    (lambda: ProxyCache.of(upstream_wait_seconds=0, upstream_retry_seconds=30),
     r"upstream_retry_seconds=30 is invalid: it has no effect with upstream_wait_seconds=0"),
    (lambda: Storage.s3(bucket="registry", credentials=None, secure=False, skip_verify=True),
     r"skip_verify=True is invalid: it has no effect with secure=False"),
    (lambda: PodOptions(labels={"app.kubernetes.io/part-of": "mine"}),
     r"labels='app.kubernetes.io/part-of' is invalid: the construct sets the recommended"),
    (lambda: PodOptions(annotations={"checksum/config": "x"}), r"annotations='checksum/config' is invalid"),
    (lambda: PodOptions(annotations={"prometheus.io/port": "9"}), r"annotations='prometheus.io/port' is invalid"),
])
def test_fails_options_without_effect_on_the_values(make: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        make()


@pytest.mark.parametrize("variable", ["REGISTRY_HTTP_SECRET", "REGISTRY_REDIS_PASSWORD", "REGISTRY_PROXY_PASSWORD",
                                      "REGISTRY_STORAGE_S3_SECRETKEY", "AWS_SECRET_ACCESS_KEY"])
def test_fails_secret_settings_in_pod_env(variable: str) -> None:
    with pytest.raises(ValueError, match=rf"pod.env=\['{variable}'\] is invalid: secrets never go into variables"):
        _config(pod=PodOptions(env={variable: "x"}))
