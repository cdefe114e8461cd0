"""What a report says about a corpus, computed once from its facts and terms: plain data
(lists and dicts) that the HTML and Markdown renderers only lay out."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

from ..facts import SPOKEN
from .claims import Claim, Unchecked, claims_check, subject_label
from ..entities import corpus_entities
from .names import ENTITY_KINDS, fold
from .stories import StoryPair, same_stories
from .when import Histogram, histogram

if TYPE_CHECKING:
    from ..corpus import Corpus

#: Date values that name no point in time (the present, the past, unknown parts).
_CONCRETE_DATE = re.compile(r"^\d{4}(-(\d{2}|Q[1-4]|W\d{2}|SP|SU|FA|WI)(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


@dataclass
class Article:
    index: int
    id: str
    lang: str
    date: str | None
    title: str | None
    source: str | None
    characters: int
    boilerplate_characters: int
    n_facts: int
    sentences: list[tuple[int, int]] = field(default_factory=list)  # code point spans by sentence index


@dataclass
class ReportData:
    articles: list[Article]
    facts: list[dict[str, Any]]  # records, each with "article" (index) and "evidence" (sentence text)
    languages: Counter
    outlets: Counter
    entities: dict[str, list[tuple[str, int, int, dict[str, Any]]]]  # kind -> (name, mentions, articles, first mention)
    entity_matrix: tuple[list[str], list[list[int]]]  # top entities, counts per article
    cooccurrence: list[tuple[str, str, int, int, dict[str, Any]]]  # name, name, sentences, articles, first fact
    quotes: list[dict[str, Any]]
    quantities: dict[str, list[dict[str, Any]]]  # subject -> quantity facts
    claims: list[Claim]
    unchecked: list[Unchecked]  # subjects with numbers from several articles that could not be compared
    timeline: list[dict[str, Any]]
    when: Histogram | None  # the timeline's dates (and the articles' own) counted by period
    sources: list[tuple[str, str, int, list[dict[str, Any]]]]  # name, type, articles, citations
    top_terms: list[tuple[str, float]]
    article_terms: dict[int, list[tuple[str, float]]]
    stories: list[StoryPair]
    aliases: dict[str, str]


def _sentence_spans(doc) -> list[tuple[int, int]]:
    tokens = doc.tokens(include_boilerplate=True)
    spans: dict[int, list[int]] = {}
    for sentence, start, end in zip(tokens.sentence.tolist(), tokens.start.tolist(), tokens.end.tolist()):
        span = spans.setdefault(sentence, [start, end])
        span[0], span[1] = min(span[0], start), max(span[1], end)
    if not spans:
        return []
    return [tuple(spans.get(i, (0, 0))) for i in range(max(spans) + 1)]  # type: ignore[misc]


def analyse(corpus: Corpus, facts_table=None, n_terms: int = 10, progress: bool | None = None) -> ReportData:
    from .._progress import progress_bar

    facts_table = facts_table if facts_table is not None else corpus.facts(progress=progress)
    records = facts_table.records()
    articles = []
    for doc in progress_bar(corpus, "report", total=len(corpus), enabled=progress):
        boilerplate = sum(s.end - s.start for s in doc.segments if s.kind == "boilerplate")
        articles.append(Article(doc.index, doc.id, doc.lang, doc.date, doc.title, doc.source, len(doc.text),
                                boilerplate, 0, _sentence_spans(doc)))
    texts: dict[int, str] = {}
    # Facts meet their article by position: ids may repeat.
    for record, position in zip(records, facts_table.doc_index.tolist()):
        article = articles[position]
        article.n_facts += 1
        record["article"] = article.index
        if article.index not in texts:
            texts[article.index] = corpus[article.index].text
        spans = article.sentences
        s = record["sentence"]
        record["evidence"] = texts[article.index][spans[s][0]:spans[s][1]] if 0 <= s < len(spans) else record["text"]

    # One name per entity of the corpus (src/resolve.rs): "Lindqvist" and "A. Lindqvist" count
    # as "Ana Lindqvist" when the corpus names no other Lindqvist; quotes by their speaker's.
    entities = corpus_entities(corpus, facts_table)
    aliases = {variant: name for name, variants in zip(entities.name, entities.variants)
               for variant in variants if variant != name}
    by_variant: dict[str, set[str]] = defaultdict(set)
    for name, variants in zip(entities.name, entities.variants):
        for variant in variants:
            by_variant[fold(variant)].add(name)

    def named(value: Any) -> Any:
        """A source's or a subject's name as the entity it is, when one entity is written so."""
        if isinstance(value, list):
            return [named(v) for v in value]
        found = by_variant.get(fold(value), ()) if isinstance(value, str) else ()
        return next(iter(found)) if len(found) == 1 else value

    for record, entity in zip(records, entities.fact_entity.tolist()):
        if record["kind"] in ENTITY_KINDS or (record["kind"] == "quote" and record["attrs"].get("speaker")):
            record["name"] = entities.name[entity] if entity >= 0 else (
                record["value"] if record["kind"] in ENTITY_KINDS else record["attrs"]["speaker"])
        elif record["kind"] == "source":
            record["name"] = named(record["value"])
        if record["kind"] in ("quantity", "money"):
            record["subject"] = named(record["attrs"].get("subject"))

    _periods(records)
    timeline = _timeline(records)
    claims, unchecked = claims_check(records, entities.name)
    terms = corpus.term_matrix(weighting="tfidf", numbers="drop") if len(corpus) else None
    has_terms = terms is not None and terms.shape[1] > 0
    dated = _date_words(records)
    return ReportData(
        articles=articles,
        facts=records,
        languages=Counter(a.lang for a in articles),
        outlets=Counter(a.source for a in articles if a.source),
        entities=_entities(records),
        entity_matrix=_entity_matrix(records, len(articles)),
        cooccurrence=_cooccurrence(records),
        # "Who said what": speech and writing; beliefs and findings are not anyone's words.
        quotes=[r for r in records if r["kind"] == "quote" and r["attrs"].get("cue_type") in SPOKEN],
        quantities=_quantities(records),
        claims=claims,
        unchecked=unchecked,
        timeline=timeline,
        when=histogram([e["value"] for e in timeline], [a.date for a in articles if a.date]),
        sources=_sources(records),
        top_terms=_content_terms(terms.top_terms(n=n_terms * 6), dated, n_terms * 2) if has_terms else [],
        article_terms={i: _content_terms(terms.top_terms(doc=i, n=n_terms * 3), dated, n_terms) for i in range(len(articles))} if has_terms else {},
        stories=same_stories(records, articles, terms),
        aliases=aliases,
    )


def _periods(records) -> None:
    """A number's ``period``: the year of the date nearest to it in its sentence, when there is
    one ("in 2012, sales rose 5%"); numbers of different years are not the same claim."""
    years: dict[tuple[int, int], list[tuple[int, str]]] = defaultdict(list)
    for r in records:
        if r["kind"] == "date" and isinstance(r["value"], str) and r["value"][:4].isdigit():
            years[(r["article"], r["sentence"])].append((r["start"], r["value"][:4]))
    for r in records:
        if r["kind"] in ("quantity", "money"):
            stated = years.get((r["article"], r["sentence"]))
            r["period"] = min(stated, key=lambda d: abs(d[0] - r["start"]))[1] if stated else None


def _date_words(records) -> set[str]:
    """Words the corpus writes dates with ("juillet", "monday"): not what an article is about."""
    return {w for r in records if r["kind"] == "date" for w in r["text"].casefold().split() if w.isalpha()}


def _content_terms(terms: list[tuple[str, float]], dated: set[str], n: int) -> list[tuple[str, float]]:
    """The first ``n`` terms that are neither numbers nor date words."""
    keep = [(t, w) for t, w in terms if not any(c.isdigit() for c in t) and not (set(t.split()) & dated)]
    return keep[:n]


def _entities(records) -> dict[str, list[tuple[str, int, int, dict[str, Any]]]]:
    out = {}
    for kind in ENTITY_KINDS:
        mentions: Counter = Counter()
        articles: dict[str, set[int]] = defaultdict(set)
        first: dict[str, dict[str, Any]] = {}
        for r in records:
            if r["kind"] == kind and isinstance(r.get("name"), str):
                mentions[r["name"]] += 1
                articles[r["name"]].add(r["article"])
                first.setdefault(r["name"], r)
        ranked = sorted(mentions, key=lambda n: (-len(articles[n]), -mentions[n], n))
        out[kind] = [(n, mentions[n], len(articles[n]), first[n]) for n in ranked]
    return out


def _entity_matrix(records, n_articles: int, limit: int = 25) -> tuple[list[str], list[list[int]]]:
    """Mentions per article of the ``limit`` entities found in most articles."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        if r["kind"] in ENTITY_KINDS and isinstance(r.get("name"), str):
            counts[r["name"]][r["article"]] += 1
    ranked = sorted(counts, key=lambda n: (-len(counts[n]), -sum(counts[n].values()), n))[:limit]
    return ranked, [[counts[n][a] for n in ranked] for a in range(n_articles)]


def _cooccurrence(records, limit: int = 30) -> list[tuple[str, str, int, int, dict[str, Any]]]:
    """Pairs of entities named in one sentence: (name, name, sentences, articles, a fact of the
    first such sentence, for its evidence link)."""
    by_sentence: dict[tuple[int, int], dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in records:
        if r["kind"] in ENTITY_KINDS and isinstance(r.get("name"), str):
            by_sentence[(r["article"], r["sentence"])].setdefault(r["name"], r)
    sentences: Counter = Counter()
    articles: dict[tuple[str, str], set[int]] = defaultdict(set)
    first: dict[tuple[str, str], dict[str, Any]] = {}
    for (article, _), names in by_sentence.items():
        for a, b in combinations(sorted(names), 2):
            sentences[(a, b)] += 1
            articles[(a, b)].add(article)
            first.setdefault((a, b), names[a])
    ranked = sorted(sentences, key=lambda p: (-len(articles[p]), -sentences[p], p))[:limit]
    return [(a, b, sentences[(a, b)], len(articles[(a, b)]), first[(a, b)]) for a, b in ranked]


def _quantities(records) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        if r["kind"] in ("quantity", "money"):
            # The claims check's label, so that a subject reads the same in both tables.
            groups[subject_label(r.get("subject")) or "(no subject)"].append(r)
    return dict(sorted(groups.items(), key=lambda item: (item[0] == "(no subject)", -len(item[1]), item[0])))


def _timeline(records) -> list[dict[str, Any]]:
    events = [r for r in records if r["kind"] == "date" and isinstance(r["value"], str) and _CONCRETE_DATE.match(r["value"])]
    return sorted(events, key=lambda r: (r["value"], r["article"], r["start"]))


def date_position(value: str) -> float:
    """A date value as a fractional year, for placing it on a timeline."""
    start = value.split("/")[0]
    year = int(start[:4])
    rest = start[5:]
    if rest.startswith("Q"):
        return year + (int(rest[1]) - 1) / 4 + 0.125
    if rest[:2].isdigit():
        month = int(rest[:2])
        day = int(rest[3:5]) if len(rest) >= 5 and rest[3:5].isdigit() else 15
        return year + (month - 1) / 12 + (day - 1) / 365
    return year + 0.5


def _sources(records) -> list[tuple[str, str, int, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        if r["kind"] == "source":
            groups[r.get("name") or r["value"]].append(r)
    out = []
    for name, citations in groups.items():
        kind = Counter(c["attrs"].get("source_type", "?") for c in citations).most_common(1)[0][0]
        out.append((name, kind, len({c["article"] for c in citations}), citations))
    return sorted(out, key=lambda s: (-s[2], -len(s[3]), s[0]))


def idf_weights(feature_sets: list[set[str]]) -> dict[str, float]:
    n = len(feature_sets)
    df: Counter = Counter(f for features in feature_sets for f in features)
    return {f: math.log((1 + n) / (1 + d)) + 1 for f, d in df.items()}
