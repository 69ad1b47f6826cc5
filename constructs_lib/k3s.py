"""k3s's bundled Traefik, set up for the registry: an ACME certificate resolver (Let's Encrypt) whose ``acme.json``
lives on a volume, and entry-point timeouts that let long uploads finish. One ``HelmChartConfig`` for k3s's
helm-controller.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import re
import urllib.parse

import cdk8s
from constructs import Construct

from . import _atomic, _collisions, _helm, _typecheck, _validation
from .ingress import IngressTls

__all__ = ["ACME_STORAGE_PATH", "AcmeChallenge", "AcmeServer", "K3sTraefik", "K3sTraefikChart"]

#: Where the chart mounts the persistent volume (its ``persistence.path``) and where Traefik keeps its ACME account and
#: certificates.
_DATA_PATH = "/data"
ACME_STORAGE_PATH = f"{_DATA_PATH}/acme.json"
#: The group k3s's Traefik runs as (the chart's podSecurityContext runs it as uid and gid 65532).
_TRAEFIK_GID = 65532
#: The entry points of the Traefik chart (and so of k3s): plain HTTP on port 80, HTTPS on port 443.
_HTTP_ENTRY_POINT = "web"
_HTTPS_ENTRY_POINT = "websecure"
_LETS_ENCRYPT = "https://acme-v02.api.letsencrypt.org/directory"
_LETS_ENCRYPT_STAGING = "https://acme-staging-v02.api.letsencrypt.org/directory"
_MAX_TIMEOUT_SECONDS = 86_400
_MAX_STORAGE_MIB = 10_240

_RESOLVER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
# No '$' (Kubernetes rewrites '$$' and '$(VAR)' in container arguments) and no quotes or spaces: the address ends up
# in a command-line flag.
_EMAIL = re.compile(
    r"^[A-Za-z0-9_%+'-]+(?:\.[A-Za-z0-9_%+'-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"
)


class AcmeChallenge(enum.Enum):
    """How the ACME server checks that this Traefik answers for a host before it issues the host's certificate."""

    #: TLS-ALPN-01: the ACME server opens a TLS connection to port 443 (entry point ``websecure``). Needs nothing on
    #: port 80, and no TLS-terminating proxy or CDN in front of Traefik.
    TLS_ALPN_01 = "tls-alpn-01"
    #: HTTP-01: the ACME server fetches ``http://<host>/.well-known/acme-challenge/...`` on port 80 (entry point
    #: ``web``), which Traefik answers before any route (an HTTP-to-HTTPS redirect does not get in the way).
    HTTP_01 = "http-01"

    def _flags(self, prefix: str) -> list[str]:
        if self is AcmeChallenge.TLS_ALPN_01:
            return [f"{prefix}.tlschallenge=true"]
        return [f"{prefix}.httpchallenge=true", f"{prefix}.httpchallenge.entrypoint={_HTTP_ENTRY_POINT}"]


@dataclasses.dataclass(frozen=True)
class AcmeServer:
    """The ACME directory Traefik orders certificates from. Use a factory: :meth:`lets_encrypt`,
    :meth:`lets_encrypt_staging` or :meth:`of`."""

    #: The directory URL (https).
    url: str

    def __post_init__(self) -> None:
        _check_directory_url("url", self.url)

    @classmethod
    @_typecheck.typechecked
    def lets_encrypt(cls) -> AcmeServer:
        """Let's Encrypt: certificates every client trusts (rate limits apply, e.g. 5 failed validations per host
        and hour)."""
        return cls(_LETS_ENCRYPT)

    @classmethod
    @_typecheck.typechecked
    def lets_encrypt_staging(cls) -> AcmeServer:
        """Let's Encrypt's staging environment: much higher rate limits, certificates no client trusts. Use it to try
        the setup, then switch to :meth:`lets_encrypt` and delete ``acme.json`` from the volume: Traefik would go on
        serving the staging certificates it stored there until they are due for renewal."""
        return cls(_LETS_ENCRYPT_STAGING)

    @classmethod
    @_typecheck.typechecked
    def of(cls, url: str) -> AcmeServer:
        """Another ACME server's directory, e.g. a private CA (step-ca, Vault's PKI engine) or Let's Encrypt's test
        CA pebble. Traefik must trust the server's own HTTPS certificate: a private CA's root goes into the Traefik pod
        (e.g. the chart's ``env`` value ``LEGO_CA_CERTIFICATES`` naming a mounted file), which this construct does not
        do.

        :param url: the directory URL, ``https://host[:port]/path``, like ``"https://ca.internal:9000/acme/acme/directory"``.
        """
        return cls(url)

    def __repr__(self) -> str:
        factories = {_LETS_ENCRYPT: "AcmeServer.lets_encrypt()",
                     _LETS_ENCRYPT_STAGING: "AcmeServer.lets_encrypt_staging()"}
        return factories.get(self.url, f"AcmeServer.of({self.url!r})")


@dataclasses.dataclass(frozen=True)
class _Settings:
    """The checked options, and what they become: Traefik's command-line flags and the chart's values."""

    acme_email: str
    resolver_name: str
    acme_challenge: AcmeChallenge
    acme_server: AcmeServer
    storage_size_mib: int
    storage_class: str | None
    read_timeout_seconds: int
    write_timeout_seconds: int | None
    idle_timeout_seconds: int

    @classmethod
    @_typecheck.typechecked
    def checked(
        cls,
        *,
        acme_email: str,
        resolver_name: str,
        acme_challenge: AcmeChallenge,
        acme_server: AcmeServer | None,
        storage_size_mib: int,
        storage_class: str | None,
        read_timeout_seconds: int,
        write_timeout_seconds: int | None,
        idle_timeout_seconds: int,
    ) -> _Settings:
        if not isinstance(acme_email, str) or len(acme_email) > 254 or not _EMAIL.fullmatch(acme_email):
            raise _validation.fail(
                "acme_email", acme_email,
                "an e-mail address is local@domain: a local part of letters, digits and '.', '_', '%', '+', \"'\", '-' "
                "(no leading, trailing or double dot), and a domain with a dot, like 'admin@registry.example.org'")
        if not isinstance(resolver_name, str) or not _RESOLVER_NAME.fullmatch(resolver_name):
            raise _validation.fail(
                "resolver_name", resolver_name,
                "a certificate resolver name has letters, digits, '-' or '_', starting with a letter or digit (it is "
                "part of Traefik's flag names, so no '.')")
        if not isinstance(acme_challenge, AcmeChallenge):
            raise _validation.fail("acme_challenge", acme_challenge,
                                   "give AcmeChallenge.TLS_ALPN_01 or AcmeChallenge.HTTP_01")
        if acme_server is not None and not isinstance(acme_server, AcmeServer):
            raise _validation.fail("acme_server", acme_server, "give AcmeServer.lets_encrypt(), "
                                   "AcmeServer.lets_encrypt_staging() or AcmeServer.of(url)")
        _validation.check_int_range("storage_size_mib", storage_size_mib, 1, _MAX_STORAGE_MIB,
                                    " (MiB; acme.json takes a few KiB per certificate)")
        if storage_class is not None:
            _validation.check_dns1123_subdomain("storage_class", storage_class)
        _validation.check_int_range(
            "read_timeout_seconds", read_timeout_seconds, 1, _MAX_TIMEOUT_SECONDS,
            " (seconds; no limit is refused: Traefik 3 has no separate header timeout, so a client could hold a "
            "connection open for ever by sending its headers slowly)")
        if write_timeout_seconds is not None:
            _validation.check_int_range("write_timeout_seconds", write_timeout_seconds, 1, _MAX_TIMEOUT_SECONDS,
                                        " (seconds), or None for no limit")
            if write_timeout_seconds < read_timeout_seconds:
                raise _validation.fail(
                    "write_timeout_seconds", write_timeout_seconds,
                    f"it must be at least read_timeout_seconds ({read_timeout_seconds}): the write deadline runs from "
                    "the end of the request's headers, so the answer to an upload that took longer could not be sent")
        _validation.check_int_range("idle_timeout_seconds", idle_timeout_seconds, 1, _MAX_TIMEOUT_SECONDS,
                                    " (seconds)")
        return cls(
            acme_email=acme_email, resolver_name=resolver_name, acme_challenge=acme_challenge,
            acme_server=acme_server if acme_server is not None else AcmeServer.lets_encrypt(),
            storage_size_mib=storage_size_mib, storage_class=storage_class,
            read_timeout_seconds=read_timeout_seconds, write_timeout_seconds=write_timeout_seconds,
            idle_timeout_seconds=idle_timeout_seconds,
        )

    def additional_arguments(self) -> tuple[str, ...]:
        """Traefik's static configuration as command-line flags, in a fixed order: the resolver, then the timeouts
        of ``websecure`` and ``web``."""
        resolver = f"--certificatesresolvers.{self.resolver_name}.acme"
        arguments = [
            f"{resolver}.email={self.acme_email}",
            f"{resolver}.storage={ACME_STORAGE_PATH}",
            f"{resolver}.caserver={self.acme_server.url}",
            *self.acme_challenge._flags(resolver),
        ]
        write = self.write_timeout_seconds if self.write_timeout_seconds is not None else 0  # Traefik: 0 = no limit
        for entry_point in (_HTTPS_ENTRY_POINT, _HTTP_ENTRY_POINT):
            timeouts = f"--entryPoints.{entry_point}.transport.respondingTimeouts"
            arguments += [
                f"{timeouts}.readTimeout={self.read_timeout_seconds}s",
                f"{timeouts}.writeTimeout={write}s",
                f"{timeouts}.idleTimeout={self.idle_timeout_seconds}s",
            ]
        return tuple(arguments)

    def chart_values(self) -> dict[str, object]:
        """The Traefik Helm chart values: the flags, and what the chart itself must render (the claim, its mount, the
        pod's group and the update strategy)."""
        persistence: dict[str, object] = {
            "enabled": True,
            "accessMode": "ReadWriteOnce",
            "size": f"{self.storage_size_mib}Mi",
            "path": _DATA_PATH,
        }
        if self.storage_class is not None:
            persistence["storageClass"] = self.storage_class
        return {
            "additionalArguments": list(self.additional_arguments()),
            "persistence": persistence,
            # The volume's root becomes group-writable for Traefik's group on its first mount only: with the default
            # policy (Always) the kubelet would make acme.json 0660 at every start, and Traefik refuses a file that is
            # readable by others than its owner.
            "podSecurityContext": {"fsGroup": _TRAEFIK_GID, "fsGroupChangePolicy": "OnRootMismatch"},
            # The old pod stops before the new one starts: a ReadWriteOnce claim attaches to one node only, and
            # acme.json must have one writer.
            "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 0, "maxUnavailable": 1}},
        }

    def values_content(self) -> str:
        # JSON is YAML: helm reads it as is, and sorted keys with fixed indentation give the same text every synth.
        return json.dumps(self.chart_values(), indent=2, sort_keys=True)


class K3sTraefik(Construct):
    """k3s's bundled Traefik, configured for the registry through a ``HelmChartConfig`` named ``traefik`` in
    ``kube-system`` (k3s's helm-controller merges its ``valuesContent`` into the values of the Traefik chart it
    installs, and upgrades Traefik when it changes). Opt-in: deploy it once per cluster, in any chart.

    It gives Traefik:

    - an ACME certificate resolver named ``resolver_name``, the name the registry's IngressRoutes ask for
      (:attr:`ingress_tls`), which orders certificates from ``acme_server`` with ``acme_challenge``.
    - its ``acme.json`` (the ACME account and the certificates) on a ReadWriteOnce PersistentVolumeClaim of the chart,
      mounted at ``/data``, so certificates survive restarts and Let's Encrypt's rate limits are not spent again;
      the pod's ``fsGroup`` (65532, Traefik's group) with ``fsGroupChangePolicy: OnRootMismatch`` makes a fresh volume
      writable for the non-root Traefik without the kubelet turning ``acme.json`` to 0660 at every start (Traefik
      refuses an ``acme.json`` that is not 0600); k3s's default ``local-path`` class makes its folders 0777 and
      ignores ``fsGroup``, which works too. The update strategy stops the old pod before the new one starts
      (``maxSurge: 0``, ``maxUnavailable: 1``): a ReadWriteOnce claim attaches to one node only, and ``acme.json``
      must have a single writer; so each change of Traefik's values or version costs a few seconds without ingress.
      Traefik must stay at one replica (k3s's default; the chart refuses ACME flags in ``additionalArguments`` with
      more).
    - responding timeouts on the ``websecure`` and ``web`` entry points that let a long upload finish: Traefik
      >= 2.11.2 reads a whole request, body included, within ``readTimeout`` (60 s by default), and a registry layer
      upload is one request.

    Traefik's static settings go into the chart's ``additionalArguments`` as command-line flags
    (:attr:`additional_arguments`); only the claim, its mount, the pod's group and the update strategy use other chart
    values. A cluster has one ``HelmChartConfig`` ``kube-system/traefik``: applying this one replaces one you may
    already have (and its settings), and the flags replace any ``additionalArguments`` of k3s's own values. The values
    are JSON (which is YAML) in ``spec.valuesContent``, the same text at every synth.

    Children: ``Resource`` (the HelmChartConfig, :attr:`helm_chart_config`).
    """

    @_atomic.atomic
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        acme_email: str,
        resolver_name: str = "letsencrypt",
        acme_challenge: AcmeChallenge = AcmeChallenge.TLS_ALPN_01,
        acme_server: AcmeServer | None = None,
        storage_size_mib: int = 128,
        storage_class: str | None = None,
        read_timeout_seconds: int = 3600,
        write_timeout_seconds: int | None = None,
        idle_timeout_seconds: int = 180,
    ) -> None:
        """
        :param acme_email: the ACME account's contact address (Let's Encrypt may write there about the account).
        :param resolver_name: the certificate resolver's name, which IngressRoutes name in ``tls.certResolver``.
            Default: ``"letsencrypt"`` (what ``IngressTls.cert_resolver()`` and so the registry's routes use).
        :param acme_challenge: how the ACME server validates a host. Default: ``AcmeChallenge.TLS_ALPN_01`` (port 443
            only).
        :param acme_server: where certificates come from. Default: ``AcmeServer.lets_encrypt()`` (production).
        :param storage_size_mib: the size of the claim for ``acme.json``, in MiB, from 1 to 10240. Default: 128 (the
            chart's; ``acme.json`` takes a few KiB per certificate, and classes with a larger minimum round it up).
        :param storage_class: the claim's StorageClass. Default: the cluster's default class (k3s: ``local-path``).
        :param read_timeout_seconds: how long Traefik reads one request, headers and body, on ``websecure`` and
            ``web``, from 1 to 86400. Default: 3600 (one hour: a 4 GiB layer at 10 Mbit/s, or 40 GiB at 100 Mbit/s;
            Traefik's own 60 s cuts any layer that takes longer to upload). It is also how long a client may take to
            send its headers, since Traefik 3 has no separate header timeout (``readHeaderTimeout`` does not exist):
            lower it if slow clients holding connections worry you more than big layers.
        :param write_timeout_seconds: how long Traefik may take from the end of a request's headers to the end of its
            response on ``websecure`` and ``web`` (a pull's download; an upload's whole body too, since the answer comes
            after it), at least ``read_timeout_seconds``; ``None`` sets no limit. Default: no limit (Traefik's own
            default, ``0``), so big pulls are never cut.
        :param idle_timeout_seconds: how long a kept-alive connection may wait for its next request, from 1 to 86400
            (it never cuts a request in progress). Default: 180 (Traefik's own default, set explicitly).
        """
        settings = _Settings.checked(
            acme_email=acme_email, resolver_name=resolver_name, acme_challenge=acme_challenge,
            acme_server=acme_server, storage_size_mib=storage_size_mib, storage_class=storage_class,
            read_timeout_seconds=read_timeout_seconds, write_timeout_seconds=write_timeout_seconds,
            idle_timeout_seconds=idle_timeout_seconds,
        )
        ingress_tls = IngressTls.cert_resolver(settings.resolver_name)
        super().__init__(scope, id)
        _collisions.register(self)
        self._settings = settings
        self._ingress_tls = ingress_tls
        helm = _helm.helm_cattle_io
        # An explicit namespace: k3s only reads the HelmChartConfig named `traefik` in `kube-system`, whatever the
        # namespace of the chart this construct is in.
        self._helm_chart_config: cdk8s.ApiObject = helm.HelmChartConfig(
            self, "Resource",
            metadata=cdk8s.ApiObjectMetadata(name="traefik", namespace="kube-system"),
            spec=helm.HelmChartConfigSpec(values_content=settings.values_content()),
        )

    @property
    def helm_chart_config(self) -> cdk8s.ApiObject:
        """The ``HelmChartConfig`` ``kube-system/traefik`` (construct id ``Resource``)."""
        return self._helm_chart_config

    @property
    def additional_arguments(self) -> tuple[str, ...]:
        """The Traefik command-line flags in the chart's ``additionalArguments``, in order: the resolver's e-mail,
        storage (``/data/acme.json``), ACME server and challenge, then ``readTimeout``, ``writeTimeout`` and
        ``idleTimeout`` of ``websecure``, then of ``web``."""
        return self._settings.additional_arguments()

    @property
    def ingress_tls(self) -> IngressTls:
        """TLS from this resolver, for the registry's routes: ``RegistryChart(..., tls=traefik.ingress_tls)``."""
        return self._ingress_tls

    @property
    def resolver_name(self) -> str:
        """The certificate resolver's name."""
        return self._settings.resolver_name


class K3sTraefikChart(cdk8s.Chart):
    """A chart holding only :class:`K3sTraefik` (child id ``Traefik``, :attr:`traefik`; its TLS for the registry's
    routes as :attr:`ingress_tls` too): Traefik's configuration is the cluster's, so it can be synthesized and applied
    apart from the registry's chart. It has no namespace of its own (the HelmChartConfig names ``kube-system``)."""

    @_atomic.atomic
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        acme_email: str,
        resolver_name: str = "letsencrypt",
        acme_challenge: AcmeChallenge = AcmeChallenge.TLS_ALPN_01,
        acme_server: AcmeServer | None = None,
        storage_size_mib: int = 128,
        storage_class: str | None = None,
        read_timeout_seconds: int = 3600,
        write_timeout_seconds: int | None = None,
        idle_timeout_seconds: int = 180,
    ) -> None:
        # The docstring is K3sTraefik's (set below the class): the same options and defaults.
        # Refused before the chart exists, so a refused chart leaves nothing behind.
        _Settings.checked(
            acme_email=acme_email, resolver_name=resolver_name, acme_challenge=acme_challenge,
            acme_server=acme_server, storage_size_mib=storage_size_mib, storage_class=storage_class,
            read_timeout_seconds=read_timeout_seconds, write_timeout_seconds=write_timeout_seconds,
            idle_timeout_seconds=idle_timeout_seconds,
        )
        super().__init__(scope, id)
        self._traefik = K3sTraefik(
            self, "Traefik", acme_email=acme_email, resolver_name=resolver_name, acme_challenge=acme_challenge,
            acme_server=acme_server, storage_size_mib=storage_size_mib, storage_class=storage_class,
            read_timeout_seconds=read_timeout_seconds, write_timeout_seconds=write_timeout_seconds,
            idle_timeout_seconds=idle_timeout_seconds,
        )

    @property
    def traefik(self) -> K3sTraefik:
        """The Traefik configuration (construct id ``Traefik``)."""
        return self._traefik

    @property
    def ingress_tls(self) -> IngressTls:
        """:attr:`K3sTraefik.ingress_tls` of :attr:`traefik`: ``RegistryChart(..., tls=k3s.ingress_tls)``."""
        return self._traefik.ingress_tls


K3sTraefikChart.__init__.__doc__ = "The options of :class:`K3sTraefik`, with the same defaults.\n" + (
    K3sTraefik.__init__.__doc__ or "")


def _check_directory_url(parameter: str, url: str) -> None:
    shown = _validation.without_credentials(url) if isinstance(url, str) else url
    rule = ("an ACME directory URL is https://host[:port]/path with no user, password or #fragment, like "
            f"{_LETS_ENCRYPT!r}")
    if not isinstance(url, str) or any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in url):
        raise _validation.fail(parameter, shown, rule)
    parts = urllib.parse.urlsplit(url)
    try:
        _ = parts.port  # a port that is not a number from 0 to 65535 raises
    except ValueError:
        raise _validation.fail(parameter, shown, rule) from None
    if parts.scheme == "http":
        raise _validation.fail(parameter, shown, "ACME runs over HTTPS only (RFC 8555): use https://, and have Traefik "
                                               "trust a private CA's certificate")
    if parts.scheme != "https" or not parts.hostname or parts.username is not None or parts.password is not None \
            or parts.fragment:
        raise _validation.fail(parameter, shown, rule)
