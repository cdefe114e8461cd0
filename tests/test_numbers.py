"""Numbers as a reader reads them: the separators of the article's language, and numbers in
words in both languages, checked against num2words (the oracle spells a number, newsfacts
must read it back)."""

import random

import pytest

import newsfacts as nf

num2words = pytest.importorskip("num2words").num2words


def quantities(text, lang):
    return [(f["text"], f["value"], f["attrs"].get("unit"), f["attrs"].get("currency")) for f in nf.extract(text, lang=lang).kinds("quantity", "money")]


def values(text, lang):
    return [value for _, value, _, _ in quantities(text, lang)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_numbers_in_words_read_back_what_num2words_spells(lang):
    rng = random.Random(20261201)
    numbers = [2, 11, 16, 17, 21, 31, 71, 77, 80, 81, 91, 99, 100, 101, 110, 200, 340, 999, 1000, 1999, 2024, 70000, 1_500_000]
    numbers += [rng.randrange(2, 10_000_000) for _ in range(300)]
    noun = {"en": "people", "fr": "personnes"}[lang]
    wrong = []
    for n in numbers:
        # News write no commas inside a number in words ("one thousand, nine hundred").
        words = num2words(n, lang=lang).replace(",", "")
        got = values(f"Selon la mairie, {words} {noun} sont venues." if lang == "fr" else f"Officials said {words} {noun} came.", lang)
        if got != [float(n)]:
            wrong.append((n, words, got))
    assert not wrong, wrong[:10]


def test_separators_follow_the_language_of_the_article():
    assert values("La cuve contient 1,500 kg de sel.", "fr") == [1.5]
    assert values("La ville compte 12 500 habitants.", "fr") == [12500.0]
    assert values("The tank holds 1,500 kg of salt.", "en") == [1500.0]
    assert values("The tank holds 1.5 kg of salt.", "en") == [1.5]
    assert values("Le budget atteint 1,5 milliard d'euros.", "fr") == [1.5e9]
    assert values("The budget reached 2.5 million dollars.", "en") == [2.5e6]


def test_a_french_count_in_several_words_is_one_duration():
    facts = nf.extract("Il y a vingt et un ans, le pont a été inauguré.", lang="fr", date="2024-05-01")
    dates = [(f["kind"], f["text"], f["value"]) for f in facts if f["kind"] in ("date", "duration")]
    assert dates == [("date", "Il y a vingt et un ans", "2003")]


def test_a_duration_is_not_also_a_quantity_and_a_subject_is_no_date():
    facts = nf.extract("The strike lasted nine months. On Friday, 300 dockers walked out at Rotterdam.", lang="en", date="2024-05-03")
    kinds = [(f["kind"], f["text"]) for f in facts if f["kind"] in ("duration", "quantity")]
    assert kinds == [("duration", "nine months"), ("quantity", "300 dockers")]
    dockers = facts.kinds("quantity")[0]
    assert dockers["attrs"]["subject"] != "Friday"
    french = nf.extract("La grève a duré huit jours.", lang="fr", date="2024-05-03")
    assert [f["kind"] for f in french if f["text"] == "huit jours"] == ["duration"]


def test_current_is_a_date_only_inside_a_date_phrase():
    facts = nf.extract("The current account deficit widened in the current quarter.", lang="en", date="2024-05-03")
    assert [(f["text"], f["value"]) for f in facts.kinds("date")] == [("the current quarter", "2024-Q2")]


def test_money_whose_currency_name_is_shared():
    money = nf.extract("La commune a touché 40 millions de francs.", lang="fr").kinds("money")[0]
    assert money["attrs"]["currency"] is None
    assert {"CHF", "XOF"} <= set(money["attrs"]["currency_candidates"])
    swiss = nf.extract("La banque a prêté 40 millions de francs suisses.", lang="fr").kinds("money")[0]
    assert swiss["attrs"]["currency"] == "CHF" and "currency_candidates" not in swiss["attrs"]
    assert not nf.extract("Elle a publié 5 livres de cuisine.", lang="fr").kinds("money")


def test_a_subject_is_the_entity_before_the_number_not_a_word_of_money():
    jets = nf.extract("Airbus sold 40 jets to Qantas.", lang="en").kinds("quantity")[0]
    assert jets["attrs"]["subject"] == "Airbus"
    prize = nf.extract("Organisers said the prize is worth 3m Euros (£2.5m) this year.", lang="en").kinds("money")
    assert all(m["attrs"]["subject"] != "Euros" for m in prize)
