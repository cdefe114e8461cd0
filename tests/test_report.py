"""The report of a corpus, as a user meets it: the HTML file of the seeds, its sections and key
facts, Markdown, escaping of hostile text, bad input, atomic writes, a real headless browser."""

import os
import re
import shutil
import subprocess
from html import escape, unescape

import pytest

import newsfacts as nf
from newsfacts.cli import main

SECTIONS = ("corpus", "who", "quotes", "numbers", "when", "sources", "terms", "stories", "articles")
HOSTILE = "<script>alert('x')</script> <img src=x onerror=alert(1)> </table> & \"quoted\""


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    report = nf.report(nf.datasets.seeds(), path)
    return report, path.read_text(encoding="utf-8")


def _section(html: str, key: str) -> str:
    start = html.index(f"<section id='{key}'>")
    return html[start:html.index("</section>", start)]


def _text(fragment: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_report_of_the_seeds_has_every_section_and_the_key_facts(seeds_report):
    report, html = seeds_report
    assert html.startswith("<!DOCTYPE html>") and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    for key in SECTIONS:
        assert f"<section id='{key}'>" in html
    corpus = _text(_section(html, "corpus"))
    assert "5 articles (3 in English, 2 in French)" in corpus and "2021-01" in corpus
    who = _text(_section(html, "who"))
    assert "Ren Zhengfei" in who and "Huawei" in who and "United States" in who
    quotes = _section(html, "quotes")
    assert "an expert in the field who wished to remain unnamed" in quotes and "anonymous" in quotes
    assert "Speakers" in quotes and "Ren Zhengfei" in _text(quotes)  # grouped by speaker, with counts
    sources = _text(_section(html, "sources"))
    assert "South China Morning Post" in sources and "Financial Times" in sources and "communiqué" in sources
    assert "SCMP" in sources  # read as one with the South China Morning Post
    when = _text(_section(html, "when"))
    assert "2020-11" in when and "2017-09-05/2017-09-07" in when and "PRESENT_REF" not in when
    assert "<svg" in _section(html, "when") and "<svg" in _section(html, "terms")


def test_claims_check_pairs_the_same_numbers_across_languages(seeds_report):
    report, html = seeds_report
    claims = {c.subject: c for c in report.data.claims}
    alibaba = claims["Alibaba"]
    assert alibaba.agree and {r["text"] for r in alibaba.rows} == {"plus de 40%", "more than 40%"}
    assert claims["Huawei & Tencent"].agree and [r["value"] for r in claims["Huawei & Tencent"].rows] == [16.0, 16.0]
    numbers = _text(_section(html, "numbers"))
    assert "Alibaba" in numbers and "more than 40%" in numbers and "plus de 40%" in numbers and "agree" in numbers


def test_claims_that_disagree_are_flagged_with_the_reason():
    corpus = nf.read({"a": "Alibaba holds more than 40% of the Chinese cloud market.",
                      "b": "Alibaba holds 35% of the Chinese cloud market."}, lang="en", date="2021-03-02")
    claims = nf.report(corpus).data.claims
    assert [(c.subject, c.agree, c.measure) for c in claims] == [("Alibaba", False, "chinese cloud")]
    numbers = _text(_section(nf.report(corpus).html(), "numbers"))
    assert "disagree" in numbers and "same subject, same measure: more than 40% vs 35%" in numbers


def test_claims_compare_one_entity_one_measure_one_year():
    corpus = nf.read({
        "a": "In 2019 Nordvik Energy held 30% of the European drone market. On Friday 30% of its staff went on strike.",
        "b": "In 2020 Nordvik Energy held 22% of the European drone market. On Friday 12% of voters backed the plan.",
        "c": "Nordvik Energy held 30% of the European drone market in 2019, analysts say.",
    }, lang="en")
    report = nf.report(corpus)
    claims = [(c.subject, c.unit, sorted({r["period"] for r in c.rows}), c.agree) for c in report.data.claims]
    # 2019 against 2019 agrees; 2020 is another year, not a disagreement; the strike and the
    # vote have no entity for subject.
    assert claims == [("Nordvik Energy", "%", ["2019"], True)], claims


def test_numbers_tied_to_a_verb_are_compared_only_in_a_named_year():
    texts = {"a": "Nordvik Energy shares rose 4% on the Oslo market.", "b": "Nordvik Energy shares fell 2% on the Oslo market."}
    assert nf.report(nf.read(texts, lang="en")).data.claims == []  # two days, maybe years apart
    levels = {"a": "In 2019 Nordvik Energy shares rose 4% to 210 kroner.", "b": "In 2019 Nordvik Energy shares rose to 230 kroner."}
    claims = nf.report(nf.read(levels, lang="en")).data.claims
    # The two prices of 2019 disagree; "4%" is a change, not compared with a price.
    assert [(c.subject, c.agree, [r["text"] for r in c.rows]) for c in claims] == [("Nordvik Energy", False, ["210 kroner", "230 kroner"])]


def test_a_number_without_a_measure_takes_the_one_before_it_in_its_sentence():
    corpus = nf.read({"a": "Nordvik Energy holds 30% of the European drone market, and Osprey Systems 12%.",
                      "b": "Osprey Systems holds 15% of the European drone market."}, lang="en", date="2022-05-01")
    claims = nf.report(corpus).data.claims
    assert [(c.subject, c.agree, [r["value"] for r in c.rows]) for c in claims] == [("Osprey Systems", False, [12.0, 15.0])]


def test_money_in_human_form():
    corpus = nf.read({"a": "Nordvik Energy paid $2.5bn for the European drone market leader.",
                      "b": "Nordvik Energy paid €40m for a stake in the European drone market."}, lang="en")
    numbers = _text(_section(nf.report(corpus).html(), "numbers"))
    assert "$2.5bn" in numbers and "€40m" in numbers and "2500000000" not in numbers


def test_the_time_chart_zooms_to_the_dates_and_lists_outliers():
    texts = {f"d{k}": f"The plant reopened on {day} March 2021 after repairs." for k, day in enumerate((2, 9, 15, 22, 29))}
    texts["far"] = "The plant was first built in 1890 and rebuilt in March 2021."
    report = nf.report(nf.read(texts, lang="en", date="2021-04-01"))
    when = report.data.when
    assert when.period == "day" and when.outliers == ["1890"]
    assert when.bins[0].label == "2021-03-02" and sum(b.mentioned for b in when.bins) == 5
    html = _section(report.html(), "when")
    assert "Far from the others (not drawn): 1890" in _text(html)


def test_clock_times_and_screen_sizes_are_not_years():
    dates = lambda text: [f["text"] for f in nf.extract(text, lang="en", date="2010-05-01") if f["kind"] == "date"]
    assert dates("Polls are open between 0700 and 2200 GMT.") == []
    assert dates("The panel shows 2560 x 1440 pixels.") == []
    assert dates("The bridge opened in 1932.") == ["1932"]


def test_terms_leave_out_numbers_and_month_names():
    corpus = nf.read({"a": "In June 2019 the harbour dredging began; dredging crews worked through June.",
                      "b": "The orchard harvest of 2019 was poor; the orchard lost 300 trees in June."}, lang="en")
    terms = [t for t, _ in nf.report(corpus).data.top_terms]
    assert "dredging" in terms and "orchard" in terms
    assert "june" not in terms and not any(c.isdigit() for t in terms for c in t)


def test_a_french_corpus_gets_a_french_interface(tmp_path):
    from conftest import ROOT

    corpus = nf.read(ROOT / "tests" / "data" / "news_fr_sample.jsonl")
    report = nf.report(corpus)
    html = report.html()
    assert report.lang == "fr" and "<html lang='fr'>" in html
    assert "2. Qui fait l'actualité" in _text(html) and "Qui a dit quoi" in html and "Who said what" not in html
    assert nf.report(corpus, lang="en").lang == "en"
    with pytest.raises(nf.ParameterError, match="lang"):
        nf.report(corpus, lang="de")
    assert main(["report", str(ROOT / "tests" / "data" / "news_fr_sample.jsonl"), "-o", str(tmp_path / "r.html"), "--ui-lang", "en", "--quiet"]) == 0
    assert "Who said what" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_same_story_pairs_across_languages(seeds_report):
    report, html = seeds_report
    ids = [a.id[:3] for a in report.data.articles]
    same = {(ids[p.a], ids[p.b]) for p in report.data.stories if p.same}
    assert ("000", "001") in same  # the French and English versions of one story
    assert ("000", "003") in same or ("001", "003") in same  # the same speech, another outlet
    assert not any("002" in pair or "004" in pair for pair in same)
    assert "same story" in _section(html, "stories")


def test_every_fact_links_to_its_evidence_sentence(seeds_report):
    report, html = seeds_report
    links = set(re.findall(r"href='#(a\d+-s\d+)'", html))
    anchors = set(re.findall(r"id='(a\d+-s\d+)'", html))
    assert len(links) > 30 and links <= anchors
    listed = report.data.quotes + report.data.timeline + [f for fs in report.data.quantities.values() for f in fs]
    listed += [c for _, _, _, citations in report.data.sources for c in citations]
    listed += [first for *_, first in report.data.cooccurrence]
    assert len(listed) > 30
    for fact in listed:
        assert f"a{fact['article']}-s{fact['sentence']}" in links, fact
    quote = next(q for q in report.data.quotes if q["attrs"].get("anonymous"))
    assert "Intel" in quote["evidence"] and f"#a{quote['article']}-s{quote['sentence']}" in html


def test_markdown_report(tmp_path):
    path = tmp_path / "report.md"
    nf.report(nf.datasets.seeds(), path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ") and "## 4. The numbers" in text and "## 8. Same story" in text
    assert "more than 40%" in text and "Ren Zhengfei" in text and "<" not in text.replace("&lt;", "")


def _hostile_corpus():
    text = f"Title: {HOSTILE}\n\nRen Zhengfei said: “{HOSTILE}” in November 2020, when Alibaba held 40% of it. {HOSTILE}"
    return nf.read({"doc<script>1</script>": text, "b": text}, lang="en")


def _assert_inert(html: str):
    assert "<script>alert" not in html and "<img" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert html.count("<table") == html.count("</table>")
    assert "doc<script>" not in html


def test_hostile_text_is_escaped_in_the_report_and_jupyter():
    corpus = _hostile_corpus()
    html = nf.report(corpus).html()
    _assert_inert(html)
    assert "&lt;script&gt;alert" in html  # shown, as text
    for display in (corpus._repr_html_(), corpus[0]._repr_html_(), corpus.facts()._repr_html_()):
        _assert_inert(display)
    markdown = nf.report(corpus).markdown()
    assert "<script>" not in markdown and "<img" not in markdown


def test_plain_messages_instead_of_empty_charts(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    html = nf.report(nf.read(empty)).html()
    assert "The corpus is empty" in html and "<svg" not in html
    quiet = nf.read({"a": "The weather was mild and the harvest was good.", "b": "Nothing else happened here."}, lang="en")
    html = nf.report(quiet).html()
    assert "No quotes were found" in html and "No dated events" in html and "No numbers" in html


def test_unwritable_path_is_a_clear_error_and_leaves_nothing(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    with pytest.raises(nf.InputError, match="cannot write there"):
        nf.report(nf.datasets.seeds(), blocker / "report.html")
    with pytest.raises(nf.InputError, match="is a folder"):
        nf.report(nf.datasets.seeds(), tmp_path)
    assert sorted(os.listdir(tmp_path)) == ["file.txt"]


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "report.html"
    path.write_text("old report")
    report = nf.report(nf.datasets.seeds())

    def failing_replace(*_):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        report.write(path)
    assert path.read_text() == "old report" and sorted(os.listdir(tmp_path)) == ["report.html"]


def test_cli_report(tmp_path, capsys):
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    out = tmp_path / "r.html"
    assert main(["report", str(seeds), "-o", str(out), "--quiet"]) == 0
    assert "same-story pairs) written to" in capsys.readouterr().out
    assert "<section id='numbers'>" in out.read_text(encoding="utf-8")
    assert main(["report", str(seeds), "-o", str(tmp_path / "r.txt"), "--format", "md"]) == 0
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("# newsfacts: ")
    assert main(["report", str(tmp_path / "missing"), "-o", str(out)]) == 2


def test_progress_bars_on_request(capsys):
    """Reading, tokenizing and extracting draw a bar from the Rust side's counter when asked
    (and by default only for long runs in a terminal or notebook); results do not change."""
    pytest.importorskip("tqdm")
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    corpus = nf.read(seeds, progress=True)
    assert "reading" in capsys.readouterr().err and len(corpus) == 5
    with_bar = corpus.facts(progress=True)
    assert "facts" in capsys.readouterr().err
    assert with_bar.records() == corpus.facts(progress=False).records()
    tokens = corpus.tokens(progress=True)
    assert "tokens" in capsys.readouterr().err
    assert list(tokens.texts) == list(corpus.tokens().texts)
    nf.read(["Un texte.", "Another text."], progress=True)
    assert "reading" in capsys.readouterr().err
    corpus.facts()  # not a terminal, few articles: no bar
    assert capsys.readouterr().err == ""


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


@pytest.mark.skipif(_chromium() is None, reason="no chromium: install Debian's `chromium` to check the report in a real browser")
def test_report_renders_in_a_headless_browser_without_console_errors(seeds_report, tmp_path):
    _, html = seeds_report
    # Click each table's headers in the page: the column must come out ascending, then
    # descending; the outcome goes to the page title, which --dump-dom prints.
    probe = ("<script>function col(t,i){return [].map.call(t.tBodies[0].rows,function(r){var c=r.cells[i],v=c.getAttribute('data-v');"
             "return v===null?c.textContent.trim():v})}"
             "function cmp(p,q){var m=parseFloat(p),n=parseFloat(q);return (!isNaN(m)&&!isNaN(n))?m-n:p.localeCompare(q)}"
             "function sorted(v,s){for(var k=1;k<v.length;k++){if(s*cmp(v[k-1],v[k])>0)return false}return true}"
             "var n=0,ok=[].every.call(document.querySelectorAll('table.nf'),function(t){return [].every.call(t.tHead.rows[0].cells,"
             "function(th,i){n++;th.click();var up=sorted(col(t,i),1);th.click();return up&&sorted(col(t,i),-1)})});"
             "document.title='probe:'+ok+':'+(n>20)+':'+document.body.getAttribute('data-nf-ready');</script>")
    page = tmp_path / "report.html"
    page.write_text(html.replace("</body>", probe + "</body>"), encoding="utf-8")
    run = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                          "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    dom = run.stdout
    assert "<title>probe:true:true:1</title>" in dom, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == []
    shot = tmp_path / "report.png"
    subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}", "--window-size=1200,1600",
                    page.as_uri()], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 20_000  # something was drawn


def test_one_shared_date_does_not_make_a_story():
    corpus = nf.read({
        "a": "Le 17 août 2012, l'armée allemande a été autorisée à intervenir contre le terrorisme.",
        "b": "Le 17 août 2012, l'Équateur a accordé l'asile politique à Julian Assange à Quito.",
    }, lang="fr")
    assert not any(pair.same for pair in nf.report(corpus).data.stories)


def test_articles_with_one_id_keep_their_own_facts(tmp_path):
    import json

    import pandas as pd

    from conftest import ROOT

    lines = (ROOT / "tests" / "data" / "news_sample.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines[:2]]
    corpus = nf.read(pd.DataFrame({"text": texts, "id": ["a", "a"]}), id="id")
    report = nf.report(corpus)
    for position, article in enumerate(report.data.articles):
        own = corpus[position].facts()
        assert own and article.n_facts == len(own)
    for fact in report.data.facts:
        assert texts[fact["article"]][fact["start"]:fact["end"]] == fact["text"]
    html = report.html()
    person = next(f for f in corpus[0].facts() if f["kind"] == "person")
    first_article = html[html.index("<details class='doc' id='a0'>"):html.index("<details class='doc' id='a1'>")]
    # The first article is drawn with its own facts (they once all went to the last one).
    assert f"<span class='nf-k-person' title='person: {escape(person['value'])}" in first_article


#: Measures a report in the browser: the page height as it opens, then, with every collapsed
#: part opened, text boxes that overlap inside any chart and elements wider than the page.
LAYOUT_PROBE = """<script>(function(){
var height=document.documentElement.scrollHeight;
[].forEach.call(document.querySelectorAll('details'),function(d){d.open=true});
var overlaps=[];
[].forEach.call(document.querySelectorAll('svg'),function(svg){
 var b=[].filter.call(svg.querySelectorAll('text'),function(t){return t.textContent.trim()}).map(function(t){return [t.textContent,t.getBoundingClientRect()]});
 for(var i=0;i<b.length;i++)for(var j=i+1;j<b.length;j++){var p=b[i][1],q=b[j][1];
  if(p.width&&q.width&&p.left<q.right-0.5&&q.left<p.right-0.5&&p.top<q.bottom-0.5&&q.top<p.bottom-0.5)overlaps.push(b[i][0]+' / '+b[j][0])}});
var page=document.documentElement.clientWidth,wide=[].filter.call(document.querySelectorAll('body *'),function(e){
 var r=e.getBoundingClientRect();return r.width>0&&r.right>page+1}).map(function(e){return e.tagName});
document.title='layout '+JSON.stringify({height:height,overlaps:overlaps.slice(0,5),n_overlaps:overlaps.length,wide:wide.slice(0,5),
 svgs:document.querySelectorAll('svg').length});})();</script>"""


def _layout(html: str, tmp_path) -> dict:
    import json

    page = tmp_path / "layout.html"
    page.write_text(html.replace("</body>", LAYOUT_PROBE + "</body>"), encoding="utf-8")
    run = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000",
                          "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=600)
    found = re.search(r"<title>layout (.*?)</title>", run.stdout)
    assert found, run.stderr[-2000:]
    return json.loads(unescape(found.group(1)))


def _corpus_of_250():
    """250 real articles from the committed samples (English and French news): each article,
    then its halves, then its thirds as articles of their own, until there are 250."""
    import json

    from conftest import ROOT

    rows = []
    for name in ("news_sample.jsonl", "news_fr_sample.jsonl"):
        rows += [json.loads(line) for line in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines()]
    articles = {r["id"]: r["text"] for r in rows}
    for parts in (2, 3):
        for r in rows:
            paragraphs = r["text"].split("\n\n")
            size = -(-len(paragraphs) // parts)
            if len(paragraphs) >= parts:
                for k in range(parts):
                    articles[f"{r['id']}-{parts}.{k}"] = "\n\n".join(paragraphs[k * size:(k + 1) * size]) or r["title"]
    assert len(articles) >= 250
    return dict(list(articles.items())[:250])


@pytest.mark.skipif(_chromium() is None, reason="no chromium: install Debian's `chromium` to check the report in a real browser")
def test_a_250_article_report_reads_in_a_browser(tmp_path):
    from conftest import SHARED

    corpora = [nf.read(_corpus_of_250())]
    full = SHARED / "corpora" / "news_en.jsonl"
    if full.exists():  # the 250 BBC articles, where they are at hand
        corpora.append(nf.read(full))
    for corpus in corpora:
        assert len(corpus) == 250
        layout = _layout(nf.report(corpus).html(), tmp_path)
        assert layout["height"] < 25_000, layout
        assert layout["n_overlaps"] == 0 and layout["wide"] == [] and layout["svgs"] >= 5, layout
