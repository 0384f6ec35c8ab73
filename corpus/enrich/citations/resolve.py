"""Parsing a document's notes in order and resolving ibid, short forms and bare titles to their full citations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from corpus.enrich.citations.model import ParsedCitation, Span
from corpus.enrich.citations.notes import _comment, parse_note
from corpus.enrich.citations.patterns import _ET_AL
from corpus.enrich.citations.text import _has_cjk, _norm


def url_domain(url: str | None) -> str | None:
    """Host of a URL without 'www.' ('https://www.ft.com/x' -> 'ft.com'); URLs printed without a scheme too."""
    if not url:
        return None
    host = urlsplit(url if "://" in url else "http://" + url).hostname or ""
    host = host.lower().removeprefix("www.")
    return host or None


def _surname(name: str) -> str:
    name = _ET_AL.sub("", name).strip()
    if _has_cjk(name):
        return name
    return _norm(name.split()[-1]) if name.split() else ""


def _title_matches(short: str, full: str) -> bool:
    a, b = _norm(short), _norm(full)
    if not a or not b:
        return False
    if re.fullmatch(r"[A-Z]{3,8}", short.strip()):
        # 'GDPR' for '... (General Data Protection Regulation)'
        runs = re.findall(r"(?:[A-Z][a-z]+\s+){1,7}[A-Z][a-z]+", full)
        return any("".join(w[0] for w in run.split()) == short.strip() for run in runs)
    return a == b or b.startswith(a) or (len(a) >= 6 and a in b) or (set(a.split()) <= set(b.split()) and len(a.split()) >= 1 and len(a) >= 4)


def _find_antecedent(c: ParsedCitation, earlier: Sequence[ParsedCitation]) -> ParsedCitation | None:
    """The earlier full citation a short reference points back to (latest match wins)."""
    for prior in reversed(earlier):
        if prior.kind != "citation":
            continue
        if c.title is not None:
            if prior.title is not None and _title_matches(c.title.value, prior.title.value):
                if c.authors and prior.authors and not ({_surname(a.value) for a in c.authors} & {_surname(a.value) for a in prior.authors}):
                    continue
                return prior
            if prior.title_translation is not None and _title_matches(c.title.value, prior.title_translation.value):
                return prior
            continue
        if c.url is not None and prior.url is not None and c.url.value.rstrip("/.") == prior.url.value.rstrip("/."):
            return prior
        if c.authors and prior.authors:
            mine = {_surname(a.value) for a in c.authors}
            theirs = {_surname(a.value) for a in prior.authors} | {_norm(a.value) for a in prior.authors}
            if mine and mine <= theirs:
                return prior
    return None


def _is_short_form(c: ParsedCitation) -> bool:
    """A back-reference: no date and no container (title, authors, locator, URL), or no title at all."""
    if c.title is None:
        return True
    return c.date is None and c.container is None


def parse_footnotes(notes: Sequence[tuple[int, str]]) -> list[ParsedCitation]:
    """Every note of one document (number, text), in number order: citations with back-references resolved.

    Ibid refers to the last citation of the previous note that cites something; a short form (no
    date and no container, a shortened title, or no title) refers to the latest earlier full citation
    with the same title (or its start, or an acronym of it), URL or author surnames. Both point through
    a short form, and through a repeated full citation, to the first full citation of the work. A
    reference that repeats a full citation with its date or container stays a citation. Ibid and short
    forms take the type of the work they point to.
    """
    out: list[ParsedCitation] = []
    previous: list[ParsedCitation] = []
    texts = dict(notes)
    first: dict[tuple[int, int], tuple[int, int]] = {}  # a full citation -> the first full citation of the same work
    for number, text in sorted(notes):
        parsed = parse_note(number, text)
        resolved: list[ParsedCitation] = []
        for c in parsed:
            if c.kind == "ibid":
                target = next((p for p in reversed(previous) if p.kind in ("citation", "short", "ibid")), None)
                c = replace(c, refers_to=_full_target(target) if target else None)
                c = replace(c, type=_type_of(c.refers_to, out))
            elif c.kind == "comment":
                c = _designation_reference(c, text, [p for p in out if p.kind == "citation"], texts) or c
                if c.refers_to is not None:
                    c = replace(c, refers_to=first.get(c.refers_to, c.refers_to))
                    c = replace(c, type=_type_of(c.refers_to, out) or c.type)
            if c.kind in ("citation", "short") and c.refers_to is None:
                earlier = [p for p in out if p.kind == "citation"]
                c = _bare_title(c, earlier)
                antecedent = _find_antecedent(c, earlier) or _romanised_antecedent(c, earlier, texts)
                if c.tentative and antecedent is None:
                    continue  # a phrase in prose that points at nothing cited before
                shortened = antecedent is not None and c.title is not None and antecedent.title is not None and len(_norm(c.title.value)) < len(_norm(antecedent.title.value)) and not c.container and not c.url
                if antecedent is not None and (c.kind == "short" or _is_short_form(c) or shortened):
                    key = (antecedent.note, antecedent.ordinal)
                    c = replace(c, kind="short", refers_to=first.get(key, key))
                    c = replace(c, type=_type_of(c.refers_to, out) or c.type)
                elif c.kind == "short":
                    c = replace(c, refers_to=None)
            c = replace(c, ordinal=len(resolved) + 1, tentative=False)
            if c.kind == "citation":
                same = next((p for p in out if p.kind == "citation" and _same_work(p, c)), None)
                first[(c.note, c.ordinal)] = first.get((same.note, same.ordinal), (same.note, same.ordinal)) if same else (c.note, c.ordinal)
            resolved.append(c)
        if not resolved and text.strip():
            resolved = [_comment(number, text)]
        out.extend(resolved)
        if any(c.kind != "comment" for c in resolved):
            previous = resolved
    return out


def _type_of(ref: tuple[int, int] | None, out: Sequence[ParsedCitation]) -> str | None:
    """The type of the citation at (note, ordinal): what an ibid or short form points back to."""
    return next((p.type for p in out if ref is not None and (p.note, p.ordinal) == ref), None)


def _same_work(a: ParsedCitation, b: ParsedCitation) -> bool:
    """Two full citations of one work: the same title (and authors when both name them), or the same URL."""
    if a.url is not None and b.url is not None and a.url.value.rstrip("/.") == b.url.value.rstrip("/."):
        return True
    if a.title is None or b.title is None or _norm(a.title.value) != _norm(b.title.value):
        return False
    return not (a.authors and b.authors) or {_surname(x.value) for x in a.authors} == {_surname(x.value) for x in b.authors}


def _bare_title(c: ParsedCitation, earlier: Sequence[ParsedCitation]) -> ParsedCitation:
    """'Weltimmo, paragraph 31.': a lone name that begins an earlier title is a short title, not an author."""
    if c.title is not None or len(c.authors) != 1 or c.url or c.date or c.container:
        return c
    name = c.authors[0]
    if any(p.title is not None and _title_matches(name.value, p.title.value) for p in earlier):
        return replace(c, title=name, authors=(), language="zh" if _has_cjk(name.value) else "en")
    return c


def _designation_reference(c: ParsedCitation, text: str, earlier: Sequence[ParsedCitation], texts: dict[int, str]) -> ParsedCitation | None:
    """A comment ending in a bracketed document number printed in an earlier reference: '... (WP179 update).'"""
    m = re.search(r"\(([^()]*\d[^()]*)\)\W*$", text)
    if not m:
        return None
    key = re.sub(r"[^0-9a-z]", "", m.group(1).casefold())
    if len(key) < 4:
        return None
    for prior in reversed(earlier):
        reference = texts.get(prior.note, "")[prior.start : prior.end]
        if key in re.sub(r"[^0-9a-z]", "", reference.casefold()):
            title = Span(m.group(1), m.start(1), m.end(1))
            return replace(c, kind="short", start=m.start(1), end=m.end(1), title=title, language="en", refers_to=(prior.note, prior.ordinal))
    return None


def _romanised_antecedent(c: ParsedCitation, earlier: Sequence[ParsedCitation], texts: dict[int, str]) -> ParsedCitation | None:
    """A short form by a romanised name ('Liu Yiming') of a Chinese author printed as '刘一鸣 (Liu Yiming)'."""
    if c.title is not None or not c.authors:
        return None
    names = [_norm(a.value) for a in c.authors]
    for prior in reversed(earlier):
        if not prior.authors:
            continue
        text = texts.get(prior.note, "")
        window = _norm(text[prior.authors[0].start : prior.authors[-1].end + 40])
        if all(n and n in window for n in names):
            return prior
    return None


def _full_target(target: ParsedCitation) -> tuple[int, int]:
    if target.kind in ("short", "ibid") and target.refers_to is not None:
        return target.refers_to
    return (target.note, target.ordinal)
