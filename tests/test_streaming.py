"""Reading, extracting and writing a batch at a time: the same facts as in memory."""

import csv
import gzip
import json
import os
import shutil
import stat
import subprocess
import sys

import pytest

import newsfacts as nf
from conftest import SEEDS

NEWS = os.path.join(os.path.dirname(__file__), "data", "news_sample.jsonl")


def test_iter_read_gives_the_corpus_in_batches():
    whole = nf.read(NEWS)
    batches = list(nf.iter_read(NEWS, batch_size=7))
    assert all(len(b) <= 7 for b in batches) and len(batches) >= 2
    assert [d.id for b in batches for d in b] == whole.ids
    assert [d.text for b in batches for d in b] == [d.text for d in whole]


def test_batches_cut_short_by_their_text():
    sizes = [sum(len(d.text) for d in b) for b in nf.iter_read(NEWS, batch_size=1000, max_batch_bytes=5_000)]
    assert len(sizes) > 3
    assert all(size < 5_000 + 20_000 for size in sizes)  # at most one article past the limit


def test_iter_facts_gives_the_same_facts_as_one_table():
    whole = nf.read(NEWS).facts().records()
    streamed = [record for table in nf.iter_facts(NEWS, batch_size=5) for record in table.records()]
    assert streamed == whole


def test_gzipped_json_lines_stream(tmp_path):
    packed = tmp_path / "news.jsonl.gz"
    with open(NEWS, "rb") as src, gzip.open(packed, "wb") as dst:
        shutil.copyfileobj(src, dst)
    streamed = [r for t in nf.iter_facts(packed, batch_size=9) for r in t.records()]
    assert [r["text"] for r in streamed] == [r["text"] for r in nf.read(NEWS).facts().records()]


def test_skips_are_reported_by_the_batch_that_met_them(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": f"Article {i} of March 3, 2021."}) for i in range(6)]
    lines.insert(3, "{not json")
    path.write_text("\n".join(lines) + "\n")
    tables = list(nf.iter_facts(path, batch_size=2, errors="skip"))
    assert sum(t.n_documents for t in tables) == 6
    assert [s for t in tables for s in t.skipped][0][0] == f"{path}, line 4"
    with pytest.raises(nf.JsonLinesError, match="line 4"):
        list(nf.iter_facts(path, batch_size=2))


def test_iter_read_refuses_texts_in_memory_and_bad_sizes():
    with pytest.raises(nf.InputError, match="use read"):
        next(nf.iter_read([["a text"]]))
    with pytest.raises(nf.ParameterError):
        next(nf.iter_read(NEWS, batch_size=0))


def _cli(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "newsfacts", *args], capture_output=True, text=True, timeout=300, **kwargs)


def test_cli_streams_the_same_facts_as_the_library(tmp_path):
    out = tmp_path / "facts.jsonl"
    done = _cli("facts", NEWS, "-o", str(out), "--batch-size", "4", "-q")
    assert done.returncode == 0, done.stderr
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = nf.read(NEWS).facts().records()
    assert written == expected
    assert f"{len(expected)} facts from" in done.stdout
    # Files get what open() gives (0666 less the umask), not mkstemp's 0600.
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_cli_writes_csv_to_standard_output(tmp_path):
    done = _cli("facts", str(SEEDS), "-o", "-", "--format", "csv", "-q")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(done.stdout.splitlines()))
    nf.read(SEEDS).facts().write(tmp_path / "facts.csv")
    with open(tmp_path / "facts.csv", encoding="utf-8", newline="") as written:
        assert rows == list(csv.DictReader(written))
    assert json.loads(rows[0]["attrs"]) is not None
    assert "facts from 5 articles" in done.stderr


def test_cli_refuses_names_that_say_no_known_format(tmp_path):
    for command, name in (("facts", "facts.pdf"), ("report", "report.pdf")):
        done = _cli(command, str(SEEDS), "-o", str(tmp_path / name))
        assert done.returncode == 2 and "cannot tell the format" in done.stderr
    assert os.listdir(tmp_path) == []


def test_cli_version_and_help_name_every_kind():
    assert _cli("--version").stdout.strip() == f"newsfacts {nf.__version__}"
    helped = _cli("--help").stdout + _cli("facts", "--help").stdout
    from newsfacts.facts import KINDS
    listed = " ".join(helped.split())
    for kind in ("people", "organisations", "places", "roles", "dates", "durations", "quantities", "money", "quotes",
                 "sources", "acronyms"):
        assert kind in listed
    assert len(KINDS) == 11
