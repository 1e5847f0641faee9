import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FieldError } from '@tillit/contract';
import { Change, changeSchema, Reference, referencesOf } from '@tillit/domain';
import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { z } from 'zod';
import { AuditRepository } from '../../audit/audit.repository';
import { AuthContext } from '../../common/auth-context';
import { AppError } from '../../common/app-error';
import { parseBody } from '../../common/validation';
import { insertRows, Scope, WriteScope } from '../content/plan-content.repository';
import { changeRows, OwnColumns, RowClass } from '../content/model-rows';
import { nextPosition } from '../entities/model.repository';
import { PlanReferences } from '../plan-references';
import { PlanRow } from '../plan-row.base-entity';
import { PlanStore } from '../plan-store';
import { PlanChangeEntity } from '../../stages/plan-change.entity';
import { StageEntity } from '../../stages/stage.entity';
import { PlanEntity } from '../plan.entity';
import { RowSpec } from './plan-rows';

const version = z.int().min(1);

/** One row of a plan-wide list with the version it was written at. */
export type VersionedRow = Record<string, unknown> & { version: number };

/**
 * Edits of one row of a plan-wide list (a baseline right, a holding, a clarity rating) and one change
 * added to a stage: each a bounded number of statements, checking only the references the row makes.
 */
@Injectable()
export class RowsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: PlanStore,
    private readonly references: PlanReferences,
    private readonly audit: AuditRepository,
  ) {}

  async get<T extends object, E extends PlanRow>(auth: AuthContext, planId: string, spec: RowSpec<T, E>, keys: string[]): Promise<VersionedRow> {
    const scope = { organisationId: auth.organisationId, planId };
    const rows = await this.find(this.dataSource.manager, scope, spec, keys);
    if (rows.length === 0) {
      const plan = await this.dataSource.getRepository(PlanEntity).exists({ where: { id: planId, organisationId: auth.organisationId } });
      throw AppError.notFound(plan ? capitalised(spec.name) : 'Plan');
    }
    // A row with a parent goes by the parent's version (a requirement: its decision area's).
    const version = spec.parent ? await this.parentVersion(this.dataSource.manager, scope, spec, spec.fromRow(rows[0])) : rows[0].version;
    return { ...spec.fromRow(rows[0]), version };
  }

  /**
   * Sets one row: `version` absent creates it (409 when someone else already did), present updates it if
   * it is still the stored one. Answers the row and its new version.
   */
  async put<T extends object, E extends PlanRow>(
    auth: AuthContext,
    planId: string,
    spec: RowSpec<T, E>,
    keys: string[],
    body: unknown,
  ): Promise<VersionedRow> {
    const scope = { organisationId: auth.organisationId, planId };
    return this.store.write(auth.organisationId, planId, async ({ em, scope: ws }) => {
      const { given, item } = this.parse(spec, keys, body);
      const rows = await this.find(em, scope, spec, keys);
      if (rows.length > 1)
        throw AppError.validation([
          { field: spec.key[0].field, code: 'ambiguous', reason: `names ${rows.length} rows; edit the whole list instead` },
        ]);
      const current = rows[0];
      if (spec.parent) {
        // Creating or changing the row is an edit of its parent: both go by the parent's version.
        const parent = await this.parentVersion(em, scope, spec, item);
        if (given !== parent) throw AppError.versionConflict(spec.parent.name, parent);
      } else {
        if (current && given === undefined) throw AppError.versionConflict(capitalised(spec.name), current.version);
        if (!current && given !== undefined) throw AppError.notFound(capitalised(spec.name));
        if (current && current.version !== given) throw AppError.versionConflict(capitalised(spec.name), current.version);
      }
      await this.checkReferences(em, scope, spec.references(item));
      await this.touchParent(em, ws, spec, item);
      const row = spec.toRow(item);
      if (current) {
        // Guarded by the row's version, as read above under the plan's lock.
        await em
          .createQueryBuilder()
          .update(spec.entity)
          // TypeORM cannot resolve set()'s parameter type for an entity type parameter; the row is E's own columns.
          .set({ ...row, version: ws.version, updatedAt: () => 'now()' } as QueryDeepPartialEntity<E>)
          .where('id = :id AND version = :version', { id: current.id, version: current.version })
          .execute();
      } else {
        await this.append(em, ws, spec.entity, [row]);
      }
      await this.audit.appendFor(em, auth, {
        action: `${tableOf(em, spec.entity)}.${current ? 'update' : 'create'}`,
        entity: spec.name,
        entityId: keys.join('/'),
        before: current ? spec.fromRow(current) : undefined,
        after: item,
      });
      return { ...item, version: ws.version };
    });
  }

  async delete<T extends object, E extends PlanRow>(
    auth: AuthContext,
    planId: string,
    spec: RowSpec<T, E>,
    keys: string[],
    given: number,
  ): Promise<void> {
    const scope = { organisationId: auth.organisationId, planId };
    await this.store.write(auth.organisationId, planId, async ({ em, scope: ws }) => {
      const rows = await this.find(em, scope, spec, keys);
      if (rows.length === 0) throw AppError.notFound(capitalised(spec.name));
      if (rows.length > 1)
        throw AppError.validation([
          { field: spec.key[0].field, code: 'ambiguous', reason: `names ${rows.length} rows; edit the whole list instead` },
        ]);
      if (spec.parent) {
        const parent = await this.parentVersion(em, scope, spec, spec.fromRow(rows[0]));
        if (given !== parent) throw AppError.versionConflict(spec.parent.name, parent);
      } else if (rows[0].version !== given) throw AppError.versionConflict(capitalised(spec.name), rows[0].version);
      await this.touchParent(em, ws, spec, spec.fromRow(rows[0]));
      await em
        .createQueryBuilder()
        .delete()
        .from(spec.entity)
        .where('id = :id AND version = :version', { id: rows[0].id, version: rows[0].version })
        .execute();
      await this.audit.appendFor(em, auth, {
        action: `${tableOf(em, spec.entity)}.delete`,
        entity: spec.name,
        entityId: keys.join('/'),
        before: spec.fromRow(rows[0]),
        after: undefined,
      });
    });
  }

  /**
   * Adds one change at the end of a stage: its id must be new in the plan (and an added actor's or decision
   * area's too), what it names must exist. The stage's version moves on, as its list changed.
   */
  async addChange(auth: AuthContext, planId: string, stageKey: string, body: unknown): Promise<Change & { version: number }> {
    const scope = { organisationId: auth.organisationId, planId };
    return this.store.write(auth.organisationId, planId, async ({ em, scope: ws }) => {
      const change = parseBody(changeSchema, body);
      const stage = await em.getRepository(StageEntity).findOne({ select: { id: true }, where: { planId, key: stageKey } });
      if (!stage) throw AppError.notFound('Stage');
      const problems: FieldError[] = [];
      if (await em.getRepository(PlanChangeEntity).exists({ where: { planId, key: change.id } }))
        problems.push({ field: 'id', code: 'duplicate', params: { kind: 'change' }, reason: 'a change with this id already exists in this plan' });
      if (change.type === 'add_actor' && (await this.references.taken(em, scope, 'actor', change.actor.id))) {
        problems.push({
          field: 'actor.id',
          code: 'duplicate',
          params: { kind: 'actor' },
          reason: 'an actor with this id already exists in this plan',
        });
      }
      if (change.type === 'add_decision_area' && (await this.references.taken(em, scope, 'decision area', change.decisionArea.id))) {
        problems.push({
          field: 'decisionArea.id',
          code: 'duplicate',
          params: { kind: 'decision area' },
          reason: 'a decision area with this id already exists in this plan',
        });
      }
      if (problems.length) throw AppError.validation(problems);
      await this.checkReferences(em, scope, referencesOf.change(change));
      await this.append(em, ws, PlanChangeEntity, [changeRows.toRow(change, stage.id)]);
      await em.getRepository(StageEntity).update({ id: stage.id }, { version: ws.version, updatedAt: () => 'now()' });
      await this.audit.appendFor(em, auth, { action: 'changes.add', entity: 'stage', entityId: stageKey, before: undefined, after: change });
      return { ...change, version: ws.version };
    });
  }

  /** The version of the row's parent (404 when there is no such parent). */
  private async parentVersion<T extends object, E extends PlanRow>(em: EntityManager, scope: Scope, spec: RowSpec<T, E>, item: T): Promise<number> {
    const parent = spec.parent as NonNullable<RowSpec<T, E>['parent']>;
    const row = await em.getRepository(parent.entity).findOne({
      select: { version: true },
      where: { organisationId: scope.organisationId, planId: scope.planId, key: item[parent.field] as string },
    });
    if (!row) throw AppError.notFound(parent.name);
    return row.version;
  }

  /** Moves the parent row's version on with the row's (404 when there is no such parent). */
  private async touchParent<T extends object, E extends PlanRow>(em: EntityManager, ws: WriteScope, spec: RowSpec<T, E>, item: T): Promise<void> {
    if (!spec.parent) return;
    const key = item[spec.parent.field] as string;
    const done = await em
      .getRepository(spec.parent.entity)
      .update({ organisationId: ws.organisationId, planId: ws.planId, key }, { version: ws.version, updatedAt: () => 'now()' });
    if (!done.affected) throw AppError.notFound(spec.parent.name);
  }

  private parse<T extends object, E extends PlanRow>(spec: RowSpec<T, E>, keys: string[], body: unknown): { given: number | undefined; item: T } {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw AppError.validation([{ field: 'body', code: 'invalid_type', params: { expected: 'object' }, reason: 'must be an object' }]);
    }
    const { version: given, ...fields } = body as Record<string, unknown>;
    if (given !== undefined && !version.safeParse(given).success) {
      throw AppError.validation([
        { field: 'version', code: 'invalid', reason: 'must be a whole number from 1 (the version last read), or absent to create' },
      ]);
    }
    const problems: FieldError[] = [];
    spec.key.forEach(({ field }, i) => {
      if (fields[field] !== undefined && fields[field] !== keys[i])
        problems.push({ field, code: 'immutable', reason: 'is the row’s key, given by the path' });
      fields[field] = keys[i];
    });
    if (problems.length) throw AppError.validation(problems);
    return { given: given as number | undefined, item: parseBody(spec.schema, fields) };
  }

  private find<T extends object, E extends PlanRow>(em: EntityManager, scope: Scope, spec: RowSpec<T, E>, keys: string[]): Promise<E[]> {
    const query = em.createQueryBuilder(spec.entity, 'r').where('r.planId = :planId AND r.organisationId = :organisationId', scope);
    spec.key.forEach(({ property }, i) => query.andWhere(`r.${property} = :key${i}`, { [`key${i}`]: keys[i] }));
    return query.orderBy('r.position', 'ASC').getMany();
  }

  /** Inserts rows after the plan's last one of the table (an index scan, not a count). */
  private async append<E extends PlanRow>(em: EntityManager, ws: WriteScope, entity: RowClass<E>, rows: Array<OwnColumns<E>>): Promise<void> {
    await insertRows(em, entity, ws, rows, await nextPosition(em, entity, ws.planId));
  }

  private async checkReferences(em: EntityManager, scope: Scope, refs: readonly Reference[]): Promise<void> {
    const unknown = await this.references.unknown(em, scope, refs);
    if (unknown.length) throw AppError.validation(unknown);
  }
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A table's name for the audit log's actions (`decision_right.update`). */
function tableOf(em: EntityManager, entity: RowClass<PlanRow>): string {
  return em.connection.getMetadata(entity).tableName;
}
