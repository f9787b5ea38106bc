// Control centre and patrol planning: a dispatcher takes an incident and
// alerts the suggested unit; a one-day plan is computed; axe finds no
// WCAG 2.1 A/AA violation on the planning, dispatch, staff, committee and
// log pages.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from '../lib/server.mjs';
import { a11yContext, expectNoA11yViolations } from '../lib/axe.mjs';
import { signIn } from '../lib/session.mjs';

describe('patrols', { timeout: 300_000 }, () => {
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

  it('a dispatcher takes an incident and alerts the suggested unit', async () => {
    const { baseUrl } = server;
    const context = await a11yContext(browser);
    try {
      const page = await context.newPage();
      await signIn(page, baseUrl, server.account('dortmund', 'dispatcher'));
      await page.goto(`${baseUrl}/dortmund/staff/dispatch`);
      await expectNoA11yViolations(page, 'dispatch board');
      await page.getByLabel('Art').selectOption('dispute');
      await page.getByLabel('Dringlichkeit').selectOption('1');
      await page.getByLabel('Adresse').fill('Nordmarkt 1');
      await page.getByLabel('Stadtbezirk').selectOption('Innenstadt-Nord');
      await page.getByLabel('Beschreibung').fill('Streit vor dem Kiosk');
      await page.getByRole('button', { name: 'Einsatz aufnehmen' }).click();
      await page.waitForURL(/\/dortmund\/staff\/dispatch\/[0-9a-f-]{36}$/);
      assert.match(await page.locator('h1').innerText(), /^Einsatz E-/);
      await expectNoA11yViolations(page, 'incident with suggestions');
      const first = page.locator('#suggestions tbody tr').first();
      const unit = (await first.locator('td').first().innerText()).trim();
      assert.ok(unit.length > 0, 'a unit is suggested');
      await first.getByRole('button').click();
      await page.waitForURL(/assigned=1$/);
      const alerted = await page.locator('#assignments tbody').innerText();
      assert.match(alerted, new RegExp(unit));
      await expectNoA11yViolations(page, 'incident with assignment');
      // The board shows the unit en route (status 3) and the live script
      // keeps it current without a reload.
      await page.goto(`${baseUrl}/dortmund/staff/dispatch`);
      const row = page.locator('#units-body tr', { hasText: unit });
      assert.match(await row.locator('.unit-status').innerText(), /^3 /);
      const board = await page.request.get(`${baseUrl}/dortmund/staff/dispatch/board.json`);
      assert.equal(board.status(), 200);
    } finally {
      await context.close();
    }
  });

  it('planning pages compute a plan and are accessible', async () => {
    const { baseUrl } = server;
    const context = await a11yContext(browser);
    try {
      const page = await context.newPage();
      await signIn(page, baseUrl, server.account('dortmund', 'dispatcher'));
      await page.goto(`${baseUrl}/dortmund/staff/patrols`);
      await expectNoA11yViolations(page, 'plans');
      await page.getByLabel('Anzahl Tage').fill('1');
      await page.getByRole('button', { name: 'Plan berechnen' }).click();
      await page.waitForURL(/\/dortmund\/staff\/patrols\/[0-9a-f-]{36}$/, { timeout: 120_000 });
      assert.match(await page.locator('main').innerText(), /Warum hier/);
      await expectNoA11yViolations(page, 'plan');
      for (const path of ['/dortmund/staff/patrol-staff', '/dortmund/staff/patrol-committee', '/dortmund/staff/patrol-log', '/dortmund/staff/patrol-settings']) {
        await page.goto(`${baseUrl}${path}`);
        await expectNoA11yViolations(page, path);
      }
      // Settings with a bad road factor: errors next to the field and in
      // the summary, the typed value kept, still accessible.
      await page.getByLabel('Umwegfaktor (Straße gegenüber Luftlinie)').fill('schnell');
      await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
      await page.locator('.error-summary').waitFor();
      assert.equal(await page.getByLabel('Umwegfaktor (Straße gegenüber Luftlinie)').inputValue(), 'schnell');
      await expectNoA11yViolations(page, 'settings with errors');
    } finally {
      await context.close();
    }
  });
});
