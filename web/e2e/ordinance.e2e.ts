import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, Locator, Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { DEMO, logIn } from './session';

// Screenshots of the wizard at a laptop's size.
test.use({ viewport: { width: 1280, height: 1000 } });

const artifacts = path.resolve(__dirname, '../../e2e-artifacts');
const fixture = (name: string) => path.resolve(__dirname, '../../libs/domain/src/ordinance/fixtures', name);

/** Opens the fix form of a flagged row, lets `fill` change it, and saves the fix. */
async function fixRow(wizard: Locator, line: number, fill: (form: Locator) => Promise<void>) {
  await wizard.getByRole('button', { name: `Rätta rad ${line}`, exact: true }).click();
  const form = wizard.getByRole('group', { name: new RegExp(`^Rätta rad ${line}:`) });
  await fill(form);
  await form.getByRole('button', { name: 'Spara rättelsen' }).click();
  // The form closes and the focus goes back to the row's button, now beside the row's "Rättad" mark.
  const again = wizard.getByRole('button', { name: `Rätta rad ${line}`, exact: true });
  await expect(again).toBeFocused();
  const row = wizard.getByRole('row').filter({ has: wizard.page().getByRole('button', { name: `Rätta rad ${line}`, exact: true }) });
  await expect(row).toContainText('Rättad');
}

async function stepHeading(page: Page, text: string): Promise<Locator> {
  const heading = page.getByRole('heading', { level: 3, name: text });
  await expect(heading).toBeFocused();
  return heading;
}

test('a change lead creates a plan from an ordinance file, fixes the flagged rows, re-checks, imports and sees it on the map and in the matrix', async ({
  page,
}) => {
  await logIn(page, DEMO.changeLead);
  const title = `Delegationsordning ${Date.now()}`;
  const start = page.getByRole('region', { name: 'Ny plan från delegationsordning' });
  await start.getByLabel('Planens namn').fill(title);
  await start.getByRole('button', { name: 'Skapa ny plan och välj fil' }).click();

  const wizard = page.getByRole('region', { name: 'Importera delegationsordning' });
  await expect(page.getByText(`Importen gäller planen ”${title}”.`)).toBeVisible();
  await expect(wizard.getByRole('heading', { level: 3, name: 'Steg 1 av 4: Välj fil' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A file too large is refused on the field before anything is sent.
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/ordinance/')) sent.push(r.url());
  });
  await wizard.getByLabel('Fil med delegationsordning').setInputFiles({
    name: 'stor.csv',
    mimeType: 'text/csv',
    buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 'a'),
  });
  await expect(wizard.getByRole('alert')).toContainText('högst 20 MB tas emot');
  await expect(wizard.getByLabel('Fil med delegationsordning')).toHaveAttribute('aria-invalid', 'true');
  await expect(wizard.getByRole('button', { name: 'Läs filen' })).toBeDisabled();
  expect(sent).toEqual([]);

  // The ordinance with planted errors (tab-separated).
  await wizard.getByLabel('Fil med delegationsordning').setInputFiles(fixture('planted-errors.tsv'));
  await wizard.getByRole('button', { name: 'Läs filen' }).click();

  await stepHeading(page, 'Steg 2 av 4: Så lästes filen');
  await expect(wizard.getByLabel('Teckenkodning')).toHaveValue('utf-8');
  await expect(wizard.getByLabel('Kolumnavgränsare')).toHaveValue('\t');
  await expect(wizard.getByLabel('Rubrikrad (radnummer)')).toHaveValue('1');
  await expect(wizard.getByLabel('Läses som, kolumn 3 (Delegat)')).toHaveValue('delegate');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: path.join(artifacts, 'ordinance-reading.png') });
  await wizard.getByRole('button', { name: 'Vidare till förhandsgranskningen' }).click();

  await stepHeading(page, 'Steg 3 av 4: Förhandsgranska och rätta');
  const problems = wizard.getByRole('region', { name: /^Problem:/ });
  await expect(problems.getByRole('heading')).toHaveText('Problem: 6 fel, 2 varningar');
  // Each problem with its row, column and a Swedish message (never the API's English reason).
  await expect(problems.getByRole('listitem').filter({ hasText: 'Rad 4, kolumn Delegat' })).toContainText(
    'Cellen anger fler än en delegat (Enhetschef eller 1:e socialsekreterare).',
  );
  await expect(problems.getByRole('listitem').filter({ hasText: 'Rad 9, kolumn Nr' })).toContainText('Numret 2.1 används redan på rad 8.');
  await expect(problems).not.toContainText(/the cell|delegate|\bline\b/);
  // Sections as headings, the matters in tables with headers, inherited and parsed values marked.
  const items = wizard.getByRole('region', { name: /^Ärenden/ });
  await expect(items.getByRole('heading', { name: '2 Individ och familj' })).toBeVisible();
  const table = items.getByRole('table', { name: 'Ärenden under 2 Individ och familj' });
  await expect(table.getByRole('columnheader', { name: 'Delegat → aktör' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Mål och inriktning/ })).toContainText('Får ej delegeras');
  await expect(wizard.getByRole('button', { name: /^Importera till planen/ })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);
  await problems.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'ordinance-preview.png') });

  // The user fixes each flagged row in place.
  await wizard.getByRole('button', { name: 'Rätta rad 10', exact: true }).click();
  await expect(wizard.getByRole('group', { name: /^Rätta rad 10:/ }).getByLabel('Delegat')).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: path.join(artifacts, 'ordinance-fix.png') });
  await wizard.getByRole('button', { name: 'Rätta rad 10', exact: true }).click();
  await fixRow(wizard, 4, (form) => form.getByRole('radio', { name: 'Enhetschef' }).check());
  // Row 5 names two titles on two lines: the matter is split into one per title instead.
  await wizard.getByRole('button', { name: 'Rätta rad 5', exact: true }).click();
  await wizard
    .getByRole('group', { name: /^Rätta rad 5:/ })
    .getByRole('button', { name: 'Dela upp ärendet i 2 rader: Enhetschef, Avdelningschef' })
    .click();
  await expect(wizard.getByRole('button', { name: 'Rätta rad 5', exact: true })).toBeFocused();
  await fixRow(wizard, 8, (form) => form.getByLabel('Delegat').fill('Enhetschef'));
  await fixRow(wizard, 9, (form) => form.getByLabel('Nr').fill('2.7'));
  await fixRow(wizard, 10, (form) => form.getByLabel('Delegat').fill('Nämnden'));
  await fixRow(wizard, 13, (form) => form.getByLabel('Delegat').fill('AU'));
  await expect(wizard.getByText('Du har ändringar som inte är kontrollerade (6 rättade rader).')).toBeVisible();

  await wizard.getByRole('button', { name: 'Kontrollera igen' }).click();
  await expect(problems.getByRole('heading')).toHaveText('Problem: 0 fel, 2 varningar');
  await expect(wizard.getByText('Inga fel. Delegationsordningen kan importeras.')).toBeVisible();
  await expect(table.getByRole('row', { name: /Beslut om kontaktfamilj/ })).toContainText('Enhetschef');
  const general = items.getByRole('table', { name: 'Ärenden under 1 Allmänt' });
  await expect(general.getByRole('row', { name: /1\.3a/ })).toContainText('Del 1 av 2 (uppdelat ärende)');
  await expect(general.getByRole('row', { name: /1\.3a/ })).toContainText('Enhetschef');
  await expect(general.getByRole('row', { name: /1\.3b/ })).toContainText('Avdelningschef');
  // "AU" became a new actor with its full title and a kind guessed from it, both editable.
  await expect(wizard.getByLabel('Namn på den nya aktören för Arbetsutskottet')).toHaveValue('Arbetsutskottet');
  await expect(wizard.getByLabel('Typ av aktör för Arbetsutskottet')).toHaveValue('governing_body');
  await expectNoSeriousA11yViolations(page);

  await wizard.getByRole('button', { name: 'Importera till planen (version 1)' }).click();
  await stepHeading(page, 'Klart: delegationsordningen är importerad');
  await expect(wizard).toContainText('11 beslutsområden och 6 nya aktörer');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: path.join(artifacts, 'ordinance-done.png') });

  // The imported decision areas on the map …
  await wizard.getByRole('link', { name: 'Visa på delegeringskartan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const canvas = page.getByRole('region', { name: 'Karta: vem beslutar om vad' });
  await expect(canvas).toHaveAttribute('data-laid-out', 'true', { timeout: 30_000 });
  await expect(canvas.locator('.react-flow__node', { hasText: 'Enhetschef' }).first()).toContainText('Beslut om kontaktfamilj');
  await expect(canvas.locator('.react-flow__node', { hasText: 'Arbetsutskottet' })).toContainText('Beslut om omedelbart omhändertagande');

  // … and in the rollout matrix.
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: 'Införandematris', exact: true }).click();
  const matrix = page.getByRole('table').filter({ hasText: 'Beslut om kontaktperson' });
  await expect(matrix.getByRole('row', { name: /2\.7/ })).toContainText('Beslut om kontaktperson');
  await expect(matrix.getByRole('row', { name: /Mål och inriktning/ })).toContainText('Nämnden');

  // The ordinance goes out again, as CSV for Swedish Excel, with the session's token.
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: 'Översikt', exact: true }).click();
  const exports = page.getByRole('region', { name: 'Exportera' });
  await exports.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'ordinance-exports.png') });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exports.getByRole('group', { name: 'Delegationsordning' }).getByRole('button', { name: /^CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^delegationsordning-[a-z0-9-]+-nulage\.csv$/);
  const csv = readFileSync(await download.path()).toString('utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('2.7;Beslut om kontaktperson;Enhetschef;');
  await expectNoSeriousA11yViolations(page);
});

test('the plan page offers the import on its decision areas, and a reader does not see it', async ({ page }) => {
  await logIn(page, DEMO.changeLead);
  await page.getByRole('link', { name: 'Tillitsresan i socialtjänsten 2027–2028' }).click();
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: 'Beslutsområden', exact: true }).click();
  await page.getByRole('button', { name: 'Importera delegationsordning (CSV eller Excel)' }).click();
  const wizard = page.getByRole('region', { name: 'Importera delegationsordning' });
  await stepHeading(page, 'Steg 1 av 4: Välj fil');
  // The demo plan has an ordinance already: a file becomes a new stage of changes.
  await wizard.getByLabel('Fil med delegationsordning').setInputFiles(fixture('socialnamnd-utf8-bom.csv'));
  await wizard.getByRole('button', { name: 'Läs filen' }).click();
  await stepHeading(page, 'Steg 2 av 4: Så lästes filen');
  await wizard.getByRole('button', { name: 'Vidare till förhandsgranskningen' }).click();
  await stepHeading(page, 'Steg 3 av 4: Förhandsgranska och rätta');
  await expect(wizard).toContainText('Planen har redan en delegationsordning.');
  await expect(wizard.getByLabel('Namn på den nya etappen')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await wizard.getByRole('button', { name: 'Stäng importen' }).click();
  await expect(page.getByRole('button', { name: 'Importera delegationsordning (CSV eller Excel)' })).toBeFocused();

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await logIn(page, DEMO.viewer);
  await page.getByRole('link', { name: 'Tillitsresan i socialtjänsten 2027–2028' }).click();
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: 'Beslutsområden', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /Importera delegationsordning/ })).toHaveCount(0);
});
