// Doing what an EHR does when a user accepts a suggestion: apply its actions to the FHIR server,
// then tell the service (CDS Hooks feedback). No DOM here.

import { problem } from '/ui/http.js';

const FHIR = '/fhir';
const REFERENCE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

/**
 * Applies the actions in order: create → POST, update → PUT (with If-Match on the version the
 * resource carries, so an update built on an older version is refused rather than undoing another
 * change), delete → DELETE. Stops at the first failure.
 *
 * @param call the HTTP function of /ui/http.js
 * @returns one line per action saying what was done
 * @throws Error saying which action failed and why
 */
export async function applyActions(actions, call) {
  const done = [];
  for (const [index, action] of (Array.isArray(actions) ? actions : []).entries()) {
    const what = `action ${index + 1} (${action?.type ?? 'no type'})`;
    if (action?.type === 'create') {
      const resource = resourceOf(action, what);
      const body = { ...resource };
      delete body.id; // the server gives a created resource its id
      delete body.meta;
      const answer = await call('POST', `${FHIR}/${resource.resourceType}`, { body, contentType: 'application/fhir+json' });
      if (!answer.ok) throw new Error(`Could not create the ${resource.resourceType} (${what}): ${problem(answer)}`);
      done.push(`${created(answer, resource.resourceType)} created`);
    } else if (action?.type === 'update') {
      const resource = resourceOf(action, what);
      if (!resource.id) throw new Error(`${what}: the ${resource.resourceType} to update has no id`);
      const reference = `${resource.resourceType}/${resource.id}`;
      if (!REFERENCE.test(reference)) throw new Error(`${what}: '${reference}' is not a FHIR reference`);
      const version = resource.meta?.versionId;
      const headers = version ? { 'If-Match': `W/"${version}"` } : {};
      const answer = await call('PUT', `${FHIR}/${reference}`, { body: resource, headers, contentType: 'application/fhir+json' });
      if (answer.status === 412 || answer.status === 409) {
        throw new Error(`The FHIR server refused the update of ${reference}: it changed since this card was issued (another fix?). Fire the hook again for fresh cards.`);
      }
      if (!answer.ok) throw new Error(`Could not update ${reference}: ${problem(answer)}`);
      const now = answer.json?.meta?.versionId;
      done.push(`${reference} updated${now ? ` (now version ${now})` : ''}`);
    } else if (action?.type === 'delete') {
      const references = Array.isArray(action.resourceId) ? action.resourceId
        : action.resource?.resourceType && action.resource?.id ? [`${action.resource.resourceType}/${action.resource.id}`] : [];
      if (references.length === 0) throw new Error(`${what}: names nothing to delete`);
      for (const reference of references) {
        if (typeof reference !== 'string' || !REFERENCE.test(reference)) {
          throw new Error(`${what}: '${String(reference).slice(0, 80)}' is not a FHIR reference`);
        }
        const answer = await call('DELETE', `${FHIR}/${reference}`);
        if (!answer.ok) throw new Error(`Could not delete ${reference}: ${problem(answer)}`);
        done.push(`${reference} deleted`);
      }
    } else {
      throw new Error(`${what}: the sandbox does not know how to apply it`);
    }
  }
  return done;
}

function resourceOf(action, what) {
  const resource = action.resource;
  if (!resource || typeof resource !== 'object' || typeof resource.resourceType !== 'string' || !/^[A-Z][A-Za-z]+$/.test(resource.resourceType)) {
    throw new Error(`${what}: carries no FHIR resource`);
  }
  return resource;
}

function created(answer, type) {
  const location = answer.headers?.get?.('Location') ?? answer.headers?.get?.('Content-Location');
  const m = location && /([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(location);
  if (m) return m[1];
  return answer.json?.id ? `${type}/${answer.json.id}` : `a ${type}`;
}

/**
 * Sends one feedback entry to the service.
 *
 * @param entry {card, outcome, acceptedSuggestions?, overrideReason?}
 * @throws Error when the service does not store it
 */
export async function sendFeedback(serviceId, entry, call) {
  const body = { feedback: [{ ...entry, outcomeTimestamp: new Date().toISOString() }] };
  const answer = await call('POST', `/cds-services/${encodeURIComponent(serviceId)}/feedback`, { body });
  if (!answer.ok) throw new Error(`The feedback was not taken: ${problem(answer)}`);
  return answer.json;
}
