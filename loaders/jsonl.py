"""JSON Lines: one article per line with at least its text; optional id, title, published, url, source, each under
the names news feeds and scrapers give them, whatever their case and separators (`text`, `body`, `Body`; `title`,
`headline`; `published`, `date`, `publishedAt`, `PublishDate`, ...; IPTC ninjs's `body_text` and `firstcreated`;
JSON Feed's `content_html`, `content_text` and `date_published`). News APIs nest them: a field may be an object
holding the value (`"content": {"format": "text/html", "body": "<p>..."}`, `"headline": {"main": ...}`, `"dates":
{"published": ...}`), or sit in an object of fields (the Guardian's `"fields": {"bodyText": ...}`); a body in HTML is
read as text. The headline is read as the article's first line, as in a text file, and a standfirst (`standfirst`,
`description`, `summary`, `abstract`, ...) after it unless the body holds it already (NewsAPI's description is the
body's opening, cut short). A broken line fails alone, with its line number, whatever is wrong with it (bad JSON,
nesting too deep, numbers too large, fields of the wrong type); the file's other lines load."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

from kg.errors import InputError
from kg.model import Article

from .base import MAX_ARTICLE_BYTES, clean_text, find_dateline
from .decoding import decode
from .html import fragment_text


TEXT_FIELDS = ("text", "body", "body_text", "content", "content_text", "content_html", "article", "article_text",
               "article_body", "content_encoded", "full_text", "maintext", "paragraphs")
TEXT_FALLBACK_FIELDS = ("description", "summary")      # an RSS or Atom item's, when it has no text field
# (the Guardian's "bodyText" is "body_text"; JSON Feed 1.1: "content_html"; schema.org's JSON-LD: "articleBody"; RSS
# converted to JSON: "content:encoded", else the item's "description", read as the text when no text field is set)
FIELD_NAMES = {                       # each field, by the names feeds give it, the first one set winning
    "id": ("id", "doc_id", "uuid", "guid", "identifier", "uri", "article_id", "story_id", "item_id", "release_id",
           "news_id", "content_id", "post_id"),     # (schema.org: "identifier"; Event Registry: "uri"; RSS: "guid")
    "title": ("title", "headline", "webTitle"),
    "published": ("published", "date", "published_at", "date_published", "pubDate",
                  "published_date", "publish_date", "publication_date", "dc_date", "release_date",
                  "webPublicationDate", "pub_date", "firstcreated", "versioncreated", "date_created", "created",
                  "created_at"),   # (ninjs and wires:
    #       "firstcreated"; the Guardian; NYT; Benzinga; any case and separators: "publishedAt", "PublishDate")
    # (the order is the order of trust: a publication date, in the record or in an object of dates, before the
    # time a record was created)
    "url": ("url", "link", "web_url"),
    "source": ("source", "publisher", "site"),
}
STANDFIRST_FIELDS = ("standfirst", "description", "summary", "abstract", "dek", "subheadline", "subtitle", "teaser",
                     "trail_text")
# Inside an object standing for one field, the names its value goes by: "content": {"body": ...}, "headline":
# {"main": ...}, "source": {"name": ...}.
INNER_NAMES = {"text": ("body", "text", "body_text", "plain", "value", "html", "rendered", "paragraphs"),
               "title": ("main", "text", "title", "value", "headline", "print_headline", "rendered"),
               "published": FIELD_NAMES["published"] + ("first_published",),
               "source": ("name", "title"), "standfirst": ("text", "value", "main", "rendered"),
               "id": ("value", "@value", "id", "text")}
# (WordPress: "rendered"; schema.org's id: {"@type": "PropertyValue", "value": ...}; RSS's guid converted from XML:
# {"#text": ...}, whose name folds to "text")
STANDFIRST_HOLDERS = ("fields", "content", "article")     # (not "meta": a site's own blurb is no standfirst)
MAX_STANDFIRST = 2000           # characters: a standfirst is a line or two, not a second article
# Objects that hold some of a record's fields: the Guardian's "fields", a news API's "content" and "dates".
FIELD_HOLDERS = ("fields", "content", "dates", "article", "attributes", "data", "meta", "metadata")
_CUT_SHORT = re.compile(r"\s*(?:\[\+\d+ chars\]|…|\.\.\.)\s*$")     # "... the retailer said… [+1234 chars]"


def _iso_date(value: str | int | None) -> str | None:
    """A record's date as ISO 8601: "2030-07-15T07:40:00Z", an RSS date ("Tue, 15 Jul 2030 07:40:00 GMT"), epoch
    seconds or milliseconds, or a date written as a dateline writes it."""
    if value is None or value == "":
        return None
    if isinstance(value, int):
        try:
            seconds = value / 1000 if value > 10**11 else value
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None                       # (no date a clock can hold)
    text = value.strip()
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        return text[:10]
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return find_dateline(text)


def _set(value) -> bool:
    return value not in (None, "", {}, [])


def _fold(name: str) -> str:
    """A field's name whatever its case and inner separators: "PublishDate", "publish_date" and "publishDate" are
    one name, and so are RSS's "content:encoded" and "content_encoded"; a leading underscore stays ("_id", a
    database's key, is not "id"; "_source" is not "source")."""
    inner = name.lstrip("_")
    return name[:len(name) - len(inner)] + inner.lstrip("#").replace("_", "").replace("-", "").replace(":", "") \
        .casefold()                      # (and a converted XML's "#text"; JSON-LD's "@id" stays its own name)


def _value_of(record: dict, name: str) -> tuple[str, object] | None:
    """The record's value for a field name: under that very key if it is set, else under the first key of the same
    folded name that is set ({"ID": null, "id": "kv-101"} is "kv-101")."""
    if _set(record.get(name)):
        return name, record[name]
    folded = _fold(name)
    return next(((key, value) for key, value in record.items()
                 if isinstance(key, str) and _fold(key) == folded and _set(value)), None)


def _found(record: dict, names: tuple[str, ...], holders: tuple[str, ...] = FIELD_HOLDERS) -> tuple[str, object]:
    """The first of `names` set in the record or in an object of fields it holds (`"fields": {...}`, `"dates":
    {...}`), name by name and whatever the case ("Body", "PublishDate"), with where it was found
    ("dates.published"); ("", None) when none is set."""
    inner = [found for holder in holders
             if (found := _value_of(record, holder)) is not None and isinstance(found[1], dict)]
    for name in names:
        if (found := _value_of(record, name)) is not None:
            return found
        for holder, fields in inner:
            if (found := _value_of(fields, name)) is not None:
                return f"{holder}.{found[0]}", found[1]
    return "", None


# Blocks of a body that hold no text of the article: {"type": "image", "value": "photo.jpg"}.
_MEDIA_BLOCKS = frozenset({"image", "img", "figure", "photo", "picture", "gallery", "video", "audio", "embed",
                           "iframe", "ad", "advert", "advertisement", "related", "social"})


def _paragraphs_joined(items: list, depth: int = 0) -> str | None:
    """A body given as a list of paragraphs, as one text with a blank line between paragraphs: strings, lists of
    them, or blocks holding one's text ({"type": "p", "text": ...}; Editor.js's {"type": "paragraph", "data":
    {"text": ...}}; Portable Text's {"_type": "block", "children": [{"text": ...}, ...]}), media blocks left out;
    None when no item holds text."""
    texts = []
    for item in items:
        if isinstance(item, list) and depth < 2:
            item = _paragraphs_joined(item, depth + 1)
        elif isinstance(item, dict):
            kind = _found(item, ("type",), ())[1]
            if isinstance(kind, str) and _fold(kind) in _MEDIA_BLOCKS:
                continue
            text = _found(item, INNER_NAMES["text"], ("data",))[1]
            spans = _found(item, ("children",), ())[1]
            listed = _found(item, ("items",), ("data",))[1]
            if isinstance(text, str):
                item = text
            elif isinstance(spans, list):            # Portable Text's spans, one paragraph
                item = "".join(span["text"] for span in spans if isinstance(span, dict)
                               and isinstance(span.get("text"), str))
            elif isinstance(listed, list):           # Editor.js's list block: its items, a line each
                item = "\n".join(i.strip() for i in listed if isinstance(i, str) and i.strip())
            else:
                item = None
        if isinstance(item, str) and item.strip():
            texts.append(item.strip())
    return "\n\n".join(texts) or None


def _unwrapped(value, name: str, kind: str, where: str):
    """A field's value, out of the object a news API wraps it in ({"main": "..."}, {"format": ..., "body": "..."});
    a text given as a list of paragraphs joined; a value that is neither a string nor such an object or list is an
    error naming the field."""
    if isinstance(value, dict) and kind in INNER_NAMES:
        _, inner = _found(value, INNER_NAMES[kind], ())
        if kind == "text" and isinstance(inner, list):
            inner = _paragraphs_joined(inner)
        inner = inner if isinstance(inner, (str, int)) and not isinstance(inner, bool) else None
        if inner is None:
            raise InputError(where, f"`{name}` is an object without a {kind} in it "
                                    f"({', '.join(f'`{k}`' for k in INNER_NAMES[kind])})")
        value = inner
    elif isinstance(value, list) and kind == "text":
        value = _paragraphs_joined(value)
        if value is None:
            raise InputError(where, f"`{name}` is a list without a paragraph of text in it")
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise InputError(where, f"`{name}` must be a string, not {type(value).__name__}")
    return value


def _field(record: dict, key: str, where: str) -> str | int | None:
    """The first of a field's names set in the record, as a string (an integer date stays one); a field given as an
    object (a publisher {"id": ..., "name": ...}, as NewsAPI does; a headline {"main": ...}, as the NYT does) by
    the value in it. An id, link or publisher is the record's own, never one inside another object's."""
    name, value = _found(record, FIELD_NAMES[key], FIELD_HOLDERS if key in ("title", "published") else ())
    if value is None:
        return None
    try:
        value = _unwrapped(value, name, key, where)
    except InputError:
        if key == "id":                           # an id that is no string or number names nothing: the line's
            return None                           # number names the record
        raise
    if isinstance(value, int) and key == "published":
        return value                          # (an epoch date stays a number)
    return str(value).strip() or None


def _text_field(record: dict, where: str) -> tuple[str, str]:
    """The first of the text fields holding text (not one set to null or left blank), and its name; a body in HTML
    as its text. A record with none, only a description or summary (an RSS or Atom item's), has that for its
    text."""
    name, value = _found(record, TEXT_FIELDS)
    if value is None:
        name, value = _found(record, TEXT_FALLBACK_FIELDS, ())
    if value is None:
        raise InputError(where, f"no article text in any of the fields "
                                f"{', '.join(f'`{k}`' for k in TEXT_FIELDS + TEXT_FALLBACK_FIELDS)}")
    text = _unwrapped(value, name, "text", where)
    if not isinstance(text, str):
        raise InputError(where, f"`{name}` must be a string, not {type(text).__name__}")
    if len(text) > MAX_ARTICLE_BYTES:
        raise InputError(where, "article text too large")
    return name, fragment_text(text)


def _standfirst(record: dict) -> str | None:
    """The record's standfirst, if it has one that reads as a line of text (anything else is left out: it is an
    extra, not the article)."""
    _, value = _found(record, STANDFIRST_FIELDS, STANDFIRST_HOLDERS)
    if isinstance(value, dict):
        value = _found(value, INNER_NAMES["standfirst"], ())[1]
    if not isinstance(value, str) or len(value) > MAX_STANDFIRST:
        return None
    return clean_text(fragment_text(value)).strip() or None


def _holds(text: str, passage: str) -> bool:
    """Whether a body already holds a passage (case and spacing aside), or the opening of one cut short: NewsAPI's
    description is the body's first words, ending "…"."""
    cut = _CUT_SHORT.search(passage)
    if cut:
        passage = passage[:cut.start()].rsplit(None, 1)[0] if " " in passage[:cut.start()] else ""
    return not passage.strip() or " ".join(passage.split()).casefold() in " ".join(text.split()).casefold()


def _opens_with(text: str, title: str) -> bool:
    """Whether the body's first line is the headline already (case and spacing aside)."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    return " ".join(first.split()).casefold() == " ".join(title.split()).casefold()


def parse_record(line: str, path: Path, number: int) -> Article:
    where = f"{path}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(where, f"invalid JSON ({err.msg} at column {err.colno})") from None
    except RecursionError:
        raise InputError(where, "invalid JSON (nested too deeply)") from None
    except ValueError as err:            # ("Exceeds the limit (4300 digits) for integer string conversion")
        raise InputError(where, f"invalid JSON ({err})") from None
    if not isinstance(record, dict):
        raise InputError(where, "a line must be a JSON object")
    text_field, text = _text_field(record, where)
    fields = {key: _field(record, key, where) for key in FIELD_NAMES}
    text = clean_text(text)
    if not text.strip():
        raise InputError(where, f"no article text: `{text_field}` is blank")
    title = clean_text(str(fields["title"])) if fields["title"] else None
    standfirst = _standfirst(record)
    if standfirst and standfirst != title and not _holds(text, standfirst):
        if title and _opens_with(text, title):   # the headline, the standfirst, then the body
            headline, _, body = text.lstrip().partition("\n")
            text = f"{headline}\n\n{standfirst}\n\n{body.lstrip()}"
        else:
            text = f"{standfirst}\n\n{text}"
    if title and not _opens_with(text, title):
        text = f"{title}\n\n{text}"          # the headline, then the body: read as one article
    if len(text) > MAX_ARTICLE_BYTES:
        raise InputError(where, "article text too large")
    return Article(
        doc_id=str(fields["id"]) if fields["id"] else f"{path.name}#{number}", text=text,
        source_path=f"{path.resolve()}#{number}", title=title,
        published=_iso_date(fields["published"]) or find_dateline(text),
        url=fields["url"] and str(fields["url"]), source=fields["source"] and str(fields["source"]),
    )


class JsonlLoader:
    suffixes = (".jsonl", ".ndjson")

    def load(self, path: Path) -> Iterator[Article | InputError]:
        try:
            handle = path.open("rb")
        except OSError as err:
            raise InputError(path, f"cannot read ({err.strerror or err})") from None
        with handle:
            for number, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                try:
                    yield parse_record(decode(raw, f"{path}:{number}"), path, number)
                except InputError as err:
                    yield err
