import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlanResponse } from '@tillit/contract';
import { PLAN_TITLE_MAX, PLAN_PURPOSE_MAX } from '@tillit/contract';
import { Plan, PlanInput, validatePlan } from '@tillit/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { AuditRepository } from '../audit/audit.repository';
import { AuthContext } from '../auth/auth-context';
import { PlanContentRepository } from '../plans/content/plan-content.repository';
import { toPlanResponse } from '../plans/dto/plan.response';
import { PlansRepository } from '../plans/plans.repository';

/** `$.actors[1].kind` → `actors[1].kind`; the document itself is `body`. */
function fieldOf(path: string): string {
  return path === '$' ? 'body' : path.replace(/^\$\.?/, '');
}

/** Import and export of whole plans in the JSON plan format (libs/domain). */
@Injectable()
export class TransferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
    private readonly content: PlanContentRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Validates the document and writes the plan and everything in it in one transaction, or nothing. */
  async importPlan(document: unknown, organisationId: string, auth?: AuthContext): Promise<PlanResponse> {
    const validation = validatePlan(document);
    if (!validation.ok) {
      throw AppError.validation(validation.errors.map((e) => ({ field: fieldOf(e.path), reason: e.message })));
    }
    const plan = validation.plan;
    if (plan.title.length > PLAN_TITLE_MAX || plan.purpose.length > PLAN_PURPOSE_MAX) {
      throw AppError.validation([{ field: 'title', reason: `must be at most ${PLAN_TITLE_MAX} characters` }]);
    }
    const planId = await this.dataSource.transaction((em) => this.write(em, plan, organisationId, auth));
    const saved = await this.plans.find(organisationId, planId);
    return toPlanResponse(saved as NonNullable<typeof saved>);
  }

  /** Writes a validated plan inside the caller's transaction; answers the new plan's id. */
  async write(em: EntityManager, plan: Plan, organisationId: string, auth?: AuthContext): Promise<string> {
    const id = await this.plans.insertWith(em, organisationId, { title: plan.title, purpose: plan.purpose });
    await this.content.replace(em, { organisationId, planId: id }, plan);
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
