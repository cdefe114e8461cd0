"""newsfacts: facts and term matrices from English and French news, with a Rust core.

>>> import newsfacts as nf
>>> corpus = nf.datasets.seeds()
>>> doc = corpus["000_c6fa68117381cad0"]
>>> doc.lang, doc.date
('fr', '2021-01')
>>> nf.tokenize("L’entreprise détient plus de 40 % du marché.", lang="fr").texts[:2]
['L’', 'entreprise']
"""

from . import datasets
from ._core import __version__, default_threads, detect_language, normalize_date
from .corpus import Corpus, Document, Segment, iter_facts, iter_read, read
from .errors import (
    DecodeError,
    InternalError,
    InputError,
    JsonLinesError,
    NewsfactsError,
    ParameterError,
    SourceError,
)
from .facts import FactTable, extract
from .matrix import TermMatrix
from .reporting import Report, report
from .tokens import KIND_NAMES, Token, Tokens, stop_words, tokenize

__all__ = [
    "__version__",
    "read",
    "iter_read",
    "iter_facts",
    "Corpus",
    "Document",
    "Segment",
    "tokenize",
    "Tokens",
    "TermMatrix",
    "FactTable",
    "extract",
    "report",
    "Report",
    "Token",
    "KIND_NAMES",
    "stop_words",
    "detect_language",
    "normalize_date",
    "default_threads",
    "datasets",
    "NewsfactsError",
    "InputError",
    "SourceError",
    "DecodeError",
    "JsonLinesError",
    "ParameterError",
    "InternalError",
]
