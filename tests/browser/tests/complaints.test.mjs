// Complaint office: an anonymous complaint sent with JavaScript switched
// off, the receipt code shown once, the status page opened with it; no
// axe violation on the intake form (also with errors), the receipt and the
// status pages in German and Arabic (right to left).
//
// The demo server uses the production key-derivation parameters (128 MiB),
// so a submission takes a few seconds in a debug build.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from '../lib/server.mjs';
import { a11yContext, expectNoA11yViolations } from '../lib/axe.mjs';

const INTAKE_FORM = 'form[action$="/complaints/new"]';
const STATUS_FORM = 'form[action$="/complaints/status"]';
const CODE = /^\d{4} \d{4} \d{4} \d{4}$/;

/** Fills and sends the intake form (German labels); returns the receipt code. */
async function submitComplaint(page, baseUrl, text) {
  await page.goto(`${baseUrl}/dortmund/complaints/new`);
  await page.getByLabel('Beschreiben Sie, was passiert ist', { exact: true }).fill(text);
  await page.getByLabel('Wann war das?', { exact: true }).fill('12.03.2026, 22:15');
  await page.getByLabel('Polizei', { exact: true }).check();
  await page.getByLabel('Aufklärung, was passiert ist', { exact: true }).check();
  await page.getByLabel('Anonym', { exact: true }).check();
  await page.getByLabel('Nein, gar nicht', { exact: true }).check();
  await page.locator(INTAKE_FORM).getByRole('button', { name: 'Beschwerde absenden' }).click();
  await page.waitForLoadState();
  assert.equal((await page.locator('h1').innerText()).trim(), 'Ihre Beschwerde ist eingegangen');
  const code = (await page.locator('#receipt-code strong').innerText()).trim();
  assert.match(code, CODE);
  return code;
}

/** Opens the status page with a code (any language). */
async function openStatus(page, baseUrl, code, lang = 'de') {
  await page.goto(`${baseUrl}/dortmund/complaints/status?lang=${lang}`);
  await page.locator(`${STATUS_FORM} input[name="code"]`).fill(code);
  await page.locator(`${STATUS_FORM} button[type="submit"]`).click();
  await page.waitForLoadState();
}

describe('complaint office', { timeout: 300_000 }, () => {
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

  it('an anonymous complaint goes through with JavaScript switched off', async () => {
    const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.setContent('<title>before</title><script>document.title = "script ran"</script>');
      assert.equal(await page.title(), 'before', 'JavaScript is off');

      const code = await submitComplaint(page, server.baseUrl, 'Bei einer Kontrolle wurde ich angeschrien.');
      await openStatus(page, server.baseUrl, code);
      assert.equal(new URL(page.url()).pathname, '/dortmund/complaints/status');
      assert.equal((await page.locator('h1').innerText()).trim(), 'Stand meiner Beschwerde');
      assert.match(await page.locator('main').innerText(), /Bei einer Kontrolle wurde ich angeschrien\./);
      assert.match(await page.locator('main').innerText(), /Eingegangen/);

      // A wrong code is refused with the form's error summary.
      const fresh = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
      try {
        const other = await fresh.newPage();
        await openStatus(other, server.baseUrl, '1111 2222 3333 4444');
        assert.match(await other.locator('.error-summary').innerText(), /Quittungscode wurde nicht erkannt/);
      } finally {
        await fresh.close();
      }
    } finally {
      await context.close();
    }
  });

  for (const lang of ['de', 'ar']) {
    it(`no WCAG 2.1 A/AA violation on intake, receipt and status pages (${lang})`, async () => {
      const context = await a11yContext(browser);
      try {
        const page = await context.newPage();
        let response = await page.goto(`${server.baseUrl}/dortmund/complaints/new?lang=${lang}`);
        assert.equal(response.status(), 200);
        assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
        await expectNoA11yViolations(page, `/dortmund/complaints/new (${lang})`);

        // The form with errors: only blanks described (blanks pass the
        // browser's own check of the required field, not the server's).
        await page.locator(`${INTAKE_FORM} textarea[name="what"]`).fill('   ');
        await page.locator(`${INTAKE_FORM} button[type="submit"]`).click();
        await page.waitForLoadState();
        assert.ok(await page.locator('.error-summary').isVisible());
        await expectNoA11yViolations(page, `/dortmund/complaints/new with errors (${lang})`);

        response = await page.goto(`${server.baseUrl}/dortmund/complaints/status?lang=${lang}`);
        assert.equal(response.status(), 200);
        await expectNoA11yViolations(page, `/dortmund/complaints/status (${lang})`);

        await page.goto(`${server.baseUrl}/dortmund/complaints/statistics?lang=${lang}`);
        await expectNoA11yViolations(page, `/dortmund/complaints/statistics (${lang})`);

        await page.goto(`${server.baseUrl}/dortmund/complaints/new?lang=de`);
        const code = await submitComplaint(page, server.baseUrl, 'Prüfung der Barrierefreiheit.');
        await expectNoA11yViolations(page, `receipt page (${lang} run)`);
        await page.goto(`${server.baseUrl}/dortmund/complaints/new?lang=${lang}`);
        await openStatus(page, server.baseUrl, code, lang);
        assert.ok(await page.locator('form[action$="/complaints/status/reply"]').isVisible());
        await expectNoA11yViolations(page, `/dortmund/complaints/status with a case (${lang})`);
      } finally {
        await context.close();
      }
    });
  }
});
