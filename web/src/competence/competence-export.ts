import { Analysis, competenceHeatMap, CompetenceHeatMap, developmentPlan, DevelopmentPlan, gapList, GapRow, GapStatus, Plan } from '@tillit/domain';
import Papa from 'papaparse';
import { GapFilter, matchesGap } from './competence-answers';

// The gap list, the heat map and the development plan as spreadsheets (CSV with `;` and a UTF-8 BOM, as Swedish Excel opens it,
// and XLSX). Built in the analysis worker, which holds the rows; the page sends the words in its language.

export type Cell = string | number;
export type Table = { columns: string[]; rows: Cell[][] };
/** A table with a name: a sheet of an XLSX, a titled section of a CSV. */
export type Sheet = { name: string; table: Table };

export interface GapExportLabels {
  columns: {
    actor: string;
    competence: string;
    category: string;
    required: string;
    held: string;
    missing: string;
    decisionAreas: string;
    opensAt: string;
    status: string;
    actions: string;
  };
  status: Record<GapStatus, string>;
  category: Record<string, string>;
  kind: Record<string, string>;
  role: Record<'closes' | 'late' | 'low', string>;
  /** "Etapp {{index}}" */
  stage: string;
  baseline: string;
  /** "nivå {{level}}" */
  level: string;
}

export interface HeatMapExportLabels {
  columns: {
    actor: string;
    reportsTo: string;
    competence: string;
    category: string;
    held: string;
    required: string;
    missing: string;
    newRequirement: string;
    compareHeld: string;
    compareRequired: string;
  };
  category: Record<string, string>;
  yes: string;
  no: string;
}

export interface DevelopmentPlanExportLabels {
  columns: {
    actor: string;
    competence: string;
    kind: string;
    description: string;
    owner: string;
    targetLevel: string;
    beforeStage: string;
    doneBy: string;
    late: string;
    costSek: string;
    effortHours: string;
    unit: string;
    closes: string;
    lateFor: string;
    lowFor: string;
    stage: string;
    starts: string;
    count: string;
  };
  kind: Record<string, string>;
  /** "Etapp {{index}}" */
  stage: string;
  total: string;
  noUnit: string;
  yes: string;
  no: string;
  sheets: { actions: string; byStage: string; byUnit: string };
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

export function gapTable(rows: GapRow[], labels: GapExportLabels): Table {
  const c = labels.columns;
  const stage = (index: number | null) => (index === null ? '' : index === 0 ? labels.baseline : fill(labels.stage, { index }));
  return {
    columns: [c.actor, c.competence, c.category, c.required, c.held, c.missing, c.decisionAreas, c.opensAt, c.status, c.actions],
    rows: rows.map((r) => [
      r.actorName,
      r.competenceName,
      labels.category[r.category] ?? r.category,
      r.required,
      r.held,
      Math.max(0, r.required - r.held),
      r.decisionAreas.map((a) => a.label).join('; '),
      stage(r.opensAt),
      labels.status[r.status],
      r.actions
        .map((a) =>
          [
            `${labels.kind[a.kind] ?? a.kind}${a.description ? ` ”${a.description}”` : ''}`,
            fill(labels.level, { level: a.targetLevel }),
            `${stage(a.beforeStageIndex)}${a.doneBy ? ` (${a.doneBy})` : ''}`,
            labels.role[a.role],
          ].join(', '),
        )
        .join('; '),
    ]),
  };
}

/** One row per actor and competence that is held or required (a spreadsheet filters and pivots it). */
export function heatMapTable(map: CompetenceHeatMap, labels: HeatMapExportLabels): Table {
  const c = labels.columns;
  const names = new Map(map.actors.map((a) => [a.id, a.name]));
  const compare = map.compareHeld !== null && map.compareRequired !== null;
  const rows: Cell[][] = [];
  const n = map.competences.length;
  map.actors.forEach((actor, row) => {
    map.competences.forEach((competence, col) => {
      const i = row * n + col;
      const held = map.held[i];
      const required = map.required[i];
      const before = compare ? (map.compareRequired as Uint8Array)[i] : 0;
      if (held === 0 && required === 0 && (!compare || ((map.compareHeld as Uint8Array)[i] === 0 && before === 0))) return;
      rows.push([
        actor.name,
        actor.parentId ? (names.get(actor.parentId) ?? '') : '',
        competence.name,
        labels.category[competence.category] ?? competence.category,
        held,
        required,
        Math.max(0, required - held),
        ...(compare ? [required > before ? labels.yes : labels.no, (map.compareHeld as Uint8Array)[i], before] : []),
      ]);
    });
  });
  return {
    columns: [
      c.actor,
      c.reportsTo,
      c.competence,
      c.category,
      c.held,
      c.required,
      c.missing,
      ...(compare ? [c.newRequirement, c.compareHeld, c.compareRequired] : []),
    ],
    rows,
  };
}

/**
 * The development plan as three tables: every action (who, what, by when, whether it comes too late, cost,
 * effort, what it closes), then cost and effort summed per stage (and in total) and per unit.
 */
export function developmentPlanSheets(dp: DevelopmentPlan, labels: DevelopmentPlanExportLabels): Sheet[] {
  const c = labels.columns;
  const stage = (index: number | null) => (index === null ? '' : fill(labels.stage, { index }));
  const stages = (list: number[]) => [...new Set(list)].map(stage).join(', ');
  const actions: Table = {
    columns: [
      c.actor,
      c.competence,
      c.kind,
      c.description,
      c.owner,
      c.targetLevel,
      c.beforeStage,
      c.doneBy,
      c.late,
      c.costSek,
      c.effortHours,
      c.unit,
      c.closes,
      c.lateFor,
      c.lowFor,
    ],
    rows: dp.actions.map((r) => [
      r.actorName,
      r.competenceName,
      labels.kind[r.action.kind] ?? r.action.kind,
      r.action.description ?? '',
      r.action.owner ?? '',
      r.action.targetLevel,
      stage(r.beforeStageIndex),
      r.doneBy ?? '',
      r.lateFor.length > 0 ? labels.yes : labels.no,
      r.action.costSek ?? '',
      r.action.effortHours ?? '',
      r.unitName ?? labels.noUnit,
      stages(r.closes),
      stages(r.lateFor),
      stages(r.lowFor),
    ]),
  };
  const byStage: Table = {
    columns: [c.stage, c.starts, c.count, c.costSek, c.effortHours],
    rows: [
      ...dp.byStage.map((s) => [stage(s.stageIndex), dp.stages[s.stageIndex - 1]?.startDate ?? '', s.count, s.costSek, s.effortHours]),
      [labels.total, '', dp.total.count, dp.total.costSek, dp.total.effortHours],
    ],
  };
  const byUnit: Table = {
    columns: [c.unit, c.count, c.costSek, c.effortHours],
    rows: dp.byUnit.map((u) => [u.unitName ?? labels.noUnit, u.count, u.costSek, u.effortHours]),
  };
  return [
    { name: labels.sheets.actions, table: actions },
    { name: labels.sheets.byStage, table: byStage },
    { name: labels.sheets.byUnit, table: byUnit },
  ];
}

/** CSV as Swedish spreadsheets read it: `;` between fields, CRLF, UTF-8 with a byte order mark. */
export function toCsv(table: Table): string {
  return `\uFEFF${Papa.unparse({ fields: table.columns, data: table.rows }, { delimiter: ';', newline: '\r\n', quotes: false })}\r\n`;
}

/**
 * Several tables in one CSV, for a spreadsheet to open as one sheet: each under a line with its name, its
 * own header, and an empty line between them.
 */
export function toCsvSections(sheets: Sheet[]): string {
  const sections = sheets.map(({ name, table }) =>
    Papa.unparse([[name], table.columns, ...table.rows], { delimiter: ';', newline: '\r\n', quotes: false }),
  );
  return `\uFEFF${sections.join('\r\n\r\n')}\r\n`;
}

export async function toXlsx(table: Table, sheetName: string): Promise<Uint8Array> {
  return toXlsxSheets([{ name: sheetName, table }]);
}

/** An XLSX with a sheet per table: a bold, frozen header with filters, columns as wide as their text. */
export async function toXlsxSheets(sheets: Sheet[]): Promise<Uint8Array> {
  // Loaded on the first export only: exceljs is large.
  const loaded = await import('exceljs');
  const ExcelJS = ((loaded as unknown as { default?: typeof loaded }).default ?? loaded) as typeof loaded;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tillit';
  for (const { name, table } of sheets) {
    // Sheet names may not hold []:*?/\ and are at most 31 characters.
    const sheet = workbook.addWorksheet(name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.columns).font = { bold: true };
    // An empty field is an empty cell, not a cell holding an empty text.
    for (const row of table.rows) sheet.addRow(row.map((v) => (v === '' ? null : v)));
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(table.columns[i]?.length ?? 0, ...table.rows.slice(0, 500).map((r) => String(r[i] ?? '').length));
      column.width = Math.min(60, Math.max(8, longest + 2));
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const CSV_MIME = 'text/csv;charset=utf-8';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ExportFormat = 'csv' | 'xlsx';

export type ExportRequest =
  | { what: 'gaps'; format: ExportFormat; stageIndex: number; filter: GapFilter; labels: GapExportLabels; sheet: string }
  | { what: 'heatMap'; format: ExportFormat; stageIndex: number; compareIndex: number | null; labels: HeatMapExportLabels; sheet: string }
  | { what: 'developmentPlan'; format: ExportFormat; labels: DevelopmentPlanExportLabels };

export interface ExportFile {
  bytes: Uint8Array;
  mime: string;
}

/**
 * The file of an export, made where the analysis is (the worker): the gap list (as filtered), the heat map,
 * or the whole development plan with its sums.
 */
export async function exportFile(plan: Plan, analysis: Analysis, request: ExportRequest): Promise<ExportFile> {
  if (request.what === 'developmentPlan') {
    const sheets = developmentPlanSheets(developmentPlan(plan, analysis, analysis.gaps), request.labels);
    if (request.format === 'csv') return { bytes: new TextEncoder().encode(toCsvSections(sheets)), mime: CSV_MIME };
    return { bytes: await toXlsxSheets(sheets), mime: XLSX_MIME };
  }
  const k = Math.max(0, Math.min(request.stageIndex, analysis.states.length - 1));
  const table =
    request.what === 'gaps'
      ? gapTable(
          gapList(plan, analysis, k).filter((r) => matchesGap(r, request.filter)),
          request.labels,
        )
      : heatMapTable(competenceHeatMap(plan, analysis, k, request.compareIndex), request.labels);
  if (request.format === 'csv') return { bytes: new TextEncoder().encode(toCsv(table)), mime: CSV_MIME };
  return { bytes: await toXlsx(table, request.sheet), mime: XLSX_MIME };
}
