"""Keys for the page parts kept in memory ({% cache %}): a stable digest of all they show."""

import hashlib
import json


def digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()
