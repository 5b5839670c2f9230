// A stand-in for the public CDS Hooks Sandbox's order screen (its "PAMA" view, which fires
// order-select when an order is chosen and order-sign when it is signed), with a CPT 44405 order
// instead of an imaging study. What goes over the wire is the sandbox's (studied from
// github.com/cds-hooks/sandbox; our own code): its JWT on every call (jwt.js), its prefetch
// (prefetch.js), its request and context, its feedback. Configuration, from the page's URL:
//   ?fhirServer=...&patient=...&user=...&discovery=...
// and, as after a SMART launch of the sandbox, an access token in sessionStorage['smart-token'].
// The signing key is ./keys/stand-in.private.jwk.json (the sandbox ships its key in its script
// too). Every exchange is kept in window.standIn.exchanges for the test to read.

import { fetchPrefetch } from './prefetch.js';
import { sandboxJwt, signingKey } from './jwt.js';

const params = new URLSearchParams(location.search);
const fhirServer = params.get('fhirServer');
const patientId = params.get('patient');
const userId = params.get('user') || 'Practitioner/COREPRACTITIONER1';
const accessToken = sessionStorage.getItem('smart-token');

// axios' default Accept, which the sandbox sends where it names none.
const AXIOS_ACCEPT = 'application/json, text/plain, */*';
const CPT = 'http://www.ama-assn.org/go/cpt';

// No study chosen yet: the sandbox's order screen starts with an empty coding, and fires
// order-select with it as soon as the screen opens.
const state = { key: null, kid: null, services: {}, exchanges: [], study: {}, busy: 0 };
window.standIn = state;

const $ = (id) => document.getElementById(id);

function log(entry) {
  state.exchanges.push(entry);
  const line = document.createElement('div');
  const { kind, method, url, status, key, skipped } = entry;
  line.textContent = skipped
    ? `${kind} ${key}: not fetched (unfilled token)`
    : `${kind}${key ? ` ${key}` : ''} ${method} ${url} -> ${status}`;
  $('log').append(line);
}

async function call(kind, method, url, { headers = {}, body, extra = {} } = {}) {
  let status = 0;
  let json = null;
  try {
    const response = await fetch(url, { method, headers, body });
    status = response.status;
    json = await response.json().catch(() => null);
  } catch (e) {
    status = 0; // a network or CORS failure, as axios reports it
  }
  // What a refusal said (a CDS Hooks error message or an OperationOutcome's diagnostics).
  const error = status >= 400 ? (json?.message ?? json?.issue?.[0]?.diagnostics) : undefined;
  log({ kind, method, url, status, ...extra, ...(error ? { error } : {}) });
  return { status, json };
}

async function jwt(audience) {
  return sandboxJwt(audience, state.key, state.kid);
}

async function discover() {
  const url = $('discovery').value.trim();
  const answer = await call('discovery', 'GET', url, {
    headers: { Accept: 'application/json', Authorization: `Bearer ${await jwt(url)}` },
  });
  const services = answer.json?.services ?? [];
  for (const service of services) {
    state.services[`${url}/${service.id}`] = { ...service, enabled: true };
    const item = document.createElement('li');
    item.textContent = `${service.id} (${service.hook})`;
    $('services').append(item);
  }
}

/** The order screen's context: one draft ServiceRequest, selected (as the sandbox's). */
function orderContext() {
  return {
    selections: ['ServiceRequest/example-request-id'],
    draftOrders: {
      resourceType: 'Bundle',
      entry: [{
        resource: {
          resourceType: 'ServiceRequest',
          id: 'example-request-id',
          status: 'draft',
          intent: 'plan',
          code: { coding: [state.study], text: state.study.display },
          subject: { reference: `Patient/${patientId}` },
          reasonCode: [],
        },
      }],
    },
  };
}

function sendFhir(request) {
  const headers = { Accept: 'application/json+fhir' };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  if (request.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  return call('prefetch', request.method, request.url, {
    headers, body: request.form, extra: { key: request.key, template: request.template, filled: request.filled },
  });
}

async function callService(url, hook) {
  const service = state.services[url];
  const context = { patientId, userId, ...orderContext() };
  const request = { hookInstance: crypto.randomUUID(), hook, fhirServer, context };
  if (accessToken) {
    request.fhirAuthorization = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'patient/*.* user/*.* launch openid profile online_access',
      subject: 'stomacds-sandbox-stand-in',
    };
  }
  if (service.prefetch && Object.keys(service.prefetch).length) {
    const prefetch = await fetchPrefetch(
      service,
      context,
      fhirServer,
      (r) => sendFhir(r),
      (entry) => { if (entry.skipped) log({ kind: 'prefetch', ...entry }); },
    );
    if (Object.keys(prefetch).length) request.prefetch = prefetch;
  }
  const answer = await call('service', 'POST', url, {
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: `Bearer ${await jwt(url)}`,
    },
    body: JSON.stringify(request),
    extra: { hook, hookInstance: request.hookInstance, prefetchKeys: Object.keys(request.prefetch ?? {}) },
  });
  if (answer.status === 200) render(url, hook, answer.json?.cards ?? []);
}

async function fire(hook) {
  state.busy += 1;
  document.body.setAttribute('aria-busy', 'true');
  try {
    const urls = Object.entries(state.services)
      .filter(([, s]) => s.hook === hook && s.enabled)
      .map(([url]) => url);
    for (const card of document.querySelectorAll(`article.card[data-hook="${hook}"]`)) card.remove();
    await Promise.all(urls.map((url) => callService(url, hook)));
  } finally {
    state.busy -= 1;
    if (!state.busy) document.body.setAttribute('aria-busy', 'false');
  }
}

const INDICATORS = { info: 0, warning: 1, critical: 2, error: 3 };

function render(serviceUrl, hook, cards) {
  const sorted = [...cards].sort((a, b) => (INDICATORS[b.indicator] ?? 0) - (INDICATORS[a.indicator] ?? 0));
  for (const card of sorted) {
    const article = document.createElement('article');
    article.className = 'card';
    article.dataset.indicator = card.indicator;
    article.dataset.hook = hook;
    article.dataset.uuid = card.uuid ?? '';
    article.dataset.topic = card.source?.topic?.code ?? ''; // for the test; the sandbox shows none
    const summary = document.createElement('div');
    summary.className = 'card__summary';
    summary.textContent = card.summary;
    article.append(summary);
    if (card.source?.label) {
      const source = document.createElement('a');
      source.className = 'card__source';
      source.textContent = card.source.label;
      source.href = card.source.url || '#';
      source.target = '_blank';
      article.append(source);
    }
    if (card.detail) {
      const detail = document.createElement('div');
      detail.className = 'card__detail';
      detail.textContent = card.detail; // the sandbox renders Markdown; text is enough here
      article.append(detail);
    }
    for (const suggestion of card.suggestions ?? []) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'card__suggestion';
      button.textContent = suggestion.label;
      button.addEventListener('click', () => feedback(serviceUrl, {
        card: card.uuid,
        outcome: 'accepted',
        acceptedSuggestions: [{ id: suggestion.uuid }],
        outcomeTimestamp: new Date().toISOString(),
      }));
      article.append(button);
    }
    for (const link of card.links ?? []) {
      const a = document.createElement('a');
      a.className = 'card__link';
      a.dataset.type = link.type;
      a.textContent = link.label;
      a.href = link.url;
      article.append(a);
    }
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'card__dismiss';
    dismiss.textContent = 'Dismiss';
    dismiss.addEventListener('click', () => {
      const reason = card.overrideReasons?.[0];
      const entry = { card: card.uuid, outcome: 'overridden', outcomeTimestamp: new Date().toISOString() };
      if (reason?.code) {
        entry.overrideReason = { reason: { code: reason.code } };
        if (reason.system) entry.overrideReason.reason.system = reason.system;
      }
      article.remove();
      return feedback(serviceUrl, entry);
    });
    article.append(dismiss);
    $('cards').append(article);
  }
}

async function feedback(serviceUrl, entry) {
  const url = `${serviceUrl}/feedback`;
  await call('feedback', 'POST', url, {
    headers: {
      Accept: AXIOS_ACCEPT,
      'Content-Type': 'application/json',
      Authorization: `Bearer ${await jwt(url)}`,
    },
    body: JSON.stringify({ feedback: [entry] }),
  });
}

async function start() {
  const jwk = await (await fetch('keys/stand-in.private.jwk.json')).json();
  state.key = await signingKey(jwk);
  state.kid = jwk.kid;
  $('patient').textContent = patientId;
  $('discovery').value = params.get('discovery') ?? '';
  $('add-services').addEventListener('click', () => discover());
  $('open-orders').addEventListener('click', () => fire('order-select'));
  $('choose-order').addEventListener('click', () => {
    state.study = { code: '44405', display: 'Colonoscopy through the stoma with balloon dilation of a stricture', system: CPT };
    $('order-text').textContent = `Order: ${state.study.display} (CPT ${state.study.code})`;
    return fire('order-select');
  });
  $('sign-order').addEventListener('click', () => fire('order-sign'));
  document.body.dataset.ready = 'true';
}

start().catch((e) => {
  document.body.dataset.ready = 'failed';
  console.error(e);
});
