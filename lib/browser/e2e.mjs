// The course in a real browser, as a learner meets it: JupyterLab (already started by the caller with
// ./course lab) driven by Playwright through the system's Chromium, headless. Never downloads a browser.
//
//   node e2e.mjs --url http://127.0.0.1:PORT --token TOKEN --out DIR [--exercise notebooks/exercises/01-threads.ipynb]
//
// Steps: open 00-start-here, Run All Cells, wait for the chart images, edit the primes cell to another
// limit and rerun it, check its output changed to the right count; open the exercise, run it, wait for
// the check cell's score table. Screenshots go to DIR. Prints one JSON line of results on stdout;
// exits 1 with the failing step named on stderr.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const base = args.url;
const token = args.token;
const out = args.out;
const exercise = args.exercise || '';
const chromiumPath = args.chromium || process.env.COURSE_CHROMIUM || '/usr/bin/chromium';
if (!base || !token || !out) {
  console.error('usage: node e2e.mjs --url URL --token TOKEN --out DIR [--exercise PATH] [--chromium PATH]');
  process.exit(2);
}
if (!fs.existsSync(chromiumPath)) {
  console.error(`No Chromium at ${chromiumPath}: on Debian/Ubuntu run apt-get install -y chromium (or pass --chromium PATH).`);
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });

const CELL_TIMEOUT = 240_000; // Run All of 00-start-here measures sweeps: minutes on a busy 2-core machine
const results = { steps: [] };
let step = 'start';
const t0 = Date.now();
const log = (what) => {
  results.steps.push({ step: what, seconds: (Date.now() - t0) / 1000 });
  console.error(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${what}`);
};

// Primes below n, by a sieve: the oracle for the edited cell's output.
function primesBelow(n) {
  const composite = new Uint8Array(n);
  let count = 0;
  for (let i = 2; i < n; i++) {
    if (!composite[i]) {
      count++;
      for (let j = i * i; j < n; j += i) composite[j] = 1;
    }
  }
  return count;
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'course-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 1000 },
});
const page = context.pages()[0] || await context.newPage();
page.setDefaultTimeout(60_000);
const consoleErrors = [];
page.on('pageerror', (e) => consoleErrors.push(String(e)));

// The server's view of the notebook's kernel: started, and this page's websocket connected to it.
async function waitKernelConnected(rel, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const r = await fetch(`${base}/api/sessions`, { headers: { Authorization: `token ${token}` } });
    const session = (await r.json()).find((s) => s.path === rel);
    if (session?.kernel?.connections > 0) return session.kernel;
    if (Date.now() > deadline) throw new Error(`no kernel connected to ${rel} within ${timeout / 1000} s: ${JSON.stringify(session)}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

async function openNotebook(rel) {
  await page.goto(`${base}/lab/tree/${rel}?token=${encodeURIComponent(token)}`);
  const panel = page.locator('.jp-NotebookPanel:not(.lm-mod-hidden)').filter({ has: page.locator('.jp-Notebook .jp-Cell') }).first();
  await panel.waitFor({ state: 'visible', timeout: 120_000 });
  // The kernel named in the notebook starts by itself. Run All before it is connected makes Lab ask
  // for a kernel, so wait for the connection (server side), then for the toolbar: JJava sends no status
  // message after its kernel_info reply, so Lab says "unknown" rather than "idle" until a cell runs.
  const kernel = await waitKernelConnected(rel, 180_000);
  await page.waitForFunction((el) => {
    const name = el.querySelector('.jp-KernelName')?.textContent.trim() || '';
    const status = el.querySelector('.jp-Notebook-ExecutionIndicator')?.getAttribute('data-status');
    return name && name !== 'No Kernel' && (status === 'idle' || status === 'unknown');
  }, await panel.elementHandle(), { timeout: 60_000, polling: 250 });
  const kernelName = (await panel.locator('.jp-KernelName').first().innerText()).trim();
  return { panel, kernelName, kernelSpec: kernel.name };
}

async function runAll() {
  await page.locator('.lm-MenuBar-itemLabel', { hasText: /^Run$/ }).click();
  await page.locator('.lm-Menu-itemLabel', { hasText: /^Run All Cells$/ }).click();
  await page.waitForTimeout(500);
  if (await page.locator('.jp-Dialog', { hasText: 'Select Kernel' }).count()) {
    throw new Error('Run All Cells asked to select a kernel: the notebook was not connected to java-course');
  }
}

// Every code cell of the visible notebook has run: a number in its prompt, none pending ([*]).
async function waitAllRan(panel, timeout) {
  await page.waitForFunction((el) => {
    const prompts = [...el.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map((p) => p.textContent.trim());
    return prompts.length > 0 && prompts.every((p) => /^\[\d+\]:$/.test(p));
  }, await panel.elementHandle(), { timeout, polling: 500 });
}

async function errorsIn(panel) {
  return panel.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], .jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]').allTextContents();
}

try {
  // ---- 00-start-here: run everything, wait for the charts
  step = 'open 00-start-here';
  const start = await openNotebook('notebooks/00-start-here.ipynb');
  results.startKernel = start.kernelName;
  results.startKernelSpec = start.kernelSpec;
  log(`${step} (kernel "${start.kernelName}")`);
  if (start.kernelName !== 'Java 25 (course)') throw new Error(`the notebook opened on kernel "${start.kernelName}", not "Java 25 (course)"`);
  await page.screenshot({ path: path.join(out, '01-start-here-opened.png') });

  step = 'Run All Cells in 00-start-here';
  await runAll();
  const img = start.panel.locator('.jp-OutputArea-output img');
  await img.first().waitFor({ state: 'visible', timeout: CELL_TIMEOUT });
  log('first chart image visible');
  await waitAllRan(start.panel, CELL_TIMEOUT);
  log('every cell of 00-start-here ran');
  const errors = await errorsIn(start.panel);
  if (errors.length) throw new Error(`00-start-here printed errors: ${errors.join(' | ').slice(0, 500)}`);
  const images = await img.evaluateAll((els) => els.map((e) => ({ w: e.naturalWidth, h: e.naturalHeight, complete: e.complete })));
  results.charts = images;
  if (!images.length || images.some((i) => !i.complete || i.w < 100 || i.h < 100)) {
    throw new Error(`chart images did not render: ${JSON.stringify(images)}`);
  }
  await img.first().scrollIntoViewIfNeeded();
  await img.first().screenshot({ path: path.join(out, '02-speedup-chart.png') });
  await img.last().scrollIntoViewIfNeeded();
  await img.last().screenshot({ path: path.join(out, '03-timeline-chart.png') });
  await page.screenshot({ path: path.join(out, '04-start-here-ran.png') });

  // ---- edit a parameter and rerun that cell
  step = 'edit the primes cell and rerun it';
  const oldLine = 'System.out.println("primes below 100,000: " + countPrimesWith(2, 100_000));';
  const newLimit = 1_000_000;
  const newLine = 'System.out.println("primes below 1,000,000: " + countPrimesWith(2, 1_000_000));';
  // Pin the cell by position: a text filter would stop matching once the edit lands.
  const index = await start.panel.locator('.jp-CodeCell').evaluateAll(
    (cells) => cells.findIndex((c) => c.textContent.includes('countPrimesWith(2, 100_000)')));
  if (index < 0) throw new Error('no code cell calls countPrimesWith(2, 100_000)');
  const cell = start.panel.locator('.jp-CodeCell').nth(index);
  await cell.scrollIntoViewIfNeeded();
  const output = cell.locator('.jp-OutputArea-output');
  const before = (await output.allTextContents()).join('\n').trim();
  results.primesBefore = before;
  if (!/^primes below 100,000: \d+$/.test(before)) throw new Error(`unexpected output before the edit: "${before}"`);
  // The limit is the last line of the cell: select it and type the new one over it.
  await cell.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.insertText(newLine);
  const source = await cell.locator('.cm-content').innerText();
  if (!source.includes(newLine) || source.includes(oldLine)) throw new Error(`the edit did not land: ${source.slice(-200)}`);
  const promptBefore = (await cell.locator('.jp-InputPrompt').innerText()).trim();
  await page.keyboard.press('Control+Enter'); // run this cell, stay on it
  await page.waitForFunction(({ el, prev }) => {
    const p = el.querySelector('.jp-InputPrompt').textContent.trim();
    return /^\[\d+\]:$/.test(p) && p !== prev;
  }, { el: await cell.elementHandle(), prev: promptBefore }, { timeout: CELL_TIMEOUT, polling: 250 });
  const after = (await output.allTextContents()).join('\n').trim();
  results.primesAfter = after;
  log(`rerun: "${before}" -> "${after}"`);
  const expected = `primes below 1,000,000: ${primesBelow(newLimit)}`;
  if (after === before) throw new Error('the output did not change after the edit');
  if (after !== expected) throw new Error(`after the edit the cell printed "${after}", expected "${expected}"`);
  await cell.screenshot({ path: path.join(out, '05-edited-cell.png') });

  // ---- an exercise: run it, the check cell shows the score table
  if (exercise) {
    step = `open ${exercise} and run its check cell`;
    const ex = await openNotebook(exercise);
    log(`opened ${exercise} (kernel "${ex.kernelName}")`);
    results.exerciseKernelSpec = ex.kernelSpec;
    if (ex.kernelSpec !== 'java-course') throw new Error(`${exercise} opened on kernel ${ex.kernelSpec}, not java-course`);
    await runAll();
    const check = ex.panel.locator('.jp-CodeCell').filter({ hasText: 'Check.run(' }).last();
    const table = check.locator('.jp-OutputArea-output table');
    await table.first().waitFor({ state: 'visible', timeout: CELL_TIMEOUT });
    await waitAllRan(ex.panel, CELL_TIMEOUT);
    const rows = await table.first().locator('tr').allInnerTexts();
    results.checkTable = rows.map((r) => r.replace(/\s+/g, ' ').trim());
    results.checkOutput = (await check.locator('.jp-OutputArea-output').allInnerTexts()).join('\n').trim();
    log(`check cell: a table of ${rows.length} rows`);
    await check.scrollIntoViewIfNeeded();
    await check.screenshot({ path: path.join(out, '06-exercise-check.png') });
    await page.screenshot({ path: path.join(out, '07-exercise.png') });
  } else {
    results.exercise = 'skipped: no exercise notebook given';
  }
  results.pageErrors = consoleErrors;
  results.seconds = (Date.now() - t0) / 1000;
  console.log(JSON.stringify(results));
  process.exitCode = 0;
} catch (e) {
  console.error(`FAILED at step "${step}": ${e.message}`);
  try { await page.screenshot({ path: path.join(out, 'failure.png'), fullPage: true }); } catch { /* best effort */ }
  results.failedStep = step;
  results.error = e.message;
  console.log(JSON.stringify(results));
  process.exitCode = 1;
} finally {
  await context.close().catch(() => {});
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
