"""From typed mentions to a document's entities: names clustered, one canonical name each.

Companies merge on their name without legal suffixes ("Huawei Technologies" / "Huawei") and on
one-edit typos ("Xioami"); a surname alone joins the one full name it ends or starts ("Wang" ->
"Wang Xiang"); markets resolve to one country or region ("US", "the United States", "America");
a product named with its maker in front ("Samsung Galaxy S9") becomes the product, an alias, and
a produces fact."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.model import Entity, Evidence
from kg.resolution import LEGAL_SUFFIXES, is_typo_of, normalize, strip_legal_suffixes

from .lexicon import COMPANY_NOUNS, INDUSTRY_WORDS, MODEL_CODE, PRODUCT_NOUNS, UNIT_NAME_WORDS, trade_word

from .markets import resolve_market
from .mentions import Mention, pool_votes, type_of


@dataclass
class EntityTable:
    entities: dict[str, Entity] = field(default_factory=dict)          # canonical name -> Entity
    maker_of: dict[str, str] = field(default_factory=dict)             # product -> company named in it
    brands: set[str] = field(default_factory=set)                      # makers known only from a product's name

    def add_alias(self, name: str, alias: str) -> None:
        self.entities[name].aliases.add(alias)

    def by_form(self, *types: str) -> dict[str, str]:
        """Every name and alias in lower case -> the entity's canonical name (entities of `types`, or of any type)."""
        return {form.lower(): name for name, entity in self.entities.items() if not types or entity.type in types
                for form in (name, *entity.aliases)}


def _canonical(forms: Counter) -> str:
    """The most frequent form; on a tie the shorter one. A heading's capitals give way to the body's spelling of
    the same name ("VINDHYACHAL CEMENTS" under which "Vindhyachal Cements" is named)."""
    lowered = {f.lower() for f in forms if not f.isupper()}
    return sorted(forms.items(), key=lambda kv: (kv[0].isupper() and kv[0].lower() in lowered,
                                                 -kv[1], len(kv[0]), kv[0]))[0][0]


def _canonical_company(forms: Counter) -> str:
    """The fullest name short of legal suffixes ("Norvik Motors" over "Norvik", "Huawei" over
    "Huawei Technologies"), then the most frequent form of it."""
    longest = max(len(strip_legal_suffixes(f).split()) for f in forms)
    return _canonical(Counter({f: n for f, n in forms.items() if len(strip_legal_suffixes(f).split()) == longest}))


def resolve_entities(mentions: list[Mention], evidence_of) -> EntityTable:
    """Type every mention by pooled votes, cluster names per type, and set mention.entity/type."""
    pooled = pool_votes(mentions)
    company_keys = {strip_legal_suffixes(m.text) for m in mentions if type_of(pooled[m.key]) == "Company"}
    first_words = {key.split()[0] for key in company_keys
                   if " " in key and (trade_word(key.split()[-1]) or key.split()[-1] in LEGAL_SUFFIXES)}
    last_words = {key.split()[-1] for key in company_keys if 1 < len(key.split()) <= 3} \
        - INDUSTRY_WORDS - LEGAL_SUFFIXES                      # "Boerse" for "Deutsche Boerse"
    product_last_words = {m.key.split()[-1] for m in mentions if " " in m.key and type_of(pooled[m.key]) == "Product"}
    surnames = {key for key, votes in pooled.items()      # "Kovac" said, was quoted, is "Mr Kovac": a person
                if " " not in key and type_of(votes) == "Person" and votes.get("Person", 0) >= 2}
    clear_companies = {strip_legal_suffixes(m.text) for m in mentions     # named as a company again and again
                       if type_of(pooled[m.key]) == "Company" and pooled[m.key]["Company"] >= 3}
    said_of_people = Counter()            # person votes from what the text says, not from the model's label
    for mention in mentions:
        said_of_people[mention.key] += mention.votes.get("Person", 0) - mention.prior.get("Person", 0)
    full_name_surnames = {key.split()[-1] for key, votes in pooled.items()
                          if " " in key and type_of(votes) == "Person"}
    company_tails = {" ".join(key.split()[-n:]) for key in company_keys       # "Serra Azul" for "Cimentos Serra
                     for n in range(2, len(key.split()))                       # Azul", whatever the model says (not
                     if not trade_word(key.split()[-1])}             # "Star Airlines", a firm's name itself)
    first_named: dict[str, tuple[int, int]] = {}
    for mention in mentions:
        if not mention.anaphor and not mention.title_line:      # (in the body: a headline names things in any order)
            first_named.setdefault(mention.key, (mention.para, mention.start))
    with_article = {mention.key for mention in mentions if mention.after_the}

    def named_before_short_form(key: str) -> bool:
        """"Hisagane Electron ... Hisagane": a firm's full name comes before its short one (not "Zestaro Technologies
        ... Zestaro Pass ... Zestaro": a product after its maker's full name; nor "Tandy 100 ... Tandy": a model; nor
        "the Sony Walkman ... Sony", "Tarvo Edge laptops ... the Edge": things)."""
        first, named_at = key.split()[0], first_named.get(key)
        tail = " ".join(key.split()[1:])          # ("Tarvo Edge laptops ... Tarvo said the Edge": a product)
        return named_at is not None and all(word.isalpha() for word in key.split()[1:]) and key not in with_article \
            and tail not in pooled and pooled[key].get("Product", 0) <= pooled[key].get("Company", 0) and named_at < first_named.get(first, named_at) and not any(
            " " in other and other.split()[0] == first and type_of(votes) == "Company"
            and first_named.get(other, named_at) < named_at for other, votes in pooled.items())

    by_type: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        mention.type = type_of(pooled[mention.key])
        if mention.type == "Person" and not mention.anaphor and strip_legal_suffixes(mention.text) in company_tails:
            mention.type = "Company"
        if mention.type == "Person" and not mention.anaphor and mention.key.split()[-1] not in surnames \
                and said_of_people[mention.key] <= 0 and _maker_and_model(mention.text, clear_companies, Counter()):
            mention.type = "Company" if named_before_short_form(mention.key) else "Product"
            #                                 "Cumbrera Cero" after "Agua Cumbrera": only the model calls it a person
        if mention.type in (None, "Company") or pooled[mention.key].get("Person", 0) < 2 and mention.type != "Market":
            key = strip_legal_suffixes(mention.text)
            votes = pooled[mention.key]
            if " " not in mention.key and mention.key in product_last_words and mention.key not in first_words \
                    and votes.get("Company", 0) < 4:
                mention.type = "Product"      # "the Fjord" after "the Norvik Fjord"
            elif _maker_and_model(mention.text, company_keys, votes):
                mention.type = "Company" if named_before_short_form(mention.key) else "Product"
                #                               "Sony Walkman" where Sony is named alone: Sony's product
            elif key in company_keys or any(is_typo_of(key, other) for other in company_keys) or \
                    (key in first_words or key in last_words and votes.get("Person", 0) <= 0.5) \
                    and votes.get("Product", 0) <= votes.get("Company", 0) + 2:
                mention.type = "Company"      # "Dravex" after "Dravex Technologies"; "Drevax" for "Dravex"
        if mention.type == "Company" and 1 < len(mention.key.split()) <= 3 and mention.key.split()[-1] in surnames \
                and (mention.ner == "PERSON" or pooled[mention.key].get("Company", 0) < 2
                     and mention.key.split()[-1] not in full_name_surnames):   # (not "Goldman Sachs" beside
            #                                                                     "Jeffrey Sachs")
            mention.type = "Person"           # "Malcolm Kovac" once as an owner, "Kovac" the person throughout
        if mention.type:
            by_type[mention.type].append(mention)

    numbered = _short_names_of_numbered_products(by_type)
    table = EntityTable()
    clusters: dict[str, dict[str, str]] = {}   # type -> surface (lower) -> canonical
    clusters["Market"] = _cluster_markets(by_type["Market"])
    clusters["Company"] = _cluster_companies(by_type["Company"])
    clusters["Person"] = _cluster_people(by_type["Person"])
    clusters["Product"] = _cluster_products(by_type["Product"], clusters["Company"], table,
                                            {m.key for m in mentions})
    for short, full in numbered.items():    # "The rival: Hsinmao Corvel 14" in a heading, "the Corvel"
        if full in clusters["Product"]:
            clusters["Product"][short] = clusters["Product"][full]
    for brand in table.brands:     # "Airbus A320": Airbus is a company even if named nowhere else
        if brand not in table.entities:
            table.entities[brand] = Entity("Company", brand)

    for entity_type, mapping in clusters.items():
        for mention in by_type[entity_type]:
            name = mapping.get(mention.key)
            if name is None:
                mention.type = None
                continue
            mention.entity = name
            entity = table.entities.get(name)
            if entity is None:
                entity = table.entities[name] = Entity(entity_type, name)
            if entity.type != entity_type:   # one name, two types: keep the first, drop the mention
                mention.entity = mention.type = None
                continue
            if mention.text != name:
                entity.aliases.add(mention.text)
            if len(entity.evidence) < 3:
                entity.evidence.append(evidence_of(mention))
    named = table.by_form("Company")             # a maker named by an alias ("the CPL World Tour" of the
    table.maker_of = {product: named.get(maker.lower(), maker)   # Cyberathlete Professional League): its name
                      for product, maker in table.maker_of.items()}
    return table


# Last words that keep "<Company> <word>" a company ("Sony Pictures", "Google Capital"): the unit words, and
# markets and words of services a company runs under its own name.
_UNIT_WORDS = UNIT_NAME_WORDS | {"uk", "usa", "china", "japan", "india", "online", "digital", "world", "one", "security"}


def _short_names_of_numbered_products(by_type: dict[str, list[Mention]]) -> dict[str, str]:
    """A product's name without its model number, seen only in headings ("Hsinmao Corvel" of "Hsinmao Corvel 14",
    the heading's number read apart) or always after "the" ("the Corvel undercuts the Pro"): made products, mapped to
    the full name (short key -> full key)."""
    products = {m.key: m.key for m in by_type["Product"]}          # (and without a maker's word before it:
    products.update({k.split(" ", 1)[1]: k for k in list(products) if k.count(" ") > 1})   # "the Ostrumia" of
    #                                                                                     "Tarvello Ostrumia 14")
    body = {m.key for ms in by_type.values() for m in ms if not m.headline and not m.anaphor}
    bare = {m.key for m in by_type["Company"] if not m.after_the and not m.headline}
    found = {}
    for mention in list(by_type["Company"]):
        if (mention.key in body or not mention.headline) and (mention.key in bare or not mention.after_the):
            continue
        full = [k for k in products if k.startswith(mention.key + " ")
                and re.fullmatch(r"[a-z]{0,3}\d{1,4}[a-z]?", k[len(mention.key) + 1:])]
        if len(set(products[k] for k in full)) == 1:
            by_type["Company"].remove(mention)
            mention.type = "Product"
            by_type["Product"].append(mention)
            found[mention.key] = products[full[0]]
    return found


def _maker_and_model(text: str, company_keys: set[str], votes) -> bool:
    """A name made of a company the text names alone and another capitalised word is that company's
    product ("Sony Walkman", "Kodak Brownie", "Sinclair Spectrum"), unless the word makes it a business
    or the context says company firmly ("Sony Pictures said", "Toyota Motor")."""
    words = text.lower().split()          # as written: "Mercedes-Benz" and "Marsh & McLennan" are one name
    return 1 < len(words) <= 4 and strip_legal_suffixes(words[0]) in company_keys and not {"&", "and"} & set(words) \
        and not trade_word(words[-1]) and words[-1] not in LEGAL_SUFFIXES | COMPANY_NOUNS | _UNIT_WORDS \
        and votes.get("Company", 0) < 3 and votes.get("Person", 0) < 1


def _cluster_markets(mentions: list[Mention]) -> dict[str, str]:
    mapping = {}
    for mention in mentions:
        ref = resolve_market(mention.text) or (resolve_market(f"{mention.text} market")   # "American" of "to
                                               if all(w[:1].isupper() and w.isalpha() for w in mention.text.split())
                                               else None)                             # American hospitals", "South
        if ref is not None:                                                           # African" of its stores
            mapping[mention.key] = ref.name
    return mapping


def _first_word(name: str) -> str:
    """A name's first word, lower case, without a possessive ending: "Quillby's Snack Co." -> "quillby"."""
    return name.split()[0].lower().removesuffix("'s").removesuffix("\u2019s")


def _national_unit(form: str) -> bool:
    """A firm's unit named for a country or region after the firm's first word: "Kastivo Romania SRL", "Vantel
    México", "Holvind U.S. Inc." (the words as written: "US" is a market, "us" not)."""
    words = form.split()
    while len(words) > 1 and normalize(words[-1]).replace(" ", "") in LEGAL_SUFFIXES:
        words.pop()
    return len(words) > 1 and resolve_market(" ".join(words[1:])) is not None


def _cluster_companies(mentions: list[Mention]) -> dict[str, str]:
    forms = Counter(m.text for m in mentions)
    first_seen: dict[str, tuple[int, int]] = {}
    for m in mentions:
        if not m.title_line:         # (a headline's short name comes before the body's full one)
            first_seen[m.text] = min(first_seen.get(m.text, (m.para, m.start)), (m.para, m.start))

    def named_first(group: Counter) -> tuple[float, int]:
        """Where a group's name is first seen in the body (after everything, when only a headline gives it)."""
        return min((first_seen[f] for f in group if f in first_seen), default=(float("inf"), 0))

    groups: list[Counter] = []
    for form, _ in sorted(forms.items(), key=lambda kv: (-kv[1], len(kv[0]))):
        key = strip_legal_suffixes(form)
        for group in groups:
            if any(strip_legal_suffixes(other) == key or is_typo_of(key, strip_legal_suffixes(other)) for other in group):
                group[form] += forms[form]
                break
        else:
            groups.append(Counter({form: forms[form]}))
    multi = [g for g in groups if any(len(f.split()) > 1 and f.split()[-1].lower().rstrip(".")
                                      in INDUSTRY_WORDS | LEGAL_SUFFIXES for f in g)]
    # a trade word after a name's first word introduces its short name: "Tessaro Cement ... Tessaro" (not "Kelvo ...
    # its Kelvo Hotels unit": a short name seen first is its own firm)
    introduced = [g for g in groups if any(len(f.split()) > 1 and any(trade_word(w) for w in f.split()[1:])
                                           for f in g)]
    named = [g for g in groups if any(1 < len(f.split()) <= 3 for f in g)]
    merged = set()
    for group in [g for g in groups if all(len(f.split()) == 1 for f in g)]:
        word = next(iter(group)).lower()
        owners = [g for g in multi if any(_first_word(f) == word for f in g)]
        start = min((first_seen[f] for f in group if f in first_seen), default=None)
        units = [g for g in groups if g is not group and any(len(f.split()) > 1 and _first_word(f) == word
                                                             for f in g)]
        if len(units) > 1 and start is not None and owners and all(
                min((first_seen[f] for f in g if f in first_seen), default=start) > start for g in units):
            continue                      # "BT" named before "BT Wholesale" and "BT Retail": the parent, not either
        if len(owners) == 1 and len(units) > 1 and start is not None:   # "Havbro Line", then its unit "Havbro Contract
            owners = [min(units, key=named_first)]                         # Logistics", then "Havbro": the firm
            #                                                                named first
        if not owners:                    # (a short name only a headline gives, "Ocambra's X on ...": the firm's)
            owners = [g for g in introduced if any(_first_word(f) == word for f in g)
                      and (start is None or min((first_seen[f] for f in g if f in first_seen), default=start) < start)]
            if len(owners) > 1:           # "Bjørkli Rail Cargo", then its unit "Bjørkli Rail UK", then "Bjørkli":
                owners = [min(owners, key=named_first)]                  # the firm named first
        if not owners:                    # "Novo" for "Novo Nordisk" (two words, the full name more frequent:
            owners = [g for g in named      # "Google" is not short for "Google Video"), or named first ("Hisagane
            #                                 Electron ... Hisagane", not "Sony Pictures ... Sony": a unit)
                      if any(len(f.split()) == 2 and _first_word(f) == word for f in g)
                      and (sum(g.values()) > sum(group.values()) or start is not None and all(
                          f.split()[-1].lower() not in _UNIT_WORDS for f in g)
                          and min((first_seen[f] for f in g if f in first_seen), default=start) < start)]
        if not owners and word not in INDUSTRY_WORDS | LEGAL_SUFFIXES:    # "Boerse" after "Deutsche Boerse"
            owners = [g for g in named if any(f.split()[-1].lower() == word for f in g)]
        owners = [g for g in owners if not all(_national_unit(f) for f in g if len(f.split()) > 1)]
        if len(owners) == 1:              # "Norvik" after "Norvik Motors", "Biogen" after "Biogen Idec" (not "Kastivo"
            owners[0].update(group)       # after its unit "Kastivo Romania SRL")
            merged.add(id(group))
    for group in [g for g in groups if id(g) not in merged and all(len(f.split()) > 1 for f in g)]:
        tail = strip_legal_suffixes(next(iter(group))).split()       # "Serra Azul" of "Cimentos Serra Azul"
        if trade_word(tail[-1]):
            continue                      # ("Star Airlines" beside "Nordic Star Airlines": a name of its own)
        owners = [g for g in groups if g is not group and id(g) not in merged and any(
            len(strip_legal_suffixes(f).split()) > len(tail) and strip_legal_suffixes(f).split()[-len(tail):] == tail
            for f in g)]
        if len(owners) == 1:
            owners[0].update(group)
            merged.add(id(group))
    groups = [g for g in groups if id(g) not in merged]
    mapping = {}
    for group in groups:
        canonical = _canonical_company(group)
        for form in group:
            mapping[form.lower()] = canonical
    return mapping


_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame",
               "lord", "lady"}


def _cluster_people(mentions: list[Mention]) -> dict[str, str]:
    """A surname or first name alone, with or without an honorific ("Mr Ash", "Ash"), joins the one full
    name it ends or starts, else the one three-word name it is the middle of (a first surname: "Soldevila" of
    "Iñaki Soldevila Mur"); a full name keeps its written form."""
    forms = Counter(m.text for m in mentions)
    bare = {form: " ".join(w for w in form.split() if w.lower() not in _HONORIFICS) or form for form in forms}
    full_names = [f for f in forms if len(bare[f].split()) > 1]
    mapping = {}
    for form in forms:
        name = bare[form]
        if len(name.split()) == 1:
            owners = [full for full in full_names if name in (bare[full].split()[0], bare[full].split()[-1])]
            owners = owners or [full for full in full_names if len(bare[full].split()) == 3   # "Soldevila" of
                                and name == bare[full].split()[1]                           # "Iñaki Soldevila Mur",
                                and bare[full].split()[-1] not in forms]        # never called by the last word
            #                                               (not "Ann" of "Mary Ann Carter", called "Carter")
        else:                             # "Al Mazrouei" after "Khalid Al Mazrouei"
            owners = [full for full in full_names if len(bare[full].split()) > len(name.split())
                      and bare[full].split()[-len(name.split()):] == name.split()]
        if len(set(bare[o] for o in owners)) == 1:
            mapping[form.lower()] = max(owners, key=lambda o: (bare[o] == o, forms[o]))
            continue
        mapping[form.lower()] = form
    return mapping


_CAMEL_CASE = re.compile(r"^[a-z]+[A-Z]")                    # "iStream", "eBook": a product's own spelling


def _cluster_products(mentions: list[Mention], companies: dict[str, str], table: EntityTable,
                      names: set[str]) -> dict[str, str]:
    """Products keep their written name; a leading company name is split off as the maker: a
    company of the document, or a word the model tagged as an organisation that the document also
    names on its own or that a model number follows ("Airbus A320", "Boeing 737")."""
    mapping = {}
    canonical_by_norm: dict[str, str] = {}
    products = {m.key for m in mentions}  # ("Quorven 8" of "Quorven 8 Pro" is a product of its own, no maker)
    first_word_of = {}                    # "aurelian" -> "Aurelian Aerospace", when only one company starts so
    for form, name in companies.items():
        if " " in form:
            first_word_of.setdefault(form.split()[0], set()).add(name)
    first_word_of = {word: next(iter(names)) for word, names in first_word_of.items() if len(names) == 1}
    named_alone = Counter(m.key for m in mentions)
    owned = {m.key.split()[0] for m in mentions if m.owned}   # "Strelan's Clarivue H2", then "its Clarivue H1":
    #                                                             Clarivue is no maker of its own
    for mention in sorted(mentions, key=lambda m: len(m.text)):
        words = mention.text.split()
        name = mention.text
        if words[-1].lower() in ("series", "line", "lineup", "range") and \
                " ".join(words[:-1]).lower() in companies:
            continue                 # "the Redmi series" of the brand Redmi: the brand's name, not a product
        named = " ".join(words[:-1])
        if len(words) > 1 and words[-1].lower() in PRODUCT_NOUNS - {"series", "line", "lineup", "range"} \
                and named_alone[mention.key] == 1 \
                and (words[-1].islower() or words[-1].isupper()) \
                and named.lower() in names and named.lower() not in companies:
            name = named                # "Pike SUV", named once, where the text also says "the Pike": the product
            words = words[:-1]          # and its kind, not a maker "Pike" and its model "SUV" ("the Orra TV",
            #                             named again and again, is a product of its own)
        for cut in range(len(words) - 1, 0, -1):
            head = " ".join(words[:cut]).lower()
            rest = words[cut:]
            maker = companies.get(head) or first_word_of.get(head) or (
                " ".join(words[:cut]) if mention.maker_prefix == head and head.split()[0] not in owned
                and not MODEL_CODE.match(head) and (        # ("K7 Lite": no maker "K7")
                    head in names and head not in products or any(ch.isdigit() for ch in rest[0])
                    and not _sequel_number(rest) and head not in products      # ("Tarvex A90" beside the product
                    #                                                            family "Tarvex": no maker)
                    or _CAMEL_CASE.match(rest[0]) and len(rest[0]) > 3       # (not "Sorra iQ": a variant's tail)
                    or mention.before_kind) else None)
            if maker is None or rest[-1].lower() == "series" or all(w.islower() for w in rest):
                continue            # (and "iZap mini": a variant of the product "iZap", not a model of a maker)
            if len(rest) > 1 or any(ch.isdigit() for ch in rest[0]) and len(rest[0]) > 4 \
                    or _CAMEL_CASE.match(rest[0]) and len(rest[0]) > 3:
                name = " ".join(rest)       # "Samsung Galaxy S9" -> "Galaxy S9", "Vantel iStream" -> "iStream";
                #                             "Boeing 737" stays whole
            table.maker_of[name] = maker    # "Google Video" stays whole, made by Google
            if head not in companies:
                table.brands.add(maker)
            break
        key = normalize(name)
        if key.endswith("s") and key[:-1] in canonical_by_norm:   # "iPhones" -> "iPhone"
            key = key[:-1]
        canonical_by_norm.setdefault(key, name)
        mapping[mention.key] = canonical_by_norm[key]
    for mention_key, name in mapping.items():   # "Fjord" for "Norvik Fjord", "S300" for "Skyframe S300", when only
        key = normalize(name)                   # one product ends so (once every longer name is known)
        if " " not in key:
            longer = {canonical_by_norm[k] for k in canonical_by_norm if k.endswith(" " + key)}
            if len(longer) > 1 or named_alone[mention_key] >= 3 \
                    or sum(n.endswith(" " + key) for n in names) > 1:    # "the DS" beside "Nintendo DS", or named
                longer = {n for n in longer                                # alone again and again: not "Super
                          if not normalize(n)[:-len(key) - 1].split()[-1].isdigit()}   # Mario 64 DS", a game for it
            if len(longer) == 1:
                mapping[mention_key] = next(iter(longer))
    return mapping


def _sequel_number(rest: list[str]) -> bool:
    """'Zorba 2', 'Halo 2': a bare one- or two-digit number numbers a product's versions, not a maker's models
    ('Boeing 737', 'Airbus A320')."""
    return len(rest) == 1 and rest[0].isdigit() and len(rest[0]) <= 2


def make_evidence_of(doc_id: str, sentence_span):
    """A function that gives the Evidence (sentence and its span) of a mention."""
    def evidence_of(mention: Mention) -> Evidence:
        start, end, text = sentence_span(mention)
        return Evidence(doc_id, text, start, end)
    return evidence_of
