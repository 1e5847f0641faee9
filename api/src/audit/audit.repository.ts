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

/** Refusals of one kind from one client are recorded at most once in this many seconds. */
export const REFUSAL_WINDOW_SECONDS = 60;

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

  /**
   * Appends an entry unless one of the same action from the same client (in the same organisation) was
   * written in the last `windowSeconds`: refusals that anyone can cause — bogus tokens, throttled logins,
   * probing other organisations' plans — are recorded, but a flood of them writes one row a minute per
   * client, not one per request. Answers whether it wrote.
   */
  async appendRateLimited(entry: AuditEntry, windowSeconds = REFUSAL_WINDOW_SECONDS): Promise<boolean> {
    const written: unknown[] = await this.dataSource.query(
      `INSERT INTO audit_log (organisation_id, user_id, action, entity, entity_id, before, after, client)
       SELECT $1::uuid, $2::uuid, $3::text, $4::text, $5::text, $6::jsonb, $7::jsonb, $8::text
        WHERE NOT EXISTS (
          SELECT 1 FROM audit_log
           WHERE client IS NOT DISTINCT FROM $8 AND action = $3 AND organisation_id IS NOT DISTINCT FROM $1
             AND at > now() - make_interval(secs => $9::double precision))
       RETURNING id`,
      [
        entry.organisationId,
        entry.userId,
        entry.action,
        entry.entity ?? null,
        entry.entityId ?? null,
        entry.before === undefined ? null : JSON.stringify(asJson(entry.before)),
        entry.after === undefined ? null : JSON.stringify(asJson(entry.after)),
        entry.client ?? null,
        windowSeconds,
      ],
    );
    return written.length > 0;
  }

  list(organisationId: string, limit: number, offset: number): Promise<AuditLogEntity[]> {
    return this.dataSource.getRepository(AuditLogEntity).find({ where: { organisationId }, order: { id: 'DESC' }, take: limit, skip: offset });
  }
}

/** A value as the jsonb column stores it: a JSON document (a scalar is kept as `{ value }`). */
function asJson(value: unknown): object {
  return typeof value === 'object' && value !== null ? value : { value };
}
