"""Write small PDFs for tests by hand: text in the base-14 fonts (no font files), so PDFium reads real glyphs.

`Text` places one string; a page is a list of them (and optional raw content-stream operators). Text outside
Latin-1 (ligatures, soft hyphens, Hebrew, CJK, private-use glyphs) is drawn in a font whose ToUnicode map gives
each of its codes the character, as subset fonts in real PDFs do.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

FONTS = {"F1": "Helvetica", "F2": "Helvetica-Bold"}


@dataclass(frozen=True)
class Text:
    """`text` at (x, y) from the page's top-left corner, in points; `rise` lifts it (a superscript)."""

    x: float
    y: float
    text: str
    size: float = 10
    bold: bool = False
    rise: float = 0
    invisible: bool = False
    angle: int = 0  # 0 or 90 (running upwards)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _latin(text: str) -> bool:
    return all(32 <= ord(ch) < 127 or 160 <= ord(ch) < 173 or 173 < ord(ch) < 256 for ch in text)


def _codes(pages: list[list[Text | str]]) -> dict[str, int]:
    """The characters drawn in the mapped font (texts outside Latin-1), each given a one-byte code."""
    chars = sorted({ch for items in pages for item in items if isinstance(item, Text) and not _latin(item.text) for ch in item.text})
    if len(chars) > 200:
        raise ValueError("minipdf maps at most 200 characters outside Latin-1")
    return {ch: n for n, ch in enumerate(chars, start=48)}  # codes from "0": PDFium skips a lone control code


def _to_unicode(codes: dict[str, int]) -> bytes:
    pairs = "\n".join(f"<{n:02X}> <{''.join(f'{u:04X}' for u in _utf16(ch))}>" for ch, n in codes.items())
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Mapped def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(codes)} beginbfchar\n{pairs}\nendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def _utf16(ch: str) -> list[int]:
    data = ch.encode("utf-16-be")
    return [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]


def _stream(items: list[Text | str], height: float, codes: dict[str, int] | None = None) -> bytes:
    ops = []
    for item in items:
        if isinstance(item, str):
            ops.append(item)
            continue
        font = "F2" if item.bold else "F1"
        shown = f"({_escape(item.text)})"
        if codes and not _latin(item.text):
            font = "F3"
            shown = "<" + "".join(f"{codes[ch]:02X}" for ch in item.text) + ">"
        y = height - item.y
        matrix = f"0 1 -1 0 {item.x} {y}" if item.angle == 90 else f"1 0 0 1 {item.x} {y}"
        mode = "3 Tr " if item.invisible else "0 Tr "  # the render mode persists after ET: always set it
        ops.append(f"BT {mode}/{font} {item.size} Tf {item.rise} Ts {matrix} Tm {shown} Tj ET")
    return "\n".join(ops).encode("latin-1")


def _moved(item: Text | str, x0: float, y0: float) -> Text | str:
    """A text drawn in a media box whose lower-left corner is (x0, y0): its place in the page's own coordinates."""
    if isinstance(item, str) or (x0, y0) == (0, 0):
        return item
    return Text(item.x + x0, item.y - y0, item.text, item.size, item.bold, item.rise, item.invisible, item.angle)


def make_pdf(pages: list[list[Text | str]], width: float = 612, height: float = 792, encrypt: bool = False,
             rotate: int = 0, origin: tuple[float, float] = (0, 0)) -> bytes:
    """A PDF with one page per list; `encrypt` adds a standard security handler whose password is not empty;
    `rotate` turns every page for display (/Rotate, as landscape figure pages); `origin` moves the media box's
    lower-left corner (the text stays where it is drawn, measured from the box's top-left corner)."""
    objects: list[bytes] = []
    font_ids = {}
    for name, base in FONTS.items():
        objects.append(f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>".encode())
        font_ids[name] = len(objects)
    codes = _codes(pages)
    if codes:
        cmap = _to_unicode(codes)
        objects.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
        widths = " ".join("0" if unicodedata.category(ch) == "Cf" else "600" for ch in codes)  # zero-width characters take none
        objects.append(f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 48 /LastChar {47 + len(codes)} /Widths [{widths}] /ToUnicode {len(objects)} 0 R >>".encode())
        font_ids["F3"] = len(objects)
    fonts = " ".join(f"/{name} {n} 0 R" for name, n in font_ids.items())
    pages_id = len(objects) + 1
    objects.append(b"")  # the page tree, filled in below
    kids = []
    x0, y0 = origin
    for items in pages:
        content = _stream([_moved(item, x0, y0) for item in items], height, codes)
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        content_id = len(objects)
        objects.append(
            f"<< /Type /Page /Parent {pages_id} 0 R /Rotate {rotate} /MediaBox [{x0} {y0} {x0 + width} {y0 + height}] /Resources << /Font << {fonts} >> >> /Contents {content_id} 0 R >>".encode()
        )
        kids.append(len(objects))
    objects[pages_id - 1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    objects.append(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    catalog = len(objects)
    trailer_extra = ""
    if encrypt:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>")
        trailer_extra = f" /Encrypt {len(objects)} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R{trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def image(x: float, y: float, width: float, height: float, page_height: float = 792) -> str:
    """Content-stream operators drawing a small grey inline image (a scanned page, a chart) with its top-left
    corner at (x, y) from the page's top-left corner."""
    return f"q {width} 0 0 {height} {x} {page_height - y - height} cm BI /W 2 /H 2 /BPC 8 /CS /G ID \x10\x80\xc0\xff EI Q"
