import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '@tillit/contract';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository';
import { AppError } from '../common/app-error';
import { AuthContext } from '../common/auth-context';
import { AuthRepository } from './auth.repository';

export interface MemberResponse {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  unionRep: boolean;
  /** The account is disabled: it cannot log in anywhere. */
  disabled: boolean;
  memberSince: string;
}

/** An organisation's admin manages who is a member and with which role (new members come by invitation). */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AuthRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(caller: AuthContext): Promise<MemberResponse[]> {
    return (await this.accounts.members(caller.organisationId)).map((m) => ({
      userId: m.userId,
      email: m.email,
      displayName: m.displayName,
      role: m.role,
      unionRep: m.unionRep,
      disabled: m.disabled,
      memberSince: m.createdAt.toISOString(),
    }));
  }

  /**
   * Changes a member's role, whether they are a union representative, or whether their account is
   * disabled. An account opens every organisation it belongs to, so an admin may disable (or enable) only
   * an account that belongs to their organisation alone (else 400 `shared_account`: the installation
   * does it, `npx tillit user disable`), never their own, and never the last admin's.
   */
  async update(caller: AuthContext, userId: string, change: { role?: Role; unionRep?: boolean; disabled?: boolean }): Promise<MemberResponse> {
    if (change.role === undefined && change.unionRep === undefined && change.disabled === undefined) {
      throw AppError.validation([{ field: 'role', code: 'required', reason: 'send a role, unionRep, disabled or more' }]);
    }
    await this.dataSource.transaction(async (em) => {
      const member = await this.memberOrFail(caller, userId, em);
      const role = change.role;
      if (role !== undefined) {
        if (member.role === 'admin' && role !== 'admin') await this.keepAnAdmin(caller, em);
        await this.accounts.setRole(caller.organisationId, userId, role, em);
        await this.record(em, caller, 'member.role', userId, { role: member.role }, { role });
      }
      if (change.unionRep !== undefined) {
        await this.accounts.setUnionRep(caller.organisationId, userId, change.unionRep, em);
        await this.record(em, caller, 'member.union_rep', userId, { unionRep: member.unionRep }, { unionRep: change.unionRep });
      }
      if (change.disabled !== undefined && change.disabled !== member.disabled) {
        if (userId === caller.userId)
          throw AppError.validation([{ field: 'disabled', code: 'own_account', reason: 'you cannot disable your own account' }]);
        if ((await this.accounts.memberships(userId, em)).length > 1)
          throw AppError.validation([
            {
              field: 'disabled',
              code: 'shared_account',
              params: { action: 'disable' },
              reason: 'the account belongs to other organisations too: the installation disables it (npx tillit user disable)',
            },
          ]);
        if (change.disabled) {
          if (member.role === 'admin') await this.keepAnAdmin(caller, em);
          await this.accounts.disableUser(userId, em);
        } else await this.accounts.enableUser(userId, em);
        await this.record(
          em,
          caller,
          change.disabled ? 'member.disable' : 'member.enable',
          userId,
          { disabled: member.disabled },
          { disabled: change.disabled },
        );
      }
    });
    return (await this.list(caller)).find((m) => m.userId === userId) as MemberResponse;
  }

  async remove(caller: AuthContext, userId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const member = await this.memberOrFail(caller, userId, em);
      if (member.role === 'admin') await this.keepAnAdmin(caller, em);
      await this.accounts.removeMembership(caller.organisationId, userId, em);
      await this.record(em, caller, 'member.remove', userId, { email: member.email, role: member.role }, undefined);
    });
  }

  private async memberOrFail(caller: AuthContext, userId: string, em: EntityManager) {
    const member = (await this.accounts.members(caller.organisationId, em)).find((m) => m.userId === userId);
    if (!member) throw AppError.notFound('Member');
    return member;
  }

  private async keepAnAdmin(caller: AuthContext, em: EntityManager): Promise<void> {
    const admins = (await this.accounts.members(caller.organisationId, em)).filter((m) => m.role === 'admin' && !m.disabled);
    if (admins.length <= 1)
      throw AppError.validation([{ field: 'role', code: 'last_admin', reason: 'the organisation must keep at least one admin' }]);
  }

  private record(em: EntityManager, caller: AuthContext, action: string, userId: string, before: unknown, after: unknown): Promise<void> {
    return this.audit.append(
      {
        organisationId: caller.organisationId,
        userId: caller.userId,
        action,
        entity: 'member',
        entityId: userId,
        before,
        after,
        client: caller.client,
      },
      em,
    );
  }
}
