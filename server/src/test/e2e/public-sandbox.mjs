// The public CDS Hooks Sandbox's calls, from a real browser, against a server in the secured
// profile (README, "Connecting the public CDS Hooks Sandbox"). A stand-in page
// (cds-hooks-sandbox/) that does on the wire what the sandbox does is served from an origin of its
// own (http://localhost:PORT, the server being on 127.0.0.1), so CORS is real; Debian's Chromium,
// driven by playwright-core, adds its services, opens its order screen, chooses a CPT 44405 order,
// signs it and dismisses a card. Outside traffic is cut by Chromium's host resolver rules.
//
//   node public-sandbox.mjs --base-url http://127.0.0.1:8080 --standin-port 8081 \
//       --private-jwk ../resources/security/test-sandbox-stand-in.private.jwk.json \
//       --patient P --user Practitioner/D --report out.json [--out dir] [--chromium /usr/bin/chromium]
//
// An access token for the server's /fhir (the sandbox after a SMART launch) comes from the
// environment, STANDIN_FHIR_TOKEN, never from the command line. Writes every exchange, the cards
// shown and any page error to --report; the test reads it. Exits 1 when the page could not be
// driven through (the test's assertions decide the rest).

import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const base = (args['base-url'] ?? '').replace(/\/$/, '');
const port = Number(args['standin-port']);
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base) || !port || !args['private-jwk'] || !args.report) {
  console.error('usage: node public-sandbox.mjs --base-url http://127.0.0.1:PORT --standin-port N --private-jwk FILE --patient ID --user REF --report FILE');
  process.exit(2);
}
const out = resolve(args.out ?? 'target/e2e');
mkdirSync(out, { recursive: true });

const pageDir = join(dirname(fileURLToPath(import.meta.url)), 'cds-hooks-sandbox');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json' };
const FILES = {
  '/index.html': join(pageDir, 'index.html'),
  '/stand-in.js': join(pageDir, 'stand-in.js'),
  '/prefetch.js': join(pageDir, 'prefetch.js'),
  '/jwt.js': join(pageDir, 'jwt.js'),
  '/keys/stand-in.private.jwk.json': resolve(args['private-jwk']),
};
const pages = createServer((request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (path === '/favicon.ico') {
    response.writeHead(204).end();
    return;
  }
  const file = FILES[path];
  if (!file || request.method !== 'GET') {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
});
await new Promise((done) => pages.listen(port, '127.0.0.1', done));

const origin = `http://localhost:${port}`;
const report = { origin, exchanges: [], cards: [], pageErrors: [], outside: [], steps: [] };
let failed = false;

const browser = await chromium.launch({
  executablePath: args.chromium ?? '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost',
  ],
});
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  const token = process.env.STANDIN_FHIR_TOKEN ?? '';
  await context.addInitScript((value) => { if (value) sessionStorage.setItem('smart-token', value); }, token);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith(`${base}/`)) report.outside.push(url);
  });
  page.on('pageerror', (e) => report.pageErrors.push(e.message));
  // A refused request is in the exchanges with its status; Chromium's own console line about it
  // ("Failed to load resource") is not a script error.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) report.pageErrors.push(`console: ${m.text()}`);
  });

  /** Clicks, then waits until `count` more calls of these kinds are logged and nothing is busy. */
  async function clickAndWait(name, kinds, count = 1) {
    const before = await page.evaluate((k) => window.standIn.exchanges.filter((e) => k.includes(e.kind)).length, kinds);
    await page.getByRole('button', { name }).first().click();
    await page.waitForFunction(([k, n]) => window.standIn.exchanges.filter((e) => k.includes(e.kind)).length >= n
      && document.body.getAttribute('aria-busy') !== 'true', [kinds, before + count]);
  }

  async function step(name, body) {
    try {
      await body();
      report.steps.push(`PASS ${name}`);
      console.log(`PASS  ${name}`);
    } catch (e) {
      failed = true;
      report.steps.push(`FAIL ${name}: ${e.message}`);
      console.log(`FAIL  ${name}: ${e.message}`);
      throw e;
    }
  }

  try {
    const query = new URLSearchParams({
      fhirServer: `${base}/fhir`, patient: args.patient ?? '', user: args.user ?? '', discovery: `${base}/cds-services`,
    });
    await step('the stand-in opens from its own origin with its signing key', async () => {
      await page.goto(`${origin}/index.html?${query}`);
      await page.waitForSelector('body[data-ready="true"]');
    });
    await step('its services are added through discovery', async () => {
      await clickAndWait('Add CDS services', ['discovery']);
      const services = await page.evaluate(() => Object.keys(window.standIn.services).length);
      if (!services) throw new Error('discovery listed no service');
    });
    await step('the order screen opens (order-select with no order chosen yet)', async () => {
      await clickAndWait('Open the order screen', ['service']);
      report.cardsBeforeChoosing = await page.locator('article.card').count();
    });
    await step('a CPT 44405 order is chosen (order-select)', async () => {
      await clickAndWait('Choose the CPT 44405 order', ['service']);
    });
    await step('the order is signed (order-sign)', async () => {
      await clickAndWait('Sign order', ['service']);
      await page.screenshot({ path: `${out}/public-sandbox.png`, fullPage: true });
    });
    report.cards = await page.$$eval('article.card', (cards) => cards.map((c) => ({
      hook: c.dataset.hook,
      indicator: c.dataset.indicator,
      uuid: c.dataset.uuid,
      topic: c.dataset.topic,
      summary: c.querySelector('.card__summary')?.textContent ?? '',
      links: [...c.querySelectorAll('.card__link')].map((a) => a.dataset.type),
    })));
    await step('a card of the signed order is dismissed (feedback)', async () => {
      const card = page.locator('article.card[data-hook="order-sign"]').first();
      const before = await page.evaluate(() => window.standIn.exchanges.filter((e) => e.kind === 'feedback').length);
      await card.getByRole('button', { name: 'Dismiss' }).click();
      await page.waitForFunction((n) => window.standIn.exchanges.filter((e) => e.kind === 'feedback').length > n, before);
    });
  } catch {
    // reported above; the report below still says what happened
  } finally {
    report.exchanges = await page.evaluate(() => window.standIn?.exchanges ?? []).catch(() => []);
  }
} finally {
  await browser.close();
  pages.close();
}

writeFileSync(resolve(args.report), JSON.stringify(report, null, 2));
for (const e of report.exchanges) {
  console.log(e.skipped ? `  ${e.kind} ${e.key}: not fetched (unfilled token)`
    : `  ${e.kind}${e.key ? ` ${e.key}` : ''} ${e.method} ${e.url} -> ${e.status}${e.error ? ` (${e.error})` : ''}`);
}
process.exit(failed ? 1 : 0);
