"""The joxit/docker-registry-ui web UI, served under a path of the registry's own host."""

from __future__ import annotations

import re

import cdk8s
import cdk8s_plus_27 as kplus
from constructs import Construct

from . import _atomic, _collisions, _validation, _workload
from .ingress import IngressTls, TraefikIngress
from .network import PodPeer
from .pod import PodOptions

__all__ = ["DEFAULT_UI_IMAGE", "RegistryUi"]

#: The UI image, pinned. 2.6.0 is the first release that runs as non-root (nginx, port 8080).
DEFAULT_UI_IMAGE = "joxit/docker-registry-ui:2.6.0"
_UI_PORT = 8080
# Any non-root id: the init container copies what the entrypoint edits into emptyDirs, so file owners in the image
# do not matter; above 10000 it maps to no user of the node.
_NGINX_UID = 10101
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


class RegistryUi(Construct):
    """The joxit/docker-registry-ui web UI on the registry's host under ``path_prefix`` (default ``/ui``).

    The browser talks to the registry on the same origin, so no CORS is needed. Traefik redirects ``/ui`` to ``/ui/``
    (the UI's assets are relative) and strips the prefix before the UI's nginx.

    Unless ``proxy_registry`` is on, the page is given the registry's URL, ``https://<registry host>`` with no port,
    so it works as served here, through port 443 only: opened any other way (a NodePort, ``kubectl port-forward`` to
    the UI) its catalog requests go to that origin, which the browser blocks by CORS or which is not the registry.
    With ``proxy_registry=True`` the page calls the registry API on whatever origin it was opened from.

    nginx runs one worker process per CPU of the containers' limit (200m: one), written into the copy of
    ``nginx.conf`` that the init container makes (the image's ``worker_processes auto`` starts one per node CPU).

    Children: ``Resource`` (the Deployment, :attr:`deployment`), ``Service`` (:attr:`service`), the Middlewares
    ``SecurityHeaders`` and, under a path, ``SlashRedirect`` and ``StripPrefix``, ``Route`` (the IngressRoute,
    :attr:`ingress_route`) and ``NetworkPolicy``.
    """

    @_atomic.atomic
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        ingress: TraefikIngress,
        path_prefix: str = "/ui",
        title: str = "Docker Registry",
        delete_images: bool = False,
        single_registry: bool = True,
        catalog_elements_limit: int = 1000,
        show_content_digest: bool = True,
        image: str = DEFAULT_UI_IMAGE,
        name: str | None = None,
        network_policy: bool = True,
        ingress_controller: PodPeer | None = None,
        host: str | None = None,
        tls: IngressTls | None = None,
        proxy_registry: bool = False,
        security_headers: bool = True,
        version_notification: bool = False,
        pod: PodOptions | None = None,
    ) -> None:
        """
        :param ingress: the registry's ingress; the UI is served on its host, entry points and TLS.
        :param path_prefix: the path the UI is served under. Default: ``"/ui"``.
        :param title: the UI's title: the browser tab's ``<title>`` and the header (``DOCKER_REGISTRY_UI_TITLE``).
            The catalog's "Repositories of ..." line names the registry's host (``REGISTRY_TITLE``). Default:
            ``"Docker Registry"``.
        :param delete_images: offer deleting images (needs ``delete_enabled`` on the registry). Default: ``False``.
        :param single_registry: hide the UI's registry switcher. Default: ``True``.
        :param catalog_elements_limit: how many repositories the catalog lists (registry >= 2.8 caps at 1000).
            Default: 1000.
        :param show_content_digest: show the content digest of tags. Default: ``True``.
        :param image: the UI image, version 2.6.0 or later. Default: :data:`DEFAULT_UI_IMAGE`.
        :param name: the base name of its objects. Default: ``<registry name>-ui``.
        :param network_policy: add a NetworkPolicy: traffic in only from the ingress controller, nothing out but
            DNS. Default: ``True``.
        :param ingress_controller: the ingress controller's pods. Default: ``PodPeer.k3s_traefik()``.
        :param host: serve the UI at the root of its own host instead of under ``path_prefix`` on the registry's.
            The browser then calls the registry cross-origin (at ``https://<registry host>``, port 443), which
            needs the registry's ``cors_origin`` to be ``https://<host>`` exactly, unless ``proxy_registry`` is on.
            Default: the registry's host.
        :param tls: the certificate of the UI's own ``host``; only with ``host`` (under ``path_prefix`` the UI is
            on the registry's host and certificate). Default: the registry's certificate resolver, which orders a
            certificate for ``host`` too, or Traefik's default certificate when the registry uses that; a registry
            certificate from a Secret (``IngressTls.secret``) is for the registry's host only, so the UI then needs
            its own: pass ``IngressTls.secret(...)`` (the same Secret if its certificate covers both names).
        :param proxy_registry: the UI's nginx forwards the registry API to the registry's Service
            (``NGINX_PROXY_PASS_URL``), so the browser stays on the UI's origin and no CORS is needed; the page then
            also works opened through a NodePort or ``kubectl port-forward``. Default: ``False`` (the page calls
            ``https://<registry host>`` itself, through port 443 only).
        :param security_headers: a Middleware on the UI's route adds HSTS, ``nosniff``, ``X-Frame-Options: DENY``
            and a same-origin referrer policy. Default: ``True``.
        :param version_notification: show the UI's notice of a newer joxit release (``ENABLE_VERSION_NOTIFICATION``):
            every user's browser then asks ``api.github.com`` for the latest release, which fails where GitHub is
            unreachable and tells GitHub who uses the UI. Default: ``False``.
        :param pod: extra pod settings (:class:`PodOptions`). Default: none.
        """
        super().__init__(scope, id)
        _collisions.register(self)
        registry = ingress.registry
        base = name if name is not None else f"{registry.name}-ui"
        # 43: a 40-character registry name plus "-ui"; the longest derived name (-slash-redirect) stays within 63.
        _validation.check_dns1035_label("name", base, max_length=43)
        if base in (registry.name, f"{registry.name}-http"):
            raise _validation.fail("name", base, "it would replace the registry's own objects of that name")
        _validation.check_path_prefix("path_prefix", path_prefix)
        # Traefik PathPrefix is a plain string prefix: "/v" would match "/v2/..." too.
        if "/v2/".startswith(path_prefix) or path_prefix.startswith("/v2/"):
            raise _validation.fail("path_prefix", path_prefix,
                                   "it would capture the registry's API under /v2/: choose a path like '/ui'")
        _validation.check_non_empty("title", title)
        _validation.check_no_forbidden_chars("title", title, _TITLE_FORBIDDEN,
                                           "it is substituted with sed into the page's HTML, unescaped")
        _validation.check_int_range("catalog_elements_limit", catalog_elements_limit, 1, 100_000)
        _validation.check_image("image", image)
        if delete_images and not registry.delete_enabled:
            raise _validation.fail("delete_images", delete_images,
                                   "the registry refuses deletes: create it with delete_enabled=True")
        if host is not None:
            _validation.check_hostname("host", host)
            if host == ingress.host:
                raise _validation.fail("host", host, "that is the registry's host: leave host unset to serve the UI "
                                                     "under path_prefix there")
            origin = f"https://{host}"
            if not proxy_registry and registry.cors_origin != origin:
                raise _validation.fail("host", host, f"the browser calls the registry from {origin}: set the "
                                                     "registry's cors_origin to it, or set proxy_registry=True")
        route_tls = _route_tls(ingress, host, tls)
        pod = pod if pod is not None else PodOptions()
        self._path_prefix = path_prefix
        self._host = host
        self._ingress = ingress
        labels = _workload.labels(name="registry-ui", instance=base, component="ui", part_of=registry.name)

        env = {
            # The registry's API: on the same origin (path mode, or through the UI's nginx in proxy mode) the browser
            # sends the registry's basic-auth credentials without CORS.
            "PULL_URL": ingress.host,
            # The catalog's "Repositories of ..." line; the header is DOCKER_REGISTRY_UI_TITLE.
            "REGISTRY_TITLE": ingress.host,
            "DOCKER_REGISTRY_UI_TITLE": title,
            "ENABLE_VERSION_NOTIFICATION": _bool(version_notification),
            "SINGLE_REGISTRY": _bool(single_registry),
            "DELETE_IMAGES": _bool(delete_images),
            "SHOW_CONTENT_DIGEST": _bool(show_content_digest),
            "CATALOG_ELEMENTS_LIMIT": str(catalog_elements_limit),
            "REGISTRY_SECURED": _bool(registry.auth is not None),
            "NGINX_LISTEN_PORT": str(_UI_PORT),
        }
        if proxy_registry:
            env["NGINX_PROXY_PASS_URL"] = f"http://{registry.service.name}:{registry.port}"
        else:
            env["REGISTRY_URL"] = ingress.url
        clashes = sorted(set(env) & set(pod.env))
        if clashes:
            raise _validation.fail("pod.env", clashes, "the UI construct sets these itself: use its options")
        self._deployment = kplus.Deployment(
            self, "Resource",
            metadata=cdk8s.ApiObjectMetadata(name=base, labels=labels),
            pod_metadata=cdk8s.ApiObjectMetadata(labels={**pod.labels, **labels},
                                                 annotations=dict(pod.annotations) or None),
            replicas=1,
            strategy=kplus.DeploymentStrategy.rolling_update(
                max_surge=kplus.PercentOrAbsolute.absolute(1), max_unavailable=kplus.PercentOrAbsolute.absolute(0)),
            automount_service_account_token=False,
            security_context=kplus.PodSecurityContextProps(
                ensure_non_root=True, user=_NGINX_UID, group=_NGINX_UID, fs_group=_NGINX_UID),
            select=False,
            spread=False,
        )
        # The entrypoint rewrites files under /etc/nginx and /usr/share/nginx/html with sed. The root filesystem
        # stays read-only: an init container copies both folders into emptyDirs that the UI mounts in their place.
        writable = {
            "/etc/nginx": kplus.Volume.from_empty_dir(self, "NginxConfig", "nginx-config"),
            "/usr/share/nginx/html": kplus.Volume.from_empty_dir(self, "Html", "html"),
        }
        scratch = {
            "/var/cache/nginx": kplus.Volume.from_empty_dir(self, "NginxCache", "nginx-cache"),
            "/tmp": kplus.Volume.from_empty_dir(self, "Tmp", "tmp"),
        }
        security = kplus.ContainerSecurityContextProps(
            ensure_non_root=True, user=_NGINX_UID, group=_NGINX_UID, read_only_root_filesystem=True,
            allow_privilege_escalation=False, privileged=False)
        resources = kplus.ContainerResources(
            cpu=kplus.CpuResources(request=kplus.Cpu.millis(10), limit=kplus.Cpu.millis(_CPU_LIMIT_MILLIS)),
            memory=kplus.MemoryResources(request=cdk8s.Size.mebibytes(16), limit=cdk8s.Size.mebibytes(64)))
        seed = self._deployment.add_init_container(
            name="copy-writable-files",
            image=image,
            image_pull_policy=_workload.pull_policy(image),
            command=["sh", "-c", _SEED_SCRIPT],
            env_variables={"PAGE_TITLE": kplus.EnvValue.from_value(title)},
            security_context=security,
            resources=resources,
        )
        seed.mount("/seed/etc-nginx", writable["/etc/nginx"])
        seed.mount("/seed/html", writable["/usr/share/nginx/html"])
        container = self._deployment.add_container(
            name="ui",
            image=image,
            image_pull_policy=_workload.pull_policy(image),
            ports=[kplus.ContainerPort(number=_UI_PORT, name="http")],
            env_variables={key: kplus.EnvValue.from_value(value) for key, value in env.items()},
            security_context=security,
            resources=resources,
            readiness=kplus.Probe.from_http_get("/", port=_UI_PORT, period_seconds=cdk8s.Duration.seconds(10)),
            liveness=kplus.Probe.from_http_get("/", port=_UI_PORT, period_seconds=cdk8s.Duration.seconds(20)),
            startup=kplus.Probe.from_http_get("/", port=_UI_PORT, period_seconds=cdk8s.Duration.seconds(2),
                                              failure_threshold=30),
        )
        for path, volume in {**writable, **scratch}.items():
            container.mount(path, volume)
        _workload.harden_pod(self._deployment, init_containers=1)
        pod._apply(self._deployment)

        self._service = kplus.Service(
            self, "Service",
            metadata=cdk8s.ApiObjectMetadata(name=base, labels=labels),
            ports=[kplus.ServicePort(port=_UI_PORT, target_port=_UI_PORT, name="http")],
            type=kplus.ServiceType.CLUSTER_IP,
        )
        _workload.select(self._deployment, self._service, labels)

        traefik = ingress.api_group.bindings
        middlewares: list[str] = []
        if security_headers:
            middlewares.append(traefik.Middleware(
                self, "SecurityHeaders",
                metadata=cdk8s.ApiObjectMetadata(name=f"{base}-security-headers"),
                spec=traefik.MiddlewareSpec(headers=traefik.MiddlewareSpecHeaders(
                    sts_seconds=31_536_000, sts_include_subdomains=True, content_type_nosniff=True,
                    frame_deny=True, referrer_policy="same-origin")),
            ).name)
        if host is None:
            middlewares.append(traefik.Middleware(
                self, "SlashRedirect",
                metadata=cdk8s.ApiObjectMetadata(name=f"{base}-slash-redirect"),
                spec=traefik.MiddlewareSpec(redirect_regex=traefik.MiddlewareSpecRedirectRegex(
                    # Only the bare prefix (with or without a query): its assets are relative, so /ui must become
                    # /ui/.
                    regex=f"^(https?://[^/]+{re.escape(path_prefix)})(\\?.*)?$", replacement="${1}/${2}",
                    permanent=True)),
            ).name)
            middlewares.append(traefik.Middleware(
                self, "StripPrefix",
                metadata=cdk8s.ApiObjectMetadata(name=f"{base}-strip-prefix"),
                spec=traefik.MiddlewareSpec(strip_prefix=traefik.MiddlewareSpecStripPrefix(prefixes=[path_prefix])),
            ).name)
        self._ingress_route = ingress.add_route(
            self, "Route", name=base, path_prefix=None if host else path_prefix, host=host,
            service_name=self._service.name, service_port=_UI_PORT, middlewares=middlewares, tls=route_tls,
        )

        if network_policy:
            _workload.network_policy(
                self, name=base, pod_labels=labels, port=_UI_PORT,
                ingress_controller=ingress_controller or PodPeer.k3s_traefik(),
                egress_ports=[registry.port] if proxy_registry else [],
            )

    @property
    def deployment(self) -> kplus.Deployment:
        """The UI's Deployment (construct id ``Resource``)."""
        return self._deployment

    @property
    def service(self) -> kplus.Service:
        """The UI's ClusterIP Service (construct id ``Service``)."""
        return self._service

    @property
    def ingress_route(self) -> cdk8s.ApiObject:
        """The IngressRoute for ``Host(...) && PathPrefix(path_prefix)`` (construct id ``Route``)."""
        return self._ingress_route

    @property
    def path_prefix(self) -> str:
        """The path the UI is served under on the registry's host (unused with its own ``host``)."""
        return self._path_prefix

    @property
    def url(self) -> str:
        """The UI's public URL."""
        return f"https://{self._host}/" if self._host else f"{self._ingress.url}{self._path_prefix}/"


def _route_tls(ingress: TraefikIngress, host: str | None, tls: IngressTls | None) -> IngressTls | None:
    """The certificate of the UI's route; None: the ingress's own (the registry's host)."""
    if host is None:
        if tls is not None:
            raise _validation.fail("tls", tls, "without host the UI is served under path_prefix on the registry's "
                                               "host, with the registry's certificate: give the UI its own host to "
                                               "give it its own certificate")
        return None
    if tls is not None:
        return tls
    if ingress.tls.secret_name is not None:
        raise _validation.fail("tls", tls, f"the registry's certificate comes from the Secret "
                                           f"{ingress.tls.secret_name!r}, for {ingress.host}, and a Secret for one "
                                           f"host does not cover another: pass the UI's own for {host}, "
                                           "tls=IngressTls.secret('<its Secret>'), or the same Secret if its "
                                           "certificate covers both names")
    # A resolver orders a certificate for each route's own host; Traefik's default certificate is the same for all.
    return ingress.tls


def _bool(value: bool) -> str:
    return "true" if value else "false"
