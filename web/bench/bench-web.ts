// `npm run bench:web` (builds the web and the API first): the longest main-thread tasks in Chromium on
// the large synthetic plan while the overview opens, the map opens, and a live check of a stage draft
// runs. Starts the built API on an embedded database of its own, imports the plan, and reads the page's
// main-thread tasks from a Chrome trace (every task, not only those over 50 ms). Prints figures;
// asserts nothing. The last line is JSON for machines.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { syntheticPlan } from '@tillit/domain/testing';

const SIZE = { actors: 2000, decisionAreas: 5000, stages: 20, changes: 50_000, competences: 50, seed: 42, chaos: 0.01 };
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const BASE = `http://127.0.0.1:${PORT}`;
const ROOT = path.resolve(__dirname, '../..');
const USER = { email: 'forandringsledare@demo.tillit.se', password: 'tillit-demo-2026' };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { functionName?: string; type?: string } };
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
}

interface Task {
  ms: number;
  /** The longest events inside the task, for a hint at what it did. */
  inside: string[];
}

async function startApi(dataDir: string): Promise<ChildProcess> {
  const main = path.join(ROOT, 'dist/api/api/src/main.js');
  if (!existsSync(main) || !existsSync(path.join(ROOT, 'dist/web/index.html')))
    throw new Error('build first: npx nx run-many -t build --projects=web,api');
  const api = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), TILLIT_DATA_DIR: dataDir, LOG_LEVEL: 'warn', TILLIT_LOGIN_ATTEMPTS_PER_MINUTE: '1000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    const up = await fetch(`${BASE}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return api;
    if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the API did not start');
}

async function importPlan(): Promise<string> {
  const login = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(USER),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${BASE}/api/plans/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(syntheticPlan(SIZE)),
  });
  if (res.status !== 201) throw new Error(`import: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return ((await res.json()) as { id: string }).id;
}

/** A function's name or an event's type, where the trace has one. */
const what = (e: TraceEvent) => {
  const name = e.args?.data?.functionName || e.args?.data?.type;
  return name ? `(${name})` : '';
};

/** Runs `act` under a Chrome trace and answers the page's main-thread tasks, longest first. */
async function mainThreadTasks(page: Page, act: () => Promise<void>): Promise<Task[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  const profile = !!process.env.BENCH_PROFILE;
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
  await act();
  // Whatever the last answer set off (rendering, effects) runs before the trace ends.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  await cdp.send('Tracing.end');
  await done;
  if (profile) printHotFunctions((await cdp.send('Profiler.stop')).profile as CpuProfile);
  await cdp.detach();
  const main = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && e.dur !== undefined);
  return onMain
    .filter((e) => e.name === 'RunTask')
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, 5)
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      const inside = onMain
        .filter((e) => e !== task && e.name !== 'RunTask' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) >= 5000)
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 4)
        .map((e) => `${e.name}${what(e)} ${Math.round((e.dur ?? 0) / 1000)}`);
      return { ms: Math.round((task.dur ?? 0) / 1000), inside };
    });
}

/** With BENCH_PROFILE set: where the page's own scripts spent their time (self time, by function). */
function printHotFunctions(profile: CpuProfile): void {
  const self = new Map<number, number>();
  profile.samples?.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + (self.get(node.id) ?? 0));
  }
  const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15);
  for (const [name, us] of top) console.log(`    ${Math.round(us / 1000)} ms ${name}`);
}

async function logIn(page: Page): Promise<void> {
  await page.goto(BASE);
  await page.getByLabel('E-postadress').fill(USER.email);
  await page.getByLabel('Lösenord').fill(USER.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
}

/**
 * Waits for an element by a plain querySelector every 100 ms: Playwright's locators run their own selector
 * engine and visibility checks on the page's main thread, which on 2,000 nodes would be the longest tasks.
 */
const shown = (page: Page, selector: string) =>
  page.waitForFunction((s) => document.querySelector(s) !== null, selector, { polling: 100, timeout: 300_000 });
const overviewShown = (page: Page) => shown(page, 'ul.findings li');
const mapShown = (page: Page) => shown(page, '.map-canvas[data-laid-out="true"] .react-flow__node');

/** With BENCH_SCREENSHOTS=<folder>: what the page showed, to look at. */
async function snapshot(page: Page, name: string, selector?: string): Promise<void> {
  const dir = process.env.BENCH_SCREENSHOTS;
  if (!dir) return;
  if (selector) await page.locator(selector).screenshot({ path: path.join(dir, name) });
  else await page.screenshot({ path: path.join(dir, name) });
}

async function measure(browser: Browser, planId: string): Promise<Record<string, Task[]>> {
  const page = await browser.newPage({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  await logIn(page);
  const plan = `${BASE}/#/plans/${planId}`;
  const figures: Record<string, Task[]> = {};
  // A first load warms the browser's caches (code, compiled scripts), as a user's second visit would be.
  await page.goto(`${plan}/overview`);
  await overviewShown(page);

  await page.goto('about:blank');
  figures['open the overview'] = await mainThreadTasks(page, async () => {
    await page.goto(`${plan}/overview`);
    await overviewShown(page);
  });
  // Elements to click are found before the trace starts: finding them by role is work on the page too.
  const mapTab = await page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: 'Delegeringskarta', exact: true }).elementHandle();
  await snapshot(page, 'bench-overview.png');
  await snapshot(page, 'bench-overview-findings.png', 'section.stage-findings >> nth=1');
  figures['overview → map tab'] = await mainThreadTasks(page, async () => {
    await mapTab.click();
    await mapShown(page);
  });
  await snapshot(page, 'bench-overview-to-map.png');
  await page.goto('about:blank');
  figures['open the map'] = await mainThreadTasks(page, async () => {
    await page.goto(`${plan}/map`);
    await mapShown(page);
  });
  await snapshot(page, 'bench-map.png');
  await page.goto(`${plan}/stages`);
  const remove = await page.getByRole('button', { name: 'Ta bort' }).first().elementHandle({ timeout: 300_000 });
  figures['live check (remove a change)'] = await mainThreadTasks(page, async () => {
    await remove.click();
    await shown(page, 'section.live h4');
  });
  await snapshot(page, 'bench-live-check.png', 'section.live');
  await page.close();
  return figures;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tillit-bench-web-'));
  const api = await startApi(dataDir);
  let browser: Browser | undefined;
  try {
    const planId = await importPlan();
    console.log(`Plan: ${SIZE.actors} actors, ${SIZE.decisionAreas} decision areas, ${SIZE.stages} stages, ${SIZE.changes} changes`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const figures = await measure(browser, planId);
    for (const [phase, tasks] of Object.entries(figures)) {
      console.log(
        `${phase}: longest main-thread task ${tasks[0]?.ms ?? 0} ms; next: ${tasks
          .slice(1)
          .map((t) => t.ms)
          .join(', ')} ms`,
      );
      for (const t of tasks.slice(0, 2)) console.log(`  ${t.ms} ms: ${t.inside.join(', ') || '–'}`);
    }
    console.log(JSON.stringify(Object.fromEntries(Object.entries(figures).map(([phase, tasks]) => [phase, tasks.map((t) => t.ms)]))));
  } finally {
    await browser?.close();
    api.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
