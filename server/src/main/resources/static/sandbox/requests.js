// Building the CDS Hooks request a sandbox run sends: from a fixture case's request template, or a
// spec-shaped one for pasted data. No DOM here (the unit tests run it in Node).

const RESOURCE = /"\{\{resource:([^}"]+)\}\}"/g;
const PREFETCH_KEY = /"\{\{prefetch:([A-Za-z0-9_]+)\}\}"/g;
const LEFT_OVER = /\{\{[A-Za-z][A-Za-z0-9:/._-]*\}\}/;
const TOKEN = /\{\{([A-Za-z.]+)\}\}/g;

/** The resources of a Bundle by relative reference ("Claim/x"). */
export function resourcesByReference(bundle) {
  const byReference = new Map();
  for (const entry of bundle?.entry ?? []) {
    const r = entry?.resource;
    if (r?.resourceType && r?.id) byReference.set(`${r.resourceType}/${r.id}`, r);
  }
  return byReference;
}

/**
 * Fills a fixture request template the way the fixtures' harness does (fixtures/README.md,
 * "Request templates"). Filling is textual: a template may be deliberately malformed JSON, and is
 * then sent as it is.
 *
 * @param template the template text
 * @param values {fhirServer, hookInstance, resources (Map by reference), prefetch}: prefetch is an
 *     async (context, key|null) => object of prefetch values, asked only when the template has a
 *     prefetch placeholder
 * @returns the request body as text
 */
export async function fillTemplate(template, { fhirServer, hookInstance, resources, prefetch }) {
  let text = template.replace(RESOURCE, (whole, reference) => {
    const found = resources.get(reference);
    if (!found) throw new Error(`{{resource:${reference}}} names no resource of the case`);
    return JSON.stringify(found);
  });
  text = text.split('{{fhirServer}}').join(fhirServer);
  text = text.split('{{hookInstance}}').join(hookInstance);
  // The sandbox holds no FHIR access token: the service reads our store without one (demo).
  text = text.split('"{{fhirAuthorization}}"').join('null');
  const whole = text.includes('"{{prefetch}}"');
  const keyed = new RegExp(PREFETCH_KEY.source).test(text);
  if (whole || keyed) {
    let context;
    try {
      const probe = text.split('"{{prefetch}}"').join('null').replace(PREFETCH_KEY, 'null');
      context = JSON.parse(probe).context ?? {};
    } catch {
      throw new Error('a template with a prefetch placeholder must be JSON');
    }
    if (whole) text = text.split('"{{prefetch}}"').join(JSON.stringify(await prefetch(context, null)));
    const keys = [...text.matchAll(PREFETCH_KEY)].map((m) => m[1]);
    for (const key of keys) {
      const value = (await prefetch(context, key))[key];
      text = text.split(`"{{prefetch:${key}}}"`).join(JSON.stringify(value ?? null));
    }
  }
  const left = LEFT_OVER.exec(text);
  if (left) throw new Error(`unknown placeholder ${left[0]} in the request template`);
  return text;
}

/**
 * A prefetch template with the request's context filled in, or null when a token has no value
 * ({{context.patientId}}, {{userPractitionerId}}, ...).
 */
export function resolvePrefetchTemplate(template, context) {
  let missing = false;
  const filled = template.replace(TOKEN, (whole, name) => {
    const value = token(name, context ?? {});
    if (value === null || value === '') missing = true;
    return encodeURIComponent(value ?? '').replace(/%2F/g, '/');
  });
  return missing ? null : filled;
}

function token(name, context) {
  if (name.startsWith('context.')) {
    const value = context[name.slice('context.'.length)];
    return typeof value === 'string' ? value : null;
  }
  const userId = typeof context.userId === 'string' ? context.userId : null;
  const prefix = {
    userPractitionerId: 'Practitioner/', userPractitionerRoleId: 'PractitionerRole/',
    userPatientId: 'Patient/', userRelatedPersonId: 'RelatedPerson/',
  }[name];
  return prefix && userId?.startsWith(prefix) ? userId.slice(prefix.length) : null;
}

/**
 * Prefetch values as an EHR would send them: each template of the service resolved with the
 * context and read from the FHIR server. A read that finds nothing is null; a key whose token the
 * context lacks is left out.
 *
 * @param service the service as discovery describes it ({prefetch: {key: template}})
 * @param read async (relative FHIR URL) => {status, json}
 * @param only one key, or null for all
 */
export async function prefetchValues(service, context, read, only = null) {
  const values = {};
  for (const [key, template] of Object.entries(service?.prefetch ?? {})) {
    if (only && key !== only) continue;
    const query = resolvePrefetchTemplate(template, context);
    if (query === null) continue;
    const answer = await read(query);
    if (answer.status === 404 || answer.status === 410) values[key] = null;
    else if (answer.status >= 200 && answer.status < 300) values[key] = answer.json;
    else throw new Error(`prefetch '${key}' (${query}) failed: HTTP ${answer.status}`);
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// Pasted data

const PASTABLE = ['Claim', 'Procedure', 'Bundle'];
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * Reads pasted text as a Claim, a Procedure or a Bundle and turns it into a transaction Bundle
 * (PUT for resources with an id, so loading twice changes nothing; POST for the others).
 * Throws an Error saying what is wrong and where.
 */
export function pastedTransaction(text) {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new Error('Paste a FHIR R4 Claim, Procedure or Bundle as JSON.');
  }
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`The pasted text is not JSON: ${e.message}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('The pasted JSON must be one FHIR resource (an object with resourceType).');
  }
  if (!PASTABLE.includes(data.resourceType)) {
    throw new Error(`Paste a Claim, a Procedure or a Bundle; this is ${data.resourceType ? `a ${data.resourceType}` : 'not a FHIR resource (no resourceType)'}.`);
  }
  const entries = data.resourceType === 'Bundle' ? bundleEntries(data) : [{ resource: data }];
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: entries.map(({ resource, fullUrl }, index) => {
      if (!resource || typeof resource !== 'object' || typeof resource.resourceType !== 'string') {
        throw new Error(`entry[${index}] has no resource with a resourceType`);
      }
      if (resource.id !== undefined && !FHIR_ID.test(String(resource.id))) {
        throw new Error(`entry[${index}]: '${String(resource.id).slice(0, 70)}' is not a FHIR id (letters, digits, '-' and '.', up to 64)`);
      }
      const request = resource.id
        ? { method: 'PUT', url: `${resource.resourceType}/${resource.id}` }
        : { method: 'POST', url: resource.resourceType };
      return { ...(fullUrl ? { fullUrl } : {}), resource, request };
    }),
  };
}

function bundleEntries(bundle) {
  if (!Array.isArray(bundle.entry) || bundle.entry.length === 0) {
    throw new Error('The pasted Bundle has no entries.');
  }
  return bundle.entry.map((e, i) => {
    if (!e || typeof e !== 'object') throw new Error(`entry[${i}] is not an object`);
    return { resource: e.resource, fullUrl: typeof e.fullUrl === 'string' ? e.fullUrl : undefined };
  });
}

function idOf(reference, type) {
  if (typeof reference !== 'string') return null;
  const m = new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$`).exec(reference);
  return m ? m[1] : null;
}

/**
 * A spec-shaped CDS Hooks request for pasted data (already loaded, so `resources` carry their
 * server ids), naming our FHIR server so the service reads what it needs from there.
 * Throws an Error when the data lacks what the hook's context needs.
 */
export function specRequest(hook, resources, { fhirServer, hookInstance }) {
  const of = (type) => resources.filter((r) => r?.resourceType === type);
  const procedures = of('Procedure');
  const claims = of('Claim');
  const orders = of('ServiceRequest');
  const first = (values) => values.find((v) => v) ?? null;
  const patientId = first([
    ...orders.map((r) => idOf(r.subject?.reference, 'Patient')),
    ...procedures.map((r) => idOf(r.subject?.reference, 'Patient')),
    ...claims.map((r) => idOf(r.patient?.reference, 'Patient')),
    ...of('Patient').map((r) => r.id),
  ]);
  const encounterId = first([
    ...procedures.map((r) => idOf(r.encounter?.reference, 'Encounter')),
    ...claims.flatMap((r) => (r.item ?? []).flatMap((i) => (i?.encounter ?? []).map((e) => idOf(e?.reference, 'Encounter')))),
    ...orders.map((r) => idOf(r.encounter?.reference, 'Encounter')),
    ...of('Encounter').map((r) => r.id),
  ]);
  const practitionerId = first([
    ...orders.map((r) => idOf(r.requester?.reference, 'Practitioner')),
    ...procedures.flatMap((r) => (r.performer ?? []).map((p) => idOf(p?.actor?.reference, 'Practitioner'))),
    ...claims.map((r) => idOf(r.provider?.reference, 'Practitioner')),
    ...of('Practitioner').map((r) => r.id),
  ]);
  if (!patientId) {
    throw new Error('The data names no patient (Procedure.subject, Claim.patient or ServiceRequest.subject): every hook needs context.patientId.');
  }
  const context = { userId: `Practitioner/${practitionerId ?? 'sandbox-user'}`, patientId };
  if (hook === 'encounter-discharge') {
    if (!encounterId) {
      throw new Error('encounter-discharge needs an encounter: the data names none (Procedure.encounter, Claim.item.encounter or an Encounter).');
    }
    context.encounterId = encounterId;
  } else if (hook === 'order-select' || hook === 'order-sign') {
    if (orders.length === 0) {
      throw new Error(`${hook} needs the draft orders: paste a Bundle with the ServiceRequest(s) being ordered.`);
    }
    if (encounterId) context.encounterId = encounterId;
    context.draftOrders = { resourceType: 'Bundle', type: 'collection', entry: orders.map((resource) => ({ resource })) };
    if (hook === 'order-select') context.selections = orders.map((r) => `ServiceRequest/${r.id}`);
  } else {
    throw new Error(`unknown hook '${hook}'`);
  }
  return { hookInstance, hook, fhirServer, context };
}
