// name: entity_facts
// description: Every fact linking an entity (any type) to another, in either direction, one row per
//   document: the relationship type, the direction, the other entity and its labels, the role
//   (executiveOf), and the sentence.
// params: name (string) - entity name or alias, any case
MATCH (x:Resource)
WHERE (x:Company OR x:Product OR x:Market OR x:Person)
  AND (toLower(x.name) = toLower($name) OR any(a IN coalesce(x.aliases, []) WHERE toLower(a) = toLower($name)))
MATCH (x)-[r:PRODUCES|COMPETES_WITH|PARTNERS_WITH|SUBSIDIARY_OF|EXECUTIVE_OF|WORKS_FOR|OPERATES_IN|ABSENT_FROM|TARGETS_MARKET|AVAILABLE_IN]-(o:Resource)
RETURN x.name AS entity, type(r) AS relation, CASE WHEN startNode(r) = x THEN 'out' ELSE 'in' END AS direction,
       o.name AS other, [l IN labels(o) WHERE l <> 'Resource'] AS other_labels, r.role AS role,
       r.doc AS document, r.sentence AS evidence
ORDER BY relation, direction, other, document
