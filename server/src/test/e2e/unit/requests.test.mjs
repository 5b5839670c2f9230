// Unit tests of the sandbox's request building and payer rewriting (static/sandbox/*.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fillTemplate, pastedTransaction, prefetchValues, resolvePrefetchTemplate, resourcesByReference, specRequest,
} from '../../../main/resources/static/sandbox/requests.js';
import { describePayer, withPayer } from '../../../main/resources/static/sandbox/payers.js';

const bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    { resource: { resourceType: 'Patient', id: 'p1' }, request: { method: 'PUT', url: 'Patient/p1' } },
    { resource: { resourceType: 'Organization', id: 'payer', name: 'Novitas Solutions', alias: ['Novitas'] } },
    { resource: { resourceType: 'Organization', id: 'hospital', name: 'Mercy General Hospital' } },
    {
      resource: {
        resourceType: 'Coverage', id: 'cov', payor: [{ reference: 'Organization/payer' }],
        type: { coding: [{ system: 'https://nahdo.org/sopt', code: '121' }] },
        class: [{ type: { coding: [{ code: 'plan' }] }, value: 'X', name: 'Medicare Part B' }],
      },
    },
    { resource: { resourceType: 'ServiceRequest', id: 'sr1', subject: { reference: 'Patient/p1' } } },
  ],
};

test('fills the fixture placeholders, quoted ones replacing their quotes', async () => {
  const template = '{"hookInstance":"{{hookInstance}}","fhirServer":"{{fhirServer}}","fhirAuthorization":"{{fhirAuthorization}}","context":{"patientId":"p1","draftOrders":{"resourceType":"Bundle","entry":[{"resource":"{{resource:ServiceRequest/sr1}}"}]}}}';
  const text = await fillTemplate(template, {
    fhirServer: 'http://127.0.0.1:1/fhir', hookInstance: 'h-1', resources: resourcesByReference(bundle), prefetch: () => assert.fail('no prefetch asked'),
  });
  const request = JSON.parse(text);
  assert.equal(request.hookInstance, 'h-1');
  assert.equal(request.fhirServer, 'http://127.0.0.1:1/fhir');
  assert.equal(request.fhirAuthorization, null);
  assert.deepEqual(request.context.draftOrders.entry[0].resource, bundle.entry[4].resource);
});

test('fills prefetch from the service templates and the request context', async () => {
  const template = '{"hook":"order-select","context":{"patientId":"p1","userId":"Practitioner/d1"},"prefetch":"{{prefetch}}"}';
  const service = { prefetch: { patient: 'Patient/{{context.patientId}}', me: 'Practitioner/{{userPractitionerId}}', enc: 'Encounter?_id={{context.encounterId}}' } };
  const reads = [];
  const read = async (query) => { reads.push(query); return query.startsWith('Patient') ? { status: 200, json: { resourceType: 'Patient', id: 'p1' } } : { status: 404, json: null }; };
  const text = await fillTemplate(template, {
    fhirServer: 'x', hookInstance: 'h', resources: new Map(), prefetch: (context, key) => prefetchValues(service, context, read, key),
  });
  const request = JSON.parse(text);
  assert.deepEqual(reads, ['Patient/p1', 'Practitioner/d1']);
  assert.deepEqual(request.prefetch, { patient: { resourceType: 'Patient', id: 'p1' }, me: null });
});

test('a malformed template is sent as it is, an unknown placeholder is an error', async () => {
  const values = { fhirServer: 'x', hookInstance: 'h', resources: new Map(), prefetch: () => ({}) };
  assert.equal(await fillTemplate('{"hook": "encounter-discharge", ', values), '{"hook": "encounter-discharge", ');
  await assert.rejects(fillTemplate('{"a":"{{nope}}"}', values), /unknown placeholder \{\{nope\}\}/);
  await assert.rejects(fillTemplate('{"a":"{{resource:Claim/none}}"}', values), /names no resource/);
});

test('prefetch tokens are filled, a missing one leaves the key out', () => {
  assert.equal(resolvePrefetchTemplate('Claim?encounter={{context.encounterId}}', { encounterId: 'e1' }), 'Claim?encounter=e1');
  assert.equal(resolvePrefetchTemplate('Claim?encounter={{context.encounterId}}', {}), null);
  assert.equal(resolvePrefetchTemplate('Practitioner/{{userPractitionerId}}', { userId: 'PractitionerRole/r' }), null);
});

test('pasted data becomes a transaction; bad data gets a clear message', () => {
  const claim = pastedTransaction('{"resourceType":"Claim","id":"c1","patient":{"reference":"Patient/p"}}');
  assert.deepEqual(claim.entry[0].request, { method: 'PUT', url: 'Claim/c1' });
  const noId = pastedTransaction('{"resourceType":"Procedure","status":"completed"}');
  assert.deepEqual(noId.entry[0].request, { method: 'POST', url: 'Procedure' });
  const collection = pastedTransaction(JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:1', resource: { resourceType: 'Patient' } }] }));
  assert.equal(collection.type, 'transaction');
  assert.equal(collection.entry[0].fullUrl, 'urn:uuid:1');
  assert.throws(() => pastedTransaction(''), /Paste a FHIR R4 Claim/);
  assert.throws(() => pastedTransaction('{"resourceType":'), /not JSON/);
  assert.throws(() => pastedTransaction('[]'), /one FHIR resource/);
  assert.throws(() => pastedTransaction('{"resourceType":"Patient"}'), /this is a Patient/);
  assert.throws(() => pastedTransaction('{"resourceType":"Claim","id":"bad id!"}'), /not a FHIR id/);
  assert.throws(() => pastedTransaction('{"resourceType":"Bundle","entry":[]}'), /no entries/);
});

test('spec-shaped requests take their context from the data', () => {
  const resources = [
    { resourceType: 'Procedure', id: 'pr', subject: { reference: 'Patient/p1' }, encounter: { reference: 'Encounter/e1' }, performer: [{ actor: { reference: 'Practitioner/d1' } }] },
    { resourceType: 'ServiceRequest', id: 'sr1', subject: { reference: 'Patient/p1' } },
  ];
  const discharge = specRequest('encounter-discharge', resources, { fhirServer: 'F', hookInstance: 'H' });
  assert.deepEqual(discharge, { hookInstance: 'H', hook: 'encounter-discharge', fhirServer: 'F', context: { userId: 'Practitioner/d1', patientId: 'p1', encounterId: 'e1' } });
  const select = specRequest('order-select', resources, { fhirServer: 'F', hookInstance: 'H' });
  assert.deepEqual(select.context.selections, ['ServiceRequest/sr1']);
  assert.equal(select.context.draftOrders.entry[0].resource.id, 'sr1');
  assert.throws(() => specRequest('order-sign', [resources[0]], { fhirServer: 'F', hookInstance: 'H' }), /needs the draft orders/);
  assert.throws(() => specRequest('encounter-discharge', [{ resourceType: 'Claim', id: 'c', patient: { reference: 'Patient/p' } }], {}), /needs an encounter/);
  assert.throws(() => specRequest('encounter-discharge', [{ resourceType: 'Claim', id: 'c' }], {}), /names no patient/);
});

// An entry of GET /sandbox/api/payers, as the application answers it.
const CIGNA = {
  id: 'cigna-commercial', label: 'Cigna (commercial)', name: 'Cigna',
  identifier: [{ system: 'https://stomacds.org/fixtures/payer-id', value: '62308' }],
  type: { coding: [{ system: 'https://nahdo.org/sopt', code: '5' }] }, plan: 'commercial plan',
  key: 'CIGNA', licensee: null, lineOfBusiness: 'COMMERCIAL',
};

test('choosing a payer rewrites the payer Organization and the Coverage, not other Organizations', () => {
  const cigna = withPayer(bundle, CIGNA);
  const [, payer, hospital, coverage] = cigna.entry.map((e) => e.resource);
  assert.equal(payer.name, 'Cigna');
  assert.equal(payer.alias, undefined);
  assert.deepEqual(payer.identifier, [{ system: 'https://stomacds.org/fixtures/payer-id', value: '62308' }]);
  assert.equal(hospital.name, 'Mercy General Hospital');
  assert.equal(coverage.type.coding[0].code, '5');
  assert.equal(coverage.class[0].name, 'commercial plan');
  assert.equal(bundle.entry[1].resource.name, 'Novitas Solutions', 'the case itself is untouched');
  assert.notEqual(coverage.type, CIGNA.type, 'the payer option itself is not shared with the case');
  assert.equal(describePayer(cigna), 'Cigna, commercial plan');
  assert.equal(withPayer(bundle, null), bundle);
  assert.throws(() => withPayer({ entry: [] }, CIGNA), /no Coverage/);
});

test('a payer without identifiers removes the case payer\'s own', () => {
  const cigna = withPayer(bundle, CIGNA);
  assert.equal(cigna.entry[1].resource.identifier.length, 1);
  const medicare = withPayer(cigna, { ...CIGNA, name: 'Medicare', identifier: [] });
  assert.equal(medicare.entry[1].resource.identifier, undefined);
});
