// Runs axe-core in a page and fails with a readable list of violations.
//
// The app sends `Content-Security-Policy: script-src 'self'`, so injecting
// axe's source as an inline script is blocked by design. Pages checked with
// this helper must come from a browser context created with
// `bypassCSP: true` (see a11yContext below); the CSP itself is exercised by
// the other tests, which use ordinary contexts.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
let axeSource;

/** The WCAG levels checked: 2.0 and 2.1, A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A browser context in which axe can be injected (CSP bypassed). */
export function a11yContext(browser, options = {}) {
  return browser.newContext({ locale: 'de-DE', ...options, bypassCSP: true });
}

/** Runs axe on the page's current document and returns its results. */
export async function runAxe(page) {
  axeSource ??= await readFile(axePath, 'utf8');
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: axeSource });
  return page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: 'tag', values } }),
    WCAG_TAGS,
  );
}

/** One line per violation: id, impact, help, first node's target. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const node = v.nodes[0];
      const target = node ? JSON.stringify(node.target) : '(no node)';
      const more = v.nodes.length > 1 ? ` (+${v.nodes.length - 1} more nodes)` : '';
      const html = node?.html ? `\n      html: ${node.html.slice(0, 200)}` : '';
      const summary = node?.failureSummary
        ? `\n      ${node.failureSummary.replace(/\s*\n\s*/g, ' ')}`
        : '';
      return `  - ${v.id} [${v.impact}] ${v.help}\n      target: ${target}${more}${html}${summary}\n      see ${v.helpUrl}`;
    })
    .join('\n');
}

/** Fails unless axe finds no WCAG 2.1 A/AA violation on the page. */
export async function expectNoA11yViolations(page, label = page.url()) {
  const results = await runAxe(page);
  const { violations } = results;
  assert.ok(
    violations.length === 0,
    `axe-core ${results.testEngine?.version ?? ''} found ${violations.length} WCAG 2.1 A/AA ` +
      `violation(s) on ${label}:\n${formatViolations(violations)}`,
  );
  return results;
}
