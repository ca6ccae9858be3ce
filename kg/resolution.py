"""Names and identity: how two mentions are found to be one entity, and the key an IRI is minted from.

Within a document: short and long forms ("Huawei Technologies" / "Huawei"), a typo ("Xioami"), a
surname alone ("Wang" for "Wang Xiang"). Across documents: the identity key (legal suffixes dropped,
countries by ISO code), so every document mints the same IRI for the same company."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import DamerauLevenshtein

# Words that designate a company's legal form or grouping, not its identity.
LEGAL_SUFFIXES = frozenset("""
inc incorporated corp corporation co company cos ltd limited llc llp lp plc ag sa se nv bv gmbh kg
kk spa sas ab asa oy oyj as aps pte pty sdn bhd tbk srl sarl kgaa ltda group holdings holding technologies technology
aş sro kft zrt nyrt sl slu lda jsc pjsc ojsc pvt sae sab doo uab ehf
""".split())     # (Turkey's A.Ş., Czechia's s.r.o., Hungary's Kft. and Zrt., Spain's S.L., Russia's PJSC, India's Pvt ...)

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def normalize(name: str) -> str:
    """The form names are compared in (the same rules as the evaluation's scorer): case, curly
    quotes, possessive 's, punctuation and a leading 'the' do not matter."""
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES).lower()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"^(?:\s*the\s+)+", "", text)
    return " ".join(text.split())


# Legal forms written as several words, as normalize() leaves them: "Sp. z o.o.", "S.A. de C.V.", "S. de R.L.".
SPACED_LEGAL_FORMS = ("sp z o o", "sp k", "s a de c v", "s de r l de c v", "s de r l")


def strip_legal_suffixes(name: str) -> str:
    """'Huawei Technologies Co., Ltd.' -> 'Huawei'. Never strips a name down to nothing."""
    text = normalize(name)
    for form in SPACED_LEGAL_FORMS:
        if text.endswith(" " + form):
            text = text[:-len(form) - 1]
            break
    words = text.split()
    while len(words) > 1:
        if words[-1] in LEGAL_SUFFIXES:
            words.pop()
            continue
        letters = next((n for n in (3, 2) if len(words) > n and all(len(w) == 1 for w in words[-n:])
                        and "".join(words[-n:]) in LEGAL_SUFFIXES), None)
        if letters is None:                  # "N.V.", "S.p.A.": a dotted legal form, in letters after normalize
            break
        del words[-letters:]
    return " ".join(words)


def identity_key(entity_type: str, name: str) -> str:
    """What an entity's IRI is minted from."""
    if entity_type == "Market":
        from .extract.markets import resolve_market

        ref = resolve_market(name)
        if ref is not None:
            return ref.code.replace("region:", "")
        return normalize(name)
    if entity_type == "Company":
        return strip_legal_suffixes(name)
    return normalize(name)


def is_typo_of(a: str, b: str) -> bool:
    """Two single names one edit apart (a transposition counts as one), long enough for that to mean
    a typo rather than another name: 'Xioami' / 'Xiaomi', not 'Oppo' / 'Vivo'."""
    a, b = normalize(a), normalize(b)
    if a == b or min(len(a), len(b)) < 5 or a[0] != b[0] or any(c.isdigit() for c in a + b):
        return False
    limit = 1 if max(len(a), len(b)) < 10 else 2
    return DamerauLevenshtein.distance(a, b) <= limit


def is_short_form(short: str, long: str) -> bool:
    """'Huawei' is a short form of 'Huawei Technologies'; 'CITIC' is not one of 'CITIC Securities'
    unless what is dropped is only a legal suffix."""
    short_key, long_key = strip_legal_suffixes(short), strip_legal_suffixes(long)
    return short_key == long_key and normalize(short) != normalize(long)
