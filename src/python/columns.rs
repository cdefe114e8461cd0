//! Column kinds that cross to Python without one Python object per row: names drawn from a few
//! (codes and their names), texts (one UTF-8 buffer and row offsets), and typed cells (a state
//! byte per row, the content by type). A fact table of a gigabyte of news then costs a few
//! bytes a field beyond its text, not some 50 per Python object, and no JSON is parsed.

use crate::facts::Field as Cell;
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

/// Text rows as UTF-8 in one buffer and where each row starts (Arrow's string layout): numpy
/// takes the buffers without a copy, and pyarrow (when installed) reads them as they are.
pub struct Texts {
    bytes: Vec<u8>,
    /// Where each row starts, and where the last one ends.
    offsets: Vec<i64>,
}

impl Default for Texts {
    fn default() -> Self {
        Texts { bytes: Vec::new(), offsets: vec![0] }
    }
}

impl Texts {
    pub fn push(&mut self, text: &str) {
        self.bytes.extend_from_slice(text.as_bytes());
        self.offsets.push(self.bytes.len() as i64);
    }

    pub fn extend(&mut self, other: Texts) {
        let shift = self.bytes.len() as i64;
        self.bytes.extend_from_slice(&other.bytes);
        self.offsets.extend(other.offsets[1..].iter().map(|&o| o + shift));
    }

    /// `{"bytes": uint8 array, "offsets": int64 array}` for `newsfacts._columns.Texts`.
    pub fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("bytes", self.bytes.into_pyarray(py))?;
        dict.set_item("offsets", self.offsets.into_pyarray(py))?;
        Ok(dict)
    }
}

/// What a row of a `Cells` column holds (the codes `newsfacts._columns.Cells` reads).
#[repr(u8)]
#[derive(Clone, Copy)]
enum State {
    Absent = 0,
    Null = 1,
    Text = 2,
    Int = 3,
    Float = 4,
    False = 5,
    True = 6,
    Texts = 7,
}

/// A column of typed cells, a row each: a state code per row, and the content of the rows
/// that have one, in row order, kept by type (texts, floats, ints, lists of texts). Rows
/// without the field cost one byte; no JSON on the way: numbers stay numbers, texts UTF-8.
#[derive(Default)]
pub struct Cells {
    state: Vec<u8>,
    texts: Texts,
    numbers: Vec<f64>,
    ints: Vec<i64>,
    /// For each list row, how many of `items` are its list.
    item_counts: Vec<i64>,
    items: Texts,
}

impl Cells {
    fn rows(&self) -> usize {
        self.state.len()
    }

    /// Append one row: `cell`, or nothing (`None`: the row has no such attribute).
    pub fn push(&mut self, cell: Option<Cell<'_>>) {
        let state = match cell {
            None => State::Absent,
            Some(Cell::Null) => State::Null,
            Some(Cell::Text(text)) => {
                self.texts.push(text);
                State::Text
            }
            Some(Cell::Int(int)) => {
                self.ints.push(int);
                State::Int
            }
            Some(Cell::Offset(offset)) => {
                self.ints.push(offset as i64);
                State::Int
            }
            Some(Cell::Float(number)) => {
                self.numbers.push(number);
                State::Float
            }
            Some(Cell::Flag(true)) => State::True,
            Some(Cell::Flag(false)) => State::False,
            Some(Cell::Texts(list)) => {
                self.item_counts.push(list.len() as i64);
                list.iter().for_each(|item| self.items.push(item));
                State::Texts
            }
        };
        self.state.push(state as u8);
    }

    /// `n` rows without this attribute.
    fn pad(&mut self, n: usize) {
        self.state.resize(self.state.len() + n, State::Absent as u8);
    }

    pub fn extend(&mut self, other: Cells) {
        self.state.extend(other.state);
        self.texts.extend(other.texts);
        self.numbers.extend(other.numbers);
        self.ints.extend(other.ints);
        self.item_counts.extend(other.item_counts);
        self.items.extend(other.items);
    }

    pub fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("state", self.state.into_pyarray(py))?;
        dict.set_item("texts", self.texts.into_py(py)?)?;
        dict.set_item("numbers", self.numbers.into_pyarray(py))?;
        dict.set_item("ints", self.ints.into_pyarray(py))?;
        dict.set_item("item_counts", self.item_counts.into_pyarray(py))?;
        dict.set_item("items", self.items.into_py(py)?)?;
        Ok(dict)
    }
}

/// Named `Cells` columns of equal length, a column per attribute name met so far: the
/// attributes of facts of several kinds, each row holding only its kind's.
#[derive(Default)]
pub struct CellTable {
    rows: usize,
    columns: std::collections::BTreeMap<&'static str, Cells>,
}

impl CellTable {
    /// Append one row holding `cells` (name, cell); the other columns get nothing there.
    pub fn push<'a>(&mut self, cells: impl IntoIterator<Item = (&'static str, Cell<'a>)>) {
        for (name, cell) in cells {
            let column = self.columns.entry(name).or_default();
            // An attribute met twice in one row would shift the column against the others.
            assert!(column.rows() <= self.rows, "attribute {name} twice in one fact");
            column.pad(self.rows - column.rows());
            column.push(Some(cell));
        }
        self.rows += 1;
    }

    pub fn extend(&mut self, other: CellTable) {
        for (name, mut column) in other.columns {
            let mine = self.columns.entry(name).or_default();
            mine.pad(self.rows - mine.rows());
            column.pad(other.rows - column.rows());
            mine.extend(column);
        }
        self.rows += other.rows;
    }

    /// `{"rows": n, "columns": {name: Cells dict}}`, every column `n` rows long.
    pub fn into_py(mut self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let rows = self.rows;
        let columns = PyDict::new(py);
        for (name, column) in self.columns.iter_mut() {
            column.pad(rows - column.rows());
            let taken = std::mem::take(column);
            columns.set_item(*name, taken.into_py(py)?)?;
        }
        let dict = PyDict::new(py);
        dict.set_item("rows", rows)?;
        dict.set_item("columns", columns)?;
        Ok(dict)
    }
}
