import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { copyOfDemo, openPlan, openTab } from './demo-plan';
import { DEMO, logIn } from './session';

interface ExamplePlan {
  decisionAreas: Array<{ id: string; code: string; title: string }>;
  baseline: Array<{ decisionAreaId: string; deciderId: string }>;
}
const EXAMPLE = JSON.parse(readFileSync(path.resolve(__dirname, '../../libs/domain/src/examples/socialtjansten.plan.json'), 'utf8')) as ExamplePlan;
const area = (id: string) => EXAMPLE.decisionAreas.find((a) => a.id === id) as ExamplePlan['decisionAreas'][number];

/**
 * What the page must never show a user, whatever the API answered: the server's English sentences, the
 * plan format's ids and JSON paths, the validator's wording, database or library words.
 */
const SERVER_INSIDES: Array<[string, RegExp]> = [
  ['English server text', /\b(must|cannot|is still in use|is not|not be before|Invalid input|references?|stale|version last read|unknown)\b/i],
  [
    'an id of the plan format',
    /\b(kons|dial|kom|etapp|a)-\d+(-\d+)?\b|\b(add|retire|move)[-_](actor|decision[-_]area)\b|\b(bhl|htg-n|ec-bist|c-sol)\b/,
  ],
  ['a JSON path', /\$\.|\[\d+\]\.|\[\d+\]$/m],
  ['the validator’s wording', /Edge from|startDate|endDate|decisionAreaId|deciderId/],
  [
    'database or library words',
    /relation "|violates|constraint|duplicate key|column "|syntax error|SyntaxError|Unexpected token|node_modules|\bat \S+ \(/i,
  ],
  ['an error code', /validation_failed|version_conflict|in_use|date_before|unknown_reference/],
];

/** The page as the user reads it now holds none of SERVER_INSIDES. */
async function expectNoServerInsides(page: Page): Promise<void> {
  const text = await page.locator('main').innerText();
  const found = SERVER_INSIDES.flatMap(([what, pattern]) => {
    const m = pattern.exec(text);
    return m ? [`${what}: “${m[0]}” in …${text.slice(Math.max(0, m.index - 60), m.index + 60)}…`] : [];
  });
  expect(found).toEqual([]);
}

/** The API as the signed-in user of the page: another person's save in between. */
async function apiAs(page: Page) {
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('tillit.session') ?? '{}').token as string);
  const planId = /#\/plans\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: async (at: string) => (await page.request.get(`/api/plans/${planId}/${at}`, { headers })).json(),
    patch: async (at: string, body: unknown) => page.request.patch(`/api/plans/${planId}/${at}`, { headers, data: body }),
  };
}

async function openAsChangeLead(page: Page, planId: string, title: string, tab: string): Promise<void> {
  await logIn(page, DEMO.changeLead);
  await openPlan(page, planId, title);
  await openTab(page, tab);
}

test('a stage that ends before it starts: the API’s date_before is in Swedish on the end date', async ({ page, request }) => {
  const title = 'Fel på svenska: datum';
  await openAsChangeLead(page, await copyOfDemo(request, title), title, 'Etapper');
  const details = page.getByRole('form', { name: /Om etappen/ });
  await details.getByLabel('Startdatum').fill('2028-03-01');
  await details.getByLabel('Slutdatum').fill('2028-01-31');
  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && /\/stages\//.test(r.url()));
  await details.getByRole('button', { name: 'Spara' }).click();
  // The form alone lets the dates through: the refusal is the API's.
  expect((await (await saved).json()).errors).toEqual([expect.objectContaining({ code: 'date_before' })]);
  await expect(details.getByLabel('Slutdatum')).toHaveAttribute('aria-invalid', 'true');
  await expect(details.getByLabel('Slutdatum')).toHaveAccessibleDescription(/^⚠? ?Får inte vara före startdatum\.$/);
  await expectNoServerInsides(page);
  await expectNoSeriousA11yViolations(page);
});

test('an actor still in use cannot be deleted: the Swedish message names the decision rights by code and title', async ({ page, request }) => {
  const title = 'Fel på svenska: aktör';
  await openAsChangeLead(page, await copyOfDemo(request, title), title, 'Organisation');
  await page.getByRole('button', { name: 'Ta bort Biståndshandläggare äldre' }).click();
  await page.getByRole('button', { name: 'Bekräfta: ta bort Biståndshandläggare äldre' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Biståndshandläggare äldre kunde inte tas bort' });
  await expect(notice).toContainText('Biståndshandläggare äldre kunde inte tas bort: Används fortfarande av beslutsrätten för ');
  const decided = EXAMPLE.baseline.filter((r) => r.deciderId === 'bhl').map((r) => area(r.decisionAreaId));
  expect(decided.length).toBeGreaterThan(0);
  await expect(notice).toContainText(`beslutsrätten för ${decided[0].code} ${decided[0].title}`);
  await expect(notice).not.toContainText('?');
  await expect(
    page.getByRole('navigation', { name: 'Organisationens hierarki' }).getByText('Biståndshandläggare äldre', { exact: true }),
  ).toBeVisible();
  await expectNoServerInsides(page);
  await expectNoSeriousA11yViolations(page);
});

test('a save that someone else’s save overtook: the Swedish conflict text, and the edit kept', async ({ page, browser, request }) => {
  const title = 'Fel på svenska: krock';
  const planId = await copyOfDemo(request, title);
  await openAsChangeLead(page, planId, title, 'Beslutsområden');
  const a = area('a-1-1');
  await page
    .getByRole('table', { name: 'Beslutsområden' })
    .getByRole('button', { name: `Ändra ${a.code} ${a.title}` })
    .click();
  const edit = page.getByRole('form', { name: `Ändra ${a.code} ${a.title}` });
  await edit.getByLabel('Ärende').fill(`${a.title} (vår version)`);

  // A colleague in another browser saves the same area first.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'sv-SE' });
  try {
    const colleague = await other.newPage();
    await openAsChangeLead(colleague, planId, title, 'Beslutsområden');
    await colleague
      .getByRole('table', { name: 'Beslutsområden' })
      .getByRole('button', { name: `Ändra ${a.code} ${a.title}` })
      .click();
    const theirs = colleague.getByRole('form', { name: `Ändra ${a.code} ${a.title}` });
    await theirs.getByLabel('Lagrum').fill('2 kap. 1 § OSL');
    await theirs.getByRole('button', { name: 'Spara' }).click();
    await expect(colleague.getByRole('status').filter({ hasText: 'sparades.' })).toBeVisible();
  } finally {
    await other.close();
  }

  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(edit.getByRole('alert')).toHaveText(/^Någon annan har sparat en nyare version under tiden\. Dina ändringar finns kvar i formuläret\./);
  await expect(edit.getByLabel('Ärende')).toHaveValue(`${a.title} (vår version)`);
  await expectNoServerInsides(page);
  await expectNoSeriousA11yViolations(page);

  // Taking the latest version and saving again puts this user's edit in, under the new version.
  await edit.getByRole('button', { name: 'Hämta senaste versionen och behåll mina ändringar' }).click();
  await expect(edit.getByText('Spara igen för att lägga in dem.')).toBeVisible();
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'sparades.' })).toBeVisible();
  expect(await (await apiAs(page)).get('decision-areas/a-1-1')).toMatchObject({ title: `${a.title} (vår version)`, version: expect.any(Number) });
});

test('a decision area and a stage still in use: Swedish messages that name what uses them, never “?”', async ({ page, request }) => {
  const title = 'Fel på svenska: används';
  await openAsChangeLead(page, await copyOfDemo(request, title), title, 'Beslutsområden');
  const a = area('a-1-1');
  const areas = page.getByRole('table', { name: 'Beslutsområden' });
  await areas.getByRole('button', { name: `Ta bort ${a.code} ${a.title}` }).click();
  await areas.getByRole('button', { name: `Bekräfta: ta bort ${a.code} ${a.title}` }).click();
  const areaNotice = page.getByRole('status').filter({ hasText: 'kunde inte tas bort' });
  // Only the baseline right names the area: the label is made from the plan with the area still in it.
  await expect(areaNotice).toHaveText(`${a.code} ${a.title} kunde inte tas bort: Används fortfarande av beslutsrätten för ${a.code} ${a.title}.`);
  await expectNoServerInsides(page);
  await expectNoSeriousA11yViolations(page);

  await openTab(page, 'Etapper');
  await page.getByLabel('Etapp att redigera').selectOption({ index: 0 });
  const stageName = (await page.getByLabel('Etapp att redigera').locator('option:checked').innerText()).replace(/^Etapp \d+: /, '');
  await page.getByRole('button', { name: 'Ta bort etappen' }).click();
  await page.getByRole('button', { name: `Bekräfta: ta bort etappen ”${stageName}” med dess förändringar` }).click();
  const stageNotice = page.getByRole('status').filter({ hasText: `${stageName} kunde inte tas bort` });
  await expect(stageNotice).toContainText(`${stageName} kunde inte tas bort: Används fortfarande av `);
  await expect(stageNotice).not.toContainText('?');
  await expectNoServerInsides(page);
  await expectNoSeriousA11yViolations(page);
});
