// Surveys: a coordinator creates invitation codes for the open second wave
// of the Dortmund demo series ("Sicherheit und Vertrauen") and a resident
// answers with one of them in Turkish, with JavaScript switched off; the
// same code is refused a second time; with JavaScript a click on the map
// fills the coordinates. No axe violation on the answer page
// (Turkish, Arabic right to left, with errors), the thank-you page, the
// results page and the coordinator's survey pages.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from '../lib/server.mjs';
import { a11yContext, expectNoA11yViolations } from '../lib/axe.mjs';
import { signIn } from '../lib/session.mjs';

describe('surveys', { timeout: 300_000 }, () => {
  let server;
  let browser;
  let surveyPath;
  let code;
  let secondCode;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a coordinator prints letters with access codes for the second wave', async () => {
    const context = await a11yContext(browser);
    try {
      const page = await context.newPage();
      await signIn(page, server.baseUrl, server.account('dortmund', 'coordinator'));
      await page.goto(`${server.baseUrl}/dortmund/staff/surveys?lang=de`);
      await expectNoA11yViolations(page, 'staff survey list');
      const rows = page.locator('tbody tr', { hasText: 'Sicherheit und Vertrauen' });
      assert.equal(await rows.count(), 2);
      await rows.nth(1).getByRole('link').click();
      await page.waitForURL(/\/staff\/surveys\/[0-9a-f-]{36}$/);
      await expectNoA11yViolations(page, 'staff survey page');
      const id = page.url().split('/').pop();
      surveyPath = `/dortmund/surveys/${id}`;
      await page.getByLabel('Anzahl neuer Codes').fill('2');
      await page.getByRole('button', { name: 'Codes erzeugen und Briefe anzeigen' }).click();
      await page.waitForLoadState();
      const codes = await page.locator('.letter-code').allInnerTexts();
      assert.equal(codes.length, 2);
      assert.match(codes[0], /^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
      code = codes[0];
      secondCode = codes[1];
      await expectNoA11yViolations(page, 'letters page');
    } finally {
      await context.close();
    }
  });

  it('a resident answers with the code in Turkish, without JavaScript, once', async () => {
    const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}${surveyPath}?lang=tr`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'tr');
      assert.match(await page.locator('h1').innerText(), /Dortmund'da güvenlik ve güven/);

      // Sent without the code: the error summary in Turkish.
      await page.getByRole('button', { name: 'Cevapları gönder' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('.error-summary').innerText(), /erişim kodunu girin/);

      await page.getByLabel('Mektubunuzdaki erişim kodu').fill(code.toLowerCase());
      const q1 = page.getByRole('group', { name: /Semtimde kendimi güvende hissediyorum/ });
      await q1.getByLabel('büyük ölçüde katılıyorum').check();
      const q2 = page.getByRole('group', { name: /Polise güveniyorum/ });
      await q2.getByLabel('kısmen').check();
      await page.getByRole('group', { name: /Birden fazla|güvende hissetmenizi/ }).getByLabel('Daha iyi aydınlatma').check();
      await page.locator('#q7-district').selectOption({ label: 'Eving' });
      await page.locator('#q7-place').fill('Bahnhof Eving, Unterführung');
      await page.getByRole('group', { name: 'Günün saati' }).getByLabel('gece').check();
      await page.getByRole('group', { name: /göç geçmişi var mı/ }).getByLabel('evet').check();
      await page.getByRole('button', { name: 'Cevapları gönder' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('h1').innerText(), /Çok teşekkürler/);

      // The same code again: refused.
      await page.goto(`${server.baseUrl}${surveyPath}?lang=tr&token=${code}`);
      const q1again = page.getByRole('group', { name: /Semtimde kendimi güvende hissediyorum/ });
      await q1again.getByLabel('tamamen katılıyorum').check();
      await page.getByRole('group', { name: /Polise güveniyorum/ }).getByLabel('kısmen').check();
      await page.getByRole('button', { name: 'Cevapları gönder' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('.error-summary').innerText(), /zaten cevap verildi/);
    } finally {
      await context.close();
    }
  });

  it('answer and results pages have no axe violation in German and Arabic', async () => {
    const context = await a11yContext(browser);
    try {
      const page = await context.newPage();
      for (const lang of ['de', 'ar']) {
        await page.goto(`${server.baseUrl}${surveyPath}?lang=${lang}`);
        if (lang === 'ar') assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
        // With JavaScript the map appears; a click fills the coordinates.
        const map = page.locator('figure.survey-map svg');
        assert.equal(await map.isVisible(), true);
        await map.click({ position: { x: 200, y: 150 } });
        assert.match(await page.locator('#q7-lat').inputValue(), /^5\d\.\d{6}$/);
        await expectNoA11yViolations(page, `answer page (${lang})`);
        await page.goto(`${server.baseUrl}${surveyPath}/results?lang=${lang}`);
        assert.equal(await page.locator('svg.chart').first().isVisible(), true);
        await expectNoA11yViolations(page, `results page (${lang})`);
      }
      await page.goto(`${server.baseUrl}/dortmund/surveys?lang=de`);
      await expectNoA11yViolations(page, 'survey list');
      // Turkish: the form, the form with errors, the thank-you page.
      await page.goto(`${server.baseUrl}${surveyPath}?lang=tr`);
      await expectNoA11yViolations(page, 'answer page (tr)');
      await page.getByRole('button', { name: 'Cevapları gönder' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('.error-summary').innerText(), /erişim kodunu girin/);
      await expectNoA11yViolations(page, 'answer page with errors (tr)');
      await page.getByLabel('Mektubunuzdaki erişim kodu').fill(secondCode);
      await page.getByRole('group', { name: /Semtimde kendimi güvende hissediyorum/ }).getByLabel('kısmen').check();
      await page.getByRole('group', { name: /Polise güveniyorum/ }).getByLabel('tamamen katılıyorum').check();
      await page.getByRole('button', { name: 'Cevapları gönder' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('h1').innerText(), /Çok teşekkürler/);
      await expectNoA11yViolations(page, 'thank-you page (tr)');
    } finally {
      await context.close();
    }
  });
});
