"""Secret tokens in URLs. A share link's token carries 256 bits from `secrets`; only its
SHA-256 hash is stored, so the database alone never opens a link. A string that is not
shaped like a token is turned away before any query."""

import hashlib
import re
import secrets

SHARE_TOKEN_BYTES = 32
_SHARE_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
_INVITATION_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")


def new_share_token() -> str:
    return secrets.token_urlsafe(SHARE_TOKEN_BYTES)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def is_share_token(value: str) -> bool:
    return bool(_SHARE_TOKEN.fullmatch(value))


def is_invitation_token(value: str) -> bool:
    return bool(_INVITATION_TOKEN.fullmatch(value))


def new_invitation_token() -> str:
    return secrets.token_urlsafe(24)
