#!/usr/bin/env node
/*
 * Real-browser checks of the sites that buddysite builds (see README.md here).
 *
 * Builds the example SWV into a temporary folder, serves it on 127.0.0.1 (at the root and
 * under a sub-path), opens every page in Debian's Chromium through playwright-core and checks:
 *   - axe-core (WCAG 2.0/2.1/2.2 A+AA and best practice), light and dark colour scheme;
 *   - the Nu HTML Checker (vnu.jar), errors only;
 *   - no request to any host but the loopback server (every other request is blocked);
 *   - every link and asset resolves over http, under a sub-path and from disk (file://);
 *   - layout: no horizontal scrolling at 320 px, 375 px and 200% zoom, base font >= 16 px,
 *     lines of at most 80 characters, no animation with prefers-reduced-motion;
 *   - keyboard: skip link, visible focus, the buddy filter; the filter without JavaScript;
 *   - the parent letter prints to A4 in at most two pages, without menu, skip link or footer;
 *   - no Content-Security-Policy violation on any page, in any of the ways it is opened;
 *   - live reload of `buddysite serve --watch` (skipped until that command exists), under the
 *     pages' Content-Security-Policy, and its error overlay;
 *   - XSS: a copy of the example with every vector of tests/fixtures/xss/vectors.txt as a page,
 *     opened with hooks on alert/confirm/prompt/print/eval/fetch/…, with and without the CSP:
 *     nothing may run, and the DOM Chromium builds has no handler, script URL or foreign script.
 * Screenshots (375 px and 1280 px, and 375 px in dark mode) go to target/browser-screenshots/.
 *
 * Ends with the line `browser: N passed, M failed`; exits non-zero when anything failed.
 * Environment: CHROMIUM (default /usr/bin/chromium), BROWSER_TESTS_VERBOSE=1 lists every pass,
 * BROWSER_TESTS_ONLY=<text> checks only the pages whose path contains <text>,
 * BUDDYSITE_BIN=<path> uses that buddysite binary instead of `cargo run --release`,
 * BUDDYSITE_ROOT=<dir> builds that project instead of this repository's example,
 * BROWSER_TESTS_PARTS=<list> runs only these parts (comma-separated; default all):
 *   pages (the per-page passes and CSP), keyboard (skip link, filter, letter), theme (issue 14),
 *   vnu, live, xss.
 */
'use strict';

const fs = require('node:fs');
const fsp = require('node:fs/promises');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { pathToFileURL, fileURLToPath } = require('node:url');

const { chromium } = require('playwright-core');
const axe = require('axe-core');
const { PDFDocument } = require('pdf-lib');

const REPO = path.resolve(__dirname, '..', '..');
// The project to build: this repository's example SWV, or BUDDYSITE_ROOT (to try the suite on a copy).
const PROJECT = path.resolve(process.env.BUDDYSITE_ROOT || REPO);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VNU_JAR = path.join(__dirname, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const SHOTS = path.join(REPO, 'target', 'browser-screenshots');
const SUB_PATH = '/sub/path/';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const DARK_MODE_RULES = ['color-contrast', 'link-in-text-block'];
const VERBOSE = process.env.BROWSER_TESTS_VERBOSE === '1';
const ONLY = process.env.BROWSER_TESTS_ONLY || '';
// Screenshots of every page kind (375/1280 px, light/dark) for two schools: one with a logo,
// one without (and a slate colour that dark mode must lighten).
const KIND_SHOTS = path.join(__dirname, 'screenshots');
const KIND_SHOT_SCHOOLS = ['de-brucke', 'waalhof-college'];
const NAV_TIMEOUT = 30000;
const MAX_CHARS_PER_LINE = 80;
const A4 = { width: 595.28, height: 841.89 }; // points
const A4_TOLERANCE = 2; // points
const LIVE_RELOAD_TIMEOUT = 60000;
const ALL_PARTS = ['pages', 'keyboard', 'theme', 'languages', 'vnu', 'live', 'xss'];
const PARTS = new Set(
  (process.env.BROWSER_TESTS_PARTS || ALL_PARTS.join(','))
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean),
);
const part = (name) => PARTS.has(name);
for (const p of PARTS) {
  if (!ALL_PARTS.includes(p)) {
    console.error(`BROWSER_TESTS_PARTS: unknown part "${p}" (known: ${ALL_PARTS.join(', ')})`);
    process.exit(2);
  }
}
// The XSS corpus (tests/fixtures/xss/README.md), read at run time; BROWSER_TESTS_XSS_DIR=<dir>
// uses another folder with a vectors.txt (and optionally school.yaml and buddy.md).
const XSS_DIR = process.env.BROWSER_TESTS_XSS_DIR ? path.resolve(process.env.BROWSER_TESTS_XSS_DIR) : path.join(REPO, 'tests', 'fixtures', 'xss');

/** Collects Content-Security-Policy violations of the page in window.__cspViolations. */
const CSP_LISTENER = `(() => {
  const list = [];
  Object.defineProperty(window, '__cspViolations', { value: list });
  document.addEventListener('securitypolicyviolation', (e) => {
    list.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') +
      (e.sourceFile ? ' at ' + e.sourceFile.split('/').slice(-3).join('/') + ':' + e.lineNumber : '') +
      (e.sample ? ' (' + e.sample.slice(0, 60) + ')' : ''));
  }, true);
})();`;

// ---------------------------------------------------------------- results

const results = [];

/** Records one test: passes when `problems` is empty. */
function record(name, problems) {
  const ok = problems.length === 0;
  results.push({ name, status: ok ? 'pass' : 'fail', problems });
  if (!ok) {
    console.log(`FAIL ${name}`);
    const shown = problems.slice(0, 25);
    for (const p of shown) console.log(`     ${p.replace(/\n/g, '\n     ')}`);
    if (problems.length > shown.length) console.log(`     … and ${problems.length - shown.length} more`);
  } else if (VERBOSE) {
    console.log(`ok   ${name}`);
  }
}

function skip(name, reason) {
  results.push({ name, status: 'skip', problems: [reason] });
  console.log(`SKIP ${name}: ${reason}`);
}

/** Runs `fn` as one test; an exception is a failure with its message. */
async function test(name, fn) {
  const problems = [];
  try {
    await fn(problems);
  } catch (e) {
    problems.push(`error: ${e && e.stack ? e.stack.split('\n').slice(0, 4).join('\n') : e}`);
  }
  record(name, problems);
}

const T0 = Date.now();
function section(title) {
  console.log(`== ${title} (at ${((Date.now() - T0) / 1000).toFixed(0)} s)`);
}

/** Time spent per kind of work in the page passes, for the log. */
const spent = new Map();
async function timed(label, fn) {
  const t = Date.now();
  try {
    return await fn();
  } finally {
    spent.set(label, (spent.get(label) || 0) + Date.now() - t);
  }
}

// ---------------------------------------------------------------- build

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  return r;
}

/** Path of the release binary, from cargo's own idea of the target folder. */
function binaryPath() {
  if (process.env.BUDDYSITE_BIN) return path.resolve(process.env.BUDDYSITE_BIN);
  const meta = run('cargo', ['metadata', '--format-version', '1', '--no-deps']);
  if (meta.status !== 0) throw new Error(`cargo metadata failed:\n${meta.stderr}`);
  const targetDir = JSON.parse(meta.stdout).target_directory;
  return path.join(targetDir, 'release', process.platform === 'win32' ? 'buddysite.exe' : 'buddysite');
}

function buildSite(out) {
  const r = process.env.BUDDYSITE_BIN
    ? run(binaryPath(), ['build', '--root', PROJECT, '--output', out], { stdio: ['ignore', 'pipe', 'pipe'] })
    : run('cargo', ['run', '--release', '--quiet', '--', 'build', '--root', PROJECT, '--output', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  process.stdout.write(r.stdout);
  if (r.status !== 0) {
    process.stdout.write(r.stderr);
    return false;
  }
  return true;
}

function walk(dir, base = dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, out);
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

// ---------------------------------------------------------------- static server

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

/** Serves `root` under `prefix` ("/" or "/sub/path/") on 127.0.0.1, a free port. */
function serve(root, prefix) {
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not under ${prefix}`);
      return;
    }
    let file = path.join(root, pathname.slice(prefix.length));
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      file = path.join(file, 'index.html');
      stat = fs.statSync(file, { throwIfNoEntry: false });
    }
    if (!stat || !stat.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, origin: `http://127.0.0.1:${port}`, base: `http://127.0.0.1:${port}${prefix}` });
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = http.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- Nu HTML Checker

/** Runs vnu.jar over the whole output folder; resolves to messages by page. */
function runVnu(siteDir) {
  return new Promise((resolve) => {
    const child = spawn('java', ['-jar', VNU_JAR, '--skip-non-html', '--errors-only', '--format', 'json', siteDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => resolve({ error: `could not run java: ${e.message}` }));
    child.on('close', (code) => {
      const text = (stderr.trim().startsWith('{') ? stderr : stdout).trim();
      let data;
      try {
        data = JSON.parse(text);
      } catch {
        resolve({ error: `vnu.jar exited ${code} without JSON output:\n${(stderr + stdout).slice(0, 2000)}` });
        return;
      }
      const byPage = new Map();
      for (const m of data.messages || []) {
        let key = '(vnu)';
        if (m.url) {
          const file = m.url.startsWith('file:') ? fileURLToPath(new URL(m.url)) : m.url;
          key = path.relative(siteDir, file).split(path.sep).join('/');
        }
        const where = m.lastLine ? `line ${m.firstLine || m.lastLine}${m.firstColumn ? `, column ${m.firstColumn}` : ''}` : 'document';
        const extract = m.extract ? `\n  ${m.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}` : '';
        if (!byPage.has(key)) byPage.set(key, []);
        byPage.get(key).push(`${m.type}: ${where}: ${m.message}${extract}`);
      }
      resolve({ byPage, code });
    });
  });
}

// ---------------------------------------------------------------- in-page helpers

/** Describes an element for a failure message (runs in the page). */
const DESCRIBE = `(el) => {
  if (!el || !el.tagName) return String(el);
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  if (typeof el.className === 'string' && el.className.trim()) s += '.' + el.className.trim().split(/\\s+/).join('.');
  const text = (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 40);
  return text ? s + ' "' + text + '"' : s;
}`;

/** Every link and asset reference on the page: {kind, tag, raw, url}. */
function collectReferences() {
  const out = [];
  const add = (el, attr, kind, url) =>
    out.push({ kind, tag: el.tagName.toLowerCase(), rel: el.getAttribute('rel') || '', raw: el.getAttribute(attr), url });
  for (const a of document.querySelectorAll('a[href], area[href]')) add(a, 'href', 'link', a.href);
  for (const l of document.querySelectorAll('link[href]')) {
    const rel = (l.getAttribute('rel') || '').toLowerCase().split(/\s+/);
    const loads = rel.some((r) => ['stylesheet', 'icon', 'preload', 'modulepreload', 'prefetch', 'manifest', 'apple-touch-icon', 'mask-icon'].includes(r));
    add(l, 'href', loads ? 'asset' : 'link', l.href);
  }
  for (const s of document.querySelectorAll('script[src]')) add(s, 'src', 'asset', s.src);
  for (const el of document.querySelectorAll('img[src], source[src], video[src], audio[src], iframe[src], embed[src], track[src], input[src]')) {
    add(el, 'src', 'asset', el.src);
  }
  for (const el of document.querySelectorAll('img[srcset], source[srcset]')) {
    for (const part of el.getAttribute('srcset').split(',')) {
      const u = part.trim().split(/\s+/)[0];
      if (u) out.push({ kind: 'asset', tag: el.tagName.toLowerCase(), rel: '', raw: u, url: new URL(u, document.baseURI).href });
    }
  }
  for (const el of document.querySelectorAll('video[poster]')) add(el, 'poster', 'asset', new URL(el.getAttribute('poster'), document.baseURI).href);
  for (const el of document.querySelectorAll('object[data]')) add(el, 'data', 'asset', el.data);
  return out;
}

/** Layout facts of the page at the current viewport (runs in the page). */
function layoutFacts({ describe, maxChars, checkLines }) {
  const d = new Function(`return ${describe}`)();
  const doc = document.documentElement;
  const width = doc.clientWidth;
  const facts = { width, overflow: doc.scrollWidth - width, wide: [], small: [], long: [], bodyFont: 0, animations: [] };
  facts.bodyFont = parseFloat(getComputedStyle(document.body).fontSize);
  const visible = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  if (facts.overflow > 1) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1 && visible(el)) {
        // report the outermost culprits only
        if (!facts.wide.some((w) => w.el.contains(el))) facts.wide.push({ el, text: `${d(el)} (right edge at ${Math.round(r.right)} px)` });
      }
    }
    facts.wide = facts.wide.slice(0, 5).map((w) => w.text);
  }
  for (const el of document.querySelectorAll('main p, main li, main dd, main dt, main td, main th, main label')) {
    if (!visible(el) || !el.textContent.trim() || el.closest('small, sub, sup')) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 16) facts.small.push(`${d(el)}: ${size.toFixed(1)} px`);
  }
  facts.small = facts.small.slice(0, 5);
  if (checkLines) {
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d');
    const sample = 'de buddy luistert naar jou als ouder en denkt met je mee over school ';
    for (const el of document.querySelectorAll('main p, main li, footer p')) {
      if (!visible(el)) continue;
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const perChar = ctx.measureText(sample).width / sample.length;
      const inner = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      const chars = Math.round(inner / perChar);
      const text = el.textContent.replace(/\s+/g, ' ').trim();
      if (chars > maxChars && text.length > maxChars) facts.long.push(`${d(el)}: room for ~${chars} characters a line`);
    }
    facts.long = facts.long.slice(0, 5);
  }
  for (const a of document.getAnimations()) {
    const timing = a.effect && a.effect.getComputedTiming ? a.effect.getComputedTiming() : {};
    if (a.playState === 'running' && (timing.duration || 0) > 1) facts.animations.push(`${a.animationName || a.transitionProperty || a.constructor.name} on ${d(a.effect.target)}`);
  }
  facts.scrollBehavior = getComputedStyle(doc).scrollBehavior;
  return facts;
}

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  await fsp.rm(SHOTS, { recursive: true, force: true });
  await fsp.mkdir(SHOTS, { recursive: true });
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'buddysite-browser-'));
  const siteDir = path.join(fs.realpathSync(tmp), 'site');
  const cleanups = [() => fsp.rm(tmp, { recursive: true, force: true })];
  let browser;
  try {
    section('build (cargo run --release -- build --output <tmp>)');
    if (!buildSite(siteDir)) {
      record('build the example SWV', ['`cargo run --release -- build` failed (output above)']);
      return;
    }
    record('build the example SWV', []);
    const exe = binaryPath();

    const files = walk(siteDir);
    const fileSet = new Set(files);
    const pages = files.filter((f) => f.endsWith('.html')).filter((f) => f.includes(ONLY)).sort();
    const schools = [...new Set(files.filter((f) => f.includes('/')).map((f) => f.split('/')[0]))]
      // A school has a letter; the overview's language folders (`en/`, `ar/`) have not.
      .filter((s) => s !== 'assets' && fileSet.has(`${s}/index.html`) && fileSet.has(`${s}/brief/index.html`))
      .filter((s) => !ONLY || `${s}/`.includes(ONLY) || ONLY.startsWith(`${s}/`) || ONLY.includes(s))
      .sort();
    console.log(`${pages.length} pages (${schools.length} schools${pages.includes('index.html') ? ' and the overview' : ''}) in ${siteDir}`);

    const root = await serve(siteDir, '/');
    const sub = await serve(siteDir, SUB_PATH);
    cleanups.push(() => new Promise((r) => root.server.close(r)), () => new Promise((r) => sub.server.close(r)));
    const loopbackOrigins = new Set([root.origin, sub.origin]);

    // vnu runs in Java next to the browser work.
    const vnuPromise = PARTS.has('vnu') ? runVnu(siteDir) : null;

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    console.log(`Chromium ${browser.version()}`);

    // Requests to anything but the site: blocked, recorded per page.
    const foreign = new Map(); // page key -> [text]
    const noteForeign = (key, text) => {
      if (!foreign.has(key)) foreign.set(key, []);
      const list = foreign.get(key);
      if (!list.includes(text)) list.push(text);
    };
    // Content-Security-Policy violations, per page: the policy must never have to block
    // anything on the site's own pages.
    const cspFound = new Map();
    const noteCsp = (key, text) => {
      if (!cspFound.has(key)) cspFound.set(key, []);
      const list = cspFound.get(key);
      if (!list.includes(text)) list.push(text);
    };
    const isLocal = (url, mode) => {
      if (/^(data|blob|about):/.test(url)) return true;
      if (mode === 'file') return url.startsWith('file:');
      try {
        return loopbackOrigins.has(new URL(url).origin);
      } catch {
        return false;
      }
    };

    async function newContext(mode, options, initScript) {
      const context = await browser.newContext({ serviceWorkers: 'block', ...options });
      await context.addInitScript({ content: CSP_LISTENER });
      if (initScript) await context.addInitScript({ content: initScript });
      context.setDefaultNavigationTimeout(NAV_TIMEOUT);
      context.setDefaultTimeout(NAV_TIMEOUT);
      const state = { key: '(none)' };
      // Every request passes here; anything not from the site is blocked, and noted below.
      await context.route('**/*', (route) => (isLocal(route.request().url(), mode) ? route.continue() : route.abort('blockedbyclient')));
      context.on('request', (req) => {
        if (!isLocal(req.url(), mode)) noteForeign(state.key, `${req.resourceType()} request to ${req.url()} (${mode}; blocked)`);
      });
      context.on('page', (p) =>
        p.on('websocket', (ws) => {
          if (!isLocal(ws.url().replace(/^ws/, 'http'), mode)) noteForeign(state.key, `websocket to ${ws.url()} (${mode})`);
        }),
      );
      const page = await context.newPage();
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) noteCsp(state.key, `${mode}: console: ${m.text().slice(0, 300)}`);
      });
      return { context, page, state };
    }

    // 404 pages whose links start at `/` (the school has a base_url).
    const rootedNotFound = (key) =>
      /(^|\/)404\.html$/.test(key) && /<link rel="stylesheet" href="\//.test(fs.readFileSync(path.join(siteDir, key), 'utf8'));
    const urlOf = (mode, key) =>
      mode === 'file' ? pathToFileURL(path.join(siteDir, key)).href : `${mode === 'sub' ? sub.base : root.base}${key}`;
    const shotName = (key, suffix) => {
      const dir = key.includes('/') ? key.split('/')[0] : '';
      let name = key.includes('/') ? key.slice(dir.length + 1) : key;
      name = name.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '').replace(/\//g, '-') || 'home';
      if (!dir) name = name === 'home' ? 'overview' : name;
      return path.join(SHOTS, dir, `${name}.${suffix}.png`);
    };
    const pageLayout = new Map(); // key -> [problems]
    const addLayout = (key, problems) => {
      if (!pageLayout.has(key)) pageLayout.set(key, []);
      pageLayout.get(key).push(...problems);
    };
    const layoutProblems = (f, label) => {
      const out = [];
      if (f.overflow > 1) {
        out.push(`${label}: the page scrolls sideways by ${f.overflow} px (viewport ${f.width} px)${f.wide.length ? `; too wide: ${f.wide.join('; ')}` : ''}`);
      }
      return out;
    };

    // ------------------------------------------------ axe, light, phone width (+ screenshot)
    // axe-core comes in as an init script of the context (no request, parsed with the page).
    async function axeRun(page, runOnly = { type: 'tag', values: AXE_TAGS }) {
      if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axe.source);
      const r = await page.evaluate((only) => axe.run(document, { runOnly: only, resultTypes: ['violations'] }), runOnly);
      return r.violations.map((v) => {
        const nodes = v.nodes.slice(0, 3).map((n) => `    at ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 220)}`);
        const more = v.nodes.length > 3 ? `\n    … ${v.nodes.length - 3} more element(s)` : '';
        return `axe ${v.id} (${v.impact}): ${v.help} [${v.nodes.length} element(s)]\n${nodes.join('\n')}${more}`;
      });
    }

    const passes = [
      {
        title: 'axe-core at 375 px (light), screenshots at 375 px',
        mode: 'root',
        options: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, colorScheme: 'light' },
        initScript: axe.source,
        async each(page, key) {
          await timed('axe-core', () => test(`axe ${key}`, async (problems) => problems.push(...(await axeRun(page)))));
          const f = await page.evaluate(layoutFacts, { describe: DESCRIBE, maxChars: MAX_CHARS_PER_LINE, checkLines: false });
          const probs = layoutProblems(f, '375 px');
          if (f.bodyFont < 16) probs.push(`base font size is ${f.bodyFont} px (needs >= 16 px)`);
          for (const s of f.small) probs.push(`text smaller than 16 px: ${s}`);
          addLayout(key, probs);
          await timed('screenshots', () => page.screenshot({ path: shotName(key, '375'), fullPage: true }));
        },
      },
      {
        // Only the colours change in dark mode, so only the colour rules run again, and on one
        // buddy profile per school (the profiles differ in text, not in colours or parts).
        title: 'axe-core colour contrast at 375 px in dark mode',
        mode: 'root',
        only: (key) => !/\/buddys\/[^/]+\/index\.html$/.test(key) || firstProfiles.has(key),
        options: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, colorScheme: 'dark' },
        initScript: axe.source,
        async each(page, key) {
          await timed('axe-core', () =>
            test(`axe dark mode ${key}`, async (problems) => problems.push(...(await axeRun(page, { type: 'rule', values: DARK_MODE_RULES })))),
          );
          if (/^(index\.html|[^/]+\/(index|buddys\/index|brief\/index)\.html)$/.test(key)) {
            await timed('screenshots', () => page.screenshot({ path: shotName(key, '375-dark'), fullPage: true }));
          }
        },
      },
      {
        title: 'links and assets over http, line length and screenshots at 1280 px',
        mode: 'root',
        options: { viewport: { width: 1280, height: 900 } },
        async each(page, key) {
          await timed('links', () => test(`links over http ${key}`, (problems) => checkReferences(page, 'root', key, problems)));
          const f = await page.evaluate(layoutFacts, { describe: DESCRIBE, maxChars: MAX_CHARS_PER_LINE, checkLines: true });
          const probs = layoutProblems(f, '1280 px');
          for (const s of f.long) probs.push(`line too long (max ${MAX_CHARS_PER_LINE}): ${s}`);
          addLayout(key, probs);
          await timed('screenshots', () => page.screenshot({ path: shotName(key, '1280'), fullPage: true }));
        },
      },
      {
        title: `links and assets under ${SUB_PATH}, 200% zoom (1280 px at 200% = 640 px)`,
        mode: 'sub',
        options: { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 },
        async each(page, key) {
          // A 404 page with a base_url links from that path (it is shown for any missing
          // address, at any depth): it only works at its own path, checked at / and in the theme part.
          if (!rootedNotFound(key)) await timed('links', () => test(`links under ${SUB_PATH} ${key}`, (problems) => checkReferences(page, 'sub', key, problems)));
          const f = await page.evaluate(layoutFacts, { describe: DESCRIBE, maxChars: MAX_CHARS_PER_LINE, checkLines: false });
          addLayout(key, layoutProblems(f, '200% zoom'));
        },
      },
      {
        title: 'links and assets from disk (file://), reflow at 320 px, reduced motion',
        mode: 'file',
        options: { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' },
        async each(page, key) {
          if (!rootedNotFound(key)) await timed('links', () => test(`links from disk ${key}`, (problems) => checkReferences(page, 'file', key, problems)));
          const f = await page.evaluate(layoutFacts, { describe: DESCRIBE, maxChars: MAX_CHARS_PER_LINE, checkLines: false });
          const probs = layoutProblems(f, '320 px');
          for (const a of f.animations) probs.push(`animation runs although the visitor asked for reduced motion: ${a}`);
          if (f.scrollBehavior === 'smooth') probs.push('scroll-behavior is smooth although the visitor asked for reduced motion');
          addLayout(key, probs);
        },
      },
    ];

    // Link and asset check: every reference that stays inside the site must resolve.
    const httpStatus = new Map();
    const fileText = new Map();
    async function statusOf(url) {
      if (!httpStatus.has(url)) {
        httpStatus.set(
          url,
          fetch(url, { redirect: 'manual' }).then(
            async (r) => {
              await r.arrayBuffer();
              return r.status;
            },
            (e) => `error ${e.message}`,
          ),
        );
      }
      return httpStatus.get(url);
    }
    function siteFileOf(url, mode) {
      if (mode === 'file') return fileURLToPath(url);
      const base = mode === 'sub' ? sub.base : root.base;
      let rel = decodeURIComponent(url.slice(base.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      return path.join(siteDir, rel);
    }
    function hasAnchor(file, id) {
      if (!fileText.has(file)) fileText.set(file, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
      const text = fileText.get(file);
      const esc = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/&/g, '&(?:amp;)?');
      return new RegExp(`\\s(?:id|name)=["']?${esc}["'\\s>]`).test(text);
    }
    async function checkReferences(page, mode, key, problems) {
      const refs = await page.evaluate(collectReferences);
      const pageUrl = page.url();
      const base = mode === 'file' ? pathToFileURL(siteDir + path.sep).href : mode === 'sub' ? sub.base : root.base;
      const origin = mode === 'file' ? null : new URL(base).origin;
      for (const ref of refs) {
        const label = `<${ref.tag}${ref.rel ? ` rel=${ref.rel}` : ''}> ${JSON.stringify(ref.raw)}`;
        if (ref.raw === null || ref.raw === undefined) continue;
        if (ref.raw.trim() === '') {
          problems.push(`${label}: empty reference`);
          continue;
        }
        let url;
        try {
          url = new URL(ref.url);
        } catch {
          problems.push(`${label}: not a valid URL`);
          continue;
        }
        if (['mailto:', 'tel:', 'sms:', 'data:'].includes(url.protocol)) continue;
        if (url.protocol === 'javascript:') {
          problems.push(`${label}: javascript: URL`);
          continue;
        }
        const internal = mode === 'file' ? url.protocol === 'file:' : url.origin === origin;
        if (!internal) {
          // Links to other sites are fine (they are not loaded); assets from elsewhere never are.
          if (ref.kind === 'asset') problems.push(`${label}: asset from outside the site (${url.href})`);
          continue;
        }
        const bare = url.href.split('#')[0];
        if (!bare.startsWith(base)) {
          problems.push(`${label}: resolves to ${bare}, outside the site folder ${base}`);
          continue;
        }
        let target;
        if (mode === 'file') {
          target = fileURLToPath(bare);
          const st = fs.statSync(target, { throwIfNoEntry: false });
          if (!st) {
            problems.push(`${label}: ${bare} does not exist`);
            continue;
          }
          if (!st.isFile()) {
            problems.push(`${label}: ${bare} is a folder (opened from disk that shows a file listing, not the page)`);
            continue;
          }
        } else {
          const status = await statusOf(bare);
          if (status !== 200) {
            problems.push(`${label}: ${bare} answered ${status}`);
            continue;
          }
          target = siteFileOf(bare, mode);
        }
        const hash = decodeURIComponent(url.hash.slice(1));
        if (hash && ref.kind === 'link' && target.endsWith('.html')) {
          const samePage = bare === pageUrl.split('#')[0];
          const found = samePage ? await page.evaluate((id) => !!document.getElementById(id), hash) : hasAnchor(target, hash);
          if (!found) problems.push(`${label}: no element with id "${hash}" on ${samePage ? 'this page' : bare}`);
        }
      }
    }

    // The passes, two at a time (CI has two cores), longest first.
    const keys = pages;
    const firstProfiles = new Set();
    for (const key of keys) {
      const m = /^(.*\/buddys\/)[^/]+\/index\.html$/.exec(key);
      if (m && ![...firstProfiles].some((k) => k.startsWith(m[1]))) firstProfiles.add(key);
    }
    const runPass = async (pass) => {
      const { context, page, state } = await newContext(pass.mode, pass.options, pass.initScript);
      const t0 = Date.now();
      for (const key of keys) {
        if (pass.only && !pass.only(key)) continue;
        state.key = key;
        const url = urlOf(pass.mode, key);
        try {
          const resp = await timed('loading pages', () => page.goto(url, { waitUntil: 'load' }));
          if (pass.mode !== 'file' && (!resp || resp.status() !== 200)) {
            record(`open ${key} (${pass.mode})`, [`${url} answered ${resp ? resp.status() : 'nothing'}`]);
            continue;
          }
          await pass.each(page, key);
          for (const v of await page.evaluate(() => window.__cspViolations || [])) noteCsp(key, `${pass.mode}: ${v}`);
        } catch (e) {
          record(`${pass.title}: ${key}`, [`error: ${e.message.split('\n')[0]}`]);
        }
      }
      state.key = '(after the pages)';
      await context.close();
      return `${pass.title}: ${((Date.now() - t0) / 1000).toFixed(1)} s`;
    };
    section('pages');
    const timings = [];
    const queue = PARTS.has('pages') ? [...passes] : [];
    const worker = async () => {
      for (let pass = queue.shift(); pass; pass = queue.shift()) timings.push(await runPass(pass));
    };
    await Promise.all([worker(), worker()]);
    for (const t of timings) console.log(`   ${t}`);
    console.log(`   of which: ${[...spent].map(([k, v]) => `${k} ${(v / 1000).toFixed(0)} s`).join(', ')}`);

    section('layout, requests');
    if (PARTS.has('pages')) for (const key of keys) record(`layout ${key}`, pageLayout.get(key) || []);
    // Also static hints that make the browser contact another host without a request event.
    for (const key of keys) {
      const text = fs.readFileSync(path.join(siteDir, key), 'utf8');
      for (const m of text.matchAll(/<link\b[^>]*\brel=["']?(?:[^"'>]*\s)?(preconnect|dns-prefetch|prerender)\b[^>]*>/gi)) {
        noteForeign(key, `resource hint to another host: ${m[0].slice(0, 160)}`);
      }
      if (PARTS.has('pages')) record(`no requests to other hosts ${key}`, foreign.get(key) || []);
    }
    for (const [key, list] of foreign) if (!keys.includes(key)) record(`no requests to other hosts ${key}`, list);

    // ------------------------------------------------ per school: keyboard, filter, print
    section('keyboard, buddy filter, letter');
    const schoolCtx = await newContext('root', { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const noJsCtx = await newContext('root', { viewport: { width: 375, height: 812 }, javaScriptEnabled: false });
    const desktopCtx = await newContext('root', { viewport: { width: 1280, height: 900 } });
    const homes = !PARTS.has('keyboard') ? [] : [...(keys.includes('index.html') ? ['index.html'] : []), ...schools.map((s) => `${s}/index.html`)];
    for (const key of homes) {
      schoolCtx.state.key = key;
      await test(`skip link and visible focus ${key}`, (problems) => keyboardCheck(schoolCtx.page, urlOf('root', key), problems));
    }
    for (const slug of PARTS.has('keyboard') ? schools : []) {
      const key = `${slug}/buddys/index.html`;
      if (!fileSet.has(key)) continue;
      noJsCtx.state.key = key;
      await test(`buddy filter without JavaScript ${key}`, (problems) => filterNoJs(noJsCtx.page, urlOf('root', key), problems));
      schoolCtx.state.key = key;
      const hasFilter = /<fieldset[^>]*id="buddy-filter"/.test(fs.readFileSync(path.join(siteDir, key), 'utf8'));
      if (hasFilter) await test(`buddy filter with the keyboard ${key}`, (problems) => filterKeyboard(schoolCtx.page, urlOf('root', key), problems));
    }
    for (const slug of PARTS.has('keyboard') ? schools : []) {
      const key = `${slug}/brief/index.html`;
      if (!fileSet.has(key)) continue;
      desktopCtx.state.key = key;
      await test(`letter prints without navigation ${key}`, (problems) => printMedia(desktopCtx.page, urlOf('root', key), problems));
      await test(`letter is at most 2 A4 pages ${key}`, (problems) => letterPdf(desktopCtx.page, urlOf('root', key), slug, problems));
      // Issue 12: the PDF of the letter in every language the school publishes.
      const letters = [...fileSet].filter((k) => k === key || new RegExp(`^${slug}/[a-z]{2,3}(-[A-Za-z0-9]+)?/brief/index\\.html$`).test(k)).sort();
      for (const letter of letters) {
        desktopCtx.state.key = letter;
        await test(`letter PDF link resolves ${letter}`, (problems) => letterPdfLink(desktopCtx.page, urlOf('root', letter), problems));
      }
    }
    // Issue 12: the overview (in every language) lists every letter for printing.
    const overviews = !PARTS.has('keyboard') ? [] : [...fileSet].filter((k) => k === 'index.html' || (/^[a-z]{2,3}(-[A-Za-z0-9]+)?\/index\.html$/.test(k) && !schools.includes(k.split('/')[0]))).sort();
    for (const key of overviews) {
      desktopCtx.state.key = key;
      await test(`overview letters resolve ${key}`, (problems) => overviewLetters(desktopCtx.page, urlOf('root', key), problems));
    }
    for (const c of [schoolCtx, noJsCtx, desktopCtx]) await c.context.close();
    if (PARTS.has('pages') || PARTS.has('keyboard')) {
      for (const key of keys) record(`no CSP violations ${key}`, cspFound.get(key) || []);
      for (const [key, list] of cspFound) if (!keys.includes(key)) record(`no CSP violations ${key}`, list);
    }

    // ------------------------------------------------ the theme as a parent sees it (issue 14)
    if (part('theme')) {
      section('theme: first screen, menu, filter, FAQ, initials, punctuation, focus, dark mode, statement, 404, screenshots');
      await themeChecks({ newContext, urlOf, schools, keys, fileSet, exe, statusOf, loopbackOrigins });
    }
    // ------------------------------------------------ languages (issue 11)
    if (part('languages')) {
      section('languages: switcher with the keyboard, right-to-left layout');
      await languageChecks({ newContext, urlOf, keys, siteDir });
    }
    for (const [key, list] of foreign) {
      if (!results.some((r) => r.name === `no requests to other hosts ${key}`)) record(`no requests to other hosts ${key}`, list);
    }

    // ------------------------------------------------ vnu
    section('Nu HTML Checker');
    const vnu = vnuPromise ? await vnuPromise : null;
    if (!vnu) {
      // not asked for (BROWSER_TESTS_PARTS)
    } else if (vnu.error) {
      record('Nu HTML Checker', [vnu.error]);
    } else {
      for (const key of keys) record(`vnu ${key}`, vnu.byPage.get(key) || []);
      for (const [key, list] of vnu.byPage) if (!keys.includes(key) && (!ONLY || key.includes(ONLY))) record(`vnu ${key}`, list);
    }

    // ------------------------------------------------ live reload (serve --watch)
    section('live reload');
    if (PARTS.has('live')) await liveReload(browser, exe, schools[0] || 'de-brucke', isLocal);

    section('XSS vectors');
    if (PARTS.has('xss')) await xssPass(browser, exe, tmp);

    console.log(`screenshots and PDFs: ${path.relative(REPO, SHOTS)}/`);
    console.log(`time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    for (const c of cleanups.reverse()) await c().catch(() => {});
  }
}

// ---------------------------------------------------------------- languages

/** The `dir` and `lang` of a built page, read from its file. */
function pageLang(siteDir, key) {
  const html = fs.readFileSync(path.join(siteDir, key), 'utf8');
  const m = /<html lang="([^"]*)" dir="([^"]*)"/.exec(html);
  return m ? { lang: m[1], dir: m[2], switcher: html.includes('class="lang-switch"') } : { lang: '', dir: '', switcher: false };
}

/**
 * Issue 11: the switcher works with the keyboard (Tab reaches every language, Enter opens the
 * page in it); on right-to-left pages nothing scrolls sideways at 320 px and the layout is
 * mirrored (the brand, the menu and the text start on the right), with a screenshot.
 */
async function languageChecks({ newContext, urlOf, keys, siteDir }) {
  const info = new Map(keys.map((k) => [k, pageLang(siteDir, k)]));
  const withSwitcher = keys.filter((k) => info.get(k).switcher && !k.endsWith('404.html'));
  const rtl = keys.filter((k) => info.get(k).dir === 'rtl');
  if (!withSwitcher.length) {
    skip('language switcher with the keyboard', 'no page has a language switcher (one language only)');
    return;
  }
  const ctx = await newContext('root', { viewport: { width: 1280, height: 900 } });
  // One page per kind of page, the home pages and every right-to-left page's own switcher.
  const sample = [...new Set([...withSwitcher.filter((k) => /(^|\/)(index\.html|[a-z]{2}\/index\.html)$/.test(k)).slice(0, 6), ...rtl.slice(0, 3)])];
  for (const key of sample) {
    ctx.state.key = key;
    await test(`language switcher with the keyboard ${key}`, async (problems) => {
      const page = ctx.page;
      await page.goto(urlOf('root', key));
      const links = await page.$$eval('.lang-switch a', (as) => as.map((a) => ({ lang: a.lang, hreflang: a.hreflang, current: a.getAttribute('aria-current'), text: a.textContent.trim() })));
      if (links.length < 2) problems.push(`only ${links.length} language(s) in the switcher`);
      const current = links.filter((l) => l.current);
      if (current.length !== 1) problems.push(`${current.length} languages marked aria-current`);
      for (const l of links) if (!l.lang || l.lang !== l.hreflang) problems.push(`${l.text}: lang="${l.lang}" hreflang="${l.hreflang}"`);
      const label = await page.$eval('.lang-switch', (n) => n.getAttribute('aria-label') || '');
      if (!label.trim()) problems.push('the switcher <nav> has no aria-label');
      // Tab until focus is on a language that is not the current one.
      const target = links.find((l) => !l.current);
      if (!target) return;
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate((lang) => {
          const a = document.activeElement;
          return !!a && a.matches('.lang-switch a') && a.lang === lang;
        }, target.lang);
      }
      if (!reached) {
        problems.push(`Tab never reaches ${target.text}`);
        return;
      }
      const ring = await page.evaluate(() => {
        const cs = getComputedStyle(document.activeElement);
        return cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 || cs.boxShadow !== 'none';
      });
      if (!ring) problems.push(`${target.text} shows no focus indicator`);
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      const now = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
      if (now.lang !== target.lang) problems.push(`Enter on ${target.text} opened a page in "${now.lang}"`);
    });
  }
  await ctx.context.close();
  if (!rtl.length) {
    skip('right-to-left layout', 'no right-to-left page in the site');
    return;
  }
  const narrow = await newContext('root', { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  const wide = await newContext('root', { viewport: { width: 1280, height: 900 } });
  for (const key of rtl) {
    narrow.state.key = key;
    await test(`no sideways scrolling at 320 px (right to left) ${key}`, async (problems) => {
      await narrow.page.goto(urlOf('root', key));
      const f = await narrow.page.evaluate(() => {
        const d = document.documentElement;
        const wide = [...document.querySelectorAll('body *')]
          .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < -1 || r.right > d.clientWidth + 1); })
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ')[0] : ''}`);
        return { over: d.scrollWidth - d.clientWidth, wide };
      });
      if (f.over > 1) problems.push(`scrolls sideways by ${f.over} px; too wide: ${f.wide.join(', ')}`);
    });
    wide.state.key = key;
    await test(`right-to-left layout is mirrored ${key}`, async (problems) => {
      const page = wide.page;
      await page.goto(urlOf('root', key));
      const g = await page.evaluate(() => {
        const box = (sel) => { const e = document.querySelector(sel); if (!e) return null; const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width }; };
        const textBox = (sel) => {
          const e = document.querySelector(sel);
          if (!e) return null;
          const range = document.createRange();
          range.selectNodeContents(e);
          const r = range.getBoundingClientRect();
          return { left: r.left, right: r.right };
        };
        const nav = [...document.querySelectorAll('.site-nav a')].map((a) => a.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right }));
        return { width: document.documentElement.clientWidth, brand: box('.brand'), h1: textBox('h1'), h1box: box('h1'), nav, dir: getComputedStyle(document.body).direction };
      });
      if (g.dir !== 'rtl') problems.push(`the body's direction is ${g.dir}`);
      const mid = g.width / 2;
      // The brand hugs the right edge (a long SWV name on the overview may reach past the middle).
      if (g.brand && !(g.width - g.brand.right < g.brand.left)) problems.push(`the brand starts at the left (x ${Math.round(g.brand.left)}–${Math.round(g.brand.right)} of ${g.width})`);
      if (g.nav.length >= 2 && !(g.nav[0].left > g.nav[1].right - 1)) problems.push('the first menu item is not to the right of the second');
      if (g.nav.length && !(g.nav[0].right > mid)) problems.push('the menu does not start on the right');
      // The heading's text starts at the right edge of its own box, in the right half.
      if (g.h1 && g.h1box && !(g.h1box.right - g.h1.right < 4 && g.h1.right > mid)) {
        problems.push(`the heading does not start on the right (text ${Math.round(g.h1.left)}–${Math.round(g.h1.right)}, its box ${Math.round(g.h1box.left)}–${Math.round(g.h1box.right)})`);
      }
      await page.screenshot({ path: path.join(SHOTS, `rtl-${key.replace(/\//g, '_').replace(/\.html$/, '')}.1280.png`), fullPage: false });
    });
  }
  await narrow.context.close();
  await wide.context.close();
}

// ---------------------------------------------------------------- keyboard checks

/** Tab once: the skip link shows; Enter: focus on main; then every focus is visible. */
async function keyboardCheck(page, url, problems) {
  await page.goto(url, { waitUntil: 'load' });
  await page.keyboard.press('Tab');
  await waitInView(page);
  const first = await page.evaluate(() => {
    const a = document.activeElement;
    const r = a.getBoundingClientRect();
    const href = a.getAttribute('href') || '';
    const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
    return {
      tag: a.tagName.toLowerCase(),
      href,
      text: a.textContent.trim(),
      inView: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
      targetIsMain: !!target && (target.tagName === 'MAIN' || target.getAttribute('role') === 'main' || !!target.querySelector('main')),
      height: r.height,
    };
  });
  if (first.tag !== 'a' || !first.href.startsWith('#')) {
    problems.push(`the first Tab lands on <${first.tag}> "${first.text.slice(0, 40)}", not on a skip link`);
    return;
  }
  if (!first.inView) problems.push(`the skip link "${first.text}" is not on screen when it has focus`);
  if (!first.targetIsMain) problems.push(`the skip link points to ${first.href}, which is not the main content`);
  await page.keyboard.press('Enter');
  const afterSkip = await page.evaluate(() => {
    const a = document.activeElement;
    return { tag: a.tagName.toLowerCase(), inMain: !!a.closest('main') || a.tagName === 'MAIN' };
  });
  if (!afterSkip.inMain) problems.push(`after Enter on the skip link, focus is on <${afterSkip.tag}>, not in main`);
  // Walk the page with Tab from the top: every focused element must show a clear indicator.
  await page.goto(url, { waitUntil: 'load' });
  const seen = new Set();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    await waitInView(page);
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const show = (e) => {
        const cs = getComputedStyle(e);
        const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
        const shadow = cs.boxShadow && cs.boxShadow !== 'none';
        return outline || shadow;
      };
      const owner = el.closest('label') || el.parentElement;
      const r = el.getBoundingClientRect();
      const id = (el.tagName + ' ' + (el.getAttribute('href') || el.getAttribute('name') || '') + ' ' + el.textContent.trim().slice(0, 40)).trim();
      return { id, visible: show(el) || (owner && el.tagName === 'INPUT' && show(owner)), inView: r.bottom > 0 && r.top < innerHeight };
    });
    if (!f || seen.has(f.id)) break;
    seen.add(f.id);
    if (!f.visible) problems.push(`no visible focus indicator on ${f.id}`);
    if (!f.inView) problems.push(`focused element is off screen: ${f.id}`);
  }
  if (seen.size < 3) problems.push(`only ${seen.size} element(s) reachable with Tab`);
}

/** Waits (at most 5 s) until the focused element is on screen: the skip link slides in and
 * the page may take a frame to scroll. Returns false when it never gets there. */
async function waitInView(page) {
  const inView = () => {
    const el = document.activeElement;
    if (!el || el === document.body) return true;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  };
  return page.waitForFunction(inView, null, { timeout: 5000, polling: "raf" }).then(() => true, () => false);
}

async function filterState(page) {
  return page.evaluate(() => {
    const list = document.getElementById('buddy-list');
    const cards = list ? [...list.children] : [];
    const vis = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const filter = document.getElementById('buddy-filter');
    const checked = filter ? filter.querySelector('input:checked') : null;
    return {
      total: cards.length,
      shown: cards.filter(vis).map((c) => c.getAttribute('data-themes') || ''),
      filterVisible: !!filter && vis(filter),
      key: checked ? checked.value : null,
      focused: document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : '',
      focusedIsRadio: !!document.activeElement && document.activeElement.type === 'radio' && !!filter && filter.contains(document.activeElement),
      status: (document.getElementById('buddy-status') || { textContent: '' }).textContent.trim(),
    };
  });
}

async function filterNoJs(page, url, problems) {
  await page.goto(url, { waitUntil: 'load' });
  const s = await filterState(page);
  if (s.total === 0) problems.push('no buddy cards in #buddy-list');
  if (s.shown.length !== s.total) problems.push(`without JavaScript only ${s.shown.length} of ${s.total} cards are shown`);
  if (s.filterVisible) problems.push('without JavaScript the filter shows, but it cannot work');
  if (!s.status.includes(String(s.total))) problems.push(`status line "${s.status}" does not say ${s.total}`);
}

async function filterKeyboard(page, url, problems) {
  await page.goto(url, { waitUntil: 'load' });
  let s = await filterState(page);
  // On a phone the filter is folded: open its disclosure with the keyboard first.
  if (!s.filterVisible && (await page.evaluate(() => { const b = document.getElementById('buddy-filter-box'); return !!b && !b.hidden && !b.open; }))) {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => !!document.activeElement && document.activeElement.matches('#buddy-filter-box > summary'))) break;
    }
    await page.keyboard.press('Enter');
    s = await filterState(page);
  }
  if (!s.filterVisible) {
    problems.push('the filter is not shown with JavaScript on');
    return;
  }
  const total = s.total;
  for (let i = 0; i < 80 && !s.focusedIsRadio; i++) {
    await page.keyboard.press('Tab');
    s = await filterState(page);
  }
  if (!s.focusedIsRadio) {
    problems.push('the filter cannot be reached with Tab');
    return;
  }
  const ringOnLabel = await page.evaluate(() => {
    const el = document.activeElement;
    const ok = (e) => {
      const cs = getComputedStyle(e);
      return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || (cs.boxShadow && cs.boxShadow !== 'none');
    };
    return ok(el) || ok(el.closest('label') || el);
  });
  if (!ringOnLabel) problems.push('the focused filter option shows no focus indicator');
  await page.keyboard.press('ArrowRight');
  s = await filterState(page);
  if (!s.focusedIsRadio || !s.key) {
    problems.push(`ArrowRight did not select the next filter option (checked: ${JSON.stringify(s.key)})`);
    return;
  }
  const expected = await page.evaluate((key) => [...document.getElementById('buddy-list').children].filter((c) => ` ${c.getAttribute('data-themes')} `.includes(` ${key} `)).length, s.key);
  if (s.shown.length !== expected) problems.push(`filter "${s.key}": ${s.shown.length} cards shown, ${expected} expected`);
  if (s.shown.some((t) => !` ${t} `.includes(` ${s.key} `))) problems.push(`filter "${s.key}" shows a card without that theme`);
  if (expected > 0 && !s.status.includes(String(expected))) problems.push(`status line "${s.status}" does not say ${expected}`);
  await page.keyboard.press('ArrowLeft');
  s = await filterState(page);
  if (s.key !== '' || s.shown.length !== total) problems.push(`back to "all" with ArrowLeft: ${s.shown.length} of ${total} shown (checked ${JSON.stringify(s.key)})`);
}

// ---------------------------------------------------------------- letter

async function printMedia(page, url, problems) {
  await page.goto(url, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  try {
    const shown = await page.evaluate((describe) => {
      const d = new Function(`return ${describe}`)();
      const vis = (el) => {
        const r = el.getBoundingClientRect();
        return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && r.width > 0 && r.height > 0;
      };
      const groups = {
        navigation: 'nav, [role="navigation"]',
        'site header with the menu': 'body > header, [role="banner"]',
        'skip link': '.skip-link, body > a[href^="#"]',
        footer: 'body > footer, [role="contentinfo"]',
        'screen-only controls (buttons)': 'button, .button',
      };
      const out = [];
      for (const [what, sel] of Object.entries(groups)) for (const el of document.querySelectorAll(sel)) if (vis(el)) out.push(`${what} is visible in print: ${d(el)}`);
      const h1 = document.querySelector('main h1');
      if (!h1 || !vis(h1)) out.push('the letter itself (main h1) is not visible in print');
      // Issue 12: a parent holding the paper sees its date, the web address and the QR code.
      const printed = {
        'the date': '.letterhead__date time',
        'the web address': '.letter__web .letter__url',
        'the QR code': '.letter__web svg.letter-qr',
      };
      for (const [what, sel] of Object.entries(printed)) {
        const el = document.querySelector(sel);
        if (!el || !vis(el)) out.push(`${what} (${sel}) is not visible in print`);
      }
      const url = document.querySelector('.letter__web .letter__url');
      if (url && url.textContent.trim() !== url.getAttribute('href')) out.push(`the printed web address is not the link's full address: ${url.textContent}`);
      return out;
    }, DESCRIBE);
    problems.push(...shown);
  } finally {
    await page.emulateMedia({ media: null });
  }
}

/** Issue 12: `href` answers 200 with `application/pdf`, a PDF of 1 or 2 pages. */
async function pdfResolves(page, href, problems) {
  const resp = await page.request.get(href);
  if (resp.status() !== 200) {
    problems.push(`${href} answers ${resp.status()}`);
    return;
  }
  const type = (resp.headers()['content-type'] || '').split(';')[0].trim();
  if (type !== 'application/pdf') problems.push(`${href} is served as ${type || 'nothing'}, not application/pdf`);
  const body = await resp.body();
  if (body.subarray(0, 5).toString('latin1') !== '%PDF-') {
    problems.push(`${href} is not a PDF`);
    return;
  }
  const doc = await PDFDocument.load(body);
  const n = doc.getPages().length;
  if (n < 1 || n > 2) problems.push(`${href} has ${n} pages (1 or 2)`);
}

/** Issue 12: the letter page's PDF link answers with a PDF of at most 2 A4 pages. */
async function letterPdfLink(page, url, problems) {
  await page.goto(url, { waitUntil: 'load' });
  const href = await page.evaluate(() => document.querySelector('.letter-tools__pdf a')?.href || null);
  if (!href) {
    problems.push('the letter page has no link to its PDF (.letter-tools__pdf a)');
    return;
  }
  await pdfResolves(page, href, problems);
}

/** Issue 12: every letter the overview lists for printing is a PDF that resolves. */
async function overviewLetters(page, url, problems) {
  await page.goto(url, { waitUntil: 'load' });
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('.overview-letters a')].map((a) => a.href));
  if (hrefs.length === 0) {
    problems.push('the overview lists no letters (.overview-letters a)');
    return;
  }
  for (const href of hrefs) await pdfResolves(page, href, problems);
}

async function letterPdf(page, url, slug, problems) {
  await page.goto(url, { waitUntil: 'load' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await fsp.mkdir(path.join(SHOTS, slug), { recursive: true });
  await fsp.writeFile(path.join(SHOTS, slug, 'brief.pdf'), pdf);
  const doc = await PDFDocument.load(pdf);
  const pdfPages = doc.getPages();
  if (pdfPages.length > 2) problems.push(`the letter prints on ${pdfPages.length} pages (at most 2)`);
  if (pdfPages.length === 0) problems.push('the PDF has no pages');
  pdfPages.forEach((p, i) => {
    const { width, height } = p.getSize();
    if (Math.abs(width - A4.width) > A4_TOLERANCE || Math.abs(height - A4.height) > A4_TOLERANCE) {
      problems.push(`page ${i + 1} is ${width.toFixed(1)} × ${height.toFixed(1)} pt, not A4 (595 × 842 pt)`);
    }
  });
}

// ---------------------------------------------------------------- theme (issue 14)

/** Parses `rgb(a)` from getComputedStyle; composites over `under` (default white). */
const COLOUR_FNS = `
  const rgb = (c) => { const m = /rgba?\\(([^)]+)\\)/.exec(c || ''); if (!m) return null; const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const bgOf = (el) => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
`;

/** Every point of issue 14 that only a browser can see, per school. */
async function themeChecks({ newContext, urlOf, schools, keys, fileSet, exe, statusOf, loopbackOrigins }) {
  const phone = await newContext('root', { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, colorScheme: 'light' });
  const phoneDark = await newContext('root', { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, colorScheme: 'dark' });
  const desktop = await newContext('root', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  const desktopDark = await newContext('root', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  const schoolPages = (slug) => keys.filter((k) => k.startsWith(`${slug}/`));
  try {
    for (const slug of schools) {
      const pages = schoolPages(slug);
      // At 375 px the <h1> of every page, and the first buddy card, are in the first screen.
      await test(`first screen at 375 px shows the h1 ${slug}`, async (problems) => {
        for (const key of pages) {
          phone.state.key = key;
          await phone.page.goto(urlOf('root', key), { waitUntil: 'load' });
          const r = await phone.page.evaluate(() => {
            const h1 = document.querySelector('main h1');
            const card = document.querySelector('#buddy-list > li');
            const b = (el) => (el ? el.getBoundingClientRect() : null);
            return { h1: b(h1), card: b(card), screen: innerHeight };
          });
          if (!r.h1) problems.push(`${key}: no h1 in main`);
          else if (r.h1.bottom > r.screen) problems.push(`${key}: the h1 ends at ${Math.round(r.h1.bottom)} px, below the first screen (${r.screen} px)`);
          if (/\/buddys\/index\.html$/.test(key) && (!r.card || r.card.top >= r.screen)) {
            problems.push(`${key}: the first buddy card starts at ${r.card ? Math.round(r.card.top) : 'nowhere'} px, below the first screen (${r.screen} px)`);
          }
        }
      });

      // The menu is one row at 1280 px (and one scrolling row at 375 px).
      const home = `${slug}/index.html`;
      if (keys.includes(home)) {
        await test(`menu is one row at 1280 px and at 375 px ${slug}`, async (problems) => {
          for (const ctx of [desktop, phone]) {
            await ctx.page.goto(urlOf('root', home), { waitUntil: 'load' });
            const rows = await ctx.page.evaluate(() => new Set([...document.querySelectorAll('.site-nav li')].map((li) => Math.round(li.getBoundingClientRect().top))).size);
            const width = ctx.page.viewportSize().width;
            if (rows !== 1) problems.push(`at ${width} px the menu takes ${rows} rows`);
          }
        });
        // A logo-less school shows its initials in its colour; no straight quotes; no frame on main.
        await test(`initials tile, punctuation, focus on main ${slug}`, async (problems) => {
          const page = phone.page;
          await page.goto(urlOf('root', home), { waitUntil: 'load' });
          const facts = await page.evaluate((fns) => {
            const { rgb, ratio, bgOf } = new Function(`${fns} return { rgb, ratio, bgOf };`)();
            const logo = document.querySelector('.brand img');
            const tile = document.querySelector('.brand .initials');
            const primary = getComputedStyle(document.documentElement).getPropertyValue('--primary').trim();
            const tileBg = tile ? getComputedStyle(tile).backgroundColor : null;
            const hex = (c) => (c ? '#' + [c.r, c.g, c.b].map((v) => v.toString(16).padStart(2, '0')).join('') : null);
            return { logo: !!logo, tile: tile ? tile.textContent.trim() : null, tileVisible: !!tile && tile.checkVisibility(), tileBg: hex(rgb(tileBg)), primary };
          }, COLOUR_FNS);
          if (!facts.logo) {
            if (!facts.tile || !facts.tileVisible) problems.push('no logo and no visible initials tile in the header');
            else if (facts.tileBg !== facts.primary.toLowerCase()) problems.push(`the initials tile is ${facts.tileBg}, not the school colour ${facts.primary}`);
          } else if (facts.tile) problems.push('both a logo and an initials tile');
          await page.keyboard.press('Tab');
          await page.keyboard.press('Enter');
          const main = await page.evaluate(() => {
            const m = document.querySelector('main');
            const cs = getComputedStyle(m);
            return { focused: document.activeElement === m, outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0, shadow: cs.boxShadow !== 'none' };
          });
          if (!main.focused) problems.push('after the skip link, main does not have focus');
          if (main.outline || main.shadow) problems.push(`after the skip link main shows a frame (outline: ${main.outline}, box-shadow: ${main.shadow})`);
        });
      }
      await test(`no straight apostrophe or quote in visible text ${slug}`, async (problems) => {
        for (const key of pages) {
          await desktop.page.goto(urlOf('root', key), { waitUntil: 'load' });
          const found = await desktop.page.evaluate(() => {
            const out = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (n.parentElement.closest('script, style, code, pre')) continue;
              if (/['"]/.test(n.textContent) && n.parentElement.checkVisibility()) out.push(n.textContent.trim().slice(0, 60));
            }
            if (/['"]/.test(document.title)) out.push(`<title> ${document.title}`);
            return out;
          });
          for (const t of found.slice(0, 3)) problems.push(`${key}: ${JSON.stringify(t)}`);
        }
      });

      // The accessibility statement exists and every page links to it.
      const statement = `${slug}/toegankelijkheid/index.html`;
      await test(`accessibility statement linked from every page ${slug}`, async (problems) => {
        if (!fileSet.has(statement)) {
          problems.push(`${statement} does not exist`);
          return;
        }
        for (const key of pages) {
          await desktop.page.goto(urlOf('root', key), { waitUntil: 'load' });
          const hrefs = await desktop.page.evaluate(() => [...document.querySelectorAll('footer a')].map((a) => a.href));
          // A page in another language (`<slug>/en/…`) links that language's statement.
          const lang = key.slice(slug.length + 1).match(/^([a-z]{2,3})\//);
          const own = lang && fileSet.has(`${slug}/${lang[1]}/toegankelijkheid/index.html`)
            ? `${slug}/${lang[1]}/toegankelijkheid/index.html`
            : statement;
          const target = urlOf('root', own);
          if (!hrefs.some((h) => h === target || h === target.replace(/index\.html$/, ''))) problems.push(`${key}: no link to ${own} in the footer`);
        }
        if ((await statusOf(urlOf('root', statement))) !== 200) problems.push(`${statement} does not answer 200`);
      });

      // Buddy filter: only the school's own themes; folded at 375 px with the count of active filters.
      const buddies = `${slug}/buddys/index.html`;
      if (keys.includes(buddies)) {
        await test(`buddy filter: own themes only, folded on a phone, flat tags ${slug}`, async (problems) => {
          await phone.page.goto(urlOf('root', buddies), { waitUntil: 'load' });
          const f = await phone.page.evaluate(() => {
            const box = document.getElementById('buddy-filter-box');
            const cards = [...document.querySelectorAll('#buddy-list > li')];
            const themes = new Set(cards.flatMap((c) => (c.getAttribute('data-themes') || '').split(' ').filter(Boolean)));
            const offered = [...document.querySelectorAll('#buddy-filter input[type=radio]')].map((r) => r.value).filter(Boolean);
            const tag = document.querySelector('#buddy-list .tag');
            const choice = document.querySelector('.choice');
            const cs = tag ? getComputedStyle(tag) : null;
            return {
              box: !!box, open: !!box && box.open, shown: !!box && !box.hidden,
              offered, themes: [...themes],
              tag: cs ? { border: parseFloat(cs.borderTopWidth), radius: parseFloat(cs.borderTopLeftRadius), cursor: cs.cursor } : null,
              choiceRadius: choice ? parseFloat(getComputedStyle(choice).borderTopLeftRadius) : null,
              count: (document.getElementById('buddy-filter-count') || {}).textContent,
            };
          });
          for (const o of f.offered) if (!f.themes.includes(o)) problems.push(`the filter offers "${o}", which no buddy of this school has`);
          for (const t of f.themes) if (!f.offered.includes(t) && f.offered.length) problems.push(`the filter misses "${t}"`);
          if (!f.box) return;
          if (!f.shown) problems.push('the filter disclosure is not shown with JavaScript on');
          if (f.open) problems.push('at 375 px the filter is open: it should be folded');
          if (f.tag && (f.tag.border > 0 || f.tag.radius > 8)) problems.push(`tags on cards look like filter chips (border ${f.tag.border} px, radius ${f.tag.radius} px)`);
          if (f.count !== '') problems.push(`with no filter on, the count says "${f.count}"`);
          // Choose a theme: the summary counts it.
          if (f.offered.length) {
            await phone.page.evaluate(() => { document.getElementById('buddy-filter-box').open = true; });
            await phone.page.locator('#buddy-filter input[type=radio]').nth(1).check();
            const count = await phone.page.evaluate(() => document.getElementById('buddy-filter-count').textContent);
            if (!/1/.test(count)) problems.push(`after choosing a theme the folded filter says "${count}", not how many are on`);
          }
          await desktop.page.goto(urlOf('root', buddies), { waitUntil: 'load' });
          if (!(await desktop.page.evaluate(() => { const b = document.getElementById('buddy-filter-box'); return !b || b.open; }))) problems.push('at 1280 px the filter is folded');
        });
      }

      // FAQ: folds, opens from the anchor and on hashchange, "open all", open in print.
      const faq = `${slug}/vragen/index.html`;
      if (keys.includes(faq)) {
        await test(`FAQ folds, opens from an anchor, prints open ${slug}`, async (problems) => {
          const page = desktop.page;
          await page.goto(urlOf('root', faq), { waitUntil: 'load' });
          const ids = await page.evaluate(() => [...document.querySelectorAll('#faq-list details h2[id]')].map((h) => h.id));
          if (ids.length < 2) {
            problems.push(`only ${ids.length} folding questions`);
            return;
          }
          const openIds = () => page.evaluate(() => [...document.querySelectorAll('#faq-list details')].filter((d) => d.open).map((d) => d.querySelector('h2').id));
          const answerShown = (id) => page.evaluate((i) => document.getElementById(i).closest('details').querySelector('.faq__answer').checkVisibility(), id);
          if ((await openIds()).length) problems.push('answers are open on load without an anchor');
          await page.goto(`${urlOf('root', faq)}#${ids[1]}`, { waitUntil: 'load' });
          let open = await openIds();
          if (!open.includes(ids[1]) || !(await answerShown(ids[1]))) problems.push(`#${ids[1]} in the address does not open its answer (open: ${open.join(', ')})`);
          await page.evaluate((i) => { location.hash = i; }, ids[0]);
          await page.waitForFunction((i) => document.getElementById(i).closest('details').open, ids[0], { timeout: 2000 }).catch(() => {});
          if (!(await openIds()).includes(ids[0])) problems.push(`hashchange to #${ids[0]} does not open its answer`);
          await page.click('#faq-toggle-all');
          open = await openIds();
          if (open.length !== ids.length) problems.push(`"open all" opened ${open.length} of ${ids.length}`);
          await page.click('#faq-toggle-all');
          if ((await openIds()).length) problems.push('"close all" left answers open');
          await page.emulateMedia({ media: 'print' });
          try {
            const hidden = await page.evaluate(() => [...document.querySelectorAll('#faq-list .faq__answer')].filter((a) => !a.checkVisibility() || a.getBoundingClientRect().height === 0).length);
            if (hidden) problems.push(`${hidden} answers are not shown in print`);
          } finally {
            await page.emulateMedia({ media: null });
          }
          // Without JavaScript the questions still open (plain <details>).
          const ld = await page.evaluate(() => JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent));
          if (ld['@type'] !== 'FAQPage' || (ld.mainEntity || []).length !== ids.length) problems.push('FAQPage JSON-LD does not list every question');
        });
      }

      // Dark mode: the school colour as a surface stands out from the dark page.
      if (keys.includes(home)) {
        await test(`dark mode: brand surfaces have contrast ${slug}`, async (problems) => {
          await phoneDark.page.goto(urlOf('root', home), { waitUntil: 'load' });
          const r = await phoneDark.page.evaluate((fns) => {
            const { rgb, ratio, bgOf } = new Function(`${fns} return { rgb, ratio, bgOf };`)();
            const out = [];
            const header = document.querySelector('.site-header__inner') || document.body;
            const pageBg = bgOf(header);
            const check = (sel, what) => {
              for (const el of document.querySelectorAll(sel)) {
                if (!el.checkVisibility()) continue;
                const bg = rgb(getComputedStyle(el).backgroundColor);
                const fg = rgb(getComputedStyle(el).color);
                const around = bgOf(el.parentElement);
                if (bg && bg.a > 0.5) {
                  const edge = ratio(bg, pageBg);
                  if (edge < 3) out.push(`${what}: the school colour ${JSON.stringify(bg)} has ${edge.toFixed(2)}:1 against the dark page (needs 3:1)`);
                  const text = ratio(fg, bg);
                  if (text < 4.5) out.push(`${what}: text on the school colour has ${text.toFixed(2)}:1 (needs 4.5:1)`);
                }
                void around;
              }
            };
            check('.site-nav', 'menu bar');
            check('main .button:not(.button--secondary)', 'button');
            check('.initials', 'initials tile');
            return out;
          }, COLOUR_FNS);
          problems.push(...r);
        });
      }
    }

    // 404 served by the preview server for a deep missing address: stylesheet and links work.
    const slug404 = schools.find((s) => fileSet.has(`${s}/404.html`));
    if (slug404) {
      await test(`404 page for a deep missing address (buddysite serve) ${slug404}`, async (problems) => {
        const project = await fsp.mkdtemp(path.join(os.tmpdir(), 'buddysite-404-'));
        let child;
        let log = '';
        try {
          for (const entry of ['buddysite.yaml', 'content', 'schools', 'themes']) {
            const from = path.join(PROJECT, entry);
            if (fs.existsSync(from)) await fsp.cp(from, path.join(project, entry), { recursive: true });
          }
          const port = await freePort();
          child = spawn(exe, ['serve', '--port', String(port), '--root', project], { stdio: ['ignore', 'pipe', 'pipe'] });
          child.stdout.on('data', (d) => (log += d));
          child.stderr.on('data', (d) => (log += d));
          const base = `http://127.0.0.1:${port}/`;
          loopbackOrigins.add(`http://127.0.0.1:${port}`);
          const deadline = Date.now() + 60000;
          let up = false;
          while (!up && Date.now() < deadline) {
            up = (await fetch(`${base}${slug404}/index.html`).then((r) => r.status, () => 0)) === 200;
            if (!up) await new Promise((r) => setTimeout(r, 250));
          }
          if (!up) throw new Error(`buddysite serve did not answer\n${log.slice(-1500)}`);
          const missing = `${base}${slug404}/buddys/bestaat-niet/echt-niet/`;
          const ctx = await newContext('root', { viewport: { width: 375, height: 812 } });
          try {
            const resp = await ctx.page.goto(missing, { waitUntil: 'load' });
            if (!resp || resp.status() !== 404) problems.push(`${missing} answered ${resp ? resp.status() : 'nothing'}, not 404`);
            const f = await ctx.page.evaluate(() => {
              const link = document.querySelector('link[rel=stylesheet]');
              let rules = 0;
              try { rules = link && link.sheet ? link.sheet.cssRules.length : 0; } catch { rules = -1; }
              return { h1: (document.querySelector('h1') || {}).textContent, rules, links: [...document.querySelectorAll('a[href]')].map((a) => a.href) };
            });
            if (!f.h1) problems.push('the 404 page has no h1');
            if (f.rules <= 0) problems.push('the 404 page at a deep address did not load its stylesheet');
            const own = f.links.filter((h) => h.startsWith(base));
            if (own.length < 5) problems.push(`only ${own.length} links on the 404 page`);
            for (const h of own) {
              const status = await fetch(h.split('#')[0]).then((r) => r.status, () => 0);
              if (status !== 200) problems.push(`link ${h} on the 404 page answered ${status}`);
            }
          } finally {
            await ctx.context.close();
          }
        } finally {
          if (child) child.kill();
          await fsp.rm(project, { recursive: true, force: true });
        }
      });
    }

    // Overview: cards with and without a logo line up (the names start at the same height).
    if (keys.includes('index.html')) {
      await test('overview cards line up, with and without a logo', async (problems) => {
        await desktop.page.goto(urlOf('root', 'index.html'), { waitUntil: 'load' });
        const rows = await desktop.page.evaluate(() => {
          const byRow = new Map();
          for (const card of document.querySelectorAll('.school-card')) {
            const top = Math.round(card.getBoundingClientRect().top);
            const name = card.querySelector('.school-card__name').getBoundingClientRect().top - top;
            if (!byRow.has(top)) byRow.set(top, []);
            byRow.get(top).push({ name: Math.round(name), logo: !!card.querySelector('img'), tile: !!card.querySelector('.initials') });
          }
          return [...byRow.values()];
        });
        for (const row of rows) {
          const tops = new Set(row.map((c) => c.name));
          if (tops.size > 1) problems.push(`school names in one row start at ${[...tops].join(', ')} px from their card's top`);
        }
        const all = rows.flat();
        if (all.some((c) => !c.logo && !c.tile)) problems.push('a school card has neither a logo nor an initials tile');
      });
    }

    // Screenshots of every page kind, 375/1280 px, light/dark, for two schools.
    await fsp.rm(KIND_SHOTS, { recursive: true, force: true });
    const shotSchools = KIND_SHOT_SCHOOLS.filter((s) => schools.includes(s));
    for (const slug of shotSchools) {
      const firstBuddy = keys.find((k) => new RegExp(`^${slug}/buddys/[^/]+/index\\.html$`).test(k));
      const kinds = {
        home: `${slug}/index.html`,
        page: `${slug}/hoe-werkt-het/index.html`,
        letter: `${slug}/brief/index.html`,
        buddies: `${slug}/buddys/index.html`,
        buddy: firstBuddy,
        faq: `${slug}/vragen/index.html`,
        contact: `${slug}/contact/index.html`,
        accessibility: `${slug}/toegankelijkheid/index.html`,
        404: `${slug}/404.html`,
      };
      await test(`screenshots of every page kind ${slug}`, async (problems) => {
        await fsp.mkdir(path.join(KIND_SHOTS, slug), { recursive: true });
        for (const [kind, key] of Object.entries(kinds)) {
          if (!key || !fileSet.has(key)) {
            problems.push(`no ${kind} page`);
            continue;
          }
          for (const [label, ctx] of [['375', phone], ['375-dark', phoneDark], ['1280', desktop], ['1280-dark', desktopDark]]) {
            await ctx.page.goto(urlOf('root', key), { waitUntil: 'load' });
            await ctx.page.screenshot({ path: path.join(KIND_SHOTS, slug, `${kind}.${label}.png`), fullPage: true });
          }
        }
      });
    }
    if (keys.includes('index.html')) {
      await fsp.mkdir(KIND_SHOTS, { recursive: true });
      for (const [label, ctx] of [['375', phone], ['375-dark', phoneDark], ['1280', desktop], ['1280-dark', desktopDark]]) {
        await ctx.page.goto(urlOf('root', 'index.html'), { waitUntil: 'load' });
        await ctx.page.screenshot({ path: path.join(KIND_SHOTS, `overview.${label}.png`), fullPage: true });
      }
    }
    if (shotSchools.length) console.log(`   page kinds: ${path.relative(REPO, KIND_SHOTS)}/`);
  } finally {
    for (const c of [phone, phoneDark, desktop, desktopDark]) await c.context.close();
  }
}

// ---------------------------------------------------------------- live reload

async function liveReload(browser, exe, slug, isLocal) {
  const name = 'live reload: `buddysite serve --watch` reloads the open page when a school YAML changes';
  const help = spawnSync(exe, ['serve', '--help'], { encoding: 'utf8', timeout: 30000 });
  if (help.status !== 0) {
    const why = (help.stderr || help.stdout || (help.error && help.error.message) || '').trim().split('\n')[0];
    skip(name, `\`buddysite serve --help\` failed (exit ${help.status}${why ? `: ${why}` : ''}); runs once the serve command exists`);
    return;
  }
  await test(name, async (problems) => {
    const project = await fsp.mkdtemp(path.join(os.tmpdir(), 'buddysite-live-'));
    let child;
    let log = '';
    try {
      for (const entry of ['buddysite.yaml', 'content', 'schools', 'themes']) {
        const from = path.join(PROJECT, entry);
        if (fs.existsSync(from)) await fsp.cp(from, path.join(project, entry), { recursive: true });
      }
      const port = await freePort();
      child = spawn(exe, ['serve', '--watch', '--port', String(port), '--root', project], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (d) => (log += d));
      child.stderr.on('data', (d) => (log += d));
      const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(`exited (${code ?? signal})`)));
      const url = `http://127.0.0.1:${port}/${slug}/index.html`;
      // Wait until the server answers (each try waits for its answer; no fixed sleeps).
      const deadline = Date.now() + LIVE_RELOAD_TIMEOUT;
      let up = false;
      while (!up && Date.now() < deadline) {
        const r = await Promise.race([
          fetch(url).then((res) => res.status, () => 0),
          exited,
        ]);
        if (typeof r === 'string') throw new Error(`buddysite serve ${r} before it served ${url}\n${log.slice(-2000)}`);
        up = r === 200;
        if (!up) await new Promise((resolve) => setTimeout(resolve, 200)); // poll interval
      }
      if (!up) throw new Error(`${url} did not answer 200 within ${LIVE_RELOAD_TIMEOUT / 1000} s\n${log.slice(-2000)}`);

      const context = await browser.newContext();
      await context.addInitScript({ content: CSP_LISTENER });
      const violations = [];
      try {
        await context.route('**/*', (route) => {
          const u = route.request().url();
          let loopback = false;
          try {
            loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(u).hostname);
          } catch {}
          if (loopback || isLocal(u, 'http')) return route.continue();
          problems.push(`request to another host: ${u}`);
          return route.abort('blockedbyclient');
        });
        const page = await context.newPage();
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(`console: ${m.text().slice(0, 300)}`);
        });
        const collect = async () => {
          for (const v of await page.evaluate(() => window.__cspViolations || []).catch(() => [])) violations.push(v);
        };
        await page.goto(url, { waitUntil: 'load' });
        // The live-reload script must be the page's own (same origin), so the policy allows it.
        const liveScript = await page.evaluate(() => [...document.scripts].some((s) => s.src.endsWith('/__buddysite/live.js')));
        if (!liveScript) problems.push('the served page has no /__buddysite/live.js script');
        const newName = `Testschool Live ${process.pid}-${Date.now() % 100000}`;
        const yamlFile = path.join(project, 'schools', `${slug}.yaml`);
        const yaml = await fsp.readFile(yamlFile, 'utf8');
        if (!/^name:.*$/m.test(yaml)) throw new Error(`${yamlFile} has no name: line`);
        await fsp.writeFile(yamlFile, yaml.replace(/^name:.*$/m, `name: "${newName}"`));
        const shows = (n) =>
          document.title.includes(n) || [...document.querySelectorAll('h1')].some((h) => h.textContent.includes(n));
        let seen = false;
        while (!seen) {
          const left = deadline + LIVE_RELOAD_TIMEOUT - Date.now();
          if (left <= 0) break;
          try {
            await page.waitForFunction(shows, newName, { timeout: left, polling: 250 });
            seen = true;
          } catch (e) {
            if (e.name === 'TimeoutError') break;
            // The page reloaded while we looked (execution context destroyed): look again.
            await page.waitForLoadState('load').catch(() => {});
          }
        }
        if (!seen) problems.push(`the page did not show the new school name "${newName}" in its title or h1 after the YAML changed\n${log.slice(-2000)}`);
        await collect();
        if (seen) {
          // A failed rebuild shows the error overlay on the open page; its styles are set
          // through the CSS object model, which the policy allows.
          const changed = await fsp.readFile(yamlFile, 'utf8');
          await fsp.writeFile(yamlFile, changed.replace(/^name:.*$/m, '$&\nprimray: "#123456"'));
          const overlay = await page
            .waitForFunction(
              () => {
                const box = document.getElementById('buddysite-error-overlay');
                return box && /primray/.test(box.textContent) ? getComputedStyle(box).position : null;
              },
              null,
              { timeout: LIVE_RELOAD_TIMEOUT, polling: 250 },
            )
            .then((h) => h.jsonValue(), (e) => `no overlay (${e.message.split('\n')[0]})`);
          if (overlay !== 'fixed') problems.push(`the error overlay for a broken school YAML did not show as it should: ${overlay}\n${log.slice(-2000)}`);
          await collect();
        }
        for (const v of new Set(violations)) problems.push(`Content-Security-Policy violation under serve --watch: ${v}`);
      } finally {
        await context.close();
      }
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await gone;
        clearTimeout(timer);
      }
      await fsp.rm(project, { recursive: true, force: true });
    }
  });
}

// ---------------------------------------------------------------- XSS

/**
 * Hooks that note every way a script could act: dialogs, printing, code from strings,
 * requests, new windows, and reading the globals vectors use (document.domain, cookies).
 * Runs in every frame before any script of the page; window.__xss lists what was called.
 */
const XSS_HOOKS = `(() => {
  const hits = [];
  Object.defineProperty(window, '__xss', { value: hits });
  const note = (what) => hits.push(what);
  // Calls made directly by the test's own page.evaluate (Playwright's UtilityScript) pass
  // through; the frame that called the hook is the fourth line of the stack (after the
  // message, byTest and the hook itself), so a handler that the test's events set off is
  // still caught.
  const byTest = () => /UtilityScript/.test((new Error().stack || '').split('\\n')[3] || '');
  const show = (args) => Array.from(args, (a) => String(a)).join(', ').slice(0, 80);
  const wrap = (obj, name, label, result) => {
    const orig = obj && obj[name];
    if (typeof orig !== 'function') return;
    try {
      obj[name] = new Proxy(orig, {
        apply(t, self, args) {
          if (byTest()) return Reflect.apply(t, self, args);
          note(label + '(' + show(args) + ')');
          return result ? result() : undefined;
        },
        construct(t, args, target) {
          if (byTest()) return Reflect.construct(t, args, target);
          note('new ' + label + '(' + show(args) + ')');
          return {};
        },
      });
    } catch (e) {}
  };
  for (const f of ['alert', 'confirm', 'prompt', 'print', 'open']) wrap(window, f, f);
  wrap(window, 'eval', 'eval');
  wrap(window, 'Function', 'Function');
  wrap(window, 'fetch', 'fetch', () => Promise.reject(new TypeError('blocked by the test')));
  wrap(navigator, 'sendBeacon', 'navigator.sendBeacon', () => false);
  wrap(XMLHttpRequest.prototype, 'open', 'XMLHttpRequest.open');
  wrap(document, 'write', 'document.write');
  wrap(document, 'writeln', 'document.writeln');
  wrap(window, 'WebSocket', 'WebSocket');
  for (const t of ['setTimeout', 'setInterval']) {
    const orig = window[t];
    window[t] = function (handler, ...rest) {
      if (typeof handler === 'string') note(t + '(string)');
      return orig.call(this, handler, ...rest);
    };
  }
  const trap = (obj, prop, label) => {
    const d = Object.getOwnPropertyDescriptor(obj, prop);
    if (!d || !d.configurable) return;
    Object.defineProperty(obj, prop, {
      configurable: true,
      get() { if (!byTest()) note('read ' + label); return d.get ? d.get.call(this) : d.value; },
      set(v) { if (!byTest()) note('write ' + label); if (d.set) d.set.call(this, v); },
    });
  };
  trap(Document.prototype, 'cookie', 'document.cookie');
  trap(Document.prototype, 'domain', 'document.domain');
})();`;

/** Fires the events that inline handlers of injected markup would wait for (runs in the page). */
function stimulate() {
  const types = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'pointerover', 'pointerenter',
    'pointerdown', 'focus', 'focusin', 'blur', 'keydown', 'keyup', 'input', 'change', 'toggle', 'animationstart',
    'animationend', 'transitionend', 'wheel', 'scroll', 'copy', 'paste', 'dragstart', 'error', 'load', 'beforeprint'];
  for (const el of document.querySelectorAll('body *')) {
    for (const type of types) {
      try {
        el.dispatchEvent(new Event(type, { bubbles: false }));
      } catch (e) {}
    }
    const focusable = el.tabIndex >= 0 || el.hasAttribute('tabindex') || el.hasAttribute('autofocus') || el.isContentEditable;
    if (focusable && typeof el.focus === 'function') {
      try {
        el.focus();
      } catch (e) {}
    }
  }
  for (const d of document.querySelectorAll('details')) d.open = true;
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** What in the DOM Chromium built could run or load script (runs in the page). */
function dangerousDom(themeScripts) {
  const out = [];
  const compact = (v) => v.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
  const scriptUrl = (v) => /^(javascript|vbscript):|^data:text\/html/.test(compact(v));
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href', 'background', 'cite',
    'ping', 'srcset', 'imagesrcset', 'codebase', 'longdesc', 'to', 'from', 'values', 'by'];
  const describe = (el) => `<${el.localName}${el.id ? '#' + el.id : ''}>`;
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const n = a.name.toLowerCase();
      if (n.startsWith('on')) out.push(`event handler ${n}="${a.value.slice(0, 60)}" on ${describe(el)}`);
      if (urlAttrs.includes(n) && a.value.split(/[\s,;]+/).some(scriptUrl)) out.push(`script URL in ${n} on ${describe(el)}: ${a.value.slice(0, 60)}`);
      if (n === 'srcdoc') out.push(`srcdoc on ${describe(el)}`);
    }
    const tag = el.localName;
    if (tag === 'script') {
      const src = el.getAttribute('src') || '';
      const own = src && themeScripts.some((s) => src === s || src.endsWith('/' + s));
      if (!own && el.getAttribute('type') !== 'application/ld+json') out.push(`script element: ${el.outerHTML.slice(0, 80)}`);
    }
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'portal'].includes(tag)) out.push(`${describe(el)} element`);
    if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') || '')) out.push(`meta refresh: ${el.outerHTML.slice(0, 80)}`);
  }
  return out;
}

/**
 * Builds a copy of the example with every vector as a page (and the corpus' school and buddy
 * when present), then opens the pages of one school from disk, with the pages' CSP and with
 * CSP turned off (the sanitizer alone must hold): nothing may run.
 */
async function xssPass(browser, exe, tmp) {
  const vectorsFile = path.join(XSS_DIR, 'vectors.txt');
  if (!fs.existsSync(vectorsFile)) {
    record('xss: corpus', [`${path.relative(REPO, vectorsFile)} is missing`]);
    return;
  }
  const project = path.join(tmp, 'xss-project');
  const out = path.join(tmp, 'xss-site');
  for (const entry of ['buddysite.yaml', 'content', 'schools', 'themes']) {
    const from = path.join(PROJECT, entry);
    if (fs.existsSync(from)) await fsp.cp(from, path.join(project, entry), { recursive: true });
  }
  const school = path.join(XSS_DIR, 'school.yaml');
  const buddy = path.join(XSS_DIR, 'buddy.md');
  if (fs.existsSync(school)) await fsp.copyFile(school, path.join(project, 'schools', 'kwaad.yaml'));
  if (fs.existsSync(buddy)) await fsp.copyFile(buddy, path.join(project, 'content', 'buddys', 'kwaad.md'));
  const vectors = fs
    .readFileSync(vectorsFile, 'utf8')
    .replace(/\r\n/g, '\n')
    .split('\n%%%\n')
    .map((v) => v.replace(/\n+$/, ''));
  await fsp.mkdir(path.join(project, 'content', 'xss'), { recursive: true });
  for (const [i, v] of vectors.entries()) {
    const n = String(i + 1).padStart(3, '0');
    const text = v.startsWith('---\n') ? `${v}\n` : `---\ntitle: "XSS ${n}"\nmenu: false\n---\n${v}\n`;
    await fsp.writeFile(path.join(project, 'content', 'xss', `v${n}.md`), text);
  }
  const built = spawnSync(exe, ['build', '--root', project, '--output', out], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const errors = `${built.stdout}${built.stderr}`.split('\n').filter((l) => l.startsWith('error'));
  record(`xss: the ${vectors.length} vectors build`, built.status === 0 ? [] : [`exit ${built.status}`, ...errors]);
  if (built.status !== 0) return;
  const files = walk(out);
  const slug = files.includes('kwaad/index.html') ? 'kwaad' : files.find((f) => /^[^/]+\/index\.html$/.test(f)).split('/')[0];
  const pages = files.filter((f) => f.endsWith('.html') && (f.startsWith(`${slug}/`) || f === 'index.html')).filter((f) => f.includes(ONLY)).sort();
  const xssPages = pages.filter((f) => f.includes('/xss/')).length;
  if (!ONLY && xssPages < vectors.length) record('xss: a page per vector', [`only ${xssPages} of ${vectors.length} vector pages in ${slug}/xss/`]);
  console.log(`${pages.length} pages of ${slug} (${xssPages} vector pages) and the overview`);
  const themeScripts = files.filter((f) => f.startsWith(`${slug}/assets/`) && f.endsWith('.js')).map((f) => f.slice(slug.length + 1));
  const timings = [];
  const runMode = async (csp) => {
    const label = csp ? 'xss' : 'xss without CSP';
    const context = await browser.newContext({ bypassCSP: !csp, serviceWorkers: 'block' });
    await context.addInitScript({ content: CSP_LISTENER });
    await context.addInitScript({ content: XSS_HOOKS });
    await context.route('**/*', (route) => (/^(file|data|about|blob):/.test(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    const state = { key: '', extra: [] };
    const note = (text) => state.extra.push(text);
    context.on('request', (r) => {
      if (!/^(file|data|about|blob):/.test(r.url())) note(`request to ${r.url()}`);
    });
    context.on('page', (p) => note(`a new window opened: ${p.url()}`));
    const page = await context.newPage();
    page.on('dialog', (d) => {
      note(`${d.type()} dialog: ${d.message()}`);
      d.dismiss().catch(() => {});
    });
    const t0 = Date.now();
    for (const key of pages) {
      state.key = key;
      state.extra = [];
      await test(`${label} ${key}`, async (problems) => {
        const url = pathToFileURL(path.join(out, key)).href;
        await page.goto(url, { waitUntil: 'load' });
        await page.evaluate(stimulate);
        if (page.url() !== url) problems.push(`the page navigated to ${page.url()}`);
        const facts = await page.evaluate(() => ({
          ran: window.__xss ? [...window.__xss] : ['(the hooks did not load)'],
          csp: window.__cspViolations ? [...window.__cspViolations] : [],
        }));
        facts.dom = await page.evaluate(dangerousDom, themeScripts);
        for (const r of facts.ran) problems.push(`script ran: ${r}`);
        for (const c of facts.csp) problems.push(`the Content-Security-Policy had to block: ${c}`);
        for (const d of facts.dom) problems.push(`in the DOM: ${d}`);
        problems.push(...state.extra);
      });
    }
    await context.close();
    timings.push(`   ${label}: ${pages.length} pages in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  // Both at once: CI has two cores.
  await Promise.all([runMode(true), runMode(false)]);
  for (const t of timings) console.log(t);
}

// ---------------------------------------------------------------- summary

main()
  .catch((e) => record('browser test run', [`error: ${e && e.stack ? e.stack : e}`]))
  .finally(() => {
    const passed = results.filter((r) => r.status === 'pass').length;
    const failed = results.filter((r) => r.status === 'fail');
    const skipped = results.filter((r) => r.status === 'skip');
    if (failed.length) {
      console.log('');
      console.log(`failed (${failed.length}):`);
      for (const r of failed) console.log(`  ${r.name}`);
    }
    for (const r of skipped) console.log(`skipped: ${r.name}: ${r.problems[0]}`);
    console.log(`browser: ${passed} passed, ${failed.length} failed`);
    process.exitCode = failed.length || passed === 0 ? 1 : 0;
  });
