// The payer a sandbox run pretends the patient has: the case's own, or one of these. Choosing one
// rewrites the case's payer Organization (name, identifiers) and its Coverage (type, plan name)
// before the case is loaded, so the rules see that payer and line of business. The names and
// Source of Payment Typology codes are the ones the rule pack's payer mapping recognises
// (cds-hooks/src/main/resources/rules/payers.yaml); the payer ids are the fixtures' own.

export const SOPT = 'https://nahdo.org/sopt';
export const PAYER_ID_SYSTEM = 'https://stomacds.org/fixtures/payer-id';

const id = (value) => [{ system: PAYER_ID_SYSTEM, value }];
const sopt = (code, display) => ({ coding: [{ system: SOPT, code, display }] });

/** The payers offered, each with what it writes into the case. */
export const PAYERS = Object.freeze([
  {
    id: 'original-medicare', label: 'Original Medicare (Novitas, Part B)',
    name: 'Novitas Solutions (Medicare Part B)', identifier: [],
    type: sopt('121', 'Medicare FFS'), plan: 'Medicare Part B',
  },
  {
    id: 'medicare-advantage-aetna', label: 'Medicare Advantage (Aetna)',
    name: 'Aetna', identifier: id('60054'),
    type: sopt('111', 'Medicare HMO'), plan: 'Aetna Medicare Advantage HMO',
  },
  {
    id: 'medicare-advantage-uhc', label: 'Medicare Advantage (UnitedHealthcare)',
    name: 'UnitedHealthcare', identifier: id('87726'),
    type: sopt('111', 'Medicare HMO'), plan: 'AARP Medicare Advantage (HMO)',
  },
  {
    id: 'aetna', label: 'Aetna (commercial)',
    name: 'Aetna', identifier: id('60054'),
    type: sopt('512', 'Commercial Managed Care - PPO'), plan: 'Aetna Choice POS II',
  },
  {
    id: 'bcbs-anthem', label: 'Blue Cross Blue Shield: Anthem',
    name: 'Anthem Blue Cross and Blue Shield', identifier: [],
    type: sopt('6', 'BLUE CROSS/BLUE SHIELD'), plan: 'Blue Access PPO',
  },
  {
    id: 'bcbs-ibx', label: 'Blue Cross Blue Shield: Independence Blue Cross',
    name: 'Independence Blue Cross', identifier: [],
    type: sopt('6', 'BLUE CROSS/BLUE SHIELD'), plan: 'Keystone HMO',
  },
  {
    id: 'cigna', label: 'Cigna (commercial)',
    name: 'Cigna Healthcare', identifier: id('62308'),
    type: sopt('5', 'PRIVATE HEALTH INSURANCE'), plan: 'Open Access Plus',
  },
  {
    id: 'uhc', label: 'UnitedHealthcare (commercial)',
    name: 'UnitedHealthcare', identifier: id('87726'),
    type: sopt('5', 'PRIVATE HEALTH INSURANCE'), plan: 'Choice Plus',
  },
  {
    id: 'medicaid', label: 'Medicaid (Ohio)',
    name: 'Ohio Department of Medicaid', identifier: [],
    type: sopt('2', 'MEDICAID'), plan: 'Ohio Medicaid',
  },
  {
    id: 'unknown', label: 'A payer stomacds does not know',
    name: 'Harbor Mutual Health Plan', identifier: id('H7731'),
    type: sopt('5', 'PRIVATE HEALTH INSURANCE'), plan: 'Harbor Select PPO',
  },
]);

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
 * A copy of the transaction Bundle with the payer replaced, or the same bundle for 'case'.
 * Throws when the bundle holds no Coverage to rewrite.
 */
export function withPayer(bundle, payerId) {
  if (!payerId || payerId === 'case') return bundle;
  const payer = PAYERS.find((p) => p.id === payerId);
  if (!payer) throw new Error(`unknown payer '${payerId}'`);
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
