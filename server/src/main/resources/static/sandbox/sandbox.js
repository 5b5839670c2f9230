// The sandbox page: pick a fixture case or paste data, choose hook and payer, load it into the
// FHIR server, fire the hook, and act on the cards as a clinician or coder would.

import { h, replace, pretty } from '/ui/dom.js';
import { call, getJson, problem } from '/ui/http.js';
import { renderMarkdown } from '/ui/markdown.js';
import { renderCard } from './cards.js';
import { applyActions, sendFeedback } from './actions.js';
import { describePayer, withPayer } from './payers.js';
import {
  fillTemplate, pastedTransaction, prefetchValues, resourcesByReference, specRequest,
} from './requests.js';

const $ = (id) => document.getElementById(id);
const OUTCOMES = [
  ['pass', 'Pass: no card expected'],
  ['info', 'Info cards'],
  ['warn', 'Warnings'],
  ['error', 'Errors'],
  ['other', 'Other'],
];
const HOOKS = ['encounter-discharge', 'order-select', 'order-sign'];

const state = {
  listing: null, // {fhirServer, sharedStore, cases}
  discovery: null, // {services: [...]}
  detail: null, // the selected fixture case, whole
  loaded: null, // {key, resources: [...]}: what was last loaded into the FHIR server
  run: null, // {serviceId, build}: the last request, to fire again
  payers: [], // GET /sandbox/api/payers: the payers a case's own can be replaced by
};

/** The payer chosen to replace the data's own, or null for the data's own. */
function chosenPayer() {
  const id = $('payer-select').value;
  return id === 'case' ? null : state.payers.find((p) => p.id === id) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Log

function log(message, kind = 'info') {
  const item = h('li', { class: kind }, message);
  const list = $('run-log');
  list.append(item);
  while (list.children.length > 6) list.firstElementChild.remove();
  return item;
}

function settle(item, message, kind) {
  item.className = kind;
  item.textContent = message;
}

// ---------------------------------------------------------------------------------------------
// Choosing what to run

function source() {
  return document.querySelector('input[name="source"]:checked').value;
}

function renderCaseOptions() {
  const select = $('case-select');
  const query = $('case-filter').value.trim().toLowerCase();
  const previous = select.value;
  const cases = (state.listing?.cases ?? []).filter((c) => !query
    || [c.name, c.description, c.payer, ...(c.hooks ?? [])].some((v) => v?.toLowerCase().includes(query)));
  replace(select, OUTCOMES.map(([outcome, label]) => {
    const members = cases.filter((c) => c.outcome === outcome);
    return members.length === 0 ? null : h('optgroup', { label },
      members.map((c) => h('option', { value: c.name, title: c.description ?? '' }, c.name)));
  }));
  $('case-count').textContent = `(${cases.length} of ${state.listing?.cases.length ?? 0})`;
  if (cases.some((c) => c.name === previous)) select.value = previous;
}

/** Back to "nothing fired": the cards shown belong to the data that was chosen before. */
function resetResults() {
  state.run = null;
  $('refire-button').hidden = true;
  $('results-meta').textContent = 'Nothing fired yet.';
  replace($('cards'), h('div', { class: 'empty' },
    h('p', { class: 'empty__title' }, 'No cards yet'),
    h('p', {}, 'Fire the hook to see the cards for this data.')));
  $('expectations').hidden = true;
  $('system-actions').hidden = true;
  $('raw').hidden = true;
}

async function selectCase(name) {
  if (state.detail?.name !== name) resetResults();
  state.detail = null;
  $('case-head').hidden = true;
  if (!name) return;
  try {
    const detail = await getJson(`/sandbox/api/cases/${encodeURIComponent(name)}`);
    if ($('case-select').value !== name) return; // another case was chosen meanwhile
    state.detail = detail;
  } catch (e) {
    log(e.message, 'error');
    return;
  }
  const detail = state.detail;
  $('case-kind').textContent = `Fixture case · ${({ pass: 'expected to pass', info: 'information only', warn: 'expected to warn', error: 'expected to fail' })[detail.name.split('-')[0]] ?? 'fixture'}`;
  $('case-title').textContent = detail.name;
  $('case-about').hidden = false;
  $('case-description').textContent = detail.description ?? '';
  $('case-payer').textContent = describePayer(detail.bundle) ?? 'none in the case';
  $('case-requests').textContent = detail.requests.map((r) => `${r.hook ?? r.service} → ${r.expectedStatus === 200 ? `${r.expectedCards.length} card${r.expectedCards.length === 1 ? '' : 's'} expected` : `HTTP ${r.expectedStatus} expected`}`).join('; ');
  const warnings = [];
  if (detail.needsOwnStoreOff && state.listing.sharedStore) {
    warnings.push('This case expects a server whose callers do not share its store (an HTTP 412). This one shares it (demo), so the service reads the case and answers with cards.');
  }
  if (detail.knownEngineIssue) warnings.push(`Known engine issue: ${detail.knownEngineIssue}`);
  $('case-warning').hidden = warnings.length === 0;
  $('case-warning').textContent = warnings.join(' ');
  replace($('case-readme'), renderMarkdown(detail.readme ?? '', document, { headingBase: 3 }));
  $('case-head').hidden = false;
  renderHookOptions();
  remember();
}

function showSourceHead() {
  if (source() === 'case') {
    $('case-head').hidden = !state.detail;
    if (state.detail) selectCase(state.detail.name);
    return;
  }
  $('case-kind').textContent = 'Pasted data';
  $('case-title').textContent = 'Your Claim, Procedure or Bundle';
  $('case-description').textContent = 'Loaded as a transaction (PUT where a resource has an id), then sent to the hook you choose in a request shaped as the CDS Hooks specification says, naming this FHIR server.';
  $('case-payer').textContent = 'as in the data, unless you choose another';
  $('case-requests').textContent = 'one, built from the data';
  $('case-warning').hidden = true;
  $('case-about').hidden = true;
  $('case-head').hidden = false;
}

function renderHookOptions() {
  const select = $('hook-select');
  if (source() === 'case') {
    const requests = state.detail?.requests ?? [];
    replace(select, requests.map((r, i) => h('option', { value: String(i) },
      `${r.hook ?? r.service}${requests.length > 1 ? ` (${r.file})` : ''}`)));
  } else {
    const services = state.discovery?.services ?? [];
    replace(select, HOOKS.filter((hook) => services.some((s) => s.hook === hook))
      .map((hook) => h('option', { value: hook }, hook)));
  }
}

function remember() {
  const params = new URLSearchParams();
  if (source() === 'case' && state.detail) params.set('case', state.detail.name);
  if ($('payer-select').value !== 'case') params.set('payer', $('payer-select').value);
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

// ---------------------------------------------------------------------------------------------
// Loading

/** What would be loaded now, as a transaction Bundle, and a key saying which data it is. */
function currentData() {
  const payer = $('payer-select').value;
  if (source() === 'case') {
    if (!state.detail) throw new Error('Choose a case first.');
    return { key: `case:${state.detail.name}:${payer}`, bundle: withPayer(state.detail.bundle, chosenPayer()) };
  }
  const text = $('paste-input').value;
  const bundle = withPayer(pastedTransaction(text), chosenPayer());
  return { key: `paste:${text.length}:${hash(text)}:${payer}`, bundle };
}

function hash(text) {
  let value = 0;
  for (let i = 0; i < text.length; i++) value = (Math.imul(31, value) + text.charCodeAt(i)) | 0;
  return value;
}

async function load() {
  let data;
  try {
    data = currentData();
  } catch (e) {
    log(e.message, 'error');
    return false;
  }
  const entries = data.bundle.entry?.length ?? 0;
  const item = log(`Loading ${entries} resource${entries === 1 ? '' : 's'} into the FHIR server…`, 'busy');
  const answer = await call('POST', '/fhir', { body: data.bundle, contentType: 'application/fhir+json' });
  if (!answer.ok) {
    settle(item, `The FHIR server refused the data: ${problem(answer)}`, 'error');
    return false;
  }
  const statuses = (answer.json?.entry ?? []).map((e) => String(e.response?.status ?? ''));
  const createdCount = statuses.filter((s) => s.startsWith('201')).length;
  const locations = source() === 'paste'
    ? (answer.json?.entry ?? []).map((e) => e.response?.location).filter(Boolean)
    : [];
  // Read back pasted data as written: resources without an id got one, and the server rewrote
  // their references to each other. (A fixture case's ids are its own.)
  const resources = [];
  for (const location of locations) {
    const reference = location.replace(/^.*?([A-Z][A-Za-z]+\/[^/]+)\/_history\/.*$/, '$1');
    const read = await call('GET', `/fhir/${reference}`);
    if (read.ok && read.json) resources.push(read.json);
  }
  state.loaded = { key: data.key, resources, bundle: data.bundle };
  settle(item, `Loaded ${entries} resource${entries === 1 ? '' : 's'} into the FHIR server (${createdCount} created, ${entries - createdCount} updated). Loading again puts them back as written.`, 'ok');
  return true;
}

// ---------------------------------------------------------------------------------------------
// Firing

async function discovery() {
  if (!state.discovery) state.discovery = await getJson('/cds-services');
  return state.discovery;
}

/** The request to send, as {serviceId, expected, build: async () => text}. */
async function prepareRun() {
  const fhirServer = state.listing.fhirServer;
  const read = (query) => call('GET', `/fhir/${query}`);
  if (source() === 'case') {
    const request = state.detail.requests[Number($('hook-select').value)] ?? state.detail.requests[0];
    const services = (await discovery()).services;
    const resources = resourcesByReference(state.loaded.bundle);
    return {
      serviceId: request.service,
      expected: $('payer-select').value === 'case' ? request : null,
      build: () => fillTemplate(request.template, {
        fhirServer,
        hookInstance: crypto.randomUUID(),
        resources,
        prefetch: (context, key) => prefetchValues(services.find((s) => s.id === request.service), context, read, key),
      }),
    };
  }
  const hook = $('hook-select').value;
  const service = (await discovery()).services.find((s) => s.hook === hook);
  if (!service) throw new Error(`No service here answers ${hook}.`);
  const resources = state.loaded.resources;
  return {
    serviceId: service.id,
    expected: null,
    build: async () => JSON.stringify(specRequest(hook, resources, { fhirServer, hookInstance: crypto.randomUUID() }), null, 2),
  };
}

async function fire(event) {
  event?.preventDefault();
  setBusy(true);
  try {
    let key;
    try {
      key = currentData().key;
    } catch (e) {
      log(e.message, 'error');
      return;
    }
    if (state.loaded?.key !== key && !(await load())) return;
    try {
      state.run = await prepareRun();
    } catch (e) {
      log(e.message, 'error');
      return;
    }
    await send();
  } finally {
    setBusy(false);
  }
}

async function refire() {
  if (!state.run) return;
  setBusy(true);
  try {
    await send();
  } finally {
    setBusy(false);
  }
}

async function send() {
  const { serviceId, expected } = state.run;
  let body;
  try {
    body = await state.run.build();
  } catch (e) {
    log(`Could not build the request: ${e.message}`, 'error');
    return;
  }
  const item = log(`Calling ${serviceId}…`, 'busy');
  const answer = await call('POST', `/cds-services/${encodeURIComponent(serviceId)}`, { body });
  showRaw(serviceId, body, answer);
  if (answer.status !== 200) {
    const code = typeof answer.json?.error === 'string' ? ` (${answer.json.error})` : '';
    const asExpected = expected?.expectedStatus === answer.status;
    settle(item, `${serviceId} answered HTTP ${answer.status}${code}${asExpected ? ', as the case expects' : ''}.`, asExpected ? 'ok' : 'error');
    showError(answer);
    showExpectations([], expected, answer);
    return;
  }
  const cards = Array.isArray(answer.json?.cards) ? answer.json.cards : [];
  settle(item, `${serviceId} answered in ${answer.ms} ms: ${cards.length} card${cards.length === 1 ? '' : 's'}.`, 'ok');
  showCards(serviceId, cards, answer.json?.systemActions ?? [], expected, answer.ms);
}

function setBusy(on) {
  for (const id of ['fire-button', 'load-button']) $(id).disabled = on;
  $('refire-button').disabled = on;
  $('refire-button').hidden = !state.run;
  document.body.setAttribute('aria-busy', String(on));
}

// ---------------------------------------------------------------------------------------------
// Showing the answer

function showCards(serviceId, cards, systemActions, expected, ms) {
  const fired = new Date().toLocaleTimeString();
  $('results-meta').textContent = `${cards.length} card${cards.length === 1 ? '' : 's'} from ${serviceId} · ${ms} ms · ${fired}`;
  const handlers = {
    accept: async (card, suggestion) => {
      const done = await applyActions(suggestion.actions, call);
      await sendFeedback(serviceId, {
        card: card.uuid,
        outcome: 'accepted',
        acceptedSuggestions: suggestion.uuid ? [{ id: suggestion.uuid }] : [],
      }, call);
      return `Accepted${done.length ? `: ${done.join('; ')}` : ''}. Feedback sent; fire again to see the cards now.`;
    },
    override: async (card, reason, comment) => {
      await sendFeedback(serviceId, {
        card: card.uuid,
        outcome: 'overridden',
        ...(reason || comment ? { overrideReason: { ...(reason ? { reason } : {}), ...(comment ? { userComment: comment } : {}) } } : {}),
      }, call);
      return `Overridden${reason ? `: ${reason.display ?? reason.code}` : ''}. Feedback sent.`;
    },
  };
  if (cards.length === 0) {
    replace($('cards'), h('div', { class: 'empty' },
      h('p', { class: 'empty__title' }, 'No cards'),
      h('p', {}, 'The service found nothing to say about this data.')));
  } else {
    replace($('cards'), cards.map((card) => renderCard(card, handlers)));
  }
  showExpectations(cards, expected);
  showSystemActions(systemActions);
}

function showExpectations(cards, expected, errorAnswer = null) {
  const box = $('expectations');
  if (!expected) { box.hidden = true; return; }
  if (expected.expectedStatus !== 200 || errorAnswer) {
    const wanted = `HTTP ${expected.expectedStatus}${expected.expectedError ? ` ${expected.expectedError}` : ''}`;
    const got = errorAnswer ?? { status: 200, json: {} };
    const met = got.status === expected.expectedStatus && (!expected.expectedError || got.json?.error === expected.expectedError);
    replace(box,
      h('span', { class: 'expectations__label' }, 'The case expects:'),
      h('span', { class: `chip ${met ? 'chip--met' : 'chip--missing'}` }, `${met ? '✓' : '✕'} ${expected.expectedStatus === 200 ? 'cards (HTTP 200)' : wanted}`));
    box.hidden = false;
    return;
  }
  const actual = cards.map((c) => `${c.source?.topic?.code ?? '?'}`);
  const remaining = [...actual];
  const chips = expected.expectedCards.map((c) => {
    const at = remaining.indexOf(c.rule);
    if (at >= 0) remaining.splice(at, 1);
    return h('span', { class: `chip ${at >= 0 ? 'chip--met' : 'chip--missing'}`, title: at >= 0 ? 'expected and present' : 'expected but missing' },
      `${at >= 0 ? '✓' : '✕'} ${c.rule}`);
  });
  const extras = remaining.map((rule) => h('span', { class: 'chip chip--extra', title: 'present but not expected' }, `+ ${rule}`));
  replace(box,
    h('span', { class: 'expectations__label' }, 'The case expects:'),
    chips.length ? chips : h('span', { class: 'chip' }, 'no card'),
    extras.length ? [h('span', { class: 'expectations__label' }, ' Also here:'), extras] : null);
  box.hidden = false;
}

function showSystemActions(actions) {
  const box = $('system-actions');
  if (!Array.isArray(actions) || actions.length === 0) { box.hidden = true; return; }
  const status = h('div', { role: 'status' });
  const button = h('button', { type: 'button', class: 'button button--secondary button--small' }, 'Apply the system actions');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const done = await applyActions(actions, call);
      replace(status, h('p', { class: 'note note--ok' }, `Applied: ${done.join('; ')}.`));
      button.remove();
    } catch (e) {
      button.disabled = false;
      replace(status, h('p', { class: 'note note--error' }, e.message));
    }
  });
  replace(box, h('section', { class: 'system-actions', 'aria-labelledby': 'system-actions-title' },
    h('h3', { id: 'system-actions-title' }, 'System actions'),
    h('p', { class: 'hint' }, 'An EHR applies these without asking the user.'),
    h('ul', {}, actions.map((a) => h('li', {}, `${a.type ?? '?'} ${a.resource?.resourceType ?? ''}${a.resource?.id ? `/${a.resource.id}` : ''}${a.description ? `: ${a.description}` : ''}`))),
    button, status));
  box.hidden = false;
}

function showError(answer) {
  $('results-meta').textContent = `The service answered HTTP ${answer.status}.`;
  const body = answer.json;
  const details = Array.isArray(body?.details) ? body.details : [];
  replace($('cards'), h('div', { class: 'note note--error answer-error', role: 'alert' },
    h('h3', {}, `HTTP ${answer.status}${body?.error ? ` · ${body.error}` : ''}`),
    h('p', {}, typeof body?.message === 'string' ? body.message : 'The answer was not a CDS Hooks error body.'),
    details.length ? h('ul', {}, details.map((d) => h('li', {}, [d.prefetchKey, d.lookup, d.reason].filter(Boolean).join(' · ')))) : null));
  $('expectations').hidden = true;
  $('system-actions').hidden = true;
}

function showRaw(serviceId, request, answer) {
  $('raw').hidden = false;
  $('raw-request-target').textContent = `POST /cds-services/${serviceId}`;
  $('raw-request').textContent = pretty(request);
  $('raw-response-status').textContent = `HTTP ${answer.status}`;
  $('raw-response').textContent = pretty(answer.text);
  $('refire-button').hidden = false;
}

// ---------------------------------------------------------------------------------------------
// Start

async function start() {
  try {
    state.payers = (await getJson('/sandbox/api/payers')).payers ?? [];
  } catch (e) {
    log(`The payers could not be listed (each case keeps its own): ${e.message}`, 'error');
  }
  replace($('payer-select'),
    h('option', { value: 'case' }, 'As in the case'),
    state.payers.map((p) => h('option', { value: p.id }, p.label)));
  const params = new URLSearchParams(location.search);
  if (state.payers.some((p) => p.id === params.get('payer'))) $('payer-select').value = params.get('payer');

  document.querySelectorAll('input[name="source"]').forEach((radio) => radio.addEventListener('change', () => {
    const pasted = source() === 'paste';
    $('case-source').hidden = pasted;
    $('paste-source').hidden = !pasted;
    $('payer-select').options[0].textContent = pasted ? 'As in the data' : 'As in the case';
    $('load-button').textContent = pasted ? 'Load data' : 'Load case';
    resetResults();
    showSourceHead();
    renderHookOptions();
    remember();
  }));
  $('case-filter').addEventListener('input', renderCaseOptions);
  $('case-select').addEventListener('change', () => selectCase($('case-select').value));
  $('payer-select').addEventListener('change', remember);
  $('load-button').addEventListener('click', async () => { setBusy(true); try { await load(); } finally { setBusy(false); } });
  $('run-form').addEventListener('submit', fire);
  $('refire-button').addEventListener('click', refire);

  try {
    state.listing = await getJson('/sandbox/api/cases');
  } catch (e) {
    log(`The fixture cases could not be listed: ${e.message}`, 'error');
    state.listing = { fhirServer: `${location.origin}/fhir`, sharedStore: true, cases: [] };
  }
  discovery().then(renderHookOptions, (e) => log(`CDS discovery failed: ${e.message}`, 'error'));
  renderCaseOptions();
  const wanted = params.get('case');
  const first = state.listing.cases.find((c) => c.name === wanted) ?? state.listing.cases.find((c) => c.outcome === 'warn') ?? state.listing.cases[0];
  if (first) {
    $('case-select').value = first.name;
    await selectCase(first.name);
  }
  document.body.dataset.ready = 'true';
}

start();
