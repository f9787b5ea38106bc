// Reading the mails the demo server writes as .eml files into
// `<dataDir>/mail/` (background sender, every 2 s).

import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const MAIL_TIMEOUT_MS = 15_000;

/** Decodes quoted-printable text (soft line breaks, =XX bytes) as UTF-8. */
export function decodeQuotedPrintable(text) {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Decodes RFC 2047 encoded words (=?utf-8?b?...?= / ?q?) in a header. */
export function decodeHeader(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, _charset, enc, data) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

/** Parses an .eml file: { file, headers (lower-case names), body (decoded) }. */
export function parseMail(file, raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const rawBody = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeHeader(line.slice(colon + 1).trim());
  }
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  const body =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(rawBody)
      : encoding === 'base64'
        ? Buffer.from(rawBody.replace(/\s+/g, ''), 'base64').toString('utf8')
        : rawBody;
  return { file, raw, headers, body };
}

/** All mails the demo server has written so far. */
export async function readMails(dataDir) {
  const dir = path.join(dataDir, 'mail');
  let names;
  try {
    names = await readdir(dir);
  } catch (err) {
    if (err.code === 'ENOENT') return [];
    throw err;
  }
  const mails = [];
  for (const name of names.filter((n) => n.endsWith('.eml')).sort()) {
    mails.push(parseMail(name, await readFile(path.join(dir, name), 'utf8')));
  }
  return mails;
}

/**
 * Polls `<dataDir>/mail/` until a mail to `address` appears for which
 * `matches(mail)` holds; fails after MAIL_TIMEOUT_MS with what was there.
 */
export async function waitForMail(dataDir, address, matches = () => true) {
  const deadline = Date.now() + MAIL_TIMEOUT_MS;
  let mails = [];
  for (;;) {
    mails = await readMails(dataDir);
    const found = mails.find(
      (m) => (m.headers.to ?? '').toLowerCase().includes(address.toLowerCase()) && matches(m),
    );
    if (found) return found;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const seen = mails.map((m) => `  ${m.file}: To: ${m.headers.to} | Subject: ${m.headers.subject}`);
  assert.fail(
    `no mail to ${address} within ${MAIL_TIMEOUT_MS / 1000} s in ${path.join(dataDir, 'mail')}; ` +
      `${mails.length} mail(s) there:\n${seen.join('\n')}`,
  );
}
