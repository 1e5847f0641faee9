import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '@tillit/contract';
import { DataSource, EntityManager } from 'typeorm';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  disabled: boolean;
}

export interface MembershipRow {
  organisation_id: string;
  organisation_name: string;
  role: Role;
}

export interface SessionRow {
  id: string;
  user_id: string;
  organisation_id: string;
  expires_at: Date;
  role: Role | null;
  email: string;
  display_name: string;
  organisation_name: string;
}

/** Queries on users, memberships, sessions and login attempts. */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private em(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  async countUsers(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM app_user`);
    return row.n as number;
  }

  async userByEmail(email: string): Promise<UserRow | null> {
    const [row] = await this.dataSource.query(`SELECT * FROM app_user WHERE email = $1`, [email.toLowerCase()]);
    return (row as UserRow) ?? null;
  }

  async memberships(userId: string): Promise<MembershipRow[]> {
    return this.dataSource.query(
      `SELECT m.organisation_id, o.name AS organisation_name, m.role
         FROM membership m JOIN organisation o ON o.id = m.organisation_id
        WHERE m.user_id = $1 ORDER BY o.name, o.id`,
      [userId],
    );
  }

  async createOrganisation(name: string, em?: EntityManager, id?: string): Promise<string> {
    const [row] = await this.em(em).query(
      id ? `INSERT INTO organisation (id, name) VALUES ($2, $1) RETURNING id` : `INSERT INTO organisation (name) VALUES ($1) RETURNING id`,
      id ? [name, id] : [name],
    );
    return row.id as string;
  }

  async organisationExists(id: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM organisation WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async createUser(user: { email: string; displayName: string; passwordHash: string }, em?: EntityManager): Promise<string> {
    const [row] = await this.em(em).query(`INSERT INTO app_user (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [
      user.email.toLowerCase(),
      user.displayName,
      user.passwordHash,
    ]);
    return row.id as string;
  }

  async addMembership(organisationId: string, userId: string, role: Role, em?: EntityManager): Promise<void> {
    await this.em(em).query(`INSERT INTO membership (organisation_id, user_id, role) VALUES ($1, $2, $3)`, [organisationId, userId, role]);
  }

  async members(
    organisationId: string,
    em?: EntityManager,
  ): Promise<Array<{ user_id: string; email: string; display_name: string; role: Role; created_at: Date }>> {
    return this.em(em).query(
      `SELECT u.id AS user_id, u.email, u.display_name, m.role, m.created_at
         FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.organisation_id = $1 ORDER BY u.display_name, u.email`,
      [organisationId],
    );
  }

  async setRole(organisationId: string, userId: string, role: Role, em: EntityManager): Promise<void> {
    await em.query(`UPDATE membership SET role = $3 WHERE organisation_id = $1 AND user_id = $2`, [organisationId, userId, role]);
  }

  async removeMembership(organisationId: string, userId: string, em: EntityManager): Promise<void> {
    await em.query(`DELETE FROM membership WHERE organisation_id = $1 AND user_id = $2`, [organisationId, userId]);
    await em.query(`DELETE FROM session WHERE organisation_id = $1 AND user_id = $2`, [organisationId, userId]);
  }

  async userByEmailWith(email: string, em: EntityManager): Promise<UserRow | null> {
    const [row] = await em.query(`SELECT * FROM app_user WHERE email = $1`, [email.toLowerCase()]);
    return (row as UserRow) ?? null;
  }

  async createSession(session: { tokenHash: string; userId: string; organisationId: string; expiresAt: Date }): Promise<string> {
    const [row] = await this.dataSource.query(
      `INSERT INTO session (token_hash, user_id, organisation_id, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [session.tokenHash, session.userId, session.organisationId, session.expiresAt],
    );
    return row.id as string;
  }

  /** A live session with the caller's current role in its organisation (null role: no longer a member). */
  async sessionByTokenHash(tokenHash: string): Promise<SessionRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT s.id, s.user_id, s.organisation_id, s.expires_at, m.role, u.email, u.display_name, o.name AS organisation_name
         FROM session s
         JOIN app_user u ON u.id = s.user_id AND NOT u.disabled
         JOIN organisation o ON o.id = s.organisation_id
         LEFT JOIN membership m ON m.user_id = s.user_id AND m.organisation_id = s.organisation_id
        WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [tokenHash],
    );
    return (row as SessionRow) ?? null;
  }

  async deleteSession(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM session WHERE id = $1`, [id]);
  }

  /** Records an attempt and answers how many this client made in the window, this one included. */
  async countAttempt(client: string, windowSeconds: number): Promise<number> {
    await this.dataSource.query(`DELETE FROM login_attempt WHERE at < now() - make_interval(secs => $1)`, [windowSeconds * 10]);
    await this.dataSource.query(`INSERT INTO login_attempt (client) VALUES ($1)`, [client]);
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM login_attempt WHERE client = $1 AND at > now() - make_interval(secs => $2)`,
      [client, windowSeconds],
    );
    return row.n as number;
  }
}
