import { expect, test } from '@playwright/test';
import { syntheticPlan } from '@tillit/domain/testing';
import { DEMO, logIn } from './session';

test('the map of a 2,000-actor plan opens and pans without freezing the page', async ({ page, request }) => {
  test.setTimeout(180_000);
  const login = await request.post('/api/auth/login', { data: { email: DEMO.changeLead, password: DEMO.password } });
  const token = (await login.json()).token as string;
  const plan = syntheticPlan({ actors: 2000, decisionAreas: 3000, stages: 3, changes: 3000, competences: 10, seed: 11, chaos: 0.01 });
  const imported = await request.post('/api/plans/import', { headers: { authorization: `Bearer ${token}` }, data: plan });
  expect(imported.status()).toBe(201);
  const planId = (await imported.json()).id as string;

  await logIn(page, DEMO.changeLead);
  // Long tasks (main thread busy ≥ 50 ms), recorded from here on.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(`/#/plans/${planId}/map`);
  const canvas = page.getByRole('region', { name: 'Karta: vem beslutar om vad' });
  await expect(canvas).toHaveAttribute('data-laid-out', 'true', { timeout: 120_000 });
  await expect(canvas.locator('.react-flow__node').first()).toBeVisible();

  // Pan: drag the canvas, and check the page keeps answering while it moves.
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  const pane = canvas.locator('.react-flow__pane');
  const before = await canvas.locator('.react-flow__viewport').getAttribute('style');
  // From a corner, where the fitted graph leaves the pane empty.
  await page.mouse.move(box.x + 12, box.y + 12);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 12 + i * 15, box.y + 12 + i * 5);
  await page.mouse.up();
  await expect(pane).toBeVisible();
  const after = await canvas.locator('.react-flow__viewport').getAttribute('style');
  expect(after).not.toBe(before);
  const frame = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        requestAnimationFrame(() => resolve(performance.now() - start));
      }),
  );
  const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
  console.log(`2,000-actor map: longest main-thread task while panning ${Math.round(longest)} ms; next frame after ${Math.round(frame)} ms`);
  expect(longest).toBeLessThan(1000);
  expect(frame).toBeLessThan(500);
});
