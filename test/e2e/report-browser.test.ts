// The seeded workspace's HTML report in a real browser (headless Chromium, driven by puppeteer-core):
// it loads with no console error and no request to anything (every request but data: fails the test),
// the KPI rows and sprint names are in the DOM, and a screenshot is left in test-output/ for people
// to look at. Chromium is /usr/bin/chromium (Debian's package; .ci/run installs it) or CHROME_PATH.
// Under CI (CI, or LAUNCH_REQUIRE_BROWSER=1 as .ci/run sets) a missing browser fails the test;
// elsewhere it is skipped, saying why on stderr.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { SEED_CLOCK, seedEvents } from '../golden/seed.js';
import { ENV } from '../support/commands.js';
import { launchIn, scratchDir } from '../support/in-process.js';

// page.evaluate's callback runs in the page, where `document` is; the tests compile without the DOM library.
declare const document: any;

const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
const found = existsSync(chromium);
const underCi = [process.env.CI, process.env.LAUNCH_REQUIRE_BROWSER].some((v) => v !== undefined && v !== '' && v !== 'false' && v !== '0');
if (!found && !underCi) console.warn(`report-browser: skipped, no Chromium at ${chromium} (apt-get install chromium, or set CHROME_PATH)`);

describe.skipIf(!found && !underCi)('the HTML report in a browser', () => {
  it('loads without errors or requests; KPI rows and sprints are in the DOM; screenshot in test-output/report.png', { timeout: 120_000 }, async () => {
    expect(found, `no Chromium at ${chromium}: .ci/run installs it with apt-get (or set CHROME_PATH)`).toBe(true);
    const dir = scratchDir();
    const init = await launchIn(['init', '--start', '2026-11-30', '--tz', 'Europe/Berlin', '--as', 'alice', '--holiday', '2026-12-25'], { cwd: dir, env: ENV, now: '2026-11-29T10:00:00Z' });
    expect(init.code, init.stderr).toBe(0);
    writeFileSync(join(dir, '.launch', 'events.jsonl'), seedEvents());
    const r = await launchIn(['report', '--out', 'report.html'], { cwd: dir, env: ENV, now: SEED_CLOCK });
    expect(r.code, r.stderr).toBe(0);

    const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], timeout: 90_000 });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
      page.on('pageerror', (e) => void problems.push(`page error: ${String(e)}`));
      page.on('requestfailed', (req) => void (req.url().startsWith('file:') || problems.push(`failed: ${req.url()}`)));
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        const url = req.url();
        // The page itself is the one file we open; anything else it asks for is a request it must not make.
        if (url.startsWith('data:') || url === `file://${join(dir, 'report.html')}`) return void req.continue();
        problems.push(`request: ${url}`);
        void req.abort();
      });
      await page.setViewport({ width: 1100, height: 900 });
      await page.goto(`file://${join(dir, 'report.html')}`, { waitUntil: 'load', timeout: 60_000 });
      const dom = await page.evaluate(() => ({
        kpiRows: document.querySelectorAll('table.kpis tr.kpi-row').length,
        metrics: [...document.querySelectorAll('table.kpis th[scope="rowgroup"]')].map((th: any) => th.textContent),
        sprints: [...document.querySelectorAll('#progress ~ table th[scope="row"]')].map((th: any) => th.textContent),
        charts: [...document.querySelectorAll('svg[role="img"]')].map((s: any) => s.querySelector('title')?.textContent ?? ''),
        scripts: document.scripts.length,
      }));
      expect(dom.kpiRows).toBe(32);
      expect(dom.metrics).toContain('Bundle Size');
      expect(dom.sprints.slice(0, 4)).toEqual(['Sprint 1', 'Sprint 2', 'Sprint 3-4', 'Sprint 5']);
      expect(dom.charts[0]).toMatch(/^Burndown: 119 items/);
      expect(dom.scripts).toBe(0);
      const out = join(repoRoot, 'test-output');
      mkdirSync(out, { recursive: true });
      await page.screenshot({ path: join(out, 'report.png'), fullPage: true });
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await page.screenshot({ path: join(out, 'report-dark.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
