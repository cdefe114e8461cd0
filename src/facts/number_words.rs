//! Numbers written in words, English and French: "twenty-one", "three hundred and forty",
//! "two million", "vingt et un", "trois cent quarante", "quatre-vingt-dix", "soixante et onze".
//! Words come from `number_words.tsv` (0–20, the tens) and `scales.tsv` (thousand, million…);
//! how they combine is the grammar below.

use super::Context;
use crate::lexicons::date_words::{ScaleForm, SCALES};
use crate::lexicons::NUMBER_WORDS;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// At most this many tokens in one number ("trois cent quatre-vingt-dix-neuf mille …").
const MAX_TOKENS: usize = 16;

/// A number being read: the sum of the parts closed by a scale, the part being written, the
/// last scale seen (scales must shrink: "two million three thousand"), the last word's value.
#[derive(Clone, Default)]
struct Reading {
    total: f64,
    current: u64,
    last_scale: Option<f64>,
    last_word: u64,
    parts: usize,
}

impl Reading {
    /// Adds one word (a hyphen-free part of a token); false when it cannot go on this number.
    fn add(&mut self, word: &str) -> bool {
        match word {
            "hundred" | "cent" | "cents" => {
                if self.current >= 100 {
                    return false;
                }
                self.current = self.current.max(1) * 100;
            }
            "vingts" => return self.add("vingt"),
            _ => {
                if let Some(scale) = big_scale(word) {
                    if self.last_scale.is_some_and(|last| scale >= last) {
                        return false;
                    }
                    self.total += self.current.max(1) as f64 * scale;
                    self.current = 0;
                    self.last_scale = Some(scale);
                } else {
                    let Some(&value) = NUMBER_WORDS.get(word).filter(|&&v| v < 100) else { return false };
                    if !self.small_fits(word, value as u64) {
                        return false;
                    }
                    self.last_word = value as u64;
                    self.parts += 1;
                    return true;
                }
            }
        }
        self.last_word = 0;
        self.parts += 1;
        true
    }

    /// Whether a word below 100 may follow what is written: after a round hundred (or
    /// nothing), any; after a ten, a unit ("twenty-one", "dix-sept"); after "soixante" or
    /// "quatre-vingt", ten to nineteen too ("soixante-dix-sept"); "quatre" then "vingt" is
    /// eighty.
    fn small_fits(&mut self, word: &str, value: u64) -> bool {
        let rest = self.current % 100;
        let fits = if matches!(word, "vingt") && rest == 4 && self.last_word == 4 {
            self.current += 76;
            return true;
        } else if rest == 0 {
            self.parts == 0 || self.last_word == 0
        } else {
            // "dix-sept", "dix-huit", "dix-neuf" are ten and a unit.
            rest.is_multiple_of(10) && rest >= 20 && (value < 10 || matches!(rest, 60 | 80) && value < 20) || rest == 10 && (7..=9).contains(&value)
        };
        if fits {
            self.current += value;
        }
        fits
    }

    fn value(&self) -> f64 {
        self.total + self.current as f64
    }
}

/// The factor of a scale word written in full ("thousand", "millions", "milliard").
/// The words a number in words is made of: number words, scale words, "cents", "vingts".
static NUMBER_PARTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let scales = SCALES.iter().filter(|(_, (_, form))| *form == ScaleForm::Word).map(|(&word, _)| word);
    NUMBER_WORDS.keys().copied().chain(scales).chain(["cents", "vingts"]).collect()
});

fn big_scale(word: &str) -> Option<f64> {
    SCALES.get(word).filter(|(_, form)| *form == ScaleForm::Word).map(|&(factor, _)| factor)
}

/// Whether token `k` may be part of a number in words: each of its hyphenated parts is.
fn number_part(ctx: &Context, k: usize) -> bool {
    let word = ctx.word(k);
    // Asked of every token: one look-up for a word without hyphens.
    let number = |p: &str| NUMBER_PARTS.contains(p);
    if !word.contains('-') {
        return number(word);
    }
    // "et" joins parts ("vingt-et-un"), never stands alone as one.
    word.split('-').any(number) && word.split('-').all(|p| p == "et" || number(p))
}

/// The number written in words from token `i`, and its last token. None when token `i` is
/// no number word, or continues one that starts before it ("et un" in "vingt et un").
pub(crate) fn number_words(ctx: &Context, i: usize) -> Option<(f64, usize)> {
    if i >= ctx.len() || !number_part(ctx, i) || continues_a_number(ctx, i) {
        return None;
    }
    let mut reading = Reading::default();
    let mut last = None;
    let mut k = i;
    while k < ctx.len() && k < i + MAX_TOKENS && ctx.same_sentence(i, k) {
        let word = ctx.word(k);
        // "and" / "et" join two number words: "three hundred and forty", "vingt et un".
        if matches!(word, "and" | "et") && last.is_some() && number_part(ctx, k + 1) {
            k += 1;
            continue;
        }
        // A token counts whole or not at all: read it on a copy.
        let mut next = reading.clone();
        let mut parts = word.split('-').filter(|p| *p != "et").peekable();
        if parts.peek().is_none() || !parts.all(|p| !p.is_empty() && next.add(p)) {
            break;
        }
        reading = next;
        last = Some(k);
        k += 1;
    }
    Some((reading.value(), last?))
}

/// Whether token `i` goes on with a number word before it: "un" after "vingt et".
fn continues_a_number(ctx: &Context, i: usize) -> bool {
    let Some(before) = i.checked_sub(1) else { return false };
    if !ctx.same_sentence(before, i) {
        return false;
    }
    if matches!(ctx.word(before), "and" | "et") {
        return before > 0 && number_part(ctx, before - 1) && ctx.word(before - 1) != "et";
    }
    number_part(ctx, before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Given};
    use crate::lang::Lang;

    /// The number in words at the start of `text`, and how many tokens it takes.
    fn read(text: &str, lang: Lang) -> Option<(f64, usize)> {
        let article = Article::analyze("t".into(), text.to_string(), Given { lang: Some(lang), ..Given::default() }).unwrap();
        let ctx = Context::new(&article);
        number_words(&ctx, 0).map(|(value, last)| (value, last + 1))
    }

    #[test]
    fn english_compounds() {
        assert_eq!(read("twenty-one boats", Lang::En), Some((21.0, 1)));
        assert_eq!(read("three hundred and forty boats", Lang::En), Some((340.0, 4)));
        assert_eq!(read("two million voters", Lang::En), Some((2e6, 2)));
        assert_eq!(read("nineteen hundred miles", Lang::En), Some((1900.0, 2)));
        assert_eq!(read("five thousand two hundred and six seats", Lang::En), Some((5206.0, 6)));
        // Two units in a row are two numbers, not one.
        assert_eq!(read("one two three", Lang::En), Some((1.0, 1)));
        assert_eq!(read("ships", Lang::En), None);
        assert_eq!(read("and two ships", Lang::En), None);
    }

    #[test]
    fn french_compounds() {
        assert_eq!(read("vingt et un ans", Lang::Fr), Some((21.0, 3)));
        assert_eq!(read("trois cent quarante habitants", Lang::Fr), Some((340.0, 3)));
        assert_eq!(read("quatre-vingt-dix élus", Lang::Fr), Some((90.0, 1)));
        assert_eq!(read("quatre-vingts élus", Lang::Fr), Some((80.0, 1)));
        assert_eq!(read("soixante et onze sièges", Lang::Fr), Some((71.0, 3)));
        assert_eq!(read("soixante-dix-sept sièges", Lang::Fr), Some((77.0, 1)));
        assert_eq!(read("dix-huit sièges", Lang::Fr), Some((18.0, 1)));
        assert_eq!(read("deux mille vingt-quatre", Lang::Fr), Some((2024.0, 3)));
        assert_eq!(read("trois millions d'euros", Lang::Fr), Some((3e6, 2)));
        assert_eq!(read("cinq cents pages", Lang::Fr), Some((500.0, 2)));
        assert_eq!(read("vingt-et-un pages", Lang::Fr), Some((21.0, 1)));
        assert_eq!(read("et une page", Lang::Fr), None);
        // A joining word is part of a number only between two number words.
        assert_eq!(read("vingt et quelques pages", Lang::Fr), Some((20.0, 1)));
    }

    #[test]
    fn never_from_the_middle_of_a_number() {
        let article = Article::analyze("t".into(), "Il y a vingt et un ans.".into(), Given { lang: Some(Lang::Fr), ..Given::default() }).unwrap();
        let ctx = Context::new(&article);
        let un = (0..ctx.len()).find(|&k| ctx.word(k) == "un").unwrap();
        assert_eq!(number_words(&ctx, un), None);
        assert_eq!(number_words(&ctx, un - 2), Some((21.0, un)));
    }
}
