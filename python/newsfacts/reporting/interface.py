"""The report's own words in English and French: headings, column names and messages. The
language of the corpus picks them (``lang="auto"``: the language most of its articles are in).

>>> Words("fr")("articles_n", n=3)
'3 articles'
>>> Words("en")("section_quotes")
'3. Who said what'
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

LANGS = ("en", "fr")

#: key -> (English, French). Placeholders in braces are filled by ``Words.__call__``.
TEXT: dict[str, tuple[str, str]] = {
    "section_corpus": ("1. The corpus", "1. Le corpus"),
    "section_who": ("2. Who is in the news", "2. Qui fait l'actualité"),
    "section_quotes": ("3. Who said what", "3. Qui a dit quoi"),
    "section_numbers": ("4. The numbers", "4. Les chiffres"),
    "section_when": ("5. When", "5. Quand"),
    "section_sources": ("6. Sources cited", "6. Sources citées"),
    "section_terms": ("7. Terms", "7. Termes"),
    "section_stories": ("8. Same story", "8. Même sujet"),
    "section_articles": ("The articles", "Les articles"),
    "made_by": ("Made by newsfacts {version}. Click a table header to sort; hover a link for the sentence it points to; "
                "click a grey line to open the rest.",
                "Produit par newsfacts {version}. Cliquez un en-tête de tableau pour trier ; survolez un lien pour voir "
                "la phrase citée ; cliquez une ligne grise pour ouvrir la suite."),
    "articles_n": ("{n} articles", "{n} articles"),
    "article_1": ("1 article", "1 article"),
    "show_all": ("All {n}: {what}", "Les {n} : {what}"),
    "more_rows": ("{n} more rows not shown; every fact is in <code>newsfacts facts PATH -o facts.jsonl</code>.",
                  "{n} lignes de plus non affichées ; tous les faits sont dans <code>newsfacts facts PATH -o facts.jsonl</code>."),
    # corpus
    "empty_corpus": ("The corpus is empty: no article was read, so there is nothing to report.",
                     "Le corpus est vide : aucun article n'a été lu, il n'y a rien à présenter."),
    "in_lang": ("{n} in {lang}", "{n} en {lang}"),
    "lang_en": ("English", "anglais"), "lang_fr": ("French", "français"),
    "dated": ("{n} dated, from {first} to {last}", "{n} datés, du {first} au {last}"),
    "undated": ("none has a date", "aucun n'est daté"),
    "outlets": ("outlets", "médias"),
    "no_outlet": ("no outlet named", "aucun média nommé"),
    "corpus_summary": ("{articles} ({langs}); {dated}; {outlets_word}: {outlets}. Boilerplate (share buttons, comments, "
                       "credits, related links) is {share} of the text and is left out of the facts below. {facts} facts in all.",
                       "{articles} ({langs}) ; {dated} ; {outlets_word} : {outlets}. Le bruit de page (partage, commentaires, "
                       "crédits, liens connexes) fait {share} du texte et n'entre pas dans les faits ci-dessous. {facts} faits en tout."),
    "the_articles": ("the articles, their dates, outlets and facts", "les articles, leurs dates, médias et faits"),
    "col_article": ("article", "article"), "col_lang": ("lang", "langue"), "col_date": ("date", "date"),
    "col_title": ("title", "titre"), "col_outlet": ("outlet", "média"), "col_characters": ("characters", "caractères"),
    "col_boilerplate": ("boilerplate", "bruit de page"), "col_facts": ("facts", "faits"),
    # who
    "no_entities": ("No people, organisations or places were found in these articles.",
                    "Aucune personne, organisation ni lieu n'a été trouvé dans ces articles."),
    "kind_person": ("people", "personnes"), "kind_organization": ("organisations", "organisations"), "kind_place": ("places", "lieux"),
    "articles_mentioning": ("{kind}: articles mentioning", "{kind} : articles qui en parlent"),
    "heat_map": ("mentions per article of the most named entities", "mentions par article des entités les plus citées"),
    "entities": ("Entities", "Entités"),
    "all_entities": ("every entity with its mentions", "toutes les entités et leurs mentions"),
    "col_kind": ("kind", "type"), "col_name": ("name", "nom"), "col_mentions": ("mentions", "mentions"),
    "col_articles": ("articles", "articles"), "col_first": ("first mention", "première mention"),
    "together": ("Who appears with whom (same sentence)", "Qui apparaît avec qui (même phrase)"),
    "all_pairs": ("every pair named in one sentence", "toutes les paires nommées dans une phrase"),
    "col_entity": ("entity", "entité"), "col_sentences_together": ("sentences together", "phrases communes"),
    "col_sentence": ("sentence", "phrase"), "first_word": ("first", "première"), "in_article": ("in", "dans"),
    "no_pairs": ("No two entities share a sentence.", "Aucune paire d'entités ne partage une phrase."),
    # quotes
    "no_quotes": ("No quotes were found in these articles.", "Aucune citation n'a été trouvée dans ces articles."),
    "quotes_summary": ("{n} quotes (speech and writing) by {speakers} speakers; {direct} direct, {partial} partial, "
                       "{reported} reported; {anonymous} from anonymous sources.",
                       "{n} citations (paroles et écrits) de {speakers} locuteurs ; {direct} directes, {partial} partielles, "
                       "{reported} au discours indirect ; {anonymous} de sources anonymes."),
    "speakers": ("Speakers", "Locuteurs"),
    "col_speaker": ("speaker", "locuteur"), "col_quotes": ("quotes", "citations"), "col_direct": ("direct", "directes"),
    "col_partial": ("partial", "partielles"), "col_reported": ("reported", "indirectes"), "col_example": ("for example", "par exemple"),
    "col_quote": ("quote", "citation"), "col_mode": ("kind", "forme"), "col_cue": ("cue", "verbe"),
    "all_speakers": ("every speaker", "tous les locuteurs"),
    "all_quotes": ("every quote, by speaker", "toutes les citations, par locuteur"),
    "unknown": ("unknown", "inconnu"), "anonymous": ("anonymous", "anonyme"),
    "mode_direct": ("direct", "directe"), "mode_partial": ("partial", "partielle"), "mode_reported": ("reported", "indirecte"),
    # numbers
    "no_numbers": ("No numbers (quantities, percentages, money) were found in these articles.",
                   "Aucun chiffre (quantités, pourcentages, sommes) n'a été trouvé dans ces articles."),
    "claims_check": ("Claims check", "Vérification des chiffres"),
    "claims_intro": ("Numbers that different articles give about the same entity, in the same unit and for the same measure "
                     "(and the same year when the sentence names one), side by side.",
                     "Les chiffres que plusieurs articles donnent sur la même entité, dans la même unité et pour la même "
                     "mesure (et la même année quand la phrase en nomme une), côte à côte."),
    "col_subject": ("subject", "sujet"), "col_unit": ("unit", "unité"), "col_measure": ("measure", "mesure"),
    "col_says": ("what each article says", "ce que dit chaque article"), "col_check": ("check", "vérification"),
    "agree": ("agree", "concordent"), "disagree": ("⚠ disagree", "⚠ divergent"),
    "why_agree": ("same subject, same measure: {values} can all be true", "même sujet, même mesure : {values} peuvent être vrais ensemble"),
    "why_disagree": ("same subject, same measure: {values}", "même sujet, même mesure : {values}"),
    "no_claims": ("No entity gets numbers for one measure in one unit from two different articles, so there is nothing to compare.",
                  "Aucune entité n'a de chiffres pour une même mesure et une même unité venant de deux articles : rien à comparer."),
    "not_comparable": ("Numbers from several articles that are not compared (other units or measures): {items}.",
                       "Chiffres venant de plusieurs articles mais non comparés (autres unités ou mesures) : {items}."),
    "numbers_top": ("Subjects with the most numbers", "Sujets qui ont le plus de chiffres"),
    "col_numbers": ("numbers", "chiffres"), "col_number": ("number", "chiffre"), "col_value": ("value", "valeur"),
    "col_qualifier": ("qualifier", "précision"),
    "all_numbers": ("every number, one sortable table", "tous les chiffres, un tableau triable"),
    "q_more": ("more than", "plus de"), "q_less": ("less than", "moins de"), "q_about": ("about", "environ"), "q_exact": ("exactly", "exactement"),
    "no_subject": ("(no subject)", "(sans sujet)"),
    # when
    "no_dates": ("No dated events: the articles mention no date that can be placed on a calendar.",
                 "Aucun événement daté : les articles ne citent aucune date que l'on puisse placer sur un calendrier."),
    "when_intro": ("The dates the articles talk about (resolved against each article's date), counted by {period}.",
                   "Les dates dont parlent les articles (lues par rapport à la date de chaque article), comptées par {period}."),
    "when_chart": ("by {period}", "par {period}"),
    "period_year": ("year", "année"), "period_month": ("month", "mois"), "period_day": ("day", "jour"),
    "mentioned": ("dates mentioned", "dates citées"), "published": ("articles published", "articles publiés"),
    "no_publication": ("The articles carry no publication date.", "Les articles ne portent pas de date de publication."),
    "outliers": ("Far from the others (not drawn): {items}.", "Loin des autres (hors du graphique) : {items}."),
    "coarse": ("{n} mentions name only a year or a season and are not in this {period} chart.",
               "{n} mentions ne donnent qu'une année ou une saison et ne sont pas dans ce graphique par {period}."),
    "top_dates": ("Most mentioned dates", "Dates les plus citées"),
    "all_dates": ("every dated mention", "toutes les mentions datées"),
    "col_as_written": ("as written", "tel qu'écrit"), "col_times": ("times", "fois"),
    # sources
    "no_sources": ("The articles cite no outlet, report or press release.",
                   "Les articles ne citent aucun média, rapport ni communiqué."),
    "col_source": ("source", "source"), "col_type": ("type", "type"), "col_citations": ("citations", "citations"),
    "all_sources": ("every source cited", "toutes les sources citées"),
    "aliases": ("Names read as one", "Noms lus comme un seul"),
    "col_short": ("short form", "forme courte"), "col_stands_for": ("stands for", "désigne"),
    # terms
    "no_terms": ("No terms: the articles hold no words once stop words are removed.",
                 "Aucun terme : les articles n'ont plus de mots une fois les mots vides retirés."),
    "corpus_tfidf": ("corpus: summed TF-IDF", "corpus : TF-IDF cumulé"),
    "terms_note": ("Numbers and month names are left out.", "Les nombres et les noms de mois sont laissés de côté."),
    "terms_per_article": ("top terms of each article", "les termes principaux de chaque article"),
    "col_terms": ("top TF-IDF terms", "principaux termes TF-IDF"),
    # stories
    "pairing_needs_two": ("Pairing needs at least two articles.", "Il faut au moins deux articles pour les apparier."),
    "no_stories": ("No two articles share enough facts to tell the same story.",
                   "Aucune paire d'articles ne partage assez de faits pour traiter du même sujet."),
    "stories_intro": ("Scored from the facts two articles share (names, numbers, dates, acronyms, sources; rarer ones weigh "
                      "more), across languages, and from their terms when both are in one language.",
                      "Note tirée des faits que deux articles partagent (noms, chiffres, dates, sigles, sources ; les plus rares "
                      "pèsent plus), d'une langue à l'autre, et de leurs termes quand ils sont dans la même langue."),
    "same_story": ("same story", "même sujet"), "related": ("related", "proches"),
    "all_stories": ("every pair scored", "toutes les paires notées"),
    "col_languages": ("languages", "langues"), "col_verdict": ("verdict", "verdict"), "col_score": ("score", "note"),
    "col_terms_score": ("terms", "termes"), "col_shared": ("shared facts", "faits communs"),
    # articles
    "no_articles": ("No articles.", "Aucun article."),
    "not_shown": ("{n} more articles are not shown in full.", "{n} articles de plus ne sont pas affichés en entier."),
    "every_article": ("every article with its facts highlighted", "chaque article, ses faits surlignés"),
    "no_date": ("no date", "sans date"),
}


class Words:
    """The report's words in one language (``en`` or ``fr``)."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGS:
            raise ValueError(f"lang={lang!r}; expected one of {LANGS}")
        self.lang = lang
        self._column = LANGS.index(lang)

    def __call__(self, key: str, **values: object) -> str:
        text = TEXT[key][self._column]
        return text.format(**values) if values else text


def corpus_language(langs: Iterable[str]) -> str:
    """The interface language of a corpus: French when most articles are French, else English."""
    counts = Counter(lang for lang in langs if lang in LANGS)
    return "fr" if counts["fr"] > counts["en"] else "en"
