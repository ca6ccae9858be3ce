// name: market_claims
// description: Who said what about a market: every claim about the market, with its speaker and the
//   speaker's employer when the graph knows it, the other entities the claim is about, and the evidence.
// params: name (string) - market name or alias (United States, US, Europe), any case
MATCH (m:Market)
WHERE toLower(m.name) = toLower($name) OR any(a IN coalesce(m.aliases, []) WHERE toLower(a) = toLower($name))
MATCH (cl:Claim)-[:ABOUT]->(m)
OPTIONAL MATCH (cl)-[:SPEAKER]->(s:Resource)
OPTIONAL MATCH (cl)-[:IN_DOCUMENT]->(d:Document)
RETURN m.name AS market, s.name AS speaker,
       COLLECT { MATCH (s)-[:EXECUTIVE_OF|WORKS_FOR]->(o:Company) RETURN DISTINCT o.name AS n ORDER BY n } AS speaker_of,
       cl.text AS claim,
       COLLECT { MATCH (cl)-[:ABOUT]->(y) WHERE y <> m RETURN DISTINCT y.name AS n ORDER BY n } AS also_about,
       coalesce(cl.date, d.issued) AS date, cl.doc AS document, cl.sentence AS evidence
ORDER BY date IS NULL, date DESC, document, cl.start
