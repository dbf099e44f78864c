// What the browser tests share: their options, a `corroborate serve` on loopback over a fresh
// store, Debian's chromium, a page that records dialogs and errors, and a tally of checks.
// Node 18 compatible (Debian 12's nodejs): global fetch, no newer APIs.
import {spawn, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';

// --bin BUILD/corroborate --root REPO --out DIR (screenshots and other outputs)
export function readOptions() {
  const args = process.argv.slice(2);
  const options = {};
  for (let i = 0; i + 1 < args.length; i += 2) options[args[i].replace(/^--/, '')] = args[i + 1];
  for (const key of ['bin', 'root', 'out']) {
    if (!options[key]) throw new Error(`usage: node TEST.test.js --bin CORROBORATE --root REPO --out DIR (missing --${key})`);
  }
  mkdirSync(options.out, {recursive: true});
  return options;
}

export function makeTempDir(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, {recursive: true, force: true}));
  return dir;
}

// Runs a corroborate command to its end; throws with its stderr when it fails (3 = some inputs
// skipped is allowed: the caller checks what it needs).
export function runCommand(bin, args, cwd) {
  const result = spawnSync(bin, args, {cwd, encoding: 'utf8'});
  if (result.status !== 0 && result.status !== 3) {
    throw new Error(`${bin} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return result;
}

// Starts `corroborate serve --db DB --listen 127.0.0.1:0` and reads the address it prints.
export function startServer(bin, db, cwd) {
  const child = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0'], {cwd, stdio: ['ignore', 'pipe', 'pipe']});
  let printed = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`serve printed no address in 15 s: ${printed}`)), 15000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const read = (chunk) => {
      printed += chunk;
      const match = /(127\.0\.0\.1|localhost):(\d+)/.exec(printed);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${match[2]}`,
        stop: () => new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', done);
          child.kill('SIGTERM');
        }),
      });
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.once('exit', (code) => fail(new Error(`serve exited ${code} before listening: ${printed}`)));
    child.once('error', fail);
  });
}

export async function fetchJson(url, init) {
  const response = await fetch(url, init);
  const body = await response.json();
  return {status: response.status, body};
}

export async function postArticles(baseUrl, articles) {
  const lines = articles.map((article) => JSON.stringify(article)).join('\n') + '\n';
  const {status, body} = await fetchJson(`${baseUrl}/api/articles`, {
    method: 'POST', headers: {'Content-Type': 'application/x-ndjson'}, body: lines,
  });
  if (status !== 200 && status !== 201) throw new Error(`POST /api/articles answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

export async function launchBrowser() {
  return chromium.launch({executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true});
}

// A page that records every dialog (dismissed at once), console error and uncaught page error.
export async function watchedPage(browser) {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const seen = {dialogs: [], errors: []};
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.errors.push(`page error: ${error.message}`));
  return {page, seen};
}

// Waits until the app has shown the view for the current address (app.js sets data-state).
export async function waitShown(page) {
  await page.waitForFunction(() => document.getElementById('app')?.dataset.state !== 'loading', null, {timeout: 15000});
  return page.evaluate(() => document.getElementById('app').dataset.state);
}

// Does `action` (a click, a new address) and waits for the view it leads to: app.js counts the
// views it has shown in data-shown, and a hash change reaches the app only after the action returns.
export async function showsNext(page, action) {
  const shownBefore = await page.evaluate(() => Number(document.getElementById('app').dataset.shown ?? 0));
  await action();
  await page.waitForFunction((before) => Number(document.getElementById('app').dataset.shown ?? 0) > before,
    shownBefore, {timeout: 15000});
  return page.evaluate(() => document.getElementById('app').dataset.state);
}

// Opens one of the page's hash addresses and waits for its view.
export function goTo(page, hash) {
  return showsNext(page, () => page.evaluate((target) => { window.location.hash = target; }, hash));
}

// Counts checks; prints each failure as it happens and one closing line.
export class Tally {
  constructor() {
    this.passed = 0;
    this.failed = 0;
  }

  check(ok, what, detail = '') {
    if (ok) this.passed += 1;
    else {
      this.failed += 1;
      console.log(`FAIL: ${what}${detail ? `\n      ${detail}` : ''}`);
    }
    return ok;
  }

  equal(actual, expected, what) {
    return this.check(JSON.stringify(actual) === JSON.stringify(expected), what,
      `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }

  finish() {
    console.log(`${this.passed} passed, ${this.failed} failed`);
    process.exitCode = this.failed === 0 ? 0 : 1;
  }
}
