/**
 * The studio in a real headless browser (Debian's chromium driven by puppeteer-core): every view
 * loads, an event posted through the hooks form puts a new card on the customer's timeline, a second
 * event arriving outside the page appears by itself, and the card opens its run log. Screenshots are
 * saved under .kac/studio/ as artifacts. Without chromium the suite says why and skips, unless
 * KAC_REQUIRE_BROWSER=1 (as .ci/run sets), where a missing browser fails.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'puppeteer-core';
import { repoRoot, startStudioFixture, type StudioFixture } from './helpers.js';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter((p): p is string => Boolean(p));
const executablePath = CANDIDATES.find((p) => existsSync(p));
const SHOTS = join(repoRoot, '.kac/studio');
const WAIT = { timeout: 30_000 };

const browserSuite = suite('kac studio in a headless browser');
let fx: StudioFixture;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

async function view(hash: string, ready: string): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
  await page.waitForFunction(
    `document.querySelector('main')?.dataset.ready === ${JSON.stringify(ready)} && !document.querySelector('main').hasAttribute('aria-busy')`,
    WAIT,
  );
}

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

browserSuite.before(async () => {
  try {
    await mkdir(SHOTS, { recursive: true });
    fx = await startStudioFixture();
    const puppeteer = (await import('puppeteer-core')).default;
    browser = await puppeteer.launch({
      executablePath: executablePath!,
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 860 });
    page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
    page.on('pageerror', (e) => void consoleErrors.push(String(e)));
    // Offline: every request the page makes must go to the studio itself.
    await page.setRequestInterception(true);
    page.on('request', (r) =>
      r.url().startsWith(fx.studio.url)
        ? r.continue()
        : (consoleErrors.push(`off-origin request: ${r.url()}`), r.abort()),
    );
    await page.goto(fx.studio.url);
    await page.waitForFunction(`document.querySelector('main')?.dataset.ready === 'workflows'`, WAIT);
  } catch (error) {
    // uvu swallows a failing hook's error; say it.
    console.error('studio browser setup failed:', error, consoleErrors);
    throw error;
  }
});

browserSuite.after(async () => {
  await browser?.close();
  await fx?.dispose();
});

browserSuite('Workflows: the regal-call-completed graph is drawn, its nodes link to the steps', async () => {
  await view('#/workflows/regal-call-completed', 'workflows');
  const nodes = await page.$$eval('svg.graph rect.node', (r) => r.length);
  assert.is(nodes, 32, 'the trigger and 31 steps');
  assert.ok((await page.$$eval('svg.graph path.edge', (p) => p.length)) >= 15);
  assert.match(await page.$eval('#wf-title', (e) => e.textContent ?? ''), /Regal: call completed/);
  assert.match(
    await page.$eval('.detail .meta', (e) => e.textContent ?? ''),
    /workflows\/regal\/call-completed\.ts:\d+/,
  );
  // On open the graph is fitted (as far as labels stay legible) and the trigger, top centre, is in view.
  const inPanel = () =>
    page.evaluate(`(() => {
      const panel = document.querySelector('.graph-scroll').getBoundingClientRect();
      const node = document.querySelector('svg.graph [data-node="s0"] rect.node').getBoundingClientRect();
      return node.left >= panel.left && node.right <= panel.right && node.top >= panel.top && node.bottom <= panel.bottom;
    })()`);
  assert.is(await inPanel(), true, 'the trigger node is within the visible panel on open');
  assert.match(await page.$eval('svg.graph [data-node="s0"]', (e) => e.textContent ?? ''), /received|event|hook/i);
  assert.match(await page.$eval('.zoom-level', (e) => e.textContent ?? ''), /^\d+% \(fit\)$/);
  const width = () => page.$eval('svg.graph', (e) => Number(e.getAttribute('width')));
  const fitted = await width();
  const pct = Number((await page.$eval('.zoom-level', (e) => e.textContent ?? '')).replace(/%.*/s, ''));
  assert.ok(pct >= 60 && pct < 100, `a graph wider than the panel opens shrunk, labels legible (${pct}%)`);
  await shot('workflow-graph');
  // Zoom: buttons (labelled) and keys on the focused panel; the trigger stays in view.
  await page.click('button[aria-label="Zoom in"]');
  assert.ok((await width()) > fitted, 'Zoom in widens the graph');
  assert.match(await page.$eval('.zoom-level', (e) => e.textContent ?? ''), /^\d+%$/);
  assert.is(await inPanel(), true, 'still in view after zooming in');
  await page.focus('.graph-scroll');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  assert.ok((await width()) < fitted, 'the - key zooms out');
  await page.keyboard.press('0');
  assert.is(await width(), fitted, '0 fits again');
  // Keyboard: a graph node is a link to its step.
  await page.evaluate(`document.querySelector('svg.graph a.node-link').focus()`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(`document.activeElement?.classList.contains('step')`, WAIT);
});

browserSuite('Klasses, Hooks, Runs and Plan load', async () => {
  await view('#/klasses', 'klasses');
  assert.ok((await page.$$eval('section.klass', (s) => s.length)) >= 5);
  await shot('klasses');
  await view('#/plan', 'plan');
  await page.waitForSelector('pre.code', WAIT);
  await shot('plan');
  await view('#/runs', 'runs');
  await view('#/hooks', 'hooks');
  assert.match(await page.$eval('code.url', (e) => e.textContent ?? ''), /\/v1\/hooks\/web\/[0-9a-f]{40}$/);
  const unlabelled = await page.$$eval('input, select, textarea', (els) =>
    els.filter((e) => (e as unknown as { labels: unknown[] }).labels.length === 0).map((e) => e.id),
  );
  assert.equal(unlabelled, [], 'every form control has a label');
});

browserSuite('an event posted through the form puts a new card on the timeline; the card opens its run', async () => {
  await view('#/hooks', 'hooks');
  await page.select('select[id$="-sample"]', 'call.completed.json');
  await page.waitForFunction(`document.querySelector('textarea').value.includes('call.completed')`, WAIT);
  await page.click('form.event button[type="submit"]');
  await page.waitForSelector('a.timeline-link', WAIT);
  await shot('hook-posted');
  await page.click('a.timeline-link');
  await page.waitForSelector('li.card', WAIT);
  assert.is(await page.$$eval('li.card', (c) => c.length), 1);
  assert.match(await page.$eval('li.card h4', (e) => e.textContent ?? ''), /Scheduled Callback \(OUTBOUND\)/);

  // An event from outside the page (Regal, curl) appears by itself.
  const hook = fx.org.store.state.hooks[0]!;
  const body = await readFile(join(repoRoot, 'test/fixtures/regal/sms.sent.json'), 'utf8');
  const res = await fetch(`${fx.org.baseUrl}/v1/hooks/web/${hook.hash}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fx.org.token}`, 'content-type': 'application/json' },
    body,
  });
  await res.arrayBuffer();
  await page.waitForFunction(`document.querySelectorAll('li.card').length === 2`, WAIT);
  assert.match(await page.$eval('li.card h4', (e) => e.textContent ?? ''), /^SMS sent/, 'newest first');
  await shot('customer-timeline');
  await page.evaluate(`document.querySelectorAll('li.card details').forEach((d) => (d.open = true))`);
  await shot('customer-timeline-attributes');

  await page.click('li.card:last-child a.run-link');
  await page.waitForFunction(
    `document.querySelector('main')?.dataset.ready === 'runs' && document.querySelector('main h3')?.textContent.includes('regal-call-completed')`,
    WAIT,
  );
  assert.match(await page.$eval('main h3', (e) => e.textContent ?? ''), /regal-call-completed completed/);
  assert.ok((await page.$$eval('ol.steps li.step', (s) => s.length)) >= 3);
  assert.is(
    await page.evaluate(
      `[...document.querySelector('main').childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim()).length`,
    ),
    0,
    'no stray text (an absent value printed as "null")',
  );
  await shot('run-log');
});

browserSuite('keyboard: Tab reaches the skip link, then the views', async () => {
  await page.goto(fx.studio.url);
  await page.waitForFunction(`document.querySelector('main')?.dataset.ready === 'workflows'`, WAIT);
  await page.keyboard.press('Tab');
  assert.is(await page.evaluate('document.activeElement?.textContent'), 'Skip to content');
  await page.keyboard.press('Tab');
  assert.is(await page.evaluate('document.activeElement?.textContent'), 'Workflows');
});

browserSuite('no secret in the page, no error in the console, no request off the studio', async () => {
  assert.not.ok((await page.content()).includes(fx.org.token));
  assert.equal(consoleErrors, []);
});

if (executablePath) browserSuite.run();
else if (process.env.KAC_REQUIRE_BROWSER === '1')
  throw new Error(`chromium not found (looked at ${CANDIDATES.join(', ')}); install it: apt-get install -y chromium`);
else
  console.log(
    `SKIPPED kac studio browser test: chromium not found (looked at ${CANDIDATES.join(', ')}). Install it with \`apt-get install -y chromium\` or set CHROME_PATH.`,
  );
