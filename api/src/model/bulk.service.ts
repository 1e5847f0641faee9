import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { changeSchema, decisionRightSchema, jsonPath, validatePlan } from '@tillit/domain';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditRepository } from '../audit/audit.repository';
import { AuthContext } from '../auth/auth-context';
import { AppError } from '../common/app-error';
import { insertRows, PlanContentRepository, Scope } from '../plans/content/plan-content.repository';
import { PlansRepository } from '../plans/plans.repository';
import { changeRow, rightRow } from './model-rows';
import { ModelRepository } from './model.repository';

const version = z.int().min(1);
const baselineBody = z.object({ version, rights: z.array(decisionRightSchema) }).strict();
const changesBody = z.object({ version, changes: z.array(changeSchema) }).strict();
const orderBody = z.object({ version, stageIds: z.array(z.string().min(1).max(100)) }).strict();

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw AppError.validation(parsed.error.issues.map((i) => ({ field: jsonPath(i.path).replace(/^\$\.?/, '') || 'body', reason: i.message })));
  }
  return parsed.data;
}

/**
 * Writes that a screen makes in one go, atomically: the whole baseline, a stage's list of changes, the
 * order of the stages. Each checks the whole plan before it commits.
 */
@Injectable()
export class BulkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly model: ModelRepository,
    private readonly plans: PlansRepository,
    private readonly content: PlanContentRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Replaces every baseline decision right, guarded by the plan's version. */
  async replaceBaseline(auth: AuthContext, planId: string, body: unknown): Promise<{ version: number; rights: number }> {
    const scope = { organisationId: auth.organisationId, planId };
    let result = { version: 0, rights: 0 };
    await this.write(scope, 'rights', async (em) => {
      const input = parse(baselineBody, body);
      await this.bumpPlan(em, scope, input.version);
      await em.query(`DELETE FROM decision_right WHERE plan_id = $1`, [planId]);
      await insertRows(em, 'decision_right', scope, input.rights.map(rightRow));
      await this.record(em, auth, 'baseline.replace', 'plan', planId, { version: input.version }, { version: input.version + 1, rights: input.rights.length });
      result = { version: input.version + 1, rights: input.rights.length };
    });
    return result;
  }

  /** Replaces a stage's changes, guarded by the stage's version. */
  async replaceChanges(auth: AuthContext, planId: string, stageKey: string, body: unknown): Promise<{ version: number; changes: number }> {
    const scope = { organisationId: auth.organisationId, planId };
    let result = { version: 0, changes: 0 };
    await this.write(scope, 'changes', async (em) => {
      const input = parse(changesBody, body);
      const [stage] = (await em.query(`SELECT id, version FROM stage WHERE plan_id = $1 AND key = $2`, [planId, stageKey])) as Array<{ id: string; version: number }>;
      if (!stage) throw AppError.notFound('Stage');
      if (stage.version !== input.version) throw AppError.versionConflict('Stage', stage.version);
      await em.query(`UPDATE stage SET version = version + 1, updated_at = now() WHERE id = $1`, [stage.id]);
      await em.query(`DELETE FROM plan_change WHERE stage_id = $1`, [stage.id]);
      const [{ next }] = await em.query(`SELECT coalesce(max(position) + 1, 0)::int AS next FROM plan_change WHERE plan_id = $1`, [planId]);
      const rows = input.changes.map((c) => changeRow(c, stage.id));
      await insertRows(em, 'plan_change', scope, rows);
      // insertRows numbers from 0; place this stage's changes after every other's, in the order given.
      await em.query(`UPDATE plan_change SET position = position + $2 WHERE stage_id = $1`, [stage.id, next]);
      await this.record(em, auth, 'changes.replace', 'stage', stageKey, { version: input.version }, { version: input.version + 1, changes: input.changes.map((c) => c.id) });
      result = { version: input.version + 1, changes: input.changes.length };
    });
    return result;
  }

  /** Puts the stages in the given order (every stage exactly once), guarded by the plan's version. */
  async reorderStages(auth: AuthContext, planId: string, body: unknown): Promise<{ version: number }> {
    const scope = { organisationId: auth.organisationId, planId };
    let result = { version: 0 };
    await this.write(scope, 'stageIds', async (em) => {
      const input = parse(orderBody, body);
      const stages = (await em.query(`SELECT key FROM stage WHERE plan_id = $1`, [planId])) as Array<{ key: string }>;
      const known = new Set(stages.map((s) => s.key));
      const given = new Set(input.stageIds);
      if (given.size !== input.stageIds.length || given.size !== known.size || input.stageIds.some((k) => !known.has(k))) {
        throw AppError.validation([{ field: 'stageIds', reason: `must name each of the plan's ${known.size} stages exactly once` }]);
      }
      await this.bumpPlan(em, scope, input.version);
      for (const [position, key] of input.stageIds.entries()) {
        await em.query(`UPDATE stage SET position = $3, updated_at = now() WHERE plan_id = $1 AND key = $2`, [planId, key, position]);
      }
      await this.record(em, auth, 'stages.reorder', 'plan', planId, { order: stages.map((s) => s.key) }, { order: input.stageIds });
      result = { version: input.version + 1 };
    });
    return result;
  }

  private async bumpPlan(em: EntityManager, scope: Scope, version: number): Promise<void> {
    if (!(await this.plans.bumpPlanVersionWith(em, scope.organisationId, scope.planId, version))) {
      // Read through the transaction: on the embedded database another connection would wait for it.
      const [current] = (await em.query(`SELECT version FROM plan WHERE id = $1`, [scope.planId])) as Array<{ version: number }>;
      throw AppError.versionConflict('Plan', current?.version ?? version);
    }
  }

  private async write(scope: Scope, listField: string, work: (em: EntityManager) => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const plan = await this.model.lockPlan(em, scope);
      if (!plan) throw AppError.notFound('Plan');
      await work(em);
      const result = validatePlan(await this.content.load(em, scope, plan.title, plan.purpose));
      if (!result.ok) {
        throw AppError.validation(result.errors.map((e) => ({ field: e.path.replace(/^\$\.?/, '') || listField, reason: e.message })));
      }
    });
  }

  private record(em: EntityManager, auth: AuthContext, action: string, entity: string, entityId: string, before: unknown, after: unknown): Promise<void> {
    return this.audit.append({ organisationId: auth.organisationId, userId: auth.userId, action, entity, entityId, before, after, client: auth.client }, em);
  }
}
