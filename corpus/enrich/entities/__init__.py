"""Named-entity detection: spaCy NER followed by registered post-processing components, one package.

Modules: `rules_en` (the English/French post-processing component `thinktank_entity_fixes`, numbered rules
1-18 described there), `chinese` (`thinktank_zh_rules`), `roles` (roles and script glosses on plain spans),
`vocab` (rule vocabularies, read from the data files in `data/`), plus one module per later concern (see
`COMPONENTS`). Pipelines are loaded once per process with the components NER does not need disabled;
texts go through `nlp.pipe` in batches.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import spacy
from spacy.language import Language

from corpus.enrich.entities import chinese as _chinese  # noqa: F401 - registers thinktank_zh_rules
from corpus.enrich.entities.chinese import RULE_BASED
from corpus.enrich.entities.roles import roles, script_names
from corpus.enrich.entities.rules_en import BATCH_SIZE, LABELS, PIPELINES, _DISABLE, find_acronyms
from corpus.enrich.model import EntitySpan

__all__ = ["BATCH_SIZE", "LABELS", "PIPELINES", "_DISABLE", "detect_entities", "find_acronyms", "ner_available",
           "pipeline_versions", "preload", "rule_based_languages"]


@lru_cache(maxsize=None)
def _load(language: str) -> Language | None:
    if language in RULE_BASED:
        nlp = spacy.blank(language)  # the default Chinese segmenter is per character: no download
        nlp.add_pipe(RULE_BASED[language])
        return nlp
    name = PIPELINES.get(language)
    if name is None:
        return None
    try:
        nlp = spacy.load(name, disable=_DISABLE.get(language, []))
    except OSError:
        return None
    # "WebRAY Tech(Beijing)": an opening bracket glued between two words is its own token
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[^\W\d_])[(\[](?=[^\W\d_])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("thinktank_entity_fixes", after="ner")
    return nlp


def ner_available(language: str) -> bool:
    """Whether a statistical NER pipeline is installed for `language` (rule-based languages say False).

    Checks the installed package without loading the model."""
    return language in PIPELINES and spacy.util.is_package(PIPELINES[language])


def preload(languages: Sequence[str] | None = None) -> None:
    """Load the pipelines of `languages` (default: every statistical one) now rather than on first use."""
    for language in sorted(languages if languages is not None else PIPELINES):
        _load(language)


def rule_based_languages() -> tuple[str, ...]:
    """Languages whose entities come from rules only (no statistical model): for the datacard."""
    return tuple(sorted(RULE_BASED))


def pipeline_versions() -> dict[str, str]:
    """Installed pipeline name -> version, for the datacard."""
    out = {}
    for lang in sorted(PIPELINES):
        nlp = _load(lang)
        if nlp is not None:
            out[f"{nlp.meta.get('lang', lang)}_{nlp.meta.get('name', PIPELINES[lang])}"] = str(nlp.meta.get("version", ""))
    return out


def detect_entities(texts: Sequence[str], language: str) -> list[list[EntitySpan]]:
    """Entity spans for each text (all of one language); empty lists when no pipeline is installed."""
    nlp = _load(language)
    if nlp is None:
        return [[] for _ in texts]
    results: list[list[EntitySpan]] = []
    # Strings spaCy interns while parsing are freed when the zone closes, so memory does not grow with the
    # corpus; only plain Python values (EntitySpan) leave the zone.
    with nlp.memory_zone():
        for doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
            spans = [EntitySpan(e.start_char, e.end_char, e.text, e.label_, canonical_hint=e._.canonical_hint)
                     for e in doc.ents if e.label_ in LABELS]
            results.append(roles(doc.text, script_names(doc.text, spans)))
    return results
