"""Canonical entities: group mentions across documents and languages into entities with stable ids.

Mentions are grouped by a normalised key (case, quotes, leading article and title, possessive removed;
person names ignore word order), by the long form an acronym stands for (`canonical_hint`, learned from
"long form (ABC)" in the text), by a romanisation given beside Chinese script ("刘一鸣 (Liu Yiming)"),
by a one-word person reference to a longer person name of the same document ("Xi" -> "Xi Jinping", a
Chinese surname alone "鄭" -> "鄭文燦"),
by an order-free bag of content words with French head words translated, for organisation, law and
event names ("Conférence mondiale de l'Internet" = "World Internet Conference"), by an abbreviated form
of a name in the same document ("National AI Initiative Act" = "National Artificial Intelligence Initiative
Act": a run of capitalised words written as its initials), by the country a place
name or code stands for in `pycountry` ("U.S.", "US", "USA" and "United States" are one GPE), and through the catalogue, whose aliases link names across languages
("Institut de recherche Tencent" = "Tencent Research Institute"); a linked entity takes the catalogue's
name, label and Wikidata id. Output does not depend on the order of the input mentions.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.enrich.catalog import CatalogEntry
from corpus.enrich.model import EntitySpan
from corpus.enrich.names import normalise_name

# French -> English words of organisation, law and event names, for a cross-lingual key
_GLOSSARY = {
    "institut": "institute", "centre": "center", "recherche": "research", "université": "university",
    "universite": "university", "conférence": "conference", "conference": "conference", "mondiale": "world",
    "mondial": "world", "études": "studies", "etudes": "studies", "étude": "studies", "internationales": "international",
    "internationale": "international", "international": "international", "internationaux": "international",
    "relations": "relations", "sécurité": "security", "securite": "security", "stratégie": "strategy",
    "développement": "development", "developpement": "development", "association": "association",
    "laboratoire": "laboratory", "labs": "laboratory", "lab": "laboratory", "fondation": "foundation",
    "commission": "commission", "conseil": "council", "européenne": "european", "européen": "european",
    "union": "union", "nations": "nations", "unies": "united", "unis": "united", "politique": "policy",
    "politiques": "policy", "publique": "public", "numérique": "digital", "gouvernance": "governance",
    "chine": "china", "groupe": "group", "académie": "academy", "ministère": "ministry", "loi": "law",
    "règlement": "regulation", "sommet": "summit", "forum": "forum", "initiative": "initiative",
}
_STOP = {"de", "d", "du", "des", "la", "le", "les", "l", "et", "à", "a", "en", "sur", "pour", "the", "of", "for", "and",
         "on", "in", "at", "to"}


def crosslingual_key(name: str) -> str | None:
    """Order-free bag of content words, French words translated: "Institut de recherche Tencent" and
    "Tencent Research Institute" give the same key. None for names of fewer than two content words."""
    words = re.findall(r"[^\W\d_]+|\d+", normalise_name(name).replace("’", "'"))
    out = []
    for w in words:
        if w in _STOP:
            continue
        w = _GLOSSARY.get(w, w)
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w not in {"studies", "relations", "nations", "affairs"}:
            w = w[:-1]
        out.append(w)
    return " ".join(sorted(out)) if len(out) >= 2 else None


def country_code(surface: str, label: str) -> str | None:
    """ISO alpha-3 code of the country a GPE/LOC surface names or abbreviates ("U.S." -> "USA"), per pycountry."""
    if label not in {"GPE", "LOC"}:
        return None
    import pycountry

    text = surface.strip()
    if text == "America":
        return "USA"  # English "America" alone names the United States (the continent is "the Americas")
    bare = text.replace(".", "")
    if bare.isupper() and len(bare) <= 3 or len(bare) > 3:
        try:
            return pycountry.countries.lookup(bare if len(bare) <= 3 else text).alpha_3
        except LookupError:
            return None
    return None


def abbreviated_forms(name: str) -> set[str]:
    """The name with one run of two to four capitalised words written as their initials
    ("National Artificial Intelligence Act" -> "National AI Act", "NAI Act", ...)."""
    words = name.split()
    out = set()
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + 4) + 1):
            run = words[i:j]
            if all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in run):
                out.add(" ".join(words[:i] + ["".join(w[0] for w in run)] + words[j:]))
    return out


_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_CJK_NAME = re.compile(r"[\u3400-\u9fff]{2,4}")
_ROMANISED = re.compile(r"^[\u3400-\u9fff]+\s*[（(]\s*([A-Za-z][A-Za-z \-']+)\s*[)）]$")


@dataclass(frozen=True)
class CanonicalEntity:
    entity_id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    wikidata_id: str | None = None


@dataclass(frozen=True)
class Assignment:
    """`entity_ids[i]` is the entity of input mention i."""

    entity_ids: tuple[str, ...]

    def __iter__(self):
        return iter(self.entity_ids)

    def __len__(self) -> int:
        return len(self.entity_ids)

    def __getitem__(self, i: int) -> str:
        return self.entity_ids[i]


def entity_id(label: str, name: str) -> str:
    return "ent_" + hashlib.sha1(f"{label}|{normalise_name(name)}".encode()).hexdigest()[:12]


def _key(text: str) -> str:
    m = _ROMANISED.match(text.strip())
    if m:
        text = m.group(1)
    k = normalise_name(text)
    return " ".join(sorted(k.split())) if k else k


def display_name(surface: str, label: str) -> str:
    """Readable form of a surface: "ZHANG Qinkun" -> "Zhang Qinkun"; other names unchanged."""
    if label == "PERSON":
        words = surface.split()
        if len(words) > 1 and any(w.isupper() and len(w) > 1 for w in words):
            return " ".join(w.capitalize() if w.isupper() else w for w in words)
    m = _ROMANISED.match(surface.strip())
    return m.group(1).strip() if m else surface.strip()


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def canonicalize(mentions: Sequence[tuple[str, str, EntitySpan]],
                 catalog: Sequence[CatalogEntry] = ()) -> tuple[list[CanonicalEntity], Assignment]:
    """Group (doc_id, language, span) mentions; returns the entities (sorted by id) and, for each input
    mention in input order, its entity id."""
    cat_index: dict[str, int] = {}
    for ci, entry in enumerate(catalog):
        for alias in (entry.name, *entry.aliases):
            cat_index.setdefault(_key(alias), ci)
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i][0], mentions[i][2].start, mentions[i][2].end,
                                                        mentions[i][2].text, mentions[i][2].label))
    uf = _UnionFind()
    keys: dict[int, str] = {}
    for i in order:
        doc_id, _lang, sp = mentions[i]
        k = _key(sp.text)
        if not k:
            k = sp.text
        cat = cat_index.get(k)
        if cat is None and sp.canonical_hint:
            cat = cat_index.get(_key(sp.canonical_hint))
        node = f"cat:{cat}" if cat is not None else f"key:{k}"
        if cat is None and sp.label == "PERSON" and len(sp.text.split()) == 1:
            node = f"key:{k}@{doc_id}"  # a bare surname refers to someone of this document only
        keys[i] = node
        uf.find(node)
        if sp.canonical_hint:
            hk = _key(sp.canonical_hint)
            hnode = f"cat:{cat_index[hk]}" if hk in cat_index else f"key:{hk}"
            uf.union(node, hnode)
    # the same organisation, law or event named in two languages (word bags with French words translated)
    by_bag: dict[tuple[str, str], str] = {}
    for i in order:
        sp = mentions[i][2]
        if sp.label in {"ORG", "LAW", "EVENT"}:
            bag = crosslingual_key(sp.text)
            if bag:
                first = by_bag.setdefault((sp.label, bag), keys[i])
                uf.union(first, keys[i])
    # a name and its abbreviated form in the same document ("National AI Initiative Act")
    by_surface: dict[tuple[str, str, str], int] = {}
    for i in order:
        doc_id, _lang, sp = mentions[i]
        if sp.label in {"ORG", "LAW", "EVENT"}:
            by_surface.setdefault((doc_id, sp.label, sp.text), i)
    for (doc_id, label, surface), i in sorted(by_surface.items()):
        for short in sorted(abbreviated_forms(surface)):
            j = by_surface.get((doc_id, label, short))
            if j is not None:
                uf.union(keys[i], keys[j])
    # a country named or abbreviated ("U.S.", "United States")
    by_country: dict[str, str] = {}
    for i in order:
        code = country_code(mentions[i][2].text, mentions[i][2].label)
        if code:
            uf.union(by_country.setdefault(code, keys[i]), keys[i])
    # one-word person references to a longer person name of the same document ("Xi" -> "Xi Jinping")
    persons_by_doc: dict[str, list[int]] = {}
    for i in order:
        if mentions[i][2].label == "PERSON":
            persons_by_doc.setdefault(mentions[i][0], []).append(i)
    for _doc, idx in sorted(persons_by_doc.items()):
        long_names = sorted({mentions[i][2].text for i in idx
                             if len(mentions[i][2].text.split()) > 1 or _CJK_NAME.fullmatch(mentions[i][2].text)})
        for i in idx:
            words = mentions[i][2].text.split()
            if len(words) != 1:
                continue
            if _CJK_CHAR.fullmatch(words[0]):  # a Chinese surname alone ("鄭市長") -> the full name it opens
                hits = sorted({n for n in long_names if n.startswith(words[0])})
            else:
                hits = sorted({n for n in long_names if words[0].casefold() in {w.casefold() for w in n.split()}})
            owners = {uf.find(keys[j]) for j in idx if mentions[j][2].text in hits}
            if len(owners) == 1:
                uf.union(keys[i], owners.pop())
    # collect groups
    groups: dict[str, list[int]] = {}
    for i in order:
        groups.setdefault(uf.find(keys[i]), []).append(i)
    entities: dict[str, CanonicalEntity] = {}
    assignment: dict[int, str] = {}
    for root, idx in sorted(groups.items()):
        cat_nodes = sorted({uf_node for uf_node in (keys[i] for i in idx) if uf_node.startswith("cat:")})
        hint_cats = [n for n in (f"cat:{cat_index[_key(mentions[i][2].canonical_hint)]}" for i in idx
                                 if mentions[i][2].canonical_hint and _key(mentions[i][2].canonical_hint) in cat_index)]
        entry = catalog[int((cat_nodes or hint_cats)[0][4:])] if (cat_nodes or hint_cats) else None
        surfaces = sorted({mentions[i][2].text for i in idx})
        if entry is not None:
            name, label, wd = entry.name, entry.label, entry.wikidata_id
        else:
            label_votes = Counter(mentions[i][2].label for i in idx)
            label = sorted(label_votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            hints = Counter(mentions[i][2].canonical_hint for i in idx if mentions[i][2].canonical_hint)
            counts = Counter(display_name(mentions[i][2].text, label) for i in idx)
            english = {display_name(mentions[i][2].text, label) for i in idx if mentions[i][1] == "en"}
            if hints:
                name = sorted(hints.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            else:
                # an English form when there is one, then: not all caps, longest, most frequent
                name = sorted(counts.items(), key=lambda kv: (kv[0] not in english, kv[0].isupper(), -len(kv[0].split()),
                                                              -kv[1], kv[0]))[0][0]
            wd = None
        eid = entity_id(label, name)
        prev = entities.get(eid)
        catalog_aliases = set(entry.aliases) if entry is not None else set()  # the catalogue's forms, seen or not
        aliases = tuple(sorted(set(surfaces) | catalog_aliases | (set(prev.aliases) if prev else set())))
        entities[eid] = CanonicalEntity(eid, name, label, aliases, wd)
        for i in idx:
            assignment[i] = eid
    return sorted(entities.values(), key=lambda e: e.entity_id), Assignment(tuple(assignment[i] for i in range(len(mentions))))
