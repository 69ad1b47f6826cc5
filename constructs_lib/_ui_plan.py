"""The UI's configuration, checked at creation, and the plan of its objects. Pure Python (no cdk8s, no jsii)."""

from __future__ import annotations

import dataclasses
from typing import Any

from . import _manifests, _plan, _typecheck, _validation
from ._ingress_config import check_endpoint
from ._labels import WorkloadLabels
from ._manifests import Manifest
from ._profile import RestrictedProfile, pull_policy
from .endpoints import RegistryEndpoint, registry_access
from .network import PodPeer
from .pod import PodOptions

__all__ = ["DEFAULT_PATH_PREFIX", "DEFAULT_UI_IMAGE", "UI_PORT", "UiConfig", "UiPlan", "plan_ui"]

#: The UI image, pinned. 2.6.0 is the first release that runs as non-root (nginx, port 8080).
DEFAULT_UI_IMAGE = "joxit/docker-registry-ui:2.6.0"
DEFAULT_PATH_PREFIX = "/ui"
UI_PORT = 8080
# Any non-root id: the init container copies what the entrypoint edits into emptyDirs, so file owners in the image
# do not matter; above 10000 it maps to no user of the node.
UI_PROFILE = RestrictedProfile(uid=10101)
_UI_ENV_FORBIDDEN = "~&\\"  # the entrypoint substitutes values with `sed s~...~...~`
# The title also lands unescaped in the page's HTML: in an attribute and in <title>.
_TITLE_FORBIDDEN = _UI_ENV_FORBIDDEN + '"<>'
_CPU_LIMIT_MILLIS = 200
# One nginx worker per CPU of the limit, rounded up: the image's `worker_processes auto` starts one per CPU of the
# node, each about 0.75 MB under the 64Mi memory limit.
_WORKER_PROCESSES = -(-_CPU_LIMIT_MILLIS // 1000)
# The init container copies what the entrypoint edits into emptyDirs, then makes two edits of its own in the copies:
# the worker count, and the browser tab's title (PAGE_TITLE, from its environment: joxit's built index.html carries
# a fixed <title>Docker Registry UI</title>; a placeholder there would be replaced the same way). The UI's entrypoint
# (the nginx image's /docker-entrypoint.sh, which runs joxit's /docker-entrypoint.d/90-docker-registry-ui.sh, and
# the image's 30-tune-worker-processes.sh only with NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE, which is not set)
# touches neither line afterwards.
_SEED_SCRIPT = (
    "cp -R /etc/nginx/. /seed/etc-nginx/ && cp -R /usr/share/nginx/html/. /seed/html/"
    f" && sed -i 's/^[[:space:]]*worker_processes[[:space:]].*$/worker_processes {_WORKER_PROCESSES};/'"
    " /seed/etc-nginx/nginx.conf"
    ' && sed -i "s~<title>[^<]*</title>~<title>${PAGE_TITLE}</title>~" /seed/html/index.html'
)


def _bool(value: bool) -> str:
    return "true" if value else "false"


@dataclasses.dataclass(frozen=True, kw_only=True)
class UiConfig:
    """Everything :class:`~constructs_lib.ui.RegistryUi` takes, checked at creation (the meaning and default of each
    field is that of its argument; ``None`` means that default), with what it knows of the registry and its
    public host."""

    name: str
    registry: RegistryEndpoint
    registry_host: str
    registry_url: str
    #: The namespace of the UI's objects (its chart's), or None.
    namespace: str | None = None
    path_prefix: str | None = None
    title: str = "Docker Registry"
    delete_images: bool = False
    single_registry: bool = True
    catalog_elements_limit: int = 1000
    show_content_digest: bool = True
    image: str = DEFAULT_UI_IMAGE
    network_policy: bool = True
    ingress_controller: PodPeer | None = None
    host: str | None = None
    proxy_registry: bool = False
    security_headers: bool = True
    version_notification: bool = False
    pod: PodOptions = dataclasses.field(default_factory=PodOptions)

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        registry = self.registry
        # What a route of any origin tells the UI lands in the page and in sed expressions: checked here.
        check_endpoint("registry", registry)
        _validation.check_hostname("registry_host", self.registry_host)
        if registry.namespace is not None and self.namespace is not None and registry.namespace != self.namespace:
            # Its route names the ingress's TLSOption, its NetworkPolicy and its nginx (in proxy mode) the
            # registry's Service: all in the registry's namespace.
            raise _validation.fail("ingress", registry.service_name,
                                   f"the registry is in the namespace {registry.namespace!r} and the UI in "
                                   f"{self.namespace!r}: create the UI in the registry's chart")
        if self.registry_url != f"https://{self.registry_host}":
            raise _validation.fail("registry_url", self.registry_url,
                                   f"the UI calls the registry at https://<registry_host>, here https://{self.registry_host}")
        # 43: a 40-character registry name plus "-ui"; the longest derived name (-slash-redirect) stays within 63.
        _validation.check_dns1035_label("name", self.name, max_length=43)
        if self.name in (registry.service_name, f"{registry.service_name}-http"):
            raise _validation.fail("name", self.name, "it would replace the registry's own objects of that name")
        if self.path_prefix is not None:
            if self.host is not None:
                raise _validation.fail("path_prefix", self.path_prefix, "it has no effect with host: the UI is then "
                                                                        "served at the root of its own host")
            _validation.check_path_prefix("path_prefix", self.path_prefix)
            # Traefik PathPrefix is a plain string prefix: "/v" would match "/v2/..." too.
            if "/v2/".startswith(self.path_prefix) or self.path_prefix.startswith("/v2/"):
                raise _validation.fail("path_prefix", self.path_prefix,
                                       "it would capture the registry's API under /v2/: choose a path like '/ui'")
        _validation.check_non_empty("title", self.title)
        _validation.check_no_forbidden_chars("title", self.title, _TITLE_FORBIDDEN,
                                           "it is substituted with sed into the page's HTML, unescaped")
        _validation.check_int_range("catalog_elements_limit", self.catalog_elements_limit, 1, 100_000)
        _validation.check_image("image", self.image)
        if self.proxy_registry and registry_access(registry) is not None:
            raise _validation.fail("proxy_registry", self.proxy_registry,
                                   "the registry has AccessControl, which Traefik enforces: the UI's nginx would reach "
                                   "the registry around it (and the NetworkPolicy lets only Traefik in); leave it off, "
                                   "so the browser calls the registry through Traefik with the user's credentials")
        if self.delete_images and not registry.delete_enabled:
            raise _validation.fail("delete_images", self.delete_images,
                                   "the registry refuses deletes: create it with delete_enabled=True")
        if not self.network_policy and self.ingress_controller is not None:
            raise _validation.fail("ingress_controller", self.ingress_controller,
                                   "it only names a NetworkPolicy peer, and network_policy=False makes none: leave it "
                                   "unset")
        if self.host is not None:
            _validation.check_hostname("host", self.host)
            if self.host == self.registry_host:
                raise _validation.fail("host", self.host, "that is the registry's host: leave host unset to serve "
                                                          "the UI under path_prefix there")
            origin = f"https://{self.host}"
            if not self.proxy_registry and registry.cors_origin != origin:
                raise _validation.fail("host", self.host, f"the browser calls the registry from {origin}: set the "
                                                          "registry's cors_origin to it, or set proxy_registry=True")
        clashes = sorted(set(self.env) & set(self.pod.env))
        if clashes:
            raise _validation.fail("pod.env", clashes, "the UI construct sets these itself: use its options")

    @property
    def effective_path_prefix(self) -> str | None:
        """The path the UI is served under, or None on its own host."""
        if self.host is not None:
            return None
        return self.path_prefix if self.path_prefix is not None else DEFAULT_PATH_PREFIX

    @property
    def env(self) -> dict[str, str]:
        """The UI container's own variables."""
        env = {
            # The registry's API: on the same origin (path mode, or through the UI's nginx in proxy mode) the browser
            # sends the registry's basic-auth credentials without CORS.
            "PULL_URL": self.registry_host,
            # The catalog's "Repositories of ..." line; the header is DOCKER_REGISTRY_UI_TITLE.
            "REGISTRY_TITLE": self.registry_host,
            "DOCKER_REGISTRY_UI_TITLE": self.title,
            "ENABLE_VERSION_NOTIFICATION": _bool(self.version_notification),
            "SINGLE_REGISTRY": _bool(self.single_registry),
            "DELETE_IMAGES": _bool(self.delete_images),
            "SHOW_CONTENT_DIGEST": _bool(self.show_content_digest),
            "CATALOG_ELEMENTS_LIMIT": str(self.catalog_elements_limit),
            "REGISTRY_SECURED": _bool(self.registry.auth_required),
            "NGINX_LISTEN_PORT": str(UI_PORT),
        }
        if self.proxy_registry:
            # The registry's Service in the UI's namespace (the UI is created beside its registry).
            env["NGINX_PROXY_PASS_URL"] = f"http://{self.registry.service_name}:{self.registry.service_port}"
        else:
            env["REGISTRY_URL"] = self.registry_url
        return env


@dataclasses.dataclass(frozen=True)
class UiPlan:
    labels: WorkloadLabels
    #: The Deployment and the Service (emitted before the route).
    workload: tuple[Manifest, ...]
    #: The NetworkPolicy (emitted after the route), or None.
    network_policy: Manifest | None


def plan_ui(config: UiConfig) -> UiPlan:
    base = config.name
    labels = WorkloadLabels(name="registry-ui", instance=base, component="ui", part_of=config.registry.service_name)
    pod = config.pod
    security = UI_PROFILE.container_security_context()
    resources = _manifests.resources("10m", f"{_CPU_LIMIT_MILLIS}m", "16Mi", "64Mi")
    pull = pull_policy(config.image)
    # The entrypoint rewrites files under /etc/nginx and /usr/share/nginx/html with sed. The root filesystem stays
    # read-only: an init container copies both folders into emptyDirs that the UI mounts in their place.
    seed = _manifests.container(
        name="copy-writable-files", image=config.image, pull_policy=pull, command=["sh", "-c", _SEED_SCRIPT],
        env=[("PAGE_TITLE", config.title)], security_context=security, resources=resources,
        mounts=[{"mountPath": "/seed/etc-nginx", "name": "nginx-config"},
                {"mountPath": "/seed/html", "name": "html"}])
    writable = {"/etc/nginx": "nginx-config", "/usr/share/nginx/html": "html", "/var/cache/nginx": "nginx-cache",
                "/tmp": "tmp"}
    ui = _manifests.container(
        name="ui", image=config.image, pull_policy=pull, env=[*config.env.items(), *pod.env.items()],
        ports=[(UI_PORT, "http")], security_context=security, resources=resources,
        readiness=_manifests.probe(port=UI_PORT, period=10, http_path="/"),
        liveness=_manifests.probe(port=UI_PORT, period=20, http_path="/"),
        startup=_manifests.probe(port=UI_PORT, period=2, failure_threshold=30, http_path="/"),
        mounts=[{"mountPath": path, "name": volume} for path, volume in writable.items()])
    pod_spec: dict[str, Any] = {
        "automountServiceAccountToken": False,
        "containers": [ui],
        "dnsPolicy": "ClusterFirst",
        "enableServiceLinks": False,
        "hostNetwork": False,
        "initContainers": [seed],
        "restartPolicy": "Always",
        "securityContext": UI_PROFILE.pod_security_context(),
        "setHostnameAsFQDN": False,
        "terminationGracePeriodSeconds": 30,
        "volumes": [{"emptyDir": {}, "name": volume} for volume in writable.values()],
        **pod._pod_spec_fields(),
    }
    deployment = _manifests.deployment(
        id="Resource", name=base, labels=labels, replicas=1,
        strategy={"rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}, "type": "RollingUpdate"},
        pod_labels={**pod.labels, **labels.all}, pod_annotations=dict(pod.annotations), pod_spec=pod_spec)
    service = _manifests.service(id="Service", name=base, labels=labels, port=UI_PORT)
    network_policy = None
    if config.network_policy:
        network_policy = _manifests.network_policy(
            id="NetworkPolicy", name=base, labels=labels,
            ingress=[([_plan.peer(config.ingress_controller or PodPeer.k3s_traefik())], [UI_PORT])],
            egress_ports=[config.registry.service_port] if config.proxy_registry else [])
    return UiPlan(labels=labels, workload=(deployment, service), network_policy=network_policy)
