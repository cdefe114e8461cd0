"""Reading articles from every kind of source, and every kind of bad input."""

import gzip
import json
import os
import pickle
import socket
import subprocess
import sys
import textwrap

import pytest

import newsfacts as nf


def test_folder_file_and_ids(seeds, tmp_path):
    assert seeds.ids == sorted(seeds.ids) and len(seeds) == 5
    one = nf.read(nf.datasets.SEEDS_DIR / "001_28b3dad1addf0cd4.txt")
    assert one.ids == ["001_28b3dad1addf0cd4"] and one[0].text == seeds[1].text
    assert seeds[-1].id == seeds.ids[-1] and [d.id for d in seeds[1:3]] == seeds.ids[1:3]
    with pytest.raises(KeyError, match="no document with id"):
        seeds["nope"]


def test_jsonl_fields_and_extras(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [
        {"id": "x1", "text": "Le président a annoncé une réforme des retraites hier soir.", "date": "15/01/2021",
         "title": "Réforme", "source": "AFP", "url": "https://x"},
        {"text": "The minister said the budget would rise by 4% next year.", "lang": "en"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8")
    corpus = nf.read(path)
    assert corpus.ids == ["x1", "a:2"]
    first, second = corpus
    assert (first.date, first.title, first.source, first.lang) == ("2021-01-15", "Réforme", "AFP", "fr")
    assert first.meta["url"] == "https://x" and first.meta["lang_detected"] is True
    assert second.lang == "en" and second.meta["lang_detected"] is False


def test_header_lines(tmp_path):
    path = tmp_path / "h.txt"
    path.write_text("Title: Hausse du chômage\nDate: 3 mars 2020\nSource: Le Monde\n\nLe chômage a augmenté de 2 % au premier trimestre.\n", encoding="utf-8")
    doc = nf.read(path)[0]
    assert (doc.title, doc.date, doc.source) == ("Hausse du chômage", "2020-03-03", "Le Monde")
    assert doc.segments[0].kind == "metadata" and doc.tokens().texts[0] == "Le"


def test_list_dict_and_pandas():
    pd = pytest.importorskip("pandas")
    texts = ["Le gouvernement a présenté son budget.", "The government presented its budget."]
    assert nf.read(texts).ids == ["0", "1"]
    assert nf.read({"a": texts[0], "b": texts[1]}).ids == ["a", "b"]
    frame = pd.DataFrame({"body": texts, "url": ["u1", "u2"], "date": ["2020-05-01", None]})
    corpus = nf.read(frame, text="body", id="url")
    assert corpus.ids == ["u1", "u2"] and corpus[0].date == "2020-05-01" and corpus[1].date is None
    assert nf.read(frame["body"]).ids == ["0", "1"]
    assert list(corpus.to_pandas().index) == ["u1", "u2"]
    with pytest.raises(nf.ParameterError, match="no column 'text'"):
        nf.read(frame)


def test_pandas_columns_named_like_json_fields_are_used():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({
        "id": ["a1", "b2"],
        "text": ["Le gouvernement a présenté son budget.", "The government presented its budget."],
        "title": ["Budget", None],
        "date": ["2020-05-01", "2020-05-02"],
        "lang": ["fr", "en"],
        "source": ["Le Monde", "Reuters"],
    }, index=[10, 11])
    corpus = nf.read(frame)
    assert corpus.ids == ["a1", "b2"]
    assert [(d.title, d.date, d.lang, d.source) for d in corpus] == [
        ("Budget", "2020-05-01", "fr", "Le Monde"), (None, "2020-05-02", "en", "Reuters")]
    assert not any(d.meta["lang_detected"] for d in corpus)  # the column's languages, not detected ones
    assert nf.read(frame, id="source").ids == ["Le Monde", "Reuters"]  # id= still names the column
    assert nf.read(frame.drop(columns="id")).ids == ["10", "11"]  # no id column: the index


def test_language_override():
    corpus = nf.read(["Bonjour tout le monde, voici les nouvelles du jour."], lang="en")
    assert corpus[0].lang == "en"
    assert nf.read(["?? !!"])[0].lang == "und"
    with pytest.raises(nf.ParameterError, match="unknown language"):
        nf.read(["x"], lang="klingon")


def test_non_utf8_file_names_file_and_offset(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("Le café".encode("utf-8") + b" \xff\xfe suite")
    with pytest.raises(nf.DecodeError) as info:
        nf.read(path)
    assert info.value.byte_offset == 9 and info.value.source.endswith("bad.txt")
    assert "byte 9" in str(info.value)
    doc = nf.read(path, encoding_errors="replace")[0]
    assert "\ufffd" in doc.text and doc.text.startswith("Le café")


def test_malformed_json_lines(tmp_path):
    path = tmp_path / "m.jsonl"
    path.write_text('{"id": "ok", "text": "Un texte."}\n{"id": "broken", "text": \n["not an object"]\n{"id": "n", "text": null}\n', encoding="utf-8")
    with pytest.raises(nf.JsonLinesError) as info:
        nf.read(path)
    assert info.value.line == 2 and "m.jsonl, line 2" in str(info.value)
    corpus = nf.read(path, errors="skip")
    assert corpus.ids == ["ok"]
    assert [source.rsplit(",", 1)[1].strip() for source, _ in corpus.skipped] == ["line 2", "line 3", "line 4"]
    assert "no \"text\" field" in corpus.skipped[2][1]


def test_none_bytes_and_wrong_types_in_a_list():
    with pytest.raises(nf.InputError, match="item 1 is None"):
        nf.read(["ok", None])
    with pytest.raises(nf.InputError, match="item 0 is a int"):
        nf.read([42])
    corpus = nf.read(["ok", None, b"caf\xc3\xa9", 3.5], errors="skip")
    assert corpus.ids == ["0", "2"] and corpus[1].text == "café"
    assert [s for s, _ in corpus.skipped] == ["item 1", "item 3"]
    with pytest.raises(nf.DecodeError, match="item 0: not valid UTF-8 at byte 1"):
        nf.read([b"a\xffb"])
    with pytest.raises(nf.InputError, match="cannot read articles from int"):
        nf.read(12)


def test_missing_path_empty_folder_empty_and_binary_files(tmp_path):
    with pytest.raises(nf.SourceError, match="no such file or folder"):
        nf.read(tmp_path / "missing")
    assert len(nf.read(tmp_path)) == 0
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 4)
    with pytest.raises(nf.InputError, match="binary"):
        nf.read(tmp_path)
    corpus = nf.read(tmp_path, errors="skip")
    assert corpus.ids == ["empty"] and corpus[0].text == "" and corpus[0].lang == "und"
    assert corpus[0].tokens().texts == [] and corpus[0].segments == []
    assert len(corpus.skipped) == 1 and "junk.txt" in corpus.skipped[0][0]


def test_bad_parameters():
    with pytest.raises(nf.ParameterError, match="errors="):
        nf.read(["x"], errors="ignore")
    with pytest.raises(nf.ParameterError, match="encoding_errors="):
        nf.read(["x"], encoding_errors="latin-1")
    with pytest.raises(nf.ParameterError, match="n_jobs"):
        nf.read(["x"], n_jobs="2")


def test_a_50_mb_article_reads_and_tokenizes(tmp_path):
    paragraph = "Le géant chinois Huawei détient 16 % du marché, selon le Financial Times. " * 10 + "\n\n"
    text = paragraph * (50_000_000 // len(paragraph.encode()))
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    doc = nf.read(path)[0]
    assert doc.lang == "fr" and len(doc.text) == len(text)
    toks = doc.tokens()
    assert len(toks) > 5_000_000 and toks.texts[-1] == "."


def test_errors_pickle_with_their_fields():
    err = nf.DecodeError("x: bad", source="x", byte_offset=3)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is nf.DecodeError and back.byte_offset == 3 and back.source == "x" and str(back) == "x: bad"


def test_reprs_escape_html():
    corpus = nf.read({"<script>": "<img src=x onerror=alert(1)> Le texte </table> est là."})
    html = corpus._repr_html_() + corpus[0]._repr_html_()
    assert "<script>" not in html and "<img" not in html and "</table> est" not in html
    assert "&lt;script&gt;" in html


def test_pandas_datetimes_become_iso_dates():
    import pandas as pd

    frame = pd.DataFrame({"text": ["Il est parti au mois de novembre.", "Hier soir."],
                          "date": pd.to_datetime(["2021-01-15", None])})
    corpus = nf.read(frame, lang="fr")
    assert [d.date for d in corpus] == ["2021-01-15", None]
    assert [f["value"] for f in corpus[0].facts()] == ["2020-11"]


def isolated(code: str, timeout: float = 60):
    """Run `code` in a fresh Python and return what it printed as JSON: a read that blocks (on a
    FIFO, a device) fails the test by the timeout instead of freezing the run."""
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


GOOD, BAD_UTF8, NUL = '{"text": "Un texte."}\n'.encode(), b'{"text": "caf\xe9"}\n', b'{"text": "a\x00b"}\n'


def test_a_bad_json_line_costs_only_that_line(tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_bytes(GOOD + BAD_UTF8 + NUL + b"\n" + GOOD)
    corpus = nf.read(path, errors="skip")
    assert corpus.ids == ["lines:1", "lines:5"]
    assert [source for source, _ in corpus.skipped] == [f"{path}, line 2", f"{path}, line 3"]
    assert corpus.skipped[0][1].startswith(f"not valid UTF-8 at byte {len(GOOD) + 13}")
    assert "NUL byte" in corpus.skipped[1][1] and str(path) not in corpus.skipped[1][1]
    with pytest.raises(nf.DecodeError) as info:
        nf.read(path)
    assert (info.value.source, info.value.line, info.value.byte_offset) == (str(path), 2, len(GOOD) + 13)
    assert str(info.value).startswith(f"{path}, line 2: not valid UTF-8") and 'encoding_errors="replace"' in str(info.value)
    assert nf.read(path, encoding_errors="replace", errors="skip")[1].text == "caf\ufffd"
    path.write_bytes(GOOD + NUL)
    with pytest.raises(nf.JsonLinesError, match="line 2: looks like binary data") as info:
        nf.read(path)
    assert info.value.line == 2


def test_a_nul_anywhere_makes_a_text_file_binary(tmp_path):
    path = tmp_path / "late.txt"
    path.write_bytes(b"Le texte continue. " * 5000 + b"\x00")
    with pytest.raises(nf.InputError, match="binary data.*offset 95000"):
        nf.read(path)


def test_gzipped_files(tmp_path):
    rows = b'{"id": "x", "text": "Le texte."}\n'
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(rows) + gzip.compress(rows.replace(b'"x"', b'"y"')))
    (tmp_path / "b.ndjson.gz").write_bytes(gzip.compress(GOOD + BAD_UTF8))
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress("Le café est servi.".encode()))
    assert nf.read(tmp_path / "a.jsonl.gz").ids == ["x", "y"]
    assert nf.read(tmp_path / "c.txt.gz")[0].text == "Le café est servi."
    corpus = nf.read(tmp_path, errors="skip")
    assert corpus.ids == ["x", "y", "b:1", "c"] and corpus.skipped == [
        (f"{tmp_path / 'b.ndjson.gz'}, line 2", f"not valid UTF-8 at byte {len(GOOD) + 13} (invalid byte(s) [e9])")]
    (tmp_path / "d.txt.gz").write_bytes(gzip.compress(b"Le texte.")[:-6])
    with pytest.raises(nf.InputError, match="d.txt.gz: broken gzip data"):
        nf.read(tmp_path / "d.txt.gz")
    (tmp_path / "e.jsonl.gz").write_bytes(gzip.compress(GOOD * 3)[:-12])
    with pytest.raises(nf.InputError, match=r"e.jsonl.gz: broken gzip data \(after line \d\)"):
        nf.read(tmp_path / "e.jsonl.gz")


@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.jsonl.gz"])
def test_a_gzip_bomb_is_refused(tmp_path, name):
    path = tmp_path / name
    with gzip.open(path, "wb") as out:
        for _ in range(100):  # 100 MB in about 100 kB
            out.write(b" " * 1_000_000)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(nf.InputError, match=f"{name}: gzip data inflating more than 100 times"):
        nf.read(path)


def test_folder_entries_not_read_are_listed_and_never_opened(tmp_path):
    (tmp_path / "a.txt").write_text("Le texte.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Pas un article.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Pas lu.", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.jsonl"))
    try:
        for errors in ("raise", "skip"):
            ids, skipped = isolated(f"""
                import json, newsfacts as nf
                corpus = nf.read({str(tmp_path)!r}, errors={errors!r})
                print(json.dumps([corpus.ids, corpus.skipped]))
            """)
            assert ids == ["a"]
            reasons = {os.path.basename(source): reason for source, reason in skipped}
            assert reasons.pop("gone.txt") == "dangling symbolic link (its target does not exist)"
            assert reasons.pop("loop.txt").startswith("symbolic link that cannot be followed")
            assert reasons.pop("notes.md").startswith("not a .txt, .text, .jsonl")
            assert reasons.pop("pipe.txt") == "a named pipe (FIFO), not a regular file"
            assert reasons.pop("sock.jsonl") == "a socket, not a regular file"
            assert reasons.pop("sub") == "folder (not read recursively)" and not reasons
    finally:
        sock.close()


@pytest.mark.parametrize("name", ["pipe.txt", "/dev/zero"])
def test_a_pipe_or_device_given_directly_is_refused(tmp_path, name):
    path = tmp_path / name
    if name == "pipe.txt":
        os.mkfifo(path)
    kind, message = isolated(f"""
        import json, newsfacts as nf
        try:
            nf.read({str(path)!r}, errors="skip")
        except nf.InputError as err:
            print(json.dumps([type(err).__name__, str(err)]))
    """)
    assert kind == "InputError" and message.startswith(f"{path}: a ") and message.endswith("not a regular file: not read")


def test_a_file_over_the_article_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as out:
        out.truncate(5 << 30)  # sparse: 5 GiB that take no room
    message = isolated(f"""
        import json, newsfacts as nf
        try:
            nf.read({str(path)!r})
        except nf.InputError as err:
            print(json.dumps(str(err)))
    """, timeout=30)
    assert message == f"{path}: over 4294967294 bytes, the most an article may have"
