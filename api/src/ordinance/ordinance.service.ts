import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, OrdinanceImportResponse, OrdinancePreviewResponse } from '@tillit/contract';
import { foldPlan, Plan, validatePlan } from '@tillit/domain';
import {
  interpretOrdinance,
  isEmptyOrdinance,
  layoutOfPreview,
  OrdinanceFileError,
  OrdinanceImport,
  ordinanceImport,
  OrdinanceMapping,
  ordinanceMappingSchema,
  OrdinanceMappingError,
  OrdinancePreview,
  readSource,
  withOrdinance,
} from '@tillit/domain/ordinance';
import { DataSource, EntityManager } from 'typeorm';
import { ActorEntity } from '../actors/actor.entity';
import { AuditRepository } from '../audit/audit.repository';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { zodFieldErrors } from '../common/validation';
import { DecisionAreaEntity } from '../decision-areas/decision-area.entity';
import { DecisionRightEntity } from '../decision-areas/decision-right.entity';
import { actorRows, changeRows, decisionAreaRows, rightRows, stageRows } from '../plans/content/model-rows';
import { insertRows, PlanContentRepository, WriteScope } from '../plans/content/plan-content.repository';
import { planFieldError } from '../plans/content/referrers';
import { nextPosition } from '../plans/entities/model.repository';
import { assertNotFrozen, PlanStore } from '../plans/plan-store';
import { PlansRepository } from '../plans/plans.repository';
import { PlanChangeEntity } from '../stages/plan-change.entity';
import { StageEntity } from '../stages/stage.entity';
import { OrdinanceLayoutRepository } from './ordinance-layout.repository';
import { OrdinancePreviewRepository } from './ordinance-preview.repository';

/** The multipart upload as the interceptor leaves it. */
export interface OrdinanceUpload {
  file?: { buffer: Buffer; originalname?: string; size: number };
  fields: Record<string, unknown>;
  contentType: string;
}

/** A delegation ordinance from CSV or XLSX: a preview that writes nothing, and the import in one transaction. */
@Injectable()
export class OrdinanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
    private readonly store: PlanStore,
    private readonly content: PlanContentRepository,
    private readonly audit: AuditRepository,
    private readonly layouts: OrdinanceLayoutRepository,
    private readonly previews: OrdinancePreviewRepository,
  ) {}

  async preview(auth: AuthContext, planId: string, upload: OrdinanceUpload): Promise<OrdinancePreviewResponse> {
    const found = await this.plans.find(auth.organisationId, planId);
    if (!found) throw AppError.notFound('Plan');
    // A frozen plan cannot take the import, so its preview is refused too.
    assertNotFrozen(found.status);
    const { bytes, mapping } = this.read(upload);
    const plan = await this.planOf(this.dataSource.manager, auth.organisationId, planId, found.title, found.purpose);
    const preview = await this.interpret(bytes, mapping, plan);
    // Kept for the import, which may then send the preview's id instead of the file.
    const stored = await this.previews.store(auth.organisationId, planId, bytes, upload.file?.originalname ?? null);
    return {
      planVersion: found.version,
      target: isEmptyOrdinance(plan) ? 'baseline' : 'stage',
      preview,
      previewId: stored.id,
      expiresAt: stored.expiresAt.toISOString(),
    };
  }

  async import(auth: AuthContext, planId: string, upload: OrdinanceUpload): Promise<OrdinanceImportResponse> {
    const found = await this.plans.find(auth.organisationId, planId);
    if (!found) throw AppError.notFound('Plan');
    assertNotFrozen(found.status);
    const version = versionOf(upload.fields.version);
    const { bytes, mapping, fileName } = await this.readForImport(auth.organisationId, planId, upload);
    return this.store.write(auth.organisationId, planId, async ({ em, scope, plan: claimed }) => {
      if (!(await this.plans.bumpPlanVersionWith(em, auth.organisationId, planId, version))) {
        const current = await this.plans.findWith(em, auth.organisationId, planId);
        throw AppError.versionConflict('Plan', current?.version ?? version);
      }
      const plan = await this.planOf(em, auth.organisationId, planId, claimed.title, claimed.purpose);
      const preview = await this.interpret(bytes, mapping, plan);
      const errors = preview.problems.filter((p) => p.severity === 'error');
      if (errors.length) {
        throw AppError.validation([
          {
            field: 'file',
            code: 'ordinance_errors',
            params: { count: errors.length, lines: [...new Set(errors.flatMap((e) => (e.line ? [e.line] : [])))].slice(0, 50) },
            reason: `the ordinance has ${errors.length} row error(s): fix them in the preview first`,
          },
        ]);
      }
      const imported = ordinanceImport(plan, preview, { stageName: mapping.stageName });
      const next = withOrdinance(plan, imported);
      const check = validatePlan(next);
      if (!check.ok) throw AppError.validation(check.errors.map((e) => planFieldError(e, next, 'file')));
      await em.query('SET CONSTRAINTS ALL DEFERRED');
      await this.insert(em, scope, imported);
      await this.layouts.save(em, auth.organisationId, planId, layoutOfPreview(preview));
      const result: OrdinanceImportResponse =
        imported.target === 'baseline'
          ? {
              version: version + 1,
              target: 'baseline',
              actors: imported.actors.length,
              decisionAreas: imported.decisionAreas.length,
              stageId: null,
              changes: 0,
              unchanged: [],
            }
          : {
              version: version + 1,
              target: 'stage',
              actors: imported.stage.changes.filter((c) => c.type === 'add_actor').length,
              decisionAreas: imported.stage.changes.filter((c) => c.type === 'add_decision_area').length,
              stageId: imported.stage.id,
              changes: imported.stage.changes.length,
              unchanged: imported.unchanged,
            };
      await this.audit.appendFor(em, auth, {
        action: 'ordinance.import',
        entity: 'plan',
        entityId: planId,
        before: { version },
        after: { ...result, unchanged: result.unchanged.length, file: fileName, format: preview.format },
      });
      return result;
    });
  }

  /**
   * The import's file: the stored preview's when `previewId` is sent (404 for an id this organisation's plan
   * does not have, 410 once expired), else the uploaded one.
   */
  private async readForImport(
    organisationId: string,
    planId: string,
    upload: OrdinanceUpload,
  ): Promise<{ bytes: Buffer; mapping: OrdinanceMapping; fileName: string | null }> {
    const raw = upload.fields.previewId;
    if (raw === undefined || raw === '') return { ...this.read(upload), fileName: upload.file?.originalname ?? null };
    if (upload.file) {
      throw AppError.validation([{ field: 'previewId', code: 'invalid', reason: 'send either the file or the preview’s id, not both' }]);
    }
    const id = String(raw).trim().toLowerCase();
    if (!UUID.test(id))
      throw AppError.validation([{ field: 'previewId', code: 'invalid_format', params: { format: 'uuid' }, reason: 'must be a UUID' }]);
    const stored = await this.previews.find(organisationId, planId, id);
    if (stored.state === 'missing') throw AppError.notFound('Preview');
    if (stored.state === 'expired') {
      throw new AppError(ErrorCode.Gone, 'The preview has expired: upload the file again for a new preview');
    }
    const { mapping } = this.read({ ...upload, file: { buffer: stored.file, size: stored.file.length } });
    return { bytes: stored.file, mapping, fileName: stored.fileName };
  }

  /** The upload's bytes and mapping, or the 400/415 that says what is wrong with them. */
  private read(upload: OrdinanceUpload): { bytes: Buffer; mapping: OrdinanceMapping } {
    if (!/^multipart\/form-data/i.test(upload.contentType)) {
      throw new AppError(
        ErrorCode.UnsupportedMediaType,
        `Send the ordinance as multipart/form-data with the file in the field "file" (got ${upload.contentType || 'no content type'})`,
      );
    }
    if (!upload.file) throw AppError.validation([{ field: 'file', code: 'required', reason: 'is required: the ordinance as CSV or XLSX' }]);
    let mapping: unknown = {};
    const raw = upload.fields.mapping;
    if (raw !== undefined && raw !== '') {
      try {
        mapping = JSON.parse(String(raw));
      } catch {
        throw AppError.validation([{ field: 'mapping', code: 'invalid_json', reason: 'is not valid JSON' }]);
      }
    }
    const parsed = ordinanceMappingSchema.safeParse(mapping);
    if (!parsed.success) {
      // Fields inside the mapping, named from the upload: `mapping.headerRow`.
      throw AppError.validation(zodFieldErrors(parsed.error, mapping, '').map((e) => ({ ...e, field: e.field ? `mapping.${e.field}` : 'mapping' })));
    }
    return { bytes: upload.file.buffer, mapping: parsed.data };
  }

  private async interpret(bytes: Buffer, mapping: OrdinanceMapping, plan: Plan): Promise<OrdinancePreview> {
    try {
      const table = await readSource(bytes, { encoding: mapping.encoding, separator: mapping.separator });
      const state = foldPlan(plan).states.at(-1);
      const actors = state ? [...state.actors.values()].filter((a) => !a.retired) : plan.actors;
      return interpretOrdinance(table, { mapping, actors });
    } catch (err) {
      if (err instanceof OrdinanceFileError) {
        if (err.code === 'not_a_table' || err.code === 'legacy_xls' || err.code === 'not_xlsx') {
          throw new AppError(ErrorCode.UnsupportedMediaType, `${err.message}: upload the ordinance as CSV or XLSX`);
        }
        throw AppError.validation([{ field: 'file', code: err.code === 'empty_file' ? 'empty_file' : 'damaged_file', reason: err.message }]);
      }
      if (err instanceof OrdinanceMappingError) throw AppError.validation([{ field: err.field, code: err.code, reason: err.message }]);
      throw err;
    }
  }

  private async planOf(em: EntityManager, organisationId: string, planId: string, title: string, purpose: string): Promise<Plan> {
    const result = validatePlan(await this.content.load(em, { organisationId, planId }, title, purpose));
    // Every write is validated, so stored content is always a valid plan; this is a bug if it happens.
    if (!result.ok) throw new Error(`Stored plan ${planId} is not valid`);
    return result.plan;
  }

  /** Only the new rows: after the plan's own, in the order of the file. */
  private async insert(em: EntityManager, scope: WriteScope, imported: OrdinanceImport): Promise<void> {
    const after = (entity: new () => ActorEntity | DecisionAreaEntity | DecisionRightEntity | StageEntity | PlanChangeEntity) =>
      nextPosition(em, entity, scope.planId);
    if (imported.target === 'baseline') {
      await insertRows(em, ActorEntity, scope, imported.actors.map(actorRows.toRow), await after(ActorEntity));
      await insertRows(em, DecisionAreaEntity, scope, imported.decisionAreas.map(decisionAreaRows.toRow), await after(DecisionAreaEntity));
      await insertRows(em, DecisionRightEntity, scope, imported.rights.map(rightRows.toRow), await after(DecisionRightEntity));
      return;
    }
    const { changes, ...stage } = imported.stage;
    const [row] = await insertRows(em, StageEntity, scope, [stageRows.toRow(stage)], await after(StageEntity), 'keys');
    await insertRows(
      em,
      PlanChangeEntity,
      scope,
      changes.map((c) => changeRows.toRow(c, row.id)),
      await after(PlanChangeEntity),
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function versionOf(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1) {
    throw AppError.validation([{ field: 'version', code: 'required', reason: 'is required: the plan version last read, a whole number from 1' }]);
  }
  return n;
}
