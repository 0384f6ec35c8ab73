"""After detection, on plain spans: roles read next to a person ("ZHANG Qinkun, Secretary-General of the
Tencent Research Institute") and names in Chinese script glossed by a detected name ("刘一鸣 (Liu Yiming)")."""

from __future__ import annotations

import re

from corpus.enrich.model import EntitySpan


def roles(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    orgs = {sp.start: sp for sp in spans if sp.label == "ORG"}
    out = []
    for sp in spans:
        if sp.label == "PERSON":
            clause = text[sp.end:sp.end + 200]
            m = re.match(r",\s+", clause)
            if m:
                stop = re.search(r"[;.\n(]|,\s+(?:and\s+)?[A-Z]{2,}\s|\s+and\s+[A-Z]{2,}\s", clause[m.end():])
                body_end = m.end() + (stop.start() if stop else len(clause) - m.end())
                for c in re.finditer(r"\s+(?:of|at|de|d['’]|du|chez)\s*(?:the\s+|l['’]|la\s+|le\s+)?", clause[m.end():body_end]):
                    org_at = sp.end + m.end() + c.end()
                    role = clause[m.end():m.end() + c.start()].strip()
                    if org_at in orgs and role and len(role.split()) <= 8:
                        sp = EntitySpan(sp.start, sp.end, sp.text, sp.label, role, orgs[org_at].text, sp.canonical_hint)
                        break
        out.append(sp)
    # "Sun Chenghao and Dong Ting, Fellows of CISS": the role after a pair belongs to both
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.label == b.label == "PERSON" and a.role is None and b.role is not None \
                and re.fullmatch(r"\s+(?:and|et)\s+", text[a.end:b.start]):
            out[i] = EntitySpan(a.start, a.end, a.text, a.label, b.role, b.affiliation, a.canonical_hint)
    return out


_SCRIPT_NAME_RE = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff]{2,12})\s*[(（]([^()（）\n]{2,80})[)）]")


def script_names(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """"刘一鸣 (Liu Yiming)": a name in Chinese script glossed by a detected name in brackets is that entity
    too; the gloss becomes its grouping hint, so both forms link to one entity."""
    by_range = {(sp.start, sp.end): sp for sp in spans}
    for m in _SCRIPT_NAME_RE.finditer(text):
        gloss = by_range.get((m.start(2), m.end(2)))
        script = (m.start(1), m.end(1))
        if gloss is None or (script not in by_range and any(a < script[1] and script[0] < b for a, b in by_range)):
            continue
        points_back = gloss.canonical_hint == m.group(1)
        hint = gloss.text if points_back or not gloss.canonical_hint else gloss.canonical_hint
        by_range[script] = EntitySpan(*script, m.group(1), gloss.label, canonical_hint=hint)
        if points_back:  # the gloss must not point back at the script form
            by_range[(gloss.start, gloss.end)] = EntitySpan(gloss.start, gloss.end, gloss.text, gloss.label, gloss.role, gloss.affiliation)
    return sorted(by_range.values(), key=lambda sp: (sp.start, sp.end))
