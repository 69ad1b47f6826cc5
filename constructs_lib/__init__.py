"""cdk8s constructs for a private Docker registry on Kubernetes."""

__all__: list[str] = []
