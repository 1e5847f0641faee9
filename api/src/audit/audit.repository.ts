import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '../common/auth-context';

export interface AuditEntry {
  organisationId: string | null;
  userId: string | null;
  action: string;
  entity?: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
  client?: string;
}

export interface AuditRow {
  id: string;
  at: Date;
  user_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  client: string | null;
}

/** The append-only audit log: rows are only ever inserted (a trigger refuses updates and deletes). */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A write by the caller of a route, inside its transaction: who, from where and in which organisation come from the session. */
  appendFor(
    em: EntityManager,
    auth: AuthContext,
    entry: { action: string; entity: string; entityId: string; before: unknown; after: unknown },
  ): Promise<void> {
    return this.append({ organisationId: auth.organisationId, userId: auth.userId, client: auth.client, ...entry }, em);
  }

  async append(entry: AuditEntry, em?: EntityManager): Promise<void> {
    await (em ?? this.dataSource.manager).query(
      `INSERT INTO audit_log (organisation_id, user_id, action, entity, entity_id, before, after, client)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.organisationId,
        entry.userId,
        entry.action,
        entry.entity ?? null,
        entry.entityId ?? null,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
        entry.client ?? null,
      ],
    );
  }

  list(organisationId: string, limit: number, offset: number): Promise<AuditRow[]> {
    return this.dataSource.query(
      `SELECT id::text, at, user_id, action, entity, entity_id, before, after, client
         FROM audit_log WHERE organisation_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3`,
      [organisationId, limit, offset],
    );
  }
}
