"""Generate the lexicon data files in src/lexicons/ from maintained sources.

Run: python tools/make_lexicons.py   (needs `pip install babel`)
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


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    months()
