"""The five bundled seeds against the acceptance spec (tests/data/seeds_facts.json)."""

import unicodedata

import newsfacts as nf


def norm(text):
    return unicodedata.normalize("NFC", " ".join(text.split())).casefold()


def test_language_date_title(seeds, spec):
    misses = []
    for file_name, expected in spec.items():
        doc = seeds[file_name.removesuffix(".txt")]
        got = (doc.lang, doc.date, doc.title)
        if got != (expected["lang"], expected["date"], expected["title"]):
            misses.append((file_name, got, (expected["lang"], expected["date"], expected["title"])))
    assert not misses, misses


def test_boilerplate_lines_flagged_and_body_kept(seeds, spec):
    misses = []
    for file_name, expected in spec.items():
        doc = seeds[file_name.removesuffix(".txt")]
        wanted = {norm(line) for line in expected["boilerplate"]}
        for segment in doc.segments:
            line = norm(segment.text)
            if not line:
                continue
            # The spec lists a repeated title by its text: the first one is the title.
            if line in wanted and segment.kind not in ("boilerplate", "title"):
                misses.append(f"{doc.id}: not flagged: {segment.text.strip()[:60]!r} ({segment.kind}/{segment.reason})")
            if line not in wanted and segment.kind == "boilerplate":
                misses.append(f"{doc.id}: body flagged: {segment.text.strip()[:60]!r} ({segment.reason})")
        found = {norm(s.text) for s in doc.segments if s.kind == "boilerplate"}
        misses += [f"{doc.id}: no segment for {w[:60]!r}" for w in wanted - found]
    assert not misses, "\n".join(misses)


def test_segments_partition_every_text(seeds):
    for doc in seeds:
        segments = doc.segments
        assert segments[0].start == 0
        assert segments[-1].end == len(doc.text)
        for before, after in zip(segments, segments[1:]):
            assert before.end == after.start
        assert "".join(s.text for s in segments) == doc.text
        for s in segments:
            assert s.kind in ("metadata", "title", "body", "boilerplate") and s.reason


def test_metadata_header_is_separated(seeds):
    doc = seeds["000_c6fa68117381cad0"]
    assert doc.segments[0].kind == "metadata"
    assert doc.segments[0].text.strip() == "date 2021-01"
    assert doc.segments[1].text.startswith("Comme le rapporte le South China Morning Post")
    assert doc.meta["date"] == "2021-01"
    assert doc.tokens().texts[0] == "Comme"


def test_subheadings_stay_in_body(seeds):
    kinds = {norm(s.text): s.kind for d in seeds for s in d.segments}
    assert kinds[norm("Une stratégie cloud tous azimuts pour Huawei")] == "body"
    assert kinds[norm("Huawei’s Cloud Tech services")] == "body"


def test_token_offsets_index_every_seed(seeds):
    for doc in seeds:
        toks = doc.tokens(include_boilerplate=True)
        assert len(toks) > 200
        for start, end, text in zip(toks.start.tolist(), toks.end.tolist(), toks.texts):
            assert doc.text[start:end] == text and text.strip() == text and text


def test_boilerplate_left_out_of_tokens_by_default(seeds):
    doc = seeds["003_1a2823a79a738a36"]
    default = doc.tokens().texts
    everything = doc.tokens(include_boilerplate=True).texts
    assert "Xiaomi" not in default and "Xiaomi" in everything
    assert len(everything) > len(default)


def test_bundled_dataset_matches_seeds_folder(seeds):
    bundled = nf.datasets.seeds()
    assert bundled.ids == seeds.ids
    assert [d.text for d in bundled] == [d.text for d in seeds]


def test_sentences_of_seeds(seeds):
    sentences = seeds["001_28b3dad1addf0cd4"].sentences()
    assert sentences[0] == "In 2021, Huawei will focus on cloud computing"
    assert sentences[1].startswith("As reported by the South China Morning Post") and sentences[1].endswith("in 2021.")
    fr = seeds["000_c6fa68117381cad0"].sentences()
    assert any(s.startswith("En France, une loi « anti-Huawei » a été votée") for s in fr)
    assert all(not s.startswith("»") for s in fr)
