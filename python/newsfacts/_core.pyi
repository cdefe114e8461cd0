"""Type stubs for the Rust extension (the binding room in src/python/)."""

from os import PathLike
from typing import Any

import numpy as np
import numpy.typing as npt

__version__: str

TokenColumns = dict[str, npt.NDArray[Any]]

class ArticleStream:
    """Files and folders read a batch of articles at a time."""
    def __init__(
        self,
        paths: list[str | PathLike[str]],
        encoding_errors: str = "strict",
        errors: str = "raise",
        lang: str | None = None,
        n_jobs: int | None = None,
    ) -> None: ...
    def next_batch(self, max_articles: int, max_bytes: int) -> tuple[CoreCorpus, list[tuple[str, str]]] | None: ...

class CoreCorpus:
    @staticmethod
    def from_paths(
        paths: list[str | PathLike[str]],
        encoding_errors: str = "strict",
        errors: str = "raise",
        lang: str | None = None,
        n_jobs: int | None = None,
        progress: Progress | None = None,
    ) -> tuple[CoreCorpus, list[tuple[str, str]]]: ...
    @staticmethod
    def from_records(
        ids: list[str],
        texts: list[str],
        titles: list[str | None],
        dates: list[str | None],
        langs: list[str | None],
        sources: list[str | None],
        extras: list[str | None],
        lang: str | None = None,
        n_jobs: int | None = None,
        progress: Progress | None = None,
    ) -> CoreCorpus: ...
    def __len__(self) -> int: ...
    def ids(self) -> list[str]: ...
    def text(self, index: int) -> str: ...
    def info(self, index: int) -> dict[str, Any]: ...
    def segments(self, index: int) -> list[tuple[str, str, int, int]]: ...
    def tokens(self, index: int, include_boilerplate: bool = False) -> TokenColumns: ...
    def all_tokens(self, include_boilerplate: bool = False, n_jobs: int | None = None, progress: Progress | None = None) -> TokenColumns: ...
    def stats(self, n_jobs: int | None = None) -> dict[str, npt.NDArray[np.int64]]: ...

def tokenize_text(text: str, lang: str | None = None) -> dict[str, Any]: ...
def token_kind_names() -> list[str]: ...
def normalize_texts(
    texts: list[str], lang: str = "und", lowercase: bool = True, fold_accents: bool = False, stem: bool = False
) -> list[str]: ...
def stop_words(lang: str) -> frozenset[str]: ...
def detect_language(text: str) -> str: ...
def normalize_date(text: str) -> str | None: ...
def default_threads() -> int: ...

CsrArrays = tuple[npt.NDArray[Any], npt.NDArray[Any], npt.NDArray[Any]]

class SklearnAnalyzer:
    def __init__(
        self,
        lowercase: bool = True,
        strip_accents: str | None = None,
        token_pattern: str = ...,
        ngram_range: tuple[int, int] = (1, 1),
        stop_words: list[str] | None = None,
        within_runs: str | None = None,
    ) -> None: ...
    def __getnewargs__(self) -> tuple[Any, ...]: ...
    def analyze(self, doc: str) -> list[str]: ...
    def count(self, docs: list[str], n_jobs: int | None = None) -> Counts: ...
    def transform(self, docs: list[str], vocabulary: list[str], n_jobs: int | None = None) -> CsrArrays: ...
    def hash(
        self,
        docs: list[str],
        n_features: int,
        alternate_sign: bool = True,
        binary: bool = False,
        norm: str | None = None,
        n_jobs: int | None = None,
    ) -> CsrArrays: ...

class Counts:
    @property
    def n_docs(self) -> int: ...
    def terms(self) -> list[str]: ...
    def document_frequency(self) -> npt.NDArray[np.int64]: ...
    def term_frequency(self) -> npt.NDArray[np.int64]: ...
    def to_csr(
        self,
        columns: npt.NDArray[np.int64] | None = None,
        binary: bool = False,
        first_seen_order: bool = False,
        as_float: bool = False,
        n_jobs: int | None = None,
    ) -> CsrArrays: ...

def corpus_term_matrix(
    corpus: CoreCorpus,
    analyzer: dict[str, Any],
    min_df: float,
    max_df: float,
    max_features: int | None,
    vocabulary: list[str] | None,
    binary: bool,
    weighting: str,
    sublinear_tf: bool,
    smooth_idf: bool,
    norm: str | None,
    n_jobs: int | None,
) -> dict[str, Any]: ...
def corpus_hash_matrix(
    corpus: CoreCorpus,
    analyzer: dict[str, Any],
    n_features: int,
    alternate_sign: bool,
    binary: bool,
    norm: str | None,
    n_jobs: int | None,
) -> CsrArrays: ...

class TermStats:
    """Sorted terms with document and term frequencies over ``n_docs`` documents; merges, pickles."""

    def __init__(self, terms: list[str], document_frequency: list[int], term_frequency: list[int], n_docs: int) -> None: ...
    @staticmethod
    def _from_bytes(bytes: bytes) -> TermStats: ...
    def __reduce__(self) -> tuple[Any, tuple[bytes]]: ...
    @staticmethod
    def merge(parts: list[TermStats]) -> TermStats: ...
    @property
    def n_docs(self) -> int: ...
    @property
    def terms(self) -> list[str]: ...
    @property
    def document_frequency(self) -> npt.NDArray[np.int64]: ...
    @property
    def term_frequency(self) -> npt.NDArray[np.int64]: ...
    def select(self, min_df: float, max_df: float, max_features: int | None = None) -> TermStats: ...
    def column_map(self, columns: TermStats) -> npt.NDArray[np.int64]: ...
    def __len__(self) -> int: ...

def corpus_term_counts(corpus: CoreCorpus, analyzer: dict[str, Any], n_jobs: int | None = None) -> tuple[TermStats, CsrArrays]: ...
def weigh_counts(
    data: npt.NDArray[np.int64],
    indices: npt.NDArray[np.int64],
    indptr: npt.NDArray[np.int64],
    n_cols: int,
    document_frequency: npt.NDArray[np.int64],
    n_docs: int,
    average_length: float,
    weighting: str,
    sublinear_tf: bool,
    smooth_idf: bool,
    norm: str | None,
) -> CsrArrays: ...
def corpus_cooccurrence(
    corpus: CoreCorpus, terms: list[str], window: int | None, analyzer: dict[str, Any], n_jobs: int | None
) -> CsrArrays: ...
def corpus_facts(
    corpus: CoreCorpus,
    indices: list[int] | None = None,
    include_boilerplate: bool = False,
    n_jobs: int | None = None,
    progress: Progress | None = None,
    kinds: list[str] | None = None,
) -> dict[str, Any]:
    """Fact columns: ``doc_index`` (int64, the document's position in the corpus), ``kind``,
    ``start``, ``end``, ``text``, ``value`` and ``attrs`` (JSON text), ``sentence``,
    ``segment``, ``rule``; only facts of ``kinds`` when given."""
    ...

class Progress:
    """Articles done (and expected) by a Rust call that runs without the GIL."""

    def __init__(self) -> None: ...
    def done(self) -> int: ...
    def total(self) -> int: ...
def extract_text(text: str, lang: str | None = None, date: str | None = None, include_boilerplate: bool = True,
                 kinds: list[str] | None = None) -> dict[str, Any]: ...

def corpus_fact_lines(corpus: CoreCorpus, format: str, include_boilerplate: bool = False, n_jobs: int | None = None,
                      kinds: list[str] | None = None) -> tuple[bytes, int]:
    """The facts of every article as JSON lines or CSV rows (no header), and how many."""
    ...

def resolve_entities(kinds: list[str], names: list[str], acronyms: list[tuple[str, str]],
                     speakers: list[str]) -> dict[str, Any]:
    """People, organisations and places (``names[i]`` of kind ``kinds[i]``) joined across a
    corpus: ``entity_of`` (uint32, an entity per name), ``speaker_entity`` (int64, -1: none)
    and the entities' ``kind``, ``name``, ``variants``, ``mentions``."""
