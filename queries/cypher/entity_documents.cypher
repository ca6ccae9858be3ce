// name: entity_documents
// description: Documents that mention an entity (any type), newest first, with title and source.
// params: name (string) - entity name or alias, any case
MATCH (x:Resource)
WHERE (x:Company OR x:Product OR x:Market OR x:Person)
  AND (toLower(x.name) = toLower($name) OR any(a IN coalesce(x.aliases, []) WHERE toLower(a) = toLower($name)))
MATCH (x)-[:MENTIONED_IN]->(d:Document)
RETURN x.name AS entity, [l IN labels(x) WHERE l <> 'Resource'] AS labels, d.docId AS document,
       d.title AS title, d.issued AS published, d.sourcePath AS path
ORDER BY published IS NULL, published DESC, document
