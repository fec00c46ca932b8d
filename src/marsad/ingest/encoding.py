"""Decode bytes of Arabic text whose encoding nobody declared.

Arabic news files arrive as UTF-8 (with or without BOM), UTF-16, or one of the
two legacy single-byte Arabic code pages, windows-1256 and ISO-8859-6. A BOM or
valid strict UTF-8 settles it; otherwise both code pages are tried and the one
that yields more Arabic letters and fewer stray Latin-1/control characters wins.
"""

from __future__ import annotations

import codecs
import re

#: Legacy code pages tried, in order of preference on a tie.
LEGACY_ARABIC = ("cp1256", "iso-8859-6")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
# Latin-1 supplement letters and C0/C1 controls: what a wrong code page produces.
_SUSPECT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00c0-\u00ff]")
# An ASCII letter glued to an Arabic one: Latin text read through an Arabic code page.
_MIXED = re.compile(r"[A-Za-z][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z]")


class UndecodableError(ValueError):
    """The bytes are in none of the encodings marsad reads."""


def sniff_bom(data: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of ``data``, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 LE/BE without BOM: in Arabic or ASCII text one byte lane is nearly all
    0x06 (the Arabic block's high byte) or 0x00, which UTF-8 text never has."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    half = len(sample) // 2

    def high(lane: bytes) -> int:
        return lane.count(0) + lane.count(6)

    even, odd = sample[0::2], sample[1::2]
    if high(odd) > 0.5 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if high(even) > 0.5 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


def arabic_score(text: str) -> int:
    """Arabic letters minus twice what a wrong code page typically produces."""
    wrong = len(_SUSPECT.findall(text)) + len(_MIXED.findall(text))
    return len(_ARABIC_LETTER.findall(text)) - 2 * wrong


def _decode_legacy(data: bytes) -> tuple[str, str]:
    best: tuple[int, str, str] | None = None
    for name in LEGACY_ARABIC:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = arabic_score(text)
        if best is None or score > best[0]:
            best = (score, text, name)
    if best is None or best[0] <= 0:
        raise UndecodableError(
            "undecodable: not UTF-8/UTF-16 and no Arabic text as windows-1256 or ISO-8859-6"
        )
    return best[1], best[2]


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return ``(text, codec name)``.

    Order: BOM, UTF-16 without BOM, strict UTF-8, ``declared`` (an HTTP or HTML
    charset, when it decodes strictly), then the Arabic code-page guess. Raises
    :class:`UndecodableError` with the reason when nothing fits.
    """
    bom = sniff_bom(data)
    if bom:
        try:
            return data.decode(bom), bom
        except UnicodeDecodeError as exc:
            raise UndecodableError(f"undecodable: bad {bom} after its BOM: {exc}") from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass
    if b"\x00" in data:
        raise UndecodableError("undecodable: binary data (NUL bytes) in a text input")
    return _decode_legacy(data)
