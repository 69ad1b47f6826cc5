"""The default app: `make synth` (cdk8s synth) runs this and writes the manifests into dist/."""

import cdk8s
from cdk8s_plus_27 import k8s


def build(app: cdk8s.App) -> cdk8s.Chart:
    chart = cdk8s.Chart(app, "registry")
    k8s.KubeNamespace(chart, "Namespace", metadata=k8s.ObjectMeta(name="registry"))
    return chart


if __name__ == "__main__":
    application = cdk8s.App()
    build(application)
    application.synth()
