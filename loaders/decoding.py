"""Bytes to text: BOMs first, then strict UTF-8, then detection (charset-normalizer), never a blind guess."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from kg.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Leading bytes of formats that are certainly not text, whatever their file name says.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)


def decode(data: bytes, path) -> str:
    """Decode a file's bytes to text, or raise InputError naming the reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(path, f"invalid {encoding} after its byte-order mark ({err.reason})") from None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"binary file ({kind}), not text")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "not valid UTF-8 and no other text encoding fits")
    return str(best)
