import { Injectable } from '@nestjs/common';
import { analysePlan, foldPlan, Plan } from '@tillit/domain';
import { ExportTable, findingsTable, inLayout, gapsTable, matrixTable, ordinanceTable, writeCsv, writeXlsx } from '@tillit/domain/ordinance';
import { AppError } from '../common/app-error';
import { today } from '../common/today';
import { OrdinanceLayoutRepository } from '../ordinance/ordinance-layout.repository';
import { TransferService } from '../transfer/transfer.service';
import { ordinancePdf } from './ordinance-pdf';

export type ExportFormat = 'xlsx' | 'csv';
export type OrdinanceFormat = ExportFormat | 'pdf';

/** A file to download: its bytes, type and name. */
export interface ExportFile {
  bytes: Buffer;
  type: string;
  fileName: string;
}

const TYPES: Record<OrdinanceFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

/** A file name a person and every browser read: ASCII letters, digits and dashes. */
export function fileSlug(text: string): string {
  return (
    text
      .toLocaleLowerCase('sv-SE')
      .replace(/[åä]/g, 'a')
      .replace(/ö/g, 'o')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'plan'
  );
}

/** The plan's tables as XLSX or CSV: the revised ordinance after a stage, the rollout matrix, the findings, the gaps. */
@Injectable()
export class ExportsService {
  constructor(
    private readonly transfer: TransferService,
    private readonly layouts: OrdinanceLayoutRepository,
  ) {}

  async ordinance(organisationId: string, planId: string, format: OrdinanceFormat, stage?: string): Promise<ExportFile> {
    const plan = await this.transfer.loadPlan(organisationId, planId);
    const k = stageIndexOf(plan, stage);
    const suffix = k === 0 ? 'nulage' : `efter-etapp-${k}`;
    // The layout the ordinance was imported in, else the standard one.
    const table = inLayout(ordinanceTable(plan, foldPlan(plan).states, k), await this.layouts.find(organisationId, planId));
    const name = `delegationsordning-${fileSlug(plan.title)}-${suffix}`;
    if (format !== 'pdf') return this.file(table, format, name);
    const bytes = await ordinancePdf(table, plan.organisation || governingBodyName(table));
    return { bytes, type: TYPES.pdf, fileName: `${name}.pdf` };
  }

  async matrix(organisationId: string, planId: string, format: ExportFormat): Promise<ExportFile> {
    const plan = await this.transfer.loadPlan(organisationId, planId);
    return this.file(matrixTable(plan, analysePlan(plan, { today: today() })), format, `inforandematris-${fileSlug(plan.title)}`);
  }

  async findings(organisationId: string, planId: string, format: ExportFormat, lang: 'sv' | 'en' = 'sv'): Promise<ExportFile> {
    const plan = await this.transfer.loadPlan(organisationId, planId);
    return this.file(
      findingsTable(plan, analysePlan(plan, { today: today() }), lang),
      format,
      `${lang === 'sv' ? 'varningar' : 'findings'}-${fileSlug(plan.title)}`,
    );
  }

  async gaps(organisationId: string, planId: string, format: ExportFormat): Promise<ExportFile> {
    const plan = await this.transfer.loadPlan(organisationId, planId);
    return this.file(gapsTable(plan, analysePlan(plan, { today: today() })), format, `kompetensgap-${fileSlug(plan.title)}`);
  }

  private async file(table: ExportTable, format: ExportFormat, name: string): Promise<ExportFile> {
    const bytes = format === 'xlsx' ? await writeXlsx([table]) : writeCsv(table);
    return { bytes, type: TYPES[format], fileName: `${name}.${format}` };
  }
}

/** `?stage=`: a stage's key (the state after it), `baseline`, or absent for the state after the last stage. */
function stageIndexOf(plan: Plan, stage: string | undefined): number {
  if (stage === undefined) return plan.stages.length;
  if (stage === 'baseline') return 0;
  const i = plan.stages.findIndex((s) => s.id === stage);
  if (i < 0) {
    throw AppError.validation([
      { field: 'stage', code: 'unknown_reference', params: { kind: 'stage' }, reason: 'is not a stage of this plan (give its key, or baseline)' },
    ]);
  }
  return i + 1;
}

/** The body named in the ordinance's title row ("Delegationsordning för Socialnämnden"). */
const governingBodyName = (table: ExportTable) => table.title[0]?.replace(/^Delegationsordning för /, '') ?? 'Tillit';
