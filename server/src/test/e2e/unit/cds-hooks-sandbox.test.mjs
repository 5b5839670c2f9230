// Unit tests of the CDS Hooks Sandbox stand-in (../cds-hooks-sandbox/): that it fills prefetch
// templates, fetches them and signs its JWT the way the public sandbox does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  encodeQueryValues, fetchPrefetch, fillTemplate, isSkipped, parseQuery, requestsFor,
} from '../cds-hooks-sandbox/prefetch.js';
import { SANDBOX_ISS, SANDBOX_JKU, sandboxJwt } from '../cds-hooks-sandbox/jwt.js';

const context = { patientId: 'p1', userId: 'Practitioner/d1', selections: ['ServiceRequest/x'] };

test('a repeated parameter becomes one, its values joined with a comma; names come sorted', () => {
  assert.deepEqual(parseQuery('b=2&a=x+y&b=3&c'), [['a', 'x y'], ['b', ['2', '3']], ['c', null]]);
  assert.equal(
    encodeQueryValues('Encounter?_id=e1&_include=Encounter:location&_include=Encounter:service-provider'),
    'Encounter?_id=e1&_include=Encounter%3Alocation%2CEncounter%3Aservice-provider',
  );
  assert.equal(encodeQueryValues('Patient/p1'), 'Patient/p1');
});

test('a context token it cannot fill stays in a search as encoded text, and the search is sent', () => {
  const filled = fillTemplate(
    'Encounter?_id={{context.encounterId}}&_include=Encounter:location&_include=Encounter:service-provider',
    context,
  );
  assert.equal(filled, 'Encounter?_id=%7B%7Bcontext.encounterId%7D%7D&_include=Encounter%3Alocation%2CEncounter%3Aservice-provider');
  assert.equal(isSkipped(filled), false);
  assert.deepEqual(requestsFor('http://f/fhir', filled), [
    { method: 'POST', url: 'http://f/fhir/Encounter/_search', form: '_id=%7B%7Bcontext.encounterId%7D%7D&_include=Encounter%3Alocation%2CEncounter%3Aservice-provider' },
    { method: 'GET', url: 'http://f/fhir/Encounter?_id=%7B%7Bcontext.encounterId%7D%7D&_include=Encounter%3Alocation%2CEncounter%3Aservice-provider' },
  ]);
});

test('a read with a token it cannot fill is not fetched', () => {
  assert.equal(isSkipped(fillTemplate('Encounter/{{context.encounterId}}', context)), true);
  assert.equal(isSkipped(fillTemplate('Patient/{{context.patientId}}', context)), false);
});

test('patient, user, primitive context values and dates are filled; objects are not', () => {
  assert.equal(fillTemplate('Patient/{{context.patientId}}', context), 'Patient/p1');
  assert.equal(fillTemplate('Practitioner/{{userPractitionerId}}', context), 'Practitioner/d1');
  assert.equal(fillTemplate('Coverage?patient={{context.patientId}}&_include=Coverage:payor', context),
    'Coverage?_include=Coverage%3Apayor&patient=p1');
  assert.equal(fillTemplate('X?s={{context.selections}}', context), 'X?s=%7B%7Bcontext.selections%7D%7D');
  const now = new Date(2026, 0, 31, 15, 0).getTime();
  assert.equal(fillTemplate('Observation?date=ge{{today() - 30 days}}', context, now), 'Observation?date=ge2026-01-01');
});

test('a failed POST search is sent again as a GET; a failed read and an empty answer are left out', async () => {
  const sent = [];
  const send = async (r) => {
    sent.push(`${r.key} ${r.method} ${r.url}`);
    if (r.key === 'coverage') return r.method === 'POST' ? { status: 400, json: {} } : { status: 200, json: { resourceType: 'Bundle' } };
    if (r.key === 'patient') return { status: 200, json: { resourceType: 'Patient', id: 'p1' } };
    if (r.key === 'empty') return { status: 200, json: {} };
    return { status: 404, json: null };
  };
  const service = {
    prefetch: {
      patient: 'Patient/{{context.patientId}}',
      coverage: 'Coverage?patient={{context.patientId}}',
      empty: 'Condition?patient={{context.patientId}}',
      missing: 'Practitioner/x',
      encounter: 'Encounter/{{context.encounterId}}',
    },
  };
  const prefetch = await fetchPrefetch(service, context, 'http://f', send);
  assert.deepEqual(Object.keys(prefetch).sort(), ['coverage', 'patient']);
  assert.deepEqual(sent.sort(), [
    'coverage GET http://f/Coverage?patient=p1',
    'coverage POST http://f/Coverage/_search',
    'empty POST http://f/Condition/_search',
    'missing GET http://f/Practitioner/x',
    'patient GET http://f/Patient/p1',
  ]);
});

function decode(part) {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

test('the JWT has the sandbox header and claims, no sub, and verifies with the public key', async () => {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign', 'verify']);
  const now = Date.UTC(2026, 10, 20, 10, 0, 0);
  const token = await sandboxJwt('http://127.0.0.1:1/cds-services/x', pair.privateKey, 'k1', now);
  const [header, claims, signature] = token.split('.');

  assert.deepEqual(decode(header), { alg: 'ES384', typ: 'JWT', kid: 'k1', jku: SANDBOX_JKU });
  const body = decode(claims);
  assert.deepEqual(Object.keys(body), ['iss', 'aud', 'exp', 'iat', 'jti']);
  assert.equal(body.iss, SANDBOX_ISS);
  assert.equal(body.aud, 'http://127.0.0.1:1/cds-services/x');
  assert.equal(body.exp - body.iat, 300);
  assert.equal(body.iat, now / 1000);
  assert.match(body.jti, /^[0-9a-f-]{36}$/);
  const valid = await crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-384' }, pair.publicKey, Buffer.from(signature, 'base64url'),
    new TextEncoder().encode(`${header}.${claims}`),
  );
  assert.equal(valid, true);
});
