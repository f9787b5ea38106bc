// Events: the list, an event's registration form, the private page of a
// registration (withdrawing), the confirmation mail, form errors,
// accessibility, and the same pages with JavaScript switched off.
//
// The demo server writes every mail it sends as an .eml file into
// `<dataDir>/mail/` (background sender, every 2 s).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser } from '../lib/server.mjs';
import { a11yContext, expectNoA11yViolations } from '../lib/axe.mjs';
import { readMails, waitForMail } from '../lib/mail.mjs';

/** Demo events of Dortmund (titles are data, the same in every language). */
const ROUND = 'Gesprächsrunde: Jugendliche und Polizei'; // 10.12.2026, 30 places
const PREVENTION = 'Präventionsveranstaltung: Messer machen nichts besser'; // 21.01.2027
const CONFERENCE = 'Offene Konferenz: Dialog und Vertrauensförderung'; // 28.11.2025, past

const ROUND_DATE = '10.12.2026';
const EVENT_PATH = /^\/dortmund\/events\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The private page of a registration: a 43-character token (base64url). */
const REGISTRATION_PATH = /^\/dortmund\/registrations\/[A-Za-z0-9_-]{43}$/;

/** The registration form, found by its action (not by translated texts). */
const REGISTER_FORM = 'form[action$="/register"]';
const CANCEL_FORM = 'form[action$="/cancel"]';

// --- page helpers ------------------------------------------------------------

/** The number after "Freie Plätze" on a German event page. */
async function placesLeft(page) {
  const text = await page.locator('dl.facts dt:text-is("Freie Plätze") + dd').innerText();
  const n = Number.parseInt(text, 10);
  assert.ok(Number.isInteger(n), `"Freie Plätze" is a number: ${text}`);
  return n;
}

/** Fills the registration form by the fields' name attributes. */
async function fillRegistration(page, values) {
  const form = page.locator(REGISTER_FORM);
  for (const [field, value] of Object.entries(values)) {
    if (field === 'interpreter') await form.locator('[name="interpreter"]').selectOption(value);
    else await form.locator(`[name="${field}"]`).fill(value);
  }
}

/** Presses the form's submit button; resolves with the POST's response. */
async function submitRegistration(page) {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/register'),
    ),
    page.locator(REGISTER_FORM).locator('button[type="submit"]').click(),
  ]);
  return response;
}

/** Presses the withdraw button on the private page and waits for the reload. */
async function withdraw(page, button) {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/cancel'),
    ),
    button.click(),
  ]);
  assert.equal(response.status(), 303, 'withdrawing redirects back to the private page');
  await page.waitForLoadState('load');
}

describe('events (dortmund)', { timeout: 300_000 }, () => {
  let server;
  let browser;
  /** Title -> path of the event page, read from the German list. */
  const eventPath = {};

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'de-DE' });
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/dortmund/events?lang=de`);
      for (const title of [ROUND, PREVENTION, CONFERENCE]) {
        const href = await page.getByRole('link', { name: title, exact: true }).getAttribute('href');
        assert.match(href ?? '', EVENT_PATH, `link to "${title}" on /dortmund/events`);
        eventPath[title] = href;
      }
    } finally {
      await context.close();
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a resident registers in German, gets the mail and withdraws', async () => {
    const { baseUrl } = server;
    const person = { name: 'Erika Mustermann', email: 'erika.mustermann@example.org' };
    const context = await browser.newContext({ locale: 'de-DE' });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/dortmund/events`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'de');
      assert.equal((await page.locator('h1').innerText()).trim(), 'Veranstaltungen');
      const upcoming = page.getByRole('list', { name: 'Kommende Veranstaltungen' });
      assert.equal(await upcoming.getByRole('link', { name: ROUND, exact: true }).count(), 1);
      assert.equal(await upcoming.getByRole('link', { name: PREVENTION, exact: true }).count(), 1);
      const past = page.getByRole('list', { name: 'Vergangene Veranstaltungen' });
      assert.equal(await past.getByRole('link', { name: CONFERENCE, exact: true }).count(), 1);

      await upcoming.getByRole('link', { name: ROUND, exact: true }).click();
      await page.waitForURL(`${baseUrl}${eventPath[ROUND]}`);
      assert.equal((await page.locator('h1').innerText()).trim(), ROUND);
      assert.match(await page.locator('main').innerText(), new RegExp(ROUND_DATE.replace(/\./g, '\\.')));
      const placesBefore = await placesLeft(page);

      await page.getByLabel('Ihr Name', { exact: true }).fill(person.name);
      await page.getByLabel('Ihre E-Mail-Adresse', { exact: true }).fill(person.email);
      await page.getByLabel('Organisation oder Verein (freiwillig)', { exact: true }).fill('Jugendforum Nordstadt');
      await page
        .getByLabel('Brauchen Sie Unterstützung, zum Beispiel einen stufenlosen Zugang? (freiwillig)', { exact: true })
        .fill('Stufenloser Zugang, bitte');
      await page.getByLabel('Dolmetschen in eine Sprache (freiwillig)', { exact: true }).selectOption('ar');
      const [response] = await Promise.all([
        page.waitForResponse(
          (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `${eventPath[ROUND]}/register`,
        ),
        page.getByRole('button', { name: 'Verbindlich anmelden' }).click(),
      ]);
      assert.equal(response.status(), 303, 'a valid registration redirects (POST/redirect/GET)');

      await page.waitForURL((url) => REGISTRATION_PATH.test(url.pathname));
      const privateUrl = page.url();
      assert.equal((await page.locator('h1').innerText()).trim(), 'Ihre Anmeldung');
      const status = page.getByRole('status');
      assert.match(await status.innerText(), /Erika Mustermann, Ihre Anmeldung ist bestätigt\./);
      assert.equal(
        await page.locator('main').getByRole('link', { name: ROUND, exact: true }).getAttribute('href'),
        eventPath[ROUND],
        'the private page links to its event',
      );

      // The confirmation mail: to the address, with the date and the private link.
      const mail = await waitForMail(server.dataDir, person.email, (m) => m.body.includes(ROUND_DATE));
      assert.ok(mail.raw.includes(person.email), `${mail.file} names the address`);
      assert.ok(mail.raw.includes(ROUND_DATE), `${mail.file} names the date ${ROUND_DATE}`);
      assert.ok(mail.body.includes(person.name), `${mail.file} greets ${person.name}:\n${mail.body}`);
      assert.ok(mail.body.includes(ROUND), `${mail.file} names the event:\n${mail.body}`);
      assert.ok(mail.body.includes(privateUrl), `${mail.file} holds the private link ${privateUrl}:\n${mail.body}`);

      // One place fewer on the event page.
      await page.goto(`${baseUrl}${eventPath[ROUND]}`);
      assert.equal(await placesLeft(page), placesBefore - 1, 'the registration takes a place');

      // The private link still works; withdraw there.
      await page.goto(privateUrl);
      await withdraw(page, page.getByRole('button', { name: 'Anmeldung zurückziehen und Platz freigeben' }));
      assert.equal(page.url(), privateUrl, 'back on the private page');
      assert.match(await page.getByRole('status').innerText(), /Diese Anmeldung ist abgemeldet\./);
      assert.equal(
        await page.getByRole('button', { name: 'Anmeldung zurückziehen und Platz freigeben' }).count(),
        0,
        'a withdrawn registration cannot be withdrawn again',
      );

      await page.goto(`${baseUrl}${eventPath[ROUND]}`);
      assert.equal(await placesLeft(page), placesBefore, 'withdrawing frees the place');
    } finally {
      await context.close();
    }
  });

  it('a resident registers in Turkish (?lang=tr), gets the mail and withdraws', async () => {
    const { baseUrl } = server;
    const person = { name: 'Ayşe Yılmaz', email: 'ayse.yilmaz@example.org' };
    const context = await browser.newContext({ locale: 'de-DE' });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/dortmund/events?lang=tr`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'tr');
      assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');

      await page.locator(`main a[href="${eventPath[ROUND]}"]`).click();
      await page.waitForURL(`${baseUrl}${eventPath[ROUND]}`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'tr', 'the choice of language is kept');
      assert.equal((await page.locator('h1').innerText()).trim(), ROUND);

      await fillRegistration(page, {
        name: person.name,
        email: person.email,
        organisation: 'Türkischer Elternverein',
        accessibility: '',
        interpreter: 'tr',
      });
      const response = await submitRegistration(page);
      assert.equal(response.status(), 303, 'a valid registration redirects');

      await page.waitForURL((url) => REGISTRATION_PATH.test(url.pathname));
      const privateUrl = page.url();
      assert.equal(await page.locator('html').getAttribute('lang'), 'tr');
      assert.equal(await page.getByRole('status').count(), 1, 'the private page shows the status');
      assert.equal(await page.locator(`main a[href="${eventPath[ROUND]}"]`).count(), 1, 'it links to the event');
      const cancelButton = page.locator(CANCEL_FORM).locator('button[type="submit"]');
      assert.equal(await cancelButton.count(), 1, 'the registration can be withdrawn');

      const mail = await waitForMail(server.dataDir, person.email, (m) => m.body.includes(privateUrl));
      assert.ok(mail.raw.includes(person.email), `${mail.file} names the address`);
      assert.ok(mail.raw.includes(ROUND_DATE), `${mail.file} names the date ${ROUND_DATE}`);
      assert.ok(mail.body.includes(person.name), `${mail.file} names ${person.name}:\n${mail.body}`);

      await withdraw(page, cancelButton);
      assert.equal(page.url(), privateUrl);
      assert.equal(await page.locator('html').getAttribute('lang'), 'tr');
      assert.equal(await page.locator(CANCEL_FORM).count(), 0, 'withdrawn: no withdraw form any more');
    } finally {
      await context.close();
    }
  });

  it('an empty name and an invalid e-mail address show the errors (HTTP 422)', async () => {
    const { baseUrl } = server;
    const context = await browser.newContext({ locale: 'de-DE' });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${eventPath[ROUND]}?lang=de`);
      const placesBefore = await placesLeft(page);

      // Let the server judge, not the browser's own checks (required, type=email).
      await page.locator(REGISTER_FORM).evaluate((form) => {
        form.noValidate = true;
      });
      await fillRegistration(page, { name: '', email: 'kein-at-zeichen', organisation: 'Nachbarschaftsverein' });
      const response = await submitRegistration(page);
      assert.equal(response.status(), 422);
      await page.waitForLoadState('load');

      // Still the event (its page, re-rendered at the form's address).
      assert.ok(
        new URL(page.url()).pathname.startsWith(eventPath[ROUND]),
        `stays on the event: ${page.url()}`,
      );
      assert.equal((await page.locator('h1').innerText()).trim(), ROUND);

      const alert = page.getByRole('alert');
      await alert.waitFor();
      const summary = await alert.innerText();
      assert.match(summary, /Bitte korrigieren Sie die folgenden Angaben:/);
      assert.match(summary, /Bitte geben Sie Ihren Namen an/);
      assert.match(summary, /Bitte geben Sie eine gültige E-Mail-Adresse an\./);
      assert.equal(await alert.locator('a[href="#name"]').count(), 1, 'the summary links to the name field');
      assert.equal(await alert.locator('a[href="#email"]').count(), 1, 'the summary links to the e-mail field');

      const name = page.getByLabel('Ihr Name', { exact: true });
      const email = page.getByLabel('Ihre E-Mail-Adresse', { exact: true });
      assert.equal(await name.getAttribute('aria-invalid'), 'true');
      assert.equal(await email.getAttribute('aria-invalid'), 'true');
      assert.match(await page.locator('#name-error').innerText(), /Bitte geben Sie Ihren Namen an/);
      assert.match(await page.locator('#email-error').innerText(), /gültige E-Mail-Adresse/);
      // The field errors are announced with the fields.
      assert.match(await name.getAttribute('aria-describedby'), /\bname-error\b/);
      assert.match(await email.getAttribute('aria-describedby'), /\bemail-error\b/);
      // What was typed is kept.
      assert.equal(await email.inputValue(), 'kein-at-zeichen');
      assert.equal(await page.getByLabel('Organisation oder Verein (freiwillig)').inputValue(), 'Nachbarschaftsverein');
      assert.equal(await page.locator(CANCEL_FORM).count(), 0);

      // Nothing was registered.
      await page.goto(`${baseUrl}${eventPath[ROUND]}`);
      assert.equal(await placesLeft(page), placesBefore, 'a refused registration takes no place');
    } finally {
      await context.close();
    }
  });

  it('the corrected form is accepted after an error', async () => {
    const { baseUrl } = server;
    const context = await browser.newContext({ locale: 'de-DE' });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}${eventPath[ROUND]}?lang=de`);
      // Spaces pass the browser's `required` but not the server.
      await fillRegistration(page, { name: '   ', email: 'jonas.becker@example.org' });
      assert.equal((await submitRegistration(page)).status(), 422);
      await page.getByRole('alert').waitFor();
      assert.match(await page.getByRole('alert').innerText(), /Bitte geben Sie Ihren Namen an/);
      assert.equal(await page.locator('#email-error').count(), 0, 'the valid address is not marked');

      await page.getByLabel('Ihr Name', { exact: true }).fill('Jonas Becker');
      assert.equal((await submitRegistration(page)).status(), 303);
      await page.waitForURL((url) => REGISTRATION_PATH.test(url.pathname));
      assert.match(await page.getByRole('status').innerText(), /Jonas Becker, Ihre Anmeldung ist bestätigt\./);
      await withdraw(page, page.getByRole('button', { name: 'Anmeldung zurückziehen und Platz freigeben' }));
      assert.match(await page.getByRole('status').innerText(), /Diese Anmeldung ist abgemeldet\./);
    } finally {
      await context.close();
    }
  });

  describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
    const PAGES = [
      { label: '/dortmund/events (list)', path: () => '/dortmund/events', lang: 'de', dir: 'ltr' },
      { label: 'the list, Turkish', path: () => '/dortmund/events?lang=tr', lang: 'tr', dir: 'ltr' },
      { label: `event page "${ROUND}"`, path: () => eventPath[ROUND], lang: 'de', dir: 'ltr', form: true },
      {
        label: `event page "${ROUND}", Arabic (rtl)`,
        path: () => `${eventPath[ROUND]}?lang=ar`,
        lang: 'ar',
        dir: 'rtl',
        form: true,
      },
      { label: `event page "${PREVENTION}"`, path: () => eventPath[PREVENTION], lang: 'de', form: true },
      {
        label: `past event page "${CONFERENCE}"`,
        path: () => eventPath[CONFERENCE],
        lang: 'de',
        form: false,
        text: /Diese Veranstaltung hat bereits stattgefunden\./,
      },
    ];

    for (const p of PAGES) {
      it(`no violation: ${p.label}`, async () => {
        const context = await a11yContext(browser);
        try {
          const page = await context.newPage();
          const response = await page.goto(`${server.baseUrl}${p.path()}`);
          assert.equal(response.status(), 200);
          const html = page.locator('html');
          assert.equal(await html.getAttribute('lang'), p.lang);
          if (p.dir) assert.equal(await html.getAttribute('dir'), p.dir);
          if (p.form !== undefined) {
            assert.equal(await page.locator(REGISTER_FORM).count(), p.form ? 1 : 0, 'registration form');
          }
          if (p.text) assert.match(await page.locator('main').innerText(), p.text);
          await expectNoA11yViolations(page, `${p.path()} (${p.label})`);
        } finally {
          await context.close();
        }
      });
    }

    it('no violation: event page with form errors (German and Arabic)', async () => {
      for (const lang of ['de', 'ar']) {
        const context = await a11yContext(browser);
        try {
          const page = await context.newPage();
          await page.goto(`${server.baseUrl}${eventPath[ROUND]}?lang=${lang}`);
          await page.locator(REGISTER_FORM).evaluate((form) => {
            form.noValidate = true;
          });
          await fillRegistration(page, { name: '', email: 'kein-at-zeichen' });
          assert.equal((await submitRegistration(page)).status(), 422);
          await page.getByRole('alert').waitFor();
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          await expectNoA11yViolations(page, `${eventPath[ROUND]} with form errors (lang=${lang})`);
        } finally {
          await context.close();
        }
      }
    });

    it('no violation: the private registration page, confirmed and withdrawn', async () => {
      const context = await a11yContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}${eventPath[ROUND]}?lang=de`);
        await fillRegistration(page, { name: 'Mehmet Demir', email: 'mehmet.demir@example.org' });
        assert.equal((await submitRegistration(page)).status(), 303);
        await page.waitForURL((url) => REGISTRATION_PATH.test(url.pathname));
        assert.match(await page.getByRole('status').innerText(), /Ihre Anmeldung ist bestätigt/);
        await expectNoA11yViolations(page, 'private registration page (confirmed)');

        await withdraw(page, page.locator(CANCEL_FORM).locator('button[type="submit"]'));
        assert.match(await page.getByRole('status').innerText(), /Diese Anmeldung ist abgemeldet\./);
        await expectNoA11yViolations(page, 'private registration page (withdrawn)');
      } finally {
        await context.close();
      }
    });
  });

  it('registering and withdrawing work with JavaScript switched off', async () => {
    const { baseUrl } = server;
    const context = await browser.newContext({ locale: 'de-DE', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      // Guard: page scripts really do not run in this context.
      await page.setContent('<title>before</title><script>document.title = "script ran"</script>');
      assert.equal(await page.title(), 'before', 'JavaScript is off');

      await page.goto(`${baseUrl}/dortmund/events`);
      await page.getByRole('link', { name: ROUND, exact: true }).click();
      await page.waitForURL(`${baseUrl}${eventPath[ROUND]}`);

      await page.getByLabel('Ihr Name', { exact: true }).fill('Lena Schulz');
      await page.getByLabel('Ihre E-Mail-Adresse', { exact: true }).fill('lena.schulz@example.org');
      await page.getByLabel('Dolmetschen in eine Sprache (freiwillig)', { exact: true }).selectOption('de-x-ls');
      await page.getByRole('button', { name: 'Verbindlich anmelden' }).click();

      await page.waitForURL((url) => REGISTRATION_PATH.test(url.pathname));
      const privateUrl = page.url();
      assert.equal((await page.locator('h1').innerText()).trim(), 'Ihre Anmeldung');
      assert.match(await page.getByRole('status').innerText(), /Lena Schulz, Ihre Anmeldung ist bestätigt\./);

      await withdraw(page, page.getByRole('button', { name: 'Anmeldung zurückziehen und Platz freigeben' }));
      assert.equal(page.url(), privateUrl);
      assert.match(await page.getByRole('status').innerText(), /Diese Anmeldung ist abgemeldet\./);
    } finally {
      await context.close();
    }
  });
});
