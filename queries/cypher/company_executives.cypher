// name: company_executives
// description: People holding a role at a company, with their titles as written and the evidence.
// params: name (string) - company name or alias, any case
MATCH (c:Company)
WHERE toLower(c.name) = toLower($name) OR any(a IN coalesce(c.aliases, []) WHERE toLower(a) = toLower($name))
MATCH (p:Person)-[r:EXECUTIVE_OF]->(c)
WITH c, p, r ORDER BY r.doc, r.start
RETURN c.name AS company, p.name AS person, [role IN collect(DISTINCT r.role) WHERE role IS NOT NULL] AS roles,
       collect(DISTINCT r.doc) AS documents, collect(r.sentence)[0] AS evidence
ORDER BY person
