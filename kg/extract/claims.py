"""Claims: who said what about whom. Reported speech ("X said ...", "X told CNBC ...", "X posted on
Weibo, claiming ..."), quotes with their attribution, and "according to X"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.model import Claim

from .context import QA_MARK, DocContext
from .lexicon import COMPANY_NOUNS, EXECUTIVE_TITLES, FIRST_PERSON_PLURAL, PUBLIC_OFFICES, SPEECH_VERBS, TITLES
from .markets import resolve_market
from .mentions import is_headline
from .normalize import normalize_date
from .relations import quoted as _quoted, subject_of

_ABOUT_TYPES = ("Company", "Product", "Market")


def claims(ctx: DocContext, p: int, sentence: Span, employer: dict[str, str]) -> Iterator[Claim]:
    evidence = ctx.evidence(p, sentence)
    introduced = _introduced_quote(ctx, p, sentence)
    if introduced is not None:
        speaker, quote = introduced
        claim = _continued_quote(ctx, p, quote, speaker, employer)
        if claim is not None:
            yield replace(claim, evidence=evidence)
    for token in sentence:
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ == "VERB" and not _nested_report(token):
            claim = _reported(ctx, p, sentence, token, employer)
            if claim:
                yield Claim(evidence=evidence, **claim)
        elif token.lower_ == "according" and token.i + 1 < len(sentence.doc) and sentence.doc[token.i + 1].lower_ == "to":
            to = sentence.doc[token.i + 1]      # the source hangs on "to", or on "according" when the parse
            sources = [t for c in to.children for t in c.subtree]    # ends "to" at a describing noun
            sources += [t for c in token.children if c.dep_ == "pobj" and c.i > to.i for t in c.subtree]
            speakers = ctx.entities_in(p, sources, "Company", "Person")   # ("according to analysts Foo")
            if not speakers:
                continue
            rest = [t for t in sentence if t.i < token.i or t.i > to.right_edge.i]
            about = [n for n in ctx.entities_in(p, rest, *_ABOUT_TYPES) if n != speakers[0]]
            if about:
                text = sentence.text.strip()
                yield Claim(speakers[0], about, text, evidence, date=_date(ctx, sentence))


def _introduced_quote(ctx: DocContext, p: int, sentence: Span) -> tuple[str, Span] | None:
    """A quotation a colon introduces with its source and no verb of saying: 'Ottoline Varrenne of Pellacourt Research
    emails: "..."', 'A note from Kameyori Yoshitaka at Hoshinoura Securities: "..."' (one person named before it)."""
    colon = next((t for t in sentence[:-1] if t.text == ":" and sentence.doc[t.i + 1].text == '"'), None)
    if colon is None:
        return None
    lead = sentence.doc[sentence.start:colon.i]
    if any(t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" for t in lead):
        return None                               # ('Vellefontaine said: "..."': the verb's own claim)
    people = ctx.entities_in(p, list(lead), "Person")
    if len(people) != 1:
        return None
    person = next(t for t in lead if ctx.entity_at(p, t, "Person") == people[0] and t.dep_ != "compound")
    subject = person.dep_ in ("nsubj", "ROOT", "dep", "appos", "nmod") and not any(c.tag_ == "POS"
                                                                                 for c in person.children)
    if not (subject or person.dep_ == "pobj" and person.head.lower_ in ("from", "by")):
        return None                      # (not 'Analysts were blunt about Ann Lee: "..."', 'Ann Lee's critics: "..."')
    return people[0], sentence.doc[colon.i + 1:sentence.end]


def _nested_report(verb: Token) -> bool:
    """'X said he believed Y': the inner verb of saying is part of what X said, not a second claim."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS and any(
        c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children)


def _reported(ctx: DocContext, p: int, sentence: Span, verb: Token, employer: dict[str, str]) -> dict | None:
    subject = subject_of(verb) if verb.dep_ not in ("xcomp", "advcl") else None
    inverted = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]
    if inverted and subject is not None and subject.i < verb.i:
        subject = inverted[0]          # '..., in particular the UK, said the report': the parse took "UK" too
    if subject is None and verb.dep_ in ("advcl", "xcomp"):    # "posted on Weibo, claiming that ..."
        subject = subject_of(verb.head)
    if subject is None:
        subject = _quoted_as_saying(verb)
    if subject is None:
        subject = _speaker_named_near(ctx, p, verb)
    subject = _person_among_subjects(ctx, p, verb, subject)
    passive_agent = next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
    reported_subject = None
    if passive_agent is not None and verb.lemma_.lower() in ("report", "quote", "say", "tell", "claim", "estimate"):
        reported_subject, subject = subject, passive_agent    # "Kelvo is reported by Nordpress to have won ..."
    if subject is None:
        return None
    # An organisation's own statements are news, not claims: a claim has a named person behind it,
    # or a research source reporting what it found ("analysts Jupiter Research say", "a study by
    # Foo suggested", "according to IDC", the last handled by the caller).
    speaker = _person_speaking(ctx, p, subject) or _research_source(ctx, p, subject, verb) or (
        ctx.entity_at(p, subject, "Company") if reported_subject is not None else None)   # a reporter of others
    if speaker is None:
        return None
    content = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "oprd") or   # "called himself an X user"
               c.dep_ == "dobj" and verb.lemma_ != "tell" and c.lemma_ not in ("it",)]
    tokens = [t for c in content for t in c.subtree]
    if not content and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):   # "Qianlu, he added, has
        inserted = {t.i for t in verb.subtree}                                           # undercut every brand"
        tokens = [t for t in verb.head.subtree if t.i not in inserted and not t.is_punct]
    if content and all(c.i < verb.i for c in content):   # "..., the report showed, with the largest gains in France"
        tokens += [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > verb.i
                   for t in c.subtree]              # (not "told a conference at ...", "as reported by ...")
    if verb.dep_ == "ccomp" and verb.head.pos_ in ("VERB", "AUX"):   # '"...," Wang told CNBC': quote is the head
        tokens = [t for t in verb.head.subtree if t.i < verb.i and not t.is_punct or t.i > verb.right_edge.i]
    if inverted and subject is inverted[0]:  # '..., said the report': all that comes before is what it said
        tokens = [t for t in sentence if t.i < verb.i and not t.is_punct]
    if _closing_attribution(sentence, verb, subject):   # '..., research firm NPD Group has reported.'
        tokens = [t for t in sentence if t.i < subject.left_edge.i and not t.is_punct]
    if reported_subject is not None:                     # what the passive report says: its subject and the rest
        tokens = [t for t in reported_subject.subtree] + [t for c in verb.children if c.dep_ in ("xcomp", "ccomp")
                                                          for t in c.subtree]
    quotes = _quoted(sentence)
    if quotes and not tokens:
        tokens = [t for t in quotes]
    if not tokens:
        return None
    attribution = {t.i for t in subject.subtree} | _channel_tokens(verb) | {   # "In an interview with CNBC, ..."
        t.i for a in verb.ancestors if a.lemma_ == "quote" for c in a.children if c.dep_ == "agent"
        for t in c.subtree} | {
        t.i for noun in sentence if noun.lemma_.lower() in _CHANNEL_NOUNS and noun.dep_ == "pobj"
        and noun.head.lower_ in ("in", "with", "during", "on") for t in noun.subtree}
    tokens = [t for t in tokens if t.i not in attribution]     # not the speaker's own firm, nor "told the BBC"
    if not tokens:
        return None
    quoted = {t.i for t in _quoted(sentence)}
    own = employer.get(speaker)              # "it" is rarely the speaker's own firm ("Steve Linford, director
    about = _about(ctx, p, [t for t in tokens if not (t.pos_ == "PRON" and (    # of Spamhaus, predicted that
        t.i in quoted or own and ctx.entity_at(p, t, "Company") == own))         # ... it could trigger"), and
        and not _anaphor_in_quote(ctx, p, t, quoted, own)], speaker)            # a quote's "the bank" not the
    #                                                                            narrative's company
    if any(t.lower_ in FIRST_PERSON_PLURAL for t in tokens) and speaker in employer:
        if employer[speaker] not in about:
            about.insert(0, employer[speaker])
    if not about and ctx.types.get(speaker) == "Company":
        return None                      # a source's finding about nothing named is no claim
    if not about and not quoted and not any(t.pos_ in ("VERB", "AUX") for t in tokens) \
            and tokens[0].lower_ in ("the", "this", "that", "these", "those", "its", "their", "his", "her", "our"):
        return None                      # "announced the plan on Monday": a thing said, not what was said (but
        #                                  "predicted a deep recession": what was said)
    ordered = sorted(tokens, key=lambda t: t.i)
    text = sentence.doc[ordered[0].i:ordered[-1].i + 1].text.strip(' "\'')
    return {"speaker": speaker, "about": about, "text": text, "channel": _channel(ctx, p, verb),
            "date": _date(ctx, sentence)}


def _about(ctx: DocContext, p: int, tokens: list[Token], speaker: str) -> list[str]:
    """What a claim is about: the entities its words name. The caller leaves out pronouns inside a
    quotation: the speaker's "it" is rarely the company the narrative last named."""
    about = [n for n in ctx.entities_in(p, tokens, *_ABOUT_TYPES) if n != speaker]
    for token in tokens:                  # "Indian production will decline", "South African demand"
        if ctx.entity_at(p, token) is None and token.ent_type_ == "NORP" and token.ent_iob_ == "B":
            nationality = next(e for e in token.doc.ents if e.start == token.i)      # the whole name, not "African"
            market = resolve_market(f"{nationality.text} market")
            if market is not None and market.name not in about:
                about.append(market.name)
    return about


_REPORT_NOUNS = {"report", "study", "survey", "research", "analysis", "figure", "data", "datum", "poll", "estimate",
                 "forecast", "statistic", "statistics", "finding", "findings"}   # ("data" has the lemma "datum")
_SOURCE_NOUNS = {"analyst", "analysts", "researcher", "researchers", "consultancy", "firm", "group",
                 "newspaper", "paper", "magazine", "broadcaster", "journal", "website", "agency", "daily", "weekly"}
_SOURCE_NAME_WORDS = {"research", "analytics", "insights", "intelligence", "economics", "consulting", "partners",
                      "netratings", "securities", "capital", "data", "idc", "gartner",
                      # research institutes, trade associations and think tanks quoted for their findings
                      "institute", "association", "federation", "confederation", "society", "foundation", "forum",
                      "chamber",
                      # news agencies
                      "press", "presse", "agence", "wire",
                      # the words newspapers and magazines are named with: a paper reporting is a source
                      "times", "telegraph", "journal", "post", "news", "herald", "gazette", "tribune", "guardian",
                      "chronicle", "observer", "express", "mail", "magazin", "magazine", "zeitung", "review"}


def _research_source(ctx: DocContext, p: int, subject: Token, verb: Token) -> str | None:
    """A company speaking as a source of findings, not as a party to the news."""
    if subject.lemma_.lower() in _REPORT_NOUNS:        # "The report by Nielsen found", "Foo's survey shows"
        names = _report_holders(ctx, p, subject)
        if not names and any(c.lower_ in ("the", "this", "its") for c in subject.children):
            return _last_report_source(ctx, p, subject)   # "..., said the report": the study named before
        return names[0] if names else None
    name = ctx.entity_at(p, subject, "Company")
    if name is None and subject.lemma_.lower() in _SOURCE_NOUNS:   # "Reuters news agency reported"
        name = next((n for dep in ("appos", "compound") for c in subject.children     # "analysts Ovum said"
                     if c.dep_ == dep and (n := ctx.entity_at(p, c, "Company"))), None)
        if name is not None:
            return name
    if name is None:
        return None
    mention = ctx.mention_at(p, subject)
    described = {c.lemma_.lower() for c in subject.children if c.dep_ in ("compound", "appos", "amod")
                 and not mention.start <= c.i < mention.end}       # (not the "Group" of "Noorda Group N.V.")
    if mention.start > 0 and not mention.anaphor:        # "analysts Jupiter Research say": a word on the name
        before = subject.doc[mention.start - 1]
        if mention.start <= before.head.i < mention.end:
            described.add(before.lemma_.lower())
    if described & _SOURCE_NOUNS or set(name.lower().replace("/", " ").split()) & _SOURCE_NAME_WORDS:
        return name
    return None


def _report_holders(ctx: DocContext, p: int, noun: Token) -> list[str]:
    """Whose report a report noun is: "the report by Nielsen", "Foo's survey", "a study from Foo"."""
    holders = [t for c in noun.children if c.dep_ in ("poss", "prep", "acl") for t in c.subtree]
    holders += [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]   # "a Kelvo study found"
    return ctx.entities_in(p, holders, "Company")


def _last_report_source(ctx: DocContext, p: int, noun: Token) -> str | None:
    """The company whose report, study or survey the text named last before `noun`."""
    last = None
    for q, sentence in ctx.sentences():
        if (q, sentence.start) >= (p, noun.sent.start):
            break
        for token in sentence:
            if token.lemma_.lower() in _REPORT_NOUNS and token.pos_ == "NOUN" and (names := _report_holders(ctx, q, token)):
                last = names[0]
    return last


_CHANNEL_NOUNS = {"interview", "statement", "post", "letter", "note", "call", "conference", "briefing", "memo",
                  "email", "blog", "podcast", "broadcast", "programme", "program", "show", "speech"}


def _channel_tokens(verb: Token) -> set[int]:
    """The words that name where something was said: 'told the Nordic Radio programme Tech
    Talk', 'said in an interview with Reuters', 'wrote on LinkedIn'."""
    found = set()
    for child in verb.children:
        if child.dep_ in ("dative", "dobj", "npadvmod") and verb.lemma_ == "tell" or \
                child.dep_ == "prep" and child.lower_ in ("on", "to", "with", "in") and \
                any(t.pos_ == "PROPN" for t in child.subtree) and \
                any(o.pos_ == "PROPN" or o.lemma_.lower() in _CHANNEL_NOUNS for o in child.children) and (   # (not
                #                                                      "showed, with the largest gains in France")
                    not any(t.pos_ == "VERB" for t in child.subtree) or
                    any(o.lemma_.lower() in _CHANNEL_NOUNS for o in child.children)):
            found |= {t.i for t in child.subtree}
    return found


def _channel(ctx: DocContext, p: int, verb: Token) -> str | None:
    """'told CNBC', 'posted on Weibo', 'in an interview with Reuters', 'wrote on LinkedIn'."""
    for child in verb.children:
        if child.dep_ in ("dative", "dobj") and verb.lemma_ == "tell" and child.pos_ == "PROPN":
            return child.text
        if child.dep_ == "prep" and child.lower_ in ("on", "to", "with", "in"):
            for obj in child.children:
                if obj.pos_ == "PROPN":
                    return obj.text
    if verb.dep_ in ("advcl", "xcomp"):
        return _channel(ctx, p, verb.head)
    return None


def _date(ctx: DocContext, sentence: Span) -> str | None:
    for ent in sentence.ents:
        if ent.label_ == "DATE":
            value = normalize_date(ent.text, ctx.article.published)
            if value:
                return value
    return None


def document_claims(ctx: DocContext, employer: dict[str, str]) -> list[Claim]:
    """Claims sentence by sentence, then two that need the whole document: a quote that goes on in
    the next sentences without a new attribution, and the named author's own first-person views."""
    found: list[Claim] = []
    by_sentence: dict[tuple[int, int], list[Claim]] = {}
    sentences = list(ctx.sentences())
    for p, sentence in sentences:
        here = list(claims(ctx, p, sentence, employer))
        by_sentence[(p, sentence.start)] = here
        found.extend(here)
    last_speaker: tuple[str, int] | None = None        # (person, paragraph) of the latest attribution
    last_index = -2                                      # the sentence it was made in
    speakers_of = [_speakers(ctx, p, sentence) for p, sentence in sentences]
    for index, (p, sentence) in enumerate(sentences):
        speakers = speakers_of[index]
        if speakers:
            last_speaker, last_index = (speakers[0], p), index
        if by_sentence[(p, sentence.start)] or not _inside_quote(ctx, p, sentence) or speakers \
                or _attributed_to_someone(sentence):
            continue
        speaker = None
        if last_speaker and last_index == index - 1 and last_speaker[1] == p:
            speaker = last_speaker[0]                            # '"...," said X. "More of X\'s quote."'
            last_index = index                                   # (and the sentence after that, too)
        for ahead in range(index + 1, min(index + 3, len(sentences))) if speaker is None else []:
            if sentences[ahead][0] - p <= 1 and speakers_of[ahead]:  # '"..." "...," she added.' right after it
                speaker = speakers_of[ahead][0]
                break
        if speaker is None and index > 0 and sentences[index - 1][0] >= p - 1:
            speaker = _person_on_stage(ctx, *sentences[index - 1], sentence)   # 'Chief executive X walks on
            #                                                                            stage. "..."'
        if speaker is None and last_speaker and p - last_speaker[1] <= 3:
            speaker = last_speaker[0]                            # a quote running on from the last speaker
        if speaker:
            claim = _continued_quote(ctx, p, sentence, speaker, employer)
            if claim:
                found.append(claim)
    labels = {p: _speaker_label(ctx, p) for p in dict.fromkeys(p for p, _ in sentences)}   # (once a paragraph)
    for p, sentence in sentences:                  # a transcript's turns: 'Blanka Marková-Dunbar: Our revenue ...',
        label = labels[p]                          # or the paragraphs under a line 'Blanka Marková-Dunbar - CFO'
        speaker = label or _turn_speaker(ctx, p)
        if speaker is None or by_sentence[(p, sentence.start)] or p in ctx.transcript.questions \
                or sentence.text.rstrip(' "').endswith("?") \
                or label and ctx.paragraphs[p].text.rstrip(' "\u201d').endswith("?"):   # (an analyst's question
            continue                                                                    # and what leads up to it)
        doc = ctx.paragraphs[p].doc
        said = doc[_label_end(doc) + 1:sentence.end] if label and sentence.start == 0 else sentence
        claim = _continued_quote(ctx, p, said, speaker, employer)
        if claim is not None:
            found.append(replace(claim, evidence=ctx.evidence(p, sentence)))
    author, column = _author(ctx)
    interviewee = _interviewee(ctx, author)
    for p, sentence in sentences if interviewee else []:     # an interview's answers are the interviewee's claims
        if p in ctx.answers and not by_sentence[(p, sentence.start)] and not _quoted(sentence):
            claim = _continued_quote(ctx, p, sentence, interviewee, employer)
            if claim:
                found.append(claim)
    if author:
        for (p, sentence), speakers in zip(sentences, speakers_of):
            if p in ctx.answers | ctx.questions:
                continue                  # (an interview's questions are the interviewer's, its answers not theirs)
            own_view = any(t.lower_ in ("i", "my", "me") and t.pos_ == "PRON" for t in sentence)
            if not (own_view or column) or _quoted(sentence) or by_sentence[(p, sentence.start)] \
                    or _inside_quote(ctx, p, sentence) or speakers \
                    or _attributed_to_someone(sentence) or is_headline(ctx.paragraphs[p].doc):
                continue                  # a column's author asserts all the column says in its own voice
            about = [n for n in ctx.entities_in(p, sentence, *_ABOUT_TYPES) if n != author]
            if about:
                found.append(Claim(author, about, sentence.text.strip(), ctx.evidence(p, sentence)))
    return found


def _turn_speaker(ctx: DocContext, p: int) -> str | None:
    """The person whose turn in a transcript a paragraph is part of: the one its speaker line names."""
    line = ctx.transcript.turns.get(p)
    return ctx.entity_at(line, ctx.paragraphs[line].doc[0], "Person") if line is not None else None


def _label_end(doc) -> int:
    """Where a paragraph's opening label ends: the index of its colon, or -1 (within the first eight tokens)."""
    return next((t.i for t in doc[:8] if t.text == ":"), -1)


def _speaker_label(ctx: DocContext, p: int) -> str | None:
    """The person a transcript's paragraph opens on as its speaker, their name and a colon and nothing else before
    it: 'Zbyněk Hrubeš-Sandoval: Good morning. ...' (not 'Company participants: ...', nor 'Note: ...')."""
    doc = ctx.paragraphs[p].doc
    colon = _label_end(doc)
    if colon < 1 or colon + 1 >= len(doc):
        return None
    lead = [t for t in doc[:colon] if not t.is_punct or t.text == "-"]
    people = {ctx.entity_at(p, t, "Person") for t in lead}
    return next(iter(people)) if len(people) == 1 and None not in people else None


def _person_on_stage(ctx: DocContext, p: int, sentence: Span, quotation: Span) -> str | None:
    """The one person a sentence of narrative before a quotation names as its subject: the quotation is theirs
    ('Chief executive Margaux Vellefontaine walks on stage. "Tonight we start making our own."'), unless it names
    them ('"The board has lost confidence in Ann Lee"': said of them)."""
    if _quoted(sentence) or _inside_quote(ctx, p, sentence) \
            or any(t.dep_ in ("nsubjpass", "auxpass") for t in sentence):
        return None                      # (not 'Ann Lee was fired on Monday. "..."': done to her, said by another)
    people = ctx.entities_in(p, list(sentence), "Person")
    subject = subject_of(sentence.root) or sentence.root           # (or the root: "X of Orvandel walks on stage",
    named = [subject, *(c for c in subject.children if c.dep_ == "appos")]      # parsed as nouns; or "Chief
    if len(people) != 1 or people[0] not in {ctx.entity_at(p, t, "Person") for t in named}:   # executive X walks")
        return None
    surname = people[0].split()[-1].casefold()
    return None if any(t.text.casefold() == surname for t in quotation) else people[0]


def _speakers(ctx: DocContext, p: int, sentence: Span) -> list[str]:
    """People who say something in a sentence, whatever they say."""
    introduced = _introduced_quote(ctx, p, sentence)
    found = [introduced[0]] if introduced is not None else []
    for verb in sentence:
        if verb.lemma_.lower() in SPEECH_VERBS and verb.pos_ == "VERB":
            subject = _person_among_subjects(ctx, p, verb, subject_of(verb) or _quoted_as_saying(verb))
            name = _person_speaking(ctx, p, subject) if subject is not None else None
            if name:
                found.append(name)
    return found


def _anaphor_in_quote(ctx: DocContext, p: int, token: Token, quoted: set[int], own: str | None) -> bool:
    """A description inside a quotation ("the bank's servers") means what the speaker means, which is
    rarely the company the narrative last named; the speaker's own company excepted, and "the economy" or
    "the country", which is the country the text is about."""
    if token.i not in quoted:
        return False
    mention = ctx.mention_at(p, token)
    return mention is not None and mention.anaphor and mention.entity != own and mention.type != "Market"


def _closing_attribution(sentence: Span, verb: Token, subject: Token) -> bool:
    """A sentence that ends with its attribution after a comma ("..., market research firm NPD Group has
    reported."), whatever clause the parser hung the verb on."""
    last = sentence.end - 1
    while last > sentence.start and sentence.doc[last].is_punct:
        last -= 1
    start = subject.left_edge.i
    return verb.i == last and subject.i < verb.i and start > sentence.start \
        and sentence.doc[start - 1].text == "," and verb.dep_ not in ("ROOT",)


def _quoted_as_saying(verb: Token) -> Token | None:
    """'he is quoted as saying by a magazine': the one quoted is the speaker."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ == "quote":
        return next((c for c in verb.head.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    return None


_BODY_NOUNS = {"union", "association", "federation", "council", "club", "party", "society", "board"}


def officials(ctx: DocContext) -> dict[str, str]:
    """People who hold a country's public office, and the country: "US Treasury Secretary Ann Lee", "Omar
    Haddad, the Maldives' foreign minister". What they call "we" or "our" is that country."""
    found: dict[str, str] = {}
    for mention in ctx.mentions:
        if mention.type != "Person" or mention.anaphor or mention.entity in found:
            continue
        doc = ctx.paragraphs[mention.para].doc
        root = doc[mention.start:mention.end].root
        titles = [t for t in doc[max(0, mention.start - 4):mention.start] if t.head.i >= mention.start]
        titles += [c for c in root.children if c.dep_ == "appos"]
        for title in titles:
            if title.lemma_.lower() not in PUBLIC_OFFICES:
                continue
            modifiers = [c for c in title.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
            modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children if g.dep_ == "compound"]
            if any(m.lemma_.lower() in COMPANY_NOUNS | _BODY_NOUNS for m in modifiers):
                continue                  # "union secretary", "the bank's president": no public office
            country = next((m for t in modifiers if (m := ctx.entity_at(mention.para, t, "Market"))), None) or next(
                (ref.name for t in modifiers if (ref := resolve_market(f"{t.text} market") if t.ent_type_ == "NORP"
                                                 else resolve_market(t.text) if t.pos_ == "PROPN" else None)), None)
            if country is None and title.lemma_.lower() in _GOVERNMENT_OFFICES:
                country = _the_government(ctx)    # "Finance Minister Ana Ruiz" in news of "the Peruvian government"
            if country:
                found[mention.entity] = country
                break
    return found


# Offices only a government gives, at home (a company has presidents and secretaries; an ambassador serves
# abroad, a senator is no minister of the country the news is about).
_GOVERNMENT_OFFICES = frozenset({"minister", "chancellor", "premier"})


def _the_government(ctx: DocContext) -> str | None:
    """The one country whose government a document names ("the Peruvian government"), if only one."""
    countries = set()
    for paragraph in ctx.paragraphs:
        for token in paragraph.doc:
            if token.lemma_.lower() == "government" and token.i > 0 and token.doc[token.i - 1].ent_type_ == "NORP":
                ref = resolve_market(f"{token.doc[token.i - 1].text} market")
                if ref is not None and ref.kind == "country":
                    countries.add(ref.name)
    return next(iter(countries)) if len(countries) == 1 else None


def _speaker_named_near(ctx: DocContext, p: int, verb: Token) -> Token | None:
    """The speaker of a finite speech verb the parse left without a subject, in a sentence that quotes: the
    first person named after the closing quote ('"...," Ann Lee, Vantel's head of policy, said.'), else the
    nearest one before the verb ('..., the carmaker's chief executive Ann Lee said: "..."', Ann Lee parsed in
    apposition to another noun). The whole name with its description is the attribution."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ in ("acl", "amod", "advcl", "relcl") \
            or not any(t.text == '"' for t in verb.sent):
        return None                       # not "those found guilty", "figures showing that"
    start = verb.i - 1
    while start > verb.sent.start and doc[start].text != '"':
        start -= 1
    between = list(doc[start:verb.i]) if doc[start].text == '"' else list(reversed(doc[start:verb.i]))
    named = next((t for t in [*between, *doc[verb.i + 1:verb.i + 2]] if ctx.entity_at(p, t, "Person", "Executive")),
                 None)
    if named is None:
        return None
    mention = ctx.mention_at(p, named)
    return doc[mention.start:mention.end].root


def _person_among_subjects(ctx: DocContext, p: int, verb: Token, subject: Token | None) -> Token | None:
    """The person of a speech verb the parse gave two subjects: '"Brine costs less ...," managing director Ann Lee
    told reporters' (the quote's verb read as a subject too)."""
    if subject is not None and _person_speaking(ctx, p, subject):
        return subject
    return next((c for c in verb.children if c.dep_ == "nsubj" and c is not subject
                 and _person_speaking(ctx, p, c)), subject)


def _person_speaking(ctx: DocContext, p: int, subject: Token) -> str | None:
    """The person a speech verb's subject names, or names in apposition ("Boeing's new chief executive,
    Kelly Ortberg, told ...") or before a dashed description."""
    return ctx.entity_at(p, subject, "Person") or next(
        (n for c in subject.children if (c.dep_ == "appos" or c.dep_ == "conj" and subject.lemma_.lower() in TITLES)
         and (n := ctx.entity_at(p, c, "Person"))), None) or next(   # "Nortel president and chief executive Bill Owens"
        (n for t in subject.subtree if t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in ("-", "\u2013", "\u2014")
         and t.doc[t.i + 1].whitespace_ and (n := ctx.entity_at(p, t, "Person"))), None)
    #  ... or the name before a dashed description: "Florian Hamm - the club's largest investor - said"


def _attributed_to_someone(sentence: Span) -> bool:
    """'"...," a Google spokesperson told the BBC.': said by somebody unnamed, not by the last speaker."""
    return any(verb.lemma_.lower() in SPEECH_VERBS and verb.pos_ == "VERB" and
               (subject := subject_of(verb)) is not None and subject.pos_ in ("NOUN", "PROPN")
               for verb in sentence)


def _inside_quote(ctx: DocContext, p: int, sentence: Span) -> bool:
    """A sentence that opens with a quotation mark, or starts inside a quotation opened before it."""
    if sentence.text.lstrip().startswith('"'):
        return True
    # The last quotation mark before the sentence decides: an opening one (space before it, a word after it)
    # leaves the quote open, a closing one ends it. Counting marks fails on news that re-opens each quoted
    # sentence without closing the one before ('"A. "B." Narrative.').
    before = ctx.paragraphs[p].text[:sentence.start_char].rstrip()
    last = before.rfind('"')
    if last == -1 or last + 1 >= len(before):
        return False
    opens = last == 0 or before[last - 1].isspace() or before[last - 1] in "([:"
    return opens and before[last + 1].isalnum()


def _continued_quote(ctx: DocContext, p: int, sentence: Span, speaker: str, employer: dict[str, str]) -> Claim | None:
    tokens = [t for t in sentence if not t.is_punct]
    inside = {t.i for t in tokens}                     # the whole sentence is the quotation
    about = _about(ctx, p, [t for t in tokens if t.pos_ != "PRON"
                            and not _anaphor_in_quote(ctx, p, t, inside, employer.get(speaker))], speaker)
    if any(t.lower_ in FIRST_PERSON_PLURAL for t in tokens) and speaker in employer and employer[speaker] not in about:
        about.insert(0, employer[speaker])
    if not about:
        return None
    text = QA_MARK.sub("", sentence.text.strip(' "')).strip(' "')      # (an answer's "A:" is no part of it)
    return Claim(speaker, about, text, ctx.evidence(p, sentence), date=_date(ctx, sentence))


_BYLINE_WORDS = {"columnist", "writer", "editor", "correspondent", "reporter", "journalist", "contributor",
                 "analyst", "author", "blogger", "commentator"}


_COLUMN_VERBS = {"ask", "write", "argue", "wonder", "reflect", "ponder"}
# Verbs of a standfirst only when what follows is a question: "wants to know what happened", "explains why",
# "considers whether" (not news: "analyst Tom Hale wants the firm to close its plant").
_QUESTION_VERBS = {"want", "explain", "examine", "consider", "question"}


def _byline_title(name: Token) -> bool:
    """A writer's title on a name ("technology analyst Ben Corrin", "Ann Lee, our columnist") and no company's
    post: the author of a column, not a source quoted in a news lead ("Kelvo chief executive Ben Corrin writes")."""
    words = {t.lemma_.lower() for t in name.subtree if t.i != name.i}
    words |= {t.lemma_.lower() for t in name.doc[max(0, name.left_edge.i - 3):name.i]}
    return bool(words & _BYLINE_WORDS) and not words & EXECUTIVE_TITLES


def _asks_a_question(verb: Token) -> bool:
    """'wants to know what happened', 'explains why ...', 'considers whether ...': the verb opens a question."""
    if verb.lemma_.lower() == "want":
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in ("know", "understand", "learn", "find") for c in verb.children)
    return any(t.tag_ in ("WDT", "WP", "WRB") or t.lower_ in ("whether", "if") for c in verb.children
               if c.dep_ in ("ccomp", "xcomp", "dobj", "advcl") for t in c.subtree)


def _interviewee(ctx: DocContext, author: str | None) -> str | None:
    """The person an interview ("Q: ... A: ...") is with: the one its headline and introduction name most, not
    its author (on a tie, the one named last before the questions: the introduction ends with them)."""
    if not ctx.answers:
        return None
    first_answer = min(ctx.answers)
    named = [m for m in ctx.mentions if m.para < first_answer and m.type in ("Person", "Executive") and m.entity
             and m.entity != author]
    counts = Counter(m.entity for m in named)
    last = {m.entity: (m.para, m.start) for m in named}
    return max(counts, key=lambda entity: (counts[entity], last[entity])) if counts else None


def _author(ctx: DocContext) -> tuple[str | None, bool]:
    """The article's named author: a 'By NAME' line, a line that is only a person's name, or a bio
    ('NAME is a columnist ...'); only then do the article's first-person views become claims. A column's
    standfirst ('..., asks technology analyst NAME', 'NAME argues that ...') names an author who
    asserts all the column says: the second value."""
    for p, paragraph in enumerate(ctx.paragraphs):
        doc = paragraph.doc
        people = [m for m in ctx.mentions if m.para == p and m.type in ("Person", "Executive") and not m.anaphor]
        if not people:
            continue
        words = [t for t in doc if not t.is_punct]
        first = people[0]
        if doc[0].lower_ == "by" and first.start == 1 and len(words) <= 6:
            return first.entity, False
        if len(people) == 1 and first.start == 0 and first.end == len(words) and len(words) <= 4:
            return first.entity, False
        if p <= 3 and len(people) == 1 and len(words) <= 16 and not any(t.pos_ in ("VERB", "AUX") for t in doc) \
                and first.end < len(doc) and doc[first.end].text == "," \
                and any(t.lemma_.lower() in _BYLINE_WORDS for t in doc[first.end:]):
            return first.entity, False          # "3 June 2026 · Ann Lee, senior mobility analyst at Kelvo Research"
        root = doc[first.start:first.end].root
        if root.dep_ == "nsubj" and root.head.lemma_ == "be" and any(
                t.lemma_.lower() in _BYLINE_WORDS for t in root.head.subtree):
            return first.entity, False
        verb = root.head
        if p <= 2 and root.dep_ == "nsubj" and (verb.lemma_.lower() in _COLUMN_VERBS or verb.lemma_.lower()
                                                in _QUESTION_VERBS and _asks_a_question(verb)) \
                and verb.tag_ == "VBZ" and root not in _quoted(root.sent) and _byline_title(root):
            return first.entity, True
    return None, False
