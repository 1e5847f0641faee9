import { Injectable } from '@nestjs/common';
import { analysePlan, foldPlan, Plan } from '@tillit/domain';
import { ExportTable, findingsTable, gapsTable, matrixTable, ordinanceTable, writeCsv, writeXlsx } from '@tillit/domain/ordinance';
import { AppError } from '../common/app-error';
import { today } from '../common/today';
import { TransferService } from '../transfer/transfer.service';

export type ExportFormat = 'xlsx' | 'csv';

/** A file to download: its bytes, type and name. */
export interface ExportFile {
  bytes: Buffer;
  type: string;
  fileName: string;
}

const TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
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
  constructor(private readonly transfer: TransferService) {}

  async ordinance(organisationId: string, planId: string, format: ExportFormat, stage?: string): Promise<ExportFile> {
    const plan = await this.transfer.loadPlan(organisationId, planId);
    const k = stageIndexOf(plan, stage);
    const suffix = k === 0 ? 'nulage' : `efter-etapp-${k}`;
    return this.file(ordinanceTable(plan, foldPlan(plan).states, k), format, `delegationsordning-${fileSlug(plan.title)}-${suffix}`);
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
