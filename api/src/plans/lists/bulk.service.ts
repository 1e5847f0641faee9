import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  changeSchema,
  clarityAssessmentSchema,
  decisionRightSchema,
  definitionSchema,
  holdingSchema,
  settingsSchema,
  validatePlan,
} from '@tillit/domain';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditRepository } from '../../audit/audit.repository';
import { AuthContext } from '../../common/auth-context';
import { AppError } from '../../common/app-error';
import { parseBody } from '../../common/validation';
import { planFieldError } from '../content/referrers';
import { deleteRowsOf, insertRows, PlanContentRepository, rowsOf, Scope, WriteScope } from '../content/plan-content.repository';
import { changeRows, principleRows } from '../content/model-rows';
import { nextPosition } from '../entities/model.repository';
import { PlanRow } from '../plan-row.base-entity';
import { PlanEntity } from '../plan.entity';
import { PlanStore } from '../plan-store';
import { PlansRepository } from '../plans.repository';
import { PrincipleEntity } from '../principle.entity';
import { PlanChangeEntity } from '../../stages/plan-change.entity';
import { StageEntity } from '../../stages/stage.entity';
import { ROWS, RowSpec } from './plan-rows';

const version = z.int().min(1);
const baselineBody = z.object({ version, rights: z.array(decisionRightSchema) }).strict();
const changesBody = z.object({ version, changes: z.array(changeSchema) }).strict();
const orderBody = z.object({ version, stageIds: z.array(z.string().min(1).max(100)) }).strict();
const holdingsBody = z.object({ version, holdings: z.array(holdingSchema) }).strict();
const clarityBody = z.object({ version, clarity: z.array(clarityAssessmentSchema) }).strict();
const definitionBody = z.object({ version, definition: definitionSchema.nullable() }).strict();
const settingsBody = z.object({ version, settings: settingsSchema }).strict();

const parse = <T>(schema: z.ZodType<T>, body: unknown): T => parseBody(schema, body);

/**
 * Writes that a screen makes in one go, atomically: the whole baseline, a stage's list of changes, the
 * order of the stages. Each checks the whole plan before it commits.
 */
@Injectable()
export class BulkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PlanStore,
    private readonly plans: PlansRepository,
    private readonly content: PlanContentRepository,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * A plan-wide list as the plan format has it, with the plan's version (what a bulk write names) and each
   * row's own version, in the same order (what a write of one row names).
   */
  async read(auth: AuthContext, planId: string, list: 'baseline' | 'holdings' | 'clarity'): Promise<Record<string, unknown>> {
    const read = <T extends object, E extends PlanRow>(em: EntityManager, spec: RowSpec<T, E>) =>
      rowsOf(em, spec.entity, { organisationId: auth.organisationId, planId }).then((rows) => ({
        items: rows.map((r) => spec.fromRow(r)),
        versions: rows.map((r) => r.version),
      }));
    return this.dataSource.transaction(async (em) => {
      const plan = await this.plans.findWith(em, auth.organisationId, planId);
      if (!plan) throw AppError.notFound('Plan');
      const { items, versions } =
        list === 'baseline' ? await read(em, ROWS.right) : list === 'holdings' ? await read(em, ROWS.holding) : await read(em, ROWS.clarity);
      return { version: plan.version, [list === 'baseline' ? 'rights' : list]: items, versions };
    });
  }

  /** A stage's changes with the stage's version. */
  async readChanges(auth: AuthContext, planId: string, stageKey: string): Promise<{ version: number; changes: unknown[] }> {
    return this.dataSource.transaction(async (em) => {
      const plan = await this.plans.findWith(em, auth.organisationId, planId);
      if (!plan) throw AppError.notFound('Plan');
      const stage = await this.stage(em, planId, stageKey);
      // This stage's changes only: reading one stage costs the same in any plan.
      const rows = await em.getRepository(PlanChangeEntity).find({ where: { stageId: stage.id }, order: { position: 'ASC' } });
      return { version: stage.version, changes: rows.map(changeRows.fromRow) };
    });
  }

  /** Replaces every baseline decision right, guarded by the plan's version. */
  async replaceBaseline(auth: AuthContext, planId: string, body: unknown): Promise<{ version: number; rights: number }> {
    const scope = { organisationId: auth.organisationId, planId };
    let result = { version: 0, rights: 0 };
    await this.write(scope, 'rights', async (em, ws) => {
      const input = parse(baselineBody, body);
      await this.bumpPlan(em, scope, input.version);
      await deleteRowsOf(em, ROWS.right.entity, planId);
      await insertRows(em, ROWS.right.entity, ws, input.rights.map(ROWS.right.toRow));
      await this.audit.appendFor(em, auth, {
        action: 'baseline.replace',
        entity: 'plan',
        entityId: planId,
        before: { version: input.version },
        after: { version: input.version + 1, rights: input.rights.length },
      });
      result = { version: input.version + 1, rights: input.rights.length };
    });
    return result;
  }

  /** Replaces a stage's changes, guarded by the stage's version. */
  async replaceChanges(auth: AuthContext, planId: string, stageKey: string, body: unknown): Promise<{ version: number; changes: number }> {
    const scope = { organisationId: auth.organisationId, planId };
    let result = { version: 0, changes: 0 };
    await this.write(scope, 'changes', async (em, ws) => {
      const input = parse(changesBody, body);
      const stage = await this.stage(em, planId, stageKey);
      const updated = await em
        .createQueryBuilder()
        .update(StageEntity)
        .set({ version: ws.version, updatedAt: () => 'now()' })
        .where('id = :id AND version = :version', { id: stage.id, version: input.version })
        .execute();
      if (!updated.affected) throw AppError.versionConflict('Stage', stage.version);
      await em.createQueryBuilder().delete().from(PlanChangeEntity).where('stage_id = :id', { id: stage.id }).execute();
      // After every other stage's changes, in the order given.
      const next = await nextPosition(em, PlanChangeEntity, planId);
      await insertRows(
        em,
        PlanChangeEntity,
        ws,
        input.changes.map((c) => changeRows.toRow(c, stage.id)),
        next,
      );
      await this.audit.appendFor(em, auth, {
        action: 'changes.replace',
        entity: 'stage',
        entityId: stageKey,
        before: { version: input.version },
        after: { version: ws.version, changes: input.changes.map((c) => c.id) },
      });
      result = { version: ws.version, changes: input.changes.length };
    });
    return result;
  }

  /** Puts the stages in the given order (every stage exactly once), guarded by the plan's version. */
  async reorderStages(auth: AuthContext, planId: string, body: unknown): Promise<{ version: number }> {
    const scope = { organisationId: auth.organisationId, planId };
    let result = { version: 0 };
    await this.write(scope, 'stageIds', async (em, ws) => {
      const input = parse(orderBody, body);
      const stages = await em.getRepository(StageEntity).find({ select: { key: true }, where: { planId }, order: { position: 'ASC' } });
      const known = new Set(stages.map((s) => s.key));
      const given = new Set(input.stageIds);
      if (given.size !== input.stageIds.length || given.size !== known.size || input.stageIds.some((k) => !known.has(k))) {
        throw AppError.validation([
          {
            field: 'stageIds',
            code: 'stage_order',
            params: { count: known.size },
            reason: `must name each of the plan's ${known.size} stages exactly once`,
          },
        ]);
      }
      await this.bumpPlan(em, scope, input.version);
      for (const [position, key] of input.stageIds.entries()) {
        await em.getRepository(StageEntity).update({ planId, key }, { position, version: ws.version, updatedAt: () => 'now()' });
      }
      await this.audit.appendFor(em, auth, {
        action: 'stages.reorder',
        entity: 'plan',
        entityId: planId,
        before: { order: stages.map((s) => s.key) },
        after: { order: input.stageIds },
      });
      result = { version: input.version + 1 };
    });
    return result;
  }

  /** Replaces the competence holdings (HR's assessment) under the plan's version. */
  async replaceHoldings(auth: AuthContext, planId: string, body: unknown): Promise<{ version: number }> {
    return this.replaceList(auth, planId, 'holdings', body, holdingsBody, ROWS.holding);
  }

  /** Replaces the clarity assessments under the plan's version. */
  async replaceClarity(auth: AuthContext, planId: string, body: unknown): Promise<{ version: number }> {
    return this.replaceList(auth, planId, 'clarity', body, clarityBody, ROWS.clarity);
  }

  /** Sets the definition of trust-based governance (null: none) under the plan's version. */
  async setDefinition(auth: AuthContext, planId: string, body: unknown): Promise<{ version: number }> {
    const scope = { organisationId: auth.organisationId, planId };
    let result = { version: 0 };
    await this.write(scope, 'definition', async (em, ws) => {
      const input = parse(definitionBody, body);
      await this.bumpPlan(em, scope, input.version);
      const d = input.definition;
      await em.getRepository(PlanEntity).update(
        { id: planId },
        {
          hasDefinition: d !== null,
          definitionText: d?.text ?? '',
          definitionAgreedBy: d?.agreedBy ?? null,
          definitionAgreedOn: d?.agreedOn ?? null,
        },
      );
      await deleteRowsOf(em, PrincipleEntity, planId);
      await insertRows(em, PrincipleEntity, ws, (d?.principles ?? []).map(principleRows.toRow));
      await this.audit.appendFor(em, auth, {
        action: 'definition.set',
        entity: 'plan',
        entityId: planId,
        before: { version: input.version },
        after: { version: input.version + 1, definition: d },
      });
      result = { version: input.version + 1 };
    });
    return result;
  }

  /** Sets the plan's thresholds under the plan's version. */
  async setSettings(auth: AuthContext, planId: string, body: unknown): Promise<{ version: number }> {
    const scope = { organisationId: auth.organisationId, planId };
    let result = { version: 0 };
    await this.write(scope, 'settings', async (em) => {
      const input = parse(settingsBody, body);
      await this.bumpPlan(em, scope, input.version);
      await em
        .getRepository(PlanEntity)
        .update({ id: planId }, { clarityThreshold: input.settings.clarityThreshold, riskThreshold: input.settings.riskThreshold });
      await this.audit.appendFor(em, auth, {
        action: 'settings.set',
        entity: 'plan',
        entityId: planId,
        before: { version: input.version },
        after: { version: input.version + 1, settings: input.settings },
      });
      result = { version: input.version + 1 };
    });
    return result;
  }

  private async replaceList<T extends object, E extends PlanRow, F extends string>(
    auth: AuthContext,
    planId: string,
    field: F,
    body: unknown,
    schema: z.ZodType<{ version: number } & Record<F, T[]>>,
    spec: RowSpec<T, E>,
  ): Promise<{ version: number }> {
    const scope = { organisationId: auth.organisationId, planId };
    let result = { version: 0 };
    await this.write(scope, field, async (em, ws) => {
      const input = parse(schema, body);
      const items: T[] = input[field];
      await this.bumpPlan(em, scope, input.version);
      await deleteRowsOf(em, spec.entity, planId);
      await insertRows(
        em,
        spec.entity,
        ws,
        items.map((item) => spec.toRow(item)),
      );
      await this.audit.appendFor(em, auth, {
        action: `${field}.replace`,
        entity: 'plan',
        entityId: planId,
        before: { version: input.version },
        after: { version: input.version + 1, count: items.length },
      });
      result = { version: input.version + 1 };
    });
    return result;
  }

  private async bumpPlan(em: EntityManager, scope: Scope, version: number): Promise<void> {
    if (!(await this.plans.bumpPlanVersionWith(em, scope.organisationId, scope.planId, version))) {
      // Read through the transaction: on the embedded database another connection would wait for it.
      const current = await em.getRepository(PlanEntity).findOne({ select: { version: true }, where: { id: scope.planId } });
      throw AppError.versionConflict('Plan', current?.version ?? version);
    }
  }

  private async stage(em: EntityManager, planId: string, key: string): Promise<StageEntity> {
    const stage = await em.getRepository(StageEntity).findOne({ where: { planId, key } });
    if (!stage) throw AppError.notFound('Stage');
    return stage;
  }

  private async write(scope: Scope, listField: string, work: (em: EntityManager, scope: WriteScope) => Promise<void>): Promise<void> {
    await this.store.write(scope.organisationId, scope.planId, async ({ em, scope: writeScope, plan }) => {
      // The validator below names every problem by field; the foreign keys are checked at commit, after it.
      await em.query('SET CONSTRAINTS ALL DEFERRED');
      await work(em, writeScope);
      const content = await this.content.load(em, scope, plan.title, plan.purpose);
      const result = validatePlan(content);
      if (!result.ok) throw AppError.validation(result.errors.map((e) => planFieldError(e, content, listField)));
    });
  }
}
