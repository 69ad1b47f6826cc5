"""The pod runner of the tests (issue "Pods for real"): synthesized pods as OCI containers under runc, each pod in a
network namespace of its own, with its NetworkPolicies enforced by iptables in that namespace."""
