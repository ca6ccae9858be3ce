// name: company_partners
// description: A company's partners: from partnersWith facts and from PartnershipAgreement events
//   (both parties), with the partnership's scope and date when an agreement gives them.
// params: name (string) - company name or alias, any case
MATCH (c:Company)
WHERE toLower(c.name) = toLower($name) OR any(a IN coalesce(c.aliases, []) WHERE toLower(a) = toLower($name))
CALL (c) {
    MATCH (c)-[r:PARTNERS_WITH]-(o:Company)
    RETURN o, 'partnersWith' AS source, [] AS scope, null AS date, r.doc AS doc, r.sentence AS evidence
  UNION ALL
    MATCH (c)<-[:PARTY]-(e:PartnershipAgreement)-[:PARTY]->(o:Company)
    WHERE o <> c
    RETURN o, 'agreement' AS source, coalesce(e.scope, []) AS scope, e.date AS date, e.doc AS doc, e.sentence AS evidence
}
WITH c, o, source, scope, date, doc, evidence ORDER BY doc, source
WITH c, o, collect(DISTINCT source) AS sources, collect(scope) AS scopes, collect(date) AS dates,
     collect(DISTINCT doc) AS documents, collect(evidence)[0] AS evidence
RETURN c.name AS company, o.name AS partner, sources,
       reduce(acc = [], area IN reduce(flat = [], s IN scopes | flat + s) |
              CASE WHEN area IN acc THEN acc ELSE acc + area END) AS scope,
       reduce(first = null, d IN dates | CASE WHEN first IS NULL OR d < first THEN d ELSE first END) AS date,
       documents, evidence
ORDER BY partner
