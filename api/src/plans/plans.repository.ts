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
    return this.plans.find({ where: { organisationId }, order: { createdAt: 'ASC', title: 'ASC', id: 'ASC' } });
  }

  /**
   * Whether a plan of this id exists in another organisation than `organisationId` — asked only after a
   * request was refused with 404, to record a cross-tenant attempt; the answer never reaches the caller.
   */
  async belongsElsewhere(organisationId: string, id: string): Promise<boolean> {
    const found = await this.plans
      .createQueryBuilder('p')
      .select('p.id')
      .where('p.id = :id AND p.organisationId <> :organisationId', { id, organisationId })
      .getOne();
    return found !== null;
  }

  find(organisationId: string, id: string): Promise<PlanEntity | null> {
    return this.plans.findOne({ where: { organisationId, id } });
  }

  /**
   * Starts a write to a plan's content inside a transaction: locks the plan row (writes to one plan run
   * one at a time) and takes the plan's next entity version. Null when the plan is not the organisation's.
   */
  async claimWith(em: EntityManager, organisationId: string, id: string): Promise<ClaimedPlan | null> {
    const result = await em
      .createQueryBuilder()
      .update(PlanEntity)
      .set({ entityVersion: () => 'entity_version + 1' })
      .where('id = :id AND organisation_id = :organisationId', { id, organisationId })
      // Property names: TypeORM leaves out a name it does not know; the raw row has the column names.
      .returning(['title', 'purpose', 'status', 'entityVersion'])
      .execute();
    const rows: Array<{ title: string; purpose: string; status: PlanStatus; entity_version: number }> = result.raw;
    const row = rows[0];
    return row ? { title: row.title, purpose: row.purpose, status: row.status, entityVersion: row.entity_version } : null;
  }

  /** The plan, read inside the caller's transaction. */
  findWith(em: EntityManager, organisationId: string, id: string): Promise<PlanEntity | null> {
    return em.getRepository(PlanEntity).findOne({ where: { organisationId, id } });
  }

  /** Inserts a plan row inside a transaction; returns its id. */
  async insertWith(em: EntityManager, organisationId: string, fields: { title: string; purpose: string }): Promise<string> {
    const result = await em.getRepository(PlanEntity).insert({ organisationId, title: fields.title, purpose: fields.purpose });
    const id: unknown = result.identifiers[0]?.id;
    if (typeof id !== 'string') throw new Error('the plan insert returned no id');
    return id;
  }

  /** Guarded version bump (with a new title and purpose) inside a transaction; false when the version is stale or the plan unknown. */
  async bumpVersionWith(em: EntityManager, organisationId: string, id: string, version: number, patch: PlanPatch): Promise<boolean> {
    return this.bump(em, organisationId, id, version, patch);
  }

  /** Guarded version bump of the plan alone (a plan-wide edit such as the baseline or the stage order). */
  async bumpPlanVersionWith(em: EntityManager, organisationId: string, id: string, version: number): Promise<boolean> {
    return this.bump(em, organisationId, id, version, {});
  }

  private async bump(em: EntityManager, organisationId: string, id: string, version: number, patch: PlanPatch): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(PlanEntity)
      .set({ ...patch, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND organisation_id = :organisationId AND version = :version', { id, organisationId, version })
      .execute();
    return (result.affected ?? 0) > 0;
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
