"""Write small PDFs for tests by hand: text in the base-14 fonts (no font files), so PDFium reads real glyphs.

`Text` places one string; a page is a list of them (and optional raw content-stream operators).
"""

from __future__ import annotations

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


def _stream(items: list[Text | str], height: float) -> bytes:
    ops = []
    for item in items:
        if isinstance(item, str):
            ops.append(item)
            continue
        font = "F2" if item.bold else "F1"
        y = height - item.y
        matrix = f"0 1 -1 0 {item.x} {y}" if item.angle == 90 else f"1 0 0 1 {item.x} {y}"
        mode = "3 Tr " if item.invisible else "0 Tr "  # the render mode persists after ET: always set it
        ops.append(f"BT {mode}/{font} {item.size} Tf {item.rise} Ts {matrix} Tm ({_escape(item.text)}) Tj ET")
    return "\n".join(ops).encode("latin-1")


def make_pdf(pages: list[list[Text | str]], width: float = 612, height: float = 792, encrypt: bool = False) -> bytes:
    """A PDF with one page per list; `encrypt` adds a standard security handler whose password is not empty."""
    objects: list[bytes] = []
    font_ids = {}
    for name, base in FONTS.items():
        objects.append(f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>".encode())
        font_ids[name] = len(objects)
    fonts = " ".join(f"/{name} {n} 0 R" for name, n in font_ids.items())
    pages_id = len(objects) + 1
    objects.append(b"")  # the page tree, filled in below
    kids = []
    for items in pages:
        content = _stream(items, height)
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        content_id = len(objects)
        objects.append(
            f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {width} {height}] /Resources << /Font << {fonts} >> >> /Contents {content_id} 0 R >>".encode()
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
