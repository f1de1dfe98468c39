"""Keys for what is kept in memory (decisionaid/pagecache.py): a stable digest of all it shows."""

import hashlib
import json


def digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()
