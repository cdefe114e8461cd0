"""Write src/lexicons/word_clusters_en.tsv: English words that news uses alike, grouped.

A word's cluster tells the tagger what the training data cannot: that "Vodafone" is used like
"Ryanair" when only one of them was ever annotated. The clusters are learned without labels from
the English news in ``../shared/corpora/`` (15 million words):

1. tokens as the library makes them (``newsfacts.tokenize``), one sentence per line;
2. word2vec vectors (gensim, skip-gram, one worker and a fixed seed: the same vectors every run);
3. k-means (scikit-learn, fixed seed) at two grains over the words seen ``MIN_COUNT`` times.

French is not made: the French news there and the training share of ``winer-fr`` (0.5 million
words, ``--lang fr``) gave clusters that did not help the French development sets.

Run from the repository root, with gensim and scikit-learn installed and the newsfacts wheel
built (``maturin develop --release``):

    python tools/make_word_clusters.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np

MIN_COUNT = 5
# Clusters at two grains.
GRAINS = (64, 512)
DIMENSIONS = 100
SEED = 13
OUT = Path("src/lexicons")


def records(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def is_development(doc_id: str) -> bool:
    """The tagger's development share of a training corpus (src/tagger/corpus.rs)."""
    h = 0xCBF29CE484222325
    for b in doc_id.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h % 100 < 15


def texts(shared: Path, lang: str) -> Iterator[str]:
    corpora = shared / "corpora"
    for name in (f"bench_{lang}.jsonl.gz", f"news_{lang}.jsonl"):
        for record in records(corpora / name):
            if record.get("lang", lang) == lang:
                yield record["text"]
    if lang == "fr":
        for record in records(shared / "train" / "winer-fr.jsonl.gz"):
            if not is_development(record["id"]):
                yield record["text"]


def sentences(shared: Path, lang: str) -> list[list[str]]:
    import newsfacts as nf

    out: list[list[str]] = []
    for text in texts(shared, lang):
        tokens = nf.tokenize(text, lang=lang)
        words, sentence = tokens.texts, tokens.sentence
        start = 0
        for i in range(1, len(words) + 1):
            if i == len(words) or sentence[i] != sentence[start]:
                out.append(words[start:i])
                start = i
    return out


def clusters(lines: list[list[str]], grains: tuple[int, int]) -> tuple[list[str], np.ndarray, np.ndarray]:
    from gensim.models import Word2Vec
    from sklearn.cluster import KMeans

    model = Word2Vec(lines, vector_size=DIMENSIONS, window=5, min_count=MIN_COUNT, sg=1, workers=1, seed=SEED, epochs=5)
    words = sorted(model.wv.index_to_key)
    vectors = np.stack([model.wv[w] for w in words])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    coarse = KMeans(grains[0], n_init=1, random_state=SEED).fit_predict(vectors)
    fine = KMeans(grains[1], n_init=1, random_state=SEED).fit_predict(vectors)
    return words, coarse, fine


def write(lang: str, words: list[str], coarse: np.ndarray, fine: np.ndarray, sources: str) -> Path:
    grains = GRAINS
    path = OUT / f"word_clusters_{lang}.tsv"
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"# Word clusters ({lang}): word, cluster of {grains[0]}, cluster of {grains[1]}.\n")
        out.write(f"# Learned without labels by tools/make_word_clusters.py from {sources}.\n")
        out.write(f"# word2vec skip-gram {DIMENSIONS} dims (gensim), k-means (scikit-learn), seed {SEED}.\n")
        for word, c, f in zip(words, coarse, fine):
            if "\t" not in word and "\n" not in word:
                out.write(f"{word}\t{c}\t{f}\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--lang", default="en", choices=["en", "fr"])
    args = parser.parse_args()
    if os.environ.get("PYTHONHASHSEED") != "0":
        # gensim seeds each word's first vector through Python's string hash.
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    sources = {
        "en": "../shared/corpora bench_en and news_en",
        "fr": "../shared/corpora bench_fr and news_fr, and the training share of ../shared/train/winer-fr",
    }
    lang = args.lang
    lines = sentences(args.shared, lang)
    print(f"{lang}: {len(lines)} sentences, {sum(map(len, lines))} tokens", file=sys.stderr)
    words, coarse, fine = clusters(lines, GRAINS)
    print(f"{lang}: {len(words)} words -> {write(lang, words, coarse, fine, sources[lang])}", file=sys.stderr)


if __name__ == "__main__":
    main()
