"""The ``newsfacts`` command.

    newsfacts PATH                 a summary of each article and of the corpus
    newsfacts summary PATH         the same
    newsfacts tokens PATH --doc ID the tokens of one article
    newsfacts facts PATH -o facts.jsonl   the facts of every article (--format csv)
    newsfacts report PATH -o report.html  the report of the corpus (--format md)
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from ._core import __version__
from .corpus import read
from .errors import DecodeError, NewsfactsError

COMMANDS = ("summary", "tokens", "facts", "report")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsfacts", description="Facts and term matrices from news articles.")
    parser.add_argument("--version", action="version", version=f"newsfacts {__version__}")
    sub = parser.add_subparsers(dest="command")
    commands = (("summary", "summarise each article and the corpus"), ("tokens", "print the tokens of one article"),
                ("facts", "extract facts (people, organisations, places, roles, dates, durations, quantities, money, "
                          "quotes, sources, acronyms) to JSON lines or CSV, streaming: any size of input"),
                ("report", "write a report of the corpus: people, quotes, numbers, dates, sources, terms, same stories"))
    for name, help_text in commands:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("path", help="a .txt or .jsonl file (or .txt.gz, .jsonl.gz), or a folder of them")
        p.add_argument("--lang", help="force the language of every article (fr, en)")
        p.add_argument("--encoding-errors", choices=("strict", "replace"), default="strict")
        p.add_argument("--skip-errors", action="store_true", help="skip bad files and lines, and list them")
        if name == "facts":
            p.add_argument("-o", "--output", required=True, help="where to write (.jsonl or .csv; - for standard output)")
            p.add_argument("--batch-size", type=int, default=None, help="articles read and extracted at once (default 2000)")
            p.add_argument("--kinds", help="only these kinds, comma-separated (e.g. date,quote): only what they need runs")
            p.add_argument("--format", choices=("jsonl", "csv"), help="default: from the file name")
            p.add_argument("--boilerplate", action="store_true", help="include facts found in boilerplate")
        if name == "report":
            p.add_argument("-o", "--output", default="report.html", help="where to write (.html, or .md); default report.html")
            p.add_argument("--format", choices=("html", "md"), help="default: from the file name")
            p.add_argument("--title", help="the report's title")
            p.add_argument("--ui-lang", choices=("auto", "en", "fr"), default="auto",
                           help="the report's own words, English or French (default: the language most articles are in)")
        if name in ("facts", "report"):
            p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
        if name == "tokens":
            p.add_argument("--doc", help="the article id (default: the first)")
            p.add_argument("--boilerplate", action="store_true", help="include boilerplate")
    return parser


def _summary(corpus) -> None:
    rows = corpus.summary()
    width = max([len(r["id"]) for r in rows] + [2])
    print(f"{'id':<{width}}  lang  date        body  boiler  tokens  sentences  title")
    for r in rows:
        title = (r["title"] or "-").replace("\n", " ")
        title = title if len(title) <= 60 else title[:59] + "…"
        print(
            f"{r['id']:<{width}}  {r['lang']:<4}  {r['date'] or '-':<10}  {r['body_segments']:>4}  "
            f"{r['boilerplate_segments']:>6}  {r['tokens']:>6}  {r['sentences']:>9}  {title}"
        )
    langs: dict[str, int] = {}
    for r in rows:
        langs[r["lang"]] = langs.get(r["lang"], 0) + 1
    lang_text = ", ".join(f"{n} {code}" for code, n in sorted(langs.items())) or "none"
    total = lambda key: sum(r[key] for r in rows)  # noqa: E731
    print(
        f"\n{len(rows)} articles ({lang_text}): {total('body_segments')} body and "
        f"{total('boilerplate_segments')} boilerplate segments, {total('tokens')} tokens, "
        f"{total('sentences')} sentences"
    )
    if corpus.skipped:
        print(f"{len(corpus.skipped)} skipped:")
        for source, reason in corpus.skipped:
            print(f"  {source}: {reason}")


def _tokens(corpus, doc_id: str | None, boilerplate: bool) -> None:
    doc = corpus[doc_id] if doc_id else corpus[0]
    for token in doc.tokens(include_boilerplate=boilerplate):
        print(f"{token.sentence}\t{token.start}\t{token.end}\t{token.kind}\t{token.text}")


def _facts(options) -> int:
    """Read, extract and write a batch at a time: memory holds one batch, whatever the input.
    Rust writes each batch's lines on all cores; they hold what ``FactTable.write`` writes."""
    from . import _core
    from ._output import atomic_output, format_from_suffix
    from ._params import jobs as _jobs
    from .corpus import iter_read
    from .facts import FIELDS, OUTPUT_FORMATS

    from .facts import check_kinds

    kinds = None if options.kinds is None else list(check_kinds([k.strip() for k in options.kinds.split(",") if k.strip()]))
    to_stdout = options.output == "-"
    format = (options.format or "jsonl") if to_stdout else format_from_suffix(options.output, OUTPUT_FORMATS, options.format)
    batches = iter_read(options.path, options.batch_size or 2_000, lang=options.lang, encoding_errors=options.encoding_errors,
                        errors="skip" if options.skip_errors else "raise")
    facts = articles = 0
    skipped: list[tuple[str, str]] = []
    bar = _stream_bar(options.quiet)
    with atomic_output(options.output, binary=True) as out:
        if format == "csv":
            out.write((",".join(FIELDS) + "\r\n").encode())
        for corpus in batches:
            lines, count = _core.corpus_fact_lines(corpus._core, format, options.boilerplate, _jobs(None), kinds)
            out.write(lines)
            facts += count
            articles += len(corpus)
            skipped += corpus.skipped
            bar.update(len(corpus))
    bar.close()
    report = sys.stderr if to_stdout else sys.stdout
    print(f"{facts} facts from {articles} articles written to {options.output}", file=report)
    for source, reason in skipped:
        print(f"  skipped {source}: {reason}", file=report)
    return 0


def _stream_bar(quiet: bool):
    """A count of articles done on stderr, in a terminal only (its total is not known ahead)."""
    from tqdm.auto import tqdm

    return tqdm(unit=" articles", disable=quiet or not sys.stderr.isatty(), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (``argv`` without the program name); the exit status.

    >>> import newsfacts as nf
    >>> from newsfacts.cli import main
    >>> seed = str(nf.datasets.SEEDS_DIR / "000_c6fa68117381cad0.txt")
    >>> main(["facts", seed, "--kinds", "date", "-o", "-", "-q"])  # doctest: +ELLIPSIS
    {"doc":"000_c6fa68117381cad0","kind":"date",...}
    ...
    0
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in COMMANDS and not args[0].startswith("-"):
        args.insert(0, "summary")
    parser = _parser()
    options = parser.parse_args(args)
    if options.command is None:
        parser.print_help()
        return 2
    try:
        if options.command == "facts":
            return _facts(options)
        if options.command == "report":  # a name that says no known format fails before the reading
            from ._output import format_from_suffix
            from .reporting import SUFFIXES

            format_from_suffix(options.output, SUFFIXES, options.format)
        corpus = read(
            options.path,
            lang=options.lang,
            encoding_errors=options.encoding_errors,
            errors="skip" if options.skip_errors else "raise",
            progress=False if getattr(options, "quiet", False) else None,
        )
        if options.command == "summary":
            _summary(corpus)
        elif options.command == "report":
            from .reporting import report

            result = report(corpus, options.output, title=options.title or f"newsfacts: {options.path}",
                            format=options.format, lang=options.ui_lang, progress=False if options.quiet else None)
            d = result.data
            print(f"report of {len(d.articles)} articles ({len(d.facts)} facts, {len(d.quotes)} quotes, "
                  f"{len(d.claims)} claims checked, {sum(p.same for p in d.stories)} same-story pairs) written to {options.output}")
        else:
            _tokens(corpus, options.doc, options.boilerplate)
    except DecodeError as err:
        # Its message gives the Python keyword; here the way past it is a flag.
        print(f"newsfacts: error: {err.problem}; pass --encoding-errors replace to decode it with U+FFFD", file=sys.stderr)
        return 2
    except (NewsfactsError, KeyError) as err:
        print(f"newsfacts: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    return 0
