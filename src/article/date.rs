//! Dates written in headers and JSON fields, normalised to ISO 8601 at their own precision.

use crate::lexicons::MONTHS;
use regex::Regex;
use std::sync::LazyLock;

static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?$").unwrap());
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$").unwrap());
static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\p{L}+\.?,?\s+)?(?:(\d{1,2})(?:er|st|nd|rd|th)?\s+)?(\p{L}+)\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})$").unwrap()
});

fn iso(year: &str, month: Option<u32>, day: Option<u32>) -> Option<String> {
    match (month, day) {
        (None, _) => Some(year.to_string()),
        (Some(m), None) if (1..=12).contains(&m) => Some(format!("{year}-{m:02}")),
        (Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => Some(format!("{year}-{m:02}-{d:02}")),
        _ => None,
    }
}

/// "2021-01" → "2021-01"; "15/01/2021", "15 janvier 2021", "January 15, 2021" → "2021-01-15";
/// `None` when the text is not a date.
pub fn normalize_date(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(caps) = ISO.captures(text) {
        let number = |i| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        return iso(&caps[1], number(2), number(3));
    }
    if let Some(caps) = DAY_FIRST.captures(text) {
        return iso(&caps[3], caps[2].parse().ok(), caps[1].parse().ok());
    }
    let caps = WORDS.captures(text)?;
    let month = *MONTHS.get(caps[2].to_lowercase().as_str())? as u32;
    let day = caps.get(1).or(caps.get(3)).and_then(|m| m.as_str().parse().ok());
    iso(&caps[4], Some(month), day)
}

#[cfg(test)]
mod tests {
    use super::normalize_date;

    #[test]
    fn forms() {
        assert_eq!(normalize_date("2021-01").as_deref(), Some("2021-01"));
        assert_eq!(normalize_date("2021").as_deref(), Some("2021"));
        assert_eq!(normalize_date("2021-01-15T10:00:00Z").as_deref(), Some("2021-01-15"));
        assert_eq!(normalize_date("15/01/2021").as_deref(), Some("2021-01-15"));
        assert_eq!(normalize_date("1er janvier 2021").as_deref(), Some("2021-01-01"));
        assert_eq!(normalize_date("January 15, 2021").as_deref(), Some("2021-01-15"));
        assert_eq!(normalize_date("Friday, 15 Jan. 2021").as_deref(), Some("2021-01-15"));
        assert_eq!(normalize_date("novembre 2020").as_deref(), Some("2020-11"));
        assert_eq!(normalize_date("2021-13"), None);
        assert_eq!(normalize_date("hello world"), None);
    }
}
