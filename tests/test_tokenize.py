"""Tokens, offsets, kinds, sentences and normal forms on real and hand-made text."""

import numpy as np
import pytest

import newsfacts as nf


def pairs(text, lang):
    toks = nf.tokenize(text, lang=lang)
    return list(zip(toks.texts, toks.kinds))


def test_french_elisions_numbers_and_percent():
    assert pairs("L’entreprise détient plus de 40 % du marché.", "fr") == [
        ("L’", "elision"), ("entreprise", "word"), ("détient", "word"), ("plus", "word"), ("de", "word"),
        ("40 %", "percent"), ("du", "word"), ("marché", "word"), (".", "punct"),
    ]
    assert nf.tokenize("l'entreprise qu’il jusqu’alors aujourd’hui", lang="fr").texts == [
        "l'", "entreprise", "qu’", "il", "jusqu’", "alors", "aujourd’hui"
    ]


@pytest.mark.parametrize("text, expected", [
    ("16\u00a0%", ["16\u00a0%"]),
    ("16\u202f%", ["16\u202f%"]),
    ("40%", ["40%"]),
    ("1,5 milliard", ["1,5", "milliard"]),
    ("12 000 emplois", ["12 000", "emplois"]),
    ("12\u202f000 emplois", ["12\u202f000", "emplois"]),
    ("anti-Huawei gagnant-gagnant Covid-19", ["anti-Huawei", "gagnant-gagnant", "Covid-19"]),
])
def test_french_forms(text, expected):
    assert nf.tokenize(text, lang="fr").texts == expected


def test_english_numbers_and_abbreviations():
    toks = nf.tokenize("The U.S. firm sold 12,000 units (1.5% more) in Q2 2020, Dr. Smith said.", lang="en")
    assert toks.texts == [
        "The", "U.S.", "firm", "sold", "12,000", "units", "(", "1.5%", "more", ")", "in", "Q2", "2020", ",",
        "Dr.", "Smith", "said", ".",
    ]
    assert len(set(toks.sentence.tolist())) == 1


def test_offsets_are_code_points_on_non_ascii_emoji_and_crlf():
    text = "Émoji 👍🏽 ok.\r\nL’été « chaud » à 35\u202f°C… 🇫🇷 Fin.\r\n𝔘𝔫𝔦𝔠𝔬𝔡𝔢 e\u0301te\u0301"
    toks = nf.tokenize(text, lang="fr")
    for start, end, token in zip(toks.start.tolist(), toks.end.tolist(), toks.texts):
        assert text[start:end] == token
    assert "👍🏽" in toks.texts and "🇫🇷" in toks.texts
    assert "e\u0301te\u0301" in toks.texts  # combining accents stay in their word
    # Signed (differences may go negative), int32 unless an article passes 2**31 code points.
    assert toks.start.dtype == np.int32 and toks.end.dtype == np.int32


def test_sentences_with_quotes_and_ellipses():
    text = "Il a dit : « Nous gagnerons. » Puis il est parti… Le lendemain, M. Dupont est revenu ! Fin"
    assert nf.tokenize(text, lang="fr").sentences() == [
        "Il a dit : « Nous gagnerons. »",
        "Puis il est parti…",
        "Le lendemain, M. Dupont est revenu !",
        "Fin",
    ]
    english = "“We will win.” He left... Then the U.S. team came back? Yes etc. Done."
    assert nf.tokenize(english, lang="en").sentences() == [
        "“We will win.”", "He left...", "Then the U.S. team came back?", "Yes etc.", "Done.",
    ]


def test_urls_emails_hashtags():
    toks = nf.tokenize("Read https://www.lemonde.fr/x.html, write to redaction@example.fr #Huawei @SCMPNews", lang="fr")
    assert list(zip(toks.texts, toks.kinds))[1:] == [
        ("https://www.lemonde.fr/x.html", "url"), (",", "punct"), ("write", "word"), ("to", "word"),
        ("redaction@example.fr", "email"), ("#Huawei", "hashtag"), ("@SCMPNews", "mention"),
    ]


def test_forms_lowercase_accents_stems():
    toks = nf.tokenize("Les Élections de l’État", lang="fr")
    assert toks.forms() == ["les", "élections", "de", "l'", "état"]
    assert toks.forms(fold_accents=True) == ["les", "elections", "de", "l'", "etat"]
    assert toks.forms(stem=True)[1] == "élect"
    assert nf.tokenize("Running companies", lang="en").forms(stem=True) == ["run", "compani"]


def test_stop_words_are_well_kept_lists():
    fr, en = nf.stop_words("fr"), nf.stop_words("en")
    assert {"le", "la", "les", "de", "et"} <= fr and {"the", "of", "and"} <= en
    assert "huawei" not in fr | en
    with pytest.raises(nf.ParameterError):
        nf.stop_words("de")


def test_where_and_to_pandas():
    toks = nf.tokenize("Alibaba détient 40 % du marché.", lang="fr")
    assert [t for t, keep in zip(toks.texts, toks.where("percent")) if keep] == ["40 %"]
    frame = toks.to_pandas()
    assert list(frame["text"]) == toks.texts and str(frame["kind"].iloc[2]) == "percent"
    assert "<table" in toks._repr_html_()


def test_corpus_tokens_agree_with_documents(seeds):
    all_toks = seeds.tokens()
    per_doc = [doc.tokens() for doc in seeds]
    assert len(all_toks) == sum(len(t) for t in per_doc)
    for position, toks in enumerate(per_doc):
        mask = all_toks.doc == position
        assert np.array_equal(all_toks.start[mask], toks.start)
        assert np.array_equal(all_toks.sentence[mask], toks.sentence)


def test_corpus_forms_agree_with_documents_in_each_language(news_en):
    from conftest import ROOT

    # English and French articles interleaved: stems come from each document's own language.
    french = nf.read(ROOT / "tests" / "data" / "news_fr_sample.jsonl")
    texts = [d.text for pair in zip(news_en[:6], french[:6]) for d in pair]
    corpus = nf.read(texts)
    assert [d.lang for d in corpus] == ["en", "fr"] * 6
    for options in ({}, {"fold_accents": True, "stem": True}):
        expected = [form for doc in corpus for form in doc.tokens().forms(**options)]
        assert corpus.tokens().forms(**options) == expected


def test_same_tokens_whatever_the_thread_count(news_en):
    one = news_en.tokens(n_jobs=1)
    two = news_en.tokens(n_jobs=2)
    for column in ("start", "end", "kind", "sentence", "doc", "segment"):
        assert np.array_equal(getattr(one, column), getattr(two, column))


def test_text_without_punctuation_and_huge_text():
    words = " ".join(["mot"] * 200_000)
    toks = nf.tokenize(words, lang="fr")
    assert len(toks) == 200_000 and len(set(toks.sentence.tolist())) == 1
    assert len(nf.tokenize("", lang="fr")) == 0
    assert nf.tokenize("   \n\n  ", lang="en").sentences() == []
