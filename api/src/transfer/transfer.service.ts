import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FieldError, PlanResponse } from '@tillit/contract';
import { PLAN_TITLE_MAX, PLAN_PURPOSE_MAX } from '@tillit/contract';
import { Plan, PlanInput, validatePlan } from '@tillit/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { fieldOfPath } from '../common/validation';
import { planFieldError } from '../plans/content/referrers';
import { AuditRepository } from '../audit/audit.repository';
import { AuthContext } from '../common/auth-context';
import { PlanContentRepository } from '../plans/content/plan-content.repository';
import { toPlanResponse } from '../plans/dto/plan.response';
import { PlanStore } from '../plans/plan-store';
import { PlansRepository } from '../plans/plans.repository';

/** Import and export of whole plans in the JSON plan format (libs/domain). */
@Injectable()
export class TransferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
    private readonly store: PlanStore,
    private readonly content: PlanContentRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** The document as a plan, or a 400 naming every problem's path (under `prefix`). */
  private parse(document: unknown, prefix = ''): Plan {
    const validation = validatePlan(document);
    if (!validation.ok) {
      const input = (typeof document === 'object' && document !== null ? document : {}) as PlanInput;
      throw AppError.validation(validation.errors.map((e) => ({ ...planFieldError(e, input), field: prefix + fieldOfPath(e.path) })));
    }
    const plan = validation.plan;
    const tooLong = (field: string, maximum: number): FieldError => ({
      field: `${prefix}${field}`,
      code: 'too_long',
      params: { maximum },
      reason: `must be at most ${maximum} characters`,
    });
    const problems = [
      ...(plan.title.length > PLAN_TITLE_MAX ? [tooLong('title', PLAN_TITLE_MAX)] : []),
      ...(plan.purpose.length > PLAN_PURPOSE_MAX ? [tooLong('purpose', PLAN_PURPOSE_MAX)] : []),
    ];
    if (problems.length) throw AppError.validation(problems);
    return plan;
  }

  /** Validates the document and writes the plan and everything in it in one transaction, or nothing. */
  async importPlan(document: unknown, organisationId: string, auth?: AuthContext): Promise<PlanResponse> {
    const plan = this.parse(document);
    const planId = await this.dataSource.transaction((em) => this.write(em, plan, organisationId, auth));
    const saved = await this.plans.find(organisationId, planId);
    return toPlanResponse(saved as NonNullable<typeof saved>);
  }

  /**
   * Replaces everything in a plan with `document` (an editor saving its work), guarded by the plan's
   * version: a stale version is a 409 with the current one, and nothing is written.
   */
  async replaceContent(auth: AuthContext, planId: string, version: number, document: unknown): Promise<PlanResponse> {
    const plan = this.parse(document, 'plan.');
    const organisationId = auth.organisationId;
    const updated = await this.store.write(organisationId, planId, async ({ em, scope }) => {
      const ok = await this.plans.bumpVersionWith(em, organisationId, planId, version, { title: plan.title, purpose: plan.purpose });
      if (!ok) return false;
      await this.content.replace(em, scope, plan);
      await this.audit.append(
        {
          organisationId,
          userId: auth.userId,
          action: 'plan.content.replace',
          entity: 'plan',
          entityId: planId,
          before: { version },
          after: {
            version: version + 1,
            title: plan.title,
            actors: plan.actors.length,
            decisionAreas: plan.decisionAreas.length,
            stages: plan.stages.length,
          },
          client: auth.client,
        },
        em,
      );
      return true;
    });
    const current = await this.plans.find(organisationId, planId);
    if (!current) throw AppError.notFound('Plan');
    if (!updated) throw AppError.versionConflict('Plan', current.version);
    return toPlanResponse(current);
  }

  /** Writes a validated plan inside the caller's transaction; answers the new plan's id. */
  async write(em: EntityManager, plan: Plan, organisationId: string, auth?: AuthContext): Promise<string> {
    const id = await this.plans.insertWith(em, organisationId, { title: plan.title, purpose: plan.purpose });
    await this.content.replace(em, { organisationId, planId: id, version: 1 }, plan);
    await this.audit.append(
      {
        organisationId,
        userId: auth?.userId ?? null,
        action: 'plan.import',
        entity: 'plan',
        entityId: id,
        after: { title: plan.title, actors: plan.actors.length, decisionAreas: plan.decisionAreas.length, stages: plan.stages.length },
        client: auth?.client,
      },
      em,
    );
    return id;
  }

  /** The plan in the JSON plan format. */
  async exportPlan(organisationId: string, planId: string): Promise<PlanInput> {
    const plan = await this.plans.find(organisationId, planId);
    if (!plan) throw AppError.notFound('Plan');
    return this.content.load(this.dataSource.manager, { organisationId, planId }, plan.title, plan.purpose);
  }

  /** The plan as the domain engine reads it. */
  async loadPlan(organisationId: string, planId: string): Promise<Plan> {
    const validation = validatePlan(await this.exportPlan(organisationId, planId));
    if (!validation.ok) {
      // Every write is validated, so stored content is always a valid plan; this is a bug if it happens.
      throw new Error(`Stored plan ${planId} is not valid: ${JSON.stringify(validation.errors.slice(0, 3))}`);
    }
    return validation.plan;
  }
}
