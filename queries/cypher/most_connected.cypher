// name: most_connected
// description: Companies by degree: how many facts, claims and events link them to something
//   (document mentions excluded), with their distinct neighbours and documents.
// params: limit (int = 10) - how many companies
MATCH (c:Company)
WITH c,
     COUNT { (c)-[r]-() WHERE NOT type(r) IN ['MENTIONED_IN', 'IN_DOCUMENT'] } AS degree,
     COUNT { MATCH (c)-[r]-(x) WHERE NOT type(r) IN ['MENTIONED_IN', 'IN_DOCUMENT'] RETURN DISTINCT x } AS neighbours,
     COUNT { (c)-[:MENTIONED_IN]->(:Document) } AS documents
WHERE degree > 0
RETURN c.name AS company, degree, neighbours, documents
ORDER BY degree DESC, documents DESC, company
LIMIT $limit
