"""Synthesise a larger seeds folder from the real seeds, varied so that no cache can reuse earlier work.

A synthetic corpus of factor N holds N *rounds*; each round has one varied copy of every seed, so the genre
and language mix (and the byte size, give or take the renaming) is N times the seed corpus. Each copy:

* keeps its seed's line structure: headings, page furniture, footnote lines and markers stay where they are,
  so every copy is a valid document of the same genre;
* renames capitalised names (a word never seen in lowercase in the seeds, e.g. "Tencent", and an all-caps
  Chinese surname before a given name, e.g. "ZHANG Qinkun") to names drawn from a fixed list; one mapping
  per round, so a name recurs across the documents of a round as real entities do;
* swaps a few lowercase words (6+ letters) of prose lines for other such words of the same document;
* news only: shuffles the body paragraphs (long blocks between blank lines) among their positions.

`synthesise_short` makes a corpus of a given number of news-sized documents instead: each is an excerpt of
a seed (a news seed's headline blocks, then a run of about SHORT_WORDS of its blocks, wrapping round to its
first block) varied the same way, cycling through the seeds so the genre and language mix stays theirs.

Words of the curated title, authors and publisher, dates, scale words and URLs are never changed, and a line
that occurs more than once in a document (running heads) is left as it is. Everything is drawn from
`random.Random` seeded by strings, so one seed gives byte-identical corpora on every machine.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from random import Random

import yaml

MANIFEST = "manifest.yaml"


class _PlainDumper(yaml.SafeDumper):
    """Writes repeated values out in full: the builder refuses YAML anchors and aliases."""

    def ignore_aliases(self, data):  # noqa: ANN001, ANN201
        return True
WORD_SWAP_RATE = 0.08
SHORT_WORDS = (100, 300)  # words of a short (news-sized) document's body, drawn uniformly
PROSE_LINE_CHARS = 60  # shorter lines (titles, bylines, headings, navigation) keep their words
BODY_PARAGRAPH_CHARS = 200  # news blocks at least this long are body paragraphs and may move
CURATED_FIELDS = ("publisher", "genre", "title", "authors", "published_date", "published_month", "language", "license")

GIVEN_NAMES = """
Adele Amara Anders Anika Arjun Astrid Basil Bianca Callum Carmen Cyrus Dalia Dmitri Edgar Elena Emeka Farah
Felix Greta Hamid Hana Hugo Ingrid Isaac Jonas Kamala Keiko Lars Leila Linus Lorenzo Maia Malik Marek Mina
Nadia Nikolai Noor Oskar Priya Quentin Rafael Rosa Sanjay Selma Soren Tariq Thea Ulrich Vera Wendell Yara Zora
""".split()
SURNAMES = """
Abbott Ahlberg Baranski Bellamy Carvalho Castellano Dietrich Dunmore Eklund Falconer Ferreira Galloway Hartmann
Holloway Ibarra Jansen Kowalski Lindqvist Marchetti Moreau Nakamura Okafor Petrov Quintero Rasmussen Salazar
Schofield Takahashi Underwood Valdez Whitaker Yilmaz Zielinski Ashford Brennan Calloway Draper Ellison Fairbanks
Granger Hollis Kendrick Lockwood Merriweather Northcott Pemberton Radcliffe Sterling Thornbury Westbrook
""".split()
PLACES_AND_FIRMS = """
Arbora Belmonte Corvina Dalmatia Elmira Fenwick Glenhaven Harbourne Istria Juniper Kestrel Larkspur Meridian
Northgate Orinoco Palisade Quillon Riverton Saltmarsh Tamarind Umbria Valmont Wexford Yarrow Zephyra Ashgrove
Brightwater Cobalt Driftwood Emberly Foxglove Granite Halcyon Ironbridge Lumina Marigold Nimbus Oakridge Pinnacle
""".split()
NAME_POOL = tuple(GIVEN_NAMES + SURNAMES + PLACES_AND_FIRMS)
CHINESE_SURNAMES = tuple("""
AN BAI BIAN CAI CAO CHEN CUI DENG DING DONG DU FAN FANG FENG GAO GU GUO HAN HE HU HUANG JIANG JIN KONG LEI LI
LIANG LIN LIU LU LUO MA MENG PAN PENG QIAN QIN REN SHEN SHI SONG SU SUN TANG TIAN WAN WANG WEI WU XIAO XIE XU
YAN YANG YE YU YUAN ZENG ZHA ZHANG ZHAO ZHENG ZHOU ZHU
""".split())

MONTHS = """
January February March April May June July August September October November December
Janvier Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche
""".split()
STRUCTURE_WORDS = """
Ibid Last Next Previous Source Sources Figure Figures Table Tables Chart Charts Note Notes Introduction
Conclusion Conclusions Appendix Contents Summary Executive About Author Authors Page Home Share Print Related
Tags Posted Published Updated Date Time Chapter Part Section Endnotes Footnotes References Acknowledgments
Dr Mr Mrs Ms Mme Prof St Jr Sr No Vol Co Inc Ltd Corp Op Cit
""".split()
KEPT_LOWERCASE = frozenset("""
million millions billion billions trillion trillions thousand thousands hundred hundreds percent cent yuan
renminbi dollars dollar euros euro pounds ibid accessed available retrieved source figure table chart page
about over nearly approximately around roughly almost some more than less least between from under above
below janvier février mars avril juin juillet août septembre octobre novembre décembre milliard milliards
millions environ près plus moins
""".split())

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|cn|gov|edu|io)\S*")
_TITLE_WORD = re.compile(r"(?<![\w/.@\-])([A-Z][a-zà-öø-ÿ]+)(?![\w/@\-])")
_CAPS_SURNAME = re.compile(r"\b([A-Z]{2,5})(?= [A-Z][a-zà-öø-ÿ])")
_LOWER_WORD = re.compile(r"(?<![\w/.@\-])([a-zà-öø-ÿ]{6,})(?![\w/@\-])")  # content words, mostly
_ANY_LOWER = re.compile(r"\b[a-zà-öø-ÿ][a-zà-öø-ÿ]*\b")
_BLANK_RUN = re.compile(r"(\n[ \t]*\n+)")


@dataclass(frozen=True)
class Seed:
    """One real seed: its file name, text and manifest entry."""

    file: str
    text: str
    entry: dict

    @property
    def genre(self) -> str | None:
        return self.entry.get("genre")

    def curated_words(self) -> frozenset[str]:
        """Words of the curated title, authors and publisher (running heads repeat them: never changed)."""
        values = [self.entry.get("title"), self.entry.get("publisher"), *(self.entry.get("authors") or [])]
        return frozenset(word for value in values if value for word in re.findall(r"\w+", value))


@dataclass(frozen=True)
class SyntheticCorpus:
    """A synthesised seeds folder."""

    folder: Path
    factor: int
    n_documents: int
    n_bytes: int


def load_seeds(seeds: Path) -> list[Seed]:
    """The seed texts (sorted by file name) with their manifest entries (an empty entry when unlisted)."""
    manifest = yaml.safe_load((seeds / MANIFEST).read_text(encoding="utf-8")) or {}
    entries = {entry["file"]: entry for entry in manifest.get("documents", [])}
    return [
        Seed(file=path.name, text=path.read_text(encoding="utf-8"), entry=entries.get(path.name, {}))
        for path in sorted(seeds.glob("*.txt"))
    ]


def name_words(seeds: list[Seed]) -> frozenset[str]:
    """Names, as far as renaming goes: capitalised words never written in lowercase anywhere in the seeds
    and capitalised at least once inside a sentence (so "Meanwhile" at sentence starts is no name)."""
    lowercase = {match.group(0) for seed in seeds for match in _ANY_LOWER.finditer(_URL.sub(" ", seed.text))}
    protected = set(MONTHS) | set(STRUCTURE_WORDS)
    for seed in seeds:
        protected |= seed.curated_words()
    return frozenset(
        match.group(1)
        for seed in seeds
        for match in _TITLE_WORD.finditer(seed.text)
        if match.group(1).lower() not in lowercase
        and match.group(1) not in protected
        and _inside_sentence(seed.text, match.start())
    )


def _inside_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?:;\n\"“‘'(["


def replacement(name: str, salt: str) -> str:
    """The name that stands for `name` in the round salted by `salt` (independent of lookup order)."""
    rng = Random(f"{salt}:{name}")
    if name.isupper():
        return rng.choice(CHINESE_SURNAMES)
    return rng.choice(NAME_POOL)


def rename(text: str, names: frozenset[str], salt: str) -> str:
    """Swap every name word and every all-caps Chinese surname (before a given name) for its replacement."""
    text = _TITLE_WORD.sub(lambda m: replacement(m.group(1), salt) if m.group(1) in names else m.group(1), text)
    surnames = set(CHINESE_SURNAMES)
    return _CAPS_SURNAME.sub(lambda m: replacement(m.group(1), salt) if m.group(1) in surnames else m.group(1), text)


def swap_words(line: str, vocabulary: list[str], rng: Random) -> str:
    """Replace about WORD_SWAP_RATE of the line's lowercase words by words of `vocabulary`."""

    def swap(match: re.Match) -> str:
        word = match.group(1)
        if word in KEPT_LOWERCASE or rng.random() >= WORD_SWAP_RATE:
            return word
        return rng.choice(vocabulary)

    return _LOWER_WORD.sub(swap, line)


def outside_urls(text: str, change) -> str:
    """Apply `change` to the parts of `text` that are not URLs."""
    pieces, last = [], 0
    for match in _URL.finditer(text):
        pieces.extend([change(text[last : match.start()]), match.group(0)])
        last = match.end()
    pieces.append(change(text[last:]))
    return "".join(pieces)


def shuffle_paragraphs(text: str, rng: Random) -> str:
    """Shuffle the long blocks between blank lines among their own positions; short blocks stay put."""
    parts = _BLANK_RUN.split(text)
    movable = [i for i in range(0, len(parts), 2) if len(parts[i].strip()) >= BODY_PARAGRAPH_CHARS]
    blocks = [parts[i] for i in movable]
    rng.shuffle(blocks)
    for i, block in zip(movable, blocks):
        parts[i] = block
    return "".join(parts)


def vary(seed: Seed, names: frozenset[str], round_salt: str, rng: Random) -> str:
    """One varied copy of `seed`: same genre and line structure, different words, names and order."""
    text = shuffle_paragraphs(seed.text, rng) if seed.genre == "news" else seed.text
    keep = seed.curated_words() | KEPT_LOWERCASE
    vocabulary = sorted({w for w in _LOWER_WORD.findall(seed.text) if w not in keep})
    lines = text.split("\n")
    repeated = {line for line in lines if line.strip() and lines.count(line) > 1}
    out = []
    for line in lines:
        if line in repeated:
            out.append(line)
            continue
        line = outside_urls(line, lambda part: rename(part, names, round_salt))
        if len(line) >= PROSE_LINE_CHARS and vocabulary:
            line = outside_urls(line, lambda part: swap_words(part, vocabulary, rng))
        out.append(line)
    return "\n".join(out)


def manifest_entry(seed: Seed, file: str, round_: int) -> dict:
    entry = {"file": file}
    entry.update({key: seed.entry[key] for key in CURATED_FIELDS if seed.entry.get(key) is not None})
    entry["notes"] = f"Synthetic benchmark copy {round_} of {seed.file}."
    return entry


def synthesise(seeds: Path, out: Path, factor: int, seed: int = 0) -> SyntheticCorpus:
    """Write `factor` varied rounds of the seeds in `seeds` into `out` (created) with a manifest.

    Other files of the seeds folder (an entity catalogue, say) are copied as they are.
    """
    sources = load_seeds(seeds)
    names = name_words(sources)
    out.mkdir(parents=True, exist_ok=True)
    entries, n_bytes = [], 0
    for round_ in range(factor):
        round_salt = f"{seed}:round{round_}"
        for source in sources:
            file = f"r{round_:04d}_{source.file}"
            text = vary(source, names, round_salt, Random(f"{round_salt}:{source.file}"))
            data = text.encode("utf-8")
            (out / file).write_bytes(data)
            n_bytes += len(data)
            entries.append(manifest_entry(source, file, round_))
    (out / MANIFEST).write_text(yaml.dump({"documents": entries}, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    for extra in sorted(seeds.iterdir()):
        if extra.is_file() and extra.suffix != ".txt" and extra.name != MANIFEST:
            shutil.copy2(extra, out / extra.name)
    return SyntheticCorpus(folder=out, factor=factor, n_documents=len(entries), n_bytes=n_bytes)


def excerpt(seed: Seed, words: int, rng: Random) -> str:
    """A news-sized part of `seed`: a news seed's head (the blocks before its first body paragraph), then
    the blocks from a random one on, in their order, until about `words` words (wrapping round)."""
    parts = _BLANK_RUN.split(seed.text)
    blocks, gaps = parts[0::2], parts[1::2] + [""]
    first_body = 0
    if seed.genre == "news":
        first_body = next((i for i, block in enumerate(blocks) if len(block.strip()) >= BODY_PARAGRAPH_CHARS), len(blocks))
    body = [i for i in range(first_body, len(blocks)) if blocks[i].strip()]
    if not body:
        return seed.text
    start, chosen, count = rng.randrange(len(body)), [], 0
    for k in range(len(body)):
        chosen.append(body[(start + k) % len(body)])
        count += len(blocks[chosen[-1]].split())
        if count >= words:
            break
    kept = list(range(first_body)) + sorted(chosen)
    text = "".join(blocks[i] + (gaps[i] or "\n") for i in kept)
    return text.rstrip("\n") + "\n"


def synthesise_short(seeds: Path, out: Path, n_documents: int, seed: int = 0) -> SyntheticCorpus:
    """Write `n_documents` news-sized varied excerpts of the seeds in `seeds` into `out` with a manifest
    (document i is cut from seed i mod the number of seeds; one renaming per round of the seeds)."""
    sources = load_seeds(seeds)
    names = name_words(sources)
    out.mkdir(parents=True, exist_ok=True)
    entries, n_bytes = [], 0
    for index in range(n_documents):
        round_, source = divmod(index, len(sources))[0], sources[index % len(sources)]
        round_salt = f"{seed}:short{round_}"
        rng = Random(f"{round_salt}:{source.file}")
        file = f"r{round_:04d}_{source.file}"
        part = Seed(file=source.file, text=excerpt(source, rng.randint(*SHORT_WORDS), rng), entry=source.entry)
        data = vary(part, names, round_salt, rng).encode("utf-8")
        (out / file).write_bytes(data)
        n_bytes += len(data)
        entries.append(manifest_entry(source, file, round_) | {"notes": f"Synthetic benchmark excerpt {round_} of {source.file}."})
    (out / MANIFEST).write_text(yaml.dump({"documents": entries}, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    for extra in sorted(seeds.iterdir()):
        if extra.is_file() and extra.suffix != ".txt" and extra.name != MANIFEST:
            shutil.copy2(extra, out / extra.name)
    return SyntheticCorpus(folder=out, factor=-(-n_documents // len(sources)), n_documents=n_documents, n_bytes=n_bytes)
