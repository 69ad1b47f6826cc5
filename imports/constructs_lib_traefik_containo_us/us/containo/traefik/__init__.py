from __future__ import annotations

from pkgutil import extend_path
__path__ = extend_path(__path__, __name__)

import abc
import builtins
import datetime
import enum
import typing

import jsii
import publication
import typing_extensions

from jsii._type_checking import cached_type_hints, check_type


from ._jsii import *

class _LazyImport:
    def __init__(self, module_name: str) -> None:
        self._module_name = module_name
        self._module: typing.Any = None
    def __getattr__(self, name: str) -> typing.Any:
        if self._module is None:
            import importlib
            self._module = importlib.import_module(self._module_name)
        return getattr(self._module, name)

if typing.TYPE_CHECKING:

    import cdk8s as _cdk8s_d3d9af27
    import constructs as _constructs_77d1e7e8
else:

    _cdk8s_d3d9af27 = _LazyImport("cdk8s")
    _constructs_77d1e7e8 = _LazyImport("constructs")


class IngressRoute(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRoute",
):
    '''IngressRoute is the CRD implementation of a Traefik HTTP Router.

    :schema: IngressRoute
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["IngressRouteSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> None:
        '''Defines a "IngressRoute" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: IngressRouteSpec defines the desired state of IngressRoute.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__1301944935491f2b50e19c8d3a5adfcaf17d6fc3fb76d11205a33d43fcc5d080)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = IngressRouteProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["IngressRouteSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "IngressRoute".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: IngressRouteSpec defines the desired state of IngressRoute.
        '''
        props = IngressRouteProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "IngressRoute".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class IngressRouteProps:
    def __init__(
        self,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["IngressRouteSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> None:
        '''IngressRoute is the CRD implementation of a Traefik HTTP Router.

        :param metadata: 
        :param spec: IngressRouteSpec defines the desired state of IngressRoute.

        :schema: IngressRoute
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = IngressRouteSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b96b99e29915dc589a2de2cbd3ecf3af20e08d4d253453d3f2b315d8e3df203a)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "metadata": metadata,
            "spec": spec,
        }

    @builtins.property
    def metadata(self) -> "_cdk8s_d3d9af27.ApiObjectMetadata":
        '''
        :schema: IngressRoute#metadata
        '''
        result = self._values.get("metadata")
        assert result is not None, "Required property 'metadata' is missing"
        return typing.cast("_cdk8s_d3d9af27.ApiObjectMetadata", result)

    @builtins.property
    def spec(self) -> "IngressRouteSpec":
        '''IngressRouteSpec defines the desired state of IngressRoute.

        :schema: IngressRoute#spec
        '''
        result = self._values.get("spec")
        assert result is not None, "Required property 'spec' is missing"
        return typing.cast("IngressRouteSpec", result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteSpec",
    jsii_struct_bases=[],
    name_mapping={"routes": "routes", "entry_points": "entryPoints", "tls": "tls"},
)
class IngressRouteSpec:
    def __init__(
        self,
        *,
        routes: typing.Sequence[typing.Union["IngressRouteSpecRoutes", typing.Dict[builtins.str, typing.Any]]],
        entry_points: typing.Optional[typing.Sequence[builtins.str]] = None,
        tls: typing.Optional[typing.Union["IngressRouteSpecTls", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''IngressRouteSpec defines the desired state of IngressRoute.

        :param routes: Routes defines the list of routes.
        :param entry_points: EntryPoints defines the list of entry point names to bind to. Entry points have to be configured in the static configuration. More info: https://doc.traefik.io/traefik/v2.11/routing/entrypoints/ Default: all.
        :param tls: TLS defines the TLS configuration. More info: https://doc.traefik.io/traefik/v2.11/routing/routers/#tls

        :schema: IngressRouteSpec
        '''
        if isinstance(tls, dict):
            tls = IngressRouteSpecTls(**tls)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__686d2a6dfd477b9308b39b5976822c7552943fa2af9b166db536fc0e8be2cc09)
            check_type(argname="argument routes", value=routes, expected_type=type_hints["routes"])
            check_type(argname="argument entry_points", value=entry_points, expected_type=type_hints["entry_points"])
            check_type(argname="argument tls", value=tls, expected_type=type_hints["tls"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "routes": routes,
        }
        if entry_points is not None:
            self._values["entry_points"] = entry_points
        if tls is not None:
            self._values["tls"] = tls

    @builtins.property
    def routes(self) -> typing.List["IngressRouteSpecRoutes"]:
        '''Routes defines the list of routes.

        :schema: IngressRouteSpec#routes
        '''
        result = self._values.get("routes")
        assert result is not None, "Required property 'routes' is missing"
        return typing.cast(typing.List["IngressRouteSpecRoutes"], result)

    @builtins.property
    def entry_points(self) -> typing.Optional[typing.List[builtins.str]]:
        '''EntryPoints defines the list of entry point names to bind to.

        Entry points have to be configured in the static configuration.
        More info: https://doc.traefik.io/traefik/v2.11/routing/entrypoints/
        Default: all.

        :schema: IngressRouteSpec#entryPoints
        '''
        result = self._values.get("entry_points")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def tls(self) -> typing.Optional["IngressRouteSpecTls"]:
        '''TLS defines the TLS configuration.

        More info: https://doc.traefik.io/traefik/v2.11/routing/routers/#tls

        :schema: IngressRouteSpec#tls
        '''
        result = self._values.get("tls")
        return typing.cast(typing.Optional["IngressRouteSpecTls"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteSpecRoutes",
    jsii_struct_bases=[],
    name_mapping={
        "kind": "kind",
        "match": "match",
        "middlewares": "middlewares",
        "priority": "priority",
        "services": "services",
    },
)
class IngressRouteSpecRoutes:
    def __init__(
        self,
        *,
        kind: "IngressRouteSpecRoutesKind",
        match: builtins.str,
        middlewares: typing.Optional[typing.Sequence[typing.Union["IngressRouteSpecRoutesMiddlewares", typing.Dict[builtins.str, typing.Any]]]] = None,
        priority: typing.Optional[jsii.Number] = None,
        services: typing.Optional[typing.Sequence[typing.Union["IngressRouteSpecRoutesServices", typing.Dict[builtins.str, typing.Any]]]] = None,
    ) -> None:
        '''Route holds the HTTP route configuration.

        :param kind: Kind defines the kind of the route. Rule is the only supported kind.
        :param match: Match defines the router's rule. More info: https://doc.traefik.io/traefik/v2.11/routing/routers/#rule
        :param middlewares: Middlewares defines the list of references to Middleware resources. More info: https://doc.traefik.io/traefik/v2.11/routing/providers/kubernetes-crd/#kind-middleware
        :param priority: Priority defines the router's priority. More info: https://doc.traefik.io/traefik/v2.11/routing/routers/#priority
        :param services: Services defines the list of Service. It can contain any combination of TraefikService and/or reference to a Kubernetes Service.

        :schema: IngressRouteSpecRoutes
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e3ab12c89a9c2bfa8a903813e1159a1e34a8c45f9e25b33c84e79971910e865a)
            check_type(argname="argument kind", value=kind, expected_type=type_hints["kind"])
            check_type(argname="argument match", value=match, expected_type=type_hints["match"])
            check_type(argname="argument middlewares", value=middlewares, expected_type=type_hints["middlewares"])
            check_type(argname="argument priority", value=priority, expected_type=type_hints["priority"])
            check_type(argname="argument services", value=services, expected_type=type_hints["services"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "kind": kind,
            "match": match,
        }
        if middlewares is not None:
            self._values["middlewares"] = middlewares
        if priority is not None:
            self._values["priority"] = priority
        if services is not None:
            self._values["services"] = services

    @builtins.property
    def kind(self) -> "IngressRouteSpecRoutesKind":
        '''Kind defines the kind of the route.

        Rule is the only supported kind.

        :schema: IngressRouteSpecRoutes#kind
        '''
        result = self._values.get("kind")
        assert result is not None, "Required property 'kind' is missing"
        return typing.cast("IngressRouteSpecRoutesKind", result)

    @builtins.property
    def match(self) -> builtins.str:
        '''Match defines the router's rule.

        More info: https://doc.traefik.io/traefik/v2.11/routing/routers/#rule

        :schema: IngressRouteSpecRoutes#match
        '''
        result = self._values.get("match")
        assert result is not None, "Required property 'match' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def middlewares(
        self,
    ) -> typing.Optional[typing.List["IngressRouteSpecRoutesMiddlewares"]]:
        '''Middlewares defines the list of references to Middleware resources.

        More info: https://doc.traefik.io/traefik/v2.11/routing/providers/kubernetes-crd/#kind-middleware

        :schema: IngressRouteSpecRoutes#middlewares
        '''
        result = self._values.get("middlewares")
        return typing.cast(typing.Optional[typing.List["IngressRouteSpecRoutesMiddlewares"]], result)

    @builtins.property
    def priority(self) -> typing.Optional[jsii.Number]:
        '''Priority defines the router's priority.

        More info: https://doc.traefik.io/traefik/v2.11/routing/routers/#priority

        :schema: IngressRouteSpecRoutes#priority
        '''
        result = self._values.get("priority")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def services(
        self,
    ) -> typing.Optional[typing.List["IngressRouteSpecRoutesServices"]]:
        '''Services defines the list of Service.

        It can contain any combination of TraefikService and/or reference to a Kubernetes Service.

        :schema: IngressRouteSpecRoutes#services
        '''
        result = self._values.get("services")
        return typing.cast(typing.Optional[typing.List["IngressRouteSpecRoutesServices"]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutes(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteSpecRoutesKind"
)
class IngressRouteSpecRoutesKind(enum.Enum):
    '''Kind defines the kind of the route.

    Rule is the only supported kind.

    :schema: IngressRouteSpecRoutesKind
    '''

    RULE = "RULE"
    '''Rule.'''


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteSpecRoutesMiddlewares",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "namespace": "namespace"},
)
class IngressRouteSpecRoutesMiddlewares:
    def __init__(
        self,
        *,
        name: builtins.str,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''MiddlewareRef is a reference to a Middleware resource.

        :param name: Name defines the name of the referenced Middleware resource.
        :param namespace: Namespace defines the namespace of the referenced Middleware resource.

        :schema: IngressRouteSpecRoutesMiddlewares
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__82d4a0c8f7ccf127f984f405399dd6dc8646106720e723a1042768cdb1916acc)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if namespace is not None:
            self._values["namespace"] = namespace

    @builtins.property
    def name(self) -> builtins.str:
        '''Name defines the name of the referenced Middleware resource.

        :schema: IngressRouteSpecRoutesMiddlewares#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''Namespace defines the namespace of the referenced Middleware resource.

        :schema: IngressRouteSpecRoutesMiddlewares#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutesMiddlewares(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteSpecRoutesServices",
    jsii_struct_bases=[],
    name_mapping={
        "name": "name",
        "kind": "kind",
        "namespace": "namespace",
        "native_lb": "nativeLb",
        "pass_host_header": "passHostHeader",
        "port": "port",
        "response_forwarding": "responseForwarding",
        "scheme": "scheme",
        "servers_transport": "serversTransport",
        "sticky": "sticky",
        "strategy": "strategy",
        "weight": "weight",
    },
)
class IngressRouteSpecRoutesServices:
    def __init__(
        self,
        *,
        name: builtins.str,
        kind: typing.Optional["IngressRouteSpecRoutesServicesKind"] = None,
        namespace: typing.Optional[builtins.str] = None,
        native_lb: typing.Optional[builtins.bool] = None,
        pass_host_header: typing.Optional[builtins.bool] = None,
        port: typing.Optional["IngressRouteSpecRoutesServicesPort"] = None,
        response_forwarding: typing.Optional[typing.Union["IngressRouteSpecRoutesServicesResponseForwarding", typing.Dict[builtins.str, typing.Any]]] = None,
        scheme: typing.Optional[builtins.str] = None,
        servers_transport: typing.Optional[builtins.str] = None,
        sticky: typing.Optional[typing.Union["IngressRouteSpecRoutesServicesSticky", typing.Dict[builtins.str, typing.Any]]] = None,
        strategy: typing.Optional[builtins.str] = None,
        weight: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''Service defines an upstream HTTP service to proxy traffic to.

        :param name: Name defines the name of the referenced Kubernetes Service or TraefikService. The differentiation between the two is specified in the Kind field.
        :param kind: Kind defines the kind of the Service.
        :param namespace: Namespace defines the namespace of the referenced Kubernetes Service or TraefikService.
        :param native_lb: NativeLB controls, when creating the load-balancer, whether the LB's children are directly the pods IPs or if the only child is the Kubernetes Service clusterIP. The Kubernetes Service itself does load-balance to the pods. By default, NativeLB is false.
        :param pass_host_header: PassHostHeader defines whether the client Host header is forwarded to the upstream Kubernetes Service. By default, passHostHeader is true.
        :param port: Port defines the port of a Kubernetes Service. This can be a reference to a named port.
        :param response_forwarding: ResponseForwarding defines how Traefik forwards the response from the upstream Kubernetes Service to the client.
        :param scheme: Scheme defines the scheme to use for the request to the upstream Kubernetes Service. It defaults to https when Kubernetes Service port is 443, http otherwise.
        :param servers_transport: ServersTransport defines the name of ServersTransport resource to use. It allows to configure the transport between Traefik and your servers. Can only be used on a Kubernetes Service.
        :param sticky: Sticky defines the sticky sessions configuration. More info: https://doc.traefik.io/traefik/v2.11/routing/services/#sticky-sessions
        :param strategy: Strategy defines the load balancing strategy between the servers. RoundRobin is the only supported value at the moment.
        :param weight: Weight defines the weight and should only be specified when Name references a TraefikService object (and to be precise, one that embeds a Weighted Round Robin).

        :schema: IngressRouteSpecRoutesServices
        '''
        if isinstance(response_forwarding, dict):
            response_forwarding = IngressRouteSpecRoutesServicesResponseForwarding(**response_forwarding)
        if isinstance(sticky, dict):
            sticky = IngressRouteSpecRoutesServicesSticky(**sticky)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b55b49383d3d398a63680be8c9c4f48604333ede72113983aa85f3b105fbb66f)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument kind", value=kind, expected_type=type_hints["kind"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
            check_type(argname="argument native_lb", value=native_lb, expected_type=type_hints["native_lb"])
            check_type(argname="argument pass_host_header", value=pass_host_header, expected_type=type_hints["pass_host_header"])
            check_type(argname="argument port", value=port, expected_type=type_hints["port"])
            check_type(argname="argument response_forwarding", value=response_forwarding, expected_type=type_hints["response_forwarding"])
            check_type(argname="argument scheme", value=scheme, expected_type=type_hints["scheme"])
            check_type(argname="argument servers_transport", value=servers_transport, expected_type=type_hints["servers_transport"])
            check_type(argname="argument sticky", value=sticky, expected_type=type_hints["sticky"])
            check_type(argname="argument strategy", value=strategy, expected_type=type_hints["strategy"])
            check_type(argname="argument weight", value=weight, expected_type=type_hints["weight"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if kind is not None:
            self._values["kind"] = kind
        if namespace is not None:
            self._values["namespace"] = namespace
        if native_lb is not None:
            self._values["native_lb"] = native_lb
        if pass_host_header is not None:
            self._values["pass_host_header"] = pass_host_header
        if port is not None:
            self._values["port"] = port
        if response_forwarding is not None:
            self._values["response_forwarding"] = response_forwarding
        if scheme is not None:
            self._values["scheme"] = scheme
        if servers_transport is not None:
            self._values["servers_transport"] = servers_transport
        if sticky is not None:
            self._values["sticky"] = sticky
        if strategy is not None:
            self._values["strategy"] = strategy
        if weight is not None:
            self._values["weight"] = weight

    @builtins.property
    def name(self) -> builtins.str:
        '''Name defines the name of the referenced Kubernetes Service or TraefikService.

        The differentiation between the two is specified in the Kind field.

        :schema: IngressRouteSpecRoutesServices#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def kind(self) -> typing.Optional["IngressRouteSpecRoutesServicesKind"]:
        '''Kind defines the kind of the Service.

        :schema: IngressRouteSpecRoutesServices#kind
        '''
        result = self._values.get("kind")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesKind"], result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''Namespace defines the namespace of the referenced Kubernetes Service or TraefikService.

        :schema: IngressRouteSpecRoutesServices#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def native_lb(self) -> typing.Optional[builtins.bool]:
        '''NativeLB controls, when creating the load-balancer, whether the LB's children are directly the pods IPs or if the only child is the Kubernetes Service clusterIP.

        The Kubernetes Service itself does load-balance to the pods.
        By default, NativeLB is false.

        :schema: IngressRouteSpecRoutesServices#nativeLB
        '''
        result = self._values.get("native_lb")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def pass_host_header(self) -> typing.Optional[builtins.bool]:
        '''PassHostHeader defines whether the client Host header is forwarded to the upstream Kubernetes Service.

        By default, passHostHeader is true.

        :schema: IngressRouteSpecRoutesServices#passHostHeader
        '''
        result = self._values.get("pass_host_header")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def port(self) -> typing.Optional["IngressRouteSpecRoutesServicesPort"]:
        '''Port defines the port of a Kubernetes Service.

        This can be a reference to a named port.

        :schema: IngressRouteSpecRoutesServices#port
        '''
        result = self._values.get("port")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesPort"], result)

    @builtins.property
    def response_forwarding(
        self,
    ) -> typing.Optional["IngressRouteSpecRoutesServicesResponseForwarding"]:
        '''ResponseForwarding defines how Traefik forwards the response from the upstream Kubernetes Service to the client.

        :schema: IngressRouteSpecRoutesServices#responseForwarding
        '''
        result = self._values.get("response_forwarding")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesResponseForwarding"], result)

    @builtins.property
    def scheme(self) -> typing.Optional[builtins.str]:
        '''Scheme defines the scheme to use for the request to the upstream Kubernetes Service.

        It defaults to https when Kubernetes Service port is 443, http otherwise.

        :schema: IngressRouteSpecRoutesServices#scheme
        '''
        result = self._values.get("scheme")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def servers_transport(self) -> typing.Optional[builtins.str]:
        '''ServersTransport defines the name of ServersTransport resource to use.

        It allows to configure the transport between Traefik and your servers.
        Can only be used on a Kubernetes Service.

        :schema: IngressRouteSpecRoutesServices#serversTransport
        '''
        result = self._values.get("servers_transport")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def sticky(self) -> typing.Optional["IngressRouteSpecRoutesServicesSticky"]:
        '''Sticky defines the sticky sessions configuration.

        More info: https://doc.traefik.io/traefik/v2.11/routing/services/#sticky-sessions

        :schema: IngressRouteSpecRoutesServices#sticky
        '''
        result = self._values.get("sticky")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesSticky"], result)

    @builtins.property
    def strategy(self) -> typing.Optional[builtins.str]:
        '''Strategy defines the load balancing strategy between the servers.

        RoundRobin is the only supported value at the moment.

        :schema: IngressRouteSpecRoutesServices#strategy
        '''
        result = self._values.get("strategy")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def weight(self) -> typing.Optional[jsii.Number]:
        '''Weight defines the weight and should only be specified when Name references a TraefikService object (and to be precise, one that embeds a Weighted Round Robin).

        :schema: IngressRouteSpecRoutesServices#weight
        '''
        result = self._values.get("weight")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutesServices(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteSpecRoutesServicesKind"
)
class IngressRouteSpecRoutesServicesKind(enum.Enum):
    '''Kind defines the kind of the Service.

    :schema: IngressRouteSpecRoutesServicesKind
    '''

    SERVICE = "SERVICE"
    '''Service.'''
    TRAEFIK_SERVICE = "TRAEFIK_SERVICE"
    '''TraefikService.'''


class IngressRouteSpecRoutesServicesPort(
    metaclass=jsii.JSIIMeta,
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteSpecRoutesServicesPort",
):
    '''Port defines the port of a Kubernetes Service.

    This can be a reference to a named port.

    :schema: IngressRouteSpecRoutesServicesPort
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(cls, value: jsii.Number) -> "IngressRouteSpecRoutesServicesPort":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__99894a27c784e667fbf57245e108d73b4d673deaff11182126bca26d435422e1)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("IngressRouteSpecRoutesServicesPort", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(cls, value: builtins.str) -> "IngressRouteSpecRoutesServicesPort":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__1c6470fa417a25190b02285eb47c52a17acb2a9206b1b8cd923ea828448c028c)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("IngressRouteSpecRoutesServicesPort", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteSpecRoutesServicesResponseForwarding",
    jsii_struct_bases=[],
    name_mapping={"flush_interval": "flushInterval"},
)
class IngressRouteSpecRoutesServicesResponseForwarding:
    def __init__(self, *, flush_interval: typing.Optional[builtins.str] = None) -> None:
        '''ResponseForwarding defines how Traefik forwards the response from the upstream Kubernetes Service to the client.

        :param flush_interval: FlushInterval defines the interval, in milliseconds, in between flushes to the client while copying the response body. A negative value means to flush immediately after each write to the client. This configuration is ignored when ReverseProxy recognizes a response as a streaming response; for such responses, writes are flushed to the client immediately. Default: 100ms

        :schema: IngressRouteSpecRoutesServicesResponseForwarding
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f4a64da96a9490af7d68443b2966c2e8c66996f1a8472ebaa93b1da822a2c273)
            check_type(argname="argument flush_interval", value=flush_interval, expected_type=type_hints["flush_interval"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if flush_interval is not None:
            self._values["flush_interval"] = flush_interval

    @builtins.property
    def flush_interval(self) -> typing.Optional[builtins.str]:
        '''FlushInterval defines the interval, in milliseconds, in between flushes to the client while copying the response body.

        A negative value means to flush immediately after each write to the client.
        This configuration is ignored when ReverseProxy recognizes a response as a streaming response;
        for such responses, writes are flushed to the client immediately.
        Default: 100ms

        :schema: IngressRouteSpecRoutesServicesResponseForwarding#flushInterval
        '''
        result = self._values.get("flush_interval")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutesServicesResponseForwarding(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteSpecRoutesServicesSticky",
    jsii_struct_bases=[],
    name_mapping={"cookie": "cookie"},
)
class IngressRouteSpecRoutesServicesSticky:
    def __init__(
        self,
        *,
        cookie: typing.Optional[typing.Union["IngressRouteSpecRoutesServicesStickyCookie", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Sticky defines the sticky sessions configuration.

        More info: https://doc.traefik.io/traefik/v2.11/routing/services/#sticky-sessions

        :param cookie: Cookie defines the sticky cookie configuration.

        :schema: IngressRouteSpecRoutesServicesSticky
        '''
        if isinstance(cookie, dict):
            cookie = IngressRouteSpecRoutesServicesStickyCookie(**cookie)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f64a0052a46d1fee47798959761b0b4e842c3f2d5a37b55edcd5a67517ef7a0c)
            check_type(argname="argument cookie", value=cookie, expected_type=type_hints["cookie"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if cookie is not None:
            self._values["cookie"] = cookie

    @builtins.property
    def cookie(self) -> typing.Optional["IngressRouteSpecRoutesServicesStickyCookie"]:
        '''Cookie defines the sticky cookie configuration.

        :schema: IngressRouteSpecRoutesServicesSticky#cookie
        '''
        result = self._values.get("cookie")
        return typing.cast(typing.Optional["IngressRouteSpecRoutesServicesStickyCookie"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutesServicesSticky(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteSpecRoutesServicesStickyCookie",
    jsii_struct_bases=[],
    name_mapping={
        "http_only": "httpOnly",
        "name": "name",
        "same_site": "sameSite",
        "secure": "secure",
    },
)
class IngressRouteSpecRoutesServicesStickyCookie:
    def __init__(
        self,
        *,
        http_only: typing.Optional[builtins.bool] = None,
        name: typing.Optional[builtins.str] = None,
        same_site: typing.Optional[builtins.str] = None,
        secure: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''Cookie defines the sticky cookie configuration.

        :param http_only: HTTPOnly defines whether the cookie can be accessed by client-side APIs, such as JavaScript.
        :param name: Name defines the Cookie name.
        :param same_site: SameSite defines the same site policy. More info: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie/SameSite
        :param secure: Secure defines whether the cookie can only be transmitted over an encrypted connection (i.e. HTTPS).

        :schema: IngressRouteSpecRoutesServicesStickyCookie
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__546431e366445896f99dbfdb4ca17d8a4930694b535e263cd0656a4d6ed2ff77)
            check_type(argname="argument http_only", value=http_only, expected_type=type_hints["http_only"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument same_site", value=same_site, expected_type=type_hints["same_site"])
            check_type(argname="argument secure", value=secure, expected_type=type_hints["secure"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if http_only is not None:
            self._values["http_only"] = http_only
        if name is not None:
            self._values["name"] = name
        if same_site is not None:
            self._values["same_site"] = same_site
        if secure is not None:
            self._values["secure"] = secure

    @builtins.property
    def http_only(self) -> typing.Optional[builtins.bool]:
        '''HTTPOnly defines whether the cookie can be accessed by client-side APIs, such as JavaScript.

        :schema: IngressRouteSpecRoutesServicesStickyCookie#httpOnly
        '''
        result = self._values.get("http_only")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''Name defines the Cookie name.

        :schema: IngressRouteSpecRoutesServicesStickyCookie#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def same_site(self) -> typing.Optional[builtins.str]:
        '''SameSite defines the same site policy.

        More info: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie/SameSite

        :schema: IngressRouteSpecRoutesServicesStickyCookie#sameSite
        '''
        result = self._values.get("same_site")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def secure(self) -> typing.Optional[builtins.bool]:
        '''Secure defines whether the cookie can only be transmitted over an encrypted connection (i.e. HTTPS).

        :schema: IngressRouteSpecRoutesServicesStickyCookie#secure
        '''
        result = self._values.get("secure")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecRoutesServicesStickyCookie(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteSpecTls",
    jsii_struct_bases=[],
    name_mapping={
        "cert_resolver": "certResolver",
        "domains": "domains",
        "options": "options",
        "secret_name": "secretName",
        "store": "store",
    },
)
class IngressRouteSpecTls:
    def __init__(
        self,
        *,
        cert_resolver: typing.Optional[builtins.str] = None,
        domains: typing.Optional[typing.Sequence[typing.Union["IngressRouteSpecTlsDomains", typing.Dict[builtins.str, typing.Any]]]] = None,
        options: typing.Optional[typing.Union["IngressRouteSpecTlsOptions", typing.Dict[builtins.str, typing.Any]]] = None,
        secret_name: typing.Optional[builtins.str] = None,
        store: typing.Optional[typing.Union["IngressRouteSpecTlsStore", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''TLS defines the TLS configuration.

        More info: https://doc.traefik.io/traefik/v2.11/routing/routers/#tls

        :param cert_resolver: CertResolver defines the name of the certificate resolver to use. Cert resolvers have to be configured in the static configuration. More info: https://doc.traefik.io/traefik/v2.11/https/acme/#certificate-resolvers
        :param domains: Domains defines the list of domains that will be used to issue certificates. More info: https://doc.traefik.io/traefik/v2.11/routing/routers/#domains
        :param options: Options defines the reference to a TLSOption, that specifies the parameters of the TLS connection. If not defined, the ``default`` TLSOption is used. More info: https://doc.traefik.io/traefik/v2.11/https/tls/#tls-options
        :param secret_name: SecretName is the name of the referenced Kubernetes Secret to specify the certificate details.
        :param store: Store defines the reference to the TLSStore, that will be used to store certificates. Please note that only ``default`` TLSStore can be used.

        :schema: IngressRouteSpecTls
        '''
        if isinstance(options, dict):
            options = IngressRouteSpecTlsOptions(**options)
        if isinstance(store, dict):
            store = IngressRouteSpecTlsStore(**store)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5b98c517f58b041462b843eeb9af3bc9d04973a4ad6ebce54b003faf99bac7e9)
            check_type(argname="argument cert_resolver", value=cert_resolver, expected_type=type_hints["cert_resolver"])
            check_type(argname="argument domains", value=domains, expected_type=type_hints["domains"])
            check_type(argname="argument options", value=options, expected_type=type_hints["options"])
            check_type(argname="argument secret_name", value=secret_name, expected_type=type_hints["secret_name"])
            check_type(argname="argument store", value=store, expected_type=type_hints["store"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if cert_resolver is not None:
            self._values["cert_resolver"] = cert_resolver
        if domains is not None:
            self._values["domains"] = domains
        if options is not None:
            self._values["options"] = options
        if secret_name is not None:
            self._values["secret_name"] = secret_name
        if store is not None:
            self._values["store"] = store

    @builtins.property
    def cert_resolver(self) -> typing.Optional[builtins.str]:
        '''CertResolver defines the name of the certificate resolver to use.

        Cert resolvers have to be configured in the static configuration.
        More info: https://doc.traefik.io/traefik/v2.11/https/acme/#certificate-resolvers

        :schema: IngressRouteSpecTls#certResolver
        '''
        result = self._values.get("cert_resolver")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def domains(self) -> typing.Optional[typing.List["IngressRouteSpecTlsDomains"]]:
        '''Domains defines the list of domains that will be used to issue certificates.

        More info: https://doc.traefik.io/traefik/v2.11/routing/routers/#domains

        :schema: IngressRouteSpecTls#domains
        '''
        result = self._values.get("domains")
        return typing.cast(typing.Optional[typing.List["IngressRouteSpecTlsDomains"]], result)

    @builtins.property
    def options(self) -> typing.Optional["IngressRouteSpecTlsOptions"]:
        '''Options defines the reference to a TLSOption, that specifies the parameters of the TLS connection.

        If not defined, the ``default`` TLSOption is used.
        More info: https://doc.traefik.io/traefik/v2.11/https/tls/#tls-options

        :schema: IngressRouteSpecTls#options
        '''
        result = self._values.get("options")
        return typing.cast(typing.Optional["IngressRouteSpecTlsOptions"], result)

    @builtins.property
    def secret_name(self) -> typing.Optional[builtins.str]:
        '''SecretName is the name of the referenced Kubernetes Secret to specify the certificate details.

        :schema: IngressRouteSpecTls#secretName
        '''
        result = self._values.get("secret_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def store(self) -> typing.Optional["IngressRouteSpecTlsStore"]:
        '''Store defines the reference to the TLSStore, that will be used to store certificates.

        Please note that only ``default`` TLSStore can be used.

        :schema: IngressRouteSpecTls#store
        '''
        result = self._values.get("store")
        return typing.cast(typing.Optional["IngressRouteSpecTlsStore"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecTls(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteSpecTlsDomains",
    jsii_struct_bases=[],
    name_mapping={"main": "main", "sans": "sans"},
)
class IngressRouteSpecTlsDomains:
    def __init__(
        self,
        *,
        main: typing.Optional[builtins.str] = None,
        sans: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''Domain holds a domain name with SANs.

        :param main: Main defines the main domain name.
        :param sans: SANs defines the subject alternative domain names.

        :schema: IngressRouteSpecTlsDomains
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__77556a48be0f0c60f5f2b0193d92732cc405bafb82e90397b6d5fb82227acbe0)
            check_type(argname="argument main", value=main, expected_type=type_hints["main"])
            check_type(argname="argument sans", value=sans, expected_type=type_hints["sans"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if main is not None:
            self._values["main"] = main
        if sans is not None:
            self._values["sans"] = sans

    @builtins.property
    def main(self) -> typing.Optional[builtins.str]:
        '''Main defines the main domain name.

        :schema: IngressRouteSpecTlsDomains#main
        '''
        result = self._values.get("main")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def sans(self) -> typing.Optional[typing.List[builtins.str]]:
        '''SANs defines the subject alternative domain names.

        :schema: IngressRouteSpecTlsDomains#sans
        '''
        result = self._values.get("sans")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecTlsDomains(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteSpecTlsOptions",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "namespace": "namespace"},
)
class IngressRouteSpecTlsOptions:
    def __init__(
        self,
        *,
        name: builtins.str,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Options defines the reference to a TLSOption, that specifies the parameters of the TLS connection.

        If not defined, the ``default`` TLSOption is used.
        More info: https://doc.traefik.io/traefik/v2.11/https/tls/#tls-options

        :param name: Name defines the name of the referenced TLSOption. More info: https://doc.traefik.io/traefik/v2.11/routing/providers/kubernetes-crd/#kind-tlsoption
        :param namespace: Namespace defines the namespace of the referenced TLSOption. More info: https://doc.traefik.io/traefik/v2.11/routing/providers/kubernetes-crd/#kind-tlsoption

        :schema: IngressRouteSpecTlsOptions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a4e1cc48c20ba11aee85b8cb6f6cd2502fa452c026b239deb8cf470b1bf07829)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if namespace is not None:
            self._values["namespace"] = namespace

    @builtins.property
    def name(self) -> builtins.str:
        '''Name defines the name of the referenced TLSOption.

        More info: https://doc.traefik.io/traefik/v2.11/routing/providers/kubernetes-crd/#kind-tlsoption

        :schema: IngressRouteSpecTlsOptions#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''Namespace defines the namespace of the referenced TLSOption.

        More info: https://doc.traefik.io/traefik/v2.11/routing/providers/kubernetes-crd/#kind-tlsoption

        :schema: IngressRouteSpecTlsOptions#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecTlsOptions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.IngressRouteSpecTlsStore",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "namespace": "namespace"},
)
class IngressRouteSpecTlsStore:
    def __init__(
        self,
        *,
        name: builtins.str,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Store defines the reference to the TLSStore, that will be used to store certificates.

        Please note that only ``default`` TLSStore can be used.

        :param name: Name defines the name of the referenced TLSStore. More info: https://doc.traefik.io/traefik/v2.11/routing/providers/kubernetes-crd/#kind-tlsstore
        :param namespace: Namespace defines the namespace of the referenced TLSStore. More info: https://doc.traefik.io/traefik/v2.11/routing/providers/kubernetes-crd/#kind-tlsstore

        :schema: IngressRouteSpecTlsStore
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b900adeb2cc21350cbec8bb1ce58912fc1fa0e3f38182c7c2390be523f5a8624)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if namespace is not None:
            self._values["namespace"] = namespace

    @builtins.property
    def name(self) -> builtins.str:
        '''Name defines the name of the referenced TLSStore.

        More info: https://doc.traefik.io/traefik/v2.11/routing/providers/kubernetes-crd/#kind-tlsstore

        :schema: IngressRouteSpecTlsStore#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''Namespace defines the namespace of the referenced TLSStore.

        More info: https://doc.traefik.io/traefik/v2.11/routing/providers/kubernetes-crd/#kind-tlsstore

        :schema: IngressRouteSpecTlsStore#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "IngressRouteSpecTlsStore(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class Middleware(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.Middleware",
):
    '''Middleware is the CRD implementation of a Traefik Middleware.

    More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/overview/

    :schema: Middleware
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["MiddlewareSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> None:
        '''Defines a "Middleware" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: MiddlewareSpec defines the desired state of a Middleware.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__22682579aa3d5a188b85154f81dedf1176aac038317d0a66c46a5ffbd23abe1e)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = MiddlewareProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["MiddlewareSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Middleware".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: MiddlewareSpec defines the desired state of a Middleware.
        '''
        props = MiddlewareProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Middleware".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class MiddlewareProps:
    def __init__(
        self,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["MiddlewareSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> None:
        '''Middleware is the CRD implementation of a Traefik Middleware.

        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/overview/

        :param metadata: 
        :param spec: MiddlewareSpec defines the desired state of a Middleware.

        :schema: Middleware
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = MiddlewareSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2ab2bd412187691e6e50db395f279944287fdaba472dfa4dfae8d860d7bb536a)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "metadata": metadata,
            "spec": spec,
        }

    @builtins.property
    def metadata(self) -> "_cdk8s_d3d9af27.ApiObjectMetadata":
        '''
        :schema: Middleware#metadata
        '''
        result = self._values.get("metadata")
        assert result is not None, "Required property 'metadata' is missing"
        return typing.cast("_cdk8s_d3d9af27.ApiObjectMetadata", result)

    @builtins.property
    def spec(self) -> "MiddlewareSpec":
        '''MiddlewareSpec defines the desired state of a Middleware.

        :schema: Middleware#spec
        '''
        result = self._values.get("spec")
        assert result is not None, "Required property 'spec' is missing"
        return typing.cast("MiddlewareSpec", result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpec",
    jsii_struct_bases=[],
    name_mapping={
        "add_prefix": "addPrefix",
        "basic_auth": "basicAuth",
        "buffering": "buffering",
        "chain": "chain",
        "circuit_breaker": "circuitBreaker",
        "compress": "compress",
        "content_type": "contentType",
        "digest_auth": "digestAuth",
        "errors": "errors",
        "forward_auth": "forwardAuth",
        "headers": "headers",
        "in_flight_req": "inFlightReq",
        "ip_allow_list": "ipAllowList",
        "ip_white_list": "ipWhiteList",
        "pass_tls_client_cert": "passTlsClientCert",
        "plugin": "plugin",
        "rate_limit": "rateLimit",
        "redirect_regex": "redirectRegex",
        "redirect_scheme": "redirectScheme",
        "replace_path": "replacePath",
        "replace_path_regex": "replacePathRegex",
        "retry": "retry",
        "strip_prefix": "stripPrefix",
        "strip_prefix_regex": "stripPrefixRegex",
    },
)
class MiddlewareSpec:
    def __init__(
        self,
        *,
        add_prefix: typing.Optional[typing.Union["MiddlewareSpecAddPrefix", typing.Dict[builtins.str, typing.Any]]] = None,
        basic_auth: typing.Optional[typing.Union["MiddlewareSpecBasicAuth", typing.Dict[builtins.str, typing.Any]]] = None,
        buffering: typing.Optional[typing.Union["MiddlewareSpecBuffering", typing.Dict[builtins.str, typing.Any]]] = None,
        chain: typing.Optional[typing.Union["MiddlewareSpecChain", typing.Dict[builtins.str, typing.Any]]] = None,
        circuit_breaker: typing.Optional[typing.Union["MiddlewareSpecCircuitBreaker", typing.Dict[builtins.str, typing.Any]]] = None,
        compress: typing.Optional[typing.Union["MiddlewareSpecCompress", typing.Dict[builtins.str, typing.Any]]] = None,
        content_type: typing.Optional[typing.Union["MiddlewareSpecContentType", typing.Dict[builtins.str, typing.Any]]] = None,
        digest_auth: typing.Optional[typing.Union["MiddlewareSpecDigestAuth", typing.Dict[builtins.str, typing.Any]]] = None,
        errors: typing.Optional[typing.Union["MiddlewareSpecErrors", typing.Dict[builtins.str, typing.Any]]] = None,
        forward_auth: typing.Optional[typing.Union["MiddlewareSpecForwardAuth", typing.Dict[builtins.str, typing.Any]]] = None,
        headers: typing.Optional[typing.Union["MiddlewareSpecHeaders", typing.Dict[builtins.str, typing.Any]]] = None,
        in_flight_req: typing.Optional[typing.Union["MiddlewareSpecInFlightReq", typing.Dict[builtins.str, typing.Any]]] = None,
        ip_allow_list: typing.Optional[typing.Union["MiddlewareSpecIpAllowList", typing.Dict[builtins.str, typing.Any]]] = None,
        ip_white_list: typing.Optional[typing.Union["MiddlewareSpecIpWhiteList", typing.Dict[builtins.str, typing.Any]]] = None,
        pass_tls_client_cert: typing.Optional[typing.Union["MiddlewareSpecPassTlsClientCert", typing.Dict[builtins.str, typing.Any]]] = None,
        plugin: typing.Optional[typing.Mapping[builtins.str, typing.Any]] = None,
        rate_limit: typing.Optional[typing.Union["MiddlewareSpecRateLimit", typing.Dict[builtins.str, typing.Any]]] = None,
        redirect_regex: typing.Optional[typing.Union["MiddlewareSpecRedirectRegex", typing.Dict[builtins.str, typing.Any]]] = None,
        redirect_scheme: typing.Optional[typing.Union["MiddlewareSpecRedirectScheme", typing.Dict[builtins.str, typing.Any]]] = None,
        replace_path: typing.Optional[typing.Union["MiddlewareSpecReplacePath", typing.Dict[builtins.str, typing.Any]]] = None,
        replace_path_regex: typing.Optional[typing.Union["MiddlewareSpecReplacePathRegex", typing.Dict[builtins.str, typing.Any]]] = None,
        retry: typing.Optional[typing.Union["MiddlewareSpecRetry", typing.Dict[builtins.str, typing.Any]]] = None,
        strip_prefix: typing.Optional[typing.Union["MiddlewareSpecStripPrefix", typing.Dict[builtins.str, typing.Any]]] = None,
        strip_prefix_regex: typing.Optional[typing.Union["MiddlewareSpecStripPrefixRegex", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''MiddlewareSpec defines the desired state of a Middleware.

        :param add_prefix: AddPrefix holds the add prefix middleware configuration. This middleware updates the path of a request before forwarding it. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/addprefix/
        :param basic_auth: BasicAuth holds the basic auth middleware configuration. This middleware restricts access to your services to known users. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/basicauth/
        :param buffering: Buffering holds the buffering middleware configuration. This middleware retries or limits the size of requests that can be forwarded to backends. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/buffering/#maxrequestbodybytes
        :param chain: Chain holds the configuration of the chain middleware. This middleware enables to define reusable combinations of other pieces of middleware. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/chain/
        :param circuit_breaker: CircuitBreaker holds the circuit breaker configuration.
        :param compress: Compress holds the compress middleware configuration. This middleware compresses responses before sending them to the client, using gzip compression. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/compress/
        :param content_type: ContentType holds the content-type middleware configuration. This middleware exists to enable the correct behavior until at least the default one can be changed in a future version.
        :param digest_auth: DigestAuth holds the digest auth middleware configuration. This middleware restricts access to your services to known users. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/digestauth/
        :param errors: ErrorPage holds the custom error middleware configuration. This middleware returns a custom page in lieu of the default, according to configured ranges of HTTP Status codes. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/errorpages/
        :param forward_auth: ForwardAuth holds the forward auth middleware configuration. This middleware delegates the request authentication to a Service. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/forwardauth/
        :param headers: Headers holds the headers middleware configuration. This middleware manages the requests and responses headers. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/headers/#customrequestheaders
        :param in_flight_req: InFlightReq holds the in-flight request middleware configuration. This middleware limits the number of requests being processed and served concurrently. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/inflightreq/
        :param ip_allow_list: IPAllowList holds the IP allowlist middleware configuration. This middleware accepts / refuses requests based on the client IP. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/
        :param ip_white_list: IPWhiteList holds the IP whitelist middleware configuration. This middleware accepts / refuses requests based on the client IP. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipwhitelist/ Deprecated: please use IPAllowList instead.
        :param pass_tls_client_cert: PassTLSClientCert holds the pass TLS client cert middleware configuration. This middleware adds the selected data from the passed client TLS certificate to a header. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/passtlsclientcert/
        :param plugin: Plugin defines the middleware plugin configuration. More info: https://doc.traefik.io/traefik/plugins/
        :param rate_limit: RateLimit holds the rate limit configuration. This middleware ensures that services will receive a fair amount of requests, and allows one to define what fair is. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ratelimit/
        :param redirect_regex: RedirectRegex holds the redirect regex middleware configuration. This middleware redirects a request using regex matching and replacement. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/redirectregex/#regex
        :param redirect_scheme: RedirectScheme holds the redirect scheme middleware configuration. This middleware redirects requests from a scheme/port to another. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/redirectscheme/
        :param replace_path: ReplacePath holds the replace path middleware configuration. This middleware replaces the path of the request URL and store the original path in an X-Replaced-Path header. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/replacepath/
        :param replace_path_regex: ReplacePathRegex holds the replace path regex middleware configuration. This middleware replaces the path of a URL using regex matching and replacement. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/replacepathregex/
        :param retry: Retry holds the retry middleware configuration. This middleware reissues requests a given number of times to a backend server if that server does not reply. As soon as the server answers, the middleware stops retrying, regardless of the response status. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/retry/
        :param strip_prefix: StripPrefix holds the strip prefix middleware configuration. This middleware removes the specified prefixes from the URL path. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/stripprefix/
        :param strip_prefix_regex: StripPrefixRegex holds the strip prefix regex middleware configuration. This middleware removes the matching prefixes from the URL path. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/stripprefixregex/

        :schema: MiddlewareSpec
        '''
        if isinstance(add_prefix, dict):
            add_prefix = MiddlewareSpecAddPrefix(**add_prefix)
        if isinstance(basic_auth, dict):
            basic_auth = MiddlewareSpecBasicAuth(**basic_auth)
        if isinstance(buffering, dict):
            buffering = MiddlewareSpecBuffering(**buffering)
        if isinstance(chain, dict):
            chain = MiddlewareSpecChain(**chain)
        if isinstance(circuit_breaker, dict):
            circuit_breaker = MiddlewareSpecCircuitBreaker(**circuit_breaker)
        if isinstance(compress, dict):
            compress = MiddlewareSpecCompress(**compress)
        if isinstance(content_type, dict):
            content_type = MiddlewareSpecContentType(**content_type)
        if isinstance(digest_auth, dict):
            digest_auth = MiddlewareSpecDigestAuth(**digest_auth)
        if isinstance(errors, dict):
            errors = MiddlewareSpecErrors(**errors)
        if isinstance(forward_auth, dict):
            forward_auth = MiddlewareSpecForwardAuth(**forward_auth)
        if isinstance(headers, dict):
            headers = MiddlewareSpecHeaders(**headers)
        if isinstance(in_flight_req, dict):
            in_flight_req = MiddlewareSpecInFlightReq(**in_flight_req)
        if isinstance(ip_allow_list, dict):
            ip_allow_list = MiddlewareSpecIpAllowList(**ip_allow_list)
        if isinstance(ip_white_list, dict):
            ip_white_list = MiddlewareSpecIpWhiteList(**ip_white_list)
        if isinstance(pass_tls_client_cert, dict):
            pass_tls_client_cert = MiddlewareSpecPassTlsClientCert(**pass_tls_client_cert)
        if isinstance(rate_limit, dict):
            rate_limit = MiddlewareSpecRateLimit(**rate_limit)
        if isinstance(redirect_regex, dict):
            redirect_regex = MiddlewareSpecRedirectRegex(**redirect_regex)
        if isinstance(redirect_scheme, dict):
            redirect_scheme = MiddlewareSpecRedirectScheme(**redirect_scheme)
        if isinstance(replace_path, dict):
            replace_path = MiddlewareSpecReplacePath(**replace_path)
        if isinstance(replace_path_regex, dict):
            replace_path_regex = MiddlewareSpecReplacePathRegex(**replace_path_regex)
        if isinstance(retry, dict):
            retry = MiddlewareSpecRetry(**retry)
        if isinstance(strip_prefix, dict):
            strip_prefix = MiddlewareSpecStripPrefix(**strip_prefix)
        if isinstance(strip_prefix_regex, dict):
            strip_prefix_regex = MiddlewareSpecStripPrefixRegex(**strip_prefix_regex)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__d575367d2b61d7f617dc538300b2d4b9bc89375cdcbb59fc92c168ecf2536fa4)
            check_type(argname="argument add_prefix", value=add_prefix, expected_type=type_hints["add_prefix"])
            check_type(argname="argument basic_auth", value=basic_auth, expected_type=type_hints["basic_auth"])
            check_type(argname="argument buffering", value=buffering, expected_type=type_hints["buffering"])
            check_type(argname="argument chain", value=chain, expected_type=type_hints["chain"])
            check_type(argname="argument circuit_breaker", value=circuit_breaker, expected_type=type_hints["circuit_breaker"])
            check_type(argname="argument compress", value=compress, expected_type=type_hints["compress"])
            check_type(argname="argument content_type", value=content_type, expected_type=type_hints["content_type"])
            check_type(argname="argument digest_auth", value=digest_auth, expected_type=type_hints["digest_auth"])
            check_type(argname="argument errors", value=errors, expected_type=type_hints["errors"])
            check_type(argname="argument forward_auth", value=forward_auth, expected_type=type_hints["forward_auth"])
            check_type(argname="argument headers", value=headers, expected_type=type_hints["headers"])
            check_type(argname="argument in_flight_req", value=in_flight_req, expected_type=type_hints["in_flight_req"])
            check_type(argname="argument ip_allow_list", value=ip_allow_list, expected_type=type_hints["ip_allow_list"])
            check_type(argname="argument ip_white_list", value=ip_white_list, expected_type=type_hints["ip_white_list"])
            check_type(argname="argument pass_tls_client_cert", value=pass_tls_client_cert, expected_type=type_hints["pass_tls_client_cert"])
            check_type(argname="argument plugin", value=plugin, expected_type=type_hints["plugin"])
            check_type(argname="argument rate_limit", value=rate_limit, expected_type=type_hints["rate_limit"])
            check_type(argname="argument redirect_regex", value=redirect_regex, expected_type=type_hints["redirect_regex"])
            check_type(argname="argument redirect_scheme", value=redirect_scheme, expected_type=type_hints["redirect_scheme"])
            check_type(argname="argument replace_path", value=replace_path, expected_type=type_hints["replace_path"])
            check_type(argname="argument replace_path_regex", value=replace_path_regex, expected_type=type_hints["replace_path_regex"])
            check_type(argname="argument retry", value=retry, expected_type=type_hints["retry"])
            check_type(argname="argument strip_prefix", value=strip_prefix, expected_type=type_hints["strip_prefix"])
            check_type(argname="argument strip_prefix_regex", value=strip_prefix_regex, expected_type=type_hints["strip_prefix_regex"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if add_prefix is not None:
            self._values["add_prefix"] = add_prefix
        if basic_auth is not None:
            self._values["basic_auth"] = basic_auth
        if buffering is not None:
            self._values["buffering"] = buffering
        if chain is not None:
            self._values["chain"] = chain
        if circuit_breaker is not None:
            self._values["circuit_breaker"] = circuit_breaker
        if compress is not None:
            self._values["compress"] = compress
        if content_type is not None:
            self._values["content_type"] = content_type
        if digest_auth is not None:
            self._values["digest_auth"] = digest_auth
        if errors is not None:
            self._values["errors"] = errors
        if forward_auth is not None:
            self._values["forward_auth"] = forward_auth
        if headers is not None:
            self._values["headers"] = headers
        if in_flight_req is not None:
            self._values["in_flight_req"] = in_flight_req
        if ip_allow_list is not None:
            self._values["ip_allow_list"] = ip_allow_list
        if ip_white_list is not None:
            self._values["ip_white_list"] = ip_white_list
        if pass_tls_client_cert is not None:
            self._values["pass_tls_client_cert"] = pass_tls_client_cert
        if plugin is not None:
            self._values["plugin"] = plugin
        if rate_limit is not None:
            self._values["rate_limit"] = rate_limit
        if redirect_regex is not None:
            self._values["redirect_regex"] = redirect_regex
        if redirect_scheme is not None:
            self._values["redirect_scheme"] = redirect_scheme
        if replace_path is not None:
            self._values["replace_path"] = replace_path
        if replace_path_regex is not None:
            self._values["replace_path_regex"] = replace_path_regex
        if retry is not None:
            self._values["retry"] = retry
        if strip_prefix is not None:
            self._values["strip_prefix"] = strip_prefix
        if strip_prefix_regex is not None:
            self._values["strip_prefix_regex"] = strip_prefix_regex

    @builtins.property
    def add_prefix(self) -> typing.Optional["MiddlewareSpecAddPrefix"]:
        '''AddPrefix holds the add prefix middleware configuration.

        This middleware updates the path of a request before forwarding it.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/addprefix/

        :schema: MiddlewareSpec#addPrefix
        '''
        result = self._values.get("add_prefix")
        return typing.cast(typing.Optional["MiddlewareSpecAddPrefix"], result)

    @builtins.property
    def basic_auth(self) -> typing.Optional["MiddlewareSpecBasicAuth"]:
        '''BasicAuth holds the basic auth middleware configuration.

        This middleware restricts access to your services to known users.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/basicauth/

        :schema: MiddlewareSpec#basicAuth
        '''
        result = self._values.get("basic_auth")
        return typing.cast(typing.Optional["MiddlewareSpecBasicAuth"], result)

    @builtins.property
    def buffering(self) -> typing.Optional["MiddlewareSpecBuffering"]:
        '''Buffering holds the buffering middleware configuration.

        This middleware retries or limits the size of requests that can be forwarded to backends.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/buffering/#maxrequestbodybytes

        :schema: MiddlewareSpec#buffering
        '''
        result = self._values.get("buffering")
        return typing.cast(typing.Optional["MiddlewareSpecBuffering"], result)

    @builtins.property
    def chain(self) -> typing.Optional["MiddlewareSpecChain"]:
        '''Chain holds the configuration of the chain middleware.

        This middleware enables to define reusable combinations of other pieces of middleware.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/chain/

        :schema: MiddlewareSpec#chain
        '''
        result = self._values.get("chain")
        return typing.cast(typing.Optional["MiddlewareSpecChain"], result)

    @builtins.property
    def circuit_breaker(self) -> typing.Optional["MiddlewareSpecCircuitBreaker"]:
        '''CircuitBreaker holds the circuit breaker configuration.

        :schema: MiddlewareSpec#circuitBreaker
        '''
        result = self._values.get("circuit_breaker")
        return typing.cast(typing.Optional["MiddlewareSpecCircuitBreaker"], result)

    @builtins.property
    def compress(self) -> typing.Optional["MiddlewareSpecCompress"]:
        '''Compress holds the compress middleware configuration.

        This middleware compresses responses before sending them to the client, using gzip compression.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/compress/

        :schema: MiddlewareSpec#compress
        '''
        result = self._values.get("compress")
        return typing.cast(typing.Optional["MiddlewareSpecCompress"], result)

    @builtins.property
    def content_type(self) -> typing.Optional["MiddlewareSpecContentType"]:
        '''ContentType holds the content-type middleware configuration.

        This middleware exists to enable the correct behavior until at least the default one can be changed in a future version.

        :schema: MiddlewareSpec#contentType
        '''
        result = self._values.get("content_type")
        return typing.cast(typing.Optional["MiddlewareSpecContentType"], result)

    @builtins.property
    def digest_auth(self) -> typing.Optional["MiddlewareSpecDigestAuth"]:
        '''DigestAuth holds the digest auth middleware configuration.

        This middleware restricts access to your services to known users.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/digestauth/

        :schema: MiddlewareSpec#digestAuth
        '''
        result = self._values.get("digest_auth")
        return typing.cast(typing.Optional["MiddlewareSpecDigestAuth"], result)

    @builtins.property
    def errors(self) -> typing.Optional["MiddlewareSpecErrors"]:
        '''ErrorPage holds the custom error middleware configuration.

        This middleware returns a custom page in lieu of the default, according to configured ranges of HTTP Status codes.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/errorpages/

        :schema: MiddlewareSpec#errors
        '''
        result = self._values.get("errors")
        return typing.cast(typing.Optional["MiddlewareSpecErrors"], result)

    @builtins.property
    def forward_auth(self) -> typing.Optional["MiddlewareSpecForwardAuth"]:
        '''ForwardAuth holds the forward auth middleware configuration.

        This middleware delegates the request authentication to a Service.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/forwardauth/

        :schema: MiddlewareSpec#forwardAuth
        '''
        result = self._values.get("forward_auth")
        return typing.cast(typing.Optional["MiddlewareSpecForwardAuth"], result)

    @builtins.property
    def headers(self) -> typing.Optional["MiddlewareSpecHeaders"]:
        '''Headers holds the headers middleware configuration.

        This middleware manages the requests and responses headers.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/headers/#customrequestheaders

        :schema: MiddlewareSpec#headers
        '''
        result = self._values.get("headers")
        return typing.cast(typing.Optional["MiddlewareSpecHeaders"], result)

    @builtins.property
    def in_flight_req(self) -> typing.Optional["MiddlewareSpecInFlightReq"]:
        '''InFlightReq holds the in-flight request middleware configuration.

        This middleware limits the number of requests being processed and served concurrently.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/inflightreq/

        :schema: MiddlewareSpec#inFlightReq
        '''
        result = self._values.get("in_flight_req")
        return typing.cast(typing.Optional["MiddlewareSpecInFlightReq"], result)

    @builtins.property
    def ip_allow_list(self) -> typing.Optional["MiddlewareSpecIpAllowList"]:
        '''IPAllowList holds the IP allowlist middleware configuration.

        This middleware accepts / refuses requests based on the client IP.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/

        :schema: MiddlewareSpec#ipAllowList
        '''
        result = self._values.get("ip_allow_list")
        return typing.cast(typing.Optional["MiddlewareSpecIpAllowList"], result)

    @builtins.property
    def ip_white_list(self) -> typing.Optional["MiddlewareSpecIpWhiteList"]:
        '''IPWhiteList holds the IP whitelist middleware configuration.

        This middleware accepts / refuses requests based on the client IP.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipwhitelist/
        Deprecated: please use IPAllowList instead.

        :schema: MiddlewareSpec#ipWhiteList
        '''
        result = self._values.get("ip_white_list")
        return typing.cast(typing.Optional["MiddlewareSpecIpWhiteList"], result)

    @builtins.property
    def pass_tls_client_cert(
        self,
    ) -> typing.Optional["MiddlewareSpecPassTlsClientCert"]:
        '''PassTLSClientCert holds the pass TLS client cert middleware configuration.

        This middleware adds the selected data from the passed client TLS certificate to a header.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/passtlsclientcert/

        :schema: MiddlewareSpec#passTLSClientCert
        '''
        result = self._values.get("pass_tls_client_cert")
        return typing.cast(typing.Optional["MiddlewareSpecPassTlsClientCert"], result)

    @builtins.property
    def plugin(self) -> typing.Optional[typing.Mapping[builtins.str, typing.Any]]:
        '''Plugin defines the middleware plugin configuration.

        More info: https://doc.traefik.io/traefik/plugins/

        :schema: MiddlewareSpec#plugin
        '''
        result = self._values.get("plugin")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, typing.Any]], result)

    @builtins.property
    def rate_limit(self) -> typing.Optional["MiddlewareSpecRateLimit"]:
        '''RateLimit holds the rate limit configuration.

        This middleware ensures that services will receive a fair amount of requests, and allows one to define what fair is.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ratelimit/

        :schema: MiddlewareSpec#rateLimit
        '''
        result = self._values.get("rate_limit")
        return typing.cast(typing.Optional["MiddlewareSpecRateLimit"], result)

    @builtins.property
    def redirect_regex(self) -> typing.Optional["MiddlewareSpecRedirectRegex"]:
        '''RedirectRegex holds the redirect regex middleware configuration.

        This middleware redirects a request using regex matching and replacement.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/redirectregex/#regex

        :schema: MiddlewareSpec#redirectRegex
        '''
        result = self._values.get("redirect_regex")
        return typing.cast(typing.Optional["MiddlewareSpecRedirectRegex"], result)

    @builtins.property
    def redirect_scheme(self) -> typing.Optional["MiddlewareSpecRedirectScheme"]:
        '''RedirectScheme holds the redirect scheme middleware configuration.

        This middleware redirects requests from a scheme/port to another.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/redirectscheme/

        :schema: MiddlewareSpec#redirectScheme
        '''
        result = self._values.get("redirect_scheme")
        return typing.cast(typing.Optional["MiddlewareSpecRedirectScheme"], result)

    @builtins.property
    def replace_path(self) -> typing.Optional["MiddlewareSpecReplacePath"]:
        '''ReplacePath holds the replace path middleware configuration.

        This middleware replaces the path of the request URL and store the original path in an X-Replaced-Path header.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/replacepath/

        :schema: MiddlewareSpec#replacePath
        '''
        result = self._values.get("replace_path")
        return typing.cast(typing.Optional["MiddlewareSpecReplacePath"], result)

    @builtins.property
    def replace_path_regex(self) -> typing.Optional["MiddlewareSpecReplacePathRegex"]:
        '''ReplacePathRegex holds the replace path regex middleware configuration.

        This middleware replaces the path of a URL using regex matching and replacement.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/replacepathregex/

        :schema: MiddlewareSpec#replacePathRegex
        '''
        result = self._values.get("replace_path_regex")
        return typing.cast(typing.Optional["MiddlewareSpecReplacePathRegex"], result)

    @builtins.property
    def retry(self) -> typing.Optional["MiddlewareSpecRetry"]:
        '''Retry holds the retry middleware configuration.

        This middleware reissues requests a given number of times to a backend server if that server does not reply.
        As soon as the server answers, the middleware stops retrying, regardless of the response status.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/retry/

        :schema: MiddlewareSpec#retry
        '''
        result = self._values.get("retry")
        return typing.cast(typing.Optional["MiddlewareSpecRetry"], result)

    @builtins.property
    def strip_prefix(self) -> typing.Optional["MiddlewareSpecStripPrefix"]:
        '''StripPrefix holds the strip prefix middleware configuration.

        This middleware removes the specified prefixes from the URL path.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/stripprefix/

        :schema: MiddlewareSpec#stripPrefix
        '''
        result = self._values.get("strip_prefix")
        return typing.cast(typing.Optional["MiddlewareSpecStripPrefix"], result)

    @builtins.property
    def strip_prefix_regex(self) -> typing.Optional["MiddlewareSpecStripPrefixRegex"]:
        '''StripPrefixRegex holds the strip prefix regex middleware configuration.

        This middleware removes the matching prefixes from the URL path.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/stripprefixregex/

        :schema: MiddlewareSpec#stripPrefixRegex
        '''
        result = self._values.get("strip_prefix_regex")
        return typing.cast(typing.Optional["MiddlewareSpecStripPrefixRegex"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecAddPrefix",
    jsii_struct_bases=[],
    name_mapping={"prefix": "prefix"},
)
class MiddlewareSpecAddPrefix:
    def __init__(self, *, prefix: typing.Optional[builtins.str] = None) -> None:
        '''AddPrefix holds the add prefix middleware configuration.

        This middleware updates the path of a request before forwarding it.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/addprefix/

        :param prefix: Prefix is the string to add before the current path in the requested URL. It should include a leading slash (/).

        :schema: MiddlewareSpecAddPrefix
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__747ed3c47d12b9479534580cee8d2b19757240c0e3345391edae91a8f8a7f372)
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if prefix is not None:
            self._values["prefix"] = prefix

    @builtins.property
    def prefix(self) -> typing.Optional[builtins.str]:
        '''Prefix is the string to add before the current path in the requested URL.

        It should include a leading slash (/).

        :schema: MiddlewareSpecAddPrefix#prefix
        '''
        result = self._values.get("prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecAddPrefix(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecBasicAuth",
    jsii_struct_bases=[],
    name_mapping={
        "header_field": "headerField",
        "realm": "realm",
        "remove_header": "removeHeader",
        "secret": "secret",
    },
)
class MiddlewareSpecBasicAuth:
    def __init__(
        self,
        *,
        header_field: typing.Optional[builtins.str] = None,
        realm: typing.Optional[builtins.str] = None,
        remove_header: typing.Optional[builtins.bool] = None,
        secret: typing.Optional[builtins.str] = None,
    ) -> None:
        '''BasicAuth holds the basic auth middleware configuration.

        This middleware restricts access to your services to known users.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/basicauth/

        :param header_field: HeaderField defines a header field to store the authenticated user. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/basicauth/#headerfield
        :param realm: Realm allows the protected resources on a server to be partitioned into a set of protection spaces, each with its own authentication scheme. Default: traefik.
        :param remove_header: RemoveHeader sets the removeHeader option to true to remove the authorization header before forwarding the request to your service. Default: false.
        :param secret: Secret is the name of the referenced Kubernetes Secret containing user credentials.

        :schema: MiddlewareSpecBasicAuth
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__7f06e7c9f15363fc2995eb9755145a1fea8dc5c89796d907e8a2b97e2563dc07)
            check_type(argname="argument header_field", value=header_field, expected_type=type_hints["header_field"])
            check_type(argname="argument realm", value=realm, expected_type=type_hints["realm"])
            check_type(argname="argument remove_header", value=remove_header, expected_type=type_hints["remove_header"])
            check_type(argname="argument secret", value=secret, expected_type=type_hints["secret"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if header_field is not None:
            self._values["header_field"] = header_field
        if realm is not None:
            self._values["realm"] = realm
        if remove_header is not None:
            self._values["remove_header"] = remove_header
        if secret is not None:
            self._values["secret"] = secret

    @builtins.property
    def header_field(self) -> typing.Optional[builtins.str]:
        '''HeaderField defines a header field to store the authenticated user.

        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/basicauth/#headerfield

        :schema: MiddlewareSpecBasicAuth#headerField
        '''
        result = self._values.get("header_field")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def realm(self) -> typing.Optional[builtins.str]:
        '''Realm allows the protected resources on a server to be partitioned into a set of protection spaces, each with its own authentication scheme.

        Default: traefik.

        :schema: MiddlewareSpecBasicAuth#realm
        '''
        result = self._values.get("realm")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def remove_header(self) -> typing.Optional[builtins.bool]:
        '''RemoveHeader sets the removeHeader option to true to remove the authorization header before forwarding the request to your service.

        Default: false.

        :schema: MiddlewareSpecBasicAuth#removeHeader
        '''
        result = self._values.get("remove_header")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def secret(self) -> typing.Optional[builtins.str]:
        '''Secret is the name of the referenced Kubernetes Secret containing user credentials.

        :schema: MiddlewareSpecBasicAuth#secret
        '''
        result = self._values.get("secret")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecBasicAuth(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecBuffering",
    jsii_struct_bases=[],
    name_mapping={
        "max_request_body_bytes": "maxRequestBodyBytes",
        "max_response_body_bytes": "maxResponseBodyBytes",
        "mem_request_body_bytes": "memRequestBodyBytes",
        "mem_response_body_bytes": "memResponseBodyBytes",
        "retry_expression": "retryExpression",
    },
)
class MiddlewareSpecBuffering:
    def __init__(
        self,
        *,
        max_request_body_bytes: typing.Optional[jsii.Number] = None,
        max_response_body_bytes: typing.Optional[jsii.Number] = None,
        mem_request_body_bytes: typing.Optional[jsii.Number] = None,
        mem_response_body_bytes: typing.Optional[jsii.Number] = None,
        retry_expression: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Buffering holds the buffering middleware configuration.

        This middleware retries or limits the size of requests that can be forwarded to backends.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/buffering/#maxrequestbodybytes

        :param max_request_body_bytes: MaxRequestBodyBytes defines the maximum allowed body size for the request (in bytes). If the request exceeds the allowed size, it is not forwarded to the service, and the client gets a 413 (Request Entity Too Large) response. Default: 0 (no maximum).
        :param max_response_body_bytes: MaxResponseBodyBytes defines the maximum allowed response size from the service (in bytes). If the response exceeds the allowed size, it is not forwarded to the client. The client gets a 500 (Internal Server Error) response instead. Default: 0 (no maximum).
        :param mem_request_body_bytes: MemRequestBodyBytes defines the threshold (in bytes) from which the request will be buffered on disk instead of in memory. Default: 1048576 (1Mi).
        :param mem_response_body_bytes: MemResponseBodyBytes defines the threshold (in bytes) from which the response will be buffered on disk instead of in memory. Default: 1048576 (1Mi).
        :param retry_expression: RetryExpression defines the retry conditions. It is a logical combination of functions with operators AND (&&) and OR (||). More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/buffering/#retryexpression

        :schema: MiddlewareSpecBuffering
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__afe6a0115dbb1ecf70adb014f166bdea672afbad4c283fc8155a827c2e9b8124)
            check_type(argname="argument max_request_body_bytes", value=max_request_body_bytes, expected_type=type_hints["max_request_body_bytes"])
            check_type(argname="argument max_response_body_bytes", value=max_response_body_bytes, expected_type=type_hints["max_response_body_bytes"])
            check_type(argname="argument mem_request_body_bytes", value=mem_request_body_bytes, expected_type=type_hints["mem_request_body_bytes"])
            check_type(argname="argument mem_response_body_bytes", value=mem_response_body_bytes, expected_type=type_hints["mem_response_body_bytes"])
            check_type(argname="argument retry_expression", value=retry_expression, expected_type=type_hints["retry_expression"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if max_request_body_bytes is not None:
            self._values["max_request_body_bytes"] = max_request_body_bytes
        if max_response_body_bytes is not None:
            self._values["max_response_body_bytes"] = max_response_body_bytes
        if mem_request_body_bytes is not None:
            self._values["mem_request_body_bytes"] = mem_request_body_bytes
        if mem_response_body_bytes is not None:
            self._values["mem_response_body_bytes"] = mem_response_body_bytes
        if retry_expression is not None:
            self._values["retry_expression"] = retry_expression

    @builtins.property
    def max_request_body_bytes(self) -> typing.Optional[jsii.Number]:
        '''MaxRequestBodyBytes defines the maximum allowed body size for the request (in bytes).

        If the request exceeds the allowed size, it is not forwarded to the service, and the client gets a 413 (Request Entity Too Large) response.
        Default: 0 (no maximum).

        :schema: MiddlewareSpecBuffering#maxRequestBodyBytes
        '''
        result = self._values.get("max_request_body_bytes")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def max_response_body_bytes(self) -> typing.Optional[jsii.Number]:
        '''MaxResponseBodyBytes defines the maximum allowed response size from the service (in bytes).

        If the response exceeds the allowed size, it is not forwarded to the client. The client gets a 500 (Internal Server Error) response instead.
        Default: 0 (no maximum).

        :schema: MiddlewareSpecBuffering#maxResponseBodyBytes
        '''
        result = self._values.get("max_response_body_bytes")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def mem_request_body_bytes(self) -> typing.Optional[jsii.Number]:
        '''MemRequestBodyBytes defines the threshold (in bytes) from which the request will be buffered on disk instead of in memory.

        Default: 1048576 (1Mi).

        :schema: MiddlewareSpecBuffering#memRequestBodyBytes
        '''
        result = self._values.get("mem_request_body_bytes")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def mem_response_body_bytes(self) -> typing.Optional[jsii.Number]:
        '''MemResponseBodyBytes defines the threshold (in bytes) from which the response will be buffered on disk instead of in memory.

        Default: 1048576 (1Mi).

        :schema: MiddlewareSpecBuffering#memResponseBodyBytes
        '''
        result = self._values.get("mem_response_body_bytes")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def retry_expression(self) -> typing.Optional[builtins.str]:
        '''RetryExpression defines the retry conditions.

        It is a logical combination of functions with operators AND (&&) and OR (||).
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/buffering/#retryexpression

        :schema: MiddlewareSpecBuffering#retryExpression
        '''
        result = self._values.get("retry_expression")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecBuffering(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecChain",
    jsii_struct_bases=[],
    name_mapping={"middlewares": "middlewares"},
)
class MiddlewareSpecChain:
    def __init__(
        self,
        *,
        middlewares: typing.Optional[typing.Sequence[typing.Union["MiddlewareSpecChainMiddlewares", typing.Dict[builtins.str, typing.Any]]]] = None,
    ) -> None:
        '''Chain holds the configuration of the chain middleware.

        This middleware enables to define reusable combinations of other pieces of middleware.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/chain/

        :param middlewares: Middlewares is the list of MiddlewareRef which composes the chain.

        :schema: MiddlewareSpecChain
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f587bcebed4501850fb1111091cb2e6a5487ceb8d50916eb09732e6cd5ed8a54)
            check_type(argname="argument middlewares", value=middlewares, expected_type=type_hints["middlewares"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if middlewares is not None:
            self._values["middlewares"] = middlewares

    @builtins.property
    def middlewares(
        self,
    ) -> typing.Optional[typing.List["MiddlewareSpecChainMiddlewares"]]:
        '''Middlewares is the list of MiddlewareRef which composes the chain.

        :schema: MiddlewareSpecChain#middlewares
        '''
        result = self._values.get("middlewares")
        return typing.cast(typing.Optional[typing.List["MiddlewareSpecChainMiddlewares"]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecChain(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecChainMiddlewares",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "namespace": "namespace"},
)
class MiddlewareSpecChainMiddlewares:
    def __init__(
        self,
        *,
        name: builtins.str,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''MiddlewareRef is a reference to a Middleware resource.

        :param name: Name defines the name of the referenced Middleware resource.
        :param namespace: Namespace defines the namespace of the referenced Middleware resource.

        :schema: MiddlewareSpecChainMiddlewares
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__db9819b08c77b4ef5cf9ad60dc99378e04b141646386d9cd0f1081e84e28dad2)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if namespace is not None:
            self._values["namespace"] = namespace

    @builtins.property
    def name(self) -> builtins.str:
        '''Name defines the name of the referenced Middleware resource.

        :schema: MiddlewareSpecChainMiddlewares#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''Namespace defines the namespace of the referenced Middleware resource.

        :schema: MiddlewareSpecChainMiddlewares#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecChainMiddlewares(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecCircuitBreaker",
    jsii_struct_bases=[],
    name_mapping={
        "check_period": "checkPeriod",
        "expression": "expression",
        "fallback_duration": "fallbackDuration",
        "recovery_duration": "recoveryDuration",
    },
)
class MiddlewareSpecCircuitBreaker:
    def __init__(
        self,
        *,
        check_period: typing.Optional["MiddlewareSpecCircuitBreakerCheckPeriod"] = None,
        expression: typing.Optional[builtins.str] = None,
        fallback_duration: typing.Optional["MiddlewareSpecCircuitBreakerFallbackDuration"] = None,
        recovery_duration: typing.Optional["MiddlewareSpecCircuitBreakerRecoveryDuration"] = None,
    ) -> None:
        '''CircuitBreaker holds the circuit breaker configuration.

        :param check_period: CheckPeriod is the interval between successive checks of the circuit breaker condition (when in standby state).
        :param expression: Expression is the condition that triggers the tripped state.
        :param fallback_duration: FallbackDuration is the duration for which the circuit breaker will wait before trying to recover (from a tripped state).
        :param recovery_duration: RecoveryDuration is the duration for which the circuit breaker will try to recover (as soon as it is in recovering state).

        :schema: MiddlewareSpecCircuitBreaker
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__d7145486ac0b0951cc2d44d41826e348407b035ba88556f121fd71af0b5f65dc)
            check_type(argname="argument check_period", value=check_period, expected_type=type_hints["check_period"])
            check_type(argname="argument expression", value=expression, expected_type=type_hints["expression"])
            check_type(argname="argument fallback_duration", value=fallback_duration, expected_type=type_hints["fallback_duration"])
            check_type(argname="argument recovery_duration", value=recovery_duration, expected_type=type_hints["recovery_duration"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if check_period is not None:
            self._values["check_period"] = check_period
        if expression is not None:
            self._values["expression"] = expression
        if fallback_duration is not None:
            self._values["fallback_duration"] = fallback_duration
        if recovery_duration is not None:
            self._values["recovery_duration"] = recovery_duration

    @builtins.property
    def check_period(
        self,
    ) -> typing.Optional["MiddlewareSpecCircuitBreakerCheckPeriod"]:
        '''CheckPeriod is the interval between successive checks of the circuit breaker condition (when in standby state).

        :schema: MiddlewareSpecCircuitBreaker#checkPeriod
        '''
        result = self._values.get("check_period")
        return typing.cast(typing.Optional["MiddlewareSpecCircuitBreakerCheckPeriod"], result)

    @builtins.property
    def expression(self) -> typing.Optional[builtins.str]:
        '''Expression is the condition that triggers the tripped state.

        :schema: MiddlewareSpecCircuitBreaker#expression
        '''
        result = self._values.get("expression")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def fallback_duration(
        self,
    ) -> typing.Optional["MiddlewareSpecCircuitBreakerFallbackDuration"]:
        '''FallbackDuration is the duration for which the circuit breaker will wait before trying to recover (from a tripped state).

        :schema: MiddlewareSpecCircuitBreaker#fallbackDuration
        '''
        result = self._values.get("fallback_duration")
        return typing.cast(typing.Optional["MiddlewareSpecCircuitBreakerFallbackDuration"], result)

    @builtins.property
    def recovery_duration(
        self,
    ) -> typing.Optional["MiddlewareSpecCircuitBreakerRecoveryDuration"]:
        '''RecoveryDuration is the duration for which the circuit breaker will try to recover (as soon as it is in recovering state).

        :schema: MiddlewareSpecCircuitBreaker#recoveryDuration
        '''
        result = self._values.get("recovery_duration")
        return typing.cast(typing.Optional["MiddlewareSpecCircuitBreakerRecoveryDuration"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecCircuitBreaker(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class MiddlewareSpecCircuitBreakerCheckPeriod(
    metaclass=jsii.JSIIMeta,
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecCircuitBreakerCheckPeriod",
):
    '''CheckPeriod is the interval between successive checks of the circuit breaker condition (when in standby state).

    :schema: MiddlewareSpecCircuitBreakerCheckPeriod
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(
        cls,
        value: jsii.Number,
    ) -> "MiddlewareSpecCircuitBreakerCheckPeriod":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3d0a0ba74552c03b45be4881cc7b5a30e03ed3a6d4224153f4b1e54a1b9e78b2)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("MiddlewareSpecCircuitBreakerCheckPeriod", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(
        cls,
        value: builtins.str,
    ) -> "MiddlewareSpecCircuitBreakerCheckPeriod":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__6319ab65b2a97db958202a86f7bb7c352e7af0349a7339ece9e1f51004069ace)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("MiddlewareSpecCircuitBreakerCheckPeriod", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


class MiddlewareSpecCircuitBreakerFallbackDuration(
    metaclass=jsii.JSIIMeta,
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecCircuitBreakerFallbackDuration",
):
    '''FallbackDuration is the duration for which the circuit breaker will wait before trying to recover (from a tripped state).

    :schema: MiddlewareSpecCircuitBreakerFallbackDuration
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(
        cls,
        value: jsii.Number,
    ) -> "MiddlewareSpecCircuitBreakerFallbackDuration":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__324bcbb544ca924df5b6566e766d83a5933ca36c3335c5d1fa4a1623038e4d39)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("MiddlewareSpecCircuitBreakerFallbackDuration", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(
        cls,
        value: builtins.str,
    ) -> "MiddlewareSpecCircuitBreakerFallbackDuration":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__d033dc07ccde0f4e11c0400b39f097861b019222002ae7f37b3d1d0038628569)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("MiddlewareSpecCircuitBreakerFallbackDuration", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


class MiddlewareSpecCircuitBreakerRecoveryDuration(
    metaclass=jsii.JSIIMeta,
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecCircuitBreakerRecoveryDuration",
):
    '''RecoveryDuration is the duration for which the circuit breaker will try to recover (as soon as it is in recovering state).

    :schema: MiddlewareSpecCircuitBreakerRecoveryDuration
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(
        cls,
        value: jsii.Number,
    ) -> "MiddlewareSpecCircuitBreakerRecoveryDuration":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__0dba09f9b82385221146839aa0e8cbe7bca5a7508190ab91c65c4f6cef653d2f)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("MiddlewareSpecCircuitBreakerRecoveryDuration", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(
        cls,
        value: builtins.str,
    ) -> "MiddlewareSpecCircuitBreakerRecoveryDuration":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__35c0af59a2d268fc1be175cc698d6df335d85d5e8801be01f68b2e64d9ed3628)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("MiddlewareSpecCircuitBreakerRecoveryDuration", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecCompress",
    jsii_struct_bases=[],
    name_mapping={
        "excluded_content_types": "excludedContentTypes",
        "min_response_body_bytes": "minResponseBodyBytes",
    },
)
class MiddlewareSpecCompress:
    def __init__(
        self,
        *,
        excluded_content_types: typing.Optional[typing.Sequence[builtins.str]] = None,
        min_response_body_bytes: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''Compress holds the compress middleware configuration.

        This middleware compresses responses before sending them to the client, using gzip compression.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/compress/

        :param excluded_content_types: ExcludedContentTypes defines the list of content types to compare the Content-Type header of the incoming requests and responses before compressing.
        :param min_response_body_bytes: MinResponseBodyBytes defines the minimum amount of bytes a response body must have to be compressed. Default: 1024.

        :schema: MiddlewareSpecCompress
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3f2512dde7d6e95d0bf2596f627752d54ed029861358aaaea6eedc20aed81227)
            check_type(argname="argument excluded_content_types", value=excluded_content_types, expected_type=type_hints["excluded_content_types"])
            check_type(argname="argument min_response_body_bytes", value=min_response_body_bytes, expected_type=type_hints["min_response_body_bytes"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if excluded_content_types is not None:
            self._values["excluded_content_types"] = excluded_content_types
        if min_response_body_bytes is not None:
            self._values["min_response_body_bytes"] = min_response_body_bytes

    @builtins.property
    def excluded_content_types(self) -> typing.Optional[typing.List[builtins.str]]:
        '''ExcludedContentTypes defines the list of content types to compare the Content-Type header of the incoming requests and responses before compressing.

        :schema: MiddlewareSpecCompress#excludedContentTypes
        '''
        result = self._values.get("excluded_content_types")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def min_response_body_bytes(self) -> typing.Optional[jsii.Number]:
        '''MinResponseBodyBytes defines the minimum amount of bytes a response body must have to be compressed.

        Default: 1024.

        :schema: MiddlewareSpecCompress#minResponseBodyBytes
        '''
        result = self._values.get("min_response_body_bytes")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecCompress(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecContentType",
    jsii_struct_bases=[],
    name_mapping={"auto_detect": "autoDetect"},
)
class MiddlewareSpecContentType:
    def __init__(self, *, auto_detect: typing.Optional[builtins.bool] = None) -> None:
        '''ContentType holds the content-type middleware configuration.

        This middleware exists to enable the correct behavior until at least the default one can be changed in a future version.

        :param auto_detect: AutoDetect specifies whether to let the ``Content-Type`` header, if it has not been set by the backend, be automatically set to a value derived from the contents of the response. As a proxy, the default behavior should be to leave the header alone, regardless of what the backend did with it. However, the historic default was to always auto-detect and set the header if it was nil, and it is going to be kept that way in order to support users currently relying on it.

        :schema: MiddlewareSpecContentType
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ce609ec2a7c4260847ce7792748b7b6a1b7f2551a975e2086a1fa29c9f0062a7)
            check_type(argname="argument auto_detect", value=auto_detect, expected_type=type_hints["auto_detect"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if auto_detect is not None:
            self._values["auto_detect"] = auto_detect

    @builtins.property
    def auto_detect(self) -> typing.Optional[builtins.bool]:
        '''AutoDetect specifies whether to let the ``Content-Type`` header, if it has not been set by the backend, be automatically set to a value derived from the contents of the response.

        As a proxy, the default behavior should be to leave the header alone, regardless of what the backend did with it.
        However, the historic default was to always auto-detect and set the header if it was nil,
        and it is going to be kept that way in order to support users currently relying on it.

        :schema: MiddlewareSpecContentType#autoDetect
        '''
        result = self._values.get("auto_detect")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecContentType(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecDigestAuth",
    jsii_struct_bases=[],
    name_mapping={
        "header_field": "headerField",
        "realm": "realm",
        "remove_header": "removeHeader",
        "secret": "secret",
    },
)
class MiddlewareSpecDigestAuth:
    def __init__(
        self,
        *,
        header_field: typing.Optional[builtins.str] = None,
        realm: typing.Optional[builtins.str] = None,
        remove_header: typing.Optional[builtins.bool] = None,
        secret: typing.Optional[builtins.str] = None,
    ) -> None:
        '''DigestAuth holds the digest auth middleware configuration.

        This middleware restricts access to your services to known users.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/digestauth/

        :param header_field: HeaderField defines a header field to store the authenticated user. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/basicauth/#headerfield
        :param realm: Realm allows the protected resources on a server to be partitioned into a set of protection spaces, each with its own authentication scheme. Default: traefik.
        :param remove_header: RemoveHeader defines whether to remove the authorization header before forwarding the request to the backend.
        :param secret: Secret is the name of the referenced Kubernetes Secret containing user credentials.

        :schema: MiddlewareSpecDigestAuth
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__1117883684f1ef123b9a32a13f6df18b7eac3e2fda387c62eb07b6843c3c40c6)
            check_type(argname="argument header_field", value=header_field, expected_type=type_hints["header_field"])
            check_type(argname="argument realm", value=realm, expected_type=type_hints["realm"])
            check_type(argname="argument remove_header", value=remove_header, expected_type=type_hints["remove_header"])
            check_type(argname="argument secret", value=secret, expected_type=type_hints["secret"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if header_field is not None:
            self._values["header_field"] = header_field
        if realm is not None:
            self._values["realm"] = realm
        if remove_header is not None:
            self._values["remove_header"] = remove_header
        if secret is not None:
            self._values["secret"] = secret

    @builtins.property
    def header_field(self) -> typing.Optional[builtins.str]:
        '''HeaderField defines a header field to store the authenticated user.

        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/basicauth/#headerfield

        :schema: MiddlewareSpecDigestAuth#headerField
        '''
        result = self._values.get("header_field")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def realm(self) -> typing.Optional[builtins.str]:
        '''Realm allows the protected resources on a server to be partitioned into a set of protection spaces, each with its own authentication scheme.

        Default: traefik.

        :schema: MiddlewareSpecDigestAuth#realm
        '''
        result = self._values.get("realm")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def remove_header(self) -> typing.Optional[builtins.bool]:
        '''RemoveHeader defines whether to remove the authorization header before forwarding the request to the backend.

        :schema: MiddlewareSpecDigestAuth#removeHeader
        '''
        result = self._values.get("remove_header")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def secret(self) -> typing.Optional[builtins.str]:
        '''Secret is the name of the referenced Kubernetes Secret containing user credentials.

        :schema: MiddlewareSpecDigestAuth#secret
        '''
        result = self._values.get("secret")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecDigestAuth(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecErrors",
    jsii_struct_bases=[],
    name_mapping={"query": "query", "service": "service", "status": "status"},
)
class MiddlewareSpecErrors:
    def __init__(
        self,
        *,
        query: typing.Optional[builtins.str] = None,
        service: typing.Optional[typing.Union["MiddlewareSpecErrorsService", typing.Dict[builtins.str, typing.Any]]] = None,
        status: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''ErrorPage holds the custom error middleware configuration.

        This middleware returns a custom page in lieu of the default, according to configured ranges of HTTP Status codes.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/errorpages/

        :param query: Query defines the URL for the error page (hosted by service). The {status} variable can be used in order to insert the status code in the URL.
        :param service: Service defines the reference to a Kubernetes Service that will serve the error page. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/errorpages/#service
        :param status: Status defines which status or range of statuses should result in an error page. It can be either a status code as a number (500), as multiple comma-separated numbers (500,502), as ranges by separating two codes with a dash (500-599), or a combination of the two (404,418,500-599).

        :schema: MiddlewareSpecErrors
        '''
        if isinstance(service, dict):
            service = MiddlewareSpecErrorsService(**service)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__662d2f175052cde1624c5601420eaeed8e12b5c1662a4121ac0f5680b63a0b29)
            check_type(argname="argument query", value=query, expected_type=type_hints["query"])
            check_type(argname="argument service", value=service, expected_type=type_hints["service"])
            check_type(argname="argument status", value=status, expected_type=type_hints["status"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if query is not None:
            self._values["query"] = query
        if service is not None:
            self._values["service"] = service
        if status is not None:
            self._values["status"] = status

    @builtins.property
    def query(self) -> typing.Optional[builtins.str]:
        '''Query defines the URL for the error page (hosted by service).

        The {status} variable can be used in order to insert the status code in the URL.

        :schema: MiddlewareSpecErrors#query
        '''
        result = self._values.get("query")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def service(self) -> typing.Optional["MiddlewareSpecErrorsService"]:
        '''Service defines the reference to a Kubernetes Service that will serve the error page.

        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/errorpages/#service

        :schema: MiddlewareSpecErrors#service
        '''
        result = self._values.get("service")
        return typing.cast(typing.Optional["MiddlewareSpecErrorsService"], result)

    @builtins.property
    def status(self) -> typing.Optional[typing.List[builtins.str]]:
        '''Status defines which status or range of statuses should result in an error page.

        It can be either a status code as a number (500),
        as multiple comma-separated numbers (500,502),
        as ranges by separating two codes with a dash (500-599),
        or a combination of the two (404,418,500-599).

        :schema: MiddlewareSpecErrors#status
        '''
        result = self._values.get("status")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecErrors(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecErrorsService",
    jsii_struct_bases=[],
    name_mapping={
        "name": "name",
        "kind": "kind",
        "namespace": "namespace",
        "native_lb": "nativeLb",
        "pass_host_header": "passHostHeader",
        "port": "port",
        "response_forwarding": "responseForwarding",
        "scheme": "scheme",
        "servers_transport": "serversTransport",
        "sticky": "sticky",
        "strategy": "strategy",
        "weight": "weight",
    },
)
class MiddlewareSpecErrorsService:
    def __init__(
        self,
        *,
        name: builtins.str,
        kind: typing.Optional["MiddlewareSpecErrorsServiceKind"] = None,
        namespace: typing.Optional[builtins.str] = None,
        native_lb: typing.Optional[builtins.bool] = None,
        pass_host_header: typing.Optional[builtins.bool] = None,
        port: typing.Optional["MiddlewareSpecErrorsServicePort"] = None,
        response_forwarding: typing.Optional[typing.Union["MiddlewareSpecErrorsServiceResponseForwarding", typing.Dict[builtins.str, typing.Any]]] = None,
        scheme: typing.Optional[builtins.str] = None,
        servers_transport: typing.Optional[builtins.str] = None,
        sticky: typing.Optional[typing.Union["MiddlewareSpecErrorsServiceSticky", typing.Dict[builtins.str, typing.Any]]] = None,
        strategy: typing.Optional[builtins.str] = None,
        weight: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''Service defines the reference to a Kubernetes Service that will serve the error page.

        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/errorpages/#service

        :param name: Name defines the name of the referenced Kubernetes Service or TraefikService. The differentiation between the two is specified in the Kind field.
        :param kind: Kind defines the kind of the Service.
        :param namespace: Namespace defines the namespace of the referenced Kubernetes Service or TraefikService.
        :param native_lb: NativeLB controls, when creating the load-balancer, whether the LB's children are directly the pods IPs or if the only child is the Kubernetes Service clusterIP. The Kubernetes Service itself does load-balance to the pods. By default, NativeLB is false.
        :param pass_host_header: PassHostHeader defines whether the client Host header is forwarded to the upstream Kubernetes Service. By default, passHostHeader is true.
        :param port: Port defines the port of a Kubernetes Service. This can be a reference to a named port.
        :param response_forwarding: ResponseForwarding defines how Traefik forwards the response from the upstream Kubernetes Service to the client.
        :param scheme: Scheme defines the scheme to use for the request to the upstream Kubernetes Service. It defaults to https when Kubernetes Service port is 443, http otherwise.
        :param servers_transport: ServersTransport defines the name of ServersTransport resource to use. It allows to configure the transport between Traefik and your servers. Can only be used on a Kubernetes Service.
        :param sticky: Sticky defines the sticky sessions configuration. More info: https://doc.traefik.io/traefik/v2.11/routing/services/#sticky-sessions
        :param strategy: Strategy defines the load balancing strategy between the servers. RoundRobin is the only supported value at the moment.
        :param weight: Weight defines the weight and should only be specified when Name references a TraefikService object (and to be precise, one that embeds a Weighted Round Robin).

        :schema: MiddlewareSpecErrorsService
        '''
        if isinstance(response_forwarding, dict):
            response_forwarding = MiddlewareSpecErrorsServiceResponseForwarding(**response_forwarding)
        if isinstance(sticky, dict):
            sticky = MiddlewareSpecErrorsServiceSticky(**sticky)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__beb5afcc411c380cfdac7b478fb843a36fb7a1c56638c3703c4d5f3e15d01e89)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument kind", value=kind, expected_type=type_hints["kind"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
            check_type(argname="argument native_lb", value=native_lb, expected_type=type_hints["native_lb"])
            check_type(argname="argument pass_host_header", value=pass_host_header, expected_type=type_hints["pass_host_header"])
            check_type(argname="argument port", value=port, expected_type=type_hints["port"])
            check_type(argname="argument response_forwarding", value=response_forwarding, expected_type=type_hints["response_forwarding"])
            check_type(argname="argument scheme", value=scheme, expected_type=type_hints["scheme"])
            check_type(argname="argument servers_transport", value=servers_transport, expected_type=type_hints["servers_transport"])
            check_type(argname="argument sticky", value=sticky, expected_type=type_hints["sticky"])
            check_type(argname="argument strategy", value=strategy, expected_type=type_hints["strategy"])
            check_type(argname="argument weight", value=weight, expected_type=type_hints["weight"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if kind is not None:
            self._values["kind"] = kind
        if namespace is not None:
            self._values["namespace"] = namespace
        if native_lb is not None:
            self._values["native_lb"] = native_lb
        if pass_host_header is not None:
            self._values["pass_host_header"] = pass_host_header
        if port is not None:
            self._values["port"] = port
        if response_forwarding is not None:
            self._values["response_forwarding"] = response_forwarding
        if scheme is not None:
            self._values["scheme"] = scheme
        if servers_transport is not None:
            self._values["servers_transport"] = servers_transport
        if sticky is not None:
            self._values["sticky"] = sticky
        if strategy is not None:
            self._values["strategy"] = strategy
        if weight is not None:
            self._values["weight"] = weight

    @builtins.property
    def name(self) -> builtins.str:
        '''Name defines the name of the referenced Kubernetes Service or TraefikService.

        The differentiation between the two is specified in the Kind field.

        :schema: MiddlewareSpecErrorsService#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def kind(self) -> typing.Optional["MiddlewareSpecErrorsServiceKind"]:
        '''Kind defines the kind of the Service.

        :schema: MiddlewareSpecErrorsService#kind
        '''
        result = self._values.get("kind")
        return typing.cast(typing.Optional["MiddlewareSpecErrorsServiceKind"], result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''Namespace defines the namespace of the referenced Kubernetes Service or TraefikService.

        :schema: MiddlewareSpecErrorsService#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def native_lb(self) -> typing.Optional[builtins.bool]:
        '''NativeLB controls, when creating the load-balancer, whether the LB's children are directly the pods IPs or if the only child is the Kubernetes Service clusterIP.

        The Kubernetes Service itself does load-balance to the pods.
        By default, NativeLB is false.

        :schema: MiddlewareSpecErrorsService#nativeLB
        '''
        result = self._values.get("native_lb")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def pass_host_header(self) -> typing.Optional[builtins.bool]:
        '''PassHostHeader defines whether the client Host header is forwarded to the upstream Kubernetes Service.

        By default, passHostHeader is true.

        :schema: MiddlewareSpecErrorsService#passHostHeader
        '''
        result = self._values.get("pass_host_header")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def port(self) -> typing.Optional["MiddlewareSpecErrorsServicePort"]:
        '''Port defines the port of a Kubernetes Service.

        This can be a reference to a named port.

        :schema: MiddlewareSpecErrorsService#port
        '''
        result = self._values.get("port")
        return typing.cast(typing.Optional["MiddlewareSpecErrorsServicePort"], result)

    @builtins.property
    def response_forwarding(
        self,
    ) -> typing.Optional["MiddlewareSpecErrorsServiceResponseForwarding"]:
        '''ResponseForwarding defines how Traefik forwards the response from the upstream Kubernetes Service to the client.

        :schema: MiddlewareSpecErrorsService#responseForwarding
        '''
        result = self._values.get("response_forwarding")
        return typing.cast(typing.Optional["MiddlewareSpecErrorsServiceResponseForwarding"], result)

    @builtins.property
    def scheme(self) -> typing.Optional[builtins.str]:
        '''Scheme defines the scheme to use for the request to the upstream Kubernetes Service.

        It defaults to https when Kubernetes Service port is 443, http otherwise.

        :schema: MiddlewareSpecErrorsService#scheme
        '''
        result = self._values.get("scheme")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def servers_transport(self) -> typing.Optional[builtins.str]:
        '''ServersTransport defines the name of ServersTransport resource to use.

        It allows to configure the transport between Traefik and your servers.
        Can only be used on a Kubernetes Service.

        :schema: MiddlewareSpecErrorsService#serversTransport
        '''
        result = self._values.get("servers_transport")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def sticky(self) -> typing.Optional["MiddlewareSpecErrorsServiceSticky"]:
        '''Sticky defines the sticky sessions configuration.

        More info: https://doc.traefik.io/traefik/v2.11/routing/services/#sticky-sessions

        :schema: MiddlewareSpecErrorsService#sticky
        '''
        result = self._values.get("sticky")
        return typing.cast(typing.Optional["MiddlewareSpecErrorsServiceSticky"], result)

    @builtins.property
    def strategy(self) -> typing.Optional[builtins.str]:
        '''Strategy defines the load balancing strategy between the servers.

        RoundRobin is the only supported value at the moment.

        :schema: MiddlewareSpecErrorsService#strategy
        '''
        result = self._values.get("strategy")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def weight(self) -> typing.Optional[jsii.Number]:
        '''Weight defines the weight and should only be specified when Name references a TraefikService object (and to be precise, one that embeds a Weighted Round Robin).

        :schema: MiddlewareSpecErrorsService#weight
        '''
        result = self._values.get("weight")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecErrorsService(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecErrorsServiceKind"
)
class MiddlewareSpecErrorsServiceKind(enum.Enum):
    '''Kind defines the kind of the Service.

    :schema: MiddlewareSpecErrorsServiceKind
    '''

    SERVICE = "SERVICE"
    '''Service.'''
    TRAEFIK_SERVICE = "TRAEFIK_SERVICE"
    '''TraefikService.'''


class MiddlewareSpecErrorsServicePort(
    metaclass=jsii.JSIIMeta,
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecErrorsServicePort",
):
    '''Port defines the port of a Kubernetes Service.

    This can be a reference to a named port.

    :schema: MiddlewareSpecErrorsServicePort
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(cls, value: jsii.Number) -> "MiddlewareSpecErrorsServicePort":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__d4ccdad7eaacb76f55e37182718f3b3c3c6525d2eff567872e36e27fda7b7506)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("MiddlewareSpecErrorsServicePort", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(cls, value: builtins.str) -> "MiddlewareSpecErrorsServicePort":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9f5ec0fda9f777fbf4116ab44e14bdb5a4a6fdca6cbfe53843f217b7f7b02a12)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("MiddlewareSpecErrorsServicePort", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecErrorsServiceResponseForwarding",
    jsii_struct_bases=[],
    name_mapping={"flush_interval": "flushInterval"},
)
class MiddlewareSpecErrorsServiceResponseForwarding:
    def __init__(self, *, flush_interval: typing.Optional[builtins.str] = None) -> None:
        '''ResponseForwarding defines how Traefik forwards the response from the upstream Kubernetes Service to the client.

        :param flush_interval: FlushInterval defines the interval, in milliseconds, in between flushes to the client while copying the response body. A negative value means to flush immediately after each write to the client. This configuration is ignored when ReverseProxy recognizes a response as a streaming response; for such responses, writes are flushed to the client immediately. Default: 100ms

        :schema: MiddlewareSpecErrorsServiceResponseForwarding
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ef0a13be79a03ff03b76c82a13fcfb88b62c2b915dac4d637d02b8ffdd63af81)
            check_type(argname="argument flush_interval", value=flush_interval, expected_type=type_hints["flush_interval"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if flush_interval is not None:
            self._values["flush_interval"] = flush_interval

    @builtins.property
    def flush_interval(self) -> typing.Optional[builtins.str]:
        '''FlushInterval defines the interval, in milliseconds, in between flushes to the client while copying the response body.

        A negative value means to flush immediately after each write to the client.
        This configuration is ignored when ReverseProxy recognizes a response as a streaming response;
        for such responses, writes are flushed to the client immediately.
        Default: 100ms

        :schema: MiddlewareSpecErrorsServiceResponseForwarding#flushInterval
        '''
        result = self._values.get("flush_interval")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecErrorsServiceResponseForwarding(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecErrorsServiceSticky",
    jsii_struct_bases=[],
    name_mapping={"cookie": "cookie"},
)
class MiddlewareSpecErrorsServiceSticky:
    def __init__(
        self,
        *,
        cookie: typing.Optional[typing.Union["MiddlewareSpecErrorsServiceStickyCookie", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Sticky defines the sticky sessions configuration.

        More info: https://doc.traefik.io/traefik/v2.11/routing/services/#sticky-sessions

        :param cookie: Cookie defines the sticky cookie configuration.

        :schema: MiddlewareSpecErrorsServiceSticky
        '''
        if isinstance(cookie, dict):
            cookie = MiddlewareSpecErrorsServiceStickyCookie(**cookie)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b09cc4a475bdae16eb02912d9e0bfb6b976812dfe9417d5ce32b3741253c1b93)
            check_type(argname="argument cookie", value=cookie, expected_type=type_hints["cookie"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if cookie is not None:
            self._values["cookie"] = cookie

    @builtins.property
    def cookie(self) -> typing.Optional["MiddlewareSpecErrorsServiceStickyCookie"]:
        '''Cookie defines the sticky cookie configuration.

        :schema: MiddlewareSpecErrorsServiceSticky#cookie
        '''
        result = self._values.get("cookie")
        return typing.cast(typing.Optional["MiddlewareSpecErrorsServiceStickyCookie"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecErrorsServiceSticky(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecErrorsServiceStickyCookie",
    jsii_struct_bases=[],
    name_mapping={
        "http_only": "httpOnly",
        "name": "name",
        "same_site": "sameSite",
        "secure": "secure",
    },
)
class MiddlewareSpecErrorsServiceStickyCookie:
    def __init__(
        self,
        *,
        http_only: typing.Optional[builtins.bool] = None,
        name: typing.Optional[builtins.str] = None,
        same_site: typing.Optional[builtins.str] = None,
        secure: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''Cookie defines the sticky cookie configuration.

        :param http_only: HTTPOnly defines whether the cookie can be accessed by client-side APIs, such as JavaScript.
        :param name: Name defines the Cookie name.
        :param same_site: SameSite defines the same site policy. More info: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie/SameSite
        :param secure: Secure defines whether the cookie can only be transmitted over an encrypted connection (i.e. HTTPS).

        :schema: MiddlewareSpecErrorsServiceStickyCookie
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__4e30ce48f56a49c361c63c072ab9c4e11a0443b1bc6770c373ddb2dee2b118ca)
            check_type(argname="argument http_only", value=http_only, expected_type=type_hints["http_only"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument same_site", value=same_site, expected_type=type_hints["same_site"])
            check_type(argname="argument secure", value=secure, expected_type=type_hints["secure"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if http_only is not None:
            self._values["http_only"] = http_only
        if name is not None:
            self._values["name"] = name
        if same_site is not None:
            self._values["same_site"] = same_site
        if secure is not None:
            self._values["secure"] = secure

    @builtins.property
    def http_only(self) -> typing.Optional[builtins.bool]:
        '''HTTPOnly defines whether the cookie can be accessed by client-side APIs, such as JavaScript.

        :schema: MiddlewareSpecErrorsServiceStickyCookie#httpOnly
        '''
        result = self._values.get("http_only")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''Name defines the Cookie name.

        :schema: MiddlewareSpecErrorsServiceStickyCookie#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def same_site(self) -> typing.Optional[builtins.str]:
        '''SameSite defines the same site policy.

        More info: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie/SameSite

        :schema: MiddlewareSpecErrorsServiceStickyCookie#sameSite
        '''
        result = self._values.get("same_site")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def secure(self) -> typing.Optional[builtins.bool]:
        '''Secure defines whether the cookie can only be transmitted over an encrypted connection (i.e. HTTPS).

        :schema: MiddlewareSpecErrorsServiceStickyCookie#secure
        '''
        result = self._values.get("secure")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecErrorsServiceStickyCookie(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecForwardAuth",
    jsii_struct_bases=[],
    name_mapping={
        "address": "address",
        "auth_request_headers": "authRequestHeaders",
        "auth_response_headers": "authResponseHeaders",
        "auth_response_headers_regex": "authResponseHeadersRegex",
        "tls": "tls",
        "trust_forward_header": "trustForwardHeader",
    },
)
class MiddlewareSpecForwardAuth:
    def __init__(
        self,
        *,
        address: typing.Optional[builtins.str] = None,
        auth_request_headers: typing.Optional[typing.Sequence[builtins.str]] = None,
        auth_response_headers: typing.Optional[typing.Sequence[builtins.str]] = None,
        auth_response_headers_regex: typing.Optional[builtins.str] = None,
        tls: typing.Optional[typing.Union["MiddlewareSpecForwardAuthTls", typing.Dict[builtins.str, typing.Any]]] = None,
        trust_forward_header: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''ForwardAuth holds the forward auth middleware configuration.

        This middleware delegates the request authentication to a Service.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/forwardauth/

        :param address: Address defines the authentication server address.
        :param auth_request_headers: AuthRequestHeaders defines the list of the headers to copy from the request to the authentication server. If not set or empty then all request headers are passed.
        :param auth_response_headers: AuthResponseHeaders defines the list of headers to copy from the authentication server response and set on forwarded request, replacing any existing conflicting headers.
        :param auth_response_headers_regex: AuthResponseHeadersRegex defines the regex to match headers to copy from the authentication server response and set on forwarded request, after stripping all headers that match the regex. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/forwardauth/#authresponseheadersregex
        :param tls: TLS defines the configuration used to secure the connection to the authentication server.
        :param trust_forward_header: TrustForwardHeader defines whether to trust (ie: forward) all X-Forwarded-* headers.

        :schema: MiddlewareSpecForwardAuth
        '''
        if isinstance(tls, dict):
            tls = MiddlewareSpecForwardAuthTls(**tls)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3870e5ea1caa5e26d932264444f496286b37856d9f417df456acd25b1fa285b6)
            check_type(argname="argument address", value=address, expected_type=type_hints["address"])
            check_type(argname="argument auth_request_headers", value=auth_request_headers, expected_type=type_hints["auth_request_headers"])
            check_type(argname="argument auth_response_headers", value=auth_response_headers, expected_type=type_hints["auth_response_headers"])
            check_type(argname="argument auth_response_headers_regex", value=auth_response_headers_regex, expected_type=type_hints["auth_response_headers_regex"])
            check_type(argname="argument tls", value=tls, expected_type=type_hints["tls"])
            check_type(argname="argument trust_forward_header", value=trust_forward_header, expected_type=type_hints["trust_forward_header"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if address is not None:
            self._values["address"] = address
        if auth_request_headers is not None:
            self._values["auth_request_headers"] = auth_request_headers
        if auth_response_headers is not None:
            self._values["auth_response_headers"] = auth_response_headers
        if auth_response_headers_regex is not None:
            self._values["auth_response_headers_regex"] = auth_response_headers_regex
        if tls is not None:
            self._values["tls"] = tls
        if trust_forward_header is not None:
            self._values["trust_forward_header"] = trust_forward_header

    @builtins.property
    def address(self) -> typing.Optional[builtins.str]:
        '''Address defines the authentication server address.

        :schema: MiddlewareSpecForwardAuth#address
        '''
        result = self._values.get("address")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def auth_request_headers(self) -> typing.Optional[typing.List[builtins.str]]:
        '''AuthRequestHeaders defines the list of the headers to copy from the request to the authentication server.

        If not set or empty then all request headers are passed.

        :schema: MiddlewareSpecForwardAuth#authRequestHeaders
        '''
        result = self._values.get("auth_request_headers")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def auth_response_headers(self) -> typing.Optional[typing.List[builtins.str]]:
        '''AuthResponseHeaders defines the list of headers to copy from the authentication server response and set on forwarded request, replacing any existing conflicting headers.

        :schema: MiddlewareSpecForwardAuth#authResponseHeaders
        '''
        result = self._values.get("auth_response_headers")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def auth_response_headers_regex(self) -> typing.Optional[builtins.str]:
        '''AuthResponseHeadersRegex defines the regex to match headers to copy from the authentication server response and set on forwarded request, after stripping all headers that match the regex.

        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/forwardauth/#authresponseheadersregex

        :schema: MiddlewareSpecForwardAuth#authResponseHeadersRegex
        '''
        result = self._values.get("auth_response_headers_regex")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def tls(self) -> typing.Optional["MiddlewareSpecForwardAuthTls"]:
        '''TLS defines the configuration used to secure the connection to the authentication server.

        :schema: MiddlewareSpecForwardAuth#tls
        '''
        result = self._values.get("tls")
        return typing.cast(typing.Optional["MiddlewareSpecForwardAuthTls"], result)

    @builtins.property
    def trust_forward_header(self) -> typing.Optional[builtins.bool]:
        '''TrustForwardHeader defines whether to trust (ie: forward) all X-Forwarded-* headers.

        :schema: MiddlewareSpecForwardAuth#trustForwardHeader
        '''
        result = self._values.get("trust_forward_header")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecForwardAuth(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecForwardAuthTls",
    jsii_struct_bases=[],
    name_mapping={
        "ca_optional": "caOptional",
        "ca_secret": "caSecret",
        "cert_secret": "certSecret",
        "insecure_skip_verify": "insecureSkipVerify",
    },
)
class MiddlewareSpecForwardAuthTls:
    def __init__(
        self,
        *,
        ca_optional: typing.Optional[builtins.bool] = None,
        ca_secret: typing.Optional[builtins.str] = None,
        cert_secret: typing.Optional[builtins.str] = None,
        insecure_skip_verify: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''TLS defines the configuration used to secure the connection to the authentication server.

        :param ca_optional: 
        :param ca_secret: CASecret is the name of the referenced Kubernetes Secret containing the CA to validate the server certificate. The CA certificate is extracted from key ``tls.ca`` or ``ca.crt``.
        :param cert_secret: CertSecret is the name of the referenced Kubernetes Secret containing the client certificate. The client certificate is extracted from the keys ``tls.crt`` and ``tls.key``.
        :param insecure_skip_verify: InsecureSkipVerify defines whether the server certificates should be validated.

        :schema: MiddlewareSpecForwardAuthTls
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c7ed8707d16f761dd1a18777cbe52099db7780eae9f2dbc0bf2ac09d35421414)
            check_type(argname="argument ca_optional", value=ca_optional, expected_type=type_hints["ca_optional"])
            check_type(argname="argument ca_secret", value=ca_secret, expected_type=type_hints["ca_secret"])
            check_type(argname="argument cert_secret", value=cert_secret, expected_type=type_hints["cert_secret"])
            check_type(argname="argument insecure_skip_verify", value=insecure_skip_verify, expected_type=type_hints["insecure_skip_verify"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if ca_optional is not None:
            self._values["ca_optional"] = ca_optional
        if ca_secret is not None:
            self._values["ca_secret"] = ca_secret
        if cert_secret is not None:
            self._values["cert_secret"] = cert_secret
        if insecure_skip_verify is not None:
            self._values["insecure_skip_verify"] = insecure_skip_verify

    @builtins.property
    def ca_optional(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: MiddlewareSpecForwardAuthTls#caOptional
        '''
        result = self._values.get("ca_optional")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def ca_secret(self) -> typing.Optional[builtins.str]:
        '''CASecret is the name of the referenced Kubernetes Secret containing the CA to validate the server certificate.

        The CA certificate is extracted from key ``tls.ca`` or ``ca.crt``.

        :schema: MiddlewareSpecForwardAuthTls#caSecret
        '''
        result = self._values.get("ca_secret")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def cert_secret(self) -> typing.Optional[builtins.str]:
        '''CertSecret is the name of the referenced Kubernetes Secret containing the client certificate.

        The client certificate is extracted from the keys ``tls.crt`` and ``tls.key``.

        :schema: MiddlewareSpecForwardAuthTls#certSecret
        '''
        result = self._values.get("cert_secret")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def insecure_skip_verify(self) -> typing.Optional[builtins.bool]:
        '''InsecureSkipVerify defines whether the server certificates should be validated.

        :schema: MiddlewareSpecForwardAuthTls#insecureSkipVerify
        '''
        result = self._values.get("insecure_skip_verify")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecForwardAuthTls(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecHeaders",
    jsii_struct_bases=[],
    name_mapping={
        "access_control_allow_credentials": "accessControlAllowCredentials",
        "access_control_allow_headers": "accessControlAllowHeaders",
        "access_control_allow_methods": "accessControlAllowMethods",
        "access_control_allow_origin_list": "accessControlAllowOriginList",
        "access_control_allow_origin_list_regex": "accessControlAllowOriginListRegex",
        "access_control_expose_headers": "accessControlExposeHeaders",
        "access_control_max_age": "accessControlMaxAge",
        "add_vary_header": "addVaryHeader",
        "allowed_hosts": "allowedHosts",
        "browser_xss_filter": "browserXssFilter",
        "content_security_policy": "contentSecurityPolicy",
        "content_type_nosniff": "contentTypeNosniff",
        "custom_browser_xss_value": "customBrowserXssValue",
        "custom_frame_options_value": "customFrameOptionsValue",
        "custom_request_headers": "customRequestHeaders",
        "custom_response_headers": "customResponseHeaders",
        "feature_policy": "featurePolicy",
        "force_sts_header": "forceStsHeader",
        "frame_deny": "frameDeny",
        "hosts_proxy_headers": "hostsProxyHeaders",
        "is_development": "isDevelopment",
        "permissions_policy": "permissionsPolicy",
        "public_key": "publicKey",
        "referrer_policy": "referrerPolicy",
        "ssl_force_host": "sslForceHost",
        "ssl_host": "sslHost",
        "ssl_proxy_headers": "sslProxyHeaders",
        "ssl_redirect": "sslRedirect",
        "ssl_temporary_redirect": "sslTemporaryRedirect",
        "sts_include_subdomains": "stsIncludeSubdomains",
        "sts_preload": "stsPreload",
        "sts_seconds": "stsSeconds",
    },
)
class MiddlewareSpecHeaders:
    def __init__(
        self,
        *,
        access_control_allow_credentials: typing.Optional[builtins.bool] = None,
        access_control_allow_headers: typing.Optional[typing.Sequence[builtins.str]] = None,
        access_control_allow_methods: typing.Optional[typing.Sequence[builtins.str]] = None,
        access_control_allow_origin_list: typing.Optional[typing.Sequence[builtins.str]] = None,
        access_control_allow_origin_list_regex: typing.Optional[typing.Sequence[builtins.str]] = None,
        access_control_expose_headers: typing.Optional[typing.Sequence[builtins.str]] = None,
        access_control_max_age: typing.Optional[jsii.Number] = None,
        add_vary_header: typing.Optional[builtins.bool] = None,
        allowed_hosts: typing.Optional[typing.Sequence[builtins.str]] = None,
        browser_xss_filter: typing.Optional[builtins.bool] = None,
        content_security_policy: typing.Optional[builtins.str] = None,
        content_type_nosniff: typing.Optional[builtins.bool] = None,
        custom_browser_xss_value: typing.Optional[builtins.str] = None,
        custom_frame_options_value: typing.Optional[builtins.str] = None,
        custom_request_headers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        custom_response_headers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        feature_policy: typing.Optional[builtins.str] = None,
        force_sts_header: typing.Optional[builtins.bool] = None,
        frame_deny: typing.Optional[builtins.bool] = None,
        hosts_proxy_headers: typing.Optional[typing.Sequence[builtins.str]] = None,
        is_development: typing.Optional[builtins.bool] = None,
        permissions_policy: typing.Optional[builtins.str] = None,
        public_key: typing.Optional[builtins.str] = None,
        referrer_policy: typing.Optional[builtins.str] = None,
        ssl_force_host: typing.Optional[builtins.bool] = None,
        ssl_host: typing.Optional[builtins.str] = None,
        ssl_proxy_headers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
        ssl_redirect: typing.Optional[builtins.bool] = None,
        ssl_temporary_redirect: typing.Optional[builtins.bool] = None,
        sts_include_subdomains: typing.Optional[builtins.bool] = None,
        sts_preload: typing.Optional[builtins.bool] = None,
        sts_seconds: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''Headers holds the headers middleware configuration.

        This middleware manages the requests and responses headers.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/headers/#customrequestheaders

        :param access_control_allow_credentials: AccessControlAllowCredentials defines whether the request can include user credentials.
        :param access_control_allow_headers: AccessControlAllowHeaders defines the Access-Control-Request-Headers values sent in preflight response.
        :param access_control_allow_methods: AccessControlAllowMethods defines the Access-Control-Request-Method values sent in preflight response.
        :param access_control_allow_origin_list: AccessControlAllowOriginList is a list of allowable origins. Can also be a wildcard origin "*".
        :param access_control_allow_origin_list_regex: AccessControlAllowOriginListRegex is a list of allowable origins written following the Regular Expression syntax (https://golang.org/pkg/regexp/).
        :param access_control_expose_headers: AccessControlExposeHeaders defines the Access-Control-Expose-Headers values sent in preflight response.
        :param access_control_max_age: AccessControlMaxAge defines the time that a preflight request may be cached.
        :param add_vary_header: AddVaryHeader defines whether the Vary header is automatically added/updated when the AccessControlAllowOriginList is set.
        :param allowed_hosts: AllowedHosts defines the fully qualified list of allowed domain names.
        :param browser_xss_filter: BrowserXSSFilter defines whether to add the X-XSS-Protection header with the value 1; mode=block.
        :param content_security_policy: ContentSecurityPolicy defines the Content-Security-Policy header value.
        :param content_type_nosniff: ContentTypeNosniff defines whether to add the X-Content-Type-Options header with the nosniff value.
        :param custom_browser_xss_value: CustomBrowserXSSValue defines the X-XSS-Protection header value. This overrides the BrowserXssFilter option.
        :param custom_frame_options_value: CustomFrameOptionsValue defines the X-Frame-Options header value. This overrides the FrameDeny option.
        :param custom_request_headers: CustomRequestHeaders defines the header names and values to apply to the request.
        :param custom_response_headers: CustomResponseHeaders defines the header names and values to apply to the response.
        :param feature_policy: Deprecated: use PermissionsPolicy instead.
        :param force_sts_header: ForceSTSHeader defines whether to add the STS header even when the connection is HTTP.
        :param frame_deny: FrameDeny defines whether to add the X-Frame-Options header with the DENY value.
        :param hosts_proxy_headers: HostsProxyHeaders defines the header keys that may hold a proxied hostname value for the request.
        :param is_development: IsDevelopment defines whether to mitigate the unwanted effects of the AllowedHosts, SSL, and STS options when developing. Usually testing takes place using HTTP, not HTTPS, and on localhost, not your production domain. If you would like your development environment to mimic production with complete Host blocking, SSL redirects, and STS headers, leave this as false.
        :param permissions_policy: PermissionsPolicy defines the Permissions-Policy header value. This allows sites to control browser features.
        :param public_key: PublicKey is the public key that implements HPKP to prevent MITM attacks with forged certificates.
        :param referrer_policy: ReferrerPolicy defines the Referrer-Policy header value. This allows sites to control whether browsers forward the Referer header to other sites.
        :param ssl_force_host: Deprecated: use RedirectRegex instead.
        :param ssl_host: Deprecated: use RedirectRegex instead.
        :param ssl_proxy_headers: SSLProxyHeaders defines the header keys with associated values that would indicate a valid HTTPS request. It can be useful when using other proxies (example: "X-Forwarded-Proto": "https").
        :param ssl_redirect: Deprecated: use EntryPoint redirection or RedirectScheme instead.
        :param ssl_temporary_redirect: Deprecated: use EntryPoint redirection or RedirectScheme instead.
        :param sts_include_subdomains: STSIncludeSubdomains defines whether the includeSubDomains directive is appended to the Strict-Transport-Security header.
        :param sts_preload: STSPreload defines whether the preload flag is appended to the Strict-Transport-Security header.
        :param sts_seconds: STSSeconds defines the max-age of the Strict-Transport-Security header. If set to 0, the header is not set.

        :schema: MiddlewareSpecHeaders
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2c2ee826f052d2df427def5c2d617d1e1d38d6c0e42f42c1bfc17c2f463a88be)
            check_type(argname="argument access_control_allow_credentials", value=access_control_allow_credentials, expected_type=type_hints["access_control_allow_credentials"])
            check_type(argname="argument access_control_allow_headers", value=access_control_allow_headers, expected_type=type_hints["access_control_allow_headers"])
            check_type(argname="argument access_control_allow_methods", value=access_control_allow_methods, expected_type=type_hints["access_control_allow_methods"])
            check_type(argname="argument access_control_allow_origin_list", value=access_control_allow_origin_list, expected_type=type_hints["access_control_allow_origin_list"])
            check_type(argname="argument access_control_allow_origin_list_regex", value=access_control_allow_origin_list_regex, expected_type=type_hints["access_control_allow_origin_list_regex"])
            check_type(argname="argument access_control_expose_headers", value=access_control_expose_headers, expected_type=type_hints["access_control_expose_headers"])
            check_type(argname="argument access_control_max_age", value=access_control_max_age, expected_type=type_hints["access_control_max_age"])
            check_type(argname="argument add_vary_header", value=add_vary_header, expected_type=type_hints["add_vary_header"])
            check_type(argname="argument allowed_hosts", value=allowed_hosts, expected_type=type_hints["allowed_hosts"])
            check_type(argname="argument browser_xss_filter", value=browser_xss_filter, expected_type=type_hints["browser_xss_filter"])
            check_type(argname="argument content_security_policy", value=content_security_policy, expected_type=type_hints["content_security_policy"])
            check_type(argname="argument content_type_nosniff", value=content_type_nosniff, expected_type=type_hints["content_type_nosniff"])
            check_type(argname="argument custom_browser_xss_value", value=custom_browser_xss_value, expected_type=type_hints["custom_browser_xss_value"])
            check_type(argname="argument custom_frame_options_value", value=custom_frame_options_value, expected_type=type_hints["custom_frame_options_value"])
            check_type(argname="argument custom_request_headers", value=custom_request_headers, expected_type=type_hints["custom_request_headers"])
            check_type(argname="argument custom_response_headers", value=custom_response_headers, expected_type=type_hints["custom_response_headers"])
            check_type(argname="argument feature_policy", value=feature_policy, expected_type=type_hints["feature_policy"])
            check_type(argname="argument force_sts_header", value=force_sts_header, expected_type=type_hints["force_sts_header"])
            check_type(argname="argument frame_deny", value=frame_deny, expected_type=type_hints["frame_deny"])
            check_type(argname="argument hosts_proxy_headers", value=hosts_proxy_headers, expected_type=type_hints["hosts_proxy_headers"])
            check_type(argname="argument is_development", value=is_development, expected_type=type_hints["is_development"])
            check_type(argname="argument permissions_policy", value=permissions_policy, expected_type=type_hints["permissions_policy"])
            check_type(argname="argument public_key", value=public_key, expected_type=type_hints["public_key"])
            check_type(argname="argument referrer_policy", value=referrer_policy, expected_type=type_hints["referrer_policy"])
            check_type(argname="argument ssl_force_host", value=ssl_force_host, expected_type=type_hints["ssl_force_host"])
            check_type(argname="argument ssl_host", value=ssl_host, expected_type=type_hints["ssl_host"])
            check_type(argname="argument ssl_proxy_headers", value=ssl_proxy_headers, expected_type=type_hints["ssl_proxy_headers"])
            check_type(argname="argument ssl_redirect", value=ssl_redirect, expected_type=type_hints["ssl_redirect"])
            check_type(argname="argument ssl_temporary_redirect", value=ssl_temporary_redirect, expected_type=type_hints["ssl_temporary_redirect"])
            check_type(argname="argument sts_include_subdomains", value=sts_include_subdomains, expected_type=type_hints["sts_include_subdomains"])
            check_type(argname="argument sts_preload", value=sts_preload, expected_type=type_hints["sts_preload"])
            check_type(argname="argument sts_seconds", value=sts_seconds, expected_type=type_hints["sts_seconds"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if access_control_allow_credentials is not None:
            self._values["access_control_allow_credentials"] = access_control_allow_credentials
        if access_control_allow_headers is not None:
            self._values["access_control_allow_headers"] = access_control_allow_headers
        if access_control_allow_methods is not None:
            self._values["access_control_allow_methods"] = access_control_allow_methods
        if access_control_allow_origin_list is not None:
            self._values["access_control_allow_origin_list"] = access_control_allow_origin_list
        if access_control_allow_origin_list_regex is not None:
            self._values["access_control_allow_origin_list_regex"] = access_control_allow_origin_list_regex
        if access_control_expose_headers is not None:
            self._values["access_control_expose_headers"] = access_control_expose_headers
        if access_control_max_age is not None:
            self._values["access_control_max_age"] = access_control_max_age
        if add_vary_header is not None:
            self._values["add_vary_header"] = add_vary_header
        if allowed_hosts is not None:
            self._values["allowed_hosts"] = allowed_hosts
        if browser_xss_filter is not None:
            self._values["browser_xss_filter"] = browser_xss_filter
        if content_security_policy is not None:
            self._values["content_security_policy"] = content_security_policy
        if content_type_nosniff is not None:
            self._values["content_type_nosniff"] = content_type_nosniff
        if custom_browser_xss_value is not None:
            self._values["custom_browser_xss_value"] = custom_browser_xss_value
        if custom_frame_options_value is not None:
            self._values["custom_frame_options_value"] = custom_frame_options_value
        if custom_request_headers is not None:
            self._values["custom_request_headers"] = custom_request_headers
        if custom_response_headers is not None:
            self._values["custom_response_headers"] = custom_response_headers
        if feature_policy is not None:
            self._values["feature_policy"] = feature_policy
        if force_sts_header is not None:
            self._values["force_sts_header"] = force_sts_header
        if frame_deny is not None:
            self._values["frame_deny"] = frame_deny
        if hosts_proxy_headers is not None:
            self._values["hosts_proxy_headers"] = hosts_proxy_headers
        if is_development is not None:
            self._values["is_development"] = is_development
        if permissions_policy is not None:
            self._values["permissions_policy"] = permissions_policy
        if public_key is not None:
            self._values["public_key"] = public_key
        if referrer_policy is not None:
            self._values["referrer_policy"] = referrer_policy
        if ssl_force_host is not None:
            self._values["ssl_force_host"] = ssl_force_host
        if ssl_host is not None:
            self._values["ssl_host"] = ssl_host
        if ssl_proxy_headers is not None:
            self._values["ssl_proxy_headers"] = ssl_proxy_headers
        if ssl_redirect is not None:
            self._values["ssl_redirect"] = ssl_redirect
        if ssl_temporary_redirect is not None:
            self._values["ssl_temporary_redirect"] = ssl_temporary_redirect
        if sts_include_subdomains is not None:
            self._values["sts_include_subdomains"] = sts_include_subdomains
        if sts_preload is not None:
            self._values["sts_preload"] = sts_preload
        if sts_seconds is not None:
            self._values["sts_seconds"] = sts_seconds

    @builtins.property
    def access_control_allow_credentials(self) -> typing.Optional[builtins.bool]:
        '''AccessControlAllowCredentials defines whether the request can include user credentials.

        :schema: MiddlewareSpecHeaders#accessControlAllowCredentials
        '''
        result = self._values.get("access_control_allow_credentials")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def access_control_allow_headers(
        self,
    ) -> typing.Optional[typing.List[builtins.str]]:
        '''AccessControlAllowHeaders defines the Access-Control-Request-Headers values sent in preflight response.

        :schema: MiddlewareSpecHeaders#accessControlAllowHeaders
        '''
        result = self._values.get("access_control_allow_headers")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def access_control_allow_methods(
        self,
    ) -> typing.Optional[typing.List[builtins.str]]:
        '''AccessControlAllowMethods defines the Access-Control-Request-Method values sent in preflight response.

        :schema: MiddlewareSpecHeaders#accessControlAllowMethods
        '''
        result = self._values.get("access_control_allow_methods")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def access_control_allow_origin_list(
        self,
    ) -> typing.Optional[typing.List[builtins.str]]:
        '''AccessControlAllowOriginList is a list of allowable origins.

        Can also be a wildcard origin "*".

        :schema: MiddlewareSpecHeaders#accessControlAllowOriginList
        '''
        result = self._values.get("access_control_allow_origin_list")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def access_control_allow_origin_list_regex(
        self,
    ) -> typing.Optional[typing.List[builtins.str]]:
        '''AccessControlAllowOriginListRegex is a list of allowable origins written following the Regular Expression syntax (https://golang.org/pkg/regexp/).

        :schema: MiddlewareSpecHeaders#accessControlAllowOriginListRegex
        '''
        result = self._values.get("access_control_allow_origin_list_regex")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def access_control_expose_headers(
        self,
    ) -> typing.Optional[typing.List[builtins.str]]:
        '''AccessControlExposeHeaders defines the Access-Control-Expose-Headers values sent in preflight response.

        :schema: MiddlewareSpecHeaders#accessControlExposeHeaders
        '''
        result = self._values.get("access_control_expose_headers")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def access_control_max_age(self) -> typing.Optional[jsii.Number]:
        '''AccessControlMaxAge defines the time that a preflight request may be cached.

        :schema: MiddlewareSpecHeaders#accessControlMaxAge
        '''
        result = self._values.get("access_control_max_age")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def add_vary_header(self) -> typing.Optional[builtins.bool]:
        '''AddVaryHeader defines whether the Vary header is automatically added/updated when the AccessControlAllowOriginList is set.

        :schema: MiddlewareSpecHeaders#addVaryHeader
        '''
        result = self._values.get("add_vary_header")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def allowed_hosts(self) -> typing.Optional[typing.List[builtins.str]]:
        '''AllowedHosts defines the fully qualified list of allowed domain names.

        :schema: MiddlewareSpecHeaders#allowedHosts
        '''
        result = self._values.get("allowed_hosts")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def browser_xss_filter(self) -> typing.Optional[builtins.bool]:
        '''BrowserXSSFilter defines whether to add the X-XSS-Protection header with the value 1;

        mode=block.

        :schema: MiddlewareSpecHeaders#browserXssFilter
        '''
        result = self._values.get("browser_xss_filter")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def content_security_policy(self) -> typing.Optional[builtins.str]:
        '''ContentSecurityPolicy defines the Content-Security-Policy header value.

        :schema: MiddlewareSpecHeaders#contentSecurityPolicy
        '''
        result = self._values.get("content_security_policy")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def content_type_nosniff(self) -> typing.Optional[builtins.bool]:
        '''ContentTypeNosniff defines whether to add the X-Content-Type-Options header with the nosniff value.

        :schema: MiddlewareSpecHeaders#contentTypeNosniff
        '''
        result = self._values.get("content_type_nosniff")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def custom_browser_xss_value(self) -> typing.Optional[builtins.str]:
        '''CustomBrowserXSSValue defines the X-XSS-Protection header value.

        This overrides the BrowserXssFilter option.

        :schema: MiddlewareSpecHeaders#customBrowserXSSValue
        '''
        result = self._values.get("custom_browser_xss_value")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def custom_frame_options_value(self) -> typing.Optional[builtins.str]:
        '''CustomFrameOptionsValue defines the X-Frame-Options header value.

        This overrides the FrameDeny option.

        :schema: MiddlewareSpecHeaders#customFrameOptionsValue
        '''
        result = self._values.get("custom_frame_options_value")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def custom_request_headers(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''CustomRequestHeaders defines the header names and values to apply to the request.

        :schema: MiddlewareSpecHeaders#customRequestHeaders
        '''
        result = self._values.get("custom_request_headers")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def custom_response_headers(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''CustomResponseHeaders defines the header names and values to apply to the response.

        :schema: MiddlewareSpecHeaders#customResponseHeaders
        '''
        result = self._values.get("custom_response_headers")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def feature_policy(self) -> typing.Optional[builtins.str]:
        '''Deprecated: use PermissionsPolicy instead.

        :schema: MiddlewareSpecHeaders#featurePolicy
        '''
        result = self._values.get("feature_policy")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def force_sts_header(self) -> typing.Optional[builtins.bool]:
        '''ForceSTSHeader defines whether to add the STS header even when the connection is HTTP.

        :schema: MiddlewareSpecHeaders#forceSTSHeader
        '''
        result = self._values.get("force_sts_header")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def frame_deny(self) -> typing.Optional[builtins.bool]:
        '''FrameDeny defines whether to add the X-Frame-Options header with the DENY value.

        :schema: MiddlewareSpecHeaders#frameDeny
        '''
        result = self._values.get("frame_deny")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def hosts_proxy_headers(self) -> typing.Optional[typing.List[builtins.str]]:
        '''HostsProxyHeaders defines the header keys that may hold a proxied hostname value for the request.

        :schema: MiddlewareSpecHeaders#hostsProxyHeaders
        '''
        result = self._values.get("hosts_proxy_headers")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def is_development(self) -> typing.Optional[builtins.bool]:
        '''IsDevelopment defines whether to mitigate the unwanted effects of the AllowedHosts, SSL, and STS options when developing.

        Usually testing takes place using HTTP, not HTTPS, and on localhost, not your production domain.
        If you would like your development environment to mimic production with complete Host blocking, SSL redirects,
        and STS headers, leave this as false.

        :schema: MiddlewareSpecHeaders#isDevelopment
        '''
        result = self._values.get("is_development")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def permissions_policy(self) -> typing.Optional[builtins.str]:
        '''PermissionsPolicy defines the Permissions-Policy header value.

        This allows sites to control browser features.

        :schema: MiddlewareSpecHeaders#permissionsPolicy
        '''
        result = self._values.get("permissions_policy")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def public_key(self) -> typing.Optional[builtins.str]:
        '''PublicKey is the public key that implements HPKP to prevent MITM attacks with forged certificates.

        :schema: MiddlewareSpecHeaders#publicKey
        '''
        result = self._values.get("public_key")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def referrer_policy(self) -> typing.Optional[builtins.str]:
        '''ReferrerPolicy defines the Referrer-Policy header value.

        This allows sites to control whether browsers forward the Referer header to other sites.

        :schema: MiddlewareSpecHeaders#referrerPolicy
        '''
        result = self._values.get("referrer_policy")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def ssl_force_host(self) -> typing.Optional[builtins.bool]:
        '''Deprecated: use RedirectRegex instead.

        :schema: MiddlewareSpecHeaders#sslForceHost
        '''
        result = self._values.get("ssl_force_host")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def ssl_host(self) -> typing.Optional[builtins.str]:
        '''Deprecated: use RedirectRegex instead.

        :schema: MiddlewareSpecHeaders#sslHost
        '''
        result = self._values.get("ssl_host")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def ssl_proxy_headers(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''SSLProxyHeaders defines the header keys with associated values that would indicate a valid HTTPS request.

        It can be useful when using other proxies (example: "X-Forwarded-Proto": "https").

        :schema: MiddlewareSpecHeaders#sslProxyHeaders
        '''
        result = self._values.get("ssl_proxy_headers")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    @builtins.property
    def ssl_redirect(self) -> typing.Optional[builtins.bool]:
        '''Deprecated: use EntryPoint redirection or RedirectScheme instead.

        :schema: MiddlewareSpecHeaders#sslRedirect
        '''
        result = self._values.get("ssl_redirect")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def ssl_temporary_redirect(self) -> typing.Optional[builtins.bool]:
        '''Deprecated: use EntryPoint redirection or RedirectScheme instead.

        :schema: MiddlewareSpecHeaders#sslTemporaryRedirect
        '''
        result = self._values.get("ssl_temporary_redirect")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def sts_include_subdomains(self) -> typing.Optional[builtins.bool]:
        '''STSIncludeSubdomains defines whether the includeSubDomains directive is appended to the Strict-Transport-Security header.

        :schema: MiddlewareSpecHeaders#stsIncludeSubdomains
        '''
        result = self._values.get("sts_include_subdomains")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def sts_preload(self) -> typing.Optional[builtins.bool]:
        '''STSPreload defines whether the preload flag is appended to the Strict-Transport-Security header.

        :schema: MiddlewareSpecHeaders#stsPreload
        '''
        result = self._values.get("sts_preload")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def sts_seconds(self) -> typing.Optional[jsii.Number]:
        '''STSSeconds defines the max-age of the Strict-Transport-Security header.

        If set to 0, the header is not set.

        :schema: MiddlewareSpecHeaders#stsSeconds
        '''
        result = self._values.get("sts_seconds")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecHeaders(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecInFlightReq",
    jsii_struct_bases=[],
    name_mapping={"amount": "amount", "source_criterion": "sourceCriterion"},
)
class MiddlewareSpecInFlightReq:
    def __init__(
        self,
        *,
        amount: typing.Optional[jsii.Number] = None,
        source_criterion: typing.Optional[typing.Union["MiddlewareSpecInFlightReqSourceCriterion", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''InFlightReq holds the in-flight request middleware configuration.

        This middleware limits the number of requests being processed and served concurrently.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/inflightreq/

        :param amount: Amount defines the maximum amount of allowed simultaneous in-flight request. The middleware responds with HTTP 429 Too Many Requests if there are already amount requests in progress (based on the same sourceCriterion strategy).
        :param source_criterion: SourceCriterion defines what criterion is used to group requests as originating from a common source. If several strategies are defined at the same time, an error will be raised. If none are set, the default is to use the requestHost. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/inflightreq/#sourcecriterion

        :schema: MiddlewareSpecInFlightReq
        '''
        if isinstance(source_criterion, dict):
            source_criterion = MiddlewareSpecInFlightReqSourceCriterion(**source_criterion)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__fc31d9b629f2f37d48af1d8548bb842b1583d13ff1fc849ed2ad9dd975776816)
            check_type(argname="argument amount", value=amount, expected_type=type_hints["amount"])
            check_type(argname="argument source_criterion", value=source_criterion, expected_type=type_hints["source_criterion"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if amount is not None:
            self._values["amount"] = amount
        if source_criterion is not None:
            self._values["source_criterion"] = source_criterion

    @builtins.property
    def amount(self) -> typing.Optional[jsii.Number]:
        '''Amount defines the maximum amount of allowed simultaneous in-flight request.

        The middleware responds with HTTP 429 Too Many Requests if there are already amount requests in progress (based on the same sourceCriterion strategy).

        :schema: MiddlewareSpecInFlightReq#amount
        '''
        result = self._values.get("amount")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def source_criterion(
        self,
    ) -> typing.Optional["MiddlewareSpecInFlightReqSourceCriterion"]:
        '''SourceCriterion defines what criterion is used to group requests as originating from a common source.

        If several strategies are defined at the same time, an error will be raised.
        If none are set, the default is to use the requestHost.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/inflightreq/#sourcecriterion

        :schema: MiddlewareSpecInFlightReq#sourceCriterion
        '''
        result = self._values.get("source_criterion")
        return typing.cast(typing.Optional["MiddlewareSpecInFlightReqSourceCriterion"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecInFlightReq(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecInFlightReqSourceCriterion",
    jsii_struct_bases=[],
    name_mapping={
        "ip_strategy": "ipStrategy",
        "request_header_name": "requestHeaderName",
        "request_host": "requestHost",
    },
)
class MiddlewareSpecInFlightReqSourceCriterion:
    def __init__(
        self,
        *,
        ip_strategy: typing.Optional[typing.Union["MiddlewareSpecInFlightReqSourceCriterionIpStrategy", typing.Dict[builtins.str, typing.Any]]] = None,
        request_header_name: typing.Optional[builtins.str] = None,
        request_host: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''SourceCriterion defines what criterion is used to group requests as originating from a common source.

        If several strategies are defined at the same time, an error will be raised.
        If none are set, the default is to use the requestHost.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/inflightreq/#sourcecriterion

        :param ip_strategy: IPStrategy holds the IP strategy configuration used by Traefik to determine the client IP. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/#ipstrategy
        :param request_header_name: RequestHeaderName defines the name of the header used to group incoming requests.
        :param request_host: RequestHost defines whether to consider the request Host as the source.

        :schema: MiddlewareSpecInFlightReqSourceCriterion
        '''
        if isinstance(ip_strategy, dict):
            ip_strategy = MiddlewareSpecInFlightReqSourceCriterionIpStrategy(**ip_strategy)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2e5babfead2996ddb859bac30205a2d70706d575fc2f8e9516c9a22b00456f76)
            check_type(argname="argument ip_strategy", value=ip_strategy, expected_type=type_hints["ip_strategy"])
            check_type(argname="argument request_header_name", value=request_header_name, expected_type=type_hints["request_header_name"])
            check_type(argname="argument request_host", value=request_host, expected_type=type_hints["request_host"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if ip_strategy is not None:
            self._values["ip_strategy"] = ip_strategy
        if request_header_name is not None:
            self._values["request_header_name"] = request_header_name
        if request_host is not None:
            self._values["request_host"] = request_host

    @builtins.property
    def ip_strategy(
        self,
    ) -> typing.Optional["MiddlewareSpecInFlightReqSourceCriterionIpStrategy"]:
        '''IPStrategy holds the IP strategy configuration used by Traefik to determine the client IP.

        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/#ipstrategy

        :schema: MiddlewareSpecInFlightReqSourceCriterion#ipStrategy
        '''
        result = self._values.get("ip_strategy")
        return typing.cast(typing.Optional["MiddlewareSpecInFlightReqSourceCriterionIpStrategy"], result)

    @builtins.property
    def request_header_name(self) -> typing.Optional[builtins.str]:
        '''RequestHeaderName defines the name of the header used to group incoming requests.

        :schema: MiddlewareSpecInFlightReqSourceCriterion#requestHeaderName
        '''
        result = self._values.get("request_header_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def request_host(self) -> typing.Optional[builtins.bool]:
        '''RequestHost defines whether to consider the request Host as the source.

        :schema: MiddlewareSpecInFlightReqSourceCriterion#requestHost
        '''
        result = self._values.get("request_host")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecInFlightReqSourceCriterion(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecInFlightReqSourceCriterionIpStrategy",
    jsii_struct_bases=[],
    name_mapping={"depth": "depth", "excluded_i_ps": "excludedIPs"},
)
class MiddlewareSpecInFlightReqSourceCriterionIpStrategy:
    def __init__(
        self,
        *,
        depth: typing.Optional[jsii.Number] = None,
        excluded_i_ps: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''IPStrategy holds the IP strategy configuration used by Traefik to determine the client IP.

        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/#ipstrategy

        :param depth: Depth tells Traefik to use the X-Forwarded-For header and take the IP located at the depth position (starting from the right).
        :param excluded_i_ps: ExcludedIPs configures Traefik to scan the X-Forwarded-For header and select the first IP not in the list.

        :schema: MiddlewareSpecInFlightReqSourceCriterionIpStrategy
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8b7de55244c94252958fdedf3ea4fbb9e96c6ab8cca6e99e83263a96de543db2)
            check_type(argname="argument depth", value=depth, expected_type=type_hints["depth"])
            check_type(argname="argument excluded_i_ps", value=excluded_i_ps, expected_type=type_hints["excluded_i_ps"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if depth is not None:
            self._values["depth"] = depth
        if excluded_i_ps is not None:
            self._values["excluded_i_ps"] = excluded_i_ps

    @builtins.property
    def depth(self) -> typing.Optional[jsii.Number]:
        '''Depth tells Traefik to use the X-Forwarded-For header and take the IP located at the depth position (starting from the right).

        :schema: MiddlewareSpecInFlightReqSourceCriterionIpStrategy#depth
        '''
        result = self._values.get("depth")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def excluded_i_ps(self) -> typing.Optional[typing.List[builtins.str]]:
        '''ExcludedIPs configures Traefik to scan the X-Forwarded-For header and select the first IP not in the list.

        :schema: MiddlewareSpecInFlightReqSourceCriterionIpStrategy#excludedIPs
        '''
        result = self._values.get("excluded_i_ps")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecInFlightReqSourceCriterionIpStrategy(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecIpAllowList",
    jsii_struct_bases=[],
    name_mapping={"ip_strategy": "ipStrategy", "source_range": "sourceRange"},
)
class MiddlewareSpecIpAllowList:
    def __init__(
        self,
        *,
        ip_strategy: typing.Optional[typing.Union["MiddlewareSpecIpAllowListIpStrategy", typing.Dict[builtins.str, typing.Any]]] = None,
        source_range: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''IPAllowList holds the IP allowlist middleware configuration.

        This middleware accepts / refuses requests based on the client IP.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/

        :param ip_strategy: IPStrategy holds the IP strategy configuration used by Traefik to determine the client IP. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/#ipstrategy
        :param source_range: SourceRange defines the set of allowed IPs (or ranges of allowed IPs by using CIDR notation).

        :schema: MiddlewareSpecIpAllowList
        '''
        if isinstance(ip_strategy, dict):
            ip_strategy = MiddlewareSpecIpAllowListIpStrategy(**ip_strategy)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b8e86260c5acf9c9e1d80241d07c1b8670b6a07d29d7519f5366051286d1241f)
            check_type(argname="argument ip_strategy", value=ip_strategy, expected_type=type_hints["ip_strategy"])
            check_type(argname="argument source_range", value=source_range, expected_type=type_hints["source_range"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if ip_strategy is not None:
            self._values["ip_strategy"] = ip_strategy
        if source_range is not None:
            self._values["source_range"] = source_range

    @builtins.property
    def ip_strategy(self) -> typing.Optional["MiddlewareSpecIpAllowListIpStrategy"]:
        '''IPStrategy holds the IP strategy configuration used by Traefik to determine the client IP.

        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/#ipstrategy

        :schema: MiddlewareSpecIpAllowList#ipStrategy
        '''
        result = self._values.get("ip_strategy")
        return typing.cast(typing.Optional["MiddlewareSpecIpAllowListIpStrategy"], result)

    @builtins.property
    def source_range(self) -> typing.Optional[typing.List[builtins.str]]:
        '''SourceRange defines the set of allowed IPs (or ranges of allowed IPs by using CIDR notation).

        :schema: MiddlewareSpecIpAllowList#sourceRange
        '''
        result = self._values.get("source_range")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecIpAllowList(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecIpAllowListIpStrategy",
    jsii_struct_bases=[],
    name_mapping={"depth": "depth", "excluded_i_ps": "excludedIPs"},
)
class MiddlewareSpecIpAllowListIpStrategy:
    def __init__(
        self,
        *,
        depth: typing.Optional[jsii.Number] = None,
        excluded_i_ps: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''IPStrategy holds the IP strategy configuration used by Traefik to determine the client IP.

        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/#ipstrategy

        :param depth: Depth tells Traefik to use the X-Forwarded-For header and take the IP located at the depth position (starting from the right).
        :param excluded_i_ps: ExcludedIPs configures Traefik to scan the X-Forwarded-For header and select the first IP not in the list.

        :schema: MiddlewareSpecIpAllowListIpStrategy
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c53b9ddd42255f5745e0b9483578ef913421047e5b78886c7e91bb08151c9867)
            check_type(argname="argument depth", value=depth, expected_type=type_hints["depth"])
            check_type(argname="argument excluded_i_ps", value=excluded_i_ps, expected_type=type_hints["excluded_i_ps"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if depth is not None:
            self._values["depth"] = depth
        if excluded_i_ps is not None:
            self._values["excluded_i_ps"] = excluded_i_ps

    @builtins.property
    def depth(self) -> typing.Optional[jsii.Number]:
        '''Depth tells Traefik to use the X-Forwarded-For header and take the IP located at the depth position (starting from the right).

        :schema: MiddlewareSpecIpAllowListIpStrategy#depth
        '''
        result = self._values.get("depth")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def excluded_i_ps(self) -> typing.Optional[typing.List[builtins.str]]:
        '''ExcludedIPs configures Traefik to scan the X-Forwarded-For header and select the first IP not in the list.

        :schema: MiddlewareSpecIpAllowListIpStrategy#excludedIPs
        '''
        result = self._values.get("excluded_i_ps")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecIpAllowListIpStrategy(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecIpWhiteList",
    jsii_struct_bases=[],
    name_mapping={"ip_strategy": "ipStrategy", "source_range": "sourceRange"},
)
class MiddlewareSpecIpWhiteList:
    def __init__(
        self,
        *,
        ip_strategy: typing.Optional[typing.Union["MiddlewareSpecIpWhiteListIpStrategy", typing.Dict[builtins.str, typing.Any]]] = None,
        source_range: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''IPWhiteList holds the IP whitelist middleware configuration.

        This middleware accepts / refuses requests based on the client IP.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipwhitelist/
        Deprecated: please use IPAllowList instead.

        :param ip_strategy: IPStrategy holds the IP strategy configuration used by Traefik to determine the client IP. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/#ipstrategy
        :param source_range: SourceRange defines the set of allowed IPs (or ranges of allowed IPs by using CIDR notation).

        :schema: MiddlewareSpecIpWhiteList
        '''
        if isinstance(ip_strategy, dict):
            ip_strategy = MiddlewareSpecIpWhiteListIpStrategy(**ip_strategy)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c6da7700510157e13bacc90b16abaac41859687e96735f553f6c34ae02447015)
            check_type(argname="argument ip_strategy", value=ip_strategy, expected_type=type_hints["ip_strategy"])
            check_type(argname="argument source_range", value=source_range, expected_type=type_hints["source_range"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if ip_strategy is not None:
            self._values["ip_strategy"] = ip_strategy
        if source_range is not None:
            self._values["source_range"] = source_range

    @builtins.property
    def ip_strategy(self) -> typing.Optional["MiddlewareSpecIpWhiteListIpStrategy"]:
        '''IPStrategy holds the IP strategy configuration used by Traefik to determine the client IP.

        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/#ipstrategy

        :schema: MiddlewareSpecIpWhiteList#ipStrategy
        '''
        result = self._values.get("ip_strategy")
        return typing.cast(typing.Optional["MiddlewareSpecIpWhiteListIpStrategy"], result)

    @builtins.property
    def source_range(self) -> typing.Optional[typing.List[builtins.str]]:
        '''SourceRange defines the set of allowed IPs (or ranges of allowed IPs by using CIDR notation).

        :schema: MiddlewareSpecIpWhiteList#sourceRange
        '''
        result = self._values.get("source_range")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecIpWhiteList(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecIpWhiteListIpStrategy",
    jsii_struct_bases=[],
    name_mapping={"depth": "depth", "excluded_i_ps": "excludedIPs"},
)
class MiddlewareSpecIpWhiteListIpStrategy:
    def __init__(
        self,
        *,
        depth: typing.Optional[jsii.Number] = None,
        excluded_i_ps: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''IPStrategy holds the IP strategy configuration used by Traefik to determine the client IP.

        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/#ipstrategy

        :param depth: Depth tells Traefik to use the X-Forwarded-For header and take the IP located at the depth position (starting from the right).
        :param excluded_i_ps: ExcludedIPs configures Traefik to scan the X-Forwarded-For header and select the first IP not in the list.

        :schema: MiddlewareSpecIpWhiteListIpStrategy
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e02118410b9ec91671ef03a63daaeb05a9053e9d80cfb4177f1f7fcb372b3778)
            check_type(argname="argument depth", value=depth, expected_type=type_hints["depth"])
            check_type(argname="argument excluded_i_ps", value=excluded_i_ps, expected_type=type_hints["excluded_i_ps"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if depth is not None:
            self._values["depth"] = depth
        if excluded_i_ps is not None:
            self._values["excluded_i_ps"] = excluded_i_ps

    @builtins.property
    def depth(self) -> typing.Optional[jsii.Number]:
        '''Depth tells Traefik to use the X-Forwarded-For header and take the IP located at the depth position (starting from the right).

        :schema: MiddlewareSpecIpWhiteListIpStrategy#depth
        '''
        result = self._values.get("depth")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def excluded_i_ps(self) -> typing.Optional[typing.List[builtins.str]]:
        '''ExcludedIPs configures Traefik to scan the X-Forwarded-For header and select the first IP not in the list.

        :schema: MiddlewareSpecIpWhiteListIpStrategy#excludedIPs
        '''
        result = self._values.get("excluded_i_ps")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecIpWhiteListIpStrategy(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecPassTlsClientCert",
    jsii_struct_bases=[],
    name_mapping={"info": "info", "pem": "pem"},
)
class MiddlewareSpecPassTlsClientCert:
    def __init__(
        self,
        *,
        info: typing.Optional[typing.Union["MiddlewareSpecPassTlsClientCertInfo", typing.Dict[builtins.str, typing.Any]]] = None,
        pem: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''PassTLSClientCert holds the pass TLS client cert middleware configuration.

        This middleware adds the selected data from the passed client TLS certificate to a header.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/passtlsclientcert/

        :param info: Info selects the specific client certificate details you want to add to the X-Forwarded-Tls-Client-Cert-Info header.
        :param pem: PEM sets the X-Forwarded-Tls-Client-Cert header with the certificate.

        :schema: MiddlewareSpecPassTlsClientCert
        '''
        if isinstance(info, dict):
            info = MiddlewareSpecPassTlsClientCertInfo(**info)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__506c01ae6aabcb9c0fb493ce2fe986ce516560b3c58c5065d5e978eb753c7083)
            check_type(argname="argument info", value=info, expected_type=type_hints["info"])
            check_type(argname="argument pem", value=pem, expected_type=type_hints["pem"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if info is not None:
            self._values["info"] = info
        if pem is not None:
            self._values["pem"] = pem

    @builtins.property
    def info(self) -> typing.Optional["MiddlewareSpecPassTlsClientCertInfo"]:
        '''Info selects the specific client certificate details you want to add to the X-Forwarded-Tls-Client-Cert-Info header.

        :schema: MiddlewareSpecPassTlsClientCert#info
        '''
        result = self._values.get("info")
        return typing.cast(typing.Optional["MiddlewareSpecPassTlsClientCertInfo"], result)

    @builtins.property
    def pem(self) -> typing.Optional[builtins.bool]:
        '''PEM sets the X-Forwarded-Tls-Client-Cert header with the certificate.

        :schema: MiddlewareSpecPassTlsClientCert#pem
        '''
        result = self._values.get("pem")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecPassTlsClientCert(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecPassTlsClientCertInfo",
    jsii_struct_bases=[],
    name_mapping={
        "issuer": "issuer",
        "not_after": "notAfter",
        "not_before": "notBefore",
        "sans": "sans",
        "serial_number": "serialNumber",
        "subject": "subject",
    },
)
class MiddlewareSpecPassTlsClientCertInfo:
    def __init__(
        self,
        *,
        issuer: typing.Optional[typing.Union["MiddlewareSpecPassTlsClientCertInfoIssuer", typing.Dict[builtins.str, typing.Any]]] = None,
        not_after: typing.Optional[builtins.bool] = None,
        not_before: typing.Optional[builtins.bool] = None,
        sans: typing.Optional[builtins.bool] = None,
        serial_number: typing.Optional[builtins.bool] = None,
        subject: typing.Optional[typing.Union["MiddlewareSpecPassTlsClientCertInfoSubject", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Info selects the specific client certificate details you want to add to the X-Forwarded-Tls-Client-Cert-Info header.

        :param issuer: Issuer defines the client certificate issuer details to add to the X-Forwarded-Tls-Client-Cert-Info header.
        :param not_after: NotAfter defines whether to add the Not After information from the Validity part.
        :param not_before: NotBefore defines whether to add the Not Before information from the Validity part.
        :param sans: Sans defines whether to add the Subject Alternative Name information from the Subject Alternative Name part.
        :param serial_number: SerialNumber defines whether to add the client serialNumber information.
        :param subject: Subject defines the client certificate subject details to add to the X-Forwarded-Tls-Client-Cert-Info header.

        :schema: MiddlewareSpecPassTlsClientCertInfo
        '''
        if isinstance(issuer, dict):
            issuer = MiddlewareSpecPassTlsClientCertInfoIssuer(**issuer)
        if isinstance(subject, dict):
            subject = MiddlewareSpecPassTlsClientCertInfoSubject(**subject)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__7e47dc31d0ea33a4e45a0e25f75ce1256c2ab9979f30b84e69b674246479798b)
            check_type(argname="argument issuer", value=issuer, expected_type=type_hints["issuer"])
            check_type(argname="argument not_after", value=not_after, expected_type=type_hints["not_after"])
            check_type(argname="argument not_before", value=not_before, expected_type=type_hints["not_before"])
            check_type(argname="argument sans", value=sans, expected_type=type_hints["sans"])
            check_type(argname="argument serial_number", value=serial_number, expected_type=type_hints["serial_number"])
            check_type(argname="argument subject", value=subject, expected_type=type_hints["subject"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if issuer is not None:
            self._values["issuer"] = issuer
        if not_after is not None:
            self._values["not_after"] = not_after
        if not_before is not None:
            self._values["not_before"] = not_before
        if sans is not None:
            self._values["sans"] = sans
        if serial_number is not None:
            self._values["serial_number"] = serial_number
        if subject is not None:
            self._values["subject"] = subject

    @builtins.property
    def issuer(self) -> typing.Optional["MiddlewareSpecPassTlsClientCertInfoIssuer"]:
        '''Issuer defines the client certificate issuer details to add to the X-Forwarded-Tls-Client-Cert-Info header.

        :schema: MiddlewareSpecPassTlsClientCertInfo#issuer
        '''
        result = self._values.get("issuer")
        return typing.cast(typing.Optional["MiddlewareSpecPassTlsClientCertInfoIssuer"], result)

    @builtins.property
    def not_after(self) -> typing.Optional[builtins.bool]:
        '''NotAfter defines whether to add the Not After information from the Validity part.

        :schema: MiddlewareSpecPassTlsClientCertInfo#notAfter
        '''
        result = self._values.get("not_after")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def not_before(self) -> typing.Optional[builtins.bool]:
        '''NotBefore defines whether to add the Not Before information from the Validity part.

        :schema: MiddlewareSpecPassTlsClientCertInfo#notBefore
        '''
        result = self._values.get("not_before")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def sans(self) -> typing.Optional[builtins.bool]:
        '''Sans defines whether to add the Subject Alternative Name information from the Subject Alternative Name part.

        :schema: MiddlewareSpecPassTlsClientCertInfo#sans
        '''
        result = self._values.get("sans")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def serial_number(self) -> typing.Optional[builtins.bool]:
        '''SerialNumber defines whether to add the client serialNumber information.

        :schema: MiddlewareSpecPassTlsClientCertInfo#serialNumber
        '''
        result = self._values.get("serial_number")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def subject(self) -> typing.Optional["MiddlewareSpecPassTlsClientCertInfoSubject"]:
        '''Subject defines the client certificate subject details to add to the X-Forwarded-Tls-Client-Cert-Info header.

        :schema: MiddlewareSpecPassTlsClientCertInfo#subject
        '''
        result = self._values.get("subject")
        return typing.cast(typing.Optional["MiddlewareSpecPassTlsClientCertInfoSubject"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecPassTlsClientCertInfo(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecPassTlsClientCertInfoIssuer",
    jsii_struct_bases=[],
    name_mapping={
        "common_name": "commonName",
        "country": "country",
        "domain_component": "domainComponent",
        "locality": "locality",
        "organization": "organization",
        "province": "province",
        "serial_number": "serialNumber",
    },
)
class MiddlewareSpecPassTlsClientCertInfoIssuer:
    def __init__(
        self,
        *,
        common_name: typing.Optional[builtins.bool] = None,
        country: typing.Optional[builtins.bool] = None,
        domain_component: typing.Optional[builtins.bool] = None,
        locality: typing.Optional[builtins.bool] = None,
        organization: typing.Optional[builtins.bool] = None,
        province: typing.Optional[builtins.bool] = None,
        serial_number: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''Issuer defines the client certificate issuer details to add to the X-Forwarded-Tls-Client-Cert-Info header.

        :param common_name: CommonName defines whether to add the organizationalUnit information into the issuer.
        :param country: Country defines whether to add the country information into the issuer.
        :param domain_component: DomainComponent defines whether to add the domainComponent information into the issuer.
        :param locality: Locality defines whether to add the locality information into the issuer.
        :param organization: Organization defines whether to add the organization information into the issuer.
        :param province: Province defines whether to add the province information into the issuer.
        :param serial_number: SerialNumber defines whether to add the serialNumber information into the issuer.

        :schema: MiddlewareSpecPassTlsClientCertInfoIssuer
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__eb013ad5e73cc230b49b01354fea86e8b21663e70589559f6317cba7015e0b9f)
            check_type(argname="argument common_name", value=common_name, expected_type=type_hints["common_name"])
            check_type(argname="argument country", value=country, expected_type=type_hints["country"])
            check_type(argname="argument domain_component", value=domain_component, expected_type=type_hints["domain_component"])
            check_type(argname="argument locality", value=locality, expected_type=type_hints["locality"])
            check_type(argname="argument organization", value=organization, expected_type=type_hints["organization"])
            check_type(argname="argument province", value=province, expected_type=type_hints["province"])
            check_type(argname="argument serial_number", value=serial_number, expected_type=type_hints["serial_number"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if common_name is not None:
            self._values["common_name"] = common_name
        if country is not None:
            self._values["country"] = country
        if domain_component is not None:
            self._values["domain_component"] = domain_component
        if locality is not None:
            self._values["locality"] = locality
        if organization is not None:
            self._values["organization"] = organization
        if province is not None:
            self._values["province"] = province
        if serial_number is not None:
            self._values["serial_number"] = serial_number

    @builtins.property
    def common_name(self) -> typing.Optional[builtins.bool]:
        '''CommonName defines whether to add the organizationalUnit information into the issuer.

        :schema: MiddlewareSpecPassTlsClientCertInfoIssuer#commonName
        '''
        result = self._values.get("common_name")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def country(self) -> typing.Optional[builtins.bool]:
        '''Country defines whether to add the country information into the issuer.

        :schema: MiddlewareSpecPassTlsClientCertInfoIssuer#country
        '''
        result = self._values.get("country")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def domain_component(self) -> typing.Optional[builtins.bool]:
        '''DomainComponent defines whether to add the domainComponent information into the issuer.

        :schema: MiddlewareSpecPassTlsClientCertInfoIssuer#domainComponent
        '''
        result = self._values.get("domain_component")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def locality(self) -> typing.Optional[builtins.bool]:
        '''Locality defines whether to add the locality information into the issuer.

        :schema: MiddlewareSpecPassTlsClientCertInfoIssuer#locality
        '''
        result = self._values.get("locality")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def organization(self) -> typing.Optional[builtins.bool]:
        '''Organization defines whether to add the organization information into the issuer.

        :schema: MiddlewareSpecPassTlsClientCertInfoIssuer#organization
        '''
        result = self._values.get("organization")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def province(self) -> typing.Optional[builtins.bool]:
        '''Province defines whether to add the province information into the issuer.

        :schema: MiddlewareSpecPassTlsClientCertInfoIssuer#province
        '''
        result = self._values.get("province")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def serial_number(self) -> typing.Optional[builtins.bool]:
        '''SerialNumber defines whether to add the serialNumber information into the issuer.

        :schema: MiddlewareSpecPassTlsClientCertInfoIssuer#serialNumber
        '''
        result = self._values.get("serial_number")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecPassTlsClientCertInfoIssuer(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecPassTlsClientCertInfoSubject",
    jsii_struct_bases=[],
    name_mapping={
        "common_name": "commonName",
        "country": "country",
        "domain_component": "domainComponent",
        "locality": "locality",
        "organization": "organization",
        "organizational_unit": "organizationalUnit",
        "province": "province",
        "serial_number": "serialNumber",
    },
)
class MiddlewareSpecPassTlsClientCertInfoSubject:
    def __init__(
        self,
        *,
        common_name: typing.Optional[builtins.bool] = None,
        country: typing.Optional[builtins.bool] = None,
        domain_component: typing.Optional[builtins.bool] = None,
        locality: typing.Optional[builtins.bool] = None,
        organization: typing.Optional[builtins.bool] = None,
        organizational_unit: typing.Optional[builtins.bool] = None,
        province: typing.Optional[builtins.bool] = None,
        serial_number: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''Subject defines the client certificate subject details to add to the X-Forwarded-Tls-Client-Cert-Info header.

        :param common_name: CommonName defines whether to add the organizationalUnit information into the subject.
        :param country: Country defines whether to add the country information into the subject.
        :param domain_component: DomainComponent defines whether to add the domainComponent information into the subject.
        :param locality: Locality defines whether to add the locality information into the subject.
        :param organization: Organization defines whether to add the organization information into the subject.
        :param organizational_unit: OrganizationalUnit defines whether to add the organizationalUnit information into the subject.
        :param province: Province defines whether to add the province information into the subject.
        :param serial_number: SerialNumber defines whether to add the serialNumber information into the subject.

        :schema: MiddlewareSpecPassTlsClientCertInfoSubject
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9d920416effbba63aec2406aa2611ff7ab72ec70ef48f951b063ebeb05cb4100)
            check_type(argname="argument common_name", value=common_name, expected_type=type_hints["common_name"])
            check_type(argname="argument country", value=country, expected_type=type_hints["country"])
            check_type(argname="argument domain_component", value=domain_component, expected_type=type_hints["domain_component"])
            check_type(argname="argument locality", value=locality, expected_type=type_hints["locality"])
            check_type(argname="argument organization", value=organization, expected_type=type_hints["organization"])
            check_type(argname="argument organizational_unit", value=organizational_unit, expected_type=type_hints["organizational_unit"])
            check_type(argname="argument province", value=province, expected_type=type_hints["province"])
            check_type(argname="argument serial_number", value=serial_number, expected_type=type_hints["serial_number"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if common_name is not None:
            self._values["common_name"] = common_name
        if country is not None:
            self._values["country"] = country
        if domain_component is not None:
            self._values["domain_component"] = domain_component
        if locality is not None:
            self._values["locality"] = locality
        if organization is not None:
            self._values["organization"] = organization
        if organizational_unit is not None:
            self._values["organizational_unit"] = organizational_unit
        if province is not None:
            self._values["province"] = province
        if serial_number is not None:
            self._values["serial_number"] = serial_number

    @builtins.property
    def common_name(self) -> typing.Optional[builtins.bool]:
        '''CommonName defines whether to add the organizationalUnit information into the subject.

        :schema: MiddlewareSpecPassTlsClientCertInfoSubject#commonName
        '''
        result = self._values.get("common_name")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def country(self) -> typing.Optional[builtins.bool]:
        '''Country defines whether to add the country information into the subject.

        :schema: MiddlewareSpecPassTlsClientCertInfoSubject#country
        '''
        result = self._values.get("country")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def domain_component(self) -> typing.Optional[builtins.bool]:
        '''DomainComponent defines whether to add the domainComponent information into the subject.

        :schema: MiddlewareSpecPassTlsClientCertInfoSubject#domainComponent
        '''
        result = self._values.get("domain_component")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def locality(self) -> typing.Optional[builtins.bool]:
        '''Locality defines whether to add the locality information into the subject.

        :schema: MiddlewareSpecPassTlsClientCertInfoSubject#locality
        '''
        result = self._values.get("locality")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def organization(self) -> typing.Optional[builtins.bool]:
        '''Organization defines whether to add the organization information into the subject.

        :schema: MiddlewareSpecPassTlsClientCertInfoSubject#organization
        '''
        result = self._values.get("organization")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def organizational_unit(self) -> typing.Optional[builtins.bool]:
        '''OrganizationalUnit defines whether to add the organizationalUnit information into the subject.

        :schema: MiddlewareSpecPassTlsClientCertInfoSubject#organizationalUnit
        '''
        result = self._values.get("organizational_unit")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def province(self) -> typing.Optional[builtins.bool]:
        '''Province defines whether to add the province information into the subject.

        :schema: MiddlewareSpecPassTlsClientCertInfoSubject#province
        '''
        result = self._values.get("province")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def serial_number(self) -> typing.Optional[builtins.bool]:
        '''SerialNumber defines whether to add the serialNumber information into the subject.

        :schema: MiddlewareSpecPassTlsClientCertInfoSubject#serialNumber
        '''
        result = self._values.get("serial_number")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecPassTlsClientCertInfoSubject(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecRateLimit",
    jsii_struct_bases=[],
    name_mapping={
        "average": "average",
        "burst": "burst",
        "period": "period",
        "source_criterion": "sourceCriterion",
    },
)
class MiddlewareSpecRateLimit:
    def __init__(
        self,
        *,
        average: typing.Optional[jsii.Number] = None,
        burst: typing.Optional[jsii.Number] = None,
        period: typing.Optional["MiddlewareSpecRateLimitPeriod"] = None,
        source_criterion: typing.Optional[typing.Union["MiddlewareSpecRateLimitSourceCriterion", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''RateLimit holds the rate limit configuration.

        This middleware ensures that services will receive a fair amount of requests, and allows one to define what fair is.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ratelimit/

        :param average: Average is the maximum rate, by default in requests/s, allowed for the given source. It defaults to 0, which means no rate limiting. The rate is actually defined by dividing Average by Period. So for a rate below 1req/s, one needs to define a Period larger than a second.
        :param burst: Burst is the maximum number of requests allowed to arrive in the same arbitrarily small period of time. It defaults to 1.
        :param period: Period, in combination with Average, defines the actual maximum rate, such as: r = Average / Period. It defaults to a second.
        :param source_criterion: SourceCriterion defines what criterion is used to group requests as originating from a common source. If several strategies are defined at the same time, an error will be raised. If none are set, the default is to use the request's remote address field (as an ipStrategy).

        :schema: MiddlewareSpecRateLimit
        '''
        if isinstance(source_criterion, dict):
            source_criterion = MiddlewareSpecRateLimitSourceCriterion(**source_criterion)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__975c48945382fb617e8be9b12f9b2cc6c5bd58a01345024c462e82dc7441da0a)
            check_type(argname="argument average", value=average, expected_type=type_hints["average"])
            check_type(argname="argument burst", value=burst, expected_type=type_hints["burst"])
            check_type(argname="argument period", value=period, expected_type=type_hints["period"])
            check_type(argname="argument source_criterion", value=source_criterion, expected_type=type_hints["source_criterion"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if average is not None:
            self._values["average"] = average
        if burst is not None:
            self._values["burst"] = burst
        if period is not None:
            self._values["period"] = period
        if source_criterion is not None:
            self._values["source_criterion"] = source_criterion

    @builtins.property
    def average(self) -> typing.Optional[jsii.Number]:
        '''Average is the maximum rate, by default in requests/s, allowed for the given source.

        It defaults to 0, which means no rate limiting.
        The rate is actually defined by dividing Average by Period. So for a rate below 1req/s,
        one needs to define a Period larger than a second.

        :schema: MiddlewareSpecRateLimit#average
        '''
        result = self._values.get("average")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def burst(self) -> typing.Optional[jsii.Number]:
        '''Burst is the maximum number of requests allowed to arrive in the same arbitrarily small period of time.

        It defaults to 1.

        :schema: MiddlewareSpecRateLimit#burst
        '''
        result = self._values.get("burst")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def period(self) -> typing.Optional["MiddlewareSpecRateLimitPeriod"]:
        '''Period, in combination with Average, defines the actual maximum rate, such as: r = Average / Period.

        It defaults to a second.

        :schema: MiddlewareSpecRateLimit#period
        '''
        result = self._values.get("period")
        return typing.cast(typing.Optional["MiddlewareSpecRateLimitPeriod"], result)

    @builtins.property
    def source_criterion(
        self,
    ) -> typing.Optional["MiddlewareSpecRateLimitSourceCriterion"]:
        '''SourceCriterion defines what criterion is used to group requests as originating from a common source.

        If several strategies are defined at the same time, an error will be raised.
        If none are set, the default is to use the request's remote address field (as an ipStrategy).

        :schema: MiddlewareSpecRateLimit#sourceCriterion
        '''
        result = self._values.get("source_criterion")
        return typing.cast(typing.Optional["MiddlewareSpecRateLimitSourceCriterion"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecRateLimit(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class MiddlewareSpecRateLimitPeriod(
    metaclass=jsii.JSIIMeta,
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecRateLimitPeriod",
):
    '''Period, in combination with Average, defines the actual maximum rate, such as: r = Average / Period.

    It defaults to a second.

    :schema: MiddlewareSpecRateLimitPeriod
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(cls, value: jsii.Number) -> "MiddlewareSpecRateLimitPeriod":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a928f6d9965193c1f2719670bbe0c24c573f3df7f008c99c7d4db1a230e883cc)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("MiddlewareSpecRateLimitPeriod", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(cls, value: builtins.str) -> "MiddlewareSpecRateLimitPeriod":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__fa10a4fc9574a844a1665241c1baf2bb9611b381289f6126becd0cea70ec6974)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("MiddlewareSpecRateLimitPeriod", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecRateLimitSourceCriterion",
    jsii_struct_bases=[],
    name_mapping={
        "ip_strategy": "ipStrategy",
        "request_header_name": "requestHeaderName",
        "request_host": "requestHost",
    },
)
class MiddlewareSpecRateLimitSourceCriterion:
    def __init__(
        self,
        *,
        ip_strategy: typing.Optional[typing.Union["MiddlewareSpecRateLimitSourceCriterionIpStrategy", typing.Dict[builtins.str, typing.Any]]] = None,
        request_header_name: typing.Optional[builtins.str] = None,
        request_host: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''SourceCriterion defines what criterion is used to group requests as originating from a common source.

        If several strategies are defined at the same time, an error will be raised.
        If none are set, the default is to use the request's remote address field (as an ipStrategy).

        :param ip_strategy: IPStrategy holds the IP strategy configuration used by Traefik to determine the client IP. More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/#ipstrategy
        :param request_header_name: RequestHeaderName defines the name of the header used to group incoming requests.
        :param request_host: RequestHost defines whether to consider the request Host as the source.

        :schema: MiddlewareSpecRateLimitSourceCriterion
        '''
        if isinstance(ip_strategy, dict):
            ip_strategy = MiddlewareSpecRateLimitSourceCriterionIpStrategy(**ip_strategy)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ea549e53bae2ba66f97b84e93bf148d149b81115b7938b985d2521e319f5dc0f)
            check_type(argname="argument ip_strategy", value=ip_strategy, expected_type=type_hints["ip_strategy"])
            check_type(argname="argument request_header_name", value=request_header_name, expected_type=type_hints["request_header_name"])
            check_type(argname="argument request_host", value=request_host, expected_type=type_hints["request_host"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if ip_strategy is not None:
            self._values["ip_strategy"] = ip_strategy
        if request_header_name is not None:
            self._values["request_header_name"] = request_header_name
        if request_host is not None:
            self._values["request_host"] = request_host

    @builtins.property
    def ip_strategy(
        self,
    ) -> typing.Optional["MiddlewareSpecRateLimitSourceCriterionIpStrategy"]:
        '''IPStrategy holds the IP strategy configuration used by Traefik to determine the client IP.

        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/#ipstrategy

        :schema: MiddlewareSpecRateLimitSourceCriterion#ipStrategy
        '''
        result = self._values.get("ip_strategy")
        return typing.cast(typing.Optional["MiddlewareSpecRateLimitSourceCriterionIpStrategy"], result)

    @builtins.property
    def request_header_name(self) -> typing.Optional[builtins.str]:
        '''RequestHeaderName defines the name of the header used to group incoming requests.

        :schema: MiddlewareSpecRateLimitSourceCriterion#requestHeaderName
        '''
        result = self._values.get("request_header_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def request_host(self) -> typing.Optional[builtins.bool]:
        '''RequestHost defines whether to consider the request Host as the source.

        :schema: MiddlewareSpecRateLimitSourceCriterion#requestHost
        '''
        result = self._values.get("request_host")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecRateLimitSourceCriterion(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecRateLimitSourceCriterionIpStrategy",
    jsii_struct_bases=[],
    name_mapping={"depth": "depth", "excluded_i_ps": "excludedIPs"},
)
class MiddlewareSpecRateLimitSourceCriterionIpStrategy:
    def __init__(
        self,
        *,
        depth: typing.Optional[jsii.Number] = None,
        excluded_i_ps: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''IPStrategy holds the IP strategy configuration used by Traefik to determine the client IP.

        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/ipallowlist/#ipstrategy

        :param depth: Depth tells Traefik to use the X-Forwarded-For header and take the IP located at the depth position (starting from the right).
        :param excluded_i_ps: ExcludedIPs configures Traefik to scan the X-Forwarded-For header and select the first IP not in the list.

        :schema: MiddlewareSpecRateLimitSourceCriterionIpStrategy
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b891151798ac12ee9b4d94825cb9cc06aad42e5ba87d12f6e044801c27b7a4ec)
            check_type(argname="argument depth", value=depth, expected_type=type_hints["depth"])
            check_type(argname="argument excluded_i_ps", value=excluded_i_ps, expected_type=type_hints["excluded_i_ps"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if depth is not None:
            self._values["depth"] = depth
        if excluded_i_ps is not None:
            self._values["excluded_i_ps"] = excluded_i_ps

    @builtins.property
    def depth(self) -> typing.Optional[jsii.Number]:
        '''Depth tells Traefik to use the X-Forwarded-For header and take the IP located at the depth position (starting from the right).

        :schema: MiddlewareSpecRateLimitSourceCriterionIpStrategy#depth
        '''
        result = self._values.get("depth")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def excluded_i_ps(self) -> typing.Optional[typing.List[builtins.str]]:
        '''ExcludedIPs configures Traefik to scan the X-Forwarded-For header and select the first IP not in the list.

        :schema: MiddlewareSpecRateLimitSourceCriterionIpStrategy#excludedIPs
        '''
        result = self._values.get("excluded_i_ps")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecRateLimitSourceCriterionIpStrategy(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecRedirectRegex",
    jsii_struct_bases=[],
    name_mapping={
        "permanent": "permanent",
        "regex": "regex",
        "replacement": "replacement",
    },
)
class MiddlewareSpecRedirectRegex:
    def __init__(
        self,
        *,
        permanent: typing.Optional[builtins.bool] = None,
        regex: typing.Optional[builtins.str] = None,
        replacement: typing.Optional[builtins.str] = None,
    ) -> None:
        '''RedirectRegex holds the redirect regex middleware configuration.

        This middleware redirects a request using regex matching and replacement.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/redirectregex/#regex

        :param permanent: Permanent defines whether the redirection is permanent (301).
        :param regex: Regex defines the regex used to match and capture elements from the request URL.
        :param replacement: Replacement defines how to modify the URL to have the new target URL.

        :schema: MiddlewareSpecRedirectRegex
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__298709baa9c6669c75330c9d2e6f8e44b5ffe64bd8fb1c9d52ab74862a2c5eff)
            check_type(argname="argument permanent", value=permanent, expected_type=type_hints["permanent"])
            check_type(argname="argument regex", value=regex, expected_type=type_hints["regex"])
            check_type(argname="argument replacement", value=replacement, expected_type=type_hints["replacement"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if permanent is not None:
            self._values["permanent"] = permanent
        if regex is not None:
            self._values["regex"] = regex
        if replacement is not None:
            self._values["replacement"] = replacement

    @builtins.property
    def permanent(self) -> typing.Optional[builtins.bool]:
        '''Permanent defines whether the redirection is permanent (301).

        :schema: MiddlewareSpecRedirectRegex#permanent
        '''
        result = self._values.get("permanent")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def regex(self) -> typing.Optional[builtins.str]:
        '''Regex defines the regex used to match and capture elements from the request URL.

        :schema: MiddlewareSpecRedirectRegex#regex
        '''
        result = self._values.get("regex")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def replacement(self) -> typing.Optional[builtins.str]:
        '''Replacement defines how to modify the URL to have the new target URL.

        :schema: MiddlewareSpecRedirectRegex#replacement
        '''
        result = self._values.get("replacement")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecRedirectRegex(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecRedirectScheme",
    jsii_struct_bases=[],
    name_mapping={"permanent": "permanent", "port": "port", "scheme": "scheme"},
)
class MiddlewareSpecRedirectScheme:
    def __init__(
        self,
        *,
        permanent: typing.Optional[builtins.bool] = None,
        port: typing.Optional[builtins.str] = None,
        scheme: typing.Optional[builtins.str] = None,
    ) -> None:
        '''RedirectScheme holds the redirect scheme middleware configuration.

        This middleware redirects requests from a scheme/port to another.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/redirectscheme/

        :param permanent: Permanent defines whether the redirection is permanent (301).
        :param port: Port defines the port of the new URL.
        :param scheme: Scheme defines the scheme of the new URL.

        :schema: MiddlewareSpecRedirectScheme
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__88514ddfc1fe85b1abef48515289dedde8c0b9c8d76eb0a37d1ff25b7b68d4f5)
            check_type(argname="argument permanent", value=permanent, expected_type=type_hints["permanent"])
            check_type(argname="argument port", value=port, expected_type=type_hints["port"])
            check_type(argname="argument scheme", value=scheme, expected_type=type_hints["scheme"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if permanent is not None:
            self._values["permanent"] = permanent
        if port is not None:
            self._values["port"] = port
        if scheme is not None:
            self._values["scheme"] = scheme

    @builtins.property
    def permanent(self) -> typing.Optional[builtins.bool]:
        '''Permanent defines whether the redirection is permanent (301).

        :schema: MiddlewareSpecRedirectScheme#permanent
        '''
        result = self._values.get("permanent")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def port(self) -> typing.Optional[builtins.str]:
        '''Port defines the port of the new URL.

        :schema: MiddlewareSpecRedirectScheme#port
        '''
        result = self._values.get("port")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def scheme(self) -> typing.Optional[builtins.str]:
        '''Scheme defines the scheme of the new URL.

        :schema: MiddlewareSpecRedirectScheme#scheme
        '''
        result = self._values.get("scheme")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecRedirectScheme(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecReplacePath",
    jsii_struct_bases=[],
    name_mapping={"path": "path"},
)
class MiddlewareSpecReplacePath:
    def __init__(self, *, path: typing.Optional[builtins.str] = None) -> None:
        '''ReplacePath holds the replace path middleware configuration.

        This middleware replaces the path of the request URL and store the original path in an X-Replaced-Path header.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/replacepath/

        :param path: Path defines the path to use as replacement in the request URL.

        :schema: MiddlewareSpecReplacePath
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__36624869db793a69d5ea56da0cf0e0ec4ceb913158b68cb1a84db5319a078dcd)
            check_type(argname="argument path", value=path, expected_type=type_hints["path"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if path is not None:
            self._values["path"] = path

    @builtins.property
    def path(self) -> typing.Optional[builtins.str]:
        '''Path defines the path to use as replacement in the request URL.

        :schema: MiddlewareSpecReplacePath#path
        '''
        result = self._values.get("path")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecReplacePath(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecReplacePathRegex",
    jsii_struct_bases=[],
    name_mapping={"regex": "regex", "replacement": "replacement"},
)
class MiddlewareSpecReplacePathRegex:
    def __init__(
        self,
        *,
        regex: typing.Optional[builtins.str] = None,
        replacement: typing.Optional[builtins.str] = None,
    ) -> None:
        '''ReplacePathRegex holds the replace path regex middleware configuration.

        This middleware replaces the path of a URL using regex matching and replacement.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/replacepathregex/

        :param regex: Regex defines the regular expression used to match and capture the path from the request URL.
        :param replacement: Replacement defines the replacement path format, which can include captured variables.

        :schema: MiddlewareSpecReplacePathRegex
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8e07f8d953b00b320afbae1eda343417de9889c8602c7dee53b6144039052c5e)
            check_type(argname="argument regex", value=regex, expected_type=type_hints["regex"])
            check_type(argname="argument replacement", value=replacement, expected_type=type_hints["replacement"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if regex is not None:
            self._values["regex"] = regex
        if replacement is not None:
            self._values["replacement"] = replacement

    @builtins.property
    def regex(self) -> typing.Optional[builtins.str]:
        '''Regex defines the regular expression used to match and capture the path from the request URL.

        :schema: MiddlewareSpecReplacePathRegex#regex
        '''
        result = self._values.get("regex")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def replacement(self) -> typing.Optional[builtins.str]:
        '''Replacement defines the replacement path format, which can include captured variables.

        :schema: MiddlewareSpecReplacePathRegex#replacement
        '''
        result = self._values.get("replacement")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecReplacePathRegex(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecRetry",
    jsii_struct_bases=[],
    name_mapping={"attempts": "attempts", "initial_interval": "initialInterval"},
)
class MiddlewareSpecRetry:
    def __init__(
        self,
        *,
        attempts: typing.Optional[jsii.Number] = None,
        initial_interval: typing.Optional["MiddlewareSpecRetryInitialInterval"] = None,
    ) -> None:
        '''Retry holds the retry middleware configuration.

        This middleware reissues requests a given number of times to a backend server if that server does not reply.
        As soon as the server answers, the middleware stops retrying, regardless of the response status.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/retry/

        :param attempts: Attempts defines how many times the request should be retried.
        :param initial_interval: InitialInterval defines the first wait time in the exponential backoff series. The maximum interval is calculated as twice the initialInterval. If unspecified, requests will be retried immediately. The value of initialInterval should be provided in seconds or as a valid duration format, see https://pkg.go.dev/time#ParseDuration.

        :schema: MiddlewareSpecRetry
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__094971de50d49cb1b5d5e4573520172cb8f83066db731376636edb02dd732351)
            check_type(argname="argument attempts", value=attempts, expected_type=type_hints["attempts"])
            check_type(argname="argument initial_interval", value=initial_interval, expected_type=type_hints["initial_interval"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if attempts is not None:
            self._values["attempts"] = attempts
        if initial_interval is not None:
            self._values["initial_interval"] = initial_interval

    @builtins.property
    def attempts(self) -> typing.Optional[jsii.Number]:
        '''Attempts defines how many times the request should be retried.

        :schema: MiddlewareSpecRetry#attempts
        '''
        result = self._values.get("attempts")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def initial_interval(self) -> typing.Optional["MiddlewareSpecRetryInitialInterval"]:
        '''InitialInterval defines the first wait time in the exponential backoff series.

        The maximum interval is calculated as twice the initialInterval.
        If unspecified, requests will be retried immediately.
        The value of initialInterval should be provided in seconds or as a valid duration format,
        see https://pkg.go.dev/time#ParseDuration.

        :schema: MiddlewareSpecRetry#initialInterval
        '''
        result = self._values.get("initial_interval")
        return typing.cast(typing.Optional["MiddlewareSpecRetryInitialInterval"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecRetry(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class MiddlewareSpecRetryInitialInterval(
    metaclass=jsii.JSIIMeta,
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecRetryInitialInterval",
):
    '''InitialInterval defines the first wait time in the exponential backoff series.

    The maximum interval is calculated as twice the initialInterval.
    If unspecified, requests will be retried immediately.
    The value of initialInterval should be provided in seconds or as a valid duration format,
    see https://pkg.go.dev/time#ParseDuration.

    :schema: MiddlewareSpecRetryInitialInterval
    '''

    @jsii.member(jsii_name="fromNumber")
    @builtins.classmethod
    def from_number(cls, value: jsii.Number) -> "MiddlewareSpecRetryInitialInterval":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__0de1f9f97cd61d58b4639575e213e269046f203c59414053985fc9050ea54227)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("MiddlewareSpecRetryInitialInterval", jsii.sinvoke(cls, "fromNumber", [value]))

    @jsii.member(jsii_name="fromString")
    @builtins.classmethod
    def from_string(cls, value: builtins.str) -> "MiddlewareSpecRetryInitialInterval":
        '''
        :param value: -
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__cc54fb52cf512ba0ed04915543005978de144bd0c221368dc678ff066380dbd2)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
        return typing.cast("MiddlewareSpecRetryInitialInterval", jsii.sinvoke(cls, "fromString", [value]))

    @builtins.property
    @jsii.member(jsii_name="value")
    def value(self) -> typing.Union[builtins.str, jsii.Number]:
        return typing.cast(typing.Union[builtins.str, jsii.Number], jsii.get(self, "value"))


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecStripPrefix",
    jsii_struct_bases=[],
    name_mapping={"force_slash": "forceSlash", "prefixes": "prefixes"},
)
class MiddlewareSpecStripPrefix:
    def __init__(
        self,
        *,
        force_slash: typing.Optional[builtins.bool] = None,
        prefixes: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''StripPrefix holds the strip prefix middleware configuration.

        This middleware removes the specified prefixes from the URL path.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/stripprefix/

        :param force_slash: ForceSlash ensures that the resulting stripped path is not the empty string, by replacing it with / when necessary. Default: true.
        :param prefixes: Prefixes defines the prefixes to strip from the request URL.

        :schema: MiddlewareSpecStripPrefix
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__cc5fa3d11396e456b2aefe6a3a5b49cbaf755f31717e93448183dbb91c953377)
            check_type(argname="argument force_slash", value=force_slash, expected_type=type_hints["force_slash"])
            check_type(argname="argument prefixes", value=prefixes, expected_type=type_hints["prefixes"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if force_slash is not None:
            self._values["force_slash"] = force_slash
        if prefixes is not None:
            self._values["prefixes"] = prefixes

    @builtins.property
    def force_slash(self) -> typing.Optional[builtins.bool]:
        '''ForceSlash ensures that the resulting stripped path is not the empty string, by replacing it with / when necessary.

        Default: true.

        :schema: MiddlewareSpecStripPrefix#forceSlash
        '''
        result = self._values.get("force_slash")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def prefixes(self) -> typing.Optional[typing.List[builtins.str]]:
        '''Prefixes defines the prefixes to strip from the request URL.

        :schema: MiddlewareSpecStripPrefix#prefixes
        '''
        result = self._values.get("prefixes")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecStripPrefix(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.MiddlewareSpecStripPrefixRegex",
    jsii_struct_bases=[],
    name_mapping={"regex": "regex"},
)
class MiddlewareSpecStripPrefixRegex:
    def __init__(
        self,
        *,
        regex: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''StripPrefixRegex holds the strip prefix regex middleware configuration.

        This middleware removes the matching prefixes from the URL path.
        More info: https://doc.traefik.io/traefik/v2.11/middlewares/http/stripprefixregex/

        :param regex: Regex defines the regular expression to match the path prefix from the request URL.

        :schema: MiddlewareSpecStripPrefixRegex
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a3ab2b4d03ccb04e782ab7cd7d7b6a1c218fc5031a491972f2ce3923c36f7eae)
            check_type(argname="argument regex", value=regex, expected_type=type_hints["regex"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if regex is not None:
            self._values["regex"] = regex

    @builtins.property
    def regex(self) -> typing.Optional[typing.List[builtins.str]]:
        '''Regex defines the regular expression to match the path prefix from the request URL.

        :schema: MiddlewareSpecStripPrefixRegex#regex
        '''
        result = self._values.get("regex")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MiddlewareSpecStripPrefixRegex(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


class TlsOption(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.TlsOption",
):
    '''TLSOption is the CRD implementation of a Traefik TLS Option, allowing to configure some parameters of the TLS connection.

    More info: https://doc.traefik.io/traefik/v2.11/https/tls/#tls-options

    :schema: TLSOption
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["TlsOptionSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> None:
        '''Defines a "TLSOption" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: TLSOptionSpec defines the desired state of a TLSOption.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__038e8663df0daa79f2de1a628792950489e955a1d14e57829d5a17d32a425d28)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = TlsOptionProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["TlsOptionSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "TLSOption".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: TLSOptionSpec defines the desired state of a TLSOption.
        '''
        props = TlsOptionProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "TLSOption".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.TlsOptionProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class TlsOptionProps:
    def __init__(
        self,
        *,
        metadata: typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]],
        spec: typing.Union["TlsOptionSpec", typing.Dict[builtins.str, typing.Any]],
    ) -> None:
        '''TLSOption is the CRD implementation of a Traefik TLS Option, allowing to configure some parameters of the TLS connection.

        More info: https://doc.traefik.io/traefik/v2.11/https/tls/#tls-options

        :param metadata: 
        :param spec: TLSOptionSpec defines the desired state of a TLSOption.

        :schema: TLSOption
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = TlsOptionSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3c0dd85519e8e5eb2bfbcacba9afe05e40c40973d4ad161ae16a8f900693a2b3)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "metadata": metadata,
            "spec": spec,
        }

    @builtins.property
    def metadata(self) -> "_cdk8s_d3d9af27.ApiObjectMetadata":
        '''
        :schema: TLSOption#metadata
        '''
        result = self._values.get("metadata")
        assert result is not None, "Required property 'metadata' is missing"
        return typing.cast("_cdk8s_d3d9af27.ApiObjectMetadata", result)

    @builtins.property
    def spec(self) -> "TlsOptionSpec":
        '''TLSOptionSpec defines the desired state of a TLSOption.

        :schema: TLSOption#spec
        '''
        result = self._values.get("spec")
        assert result is not None, "Required property 'spec' is missing"
        return typing.cast("TlsOptionSpec", result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "TlsOptionProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.TlsOptionSpec",
    jsii_struct_bases=[],
    name_mapping={
        "alpn_protocols": "alpnProtocols",
        "cipher_suites": "cipherSuites",
        "client_auth": "clientAuth",
        "curve_preferences": "curvePreferences",
        "max_version": "maxVersion",
        "min_version": "minVersion",
        "prefer_server_cipher_suites": "preferServerCipherSuites",
        "sni_strict": "sniStrict",
    },
)
class TlsOptionSpec:
    def __init__(
        self,
        *,
        alpn_protocols: typing.Optional[typing.Sequence[builtins.str]] = None,
        cipher_suites: typing.Optional[typing.Sequence[builtins.str]] = None,
        client_auth: typing.Optional[typing.Union["TlsOptionSpecClientAuth", typing.Dict[builtins.str, typing.Any]]] = None,
        curve_preferences: typing.Optional[typing.Sequence[builtins.str]] = None,
        max_version: typing.Optional[builtins.str] = None,
        min_version: typing.Optional[builtins.str] = None,
        prefer_server_cipher_suites: typing.Optional[builtins.bool] = None,
        sni_strict: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''TLSOptionSpec defines the desired state of a TLSOption.

        :param alpn_protocols: ALPNProtocols defines the list of supported application level protocols for the TLS handshake, in order of preference. More info: https://doc.traefik.io/traefik/v2.11/https/tls/#alpn-protocols
        :param cipher_suites: CipherSuites defines the list of supported cipher suites for TLS versions up to TLS 1.2. More info: https://doc.traefik.io/traefik/v2.11/https/tls/#cipher-suites.
        :param client_auth: ClientAuth defines the server's policy for TLS Client Authentication.
        :param curve_preferences: CurvePreferences defines the preferred elliptic curves in a specific order. More info: https://doc.traefik.io/traefik/v2.11/https/tls/#curve-preferences
        :param max_version: MaxVersion defines the maximum TLS version that Traefik will accept. Possible values: VersionTLS10, VersionTLS11, VersionTLS12, VersionTLS13. Default: None.
        :param min_version: MinVersion defines the minimum TLS version that Traefik will accept. Possible values: VersionTLS10, VersionTLS11, VersionTLS12, VersionTLS13. Default: VersionTLS10.
        :param prefer_server_cipher_suites: PreferServerCipherSuites defines whether the server chooses a cipher suite among his own instead of among the client's. It is enabled automatically when minVersion or maxVersion is set. Deprecated: https://github.com/golang/go/issues/45430
        :param sni_strict: SniStrict defines whether Traefik allows connections from clients connections that do not specify a server_name extension.

        :schema: TlsOptionSpec
        '''
        if isinstance(client_auth, dict):
            client_auth = TlsOptionSpecClientAuth(**client_auth)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c6c3ae69377620802a2dda0f058d6241b17de1c057930a8fd5a3b7adcf593e41)
            check_type(argname="argument alpn_protocols", value=alpn_protocols, expected_type=type_hints["alpn_protocols"])
            check_type(argname="argument cipher_suites", value=cipher_suites, expected_type=type_hints["cipher_suites"])
            check_type(argname="argument client_auth", value=client_auth, expected_type=type_hints["client_auth"])
            check_type(argname="argument curve_preferences", value=curve_preferences, expected_type=type_hints["curve_preferences"])
            check_type(argname="argument max_version", value=max_version, expected_type=type_hints["max_version"])
            check_type(argname="argument min_version", value=min_version, expected_type=type_hints["min_version"])
            check_type(argname="argument prefer_server_cipher_suites", value=prefer_server_cipher_suites, expected_type=type_hints["prefer_server_cipher_suites"])
            check_type(argname="argument sni_strict", value=sni_strict, expected_type=type_hints["sni_strict"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if alpn_protocols is not None:
            self._values["alpn_protocols"] = alpn_protocols
        if cipher_suites is not None:
            self._values["cipher_suites"] = cipher_suites
        if client_auth is not None:
            self._values["client_auth"] = client_auth
        if curve_preferences is not None:
            self._values["curve_preferences"] = curve_preferences
        if max_version is not None:
            self._values["max_version"] = max_version
        if min_version is not None:
            self._values["min_version"] = min_version
        if prefer_server_cipher_suites is not None:
            self._values["prefer_server_cipher_suites"] = prefer_server_cipher_suites
        if sni_strict is not None:
            self._values["sni_strict"] = sni_strict

    @builtins.property
    def alpn_protocols(self) -> typing.Optional[typing.List[builtins.str]]:
        '''ALPNProtocols defines the list of supported application level protocols for the TLS handshake, in order of preference.

        More info: https://doc.traefik.io/traefik/v2.11/https/tls/#alpn-protocols

        :schema: TlsOptionSpec#alpnProtocols
        '''
        result = self._values.get("alpn_protocols")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def cipher_suites(self) -> typing.Optional[typing.List[builtins.str]]:
        '''CipherSuites defines the list of supported cipher suites for TLS versions up to TLS 1.2. More info: https://doc.traefik.io/traefik/v2.11/https/tls/#cipher-suites.

        :schema: TlsOptionSpec#cipherSuites
        '''
        result = self._values.get("cipher_suites")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def client_auth(self) -> typing.Optional["TlsOptionSpecClientAuth"]:
        '''ClientAuth defines the server's policy for TLS Client Authentication.

        :schema: TlsOptionSpec#clientAuth
        '''
        result = self._values.get("client_auth")
        return typing.cast(typing.Optional["TlsOptionSpecClientAuth"], result)

    @builtins.property
    def curve_preferences(self) -> typing.Optional[typing.List[builtins.str]]:
        '''CurvePreferences defines the preferred elliptic curves in a specific order.

        More info: https://doc.traefik.io/traefik/v2.11/https/tls/#curve-preferences

        :schema: TlsOptionSpec#curvePreferences
        '''
        result = self._values.get("curve_preferences")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def max_version(self) -> typing.Optional[builtins.str]:
        '''MaxVersion defines the maximum TLS version that Traefik will accept.

        Possible values: VersionTLS10, VersionTLS11, VersionTLS12, VersionTLS13.
        Default: None.

        :schema: TlsOptionSpec#maxVersion
        '''
        result = self._values.get("max_version")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def min_version(self) -> typing.Optional[builtins.str]:
        '''MinVersion defines the minimum TLS version that Traefik will accept.

        Possible values: VersionTLS10, VersionTLS11, VersionTLS12, VersionTLS13.
        Default: VersionTLS10.

        :schema: TlsOptionSpec#minVersion
        '''
        result = self._values.get("min_version")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def prefer_server_cipher_suites(self) -> typing.Optional[builtins.bool]:
        '''PreferServerCipherSuites defines whether the server chooses a cipher suite among his own instead of among the client's.

        It is enabled automatically when minVersion or maxVersion is set.
        Deprecated: https://github.com/golang/go/issues/45430

        :schema: TlsOptionSpec#preferServerCipherSuites
        '''
        result = self._values.get("prefer_server_cipher_suites")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def sni_strict(self) -> typing.Optional[builtins.bool]:
        '''SniStrict defines whether Traefik allows connections from clients connections that do not specify a server_name extension.

        :schema: TlsOptionSpec#sniStrict
        '''
        result = self._values.get("sni_strict")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "TlsOptionSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.TlsOptionSpecClientAuth",
    jsii_struct_bases=[],
    name_mapping={"client_auth_type": "clientAuthType", "secret_names": "secretNames"},
)
class TlsOptionSpecClientAuth:
    def __init__(
        self,
        *,
        client_auth_type: typing.Optional["TlsOptionSpecClientAuthClientAuthType"] = None,
        secret_names: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''ClientAuth defines the server's policy for TLS Client Authentication.

        :param client_auth_type: ClientAuthType defines the client authentication type to apply.
        :param secret_names: SecretNames defines the names of the referenced Kubernetes Secret storing certificate details.

        :schema: TlsOptionSpecClientAuth
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__42b3b2591b1e1077e9d457d6c169b53fb38a0a8d7b73fa1e3f669f9b5a627ac8)
            check_type(argname="argument client_auth_type", value=client_auth_type, expected_type=type_hints["client_auth_type"])
            check_type(argname="argument secret_names", value=secret_names, expected_type=type_hints["secret_names"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if client_auth_type is not None:
            self._values["client_auth_type"] = client_auth_type
        if secret_names is not None:
            self._values["secret_names"] = secret_names

    @builtins.property
    def client_auth_type(
        self,
    ) -> typing.Optional["TlsOptionSpecClientAuthClientAuthType"]:
        '''ClientAuthType defines the client authentication type to apply.

        :schema: TlsOptionSpecClientAuth#clientAuthType
        '''
        result = self._values.get("client_auth_type")
        return typing.cast(typing.Optional["TlsOptionSpecClientAuthClientAuthType"], result)

    @builtins.property
    def secret_names(self) -> typing.Optional[typing.List[builtins.str]]:
        '''SecretNames defines the names of the referenced Kubernetes Secret storing certificate details.

        :schema: TlsOptionSpecClientAuth#secretNames
        '''
        result = self._values.get("secret_names")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "TlsOptionSpecClientAuth(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(
    jsii_type="constructs_lib_traefik_containo_us_uscontainotraefik.TlsOptionSpecClientAuthClientAuthType"
)
class TlsOptionSpecClientAuthClientAuthType(enum.Enum):
    '''ClientAuthType defines the client authentication type to apply.

    :schema: TlsOptionSpecClientAuthClientAuthType
    '''

    NO_CLIENT_CERT = "NO_CLIENT_CERT"
    '''NoClientCert.'''
    REQUEST_CLIENT_CERT = "REQUEST_CLIENT_CERT"
    '''RequestClientCert.'''
    REQUIRE_ANY_CLIENT_CERT = "REQUIRE_ANY_CLIENT_CERT"
    '''RequireAnyClientCert.'''
    VERIFY_CLIENT_CERT_IF_GIVEN = "VERIFY_CLIENT_CERT_IF_GIVEN"
    '''VerifyClientCertIfGiven.'''
    REQUIRE_AND_VERIFY_CLIENT_CERT = "REQUIRE_AND_VERIFY_CLIENT_CERT"
    '''RequireAndVerifyClientCert.'''


__all__ = [
    "IngressRoute",
    "IngressRouteProps",
    "IngressRouteSpec",
    "IngressRouteSpecRoutes",
    "IngressRouteSpecRoutesKind",
    "IngressRouteSpecRoutesMiddlewares",
    "IngressRouteSpecRoutesServices",
    "IngressRouteSpecRoutesServicesKind",
    "IngressRouteSpecRoutesServicesPort",
    "IngressRouteSpecRoutesServicesResponseForwarding",
    "IngressRouteSpecRoutesServicesSticky",
    "IngressRouteSpecRoutesServicesStickyCookie",
    "IngressRouteSpecTls",
    "IngressRouteSpecTlsDomains",
    "IngressRouteSpecTlsOptions",
    "IngressRouteSpecTlsStore",
    "Middleware",
    "MiddlewareProps",
    "MiddlewareSpec",
    "MiddlewareSpecAddPrefix",
    "MiddlewareSpecBasicAuth",
    "MiddlewareSpecBuffering",
    "MiddlewareSpecChain",
    "MiddlewareSpecChainMiddlewares",
    "MiddlewareSpecCircuitBreaker",
    "MiddlewareSpecCircuitBreakerCheckPeriod",
    "MiddlewareSpecCircuitBreakerFallbackDuration",
    "MiddlewareSpecCircuitBreakerRecoveryDuration",
    "MiddlewareSpecCompress",
    "MiddlewareSpecContentType",
    "MiddlewareSpecDigestAuth",
    "MiddlewareSpecErrors",
    "MiddlewareSpecErrorsService",
    "MiddlewareSpecErrorsServiceKind",
    "MiddlewareSpecErrorsServicePort",
    "MiddlewareSpecErrorsServiceResponseForwarding",
    "MiddlewareSpecErrorsServiceSticky",
    "MiddlewareSpecErrorsServiceStickyCookie",
    "MiddlewareSpecForwardAuth",
    "MiddlewareSpecForwardAuthTls",
    "MiddlewareSpecHeaders",
    "MiddlewareSpecInFlightReq",
    "MiddlewareSpecInFlightReqSourceCriterion",
    "MiddlewareSpecInFlightReqSourceCriterionIpStrategy",
    "MiddlewareSpecIpAllowList",
    "MiddlewareSpecIpAllowListIpStrategy",
    "MiddlewareSpecIpWhiteList",
    "MiddlewareSpecIpWhiteListIpStrategy",
    "MiddlewareSpecPassTlsClientCert",
    "MiddlewareSpecPassTlsClientCertInfo",
    "MiddlewareSpecPassTlsClientCertInfoIssuer",
    "MiddlewareSpecPassTlsClientCertInfoSubject",
    "MiddlewareSpecRateLimit",
    "MiddlewareSpecRateLimitPeriod",
    "MiddlewareSpecRateLimitSourceCriterion",
    "MiddlewareSpecRateLimitSourceCriterionIpStrategy",
    "MiddlewareSpecRedirectRegex",
    "MiddlewareSpecRedirectScheme",
    "MiddlewareSpecReplacePath",
    "MiddlewareSpecReplacePathRegex",
    "MiddlewareSpecRetry",
    "MiddlewareSpecRetryInitialInterval",
    "MiddlewareSpecStripPrefix",
    "MiddlewareSpecStripPrefixRegex",
    "TlsOption",
    "TlsOptionProps",
    "TlsOptionSpec",
    "TlsOptionSpecClientAuth",
    "TlsOptionSpecClientAuthClientAuthType",
]

publication.publish()

def _typecheckingstub__1301944935491f2b50e19c8d3a5adfcaf17d6fc3fb76d11205a33d43fcc5d080(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]],
    spec: typing.Union[IngressRouteSpec, typing.Dict[builtins.str, typing.Any]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b96b99e29915dc589a2de2cbd3ecf3af20e08d4d253453d3f2b315d8e3df203a(
    *,
    metadata: typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]],
    spec: typing.Union[IngressRouteSpec, typing.Dict[builtins.str, typing.Any]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__686d2a6dfd477b9308b39b5976822c7552943fa2af9b166db536fc0e8be2cc09(
    *,
    routes: typing.Sequence[typing.Union[IngressRouteSpecRoutes, typing.Dict[builtins.str, typing.Any]]],
    entry_points: typing.Optional[typing.Sequence[builtins.str]] = None,
    tls: typing.Optional[typing.Union[IngressRouteSpecTls, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e3ab12c89a9c2bfa8a903813e1159a1e34a8c45f9e25b33c84e79971910e865a(
    *,
    kind: IngressRouteSpecRoutesKind,
    match: builtins.str,
    middlewares: typing.Optional[typing.Sequence[typing.Union[IngressRouteSpecRoutesMiddlewares, typing.Dict[builtins.str, typing.Any]]]] = None,
    priority: typing.Optional[jsii.Number] = None,
    services: typing.Optional[typing.Sequence[typing.Union[IngressRouteSpecRoutesServices, typing.Dict[builtins.str, typing.Any]]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__82d4a0c8f7ccf127f984f405399dd6dc8646106720e723a1042768cdb1916acc(
    *,
    name: builtins.str,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b55b49383d3d398a63680be8c9c4f48604333ede72113983aa85f3b105fbb66f(
    *,
    name: builtins.str,
    kind: typing.Optional[IngressRouteSpecRoutesServicesKind] = None,
    namespace: typing.Optional[builtins.str] = None,
    native_lb: typing.Optional[builtins.bool] = None,
    pass_host_header: typing.Optional[builtins.bool] = None,
    port: typing.Optional[IngressRouteSpecRoutesServicesPort] = None,
    response_forwarding: typing.Optional[typing.Union[IngressRouteSpecRoutesServicesResponseForwarding, typing.Dict[builtins.str, typing.Any]]] = None,
    scheme: typing.Optional[builtins.str] = None,
    servers_transport: typing.Optional[builtins.str] = None,
    sticky: typing.Optional[typing.Union[IngressRouteSpecRoutesServicesSticky, typing.Dict[builtins.str, typing.Any]]] = None,
    strategy: typing.Optional[builtins.str] = None,
    weight: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__99894a27c784e667fbf57245e108d73b4d673deaff11182126bca26d435422e1(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__1c6470fa417a25190b02285eb47c52a17acb2a9206b1b8cd923ea828448c028c(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f4a64da96a9490af7d68443b2966c2e8c66996f1a8472ebaa93b1da822a2c273(
    *,
    flush_interval: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f64a0052a46d1fee47798959761b0b4e842c3f2d5a37b55edcd5a67517ef7a0c(
    *,
    cookie: typing.Optional[typing.Union[IngressRouteSpecRoutesServicesStickyCookie, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__546431e366445896f99dbfdb4ca17d8a4930694b535e263cd0656a4d6ed2ff77(
    *,
    http_only: typing.Optional[builtins.bool] = None,
    name: typing.Optional[builtins.str] = None,
    same_site: typing.Optional[builtins.str] = None,
    secure: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5b98c517f58b041462b843eeb9af3bc9d04973a4ad6ebce54b003faf99bac7e9(
    *,
    cert_resolver: typing.Optional[builtins.str] = None,
    domains: typing.Optional[typing.Sequence[typing.Union[IngressRouteSpecTlsDomains, typing.Dict[builtins.str, typing.Any]]]] = None,
    options: typing.Optional[typing.Union[IngressRouteSpecTlsOptions, typing.Dict[builtins.str, typing.Any]]] = None,
    secret_name: typing.Optional[builtins.str] = None,
    store: typing.Optional[typing.Union[IngressRouteSpecTlsStore, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__77556a48be0f0c60f5f2b0193d92732cc405bafb82e90397b6d5fb82227acbe0(
    *,
    main: typing.Optional[builtins.str] = None,
    sans: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a4e1cc48c20ba11aee85b8cb6f6cd2502fa452c026b239deb8cf470b1bf07829(
    *,
    name: builtins.str,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b900adeb2cc21350cbec8bb1ce58912fc1fa0e3f38182c7c2390be523f5a8624(
    *,
    name: builtins.str,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__22682579aa3d5a188b85154f81dedf1176aac038317d0a66c46a5ffbd23abe1e(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]],
    spec: typing.Union[MiddlewareSpec, typing.Dict[builtins.str, typing.Any]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2ab2bd412187691e6e50db395f279944287fdaba472dfa4dfae8d860d7bb536a(
    *,
    metadata: typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]],
    spec: typing.Union[MiddlewareSpec, typing.Dict[builtins.str, typing.Any]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__d575367d2b61d7f617dc538300b2d4b9bc89375cdcbb59fc92c168ecf2536fa4(
    *,
    add_prefix: typing.Optional[typing.Union[MiddlewareSpecAddPrefix, typing.Dict[builtins.str, typing.Any]]] = None,
    basic_auth: typing.Optional[typing.Union[MiddlewareSpecBasicAuth, typing.Dict[builtins.str, typing.Any]]] = None,
    buffering: typing.Optional[typing.Union[MiddlewareSpecBuffering, typing.Dict[builtins.str, typing.Any]]] = None,
    chain: typing.Optional[typing.Union[MiddlewareSpecChain, typing.Dict[builtins.str, typing.Any]]] = None,
    circuit_breaker: typing.Optional[typing.Union[MiddlewareSpecCircuitBreaker, typing.Dict[builtins.str, typing.Any]]] = None,
    compress: typing.Optional[typing.Union[MiddlewareSpecCompress, typing.Dict[builtins.str, typing.Any]]] = None,
    content_type: typing.Optional[typing.Union[MiddlewareSpecContentType, typing.Dict[builtins.str, typing.Any]]] = None,
    digest_auth: typing.Optional[typing.Union[MiddlewareSpecDigestAuth, typing.Dict[builtins.str, typing.Any]]] = None,
    errors: typing.Optional[typing.Union[MiddlewareSpecErrors, typing.Dict[builtins.str, typing.Any]]] = None,
    forward_auth: typing.Optional[typing.Union[MiddlewareSpecForwardAuth, typing.Dict[builtins.str, typing.Any]]] = None,
    headers: typing.Optional[typing.Union[MiddlewareSpecHeaders, typing.Dict[builtins.str, typing.Any]]] = None,
    in_flight_req: typing.Optional[typing.Union[MiddlewareSpecInFlightReq, typing.Dict[builtins.str, typing.Any]]] = None,
    ip_allow_list: typing.Optional[typing.Union[MiddlewareSpecIpAllowList, typing.Dict[builtins.str, typing.Any]]] = None,
    ip_white_list: typing.Optional[typing.Union[MiddlewareSpecIpWhiteList, typing.Dict[builtins.str, typing.Any]]] = None,
    pass_tls_client_cert: typing.Optional[typing.Union[MiddlewareSpecPassTlsClientCert, typing.Dict[builtins.str, typing.Any]]] = None,
    plugin: typing.Optional[typing.Mapping[builtins.str, typing.Any]] = None,
    rate_limit: typing.Optional[typing.Union[MiddlewareSpecRateLimit, typing.Dict[builtins.str, typing.Any]]] = None,
    redirect_regex: typing.Optional[typing.Union[MiddlewareSpecRedirectRegex, typing.Dict[builtins.str, typing.Any]]] = None,
    redirect_scheme: typing.Optional[typing.Union[MiddlewareSpecRedirectScheme, typing.Dict[builtins.str, typing.Any]]] = None,
    replace_path: typing.Optional[typing.Union[MiddlewareSpecReplacePath, typing.Dict[builtins.str, typing.Any]]] = None,
    replace_path_regex: typing.Optional[typing.Union[MiddlewareSpecReplacePathRegex, typing.Dict[builtins.str, typing.Any]]] = None,
    retry: typing.Optional[typing.Union[MiddlewareSpecRetry, typing.Dict[builtins.str, typing.Any]]] = None,
    strip_prefix: typing.Optional[typing.Union[MiddlewareSpecStripPrefix, typing.Dict[builtins.str, typing.Any]]] = None,
    strip_prefix_regex: typing.Optional[typing.Union[MiddlewareSpecStripPrefixRegex, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__747ed3c47d12b9479534580cee8d2b19757240c0e3345391edae91a8f8a7f372(
    *,
    prefix: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7f06e7c9f15363fc2995eb9755145a1fea8dc5c89796d907e8a2b97e2563dc07(
    *,
    header_field: typing.Optional[builtins.str] = None,
    realm: typing.Optional[builtins.str] = None,
    remove_header: typing.Optional[builtins.bool] = None,
    secret: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__afe6a0115dbb1ecf70adb014f166bdea672afbad4c283fc8155a827c2e9b8124(
    *,
    max_request_body_bytes: typing.Optional[jsii.Number] = None,
    max_response_body_bytes: typing.Optional[jsii.Number] = None,
    mem_request_body_bytes: typing.Optional[jsii.Number] = None,
    mem_response_body_bytes: typing.Optional[jsii.Number] = None,
    retry_expression: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f587bcebed4501850fb1111091cb2e6a5487ceb8d50916eb09732e6cd5ed8a54(
    *,
    middlewares: typing.Optional[typing.Sequence[typing.Union[MiddlewareSpecChainMiddlewares, typing.Dict[builtins.str, typing.Any]]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__db9819b08c77b4ef5cf9ad60dc99378e04b141646386d9cd0f1081e84e28dad2(
    *,
    name: builtins.str,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__d7145486ac0b0951cc2d44d41826e348407b035ba88556f121fd71af0b5f65dc(
    *,
    check_period: typing.Optional[MiddlewareSpecCircuitBreakerCheckPeriod] = None,
    expression: typing.Optional[builtins.str] = None,
    fallback_duration: typing.Optional[MiddlewareSpecCircuitBreakerFallbackDuration] = None,
    recovery_duration: typing.Optional[MiddlewareSpecCircuitBreakerRecoveryDuration] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3d0a0ba74552c03b45be4881cc7b5a30e03ed3a6d4224153f4b1e54a1b9e78b2(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6319ab65b2a97db958202a86f7bb7c352e7af0349a7339ece9e1f51004069ace(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__324bcbb544ca924df5b6566e766d83a5933ca36c3335c5d1fa4a1623038e4d39(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__d033dc07ccde0f4e11c0400b39f097861b019222002ae7f37b3d1d0038628569(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0dba09f9b82385221146839aa0e8cbe7bca5a7508190ab91c65c4f6cef653d2f(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__35c0af59a2d268fc1be175cc698d6df335d85d5e8801be01f68b2e64d9ed3628(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3f2512dde7d6e95d0bf2596f627752d54ed029861358aaaea6eedc20aed81227(
    *,
    excluded_content_types: typing.Optional[typing.Sequence[builtins.str]] = None,
    min_response_body_bytes: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ce609ec2a7c4260847ce7792748b7b6a1b7f2551a975e2086a1fa29c9f0062a7(
    *,
    auto_detect: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__1117883684f1ef123b9a32a13f6df18b7eac3e2fda387c62eb07b6843c3c40c6(
    *,
    header_field: typing.Optional[builtins.str] = None,
    realm: typing.Optional[builtins.str] = None,
    remove_header: typing.Optional[builtins.bool] = None,
    secret: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__662d2f175052cde1624c5601420eaeed8e12b5c1662a4121ac0f5680b63a0b29(
    *,
    query: typing.Optional[builtins.str] = None,
    service: typing.Optional[typing.Union[MiddlewareSpecErrorsService, typing.Dict[builtins.str, typing.Any]]] = None,
    status: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__beb5afcc411c380cfdac7b478fb843a36fb7a1c56638c3703c4d5f3e15d01e89(
    *,
    name: builtins.str,
    kind: typing.Optional[MiddlewareSpecErrorsServiceKind] = None,
    namespace: typing.Optional[builtins.str] = None,
    native_lb: typing.Optional[builtins.bool] = None,
    pass_host_header: typing.Optional[builtins.bool] = None,
    port: typing.Optional[MiddlewareSpecErrorsServicePort] = None,
    response_forwarding: typing.Optional[typing.Union[MiddlewareSpecErrorsServiceResponseForwarding, typing.Dict[builtins.str, typing.Any]]] = None,
    scheme: typing.Optional[builtins.str] = None,
    servers_transport: typing.Optional[builtins.str] = None,
    sticky: typing.Optional[typing.Union[MiddlewareSpecErrorsServiceSticky, typing.Dict[builtins.str, typing.Any]]] = None,
    strategy: typing.Optional[builtins.str] = None,
    weight: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__d4ccdad7eaacb76f55e37182718f3b3c3c6525d2eff567872e36e27fda7b7506(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9f5ec0fda9f777fbf4116ab44e14bdb5a4a6fdca6cbfe53843f217b7f7b02a12(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ef0a13be79a03ff03b76c82a13fcfb88b62c2b915dac4d637d02b8ffdd63af81(
    *,
    flush_interval: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b09cc4a475bdae16eb02912d9e0bfb6b976812dfe9417d5ce32b3741253c1b93(
    *,
    cookie: typing.Optional[typing.Union[MiddlewareSpecErrorsServiceStickyCookie, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__4e30ce48f56a49c361c63c072ab9c4e11a0443b1bc6770c373ddb2dee2b118ca(
    *,
    http_only: typing.Optional[builtins.bool] = None,
    name: typing.Optional[builtins.str] = None,
    same_site: typing.Optional[builtins.str] = None,
    secure: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3870e5ea1caa5e26d932264444f496286b37856d9f417df456acd25b1fa285b6(
    *,
    address: typing.Optional[builtins.str] = None,
    auth_request_headers: typing.Optional[typing.Sequence[builtins.str]] = None,
    auth_response_headers: typing.Optional[typing.Sequence[builtins.str]] = None,
    auth_response_headers_regex: typing.Optional[builtins.str] = None,
    tls: typing.Optional[typing.Union[MiddlewareSpecForwardAuthTls, typing.Dict[builtins.str, typing.Any]]] = None,
    trust_forward_header: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c7ed8707d16f761dd1a18777cbe52099db7780eae9f2dbc0bf2ac09d35421414(
    *,
    ca_optional: typing.Optional[builtins.bool] = None,
    ca_secret: typing.Optional[builtins.str] = None,
    cert_secret: typing.Optional[builtins.str] = None,
    insecure_skip_verify: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2c2ee826f052d2df427def5c2d617d1e1d38d6c0e42f42c1bfc17c2f463a88be(
    *,
    access_control_allow_credentials: typing.Optional[builtins.bool] = None,
    access_control_allow_headers: typing.Optional[typing.Sequence[builtins.str]] = None,
    access_control_allow_methods: typing.Optional[typing.Sequence[builtins.str]] = None,
    access_control_allow_origin_list: typing.Optional[typing.Sequence[builtins.str]] = None,
    access_control_allow_origin_list_regex: typing.Optional[typing.Sequence[builtins.str]] = None,
    access_control_expose_headers: typing.Optional[typing.Sequence[builtins.str]] = None,
    access_control_max_age: typing.Optional[jsii.Number] = None,
    add_vary_header: typing.Optional[builtins.bool] = None,
    allowed_hosts: typing.Optional[typing.Sequence[builtins.str]] = None,
    browser_xss_filter: typing.Optional[builtins.bool] = None,
    content_security_policy: typing.Optional[builtins.str] = None,
    content_type_nosniff: typing.Optional[builtins.bool] = None,
    custom_browser_xss_value: typing.Optional[builtins.str] = None,
    custom_frame_options_value: typing.Optional[builtins.str] = None,
    custom_request_headers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    custom_response_headers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    feature_policy: typing.Optional[builtins.str] = None,
    force_sts_header: typing.Optional[builtins.bool] = None,
    frame_deny: typing.Optional[builtins.bool] = None,
    hosts_proxy_headers: typing.Optional[typing.Sequence[builtins.str]] = None,
    is_development: typing.Optional[builtins.bool] = None,
    permissions_policy: typing.Optional[builtins.str] = None,
    public_key: typing.Optional[builtins.str] = None,
    referrer_policy: typing.Optional[builtins.str] = None,
    ssl_force_host: typing.Optional[builtins.bool] = None,
    ssl_host: typing.Optional[builtins.str] = None,
    ssl_proxy_headers: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    ssl_redirect: typing.Optional[builtins.bool] = None,
    ssl_temporary_redirect: typing.Optional[builtins.bool] = None,
    sts_include_subdomains: typing.Optional[builtins.bool] = None,
    sts_preload: typing.Optional[builtins.bool] = None,
    sts_seconds: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__fc31d9b629f2f37d48af1d8548bb842b1583d13ff1fc849ed2ad9dd975776816(
    *,
    amount: typing.Optional[jsii.Number] = None,
    source_criterion: typing.Optional[typing.Union[MiddlewareSpecInFlightReqSourceCriterion, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2e5babfead2996ddb859bac30205a2d70706d575fc2f8e9516c9a22b00456f76(
    *,
    ip_strategy: typing.Optional[typing.Union[MiddlewareSpecInFlightReqSourceCriterionIpStrategy, typing.Dict[builtins.str, typing.Any]]] = None,
    request_header_name: typing.Optional[builtins.str] = None,
    request_host: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8b7de55244c94252958fdedf3ea4fbb9e96c6ab8cca6e99e83263a96de543db2(
    *,
    depth: typing.Optional[jsii.Number] = None,
    excluded_i_ps: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b8e86260c5acf9c9e1d80241d07c1b8670b6a07d29d7519f5366051286d1241f(
    *,
    ip_strategy: typing.Optional[typing.Union[MiddlewareSpecIpAllowListIpStrategy, typing.Dict[builtins.str, typing.Any]]] = None,
    source_range: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c53b9ddd42255f5745e0b9483578ef913421047e5b78886c7e91bb08151c9867(
    *,
    depth: typing.Optional[jsii.Number] = None,
    excluded_i_ps: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c6da7700510157e13bacc90b16abaac41859687e96735f553f6c34ae02447015(
    *,
    ip_strategy: typing.Optional[typing.Union[MiddlewareSpecIpWhiteListIpStrategy, typing.Dict[builtins.str, typing.Any]]] = None,
    source_range: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e02118410b9ec91671ef03a63daaeb05a9053e9d80cfb4177f1f7fcb372b3778(
    *,
    depth: typing.Optional[jsii.Number] = None,
    excluded_i_ps: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__506c01ae6aabcb9c0fb493ce2fe986ce516560b3c58c5065d5e978eb753c7083(
    *,
    info: typing.Optional[typing.Union[MiddlewareSpecPassTlsClientCertInfo, typing.Dict[builtins.str, typing.Any]]] = None,
    pem: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7e47dc31d0ea33a4e45a0e25f75ce1256c2ab9979f30b84e69b674246479798b(
    *,
    issuer: typing.Optional[typing.Union[MiddlewareSpecPassTlsClientCertInfoIssuer, typing.Dict[builtins.str, typing.Any]]] = None,
    not_after: typing.Optional[builtins.bool] = None,
    not_before: typing.Optional[builtins.bool] = None,
    sans: typing.Optional[builtins.bool] = None,
    serial_number: typing.Optional[builtins.bool] = None,
    subject: typing.Optional[typing.Union[MiddlewareSpecPassTlsClientCertInfoSubject, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__eb013ad5e73cc230b49b01354fea86e8b21663e70589559f6317cba7015e0b9f(
    *,
    common_name: typing.Optional[builtins.bool] = None,
    country: typing.Optional[builtins.bool] = None,
    domain_component: typing.Optional[builtins.bool] = None,
    locality: typing.Optional[builtins.bool] = None,
    organization: typing.Optional[builtins.bool] = None,
    province: typing.Optional[builtins.bool] = None,
    serial_number: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9d920416effbba63aec2406aa2611ff7ab72ec70ef48f951b063ebeb05cb4100(
    *,
    common_name: typing.Optional[builtins.bool] = None,
    country: typing.Optional[builtins.bool] = None,
    domain_component: typing.Optional[builtins.bool] = None,
    locality: typing.Optional[builtins.bool] = None,
    organization: typing.Optional[builtins.bool] = None,
    organizational_unit: typing.Optional[builtins.bool] = None,
    province: typing.Optional[builtins.bool] = None,
    serial_number: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__975c48945382fb617e8be9b12f9b2cc6c5bd58a01345024c462e82dc7441da0a(
    *,
    average: typing.Optional[jsii.Number] = None,
    burst: typing.Optional[jsii.Number] = None,
    period: typing.Optional[MiddlewareSpecRateLimitPeriod] = None,
    source_criterion: typing.Optional[typing.Union[MiddlewareSpecRateLimitSourceCriterion, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a928f6d9965193c1f2719670bbe0c24c573f3df7f008c99c7d4db1a230e883cc(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__fa10a4fc9574a844a1665241c1baf2bb9611b381289f6126becd0cea70ec6974(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ea549e53bae2ba66f97b84e93bf148d149b81115b7938b985d2521e319f5dc0f(
    *,
    ip_strategy: typing.Optional[typing.Union[MiddlewareSpecRateLimitSourceCriterionIpStrategy, typing.Dict[builtins.str, typing.Any]]] = None,
    request_header_name: typing.Optional[builtins.str] = None,
    request_host: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b891151798ac12ee9b4d94825cb9cc06aad42e5ba87d12f6e044801c27b7a4ec(
    *,
    depth: typing.Optional[jsii.Number] = None,
    excluded_i_ps: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__298709baa9c6669c75330c9d2e6f8e44b5ffe64bd8fb1c9d52ab74862a2c5eff(
    *,
    permanent: typing.Optional[builtins.bool] = None,
    regex: typing.Optional[builtins.str] = None,
    replacement: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__88514ddfc1fe85b1abef48515289dedde8c0b9c8d76eb0a37d1ff25b7b68d4f5(
    *,
    permanent: typing.Optional[builtins.bool] = None,
    port: typing.Optional[builtins.str] = None,
    scheme: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__36624869db793a69d5ea56da0cf0e0ec4ceb913158b68cb1a84db5319a078dcd(
    *,
    path: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8e07f8d953b00b320afbae1eda343417de9889c8602c7dee53b6144039052c5e(
    *,
    regex: typing.Optional[builtins.str] = None,
    replacement: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__094971de50d49cb1b5d5e4573520172cb8f83066db731376636edb02dd732351(
    *,
    attempts: typing.Optional[jsii.Number] = None,
    initial_interval: typing.Optional[MiddlewareSpecRetryInitialInterval] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0de1f9f97cd61d58b4639575e213e269046f203c59414053985fc9050ea54227(
    value: jsii.Number,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__cc54fb52cf512ba0ed04915543005978de144bd0c221368dc678ff066380dbd2(
    value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__cc5fa3d11396e456b2aefe6a3a5b49cbaf755f31717e93448183dbb91c953377(
    *,
    force_slash: typing.Optional[builtins.bool] = None,
    prefixes: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a3ab2b4d03ccb04e782ab7cd7d7b6a1c218fc5031a491972f2ce3923c36f7eae(
    *,
    regex: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__038e8663df0daa79f2de1a628792950489e955a1d14e57829d5a17d32a425d28(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]],
    spec: typing.Union[TlsOptionSpec, typing.Dict[builtins.str, typing.Any]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3c0dd85519e8e5eb2bfbcacba9afe05e40c40973d4ad161ae16a8f900693a2b3(
    *,
    metadata: typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]],
    spec: typing.Union[TlsOptionSpec, typing.Dict[builtins.str, typing.Any]],
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c6c3ae69377620802a2dda0f058d6241b17de1c057930a8fd5a3b7adcf593e41(
    *,
    alpn_protocols: typing.Optional[typing.Sequence[builtins.str]] = None,
    cipher_suites: typing.Optional[typing.Sequence[builtins.str]] = None,
    client_auth: typing.Optional[typing.Union[TlsOptionSpecClientAuth, typing.Dict[builtins.str, typing.Any]]] = None,
    curve_preferences: typing.Optional[typing.Sequence[builtins.str]] = None,
    max_version: typing.Optional[builtins.str] = None,
    min_version: typing.Optional[builtins.str] = None,
    prefer_server_cipher_suites: typing.Optional[builtins.bool] = None,
    sni_strict: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__42b3b2591b1e1077e9d457d6c169b53fb38a0a8d7b73fa1e3f669f9b5a627ac8(
    *,
    client_auth_type: typing.Optional[TlsOptionSpecClientAuthClientAuthType] = None,
    secret_names: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass
