"""Facts on the seeds against the acceptance spec (the kinds extracted so far), and on hand-made text."""

import json
import subprocess
import sys
import unicodedata

import pytest

import newsfacts as nf

IMPLEMENTED = ("dates", "quantities", "sources", "acronyms", "quotes", "people", "organizations", "places")


def norm(text):
    return " ".join(unicodedata.normalize("NFKC", str(text)).replace("’", "'").casefold().split())


def found(facts, kind, text, value=None):
    """A fact of `kind` whose text lies inside the spec's `text`, with `value` if given."""
    for fact in facts:
        if fact["kind"] == kind and norm(fact["text"]) in norm(text):
            if value is None or fact["value"] == value:
                return fact
    return None


def test_seed_spec_for_the_kinds_extracted(seeds, spec):
    misses = []
    for file_name, expected in spec.items():
        doc = seeds[file_name.removesuffix(".txt")]
        facts = doc.facts().records()
        for item in expected.get("dates", {}).get("required", []):
            if not found(facts, "date", item["text"], item["value"]):
                misses.append(f"{doc.id}: date {item['text']!r} = {item['value']}")
        for trap in expected.get("dates", {}).get("must_not", []) + expected.get("dates", {}).get("must_not_in_body", []):
            if any(f["kind"] == "date" and norm(trap) in norm(f["text"]) for f in facts):
                misses.append(f"{doc.id}: trap {trap!r} came out as a date")
        for item in expected.get("quantities", {}).get("required", []):
            fact = found(facts, "quantity", item["text"], float(item["value"])) or found(facts, "duration", item["text"])
            if fact is None:
                misses.append(f"{doc.id}: quantity {item['text']!r}")
                continue
            for key in ("unit", "qualifier", "subject", "measure"):
                if key in item and fact["kind"] == "quantity" and norm(fact["attrs"].get(key)) != norm(item[key]):
                    misses.append(f"{doc.id}: {item['text']!r} {key} {fact['attrs'].get(key)!r} != {item[key]!r}")
        for trap in expected.get("quantities", {}).get("must_not", []):
            core = trap.split(" is ")[0]
            if any(f["kind"] in ("quantity", "money") and norm(core) in norm(f["text"]) for f in facts):
                misses.append(f"{doc.id}: trap {trap!r} came out as a quantity")
        for item in expected.get("sources", {}).get("required", []):
            if not any(f["kind"] == "source" and norm(f["value"]) == norm(item["name"]) for f in facts):
                misses.append(f"{doc.id}: source {item['name']!r}")
        for item in expected.get("quotes", {}).get("required", []):
            hits = [f for f in facts if f["kind"] == "quote" and norm(f["text"]).startswith(norm(item["content_starts"]))]
            if not hits:
                misses.append(f"{doc.id}: quote {item['content_starts']!r}")
            elif norm(hits[0]["attrs"].get("speaker")) != norm(item["speaker"]):
                misses.append(f"{doc.id}: quote {item['content_starts']!r} speaker {hits[0]['attrs'].get('speaker')!r} != {item['speaker']!r}")
            elif hits[0]["attrs"]["mode"] != item["kind"] and not (item["kind"] == "reported" and hits[0]["attrs"]["mode"] == "reported"):
                misses.append(f"{doc.id}: quote {item['content_starts']!r} mode {hits[0]['attrs']['mode']} != {item['kind']}")
        if any(f["kind"] == "quote" and norm(f["text"]) in ("anti-huawei", "entity list.") for f in facts):
            misses.append(f"{doc.id}: a scare quote came out as a quote")
        for key, kind in (("people", "person"), ("organizations", "organization"), ("places", "place")):
            names = {norm(f["text"]) for f in facts if f["kind"] == kind} | {norm(f["value"]) for f in facts if f["kind"] == kind}
            misses += [f"{doc.id}: {kind} {name!r}" for name in expected.get(key, {}).get("required", []) if norm(name) not in names]
            misses += [f"{doc.id}: trap {name!r} came out as {kind}" for name in expected.get(key, {}).get("must_not_in_body", []) if norm(name) in names]
        for item in expected.get("acronyms", {}).get("required", []):
            if not any(f["kind"] == "acronym" and f["attrs"]["short"] == item["short"] and norm(f["value"]) == norm(item["long"]) for f in facts):
                misses.append(f"{doc.id}: acronym {item['short']} = {item['long']!r}")
    assert not misses, "\n".join(misses)


def test_seed_spec_for_roles(seeds, spec):
    misses = []
    for file_name, expected in spec.items():
        roles = [f["attrs"] for f in seeds[file_name.removesuffix(".txt")].facts().kinds("role")]
        for item in expected.get("roles", {}).get("required", []):
            wanted = {key: norm(item[key]) for key in ("person", "role", "organization")}
            if not any({key: norm(r[key]) for key in wanted} == wanted for r in roles):
                misses.append(f"{file_name}: {item}")
    assert not misses, "\n".join(misses)


def test_fact_offsets_index_the_text(seeds):
    for doc in seeds:
        for fact in doc.facts(include_boilerplate=True):
            assert doc.text[fact["start"]:fact["end"]] == fact["text"]


def test_boilerplate_facts_are_flagged_and_left_out(seeds):
    doc = seeds["002_0a04c846ff79af20"]  # its image caption "En 2016, Alain Crozier a quitté…" is boilerplate
    default = doc.facts().records()
    everything = doc.facts(include_boilerplate=True).records()
    assert all(f["segment"] in ("body", "title") for f in default)
    caption = [f for f in everything if f["segment"] == "boilerplate"]
    assert ("date", "2016") in [(f["kind"], f["text"]) for f in caption]


def test_extract_one_text_and_bad_arguments():
    facts = nf.extract("In 2019, Huawei employed 194,000 people; last year it earned $122 billion.", lang="en", date="2021-03-01")
    got = {(f["kind"], f["text"]): f["value"] for f in facts}
    assert got[("date", "2019")] == "2019" and got[("date", "last year")] == "2020"
    assert got[("quantity", "194,000 people")] == 194000.0
    assert got[("money", "$122 billion")] == 122e9
    with pytest.raises(nf.ParameterError):
        nf.extract("x", date="yesterday")
    with pytest.raises(nf.InputError):
        nf.extract(None)
    assert len(nf.extract("")) == 0


def test_hostile_text_stays_sane():
    quotes = "« " * 5000 + "Il a dit » « " * 3000
    no_punctuation = " ".join(["mot"] * 100_000) + " en 2021"
    found = nf.extract(quotes, lang="fr").records()
    # At most one quote per pair of marks, each the text between them.
    assert len(found) <= 3000 and all(f["kind"] == "quote" and quotes[f["start"]:f["end"]] == f["text"] for f in found)
    assert [f["value"] for f in nf.extract(no_punctuation, lang="fr")] == ["2021"]


def test_table_outputs(seeds, tmp_path):
    facts = seeds.facts()
    frame = facts.to_pandas()
    assert list(frame.columns[:7]) == ["doc", "kind", "start", "end", "text", "value", "attrs"] and len(frame) == len(facts)
    assert len(facts.kinds("acronym")) == 6
    with pytest.raises(nf.ParameterError):
        facts.kinds("gossip")
    facts.write(tmp_path / "f.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "f.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(facts) and set(lines[0]) >= {"doc", "kind", "start", "end", "text", "value", "attrs"}
    facts.write(tmp_path / "f.csv")
    assert (tmp_path / "f.csv").read_text(encoding="utf-8").startswith("doc,kind,start,end,text,value,attrs")
    with pytest.raises(nf.InputError, match="cannot write"):
        facts.write(tmp_path / "missing" / "f.jsonl")
    # Fact text is escaped in Jupyter's table: a quote that holds markup shows it as text.
    hostile = nf.extract("“<script>alert(1)</script> is what we found,” said Tony Blair.")
    assert any("<script>" in f["text"] for f in hostile)
    html = hostile._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_facts_command(tmp_path):
    from conftest import SEEDS

    out = tmp_path / "facts.jsonl"
    result = subprocess.run([sys.executable, "-m", "newsfacts", "facts", str(SEEDS), "-o", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {"date", "quantity", "source", "acronym"} <= {r["kind"] for r in records}
    assert "facts" in result.stdout


def test_a_long_document_scales_linearly(news_en):
    # Twenty copies of real articles in one document give twenty times the facts of one copy
    # (the rules look at bounded windows; overlapping facts and long documents once made the
    # offset conversion quadratic).
    one = "\n\n".join(doc.text for doc in news_en)

    names = {"person", "organization", "place"}

    def counted(facts, of_names):
        # Names are judged against the whole document (the tagger reads how the rest of the
        # text writes a word; a lone capitalised word is a name when the text repeats it),
        # which twenty copies change: they are compared apart, more loosely.
        return sum((kind in names) == of_names for kind in facts.column("kind"))

    first = nf.extract(one, lang="en", date="2005-06-01")
    many = nf.extract("\n\n".join([one] * 20), lang="en", date="2005-06-01")
    single, single_names = counted(first, False), counted(first, True)
    # (Within 2%: later copies know names from earlier ones, so a few more surnames resolve.)
    assert single > 500 and abs(counted(many, False) - 20 * single) <= 0.02 * 20 * single
    assert single_names > 500 and abs(counted(many, True) - 20 * single_names) <= 0.06 * 20 * single_names
    assert all(f["text"] for f in many.records()[-50:])


def test_numbers_in_a_document_without_sentence_punctuation():
    # A table pasted as one "sentence": every number with its unit is a fact, each found with
    # bounded work (looking back for a number's subject once walked the whole sentence).
    text = "Alibaba 10 20 30 % 5 km/h - 33 % 1996-08-30 " * 20000
    facts = nf.extract(text, lang="en")
    units = [f["attrs"].get("unit") for f in facts if f["kind"] == "quantity"]
    assert units.count("%") == 40000 and units.count("km/h") == 20000
    assert sum(f["kind"] == "date" and f["value"] == "1996-08-30" for f in facts) == 20000


def test_speakers_named_by_their_role_resolve_to_the_person(seeds):
    """"son fondateur" / "its founder" speak for the person the article calls founder."""
    for doc_id, descriptor in (("000_c6fa68117381cad0", "son fondateur"), ("001_28b3dad1addf0cd4", "its founder")):
        quotes = [q for q in seeds[doc_id].facts().kinds("quote") if q["attrs"].get("speaker_descriptor") == descriptor]
        assert quotes and all(q["attrs"]["speaker"] == "Ren Zhengfei" for q in quotes)
        text = seeds[doc_id].text
        assert all(text[q["attrs"]["speaker_start"]:q["attrs"]["speaker_end"]] == descriptor for q in quotes)


def test_quote_speakers_after_an_apposition_and_across_a_paragraph():
    text = ('"A raise to $18 an hour would let me pay the rent on time," Marta Olsen, '
            'who drives a delivery van in Fresno, said Monday.\n\n'
            '"Half the board doubted her, and she set out to show them otherwise," '
            "recalled Tomas Brandt, Acme's former head of communications.")
    quotes = nf.extract(text, lang="en").kinds("quote").records()
    assert [q["attrs"]["speaker"] for q in quotes] == ["Marta Olsen", "Tomas Brandt"]
    assert quotes[0]["rule"] == "quote.direct_speaker_apposition_verb"


def test_indexing_a_table_gives_the_records(news_en):
    facts = news_en.facts()
    records = facts.records()
    assert len(records) > 1000
    for i in (0, 1, len(records) // 2, len(records) - 1, -1, -len(records)):
        assert facts[i] == records[i]
    assert facts[10:15] == records[10:15] and facts[::500] == records[::500]
    with pytest.raises(IndexError):
        facts[len(records)]
    facts[0]["attrs"]["touched"] = True  # records are the caller's to change
    assert "touched" not in facts[0]["attrs"]


def test_indexing_one_fact_decodes_only_that_fact(news_en, monkeypatch):
    from newsfacts._columns import Texts

    facts = news_en.facts()
    decoded = []
    to_list = Texts.to_list
    monkeypatch.setattr(Texts, "to_list", lambda self: decoded.append(len(self.data)) or to_list(self))
    facts.records()
    whole, decoded[:] = sum(decoded), []
    picked = [facts[k * len(facts) // 10] for k in range(10)]
    # Ten facts of some 1,800: a few percent of the text bytes at most, not ten times all of them.
    assert len(facts) > 1000 and len(picked) == 10 and 0 < sum(decoded) < whole / 20
