"""A pull-through cache of Docker Hub on a volume: nodes pull `cache.example.com/library/alpine` and the cache
fetches from Docker Hub once, with an account (higher pull limits) whose credentials sit in a Secret."""

import cdk8s

from constructs_lib import HtpasswdAuth, ProxyCache, RegistryChart, Storage


def build(app: cdk8s.App) -> RegistryChart:
    return RegistryChart(
        app, "cache",
        host="cache.example.com",
        namespace="registry-cache",
        name="cache",
        auth=HtpasswdAuth.from_secret("cache-htpasswd"),
        proxy=ProxyCache.of("https://registry-1.docker.io", credentials_secret="dockerhub-credentials"),
        storage=Storage.filesystem(size_gib=100),
        ui=False,
    )


if __name__ == "__main__":
    application = cdk8s.App()
    build(application)
    application.synth()
