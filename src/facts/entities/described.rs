//! What the words around a name say of its kind: "Parmalat, the Italian dairy company" and
//! "the airline Ryanair" name companies, whatever the tagger read; "le ministre de
//! l'Intérieur" names a portfolio, no body. Applied to the joined names (`tagged.rs`).

use super::Document;
use crate::facts::{Fact, FactKind};
use crate::lexicons::entity_words::WORK_NOUNS;
use crate::lexicons::quote_words::COMPANY_NOUNS;
use crate::tokenize::TokenKind;
use rustc_hash::FxHashSet as HashSet;

/// "le ministre de l'Intérieur", "la ministre des Affaires sociales", "la secrétaire d'État":
/// a capitalised name at byte `start` after "ministre de" is a minister's portfolio, part of
/// a role, not a body (the body is "le ministère de l'Intérieur", which the rules name whole).
pub(super) fn portfolio(doc: &Document, start: usize) -> bool {
    let ctx = doc.ctx;
    let mut k = ctx.token_at(start);
    if k > 0 && matches!(ctx.word(k - 1), "l'" | "la") {
        k -= 1;
    }
    let minister = k >= 2 && matches!(ctx.word(k - 1), "de" | "du" | "des" | "d'") && matches!(ctx.word(k - 2), "ministre" | "ministres");
    // "le secrétaire d'État (à la Santé)": a rank of minister.
    let secretary = k >= 2 && ctx.word(k - 1) == "d'" && matches!(ctx.word(k - 2), "secrétaire" | "secrétaires") && matches!(ctx.word(k), "état" | "etat");
    (minister || secretary) && ctx.same_sentence(k - 2, k)
}

/// "Parmalat, the Italian dairy company", "the airline Ryanair", "le constructeur Renault":
/// a name the article describes as a company is one, wherever it is written; the tagger
/// takes an unknown one-word company for a person or a place ("shares in Vantrell").
pub(super) fn described_companies(doc: &Document, names: &mut [Fact]) {
    let ctx = doc.ctx;
    let is_described: Vec<bool> =
        names.iter().map(|f| company_noun_before(doc, ctx.token_at(f.start)) || company_apposition(doc, ctx.token_at(f.end - 1))).collect();
    let described: HashSet<String> = names.iter().zip(&is_described).filter(|(_, &d)| d).filter_map(|(f, _)| f.value.as_str().map(str::to_string)).collect();
    // Every mention the tagger took for a person; a place only where it is described, since
    // the company may be named after it ("the activist group Raqqa is Being Slaughtered
    // Silently" says nothing of Raqqa elsewhere).
    for (fact, &here) in names.iter_mut().zip(&is_described) {
        let person = fact.kind == FactKind::Person && fact.value.as_str().is_some_and(|v| described.contains(v));
        if person || fact.kind == FactKind::Place && here {
            fact.kind = FactKind::Organization;
        }
    }
}

/// "the film Skyfall", "his novel Atonement", "la série « Engrenages »": a name right after a
/// noun of a work, with its determiner, is the work's title, which names no person, company
/// or place. The title names the work wherever the article writes it alone again ("Skyfall
/// has earned…"), unless it is a place (a film called "Chicago" says nothing of the city
/// elsewhere) or a longer name's short form ("Ray" for Ray Charles).
pub(super) fn drop_titles_of_works(doc: &Document, names: &mut Vec<Fact>) {
    let ctx = doc.ctx;
    let text = |f: &Fact| &ctx.text[f.start..f.end];
    let introduced: Vec<bool> = names.iter().map(|f| work_noun_before(doc, ctx.token_at(f.start), ctx.token_at(f.end - 1))).collect();
    let titles: HashSet<&str> = names.iter().zip(&introduced).filter(|(_, &w)| w).map(|(f, _)| text(f)).collect();
    if titles.is_empty() {
        return;
    }
    let is_title = |f: &Fact| f.kind != FactKind::Place && titles.contains(text(f)) && f.value.as_str() == Some(text(f));
    let keep: Vec<bool> = names.iter().zip(&introduced).map(|(f, &here)| !here && !is_title(f)).collect();
    let mut kept = keep.iter();
    names.retain(|_| *kept.next().unwrap_or(&true));
}

/// A work noun with a determiner before a name at tokens `first..=last`, an opening quote
/// mark between them allowed: "the film Skyfall", "the new film Skyfall", "le film «
/// Skyfall »", "son roman". Not the subject of the clause after "In the book": "In the book
/// Menzies argues…".
fn work_noun_before(doc: &Document, first: usize, last: usize) -> bool {
    let ctx = doc.ctx;
    let quote = first > 0 && matches!(ctx.word(first - 1), "«" | "\"" | "“" | "'" | "‘");
    let Some(noun) = first.checked_sub(1 + usize::from(quote)) else { return false };
    if !ctx.same_sentence(noun, first) || ctx.capitalised(noun) || !WORK_NOUNS.contains(ctx.word(noun)) {
        return false;
    }
    // The determiner, past up to two lowercase modifiers ("the new", "le dernier").
    let determiner = |k: usize| {
        matches!(ctx.word(k), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "le" | "la" | "l'" | "les" | "un" | "une" | "son" | "sa" | "leur")
    };
    let modifier = |k: usize| ctx.kind(k) == TokenKind::Word && !ctx.capitalised(k);
    let back = (noun.saturating_sub(3)..noun).rev().take_while(|&k| ctx.same_sentence(k, noun)).find(|&k| determiner(k) || !modifier(k));
    let Some(determiner_at) = back.filter(|&k| determiner(k)) else { return false };
    let inside = determiner_at > 0 && matches!(ctx.word(determiner_at - 1), "in" | "dans");
    let verb_after = ctx.same_sentence(last, last + 1) && modifier(last + 1) && !doc.is_stop(last + 1);
    !(inside && verb_after)
}

/// A lowercase company noun right before token `first`: "the airline Ryanair".
fn company_noun_before(doc: &Document, first: usize) -> bool {
    let ctx = doc.ctx;
    first > 0 && ctx.same_sentence(first - 1, first) && !ctx.capitalised(first - 1) && COMPANY_NOUNS.contains(ctx.word(first - 1))
}

/// ", the Italian dairy company", ", un groupe": an apposition after token `last` whose head is a
/// company noun, with only modifiers before it (not "a lawyer at the firm", "the company's
/// chairman", nor "…, the company said").
fn company_apposition(doc: &Document, last: usize) -> bool {
    let ctx = doc.ctx;
    let article = last + 2;
    if ctx.word(last + 1) != "," || !matches!(ctx.word(article), "the" | "a" | "an" | "le" | "la" | "l'" | "un" | "une") {
        return false;
    }
    // The stop lists hold some company nouns ("group").
    let company_noun = |k: usize| COMPANY_NOUNS.contains(ctx.word(k));
    let modifier = |k: usize| ctx.kind(k) == TokenKind::Word && (!doc.is_stop(k) || company_noun(k));
    let Some(noun) = (article + 1..(article + 5).min(ctx.len())).take_while(|&k| ctx.same_sentence(last, k) && modifier(k)).find(|&k| company_noun(k)) else {
        return false;
    };
    // The apposition ends at the noun ("…, a venture capital firm, would", "…company which
    // went bust", "…company in the world"); a verb there means the noun opened a new clause
    // ("In Argentina, the firm sued", "…operate Lieberman, the company said").
    let next = ctx.word(noun + 1);
    let ends = !ctx.same_sentence(noun, noun + 1)
        || ctx.kind(noun + 1) == TokenKind::Punct && !matches!(next, "'s" | "’s")
        || matches!(next, "which" | "who" | "that" | "qui" | "dont" | "in" | "of" | "from" | "de" | "du" | "des" | "en");
    !ctx.capitalised(noun) && ends
}

#[cfg(test)]
mod tests {
    use super::super::tagged::tests::{kind_of, names};

    #[test]
    fn a_name_described_as_a_company_is_one_wherever_it_is_written() {
        let got = names("Shares rose after Harlan Beck, the Danish software company, cut 300 jobs on Monday.");
        assert_eq!(kind_of(&got, "Harlan Beck"), Some("organization"));
        let got = names("Shares in the carmaker Vantrell rose on Monday. Vantrell said sales grew by a third.");
        let kinds: Vec<&str> = got.iter().filter(|(t, ..)| t == "Vantrell").map(|(_, kind, ..)| *kind).collect();
        assert_eq!(kinds, ["organization", "organization"]);
        let got = names("Investors cheered as Marten Lind, a Swedish engineering group, won a contract.");
        assert_eq!(kind_of(&got, "Marten Lind"), Some("organization"));
        // A person stays one: "a lawyer at the firm" is no company.
        assert_eq!(kind_of(&names("Shares rose after Harlan Beck, a lawyer at the firm, spoke on Monday."), "Harlan Beck"), Some("person"));
        // A company noun that opens the next clause describes nothing.
        let got = names("Present management is expected to continue to operate Marston, the company said.");
        assert_ne!(kind_of(&got, "Marston"), Some("organization"));
    }

    #[test]
    fn a_french_ministers_portfolio_is_no_organisation() {
        let got = names("Le ministre de l'Intérieur, Paul Girard, a visité la caserne de Lyon mardi.");
        assert_eq!(kind_of(&got, "Intérieur"), None);
        assert_eq!(kind_of(&got, "Paul Girard"), Some("person"));
        let got = names("Le secrétaire d'Etat aux Transports, Paul Girard, a visité le chantier mardi.");
        assert_eq!(kind_of(&got, "Etat aux Transports"), None);
        // The ministry itself is one.
        let got = names("Le ministère de l'Intérieur a publié les chiffres de la délinquance mardi.");
        assert_eq!(kind_of(&got, "ministère de l'Intérieur"), Some("organization"));
    }

    #[test]
    fn the_title_of_a_work_names_no_one() {
        // The title where the work noun introduces it, and where it comes back alone.
        let got = names("Critics praised the new film Martin Vale on Monday. Martin Vale opens in Paris in May, said Anna Kreis.");
        assert_eq!(kind_of(&got, "Martin Vale"), None, "{got:?}");
        assert_eq!(kind_of(&got, "Anna Kreis"), Some("person"));
        let got = names("Le public avait découvert le comédien dans la série Julie Morel, diffusée sur France 2.");
        assert_eq!(kind_of(&got, "Julie Morel"), None, "{got:?}");
        // After "In the book", the name may be the subject of the clause.
        let got = names("In the book Gavin Marsh argues that the maps were copied.");
        assert_eq!(kind_of(&got, "Gavin Marsh"), Some("person"), "{got:?}");
        // A place keeps its name elsewhere.
        let got = names("She starred in the film Chicago in 2002. Chicago has a new mayor, said Anna Kreis.");
        assert_eq!(got.iter().filter(|(t, ..)| t == "Chicago").count(), 1, "{got:?}");
    }
}
