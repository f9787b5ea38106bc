// Starts the vertrauensnetz binary in demo mode on a free loopback port with
// a fresh data directory, and launches headless Chromium for the tests.

import { spawn } from 'node:child_process';
import { mkdtemp, rm, access } from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (tests/browser/lib -> ../../..). */
export const repoRoot = path.resolve(here, '..', '..', '..');

const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/** The binary under test: $VN_BIN, or the debug build in the repository. */
export function binaryPath() {
  const fromEnv = process.env.VN_BIN;
  if (fromEnv) return path.resolve(process.cwd(), fromEnv);
  return path.join(repoRoot, 'target', 'debug', 'vertrauensnetz');
}

/** A free TCP port on 127.0.0.1 (bind to port 0, read the port, close). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}

/**
 * Parses one `demo-account <tenant> <role> <login> <password>` line.
 * Returns null for any other line.
 */
export function parseAccountLine(line) {
  const parts = line.trim().split(/\s+/);
  if (parts.length !== 5 || parts[0] !== 'demo-account') return null;
  const [, tenant, role, login, password] = parts;
  return { tenant, role, login, password };
}

/**
 * Starts `vertrauensnetz demo` and resolves once it printed `demo-url`.
 * Returns { baseUrl, demoUrl, accounts, account(tenant, role), dataDir, stop() }.
 * baseUrl is the origin without a trailing slash, e.g. http://127.0.0.1:40123
 */
export async function startServer() {
  const bin = binaryPath();
  try {
    await access(bin, fsConstants.X_OK);
  } catch {
    throw new Error(
      `vertrauensnetz binary not found or not executable at ${bin} ` +
        '(build it with `cargo build` or set VN_BIN)',
    );
  }
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vn-browser-'));
  const child = spawn(
    bin,
    ['demo', '--listen', `127.0.0.1:${port}`, '--data-dir', dataDir],
    {
      cwd: dataDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    },
  );

  // Keep the last lines of the server's log for error messages.
  const logTail = [];
  const remember = (line) => {
    logTail.push(line);
    if (logTail.length > 40) logTail.shift();
  };
  readline.createInterface({ input: child.stderr }).on('line', remember);
  if (process.env.VN_SERVER_LOG) {
    child.stderr.on('data', (d) => process.stderr.write(d));
  }

  // Should this Node process end without stop() (a crash, an uncaught
  // error), take the server down with it rather than leave it running.
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      process.removeListener('exit', killOnExit);
      resolve({ code, signal });
    });
  });

  const accounts = [];
  let demoUrl;
  try {
    demoUrl = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no demo-url line within ${STARTUP_TIMEOUT_MS / 1000} s`));
      }, STARTUP_TIMEOUT_MS);
      const rl = readline.createInterface({ input: child.stdout });
      rl.on('line', (line) => {
        remember(line);
        const acc = parseAccountLine(line);
        if (acc) {
          accounts.push(acc);
          return;
        }
        const m = /^demo-url\s+(\S+)\s*$/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`server exited before demo-url (code ${code}, signal ${signal})`));
      });
    });
  } catch (err) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`${err.message}\n--- server output ---\n${logTail.join('\n')}`);
  }

  const baseUrl = new URL(demoUrl).origin;
  let stopped;
  const stop = () => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      await rm(dataDir, { recursive: true, force: true });
      return exited;
    })();
    return stopped;
  };

  const account = (tenant, role) => {
    const a = accounts.find((x) => x.tenant === tenant && x.role === role);
    if (!a) throw new Error(`no demo account ${tenant}/${role} was printed`);
    return a;
  };

  return { baseUrl, demoUrl, accounts, account, dataDir, stop };
}

/** Headless Chromium from the system ($CHROMIUM or /usr/bin/chromium). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
