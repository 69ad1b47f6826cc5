"""The constructs meet through small protocols: the ingress takes a registry endpoint, the UI takes a route. Each
side is replaced here by one of the test's own."""

from __future__ import annotations

import cdk8s
import pytest
from _manifests import by_kind_and_name
from constructs import Construct

from constructs_lib import (
    HtpasswdAuth,
    Registry,
    RegistryEndpoint,
    RegistryUi,
    ServiceEndpoint,
    TraefikIngress,
    UiRoute,
)

HOST = "registry.example.com"


class PlainIngressRoute:
    """A UiRoute of the test's own: a networking.k8s.io Ingress (any controller), no Traefik object."""

    def __init__(self, registry: RegistryEndpoint, host: str) -> None:
        self._registry = registry
        self._host = host
        self.checked: list[tuple[str | None, str | None]] = []

    @property
    def registry(self) -> RegistryEndpoint:
        return self._registry

    @property
    def host(self) -> str:
        return self._host

    @property
    def url(self) -> str:
        return f"https://{self._host}"

    def check_ui_route(self, *, path_prefix: str | None, host: str | None, tls: object | None) -> None:
        self.checked.append((path_prefix, host))
        if tls is not None:
            raise ValueError(f"tls={tls!r} is invalid: this route takes its certificate from the Ingress class")

    def add_ui_route(self, scope: Construct, *, name: str, service_name: str, service_port: int,
                     path_prefix: str | None, host: str | None, tls: object | None,
                     security_headers: bool) -> cdk8s.ApiObject:
        route = cdk8s.ApiObject(scope, "Route", api_version="networking.k8s.io/v1", kind="Ingress",
                                metadata=cdk8s.ApiObjectMetadata(name=name))
        route.add_json_patch(cdk8s.JsonPatch.add("/spec", {"rules": [{"host": host or self._host, "http": {"paths": [
            {"path": path_prefix or "/", "pathType": "Prefix", "backend": {
                "service": {"name": service_name, "port": {"number": service_port}}}}]}}]}))
        return route


def test_the_ui_sits_behind_an_ingress_of_the_applications_own(chart: cdk8s.Chart) -> None:
    # GIVEN a registry and a route of the test's own
    registry = Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_secret("users"))
    route = PlainIngressRoute(registry, HOST)
    assert isinstance(route, UiRoute)

    # WHEN the UI is published through it
    ui = RegistryUi(chart, "Ui", ingress=route)
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN the route was asked first, then made the UI's Ingress to the UI's Service; no Traefik object exists
    assert route.checked == [("/ui", None)]
    ingress = objects[("Ingress", "registry-ui")]
    (path,) = ingress["spec"]["rules"][0]["http"]["paths"]
    assert (ingress["spec"]["rules"][0]["host"], path["path"]) == (HOST, "/ui")
    assert path["backend"]["service"] == {"name": "registry-ui", "port": {"number": 8080}}
    assert not [key for key in objects if "traefik" in objects[key]["apiVersion"]]
    assert ui.ingress_route.node.path == "test/Ui/Route"
    # AND the UI calls the registry at the route's URL, with credentials since the registry asks for them
    env = {e["name"]: e["value"] for e in
           objects[("Deployment", "registry-ui")]["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert (env["REGISTRY_URL"], env["REGISTRY_SECURED"]) == (f"https://{HOST}", "true")


def test_fails_what_the_route_refuses_before_the_ui_exists(app: cdk8s.App, chart: cdk8s.Chart) -> None:
    # GIVEN a route of the test's own that takes no certificate
    from constructs_lib import IngressTls

    registry = Registry(chart, "Registry", name="registry", auth=None)
    route = PlainIngressRoute(registry, HOST)

    # WHEN the UI asks for one on its own host
    # THEN the route's refusal surfaces and no node of the UI is left
    with pytest.raises(ValueError, match=r"tls=.* is invalid: this route takes its certificate"):
        RegistryUi(chart, "Ui", ingress=route, host="ui.example.com", proxy_registry=True,
                   tls=IngressTls.secret("ui-tls"))
    assert chart.node.try_find_child("Ui") is None


def test_traefik_serves_a_registry_made_elsewhere(chart: cdk8s.Chart) -> None:
    # GIVEN a registry's Service that this library did not make
    endpoint = ServiceEndpoint.of("harbor-registry", 5443, cors_origin="https://ui.example.com")

    # WHEN Traefik serves it
    TraefikIngress(chart, "Ingress", registry=endpoint, host=HOST)
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN the route sends the host to that Service and answers the CORS preflights for its origin
    (rule,) = objects[("IngressRoute", "harbor-registry")]["spec"]["routes"]
    assert rule["services"] == [{"kind": "Service", "name": "harbor-registry", "port": 5443}]
    assert objects[("Middleware", "harbor-registry-cors")]["spec"]["headers"]["accessControlAllowOriginList"] == [
        "https://ui.example.com"]


def test_fails_a_registry_endpoint_in_another_namespace(app: cdk8s.App) -> None:
    # GIVEN a registry's Service in namespace "tools"
    chart = cdk8s.Chart(app, "edge", namespace="edge")
    endpoint = ServiceEndpoint.of("registry", 5000, namespace="tools")

    # WHEN an ingress of another namespace would serve it
    # THEN it is refused with the reason, and nothing is left
    with pytest.raises(ValueError, match=r"registry='registry' is invalid: its Service is in the namespace 'tools' "
                                         r"and this ingress in 'edge'"):
        TraefikIngress(chart, "Ingress", registry=endpoint, host=HOST)
    assert chart.node.try_find_child("Ingress") is None


@pytest.mark.parametrize(("options", "message"), [
    ({"service_name": "Registry", "service_port": 5000}, r"service_name='Registry' is invalid"),
    ({"service_name": "registry", "service_port": 0}, r"service_port=0 is invalid"),
    ({"service_name": "registry", "service_port": "5000"}, r"^service_port: expected int, got str"),
    ({"service_name": "registry", "service_port": 5000, "namespace": "Tools"}, r"namespace='Tools' is invalid"),
])
def test_fails_bad_service_endpoint(options: dict[str, object], message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        ServiceEndpoint.of(**options)  # type: ignore[arg-type]


class _Facts:
    """A registry endpoint of the test's own, with whatever facts it is given."""

    def __init__(self, **facts: object) -> None:
        defaults: dict[str, object] = {"service_name": "registry", "service_port": 5000, "namespace": None,
                                       "cors_origin": None, "auth_required": True, "delete_enabled": False}
        self.__dict__.update({**defaults, **facts})


@pytest.mark.parametrize(("facts", "match"), [
    ({"service_name": "Bad Name"}, r"registry.service_name='Bad Name' is invalid"),
    ({"service_port": "5000"}, r"registry.service_port='5000' is invalid"),
    ({"auth_required": "yes"}, r"^registry.auth_required: expected bool, got str"),
    ({"cors_origin": "*"}, r"registry.cors_origin='\*' is invalid"),
])
def test_fails_an_endpoint_of_anyones_with_facts_the_library_refuses(chart: cdk8s.Chart, facts: dict[str, object],
                                                                    match: str) -> None:
    # GIVEN / WHEN an ingress for an endpoint whose facts this library would refuse for its own registry
    # THEN they are refused the same way, and nothing is left
    with pytest.raises((ValueError, TypeError), match=match):
        TraefikIngress(chart, "Ingress", registry=_Facts(**facts), host=HOST)  # type: ignore[arg-type]
    assert chart.node.try_find_child("Ingress") is None


def test_fails_a_route_whose_url_is_not_its_host(chart: cdk8s.Chart) -> None:
    # GIVEN a route of the test's own that reports another URL than https://<host>
    registry = Registry(chart, "Registry", name="registry", auth=None)

    class Odd(PlainIngressRoute):
        @property
        def url(self) -> str:
            return "javascript:alert(1)"

    # WHEN / THEN the UI refuses it before creating anything
    with pytest.raises(ValueError, match=r"registry_url='javascript:alert\(1\)' is invalid"):
        RegistryUi(chart, "Ui", ingress=Odd(registry, HOST))
    assert chart.node.try_find_child("Ui") is None


def test_fails_a_ui_in_another_namespace_than_its_registry(app: cdk8s.App) -> None:
    # GIVEN a registry and its ingress in namespace "a"
    first = cdk8s.Chart(app, "a", namespace="a")
    ingress = TraefikIngress(first, "Ingress", registry=Registry(first, "Registry", auth=None), host=HOST)

    # WHEN a UI in namespace "b" would be published through it
    # THEN it is refused (its route, policy and proxy name objects of "a"), and nothing of it is left
    second = cdk8s.Chart(app, "b", namespace="b")
    with pytest.raises(ValueError, match=r"ingress='registry' is invalid: the registry is in the namespace 'a' and "
                                         r"the UI in 'b'"):
        RegistryUi(second, "Ui", ingress=ingress)
    assert second.node.try_find_child("Ui") is None
