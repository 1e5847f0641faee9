import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CreatedInvitationResponse } from '@tillit/contract';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { AuthRepository } from './auth.repository';
import { InvitationsService } from './invitations.service';
import { PasswordsService, UnknownAccountError } from './passwords.service';

/** Who acts through the installation's command line: recorded as the client of its audit rows. */
export const CLI_CLIENT = 'cli';

export interface OrganisationSummary {
  id: string;
  name: string;
  members: number;
  admins: number;
  pendingInvitations: number;
  createdAt: Date;
}

/** Why the command line did nothing: the message says what to do instead. */
export class InstallationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstallationError';
  }
}

/**
 * What whoever runs the installation does, from the command line (`npx tillit org …`, `user …`): no HTTP
 * route reaches this, so organisations are never created over the network.
 */
@Injectable()
export class InstallationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AuthRepository,
    private readonly invitations: InvitationsService,
    private readonly passwords: PasswordsService,
    private readonly audit: AuditRepository,
  ) {}

  /** A reset link for any account (the command line is trusted with every organisation). */
  async issuePasswordReset(email: string): Promise<{ token: string; expiresAt: string; email: string }> {
    try {
      return await this.passwords.issue({ kind: 'cli', email });
    } catch (e) {
      if (e instanceof UnknownAccountError) throw new InstallationError(e.message);
      throw e;
    }
  }

  /** A new organisation and a one-time invitation of its first admin, in one transaction. */
  async createOrganisation(name: string, adminEmail: string): Promise<{ organisationId: string; invitation: CreatedInvitationResponse }> {
    const trimmed = name.trim();
    if ((await this.accounts.organisationsNamed(trimmed)).length > 0)
      throw new InstallationError(`An organisation named "${trimmed}" exists already; choose another name.`);
    return this.dataSource.transaction(async (em) => {
      const organisationId = await this.accounts.createOrganisation(trimmed, em);
      await this.audit.append(
        {
          organisationId,
          userId: null,
          action: 'organisation.create',
          entity: 'organisation',
          entityId: organisationId,
          after: { name: trimmed },
          client: CLI_CLIENT,
        },
        em,
      );
      const invitation = await this.invitations.inviteIn(em, organisationId, adminEmail, 'admin', { kind: 'cli' });
      return { organisationId, invitation };
    });
  }

  listOrganisations(): Promise<OrganisationSummary[]> {
    return this.accounts.organisationSummaries();
  }

  /**
   * Disables an account everywhere: it can no longer log in, and its sessions end. Recorded in every
   * organisation it belongs to, so their admins see it. Answers false when it was disabled already.
   */
  async disableUser(email: string): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const user = await this.accounts.userByEmail(email.trim(), em);
      if (!user) throw new InstallationError(`No account has the e-mail address ${email.trim().toLowerCase()}.`);
      if (user.disabled) return false;
      await this.accounts.disableUser(user.id, em);
      for (const m of await this.accounts.memberships(user.id, em))
        await this.audit.append(
          {
            organisationId: m.organisationId,
            userId: null,
            action: 'user.disable',
            entity: 'user',
            entityId: user.id,
            after: { email: user.email },
            client: CLI_CLIENT,
          },
          em,
        );
      return true;
    });
  }
}
