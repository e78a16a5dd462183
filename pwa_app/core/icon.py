"""A Windows icon (.ico) holding one PNG image, as browsers ask for at /favicon.ico.

An ICO may carry its image as PNG bytes (every browser, and Windows since Vista, reads it), so no
image library is needed: a 6-byte header and a 16-byte directory entry in front of the PNG.
"""
from __future__ import annotations

import struct

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(png: bytes) -> tuple[int, int]:
    """The width and height in a PNG's header (its IHDR chunk comes first)."""
    if not png.startswith(PNG_SIGNATURE) or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    return struct.unpack(">II", png[16:24])


def ico_from_png(png: bytes) -> bytes:
    """An .ico file whose only image is `png` (at most 256 pixels a side, as ICO allows)."""
    width, height = png_size(png)
    if not (0 < width <= 256 and 0 < height <= 256):
        raise ValueError(f"an icon is at most 256 pixels a side, not {width}x{height}")
    header = struct.pack("<HHH", 0, 1, 1)  # reserved, type 1 (icon), one image
    # width, height (0 means 256), no palette, reserved, 1 plane, 32 bits, the image's size and offset
    entry = struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png
