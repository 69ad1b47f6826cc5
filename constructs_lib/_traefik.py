"""The generated Traefik CRD bindings, reached through this package only.

The bindings are generated into the top-level ``imports/`` folder by ``make imports`` and ship inside this package as
``constructs_lib._traefik_io`` and ``constructs_lib._traefik_containo_us`` (see ``pyproject.toml``), so an
application's own ``imports/`` folder can neither shadow them nor be shadowed by them.
"""

import constructs_lib._traefik_containo_us as traefik_containo_us
import constructs_lib._traefik_io as traefik_io

__all__ = ["traefik_containo_us", "traefik_io"]
