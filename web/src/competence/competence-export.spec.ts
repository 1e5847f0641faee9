import { analysePlan, competenceHeatMap, developmentPlan, EXAMPLE_PLAN, gapList, validatePlan } from '@tillit/domain';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  developmentPlanSheets,
  DevelopmentPlanExportLabels,
  gapTable,
  GapExportLabels,
  heatMapTable,
  HeatMapExportLabels,
  toCsv,
  toCsvSections,
  toXlsx,
  toXlsxSheets,
} from './competence-export';

const result = validatePlan(EXAMPLE_PLAN);
if (!result.ok) throw new Error('the example plan is invalid');
const plan = result.plan;
const analysis = analysePlan(plan);

const gapLabels: GapExportLabels = {
  columns: {
    actor: 'Aktör',
    competence: 'Kompetens',
    category: 'Kategori',
    required: 'Krävs',
    held: 'Har',
    missing: 'Saknas',
    decisionAreas: 'Beslutsområden',
    opensAt: 'Öppnas i',
    status: 'Status',
    actions: 'Insatser',
  },
  status: { open: 'Öppet', closed_in_time: 'Stängt i tid', closed_too_late: 'Stängs för sent', too_low: 'Insatsen räcker inte' },
  category: { domain: 'Fackkunskap', organisational: 'Organisatorisk', leadership: 'Ledarskap' },
  kind: { training: 'Utbildning', recruitment: 'Rekrytering', mentoring: 'Mentorskap', coaching: 'Coachning', other: 'Annan insats' },
  role: { closes: 'stänger gapet', late: 'för sent', low: 'för låg nivå' },
  stage: 'Etapp {{index}}',
  baseline: 'Nuläge',
  level: 'nivå {{level}}',
};

const heatLabels: HeatMapExportLabels = {
  columns: {
    actor: 'Aktör',
    reportsTo: 'Rapporterar till',
    competence: 'Kompetens',
    category: 'Kategori',
    held: 'Har',
    required: 'Krävs',
    missing: 'Saknas',
    newRequirement: 'Nytt krav',
    compareHeld: 'Hade',
    compareRequired: 'Krävdes',
  },
  category: gapLabels.category,
  yes: 'Ja',
  no: 'Nej',
};

const planLabels: DevelopmentPlanExportLabels = {
  columns: {
    actor: 'Aktör',
    competence: 'Kompetens',
    kind: 'Typ av insats',
    description: 'Beskrivning',
    owner: 'Ansvarig',
    targetLevel: 'Nivå efter insatsen',
    beforeStage: 'Klar före',
    doneBy: 'Slutdatum',
    late: 'Kommer för sent',
    costSek: 'Kostnad (kr)',
    effortHours: 'Tid (timmar)',
    unit: 'Enhet',
    closes: 'Stänger gapet i',
    lateFor: 'För sent för',
    lowFor: 'Räcker inte i',
    stage: 'Etapp',
    starts: 'Börjar',
    count: 'Insatser',
  },
  kind: gapLabels.kind,
  stage: 'Etapp {{index}}',
  total: 'Totalt',
  noUnit: 'Utan enhet',
  yes: 'Ja',
  no: 'Nej',
  sheets: { actions: 'Insatser', byStage: 'Per etapp', byUnit: 'Per enhet' },
};

async function readBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

/** Each row's cells across `width` columns; an empty cell reads as ''. */
const valuesOf = (sheet: ExcelJS.Worksheet | undefined, width: number) => {
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? '')));
  return rows;
};

describe(developmentPlanSheets.name, () => {
  const sheets = developmentPlanSheets(developmentPlan(plan, analysis, analysis.gaps), planLabels);

  it('lists every action with its stage, end date, lateness, cost, effort and what it closes', () => {
    const [actions] = sheets;
    expect(actions.name).toBe('Insatser');
    expect(actions.table.rows).toHaveLength(plan.developmentActions.length);
    expect(actions.table.rows.find((r) => r[0] === 'Biståndshandläggare äldre')).toEqual([
      'Biståndshandläggare äldre',
      'Behovsbedömning enligt IBIC',
      'Utbildning',
      'IBIC grund- och fördjupningsutbildning för alla biståndshandläggare.',
      'HR-enheten',
      3,
      'Etapp 2',
      '2027-05-01',
      'Nej',
      120000,
      24,
      'Enhetschef biståndshandläggning äldre',
      'Etapp 2, Etapp 3, Etapp 4',
      '',
      '',
    ]);
    // The leadership programme comes only before stage 4, a stage after the gap opens.
    const late = actions.table.rows.find((r) => r[1] === 'Tillitsbaserat ledarskap');
    expect(late?.slice(6, 9)).toEqual(['Etapp 4', '2028-04-01', 'Ja']);
    expect(late?.[13]).toBe('Etapp 3');
  });

  it('sums cost and effort per stage, in total and per unit', () => {
    const [, byStage, byUnit] = sheets;
    expect(byStage.table.columns).toEqual(['Etapp', 'Börjar', 'Insatser', 'Kostnad (kr)', 'Tid (timmar)']);
    expect(byStage.table.rows).toEqual([
      ['Etapp 1', '2027-01-01', 1, 0, 40],
      ['Etapp 2', '2027-05-01', 1, 120000, 24],
      ['Etapp 3', '2027-10-01', 0, 0, 0],
      ['Etapp 4', '2028-04-01', 2, 75000, 16],
      ['Totalt', '', 4, 195000, 80],
    ]);
    expect(byUnit.table.rows).toEqual([
      ['Enhetschef biståndshandläggning äldre', 1, 120000, 24],
      ['Enhetschef ekonomiskt bistånd', 1, 30000, 16],
      ['Enhetschef hemtjänst', 1, 45000, 0],
      ['Enhetschef hemtjänst Norr', 1, 0, 40],
    ]);
  });

  it('writes a CSV of titled sections and an XLSX of three sheets that read back the same', async () => {
    const csv = toCsvSections(sheets);
    expect(csv.startsWith('\uFEFFInsatser\r\nAktör;Kompetens;Typ av insats;')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
    const blank = parsed.flatMap((r, i) => (r.length === 1 && r[0] === '' ? [i] : []));
    // Three sections, an empty line between each, and the file's last line break.
    expect(blank).toHaveLength(3);
    expect(parsed[blank[0] + 1]).toEqual(['Per etapp']);
    expect(parsed[blank[0] + 2]).toEqual(sheets[1].table.columns);
    expect(parsed[blank[0] + 7]).toEqual(['Totalt', '', '4', '195000', '80']);
    expect(parsed[blank[1] + 1]).toEqual(['Per enhet']);

    const book = await readBook(await toXlsxSheets(sheets));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Insatser', 'Per etapp', 'Per enhet']);
    for (const { name, table } of sheets) expect(valuesOf(book.getWorksheet(name), table.columns.length)).toEqual([table.columns, ...table.rows]);
  });
});

describe(toCsv.name, () => {
  it('writes the gap list with a BOM and semicolons, and reads back the same rows', () => {
    const table = gapTable(gapList(plan, analysis, 3), gapLabels);
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFFAktör;Kompetens;Kategori;')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(table.columns);
    expect(parsed.data.length).toBe(table.rows.length + 1);
    const open = parsed.data.find((r) => r[8] === 'Stängs för sent');
    expect(open).toEqual([
      'Enhetschef hemtjänst',
      'Tillitsbaserat ledarskap',
      'Ledarskap',
      '3',
      '2',
      '1',
      expect.stringMatching(/^\d+(\.\d+)+ /),
      'Etapp 3',
      'Stängs för sent',
      expect.stringContaining('Utbildning ”Kommunens ledarprogram för tillitsbaserat ledarskap.”, nivå 3, Etapp 4 (2028-04-01), för sent'),
    ]);
  });

  it('quotes a field with a semicolon, a quote or a line break', () => {
    const csv = toCsv({ columns: ['a', 'b'], rows: [['x;y', 'say "hi"\nthere']] });
    expect(csv).toBe('\uFEFFa;b\r\n"x;y";"say ""hi""\nthere"\r\n');
  });
});

describe(toXlsx.name, () => {
  it('writes a sheet that reads back with its header and rows', async () => {
    const map = competenceHeatMap(plan, analysis, 3, 2);
    const table = heatMapTable(map, heatLabels);
    const bytes = await toXlsx(table, 'Gapkarta etapp 3');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet('Gapkarta etapp 3');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...table.columns]);
    expect(sheet?.rowCount).toBe(table.rows.length + 1);
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const gap = rows.find((r) => r[0] === 'Enhetschef hemtjänst' && r[2] === 'Tillitsbaserat ledarskap');
    expect(gap).toEqual(['Enhetschef hemtjänst', expect.any(String), 'Tillitsbaserat ledarskap', 'Ledarskap', 2, 3, 1, 'Ja', 0, 0]);
  });
});
