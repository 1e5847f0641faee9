import * as fs from 'node:fs';
import * as path from 'node:path';
import { analysePlan } from '../engine/analyse';
import { foldPlan } from '../engine/state';
import { validatePlan } from '../format/validate';
import { Plan } from '../model/types';
import { PlanBuilder } from '../testing/plan-builder';
import { ExportTable, findingsTable, inLayout, layoutOfPreview, matrixTable, ORDINANCE_EXPORT_HEADER, ordinanceTable } from './export-tables';
import { interpretOrdinance } from './interpret';
import { readSource } from './source';
import { ordinanceImport, withOrdinance } from './to-plan';
import { writeCsv, writeXlsx } from './write-table';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const emptyPlan = (title = 'Tom'): Plan => {
  const v = validatePlan({ formatVersion: 1, title });
  if (!v.ok) throw new Error('invalid');
  return v.plan;
};

/** A plan made by importing a file into an empty plan, as the API does. */
async function imported(bytes: Uint8Array, title = 'Plan'): Promise<Plan> {
  const plan = emptyPlan(title);
  const preview = interpretOrdinance(await readSource(bytes), {});
  expect(preview.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const next = withOrdinance(plan, ordinanceImport(plan, preview));
  const v = validatePlan(next);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.plan;
}

/** What must survive a round trip: each matter and its right, by the names of the actors. */
function ordinanceOf(plan: Plan) {
  const state = foldPlan(plan).states.at(-1)!;
  const name = (id?: string | null) => (id ? state.actors.get(id)?.name : undefined);
  return [...state.areas.values()]
    .filter((a) => !a.retired)
    .map((a) => {
      const r = state.rights.get(a.id)!;
      return {
        code: a.code,
        title: a.title,
        section: a.section,
        legalBasis: a.legalBasis,
        limit: a.limit,
        limitValue: a.limitValue,
        remark: a.remark,
        kind: a.kind,
        nonDelegable: a.nonDelegable,
        restriction: a.delegationRestriction?.to,
        decider: name(r.deciderId),
        delegator: name(r.delegatorId),
        level: r.level,
        reportingTo: name(r.reporting?.toId),
        substitute: name(r.substituteId),
        mayDelegateFurther: r.mayDelegateFurther,
      };
    });
}

describe(ordinanceTable.name, () => {
  it.each(['socialnamnd-utf8-bom.csv', 'socialnamnd.xlsx', 'kommunstyrelse-windows1252.csv', 'kommunstyrelse.xlsx'])(
    'gives the same decision areas, rights and sections when %s is imported, exported as CSV and XLSX, and imported again',
    async (name) => {
      const plan = await imported(fixture(name));
      const table = ordinanceTable(plan, foldPlan(plan).states, 0);
      for (const bytes of [writeCsv(table), await writeXlsx([table])]) {
        const again = await imported(bytes);
        expect(ordinanceOf(again)).toEqual(ordinanceOf(plan));
      }
    },
  );

  it('marks an execution matter as verkställighet when its words do not say so, and reads it back as one', async () => {
    const base = await imported(fixture('socialnamnd-utf8-bom.csv'));
    const area = base.decisionAreas.find((a) => a.code === '2.1')!;
    const plan: Plan = {
      ...base,
      decisionAreas: base.decisionAreas.map((a) => (a.id === area.id ? { ...a, kind: 'execution' as const } : a)),
      baseline: base.baseline.map((r) => (r.decisionAreaId === area.id ? { ...r, level: 7 as const, reporting: null } : r)),
    };
    const table = ordinanceTable(plan, foldPlan(plan).states, 0);
    const row = table.rows.find((r) => 'cells' in r && r.cells[0] === '2.1');
    expect(row && 'cells' in row && row.cells[2]).toBe('Socialsekreterare (verkställighet)');
    const again = ordinanceOf(await imported(writeCsv(table))).find((a) => a.code === '2.1');
    expect(again).toMatchObject({ kind: 'execution', decider: 'Socialsekreterare', level: 7, reportingTo: undefined });
  });

  it('writes CSV as Swedish Excel opens it: a byte-order mark, ";" and the importer’s column names', () => {
    const plan = emptyPlan();
    const csv = writeCsv(ordinanceTable(plan, foldPlan(plan).states, 0));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('Nr;Ärende;Delegat;Ersättare;Vidaredelegering;Lagrum;Begränsning;Anmäls;Anmärkning;Ändrad\r\n');
  });

  it('puts the sections as headings and marks the rows a stage changed, leaving retired matters out', async () => {
    const base = await imported(fixture('socialnamnd-utf8-bom.csv'));
    const state = foldPlan(base).states[0];
    const moved = [...state.areas.values()].find((a) => a.code === '2.1')!;
    const retired = [...state.areas.values()].find((a) => a.code === '2.3')!;
    const head = [...state.actors.values()].find((a) => a.name === 'Socialchef')!;
    const plan: Plan = {
      ...base,
      stages: [
        {
          id: 's1',
          name: 'Tillit i biståndet',
          goal: '',
          gateCriteria: [],
          changes: [
            { id: 'c1', type: 'move_decision', decisionAreaId: moved.id, toDeciderId: head.id, principleIds: [] },
            { id: 'c2', type: 'retire_decision_area', decisionAreaId: retired.id, principleIds: [] },
          ],
        },
      ],
    };
    const table = ordinanceTable(plan, foldPlan(plan).states, 1);
    const rows = table.rows.map((r) => ('heading' in r ? `# ${r.heading}` : `${r.cells[0]} ${r.cells[2]} ${r.cells[9]}`));
    expect(rows).toContain('2.1 Socialchef ny delegat');
    expect(rows.find((r) => r.startsWith('2.3 '))).toBeUndefined();
    expect(rows.slice(rows.indexOf('# 2. SOCIALTJÄNSTLAGEN (SoL)'), rows.indexOf('# 2. SOCIALTJÄNSTLAGEN (SoL)') + 2)).toEqual([
      '# 2. SOCIALTJÄNSTLAGEN (SoL)',
      '# Bistånd',
    ]);
    expect(table.title[1]).toBe('Plan. Efter etapp 1: Tillit i biståndet.');
    const marked = table.rows.filter((r) => 'cells' in r && r.marked).map((r) => ('cells' in r ? r.cells[0] : ''));
    expect(marked).toEqual(['2.1']);
    // Read back, the change mark is passed over, not kept as a remark.
    const again = ordinanceOf(await imported(writeCsv(table))).find((a) => a.code === '2.1');
    expect(again).toMatchObject({ decider: 'Socialchef', remark: undefined });
  });
});

describe(matrixTable.name, () => {
  it('has a column per state with the decider and level, and marks what changed', async () => {
    const base = await imported(fixture('socialnamnd-utf8-bom.csv'));
    const area = base.decisionAreas.find((a) => a.code === '2.1')!;
    const head = base.actors.find((a) => a.name === 'Socialchef')!;
    const plan: Plan = {
      ...base,
      stages: [
        {
          id: 's1',
          name: 'Etapp',
          goal: '',
          gateCriteria: [],
          changes: [{ id: 'c1', type: 'move_decision', decisionAreaId: area.id, toDeciderId: head.id, principleIds: [] }],
        },
      ],
    };
    const table = matrixTable(plan, analysePlan(plan));
    expect(table.header).toEqual(['Nr', 'Beslutsområde', 'Avsnitt', 'Nuläge', 'Etapp 1: Etapp']);
    const row = table.rows.find((r) => 'cells' in r && r.cells[0] === '2.1');
    expect(row).toEqual({ cells: ['2.1', area.title, area.section, 'Socialsekreterare, nivå 6', 'Socialchef, nivå 6 (ny delegat)'], marked: true });
  });

  it('lists every decision area of a grouped finding, where its message names five', () => {
    let b = PlanBuilder.aPlan();
    // Seven areas with no decider: one cause, one finding.
    for (let i = 1; i <= 7; i++) b = b.area(`x${i}`, { code: `1.${i}`, title: `Ärende ${i}` }, null);
    const plan = b.build();
    for (const lang of ['sv', 'en'] as const) {
      const table = findingsTable(plan, analysePlan(plan), lang);
      const rows = table.rows.filter((r) => 'cells' in r && r.cells[2] === 'integrity.no_decider');
      expect(rows).toHaveLength(1);
      const cells = (rows[0] as { cells: string[] }).cells;
      expect(cells[3]).toContain(lang === 'sv' ? 'och 2 till' : 'and 2 more');
      expect(cells[5]).toBe('1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7');
      expect(table.header[5]).toBe(lang === 'sv' ? 'Beslutsområden' : 'Decision areas');
    }
  });
});

describe(inLayout.name, () => {
  const table: ExportTable = {
    sheet: 'Delegationsordning',
    title: ['Delegationsordning för Nämnden'],
    header: [...ORDINANCE_EXPORT_HEADER],
    rows: [
      { heading: 'Personal', level: 1 },
      { cells: ['1.1', 'Anställning', 'Enhetschef', '', '', 'LAS', '', 'Ja', 'Kommentar: efter samråd', 'ny delegat'], marked: true },
      { cells: ['1.2', 'Uppsägning', 'Socialchef', 'Avdelningschef', '', '7 § LAS', '', 'Ja', '', ''] },
    ],
  };

  it('writes the file’s columns in its order and names, a column with no field blank, a second column of a field blank, and the marks last', () => {
    const out = inLayout(table, {
      columns: [
        { header: 'Punkt', field: 'code' },
        { header: 'Lag', field: 'legalBasis' },
        { header: 'Delegationens art', field: 'matter' },
        { header: 'Beslutsfattare', field: 'delegate' },
        { header: 'Diarienr', field: null },
        { header: 'Kommentar', field: 'remark' },
        { header: 'Anteckning', field: 'remark' },
      ],
    });
    // Ersättare and Anmäls have values, so they follow the file's own columns; Vidaredelegering and Begränsning have none.
    expect(out.header).toEqual([
      'Punkt',
      'Lag',
      'Delegationens art',
      'Beslutsfattare',
      'Diarienr',
      'Kommentar',
      'Anteckning',
      'Ersättare',
      'Anmäls',
      'Ändrad',
    ]);
    expect(out.rows[0]).toEqual({ heading: 'Personal', level: 1 });
    expect(out.rows[1]).toEqual({
      cells: ['1.1', 'LAS', 'Anställning', 'Enhetschef', '', 'Kommentar: efter samråd', '', '', 'Ja', 'ny delegat'],
      marked: true,
    });
    expect(out.rows[2]).toEqual({ cells: ['1.2', '7 § LAS', 'Uppsägning', 'Socialchef', '', '', '', 'Avdelningschef', 'Ja', ''] });
  });

  it('keeps the standard layout without one', () => {
    expect(inLayout(table, null)).toBe(table);
    expect(inLayout(table, { columns: [] })).toBe(table);
  });
});

describe(layoutOfPreview.name, () => {
  it('takes every column with a header, in the file’s order, and leaves out the ignored and the headerless', () => {
    expect(
      layoutOfPreview({
        columns: [
          { index: 0, header: 'Punkt', field: 'code', manual: false },
          { index: 1, header: ' Beslutsärende ', field: 'matter', manual: false },
          { index: 2, header: '', field: null, manual: false },
          { index: 3, header: 'Diarienr', field: null, manual: false },
          { index: 4, header: 'Ändrad', field: 'ignore', manual: false },
        ],
      }),
    ).toEqual({
      columns: [
        { header: 'Punkt', field: 'code' },
        { header: 'Beslutsärende', field: 'matter' },
        { header: 'Diarienr', field: null },
      ],
    });
  });
});
