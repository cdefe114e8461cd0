"""Tokens in columns: numpy arrays of code point offsets, kinds and sentence ids."""

from __future__ import annotations

from typing import Any, Callable, Iterator, NamedTuple

import numpy as np

from . import _core, _optional
from ._text import without_surrogates
from ._display import table

#: Token kind names, indexed by the codes in ``Tokens.kind``.
KIND_NAMES: tuple[str, ...] = tuple(_core.token_kind_names())
_KIND_CODES = {name: code for code, name in enumerate(KIND_NAMES)}


def _offsets(column: np.ndarray) -> np.ndarray:
    """Code point offsets as Rust sends them (uint32) seen as int32, a view, not a copy, so
    that differences may go negative; int64 in the rare corpus with an article past 2**31."""
    column = np.asarray(column)
    if column.dtype == np.uint32:
        return column.view(np.int32) if len(column) == 0 or int(column.max()) < 2**31 else column.astype(np.int64)
    return column


class Token(NamedTuple):
    text: str
    start: int
    end: int
    kind: str
    sentence: int


class Tokens:
    """Tokens of one text or a whole corpus, as columns.

    ``start``/``end`` index the Python string (code points), so ``text[start:end]`` is the token.
    ``kind`` holds codes (names in :data:`KIND_NAMES`), ``sentence`` the sentence index within
    its document, ``segment`` the segment index, ``doc`` the document's position in the corpus.

    >>> import newsfacts as nf
    >>> toks = nf.tokenize("L’entreprise détient plus de 40 % du marché.", lang="fr")
    >>> toks.texts[:3]
    ['L’', 'entreprise', 'détient']
    >>> toks.kinds[5]
    'percent'
    """

    def __init__(self, columns: dict[str, Any], text_of: Callable[[int], str], lang_of: Callable[[int], str]) -> None:
        self.start: np.ndarray = _offsets(columns["start"])
        self.end: np.ndarray = _offsets(columns["end"])
        self.kind: np.ndarray = columns["kind"]
        self.sentence: np.ndarray = columns["sentence"]
        self.segment: np.ndarray = columns["segment"]
        # Rust sends how many tokens each document has, from document `first_doc` on: the `doc`
        # column (4 bytes a token) is made the first time it is asked for.
        self._doc_sizes: np.ndarray = np.asarray(columns["doc_sizes"], dtype=np.int64)
        self._first_doc: int = int(columns["first_doc"])
        self._doc: np.ndarray | None = None
        # The text and language of a document, by its position (the values of ``doc``).
        self._text_of = text_of
        self._lang_of = lang_of

    def __len__(self) -> int:
        return len(self.start)

    @property
    def doc(self) -> np.ndarray:
        """The position in the corpus of each token's document (int32)."""
        if self._doc is None:
            positions = np.arange(self._first_doc, self._first_doc + len(self._doc_sizes), dtype=np.int32)
            self._doc = np.repeat(positions, self._doc_sizes)
        return self._doc

    @property
    def texts(self) -> list[str]:
        """The token strings."""
        starts, ends = self.start.tolist(), self.end.tolist()
        out: list[str] = []
        # One text look-up per run of a document's tokens (a corpus lists them document by
        # document), not one per token.
        first = 0
        for doc, size in enumerate(self._doc_sizes.tolist(), start=self._first_doc):
            if size:
                text = self._text_of(doc)
                out.extend([text[s:e] for s, e in zip(starts[first:first + size], ends[first:first + size])])
                first += size
        return out

    @property
    def kinds(self) -> list[str]:
        """The kind name of every token."""
        names = np.array(KIND_NAMES, dtype=object)
        return names[self.kind].tolist()

    def where(self, *kinds: str) -> np.ndarray:
        """A boolean mask of the tokens of the given kinds, e.g. ``toks.where("word", "number")``."""
        unknown = [k for k in kinds if k not in _KIND_CODES]
        if unknown:
            from .errors import ParameterError

            raise ParameterError(f"unknown token kind(s) {unknown}; known: {list(KIND_NAMES)}", name="kinds")
        return np.isin(self.kind, [_KIND_CODES[k] for k in kinds])

    def __getitem__(self, i: int) -> Token:
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(f"token {i} out of range ({len(self)} tokens)")
        start, end = int(self.start[i]), int(self.end[i])
        return Token(self._text_of(int(self.doc[i]))[start:end], start, end, KIND_NAMES[self.kind[i]], int(self.sentence[i]))

    def __iter__(self) -> Iterator[Token]:
        for i in range(len(self)):
            yield self[i]

    def forms(self, lowercase: bool = True, fold_accents: bool = False, stem: bool = False) -> list[str]:
        """Normal forms for analysis: lowercase, typographic apostrophes as ``'``, optionally
        without accents and Snowball-stemmed (in the document's language).

        >>> import newsfacts as nf
        >>> nf.tokenize("Les Élections", lang="fr").forms(fold_accents=True, stem=True)
        ['le', 'elect']
        """
        texts = self.texts
        if not texts:
            return []
        # One Rust call per language over all its tokens. Gathering each document's tokens with
        # ``doc == d`` scanned every token once per document: quadratic in documents.
        docs = np.flatnonzero(self._doc_sizes) + self._first_doc
        langs, codes = np.unique([self._lang_of(d) for d in docs.tolist()], return_inverse=True)
        if len(langs) == 1:
            return _core.normalize_texts(texts, str(langs[0]), lowercase, fold_accents, stem)
        lang_of_doc = np.zeros(int(docs[-1]) + 1, dtype=np.int64)
        lang_of_doc[docs] = codes
        token_lang = lang_of_doc[self.doc]
        out: list[str] = [""] * len(texts)
        for code, lang in enumerate(langs.tolist()):
            idx = np.flatnonzero(token_lang == code).tolist()
            forms = _core.normalize_texts([texts[i] for i in idx], lang, lowercase, fold_accents, stem)
            for i, form in zip(idx, forms):
                out[i] = form
        return out

    def sentences(self) -> list[str]:
        """The text of each sentence (per document, in order), from its first to its last token."""
        out = []
        if len(self) == 0:
            return out
        # int64: doc × sentences overflows the int32 columns on large corpora.
        key = self.doc.astype(np.int64) * (int(self.sentence.max()) + 1) + self.sentence
        bounds = np.flatnonzero(np.diff(key)) + 1
        for first, last in zip(np.r_[0, bounds], np.r_[bounds, len(self)] - 1):
            text = self._text_of(int(self.doc[first]))
            out.append(text[int(self.start[first]) : int(self.end[last])])
        return out

    def to_pandas(self):
        """A DataFrame with one row per token."""
        pd = _optional.pandas("Tokens.to_pandas()")

        return pd.DataFrame(
            {
                "doc": self.doc,
                "sentence": self.sentence,
                "start": self.start,
                "end": self.end,
                "kind": pd.Categorical.from_codes(self.kind, categories=list(KIND_NAMES)),
                "text": self.texts,
            }
        )

    def __repr__(self) -> str:
        shown = ", ".join(repr(self[i].text) for i in range(min(8, len(self))))  # not every token's text
        more = ", …" if len(self) > 8 else ""
        return f"<Tokens: {len(self)} tokens [{shown}{more}]>"

    def _repr_html_(self) -> str:
        rows = [(i, t.text, t.kind, t.sentence, t.start, t.end) for i, t in zip(range(50), self)]
        more = f"{len(self)} tokens" + (" (first 50 shown)" if len(self) > 50 else "")
        return table(["#", "text", "kind", "sentence", "start", "end"], rows, caption=more)


def tokenize(text: str, lang: str | None = None) -> Tokens:
    """Tokenize one text (``lang``: ``"fr"``, ``"en"``, ``"und"``, or None to detect it).

    >>> import newsfacts as nf
    >>> nf.tokenize("Huawei’s 16% share in Q2 2020.", lang="en").texts
    ['Huawei', '’s', '16%', 'share', 'in', 'Q2', '2020', '.']
    """
    if not isinstance(text, str):
        from .errors import InputError

        raise InputError(f"tokenize() takes a str, not {type(text).__name__}", source="text")
    # A lone surrogate is read as U+FFFD (one code point for one: offsets still index `text`).
    columns = _core.tokenize_text(without_surrogates(text), lang)
    lang_code = columns["lang"]
    return Tokens(columns, lambda _: text, lambda _: lang_code)


def stop_words(lang: str) -> frozenset[str]:
    """The stop words of ``"en"`` or ``"fr"`` (stopwords-iso), lowercase, ``'`` apostrophes.

    >>> import newsfacts as nf
    >>> "les" in nf.stop_words("fr"), "the" in nf.stop_words("en")
    (True, True)
    """
    return _core.stop_words(lang)
