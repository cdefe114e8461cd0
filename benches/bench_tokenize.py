"""Tokenizing throughput: newsfacts against scikit-learn's analyzer and HF tokenizers, same run.

    python benches/bench_tokenize.py [--mb 70] [--repeat 3]

Prints MB/s (median of --repeat runs) and ratios. Needs `pip install ".[bench]"`.
"""

from __future__ import annotations

import argparse

from _corpus import load_texts, median_time, megabytes_of

import newsfacts as nf


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=None, help="use the first MB of bench_en (default: all)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    texts = load_texts("bench_en.jsonl.gz", args.mb)
    mb = megabytes_of(texts)
    print(f"bench_en: {len(texts)} articles, {mb:.1f} MB; {nf.default_threads()} threads by default")

    corpus = nf.read(texts)
    results: dict[str, float] = {}
    results["newsfacts read (header, language, segments)"] = median_time(lambda: nf.read(texts), args.repeat)
    results["newsfacts corpus.tokens() 1 thread"] = median_time(lambda: corpus.tokens(n_jobs=1), args.repeat)
    results["newsfacts corpus.tokens() all threads"] = median_time(lambda: corpus.tokens(), args.repeat)

    from sklearn.feature_extraction.text import CountVectorizer

    analyzer = CountVectorizer().build_analyzer()
    results["scikit-learn CountVectorizer analyzer"] = median_time(lambda: [analyzer(t) for t in texts], args.repeat)
    try:
        from tokenizers.pre_tokenizers import BertPreTokenizer

        bert = BertPreTokenizer()
        results["HF tokenizers BertPreTokenizer (per doc)"] = median_time(
            lambda: [bert.pre_tokenize_str(t) for t in texts], 1
        )
    except ImportError:
        print("(tokenizers not installed: pip install tokenizers)")

    sklearn_time = results["scikit-learn CountVectorizer analyzer"]
    print(f"{'':48} {'MB/s':>8} {'x sklearn':>10}")
    for name, seconds in results.items():
        print(f"{name:48} {mb / seconds:8.1f} {sklearn_time / seconds:10.2f}")


if __name__ == "__main__":
    main()
