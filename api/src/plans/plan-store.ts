import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { WriteScope } from './content/plan-content.repository';
import { ClaimedPlan, FROZEN_STATUSES, PlansRepository } from './plans.repository';

/** What a write to a plan's content works with: its transaction, its scope (with the version to stamp) and the plan. */
export interface PlanWrite {
  em: EntityManager;
  scope: WriteScope;
  plan: ClaimedPlan;
}

/**
 * The one way into a write of a plan's content: a transaction that claims the plan row (lock + next
 * entity version) and refuses a frozen plan, so no route can change a plan before the board or decided.
 */
@Injectable()
export class PlanStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
  ) {}

  write<T>(organisationId: string, planId: string, work: (write: PlanWrite) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      const plan = await this.plans.claimWith(em, organisationId, planId);
      if (!plan) throw AppError.notFound('Plan');
      assertNotFrozen(plan.status);
      return work({ em, scope: { organisationId, planId, version: plan.entityVersion }, plan });
    });
  }
}

export function assertNotFrozen(status: string): void {
  if ((FROZEN_STATUSES as readonly string[]).includes(status)) throw AppError.planFrozen(status);
}
