//! The fields of a fact as typed cells: what the binding turns into columns (numbers stay
//! numbers, texts stay text) and what writers serialise.

use serde_json::Value;

/// One field of a fact (its value, or one attribute of its kind).
#[derive(Clone, Debug, PartialEq)]
pub enum Field<'a> {
    Null,
    Text(&'a str),
    Int(i64),
    Float(f64),
    Flag(bool),
    Texts(Vec<&'a str>),
}

/// The attribute names facts carry, each once, so that columns are keyed by `&'static str`.
const ATTRIBUTE_NAMES: [&str; 20] = [
    "anonymous",
    "cue",
    "cue_text",
    "currency",
    "long",
    "measure",
    "mode",
    "organization",
    "person",
    "qualifier",
    "role",
    "scale",
    "short",
    "source_type",
    "speaker",
    "speaker_descriptor",
    "speaker_end",
    "speaker_start",
    "subject",
    "unit",
];

/// A JSON value as a field (lists hold texts only).
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

/// An attribute's name as the `'static` one of ATTRIBUTE_NAMES.
pub fn attribute_name(name: &str) -> &'static str {
    ATTRIBUTE_NAMES.iter().find(|n| **n == name).copied().expect("every attribute name is in ATTRIBUTE_NAMES")
}
