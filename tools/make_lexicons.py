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


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    months()
    python_word_ranges()
