//! Core errors become the exception classes of `newsfacts.errors`, with their fields.

use crate::error::CoreError;
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

fn build(py: Python<'_>, err: &CoreError) -> PyResult<PyErr> {
    let errors = py.import("newsfacts.errors")?;
    let kwargs = PyDict::new(py);
    let mut message = err.to_string();
    let class = match err {
        CoreError::Decode { source, line, byte_offset, .. } => {
            kwargs.set_item("source", source)?;
            kwargs.set_item("line", line)?;
            kwargs.set_item("byte_offset", byte_offset)?;
            // The core does not know how a Python caller gets past it; errors.py words it once.
            let advice: String = errors.getattr("DecodeError")?.getattr("ADVICE")?.extract()?;
            kwargs.set_item("problem", &message)?;
            message = format!("{message}; {advice}");
            "DecodeError"
        }
        CoreError::Json { source, line, .. } => {
            kwargs.set_item("source", source)?;
            kwargs.set_item("line", line)?;
            "JsonLinesError"
        }
        CoreError::Io { source, .. } => {
            kwargs.set_item("source", source)?;
            "SourceError"
        }
        CoreError::Input { source, .. } => {
            kwargs.set_item("source", source)?;
            "InputError"
        }
        CoreError::Parameter { name, .. } => {
            kwargs.set_item("name", name)?;
            "ParameterError"
        }
        CoreError::Internal { source, .. } => {
            kwargs.set_item("source", source)?;
            "InternalError"
        }
    };
    let exception = errors.getattr(class)?.call((message,), Some(&kwargs))?;
    Ok(PyErr::from_value(exception))
}

pub fn to_pyerr(err: CoreError) -> PyErr {
    Python::attach(|py| build(py, &err).unwrap_or_else(|_| PyRuntimeError::new_err(err.to_string())))
}

pub trait IntoPyResult<T> {
    fn py_result(self) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for crate::error::Result<T> {
    fn py_result(self) -> PyResult<T> {
        self.map_err(to_pyerr)
    }
}
