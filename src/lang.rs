//! The two languages newsfacts reads, and "undetermined".

use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "fr")]
    Fr,
    /// Neither language is clear: rules of both apply.
    #[default]
    #[serde(rename = "und")]
    Und,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Und => "und",
        }
    }

    /// French rules (elisions, decimal comma, spaced thousands) apply.
    pub fn allows_french(self) -> bool {
        self != Lang::En
    }

    /// English rules (clitics such as "'s") apply.
    pub fn allows_english(self) -> bool {
        self != Lang::Fr
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" | "eng" | "english" => Ok(Lang::En),
            "fr" | "fra" | "fre" | "french" | "français" => Ok(Lang::Fr),
            "und" | "" => Ok(Lang::Und),
            other => Err(format!("unknown language {other:?}: expected \"en\", \"fr\" or \"und\"")),
        }
    }
}
