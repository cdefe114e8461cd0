"""Numbers as a reader writes them: "$162bn", "€1.5m", "40%", "12,500 km" (English) or
"162 Md$", "1,5 M€", "40 %", "12 500 km" (French).

>>> human({"value": 162e9, "attrs": {"currency": "USD"}}, "en")
'$162bn'
>>> human({"value": 1.5e6, "attrs": {"currency": "EUR"}}, "fr")
'1,5 M€'
>>> human({"value": 12500.0, "attrs": {"unit": "km"}}, "fr") == "12\u202f500 km"  # a narrow no-break space groups digits
True
>>> human({"value": 9.1, "attrs": {"unit": "%"}}, "en")
'9.1%'
"""

from __future__ import annotations

from typing import Any

#: Symbols readers know; other currencies print their ISO code.
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥", "INR": "₹", "CHF": "CHF ", "CAD": "C$", "AUD": "A$"}
#: (size, English suffix, French suffix), largest first.
SCALES = ((1e12, "tn", " Bn"), (1e9, "bn", " Md"), (1e6, "m", " M"), (1e3, None, None))


def plain(value: float, lang: str, digits: int = 2) -> str:
    """``12500.5`` as ``12,500.5`` (en) or ``12 500,5`` (fr); at most ``digits`` decimals."""
    text = f"{value:,.{digits}f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def percent(value: float, lang: str, digits: int = 1) -> str:
    """``12.5`` as ``12.5%`` (en) or ``12,5 %`` (fr)."""
    number = f"{value:.{digits}f}"
    return f"{number.replace('.', ',')}\u202f%" if lang == "fr" else f"{number}%"


def human(fact: dict[str, Any], lang: str) -> str:
    """A quantity or money fact's value with its unit or currency, scaled when large."""
    value, attrs = fact["value"], fact.get("attrs", {})
    if not isinstance(value, (int, float)):
        return str(value)
    currency = attrs.get("currency")
    if currency:
        return _money(float(value), currency, lang)
    unit = attrs.get("unit") or ""
    number = plain(float(value), lang)
    if unit == "%":
        return f"{number} %" if lang == "fr" else f"{number}%"
    return f"{number} {unit}".strip()


def _money(value: float, currency: str, lang: str) -> str:
    for size, en, fr in SCALES:
        if abs(value) >= size and en is not None:
            number = plain(value / size, lang)
            if lang == "fr":
                return f"{number}{fr}{SYMBOLS.get(currency, ' ' + currency).strip()}"
            return f"{SYMBOLS[currency]}{number}{en}" if currency in SYMBOLS else f"{number}{en} {currency}"
    number = plain(value, lang)
    if lang == "fr":
        return f"{number} {SYMBOLS.get(currency, currency).strip()}"
    return f"{SYMBOLS[currency]}{number}" if currency in SYMBOLS else f"{number} {currency}"
