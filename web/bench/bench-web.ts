// `npm run bench:web` (builds the web and the API first): the longest main-thread tasks in Chromium on
// the large synthetic plan while the overview opens, the map opens, and a live check of a stage draft
// runs. Starts the built API on an embedded database of its own, imports the plan, and reads the page's
// main-thread tasks from a Chrome trace (every task, not only those over 50 ms). Prints figures;
// asserts nothing. The last line is JSON for machines.
import * as path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { BASE, benchOnLargePlan, logIn, mainThreadTasks, printTasks, shown, Task } from './bench-common';

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
  await benchOnLargePlan(async (browser, planId) => printTasks(await measure(browser, planId)));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
