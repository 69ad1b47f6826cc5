"""How the constructs meet: small protocols instead of concrete classes.

- An ingress publishes a :class:`RegistryEndpoint`: a Service name and port in a namespace (and the facts a UI needs).
  :class:`~constructs_lib.registry.Registry` is one; :class:`ServiceEndpoint` describes any other (a registry made
  elsewhere).
- The UI is published through a :class:`UiRoute`: :class:`~constructs_lib.ingress.TraefikIngress` is one; an
  application can bring its own (another ingress controller, a Gateway).

Pure Python: no cdk8s, no jsii.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from . import _typecheck, _validation
from .access import AccessControl

if TYPE_CHECKING:
    import cdk8s
    from constructs import Construct

__all__ = ["RegistryEndpoint", "ServiceEndpoint", "UiRoute", "registry_access"]


@runtime_checkable
class RegistryEndpoint(Protocol):
    """A registry as an ingress and a UI reach it.

    An endpoint may also have an ``access`` attribute: an :class:`~constructs_lib.access.AccessControl` its ingress
    must enforce (:class:`~constructs_lib.registry.Registry` has one; read it with :func:`registry_access`). It is
    not a member of the protocol, so endpoints written before it keep working.
    """

    @property
    def service_name(self) -> str:
        """The name of the registry's Service (also the base of the names an ingress derives)."""

    @property
    def service_port(self) -> int:
        """The Service's port."""

    @property
    def namespace(self) -> str | None:
        """The Service's namespace; None: the namespace of whoever reaches it."""

    @property
    def cors_origin(self) -> str | None:
        """The one browser origin the registry allows by CORS (an ingress answers its preflights), or None."""

    @property
    def auth_required(self) -> bool:
        """Whether the registry asks for credentials (the UI then sends them)."""

    @property
    def delete_enabled(self) -> bool:
        """Whether the registry accepts deletes (the UI offers deleting only then)."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class ServiceEndpoint:
    """A :class:`RegistryEndpoint` given by its facts, for a registry this library did not create. Create it with
    :meth:`of`."""

    service_name: str
    service_port: int
    namespace: str | None
    cors_origin: str | None
    auth_required: bool
    delete_enabled: bool
    #: The access control the ingress enforces (see :class:`RegistryEndpoint`), or None.
    access: AccessControl | None = None

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        _validation.check_dns1035_label("service_name", self.service_name)
        _validation.check_port("service_port", self.service_port)
        if self.namespace is not None:
            _validation.check_dns1123_label("namespace", self.namespace)
        if self.cors_origin is not None:
            _validation.check_origin("cors_origin", self.cors_origin)

    @classmethod
    def of(cls, service_name: str, service_port: int, *, namespace: str | None = None,
           cors_origin: str | None = None, auth_required: bool = True,
           delete_enabled: bool = False, access: AccessControl | None = None) -> ServiceEndpoint:
        """
        :param service_name: the registry's Service.
        :param service_port: its port.
        :param namespace: its namespace. Default: the namespace of whoever reaches it.
        :param cors_origin: the browser origin the registry allows by CORS. Default: none.
        :param auth_required: the registry asks for credentials. Default: ``True``.
        :param delete_enabled: the registry accepts deletes. Default: ``False``.
        :param access: the access control the ingress must enforce, for a registry without auth of its own that
            only the ingress can reach (:class:`~constructs_lib.access.AccessControl`). Default: none.
        """
        _typecheck.check_arguments(cls.of, {
            "service_name": service_name, "service_port": service_port, "namespace": namespace,
            "cors_origin": cors_origin, "auth_required": auth_required, "delete_enabled": delete_enabled,
            "access": access})
        _validation.check_dns1035_label("service_name", service_name)
        _validation.check_port("service_port", service_port)
        if namespace is not None:
            _validation.check_dns1123_label("namespace", namespace)
        if cors_origin is not None:
            _validation.check_origin("cors_origin", cors_origin)
        return cls(service_name=service_name, service_port=service_port, namespace=namespace,
                   cors_origin=cors_origin, auth_required=auth_required, delete_enabled=delete_enabled,
                   access=access)


@runtime_checkable
class UiRoute(Protocol):
    """Where a registry and its UI are published: the registry's public host, and a way to route the UI's Service
    under a path of that host or on a host of its own."""

    @property
    def registry(self) -> RegistryEndpoint:
        """The registry this route publishes."""

    @property
    def host(self) -> str:
        """The registry's public hostname."""

    @property
    def url(self) -> str:
        """The registry's public URL (``https://<host>``): what the browser calls."""

    def check_ui_route(self, *, path_prefix: str | None, host: str | None, tls: object | None) -> None:
        """Raise ValueError (naming the parameter, the value and the rule) if this route cannot publish the UI so.
        Runs before the UI creates anything.

        :param path_prefix: the UI's path on the registry's host, or None on its own host.
        :param host: the UI's own host, or None.
        :param tls: the UI's own certificate, or None.
        """

    def add_ui_route(self, scope: Construct, *, name: str, service_name: str, service_port: int,
                     path_prefix: str | None, host: str | None, tls: object | None,
                     security_headers: bool) -> cdk8s.ApiObject:
        """Create, in ``scope``, what routes the UI's Service. Under a path, the bare path redirects to itself with a
        slash and the prefix is stripped before the UI. Returns the route.

        :param name: the base of their names.
        :param service_name: the UI's Service.
        :param service_port: its port.
        :param path_prefix: the UI's path on the registry's host, or None on its own host.
        :param host: the UI's own host, or None.
        :param tls: the UI's own certificate, or None.
        :param security_headers: add HSTS, ``nosniff``, frame denial and a same-origin referrer policy.
        """


def registry_access(endpoint: RegistryEndpoint) -> AccessControl | None:
    """The access control an endpoint's ingress must enforce: its ``access`` attribute, or None without one."""
    access = getattr(endpoint, "access", None)
    _typecheck.check_type("registry.access", access, AccessControl | None)
    return access
