import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '@tillit/contract';
import { DataSource, EntityManager } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { AppUserEntity } from './app-user.entity';
import { InvitationEntity } from './invitation.entity';
import { LoginAttemptEntity } from './login-attempt.entity';
import { MembershipEntity } from './membership.entity';
import { SessionEntity } from './session.entity';

export interface Membership {
  organisationId: string;
  organisationName: string;
  role: Role;
}

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  unionRep: boolean;
  /** The account is disabled (everywhere): it cannot log in. */
  disabled: boolean;
  createdAt: Date;
}

/** A live session with the caller's current role in its organisation (null role: no longer a member). */
export interface LiveSession {
  id: string;
  userId: string;
  organisationId: string;
  expiresAt: Date;
  role: Role | null;
  email: string;
  displayName: string;
  organisationName: string;
}

/** Queries on users, memberships, sessions and login attempts, through TypeORM. */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private em(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  countUsers(): Promise<number> {
    return this.dataSource.getRepository(AppUserEntity).count();
  }

  userByEmail(email: string, em?: EntityManager): Promise<AppUserEntity | null> {
    return this.em(em)
      .getRepository(AppUserEntity)
      .findOne({ where: { email: email.toLowerCase() } });
  }

  userById(id: string, em?: EntityManager): Promise<AppUserEntity | null> {
    return this.em(em).getRepository(AppUserEntity).findOne({ where: { id } });
  }

  async memberships(userId: string, em?: EntityManager): Promise<Membership[]> {
    const rows = await this.em(em)
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.organisation', 'o')
      .where('m.userId = :userId', { userId })
      .orderBy('o.name')
      .addOrderBy('o.id')
      .getMany();
    return rows.map((m) => ({ organisationId: m.organisationId, organisationName: m.organisation?.name ?? '', role: m.role }));
  }

  async createOrganisation(name: string, em?: EntityManager, id?: string): Promise<string> {
    const result = await this.em(em)
      .getRepository(OrganisationEntity)
      .insert({ name, ...(id && { id }) });
    return insertedId(result.identifiers);
  }

  organisationsNamed(name: string): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o').where('lower(o.name) = lower(:name)', { name }).getMany();
  }

  /** Every organisation with its counts of members, admins and pending invitations, by name. */
  async organisationSummaries(): Promise<
    Array<{ id: string; name: string; members: number; admins: number; pendingInvitations: number; createdAt: Date }>
  > {
    const rows = await this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .select(['o.id AS id', 'o.name AS name', 'o.createdAt AS "createdAt"'])
      .addSelect((q) => q.select('count(*)::int').from(MembershipEntity, 'm').where('m.organisationId = o.id'), 'members')
      .addSelect((q) => q.select('count(*)::int').from(MembershipEntity, 'a').where(`a.organisationId = o.id AND a.role = 'admin'`), 'admins')
      .addSelect(
        (q) =>
          q
            .select('count(*)::int')
            .from(InvitationEntity, 'i')
            .where('i.organisationId = o.id AND i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > now()'),
        'pending',
      )
      .orderBy('o.name')
      .addOrderBy('o.id')
      .getRawMany<{ id: string; name: string; createdAt: Date; members: number; admins: number; pending: number }>();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      members: Number(r.members),
      admins: Number(r.admins),
      pendingInvitations: Number(r.pending),
      createdAt: new Date(r.createdAt),
    }));
  }

  /** A new password hash; every session of the account ends but `keepSessionId`. */
  async setPassword(userId: string, passwordHash: string, em: EntityManager, keepSessionId?: string): Promise<void> {
    await em.getRepository(AppUserEntity).update({ id: userId }, { passwordHash });
    const sessions = em.getRepository(SessionEntity).createQueryBuilder().delete().where('user_id = :userId', { userId });
    if (keepSessionId) sessions.andWhere('id <> :keepSessionId', { keepSessionId });
    await sessions.execute();
  }

  /** The account can no longer log in, and every session of it ends. */
  async disableUser(userId: string, em: EntityManager): Promise<void> {
    await em.getRepository(AppUserEntity).update({ id: userId }, { disabled: true });
    await em.getRepository(SessionEntity).delete({ userId });
  }

  /** The account can log in again (its sessions ended when it was disabled). */
  async enableUser(userId: string, em: EntityManager): Promise<void> {
    await em.getRepository(AppUserEntity).update({ id: userId }, { disabled: false });
  }

  organisationExists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(OrganisationEntity).exists({ where: { id } });
  }

  async createUser(user: { email: string; displayName: string; passwordHash: string }, em?: EntityManager): Promise<string> {
    const result = await this.em(em)
      .getRepository(AppUserEntity)
      .insert({ email: user.email.toLowerCase(), displayName: user.displayName, passwordHash: user.passwordHash });
    return insertedId(result.identifiers);
  }

  async addMembership(organisationId: string, userId: string, role: Role, em?: EntityManager): Promise<void> {
    await this.em(em).getRepository(MembershipEntity).insert({ organisationId, userId, role });
  }

  async members(organisationId: string, em?: EntityManager): Promise<Member[]> {
    const rows = await this.em(em)
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.organisationId = :organisationId', { organisationId })
      .orderBy('u.displayName')
      .addOrderBy('u.email')
      .getMany();
    return rows.flatMap((m) =>
      m.user
        ? [
            {
              userId: m.userId,
              email: m.user.email,
              displayName: m.user.displayName,
              role: m.role,
              unionRep: m.unionRep,
              disabled: m.user.disabled,
              createdAt: m.createdAt,
            },
          ]
        : [],
    );
  }

  /** What a member's own writes carry: their name, and whether a union appointed them its representative. */
  async author(organisationId: string, userId: string, em?: EntityManager): Promise<{ displayName: string; unionRep: boolean } | null> {
    const m = await this.em(em)
      .getRepository(MembershipEntity)
      .findOne({ where: { organisationId, userId }, relations: { user: true } });
    return m?.user ? { displayName: m.user.displayName, unionRep: m.unionRep } : null;
  }

  async setUnionRep(organisationId: string, userId: string, unionRep: boolean, em: EntityManager): Promise<void> {
    await em.getRepository(MembershipEntity).update({ organisationId, userId }, { unionRep });
  }

  async setRole(organisationId: string, userId: string, role: Role, em: EntityManager): Promise<void> {
    await em.getRepository(MembershipEntity).update({ organisationId, userId }, { role });
  }

  async removeMembership(organisationId: string, userId: string, em: EntityManager): Promise<void> {
    await em.getRepository(MembershipEntity).delete({ organisationId, userId });
    await em.getRepository(SessionEntity).delete({ organisationId, userId });
  }

  async createSession(session: { tokenHash: string; userId: string; organisationId: string; expiresAt: Date }): Promise<string> {
    const result = await this.dataSource.getRepository(SessionEntity).insert(session);
    return insertedId(result.identifiers);
  }

  /** A live session of an enabled user, with the user's current role in the session's organisation. */
  async sessionByTokenHash(tokenHash: string): Promise<LiveSession | null> {
    const row = await this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u', 'NOT u.disabled')
      .innerJoinAndSelect('s.organisation', 'o')
      .leftJoinAndMapOne('s.membership', MembershipEntity, 'm', 'm.userId = s.userId AND m.organisationId = s.organisationId')
      .where('s.tokenHash = :tokenHash AND s.expiresAt > now()', { tokenHash })
      .getOne();
    if (!row?.user || !row.organisation) return null;
    return {
      id: row.id,
      userId: row.userId,
      organisationId: row.organisationId,
      expiresAt: row.expiresAt,
      role: row.membership?.role ?? null,
      email: row.user.email,
      displayName: row.user.displayName,
      organisationName: row.organisation.name,
    };
  }

  async deleteSession(id: string): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).delete({ id });
  }

  /** Records an attempt and answers how many this client made in the window, this one included. */
  /**
   * An account's failed sign-ins: from this client within the window, and in a row from any client (since
   * its last success, within `horizonSeconds`) with the seconds since the last of them.
   */
  async failures(
    client: string,
    account: string,
    windowSeconds: number,
    horizonSeconds: number,
  ): Promise<{ fromClient: number; inARow: number; secondsSinceLast: number }> {
    const attempts = this.dataSource.getRepository(LoginAttemptEntity);
    const fromClient = await attempts
      .createQueryBuilder('a')
      .where('a.client = :client AND a.account = :account AND a.failed AND a.at > now() - make_interval(secs => :window)', {
        client,
        account,
        window: windowSeconds,
      })
      .getCount();
    const row = await attempts
      .createQueryBuilder('a')
      .select('count(*)::int', 'n')
      .addSelect('coalesce(extract(epoch FROM now() - max(a.at)), 0)::float8', 'since')
      .where('a.account = :account AND a.failed AND a.at > now() - make_interval(secs => :horizon)', { account, horizon: horizonSeconds })
      .andWhere(`a.at > coalesce((SELECT max(s.at) FROM login_attempt s WHERE s.account = :account AND NOT s.failed), '-infinity'::timestamptz)`)
      .getRawOne<{ n: number; since: number }>();
    return { fromClient, inARow: Number(row?.n ?? 0), secondsSinceLast: Number(row?.since ?? 0) };
  }

  /** Records a sign-in attempt, and forgets those older than an hour (more than any limit looks back). */
  async recordAttempt(client: string, account: string, failed: boolean): Promise<void> {
    const attempts = this.dataSource.getRepository(LoginAttemptEntity);
    await attempts.createQueryBuilder().delete().where("at < now() - interval '1 hour'").execute();
    await attempts.insert({ client, account, failed });
  }
}

function insertedId(identifiers: ReadonlyArray<Record<string, unknown>>): string {
  const id = identifiers[0]?.id;
  if (typeof id !== 'string') throw new Error('the insert returned no id');
  return id;
}
