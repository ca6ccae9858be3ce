"""Transcripts laid out as an earnings call's are: lines naming a speaker and their title or firm ("Ann Lee - Chief
Financial Officer", "Tom Hale -- Harlevi Securities"), each opening a turn of the paragraphs below it, up to the
next such line or a short line of its own ("Operator", "Question-and-Answer Session"). Analysts' turns end on a
question; the company's people answer."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.resolution import LEGAL_SUFFIXES

from .lexicon import COMPANY_NOUNS, INDUSTRY_WORDS, TITLES, TITLE_FUNCTIONS, TITLE_MODIFIERS, trade_word
from .markets import resolve_market
from .nlp import Paragraph
from .places import resolve_place

_DASHES = frozenset({"-", "–", "—", "--"})
_NAME_PARTICLES = frozenset({"van", "de", "da", "der", "den", "von", "bin", "al", "el", "di", "du", "la", "le"})
_MAX_LINE_TOKENS = 14            # a name, a dash and a title or a firm (and perhaps a second dash and a role)
_MAX_BREAK_TOKENS = 4            # "Operator", "Question-and-Answer Session", "Conference call participants"
# Words that say a text is a call's transcript: its headline or a line of its own ("Operator").
_CALL_WORDS = frozenset({"transcript", "webcast", "operator", "question-and-answer", "q&a", "teleconference"})
# Words of a speaker's role that make it a title, not a firm: "Investor Relations", "EVP and Treasurer".
ROLE_WORDS = TITLES | TITLE_MODIFIERS | TITLE_FUNCTIONS | frozenset({"evp", "svp", "treasurer", "controller", "ir"})


@dataclass
class Transcript:
    lines: dict[int, int] = field(default_factory=dict)        # speaker line -> index of its dash
    turns: dict[int, int] = field(default_factory=dict)        # paragraph of a turn -> the speaker line opening it
    questions: set[int] = field(default_factory=set)           # paragraphs of turns that end on a question

    @property
    def answers(self) -> set[int]:
        return set(self.turns) - self.questions


def speaker_dash(doc: Doc) -> int | None:
    """The dash of a line that is a name, a spaced dash and a title or firm beginning in capitals ('Nilüfer
    Başaranoğlu - Chief Executive Officer'); None for anything else ('Kelvo Group - a profile', 'Q4 2033 -
    Results', a sentence)."""
    if len(doc) > _MAX_LINE_TOKENS or _ends_a_sentence(doc):
        return None
    dash = next((t.i for t in doc if t.text in _DASHES and t.i > 0 and t.whitespace_ and doc[t.i - 1].whitespace_),
                None)
    if dash is None or not 2 <= dash <= 5 or dash + 1 >= len(doc) or not doc[dash + 1].text[:1].isupper():
        return None
    for token in doc[:dash]:
        hyphen = token.text == "-" and not token.whitespace_ and not doc[token.i - 1].whitespace_   # (Ann Lee-Roe)
        if not (hyphen or token.lower_ in _NAME_PARTICLES
                or token.text[:1].isupper() and token.text.replace("'", "").replace(".", "").isalpha()) \
                or token.lower_ in TITLES | COMPANY_NOUNS | INDUSTRY_WORDS | {"by"} or trade_word(token.lower_) \
                or token.text.replace(".", "").lower() in LEGAL_SUFFIXES:
            return None                  # (not "Kelvo Inc - Q3 results", "By Ann Lee - Staff Reporter", "San Isidro -
    name, role = doc[:dash].text, doc[dash + 1:].text.split(",")[0]               # Peru")
    if any(resolve_market(part) is not None or resolve_place(part) is not None for part in (name, role)):
        return None
    return dash


def role_parts(doc: Doc, dash: int) -> tuple[Span | None, Span | None]:
    """A speaker line's title and firm, either one missing: "Chief Financial Officer" (a title), "Harlevi
    Securities" (a firm), "Managing Director, Harlevi Securities" or "Harlevi Securities - Analyst" (both)."""
    end = next((t.i for t in doc[dash + 1:] if t.text in _DASHES), len(doc))
    comma = next((t.i for t in doc[dash + 1:end] if t.text == ","), end)
    first, second = doc[dash + 1:comma], doc[comma + 1:end] if comma < end else doc[end + 1:]
    if not len(first):
        return None, None
    if _is_title(first):
        return first, second if len(second) else None
    return (second if len(second) and _is_title(second) else None), first


def _is_title(span: Span) -> bool:
    """"Chief Executive Officer", "Head of Investor Relations", "EVP and Treasurer", "Equity Analyst" (not "Hexmoor
    Research", a firm named for its trade)."""
    last = span[-1].lower_
    return span[0].lower_ in ROLE_WORDS or last in TITLES and last not in INDUSTRY_WORDS | {"research"} \
        and not trade_word(last)


def _ends_a_sentence(doc: Doc) -> bool:
    """The line's last mark closes a sentence or a clause (read from its tokens: a paragraph's text is joined anew
    on each call); an empty line counts as one."""
    last = next((t.text for t in reversed(doc) if not t.is_space), "")
    return not last or last[-1] in ".?!:;,\"'"


def _breaks_turn(doc: Doc) -> bool:
    """A short line of its own, no sentence: the operator's label, a section's heading."""
    return 0 < len(doc) <= _MAX_BREAK_TOKENS and not _ends_a_sentence(doc)


def read_transcript(paragraphs: list[Paragraph]) -> Transcript:
    """The speaker lines and turns of a text with two speaker lines or more; nothing for any other text."""
    found = Transcript()
    lines = {p: dash for p, paragraph in enumerate(paragraphs) if (dash := speaker_dash(paragraph.doc)) is not None}
    if len(lines) < 2 or not (_names_a_call(paragraphs) or _repeated(paragraphs, lines)):
        return found                     # (a board's list, a cast, a fixture list: names and dashes, no call)
    found.lines = lines
    opening: int | None = None
    turn: list[int] = []
    for p, paragraph in enumerate([*paragraphs, None]):
        if p in lines or paragraph is None or _breaks_turn(paragraph.doc):
            if opening is not None and turn:
                found.turns.update((q, opening) for q in turn)
                if _asks(paragraphs[turn[-1]].doc):
                    found.questions.update(turn)
            opening, turn = (p if p in lines else None), []
        elif opening is not None:
            turn.append(p)
    return found


def _asks(doc: Doc) -> bool:
    """A turn's last paragraph ends on a question, or on thanks after one ("... follow them? Thanks."); not an answer
    that quotes a question on its way ('"when will Chile come?" The answer: next year')."""
    sentences = [s for s in doc.sents if s.text.strip()]
    if not sentences:
        return False
    last = sentences[-1].text.strip().rstrip('"\u201d')
    return last.endswith("?") or len(sentences) > 1 and len(sentences[-1]) <= 4 \
        and sentences[-2].text.strip().rstrip('"\u201d').endswith("?") \
        and sentences[-1][0].lower_ in ("thanks", "thank", "cheers")


def _names_a_call(paragraphs: list[Paragraph]) -> bool:
    """The headline or a short line says the text is a call's transcript ("Q4 Earnings Call Transcript",
    "Operator")."""
    return any(any(t.lower_ in _CALL_WORDS for t in paragraph.doc)
               for p, paragraph in enumerate(paragraphs) if p == 0 or len(paragraph.doc) <= _MAX_BREAK_TOKENS)


def _repeated(paragraphs: list[Paragraph], lines: dict[int, int]) -> bool:
    """A speaker line that comes back: the same person speaks again."""
    texts = [" ".join(paragraphs[p].text.split()) for p in lines]
    return len(set(texts)) < len(texts)
