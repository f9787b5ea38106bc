// Reports of defects and unsafe places: a report by address and one by
// coordinates with JavaScript switched off, one by a click on the map with
// JavaScript on, the private follow page; no axe violation on the report
// pages (also with errors), the list view with its map and a report's
// public page, in German and Arabic (right to left).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from '../lib/server.mjs';
import { a11yContext, expectNoA11yViolations } from '../lib/axe.mjs';

const DETAILS_FORM = 'form[action$="/reports/new"]';

/** Step 1: the category, then "Weiter". */
async function chooseCategory(page, baseUrl, label) {
  await page.goto(`${baseUrl}/dortmund/reports/new`);
  await page.getByLabel(label, { exact: true }).check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.waitForLoadState();
}

/** Step 3: the description, then send; returns the follow link. */
async function describeAndSend(page, text) {
  assert.ok(await page.locator(DETAILS_FORM).isVisible(), 'details form shown');
  await page.getByLabel('Was ist los?', { exact: true }).fill(text);
  await page.locator(DETAILS_FORM).getByRole('button', { name: 'Meldung absenden' }).click();
  await page.waitForLoadState();
  assert.equal((await page.locator('h1').innerText()).trim(), 'Danke für Ihre Meldung');
  return page.locator('#follow-link').getAttribute('href');
}

describe('reports', { timeout: 300_000 }, () => {
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

  it('a report by address and one by coordinates go through with JavaScript off', async () => {
    const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.setContent('<title>before</title><script>document.title = "script ran"</script>');
      assert.equal(await page.title(), 'before', 'JavaScript is off');

      await chooseCategory(page, server.baseUrl, 'Straßenbeleuchtung');
      await page.getByLabel('Straße und Hausnummer oder Ortsbeschreibung').fill('Hansastraße 12');
      await page.getByLabel('Stadtbezirk', { exact: true }).selectOption({ label: 'Innenstadt-West' });
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.waitForLoadState();
      const follow = await describeAndSend(page, 'Laterne vor dem Haus ist seit Tagen aus.');
      await page.goto(`${server.baseUrl}${follow}`);
      assert.match(await page.locator('main').innerText(), /Laterne vor dem Haus ist seit Tagen aus\./);
      assert.match(await page.locator('#status').innerText(), /offen/);

      // The map's accessible alternative without JavaScript: coordinates.
      await chooseCategory(page, server.baseUrl, 'Schlecht beleuchteter Ort');
      await page.locator('#place summary').click();
      await page.getByLabel('Breitengrad').fill('51.5172');
      await page.getByLabel('Längengrad').fill('7.4592');
      await page.getByLabel('nachts', { exact: true }).check();
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.waitForLoadState();
      await describeAndSend(page, 'Unterführung abends stockdunkel.');

      // Outside the city: refused with the error next to the field.
      await chooseCategory(page, server.baseUrl, 'Graffiti');
      await page.locator('#place summary').click();
      await page.getByLabel('Breitengrad').fill('52.52');
      await page.getByLabel('Längengrad').fill('13.40');
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('.error-summary').innerText(), /außerhalb der Stadt/);
    } finally {
      await context.close();
    }
  });

  it('a click on the map sets the pin with JavaScript on', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    try {
      const page = await context.newPage();
      await chooseCategory(page, server.baseUrl, 'Illegale Müllablagerung');
      await page.locator('#place summary').click();
      const map = page.locator('#pick-map');
      const box = await map.boundingBox();
      await map.click({ position: { x: box.width * 0.5, y: box.height * 0.5 } });
      const lat = parseFloat(await page.getByLabel('Breitengrad').inputValue());
      const lon = parseFloat(await page.getByLabel('Längengrad').inputValue());
      assert.ok(lat > 51.4 && lat < 51.65, `latitude ${lat}`);
      assert.ok(lon > 7.2 && lon < 7.7, `longitude ${lon}`);
      assert.ok(await page.locator('#pick-map-pin').count() === 1, 'pin drawn');
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.waitForLoadState();
      const follow = await describeAndSend(page, 'Sperrmüll am Straßenrand.');
      assert.match(follow, /^\/dortmund\/reports\/follow\//);
    } finally {
      await context.close();
    }
  });

  for (const lang of ['de', 'ar']) {
    it(`no WCAG 2.1 A/AA violation on the report pages and the list view (${lang})`, async () => {
      const context = await a11yContext(browser);
      try {
        const page = await context.newPage();
        const base = `${server.baseUrl}/dortmund`;
        let response = await page.goto(`${base}/reports/new?lang=${lang}`);
        assert.equal(response.status(), 200);
        assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
        await expectNoA11yViolations(page, `/reports/new (${lang})`);

        await page.goto(`${base}/reports/new?category=poorly-lit&lang=${lang}`);
        await expectNoA11yViolations(page, `place form (${lang})`);
        // With errors (nothing given).
        response = await page.goto(`${base}/reports/new/details?category=poorly-lit&lang=${lang}`);
        assert.equal(response.status(), 422);
        assert.ok(await page.locator('.error-summary').isVisible());
        await expectNoA11yViolations(page, `place form with errors (${lang})`);

        // Details with a duplicate nearby (the unsafe place reported by the
        // first test, 11 m away).
        await page.goto(
          `${base}/reports/new/details?category=poorly-lit&lat=51.5173&lon=7.4592&time_of_day=night&lang=${lang}`,
        );
        assert.ok(await page.locator('#duplicates').isVisible(), 'duplicates offered');
        await expectNoA11yViolations(page, `details with duplicates (${lang})`);

        await page.goto(`${base}/reports?lang=${lang}`);
        await expectNoA11yViolations(page, `/reports list and map (${lang})`);
        const first = page.locator('table a[href*="/reports/view/"]').first();
        const href = await first.getAttribute('href');
        await page.goto(`${server.baseUrl}${href}?lang=${lang}`);
        await expectNoA11yViolations(page, `a report's page (${lang})`);

        await page.goto(`${base}/reports?layer=unsafe&time=night&lang=${lang}`);
        await expectNoA11yViolations(page, `/reports unsafe places at night (${lang})`);

        await page.goto(
          `${base}/reports/new/details?category=street-lighting&address=Hansastra%C3%9Fe%2012&district=innenstadt-west&lang=${lang}`,
        );
        await expectNoA11yViolations(page, `details form (${lang})`);
        // Errors on the details form: blanks only.
        await page.locator(`${DETAILS_FORM} textarea[name="description"]`).fill('   ');
        await page.locator(`${DETAILS_FORM} button[type="submit"]`).click();
        await page.waitForLoadState();
        assert.ok(await page.locator('.error-summary').isVisible());
        await expectNoA11yViolations(page, `details form with errors (${lang})`);
        await page.locator(`${DETAILS_FORM} textarea[name="description"]`).fill('Prüfung der Barrierefreiheit.');
        await page.locator(`${DETAILS_FORM} button[type="submit"]`).click();
        await page.waitForLoadState();
        await expectNoA11yViolations(page, `receipt (${lang})`);
        const follow = await page.locator('#follow-link').getAttribute('href');
        await page.goto(`${server.baseUrl}${follow}?lang=${lang}`);
        await expectNoA11yViolations(page, `follow page (${lang})`);
      } finally {
        await context.close();
      }
    });
  }
});
