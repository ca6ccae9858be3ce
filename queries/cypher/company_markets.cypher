// name: company_markets
// description: Markets of a company and its status there: present (operatesIn), targeted (targetsMarket),
//   absent (absentFrom), plus market entries and store openings read as events.
// params: name (string) - company name or alias, any case
MATCH (c:Company)
WHERE toLower(c.name) = toLower($name) OR any(a IN coalesce(c.aliases, []) WHERE toLower(a) = toLower($name))
CALL (c) {
    MATCH (c)-[r:OPERATES_IN|TARGETS_MARKET|ABSENT_FROM]->(m:Market)
    RETURN m, CASE type(r) WHEN 'OPERATES_IN' THEN 'present' WHEN 'TARGETS_MARKET' THEN 'targeted' ELSE 'absent' END AS status,
           null AS date, r.doc AS doc, r.start AS start, r.sentence AS evidence
  UNION ALL
    MATCH (c)<-[:COMPANY]-(e:MarketEvent)-[:MARKET]->(m:Market)
    RETURN m, toLower(e.kind) AS status, e.date AS date, e.doc AS doc, e.start AS start, e.sentence AS evidence
}
WITH c, m, status, date, doc, evidence ORDER BY doc, start
RETURN c.name AS company, m.name AS market, m.countryCode AS country, status,
       [d IN collect(DISTINCT date) WHERE d IS NOT NULL] AS dates, collect(DISTINCT doc) AS documents,
       collect(evidence)[0] AS evidence
ORDER BY market, status
