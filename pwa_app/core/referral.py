"""Referral lists handed to a client: the compact share token, and an SMS body that fits.

A token is the list's service ids, packed (a UUID takes 16 bytes) and followed by a 4-byte
checksum, in URL-safe base64. It is checksummed, not signed: the list holds only public
directory entries, so what matters is that a link cut short or mistyped is recognised, and
phones can make one offline. static/js/referral.js is the browser's twin (same test vectors).
"""
from __future__ import annotations

import base64
import hashlib
import re
import uuid

MAX_IDS = 50
VERSION = 1
UUID_TAG, TEXT_TAG = 0, 1
CHECK_BYTES = 4
CHECK_SALT = b"passerelle-list\x00"
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

# GSM 03.38: its basic set costs one septet a character, its extension table two; anything else
# sends the whole message as UCS-2 (70 characters, or 67 a segment when split).
GSM_BASIC = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM_EXTENDED = set("^{}\\[~]|€\f")


class BadToken(ValueError):
    """The link was cut short, mistyped or altered."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise BadToken("not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError:
        raise BadToken("not base64url") from None


def _check(payload: bytes) -> bytes:
    return hashlib.sha256(CHECK_SALT + payload).digest()[:CHECK_BYTES]


def encode(ids: list[str]) -> str:
    """Pack service ids into a short, checksummed, URL-safe token."""
    payload = bytearray([VERSION])
    for sid in ids[:MAX_IDS]:
        if UUID_RE.match(sid):
            payload += bytes([UUID_TAG]) + uuid.UUID(sid).bytes
        else:
            raw = sid.encode()[:255]
            payload += bytes([TEXT_TAG, len(raw)]) + raw
    return _b64(bytes(payload) + _check(bytes(payload)))


def decode(token: str) -> list[str]:
    """The service ids in a token; BadToken when it is damaged in any way."""
    data = _unb64(token)
    if _b64(data) != token:  # spare bits set: not a token we made
        raise BadToken("not canonical")
    payload, check = data[:-CHECK_BYTES], data[-CHECK_BYTES:]
    if len(data) <= CHECK_BYTES or _check(payload) != check or payload[0] != VERSION:
        raise BadToken("checksum")
    ids, at = [], 1
    while at < len(payload):
        tag = payload[at]
        if tag == UUID_TAG and at + 17 <= len(payload):
            ids.append(str(uuid.UUID(bytes=payload[at + 1:at + 17])))
            at += 17
        elif tag == TEXT_TAG and at + 2 <= len(payload) and at + 2 + payload[at + 1] <= len(payload):
            try:
                ids.append(payload[at + 2:at + 2 + payload[at + 1]].decode())
            except UnicodeDecodeError:
                raise BadToken("text") from None
            at += 2 + payload[at + 1]
        else:
            raise BadToken("layout")
    if len(ids) > MAX_IDS:
        raise BadToken("too many")
    return ids


def sms_segments(body: str) -> int:
    """How many SMS a body is sent as (GSM-7 where every character allows it, else UCS-2)."""
    if all(c in GSM_BASIC or c in GSM_EXTENDED for c in body):
        units, single, multi = sum(2 if c in GSM_EXTENDED else 1 for c in body), 160, 153
    else:
        units, single, multi = len(body.encode("utf-16-le")) // 2, 70, 67
    return 1 if units <= single else -(-units // multi)


def _shorten(name: str, limit: int | None) -> str:
    return name if limit is None or len(name) <= limit else name[: limit - 1].rstrip() + "…"


def sheet_phone(record: dict) -> dict | None:
    """The number a referral sheet and its text message give for a service (a phone record's entry):
    its first that can be called, not a fax."""
    return next((p for p in record.get("p", ()) if p.get("t") != "fax" and p.get("e")), None)


def phone_text(phone: dict | None, extension: str) -> str:
    """A number as a text message writes it, as the sheet shows it: the display, then its extension in
    the words of `extension` ("ext. %(ext)s" in the reader's language)."""
    if not phone:
        return ""
    return f"{phone['d']} {extension.replace('%(ext)s', phone['x'])}" if phone.get("x") else phone["d"]


def sms_body(entries: list[tuple[str, str]], link: str | None = None, max_segments: int = 2) -> str:
    """Names and numbers, one per line, in at most `max_segments` SMS where that can be done.

    Full names with the link first; then shorter names; then without the link, which the
    names and numbers matter more than.
    """
    def build(limit: int | None, with_link: bool) -> str:
        lines = [f"{_shorten(name, limit)}: {number}" if number else _shorten(name, limit) for name, number in entries]
        return "\n".join(lines + ([link] if with_link and link else []))

    tries = [(limit, with_link) for with_link in ((True, False) if link else (False,))
             for limit in (None, 40, 30, 24, 18, 12)]
    for limit, with_link in tries:
        body = build(limit, with_link)
        if sms_segments(body) <= max_segments:
            return body
    return build(12, False)
