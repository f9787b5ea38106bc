// The sign-in journey through the real browser form (real CSP, no bypass).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from '../lib/server.mjs';

describe('login (coordinator, dortmund)', { timeout: 180_000 }, () => {
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

  it('signs in through the form, lands on the staff area and signs out', async () => {
    const { baseUrl } = server;
    const coordinator = server.account('dortmund', 'coordinator');
    const context = await browser.newContext({ locale: 'de-DE' });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/dortmund/login`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'de');

      await page.getByLabel('E-Mail-Adresse').fill(coordinator.login);
      await page.getByLabel('Passwort').fill(coordinator.password);
      await page.getByRole('button', { name: 'Anmelden' }).click();

      await page.waitForURL(`${baseUrl}/dortmund/staff`);
      assert.equal((await page.locator('h1').innerText()).trim(), 'Arbeitsbereich');
      const main = await page.locator('main').innerText();
      assert.match(main, /\bcoordinator\b/, `the role is shown on the staff page:\n${main}`);

      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.waitForURL(`${baseUrl}/dortmund`);
      assert.equal(await page.getByRole('button', { name: 'Abmelden' }).count(), 0);
      assert.equal(
        await page.getByRole('navigation').getByRole('link', { name: 'Anmelden' }).count(),
        1,
        'the header offers signing in again',
      );

      // The session is really gone: the staff area no longer opens.
      await page.goto(`${baseUrl}/dortmund/staff`);
      assert.notEqual(new URL(page.url()).pathname, '/dortmund/staff');
    } finally {
      await context.close();
    }
  });

  it('a wrong password shows the error and stays on the login page', async () => {
    const { baseUrl } = server;
    const coordinator = server.account('dortmund', 'coordinator');
    const context = await browser.newContext({ locale: 'de-DE' });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/dortmund/login`);
      await page.getByLabel('E-Mail-Adresse').fill(coordinator.login);
      await page.getByLabel('Passwort').fill(`${coordinator.password}-wrong`);
      const [response] = await Promise.all([
        page.waitForResponse(
          (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/dortmund/login',
        ),
        page.getByRole('button', { name: 'Anmelden' }).click(),
      ]);
      assert.equal(response.status(), 401);

      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /Die Anmeldung ist fehlgeschlagen/);
      assert.equal(new URL(page.url()).pathname, '/dortmund/login');
      assert.equal(await page.getByLabel('E-Mail-Adresse').inputValue(), coordinator.login);
      assert.equal(await page.getByLabel('Passwort').inputValue(), '');
      assert.equal((await page.locator('h1').innerText()).trim(), 'Anmelden');
    } finally {
      await context.close();
    }
  });
});
