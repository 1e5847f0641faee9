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

/** A filter on the audit log; every part is optional. Dates are calendar days (YYYY-MM-DD) in Swedish time. */
export interface AuditFilter {
  userId?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
}

/** An audit row with its user's name and the name of what it is about, where known. */
export interface ListedAuditEntry {
  id: string;
  at: Date;
  userId: string | null;
  userName: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  before: object | null;
  after: object | null;
  client: string | null;
  subject: string | null;
}

/** A row as the list's SQL answers it. */
interface RawAuditRow {
  id: string | number;
  at: Date | string;
  user_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  before: object | null;
  after: object | null;
  client: string | null;
  user_name: string | null;
  named: string | null;
}

export interface AuditFacets {
  actions: string[];
  entities: string[];
  users: Array<{ id: string; name: string }>;
}

/** The time zone the log's days are counted in: the organisations are Swedish. */
const SWEDISH_TIME = 'Europe/Stockholm';

/** The name a before/after document carries (an entity's `name` or `title`, a login's e-mail), if any. */
function nameIn(document: object | null): string | null {
  if (!document) return null;
  const { name, title, email } = document as { name?: unknown; title?: unknown; email?: unknown };
  for (const value of [name, title, email]) if (typeof value === 'string') return value;
  return null;
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

  /**
   * The organisation's log, newest first, filtered: who (a user), what (an action, or every action
   * under a prefix ending in "."), which kind of entity, and when (whole days in Swedish time, both
   * ends included). Each row comes with its user's name and, where it can be read, the name of what
   * it is about: a plan's title, a member's name, or the name the row's own before/after carries.
   */
  async list(organisationId: string, filter: AuditFilter, limit: number, offset: number): Promise<ListedAuditEntry[]> {
    const params: unknown[] = [organisationId];
    const where = ['a.organisation_id = $1'];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.userId) where.push(`a.user_id = ${param(filter.userId)}::uuid`);
    if (filter.action?.endsWith('.')) where.push(`starts_with(a.action, ${param(filter.action)})`);
    else if (filter.action) where.push(`a.action = ${param(filter.action)}`);
    if (filter.entity) where.push(`a.entity = ${param(filter.entity)}`);
    if (filter.from) where.push(`a.at >= (${param(filter.from)}::date)::timestamp AT TIME ZONE '${SWEDISH_TIME}'`);
    if (filter.to) where.push(`a.at < (${param(filter.to)}::date + 1)::timestamp AT TIME ZONE '${SWEDISH_TIME}'`);
    // Raw SQL: the names come from the accounts' and plans' tables, which this module does not model
    // (their entities belong to auth and plans, which write to this log).
    const rows: RawAuditRow[] = await this.dataSource.query(
      `SELECT a.id, a.at, a.user_id, a.action, a.entity, a.entity_id, a.before, a.after, a.client,
              u.display_name AS user_name, coalesce(p.title, m.display_name) AS named
         FROM audit_log a
         LEFT JOIN app_user u ON u.id = a.user_id
         LEFT JOIN app_user m ON a.entity = 'member' AND m.id::text = a.entity_id
         LEFT JOIN plan p ON a.entity = 'plan' AND p.id::text = a.entity_id AND p.organisation_id = a.organisation_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.id DESC LIMIT ${param(limit)} OFFSET ${param(offset)}`,
      params,
    );
    return rows.map((r) => ({
      id: String(r.id),
      at: new Date(r.at),
      userId: r.user_id,
      userName: r.user_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      client: r.client,
      subject: r.named ?? nameIn(r.after) ?? nameIn(r.before),
    }));
  }

  /** What the organisation's log holds, for the filters: its actions, kinds of entity and users (with names). */
  async facets(organisationId: string): Promise<AuditFacets> {
    const actions: Array<{ action: string }> = await this.dataSource.query(
      'SELECT DISTINCT action FROM audit_log WHERE organisation_id = $1 ORDER BY action',
      [organisationId],
    );
    const entities: Array<{ entity: string }> = await this.dataSource.query(
      'SELECT DISTINCT entity FROM audit_log WHERE organisation_id = $1 AND entity IS NOT NULL ORDER BY entity',
      [organisationId],
    );
    const users: Array<{ id: string; name: string }> = await this.dataSource.query(
      `SELECT u.id, u.display_name AS name FROM app_user u
        WHERE EXISTS (SELECT 1 FROM audit_log a WHERE a.organisation_id = $1 AND a.user_id = u.id)
        ORDER BY u.display_name`,
      [organisationId],
    );
    return { actions: actions.map((r) => r.action), entities: entities.map((r) => r.entity), users };
  }
}

/** A value as the jsonb column stores it: a JSON document (a scalar is kept as `{ value }`). */
function asJson(value: unknown): object {
  return typeof value === 'object' && value !== null ? value : { value };
}
