// Signing in through the real login form, as a person would.

import { createHmac } from 'node:crypto';

/**
 * Opens the tenant's login page (German), fills in the account's e-mail
 * address and password, submits and waits until the browser has left the
 * login page. Only for accounts without a second factor (e.g. coordinator).
 */
export async function signIn(page, baseUrl, account, { tenant = account.tenant } = {}) {
  const loginPath = `/${tenant}/login`;
  // ?lang=de: the labels below are German whatever language was chosen before.
  await page.goto(`${baseUrl}${loginPath}?lang=de`);
  await page.getByLabel('E-Mail-Adresse').fill(account.login);
  await page.getByLabel('Passwort').fill(account.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL((url) => url.pathname !== loginPath);
}

/** RFC 6238 code (SHA-1, 6 digits, 30 s) for a Base32 secret, as an app would compute it. */
export function totpCode(secretBase32, unixSeconds = Math.floor(Date.now() / 1000)) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secretBase32.replace(/=+$/, '')) {
    const v = alphabet.indexOf(ch);
    if (v < 0) throw new Error(`not Base32: ${ch}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

/**
 * Signs in an account that must set up a second factor on its first
 * sign-in (e.g. admin): signs in, reads the secret the set-up page shows,
 * enters the current code and waits until the set-up page is left.
 * For the first sign-in of the account on this server only.
 */
export async function signInEnrollingSecondFactor(page, baseUrl, account, { tenant = account.tenant } = {}) {
  await signIn(page, baseUrl, account, { tenant });
  const secret = (await page.locator('figure.qr code').innerText()).trim();
  await page.locator('input#code').fill(totpCode(secret));
  await page.locator(`form[action="/${tenant}/account/second-factor"] button[type="submit"]`).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/account/second-factor'));
  return secret;
}
