import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MeResponse, MembershipResponse, Role, SessionResponse } from '@tillit/contract';
import * as argon2 from 'argon2';
import { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { AppError } from '../common/app-error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuthContext } from '../common/auth-context';
import { AppUserEntity } from './app-user.entity';
import { AuthRepository, Membership } from './auth.repository';
import { passwordProblems } from './password-policy';
import { hashToken, newToken } from './tokens';

/** OWASP's argon2id settings: 19 MiB, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const SESSION_HOURS = 12;
export const LOGIN_WINDOW_SECONDS = 60;
/** The default failures per address and account a minute; TILLIT_LOGIN_ATTEMPTS_PER_MINUTE changes it. */
export const LOGIN_ATTEMPTS_PER_WINDOW = 10;
/** Failures in a row an account may have (from any address) before each next one waits longer. */
export const FREE_FAILURES = 5;
/** The longest an account waits between failed attempts, and how far back failures count. */
export const MAX_BACKOFF_SECONDS = 900;

/**
 * Seconds an account must wait after `failures` failed attempts in a row: none for the first few, then
 * 1, 2, 4 … up to 15 minutes (exponential back-off, per account, whatever the address).
 */
export function backoffSeconds(failures: number): number {
  return failures < FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES), MAX_BACKOFF_SECONDS);
}

function membership(row: Membership): MembershipResponse {
  return { organisationId: row.organisationId, organisationName: row.organisationName, role: row.role };
}

/** A user id no account has: what an unknown e-mail's memberships are asked for. */
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so that a wrong e-mail takes as long as a wrong password. */
  private decoyHash: Promise<string> | undefined;

  constructor(
    private readonly accounts: AuthRepository,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses a new password that breaks the policy (password-policy.ts) with 400 naming `field`. */
  static checkPassword(password: string, email: string, field = 'password'): void {
    const problems = passwordProblems(password, email, field);
    if (problems.length) throw AppError.validation(problems);
  }

  hashPassword(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  /** Creates a user with a role in an organisation. */
  async createAccount(
    account: { email: string; displayName: string; password: string; organisationId: string; role: Role },
    em?: EntityManager,
  ): Promise<string> {
    AuthService.checkPassword(account.password, account.email);
    const userId = await this.accounts.createUser(
      { email: account.email, displayName: account.displayName, passwordHash: await this.hashPassword(account.password) },
      em,
    );
    await this.accounts.addMembership(account.organisationId, userId, account.role, em);
    return userId;
  }

  /**
   * Throttled twice, so that neither a burst against one account nor a burst from one shared address
   * locks anyone out for long: failures per address and account are limited per minute, and an account's
   * failures in a row (from any address) make each next attempt wait longer. A right password is refused
   * only while its own account waits, never for other accounts' failures from the same address.
   *
   * An account of several organisations names the one to act in: without `organisationId` the answer is
   * 409 `organisation_required` with the organisations to pick from (the password was right, so this
   * tells the person nothing they may not know), never a session in whichever comes first.
   */
  async login(email: string, password: string, organisationId: string | undefined, client: string): Promise<SessionResponse> {
    const { user, memberships } = await this.verifyPassword(email, password, client, (ms) =>
      organisationId ? ms.some((m) => m.organisationId === organisationId) : ms.length > 0,
    );
    if (!organisationId && memberships.length > 1) throw AppError.organisationRequired(memberships.map(membership));
    const chosen = (organisationId ? memberships.find((m) => m.organisationId === organisationId) : memberships[0]) as Membership;
    return this.openSession(user, chosen, memberships, client);
  }

  /**
   * The throttled password check of a login (and of accepting an invitation with an existing account):
   * the account and its memberships, or 429 / 401 (recorded in the audit log). `usable` says whether the
   * account may go on with these memberships; when not, it counts as a failed attempt.
   */
  async verifyPassword(
    email: string,
    password: string,
    client: string,
    usable: (memberships: Membership[]) => boolean,
  ): Promise<{ user: AppUserEntity; memberships: Membership[] }> {
    const account = email.trim().toLowerCase();
    const failures = await this.accounts.failures(client, account, LOGIN_WINDOW_SECONDS, MAX_BACKOFF_SECONDS);
    const wait = Math.ceil(backoffSeconds(failures.inARow) - failures.secondsSinceLast);
    if (failures.fromClient >= this.config.loginAttemptsPerMinute || wait > 0) {
      const retryAfter = failures.fromClient >= this.config.loginAttemptsPerMinute ? LOGIN_WINDOW_SECONDS : wait;
      const known = await this.accounts.userByEmail(email);
      await this.recordRefusedLogin('login.rate_limited', known?.id ?? null, email, client);
      throw AppError.tooManyRequests(`Too many failed login attempts; wait ${retryAfter} seconds and try again`, retryAfter);
    }
    const user = await this.accounts.userByEmail(email);
    const ok = user && !user.disabled ? await argon2.verify(user.passwordHash, password) : await this.decoyVerify(password);
    const memberships = user && ok ? await this.accounts.memberships(user.id) : [];
    const accepted = !!user && ok && usable(memberships);
    await this.accounts.recordAttempt(client, account, !accepted);
    if (!user || !accepted) {
      await this.recordRefusedLogin('login.failure', user?.id ?? null, email, client);
      throw AppError.unauthenticated('Wrong e-mail or password');
    }
    return { user, memberships };
  }

  /** A new session in one of the user's organisations, recorded there as a login. */
  async openSession(
    user: Pick<AppUserEntity, 'id' | 'email' | 'displayName'>,
    chosen: Membership,
    memberships: Membership[],
    client: string,
    via?: 'switch' | 'invitation' | 'password_reset',
  ): Promise<SessionResponse> {
    const { token, expiresAt, sessionId } = await this.startSession(user.id, chosen.organisationId);
    await this.audit.append({
      organisationId: chosen.organisationId,
      userId: user.id,
      action: 'login.success',
      entity: 'session',
      entityId: sessionId,
      ...(via && { after: { via } }),
      client,
    });
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      user: { id: user.id, email: user.email, displayName: user.displayName },
      organisation: membership(chosen),
      memberships: memberships.map(membership),
    };
  }

  /**
   * The caller moves to another of their organisations: this session ends (a logout in the organisation
   * it was in) and a new one starts there. Not a member there (or no such organisation): 404, as for
   * anything of another organisation.
   */
  async switchOrganisation(auth: AuthContext, organisationId: string): Promise<SessionResponse> {
    const memberships = await this.accounts.memberships(auth.userId);
    const chosen = memberships.find((m) => m.organisationId === organisationId);
    const user = await this.accounts.userById(auth.userId);
    if (!chosen || !user) throw AppError.notFound('Organisation');
    await this.logout(auth);
    return this.openSession(user, chosen, memberships, auth.client, 'switch');
  }

  /**
   * A refused login, in the audit log of every organisation the account belongs to, so that their admins
   * see attempts on their members' accounts; an unknown e-mail goes to the installation's log (no
   * organisation). Throttled refusals are written at most once a minute per client, so a flood of them
   * cannot flood the log (failures themselves are bounded by the throttling). The memberships are asked
   * for an unknown e-mail too (of no account), so the answer's timing does not tell the two apart.
   */
  private async recordRefusedLogin(
    action: 'login.failure' | 'login.rate_limited',
    userId: string | null,
    email: string,
    client: string,
  ): Promise<void> {
    const organisations = (await this.accounts.memberships(userId ?? NO_ACCOUNT)).map((m) => m.organisationId);
    for (const organisationId of organisations.length ? organisations : [null]) {
      const entry = { organisationId, userId, action, after: { email }, client };
      if (action === 'login.rate_limited') await this.audit.appendRateLimited(entry);
      else await this.audit.append(entry);
    }
  }

  /** A new session for a member of an organisation: its bearer token (only its hash is stored). */
  async startSession(userId: string, organisationId: string): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600 * 1000);
    const sessionId = await this.accounts.createSession({ tokenHash: hash, userId, organisationId, expiresAt });
    return { token, expiresAt, sessionId };
  }

  async logout(auth: AuthContext): Promise<void> {
    await this.accounts.deleteSession(auth.sessionId);
    await this.audit.append({
      organisationId: auth.organisationId,
      userId: auth.userId,
      action: 'logout',
      entity: 'session',
      entityId: auth.sessionId,
      client: auth.client,
    });
  }

  /** The session a bearer token stands for, or null. */
  async authenticate(token: string, client: string): Promise<(AuthContext & { me: MeResponse }) | null> {
    const session = await this.accounts.sessionByTokenHash(hashToken(token));
    if (!session || !session.role) return null;
    return {
      userId: session.userId,
      organisationId: session.organisationId,
      role: session.role,
      sessionId: session.id,
      client,
      me: {
        user: { id: session.userId, email: session.email, displayName: session.displayName },
        organisation: { organisationId: session.organisationId, organisationName: session.organisationName, role: session.role },
      },
    };
  }

  private async decoyVerify(password: string): Promise<false> {
    this.decoyHash ??= this.hashPassword(randomBytes(16).toString('hex'));
    await argon2.verify(await this.decoyHash, password);
    return false;
  }
}
