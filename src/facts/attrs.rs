//! The attributes of each kind of fact, typed: what the binding turns into columns (numbers
//! stay numbers, texts stay text) and what writers serialise. `newsfacts.schema` in Python
//! mirrors these types (a test reads every fact of the test corpora against it).

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

/// One field of a fact (its value, or one attribute of its kind).
#[derive(Clone, Debug, PartialEq)]
pub enum Field<'a> {
    Null,
    Text(&'a str),
    Int(i64),
    /// A byte offset into the article text: bindings turn it into their own offsets.
    Offset(usize),
    Float(f64),
    Flag(bool),
    Texts(Vec<&'a str>),
}

/// A fact's value as a field (lists hold texts only).
pub fn field_of(value: &Value) -> Field<'_> {
    match value {
        Value::Null => Field::Null,
        Value::Bool(b) => Field::Flag(*b),
        Value::Number(n) => n.as_i64().map_or_else(|| Field::Float(n.as_f64().unwrap_or(f64::NAN)), Field::Int),
        Value::String(s) => Field::Text(s),
        Value::Array(items) => Field::Texts(items.iter().filter_map(Value::as_str).collect()),
        Value::Object(_) => Field::Null,
    }
}

/// `duration`: the unit word as written ("months", "ans").
#[derive(Clone, Debug, PartialEq)]
pub struct DurationAttrs {
    pub unit: String,
}

/// Who or what a number is about.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Subject {
    #[default]
    Unknown,
    One(String),
    /// "contre 16 % pour Huawei mais également Tencent": both.
    Several(Vec<String>),
}

/// `quantity` and `money`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AmountAttrs {
    /// "=", "~", ">" or "<".
    pub qualifier: &'static str,
    pub subject: Subject,
    /// What is measured ("marché chinois"), when the text says.
    pub measure: Option<String>,
    /// The unit, singular ("%", "employee", "year", "USD/year").
    pub unit: Option<String>,
    /// ISO 4217 code of money.
    pub currency: Option<String>,
    /// The codes a currency's name may stand for when the text does not say which ("dollars":
    /// USD, CAD, AUD, ...); `currency` is then null.
    pub currency_candidates: Vec<String>,
    /// The scale word as written ("billion", "milliards").
    pub scale: Option<String>,
    /// When a verb ties the number to its measure: whether the number is how far the measure
    /// moved ("exports rose 5%", "fell by $2": true) or the level it moved to or is at ("rose
    /// to $47", "hit $3bn": false). Such numbers hold at one time.
    pub change: Option<bool>,
}

/// `source`.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceAttrs {
    /// "media", "organization", "person", "report", "press_release" or "anonymous".
    pub source_type: &'static str,
    /// The cue as the rule knows it ("according to", "selon").
    pub cue: String,
    /// The cue as written, when the rule read it from the text.
    pub cue_text: Option<String>,
}

/// `acronym`.
#[derive(Clone, Debug, PartialEq)]
pub struct AcronymAttrs {
    pub short: String,
    pub long: String,
}

/// The one a quote is attributed to, and where the text names them (byte offsets).
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    pub name: String,
    pub start: usize,
    pub end: usize,
    /// No one in particular ("a source", "un proche").
    pub anonymous: bool,
}

/// `quote`.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteAttrs {
    /// "direct", "partial" or "reported".
    pub mode: &'static str,
    /// The words that attribute it ("said", "a déclaré").
    pub cue: String,
    /// What the cue reports: "speech", "writing", "thought" or "finding" (`quotes::cue_types`).
    pub cue_type: &'static str,
    /// For the second part of a quote interrupted by its attribution (“First,” she said,
    /// “second.”): where the first part starts. Offsets in the same units as the fact's.
    pub continues: Option<usize>,
    pub speaker: Option<Speaker>,
    /// The words that named the speaker when a role led to the name ("its founder").
    pub speaker_descriptor: Option<String>,
}

/// `role`.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleAttrs {
    pub person: String,
    pub role: String,
    pub organization: Option<String>,
}

/// The attributes of one fact, by kind (dates and entities have none).
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Attrs {
    #[default]
    None,
    Duration(DurationAttrs),
    Amount(AmountAttrs),
    Source(SourceAttrs),
    Acronym(AcronymAttrs),
    Quote(QuoteAttrs),
    Role(RoleAttrs),
}

impl Attrs {
    /// The texts the attributes hold (names, cues, measures), to rewrite in place.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        match self {
            Attrs::None => Vec::new(),
            Attrs::Duration(a) => vec![&mut a.unit],
            Attrs::Amount(a) => {
                let mut texts: Vec<&mut String> = match &mut a.subject {
                    Subject::Unknown => Vec::new(),
                    Subject::One(name) => vec![name],
                    Subject::Several(names) => names.iter_mut().collect(),
                };
                texts.extend(a.measure.as_mut());
                texts
            }
            Attrs::Source(a) => std::iter::once(&mut a.cue).chain(a.cue_text.as_mut()).collect(),
            Attrs::Acronym(a) => vec![&mut a.short, &mut a.long],
            Attrs::Quote(a) => std::iter::once(&mut a.cue).chain(a.speaker.as_mut().map(|s| &mut s.name)).chain(a.speaker_descriptor.as_mut()).collect(),
            Attrs::Role(a) => std::iter::once(&mut a.person).chain([&mut a.role]).chain(a.organization.as_mut()).collect(),
        }
    }

    /// Rewrite the offsets the attributes hold (a speaker's mention) with `convert`: bindings
    /// turn byte offsets into their own.
    pub fn map_offsets(&mut self, mut convert: impl FnMut(usize) -> usize) {
        if let Attrs::Quote(quote) = self {
            if let Some(speaker) = &mut quote.speaker {
                speaker.start = convert(speaker.start);
                speaker.end = convert(speaker.end);
            }
            if let Some(first) = &mut quote.continues {
                *first = convert(*first);
            }
        }
    }
}

fn text_or_null(text: &Option<String>) -> Field<'_> {
    text.as_deref().map_or(Field::Null, Field::Text)
}

impl Attrs {
    /// The attributes as (name, field), names sorted: the record's `attrs` keys, in order.
    pub fn fields(&self) -> Vec<(&'static str, Field<'_>)> {
        let mut fields = match self {
            Attrs::None => Vec::new(),
            Attrs::Duration(a) => vec![("unit", Field::Text(&a.unit))],
            Attrs::Amount(a) => amount_fields(a),
            Attrs::Source(a) => {
                let mut fields = vec![("source_type", Field::Text(a.source_type)), ("cue", Field::Text(&a.cue))];
                fields.extend(a.cue_text.as_deref().map(|t| ("cue_text", Field::Text(t))));
                fields
            }
            Attrs::Acronym(a) => vec![("short", Field::Text(&a.short)), ("long", Field::Text(&a.long))],
            Attrs::Quote(a) => quote_fields(a),
            Attrs::Role(a) => vec![("person", Field::Text(&a.person)), ("role", Field::Text(&a.role)), ("organization", text_or_null(&a.organization))],
        };
        fields.sort_unstable_by_key(|&(name, _)| name);
        fields
    }
}

fn amount_fields(a: &AmountAttrs) -> Vec<(&'static str, Field<'_>)> {
    let subject = match &a.subject {
        Subject::Unknown => Field::Null,
        Subject::One(name) => Field::Text(name),
        Subject::Several(names) => Field::Texts(names.iter().map(String::as_str).collect()),
    };
    let mut fields = vec![("qualifier", Field::Text(a.qualifier)), ("subject", subject), ("measure", text_or_null(&a.measure))];
    for (name, value) in [("unit", &a.unit), ("currency", &a.currency), ("scale", &a.scale)] {
        fields.extend(value.as_deref().map(|v| (name, Field::Text(v))));
    }
    fields.extend(a.change.map(|change| ("change", Field::Flag(change))));
    if !a.currency_candidates.is_empty() {
        fields.push(("currency", Field::Null));
        fields.push(("currency_candidates", Field::Texts(a.currency_candidates.iter().map(String::as_str).collect())));
    }
    fields
}

fn quote_fields(a: &QuoteAttrs) -> Vec<(&'static str, Field<'_>)> {
    let mut fields = vec![("mode", Field::Text(a.mode)), ("cue", Field::Text(&a.cue)), ("cue_type", Field::Text(a.cue_type))];
    fields.extend(a.continues.map(|first| ("continues", Field::Offset(first))));
    match &a.speaker {
        Some(s) => fields.extend([
            ("speaker", Field::Text(&s.name)),
            ("speaker_start", Field::Offset(s.start)),
            ("speaker_end", Field::Offset(s.end)),
            ("anonymous", Field::Flag(s.anonymous)),
        ]),
        None => fields.push(("speaker", Field::Null)),
    }
    fields.extend(a.speaker_descriptor.as_deref().map(|d| ("speaker_descriptor", Field::Text(d))));
    fields
}

impl Serialize for Field<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Null => serializer.serialize_none(),
            Field::Text(t) => serializer.serialize_str(t),
            Field::Int(i) => serializer.serialize_i64(*i),
            Field::Offset(o) => serializer.serialize_u64(*o as u64),
            Field::Float(x) => serializer.serialize_f64(*x),
            Field::Flag(b) => serializer.serialize_bool(*b),
            Field::Texts(items) => items.serialize(serializer),
        }
    }
}

/// Attributes serialise as the JSON object of their fields (byte offsets as they are: a writer
/// that wants other offsets converts the fields first).
impl Serialize for Attrs {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = self.fields();
        let mut map = serializer.serialize_map(Some(fields.len()))?;
        for (name, field) in &fields {
            map.serialize_entry(name, field)?;
        }
        map.end()
    }
}
