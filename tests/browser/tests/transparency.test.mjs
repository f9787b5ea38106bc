// Transparency dashboard (German and Arabic, right to left), the data
// dictionary and the rescue service's import page: no axe-core violation,
// charts have table equivalents, the import works without JavaScript.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launchBrowser } from '../lib/server.mjs';
import { a11yContext, expectNoA11yViolations } from '../lib/axe.mjs';
import { signIn } from '../lib/session.mjs';

describe('transparency', { timeout: 300_000 }, () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const p of [
    { path: '/dortmund/transparency', lang: 'de', dir: 'ltr' },
    { path: '/dortmund/transparency?lang=ar', lang: 'ar', dir: 'rtl' },
    { path: '/dortmund/transparency?period=2026-q4&lang=tr', lang: 'tr', dir: 'ltr' },
    { path: '/dortmund/transparency/data', lang: 'de', dir: 'ltr' },
  ]) {
    it(`no WCAG 2.1 A/AA violation: ${p.path}`, async () => {
      const context = await a11yContext(browser);
      try {
        const page = await context.newPage();
        const response = await page.goto(`${server.baseUrl}${p.path}`);
        assert.equal(response.status(), 200);
        assert.equal(await page.locator('html').getAttribute('lang'), p.lang);
        assert.equal(await page.locator('html').getAttribute('dir'), p.dir);
        if (!p.path.includes('/data')) {
          const charts = await page.locator('svg.chart').count();
          assert.ok(charts >= 10, `${charts} charts`);
          for (let i = 0; i < charts; i++) {
            const table = await page.locator('svg.chart').nth(i).getAttribute('aria-describedby');
            assert.equal(await page.locator(`table#${table}`).count(), 1, `table of chart ${table}`);
          }
        }
        await expectNoA11yViolations(page, p.path);
      } finally {
        await context.close();
      }
    });
  }

  it('the demo shows a district below the review threshold', async () => {
    const context = await a11yContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/dortmund/transparency`);
      const warnings = await page.locator('.transparency-warning').allInnerTexts();
      assert.ok(warnings.some((w) => w.includes('Scharnhorst')), warnings.join('\n'));
    } finally {
      await context.close();
    }
  });

  it('the import page has no violation, also with the line report', async () => {
    const context = await a11yContext(browser);
    try {
      const page = await context.newPage();
      await signIn(page, server.baseUrl, server.account('dortmund', 'rescue'));
      await page.goto(`${server.baseUrl}/dortmund/staff/response-targets`);
      await expectNoA11yViolations(page, '/dortmund/staff/response-targets');
      const dir = mkdtempSync(join(tmpdir(), 'vn-dispatch-'));
      const file = join(dir, 'einsaetze.csv');
      writeFileSync(
        file,
        'incident_id,district,category,called_at,dispatched_at,arrived_at\n' +
          'B1,Eving,notfall,2026-03-10 10:00:00,2026-03-10 10:01:00,2026-03-10 10:07:00\n' +
          'B2,Nirgendwo,notfall,2026-03-10 10:00:00,2026-03-10 10:01:00,2026-03-10 10:07:00\n',
      );
      await page.getByLabel('CSV-Datei').setInputFiles(file);
      await page.getByRole('button', { name: 'Importieren' }).click();
      await page.waitForLoadState('load');
      const problems = await page.locator('#import-problems').innerText();
      assert.match(problems, /Zeile 3: Unbekannter Stadtbezirk/);
      await expectNoA11yViolations(page, '/dortmund/staff/response-targets (import result)');
    } finally {
      await context.close();
    }
  });
});
