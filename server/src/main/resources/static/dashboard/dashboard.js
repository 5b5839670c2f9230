// The dashboard: per rule, how often its cards were issued, accepted and overridden (and why),
// over a period; and the open DetectedIssues as a work queue.

import { h, replace, count, percent } from '/ui/dom.js';
import { call, getJson, problem } from '/ui/http.js';
import { barList, dailyChart, dayLabel, outcomeBar, sparkline } from './charts.js';

const $ = (id) => document.getElementById(id);
const RULE_SYSTEM = 'https://stomacds.org/fhir/CodeSystem/rule';
const PAGE = 15;
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const state = {
  activity: null,
  rules: new Map(), // id -> {title, severity}
  queue: { rule: '', pages: [], index: 0 },
};

// ---------------------------------------------------------------------------------------------
// Period

function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date()); // YYYY-MM-DD
}

function minusDays(iso, n) {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - n);
  return date.toISOString().slice(0, 10);
}

function period() {
  const choice = $('period').value;
  if (choice === 'custom') {
    return { from: $('from').value, to: $('to').value };
  }
  const to = today();
  return { from: minusDays(to, Number(choice) - 1), to };
}

// ---------------------------------------------------------------------------------------------
// Activity

async function loadActivity() {
  const { from, to } = period();
  const query = new URLSearchParams({ tz: zone });
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  $('status').textContent = 'Loading…';
  const answer = await call('GET', `/dashboard/api/rule-activity?${query}`);
  if (!answer.ok || !answer.json) {
    $('status').textContent = `The activity could not be read: ${problem(answer)}`;
    $('status').className = 'status status--error';
    return;
  }
  state.activity = answer.json;
  const a = answer.json;
  $('status').className = 'status';
  $('status').textContent = '';
  $('period-text').textContent = `${dayLabel(a.from, true)} – ${dayLabel(a.to, true)} (days in ${a.timeZone}) · ${a.rules.length} rule${a.rules.length === 1 ? '' : 's'} with activity`;
  renderTiles(a);
  renderDailyOptions(a);
  renderDaily(a);
  renderRules(a);
  renderReasons(a);
}

function renderTiles(a) {
  const t = a.totals;
  $('tile-issued').textContent = count(t.issued);
  $('tile-issued-note').textContent = `${a.rules.length} rule${a.rules.length === 1 ? '' : 's'} fired`;
  $('tile-accepted').textContent = count(t.accepted);
  $('tile-accepted-note').textContent = `${percent(t.accepted, t.issued)} of cards issued`;
  $('tile-overridden').textContent = count(t.overridden);
  $('tile-overridden-note').textContent = `${percent(t.overridden, t.issued)} of cards issued`;
}

function renderDailyOptions(a) {
  const select = $('daily-rule');
  const chosen = select.value;
  replace(select, h('option', { value: '' }, 'All rules'),
    a.rules.map((rule) => h('option', { value: rule.ruleId }, `${rule.ruleId} · ${ruleTitle(rule)}`)));
  select.value = a.rules.some((r) => r.ruleId === chosen) ? chosen : '';
}

function renderDaily(a) {
  const figure = $('daily-chart');
  const width = Math.max(320, Math.floor(figure.clientWidth || 900));
  const rule = a.rules.find((r) => r.ruleId === $('daily-rule').value);
  const daily = rule ? rule.daily : a.totals.daily;
  const what = rule ? `of ${rule.ruleId}` : 'of all rules';
  replace(figure,
    dailyChart(a.days, daily, width, what),
    h('figcaption', { class: 'visually-hidden' }, `Cards ${what} issued, accepted and overridden per day. The numbers are in the table below.`));
  const rows = a.days.map((day, i) => [day, daily.issued[i], daily.accepted[i], daily.overridden[i]])
    .filter(([, ...n]) => n.some((v) => v > 0));
  replace($('daily-table'), rows.length === 0 ? h('p', { class: 'hint' }, 'No card was issued and no feedback was given in this period.')
    : h('table', {},
      h('caption', { class: 'visually-hidden' }, `Cards ${what} per day (days without activity left out)`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), ['Issued', 'Accepted', 'Overridden'].map((t) => h('th', { scope: 'col', class: 'num' }, t)))),
      h('tbody', {}, rows.map(([day, ...n]) => h('tr', {}, h('th', { scope: 'row' }, dayLabel(day, true)), n.map((v) => h('td', { class: 'num' }, count(v))))))));
}

function ruleTitle(rule) {
  return rule.title ?? state.rules.get(rule.ruleId)?.title ?? 'Rule not in the loaded pack';
}

/** Rules shown before "show all": the busiest, enough to read at a glance. */
const FIRST_RULES = 8;

function renderRules(a) {
  if (a.rules.length === 0) {
    replace($('rules-table'), h('p', { class: 'empty-note' }, 'No rule fired in this period. Fire a hook in the sandbox, then refresh.'));
    return;
  }
  replace($('rules-table'), h('table', { class: 'rules' },
    h('caption', { class: 'visually-hidden' }, 'Cards by rule'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Rule'),
      h('th', { scope: 'col', class: 'num' }, 'Issued'),
      h('th', { scope: 'col', class: 'num' }, 'Accepted'),
      h('th', { scope: 'col', class: 'num' }, 'Overridden'),
      h('th', { scope: 'col' }, 'Outcome'),
      h('th', { scope: 'col' }, 'Per day'),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Work queue')))),
    h('tbody', { id: 'rules-body' }, a.rules.map((rule, index) => h('tr', { dataset: { rule: rule.ruleId }, class: index >= FIRST_RULES ? 'is-extra' : null, hidden: index >= FIRST_RULES && !state.allRules },
      h('th', { scope: 'row', class: 'rule-cell' },
        h('span', { class: 'rule-cell__title' }, ruleTitle(rule)),
        h('span', { class: 'rule-cell__id' }, h('code', {}, rule.ruleId), severityBadge(rule.severity)),
        reasonsLine(rule)),
      h('td', { class: 'num' }, count(rule.issued)),
      h('td', { class: 'num' }, count(rule.accepted)),
      h('td', { class: 'num' }, count(rule.overridden)),
      h('td', {}, outcomeBar(rule.issued, rule.accepted, rule.overridden)),
      h('td', {}, sparkline(rule.daily.issued, `${rule.ruleId}: cards issued per day, at most ${count(Math.max(...rule.daily.issued))} in a day`)),
      h('td', {}, h('button', {
        type: 'button', class: 'button button--quiet button--small',
        'aria-label': `Show the open issues of ${rule.ruleId} in the work queue`,
        on: { click: () => showQueueFor(rule.ruleId) },
      }, 'Issues')))))));
  if (a.rules.length > FIRST_RULES) {
    const toggle = h('button', {
      type: 'button', class: 'button button--secondary button--small rules-toggle',
      'aria-controls': 'rules-body', 'aria-expanded': String(Boolean(state.allRules)),
    }, state.allRules ? 'Show the busiest only' : `Show all ${a.rules.length} rules`);
    toggle.addEventListener('click', () => {
      state.allRules = !state.allRules;
      document.querySelectorAll('#rules-body tr.is-extra').forEach((row) => { row.hidden = !state.allRules; });
      toggle.setAttribute('aria-expanded', String(state.allRules));
      toggle.textContent = state.allRules ? 'Show the busiest only' : `Show all ${a.rules.length} rules`;
    });
    $('rules-table').append(toggle);
  }
}

function reasonsLine(rule) {
  if (!rule.overrideReasons?.length) return null;
  return h('span', { class: 'rule-cell__reasons' }, 'Overridden as: ',
    rule.overrideReasons.map((r, i) => [i > 0 ? ', ' : '', `${r.display ?? r.code} (${count(r.count)})`]));
}

function severityBadge(severity) {
  if (!severity) return null;
  const kind = { error: 'critical', warning: 'warning', info: 'info' }[severity] ?? 'neutral';
  return h('span', { class: `badge badge--${kind}` }, severity);
}

function renderReasons(a) {
  const totals = new Map();
  let withoutReason = 0;
  for (const rule of a.rules) {
    let given = 0;
    for (const r of rule.overrideReasons ?? []) {
      const key = `${r.system}|${r.code}`;
      const known = totals.get(key) ?? { label: r.display ?? r.code, count: 0 };
      known.count += r.count;
      totals.set(key, known);
      given += r.count;
    }
    withoutReason += Math.max(0, rule.overridden - given);
  }
  const items = [...totals.values()].sort((x, y) => y.count - x.count);
  if (withoutReason > 0) items.push({ label: 'No reason given', count: withoutReason });
  if (items.length === 0) {
    replace($('reasons'), h('p', { class: 'empty-note' }, 'No card was overridden in this period.'));
    return;
  }
  const box = $('reasons');
  const width = Math.max(260, Math.floor(box.clientWidth || 380));
  replace(box, barList(items, width),
    h('ul', { class: 'visually-hidden' }, items.map((i) => h('li', {}, `${i.label}: ${count(i.count)}`))));
}

// ---------------------------------------------------------------------------------------------
// Work queue

function queueUrl() {
  const query = new URLSearchParams({ status: 'final', _sort: '-identified', _count: String(PAGE), _total: 'accurate' });
  if (state.queue.rule) query.set('code', `${RULE_SYSTEM}|${state.queue.rule}`);
  return `/fhir/DetectedIssue?${query}`;
}

/** A paging link of the FHIR server as a path on this site (the page may fetch nothing else). */
function local(url) {
  try {
    const parsed = new URL(url, location.origin);
    return parsed.pathname.startsWith('/fhir') ? `${parsed.pathname}${parsed.search}` : null;
  } catch {
    return null;
  }
}

async function loadQueue(url = queueUrl(), reset = true) {
  $('queue-status').textContent = 'Loading the work queue…';
  const answer = await call('GET', url, { headers: { Accept: 'application/fhir+json' } });
  if (!answer.ok || answer.json?.resourceType !== 'Bundle') {
    $('queue-status').textContent = `The work queue could not be read: ${problem(answer)}`;
    replace($('queue-table'));
    $('tile-open').textContent = '–';
    return;
  }
  const bundle = answer.json;
  if (reset) {
    state.queue.pages = [url];
    state.queue.index = 0;
  }
  const next = local((bundle.link ?? []).find((l) => l.relation === 'next')?.url ?? '');
  state.queue.next = next;
  const issues = (bundle.entry ?? []).map((e) => e.resource).filter((r) => r?.resourceType === 'DetectedIssue');
  const total = typeof bundle.total === 'number' ? bundle.total : null;
  if (!state.queue.rule && total !== null) $('tile-open').textContent = count(total);
  const first = state.queue.index * PAGE + 1;
  $('queue-status').textContent = issues.length === 0
    ? `No open issue${state.queue.rule ? ` for ${state.queue.rule}` : ''}.`
    : `${first}–${first + issues.length - 1}${total !== null ? ` of ${count(total)}` : ''} open issue${total === 1 ? '' : 's'}${state.queue.rule ? ` for ${state.queue.rule}` : ''}.`;
  replace($('queue-table'), issues.length === 0 ? null : h('table', { class: 'queue' },
    h('caption', { class: 'visually-hidden' }, 'Open DetectedIssues'),
    h('thead', {}, h('tr', {},
      ['Severity', 'Rule', 'Implicated', 'Identified', 'What is wrong'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, issues.map(issueRow))));
  $('queue-prev').hidden = state.queue.index === 0;
  $('queue-next').hidden = !next;
}

function issueRow(issue) {
  const rule = (issue.code?.coding ?? []).find((c) => c.system === RULE_SYSTEM)?.code ?? issue.code?.text ?? '?';
  const severity = { high: ['critical', 'High'], moderate: ['warning', 'Moderate'], low: ['info', 'Low'] }[issue.severity] ?? ['neutral', issue.severity ?? '—'];
  const implicated = (issue.implicated ?? []).map((r) => r.reference).filter((r) => typeof r === 'string' && /^(Claim|Procedure)\/[A-Za-z0-9\-.]{1,64}$/.test(r));
  const detail = typeof issue.detail === 'string' ? issue.detail.split('\n')[0] : '';
  return h('tr', { dataset: { rule } },
    h('td', {}, h('span', { class: `badge badge--${severity[0]}` }, severity[1])),
    h('td', {}, h('code', {}, rule), h('span', { class: 'queue__title' }, state.rules.get(rule)?.title ?? '')),
    h('td', {}, implicated.length ? implicated.map((ref) => h('a', {
      href: `/fhir/${ref}?_format=json&_pretty=true`, target: '_blank', rel: 'noopener noreferrer', class: 'queue__link',
    }, ref)) : '—'),
    h('td', { class: 'queue__date' }, issue.identifiedDateTime ? new Date(issue.identifiedDateTime).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : '—'),
    h('td', { class: 'queue__detail' }, detail));
}

function showQueueFor(rule) {
  $('queue-rule').value = state.rules.has(rule) ? rule : '';
  if (!state.rules.has(rule)) {
    $('queue-rule').append(h('option', { value: rule }, rule));
    $('queue-rule').value = rule;
  }
  state.queue.rule = rule;
  loadQueue();
  $('queue').scrollIntoView({ behavior: 'smooth', block: 'start' });
  $('queue').focus({ preventScroll: true });
}

// ---------------------------------------------------------------------------------------------
// Start

async function start() {
  $('period').addEventListener('change', () => {
    const custom = $('period').value === 'custom';
    $('from-field').hidden = !custom;
    $('to-field').hidden = !custom;
    if (custom && !$('to').value) {
      $('to').value = today();
      $('from').value = minusDays(today(), 29);
    }
    if (!custom) loadActivity();
  });
  $('period-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadActivity();
    loadQueue();
  });
  $('daily-rule').addEventListener('change', () => { if (state.activity) renderDaily(state.activity); });
  $('queue-rule').addEventListener('change', () => {
    state.queue.rule = $('queue-rule').value;
    loadQueue();
  });
  $('queue-next').addEventListener('click', () => {
    if (!state.queue.next) return;
    state.queue.index++;
    state.queue.pages[state.queue.index] = state.queue.next;
    loadQueue(state.queue.next, false);
  });
  $('queue-prev').addEventListener('click', () => {
    if (state.queue.index === 0) return;
    state.queue.index--;
    loadQueue(state.queue.pages[state.queue.index], false);
  });
  let resizing;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => { if (state.activity) { renderDaily(state.activity); renderReasons(state.activity); } }, 150);
  });

  try {
    const rules = await getJson('/dashboard/api/rules');
    for (const rule of rules) state.rules.set(rule.id, rule);
    $('queue-rule').append(...rules.map((r) => h('option', { value: r.id }, `${r.id} · ${r.title}`)));
  } catch (e) {
    $('status').textContent = `The rule list could not be read: ${e.message}`;
  }
  await Promise.all([loadActivity(), loadQueue()]);
  document.body.dataset.ready = 'true';
}

start();
