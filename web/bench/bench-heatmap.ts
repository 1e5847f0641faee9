// `npm run bench:heatmap` (builds the web and the API first): the longest main-thread tasks in Chromium
// while the Kompetens tab's heat map of the 2,000-actor, 5,000-area, 50-competence synthetic plan opens,
// scrolls down, jumps to its end, scrolls across and changes stage (target: no task over 50 ms, issue 13).
// Two figures per phase: the longest task in a Chrome trace (every task), and the longest the page's own
// PerformanceObserver('longtask') saw (it reports tasks of 50 ms or more only). Prints figures; asserts
// nothing. The last line is JSON for machines.
import { Browser, Page } from 'playwright-core';
import { BASE, benchOnLargePlan, logIn, mainThreadTasks, printTasks, shown, Task } from './bench-common';

type Window = typeof globalThis & { longTasks: number[] };

/** Records every long task from the page's start, in `window.longTasks`. */
const observeLongTasks = () => {
  const w = window as unknown as Window;
  w.longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
};

/** Heat map rows drawn and the count line answered (not "Hämtar …"). */
const heatMapShown = (page: Page) =>
  page.waitForFunction(
    () =>
      document.querySelector('.heat-map .heat-body [role="row"][aria-rowindex]') !== null &&
      !/Hämtar/.test(document.querySelector('.heat-count')?.textContent ?? ''),
    undefined,
    { polling: 100, timeout: 300_000 },
  );

/**
 * Scrolls the heat map by (dx, dy) a frame at a time, as a wheel or a dragged scrollbar does, `frames`
 * times. A string, not a function: tsx names the functions it compiles (`__name`), which the page lacks.
 */
const scrollBy = (page: Page, dx: number, dy: number, frames: number) =>
  page.evaluate<void>(`new Promise((resolve) => {
    const el = document.querySelector('.heat-scroll');
    let i = 0;
    const step = () => {
      el.scrollBy(${dx}, ${dy});
      if (++i < ${frames}) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  })`);

async function measure(browser: Browser, planId: string): Promise<{ trace: Record<string, Task[]>; observed: Record<string, number[]> }> {
  const page = await browser.newPage({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  await page.addInitScript(observeLongTasks);
  await logIn(page);
  const plan = `${BASE}/#/plans/${planId}`;
  const trace: Record<string, Task[]> = {};
  const observed: Record<string, number[]> = {};
  const longTasks = {
    reset: () => page.evaluate(() => ((window as unknown as Window).longTasks = [])),
    read: () => page.evaluate(() => [...(window as unknown as Window).longTasks].sort((a, b) => b - a).map(Math.round)),
  };
  const phase = async (name: string, act: () => Promise<void>) => {
    await longTasks.reset();
    trace[name] = await mainThreadTasks(page, act);
    observed[name] = await longTasks.read();
  };

  // A first visit warms the browser's caches (code, compiled scripts).
  await page.goto(`${plan}/competence`);
  await heatMapShown(page);
  await page.goto(`${plan}/overview`);
  await shown(page, 'ul.findings li');

  // Elements to click are found before the trace starts: finding them by role is work on the page too.
  const tab = await page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: 'Kompetens', exact: true }).elementHandle();
  await phase('overview → Kompetens tab (heat map)', async () => {
    await tab.click();
    await heatMapShown(page);
  });
  await phase('scroll down (80 frames × 300 px)', () => scrollBy(page, 0, 300, 80));
  await phase('jump to the last row', async () => {
    await page.evaluate(() => {
      const el = document.querySelector('.heat-scroll') as HTMLElement;
      el.scrollTop = el.scrollHeight;
    });
    await page.waitForFunction(
      () =>
        document.querySelector(
          `.heat-map .heat-body [role="row"][aria-rowindex="${document.querySelector('.heat-map')?.getAttribute('aria-rowcount')}"]`,
        ) !== null,
      undefined,
      {
        polling: 100,
      },
    );
  });
  await phase('scroll across (40 frames × 150 px)', () => scrollBy(page, 150, 0, 40));
  const stage = await page.getByLabel('Etapp', { exact: true }).elementHandle();
  await phase('change stage (1 → 10)', async () => {
    await stage.selectOption('10');
    await page.waitForFunction(
      () => /Etapp 10$/.test(document.querySelector('.heat-map')?.closest('section')?.querySelector('h3')?.textContent ?? ''),
      undefined,
      {
        polling: 100,
      },
    );
    await heatMapShown(page);
  });
  await page.goto('about:blank');
  await phase('open the Kompetens tab (page load, plan analysed)', async () => {
    await page.goto(`${plan}/competence`);
    await heatMapShown(page);
  });
  await page.close();
  return { trace, observed };
}

async function main(): Promise<void> {
  await benchOnLargePlan(async (browser, planId) => {
    const { trace, observed } = await measure(browser, planId);
    for (const [name, tasks] of Object.entries(observed))
      console.log(`${name}: PerformanceObserver long tasks (≥ 50 ms): ${tasks.length ? `${tasks.join(', ')} ms` : 'none'}`);
    printTasks(trace);
    const heat = Object.entries(trace).filter(([name]) => !name.startsWith('open the Kompetens tab (page load'));
    const worst = Math.max(...heat.map(([, tasks]) => tasks[0]?.ms ?? 0));
    console.log(
      `Heat map (opening from the tab, scrolling, changing stage): longest main-thread task ${worst} ms; target ≤ 50 ms ${worst <= 50 ? 'met' : 'NOT met'}`,
    );
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
