"""The extraction rules, one relation at a time, on sentences written for these tests (no article's
text). Each case is a short text and what must (or must not) come out of it."""

from __future__ import annotations

import pytest

from kg.extract import get_extractor
from kg.extract.nlp import load_model
from kg.model import Article


def extract(text: str, published: str | None = None):
    article = Article(doc_id="t.txt", text=text, source_path="t.txt", published=published)
    (result,) = get_extractor().extract([article])
    return result


def facts_of(text: str, published: str | None = None) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, f.object) for f in extract(text, published).facts}


def assert_facts(text: str, present: set, absent: set) -> None:
    """The text's facts hold all of `present` and none of `absent`."""
    facts = facts_of(text)
    assert present <= facts, facts
    assert not absent & facts, facts


def types_of(text: str) -> dict[str, str]:
    return {e.name: e.type for e in extract(text).entities}


# ---------------------------------------------------------------------------------------- entities

@pytest.mark.parametrize("text, name, kind", [
    ("Brightwater, the British grocery chain, reported higher sales. Brightwater said demand was strong.",
     "Brightwater", "Company"),
    ("Quellon Inc said on Monday it would cut 200 jobs.", "Quellon Inc", "Company"),
    ("The drugmaker Pellarin raised its forecast. Pellarin's shares rose 5%.", "Pellarin", "Company"),
    ("Analysts expect the Zephyr X5 to sell well. The Zephyr X5 costs $899.", "Zephyr X5", "Product"),
    ("Tovalla launched the Aurel Pro, its first electric scooter.", "Aurel Pro", "Product"),
    ("The pills are sold under brand names such as Zentrol and Maxitor.", "Maxitor", "Product"),
    ("Halvard Pharma is still selling its Zentrol and Maxitor products.", "Zentrol", "Product"),
    ("Shares in Vantor Ridge fell 5% while its US partner Kessel Amari rose 2%.", "Kessel Amari", "Company"),
    ("Fund manager Ola Berg - Fjordline's largest investor - said he would invest more.", "Fjordline", "Company"),
    ("Shares of Arcton rose 3% on the New York Stock Exchange.", "New York Stock Exchange", "Company"),
    ("Halvard's chief executive Rosa Lind told investors that sales of Paxorin fell 40%.", "Paxorin", "Product"),
    ("Halvard sells the painkiller Zentrol. Zentrol, a heart drug, sold well. Patients took either Zentrol or "
     "Maxitor.", "Maxitor", "Product"),
    ("The carrier now flies to Vietnam and the U.S.", "Vietnam", "Market"),
    ("Margit Olsen, chief executive of Fjordline, said bookings were up.", "Margit Olsen", "Executive"),
    # product names: capitalised words joined by a hyphen, capitals after a model number, a lower-case model word
    ("On Tuesday Zorb-Quest 2 dominated the games prizes, Kelvo said.", "Zorb-Quest 2", "Product"),
    ("Kelvo's Super Zorba 64 QS is a faithful re-creation of the classic.", "Super Zorba 64 QS", "Product"),
    ("\"The iZap mini will be the gift everyone wants,\" said Ann Lee of Brightwater.", "iZap mini", "Product"),
    # what a company makes, what "called" names, what a unit develops, a technology's examples
    ("Pellarin, which makes Vantoria Gold, said profits rose.", "Vantoria Gold", "Product"),
    ("Kelvo uses a web-based tool called Edgemap that lets customers see where visitors are.", "Edgemap", "Product"),
    ("The Tate is keen on new ways to browse, and technology such as Zentrix can help with that.", "Zentrix",
     "Product"),
    ("Leisure stocks slid in Europe, with firms such as Germany's Kelvo and Aerona and France's Club Norvik "
     "losing ground.", "France", "Market"),
    ("The European Union fined Kelvo $1bn on Monday. The European Union said Kelvo had abused its power. Kelvo "
     "will appeal against the European Union ruling. The European Union's competition chief Mark Dell said the fine "
     "was fair.", "European Union", "Market"),
    ("Vantel, developed by two students in 1998, is now worth $5bn. Vantel said profits rose.", "Vantel", "Company"),
    ("Vantel, launched by two entrepreneurs in 2010, is now worth $5bn. Vantel said profits rose.", "Vantel",
     "Company"),
    ("Drivers like the Norvik sports car, but it is expensive, Norvik said.", "Norvik", "Company"),
    ("Online platforms like Kelvo and Vantel will have to pay the new tax.", "Vantel", "Company"),
    ("Brightwater has been on sale since January, but no buyer has come forward, Brightwater said.", "Brightwater",
     "Company"),
    ("Norvik Motors will build the Arcton 5 SUV in Spain.", "Arcton 5", "Product"),
    ("Vantel will sell the Zorba 5 plus two games for $299.", "Zorba 5", "Product"),
    ("Skyframe Aviation delivered 20 Skyframe 797 MAX jets in May. The MAX was grounded in March.", "797 MAX",
     "Product"),
    ("Nintendo's new handheld, the Zentra, went on sale on 11 March.", "Zentra", "Product"),
    ("The Zentra is on sale now for $299, Kelvo Electronics said.", "Zentra", "Product"),
    ("Wellers cut 300 jobs on Monday. The retailer said trading was weak.", "Wellers", "Company"),
    ("Vantel Media launched the streaming service Zephyr in 2021. Zephyr now has 4 million subscribers across Kenya "
     "and Uganda.", "Zephyr", "Product"),
    ("Single parent Ann Lee said childcare costs rose.", "Ann Lee", "Person"),
    ("Brand Growth chief executive Ann Lee said profits rose. Brand Growth is an agency.", "Brand Growth", "Company"),
    # the owner of a camel-case model
    ("With Kelvo's iZap leading sales charts once more, shops fear shortages.", "Kelvo", "Company"),
    # a product the model takes for a place: "the next version of Windows", "the Windows operating system"
    ("Kelvo is building a tool for the coming version of Windows.", "Windows", "Product"),
    ("Attackers used several flaws in the Windows operating system, Kelvo said.", "Windows", "Product"),
    ("Orvella's Zentra handheld went on sale on 11 March.", "Zentra", "Product"),
])
def test_entity_types(text, name, kind):
    assert types_of(text).get(name) == kind


def test_the_models_label_repeated_on_every_mention_counts_only_up_to_a_cap():
    """Ten ORG labels on "the Zirco processor" are one guess; three product contexts and one company context
    are evidence, and the evidence decides. Only the model's company label is capped: a market or a person it
    tags on every mention keeps every vote."""
    from collections import Counter

    from kg.extract.mentions import Mention, pool_votes, type_of
    mentions = []
    for i, context in enumerate([{"Product": 1.5}] * 3 + [{"Company": 1}] + [{}] * 6):
        mention = Mention(i, 0, 1, "Zirco", 0, 5, ner="ORG")
        mention.prior.update(Company=1)
        mention.votes.update(Counter(Company=1) + Counter(context))
        mentions.append(mention)
    assert type_of(pool_votes(mentions)["zirco"]) == "Product"
    markets = [Mention(i, 0, 2, "European Union", 0, 14, ner="ORG") for i in range(4)]
    for mention in markets:
        mention.prior.update(Market=4)
        mention.votes.update(Market=4)
    assert pool_votes(markets)["european union"]["Market"] == 16
    people = [Mention(i, 0, 2, "Ola Berg", 0, 8, ner="PERSON") for i in range(10)]
    for mention in people:
        mention.prior.update(Person=1)
        mention.votes.update(Person=1)
    assert pool_votes(people)["ola berg"]["Person"] == 10


@pytest.mark.parametrize("text, name", [
    ("The World Bank and the IMF said the G7 plan would help poor countries.", "World Bank"),
    ("The World Bank and the IMF said the G7 plan would help poor countries.", "IMF"),
    ("The Central Bank of Kenya raised rates, Kelvo Systems said.", "Central Bank of Kenya"),
    ("The Kremlin said Kelvo Systems and the Labour Party had agreed.", "Kremlin"),
    ("The Kremlin said Kelvo Systems and the Labour Party had agreed.", "Labour Party"),
    ("The World Trade Organisation (WTO) will scrap its quota system.", "World Trade Organisation"),
    ("Under the Multi-Fibre Agreement quotas were set.", "Multi-Fibre Agreement"),
    ("The US Treasury Department and the Department of Justice said so.", "US Treasury Department"),
    ("\"Jobs will go,\" Ola Berg, Fairwork's head of Trade Policy, said.", "Trade Policy"),
])
def test_public_bodies_treaties_and_departments_are_no_companies(text, name):
    assert types_of(text).get(name) != "Company"


@pytest.mark.parametrize("text, name", [
    ("House prices were 9.4% higher than a year earlier, the Land Registry said. The typical house price went "
     "up.", "House"),
    ("\"Games teach life skills,\" said Ola Berg of Fjordline. Many games are violent.", "Games"),
    ("Millions of workers could lose their jobs, the charity Kelvo Aid warned.", "Millions"),
    # a plural common noun opening a sentence, whatever the model calls it
    ("Shoppers can also sign up for Brennmark Plus, the click-and-collect subscription the chain launched in "
     "Germany last year.", "Shoppers"),
    # a kind of firm opening a sentence, before the firm noun and what it does
    ("Movie studio efforts to stop copied films being swapped online have hit a popular site.", "Movie"),
])
def test_a_common_word_opening_a_sentence_is_no_name(text, name):
    assert name not in types_of(text)


def test_a_name_written_in_lower_case_elsewhere_still_opens_a_sentence():
    text = "Ola Berg launched a site called fjordradio.com. Fjordradio.com has been running for a month."
    assert "Fjordradio.com" in types_of(text) or "fjordradio.com" in types_of(text)




@pytest.mark.parametrize("text, name, kind", [
    ("The Commission wrote to the operators Vodafone and T-Mobile about their rates.", "T-Mobile", "Company"),
    ("The European Union wants lower roaming rates.", "European Union", "Market"),
])
def test_hyphenated_names_and_unions(text, name, kind):
    assert types_of(text).get(name) == kind


def test_an_acronym_doing_something_is_a_company_even_when_tagged_a_noun():
    assert types_of("BYD overtook Tesla as the world's biggest seller of electric cars.").get("BYD") == "Company"


@pytest.mark.parametrize("text, name", [
    ("Kelvo Oil got a huge tax bill and its main Yugra division was sold at auction.", "Yugra"),
])
def test_a_place_like_name_of_a_named_unit_stays_a_company(text, name):
    assert types_of(text).get(name) == "Company"


def test_a_body_called_a_regulator_or_watchdog_is_no_entity():
    text = ("Lord Hensley, chairman of super-regulator Ofcom, told MPs that viewers mattered most. Watchdog "
            "Ofcom said so.")
    assert "Ofcom" not in types_of(text)
    assert not [f for f in facts_of(text) if "Ofcom" in f]


@pytest.mark.parametrize("text, name", [
    ("Researchers at the University of Hertfordshire said robots must learn manners.", "University of Hertfordshire"),
    ("The gadget is on show at the Science Museum, said Ola Berg.", "Science Museum"),
])
def test_universities_and_museums_are_no_companies(text, name):
    assert types_of(text).get(name) != "Company"


@pytest.mark.parametrize("text, name, kind", [
    ("The app was tested in three primary schools in Bristol and the response was good.", "Bristol", None),
    ("Toyota recalled 2 million cars.", "Toyota", "Company"),
    ("The latest surveys from Nationwide and Halifax show prices rising.", "Halifax", "Company"),
])
def test_a_large_city_the_model_calls_an_organisation(text, name, kind):
    assert types_of(text).get(name) == kind


def test_a_city_where_a_company_lists_its_shares_is_no_company():
    assert types_of("Shein, the Chinese fast fashion retailer, is preparing to list its shares in London.").get(
        "London") != "Company"


def test_the_pronoun_i_is_no_model_number():
    text = "\"When I started, I thought it would take decades,\" said Ola Berg, an analyst at Fjordline Research."
    assert not [e for e in extract(text).entities if e.type == "Product"]


def test_a_company_name_followed_by_a_model_name_is_its_product():
    text = "The list includes the Sony Walkman at number three. Sony's third entry is a CD player."
    assert types_of(text).get("Sony Walkman") == "Product"
    assert ("Sony", "produces", "Sony Walkman") in facts_of(text)


@pytest.mark.parametrize("text, maker, product", [
    # a maker's name and a product's right before the kind of product it is
    ("For your money you get a Norvik Sempra processor and a hard drive.", "Norvik", "Norvik Sempra"),
    # the model took maker and camel-cased product for one organisation
    ("The best-selling gadget this year, the Vantel iStream, tops the list.", "Vantel", "iStream"),
])
def test_a_makers_name_before_a_products_name(text, maker, product):
    assert types_of(text).get(product) == "Product"
    assert (maker, "produces", product) in facts_of(text)


def test_a_lower_case_model_word_makes_a_variant_not_a_makers_model():
    """'the iZap mini' is a variant of the product iZap: iZap is no company that makes it."""
    types = types_of("Shops may run short of iZap minis. \"The iZap mini will be the gift everyone wants,\" said "
                     "Ann Lee of Brightwater.")
    assert types.get("iZap mini") == "Product" and types.get("iZap") != "Company"


def test_a_short_model_name_joins_the_makers_product_when_a_longer_name_also_ends_so():
    """'QS' with 'Kelvo QS' and 'Super Zorba 64 QS' (a game for it) is Kelvo's QS."""
    result = extract("Kelvo launched the Kelvo QS in Europe. Kelvo's Super Zorba 64 QS is a game for the QS. "
                     "\"The QS will appeal to all ages,\" said Ann Lee, Kelvo's general manager.")
    assert {e.name for e in result.entities if e.type == "Product"} == {"Kelvo QS", "Super Zorba 64 QS"}
    assert any(c.speaker == "Ann Lee" and c.about == ["Kelvo QS"] for c in result.claims)


@pytest.mark.parametrize("text, products", [
    ("Skyframe Aviation delivered 20 Skyframe 797 MAX jets in May. The MAX was grounded in March.", {"797 MAX"}),
    ("Norvik Motors launched the Arcton 5 GTX in Europe. Norvik Motors said the GTX would sell well.",
     {"Arcton 5 GTX"}),
])
def test_a_short_model_name_named_once_joins_its_full_name(text, products):
    assert {e.name for e in extract(text).entities if e.type == "Product"} == products


def test_a_full_name_whose_surname_is_a_person_throughout_is_that_person():
    text = ("Shares in Kelvo United jumped 3% after a fresh bid from US tycoon Malcolm Kovac. Mr Kovac said he would "
            "raise it. Kovac told reporters the club was cheap. Kovac added that fans would gain.")
    types = types_of(text)
    assert types.get("Malcolm Kovac") == "Person" and "Kovac" not in types   # one person, the surname an alias


def test_a_name_the_text_calls_a_company_alone_is_no_surname_of_its_products_name():
    text = ("Neobank Quelto swings to first annual profit\n\nLondon-based digital bank Quelto posted its first "
            "full-year profit on Thursday. Quelto, the British app-only bank with 9 million customers, reported a "
            "profit of £41 million. The bank also unveiled Quelto Flex, a credit card. Quelto Flex costs nothing. "
            "Quelto said demand was strong.")
    types = types_of(text)
    assert types.get("Quelto") == "Company" and types.get("Quelto Flex") == "Product"


@pytest.mark.parametrize("name", ["Zestra Technologies S.A.", "Noorda Group N.V.", "Kelvo S.p.A."])
def test_a_dotted_legal_form_makes_a_company_whatever_the_apposition_says(name):
    text = f"LISBON - {name}, the food-delivery app, today announced its launch in Romania."
    assert types_of(text).get(name) == "Company"


def test_a_studio_named_games_is_a_company():
    text = ("Nuvex Games on Tuesday unveiled the Lumo, a 7-inch handheld, and Lumo Pass, a subscription service. "
            "The base Lumo costs $399 in the US. Lumo Pass costs $9.99 a month. \"We built the Lumo for them,\" said "
            "Kim Ara, Nuvex's head of hardware. Lumo Pass bundles 150 games.")
    assert types_of(text).get("Nuvex Games") == "Company"


def test_a_full_name_the_model_calls_an_organisation_is_the_person_its_surname_names():
    text = ("SANTA ROSA, Mexico - On a hillside above Monterrey, Lucía Navarrete lifts the lid of a steel tank. "
            "Navarrete, 51, is the chief executive of Agua Tarsa, the water company her grandfather started. "
            "Navarrete says the firm will grow. \"We are careful,\" Navarrete said.")
    types = types_of(text)
    assert types.get("Lucía Navarrete") == "Executive" and "Navarrete" not in types


def test_a_company_named_for_a_person_quoted_by_full_name_stays_a_company():
    text = ("Economist Jeffrey Marwick said the deal was fair. Marwick said it would close soon. Marwick added that "
            "Goldman Marwick had advised the buyer.")
    types = types_of(text)
    assert types.get("Goldman Marwick") == "Company" and types.get("Jeffrey Marwick") == "Person"


def test_an_executive_named_like_the_company_stays_a_person():
    text = ("Ralvo Group said sales rose. Ralvo Group reported a profit. Ralvo Group is a retailer. \"Demand is "
            "strong,\" said Ralvo Kim, the group's chief executive.")
    assert types_of(text) == {"Ralvo Group": "Company", "Ralvo Kim": "Executive"}


def test_a_word_of_a_clear_company_name_is_no_surname():
    text = ("The spring that made Vesca Montara famous. On a hillside, Inés Robledo opens a tank. Robledo, 48, is the "
            "chief executive of Vesca Montara, the mineral-water firm her father founded. Montara Cero, launched in "
            "2019, is its best seller. A lemon version, Montara Lima, followed in 2021. Montara said sales rose.")
    types = types_of(text)
    assert types.get("Vesca Montara") == "Company" and types.get("Inés Robledo") == "Executive"
    assert "Montara" not in types     # the company's short name, not a person


def test_a_currency_code_and_a_number_are_an_amount_not_a_model_or_a_company():
    text = "Kelvo launches Kelvo Atelier, a premium line. Prices start at EUR 89 for a knit and reach EUR 449 for a coat."
    assert types_of(text) == {"Kelvo": "Company", "Kelvo Atelier": "Product"}


def test_a_name_ending_in_a_trade_word_is_a_company_though_the_model_calls_it_a_person():
    text = ("Tarnow Solar's loss widens as panel maker bets on cheaper module\n\nTarnow Solar reported a wider "
            "third-quarter loss on Tuesday as cheap imports kept squeezing prices, but the Phoenix-based manufacturer "
            "said demand was strong. Tarnow Solar sells in Canada.")
    assert types_of(text).get("Tarnow Solar") == "Company"


@pytest.mark.parametrize("name", ["Morlacchi Hotels", "Ostrander Diagnostics", "Vellari Cosmetics", "Brask Freight",
                                  "Halden Beverages", "Marrow Biosciences", "Tessaro Cement"])
def test_a_name_ending_in_a_trade_word_of_any_sector_counts_as_a_company_whatever_the_model_says(name):
    from kg.extract.mentions import context_votes
    doc = load_model()(f"{name} had been run for three decades by its founder.")
    votes = context_votes(doc[0:2])
    assert votes["Company"] >= 3 and votes["Company"] > votes.get("Person", 0)


def test_a_big_city_with_nothing_saying_company_is_no_company():
    text = ("Kelvo will build a plant near Chennai. \"Chennai gives them a tariff-proof supply base,\" said Ann Lee, "
            "an analyst at Vantel Research.")
    assert "Chennai" not in types_of(text)


def test_a_big_city_the_model_alone_calls_an_organisation_is_no_company():
    text = "Pelmora went live in Lyon and Cluj-Napoca today. Pelmora will open in Plovdiv next month."
    types = types_of(text)
    assert "Cluj-Napoca" not in types and types.get("Pelmora") == "Company"


def test_a_city_before_a_kind_of_firm_says_where_the_firm_is():
    text = ("Vantel Bio, the Boston biotech that Kelvo bought in March, makes VB-12. The Boston company said its "
            "sales rose. The Munich carmaker Drosto said its sales fell.")
    types = types_of(text)
    assert "Boston" not in types and "Munich" not in types
    assert types.get("Vantel Bio") == "Company"


@pytest.mark.parametrize("text, city", [
    ("Pelmora, based in Eindhoven, makes optical links for data centres.", "Eindhoven"),
    ("Brenna Air will fly from Porto to Casablanca and Marrakech from October.", "Casablanca"),
    ("Pelmora now wants Lagos and Accra.", "Lagos"),
])
def test_a_city_where_the_text_places_something_or_listed_with_cities_is_no_company(text, city):
    assert city not in types_of(text)


def test_accounting_terms_and_wire_labels_in_capitals_are_no_names():
    text = ("ANALYSIS - Kelvo's chip bet pays off\n\nKelvo Data reported higher sales. Adjusted EBITDA rose 31% "
            "to EUR 318 million, chief executive Lena Ortiz said. EBITDA margin reached 26%.")
    result = extract(text, "2026-03-03")
    assert {e.name: e.type for e in result.entities} == {"Kelvo Data": "Company", "Lena Ortiz": "Executive"}
    assert [(f.subject, f.predicate, f.object) for f in result.facts] == [("Lena Ortiz", "executiveOf", "Kelvo Data")]


def test_a_full_name_tagged_an_organisation_once_is_the_person_its_surname_names_after():
    text = ("On the windowsill of Marit Hjelmsøe's office in Aarhus sits a splintered piece of fibreglass. \"It "
            "reminds us to focus,\" she says.\n\nHjelmsøe, 51, took over Vardal Wind in January. \"We will sell "
            "in fewer countries,\" Hjelmsøe says. Hjelmsøe has also rebuilt her team.")
    types = types_of(text)
    assert types.get("Marit Hjelmsøe") in ("Person", "Executive")


@pytest.mark.parametrize("line, person", [
    ("Sofia Brandt, Head of Corporate Communications, Kelvo Airways", "Sofia Brandt"),
    ("Lena Ortiz, Communications Manager, Kelvo Airways\n+358 40 123 4567", "Lena Ortiz"),
])
def test_a_contact_lines_title_of_functions_is_no_company(line, person):
    text = f"Kelvo Airways will fly to Morocco from October.\n\nMedia contact:\n{line}"
    assert set(types_of(text)) <= {"Kelvo Airways", "Morocco", person}
    assert (person, "executiveOf", "Kelvo Airways") in facts_of(text)


def test_it_that_is_available_or_priced_is_the_product_named_before():
    text = ("Norvik Agro launched the Fjell T9, a driverless tractor. It will be available to order in Finland and "
            "Sweden from June.")
    facts = facts_of(text)
    assert {("Fjell T9", "availableIn", "Finland"), ("Fjell T9", "availableIn", "Sweden")} <= facts


def test_it_that_puts_goods_on_sale_or_retails_them_stays_the_company():
    facts = facts_of("Norvik Agro makes the Fjell T9. It put the Fjell T9 on sale in Finland and opened an office "
                     "in Sweden.")
    assert ("Norvik Agro", "operatesIn", "Sweden") in facts
    facts = facts_of("Brightwater makes the Zephyr 5 phone. It also retails clothing in Spain and Portugal.")
    assert {("Brightwater", "operatesIn", "Spain"), ("Brightwater", "operatesIn", "Portugal")} <= facts


def test_a_product_no_longer_on_sale_is_not_available():
    facts = facts_of("Kelvo makes the Zephyr 5. The Zephyr 5 will no longer be available in France from June.")
    assert not {f for f in facts if f[2] == "France"}


def test_a_product_on_sale_in_a_market_puts_its_maker_there_unless_the_maker_is_said_to_be_absent():
    facts = facts_of("Kelvo makes the Zephyr 5 phone. The Zephyr 5 goes on sale in Spain in May.")
    assert {("Zephyr 5", "availableIn", "Spain"), ("Kelvo", "operatesIn", "Spain")} <= facts
    facts = facts_of("Kelvo makes the Zephyr 5 scooter. Kelvo has no presence in the US. The Zephyr 5 is "
                     "available in the US.")
    assert ("Zephyr 5", "availableIn", "United States") in facts
    assert ("Kelvo", "operatesIn", "United States") not in facts


@pytest.mark.parametrize("title, person", [("Chief executive Ana Ortiz", "Ana Ortiz"),
                                           ("Its chairman, Tomas Berg,", "Tomas Berg")])
def test_a_title_with_no_company_belongs_to_the_subject_of_the_sentence_before(title, person):
    text = ("Kelvo Steel agreed to buy Norvik Metals. Kelvo Steel will pay EUR 2bn. Kelvo Steel is the largest "
            "steelmaker in India.\n\nOthers are shrinking. Vantel Mining said last week it would close its mine. "
            f"{title} said the site had lost money.")
    facts = facts_of(text)
    assert (person, "executiveOf", "Vantel Mining") in facts
    assert (person, "executiveOf", "Kelvo Steel") not in facts


def test_a_company_named_in_a_quote_before_is_not_the_speakers():
    text = ("Kelvo Telecom cut prices again. Kelvo Telecom is the market leader. \"Vantel has been told to play fair. "
            "The rules are clear now,\" chief executive Ana Ortiz said.")
    assert ("Ana Ortiz", "executiveOf", "Vantel") not in facts_of(text)


@pytest.mark.parametrize("text, name, kind", [
    ("Kelvo launched Glow Beauty, a skincare line, in May. Glow Beauty costs $30.", "Glow Beauty", "Product"),
    ("Kelvo launched Pure Drinks, a range of juices, in May. Pure Drinks costs $3.", "Pure Drinks", "Product"),
    ("Kelvo's new game, Dungeon Records, sold 2 million copies.", "Dungeon Records", "Product"),
    ("Gary Holm, founder of Digital Research, said the deal was fair. Digital Research makes chips.",
     "Digital Research", "Company"),
    ("Brand & General, the insurer, said profits rose. Brand & General sells car insurance in Britain.",
     "Brand & General", "Company"),
    ("FOCUS, the Danish fashion label, opened a store in Paris. FOCUS said sales rose.", "FOCUS", "Company"),
    ("Pine Road, the outdoor-clothing brand, opened 12 stores in Norway.", "Pine Road", "Company"),
    ("The manufacturing PMI in Germany rose to 52 in April, Kelvo Bank said.", "PMI", None),
    ("Kelvo Capital said its NAV per share rose 4% in the year.", "NAV", None),
    ("Kelvo Air will add flights between Casablanca and Marrakech in June.", "Casablanca", None),
])
def test_trade_title_and_label_words_do_not_outweigh_what_the_text_says(text, name, kind):
    assert types_of(text).get(name) == kind


@pytest.mark.parametrize("text, product, amount", [
    ("Norvik Agro launched the Fjell T9 tractor. It will be available to order in Finland from June, priced at "
     "EUR 389,000.", "Fjell T9", 389000.0),
    ("Kelvo makes the Orbit and the Orbit Max. The Orbit Max, which doubles the storage, is $499, or €539.",
     "Orbit Max", 499.0),
    # a new price the product is cut or raised to, or climbs to
    ("Kelvo makes the Orbit Max. In July it cut the Orbit Max to €279 in Spain.", "Orbit Max", 279.0),
    ("Kelvo makes the Orbit Max. From May the Orbit Max climbs to $529.", "Orbit Max", 529.0),
])
def test_a_price_said_of_the_product_by_it_or_by_a_copula(text, product, amount):
    prices = [(e.args["product"], e.args["amount"]) for e in extract(text, "2026-04-08").events
              if e.type == "ProductPrice"]
    assert prices == [(product, amount)]


@pytest.mark.parametrize("text", ["Kelvo bought Vantel Mining. The deal is $4bn, Kelvo said.",
                                  "Kelvo makes the Orbit Max. The recall of the Orbit Max was $80m, Kelvo said.",
                                  "Kelvo makes the Orbit Max. Sales of the Orbit Max rose to $80m, Kelvo said.",
                                  "Kelvo makes the Orbit Max. It did not cut the Orbit Max to $300."])
def test_a_copula_with_an_amount_whose_subject_is_no_product_is_no_price(text):
    assert not [e for e in extract(text, "2026-04-08").events if e.type == "ProductPrice"]


def test_it_that_costs_buyers_an_amount_is_the_product():
    text = "Kelvo unveiled the Orbit Max phone on Tuesday. It will cost buyers $499 in the United States."
    prices = [(e.args["product"], e.args["amount"]) for e in extract(text, "2026-04-08").events
              if e.type == "ProductPrice"]
    assert prices == [("Orbit Max", 499.0)]


def test_a_country_the_model_takes_for_an_organisation_in_a_list_of_places_is_a_market():
    text = ("Kelvo opened stores in Poland. Ana Ortiz said the group would open its first stores in the Czech "
            "Republic and Slovakia in 2026.")
    types = types_of(text)
    assert types.get("Slovakia") == "Market"


@pytest.mark.parametrize("text", [
    "Drosten Systems makes radar. Drosten will open its first plant in Mexico in 2026, for its customers in Canada.",
    "Drosten Systems makes radar. Drosten will build its first factory in Mexico for its customers in Canada.",
])
def test_a_first_plant_or_route_in_a_market_is_an_entry_there_only(text):
    entries = [e.args["market"] for e in extract(text, "2025-06-01").events if e.type == "MarketEntry"]
    assert entries == ["Mexico"]


@pytest.mark.parametrize("text", ["Kelvo runs plants in Spain. Kelvo's first plant in Spain opened in 1990.",
                                  "Kelvo makes cars. Kelvo will close its first plant in Mexico next year."])
def test_a_first_plant_that_is_old_or_closing_is_no_entry(text):
    assert not [e for e in extract(text, "2025-06-01").events if e.type == "MarketEntry"]


def test_a_street_is_no_company():
    text = ("Kelvo opened its first store outside Spain, on Lisbon's Rua Garrett, on September 1. Stores on Calle de "
            "Serrano in Madrid and on Mount Street in London followed. Kelvo's shares rose on Wall Street.")
    assert types_of(text) == {"Kelvo": "Company", "Spain": "Market"}


def test_a_street_in_a_company_name_keeps_the_company():
    text = "The Wall Street Journal reported that Baker Street Capital bought a stake in Kelvo."
    types = types_of(text)
    assert types.get("Baker Street Capital") == "Company" and types.get("Wall Street Journal") == "Company"


def test_a_capitalised_title_before_a_name_is_no_company():
    facts = facts_of("Kelvo makes phones. Kelvo's Co-Founder and Chief Executive, Ana Ortiz, said sales rose.")
    assert ("Ana Ortiz", "executiveOf", "Kelvo") in facts
    assert not {f for f in facts if "Chief Executive" in (f[0], f[2])}


def test_a_short_name_after_a_trade_name_is_that_company_but_before_it_its_own():
    types = types_of("Tessaro Cement makes cement in Italy. Tessaro's chief executive Ana Ortiz said sales rose.")
    assert "Tessaro" not in types and types.get("Tessaro Cement") == "Company"
    facts = facts_of("Kelvo said sales rose 5%. Its Kelvo Hotels unit grew fastest, Kelvo said.")
    assert ("Kelvo Hotels", "subsidiaryOf", "Kelvo") in facts


def test_hotels_a_company_will_open_in_a_market_are_a_target_and_those_it_owns_a_presence():
    facts = facts_of("Morlacchi Hotels runs hotels. Morlacchi will open hotels in Greece and Croatia next year.")
    assert {("Morlacchi Hotels", "targetsMarket", "Greece"), ("Morlacchi Hotels", "targetsMarket", "Croatia")} <= facts
    assert not {f for f in facts if f[1] == "operatesIn"}
    facts = facts_of("Morlacchi Hotels runs hotels. Morlacchi manages 46 hotels, all of them in Italy.")
    assert ("Morlacchi Hotels", "operatesIn", "Italy") in facts


def test_a_company_described_with_sites_in_markets_is_there_and_a_style_is_no_nationality():
    facts = facts_of("Kelvo signed a deal with Pellino Pizza, the Italian-style pizza chain with 230 restaurants in "
                     "Spain, Portugal and Romania.")
    assert {("Pellino Pizza", "operatesIn", m) for m in ("Spain", "Portugal", "Romania")} <= facts
    assert not {f for f in facts if f[2] == "Italy" or f[0] == "Kelvo" and f[1] == "operatesIn"}
    assert ("Kelvo Bank", "absentFrom", "Spain") in facts_of("Kelvo Bank, a lender with no branches in Spain, said "
                                                             "profit rose.")


@pytest.mark.parametrize("text, fact", [
    ("Vantel makes cars. Vantel will open a third factory in Mexico next year.", ("Vantel", "operatesIn", "Mexico")),
    ("Vantel runs hotels. Vantel will open another hotel in Spain next year.", ("Vantel", "operatesIn", "Spain")),
])
def test_opening_more_of_the_same_in_a_market_is_a_presence_there(text, fact):
    assert fact in facts_of(text)


def test_resorting_to_something_in_a_market_says_nothing_of_the_market():
    assert not facts_of("Vantel said it would not resort to layoffs in Germany.")


def test_a_short_name_in_a_sentence_case_headline_is_the_full_name_of_the_body():
    text = ("Morlacchi to sell two hotels in Italy\n\nMorlacchi Hotels said on Monday it would sell two hotels in "
            "Italy. Morlacchi employs 900 people.")
    types = types_of(text)
    assert "Morlacchi" not in types and types.get("Morlacchi Hotels") == "Company"


def test_a_company_named_like_a_city_keeps_what_the_text_says_of_it():
    text = "Shares in Lyon fell 3% after Lyon said its chief executive, Ana Ruiz, would step down."
    assert types_of(text).get("Lyon") == "Company"


def test_an_amount_in_a_code_with_a_multiplier_is_no_name():
    text = "Havbro opened the DKK 780m facility. Havbro reported revenue of DKK 6.4bn and an operating profit of DKK 540m."
    result = extract(text, "2025-10-01")
    assert {e.name: e.type for e in result.entities} == {"Havbro": "Company"}
    assert [(e.args["company"], e.args["currency"]) for e in result.events] == [("Havbro", "DKK")]


def test_a_drug_named_after_its_kind_is_a_product_and_no_company_reports_its_figures():
    text = ("Tarvos Pharma reported sales of its obesity injection Zelvora that beat forecasts. Zelvora sales reached "
            "$1bn, Tarvos said. Zelvora now costs $900 a month. Doctors in Spain prescribe Zelvora widely.")
    result = extract(text, "2025-10-01")
    assert {e.name: e.type for e in result.entities}.get("Zelvora") == "Product"
    assert {e.args["company"] for e in result.events if e.type == "FinancialResult"} == {"Tarvos Pharma"}


@pytest.mark.parametrize("text, company, currency", [
    ("Kelvo Media grew fast in Kenya. In the year to June, Kelvo's revenue rose 41% to 3.1 billion shillings.",
     "Kelvo Media", "KES"),
    ("Stellan Holdings reported revenue of CHF 5.6 billion for the second quarter.", "Stellan Holdings", "CHF"),
    ("Ortel Mobile said its net profit rose to 3.6 billion New Taiwan dollars in the quarter.", "Ortel Mobile", "TWD"),
])
def test_results_in_currencies_named_by_code_country_or_the_articles_market(text, company, currency):
    results = [e.args for e in extract(text, "2025-10-01").events if e.type == "FinancialResult"]
    assert [(r["company"], r["currency"]) for r in results] == [(company, currency)]


@pytest.mark.parametrize("text, name", [
    ("The BBC World Service said it would cut jobs. The BBC agreed.", "BBC World Service"),
    ("Shares in Marsh & McLennan fell. Marsh said the inquiry was unfair.", "Marsh & McLennan"),
    ("Mercedes-Benz sold more cars. Mercedes said demand was strong.", "Mercedes-Benz"),
])
def test_a_unit_or_a_joint_name_stays_a_company(text, name):
    assert types_of(text).get(name) != "Product"


def test_country_forms_resolve_to_one_market():
    text = ("Kelvaro sells its ovens in the US. The U.S. is its largest market, and America will get "
            "new models. Kelvaro plans to grow in the United States.")
    markets = [e for e in extract(text).entities if e.type == "Market"]
    assert [m.name for m in markets] == ["United States"]
    assert {"US", "U.S.", "America"} <= markets[0].aliases


def test_typo_and_short_form_join_the_company():
    text = ("Dravex Technologies opened a plant in Poland. Later, Dravex said output doubled, "
            "and a Darvex spokesman confirmed it.")
    companies = {e.name: e for e in extract(text).entities if e.type == "Company"}
    assert len(companies) == 1
    (company,) = companies.values()
    assert {"Dravex Technologies", "Dravex", "Darvex"} - {company.name} <= company.aliases


def test_a_last_word_short_form_joins_the_company():
    text = "Vestra Kraftwerk raised its offer for Halden Cells on Monday. Kraftwerk said the bid was final."
    companies = {e.name: e for e in extract(text).entities if e.type == "Company"}
    assert "Kraftwerk" not in companies and "Kraftwerk" in companies["Vestra Kraftwerk"].aliases


def test_a_two_word_company_named_as_a_person_is_still_a_company_and_its_first_word_joins_it():
    text = ("Halvor Brekke will cut the price of its drug Zentrol. Halvor Brekke reported a profit of $2bn. "
            "Halvor Brekke raised its forecast. Halvor's chief executive Lars Fjeld told analysts the company was "
            "confident.")
    result = extract(text)
    types = {e.name: e.type for e in result.entities}
    assert types.get("Halvor Brekke") == "Company" and "Halvor" not in types
    assert ("Lars Fjeld", "executiveOf", "Halvor Brekke") in {(f.subject, f.predicate, f.object) for f in result.facts}
    assert not [c for c in result.claims if c.speaker == "Halvor Brekke"]     # "analysts" is not its description


def test_people_mentioned_without_speaking_or_role_are_not_kept():
    assert "Tom Baker" not in types_of("Tom Baker watched the launch of the Orvo 3 from the front row.")


# ---------------------------------------------------------------------------------------- facts

@pytest.mark.parametrize("text, fact", [
    # executives: apposition, possessive, title before the name, predicate nominative
    ("Margit Olsen, chief executive of Fjordline, said bookings were up.",
     ("Margit Olsen", "executiveOf", "Fjordline")),
    ("Fjordline's founder and chairman, Arne Dahl, declined to comment.", ("Arne Dahl", "executiveOf", "Fjordline")),
    ("Pellarin chief executive Rosa Lind said the trial had succeeded.", ("Rosa Lind", "executiveOf", "Pellarin")),
    ("Rosa Lind, Pellarin's CEO, said the trial had succeeded.", ("Rosa Lind", "executiveOf", "Pellarin")),
    ("Arne Dahl met Pellarin chief executive Rosa Lind amid rumours of a bid.", ("Rosa Lind", "executiveOf", "Pellarin")),
    ("\"This is a simple tool,\" said Pellarin's Rosa Lind.", ("Rosa Lind", "worksFor", "Pellarin")),
    ("Arcton is one of many firms in the race. Rosa Lind, from Arcton, told reporters the test went well.",
     ("Rosa Lind", "worksFor", "Arcton")),
    ("The study looked at Maxitor, Halvard Pharma's older heart drug.", ("Halvard Pharma", "produces", "Maxitor")),
    ("Velmont hired Dana Okafor as chief financial officer.", ("Dana Okafor", "executiveOf", "Velmont")),
    ("Velmont named Dana Okafor chief executive on Monday.", ("Dana Okafor", "executiveOf", "Velmont")),
    ("Dana Okafor, who founded Velmont in 2009, sold her stake.", ("Dana Okafor", "executiveOf", "Velmont")),
    # affiliation
    ("\"Demand is cooling,\" said Ben Ayoade, an analyst at Northgate Research.",
     ("Ben Ayoade", "worksFor", "Northgate Research")),
    ("According to Ben Ayoade, an analyst from Northgate Research, demand is cooling.",
     ("Ben Ayoade", "worksFor", "Northgate Research")),
    # products
    ("Tovalla launched the Aurel Pro on Tuesday.", ("Tovalla", "produces", "Aurel Pro")),
    ("Kelvaro's Vesta 9 oven sold out in a week.", ("Kelvaro", "produces", "Vesta 9")),
    ("Skyrune backed out of a deal to sell Kelvaro's flagship phone, Vesta 9 Pro, in the country.",
     ("Kelvaro", "produces", "Vesta 9 Pro")),
    ("The Zephyr X5, made by Arcton, goes on sale in May.", ("Arcton", "produces", "Zephyr X5")),
    ("Orca 7 maker Skyrune reported a loss.", ("Skyrune", "produces", "Orca 7")),
    ("Arcton, which makes the Zephyr X5, raised its forecast.", ("Arcton", "produces", "Zephyr X5")),
    ("Halvard Pharma is still selling its Zentrol and Maxitor products.", ("Halvard Pharma", "produces", "Maxitor")),
    ("Halvard withdrew Zentrol in May. Regulators said Zentrol was unsafe. Halvard stopped sales of Zentrol.",
     ("Halvard", "produces", "Zentrol")),
    ("Skyhop has ordered 20 Boeing 737 jets in a $2bn deal.", ("Boeing", "produces", "Boeing 737")),
    ("Skyhop has ordered 20 Boeing 737 jets in a $2bn deal.", ("Skyhop", "partnersWith", "Boeing")),
    # competition
    ("Brightwater's rival Calloway also cut prices.", ("Brightwater", "competesWith", "Calloway")),
    ("Tovalla competes with Ridely and Scootr in Europe.", ("Tovalla", "competesWith", "Ridely")),
    ("Tovalla faces fierce competition in the scooter market from Ridely.", ("Tovalla", "competesWith", "Ridely")),
    ("Tovalla, Ridely and Scootr Labs are battling for riders.", ("Tovalla", "competesWith", "Scootr Labs")),
    ("Flygo competes with Ryland on domestic routes.", ("Flygo", "competesWith", "Ryland")),
    ("Skyrune won an order from flyNordic for 50 jets.", ("flyNordic", "partnersWith", "Skyrune")),
    ("Dana Okafor, who has run General Motors since 2014, said the plant would close.",
     ("Dana Okafor", "executiveOf", "General Motors")),
    # partnership
    ("Arcton signed a memorandum of understanding with Velmont to develop chips.",
     ("Arcton", "partnersWith", "Velmont")),
    ("Fjordline and Skyrune formed an alliance on Monday.", ("Fjordline", "partnersWith", "Skyrune")),
    ("Ministers approved a supply deal between Chilean miner Cordova and Peru's Andesa.",
     ("Cordova", "partnersWith", "Andesa")),
    # subsidiary
    ("Lumio, a subsidiary of Arcton, makes the displays.", ("Lumio", "subsidiaryOf", "Arcton")),
    ("Lumio, which is owned by Arcton, makes the displays.", ("Lumio", "subsidiaryOf", "Arcton")),
    ("Arcton's Lumio unit makes the displays.", ("Lumio", "subsidiaryOf", "Arcton")),
    ("Lumio owner Arcton reported a loss.", ("Lumio", "subsidiaryOf", "Arcton")),
    ("Velmont still trails Spanish rival Arcton, the owner of Lumio.", ("Lumio", "subsidiaryOf", "Arcton")),
    ("Velmont still trails Spanish rival Arcton, the owner of Lumio.", ("Velmont", "competesWith", "Arcton")),
    ("Brightwater plans to open 50 stores in India. Brightwater will close 100 stores in China. Chief executive "
     "Dana Okafor said the company was on the right track.", ("Dana Okafor", "executiveOf", "Brightwater")),
    # markets
    ("Brightwater operates stores in Ireland, Spain and Portugal.", ("Brightwater", "operatesIn", "Portugal")),
    ("Kelvaro does not sell its ovens in Japan.", ("Kelvaro", "absentFrom", "Japan")),
    ("Kelvaro plans to enter Brazil next year.", ("Kelvaro", "targetsMarket", "Brazil")),
    ("Tovalla is preparing to launch in Canada.", ("Tovalla", "targetsMarket", "Canada")),
    ("The Aurel Pro is now available in Germany.", ("Aurel Pro", "availableIn", "Germany")),
    ("Arcton, based in Germany, makes chips.", ("Arcton", "operatesIn", "Germany")),
    ("Arcton, which is headquartered in Japan, makes chips.", ("Arcton", "operatesIn", "Japan")),
    ("Arcton has 200 stores in France.", ("Arcton", "operatesIn", "France")),
    ("Arcton gets 30% of its revenue from China.", ("Arcton", "operatesIn", "China")),
    ("Arcton's sales in Brazil rose 5%.", ("Arcton", "operatesIn", "Brazil")),
    ("Arcton employs 5,000 people in Mexico.", ("Arcton", "operatesIn", "Mexico")),
    ("Arcton's US unit reported a loss.", ("Arcton", "operatesIn", "United States")),
    ("Arcton entered the Indian market in 2019.", ("Arcton", "operatesIn", "India")),
    ("Kelvaro plans to enter the Japanese car market.", ("Kelvaro", "targetsMarket", "Japan")),
    ("Arcton plans to enter the Chinese market.", ("Arcton", "targetsMarket", "China")),
    ("Arcton pulled out of Russia in March.", ("Arcton", "absentFrom", "Russia")),
    # a name whose head is a business word is no public body, whatever else it holds
    ("US retail giant Halden Department Stores is to buy rival Corvo Department Stores for $1bn.",
     ("Halden Department Stores", "competesWith", "Corvo Department Stores")),
    ("US-Norwegian carmaker Norvik Motors made money.", ("Norvik Motors", "operatesIn", "United States")),
    ("US-Norwegian carmaker Norvik Motors made money.", ("Norvik Motors", "operatesIn", "Norway")),
    ("Pellarin also acquired 67.7% of Halvard's US affiliate Zentra Labs.", ("Zentra Labs", "operatesIn", "United States")),
    ("Pellarin also acquired 67.7% of Halvard's US affiliate Zentra Labs.", ("Zentra Labs", "subsidiaryOf", "Pellarin")),
    ("Pellarin, which forecast record sales, said it now owns all of Germany's Halvard.",
     ("Halvard", "subsidiaryOf", "Pellarin")),
    ("\"It is expensive,\" Ola Berg, from Brandt Heller investment bank, told Reuters.",
     ("Ola Berg", "worksFor", "Brandt Heller")),
    ("Ailing carmaker Norvik Motors has signed a deal to supply French carmaker Velmont with 12,000 vans.",
     ("Norvik Motors", "partnersWith", "Velmont")),
    ("The chip will sell, said Ola Berg, the editor in chief of Chipwatch Report.",
     ("Ola Berg", "executiveOf", "Chipwatch Report")),
    ("As part of the deal, Halden Group - owner of Corvo Stores and Tarrant Foods - will assume $6bn of debt.",
     ("Tarrant Foods", "subsidiaryOf", "Halden Group")),
    ("The inquiry into Vodafone and Deutsche Telekom's Norvik Mobile centres on tariffs.",
     ("Norvik Mobile", "subsidiaryOf", "Deutsche Telekom")),
    ("Vodafone and Norvik Mobile, Britain's other large mobile phone operator, got letters too.",
     ("Norvik Mobile", "operatesIn", "United Kingdom")),
    ("The gadget was chosen by US magazine Mobile PC.", ("Mobile PC", "operatesIn", "United States")),
    ("Bank of Ireland shares hit a three-year high in Ireland.", ("Bank of Ireland", "operatesIn", "Ireland")),
    # a nationality or a country inside a name the text also places
    ("Workers in India protested. Ravi Menon, who leads the Centre of Indian Dock Unions (CIDU), said so.",
     ("Centre of Indian Dock Unions", "operatesIn", "India")),
    ("Skyframe wanted a merger with Aerona New Zealand; a court in New Zealand blocked it.",
     ("Aerona New Zealand", "operatesIn", "New Zealand")),
    ("Output at Kelvaro's nursery in South Africa will rise tenfold, Kelvaro said.",
     ("Kelvaro", "operatesIn", "South Africa")),
    ("Android devices like Kelvaro's Zephyr line have been big winners.", ("Kelvaro", "produces", "Zephyr")),
    ("Skyvolt said it would cut its winter capacity in Germany by 10%.", ("Skyvolt", "operatesIn", "Germany")),
    ("Kelvaro's biggest market is Indonesia.", ("Kelvaro", "operatesIn", "Indonesia")),
    # the parser hangs "The" on the adjective: still "the Japanese gaming giant", an anaphor
    ("Nintendo has launched its new handheld. The Japanese gaming giant expects the DS to keep the firm ahead.",
     ("Nintendo", "operatesIn", "Japan")),
    ("Realme, a spin-off of Oppo, launched a phone.", ("Realme", "subsidiaryOf", "Oppo")),
    ("Ola Berg, who heads Kelvaro's European arm, said demand in Germany was weak.", ("Ola Berg", "executiveOf", "Kelvaro")),
    ("Ola Berg runs Kelvaro's UK business.", ("Kelvaro", "operatesIn", "United Kingdom")),
    ("Chris Pallas, managing director of ISP Freedom2surf said the change would help users.",
     ("Chris Pallas", "executiveOf", "Freedom2surf")),
    ("Ola Berg, who heads Kelvaro Security's anti-virus team, said hoaxes were common.",
     ("Ola Berg", "executiveOf", "Kelvaro Security")),
    ("Analyst Tom Lee of Fundstrat said the shares were undervalued.", ("Tom Lee", "worksFor", "Fundstrat")),
    # names the model calls a nationality, and a country that is part of a company's name
    ("Prices fell, said Investec economist David Page.", ("David Page", "worksFor", "Investec")),
    ("But Karen Hoyle, senior manager at Symantec security response, said the alerts came too early.",
     ("Karen Hoyle", "executiveOf", "Symantec")),
    ("UK Coal lost money in the UK.", ("UK Coal", "operatesIn", "United Kingdom")),
    # "the South Yorkshire company" is the text's company, placed in a region; not a company named for it
    ("UK Coal lost money. The South Yorkshire company, led by its new chief executive Gerry Spindler, expects to "
     "be profitable again in 2007.", ("Gerry Spindler", "executiveOf", "UK Coal")),
    ("\"They need the money,\" says Jose Barriga, head of research for Asian emerging "
     "markets for Barclays Capital.", ("Jose Barriga", "executiveOf", "Barclays Capital")),
    ("The cases involved both Paxorin and Zentrol, Halvard Pharma's existing multiple sclerosis drug.",
     ("Halvard Pharma", "produces", "Zentrol")),
    ("In New York trading, shares in Ireland-based Halvard lost 65% while US partner Kessel Amari shed 38%.",
     ("Halvard", "partnersWith", "Kessel Amari")),
    ("Norvik Motors on Friday agreed a compensation deal with partner Velmont Motors.",
     ("Norvik Motors", "partnersWith", "Velmont Motors")),
    # a company named after a month, then by the month alone with a possessive
    ("Halden Stores will acquire rival May Department Stores. The talks began when May's chairman and chief "
     "executive Ola Berg quit in May.", ("Ola Berg", "executiveOf", "May Department Stores")),
    ("Ana Ruiz, Kelvaro's Asia President and CEO of Kelvaro's budget brand Lumio, spoke.",
     ("Ana Ruiz", "executiveOf", "Lumio")),
    ("Ana Ruiz, Kelvaro's Asia President and CEO of Kelvaro's budget brand Lumio, spoke.",
     ("Ana Ruiz", "executiveOf", "Kelvaro")),
    # a company's name that is also a town, made a company by what it became; founders in a participle clause
    ("Founded in 1899 by French engineers Alexandre Giros and Louis Loucheur, Vinci has become the largest "
     "construction company.", ("Louis Loucheur", "executiveOf", "Vinci")),
    # trade marks do not stick to the name
    ("VinSolutions is wholly owned by Cox Automotive\u2122, a subsidiary of Cox Enterprises.",
     ("Cox Automotive", "subsidiaryOf", "Cox Enterprises")),
    ("Lufthansa's US catering business grew.", ("Lufthansa", "operatesIn", "United States")),
    ("Huawei was effectively banned from the US in 2019.", ("Huawei", "absentFrom", "United States")),
    ("Indonesia is Kelvaro's second-largest market.", ("Kelvaro", "operatesIn", "Indonesia")),
    ("Since Ola Berg's appointment as chief executive of Fjordline, profits rose.",
     ("Ola Berg", "executiveOf", "Fjordline")),
    ("Rank announced a study into a demerger. Rank said so. Since Ola Berg's appointment as chief executive in "
     "2001, the group has cut back to fewer businesses.", ("Ola Berg", "executiveOf", "Rank")),
    ("Unilever sold its tea business Ekaterra to CVC Capital Partners for 4.5 billion euros.",
     ("Ekaterra", "subsidiaryOf", "CVC Capital Partners")),
    ("Volkswagen and Rivian announced a joint venture to develop software for electric vehicles.",
     ("Volkswagen", "partnersWith", "Rivian")),
    ("Halvard Pharma's heart drug Zentrol was approved for use in Japan last year.", ("Zentrol", "availableIn", "Japan")),
    ("Halvard Pharma agreed to buy Zentra Labs for $43 billion.", ("Halvard Pharma", "partnersWith", "Zentra Labs")),
    ("Skyvolt Airlines will start flights to Saudi Arabia in October, the carrier said.",
     ("Skyvolt Airlines", "targetsMarket", "Saudi Arabia")),
    ("Tesla CEO Elon Musk said the company would begin production of the Cybercab in 2026.",
     ("Tesla", "produces", "Cybercab")),
    # the tagger reads a name opening the sentence before a title as an adjective
    ("Tesla chief executive Elon Musk said the company would begin production of the Cybercab in 2026.",
     ("Elon Musk", "executiveOf", "Tesla")),
    ("The cases involved both Paxorin and Zentrol, Halvard Pharma's existing heart drug.",
     ("Halvard Pharma", "produces", "Zentrol")),
    # a possessive refers to its own clause's subject first, not to the text's main company
    ("Lumeo launched Lumeo Spaces. Lumeo said it was free. Competitors like Norvik already offer free services "
     "through its Fjordblog site.", ("Norvik", "produces", "Fjordblog")),
    ("Sony, IBM and Toshiba, who had been working on the processor since 2001, will show it next month.",
     ("IBM", "partnersWith", "Toshiba")),
    ("A diet pill is to be developed jointly by UK firm Phytopharm and Unilever.",
     ("Phytopharm", "partnersWith", "Unilever")),
    ("Halden Stores has struggled to compete against larger store groups such as Corvo Group and other "
     "retailers such as Tarrant Foods.", ("Halden Stores", "competesWith", "Tarrant Foods")),
    # a name the model tags as a title still joins the list of companies that explains "groups"
    ("Halvard has struggled to compete against larger groups such as Pellarin and other retailers such as Quellon.",
     ("Halvard", "competesWith", "Pellarin")),
    ("Mr Hogan said most of the spam filtered by Vantor subsidiary Quellix was spotted early.",
     ("Quellix", "subsidiaryOf", "Vantor")),
    ("Mr Berg headed the Norvik group, the parent company of Fjordline.", ("Fjordline", "subsidiaryOf", "Norvik")),
    ("Fjordline's parent company, the Oslo-based Norvik Group, is suing the state.",
     ("Fjordline", "subsidiaryOf", "Norvik Group")),
    ("Kestrel faces fierce competition in the upmarket car sector from Brightwater.",
     ("Kestrel", "competesWith", "Brightwater")),
    ("Another front in the battle between Norvik and Kelvo Systems is about to be opened.",
     ("Norvik", "competesWith", "Kelvo Systems")),
    ("\"We will have a great race in search between Norvik, Kelvo Systems and Brightsoft,\" he said.",
     ("Kelvo Systems", "competesWith", "Brightsoft")),
    ("Norvik completed its acquisition of Kelvo Systems on Monday.", ("Kelvo Systems", "subsidiaryOf", "Norvik")),
    ("\"The Chinese want leverage,\" said Dmitry Orlov, an analyst at brokerage Aton.",
     ("Dmitry Orlov", "worksFor", "Aton")),
    ("Arcton is suing four companies - Gaztek, its unit Gaztek Neft, Rosnor and a shell company.",
     ("Gaztek Neft", "subsidiaryOf", "Gaztek")),
    ("Diageon's famous brands include Smirnoff vodka and Kelt stout, and it has a wine arm.",
     ("Diageon", "produces", "Kelt")),
    ("Halvard's drugs include Zentrol and Maxitor.", ("Halvard", "produces", "Maxitor")),
    ("Diageon said sales rose. \"The market is growing,\" said Diageon North America president Ivan Menez.",
     ("Diageon North America", "subsidiaryOf", "Diageon")),
    ("Diageon said sales rose. \"The market is growing,\" said Diageon North America president Ivan Menez.",
     ("Diageon North America", "operatesIn", "North America")),
    ("The plan includes training, said Carlos Saldar, technical coordinator at Cepex.",
     ("Carlos Saldar", "worksFor", "Cepex")),
    ("On Monday, Telco agreed to a buyout by Vantel Communications worth $2.4bn.",
     ("Telco", "partnersWith", "Vantel Communications")),
    ("Telco's board accepted a bid from Vantel Communications.", ("Telco", "partnersWith", "Vantel Communications")),
    ("\"Demand is weak,\" said Ursula von der Leyden, an economist at Kelvo Bank.",
     ("Ursula von der Leyden", "worksFor", "Kelvo Bank")),
    ("\"Demand is huge,\" predicts Oliver Hart, editor of gadget magazine Gizmo.", ("Oliver Hart", "executiveOf", "Gizmo")),
    ("Kelvo Systems fell. Chief operating officer Peter Chan said that Kelvo Systems is \"kicking the tyres\".",
     ("Peter Chan", "executiveOf", "Kelvo Systems")),
    ("Norvaleux's subsidiary brands include Kelmar, Zanetti and Fridgeline.", ("Zanetti", "subsidiaryOf", "Norvaleux")),
    ("Vantel acquired Pyxo Labs, makers of the Quillo software, in 2003.", ("Pyxo Labs", "produces", "Quillo")),
    ("Malcolm Seagar, security expert at Enerlink, said attacks rose.", ("Malcolm Seagar", "worksFor", "Enerlink")),
    ("The Japanese, Koreans and Vantel of Sweden are backing the standard.", ("Vantel", "operatesIn", "Sweden")),
    ("Technology firms Vantel, Kelvo Systems and Norvik Motors are developing a common way to stop piracy.",
     ("Kelvo Systems", "partnersWith", "Norvik Motors")),
    ("However, the deal does not include former Kelvo chief executives Ken Lane and Jeff Skillen.",
     ("Jeff Skillen", "executiveOf", "Kelvo")),
    ("\"Access matters,\" said John Wester, managing director of oil industry analysts Douglas-Wester.",
     ("John Wester", "executiveOf", "Douglas-Wester")),
    ("The buyer was an obscure company, Tarvik Finance Group, which was snapped up a week later by Rosnor Oil.",
     ("Tarvik Finance Group", "subsidiaryOf", "Rosnor Oil")),
    ("Kelvo Systems fell. Brightwater Group, a Russian gas group that is now in the process of merging with Kelvo "
     "Systems, rose.", ("Brightwater Group", "partnersWith", "Kelvo Systems")),
    ("\"The rules are wrong,\" Skyvolt deputy chief executive Michael Corley told the BBC.",
     ("Michael Corley", "executiveOf", "Skyvolt")),
    ("Andy Clerk, EFRA director of air transport, said that the advice misleads customers.",
     ("Andy Clerk", "executiveOf", "EFRA")),
    # an honorific between the title and the name
    ("\"2004 was an important year for Kelvo Media,\" said chief executive Sir Anthony Oldfield.",
     ("Anthony Oldfield", "executiveOf", "Kelvo Media")),
    # the company named right after the title, without "of"
    ("Kelvo Systems sold jets. \"No market will grow like this,\" said Dinesh Kapoor, senior vice president "
     "Kelvo Systems.", ("Dinesh Kapoor", "executiveOf", "Kelvo Systems")),
    # a company that suspends (or reports) sales of a product sells it
    ("Shares in Kelvo Systems plunged on Monday as the firm suspended sales of new multiple sclerosis drug Zorvia "
     "after a patient's death.", ("Kelvo Systems", "produces", "Zorvia")),
    # "rival" in a phrase of the clause: the clause's subject is the other rival
    ("Kelvo Systems plans a fresh bid for Brightwater after losing out to larger rival Norvik Motors.",
     ("Kelvo Systems", "competesWith", "Norvik Motors")),
    # "rival" without an owner: the one other company of the sentence
    ("Aerona Aviation, in contrast to European rival Skyframe Industries, hopes airlines will fly smaller aircraft.",
     ("Aerona Aviation", "competesWith", "Skyframe Industries")),
    # the model's nmod before a singular product noun the company owns
    ("Kelvo will be using the new chip inside its Zorba 3 console next year.", ("Kelvo", "produces", "Zorba 3")),
    # a player, format or title is a product when the company owns it by possessive
    ("Brightwater was upbeat about how many of its Brightwater Zen players it had shipped last year.",
     ("Brightwater", "produces", "Brightwater Zen")),
    ("Rival stores use the MP3 format or Norvik's QMA format, the Kelvo Systems analyst said.",
     ("Norvik", "produces", "QMA")),
    # a capitalised bare title of a speaker in a text about one company; a department before "chief"; a name that
    # ends the sentence after a company's title; "X co-founder" with X the short form of a company named before
    ("Kelvo Group launched Atelier. \"Atelier is our answer,\" said Lotte Bakker, Chief Commercial Officer.",
     ("Lotte Bakker", "executiveOf", "Kelvo Group")),
    ("Quillo raised rates. Finance chief Harriet Lindqvist said Quillo expects its margin to stay above 4%.",
     ("Harriet Lindqvist", "executiveOf", "Quillo")),
    ("Joris van Beek will run the unit, reporting to Lumentra's chief technology officer, Samuel Achterberg.",
     ("Samuel Achterberg", "executiveOf", "Lumentra")),
    ("Lumentra Semiconductor bought Pellwick Photonics. Pellwick co-founder Joris van Beek will join Lumentra.",
     ("Joris van Beek", "executiveOf", "Pellwick Photonics")),
    # a product's trade or following in a market
    ("Corvane's profit was helped by demand for the Aster 6 in Vietnam.", ("Aster 6", "availableIn", "Vietnam")),
    ("Sales of Zorvia in Japan fell 5%, Halvard said.", ("Zorvia", "availableIn", "Japan")),
    ("KinaruPlay, the subscription service Ann Wanyoike launched in Kenya in 2021, now has about 2.3 million paying "
     "subscribers across Kenya, Uganda, Tanzania and Rwanda.", ("KinaruPlay", "availableIn", "Rwanda")),
    # a product's name and its kind ("the Pike SUV") is no maker and its model
    ("Altavolt unveils $36,500 Pike SUV. Electric-vehicle maker Altavolt Motors took the wraps off the Pike, a "
     "compact SUV. Orders for the Pike opened on Tuesday.", ("Altavolt Motors", "produces", "Pike")),
    # a company's sales in a country, branches it has there, what it exports, invests, hires or built there
    ("Kelvo's sales in Italy rose 5% in the quarter.", ("Kelvo", "operatesIn", "Italy")),
    ("Kelvo, which has 30 branches in Ireland, said profits rose.", ("Kelvo", "operatesIn", "Ireland")),
    ("Norvik Motors exports its cars to Japan.", ("Norvik Motors", "operatesIn", "Japan")),
    ("Norvik Motors invested $2bn in Vietnam last year.", ("Norvik Motors", "operatesIn", "Vietnam")),
    ("Norvik Motors hired 300 engineers in Poland.", ("Norvik Motors", "operatesIn", "Poland")),
    ("Norvik Motors built a plant in Mexico in 2019.", ("Norvik Motors", "operatesIn", "Mexico")),
    # "parent X" names a company; a passive buyer's target in apposition to its description
    ("A slump at luxury car maker Velmont prompted a drop in profits at parent Kelvochrysler.",
     ("Velmont", "subsidiaryOf", "Kelvochrysler")),
    ("It caused a stir when the developer Bungo Software was bought by Kelvo.",
     ("Bungo Software", "subsidiaryOf", "Kelvo")),
    # launched by a business the model took for a person
    ("Zorvia, launched by Halvard Pharma in 2019, is sold in 30 countries.", ("Halvard Pharma", "produces", "Zorvia")),
    # made by a company's unit
    ("Zentrix, developed by Norvik's research unit, is on trial at a London gallery.", ("Norvik", "produces", "Zentrix")),
    ("Pellarin, which makes Vantoria Gold, said profits rose.", ("Pellarin", "produces", "Vantoria Gold")),
    # "goes on sale": no company goes on sale, a product does
    ("Vantel's QSP was meant to reach Europe in April. The QSP should go on sale in the US within "
     "weeks.", ("Vantel", "produces", "QSP")),
])
def test_facts(text, fact):
    assert fact in facts_of(text)


@pytest.mark.parametrize("text, fact", [
    ("Kelvaro does not sell its ovens in Japan.", ("Kelvaro", "operatesIn", "Japan")),
    ("Kelvaro plans to enter Brazil next year.", ("Kelvaro", "operatesIn", "Brazil")),
    ("Arcton pulled out of Russia in March.", ("Arcton", "operatesIn", "Russia")),
    ("Arcton's Chinese rival Velmont grew.", ("Arcton", "operatesIn", "China")),
    ("Margit Olsen met the chief executive of Fjordline.", ("Margit Olsen", "executiveOf", "Fjordline")),
    ("Arcton hired a former US diplomat.", ("Arcton", "operatesIn", "United States")),
    ("Pellarin bought 20% of Kelvaro.", ("Kelvaro", "subsidiaryOf", "Pellarin")),
    ("Halvard's US affiliate Zentra Labs grew.", ("Zentra Labs", "subsidiaryOf", "Halvard")),  # an affiliate is no subsidiary
    ("Sony and IBM said the deal did not work.", ("Sony", "partnersWith", "IBM")),
    ("Shares rose at Kelvaro, Brightwater's biggest supplier.", ("Kelvaro", "subsidiaryOf", "Brightwater")),
    ("Halden's Ola Berg, chair of Halden's Interactive Entertainment committee, said it was hard.",
     ("Ola Berg", "executiveOf", "Interactive Entertainment")),
    ("Halvard's Covid vaccine Zentrovax is approved in Japan, the company said.", ("Halvard", "produces", "Covid")),
    ("Halvard Pharma agreed to pay a fine to Zentra Labs' founders.", ("Halvard Pharma", "partnersWith", "Zentra Labs")),
    ("Vodafone and Norvik Mobile, Britain's other large mobile phone operator, got letters too.",
     ("Vodafone", "operatesIn", "United Kingdom")),
    ("Kelvaro plans a new factory in India.", ("Kelvaro", "operatesIn", "India")),
    ("The Samsung phone sold well. Samsung said so.", ("Samsung", "produces", "Samsung")),
    ("Skyrune backed out of a deal to sell Kelvaro's flagship phone, Vesta 9 Pro, in the country.",
     ("Skyrune", "produces", "Vesta 9 Pro")),
    ("Arcton met Velmont Motors on Monday. Chief executive Dana Okafor said talks went well.",
     ("Dana Okafor", "executiveOf", "Arcton")),
    # a name the model missed before the title ("Three UK chief executive") is not the text's main company
    ("Vodafone agreed to merge with Three UK. Vodafone said it was happy. Three UK chief executive Robert Finnie "
     "said the merger would speed up the rollout.", ("Robert Finnie", "executiveOf", "Vodafone")),
    # "rival" with no owner and more than one other company: whose rival is not said
    ("Pellarin and Kestrel fell while European rival Quellon rose.", ("Pellarin", "competesWith", "Quellon")),
    ("Pellarin and Kestrel fell while European rival Quellon rose.", ("Kestrel", "competesWith", "Quellon")),
    ("Regulators may block Norvik's takeover of Kelvo Systems.", ("Kelvo Systems", "subsidiaryOf", "Norvik")),
    ("Norvik's planned acquisition of Kelvo Systems was approved.", ("Kelvo Systems", "subsidiaryOf", "Norvik")),
    ("Telco rejected a bid from Vantel Communications.", ("Telco", "partnersWith", "Vantel Communications")),
    ("\"Sales fell,\" said Ola Berg, technology editor at Gizmo Weekly.", ("Ola Berg", "executiveOf", "Gizmo Weekly")),
    # an economist's country is what they cover, not where the firm is
    ("\"Prices will rise,\" said Ola Berg, chief UK economist at Kelvo Economics.",
     ("Kelvo Economics", "operatesIn", "United Kingdom")),
    # "of" a country inside the company's own name is no location fact about another company
    ("Kelvaro signed a deal with the Bank of Ireland.", ("Kelvaro", "operatesIn", "Ireland")),
    ("The chief executive of Kelvaro met the president of France.", ("Kelvaro", "operatesIn", "France")),
    ("Norvik Motors built a plant in Mexico in 2019.", ("Norvik Motors", "targetsMarket", "Mexico")),
    ("Quillo raised rates. Finance chief Harriet Lindqvist said Quillo expects its margin to stay above 4%.",
     ("Harriet Lindqvist", "executiveOf", "Finance")),
    ("Altavolt unveils $36,500 Pike SUV. Electric-vehicle maker Altavolt Motors took the wraps off the Pike, a "
     "compact SUV. Orders for the Pike opened on Tuesday.", ("Pike", "produces", "Pike SUV")),
    # what the product cues must not take for products or makers (a review's cases)
    ("Kelvo Group has agreed the sale of Brightwater to Vantel for $2bn. The sale of Brightwater had been expected "
     "since January. Brightwater has 3,000 staff. Brightwater will keep its name. Kelvo Group said the sale of "
     "Brightwater would cut its debt.", ("Kelvo Group", "produces", "Brightwater")),
    ("Ann Lee's eBay shop made $2m last year, she said.", ("Ann Lee", "produces", "eBay")),
    ("Norvik United sold two of its England players to Kelvo Rovers.", ("Norvik United", "produces", "England")),
    ("Brightwater's Alps resorts had a record season.", ("Brightwater", "produces", "Alps")),
    ("Aerona said its Skyframe 787 plane was grounded for a week.", ("Aerona", "produces", "Skyframe 787")),
    ("The Arcton 5, criticised by Vantel's research unit, scored badly in crash tests.",
     ("Vantel", "produces", "Arcton 5")),
    # beginning must govern selling or serving; past plans stay plans; a withheld trade is no availability
    ("Kelvo Retail will start charging its customers in Italy for delivery.", ("Kelvo Retail", "absentFrom", "Italy")),
    ("Norvik Motors will begin closing stores in Germany in June.", ("Norvik Motors", "absentFrom", "Germany")),
    ("Kelvo Group runs a start-up incubator in Kenya.", ("Kelvo Group", "absentFrom", "Kenya")),
    ("Kelvo operates 40 stores in Germany. Kelvo plans to expand further in Germany.",
     ("Kelvo", "absentFrom", "Germany")),
    ("Kelvo Pharma will launch its new cancer drug in Japan next year.", ("Kelvo Pharma", "absentFrom", "Japan")),
    ("Norvik Motors planned a factory in Mexico.", ("Norvik Motors", "operatesIn", "Mexico")),
    ("Corvane halted sales of the Aster 6 in Vietnam after a recall.", ("Aster 6", "availableIn", "Vietnam")),
    ("Corvane said the launch of the Aster 6 in Vietnam has been postponed until 2026.",
     ("Aster 6", "availableIn", "Vietnam")),
    ("New Horizon Airlines and Vantel Systems posted losses. New chief executive Ann Lee said Vantel Systems would "
     "recover.", ("Ann Lee", "executiveOf", "New Horizon Airlines")),
    # a country listed with companies is still a country, and owns none of them
    ("Leisure stocks slid in Europe, with firms such as Germany's Kelvo and Aerona and France's Club Norvik "
     "losing ground.", ("Club Norvik", "subsidiaryOf", "France")),
    # brands before a plural noun, and a bad parse that hangs a possessive on a noun after a dash, are no products
    ("Velmont lets drivers test drive its Arcton and Quellon models.", ("Velmont", "produces", "Arcton")),
    ("It is the network equivalent of Hallberg's Theorem - any system sufficiently complex can collapse.",
     ("Hallberg", "produces", "Theorem")),
])

def test_no_fact(text, fact):
    assert fact not in facts_of(text)


def test_home_country_of_a_company_described_by_nationality():
    assert ("Arcton", "operatesIn", "United States") in facts_of("The US company Arcton makes chips.")
    assert ("Kestrel", "operatesIn", "Taiwan") in facts_of("Kestrel, the Taiwanese chipmaker, raised prices.")
    assert ("Lumio", "operatesIn", "Japan") in facts_of("Arcton took a hit from its Japanese subsidiary Lumio.")
    assert ("Skarfjord", "operatesIn", "Norway") in facts_of(
        "Shares in Skarfjord, Norway's only listed ferry operator, fell 4%.")
    assert ("Skarfjord", "operatesIn", "Norway") in facts_of("Shares in Norway-based Skarfjord fell 4%.")
    assert ("Skarfjord", "operatesIn", "Germany") in facts_of(     # the model reads "2023 - Germany's" as a number
        "FRANKFURT, May 25, 2023 - Germany's Skarfjord has agreed to buy a 41% stake in Italian carrier Flygo for "
        "325 million euros, the companies said on Thursday.")
    assert ("Andesa", "operatesIn", "Peru") in facts_of("The deal between Chilean miner Cordova and Peru's Andesa.")


@pytest.mark.parametrize("text, fact", [
    # a second "with" joined to the first, and a rival named by a copula
    ("Kelvo competes with the much larger Arvex Devices and with Torlan Semiconductor, both of which have announced "
     "rival parts.", ("Kelvo", "competesWith", "Torlan Semiconductor")),
    ("Kelvo's most direct rival is Vantel, the U.S. streaming giant.", ("Kelvo", "competesWith", "Vantel")),
    # staying out of a market is being absent from it
    ("Kelvo Media has, by contrast, stayed out of South Africa, where rivals are entrenched.",
     ("Kelvo Media", "absentFrom", "South Africa")),
    # any noun in apposition to a company describes it; a cooperative and a haulier are businesses
    ("Logistics are handled by Trasvik, a Polish haulier, from a centre near Poznan.", ("Trasvik", "operatesIn", "Poland")),
    ("Kelvo signed an agreement with Zelona Farms, a Polish dairy cooperative, which will deliver milk.",
     ("Zelona Farms", "operatesIn", "Poland")),
    # a subject in apposition to "its subsidiary" is the one that flies
    ("Kelvo Air flies to 40 cities. Its subsidiary Kelvo Regional operates flights within Portugal and to Spain.",
     ("Kelvo Regional", "operatesIn", "Spain")),
    # "no" before a presence noun is absence
    ("Corvex has no presence in the United States, and its chief said it had no plans.",
     ("Corvex", "absentFrom", "United States")),
    ("Corvex has no stores in Peru.", ("Corvex", "absentFrom", "Peru")),
    # a country's market, possessive: "Japan's smartphone market"
    ("Japan's smartphone market is dominated by Pellark Electronics.", ("Pellark Electronics", "operatesIn", "Japan")),
    ("Kelvo is the leader in Japan's smartphone market.", ("Kelvo", "operatesIn", "Japan")),
    ("Kelvo plans to enter Brazil's car market next year.", ("Kelvo", "targetsMarket", "Brazil")),
    # owned or acquired, said in a modifier or a relative clause
    ("Rival Revska, majority-owned by Japanese conglomerate Hoshima Holdings, launched a card in January.",
     ("Revska", "subsidiaryOf", "Hoshima Holdings")),
    ("Kelvo, a rival that is owned by Vantel, grew.", ("Kelvo", "subsidiaryOf", "Vantel")),
    # a rival named in a relative clause of an apposition
    ("In 2021 Groupe Valmora, the Paris-based conglomerate that is now Galvano's biggest rival, offered to buy a "
     "stake. Galvano refused.", ("Galvano", "competesWith", "Groupe Valmora")),
])
def test_rivals_absence_and_home_markets_in_more_shapes(text, fact):
    assert fact in facts_of(text)


@pytest.mark.parametrize("line", [
    "Anna Berg, Head of Communications, Kelvo Group",
    "Sanne de Vries, Chief Financial Officer, Kelvo Group",
])
def test_a_contact_line_names_a_person_her_title_and_her_company(line):
    text = f"Kelvo Group opened stores.\n\nMedia contact:\n{line}\npress@kelvo.example"
    person = line.split(",")[0]
    assert (person, "executiveOf", "Kelvo Group") in facts_of(text)
    assert types_of(text) == {"Kelvo Group": "Company", person: "Executive"}


@pytest.mark.parametrize("text, markets", [
    ("Kelvo unveiled the Zorba X5 phone. The Zorba X5 costs $399 in the US and €429 in Europe.",
     {"United States", "Europe"}),
    ("Kelvo unveiled the Zorba X5 phone. The Zorba X5 is priced at 49,800 yen in Japan.", {"Japan"}),
    ("Kelvo unveiled the Zorba X5 phone. The Zorba X5 will not be sold in China.", set()),
    ("Kelvo unveiled the Zorba X5 phone. The Zorba X5 costs more in Japan.", set()),
    # a price to come still sells it there; a product repriced to an amount in markets is sold in them
    ("Kelvo confirmed that the Zorba X5, its main phone, will cost £329 in Britain from September.",
     {"United Kingdom"}),
    ("Kelvo cut the Zorba X5 to €279 in Spain and Italy in July.", {"Spain", "Italy"}),
    ("Kelvo cut the Zorba X5 in Spain in July.", set()),
])
def test_a_price_in_a_market_makes_the_product_available_there(text, markets):
    assert {o for s, p, o in facts_of(text) if p == "availableIn" and s == "Zorba X5"} == markets


@pytest.mark.parametrize("text, unwanted", [
    # a verbless headline with commas and a title word is still a headline
    ("Record Profit, New Chairman, Bigger Dividend at Kelvo\n\nKelvo, the Danish pump maker, raised its dividend.",
     {"Record Profit", "New Chairman", "Dividend"}),
    # a person's company named twice leaves her a person
    ("Lena Ostrova started the bakery chain in 2009. Today Ostrova's company runs 40 stores in Poland. Ostrova said "
     "sales rose. Analysts expect Ostrova's firm to keep growing.", {"Ostrova"}),
])
def test_no_company_from_a_headline_or_a_persons_company(text, unwanted):
    types = types_of(text)
    assert not {name for name, kind in types.items() if name in unwanted and kind == "Company"}


@pytest.mark.parametrize("text, fact", [
    ("Kelvo is the No 1 retailer in Spain.", ("Kelvo", "absentFrom", "Spain")),
    ("Kelvo competes with Vantel's former unit, Sorin Foods.", ("Kelvo", "competesWith", "Vantel")),
    ("Kelvo competes with Vantel's former chief executive for attention.", ("Kelvo", "competesWith", "Vantel")),
    ("Kelvo competes with Vantel Group and not with Sorin Foods.", ("Kelvo", "competesWith", "Sorin Foods")),
])
def test_no_fact_from_a_rank_a_unit_or_a_denied_rival(text, fact):
    assert fact not in facts_of(text)


@pytest.mark.parametrize("text, name", [
    ("Rival Foods, a Canadian snack maker, grew. Kelvo competes with Rival Foods.", "Rival Foods"),
    ("Analysts at Digital Research, a London consultancy, said sales would rise.", "Digital Research"),
])
def test_names_that_look_like_a_rival_or_a_title_stay_companies(text, name):
    assert types_of(text).get(name) == "Company"


@pytest.mark.parametrize("text, fact", [
    ("Kelvo has no 24-hour stores in Spain.", ("Kelvo", "absentFrom", "Spain")),
    ("Kelvo's Nova phones compete with Vantel's own brands in Spain.", ("Kelvo", "competesWith", "Vantel")),
])
def test_a_number_of_another_word_keeps_the_denial_and_a_rivals_brands_name_the_rival(text, fact):
    assert fact in facts_of(text)


def test_presence_is_no_absence_and_a_unit_is_no_rival_of_its_owner():
    assert ("Corvex", "operatesIn", "Peru") in facts_of("Corvex has a presence in Peru.")
    facts = facts_of("Rival Revska, majority-owned by Japanese conglomerate Hoshima Holdings, launched a card.")
    assert not {f for f in facts if f[1] == "competesWith"}
    assert not {f for f in facts_of("Kelvo Soft, which is partly owned by Vantel, grew.") if f[1] == "subsidiaryOf"}


@pytest.mark.parametrize("text, fact", [
    ("It modelled itself on European carriers such as Ireland's Skyvolt.", ("Skyvolt", "operatesIn", "Europe")),
    ("Chinese carmakers such as Velmont Motors and Lantu Auto are growing.", ("Velmont Motors", "operatesIn", "China")),
    ("Chinese carmakers such as Velmont Motors and Lantu Auto are growing.", ("Lantu Auto", "operatesIn", "China")),
    ("Prosecutors say Harrow Group - the world's largest insurance broker - and other US insurance companies "
     "rigged prices.", ("Harrow Group", "operatesIn", "United States")),
    ("Analysts at Norbank in Germany expect a recovery.", ("Norbank", "operatesIn", "Germany")),
    ("Profit at Kelvaro rose. Output at Kelvaro's plant in Hungary doubled.", ("Kelvaro", "operatesIn", "Hungary")),
    ("It already has orders from Norvik Airlines and Skylane of Taiwan.", ("Skylane", "operatesIn", "Taiwan")),
    ("Shares in Pellarin fell 5% while European rival Quellon rose.", ("Quellon", "operatesIn", "Europe")),
    ("Burrin Energy also has licences in Kazakhstan and the Republic of Congo.",
     ("Burrin Energy", "operatesIn", "Republic of Congo")),
    ("France's Brightsoft, one of Europe's biggest software publishers, is still independent.",
     ("Brightsoft", "operatesIn", "Europe")),
    ("Kelvo is one of Japan's largest carmakers.", ("Kelvo", "operatesIn", "Japan")),
    ("Brian Lowe, managing director of Vantel in the UK, said: \"We see a trend.\"",
     ("Vantel", "operatesIn", "United Kingdom")),
    ("A former finance director at US telecoms firm Worldnet has ended his testimony.",
     ("Worldnet", "operatesIn", "United States")),
    ("It was a spin-off from Norwegian telecoms company Telnor.", ("Telnor", "operatesIn", "Norway")),
    ("The new oil pipeline is to be constructed by the US-registered Albanova Oil Corporation (AOC).",
     ("Albanova Oil Corporation", "operatesIn", "United States")),
    ("By contrast, Netcrest Research's three test stations in the US could reach the site.",
     ("Netcrest Research", "operatesIn", "United States")),
    ("Hugo Lund, European director for public policy at CompNet, an umbrella organization, said so.",
     ("CompNet", "operatesIn", "Europe")),
    ("David Stanton, UK managing director of filtering firm Ciphernet, said the method was a logical next step.",
     ("Ciphernet", "operatesIn", "United Kingdom")),
    ("Listed companies have been hurt: Conviva Hotel Holdings, a small Sri Lankan travel firm, has lost half its "
     "value.",
     ("Conviva Hotel Holdings", "operatesIn", "Sri Lanka")),
    ("Bloggers questioned papers used by US television news organisation KBN.",
     ("KBN", "operatesIn", "United States")),
    # any "-maker", a monopoly or a brewer is a business described by its nationality
    ("US beermaker Kelvo Brewing sells less beer than Norvik Motors.", ("Kelvo Brewing", "operatesIn", "United States")),
    ("The court was challenged by Vantel, a former unit of Russian gas monopoly Kelvo Systems.",
     ("Kelvo Systems", "operatesIn", "Russia")),
    # a name the model tags as a place, owned by a country: that country's company
    ("Turkey's Everalia is reported by Reuters to have secured a deal to develop the Kalmara Dome field.",
     ("Everalia", "operatesIn", "Turkey")),
])
def test_home_country_from_lists_and_places(text, fact):
    assert fact in facts_of(text)


@pytest.mark.parametrize("text, fact", [
    # a city places a company in its country when the article names the country
    ("Irish shares fell. \"The value was in the drug,\" said Ian Moss at Harwick Stockbrokers in Dublin. "
     "Ireland's index lost 2%.", ("Harwick Stockbrokers", "operatesIn", "Ireland")),
    ("The Frankfurt-based lender Norbank said demand in Germany was weak.", ("Norbank", "operatesIn", "Germany")),
    ("Shares in UK drug firm Halcyon closed down 19% on the London Stock Exchange on Monday.",
     ("London Stock Exchange", "operatesIn", "United Kingdom")),
    ("Sales of Texas-based Lonestar Foods rose in the US.", ("Lonestar Foods", "operatesIn", "United States")),
])
def test_a_city_gives_its_named_country(text, fact):
    assert fact in facts_of(text)


@pytest.mark.parametrize("text, company, market", [
    ("Meridane said it had completed the purchase of Dutch start-up Tavrelle Optics.", "Tavrelle Optics",
     "Netherlands"),
    # the parser may hang "start" on the name itself rather than on "up"
    ("Talvio Semiconductor said it had completed the purchase of Dutch start-up Brinnel Photonics.",
     "Brinnel Photonics", "Netherlands"),
    ("It signed a co-production agreement with Nigerian studio Ombeko Pictures.", "Ombeko Pictures", "Nigeria"),
    ("The rival drugs are Lumio, from Denmark's Quensor Pharma, and Ardwyn from U.S.-based Brevik Therapeutics.",
     "Brevik Therapeutics", "United States"),
])
def test_a_start_up_or_a_seat_written_as_one_word_gives_the_firms_country(text, company, market):
    result = extract(text)
    assert company in {e.name for e in result.entities if e.type == "Company"}     # not "U.S.-based Brevik ..."
    assert (company, "operatesIn", market) in {(f.subject, f.predicate, f.object) for f in result.facts}


def test_a_nationality_picks_the_antecedent_that_can_have_it():
    text = ("Nordbank managers met the London Stock Exchange (LSE) this week, its chief has said. Ola Berg met "
            "LSE chief executive Clara Furse amid talk the German group could raise its offer.")
    facts = facts_of(text)
    assert ("Nordbank", "operatesIn", "Germany") in facts
    assert ("London Stock Exchange", "operatesIn", "Germany") not in facts


def test_a_city_gives_no_country_the_article_does_not_name():
    facts = facts_of("The Frankfurt-based lender Norbank said demand was weak.")
    assert not {f for f in facts if f[1] == "operatesIn"}
    # a small town's name in a company's name says nothing: "Toyota" is also a Japanese city
    assert ("Orange Telecom", "operatesIn", "United States") not in facts_of(
        "Orange Telecom cut prices. Rivals in the US followed.")


# ---------------------------------------------------------------------------------------- claims

@pytest.mark.parametrize("text, speaker, about", [
    # the model tags "Bernstein said Stellantis" as one organisation: the name after the verb is kept
    ("Stellantis named a new chief. Analyst Ben Ayoade of Bernstein said Stellantis had lost ground to Toyota.",
     "Ben Ayoade", "Stellantis"),
    ("\"Demand for the Vesta 9 is strong in Japan,\" said Ilse Moreau, chief executive of Kelvaro.",
     "Ilse Moreau", "Vesta 9"),
    ("Ilse Moreau, chief executive of Kelvaro, told Reuters that Brightwater was a tough rival.",
     "Ilse Moreau", "Brightwater"),
    ("Kelvaro is the market leader, according to Northgate Research.", "Northgate Research", "Kelvaro"),
    ("Ilse Moreau, chief executive of Kelvaro, said: \"We will double our sales.\"", "Ilse Moreau", "Kelvaro"),
    ("Ilse Moreau runs Kelvaro. \"Japan is hard,\" she said. \"But Kelvaro will stay.\"", "Ilse Moreau", "Japan"),
    ("\"The Vesta 9 will sell,\" Ilse Moreau told reporters on Monday.", "Ilse Moreau", "Vesta 9"),
    ("Boeing's new chief executive, Kelly Ortberg, told employees the company needed a culture change.",
     "Kelly Ortberg", "Boeing"),
    ("Reuters news agency reported on Friday that Iraq's Oil Ministry had given its first contracts to a Canadian "
     "group.",
     "Reuters", "Iraq"),
    # a passive report: the agent is the source of what the subject is said to have done
    ("Turkey's Everlund is reported by Reuters to have secured a licence to develop an oilfield in northern Iraq.",
     "Reuters", "Iraq"),
    ("Boeing makes the 777-200LR. But the 777-200LR \"will stay a niche product\", Mr Learmount continued. David "
     "Learmount is an editor at Flight International.", "David Learmount", "777-200LR"),
    # the attribution closes the sentence after a comma, whatever the parser made of it
    ("Kelvaro Motors has sold over four million scooters since the model came out and holds 72% "
     "of the sector, market research firm NPD Group has reported.", "NPD Group", "Kelvaro Motors"),
    ("Fjordline is near bankruptcy. Fund manager Florian Hamm - Fjordline's biggest shareholder - said he would put "
     "more cash into Fjordline only if he was given more influence.", "Florian Hamm", "Fjordline"),
    ("On Monday, Agence Nordique Presse reported that a consortium headed by Germany's Siemens had won the deal.",
     "Agence Nordique Presse", "Siemens"),
    ("The Halden Policy Institute claims that Norway will grow faster than Sweden.",
     "Halden Policy Institute", "Sweden"),
    # "she said" after two people: the last one named who may be called "she" ("Mr Fogg" may not)
    ("Ian Fogg, an analyst at Northgate, said firms were worried. \"It is a mess,\" said Mr Fogg. Shelley Taylor "
     "of Halden Research was blunter. \"Kelvaro sells locks,\" she said.", "Shelley Taylor", "Kelvaro"),
    # "he said" after a quote: the person who spoke last, not the one named most often
    ("Tony Lavender of Orvik said Ofcom must act. \"Ofcom should rule,\" Mr Lavender said. \"It will take time,\" "
     "Mr Lavender added. Chris Panayis, managing director of Freedom2go, said the plan was welcome. \"It is the "
     "first good thing we've had from Brightwater,\" he said.", "Chris Panayis", "Brightwater"),
    # the parse hangs the name on another noun: the name right before "said" speaks
    ("Norvik recalled cars. Asked whether Norvik would claim damages from Vantel, the carmaker's chief executive "
     "Karl Brenner said: \"we fix the fault first and talk about money later\".",
     "Karl Brenner", "Norvik"),
    # '"...," NAME, DESCRIPTION, said.' parsed without a subject: the first name after the quote speaks
    ("Kelvo Aid published a report. \"Poor garment workers in places like Bangladesh and Nepal will pay the "
     "price,\" Ravi Menon, Kelvo Aid's head of Trade Policy, said.", "Ravi Menon", "Nepal"),
    # "we" of someone who works for a firm (no title) is that firm
    ("\"Our 90 million members can do a lot of good,\" Kelvo's Dana Ross told the Fjordline News website.",
     "Dana Ross", "Kelvo"),
    # an official's "we" and "our" are the country the office is of
    ("\"Our basic policy is to let open markets set the values,\" said US Treasury Secretary John Snow.",
     "John Snow", "United States"),
    ("\"Our nation is in peril,\" said Ahmed Shaheed, the Maldives' foreign minister.", "Ahmed Shaheed", "Maldives"),
    # urging someone to act says what should be done
    ("Ola Berg of Fjordline Research urged Kelvaro to leave Japan.", "Ola Berg", "Japan"),
    # a nationality in what was said is its country
    ("\"We expect Indian output to shrink,\" said Tom Ridley of Kelvo Research.", "Tom Ridley", "India"),
    # "said the report": the study named last, and all that comes before the attribution is what it said
    ("A study by analysts Skyview Research suggested that broadband was challenging TV. In homes with broadband, "
     "40% said they watched less. TV was most at risk in countries where broadband use was growing fast, especially "
     "Spain, France and the UK, said the report.", "Skyview Research", "Spain"),
])
def test_claims(text, speaker, about):
    claims = extract(text).claims
    assert any(c.speaker == speaker and about in c.about for c in claims), claims


def test_company_statements_are_not_claims_but_sources_are():
    claims = extract("Kelvaro said in a statement that it would sell the Vesta 9 in Japan.").claims
    assert not [c for c in claims if c.speaker == "Kelvaro"]


@pytest.mark.parametrize("text, speaker, not_about", [
    # an analyst's "we" is the analyst's firm: the attribution, not the topic
    ("\"We expect prices in Japan to fall,\" said Ben Ayoade, an analyst at Northgate Research.",
     "Ben Ayoade", "Northgate Research"),
    # "it" inside a quote is not the company the narrative named last
    ("Ilse Moreau spoke to Fjordline News on Monday. \"It will be a hard year in Japan,\" she told the paper.",
     "Ilse Moreau", "Fjordline News"),
    # the interview is where it was said, however the parser hangs it
    ("In an interview with Fjordline News aired on Monday, Ilse Moreau said Japan was a hard market.",
     "Ilse Moreau", "Fjordline News"),
])
def test_claims_are_not_about(text, speaker, not_about):
    claims = extract(text).claims
    assert [c for c in claims if c.speaker == speaker and "Japan" in c.about], claims
    assert not [c for c in claims if c.speaker == speaker and not_about in c.about], claims


@pytest.mark.parametrize("text", [
    # the speaker's own clause is all there is after the attribution: no claim, and no crash
    "\"They ignored our rights,\" said Mr Ekberg, who added that the firm would now hold talks with workers.",
    "Lawyers have tried to paint Mr Ekberg, who has admitted fraud, as the mastermind behind Arcton's losses.",
])
def test_attribution_without_content_is_no_claim_and_no_error(text):
    result = extract(text)
    assert all(c.text for c in result.claims)


def test_an_unattributed_quote_right_after_a_speakers_quote_is_still_theirs():
    text = ('"It suggests employment is growing," said Rick Egelton, deputy chief economist at Northgate Bank. "We '
            'are not getting the boost that Kelvaro Motors promised." "The economy is producing jobs," said Ola Berg, '
            'president of Fjordline Economics.')
    claims = extract(text).claims
    assert any(c.speaker == "Rick Egelton" and "Kelvaro Motors" in c.about for c in claims)
    assert not any(c.speaker == "Ola Berg" and "Kelvaro Motors" in c.about for c in claims)
    assert not any(c.speaker == "Ola Berg" and "Fjordline Economics" in c.about for c in claims)


def test_quoted_as_saying_by_a_magazine_is_the_persons_claim_and_the_magazine_is_the_channel():
    text = ('Fund manager Ola Berg - Fjordline\'s largest investor - said he would invest more in Fjordline. '
            '"I demand better transparency at Fjordline," he is quoted as saying by the German weekly Manager Magazin.')
    claims = extract(text).claims
    assert all(c.speaker == "Ola Berg" for c in claims) and len(claims) == 2
    assert not any({"Germany", "Manager Magazin"} & set(c.about) for c in claims)


def test_calling_oneself_something_is_a_claim_about_what_it_names():
    text = ("Californian Thomas Slade filed the suit. Mr Slade called himself an iTunes customer who \"had no "
            "choice but to buy an Apple iPod\" if he wished to keep playing his songs.")
    assert any(c.speaker == "Thomas Slade" and "iTunes" in c.about for c in extract(text).claims)


def test_a_quote_reopened_without_closing_does_not_make_the_next_narrative_sentence_a_quote():
    text = ("Tom Hale, Brightsoft's principal consultant, said demand was low. \"Acceptance always has a tipping "
            "point. \"With the right approach, the industry can reach this point.\" The tags are used at one "
            "Kelvo Systems centre in the UK.")
    assert not [c for c in extract(text).claims if "Kelvo Systems" in c.about]


def test_a_firm_of_analysts_named_after_its_plural_is_a_source_not_a_person():
    result = extract("Telecom analysts Ovix welcomed the move, saying Kelvo Systems had \"given a lot of ground\".")
    assert {e.name: e.type for e in result.entities}.get("Ovix") == "Company"
    assert [(c.speaker, c.about) for c in result.claims] == [("Ovix", ["Kelvo Systems"])]


def test_a_person_the_model_took_for_a_place_keeps_the_first_names():
    result = extract("Ard Pim Lostrup, Velto's chief economist, said prices rose.")
    assert ("Ard Pim Lostrup", "worksFor", "Velto") in {(f.subject, f.predicate, f.object) for f in result.facts}


def test_it_reported_by_a_company_is_that_company_and_its_rival_is_the_texts_company():
    text = ("Kelvo Systems' Zed 2 will launch in Europe. Kelvo Systems sold a million Zed 2 consoles. Rival Sony has "
            "said that it will launch its first handheld, the Pex 3, in the US in the spring.")
    result = extract(text)
    assert {(e.args["company"], e.args["product"]) for e in result.events if e.type == "ProductLaunch"} >= {("Sony", "Pex 3")}
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert ("Kelvo Systems", "produces", "Pex 3") not in facts and ("Kelvo Systems", "competesWith", "Sony") in facts


def test_saying_one_believes_is_one_claim_not_two():
    text = ("Tom Hale, head of UK equities for Brightwater Investments, said he believed a \"well financed\" 280p "
            "a share bid would be enough for Kelvo Systems.")
    result = extract(text)
    assert len(result.claims) == 1 and "280p" not in {e.name for e in result.entities}


def test_a_public_officer_is_no_executive_of_the_texts_company():
    text = ("Kelvo Systems faces an inquiry. Kelvo Systems said so. This question lies at the core of the "
            "investigation by New York's top law officer, Ola Berg, and a separate prosecution.")
    assert not [f for f in extract(text).facts if f.subject == "Ola Berg"]


def test_mister_inside_a_tagged_name_makes_a_person():
    assert types_of("Gordon Hale spoke. Mr Hale's plan was praised, Mr Hale said.").get("Gordon Hale") == "Person"


def test_a_war_numbered_with_roman_numerals_is_no_product():
    assert "World War II" not in types_of("The plan rebuilt Europe after World War II, Kelvo Systems said.")


def test_the_economy_in_a_quote_is_the_country_in_view():
    result = extract("Japan's economy grew 0.1%. \"The economy is now heading upward,\" said Paul Shore, an "
                     "economist at Lehmann Brothers.")
    assert [(c.speaker, c.about) for c in result.claims] == [("Paul Shore", ["Japan"])]


def test_the_countrys_largest_firm_is_there():
    assert ("Kelvo", "operatesIn", "Brazil") in facts_of("Brazil's output rose. Kelvo is the country's largest carmaker.")


def test_earning_an_amount_is_a_result():
    events = [e for e in extract("During the same quarter, Vantel earned $187m.").events if e.type == "FinancialResult"]
    assert [(e.args["company"], e.args["metric"], e.args["amount"]) for e in events] == [("Vantel", "earnings", 187e6)]


@pytest.mark.parametrize("text, fact", [
    # two subjects in the parse ("video game" and the name): the named one
    ("Kelvo makes games. Kelvo video game Zorbix 2 was released in the US in March.",
     ("Zorbix 2", "availableIn", "United States")),
    ("Zorbix 2 is out in the US in March and in the UK in April.", ("Zorbix 2", "availableIn", "United Kingdom")),
])
def test_a_product_released_or_out_in_a_country_is_available_there(text, fact):
    assert fact in facts_of(text)


def test_a_company_that_pulled_out_is_not_available_but_absent():
    assert ("Kelvo Systems", "absentFrom", "Russia") in facts_of("Kelvo Systems pulled out of Russia in March.")


def test_a_product_placed_in_a_country_is_available_there_not_present():
    from kg.extract.pipeline import _products_are_available
    from kg.model import Entity, Evidence, Fact
    where = Evidence("t.txt", "s", 0, 1)
    entities = {"Zephyr 5": Entity("Product", "Zephyr 5"), "Kelvo": Entity("Company", "Kelvo")}
    facts = [Fact("Zephyr 5", "operatesIn", "Japan", where), Fact("Zephyr 5", "targetsMarket", "India", where),
             Fact("Kelvo", "operatesIn", "Japan", where)]
    assert [(f.subject, f.predicate, f.object) for f in _products_are_available(facts, entities)] == [
        ("Zephyr 5", "availableIn", "Japan"), ("Kelvo", "operatesIn", "Japan")]


def test_a_sector_word_before_firms_opening_a_sentence_is_no_name():
    assert "Technology" not in types_of("Technology firms Kelvo and Norvik are developing a new format.")


def test_a_conference_is_no_company():
    text = "The phones were shown at the Mobile World Congress in Barcelona, Kelvo Systems said."
    assert any("Mobile World Congress" in ent.text for ent in load_model()(text).ents)   # the model names it
    assert not [name for name in types_of(text) if "Congress" in name]


def test_a_title_and_a_name_coordinated_as_the_subject_speak_as_the_person():
    result = extract("\"Now that our restatements are done we have a firm footing,\" said Nortex president "
                     "and chief executive Bill Owen.")
    assert [(c.speaker, c.about) for c in result.claims] == [("Bill Owen", ["Nortex"])]


def test_a_leader_named_in_full_is_a_person_but_a_market_leader_is_a_firm():
    assert types_of("\"Engines will go,\" said union leader Vincenzo Lillo, as reported by Reuters.").get(
        "Vincenzo Lillo") == "Person"
    assert types_of("Its rivals - market leader Mengtai Dairy and Brightfield Dairy - dominate the market.").get(
        "Mengtai Dairy") == "Company"


def test_mr_and_a_surname_join_the_full_name():
    text = "Steve Ash, from Activcard, told the BBC that banks would change. \"It is a long number,\" said Mr Ash."
    people = [e for e in extract(text).entities if e.type in ("Person", "Executive")]
    assert [(p.name, sorted(p.aliases)) for p in people] == [("Steve Ash", ["Mr Ash"])]
    assert {c.speaker for c in extract(text).claims} == {"Steve Ash"}


def test_a_description_inside_a_quote_is_not_the_narratives_company():
    text = ("Norvik Security sells card readers to banks. Ola Berg, from Activcard, described the method. "
            "\"The smart part takes place on the bank's own secure servers,\" said Mr Berg.")
    assert not any("Norvik Security" in c.about for c in extract(text).claims)


def test_continuing_is_speech_only_for_a_speaker():
    assert not extract("Sales continued to grow at Kelvaro Motors in Japan.").claims


def test_it_in_a_claim_is_not_the_speakers_own_firm():
    text = ("Sam Linton, director of Spamhaus, predicted that if many spammers adopt this trick it "
            "could bring about the collapse of e-mail.")
    assert not any("Spamhaus" in c.about for c in extract(text).claims)


def test_a_quote_attributed_to_somebody_unnamed_is_not_the_last_speakers():
    text = ("Ilse Moreau runs Kelvaro. \"Japan is hard,\" she said. \"Brightwater will follow soon.\" "
            "\"Prices in Japan will rise,\" a Kelvaro spokesman told reporters.")
    claims = [c for c in extract(text).claims if c.speaker == "Ilse Moreau"]
    assert [c.text for c in claims] == ["Japan is hard"]


# ---------------------------------------------------------------------------------------- events

def test_launch_with_date_relative_to_publication():
    (event,) = [e for e in extract("Tovalla launched the Aurel Pro on Tuesday.", "2025-06-06").events
                if e.type == "ProductLaunch"]
    assert event.args == {"company": "Tovalla", "product": "Aurel Pro"}
    assert event.date == "2025-06-03"


def test_price_and_financial_result():
    events = extract("The Zephyr X5 costs $899. Arcton reported revenue of US$15.8 billion for 2024.").events
    price = next(e for e in events if e.type == "ProductPrice")
    assert (price.args["product"], price.args["amount"], price.args["currency"]) == ("Zephyr X5", 899, "USD")
    result = next(e for e in events if e.type == "FinancialResult")
    assert (result.args["company"], result.args["amount"], result.args["currency"], result.args["period"]) == \
        ("Arcton", 15.8e9, "USD", "2024")


def test_sales_figures_of_two_companies_in_one_sentence_each_go_to_their_own():
    events = extract("Halden Stores has annual sales of $15.6bn, while Corvo Group's yearly sales are $14.4bn.").events
    results = {(e.args["company"], e.args["metric"], e.args["amount"]) for e in events if e.type == "FinancialResult"}
    assert results == {("Halden Stores", "sales", 15.6e9), ("Corvo Group", "sales", 14.4e9)}


@pytest.mark.parametrize("text", [
    "Halden Motors has forecast a net loss of 390bn yen for the current financial year.",
    "On 2003 numbers the combined producer would have sales of over $4bn, Halden estimated.",
    "Shares in Halden rose, with analysts saying sales of $600m a year were possible.",
])
def test_a_forecast_or_possible_figure_is_no_financial_result(text):
    assert not [e for e in extract(text).events if e.type == "FinancialResult"]


def test_a_figure_in_a_clause_beside_the_subjects_is_the_subjects():
    events = extract("Overall, Halden Motors saw vehicle sales rise 6% to 3.9 million in 2004 while total revenues "
                     "added 5% to 142bn euros.").events
    assert ("Halden Motors", 142e9) in {(e.args["company"], e.args["amount"]) for e in events
                                         if e.type == "FinancialResult"}


def test_a_product_launched_in_markets_with_its_price():
    result = extract("Kelvaro launched its electric scooter, the Zephyr S, in France and Spain on Monday, priced at "
                     "499 euros.", published="2025-06-06")
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Kelvaro", "produces", "Zephyr S"), ("Zephyr S", "availableIn", "France"),
            ("Zephyr S", "availableIn", "Spain")} <= facts
    assert [(e.args["product"], e.args["amount"], e.args["currency"]) for e in result.events
            if e.type == "ProductPrice"] == [("Zephyr S", 499, "EUR")]


def test_called_off_talks_and_a_terminated_agreement_are_cancellations_not_partnerships():
    events = extract("Norvik Motors and Velmont Motors called off merger talks in February. Kelvaro terminated its "
                     "supply agreement with Brightwater Foods on Friday.", published="2025-06-06").events
    cancelled = {tuple(sorted(e.args["parties"])) for e in events if e.type == "DealCancellation"}
    assert cancelled == {("Norvik Motors", "Velmont Motors"), ("Brightwater Foods", "Kelvaro")}
    assert not [e for e in events if e.type == "PartnershipAgreement"]


@pytest.mark.parametrize("text, agreed", [
    ("US retail giant Halden Stores is to buy rival Corvo Group for $11bn.", True),
    ("Vantel has won a takeover battle for US telecoms group Telco with a bid worth $7.2bn.", True),
    ("Vantel will acquire Kelvo Systems in a deal worth $1bn.", True),
    ("Vantel plans to buy Kelvo Systems.", False),
    ("Vantel would buy Kelvo Systems if allowed.", False),
    ("Vantel bought Kelvo Systems in May.", False),          # done: a subsidiary, no deal pending
])
def test_an_agreed_takeover_is_a_deal_between_the_two(text, agreed):
    result = extract(text)
    deals = [e.args["parties"] for e in result.events if e.type == "PartnershipAgreement"]
    assert bool(deals) is agreed
    assert (len([f for f in result.facts if f.predicate == "partnersWith"]) == 1) is agreed


def test_a_deal_not_signed_is_no_partnership():
    assert not [f for f in extract("Kelvaro Foods did not sign a deal with Brightwater Foods.").facts
                if f.predicate == "partnersWith"]


def test_a_change_of_name_is_a_rebrand():
    events = extract("Facebook changed its name to Meta in 2021.").events
    assert [(e.type, e.args["company"]) for e in events] == [("Rebrand", "Facebook")]


def test_deals_with_two_companies_are_two_deals_but_an_agreement_with_two_is_one():
    events = extract("Airbus has lately signed new deals with two Indian carriers - Air Deccan and "
                     "Kingfisher Airlines. Kelvaro signed an agreement with Brightwater Foods and Halden Group to "
                     "build a plant.").events
    deals = sorted(sorted(e.args["parties"]) for e in events if e.type == "PartnershipAgreement")
    assert deals == [["Air Deccan", "Airbus"], ["Airbus", "Kingfisher Airlines"],
                     ["Brightwater Foods", "Halden Group", "Kelvaro"]]


@pytest.mark.parametrize("text, name", [
    ("Boeing said it expects to sell roughly 450 of its 777-200LR planes by 2025.", "777-200LR"),
])
def test_hyphenated_model_numbers_are_one_product(text, name):
    assert types_of(text).get(name) == "Product"


def test_an_acronym_in_brackets_is_not_part_of_the_name():
    assert "Hindustan Aeronautics" in types_of("The deal was signed with Hindustan Aeronautics (HAL) on Monday.")


def test_a_launch_in_a_clause_after_a_relative_pronoun_is_the_companys():
    events = {(e.type, e.args.get("company"), e.args.get("product"))
              for e in extract("Kelvaro, which opened its store in 2003 after launching the Zephyr in 2001, grew.").events}
    assert ("ProductLaunch", "Kelvaro", "Zephyr") in events


def test_the_product_noun_points_back_at_the_product_of_that_kind_and_each_maker_launches_it():
    text = ("Vantel, Kelvo Systems and Norvik Motors, who have spent years on the Zell 9 processor, will unveil the chip "
            "at a trade fair.")
    launches = {(e.args["company"], e.args["product"]) for e in extract(text).events if e.type == "ProductLaunch"}
    assert launches == {("Vantel", "Zell 9"), ("Kelvo Systems", "Zell 9"), ("Norvik Motors", "Zell 9")}


def test_a_product_noun_of_another_kind_points_at_no_product():
    text = "Kelvaro sells the Zephyr 5 phone. Kelvaro will unveil the drug next week."
    assert not [e for e in extract(text).events if e.type == "ProductLaunch"]


def test_a_model_number_the_tagger_reads_as_a_date_is_a_product():
    assert types_of("Kelvaro sells the Zephyr 5 phone.").get("Zephyr 5") == "Product"
    assert "Fiscal 2005" not in types_of("Sales rose in Fiscal 2005, Kelvaro said.")


def test_a_companys_named_thing_is_its_product_each_with_its_own_owner():
    text = "The success of products such as Kelvo's Playstar, Norvik's Z-Box and Halden's Game Cube grew demand."
    facts = facts_of(text)
    assert {("Kelvo", "produces", "Playstar"), ("Norvik", "produces", "Z-Box")} <= facts
    assert ("Norvik", "produces", "Playstar") not in facts and ("Kelvo", "produces", "Z-Box") not in facts


def test_a_possessive_inside_one_tagged_name_splits_it_unless_the_rest_names_a_body():
    types = types_of("Star of the show will be Kelvo's Qrio Robot, an all-singing man-machine.")
    assert types.get("Qrio Robot") == "Product" and types.get("Kelvo") == "Company"
    types = types_of("The Danish Bankers' Association (DBA) reported weak lending.")
    assert "Danish Bankers' Association" in types and "Danish Bankers" not in types


def test_a_company_subject_owned_by_another_stays_a_company():
    assert ("K-Mobile", "subsidiaryOf", "Deutsche Telnet") in facts_of(
        "Shares in Deutsche Telnet rose. Deutsche Telnet's K-Mobile said sales rose.")


def test_a_lower_case_word_after_a_bare_hyphen_stays_in_the_name():
    types = types_of("A Blu-ray disc will hold more, while Toshiba's HD-DVD will not. Blu-ray is backed by Sony.")
    assert "Blu-ray" in types and "Blu" not in types


def test_shipping_a_number_of_units_is_no_launch():
    events = extract("According to Northgate Research, Apple shipped 58 million iPhones in the quarter.").events
    assert not [e for e in events if e.type == "ProductLaunch"]


def test_a_sale_of_a_unit_is_no_financial_result():
    assert not [e for e in extract("Halden agreed the sale of its unit for $2bn.").events if e.type == "FinancialResult"]


def test_an_amount_near_a_product_is_no_price_without_a_word_of_pricing():
    text = ("Halvard withdrew the Zentrol pill. Halvard halted sales of Zentrol on 12 October, a decision which "
            "drove the group's losses up to $1.1bn.")
    assert not [e for e in extract(text).events if e.type == "ProductPrice"]


def test_a_figure_belongs_to_the_subject_not_to_the_first_name():
    events = extract("Lumio owner Arcton reported a net profit of 5.4 billion euros for 2023.").events
    (result,) = [e for e in events if e.type == "FinancialResult"]
    assert result.args["company"] == "Arcton"


def test_a_figure_is_not_the_possessors_of_a_description():
    text = "Kestrel, Arcton's biggest customer, reported revenue of $22 billion last quarter."
    (result,) = [e for e in extract(text).events if e.type == "FinancialResult"]
    assert result.args["company"] == "Kestrel"


def test_the_date_compared_with_is_not_the_events_date():
    events = extract("Kestrel reported quarterly revenue of $2.1 billion, up 26% from a year ago.",
                     published="2025-06-06").events
    (result,) = [e for e in events if e.type == "FinancialResult"]
    assert result.args["company"] == "Kestrel" and result.date is None


def test_partnership_event_with_scope():
    (event,) = [e for e in extract("Arcton signed an agreement with Velmont to work together in the fields "
                                   "of batteries, software and charging.").events
                if e.type == "PartnershipAgreement"]
    assert sorted(event.args["parties"]) == ["Arcton", "Velmont"]
    assert event.args["scope"] == ["batteries", "software", "charging"]


def test_a_deal_of_one_company_whose_name_holds_and_is_no_partnership_with_itself():
    events = extract("Irish publishing group Kelvo News & Media is buying a 26% stake in Indian newspaper company "
                     "Vantel in a deal worth 25m euros.").events
    deals = [sorted(e.args["parties"]) for e in events if e.type == "PartnershipAgreement"]
    assert deals == [["Kelvo News & Media", "Vantel"]], deals      # the stake's deal, and no deal with itself


def test_an_agreed_merger_in_a_relative_clause_is_the_named_companys():
    result = extract("The court was challenged by Vantel, a former unit of Russian gas monopoly Kelvo Systems, "
                     "which is due to merge with Norvik Motors.")
    assert ("Kelvo Systems", "partnersWith", "Norvik Motors") in {(f.subject, f.predicate, f.object)
                                                                 for f in result.facts}


@pytest.mark.parametrize("text, company, product", [
    ("Vantel's Zephyr 5 phone was launched in May.", "Vantel", "Zephyr 5"),
    ("Some 90 million songs have been bought from Vantel's Tunebox music store since it was launched.",
     "Vantel", "Tunebox"),
    ("Kelvo will enter the market in May with its Playstar Portable.", "Kelvo", "Playstar Portable"),
    ("Danish handset maker Vantel Mobile began selling its Zephyr 5 foldable phone in Chile on Monday.",
     "Vantel Mobile", "Zephyr 5"),
])
def test_launches_in_the_passive_and_by_entering_a_market_with_a_product(text, company, product):
    events = extract(text).events
    assert any(e.type == "ProductLaunch" and e.args == {"company": company, "product": product} for e in events), events


def test_selling_that_will_start_is_a_market_to_come_not_a_launch():
    events = extract("Vantel Mobile has sold the Zephyr 5 in Denmark since 2024. Vantel Mobile will start selling "
                     "the Zephyr 5 in Chile next spring.").events
    assert not [e for e in events if e.type == "ProductLaunch"], events


@pytest.mark.parametrize("text, name", [
    ("Vantel is building the next version of its software (codenamed Redfield).", "Redfield"),
    ("The players support a Kelvo Systems technology known as Zorbix. Zorbix is popular.", "Zorbix"),
])
def test_a_codename_and_a_technology_known_as_a_name_are_products(text, name):
    assert types_of(text).get(name) == "Product"


def test_a_category_in_title_case_holds_no_home_country():
    text = "Kelvo sells phones in China.\n\nSEE ALSO: Top Chinese Mobile Phone Brands"
    assert not [f for f in facts_of(text) if f[0].endswith("Brands")]


def test_a_bare_model_number_after_its_makers_possessive_is_its_product():
    assert ("Kelvo", "produces", "777") in facts_of("It has been producing a rival to Kelvo's 777 line for a year.")
    quantities = "Kelvo sold 200 planes. Kelvo's 2004 results were good. Kelvo's 300 planes flew. It has 300 staff."
    assert not [e for e in extract(quantities).entities if e.type == "Product"]


def test_a_capitalised_verb_inside_a_sentence_before_a_name_begins_the_name():
    text = "Shares in Ask Vantel rose. Neither Ask Vantel nor Doubleclick pleased investors, and Ask Vantel said profits rose."
    assert types_of(text).get("Ask Vantel") == "Company"
    # a sentence may open with a verb
    assert "Ask Vantel" not in types_of("Kelvo Systems sold phones to Vantel. Ask Vantel what it thinks, analysts said.")


def test_a_name_with_users_is_a_product():
    assert types_of("Zorbix users will get a free update, Kelvo said. Zorbix is popular.").get("Zorbix") == "Product"


def test_a_name_before_based_that_is_no_place_is_a_product():
    text = ("The emergence of players such as the Windows-based Zen portable media player was noted. Many "
            "Windows-based devices do not offer it. Vantel makes the Windows-based Zephyr 5.")
    assert types_of(text).get("Windows") == "Product"
    assert not [n for n, t in types_of("The UK-based Vantel makes phones.").items() if t == "Product"]


def test_a_name_before_based_is_a_platform_product_that_only_qualifies_the_launched_thing():
    result = extract("Kelvo launched a Norvix-based player called the Zephyr 5 in March.")
    assert {e.name: e.type for e in result.entities}.get("Norvix") == "Product"
    launched = {e.args["product"] for e in result.events if e.type == "ProductLaunch"}
    assert launched == {"Zephyr 5"}


def test_a_passive_launch_is_by_the_maker_the_document_names_elsewhere():
    events = extract("Kelvo Studios makes the Zorbix 2 game. Zorbix 2 was released in May.").events
    assert [e.args for e in events if e.type == "ProductLaunch"] == [{"company": "Kelvo Studios", "product": "Zorbix 2"}]


def test_a_passive_launch_of_a_product_without_a_named_maker_is_no_event():
    events = extract("The Zephyr 5 phone was launched in May.").events
    assert not [e for e in events if e.type == "ProductLaunch"]


@pytest.mark.parametrize("text, parties", [
    # an amount in brackets trips the parse: "accepted a ... buyout from" still names the buyer
    ("Kelvo Systems accepted a $2.1bn (£1.1bn) buyout from phone group Vantel on Friday, spurning a bigger bid "
     "from Brightwater.", ["Kelvo Systems", "Vantel"]),
    # a stake bought "in a deal": the company whose stake it is
    ("Danish publisher Kelvo Media is buying a 30% stake in Polish radio company Vantel in a deal worth 40m euros.",
     ["Kelvo Media", "Vantel"]),
    # the parties named before the deal noun
    ("The Norvik Motors and Kelvo Systems joint venture will build engines in Hungary.",
     ["Kelvo Systems", "Norvik Motors"]),
])
def test_deals_whose_parties_the_grammar_names_around_the_deal(text, parties):
    events = extract(text).events
    assert any(e.type == "PartnershipAgreement" and sorted(e.args["parties"]) == parties for e in events), events


def test_a_rejected_offer_is_no_deal():
    events = extract("Kelvo's board approved the plan, turning down a bid from Vantel.").events   # (both named)
    assert not [e for e in events if e.type == "PartnershipAgreement"]


@pytest.mark.parametrize("text, company", [
    ("Kelvo Brewing sold beer. The firm, formerly Norbrew, is now the largest brewer in Europe.",
     "Kelvo Brewing"),
    ("Formerly known as Vantel, Kelvo Systems is a long-distance phone firm.", "Kelvo Systems"),
])
def test_a_former_name_is_a_rebrand_of_the_company_that_had_it(text, company):
    events = [e for e in extract(text).events if e.type == "Rebrand"]
    assert [e.args["company"] for e in events] == [company], events


def test_formerly_without_a_name_is_no_rebrand():
    events = extract("Kelvo Systems, formerly famous for its films, will expose the shake-up.").events
    assert not [e for e in events if e.type == "Rebrand"]


def test_cancelled_deal():
    events = extract("Skyrune cancelled its deal with Fjordline to lease the Orca 7 jets.").events
    (event,) = [e for e in events if e.type == "DealCancellation"]
    assert sorted(event.args["parties"]) == ["Fjordline", "Skyrune"]


def test_cancelled_deal_reported_by_the_other_party():
    events = extract("Halvard said Japan's Kemori Pharmaceutical would probably end their licensing agreement.").events
    (event,) = [e for e in events if e.type == "DealCancellation"]
    assert sorted(event.args["parties"]) == ["Halvard", "Kemori Pharmaceutical"]


def test_an_eponym_in_a_term_is_no_company():
    assert "Alzheimer" not in types_of("Halvard will stop work on an experimental Alzheimer's disease treatment.")


def test_a_service_called_by_name_is_a_launched_product():
    text = "Arcton is taking on Velmont. It is launching a test service for online diaries, called Arcton Pages."
    result = extract(text)
    assert {e.name: e.type for e in result.entities}.get("Arcton Pages") == "Product"
    assert [(e.args["company"], e.args["product"]) for e in result.events if e.type == "ProductLaunch"] == \
        [("Arcton", "Arcton Pages")]
    assert ("Arcton", "produces", "Arcton Pages") in {(f.subject, f.predicate, f.object) for f in result.facts}


def test_an_entry_planned_beside_a_store_opening_is_no_store_opening():
    text = "Piko opened its first three stores in Italy on Tuesday and said it plans to enter Austria in 2026."
    events = {(e.type, e.args.get("market")) for e in extract(text, published="2025-05-06").events}
    assert ("StoreOpening", "Italy") in events and ("MarketEntry", "Austria") in events
    assert ("StoreOpening", "Austria") not in events


def test_store_opening():
    events = extract("Brightwater opened its first store in Portugal last week.").events
    assert any(e.type == "StoreOpening" and e.args == {"company": "Brightwater", "market": "Portugal"} for e in events)


def test_evidence_points_at_the_sentence():
    text = "Kelvaro makes ovens. Tovalla launched the Aurel Pro on Tuesday."
    fact = next(f for f in extract(text).facts if f.object == "Aurel Pro")
    assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.sentence == \
        "Tovalla launched the Aurel Pro on Tuesday."


def test_appositive_owned_firm_is_a_subsidiary():
    assert ("Lumio Capital", "subsidiaryOf", "Arcton") in facts_of(
        "The deals involved Lumio Capital, Arcton's private equity firm, last year.")
    assert ("Lumio Capital", "subsidiaryOf", "Arcton") not in facts_of(
        "Lumio Capital, a private equity firm, bought a stake in Arcton.")


def test_every_founder_and_the_copular_subsidiary():
    facts = facts_of("Velmont was founded by Dana Okafor and Lee Marsh in 2009.")
    assert {("Dana Okafor", "executiveOf", "Velmont"), ("Lee Marsh", "executiveOf", "Velmont")} <= facts
    assert ("Lumio", "subsidiaryOf", "Arcton") in facts_of("Lumio is a subsidiary of Arcton.")


# ---------------------------------------------------------------------------------------- the article's author

COLUMN = ("Who guards the laptop?\n\n"
          "You can now buy a locked-down PC, but can we trust the makers, asks technology analyst Ben Corrin.\n\n"
          "If you recently bought a Kelvo laptop, a chip made by Vantel is inside it. "
          "\"Vantel sells millions,\" said Ola Berg of Norvik Research.")


def test_a_columns_named_author_asserts_what_the_column_says_in_its_own_voice():
    claims = extract(COLUMN).claims
    assert any(c.speaker == "Ben Corrin" and {"Kelvo", "Vantel"} <= set(c.about) for c in claims), claims
    # a quoted source keeps its own words
    assert not any(c.speaker == "Ben Corrin" and "Norvik Research" in c.about for c in claims), claims


def test_a_source_quoted_in_a_news_lead_is_no_author():
    text = ("Profits at Kelvo will rise, says analyst Ben Corrin.\n\n"
            "Kelvo sold a million laptops in Japan last year.")
    claims = extract(text).claims
    assert not any(c.speaker == "Ben Corrin" and "Japan" in c.about for c in claims), claims


def test_a_bylined_authors_first_person_view_is_a_claim_the_rest_is_not():
    text = ("By Ann Tovey\n\n"
            "Kelvo sold a million laptops in Japan last year. "
            "I think Vantel will overtake it.")
    claims = extract(text).claims
    assert any(c.speaker == "Ann Tovey" and "Vantel" in c.about for c in claims), claims
    assert not any(c.speaker == "Ann Tovey" and "Japan" in c.about for c in claims), claims


@pytest.mark.parametrize("text, person, company", [
    ("Ola Berg, general secretary of the Norvik Dockers Union, said the strike would go on.",
     "Ola Berg", "Norvik Dockers Union"),
    ("Tom Hale, treasurer of the Aerona Pilots Association, told reporters pay was too low.",
     "Tom Hale", "Aerona Pilots Association"),
    ("Norvik Pilots Association treasurer Tom Hale said pay was too low.", "Tom Hale", "Norvik Pilots Association"),
])
def test_union_and_association_officers_are_executives(text, person, company):
    assert (person, "executiveOf", company) in facts_of(text)


def test_an_acronym_in_brackets_after_a_title_is_the_organisation_not_a_person():
    text = ("Ola Berg, general secretary of the Centre of Norvik Dock Unions (CNDU), said the plan was wrong. "
            "The CNDU has 40,000 members.")
    types = types_of(text)
    assert types.get("Centre of Norvik Dock Unions") == "Company" and types.get("CNDU") is None
    assert ("Ola Berg", "executiveOf", "Centre of Norvik Dock Unions") in facts_of(text)


def test_a_government_secretary_is_no_executive_of_the_texts_company():
    text = ("Kelvo Systems backs the plan. Kelvo Systems said so. But Treasury Under-Secretary Tom Hale said the "
            "government could not support it.")
    assert not [f for f in extract(text).facts if f.subject == "Tom Hale"]


def test_an_architect_works_for_the_company_named_after_at():
    result = extract('"Threats are changing," said Ann Roe, chief security architect at Vantelco.')
    assert {e.name: e.type for e in result.entities}.get("Vantelco") == "Company"
    assert {(f.subject, f.object) for f in result.facts} >= {("Ann Roe", "Vantelco")}


@pytest.mark.parametrize("text, person, company", [
    ("Kelvo Media, the media company controlled by billionaire Tom Hale, is eyeing a move into games.",
     "Tom Hale", "Kelvo Media"),
    ("Brightwater Stores is owned by Rosa Lind, who opened the first shop in 1990.", "Rosa Lind", "Brightwater Stores"),
])
def test_a_person_who_controls_or_owns_a_company_leads_it(text, person, company):
    assert (person, "executiveOf", company) in facts_of(text)


@pytest.mark.parametrize("text", [
    "Tom Hale owns a stake in Kelvo Media.",
    "Tom Hale owns Kelvo Media.",                      # only a passive's agent: "Acme owns Foo" is a subsidiary
    "Kelvo Media is partly owned by Tom Hale.",
    "Brightwater Stores is not owned by Rosa Lind, the company said.",
    "Kelvo Media, which was formerly controlled by Tom Hale, is eyeing a move into games.",
    "Brightwater Stores was not founded by Rosa Lind.",
])
def test_a_stake_a_part_a_past_or_a_denial_is_no_leadership(text):
    assert not [f for f in extract(text).facts if f.predicate == "executiveOf"]


def test_who_heads_a_companys_team_leads_it():
    result = extract('"We warn all our clients," said Ann Roe, who heads Vantel-Safe\'s security team.')
    assert {e.name: e.type for e in result.entities}.get("Vantel-Safe") == "Company"
    assert ("Ann Roe", "executiveOf", "Vantel-Safe") in {(f.subject, f.predicate, f.object) for f in result.facts}


@pytest.mark.parametrize("text", [
    "Zorba began life as a lab project - a spin-off from Swedish telecoms group Telvik.",
    "Zorba was set up as a unit of Telvik in 1995.",
])
def test_a_company_that_began_as_a_spin_off_or_unit_is_a_subsidiary(text):
    assert ("Zorba", "subsidiaryOf", "Telvik") in facts_of(text)


def test_working_as_a_supplier_is_no_subsidiary():
    assert not [f for f in extract("Zorba works as a supplier of Telvik.").facts if f.predicate == "subsidiaryOf"]


@pytest.mark.parametrize("text, speaker, about", [
    ("Recent data from the Norvik Retail Consortium showed a 0.5% fall in sales in the UK.",
     "Norvik Retail Consortium", "United Kingdom"),
    ("Prices rose in the UK, a Vantelstat study found.", "Vantelstat", "United Kingdom"),
    ("More than 54 million people in Europe use broadband, according to market analysts Vantelstat.",
     "Vantelstat", "Europe"),
    ("The report by Vantelstat found that broadband use rose. The number of Germans online rose by 12%, the report "
     "showed.", "Vantelstat", "Germany"),
    ("The report by Vantelstat found that broadband use rose. The number of people online rose by 12%, the report "
     "showed, with the largest gains in France and Italy.", "Vantelstat", "Italy"),
])
def test_a_research_source_reports_its_findings(text, speaker, about):
    assert any(c.speaker == speaker and about in c.about for c in extract(text).claims)


def test_where_a_quote_was_told_or_reported_is_not_what_it_is_about():
    text = ('"Sales will grow in Europe," Ann Roe, Vantel\'s chief executive, told a news briefing at the Kelvo '
            'Expo in Nice. "Prices will fall," said union leader Tom Hale, as reported by the Norvik news agency.')
    abouts = {name for c in extract(text).claims for name in c.about}
    assert "Europe" in abouts and not {"Kelvo Expo", "Norvik"} & abouts


def test_competitors_named_as_a_subject_are_not_guessed_to_be_the_texts_companys():
    text = ("Kelvo Telecom wants to sell phones in the US. Well-known competitors like Vantel and Plusnet are "
            "struggling to hold on to their market share.")
    assert not [f for f in facts_of(text) if f[1] == "competesWith"]


def test_a_company_apposition_the_parse_read_as_two_subjects():
    facts = facts_of("Aerona dropped 2.4%. Malaysia's budget airline, Skyvia fell 2.1%.")
    assert ("Skyvia", "operatesIn", "Malaysia") in facts
    assert not [f for f in facts_of("Vantel became Germany's largest carrier, Kelvo said.") if f[0] == "Kelvo"]


def test_a_project_bringing_companies_together_makes_each_two_partners():
    text = "Vantel also announced the Rethink project bringing together Aerona and Norvik Motors to promote recycling."
    result = extract(text)
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Vantel", "partnersWith", "Aerona"), ("Vantel", "partnersWith", "Norvik Motors"),
            ("Aerona", "partnersWith", "Norvik Motors")} <= facts
    assert [sorted(e.args["parties"]) for e in result.events if e.type == "PartnershipAgreement"] == [
        ["Aerona", "Norvik Motors", "Vantel"]]
    assert not [f for f in facts_of("The summit did not bring together Vantel and Norvik Motors.")
                if f[1] == "partnersWith"]


@pytest.mark.parametrize("text, name", [
    ("Swiss Re said its profits rose 5% in 2004.", "Swiss Re"),
    ("Munich Re said its profits rose 5% in 2004.", "Munich Re"),
])
def test_a_nationality_or_city_that_begins_a_reinsurers_name_is_part_of_it(text, name):
    assert types_of(text).get(name) == "Company"


@pytest.mark.parametrize("text", [
    ("A question of trust\n\nA big ministry lost its e-mail for five days, so technology analyst Ben Corrin wants to "
     "know why.\n\nConsultants from Kelvo and Vantel struggled to fix the network for days."),
    ("A question of trust\n\nThe network was down for days. I think Vantel will lose customers to Kelvo Systems."
     "\n\nBen Corrin is a regular commentator on the Norvik Radio programme Go Digital."),
])
def test_a_column_whose_standfirst_or_bio_names_a_commentator_is_that_persons(text):
    claims = extract(text).claims
    assert any(c.speaker == "Ben Corrin" and "Vantel" in c.about for c in claims), claims


def test_a_government_agency_is_no_company_but_a_news_agency_is():
    assert "Norvik Energy Agency" not in types_of("The Norvik Energy Agency said oil demand in China would rise.")
    assert types_of("The Kelvo News Agency said oil demand in China would rise.").get("Kelvo News Agency") == "Company"


def test_what_is_marketed_or_made_is_a_product_what_is_sold_may_be_a_company():
    text = ("Kelvo, Vantel and Aerona have worked on the Zirrus processor for three years. Zirrus may also be "
            "marketed as a chip for cars. The first machines using the Zirrus processor will be "
            "servers.")
    assert types_of(text).get("Zirrus") == "Product"
    assert types_of("Brightwater was sold to Norvik Motors in 2004. Brightwater has 40 shops.").get(
        "Brightwater") == "Company"
    assert types_of("Aerona was launched in 2002 as a budget airline and now flies to 40 cities.").get(
        "Aerona") == "Company"


def test_a_sequel_number_makes_no_maker_of_the_name_before_it():
    result = extract("Vantel video game Zorba 2 has been released in Canada this week.")
    assert "Zorba" not in {e.name for e in result.entities}
    assert not [f for f in result.facts if f.subject == "Zorba"]


def test_a_passive_release_of_a_product_named_in_apposition_is_its_makers_launch():
    result = extract("Kelvo's video game Zorba 2 has been released in Canada.")
    assert [(e.args["company"], e.args["product"]) for e in result.events if e.type == "ProductLaunch"] == [
        ("Kelvo", "Zorba 2")]


def test_a_ministers_capitalised_title_is_no_part_of_the_name_and_our_economy_is_the_countrys():
    text = ("The Peruvian government is regaining control of Aerolinea Andina. \"The government wants a strong "
            "national carrier that helps our economy grow,\" said Finance Minister Ana Ruiz.")
    result = extract(text)
    assert "Ana Ruiz" in {e.name for e in result.entities}
    assert any(c.speaker == "Ana Ruiz" and "Peru" in c.about for c in result.claims)


def test_a_minister_in_news_of_two_countries_speaks_for_neither():
    text = ("Peru and Chile signed a trade deal. \"Our economy will grow,\" said Finance Minister Ana Ruiz.")
    claims = [c for c in extract(text).claims if c.speaker == "Ana Ruiz"]
    assert claims and not {"Peru", "Chile"} & {name for c in claims for name in c.about}


@pytest.mark.parametrize("text", [
    "Vantel Corp said on Tuesday it would buy Kelvo Systems for about $4.2 billion in cash.",
    "Vantel Corp has agreed to buy Kelvo Systems for $2bn.",
])
def test_a_takeover_reported_as_would_buy_or_agreed_to_buy_is_a_deal(text):
    result = extract(text)
    assert ("Vantel Corp", "partnersWith", "Kelvo Systems") in {(f.subject, f.predicate, f.object) for f in result.facts}
    assert [e.type for e in result.events] == ["PartnershipAgreement"]


@pytest.mark.parametrize("text", [
    "Vantel Corp said it would buy Kelvo Systems if the price fell.",
    "Vantel Corp said it would not buy Kelvo Systems.",
    "Analysts said Vantel Corp would buy Kelvo Systems.",
    "Vantel Corp said it would probably buy Kelvo Systems.",
    "Vantel Corp said it would have bought Kelvo Systems had the price been lower.",
])
def test_a_conditional_or_denied_takeover_is_no_deal(text):
    assert not extract(text).events


def test_a_capitalised_title_after_a_company_in_one_run_of_names_is_the_title():
    result = extract('"Vantel gives us a lead," Kelvo Systems Chief Executive Officer Maria Chen told analysts.')
    assert ("Maria Chen", "executiveOf", "Kelvo Systems") in {(f.subject, f.predicate, f.object) for f in result.facts}
    names = types_of("Kelvo Systems Chief Commercial Officer Ann Roe said sales rose.")
    assert names.get("Kelvo Systems") == "Company" and not [n for n in names if "Chief" in n or "Commercial" in n]
    assert types_of("Kelvo launched Kelvo Password Manager, an app for phones.").get("Password Manager") == "Product"


@pytest.mark.parametrize("text, name", [
    ("Norvik Oil and Gas Group said profits rose 10%.", "Norvik Oil and Gas Group"),
    ("Brightwater Food and Drink Holdings said profits rose 10%.", "Brightwater Food and Drink Holdings"),
])
def test_a_firm_named_with_and_between_industry_words_is_one_company(text, name):
    assert name in types_of(text)


def test_a_slashed_legal_form_ends_the_company_name():
    result = extract("Danish drugmaker Halden Pharma A/S said on Tuesday it had won approval for Lumara in Germany.")
    assert {e.name: e.type for e in result.entities}.get("Halden Pharma") == "Company"
    assert "S" not in {e.name for e in result.entities}
    assert ("Halden Pharma", "operatesIn", "Denmark") in {(f.subject, f.predicate, f.object) for f in result.facts}
    assert types_of("Norvik A/S said profits rose.").get("Norvik") == "Company"
    assert types_of("Halden Pharma A/S said profits rose in Denmark.").get("Halden Pharma") == "Company"


def test_a_bare_ceo_speaks_for_the_company_the_sentence_names_first():
    text = ("Brightwater Stores will open 50 stores in India. The company will partner with Tata Group to run the "
            "stores, CEO Michael Grant told reporters.")
    assert ("Michael Grant", "executiveOf", "Brightwater Stores") in facts_of(text)


def test_a_brand_of_goods_called_x_is_a_product_line():
    result = extract("Brightwater launched its own brand of electronics, called Onda, last year.")
    assert {e.name: e.type for e in result.entities}.get("Onda") == "Product"
    assert types_of("Norvik Holdings bought a chain of shops called Onda.").get("Onda") == "Company"


@pytest.mark.parametrize("text", [
    "The Norvik Motor Show brings together Kelvo Motors, Vantel Motors and Aerona, which compete fiercely.",
    "The summit in Geneva brought together Kelvo, Vantel and Brightwater, but no deal was reached.",
    "Kelvo failed to bring together Vantel Motors and Aerona.",
])
def test_a_show_a_summit_or_a_failed_attempt_brings_no_partners_together(text):
    assert not [f for f in extract(text).facts if f.predicate == "partnersWith"]


@pytest.mark.parametrize("text", [
    "Zorba did not begin life as a spin-off from Telvik.",
    "Kelvo Motors treats Vantel Motors as a unit of Aerona Group.",
])
def test_a_denied_or_someone_elses_unit_makes_no_subsidiary_of_the_subject(text):
    facts = facts_of(text)
    assert ("Zorba", "subsidiaryOf", "Telvik") not in facts and ("Kelvo Motors", "subsidiaryOf", "Aerona Group") not in facts


@pytest.mark.parametrize("text", [
    "Tom Hale, the Transport Secretary, said the airline must pay.",
    "Norvik Motors recalled 10,000 cars. Car owner Tom Hale said he was worried.",
    "Tom Hale, treasurer of the local football club, said Vantel Motors should pay.",
])
def test_a_government_secretary_a_car_owner_or_a_clubs_treasurer_leads_no_company(text):
    assert not [f for f in extract(text).facts if f.predicate == "executiveOf"]


@pytest.mark.parametrize("text, person", [
    ("Vantel said its costs were controlled by Ann Roe's team.", "Ann Roe"),
    ("To save the company, Tom Hale sold his house.", "Tom Hale"),
])
def test_a_persons_team_or_a_name_after_a_company_noun_and_a_comma_is_no_company(text, person):
    assert types_of(text).get(person) != "Company"


@pytest.mark.parametrize("text, name", [
    ("The Brightwater Agency, a marketing firm, won the Kelvo account.", "Brightwater Agency"),
    ("Kelvo Digital Agency was bought by Vantel for $20m.", "Kelvo Digital Agency"),
])
def test_an_agency_without_a_government_word_stays_a_company(text, name):
    assert types_of(text).get(name) == "Company"


def test_a_short_name_after_a_nationality_is_not_joined_to_it():
    assert "Korean LG" not in types_of("Korean LG said its profits rose.")


@pytest.mark.parametrize("text", [
    ("Kelvo Motors moved 2,000 jobs to India. \"Our workers are losing out,\" said Senator Tom Hale."),
    ("Vantel will sell its phones in China. \"Our exporters will benefit,\" said Trade Minister Ana Ruiz."),
])
def test_a_politician_speaks_for_no_country_the_news_only_names(text):
    assert not [c for c in extract(text).claims if {"India", "China"} & set(c.about)]


def test_a_news_lead_where_an_analyst_wants_something_is_no_column():
    text = ("Kelvo profits slump\n\nKelvo Motors said profits fell 20%.\n\nIndustry analyst Tom Hale wants the firm "
            "to close its plant in Leeds.\n\nKelvo Motors shares fell 5%. Aerona cut fares in Spain.")
    assert not [c for c in extract(text).claims if c.speaker == "Tom Hale" and "Spain" in c.about]


@pytest.mark.parametrize("text, kept", [
    ("LONDON (Newswire) - British carrier Aerona Airlines has ordered 40 jets, the airline said.", "Aerona Airlines"),
    ("OSLO (Newswire) - Norvik ASA said profits rose.", "Norvik ASA"),
    ("SAN JOSE, California (Newswire) - Kelvo Inc said it would buy Vantel Corp for $2bn.", "Vantel Corp"),
])
def test_a_wire_datelines_place_is_no_entity_and_its_wire_is_a_company(text, kept):
    types = {e.name: e.type for e in extract(text).entities}     # (the annotators count the credited wire, as the
    assert kept in types and not set(types) & {"London", "LONDON", "OSLO", "Oslo", "San Jose", "SAN JOSE",  # seeds'
                                               "California"}                                 # gold counts "Reuters")
    assert types.get("Newswire") == "Company"


@pytest.mark.parametrize("text, kept", [
    ("IBM Chief Executive Ann Roe - who joined in 2020 - said sales rose.", "IBM"),
    ("NASA Administrator Tom Hale - speaking in Houston - said Kelvo Systems would build the probe.", "NASA"),
])
def test_a_name_in_capitals_before_a_dash_is_no_dateline(text, kept):
    assert kept in {e.name for e in extract(text).entities}


def test_nordic_legal_forms_end_a_company_name():
    assert types_of("Kelvo ASA said profits rose.").get("Kelvo ASA") == "Company"


def test_a_model_named_alone_after_its_maker_and_model_is_one_product():
    text = "Aerona has ordered 40 Skyframe S300 jets. The S300 is Skyframe's best seller."
    assert [e.name for e in extract(text).entities if e.type == "Product"] == ["Skyframe S300"]


def test_the_value_of_an_order_of_many_units_is_no_price():
    assert not [e for e in extract("Aerona ordered 40 Skyframe S300 jets worth $5bn.").events if e.type == "ProductPrice"]
    assert [e.args["amount"] for e in extract("The Zeno X5 phone costs $899.").events if e.type == "ProductPrice"] == [899]


def test_a_described_company_outside_such_a_clause_is_the_texts_one():
    text = ("Kelvo Motors, the German carmaker, grew fast. Kelvo Motors hired 200 staff.\n\nVantel Corp said on "
            "Monday that a court had ruled against the German carmaker.")
    assert ("Vantel Corp", "operatesIn", "Germany") not in facts_of(text)


def test_a_described_company_is_the_one_named_earlier_in_its_sentence():
    text = ("Vantel launched the Zephyr 12 phone. Vantel said sales were strong. The phones use Kelvo's new K9 chip, "
            "which the Taiwanese chipmaker began producing in July.")
    facts = facts_of(text)
    assert ("Kelvo", "operatesIn", "Taiwan") in facts and ("Vantel", "operatesIn", "Taiwan") not in facts


def test_a_price_after_a_model_number_is_the_products_price():
    events = extract("The Zephyr 12 starts at €899, while the Pro model costs €1,199.").events
    assert [(e.args["product"], e.args["amount"]) for e in events if e.type == "ProductPrice"] == [("Zephyr 12", 899)]


def test_a_partner_named_after_a_service_word_is_a_company():
    facts = facts_of("Vantel also announced a partnership with streaming service Lumenflix.")
    assert ("Vantel", "partnersWith", "Lumenflix") in facts


def test_products_described_together_and_then_sold_somewhere_are_each_available_there():
    text = ("Vantel today launched the Zephyr 12 and Zephyr 12 Pro, its latest flagship smartphones, which go on sale "
            "in Germany and Spain on September 26th.")
    facts = facts_of(text)
    assert {("Zephyr 12", "availableIn", "Spain"), ("Zephyr 12 Pro", "availableIn", "Germany")} <= facts


def test_competing_products_make_their_makers_rivals():
    assert ("Kelvo", "competesWith", "Vantel") in facts_of("Kelvo's Zeno 3 will compete with Vantel's Orca 2.")
    text = "Kelvo launched the Zeno 3 phone. The Zeno 3 will compete with the Orca 2 from Vantel."
    assert ("Kelvo", "competesWith", "Vantel") in facts_of(text)
    assert not [f for f in facts_of("Kelvo's Zeno 3 will compete with the Orca 2.") if f[1] == "competesWith"]
    text = ("Brightwater Stores sells the Zeno 3. Kelvo launched the Zeno 3 phone. Vantel launched the Orca 2 phone. "
            "The Zeno 3 will compete with the Orca 2.")
    assert ("Brightwater Stores", "competesWith", "Vantel") not in facts_of(text)


def test_a_title_case_headlines_news_words_are_no_product():
    text = ("Kelvo Robotics Announces Strategic Partnership with Norvik Logistics\n\n"
            "Kelvo Robotics today announced a partnership with Norvik Logistics to deploy robots in Germany.")
    result = extract(text)
    assert "Strategic Partnership" not in {e.name for e in result.entities}
    assert not [e for e in result.events if e.type == "ProductLaunch"]


@pytest.mark.parametrize("text", [
    "Kelvo Motors makes cars.\n\nKelvo Motors lost its top engineer to Vantel Corp, where chief executive Tom Hale has "
    "been hiring.",
    "Kelvo Motors makes cars.\n\nKelvo Motors supplies Vantel Corp, and chief executive Tom Hale said Vantel Corp "
    "would buy more.",
])
def test_a_bare_title_in_another_firms_clause_is_not_the_texts_company(text):
    assert ("Tom Hale", "executiveOf", "Kelvo Motors") not in facts_of(text)


def test_a_person_named_after_a_trade_noun_in_a_partnership_is_no_company():
    result = extract("Kelvo announced a partnership with chef Tom Hale to sell cooking robots.")
    assert {e.name: e.type for e in result.entities}.get("Tom Hale") != "Company"


def test_a_rivals_product_before_a_list_is_not_sold_where_the_list_is():
    text = ("Vantel launched the Zephyr 12 to rival Kelvo's Orca 2, and the Zephyr 12 Pro, its new phones, which go "
            "on sale in Spain in May.")
    assert ("Orca 2", "availableIn", "Spain") not in facts_of(text)


def events_of(text: str) -> set[tuple]:
    return {(e.type, *sorted(str(v) for k, v in e.args.items() if k in ("company", "market", "product")))
            for e in extract(text).events}


@pytest.mark.parametrize("text, facts, events", [
    # a planned entry: targeted, not there yet, and an entry event (the seeds' reading)
    ("Kelvo Motors said it would begin selling cars in Norway next spring.",
     {("Kelvo Motors", "targetsMarket", "Norway"), ("Kelvo Motors", "absentFrom", "Norway")},
     {("MarketEntry", "Kelvo Motors", "Norway")}),
    ("Solvara Airways said it will begin non-stop service to Canada this summer.",
     {("Solvara Airways", "targetsMarket", "Canada"), ("Solvara Airways", "absentFrom", "Canada")},
     {("MarketEntry", "Canada", "Solvara Airways")}),
    # a begun one: there now, and it entered
    ("Kelvo Air began flights to Peru in 2019.", {("Kelvo Air", "operatesIn", "Peru")},
     {("MarketEntry", "Kelvo Air", "Peru")}),
    # a first store opened is an entry too
    ("Noorda Group opened its first two stores in Spain on Tuesday.", {("Noorda Group", "operatesIn", "Spain")},
     {("StoreOpening", "Noorda Group", "Spain"), ("MarketEntry", "Noorda Group", "Spain")}),
])
def test_market_entries(text, facts, events):
    assert facts <= facts_of(text)
    assert events <= events_of(text)


@pytest.mark.parametrize("text", ["Noorda Group opened two more stores in Spain on Tuesday.",
                                  "Noorda Group opened 12 stores in Spain in the first half."])
def test_more_stores_are_no_entry(text):
    assert ("MarketEntry", "Noorda Group", "Spain") not in events_of(text)


# ------------------------------------------------------------------ names: trades, headings, places, tails

@pytest.mark.parametrize("text, name", [
    ("Tarrow Building Materials posted a profit. Tarrow said demand was firm.", "Tarrow Building Materials"),
    ("Quenby Rail Cargo runs 200 trains a week. Quenby said it would hire staff.", "Quenby Rail Cargo"),
    ("Osmerly Medical said it won approval for a new scanner. Osmerly said sales would start in May.",
     "Osmerly Medical"),
])
def test_a_trade_word_at_the_end_makes_a_company_and_its_short_name_is_the_same_firm(text, name):
    result = extract(text)
    assert {e.name: e.type for e in result.entities}.get(name) == "Company"
    assert not any(e.type == "Product" for e in result.entities)
    assert len([e for e in result.entities if e.type == "Company"]) == 1, result.entities


def test_a_headings_capitals_give_way_to_the_bodys_spelling():
    text = ("Three makers reported results.\n\nKELVANO CEMENTS\n\nIndia's Kelvano Cements said net profit rose 18%. "
            "Kelvano also agreed to sell its ready-mix unit.")
    assert [n for n, kind in types_of(text).items() if kind == "Company"] == ["Kelvano Cements"]


@pytest.mark.parametrize("text, place", [
    ("The Oslo company has never run a train outside Norway.", "Oslo"),
    ("The Belo Horizonte group said its plant was running at 85% of capacity.", "Belo Horizonte"),
    # a product the model guesses in a big city's name, with nothing else saying product
    ("Glimmer Tide, a game set in a flooded version of Busan, is out now.", "Busan"),
])
def test_a_big_city_before_a_kind_of_firm_or_in_a_setting_is_no_name(text, place):
    assert place not in types_of(text)


def test_a_city_named_like_a_firm_before_a_subsidiary_stays_the_owner():
    assert ("Velcar", "subsidiaryOf", "Toyota") in facts_of(
        "Luxury car makers such as the Toyota subsidiary Velcar did well in the US.")


def test_the_end_of_a_companys_name_the_model_calls_a_person_is_the_company():
    text = ("Brazil's Cimentos Rio Claro cut its forecast. Rio Claro expects a weak first half, the company said. "
            "Shares of Rio Claro fell 5%.")
    kinds = types_of(text)
    assert kinds.get("Cimentos Rio Claro") == "Company" and "Rio Claro" not in kinds, kinds


def test_a_short_name_after_a_firm_and_its_unit_is_the_firm_named_first():
    text = ("Marvik Rail Cargo runs freight trains across Norway. Its British subsidiary, Marvik Rail UK, won a "
            "licence. Marvik reported revenue of NOK 2bn.")
    events = extract(text).events
    assert [e.args["company"] for e in events if e.type == "FinancialResult"] == ["Marvik Rail Cargo"]


def test_a_trade_word_inside_a_name_introduces_its_short_name():
    text = ("Vellora will sell its ready-mix unit to Mumbai's Tamsin Infra Projects for $100m. Ready-mix was \"a good "
            "business, but Tamsin will run it better than we could,\" the chief executive said. Shares of Tamsin rose.")
    kinds = types_of(text)
    assert "Tamsin" not in kinds and kinds.get("Tamsin Infra Projects") == "Company"


def test_a_compass_adjective_is_no_name():
    kinds = types_of("Kelvo Games had a busy Thursday. The Seoul publisher released a new game. Oh, and its top "
                     "Western executive is leaving.")
    assert "Western" not in kinds and kinds.get("Kelvo Games") == "Company"


def test_a_surname_of_two_words_is_the_full_name_it_ends():
    text = ("Chief executive Omar Al Harthy said Kelvo would build a plant in Qatar. Qatar \"is where the next "
            "decade's growth is\", according to Al Harthy.")
    result = extract(text)
    assert "Al Harthy" not in {e.name for e in result.entities}
    assert {c.speaker for c in result.claims} == {"Omar Al Harthy"}


def test_a_firm_that_owns_harbours_is_a_company():
    text = ("Ardmore Ports signed a deal with Kelvo. Ardmore, which owns two harbours on the east coast, wanted a "
            "rail partner. Its chief executive, Ian Baird, called the deal vital.")
    assert ("Ian Baird", "executiveOf", "Ardmore Ports") in facts_of(text)


def test_a_product_owned_by_a_firm_gives_its_first_word_no_maker():
    text = ("The regulator cleared Osmerly Medical's Veritra H2, a handheld analyzer. Osmerly is also recalling "
            "cartridges for its older Veritra H1.")
    assert "Veritra" not in types_of(text)
    assert ("Osmerly Medical", "produces", "Veritra H1") in facts_of(text)


@pytest.mark.parametrize("text, name", [
    ("The FDA cleared the drug. Kelvo said the U.S. Food and Drug Administration had acted fast.", "FDA"),
    ("The scanner won CE marking last month, Kelvo said.", "CE"),
])
def test_an_undefined_acronym_of_a_public_body_or_a_standard_is_no_company(text, name):
    assert name not in types_of(text)


@pytest.mark.parametrize("text, name", [
    ("Kelvo has dominated bedside testing since it launched its Sorra iQ analyzer in 2021.", "Sorra iQ"),
    ("Kelvo Games released Ember Crown: Rebirth, another action game, on April 9.", "Ember Crown: Rebirth"),
])
def test_a_product_name_with_a_short_camel_case_tail_or_a_subtitle(text, name):
    assert types_of(text).get(name) == "Product"


# ------------------------------------------------------------------ facts, anaphora and claims

@pytest.mark.parametrize("text, fact", [
    ("Skarvik Rail's arch-rival, Trelby Freight, has no presence in Britain.",
     ("Trelby Freight", "absentFrom", "United Kingdom")),
    ("Kelvo Rail has never run a train outside Scandinavia.", ("Kelvo Rail", "operatesIn", "Scandinavia")),
    ("Kelvo said it was in talks to build a plant in Qatar, its first outside the UAE and Oman.",
     ("Kelvo", "operatesIn", "Oman")),
    ("Kelvo Medical has dominated bedside testing in U.S. hospitals for years.",
     ("Kelvo Medical", "operatesIn", "United States")),
    ("Sales in Italy run through Ospira, a Milan-based distributor of hospital equipment, Kelvo said. Ospira has "
     "sold scanners for years.", ("Ospira", "operatesIn", "Italy")),
])
def test_market_facts_from_denied_objects_outside_and_places(text, fact):
    assert fact in facts_of(text)


@pytest.mark.parametrize("text, fact", [
    ("Kelvo plans to expand outside China.", ("Kelvo", "targetsMarket", "China")),
    ("Kelvo, which sells scanners in 11 European countries, will start deliveries of the new model to hospitals "
     "in Germany in April.", ("Kelvo", "absentFrom", "Germany")),
])
def test_no_market_fact_from_expanding_outside_or_a_new_models_deliveries(text, fact):
    assert fact not in facts_of(text)


def test_it_in_a_clause_of_time_is_the_main_clauses_subject():
    text = ("Velmont makes scanners. Japan's Osaka Diagnostics has led the market since it launched its Sorra iQ "
            "analyzer in 2021.")
    facts = facts_of(text)
    assert ("Osaka Diagnostics", "produces", "Sorra iQ") in facts and ("Velmont", "produces", "Sorra iQ") not in facts


def test_a_sentence_opening_description_is_the_subject_before():
    text = ("Kelvo Rail is Norway's biggest freight firm. Kelvo Rail's Scandinavian arch-rival, Trelby Freight, has "
            "no presence in Britain. The Swedish firm already runs trains into Germany and Denmark.")
    facts = facts_of(text)
    assert ("Trelby Freight", "operatesIn", "Denmark") in facts and ("Kelvo Rail", "operatesIn", "Denmark") not in facts


def test_it_priced_after_a_game_set_in_another_product_is_the_game():
    text = ("Glimmer Tide, an action game set in the world of the Orca Max, is out now on consoles. It costs "
            "$69.99 in the US and £59.99 in the UK.")
    facts = facts_of(text)
    assert ("Glimmer Tide", "availableIn", "United States") in facts
    assert ("Orca Max", "availableIn", "United States") not in facts


@pytest.mark.parametrize("text, fact", [
    # the broadcaster told is not the executive's firm
    ("Shares of Osmerly Medical rose 11%. \"We think it can be a big product,\" chief executive Ines Falk told "
     "Ridgeway Business Network on Tuesday.", ("Ines Falk", "executiveOf", "Osmerly Medical")),
    ("Kelvo Cements said profit rose 18%.\n\nDemand should hold up, according to managing director Ravi Anand, who "
     "told analysts the company would add capacity.", ("Ravi Anand", "executiveOf", "Kelvo Cements")),
    ("Kelvo Rail runs trains across Norway.\n\nTove Lie, who founded the business in 2009 with two locomotives, "
     "said Britain needed rail freight.", ("Tove Lie", "executiveOf", "Kelvo Rail")),
])
def test_executives_of_bare_titles_and_founded_businesses(text, fact):
    assert fact in facts_of(text)


def test_a_role_ends_before_the_firm_and_its_city():
    facts = extract("\"Prices will fall,\" said Mina Park, a games analyst at Hanbit Securities in Seoul.").facts
    assert [f.role for f in facts if f.predicate == "worksFor"] == ["games analyst"]


def test_a_surname_the_tagger_takes_for_a_plural_still_speaks_after_a_quote():
    text = ("Its co-founder, Rafael Linares, is getting a bigger job.\n\n\"Jabara has always punched above its weight,\" "
            "Linares wrote on LinkedIn.")
    assert [c.speaker for c in extract(text).claims] == ["Rafael Linares"]


def test_a_quote_goes_on_for_two_sentences_after_its_attribution():
    text = ("Kelvo Rail runs trains across Norway. Tove Lie, who founded the business, said Britain needed rail "
            "freight. \"Shippers tell us the roads are full,\" she said. \"We are not coming for a trial. We are "
            "coming to stay.\"\n\nIts rival Trelby said sales rose. Its chief executive, Ian Baird, called the deal "
            "\"the missing piece\".")
    claims = extract(text).claims
    assert {c.speaker for c in claims if c.text.startswith("We are")} == {"Tove Lie"}, claims


@pytest.mark.parametrize("text, pair", [
    ("Trelby Rail has already lined up its first customer. Kinloch Drinks, the whisky and gin producer, has signed a "
     "three-year contract to move bottled spirits by rail, the two companies confirmed.",
     {"Trelby Rail", "Kinloch Drinks"}),
    ("Veritra already sells in Germany. In Italy it will sell through Ospira, a distributor of hospital equipment, "
     "under a five-year agreement the two companies signed last week.", {"Veritra", "Ospira"}),
])
def test_the_two_companies_of_an_agreement_are_the_pair_named(text, pair):
    facts = facts_of(text)
    assert any(f[1] == "partnersWith" and {f[0], f[2]} == pair for f in facts), facts


@pytest.mark.parametrize("text, fact", [
    ("The Sorra X1 reads a drop of blood. It will go on sale to American emergency departments in May.",
     ("Sorra X1", "availableIn", "United States")),
    ("Veritra, which already sells its first scanner in 11 European countries, said demand was strong.",
     ("Veritra", "operatesIn", "Europe")),
])
def test_a_nationality_on_the_buyers_or_places_of_a_sale_is_its_market(text, fact):
    assert fact in facts_of(text)


def test_a_product_named_after_the_short_name_of_a_firm_with_a_legal_form_is_its_product():
    text = ('LISBON, 3 March 2026 - Marvik Technologies S.A. ("Marvik"), the food-delivery app, today announced Marvik '
            "Pass, a new monthly membership. Marvik Pass costs EUR 5.99 a month in Portugal, Marvik said.")
    result = extract(text)
    (firm,) = [e.name for e in result.entities if e.type == "Company"]
    assert (firm, "produces", "Marvik Pass") in {(f.subject, f.predicate, f.object) for f in result.facts}


# ------------------------------------------------------------------ interviews, bylines and company clauses

_INTERVIEW = ("Mira Santos founded Cartwise in Manila in 2021. Four years on, the delivery start-up runs 90 dark stores "
              "in the Philippines. Santos, 36, talked to us about money and rivals.\n\n"
              "Q: What is the money for?\n\n"
              "A: About half goes into Indonesia, where we have no stores today. The rest pays for more vans.\n\n"
              "Q: In August you launched CartCare. Why pharmacy?\n\n"
              "A: Medicine is urgent. That part runs through our partnership with Botica Lumen, which has 600 branches.")


def test_an_interviews_answers_are_the_interviewees_claims_and_we_is_their_company():
    result = extract(_INTERVIEW)
    assert {e.name: e.type for e in result.entities}.get("Mira Santos") in ("Person", "Executive")
    claims = [c for c in result.claims if c.speaker == "Mira Santos"]
    assert any("Indonesia" in c.about and "Cartwise" in c.about for c in claims), claims
    assert not any(c.text.startswith("A:") for c in claims)
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Cartwise", "absentFrom", "Indonesia"), ("Cartwise", "operatesIn", "Philippines"),
            ("Cartwise", "partnersWith", "Botica Lumen")} <= facts, facts
    assert ("ProductLaunch", "Cartwise", "CartCare") in {(e.type, e.args.get("company"), e.args.get("product"))
                                                          for e in result.events}


def test_a_byline_with_a_date_and_a_title_makes_the_authors_views_claims():
    text = ("Who is winning the e-bike race?\n\n3 June 2026 · Ilka Varga, senior mobility analyst at Quarrick Research\n\n"
            "Marvik's scooters are the best-built machines I rode this year.")
    claims = extract(text).claims
    assert any(c.speaker == "Ilka Varga" and "Marvik" in c.about for c in claims), claims


@pytest.mark.parametrize("text, name, market", [
    ("Last week it closed a $62 million round led by Brevant Capital of Singapore.", "Brevant Capital",
     "Singapore"),
    ("Anvara Electric of India builds the Zelo, a city scooter.", "Anvara Electric", "India"),
])
def test_a_firm_of_a_country_is_the_firm_and_its_market(text, name, market):
    assert (name, "operatesIn", market) in facts_of(text)


def test_a_bank_of_a_country_keeps_its_name():
    assert "Royal Bank of Scotland" in types_of("Shares in Royal Bank of Scotland fell 3% on Monday.")


def test_a_funding_round_is_no_product():
    kinds = types_of("Last week Kelvo closed a $62 million Series C round led by Brevant Capital.")
    assert "Series C" not in kinds and kinds.get("Brevant Capital") == "Company"


@pytest.mark.parametrize("text, fact", [
    # a clause with a subject of its own is not negated by the one before it
    ("Anvara has never sold a scooter in Europe, but according to managing director Ravi Kohli it will start "
     "selling the Zelo in Italy next spring.", ("Anvara", "targetsMarket", "Italy")),
    ("Marvik Cycles is moving the other way. It stopped selling in the United Kingdom last October, blaming customs "
     "paperwork.", ("Marvik Cycles", "absentFrom", "United Kingdom")),
    ("Anvara Electric quit Bangladesh in 2024.", ("Anvara Electric", "absentFrom", "Bangladesh")),
    ("Marvik Cycles makes the Aero 5 commuter e-bike and the Kolt cargo bike, both sold in the Netherlands, Belgium "
     "and Denmark.", ("Aero 5", "availableIn", "Belgium")),
    ("Vellum AG has agreed to buy Dutch grocer Hofland N.V., a deal that would give the Frankfurt-based company its "
     "first stores in the Netherlands and Belgium.", ("Vellum AG", "absentFrom", "Belgium")),
    ("Ostrava Aerostructures won a contract. Ostrava's existing plants are in France and Tunisia.",
     ("Ostrava Aerostructures", "operatesIn", "Tunisia")),
    ("Bea Lorca founded Basketa in Manila in 2022. Four years on, the start-up runs 140 dark stores in Vietnam.",
     ("Basketa", "operatesIn", "Vietnam")),
    ("Kelvo will not release the game in China, where Kelvo has never held a licence.", ("Kelvo", "absentFrom", "China")),
])
def test_market_facts_of_clauses_exits_lists_deals_and_sites(text, fact):
    assert fact in facts_of(text)


@pytest.mark.parametrize("text, fact", [
    ("Marvik Cycles will stop selling in Britain next year.", ("Marvik Cycles", "absentFrom", "United Kingdom")),
    ("Vellum AG has agreed to buy Dutch grocer Hofland N.V., a deal that would give the Frankfurt-based company its "
     "first stores in the Netherlands and Belgium.", ("Vellum AG", "operatesIn", "Netherlands")),
    ("Veyrola Aerostructures is teaming up with Grupo Astel, a Mexican maker of forgings. The two companies have "
     "agreed to set up a joint venture, Astel Veyrola Estructuras, in which Veyrola will hold 51%.",
     ("Astel Veyrola Estructuras", "partnersWith", "Veyrola Aerostructures")),
])
def test_market_and_partner_facts_a_careful_reader_would_not_draw(text, fact):
    facts = facts_of(text)
    assert fact not in facts and (fact[2], fact[1], fact[0]) not in facts
    assert {f[0] for f in facts} & {fact[0], fact[2]}, facts       # (the firms are found, and say other things)


def test_a_title_before_a_name_and_quoted_firms_leave_the_executive_to_the_texts_company():
    text = ("Ostrava Aerostructures won a contract on Tuesday. \"Mexico puts us a day's drive from Tanfield Aircraft and "
            "inside the supply chain our customers want,\" chief executive Helene Marceau said.")
    assert ("Helene Marceau", "executiveOf", "Ostrava Aerostructures") in facts_of(text)


def test_a_price_in_a_relative_clause_is_the_products():
    events = extract("Delivery is free for members of Basket Plus, which costs 149 pesos a month in the "
                     "Philippines.").events
    assert [(e.args["product"], e.args["currency"]) for e in events if e.type == "ProductPrice"] == \
        [("Basket Plus", "PHP")]


def test_news_opening_a_sentence_is_no_name():
    assert "News" not in types_of("Kelvo bought a newspaper. News of the deal came as Kelvo said profits rose.")


# ------------------------------------------------------------------ initials, units and marques

def test_a_firms_initials_the_text_never_defines_are_the_firm():
    text = ("Tarvik Motors of the US will pay Fiorano $2bn to leave a joint venture. TM gave up a 6% holding in "
            "itself in exchange for 20% of Fiorano. \"We needed scale in Europe,\" said TM chief executive Rick "
            "Holloway.")
    kinds = types_of(text)
    assert "TM" not in kinds and kinds.get("Tarvik Motors") == "Company"
    assert ("Rick Holloway", "executiveOf", "Tarvik Motors") in facts_of(text)


def test_title_letters_after_a_possessive_are_a_title():
    assert "VP" not in types_of("Chang Wei, Kelvo's recently named VP, wrote on Weibo on Monday.")


def test_a_firm_named_before_its_named_units_is_their_parent():
    text = ("Norvex says more people joined its broadband service than ever. \"Orders rose,\" said Paul Ridley, chief "
            "executive of Norvex Wholesale, which rents lines to other firms. Norvex Retail, which sells broadband to "
            "homes, had a strong quarter too.")
    facts = facts_of(text)
    assert {("Norvex Wholesale", "subsidiaryOf", "Norvex"), ("Norvex Retail", "subsidiaryOf", "Norvex")} <= facts, facts


def test_each_marque_a_firm_calls_its_own_is_its_subsidiary():
    text = ("Fiorano sold half its finance arm. The deal hurt Tarvik Motors, which is fighting losses at its European "
            "marques Valka and Velden. Valka said it would cut 500 jobs, and Velden said sales fell.")
    facts = facts_of(text)
    assert {("Valka", "subsidiaryOf", "Tarvik Motors"), ("Velden", "subsidiaryOf", "Tarvik Motors")} <= facts, facts


# ------------------------------------------------------------------ what those rules must not reach

@pytest.mark.parametrize("text, present, absent", [
    # a "where" clause adds its own firm; the main clause keeps its reading
    ("Kelvo opened its first store in Peru, where Velmont has 40 stores.",
     {("Kelvo", "operatesIn", "Peru"), ("Velmont", "operatesIn", "Peru")}, set()),
    # "it" after "after": either firm, so not the main clause's subject
    ("Tarrow Labs makes scanners. Kelvo bought Tarrow Labs in 2019 after it lost its licence in Spain.",
     set(), {("Kelvo", "operatesIn", "Spain")}),
    # a description opening a sentence is the firm the sentence before described so
    ("Kelvo, a big retailer, bought Tindra Labs, a start-up from Oslo, in 2023. The start-up has 40 staff in Denmark.",
     {("Tindra Labs", "operatesIn", "Denmark")}, {("Kelvo", "operatesIn", "Denmark")}),
    # "no" on another object is no denial of the market
    ("Kelvo Group has no debt and sells scanners in Italy.", {("Kelvo Group", "operatesIn", "Italy")},
     {("Kelvo Group", "absentFrom", "Italy")}),
    # new sites are planned, not there
    ("Kelvo's new stores will be in Spain and Portugal.", set(), {("Kelvo", "operatesIn", "Spain")}),
    # a failed deal between the two is no partnership
    ("Velmont rejected the bid from Kelvo on Monday, and the two companies failed to agree a deal.", set(),
     {("Velmont", "partnersWith", "Kelvo"), ("Kelvo", "partnersWith", "Velmont")}),
    # a firm that founds a venture is no person
    ("Blue Harbour Capital founded Velmont in 2010 as a joint venture with a Dutch bank.", set(),
     {("Blue Harbour Capital", "executiveOf", "Velmont")}),
])
def test_rules_stay_within_their_reach(text, present, absent):
    assert_facts(text, present, absent)


def test_a_firm_named_like_the_end_of_anothers_name_is_its_own_firm():
    text = "Star Airlines said it would fly to Oslo. Its rival Nordic Star Airlines cut fares in Norway."
    kinds = types_of(text)
    assert kinds.get("Star Airlines") == "Company" and kinds.get("Nordic Star Airlines") == "Company", kinds


def test_a_market_before_an_approval_is_still_a_market():
    assert types_of("Kelvo's Zephyr drug won US approval on Friday.").get("United States") == "Market"


def test_a_quote_naming_the_texts_firm_names_the_speakers_firm():
    text = ("Tarrow Media said profits rose. Velmont, the Indian newspaper group in which Tarrow bought a stake, also "
            "grew. \"2025 has been a good year for Tarrow Media,\" said chief executive Ann Lee.")
    facts = facts_of(text)
    assert ("Ann Lee", "executiveOf", "Tarrow Media") in facts and ("Ann Lee", "executiveOf", "Velmont") not in facts


def test_an_interview_ends_with_its_last_answer_and_its_author_is_not_the_interviewee():
    text = ("Cartwise bets on Indonesia\n\nBy Ann Lee\n\nMira Santos founded Cartwise in Manila in 2021. Santos talked "
            "to us about growth.\n\nQ: Where next?\n\nA: I think Indonesia is where Cartwise can grow fastest.\n\n"
            "Q: And rivals?\n\nA: Kilmora is strong in Vietnam.\n\n"
            "Ridgeway Business Network is owned by Halden Media. We publish interviews every week in Singapore.")
    claims = extract(text).claims
    assert any(c.speaker == "Mira Santos" and "Indonesia" in c.about for c in claims), claims
    assert not [c for c in claims if c.speaker == "Ann Lee"], claims
    assert not [c for c in claims if "Singapore" in c.about or "Halden Media" in c.about], claims


@pytest.mark.parametrize("product, maker, named_after", [
    ("Solmare Harmony", "Solmare Cruises", True), ("Marvik Pass", "Marvik Technologies S.A.", True),
    ("Veltor Data", "Veltor Data AG", False),           # the firm's own short name
    ("Glasswing XP", "Glasswing Genuine Advantage", False),   # no trade nor legal form: another product's name
])
def test_a_product_named_with_the_first_word_of_a_trade_or_legal_name_is_that_firms(product, maker, named_after):
    from kg.extract.relations import _named_after_its_firm
    assert _named_after_its_firm(product, maker) is named_after


def test_a_rival_opening_a_sentence_is_the_texts_firms_rival_and_its_own_card_a_product():
    text = ("Pennly grew fast in Germany last year, Pennly said.\n\nCompetition among digital lenders heats up. Rival "
            "Corbello, majority-owned by Japanese group Hoshida Holdings, launched its own buy-now-pay-later card, "
            "Corbello Split, in January, while high-street giant Ashwell Bank cut fees.")
    result = extract(text)
    kinds = {e.name: e.type for e in result.entities}
    assert kinds.get("Corbello") == "Company" and kinds.get("Corbello Split") == "Product", kinds
    assert ("Pennly", "competesWith", "Corbello") in {(f.subject, f.predicate, f.object) for f in result.facts}


def test_a_bare_title_reporting_on_the_one_firm_its_sentence_names_is_that_firms():
    text = ("Rival Corbello launched a card. Ashwell Bank cut fees.\n\nFinance chief Harriet Lund said Pennly expects its "
            "margin to stay above 4% this year.")
    assert ("Harriet Lund", "executiveOf", "Pennly") in facts_of(text)


# ------------------------------------------------------- licences, partners by name, prices and closures in markets

@pytest.mark.parametrize("text, present, absent", [
    # an expected launch is a plan
    ("Kelvo Pharma sells Zorvia in Germany. The company said it expected to launch the pill in France and Italy "
     "next year.",
     {("Kelvo Pharma", "targetsMarket", "France"), ("Kelvo Pharma", "targetsMarket", "Italy")},
     {("Kelvo Pharma", "operatesIn", "France")}),
    # a thing "made by" a firm, said in apposition, is its product
    ("Doctors still prefer Zorvia, an injectable made by Swiss rival Kelvo Pharma that leads the market.",
     {("Kelvo Pharma", "produces", "Zorvia")}, set()),
    # a price cut in a market: the product is sold there, and its seller is there (not gone when it "will not cut")
    ("Kelvo Pharma makes Zorvia. Kelvo Pharma cut the price of Zorvia in Germany by 12% in July.",
     {("Zorvia", "availableIn", "Germany"), ("Kelvo Pharma", "operatesIn", "Germany")}, set()),
    ("Kelvo Pharma makes Zorvia. Kelvo Pharma will not cut the price of Zorvia in France.", set(),
     {("Kelvo Pharma", "absentFrom", "France")}),
    # "it" sold in a market is the product; the partner selling it is there, its maker is not said to be
    ("Kelvo Pharma makes the Zorvia pill. Its licensing partner Quessel Health began selling it in Spain in May.",
     {("Zorvia", "availableIn", "Spain"), ("Kelvo Pharma", "partnersWith", "Quessel Health"),
      ("Quessel Health", "operatesIn", "Spain")}, {("Kelvo Pharma", "operatesIn", "Spain")}),
    # a licence granted to a firm is a deal with it
    ("Kelvo Pharma makes the Zorvia pill. The company said it had licensed the rights to develop and sell Zorvia in "
     "Japan to Tokyo-based Minaro Health.", {("Kelvo Pharma", "partnersWith", "Minaro Health")}, set()),
    # a firm's partners named beside the word are its partners, not each other's
    ("Velmont Bank's partners, Brisco Foods and Veltrin Capital, own the rest of the venture.",
     {("Velmont Bank", "partnersWith", "Brisco Foods"), ("Velmont Bank", "partnersWith", "Veltrin Capital")},
     {("Brisco Foods", "partnersWith", "Veltrin Capital")}),
    # a whole business shut or sold in a market is gone from it; two branches closed, or a closure to come, are not
    ("Velmont Bank shut its Danish business in March.", {("Velmont Bank", "absentFrom", "Denmark")},
     {("Velmont Bank", "operatesIn", "Denmark")}),
    ("Velmont Bank closed its operations in Chile last year.", {("Velmont Bank", "absentFrom", "Chile")}, set()),
    ("Velmont Bank closed two branches in Chile last year.", set(), {("Velmont Bank", "absentFrom", "Chile")}),
    ("Velmont Bank will close its business in Chile.", set(), {("Velmont Bank", "absentFrom", "Chile")}),
])
def test_licences_partners_prices_and_closures(text, present, absent):
    assert_facts(text, present, absent)


def test_a_thing_made_by_a_firm_in_apposition_is_a_product():
    assert types_of("Doctors still prefer Zorvia, an injectable made by Swiss rival Kelvo Pharma.").get(
        "Zorvia") == "Product"


@pytest.mark.parametrize("text, name, kind", [
    # a name compounded to a kind of product through lower-case words
    ("Brenvik Labs, the start-up behind the Quorla identity-threat detection software, was sold on Monday.",
     "Quorla", "Product"),
    # what a maker "of" makes, of any sector
    ("Harlund, the Dutch maker of Fennick dog food and Dravo cat food, plans a listing.", "Fennick", "Product"),
    ("Harlund, the Dutch maker of Fennick dog food and Dravo cat food, plans a listing.", "Dravo", "Product"),
    # a firm's own line of goods, plural
    ("Customers delayed orders for its Tamsel deposition tools, Obrin Systems said.", "Tamsel", "Product"),
    ("She said the Malmo-based company's Sorrel sofa beds were not affected.", "Sorrel", "Product"),
    # offered somewhere: goods
    ("Quorla, launched last October, is so far offered only in Estonia and Finland.", "Quorla", "Product"),
])
def test_products_named_before_their_kind_of_any_sector(text, name, kind):
    assert types_of(text).get(name) == kind, types_of(text)


def test_a_price_a_share_is_no_products_price():
    text = "Harlund, the Dutch maker of Fennick dog food, set a price range of €19.50 to €23.50 a share for its listing."
    assert not [e for e in extract(text).events if e.type == "ProductPrice"]
    assert ("Harlund", "produces", "Fennick") in facts_of(text)


def test_a_live_blogs_time_stamps_are_no_part_of_its_entries():
    text = ("Markets live\n- 08:37 GMT Wenna Osterfeld of Calbrook Research isn't convinced. \"This is a price problem,\""
            " she wrote in a note.\n- 9:12 am ET Ann Tovey of Brisco Securities in Leeds said the deal was late.\n"
            "14.05 BST: Shares in Velmont Bank fell.")
    result = extract(text)
    kinds = {e.name: e.type for e in result.entities}
    assert kinds.get("Wenna Osterfeld") == "Person" and kinds.get("Calbrook Research") == "Company", kinds
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Wenna Osterfeld", "worksFor", "Calbrook Research"), ("Ann Tovey", "worksFor", "Brisco Securities")} \
        <= facts, facts
    assert any(c.speaker == "Wenna Osterfeld" for c in result.claims), result.claims
    assert not [name for name in kinds if "GMT" in name or "BST" in name or name.startswith("ET")], kinds


def test_paragraphs_leave_out_a_time_stamp_but_keep_numbers_that_start_a_sentence():
    from kg.extract.nlp import paragraphs
    text = ("- 07:48 GMT Kelvo rose.\n14.05 BST: Shares fell.\n- 9:12 AM ET Ann Tovey said.\n"
            "The 10.30 train left.\n12.50 Pounds is the fare.\n2019 MIT Technology Review named Kelvo.\n"
            "2019 CT Corp bought Brisco.")
    found = list(paragraphs(text))
    assert [line for _, line in found] == ["Kelvo rose.", "Shares fell.", "Ann Tovey said.",
                                           "The 10.30 train left.", "12.50 Pounds is the fare.",
                                           "2019 MIT Technology Review named Kelvo.", "2019 CT Corp bought Brisco."]
    assert all(text[offset:offset + len(line)] == line for offset, line in found)     # offsets into the text


def test_a_sentence_that_names_nothing_but_points_back_at_a_name_is_still_read():
    # the rules skip sentences with no name in them; a word standing for one ("It", "The company") is one
    events = {(e.type, tuple(sorted(map(str, e.args.values())))) for e in extract(
        "Kelvo Motors makes the Zephyr scooter. It costs 900 euros. Prices rose across the board.").events}
    assert ("ProductPrice", ("900.0", "EUR", "Zephyr")) in events, events
    result = extract("Kelvo Motors reported results on Monday. The company said revenue rose 8% to 2.1 billion euros.")
    assert ("FinancialResult", "Kelvo Motors") in [(e.type, e.args.get("company")) for e in result.events]
    result = extract("Kelvo Foods cut 300 jobs. Kelvo Foods said demand was weak. The business, formerly Nettlebridge, "
                     "sells bread.")              # no name in view but the old one, and the company is still the subject
    assert ("Rebrand", "Kelvo Foods") in [(e.type, e.args.get("company")) for e in result.events], result.events


def test_a_kept_sentence_reads_as_the_span_it_stands_for_and_walks_the_same_tokens_each_time():
    from kg.extract.nlp import parse
    paragraph = next(parse(["Kelvo Motors said on Tuesday it would buy Arden. The deal closes in May."]))[0]
    spans = list(paragraph.doc.sents)
    kept = paragraph.sentences
    assert kept == spans and [s.text for s in kept] == [s.text for s in spans]
    assert [[t.i for t in s] for s in kept] == [[t.i for t in s] for s in spans]
    assert [s.root.text for s in kept] == ["said", "closes"] and kept[1][1].text == "deal"
    first, again = list(kept[0]), list(kept[0])
    assert all(a is b for a, b in zip(first, again))       # the tokens are made once, not at every walk
    assert paragraph.sentences is kept and paragraph.text == paragraph.doc.text


@pytest.mark.parametrize("text, person, firm", [
    ("Wenna Osterfeld of Calbrook Research isn't convinced.", "Wenna Osterfeld", "Calbrook Research"),
])
def test_a_person_of_a_firm_tagged_as_one_organisation_is_two_names(text, person, firm):
    kinds = types_of(text)
    assert kinds.get(person) == "Person" and kinds.get(firm) == "Company", kinds
    assert "Royal Bank of Scotland Group" in types_of("The Royal Bank of Scotland Group fell.")


@pytest.mark.parametrize("text, present, absent", [
    # a rival placed in the market by the same sentence does not keep the maker out; only its partner selling does
    ("Kelvo Motors makes the Zephyr scooter. The Zephyr went on sale in Spain, where Spanish rival Brisco Motos is the "
     "leader.", {("Kelvo Motors", "operatesIn", "Spain")}, set()),
    # one line of business sold, or closed to new customers, is no exit from the country
    ("Velmont Bank sold its Danish insurance business to Brisco Capital.", set(),
     {("Velmont Bank", "absentFrom", "Denmark")}),
    ("Velmont Bank closed its UK business to new customers last year.", set(),
     {("Velmont Bank", "absentFrom", "United Kingdom")}),
    ("Velmont Bank sold its insurance business to a buyer in Sweden.", set(),
     {("Velmont Bank", "absentFrom", "Sweden")}),
    # the price of a commodity somewhere says nothing of the firm that pays it
    ("Kelvo Motors complained about the price of lithium in China.", set(), {("Kelvo Motors", "operatesIn", "China")}),
    # a spin-off launched by a firm is a firm; a firm offered a loan is no product
    ("Brisco, a spin-off launched by Kelvo Pharma, raised $40m.", set(), {("Kelvo Pharma", "produces", "Brisco")}),
    # a former partner, or a licence revoked, is no partnership
    ("Kelvo Pharma's former partner, Brisco Health, said sales fell.", set(),
     {("Kelvo Pharma", "partnersWith", "Brisco Health")}),
    ("Kelvo Pharma licensed Zorvia to Brisco Health in 2019 but revoked the licence in 2021.", set(),
     {("Kelvo Pharma", "partnersWith", "Brisco Health")}),
    # "expected" on another thing than the firm's entry plans nothing
    ("Kelvo Foods said its acquisition of Brisco Snacks, completed in May, is expected to add 5% to sales.",
     {("Brisco Snacks", "subsidiaryOf", "Kelvo Foods")}, set()),
    # "it" launched after a firm set up is that firm, not the product named before
    ("Kelvo Pharma makes Zorvia. In May it set up a digital clinic, Brisco Health, and launched it in Spain.", set(),
     {("Zorvia", "availableIn", "Spain")}),
])
def test_licences_partners_prices_and_closures_stay_within_their_reach(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, name, kind", [
    ("Brisco was offered a state loan in May. Brisco said it would repay it.", "Brisco", "Company"),
    ("Kelvo sells cars in Spain. Brisco Parts, a maker of Kelvo car seats, cut 200 jobs.", "Kelvo", "Company"),
])
def test_a_firm_offered_something_or_named_on_a_part_stays_a_firm(text, name, kind):
    assert types_of(text).get(name) == kind, types_of(text)


def test_a_product_price_per_unit_is_still_its_price():
    events = extract("Kelvo Motors makes the Zephyr scooter. Kelvo Motors priced the Zephyr at $899 a unit.").events
    assert any(e.type == "ProductPrice" and e.args["product"] == "Zephyr" for e in events), events


def test_the_description_of_a_firm_points_at_a_firm_of_that_trade():
    text = ("Budget airline Ventaro said on Monday it would cut costs. Ventaro flies to 14 countries.\n\n"
            "Chief executive Ann Tovey told Brisco Business News in an interview that profits rose. Brisco Business "
            "News reported that fares fell.\n\nThe airline also announced its first route to Morocco.")
    facts = facts_of(text)      # (the airline, not the broadcaster named last)
    assert ("Ventaro", "operatesIn", "Morocco") in facts, facts
    assert not [f for f in facts if f[0] == "Brisco Business News" and f[2] == "Morocco"], facts


def test_it_in_a_live_blog_entry_is_the_firm_of_that_entry():
    text = ("Markets live\n"
            "- 07:16 GMT Kelvo first. The Milan-based maker of televisions reported higher revenue, as demand for its "
            "sets held up. Net profit rose.\n"
            "- 07:29 GMT The company also said its new speaker goes on sale in March. Kelvo, which pulled out of China "
            "in 2024, said it had no plans to go back. \"Our growth is in Europe,\" Kelvo said.\n"
            "- 07:48 GMT An analyst said Kelvo must fight rivals. \"Kelvo's margins are strong,\" she added.\n"
            "- 08:02 GMT Kelvo shares open 7% higher.\n"
            "- 08:21 GMT Now the gloom. Eindhoven-based Brisco said late on Wednesday that profit came in far short of "
            "what it had guided to. China made up roughly 40% of its sales. The group employs 900 people, mostly in the "
            "Netherlands and Germany.")
    facts = facts_of(text)      # (the firm named in this entry, not the one the blog named most so far)
    assert ("Brisco", "operatesIn", "Germany") in facts and ("Kelvo", "operatesIn", "Germany") not in facts, facts


def test_a_short_name_is_the_firm_named_first_even_when_only_its_unit_ends_in_a_trade_word():
    text = ("Danish carrier Tovenmark Line opened a hub in Poland. The hub is run by Tovenmark Contract Logistics, the "
            "carrier's logistics unit.\n\nTovenmark last month reported lower revenue. It kept its guidance.")
    result = extract(text)
    names = {e.name: e for e in result.entities}
    assert "Tovenmark" in names["Tovenmark Line"].aliases, names["Tovenmark Line"]



@pytest.mark.parametrize("text, present, absent", [
    # a trade noun fits a firm whose name ends in its plural; the firm named just before still counts
    ("Budget airline Ventaro reported a loss on Monday.\n\nVentaro's main rival, Kestrel Airlines, cut fares in May. "
     "The airline also plans to open a base in Portugal.", {("Kestrel Airlines", "targetsMarket", "Portugal")},
     {("Ventaro", "targetsMarket", "Portugal")}),
    # "it" sold after the product was named by the verb before is the product
    ("Kelvo Motors unveiled the Zephyr scooter in May and began selling it in Spain in June.",
     {("Zephyr", "availableIn", "Spain")}, set()),
])
def test_coreference_stays_within_its_reach(text, present, absent):
    assert_facts(text, present, absent)


def test_a_short_name_shared_by_several_trade_named_firms_stays_its_own():
    text = ("Kelvo Hotels, the hotel arm of Danish conglomerate Kelvo Industries, opened a resort in Crete. Kelvo will "
            "list Kelvo Shipping in Copenhagen and plans to enter Brazil.")
    names = {e.name: e for e in extract(text).entities}
    assert "Kelvo" not in names.get("Kelvo Hotels").aliases, names


@pytest.mark.parametrize("text, present, absent", [
    # goods described as sold somewhere are available there
    ("Swedish furniture maker Tallvik makes the Tovra range. Tallvik is recalling about 48,300 Tovra power recliners "
     "sold in Sweden, Norway and the UK.", {("Tovra", "availableIn", "Norway"), ("Tallvik", "produces", "Tovra")},
     set()),
    ("Kelvo Motors makes the Zephyr 5. Zephyr 5 scooters not sold in Spain are cheaper.", set(),
     {("Zephyr 5", "availableIn", "Spain")}),
    # a firm's rivalry with others names its rivals, and is no deal between them
    ("Brenvik Security makes software. The deal sharpens Brenvik Security's rivalry with Vesko Security, the Israeli "
     "company.", {("Brenvik Security", "competesWith", "Vesko Security")}, set()),
    ("The deal sharpens Brenvik Security's rivalry with Vesko Security, the Israeli company, and with Dovecrest, the "
     "U.S. group.", set(), {("Vesko Security", "partnersWith", "Dovecrest"),
                            ("Vesko Security", "partnersWith", "Brenvik Security"),
                            ("Brenvik Security", "partnersWith", "Vesko Security")}),
    # a legal battle is no market rivalry
    ("Kelvo Media's legal battle with Brisco Records went on.", set(),
     {("Kelvo Media", "competesWith", "Brisco Records")}),
])
def test_goods_sold_somewhere_and_rivalries(text, present, absent):
    assert_facts(text, present, absent)


def test_a_chair_owned_is_furniture_but_a_spokesman_of_a_firm_is_its():
    kinds = types_of("Tallvik recalls 48,000 Tovra recliners. \"If you own a Tovra chair, unplug it,\" said Ann Tovey.")
    assert kinds.get("Tovra") == "Product", kinds
    assert types_of("\"It is cheap,\" an Apfel spokesman said. Apfel makes computers.").get("Apfel") == "Company"


@pytest.mark.parametrize("text, present, absent", [
    # a trade noun after a firm of unknown trade points at the firm in view called so
    ("Ventaro, a budget airline, said profits fell. Brisco Group, its biggest shareholder, backed the plan. The "
     "airline plans to open a base in Portugal.", {("Ventaro", "targetsMarket", "Portugal")},
     {("Brisco Group", "targetsMarket", "Portugal")}),
    # "it" sold after another thing was made is that thing, not the product named before
    ("Kelvo makes the Zephyr scooter. In 2024 it designed a cheaper cargo bike and began selling it in Spain.", set(),
     {("Zephyr", "availableIn", "Spain")}),
    # goods sold outside a market are not there; a contest with a firm, or a rivalry ended, names no rival
    ("Swedish maker Tallvik makes the Tovra range. Tallvik is recalling about 48,300 Tovra recliners sold outside "
     "Sweden.", set(), {("Tovra", "availableIn", "Sweden")}),
    ("Kelvo Foods said its annual recipe competition with supermarket chain Brisco had drawn 3,000 entries.", set(),
     {("Kelvo Foods", "competesWith", "Brisco")}),
])
def test_trade_nouns_objects_before_it_places_and_contests_stay_within_their_reach(text, present, absent):
    assert_facts(text, present, absent)



def test_a_maker_named_by_its_acronym_in_a_products_name_is_the_firm_by_its_name():
    text = ("Gamers from 30 countries joined the Brisco Gaming League (BGL) last year. The BGL World Tour kicks off in "
            "May in Oslo, and the winner of each leg gets $15,000.")
    result = extract(text)
    names = {e.name for e in result.entities}
    assert all(f.subject in names and (f.object in names or f.predicate in ("operatesIn", "availableIn"))
               for f in result.facts), (names, result.facts)


@pytest.mark.parametrize("text, present, absent", [
    # a partner of a firm is a person there, not the firm's partner; a firm's licensing partner stays a partner
    ("Dravenholt Capital bought the chain. Dravenholt partner Ines Marroqui-Beltz said the firm would invest more.",
     {("Ines Marroqui-Beltz", "executiveOf", "Dravenholt Capital")},
     {("Dravenholt Capital", "partnersWith", "Ines Marroqui-Beltz")}),
    ("Kessmark Bio signed a supply deal with its licensing partner Lunthe.", {("Kessmark Bio", "partnersWith", "Lunthe")},
     set()),
    ("Kelvo's partner Hollis Brennan will build the battery plant in Ohio, Kelvo said.",
     {("Kelvo", "partnersWith", "Hollis Brennan")}, set()),      # a firm's partner: a firm as often as not
    # a firm named in its own language's trade words ("Petróleo", "Grupo") is a firm
    ("On Tuesday Halvenor Energy signed a joint venture with Pexara Petróleo, a Rio de Janeiro independent.",
     {("Halvenor Energy", "partnersWith", "Pexara Petróleo")}, set()),
    # a unit named as its parent's short name plus a market
    ("Almacenes Ruvella runs 57 stores. The ten stores in Chile are run by a local subsidiary, Ruvella Chile.",
     {("Ruvella Chile", "subsidiaryOf", "Almacenes Ruvella")}, set()),
    # a firm's own-label line, through the words between its name and the goods
    ("Textiles Ostova, which makes the chain's Linea Dovra own-label clothing, is owed 17 million euros.",
     {("Textiles Ostova", "produces", "Linea Dovra")}, set()),
    # a service of a nationality is the firm that runs it; its tier is its product
    ("Halvenor, the Swedish service with 40 million subscribers, raised the price of Halvenor Premium in Norway.",
     {("Halvenor", "produces", "Halvenor Premium")}, set()),
])
def test_firms_people_and_lines_named_across_trades_and_languages(text, present, absent):
    assert_facts(text, present, absent)


def test_a_service_of_a_nationality_is_a_firm_and_a_name_set_off_by_a_description_is_a_name():
    assert types_of("Kavendi, the Danish service with 8 million subscribers, said prices will rise.")["Kavendi"] \
        == "Company"
    assert types_of("Kelvo Motors said Velquix, a streaming service, will launch in May.").get("Velquix") == "Product"
    assert types_of("Kelvo Bank launched Nurwafi, an Islamic banking service, in Malaysia.").get("Nurwafi") \
        == "Product"                                                   # a religion's adjective is no nationality
    kinds = types_of("Shares of Kelvo Basic Materials rose after Kelvo Basic Materials raised its forecast.")
    assert kinds.get("Kelvo Basic Materials") == "Company" and "Kelvo Basic" not in kinds, kinds   # a tier word
    #                                                                                  ends a product's name only
    from kg.extract.mentions import _described_by_apposition
    nlp = load_model()
    assert _described_by_apposition(nlp("Solvendi, the South Korean service, has gone the other way.")[0])
    assert not _described_by_apposition(nlp("Shares, however, fell on Monday.")[0])


def test_a_price_is_what_a_product_costs_not_an_amount_its_maker_is_owed():
    events = extract("Brintam Cycles makes the Sorvel 5 commuter e-bike (€2,499) and the Ostova cargo bike "
                     "(€4,490), both sold in Denmark.").events
    assert {(e.args["product"], e.args["amount"]) for e in events if e.type == "ProductPrice"} \
        == {("Sorvel 5", 2499.0), ("Ostova", 4490.0)}
    events = extract("The largest supplier, Textiles Ostova, which makes the chain's Sorvel own-label clothing sold "
                     "in every store, is owed 17 million euros.").events
    assert not [e for e in events if e.type == "ProductPrice"], events
    events = extract("Kelvo Motors makes the Orbo 5 scooter. Kelvo Motors wrote off Orbo 5 stock (€12m) in March.").events
    assert not [e for e in events if e.type == "ProductPrice"], events


def test_a_possessive_in_an_infinitive_points_at_the_subject_of_the_verb_it_completes():
    assert_facts("Brintam Motors met Aldova Systems on Monday. Japan's Halvenor Motors has signed on to use the "
                 "sensor in its next-generation Ostova sedan.", {("Halvenor Motors", "produces", "Ostova")},
                 {("Aldova Systems", "produces", "Ostova"), ("Brintam Motors", "produces", "Ostova")})
    assert_facts("Velmont Foods is struggling. Kelvo Capital has told Velmont Foods to sell its Orbo Snacks unit.",
                 {("Orbo Snacks", "subsidiaryOf", "Velmont Foods")}, {("Orbo Snacks", "subsidiaryOf", "Kelvo Capital")})
    assert_facts("Halvenor Group plans a shake-up. Advisors Brintam Capital are understood to have valued its "
                 "demerged Ostova Films unit at 300m pounds.", {("Ostova Films", "subsidiaryOf", "Halvenor Group")},
                 {("Ostova Films", "subsidiaryOf", "Brintam Capital")})


def test_a_relative_whose_is_the_company_the_clause_describes():
    assert_facts("Boston-based Brintam Automation, whose Ostova robots dominate in Canada, began selling them in "
                 "Germany in April.", {("Brintam Automation", "produces", "Ostova")}, set())


@pytest.mark.parametrize("code", ["M4", "B7"])
def test_a_model_code_before_a_variant_word_is_the_model_not_its_maker(code):
    result = extract(f"Tesmora Semiconductor beat forecasts on Thursday as data-centre buyers ordered more of its "
                     f"{code} inference accelerator.\n\nTesmora also showed the {code} Lite, a smaller version of the "
                     f"accelerator for servers, priced at $1,850. The original {code} is sold in Canada and Brazil.")
    assert {(e.name, e.type) for e in result.entities} >= {(code, "Product"), (f"{code} Lite", "Product")}
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert (code, "availableIn", "Canada") in facts, facts
    assert (code, "produces", f"{code} Lite") not in facts, facts


def test_a_name_the_parser_took_for_a_modifier_of_an_owned_product_noun_is_the_product():
    from spacy.tokens import Doc

    from kg.extract.mentions import named_in_owned_kind

    def parsed(words, tags, deps, heads):     # a parse as the small model gives it for some names ("Pike": UH amod)
        return Doc(load_model().vocab, words=words, tags=tags, deps=deps, heads=heads, pos=[
            {"NNP": "PROPN", "UH": "INTJ", "JJ": "ADJ", "PRP$": "PRON", "NN": "NOUN", "VBZ": "VERB"}[t] for t in tags])
    words = ["Brevona", "sells", "its", "Falcet", "lidar"]
    doc = parsed(words, ["NNP", "VBZ", "PRP$", "UH", "NN"], ["nsubj", "ROOT", "poss", "amod", "dobj"], [1, 1, 4, 4, 1])
    assert named_in_owned_kind(doc[3:4])
    doc = parsed(words[:3] + ["Danish"] + words[4:], ["NNP", "VBZ", "PRP$", "JJ", "NN"],
                 ["nsubj", "ROOT", "poss", "amod", "dobj"], [1, 1, 4, 4, 1])
    assert not named_in_owned_kind(doc[3:4])      # an adjective in capitals names no product


def test_a_capitalised_title_opening_a_persons_name_is_the_title():
    result = extract("Quorvex Foods reported higher sales on Monday.\n\nChief Executive Odile Ambrisel dismissed "
                     "such worries on Tuesday's call with analysts.")
    assert "Chief Executive Odile Ambrisel" not in {e.name for e in result.entities}
    assert ("Odile Ambrisel", "executiveOf", "Quorvex Foods") in {(f.subject, f.predicate, f.object)
                                                                   for f in result.facts}
    assert types_of("Managing Partners Capital said on Monday it had raised a new fund.").get(
        "Managing Partners Capital") == "Company"


def test_a_bare_title_where_the_paragraphs_around_name_several_firms_is_the_texts_own_firms():
    text = ("Quorvex Foods reported higher sales on Monday. Quorvex said its biscuits sold well. Quorvex also raised "
            "its forecast.\n\nDalmore Bakeries and Ostrig Bakeries cut prices last month. Quorvex has no plans to "
            "follow.\n\nOstrig Bakeries and Dalmore Bakeries both sell in Canada, as Quorvex does.\n\nChief executive "
            "Odile Ambrisel dismissed such worries on a call with analysts.")
    assert_facts(text, {("Odile Ambrisel", "executiveOf", "Quorvex Foods")},
                 {("Odile Ambrisel", "executiveOf", "Dalmore Bakeries")})
    # a digest of unrelated items: the newsletter's most named firm is not in view
    digest = ("Quorvex Foods raised prices. Quorvex said demand held. Quorvex expects growth.\n\n"
              "2. Dalmore Mills opened a mill in Peru.\n\nOstrig Bakeries sells bread in Peru too.\n\n"
              "\"Peru is hungry,\" chief executive Odile Ambrisel said at the opening.")
    assert ("Odile Ambrisel", "executiveOf", "Quorvex Foods") not in facts_of(digest)
    # the text's firm is no leader in the paragraphs around: nobody's executive
    rival = ("Quorvex Foods raised prices. Quorvex said demand held.\n\nQuorvex Foods expects growth.\n\nRival grocer "
             "Ostrig Foods, by contrast, posted a loss, and Ostrig Foods will cut 200 jobs; Quorvex Foods may hire some "
             "of the staff.\n\nChief executive Odile Ambrisel stepped down after the loss.")
    assert ("Odile Ambrisel", "executiveOf", "Quorvex Foods") not in facts_of(rival)


@pytest.mark.parametrize("name", ["Ostrig Bakeries", "Tesmora Resources", "Brevona Offshore", "Dalmore Shipyards",
                                  "Brevona Optics", "Quorvex Solutions", "Brevona Metrology", "Quorvex Lithography",
                                  "Dalmore Engineering", "Tesmora Avionics"])
def test_a_name_ending_in_a_trade_of_any_sector_is_a_company(name):
    assert types_of(f"{name} said on Monday that sales rose.").get(name) == "Company"


def test_a_firms_full_name_named_before_its_short_name_is_the_firm_not_a_product_of_it():
    text = ("In absolute terms the most exposed supplier is Velkaro Optronics. The Lyon-based group sold 2 billion "
            "euros of tools to Chinese customers last year.\n\nProportionally, Sundqvar Electron is hit harder. China "
            "took 41% of the Japanese maker's sales in the year to March. On Monday Sundqvar said it had dropped a "
            "joint venture with a Chinese foundry. Sundqvar's chief executive, Aiko Tamba, declined to comment.\n\n"
            "Velkaro can absorb the hit; Sundqvar, with thinner margins, cannot.")
    result = extract(text)
    entities = {e.name: e for e in result.entities}
    assert entities["Sundqvar Electron"].type == "Company" and "Sundqvar" not in entities
    assert entities["Velkaro Optronics"].type == "Company" and "Velkaro" not in entities
    assert ("Aiko Tamba", "executiveOf", "Sundqvar Electron") in {(f.subject, f.predicate, f.object)
                                                                  for f in result.facts}
    # a product named after its maker's full name, a model number: products still
    types = types_of('Dalmore Technologies S.A. ("Dalmore") launched Dalmore Pass, a monthly membership, in Spain. '
                     'Dalmore Pass costs 5 euros a month. Dalmore said 20,000 people had joined.')
    assert types.get("Dalmore Pass") == "Product"


def test_an_agreement_with_a_firm_the_parser_made_the_subject_of_a_participle_is_with_that_firm():
    assert_facts("Kjelmark Gruppen and Vossberg AB said sales rose. In August Kjelmark Gruppen signed a purchasing "
                 "agreement with Vossberg AB.", {("Kjelmark Gruppen", "partnersWith", "Vossberg AB")}, set())  # "In
    #                                                         August Kjelmark Gruppen", parsed as one prepositional phrase
    assert_facts("Kjelmark Gruppen and Vossberg AB said sales rose. In August Kjelmark instead signed a joint "
                 "purchasing agreement with Vossberg covering fresh produce and coffee.",
                 {("Kjelmark Gruppen", "partnersWith", "Vossberg")}, set())


def test_a_rival_named_in_a_description_joined_to_another_is_the_named_firms():
    assert_facts("Lindqvarn AB and Norrhavn AB cut prices. The cheapest of all was Lindqvarn, the German discounter "
                 "and Norrhavn's main rival in Sweden, at SEK 1,019.",
                 {("Norrhavn", "competesWith", "Lindqvarn")}, set())


@pytest.mark.parametrize("text, fact", [
    # the parser joined the rival to the country of the description before it
    ("Brannock, the biggest grocer in Norway and Vintrel's main rival, said it would keep cutting prices.",
     ("Vintrel", "competesWith", "Brannock")),
    # "its" in a description of the name before is another firm's: the clause's subject
    ("Oskarsholm Semiconductor makes memory. Oskarsholm trails Kestivar Devices, its main competitor.",
     ("Oskarsholm Semiconductor", "competesWith", "Kestivar Devices")),
    ("Oskarsholm Semiconductor makes memory. Analysts said Oskarsholm had closed much of the gap with Japan's "
     "Kestivar Devices, its main competitor.", ("Oskarsholm Semiconductor", "competesWith", "Kestivar Devices")),
])
def test_a_description_naming_a_rival_is_of_the_name_it_follows(text, fact):
    assert fact in facts_of(text)


def test_each_firm_of_a_list_placed_in_a_market_is_there():
    facts = facts_of("Kjelmark AS, Brattfjell AS, Vossberg AB, Lindqvarn AB and Norrhavn AB cut prices. Our testers "
                     "bought a basket at Kjelmark and Brattfjell in Norway, and at Vossberg, Lindqvarn and Norrhavn in "
                     "Sweden.")
    assert {("Brattfjell", "operatesIn", "Norway"), ("Lindqvarn", "operatesIn", "Sweden"),
            ("Norrhavn", "operatesIn", "Sweden")} <= facts, facts
    assert ("Kjelmark", "operatesIn", "Sweden") not in facts


def test_a_group_described_as_owning_several_firms_owns_each():
    assert_facts("Kjelmark AS and Brattfjell AS raised prices.\n\nOstervik Gruppen, the Norwegian group that owns "
                 "both Kjelmark and Brattfjell, agreed last year to buy 38 Vossberg stores.",
                 {("Kjelmark", "subsidiaryOf", "Ostervik Gruppen"), ("Brattfjell", "subsidiaryOf",
                                                                      "Ostervik Gruppen")}, set())


def test_a_nationality_on_a_site_a_company_opens_is_a_market_it_enters():
    result = extract("Holmvik AB is going the other way. The Gothenburg-based discounter opened its first Norwegian "
                     "store, in Fredrikstad, on 30 September.")
    assert ("Holmvik AB", "operatesIn", "Norway") in {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {(e.type, e.args["company"], e.args["market"]) for e in result.events} >= {
        ("StoreOpening", "Holmvik AB", "Norway"), ("MarketEntry", "Holmvik AB", "Norway")}
    assert_facts("Sarvenna Motors will build a Polish plant next year.", {("Sarvenna Motors", "targetsMarket", "Poland")},
                 set())
    assert_facts("Sarvenna Motors closed its Polish plant. Sarvenna Motors said costs were too high.", set(),
                 {("Sarvenna Motors", "operatesIn", "Poland"), ("Sarvenna Motors", "targetsMarket", "Poland")})


def test_a_description_placing_a_firm_in_a_city_rules_out_a_firm_of_another_country():
    text = ("The cheapest was Kestrup, the German discounter. Holmvik AB is going the other way. The "
            "Gothenburg-based discounter opened its first Norwegian store on 30 September.")
    facts = facts_of(text)
    assert ("Holmvik AB", "operatesIn", "Norway") in facts, facts
    assert ("Kestrup", "operatesIn", "Norway") not in facts


@pytest.mark.parametrize("text, measure", [
    ("| Memory | 16 GB / 512 GB | 32 GB / 1 TB |", "GB"),
    ("Holmvik sells a 14-inch 2.8K OLED laptop with a 90Hz screen.", "2.8K"),
    ("Holmvik's tablet has a 90Hz screen and a 60Wh battery.", "90Hz"),
])
def test_a_unit_of_measure_is_no_name(text, measure):
    assert measure not in {e.name for e in extract(text).entities}


def test_a_reviewer_at_a_publication_works_for_it():
    assert_facts("Holmvik lent us the review unit. Aditi Sarvenna is a senior reviewer at Kestrup Media.",
                 {("Aditi Sarvenna", "worksFor", "Kestrup Media")}, set())


def test_a_dateline_with_an_abbreviated_month_names_no_company():
    result = extract("KUALA LUMPUR, Oct 7 - Dorvanta, Malaysia's largest online marketplace, opened its first two "
                     "shops in Singapore on Saturday.")
    names = {e.name: e.type for e in result.entities}
    assert "Kuala Lumpur" not in names and "KUALA LUMPUR" not in names and "Oct 7" not in names, names
    assert names.get("Dorvanta") == "Company"
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert ("Dorvanta", "operatesIn", "Singapore") in facts, facts
    assert not [e for e in result.events if e.args.get("market") == "Malaysia"], result.events   # its home


def test_a_marketplace_or_e_wallet_described_so_is_a_company_and_its_home_is_no_entry():
    result = extract("JAKARTA, Oct 5 - Mirovia, Indonesia's second-largest online marketplace, will start taking "
                     "orders in Vietnam on Nov. 15, the company said. Shoppers will pay through Kelsapay, a Hanoi-based "
                     "e-wallet with 11 million users.")
    types = {e.name: e.type for e in result.entities}
    assert types.get("Mirovia") == "Company" and types.get("Kelsapay") == "Company", types
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Mirovia", "targetsMarket", "Vietnam"), ("Mirovia", "operatesIn", "Indonesia")} <= facts, facts
    assert ("Mirovia", "targetsMarket", "Indonesia") not in facts
    assert ("MarketEntry", "Vietnam") in {(e.type, e.args.get("market")) for e in result.events}
    # a country's marketplace is still its market: "a chance of doing well in the U.S. marketplace"
    assert_facts("Mirovia Ltd said sales rose. It has a chance of doing well in the U.S. marketplace.", set(),
                 {("Mirovia Ltd", "operatesIn", "United States")})


@pytest.mark.parametrize("line, body", [
    ("MANILA, Oct 6 - Dorvanta, the Philippine e-wallet, said so.", "Dorvanta, the Philippine e-wallet, said so."),
    ("SAN JOSE, California, March 3, 2026 (Newswire) - Holmvik said so.", "Holmvik said so."),
    ("LONDON (Reuters) -- Shares fell.", "Shares fell."),
    ("LISBON, Portugal, 3 March 2026 - Kestrup said so.", "Kestrup said so."),
    ("IBM - the firm said so.", "IBM - the firm said so."),           # no place: no dateline
    ("BREAKING - Holmvik said so.", "BREAKING - Holmvik said so."),
])
def test_a_wire_dateline_is_no_part_of_the_first_sentence(line, body):
    from kg.extract.nlp import paragraphs
    text = "Headline\n" + line
    (_, (offset, found)) = list(paragraphs(text))
    assert found == body and text[offset:] == body


def test_a_firm_after_a_dateline_is_typed_by_its_description_and_its_own_announcement_is_no_claim():
    result = extract("MANILA, Oct 6 - Dorvanta, the Philippine e-wallet controlled by Manila conglomerate Kestrup "
                     "Holdings, has called off its planned purchase of Holmvik Payments, the two companies said.")
    types = {e.name: e.type for e in result.entities}
    assert types.get("Dorvanta") == "Company" and "Oct 6" not in types, types
    assert ("Dorvanta", "subsidiaryOf", "Kestrup Holdings") in {(f.subject, f.predicate, f.object)
                                                                for f in result.facts}
    result = extract("AMSTERDAM, 8 April 2025 - Holmvik Group N.V., the Dutch fashion retailer, today announced the "
                     "opening of its first two stores in Spain and the completion of its purchase of Kestrup Denim.")
    assert not result.claims, result.claims


def test_a_brand_a_company_owns_and_sells_is_its_product_and_on_sale_where_the_text_says():
    result = extract("Tarvik Cement said volumes rose. Its premium brand, Velkona Gold, now sold in Nepal as well "
                     "as India, made up 31% of volumes.")
    assert {e.name: e.type for e in result.entities}.get("Velkona Gold") == "Product"
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Tarvik Cement", "produces", "Velkona Gold"), ("Velkona Gold", "availableIn", "Nepal")} <= facts, facts


def test_a_service_a_relative_clause_says_is_run_in_a_market_is_available_there():
    facts = facts_of("Zunder Telecom said revenue rose. Mobile data revenue grew 21%, and Pemby, the mobile-money "
                     "service it runs in Kenya and Uganda, added 1.2 million users.")
    assert {("Pemby", "availableIn", "Kenya"), ("Pemby", "availableIn", "Uganda"),
            ("Zunder Telecom", "operatesIn", "Kenya")} <= facts, facts
    facts = facts_of("Zunder Telecom said revenue rose. Pemby, the mobile-money service it plans to run in Kenya, "
                     "added users in Uganda.")
    assert ("Pemby", "availableIn", "Kenya") not in facts, facts


def test_a_quote_the_parser_made_a_second_subject_of_the_speech_verb_is_the_named_persons():
    claims = extract("Tarvik Mining agreed to buy Velkona Ridge.\n\n\"Brine costs less to run than hard rock when "
                     "prices are this low, and Velkona Ridge has some of the best brine we have looked at,\" managing "
                     "director Maren Holt told reporters on a conference call.").claims
    assert [c.speaker for c in claims] == ["Maren Holt"], claims


def test_a_speech_verb_set_into_a_clause_reports_the_clause():
    claims = extract("\"Pricing is the headline,\" said Maren Holt, an analyst at Tarvik Capital. Velkona Motors, she "
                     "added, has undercut every Western brand it has met in Europe.").claims
    assert ("Maren Holt", "Velkona Motors") in {(c.speaker, name) for c in claims for name in c.about}, claims


def test_rivals_a_buyer_chose_between_or_a_deal_put_in_competition():
    assert_facts("Veyrac SA and Keppler AG bid for the contract. Tanager chose Veyrac over Keppler, the German rival.",
                 {("Veyrac", "competesWith", "Keppler")}, set())
    assert_facts("Veyrac SA and Keppler AG bid for the contract. Tanager did not choose Veyrac over Keppler.", set(),
                 {("Veyrac", "competesWith", "Keppler")})
    assert_facts("Kestrup Mining agreed a deal. The purchase also puts Kestrup Mining in direct competition with "
                 "Zunder Mining, the Chilean producer.", {("Kestrup Mining", "competesWith", "Zunder Mining")}, set())


def test_competes_tagged_a_plural_noun_after_a_name_is_still_the_verb():
    from spacy.tokens import Doc

    from kg.extract.relations import _verb_tagged_a_noun
    words = ["In", "Mexico", ",", "Zunder", "competes", "with", "Ostrig"]      # the small model's parse of such a line
    doc = Doc(load_model().vocab, words=words, tags=["IN", "NNP", ",", "NNP", "NNS", "IN", "NNP"],
              pos=["ADP", "PROPN", "PUNCT", "PROPN", "NOUN", "ADP", "PROPN"],
              deps=["prep", "pobj", "punct", "compound", "ROOT", "prep", "pobj"], heads=[4, 0, 4, 4, 4, 4, 5])
    assert _verb_tagged_a_noun(doc[4])
    doc = Doc(load_model().vocab, words=["Zunder", "competes"], tags=["NNP", "NNS"], pos=["PROPN", "NOUN"],
              deps=["compound", "ROOT"], heads=[1, 1])
    assert not _verb_tagged_a_noun(doc[1])          # no rival after it


def test_a_city_of_two_words_before_based_is_the_whole_city():
    facts = facts_of("Brisvale Bank, an American lender, agreed on Monday to buy Harlow Mutual, a British insurer. The "
                     "New York-based lender plans to open 20 branches in Canada next year.")
    assert ("Brisvale Bank", "targetsMarket", "Canada") in facts and ("Harlow Mutual", "targetsMarket", "Canada") \
        not in facts, facts


@pytest.mark.parametrize("text, market", [
    ("Kestrup Group opened a Japanese restaurant in London on Friday.", "Japan"),     # a cuisine, in London
    ("Kestrup Group opened a Japanese shop in London on Friday.", "Japan"),           # a style, placed elsewhere
])
def test_a_nationality_on_a_site_placed_in_another_country_is_no_market(text, market):
    assert not [f for f in extract(text).facts if f.object == market]


def test_a_platform_a_firm_launches_is_its_product_though_described_as_a_marketplace():
    types = types_of("Kestrup Group launched Kestrup Pay, an e-wallet, in Vietnam on Monday.")
    assert types.get("Kestrup Pay") == "Product", types


@pytest.mark.parametrize("text, name", [
    ("Kestrup Corp unveiled the Kestrup Acoustics speaker line on Monday.", "Kestrup Acoustics"),
    ("Zunder makes the Lumo Graphics chip, which rivals products from Kestrup Corp.", "Lumo Graphics"),
    ("Gabor Jankovics of Kestrup Foods said demand was strong.", "Gabor Jankovics"),
])
def test_words_ending_like_a_science_are_no_firm_names_by_that_alone(text, name):
    assert types_of(text).get(name) != "Company"


@pytest.mark.parametrize("text", ["ALL 1,200 JOBS", "the TOP 1,000 list", "the AMD 7,000 series", "COP 1,000 delegates"])
def test_a_code_that_is_a_word_before_a_plain_number_is_no_money(text):
    from kg.extract.normalize import find_money
    assert find_money(text) == []


def test_a_trader_its_local_arm_and_a_founder_who_stays_on():
    result = extract("Brenvik Grain, the agricultural trader based in Switzerland, has agreed to buy Osmara Agro, "
                     "Romania's second-largest fertiliser distributor. Its local arm, Brenvik Romania, already buys "
                     "wheat in Romania.\n\nFounded in 2004 by Sorin Vălcescu, who will stay on as chief executive, "
                     "Osmara reported revenue of 2.3 billion lei.")
    types = {e.name: e.type for e in result.entities}
    assert types.get("Brenvik Grain") == "Company" and types.get("Brenvik Romania") == "Company", types
    assert types.get("Sorin Vălcescu") in ("Person", "Executive"), types


def test_a_headline_short_name_and_an_executive_who_joined_as_an_officer():
    text = ("\"We go where our guests fly\": Velmora's Inés Brasquel-Rourke on three new countries\n\n"
            "Velmora Hotels, the family-controlled group from Palma, runs 68 hotels in Spain and the Dominican "
            "Republic. Inés Brasquel-Rourke, who joined as chief development officer in 2025 after eleven years at "
            "Spanish rival Karvell Hotels, spoke to us in Madrid.")
    result = extract(text)
    types = {e.name: e.type for e in result.entities}
    assert types.get("Inés Brasquel-Rourke") in ("Person", "Executive") and "Velmora" not in types, types
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert ("Inés Brasquel-Rourke", "executiveOf", "Velmora Hotels") in facts, facts
    assert ("Inés Brasquel-Rourke", "executiveOf", "Karvell Hotels") not in facts


def test_dominican_is_the_dominican_republic():
    from kg.extract.markets import resolve_market
    assert resolve_market("Dominican market").name == "Dominican Republic"


def test_a_bare_title_after_lists_and_headings_that_name_no_firm_is_the_texts_firm():
    text = ("Karvell Systems closed 2027 with its best quarter. Karvell Systems said orders rose. Karvell Systems raised "
            "its dividend.\n\n## The quarter in figures\n\n- Revenue: $1.21bn\n\n- Gross margin: 47.3%\n\n"
            "- New orders: $1.38bn\n\n## What drove it\n\n\"We shipped more systems to Korea than ever,\" chief "
            "executive Dana Velmora-Lind told analysts.")
    assert ("Dana Velmora-Lind", "executiveOf", "Karvell Systems") in facts_of(text)


def test_there_points_at_the_one_market_just_named():
    facts = facts_of("Karvell Ltd, which still has no service in Brazil, will launch there early next year.")
    assert {("Karvell Ltd", "absentFrom", "Brazil"), ("Karvell Ltd", "targetsMarket", "Brazil")} <= facts, facts
    assert_facts("Karvell Ltd sells phones in Brazil. It also makes them there.",
                 {("Karvell Ltd", "operatesIn", "Brazil")}, set())
    facts = facts_of("Karvell Ltd ships from Japan to Korea, and sells there too.")     # two markets: which one?
    assert not [f for f in facts if f[1] == "operatesIn" and f[2] in ("Japan", "South Korea")], facts
    assert_facts("Karvell Ltd said there is demand in Brazil.", set(), {("Karvell Ltd", "operatesIn", "Brazil")})


def test_a_site_a_company_opens_or_builds_in_a_market():
    assert_facts("Velmora Motors opened a plant in Poland in 2019.", {("Velmora Motors", "operatesIn", "Poland")}, set())
    assert_facts("Velmora Motors will build a factory in Poland.", {("Velmora Motors", "targetsMarket", "Poland")},
                 set())
    assert_facts("Velmora Motors will not build a factory in Poland.", set(),
                 {("Velmora Motors", "targetsMarket", "Poland"), ("Velmora Motors", "operatesIn", "Poland")})


def test_an_agreement_signed_in_a_clause_after_dealing_with_one_firm_is_with_that_firm():
    assert_facts("Navello Lines, the Chilean coastal carrier, has switched its feeder calls to Karvell Terminals at "
                 "San Vicente, and on Monday signed a six-month berthing agreement to keep them there.",
                 {("Navello Lines", "partnersWith", "Karvell Terminals")}, set())
    assert_facts("Navello Lines sued Karvell Terminals in March and signed a licensing agreement in May.", set(),
                 {("Navello Lines", "partnersWith", "Karvell Terminals")})


def test_a_product_launched_in_a_participle_or_relative_clause():
    facts = facts_of("Karvell Ltd streams music. Karvell Basic, the ad-funded tier it launched in Spain in June, is "
                     "the part worth watching.")
    events = extract("Karvell Ltd streams music. Karvell Basic, the ad-funded tier it launched in Spain in June, is "
                     "the part worth watching.").events
    assert ("ProductLaunch", "Karvell Ltd", "Karvell Basic") in {(e.type, e.args.get("company"), e.args.get("product"))
                                                               for e in events}, events
    events = extract("Velmora SA sells water. Velmora Cero, launched that year, now accounts for half of the "
                     "company's sales.").events
    assert ("ProductLaunch", "Velmora Cero") in {(e.type, e.args.get("product")) for e in events}, events


def test_review_cases_of_the_second_batch():
    assert "Ann Lemmer" in {e.name for e in extract("Gold fell 2%, said Ann Lemmer, a trader at Velmora Securities, "
                                                    "as the dollar rose.").entities if e.type in ("Person", "Executive")}
    assert types_of("Karvell Corp launched Karvell Cloud, a storage service, in Brazil for $20 a month.").get(
        "Karvell Cloud") == "Product"
    from kg.extract.normalize import find_money
    assert [m[2:] for m in find_money("priced at AED 1,499.")] == [(1499.0, "AED")]
    assert extract("Karvell agrees sale of Karvell Dairies\n\nKarvell Cement said on Monday it would sell its Karvell "
                   "Dairy unit to Velmora Group for $30 million.").facts            # no crash on a headline-only form
    assert not [f for f in facts_of("Karvell Shipping plans to raise its fees.\n\nThe plan was criticised by Ann "
                                    "Lemmer, who joined the Marrow Bay Port Authority as chief executive in 2019.")
                if f[1] == "executiveOf"]
    assert_facts("Karvell Medical is not in direct competition with Velmora Devices, which sells only to hospitals.",
                 set(), {("Karvell Medical", "competesWith", "Velmora Devices")})
    assert_facts("Karvell Group bought Velmora Foods in competition with Ostrig Capital, paying $40 million.",
                 {("Karvell Group", "competesWith", "Ostrig Capital")},
                 {("Velmora Foods", "competesWith", "Ostrig Capital")})
    assert types_of("Karvell Group will offer jobs to workers at Velmora Vale who lose their posts when the plant "
                    "closes.").get("Velmora Vale") == "Company"


def test_freight_and_power_units_are_no_names():
    result = extract("According to Keelvane Research, some 38,000 TEU of cargo have been diverted. \"Every day of "
                     "this strike helps Peru,\" Tomas Ostrander-Vale, a senior analyst at the firm, wrote.")
    assert "TEU" not in {e.name for e in result.entities}
    assert ("Tomas Ostrander-Vale", "worksFor", "Keelvane Research") in {(f.subject, f.predicate, f.object)
                                                                          for f in result.facts}


def test_taking_a_product_to_a_market_is_an_entry():
    result = extract("Karvell Ltd makes phones. The company wants to take its laptops to Vietnam and the Philippines "
                     "in 2028.")
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Karvell Ltd", "targetsMarket", "Vietnam"), ("Karvell Ltd", "targetsMarket", "Philippines")} <= facts
    assert ("MarketEntry", "Vietnam") in {(e.type, e.args.get("market")) for e in result.events}
    assert not [f for f in facts_of("Karvell Ltd took the dispute to Vietnam's courts.") if f[1] == "targetsMarket"]


def test_every_targeted_market_is_a_planned_entry_once():
    from kg.extract.pipeline import _planned_entries
    from kg.model import Event, Evidence, Fact
    evidence = Evidence("t.txt", "Velkona plans to enter Chile and Peru.", 0, 38)
    facts = [Fact("Velkona", "targetsMarket", "Chile", evidence), Fact("Velkona", "targetsMarket", "Peru", evidence),
             Fact("Velkona", "operatesIn", "Brazil", evidence)]
    events = [Event("MarketEntry", {"company": "Velkona", "market": "Chile"}, evidence)]
    added = _planned_entries(events, facts)
    assert [(e.type, e.args) for e in added] == [("MarketEntry", {"company": "Velkona", "market": "Peru"})]


def test_closing_a_site_says_the_firm_is_there_now_not_that_it_aims_at_the_market():
    assert_facts("Kelvo makes cars. Kelvo will close its first plant in Mexico next year.",
                 {("Kelvo", "operatesIn", "Mexico")}, {("Kelvo", "targetsMarket", "Mexico")})


@pytest.mark.parametrize("text, name", [
    ("Stalvik Steel is best known for Brandeck, a hardened plate used in mining trucks.", "Brandeck"),
    ("Quellmar Agro is also introducing Aura Drive, a retrofit kit for its tractors.", "Aura Drive"),
    ("Brandeck Pharma sells Quellmar, a once-daily inhaler, in Canada.", "Quellmar"),
    ("Stalvik Bank has grown largely on Kotvara, a home-insurance policy sold through its app.", "Kotvara"),
])
def test_goods_of_heavy_industry_finance_and_medicine_are_products(text, name):
    assert types_of(text).get(name) == "Product"


def test_a_model_code_before_a_kind_of_product_is_that_product_and_the_firm_it_is_from_its_maker():
    result = extract("Jentara Air said the jets will be powered by QR7 engines from Ostveld Propulsion. Last year "
                     "Kavrin Airways agreed to buy 40 MX52 jets from Marrowick Leasing.")
    types = {e.name: e.type for e in result.entities}
    assert types.get("QR7") == "Product" and types.get("MX52") == "Product", types
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert ("Ostveld Propulsion", "produces", "QR7") in facts, facts
    assert ("Marrowick Leasing", "produces", "MX52") not in facts        # a seller is no maker
    assert ("Kavrin Airways", "produces", "MX52") not in facts


@pytest.mark.parametrize("text, term", [
    ("Zelkor Software sells B2B software to banks.", "B2B"),
    ("Zelkor Labs makes CO2 sensors for offices.", "CO2"),
    ("Zelkor Health sells vitamin B12 supplements.", "B12"),
])
def test_business_terms_gases_and_vitamins_are_no_model_codes(text, term):
    assert types_of(text).get(term) != "Product"


def test_a_buyer_of_a_model_is_no_maker():
    facts = facts_of("Marrowick Aircraft received orders for 40 MX52 jets from Kavrin Airways.")
    assert ("Kavrin Airways", "produces", "MX52") not in facts


def test_one_of_a_model_and_what_it_costs_make_a_product():
    assert types_of("Jentara Air ordered jets from Ostveld Aerospace. At list prices an OV8 costs $121.5 million, "
                    "Ostveld said.").get("OV8") == "Product"


@pytest.mark.parametrize("text, present, absent", [
    ("Jentara Air has ordered 60 jets as it prepares to fly to Japan for the first time.",
     {("Jentara Air", "targetsMarket", "Japan")}, {("Jentara Air", "operatesIn", "Japan")}),
    ("Tessarine Mobile plans to sell its phones in Brazil.",
     {("Tessarine Mobile", "targetsMarket", "Brazil")}, {("Tessarine Mobile", "operatesIn", "Brazil")}),
    # more of the same where it is already
    ("Tessarine Mobile plans to sell more phones in Brazil.",
     {("Tessarine Mobile", "operatesIn", "Brazil")}, {("Tessarine Mobile", "targetsMarket", "Brazil")}),
])
def test_a_plan_to_sell_somewhere_is_a_target_not_a_presence(text, present, absent):
    assert_facts(text, present, absent)


def test_a_deal_that_ends_something_else_is_no_cancelled_deal():
    result = extract("Jentara Air ordered 60 jets from Quarvel Aerospace. For Quarvel, Tuesday's deal ends a losing "
                     "run against its American rival Brodwyn Aircraft, which had taken three of the last four orders.")
    assert not [e for e in result.events if e.type == "DealCancellation"]
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert ("Quarvel Aerospace", "competesWith", "Brodwyn Aircraft") in facts      # "For Quarvel, ... its rival": Quarvel's
    assert ("Jentara Air", "competesWith", "Brodwyn Aircraft") not in facts
    assert [e for e in extract("Ilvane Foods cancelled its supply deal with Jentara Air in May.").events
            if e.type == "DealCancellation"]


def test_a_place_the_text_calls_a_city_makes_nothing():
    result = extract("Vestrium Semiconductor will build its first factory in Europe in the German city of Leipzig. "
                     "Leipzig will make the Harlo A7, a memory chip that the company launched in January.")
    assert "Leipzig" not in {e.name for e in result.entities}
    assert ("Vestrium Semiconductor", "produces", "Harlo A7") in {(f.subject, f.predicate, f.object) for f in result.facts}


def test_a_firms_name_with_a_country_and_a_legal_form_is_its_unit_there():
    facts = facts_of("Vestrium Semiconductor will build a plant in Leipzig. The site will be run by Vestrium Semiconductor Germany "
                     "GmbH, a subsidiary set up last year.")
    assert ("Vestrium Semiconductor Germany GmbH", "subsidiaryOf", "Vestrium Semiconductor") in facts, facts


def test_rivals_a_sentence_ends_on_are_the_firms_the_next_one_is_about():
    text = ("Vestrium Semiconductor will build a plant in Leipzig. The decision brings Vestrium closer to its larger "
            "rivals in Europe. South Korea's Ilsebrand Semiconductor, the market leader, runs a plant in Poland, "
            "while Tovacci Devices of the United States has made chips in Italy since 2019.")
    facts = facts_of(text)
    assert {("Vestrium Semiconductor", "competesWith", "Ilsebrand Semiconductor"),
            ("Vestrium Semiconductor", "competesWith", "Tovacci Devices")} <= facts, facts
    assert ("Tovacci Devices", "operatesIn", "Italy") in facts
    # a source that speaks next is no rival
    assert not {f for f in facts_of("Vestrium Semiconductor lags its larger rivals. Perugald Research expects prices to "
                                    "rise.") if f[1] == "competesWith"}


def test_a_plan_to_set_up_a_first_office_targets_the_market():
    assert_facts("Vestrium Semiconductor ended talks with Quillon Electronics. The company also said it planned to set up "
                 "a sales office in Bengaluru next year, its first in India.",
                 {("Vestrium Semiconductor", "targetsMarket", "India")}, {("Vestrium Semiconductor", "operatesIn", "India")})


def test_a_quoted_person_the_model_calls_a_place_is_a_person_with_a_full_name():
    result = extract("Zaberta streams films in Chile. Ilaria Roccaluna started the company as Cinevalle, a "
                     "film-club app, and renamed it Zaberta in 2024. She is still chief executive, and she thinks "
                     "scale in Latin America will come through phone bills, not app stores. \"Our viewers watch us "
                     "on a phone, on a bus,\" Roccaluna told me.")
    types = {e.name: e.type for e in result.entities}
    assert types.get("Ilaria Roccaluna") in ("Person", "Executive"), types
    assert "Roccaluna" not in types                                  # the surname joins the full name
    assert [c for c in result.claims if c.speaker == "Ilaria Roccaluna"]


def test_a_firm_named_with_a_possessive_and_a_legal_form_is_one_firm():
    result = extract("MANITOWOC - Halvesta Foods has agreed to buy Brindlow's Snack Co., the Minnesota maker of "
                     "kettle-cooked potato chips. Brindlow's Kettle Chips have never been sold outside the United "
                     "States.")
    companies = {e.name for e in result.entities if e.type == "Company"}
    assert "Brindlow's Snack Co." in companies and "Snack Co." not in companies, companies
    assert "Brindlow" not in companies                                 # the short name joins the full one
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Halvesta Foods", "partnersWith", "Brindlow's Snack Co."),
            ("Brindlow's Snack Co.", "operatesIn", "United States")} <= facts, facts   # "the Minnesota maker"
    # a country's possessive stays the country's
    names = {e.name for e in extract("Halvesta Foods competes with Japan's Pemmick Co. in Asia.").entities}
    assert "Pemmick Co." in names and "Japan" in names, names


@pytest.mark.parametrize("text, fact", [
    # "there" is the one market its own sentence names, before the list of the sentence ahead
    ("Velquara Telecom has 71 million customers in Mexico, Colombia, Chile and Peru. Peru is left out of the deal "
     "because Ombrivo Media does not operate there.", ("Ombrivo Media", "absentFrom", "Peru")),
    # a launch "there"
    ("Ombrivo launched Ombrivo Libre in Colombia last month. Brazil, where it has no service yet, is next: Mr "
     "Nerevin said Ombrivo's launch there was planned for early 2029.", ("Ombrivo", "targetsMarket", "Brazil")),
    # a firm described as one "from" a country
    ("From 2022 Velquara Telecom bundled Castaldra, the streaming giant from the United States, with its plans.",
     ("Castaldra", "operatesIn", "United States")),
])
def test_there_a_launch_there_and_a_firm_from_a_country(text, fact):
    assert fact in facts_of(text)


@pytest.mark.parametrize("text, absent", [
    # a sales target where it sells is no entry
    ("Tessarine Mobile sells phones in India. Tessarine Mobile aims to sell 1 million phones in India in 2026.",
     ("Tessarine Mobile", "targetsMarket", "India")),
    # a firm the next sentence is about alone is no rival
    ("Tovrask Motors lost market share to its rivals. Kelvra Bank, its biggest lender, cut its credit line.",
     ("Tovrask Motors", "competesWith", "Kelvra Bank")),
])
def test_no_target_from_a_sales_goal_and_no_rival_from_one_firm_named_next(text, absent):
    assert absent not in facts_of(text)


def test_a_deal_in_a_relative_clause_on_what_was_cancelled_is_cancelled():
    events = extract("Kavrin Airways cancelled 20 jets that were part of a 2019 order with Quarvel Aerospace.").events
    assert [e for e in events if e.type == "DealCancellation"]


def test_its_in_a_description_naming_a_market_is_still_another_firms():
    assert ("Oskarsholm Semiconductor", "competesWith", "Kestivar Devices") in facts_of(
        "Oskarsholm Semiconductor makes memory. Oskarsholm trails Kestivar Devices, its main competitor in Japan.")


@pytest.mark.parametrize("text", [
    "Demand for High Bandwidth Memory doubled, Kelvra Semiconductor said.",
    "Kelvra Semiconductor sells Flash Memory cards in Japan.",
])
def test_memory_chip_terms_are_no_firms(text):
    assert not [n for n, t in types_of(text).items() if t == "Company" and n.endswith("Memory")]


@pytest.mark.parametrize("text", [
    "Dravos Capital bought Brexa last year. Brexa cost $2 billion, twice what Dravos paid for Kelvra Foods.",
    "Analysts said Ulvatra would cost Dravos Capital $3 billion.",
])
def test_a_price_paid_for_a_firm_makes_no_product(text):
    assert not [e for e in extract(text).events if e.type == "ProductPrice"]


def test_a_seat_written_as_one_word_in_any_case_is_no_part_of_a_name():
    names = {e.name for e in extract("Dravos Capital bought U.K.-domiciled Kelvra Foods last year.").entities}
    assert "Kelvra Foods" in names, names


def test_a_share_index_is_no_firm_wherever_it_is_named():
    result = extract("Kelvo Motors shares fell. France's Cac index of big shares lost 5%, and the Dow Jones index "
                     "had risen 20 points by late morning, as the Dow Jones gained.")
    names = {e.name for e in result.entities}
    assert not names & {"Cac", "Dow Jones"}, names
    assert not [f for f in result.facts if f.subject in ("Cac", "Dow Jones")]


def test_a_partner_at_a_firm_is_a_person_but_a_designer_with_shops_stays_a_firm():
    types = types_of("Profits beat forecasts, said Edwin Marrable, partner at Quorne Hadley Partners.")
    assert types.get("Edwin Marrable") in ("Person", "Executive"), types
    facts = facts_of("Kelvo Group bought Marlowe Hendry, a luxury designer with 40 shops in France, for $300m.")
    assert ("Marlowe Hendry", "subsidiaryOf", "Kelvo Group") in facts, facts


@pytest.mark.parametrize("text", ["Tarvo Networks said its LTE technology was ready.",
                                  "Zestrel Pharma said its mRNA technology could treat flu."])
def test_a_standard_or_technique_a_firm_uses_is_no_product_of_its(text):
    assert not [f for f in facts_of(text) if f[1] == "produces"]


@pytest.mark.parametrize("text, present, absent", [
    ("Kessimar Semiconductor makes chips. Europe accounted for 11 per cent of Kessimar's sales last year.",
     {("Kessimar Semiconductor", "operatesIn", "Europe")}, set()),
    ("Kessimar Semiconductor makes chips. China and Japan make up a third of its revenue.",
     {("Kessimar Semiconductor", "operatesIn", "China"), ("Kessimar Semiconductor", "operatesIn", "Japan")}, set()),
    ("Kessimar Semiconductor makes chips. Europe did not account for much of Kessimar's sales.",
     set(), {("Kessimar Semiconductor", "operatesIn", "Europe")}),
    # seated in a place of a country, by a participle on a description
    ("Ebbrecht Propulsion makes engines. Ebbrecht, an engine maker based in Derby in the United Kingdom, said the "
     "contract was worth more.", {("Ebbrecht Propulsion", "operatesIn", "United Kingdom")}, set()),
    ("Ebbrecht Pumps makes pumps. Ebbrecht, a pump maker based in Leeds in the United Kingdom, said sales rose.",
     {("Ebbrecht Pumps", "operatesIn", "United Kingdom")}, set()),       # (the country hung on the city)
])
def test_a_market_in_a_firms_takings_and_a_seat_on_its_description(text, present, absent):
    assert_facts(text, present, absent)


def test_there_in_a_quote_is_the_market_named_just_before():
    result = extract('Brennavi Media streams films in Kenya, said Amara Ostrelle, its chief executive. Brennavi has, by '
                     'contrast, stayed out of South Africa, where pay-TV incumbents are entrenched. "We would be a small '
                     'fish there," Ostrelle says.')
    assert [c for c in result.claims if c.speaker == "Amara Ostrelle" and "South Africa" in c.about
            and "fish" in c.text], [(c.speaker, c.about, c.text) for c in result.claims]


def test_a_card_processor_a_people_and_a_time_are_no_products_and_calling_is_no_cancelling():
    result = extract("Trevassa Bank launched its app in Romania. Its debit cards are run by Olmecca Pay, a "
                     "Bucharest-based card processor, under a five-year agreement. Its chief executive said 38,000 "
                     "Romanians had opened accounts. Marek Dravinsk, an analyst at Halvorn Securities, called the "
                     "branch cuts \"overdue\" but was less convinced by the Romanian venture. Trevassa shares rose "
                     "4.2% by 0915 GMT.")
    types = {e.name: e.type for e in result.entities}
    assert types.get("Olmecca Pay") == "Company", types
    assert "Romanians" not in types and not [n for n in types if "GMT" in n], types
    assert not [e for e in result.events if e.type == "DealCancellation"]
    assert [e for e in extract("Kelvo Motors called off its partnership with Velmont Group in May.").events
            if e.type == "DealCancellation"]


@pytest.mark.parametrize("text, present, absent", [
    # "its" in a description of a firm is another firm's
    ("Quarnell Metals runs mines in Chile. Quarnell's board rejected the offer. Tavendra Mining, its smaller rival, "
     "said it would press on.", {("Quarnell Metals", "competesWith", "Tavendra Mining")}, set()),
    # a firm's sites listed after a colon, each with its place; the sites are no firms
    ("Quarnell Metals makes copper. Quarnell runs three mines: Lomas Verdes in northern Chile, Cerro Oskiva in "
     "southern Peru and Brisko in Zambia's Copperbelt.",
     {("Quarnell Metals", "operatesIn", "Peru"), ("Quarnell Metals", "operatesIn", "Zambia")},
     {("Cerro Oskiva", "operatesIn", "Peru")}),
])
def test_descriptions_and_listed_sites_of_a_firm(text, present, absent):
    assert_facts(text, present, absent)


def test_it_in_a_when_clause_on_a_time_is_the_main_clauses_firm_and_pence_are_no_name():
    result = extract("Tavendra Mining bid for Quarnell Metals. Tavendra said the offer was fair, and Tavendra expects "
                     "support from investors. Quarnell has been seen as a target since last year, when it abandoned a "
                     "planned merger with Canadian miner Merrowfield Copper. Shares in Quarnell rose 27 per cent to "
                     "383p.")
    assert [e.args for e in result.events if e.type == "DealCancellation"] == [
        {"parties": ["Quarnell Metals", "Merrowfield Copper"]}]
    assert "383p" not in {e.name for e in result.entities}


def test_its_and_it_follow_the_firm_the_sentence_before_is_about():
    result = extract("Quarnell Metals sells copper to utilities in Chile, and Quarnell said demand was strong. Tavendra "
                     "Mining opened a smelter in Canada last year. Most of its output now goes to buyers in Japan. It "
                     "reported revenue of $2bn for the year to June.")
    assert [e.args["company"] for e in result.events if e.type == "FinancialResult"] == ["Tavendra Mining"]


def test_a_phone_makers_launch_in_the_words_of_a_gadget_site():
    result = extract("Zorvane, the Shenzhen-based phone maker which has built a following in Spain and Italy, unveiled "
                     "two phones in Milan on Tuesday. The Keltrava 8 and Keltrava 8 Pro go on sale on 15 September; the "
                     "Ombrisk Watch follows on 2 October.\n\nThe Keltrava 8 has a 6.4-inch 120Hz OLED screen and 12GB "
                     "RAM.\n\nBoth phones will be sold in Germany and Poland. The Ombrisk Watch is 229 euros. The "
                     "Ombrisk Watch will launch only in Germany at first. The Pro lands against Vendrel's Pallavio 12, "
                     "which costs 899 euros in Germany.")
    types = {e.name: e.type for e in result.entities}
    assert types.get("Ombrisk Watch") == "Product" and types.get("Vendrel") == "Company", types
    assert not {"OLED", "RAM"} & set(types), types                   # parts in a list of specifications
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Zorvane", "operatesIn", "Spain"), ("Zorvane", "operatesIn", "Italy"),   # "has built a following"
            ("Keltrava 8", "availableIn", "Poland"), ("Keltrava 8 Pro", "availableIn", "Poland"),   # "Both phones"
            ("Ombrisk Watch", "availableIn", "Germany"), ("Vendrel", "produces", "Pallavio 12")} <= facts, facts
    assert ("Zorvane", "targetsMarket", "Spain") not in facts


def test_a_firm_bringing_a_model_to_a_market_makes_it_and_a_place_hung_on_the_wrong_name():
    assert ("Zorvane", "produces", "Keltrava 8") in facts_of(
        "Zorvane makes phones. Zorvane brings two Keltrava 8 phones and a smartwatch to Europe.")
    facts = facts_of("Zorvane sells phones. Pallavio Telecom in Spain and Tessmont in Italy will carry the whole "
                     "range.")
    assert ("Pallavio Telecom", "operatesIn", "Spain") in facts and (
        "Pallavio Telecom", "operatesIn", "Italy") not in facts, facts


def test_a_first_name_before_a_double_surname_and_an_alliance_of_firms():
    result = extract("Ombrisk Line runs ships. Anders Tessmont-Holm, Ombrisk's chief executive, said the alliance "
                     "would also run a joint loop between India and the Mediterranean. Vendrel Lines has served notice "
                     "on the Pallavio Alliance, the pact it formed in 2023 with Keltrava Lines. Pallavio's share "
                     "will fall to 14%.")
    types = {e.name: e.type for e in result.entities}
    assert types.get("Anders Tessmont-Holm") in ("Person", "Executive") and "Tessmont-Holm" not in types, types
    assert types.get("Pallavio Alliance") != "Product", types


def test_a_firm_publishing_an_index_stays_a_firm():
    result = extract("Kelvra Bank has 300 branches in Spain. The Kelvra Bank index of house prices fell 1%.")
    assert ("Kelvra Bank", "operatesIn", "Spain") in {(f.subject, f.predicate, f.object) for f in result.facts}


@pytest.mark.parametrize("text, absent", [
    # a goal is no presence
    ("Kelvo Motors expects India to account for 10 per cent of its sales by 2030.",
     ("Kelvo Motors", "operatesIn", "India")),
    # the owner of the takings is in the clause's own words
    ("Europe accounted for 11 per cent of the sector's sales last year, and Kelvo Motors said its profits would rise.",
     ("Kelvo Motors", "operatesIn", "Europe")),
    # sites closed, sold or planned, or firms listed after a site, place no firm by the colon rule
    ("Kelvo Motors makes cars. Kelvo closed its last two plants: one in Peru and one in Chile.",
     ("Kelvo Motors", "operatesIn", "Peru")),
    ("Kelvo Motors makes cars in Spain. It has picked two suppliers for its new plant: Tarvo Auto in Mexico and "
     "Brisko Parts in Chile.", ("Kelvo Motors", "operatesIn", "Mexico")),
])
def test_no_presence_from_goals_other_clauses_or_sites_not_run(text, absent):
    assert absent not in facts_of(text)


def test_its_in_a_description_that_relates_no_firm_is_the_described_firms():
    facts = facts_of("Tarvo Foods sells snacks in Kenya. Kelvo Motors, a carmaker famous for its Brava hatchback, said "
                     "its profit rose.")
    assert ("Kelvo Motors", "produces", "Brava") in facts and ("Tarvo Foods", "produces", "Brava") not in facts, facts


def test_it_in_a_when_clause_stays_open_when_the_main_clause_names_two_firms():
    facts = facts_of("Tarvo Auto makes cars in Ohio. Tarvo Auto sells them in Canada. Kelvo Motors has sold engines to "
                     "Tarvo Auto since 2019, when it opened its first car plant in Peru.")
    assert ("Kelvo Motors", "operatesIn", "Peru") not in facts, facts


@pytest.mark.parametrize("text", [
    "Kelvo Motors pulled the plug on its partnership with Tarvo Auto in May.",
    "Kelvo Motors called time on its alliance with Tarvo Auto.",
])
def test_idioms_of_cancelling_still_cancel(text):
    assert [e for e in extract(text).events if e.type == "DealCancellation"]


def test_a_surname_like_a_people_and_an_acronym_like_a_time_zone_stay_names():
    assert ("Tarvo Ports", "subsidiaryOf", "HKT") in facts_of(
        "Halvik Container Terminals (HKT) runs ports. HKT bought Tarvo Ports for $2bn in May.")
    claims = extract("Kelvo Motors named Ana Chiles its chief executive in May. Chiles said the company would close "
                     "two plants in Spain.").claims
    assert [c for c in claims if c.speaker == "Ana Chiles"]


def test_a_founder_renaming_the_firm_is_the_firms_rebrand():
    events = extract("Ondavia streams films in Chile. Valeria Roccaluna started the company as Cinevalle, a film-club "
                     "app, and renamed it Ondavia in 2024.").events
    assert [e.args["company"] for e in events if e.type == "Rebrand"] == ["Ondavia"]


@pytest.mark.parametrize("text, present, absent", [
    # a firm's goods available somewhere for the first time: its entry
    ("Zorvane makes phones. Just as notable is where they will be sold: for the first time, Zorvane phones will be "
     "available in the UK and Germany.", {("Zorvane", "targetsMarket", "Germany")}, set()),
    # a market that took part of a firm's sales
    ("Kessimar Semiconductor makes etch tools. China took 41% of Kessimar's sales in the year to March.",
     {("Kessimar Semiconductor", "operatesIn", "China")}, set()),
])
def test_goods_available_and_a_market_taking_sales(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, absent", [
    # "there" is the market of a title in its sentence
    ("Zorvane sells phones in Chile. It has hired a general manager for Peru and will open 20 stores there next year.",
     ("Zorvane", "targetsMarket", "Chile")),
    # goods that stop being available give no entry
    ("Zorvane makes phones. Zorvane phones will stop being available in Canada in June.",
     ("Zorvane", "targetsMarket", "Canada")),
    # "took steps" is no share of sales
    ("Kessimar Semiconductor makes etch tools. The US took steps to block Kessimar's sales of chips to Iran.",
     ("Kessimar Semiconductor", "operatesIn", "United States")),
    # an ordinary "when" clause keeps the firm the paragraph is about
    ("Tarvo Dairy said sales fell. Tarvo blamed weak demand, and Tarvo expects a loss this year. Zorvane Foods won "
     "customers when it pulled out of Poland.", ("Zorvane Foods", "absentFrom", "Poland")),
])
def test_review_of_there_goods_shares_and_when_clauses(text, absent):
    assert absent not in facts_of(text)


@pytest.mark.parametrize("text", [
    "Ondavia streams films in Chile. Its founder, Valeria Roccaluna, refused to rename Ondavia after the merger.",
    "Ondavia streams films in Chile. Fans have renamed Ondavia 'the Netflix of the Andes'.",
])
def test_a_refused_rename_or_a_nickname_is_no_rebrand(text):
    assert not [e for e in extract(text).events if e.type == "Rebrand"]


@pytest.mark.parametrize("text, present, absent", [
    ("Dorvani Cycles makes the Quintaro city bike (€1,899) and the Pennick cargo bike (€3,490), both sold in "
     "Austria and Slovenia.",
     {("Quintaro", "availableIn", "Slovenia"), ("Pennick", "availableIn", "Austria")}, set()),
    ("Orsella launched the Quintaro 4 last year. The Quintaro 4 costs SEK 9,990 in Sweden and €949 in Finland.",
     {("Quintaro 4", "availableIn", "Sweden"), ("Quintaro 4", "availableIn", "Finland")}, set()),
    ("Orsella launched the Quintaro 4 last year. Analysts said the Quintaro 4 could cost less in India.",
     set(), {("Quintaro 4", "availableIn", "India")}),
    ("Delivery is free for members of Orsella Plus, which costs 149 pesos a month in the Philippines.",
     {("Orsella Plus", "availableIn", "Philippines")}, set()),
    ("Orsella recalled the Sallow H1 test. The recall covers about 410,000 H1 test cartridges shipped to customers "
     "in the United States and Canada since October.", {("Sallow H1", "availableIn", "Canada")}, set()),
    ("Dorvani Inc makes heaters. Dorvani said on Monday it would recall the Quintaro 3 in Chile.",
     {("Quintaro 3", "availableIn", "Chile")}, set()),
    ("Dorvani Inc makes heaters. Dorvani will not recall the Quintaro 3 in Chile.",
     set(), {("Quintaro 3", "availableIn", "Chile")}),
])
def test_goods_both_sold_priced_recalled_or_shipped_to_buyers_in_a_market_are_there(text, present, absent):
    assert_facts(text, present, absent)


def test_one_name_between_a_determiner_and_a_kind_of_goods_is_a_product_but_not_a_makers_model():
    assert types_of("Dorvani Cycles makes the Quintaro city bike and sells it in Austria.").get("Quintaro") == "Product"
    assert types_of("Orsella said a comparable Pennick etcher costs a third more.").get("Pennick") == "Product"
    assert types_of("Dorvani Cycles sells the Sallowmere range in Austria.").get("Sallowmere") != "Product"
    kinds = types_of("Retailer Brindle Stores said sales rose 4% in Germany. Shoppers bought a Samsung phone or a "
                     "Nokia handset at twice the usual rate.")
    assert kinds.get("Samsung") != "Product" and kinds.get("Nokia") != "Product", kinds
    kinds = types_of("Marl Biotech is testing an Ebola vaccine in Guinea and a Parkinson drug in Spain.")
    assert "Ebola" not in kinds and "Parkinson" not in kinds, kinds
    kinds = types_of("The study was done by the Quintaro Project, a group of researchers. The oldest Quintaro "
                     "machine survived a week.")
    assert kinds.get("Quintaro") != "Product" and kinds.get("Quintaro Project") != "Product"


def test_a_place_a_firm_is_based_in_is_no_firm_and_its_goods_named_before_any_kind_are_its_own():
    text = ("Brisemark Tools, the Dutch maker of wafer bonders, reported lower sales. Since October the Utrecht-based "
            "company has needed a licence to ship its Quenvale X2 hybrid bonder to Chinese customers.")
    assert "Utrecht" not in types_of(text)
    facts = facts_of(text)
    assert ("Brisemark Tools", "produces", "Quenvale X2") in facts, facts
    for text in ("Pellmore Group said its Zandora 5 stadium would be sold.",
                 "Airline Corvena said its A350 delivery was delayed.",
                 "Dunmore Partners said its Zephyr 5 stake was worth more.",
                 "Marlow Foods signed its Vinta 2 agreement with Orla."):
        assert not [f for f in facts_of(text) if f[1] == "produces"], text


def test_a_product_named_like_a_trade_after_the_and_a_price_in_a_relative_clause():
    text = ("Corlith, the Danish skincare brand, was founded in 2016. Its best seller is the Corlith Sea Clay Mask, "
            "which costs DKK 395 in Denmark. Corlith also sells the Corlith Overnight Oil, launched in 2023.")
    kinds = types_of(text)
    assert kinds.get("Corlith") == "Company", kinds
    goods = {name: kind for name, kind in kinds.items() if name.endswith(("Sea Clay Mask", "Overnight Oil"))}
    assert len(goods) == 2 and set(goods.values()) == {"Product"}, kinds
    assert types_of("Ostravik Oil said on Monday that output rose 4%.").get("Ostravik Oil") == "Company"


@pytest.mark.parametrize("text, market", [
    ("Varesse has almost no presence outside northern Europe.", "Northern Europe"),
    ("Varesse sells its creams across the Gulf through a Dubai distributor.", "Gulf"),
])
def test_a_region_with_a_lower_case_compass_word_and_the_gulf_are_markets(text, market):
    assert types_of(text).get(market) == "Market"


def test_it_as_the_object_of_a_firm_is_another_firm_and_the_group_is_the_speakers_firm():
    text = ("Ledvik Group has agreed to buy Varesse, the Danish skincare brand. Varesse has never sold outside Europe. "
            "Ann Roux, Ledvik's chief executive, said the group would launch it in Canada in early 2030 through "
            "Ledvik Americas, its US subsidiary.")
    facts = facts_of(text)
    assert {("Varesse", "targetsMarket", "Canada"), ("Ledvik Americas", "subsidiaryOf", "Ledvik")} <= facts, facts
    assert ("Ledvik", "targetsMarket", "Canada") not in facts


def test_a_drug_the_model_calls_a_person_everywhere_stays_the_product_its_description_says():
    text = ("Regulators approved Pramlix (tesvorimab) on Friday. Pramlix is given twice a year. Belcastro will market "
            "Pramlix in the United States. Doctors said Pramlix cut attacks by half. Patients who received Pramlix "
            "did well.\n\nAbout Pramlix\n\nPramlix (tesvorimab) is a long-acting monoclonal antibody.")
    assert types_of(text).get("Pramlix") == "Product"


def test_a_distributor_selling_a_drug_does_not_make_it_and_a_trial_phase_is_no_product():
    text = ("Belcastro Therapeutics makes Pramlix. The drug was tested in two Phase 3 studies. Ruvenna Farma, a "
            "Mexican distributor, will sell Pramlix in Mexico.")
    facts = facts_of(text)
    assert ("Belcastro Therapeutics", "produces", "Pramlix") in facts, facts
    assert ("Ruvenna Farma", "produces", "Pramlix") not in facts
    assert "Phase 3" not in types_of(text)


def test_a_dateline_of_two_places_and_a_firm_the_parser_joined_to_its_seat():
    text = ("ZUG, Switzerland, and OSAKA, Japan, January 22, 2029 – Belcastro AG and Zelmora Pharmaceutical Co., Ltd. "
            "today announced a deal.\n\nFounded in 1921 and based in Osaka, Zelmora Pharmaceutical Co., Ltd. sells "
            "medicines in Japan and Taiwan, and in South Korea through its subsidiary Zelmora Korea.")
    kinds = types_of(text)
    assert "ZUG" not in kinds and "Zug" not in kinds and "Osaka" not in kinds and "OSAKA" not in kinds, kinds
    facts = facts_of(text)
    assert any(s == "Zelmora Korea" and p == "subsidiaryOf" and o.startswith("Zelmora Pharmaceutical")
               for s, p, o in facts), facts


def test_press_contacts_under_a_firms_name_are_its_people_and_departments_are_no_firms():
    text = ("Belcastro AG makes pumps.\n\nMedia contacts\n\nBelcastro AG\nAnn Sutherby, Head of Media Relations\n"
            "media@belcastro.example\n\nZelmora Pharmaceutical\nYuki Ibarrez, Corporate Communications Manager "
            "pr@zelmora.example")
    kinds = types_of(text)
    assert "Media Relations" not in kinds and "Corporate Communications" not in kinds, kinds
    assert ("Ann Sutherby", "executiveOf", "Belcastro AG") in facts_of(text)


@pytest.mark.parametrize("text, name", [
    ("Ixtamal USA is led by Renata Quillane-Marsh, an El Paso native who spent 14 years at Drumlane Foods.",
     "Renata Quillane-Marsh"),
    ("The consortium was created by Tavio Renholm, son-in-law of the former president. Ostap Varenko, the country's "
     "richest man, said the sale was unfair.", "Ostap Varenko"),
])
def test_a_name_described_as_a_native_a_relative_or_a_man_is_no_firm(text, name):
    assert types_of(text).get(name) in ("Person", "Executive")


def test_a_cooperative_is_a_firm_and_a_street_is_no_product():
    text = ("Ixtamal USA signed a three-year agreement with Brasswold Dairy Cooperative to supply milk to its "
            "stores. Shoppers queued on North 10th Street.")
    kinds = types_of(text)
    assert kinds.get("Brasswold Dairy Cooperative") == "Company", kinds
    assert not [name for name in kinds if "10th" in name], kinds


@pytest.mark.parametrize("text, absent", [
    ("Kelvo Bakeries buys flour from Marl Mills. Last year Kelvo Bakeries started a loyalty scheme, and Kelvo Bakeries "
     "will take it to Spain in 2026.", ("Marl Mills", "targetsMarket", "Spain")),
    ("Kelvo Motors sells cars in Spain. Ann Roe, managing director of Vantor Consulting, said the company would need a "
     "local partner in India.", ("Vantor Consulting", "targetsMarket", "India")),
    ("Orsella Mobile pitched the Zephyr 5 to buyers in Japan last week. It has not yet decided whether to sell it there.",
     ("Zephyr 5", "availableIn", "Japan")),
    ("Orsella Mobile recalled the Zephyr 5 days before its planned launch in Japan.", ("Zephyr 5", "availableIn", "Japan")),
    ("Pellmore Bank introduced Vantor Robotics to investors in Singapore last week.",
     ("Vantor Robotics", "operatesIn", "Singapore")),
])
def test_review_of_objects_speakers_buyers_and_recalls(text, absent):
    assert absent not in facts_of(text)


def test_review_of_firms_named_like_cities_titles_own_labels_seas_and_marked_drugs():
    kinds = types_of("Ann Roe, who spent ten years at Santander, became chief executive of Pellmore Bank. Before "
                     "Santander she worked at Barclays.")
    assert kinds.get("Santander") == "Company", kinds
    assert ("Gary Kildall", "executiveOf", "Digital Research") in facts_of(
        "Digital Research founder Gary Kildall wrote the CP/M operating system in California.")
    assert ("Marlow", "produces", "Harvest Crunch") in facts_of(
        "Marlow, the British supermarket, will sell Harvest Crunch, a cereal it bakes at its own plant in Leeds, in "
        "Ireland from May.")
    assert "Gulf" not in types_of("Oil platforms in the Gulf of Mexico were shut. Pellmore Energy said output in the "
                                  "Gulf would resume next week.")
    assert types_of("Regulators in Canada approved Pramlix® (tesvorimab-kzbn) for asthma. Pramlix will cost $900."
                    ).get("Pramlix") == "Product"


def test_prices_of_two_products_in_one_clause_and_a_product_sold_by_its_launcher():
    events = extract("Corvasse makes phones. The Quorven 8 costs €649 or £579, and the Quorven 8 Pro €949 or £849.").events
    assert {(e.args["product"], e.args["amount"]) for e in events if e.type == "ProductPrice"} == {
        ("Quorven 8", 649.0), ("Quorven 8", 579.0), ("Quorven 8 Pro", 949.0), ("Quorven 8 Pro", 849.0)}   # (each
    #                                                                                  price in each currency)
    events = extract("Kelvo makes phones. The Zephyr 5 and Zephyr 5 Pro cost $499 and $699.").events
    assert {(e.args["product"], e.args["amount"]) for e in events if e.type == "ProductPrice"} == {
        ("Zephyr 5", 499.0), ("Zephyr 5 Pro", 699.0)}
    events = extract("Kelvo makes phones. The Zephyr 5, which replaces the Kelvo X9 phone, costs $499.").events
    assert [e.args["product"] for e in events if e.type == "ProductPrice"] == ["Zephyr 5"]
    for text in ("Brisco, which makes the Zephyr 5 and Zephyr 5 Pro phones, was fined $20 million for misleading ads.",
                 "Brisco, which makes the Zephyr 5 and Zephyr 5 Pro phones, agreed to buy Kelvo for $300 million.",
                 "Buyers of the Zephyr 5 pay $40 in sales tax."):
        assert not [e for e in extract(text).events if e.type == "ProductPrice"], text
    events = extract("Haldorne launched Zenquova in the United States in May and sells it there through its own "
                     "sales force at a list price of $3,950 a month.").events
    assert [(e.args["product"], e.args["amount"]) for e in events if e.type == "ProductPrice"] == [("Zenquova", 3950.0)]
    assert not [e for e in events if e.type == "FinancialResult"]


@pytest.mark.parametrize("text, present, absent", [
    ("Kelvo Motors sells cars in Spain. Ann Roe, Brisco Foods' chief executive, said it would enter India next year.",
     {("Brisco Foods", "targetsMarket", "India")}, {("Kelvo Motors", "targetsMarket", "India")}),
    ("Kelvo Motors sells cars in Spain. Ann Roe, chief executive of Brisco Foods, said the company would enter India "
     "next year.", {("Brisco Foods", "targetsMarket", "India")}, {("Kelvo Motors", "targetsMarket", "India")}),
    ("Kelvo Foods developed a new snack with Brisco Farms and will launch it in Poland in May.", set(),
     {("Brisco Farms", "targetsMarket", "Poland")}),
    ("Kelvo unveiled the Zorba 5 phone in May. Kelvo owns a small bank in Portugal and will sell it to investors in "
     "France.", set(), {("Zorba 5", "availableIn", "France")}),
    ("Kelvo, a Spanish airline, completed its Skyframe 300 purchase in May.", set(),
     {("Kelvo", "produces", "Skyframe 300")}),
    ("Kelvo launched the Vanta 5 in Spain. Kelvo also sells a Vanta 5 Road Edition in France.",
     {("Vanta 5", "availableIn", "France")}, set()),
    ("Blue Fjord, a veteran of North Sea drilling, won a contract from Kelvo Energy in Norway.",
     {("Kelvo Energy", "partnersWith", "Blue Fjord")}, set()),
    ("Kelvo Shipping rerouted its tankers away from the Gulf of Aden in March. Kelvo Shipping will open offices in the "
     "Gulf next year.", {("Kelvo Shipping", "targetsMarket", "Gulf")}, set()),
])
def test_second_review_of_speakers_objects_goods_streets_and_gulfs(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, present, absent", [
    ("Tormelli launched the Halvesta 7 and the Halvesta 7 Pro in May. They are sold by some 1,900 stockists in "
     "Denmark and Norway.", {("Halvesta 7", "availableIn", "Norway"), ("Halvesta 7 Pro", "availableIn", "Denmark")},
     set()),
    ("Tormelli launched the Halvesta 7 and the Halvesta 7 Pro in May. They are popular in Denmark.", set(),
     {("Halvesta 7", "availableIn", "Denmark")}),
    ("Tormelli and Quistra make phones. They are sold in Denmark.", set(),
     {("Tormelli", "availableIn", "Denmark")}),
])
def test_they_sold_somewhere_are_the_products_the_sentence_before_named(text, present, absent):
    assert_facts(text, present, absent)


def test_each_product_launched_is_a_launch_when_the_parser_hangs_the_second_on_the_verb():
    events = extract("Kelvo launched the Zorba 5 and the Zorba 5 Pro in May.").events
    assert {e.args["product"] for e in events if e.type == "ProductLaunch"} == {"Zorba 5", "Zorba 5 Pro"}


@pytest.mark.parametrize("text, present, absent", [
    ("Ostrelli runs shops in Chile. Its chief said Ostrelli was also studying Guatemala, but that Peru came first.",
     {("Ostrelli", "targetsMarket", "Guatemala")}, set()),
    ("Ostrelli sells phones in Chile. Ostrelli is eyeing Brazil.", {("Ostrelli", "targetsMarket", "Brazil")}, set()),
    ("Ostrelli sells phones in Chile. Ostrelli is not considering Brazil for now.", set(),
     {("Ostrelli", "targetsMarket", "Brazil")}),
    ("Pellvarra Hotels runs resorts. The group, which owns or manages 46 hotels, all of them in Italy, will open "
     "properties in Greece and Croatia over the next eighteen months.",
     {("Pellvarra Hotels", "targetsMarket", "Greece"), ("Pellvarra Hotels", "targetsMarket", "Croatia")},
     {("Pellvarra Hotels", "targetsMarket", "Italy")}),
])
def test_a_market_studied_or_eyed_is_a_target_and_one_in_the_subjects_description_is_not(text, present, absent):
    assert_facts(text, present, absent)


def test_a_names_first_word_the_tagger_calls_an_adverb_is_still_a_name_when_it_does_something():
    from spacy.tokens import Doc

    from kg.extract.mentions import _untagged_names
    words = ["Kelvomaki", "on", "Monday", "reported", "sales", "."]
    doc = Doc(load_model().vocab, words=words, tags=["RB", "IN", "NNP", "VBD", "NNS", "."],
              pos=["ADV", "ADP", "PROPN", "VERB", "NOUN", "PUNCT"], heads=[3, 3, 1, 3, 3, 3],
              deps=["nsubj", "prep", "pobj", "ROOT", "dobj", "punct"])
    assert "Kelvomaki" in [s.text for s in _untagged_names(doc, set(), set(), frozenset({"kelvomaki"}))]
    assert "Kelvomaki" not in [s.text for s in _untagged_names(doc, set(), set())]


@pytest.mark.parametrize("text, absent", [
    ("Kelvo Inc. and Brisco Ltd. compete with the Zorba 5 and the Nimbus 4. They are both set to launch stores in "
     "Chile.", ("Zorba 5", "availableIn", "Chile")),
    ("Analysts at Brisco Ltd. reviewed the Zorba 5 and the Nimbus 4. They are sceptical about sales in Chile.",
     ("Nimbus 4", "availableIn", "Chile")),
    ("Kelvo Inc. is targeting Brazil with price cuts after losing share there.", ("Kelvo Inc.", "targetsMarket", "Brazil")),
    ("Kelvo Inc. considers Brazil, its biggest market, vital to its growth.", ("Kelvo Inc.", "targetsMarket", "Brazil")),
    ("Kelvo Inc. had considered Brazil but chose Mexico instead.", ("Kelvo Inc.", "targetsMarket", "Brazil")),
    ("Kelvo Inc. stopped eyeing Brazil after the election.", ("Kelvo Inc.", "targetsMarket", "Brazil")),
    ("Kelvo Inc. said on Monday it will enter Brazil. The retailer, one of Kelvo's biggest rivals, plans to enter "
     "Chile.", ("Kelvo", "targetsMarket", "Chile")),
])
def test_third_review_of_they_scouting_and_descriptions(text, absent):
    assert absent not in facts_of(text)


def test_third_review_of_gapped_launches_and_homes_sold():
    events = extract("Kelvo Inc. launched the Zorba 5 last week and Brisco Ltd. the Nimbus 4.").events
    assert ("Kelvo Inc.", "Nimbus 4") not in {(e.args["company"], e.args["product"]) for e in events
                                              if e.type == "ProductLaunch"}
    assert ("Kelvo Homes", "operatesIn", "Spain") in facts_of(
        "Kelvo Homes, a developer, sold 1,200 properties in Spain last year, up 8%.")


def test_a_product_from_its_maker_and_a_model_named_by_its_number_in_apposition():
    assert ("Halbertson Labs", "produces", "Quenzil") in facts_of(
        "It won the rights to a generic version of the sleeping pill Quenzil from its maker, Halbertson Labs.")
    assert ("Skyvane", "produces", "717") in facts_of(
        "Skyvane said profit fell as it wound down work on its smallest airliner, the 717.")
    assert "2019" not in types_of("Skyvane built its largest plant, the 2019, near Lyon.")


def test_a_first_surname_alone_is_the_person_of_a_three_word_name():
    result = extract("Brenzo, the Spanish e-scooter maker, rose 14% in its debut. \"We built this company in Bilbao,\" "
                     "Etxarri, who founded Brenzo in 2017, told VBC. Founder and CEO Ander Etxarri Lopategi said the "
                     "money will pay for growth.")
    assert ("Ander Etxarri Lopategi", "executiveOf", "Brenzo") in {(f.subject, f.predicate, f.object)
                                                                  for f in result.facts}
    assert {c.speaker for c in result.claims} == {"Ander Etxarri Lopategi"}


def test_a_shop_stocking_its_models_stocks_the_makers_goods():
    facts = facts_of("Brenzo, the Spanish scooter maker, sells in Spain and Italy. In May, Tiendas Marvella, a "
                     "Mexican electronics chain, starts stocking its S3 and K9 Pro models in 140 stores.")
    assert {("Brenzo", "produces", "S3"), ("Brenzo", "produces", "K9 Pro")} <= facts, facts
    assert not {f for f in facts if f[0] == "Tiendas Marvella" and f[1] == "produces"}, facts


@pytest.mark.parametrize("text, present, absent", [
    # meeting a rival in a market is no presence there; setting one's sights on it is a target
    ("Brenzo, the Spanish scooter maker, said sales rose. In Latin America, Brenzo will run into China's Quorvel "
     "Mobility, which has sold scooters in Mexico since 2025.",
     {("Quorvel Mobility", "operatesIn", "Mexico")}, {("Brenzo", "operatesIn", "Latin America")}),
    ("Brenzo, the Spanish scooter maker, said sales rose. Brenzo sets its sights on Latin America.",
     {("Brenzo", "targetsMarket", "Latin America")}, {("Brenzo", "operatesIn", "Latin America")}),
])
def test_running_into_a_rival_and_setting_sights_on_a_market(text, present, absent):
    assert_facts(text, present, absent)


def test_a_legal_form_the_model_left_out_of_a_name_joins_it():
    result = extract("Founded in 2011 in Cambridge, Varnesso designs chips. Varnesso has offices in Austin, Texas, and "
                     "Yokohama, where its subsidiary Varnesso Japan K.K. serves Japanese customers.")
    companies = {e.name for e in result.entities if e.type == "Company"}
    assert "Varnesso Japan K.K." in companies and "K.K." not in companies, companies
    assert ("Varnesso Japan K.K.", "subsidiaryOf", "Varnesso") in {(f.subject, f.predicate, f.object)
                                                                   for f in result.facts}


def test_a_country_the_models_organisation_hangs_on_closes_its_name():
    from spacy.tokens import Doc, Span

    from kg.extract.mentions import _country_closing_a_name
    words = ["A", "new", "unit", ",", "Brenzo", "México", ",", "was", "set", "up", "."]
    doc = Doc(load_model().vocab, words=words, tags=["DT", "JJ", "NN", ",", "NNP", "NNP", ",", "VBD", "VBN", "RP", "."],
              pos=["DET", "ADJ", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "AUX", "VERB", "ADP", "PUNCT"],
              heads=[2, 2, 8, 2, 5, 2, 2, 8, 8, 8, 8],
              deps=["det", "amod", "nsubjpass", "punct", "compound", "appos", "punct", "auxpass", "ROOT", "prt",
                    "punct"])
    assert _country_closing_a_name(Span(doc, 4, 5, "ORG"))            # "Brenzo México", a unit
    doc[5].dep_ = "compound"
    doc[5].head = doc[2]
    assert not _country_closing_a_name(Span(doc, 4, 5, "ORG"))        # "Brenzo Mexico sales": where it sells


@pytest.mark.parametrize("text", [
    # the family a firm's own models are named for is no maker of them
    "Quessia Ltd, the British designer of processor cores, announced licences for its Norvanta A90 application "
    "processor and Norvanta R12 safety processor designs. Sales of Norvanta rose 40% last year. The Norvanta A90 is "
    "Quessia's first processor designed for cars.",
])
def test_the_name_a_firms_own_models_share_is_no_maker(text):
    result = extract(text)
    assert "Norvanta" not in {e.name for e in result.entities if e.type == "Company"}
    makers = {(f.subject, f.object) for f in result.facts if f.predicate == "produces"}
    assert makers == {("Quessia", "Norvanta A90"), ("Quessia", "Norvanta R12")}, makers


def test_a_swiss_franc_amount_written_sfr_is_money_not_a_name():
    result = extract("Dorvane, the Swiss watch group, said operating profit fell to SFr1.14bn in 2028. An analyst cut "
                     "his price target to SFr148.")
    assert "SFr148" not in {e.name for e in result.entities}
    results = [(e.args["company"], e.args["amount"], e.args["currency"]) for e in result.events
               if e.type == "FinancialResult"]
    assert results == [("Dorvane", 1.14e9, "CHF")], results


def test_brands_named_together_before_a_kind_and_a_plural_are_two_names():
    from spacy.tokens import Doc, Span

    from kg.extract.mentions import _coordinated_names
    words = ["the", "Varesque", "and", "Lunessa", "watch", "brands"]
    doc = Doc(load_model().vocab, words=words, tags=["DT", "NNP", "CC", "NNP", "NN", "NNS"],
              pos=["DET", "PROPN", "CCONJ", "PROPN", "NOUN", "NOUN"], heads=[5, 5, 1, 1, 5, 5],
              lemmas=["the", "Varesque", "and", "Lunessa", "watch", "brand"],
              deps=["det", "nmod", "cc", "conj", "compound", "ROOT"])
    assert [p.text for p in _coordinated_names(Span(doc, 1, 4, "ORG"))] == ["Varesque", "Lunessa"]


def test_a_double_barrelled_surname_the_tagger_splits_is_still_the_persons_name():
    from spacy.tokens import Doc

    from kg.extract.mentions import _untagged_names
    words = ["Laurent", "Celmont", "-", "Ombrelle", ",", "chief", "executive", ",", "told", "us", "."]
    doc = Doc(load_model().vocab, words=words, spaces=[True, False, False, False, True, True, False, True, True,
                                                        False, False],
              tags=["NNP", "NNP", "HYPH", "JJ", ",", "JJ", "NN", ",", "VBD", "PRP", "."],
              pos=["PROPN", "PROPN", "PUNCT", "ADJ", "PUNCT", "ADJ", "NOUN", "PUNCT", "VERB", "PRON", "PUNCT"],
              heads=[3, 3, 3, 8, 3, 6, 3, 3, 8, 8, 8],
              deps=["compound", "compound", "punct", "nsubj", "punct", "amod", "appos", "punct", "ROOT", "dobj",
                    "punct"])
    assert "Laurent Celmont-Ombrelle" in [span.text for span in _untagged_names(doc, set(), set())]


def test_what_sells_for_an_amount_is_a_product():
    result = extract("Dorvane makes watches. Varesque's Lunessa Chrono, launched in October, sells for $6,900 in "
                     "the US.")
    assert {e.name: e.type for e in result.entities}.get("Lunessa Chrono") == "Product"
    assert ("Lunessa Chrono", "availableIn", "United States") in {(f.subject, f.predicate, f.object)
                                                                  for f in result.facts}


@pytest.mark.parametrize("text", [
    "Dorvane, the Geneva-based owner of the Varesque and Lunessa watch brands, reported a fall in profit. Lunessa "
    "will open its first boutique in Riyadh. Varesque provides 70 per cent of profit.",
    "Dorvane owns the Varesque and Lunessa watch brands. Lunessa will open its first boutique in Riyadh. Varesque "
    "provides 70 per cent of profit.",
])
def test_the_brands_a_group_owns_are_its_sub_brands(text):
    facts = facts_of(text)
    assert {("Varesque", "subsidiaryOf", "Dorvane"), ("Lunessa", "subsidiaryOf", "Dorvane")} <= facts, facts


def test_a_brand_whose_sale_was_completed_belongs_to_the_buyer():
    assert_facts("Dorvane makes watches. In December Dorvane completed the sale of Pervinca, its entry-level fashion "
                 "watch brand, to Hong Kong-based Quelmont Holdings for $165mn.",
                 {("Pervinca", "subsidiaryOf", "Quelmont Holdings")}, {("Pervinca", "subsidiaryOf", "Dorvane")})


def test_a_venture_planned_then_scrapped_is_a_cancelled_deal_and_no_target():
    result = extract("Dorvane makes watches. The group had planned to enter India through a joint venture with the "
                     "jeweller Tamsley Jewels, agreed in 2027, but scrapped the plan last year to run its own shops.")
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert not {f for f in facts if f[1] in ("targetsMarket", "absentFrom", "partnersWith")}, facts
    assert [e.args["parties"] for e in result.events if e.type == "DealCancellation"] == [["Dorvane", "Tamsley Jewels"]]
    assert not [e for e in result.events if e.type in ("PartnershipAgreement", "MarketEntry")], result.events


@pytest.mark.parametrize("text, unwanted", [
    # a firm sold for an amount is no product priced
    ("Tovalla sold for $1.2bn in 2019, when Kelvo bought it.", ("ProductPrice", "Tovalla")),
    # an order's value is no price of the ordered goods
    ("Kelvo makes the Aster 7 jet. Tovalla Air increased its order of the Aster 7 to $3bn.", ("ProductPrice", "Aster 7")),
    # a shop beginning to sell another's goods, or a firm selling off a unit, launches nothing
    ("Kelvo makes the Aster 7 phone. Tovalla, a Spanish retailer, began selling the Aster 7 in May.",
     ("ProductLaunch", "Aster 7")),
    ("Kelvo began selling off its Orvendi Unlimited service to cut debt.", ("ProductLaunch", "Orvendi Unlimited")),
])
def test_sales_of_firms_orders_and_resellers_are_no_prices_or_launches(text, unwanted):
    kind, name = unwanted
    assert not [e for e in extract(text).events if e.type == kind and name in e.args.values()]


@pytest.mark.parametrize("text, present, absent", [
    # a maker importing its own goods still makes them
    ("Kelvo is a chipmaker based in Oslo. Vantel, a carmaker, imports its Brava models from a plant in Mexico.",
     {("Vantel", "produces", "Brava")}, {("Kelvo", "produces", "Brava")}),
    # only the market the sights are set on is a target
    ("After ten years in Brazil, Kelvo has set its sights on Argentina.", {("Kelvo", "targetsMarket", "Argentina")},
     {("Kelvo", "targetsMarket", "Brazil")}),
    # a price that could be, or would be if approved, sells nothing there
    ("Kelvo makes the Aster 7 phone. The Aster 7 could cost as much as $399 in Germany, analysts estimate.", set(),
     {("Aster 7", "availableIn", "Germany")}),
])
def test_own_imports_sights_and_conditional_prices(text, present, absent):
    assert_facts(text, present, absent)


def test_a_name_with_a_legal_form_merges_with_the_name_without_it():
    companies = [e.name for e in extract("The device will be sold by Vantel Italia SRL. Vantel Italia has 40 "
                                         "staff.").entities if e.type == "Company"]
    assert companies == ["Vantel Italia"], companies


def test_a_given_name_in_the_middle_of_a_name_called_by_its_surname_is_someone_else():
    result = extract("Kelvo chief executive Mary Ann Carter spoke on Monday. Ann, her deputy, disagreed. Carter "
                     "said sales rose.")
    carter = next(e for e in result.entities if e.name == "Mary Ann Carter")
    assert "Ann" not in carter.aliases


def test_a_metric_opening_a_sentence_is_no_name():
    result = extract("Pellworth Pharmacy, the third-largest drugstore chain in the United States, said it would "
                     "close 410 stores.\n\nThe Ohio-based company posted a net loss of $187 million for its fiscal "
                     "fourth quarter ended March 31, against a profit of $52 million a year earlier. Revenue slipped "
                     "4% to $9.4 billion.")
    assert "Revenue" not in {e.name for e in result.entities}
    assert {e.args["company"] for e in result.events if e.type == "FinancialResult"} == {"Pellworth Pharmacy"}


def test_a_chain_a_firm_bought_is_its_unit_and_more_stores_at_home_are_no_entry():
    result = extract("Pellworth Pharmacy will close 410 stores. The closures spare Drogarias Tenmar, the Mexican "
                     "chain Pellworth bought in 2021, which plans to open about 60 stores in Mexico this year.")
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Drogarias Tenmar", "subsidiaryOf", "Pellworth Pharmacy"),
            ("Drogarias Tenmar", "operatesIn", "Mexico")} <= facts, facts
    assert ("Drogarias Tenmar", "targetsMarket", "Mexico") not in facts
    assert not [e for e in result.events if e.type == "MarketEntry"], result.events


def test_a_young_firms_first_launch_at_home_is_still_a_target():
    assert ("Vinsora", "targetsMarket", "Netherlands") in facts_of(
        "Vinsora, the Dutch drone start-up founded last year, plans to launch deliveries in the Netherlands next year.")


def test_a_takeover_walked_away_from_is_a_cancelled_deal_not_a_subsidiary():
    result = extract("Pellworth Pharmacy said sales fell. The chain has struggled since it walked away last June from "
                     "its agreed $2.3 billion takeover of regional rival Dravenko Drug.")
    assert ("Dravenko Drug", "subsidiaryOf", "Pellworth Pharmacy") not in {(f.subject, f.predicate, f.object)
                                                                           for f in result.facts}
    assert [sorted(e.args["parties"]) for e in result.events if e.type == "DealCancellation"] == [
        ["Dravenko Drug", "Pellworth Pharmacy"]]


def test_the_start_up_opening_a_paragraph_is_the_one_the_paragraph_before_called_so():
    text = ("Pellworth Pharmacy will put video booths run by telehealth start-up Vinsora in 350 of its stores this "
            "year, the two said on Wednesday.\n\nUnder the agreement, patients can see a doctor through Vinsora "
            "Express, the start-up's video service, for $39 a visit.\n\nVinsora, founded in 2024, competes with larger "
            "rivals.")
    facts = facts_of(text)
    assert ("Vinsora", "produces", "Vinsora Express") in facts
    assert ("Pellworth Pharmacy", "produces", "Vinsora Express") not in facts, facts


def test_a_press_contacts_name_and_title_line_is_no_headline():
    from kg.extract.mentions import is_headline
    nlp = load_model()
    assert not is_headline(nlp("Ann Lee, Press Officer"))
    assert is_headline(nlp("Kelvo Opens First Store In Lima"))


def test_competes_the_tagger_calls_a_noun_after_a_subject_with_an_aside():
    assert ("Telvora", "competesWith", "Medvarro") in facts_of(
        "Telvora is a telehealth start-up. Telvora, founded in 2024, competes with Medvarro, the largest U.S. "
        "telehealth provider, which struck a similar deal with Tollcrest in March.")


def test_what_the_two_announce_together_is_their_deal():
    result = extract("Vinsora is a telehealth start-up. Pellworth Pharmacy will put booths run by telehealth start-up "
                     "Vinsora in 350 of its stores this year and take an 8% stake in the Boston-based company for $60 "
                     "million, the two said on Wednesday.")
    assert ("Pellworth Pharmacy", "partnersWith", "Vinsora") in {(f.subject, f.predicate, f.object)
                                                                 for f in result.facts}
    assert [sorted(e.args["parties"]) for e in result.events if e.type == "PartnershipAgreement"] == [
        ["Pellworth Pharmacy", "Vinsora"]]


def test_a_line_that_is_only_a_name_the_model_tagged_is_a_name_whatever_its_tag():
    from spacy.tokens import Doc, Span

    from kg.extract.mentions import _clean_span
    doc = Doc(load_model().vocab, words=["Dravemed"], tags=["VB"], pos=["VERB"], heads=[0], deps=["ROOT"],
              ents=["B-PERSON"])
    assert _clean_span(Span(doc, 0, 1)) is not None                  # "Dravemed" over a press contact's name
    doc = Doc(load_model().vocab, words=["Global", "growth"], tags=["JJ", "NN"], pos=["ADJ", "NOUN"], heads=[1, 1],
              deps=["amod", "ROOT"])
    assert _clean_span(Span(doc, 0, 1)) is None                       # an adjective in capitals


@pytest.mark.parametrize("shape", ["relative clause", "apposition"])
def test_a_name_described_as_a_thing_a_firm_launched_is_a_product(shape):
    from spacy.tokens import Doc, Span

    from kg.extract.mentions import context_votes
    words = ["Tallybook", "AI", ",", "an", "accounting", "assistant", "Ledgerwell", "launched", "in", "May", "."]
    if shape == "relative clause":     # "an assistant [that] Ledgerwell launched"
        heads, deps = [1, 1, 1, 5, 5, 1, 7, 5, 7, 8, 1], ["compound", "ROOT", "punct", "det", "compound", "appos",
                                                          "nsubj", "relcl", "prep", "pobj", "punct"]
    else:                              # the parser's misreading: the maker in apposition, "launched" on it
        heads, deps = [1, 1, 1, 5, 5, 1, 5, 6, 7, 8, 1], ["compound", "ROOT", "punct", "det", "compound", "appos",
                                                          "appos", "acl", "prep", "pobj", "punct"]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps,
              tags=["NNP", "NNP", ",", "DT", "NN", "NN", "NNP", "VBN" if shape == "apposition" else "VBD", "IN",
                    "NNP", "."],
              pos=["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
              lemmas=["Tallybook", "AI", ",", "an", "accounting", "assistant", "Ledgerwell", "launch", "in", "May",
                      "."])
    assert context_votes(Span(doc, 0, 2))["Product"] >= 2


def test_kinds_of_business_software_in_capitals_are_no_names():
    names = {e.name for e in extract("Ledgerwell makes cloud ERP software for large firms and sells a CRM tool "
                                     "too.").entities}
    assert not names & {"ERP", "CRM"}, names


@pytest.mark.parametrize("text", [
    "Kelvo Group said sales rose. Kelvo Group will no longer supply Vantel Motors after March, the two said.",
    "Kelvo Group said sales rose. Kelvo Group has filed a complaint against Vantel Motors with the regulator over "
    "unpaid fees, the two said.",
    "Kelvo Group said sales rose. Kelvo Group and Vantel Motors both raised their prices by 5% last month, the two "
    "said.",
    "Kelvo Group said sales rose. Kelvo Group did not sign a supply agreement with Vantel Motors, the two said.",
])
def test_what_two_firms_say_together_is_no_deal_unless_they_undertake_something_jointly(text):
    assert not [f for f in facts_of(text) if f[1] == "partnersWith"]


def test_markdown_keeps_wrapped_sentences_whole_and_contact_lines_apart(tmp_path):
    from loaders.markdown import markdown_to_text
    text = markdown_to_text("Kelvo will open stores across\n2025-2026 in Mexico and Peru. See\nhttps://kelvo.example/a,"
                            "\nfor more.\n\n**Kelvo**\nAnn Lee, Press Officer\npress@kelvo.example\n+44 20 7946 0001\n"
                            "Brisco Partners advised Kelvo.\n")
    assert text == ("Kelvo will open stores across 2025-2026 in Mexico and Peru. See https://kelvo.example/a, for "
                    "more.\n\nKelvo\nAnn Lee, Press Officer\npress@kelvo.example\n+44 20 7946 0001\nBrisco Partners "
                    "advised Kelvo.")


@pytest.mark.parametrize("line", ["Tom Berg, Partner At Brisco Capital",
                                  "Ann Lee, Director Of Kelvo Retail Strategy For Asia"])
def test_a_title_case_headline_after_a_name_and_comma_is_still_a_headline(line):
    from kg.extract.mentions import is_headline
    assert is_headline(load_model()(line))


@pytest.mark.parametrize("text, name", [
    ("Kelvo will sell the film on DVD and stream it over VoIP links in March.", "DVD"),
    ("Kelvo will sell the film on DVD and stream it over VoIP links in March.", "VoIP"),
    ("Vantel Telecom said IPv6 addresses would run out later than feared.", "IPv6"),
    # a broadcaster's programme named by its title
    ("Ann Lee told the BBC's Go Digital programme that Kelvo would cut prices.", "Digital"),
])
def test_technical_terms_and_programme_titles_are_no_names(text, name):
    assert name not in types_of(text)


def test_the_broadcaster_before_a_programmes_title_stays_a_name():
    assert types_of("Ann Lee is a regular commentator on the Kelvo World Service programme Go Digital.").get(
        "Kelvo World Service") == "Company"


@pytest.mark.parametrize("text, name", [
    ("\"The port deal lifts our exports,\" said Finance Minister Omar Vale of Ruritania.", "Finance"),
    ("Kelvo's founder is still in jail Analysts believe its unit is worth $1bn.", "Analysts"),
])
def test_a_ministry_before_its_minister_and_a_plural_noun_are_no_names(text, name):
    assert name not in types_of(text)


def test_a_one_word_firm_called_by_its_trade_after_at_is_a_firm_even_tagged_a_person():
    result = extract("Ann Roe, a research director at analyst Quorlytics, told reporters that Kelvo had won.")
    assert {e.name: e.type for e in result.entities}.get("Quorlytics") == "Company"
    assert ("Ann Roe", "executiveOf", "Quorlytics") in {(f.subject, f.predicate, f.object) for f in result.facts}


@pytest.mark.parametrize("text, present, absent", [
    ("Kelvo Group said sales in China and Japan rose 5% in the quarter.",
     {("Kelvo Group", "operatesIn", "China"), ("Kelvo Group", "operatesIn", "Japan")}, set()),
    # the whole market's sales, whoever reports them
    ("Kelvo Group said smartphone sales in India rose 10%.", set(), {("Kelvo Group", "operatesIn", "India")}),
])
def test_sales_in_a_market_a_firm_reports_are_its_own(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, present, absent", [
    # "the country" after "in" is the country the text is about
    ("Quendal is Poland's largest discount chain. Marlux Retail runs around 900 stores in the country.",
     {("Marlux Retail", "operatesIn", "Poland")}, set()),
    # an apposition set off by commas that the parser read as an adverb
    ("Sales start on 14 November on Pexaro, the Indian shopping site, and at 320 partner stores.",
     {("Pexaro", "operatesIn", "India")}, set()),
    # "as well as" joins markets like "and"
    ("Its premium brand, Tavorin Gold, now sold in Nepal as well as India, made up 31% of volumes.",
     {("Tavorin Gold", "availableIn", "Nepal"), ("Tavorin Gold", "availableIn", "India")}, set()),
    ("Holvind operates in France as well as Spain.",
     {("Holvind", "operatesIn", "France"), ("Holvind", "operatesIn", "Spain")}, set()),
    # demand for goods named by their line is demand for the line
    ("Sorvi reported strong demand for its Brunelli sneakers in China.",
     {("Brunelli", "availableIn", "China")}, set()),
])
def test_markets_named_by_anaphor_apposition_and_as_well_as(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, name, kind", [
    # "the" before a name that launches without an object: a product (a start-up launches without "the")
    ("When the Quendal launched in the US late in 2001, it sold well.", "Quendal", "Product"),
    ("The Marlux Executive was an early pocket calculator.", "Marlux Executive", "Product"),
])
def test_product_cues_of_launching_and_kinds_of_goods(text, name, kind):
    assert types_of(text).get(name) == kind


def test_a_start_up_that_launched_stays_a_company():
    assert types_of("When Holvind Systems launched in 2019, it had ten staff.").get("Holvind Systems") == "Company"


def test_a_firm_stays_apart_from_its_unit_named_for_a_country():
    result = extract("Holvind, the Latvian locker company, runs 900 lockers in Finland. A new subsidiary, Holvind "
                     "Romania SRL, will install the first machines in Bucharest. Holvind's revenue rose 38%.")
    names = {e.name for e in result.entities if e.type == "Company"}
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {"Holvind", "Holvind Romania SRL"} <= names
    assert ("Holvind", "operatesIn", "Finland") in facts
    assert ("Holvind Romania SRL", "subsidiaryOf", "Holvind") in facts


@pytest.mark.parametrize("text, present, absent", [
    # what a firm has in a market, counted
    ("Holvind Group runs lockers in Latvia. It has none in Romania or Slovakia yet.",
     {("Holvind Group", "absentFrom", "Romania"), ("Holvind Group", "absentFrom", "Slovakia")}, set()),
    ("Holvind Group has no lockers in Poland, the region's largest parcel market.",
     {("Holvind Group", "absentFrom", "Poland")}, set()),
    ("Holvind Group has 26,000 machines in Poland.", {("Holvind Group", "operatesIn", "Poland")}, set()),
    ("Holvind Group has many friends in Poland.", set(), {("Holvind Group", "operatesIn", "Poland")}),
    # regions business news uses that CLDR lacks
    ("Dravenna is Central Europe's biggest online retailer.", {("Dravenna", "operatesIn", "Central Europe")}, set()),
    # the firm after its governing board
    ("\"Our buses are clean,\" said Ana Ruiz, President of the Management Board of Kolmstad.",
     {("Ana Ruiz", "executiveOf", "Kolmstad")}, set()),
    # a name the model took for a place, with the proper noun it hangs on
    ("\"We ran three makes,\" said Ana Ruiz, Managing Director of Pirvanto Verkehrsbetriebe.",
     {("Ana Ruiz", "executiveOf", "Pirvanto Verkehrsbetriebe")}, set()),
])
def test_things_held_in_a_market_regions_and_boards(text, present, absent):
    assert_facts(text, present, absent)


def test_a_legal_form_written_as_several_words_closes_a_firms_name():
    names = types_of("Zeltrina Sp. z o.o., the municipal operator in Katowice, has ordered 30 buses. Zeltrina said "
                     "the buses were clean.")
    assert names.get("Zeltrina") == "Company"
    assert not any("o.o" in name for name in names)


@pytest.mark.parametrize("text, part", [
    ("The Council of Mortgage Lenders said lending fell.", "Mortgage Lenders"),
    ("Carlos Vela, head of the Board of Irrigation Users, said water was short.", "Irrigation Users"),
])
def test_a_body_named_council_or_board_of_something_is_not_cut_to_its_members(text, part):
    assert part not in types_of(text)


@pytest.mark.parametrize("text, present, absent", [
    # "hopes" is the verb "hope" (the small model lemmatises it "hop"): a hope, not a presence
    ("Brevanto Foods hopes to be in Danish shops by the end of 2030.",
     {("Brevanto Foods", "targetsMarket", "Denmark")}, {("Brevanto Foods", "operatesIn", "Denmark")}),
    ("Brevanto Foods hopes to be in Canadian stores by the end of 2030.",
     {("Brevanto Foods", "targetsMarket", "Canada")}, {("Brevanto Foods", "operatesIn", "Canada")}),
    # sites counted with a market's adjective
    ("A deal to make fish fingers for Quillmore, which has 700 UK stores, collapsed in May.",
     {("Quillmore", "operatesIn", "United Kingdom")}, set()),
    # a share of a market held
    ("Brevanto Foods remains small next to Sandrevik Foods, which holds about a third of the UK frozen snack market.",
     {("Sandrevik Foods", "operatesIn", "United Kingdom")}, set()),
    ("Sandrevik Foods wants half of the German market.", set(), {("Sandrevik Foods", "operatesIn", "Germany")}),
])
def test_hopes_counted_sites_and_shares_of_a_market(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, name", [
    # what is described as a best-seller is a product, even named after its maker
    ("Olbarra Foods makes snacks. Olbarra Haddock Bites, the breaded fish bites that are still its best-seller, are "
     "sold in Ireland.", "Olbarra Haddock Bites"),
    # names set off after a kind of goods are those goods
    ("The range – Tuvessa Bao Bites, Tuvessa Gyoza Crunch and Tuvessa Katsu Pockets – will sell for £3.50 a box.",
     "Tuvessa Gyoza Crunch"),
])
def test_best_sellers_and_names_listed_after_a_kind_of_goods_are_products(text, name):
    result = extract(text)
    kinds = {form: e.type for e in result.entities for form in (e.name, *e.aliases)}
    assert kinds.get(name) == "Product"


def test_a_time_zone_after_a_kind_of_goods_is_no_product():
    assert "CEST" not in {name for name, kind in types_of("*Phones · Tuesday 5 September 2028, 14:10 CEST*").items()
                          if kind == "Product"}


@pytest.mark.parametrize("text, present, absent", [
    # only sites, units, staff and equipment held in a market count; time, lawsuits and problems do not
    ("Marvessa Ltd, the Warsaw-based retailer, has 30 days in Hungary to appeal the ruling.", set(),
     {("Marvessa Ltd", "operatesIn", "Hungary")}),
    ("Marvessa Ltd faces 3 lawsuits in Hungary and has 2 lawsuits in Slovakia.", set(),
     {("Marvessa Ltd", "operatesIn", "Slovakia")}),
    ("Marvessa Ltd has no problems in Hungary.", set(), {("Marvessa Ltd", "absentFrom", "Hungary")}),
    ("Asked about expansion plans, Marvessa Ltd said it had none in Romania.", set(),
     {("Marvessa Ltd", "absentFrom", "Romania")}),
    ("Marvessa Ltd has 200 stores in Poland and none in Hungary.",
     {("Marvessa Ltd", "operatesIn", "Poland"), ("Marvessa Ltd", "absentFrom", "Hungary")},
     {("Marvessa Ltd", "operatesIn", "Hungary")}),
    # "the country" is the last country named, never a region
    ("Marvessa Ltd said sales in Europe rose 5% last year. It plans 40 new stores in the country.", set(),
     {("Marvessa Ltd", "targetsMarket", "Europe")}),
    ("Exports from China fell. Marvessa Ltd said it would build a plant in Vietnam. Marvessa Ltd employs 900 people "
     "in the country.", set(), {("Marvessa Ltd", "operatesIn", "China")}),
])
def test_what_is_held_in_a_market_and_which_country_the_country_is(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, name, kind", [
    ("When the Ostrelli Exchange launched in 2020, it had ten staff.", "Ostrelli Exchange", "Company"),
    ("Ann Lee, a member of the Executive Board of Directors at Pendrova Ltd, resigned on Monday.", "Directors", None),
    ("Caldemor Sp. z o.o. and Ostrelli S.A. de C.V. signed a supply deal.", "Caldemor", "Company"),
    ("Caldemor Sp. z o.o. and Ostrelli S.A. de C.V. signed a supply deal.", "Ostrelli", "Company"),
])
def test_organisations_that_launch_boards_of_directors_and_spaced_legal_forms(text, name, kind):
    assert types_of(text).get(name) == kind


def test_a_unit_named_for_a_country_with_a_dotted_name_stays_apart_from_its_parent():
    result = extract("Pendrova, the Latvian locker company, runs 900 lockers in Finland. A new subsidiary, Pendrova "
                     "U.S. Inc., will install machines in Ohio. Pendrova's revenue rose 38%.")
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert ("Pendrova", "operatesIn", "Finland") in facts


def test_the_wire_a_dateline_credits_is_a_company_with_the_dateline_as_evidence():
    text = "Headline\n\nLONDON, Oct 6 (Travelle Wire) - Orsenka Group said profit rose.\n\nPARIS (Updated) - More."
    result = extract(text)
    wires = [e for e in result.entities if e.name == "Travelle Wire"]
    assert [e.type for e in wires] == ["Company"]
    (evidence,) = wires[0].evidence
    assert evidence.sentence == "LONDON, Oct 6 (Travelle Wire)" == text[evidence.start:evidence.end]
    assert not any(e.name == "Updated" for e in result.entities)


def test_founders_of_a_firm_opening_a_sentence_the_parser_misread_and_its_title():
    result = extract("Zunmark Group has agreed to buy Belvadi Games. Belvadi, founded in 2016 by Deniz Karaosmanlı "
                     "and Selin Ayvazoğlu, makes puzzle games. Its biggest title, Ombriel Match, has 19 million players.")
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Deniz Karaosmanlı", "executiveOf", "Belvadi Games"), ("Selin Ayvazoğlu", "executiveOf", "Belvadi Games"),
            ("Belvadi Games", "produces", "Ombriel Match")} <= facts
    assert ("Zunmark Group", "produces", "Ombriel Match") not in facts


@pytest.mark.parametrize("text, present, absent", [
    # a country the model took for a product
    ("Orsenka spends more than rivals, including Cyprus-based Belvadi, said Ann Lee, an analyst at Zunmark Research.",
     {("Belvadi", "operatesIn", "Cyprus")}, set()),
    # a city the model took for a person, with the firm's description after it; a group's studios
    ("Zunmark Group, whose eleven studios include Travelle Studios in Kraków, maker of the Ombriel role-playing series, "
     "saw sales fall 9%.", {("Travelle Studios", "produces", "Ombriel"),
                            ("Travelle Studios", "subsidiaryOf", "Zunmark Group")},
     {("Kraków", "produces", "Ombriel")}),
])
def test_places_the_model_mislabels_and_units_a_group_includes(text, present, absent):
    assert_facts(text, present, absent)
    assert "Kraków" not in types_of(text) and "Cyprus" not in {n for n, k in types_of(text).items() if k != "Market"}


@pytest.mark.parametrize("text, present, absent", [
    # a product named as the most-played (best-selling ...) of its kind in a market is sold there, and its maker is
    # no person for it
    ("Tavlamo will go up against Cyprus-based Pellumbra, whose Pellumbra Gammon is the most-played backgammon app in "
     "Turkey.", {("Pellumbra Gammon", "availableIn", "Turkey"), ("Pellumbra", "produces", "Pellumbra Gammon")}, set()),
    ("The Varnessa X5 is not a phone in Brazil.", set(), {("Varnessa X5", "availableIn", "Brazil")}),
    # a city named before a firm's trade places the firm in its country, when the text names that country
    ("Torquilla NV, the Ghent operator that has run Drastow buses since 2026, will add 64 buses. Drastow sells buses "
     "in Belgium.", {("Torquilla NV", "operatesIn", "Belgium")}, set()),
])
def test_a_products_rank_in_a_market_and_a_city_before_a_trade(text, present, absent):
    assert_facts(text, present, absent)


def test_none_opening_a_sentence_and_a_city_before_a_trade_are_no_names():
    names = types_of("Varnessa Games makes games. None of Varnessa's games is sold in China. Torquilla NV, the Ghent "
                     "operator, will add 64 buses.")
    assert "None" not in names and "Ghent" not in names


def _prices(text: str) -> set[tuple]:
    return {(e.args["product"], e.args["amount"], e.args["currency"]) for e in extract(text).events
            if e.type == "ProductPrice"}


@pytest.mark.parametrize("text, present, absent", [
    # an amount inside the noun in apposition to a product is its price, not the clause's figure
    ("Quorindel Pass, a $5.99 monthly subscription inside Haskavo's biggest game, now brings in a fifth of the game's "
     "revenue.", {("Quorindel Pass", 5.99, "USD")}, set()),
    # a firm's value in apposition prices nothing
    ("Haskavo, a $2bn company, sells the Brimlet 5, a €499 phone.", {("Brimlet 5", 499.0, "EUR")},
     {("Brimlet 5", 2000000000.0, "USD")}),
    # one price for a list of products that sell for it
    ("The range – Velunda Bao Bites, Velunda Gyoza Crunch and Velunda Katsu Pockets – will sell for £3.50 a box.",
     {("Velunda Gyoza Crunch", 3.5, "GBP"), ("Velunda Katsu Pockets", 3.5, "GBP")}, set()),
    # not a firm selling several for one sum
    ("Haskavo will sell the Brimlet 5 and the Brimlet 6 for $2bn.", set(), {("Brimlet 5", 2000000000.0, "USD")}),
    ("Haskavo sold the Brimlet 5 and the Brimlet 6 for $2bn in total.", set(), {("Brimlet 5", 2000000000.0, "USD")}),
])
def test_prices_in_apposition_and_for_a_list(text, present, absent):
    prices = _prices(text)
    assert present <= prices and not absent & prices


def test_a_subscription_named_by_its_line_that_launched_is_a_launch_by_its_owner():
    events = events_of("Haskavo's revenue rose 38%. Its Quorindel Plus subscription, which offers unlimited sends for "
                       "€4.99 a month, launched in Latvia in June.")
    assert ("ProductLaunch", "Haskavo", "Quorindel Plus") in events


def test_goods_shipped_are_no_launch():
    events = events_of("Haskavo Medical is recalling its Brimlet H1. The recall covers about 410,000 H1 test "
                       "cartridges shipped to customers in the United States since October.")
    assert not {e for e in events if e[0] == "ProductLaunch"}


_PRICE_TABLE = ("Sorvanta raises prices. Sorvanta Standard and Sorvanta Premium are its plans.\n\n"
                "Country | Sorvanta Standard | Sorvanta Premium\nSweden | 139 kr | 189 kr\nPoland | – | 49.99 zł\n"
                "Finland | €11.99 | €15.99\n\nThe plans start on Monday.")


def test_a_table_of_prices_by_market_sells_each_priced_product_there_in_the_rows_currency():
    result = extract(_PRICE_TABLE)
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    prices = {(e.args["product"], e.args["amount"], e.args["currency"]) for e in result.events
              if e.type == "ProductPrice"}
    assert {("Sorvanta Standard", "availableIn", "Sweden"), ("Sorvanta Premium", "availableIn", "Poland"),
            ("Sorvanta Premium", "availableIn", "Finland")} <= facts
    assert ("Sorvanta Standard", "availableIn", "Poland") not in facts          # a dash: not sold there
    assert {("Sorvanta Standard", 139.0, "SEK"), ("Sorvanta Premium", 189.0, "SEK")} <= prices   # (a product's first
    #                                                                              price in each currency, as everywhere)
    go = extract("Sorvanta Go is a plan.\n\nCountry | Sorvanta Go\nPoland | 49.99 zł\nHungary | 2,990 Ft").events
    assert [(e.args["amount"], e.args["currency"]) for e in go if e.type == "ProductPrice"] == [(49.99, "PLN"),
                                                                                                (2990.0, "HUF")]
    row = next(f for f in result.facts if f.object == "Sweden" and f.subject == "Sorvanta Standard").evidence
    assert row.sentence == "Sweden | 139 kr | 189 kr"


@pytest.mark.parametrize("table", [
    "Meklund sells two phones.\n\nModel | Meklund S | Meklund X\nSweden | 139 kr | 189 kr",   # no market column
    "Meklund Standard is a plan.\n\nCountry | Meklund Standard\nSweden | 5 GB",             # a measure, no price
])
def test_a_table_without_markets_or_prices_prices_nothing(table):
    assert not [e for e in extract(table).events if e.type == "ProductPrice"]


def test_a_service_that_goes_live_in_its_first_countries_enters_them():
    facts = facts_of("Trivesca, the Swedish streaming service, is raising prices. From April 1, Trivesca goes live in "
                     "Poland and Hungary, its first countries outside the Nordics.", "2030-03-12")
    assert {("Trivesca", "targetsMarket", "Poland"), ("Trivesca", "absentFrom", "Hungary")} <= facts
    assert ("Trivesca", "operatesIn", "Poland") not in facts


@pytest.mark.parametrize("text, present, absent", [
    # a country the model tags an organisation is the country
    ("Ulmaveda, based in Marcos Juárez in Córdoba province, makes the Carvenza no-till planters that sow roughly a "
     "third of Argentina's soy and maize, and exports to Uruguay, Paraguay and Kazakhstan.",
     {("Ulmaveda", "operatesIn", "Paraguay")}, set()),
    # the name words the model left out before the one it tagged
    ("SAO PAULO, April 8 (Corvessant) - Drevallo Máquinas Agrícolas, Brazil's second-largest maker of farm machinery, "
     "has agreed to buy smaller Argentine rival Ulmaveda for $310 million including debt.",
     {("Drevallo Máquinas Agrícolas", "operatesIn", "Brazil"), ("Drevallo Máquinas Agrícolas", "competesWith",
                                                                 "Ulmaveda")}, set()),
    # the owner of a goods noun the product's phrase explains, and its price in a market
    ("Drevallo sells sprayers in Brazil. Its best-known machine, the Pirotta self-propelled sprayer, costs about 1.9 "
     "million reais in Brazil.", {("Drevallo", "produces", "Pirotta"), ("Pirotta", "availableIn", "Brazil")}, set()),
])
def test_countries_and_names_the_model_mistags_and_goods_explained_by_apposition(text, present, absent):
    assert_facts(text, present, absent)


def test_a_firm_launching_a_numbered_product_at_home_makes_no_entry():
    result = extract("Brazilian machinery maker Tarvello is buying a rival. Tarvello launched the Ostrumia 24, a "
                     "smaller sprayer, in Brazil this month at 1.2 million reais.", "2025-04-18")
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Tarvello", "produces", "Ostrumia 24"), ("Ostrumia 24", "availableIn", "Brazil")} <= facts
    assert ("ProductLaunch", "Ostrumia 24", "Tarvello") in {(e.type, *sorted(map(str, e.args.values())))
                                                           for e in result.events if e.type == "ProductLaunch"}
    assert not [e for e in result.events if e.type == "MarketEntry"]


def test_a_products_name_without_its_number_in_a_heading_or_after_the_is_the_product():
    text = ("Fendral launches the Qerabook\n\nThe rival: Tarvello Ostrumia 14\n\nThe obvious comparison is the "
            "Tarvello Ostrumia 14, the best-selling laptop in India this year. At ₹69,990 the Ostrumia undercuts the "
            "Qerabook. Tarvello Computer makes it.")
    kinds = {form: e.type for e in extract(text).entities for form in (e.name, *e.aliases)}
    assert kinds.get("Tarvello Ostrumia 14") == "Product"
    assert "Company" not in {kinds.get("Tarvello Ostrumia"), kinds.get("Ostrumia")}


@pytest.mark.parametrize("cell, country, price", [
    ("89 kr", "SE", (89.0, "SEK")), ("34,99 zł", "PL", (34.99, "PLN")), ("2 990 Ft", "HU", (2990.0, "HUF")),
    ("1.234,50 kr", "DK", (1234.5, "DKK")), ("8.99 €", "FI", (8.99, "EUR")),
    # no price: a sign the row's country does not use, a date, a count, a measure
    ("89 kr", "US", None), ("12 Mar", "DK", None), ("1.2 mn", "DK", None), ("4 UHD", "FI", None), ("5 GB", "SE", None),
])
def test_a_table_cells_price_in_the_rows_currency(cell, country, price):
    from kg.extract.tables import _cell_price
    assert _cell_price(cell, country) == price


@pytest.mark.parametrize("text, name", [
    ("NAIROBI (Kenya) - Sorvanta, the Kenyan lender, raised rates.", "Kenya"),
    ("ATLANTA (Staff) - Sorvanta Group raised rates.", "Staff"),
])
def test_a_place_or_a_label_in_a_datelines_brackets_is_no_wire(text, name):
    assert types_of(text).get(name) != "Company"


@pytest.mark.parametrize("text", [
    "Haskavo released Brimlet Quest, a $200 million game that took five years to make.",   # a budget, no price
    "Developing the Brimlet 5 and Brimlet 6 will cost $1.2 billion.",                      # a cost to develop
])
def test_budgets_and_development_costs_are_no_prices(text):
    assert not _prices(text)


def test_a_groups_partner_studios_are_no_units_of_it():
    facts = facts_of("Meklund Group's partner studios include Travelle Games and Ombriel Interactive.")
    assert not {f for f in facts if f[1] == "subsidiaryOf"}


def test_more_stores_where_a_chain_is_and_its_first_in_another_country():
    result = extract("Sorvanta Retail will open 25 more stores in Poland this year and its first in Romania.")
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    entries = {e.args["market"] for e in result.events if e.type == "MarketEntry"}
    assert {("Sorvanta Retail", "operatesIn", "Poland"), ("Sorvanta Retail", "targetsMarket", "Romania")} <= facts
    assert entries == {"Romania"}


def test_a_chains_first_stores_in_a_country_are_its_entry():
    assert {e.args["market"] for e in extract("Meklund Retail opened its first two stores in Spain in May.").events
            if e.type == "MarketEntry"} == {"Spain"}


@pytest.mark.parametrize("text, present, absent", [
    ("Sorvanta Foods named Meklund Retail as its biggest customer.",
     {("Meklund Retail", "partnersWith", "Sorvanta Foods")}, set()),
    ("Meklund Retail is Sorvanta Foods' largest client.", {("Meklund Retail", "partnersWith", "Sorvanta Foods")}, set()),
    ("Meklund Retail, a customer of Sorvanta Foods, said sales rose.",
     {("Meklund Retail", "partnersWith", "Sorvanta Foods")}, set()),
    # no longer one, or a person
    ("Meklund Retail is no longer a customer of Sorvanta Foods.", set(),
     {("Meklund Retail", "partnersWith", "Sorvanta Foods")}),
])
def test_a_firm_that_is_anothers_customer_deals_with_it(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, present, absent", [
    # a chain's stores counted in a country put the chain there, whatever happens in them
    ("Drimsby Foods will launch the range in 300 Tavrinel supermarkets across the United Kingdom in May.",
     {("Tavrinel", "operatesIn", "United Kingdom")}, set()),
    ("The 40 Oskarbo pharmacies in Italy and France sell the cream.",
     {("Oskarbo", "operatesIn", "Italy"), ("Oskarbo", "operatesIn", "France")}, set()),
    # stores to be opened are planned; stores a franchisee runs are the franchisee's
    ("Quorvell will open 30 Oskarbo stores in Spain.", set(), {("Oskarbo", "operatesIn", "Spain")}),
    ("Lantessa ended its deal with Quorvell Retail, which ran 11 Oskarbo stores in Saudi Arabia.", set(),
     {("Oskarbo", "operatesIn", "Saudi Arabia")}),
    # a firm's nationality before its name, with the kind of firm the tagger took for part of the name
    ("Drimsby Bites are sold in Ireland and, under a distribution agreement with the Dutch wholesaler Vrieshaven, in "
     "the Netherlands.",
     {("Vrieshaven", "operatesIn", "Netherlands")}, set()),
])
def test_a_chains_counted_stores_and_a_firms_nationality(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, present, absent", [
    # sales in a market, owned by the firm whose results they explain, or the firm the sentence before was about
    ("Lantessa reported a fall in profit as sales in mainland China and Hong Kong kept shrinking.",
     {("Lantessa", "operatesIn", "China"), ("Lantessa", "operatesIn", "Hong Kong")}, set()),
    ("Lantessa said profit fell. Sales in Japan dropped 19 per cent and in Brazil 12 per cent, while sales in the "
     "United States rose 14 per cent and Germany 9 per cent.",
     {("Lantessa", "operatesIn", m) for m in ("Japan", "Brazil", "United States", "Germany")}, set()),
    # a whole market's sales are nobody's
    ("Lantessa said profit fell. Car sales in Japan dropped 19 per cent.", set(), {("Lantessa", "operatesIn", "Japan")}),
])
def test_sales_in_a_market_are_the_reporting_firms(text, present, absent):
    assert_facts(text, present, absent)


def test_a_double_surname_the_model_splits_is_still_the_person():
    from kg.extract.mentions import Mention, _hyphenated_surnames_joined
    from kg.extract.nlp import parse
    (paragraphs,) = parse(["Glaswyn was founded by Hamish Devlin-Abara. Devlin-Abara, the head distiller, said so."])
    doc = paragraphs[0].doc
    words = [t.text for t in doc]
    full = words.index("Hamish")
    first = words.index("Devlin", full + 4)
    second = words.index("Abara", first)

    def mention(start, end, ner=""):
        span = doc[start:end]
        return Mention(0, start, end, span.text, span.start_char, span.end_char, ner=ner)

    split = [mention(full, full + 4, "PERSON"), mention(first, first + 1, "ORG"), mention(second, second + 1)]
    joined = _hyphenated_surnames_joined(split, paragraphs)      # "Devlin" and "Abara", the model's two firms
    assert sorted((m.text, m.votes.most_common(1)[0][0] if m.votes else None) for m in joined) == [
        ("Devlin-Abara", "Person"), ("Hamish Devlin-Abara", None)]


@pytest.mark.parametrize("text, name", [
    # a big city before a firm or a kind of firm says where it is
    ("Glaswyn moved to Varrowmere Drinks, an Edinburgh specialist that supplies 600 bars.", "Varrowmere Drinks"),
    ("Scotch groups such as Edinburgh's Kettleburn Group dominate the shelf there.", "Kettleburn Group"),
    ("Brannoch Engineering won the record Jeddah order for 214 lifts.", "Brannoch Engineering"),
])
def test_a_big_city_before_a_firm_is_where_it_is(text, name):
    types = types_of(text)
    assert types.get(name) == "Company", types
    assert not {n for n in ("Edinburgh", "Jeddah") if types.get(n) == "Company"}, types


def test_firms_named_like_big_cities_stay_firms():
    assert types_of("Allianz, Zurich and Generali are the biggest insurers.").get("Zurich") == "Company"
    assert types_of("Zurich reported a 10 per cent rise in profit.").get("Zurich") == "Company"


@pytest.mark.parametrize("text, name, kind", [
    # a drink's kind closes a brand's name, whatever the model tagged it
    ("Brannoch will take Pemberdale Single Malt and Ellisande Gin into 14 states from September.", "Ellisande Gin",
     "Product"),
    ("Brannoch will take Pemberdale Single Malt and Ellisande Gin into 14 states from September.",
     "Pemberdale Single Malt", "Product"),
    # ... not a person named like a drink
    ("Kelvo Foods named Martin Stout as chief executive.", "Martin Stout", "Executive"),
    # "Wines" ends a firm's name
    ("Glaswyn ended its agreement with London wholesaler Kettleburn Wines in March.", "Kettleburn Wines", "Company"),
])
def test_drinks_brands_and_drinks_firms(text, name, kind):
    assert types_of(text).get(name) == kind


def test_a_firm_named_for_its_drink_doing_a_deal_is_no_product():
    assert types_of("Varrowmere Cider has agreed to buy Ostra Drinks.").get("Varrowmere Cider") != "Product"


def test_a_deal_for_a_firm_named_with_its_buyer_is_no_subsidiary_yet():
    facts = facts_of("Regulators opened a review of Brannoch's Kettleburn deal on Monday.")
    assert ("Kettleburn", "subsidiaryOf", "Brannoch") not in facts, facts


@pytest.mark.parametrize("text, present, absent", [
    ("Glaswyn Distillery makes gin. In Japan the distillery works with Osaka importer Kettleburn Trading.",
     {("Glaswyn Distillery", "partnersWith", "Kettleburn Trading")}, set()),
    ("Glaswyn Distillery has signed Chicago-based Brannoch Spirits to import and sell its range in the United States.",
     {("Glaswyn Distillery", "partnersWith", "Brannoch Spirits")}, set()),
    ("Glaswyn will work with Kettleburn Trading next year.", set(), {("Glaswyn", "partnersWith", "Kettleburn Trading")}),
])
def test_working_with_a_firm_or_signing_it_up_is_a_partnership(text, present, absent):
    assert_facts(text, present, absent)


def test_a_press_release_dateline_of_two_towns_with_their_countries_names_no_firm():
    types = types_of("LUCERNE, Switzerland, and RIYADH, Saudi Arabia, May 14, 2030 \u2013 Quillmora AG, the Swiss lift "
                     "maker, today announced an order from Farrandel Holding, one of the Kingdom's largest developers.")
    assert types.get("Quillmora AG") == "Company", types            # the name before a legal form tagged alone
    assert not {name for name, kind in types.items() if kind == "Company"} - {"Quillmora AG", "Farrandel Holding"}, types


def test_a_list_of_verbs_read_as_a_noun_keeps_its_firm_as_subject():
    facts = facts_of("Founded in Lucerne in 1936, Quillmora AG designs, manufactures, installs and services elevators, "
                     "escalators and moving walkways in more than 50 countries and operates factories in Switzerland, "
                     "Poland and China.")
    assert {("Quillmora AG", "operatesIn", m) for m in ("Switzerland", "Poland", "China")} <= facts, facts


@pytest.mark.parametrize("text, absent", [
    # the market's sales, said after the firm's plans or absence there, or a reason beside its plans
    ("Ostvik Motors plans to enter Germany in 2027. Sales in Germany fell 6 per cent last year.",
     ("Ostvik Motors", "operatesIn", "Germany")),
    ("Ostvik Motors has no plans to sell cars in Japan. Sales in Japan fell 3 per cent.",
     ("Ostvik Motors", "operatesIn", "Japan")),
    ("Ostvik shelved plans to enter India as sales in India slowed.", ("Ostvik", "operatesIn", "India")),
    ("Ostvik is eyeing Brazil because sales in Brazil are booming.", ("Ostvik", "operatesIn", "Brazil")),
])
def test_sales_in_a_market_beside_plans_are_the_markets(text, absent):
    assert absent not in facts_of(text)


@pytest.mark.parametrize("text, present", [
    # a price said with "cost" names goods, even when the model tags the name and the verb as one facility
    ("The Morvenna Solo cost SEK 12,990 in Sweden, €1,149 in Germany and Finland and £999 in Britain.",
     {("Morvenna Solo", "availableIn", m) for m in ("Sweden", "Germany", "Finland", "United Kingdom")}),
    # "its" on the last noun of the product's phrase
    ("Pellcastra has held the price of its Quindara 12 road groupset at about $1,450.",
     {("Pellcastra", "produces", "Quindara 12")}),
])
def test_products_priced_listed_after_their_kind_or_owned_through_a_phrase(text, present):
    facts = facts_of(text)
    assert present <= facts, facts


def test_a_run_on_label_keeps_the_name_it_opens_with():
    from spacy.tokens import Span

    from kg.extract.mentions import _name_opening_a_run_on
    doc = load_model()("The Tessik Solo cost SEK 12,990 in Sweden.")
    run_on = Span(doc, 0, 5, label="FAC")                   # "The Tessik Solo cost SEK", as the model tags it at times
    assert _name_opening_a_run_on(run_on).text == "Tessik Solo"
    assert _name_opening_a_run_on(Span(doc, 1, 3, label="FAC")) is None   # a name alone is no run-on


def test_the_parties_of_a_deal_are_named_once():
    events = [e for e in extract("Dunkarra Air agreed to buy jets and engines from Velmstrand Aircraft and Velmstrand "
                                 "Aircraft.").events if e.type == "PartnershipAgreement"]    # (a name written twice)
    assert events and all(len(set(e.args["parties"])) == len(e.args["parties"]) for e in events), events


def test_names_set_off_after_a_kind_of_goods_are_goods_however_parsed():
    types = types_of("The recall, announced on Monday, covers both models in the range, the one-seat Morvenna Solo and "
                     "the two-seat Morvenna Duo, sold since March.")
    assert (types.get("Morvenna Solo"), types.get("Morvenna Duo")) == ("Product", "Product"), types


def test_a_big_city_a_quote_comes_from_is_no_firm():
    types = types_of('"We buy from Taiwan and wait ten weeks for a container. From Nyíregyháza it is two days by '
                     'truck," Ann Tey, Tarlowe\'s head of purchasing, told reporters.')
    assert "Nyíregyháza" not in types, types


@pytest.mark.parametrize("text, present, absent", [
    # a market said to come next, the firm left to the sentence before
    ("Sarvello Group will enter Colombia in the fourth quarter. Chile is planned for 2031.",
     {("Sarvello Group", "targetsMarket", "Chile")}, set()),
    ("Sarvello Group opened stores in Britain and Japan last year. Germany is next.",
     {("Sarvello Group", "targetsMarket", "Germany")}, set()),
    ("Sarvello Group will enter Italy. Poland will follow next year.", {("Sarvello Group", "targetsMarket", "Poland")},
     set()),
    ("Sarvello Group opened stores in Spain. Chile is not planned.", set(),
     {("Sarvello Group", "targetsMarket", "Chile")}),
    # ... not after an exit, nor a country acting, nor the past, nor another firm's plans
    ("Sarvello Group will exit Russia. Ukraine is next.", set(), {("Sarvello Group", "targetsMarket", "Ukraine")}),
    ("Sarvello Group will expand in Spain. Japan will follow the US in raising rates.", set(),
     {("Sarvello Group", "targetsMarket", "Japan")}),
    ("Sarvello Group will expand in Spain. Germany is next to vote on the directive.", set(),
     {("Sarvello Group", "targetsMarket", "Germany")}),
    ("Sarvello Group opened stores in Spain. Germany was next, in 2017.", set(),
     {("Sarvello Group", "targetsMarket", "Germany")}),
    ("Sarvello Group will enter Italy. Its rival Vargo Foods says Spain is next.", set(),
     {("Sarvello Group", "targetsMarket", "Spain")}),
])
def test_a_market_said_to_come_next_is_the_firms_target(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, pair", [
    # the buyer named in apposition to the subject
    ("The order comes a year after Oprelli's main domestic rival, Dunkarra Air, agreed to buy 40 jets from Velmstrand "
     "Aircraft of the United States.", ("Dunkarra Air", "Velmstrand Aircraft")),
    # the other party named on the goods of the deal
    ("Tessowin, a robot maker, grew fast. In May, British logistics group Dunkarra Logistics signed a five-year "
     "contract to put Tessowin fleets in six of its sites.", ("Dunkarra Logistics", "Tessowin")),
])
def test_partners_named_beside_the_subject_or_on_the_deals_goods(text, pair):
    facts = facts_of(text)
    assert (pair[0], "partnersWith", pair[1]) in facts or (pair[1], "partnersWith", pair[0]) in facts, facts


def launches_of(text: str) -> set[tuple[str, str]]:
    return {(e.args["company"], e.args["product"]) for e in extract(text).events if e.type == "ProductLaunch"}


@pytest.mark.parametrize("text, launched", [
    # the launching firm named in apposition to the subject
    ("Brisdane Pharmacy runs 300 stores. Its larger competitor Halsted has put clinics in 900 stores and in January "
     "launched Halsted Rush, a same-day prescription delivery service.", {("Halsted", "Halsted Rush")}),
    # each product of a passive list, however the parser hangs the first
    ("Lumivar makes laptops. Lumivar's Qerabon 14 and Qerabon 14 Pro were unveiled in Bengaluru on Monday.",
     {("Lumivar", "Qerabon 14"), ("Lumivar", "Qerabon 14 Pro")}),
    # a goods noun a named maker launched
    ("Brisdane AG makes lifts. The towers will be equipped with the Vertalo HX, the high-speed elevator that Brisdane "
     "AG launched in March.", {("Brisdane AG", "Vertalo HX")}),
])
def test_launches_named_through_an_apposition_a_list_or_a_clause(text, launched):
    assert launched <= launches_of(text)


def test_a_product_going_on_sale_is_launched_unless_the_text_sold_it_before():
    fresh = launches_of("Halsted Distillery makes whisky. Halsted's Lumivar Gin, a limited release aged in oak, goes on "
                        "sale in Australia and Britain this month at A$49.")
    assert ("Halsted Distillery", "Lumivar Gin") in fresh, fresh
    known = launches_of("Halsted Mobility sells its Lumivar S3 e-scooter for NT$59,900 in Taiwan.\n\nThat changes in "
                        "February, when the Lumivar S3 goes on sale in the Netherlands at €3,290.")
    assert not known, known


@pytest.mark.parametrize("text, name", [
    ("Kestova sold its unit to Hitachi last year.", "Hitachi"),                    # a firm named like a big city
    ("Kestova cost investors $500 a share.", "Kestova"),                            # a share's price, not goods
    ("Kestova builds jets for two airlines, Dunkarra Air and Pellwick.", "Pellwick"),   # customers, not goods
])
def test_firms_stay_firms_beside_prices_cities_and_goods(text, name):
    assert types_of(text).get(name) == "Company"


def test_what_a_site_cost_to_refurbish_is_no_product():
    assert types_of("The Dunmore Arena cost £450,000 to refurbish.").get("Dunmore Arena") != "Product"


@pytest.mark.parametrize("text, present, absent", [
    # the counterparty of the deal, not the maker of its goods
    ("Dunkarra Air agreed to buy 30 Airbus planes from lessor Kestova Leasing.",
     {("Dunkarra Air", "partnersWith", "Kestova Leasing")}, {("Dunkarra Air", "partnersWith", "Airbus")}),
    # two buyers of one seller: each deals with the seller, not with each other
    ("Its main rivals, Dunkarra Air and Pellwick Air, agreed to buy jets from Velmstrand Aircraft.",
     {("Dunkarra Air", "partnersWith", "Velmstrand Aircraft"), ("Pellwick Air", "partnersWith", "Velmstrand Aircraft")},
     {("Dunkarra Air", "partnersWith", "Pellwick Air")}),
])
def test_the_parties_of_a_purchase(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, present", [
    # a "where" clause on the noun that sums up a list of markets
    ("Dorvenak, a Dutch pet-food maker, raised €300 million on Monday. The rest will fund a push into Britain and "
     "Spain, two markets where Dorvenak has no sales today, starting in 2028.",
     {("Dorvenak", "absentFrom", "United Kingdom"), ("Dorvenak", "absentFrom", "Spain")}),
    # a market reported as the next step, after a launch
    ("Ulmara Telecom will launch Pekkavo in Tanzania. Chief executive Amani Wekesa said Pekkavo would be offered to "
     "Tanzanian customers from the first day and that Rwanda was \"the obvious next step\" once the Tanzanian business "
     "was established.",
     {("Ulmara Telecom", "targetsMarket", "Rwanda")}),
])
def test_markets_summed_up_or_reported_as_next(text, present):
    facts = facts_of(text)
    assert present <= facts, facts


@pytest.mark.parametrize("text, present, absent", [
    # a pending deal's foothold is a market to come; a done deal's, one held
    ("Zorvalta Group agreed to buy Warsaw-based Pramkin Systems, giving it a foothold in Poland and a route into Germany.",
     {("Zorvalta Group", "targetsMarket", "Poland"), ("Zorvalta Group", "targetsMarket", "Germany")},
     {("Zorvalta Group", "operatesIn", "Poland"), ("Pramkin Systems", "targetsMarket", "Poland")}),
    ("Zorvalta Group bought Warsaw-based Pramkin Systems last year, giving it a foothold in Poland.",
     {("Zorvalta Group", "operatesIn", "Poland")}, {("Zorvalta Group", "targetsMarket", "Poland")}),
    ("The deal would give Zorvalta Group a foothold in Poland.", {("Zorvalta Group", "targetsMarket", "Poland")}, set()),
])
def test_a_foothold_a_deal_gives(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, present, absent", [
    # a rival named in a market is there; the firm that "will" meet it there may be arriving
    ("Quessaro sells tiles at home. In Portugal, Quessaro competes with Ternwick Ceramics, the market leader.",
     {("Quessaro", "competesWith", "Ternwick Ceramics"), ("Ternwick Ceramics", "operatesIn", "Portugal"),
      ("Quessaro", "operatesIn", "Portugal")}, set()),
    ("Quessaro, the tile maker, opens in Spain next year. In Spain, Quessaro will go up against Ternwick Ceramics.",
     {("Quessaro", "competesWith", "Ternwick Ceramics"), ("Ternwick Ceramics", "operatesIn", "Spain")},
     {("Quessaro", "operatesIn", "Spain")}),
    ("Quessaro, the tile maker, plans a plant. Dovrenta said Quessaro would face stiff competition in Italy from "
     "Ternwick Ceramics.", {("Ternwick Ceramics", "operatesIn", "Italy")}, {("Quessaro", "operatesIn", "Italy")}),
    ("Quessaro, the tile maker, plans a plant. In Chile, Quessaro will run into Ternwick Ceramics, which opened a "
     "plant there last year.",
     {("Quessaro", "competesWith", "Ternwick Ceramics"), ("Ternwick Ceramics", "operatesIn", "Chile")}, set()),
    ("Quessaro, the tile maker, ran into trouble in Chile after Ternwick Ceramics cut prices.", set(),
     {("Quessaro", "competesWith", "Ternwick Ceramics"), ("Ternwick Ceramics", "operatesIn", "Chile")}),
    # two rivalries in two markets, a market on another clause, a rivalry denied, ended or in court: no place
    ("Brakmoor Foods makes snacks. In Mexico, Brakmoor Foods competes with Tellaron, and in Brazil it competes with "
     "Ostrica Snacks.", set(), {("Ostrica Snacks", "operatesIn", "Mexico"), ("Tellaron", "operatesIn", "Brazil")}),
    ("Brakmoor Foods makes snacks. In Spain, Brakmoor Foods said it competes with Tellaron in Latin America.",
     {("Tellaron", "operatesIn", "Latin America")}, {("Tellaron", "operatesIn", "Spain")}),
    ("Brakmoor Foods makes snacks. Brakmoor Foods does not face competition in Chile from Tellaron.", set(),
     {("Tellaron", "operatesIn", "Chile"), ("Brakmoor Foods", "competesWith", "Tellaron")}),
    ("Brakmoor Foods makes snacks. In Spain, Brakmoor Foods competed with Tellaron until Tellaron left the country.",
     set(), {("Tellaron", "operatesIn", "Spain")}),
    ("Brakmoor Foods makes snacks. In Italy, Brakmoor Foods went up against Tellaron in a court case over a "
     "trademark.", set(), {("Tellaron", "operatesIn", "Italy"), ("Brakmoor Foods", "competesWith", "Tellaron")}),
    ("Bjorkvale Rail runs trains. Bjorkvale's arch-rival, Tellaron Freight, has no presence in Britain.",
     {("Tellaron Freight", "absentFrom", "United Kingdom")}, {("Tellaron Freight", "operatesIn", "United Kingdom")}),
])
def test_rivals_named_in_a_market_are_there(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, present, absent", [
    # what a firm spins off, or is spun off from, is its spin-off (a subsidiary in the gold's sense); the business
    # spun off "as" a name is a firm, not one of its maker's products
    ("Sendrick Instruments makes sensors. Last year Sendrick spun off its medical business as Sendrick Vital, which "
     "sells monitors to hospitals in Norway.",
     {("Sendrick Vital", "subsidiaryOf", "Sendrick Instruments"), ("Sendrick Vital", "operatesIn", "Norway")},
     {("Sendrick Instruments", "produces", "Sendrick Vital")}),
    ("Halvine Group spun off its payments unit, Orlavo Pay Ltd, in 2021.",
     {("Orlavo Pay Ltd", "subsidiaryOf", "Halvine Group")}, set()),
    ("Orlavo Payments Ltd, which was spun off from Halvine Group in 2021, raised money.",
     {("Orlavo Payments Ltd", "subsidiaryOf", "Halvine Group")}, set()),
    ("Halvine Group did not spin off Orlavo Payments Ltd.", set(),
     {("Orlavo Payments Ltd", "subsidiaryOf", "Halvine Group")}),
    ("Orlavo Payments Ltd was spun off by Halvine Group in 2021.",
     {("Orlavo Payments Ltd", "subsidiaryOf", "Halvine Group")}, set()),
    ("Orlavo Payments Ltd, which Halvine Group spun off in 2021, raised money.",
     {("Orlavo Payments Ltd", "subsidiaryOf", "Halvine Group")}, set()),
    ("Activist Kestral Capital urged Halvine Group to spin off Orlavo Payments Ltd.",
     {("Orlavo Payments Ltd.", "subsidiaryOf", "Halvine Group")},
     {("Orlavo Payments Ltd.", "subsidiaryOf", "Kestral Capital"),
      ("Orlavo Payments Ltd.", "subsidiaryOf", "Activist Kestral Capital")}),
])
def test_spin_offs(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, present", [
    # goods sold to firms that buy them in a market, on order there, or whose sales there are counted, are sold there
    ("Castrova Optics makes lenses. The Nuvrel X2, sold to carmakers in Japan, is its best seller.",
     {("Nuvrel X2", "availableIn", "Japan")}),
    ("Castrova Optics makes coaches. The Nuvrel X2 can be ordered in Portugal and Spain from November.",
     {("Nuvrel X2", "availableIn", "Portugal"), ("Nuvrel X2", "availableIn", "Spain")}),
    ("Castrova Optics makes lenses. Sales of the Nuvrel X2 fell in Spain last year.",
     {("Nuvrel X2", "availableIn", "Spain")}),
])
def test_goods_sold_to_buyers_on_order_or_counted_in_a_market(text, present):
    assert present <= facts_of(text)


@pytest.mark.parametrize("text, city", [
    # a city the model takes for a person or a firm: on a firm's name, or listed with other places
    ("The chain will open its first shops through a franchise deal with Cork's Tollevan Retail Group.", "Cork"),
    ("Tollevan Retail Group opens a store in Cork in May, followed by Limerick and Galway in the summer.", "Limerick"),
])
def test_a_city_on_a_firms_name_or_listed_with_places_is_no_firm(text, city):
    assert city not in types_of(text)


def test_a_rival_described_as_goods_from_a_named_maker_is_more_goods_than_firm():
    from kg.extract.mentions import context_votes
    doc = load_model()("In the US, Ostravel will compete with Marwenna, a daily tablet from Halquist Biosciences.")
    votes = context_votes(doc.char_span(doc.text.index("Marwenna"), doc.text.index("Marwenna") + len("Marwenna")))
    assert votes["Product"] > votes["Company"], votes


@pytest.mark.parametrize("text, present, absent", [
    # a US state's name on a unit is no country of its own; a launch where the firm has its own teams is no entry
    ("Pemberlin Pharma will sell the drug through Pemberlin Therapeutics Inc., its New Jersey subsidiary.",
     {("Pemberlin Therapeutics Inc.", "subsidiaryOf", "Pemberlin Pharma")},
     {("Pemberlin Therapeutics Inc.", "operatesIn", "Jersey")}),
    ("Pemberlin Pharma won approval for Ostravel, its kidney drug. The Madrid-based company plans to launch it first "
     "in Spain and Italy, where it has its own sales teams.",
     {("Pemberlin Pharma", "operatesIn", "Spain"), ("Pemberlin Pharma", "operatesIn", "Italy")},
     {("Pemberlin Pharma", "targetsMarket", "Spain"), ("Pemberlin Pharma", "targetsMarket", "Italy")}),
])
def test_places_a_unit_or_a_launch_is_in(text, present, absent):
    assert_facts(text, present, absent)


def test_a_wire_tag_before_a_headline_is_no_name():
    names = {e.name for e in extract("UPDATE 2-Trevanos drops purchase of Velquist Freight\n\nLISBON, May 3 - "
                                     "Trevanos Shipping has called off its purchase of Velquist Freight.").entities}
    assert "Trevanos Shipping" in names and not any("UPDATE" in name for name in names), names


def test_a_legal_form_of_two_words_closes_the_name():
    names = {e.name for e in extract("Dunvory Shipping opened a depot in Malaysia. It is run by the subsidiary "
                                     "Dunvory Malaysia Sdn Bhd.").entities}
    assert "Dunvory Malaysia Sdn Bhd" in names and "Sdn Bhd" not in names and "Bhd" not in names, names


def test_a_market_that_provided_part_of_a_firms_sales_is_its_market():
    assert ("Dunvory Tools", "operatesIn", "China") in facts_of(
        "Dunvory Tools makes drills. China provided 34 per cent of Dunvory's sales in 2029.")


@pytest.mark.parametrize("text, company", [
    # a figure with no firm named in its sentence is the result of the firm the text is about
    ("Dunvory Tools cut its forecast on Wednesday. Its shares fell. Third-quarter revenue fell 11 per cent to "
     "€498m from €560m.", "Dunvory Tools"),
    ("Dunvory Tools cut its forecast on Wednesday. Drill revenue in Europe fell 11 per cent to €498m.", None),
    ("Dunvory Tools makes drills. Retail sales rose 3 per cent to $600bn last month, the government said.", None),
    ("Dunvory Tools cut its forecast. Overall revenue fell 5 per cent to $3bn at European toolmakers.", None),
    ("Dunvory Tools cut its forecast. Rival Quintell Group reported weak results on Tuesday. Revenue fell 11 per cent "
     "to $498m.", "Quintell Group"),
    ("Dunvory Tools cut its forecast. Sales rose 12% to €214 million in 2024, finance chief Ana Ruiz said.",
     "Dunvory Tools"),
])
def test_a_bare_figure_is_the_result_of_the_firm_in_view(text, company):
    results = [e.args["company"] for e in extract(text).events if e.type == "FinancialResult"]
    assert results == ([company] if company else []), results


INTERVIEW_WITH_HEADED_QUESTIONS = """Vostrava boss: "Our bikes are ready for Italy"

Vostrava, the bicycle maker from Brno, has sold city bikes to Czech commuters for twenty years. Chief executive \
Marta Kolarova spoke to Tarrenby Weekly about the company's plans.

Why Italy?

Because our bikes already sell well in Austria and we know the Alpine customer. We will open a shop in Milan in May.

Who is your biggest rival?

Brandolf Cycles. They have been strong in Germany for a decade.

What about Britain?

We are not in Britain and we have no plans to go there."""


def test_an_interview_with_its_questions_on_lines_of_their_own():
    result = extract(INTERVIEW_WITH_HEADED_QUESTIONS)
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Marta Kolarova", "executiveOf", "Vostrava"), ("Vostrava", "operatesIn", "Austria"),
            ("Vostrava", "absentFrom", "United Kingdom")} <= facts, facts
    claims = {c.text: (c.speaker, set(c.about)) for c in result.claims}
    assert claims["We are not in Britain and we have no plans to go there."] == (
        "Marta Kolarova", {"Vostrava", "United Kingdom"}), claims
    assert not any("Tarrenby Weekly" in about for _, about in claims.values()), claims   # the outlet is no "we"


def test_headings_asking_questions_answered_in_no_one_s_voice_are_no_interview():
    text = ("Vostrava, the bicycle maker, plans to enter Italy. Marta Kolarova, its chief executive, announced the "
            "plan on Monday.\n\nWhy does it matter?\n\nItaly is Europe's third-largest bicycle market, and rivals such "
            "as Brandolf Cycles are already there.\n\nWhat happens next?\n\nShops open in Milan in May.")
    said = [c.text for c in extract(text).claims]
    assert not any("Italy is Europe" in claim or "Shops open" in claim for claim in said), said


@pytest.mark.parametrize("text, present, absent", [
    # a firm simply said to be (or not to be) in a market; its goods selling there
    ("Vostrava, the bicycle maker, is not in Britain.", {("Vostrava", "absentFrom", "United Kingdom")}, set()),
    ("Vostrava, the bicycle maker, has been in Chile since 2019.", {("Vostrava", "operatesIn", "Chile")}, set()),
    ("Vostrava, the bicycle maker, will be in Italy by 2030.", {("Vostrava", "targetsMarket", "Italy")},
     {("Vostrava", "operatesIn", "Italy")}),
    ("Vostrava, the bicycle maker, was in Italy for a trade fair.", set(), {("Vostrava", "operatesIn", "Italy")}),
    ("Vostrava, the bicycle maker, is in talks in Italy.", set(), {("Vostrava", "operatesIn", "Italy")}),
    ("Vostrava, the bicycle maker, said its bikes already sell well in Austria.",
     {("Vostrava", "operatesIn", "Austria")}, set()),
])
def test_a_firm_or_its_goods_said_to_be_in_a_market(text, present, absent):
    assert_facts(text, present, absent)


@pytest.mark.parametrize("text, word", [
    ("Vostrava said everything is made in its factory. Everything sells well in Germany.", "Everything"),
    ("Vostrava, the family-controlled bicycle maker from Zlín, sells bikes to commuters.", "Zlín"),
    ("We wanted a second source, and Vostrava's Penang factory means the bikes will be built nearby.", "Penang"),
])
def test_pronouns_and_towns_where_a_firm_is_are_no_names(text, word):
    assert word not in types_of(text)


def test_a_brand_renamed_as_a_name_stays_goods():
    assert types_of("Halvine Group renamed its energy drink brand as Brenvo Max.").get("Brenvo Max") == "Product"


def test_a_legal_form_is_no_part_of_a_title_after_it():
    names = {e.name for e in extract("Pellistra Japan K.K. Co-Founder and chief executive Kenji Sato said demand in "
                                     "Japan was strong.").entities}
    assert "Pellistra Japan K.K." in names and not any(name.endswith(" Co") for name in names), names


@pytest.mark.parametrize("text", [
    "Castrova Optics makes lenses. Sales of the Nuvrel X2 are due to begin in Spain in June.",
    "Castrova Optics makes lenses. The Nuvrel X2 was ordered off shelves in Spain after a safety scare.",
])
def test_goods_due_or_ordered_off_shelves_are_not_on_sale(text):
    assert ("Nuvrel X2", "availableIn", "Spain") not in facts_of(text)


def test_a_wire_label_joined_to_a_name_is_cut_off():
    names = {e.name for e in extract("EXCLUSIVE-Tellaron Shipping explores sale of ferry unit\n\nLISBON, May 3 - "
                                     "Tellaron Shipping is exploring a sale of its ferry unit, three people "
                                     "said.").entities}
    assert "Tellaron Shipping" in names and not any("EXCLUSIVE" in name for name in names), names


def test_a_where_clause_of_the_past_gives_no_presence():
    assert_facts("Quessaro Group, the tile maker, makes tiles. Quessaro Group pulled out of Spain, where it had 40 "
                 "stores, in 2023.", {("Quessaro Group", "absentFrom", "Spain")},
                 {("Quessaro Group", "operatesIn", "Spain")})


@pytest.mark.parametrize("text, present, absent", [
    # a firm opening in a market or to its customers, the largest of a country's firms, its customers there counted
    ("Vaiskrel, a Lithuanian app bank, opened in Ireland on Monday.", {("Vaiskrel", "operatesIn", "Ireland")}, set()),
    ("Vaiskrel, a Lithuanian app bank, opened to Irish customers on Monday.",
     {("Vaiskrel", "operatesIn", "Ireland")}, set()),
    ("Vaiskrel, a Lithuanian app bank, will open in Ireland next year.", {("Vaiskrel", "targetsMarket", "Ireland")},
     {("Vaiskrel", "operatesIn", "Ireland")}),
    ("Vaiskrel, a Lithuanian app bank, opened an office in Ireland.", {("Vaiskrel", "operatesIn", "Ireland")}, set()),
    ("Quinlarra Bank, the largest of Ireland's high-street lenders, charges fees. Vaiskrel sells in Ireland.",
     {("Quinlarra Bank", "operatesIn", "Ireland")}, set()),
    ("Skellmore, the Swedish app bank, has around 900,000 Irish users.", {("Skellmore", "operatesIn", "Ireland")},
     set()),
    ("Skellmore, the Swedish app bank, serves 2 million Kenyan subscribers.", {("Skellmore", "operatesIn", "Kenya")},
     set()),
    ("Vaiskrel, a Lithuanian app bank, opened in Ireland on Monday. It will expand further. The Netherlands and "
     "Belgium come next year.",
     {("Vaiskrel", "targetsMarket", "Netherlands"), ("Vaiskrel", "targetsMarket", "Belgium")},
     set()),
])
def test_a_firm_opening_or_counting_customers_in_a_market(text, present, absent):
    assert_facts(text, present, absent)


def test_opening_in_a_market_is_an_entry():
    entries = [e.args for e in extract("Vaiskrel, a Lithuanian app bank, opened in Ireland on Monday.").events
               if e.type == "MarketEntry"]
    assert entries == [{"company": "Vaiskrel", "market": "Ireland"}]


PRESS_RELEASE = """COPENHAGEN, Denmark, Oct. 7, 2031 /Norquist Newswire/ -- Caldrivex Therapeutics A/S \
(Copenhagen: CLDVX), a \
biotechnology company, today announced trial results and an exclusive licence agreement with Halbrenz AG for its drug.

Caldrivex Therapeutics A/S is a Danish biotechnology company founded in 2019.

Media contact: Anne Vendelmo, Head of Communications, press@caldrivex.example"""


def test_a_press_release_s_distributor_listing_and_contacts():
    result = extract(PRESS_RELEASE)
    types = {e.name: e.type for e in result.entities}
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert types.get("Norquist Newswire") == "Company" and not {"Newswire/", "Copenhagen", "CLDVX"} & set(types), types
    assert {("Caldrivex Therapeutics", "partnersWith", "Halbrenz AG"),
            ("Anne Vendelmo", "executiveOf", "Caldrivex Therapeutics")} <= facts, facts


@pytest.mark.parametrize("text, present, absent", [
    # a deal that "would take" a firm into a market, a "first operation" to be, a site it agreed to buy: to come
    ("The deal would take Zandrel Mining into Australia for the first time.",
     {("Zandrel Mining", "targetsMarket", "Australia")}, {("Zandrel Mining", "operatesIn", "Australia")}),
    ("The purchase would be Zandrel Mining's first operation in Peru.", {("Zandrel Mining", "targetsMarket", "Peru")},
     {("Zandrel Mining", "operatesIn", "Peru")}),
    ("Zandrel Mining agreed to buy 70 per cent of the Quilmora copper mine in southern Peru for $1.1bn.",
     {("Zandrel Mining", "targetsMarket", "Peru")}, {("Zandrel Mining", "operatesIn", "Peru")}),
    ("Zandrel Mining bought a plant in Chile in 2019.", {("Zandrel Mining", "operatesIn", "Chile")},
     {("Zandrel Mining", "targetsMarket", "Chile")}),
    # a verb the parser read as a noun ("Ellvane mines nickel") keeps its firm for the verbs after it
    ("Ellvane Resources is a miner. Perth-based Ellvane mines nickel and cobalt in Western Australia and runs a "
     "processing plant on Sulawesi in Indonesia.", {("Ellvane Resources", "operatesIn", "Indonesia")}, set()),
])
def test_markets_a_deal_or_a_site_brings(text, present, absent):
    assert_facts(text, present, absent)


def test_a_site_s_own_name_is_no_product():
    assert "Quilmora" not in types_of("Zandrel Mining agreed to buy 70 per cent of the Quilmora copper mine in Peru.")


COLUMN_WITH_QUESTION_HEADINGS = """Brandmoor's turnaround stalls

By Hanne Vogtberg

Brandmoor's chief executive Bo Berg promised a turnaround last year. Has it worked?

I doubt it. Brandmoor still loses money in Germany, and I see no sign of change.

What should Brandmoor do?

I would sell the German unit. My guess is that Tellaron Foods would buy it."""


def test_a_column_with_question_headings_is_no_interview():
    said = {(c.speaker, c.text) for c in extract(COLUMN_WITH_QUESTION_HEADINGS).claims}
    assert not any(speaker == "Bo Berg" for speaker, _ in said), said


def test_an_interview_s_headline_may_ask_a_question():
    text = INTERVIEW_WITH_HEADED_QUESTIONS.replace('Vostrava boss: "Our bikes are ready for Italy"',
                                                   "Can Vostrava win Italy?")
    speakers = {c.speaker for c in extract(text).claims}
    assert speakers == {"Marta Kolarova"}, speakers


def test_an_analyst_s_we_in_an_interview_is_no_firm_s():
    text = ("Brandmoor Foods sells snacks in Spain.\n\nAnalyst Jonas Lind of Maribel Research spoke to us about "
            "Brandmoor Foods.\n\nWhere is the growth?\n\nWe have offices in Brazil and we see growth there.\n\n"
            "And Brandmoor?\n\nWe think Brandmoor should sell its German unit.")
    assert ("Brandmoor Foods", "operatesIn", "Brazil") not in facts_of(text)


@pytest.mark.parametrize("text", [
    # a visit, a past, a wish, a share price, a plan: no presence
    "Trenvoldt Bank had been in Chile for a decade before it left in 2019.",
    "Trenvoldt Bank used to be in Chile.",
    "Trenvoldt Bank is in Chile this week for talks with regulators.",
    "Trenvoldt Bank would be in Chile today if regulators had agreed.",
    "Trenvoldt Bank opened higher in Chile on Monday.",
    "Trenvoldt Bank opened 3% higher in Chile.",
    "Trenvoldt Bank has yet to open in Chile.",
    "Trenvoldt Bank opens in Chile in 2027.",
    "Trenvoldt Bank is scheduled to open in Chile in May.",
    "Skellmore Bank aims to have 1 million Chilean users by 2027.",
    "Skellmore Bank had 900,000 Chilean users before it quit the country in 2020.",
])
def test_no_presence_from_visits_pasts_wishes_prices_or_plans(text):
    assert not {f for f in facts_of(text) if f[1] == "operatesIn" and f[2] == "Chile"}


@pytest.mark.parametrize("text, company", [
    ("Dunvory Tools cut its forecast. On Tuesday, revenue fell 11% to €498m.", "Dunvory Tools"),
    ("Dunvory Tools cut its forecast. Revenue fell 11% to €498m, a spokesman said.", "Dunvory Tools"),
    ("Dunvory Tools cut its forecast. Sales fell 4% to €2bn in May, economist Hanne Vogtberg said.", None),
])
def test_a_bare_figure_after_a_date_or_told_by_a_spokesman(text, company):
    results = [e.args["company"] for e in extract(text).events if e.type == "FinancialResult"]
    assert results == ([company] if company else []), results


@pytest.mark.parametrize("text, name", [
    ("Nokkala makes phones. The Nokia factory in India employs 8,000 people. Nokia said demand was strong.", "Nokia"),
    ("7-Zorvo Mart opened 50 stores in Vietnam.", "7-Zorvo Mart"),
    ("Kelvarin sells phones in Spain (main rival: OSTRICA).", "OSTRICA"),
])
def test_names_kept_beside_sites_numbers_and_brackets(text, name):
    assert name in types_of(text)


def test_a_prediction_with_no_name_in_it_is_still_a_claim():
    assert [c.text for c in extract("Economist Hanne Vogtberg predicted a deep recession next year.").claims] == [
        "a deep recession"]


def test_a_unit_named_for_its_country_is_a_firm():
    facts = facts_of("Sondival, Spain's second-largest mobile operator, will raise prices. Sondival Portugal, its "
                     "subsidiary in Portugal, keeps prices unchanged.")
    assert {("Sondival Portugal", "subsidiaryOf", "Sondival"), ("Sondival Portugal", "operatesIn", "Portugal")} <= facts


def test_goods_recalled_in_markets_named_on_them_are_sold_there():
    facts = facts_of("Vaishmor Motors is recalling about 64,000 Vaishmor Tezra sport-utility vehicles in India and "
                     "Australia because an airbag sensor can fail.")
    assert {("Vaishmor Tezra", "availableIn", "India"), ("Vaishmor Tezra", "availableIn", "Australia")} <= facts


NEWSLETTER = """THE MORNING LEDGER

1. XENTHRAL GOES TO CYPRUS
Xenthral Bank agreed on Monday to buy a Cypriot lender for about €1.1bn.

2. TOLLVARI KEEPS RINGING THE TILLS
Finnish discount chain Tollvari posted 2031 revenue of €2.34bn, up 6%. "Our customers are just more careful," \
chief executive Aino Velkar told analysts."""


def test_a_newsletter_s_headings_in_capitals_and_its_items():
    result = extract(NEWSLETTER)
    names = {e.name for e in result.entities}
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert not any("KEEPS" in name.upper() or "GOES" in name.upper() for name in names), names
    assert ("Aino Velkar", "executiveOf", "Tollvari") in facts, facts


@pytest.mark.parametrize("text, market", [
    # a country's name with a particle, and Africa's regions as news names them
    ("Kelbrand Ciments will build a cement plant in Côte d'Ivoire next year.", "Côte d’Ivoire"),
    ("Kelbrand Ciments sells cement across West Africa.", "West Africa"),
    ("Kelbrand Ciments sells cement across East Africa.", "East Africa"),
])
def test_markets_named_with_particles_or_as_news_names_regions(text, market):
    assert types_of(text).get(market) == "Market"


@pytest.mark.parametrize("text, countries, found", [
    # the CFA franc of the text's countries: West Africa's (XOF) or Central Africa's (XAF); none without one
    ("a bag costs CFA 4,500 in Abidjan and 5,100 CFA francs in Dakar", ("CI",), [(4500.0, "XOF"), (5100.0, "XOF")]),
    ("a bag costs CFA 4,500 in Douala", ("CM",), [(4500.0, "XAF")]),
    ("revenue of CFA 12 billion", ("SN",), [(12e9, "XOF")]),
    ("a bag costs CFA 4,500", ("FR",), []),
])
def test_cfa_franc_amounts(text, countries, found):
    from kg.extract.normalize import find_money
    assert [m[2:] for m in find_money(text, countries)] == found


def test_a_cfa_franc_amount_is_no_name_and_prices_goods():
    result = extract("Kelbrand Ciments will build a plant in Côte d'Ivoire. The Zephra 5 phone sells for about "
                     "CFA 95,000 in Abidjan.")
    assert not any("CFA" in e.name for e in result.entities)
    assert [(e.args["product"], e.args["amount"], e.args["currency"]) for e in result.events
            if e.type == "ProductPrice"] == [("Zephra 5", 95000.0, "XOF")]


# ---------------------------------------------------------------------------------------- live blogs and briefs

def test_a_products_price_in_each_market_is_kept():
    text = ("Sendrovia makes the Halvex Dome. The Halvex Dome goes on sale in June at €399 in France, £349 in the UK "
            "and $379 in the United States.")
    prices = {(e.args["product"], e.args["amount"], e.args["currency"]) for e in extract(text).events
              if e.type == "ProductPrice"}
    assert prices == {("Halvex Dome", 399.0, "EUR"), ("Halvex Dome", 349.0, "GBP"), ("Halvex Dome", 379.0, "USD")}


def test_an_amount_a_figure_moved_from_is_no_second_result_though_the_first_names_a_market():
    results = [e for e in extract("Sendrovia's revenue rose to €2bn in France from €1.5bn a year earlier.").events
               if e.type == "FinancialResult"]
    assert [e.args["amount"] for e in results] == [2e9]


def test_a_firm_bought_for_an_amount_gives_its_products_no_price():
    result = extract("Sendrovia Group has agreed to buy Quellmark Games, the maker of the Drift Saga games, for €300m "
                     "in cash.")
    assert ("Sendrovia Group", "partnersWith", "Quellmark Games") in {(f.subject, f.predicate, f.object)
                                                                      for f in result.facts}
    assert not [e for e in result.events if e.type == "ProductPrice"]


def test_a_lead_in_before_a_colon_is_not_the_clauses_subject():
    facts = facts_of("The surprise of the night: Sendrovia Group has agreed to buy Quellmark Games for €300m in cash. "
                     "Sendrovia Group sells consoles.")
    assert ("Sendrovia Group", "partnersWith", "Quellmark Games") in facts


@pytest.mark.parametrize("text, speaker, about", [
    # a quotation a colon introduces with the one person it comes from, whatever the verb (or none)
    ('Clara Vendell of Pelham Ridge Research emails: "Sendrovia Group is betting that buyers want a dome. Halvex '
     'Holdings is late to this." Halvex Holdings declined to comment.', "Clara Vendell", "Sendrovia Group"),
    ('Clara Vendell of Pelham Ridge Research emails: "Sendrovia Group is betting that buyers want a dome. Halvex '
     'Holdings is late to this." Halvex Holdings declined to comment.', "Clara Vendell", "Halvex Holdings"),
    ('A note from Peter Halloway at Pelham Ridge Research in London: "Sendrovia Group will not cut prices before '
     'Christmas."', "Peter Halloway", "Sendrovia Group"),
    # a quotation right after narrative whose subject is one person
    ('Chief executive Jorunn Valstad of Sendrovia Group walks on stage. "Halvex Holdings should worry about us '
     'tonight."', "Jorunn Valstad", "Halvex Holdings"),
])
def test_a_quotation_introduced_without_a_verb_of_saying_is_its_sources(text, speaker, about):
    result = extract(text)
    assert any(c.speaker == speaker and about in c.about for c in result.claims), result.claims


def test_a_quotation_after_another_persons_scene_is_not_the_last_speakers():
    result = extract('A note from Peter Halloway at Pelham Ridge Research: "Sendrovia Group will not cut prices."\n\n'
                     'Chief executive Jorunn Valstad of Sendrovia Group walks on stage. "Halvex Holdings should '
                     'worry about us tonight."')
    assert not [c for c in result.claims if c.speaker == "Peter Halloway" and "Halvex Holdings" in c.about]
    assert [c for c in result.claims if c.speaker == "Jorunn Valstad" and "Halvex Holdings" in c.about]


@pytest.mark.parametrize("text", [
    # a person the lead-in is about, or whom it addresses, is no source of the quotation after its colon
    'Sendrovia Group makes phones. Analysts were blunt about Ann Mallory: "Sendrovia Group has lost its way."',
    'Sendrovia Group makes phones. The message to Ann Mallory from investors was simple: "Sendrovia Group must sell '
    'Halvex Holdings."',
    'Sendrovia Group makes phones. Ann Mallory\'s critics have one complaint: "Sendrovia Group is too slow."',
    # nor the one a thing was done to, nor the one a quotation names
    'Ann Mallory was fired by Sendrovia Group on Monday. "Halvex Holdings will profit from the chaos."',
    'Ann Mallory left Sendrovia Group on Monday. "The board had lost confidence in Ann Mallory and in Halvex '
    'Holdings."',
])
def test_a_quotation_is_not_the_person_it_is_about(text):
    assert not [c for c in extract(text).claims if c.speaker == "Ann Mallory"]


def test_a_firm_of_a_city_is_named_without_the_city_and_is_in_its_country():
    result = extract("Sendrovia Group works with Pradomir Optics of Eindhoven, in the Netherlands, on its lenses.")
    assert {e.name: e.type for e in result.entities}.get("Pradomir Optics") == "Company"
    assert "Eindhoven" not in {e.name for e in result.entities}
    assert ("Pradomir Optics", "operatesIn", "Netherlands") in {(f.subject, f.predicate, f.object)
                                                                  for f in result.facts}


def test_a_town_of_a_country_the_text_names_said_to_be_where_things_are_is_no_firm():
    result = extract("Kerrowby Fertilisers will build a urea plant north of Gladstone. \"Gladstone has the port and the "
                     "gas,\" chief executive Ann Mallory said. Australia imports most of its urea. Rival Tandrel "
                     "Nutrients ships urea through its terminal at Mackay.")
    names = {e.name for e in result.entities}
    assert not names & {"Gladstone", "Mackay"}, names
    assert ("Ann Mallory", "executiveOf", "Kerrowby Fertilisers") in {(f.subject, f.predicate, f.object)
                                                                      for f in result.facts}


def _extract_as_tagged(text: str, retag) -> object:
    """The extraction of a text whose parse `retag` alters first: the model's tags on unseen names vary with the
    words around them, and a rule for a mistag is tested on the mistag itself."""
    from kg.extract.nlp import parse
    from kg.extract.pipeline import extract_document

    (paragraphs,) = parse([text])
    for paragraph in paragraphs:
        retag(paragraph.doc)
    return extract_document(Article(doc_id="t.txt", text=text, source_path="t.txt"), paragraphs)


def test_a_first_name_the_model_left_out_before_a_double_surname_it_called_an_organisation_joins_it():
    from spacy.tokens import Span

    def surname_as_organisation(doc):
        if doc[0].text == "Anselmo":
            doc.ents = [Span(doc, 1, 4, label="ORG")]          # "Quirivel-Stout" an organisation, "Anselmo" nothing

    result = _extract_as_tagged("Anselmo Quirivel-Stout, an analyst at Dunmarrow Research in Lima, said Tovarra "
                                "would win subscribers quickly.", surname_as_organisation)
    assert ("Anselmo Quirivel-Stout", "worksFor", "Dunmarrow Research") in {(f.subject, f.predicate, f.object)
                                                                            for f in result.facts}


def test_a_firms_first_word_the_tagger_called_a_verb_before_a_title_is_the_firm():
    def first_word_as_verb(doc):
        if doc[0].text == "Sarvelo":
            doc[0].tag_, doc[0].pos_ = "VB", "VERB"
            doc.ents = [ent for ent in doc.ents if ent.start > 0]      # (and no name to the model)

    result = _extract_as_tagged("Tovarra signed a deal with Sarvelo Estudios, the Buenos Aires studio.\n\nSarvelo chief "
                                "executive Gaspard Quillanet said the studio had turned down an offer from Ketravia.",
                                first_word_as_verb)
    assert ("Gaspard Quillanet", "executiveOf", "Sarvelo Estudios") in {(f.subject, f.predicate, f.object)
                                                                        for f in result.facts}


def test_the_outlet_that_speaks_to_an_executive_is_not_the_executives_firm():
    facts = facts_of("Tovarra takes its streaming service to Peru.\n\nBrenhollow Media spoke to chief executive "
                     "Gaspard Quillanet on Monday. \"We would rather Peruvians paid us,\" he said.")
    assert ("Gaspard Quillanet", "executiveOf", "Tovarra") in facts
    assert ("Gaspard Quillanet", "executiveOf", "Brenhollow Media") not in facts


def test_a_firm_named_like_a_town_doing_business_there_stays_a_firm():
    for text in ("Meridian makes payroll software for small firms in the United States. Sales at Meridian fell 12% "
                 "last year.",
                 "Meridian makes payroll software for small firms in the United States. Ann Lee worked at Meridian "
                 "for ten years."):
        assert types_of(text).get("Meridian") == "Company", text


def test_a_firm_speaking_to_others_than_a_person_is_still_the_executives():
    facts = facts_of("Halvex Holdings makes tablets. Sendrovia Group spoke to suppliers in March about the shortage, "
                     "chief executive Ann Lee said.")
    assert ("Ann Lee", "executiveOf", "Sendrovia Group") in facts


def test_a_title_word_opening_a_sentence_is_no_firms_first_word():
    facts = facts_of("Creative Harbour Studios lost the Sendrovia Group account in May. Creative director Ann Lee, who "
                     "joined Sendrovia Group last year, chose the new agency.")
    assert ("Ann Lee", "executiveOf", "Creative Harbour Studios") not in facts


def test_a_firm_present_in_a_market_where_it_lacks_something_stays_present():
    facts = facts_of("Sendrovia Group has sold phones in Peru since 2015. Sendrovia Group has no stores in Peru yet.")
    assert ("Sendrovia Group", "operatesIn", "Peru") in facts


def test_a_company_both_present_and_absent_abroad_is_absent_until_it_arrives():
    result = extract("Tovarra takes its Colombian streaming service to Peru and Spain\n\nTovarra, the Colombian "
                     "streaming service, will launch in Peru and Spain on November 1. They are its first countries "
                     "outside Colombia.\n\nCountry | Tovarra Basic | Tovarra Premium\nColombia | COP 16,900 | COP "
                     "29,900\nPeru | S/ 15.90 | S/ 27.90\nSpain | – | €8.99")
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Tovarra", "absentFrom", "Peru"), ("Tovarra", "targetsMarket", "Spain"),
            ("Tovarra", "operatesIn", "Colombia"), ("Tovarra Basic", "availableIn", "Peru")} <= facts
    assert not {("Tovarra", "operatesIn", "Peru"), ("Tovarra", "operatesIn", "Spain")} & facts
    prices = {(e.args["product"], e.args["amount"], e.args["currency"]) for e in result.events
              if e.type == "ProductPrice"}
    assert {("Tovarra Basic", 16900.0, "COP"), ("Tovarra Premium", 27.9, "PEN")} <= prices


@pytest.mark.parametrize("text, countries, found", [
    # the Peruvian sol's sign before an amount written as only money is; a code that is a word, in its country
    ("S/ 15.90 a month", (), [(15.9, "PEN")]),
    ("S/. 1,200 a month", (), [(1200.0, "PEN")]),
    ("SAP's S/4HANA suite", (), []),
    ("COP 16,900 a month", ("CO",), [(16900.0, "COP")]),
    ("COP 16,900 a month", ("US",), []),
    ("ALL 1,200 jobs", ("US",), []),
    ("ALL 1,200 a month", ("AL",), [(1200.0, "ALL")]),      # (the Albanian lek, in a text about Albania)
])
def test_amounts_in_signs_and_codes_that_are_also_words(text, countries, found):
    from kg.extract.normalize import find_money
    assert [m[2:] for m in find_money(text, countries)] == found


_EXPLAINER = ("Umsila Beverages Ltd, the Durban-based maker of Umsila Cola, will start selling its drinks in Zambia "
              "and Namibia next year. Umsila Beverages has never sold there.\n\n"
              "- Namibia, from 1 November. Distributor: Kovango Traders of Windhoek, which signed in July. A 500ml "
              "Umsila Cola will cost N$13.50.\n"
              "- Zambia, from May. Distributor: Lusiwe Distribution, which covers Lusaka. A 500ml Umsila Cola: "
              "K24.50.\n\n"
              "At home a 500ml Umsila Cola costs R11.99. Umsila Beverages said its revenue rose to R9.4 billion.")


def test_an_explainers_labelled_distributors_and_prices_in_local_currencies():
    result = extract(_EXPLAINER)
    names = {e.name: e.type for e in result.entities}
    assert names.get("Umsila Cola") == "Product" and not [n for n in names if "500ml" in n or "K24" in n], names
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Umsila Beverages", "partnersWith", "Kovango Traders"),
            ("Umsila Beverages", "partnersWith", "Lusiwe Distribution")} <= facts
    assert ("Kovango Traders", "partnersWith", "Lusiwe Distribution") not in facts
    prices = {(e.args["amount"], e.args["currency"]) for e in result.events if e.type == "ProductPrice"}
    assert {(13.5, "NAD"), (24.5, "ZMW"), (11.99, "ZAR")} <= prices
    assert [(e.args["amount"], e.args["currency"]) for e in result.events
            if e.type == "FinancialResult"] == [(9.4e9, "ZAR")]


@pytest.mark.parametrize("text, countries, found", [
    # a currency's own symbol in its country, by CLDR: the rand, the kwacha, the pula, the Kenyan shilling
    ("costs R11.99 at home", ("ZA",), [(11.99, "ZAR")]),
    ("revenue of R9.4 billion", ("ZA",), [(9.4e9, "ZAR")]),
    ("a bottle: K24.50.", ("ZM",), [(24.5, "ZMW")]),
    ("R1,200 a month", ("ZA",), [(1200.0, "ZAR")]),
    ("P9.90 in Gaborone", ("BW",), [(9.9, "BWP")]),
    ("Ksh 500 a month", ("KE",), [(500.0, "KES")]),
    # not elsewhere, nor a letter and one digit (a quarter, a road), nor a model's name
    ("costs R11.99 at home", ("US",), []),
    ("Q3 results", ("GT",), []),
    ("the R1 highway", ("ZA",), []),
    ("the R2-D2 robot", ("ZA",), []),
    # nor a letter before a bare number, more often a name than a price: a phone, a road, an engine
    ("the P30 Pro phone", ("BW",), []),
    ("the R101 road", ("ZA",), []),
    ("a K15 engine", ("ZM",), []),
])
def test_local_currency_symbols_in_their_countries(text, countries, found):
    from kg.extract.normalize import find_money
    assert [m[2:] for m in find_money(text, countries)] == found


def test_a_wire_on_a_partners_brand_its_price_in_rupiah_a_two_word_title_and_a_market_to_follow():
    result = extract("Selvaro Orbital will start selling broadband in Indonesia next year through Kirana Telekom. Kirana "
                     "Telekom is Indonesia's third-largest mobile operator.\n\nUnder the partnership, Kirana Telekom "
                     "will sell the service under its own brand, Kirana Langit, from March at 450,000 rupiah a month."
                     "\n\nKirana President Director Budi Wiratama said the service would keep customers on its 4G "
                     "network.\n\nSelvaro Orbital said Malaysia would follow in 2034.")
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert {("Budi Wiratama", "executiveOf", "Kirana Telekom"), ("Selvaro Orbital", "targetsMarket", "Malaysia")} \
        <= facts
    assert ("ProductPrice", "Kirana Langit", 450000.0, "IDR") in {
        (e.type, e.args.get("product"), e.args.get("amount"), e.args.get("currency")) for e in result.events}
    assert "G" not in {e.name for e in result.entities}          # ("4G": a network's generation)


def test_a_byline_and_a_place_named_once_are_no_firms_whatever_the_model_says():
    from spacy.tokens import Span

    def names_as_organisations(doc):
        if doc[0].text == "By":
            doc.ents = [Span(doc, 1, 5, label="ORG")]                           # "Dewi Ombrecht-Sari"
        elif "Tolvani" in doc.text:
            i = next(t.i for t in doc if t.text == "Tolvani")
            doc.ents = [e for e in doc.ents if not (e.start <= i < e.end)] + [Span(doc, i, i + 1, label="ORG")]

    result = _extract_as_tagged("By Dewi Ombrecht-Sari\n\nSelvaro Orbital will start selling broadband in Indonesia "
                                "next year. \"Children in Tolvani should not climb a hill to get online,\" said Budi "
                                "Wiratama, a director at the ministry.", names_as_organisations)
    companies = {e.name for e in result.entities if e.type == "Company"}
    assert companies == {"Selvaro Orbital"}, companies


def test_more_currencies_named_in_words():
    from kg.extract.normalize import find_money
    assert [m[2:] for m in find_money("450,000 rupiah, 3 million zlotys, 40,000 forints and 2,000 naira", ())] == [
        (450000.0, "IDR"), (3e6, "PLN"), (40000.0, "HUF"), (2000.0, "NGN")]


@pytest.mark.parametrize("text, present, absent", [
    # a firm said to be another's rival; a rival whose relative clause names a third firm is still the text's firm's
    ("Sonjaro bought the Seoul brand Mirvelle in 2029. Quilpet sells skincare in Korea. Mirvelle is Quilpet's "
     "closest rival in Korean department stores.", {("Quilpet", "competesWith", "Mirvelle")}, set()),
    ("Dravane Beauty makes perfume in Spain. Dravane Beauty sells it well. The deal follows a similar move by French "
     "rival Sonjaro Group, which bought Mirvelle in 2029.", {("Dravane Beauty", "competesWith", "Sonjaro Group")},
     {("Mirvelle", "competesWith", "Sonjaro Group")}),
])
def test_rivals_named_by_a_copula_or_before_a_clause_on_them(text, present, absent):
    assert_facts(text, present, absent)


def test_the_rival_bidder_named_in_apposition_is_the_text_firms_rival():
    facts = facts_of("Quenbrook Terminals runs terminals in Spain. Quenbrook Terminals will run the port. Not everyone "
                     "is celebrating. The rival bidder, Corvalen Ports, which runs terminals in South Africa, offered "
                     "a larger fee.")
    assert ("Quenbrook Terminals", "competesWith", "Corvalen Ports") in facts


@pytest.mark.parametrize("text", [
    # a copy, a rival, another firm's product's version: launched, but not the original
    "Indian generics maker Pelvorin Lifesciences has launched the first copy of Traxeda's blood thinner Numbrio in "
    "Germany. Numbrio is a pill.",
    "Pelvorin Lifesciences launched a cheaper version of Traxeda's Numbrio in Germany. Numbrio is a pill.",
    "Pelvorin Lifesciences launches first Numbrio copy in Europe. Numbrio is a pill.",
])
def test_a_copy_launched_is_no_launch_of_the_original(text):
    result = extract(text)
    assert ("Pelvorin Lifesciences", "produces", "Numbrio") not in {(f.subject, f.predicate, f.object)
                                                                    for f in result.facts}
    assert not [e for e in result.events if e.type == "ProductLaunch" and e.args["product"] == "Numbrio"]


@pytest.mark.parametrize("text, maker, product", [
    # a firm's own product launched anew in a new version is still its launch
    ("Kelvo Mobile has launched a new version of its Zorvia Pay app in Kenya on Monday.", "Kelvo Mobile", "Zorvia Pay"),
    ("Kelvo Foods launched an updated version of Fresca Cola on Monday.", "Kelvo Foods", "Fresca Cola"),
])
def test_a_new_version_of_a_firms_own_product_is_its_launch(text, maker, product):
    assert ("ProductLaunch", maker, product) in {(e.type, e.args.get("company"), e.args.get("product"))
                                                 for e in extract(text).events}


def test_a_name_goods_are_sold_as_is_a_product_and_a_name_a_firm_was_launched_as_is_not():
    types = types_of("Indian generics maker Pelvorin Lifesciences has launched the first copy of Traxeda's blood "
                     "thinner Numbrio in Germany. Pelvorin's version, sold as Numbrio Pelvorin, reached German "
                     "pharmacies on 4 April.")
    assert types.get("Numbrio Pelvorin") == "Product", types
    types = types_of("Zorvane Software, launched as Kelvo Labs in 2015, sells software in Kenya. Zorvane Software "
                     "employs 300 people.")
    assert types.get("Kelvo Labs") != "Product", types


_GULF_STORES = ("Kesmira, a Turkish womenswear label, opened its first store in the Gulf on Wednesday, in Dubai's "
                "Torvanne Mall. Belmira, another Istanbul label, entered the Gulf in 2028 and now has 31 stores in "
                "Qatar. A Quarnet blazer that costs 4,900 lira in Istanbul is AED 890 in Dubai. Kesmira makes Quarnet "
                "blazers.")


def test_a_price_in_a_local_currency_code_and_a_products_price_in_a_clause_on_its_kind():
    result = extract(_GULF_STORES)
    assert "AED 890" not in {e.name for e in result.entities}
    assert ("Quarnet", 4900.0, "TRY") in {(e.args["product"], e.args["amount"], e.args["currency"])
                                          for e in result.events if e.type == "ProductPrice"}


def test_a_mall_and_a_label_the_model_calls_a_place_or_a_firm_are_what_the_text_says():
    from spacy.tokens import Span

    def mall_and_label(doc):
        named = {t.text: t.i for t in doc}
        ents = [e for e in doc.ents if not {"Torvanne", "Belmira"} & {t.text for t in e}]
        if "Torvanne" in named:
            ents.append(Span(doc, named["Torvanne"], named["Torvanne"] + 2, label="ORG"))     # "Torvanne Mall"
        if "Belmira" in named:
            ents.append(Span(doc, named["Belmira"], named["Belmira"] + 1, label="GPE"))
        doc.ents = sorted(ents, key=lambda e: e.start)

    result = _extract_as_tagged(_GULF_STORES, mall_and_label)
    types = {e.name: e.type for e in result.entities}
    assert "Torvanne Mall" not in types and types.get("Belmira") == "Company", types
    assert ("Belmira", "operatesIn", "Qatar") in {(f.subject, f.predicate, f.object) for f in result.facts}


def test_an_agreement_to_supply_goods_to_a_firm_makes_it_a_partner():
    facts = facts_of("Korean battery maker Tenbray Energy has signed an eight-year agreement to supply cells to U.S. "
                     "carmaker Harvoc Motors, the company said on Wednesday.")
    assert ("Tenbray Energy", "partnersWith", "Harvoc Motors") in facts


def test_a_deal_ended_after_another_is_with_its_own_party_and_about_what_it_sold():
    result = extract("Harvoc ends Lintrell cell contract after Tenbray deal\n\nHarvoc Motors has terminated a 2031 "
                     "agreement under which Japan's Lintrell Denki was to supply battery cells for the Harvoc Wystan "
                     "pickup until 2038, a day after it signed a supply deal with South Korea's Tenbray Energy, the "
                     "U.S. carmaker said on Thursday.")
    ended = [e.args for e in result.events if e.type == "DealCancellation"]
    assert ended and all(set(a["parties"]) == {"Harvoc Motors", "Lintrell Denki"} and "product" not in a
                         for a in ended), ended
    orders = [e.args for e in extract("Skylane Air cancelled an order for 20 Aerona A20 jets with Aerona Aircraft on "
                                      "Monday.").events if e.type == "DealCancellation"]
    assert [a.get("product") for a in orders] == ["Aerona A20"]


@pytest.mark.parametrize("text, name, kind", [
    # a firm named like a number and a capital, a mall that is a firm, a shop named once where goods are sold
    ("Kelvo Health competes with 3M in Brazil. 3M sells bandages in Brazil.", "3M", "Company"),
    ("Kelvo Mall, an online marketplace, sells phones in Kenya. Kelvo Mall grew fast.", "Kelvo Mall", "Company"),
])
def test_names_the_new_filters_leave_alone(text, name, kind):
    assert types_of(text).get(name) == kind


def test_a_shop_named_once_where_goods_are_sold_stays_a_firm():
    names = {e.name for e in extract("Kelvo Mobile said the Zorvia 5 would be available from Friday in Brantex Mart "
                                     "and online. Kelvo Mobile makes the Zorvia 5.").entities}
    assert "Brantex Mart" in names, names


def test_a_firm_telling_what_follows_speaks_of_expansion_only_when_the_text_does():
    facts = facts_of("Kelvo Bank expects Indonesia to cut rates in May. Kelvo Bank said Malaysia would follow in June.")
    assert ("Kelvo Bank", "targetsMarket", "Malaysia") not in facts


def test_a_labelled_firm_in_a_box_on_another_firms_goods_is_no_partner():
    facts = facts_of("Kelvo Telecom sells phones in Kenya. Kelvo Telecom is big.\n\nThe rival phone, the Zorva X, "
                     "comes from Brantex Mobile. Distributor: Foxlane Electronics.")
    assert not [f for f in facts if f[1] == "partnersWith" and "Foxlane Electronics" in (f[0], f[2])]


@pytest.mark.parametrize("text, countries", [
    # a code before what is no amount of money, even in its country: a summit, a petrol grade, a version, a ranking
    ("COP16 in Cali", ("CO",)), ("RON 95 petrol", ("RO",)), ("PHP 8.3", ("PH",)), ("TOP 10 firms", ("TO",)),
    ("CAD 3D models", ("CA",)),
])
def test_codes_before_what_is_no_money(text, countries):
    from kg.extract.normalize import find_money
    assert find_money(text, countries) == []


def test_goods_sold_under_a_brand_steel_goods_and_a_department_after_a_title():
    result = extract("Ozmet makes reinforcing bar, sold under the Dravnik brand, and wire rod at two mills in Poland. "
                     "Ozmet's galvanised Pravola sheet goes into car bodies.\n\nMedia contact: Ann Lee, Director, "
                     "Corporate Communications")
    types = {e.name: e.type for e in result.entities}
    assert types.get("Dravnik") == "Product" and types.get("Pravola") == "Product", types
    assert "Corporate Communications" not in types
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert ("Ozmet", "operatesIn", "Poland") in facts and ("Ozmet", "absentFrom", "Poland") not in facts


_TRANSCRIPT = ("Vostrik Rail a.s. third-quarter earnings call, November 4. Edited excerpt.\n\n"
               "Company participants: Ilse Marwood, Chief Executive Officer; Marta Kollberg, Chief Financial "
               "Officer\n\n"
               "Call participants: Dana Orlenta-Price, Breckwall Research\n\n"
               "Ilse Marwood: Good morning. We signed an order with Quostra Rail in Romania for 36 trains, our first "
               "order in Romania.\n\n"
               "Dana Orlenta-Price: How far did you have to go on price?\n\n"
               "Ilse Marwood: Quostra Rail gets its spare parts from our plant, and that counted.\n\n"
               "Marta Kollberg: Our revenue in the quarter was 7.3 billion koruna, up 11%.")


def test_a_transcripts_turns_are_their_speakers_claims_and_its_participants_work_where_listed():
    result = extract(_TRANSCRIPT)
    pairs = {(c.speaker, a) for c in result.claims for a in c.about}
    assert {("Ilse Marwood", "Quostra Rail"), ("Ilse Marwood", "Romania"), ("Ilse Marwood", "Vostrik Rail"),
            ("Marta Kollberg", "Vostrik Rail")} <= pairs, pairs
    assert not [c for c in result.claims if c.speaker == "Dana Orlenta-Price"]     # (a question is no claim)
    assert ("Dana Orlenta-Price", "worksFor", "Breckwall Research") in {(f.subject, f.predicate, f.object)
                                                                        for f in result.facts}


_CALL_WITH_SPEAKER_LINES = (
    "Brenvora Makine A.Ş. (BRNVR) Q2 2031 Earnings Call Transcript\n\n"
    "Corporate participants\n"
    "Pirkko Ohlendorf - Chief Executive Officer\n"
    "Ruvano Loreni - Head of Investor Relations\n\n"
    "Conference call participants\n"
    "Ubsal Fenwicke - Ketterby Capital\n\n"
    "Operator\n"
    "Welcome to the Brenvora Makine results call.\n\n"
    "Pirkko Ohlendorf - Chief Executive Officer\n"
    "Thank you. We opened our first plant in Chile in May, and our Holmsted 4 loader is now sold in Peru.\n\n"
    "Operator\n"
    "The first question comes from Ubsal Fenwicke.\n\n"
    "Ubsal Fenwicke - Ketterby Capital\n"
    "Zanvik Heavy cut its prices in Chile last month. Do you expect to follow them?\n\n"
    "Pirkko Ohlendorf - Chief Executive Officer\n"
    "No. Zanvik Heavy is a serious rival, but our order book in Chile is full.")


def test_a_transcripts_speaker_lines_name_people_their_firms_and_the_turns_below_them():
    result = extract(_CALL_WITH_SPEAKER_LINES, "2031-08-06")
    types = {e.name: e.type for e in result.entities}
    assert types.get("Pirkko Ohlendorf") == "Executive" and types.get("Ubsal Fenwicke") == "Person", types
    assert types.get("Brenvora Makine A.Ş.") == "Company", types       # (a legal form the model took for a name's)
    assert not [name for name in types if "Chief" in name or "Investor" in name or "Ketterby" in name
                and name != "Ketterby Capital"]
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    firm = "Brenvora Makine A.Ş."
    assert {("Pirkko Ohlendorf", "executiveOf", firm), ("Ruvano Loreni", "executiveOf", firm),
            ("Ubsal Fenwicke", "worksFor", "Ketterby Capital")} <= facts, facts
    assert (firm, "operatesIn", "Chile") in facts                    # ("we" in the company's turn is the company)
    pairs = {(c.speaker, a) for c in result.claims for a in c.about}
    assert {("Pirkko Ohlendorf", "Chile"), ("Pirkko Ohlendorf", "Zanvik Heavy")} <= pairs, pairs
    assert not [c for c in result.claims if c.speaker == "Ubsal Fenwicke"]   # (a question's turn: no claim at all)
    assert {f.object for f in result.facts if f.subject == "Pirkko Ohlendorf"} == {firm}   # (not the rival the
    #                                                         question before her line names: the line is hers alone)


@pytest.mark.parametrize("lines, expected", [
    ("Tomas Rell - Managing Director, Harlevi Securities", ("Tomas Rell", "executiveOf", "Harlevi Securities")),
    ("Tomas Rell - Senior Analyst, Harlevi Securities", ("Tomas Rell", "worksFor", "Harlevi Securities")),
    ("Tomas Rell - Harlevi Securities - Analyst", ("Tomas Rell", "worksFor", "Harlevi Securities")),
    ("Tomas Rell - Investor Relations", ("Tomas Rell", "worksFor", "Brenvora Makine A.Ş.")),
])
def test_a_speaker_lines_role_may_give_a_title_a_firm_or_both(lines, expected):
    text = ("Brenvora Makine A.Ş. Q2 2031 Earnings Call Transcript\n\nOperator\n\n"
            f"{lines}\nThank you.\n\nPirkko Ohlendorf - Chief Executive Officer\nWe opened a plant in Chile.")
    facts = facts_of(text, "2031-08-06")
    assert expected in facts, facts
    assert not [f for f in facts if f[2] in ("Investor Relations", "Senior Analyst", "Managing Director")]


@pytest.mark.parametrize("answer", [
    'We opened 40 stores in Peru. As one of you asked last quarter, "when will Chile come?" The answer: next year.',
    "Why does Peru matter? Because we opened 40 stores in Peru this year.",
])
def test_an_answer_that_asks_a_question_on_its_way_is_still_an_answer(answer):
    text = ("Brenvora Makine A.Ş. Q2 2031 Earnings Call Transcript\n\nOperator\n\n"
            f"Pirkko Ohlendorf - Chief Executive Officer\n{answer}\n\n"
            "Ubsal Fenwicke - Ketterby Capital\nAnd Chile?")
    assert "Pirkko Ohlendorf" in {c.speaker for c in extract(text, "2031-08-06").claims}


def test_a_speaker_named_like_a_place_and_an_analyst_without_a_firm():
    text = ("Brenvora Makine A.Ş. Q2 2031 Earnings Call Transcript\n\nOperator\n\n"
            "Ubsal Fenwicke - Analyst\nWill you open stores in Chile?\n\n"
            "Israel Diaz - Chief Financial Officer\nWe will open 10 stores in Chile next year.")
    result = extract(text, "2031-08-06")
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert ("Israel Diaz", "executiveOf", "Brenvora Makine A.Ş.") in facts, facts
    assert not [f for f in facts if f[0] == "Ubsal Fenwicke"]          # (an analyst's firm unsaid: none)
    assert "Ubsal Fenwicke" not in {c.speaker for c in result.claims}


def test_an_analysts_turn_that_ends_with_thanks_after_the_question_is_still_a_question():
    text = ("Brenvora Makine A.Ş. Q2 2031 Earnings Call Transcript\n\n"
            "Pirkko Ohlendorf - Chief Executive Officer\nWe opened a plant in Chile.\n\n"
            "Ubsal Fenwicke - Ketterby Capital\nZanvik Heavy cut its prices in Chile. Will you follow them? Thanks.\n\n"
            "Pirkko Ohlendorf - Chief Executive Officer\nNo.")
    assert not [c for c in extract(text, "2031-08-06").claims if c.speaker == "Ubsal Fenwicke"]


def test_a_call_whose_company_is_not_named_before_its_speakers_is_not_the_analysts_firm():
    text = ("Earnings call transcript\n\nPirkko Ohlendorf - Chief Executive Officer\nWe grew in Peru last year.\n\n"
            "Ubsal Fenwicke - Ketterby Capital\nWhat about Peru?")
    facts = facts_of(text, "2031-08-06")
    assert ("Ubsal Fenwicke", "worksFor", "Ketterby Capital") in facts
    assert not [f for f in facts if f[0] == "Pirkko Ohlendorf" or f[2] == "Ketterby Capital" and f[0] != "Ubsal Fenwicke"]


@pytest.mark.parametrize("text", [
    "Kelvo Group - a profile\n\nTarsen Lode - the quiet years\n\nKelvo Group said it would open a store in Peru.",
    "Results - Q2 2031\n\nOutlook - Cautious\n\nKelvo Group said it would open a store in Peru.",
    "Kelvo Inc - Q3 Results\n\nTarsen Corp - Q3 Results\n\nKelvo Inc said revenue rose. We are pleased, it said.",
    "San Isidro - Lima\n\nPuerto Varas - Los Lagos\n\nKelvo Group opened two stores. We hired 40 people, it said.",
    "People moves\n\nMarta Quell - Chief Executive Officer\n\nDorin Vasko - Chief Financial Officer\n\n"   # (no
    "Kelvo Group said it would open a store in Peru. We are pleased, it said.",                        # call)
])
def test_lines_of_a_name_and_a_dash_that_name_no_speakers_are_no_transcript(text):
    result = extract(text)
    assert not [e for e in result.entities if e.type in ("Person", "Executive") and e.name not in ("Marta Quell",
                                                                                                     "Dorin Vasko")]
    assert not [c for c in result.claims if c.speaker in ("Tarsen Corp", "Puerto Varas", "Dorin Vasko")]


@pytest.mark.parametrize("text, name", [
    ("Brenvora Makine signed a deal with Kelvora Verwaltungs GmbH & Co. KGaA on Monday.",
     "Kelvora Verwaltungs GmbH & Co. KGaA"),
    ("Brenvora Makine signed a deal with Kelvora SE Asia Fund on Monday.", "Kelvora SE Asia Fund"),
])
def test_a_legal_form_inside_a_longer_name_does_not_cut_it(text, name):
    names = {e.name for e in extract(text).entities}
    assert name in names or name.replace(" & Co. KGaA", "") in names, names
    assert "KGaA" not in names and "Kelvora SE" not in names


@pytest.mark.parametrize("name, short", [("Halvoni Gida A.Ş.", "Halvoni Gida"), ("Tamsley Logistika s.r.o.",
                                                                                    "Tamsley Logistika"),
                                          ("Quorvath Kft.", "Quorvath")])
def test_legal_forms_of_more_countries_make_a_company(name, short):
    result = extract(f"{name} signed the lease on Monday. {short} will move 40 staff to the site.")
    types = {e.name: e.type for e in result.entities}
    assert types.get(short) == "Company" and list(types) == [short], result.entities   # (not "Kft" alone)


@pytest.mark.parametrize("text, name, kind", [
    ("Kelvo Group hired Ana Doo as chief executive. Ana Doo said sales rose.", "Ana Doo", "Executive"),
    ("Orvath Motors launched the Orvo 500 SL in Spain. The Orvo 500 SL costs €90,000.", "Orvo 500 SL", "Product"),
])
def test_words_written_like_legal_forms_leave_people_and_products_be(text, name, kind):
    assert {e.name: e.type for e in extract(text).entities}.get(name) == kind


def test_an_analysts_statement_before_the_question_of_their_turn_is_no_claim():
    text = ("Company participants: Ilse Marwood, Chief Executive Officer\n\n"
            "Call participants: Dana Orlenta-Price, Breckwall Research\n\n"
            "Ilse Marwood: Good morning. We signed an order with Quostra Rail in Romania.\n\n"
            "Dana Orlenta-Price: Zanvik Heavy cut its prices in Romania last month. Will you follow them?\n\n"
            "Ilse Marwood: No. Zanvik Heavy sells older trains.")
    speakers = {c.speaker for c in extract(text).claims}
    assert "Ilse Marwood" in speakers and "Dana Orlenta-Price" not in speakers


@pytest.mark.parametrize("text, rivals", [
    ("Salvento Air will go head to head with Dremora, the Turkish carrier, on the London route.", True),
    ("Salvento Air vies with Dremora, the Turkish carrier, for passengers in Germany.", True),
    ("Salvento Air and Dremora, the Turkish carrier, are locked in a fare war in Germany.", True),
    ("Salvento Air and Dremora, the Turkish carrier, are locked in a legal battle over slots.", False),
    ("Salvento Air and Dremora, the Turkish carrier, are no longer in a price war.", False),
])
def test_more_ways_of_saying_two_firms_compete(text, rivals):
    facts = facts_of(text)
    assert (("Salvento Air", "competesWith", "Dremora") in facts
            or ("Dremora", "competesWith", "Salvento Air") in facts) == rivals, facts


def test_a_price_cell_with_the_old_price_in_brackets_gives_the_new_price():
    result = extract("Sorvanta cut its prices. Sorvanta Standard and Sorvanta Premium are its plans.\n\n"
                     "Country | Sorvanta Standard | Sorvanta Premium\nSweden | 119 kr (139 kr) | 169 kr (189 kr)\n"
                     "Finland | €9.99 (€11.99) | €13.99 (from June)")
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    prices = {(e.args["product"], e.args["amount"], e.args["currency"]) for e in result.events
              if e.type == "ProductPrice"}
    assert {("Sorvanta Standard", "availableIn", "Finland"), ("Sorvanta Premium", "availableIn", "Finland"),
            ("Sorvanta Premium", "availableIn", "Sweden")} <= facts, facts
    assert {("Sorvanta Standard", 119.0, "SEK"), ("Sorvanta Premium", 13.99, "EUR")} <= prices, prices


@pytest.mark.parametrize("text, fact, expected", [
    ("Marrowind Holdings will close its stores in Kenya. The group already trades in Namibia and Zambia.",
     ("Marrowind Holdings", "operatesIn", "Zambia"), True),
    ("Marrowind Holdings said its shares trade in the United States and Britain.",
     ("Marrowind Holdings", "operatesIn", "United States"), False),
    ("Marrowind Holdings stopped trading in Russia in 2030.", ("Marrowind Holdings", "operatesIn", "Russia"), False),
    ("Marrowind Holdings is traded in Singapore.", ("Marrowind Holdings", "operatesIn", "Singapore"), False),
    ("Marrowind Holdings traded in Singapore at a record high on Monday.",
     ("Marrowind Holdings", "operatesIn", "Singapore"), False),
    ("Marrowind Holdings left Nigeria in 2029 but returned in 2031.",
     ("Marrowind Holdings", "absentFrom", "Nigeria"), False),
    ("Marrowind Holdings left Brazil as its biggest market in 2030.",
     ("Marrowind Holdings", "absentFrom", "Brazil"), False),
    ("Marrowind Holdings sells in Peru.\n\nMedical director Osterby Lund of Lima Hospital praised it.",
     ("Osterby Lund", "executiveOf", "Marrowind Holdings"), False),
    ("Marrowind Holdings runs 600 stores in Kenya. It left Nigeria in 2031.",
     ("Marrowind Holdings", "absentFrom", "Nigeria"), True),
    ("Marrowind Holdings runs 600 stores in Kenya. It will leave Nigeria by the end of June.",
     ("Marrowind Holdings", "absentFrom", "Nigeria"), False),
    ("Marrowind Holdings runs 600 stores in Kenya. It left prices unchanged in Nigeria.",
     ("Marrowind Holdings", "absentFrom", "Nigeria"), False),
    ("Marrowind Holdings runs 600 stores in Kenya, the grocer said.\n\nFinance director Osterby Lund said the range "
     "would reach Namibia in May.", ("Osterby Lund", "executiveOf", "Marrowind Holdings"), True),
])
def test_a_firm_trading_in_or_having_left_a_market_and_a_functions_director(text, fact, expected):
    assert (fact in facts_of(text, "2034-02-22")) == expected


@pytest.mark.parametrize("text, fact, expected", [
    # a list of markets the parser hung on the firm, not on the verb: each as the one before it
    ("Wrolvo, which is based in Wrocław and sells online in Poland, the Czech Republic, Slovakia and Lithuania, "
     "confirmed on Wednesday that it has leased a building.", ("Wrolvo", "operatesIn", "Lithuania"), True),
    # a market that only owns the next place is no market of the list ("Asia and Mexico's Pacific coast")
    ("Garrenby Lines started a weekly service between Asia and Mexico's Pacific coast on Tuesday.",
     ("Garrenby Lines", "targetsMarket", "Mexico"), False),
    # a market opening a clause of its own is no item of the list before it
    ("Wrolvo Holdings opened stores in Poland, and Hungary, Romania and Bulgaria are next.",
     ("Wrolvo Holdings", "operatesIn", "Romania"), False),
    ("Wrolvo Holdings exited Poland and Hungary, and Romania and Bulgaria remain its biggest markets.",
     ("Wrolvo Holdings", "absentFrom", "Romania"), False),
])
def test_markets_listed_after_a_market_share_its_relation(text, fact, expected):
    assert (fact in facts_of(text, "2034-02-23")) == expected


def test_a_firms_short_name_the_model_calls_a_nationality_before_a_title():
    from spacy.tokens import Span

    def short_name_as_nationality(doc):
        if doc[0].text == '"':
            short = next(t.i for t in doc if t.text == "Dunmarra")
            doc.ents = [Span(doc, short, short + 1, label="NORP"), Span(doc, short + 3, short + 5, label="PERSON")]

    result = _extract_as_tagged("Deliveries will be made by Dunmarra Logistics, the Athlone parcel firm.\n\n"
                                '"This is the biggest contract we have ever signed," said Dunmarra managing director '
                                "Fintavo Mannion.", short_name_as_nationality)
    facts = {(f.subject, f.predicate, f.object) for f in result.facts}
    assert ("Fintavo Mannion", "executiveOf", "Dunmarra Logistics") in facts, facts


def test_a_unit_of_the_firm_a_nationality_names_not_of_the_firm_named_last():
    facts = facts_of("Swiss drugmaker Vendaris Therapeutics has licensed its drug Quellor to Mexico's Toravana "
                     "Laboratorios.\n\nIn Brazil, Toravana's representatives will promote Quellor alongside the 70 "
                     "sales staff of Vendaris Brasil, the Swiss company's local unit.", "2034-02-07")
    assert ("Vendaris Brasil", "subsidiaryOf", "Vendaris Therapeutics") in facts, facts
    assert ("Vendaris Brasil", "subsidiaryOf", "Toravana Laboratorios") not in facts


@pytest.mark.parametrize("text, fact", [
    ("Filings in Colombia and Peru, where Toravana Laboratorios already sells its Pirvacor pills, will follow this "
     "year.", ("Pirvacor", "availableIn", "Peru")),
    ("Stores in Chile and Peru, where Toravana Laboratorios has no business, will open later.",
     ("Toravana Laboratorios", "absentFrom", "Chile")),
])
def test_a_where_clause_hung_on_the_noun_before_the_markets_says_who_is_there(text, fact):
    assert fact in facts_of(text, "2034-02-07")


def test_a_two_word_nationality_on_the_stores_a_firm_opens_is_their_market():
    result = extract("Edvarn, the German discounter, opened its first 12 South African stores in Gauteng in October.",
                     "2034-02-22")
    assert ("Edvarn", "operatesIn", "South Africa") in {(f.subject, f.predicate, f.object) for f in result.facts}
    assert ("StoreOpening", "South Africa") in {(e.type, e.args.get("market")) for e in result.events}
