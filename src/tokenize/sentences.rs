//! Sentence boundaries over tokens: terminal marks, closing quotes, line breaks, abbreviations.

use super::chars::{classify, is_closing, is_opening, is_terminal, CharClass};
use super::{TokenKind, Tokens};
use crate::lexicons::{AbbreviationClass, ABBREVIATIONS};

/// One sentence id per token. `breaks` (sorted byte offsets) force a new sentence at the first
/// token at or after each of them.
pub fn sentence_ids(text: &str, tokens: &Tokens) -> Vec<u32> {
    sentence_ids_with_breaks(text, tokens, &[])
}

pub fn sentence_ids_with_breaks(text: &str, tokens: &Tokens, breaks: &[usize]) -> Vec<u32> {
    let mut ids = Vec::with_capacity(tokens.len());
    sentence_ids_into(text, tokens, breaks, &mut ids);
    ids
}

/// Like `sentence_ids_with_breaks`, into `ids` (cleared first).
pub fn sentence_ids_into(text: &str, tokens: &Tokens, breaks: &[usize], ids: &mut Vec<u32>) {
    ids.clear();
    let mut sentence = 0u32;
    let mut next_break = breaks.iter().peekable();
    let wrapped = hard_wrapped(text, tokens);
    // Whether the sentence so far ends in terminal punctuation (possibly followed by closers).
    let mut ended = false;
    for i in 0..tokens.len() {
        let start = tokens.start[i] as usize;
        let mut forced = false;
        while next_break.peek().is_some_and(|&&b| b <= start) {
            next_break.next();
            forced = true;
        }
        if i > 0 {
            let gap = &text.as_bytes()[tokens.end[i - 1] as usize..start];
            let first = first_char(tokens.text(text, i));
            let after_clock = tokens.kind[i - 1] == TokenKind::Abbreviation && reads_on_after_clock(tokens.text(text, i - 1), tokens.text(text, i));
            let split = forced
                || line_break_splits(gap, first, tokens.text(text, i - 1), wrapped)
                || (ended && starts_sentence(first) && !after_clock && !closes_after_terminal(text, tokens, i, gap));
            if split {
                sentence += 1;
                ended = false;
            }
        }
        ended = ends_sentence(text, tokens, i, ended);
        ids.push(sentence);
    }
}

/// "9 a.m. EST Tuesday", "10 p.m. Friday": after a clock abbreviation, a time zone or a day of
/// the week goes on with the time rather than opening a sentence.
fn reads_on_after_clock(previous: &str, next: &str) -> bool {
    const GOES_ON: [&str; 17] =
        ["EST", "EDT", "ET", "GMT", "UTC", "CET", "PST", "PDT", "CST", "CDT", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    matches!(previous.to_ascii_lowercase().as_str(), "a.m." | "p.m.") && GOES_ON.contains(&next)
}

/// A straight quote glued to the sentence's last mark and followed by a space or the end
/// ('… "Rockin' Ray." Ortega called') closes that sentence rather than opening the next.
fn closes_after_terminal(text: &str, tokens: &Tokens, i: usize, gap: &[u8]) -> bool {
    let token = tokens.text(text, i);
    let spaced_after = tokens.start.get(i + 1).is_none_or(|&next| next > tokens.end[i]);
    matches!(token, "\"" | "'") && gap.is_empty() && spaced_after
}

fn first_char(token: &str) -> char {
    token.chars().next().unwrap_or(' ')
}

/// A blank line always splits; one line break splits unless the text is hard-wrapped
/// (`hard_wrapped`) or the next line reads on (it starts in lowercase, or the previous line
/// ended on a comma or an opening mark).
fn line_break_splits(gap: &[u8], next_first: char, previous: &str, wrapped: bool) -> bool {
    let newlines = memchr::memchr_iter(b'\n', gap).count();
    if newlines >= 2 {
        return true;
    }
    if newlines == 0 || wrapped {
        return false;
    }
    let reads_on = next_first.is_lowercase() || matches!(previous, "," | ";" | "(" | "«" | "“" | "-" | "–");
    !reads_on
}

/// Whether `text` is hard-wrapped (`looks_hard_wrapped`), read from its tokens.
fn hard_wrapped(text: &str, tokens: &Tokens) -> bool {
    // Most texts given alone are one line: no pass over their tokens.
    if memchr::memchr(b'\n', text.as_bytes()).is_none() {
        return false;
    }
    let single_breaks = (1..tokens.len()).filter_map(|i| {
        let gap = &text.as_bytes()[tokens.end[i - 1] as usize..tokens.start[i] as usize];
        (memchr::memchr_iter(b'\n', gap).count() == 1).then(|| (last_char(tokens.text(text, i - 1)), first_char(tokens.text(text, i))))
    });
    looks_hard_wrapped(single_breaks)
}

/// Whether a text is hard-wrapped (wire copy, mail, newspaper columns read by OCR), from the
/// characters around each of its single line breaks (the last before, the first after): at
/// least half of them fall where no sentence ends, and a third before a word in lowercase (as
/// most words of running text are). Text written a paragraph a line breaks after a sentence's
/// last mark, and its lines without one (a title, a byline, a list, a table) open with a capital
/// or a digit; in wrapped text a line break is only a space, and a capitalised word opening a
/// line ("the Northern Grain⏎Traders Association") goes on with it.
pub fn looks_hard_wrapped(single_breaks: impl Iterator<Item = (char, char)>) -> bool {
    let (mut single, mut within, mut lowercase) = (0usize, 0usize, 0usize);
    for (last, next) in single_breaks {
        single += 1;
        within += usize::from(!is_terminal(last) && !is_closing(last));
        lowercase += usize::from(next.is_lowercase());
    }
    single >= 3 && within * 2 >= single && lowercase * 3 >= single
}

fn last_char(token: &str) -> char {
    token.chars().next_back().unwrap_or(' ')
}

/// A token that can open a sentence: a capital, a digit, an opening quote or dash, a symbol.
fn starts_sentence(first: char) -> bool {
    if first.is_alphabetic() {
        return !first.is_lowercase();
    }
    first.is_numeric() || is_opening(first) || classify(first) == CharClass::Symbol
}

/// Whether the sentence is over after token `i`, given whether it was before it.
fn ends_sentence(text: &str, tokens: &Tokens, i: usize, ended_before: bool) -> bool {
    let token = tokens.text(text, i);
    match tokens.kind[i] {
        TokenKind::Punct => {
            let first = first_char(token);
            if is_terminal(first) {
                true
            } else {
                // A closing quote or bracket keeps the sentence ended: « … fin. » Next.
                ended_before && is_closing(first)
            }
        }
        TokenKind::Abbreviation => abbreviation_may_end(token),
        _ => false,
    }
}

/// "etc." and lowercase initialisms ("a.m.") may end a sentence; titles, initials and uppercase
/// initialisms ("U.S.") do not.
fn abbreviation_may_end(token: &str) -> bool {
    let word = token.trim_end_matches('.');
    if word.contains('.') {
        return word.chars().all(|c| !c.is_uppercase());
    }
    let lower = word.to_lowercase();
    matches!(ABBREVIATIONS.get(lower.as_str()), Some(AbbreviationClass::Other))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::tokenize::scan;

    fn sentences(text: &str, lang: Lang) -> Vec<String> {
        let tokens = scan(text, lang);
        let ids = sentence_ids(text, &tokens);
        let mut out: Vec<String> = Vec::new();
        for i in 0..tokens.len() {
            let start = if i > 0 && ids[i] == ids[i - 1] { None } else { Some(tokens.start[i]) };
            if let Some(start) = start {
                out.push(String::new());
                let _ = start;
            }
            let last = out.last_mut().unwrap();
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(tokens.text(text, i));
        }
        out
    }

    #[test]
    fn terminal_marks_quotes_and_abbreviations() {
        let got = sentences("M. Ren a parlé. « C’est fini. » Il part… et revient ! Le U.S. Army dit oui. Etc.", Lang::Fr);
        assert_eq!(got, ["M. Ren a parlé .", "« C’ est fini . »", "Il part … et revient !", "Le U.S. Army dit oui .", "Etc."]);
    }

    #[test]
    fn straight_quotes_close_the_sentence_they_end() {
        let got = sentences("He used the nickname \"Rockin' Ray.\" Ortega called him \"tired.\" \"Go,\" he said.", Lang::En);
        assert_eq!(got, ["He used the nickname \" Rockin ' Ray . \"", "Ortega called him \" tired . \"", "\" Go , \" he said ."]);
    }

    #[test]
    fn lines() {
        let got = sentences("A title\nThe body starts here\nand goes on.\n\nnext para", Lang::En);
        assert_eq!(got, ["A title", "The body starts here and goes on .", "next para"]);
    }

    #[test]
    fn hard_wrapped_lines_read_on_even_before_a_capital() {
        let wrapped = "The chairman of the Northern Grain\nTraders Association said on Monday that\nprices would rise by five pct next year as\nexports to Asia grow. Stocks are low.\nBuyers wait.";
        let got = sentences(wrapped, Lang::En);
        assert_eq!(
            got[0],
            "The chairman of the Northern Grain Traders Association said on Monday that prices would rise by five pct next year as exports to Asia grow ."
        );
        assert_eq!(got.len(), 3, "{got:?}");
        // A paragraph a line: a line without a final mark stands alone.
        let lines = "Minister resigns\nThe minister resigned on Monday.\nHer deputy takes over.\nReactions\nUnions welcomed it.";
        assert_eq!(sentences(lines, Lang::En).len(), 5);
    }
}
