// Public safety information: a warning composed by a coordinator is
// refused for self-approval and published by a second person (police);
// no axe violation on the warning page in German, easy German (de-x-ls)
// and Arabic (right to left), the list of warnings and the safe places;
// "open near me" sorts the list in the browser and the server receives no
// request carrying the position (every request is recorded).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from '../lib/server.mjs';
import { a11yContext, expectNoA11yViolations } from '../lib/axe.mjs';
import { signIn } from '../lib/session.mjs';

const LANGS = ['de', 'de-x-ls', 'en', 'tr', 'ar', 'pl', 'ru', 'uk'];

describe('public safety information', { timeout: 300_000 }, () => {
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

  it('a warning is published only after a second person approves it', async () => {
    const author = await browser.newContext({ locale: 'de-DE' });
    const approver = await browser.newContext({ locale: 'de-DE' });
    try {
      const page = await author.newPage();
      await signIn(page, server.baseUrl, server.account('dortmund', 'coordinator'));
      await page.goto(`${server.baseUrl}/dortmund/staff/warnings/new?lang=de`);
      await page.locator('#category-select').selectOption('Safety');
      await page.locator('#event').fill('Gasaustritt');
      await page.locator('#severity-select').selectOption('Severe');
      await page.locator('input[name="district"][value="innenstadt-west"]').check();
      for (const l of LANGS) {
        await page.locator(`[id="headline_${l}"]`).fill(`Gasaustritt in der Innenstadt (${l})`);
        await page.locator(`[id="instruction_${l}"]`).fill(`Fenster schließen (${l}).`);
      }
      await page.getByRole('button', { name: 'Als Entwurf speichern und Vorschau zeigen' }).click();
      await page.waitForURL(/\/staff\/warnings\/[0-9a-f-]{36}$/);
      const draftUrl = page.url();
      assert.match(await page.locator('#status').innerText(), /Entwurf/);
      assert.match(await page.locator('main').innerText(), /Gasaustritt in der Innenstadt \(ar\)/);

      // The author's own attempt is refused and nothing is published.
      await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('#publish-error').innerText(), /zweite Person/);
      const publicList = await (await fetch(`${server.baseUrl}/dortmund/alerts`)).text();
      assert.ok(!publicList.includes('Gasaustritt in der Innenstadt'));

      const second = await approver.newPage();
      await signIn(second, server.baseUrl, server.account('dortmund', 'police'));
      await second.goto(draftUrl);
      await second.getByRole('button', { name: 'Freigeben und veröffentlichen' }).click();
      await second.waitForURL(draftUrl);
      assert.match(await second.locator('#status').innerText(), /veröffentlicht/);

      await second.goto(`${server.baseUrl}/dortmund/alerts?lang=de`);
      await second.getByRole('link', { name: 'Gasaustritt in der Innenstadt (de)' }).click();
      await second.waitForLoadState();
      assert.equal((await second.locator('h1').innerText()).trim(), 'Gasaustritt in der Innenstadt (de)');
      const cap = await fetch(`${second.url().split('?')[0]}.cap.xml`);
      assert.equal(cap.status, 200);
      const xml = await cap.text();
      for (const l of LANGS) assert.ok(xml.includes(`<language>${l}</language>`), l);
    } finally {
      await author.close();
      await approver.close();
    }
  });

  it('warning pages have no axe violation in German, easy German and Arabic', async () => {
    const context = await a11yContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/dortmund/alerts?lang=de`);
      await expectNoA11yViolations(page, 'alerts list');
      const href = await page.getByRole('link', { name: /Hitzewarnung/ }).first().getAttribute('href');
      for (const lang of ['de', 'de-x-ls', 'ar']) {
        await page.goto(`${server.baseUrl}${href}?lang=${lang}`);
        if (lang === 'ar') {
          assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
          assert.match(await page.locator('h1').innerText(), /تحذير من الحر/);
        }
        if (lang === 'de-x-ls') assert.match(await page.locator('h1').innerText(), /Es wird sehr heiß/);
        await expectNoA11yViolations(page, `warning page (${lang})`);
      }
      for (const lang of ['de', 'ar']) {
        await page.goto(`${server.baseUrl}/dortmund/safe-places?lang=${lang}`);
        await expectNoA11yViolations(page, `safe places (${lang})`);
      }
      await page.goto(`${server.baseUrl}/dortmund/safe-places/apply?lang=de`);
      await expectNoA11yViolations(page, 'apply form');
    } finally {
      await context.close();
    }
  });

  it('staff pages for warnings and safe places have no axe violation', async () => {
    const context = await a11yContext(browser);
    try {
      const page = await context.newPage();
      await signIn(page, server.baseUrl, server.account('dortmund', 'coordinator'));
      for (const path of ['/dortmund/staff/warnings', '/dortmund/staff/warnings/new', '/dortmund/staff/safe-places']) {
        await page.goto(`${server.baseUrl}${path}?lang=de`);
        await expectNoA11yViolations(page, path);
      }
      // The compose form with errors (expiry before onset).
      await page.goto(`${server.baseUrl}/dortmund/staff/warnings/new?lang=de`);
      await page.locator('#event').fill('Test');
      await page.locator('#expires').fill('2000-01-01T10:00');
      await page.getByRole('button', { name: 'Als Entwurf speichern und Vorschau zeigen' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('.error-summary').innerText(), /Das Ende muss nach dem Beginn liegen/);
      await expectNoA11yViolations(page, 'compose form with errors');
    } finally {
      await context.close();
    }
  });

  it('"open near me" sorts in the browser and sends no position', async () => {
    const lat = 51.55123;
    const lon = 7.48456;
    const context = await browser.newContext({
      locale: 'de-DE',
      geolocation: { latitude: lat, longitude: lon },
      permissions: ['geolocation'],
    });
    try {
      const page = await context.newPage();
      const requests = [];
      page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' }));
      await page.goto(`${server.baseUrl}/dortmund/safe-places?lang=de`);
      await page.getByRole('button', { name: 'Geöffnet in meiner Nähe' }).click();
      await page.locator('#near-me-status').filter({ hasText: /nächsten zuerst/ }).waitFor();
      // Every place got its distance, computed here; the list is sorted by it
      // and only places open now stay visible.
      const rows = await page.locator('#place-list > li').evaluateAll((lis) =>
        lis.map((li) => ({ d: Number(li.dataset.distance), open: li.dataset.open, hidden: li.hidden })));
      assert.ok(rows.length >= 24);
      for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].d <= rows[i].d, 'sorted by distance');
      for (const r of rows) assert.equal(r.hidden, r.open !== '1');
      await page.waitForTimeout(500);
      const origin = new URL(server.baseUrl).origin;
      const paths = [];
      for (const r of requests) {
        const u = new URL(r.url);
        assert.equal(u.origin, origin, `request to another host: ${r.url}`);
        assert.equal(r.method, 'GET', r.url);
        for (const needle of ['51.55', '7.48', '51,55', '7,48']) {
          assert.ok(!r.url.includes(needle) && !r.body.includes(needle), `position in ${r.url}`);
        }
        paths.push(u.pathname);
      }
      // Only the page and its assets.
      assert.equal(paths[0], '/dortmund/safe-places');
      for (const p of paths.slice(1)) assert.match(p, /^\/assets\//, p);
    } finally {
      await context.close();
    }
  });
});
