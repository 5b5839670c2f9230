// Calls to this application's own endpoints (same origin; the page's policy allows no other).

/**
 * One HTTP exchange. Resolves with {status, ok, text, json, headers, ms} whatever the status;
 * rejects only when the server cannot be reached.
 */
export async function call(method, url, { body, headers = {}, contentType } = {}) {
  const init = { method, headers: { Accept: 'application/json, application/fhir+json', ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers['Content-Type'] = contentType ?? 'application/json';
  }
  const started = performance.now();
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new Error(`${method} ${url} could not reach the server (${e.message})`);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return {
    status: response.status,
    ok: response.ok,
    text,
    json,
    headers: response.headers,
    ms: Math.round(performance.now() - started),
  };
}

/** GET a JSON document; throws an Error saying what failed when the answer is not 2xx JSON. */
export async function getJson(url) {
  const answer = await call('GET', url);
  if (!answer.ok || answer.json === null) throw new Error(`GET ${url}: ${problem(answer)}`);
  return answer.json;
}

/**
 * What went wrong, in a line: the CDS Hooks error body, a FHIR OperationOutcome's diagnostics, or
 * the status.
 */
export function problem(answer) {
  const body = answer.json;
  if (body && typeof body === 'object') {
    if (body.resourceType === 'OperationOutcome' && Array.isArray(body.issue)) {
      const said = body.issue.map((i) => i.diagnostics ?? i.details?.text ?? i.code).filter(Boolean);
      if (said.length) return `HTTP ${answer.status}: ${said.join('; ')}`;
    }
    if (typeof body.message === 'string') {
      return `HTTP ${answer.status}${body.error ? ` ${body.error}` : ''}: ${body.message}`;
    }
  }
  return `HTTP ${answer.status}`;
}
