import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { insertRows, Scope, WriteScope } from '../content/plan-content.repository';
import { EntityMapping } from '../content/model-rows';
import { PlanEntity } from '../plan.entity';
import { PlanChangeEntity } from '../../stages/plan-change.entity';
import { PlanRow } from '../plan-row.base-entity';

/** A mapping of any entity kind, as the generic routes handle them. */
export type AnyMapping = EntityMapping<{ id: string }, PlanRow & { key: string }, PlanRow>;

/** Single-entity reads and guarded writes on the plan model's keyed tables, through TypeORM. */
@Injectable()
export class ModelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  planExists(scope: Scope): Promise<boolean> {
    return this.dataSource.getRepository(PlanEntity).exists({ where: { id: scope.planId, organisationId: scope.organisationId } });
  }

  /** Entities with their versions, in plan order (or one of them by key). */
  async read(
    mapping: AnyMapping,
    scope: Scope,
    key?: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ entity: { id: string }; version: number }>> {
    const query = em.createQueryBuilder(mapping.entity, 'r').where('r.planId = :planId AND r.organisationId = :organisationId', scope);
    if (key !== undefined) query.andWhere('r.key = :key', { key });
    const rows = await query.orderBy('r.position', 'ASC').getMany();
    const children = mapping.children;
    const byParent = new Map<unknown, PlanRow[]>();
    if (children) {
      // One entity's children only, when one is asked for: a read of one costs the same in any plan.
      const parentColumn = parentKeyColumn(em, mapping);
      const childQuery = em.createQueryBuilder(children.entity, 'c').where('c.planId = :planId', scope);
      if (key !== undefined) childQuery.andWhere(`c.${children.parentKey} = :key`, { key });
      for (const child of await childQuery.orderBy('c.position', 'ASC').getMany()) {
        const parent: unknown = parentColumn.getEntityValue(child);
        const list = byParent.get(parent);
        if (list) list.push(child);
        else byParent.set(parent, [child]);
      }
    }
    return rows.map((row) => ({ entity: mapping.fromRow(row, children ? (byParent.get(row.key) ?? []) : undefined), version: row.version }));
  }

  /** Whether the plan's stage `stageKey` holds the change `changeKey`. */
  changeInStage(em: EntityManager, scope: Scope, changeKey: string, stageKey: string): Promise<boolean> {
    return em
      .createQueryBuilder(PlanChangeEntity, 'c')
      .innerJoin('c.stage', 's')
      .where('c.planId = :planId AND c.key = :changeKey AND s.key = :stageKey', { planId: scope.planId, changeKey, stageKey })
      .getExists();
  }

  async insert(em: EntityManager, mapping: AnyMapping, scope: WriteScope, entity: { id: string }): Promise<void> {
    await insertRows(em, mapping.entity, scope, [mapping.toRow(entity)], await nextPosition(em, mapping.entity, scope.planId));
    await this.writeChildren(em, mapping, scope, entity);
  }

  /** Guarded update: applies only at `version` and stamps the write's version; answers whether it did. */
  async update(em: EntityManager, mapping: AnyMapping, scope: WriteScope, key: string, version: number, entity: { id: string }): Promise<boolean> {
    const { key: _key, ...row } = mapping.toRow(entity);
    const result = await em
      .createQueryBuilder()
      .update(mapping.entity)
      .set({ ...row, version: scope.version, updatedAt: () => 'now()' })
      .where(guarded(scope, key, version))
      .execute();
    if (!result.affected) return false;
    await this.writeChildren(em, mapping, scope, entity);
    return true;
  }

  /** Guarded delete: removes only at `version`; answers whether it did. */
  async delete(em: EntityManager, mapping: AnyMapping, scope: Scope, key: string, version: number): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .delete()
      .from(mapping.entity)
      .where(guarded(scope, key, version))
      .execute();
    if (!result.affected) return false;
    if (mapping.children) await this.deleteChildren(em, mapping, scope.planId, key);
    return true;
  }

  private async writeChildren(em: EntityManager, mapping: AnyMapping, scope: WriteScope, entity: { id: string }): Promise<void> {
    const children = mapping.children;
    if (!children) return;
    await this.deleteChildren(em, mapping, scope.planId, entity.id);
    await insertRows(em, children.entity, scope, children.toRows(entity));
  }

  private async deleteChildren(em: EntityManager, mapping: AnyMapping, planId: string, key: string): Promise<void> {
    const children = mapping.children;
    if (!children) return;
    await em
      .createQueryBuilder()
      .delete()
      .from(children.entity)
      .where(`plan_id = :planId AND ${parentKeyColumn(em, mapping).databaseName} = :key`, { planId, key })
      .execute();
  }
}

/** The child table's column that holds the parent's key. */
function parentKeyColumn(em: EntityManager, mapping: AnyMapping): ColumnMetadata {
  const children = mapping.children;
  const column = children && em.connection.getMetadata(children.entity).findColumnWithPropertyName(children.parentKey);
  if (!column) throw new Error(`no column ${children?.parentKey} in the children of ${em.connection.getMetadata(mapping.entity).tableName}`);
  return column;
}

/** The guard of every single-entity write: the plan's row with this key, still at the version the client read. */
function guarded(scope: Scope, key: string, version: number): Brackets {
  return new Brackets((q) =>
    q.where('plan_id = :planId AND organisation_id = :organisationId AND key = :key AND version = :version', { ...scope, key, version }),
  );
}

/** The position after the plan's last row of a table (an index scan on (plan_id, position), not a count). */
export async function nextPosition(em: EntityManager, entity: new () => PlanRow, planId: string): Promise<number> {
  const row = await em
    .createQueryBuilder(entity, 'r')
    .select('coalesce(max(r.position) + 1, 0)::int', 'next')
    .where('r.planId = :planId', { planId })
    .getRawOne<{ next: number }>();
  return row?.next ?? 0;
}
