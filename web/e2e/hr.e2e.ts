import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { Download, expect, Locator, Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { copyOfDemo, openPlan, openTab } from './demo-plan';
import { DEMO, logIn } from './session';

/** A heat map cell: the row of the actor, the column of the competence (by its header's aria-colindex). */
async function heatCell(grid: Locator, actor: string, competence: string): Promise<Locator> {
  const header = grid.getByRole('columnheader', { name: new RegExp(`^${competence}`) });
  const col = await header.getAttribute('aria-colindex');
  const row = grid.getByRole('row').filter({ has: grid.page().getByRole('rowheader', { name: new RegExp(`^${actor}( \\d+ gap)?$`) }) });
  return row.locator(`[aria-colindex="${col}"]`);
}

/** Clicks an export button and answers the downloaded file's name and bytes. */
async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const at = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(at) };
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A `;` CSV with a UTF-8 byte order mark, as rows of fields. */
function readCsv(bytes: Buffer): string[][] {
  expect(bytes.subarray(0, 3).equals(BOM)).toBe(true);
  const parsed = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { delimiter: ';', skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** The sheets of an XLSX, each as rows of cell values. */
async function readXlsx(bytes: Buffer): Promise<Map<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

test('HR picks stage 3, sees the heat map and the gap list, closes a gap with an action and exports the lists', async ({ page, request }) => {
  test.setTimeout(240_000);
  const title = 'HR: kompetens per etapp';
  const planId = await copyOfDemo(request, title);
  await logIn(page, DEMO.hr);
  await openPlan(page, planId, title);
  await openTab(page, 'Kompetens');
  await expect(page.getByRole('heading', { level: 2, name: 'Kompetens per etapp' })).toBeVisible();
  await page.getByLabel('Etapp', { exact: true }).selectOption({ label: 'Etapp 3: En sammanhållen hemtjänst' });
  await expect(page.getByLabel('Jämför med')).toHaveValue('2');

  // The heat map of stage 3, compared with stage 2.
  const grid = page.getByRole('grid', { name: 'Gapkarta: aktörer och kompetenser, Etapp 3' });
  await expect(grid).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Visar \d+ av \d+ aktörer · 1 gap$/ })).toBeVisible();
  // The grid is one tab stop; arrow keys move between cells, Ctrl+End goes to the last cell.
  const focused = page.locator(':focus');
  const first = grid.getByRole('row').nth(1).locator('[tabindex="0"]');
  await first.focus();
  await expect(focused).toHaveAttribute('data-cell', '0:0');
  await page.keyboard.press('ArrowRight');
  await expect(focused).toHaveAttribute('data-cell', '0:1');
  await expect(focused).toHaveAttribute('role', 'gridcell');
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('data-cell', '1:1');
  const rowCount = Number(await grid.getAttribute('aria-rowcount'));
  const colCount = Number(await grid.getAttribute('aria-colcount'));
  await page.keyboard.press('Control+End');
  await expect(focused).toHaveAttribute('data-cell', `${rowCount - 2}:${colCount - 1}`);
  await expect(focused).toHaveAttribute('aria-colindex', String(colCount));
  await expect(focused.locator('xpath=..')).toHaveAttribute('aria-rowindex', String(rowCount));
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);
  // Rows and columns are virtualised: narrowed to a unit, as a user would, its rows are in view.
  const unit = page.getByRole('combobox', { name: 'Enhet' });
  await unit.fill('Enhetschef biståndshandläggning äldre');
  await expect(page.getByRole('status').filter({ hasText: /^Visar 2 av \d+ aktörer · 0 gap$/ })).toBeVisible();
  const ibic = await heatCell(grid, 'Biståndshandläggare äldre', 'Behovsbedömning enligt IBIC');
  await expect(ibic).toHaveText('3 / 3 krävs');
  await unit.fill('');
  // Only the gaps, and only leadership (the last column).
  await page.getByLabel('Bara aktörer med gap').check();
  await page.getByLabel('Kompetensområde').selectOption({ label: 'Ledarskap' });
  await expect(grid.getByRole('columnheader')).toHaveCount(2);
  const leadership = await heatCell(grid, 'Enhetschef hemtjänst', 'Tillitsbaserat ledarskap');
  await expect(leadership).toContainText('2 / 3 krävs');
  await expect(leadership).toContainText('saknar 1 nivå');
  await expect(leadership).toContainText('Nytt krav');
  await expectNoSeriousA11yViolations(page);

  // The gap list: the head of home care lacks a level of trust-based leadership; the planned training
  // comes only before stage 4.
  await page.getByRole('tab', { name: 'Gaplista' }).click();
  const gaps = page.getByRole('table', { name: 'Gaplista, Etapp 3' });
  const gapRow = gaps.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Enhetschef hemtjänst', exact: true }) });
  await expect(gapRow).toContainText('Tillitsbaserat ledarskap');
  await expect(gapRow).toContainText('2 / 3 krävs');
  await expect(gapRow.getByRole('cell').nth(3)).toHaveText('Etapp 3');
  await expect(gapRow).toContainText('Utbildning: Kommunens ledarprogram för tillitsbaserat ledarskap.');
  await expect(gapRow.getByRole('cell').last()).toHaveText('Stängs för sent');
  const counts = page.getByRole('list', { name: 'Gap efter status' });
  await expect(counts).toContainText('Stängs för sent: 1');
  await expect(counts).toContainText('Stängt i tid: 2');
  await expectNoSeriousA11yViolations(page);

  // A development action before stage 3: tried first, then saved.
  await page.getByRole('tab', { name: 'Utvecklingsplan' }).click();
  const whatIf = page.getByRole('form', { name: 'Tänk om: prova en insats' });
  await whatIf.getByLabel('Aktör').selectOption({ label: 'Enhetschef hemtjänst' });
  await whatIf.getByLabel('Kompetens').selectOption({ label: 'Tillitsbaserat ledarskap' });
  await whatIf.getByLabel('Nivå efter insatsen').selectOption({ label: '3 – god' });
  await whatIf.getByLabel('Klar före etapp').selectOption({ label: 'Etapp 3: En sammanhållen hemtjänst' });
  await whatIf.getByLabel('Typ av insats').selectOption({ label: 'Coachning' });
  await whatIf.getByRole('button', { name: 'Prova' }).click();
  await expect(page.getByText('Etapp 3: Enhetschef hemtjänst – Tillitsbaserat ledarskap: Stängs för sent → Stängt i tid')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Spara insatsen' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Insatsen sparades: Enhetschef hemtjänst: Tillitsbaserat ledarskap/ })).toBeVisible();

  // The development plan with the new action, as XLSX (a sheet of actions, sums per stage and per unit) and CSV.
  const timeline = page.getByRole('table', { name: 'Insatserna mot etapperna' });
  await expect(timeline.getByRole('row').filter({ hasText: 'Enhetschef hemtjänst: Tillitsbaserat ledarskapCoachning' })).toContainText(
    'Stänger gapet i Etapp 3',
  );
  const planXlsx = await download(page, 'Ladda ner Excel (XLSX): Utvecklingsplan');
  expect(planXlsx.name).toBe('Utvecklingsplan.xlsx');
  const book = await readXlsx(planXlsx.bytes);
  expect([...book.keys()]).toEqual(['Insatser', 'Per etapp', 'Per enhet']);
  const actions = book.get('Insatser') ?? [];
  expect(actions[0]).toEqual([
    'Aktör',
    'Kompetens',
    'Typ av insats',
    'Beskrivning',
    'Ansvarig',
    'Nivå efter insatsen',
    'Klar före',
    'Slutdatum',
    'Kommer för sent',
    'Kostnad (kr)',
    'Tid (timmar)',
    'Enhet',
    'Stänger gapet i',
    'För sent för',
    'Räcker inte i',
  ]);
  expect(actions).toHaveLength(6);
  const added = actions.find((r) => r[0] === 'Enhetschef hemtjänst' && r[2] === 'Coachning');
  expect(added?.slice(5, 9)).toEqual([3, 'Etapp 3', '2027-10-01', 'Nej']);
  expect(added?.[12]).toMatch(/^Etapp 3/);
  const programme = actions.find((r) => r[0] === 'Enhetschef hemtjänst' && r[2] === 'Utbildning');
  expect(programme?.slice(6, 10)).toEqual(['Etapp 4', '2028-04-01', 'Nej', 45000]);
  expect(book.get('Per etapp')).toEqual([
    ['Etapp', 'Börjar', 'Insatser', 'Kostnad (kr)', 'Tid (timmar)'],
    ['Etapp 1', '2027-01-01', 1, 0, 40],
    ['Etapp 2', '2027-05-01', 1, 120000, 24],
    ['Etapp 3', '2027-10-01', 1, 0, 0],
    ['Etapp 4', '2028-04-01', 2, 75000, 16],
    ['Totalt', undefined, 5, 195000, 80],
  ]);
  expect(book.get('Per enhet')).toContainEqual(['Enhetschef hemtjänst', 2, 45000, 0]);
  const planCsv = readCsv((await download(page, 'Ladda ner CSV: Utvecklingsplan')).bytes);
  expect(planCsv[0]).toEqual(['Insatser']);
  expect(planCsv[1]).toEqual(actions[0]);
  expect(planCsv.slice(0, 8).map((r) => r[0])).toEqual(['Insatser', 'Aktör', ...actions.slice(1).map((r) => r[0]), '']);
  expect(planCsv.find((r) => r[0] === 'Totalt')).toEqual(['Totalt', '', '5', '195000', '80']);
  expect(planCsv.find((r) => r[0] === 'Per enhet')).toBeDefined();

  // Saved: the gap is closed in time, in the gap list and on the heat map.
  await page.getByRole('tab', { name: 'Gaplista' }).click();
  await expect(gapRow.getByRole('cell').last()).toHaveText('Stängt i tid');
  await expect(counts).toContainText('Stängs för sent: 0');
  await expect(counts).toContainText('Stängt i tid: 3');
  await expect(gapRow).toContainText('Coachning (till nivå 3, klar före Etapp 3 (2027-10-01))');
  // Held as the stage starts, the action done: what it was at the baseline stands below.
  await expect(gapRow.getByRole('cell').nth(1)).toHaveText('3 / 3 krävsI nuläget: 2');

  // The gap list as CSV and XLSX, read back.
  const csv = await download(page, 'Ladda ner CSV: Gaplista Etapp 3');
  expect(csv.name).toBe('Gaplista Etapp 3.csv');
  const csvRows = readCsv(csv.bytes);
  expect(csvRows[0]).toEqual([
    'Aktör',
    'Kompetens',
    'Kompetensområde',
    'Krävs',
    'Har',
    'Saknas',
    'Beslut som kräver den',
    'Öppnas i',
    'Status',
    'Insatser',
  ]);
  const csvGap = csvRows.find((r) => r[0] === 'Enhetschef hemtjänst' && r[1] === 'Tillitsbaserat ledarskap');
  expect(csvGap?.slice(2, 6)).toEqual(['Ledarskap', '3', '3', '0']);
  expect(csvGap?.slice(7, 9)).toEqual(['Etapp 3', 'Stängt i tid']);
  expect(csvGap?.[9]).toContain('Coachning, till nivå 3, Etapp 3 (2027-10-01), stänger gapet');
  expect(csvRows.filter((r) => r.length > 1)).toHaveLength(4);

  const xlsx = await download(page, 'Ladda ner Excel (XLSX): Gaplista Etapp 3');
  expect(xlsx.name).toBe('Gaplista Etapp 3.xlsx');
  const sheet = (await readXlsx(xlsx.bytes)).get('Etapp 3');
  expect(sheet?.[0]).toEqual(csvRows[0]);
  const xlsxGap = sheet?.find((r) => r[0] === 'Enhetschef hemtjänst' && r[1] === 'Tillitsbaserat ledarskap');
  expect(xlsxGap?.slice(2, 6)).toEqual(['Ledarskap', 3, 3, 0]);
  expect(xlsxGap?.[8]).toBe('Stängt i tid');
  expect(sheet).toHaveLength(4);

  await page.getByRole('tab', { name: 'Gapkarta' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Visar \d+ av \d+ aktörer · 0 gap$/ })).toBeVisible();
  await page.getByRole('combobox', { name: 'Enhet' }).fill('Enhetschef hemtjänst');
  await page.getByLabel('Kompetensområde').selectOption({ label: 'Ledarskap' });
  await expect(await heatCell(grid, 'Enhetschef hemtjänst', 'Tillitsbaserat ledarskap')).toContainText('3 / 3 krävs');

  // The same views in English, switched as a user would.
  await page.getByLabel('Språk').selectOption('en');
  await expect(page.getByRole('heading', { level: 2, name: 'Competence per stage' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Heat map: actors and competences, Stage 3' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('tab', { name: 'Gap list' }).click();
  await expect(page.getByRole('table', { name: 'Gap list, Stage 3' }).getByRole('row').filter({ hasText: 'Tillitsbaserat ledarskap' })).toContainText(
    'Closed in time',
  );
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('tab', { name: 'Development plan' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Development plan' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // The export speaks the page's language.
  const english = readCsv((await download(page, 'Download CSV: Development plan')).bytes);
  expect(english[0]).toEqual(['Actions']);
  expect(english[1].slice(0, 3)).toEqual(['Actor', 'Competence', 'Kind of action']);
  expect(english.find((r) => r[0] === 'Enhetschef hemtjänst' && r[2] === 'Coaching')?.slice(6, 9)).toEqual(['Stage 3', '2027-10-01', 'No']);
  expect(english.find((r) => r[0] === 'Total')).toEqual(['Total', '', '5', '195000', '80']);
});
