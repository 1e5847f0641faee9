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
import { insertRows, PlanContentRepository, Scope, WriteScope } from '../content/plan-content.repository';
import { PlanStore } from '../plan-store';
import { PlansRepository } from '../plans.repository';
import { changeFromRow, changeRow, clarityRow, holdingRow, rightRow } from '../content/model-rows';
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

  /** A plan-wide list as the plan format has it, with the plan's version (what a bulk write needs). */
  /**
   * A plan-wide list as the plan format has it, with the plan's version (what a bulk write names) and each
   * row's own version, in the same order (what a write of one row names).
   */
  async read(auth: AuthContext, planId: string, list: 'baseline' | 'holdings' | 'clarity'): Promise<Record<string, unknown>> {
    const spec: RowSpec = list === 'baseline' ? ROWS.right : list === 'holdings' ? ROWS.holding : ROWS.clarity;
    return this.dataSource.transaction(async (em) => {
      const plan = await this.plans.findWith(em, auth.organisationId, planId);
      if (!plan) throw AppError.notFound('Plan');
      const rows = (await em.query(`SELECT ${spec.select ?? '*'} FROM ${spec.table} WHERE plan_id = $1 AND organisation_id = $2 ORDER BY position`, [
        planId,
        auth.organisationId,
      ])) as Array<Record<string, unknown>>;
      return { version: plan.version, [list === 'baseline' ? 'rights' : list]: rows.map(spec.fromRow), versions: rows.map((r) => r.version) };
    });
  }

  /** A stage's changes with the stage's version. */
  async readChanges(auth: AuthContext, planId: string, stageKey: string): Promise<{ version: number; changes: unknown[] }> {
    return this.dataSource.transaction(async (em) => {
      const plan = await this.plans.findWith(em, auth.organisationId, planId);
      if (!plan) throw AppError.notFound('Plan');
      const [stage] = (await em.query(`SELECT id, version FROM stage WHERE plan_id = $1 AND key = $2`, [planId, stageKey])) as Array<{
        id: string;
        version: number;
      }>;
      if (!stage) throw AppError.notFound('Stage');
      // This stage's changes only: reading one stage costs the same in any plan.
      const rows = (await em.query(`SELECT * FROM plan_change WHERE stage_id = $1 ORDER BY position`, [stage.id])) as Array<Record<string, unknown>>;
      return { version: stage.version, changes: rows.map(changeFromRow) };
    });
  }

  /** Replaces every baseline decision right, guarded by the plan's version. */
  async replaceBaseline(auth: AuthContext, planId: string, body: unknown): Promise<{ version: number; rights: number }> {
    const scope = { organisationId: auth.organisationId, planId };
    let result = { version: 0, rights: 0 };
    await this.write(scope, 'rights', async (em, ws) => {
      const input = parse(baselineBody, body);
      await this.bumpPlan(em, scope, input.version);
      await em.query(`DELETE FROM decision_right WHERE plan_id = $1`, [planId]);
      await insertRows(em, 'decision_right', ws, input.rights.map(rightRow));
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
      const [stage] = (await em.query(`SELECT id, version FROM stage WHERE plan_id = $1 AND key = $2`, [planId, stageKey])) as Array<{
        id: string;
        version: number;
      }>;
      if (!stage) throw AppError.notFound('Stage');
      if (stage.version !== input.version) throw AppError.versionConflict('Stage', stage.version);
      await em.query(`UPDATE stage SET version = $2, updated_at = now() WHERE id = $1`, [stage.id, ws.version]);
      await em.query(`DELETE FROM plan_change WHERE stage_id = $1`, [stage.id]);
      const [{ next }] = await em.query(`SELECT coalesce(max(position) + 1, 0)::int AS next FROM plan_change WHERE plan_id = $1`, [planId]);
      const rows = input.changes.map((c) => changeRow(c, stage.id));
      await insertRows(em, 'plan_change', ws, rows);
      // insertRows numbers from 0; place this stage's changes after every other's, in the order given.
      await em.query(`UPDATE plan_change SET position = position + $2 WHERE stage_id = $1`, [stage.id, next]);
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
      const stages = (await em.query(`SELECT key FROM stage WHERE plan_id = $1`, [planId])) as Array<{ key: string }>;
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
        await em.query(`UPDATE stage SET position = $3, version = $4, updated_at = now() WHERE plan_id = $1 AND key = $2`, [
          planId,
          key,
          position,
          ws.version,
        ]);
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
    return this.replaceList(auth, planId, 'holdings', body, holdingsBody, 'holding', holdingRow);
  }

  /** Replaces the clarity assessments under the plan's version. */
  async replaceClarity(auth: AuthContext, planId: string, body: unknown): Promise<{ version: number }> {
    return this.replaceList(auth, planId, 'clarity', body, clarityBody, 'clarity_assessment', clarityRow);
  }

  /** Sets the definition of trust-based governance (null: none) under the plan's version. */
  async setDefinition(auth: AuthContext, planId: string, body: unknown): Promise<{ version: number }> {
    const scope = { organisationId: auth.organisationId, planId };
    let result = { version: 0 };
    await this.write(scope, 'definition', async (em, ws) => {
      const input = parse(definitionBody, body);
      await this.bumpPlan(em, scope, input.version);
      const d = input.definition;
      await em.query(
        `UPDATE plan SET has_definition = $2, definition_text = $3, definition_agreed_by = $4, definition_agreed_on = $5 WHERE id = $1`,
        [planId, d !== null, d?.text ?? '', d?.agreedBy ?? null, d?.agreedOn ?? null],
      );
      await em.query(`DELETE FROM principle WHERE plan_id = $1`, [planId]);
      await insertRows(
        em,
        'principle',
        ws,
        (d?.principles ?? []).map((p) => ({ key: p.id, name: p.name, description: p.description })),
      );
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
      await em.query(`UPDATE plan SET clarity_threshold = $2, risk_threshold = $3 WHERE id = $1`, [
        planId,
        input.settings.clarityThreshold,
        input.settings.riskThreshold,
      ]);
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

  private async replaceList<T, I extends { version: number }>(
    auth: AuthContext,
    planId: string,
    field: keyof I & string,
    body: unknown,
    schema: z.ZodType<I>,
    table: string,
    toRow: (item: T) => Record<string, unknown>,
  ): Promise<{ version: number }> {
    const scope = { organisationId: auth.organisationId, planId };
    let result = { version: 0 };
    await this.write(scope, field, async (em, ws) => {
      const input = parse(schema, body);
      const items = input[field] as unknown as T[];
      await this.bumpPlan(em, scope, input.version);
      await em.query(`DELETE FROM ${table} WHERE plan_id = $1`, [planId]);
      await insertRows(em, table, ws, items.map(toRow));
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
      const [current] = (await em.query(`SELECT version FROM plan WHERE id = $1`, [scope.planId])) as Array<{ version: number }>;
      throw AppError.versionConflict('Plan', current?.version ?? version);
    }
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
