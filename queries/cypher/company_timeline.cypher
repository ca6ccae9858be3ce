// name: company_timeline
// description: Events of a company (as its company or as a party), oldest first; an event without a
//   date of its own takes its document's publication date, and undated ones come last.
// params: name (string) - company name or alias, any case
MATCH (c:Company)
WHERE toLower(c.name) = toLower($name) OR any(a IN coalesce(c.aliases, []) WHERE toLower(a) = toLower($name))
MATCH (e:MarketEvent)-[:COMPANY|PARTY]->(c)
WITH DISTINCT c, e
OPTIONAL MATCH (e)-[:IN_DOCUMENT]->(d:Document)
WITH c, e, coalesce(e.date, d.issued) AS date
RETURN date, e.kind AS event, c.name AS company,
       COLLECT { MATCH (e)-[:COMPANY|PRODUCT|MARKET|PARTY]->(x) WHERE x <> c RETURN DISTINCT x.name AS n ORDER BY n } AS involving,
       e.amount AS amount, e.currency AS currency, e.metric AS metric, e.period AS period,
       e.direction AS direction, e.scope AS scope, e.doc AS document, e.sentence AS evidence
ORDER BY date IS NULL, date, document, e.start
