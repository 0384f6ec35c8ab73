"""The card's sections on distribution and the environment that built the data."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from corpus.card.facts import package_versions
from corpus.card.markdown import md_cell, md_code, md_table, _one_line
from corpus.metadata import CROISSANT_NAME, DATAPACKAGE_NAME, OutputFile, output_files


def _distribution(tables, entries: dict[str, Any]) -> list[str]:
    from corpus.licences import REDISTRIBUTABLE, resolve_licence

    lines = [
        "## Distribution and licences",
        "",
        "The builder code is MIT-licensed. The texts remain the work of their publishers; this dataset does not grant "
        "any right to them. The licence of each source (`documents.license`, an SPDX id where one applies, and "
        "`documents.license_url`), from the manifest; *redistributable* applies the rule of "
        "`corpus build --withhold-restricted`: the manifest's `redistribute` flag when set, else whether the licence is "
        f"one of {len(REDISTRIBUTABLE)} open licences that allow sharing the verbatim text (CC0, CC BY and its "
        "NC/SA/ND variants, PDDL, ODC-By, ODbL, OGL; `corpus.licences.REDISTRIBUTABLE`). An unknown licence is not redistributable.",
        "",
    ]
    body = []
    for d in sorted(tables.documents, key=lambda d: d.doc_id):
        entry = entries.get(d.source_file)
        licence = resolve_licence(getattr(entry, "license", None), getattr(entry, "license_url", None), getattr(entry, "redistribute", None))
        shown = (f"[{md_cell(d.license)}]({d.license_url})" if d.license_url else md_cell(d.license)) if d.license else "unknown (not recorded)"
        body.append([
            md_code(d.doc_id), md_cell(d.publisher) or "unknown", shown,
            "yes" if licence.redistributable else "no", "withheld" if d.text_withheld else "included",
        ])
    lines += md_table(["doc_id", "publisher", "licence", "redistributable", "text in this build"], body)
    withheld = sorted(d.doc_id for d in tables.documents if d.text_withheld)
    lines += [""]
    if withheld:
        lines += [
            f"**Withheld texts ({len(withheld)} of {len(tables.documents)} documents):** {', '.join(md_code(i) for i in withheld)}. "
            "Their `documents.text` and `sections.text` are empty and `documents.text_withheld` is true; every other table "
            "is complete and its offsets point into the full text (`n_chars` long, SHA-256 `text_sha256`). To re-attach "
            "a text, obtain the source file whose SHA-256 is `documents.sha256`, put it in a seeds folder and run "
            "`corpus build` (without `--withhold-restricted`): the rebuilt `documents.text` has the recorded `text_sha256`.",
            "",
        ]
    else:
        lines += ["Every document's text is included in this build (built without `--withhold-restricted`).", ""]
    lines += [
        "Where the terms are unknown, check the publisher's terms first, or share a build made with "
        "`corpus build --withhold-restricted` (derived tables, offsets and hashes without the texts). There are no "
        "export controls known to apply.",
        "",
    ]
    return lines


def _environment(folder: Path, command: str) -> list[str]:
    from corpus import __version__
    from corpus.contract import version as schema_version

    lines = [
        "## Build environment and reproducibility",
        "",
        f"- Built with: `{_one_line(command).replace('`', '')}`",
        f"- thinktank-corpus version: {__version__}",
        f"- Schema version: {schema_version()} (`schema/VERSION`)",
        "",
        "Byte-identical output is promised only for the same seeds and the same versions of the packages below "
        "(Parquet bytes depend on the pyarrow version; NER output on the spaCy models).",
        "",
    ]
    lines += md_table(["package", "version"], [[md_code(n), md_cell(v)] for n, v in package_versions()])
    lines += ["", "Output files (relative to the build folder):", ""]
    files = output_files(folder)
    for name in (CROISSANT_NAME, DATAPACKAGE_NAME):
        path = folder / name
        if path.is_file():
            data = path.read_bytes()
            files.append(OutputFile(path=name, sha256=hashlib.sha256(data).hexdigest(), n_bytes=len(data)))
    lines += md_table(["file", "bytes", "sha256"], [[md_code(f.path), str(f.n_bytes), f"`{f.sha256}`"] for f in files], "lrl")
    lines.append("")
    return lines


MACHINE_READABLE = [
    "## Machine-readable metadata",
    "",
    "- `croissant.json`: MLCommons Croissant 1.1 JSON-LD. One record set per table with typed fields (list columns "
    "`isArray`, `documents.field_origins` with sub-fields), keys and cross-table `references`; each shard is a "
    "`FileObject` with its sha256, checked by `mlcroissant load`. The self-references `sections.parent_id` and "
    "`footnotes.ibid_of` are left out of Croissant because mlcroissant rejects reference cycles.",
    "- `datapackage.json`: Frictionless Data Package with one Table Schema per table (types, required, unique, enum, "
    "pattern, minimum/maximum), `primaryKey` and `foreignKeys`. Frictionless reads Parquet through pandas and cannot "
    "type list cells, so list columns are typed `any` (their Arrow type is kept in `arrowType`) and are not checked "
    "by frictionless; nulls in integer columns arrive as NaN and are declared as missing values; an empty string is "
    "a value, not a null. Frictionless does not check `hash` or `bytes` of Parquet files: use the sha256 table above "
    "or `mlcroissant load` for integrity.",
    "",
]
