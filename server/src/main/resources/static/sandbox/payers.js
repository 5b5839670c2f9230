// The payer a sandbox run pretends the patient has: the case's own, or one the application offers
// (GET /sandbox/api/payers: every payer the engine's payer mapping knows, each read back through it).
// Choosing one rewrites the case's payer Organization (name, identifiers) and its Coverage (type,
// plan name) before the case is loaded, so the rules see that payer and line of business.

function resources(bundle) {
  return (bundle?.entry ?? []).map((e) => e?.resource).filter((r) => r && typeof r === 'object');
}

function coverages(bundle) {
  return resources(bundle).filter((r) => r.resourceType === 'Coverage');
}

/** The Organizations of the bundle that a Coverage names as payor. */
function payerOrganizations(bundle) {
  const wanted = new Set(
    coverages(bundle).flatMap((c) => (c.payor ?? []).map((p) => p?.reference)).filter(Boolean),
  );
  return resources(bundle).filter(
    (r) => r.resourceType === 'Organization' && wanted.has(`Organization/${r.id}`),
  );
}

/** The case's payer in words ("Aetna, Aetna Choice POS II"), or null when it names none. */
export function describePayer(bundle) {
  const organization = payerOrganizations(bundle)[0];
  const coverage = coverages(bundle)[0];
  if (!organization && !coverage) return null;
  const plan = (coverage?.class ?? []).find((c) => c?.name)?.name;
  return [organization?.name, plan].filter(Boolean).join(', ') || null;
}

/**
 * A copy of the transaction Bundle with the payer replaced by `payer` (an entry of
 * /sandbox/api/payers: name, identifier, type, plan), or the same bundle when `payer` is null.
 * Throws when the bundle holds no Coverage to rewrite.
 */
export function withPayer(bundle, payer) {
  if (!payer) return bundle;
  const copy = structuredClone(bundle);
  const found = coverages(copy);
  if (found.length === 0) {
    throw new Error('the data holds no Coverage, so there is no payer to change');
  }
  for (const coverage of found) {
    coverage.type = structuredClone(payer.type);
    for (const cls of coverage.class ?? []) {
      if ((cls?.type?.coding ?? []).some((c) => c?.code === 'plan')) cls.name = payer.plan;
    }
  }
  const organizations = payerOrganizations(copy);
  for (const organization of organizations) {
    organization.name = payer.name;
    delete organization.alias;
    if (payer.identifier.length) organization.identifier = structuredClone(payer.identifier);
    else delete organization.identifier;
  }
  if (organizations.length === 0) {
    // A payor given only by display (or not in the data): say who pays there instead.
    for (const coverage of found) coverage.payor = [{ display: payer.name }];
  }
  return copy;
}
