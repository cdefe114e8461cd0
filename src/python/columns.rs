//! Column kinds that cross to Python without one Python object per row: names drawn from a few
//! (codes and their names), and JSON texts (one byte buffer and row offsets). A fact table of
//! a gigabyte of news then costs a few bytes a fact beyond its JSON, not some 50 per field.

use numpy::IntoPyArray;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rustc_hash::FxHashMap;

/// Names drawn from a few (kinds, segments, rules): a code per row and the names once.
#[derive(Default)]
pub struct Names {
    codes: Vec<u16>,
    names: Vec<&'static str>,
    index: FxHashMap<&'static str, u16>,
}

impl Names {
    fn code(&mut self, name: &'static str) -> u16 {
        let next = self.names.len();
        *self.index.entry(name).or_insert_with(|| {
            self.names.push(name);
            u16::try_from(next).expect("more than 65,536 distinct names in one column")
        })
    }

    pub fn push(&mut self, name: &'static str) {
        let code = self.code(name);
        self.codes.push(code);
    }

    /// Append `other`'s rows, its codes mapped to this column's.
    pub fn extend(&mut self, other: Names) {
        let mapped: Vec<u16> = other.names.iter().map(|&name| self.code(name)).collect();
        self.codes.extend(other.codes.iter().map(|&c| mapped[c as usize]));
    }

    /// `{"codes": uint16 array, "names": [str]}` for `newsfacts.facts._Names`.
    pub fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("codes", self.codes.into_pyarray(py))?;
        dict.set_item("names", PyList::new(py, self.names.iter().map(|n| PyString::intern(py, n)))?)?;
        Ok(dict)
    }
}

/// JSON texts, one a row, each followed by a comma in one buffer: a whole column decodes with
/// one `json.loads("[" + buffer + "]")`, one row from its offsets.
pub struct JsonRows {
    bytes: Vec<u8>,
    /// Where each row starts, and one past the last row's comma.
    offsets: Vec<i64>,
}

impl Default for JsonRows {
    fn default() -> Self {
        JsonRows { bytes: Vec::new(), offsets: vec![0] }
    }
}

impl JsonRows {
    pub fn push(&mut self, value: &impl serde::Serialize) {
        serde_json::to_writer(&mut self.bytes, value).expect("a JSON value always serialises");
        self.bytes.push(b',');
        self.offsets.push(self.bytes.len() as i64);
    }

    /// Append `other`'s rows; `other` is freed once copied.
    pub fn extend(&mut self, other: JsonRows) {
        let shift = self.bytes.len() as i64;
        self.bytes.extend_from_slice(&other.bytes);
        self.offsets.extend(other.offsets[1..].iter().map(|&o| o + shift));
    }

    /// `{"bytes": uint8 array, "offsets": int64 array}` for `newsfacts.facts._JsonRows`: the
    /// buffers move to numpy without a copy.
    pub fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("bytes", self.bytes.into_pyarray(py))?;
        dict.set_item("offsets", self.offsets.into_pyarray(py))?;
        Ok(dict)
    }
}
