// name: claims_about
// description: What was said about an entity (company, product, market or person): the speaker,
//   the claim, when (the claim's date, else the document's), where, and the sentence.
// params: name (string) - entity name or alias, any case
MATCH (x:Resource)
WHERE (x:Company OR x:Product OR x:Market OR x:Person)
  AND (toLower(x.name) = toLower($name) OR any(a IN coalesce(x.aliases, []) WHERE toLower(a) = toLower($name)))
MATCH (cl:Claim)-[:ABOUT]->(x)
OPTIONAL MATCH (cl)-[:SPEAKER]->(s:Resource)
OPTIONAL MATCH (cl)-[:IN_DOCUMENT]->(d:Document)
RETURN x.name AS about, s.name AS speaker, cl.text AS claim, coalesce(cl.date, d.issued) AS date,
       cl.channel AS channel, cl.doc AS document, cl.sentence AS evidence
ORDER BY date IS NULL, date DESC, document, cl.start
