// What the browser benchmarks share: the built API on an embedded database of its own, the large synthetic
// plan imported into it, a login, and the page's main-thread tasks read from a Chrome trace (every task,
// not only those over 50 ms).
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { syntheticPlan } from '@tillit/domain/testing';

export const SIZE = { actors: 2000, decisionAreas: 5000, stages: 20, changes: 50_000, competences: 50, seed: 42, chaos: 0.01 };
export const PORT = Number(process.env.BENCH_PORT ?? 3290);
export const BASE = `http://127.0.0.1:${PORT}`;
const ROOT = path.resolve(__dirname, '../..');
const USER = { email: 'forandringsledare@demo.tillit.se', password: 'tillit-demo-2026' };
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = [
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

export interface Task {
  ms: number;
  /** The longest events inside the task, for a hint at what it did. */
  inside: string[];
}

export async function startApi(dataDir: string): Promise<ChildProcess> {
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

export async function importPlan(): Promise<string> {
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
export async function mainThreadTasks(page: Page, act: () => Promise<void>): Promise<Task[]> {
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

export async function logIn(page: Page): Promise<void> {
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
export const shown = (page: Page, selector: string) =>
  page.waitForFunction((s) => document.querySelector(s) !== null, selector, { polling: 100, timeout: 300_000 });

/** Prints each phase's longest tasks (and what ran in the two longest), then one line of JSON. */
export function printTasks(figures: Record<string, Task[]>): void {
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
}

/** Starts the API on a fresh data folder, imports the large plan, opens Chromium, runs `measure`, and cleans up. */
export async function benchOnLargePlan(measure: (browser: Browser, planId: string) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tillit-bench-web-'));
  const api = await startApi(dataDir);
  let browser: Browser | undefined;
  try {
    const planId = await importPlan();
    console.log(
      `Plan: ${SIZE.actors} actors, ${SIZE.decisionAreas} decision areas, ${SIZE.stages} stages, ${SIZE.changes} changes, ${SIZE.competences} competences`,
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    await measure(browser, planId);
  } finally {
    await browser?.close();
    api.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
