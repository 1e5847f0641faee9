import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, PASSWORD_RESET_HOURS, PasswordResetPreviewResponse, PasswordResetResponse } from '@tillit/contract';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { PasswordResetsRepository } from './password-resets.repository';
import { hashToken, newToken } from './tokens';

const HOUR_MS = 3_600_000;

/** Who issues a reset link: an admin of the account's only organisation, or the installation's command line. */
export type ResetIssuer = { kind: 'admin'; auth: AuthContext; userId: string } | { kind: 'cli'; email: string };

/** Why the command line's reset did nothing. */
export class UnknownAccountError extends Error {}

/**
 * Passwords: a signed-in user changes their own (giving the current one; their other sessions end), and
 * a reset link — issued by an admin or the command line, single-use, expiring, stored as its SHA-256 like
 * an invitation — lets the account's holder set a new one (every session of the account ends).
 */
@Injectable()
export class PasswordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AuthRepository,
    private readonly auth: AuthService,
    private readonly resets: PasswordResetsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async change(caller: AuthContext, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.accounts.userById(caller.userId);
    if (!user) throw AppError.unauthenticated();
    AuthService.checkPassword(newPassword, user.email, 'newPassword');
    try {
      // Throttled and recorded like a login, so a taken-over session cannot try passwords at will.
      await this.auth.verifyPassword(user.email, currentPassword, caller.client, () => true);
    } catch (e) {
      if (e instanceof AppError && e.code === ErrorCode.Unauthenticated)
        throw AppError.validation([{ field: 'currentPassword', code: 'wrong_password', reason: 'is not the account’s password' }]);
      throw e;
    }
    const passwordHash = await this.auth.hashPassword(newPassword);
    await this.dataSource.transaction(async (em) => {
      await this.accounts.setPassword(user.id, passwordHash, em, caller.sessionId);
      await this.audit.appendFor(em, caller, { action: 'password.change', entity: 'user', entityId: user.id, before: undefined, after: undefined });
    });
  }

  /**
   * A reset link for an account. An admin may issue one only for a member of their organisation who
   * belongs to no other (404 for a non-member; 400 `shared_account` otherwise): a password opens every
   * organisation of the account, and one organisation's admin must not take over another's member.
   */
  async issue(issuer: ResetIssuer): Promise<PasswordResetResponse & { email: string }> {
    return this.dataSource.transaction(async (em) => {
      let userId: string;
      let email: string;
      if (issuer.kind === 'admin') {
        const member = (await this.accounts.members(issuer.auth.organisationId, em)).find((m) => m.userId === issuer.userId);
        if (!member) throw AppError.notFound('Member');
        if ((await this.accounts.memberships(member.userId, em)).length > 1)
          throw AppError.validation([
            {
              field: 'userId',
              code: 'shared_account',
              reason: 'the account belongs to other organisations too: the installation resets it (npx tillit user reset-password)',
            },
          ]);
        userId = member.userId;
        email = member.email;
      } else {
        const user = await this.accounts.userByEmail(issuer.email.trim(), em);
        if (!user) throw new UnknownAccountError(`No account has the e-mail address ${issuer.email.trim().toLowerCase()}.`);
        userId = user.id;
        email = user.email;
      }
      const { token, hash } = newToken();
      const organisationId = issuer.kind === 'admin' ? issuer.auth.organisationId : null;
      const issuedBy = issuer.kind === 'admin' ? issuer.auth.userId : null;
      const reset = await this.resets.replace(
        { userId, tokenHash: hash, organisationId, issuedBy, expiresAt: new Date(Date.now() + PASSWORD_RESET_HOURS * HOUR_MS) },
        em,
      );
      const client = issuer.kind === 'admin' ? issuer.auth.client : 'cli';
      const organisations = organisationId ? [organisationId] : (await this.accounts.memberships(userId, em)).map((m) => m.organisationId);
      for (const org of organisations)
        await this.audit.append(
          { organisationId: org, userId: issuedBy, action: 'password.reset_issued', entity: 'user', entityId: userId, after: { email }, client },
          em,
        );
      return { token, expiresAt: reset.expiresAt.toISOString(), email };
    });
  }

  async preview(token: string): Promise<PasswordResetPreviewResponse> {
    const reset = await this.resets.pendingByTokenHash(hashToken(token));
    if (!reset) throw AppError.notFound('Password reset');
    return { email: reset.email };
  }

  /** Sets the new password from a reset link; every session of the account ends. */
  async complete(token: string, password: string, client: string): Promise<void> {
    const reset = await this.resets.pendingByTokenHash(hashToken(token));
    // Unknown, used, revoked and expired links are the same 404.
    if (!reset) throw AppError.notFound('Password reset');
    AuthService.checkPassword(password, reset.email);
    const passwordHash = await this.auth.hashPassword(password);
    await this.dataSource.transaction(async (em) => {
      if (!(await this.resets.claim(reset.id, em))) throw AppError.notFound('Password reset');
      await this.accounts.setPassword(reset.userId, passwordHash, em);
      for (const m of await this.accounts.memberships(reset.userId, em))
        await this.audit.append(
          { organisationId: m.organisationId, userId: reset.userId, action: 'password.reset', entity: 'user', entityId: reset.userId, client },
          em,
        );
    });
  }
}
