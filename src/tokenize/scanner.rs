//! The scanner: one pass over the text, one token at a time, no regex on the hot path.

use super::chars::{classify, is_apostrophe, is_decimal_digit, is_group_space, is_hyphen, is_terminal, is_word_char, CharClass};
use super::{TokenKind, Tokens};
use crate::lang::Lang;
use crate::lexicons::{AbbreviationClass, ABBREVIATIONS, ELISIONS};
use unicode_segmentation::UnicodeSegmentation;

/// English clitics split from their word ("China’s" → "China" + "’s"); "n't" stays in its word.
const CLITICS: [&str; 6] = ["s", "re", "ve", "ll", "d", "m"];

struct Scanner<'t, 'o> {
    text: &'t str,
    bytes: &'t [u8],
    lang: Lang,
    out: &'o mut Tokens,
}

/// Split `text` into tokens (sentence ids are left empty; see `sentence_ids`).
pub fn scan(text: &str, lang: Lang) -> Tokens {
    let mut tokens = Tokens::default();
    scan_into(text, lang, &mut tokens);
    tokens
}

/// Like `scan`, into `out` (cleared first): a caller tokenizing many texts reuses its buffers.
pub fn scan_into(text: &str, lang: Lang, out: &mut Tokens) {
    out.start.clear();
    out.end.clear();
    out.kind.clear();
    out.sentence.clear();
    // Rough guess from typical news text (about 6 bytes a token) avoids most regrowth.
    let guess = text.len() / 6 + 1;
    out.start.reserve(guess);
    out.end.reserve(guess);
    out.kind.reserve(guess);
    let mut scanner = Scanner { text, bytes: text.as_bytes(), lang, out };
    scanner.run();
}

impl<'t, 'o> Scanner<'t, 'o> {
    /// The character starting at byte `pos`; `None` at the end, and (defensively) inside a
    /// character, so that a wrong offset can never panic.
    fn char_at(&self, pos: usize) -> Option<char> {
        let b = *self.bytes.get(pos)?;
        if b < 0x80 {
            Some(b as char)
        } else {
            self.text.get(pos..)?.chars().next()
        }
    }

    fn emit(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.out.start.push(start as u32);
        self.out.end.push(end as u32);
        self.out.kind.push(kind);
    }

    fn run(&mut self) {
        let mut pos = 0;
        while pos < self.bytes.len() {
            let b = self.bytes[pos];
            if b == b' ' || b == b'\n' {
                pos += 1;
                continue;
            }
            let c = self.char_at(pos).unwrap_or(' ');
            pos = match classify(c) {
                CharClass::Space => pos + c.len_utf8(),
                CharClass::Letter => self.word_or_url(pos),
                CharClass::Digit => self.number(pos),
                CharClass::Punct | CharClass::Symbol | CharClass::Mark => self.punct_or_symbol(pos, c),
            };
        }
    }

    fn word_or_url(&mut self, start: usize) -> usize {
        if let Some(end) = self.url(start) {
            self.emit(start, end, TokenKind::Url);
            return end;
        }
        self.word(start, start)
    }

    /// A word from `start`, whose first part up to `from` was already read (by `number`).
    fn word(&mut self, start: usize, from: usize) -> usize {
        let mut pos = from;
        loop {
            // Most word characters are ASCII letters and digits: skip them a byte at a time.
            while self.bytes.get(pos).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
                pos += 1;
            }
            let Some(c) = self.char_at(pos) else { break };
            let width = c.len_utf8();
            if is_word_char(c) {
                pos += width;
                continue;
            }
            let next = self.char_at(pos + width);
            let next_is_word = next.is_some_and(is_word_char);
            if is_hyphen(c) && next_is_word && pos > start {
                pos += width;
                continue;
            }
            if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) && pos > start {
                match self.apostrophe(start, pos, width) {
                    Some(end) => return end,
                    None => {
                        pos += width;
                        continue;
                    }
                }
            }
            if c == '.' {
                if let Some(end) = self.abbreviation(start, pos) {
                    self.emit(start, end, TokenKind::Abbreviation);
                    return end;
                }
            }
            if c == '@' && next_is_word {
                if let Some(end) = self.email_domain(pos + 1) {
                    self.emit(start, end, TokenKind::Email);
                    return end;
                }
            }
            break;
        }
        self.emit(start, pos, TokenKind::Word);
        pos
    }

    /// At an apostrophe inside a word: split a French elision or an English clitic, emitting the
    /// tokens and returning where scanning goes on; `None` keeps the apostrophe in the word.
    fn apostrophe(&mut self, start: usize, at: usize, width: usize) -> Option<usize> {
        let prefix = &self.text[start..at];
        if prefix.len() <= 8 {
            let lower = prefix.to_lowercase();
            if ELISIONS.whole_words.contains(lower.as_str()) {
                return None;
            }
            if self.lang.allows_french() && ELISIONS.elided.contains(lower.as_str()) {
                self.emit(start, at + width, TokenKind::Elision);
                return Some(at + width);
            }
        }
        if self.lang.allows_english() {
            let suffix_start = at + width;
            let suffix_end = self.text[suffix_start..].char_indices().find(|(_, c)| !c.is_alphabetic()).map_or(self.text.len(), |(i, _)| suffix_start + i);
            let suffix = self.text[suffix_start..suffix_end].to_ascii_lowercase();
            if CLITICS.contains(&suffix.as_str()) {
                self.emit(start, at, TokenKind::Word);
                self.emit(at, suffix_end, TokenKind::Clitic);
                return Some(suffix_end);
            }
        }
        None
    }

    /// The end of an abbreviation whose word ends at `dot`, or `None`.
    fn abbreviation(&self, start: usize, dot: usize) -> Option<usize> {
        let word = &self.text[start..dot];
        let mut letters = word.chars();
        let first = letters.next()?;
        let single_letter = letters.next().is_none() && first.is_alphabetic();
        if single_letter {
            // Initialisms "U.S.", "e.g.": letter-period pairs.
            let mut end = dot + 1;
            while let Some(letter) = self.char_at(end).filter(|l| l.is_ascii_alphabetic()) {
                if self.char_at(end + letter.len_utf8()) != Some('.') {
                    break;
                }
                end += 2;
            }
            if end > dot + 1 {
                return Some(end);
            }
            // An initial before a capitalised name: "George W. Bush".
            let after = self.char_at(dot + 1);
            let then = self.char_at(dot + 2);
            // `then` is read only after a one-byte space, so dot + 2 is a char boundary.
            if first.is_uppercase() && after == Some(' ') && then.is_some_and(char::is_uppercase) {
                return Some(dot + 1);
            }
        }
        if word.len() > 8 {
            return None;
        }
        let lower = word.to_lowercase();
        match ABBREVIATIONS.get(lower.as_str())? {
            AbbreviationClass::Title if !first.is_uppercase() => None,
            _ => Some(dot + 1),
        }
    }

    /// After "name@": the end of a domain with at least one dot, or `None`.
    fn email_domain(&self, from: usize) -> Option<usize> {
        let mut pos = from;
        let mut last_dot = None;
        while let Some(c) = self.char_at(pos) {
            if c.is_alphanumeric() || c == '-' {
                pos += c.len_utf8();
            } else if c == '.' && self.char_at(pos + 1).is_some_and(char::is_alphanumeric) {
                last_dot = Some(pos);
                pos += 1;
            } else {
                break;
            }
        }
        last_dot.map(|_| pos)
    }

    fn url(&self, start: usize) -> Option<usize> {
        let head = &self.bytes[start..(start + 8).min(self.bytes.len())];
        let starts = |prefix: &[u8]| head.len() >= prefix.len() && head[..prefix.len()].eq_ignore_ascii_case(prefix);
        if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
            return None;
        }
        let rest = &self.text[start..];
        let mut end = start + rest.find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '«' | '»' | '“' | '”')).unwrap_or(rest.len());
        // A sentence's own punctuation after a URL is not part of it.
        while let Some(last) = self.text[start..end].chars().last() {
            if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '’') {
                end -= last.len_utf8();
            } else {
                break;
            }
        }
        (end > start + 4).then_some(end)
    }

    fn digits(&self, mut pos: usize) -> usize {
        while let Some(c) = self.char_at(pos) {
            if !is_decimal_digit(c) {
                break;
            }
            pos += c.len_utf8();
        }
        pos
    }

    /// Exactly three digits at `pos` not followed by another word character.
    fn three_digit_group(&self, pos: usize) -> Option<usize> {
        let end = self.digits(pos);
        let is_group = end - pos == 3 && !self.char_at(end).is_some_and(is_word_char);
        is_group.then_some(end)
    }

    fn number(&mut self, start: usize) -> usize {
        let mut pos = self.digits(start);
        let first_group = pos - start;
        while let Some(c) = self.char_at(pos) {
            let width = c.len_utf8();
            let after = self.char_at(pos + width);
            if (c == '.' || c == ',') && after.is_some_and(|d| d.is_ascii_digit()) {
                pos = self.digits(pos + 1);
                continue;
            }
            let grouping_space = is_group_space(c) || (c == ' ' && self.lang == Lang::Fr);
            if grouping_space && first_group <= 3 {
                if let Some(end) = self.three_digit_group(pos + width) {
                    pos = end;
                    continue;
                }
            }
            break;
        }
        match self.char_at(pos) {
            // "5G", "1990s", "7h44", "19-year-old": a word that starts with digits.
            Some(c) if is_word_char(c) => return self.word(start, pos),
            Some(c) if is_hyphen(c) && self.char_at(pos + c.len_utf8()).is_some_and(char::is_alphabetic) => return self.word(start, pos),
            _ => {}
        }
        if let Some(end) = self.percent_sign(pos) {
            self.emit(start, end, TokenKind::Percent);
            return end;
        }
        self.emit(start, pos, TokenKind::Number);
        pos
    }

    /// "%" right after a number or after one (non-breaking) space: "40%", "16 %".
    fn percent_sign(&self, pos: usize) -> Option<usize> {
        match self.char_at(pos)? {
            c @ ('%' | '‰') => Some(pos + c.len_utf8()),
            c if c == ' ' || is_group_space(c) => match self.char_at(pos + c.len_utf8())? {
                '%' => Some(pos + c.len_utf8() + 1),
                _ => None,
            },
            _ => None,
        }
    }

    fn punct_or_symbol(&mut self, start: usize, c: char) -> usize {
        if (c == '#' || c == '@') && self.char_at(start + 1).is_some_and(char::is_alphabetic) {
            let mut end = start + 1;
            while let Some(next) = self.char_at(end).filter(|&n| is_word_char(n)) {
                end += next.len_utf8();
            }
            let kind = if c == '#' { TokenKind::Hashtag } else { TokenKind::Mention };
            self.emit(start, end, kind);
            return end;
        }
        let class = classify(c);
        if class == CharClass::Punct {
            // Runs of terminal marks ("...", "?!") and of dashes ("--") are one token.
            let same_run = |n: char| (is_terminal(c) && is_terminal(n)) || (c == '-' && n == '-');
            let mut end = start + c.len_utf8();
            while let Some(next) = self.char_at(end).filter(|&n| same_run(n)) {
                end += next.len_utf8();
            }
            self.emit(start, end, TokenKind::Punct);
            return end;
        }
        // Symbols and emoji: a whole grapheme cluster ("👍🏽", "🇫🇷", "e\u{301}" stray marks).
        let cluster = self.text[start..].graphemes(true).next().map_or(c.len_utf8(), str::len);
        self.emit(start, start + cluster, TokenKind::Symbol);
        start + cluster
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, lang: Lang) -> Vec<(String, &'static str)> {
        let tokens = scan(text, lang);
        (0..tokens.len()).map(|i| (tokens.text(text, i).to_string(), tokens.kind[i].name())).collect()
    }

    fn words(text: &str, lang: Lang) -> Vec<String> {
        texts(text, lang).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn french_elisions_and_hyphens() {
        assert_eq!(
            words("L’entreprise d'aujourd’hui, jusqu’alors anti-Huawei.", Lang::Fr),
            ["L’", "entreprise", "d'", "aujourd’hui", ",", "jusqu’", "alors", "anti-Huawei", "."]
        );
        assert_eq!(words("gagnant-gagnant Covid-19", Lang::Fr), ["gagnant-gagnant", "Covid-19"]);
    }

    #[test]
    fn english_clitics() {
        assert_eq!(words("China’s company's don't", Lang::En), ["China", "’s", "company", "'s", "don't"]);
    }

    #[test]
    fn numbers_and_percents() {
        let got = texts("40% 16\u{a0}% 16\u{202f}% 1,5 1.5 12,000 Q2 2020 5G", Lang::En);
        let expected = [
            ("40%", "percent"),
            ("16\u{a0}%", "percent"),
            ("16\u{202f}%", "percent"),
            ("1,5", "number"),
            ("1.5", "number"),
            ("12,000", "number"),
            ("Q2", "word"),
            ("2020", "number"),
            ("5G", "word"),
        ];
        assert_eq!(got, expected.map(|(t, k)| (t.to_string(), k)));
        assert_eq!(words("plus de 40 % et 12 000 salariés", Lang::Fr), ["plus", "de", "40 %", "et", "12 000", "salariés"]);
        assert_eq!(words("in 2021 300 people", Lang::En), ["in", "2021", "300", "people"]);
    }

    #[test]
    fn abbreviations() {
        assert_eq!(words("the U.S. and M. Dupont, Dr. Who etc. me.", Lang::Und), ["the", "U.S.", "and", "M.", "Dupont", ",", "Dr.", "Who", "etc.", "me", "."]);
    }

    #[test]
    fn urls_emails_emoji() {
        let got = texts("See https://example.com/a?b=1. Mail jo@example.fr 👍🏽 #news @bbc", Lang::En);
        let kinds: Vec<_> = got.iter().map(|(t, k)| format!("{t}/{k}")).collect();
        assert_eq!(
            kinds,
            ["See/word", "https://example.com/a?b=1/url", "./punct", "Mail/word", "jo@example.fr/email", "👍🏽/symbol", "#news/hashtag", "@bbc/mention"]
        );
    }

    /// Random strings over a mixed alphabet (multi-byte punctuation, marks, digits, dots next to
    /// single letters): the scanner must cover them without panicking, tokens on char boundaries.
    #[test]
    fn never_panics_on_mixed_text() {
        let alphabet: Vec<char> = "aZé1 .,’'\"«»“”‘-‐\u{a0}\u{202f}%@#:/ÉU.S\u{301}👍🏽\n\t…?!()ǅİ".chars().collect();
        for text in ["a.’s", "Heads.’", "U.É.", "5‐é", "x.\u{a0}Y", "J.\u{202f}K."] {
            assert!(!scan(text, Lang::Und).is_empty());
        }
        let mut state = 0x2545F4914F6CDD1Du64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state % 40) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            for lang in [Lang::En, Lang::Fr, Lang::Und] {
                let tokens = scan(&text, lang);
                for i in 0..tokens.len() {
                    assert!(!tokens.text(&text, i).is_empty(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn punctuation_runs() {
        assert_eq!(words("Quoi ?! Bon... « oui » — non…", Lang::Fr), ["Quoi", "?!", "Bon", "...", "«", "oui", "»", "—", "non", "…"]);
    }
}
