// name: claims_by
// description: What an entity (a person or a company) said: each claim with the entities it is about,
//   when (the claim's date, else the document's), where, and the sentence.
// params: name (string) - speaker's name or alias, any case
MATCH (s:Resource)
WHERE (s:Company OR s:Product OR s:Market OR s:Person)
  AND (toLower(s.name) = toLower($name) OR any(a IN coalesce(s.aliases, []) WHERE toLower(a) = toLower($name)))
MATCH (cl:Claim)-[:SPEAKER]->(s)
OPTIONAL MATCH (cl)-[:IN_DOCUMENT]->(d:Document)
RETURN s.name AS speaker, cl.text AS claim,
       COLLECT { MATCH (cl)-[:ABOUT]->(y) RETURN DISTINCT y.name AS n ORDER BY n } AS about,
       coalesce(cl.date, d.issued) AS date, cl.channel AS channel, cl.doc AS document, cl.sentence AS evidence
ORDER BY date IS NULL, date DESC, document, cl.start
