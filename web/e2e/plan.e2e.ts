import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { copyOfDemo, openPlan, openTab } from './demo-plan';
import { DEMO, logIn } from './session';

const artifacts = path.resolve(__dirname, '../../e2e-artifacts');

test('a change lead opens the demo plan, reads its findings by stage and follows the decisions in the matrix', async ({ page }) => {
  await logIn(page, DEMO.changeLead);
  await page.getByRole('link', { name: 'Tillitsresan i socialtjänsten 2027–2028' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Tillitsresan i socialtjänsten 2027–2028' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Principer' })).toContainText('Handlingsutrymme');
  await expect(page.getByText(/Förankrad av Socialnämnden/)).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Etapper' }).getByRole('heading', { level: 3, name: 'Etapp 2: Biståndsbeslut närmare den enskilde' }),
  ).toBeVisible();
  await expect(page.getByRole('figure').filter({ hasText: 'Återrapportering, timmar/år' })).toContainText('1 144');
  const stage4 = page.getByRole('region', { name: 'Etapp 4: Tillit i ekonomiskt bistånd' });
  await expect(stage4.getByText('Blockerande').first()).toBeVisible();
  await expect(stage4.getByText(/vidaredelegerar 4.2 Försörjningsstöd utöver riksnorm/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: path.join(artifacts, 'plan-overview.png'), fullPage: true });

  // A finding links to what it concerns: the decision area opens in the matrix with its history.
  const onward = stage4.getByRole('listitem').filter({ hasText: /vidaredelegerar 4.2 Försörjningsstöd utöver riksnorm/ });
  await onward.getByRole('link', { name: '4.2 Försörjningsstöd utöver riksnorm' }).click();
  await expect(page.getByRole('region', { name: 'Historik: 4.2 Försörjningsstöd utöver riksnorm' })).toBeVisible();
  await page.goBack();
  await expect(stage4).toBeVisible();

  await page.getByRole('link', { name: 'Införandematris' }).click();
  const table = page.getByRole('table', { name: 'Införandematris' });
  const row = table.getByRole('row', { name: /5\.1 Bistånd i form av hemtjänst/ });
  await expect(row.getByRole('cell').nth(2)).toContainText('Biståndshandläggare äldre');
  await expect(row.getByRole('cell').nth(2)).toContainText('Flyttat');
  await expect(row.getByRole('cell').nth(0)).toContainText('Enhetschef biståndshandläggning äldre');

  await page.getByLabel('Bara beslutsområden som ändras').check();
  await expect(page.getByRole('status').filter({ hasText: /Visar \d+ av 84 beslutsområden/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /1\.1 Mål och riktlinjer/ })).toHaveCount(0);
  await page.getByLabel('Sök ärende eller beslutsfattare').fill('hemtjänst');
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'Historik för 5.1 Bistånd i form av hemtjänst' }).click();
  const history = page.getByRole('region', { name: 'Historik: 5.1 Bistånd i form av hemtjänst' });
  await expect(history.getByRole('row', { name: /Etapp 2/ })).toContainText('Flyttat');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: path.join(artifacts, 'matrix.png'), fullPage: true });

  await page.getByLabel('Språk').selectOption('en');
  await expect(page.getByRole('table', { name: 'Rollout matrix' })).toBeVisible();
  await expect(page.getByText('Moved').first()).toBeVisible();
});

test('the delegation map shows who decides what before and after a stage, with the moves labelled', async ({ page }) => {
  await logIn(page, DEMO.changeLead);
  await page.getByRole('link', { name: 'Tillitsresan i socialtjänsten 2027–2028' }).click();
  await page.getByRole('link', { name: 'Delegeringskarta' }).click();
  const canvas = page.getByRole('region', { name: 'Karta: vem beslutar om vad' });
  // ELK starts in its worker on first use, which can take a few seconds on a busy machine.
  await expect(canvas).toHaveAttribute('data-laid-out', 'true', { timeout: 30_000 });

  await page.getByLabel('Jämför från').selectOption({ label: 'Etapp 1' });
  await page.getByLabel('till', { exact: true }).selectOption({ label: 'Etapp 2' });
  await page.getByLabel('Sök beslutsområde').fill('5.');
  const handler = canvas.locator('.react-flow__node', { hasText: 'Biståndshandläggare äldre' });
  await expect(handler).toContainText('5.1 Bistånd i form av hemtjänst – fått');
  await expect(canvas.locator('.react-flow__node', { hasText: 'Enhetschef biståndshandläggning äldre' })).toContainText('– lämnat');
  await expect(canvas.getByText('3 flyttas')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The keyboard opens an actor's history as the mouse does.
  await handler.focus();
  await page.keyboard.press('Enter');
  const history = page.getByRole('region', { name: 'Historik: Biståndshandläggare äldre' });
  await expect(history.getByRole('row', { name: /Etapp 2/ })).toContainText('5.1, 5.3, 5.7');
  await expect(history.getByRole('heading')).toBeFocused();
  await expect(history).toContainText('Befattning · under Enhetschef biståndshandläggning äldre · 8 personer');
  await expectNoSeriousA11yViolations(page);

  // From the actor's history to a decision area's, and the map narrowed to one actor.
  await history.getByRole('button', { name: 'Historik för 5.1 Bistånd i form av hemtjänst' }).first().click();
  await expect(page.getByRole('region', { name: 'Historik: 5.1 Bistånd i form av hemtjänst' }).getByRole('row', { name: /Etapp 2/ })).toContainText(
    'Flyttat',
  );
  await page.getByLabel('Sök beslutsområde').fill('');
  await page.getByLabel('Aktör', { exact: true }).selectOption({ label: 'Biståndshandläggare äldre' });
  await expect(canvas.locator('.react-flow__node', { hasText: 'Biståndshandläggare äldre' })).toBeVisible();
  await expect(canvas.locator('.react-flow__node', { hasText: 'Enhetschef barn och unga' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Stäng historiken' }).click();

  // Screenshots that can be read: the unit head's decisions before stage 2, the handler's after, the move as an arrow.
  await page.getByLabel('till', { exact: true }).selectOption({ label: 'Etapp 1' });
  await page.getByLabel('Aktör', { exact: true }).selectOption({ label: 'Enhetschef biståndshandläggning äldre' });
  await expect(canvas.locator('.react-flow__node', { hasText: 'Enhetschef biståndshandläggning äldre' })).toContainText(
    '5.1 Bistånd i form av hemtjänst',
  );
  await expect(canvas).toHaveAttribute('data-laid-out', 'true');
  await canvas.screenshot({ path: path.join(artifacts, 'map-before.png') });
  await page.getByLabel('till', { exact: true }).selectOption({ label: 'Etapp 2' });
  await expect(canvas.locator('.react-flow__node', { hasText: 'Biståndshandläggare äldre' })).toContainText('5.1 Bistånd i form av hemtjänst – fått');
  await expect(canvas.getByText('3 flyttas')).toBeVisible();
  await expect(canvas).toHaveAttribute('data-laid-out', 'true');
  await canvas.screenshot({ path: path.join(artifacts, 'map-after.png') });
});

test('a change lead adds a stage that moves a formal decision to a team, sees the new findings before saving, fixes them, and a board member reads it', async ({
  page,
  request,
}) => {
  // A copy of its own: the stage it adds would otherwise be in the demo plan for every later test and run.
  const title = 'Ny etapp: arbetslagen beslutar';
  const planId = await copyOfDemo(request, title);
  await logIn(page, DEMO.changeLead);
  await openPlan(page, planId, title);
  await openTab(page, 'Etapper');

  const newStage = page.getByRole('form', { name: 'Ny etapp' });
  await newStage.getByLabel('Namn').fill('Arbetslagen beslutar');
  await newStage.getByLabel('Mål').fill('Hemtjänstgruppen beslutar om avgiftsnedsättning.');
  await newStage.getByLabel('Kriterier för att gå vidare (en per rad)').fill('Utbildning i avgiftsregler genomförd');
  await newStage.getByRole('button', { name: 'Skapa etapp' }).click();
  await expect(page.getByLabel('Etapp att redigera')).toHaveValue('arbetslagen-beslutar');

  const move = page.getByRole('form', { name: 'Flytta ett beslut' });
  await move.getByLabel('Beslutsområde').selectOption({ label: '5.6 Nedsättning av avgift' });
  await move.getByLabel('Ny beslutsfattare').selectOption({ label: 'Hemtjänstgrupp Norr' });
  await move.getByRole('button', { name: 'Lägg till i utkastet' }).click();
  const live = page.getByRole('region', { name: 'Kontroll av utkastet' });
  await expect(live).toContainText('delegerat till en grupp anställda (Hemtjänstgrupp Norr)');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Spara etappens förändringar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Förändringarna sparades.' })).toBeVisible();

  await page.getByRole('link', { name: 'Översikt' }).click();
  const stage5 = page.getByRole('region', { name: 'Etapp 5: Arbetslagen beslutar' });
  await expect(stage5).toContainText('delegerat till en grupp anställda (Hemtjänstgrupp Norr)');

  await page.getByRole('link', { name: 'Delegeringskarta' }).click();
  const canvas = page.getByRole('region', { name: 'Karta: vem beslutar om vad' });
  await page.getByLabel('Jämför från').selectOption({ label: 'Etapp 4' });
  await page.getByLabel('till', { exact: true }).selectOption({ label: 'Etapp 5' });
  await expect(canvas).toHaveAttribute('data-laid-out', 'true', { timeout: 30_000 });
  await expect(canvas.locator('.react-flow__node', { hasText: 'Hemtjänstgrupp Norr' })).toContainText('5.6 Nedsättning av avgift – fått');

  // The fix: the decision goes to a named role instead of the team.
  await page.getByRole('link', { name: 'Etapper' }).click();
  await page.getByRole('button', { name: /Ta bort: Flytta 5\.6/ }).click();
  await move.getByLabel('Beslutsområde').selectOption({ label: '5.6 Nedsättning av avgift' });
  await move.getByLabel('Ny beslutsfattare').selectOption({ label: 'Biståndshandläggare äldre' });
  await move.getByRole('button', { name: 'Lägg till i utkastet' }).click();
  // The group delegation goes away (the role has other gaps to close, which the check shows too).
  await expect(live).toContainText(/Varningar som försvinner: [1-9]/);
  await expect(live).toContainText('delegerat till en grupp anställda (Hemtjänstgrupp Norr)');
  await page.getByRole('button', { name: 'Spara etappens förändringar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Förändringarna sparades.' })).toBeVisible();
  await page.getByRole('link', { name: 'Översikt' }).click();
  await expect(page.getByRole('region', { name: 'Etapp 5: Arbetslagen beslutar' })).not.toContainText('grupp anställda');

  // A board member reads the same plan, and cannot edit it.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await logIn(page, DEMO.boardMember);
  await openPlan(page, planId, title);
  await expect(page.getByRole('region', { name: 'Etapp 5: Arbetslagen beslutar' })).toBeVisible();
  await openTab(page, 'Etapper');
  await expect(page.getByRole('button', { name: 'Skapa etapp' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Spara etappens förändringar' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
