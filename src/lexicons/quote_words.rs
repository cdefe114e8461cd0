//! Word lists read by the quote rules (`src/facts/`), one data file each beside this one.

#[allow(unused_imports)]
use super::{word_list, word_set};
