// The reports map on a tenant's own tile server (decision 0037): without a
// tile server the list page asks for no tile and loads no map library;
// after the admin sets one (a loopback origin served by this test, a tiny
// PNG for every tile path), the map asks for tiles from that origin only,
// and no request leaves for any other origin. axe-core finds no violation
// on the settings page, the routing pages and the list with the tile map.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import crypto from 'node:crypto';
import { startServer, launchBrowser, freePort } from '../lib/server.mjs';
import { a11yContext, expectNoA11yViolations } from '../lib/axe.mjs';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** RFC 6238 code (SHA-1, 6 digits, 30 s) for a base32 secret. */
function totp(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30)));
  const h = crypto.createHmac('sha1', key).update(counter).digest();
  const o = h[h.length - 1] & 0xf;
  const n = (h.readUInt32BE(o) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

/** Signs in as the tenant's admin, enrolling the second factor. */
async function signInAdmin(page, baseUrl, account) {
  await page.goto(`${baseUrl}/dortmund/login?lang=de`);
  await page.getByLabel('E-Mail-Adresse').fill(account.login);
  await page.getByLabel('Passwort').fill(account.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  if (page.url().includes('second-factor')) {
    const secret = (await page.locator('figure.qr code').innerText()).trim();
    await page.locator('#code').fill(totp(secret));
    await page.locator('form').filter({ has: page.locator('#code') }).locator('button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.includes('second-factor'));
  }
}

/** Every request the page makes, by origin. */
function recordRequests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(r.url()));
  return seen;
}

describe('reports map on a tile server', { timeout: 300_000 }, () => {
  let server;
  let browser;
  let tiles;
  let tileOrigin;
  const tileHits = [];

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const port = await freePort();
    // "localhost", not 127.0.0.1: another origin than the application's.
    tileOrigin = `http://localhost:${port}`;
    tiles = http.createServer((req, res) => {
      tileHits.push(req.url);
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
      res.end(PNG);
    });
    await new Promise((resolve) => tiles.listen(port, '127.0.0.1', resolve));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => (tiles ? tiles.close(resolve) : resolve()));
  });

  it('without a tile server: the SVG map, no tile and no map library', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    try {
      const page = await context.newPage();
      const seen = recordRequests(page);
      await page.goto(`${server.baseUrl}/dortmund/reports`);
      await page.waitForLoadState('networkidle');
      assert.ok(await page.locator('svg#reports-map').isVisible(), 'SVG map shown');
      assert.equal(await page.locator('#tile-map').count(), 0);
      assert.deepEqual(seen.filter((u) => !u.startsWith(server.baseUrl)), []);
      assert.ok(!seen.some((u) => u.includes('leaflet')), 'no map library loaded');
      assert.equal(tileHits.length, 0);
    } finally {
      await context.close();
    }
  });

  it('the admin sets a tile server; the map then asks only that origin', async () => {
    const admin = server.account('dortmund', 'admin');
    const context = await a11yContext(browser);
    try {
      const page = await context.newPage();
      await signInAdmin(page, server.baseUrl, admin);
      // The routing pages of the same administration, without JavaScript needs.
      await page.goto(`${server.baseUrl}/dortmund/admin/report-routing`);
      await expectNoA11yViolations(page, 'report routing overview');
      await page.goto(`${server.baseUrl}/dortmund/admin/report-routing/street-lighting`);
      await expectNoA11yViolations(page, 'report routing of street lighting');
      await page.goto(`${server.baseUrl}/dortmund/admin/report-map`);
      await expectNoA11yViolations(page, 'tile server settings');
      // Refused: no placeholders.
      await page.getByLabel('Adresse der Kacheln').fill('https://tiles.example.org/map.png');
      await page.getByLabel('Quellenangabe').fill('© Test');
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('.error-summary').innerText(), /\{z\}/);
      await expectNoA11yViolations(page, 'tile server settings with an error');
      await page.getByLabel('Adresse der Kacheln').fill(`${tileOrigin}/tiles/{z}/{x}/{y}.png`);
      await page.getByLabel('Quellenangabe').fill('© Testkacheln <b>nicht fett</b>');
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.waitForLoadState();
      assert.match(await page.locator('[role=status]').innerText(), /Gespeichert/);
    } finally {
      await context.close();
    }

    // A resident's browser, with the page's own CSP in force.
    const resident = await browser.newContext({ locale: 'de-DE' });
    try {
      const page = await resident.newPage();
      const seen = recordRequests(page);
      const res = await page.goto(`${server.baseUrl}/dortmund/reports`);
      const csp = res.headers()['content-security-policy'];
      assert.match(csp, new RegExp(`img-src 'self' data: ${tileOrigin};`));
      await page.locator('#tile-map .leaflet-tile-loaded').first().waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      assert.ok(await page.locator('#tile-map').isVisible(), 'tile map shown');
      assert.ok(!(await page.locator('svg#reports-map').isVisible()), 'SVG map replaced');
      // Markers (the demo's reports), clustered.
      assert.ok((await page.locator('#tile-map .tm-cluster').count()) > 0, 'clusters drawn');
      // The attribution is text, never markup.
      assert.match(await page.locator('.leaflet-control-attribution').innerText(), /<b>nicht fett<\/b>/);
      // The zoom buttons speak the page's language, not Leaflet's English.
      assert.equal(await page.locator('.leaflet-control-zoom-in').getAttribute('title'), 'Hineinzoomen');
      assert.equal(await page.locator('.leaflet-control-zoom-out').getAttribute('title'), 'Herauszoomen');
      assert.equal(await page.locator('.leaflet-control-zoom-in').getAttribute('aria-label'), 'Hineinzoomen');
      const foreign = seen.filter((u) => !u.startsWith(server.baseUrl));
      assert.ok(foreign.length > 0, 'tiles requested');
      for (const u of foreign) {
        assert.ok(u.startsWith(`${tileOrigin}/tiles/`), `only tiles from the tile server: ${u}`);
      }
      assert.ok(tileHits.length > 0, 'the tile server was asked');
      // The list stays the equivalent.
      assert.ok((await page.locator('#report-list').count()) === 1);
    } finally {
      await resident.close();
    }

    const check = await a11yContext(browser);
    try {
      const page = await check.newPage();
      await page.goto(`${server.baseUrl}/dortmund/reports`);
      await page.locator('#tile-map .leaflet-tile-loaded').first().waitFor({ timeout: 20_000 });
      await expectNoA11yViolations(page, 'reports list with the tile map');
    } finally {
      await check.close();
    }
  });
});
