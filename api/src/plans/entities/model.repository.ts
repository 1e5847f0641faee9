import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { insertRows, Row, Scope, WriteScope } from '../content/plan-content.repository';
import { EntityMapping } from '../content/model-rows';

/** Single-entity reads and guarded writes on the plan model's keyed tables. */
@Injectable()
export class ModelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async planExists(scope: Scope): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM plan WHERE id = $1 AND organisation_id = $2`, [scope.planId, scope.organisationId]);
    return rows.length > 0;
  }

  /** Entities with their versions, in plan order (or one of them by key). */
  async read(
    mapping: EntityMapping<{ id: string }>,
    scope: Scope,
    key?: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ entity: { id: string }; version: number }>> {
    const rows: Row[] = await em.query(
      `SELECT ${mapping.select ?? '*'} FROM ${mapping.table} WHERE plan_id = $1 AND organisation_id = $2 ${key === undefined ? '' : 'AND key = $3'} ORDER BY position`,
      key === undefined ? [scope.planId, scope.organisationId] : [scope.planId, scope.organisationId, key],
    );
    const children = mapping.children;
    // One entity's children only, when one is asked for: a read of one costs the same in any plan.
    const childRows: Row[] = !children
      ? []
      : key === undefined
        ? await em.query(`SELECT * FROM ${children.table} WHERE plan_id = $1 ORDER BY position`, [scope.planId])
        : await em.query(`SELECT * FROM ${children.table} WHERE plan_id = $1 AND ${children.keyColumn} = $2 ORDER BY position`, [scope.planId, key]);
    const byParent = new Map<unknown, Row[]>();
    for (const c of childRows) {
      const parent = c[children?.keyColumn ?? ''];
      const list = byParent.get(parent);
      if (list) list.push(c);
      else byParent.set(parent, [c]);
    }
    return rows.map((row) => ({
      entity: mapping.fromRow(row, children ? (byParent.get(row.key) ?? []) : undefined),
      version: row.version as number,
    }));
  }

  /** Whether the plan's stage `stageKey` holds the change `changeKey`. */
  async changeInStage(em: EntityManager, scope: Scope, changeKey: string, stageKey: string): Promise<boolean> {
    const rows = await em.query(`SELECT 1 FROM plan_change c JOIN stage s ON s.id = c.stage_id WHERE c.plan_id = $1 AND c.key = $2 AND s.key = $3`, [
      scope.planId,
      changeKey,
      stageKey,
    ]);
    return rows.length > 0;
  }

  async insert(em: EntityManager, mapping: EntityMapping<{ id: string }>, scope: WriteScope, entity: { id: string }): Promise<void> {
    const [{ next }] = await em.query(`SELECT coalesce(max(position) + 1, 0)::int AS next FROM ${mapping.table} WHERE plan_id = $1`, [scope.planId]);
    const row = mapping.toRow(entity);
    const columns = ['organisation_id', 'plan_id', 'position', 'version', ...Object.keys(row)];
    const values = [scope.organisationId, scope.planId, next, scope.version, ...Object.values(row)];
    await em.query(`INSERT INTO ${mapping.table} (${columns.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})`, values);
    await this.writeChildren(em, mapping, scope, entity);
  }

  /** Guarded update: applies only at `version` and stamps the write's version; answers whether it did. */
  async update(
    em: EntityManager,
    mapping: EntityMapping<{ id: string }>,
    scope: WriteScope,
    key: string,
    version: number,
    entity: { id: string },
  ): Promise<boolean> {
    const { key: _key, ...row } = mapping.toRow(entity);
    const columns = Object.keys(row);
    const values = Object.values(row);
    const sets = columns.map((c, i) => `${c} = $${i + 6}`).join(', ');
    const [{ n }] = await em.query(
      `WITH updated AS (
         UPDATE ${mapping.table} SET ${sets}, version = $5, updated_at = now()
          WHERE plan_id = $1 AND organisation_id = $2 AND key = $3 AND version = $4 RETURNING 1)
       SELECT count(*)::int AS n FROM updated`,
      [scope.planId, scope.organisationId, key, version, scope.version, ...values],
    );
    if (n === 0) return false;
    await this.writeChildren(em, mapping, scope, entity);
    return true;
  }

  /** Guarded delete: removes only at `version`; answers whether it did. */
  async delete(em: EntityManager, mapping: EntityMapping<{ id: string }>, scope: Scope, key: string, version: number): Promise<boolean> {
    const [{ n }] = await em.query(
      `WITH deleted AS (
         DELETE FROM ${mapping.table} WHERE plan_id = $1 AND organisation_id = $2 AND key = $3 AND version = $4 RETURNING 1)
       SELECT count(*)::int AS n FROM deleted`,
      [scope.planId, scope.organisationId, key, version],
    );
    if (n === 0) return false;
    if (mapping.children) {
      await em.query(`DELETE FROM ${mapping.children.table} WHERE plan_id = $1 AND ${mapping.children.keyColumn} = $2`, [scope.planId, key]);
    }
    return true;
  }

  private async writeChildren(em: EntityManager, mapping: EntityMapping<{ id: string }>, scope: WriteScope, entity: { id: string }): Promise<void> {
    const children = mapping.children;
    if (!children) return;
    await em.query(`DELETE FROM ${children.table} WHERE plan_id = $1 AND ${children.keyColumn} = $2`, [scope.planId, entity.id]);
    await insertRows(em, children.table, scope, children.toRows(entity));
  }
}
