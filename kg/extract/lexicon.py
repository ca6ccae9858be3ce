"""Words that signal a relation, grouped by what they signal. General business English, no names:
these are the cues a reader uses to tell a company from a person or a product."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Head nouns that make a noun phrase mean "a company": "the Chinese smartphone maker", "the retailer".
COMPANY_NOUNS = _words("""
company companies firm firms maker makers manufacturer manufacturers giant giants group conglomerate
retailer retailers carrier carriers airline airlines operator operators brand brands startup start-up
rival rivals competitor competitors supplier suppliers vendor vendors provider providers bank banks
lender insurer automaker automakers carmaker carmakers chipmaker chipmakers chipmaker drugmaker
drugmakers pharma producer producers developer developers distributor distributors subsidiary unit
division corporation enterprise outlet publisher broadcaster network
chain chains partner partners player players titan titans behemoth incumbent newcomer
challenger exporter importer investor fund utility miner shipper builder designer foundry foundries leader
consultancy agency firm's consortium venture joint-venture spinoff spin-off automaker's club owner affiliate
magazine magazines newspaper newspapers tabloid isp isps organisation organization brokerage brokerages broker brokers stockbroker
stockbrokers monopoly monopolies multinational multinationals reinsurer brewer distiller refiner
steelmaker beermaker toymaker planemaker shipbuilder homebuilder housebuilder grocer supermarket wholesaler
bookseller e-tailer etailer biotech pollster cooperative co-op haulier hauliers bottler bottlers neobank
fintech discounter discounters caterer marketplace marketplaces e-wallet e-wallets studio studios jeweller
jewellers jeweler jewelers
""")

# Sites that name the firm running one when said of it ("Tierra Fría, a small craft brewery"; "the distillery works
# with an Osaka importer"), but a site of a firm when its place or owner comes first ("its Speyside distillery").
FIRM_SITE_NOUNS = _words("distillery brewery winery")

# Head nouns that make "X is a <noun>" or "the <noun> X" a product.
PRODUCT_NOUNS = _words("""
phone phones smartphone smartphones handset handsets device devices gadget tablet tablets laptop
laptops notebook computer pc console consoles watch smartwatch headphones earbuds speaker tv
television camera drone scooter scooters bike car cars vehicle vehicles suv sedan truck pickup
model models battery batteries charger bank chip chips processor processors semiconductor modem
drug drugs medicine vaccine treatment therapy pill app apps software platform service os system
game engine aircraft plane planes jet jets airliner flagship flagships lineup series range line
product products edition version robot vacuum appliance fridge router sensor site website portal browser
machine supercomputer server printer prototype program handheld handhelds pcs
injection antibody crossover hatchback coupe minivan gpu cpu lidar beer lager
food snack snacks drink drinks beverage beverages juice cereal yoghurt yogurt wine vodka whisky gin
recliner recliners sofa sofas bed beds mattress mattresses furniture shoe shoes trainer trainers sneaker sneakers tool tools
shampoo lipstick perfume fragrance detergent tyre tyres tire tires satellite satellites toy toys
clothing clothes garments footwear knitwear homeware cookware collection collections capsule dress dresses blazer
blazers jacket jackets handbag handbags abaya abayas
subscription subscriptions plate plates policy kit kits panel panels module modules tier tiers membership
memberships pump pumps valve valves turbine turbines analyser analyzer analysers analyzers scanner scanners cartridge
cartridges inhaler inhalers implant implants catheter stent tractor tractors harvester harvesters excavator excavators
locomotive locomotives trailer trailers serum serums cream creams lotion supplement supplements suite fertiliser
fertilizer alloy alloys resin coating coatings blend accelerator accelerators etcher etchers sheet sheets coil coils
tinplate rebar
calculator calculators camcorder camcorders projector projectors sequencer synthesiser synthesizer headset headsets
planter planters sprayer sprayers seeder seeders baler balers mower mowers
dishwasher dishwashers refrigerator refrigerators freezer freezers microwave microwaves thermostat thermostats
""")

# Nouns that name a product only when a company's possessive owns them: "its Zen players", "Microsoft's WMA
# format" (a "key player", "the format of the talks" are not products; "its England players" name a place).
OWNED_PRODUCT_NOUNS = _words("player players format formats")

# Words that make an organisation's name a public body, not a company: "Food and Drug
# Administration", "Ministry of Finance", "US Senate", "Office for National Statistics".
PUBLIC_BODY_WORDS = _words("""
ministry department senate congress parliament commission administration treasury government council
court office authority bureau police committee assembly cabinet tribunal embassy regulator federal
fed reserve army navy organisation organization agreement treaty accord university museum college school hospital
conference summit expo exhibition festival championship party
""")

# Words that, first or last in a name, make it a business: "Air Deccan", "Kingfisher Airlines",
# "Nomura Securities", "Norvik Motors"; in the languages whose firms English news names untranslated too ("Grupo
# Bimbo", "Banco Santander", "Petróleos Mexicanos", "Compagnie de Saint-Gobain", "Siemens Energie").
INDUSTRY_WORDS = _words("""
air airlines airways bank banks motors motor auto automotive aerospace energy oil petroleum pharma
pharmaceuticals telecom foods food capital securities insurance media holdings systems technologies
electronics semiconductor semiconductors labs industries logistics stores brewing steel chemicals
networks communications entertainment studios partners ventures research financial investments
software therapeutics biotech mining shipping cells power sports outdoor retail brands apparel
stockbrokers brokers brokerage consulting consultants re games solar wireless cellular telecommunications
grupo groupe gruppo gruppen gruppe banco banca banque compagnie compañía compania companhia société societe sociedad almacenes
aerolíneas aerolineas industrias indústrias textiles construcciones constructora
inmobiliaria logística logistica logistique transportes seguros assurances assicurazioni petróleo petróleos petroleo
petroleos energia energía énergie energie laboratorios laboratoires farmacéutica farmaceutica cervecería cerveceria
brasserie brauerei telecomunicaciones telecomunicações werke versicherung chemie
""")

# More trades that end a company's name ("Morlacchi Hotels", "Ostrander Diagnostics") but name no company when
# they open one, and are too rarely a product's or a division's last word to say so alone: only a last word.
TRADE_NAME_ENDINGS = INDUSTRY_WORDS | _words("""
hotels resorts hospitality cosmetics textiles furniture construction cement engineering metals minerals utilities
renewables robotics healthcare diagnostics biosciences biologics genomics beverages agro agri railways freight
aviation airports cruises realty publishing leasing assurance medical rail cargo materials soft cements infra
transport packaging dairy marine pharmacy pharmacies clinics devices instruments plastics fertilisers fertilizers
machinery mobility payments ports electric aerostructures aeronautics avionics composites
forgings castings alliance consortium pharmaceutical chemical industrial optical textile cooperative
bakery bakeries farms dairies breweries brewery distillery distillers distilleries vineyards winery wineries tobacco
wines
spirits jewellers jewelers jewels jewellery jewelry outfitters supermarkets grocers lines shipyards shipbuilding terminals couriers trucking
haulage broadcasting laboratories insurers underwriters lending wealth advisors advisers associates
solutions enterprises manufacturing foundry foundries microsystems dynamics analytics properties developments
restaurants resources gas drilling offshore equity optics photonics sensing imaging lighting computer computers
lithography analytics dynamics grain grains trading commodities traders
""")

# The endings of the words for trades and sciences, which close firms' names in any sector: "Ostrander Metrology",
# "Halden Engineering", "Norvik Consulting", "Kelvo Biotechnology".
_TRADE_FORM = re.compile(r"(ology|ologies|eering|ulting|ufacturing)$")   # (not "-ics": Olympics, Graphics, Jankovics)


# A model's code of letters and digits: "K7", "B7", "X5", "A320" (a model, not a maker's name).
# Participles that seat a company in a place: "Ireland-based", "US-registered", "Tokyo-listed".
SEAT_WORDS = frozenset({"based", "registered", "headquartered", "listed", "incorporated", "domiciled", "owned"})
MODEL_CODE = re.compile(r"^[a-z]{1,3}\d{1,4}[a-z]?$", re.IGNORECASE)


def trade_word(word: str) -> bool:
    """A word that closes a firm's name: a trade of the list, or a word formed as the names of trades are."""
    word = word.lower()
    return word in TRADE_NAME_ENDINGS or _TRADE_FORM.search(word) is not None


# Intergovernmental institutions news names by proper name: states' clubs and lenders, not companies.
# (General knowledge of the world's public institutions, like the country list; no article's names.)
INTERGOVERNMENTAL_BODIES = frozenset({
    "world bank", "international monetary fund", "imf", "world trade organisation", "world trade organization", "wto",
    "oecd", "opec", "united nations", "un", "paris club", "european central bank", "ecb", "nato", "asean", "apec",
    "african union", "european commission", "european parliament", "bank of england", "bank of japan",
    "federal reserve", "fed", "world economic forum", "g7", "g8", "g20", "group of seven", "group of eight",
    "international finance facility", "world food programme", "world health organization", "who", "unicef", "unesco",
    "asian development bank", "african development bank", "inter-american development bank", "iaea", "eurostat",
    # seats of government that stand for a government in news
    "kremlin", "white house", "downing street", "elysee", "pentagon", "whitehall"})

# Last words that make a name a unit or sub-brand run as a business ("BBC World Service", "Sony Pictures",
# "Nintendo Europe"), not a product, besides industry words and legal suffixes.
UNIT_NAME_WORDS = _words("""
service services interactive news music pictures studios group international europe america asia foundation trust
sport sports
""")

# Titles that make a person an executive of a company.
EXECUTIVE_TITLES = _words("""
ceo cfo coo cto cmo cio chairman chairwoman chairperson chair president founder co-founder cofounder
chief executive officer head director manager vp vice boss partner principal md gm
general managing executive
""")
# The functions a title names: "Chief Commercial Officer", "Finance chief", "Head of Corporate Communications".
TITLE_FUNCTIONS = _words("""
commercial financial finance operating operations technology technical marketing information communications
corporate digital product products people strategy legal investment investments data revenue customer sales human
resources creative security medical scientific research supply procurement compliance risk content brand growth
innovation public affairs investor relations media press
""")
# Words that qualify a title: "chief" executive, "vice" president, "senior" analyst.
TITLE_MODIFIERS = frozenset({"chief", "vice", "senior", "deputy", "executive", "managing", "general", "group",
                             "global", "regional", "acting", "interim", "former", "co", "new", "incoming", "outgoing",
                             "current", "founding", "joint"})
# Titles that make a person affiliated but not an executive (worksFor).
AFFILIATION_TITLES = _words("""
analyst analysts economist strategist researcher research columnist reporter journalist editor
correspondent consultant professor spokesman spokeswoman spokesperson engineer scientist employee
lawyer adviser advisor writer contributor coordinator specialist representative fellow expert
architect designer reviewer critic blogger presenter commentator
""")

# Affiliations of people who comment on firms rather than speak for them: an analyst's "we" is no firm's.
COMMENTATOR_TITLES = _words("""
analyst analysts economist strategist researcher research columnist reporter journalist editor correspondent
consultant professor writer contributor fellow expert specialist
""")

# Public offices: "US Treasury Secretary Ann Lee", "the Maldives' foreign minister": the official's "we" is the country.
PUBLIC_OFFICES = _words("""
minister secretary president chancellor governor ambassador senator premier official commissioner
""")

# What a speaker calls their own company (or an official their country).
FIRST_PERSON_PLURAL = frozenset({"we", "our", "us", "ours"})

# Verbs of saying: their subject is a speaker and their complement a claim.
SPEECH_VERBS = _words("""
say tell add note claim write post state explain argue believe warn predict expect announce
comment insist reckon estimate suggest confirm deny acknowledge admit report reveal declare
stress emphasise emphasize caution forecast describe call find show indicate conclude concede
recognise recognize continue point urge
""")

# Verbs whose subject is most often a company.
BUSINESS_VERBS = _words("""
open close report post cut hire acquire buy sell raise invest expand ship announce sign partner price list
file sue recall merge spin order lease supply manufacture export import operate employ reorganise restructure
compete
""")

# Verbs of launching a product.
LAUNCH_VERBS = _words("launch unveil introduce release debut roll showcase announce present reveal ship")
# Verbs whose subject makes or sells its object.
PRODUCE_VERBS = _words("make produce manufacture sell build develop design offer market ship launch "
                       "unveil introduce release debut roll")
# Verbs and nouns of entering a market.
ENTRY_VERBS = _words("enter expand launch debut move push break return venture head arrive")
ENTRY_NOUNS = _words("entry expansion launch debut foray push arrival return step steps move sight sights")   # ("sets
#                                                                                       its sights on Brazil")
# Verbs and nouns of presence in a market.
PRESENCE_VERBS = _words("sell operate ship offer serve distribute retail dominate lead establish emerge gain "
                        "capture grow thrive compete fly run base headquarter locate employ manufacture produce "
                        "assemble export invest hire trade")
# (matched against lemmas and words, so both forms: "stores" is "store" as a lemma)
PRESENCE_NOUNS = _words("""
presence foothold footprint following traction inroads terminal terminals player players leader leaders share stores store customers customer
operations operation business businesses sales sale base headquarters headquarter factory factories plant plants
office offices revenue revenues employee employees worker workers staff subscriber subscribers user users branch
branches outlet outlets unit units subsidiary subsidiaries division arm dealership dealerships mine mines refinery
refineries warehouse warehouses facility facilities site sites hub route routes network licence license
nursery nurseries campus lab labs laboratory laboratories centre center studio studios mill mills
flight flights service capacity contract contracts concession concessions stake stakes asset assets
hotel hotels shop shops
""")
# Nouns of buying a company: "its purchase of Lookout Software", "walked away from its takeover".
PURCHASE_NOUNS = _words("purchase acquisition takeover buyout")
# Verbs that set a product's price anew: "cut Orvendi Unlimited to €7.99", "raised the Zorba's price to $499".
REPRICING_VERBS = _words("cut raise lower reduce increase hike slash drop lift")
# Words that say a product can be had in a market.
AVAILABILITY_WORDS = _words("available availability sell sale launch offer ship release arrive debut go roll "
                            "stock carry approve approval out")
# Nouns that describe a person, not a firm, in apposition to a name: "Ann Roe, the country's richest man", "Ana Vela,
# a Weslaco native", "Ola Berg, son-in-law of the president".
PERSON_NOUNS = _words("""man woman person tycoon billionaire millionaire businessman businesswoman entrepreneur magnate
oligarch heir heiress son daughter father mother brother sister husband wife widow founder native resident veteran
graduate grandson granddaughter nephew niece""")    # ("son-in-law": its head word, "son")
# Words that say a company is not in a market.
ABSENCE_WORDS = _words("absent absence refrain lack avoid exit withdraw shun skip without ban bar blacklist quit")
# Words that make an entry a plan rather than a fact.
PLAN_CUES = _words("""
plan aim want prepare seek intend hope look consider eye target try build study explore mull weigh
will would could may might going set poised potential possible future prospective planned chance
opportunity ambition goal bid intention schedule slate
""")
# Partnership.
PARTNERSHIP_NOUNS = _words("""
memorandum mou agreement deal partnership alliance pact contract collaboration cooperation
joint venture tie-up accord partner
""")
PARTNERSHIP_VERBS = _words("partner team sign ink strike form forge collaborate ally cooperate join agree")
# Cancellation.
CANCEL_VERBS = _words("cancel drop scrap abandon terminate end pull withdraw halt suspend call kill axe back revoke")
# Competition.
COMPETITION_NOUNS = _words("rival rivals competitor competitors challenger challengers")
COMPETITION_VERBS = _words("compete rival battle challenge take fight vie")
# Subsidiaries.
SUBSIDIARY_NOUNS = _words("subsidiary subsidiaries unit division spin-off spinoff sub-brand offshoot arm brand "
                          "business businesses operation operations team marque marques")
# Financial metrics.
METRIC_WORDS = _words("""
revenue revenues sales profit profits income earnings turnover ebitda ebit loss losses shipments
margin margins valuation
""")
# Accounting and market terms written in capitals, never a name ("Adjusted EBITDA rose 31%").
FINANCE_TERMS = _words("""
ebitda ebitdar ebita ebit eps cagr capex opex arpu aum nav roe roa roi roce kpi yoy qoq ttm ipo gdp cpi pmi esg
erp crm saas
""")     # (and the kinds of business software: "cloud ERP software", "a CRM licence")
# Technical terms written in capitals, never a name ("sold on DVD", "calls over VoIP", "IPv6 addresses").
TECH_TERMS = _words("""
dvd dvds cd cds ip ipv4 ipv6 tcp voip gui diy pc pcs sms mms gps usb hdtv mp3 mp3s pda pdas wifi lcd lcds rfid dsl
adsl llu lte gsm cdma 3g 4g 5g url urls html xml api apis
""")
FINANCE_TERM_QUALIFIERS = _words("adjusted core underlying operating net gross basic diluted organic reported")
# A wire headline's label before a dash or colon ("ANALYSIS - ...", "EXCLUSIVE: ..."), no name.
HEADLINE_SLUGS = _words("""
analysis exclusive update factbox insight explainer column breakingviews interview feature opinion comment preview
wrapup timeline corrected refile brief advisory focus breaking live watch rpt repeat urgent flash
""")
# Store opening.
STORE_NOUNS = _words("store stores shop shops outlet outlets showroom showrooms branch branches "
                     "flagship restaurant restaurants location locations")
# What a chain runs many of, named after it: "300 Corrimore supermarkets", "the 40 Kelvo pharmacies".
CHAIN_SITE_NOUNS = STORE_NOUNS | _words("supermarket supermarkets hypermarket hypermarkets pharmacy pharmacies cinema "
                                        "cinemas gym gyms hotel hotels")
# Sites a company opens in a market, and the verbs that open them: "will open its first plant in Mexico".
SITE_NOUNS = _words("plant factory office route flight hub warehouse branch hotel mine refinery mill campus centre "
                    "center region site facility property resort clinic laboratory")
OPENING_VERBS = _words("open build launch start establish set announce unveil add begin inaugurate plan")
# Rebranding.
REBRAND_WORDS = _words("rebrand rebranding reposition repositioning upmarket high-end premium overhaul "
                       "relaunch rename")
# Channels where something is said.
CHANNEL_PREPOSITIONS = _words("on in to with")

# Unions and differences the rules test word by word, built once: a set expression inside a loop builds a new set
# for every token it tests.
TITLES = EXECUTIVE_TITLES | AFFILIATION_TITLES              # any title a person's name may carry
PRODUCT_ONLY_NOUNS = PRODUCT_NOUNS - COMPANY_NOUNS          # "phone", "drug"; not "platform" or "service"
COMPANY_OR_UNIT_NOUNS = COMPANY_NOUNS | SUBSIDIARY_NOUNS     # "the firm", "the unit", "the brand"
PRODUCT_OR_COMPANY_NOUNS = PRODUCT_NOUNS | COMPANY_NOUNS

# First-column headings of a table that lists markets ("Country | Kelvo Basic | Kelvo Plus").
MARKET_COLUMNS = _words("country countries market markets region regions")
# Verbs of a figure changing: "revenue fell 11%", "sales rose to $2bn".
CHANGE_VERBS = frozenset({"rise", "fall", "drop", "grow", "increase", "decrease", "decline", "jump", "climb", "slump",
                           "slide", "shrink", "surge", "soar", "plunge", "tumble", "dip", "ease", "keep", "edge",
                           "double", "halve", "recover", "slow", "gain", "sink", "contract", "expand"})
# Verbs that count a firm's customers: "has 900,000 Irish users", "serves 2 million subscribers".
COUNTED_CUSTOMERS_VERBS = frozenset({"have", "serve", "count", "reach", "add", "sign", "win", "attract"})

# Nouns of a product named only as what another is measured against: "launched the first copy of Draxelon's
# Klaventro", "a rival to the Zorba 5" launch a copy, a rival, not Klaventro or the Zorba 5.
FOIL_NOUNS = _words("copy generic clone biosimilar imitation knock-off knockoff replica lookalike rival alternative "
                    "competitor challenger")
