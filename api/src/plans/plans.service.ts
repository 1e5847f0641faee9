import { Injectable } from '@nestjs/common';
import { PlanResponse } from '@tillit/contract';
import { AuditRepository } from '../audit/audit.repository';
import { AuthContext } from '../common/auth-context';
import { AppError } from '../common/app-error';
import { CreatePlanDto } from './dto/create-plan.dto';
import { toPlanResponse } from './dto/plan.response';
import { UpdatePlanDto } from './dto/update-plan.dto';
import { assertNotFrozen } from './plan-store';
import { PlansRepository } from './plans.repository';

@Injectable()
export class PlansService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(auth: AuthContext): Promise<PlanResponse[]> {
    const rows = await this.plans.list(auth.organisationId);
    return rows.map(toPlanResponse);
  }

  async get(auth: AuthContext, id: string): Promise<PlanResponse> {
    const plan = await this.plans.find(auth.organisationId, id);
    if (!plan) throw AppError.notFound('Plan');
    return toPlanResponse(plan);
  }

  async create(auth: AuthContext, dto: CreatePlanDto): Promise<PlanResponse> {
    const plan = toPlanResponse(await this.plans.create(auth.organisationId, { title: dto.title, purpose: dto.purpose ?? '' }));
    await this.record(auth, 'plan.create', plan.id, undefined, plan);
    return plan;
  }

  async update(auth: AuthContext, id: string, dto: UpdatePlanDto): Promise<PlanResponse> {
    const { version, ...patch } = dto;
    const before = await this.plans.find(auth.organisationId, id);
    if (!before) throw AppError.notFound('Plan');
    const updated = await this.plans.update(auth.organisationId, id, version, patch);
    if (!updated) {
      const current = await this.plans.find(auth.organisationId, id);
      if (!current) throw AppError.notFound('Plan');
      assertNotFrozen(current.status);
      throw AppError.versionConflict('Plan', current.version);
    }
    const after = toPlanResponse(updated);
    await this.record(auth, 'plan.update', id, toPlanResponse(before), after);
    return after;
  }

  async delete(auth: AuthContext, id: string): Promise<void> {
    const before = await this.plans.find(auth.organisationId, id);
    if (!before) throw AppError.notFound('Plan');
    assertNotFrozen(before.status);
    if (!(await this.plans.delete(auth.organisationId, id))) throw AppError.notFound('Plan');
    await this.record(auth, 'plan.delete', id, toPlanResponse(before), undefined);
  }

  private record(auth: AuthContext, action: string, id: string, before: unknown, after: unknown): Promise<void> {
    return this.audit.append({
      organisationId: auth.organisationId,
      userId: auth.userId,
      action,
      entity: 'plan',
      entityId: id,
      before,
      after,
      client: auth.client,
    });
  }
}
