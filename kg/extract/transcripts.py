"""Transcripts laid out as an earnings call's are: lines naming a speaker and their title or firm ("Ann Lee - Chief
Financial Officer", "Tom Hale -- Harlevi Securities"), each opening a turn of the paragraphs below it, up to the
next such line or a short line of its own ("Operator", "Question-and-Answer Session"). Analysts' turns end on a
question; the company's people answer."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from .lexicon import COMPANY_NOUNS, TITLES
from .nlp import Paragraph

_DASHES = frozenset({"-", "–", "—", "--"})
_NAME_PARTICLES = frozenset({"van", "de", "da", "der", "den", "von", "bin", "al", "el", "di", "du", "la", "le"})
_MAX_LINE_TOKENS = 14            # a name, a dash and a title or a firm (and perhaps a second dash and a role)
_MAX_BREAK_TOKENS = 4            # "Operator", "Question-and-Answer Session", "Conference call participants"


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
    text = doc.text.rstrip()
    if len(doc) > _MAX_LINE_TOKENS or not text or text[-1] in ".?!:;,\"'":
        return None
    dash = next((t.i for t in doc if t.text in _DASHES and t.i > 0 and t.whitespace_ and doc[t.i - 1].whitespace_),
                None)
    if dash is None or not 2 <= dash <= 5 or dash + 1 >= len(doc) or not doc[dash + 1].text[:1].isupper():
        return None
    for token in doc[:dash]:
        hyphen = token.text == "-" and not token.whitespace_ and not doc[token.i - 1].whitespace_   # (Ann Lee-Roe)
        if not (hyphen or token.lower_ in _NAME_PARTICLES
                or token.text[:1].isupper() and token.text.replace("'", "").replace(".", "").isalpha()) \
                or token.lower_ in TITLES or token.lower_ in COMPANY_NOUNS:
            return None
    return dash


def _breaks_turn(doc: Doc) -> bool:
    """A short line of its own, no sentence: the operator's label, a section's heading."""
    text = doc.text.rstrip()
    return 0 < len(doc) <= _MAX_BREAK_TOKENS and text[-1:] not in ".?!:;,\"'"


def read_transcript(paragraphs: list[Paragraph]) -> Transcript:
    """The speaker lines and turns of a text with two speaker lines or more; nothing for any other text."""
    found = Transcript()
    lines = {p: dash for p, paragraph in enumerate(paragraphs) if (dash := speaker_dash(paragraph.doc)) is not None}
    if len(lines) < 2:
        return found
    found.lines = lines
    opening: int | None = None
    turn: list[int] = []
    for p, paragraph in enumerate([*paragraphs, None]):
        if p in lines or paragraph is None or _breaks_turn(paragraph.doc):
            if opening is not None and turn:
                found.turns.update((q, opening) for q in turn)
                if paragraphs[turn[-1]].text.rstrip(' "\u201d').endswith("?"):
                    found.questions.update(turn)
            opening, turn = (p if p in lines else None), []
        elif opening is not None:
            turn.append(p)
    return found
