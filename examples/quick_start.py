import cdk8s

from constructs_lib import HtpasswdAuth, K3sTraefikChart, RegistryChart


def build(app: cdk8s.App) -> None:
    # k3s's bundled Traefik gets a Let's Encrypt certificate resolver, its acme.json on a volume, and timeouts that
    # let long layer uploads finish (the HelmChartConfig kube-system/traefik).
    k3s = K3sTraefikChart(app, "k3s-traefik", acme_email="admin@example.com")
    # The registry on a 10 GiB volume, its users from the Secret registry-htpasswd, the UI at /ui/.
    RegistryChart(app, "registry", host="registry.example.com", auth=HtpasswdAuth.from_secret("registry-htpasswd"),
                  tls=k3s.ingress_tls)


if __name__ == "__main__":
    app = cdk8s.App()
    build(app)
    app.synth()
