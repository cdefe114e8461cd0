//! The tagger from the user's side, on invented news sentences.

use super::*;
use crate::tokenize::tokenize;

fn tag(text: &str, lang: Lang) -> Vec<(String, &'static str)> {
    let tokens = tokenize(text, lang, &[]);
    let mentions = tagger().tag(text, &tokens, lang).expect("valid tokens");
    mentions.iter().map(|m| (text[tokens.start[m.first_token] as usize..tokens.end[m.last_token] as usize].to_string(), m.kind.name())).collect()
}

#[test]
fn the_shipped_weights_load() {
    let model = Model::from_bytes(WEIGHTS).expect("src/tagger/weights.bin loads");
    assert!(model.table.iter().any(|&w| w != 0));
}

#[test]
fn finds_a_person_and_a_place_in_french() {
    let found = tag("Marie Dupont a rencontré le maire de Lyon.", Lang::Fr);
    assert!(found.contains(&("Marie Dupont".to_string(), "person")), "{found:?}");
    assert!(found.contains(&("Lyon".to_string(), "place")), "{found:?}");
}

#[test]
fn finds_names_in_english() {
    let found = tag("Senator Alice Whitfield met the Federal Reserve board in Chicago about the new water rules.", Lang::En);
    assert!(found.contains(&("Alice Whitfield".to_string(), "person")), "{found:?}");
    assert!(found.contains(&("Chicago".to_string(), "place")), "{found:?}");
    assert!(found.iter().any(|(t, k)| t.contains("Federal Reserve") && *k == "organization"), "{found:?}");
}

#[test]
fn mentions_are_in_order_within_sentences() {
    let text = "Jean Martin est arrivé à Paris. Puis Claire Durand a quitté Bordeaux pour Nantes.";
    let tokens = tokenize(text, Lang::Fr, &[]);
    let mentions = tagger().tag(text, &tokens, Lang::Fr).unwrap();
    assert!(mentions.windows(2).all(|w| w[0].last_token < w[1].first_token));
    for m in &mentions {
        assert!(m.first_token <= m.last_token && m.last_token < tokens.len());
        assert_eq!(tokens.sentence[m.first_token], tokens.sentence[m.last_token]);
    }
}

#[test]
fn same_output_every_time_and_on_every_thread() {
    let text = "La société Renault a annoncé mardi à Boulogne-Billancourt la nomination de Paul Lefèvre.";
    let first = tag(text, Lang::Fr);
    assert_eq!(tag(text, Lang::Fr), first);
    let handles: Vec<_> = (0..4).map(|_| std::thread::spawn(move || tag(text, Lang::Fr))).collect();
    for handle in handles {
        assert_eq!(handle.join().unwrap(), first);
    }
}

#[test]
fn odd_input_never_panics() {
    for text in ["", " ", "...!!!", "« »", "\n\n\n", "é", "🙂🙂 🙂", "L'", "A"] {
        for lang in [Lang::En, Lang::Fr, Lang::Und] {
            let _ = tag(text, lang);
        }
    }
    let shouting = "Capital ".repeat(10_000);
    let found = tag(&shouting, Lang::En);
    assert!(found.len() <= 10_000);
    let long_word = "X".repeat(100_000);
    let _ = tag(&long_word, Lang::Fr);
}

#[test]
fn tokens_that_do_not_fit_the_text_are_an_error() {
    let text = "Marie à Lyon";
    let mut tokens = tokenize(text, Lang::Fr, &[]);
    tokens.end[0] = 100;
    assert!(tagger().tag(text, &tokens, Lang::Fr).is_err());
    let mut tokens = tokenize("é", Lang::Fr, &[]);
    tokens.end[0] = 1;
    assert!(tagger().tag("é", &tokens, Lang::Fr).is_err());
    let mut tokens = tokenize(text, Lang::Fr, &[]);
    tokens.sentence.pop();
    assert!(tagger().tag(text, &tokens, Lang::Fr).is_err());
}

#[test]
fn an_empty_model_tags_nothing() {
    let text = "Marie Dupont a rencontré le maire de Lyon.";
    let tokens = tokenize(text, Lang::Fr, &[]);
    assert!(Tagger::new(Model::empty(Scheme::Bilou)).tag(text, &tokens, Lang::Fr).unwrap().is_empty());
}

/// The label scores of every sentence of `text`, by `score_sentence(first, end, infos)`.
fn scores_by_sentence(text: &str, tokens: &Tokens, mut score_sentence: impl FnMut(usize, &[features::TokenInfo], &mut Vec<i32>)) -> Vec<i32> {
    let mut scratch = Scratch::default();
    scratch.read_tokens(text, tokens);
    let mut out = Vec::new();
    let mut first = 0;
    while first < tokens.len() {
        let end = first + tokens.sentence[first..].partition_point(|&s| s == tokens.sentence[first]);
        score_sentence(first, &scratch.infos[first..end], &mut out);
        first = end;
    }
    out
}

#[test]
fn scores_summed_by_word_are_the_scores_of_every_feature() {
    // A second model with other weights shares the buffers: its sums must not be the first's.
    let table: Vec<f32> = (0..(1usize << 10) * 13).map(|i| ((i * 7919) % 211) as f32 - 105.0).collect();
    let other = Tagger::new(Model::quantise(Scheme::Bilou, 10, &table, &[0.0; 169], &[0.0; 13], &[0.0; 13]));
    let texts = [
        ("Le maire de Lyon, « Jean Morel », a parlé. Le maire a parlé encore. Oui.", Lang::Fr),
        ("THE SENATE VOTES TODAY. Senator Alice Whitfield said the anticonstitutionnellement-long-word won.", Lang::En),
        ("Said said said. \"Whitfield\" met Whitfield in New York, New York.", Lang::En),
        ("Le maire de Lyon a parlé à New York.", Lang::Und),
    ];
    let mut buffers = EmissionBuffers::default();
    for model in [tagger(), &other, tagger()] {
        for (text, lang) in texts {
            let tokens = tokenize(text, lang, &[]);
            let every_feature = scores_by_sentence(text, &tokens, |_, infos, out| {
                let mut features = Vec::new();
                features::sentence_features(infos, lang, model.bits, &mut features);
                for token_features in features.chunks_exact(TEMPLATE_COUNT) {
                    model.push_emissions(token_features, out);
                }
            });
            let by_word = scores_by_sentence(text, &tokens, |first, infos, out| {
                model.sentence_emissions(Sentence { text, tokens: &tokens, first, infos }, lang, &mut buffers, out)
            });
            assert_eq!(by_word, every_feature, "{text}");
            assert!(every_feature.iter().any(|&s| s != 0));
        }
    }
}

#[test]
fn every_template_is_read_once() {
    let mut seen = [0; TEMPLATE_COUNT];
    let neighbours = features::NEIGHBOUR_TEMPLATES.iter().flat_map(|t| t.iter());
    for &template in features::WORD_TEMPLATES.iter().chain(neighbours).chain(&features::CONTEXT_TEMPLATES) {
        seen[template] += 1;
    }
    assert_eq!(seen, [1; TEMPLATE_COUNT]);
}
