import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '../common/auth-context';
import { AuditLogEntity } from './audit-log.entity';

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
    const row = new AuditLogEntity();
    row.organisationId = entry.organisationId;
    row.userId = entry.userId;
    row.action = entry.action;
    row.entity = entry.entity ?? null;
    row.entityId = entry.entityId ?? null;
    row.before = entry.before === undefined ? null : asJson(entry.before);
    row.after = entry.after === undefined ? null : asJson(entry.after);
    row.client = entry.client ?? null;
    // insert(), not save(): no read-back, and the table refuses updates (append-only trigger).
    await (em ?? this.dataSource.manager).createQueryBuilder().insert().into(AuditLogEntity).values(row).execute();
  }

  list(organisationId: string, limit: number, offset: number): Promise<AuditLogEntity[]> {
    return this.dataSource.getRepository(AuditLogEntity).find({ where: { organisationId }, order: { id: 'DESC' }, take: limit, skip: offset });
  }
}

/** A value as the jsonb column stores it: a JSON document (a scalar is kept as `{ value }`). */
function asJson(value: unknown): object {
  return typeof value === 'object' && value !== null ? value : { value };
}
