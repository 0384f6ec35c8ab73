"""Component `thinktank_heading_words` (English): the first words of a heading or list lead are not a name
because they are capitalised.

Policy reports write headings and bold list leads in title case, often as imperatives ("Plug Loopholes in
Existing Export Controls", "Align Protection Measures Globally", "• Fund Small Ports: donors should ..."), or
in sentence case, where only the first word is capitalised ("ii) Revenue raising in the Union"). The small
model takes their opening words for a person, a law or an organisation. Capitals do not tell these words from
names, but their part of speech does once the line is read in lowercase: the English pipeline's own tagger
(disabled in the NER pass for speed) is run on the few lowercased lines that open with a span.

A span that starts a line (after a bullet or an enumerator) is dropped when
- every word of the span is an ordinary English word without a hyphen (not "Park Ji-hoon", "Amara Diallo"), none
  is the head word of an organisation, meeting or law ("Belt and Road Initiative"), and the
  first word of the line is a verb in the base form (`VB`) in the lowercased line, or in the same line after "to"
  (an imperative: "Align Protection Measures") when the span has two words or more and the word is not read as a
  proper noun in its line; or
- the span is that one word, followed by a lowercase word, read as a common noun or adjective in the
  lowercased line, a frequent English word and not a place ("Revenue raising").
Proper nouns stay proper nouns in lowercase for the tagger ("microsoft said", "google cloud opened").
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.org_heads import HEADS as ORG_HEADS
from corpus.enrich.entities.vocab import words

_LABELS = {"ORG", "PERSON", "LAW", "PRODUCT", "EVENT", "WORK_OF_ART"}
_LEAD = re.compile(r"(?:^|\n)[ \t]*(?:[•◦▪‣·*–—■□➢►✓-][ \t]*|(?:\d+(?:\.\d+)*\.?|[a-z]\)|[ivx]+\)|\([a-z]\))[ \t]+)?$")
_COMMON = {"NN", "NNS", "JJ"}
_PROPER = {"NNP", "NNPS"}
MIN_ZIPF = 4.0
MIN_WORD_ZIPF = 3.0
# head words of names; a plural law head that is also a common noun ("measures", "provisions") does not count
_NAME_HEADS = (ORG_HEADS | words("event_tails") | words("meeting_heads") | words("company_suffixes") | words("law_nouns")
               | words("statute_heads") | {w for w in words("law_heads_en") if not w.endswith("s")})


@lru_cache(maxsize=1)
def _tagger():
    import spacy

    from corpus.enrich.entities.rules_en import PIPELINES

    return spacy.load(PIPELINES["en"], exclude=["parser", "ner", "lemmatizer", "attribute_ruler", "senter"])


@lru_cache(maxsize=4096)
def tags(phrase: str) -> tuple[tuple[str, str], ...]:
    """(word, Penn tag) of each token of `phrase`, as the English tagger reads it."""
    return tuple((t.text, t.tag_) for t in _tagger()(phrase))


def line_at(text: str, start: int) -> str | None:
    """The line from `start` to its end when `start` opens the line (after a bullet or an enumerator), else None."""
    if not _LEAD.search(text[max(0, start - 12):start]) and start != 0:
        return None
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)]


def is_imperative(line: str, surface: str) -> bool:
    """Whether `line` opens with a verb in the base form that makes `surface` (its first words) an imperative."""
    from wordfreq import zipf_frequency

    words = surface.split()
    if {w.lower() for w in words} & _NAME_HEADS or "-" in surface:  # "Belt and Road Initiative", "Park Ji-hoon"
        return False
    if any(zipf_frequency(part, "en") < MIN_WORD_ZIPF for part in re.findall(r"[^\W\d_]+", surface.lower())):
        return False  # a word that is no ordinary English word makes a name ("Park Ji-hoon", "Amara Diallo")
    lowered = line.lower()
    first = tags(lowered)[0] if tags(lowered) else ("", "")
    if first[1] == "VB":
        return True
    if len(words) < 2 or first[1] in _PROPER:
        return False
    framed = tags("to " + lowered)
    return len(framed) > 1 and framed[1][1] == "VB"


def is_sentence_case_opener(line: str, surface: str) -> bool:
    """Whether `surface` is the one capitalised common word opening a sentence-case line ("Revenue raising ...")."""
    from wordfreq import zipf_frequency

    from corpus.enrich.entities.places import known_places

    rest = line[len(surface):].lstrip("-").split()  # "Revenue-raising by ..." as "Revenue raising"
    if " " in surface.strip() or not surface.isalpha() or not rest or not rest[0][:1].islower():
        return False
    first = tags(line.lower())[0]
    return (first[1] in _COMMON and zipf_frequency(surface.lower(), "en") >= MIN_ZIPF
            and surface.casefold() not in known_places())


@Language.component("thinktank_heading_words")
def thinktank_heading_words(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    text = S.text(doc)
    kept = []
    for item in S.items(doc):
        start, end, label, _hint = item
        line = line_at(text, start) if label in _LABELS else None
        if line and (is_imperative(line, text[start:end]) or is_sentence_case_opener(line, text[start:end])):
            continue
        kept.append(item)
    return S.write(doc, kept)
