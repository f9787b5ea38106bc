// Accountability: an order-service officer reports an attack on a phone
// viewport (under two minutes, no horizontal scrolling); axe finds no
// WCAG 2.1 A/AA violation on the attack form, the report page, the
// use-of-force and bodycam forms, the supervisors' pages and the
// committee's HTML report (with a year of demo records and its SVG charts).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from '../lib/server.mjs';
import { a11yContext, expectNoA11yViolations } from '../lib/axe.mjs';

const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

async function signIn(page, baseUrl, account) {
  await page.goto(`${baseUrl}/dortmund/login`);
  await page.getByLabel('E-Mail-Adresse').fill(account.login);
  await page.getByLabel('Passwort').fill(account.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(`${baseUrl}/dortmund/staff`);
}

async function fitsThePhone(page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  assert.ok(overflow <= 0, `${page.url()} scrolls sideways by ${overflow}px on a phone`);
}

describe('accountability', { timeout: 300_000 }, () => {
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

  it('an officer reports an attack on a phone, and the pages are accessible', async (t) => {
    const { baseUrl } = server;
    const context = await a11yContext(browser, PHONE);
    try {
      const page = await context.newPage();
      await signIn(page, baseUrl, server.account('dortmund', 'kod'));

      const started = Date.now();
      await page.goto(`${baseUrl}/dortmund/staff/attacks/new`);
      await fitsThePhone(page);
      await expectNoA11yViolations(page, 'attack form (phone)');
      await page.getByLabel('Verbal (Beleidigung, Drohung)').check();
      await page.getByLabel('Körperlich').check();
      await page.getByLabel('Ort', { exact: true }).fill('Nordmarkt, Eingang Kiosk');
      await page.getByLabel('Lage').selectOption('order_to_leave');
      await page.getByLabel('Beschreibung').fill('Beim Platzverweis geschubst und beschimpft.');
      await page.getByLabel('Zeuginnen und Zeugen').fill('Kollege im Streifenwagen');
      await page.getByRole('button', { name: 'Meldung absenden' }).click();
      await page.waitForLoadState();
      const seconds = (Date.now() - started) / 1000;
      assert.ok(seconds < 120, `reporting took ${seconds}s`);
      t.diagnostic(`attack reported in ${seconds.toFixed(1)} s (form opened to report page, incl. axe run)`);
      assert.match(await page.locator('h1').innerText(), /^Meldung AM-/);
      const main = await page.locator('main').innerText();
      assert.match(main, /Danke\. Ihre Meldung ist eingegangen\./);
      assert.match(main, /Nordmarkt, Eingang Kiosk/);
      assert.match(main, /Strafanzeige und Strafantrag/);
      await fitsThePhone(page);
      await expectNoA11yViolations(page, 'attack report page (phone)');

      for (const path of [
        '/dortmund/staff/attacks',
        '/dortmund/staff/force',
        '/dortmund/staff/force/new',
        '/dortmund/staff/bodycam/new',
        '/dortmund/staff/force-reviews',
        '/dortmund/staff/bodycam',
      ]) {
        await page.goto(`${baseUrl}${path}`);
        assert.equal((await page.evaluate(() => document.readyState)), 'complete');
        await expectNoA11yViolations(page, path);
      }
      await page.goto(`${baseUrl}/dortmund/staff/force/new`);
      await fitsThePhone(page);
    } finally {
      await context.close();
    }
  });

  it('the committee report as HTML has charts and no axe violation', async () => {
    const { baseUrl } = server;
    const context = await a11yContext(browser);
    try {
      const page = await context.newPage();
      await signIn(page, baseUrl, server.account('dortmund', 'committee'));
      await page.goto(`${baseUrl}/dortmund/staff/committee-reports`);
      await expectNoA11yViolations(page, 'committee report index');
      const year = new Date().getFullYear();
      await page.goto(`${baseUrl}/dortmund/staff/committee-reports/${year}.html`);
      assert.equal((await page.locator('h1').innerText()).trim(), `Bericht ${year}`);
      assert.ok((await page.locator('svg[role="img"]').count()) >= 4, 'charts are drawn');
      const records = await page.locator('#headline dd').first().innerText();
      assert.ok(Number(records) > 0, `a year of demo records: ${records}`);
      await expectNoA11yViolations(page, `committee report ${year}`);
      const pdf = await page.request.get(`${baseUrl}/dortmund/staff/committee-reports/${year}.pdf`);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    } finally {
      await context.close();
    }
  });
});
