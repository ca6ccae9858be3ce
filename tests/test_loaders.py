"""Loaders: every format to Article, encodings detected, bad files rejected with a reason."""

from __future__ import annotations

import codecs
import json

import pytest

from kg.errors import InputError
from kg.loaders import discover, read_articles
from kg.loaders.base import find_dateline
from kg.loaders.html import HtmlLoader
from kg.loaders.jsonl import JsonlLoader
from kg.loaders.markdown import MarkdownLoader
from kg.loaders.text import TextLoader

TEXT = "Acme opens store in Spain\nAcme Corp said on Tuesday it would open its first store in Madrid.\n"


def one(loader, path):
    items = list(loader.load(path))
    assert len(items) == 1
    return items[0]


def test_text_title_and_dateline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("24 May 2019\n" + TEXT, encoding="utf-8")
    article = one(TextLoader(), path)
    assert article.doc_id == "a.txt"
    assert article.title == "24 May 2019"
    assert article.published == "2019-05-24"
    assert "first store in Madrid" in article.text


@pytest.mark.parametrize("head, expected", [
    ("Published: 2025-03-14\nBody.", "2025-03-14"),
    ("OSLO, March 14, 2025 \u2014 Norvik Motors said on Friday...", "2025-03-14"),
    ("24 May 2019\nBody", "2019-05-24"),
    ("Xiaomi launched the phone on March 9, 2020, in Beijing.", None),   # a date in a sentence is no dateline
    ("No date here at all.", None),
    ("Published: 2025-02-30\nBody", None),                              # impossible day
    # a press release's dateline after a headline and a standfirst, blank lines between
    ("Norvik wins order\n\nLargest order in its history\n\nOSLO, Norway, and RIYADH, Saudi Arabia, May 14, 2030 "
     "\u2013 Norvik AS today announced ...", "2030-05-14"),
])
def test_dateline(head, expected):
    assert find_dateline(head) == expected


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("cp1252", b""),
])
def test_encodings(tmp_path, encoding, bom):
    text = "Caf\u00e9 M\u00fcller GmbH said \u201cwe\u2019re growing\u201d in S\u00e3o Paulo and Z\u00fcrich, " \
           "according to the company\u2019s chief executive. " * 3
    if encoding == "cp1252":
        text = text.replace("\u00e3", "a")   # cp1252 has no a-tilde
    path = tmp_path / "enc.txt"
    path.write_bytes(bom + text.encode(encoding))
    assert one(TextLoader(), path).text == text


def test_markdown_renders_to_plain_text(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Acme news\ndate: 2025-01-02\n---\n# Acme opens\n\n"
                    "**Acme** [said](http://x) it will *open* stores.\n", encoding="utf-8")
    article = one(MarkdownLoader(), path)
    assert article.title == "Acme news"
    assert article.published == "2025-01-02"
    assert article.text == "Acme opens\n\nAcme said it will open stores."


def test_markdown_keeps_a_bold_label_line_and_contact_details_apart_from_their_neighbours(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("## Media contacts\n\n**Drumlane Foods**\nAnn Lee, Head of Media Relations\npress@x.example\n"
                    "+44 20 7946 0001\n\nSome **bold** words\nrun on.\n", encoding="utf-8")
    text = one(MarkdownLoader(), path).text
    assert text == ("Media contacts\n\nDrumlane Foods\nAnn Lee, Head of Media Relations\npress@x.example\n"
                    "+44 20 7946 0001\n\nSome bold words run on.")


def test_markdown_writes_a_table_one_row_a_line_with_its_cells_joined(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("Prices:\n\n| Country | Kelvo Basic | Kelvo Plus |\n|---|---|---|\n| Sweden | 89 kr | 139 kr |\n"
                    "| Poland |  | **34.99 zł** |\n\nAfter the table.\n", encoding="utf-8")
    assert one(MarkdownLoader(), path).text == ("Prices:\n\nCountry | Kelvo Basic | Kelvo Plus\nSweden | 89 kr | 139 kr\n"
                                                "Poland | - | 34.99 zł\n\nAfter the table.")


def test_html_writes_a_table_one_row_a_line_with_its_cells_joined(tmp_path):
    path = tmp_path / "a.html"
    path.write_text("""<html><head><title>Kelvo prices</title></head><body><article><h1>Kelvo prices</h1>
        <p>Kelvo launched its plans in several countries on Monday, the company said in a statement. The plans are
        priced as follows in each market where the service is available now.</p>
        <table><tr><th>Country</th><th>Kelvo Basic</th><th>Kelvo Plus</th></tr>
        <tr><td>Sweden</td><td>89 kr</td><td>139 kr</td></tr><tr><td>Poland</td><td></td><td>34.99 zł</td></tr></table>
        <p>Analysts said the prices were low compared with rivals in the region, and that it needs more subscribers.</p>
        </article></body></html>""", encoding="utf-8")
    lines = one(HtmlLoader(), path).text.split("\n")
    assert ["Country | Kelvo Basic | Kelvo Plus", "Sweden | 89 kr | 139 kr", "Poland | - | 34.99 zł"] == [
        line for line in lines if " | " in line]
    assert not [line for line in lines if "---" in line]


def test_html_laid_out_in_a_table_keeps_its_paragraphs(tmp_path):
    path = tmp_path / "a.html"
    path.write_text("""<html><head><title>Kelvo</title></head><body><table><tr><td><h1>Kelvo opens plant in Mexico</h1>
        <p>Kelvo, the German maker of industrial pumps, said on Tuesday it had opened its first factory in Mexico.</p>
        <p>The plant will supply customers in the United States and Canada, chief executive Ann Lee said.</p></td>
        <td>Related: Kelvo shares rise</td></tr></table></body></html>""", encoding="utf-8")
    text = one(HtmlLoader(), path).text
    assert " | " not in text and "\nThe plant will supply" in text


def test_a_pipe_written_in_a_table_cell_is_no_border(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("| Country | Kelvo Basic | Kelvo Plus |\n|---|---|---|\n| Sweden | 89 kr \\| promo | 139 kr |\n",
                    encoding="utf-8")
    assert one(MarkdownLoader(), path).text.split("\n")[1] == "Sweden | 89 kr / promo | 139 kr"


def test_html_keeps_the_article_drops_boilerplate_and_scripts(tmp_path):
    path = tmp_path / "a.html"
    path.write_text("""<html><head><title>Acme | News</title>
        <meta property="article:published_time" content="2025-03-14"><script>var evil = 1;</script></head>
        <body><nav><a href="/">Home</a> <a href="/b">Business</a></nav>
        <div class="cookie-banner">We use cookies. Accept all cookies.</div>
        <article><h1>Acme opens first store in Spain</h1>
        <p>Acme Corp, the US retailer, said on Tuesday it would open its first store in Madrid next month.</p>
        <script>alert('x')</script>
        <p>"We are excited," said Jane Doe, chief executive of Acme, at the launch in Madrid.</p></article>
        <footer>Copyright 2025 Example Media</footer></body></html>""", encoding="utf-8")
    article = one(HtmlLoader(), path)
    assert article.published == "2025-03-14"
    assert "first store in Madrid" in article.text
    for junk in ("alert", "evil", "cookies", "Copyright", "Home"):
        assert junk not in article.text


def test_html_date_declared_in_the_head_holds_whatever_the_clock(tmp_path):
    path = tmp_path / "a.html"
    path.write_text("""<html><head><meta property="article:published_time" content="2099-06-18T10:05:00-04:00">
        <title>Norvik raises funds</title></head><body><article><h1>Norvik raises $175 million</h1>
        <p>Norvik, the Oslo-based property portal, said on Tuesday it had raised $175 million from investors.</p>
        <p>The offer runs until <time datetime="2100-12-31">the end of the century</time>.</p>
        </article></body></html>""",
                    encoding="utf-8")
    assert one(HtmlLoader(), path).published == "2099-06-18"


def test_html_date_is_the_pages_own_not_one_its_article_mentions(tmp_path):
    from datetime import date, timedelta
    soon = date.today() + timedelta(days=40)
    page = """<html><head><title>Quorvane results</title></head><body><header>{header}</header><article>
        <h1>Quorvane lifts sales</h1>{dated}
        <p>Quorvane, which left Chile in 2019, said on Thursday that sales rose 12% in the quarter to December.</p>
        <p>The Turin-based maker of espresso machines said demand held up in Germany and France. {body}</p>
        </article></body></html>"""
    cases = [   # (header, under the headline, in the body) -> published
        ("", f'<time datetime="{soon.isoformat()}T07:00:00Z">{soon.day} {soon:%B %Y}</time>', "", soon.isoformat()),
        #                                                       its own date, even a little after this machine's clock
        ("", "<p>Published: 8 May 2021</p>", 'The offer runs until <time datetime="2035-12-31">the end of 2035</time>.',
         "2021-05-08"),                                          # not a deadline years ahead
        ("", "<p>By Ann Tovey | 8 May 2021</p>", "", "2021-05-08"),   # a byline under the headline
        ("", "", "It bought Brisco on March 3 2023.", None),
        ("", "", "", None),                                      # not "2019-01-01" from "left Chile in 2019"
        ("", "<p>Last updated: Thursday 8 May 2021</p>", "", "2021-05-08"),
        ("<span>08/05/2021 10:32</span>", "", "", "2021-05-08"),
        ('<p class="byline">Updated 12 Nov 2025</p>', "", "It was founded on 14 May 1998.", "2025-11-12"),
        ("", "<p>Posted 1 January 2020</p>", "", "2020-01-01"),  # a New Year's Day the page writes out is a date
        ("", "<h2>Quorvane to shut its Lyon plant by 31 December 2040</h2>", "", None),   # a deadline
        ("", "", "It bought Brisco on 3 March 2023.", None),      # what the article tells of
        ("", "", "It will close the plant on 30 June 2027.", None),
    ]
    for number, (header, dated, body, published) in enumerate(cases):
        path = tmp_path / f"page{number}.html"
        path.write_text(page.format(header=header, dated=dated, body=body), encoding="utf-8")
        assert one(HtmlLoader(), path).published == published, (header, dated, body)


def test_jsonl_lines_fail_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "one", "text": TEXT, "published": "2025-01-02T10:00:00Z", "url": "http://x/1"}),
             "{broken json",
             json.dumps({"title": "no text"}),
             "",
             json.dumps({"text": TEXT, "source": "Wire"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(JsonlLoader().load(path))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "InputError", "Article"]
    assert items[0].doc_id == "one" and items[0].published == "2025-01-02" and items[0].url == "http://x/1"
    assert items[3].doc_id == "feed.jsonl#5" and items[3].source == "Wire"
    assert "feed.jsonl:2" in str(items[1]) and "invalid JSON" in str(items[1])
    assert "no article text" in str(items[2]) and "`text`" in str(items[2])


def test_jsonl_fields_under_the_names_feeds_give_them(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"uuid": "a-1", "headline": "Norvik to enter Chile", "body": TEXT,
                         "published_at": "2030-07-15T07:40:00Z", "link": "http://x/a-1", "publisher": "Wire"}),
             json.dumps({"id": "a-2", "title": "Norvik to enter Chile", "content": "Norvik to enter Chile\n\n" + TEXT}),
             json.dumps({"id": "a-3", "type": "text", "version": 1, "firstcreated": "2030-11-12T09:20:00Z",   # IPTC ninjs
                         "headline": "Norvik to enter Chile", "body_text": TEXT})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second, third = JsonlLoader().load(path)
    assert (first.doc_id, first.title, first.published, first.url, first.source) == \
        ("a-1", "Norvik to enter Chile", "2030-07-15", "http://x/a-1", "Wire")
    assert first.text == "Norvik to enter Chile\n\n" + TEXT          # the headline read first, as in a text file
    assert second.text.count("Norvik to enter Chile") == TEXT.count("Norvik to enter Chile") + 1   # not twice
    assert (third.published, third.text) == ("2030-11-12", first.text)


def _load_one_record(tmp_path, record: dict):
    """What the JSON Lines loader makes of a feed of one record: an Article or an InputError."""
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (item,) = JsonlLoader().load(path)
    return item


@pytest.mark.parametrize("record, expected", [
    # NewsAPI: the publisher an object, the date in camel case
    ({"source": {"id": None, "name": "Wire"}, "title": "Norvik to enter Chile", "publishedAt": "2030-07-15T07:40:00Z",
      "content": TEXT}, {"source": "Wire", "published": "2030-07-15"}),
    # RSS dates, epoch seconds and milliseconds
    ({"pubDate": "Tue, 15 Jul 2030 07:40:00 GMT", "text": TEXT}, {"published": "2030-07-15"}),
    ({"date": 1910337600, "text": TEXT}, {"published": "2030-07-15"}),
    ({"date": 1910337600000, "text": TEXT}, {"published": "2030-07-15"}),
    # a text field set to null or left blank gives way to the next one holding text
    ({"text": None, "content": TEXT}, {"text": TEXT}),
    ({"text": "", "body": TEXT}, {"text": TEXT}),
    # a headline the body already opens with (in other case) is not read twice
    ({"title": "ACME OPENS STORE IN SPAIN", "text": TEXT}, {"text": TEXT}),
])
def test_jsonl_records_of_common_feeds(tmp_path, record, expected):
    article = _load_one_record(tmp_path, record)
    assert {key: getattr(article, key) for key in expected} == expected


@pytest.mark.parametrize("record, expected", [
    # a news API's body in an object, in HTML, with its dates in another and a standfirst the body does not open with
    ({"id": "w-1", "headline": "Norvik to enter Chile", "standfirst": "The retailer's first stores abroad",
      "dates": {"published": "2030-07-15T07:40:00Z", "updated": "2030-07-16T08:00:00Z"},
      "content": {"format": "text/html", "body": "<p>Norvik will open <b>ten</b> stores.</p><p>It said so.</p>"}},
     {"doc_id": "w-1", "published": "2030-07-15",
      "text": "Norvik to enter Chile\n\nThe retailer's first stores abroad\n\nNorvik will open ten stores.\n\nIt said so."}),
    # the Guardian's content API: the fields in an object of fields
    ({"id": "business/2030/jul/15/norvik", "webTitle": "Norvik to enter Chile", "webPublicationDate":
      "2030-07-15T07:40:00Z", "webUrl": "http://x/n", "fields": {"bodyText": TEXT}},
     {"title": "Norvik to enter Chile", "published": "2030-07-15", "url": "http://x/n",
      "text": "Norvik to enter Chile\n\n" + TEXT}),
    # a headline in an object (the NYT's), a wire's camel-case creation date, a summary the body opens with (NewsAPI's
    # description): read once
    ({"headline": {"main": "Norvik to enter Chile", "kicker": "Retail"}, "firstCreated": "2030-07-15T07:40:00.000Z",
      "description": TEXT.split(".")[0], "text": TEXT},
     {"title": "Norvik to enter Chile", "published": "2030-07-15", "text": "Norvik to enter Chile\n\n" + TEXT}),
    # an id inside another object is not the record's: the line number names it
    ({"content": {"id": "c-9", "body": TEXT}, "source": {"id": "wire", "name": "Wire"}},
     {"doc_id": "feed.jsonl#1", "source": "Wire"}),
    # a publication date in an object of dates before the record's creation time
    ({"text": TEXT, "created_at": "2031-02-02T00:00:00Z", "dates": {"published": "2030-07-15T07:40:00Z"}},
     {"published": "2030-07-15"}),
    # a standfirst after a headline the body opens with: headline, standfirst, body, each once
    ({"title": "Norvik to enter Chile", "summary": "The retailer's first stores abroad",
      "text": "Norvik to enter Chile\n\nNorvik will open ten stores."},
     {"text": "Norvik to enter Chile\n\nThe retailer's first stores abroad\n\nNorvik will open ten stores."}),
    # NewsAPI's description, the body's opening cut short; a site's blurb in "meta"; a standfirst that is no line
    ({"description": "Norvik will open ten stores in Chile, the retailer…", "meta": {"description": "Read Wire"},
      "text": "Norvik will open ten stores in Chile, the retailer said on Monday."},
     {"text": "Norvik will open ten stores in Chile, the retailer said on Monday."}),
    ({"summary": {"points": ["a", "b"]}, "text": TEXT}, {"text": TEXT}),
    # field names in any case: a wire API's PascalCase
    ({"Id": "w-7", "Title": "Norvik to enter Chile", "PublishDate": "2030-07-15T07:40:00Z", "Body": TEXT,
      "Source": {"Name": "Wire", "Code": "W"}},
     {"doc_id": "w-7", "title": "Norvik to enter Chile", "published": "2030-07-15", "source": "Wire"}),
    # names that fold alike: the very key first, then the first set; a leading underscore is no separator
    ({"_id": {"$oid": "65a1"}, "id": "kv-101", "text": TEXT}, {"doc_id": "kv-101"}),
    ({"ID": None, "id": "kv-101", "text": TEXT}, {"doc_id": "kv-101"}),
    ({"Title": "KELVO | Business", "title": "Norvik to enter Chile", "text": TEXT}, {"title": "Norvik to enter Chile"}),
    ({"_source": {"name": "Wire"}, "text": TEXT}, {"source": None}),
    # JSON Feed 1.1: the body in HTML in "content_html", the date in "date_published"
    ({"id": "https://x/n", "title": "Norvik to enter Chile", "date_published": "2030-07-15T07:40:00+02:00",
      "content_html": "<p>Norvik will open ten stores.</p>"},
     {"doc_id": "https://x/n", "published": "2030-07-15", "text": "Norvik to enter Chile\n\nNorvik will open ten stores."}),
    # a body as a list of paragraphs, in an object or as a list of blocks (an image block holds no text)
    ({"id": "n-1", "title": "Norvik to enter Chile", "content": {"paragraphs": ["Norvik will open ten stores.",
                                                                               "It said so."]}},
     {"doc_id": "n-1", "text": "Norvik to enter Chile\n\nNorvik will open ten stores.\n\nIt said so."}),
    ({"body": [{"type": "paragraph", "text": "Norvik will open ten stores."}, {"type": "image", "src": "a.jpg"},
               "It said so."]},
     {"text": "Norvik will open ten stores.\n\nIt said so."}),
    # schema.org's NewsArticle as sites embed it in JSON-LD
    ({"@context": "https://schema.org", "@type": "NewsArticle", "identifier": "n-2", "headline": "Norvik to enter Chile",
      "datePublished": "2030-07-15T07:40:00+01:00", "author": {"@type": "Person", "name": "Ann Tovey"},
      "publisher": {"@type": "Organization", "name": "Wire"}, "articleBody": TEXT},
     {"doc_id": "n-2", "published": "2030-07-15", "source": "Wire", "text": "Norvik to enter Chile\n\n" + TEXT}),
    # RSS converted to JSON: the item's HTML description is its text, or "content:encoded" with the description before
    ({"guid": "n-3", "title": "Norvik to enter Chile", "pubDate": "Tue, 15 Jul 2030 07:40:00 GMT",
      "dc:creator": "Ann Tovey", "description": "<p>Norvik will open ten stores.</p><p>It said so.</p>"},
     {"doc_id": "n-3", "published": "2030-07-15",
      "text": "Norvik to enter Chile\n\nNorvik will open ten stores.\n\nIt said so."}),
    ({"title": "Norvik to enter Chile", "description": "The retailer's first stores abroad",
      "content:encoded": "<p>Norvik will open ten stores.</p>"},
     {"text": "Norvik to enter Chile\n\nThe retailer's first stores abroad\n\nNorvik will open ten stores."}),
    # ids and dates under the names other APIs give them: Event Registry's "uri", a release distributor's
    ({"uri": "8123456", "url": "http://x/n", "date": "2030-07-15", "body": TEXT}, {"doc_id": "8123456", "url": "http://x/n"}),
    ({"release_id": "PR-77", "release_date": "2030-07-15", "company": "Norvik", "body": TEXT},
     {"doc_id": "PR-77", "published": "2030-07-15"}),
    # ids given as objects (schema.org's PropertyValue, RSS's guid converted from XML) or lists: the value, else the
    # line's number
    ({"identifier": {"@type": "PropertyValue", "value": "n-9"}, "articleBody": TEXT}, {"doc_id": "n-9"}),
    ({"guid": {"@isPermaLink": "false", "#text": "n-10"}, "description": TEXT}, {"doc_id": "n-10"}),
    ({"identifier": ["n-11", "doi:1"], "articleBody": TEXT}, {"doc_id": "feed.jsonl#1"}),
    ({"@id": "_:b0", "identifier": "n-12", "articleBody": TEXT}, {"doc_id": "n-12"}),    # (JSON-LD's node, no id)
    ({"body": [{"type": "text", "text": "Norvik will open ten stores.", "children": [{"type": "link"}]},
               {"type": "list", "data": {"style": "unordered", "items": ["Chile", "Peru"]}}]},
     {"text": "Norvik will open ten stores.\n\nChile\nPeru"}),
    # blocks of an editor (Editor.js, Portable Text), nested lists, media blocks left out
    ({"body": [{"type": "paragraph", "data": {"text": "Norvik will open ten stores."}},
               {"type": "image", "value": "photo.jpg"},
               {"_type": "block", "children": [{"_type": "span", "text": "It said "}, {"_type": "span", "text": "so."}]},
               ["Ten more next year."]]},
     {"text": "Norvik will open ten stores.\n\nIt said so.\n\nTen more next year."}),
    ({"title": "Norvik to enter Chile", "abstract": "Ten stores.", "fulltext": TEXT},
     {"text": "Norvik to enter Chile\n\nTen stores.\n\n" + TEXT}),
])
def test_jsonl_records_of_news_apis_that_nest_their_fields(tmp_path, record, expected):
    article = _load_one_record(tmp_path, record)
    assert {key: getattr(article, key) for key in expected} == expected


@pytest.mark.parametrize("body, text", [
    # a body in HTML: blocks as paragraphs, table rows as lines of cells, scripts left out, nothing cut short
    ("<p>Norvik will open <b>ten</b> stores.</p><p>It said so.</p>", "Norvik will open ten stores.\n\nIt said so."),
    ("<table><tr><td>Revenue</td><td>€4.2bn</td></tr><tr><td>Profit</td><td>€1bn</td></tr></table>"
     "<script>var x = 1;</script><p>Both rose.</p>", "Revenue | €4.2bn\nProfit | €1bn\n\nBoth rose."),
    ("<p>Norvik opens ten stores.</p>" + "<span>" * 300 + "in Chile" + "</span>" * 300 + "<p>It said so.</p>",
     "Norvik opens ten stores.\n\nin Chile\n\nIt said so."),
    # inline markup only: the tags dropped, the text's own lines kept
    ("NORVIK OPENS\nSANTIAGO - Norvik will open <i>ten</i> stores.\nCountry | Stores",
     "NORVIK OPENS\nSANTIAGO - Norvik will open ten stores.\nCountry | Stores"),
])
def test_jsonl_bodies_in_html_are_read_as_text(tmp_path, body, text):
    assert _load_one_record(tmp_path, {"content": {"format": "text/html", "body": body}}).text == text


def test_jsonl_hostile_lines_fail_alone_with_their_reasons(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = ['{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",                 # nesting too deep for the parser
             '{"text": "Norvik opens a store.", "id": ' + "9" * 5000 + "}",       # a number too long to read
             json.dumps({"text": "Norvik opens a store.", "date": 10**400}),       # a date no clock holds
             json.dumps({"text": "Norvik opens a store.", "summary": "x" * 10**6}),   # a "standfirst" of a megabyte
             json.dumps({"text": TEXT})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(JsonlLoader().load(path))
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "Article", "Article", "Article"]
    assert "nested too deeply" in str(items[0]) and "feed.jsonl:1" in str(items[0])
    assert "invalid JSON" in str(items[1]) and "feed.jsonl:2" in str(items[1])
    assert items[2].published is None and items[3].text == "Norvik opens a store."


@pytest.mark.parametrize("record, reason", [
    ({"content": {"format": "text/plain", "length": 0}}, "`content` is an object without a text in it"),
    ({"text": TEXT, "headline": {"kicker": "Retail"}}, "`headline` is an object without a title in it"),
    ({"text": TEXT, "url": {"href": "http://x"}}, "`url` must be a string, not dict"),
    ({"body": [{"type": "image", "src": "a.jpg"}]}, "`body` is a list without a paragraph of text in it"),
    ({"title": "Norvik to enter Chile", "abstract": "Ten stores."}, "no article text"),   # (a summary only: an
    #                                                                                    abstract is no RSS item)
    ({"content": {"paragraphs": [{"type": "image"}]}}, "`content` is an object without a text in it"),
])
def test_jsonl_objects_without_the_value_wanted_are_clear_errors(tmp_path, record, reason):
    error = _load_one_record(tmp_path, record)
    assert isinstance(error, InputError) and reason in str(error) and "feed.jsonl:1" in str(error)


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
    ("nul.txt", b"abc\x00def" * 10, "NUL bytes"),
    ("bad-bom.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid"),
])
def test_bad_files_have_reasons(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    items = list(read_articles(next(discover([path]))))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert reason in items[0].reason and items[0].path == str(path)


def test_too_large(tmp_path, monkeypatch):
    import kg.loaders.base as base

    monkeypatch.setattr(base, "MAX_ARTICLE_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    with pytest.raises(InputError, match="too large"):
        base.read_text(path, limit=base.MAX_ARTICLE_BYTES)


def test_discover_folders_globs_and_missing(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "a.txt").write_text(TEXT)
    (tmp_path / "d" / "sub" / "b.md").write_text(TEXT)
    (tmp_path / "d" / "skip.pdf").write_text("x")
    (tmp_path / "d" / ".hidden").mkdir()
    (tmp_path / "d" / ".hidden" / "c.txt").write_text(TEXT)
    found = list(discover([tmp_path / "d", str(tmp_path / "d" / "*.txt"), tmp_path / "nope", str(tmp_path / "*.zzz")]))
    ok = sorted(s.path.name for s in found if s.error is None)
    errors = sorted(s.error.reason for s in found if s.error is not None)
    assert ok == ["a.txt", "b.md"]
    assert errors == ["no file matches this pattern", "no such file or directory"]


def test_unsupported_suffix_is_a_clear_error(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_text("x")
    items = list(read_articles(next(discover([path]))))
    assert "unsupported file type '.pdf'" in str(items[0])
