// name: connection
// description: The shortest chain of facts, claims and events between two entities (up to 8 hops;
//   document mentions are not counted as a connection), with the relationship types along it.
// params: from (string) - first entity's name or alias, any case
// params: to (string) - second entity's name or alias, any case
MATCH (a:Resource)
WHERE (a:Company OR a:Product OR a:Market OR a:Person)
  AND (toLower(a.name) = toLower($from) OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) = toLower($from)))
MATCH (b:Resource)
WHERE (b:Company OR b:Product OR b:Market OR b:Person) AND b <> a
  AND (toLower(b.name) = toLower($to) OR any(x IN coalesce(b.aliases, []) WHERE toLower(x) = toLower($to)))
MATCH p = shortestPath((a)-[*..8]-(b))
WHERE none(r IN relationships(p) WHERE type(r) IN ['MENTIONED_IN', 'IN_DOCUMENT'])
RETURN a.name AS source, b.name AS target, length(p) AS hops,
       [n IN nodes(p) | coalesce(n.name, n.kind)] AS path,
       [r IN relationships(p) | type(r)] AS relationships,
       [r IN relationships(p) | r.doc] AS documents
ORDER BY hops, source, target
LIMIT 1
