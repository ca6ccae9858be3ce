// name: company_competitors
// description: Companies named as competitors of a company (competesWith is symmetric), with evidence.
// params: name (string) - company name or alias, any case
MATCH (c:Company)
WHERE toLower(c.name) = toLower($name) OR any(a IN coalesce(c.aliases, []) WHERE toLower(a) = toLower($name))
MATCH (c)-[r:COMPETES_WITH]-(o:Company)
WHERE o <> c
WITH c, o, r ORDER BY r.doc, r.start
RETURN c.name AS company, o.name AS competitor, collect(DISTINCT r.doc) AS documents, collect(r.sentence)[0] AS evidence
ORDER BY competitor
