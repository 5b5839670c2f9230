// A second FHIR client library against the secured server: fhir-kit-client (npm), as a JavaScript
// integrator would use it. Reads what a SMART client reads before it has a token (metadata,
// smart-configuration), is refused without a token, then with an access token creates a Patient,
// a Procedure and a Claim, searches, reads, and asks the terminology.
//
//   STOMACDS_ACCESS_TOKEN=<jwt> [STOMACDS_READ_ONLY_TOKEN=<jwt>] node fhir-client.mjs
//       --fhir-base http://127.0.0.1:PORT/fhir
//       [--issuer https://auth.example.org --token-endpoint https://auth.example.org/token]
//
// STOMACDS_ACCESS_TOKEN may read and write; STOMACDS_READ_ONLY_TOKEN, when given, only read (its
// write must be refused). Tokens come from the environment, never the command line (which other users can list), and
// is never printed. Exits 0 when every step passed, 1 otherwise; prints a line per step. Loopback
// only: the script refuses any other base.

import { Client } from 'fhir-kit-client';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const fhirBase = (args['fhir-base'] ?? '').replace(/\/$/, '');
const token = process.env.STOMACDS_ACCESS_TOKEN ?? '';
const readOnlyToken = process.env.STOMACDS_READ_ONLY_TOKEN ?? '';
if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\/fhir$/.test(fhirBase) || token === '') {
  console.error('usage: STOMACDS_ACCESS_TOKEN=... node fhir-client.mjs --fhir-base http://127.0.0.1:PORT/fhir'
    + ' [--issuer URL] [--token-endpoint URL]');
  process.exit(2);
}

const CPT = 'http://www.ama-assn.org/go/cpt';
const run = Math.random().toString(36).slice(2, 10);
let failed = false;

async function step(name, body) {
  try {
    await body();
    console.log(`PASS  ${name}`);
  } catch (e) {
    failed = true;
    // Messages only: an error object of the client carries the request, and with it the token.
    console.log(`FAIL  ${name}: ${e.message}`);
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

function statusOf(error) {
  return error?.response?.status;
}

const anonymous = new Client({ baseUrl: fhirBase });
const client = new Client({ baseUrl: fhirBase, bearerToken: token });

await step('metadata without a token: R4, SMART-on-FHIR security', async () => {
  const statement = await anonymous.capabilityStatement();
  check(statement.resourceType === 'CapabilityStatement', `got ${statement.resourceType}`);
  check(statement.fhirVersion === '4.0.1', `fhirVersion ${statement.fhirVersion}`);
  const codes = (statement.rest?.[0]?.security?.service ?? [])
    .flatMap((service) => service.coding ?? []).map((coding) => coding.code);
  check(codes.includes('SMART-on-FHIR'), `security services ${JSON.stringify(codes)}`);
  const operations = JSON.stringify(statement.rest?.[0] ?? {});
  check(!operations.includes('"expunge"'), 'the CapabilityStatement still lists $expunge');
});

await step('smart-configuration without a token', async () => {
  const smart = await anonymous.request('.well-known/smart-configuration',
    { options: { headers: { accept: 'application/json' } } });
  if (args.issuer) check(smart.issuer === args.issuer, `issuer ${smart.issuer}`);
  check(Array.isArray(smart.capabilities) && smart.capabilities.includes('permission-v2'),
    `capabilities ${JSON.stringify(smart.capabilities)}`);
  check(Array.isArray(smart.scopes_supported) && smart.scopes_supported.includes('system/*.rs'),
    'scopes_supported lacks system/*.rs');
  const auth = await anonymous.smartAuthMetadata();
  if (args['token-endpoint']) {
    check(String(auth.tokenUrl) === args['token-endpoint'], `token endpoint ${auth.tokenUrl}`);
  }
});

await step('a read without a token is refused with 401', async () => {
  try {
    await anonymous.search({ resourceType: 'Procedure', searchParams: { code: `${CPT}|44405` } });
    throw new Error('answered without a token');
  } catch (e) {
    check(statusOf(e) === 401, `status ${statusOf(e) ?? e.message}`);
  }
});

let patient;
let procedure;
let claim;

await step('create a Patient, a Procedure and a Claim with a token', async () => {
  patient = await client.create({
    resourceType: 'Patient',
    body: { resourceType: 'Patient', name: [{ family: `Kit${run}`, given: ['Fhir'] }], birthDate: '1961-04-02' },
  });
  check(patient.id, 'the Patient has no id');
  procedure = await client.create({
    resourceType: 'Procedure',
    body: {
      resourceType: 'Procedure',
      status: 'completed',
      code: { coding: [{ system: CPT, code: '44405' }] },
      subject: { reference: `Patient/${patient.id}` },
      performedDateTime: '2026-11-20',
      note: [{ text: 'Colonoscope passed through the colostomy. Stricture dilated with a 15 mm balloon, three inflations of 60 seconds.' }],
    },
  });
  check(procedure.id, 'the Procedure has no id');
  claim = await client.create({
    resourceType: 'Claim',
    body: {
      resourceType: 'Claim',
      status: 'active',
      use: 'claim',
      created: '2026-11-20',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
      patient: { reference: `Patient/${patient.id}` },
      provider: { reference: `Practitioner/kit${run}` },
      priority: { coding: [{ code: 'normal' }] },
      insurance: [{ sequence: 1, focal: true, coverage: { reference: `Coverage/kit${run}` } }],
      diagnosis: [{ sequence: 1, diagnosisCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'K94.03' }] } }],
      item: [{ sequence: 1, diagnosisSequence: [1], productOrService: { coding: [{ system: CPT, code: '44405' }] }, servicedDate: '2026-11-20' }],
    },
  });
  check(claim.id, 'the Claim has no id');
  const location = Client.httpFor(claim).response?.headers.get('location') ?? '';
  check(location.startsWith(`${fhirBase}/Claim/${claim.id}`), `Location ${location} is not under ${fhirBase}`);
});

await step('search Procedures of the Patient', async () => {
  const bundle = await client.search({
    resourceType: 'Procedure',
    searchParams: { subject: `Patient/${patient.id}`, code: `${CPT}|44405` },
  });
  check(bundle.resourceType === 'Bundle', `got ${bundle.resourceType}`);
  const ids = (bundle.entry ?? []).map((entry) => entry.resource.id);
  check(ids.length === 1 && ids[0] === procedure.id, `found ${JSON.stringify(ids)}`);
  const self = (bundle.link ?? []).find((link) => link.relation === 'self')?.url ?? '';
  check(self.startsWith(`${fhirBase}/Procedure`), `self link ${self} is not under ${fhirBase}`);
});

await step('read the Claim back', async () => {
  const read = await client.read({ resourceType: 'Claim', id: claim.id });
  check(read.item?.[0]?.productOrService?.coding?.[0]?.code === '44405', 'the Claim lost its line');
  check(read.patient?.reference === `Patient/${patient.id}`, `patient ${read.patient?.reference}`);
});

await step('terminology: $lookup of 44405 and $validate-code of K94.03', async () => {
  const lookup = await client.operation({
    name: '$lookup', resourceType: 'CodeSystem', method: 'GET', input: { system: CPT, code: '44405' },
  });
  check(lookup.resourceType === 'Parameters', `got ${lookup.resourceType}`);
  check((lookup.parameter ?? []).some((p) => p.name === 'display' && p.valueString), 'no display');
  const validated = await client.operation({
    name: '$validate-code',
    resourceType: 'ValueSet',
    input: {
      resourceType: 'Parameters',
      parameter: [
        { name: 'url', valueUri: 'https://stomacds.org/fhir/ValueSet/cpt-44405-supporting-diagnoses' },
        { name: 'system', valueUri: 'http://hl7.org/fhir/sid/icd-10-cm' },
        { name: 'code', valueCode: 'K94.03' },
      ],
    },
  });
  const result = (validated.parameter ?? []).find((p) => p.name === 'result');
  check(result?.valueBoolean === true, `$validate-code result ${JSON.stringify(result)}`);
});

await step('a made-up token is refused with 401', async () => {
  try {
    await new Client({ baseUrl: fhirBase, bearerToken: 'not-a-token' })
      .read({ resourceType: 'Claim', id: claim.id });
    throw new Error('a made-up token was accepted');
  } catch (e) {
    check(statusOf(e) === 401, `status ${statusOf(e) ?? e.message}`);
  }
});

if (readOnlyToken !== '') {
  await step('a write with a token that may only read is refused with 403', async () => {
    try {
      await new Client({ baseUrl: fhirBase, bearerToken: readOnlyToken })
        .create({ resourceType: 'Patient', body: { resourceType: 'Patient' } });
      throw new Error('a read-only token wrote');
    } catch (e) {
      check(statusOf(e) === 403, `status ${statusOf(e) ?? e.message}`);
      check(e.response?.data?.resourceType === 'OperationOutcome', 'the 403 has no OperationOutcome');
    }
  });
}

console.log(failed ? 'fhir-kit-client: FAILED' : 'fhir-kit-client: all steps passed');
process.exit(failed ? 1 : 0);
