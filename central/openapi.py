"""Print the platform's OpenAPI document: `python -m central.openapi > docs/central-openapi.json`."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from central.app import create_app


def document() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(f"sqlite:///{Path(tmp) / 'openapi.db'}", Ed25519PrivateKey.generate())
        try:
            return app.openapi()
        finally:
            app.state.engine.dispose()


def render() -> str:
    return json.dumps(document(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
