// The cooperation network in a real browser: an organisation applies, the
// coordinator opens the review, the steering group votes, the decision mail
// lands in the demo outbox; axe-core on the network's public pages.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser } from '../lib/server.mjs';
import { a11yContext, expectNoA11yViolations } from '../lib/axe.mjs';
import { signIn } from '../lib/session.mjs';
import { waitForMail } from '../lib/mail.mjs';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const APPLICANT = 'vorstand@werkstatt-nord.example';
const ORG = 'Werkstatt Nord e. V.';

const PUBLIC_PAGES = [
  '/dortmund/network',
  '/dortmund/agreement',
  '/dortmund/agreement/diff?from=1&to=2',
  '/dortmund/news',
  '/dortmund/accountability',
  '/dortmund/network/join',
];

describe('cooperation network', { timeout: 300_000 }, () => {
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

  for (const lang of ['de', 'ar', 'tr']) {
    it(`public network pages have no WCAG 2.1 A/AA violation (${lang})`, async () => {
      const context = await a11yContext(browser);
      try {
        const page = await context.newPage();
        for (const p of PUBLIC_PAGES) {
          const sep = p.includes('?') ? '&' : '?';
          const response = await page.goto(`${server.baseUrl}${p}${sep}lang=${lang}`);
          assert.equal(response.status(), 200, p);
          await expectNoA11yViolations(page, `${p} (${lang})`);
        }
        // A published release from the news list.
        await page.goto(`${server.baseUrl}/dortmund/news?lang=${lang}`);
        await page.locator('article h2 a').first().click();
        await expectNoA11yViolations(page, `news item (${lang})`);
      } finally {
        await context.close();
      }
    });
  }

  it('an application is reviewed, voted on and decided; the decision mail arrives', async () => {
    // The applicant declares interest and completes the application.
    const applicant = await a11yContext(browser);
    const page = await applicant.newPage();
    await page.goto(`${server.baseUrl}/dortmund/network/join?lang=de`);
    await page.locator('#org_name').fill(ORG);
    await page.locator('#contact_name').fill('Mira Schulz');
    await page.locator('#email').fill(APPLICANT);
    await page.locator('#city').fill('Dortmund');
    await page.locator('form[action$="/network/join"] button[type="submit"]').click();
    await page.waitForURL(/\/dortmund\/network\/applications\//);
    const privateUrl = page.url();
    await page.locator('#kind').selectOption('association');
    await page.locator('input[name="topics"][value="youth"]').check();
    await page.locator('#motivation').fill('Offene Werkstatt für Jugendliche in der Nordstadt.');
    await page.locator('#statutes').setInputFiles({ name: 'satzung.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('form[enctype="multipart/form-data"] button[type="submit"]').click();
    await page.waitForLoadState();
    assert.match(await page.locator('.notice').innerText(), /Bewerbung eingegangen/);
    await expectNoA11yViolations(page, 'application status page');

    // The coordinator opens the review in the steering group.
    const coordCtx = await a11yContext(browser);
    const coord = await coordCtx.newPage();
    await signIn(coord, server.baseUrl, server.account('dortmund', 'coordinator'));
    await coord.goto(`${server.baseUrl}/dortmund/staff/network/applications`);
    await expectNoA11yViolations(coord, 'applications list');
    await coord.getByRole('link', { name: ORG }).click();
    const detail = coord.url();
    await coord.locator('#body').selectOption({ label: 'Steuerungsgruppe' });
    await coord.locator('form[action$="/review"] button').click();
    await coord.waitForLoadState();
    await expectNoA11yViolations(coord, 'application under review (coordinator)');

    // Three members of the steering group vote.
    for (const login of ['partner@dortmund.example', 'partner2@dortmund.example', 'partner3@dortmund.example']) {
      const account = server.accounts.find((a) => a.login === login);
      assert.ok(account, `demo account ${login}`);
      const ctx = await a11yContext(browser);
      const member = await ctx.newPage();
      await signIn(member, server.baseUrl, account);
      await member.goto(detail);
      await member.locator('input[name="vote"][value="yes"]').check();
      await member.locator('form[action$="/vote"] button').click();
      await member.waitForLoadState();
      assert.match(await member.locator('.success').innerText(), /Ja/);
      await ctx.close();
    }

    // The decision, with reasons, mailed to the applicant.
    await coord.goto(detail);
    await coord.locator('#reason').fill('Die Werkstatt ergänzt die Jugendarbeit des Netzwerks.');
    await coord.locator('form[action$="/decision"] button').click();
    await coord.waitForLoadState();
    const mail = await waitForMail(server.dataDir, APPLICANT, (m) => /Entscheidung/.test(m.headers.subject ?? ''));
    assert.match(mail.body, /Die Werkstatt ergänzt die Jugendarbeit des Netzwerks\./);
    assert.match(mail.body, /\/dortmund\/welcome\//);

    await page.goto(privateUrl);
    assert.match(await page.locator('.notice').innerText(), /Aufgenommen/);
    await coordCtx.close();
    await applicant.close();
  });
});
