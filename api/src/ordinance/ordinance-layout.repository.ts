import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrdinanceLayout } from '@tillit/domain/ordinance';
import { DataSource, EntityManager } from 'typeorm';
import { OrdinanceLayoutEntity } from './ordinance-layout.entity';

/** The column layout each plan's ordinance was last imported in. */
@Injectable()
export class OrdinanceLayoutRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside the import's transaction: the file's layout replaces the plan's earlier one. */
  async save(em: EntityManager, organisationId: string, planId: string, layout: OrdinanceLayout): Promise<void> {
    await em.query(
      `INSERT INTO ordinance_layout (plan_id, organisation_id, columns) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (plan_id) DO UPDATE SET columns = EXCLUDED.columns, imported_at = now()
       WHERE ordinance_layout.organisation_id = EXCLUDED.organisation_id`,
      [planId, organisationId, JSON.stringify(layout.columns)],
    );
  }

  /** The plan's layout, or null when its ordinance never came in by import (only the organisation's own plans). */
  async find(organisationId: string, planId: string): Promise<OrdinanceLayout | null> {
    const row = await this.dataSource.getRepository(OrdinanceLayoutEntity).findOne({ where: { organisationId, planId } });
    return row ? { columns: row.columns } : null;
  }
}
