"""Compare PDF libraries on the devset-real PDFs: pages per second and the character attributes each exposes.

    python -m benchmarks.pdf_readers [--pdfs ../shared/devset-real] [--output benchmarks/pdf_readers.md]

Each library reads every character of every page with its text, position, font size and font name (what
the layout reader needs); a library that is not installed is reported as such. `docling-parse` is no
dependency of the package: install it into a separate venv to include it (it pins an older `typer`).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import time
from collections.abc import Callable
from pathlib import Path


def _pypdfium2(path: Path) -> tuple[int, int, dict[str, int]]:
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(path)
    chars = 0
    found = {"font_size": 0, "font_name": 0, "invisible": 0, "off_page": 0}
    buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for page in pdf:
        width, height = page.get_size()
        textpage = page.get_textpage()
        handle = textpage.raw
        for i in range(raw.FPDFText_CountChars(handle)):
            raw.FPDFText_GetUnicode(handle, i)
            raw.FPDFText_GetCharBox(handle, i, left, right, bottom, top)
            if raw.FPDFText_GetFontSize(handle, i) > 0:
                found["font_size"] += 1
            if raw.FPDFText_GetFontInfo(handle, i, buffer, 256, flags):
                found["font_name"] += 1
            obj = raw.FPDFText_GetTextObject(handle, i)
            if obj and raw.FPDFTextObj_GetTextRenderMode(obj) == raw.FPDF_TEXTRENDERMODE_INVISIBLE:
                found["invisible"] += 1
            if right.value < 0 or left.value > width or top.value < 0 or bottom.value > height:
                found["off_page"] += 1
            chars += 1
    return len(pdf), chars, found


def _pdfplumber(path: Path) -> tuple[int, int, dict[str, int]]:
    import pdfplumber

    chars = 0
    found = {"font_size": 0, "font_name": 0, "invisible": 0, "off_page": 0}
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                chars += 1
                found["font_size"] += char["size"] > 0
                found["font_name"] += bool(char["fontname"])
                found["off_page"] += char["x1"] < 0 or char["x0"] > page.width or char["bottom"] < 0 or char["top"] > page.height
        return len(pdf.pages), chars, found


def _docling_parse(path: Path) -> tuple[int, int, dict[str, int]]:
    from docling_core.types.doc.page import TextCellUnit
    from docling_parse.pdf_parser import DoclingPdfParser

    doc = DoclingPdfParser().load(path_or_stream=str(path))
    chars = 0
    found = {"font_size": 0, "font_name": 0, "invisible": 0, "off_page": 0}
    pages = 0
    for _, page in doc.iterate_pages():
        pages += 1
        for cell in page.iterate_cells(unit_type=TextCellUnit.CHAR):
            chars += 1
            found["font_name"] += bool(getattr(cell, "font_name", ""))
    return pages, chars, found


LIBRARIES: dict[str, tuple[str, Callable[[Path], tuple[int, int, dict[str, int]]]]] = {
    "pypdfium2": ("pypdfium2", _pypdfium2),
    "pdfplumber": ("pdfplumber", _pdfplumber),
    "docling-parse": ("docling-parse", _docling_parse),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdfs", type=Path, default=Path("../shared/devset-real"))
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    files = sorted(args.pdfs.glob("*.pdf"))
    rows = ["| library | version | pages | chars | seconds | pages/s | chars with size | with font name | invisible (render mode 3) | off page |", "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for name, (dist, read) in LIBRARIES.items():
        try:
            version = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            rows.append(f"| {name} | not installed | | | | | | | | |")
            continue
        pages = chars = 0
        totals = {"font_size": 0, "font_name": 0, "invisible": 0, "off_page": 0}
        start = time.perf_counter()
        for path in files:
            n_pages, n_chars, found = read(path)
            pages += n_pages
            chars += n_chars
            for key, value in found.items():
                totals[key] += value
        seconds = time.perf_counter() - start
        rows.append(
            f"| {name} | {version} | {pages} | {chars} | {seconds:.2f} | {pages / seconds:.1f} | {totals['font_size']} | {totals['font_name']} | {totals['invisible']} | {totals['off_page']} |"
        )
    table = "\n".join(rows)
    print(table)
    if args.output:
        args.output.write_text(table + "\n")


if __name__ == "__main__":
    main()
