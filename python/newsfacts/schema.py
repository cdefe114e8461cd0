"""What a fact record holds, kind by kind: ``FactRecord`` is one row of a
:class:`~newsfacts.facts.FactTable` (``records()``, ``facts[i]``, a line of ``write``), and
its ``attrs`` is the ``TypedDict`` of its kind (``ATTRS[kind]``; kinds not listed have none).

Each mirrors the Rust type of that kind's attributes (``src/facts/attrs.rs``); a test reads
every fact of the shared corpora against them.

>>> import newsfacts as nf
>>> from newsfacts.schema import ATTRS
>>> quote = nf.extract("« Nous restons », a déclaré Marie Curie.", lang="fr").kinds("quote")[0]
>>> set(quote["attrs"]) <= set(ATTRS["quote"].__annotations__) and ATTRS["quote"].__required_keys__ <= set(quote["attrs"])
True
"""

from __future__ import annotations

from typing import Literal, Optional, TypedDict, Union

Kind = Literal["date", "duration", "quantity", "money", "source", "acronym", "quote", "person", "organization",
               "place", "role"]


class DurationAttrs(TypedDict):
    #: The unit word as written ("months", "ans").
    unit: str


# Keys every fact of a kind has are declared in a base class, the others in a total=False
# subclass (NotRequired needs Python 3.11; newsfacts supports 3.10).
class _Amount(TypedDict):
    #: "=", "~" (about), ">" (more than) or "<" (less than).
    qualifier: str
    #: Who or what the number is about: a name, several names, or None.
    subject: Optional[Union[str, list[str]]]
    #: What is measured ("marché chinois"), or None.
    measure: Optional[str]


class AmountAttrs(_Amount, total=False):
    """A quantity or an amount of money."""

    #: The unit, singular ("%", "employee", "year"); money has one only when it is per something.
    unit: str
    #: ISO 4217 code of money ("EUR", "USD"); None when the name is shared by several
    #: currencies and the text does not say which ("40 millions de francs").
    currency: Optional[str]
    #: The codes such a name may stand for ("CHF", "XOF", ...), when ``currency`` is None.
    currency_candidates: list[str]
    #: The scale word as written ("billion", "milliards").
    scale: str
    #: When a verb ties the number to its measure: True if the number is how far the measure
    #: moved ("exports rose 5%", "fell by $2"), False if it is the level it moved to or is at
    #: ("rose to $47", "hit $3bn"); absent otherwise.
    change: bool


class _Source(TypedDict):
    #: "media", "organization", "person", "report", "press_release" or "anonymous".
    source_type: str
    #: The cue as the rule knows it ("according to", "selon").
    cue: str


class SourceAttrs(_Source, total=False):
    #: The cue as written in the text.
    cue_text: str


class AcronymAttrs(TypedDict):
    short: str
    long: str


class _Quote(TypedDict):
    #: "direct" (all in quotation marks), "partial" (quoted words inside reported speech) or
    #: "reported".
    mode: str
    #: The words that attribute it ("said", "a déclaré", "according to").
    cue: str
    #: What the cue reports: "speech", "writing" (wrote, tweeted), "thought" (believes,
    #: estime que) or "finding" (a poll found, selon une étude).
    cue_type: str
    #: Who said it: a name, a description ("a spokesman"), or None when no one is named.
    speaker: Optional[str]


class QuoteAttrs(_Quote, total=False):
    #: Where the speaker's words are in the document (code points), when there is a speaker.
    speaker_start: int
    speaker_end: int
    #: Whether the speaker is no one in particular ("a source", "un proche").
    anonymous: bool
    #: The words that named the speaker, when a role led to the name ("its founder").
    speaker_descriptor: str
    #: Set on a later part of a quote broken by its attribution (“We agree,” she said, “mostly.”):
    #: where that quote's opening part begins (its ``start``), in this document.
    continues: int


class RoleAttrs(TypedDict):
    person: str
    role: str
    organization: Optional[str]


class NoAttrs(TypedDict):
    pass


#: The attributes' TypedDict of each kind.
ATTRS: dict[str, type] = {
    "date": NoAttrs, "duration": DurationAttrs, "quantity": AmountAttrs, "money": AmountAttrs,
    "source": SourceAttrs, "acronym": AcronymAttrs, "quote": QuoteAttrs, "person": NoAttrs,
    "organization": NoAttrs, "place": NoAttrs, "role": RoleAttrs,
}

Attrs = Union[DurationAttrs, AmountAttrs, SourceAttrs, AcronymAttrs, QuoteAttrs, RoleAttrs, NoAttrs]


class FactRecord(TypedDict):
    doc: str
    kind: Kind
    #: Code point offsets into the document text: ``text[start:end]`` is the fact's text.
    start: int
    end: int
    text: str
    #: A TIMEX3 value (dates, durations), a number (quantities, money), a name (entities,
    #: sources, quote speakers, roles' role), the expansion (acronyms), or None.
    value: Union[str, float, None]
    attrs: Attrs
    sentence: int
    #: "body", "title", "header", "boilerplate" or "metadata".
    segment: str
    #: The rule that found the fact ("date.month_year", "quote.direct_verb_speaker"...).
    rule: str
