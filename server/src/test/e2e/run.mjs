// End-to-end test of the sandbox and dashboard pages in a real browser: Debian's Chromium driven
// by Playwright (playwright-core, no browser download). Outside traffic is kept out by Chromium's
// own host resolver rules, not by Playwright's request interception (which would answer CORS
// preflights itself and hide a broken CORS setup).
//
//   node run.mjs --base-url http://127.0.0.1:8080 [--out ../../../target/e2e] [--chromium /usr/bin/chromium]
//
// Exits 0 when every step passed, 1 otherwise; prints a line per step. Screenshots go to --out.
// The server must run with the demo settings (no login) and its public base URL set to --base-url.

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const base = (args['base-url'] ?? process.env.BASE_URL ?? '').replace(/\/$/, '');
if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(base)) {
  console.error('usage: node run.mjs --base-url http://127.0.0.1:PORT [--out DIR] [--chromium PATH]');
  process.exit(2);
}
const out = resolve(args.out ?? 'target/e2e');
mkdirSync(out, { recursive: true });

const HOSTILE = ' <script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> [see](javascript:window.__pwned=1)';
const results = [];
let failed = false;

async function step(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push(`PASS  ${name} (${Date.now() - started} ms)`);
    console.log(`PASS  ${name}`);
  } catch (e) {
    failed = true;
    results.push(`FAIL  ${name}: ${e.message}`);
    console.log(`FAIL  ${name}\n      ${String(e.stack ?? e.message).split('\n').slice(0, 6).join('\n      ')}`);
    throw e;
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const browser = await chromium.launch({
  executablePath: args.chromium ?? '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost',
  ],
});
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US', timezoneId: 'UTC' });
const page = await context.newPage();
page.setDefaultTimeout(30_000);

// Nothing may be fetched from outside the application, and no script may fail.
const outside = [];
const pageErrors = [];
page.on('request', (request) => {
  const url = request.url();
  if (!url.startsWith(`${base}/`) && !url.startsWith('data:')) outside.push(url);
});
page.on('pageerror', (error) => pageErrors.push(error.message));
page.on('console', (message) => {
  if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
});

/** A fetch from inside the page, so it goes to the same origin as the page's own calls. */
async function fetchJson(path, init) {
  return page.evaluate(async ([p, i]) => {
    const r = await fetch(p, i);
    return { status: r.status, body: await r.json().catch(() => null) };
  }, [path, init ?? {}]);
}

async function chooseCase(name) {
  await page.getByLabel('Filter cases').fill(name);
  await page.getByLabel(/^Case/).selectOption(name);
  await page.locator('#case-title', { hasText: name }).waitFor();
}

async function fire() {
  const before = await page.locator('#results-meta').textContent();
  await page.getByRole('button', { name: 'Fire hook' }).click();
  await page.waitForFunction((text) => {
    const meta = document.getElementById('results-meta').textContent;
    return meta !== text && /card|HTTP/.test(meta) && document.body.getAttribute('aria-busy') !== 'true';
  }, before);
}

async function fireAgain() {
  const before = await page.locator('#results-meta').textContent();
  await page.getByRole('button', { name: 'Fire again' }).click();
  await page.waitForFunction((text) => document.getElementById('results-meta').textContent !== text, before);
  await page.waitForFunction(() => document.body.getAttribute('aria-busy') !== 'true');
}

const card = (rule) => page.locator(`article.card[data-rule="${rule}"]`);

/** Whether the FHIR server writes DetectedIssues a work queue can search by status. */
let writeChecks = false;

try {
  await step('the sandbox opens with the fixture cases listed', async () => {
    await page.goto(`${base}/sandbox/`);
    const metadata = await fetchJson('/fhir/metadata?_format=json');
    writeChecks = (metadata.body?.rest?.[0]?.resource ?? [])
      .some((r) => r.type === 'DetectedIssue' && (r.searchParam ?? []).some((p) => p.name === 'status'));
    await page.waitForSelector('body[data-ready="true"]');
    const options = await page.locator('#case-select option').count();
    check(options >= 60, `expected the fixture library (60+ cases), found ${options}`);
    check(await page.title() === 'Sandbox · stomacds', 'page title');
  });

  await step('a case is loaded, its hook fired and its card rendered as an EHR shows it', async () => {
    await chooseCase('warn-44388-billed-with-44405');
    await fire();
    const c = card('ncci-ptp-edits');
    await c.waitFor();
    check(await page.locator('article.card').count() === 1, 'one card expected');
    check((await c.getAttribute('class')).includes('card--warning'), 'warning indicator colour');
    check((await c.locator('.badge').textContent()).includes('Warning'), 'indicator in words');
    const summary = (await c.locator('.card__summary').textContent()).trim();
    check(summary.length > 10 && summary.length < 140, `summary: '${summary}'`);
    check(await c.locator('.card__detail strong', { hasText: 'How to fix it by hand' }).count() === 1, 'detail Markdown rendered (bold heading)');
    check(await c.locator('.card__detail li').count() >= 2, 'detail Markdown rendered (list)');
    check(await c.locator('.card__source a').count() === 1, 'source link');
    check((await c.locator('.card__source code').textContent()) === 'ncci-ptp-edits', 'source topic (rule)');
    check(await c.locator('.card__links a').count() >= 1, 'links');
    check(await c.locator('.card__suggestions button[data-suggestion]').count() >= 1, 'suggestions as buttons');
    check(await page.locator('.chip--met', { hasText: 'ncci-ptp-edits' }).count() === 1, 'the case expectation is met');
    const log = await page.locator('#run-log').textContent();
    check(/Loaded 1\d resources/.test(log), `load logged: ${log}`);
  });

  await step('the raw request and response are one click away', async () => {
    await page.locator('#raw > summary').click();
    const request = JSON.parse(await page.locator('#raw-request').textContent());
    check(request.hook === 'encounter-discharge', 'request hook');
    check(request.fhirServer === `${base}/fhir`, `request fhirServer: ${request.fhirServer}`);
    check(request.context.encounterId === 'wbb01-encounter', 'request context');
    const response = JSON.parse(await page.locator('#raw-response').textContent());
    check(response.cards.length === 1, 'raw response');
    await page.locator('#raw > summary').click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${out}/sandbox.png`, fullPage: true });
  });

  await step('accepting the suggestion updates the Claim on the FHIR server and sends feedback', async () => {
    const before = await fetchJson('/fhir/Claim/wbb01-claim');
    check(before.body.item.length === 2, 'the case Claim starts with two lines');
    const c = card('ncci-ptp-edits');
    await c.locator('.card__suggestions button[data-suggestion]').first().click();
    await c.locator('.card__status .note--ok').waitFor();
    const status = await c.locator('.card__status').textContent();
    check(/Claim\/wbb01-claim updated/.test(status) && /Feedback sent/.test(status), `status: ${status}`);
    const after = await fetchJson('/fhir/Claim/wbb01-claim');
    check(after.body.item.length === 1, `the Claim now has ${after.body.item.length} line(s)`);
    check(Number(after.body.meta.versionId) > Number(before.body.meta.versionId), 'a new version of the Claim');
    check(!JSON.stringify(after.body.item).includes('44388'), 'the 44388 line is gone');
  });

  await step('on the next call the accepted card is gone', async () => {
    await fireAgain();
    check(await card('ncci-ptp-edits').count() === 0, 'the ncci-ptp-edits card is still there');
    check((await page.locator('#results-meta').textContent()).startsWith('0 cards'), 'no card');
  });

  await step('a card is overridden with a reason, by keyboard', async () => {
    await chooseCase('warn-abn-on-file-add-ga');
    await fire();
    const c = card('dx-supporting-diagnosis');
    await c.waitFor();
    check(await page.locator('article.card').count() === 2, 'two cards expected');
    const override = c.getByRole('button', { name: 'Override…' });
    await override.focus();
    await page.keyboard.press('Enter');
    const reasons = c.getByRole('radio');
    check(await reasons.count() === 4, 'the four override reasons');
    check(await reasons.first().evaluate((el) => el === document.activeElement), 'focus moves to the reasons');
    await page.keyboard.press('ArrowDown'); // the second reason: the payer has a different rule
    check(await reasons.nth(1).isChecked(), 'arrow keys choose a reason');
    await c.getByLabel(/Comment/).fill('Payer contract reviewed with the coding lead');
    await c.getByRole('button', { name: 'Override card' }).focus();
    await page.keyboard.press('Enter');
    await c.locator('.card__status .note--ok').waitFor();
    const status = await c.locator('.card__status').textContent();
    check(/Overridden: The payer has a different rule/.test(status), `status: ${status}`);
  });

  await step('keyboard focus is visible', async () => {
    await page.getByRole('button', { name: 'Fire hook' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    check(outline !== 'none', `focused button has no outline (${outline})`);
    const labelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => el.type !== 'hidden' && !el.closest('[hidden]'))
      .every((el) => el.labels?.length > 0 || el.getAttribute('aria-label')));
    check(labelled, 'every visible input has a label');
  });

  await step('another payer rewrites the case before loading', async () => {
    // The payers offered are the application's (GET /sandbox/api/payers), not a copy in the page.
    const offered = (await fetchJson('/sandbox/api/payers')).body.payers;
    const labels = await page.locator('#payer-select option').allTextContents();
    check(JSON.stringify(labels.slice(1)) === JSON.stringify(offered.map((p) => p.label)),
      `the payer choice lists the application's payers: ${labels.join(' | ')}`);
    const cigna = offered.find((p) => p.key === 'CIGNA' && p.lineOfBusiness === 'COMMERCIAL');
    check(cigna, 'Cigna (commercial) is offered');
    await chooseCase('warn-missing-balloon-size');
    await page.getByLabel('Payer').selectOption(cigna.id);
    await fire();
    const coverage = await fetchJson('/fhir/Coverage/wmb01-coverage');
    check(coverage.body.type.coding[0].code === cigna.type.coding[0].code, 'Coverage type rewritten');
    const payer = await fetchJson('/fhir/Organization/wmb01-payer');
    check(payer.body.name === cigna.name, `payer Organization rewritten: ${payer.body.name}`);
    check(await page.locator('#expectations').isHidden(), 'expectations are for the case\'s own payer only');
    await page.getByLabel('Payer').selectOption('case');
    await fire();
    const back = await fetchJson('/fhir/Organization/wmb01-payer');
    check(back.body.name.startsWith('Novitas'), 'the case\'s own payer again');
  });

  await step('a hostile note pasted as data renders as text and runs no script', async () => {
    const source = await fetchJson('/sandbox/api/cases/info-59-where-xs-fits-medicare');
    const bundle = source.body.bundle;
    for (const entry of bundle.entry) {
      const r = entry.resource;
      if (r.resourceType === 'DocumentReference') {
        const a = r.content[0].attachment;
        const note = Buffer.from(a.data, 'base64').toString('utf8');
        check(note.includes('are distinct sites.'), 'the note sentence the card quotes');
        a.data = Buffer.from(note.replace('are distinct sites.', `are distinct sites${HOSTILE}.`), 'utf8').toString('base64');
      }
    }
    const pasted = JSON.stringify(bundle).replaceAll('ixm01', 'e2eh1');
    await page.getByText('Paste FHIR data').click();
    await page.getByLabel('Claim, Procedure or Bundle (FHIR R4 JSON)').fill(pasted);
    await page.getByLabel('Hook').selectOption('encounter-discharge');
    await fire();
    const c = card('mod-x-modifier-preferred');
    await c.waitFor();
    const unfold = c.getByRole('button', { name: 'Show the whole detail' });
    if (await unfold.count()) {
      await unfold.focus();
      await page.keyboard.press('Enter');
      check(await c.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded') === 'true', 'the detail unfolds');
    }
    const detail = await c.locator('.card__detail').textContent();
    check(detail.includes('<script>window.__pwned=1</script>'), 'the quoted note shows the script tag as text');
    check(detail.includes('<img src=x onerror="window.__pwned=1">'), 'the quoted note shows the img tag as text');
    const dangerous = await page.evaluate(() => ({
      scripts: document.querySelectorAll('#cards script, #cards img, #cards iframe, #cards [onerror], #cards [onload]').length,
      js: [...document.querySelectorAll('#cards a')].filter((a) => !/^(https?:|\/|#|mailto:)/.test(a.getAttribute('href'))).length,
      pwned: window.__pwned,
    }));
    check(dangerous.scripts === 0, `${dangerous.scripts} dangerous element(s) in the cards`);
    check(dangerous.js === 0, `${dangerous.js} link(s) to something other than http(s) or a path here`);
    check(dangerous.pwned === undefined, 'a script from the data ran');
    await c.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/sandbox-hostile-note.png` });
  });

  await step('the renderer itself keeps hostile Markdown inert', async () => {
    const result = await page.evaluate(async (hostile) => {
      const { renderMarkdown } = await import('/ui/markdown.js');
      const box = document.createElement('div');
      box.append(renderMarkdown(`# x\n\n${hostile}\n\n<svg onload="window.__pwned=1"></svg> [a](JaVaScRiPt:window.__pwned=1) ![i](x onerror=window.__pwned=1)\n\n- <iframe src="javascript:window.__pwned=1"></iframe>`, document));
      document.body.append(box);
      await new Promise((r) => setTimeout(r, 300));
      const elements = [...box.querySelectorAll('*')].map((e) => e.tagName.toLowerCase());
      const attributes = [...box.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name));
      box.remove();
      return { elements, attributes, pwned: window.__pwned };
    }, HOSTILE);
    check(result.pwned === undefined, 'a script ran');
    check(result.elements.every((t) => ['h4', 'p', 'ul', 'li', 'a', 'strong', 'em', 'code'].includes(t)), `elements: ${result.elements}`);
    check(result.attributes.every((a) => ['href', 'target', 'rel'].includes(a)), `attributes: ${result.attributes}`);
  });

  await step('the dashboard shows the rules fired, accepted and overridden, and the work queue', async () => {
    await page.goto(`${base}/dashboard/`);
    await page.waitForSelector('body[data-ready="true"]');
    const issued = Number((await page.locator('#tile-issued').textContent()).replace(/,/g, ''));
    check(issued >= 6, `cards issued: ${issued}`);
    check(Number(await page.locator('#tile-accepted').textContent()) >= 1, 'accepted');
    check(Number(await page.locator('#tile-overridden').textContent()) >= 1, 'overridden');
    const accepted = page.locator('tr[data-rule="ncci-ptp-edits"] td.num').nth(1);
    check(Number(await accepted.textContent()) >= 1, 'ncci-ptp-edits accepted at least once');
    const overriddenRow = page.locator('tr[data-rule="dx-supporting-diagnosis"]');
    check(Number(await overriddenRow.locator('td.num').nth(2).textContent()) >= 1, 'dx-supporting-diagnosis overridden at least once');
    check((await overriddenRow.locator('.rule-cell__reasons').textContent()).includes('The payer has a different rule'), 'override reason by rule');
    check(await page.locator('#reasons svg rect.bars__bar').count() >= 1, 'override reasons chart');
    check(await page.locator('#daily-chart svg rect.bar').count() >= 1, 'daily chart bars');
    const allRules = await page.locator('#daily-chart svg').getAttribute('aria-label');
    await page.getByLabel('Rule shown in the chart').selectOption('ncci-ptp-edits');
    const oneRule = await page.locator('#daily-chart svg').getAttribute('aria-label');
    check(/of ncci-ptp-edits .* [1-9][0-9]* accepted/.test(oneRule) && oneRule !== allRules, `one rule's chart: ${oneRule}`);
    await page.getByLabel('Rule shown in the chart').selectOption('');
    if (writeChecks) {
      await page.locator('#queue-table tbody tr').first().waitFor();
      const open = Number((await page.locator('#tile-open').textContent()).replace(/,/g, ''));
      check(open >= 1, `open issues: ${open}`);
    }
    await page.screenshot({ path: `${out}/dashboard.png`, fullPage: true });
  });

  if (!writeChecks) {
    results.push('SKIP  the work queue: this FHIR server declares no DetectedIssue status search (no write checks)');
    console.log('SKIP  the work queue: this FHIR server declares no DetectedIssue status search (no write checks)');
  } else await step('the work queue filters by rule and links each issue to its Claim or Procedure', async () => {
    await page.getByLabel('Rule', { exact: true }).selectOption('dx-medicare-abn');
    await page.waitForFunction(() => /for dx-medicare-abn/.test(document.getElementById('queue-status').textContent));
    const rules = await page.locator('#queue-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.rule));
    check(rules.length >= 1 && rules.every((r) => r === 'dx-medicare-abn'), `rows: ${rules}`);
    const href = await page.locator('#queue-table tbody a').first().getAttribute('href');
    check(/^\/fhir\/(Claim|Procedure)\/wag01-(claim|procedure)\?_format=json/.test(href), `link: ${href}`);
    const linked = await fetchJson(href);
    check(['Claim', 'Procedure'].includes(linked.body.resourceType), 'the link opens the resource as JSON');
  });

  await step('nothing was fetched from outside the application and no script failed', async () => {
    check(outside.length === 0, `outside requests: ${outside.join(', ')}`);
    check(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
  });
} catch {
  // The failed step has been reported; what the page said may tell why.
  if (pageErrors.length) console.log(`      page errors: ${pageErrors.join(' | ')}`);
} finally {
  await page.screenshot({ path: `${out}/last-page.png`, fullPage: true }).catch(() => {});
  await browser.close();
}

const passed = results.filter((r) => r.startsWith('PASS')).length;
const skipped = results.filter((r) => r.startsWith('SKIP')).length;
console.log(`\n${results.length} steps: ${passed} passed, ${results.length - passed - skipped} failed, ${skipped} skipped`);
console.log(`screenshots: ${out}`);
process.exit(failed ? 1 : 0);
