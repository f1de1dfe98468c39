"""The reference code of a sent summary: six characters a person can read aloud on the phone
("K7M-4QX"), from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V).
It is random, so it says nothing about the person."""

import re
import secrets

ALPHABET = "34679ACDEFGHJKMNPQRTWXY"
LENGTH = 6
_SHAPE = re.compile(rf"[{ALPHABET}]{{{LENGTH}}}")


def new_reference() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def format_reference(code: str) -> str:
    """A code as it is shown and read: K7M4QX becomes K7M-4QX."""
    return f"{code[:3]}-{code[3:]}" if len(code) == LENGTH else code


def parse_reference(text: str) -> str | None:
    """The stored form of a code as someone typed it ("k7m 4qx", "K7M-4QX"), or None."""
    code = re.sub(r"[\s-]", "", text or "").upper()
    return code if _SHAPE.fullmatch(code) else None
