import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AcceptInvitationRequest,
  CreatedInvitationResponse,
  INVITATION_DAYS,
  InvitationPreviewResponse,
  InvitationResponse,
  Role,
  SessionResponse,
} from '@tillit/contract';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { AuthRepository, Membership } from './auth.repository';
import { AuthService } from './auth.service';
import { InvitationEntity } from './invitation.entity';
import { InvitationsRepository, PendingInvitation } from './invitations.repository';
import { hashToken, newToken } from './tokens';

const DAY_MS = 86_400_000;

function invitationResponse(row: Pick<InvitationEntity, 'id' | 'email' | 'role' | 'createdAt' | 'expiresAt'>): InvitationResponse {
  return { id: row.id, email: row.email, role: row.role, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString() };
}

/** Who invites, for the audit log: an admin of the organisation, or the installation's command line. */
export type Inviter = { kind: 'member'; auth: AuthContext } | { kind: 'cli' };

/**
 * Invitations: an admin invites an e-mail address with a role, and the membership is made only when the
 * person accepts — a new person by choosing a display name and a password, someone with an account by
 * giving its password. What the admin is answered never depends on whether the address has an account
 * (nor anything else of another organisation). The link's token is shown once; only its hash is stored.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationsRepository,
    private readonly accounts: AuthRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditRepository,
  ) {}

  async list(caller: AuthContext): Promise<InvitationResponse[]> {
    return (await this.invitations.pending(caller.organisationId)).map(invitationResponse);
  }

  /** A new invitation; one still pending for the same address in this organisation is revoked. */
  async invite(caller: AuthContext, email: string, role: Role): Promise<CreatedInvitationResponse> {
    return this.dataSource.transaction((em) => this.inviteIn(em, caller.organisationId, email, role, { kind: 'member', auth: caller }));
  }

  /** The same, inside a transaction of the caller's (the command line's `org create`). */
  async inviteIn(em: EntityManager, organisationId: string, email: string, role: Role, by: Inviter): Promise<CreatedInvitationResponse> {
    const address = email.trim().toLowerCase();
    // The organisation's own members are the admin's to see anyway (GET /api/users).
    if ((await this.accounts.members(organisationId, em)).some((m) => m.email === address))
      throw AppError.validation([{ field: 'email', code: 'already_member', reason: 'is already a member of this organisation' }]);
    const actor = by.kind === 'member' ? { userId: by.auth.userId, client: by.auth.client } : { userId: null, client: 'cli' };
    for (const id of await this.invitations.revoke(organisationId, { email: address }, em))
      await this.audit.append(
        { organisationId, ...actor, action: 'invitation.revoke', entity: 'invitation', entityId: id, after: { replaced: true } },
        em,
      );
    const { token, hash } = newToken();
    const row = await this.invitations.create(
      { organisationId, email: address, role, tokenHash: hash, invitedBy: actor.userId, expiresAt: new Date(Date.now() + INVITATION_DAYS * DAY_MS) },
      em,
    );
    await this.audit.append(
      { organisationId, ...actor, action: 'invitation.create', entity: 'invitation', entityId: row.id, after: { email: address, role } },
      em,
    );
    return { ...invitationResponse(row), token };
  }

  async revoke(caller: AuthContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const [revoked] = await this.invitations.revoke(caller.organisationId, { id }, em);
      if (!revoked) throw AppError.notFound('Invitation');
      await this.audit.appendFor(em, caller, {
        action: 'invitation.revoke',
        entity: 'invitation',
        entityId: id,
        before: undefined,
        after: undefined,
      });
    });
  }

  /** What the link's holder sees before accepting: never whether the address already has an account. */
  async preview(token: string): Promise<InvitationPreviewResponse> {
    const invitation = await this.pendingOrFail(token);
    return {
      organisationName: invitation.organisationName,
      role: invitation.role,
      email: invitation.email,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Accepts an invitation and signs the person in to the inviting organisation. With a display name: a
   * new account for the invited address (400 `account_exists` if it has one: sign in instead). Without:
   * the address's account, by its password, throttled and recorded like a login (401 when wrong).
   */
  async accept(dto: AcceptInvitationRequest, client: string): Promise<SessionResponse> {
    const invitation = await this.pendingOrFail(dto.token);
    let userId: string;
    if (dto.displayName !== undefined) {
      AuthService.checkPassword(dto.password, invitation.email);
      const passwordHash = await this.auth.hashPassword(dto.password);
      userId = await this.dataSource.transaction(async (em) => {
        if (await this.accounts.userByEmail(invitation.email, em))
          throw AppError.validation([
            { field: 'displayName', code: 'account_exists', reason: 'the address has an account: accept with its password instead' },
          ]);
        const id = await this.accounts.createUser({ email: invitation.email, displayName: dto.displayName as string, passwordHash }, em);
        await this.join(em, invitation, id, false, client);
        return id;
      });
    } else {
      const { user, memberships } = await this.auth.verifyPassword(invitation.email, dto.password, client, () => true);
      userId = user.id;
      const already = memberships.some((m) => m.organisationId === invitation.organisationId);
      await this.dataSource.transaction((em) => this.join(em, invitation, user.id, already, client));
    }
    const user = await this.accounts.userById(userId);
    const memberships = await this.accounts.memberships(userId);
    const chosen = memberships.find((m) => m.organisationId === invitation.organisationId) as Membership;
    return this.auth.openSession(user as NonNullable<typeof user>, chosen, memberships, client, 'invitation');
  }

  private async join(em: EntityManager, invitation: PendingInvitation, userId: string, alreadyMember: boolean, client: string): Promise<void> {
    // Claimed in the transaction that makes the membership: a link works once, even when used twice at once.
    if (!(await this.invitations.claim(invitation.id, userId, em))) throw AppError.notFound('Invitation');
    if (!alreadyMember) await this.accounts.addMembership(invitation.organisationId, userId, invitation.role, em);
    const entry = { organisationId: invitation.organisationId, userId, client };
    await this.audit.append(
      { ...entry, action: 'invitation.accept', entity: 'invitation', entityId: invitation.id, after: { role: invitation.role } },
      em,
    );
    if (!alreadyMember)
      await this.audit.append(
        { ...entry, action: 'member.add', entity: 'member', entityId: userId, after: { email: invitation.email, role: invitation.role } },
        em,
      );
  }

  private async pendingOrFail(token: string): Promise<PendingInvitation> {
    const invitation = await this.invitations.pendingByTokenHash(hashToken(token));
    // Unknown, used, revoked and expired links are all the same 404: the holder learns nothing more.
    if (!invitation) throw AppError.notFound('Invitation');
    return invitation;
  }
}
