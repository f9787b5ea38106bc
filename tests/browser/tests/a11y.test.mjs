// Accessibility (axe-core, WCAG 2.1 A/AA), no third-party requests, skip link.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from '../lib/server.mjs';
import { a11yContext, expectNoA11yViolations } from '../lib/axe.mjs';
import { signIn } from '../lib/session.mjs';

/**
 * Public pages checked, each in a fresh context (the ?lang choice is kept in
 * a cookie). `skip` is the expected skip-link text, proving the language.
 * Leichte Sprache (de-x-ls) is German to assistive technology: lang="de".
 */
const PUBLIC_PAGES = [
  { path: '/dortmund', label: 'start page, German', lang: 'de', dir: 'ltr', skip: 'Zum Inhalt springen' },
  { path: '/dortmund?lang=tr', label: 'start page, Turkish', lang: 'tr', dir: 'ltr' },
  { path: '/dortmund?lang=ar', label: 'start page, Arabic (rtl)', lang: 'ar', dir: 'rtl' },
  { path: '/dortmund?lang=de-x-ls', label: 'start page, Leichte Sprache', lang: 'de', skip: 'Direkt zum Inhalt' },
  { path: '/dortmund/login', label: 'login page', lang: 'de' },
  { path: '/', label: 'portal (tenant list)', lang: 'de' },
  { path: '/dortmund/does-not-exist', label: '404 page', status: 404 },
];

describe('accessibility', { timeout: 300_000 }, () => {
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

  for (const p of PUBLIC_PAGES) {
    it(`no WCAG 2.1 A/AA violation: ${p.path} (${p.label})`, async () => {
      const context = await a11yContext(browser);
      try {
        const page = await context.newPage();
        const response = await page.goto(`${server.baseUrl}${p.path}`);
        assert.equal(response.status(), p.status ?? 200, `HTTP status of ${p.path}`);
        const html = page.locator('html');
        if (p.lang) assert.equal(await html.getAttribute('lang'), p.lang, `<html lang> of ${p.path}`);
        if (p.dir) assert.equal(await html.getAttribute('dir'), p.dir, `<html dir> of ${p.path}`);
        if (p.skip) assert.equal((await page.locator('.skip-link').innerText()).trim(), p.skip);
        await expectNoA11yViolations(page, `${p.path} (${p.label})`);
      } finally {
        await context.close();
      }
    });
  }

  it('no WCAG 2.1 A/AA violation: /dortmund/staff and /dortmund/account (coordinator)', async () => {
    const context = await a11yContext(browser);
    try {
      const page = await context.newPage();
      await signIn(page, server.baseUrl, server.account('dortmund', 'coordinator'));
      assert.equal(new URL(page.url()).pathname, '/dortmund/staff');
      await expectNoA11yViolations(page, '/dortmund/staff (coordinator)');

      const response = await page.goto(`${server.baseUrl}/dortmund/account`);
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/dortmund/account');
      await expectNoA11yViolations(page, '/dortmund/account (coordinator)');
    } finally {
      await context.close();
    }
  });

  it('no WCAG 2.1 A/AA violation: /dortmund/login with the error summary (wrong password)', async () => {
    const context = await a11yContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/dortmund/login`);
      await page.getByLabel('E-Mail-Adresse').fill('nobody@dortmund.example');
      await page.getByLabel('Passwort').fill('not-the-password');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.getByRole('alert').waitFor();
      await expectNoA11yViolations(page, '/dortmund/login (after a failed sign-in)');
    } finally {
      await context.close();
    }
  });

  it('pages request nothing from any host but the app itself', async () => {
    // An ordinary context: the real Content-Security-Policy applies.
    const context = await browser.newContext({ locale: 'de-DE' });
    try {
      const page = await context.newPage();
      const urls = [];
      page.on('request', (req) => urls.push(req.url()));
      await page.goto(`${server.baseUrl}/`);
      await page.goto(`${server.baseUrl}/dortmund`);
      await signIn(page, server.baseUrl, server.account('dortmund', 'coordinator'));
      await page.goto(`${server.baseUrl}/dortmund/account`);
      // Last, as the choice of language sticks (cookie) and signIn expects German.
      await page.goto(`${server.baseUrl}/dortmund?lang=ar`);
      await page.goto(`${server.baseUrl}/dortmund/does-not-exist`);
      await page.waitForLoadState('networkidle');
      assert.ok(urls.length > 0, 'requests were seen');
      const foreign = urls.filter((u) => !u.startsWith(`${server.baseUrl}/`));
      assert.deepEqual(foreign, [], `requests to other hosts than ${server.baseUrl}`);
    } finally {
      await context.close();
    }
  });

  it('the skip link is the first focusable element', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/dortmund`);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el?.tagName, text: el?.textContent.trim(), href: el?.getAttribute('href') };
      });
      assert.deepEqual(focused, { tag: 'A', text: 'Zum Inhalt springen', href: '#main' });
      // Following it moves to the main content.
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    } finally {
      await context.close();
    }
  });
});
