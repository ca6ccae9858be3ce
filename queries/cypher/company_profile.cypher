// name: company_profile
// description: One company at a glance: its names, how many documents mention it, its products,
//   executives, markets (present, targeted, absent), competitors, partners, and how many claims and
//   events are about it.
// params: name (string) - company name or alias, any case
MATCH (c:Company)
WHERE toLower(c.name) = toLower($name) OR any(a IN coalesce(c.aliases, []) WHERE toLower(a) = toLower($name))
RETURN c.name AS company,
       coalesce(c.aliases, []) AS aliases,
       COUNT { (c)-[:MENTIONED_IN]->(:Document) } AS documents,
       COLLECT { MATCH (c)-[:PRODUCES]->(p:Product) RETURN DISTINCT p.name AS n ORDER BY n } AS products,
       COLLECT { MATCH (p:Person)-[:EXECUTIVE_OF]->(c) RETURN DISTINCT p.name AS n ORDER BY n } AS executives,
       COLLECT { MATCH (c)-[:OPERATES_IN]->(m:Market) RETURN DISTINCT m.name AS n ORDER BY n } AS markets_present,
       COLLECT { MATCH (c)-[:TARGETS_MARKET]->(m:Market) RETURN DISTINCT m.name AS n ORDER BY n } AS markets_targeted,
       COLLECT { MATCH (c)-[:ABSENT_FROM]->(m:Market) RETURN DISTINCT m.name AS n ORDER BY n } AS markets_absent,
       COLLECT { MATCH (c)-[:COMPETES_WITH]-(o:Company) RETURN DISTINCT o.name AS n ORDER BY n } AS competitors,
       COLLECT { MATCH (c)-[:PARTNERS_WITH]-(o:Company) RETURN DISTINCT o.name AS n ORDER BY n } AS partners,
       COLLECT { MATCH (c)-[:SUBSIDIARY_OF]->(o:Company) RETURN DISTINCT o.name AS n ORDER BY n } AS parents,
       COUNT { (:Claim)-[:ABOUT]->(c) } AS claims_about,
       COUNT { (:MarketEvent)-[:COMPANY|PARTY]->(c) } AS events
ORDER BY documents DESC, company
