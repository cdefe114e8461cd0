//! Character classes for the scanner, with an ASCII table for the common case.

use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CharClass {
    Space,
    Letter,
    Digit,
    Punct,
    Symbol,
    /// Combining marks, joiners: they extend the character before them.
    Mark,
}

const fn ascii_class(b: u8) -> CharClass {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' | b'_' => CharClass::Letter,
        b'0'..=b'9' => CharClass::Digit,
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => CharClass::Space,
        b'$' | b'+' | b'<' | b'=' | b'>' | b'^' | b'`' | b'|' | b'~' => CharClass::Symbol,
        0..=0x1f | 0x7f => CharClass::Space,
        _ => CharClass::Punct,
    }
}

static ASCII: [CharClass; 128] = {
    let mut table = [CharClass::Space; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = ascii_class(b as u8);
        b += 1;
    }
    table
};

pub fn classify(c: char) -> CharClass {
    if c.is_ascii() {
        return ASCII[c as usize];
    }
    if c.is_alphabetic() {
        return CharClass::Letter;
    }
    match c.general_category_group() {
        GeneralCategoryGroup::Number => CharClass::Digit,
        GeneralCategoryGroup::Mark => CharClass::Mark,
        GeneralCategoryGroup::Punctuation => CharClass::Punct,
        GeneralCategoryGroup::Symbol => CharClass::Symbol,
        // Separators, controls and format characters (BOM, zero-width space) separate tokens.
        GeneralCategoryGroup::Separator | GeneralCategoryGroup::Other => {
            if c == '\u{200d}' {
                CharClass::Mark
            } else {
                CharClass::Space
            }
        }
        GeneralCategoryGroup::Letter => CharClass::Letter,
    }
}

/// A digit the number scanner reads (decimal digits only; "²" or "½" stay symbols of a word).
pub fn is_decimal_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && c.general_category() == GeneralCategory::DecimalNumber)
}

pub fn is_word_char(c: char) -> bool {
    matches!(classify(c), CharClass::Letter | CharClass::Digit | CharClass::Mark)
}

pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// Spaces that group thousands in French ("12 000", "1 234,5").
pub fn is_group_space(c: char) -> bool {
    matches!(c, '\u{00a0}' | '\u{202f}' | '\u{2009}')
}

pub fn is_opening(c: char) -> bool {
    matches!(c, '«' | '“' | '‘' | '"' | '\'' | '(' | '[' | '{' | '—' | '–' | '-' | '„' | '¿' | '¡')
}

pub fn is_closing(c: char) -> bool {
    matches!(c, '»' | '”' | '’' | '"' | '\'' | ')' | ']' | '}')
}

pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify('é'), CharClass::Letter);
        assert_eq!(classify('\u{202f}'), CharClass::Space);
        assert_eq!(classify('«'), CharClass::Punct);
        assert_eq!(classify('€'), CharClass::Symbol);
        assert_eq!(classify('\u{301}'), CharClass::Mark);
        assert_eq!(classify('٣'), CharClass::Digit);
        assert!(is_decimal_digit('٣'));
    }
}
