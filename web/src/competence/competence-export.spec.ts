import { analysePlan, competenceHeatMap, EXAMPLE_PLAN, gapList, validatePlan } from '@tillit/domain';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { gapTable, GapExportLabels, heatMapTable, HeatMapExportLabels, toCsv, toXlsx } from './competence-export';

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
