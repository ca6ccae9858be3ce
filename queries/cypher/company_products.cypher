// name: company_products
// description: Products a company makes or sells, with the documents and the sentence that say so.
// params: name (string) - company name or alias, any case
MATCH (c:Company)
WHERE toLower(c.name) = toLower($name) OR any(a IN coalesce(c.aliases, []) WHERE toLower(a) = toLower($name))
MATCH (c)-[r:PRODUCES]->(p:Product)
WITH c, p, r ORDER BY r.doc, r.start
RETURN c.name AS company, p.name AS product, collect(DISTINCT r.doc) AS documents, collect(r.sentence)[0] AS evidence
ORDER BY product
