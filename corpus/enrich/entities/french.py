"""French organisation names (rule 8 of `rules_en`): rebuilt from a capitalised head noun to the right.

A unit named with the body it belongs to is one name ("Laboratoire d'informatique de l'Université de
Nantes-Atlantique": a unit noun, then "de" + a parent noun such as Université); the parent is recorded as a
nested mention (`nested.py`). Names opened by a meeting noun are EVENTs: always for nouns that only name meetings (Sommet, Rencontres,
Colloque ...), and for Forum/Conférence when an adjective of meetings and a topic follow ("Conférence mondiale sur") or
the text places or dates the meeting (`_meeting_label`). Legal instruments are rebuilt the same way from their head
(Loi, Règlement, Décret, Mesures, Dispositions ...: `data/fr_law_heads.txt`).

A name stops before "fin"/"début" + a month ("... fin mars"), before "et" + article + a second head noun ("Comité central du Parti ... et le Conseil des
Affaires d'Etat" is two organisations), before "pour"/"afin de" + an infinitive ("... pour faire
progresser"), before "en" + a month or a year, before "à"/"au" + a capitalised word (a place), and before a
clitic pronoun that opens the verb ("... y participe", "... se réunit"). A capitalised adjective French puts
before the noun opens the name ("Haut Conseil pour le climat", "Grande Bibliothèque").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from corpus.enrich.entities import spans as S
from corpus.enrich.entities.vocab import words

FR_ORG_HEADS = words("fr_org_heads")
FR_LAW_HEADS = words("fr_law_heads")
FR_MONTHS = words("fr_months")
FR_MEETING_HEADS = words("fr_meeting_heads")
FR_UNIT_HEADS = words("fr_unit_heads")
FR_PARENT_HEADS = words("fr_parent_heads")
FR_MEETING_ADJECTIVES = words("fr_meeting_adjectives")
# what places or dates a meeting: "lors du Forum ...", "au Forum ...", "... à Lille", "... se tiendra", "... a réuni"
_MEETING_BEFORE = re.compile(r"(?:\blors\s+(?:du|de\s+la|de\s+l['’]|des)|\b(?:au|aux|pendant\s+le|durant\s+le))\s*$", re.I)
_MEETING_AFTER = re.compile(r"^\s*(?:,\s*qui\s+)?(?:à\s+[A-ZÀ-Ý]|se\s+tien|s['’]est\s+tenu|s['’]ouvr|a\s+réuni|aura\s+lieu|a\s+eu\s+lieu|\d{4}\b)")
_FR_CONNECT = {"de", "d'", "d’", "du", "des", "la", "l'", "l’", "à", "a", "au", "aux", "et", "en", "sur", "pour"}
_ARTICLES = {"le", "la", "les", "l'", "l’"}
_CLITICS = {"y", "se", "s'", "s’", "ne", "n'", "n’", "lui", "leur"}
# adjectives French puts before the noun: they open the name written with them ("Haut Conseil pour le climat")
_PRENOMINAL = {"haut", "haute", "hauts", "hautes", "grand", "grande", "grands", "grandes", "petit", "petite",
               "nouveau", "nouvel", "nouvelle", "premier", "première"}


def _ends_name(doc: Doc, j: int) -> bool:
    """Token j starts what follows a French name rather than continuing it."""
    t = doc[j]
    nxt = doc[j + 1] if j + 1 < len(doc) else None
    if nxt is None:
        return False
    low = t.lower_
    if low == "et":
        k = j + 1
        if doc[k].lower_ in _ARTICLES and k + 1 < len(doc):
            k += 1
        return doc[k].text[:1].isupper() and (doc[k].lower_ in FR_ORG_HEADS or doc[k].lower_ in FR_LAW_HEADS)
    if low in {"pour", "afin"}:
        verb = doc[j + 2] if low == "afin" and j + 2 < len(doc) else nxt
        return verb.text.islower() and (verb.pos_ in {"VERB", "AUX"} or verb.lower_.endswith(("er", "ir", "re")))
    if low == "en":
        return nxt.lower_ in FR_MONTHS or nxt.text.isdigit()
    if low in {"fin", "début", "mi", "courant"} and t.text.islower():
        return nxt.lower_ in FR_MONTHS  # "... fin mars": a date after the name
    if low in {"à", "au", "aux"}:
        return nxt.text[:1].isupper()
    # a clitic pronoun opens the verb after the name: "la Fondation ... y participe", "... se réunit", "... n'a pas"
    return t.text in _CLITICS


def _meeting_label(doc: Doc, i: int, end: int, head: str) -> str:
    """A name opened by a meeting noun: an EVENT when the noun only names meetings (Sommet, Rencontres,
    Colloque ...), when an adjective of meetings and a topic follow the noun ("Conférence mondiale sur ...",
    "Forum international sur ...") or when the text places or dates it ("lors du Forum ...", "... à Lille", "... se tiendra");
    otherwise a forum or conference may be a standing body (ORG)."""
    if head not in FR_ORG_HEADS:
        return "EVENT"
    if i + 2 < end and doc[i + 1].lower_ in FR_MEETING_ADJECTIVES and doc[i + 2].lower_ == "sur":
        return "EVENT"  # "Conférence mondiale sur ...": a meeting on a topic ("Conférence mondiale de l'Internet" is a body)
    text = S.text(doc)
    start, stop = doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text)
    cued = _MEETING_BEFORE.search(text[max(0, start - 25):start]) or _MEETING_AFTER.match(text[stop:stop + 30])
    return "EVENT" if cued else "ORG"


def _french_orgs(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Rule 8 (French): rebuild organisation names from a capitalised head noun to the right."""
    built: list[tuple[int, int, str]] = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        head = tok.lower_
        is_head = tok.text[:1].isupper() and (head in FR_ORG_HEADS or head in FR_LAW_HEADS or head in FR_MEETING_HEADS)
        if not is_head:
            i += 1
            continue
        label = "LAW" if head in FR_LAW_HEADS else "ORG"
        j = i + 1
        while j < n:
            t = doc[j]
            if "\n" in doc[j - 1].whitespace_ or "\n" in t.text:
                break
            if t.is_space and "\n" not in t.text:
                j += 1
                continue
            # a lowercase "verb" between a lowercase noun and "de" is a mis-tagged adjective ("espace cyber de")
            mistagged = (t.pos_ == "VERB" and t.text.islower() and doc[j - 1].pos_ == "NOUN" and doc[j - 1].text.islower()
                         and j + 1 < n and doc[j + 1].lower_ in {"de", "d'", "d’", "du", "des"})
            if mistagged:
                j += 1
                continue
            if _ends_name(doc, j):
                break
            finite = t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm")
            if t.is_punct or finite or t.pos_ in {"AUX", "PRON", "PUNCT", "SCONJ"} and t.lower_ not in _FR_CONNECT:
                break
            if t.pos_ == "VERB" and not t.text[:1].isupper() and doc[j - 1].pos_ == "NOUN" and doc[j - 1].text.islower():
                j += 1
                continue
            if t.lower_ in _FR_CONNECT or t.pos_ in {"NOUN", "ADJ", "PROPN", "NUM", "X", "DET", "ADP", "CCONJ"} or t.text[:1].isupper():
                j += 1
                continue
            break
        while j > i + 1 and (doc[j - 1].lower_ in _FR_CONNECT or doc[j - 1].pos_ in {"DET", "ADP", "CCONJ"}):
            j -= 1
        # split before a second head noun introduced by de / d' / de l' / du
        cut = j
        for k in range(i + 2, j):
            if doc[k].text[:1].isupper() and doc[k].lower_ in FR_ORG_HEADS and doc[k].lower_ not in {"think", "base"} \
                    and doc[k - 1].lower_ in {"de", "d'", "d’", "l'", "l’", "du", "la"} \
                    and not (head in FR_UNIT_HEADS and doc[k].lower_ in FR_PARENT_HEADS):
                cut = k - 1
                while cut > i + 1 and doc[cut - 1].lower_ in {"de", "d'", "d’", "du"}:
                    cut -= 1
                if doc[cut].lower_ in {"l'", "l’", "la"} and cut > i + 1 and doc[cut - 1].lower_ == "de":
                    cut -= 1
                break
        while cut > i + 1 and (doc[cut - 1].lower_ in _FR_CONNECT or doc[cut - 1].pos_ in {"DET", "ADP", "CCONJ"}):
            cut -= 1
        if j - i >= 2 or doc[i].lower_ == "think":
            if head in FR_MEETING_HEADS:
                label = _meeting_label(doc, i, cut, head)
            opens = i - 1 if i > 0 and doc[i - 1].lower_ in _PRENOMINAL and doc[i - 1].text[:1].isupper() else i
            built.append((opens, cut, label))
            if cut < j:
                i = k
                continue
        i = max(j, i + 1)
    if not built:
        return spans
    kept = [s for s in spans if not any(s[0] < b[1] and b[0] < s[1] for b in built)]
    return kept + built
