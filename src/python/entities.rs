//! The entities of a corpus to Python: an entity index per name given, and the entities as
//! columns (kind, name, variants, mentions).

use crate::facts::FactKind;
use crate::resolve;
use numpy::IntoPyArray;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Resolve `names` (kinds "person", "organization", "place"; `kinds[i]` is the kind of
/// `names[i]`) across a corpus, joining acronyms to the one expansion `acronyms` give them;
/// `speaker_entity`: the entity each of `speakers` stands for (-1: none).
#[pyfunction]
pub fn resolve_entities<'py>(
    py: Python<'py>,
    kinds: Vec<String>,
    names: Vec<String>,
    acronyms: Vec<(String, String)>,
    speakers: Vec<String>,
) -> PyResult<Bound<'py, PyDict>> {
    if kinds.len() != names.len() {
        return Err(pyo3::exceptions::PyValueError::new_err(format!("{} kinds for {} names", kinds.len(), names.len())));
    }
    let typed: Vec<(FactKind, &str)> = kinds
        .iter()
        .zip(&names)
        .map(|(kind, name)| {
            let kind = FactKind::from_name(kind).filter(|k| matches!(k, FactKind::Person | FactKind::Organization | FactKind::Place));
            kind.map(|k| (k, name.as_str())).ok_or_else(|| pyo3::exceptions::PyValueError::new_err(format!("{kind:?} is not an entity kind")))
        })
        .collect::<PyResult<_>>()?;
    let pairs: Vec<(&str, &str)> = acronyms.iter().map(|(s, l)| (s.as_str(), l.as_str())).collect();
    let speakers: Vec<&str> = speakers.iter().map(String::as_str).collect();
    let resolution = super::detached(py, None, || resolve::resolve(&typed, &pairs, &speakers));
    let dict = PyDict::new(py);
    dict.set_item("entity_of", resolution.entity_of.into_pyarray(py))?;
    let speaker_entity: Vec<i64> = resolution.speaker_entity.iter().map(|e| e.map_or(-1, i64::from)).collect();
    dict.set_item("speaker_entity", speaker_entity.into_pyarray(py))?;
    let (mut kinds, mut names, mut variants, mut mentions) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for entity in resolution.entities {
        kinds.push(entity.kind.name());
        names.push(entity.name);
        variants.push(entity.variants);
        mentions.push(entity.mentions as i64);
    }
    dict.set_item("kind", kinds)?;
    dict.set_item("name", names)?;
    dict.set_item("variants", variants)?;
    dict.set_item("mentions", mentions.into_pyarray(py))?;
    Ok(dict)
}
