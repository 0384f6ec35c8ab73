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

from corpus.enrich.entities import acronym_typos as _acronym_typos  # noqa: F401 - registers thinktank_acronym_typos
from corpus.enrich.entities import back_references as _back_references  # noqa: F401 - registers thinktank_back_references
from corpus.enrich.entities import brands as _brands  # noqa: F401 - registers thinktank_brands
from corpus.enrich.entities import capital_labels as _capital_labels  # noqa: F401 - registers thinktank_capital_labels
from corpus.enrich.entities import chinese as _chinese  # noqa: F401 - registers thinktank_zh_rules
from corpus.enrich.entities import compounds as _compounds  # noqa: F401 - registers thinktank_adjective_compounds
from corpus.enrich.entities import demonstratives as _demonstratives  # noqa: F401 - registers thinktank_demonstratives
from corpus.enrich.entities import gazetteer as _gazetteer  # noqa: F401 - registers thinktank_places
from corpus.enrich.entities import head_references as _head_references  # noqa: F401 - registers thinktank_head_references
from corpus.enrich.entities import heading_words as _heading_words  # noqa: F401 - registers thinktank_heading_words
from corpus.enrich.entities import hyphens as _hyphens  # noqa: F401 - registers thinktank_hyphen_names
from corpus.enrich.entities import legal as _legal  # noqa: F401 - registers thinktank_legal_names
from corpus.enrich.entities import meeting_places as _meeting_places  # noqa: F401 - registers thinktank_meeting_places
from corpus.enrich.entities import ordinary_phrases as _ordinary  # noqa: F401 - registers thinktank_ordinary_phrases
from corpus.enrich.entities import org_heads as _org_heads  # noqa: F401 - registers thinktank_org_heads
from corpus.enrich.entities import periodicals as _periodicals  # noqa: F401 - registers thinktank_periodicals
from corpus.enrich.entities import phrases as _phrases  # noqa: F401 - registers thinktank_phrases
from corpus.enrich.entities import possessives as _possessives  # noqa: F401 - registers thinktank_possessive_names
from corpus.enrich.entities import products as _products  # noqa: F401 - registers thinktank_products
from corpus.enrich.entities import programmes as _programmes  # noqa: F401 - registers thinktank_programmes
from corpus.enrich.entities import regulation_titles as _regulation_titles  # noqa: F401 - registers thinktank_regulation_titles
from corpus.enrich.entities import role_words as _role_words  # noqa: F401 - registers thinktank_role_words
from corpus.enrich.entities import span_edges as _span_edges  # noqa: F401 - registers thinktank_span_edges
from corpus.enrich.entities import surnames as _surnames  # noqa: F401 - registers thinktank_surnames
from corpus.enrich.entities import unit_of_body as _unit_of_body  # noqa: F401 - registers thinktank_unit_of_body
from corpus.enrich.entities import versions as _versions  # noqa: F401 - registers thinktank_versions
from corpus.enrich.entities import works as _works  # noqa: F401 - registers thinktank_works
from corpus.enrich.entities.chinese import RULE_BASED
from corpus.enrich.entities.citations import citation_filter
from corpus.enrich.entities.nested import nested_bodies, nested_places
from corpus.enrich.entities.roles import roles, script_names
from corpus.enrich.entities.rules_en import BATCH_SIZE, LABELS, PIPELINES, _DISABLE, find_acronyms
from corpus.enrich.model import EntitySpan

# components after `ner`, in order: the numbered fixes, then one small component per concern
COMPONENTS = ("thinktank_entity_fixes", "thinktank_hyphen_names", "thinktank_possessive_names", "thinktank_legal_names",
              "thinktank_places", "thinktank_role_words", "thinktank_products", "thinktank_versions", "thinktank_org_heads", "thinktank_unit_of_body", "thinktank_phrases",
              "thinktank_ordinary_phrases", "thinktank_span_edges", "thinktank_periodicals",
              "thinktank_brands", "thinktank_surnames", "thinktank_programmes", "thinktank_back_references",
              "thinktank_works", "thinktank_demonstratives", "thinktank_capital_labels", "thinktank_head_references",
              "thinktank_heading_words", "thinktank_adjective_compounds", "thinktank_acronym_typos",
              "thinktank_regulation_titles", "thinktank_meeting_places")

__all__ = ["COMPONENTS", "BATCH_SIZE", "LABELS", "PIPELINES", "_DISABLE", "detect_entities", "find_acronyms", "ner_available",
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
    # "on AI:2019" (a cited instrument with its year): a colon between a letter and a digit is its own token
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[^\W\d_])[(\[](?=[^\W\d_])", r"(?<=[A-Za-z]):(?=\d)"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    # "Digital Markets27": endnote digits glued to a lowercase word are their own token
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[a-z]{2})\d{1,3}$"]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    after = "ner"
    for component in COMPONENTS:
        nlp.add_pipe(component, after=after)
        after = component
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


def detect_entities(texts: Sequence[str], language: str, notes: Sequence[bool] | None = None) -> list[list[EntitySpan]]:
    """Entity spans for each text (all of one language); empty lists when no pipeline is installed.
    `notes[i]` says text i is a footnote or endnote (citations: quoted titles are not entities)."""
    nlp = _load(language)
    if nlp is None:
        return [[] for _ in texts]
    results: list[list[EntitySpan]] = []
    # Strings spaCy interns while parsing are freed when the zone closes, so memory does not grow with the
    # corpus; only plain Python values (EntitySpan) leave the zone.
    with nlp.memory_zone():
        for i, doc in enumerate(nlp.pipe(texts, batch_size=BATCH_SIZE)):
            spans = [EntitySpan(e.start_char, e.end_char, e.text, e.label_, canonical_hint=e._.canonical_hint)
                     for e in doc.ents if e.label_ in LABELS]
            text = texts[i]  # the input string itself (Doc.text rebuilds it from every token)
            spans = citation_filter(text, spans, bool(notes[i]) if notes is not None else False)
            spans = roles(text, script_names(text, spans))
            nested = nested_places(text, spans) + nested_bodies(text, spans)
            results.append(sorted(spans + nested, key=lambda sp: (sp.start, -sp.end)))
    return results
