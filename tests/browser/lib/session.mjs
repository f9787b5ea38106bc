// Signing in through the real login form, as a person would.

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
