import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PlanStatus } from '@tillit/contract';
import { EntityManager, Repository } from 'typeorm';
import { PlanEntity } from './plan.entity';

export type PlanPatch = Partial<Pick<PlanEntity, 'title' | 'purpose'>>;

/** Statuses in which a plan is frozen: a revision is before the board, decided, or archived. */
export const FROZEN_STATUSES: readonly PlanStatus[] = ['submitted', 'approved', 'archived'];

/** What a write learns when it claims a plan: the plan's title and purpose and the version its rows get. */
export interface ClaimedPlan {
  title: string;
  purpose: string;
  status: PlanStatus;
  /** The plan's next entity version: every row the write inserts or updates carries it. */
  entityVersion: number;
}

/** The only place that builds queries on `plan`; every query is scoped to an organisation. */
@Injectable()
export class PlansRepository {
  constructor(@InjectRepository(PlanEntity) private readonly plans: Repository<PlanEntity>) {}

  list(organisationId: string): Promise<PlanEntity[]> {
    return this.plans.find({ where: { organisationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  find(organisationId: string, id: string): Promise<PlanEntity | null> {
    return this.plans.findOne({ where: { organisationId, id } });
  }

  /**
   * Starts a write to a plan's content inside a transaction: locks the plan row (writes to one plan run
   * one at a time) and takes the plan's next entity version. Null when the plan is not the organisation's.
   */
  async claimWith(em: EntityManager, organisationId: string, id: string): Promise<ClaimedPlan | null> {
    const [row] = (await em.query(
      `WITH claimed AS (
         UPDATE plan SET entity_version = entity_version + 1
          WHERE id = $1 AND organisation_id = $2 RETURNING title, purpose, status, entity_version)
       SELECT title, purpose, status, entity_version AS "entityVersion" FROM claimed`,
      [id, organisationId],
    )) as ClaimedPlan[];
    return row ?? null;
  }

  /** The plan, read inside the caller's transaction. */
  findWith(em: EntityManager, organisationId: string, id: string): Promise<PlanEntity | null> {
    return em.getRepository(PlanEntity).findOne({ where: { organisationId, id } });
  }

  /** Inserts a plan row inside a transaction; returns its id. */
  async insertWith(em: EntityManager, organisationId: string, fields: { title: string; purpose: string }): Promise<string> {
    const [row] = (await em.query(`INSERT INTO plan (organisation_id, title, purpose) VALUES ($1, $2, $3) RETURNING id`, [
      organisationId,
      fields.title,
      fields.purpose,
    ])) as Array<{ id: string }>;
    return row.id;
  }

  /** Guarded version bump (with a new title and purpose) inside a transaction; false when the version is stale or the plan unknown. */
  async bumpVersionWith(em: EntityManager, organisationId: string, id: string, version: number, patch: PlanPatch): Promise<boolean> {
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count], a SELECT with rows.
    const [row] = (await em.query(
      `WITH updated AS (
         UPDATE plan SET version = version + 1, title = $4, purpose = $5, updated_at = now()
          WHERE id = $1 AND organisation_id = $2 AND version = $3 RETURNING id)
       SELECT count(*)::int AS n FROM updated`,
      [id, organisationId, version, patch.title, patch.purpose],
    )) as Array<{ n: number }>;
    return row.n > 0;
  }

  /** Guarded version bump of the plan alone (a plan-wide edit such as the baseline or the stage order). */
  async bumpPlanVersionWith(em: EntityManager, organisationId: string, id: string, version: number): Promise<boolean> {
    const [row] = (await em.query(
      `WITH updated AS (
         UPDATE plan SET version = version + 1, updated_at = now()
          WHERE id = $1 AND organisation_id = $2 AND version = $3 RETURNING id)
       SELECT count(*)::int AS n FROM updated`,
      [id, organisationId, version],
    )) as Array<{ n: number }>;
    return row.n > 0;
  }

  count(organisationId: string): Promise<number> {
    return this.plans.count({ where: { organisationId } });
  }

  async create(organisationId: string, fields: { title: string; purpose: string }): Promise<PlanEntity> {
    const saved = await this.plans.save(this.plans.create({ organisationId, ...fields }));
    // Reload so the database's defaults (status, version, timestamps) come back as stored.
    return (await this.find(organisationId, saved.id)) as PlanEntity;
  }

  /** Guarded update: applies only when the stored version is `version` and the plan is not frozen; returns the new row or null. */
  async update(organisationId: string, id: string, version: number, patch: PlanPatch): Promise<PlanEntity | null> {
    const result = await this.plans
      .createQueryBuilder()
      .update(PlanEntity)
      .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND organisation_id = :organisationId AND version = :version', { id, organisationId, version })
      .andWhere('status NOT IN (:...frozen)', { frozen: FROZEN_STATUSES })
      .returning('*')
      .execute();
    if (!result.affected) return null;
    return this.find(organisationId, id);
  }

  /** Deletes a plan that is not frozen; answers whether it did. */
  async delete(organisationId: string, id: string): Promise<boolean> {
    const result = await this.plans
      .createQueryBuilder()
      .delete()
      .from(PlanEntity)
      .where('id = :id AND organisation_id = :organisationId', { id, organisationId })
      .andWhere('status NOT IN (:...frozen)', { frozen: FROZEN_STATUSES })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
