import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Download, expect, Locator, Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { DEMO, logIn } from './session';

test.use({ viewport: { width: 1280, height: 1000 } });

const artifacts = path.resolve(__dirname, '../../e2e-artifacts');
const DEMO_PLAN = 'Tillitsresan i socialtjänsten 2027–2028';

interface PlanDocument {
  title: string;
  purpose?: string;
  actors: Array<{ id: string; name: string; kind: string }>;
  decisionAreas: unknown[];
  baseline: unknown[];
  stages: unknown[];
}

const jsonFile = (name: string, document: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document), 'utf8') });
const bytesOf = async (download: Download) => readFileSync(await download.path());

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

async function downloadPlan(page: Page): Promise<{ name: string; plan: PlanDocument }> {
  const panel = page.getByRole('region', { name: 'Hela planen som JSON' });
  const download = await downloadFrom(page, () => panel.getByRole('button', { name: 'Ladda ner planen (JSON)' }).click());
  return { name: download.suggestedFilename(), plan: JSON.parse((await bytesOf(download)).toString('utf8')) as PlanDocument };
}

async function replaceWith(panel: Locator, document: unknown) {
  await panel.getByLabel('Fil att ersätta planens innehåll med (JSON)').setInputFiles(jsonFile('plan.json', document));
  await panel.getByRole('button', { name: 'Ersätt planens innehåll' }).click();
}

const openPlan = async (page: Page, title: string) => {
  await page.getByRole('list', { name: 'Organisationens införandeplaner' }).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
};

test('the ordinance as PDF and the whole plan as JSON: download, a new plan from the file, errors in Swedish, replace with a 409 handled', async ({
  page,
  browser,
}) => {
  await logIn(page, DEMO.changeLead);
  await openPlan(page, DEMO_PLAN);

  // The revised ordinance as an accessible PDF, beside its XLSX and CSV.
  const exports = page.getByRole('region', { name: 'Exportera' });
  const pdf = await downloadFrom(page, () =>
    exports.getByRole('group', { name: 'Delegationsordning' }).getByRole('button', { name: /^PDF/ }).click(),
  );
  expect(pdf.suggestedFilename()).toMatch(/^delegationsordning-[a-z0-9-]+-efter-etapp-\d+\.pdf$/);
  expect((await bytesOf(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The whole plan as JSON.
  const original = await downloadPlan(page);
  expect(original.name).toMatch(/^plan-[a-z0-9-]+\.json$/);
  expect(original.plan.title).toBe(DEMO_PLAN);
  expect(original.plan.actors.length).toBeGreaterThan(0);
  await page.getByRole('region', { name: 'Hela planen som JSON' }).scrollIntoViewIfNeeded();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: path.join(artifacts, 'plan-json.png') });

  // A file that is no plan, and a plan the API refuses: said in Swedish, by name, never by path or in English.
  await page.goto('/');
  const start = page.getByRole('region', { name: 'Ny plan från JSON-fil' });
  await start
    .getByLabel('Fil med planen (JSON)')
    .setInputFiles({ name: 'ordning.csv', mimeType: 'text/csv', buffer: Buffer.from('Nr;Ärende;Delegat\n') });
  await start.getByRole('button', { name: 'Skapa planen från filen' }).click();
  await expect(start.getByRole('alert')).toHaveText('Filen är inte en JSON-fil som går att läsa. Välj en plan som laddats ner från Tillit.');
  const broken = structuredClone(original.plan);
  broken.actors[0].kind = 'planet';
  await start.getByLabel('Fil med planen (JSON)').setInputFiles(jsonFile('trasig.json', broken));
  await start.getByRole('button', { name: 'Skapa planen från filen' }).click();
  const refused = start.getByRole('alert');
  await expect(refused).toContainText(`Aktören ${broken.actors[0].name}: `);
  await expect(refused).not.toContainText('actors[');
  await expect(refused).not.toContainText(/Invalid|expected|must/);
  await expectNoSeriousA11yViolations(page);

  // The download becomes a new plan with the same content.
  const copy = `Kopia ${Date.now()}`;
  await start.getByLabel('Fil med planen (JSON)').setInputFiles(jsonFile('kopia.json', { ...original.plan, title: copy }));
  await start.getByRole('button', { name: 'Skapa planen från filen' }).click();
  await expect(start.getByRole('status')).toContainText(`Planen ”${copy}” skapades från filen.`);
  await start.getByRole('link', { name: `Öppna ”${copy}”` }).click();
  await expect(page.getByRole('heading', { level: 1, name: copy })).toBeVisible();
  const again = await downloadPlan(page);
  expect({ ...again.plan, title: DEMO_PLAN }).toEqual(original.plan);

  // Someone else replaces the copy's content in another session …
  const other = await browser.newPage();
  await logIn(other, DEMO.changeLead);
  await openPlan(other, copy);
  const otherPanel = other.getByRole('region', { name: 'Hela planen som JSON' });
  await replaceWith(otherPanel, { ...original.plan, title: copy, purpose: 'Ändrad i en annan flik' });
  await other.getByRole('dialog', { name: 'Ersätta hela planen?' }).getByRole('button', { name: 'Ersätt allt' }).click();
  await expect(otherPanel.getByRole('status')).toHaveText('Planens innehåll är ersatt med filens.');
  await other.close();

  // … so this page's version is stale: the replace is refused with 409, said so, and can be made anyway.
  const panel = page.getByRole('region', { name: 'Hela planen som JSON' });
  const renamed = `${copy} ersatt`;
  await replaceWith(panel, { ...original.plan, title: renamed });
  await page.getByRole('dialog', { name: 'Ersätta hela planen?' }).getByRole('button', { name: 'Ersätt allt' }).click();
  await expect(panel.getByRole('alert')).toContainText('Planen ändrades av någon annan innan filen hann sparas');
  const conflict = page.getByRole('dialog', { name: 'Planen har ändrats under tiden' });
  await expect(conflict).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await conflict.getByRole('button', { name: 'Ersätt allt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  const replaced = await downloadPlan(page);
  expect(replaced.plan).toEqual({ ...original.plan, title: renamed });
});
