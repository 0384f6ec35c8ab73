"""Component `thinktank_brands`: company and product names the English model misses or mislabels, found by
how they are written and labelled by what the text says around each of their mentions.

- Written like a brand: a word with a capital after a lowercase letter ("iMessage", "eBay", "LimeBike") or a name
  ending in a web domain ("JD.com", "overstock.com"; not inside a URL or an address) is a name even when the model
  leaves it out. A version number right after such a word belongs to it ("iPhone 6").
- A name ending in a payment-product head ("Apple Pay", "WeChat Wallet": `data/product_heads.txt`) is a product.
- A name of one or two words followed by a version number and holding no legal word ("its Mate 10") is a
  product, not a law.
- A domain name is a company (the company takes its site's name).
- Otherwise an organisation or product, and every new brand-shaped name, takes the label the document votes for
  over all mentions of the same surface: each mention votes for its current label, and each context cue around it
  counts twice: product cues ("the X app", "app called X", "users of X", "launched X", "X has been downloaded",
  a version number after it) against organisation cues ("shares of X", "acquired X", "founder of X", "X Inc.",
  "X, a ... company", "X was founded"). A new name with no cue and no vote is an organisation.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.vocab import words

PRODUCT_HEADS = words("product_heads")
_LEGAL = {w.casefold() for name in ("law_heads_en", "law_nouns", "legal_instruments", "statute_heads") for w in words(name)}

_EDGE_BEFORE = r"(?<![\w./@:#\-])"
_EDGE_AFTER = r"(?![\w/@\-]|\.\w)"
_WORD = re.compile(rf"{_EDGE_BEFORE}[A-Za-z][A-Za-z0-9]*(?: \d{{1,2}}(?:\.\d)?(?![\w.]))?{_EDGE_AFTER}")
_DOMAIN = re.compile(rf"{_EDGE_BEFORE}(?<!www\.)[A-Za-z][A-Za-z0-9\-]*\.(?:com|cn|net|io|ly|me|co)(?:\.[a-z]{{2}})?{_EDGE_AFTER}")
_VERSION_NAME = re.compile(r"^(?:[A-Z][\w\-]*\s)?(?:[A-Z]|[a-z]+[A-Z])[\w\-]*\s\d{1,2}(?:\.\d{1,2})?$")

_PRODUCT_BEFORE = re.compile(
    r"(?:\b(?:apps?|application|platform|service|wallet|tool|users of|version of|download(?:ed|s|ing)?|"
    r"launch(?:ed|es|ing)?|install(?:ed|s|ing)?|release[sd]?|open(?:ed|s)?)\s+(?:the\s+|its\s+|their\s+|a\s+new\s+)?"
    r"|\b(?:apps?|application|platform|service|wallet)\s+(?:called|named)\s+)$",
    re.IGNORECASE)
_PRODUCT_AFTER = re.compile(
    r"^(?:\s+(?:apps?\b|application\b|platform\b|wallet\b|users\b|accounts?\b|store\b|feature\b|version\b|\d{1,2}(?:\.\d)?\b)"
    r"|,?\s+(?:has|had|was)\s+(?:been\s+)?downloaded\b|\s+(?:lets|allows)\s+(?:users|customers)\b)")
_ORG_BEFORE = re.compile(
    r"(?:\b(?:shares\s+(?:of|in)|stake\s+in|acquired|acquire|bought|invested\s+in|founder\s+of|co-founder\s+of|"
    r"CEO\s+of|chief\s+executive\s+of|chairman\s+of|headquarters\s+of|employees\s+of|executives?\s+at|founded|"
    r"(?:company|firm|start-?up|group)\s+(?:called|named))\s+)$",
    re.IGNORECASE)
_ORG_AFTER = re.compile(
    r"^(?:,?\s+(?:Inc|Ltd|Corp|Co|LLC|plc)\b|['’]s\s+(?:shares|stock|founder|chief\s+executive|CEO|chairman|headquarters|"
    r"employees|valuation|market\s+value|revenue|profits?|apps|platforms|products|services|(?:suite|family|portfolio)\s+of)\b|,\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}(?:company|firm|"
    r"start-?up|group|giant|retailer|conglomerate)\b|\s+(?:is|was)\s+(?:a|an)\s+(?:[\w\-]+\s+){0,3}(?:company|firm|"
    r"start-?up|group|giant|retailer|conglomerate)\b|\s+(?:was\s+founded|acquired|bought|was\s+listed|is\s+listed|"
    r"raised|reported\s+(?:a\s+)?(?:loss|profit|revenue)))", re.IGNORECASE)
_VOTED = {"ORG", "PRODUCT"}
_CUE_WEIGHT = 3  # a context cue outweighs the model's label on two other mentions of the same surface
_ORG_LIST = sorted(words("company_nouns") | words("org_list_nouns"), key=lambda w: (-len(w), w))
_PRODUCT_LIST = sorted(words("app_nouns") | words("product_list_nouns"), key=lambda w: (-len(w), w))
_INTRO = re.compile(rf"\b(?:({'|'.join(_ORG_LIST)})|({'|'.join(_PRODUCT_LIST)})|\w+)\s*,?\s+(?:like|such as|including)\s+")
_ITEM_SEP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_LIST_END = re.compile(r"[.;:](?!\w)|[)(\n“”\"]|$")
_BRACKET_LIST = re.compile(rf"\b(?:{'|'.join(_PRODUCT_LIST)})\s+(?:\w+\s+){{0,2}}\(")
_HEAD_AFTER = re.compile(rf" (?:{'|'.join(sorted(PRODUCT_HEADS))})\b")


def camel_case(word: str) -> bool:
    """A capital right after a lowercase letter, in a word of three lowercase letters or more: "iMessage",
    "eBay", "LimeBike"; not units ("kWh"), degrees ("PhD") nor "Mc"/"Mac" surnames ("McDonald")."""
    return (bool(re.search(r"[a-z][A-Z]", word)) and sum(c.islower() for c in word) >= 3
            and not re.match(r"Ma?c[A-Z]", word))


def brand_shaped(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, forced label) of the brand-shaped words of `text`: camel-case words (no forced label) and
    domain names (forced "ORG")."""
    out = [(m.start(), m.end(), None) for m in _WORD.finditer(text) if camel_case(m.group().split()[0])]
    out += [(m.start(), m.end(), "ORG") for m in _DOMAIN.finditer(text)]
    return out


def _known_word(word: str, threshold: float) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.casefold(), "en") >= threshold


def list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the items of the list written in text[start:end] ("A, B and C"): an item is cut before
    " in " ("Grab in Southeast Asia"); a first item "a combination of Uber" is the name it ends with; the list ends
    at a lowercase item of several words (its first word is the
    last item) or at a longer item (the capitalised name that opens it is the last item)."""
    chunks, pos = [], start
    for sep in list(_ITEM_SEP.finditer(text, start, end)) + [None]:
        chunk = text[pos:sep.start() if sep else end]
        head = chunk.split(" in ", 1)[0].strip()
        trailing = re.search(r"[A-Z][\w.’'+\-]*(?:\s[A-Z][\w.’'+\-]*){0,2}$", head)
        if not chunks and head[:1].islower() and trailing:  # "a combination of Uber, ...": the list opens at the name
            head = trailing.group()
        elif head[:1].islower() and " " in head:
            head, sep = head.split()[0], None
        if len(head.split()) > 3:
            lead = re.match(r"[A-Z][\w.’'+\-]*(?:\s[A-Z][\w.’'+\-]*){0,2}", head)
            if lead is None:
                break
            head, sep = lead.group(), None
        if not head:
            break
        chunks.append((pos + chunk.index(head), pos + chunk.index(head) + len(head)))
        if sep is None:
            break
        pos = sep.end()
    return chunks


def _listed_name(word: str, label: str, named: bool) -> str | None:
    """The label of an untagged list item that is a name, else None (see `listed_names`)."""
    if word.islower() and _DOMAIN.fullmatch(word):
        return "ORG"
    if word.islower() and word.isalpha() and (named and not _known_word(word, 4.5) or label and not _known_word(word, 3.0)):
        return label
    if label == "ORG" and (word.isdigit() and len(word) <= 3 or word[:1].isupper() and word.isalpha()):
        return "ORG"
    return None


def listed_names(text: str, items: list[S.Item]) -> list[S.Item]:
    """Names the model left out of a list introduced by "like", "such as" or "including" (new items, label "" when
    the list does not decide it): a lowercase word the language does not know ("such as wechat and qq"), or one
    rarer than common nouns when the list also holds a tagged company or product or a brand-shaped word ("like Uber,
    Amazon, overstock, ebay"), and, in a list of companies, a capitalised word or a bare number ("companies
    including Grab in Southeast Asia, Ola in India, and 99 in Brazil"). After a company noun the label is ORG, after
    a product noun PRODUCT."""
    taken = [(a, b) for a, b, _, _ in items]
    out: list[S.Item] = []
    for intro in _INTRO.finditer(text):
        label = "ORG" if intro.group(1) else "PRODUCT" if intro.group(2) else ""
        chunks = list_items(text, intro.end(), min(_LIST_END.search(text, intro.end()).start(), intro.end() + 200))
        if len(chunks) < 2:
            continue
        surfaces = [text[a:b] for a, b in chunks]
        named = any(lab in _VOTED and any(x <= a and b <= y for x, y in chunks) for a, b, lab, _ in items) \
            or any(_DOMAIN.fullmatch(w) or camel_case(w) for w in surfaces)
        for (a, b), word in zip(chunks, surfaces):
            if " " not in word and not any(x < b and a < y for x, y in taken):
                found = _listed_name(word, label, named)
                if found is not None:
                    out.append((a, b, found, None))
    return out


def list_regions(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, label, weight) of the lists a noun introduces: "companies such as ..." (ORG), "apps like ..."
    (PRODUCT), a loose comparison that weighs as one mention; "apps combined (A, B, C)" (PRODUCT), a gloss that
    weighs as a context cue."""
    out = []
    for intro in _INTRO.finditer(text):
        if intro.group(1) or intro.group(2):
            stop = _LIST_END.search(text, intro.end()).start()
            out.append((intro.end(), min(stop, intro.end() + 200), "ORG" if intro.group(1) else "PRODUCT", 1))
    for intro in _BRACKET_LIST.finditer(text):
        close = text.find(")", intro.end(), intro.end() + 200)
        if close > 0:
            out.append((intro.end(), close, "PRODUCT", _CUE_WEIGHT))
    return out


def extend_heads(text: str, items: list[S.Item]) -> list[S.Item]:
    """A name followed by a payment-product head ("WeChat" + " Pay") is the product name with its head."""
    starts = {a for a, _, _, _ in items}
    out = []
    for start, end, label, hint in items:
        m = _HEAD_AFTER.match(text, end)
        if label in {"ORG", "PRODUCT", "PERSON", "GPE", ""} and m and end + 1 not in starts:
            end, label = m.end(), "PRODUCT"
        out.append((start, end, label, hint))
    return out


_APPOSITION = re.compile(r"\b(?:apps?|application|platform|wallet)\b((?:(?!\b(?:like|such|including|of)\b)[^,.;()]){0,40}),\s+$")


_SENTENCE_PRODUCT = re.compile(rf"\b(?:{'|'.join(_PRODUCT_LIST)})\b", re.IGNORECASE)
_SENTENCE_ORG = re.compile(rf"\b(?:{'|'.join(_ORG_LIST)}|founded|founder|shares|acquired|headquarters|investors?)\b", re.IGNORECASE)


def sentence_cue(text: str, start: int, end: int) -> str | None:
    """The label the mention's sentence leans to: more app or product nouns ("platform", "features") than company
    words ("company", "founded", "shares") make PRODUCT, fewer ORG, as many None."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    sentence = text[left:start] + " " + text[end:right]
    product, org = len(_SENTENCE_PRODUCT.findall(sentence)), len(_SENTENCE_ORG.findall(sentence))
    return None if product == org else ("PRODUCT" if product > org else "ORG")


def cue(text: str, start: int, end: int) -> str | None:
    """The label the words around text[start:end] point to: "PRODUCT", "ORG" or None."""
    before, after = text[max(0, start - 40):start], text[end:end + 60]
    apposition = bool(_APPOSITION.search(before) and after.startswith(","))  # "the top shopping app in X, Wish, ..."
    product = bool(_PRODUCT_BEFORE.search(before) or _PRODUCT_AFTER.match(after) or apposition)
    org = bool(_ORG_BEFORE.search(before) or _ORG_AFTER.match(after))
    return None if product == org else ("PRODUCT" if product else "ORG")


def fixed_label(surface: str) -> str | None:
    """The label the form of a name decides alone: a domain name is a company, a payment-product head or a
    version number without legal words makes a product."""
    words_ = surface.split()
    if _DOMAIN.fullmatch(surface):
        return "ORG"
    if len(words_) >= 2 and words_[-1] in PRODUCT_HEADS:
        return "PRODUCT"
    if _VERSION_NAME.match(surface) and not {w.casefold() for w in words_} & _LEGAL:
        return "PRODUCT"
    return None


def owned_products(text: str, items: list[S.Item]) -> list[S.Item]:
    """An organisation name followed by a camel-case word ("OECD" + "iLibrary") is that organisation's product, one
    name ("OECD iLibrary", PRODUCT)."""
    out: list[S.Item] = []
    for start, end, label, hint in sorted(items):
        if out and out[-1][2] == "ORG" and out[-1][1] == start - 1 and text[start - 1] == " " and camel_case(text[start:end]):
            out[-1] = (out[-1][0], end, "PRODUCT", out[-1][3])
        else:
            out.append((start, end, label, hint))
    return out


def domain_stems(text: str, items: list[S.Item]) -> list[S.Item]:
    """A one-word name that is the stem of a domain name of the text ("overstock" beside "overstock.com") is that
    company: label ORG, pointing (`canonical_hint`) to the domain name."""
    domains = {text[a:b].split(".", 1)[0].casefold(): text[a:b] for a, b, _, _ in items if _DOMAIN.fullmatch(text[a:b])}
    out = []
    for start, end, label, hint in items:
        full = domains.get(text[start:end].casefold())
        if full and not hint and label in _VOTED | {"", "PERSON", "GPE"}:
            label, hint = "ORG", full
        out.append((start, end, label, hint))
    return out


def vote(text: str, items: list[S.Item]) -> list[S.Item]:
    """Relabel organisations and products by the document's vote on each surface (module docstring)."""
    from corpus.enrich.entities.places import known_places

    voted = {text[a:b].casefold() for a, b, lab, _ in items if lab in _VOTED}
    # a surface the model calls a person (one word: the text calls it a company or product elsewhere; or a cue
    # around one of its mentions or a gloss list holding it), or a one-word place no place list knows with such a
    # cue, joins the vote
    regions = list_regions(text)
    cued = {text[a:b].casefold() for a, b, lab, _ in items if lab in {"PERSON", "GPE"}
            and (cue(text, a, b) or any(x <= a and b <= y and weight == _CUE_WEIGHT for x, y, _, weight in regions))}
    items = [(a, b, "" if lab == "PERSON" and (" " not in text[a:b] and text[a:b].casefold() in voted
                                               or text[a:b].casefold() in cued)
              or lab == "GPE" and " " not in text[a:b] and text[a:b].casefold() in cued
              and text[a:b].casefold() not in known_places() else lab, h)
             for a, b, lab, h in items]
    scores: dict[str, dict[str, int]] = {}
    for start, end, label, _ in items:
        if label not in _VOTED and label != "":
            continue
        tally = scores.setdefault(text[start:end].casefold(), {"ORG": 0, "PRODUCT": 0})
        if label:
            tally[label] += 1
        said = cue(text, start, end)
        if said:
            tally[said] += _CUE_WEIGHT
        else:
            region = next(((lab, weight) for a, b, lab, weight in regions if a <= start and end <= b), None)
            if region is None and (weak := sentence_cue(text, start, end)):
                region = (weak, 1)  # a sentence about apps or about companies weighs as one mention
            if region:
                tally[region[0]] += region[1]
    out = []
    for start, end, label, hint in items:
        surface = text[start:end]
        if label in _VOTED or label == "":
            forced = fixed_label(surface)
            if forced:
                label = forced
            else:
                tally = scores[surface.casefold()]
                if tally["ORG"] != tally["PRODUCT"]:
                    label = max(tally, key=lambda k: (tally[k], k))
                elif not label:
                    label = "ORG"
        elif label in {"LAW", "PERSON", "GPE"} and fixed_label(surface) == "PRODUCT":
            label = "PRODUCT"
        out.append((start, end, label, hint))
    return out


@Language.component("thinktank_brands")
def thinktank_brands(doc: Doc) -> Doc:
    if doc.lang_ != "en":
        return doc
    text = S.text(doc)
    current = S.items(doc)
    taken = [(a, b) for a, b, _, _ in current]
    new = [(a, b, forced or "", None) for a, b, forced in brand_shaped(text)
           if not any(x < b and a < y for x, y in taken)]
    new += [item for item in listed_names(text, current + new) if not any(a < item[1] and item[0] < b for a, b, _, _ in new)]
    return S.write(doc, domain_stems(text, vote(text, owned_products(text, extend_heads(text, sorted(current + new))))))
