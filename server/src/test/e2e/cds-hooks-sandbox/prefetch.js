// How the public CDS Hooks Sandbox (https://sandbox.cds-hooks.org) fills a service's prefetch
// templates and fetches them. Our own code, written from a reading of the sandbox's source
// (github.com/cds-hooks/sandbox, src/retrieve-data-helpers/service-exchange.js, and the
// query-string 5.1 package it parses queries with), so a test can meet the sandbox's quirks:
//
//  1. {{context.patientId}}, {{context.userId}} and {{user}} become the current patient and user;
//  2. {{context.NAME}} becomes the hook context's NAME when that is a string, number or boolean;
//     any other token (e.g. {{context.encounterId}}: the sandbox's order hooks send no encounter)
//     is left as it is;
//  3. {{userPractitionerId}} (and ...RoleId, ...PatientId, ...RelatedPersonId) from userId;
//  4. {{today()}} and {{today() - N days}} become dates;
//  5. the query is rewritten: parameters sorted by name, a repeated parameter merged into one
//     whose values are joined with a comma (`_include=A&_include=B` becomes `_include=A,B`), and
//     each value percent-encoded, braces included;
//  6. a template still showing {{...}} after that is not fetched. Because step 5 encoded the
//     braces of a query, only an instance read (`Encounter/{{context.encounterId}}`) is skipped; a
//     search sends its unfilled token to the FHIR server as text;
//  7. a search is POSTed to [base]/[type]/_search as a form, and sent again as a GET when that
//     fails; a read is a GET. A key whose fetch failed is left out of the prefetch.
// Runs in the browser and in Node (the unit tests).

const TOKEN = /\{\{[^}]+}}/;

function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function dates(text, now) {
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  return text
    .replace(/\{\{\s*today\(\)\s*}}/gi, isoDate(today))
    .replace(/\{\{\s*today\(\)\s*([+-])\s*(\d+)\s*days?\s*}}/gi, (all, sign, count) => {
      const day = new Date(today);
      day.setDate(day.getDate() + (sign === '-' ? -1 : 1) * (Number.parseInt(count, 10) || 0));
      return isoDate(day);
    });
}

function userIds(userId) {
  const [type, id, ...rest] = typeof userId === 'string' ? userId.split('/') : [];
  if (!id || rest.length) return {};
  const name = {
    Practitioner: 'userPractitionerId',
    PractitionerRole: 'userPractitionerRoleId',
    Patient: 'userPatientId',
    RelatedPerson: 'userRelatedPersonId',
  }[type];
  return name ? { [name]: id } : {};
}

function decodeLeniently(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Parses a query as query-string 5 does: '+' is a space, a parameter without '=' has the value
 * null, a repeated name collects its values in an array; names come back sorted.
 */
export function parseQuery(query) {
  const found = new Map();
  const text = query.trim().replace(/^[?#&]/, '');
  if (text) {
    for (const part of text.split('&')) {
      const [rawName, ...rawValue] = part.replace(/\+/g, ' ').split('=');
      const name = decodeLeniently(rawName);
      const value = rawValue.length ? decodeLeniently(rawValue.join('=')) : null;
      found.set(name, found.has(name) ? [].concat(found.get(name), value) : value);
    }
  }
  return [...found.keys()].sort().map((name) => [name, found.get(name)]);
}

/** Step 5: the query's values percent-encoded, repeated parameters joined with a comma. */
export function encodeQueryValues(template) {
  const parts = template.split('?');
  if (parts.length < 2) return template;
  // An array turns into its values joined with commas, and null into "null", as in the sandbox.
  parts[1] = parseQuery(parts[1])
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('&');
  return parts.join('?');
}

/** Steps 1 to 5 for one template. */
export function fillTemplate(template, context, now = Date.now()) {
  let text = String(template ?? '');
  if (context.patientId) text = text.replace(/\{\{\s*context\.patientId\s*}}/g, context.patientId);
  if (context.userId) {
    text = text.replace(/\{\{\s*user\s*}}/g, context.userId);
    text = text.replace(/\{\{\s*context\.userId\s*}}/g, context.userId);
  }
  text = text.replace(/\{\{\s*context\.([A-Za-z0-9_]+)\s*}}/g, (token, name) => {
    const value = context[name];
    return ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : token;
  });
  const ids = userIds(context.userId);
  for (const name of ['userPractitionerId', 'userPractitionerRoleId', 'userPatientId', 'userRelatedPersonId']) {
    text = text.replace(new RegExp(`\\{\\{\\s*${name}\\s*}}`, 'g'), ids[name] ?? `{{${name}}}`);
  }
  return encodeQueryValues(dates(text, now));
}

/** Whether the sandbox would skip this filled template (step 6). */
export function isSkipped(filled) {
  return !filled || TOKEN.test(filled);
}

/**
 * The requests the sandbox sends for one filled template (step 7): the first, and the one it sends
 * when the first fails.
 */
export function requestsFor(base, filled) {
  const [path, query] = filled.split('?');
  if (!query) return [{ method: 'GET', url: `${base}/${path}` }];
  const form = new URLSearchParams(query).toString();
  return [
    { method: 'POST', url: `${base}/${path}/_search`, form },
    { method: 'GET', url: `${base}/${path}?${form}` },
  ];
}

/**
 * Fetches a service's prefetch as the sandbox does. `send({ key, template, filled, method, url,
 * form })` performs one request and answers `{ status, json }`; every request and its status is
 * reported to `log`.
 */
export async function fetchPrefetch(service, context, base, send, log = () => {}) {
  const prefetch = {};
  await Promise.all(Object.entries(service.prefetch ?? {}).map(async ([key, template]) => {
    const filled = fillTemplate(template, context);
    if (isSkipped(filled)) {
      log({ key, template, filled, skipped: true });
      return;
    }
    for (const request of requestsFor(base, filled)) {
      const answer = await send({ key, template, filled, ...request });
      log({ key, template, filled, ...request, status: answer.status });
      if (answer.status >= 200 && answer.status < 300) {
        if (answer.json && Object.keys(answer.json).length) prefetch[key] = answer.json;
        return;
      }
      if (request.method === 'GET') return;
    }
  }));
  return prefetch;
}
